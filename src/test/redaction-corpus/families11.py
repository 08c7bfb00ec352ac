# The eleventh collection (session 15, corpus11): failure output in formats none of the ten earlier collections has
# (checked by grepping failure-output*.jsonl and families.py to families10.py for each tool's own words), weighted toward
# what a FAILING TEST RUN of a web or back-end application prints and drags in, for a clean measure of redaction on
# material no rule writer has seen (#14): load and unit test tools (Artillery, uvu), HTTP recordings and mocks (Polly.js,
# Mockoon), HTTP clients and servers (aiohttp, Go's httputil dumps, gunicorn, Gin, tower-http, Dropwizard), ORMs and
# data stores (Drizzle, Exposed, the MongoDB profiler, ksqlDB, Solr, Hasura, PostgREST, Strapi, Directus, Meilisearch and
# Typesense), queues and brokers (BullMQ, Pulsar, Temporal, Inngest, ActiveMQ Artemis, Redpanda's rpk), app frameworks'
# error output (Laravel Ignition, Symfony's Monolog, NestJS, Next.js, Nuxt, SvelteKit, Spring Security's debug filter),
# identity and payment SDKs (Cognito, Clerk, Razorpay, Mollie, Braintree, PayPal, Adyen, Mailtrap), builds, CI and
# deployment (kaniko, buildah, Skaffold, Tilt, Earthly, Dagger, Semaphore, Codefresh, Spinnaker's Halyard, wrangler),
# cloud CLIs and their config (linode-cli, hcloud, Scaleway, OCI), secrets tooling (direnv, chamber), Mattermost
# webhooks, Jaeger spans, Insomnia exports, Dagster. Personal data of countries none of the ten has (Kazakhstan,
# Georgia, Kuwait, Qatar, Jordan, Lebanon, Tunisia, Sri Lanka, Nepal, the Dominican Republic, Costa Rica, Guatemala,
# Panama, Bolivia, Paraguay, Venezuela, Tanzania, Uganda, Ethiopia, Senegal, Jamaica, Bosnia, North Macedonia,
# Albania, Moldova, Armenia, Azerbaijan, Uzbekistan, Mongolia, Cambodia: phones as those countries write them) and
# national numbers no collection has (Germany's Steuer-ID, Norway's fødselsnummer, China's resident id, the NHS number,
# Australia's Medicare number, Brazil's CNPJ, Kazakhstan's IIN, the Dominican cédula, Thailand's id, Russia's INN),
# with VALID check digits (EleventhIds.java), and IBANs of 24 more countries (mod 97). Each family names the public page
# or thread its shape was learnt from (a part of them looked up again with the search tool in session 15: Artillery's
# summary report, Polly.js' recordings, BullMQ's failed jobs, Hasura's http-log, Drizzle's and Exposed's query
# loggers, NestJS's ExceptionsHandler lines, Vault/MySQL formats that turned out taken); nothing was copied. Same
# template language as the earlier collections. Split like the sixth to tenth: a THIRD of the families by the SHA-1 of
# the family's name (0 mod 3), fixed and committed before any rule ran on it. Kept from every redaction rule writer.

from families10 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "artscenario": ["Checkout flow", "Login and browse", "Search and add to cart"],
    "pollyrec": ["orders-api_1894322131/creates-an-order_3019882103", "billing_2203341876/refunds-a-charge_1180394552",
                 "auth_1023994311/logs-in_2893001472"],
    "uvufile": ["tests/session.test.js", "tests/api/customers.test.js", "tests/redact.test.mjs"],
    "goservice": ["ordersvc", "billing-gateway", "authproxy"],
    "gofile": ["internal/client/client_test.go", "pkg/api/orders_test.go", "cmd/gateway/main_test.go"],
    "rustcrate": ["orders_api", "billing_gateway", "checkout_svc"],
    "dwapp": ["OrdersApplication", "BillingApplication", "GatewayApplication"],
    "mongocoll": ["customers", "patients", "accounts"],
    "solrcore": ["customers", "orders_shard1_replica_n1", "products"],
    "hasurarole": ["user", "manager", "anonymous"],
    "bullqueue": ["email", "invoice-pdf", "kyc-check"],
    "pulsartopic": ["persistent://acme/orders/created", "persistent://globex/billing/charges", "persistent://initech/kyc/events"],
    "twf": ["KycOnboardingWorkflow", "RefundWorkflow", "InvoiceRunWorkflow"],
    "tq": ["onboarding-tq", "payments", "invoices"],
    "inngestfn": ["send-welcome-email", "sync-crm-contact", "charge-subscription"],
    "rpcluster": ["redpanda-0.redpanda.streaming.svc.cluster.local:9093", "seed-3f1e2a7b.cke2q.byoc.prd.cloud.redpanda.com:9092"],
    "laravelapp": ["shop", "crm", "billing"],
    "nestctrl": ["CustomersController", "AuthController", "PaymentsController"],
    "nextroute": ["/api/checkout", "/api/auth/callback", "/dashboard/billing"],
    "cognitopool": ["eu-west-1_Ab12Cd34E", "us-east-1_Zx98Yw76V", "ap-southeast-2_Qr45St67U"],
    "clerktrace": ["a1f3c5e7b9d1f3a5c7e9b1d3f5a7c9e1", "0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a"],
    "merchant": ["acme_shop_eu", "GlobexECOM", "initech_marketplace"],
    "kanikodest": ["registry.acme.io/orders:1.4.3", "ghcr.io/globex/checkout:sha-4f2a9c1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing:2.0.1"],
    "skaffoldprof": ["dev", "ci", "staging"],
    "tiltres": ["orders-api", "postgres", "checkout-web"],
    "earthtarget": ["+integration-test", "+e2e", "+migrate"],
    "daggerfn": ["test", "integration-test", "publish"],
    "semproj": ["shop-backend", "checkout-e2e", "billing-api"],
    "cfpipeline": ["acme/orders-ci", "globex/checkout-e2e", "initech/billing-release"],
    "workername": ["checkout-edge", "auth-worker", "orders-webhook"],
    "linodeid": ["48211937", "51204488", "39917720"],
    "hcloudctx": ["acme-prod", "globex-ci", "initech-staging"],
    "scwproj": ["3f2a9c1e-7b4d-4e8a-9c2b-1d0e8f7a6b5c", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"],
    "ocitenancy": ["ocid1.tenancy.oc1..aaaaaaaa5x7kqpz3m2n4b6v8c0x2z4a6s8d0f2g4h6j8k0l2q4w6e8r0t2y4",
                   "ocid1.tenancy.oc1..aaaaaaaam3n5b7v9c1x3z5a7s9d1f3g5h7j9k1l3q5w7e9r1t3y5u7i9o1p3"],
    "mmhost": ["chat.acme.net", "mattermost.globex.io", "mm.initech.net"],
    "jaegersvc": ["orders-api", "checkout-web", "kyc-worker"],
    "dagsterjob": ["customer_sync_job", "daily_invoices", "kyc_export"],
    "meilihost": ["search.acme.net:7700", "meili.globex.io", "localhost:7700"],
    "spinacct": ["docker-hub", "ecr-prod", "gcr-globex"],
    "chambersvc": ["orders-api", "billing", "checkout-web"],
    "fp": ["3c:9a:41:0e:7b:d2:58:f1:a6:04:c8:2e:91:5d:b7:6f", "e1:07:5b:c3:28:9f:d4:60:ab:13:7e:f2:46:c9:08:5a"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants})


# --- load and unit test tools, recordings and mocks ------------------------------------------------------------------------

fam("artillery-summary-report", "https://www.artillery.io/docs/reference/cli/run; https://github.com/artilleryio/artillery/issues/436", [
    """Phase started: Warm up (index: 0, duration: 60s) 12:04:11(+0000)
Phase completed: Warm up (index: 0, duration: 60s) 12:05:11(+0000)
--------------------------------------
Summary report @ 12:05:14(+0000)
--------------------------------------

errors.ETIMEDOUT: .............................................................. 58
http.codes.200: ................................................................ 1142
http.codes.401: ................................................................ 37
http.request_rate: ............................................................. 20/sec
vusers.failed: ................................................................. 95
vusers.created_by_name.${artscenario}: ......................................... 1200
Log file: /tmp/artillery/report-${num}.json
config.target: https://${apihost}  defaults.headers.Authorization: Bearer {{JWT}}
payload row 17: ${user},{{PASSWORD}},{{PHONE_KZ}}""",
    """Test run id: t${alnum4}_${alnum20}
Running scenarios...
Worker error: HTTPError: Response code 403 (Forbidden)
  url: https://${apihost}${apipath}?apikey={{ARTILLERY_KEY}}
  capture: { "token": "{{JWT}}", "customer": { "phone": "{{PHONE_GE}}", "email": "{{EMAIL}}" } }
Apdex score: 0.21 (unacceptable)
vusers.failed: 412
errors.ECONNREFUSED: 9
All VUs finished. Total time: 1 minute, 4 seconds""",
], ["Phase started: Warm up (index: 0, duration: 60s)", "Summary report @ 12:05:14(+0000)", "errors.ETIMEDOUT:", "http.codes.401:", "vusers.created_by_name.${artscenario}:", "/tmp/artillery/report-${num}.json", "config.target: https://${apihost}", "Test run id: t${alnum4}_${alnum20}", "Worker error: HTTPError: Response code 403 (Forbidden)", "https://${apihost}${apipath}", "Apdex score: 0.21 (unacceptable)", "All VUs finished. Total time: 1 minute, 4 seconds"])

fam("pollyjs-har-recording", "https://netflix.github.io/pollyjs/#/configuration?id=recordfailedrequests; https://github.com/Netflix/pollyjs/issues/356", [
    """PollyError: [Polly] [adapter:node-http] Recording for the following request is not found and `recordIfMissing` is `false`.
{
  "url": "https://${apihost}${apipath}",
  "method": "POST",
  "headers": {
    "authorization": "Basic {{BASIC_CRED}}",
    "x-api-key": "{{API_KEY}}"
  },
  "body": "{\\"iin\\":\\"{{IIN_KZ}}\\",\\"phone\\":\\"{{PHONE_KZ}}\\"}",
  "recordingName": "${pollyrec}",
  "id": "${hex32}",
  "order": 0
}
    at /app/node_modules/@pollyjs/core/src/-private/request.js:${line}:${col}""",
    """__recordings__/${pollyrec}/recording.har changed:
       "_id": "${hex32}",
       "_order": 0,
       "request": {
         "headers": [
-          { "name": "authorization", "value": "Bearer [REDACTED]" },
+          { "name": "authorization", "value": "Bearer {{STRIPE_SK}}" },
+          { "name": "cookie", "_fromType": "array", "value": "connect.sid={{CONNECT_SID}}" },
         ],
         "url": "https://${apihost}${apipath}"
       },
       "response": { "status": 401, "statusText": "Unauthorized" }""",
], ["PollyError: [Polly] [adapter:node-http] Recording for the following request is not found and `recordIfMissing` is `false`.", "\"url\": \"https://${apihost}${apipath}\"", "\"recordingName\": \"${pollyrec}\"", "@pollyjs/core/src/-private/request.js:${line}:${col}", "__recordings__/${pollyrec}/recording.har changed:", "\"_order\": 0,", "\"_fromType\": \"array\"", "\"response\": { \"status\": 401, \"statusText\": \"Unauthorized\" }"])

fam("uvu-assertion-diff", "https://github.com/lukeed/uvu/blob/master/docs/api.assert.md; https://github.com/lukeed/uvu/issues/132", [
    """${uvufile}
\u2718   (1 / 7)

   FAIL  redact  "strips the session cookie"
    Expected values to be deeply equal:  (equal)

        ++{
        ++  "cookie": "connect.sid=s%3A***",
        --{
        --  "cookie": "connect.sid={{CONNECT_SID}}",
            "path": "/"
          }

    at assert (file:///app/node_modules/uvu/assert/index.mjs:31:8)
    at Object.handler (file:///app/${uvufile}:${line}:${col})

  Total:     7
  Passed:    6
  Skipped:   0
  Duration:  12.41ms""",
    """   FAIL  customers  "creates a customer from the fixture"
    Expected values to be strictly equal:  (is)

        ++201    (Expected)
        --409    (Actual)

    fixture: { name: 'Aigerim Nurlanovna', phone: '{{PHONE_KZ}}', iin: '{{IIN_KZ}}', iban: '{{IBAN11}}' }
    at Object.handler (file:///app/${uvufile}:${line}:${col})

  Total:     12
  Passed:    11""",
], ["${uvufile}", "FAIL  redact  \"strips the session cookie\"", "Expected values to be deeply equal:  (equal)", "\"cookie\": \"connect.sid=s%3A***\",", "file:///app/node_modules/uvu/assert/index.mjs:31:8", "file:///app/${uvufile}:${line}:${col}", "Duration:  12.41ms", "FAIL  customers  \"creates a customer from the fixture\"", "Expected values to be strictly equal:  (is)", "++201    (Expected)", "--409    (Actual)"])

fam("mockoon-cli-log", "https://mockoon.com/cli/; https://github.com/mockoon/mockoon/issues/1221", [
    """{"level":"info","message":"Transaction recorded","environmentName":"Payments API","environmentUUID":"${uuid}","requestMethod":"POST","requestPath":"${apipath}","responseStatus":401,"transaction":{"request":{"headers":[{"key":"authorization","value":"Bearer {{CLERK_SK}}"},{"key":"x-forwarded-for","value":"172.18.0.1"}],"body":"{\\"email\\":\\"{{EMAIL}}\\",\\"password\\":\\"{{PASSWORD}}\\"}"},"routeResponseUUID":"${uuid2}","proxied":false},"timestamp":"2024-05-14T12:04:11.302Z"}""",
    """{"level":"error","message":"Error while serving the content: ENOENT: no such file or directory, open './fixtures/customers.json'","environmentName":"CRM mock","environmentUUID":"${uuid}","requestPath":"${apipath}","timestamp":"2024-05-14T12:04:12.118Z"}
route ${apipath} rule: header x-api-key equals {{MOLLIE_KEY}}; body template: {"phone":"{{PHONE_CR}}","iban":"{{IBAN11}}"}""",
], ["\"message\":\"Transaction recorded\"", "\"environmentName\":\"Payments API\"", "\"requestPath\":\"${apipath}\"", "\"responseStatus\":401", "\"proxied\":false", "\"timestamp\":\"2024-05-14T12:04:11.302Z\"", "Error while serving the content: ENOENT: no such file or directory, open './fixtures/customers.json'", "\"environmentName\":\"CRM mock\"", "route ${apipath} rule: header x-api-key equals"])

# --- HTTP clients and servers --------------------------------------------------------------------------------------------

