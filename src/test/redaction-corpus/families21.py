# The twenty-first collection (session 25, corpus21): the clean measure of this stop, written blind (no rule writer reads
# it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to twentieth, its families come
# from the MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application prints, here
# those the twenty collections touch least: HTTP clients' debug output (OkHttp's HttpLoggingInterceptor, Axios errors'
# config dumps, urllib3's retries, httpx and httpcore's trace, Excon, Typhoeus, Guzzle, Refit, Spring's WebClient, curl
# --trace-ascii), ORMs' and database drivers' query and connection logs (Prisma, Sequelize's CLI, TypeORM, Knex's CLI,
# SQLAlchemy's echo, ActiveRecord, EF Core's tools, GORM, Diesel, node-postgres, pgx, DriverManager, HikariCP), cache
# and queue clients (ioredis, Lettuce, Jedis, BullMQ, Celery, amqplib, kafkajs, kafka-go, librdkafka, Confluent's .NET
# client), build and package tools in verbose mode (Gradle, mvn -X, npm, Yarn, pnpm, pip -v, Poetry, cargo -vv, go,
# Bazel, sbt), container and cluster tooling in debug (helm --debug, kubectl -v=8, Skaffold, Tilt, docker compose config,
# BuildKit), cloud CLIs (aws --debug, az, gcloud, doctl, flyctl, Vercel, Netlify, Heroku, firebase-tools), browser test
# runners' verbose output (Cypress, WebdriverIO, Selenium Manager and Grid, Puppeteer, TestCafe, Nightwatch), output
# full of must-keep strings that look like secrets (GitHub Actions' debug, Symfony's env-var table, Spring's actuator,
# docker login's usage, gpg and jarsigner, git's credential trace, ChromeDriver, the .NET SDK, Terraform, Ansible), and
# output those tools localise in languages the twenty never use (Armenian, Georgian, Azerbaijani, Kazakh, Welsh, Basque,
# Galician, Afrikaans, Albanian, Macedonian, Khmer, Telugu), each in a
# MESSAGE SHAPE none of the twenty collections has (checked by a script: the `marker` below looked for in every
# failure-output*.jsonl, corpus.jsonl and outside-mainstream-2.txt to -7.txt, case-insensitively and
# JSON-escaped; candidates found there were dropped or rewritten before the collection was built). Deliberately many
# must-keep strings look close to secrets: placeholders and references that are not values (`--password=PASSWORD`,
# `-p <password>`, `${DB_PASSWORD}`, `{{ secrets.NPM_TOKEN }}`, `%env(APP_SECRET)%`, `****`, `<redacted>`), usage text
# printed on a bad flag, four-part versions, commit and content hashes, build ids, file names, example hosts, error codes
# and localised words beside secret-like labels. Personal data: big countries' phones in shapes no collection planted
# yet, and two business numbers no collection has with VALID check digits (China's unified social credit code and New
# Zealand's NZBN; TwentyFirstIds.java). Each family names the public page its shape was learnt from; nothing was copied
# and every value is invented. Same template language as the twentieth, with `auto_keep` on. Split like the sixth to
# twentieth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed before any rule ran, not redrawn.