fam("aiohttp-client-response-error", "https://docs.aiohttp.org/en/stable/client_reference.html#aiohttp.ClientResponseError; https://github.com/aio-libs/aiohttp/issues/4012", [
    """_______________________________ ${pyfunc} _______________________________
    async def ${pyfunc}(session):
>       resp = await client.fetch_profile(token="{{GHP}}")
${pyfile}:${line}:
E       aiohttp.client_exceptions.ClientResponseError: 401, message='Unauthorized', url=URL('https://${apihost}${apipath}?access_token={{GHP}}')
/usr/local/lib/python3.12/site-packages/aiohttp/client_reqrep.py:1070: ClientResponseError
----------------------------- Captured log call ------------------------------
DEBUG    app.http:client.py:${col} POST https://${apihost}${apipath} json={'phone': '{{PHONE_LK}}', 'password': '{{PASSWORD}}'}""",
    """E       aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host ${dbhost}:${pgport} ssl:default [Connect call failed ('10.0.4.12', ${pgport})]
E       while posting to http://${user}:{{PASSWORD}}@${apihost}:8080${apipath}
=========================== short test summary info ============================
FAILED ${pyfile}::${pyfunc} - aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host ${dbhost}:${pgport}""",
], ["aiohttp.client_exceptions.ClientResponseError: 401, message='Unauthorized', url=URL('https://${apihost}${apipath}", "aiohttp/client_reqrep.py:1070: ClientResponseError", "${pyfile}:${line}:", "Captured log call", "app.http:client.py:${col} POST https://${apihost}${apipath}", "Cannot connect to host ${dbhost}:${pgport} ssl:default", "Connect call failed ('10.0.4.12', ${pgport})", "FAILED ${pyfile}::${pyfunc}"])

fam("go-httputil-dump-request", "https://pkg.go.dev/net/http/httputil#DumpRequestOut; https://github.com/golang/go/issues/35584", [
    """--- FAIL: ${gotest} (0.21s)
    ${gofile}:${line}: request:
        POST ${apipath} HTTP/1.1
        Host: ${apihost}
        User-Agent: Go-http-client/1.1
        Content-Length: 84
        Authorization: Basic {{BASIC_CRED}}
        Content-Type: application/json
        Accept-Encoding: gzip

        {"nhs_number":"{{NHS_UK}}","phone":"{{PHONE_JM}}","email":"{{EMAIL}}"}
    ${gofile}:${col}: status = 422, want 201
FAIL
FAIL	github.com/acme/${goservice}/internal/client	0.412s""",
    """2024/05/14 12:04:11 ${goservice}: dump response:
HTTP/1.1 200 OK
Content-Type: application/json
Set-Cookie: session={{HEX64}}; Path=/; HttpOnly; Secure
X-Request-Id: ${reqid}

{"access_token":"{{SLACK_BOT}}","refresh_token":"{{ALNUM24}}","token_type":"bearer"}
--- FAIL: ${gotest} (1.02s)
    ${gofile}:${line}: token not cached""",
], ["--- FAIL: ${gotest} (0.21s)", "${gofile}:${line}: request:", "POST ${apipath} HTTP/1.1", "Host: ${apihost}", "User-Agent: Go-http-client/1.1", "${gofile}:${col}: status = 422, want 201", "github.com/acme/${goservice}/internal/client", "${goservice}: dump response:", "X-Request-Id: ${reqid}", "\"token_type\":\"bearer\"", "${gofile}:${line}: token not cached"])

fam("gunicorn-worker-error", "https://docs.gunicorn.org/en/stable/settings.html#errorlog; https://github.com/benoitc/gunicorn/issues/1801", [
    """[2024-05-14 12:04:11 +0000] [1] [INFO] Starting gunicorn 22.0.0
[2024-05-14 12:04:11 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)
[2024-05-14 12:04:11 +0000] [7] [INFO] Booting worker with pid: 7
[2024-05-14 12:05:41 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:7)
[2024-05-14 12:05:41 +0000] [7] [ERROR] Error handling request /api/login?next=%2Fcheckout&token={{HEX40}}
Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/sync.py", line 135, in handle
psycopg2.OperationalError: connection to server at "${dbhost}" (10.0.4.12), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
    """[2024-05-14 12:07:02 +0000] [9] [ERROR] Exception in worker process
gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>
config: ./gunicorn.conf.py
  raw_env: ['SECRET_KEY={{DJANGO_SECRET_KEY}}', 'SENTRY_DSN=https://{{HEX32}}@o${num}.ingest.sentry.io/${num2}']
  bind: ['0.0.0.0:8000']
  workers: 3""",
], ["Starting gunicorn 22.0.0", "Listening at: http://0.0.0.0:8000 (1)", "Booting worker with pid: 7", "[CRITICAL] WORKER TIMEOUT (pid:7)", "Error handling request /api/login?next=%2Fcheckout", "gunicorn/workers/sync.py\", line 135, in handle", "connection to server at \"${dbhost}\" (10.0.4.12), port ${pgport} failed", "password authentication failed for user \"${dbuser}\"", "${dbhost}:${pgport}/${db}", "Exception in worker process", "<HaltServer 'Worker failed to boot.' 3>", "config: ./gunicorn.conf.py", "bind: ['0.0.0.0:8000']"])

fam("gin-debug-route-log", "https://gin-gonic.com/en/docs/examples/custom-log-format/; https://github.com/gin-gonic/gin/issues/2843", [
    """[GIN-debug] POST   /api/v1/login             --> github.com/acme/${goservice}/handlers.Login (4 handlers)
[GIN-debug] Listening and serving HTTP on :8080
[GIN] 2024/05/14 - 12:04:11 | 401 |    1.204211ms |      172.18.0.1 | POST     "/api/v1/login?api_key={{HCLOUD_TOKEN}}"
Error #01: invalid credentials for {{EMAIL}} (password={{PASSWORD}})
--- FAIL: ${gotest} (0.03s)
    ${gofile}:${line}: expected 200, got 401""",
    """[GIN] 2024/05/14 - 12:04:12 | 500 |   41.882ms |      10.0.4.12 | PUT      "${apipath}"
[GIN-debug] [WARNING] Headers were already written. Wanted to override status code 500 with 200
body: {"cedula":"{{CED_DO}}","telefono":"{{PHONE_DO}}"}
[Recovery] 2024/05/14 - 12:04:12 panic recovered:
Authorization: Bearer {{JWT}}
runtime error: invalid memory address or nil pointer dereference
${gofile}:${col} (0x9c1e2f)""",
], ["[GIN-debug] POST   /api/v1/login", "github.com/acme/${goservice}/handlers.Login (4 handlers)", "[GIN-debug] Listening and serving HTTP on :8080", "| 401 |    1.204211ms |      172.18.0.1 | POST     \"/api/v1/login", "--- FAIL: ${gotest} (0.03s)", "${gofile}:${line}: expected 200, got 401", "| 500 |   41.882ms |      10.0.4.12 | PUT      \"${apipath}\"", "Headers were already written. Wanted to override status code 500 with 200", "panic recovered:", "runtime error: invalid memory address or nil pointer dereference"])

fam("tower-http-trace", "https://docs.rs/tower-http/latest/tower_http/trace/index.html; https://github.com/tokio-rs/axum/discussions/2273", [
    """2024-05-14T12:04:11.302114Z DEBUG request{method=POST uri=/api/login?token={{HEX40}} version=HTTP/1.1}: tower_http::trace::on_request: started processing request
2024-05-14T12:04:11.305921Z DEBUG request{method=POST uri=/api/login version=HTTP/1.1}: ${rustcrate}::auth: body=LoginForm { email: "{{EMAIL}}", password: "{{PASSWORD}}" }
2024-05-14T12:04:11.309877Z ERROR request{method=POST uri=/api/login version=HTTP/1.1}: tower_http::trace::on_failure: response failed classification=Status code: 500 Internal Server Error latency=7 ms
test tests::login_rejects_bad_password ... FAILED""",
    """2024-05-14T12:04:12.118044Z  INFO ${rustcrate}: connecting database_url="postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
2024-05-14T12:04:12.402311Z  WARN request{method=GET uri=${apipath} version=HTTP/1.1}: ${rustcrate}::customers: lookup failed inn="{{INN_RU}}" phone="{{PHONE_AM}}"
thread 'tests::customer_lookup' panicked at src/customers.rs:${line}:${col}:
called `Result::unwrap()` on an `Err` value: RowNotFound""",
], ["tower_http::trace::on_request: started processing request", "request{method=POST uri=/api/login version=HTTP/1.1}", "${rustcrate}::auth: body=LoginForm", "tower_http::trace::on_failure: response failed classification=Status code: 500 Internal Server Error latency=7 ms", "test tests::login_rejects_bad_password ... FAILED", "${dbhost}:${pgport}/${db}", "request{method=GET uri=${apipath} version=HTTP/1.1}", "${rustcrate}::customers: lookup failed", "thread 'tests::customer_lookup' panicked at src/customers.rs:${line}:${col}:", "called `Result::unwrap()` on an `Err` value: RowNotFound"])

fam("dropwizard-config-error", "https://www.dropwizard.io/en/stable/manual/configuration.html; https://github.com/dropwizard/dropwizard/issues/3062", [
    """config.yml has an error:
  * Unrecognized field at: database.pasword
    Did you mean?:
      - password
      - user
      - url
      - driverClass
      - properties

database:
  driverClass: org.postgresql.Driver
  user: ${dbuser}
  pasword: {{PASSWORD}}
  url: jdbc:postgresql://${dbhost}:${pgport}/${db}
server:
  applicationConnectors:
    - type: http
      port: 8080""",
    """ERROR [2024-05-14 12:04:11,302] io.dropwizard.cli.ServerCommand: Unable to start server, shutting down
! org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbuser}"
WARN  [2024-05-14 12:04:11,410] ${javapkg}.${dwapp}: effective config: stripe.apiKey={{STRIPE_SK}}, aws.accessKey={{AWS_KEY_ID}}, aws.secretKey={{AWS_SECRET}}
INFO  [2024-05-14 12:04:11,412] org.eclipse.jetty.server.Server: Stopped @2214ms""",
], ["config.yml has an error:", "* Unrecognized field at: database.pasword", "Did you mean?:", "driverClass: org.postgresql.Driver", "user: ${dbuser}", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "io.dropwizard.cli.ServerCommand: Unable to start server, shutting down", "password authentication failed for user \"${dbuser}\"", "${javapkg}.${dwapp}: effective config:", "org.eclipse.jetty.server.Server: Stopped @2214ms"])

# --- ORMs, databases and data APIs -------------------------------------------------------------------------------------------

fam("drizzle-query-log", "https://orm.drizzle.team/docs/goodies#logging; https://github.com/drizzle-team/drizzle-orm/issues/2414", [
    """Query: insert into "${table}" ("email", "phone", "national_id", "password_hash") values ($1, $2, $3, $4) returning "id" -- params: ["{{EMAIL}}", "{{PHONE_NP}}", "{{FNR_NO}}", "{{PASSWORD}}"]
DrizzleQueryError: Failed query: insert into "${table}" ("email", "phone", "national_id", "password_hash") values ($1, $2, $3, $4) returning "id"
params: {{EMAIL}},{{PHONE_NP}},{{FNR_NO}},{{PASSWORD}}
    at NodePgPreparedQuery.queryWithCache (/app/node_modules/drizzle-orm/pg-core/session.js:${line}:${col})
  [cause]: error: duplicate key value violates unique constraint "${constraint}\"""",
    """Query: select "id", "email", "api_token" from "${table}" where "ssn" = $1 limit $2 -- params: ["{{SSN}}", 1]
 \u276f test/db.test.ts (4 tests | 1 failed) 212ms
   \u00d7 looks a customer up by ssn
     \u2192 expected undefined to deeply equal { id: 42, api_token: '{{NPM_TOKEN}}' }
DATABASE_URL=postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require""",
], ["Query: insert into \"${table}\" (\"email\", \"phone\", \"national_id\", \"password_hash\") values ($1, $2, $3, $4) returning \"id\" -- params:", "DrizzleQueryError: Failed query:", "drizzle-orm/pg-core/session.js:${line}:${col}", "duplicate key value violates unique constraint \"${constraint}\"", "Query: select \"id\", \"email\", \"api_token\" from \"${table}\" where \"ssn\" = $1 limit $2 -- params:", "test/db.test.ts (4 tests | 1 failed) 212ms", "looks a customer up by ssn", "${dbhost}:${pgport}/${db}?sslmode=require"])

fam("exposed-sql-log", "https://jetbrains.github.io/Exposed/working-with-transactions.html#statementinterceptors; https://github.com/JetBrains/Exposed/issues/1403", [
    """SQL: INSERT INTO ${table} (EMAIL, PHONE, STEUER_ID, IBAN) VALUES ('{{EMAIL}}', '{{PHONE_BA}}', '{{STEUER_DE}}', '{{IBAN11}}')
SQL: SELECT ${table}.ID, ${table}.EMAIL FROM ${table} WHERE ${table}.STEUER_ID = '{{STEUER_DE}}'
${jtest} > finds a customer by tax id() FAILED
    org.opentest4j.AssertionFailedError: expected: <1> but was: <0>
        at app//${javapkg}.${jtest}.finds a customer by tax id(${jtest}.kt:${line})""",
    """12:04:11.302 [Test worker] DEBUG Exposed - UPDATE ACCOUNTS SET API_KEY='{{HEX64}}', PASSWORD='{{PASSWORD}}' WHERE ACCOUNTS.ID = ${num}
12:04:11.309 [Test worker] WARN  Exposed - Transaction attempt #0 failed: org.postgresql.util.PSQLException: ERROR: value too long for type character varying(32). Statement(s): UPDATE ACCOUNTS SET API_KEY=?, PASSWORD=? WHERE ACCOUNTS.ID = ?
Database.connect("jdbc:postgresql://${dbhost}:${pgport}/${db}", user = "${dbuser}", password = "{{PASSWORD}}")""",
], ["SQL: INSERT INTO ${table} (EMAIL, PHONE, STEUER_ID, IBAN) VALUES", "SQL: SELECT ${table}.ID, ${table}.EMAIL FROM ${table} WHERE ${table}.STEUER_ID =", "${jtest} > finds a customer by tax id() FAILED", "org.opentest4j.AssertionFailedError: expected: <1> but was: <0>", "${jtest}.kt:${line}", "[Test worker] DEBUG Exposed - UPDATE ACCOUNTS SET API_KEY=", "Transaction attempt #0 failed", "value too long for type character varying(32)", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "user = \"${dbuser}\""])

fam("mongodb-profiler-document", "https://www.mongodb.com/docs/manual/reference/database-profiler/; https://www.mongodb.com/docs/manual/tutorial/manage-the-database-profiler/", [
    """${db}> db.system.profile.find({ ns: "${db}.${mongocoll}" }).sort({ ts: -1 }).limit(1)
[
  {
    op: 'query',
    ns: '${db}.${mongocoll}',
    command: {
      find: '${mongocoll}',
      filter: { nationalId: '{{RID_CN}}', phone: '{{PHONE_MN}}' },
      '$$db': '${db}'
    },
    keysExamined: 0,
    docsExamined: 48211,
    planSummary: 'COLLSCAN',
    millis: 212,
    client: '10.0.4.12',
    appName: 'orders-api',
    user: '${mongouser}@admin'
  }
]""",
    """{"t":{"$$date":"2024-05-14T12:04:11.302+00:00"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn48","msg":"Slow query","attr":{"type":"command","ns":"${db}.${mongocoll}","command":{"update":"${mongocoll}","updates":[{"q":{"email":"{{EMAIL}}"},"u":{"$$set":{"resetToken":"{{HEX40}}","medicare":"{{MEDICARE_AU}}"}}}]},"planSummary":"IXSCAN { email: 1 }","durationMillis":311}}
mongodb+srv://${mongouser}:{{PASSWORD}}@${mongohost}/${db}?retryWrites=true""",
], ["db.system.profile.find({ ns: \"${db}.${mongocoll}\" })", "op: 'query',", "ns: '${db}.${mongocoll}',", "find: '${mongocoll}',", "docsExamined: 48211,", "planSummary: 'COLLSCAN',", "appName: 'orders-api',", "user: '${mongouser}@admin'", "\"msg\":\"Slow query\"", "\"ns\":\"${db}.${mongocoll}\"", "\"planSummary\":\"IXSCAN { email: 1 }\"", "\"durationMillis\":311", "@${mongohost}/${db}?retryWrites=true"])

fam("ksqldb-connector-statement", "https://docs.ksqldb.io/en/latest/developer-guide/ksqldb-reference/create-connector/; https://github.com/confluentinc/ksql/issues/5341", [
    """ksql> CREATE SOURCE CONNECTOR `${db}-jdbc-source` WITH(
>    "connector.class"='io.confluent.connect.jdbc.JdbcSourceConnector',
>    "connection.url"='jdbc:postgresql://${dbhost}:${pgport}/${db}',
>    "connection.user"='${dbuser}',
>    "connection.password"='{{PASSWORD}}',
>    "topic.prefix"='pg-',
>    "mode"='incrementing');
Failed to create connector: {"error_code":400,"message":"Connector configuration is invalid and contains the following 1 error(s):\\nConnection to jdbc:postgresql://${dbhost}:${pgport}/${db} failed"}""",
    """ksql> SELECT * FROM customers_stream EMIT CHANGES LIMIT 2;
+----------------+----------------------+------------------+----------------------+
|ID              |EMAIL                 |PHONE             |TAX_ID                |
+----------------+----------------------+------------------+----------------------+
|${num}          |{{EMAIL}}             |{{PHONE_UZ}}      |{{INN_RU}}            |
Limit Reached
Query terminated
ksql.schema.registry.basic.auth.user.info=${user}:{{PASSWORD}}""",
], ["CREATE SOURCE CONNECTOR `${db}-jdbc-source` WITH(", "\"connector.class\"='io.confluent.connect.jdbc.JdbcSourceConnector'", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "\"connection.user\"='${dbuser}'", "Failed to create connector:", "\"error_code\":400", "Connector configuration is invalid", "SELECT * FROM customers_stream EMIT CHANGES LIMIT 2;", "Limit Reached", "Query terminated", "ksql.schema.registry.basic.auth.user.info="])

fam("solr-request-log", "https://solr.apache.org/guide/solr/latest/deployment-guide/configuring-logging.html; https://issues.apache.org/jira/browse/SOLR-13323", [
    """2024-05-14 12:04:11.302 INFO  (qtp1289696681-23) [   x:${solrcore}] o.a.s.c.S.Request webapp=/solr path=/select params={q=email:"{{EMAIL}}"+OR+phone:"{{PHONE_KH}}"&fl=id,name,iban&wt=json} hits=1 status=0 QTime=3
2024-05-14 12:04:11.418 ERROR (qtp1289696681-24) [   x:${solrcore}] o.a.s.h.RequestHandlerBase org.apache.solr.common.SolrException: undefined field nationalid
curl -u ${user}:{{PASSWORD}} "http://${apihost}:8983/solr/${solrcore}/select?q=*:*" """,
    """2024-05-14 12:04:12.118 INFO  (qtp1289696681-31) [   x:${solrcore}] o.a.s.u.p.LogUpdateProcessorFactory webapp=/solr path=/update params={commit=true&wt=json}{add=[{{TH_ID}} (1799140412844359680)]} 0 41
solr.xml: <str name="basicAuth">${user}:{{PASSWORD}}</str>
SOLR_AUTHENTICATION_OPTS="-Dbasicauth=${user}:{{PASSWORD}}\"""",
], ["[   x:${solrcore}] o.a.s.c.S.Request webapp=/solr path=/select", "&fl=id,name,iban&wt=json} hits=1 status=0 QTime=3", "org.apache.solr.common.SolrException: undefined field nationalid", "http://${apihost}:8983/solr/${solrcore}/select", "o.a.s.u.p.LogUpdateProcessorFactory webapp=/solr path=/update params={commit=true&wt=json}", "(1799140412844359680)]} 0 41"])

fam("hasura-http-log", "https://hasura.io/docs/latest/deployment/logging/; https://github.com/hasura/graphql-engine/issues/7532", [
    """{"type":"http-log","timestamp":"2024-05-14T12:04:11.302+0000","level":"error","detail":{"operation":{"query_execution_time":0.0012,"user_vars":{"x-hasura-role":"${hasurarole}","x-hasura-user-id":"${num}"},"error":{"path":"$$.selectionSet.insert_customers_one.args.object","error":"Uniqueness violation. duplicate key value violates unique constraint \\"${constraint}\\"","code":"constraint-violation"},"request_id":"${uuid}","response_size":212,"query":{"operationName":"${gqlop}","variables":{"email":"{{EMAIL}}","phone":"{{PHONE_QA}}","iban":"{{IBAN11}}"}}},"http_info":{"status":200,"http_version":"HTTP/1.1","url":"/v1/graphql","ip":"172.18.0.1","method":"POST"}}}""",
    """hasura-1  | {"type":"startup","timestamp":"2024-05-14T12:04:10.118+0000","level":"info","detail":{"kind":"postgres_connection","info":{"retries":1,"database_url":"postgres://${dbuser}:...@${dbhost}:${pgport}/${db}"}}}
hasura-1  | HASURA_GRAPHQL_ADMIN_SECRET={{HASURA_ADMIN}}
hasura-1  | HASURA_GRAPHQL_JWT_SECRET={"type":"HS256","key":"{{HEX64}}"}
curl -H 'x-hasura-admin-secret: {{HASURA_ADMIN}}' http://localhost:8080/v1/metadata""",
], ["\"type\":\"http-log\"", "\"x-hasura-role\":\"${hasurarole}\"", "\"path\":\"$$.selectionSet.insert_customers_one.args.object\"", "\"code\":\"constraint-violation\"", "\"request_id\":\"${uuid}\"", "\"operationName\":\"${gqlop}\"", "\"url\":\"/v1/graphql\"", "\"method\":\"POST\"", "\"kind\":\"postgres_connection\"", "@${dbhost}:${pgport}/${db}", "http://localhost:8080/v1/metadata"])

fam("postgrest-error", "https://docs.postgrest.org/en/stable/references/errors.html; https://github.com/PostgREST/postgrest/issues/2610", [
    """HTTP/1.1 409 Conflict
Content-Type: application/json; charset=utf-8
Content-Range: */*

{"code":"23505","details":"Key (phone)=({{PHONE_TN}}) already exists.","hint":null,"message":"duplicate key value violates unique constraint \\"${constraint}\\""}
> POST /${table} HTTP/1.1
> Authorization: Bearer {{JWT}}
> Prefer: return=representation""",
    """14/May/2024:12:04:11 +0000: Attempting to connect to the database...
14/May/2024:12:04:11 +0000: Connection successful
PGRST_DB_URI=postgres://authenticator:{{PASSWORD}}@${dbhost}:${pgport}/${db}
PGRST_JWT_SECRET={{ALNUM24}}{{ALNUM24}}
{"code":"PGRST301","details":null,"hint":null,"message":"JWSError JWSInvalidSignature"}""",
], ["HTTP/1.1 409 Conflict", "Content-Range: */*", "\"code\":\"23505\"", "already exists.", "duplicate key value violates unique constraint", "POST /${table} HTTP/1.1", "Prefer: return=representation", "Attempting to connect to the database...", "Connection successful", "@${dbhost}:${pgport}/${db}", "\"code\":\"PGRST301\"", "JWSError JWSInvalidSignature"])

fam("strapi-error-log", "https://docs.strapi.io/dev-docs/configurations/environment; https://github.com/strapi/strapi/issues/16327", [
    """[2024-05-14 12:04:11.302] error: insert into "up_users" ("blocked", "confirmed", "email", "password", "phone", "provider", "username") values ($1, $2, $3, $4, $5, $6, $7) returning "id" - duplicate key value violates unique constraint "up_users_email_unique"
error: {"email":"{{EMAIL}}","phone":"{{PHONE_ET}}","password":"{{PASSWORD}}"}
[2024-05-14 12:04:11.305] http: POST /api/auth/local/register (41 ms) 400""",
    """.env loaded for test:
APP_KEYS={{B64_SECRET}},{{B64_SECRET}}
API_TOKEN_SALT={{ALNUM24}}
ADMIN_JWT_SECRET={{HEX32}}
STRAPI_API_TOKEN={{STRAPI_TOKEN}}
DATABASE_HOST=${dbhost}
DATABASE_PORT=${pgport}
DATABASE_NAME=${db}
 FAIL  tests/app.test.js
  \u25cf user \u203a registers a customer""",
], ["[2024-05-14 12:04:11.302] error: insert into \"up_users\"", "duplicate key value violates unique constraint \"up_users_email_unique\"", "http: POST /api/auth/local/register (41 ms) 400", ".env loaded for test:", "DATABASE_HOST=${dbhost}", "DATABASE_PORT=${pgport}", "DATABASE_NAME=${db}", "FAIL  tests/app.test.js", "user \u203a registers a customer"])

fam("directus-env-log", "https://docs.directus.io/self-hosted/config-options.html; https://github.com/directus/directus/issues/18511", [
    """directus-1  | [12:04:11.302] INFO: Initializing bootstrap...
directus-1  | [12:04:11.410] ERROR: Database connection failed.
directus-1  |     err: {
directus-1  |       "type": "Error",
directus-1  |       "message": "password authentication failed for user \\"${dbuser}\\"",
directus-1  |       "code": "28P01"
directus-1  |     }
environment:
  KEY: "${uuid}"
  SECRET: "{{HEX64}}"
  ADMIN_EMAIL: "{{EMAIL}}"
  ADMIN_PASSWORD: "{{PASSWORD}}"
  DB_CONNECTION_STRING: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}\"""",
    """[12:04:12.118] WARN: Request failed: POST /items/${table} 403
    req: { "method": "POST", "url": "/items/${table}?access_token={{DIRECTUS_TOKEN}}", "headers": { "authorization": "Bearer {{DIRECTUS_TOKEN}}" } }
    body: { "full_name": "Mariam Jaber", "phone": "{{PHONE_JO}}", "iban": "{{IBAN11_SPACED}}" }
    res: { "statusCode": 403 }""",
], ["Initializing bootstrap...", "ERROR: Database connection failed.", "password authentication failed for user", "\"code\": \"28P01\"", "KEY: \"${uuid}\"", "@${dbhost}:${pgport}/${db}", "Request failed: POST /items/${table} 403", "\"method\": \"POST\", \"url\": \"/items/${table}", "res: { \"statusCode\": 403 }"])

fam("meilisearch-typesense-errors", "https://www.meilisearch.com/docs/reference/errors/error_codes; https://typesense.org/docs/latest/api/api-errors.html", [
    """curl -X POST 'http://${meilihost}/indexes/customers/documents' -H 'Authorization: Bearer {{MEILI_MASTER}}' -H 'Content-Type: application/json' --data-binary '[{"id":${num},"phone":"{{PHONE_SN}}","email":"{{EMAIL}}"}]'
{"message":"The provided API key is invalid.","code":"invalid_api_key","type":"auth","link":"https://docs.meilisearch.com/errors#invalid_api_key"}
MEILI_MASTER_KEY={{MEILI_MASTER}} meilisearch --env development --db-path ./data.ms""",
    """typesense.exceptions.RequestUnauthorized: [Errno 401] Forbidden - a valid `x-typesense-api-key` header must be sent.
client = typesense.Client({'api_key': '{{TYPESENSE_KEY}}', 'nodes': [{'host': '${apihost}', 'port': '443', 'protocol': 'https'}], 'connection_timeout_seconds': 2})
FAILED ${pyfile}::${pyfunc} - typesense.exceptions.RequestUnauthorized""",
], ["http://${meilihost}/indexes/customers/documents", "\"message\":\"The provided API key is invalid.\"", "\"code\":\"invalid_api_key\"", "https://docs.meilisearch.com/errors#invalid_api_key", "meilisearch --env development --db-path ./data.ms", "typesense.exceptions.RequestUnauthorized: [Errno 401] Forbidden", "'host': '${apihost}', 'port': '443', 'protocol': 'https'", "FAILED ${pyfile}::${pyfunc} - typesense.exceptions.RequestUnauthorized"])

# --- queues, brokers and workflow engines --------------------------------------------------------------------------------------

fam("bullmq-failed-job", "https://docs.bullmq.io/guide/retrying-failing-jobs; https://github.com/taskforcesh/bullmq/issues/117", [
    """Job ${num} in queue "${bullqueue}" failed (attemptsMade 3/3): Error: SMTP 535 Authentication failed
{
  name: 'send',
  data: {
    to: '{{EMAIL}}',
    phone: '{{PHONE_TZ}}',
    smtp: { host: 'smtp.${mailhost}', user: 'apikey', pass: '{{SG_SECRET}}' }
  },
  opts: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
  failedReason: 'SMTP 535 Authentication failed',
  stacktrace: [ 'Error: SMTP 535 Authentication failed\\n    at Worker.processFn (/app/dist/workers/${bullqueue}.js:${line}:${col})' ]
}""",
    """127.0.0.1:6379> HGETALL bull:${bullqueue}:${num}
 1) "name"
 2) "check"
 3) "data"
 4) "{\\"customerId\\":${num},\\"cnpj\\":\\"{{CNPJ_BR}}\\",\\"apiKey\\":\\"{{RAZORPAY_SECRET}}\\"}"
 5) "attemptsMade"
 6) "1"
 7) "failedReason"
 8) "Request failed with status code 401\"""",
], ["in queue \"${bullqueue}\" failed (attemptsMade 3/3): Error: SMTP 535 Authentication failed", "name: 'send',", "smtp.${mailhost}", "opts: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },", "failedReason: 'SMTP 535 Authentication failed',", "/app/dist/workers/${bullqueue}.js:${line}:${col}", "HGETALL bull:${bullqueue}:${num}", "\"attemptsMade\"", "\"failedReason\"", "Request failed with status code 401"])

fam("pulsar-client-config", "https://pulsar.apache.org/docs/next/security-jwt/; https://github.com/apache/pulsar/issues/11522", [
    """12:04:11.302 [main] INFO  org.apache.pulsar.client.impl.conf.ConfigurationDataUtils - Pulsar client config: {
  "serviceUrl" : "pulsar+ssl://${apihost}:6651",
  "authPluginClassName" : "org.apache.pulsar.client.impl.auth.AuthenticationToken",
  "authParams" : "token:{{JWT}}",
  "operationTimeoutMs" : 30000,
  "tlsAllowInsecureConnection" : false
}
12:04:11.610 [pulsar-client-io-1-1] WARN  org.apache.pulsar.client.impl.ClientCnx - [${apihost}/10.0.4.12:6651] Received error from server: Failed to authentication token: JWT expired""",
    """$$ bin/pulsar-admin --admin-url https://${apihost}:8443 --auth-plugin org.apache.pulsar.client.impl.auth.AuthenticationBasic --auth-params '{"userId":"${user}","password":"{{PASSWORD}}"}' topics stats ${pulsartopic}
HTTP 401 Unauthorized
Reason: HTTP 401 Unauthorized
message payload: {"customer":"{{EMAIL}}","phone":"{{PHONE_AZ}}"}""",
], ["org.apache.pulsar.client.impl.conf.ConfigurationDataUtils - Pulsar client config:", "\"serviceUrl\" : \"pulsar+ssl://${apihost}:6651\"", "org.apache.pulsar.client.impl.auth.AuthenticationToken", "\"operationTimeoutMs\" : 30000", "Received error from server: Failed to authentication token: JWT expired", "bin/pulsar-admin --admin-url https://${apihost}:8443", "org.apache.pulsar.client.impl.auth.AuthenticationBasic", "topics stats ${pulsartopic}", "HTTP 401 Unauthorized"])