from families20 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "svc21": ["orders-api", "checkout-web", "billing-worker", "catalog-sync"],
    "host21": ["api.example.com", "staging.example.org", "internal.example.net"],
    "ver21": ["4.12.0.1", "8.0.3.2201", "2.31.0.4", "17.0.11.9"],
    "build21": ["build-20240611.4", "ci-88213", "gh-run-9471102233"],
    "model21": ["User", "Order", "Invoice", "Customer"],
    "table21": ["users", "orders", "invoices", "customers"],
    "queue21": ["emails", "orders.created", "invoice-render", "webhooks-out"],
    "topic21": ["orders.v1", "payments.events", "customer-updates"],
    "group21": ["orders-consumer", "billing-group", "audit-sink"],
    "gradletask21": [":app:test", ":api:integrationTest", ":core:compileJava"],
    "mvnart21": ["com.acme:orders-api:jar:2.4.1", "io.globex:billing-core:jar:1.9.0"],
    "npmpkg21": ["@acme/ui-kit", "@globex/api-client", "@initech/config"],
    "crate21": ["orders_api", "billing_core", "catalog_sync"],
    "gomod21": ["github.com/acme/orders-api", "gitlab.com/globex/billing"],
    "chart21": ["orders-api", "checkout-web", "billing-worker"],
    "k8sns21": ["staging", "payments", "orders-dev"],
    "image21": ["ghcr.io/acme/orders-api:1.4.2", "registry.gitlab.com/globex/billing:sha-3f9c2a1"],
    "awsreg21": ["eu-west-1", "us-east-2", "ap-southeast-1"],
    "flyapp21": ["orders-api-staging", "checkout-preview", "billing-prod"],
    "spec21": ["cypress/e2e/login.cy.ts", "cypress/e2e/checkout.cy.ts", "cypress/e2e/profile.cy.ts"],
    "wdspec21": ["./test/specs/login.e2e.js", "./test/specs/signup.e2e.js"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- HTTP clients' debug and wire logs ---------------------------------------------------------------------------------

fam("okhttp-logging-interceptor-body", "https://square.github.io/okhttp/features/interceptors/", [
    """I/okhttp.OkHttpClient: --> POST https://${host21}/v2/session
I/okhttp.OkHttpClient: Content-Type: application/json; charset=UTF-8
I/okhttp.OkHttpClient: {"login":"{{EMAIL}}","password":"{{PASSWORD}}","device":"Pixel 7","phone":"{{PHONE_KR_LANDLINE}}"}
I/okhttp.OkHttpClient: <-- HTTP FAILED: javax.net.ssl.SSLHandshakeException: Chain validation failed
Tests: 1 failed, 0 ignored (com.acme.app.LoginRepositoryTest)""",
    """I/okhttp.OkHttpClient: --> GET https://${host21}/v2/me
I/okhttp.OkHttpClient: Authorization: Bearer {{JWT}}
I/okhttp.OkHttpClient: X-Api-Key: ██
I/okhttp.OkHttpClient: --> END GET
I/okhttp.OkHttpClient: <-- 403 Forbidden https://${host21}/v2/me (88ms, unknown-length body)
> Task :app:testDebugUnitTest FAILED""",
], ["X-Api-Key: ██"], marker=["I/okhttp.OkHttpClient: <-- HTTP FAILED: javax.net.ssl.SSLHandshakeException", "I/okhttp.OkHttpClient: --> END GET"])

fam("axios-error-config-dump", "https://axios-http.com/docs/handling_errors", [
    """AxiosError: Request failed with status code 401
    at settle (node_modules/axios/lib/core/settle.js:19:12)
  code: 'ERR_BAD_REQUEST',
  config: {
    baseURL: 'https://${host21}',
    headers: Object [AxiosHeaders] { Accept: 'application/json', 'X-Api-Key': '{{API_KEY}}' },
    auth: { username: 'svc-reports', password: '{{PASSWORD}}' },
    method: 'get', url: '/v1/reports'
  },
Tests:       1 failed, 12 passed, 13 total""",
    """AxiosError: timeout of 5000ms exceeded
  code: 'ECONNABORTED',
  config: {
    url: 'https://${host21}/oauth/token',
    data: '{"grant_type":"client_credentials","client_id":"${alnum24}","client_secret":"{{AZURE_CLIENT_SECRET}}"}',
    env: { FormData: [Function], Blob: [class Blob] }, timeout: 5000
  },
  Use process.env.CLIENT_SECRET (default: <not set>) in CI
Error: Process completed with exit code 1.""",
], ["Object [AxiosHeaders]", "process.env.CLIENT_SECRET", "<not set>"], marker=["headers: Object [AxiosHeaders] { Accept: 'application/json',", "env: { FormData: [Function], Blob: [class Blob] }"])

fam("urllib3-connectionpool-debug-query", "https://urllib3.readthedocs.io/en/stable/user-guide.html#logging", [
    """DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): ${host21}:443
DEBUG:urllib3.connectionpool:https://${host21}:443 "GET /api/v3/export?format=csv&access_token={{GOOGLE_OAUTH_ACCESS}} HTTP/1.1" 401 53
DEBUG:urllib3.util.retry:Converted retries value: 3 -> Retry(total=3, connect=None, read=None, redirect=None, status=None)
FAILED tests/test_export.py::test_export_csv - requests.exceptions.HTTPError: 401 Client Error""",
    """WARNING:urllib3.connectionpool:Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))': /v1/users
DEBUG:urllib3.connectionpool:https://${host21}:443 "POST /v1/users/{{EMAIL}}/reset?key={{HEX40}} HTTP/1.1" 500 0
DEBUG:urllib3.connectionpool:Incremented Retry for (url='/v1/users'): Retry(total=2, connect=None, read=None, redirect=None, status=None)
ERROR tests/test_users.py::test_reset - urllib3.exceptions.MaxRetryError""",
], ["Retry(total=3, connect=None, read=None, redirect=None, status=None)"], marker=["DEBUG:urllib3.util.retry:Converted retries value: 3 -> Retry(total=3", "WARNING:urllib3.connectionpool:Retrying (Retry(total=2"])

fam("httpx-httpcore-trace-headers", "https://www.python-httpx.org/logging/", [
    """DEBUG [httpcore.connection] connect_tcp.started host='${host21}' port=443 local_address=None timeout=5.0 socket_options=None
DEBUG [httpcore.http11] send_request_headers.started request=<Request [b'POST']>
DEBUG [httpx] HTTP Request: POST https://${host21}/v1/charges?api_key={{STRIPE_SK}} "HTTP/1.1 402 Payment Required"
FAILED tests/test_billing.py::test_charge - httpx.HTTPStatusError: Client error '402 Payment Required'""",
    """DEBUG [httpcore.http2] send_request_headers.complete return_value=None
DEBUG [httpx] load_ssl_context verify=True cert=None trust_env=True http2=True
headers=Headers({'host': '${host21}', 'authorization': '[secure]', 'cookie': 'session={{FLASK_SESSION}}'})
ERROR tests/test_profile.py::test_profile_page - httpx.ReadTimeout""",
], ["'authorization': '[secure]'"], marker=["DEBUG [httpcore.connection] connect_tcp.started host='", "DEBUG [httpx] load_ssl_context verify=True cert=None trust_env=True"])

fam("excon-debug-request-hash", "https://github.com/excon/excon#debugging", [
    """excon.request
  :headers           => {
    "Authorization" => "Bearer {{JWT}}"
    "Host"          => "${host21}:443"
  }
  :path              => "/api/v2/tickets"
  :query             => {"api_key"=>"{{HEX40}}"}
Excon::Error::Unauthorized: Expected([200]) <=> Actual(401 Unauthorized)
rspec ./spec/clients/helpdesk_client_spec.rb:22 # HelpdeskClient creates a ticket""",
    """excon.error
  :error => #<Excon::Error::Socket: Connection reset by peer (Errno::ECONNRESET)>
  :body  => "{\\"requester\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_MX_CDMX}}\\",\\"organization\\":{\\"nzbn\\":\\"{{NZBN_NZ}}\\"}}"
  :user  => "support-bot"
  :password => "{{PASSWORD}}"
Finished in 1.12 seconds (files took 2.41 seconds to load)""",
], ['"Host"          => "'], marker=["Excon::Error::Unauthorized: Expected([200]) <=> Actual(401 Unauthorized)", "excon.error"])

fam("guzzle-request-exception-dump", "https://docs.guzzlephp.org/en/stable/quickstart.html#exceptions", [
    """GuzzleHttp\\Exception\\RequestException: cURL error 60: SSL certificate problem: unable to get local issuer certificate (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://${host21}/oauth/token
  'form_params' => ['client_id' => '${num}', 'client_secret' => '{{ALNUM24}}{{ALNUM24}}', 'grant_type' => 'client_credentials']
  (config: 'services.crm.secret' => env('CRM_SECRET'))
FAILURES!
Tests: 48, Assertions: 131, Failures: 1.""",
    """GuzzleHttp\\Exception\\ServerException: Server error: `GET https://${host21}/v1/contacts?email={{EMAIL_URLENC}}` resulted in a `503 Service Unavailable` response
  'headers' => ['X-Auth-Token' => '{{HEX64}}', 'Accept' => 'application/json']
  Set CRM_TOKEN in .env.testing (see .env.example: CRM_TOKEN=changeme)
ERRORS!
Tests: 52, Assertions: 140, Errors: 1.""",
], ["env('CRM_SECRET')", "CRM_TOKEN=changeme"], marker=["cURL error 60: SSL certificate problem: unable to get local issuer certificate", "resulted in a `503 Service Unavailable` response"])

fam("refit-api-exception-request", "https://github.com/reactiveui/refit#handling-exceptions", [
    """  Failed Orders.Tests.CrmClientTests.CreatesContact [212 ms]
  Error Message:
   Refit.ApiException : Response status code does not indicate success: 401 (Unauthorized).
  RequestMessage: Method: POST, RequestUri: 'https://${host21}/api/contacts?code={{HEX32}}', Version: 1.1, Headers: { Authorization: Bearer {{JWT}} }
Failed!  - Failed:     1, Passed:    63, Skipped:     0, Total:    64""",
    """   Refit.ApiException : Response status code does not indicate success: 403 (Forbidden).
  Content: {"error":"subscription key rejected"}
  RequestMessage.Headers: Ocp-Apim-Subscription-Key: {{HEX32}}, X-Customer-Phone: {{PHONE_EG_INTL}}
  [Headers("Ocp-Apim-Subscription-Key: {key}")] // key from configuration: Payments:SubscriptionKey
Failed!  - Failed:     2, Passed:    17, Skipped:     0, Total:    19""",
], ['[Headers("Ocp-Apim-Subscription-Key: {key}")]'], marker=["Refit.ApiException : Response status code does not indicate success: 401 (Unauthorized).", "RequestMessage.Headers: Ocp-Apim-Subscription-Key: "])

fam("spring-webclient-exchange-strategies-debug", "https://docs.spring.io/spring-framework/reference/web/webflux-webclient/client-builder.html", [
    """DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions       : [5a1b2c3d] HTTP POST https://${host21}/v1/orders, headers={masked}
DEBUG 1 --- [ctor-http-nio-2] o.s.http.codec.json.Jackson2JsonEncoder  : [5a1b2c3d] Encoding [{customerEmail={{EMAIL}}, cardNumber={{CARD}}}]
DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions       : [5a1b2c3d] [ffa2e910-1] Response 402 PAYMENT_REQUIRED
[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0""",
    """DEBUG 1 --- [ctor-http-nio-3] o.s.w.r.f.client.ExchangeFunctions       : [7e8f9a0b] HTTP GET https://${host21}/v1/me, headers=[Authorization:"Bearer {{JWT}}", Cookie:"SESSION={{JSESSIONID}}"]
  spring.codec.log-request-details: true (set it to false outside tests)
DEBUG 1 --- [ctor-http-nio-3] o.s.w.r.f.client.ExchangeFunctions       : [7e8f9a0b] [c0d1e2f3-2] Response 302 FOUND
[ERROR] Failures: OrdersIT.createsOrder:42 expected: <201> but was: <302>""",
], ["headers={masked}", "spring.codec.log-request-details: true"], marker=["o.s.w.r.f.client.ExchangeFunctions       : [5a1b2c3d] HTTP POST https://", "spring.codec.log-request-details: true"])

fam("curl-trace-ascii-send-header", "https://curl.se/docs/manpage.html#--trace-ascii", [
    """+ curl --trace-ascii - -u deploy:{{PASSWORD}} https://${host21}/api/releases
== Info: Connected to ${host21} (203.0.113.10) port 443
=> Send header, 141 bytes (0x8d)
0000: GET /api/releases HTTP/2
001c: authorization: Basic {{BASIC_CRED}}
<= Recv header, 13 bytes (0xd)
Error: Process completed with exit code 22.""",
    """=> Send header, 188 bytes (0xbc)
0000: POST /hooks/deploy HTTP/1.1
0020: Host: ${host21}
0036: X-Deploy-Token: {{HEX40}}
=> Send data, 61 bytes (0x3d)
0000: {"ref":"${sha}","env":"staging"}
== Info: HTTP/1.1 403 Forbidden
ERROR: Job failed: exit code 22""",
], [], marker=["=> Send header, 141 bytes (0x8d)", "=> Send header, 188 bytes (0xbc)"])

fam("excon-stub-and-typhoeus-verbose", "https://github.com/typhoeus/typhoeus#verbose-output", [
    """Typhoeus::Request.new("https://${host21}/api/v1/exports", method: :post, userpwd: "reports:{{PASSWORD}}", verbose: true).run
* Connected to ${host21} (203.0.113.7) port 443 (#0)
> POST /api/v1/exports HTTP/1.1
< HTTP/1.1 401 Unauthorized
rspec ./spec/services/export_service_spec.rb:31 # ExportService uploads the export""",
    """Typhoeus::Response code=0 return_code=:operation_timedout return_message="Timeout was reached"
  request.options: {:headers=>{"User-Agent"=>"Typhoeus - https://github.com/typhoeus/typhoeus", "X-Api-Token"=>"{{HEX40}}"}, :timeout=>5}
Finished in 5.31 seconds (files took 2.1 seconds to load)""",
], ['"User-Agent"=>"Typhoeus - https://github.com/typhoeus/typhoeus"'], marker=['verbose: true).run', "Typhoeus::Response code=0 return_code=:operation_timedout"])

# --- ORMs and database drivers ----------------------------------------------------------------------------------------

fam("prisma-query-event-params", "https://www.prisma.io/docs/orm/prisma-client/observability-and-logging/logging", [
    """prisma:query SELECT "public"."User"."id", "public"."User"."email" FROM "public"."User" WHERE "public"."User"."email" = $$1 LIMIT $$2 OFFSET $$3
Params: ["{{EMAIL}}",1,0]
prisma:query INSERT INTO "public"."Session" ("token","userId") VALUES ($$1,$$2) RETURNING "public"."Session"."id"
Params: ["{{HEX64}}","${uuid}"]
 FAIL  src/auth/session.test.ts""",
    """prisma:info Starting a postgresql pool with 9 connections.
+ npx prisma migrate diff --from-url "postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}" --to-schema-datamodel prisma/schema.prisma --script
  datasource db { url = env("DATABASE_URL") }
  DATABASE_URL="postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}?schema=public"
 FAIL  src/orders/orders.repository.test.ts""",
], ['url = env("DATABASE_URL")'], marker=['prisma:query INSERT INTO "public"."Session"', '--to-schema-datamodel prisma/schema.prisma --script'])

fam("sequelize-cli-migrate-and-connection", "https://sequelize.org/docs/v6/other-topics/migrations/", [
    """Sequelize CLI [Node: 20.14.0, CLI: 6.6.2, ORM: 6.37.3]
Loaded configuration file "config/config.json".
Using environment "test".
  + npx sequelize-cli db:migrate --url 'postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}'
ERROR: password authentication failed for user "${dbuser}\"""",
    """SequelizeConnectionError: password authentication failed for user "${dbuser}"
  new Sequelize('${db}', '${dbuser}', '{{PASSWORD}}', { host: '${dbhost}', dialect: 'postgres', logging: console.log })
  config/config.json: "password": "$${DB_PASSWORD}"
npm ERR! code ELIFECYCLE""",
], ['"password": "${DB_PASSWORD}"', "Sequelize CLI [Node: 20.14.0, CLI: 6.6.2, ORM: 6.37.3]"], marker=['Loaded configuration file "config/config.json".', "dialect: 'postgres', logging: console.log })"])

fam("typeorm-query-failed-parameters", "https://typeorm.io/logging", [
    """query failed: INSERT INTO "user"("email", "passwordHash", "phone") VALUES ($$1, $$2, $$3) RETURNING "id"
-- PARAMETERS: ["{{EMAIL}}","{{BCRYPT_HASH}}","{{PHONE_AR_INTL}}"]
error: error: duplicate key value violates unique constraint "UQ_e12875dfb3b1d92d7d7c5377e22"
  ● UsersService › create › rejects duplicate emails""",
    """query: SELECT * FROM "api_key" "ApiKey" WHERE "ApiKey"."key" = $$1 -- PARAMETERS: ["{{API_KEY}}"]
TypeORMError: Driver not Connected
  DataSource({ type: 'mysql', host: '${mysqlhost}', port: ${myport}, username: '${dbuser}', password: '{{PASSWORD}}', database: '${db}' })
Tests:       1 failed, 20 passed, 21 total""",
], ['"UQ_e12875dfb3b1d92d7d7c5377e22"'], marker=["query failed: INSERT INTO \"user\"(", 'WHERE "ApiKey"."key" = $1 -- PARAMETERS: ['])

fam("knex-migrate-cli-environment", "https://knexjs.org/guide/migrations.html#migration-cli", [
    """+ npx knex migrate:latest --env ci
Using environment: ci
Error: connect ECONNREFUSED ${privip}:${pgport}
  knexfile.js ci: { client: 'pg', connection: 'postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}' }
  1) Auth middleware rejects a revoked token""",
    """Using environment: test
Error: connect ECONNREFUSED ${privip}:${pgport}
  knex({ client: 'pg', connection: { host: '${dbhost}', user: '${dbuser}', password: '{{PASSWORD}}', database: '${db}' } })
  knexfile.js: connection: process.env.DATABASE_URL || 'postgres://localhost/dev'
npm ERR! Lifecycle script `test` failed with error:""",
], ["process.env.DATABASE_URL || 'postgres://localhost/dev'"], marker=["+ npx knex migrate:latest --env ci", "knex({ client: 'pg', connection: { host: '"])

fam("sqlalchemy-echo-parameters", "https://docs.sqlalchemy.org/en/20/core/engines.html#configuring-logging", [
    """INFO sqlalchemy.engine.Engine BEGIN (implicit)
INFO sqlalchemy.engine.Engine INSERT INTO api_tokens (user_email, token, created_at) VALUES (%(user_email)s, %(token)s, now()) RETURNING api_tokens.id
INFO sqlalchemy.engine.Engine [generated in 0.00031s] {'user_email': '{{EMAIL}}', 'token': '{{HEX64}}', 'company_uscc': '{{USCC_CN}}'}
INFO sqlalchemy.engine.Engine ROLLBACK
FAILED tests/test_tokens.py::test_issue_token - sqlalchemy.exc.IntegrityError""",
    """sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
(Background on this error at: https://sqlalche.me/e/20/e3q8)
  create_engine("postgresql+psycopg2://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}", echo=True)
ERROR tests/conftest.py::db - sqlalchemy.exc.OperationalError""",
], ["https://sqlalche.me/e/20/e3q8"], marker=["INFO sqlalchemy.engine.Engine [generated in 0.00031s] {", 'create_engine("postgresql+psycopg2://'])

fam("activerecord-sql-log-binds", "https://guides.rubyonrails.org/debugging_rails_applications.html#the-logger", [
    """  User Load (0.6ms)  SELECT "users".* FROM "users" WHERE "users"."email" = $$1 LIMIT $$2  [["email", "{{EMAIL}}"], ["phone", "{{PHONE_TR_LANDLINE}}"], ["LIMIT", 1]]
  ApiKey Create (0.9ms)  INSERT INTO "api_keys" ("token", "user_id") VALUES ($$1, $$2) RETURNING "id"  [["token", "{{HEX40}}"], ["user_id", 42]]
  TRANSACTION (0.2ms)  ROLLBACK
rspec ./spec/models/api_key_spec.rb:14 # ApiKey issues a token""",
    """ActiveRecord::ConnectionNotEstablished: connection to server at "${dbhost}" (${privip}), port ${pgport} failed: fe_sendauth: no password supplied
  config/database.yml: password: <%= ENV["DATABASE_PASSWORD"] %>
  + DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db} bin/rails db:prepare
Finished in 0.41 seconds (files took 3.2 seconds to load)""",
], ['password: <%= ENV["DATABASE_PASSWORD"] %>'], marker=['ApiKey Create (0.9ms)  INSERT INTO "api_keys"', "fe_sendauth: no password supplied"])

fam("efcore-tools-and-retry-on-failure", "https://learn.microsoft.com/en-us/ef/core/cli/dotnet#dotnet-ef-database-update", [
    """+ dotnet ef database update --project src/Orders.Infrastructure --connection "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}"
Build started...
Build succeeded.
  Seed row: @p0='{{EMAIL}}', @p1='{{PHONE_CO_INTL}}', @p2='{{USCC_CN}}'
28P01: password authentication failed for user "${dbuser}\"""",
    """System.InvalidOperationException: An exception has been raised that is likely due to a transient failure. Consider enabling transient error resiliency by adding 'EnableRetryOnFailure' to the 'UseSqlServer' call.
  options.UseSqlServer("Server=tcp:${sqlsrvhost},1433;Database=${db};User ID=${dbuser};Password={{PASSWORD}};Encrypt=True")
  appsettings.json: "Default": "Server=(localdb)\\\\mssqllocaldb;Database=dev;Trusted_Connection=True"
Failed!  - Failed:     5, Passed:     0, Skipped:     0, Total:     5""",
], ["Build started...", "Build succeeded."], marker=["dotnet ef database update --project src/Orders.Infrastructure --connection", "Consider enabling transient error resiliency by adding 'EnableRetryOnFailure' to the 'UseSqlServer' call."])

fam("gorm-logger-record-not-found", "https://gorm.io/docs/logger.html", [
    """2024/06/11 09:14:02 /app/internal/store/users.go:48 record not found
[0.612ms] [rows:0] SELECT * FROM `users` WHERE email = '{{EMAIL}}' AND phone = '{{PHONE_CN_LANDLINE}}' AND api_key = '{{HEX32}}' ORDER BY `users`.`id` LIMIT 1
--- FAIL: TestFindByAPIKey (0.01s)
FAIL	github.com/acme/orders-api/internal/store	0.214s""",
    """2024/06/11 09:14:02 /app/internal/db/db.go:22
[error] failed to initialize database, got error Error 1045 (28000): Access denied for user '${dbuser}'@'${privip}' (using password: YES)
  dsn := "${dbuser}:{{PASSWORD}}@tcp(${mysqlhost}:${myport})/${db}?charset=utf8mb4&parseTime=True&loc=Local"
FAIL	github.com/acme/orders-api/internal/db	0.031s""",
], [], marker=["[rows:0] SELECT * FROM `users` WHERE email = '", "[error] failed to initialize database, got error Error 1045"])

fam("diesel-connection-error-and-debug-query", "https://docs.diesel.rs/2.1.x/diesel/fn.debug_query.html", [
    """thread 'tests::creates_session' panicked at src/db.rs:31:10:
Error connecting to postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}: FATAL:  password authentication failed for user "${dbuser}"
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
test result: FAILED. 11 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out""",
    """[src/repo.rs:57] debug_query::<Pg, _>(&q).to_string() = "INSERT INTO \\"sessions\\" (\\"token\\", \\"email\\") VALUES ($$1, $$2) -- binds: [\\"{{HEX64}}\\", \\"{{EMAIL}}\\"]"
thread 'repo::tests::insert_session' panicked at src/repo.rs:60:9:
assertion `left == right` failed
error: test failed, to rerun pass `--lib`""",
], ["note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"], marker=["Error connecting to postgres://", "debug_query::<Pg, _>(&q).to_string() ="])

fam("node-postgres-client-config-error", "https://node-postgres.com/apis/client", [
    """error: password authentication failed for user "${dbuser}"
    at Parser.parseErrorMessage (node_modules/pg-protocol/dist/parser.js:283:98)
  length: 104, severity: 'FATAL', code: '28P01', routine: 'auth_failed'
  new Client({ host: '${dbhost}', port: ${pgport}, user: '${dbuser}', password: '{{PASSWORD}}', database: '${db}', ssl: { rejectUnauthorized: false } })
 FAIL  test/db.integration.test.js""",
    """Error: SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string
    at Object.startSession (node_modules/pg/lib/crypto/sasl.js:15:11)
  connectionString: 'postgresql://${dbuser}@${dbhost}:${pgport}/${db}', password: undefined
  hint: set PGPASSWORD or pass { password: process.env.PGPASSWORD }
 FAIL  test/migrations.test.js""",
], ["SCRAM-SERVER-FIRST-MESSAGE: client password must be a string", "{ password: process.env.PGPASSWORD }"], marker=["ssl: { rejectUnauthorized: false } })", "SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string"])

fam("pgx-connect-config-error", "https://pkg.go.dev/github.com/jackc/pgx/v5#hdr-Establishing_a_Connection", [
    """--- FAIL: TestRepository (0.02s)
    repo_test.go:19: pgx.Connect(ctx, "postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=disable"): failed to connect to `user=${dbuser} database=${db}`: ${privip}:${pgport} (${dbhost}): server error: FATAL: password authentication failed (SQLSTATE 28P01)
FAIL	github.com/acme/orders-api/internal/repo	0.044s""",
    """2024-06-11T09:14:02Z ERR pgx: Query args=["{{EMAIL}}","{{PHONE_CL_INTL}}"] err="ERROR: null value in column \\"name\\" violates not-null constraint (SQLSTATE 23502)" pid=3121 sql="insert into contacts(email, phone) values($$1, $$2)"
--- FAIL: TestCreateContact (0.00s)
FAIL	github.com/acme/orders-api/internal/contacts	0.019s""",
], ["(SQLSTATE 28P01)", "(SQLSTATE 23502)"], marker=["repo_test.go:19: pgx.Connect(ctx, \"postgres://", "ERR pgx: Query args=["])

fam("jdbc-drivermanager-log-writer", "https://docs.oracle.com/en/java/javase/17/docs/api/java.sql/java/sql/DriverManager.html#setLogWriter(java.io.PrintWriter)", [
    """DriverManager.getConnection("jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{URL_PASSWORD}}")
    trying org.postgresql.Driver
getConnection failed: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbuser}"
[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.912 s <<< FAILURE! -- in com.acme.orders.RepositoryIT""",
    """DriverManager.getConnection("jdbc:mysql://${mysqlhost}:${myport}/${db}")
    trying com.mysql.cj.jdbc.Driver
java.sql.SQLException: Access denied for user '${dbuser}'@'${privip}' (using password: YES)
  props: {user=${dbuser}, password={{PASSWORD}}, useSSL=false}
[ERROR] Tests run: 6, Failures: 0, Errors: 1, Skipped: 0""",
], ["    trying org.postgresql.Driver", "    trying com.mysql.cj.jdbc.Driver"], marker=["    trying org.postgresql.Driver", "    trying com.mysql.cj.jdbc.Driver"])

fam("hikaricp-debug-configuration", "https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby", [
    """DEBUG com.zaxxer.hikari.HikariConfig - HikariPool-1 - configuration:
DEBUG com.zaxxer.hikari.HikariConfig - jdbcUrl.........................jdbc:postgresql://${dbhost}:${pgport}/${db}
DEBUG com.zaxxer.hikari.HikariConfig - password........................<masked>
DEBUG com.zaxxer.hikari.HikariConfig - dataSourceProperties............{password=<masked>, sslpassword={{PASSWORD}}}
ERROR com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Exception during pool initialization.""",
    """DEBUG com.zaxxer.hikari.HikariConfig - username........................"${dbuser}"
DEBUG com.zaxxer.hikari.HikariConfig - healthCheckProperties...........{}
DEBUG com.zaxxer.hikari.HikariConfig - exceptionOverrideClassName.......none
+ SPRING_DATASOURCE_PASSWORD={{PASSWORD}} ./gradlew bootRun --args='--spring.profiles.active=ci'
Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed""",
], ["password........................<masked>"], marker=["password........................<masked>", "DEBUG com.zaxxer.hikari.HikariConfig - exceptionOverrideClassName"])

# --- cache and queue clients ------------------------------------------------------------------------------------------

fam("ioredis-debug-connect-options", "https://github.com/redis/ioredis#debug", [
    """  ioredis:redis status[${redishost}:6379]: wait -> connecting +0ms
  ioredis:redis write command[${redishost}:6379]: 0 -> auth([ 'default', '{{PASSWORD}}' ]) +2ms
  ioredis:connection error: ReplyError: WRONGPASS invalid username-password pair or user is disabled. +4ms
 FAIL  test/cache.test.ts""",
    """[ioredis] Unhandled error event: Error: connect ETIMEDOUT
  new Redis('rediss://default:{{URL_PASSWORD}}@${redishost}:6380/0', { maxRetriesPerRequest: 3 })
  ioredis:redis write command[${redishost}:6380]: 0 -> set([ 'session:{{HEX32}}', '{"email":"{{EMAIL}}"}' ]) +1ms
Error: Process completed with exit code 1.""",
], [], marker=["-> auth([ 'default', '", "{ maxRetriesPerRequest: 3 })"])

fam("lettuce-debug-command-encode", "https://lettuce.io/core/release/reference/index.html#logging", [
    """DEBUG i.l.core.protocol.CommandHandler - [channel=0x1f3a2b44, /${privip}:53214 -> ${redishost}/${privip}:6379, epid=0x1] write() writeAndFlush command AsyncCommand [type=AUTH, output=StatusOutput [output=null, error='null'], commandType=io.lettuce.core.protocol.Command]
DEBUG i.l.core.RedisClient - Connecting to Redis at redis://default:{{URL_PASSWORD}}@${redishost}:6379
ERROR i.l.core.protocol.CommandHandler - WRONGPASS invalid username-password pair
[ERROR] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0""",
    """DEBUG i.l.core.protocol.RedisStateMachine - Decode done, empty stack: true
DEBUG i.l.core.protocol.CommandEncoder - [channel=0x55aa01ff, [id: 0x55aa01ff]] writing command SubscriptionCommand [type=SET, output=StatusOutput], args: key<session:{{HEX32}}> value<{{JWT}}>
[ERROR] Failures: SessionStoreIT.storesSession:37 expected: <OK> but was: <null>""",
], [], marker=["write() writeAndFlush command AsyncCommand [type=AUTH", "i.l.core.protocol.CommandEncoder - [channel="])

fam("jedis-connection-exception", "https://redis.github.io/jedis/", [
    """redis.clients.jedis.exceptions.JedisAccessControlException: WRONGPASS invalid username-password pair or user is disabled.
	at redis.clients.jedis.Protocol.processError(Protocol.java:105)
	at com.acme.cache.CacheIT.setUp(CacheIT.java:22)   // new Jedis("${redishost}", 6379).auth("{{PASSWORD}}")
[ERROR] Errors: CacheIT.setUp:22 » JedisAccessControl WRONGPASS""",
    """redis.clients.jedis.exceptions.JedisConnectionException: Failed to connect to any host resolved for DNS name.
	at redis.clients.jedis.DefaultJedisSocketFactory.connectToFirstSuccessfulHost(DefaultJedisSocketFactory.java:63)
  JedisPooled(URI.create("redis://app:{{URL_PASSWORD}}@${redishost}:6379/2"))
[ERROR] Tests run: 5, Failures: 0, Errors: 5, Skipped: 0""",
], [], marker=["[ERROR] Errors: CacheIT.setUp:22 » JedisAccessControl", "Failed to connect to any host resolved for DNS name."])

fam("bullmq-job-failed-data", "https://docs.bullmq.io/guide/workers", [
    """[worker:${queue21}] job 1874 failed after 3 attempts: Error: SMTP 535 5.7.8 Authentication failed
  job.data: {"to":"{{EMAIL}}","template":"welcome","smtp":{"user":"apikey","pass":"{{SENDGRID}}"}}
  at Worker.processJob (node_modules/bullmq/dist/cjs/classes/worker.js:455:28)
Error: Process completed with exit code 1.""",
    """[worker:${queue21}] job 552 failed: AxiosError: Request failed with status code 401
  job.data: {"webhookUrl":"https://${host21}/hooks/orders","secret":"{{WHSEC}}","phone":"{{PHONE_ZA_INTL}}"}
  new Queue('${queue21}', { connection: { host: '${redishost}', port: 6379, password: process.env.REDIS_PASSWORD } })
 FAIL  test/workers/webhooks.test.ts""",
], ["password: process.env.REDIS_PASSWORD"], marker=["failed after 3 attempts: Error: SMTP 535 5.7.8", "  job.data: {\"webhookUrl\":\"https://"])

fam("celery-kombu-broker-connection", "https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-url", [
    """[2024-06-11 09:14:02,118: ERROR/MainProcess] consumer: Cannot connect to amqp://${dbuser}:**@${amqphost}:5672//: [Errno 111] Connection refused.
Trying again in 4.00 seconds... (2/100)
  CELERY_BROKER_URL=amqp://${dbuser}:{{URL_PASSWORD}}@${amqphost}:5672//
ERROR tests/test_tasks.py::test_send_invoice - kombu.exceptions.OperationalError""",
    """[2024-06-11 09:14:02,604: ERROR/ForkPoolWorker-2] Task billing.tasks.charge_customer[${uuid}] raised unexpected: CardError('Your card was declined.')
  args: ('{{EMAIL}}', '{{CARD}}', '{{PHONE_KR_LANDLINE}}') kwargs: {'api_key': '{{STRIPE_SK}}'}
Traceback (most recent call last):
FAILED tests/test_billing_tasks.py::test_charge_customer""",
], ["Trying again in 4.00 seconds... (2/100)"], marker=["Trying again in 4.00 seconds... (2/100)", "ERROR/ForkPoolWorker-2] Task billing.tasks.charge_customer["])

fam("amqplib-connect-error-url", "https://amqp-node.github.io/amqplib/channel_api.html#connect", [
    """Error: Socket closed abruptly during opening handshake
    at afterStartOk (node_modules/amqplib/lib/connection.js:240:12)
  amqp.connect('amqps://${dbuser}:{{URL_PASSWORD}}@${amqphost}:5671/orders')
 FAIL  test/consumer.test.js""",
    """Error: Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no queue '${queue21}' in vhost '/'"
  ch.sendToQueue('${queue21}', Buffer.from('{"email":"{{EMAIL}}","token":"{{HEX32}}","phone":"{{PHONE_TR_LANDLINE}}"}'))
  amqplib: AMQP_URL=amqp://guest:guest@localhost:5672 (default)
npm ERR! code ELIFECYCLE""",
], ["amqp://guest:guest@localhost:5672"], marker=["Error: Socket closed abruptly during opening handshake", "ch.sendToQueue('"])

fam("kafkajs-sasl-authentication-error", "https://kafka.js.org/docs/configuration#sasl", [
    """{"level":"ERROR","timestamp":"2024-06-11T09:14:02.118Z","logger":"kafkajs","message":"[BrokerPool] Failed to connect to seed broker, trying another broker from the list: Connection timeout","retryCount":3,"retryTime":2480,"clientId":"${group21}"}
  new Kafka({ brokers: ['${kafkabroker19}'], ssl: true, sasl: { mechanism: 'plain', username: '{{CONFLUENT_KEY}}', password: '{{CONFLUENT_SECRET}}' } })
 FAIL  test/producer.test.ts""",
    """{"level":"DEBUG","timestamp":"2024-06-11T09:14:02.604Z","logger":"kafkajs","message":"[Producer] Sending messages","topic":"${topic21}","messages":[{"key":"{{EMAIL}}","value":"{\\"phone\\":\\"{{PHONE_SA_INTL}}\\"}"}]}
{"level":"ERROR","logger":"kafkajs","message":"[Producer] Topic authorization failed","topic":"${topic21}"}
Tests:       1 failed, 9 passed, 10 total""",
], [], marker=['[BrokerPool] Failed to connect to seed broker, trying another broker from the list', '"message":"[Producer] Sending messages","topic":"'])

fam("kafka-go-writer-sasl-error", "https://pkg.go.dev/github.com/segmentio/kafka-go/sasl/plain", [
    """--- FAIL: TestProduceOrderEvent (0.31s)
    producer_test.go:29: kafka.(*Writer).WriteMessages: [58] SASL Authentication Failed: SASL Authentication failed
    producer_test.go:30: mechanism := plain.Mechanism{Username: "{{CONFLUENT_KEY}}", Password: "{{CONFLUENT_SECRET}}"}
FAIL	github.com/acme/billing/internal/events	1.231s""",
    """--- FAIL: TestConsumeCustomers (2.01s)
    consumer_test.go:44: read message key="{{EMAIL}}" value={"card":"{{CARD}}","tel":"{{PHONE_CN_LANDLINE}}","uscc":"{{USCC_CN}}"}
    consumer_test.go:45: kafka.(*Reader).ReadMessage: context deadline exceeded
FAIL	github.com/acme/billing/internal/events	2.044s""",
], [], marker=["[58] SASL Authentication Failed: SASL Authentication failed", "kafka.(*Reader).ReadMessage: context deadline exceeded"])

fam("confluent-kafka-python-config-error", "https://docs.confluent.io/platform/current/clients/confluent-kafka-python/html/index.html", [
    """%3|1718097242.118|FAIL|rdkafka#producer-1| [thrd:sasl_ssl://${kafkabroker19}/bootstrap]: sasl_ssl://${kafkabroker19}/bootstrap: SASL authentication error: Authentication failed (after 5112ms in state AUTH_REQ)
  Producer({'bootstrap.servers': '${kafkabroker19}', 'security.protocol': 'SASL_SSL', 'sasl.mechanisms': 'PLAIN', 'sasl.username': '{{CONFLUENT_KEY}}', 'sasl.password': '{{CONFLUENT_SECRET}}'})
FAILED tests/test_events.py::test_publish_order""",
    """  Failed Billing.Tests.EventsTests.PublishesOrder [5 s]
  Error Message:
   Confluent.Kafka.KafkaException : Local: Authentication failure
  new ProducerConfig { BootstrapServers = "${kafkabroker19}", SaslMechanism = SaslMechanism.Plain, SaslUsername = "{{CONFLUENT_KEY}}", SaslPassword = "{{CONFLUENT_SECRET}}" }
  appsettings.json: "SaslPassword": "<from user-secrets>"
Failed!  - Failed:     1, Passed:    12, Skipped:     0, Total:    13""",
], ['"SaslPassword": "<from user-secrets>"'], marker=["(after 5112ms in state AUTH_REQ)", "Confluent.Kafka.KafkaException : Local: Authentication failure"])

# --- build and package tools in verbose mode ---------------------------------------------------------------------------

fam("gradle-info-repository-credentials", "https://docs.gradle.org/current/userguide/logging.html", [
    """> Could not find com.acme:orders-core:${ver21}.
  Searched in the following locations:
    - https://artifactory.example.com/artifactory/libs-release/com/acme/orders-core/${ver21}/orders-core-${ver21}.pom
  Required by:
      project :app
  + ./gradlew build -PartifactoryUser=ci -PartifactoryPassword={{PASSWORD}} --info
BUILD FAILED in 41s""",
    """[DEBUG] [org.gradle.internal.resource.transport.http.HttpClientHelper] Performing HTTP GET: https://maven.pkg.github.com/${ghrepo19}/com/acme/core/maven-metadata.xml
[DEBUG] [org.apache.http.headers] http-outgoing-3 >> Authorization: Basic {{BASIC_CRED}}
[DEBUG] [org.gradle.api.internal.artifacts] credentials { username = providers.gradleProperty("gpr.user"); password = providers.gradleProperty("gpr.key") }
FAILURE: Build failed with an exception.""",
], ['providers.gradleProperty("gpr.key")'], marker=["-PartifactoryPassword=", "[DEBUG] [org.apache.http.headers] http-outgoing-3 >> Authorization: Basic "])

fam("maven-x-settings-servers-dump", "https://maven.apache.org/settings.html#servers", [
    """[DEBUG] Reading user settings from /home/runner/.m2/settings.xml
[DEBUG] Using mirror nexus (https://nexus.example.com/repository/maven-public/) for central (https://repo.maven.apache.org/maven2).
[DEBUG]   (s) server = <server><id>nexus</id><username>ci-deployer</username><password>{{PASSWORD}}</password></server>
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy (default-deploy) on project orders-api: status code: 401, reason phrase: Unauthorized (401)""",
    """[DEBUG] -Dsonar.token={{HEX40}} -Dsonar.host.url=https://sonarcloud.io
[DEBUG] Configuring mojo org.sonarsource.scanner.maven:sonar-maven-plugin:3.10.0.2594:sonar from plugin realm ClassRealm[plugin>org.sonarsource.scanner.maven:sonar-maven-plugin:3.10.0.2594, parent: jdk.internal.loader.ClassLoaders$$AppClassLoader@5ffd2b27]
[DEBUG]   <password>$${env.NEXUS_PASSWORD}</password>
[ERROR] Failed to execute goal org.sonarsource.scanner.maven:sonar-maven-plugin:3.10.0.2594:sonar (default-cli) on project orders-api: Not authorized.""",
], ["<password>${env.NEXUS_PASSWORD}</password>", "sonar-maven-plugin:3.10.0.2594"], marker=["[DEBUG]   (s) server = <server><id>", "[DEBUG]   <password>${env."])

fam("npm-verbose-registry-auth", "https://docs.npmjs.com/cli/v10/using-npm/logging", [
    """npm verb cli /opt/hostedtoolcache/node/20.14.0/x64/bin/node /opt/hostedtoolcache/node/20.14.0/x64/bin/npm
npm http fetch PUT 401 https://registry.npmjs.org/${npmpkg21} 612ms
npm verb stack HttpErrorGeneral: 401 Unauthorized - PUT https://registry.npmjs.org/${npmpkg21}
  + npm publish --//registry.npmjs.org/:_authToken={{NPM_TOKEN}}
npm verb .npmrc: //registry.npmjs.org/:_authToken=$${NPM_TOKEN}
npm ERR! code E401""",
    """npm verb title npm publish
npm verb argv "publish" "--access" "public" "--otp" "{{OTP}}" "--loglevel" "verbose"
npm verb logfile /home/runner/.npm/_logs/2024-06-11T09_14_02_118Z-debug-0.log
  env: NODE_AUTH_TOKEN: {{ secrets.NPM_TOKEN }}
npm ERR! code EOTP""",
], ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "{{ secrets.NPM_TOKEN }}"], marker=["npm verb stack HttpErrorGeneral: 401 Unauthorized - PUT", 'npm verb argv "publish" "--access" "public" "--otp"'])