fam("temporal-workflow-failure", "https://docs.temporal.io/cli/workflow#show; https://github.com/temporalio/temporal/issues/3997", [
    """$$ temporal workflow show --workflow-id kyc-${num} --namespace default
Progress:
  ID  Time                     Type
   1  2024-05-14T12:04:11Z  WorkflowExecutionStarted
   2  2024-05-14T12:04:11Z  WorkflowTaskScheduled
   9  2024-05-14T12:04:14Z  ActivityTaskFailed
  10  2024-05-14T12:04:14Z  WorkflowExecutionFailed

Input: [{"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_UG}}","taxId":"{{IIN_KZ}}"},"providerToken":"{{ALNUM24}}"}]
Failure: activity error (type: VerifyIdentity, scheduledEventID: 5, startedEventID: 6, identity: 1@worker-7f9c@): 401 Unauthorized (type: ApplicationError, retryable: true)
Workflow type: ${twf}
Task queue: ${tq}""",
    """2024/05/14 12:04:11 ERROR Activity error. Namespace default TaskQueue ${tq} WorkerID 1@worker-7f9c@ WorkflowID kyc-${num} RunID ${uuid} ActivityType ChargeCard Attempt 3 Error stripe: invalid api key {{STRIPE_SK}}
--- FAIL: Test${twf} (0.41s)
    ${gofile}:${line}: workflow failed: activity error (type: ChargeCard, scheduledEventID: 11): card {{CARD}} declined""",
], ["temporal workflow show --workflow-id kyc-${num} --namespace default", "WorkflowExecutionStarted", "ActivityTaskFailed", "WorkflowExecutionFailed", "Failure: activity error (type: VerifyIdentity, scheduledEventID: 5, startedEventID: 6, identity: 1@worker-7f9c@)", "(type: ApplicationError, retryable: true)", "Workflow type: ${twf}", "Task queue: ${tq}", "Namespace default TaskQueue ${tq} WorkerID 1@worker-7f9c@ WorkflowID kyc-${num} RunID ${uuid} ActivityType ChargeCard Attempt 3", "--- FAIL: Test${twf} (0.41s)", "${gofile}:${line}: workflow failed"])

fam("inngest-dev-server", "https://www.inngest.com/docs/local-development; https://github.com/inngest/inngest/issues/1002", [
    """12:04:11 INF received event event=customer/signed.up external_id=${uuid}
12:04:11 INF initializing fn function=${inngestfn} run_id=01HX${upper22}
12:04:12 ERR step errored function=${inngestfn} step=send-sms error="Twilio 20003: Authenticate" data={"phone":"{{PHONE_PA}}","email":"{{EMAIL}}","twilioAuth":"{{TWILIO_AUTH}}"}
INNGEST_SIGNING_KEY={{INNGEST_SIGNING}}
INNGEST_EVENT_KEY={{ALNUM24}}""",
    """Error: Failed to register app: 401 Unauthorized - Your signing key is invalid.
    at InngestCommHandler.register (/app/node_modules/inngest/components/InngestCommHandler.js:${line}:${col})
  url: 'http://localhost:3000/api/inngest', signingKey: '{{INNGEST_SIGNING}}'
 FAIL  tests/functions.test.ts > ${inngestfn} > retries on provider errors""",
], ["received event event=customer/signed.up external_id=${uuid}", "initializing fn function=${inngestfn} run_id=01HX${upper22}", "step errored function=${inngestfn} step=send-sms error=\"Twilio 20003: Authenticate\"", "Failed to register app: 401 Unauthorized - Your signing key is invalid.", "InngestCommHandler.js:${line}:${col}", "url: 'http://localhost:3000/api/inngest'", "tests/functions.test.ts > ${inngestfn} > retries on provider errors"])

fam("artemis-broker-log", "https://activemq.apache.org/components/artemis/documentation/latest/security.html; https://issues.apache.org/jira/browse/ARTEMIS-3475", [
    """2024-05-14 12:04:11,302 WARN  [org.apache.activemq.artemis.core.server] AMQ222216: Security problem while authenticating: AMQ229031: Unable to validate user from /10.0.4.12:51234. Username: ${user}; SSL certificate subject DN: unavailable
2024-05-14 12:04:11,302 INFO  [org.apache.activemq.audit.message] AMQ601716: User ${user}(addr=/10.0.4.12:51234) failed authentication
spring.artemis.broker-url=tcp://${apihost}:61616?sslEnabled=true
spring.artemis.user=${user}
spring.artemis.password={{PASSWORD}}""",
    """$$ artemis producer --url tcp://${apihost}:61616 --user ${user} --password {{PASSWORD}} --destination queue://${queue} --message '{"inn":"{{INN_RU}}","phone":"{{PHONE_MD}}"}'
Connection brokerURL = tcp://${apihost}:61616
javax.jms.JMSSecurityException: AMQ229031: Unable to validate user from /10.0.4.12:51236. Username: ${user}; SSL certificate subject DN: unavailable""",
], ["AMQ222216: Security problem while authenticating: AMQ229031: Unable to validate user from /10.0.4.12:51234. Username: ${user}", "AMQ601716: User ${user}(addr=/10.0.4.12:51234) failed authentication", "spring.artemis.broker-url=tcp://${apihost}:61616?sslEnabled=true", "spring.artemis.user=${user}", "artemis producer --url tcp://${apihost}:61616 --user ${user}", "--destination queue://${queue}", "Connection brokerURL = tcp://${apihost}:61616", "javax.jms.JMSSecurityException: AMQ229031"])

fam("rpk-redpanda", "https://docs.redpanda.com/current/reference/rpk/rpk-x-options/; https://github.com/redpanda-data/redpanda/issues/9436", [
    """$$ rpk topic produce ${topic} -X brokers=${rpcluster} -X sasl.mechanism=SCRAM-SHA-256 -X user=${user} -X pass={{PASSWORD}} -X tls.enabled=true
{"email":"{{EMAIL}}","phone":"{{PHONE_VE}}","iban":"{{IBAN11}}"}
unable to produce record: SASL_AUTHENTICATION_FAILED: SASL Authentication failed: security: Invalid credentials
Produced to partition 0 at offset 0 with timestamp 1715688251302.""",
    """$$ rpk profile print
name: ci
kafka_api:
    brokers:
        - ${rpcluster}
    tls: {}
    sasl:
        user: ${user}
        password: {{PASSWORD}}
        mechanism: SCRAM-SHA-256
cloud_auth:
    client_id: ${alnum20}
    client_secret: {{ALNUM24}}{{HEX32}}""",
], ["rpk topic produce ${topic}", "-X sasl.mechanism=SCRAM-SHA-256", "-X tls.enabled=true", "unable to produce record: SASL_AUTHENTICATION_FAILED: SASL Authentication failed: security: Invalid credentials", "Produced to partition 0 at offset 0 with timestamp 1715688251302.", "rpk profile print", "name: ci", "mechanism: SCRAM-SHA-256", "client_id: ${alnum20}"])

# --- application frameworks' error output ------------------------------------------------------------------------------------------

fam("laravel-ignition-page", "https://github.com/spatie/laravel-ignition#readme; https://flareapp.io/docs/ignition/introducing-ignition/overview", [
    """Illuminate\\Database\\QueryException
SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{{PHONE_LB}}' for key 'customers.customers_phone_unique' (Connection: mysql, SQL: insert into `customers` (`name`, `email`, `phone`, `updated_at`, `created_at`) values (Rania Haddad, {{EMAIL}}, {{PHONE_LB}}, 2024-05-14 12:04:11, 2024-05-14 12:04:11))
https://${apihost}/register
Hide solutions
Request
POST /register
Headers
cookie: XSRF-TOKEN={{LARAVEL_SESSION}}; laravel_session={{LARAVEL_SESSION}}
Body
{"_token":"{{ALNUM24}}","name":"Rania Haddad","password":"{{PASSWORD}}"}
Laravel 11.7.0  PHP 8.3.6""",
    """[2024-05-14 12:04:11] testing.ERROR: cURL error 6: Could not resolve host: ${apihost} {"exception":"[object] (Illuminate\\\\Http\\\\Client\\\\ConnectionException(code: 0): cURL error 6"}
Ignition shared error: https://flareapp.io/share/${alnum6}
  APP_KEY=base64:{{B64_SECRET}}
  DB_PASSWORD={{PASSWORD}}
  MAIL_PASSWORD={{MAILTRAP_TOKEN}}
  DB_HOST=${dbhost}""",
], ["Illuminate\\Database\\QueryException", "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry", "for key 'customers.customers_phone_unique' (Connection: mysql, SQL: insert into `customers`", "https://${apihost}/register", "Hide solutions", "POST /register", "Laravel 11.7.0  PHP 8.3.6", "testing.ERROR: cURL error 6: Could not resolve host: ${apihost}", "https://flareapp.io/share/${alnum6}", "DB_HOST=${dbhost}"])

fam("symfony-monolog-critical", "https://symfony.com/doc/current/logging.html; https://github.com/symfony/symfony/issues/47322", [
    """[2024-05-14T12:04:11.302114+00:00] request.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException: "An exception occurred in the driver: SQLSTATE[08006] [7] connection to server at "${dbhost}" (10.0.4.12), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"" at /app/vendor/doctrine/dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php line 81 {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: 7))"} []
.env.test.local:
DATABASE_URL="postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?serverVersion=16&charset=utf8"
APP_SECRET={{SYMFONY_SECRET}}""",
    """[2024-05-14T12:04:12.118044+00:00] request.INFO: Matched route "app_register". {"route":"app_register","route_parameters":{"_route":"app_register"},"request_uri":"https://${apihost}/register?invite={{HEX40}}","method":"POST"} []
[2024-05-14T12:04:12.130010+00:00] app.ERROR: Registration failed {"email":"{{EMAIL}}","phone":"{{PHONE_AL}}","plainPassword":"{{PASSWORD}}"} []
1) App\\Tests\\Controller\\RegistrationControllerTest::testRegister
Failed asserting that the Response is redirected.""",
], ["request.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException", "SQLSTATE[08006] [7] connection to server at \"${dbhost}\" (10.0.4.12), port ${pgport} failed", "password authentication failed for user \"${dbuser}\"", "ExceptionConverter.php line 81", "@${dbhost}:${pgport}/${db}?serverVersion=16&charset=utf8", "request.INFO: Matched route \"app_register\".", "\"route\":\"app_register\"", "https://${apihost}/register", "app.ERROR: Registration failed", "App\\Tests\\Controller\\RegistrationControllerTest::testRegister", "Failed asserting that the Response is redirected."])

fam("nestjs-exceptions-handler", "https://docs.nestjs.com/exception-filters; https://github.com/nestjs/nest/issues/317", [
    """[Nest] 4821  - 05/14/2024, 12:04:11 PM   ERROR [ExceptionsHandler] duplicate key value violates unique constraint "${constraint}"
QueryFailedError: duplicate key value violates unique constraint "${constraint}"
    at PostgresQueryRunner.query (/app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:${line}:${col})
    at async ${nestctrl}.create (/app/dist/customers/customers.controller.js:41:16)
  query: 'INSERT INTO "customer"("email", "phone", "cpf_cnpj") VALUES ($1, $2, $3) RETURNING "id"',
  parameters: [ '{{EMAIL}}', '{{PHONE_GT}}', '{{CNPJ_BR}}' ],
  driverError: error: duplicate key value violates unique constraint "${constraint}\"""",
    """[Nest] 4821  - 05/14/2024, 12:04:12 PM     LOG [NestFactory] Starting Nest application...
[Nest] 4821  - 05/14/2024, 12:04:12 PM   ERROR [TypeOrmModule] Unable to connect to the database. Retrying (1)...
error: password authentication failed for user "${dbuser}"
ConfigService: { DB_URL: 'postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}', JWT_SECRET: '{{HEX64}}', SENDGRID_API_KEY: 'SG.{{SG_ID}}.{{SG_SECRET}}' }""",
], ["[Nest] 4821  - 05/14/2024, 12:04:11 PM   ERROR [ExceptionsHandler]", "QueryFailedError: duplicate key value violates unique constraint", "typeorm/driver/postgres/PostgresQueryRunner.js:${line}:${col}", "at async ${nestctrl}.create (/app/dist/customers/customers.controller.js:41:16)", "INSERT INTO \"customer\"(\"email\", \"phone\", \"cpf_cnpj\") VALUES ($1, $2, $3) RETURNING \"id\"", "[NestFactory] Starting Nest application...", "[TypeOrmModule] Unable to connect to the database. Retrying (1)...", "password authentication failed for user \"${dbuser}\"", "@${dbhost}:${pgport}/${db}"])

fam("nextjs-server-error", "https://nextjs.org/docs/app/building-your-application/routing/error-handling; https://github.com/vercel/next.js/discussions/49906", [
    """  \u25b2 Next.js 14.2.3
  - Local:        http://localhost:3000
  - Environments: .env.local, .env.test

 \u2a2f Error: Request failed with status code 401
    at async POST (webpack-internal:///(rsc)/./app${nextroute}/route.ts:${line}:${col})
  config: { url: 'https://${apihost}${apipath}', headers: { Authorization: 'Bearer {{CLERK_SK}}' }, data: '{"email":"{{EMAIL}}","phone":"{{PHONE_BO}}"}' } {
  digest: '${num}'
}
 POST ${nextroute} 500 in 412ms""",
    """ \u2a2f [Error: An error occurred in the Server Components render.] { digest: '${num}' }
next.config.js env: { NEXTAUTH_SECRET: '{{B64_SECRET}}', DATABASE_URL: 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}' }
 GET ${nextroute} 500 in 1204ms
Error: page.goto: net::ERR_ABORTED at http://localhost:3000${nextroute}""",
], ["Next.js 14.2.3", "- Local:        http://localhost:3000", "- Environments: .env.local, .env.test", "Error: Request failed with status code 401", "webpack-internal:///(rsc)/./app${nextroute}/route.ts:${line}:${col}", "url: 'https://${apihost}${apipath}'", "digest: '${num}'", "POST ${nextroute} 500 in 412ms", "An error occurred in the Server Components render.", "@${dbhost}:${pgport}/${db}", "GET ${nextroute} 500 in 1204ms", "page.goto: net::ERR_ABORTED at http://localhost:3000${nextroute}"])

fam("nuxt-request-error", "https://nuxt.com/docs/getting-started/error-handling; https://github.com/nuxt/nuxt/issues/23301", [
    """[nuxt] [request error] [unhandled] [500] [POST] "https://${apihost}${apipath}": 401 Unauthorized
  at async $$fetch (node_modules/ofetch/dist/shared/ofetch.mjs:${line}:${col})
  at async Object.handler (server/api/customers.post.ts:14:1)
runtimeConfig: { apiSecret: '{{HEX64}}', public: { apiBase: 'https://${apihost}' }, stripeSecret: '{{STRIPE_SK}}' }
body: { name: 'Tigist Alemu', phone: '{{PHONE_ET}}', email: '{{EMAIL}}' }""",
    """ ERROR  [nuxt] [request error] [unhandled] [500] Cannot connect to database
  cause: Error: getaddrinfo ENOTFOUND ${dbhost}
NUXT_DATABASE_URL=mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}
NUXT_SESSION_PASSWORD={{ALNUM24}}{{ALNUM24}}
 FAIL  test/e2e/checkout.test.ts > checkout > places an order""",
], ["[nuxt] [request error] [unhandled] [500] [POST] \"https://${apihost}${apipath}\": 401 Unauthorized", "node_modules/ofetch/dist/shared/ofetch.mjs:${line}:${col}", "server/api/customers.post.ts:14:1", "apiBase: 'https://${apihost}'", "[nuxt] [request error] [unhandled] [500] Cannot connect to database", "getaddrinfo ENOTFOUND ${dbhost}", "@${dbhost}:${myport}/${db}", "test/e2e/checkout.test.ts > checkout > places an order"])

fam("sveltekit-handle-error", "https://kit.svelte.dev/docs/errors; https://github.com/sveltejs/kit/issues/11512", [
    """Error: Unexpected response from https://${apihost}${apipath}: 403
    at load (/app/src/routes/account/+page.server.ts:${line}:${col})
    at async load_server_data (file:///app/node_modules/@sveltejs/kit/src/runtime/server/page/load_data.js:61:17)
event.cookies: [ { name: 'connect.sid', value: '{{CONNECT_SID}}' }, { name: 'sb-access-token', value: '{{JWT}}' } ]
event.locals.user: { email: '{{EMAIL}}', phone: '{{PHONE_PY}}' }""",
    """[500] GET /account
Error: connect ECONNREFUSED 10.0.4.12:${pgport}
  $$env/static/private: PRIVATE_DB_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} PRIVATE_RESEND_KEY=re_{{ALNUM24}}
  1 failed
    [chromium] \u203a tests/account.test.ts:${line}:1 \u203a account page shows the profile""",
], ["Unexpected response from https://${apihost}${apipath}: 403", "/app/src/routes/account/+page.server.ts:${line}:${col}", "@sveltejs/kit/src/runtime/server/page/load_data.js:61:17", "name: 'connect.sid'", "name: 'sb-access-token'", "[500] GET /account", "connect ECONNREFUSED 10.0.4.12:${pgport}", "@${dbhost}:${pgport}/${db}", "tests/account.test.ts:${line}:1 \u203a account page shows the profile"])

fam("spring-security-debug", "https://docs.spring.io/spring-security/reference/servlet/architecture.html#servlet-logging; https://github.com/spring-projects/spring-security/issues/12316", [
    """************************************************************

Request received for POST '/login':

org.apache.catalina.connector.RequestFacade@5f3c8a21

servletPath:/login
pathInfo:null
headers: 
host: localhost:8080
authorization: Basic {{BASIC_CRED}}
cookie: JSESSIONID={{JSESSIONID}}; remember-me={{B64_SECRET}}
content-type: application/x-www-form-urlencoded

Security filter chain: [
  DisableEncodeUrlFilter
  SecurityContextHolderFilter
  CsrfFilter
  UsernamePasswordAuthenticationFilter
]

************************************************************""",
    """2024-05-14T12:04:11.302Z DEBUG 1 --- [nio-8080-exec-1] o.s.security.web.FilterChainProxy        : Securing POST /login?username=${user}&password={{PASSWORD}}
2024-05-14T12:04:11.309Z DEBUG 1 --- [nio-8080-exec-1] o.s.s.a.dao.DaoAuthenticationProvider    : Failed to authenticate since password does not match stored value
2024-05-14T12:04:11.311Z DEBUG 1 --- [nio-8080-exec-1] o.s.s.w.a.UsernamePasswordAuthenticationFilter : Failed to process authentication request
MockHttpServletResponse: Status = 302, Redirected URL = /login?error""",
], ["Request received for POST '/login':", "org.apache.catalina.connector.RequestFacade@5f3c8a21", "servletPath:/login", "host: localhost:8080", "content-type: application/x-www-form-urlencoded", "Security filter chain: [", "UsernamePasswordAuthenticationFilter", "o.s.security.web.FilterChainProxy        : Securing POST /login", "Failed to authenticate since password does not match stored value", "Failed to process authentication request", "Redirected URL = /login?error"])

# --- identity and payment SDKs, mail --------------------------------------------------------------------------------------------------

fam("cognito-not-authorized", "https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash; https://github.com/aws-amplify/amplify-js/issues/5211", [
    """NotAuthorizedException: Incorrect username or password.
    at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:${line}:${col})
  '$$fault': 'client',
  '$$metadata': { httpStatusCode: 400, requestId: '${uuid}', attempts: 1, totalRetryDelay: 0 },
  __type: 'NotAuthorizedException'
input: { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: '${alnum20}', AuthParameters: { USERNAME: '{{EMAIL}}', PASSWORD: '{{PASSWORD}}', SECRET_HASH: '{{B64_SECRET}}' } }
userPoolId: ${cognitopool}  clientSecret: {{COGNITO_SECRET}}""",
    """  1) signup
       registers with a phone number:
     InvalidParameterException: Invalid phone number format.
      at de_InvalidParameterExceptionRes (node_modules/@aws-sdk/client-cognito-identity-provider/dist-cjs/index.js:${line}:${col})
  UserAttributes: [ { Name: 'phone_number', Value: '{{PHONE_NP}}' }, { Name: 'email', Value: '{{EMAIL}}' } ]
  creds=${user}:{{PASSWORD}} pool=${cognitopool}""",
], ["NotAuthorizedException: Incorrect username or password.", "@smithy/smithy-client/dist-cjs/index.js:${line}:${col}", "'$$fault': 'client',", "httpStatusCode: 400, requestId: '${uuid}', attempts: 1, totalRetryDelay: 0", "__type: 'NotAuthorizedException'", "AuthFlow: 'USER_PASSWORD_AUTH'", "ClientId: '${alnum20}'", "userPoolId: ${cognitopool}", "InvalidParameterException: Invalid phone number format.", "client-cognito-identity-provider/dist-cjs/index.js:${line}:${col}", "Name: 'phone_number'", "pool=${cognitopool}"])

fam("clerk-api-error", "https://clerk.com/docs/references/backend/overview; https://github.com/clerk/javascript/issues/2370", [
    """ClerkAPIResponseError: Unauthorized
    at /app/node_modules/@clerk/backend/dist/index.js:${line}:${col}
  status: 401,
  clerkTraceId: '${clerktrace}',
  errors: [ { code: 'authentication_invalid', message: 'Invalid authentication', longMessage: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.' } ]
CLERK_SECRET_KEY={{CLERK_SK}}
CLERK_PUBLISHABLE_KEY=pk_test_Y2xlcmsuYWNtZS1jb3JwLmlvJA""",
    """clerk.users.createUser({ emailAddress: ['{{EMAIL}}'], phoneNumber: ['{{PHONE_CR}}'], password: '{{PASSWORD}}' })
ClerkAPIResponseError: Unprocessable Entity
  status: 422,
  clerkTraceId: '${clerktrace}',
  errors: [ { code: 'form_password_pwned', message: 'Password has been found in an online data breach.' } ]""",
], ["ClerkAPIResponseError: Unauthorized", "@clerk/backend/dist/index.js:${line}:${col}", "status: 401,", "clerkTraceId: '${clerktrace}',", "code: 'authentication_invalid'", "The provided Clerk Secret Key is invalid.", "clerk.users.createUser(", "ClerkAPIResponseError: Unprocessable Entity", "code: 'form_password_pwned'", "Password has been found in an online data breach."])

fam("razorpay-error", "https://razorpay.com/docs/api/authentication/; https://github.com/razorpay/razorpay-node/issues/141", [
    """const instance = new Razorpay({ key_id: '{{RAZORPAY_ID}}', key_secret: '{{RAZORPAY_SECRET}}' })
{
  statusCode: 401,
  error: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Authentication failed',
    source: 'NA',
    step: 'NA',
    reason: 'NA',
    metadata: {}
  }
}
  \u25cf payments \u203a creates an order for ${merchant}""",
    """$$ curl -u {{RAZORPAY_ID}}:{{RAZORPAY_SECRET}} -X POST https://api.razorpay.com/v1/customers -H "Content-Type: application/json" -d '{"name":"Sushila Thapa","contact":"{{PHONE_NP}}","email":"{{EMAIL}}","fail_existing":"0"}'
{"error":{"code":"BAD_REQUEST_ERROR","description":"The contact field is invalid.","source":"business","step":"payment_initiation","reason":"input_validation_failed","field":"contact"}}""",
], ["statusCode: 401,", "code: 'BAD_REQUEST_ERROR',", "description: 'Authentication failed',", "source: 'NA',", "payments \u203a creates an order for ${merchant}", "https://api.razorpay.com/v1/customers", "\"description\":\"The contact field is invalid.\"", "\"reason\":\"input_validation_failed\"", "\"field\":\"contact\""])

fam("mollie-api-error", "https://docs.mollie.com/reference/handling-errors; https://github.com/mollie/mollie-api-php/issues/664", [
    """Mollie\\Api\\Exceptions\\ApiException: [2024-05-14T12:04:11+0000] Error executing API call (401: Unauthorized Request): Missing authentication, or failed to authenticate. Documentation: https://docs.mollie.com/overview/authentication
    $$mollie->setApiKey("{{MOLLIE_KEY}}");
    /app/tests/Feature/CheckoutTest.php:${line}
{"status":401,"title":"Unauthorized Request","detail":"Missing authentication, or failed to authenticate","_links":{"documentation":{"href":"https://docs.mollie.com/overview/authentication","type":"text/html"}}}""",
    """curl -X POST https://api.mollie.com/v2/payments -H "Authorization: Bearer {{MOLLIE_KEY}}" -d "amount[currency]=EUR" -d "amount[value]=10.00" -d "description=Order ${num}" -d "consumerAccount={{IBAN11}}"
{"status":422,"title":"Unprocessable Entity","detail":"The amount is lower than the minimum","field":"amount"}""",
], ["Mollie\\Api\\Exceptions\\ApiException", "Error executing API call (401: Unauthorized Request): Missing authentication, or failed to authenticate.", "https://docs.mollie.com/overview/authentication", "/app/tests/Feature/CheckoutTest.php:${line}", "\"title\":\"Unauthorized Request\"", "https://api.mollie.com/v2/payments", "description=Order ${num}", "\"detail\":\"The amount is lower than the minimum\"", "\"field\":\"amount\""])

fam("braintree-config", "https://developer.paypal.com/braintree/docs/start/hello-server; https://github.com/braintree/braintree_ruby/issues/219", [
    """Braintree::AuthenticationError:
  Braintree::AuthenticationError
# ./spec/services/checkout_service_spec.rb:${line}:in `block (3 levels) in <top (required)>'
Braintree::Configuration.new(
  :environment => :sandbox,
  :merchant_id => "${alnum15}",
  :public_key => "${alnum16}",
  :private_key => "{{BRAINTREE_PRIVATE}}"
)""",
    """braintree.exceptions.authorization_error.AuthorizationError
gateway = braintree.BraintreeGateway(braintree.Configuration(environment=braintree.Environment.Sandbox, merchant_id="${alnum15}", public_key="${alnum16}", private_key="{{BRAINTREE_PRIVATE}}"))
result = gateway.customer.create({"first_name": "Kofi", "phone": "{{PHONE_SN}}", "email": "{{EMAIL}}", "credit_card": {"number": "{{CARD}}"}})
FAILED ${pyfile}::${pyfunc} - braintree.exceptions.authorization_error.AuthorizationError""",
], ["Braintree::AuthenticationError:", "./spec/services/checkout_service_spec.rb:${line}:in `block (3 levels) in <top (required)>'", "Braintree::Configuration.new(", ":environment => :sandbox,", ":merchant_id => \"${alnum15}\",", ":public_key => \"${alnum16}\",", "braintree.exceptions.authorization_error.AuthorizationError", "merchant_id=\"${alnum15}\"", "FAILED ${pyfile}::${pyfunc}"])

fam("paypal-oauth-curl", "https://developer.paypal.com/api/rest/authentication/; https://github.com/paypal/PayPal-node-SDK/issues/302", [
    """$$ curl -v -X POST https://api-m.sandbox.paypal.com/v1/oauth2/token -u "${alnum20}${alnum20}:{{PAYPAL_SECRET}}" -H "Content-Type: application/x-www-form-urlencoded" -d "grant_type=client_credentials"
> POST /v1/oauth2/token HTTP/2
> Host: api-m.sandbox.paypal.com
> authorization: Basic {{BASIC_CRED}}
< HTTP/2 401
< paypal-debug-id: ${hex12}
{"error":"invalid_client","error_description":"Client Authentication failed"}""",
    """PayPalHttpError: {"name":"UNPROCESSABLE_ENTITY","details":[{"field":"/payer/phone/phone_number/national_number","value":"{{PHONE_JM}}","issue":"INVALID_PARAMETER_SYNTAX"}],"message":"The requested action could not be performed, semantically incorrect, or failed business validation.","debug_id":"${hex12}"}
access_token used: {{ALNUM24}}{{ALNUM24}}
PAYPAL_CLIENT_SECRET={{PAYPAL_SECRET}}""",
], ["https://api-m.sandbox.paypal.com/v1/oauth2/token", "POST /v1/oauth2/token HTTP/2", "Host: api-m.sandbox.paypal.com", "< HTTP/2 401", "paypal-debug-id: ${hex12}", "\"error\":\"invalid_client\"", "Client Authentication failed", "\"name\":\"UNPROCESSABLE_ENTITY\"", "\"field\":\"/payer/phone/phone_number/national_number\"", "\"issue\":\"INVALID_PARAMETER_SYNTAX\"", "\"debug_id\":\"${hex12}\""])

fam("adyen-api-error", "https://docs.adyen.com/development-resources/response-handling/; https://github.com/Adyen/adyen-java-api-library/issues/1032", [
    """com.adyen.service.exception.ApiException: HTTP Exception
  statusCode: 401
  responseBody: {"status":401,"errorCode":"000","message":"HTTP Status Response - Unauthorized","errorType":"security"}
  request: POST https://checkout-test.adyen.com/v71/payments
  headers: {x-API-key=[{{ADYEN_KEY}}], Idempotency-Key=[${uuid}]}
	at ${javapkg}.PaymentsIT.authorisesACard(PaymentsIT.java:${line})""",
    """{"status":422,"errorCode":"14_006","message":"Required object 'paymentMethod' is not provided with a valid value","errorType":"validation","pspReference":"${upper16}"}
request body: {"merchantAccount":"${merchant}","reference":"order-${num}","shopperEmail":"{{EMAIL}}","telephoneNumber":"{{PHONE_KW}}","bankAccount":{"iban":"{{IBAN11}}"}}
ADYEN_API_KEY={{ADYEN_KEY}}""",
], ["com.adyen.service.exception.ApiException: HTTP Exception", "statusCode: 401", "\"errorCode\":\"000\"", "HTTP Status Response - Unauthorized", "\"errorType\":\"security\"", "POST https://checkout-test.adyen.com/v71/payments", "Idempotency-Key=[${uuid}]", "PaymentsIT.java:${line}", "\"errorCode\":\"14_006\"", "Required object 'paymentMethod' is not provided with a valid value", "\"pspReference\":\"${upper16}\"", "\"merchantAccount\":\"${merchant}\"", "\"reference\":\"order-${num}\""])