fam("yarn-berry-verbose-npm-auth", "https://yarnpkg.com/configuration/yarnrc#npmAuthToken", [
    """➤ YN0000: ┌ Resolution step
➤ YN0041: │ ${npmpkg21}@npm:${ver21}: Invalid authentication (as an anonymous user)
➤ YN0000: │ npmScopes.acme.npmAuthToken: {{GHP}} (from /home/runner/work/app/.yarnrc.yml)
➤ YN0000: └ Completed in 1s 204ms
➤ YN0000: Failed with errors in 1s 311ms""",
    """➤ YN0000: · Yarn 4.2.2
➤ YN0001: │ HTTPError: Response code 403 (Forbidden) for https://npm.pkg.github.com/${npmpkg21}
  .yarnrc.yml: npmAuthToken: "$${NODE_AUTH_TOKEN}"
➤ YN0000: yarn config set npmAuthToken {{NPM_TOKEN}}
➤ YN0000: Failed with errors in 2s 7ms""",
], ['npmAuthToken: "${NODE_AUTH_TOKEN}"'], marker=["npmScopes.acme.npmAuthToken:", "➤ YN0000: yarn config set npmAuthToken "])

fam("pnpm-reporter-ndjson-auth", "https://pnpm.io/npmrc#url_authtoken", [
    """ ERR_PNPM_FETCH_401  GET https://npm.pkg.github.com/${npmpkg21}: Unauthorized - 401
No authorization header was set for the request.
  pnpm config set //npm.pkg.github.com/:_authToken {{GHP}}
 ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  orders-web@0.0.0 test: `vitest run`""",
    """{"level":"debug","name":"pnpm:request-retry","attempt":2,"error":{"code":"ERR_PNPM_FETCH_403"},"maxRetries":2,"url":"https://${host21}/npm/${npmpkg21}?token={{HEX40}}"}
{"level":"debug","name":"pnpm:context","currentLockfile":null,"storeDir":"/home/runner/.local/share/pnpm/store/v3"}
 ELIFECYCLE  Command failed with exit code 1.""",
], ["No authorization header was set for the request."], marker=["pnpm config set //npm.pkg.github.com/:_authToken ", '"name":"pnpm:request-retry","attempt":2'])

fam("pip-verbose-index-url", "https://pip.pypa.io/en/stable/topics/authentication/", [
    """Using pip 24.0 from /opt/venv/lib/python3.12/site-packages/pip (python 3.12)
Looking in indexes: https://pypi.org/simple, https://ci:****@pkgs.example.com/simple/
  pip install -v --extra-index-url https://ci:{{URL_PASSWORD}}@pkgs.example.com/simple/ acme-billing==${ver21}
ERROR: Could not find a version that satisfies the requirement acme-billing==${ver21} (from versions: none)""",
    """Getting page https://pkgs.example.com/simple/acme-orders/
Found index url https://pypi.org/simple
  PIP_INDEX_URL=https://__token__:{{HEX40}}@pkgs.example.com/simple/
  pip.conf: index-url = https://$${PIP_USER}:$${PIP_PASSWORD}@pkgs.example.com/simple/
ERROR: No matching distribution found for acme-orders""",
], ["https://ci:****@pkgs.example.com/simple/", "${PIP_USER}:${PIP_PASSWORD}@pkgs.example.com"], marker=["Looking in indexes: https://pypi.org/simple, https://ci:****@", "  PIP_INDEX_URL=https://__token__:"])

fam("poetry-vvv-http-basic", "https://python-poetry.org/docs/repositories/#configuring-credentials", [
    """Loading configuration file /home/runner/.config/pypoetry/auth.toml
[keyring:keyring.backend] Loading Windows (priority: 5)
  poetry config http-basic.acme ci-bot {{PASSWORD}}
  Source (acme): Authorization error accessing https://pkgs.example.com/simple/acme-core/
HTTPError: 401 Client Error: Unauthorized""",
    """Using virtualenv: /home/runner/.cache/pypoetry/virtualenvs/orders-api-Xq3mP2fd-py3.12
  POETRY_HTTP_BASIC_ACME_PASSWORD={{PASSWORD}}
  POETRY_PYPI_TOKEN_PYPI={{PYPI_TOKEN}}
  pyproject.toml: [[tool.poetry.source]] name = "acme" url = "https://pkgs.example.com/simple/"
HTTP Error 403: Invalid or non-existent authentication information.""",
], ["[[tool.poetry.source]]"], marker=["  poetry config http-basic.acme ci-bot ", "  POETRY_HTTP_BASIC_ACME_PASSWORD="])