fam("mailtrap-nodemailer", "https://help.mailtrap.io/article/5-testing-integration; https://github.com/nodemailer/nodemailer/issues/1253", [
    """Error: Invalid login: 535 5.7.0 Invalid credentials
    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:${line}:${col})
  code: 'EAUTH',
  response: '535 5.7.0 Invalid credentials',
  responseCode: 535,
  command: 'AUTH PLAIN'
transport: { host: 'sandbox.smtp.mailtrap.io', port: 2525, auth: { user: '${hex14}', pass: '{{MAILTRAP_TOKEN}}' } }
mail: { to: '{{EMAIL}}', subject: 'Your code', text: 'Call us on {{PHONE_MK}}' }""",
    """curl --ssl-reqd --url 'smtp://live.smtp.mailtrap.io:587' --user 'api:{{MAILTRAP_TOKEN}}' --mail-from no-reply@${mailhost} --mail-rcpt {{EMAIL}} --upload-file ./mail.txt
curl: (67) Login denied
  \u2715 sends the password reset mail (2031 ms)""",
], ["Error: Invalid login: 535 5.7.0 Invalid credentials", "nodemailer/lib/smtp-connection/index.js:${line}:${col}", "code: 'EAUTH',", "responseCode: 535,", "command: 'AUTH PLAIN'", "host: 'sandbox.smtp.mailtrap.io', port: 2525", "smtp://live.smtp.mailtrap.io:587", "--mail-from no-reply@${mailhost}", "curl: (67) Login denied", "sends the password reset mail (2031 ms)"])

# --- builds, containers, CI and deployment ------------------------------------------------------------------------------------------------

fam("kaniko-executor", "https://github.com/GoogleContainerTools/kaniko#pushing-to-different-registries; https://github.com/GoogleContainerTools/kaniko/issues/1209", [
    """INFO[0000] Retrieving image manifest node:20-alpine
INFO[0002] Built cross stage deps: map[]
INFO[0002] Executing 0 build triggers
INFO[0004] RUN npm ci --registry https://${user}:{{NPM_TOKEN}}@npm.pkg.github.com
INFO[0031] Pushing image to ${kanikodest}
error pushing image: failed to push to destination ${kanikodest}: UNAUTHORIZED: authentication required
/kaniko/executor --context dir:///workspace --destination ${kanikodest} --build-arg STRIPE_KEY={{STRIPE_SK}} --build-arg HF_TOKEN={{HF}}""",
    """$$ cat /kaniko/.docker/config.json
{"auths":{"${ecrhost}":{"username":"AWS","password":"{{JWT}}"},"ghcr.io":{"auth":"{{BASIC_CRED}}"}}}
INFO[0000] Using dockerignore file: /workspace/.dockerignore
error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "${kanikodest}": POST https://${ecrhost}/v2/: DENIED""",
], ["Retrieving image manifest node:20-alpine", "Built cross stage deps: map[]", "Executing 0 build triggers", "@npm.pkg.github.com", "Pushing image to ${kanikodest}", "error pushing image: failed to push to destination ${kanikodest}: UNAUTHORIZED: authentication required", "/kaniko/executor --context dir:///workspace --destination ${kanikodest}", "/kaniko/.docker/config.json", "Using dockerignore file: /workspace/.dockerignore", "checking push permission for \"${kanikodest}\"", "POST https://${ecrhost}/v2/: DENIED"])

fam("buildah-bud", "https://github.com/containers/buildah/blob/main/docs/buildah-build.1.md; https://github.com/containers/buildah/issues/4508", [
    """$$ buildah bud --creds ${user}:{{PASSWORD}} --build-arg DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} -t ${image} .
STEP 1/6: FROM docker.io/library/python:3.12-slim
STEP 2/6: ENV PIP_INDEX_URL=https://__token__:{{PYPI_TOKEN}}@pypi.acme.net/simple
STEP 5/6: RUN python manage.py migrate
django.db.utils.OperationalError: connection to server at "${dbhost}" (10.0.4.12), port ${pgport} failed: Connection refused
Error: building at STEP "RUN python manage.py migrate": while running runtime: exit status 1""",
    """$$ buildah login -u ${user} -p {{GLPAT}} registry.gitlab.com
Login Succeeded!
$$ buildah push ${image}
Getting image source signatures
Error: pushing image "${image}" to "docker://${image}": writing blob: initiating layer upload to /v2/${repo}/blobs/uploads/ in registry.gitlab.com: unauthorized: HTTP Basic: Access denied""",
], ["STEP 1/6: FROM docker.io/library/python:3.12-slim", "@pypi.acme.net/simple", "STEP 5/6: RUN python manage.py migrate", "connection to server at \"${dbhost}\" (10.0.4.12), port ${pgport} failed: Connection refused", "Error: building at STEP \"RUN python manage.py migrate\": while running runtime: exit status 1", "-t ${image} .", "registry.gitlab.com", "Login Succeeded!", "Getting image source signatures", "initiating layer upload to /v2/${repo}/blobs/uploads/", "unauthorized: HTTP Basic: Access denied"])

fam("skaffold-dev", "https://skaffold.dev/docs/environment/templating/; https://github.com/GoogleContainerTools/skaffold/issues/8453", [
    """Generating tags...
 - ${svc}-api -> ${image}
Checking cache...
Starting deploy...
Helm release ${release} not installed. Installing...
Error: INSTALLATION FAILED: execution error at (orders/templates/secret.yaml:9:21): set: database.password
 - helm --kube-context kind-ci install ${release} ./charts/orders --set database.host=${dbhost} --set database.password={{PASSWORD}} --set stripe.secretKey={{STRIPE_SK}} --namespace ${ns}
exit status 1""",
    """Deployments stabilized in 21.4 seconds
Press Ctrl+C to exit
[${pod} app] 2024-05-14 12:04:11 ERROR could not log in as {{EMAIL}} with {{PASSWORD}}
[${pod} app] AWS creds={{AWS_KEY_ID}}:{{AWS_SECRET}}
Cleaning up...
 - deployment.apps "${svc}-api" deleted
skaffold run --profile ${skaffoldprof} failed: 1/1 deployment(s) failed""",
], ["Generating tags...", "Checking cache...", "Starting deploy...", "Helm release ${release} not installed. Installing...", "Error: INSTALLATION FAILED: execution error at (orders/templates/secret.yaml:9:21): set: database.password", "helm --kube-context kind-ci install ${release} ./charts/orders", "--set database.host=${dbhost}", "--namespace ${ns}", "Deployments stabilized in 21.4 seconds", "[${pod} app]", "Cleaning up...", "skaffold run --profile ${skaffoldprof} failed: 1/1 deployment(s) failed"])

fam("tilt-log", "https://docs.tilt.dev/api.html#api.local_resource; https://github.com/tilt-dev/tilt/issues/5974", [
    """Tilt started on http://localhost:10350/
v0.33.13, built 2024-04-22
Initial Build
Loading Tiltfile at: /src/Tiltfile
local: kubectl create secret generic ${svc}-secrets --from-literal=DB_PASSWORD={{PASSWORD}} --from-literal=API_KEY={{API_KEY}} --dry-run=client -o yaml
     \u2192 secret/${svc}-secrets created
Build Failed: Command "npm test" failed: exit status 1
${tiltres} \u2502 FAIL test/api.test.js
${tiltres} \u2502   \u25cf login \u203a rejects a bad token: expected 401, received 500""",
    """${tiltres} \u2502 [port-forward] Forwarding from 127.0.0.1:${pgport} -> 5432
${tiltres} \u2502 psql "postgresql://${dbuser}:{{PASSWORD}}@localhost:${pgport}/${db}" -c "select phone from customers where phone = '{{PHONE_GE}}'"
${tiltres} \u2502 psql: error: connection to server at "localhost" (127.0.0.1), port ${pgport} failed: server closed the connection unexpectedly
ERROR: Resource ${tiltres} failed: exit status 2""",
], ["Tilt started on http://localhost:10350/", "v0.33.13, built 2024-04-22", "Initial Build", "Loading Tiltfile at: /src/Tiltfile", "kubectl create secret generic ${svc}-secrets", "secret/${svc}-secrets created", "Build Failed: Command \"npm test\" failed: exit status 1", "login \u203a rejects a bad token: expected 401, received 500", "[port-forward] Forwarding from 127.0.0.1:${pgport} -> 5432", "@localhost:${pgport}/${db}", "connection to server at \"localhost\" (127.0.0.1), port ${pgport} failed: server closed the connection unexpectedly", "ERROR: Resource ${tiltres} failed: exit status 2"])

fam("earthly-secret", "https://docs.earthly.dev/docs/guides/secrets; https://github.com/earthly/earthly/issues/2471", [
    """$$ earthly --ci --secret DB_PASSWORD={{PASSWORD}} --secret NPM_TOKEN={{NPM_TOKEN}} ${earthtarget}
 Init \U0001f680
buildkitd | Found buildkit daemon as docker container (earthly-buildkitd)
+integration-test | --> RUN --secret DB_PASSWORD npm run test:integration
+integration-test | Error: connect ECONNREFUSED 10.0.4.12:${pgport} (postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db})
+integration-test | ERROR Earthfile line ${line}:4
Error: build target: build main: failed to solve: process "/bin/sh -c npm run test:integration" did not complete successfully: exit code: 1""",
    """.secret file loaded: EARTHLY_SECRETS=AWS_ACCESS_KEY_ID={{AWS_KEY_ID}},AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}
+e2e | --> RUN --secret HF_TOKEN huggingface-cli login --token "$$HF_TOKEN"
+e2e | Token is valid (permission: read).
+e2e | HF_TOKEN={{HF}}
+e2e | ERROR: Command exited with non-zero code: RUN --secret HF_TOKEN pytest tests/e2e""",
], ["earthly --ci", "Found buildkit daemon as docker container (earthly-buildkitd)", "+integration-test | --> RUN --secret DB_PASSWORD npm run test:integration", "connect ECONNREFUSED 10.0.4.12:${pgport}", "@${dbhost}:${pgport}/${db}", "ERROR Earthfile line ${line}:4", "process \"/bin/sh -c npm run test:integration\" did not complete successfully: exit code: 1", "+e2e | --> RUN --secret HF_TOKEN huggingface-cli login", "Token is valid (permission: read).", "ERROR: Command exited with non-zero code: RUN --secret HF_TOKEN pytest tests/e2e"])

fam("dagger-call", "https://docs.dagger.io/api/secrets; https://github.com/dagger/dagger/issues/6223", [
    """$$ dagger call ${daggerfn} --source=. --db-url=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} --token=env:GITHUB_TOKEN
\u2714 connect 0.4s
\u2714 load module 2.1s
\u2718 Ci.${daggerfn}(source: Address.directory: Directory!): Void 41.2s
! process "npm test" did not complete successfully: exit code: 1
  \u2503 FAIL test/customers.test.ts > creates a customer with phone {{PHONE_UZ}}
GITHUB_TOKEN={{GHP}}""",
    """Error: input: container.from.withEnvVariable.withExec.stdout process "pytest" did not complete successfully: exit code: 1
  withEnvVariable(name: "STRIPE_API_KEY", value: "{{STRIPE_SK}}")
  withEnvVariable(name: "DATABASE_URL", value: "mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}")
Stdout:
FAILED ${pyfile}::${pyfunc} - stripe.error.AuthenticationError: Invalid API Key provided""",
], ["dagger call ${daggerfn} --source=.", "--token=env:GITHUB_TOKEN", "connect 0.4s", "load module 2.1s", "Ci.${daggerfn}(source: Address.directory: Directory!): Void 41.2s", "process \"npm test\" did not complete successfully: exit code: 1", "container.from.withEnvVariable.withExec.stdout process \"pytest\" did not complete successfully: exit code: 1", "withEnvVariable(name: \"STRIPE_API_KEY\"", "@${dbhost}:${myport}/${db}", "stripe.error.AuthenticationError: Invalid API Key provided"])

fam("semaphore-job-log", "https://docs.semaphoreci.com/reference/env-vars/; https://docs.semaphoreci.com/essentials/using-secrets/", [
    """Exporting environment variables
Exporting CI
Exporting SEMAPHORE_JOB_ID
Exporting SEMAPHORE_PROJECT_NAME
Injecting Files
Injecting /home/semaphore/.env.test with file mode 0644
checkout
sem-service start postgres 16 --username=${dbuser} --password={{PASSWORD}} --db=${db}
export SENTRY_AUTH_TOKEN={{HEX64}}
bundle exec rspec
rspec ${rspecfile}:${line} # Checkout charges the saved card
exit code: 1 duration: 3m12s""",
    """$$ sem create secret ${semproj}-env -e AWS_ACCESS_KEY_ID={{AWS_KEY_ID}} -e AWS_SECRET_ACCESS_KEY={{AWS_SECRET}} -e TEST_USER_PHONE="{{PHONE_QA}}"
error: http status 401 with message "Unauthorized" received from upstream
SEMAPHORE_API_TOKEN={{SEMAPHORE_TOKEN}} sem context ${semproj}_semaphoreci_com""",
], ["Exporting environment variables", "Exporting SEMAPHORE_JOB_ID", "Injecting /home/semaphore/.env.test with file mode 0644", "sem-service start postgres 16", "--db=${db}", "bundle exec rspec", "rspec ${rspecfile}:${line} # Checkout charges the saved card", "exit code: 1 duration: 3m12s", "sem create secret ${semproj}-env", "error: http status 401 with message \"Unauthorized\" received from upstream", "sem context ${semproj}_semaphoreci_com"])

fam("codefresh-pipeline", "https://codefresh.io/docs/docs/pipelines/variables/; https://codefresh.io/docs/docs/pipelines/steps/freestyle/", [
    """[SYSTEM] Message: Failed to run freestyle step: integration_tests; caused by Error: exit code 1
Step: integration_tests  image: node:20  working_directory: ${{clone}}
Environment: DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} API_KEY={{API_KEY}}
  1 failing
  1) checkout
       charges a card ending {{CARD}}:
     Error: Request failed with status code 402
Pipeline ${cfpipeline} build ${hex24} failed""",
    """$$ codefresh auth create-context --api-key {{CODEFRESH_KEY}}
$$ codefresh run ${cfpipeline} -b main -v TEST_PHONE="{{PHONE_TZ}}" -v TEST_EMAIL={{EMAIL}}
Yaml validation errors:
 - steps.deploy.arguments.password: value {{PASSWORD}} is not a valid encrypted variable
Error: failed to create build""",
], ["Failed to run freestyle step: integration_tests; caused by Error: exit code 1", "Step: integration_tests  image: node:20", "@${dbhost}:${pgport}/${db}", "Error: Request failed with status code 402", "Pipeline ${cfpipeline} build ${hex24} failed", "codefresh auth create-context", "codefresh run ${cfpipeline} -b main", "Yaml validation errors:", "steps.deploy.arguments.password:", "Error: failed to create build"])