fam("cargo-vv-registry-token", "https://doc.rust-lang.org/cargo/reference/registry-authentication.html", [
    """     Running `CARGO=/home/runner/.cargo/bin/cargo CARGO_PKG_NAME=${crate21} CARGO_REGISTRIES_ACME_TOKEN={{CRATES_IO}} rustc --crate-name build_script_build`
error: failed to get `serde` as a dependency of package `${crate21} v0.4.1`
Caused by: token rejected for `acme`; set CARGO_REGISTRIES_ACME_TOKEN=<token> in the job
error: process didn't exit successfully""",
    """[cargo::util::network::http] http-debug: > authorization: Bearer {{HEX40}}
[cargo::util::network::http] http-debug: < HTTP/2 403
  ~/.cargo/credentials.toml: [registries.acme] token = "<your token>"
error: failed to publish to registry at https://crates.example.com""",
], ['token = "<your token>"'], marker=["error: failed to get `serde` as a dependency of package", "[cargo::util::network::http] http-debug: > authorization: Bearer "])

fam("go-x-goproxy-netrc", "https://go.dev/ref/mod#private-module-privacy", [
    """go: downloading ${gomod21} v1.4.2
go: ${gomod21}@v1.4.2: reading https://proxy.golang.org/${gomod21}/@v/v1.4.2.info: 410 Gone
  GOPROXY=https://ci:{{GHP}}@goproxy.example.com,direct GOPRIVATE=github.com/acme/*
WORK=/tmp/go-build2874124033""",
    """cd /home/runner/work/app && git -c credential.helper= ls-remote -q https://oauth2:{{GLPAT}}@gitlab.com/globex/billing
fatal: could not read Username for 'https://gitlab.com': terminal prompts disabled
  ~/.netrc: machine gitlab.com login oauth2 password <token>
go: gitlab.com/globex/billing@v0.9.0: invalid version: git ls-remote -q origin in /home/runner/go/pkg/mod/cache/vcs/3f1a: exit status 128""",
], ["machine gitlab.com login oauth2 password <token>"], marker=["GOPRIVATE=github.com/acme/*", "git -c credential.helper= ls-remote -q https://oauth2:"])

fam("bazel-remote-cache-header", "https://bazel.build/reference/command-line-reference#flag--remote_header", [
    """INFO: Invocation ID: ${uuid}
INFO: Reading rc options for 'test' from /home/runner/work/app/.bazelrc:
  'test' options: --remote_cache=https://ci:{{URL_PASSWORD}}@bazel-cache.example.com --experimental_remote_cache_compression
ERROR: Failed to query remote execution capabilities: UNAUTHENTICATED: Basic authentication failed
FAILED: Build did NOT complete successfully""",
    """INFO: Options provided by the client:
  Inherited 'common' options: --isatty=0 --terminal_columns=80
  --google_credentials=/tmp/gcp-key.json --bes_header=Authorization=Bearer {{GOOGLE_OAUTH_ACCESS}}
WARNING: Remote Cache: UNAVAILABLE: io exception
Executed 14 out of 15 tests: 14 tests pass and 1 fails locally.""",
], ["--experimental_remote_cache_compression"], marker=["--remote_cache=https://ci:", "--bes_header=Authorization=Bearer "])

fam("sbt-credentials-publish", "https://www.scala-sbt.org/1.x/docs/Publishing.html#Credentials", [
    """[info] welcome to sbt 1.9.9 (Eclipse Adoptium Java 17.0.11)
[debug] credentials += Credentials("Sonatype Nexus Repository Manager", "nexus.example.com", "ci-deployer", "{{PASSWORD}}")
[error] java.io.IOException: Server returned HTTP response code: 401 for URL: https://nexus.example.com/repository/releases/com/acme/orders_2.13/${ver21}/orders_2.13-${ver21}.pom
[error] (publish) java.io.IOException: Access to URL was refused by the server: Unauthorized""",
    """[info] loading settings for project root from credentials.sbt ...
  ~/.sbt/.credentials: realm=Sonatype Nexus Repository Manager host=nexus.example.com user=ci-deployer password={{PASSWORD}}
[warn] Unable to find credentials for [GitHub Package Registry @ maven.pkg.github.com]
[error] Total time: 12 s, completed Jun 11, 2024, 9:14:02 AM""",
], ['Credentials("Sonatype Nexus Repository Manager"'], marker=['[debug] credentials += Credentials("Sonatype Nexus Repository Manager",', "realm=Sonatype Nexus Repository Manager host="])

# --- container and cluster tooling in debug ---------------------------------------------------------------------------

fam("helm-debug-rendered-values", "https://helm.sh/docs/helm/helm_upgrade/", [
    """upgrade.go:153: [debug] preparing upgrade for ${chart21}
upgrade.go:161: [debug] performing update for ${chart21}
USER-SUPPLIED VALUES:
database:
  password: {{PASSWORD}}
  url: postgres://${dbuser}@${dbhost}:${pgport}/${db}
Error: UPGRADE FAILED: context deadline exceeded""",
    """+ helm upgrade --install ${chart21} ./charts/${chart21} -n ${k8sns21} --set image.tag=${sha7} --set secrets.stripeKey={{STRIPE_SK}} --debug
install.go:214: [debug] Original chart version: ""
install.go:231: [debug] CHART PATH: /home/runner/work/app/charts/${chart21}
  values.yaml: stripeKey: "" # set with --set secrets.stripeKey=<key>
Error: INSTALLATION FAILED: execution error at (${chart21}/templates/secret.yaml:9:21): secrets.stripeKey is required""",
], ["--set secrets.stripeKey=<key>"], marker=["upgrade.go:161: [debug] performing update for ", "install.go:231: [debug] CHART PATH:"])

fam("kubectl-v8-request-body", "https://kubernetes.io/docs/reference/kubectl/#kubectl-output-verbosity-and-debugging", [
    """I0611 09:14:02.118231   21412 round_trippers.go:463] POST https://${k8sapi}:6443/api/v1/namespaces/${k8sns21}/secrets?fieldManager=kubectl-create
I0611 09:14:02.118240   21412 request.go:1212] Request Body: {"kind":"Secret","apiVersion":"v1","metadata":{"name":"db-credentials"},"stringData":{"password":"{{PASSWORD}}"},"type":"Opaque"}
I0611 09:14:02.331207   21412 round_trippers.go:574] Response Status: 403 Forbidden in 212 milliseconds
error: failed to create secret secrets is forbidden: User "system:serviceaccount:ci:deployer" cannot create resource "secrets" in API group "" in the namespace "${k8sns21}\"""",
    """I0611 09:14:02.604118   21412 loader.go:395] Config loaded from file:  /home/runner/.kube/config
I0611 09:14:02.605002   21412 round_trippers.go:469] Request Headers:
I0611 09:14:02.605011   21412 round_trippers.go:473]     Authorization: Bearer {{JWT}}
I0611 09:14:02.605019   21412 round_trippers.go:473]     User-Agent: kubectl/v1.30.1 (linux/amd64) kubernetes/6911225
error: You must be logged in to the server (Unauthorized)""",
], ["kubectl/v1.30.1 (linux/amd64) kubernetes/6911225"], marker=["request.go:1212] Request Body: {\"kind\":\"Secret\"", "round_trippers.go:473]     Authorization: Bearer "])

fam("skaffold-verbosity-debug-build-args", "https://skaffold.dev/docs/references/cli/#skaffold-dev", [
    """DEBU[0002] Running command: [docker build . --file Dockerfile --tag ${image21} --build-arg NPM_TOKEN={{NPM_TOKEN}} --build-arg NODE_ENV=production]  subtask=-1 task=DevLoop
INFO[0014] Build [orders-api] failed: exit status 1  subtask=-1 task=DevLoop
  skaffold.yaml: buildArgs: { NPM_TOKEN: "{{.NPM_TOKEN}}" }
exiting dev mode because first build failed: docker build failed""",
    """DEBU[0001] setting Docker user agent to skaffold-v2.12.0
DEBU[0001] Executing template &{envTemplate 0xc0007a2d80 0xc000b2a1e0  } with environment map[DATABASE_URL:postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db} HOME:/root]  subtask=-1 task=DevLoop
DEBU[0003] Running command: [kubectl --context kind-dev apply -f -]  subtask=0 task=Deploy
Cleaning up...""",
], ['NPM_TOKEN: "{{.NPM_TOKEN}}"'], marker=["--build-arg NODE_ENV=production]  subtask=-1 task=DevLoop", "DEBU[0001] Executing template &{envTemplate"])

fam("tilt-resource-log-env", "https://docs.tilt.dev/api.html#api.local_resource", [
    """Running cmd: ./scripts/seed.sh --api-key {{API_KEY}} --admin {{EMAIL}}
     seed │ curl: (22) The requested URL returned error: 401
     seed │ ERROR: Seed failed (exit status 22)
Build Failed: command "./scripts/seed.sh" failed.""",
    """     api │ Initial Build
     api │ STEP 1/3 — Building Dockerfile: [orders-api]
     api │ Building Dockerfile for platform linux/amd64: ARG GITHUB_TOKEN={{GHP}}
     api │ Tiltfile: docker_build('orders-api', '.', build_args={'GITHUB_TOKEN': os.getenv('GITHUB_TOKEN')})
     api │ ERROR: Build Failed: ImageBuild: executor failed running""",
], ["build_args={'GITHUB_TOKEN': os.getenv('GITHUB_TOKEN')}"], marker=["     seed │ ERROR: Seed failed (exit status 22)", "Building Dockerfile for platform linux/amd64: ARG GITHUB_TOKEN="])

fam("docker-compose-config-interpolated", "https://docs.docker.com/reference/cli/docker/compose/config/", [
    """+ docker compose config
name: orders
services:
  api:
    environment:
      DATABASE_URL: postgres://${dbuser}:{{URL_PASSWORD}}@db:5432/${db}
      STRIPE_SECRET_KEY: {{STRIPE_SK}}
    image: ${image21}
WARN[0000] The "SENTRY_DSN" variable is not set. Defaulting to a blank string.""",
    """  db:
    environment:
      POSTGRES_PASSWORD: {{PASSWORD}}
      POSTGRES_USER: ${dbuser}
  # compose.yaml: POSTGRES_PASSWORD: $${POSTGRES_PASSWORD:?set it in .env}
service "db" didn't complete successfully: exit 1""",
], ["POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}", 'The "SENTRY_DSN" variable is not set. Defaulting to a blank string.'], marker=["+ docker compose config", "didn't complete successfully: exit 1"])

fam("docker-buildx-secret-and-build-arg", "https://docs.docker.com/build/building/secrets/", [
    """#12 [build 4/7] RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
#12 0.912 npm ERR! code E401
  docker buildx build --secret id=npmrc,src=$$HOME/.npmrc --build-arg SENTRY_AUTH_TOKEN={{SENTRY_ORG_TOKEN}} -t ${image21} .
 1 warning found (use docker --debug to expand):
 - SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG "SENTRY_AUTH_TOKEN") (line 14)
ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1""",
    """#8 [stage-1 3/5] RUN echo "//npm.pkg.github.com/:_authToken={{GHP}}" > .npmrc && npm ci
#8 DONE 14.2s
#15 exporting to image
#15 pushing layers 0.3s done
#15 ERROR: failed to push ${image21}: unexpected status from HEAD request to https://ghcr.io/v2/: 403 Forbidden""",
], ["SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data"], marker=["#12 [build 4/7] RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci", '#8 [stage-1 3/5] RUN echo "//npm.pkg.github.com/:_authToken='])

# --- cloud CLIs in debug ----------------------------------------------------------------------------------------------

fam("aws-cli-debug-botocore-signing", "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html#cli-configure-options-debug", [
    """+ aws secretsmanager put-secret-value --secret-id prod/db --secret-string '{"username":"${dbuser}","password":"{{PASSWORD}}"}' --region ${awsreg21} --debug
2024-06-11 09:14:02,118 - MainThread - botocore.credentials - INFO - Found credentials in environment variables.
2024-06-11 09:14:02,604 - MainThread - botocore.hooks - DEBUG - Event needs-retry.secrets-manager.PutSecretValue: calling handler <botocore.retryhandler.RetryHandler object at 0x7f3a2b1c4d90>
An error occurred (AccessDeniedException) when calling the PutSecretValue operation""",
    """2024-06-11 09:14:02,604 - MainThread - botocore.parsers - DEBUG - Response body:
b'{"ARN":"arn:aws:secretsmanager:${awsreg21}:${account12}:secret:prod/db-AbC123","Name":"prod/db","SecretString":"{\\\\"password\\\\":\\\\"{{PASSWORD}}\\\\"}"}'
2024-06-11 09:14:02,605 - MainThread - awscli.clidriver - DEBUG - Exiting with rc 255
Error: Process completed with exit code 255.""",
], ["botocore.credentials - INFO - Found credentials in environment variables."], marker=["Event needs-retry.secrets-manager.PutSecretValue: calling handler", "awscli.clidriver - DEBUG - Exiting with rc 255"])

fam("az-cli-keyvault-and-appsettings", "https://learn.microsoft.com/en-us/cli/azure/keyvault/secret#az-keyvault-secret-show", [
    """+ az keyvault secret show --vault-name kv-orders-ci --name DbPassword --query value -o tsv
{{PASSWORD}}
+ az webapp config appsettings set -g ${azrg} -n ${svc21} --settings DB_PASSWORD={{PASSWORD}} DB_HOST=${dbhost}
ERROR: (AuthorizationFailed) The client '${uuid}' with object id '${uuid}' does not have authorization to perform action 'Microsoft.Web/sites/config/write'""",
    """+ az login --service-principal -u ${uuid} -p {{AZURE_CLIENT_SECRET}} --tenant ${uuid}
AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID
Usage: az login --service-principal -u <app-id> -p <password-or-cert> --tenant <tenant>
Error: Process completed with exit code 1.""",
], ["az login --service-principal -u <app-id> -p <password-or-cert> --tenant <tenant>"], marker=["+ az keyvault secret show --vault-name", "Usage: az login --service-principal -u <app-id> -p <password-or-cert> --tenant <tenant>"])

fam("gcloud-sql-and-builds-substitutions", "https://cloud.google.com/sdk/gcloud/reference/sql/users/set-password", [
    """+ gcloud sql users set-password ${dbuser} --instance=orders-pg --password={{PASSWORD}} --project=${gcpproject19}
ERROR: (gcloud.sql.users.set-password) HTTPError 403: The client is not authorized to make this request.
  Usage: gcloud sql users set-password USERNAME --instance=INSTANCE, -i INSTANCE (--password=PASSWORD | --prompt-for-password)
Error: Process completed with exit code 1.""",
    """+ gcloud builds submit --config cloudbuild.yaml --substitutions=_DB_PASSWORD={{PASSWORD}},_API_KEY={{GCP_API_KEY}},_ENV=staging
Creating temporary archive of 212 file(s) totalling 3.1 MiB before compression.
ERROR: (gcloud.builds.submit) INVALID_ARGUMENT: key in the template "_SENTRY_DSN" is not matched in the template
  cloudbuild.yaml: secretEnv: ['DB_PASSWORD']  # from projects/${gcpproject19}/secrets/db-password/versions/latest""",
], ["(--password=PASSWORD | --prompt-for-password)", "secretEnv: ['DB_PASSWORD']"], marker=["+ gcloud sql users set-password ", "--substitutions=_DB_PASSWORD="])

fam("doctl-trace-and-context", "https://docs.digitalocean.com/reference/doctl/reference/", [
    """+ doctl auth init --access-token {{DO_TOKEN}} --context ci --trace
DEBU request: GET /v2/account HTTP/1.1 Host: api.digitalocean.com Authorization: Bearer {{DO_TOKEN}}
Error: Unable to use supplied token to access API: GET https://api.digitalocean.com/v2/account: 401 (request "${uuid}") Unable to authenticate you
Error: Process completed with exit code 1.""",
    """  ~/.config/doctl/config.yaml:
    access-token: {{DO_TOKEN}}
    context: default
Usage:
  doctl auth init [flags]
  -t, --access-token string   API V2 access token
Error: Process completed with exit code 1.""",
], ["-t, --access-token string   API V2 access token"], marker=["+ doctl auth init --access-token ", "  doctl auth init [flags]"])

fam("flyctl-secrets-and-debug", "https://fly.io/docs/flyctl/secrets-set/", [
    """+ flyctl secrets set DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${flyapp21}-db.flycast:5432/${db} -a ${flyapp21}
DEBUG --> POST https://api.fly.io/graphql {"query":"mutation($$input: SetSecretsInput!) { setSecrets(input: $$input) { release { id } } }"}
Error: failed to update app secrets: Not authorized to access this firecrackerapp
Error: Process completed with exit code 1.""",
    """DEBUG Loaded flyctl config from/home/runner/.fly/config.yml
DEBUG access_token: {{HEX64}}
DEBUG --> GET https://api.machines.dev/v1/apps/${flyapp21}/machines
Error: unsuccessful command 'flyctl deploy --remote-only' (PID 4211)""",
], ["Not authorized to access this firecrackerapp"], marker=["Not authorized to access this firecrackerapp", "Error: unsuccessful command 'flyctl deploy --remote-only'"])

fam("vercel-cli-debug-env-pull", "https://vercel.com/docs/cli/global-options#debug", [
    """> [debug] [2024-06-11T09:14:02.118Z] Found config in file "/home/runner/work/app/vercel.json"
> [debug] [2024-06-11T09:14:02.231Z] Using token from "--token" flag: {{VERCEL_TOKEN}}
Error: The specified token is not valid. Use `vercel login` to generate a new token.
Error: Process completed with exit code 1.""",
    """> [debug] [2024-06-11T09:14:02.604Z] Writing .env.local
  NEXTAUTH_SECRET="{{B64_SECRET}}"
  DATABASE_URL="postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}"
  VERCEL_OIDC_TOKEN=""
Vercel CLI 34.2.7 — https://vercel.com/docs/cli""",
], ['Using token from "--token" flag:', 'VERCEL_OIDC_TOKEN=""'], marker=['Using token from "--token" flag: ', "> [debug] [2024-06-11T09:14:02.604Z] Writing .env.local"])

fam("netlify-cli-debug-env-list", "https://cli.netlify.com/commands/env/", [
    """+ netlify env:list --plain --context production
STRIPE_SECRET_KEY={{STRIPE_SK}}
CONTACT_EMAIL={{EMAIL}}
CONTACT_PHONE={{PHONE_PE_INTL}}
NEXT_PUBLIC_SITE_URL=https://${host21}
 ›   Error: Could not find the site. Please run netlify link.""",
    """+ netlify deploy --prod --auth {{HEX40}} --site ${uuid} --debug
Netlify Build
❯ Version
  @netlify/build 29.50.1
 ›   Error: Unauthorized. Token is invalid or has expired.""",
], ["Netlify Build", "@netlify/build 29.50.1"], marker=["+ netlify env:list --plain --context production", " ›   Error: Unauthorized. Token is invalid or has expired."])

fam("heroku-cli-debug-config", "https://devcenter.heroku.com/articles/heroku-cli-commands#heroku-config", [
    """+ heroku config --app ${flyapp21} --shell
DATABASE_URL='postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:5432/${db}'
REDIS_URL='rediss://:{{URL_PASSWORD}}@${redishost}:6380'
SECRET_KEY_BASE='{{HEX64}}'
 ›   Warning: heroku update available from 8.11.5 to 9.0.0.""",
    """heroku:http --> POST /apps/${flyapp21}/config-vars +0ms
heroku:http    authorization: Bearer {{HEROKU}} +1ms
heroku:http <-- 403 Forbidden +412ms
 ›   Error: You do not have access to the app ${flyapp21}.""",
], [], marker=["+ heroku config --app ", "heroku:http --> POST /apps/"])

fam("firebase-tools-debug-log", "https://firebase.google.com/docs/cli#cli-ci-systems", [
    """[2024-06-11T09:14:02.118Z] > command requires scopes: ["email","openid","https://www.googleapis.com/auth/cloudplatformprojects.readonly","https://www.googleapis.com/auth/firebase"]
[2024-06-11T09:14:02.118Z] > authorizing via --token option: {{FIREBASE_REFRESH}}
[2024-06-11T09:14:02.412Z] >>> [apiv2][query] GET https://firebase.googleapis.com/v1beta1/projects/${gcpproject19} [none]
Error: Failed to get Firebase project ${gcpproject19}. Please make sure the project exists and your account has permission to access it.""",
    """[2024-06-11T09:14:02.604Z] >>> [apiv2][body] POST https://identitytoolkit.googleapis.com/v1/projects/${gcpproject19}/accounts:batchCreate {"users":[{"email":"{{EMAIL}}","phoneNumber":"{{PHONE_BD_INTL}}","passwordHash":"{{B64_SECRET}}"}]}
[2024-06-11T09:14:02.912Z] <<< [apiv2][status] POST https://identitytoolkit.googleapis.com/v1/projects/${gcpproject19}/accounts:batchCreate 400
Error: An unexpected error has occurred.""",
], ['> command requires scopes: ["email","openid"'], marker=["> authorizing via --token option: ", ">>> [apiv2][body] POST https://identitytoolkit.googleapis.com"])

# --- browser test runners ---------------------------------------------------------------------------------------------

fam("cypress-env-and-request-log", "https://docs.cypress.io/guides/guides/environment-variables", [
    """  1) Login
       logs in with valid credentials:
     CypressError: Timed out retrying: `cy.type()` failed because this element is `disabled`:
  cy.get('#email').type('{{EMAIL}}'); cy.get('#password').type('{{PASSWORD}}', { log: false })
  (spec: ${spec21})
  (Run Finished)""",
    """+ npx cypress run --record --key {{CYPRESS_RECORD_KEY}} --env API_TOKEN={{HEX40}},BASE_URL=https://${host21}
You passed the --record flag but this project has not been setup to record.
  cypress.env.json: { "API_TOKEN": "<set in CI>" }
  (Run Finished)""",
], ['{ "API_TOKEN": "<set in CI>" }', "(Run Finished)"], marker=["`cy.type()` failed because this element is `disabled`:", "You passed the --record flag but this project has not been setup to record."])

fam("webdriverio-loglevel-trace-commands", "https://webdriver.io/docs/configuration#loglevel", [
    """[0-0] 2024-06-11T09:14:02.118Z INFO @wdio/browserstack-service: Update job with sessionId ${hex32}, {"name":"login","build":"${build21}"}
[0-0] 2024-06-11T09:14:02.231Z DEBUG @wdio/utils: Finished to run "before" hook in 0ms
  wdio.conf.ts: user: process.env.BROWSERSTACK_USERNAME, key: '{{BROWSERSTACK_KEY}}'
[0-0] Error in "Login.should show the dashboard" (${wdspec21})""",
    """[0-0] 2024-06-11T09:14:02.604Z INFO webdriver: [POST] https://hub-cloud.browserstack.com/wd/hub/session
[0-0] 2024-06-11T09:14:02.604Z INFO webdriver: DATA { capabilities: { 'bstack:options': { userName: 'ci_${alnum24}', accessKey: '{{BROWSERSTACK_KEY}}' } } }
[0-0] 2024-06-11T09:14:03.011Z ERROR webdriver: Request failed with status 401 due to Authorization Required
Spec Files:	 0 passed, 1 failed, 1 total (100% completed) in 00:00:14""",
], ["Spec Files:	 0 passed, 1 failed, 1 total (100% completed)", "user: process.env.BROWSERSTACK_USERNAME"], marker=["INFO @wdio/browserstack-service: Update job with sessionId", "INFO webdriver: DATA { capabilities: { 'bstack:options': {"])

fam("selenium-grid-and-manager-debug", "https://www.selenium.dev/documentation/selenium_manager/", [
    """DEBUG	selenium-manager: Sending stats to Plausible: Props { browser: "chrome", browser_version: "125", os: "linux", arch: "x86_64", lang: "java", selenium_version: "4.21" }
DEBUG	selenium-manager: Using proxy http://ci:{{URL_PASSWORD}}@proxy.example.com:3128
WARN	selenium-manager: Error getting version of chromedriver 125 online
org.openqa.selenium.SessionNotCreatedException: Could not start a new session.""",
    """09:14:02.118 DEBUG [LocalNewSessionQueue.addToQueue] - Adding request to queue: {browserName=chrome, goog:chromeOptions={args=[--user-data-dir=/tmp/profile, --proxy-server=http://ci:{{URL_PASSWORD}}@proxy.example.com:3128]}, se:recordVideo=false}
09:14:02.604 WARN [SeleniumSpanExporter$$1.lambda$$export$$3] - Session request timed out
Tests run: 12, Failures: 1, Errors: 0, Skipped: 0""",
], ["Session request timed out"], marker=["DEBUG	selenium-manager: Using proxy ", "[LocalNewSessionQueue.addToQueue] - Adding request to queue:"])

fam("puppeteer-page-auth-calls", "https://pptr.dev/api/puppeteer.page.authenticate", [
    """ FAIL  e2e/dashboard.test.js
  ● dashboard › shows the orders

    TimeoutError: Waiting for selector `[data-testid="dashboard"]` failed: Waiting failed: 30000ms exceeded
      12 |     await page.authenticate({ username: 'staging', password: '{{PASSWORD}}' });
    > 13 |     await page.goto('https://${host21}/dashboard');""",
    """ FAIL  e2e/api-headers.test.js
  ● api › forwards the token

      21 |     await page.setExtraHTTPHeaders({ Authorization: 'Bearer {{JWT}}', 'X-Customer-Phone': '{{PHONE_NG_INTL}}' });
    > 22 |     await page.goto('https://${host21}/api/orders');
    ProtocolError: Protocol error (Network.setExtraHTTPHeaders): Invalid header value""",
], [], marker=["await page.authenticate({ username: 'staging', password: '", "await page.setExtraHTTPHeaders({ Authorization: 'Bearer "])