fam("spinnaker-halyard", "https://spinnaker.io/docs/reference/halyard/commands/#hal-config-provider-docker-registry-account-add; https://github.com/spinnaker/spinnaker/issues/6143", [
    """$$ hal config provider docker-registry account add ${spinacct} --address index.docker.io --username ${user} --password {{PASSWORD}} --repositories ${repo}
+ Get current deployment
  Success
+ Add the ${spinacct} account
  Failure
Problems in default.provider.dockerRegistry.${spinacct}:
! ERROR Unable to fetch tags from the docker repository: ${repo}, 401 Unauthorized""",
    """$$ hal deploy apply
Problems in default.persistentStorage.s3:
! ERROR Failed to ensure the required bucket "${bucket}" exists: The AWS Access Key Id you provided does not exist in our records. (Service: Amazon S3; Status Code: 403; Error Code: InvalidAccessKeyId; Request ID: ${upper16})
persistentStorage:
  s3:
    bucket: ${bucket}
    accessKeyId: {{AWS_KEY_ID}}
    secretAccessKey: {{AWS_SECRET}}""",
], ["hal config provider docker-registry account add ${spinacct} --address index.docker.io", "--repositories ${repo}", "+ Get current deployment", "+ Add the ${spinacct} account", "Problems in default.provider.dockerRegistry.${spinacct}:", "Unable to fetch tags from the docker repository: ${repo}, 401 Unauthorized", "hal deploy apply", "Problems in default.persistentStorage.s3:", "Failed to ensure the required bucket \"${bucket}\" exists", "Error Code: InvalidAccessKeyId; Request ID: ${upper16}", "bucket: ${bucket}"])

fam("wrangler-dev-vars", "https://developers.cloudflare.com/workers/configuration/secrets/#local-development-with-secrets; https://github.com/cloudflare/workers-sdk/issues/4530", [
    """ \u26c5\ufe0f wrangler 3.57.0
-------------------
Using vars defined in .dev.vars
Your worker has access to the following bindings:
- Vars:
  - STRIPE_SECRET: "(hidden)"
  - DATABASE_URL: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
  - API_TOKEN: "{{ALNUM24}}"
\u2394 Starting local server...
[wrangler:err] Error: Unauthorized: bad token {{HEX40}}
    at Object.fetch (file:///src/index.ts:${line}:${col})
[wrangler:inf] POST /api/customers 500 Internal Server Error (12ms)""",
    """\u2718 [ERROR] A request to the Cloudflare API (/accounts/${hex32}/workers/scripts/${workername}) failed.
  Authentication error [code: 10000]
CLOUDFLARE_API_TOKEN={{CF_API_TOKEN}} npx wrangler deploy
{"outcome":"exception","scriptName":"${workername}","exceptions":[{"name":"Error","message":"D1_ERROR: UNIQUE constraint failed: customers.phone"}],"logs":[{"message":["insert",{"phone":"{{PHONE_KH}}","email":"{{EMAIL}}"}],"level":"log"}]}""",
], ["wrangler 3.57.0", "Using vars defined in .dev.vars", "Your worker has access to the following bindings:", "STRIPE_SECRET: \"(hidden)\"", "@${dbhost}:${pgport}/${db}", "Starting local server...", "file:///src/index.ts:${line}:${col}", "[wrangler:inf] POST /api/customers 500 Internal Server Error (12ms)", "A request to the Cloudflare API (/accounts/${hex32}/workers/scripts/${workername}) failed.", "Authentication error [code: 10000]", "npx wrangler deploy", "\"outcome\":\"exception\"", "\"scriptName\":\"${workername}\"", "D1_ERROR: UNIQUE constraint failed: customers.phone"])

# --- cloud CLIs and their configuration ----------------------------------------------------------------------------------------------

fam("linode-cli-debug", "https://techdocs.akamai.com/cloud-computing/docs/getting-started-with-the-linode-cli; https://github.com/linode/linode-cli/issues/412", [
    """$$ linode-cli linodes view ${linodeid} --debug
Using command file /usr/lib/python3/dist-packages/linodecli/data-3
Using token from /home/ci/.config/linode-cli
> GET https://api.linode.com/v4/linode/instances/${linodeid}
> Headers:
>   Authorization: Bearer {{LINODE_TOKEN}}
>   Content-Type: application/json
>   User-Agent: linode-cli:5.50.0 linode-api-docs:4.176.0
< HTTP/1.1 401 UNAUTHORIZED
Request failed: 401
errors:
  reason: Invalid Token""",
    """[DEFAULT]
default-user = ${user}

[${user}]
token = {{LINODE_TOKEN}}
region = eu-central
type = g6-standard-2
image = linode/ubuntu22.04
authorized_users = ${user}
root_pass = {{PASSWORD}}""",
], ["linode-cli linodes view ${linodeid} --debug", "Using command file /usr/lib/python3/dist-packages/linodecli/data-3", "Using token from /home/ci/.config/linode-cli", "GET https://api.linode.com/v4/linode/instances/${linodeid}", "User-Agent: linode-cli:5.50.0 linode-api-docs:4.176.0", "HTTP/1.1 401 UNAUTHORIZED", "reason: Invalid Token", "default-user = ${user}", "region = eu-central", "type = g6-standard-2", "image = linode/ubuntu22.04"])

fam("hcloud-cli-config", "https://github.com/hetznercloud/cli/blob/main/docs/tutorials/setup-hcloud-cli.md; https://github.com/hetznercloud/cli/issues/621", [
    """$$ cat ~/.config/hcloud/cli.toml
active_context = "${hcloudctx}"

[[contexts]]
  name = "${hcloudctx}"
  token = "{{HCLOUD_TOKEN}}"
$$ hcloud server list
hcloud: unable to authenticate your API token (unauthorized, ${hex8})""",
    """$$ HCLOUD_TOKEN={{HCLOUD_TOKEN}} hcloud server create --name ci-${num} --type cx22 --image ubuntu-24.04 --user-data-from-file cloud-init.yaml
cloud-init.yaml:
  chpasswd:
    list: |
      root:{{PASSWORD}}
hcloud: server name is already used (uniqueness_error, ${hex8})""",
], ["cat ~/.config/hcloud/cli.toml", "active_context = \"${hcloudctx}\"", "[[contexts]]", "name = \"${hcloudctx}\"", "hcloud server list", "unable to authenticate your API token (unauthorized, ${hex8})", "hcloud server create --name ci-${num} --type cx22 --image ubuntu-24.04", "--user-data-from-file cloud-init.yaml", "server name is already used (uniqueness_error, ${hex8})"])

fam("scaleway-config", "https://www.scaleway.com/en/docs/developer-tools/scaleway-cli/reference-content/scaleway-configuration-file/; https://github.com/scaleway/scaleway-cli/issues/3632", [
    """$$ cat ~/.config/scw/config.yaml
access_key: SCW${upper17}
secret_key: {{SCW_SECRET}}
default_organization_id: ${scwproj}
default_project_id: ${scwproj}
default_region: fr-par
default_zone: fr-par-1
$$ scw instance server list
Scaleway SDK error: scaleway-sdk-go: http error 401 Unauthorized: authentication is denied (method: secret_key, reason: invalid, name: secret_key)""",
    """SCW_ACCESS_KEY=SCW${upper17} SCW_SECRET_KEY={{SCW_SECRET}} terraform apply
scaleway_rdb_instance.main: Creating...
  + password = "{{PASSWORD}}"
  + user_name = "${dbuser}"
Error: scaleway-sdk-go: invalid argument(s): password does not respect constraint, password must contain at least one upper case character""",
], ["cat ~/.config/scw/config.yaml", "access_key: SCW${upper17}", "default_organization_id: ${scwproj}", "default_region: fr-par", "default_zone: fr-par-1", "scw instance server list", "http error 401 Unauthorized: authentication is denied (method: secret_key, reason: invalid, name: secret_key)", "scaleway_rdb_instance.main: Creating...", "user_name = \"${dbuser}\"", "password must contain at least one upper case character"])

fam("oci-cli-config", "https://docs.oracle.com/en-us/iaas/Content/API/Concepts/sdkconfig.htm; https://github.com/oracle/oci-cli/issues/734", [
    """$$ cat ~/.oci/config
[DEFAULT]
user=ocid1.user.oc1..aaaaaaaa${lower52}
fingerprint=${fp}
tenancy=${ocitenancy}
region=eu-frankfurt-1
key_file=~/.oci/oci_api_key.pem
pass_phrase={{PASSWORD}}
$$ oci os ns get
ServiceError:
{
    "code": "NotAuthenticated",
    "message": "The required information to complete authentication was not provided or was incorrect.",
    "opc-request-id": "${upper32}/${upper30}",
    "status": 401
}""",
    """oci db autonomous-database create --compartment-id ${ocitenancy} --db-name ${db} --admin-password '{{PASSWORD}}' --cpu-core-count 1
ServiceError: {"code": "InvalidParameter", "message": "The password provided for the ADMIN user is too weak.", "status": 400, "target_service": "database"}
wallet: sqlplus admin/{{PASSWORD}}@${db}_high""",
], ["cat ~/.oci/config", "fingerprint=${fp}", "tenancy=${ocitenancy}", "region=eu-frankfurt-1", "key_file=~/.oci/oci_api_key.pem", "oci os ns get", "\"code\": \"NotAuthenticated\"", "The required information to complete authentication was not provided or was incorrect.", "\"status\": 401", "--compartment-id ${ocitenancy} --db-name ${db}", "\"code\": \"InvalidParameter\"", "The password provided for the ADMIN user is too weak.", "\"target_service\": \"database\""])

# --- secrets tooling, chat, tracing, API clients, data orchestration ---------------------------------------------------------------------

fam("direnv-export", "https://direnv.net/man/direnv-stdlib.1.html; https://github.com/direnv/direnv/issues/1076", [
    """direnv: loading ~/src/${svc}/.envrc
direnv: using dotenv .env.test
direnv: export +AWS_ACCESS_KEY_ID +AWS_SECRET_ACCESS_KEY +DATABASE_URL +HF_TOKEN ~PATH
$$ cat .envrc
export DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
export AWS_ACCESS_KEY_ID={{AWS_KEY_ID}}
export AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}
export HF_TOKEN={{HF}}""",
    """direnv: error /src/${svc}/.envrc is blocked. Run `direnv allow` to approve its content
$$ direnv exec . env | grep TEST_
TEST_USER_EMAIL={{EMAIL}}
TEST_USER_PHONE={{PHONE_LK}}
TEST_USER_PASSWORD={{PASSWORD}}
TEST_USER_NHS={{NHS_UK}}""",
], ["direnv: loading ~/src/${svc}/.envrc", "direnv: using dotenv .env.test", "direnv: export +AWS_ACCESS_KEY_ID +AWS_SECRET_ACCESS_KEY +DATABASE_URL +HF_TOKEN ~PATH", "cat .envrc", "@${dbhost}:${pgport}/${db}", "direnv: error /src/${svc}/.envrc is blocked. Run `direnv allow` to approve its content", "direnv exec . env | grep TEST_"])

fam("chamber-export", "https://github.com/segmentio/chamber#usage; https://github.com/segmentio/chamber/issues/368", [
    """$$ chamber export --format json ${chambersvc}
{"database_url":"postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}","stripe_secret_key":"{{STRIPE_SK}}","jwt_signing_key":"{{HEX64}}"}
$$ chamber exec ${chambersvc} -- npm test
  \u25cf customers \u203a imports the fixture
    Error: connect ETIMEDOUT 10.0.4.12:${pgport}""",
    """$$ chamber list ${chambersvc} -e
Key                 Version   LastModified      User                                    Value
api_key             3         05-14 12:04:11    arn:aws:iam::${account12}:user/${user}   {{API_KEY}}
slack_token         1         05-14 12:04:11    arn:aws:iam::${account12}:user/${user}   {{SLACK_BOT}}
Error: Failed to list store contents: AccessDeniedException: User: arn:aws:iam::${account12}:user/${user} is not authorized to perform: kms:Decrypt""",
], ["chamber export --format json ${chambersvc}", "@${dbhost}:${pgport}/${db}", "chamber exec ${chambersvc} -- npm test", "customers \u203a imports the fixture", "connect ETIMEDOUT 10.0.4.12:${pgport}", "chamber list ${chambersvc} -e", "Key                 Version   LastModified      User                                    Value", "arn:aws:iam::${account12}:user/${user}", "Failed to list store contents: AccessDeniedException", "is not authorized to perform: kms:Decrypt"])

fam("mattermost-webhook", "https://developers.mattermost.com/integrate/webhooks/incoming/; https://github.com/mattermost/mattermost/issues/22740", [
    """$$ curl -i -X POST -H 'Content-Type: application/json' -d '{"channel": "ci-alerts", "username": "ci-bot", "text": "E2E failed on ${pipeline}: login as {{EMAIL}} / {{PASSWORD}} rejected"}' https://${mmhost}/hooks/{{MATTERMOST_HOOK}}
HTTP/2 400
content-type: application/json
x-request-id: ${lower26}
{"id":"web.incoming_webhook.disabled.app_error","message":"Incoming webhooks have been disabled by the system admin.","detailed_error":"","request_id":"${lower26}","status_code":400}""",
    """notify step failed: Post "https://${mmhost}/hooks/{{MATTERMOST_HOOK}}": dial tcp: lookup ${mmhost}: no such host
MATTERMOST_TOKEN={{ALNUM24}} mmctl --local user create --email {{EMAIL}} --username qa-bot --password {{PASSWORD}}
Error: : Unable to create user. An account with that email already exists.""",
], ["HTTP/2 400", "x-request-id: ${lower26}", "\"id\":\"web.incoming_webhook.disabled.app_error\"", "Incoming webhooks have been disabled by the system admin.", "\"request_id\":\"${lower26}\"", "\"status_code\":400", "\"channel\": \"ci-alerts\"", "dial tcp: lookup ${mmhost}: no such host", "mmctl --local user create", "--username qa-bot", "Unable to create user. An account with that email already exists."])

fam("jaeger-span-json", "https://www.jaegertracing.io/docs/1.57/apis/#http-json; https://github.com/jaegertracing/jaeger/issues/4321", [
    """{"data":[{"traceID":"${tracehex}","spans":[{"traceID":"${tracehex}","spanID":"${spanid}","operationName":"POST ${apipath}","startTime":1715688251302114,"duration":41233,"tags":[{"key":"http.url","type":"string","value":"https://${apihost}${apipath}?api_key={{API_KEY}}"},{"key":"http.status_code","type":"int64","value":500},{"key":"db.statement","type":"string","value":"INSERT INTO customers (email, ssn) VALUES ('{{EMAIL}}', '{{SSN}}')"},{"key":"error","type":"bool","value":true}],"processID":"p1"}],"processes":{"p1":{"serviceName":"${jaegersvc}","tags":[{"key":"hostname","type":"string","value":"${pod}"}]}}}]}""",
    """{"traceID":"${tracehex}","spanID":"${spanid}","operationName":"redis SET","tags":[{"key":"db.system","value":"redis"},{"key":"db.statement","value":"SET session:{{HEX32}} {\\"user\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_MN}}\\"}"},{"key":"net.peer.name","value":"${redishost}"}],"logs":[{"timestamp":1715688251309000,"fields":[{"key":"event","value":"error"},{"key":"message","value":"WRONGPASS invalid username-password pair"}]}]}""",
], ["\"traceID\":\"${tracehex}\"", "\"spanID\":\"${spanid}\"", "\"operationName\":\"POST ${apipath}\"", "\"key\":\"http.url\"", "https://${apihost}${apipath}", "\"key\":\"http.status_code\",\"type\":\"int64\",\"value\":500", "\"key\":\"db.statement\"", "\"serviceName\":\"${jaegersvc}\"", "\"operationName\":\"redis SET\"", "\"key\":\"net.peer.name\",\"value\":\"${redishost}\"", "WRONGPASS invalid username-password pair"])