fam("testcafe-role-and-request-hook", "https://testcafe.io/documentation/402845/guides/intermediate-guides/authentication", [
    """ ✖ Checkout as a signed-in user

   1) The specified selector does not match any element in the DOM tree.
      Role('https://${host21}/login', async t => { await t.typeText('#email', '{{EMAIL}}').typeText('#password', '{{PASSWORD}}').click('#submit'); })
 1/6 failed (41s)""",
    """ ✖ API token is forwarded

   1) AssertionError: expected 'Bearer {{JWT}}' to deeply equal 'Bearer <token>'
      RequestLogger { url: 'https://${host21}/api/orders' } logRequestHeaders: true
 1/9 failed (22s)""",
], ["'Bearer <token>'"], marker=["Role('https://", "RequestLogger { url: 'https://"])

fam("nightwatch-verbose-http-log", "https://nightwatchjs.org/guide/reference/settings.html", [
    """ Request POST /session/${hex32}/element/0.61-ELEMENT-3/value
   {"text":"{{PASSWORD}}","value":["{{PASSWORD}}"]}
 Response 200 POST /session/${hex32}/element/0.61-ELEMENT-3/value (41ms)
  ✖ NightwatchAssertError
   Expected element <#dashboard> to be present - element was not found - expected "present" but got: "not present" (5000ms)""",
    """ Request POST /wd/hub/session
   {"capabilities":{"alwaysMatch":{"browserName":"chrome","sauce:options":{"username":"ci-bot","accessKey":"{{SAUCE_KEY}}"}}}}
 Error Response 401 POST /wd/hub/session (312ms)
  FAILED: 1 assertions failed and 11 passed (13.2s)""",
], ['expected "present" but got: "not present"'], marker=["/element/0.61-ELEMENT-3/value", '"sauce:options":{"username":"ci-bot","accessKey":"'])

# --- must-keep-heavy output: placeholders, masks, usage text, versions and hashes beside the real values --------------

fam("github-actions-debug-secret-evaluation", "https://docs.github.com/en/actions/monitoring-and-troubleshooting-workflows/enabling-debug-logging", [
    """##[debug]Evaluating: secrets.NPM_TOKEN
##[debug]Evaluating Index:
##[debug]Result: '***'
##[debug]Evaluating condition for step: 'Publish ${npmpkg21}'
  env: NODE_AUTH_TOKEN: $${{ secrets.NPM_TOKEN }}
  run: echo "//registry.npmjs.org/:_authToken={{NPM_TOKEN}}" >> ~/.npmrc
##[error]Process completed with exit code 1.""",
    """##[debug]Loading env
Run actions/checkout@a5ac7e51b41094c92402da3b24376905380afc29
##[debug]Set output cache-hit = false
  with:
    token: ***
    ssh-key: {{PEM_OPENSSH}}
##[debug]Node Action run completed with exit code 1
##[debug]Finishing: Checkout""",
], ["${{ secrets.NPM_TOKEN }}", "##[debug]Result: '***'", "actions/checkout@a5ac7e51b41094c92402da3b24376905380afc29"], marker=["##[debug]Result: '***'", "##[debug]Node Action run completed with exit code 1"])

fam("symfony-debug-container-env-vars", "https://symfony.com/doc/current/configuration.html#listing-environment-variables", [
    """ ------------------- ----------------- ------------------------------------------
  Name                Default value     Real value
 ------------------- ----------------- ------------------------------------------
  APP_SECRET          n/a               "{{HEX32}}"
  DATABASE_URL        n/a               "postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}?serverVersion=16&charset=utf8"
  MAILER_DSN          n/a               "smtp://null:null@localhost:1025"
 // Note real values might be different between web and CLI.
  framework.yaml: secret: '%env(APP_SECRET)%'""",
    """  [WARNING] The following variables are missing:
  * STRIPE_API_KEY
  config/services.yaml: $$stripeKey: '%env(STRIPE_API_KEY)%'
  .env.test: STRIPE_API_KEY={{STRIPE_SK}}
  php bin/console debug:container --env-vars --env=test
In EnvVarProcessor.php line 187:
  Environment variable not found: "STRIPE_API_KEY".""",
], ["'%env(APP_SECRET)%'", "'%env(STRIPE_API_KEY)%'", '"smtp://null:null@localhost:1025"', "Name                Default value     Real value"], marker=["Name                Default value     Real value", "  [WARNING] The following variables are missing:"])

fam("spring-actuator-env-masked", "https://docs.spring.io/spring-boot/reference/actuator/endpoints.html#actuator.endpoints.sanitization", [
    """GET /actuator/env -> 200
{"activeProfiles":["ci"],"propertySources":[{"name":"systemEnvironment","properties":{"SPRING_DATASOURCE_PASSWORD":{"value":"******"},"SPRING_DATASOURCE_URL":{"value":"jdbc:postgresql://${dbhost}:${pgport}/${db}"},"APP_WEBHOOK_SECRET":{"value":"{{HEX40}}"}}}]}
  management.endpoint.env.show-values: ALWAYS
[ERROR] Failures: ActuatorSecurityIT.envIsSanitized:51 expected value to be "******\"""",
    """GET /actuator/configprops -> 200
"spring.mail-org.springframework.boot.autoconfigure.mail.MailProperties":{"prefix":"spring.mail","properties":{"host":"smtp.example.com","username":"{{EMAIL}}","password":"{{PASSWORD}}"}}
  application-ci.yml: spring.mail.password: $${MAIL_PASSWORD:changeme}
[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0""",
], ['{"value":"******"}', "spring.mail.password: ${MAIL_PASSWORD:changeme}", "management.endpoint.env.show-values: ALWAYS"], marker=['"SPRING_DATASOURCE_PASSWORD":{"value":"******"}', '"spring.mail-org.springframework.boot.autoconfigure.mail.MailProperties":{'])

fam("docker-login-usage-on-bad-flag", "https://docs.docker.com/reference/cli/docker/login/", [
    """+ docker login ghcr.io -u ci-bot --pasword {{GHP}}
unknown flag: --pasword
See 'docker login --help'.

Usage:  docker login [OPTIONS] [SERVER]
  -p, --password string   Password or Personal Access Token (PAT)
      --password-stdin    Take the Password or Personal Access Token (PAT) from stdin
Error: Process completed with exit code 125.""",
    """WARNING! Using --password via the CLI is insecure. Use --password-stdin.
+ docker login -u AWS -p {{AWS_SESSION_TOKEN}} ${account12}.dkr.ecr.${awsreg21}.amazonaws.com
Error saving credentials: error storing credentials - err: exit status 1, out: `Cannot autolaunch D-Bus without X11 $$DISPLAY`
  echo "$$REGISTRY_PASSWORD" | docker login --username ci --password-stdin <registry>""",
], ['echo "$REGISTRY_PASSWORD" | docker login --username ci --password-stdin <registry>'], marker=["unknown flag: --pasword", "Error saving credentials: error storing credentials - err: exit status 1"])

fam("gpg-and-jarsigner-passphrases", "https://www.gnupg.org/documentation/manuals/gnupg/GPG-Esoteric-Options.html", [
    """+ echo "{{PASSWORD}}" | gpg --batch --yes --passphrase-fd 0 -o .env -d secrets/staging.env.gpg
gpg: AES256.CFB encrypted data
gpg: encrypted with 1 passphrase
gpg: decryption failed: Bad session key
Error: Process completed with exit code 2.""",
    """+ jarsigner -keystore release.jks -storepass {{PASSWORD}} -keypass <key-password> app/build/outputs/apk/release/app-release-unsigned.apk release
jarsigner: Certificate chain not found for: release.  release must reference a valid KeyStore key entry containing a private key and corresponding public key certificate chain.
  signingConfigs { release { storePassword System.getenv("KEYSTORE_PASSWORD") } }
> Task :app:validateSigningRelease FAILED""",
], ["-keypass <key-password>", 'storePassword System.getenv("KEYSTORE_PASSWORD")'], marker=["gpg: decryption failed: Bad session key", "jarsigner: Certificate chain not found for: release."])

fam("git-credential-fill-trace", "https://git-scm.com/docs/git-credential", [
    """09:14:02.118241 run-command.c:657       trace: run_command: 'git credential-manager get'
09:14:02.412002 git.c:463               trace: built-in: git credential fill
protocol=https
host=github.com
username=x-access-token
password={{GHS}}
fatal: Authentication failed for 'https://github.com/${ghrepo19}.git/'""",
    """+ GIT_TRACE=1 GIT_CURL_VERBOSE=1 git fetch origin
09:14:02.604118 http.c:756              => Send header: Authorization: Basic <redacted>
09:14:02.604211 http.c:756              => Send header: Authorization: token {{GHP}}
09:14:02.912017 http.c:703              <= Recv header: HTTP/2 403
error: RPC failed; HTTP 403 curl 22 The requested URL returned error: 403""",
], ["Authorization: Basic <redacted>", "trace: built-in: git credential fill"], marker=["trace: run_command: 'git credential-manager get'", "=> Send header: Authorization: Basic <redacted>"])

fam("chromedriver-version-mismatch-with-caps", "https://developer.chrome.com/docs/chromedriver/capabilities", [
    """org.openqa.selenium.SessionNotCreatedException: session not created: This version of ChromeDriver only supports Chrome version 124
Current browser version is 125.0.6422.141 with binary path /usr/bin/google-chrome
Build info: version: '4.21.0', revision: '79ed462ef4'
Capabilities {goog:chromeOptions: {args: [--headless=new, --proxy-server=http://ci:{{URL_PASSWORD}}@proxy.example.com:3128]}}
Driver info: driver.version: ChromeDriver 124.0.6367.207""",
    """Starting ChromeDriver 125.0.6422.141 (4a5bc3e0c4a8e6ff7a6bb6d4d8e6a7c2fa3b9e11-refs/branch-heads/6422@{#1243}) on port 9515
[1718097242.118][INFO]: [${hex32}] COMMAND SetCookie {"cookie": {"name": "auth", "value": "{{JWT}}", "domain": "${host21}"}}
[1718097242.604][SEVERE]: bind() failed: Cannot assign requested address (99)
[1718097243.011][INFO]: [${hex32}] RESPONSE SetCookie ERROR invalid cookie domain""",
], ["Current browser version is 125.0.6422.141", "ChromeDriver 124.0.6367.207", "Starting ChromeDriver 125.0.6422.141"], marker=["This version of ChromeDriver only supports Chrome version 124", "] COMMAND SetCookie {\"cookie\": {"])

fam("dotnet-sdk-restore-nuget-source-verbose", "https://learn.microsoft.com/en-us/nuget/reference/cli-reference/cli-ref-sources", [
    """.NET SDK 8.0.301 (commit 2ab8d2e4b4), MSBuild version 17.10.4.21802
  Restoring packages for /home/runner/work/app/src/Orders.Api/Orders.Api.csproj...
    GET https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json
  + dotnet nuget add source https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json -n internal -u ci -p {{ADO_PAT}} --store-password-in-clear-text
/usr/share/dotnet/sdk/8.0.301/NuGet.targets(169,5): error : Response status code does not indicate success: 401 (Unauthorized).""",
    """  Version 4.0.30319.42000 of Microsoft.NET Framework, Windows SDK 10.0.22621.0, Visual Studio 17.10.35004.147
  nuget.config: <add key="ClearTextPassword" value="%NUGET_PASSWORD%" />
  NuGet.Config source 'internal' uses Username=ci Password={{ADO_PAT}}
Build FAILED.""",
], ["MSBuild version 17.10.4.21802", "Windows SDK 10.0.22621.0", "Visual Studio 17.10.35004.147", '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />'], marker=[".NET SDK 8.0.301 (commit 2ab8d2e4b4), MSBuild version 17.10.4.21802", "NuGet.Config source 'internal' uses Username="])

fam("terraform-sensitive-plan-and-var-flag", "https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output", [
    """  # aws_db_instance.orders will be updated in-place
  ~ resource "aws_db_instance" "orders" {
      ~ password = (sensitive value)
        tags     = { "build" = "${build21}", "commit" = "${sha}" }
    }
+ terraform plan -var "db_password={{PASSWORD}}" -var-file=ci.tfvars -out=tfplan
Error: Process completed with exit code 1.""",
    """│ Error: Invalid value for variable
│   on variables.tf line 12:
│   12: variable "api_token" {
│ var.api_token is "{{CF_API_TOKEN}}" — must be 40 characters (set with TF_VAR_api_token=<token>)
╵
Error: Process completed with exit code 1.""",
], ["~ password = (sensitive value)", "TF_VAR_api_token=<token>"], marker=["      ~ password = (sensitive value)", "│ var.api_token is \""])

fam("ansible-no-log-and-extra-vars", "https://docs.ansible.com/ansible/latest/reference_appendices/logging.html", [
    """TASK [db : create application user] *******************************************
fatal: [db01]: FAILED! => {"censored": "the output has been hidden due to the fact that 'no_log: true' was specified for this result", "changed": false}
+ ansible-playbook site.yml -i inventories/staging -e "db_password={{PASSWORD}} vault_token={{VAULT}}" --vault-password-file ~/.vault_pass
PLAY RECAP *********************************************************************
db01                       : ok=4    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0""",
    """TASK [app : render .env] *******************************************************
--- before: /srv/app/.env
+++ after: /home/runner/.ansible/tmp/ansible-local-4211/tmp3f9c2a/.env.j2
-SECRET_KEY=changeme
+SECRET_KEY={{DJANGO_SECRET_KEY}}
 DATABASE_HOST=${dbhost}
fatal: [app01]: FAILED! => {"changed": false, "msg": "Destination directory /srv/app does not exist"}""",
], ["'no_log: true'", "-SECRET_KEY=changeme", "--vault-password-file ~/.vault_pass"], marker=["the output has been hidden due to the fact that 'no_log: true' was specified for this result", "+++ after: /home/runner/.ansible/tmp/ansible-local-"])

# --- output the tools localise, in languages the twenty use least ---------------------------------------------------

fam("django-forms-armenian", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/", [
    """AssertionError: {'email': ['Մուտքագրեք ճիշտ էլեկտրոնային փոստի հասցե։']} != {}
  data={'email': '{{EMAIL}}', 'phone': '{{PHONE_AM_INTL}}', 'password': '{{PASSWORD}}'}
FAILED (failures=1)""",
    """AssertionError: ['Խնդրում ենք մուտքագրել ճիշտ օգտանուն և գաղտնաբառ։'] != []
  self.client.post('/mutq/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
  գաղտնաբառ: ******** (սխալ)
Destroying test database for alias 'default'...""",
], ["գաղտնաբառ: ******** (սխալ)"], marker=["Մուտքագրեք ճիշտ էլեկտրոնային փոստի հասցե։", "Խնդրում ենք մուտքագրել ճիշտ օգտանուն և գաղտնաբառ։"])

fam("postgres-auth-failed-georgian", "https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: შეცდომა: სერვერთან დაკავშირება "${dbhost}" (${privip}), პორტი ${pgport} ჩავარდა: FATAL:  პაროლით ავთენტიკაცია ჩავარდა მომხმარებლისთვის "${dbuser}"
+ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c 'select 1'
Error: Process completed with exit code 2.""",
    """ERROR:  დუბლირებული გასაღების მნიშვნელობა არღვევს უნიკალურ შეზღუდვას "users_email_key"
DETAIL:  გასაღები (email)=({{EMAIL}}) უკვე არსებობს.
  ტელეფონი: {{PHONE_GE_INTL}}
ERROR: Job failed: exit code 1""",
], ['"users_email_key"'], marker=["პაროლით ავთენტიკაცია ჩავარდა მომხმარებლისთვის", "უკვე არსებობს."])

fam("laravel-validation-azerbaijani", "https://laravel.com/docs/11.x/localization", [
    """  FAILED  Tests\\Feature\\RegisterTest > qeydiyyat uğursuz olur
  Session has unexpected errors: {"email":["E-poçt artıq istifadə olunub."]}
  $$this->post('/qeydiyyat', ['email' => '{{EMAIL}}', 'telefon' => '{{PHONE_AZ_INTL}}', 'şifrə' => '{{PASSWORD}}'])
  Tests:    1 failed, 30 passed (88 assertions)""",
    """  FAILED  Tests\\Feature\\LoginTest > düzgün şifrə ilə giriş
  Bu məlumatlar qeydlərimizə uyğun gəlmir.
  Auth::attempt(['email' => '{{EMAIL}}', 'password' => '{{PASSWORD}}'])  // şifrə: <gizli>
  Tests:    1 failed, 19 passed (51 assertions)""",
], ["// şifrə: <gizli>"], marker=["E-poçt artıq istifadə olunub.", "Bu məlumatlar qeydlərimizə uyğun gəlmir."])

fam("rails-devise-kazakh", "https://github.com/heartcombo/devise/wiki/I18n", [
    """Failure/Error: expect(page).to have_content('Сәтті кірдіңіз.')
  expected to find text "Сәтті кірдіңіз." in "Электрондық пошта немесе құпия сөз қате."
  # fill_in 'Құпия сөз', with: '{{PASSWORD}}'; fill_in 'Email', with: '{{EMAIL}}'
rspec ./spec/system/sign_in_spec.rb:12 # Кіру дұрыс құпия сөзбен""",
    """Failure/Error: expect(user).to be_valid
  expected #<User id: nil, email: "{{EMAIL}}", phone: "{{PHONE_KZ_INTL}}"> to be valid, but got errors: Телефон нөмірі жарамсыз
  Құпия сөз: [ЖАСЫРЫН]
Finished in 0.88 seconds (files took 2.9 seconds to load)""",
], ["Құпия сөз: [ЖАСЫРЫН]"], marker=["Электрондық пошта немесе құпия сөз қате.", "Телефон нөмірі жарамсыз"])

fam("django-forms-welsh", "https://docs.djangoproject.com/en/5.0/ref/forms/fields/", [
    """AssertionError: {'email': ['Rhowch gyfeiriad e-bost dilys.']} != {}
  data={'email': '{{EMAIL}}', 'ffon': '{{PHONE_GB_INTL}}', 'cyfrinair': '{{PASSWORD}}'}
  Cyfrinair: ******** (cudd)
FAILED (failures=1)""",
    """AssertionError: ['Rhowch enw defnyddiwr a chyfrinair cywir.'] != []
  self.client.post('/mewngofnodi/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
Destroying test database for alias 'default'...""",
], ["Cyfrinair: ******** (cudd)"], marker=["Rhowch gyfeiriad e-bost dilys.", "Rhowch enw defnyddiwr a chyfrinair cywir."])

fam("symfony-validator-basque", "https://symfony.com/doc/current/validation/translations.html", [
    """1) App\\Tests\\Form\\RegistrationTypeTest::testSubmitInvalid
Failed asserting that 'Balio hau ez da baliozko posta elektroniko bat.' is empty.
  ['email' => '{{EMAIL}}', 'telefonoa' => '{{PHONE_ES_INTL}}', 'pasahitza' => '{{PASSWORD}}']
FAILURES!
Tests: 22, Assertions: 61, Failures: 1.""",
    """1) App\\Tests\\Controller\\LoginControllerTest::testLogin
Failed asserting that the response contains 'Kredentzial baliogabeak.'.
  $$client->submitForm('Saioa hasi', ['_username' => '{{EMAIL}}', '_password' => '{{PASSWORD}}']);
  Pasahitza: %env(LOGIN_TEST_PASSWORD)%
ERRORS!""",
], ["Pasahitza: %env(LOGIN_TEST_PASSWORD)%"], marker=["Balio hau ez da baliozko posta elektroniko bat.", "Kredentzial baliogabeak."])

fam("laravel-validation-galician", "https://laravel.com/docs/11.x/validation", [
    """  FAILED  Tests\\Feature\\ContactTest > envía o formulario
  Session has unexpected errors: {"email":["O campo email debe ser un enderezo de correo válido."]}
  $$this->post('/contacto', ['email' => '{{EMAIL}}', 'telefono' => '{{PHONE_PE_INTL}}', 'contrasinal' => '{{PASSWORD}}'])
  Tests:    1 failed, 14 passed (39 assertions)""",
    """  FAILED  Tests\\Feature\\ApiTokenTest > xera un token
  Estas credenciais non coinciden cos nosos rexistros.
  $$this->withToken('{{HEX40}}')->getJson('/api/user')  // contrasinal: ${DB_PASSWORD}
  Tests:    1 failed, 8 passed (20 assertions)""",
], ["// contrasinal: ${DB_PASSWORD}"], marker=["debe ser un enderezo de correo válido.", "Estas credenciais non coinciden cos nosos rexistros."])

fam("rails-validation-afrikaans", "https://github.com/svenfuchs/rails-i18n", [
    """Failure/Error: expect(customer).to be_valid
  expected #<Customer email: "{{EMAIL}}", phone: "{{PHONE_ZA_INTL}}"> to be valid, but got errors: E-pos is ongeldig, Wagwoord is te kort (minimum is 12 karakters)
rspec ./spec/models/customer_spec.rb:9 # Customer is geldig met 'n selfoonnommer""",
    """Failure/Error: expect(page).to have_content('Suksesvol aangemeld.')
  expected to find text "Suksesvol aangemeld." in "Ongeldige e-pos of wagwoord."
  # fill_in 'Wagwoord', with: '{{PASSWORD}}' (Wagwoord: <versteek>)
Finished in 1.3 seconds (files took 3.1 seconds to load)""",
], ["(Wagwoord: <versteek>)"], marker=["Wagwoord is te kort (minimum is 12 karakters)", "Ongeldige e-pos of wagwoord."])

fam("django-forms-albanian", "https://docs.djangoproject.com/en/5.0/ref/forms/validation/", [
    """AssertionError: {'email': ['Jepni një adresë email të vlefshme.']} != {}
  data={'email': '{{EMAIL}}', 'telefoni': '{{PHONE_IT_INTL}}', 'fjalekalimi': '{{PASSWORD}}'}
FAILED (failures=1)""",
    """AssertionError: ['Ju lutemi, jepni emër përdoruesi dhe fjalëkalim të saktë.'] != []
  self.client.post('/hyrje/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
  Fjalëkalimi: •••••••• (i fshehur)
Destroying test database for alias 'default'...""",
], ["Fjalëkalimi: •••••••• (i fshehur)"], marker=["Jepni një adresë email të vlefshme.", "Ju lutemi, jepni emër përdoruesi dhe fjalëkalim të saktë."])

fam("spring-validation-macedonian", "https://docs.jboss.org/hibernate/stable/validator/reference/en-US/html_single/#section-message-interpolation", [
    """[ERROR] RegistrationControllerTest.rejectsBadEmail:48 Status expected:<201> but was:<400>
  Response: {"errors":[{"field":"email","message":"мора да биде правилно форматирана е-пошта"}],"request":{"email":"{{EMAIL}}","phone":"{{PHONE_MA_INTL}}"}}
[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0""",
    """[ERROR] LoginControllerTest.login:33 Status expected:<200> but was:<401>
  Погрешно корисничко име или лозинка.
  request: {"username":"{{EMAIL}}","password":"{{PASSWORD}}"}  лозинка: [СКРИЕНО]
[INFO] BUILD FAILURE""",
], ["лозинка: [СКРИЕНО]"], marker=["мора да биде правилно форматирана е-пошта", "Погрешно корисничко име или лозинка."])

fam("django-forms-khmer", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: {'email': ['សូមបញ្ចូលអាសយដ្ឋានអ៊ីមែលត្រឹមត្រូវ។']} != {}
  data={'email': '{{EMAIL}}', 'phone': '{{PHONE_MY_INTL}}', 'password': '{{PASSWORD}}'}
FAILED (failures=1)""",
    """AssertionError: ['សូមបញ្ចូលឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់ឲ្យបានត្រឹមត្រូវ។'] != []
  self.client.post('/login/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
  ពាក្យសម្ងាត់: ******** (លាក់)
Destroying test database for alias 'default'...""",
], ["ពាក្យសម្ងាត់: ******** (លាក់)"], marker=["សូមបញ្ចូលអាសយដ្ឋានអ៊ីមែលត្រឹមត្រូវ។", "សូមបញ្ចូលឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់ឲ្យបានត្រឹមត្រូវ។"])

fam("laravel-validation-telugu", "https://laravel.com/docs/11.x/localization#overriding-package-language-files", [
    """  FAILED  Tests\\Feature\\SignupTest > నమోదు విఫలమైంది
  Session has unexpected errors: {"email":["ఇమెయిల్ ఇప్పటికే తీసుకోబడింది."]}
  $$this->post('/register', ['email' => '{{EMAIL}}', 'phone' => '{{PHONE_IN_DASH}}', 'password' => '{{PASSWORD}}'])
  Tests:    1 failed, 12 passed (33 assertions)""",
    """  FAILED  Tests\\Feature\\LoginTest > సరైన పాస్‌వర్డ్‌తో లాగిన్
  ఈ ఆధారాలు మా రికార్డులతో సరిపోలడం లేదు.
  Auth::attempt(['email' => '{{EMAIL}}', 'password' => '{{PASSWORD}}'])  // పాస్‌వర్డ్: <దాచబడింది>
  Tests:    1 failed, 6 passed (14 assertions)""",
], ["// పాస్‌వర్డ్: <దాచబడింది>"], marker=["ఇమెయిల్ ఇప్పటికే తీసుకోబడింది.", "ఈ ఆధారాలు మా రికార్డులతో సరిపోలడం లేదు."])