fam("insomnia-export", "https://docs.insomnia.rest/insomnia/import-export-data; https://github.com/Kong/insomnia/issues/6585", [
    """{"_type":"export","__export_format":4,"__export_date":"2024-05-14T12:04:11.302Z","__export_source":"insomnia.desktop.app:v8.6.1","resources":[{"_id":"req_${hex32}","_type":"request","parentId":"wrk_${hex24}","url":"{{ _.base_url }}${apipath}","name":"Create customer","method":"POST","body":{"mimeType":"application/json","text":"{\\"phone\\":\\"{{PHONE_BA}}\\",\\"email\\":\\"{{EMAIL}}\\"}"},"authentication":{"type":"basic","username":"${user}","password":"{{PASSWORD}}"}},{"_id":"env_${hex32}","_type":"environment","name":"Staging","data":{"base_url":"https://${apihost}","api_key":"{{API_KEY}}"}}]}""",
    """inso run test "Checkout suite" --env Staging --ci
Checkout suite
  \u2714 returns a session cookie
  1) charges the card
  1 failing
  1) Checkout suite
       charges the card:
     AssertionError: expected 402 to equal 200
  environment: { base_url: 'https://${apihost}', token: '{{JWT}}', card: '{{CARD}}' }""",
], ["\"_type\":\"export\"", "\"__export_format\":4", "\"__export_source\":\"insomnia.desktop.app:v8.6.1\"", "\"url\":\"{{ _.base_url }}${apipath}\"", "\"name\":\"Create customer\"", "\"type\":\"basic\"", "\"name\":\"Staging\"", "\"base_url\":\"https://${apihost}\"", "inso run test \"Checkout suite\" --env Staging --ci", "returns a session cookie", "AssertionError: expected 402 to equal 200", "base_url: 'https://${apihost}'"])

fam("dagster-step-failure", "https://docs.dagster.io/concepts/logging/loggers; https://github.com/dagster-io/dagster/issues/16234", [
    """2024-05-14 12:04:11 +0000 - dagster - ERROR - ${dagsterjob} - ${uuid} - load_customers - STEP_FAILURE - Execution of step "load_customers" failed.

dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op "load_customers":

sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${dbhost}" (10.0.4.12), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
run config:
  resources:
    warehouse:
      config:
        conn_str: postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
        api_token: {{HEX40}}""",
    """2024-05-14 12:04:12 +0000 - dagster - DEBUG - ${dagsterjob} - ${uuid} - export_kyc - STEP_OUTPUT - Yielded output "result" of type "DataFrame". (Type check passed).
sample rows: [{'name': 'Nurlan Abenov', 'iin': '{{IIN_KZ}}', 'phone': '{{PHONE_KZ}}', 'iban': '{{IBAN11}}'}]
2024-05-14 12:04:12 +0000 - dagster - ERROR - ${dagsterjob} - ${uuid} - RUN_FAILURE - Execution of run for "${dagsterjob}" failed. Steps failed: ['export_kyc'].""",
], ["dagster - ERROR - ${dagsterjob} - ${uuid} - load_customers - STEP_FAILURE - Execution of step \"load_customers\" failed.", "DagsterExecutionStepExecutionError: Error occurred while executing op \"load_customers\":", "connection to server at \"${dbhost}\" (10.0.4.12), port ${pgport} failed", "password authentication failed for user \"${dbuser}\"", "@${dbhost}:${pgport}/${db}", "STEP_OUTPUT - Yielded output \"result\" of type \"DataFrame\". (Type check passed).", "RUN_FAILURE - Execution of run for \"${dagsterjob}\" failed. Steps failed: ['export_kyc']."])

# --- gateways, auth servers and serverless data services (added before any rule ran, to reach the secrets the brief asks) ---

fam("apisix-admin-api", "https://apisix.apache.org/docs/apisix/admin-api/; https://github.com/apache/apisix/issues/9741", [
    """$$ curl -i http://127.0.0.1:9180/apisix/admin/consumers -H 'X-API-KEY: {{HEX32}}' -X PUT -d '{"username":"${user}","plugins":{"key-auth":{"key":"{{ALNUM24}}"},"basic-auth":{"username":"${user}","password":"{{PASSWORD}}"}}}'
HTTP/1.1 401 Unauthorized
Server: APISIX/3.9.1
{"error_msg":"failed to check token"}
conf/config.yaml:
deployment:
  admin:
    admin_key:
      - name: admin
        key: {{HEX32}}
        role: admin""",
    """2024/05/14 12:04:11 [error] 48#48: *2912 [lua] plugin.lua:${line}: key-auth: Invalid API key in request, client: 172.18.0.1, server: _, request: "GET ${apipath}?apikey={{ALNUM24}} HTTP/1.1", host: "${apihost}"
upstream: "http://${user}:{{PASSWORD}}@10.0.4.12:8080${apipath}"
apisix-1  | etcd: { host: [ "http://etcd:2379" ], user: "root", password: "{{PASSWORD}}" }""",
], ["http://127.0.0.1:9180/apisix/admin/consumers", "HTTP/1.1 401 Unauthorized", "Server: APISIX/3.9.1", "{\"error_msg\":\"failed to check token\"}", "conf/config.yaml:", "- name: admin", "role: admin", "[lua] plugin.lua:${line}: key-auth: Invalid API key in request, client: 172.18.0.1, server: _", "GET ${apipath}", "host: \"${apihost}\"", "10.0.4.12:8080${apipath}", "http://etcd:2379"])

fam("authelia-configuration", "https://www.authelia.com/configuration/methods/secrets/; https://github.com/authelia/authelia/issues/5341", [
    """time="2024-05-14T12:04:11Z" level=error msg="Configuration: storage: postgres: option 'password' is required"
time="2024-05-14T12:04:11Z" level=fatal msg="Can't continue due to the errors loading the configuration"
configuration.yml:
identity_validation:
  reset_password:
    jwt_secret: '{{AUTHELIA_KEY}}'
session:
  secret: '{{AUTHELIA_KEY}}'
  cookies:
    - domain: '${apihost}'
storage:
  encryption_key: '{{AUTHELIA_KEY}}'
  postgres:
    address: 'tcp://${dbhost}:${pgport}'
    database: '${db}'
    username: '${dbuser}'""",
    """time="2024-05-14T12:04:12Z" level=error msg="Unsuccessful 1FA authentication attempt by user '${user}'" error="user not found" method=POST path=/api/firstfactor remote_ip=172.18.0.1
notifier:
  smtp:
    address: 'submission://smtp.${mailhost}:587'
    username: 'authelia@${mailhost}'
    password: '{{PASSWORD}}'
users_database.yml: ${user}: { displayname: "QA", email: {{EMAIL}}, password: "$$argon2id$$v=19$$m=65536,t=3,p=4$$c2FsdHNhbHRzYWx0MTI$${{B64_SECRET}}" }""",
], ["level=error msg=\"Configuration: storage: postgres: option 'password' is required\"", "level=fatal msg=\"Can't continue due to the errors loading the configuration\"", "identity_validation:", "- domain: '${apihost}'", "address: 'tcp://${dbhost}:${pgport}'", "database: '${db}'", "username: '${dbuser}'", "Unsuccessful 1FA authentication attempt by user '${user}'", "method=POST path=/api/firstfactor remote_ip=172.18.0.1", "address: 'submission://smtp.${mailhost}:587'"])

fam("upstash-redis-rest", "https://upstash.com/docs/redis/features/restapi; https://github.com/upstash/redis-js/issues/1012", [
    """$$ curl https://${alnum6}-${alnum7}-3${num}.upstash.io/set/session:${uuid}/ok -H "Authorization: Bearer {{UPSTASH_TOKEN}}"
{"error":"WRONGPASS invalid or missing auth token"}
UPSTASH_REDIS_REST_URL=https://${alnum6}-${alnum7}-3${num}.upstash.io
UPSTASH_REDIS_REST_TOKEN={{UPSTASH_TOKEN}}
REDIS_URL=rediss://default:{{UPSTASH_TOKEN}}@${alnum6}-${alnum7}-3${num}.upstash.io:6379""",
    """UpstashError: Command failed: WRONGPASS invalid or missing auth token, command was: ["set","otp:{{EMAIL}}","{{OTP}}","EX","300"]
    at HttpClient.request (/app/node_modules/@upstash/redis/nodejs.js:${line}:${col})
 \u276f tests/ratelimit.test.ts (3 tests | 1 failed) 812ms
Ratelimit config: { redis: Redis.fromEnv(), token: '{{UPSTASH_TOKEN}}', limiter: slidingWindow(10, '10 s') }""",
], ["{\"error\":\"WRONGPASS invalid or missing auth token\"}", "/set/session:${uuid}/ok", "UpstashError: Command failed: WRONGPASS invalid or missing auth token", "@upstash/redis/nodejs.js:${line}:${col}", "tests/ratelimit.test.ts (3 tests | 1 failed) 812ms", "limiter: slidingWindow(10, '10 s')"])

fam("turso-libsql-error", "https://docs.turso.tech/sdk/ts/reference; https://github.com/tursodatabase/libsql-client-ts/issues/155", [
    """LibsqlError: SERVER_ERROR: Server returned HTTP status 401
    at mapHranaError (file:///app/node_modules/@libsql/client/lib-esm/hrana.js:${line}:${col})
  code: 'SERVER_ERROR',
  rawCode: undefined
createClient({ url: 'libsql://${db}-${ghowner}.turso.io', authToken: '{{JWT}}' })
TURSO_DATABASE_URL=libsql://${db}-${ghowner}.turso.io?authToken={{JWT}}""",
    """$$ turso db shell ${db} "insert into customers (name, phone, tax_id) values ('Bat-Erdene', '{{PHONE_MN}}', '{{INN_RU}}')"
Error: SQLite error: UNIQUE constraint failed: customers.phone
$$ turso db tokens create ${db}
{{JWT}}
 FAIL  test/db.test.ts > customers > rejects a duplicate phone""",
], ["LibsqlError: SERVER_ERROR: Server returned HTTP status 401", "@libsql/client/lib-esm/hrana.js:${line}:${col}", "code: 'SERVER_ERROR',", "url: 'libsql://${db}-${ghowner}.turso.io'", "turso db shell ${db}", "Error: SQLite error: UNIQUE constraint failed: customers.phone", "turso db tokens create ${db}", "test/db.test.ts > customers > rejects a duplicate phone"])

fam("appwrite-server-sdk", "https://appwrite.io/docs/advanced/platform/api-keys; https://github.com/appwrite/appwrite/issues/6652", [
    """AppwriteException: The current user is not authorized to perform the requested action.
    at Client.call (/app/node_modules/node-appwrite/lib/client.js:${line}:${col})
  code: 401,
  type: 'general_unauthorized_scope',
  response: '{"message":"The current user is not authorized to perform the requested action.","code":401,"type":"general_unauthorized_scope","version":"1.5.5"}'
client.setEndpoint('https://cloud.appwrite.io/v1').setProject('${hex20}').setKey('{{APPWRITE_KEY}}')""",
    """$$ appwrite users create --user-id unique() --email {{EMAIL}} --phone "+{{PHONE_NP}}" --password {{PASSWORD}}
\u2717 Error: Invalid `phone` param: Phone number must start with a '+' can have a maximum of fifteen digits.
APPWRITE_API_KEY={{APPWRITE_KEY}}
APPWRITE_PROJECT_ID=${hex20}""",
], ["AppwriteException: The current user is not authorized to perform the requested action.", "node-appwrite/lib/client.js:${line}:${col}", "code: 401,", "type: 'general_unauthorized_scope',", "\"version\":\"1.5.5\"", "setEndpoint('https://cloud.appwrite.io/v1').setProject('${hex20}')", "appwrite users create --user-id unique()", "Invalid `phone` param: Phone number must start with a '+' can have a maximum of fifteen digits.", "APPWRITE_PROJECT_ID=${hex20}"])

fam("podman-login-inspect", "https://docs.podman.io/en/latest/markdown/podman-login.1.html; https://github.com/containers/podman/issues/19512", [
    """$$ podman login -u ${user} -p {{GLPAT}} registry.gitlab.com
Error: logging into "registry.gitlab.com": invalid username/password
$$ podman run --rm -e DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} -e STRIPE_SECRET_KEY={{STRIPE_SK}} -e SENTRY_AUTH_TOKEN={{HEX64}} ${image} npm test
Error: initializing source docker://${image}: reading manifest 1.4.2 in ${image}: unauthorized: access to the requested resource is not authorized""",
    """$$ podman inspect ${container} --format '{{json .Config.Env}}'
["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin","AWS_ACCESS_KEY_ID={{AWS_KEY_ID}}","AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}","GITHUB_TOKEN={{GHP}}","HF_TOKEN={{HF}}","NODE_ENV=test"]
$$ podman logs ${container}
Error: Could not load credentials from any providers""",
], ["Error: logging into \"registry.gitlab.com\": invalid username/password", "@${dbhost}:${pgport}/${db}", "npm test", "Error: initializing source docker://${image}: reading manifest 1.4.2 in ${image}: unauthorized", "podman inspect ${container}", "\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin\"", "\"NODE_ENV=test\"", "podman logs ${container}", "Error: Could not load credentials from any providers"])

fam("external-secrets-status", "https://external-secrets.io/latest/api/externalsecret/; https://github.com/external-secrets/external-secrets/issues/2519", [
    """$$ kubectl describe externalsecret ${svc}-env -n ${ns}
Status:
  Conditions:
    Message:  could not get secret data from provider
    Reason:   SecretSyncedError
    Status:   False
    Type:     Ready
Events:
  Warning  UpdateFailed  12s  external-secrets  error retrieving secret at .data[0], key: ${secretname}, err: AccessDeniedException: User: arn:aws:iam::${account12}:user/${user} is not authorized to perform: secretsmanager:GetSecretValue
debug: SecretStore auth: accessKeyID={{AWS_KEY_ID}} secretAccessKey={{AWS_SECRET}}""",
    """$$ kubectl get secret ${svc}-env -n ${ns} -o json | jq '.data | map_values(@base64d)'
{
  "DATABASE_URL": "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}",
  "STRIPE_SECRET_KEY": "{{STRIPE_SK}}",
  "SLACK_BOT_TOKEN": "{{SLACK_BOT}}",
  "JWT_SIGNING_KEY": "{{HEX64}}"
}
refreshInterval: 1h  secretStoreRef: { name: aws-secrets, kind: ClusterSecretStore }""",
], ["kubectl describe externalsecret ${svc}-env -n ${ns}", "could not get secret data from provider", "Reason:   SecretSyncedError", "Warning  UpdateFailed  12s  external-secrets", "error retrieving secret at .data[0], key: ${secretname}", "arn:aws:iam::${account12}:user/${user} is not authorized to perform: secretsmanager:GetSecretValue", "kubectl get secret ${svc}-env -n ${ns} -o json | jq '.data | map_values(@base64d)'", "@${dbhost}:${pgport}/${db}", "secretStoreRef: { name: aws-secrets, kind: ClusterSecretStore }"])
