# The twenty-third collection (session 27, corpus23): the clean measure of this stop, written blind (no rule writer
# reads it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to twenty-second, its
# families come from the MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application
# prints, here those the twenty-two collections touch least: ORMs and database drivers on error (Prisma, Sequelize,
# SQLAlchemy, HikariCP, Hibernate, ActiveRecord, GORM, Ecto, Diesel, Entity Framework Core, node-postgres, mysql2, the
# MongoDB driver, Knex, TypeORM, Mongoose, ioredis, SqlClient), message brokers and job queues (confluent-kafka-go, NATS,
# SQS through botocore, Pub/Sub over gRPC, Celery, BullMQ, Resque, Oban), infrastructure as code (Terraform's TF_LOG,
# Pulumi, CloudFormation, CDK, the Serverless Framework), package managers (Poetry, cargo, Composer, Bundler, NuGet,
# Gradle, conda, npm), hosting and serverless (Lambda's INIT/REPORT lines, Vercel, Netlify, Firebase, Heroku, Fly.io,
# Render), HTTP clients' debug dumps (axios, OkHttp's logging interceptor, Faraday, Guzzle, .NET's HttpClient logging,
# Go's httputil.DumpRequest, http.client's debuglevel), SMTP debug (nodemailer, PHPMailer), LDAP and Kerberos (Spring
# LDAP, JAAS' Krb5LoginModule), browser automation (Selenium, WebdriverIO, Puppeteer), database CLIs (sqlcmd, influx,
# consul), Spring Boot's bind failure, output full of must-keep strings that look like secrets, CRM and commerce APIs'
# validation errors, and output localised in languages the twenty-two never use (Icelandic, Estonian, Latvian,
# Lithuanian, Slovenian, Esperanto, Scottish Gaelic, Luxembourgish, Odia, Kyrgyz, Persian, Nepali), each in a MESSAGE SHAPE none of the twenty-two collections has (checked
# by a script: the `marker` below looked for in every failure-output*.jsonl, corpus.jsonl and outside-mainstream-2.txt to
# -7.txt, case-insensitively and JSON-escaped; candidates found there were dropped or rewritten before the collection
# was built). Personal data: big cities' landlines in shapes no collection planted yet, and two tax numbers no
# collection has with VALID check digits (Venezuela's RIF and the Dominican Republic's RNC; TwentyThirdIds.java). Each
# family names the public page its shape was learnt from; nothing was copied and every value is invented. Same template
# language as the twenty-second, with `auto_keep` on. Split like the sixth to twenty-second: a THIRD of the families by
# the SHA-1 of the family's name (0 mod 3), fixed before any rule ran, not redrawn.

from families22 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "svc23": ["orders-api", "payments-worker", "notify-service", "catalog-sync"],
    "host23": ["api.acme-shop.com", "staging.globex.io", "internal.initech.net"],
    "ver23": ["5.22.0", "3.38.1", "2.12.4", "8.0.11"],
    "jsfile23": ["src/db/client.ts", "src/queue/worker.ts", "test/integration/api.spec.ts"],
    "pyfile23": ["app/db/session.py", "tests/integration/test_queue.py", "app/clients/payments.py"],
    "gofile23": ["internal/store/users.go", "internal/queue/publisher.go", "cmd/api/main.go"],
    "proj23": ["orders-web", "acme-storefront", "billing-portal"],
    "stack23": ["orders-prod", "billing-staging", "catalog-dev"],
    "topic23": ["orders.created", "payments.settled", "users.signup"],
    "queue23": ["mailers", "default", "critical"],
    "reqid23": ["8f2c1a4e-7b3d-4f0a-9c6e-2d1b5a7e9f30", "c41e9a27-0d5b-4e83-a6f1-3b8c2d9e7a14"],
    "pkg23": ["@acme/ui", "@globex/sdk", "@initech/config"],
    "realm23": ["ACME.CORP", "GLOBEX.LOCAL", "CORP.INITECH.NET"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- ORMs and database drivers on error ----------------------------------------------------------------------------------

fam("prisma-p1000-auth-failed", "https://www.prisma.io/docs/orm/reference/error-reference#p1000", [
    """prisma:engine {"timestamp":"2024-11-07T10:22:31.118Z","level":"ERROR","fields":{"message":"Error in PostgreSQL connection: Error { kind: Db, cause: Some(DbError { severity: \\"FATAL\\", code: SqlState(E28P01), message: \\"password authentication failed for user \\\\\\"${dbuser}\\\\\\"\\" }) }"},"target":"quaint::connector::postgres"}
prisma:client  datasourceOverrides: { db: 'postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}' }
PrismaClientInitializationError: Authentication failed against database server at `${dbhost}`, the provided database credentials for `${dbuser}` are not valid.""",
], [], marker=["prisma:client  datasourceOverrides: { db: '"])

fam("sequelize-access-denied-options", "https://sequelize.org/docs/v6/getting-started/", [
    """Executing (default): SELECT 1+1 AS result
SequelizeAccessDeniedError: Access denied for user '${dbuser}'@'${privip}' (using password: YES)
    at ConnectionManager.connect (/app/node_modules/sequelize/lib/dialects/mysql/connection-manager.js:102:17)
  original: Error: Access denied for user '${dbuser}'@'${privip}' (using password: YES)
  sequelize options: { database: '${db}', username: '${dbuser}', password: '{{PASSWORD}}', host: '${mysqlhost}', port: ${myport}, dialect: 'mysql', logging: [Function: log] }
Unable to connect to the database: SequelizeAccessDeniedError""",
], ["Unable to connect to the database: SequelizeAccessDeniedError"], marker=["  sequelize options: { database: '"])

fam("sqlalchemy-operationalerror-render-url", "https://docs.sqlalchemy.org/en/20/errors.html#operationalerror", [
    """sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"

(Background on this error at: https://sqlalche.me/e/20/e3q8)
-------------------------------- Captured log setup --------------------------------
DEBUG    ${pyfile23}:31 engine url: postgresql+psycopg2://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}
ERROR    tests/conftest.py:58 could not create test schema""",
    """sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1045, "Access denied for user '${dbuser}'@'${privip}' (using password: YES)")
(Background on this error at: https://sqlalche.me/e/20/e3q8)
  engine: Engine(mysql+pymysql://${dbuser}:***@${mysqlhost}:${myport}/${db})
  url.render_as_string(hide_password=False) = 'mysql+pymysql://${dbuser}:{{URL_PASSWORD}}@${mysqlhost}:${myport}/${db}'
ERROR    tests/conftest.py:58 could not create test schema""",
], ["(Background on this error at: https://sqlalche.me/e/20/e3q8)"], marker=[":31 engine url: postgresql+psycopg2://", "url.render_as_string(hide_password=False) = '"])

fam("hikaricp-debug-configuration", "https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby", [
    """DEBUG com.zaxxer.hikari.HikariConfig - HikariPool-1 - configuration:
DEBUG com.zaxxer.hikari.HikariConfig - autoCommit................................true
DEBUG com.zaxxer.hikari.HikariConfig - dataSourceProperties......................{password=<masked>}
DEBUG com.zaxxer.hikari.HikariConfig - jdbcUrl...................................jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}&sslmode=require
DEBUG com.zaxxer.hikari.HikariConfig - maximumPoolSize...........................10
DEBUG com.zaxxer.hikari.HikariConfig - password..................................<masked>
ERROR com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Exception during pool initialization.""",
], ["dataSourceProperties......................{password=<masked>}", "password..................................<masked>"],
    marker=["DEBUG com.zaxxer.hikari.HikariConfig - jdbcUrl..................................."])

fam("hibernate-orm-bind-trace", "https://docs.jboss.org/hibernate/orm/6.4/userguide/html_single/Hibernate_User_Guide.html#best-practices-logging", [
    """Hibernate: select u1_0.id,u1_0.email from users u1_0 where u1_0.reset_token=? and u1_0.expires_at>?
TRACE org.hibernate.orm.jdbc.bind - binding parameter (1:VARCHAR) <- [{{HEX64}}]
TRACE org.hibernate.orm.jdbc.bind - binding parameter (2:TIMESTAMP_UTC) <- [2024-11-07T10:22:31.118Z]
TRACE org.hibernate.orm.jdbc.extract - extracted value (1:BIGINT) -> [4211]
[ERROR] PasswordResetIT.resetsWithValidToken:57 expected: <200> but was: <410>""",
    """Hibernate: insert into api_clients (client_id,client_secret,owner_email,id) values (?,?,?,?)
TRACE org.hibernate.orm.jdbc.bind - binding parameter (1:VARCHAR) <- [orders-batch]
TRACE org.hibernate.orm.jdbc.bind - binding parameter (2:VARCHAR) <- [{{OKTA_CLIENT_SECRET}}]
TRACE org.hibernate.orm.jdbc.bind - binding parameter (3:VARCHAR) <- [{{EMAIL}}]
[ERROR] ApiClientRepositoryIT.storesHashedSecret:41 expected: <60> but was: <40>""",
], [], marker=["TRACE org.hibernate.orm.jdbc.bind - binding parameter (1:VARCHAR) <- [", "TRACE org.hibernate.orm.jdbc.bind - binding parameter (2:VARCHAR) <- ["])

fam("activerecord-sql-binds-log", "https://guides.rubyonrails.org/debugging_rails_applications.html#the-logger", [
    """  ApiKey Load (0.6ms)  SELECT "api_keys".* FROM "api_keys" WHERE "api_keys"."digest" = $$1 AND "api_keys"."revoked_at" IS NULL LIMIT $$2  [["digest", "{{HEX64}}"], ["LIMIT", 1]]
  ↳ app/controllers/concerns/api_authenticatable.rb:14:in `current_api_key'
  TRANSACTION (0.2ms)  ROLLBACK
Completed 401 Unauthorized in 12ms (ActiveRecord: 0.8ms | Allocations: 2114)""",
], [], marker=["[[\"digest\", \""])

fam("gorm-logger-slow-sql", "https://gorm.io/docs/logger.html", [
    """
${gofile23}:42 record not found
[1.842ms] [rows:0] SELECT * FROM "sessions" WHERE refresh_token = '{{GOOGLE_REFRESH_TOKEN}}' AND "sessions"."deleted_at" IS NULL ORDER BY "sessions"."id" LIMIT 1
--- FAIL: TestRefreshRotates (0.02s)""",
    """
${gofile23}:77 SLOW SQL >= 200ms
[412.118ms] [rows:1] UPDATE "integrations" SET "access_token"='{{GHO}}',"updated_at"='2024-11-07 10:22:31.118' WHERE "id" = 17
--- FAIL: TestSyncIntegrations (0.43s)""",
], [], marker=["[rows:0] SELECT * FROM \"sessions\" WHERE refresh_token = '", "SLOW SQL >= 200ms\n["])

fam("ecto-query-debug-log", "https://hexdocs.pm/ecto_sql/Ecto.Adapters.SQL.html", [
    """[debug] QUERY OK source="users" db=0.9ms queue=0.1ms idle=812.4ms
SELECT u0."id", u0."email" FROM "users" AS u0 WHERE (u0."confirmation_token" = $$1) ["{{B64URL_SIG}}"]
↳ MyApp.Accounts.confirm_user/1, at: lib/my_app/accounts.ex:212
  1) test confirm_user/1 confirms with a valid token (MyApp.AccountsTest)""",
    """[debug] QUERY OK source="api_tokens" db=1.4ms idle=1033.7ms
INSERT INTO "api_tokens" ("token","user_id","inserted_at") VALUES ($$1,$$2,$$3) RETURNING "id" ["{{API_KEY}}", 4211, ~U[2024-11-07 10:22:31Z]]
↳ MyApp.Tokens.issue/1, at: lib/my_app/tokens.ex:41
  1) test issue/1 stores a hashed token (MyApp.TokensTest)""",
], [], marker=["WHERE (u0.\"confirmation_token\" = $1) [\"", "VALUES ($1,$2,$3) RETURNING \"id\" [\""])

fam("diesel-connection-error-debug", "https://docs.rs/diesel/latest/diesel/result/enum.ConnectionError.html", [
    """thread 'tests::migrations_apply' panicked at tests/db.rs:23:10:
Error connecting to postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}: BadConnection("connection to server at \\"${dbhost}\\" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user \\"${dbuser}\\"\\n")
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
test tests::migrations_apply ... FAILED""",
], ["note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"], marker=[": BadConnection(\"connection to server at \\\""])

fam("efcore-sensitive-data-logging", "https://learn.microsoft.com/en-us/ef/core/logging-events-diagnostics/extensions-logging#sensitive-data", [
    """warn: Microsoft.EntityFrameworkCore.Model.Validation[10400]
      Sensitive data logging is enabled. Log entries and exception messages may include sensitive application data; this mode should only be enabled during development.
fail: Microsoft.EntityFrameworkCore.Database.Command[20102]
      Failed executing DbCommand (14ms) [Parameters=[@p0='{{EMAIL}}' (Nullable = false) (Size = 256), @p1='{{BCRYPT_HASH}}' (Nullable = false) (Size = 60), @p2='{{HEX32}}' (Size = 32)], CommandType='Text', CommandTimeout='30']
      INSERT INTO "Users" ("Email", "PasswordHash", "SecurityStamp") VALUES (@p0, @p1, @p2);
  Failed Orders.Tests.UserStoreTests.CreatesUser [212 ms]""",
], ["Sensitive data logging is enabled. Log entries and exception messages may include sensitive application data; this mode should only be enabled during development."],
    marker=["Failed executing DbCommand (14ms) [Parameters=[@p0='"])

fam("node-postgres-client-inspect", "https://node-postgres.com/apis/client", [
    """error: password authentication failed for user "${dbuser}"
    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:283:98) {
  length: 104,
  severity: 'FATAL',
  code: '28P01',
  routine: 'auth_failed'
}
client.connectionParameters: ConnectionParameters { user: '${dbuser}', database: '${db}', port: ${pgport}, host: '${dbhost}', password: '{{PASSWORD}}', binary: false, ssl: false }
  ● Test suite failed to run""",
], ["routine: 'auth_failed'"], marker=["ConnectionParameters { user: '"])

fam("mysql2-error-sql-field", "https://sidorares.github.io/node-mysql2/docs", [
    """Error: Duplicate entry 'orders-batch' for key 'api_clients.client_id'
    at PromiseConnection.execute (/app/node_modules/mysql2/promise.js:112:22) {
  code: 'ER_DUP_ENTRY',
  errno: 1062,
  sql: "INSERT INTO api_clients (client_id, client_secret) VALUES ('orders-batch', '{{AZURE_CLIENT_SECRET}}')",
  sqlState: '23000',
  sqlMessage: "Duplicate entry 'orders-batch' for key 'api_clients.client_id'"
}""",
    """Error: Access denied for user '${dbuser}'@'${privip}' (using password: YES)
  code: 'ER_ACCESS_DENIED_ERROR',
  errno: 1045,
  sqlState: '28000',
  createPool({ host: '${mysqlhost}', port: ${myport}, user: '${dbuser}', password: '{{PASSWORD}}', database: '${db}' })
}""",
], ["code: 'ER_DUP_ENTRY',", "code: 'ER_ACCESS_DENIED_ERROR',"], marker=["sql: \"INSERT INTO api_clients (client_id, client_secret) VALUES ('orders-batch', '", "  createPool({ host: '"])

fam("mongodb-node-driver-auth", "https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/", [
    """MongoServerError: bad auth : authentication failed
    at Connection.sendCommand (/app/node_modules/mongodb/lib/cmap/connection.js:290:27) {
  ok: 0,
  code: 8000,
  codeName: 'AtlasError',
  [Symbol(errorLabels)]: Set(2) { 'HandshakeError', 'ResetPool' }
}
  mongoUri: mongodb+srv://${dbuser}:{{URL_PASSWORD}}@${mongohost}/${db}?retryWrites=true&w=majority
Node.js v20.11.1""",
], ["[Symbol(errorLabels)]: Set(2) { 'HandshakeError', 'ResetPool' }"], marker=["  mongoUri: mongodb+srv://"])

# --- message brokers and job queues --------------------------------------------------------------------------------------

fam("confluent-kafka-go-configmap-print", "https://docs.confluent.io/platform/current/clients/confluent-kafka-go/index.html", [
    """    producer_test.go:48: config: &map[acks:all bootstrap.servers:${kafkahost}:9092 sasl.mechanisms:PLAIN sasl.password:{{CONFLUENT_SECRET}} sasl.username:{{CONFLUENT_KEY}} security.protocol:SASL_SSL]
    producer_test.go:52: %4|1731000000.118|FAIL|rdkafka#producer-1| [thrd:sasl_ssl://${kafkahost}:9092/bootstrap]: SASL authentication error: Authentication failed (after 5112ms in state AUTH_REQ)
--- FAIL: TestProduceOrderCreated (5.13s)""",
], [], marker=["sasl.mechanisms:PLAIN sasl.password:"])

fam("nats-authorization-violation", "https://docs.nats.io/using-nats/developer/connecting/userpass", [
    """[ERR] nats: connect to nats://${svc23}:{{PASSWORD}}@nats.messaging.svc.cluster.local:4222 failed: nats: Authorization Violation
[WRN] nats: reconnect attempt 3 of 60 in 2s
    subscriber_test.go:29: nats: Authorization Violation
--- FAIL: TestSubscribeOrders (6.02s)""",
    """[1] 2024/11/07 10:22:31.118204 [ERR] 10.42.1.9:52114 - cid:17 - authentication error - User "${svc23}"
nats: error: nats: Authorization Violation, try --help
+ nats --server nats://${amqphost}:4222 --user ${svc23} --password '{{PASSWORD}}' stream ls
nats: error: nats: Authorization Violation, try --help""",
], ["nats: Authorization Violation"], marker=["[ERR] nats: connect to nats://", "nats: error: nats: Authorization Violation, try --help"])

fam("botocore-sqs-debug-params", "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/sqs.html", [
    """DEBUG:botocore.endpoint:Making request for OperationModel(name=SendMessage) with params: {'url_path': '/', 'query_string': '', 'method': 'POST', 'headers': {'X-Amz-Target': 'AmazonSQS.SendMessage', 'Content-Type': 'application/x-amz-json-1.0', 'User-Agent': 'Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#6.5.0 lang#python#3.12.7', 'X-Amz-Security-Token': '{{AWS_SESSION_TOKEN}}'}, 'body': b'{"QueueUrl": "https://sqs.${awsreg21}.amazonaws.com/${account12}/orders", "MessageBody": "{\\\\"reset_token\\\\": \\\\"{{HEX40}}\\\\"}"}'}
botocore.exceptions.ClientError: An error occurred (InvalidClientTokenId) when calling the SendMessage operation: The security token included in the request is invalid.
FAILED tests/integration/test_queue.py::test_publish_reset - botocore.exceptions.ClientError""",
], [], marker=["DEBUG:botocore.endpoint:Making request for OperationModel(name=SendMessage) with params: {"])

fam("grpc-go-http2-debug-pubsub", "https://pkg.go.dev/net/http#hdr-HTTP_2", [
    """2024/11/07 10:22:31 http2: Framer 0xc0001a4000: wrote HEADERS flags=END_HEADERS stream=3 len=412
2024/11/07 10:22:31 http2: Transport encoding header ":path" = "/google.pubsub.v1.Publisher/Publish"
2024/11/07 10:22:31 http2: Transport encoding header "authorization" = "Bearer {{GOOGLE_OAUTH_ACCESS}}"
2024/11/07 10:22:31 http2: Transport received HEADERS flags=END_STREAM|END_HEADERS stream=3 len=98
    publisher_test.go:61: rpc error: code = Unauthenticated desc = Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.
--- FAIL: TestPublishOrderCreated (0.44s)""",
], [], marker=["http2: Transport encoding header \"authorization\" = \""])

fam("celery-worker-banner-task-error", "https://docs.celeryq.dev/en/stable/getting-started/first-steps-with-celery.html", [
    """ -------------- celery@worker-1 v5.4.0 (opalescent)
--- ***** -----
-- ******* ---- Linux-6.5.0-1025-azure-x86_64-with-glibc2.36 2024-11-07 10:22:31
- *** --- * ---
- ** ---------- [config]
- ** ---------- .> app:         orders:0x7f3a2c1b4d90
- ** ---------- .> transport:   redis://:**@${redishost}:6379/0
- ** ---------- .> results:     redis://:**@${redishost}:6379/1
[2024-11-07 10:22:33,118: ERROR/ForkPoolWorker-2] Task orders.tasks.charge_card[${uuid}] raised unexpected: AuthenticationError('Invalid API Key provided: {{STRIPE_SK}}')
[2024-11-07 10:22:33,120: INFO/MainProcess] Task orders.tasks.charge_card[${uuid}] retry: Retry in 60s""",
], [".> transport:   redis://:**@", ".> results:     redis://:**@"], marker=["raised unexpected: AuthenticationError('Invalid API Key provided: "])

fam("bullmq-failed-job-data", "https://docs.bullmq.io/guide/events", [
    """[queue:${queue23}] job 4211 failed: Error: Request failed with status code 401
  job.data = {"to":"{{EMAIL}}","template":"password-reset","resetUrl":"https://${host23}/reset?token={{HEX40}}","sendgridKey":"{{SENDGRID}}"}
  attemptsMade: 3, failedReason: 'Request failed with status code 401'
  ● Mailer queue › delivers password reset""",
], ["failedReason: 'Request failed with status code 401'"], marker=["failed: Error: Request failed with status code 401\n  job.data = {\"to\":\""])

fam("resque-failed-job-payload", "https://github.com/resque/resque#failures", [
    """Exception: Faraday::UnauthorizedError
Error: the server responded with status 401
Payload: {"class"=>"SyncCrmContactJob", "args"=>[4211, {"hubspot_token"=>"{{HUBSPOT_PAT}}", "email"=>"{{EMAIL}}"}]}
Queue: ${queue23}
Worker: worker-2.${host23}:7:${queue23}
Retry or Remove""",
], ["Retry or Remove"], marker=["Payload: {\"class\"=>\"SyncCrmContactJob\""])

# --- infrastructure as code ----------------------------------------------------------------------------------------------

fam("terraform-tf-log-provider-http", "https://developer.hashicorp.com/terraform/internals/debugging", [
    """2024-11-07T10:22:31.118Z [DEBUG] provider.terraform-provider-aws_v5.74.0_x5: HTTP Request Sent: @caller=github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.59/logging/tf_logger.go:45 @module=aws.aws-base aws.operation=GetCallerIdentity http.method=POST http.request.header.x_amz_security_token={{AWS_SESSION_TOKEN}} tf_provider_addr=registry.terraform.io/hashicorp/aws tf_rpc=ConfigureProvider timestamp=2024-11-07T10:22:31.118Z
2024-11-07T10:22:31.412Z [ERROR] provider.terraform-provider-aws_v5.74.0_x5: Response contains error diagnostic: diagnostic_severity=ERROR diagnostic_summary="failed to refresh cached credentials"
Error: failed to refresh cached credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403""",
    """2024-11-07T10:22:31.118Z [TRACE] provider.terraform-provider-github_v6.3.1: Received request: tf_proto_version=5.6 tf_req_id=${uuid} tf_rpc=ConfigureProvider
2024-11-07T10:22:31.119Z [DEBUG] provider.terraform-provider-github_v6.3.1: GET /user HTTP/1.1 Host: api.github.com Authorization: Bearer {{GHP}} Accept: application/vnd.github.v3+json
2024-11-07T10:22:31.412Z [ERROR] vertex "provider[\\"registry.terraform.io/integrations/github\\"]" error: GET https://api.github.com/user: 401 Bad credentials []
Error: GET https://api.github.com/user: 401 Bad credentials []""",
], [], marker=["http.request.header.x_amz_security_token=", "[DEBUG] provider.terraform-provider-github_v6.3.1: GET /user HTTP/1.1"])

fam("pulumi-up-diagnostics-secret", "https://www.pulumi.com/docs/iac/concepts/secrets/", [
    """Previewing update (${stack23}):
     Type                 Name               Plan       Info
 +   pulumi:pulumi:Stack  orders-${stack23}  create     1 error
Diagnostics:
  pulumi:pulumi:Stack (orders-${stack23}):
    error: Running program '/work/infra' failed with an unhandled exception:
    Error: Missing required configuration variable 'orders:dbPassword'
        please set a value using the command `pulumi config set --secret orders:dbPassword <value>`
    debug: RegisterResourceOutputs: {"connectionString":"Server=${sqlsrvhost};User Id=sa;Password={{PASSWORD}};"}
Resources:
    + 1 to create""",
], ["please set a value using the command `pulumi config set --secret orders:dbPassword <value>`"],
    marker=["    debug: RegisterResourceOutputs: {\"connectionString\":\""])

fam("cloudformation-stack-events-table", "https://docs.aws.amazon.com/cli/latest/reference/cloudformation/describe-stack-events.html", [
    """|  2024-11-07T10:22:31.118Z |  UPDATE_ROLLBACK_IN_PROGRESS |  AWS::CloudFormation::Stack |  ${stack23}  |  The following resource(s) failed to update: [OrdersDb].  |
|  2024-11-07T10:22:29.014Z |  UPDATE_FAILED               |  AWS::RDS::DBInstance       |  OrdersDb  |  Resource handler returned message: "The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters. (Service: Rds, Status Code: 400, Request ID: ${uuid})"  |
|  ParameterKey=DbPassword,ParameterValue={{PASSWORD}}  |
aws cloudformation describe-stack-events --stack-name ${stack23}""",
], ["Failed to create/update the stack. Run the following command", "to fetch the list of events leading up to the failure"],
    marker=["|  ParameterKey=DbPassword,ParameterValue="])

fam("cdk-deploy-parameters-failed", "https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-deploy.html", [
    """+ npx cdk deploy OrdersStack --require-approval never --parameters OrdersStack:SlackWebhook=https://hooks.slack.com/services/{{SLACK_HOOK_PATH}} --parameters OrdersStack:ApiKey={{API_KEY}}
✨  Synthesis time: 6.41s
OrdersStack: deploying... [1/1]
OrdersStack: creating CloudFormation changeset...
 ❌  OrdersStack failed: Error [ValidationError]: Template error: Fn::GetAtt references undefined resource OrdersQueue
❌ Deployment failed: Error: Stack Deployments Failed: ValidationError""",
], ["❌ Deployment failed: Error: Stack Deployments Failed: ValidationError"], marker=["--parameters OrdersStack:SlackWebhook=https://hooks.slack.com/services/"])

fam("serverless-framework-deploy-debug", "https://www.serverless.com/framework/docs/providers/aws/cli-reference/deploy", [
    """Deploying orders-api to stage ${stack23} (${awsreg21})
  serverless:lifecycle:command:invoke hook: package:initialize
  serverless:config resolved provider.environment: { STAGE: '${stack23}', STRIPE_SECRET_KEY: '{{STRIPE_SK}}', DATABASE_URL: 'postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}' }
✖ Stack orders-api-${stack23} failed to deploy (43s)
Environment: linux, node 20.11.1, framework 3.38.0 (local), plugin 7.2.3, SDK 4.5.1
Error:
CREATE_FAILED: OrdersApiLambdaFunction (AWS::Lambda::Function)
Resource handler returned message: "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.\"""",
], ["Environment: linux, node 20.11.1, framework 3.38.0 (local), plugin 7.2.3, SDK 4.5.1"], marker=["serverless:config resolved provider.environment: {"])

# --- package managers ----------------------------------------------------------------------------------------------------

fam("poetry-source-401-url", "https://python-poetry.org/docs/repositories/#configuring-credentials", [
    """  - Installing orders-sdk (${ver23})

  HTTPError

  401 Client Error: Unauthorized for url: https://__token__:{{PYPI_TOKEN}}@pypi.acme.dev/simple/orders-sdk/

  at /root/.local/share/pypoetry/venv/lib/python3.12/site-packages/requests/models.py:1024 in raise_for_status
Cannot install orders-sdk.""",
    """Using virtualenv: /root/.cache/pypoetry/virtualenvs/orders-api-Xq3kT9-py3.12
+ poetry config http-basic.acme ci-bot {{PASSWORD}}
Source (acme): Authorization error accessing https://pypi.acme.dev/simple/orders-sdk/
Cannot install orders-sdk.""",
], ["Cannot install orders-sdk."], marker=["401 Client Error: Unauthorized for url: https://__token__:", "+ poetry config http-basic.acme ci-bot "])

fam("cargo-registry-token-rejected", "https://doc.rust-lang.org/cargo/reference/registry-authentication.html", [
    """    Updating `acme` index
error: failed to get `orders-core` as a dependency of package `orders-api v0.4.1 (/work/orders-api)`

Caused by:
  token rejected for `acme`, please run `cargo login --registry acme`
  or use environment variable CARGO_REGISTRIES_ACME_TOKEN
  (env CARGO_REGISTRIES_ACME_TOKEN={{CRATES_IO}})

Caused by:
  failed to query replaced source registry `crates-io`""",
], ["token rejected for `acme`, please run `cargo login --registry acme`"], marker=["  (env CARGO_REGISTRIES_ACME_TOKEN="])

fam("composer-auth-github-oauth", "https://getcomposer.org/doc/articles/authentication-for-private-packages.md#github-oauth", [
    """+ composer config --global --auth github-oauth.github.com {{GHP}}
+ composer install --no-interaction --prefer-dist
  - Downloading acme/billing-sdk (v2.3.1)
    Failed to download acme/billing-sdk from dist: The "https://api.github.com/repos/acme/billing-sdk/zipball/${sha}" file could not be downloaded (HTTP/2 401 )
    Now trying to download from source
In GitDownloader.php line 82:
  Failed to execute git clone --no-checkout -- https://github.com/acme/billing-sdk.git""",
], ["Now trying to download from source"], marker=["+ composer config --global --auth github-oauth.github.com "])

fam("bundler-bad-authentication-env", "https://bundler.io/v2.5/man/bundle-config.1.html#CREDENTIALS-FOR-GEM-SOURCES", [
    """+ export BUNDLE_GEMS__ACME__DEV="ci-bot:{{PASSWORD}}"
+ bundle install --jobs 4
Fetching source index from https://gems.acme.dev/
Bad username or password for https://ci-bot@gems.acme.dev/.
Please double-check your credentials and correct them.
Bundler::Fetcher::BadAuthenticationError""",
], ["Please double-check your credentials and correct them."], marker=["+ export BUNDLE_GEMS__ACME__DEV=\""])

fam("nuget-add-source-clear-text", "https://learn.microsoft.com/en-us/dotnet/core/tools/dotnet-nuget-add-source", [
    """+ dotnet nuget add source https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json --name acme --username az --password {{ADO_PAT}} --store-password-in-clear-text
Package source with Name: acme added successfully.
+ dotnet restore
/work/Orders.Api/Orders.Api.csproj : error NU1301: Unable to load the service index for source https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json.
    Failed to restore /work/Orders.Api/Orders.Api.csproj (in 4.12 sec).""",
], ["Package source with Name: acme added successfully."], marker=["--store-password-in-clear-text\nPackage source with Name: "])

fam("gradle-info-publish-401", "https://docs.gradle.org/current/userguide/declaring_repositories.html#sec:handling_credentials", [
    """> Task :orders-core:publishMavenPublicationToAcmeRepository FAILED
Publishing to repository 'acme' (https://nexus.acme.dev/repository/maven-releases/)
Uploading orders-core-${ver23}.jar to /repository/maven-releases/com/acme/orders-core/${ver23}/orders-core-${ver23}.jar
Starting process 'command '/usr/bin/git''. Working directory: /work Command: /usr/bin/git -c http.extraheader=AUTHORIZATION: basic {{BASIC_CRED}} fetch --tags
Received status code 401 from server: Unauthorized
BUILD FAILED in 41s""",
], ["Received status code 401 from server: Unauthorized"], marker=["Command: /usr/bin/git -c http.extraheader=AUTHORIZATION: basic "])

fam("conda-config-show-channels", "https://docs.conda.io/projects/conda/en/latest/user-guide/configuration/settings.html#channels", [
    """+ conda config --show channels
channels:
  - https://conda.anaconda.org/t/{{ALNUM24}}/acme
  - conda-forge
+ conda install -y orders-ml=${ver23}
CondaHTTPError: HTTP 401 UNAUTHORIZED for url <https://conda.anaconda.org/t/<TOKEN>/acme/linux-64/repodata.json>
Elapsed: 00:00.412
An HTTP error occurred when trying to retrieve this URL.""",
], ["An HTTP error occurred when trying to retrieve this URL.", "https://conda.anaconda.org/t/<TOKEN>/acme/linux-64/repodata.json"],
    marker=["  - https://conda.anaconda.org/t/"])

# --- hosting and serverless ----------------------------------------------------------------------------------------------

fam("lambda-init-report-lines", "https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html", [
    """INIT_START Runtime Version: nodejs:20.v33	Runtime Version ARN: arn:aws:lambda:${awsreg21}::runtime:${sha}
START RequestId: ${uuid} Version: $$LATEST
2024-11-07T10:22:31.118Z	${uuid}	ERROR	Invoke Error 	{"errorType":"Error","errorMessage":"Stripe rejected key {{STRIPE_RK}}","stack":["Error: Stripe rejected key","    at Runtime.handler (file:///var/task/index.mjs:41:11)"]}
END RequestId: ${uuid}
REPORT RequestId: ${uuid}	Duration: 812.34 ms	Billed Duration: 813 ms	Memory Size: 512 MB	Max Memory Used: 98 MB	Init Duration: 402.11 ms""",
    """START RequestId: ${uuid} Version: 14
2024-11-07T10:22:31.118Z	${uuid}	INFO	event.headers { authorization: 'Bearer {{JWT}}', 'x-forwarded-for': '${privip}' }
END RequestId: ${uuid}
REPORT RequestId: ${uuid}	Duration: 41.02 ms	Billed Duration: 42 ms	Memory Size: 256 MB	Max Memory Used: 71 MB""",
], [], marker=["	ERROR	Invoke Error 	{\"errorType\":\"Error\",\"errorMessage\":\"Stripe rejected key ", "	INFO	event.headers { authorization: 'Bearer "])

fam("vercel-cli-token-ci", "https://vercel.com/docs/cli/global-options#token", [
    """+ vercel env add STRIPE_SECRET_KEY production <<< "{{STRIPE_SK}}"
Vercel CLI 37.14.0
Retrieving project…
Error: The specified token is not valid. Use `vercel login` to generate a new token.""",
], ["Error: The specified token is not valid. Use `vercel login` to generate a new token."], marker=["+ vercel env add STRIPE_SECRET_KEY production <<< \""])

fam("netlify-cli-deploy-auth", "https://cli.netlify.com/commands/deploy/", [
    """+ netlify deploy --prod --dir=dist --site=${uuid} --auth={{HEX64}}
Netlify CLI 17.37.2
 ›   Error: Unauthorized
Deploy path:        /work/dist
Configuration path: /work/netlify.toml
Error: Process completed with exit code 2.""",
    """+ netlify env:set STRIPE_SECRET_KEY {{STRIPE_SK}} --context production
Set environment variable STRIPE_SECRET_KEY={{STRIPE_SK}} in the production context
 ›   Warning: STRIPE_SECRET_KEY is marked as a secret but its value is shown above
Netlify CLI 17.37.2""",
], ["Configuration path: /work/netlify.toml"], marker=["+ netlify deploy --prod --dir=dist --site=", "in the production context\n"])

fam("firebase-tools-token-deprecated", "https://firebase.google.com/docs/cli#cli-ci-systems", [
    """+ firebase deploy --only functions --project acme-orders --token "{{FIREBASE_REFRESH}}"
⚠  Authenticating with a `--token` is deprecated and will be removed in a future major version of `firebase-tools`. Instead, use a service account key with `GOOGLE_APPLICATION_CREDENTIALS`: https://cloud.google.com/docs/authentication/getting-started
Error: Failed to get Firebase project acme-orders. Please make sure the project exists and your account has permission to access it.""",
    """[debug] [2024-11-07T10:22:31.118Z] > refreshing access token with scopes: []
[debug] [2024-11-07T10:22:31.120Z] >>> [apiv2][query] POST https://www.googleapis.com/oauth2/v3/token [none]
[debug] [2024-11-07T10:22:31.120Z] >>> [apiv2][body] POST https://www.googleapis.com/oauth2/v3/token {"refresh_token":"{{FIREBASE_REFRESH}}","client_id":"${num}-abc.apps.googleusercontent.com","grant_type":"refresh_token"}
[debug] [2024-11-07T10:22:31.412Z] <<< [apiv2][status] POST https://www.googleapis.com/oauth2/v3/token 400
Error: Failed to get Firebase project acme-orders. Please make sure the project exists and your account has permission to access it.""",
], ["Error: Failed to get Firebase project acme-orders. Please make sure the project exists and your account has permission to access it."],
    marker=["+ firebase deploy --only functions --project acme-orders --token \"", "[apiv2][body] POST https://www.googleapis.com/oauth2/v3/token {\"refresh_token\":\""])

fam("heroku-config-set-echo", "https://devcenter.heroku.com/articles/config-vars#using-the-heroku-cli", [
    """+ heroku config:set STRIPE_SECRET_KEY={{STRIPE_SK}} SENDGRID_API_KEY={{SENDGRID}} -a orders-api
Setting STRIPE_SECRET_KEY, SENDGRID_API_KEY and restarting ⬢ orders-api... done, v142
SENDGRID_API_KEY:  {{SENDGRID}}
STRIPE_SECRET_KEY: {{STRIPE_SK}}
 ▸    Release command failed: rake db:migrate exited with 1""",
], ["Release command failed: rake db:migrate exited with 1"], marker=["and restarting ⬢ orders-api... done, v142"])

fam("flyctl-secrets-set-rollout", "https://fly.io/docs/flyctl/secrets-set/", [
    """+ flyctl secrets set DATABASE_URL="postgres://${dbuser}:{{URL_PASSWORD}}@orders-db.flycast:5432/${db}?sslmode=disable" --app orders-api
Updating existing machines in 'orders-api' with rolling strategy
-------
 ✖ Failed: error updating machine 148e1f3a9d2d89: failed to update VM 148e1f3a9d2d89: deadline_exceeded
-------
Error: failed to update machines: timeout reached waiting for health checks to pass""",
], ["Updating existing machines in 'orders-api' with rolling strategy"], marker=["+ flyctl secrets set DATABASE_URL=\"postgres://"])

fam("render-deploy-hook-log", "https://render.com/docs/deploy-hooks", [
    """+ curl -fsS -X POST "https://api.render.com/deploy/srv-${hex16}?key={{ALNUM24}}"
curl: (22) The requested URL returned error: 401
==> Deploying orders-api (srv-${hex16}) from branch main
==> Build failed 😞
==> Common ways to troubleshoot your deploy: https://render.com/docs/troubleshooting-deploys""",
], ["==> Common ways to troubleshoot your deploy: https://render.com/docs/troubleshooting-deploys"], marker=["\"https://api.render.com/deploy/srv-"])

# --- HTTP clients' debug dumps -------------------------------------------------------------------------------------------

fam("axios-error-tojson-config", "https://axios-http.com/docs/handling_errors", [
    """AxiosError: Request failed with status code 403
  config.auth: { username: 'ci-bot', password: '{{PASSWORD}}' }
  config.params: { api_key: '{{API_KEY}}', page: 2 }
  code: 'ERR_BAD_REQUEST',
  status: 403
}""",
], ["code: 'ERR_BAD_REQUEST',"], marker=["  config.auth: { username: 'ci-bot', password: '"])

fam("okhttp-logging-interceptor-body", "https://square.github.io/okhttp/features/interceptors/#logging-interceptor", [
    """I/okhttp.OkHttpClient: --> POST https://${host23}/oauth/token
I/okhttp.OkHttpClient: Content-Type: application/x-www-form-urlencoded
I/okhttp.OkHttpClient: Content-Length: 142
I/okhttp.OkHttpClient: grant_type=client_credentials&client_id=orders-android&client_secret={{OKTA_CLIENT_SECRET}}
I/okhttp.OkHttpClient: --> END POST (142-byte body)
I/okhttp.OkHttpClient: <-- 401 Unauthorized https://${host23}/oauth/token (213ms)
I/okhttp.OkHttpClient: <-- END HTTP (61-byte body)""",
], ["I/okhttp.OkHttpClient: <-- END HTTP (61-byte body)"], marker=["I/okhttp.OkHttpClient: grant_type=client_credentials&client_id="])

fam("faraday-response-logger-headers", "https://lostisland.github.io/faraday/#/middleware/included/logging", [
    """I, [2024-11-07T10:22:31.118204 #7]  INFO -- request: POST https://${host23}/api/v2/charges
I, [2024-11-07T10:22:31.118301 #7]  INFO -- request: User-Agent: "Faraday v2.12.0"
Authorization: "Bearer {{STRIPE_SK}}"
Content-Type: "application/json"
I, [2024-11-07T10:22:31.412009 #7]  INFO -- response: Status 401
Failure/Error: expect(response.status).to eq(201)""",
], ["INFO -- response: Status 401"], marker=["INFO -- request: User-Agent: \"Faraday v2.12.0\"\nAuthorization: \"Bearer "])

fam("guzzle-message-formatter-debug", "https://docs.guzzlephp.org/en/stable/handlers-and-middleware.html", [
    """[2024-11-07T10:22:31.118204+00:00] guzzle.DEBUG: >>>>>>>>
POST /v1/messages HTTP/1.1
Host: api.postmarkapp.com
X-Postmark-Server-Token: {{POSTMARK_TOKEN}}
<<<<<<<<
HTTP/1.1 401 Unauthorized
--------
GuzzleHttp\\Exception\\ClientException: Client error: `POST https://api.postmarkapp.com/v1/messages` resulted in a `401 Unauthorized` response""",
], ["resulted in a `401 Unauthorized` response"], marker=["guzzle.DEBUG: >>>>>>>>\nPOST "])

fam("dotnet-httpclient-trace-headers", "https://learn.microsoft.com/en-us/dotnet/core/extensions/httpclient-factory#logging", [
    """info: System.Net.Http.HttpClient.Payments.LogicalHandler[100]
      Start processing HTTP request POST https://${host23}/v1/payouts
trce: System.Net.Http.HttpClient.Payments.ClientHandler[102]
      Request Headers:
      Authorization: Bearer {{AUTH0_SECRET}}
      Idempotency-Key: ${uuid}
info: System.Net.Http.HttpClient.Payments.ClientHandler[101]
      Received HTTP response headers after 412.118ms - 401""",
], ["Received HTTP response headers after 412.118ms - 401"], marker=["trce: System.Net.Http.HttpClient.Payments.ClientHandler[102]\n      Request Headers:\n      Authorization: Bearer "])

fam("go-httputil-dumprequest-test", "https://pkg.go.dev/net/http/httputil#DumpRequestOut", [
    """    client_test.go:88: request:
        POST /v1/token HTTP/1.1
        Host: ${host23}
        User-Agent: Go-http-client/1.1
        Content-Length: 97
        Authorization: Basic {{BASIC_CRED}}
        Content-Type: application/x-www-form-urlencoded

        grant_type=password&username=ci-bot&password={{PASSWORD}}
    client_test.go:91: status = 401, want 200
--- FAIL: TestTokenExchange (0.21s)""",
], ["User-Agent: Go-http-client/1.1"], marker=["    client_test.go:88: request:\n        POST /v1/token HTTP/1.1"])

fam("http-client-debuglevel-send-reply", "https://docs.python.org/3/library/http.client.html#http.client.HTTPConnection.set_debuglevel", [
    """send: b'POST /oauth2/token HTTP/1.1\\r\\nHost: ${host23}\\r\\nUser-Agent: python-requests/2.32.3\\r\\nAuthorization: Basic {{BASIC_CRED}}\\r\\nContent-Length: 29\\r\\n\\r\\n'
send: b'grant_type=client_credentials'
reply: 'HTTP/1.1 401 Unauthorized\\r\\n'
header: Content-Type: application/json
header: WWW-Authenticate: Basic realm="orders"
FAILED ${pyfile23}::test_token - requests.exceptions.HTTPError: 401 Client Error""",
], ["header: Content-Type: application/json"], marker=["send: b'POST /oauth2/token HTTP/1.1\\\\r\\\\nHost: "])

# --- SMTP debug ----------------------------------------------------------------------------------------------------------

fam("nodemailer-smtp-debug-transport", "https://nodemailer.com/smtp/#debugging", [
    """createTransport({ host: 'smtp.sendgrid.net', port: 587, auth: { user: 'apikey', pass: '{{SENDGRID}}' }, logger: true, debug: true })
[2024-11-07 10:22:31] DEBUG [Xq3kT9aZ] S: 535 Authentication failed: Bad username / password
Error: Invalid login: 535 Authentication failed: Bad username / password""",
], ["Error: Invalid login: 535 Authentication failed: Bad username / password"], marker=["auth: { user: 'apikey', pass: '"])

fam("phpmailer-smtpdebug-auth-login", "https://github.com/PHPMailer/PHPMailer/wiki/SMTP-Debugging", [
    """2024-11-07 10:22:31 CLIENT -> SERVER: AUTH LOGIN
2024-11-07 10:22:31 SERVER -> CLIENT: 334 VXNlcm5hbWU6
2024-11-07 10:22:31 CLIENT -> SERVER: bm9yZXBseUBhY21lLXNob3AuY29t
2024-11-07 10:22:31 SERVER -> CLIENT: 334 UGFzc3dvcmQ6
2024-11-07 10:22:31 CLIENT -> SERVER: {{B64_PASSWORD}}
2024-11-07 10:22:31 SERVER -> CLIENT: 535 5.7.8 Username and Password not accepted.
2024-11-07 10:22:31 SMTP ERROR: Password command failed: 535 5.7.8 Username and Password not accepted.
SMTP Error: Could not authenticate.""",
], ["SERVER -> CLIENT: 334 VXNlcm5hbWU6", "SMTP Error: Could not authenticate."], marker=["SERVER -> CLIENT: 334 UGFzc3dvcmQ6\n"])

# --- LDAP and Kerberos ---------------------------------------------------------------------------------------------------

fam("spring-ldap-error-49-properties", "https://docs.spring.io/spring-boot/reference/data/nosql.html#data.nosql.ldap", [
    """org.springframework.ldap.AuthenticationException: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563]
	at org.springframework.ldap.support.LdapUtils.convertLdapException(LdapUtils.java:191)
  spring.ldap.urls=ldaps://${ldaphost}:636
  spring.ldap.username=CN=svc-orders,${basedn}
  spring.ldap.password={{PASSWORD}}
[ERROR] LdapUserServiceIT.findsUser:34 » Authentication [LDAP: error code 49 - 80090308""",
], ["comment: AcceptSecurityContext error, data 52e, v4563]"], marker=["AcceptSecurityContext error, data 52e, v4563]\n\tat org.springframework.ldap"])

fam("jaas-krb5loginmodule-debug", "https://docs.oracle.com/en/java/javase/17/docs/api/jdk.security.auth/com/sun/security/auth/module/Krb5LoginModule.html", [
    """Debug is  true storeKey true useTicketCache false useKeyTab false doNotPrompt false ticketCache is null isInitiator true KeyTab is null refreshKrb5Config is false principal is svc-orders@${realm23} tryFirstPass is false useFirstPass is false storePass is false clearPass is false
[Krb5LoginModule] user entered username: svc-orders@${realm23}
  -Djavax.security.auth.login.password={{PASSWORD}} -Djava.security.krb5.realm=${realm23}
[Krb5LoginModule] authentication failed
Pre-authentication information was invalid (24)""",
], ["[Krb5LoginModule] authentication failed", "Pre-authentication information was invalid (24)"], marker=["  -Djavax.security.auth.login.password="])

# --- browser automation --------------------------------------------------------------------------------------------------

fam("selenium-remote-url-session-not-created", "https://www.selenium.dev/documentation/webdriver/drivers/remote_webdriver/", [
    """selenium.common.exceptions.SessionNotCreatedException: Message: Authorization required
  command_executor='https://ci-bot:{{BROWSERSTACK_KEY}}@hub-cloud.browserstack.com/wd/hub'
Stacktrace:
#0 0x55d1c2b4f8ea <unknown>
FAILED tests/e2e/test_checkout.py::test_pay - selenium.common.exceptions.SessionNotCreatedException""",
], ["selenium.common.exceptions.SessionNotCreatedException: Message: Authorization required"], marker=["  command_executor='https://"])

fam("webdriverio-session-data-log", "https://webdriver.io/docs/sauce-service", [
    """[0-0] 2024-11-07T10:22:31.118Z INFO webdriver: [POST] https://ondemand.eu-central-1.saucelabs.com/wd/hub/session
[0-0] 2024-11-07T10:22:31.118Z INFO webdriver: DATA {
[0-0]   capabilities: { alwaysMatch: { browserName: 'chrome', 'sauce:options': { username: 'ci-bot', accessKey: '{{SAUCE_KEY}}', build: 'orders-web #4211' } }, firstMatch: [ {} ] }
[0-0] }
[0-0] 2024-11-07T10:22:31.412Z ERROR webdriver: Request failed with status 401 due to Unauthorized
[0-0] FAILED in chrome - file:///work/test/specs/checkout.e2e.ts""",
], [], marker=["'sauce:options': { username: 'ci-bot', accessKey: '"])

fam("puppeteer-protocol-debug-headers", "https://pptr.dev/guides/debugging#log-devtools-protocol-traffic", [
    """  puppeteer:protocol:SEND ► [ '{"method":"Network.setExtraHTTPHeaders","params":{"headers":{"Authorization":"Basic {{BASIC_CRED}}","X-Api-Key":"{{API_KEY}}"}},"id":17,"sessionId":"${hex32u}"}' ] +1ms
  puppeteer:protocol:RECV ◀ [ '{"id":17,"result":{},"sessionId":"${hex32u}"}' ] +2ms
Error: net::ERR_INVALID_AUTH_CREDENTIALS at https://${host23}/admin
    at navigate (/app/node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/Frame.js:180:27)""",
], [], marker=["puppeteer:protocol:SEND ► [ '{\"method\":\"Network.setExtraHTTPHeaders\""])

# --- database CLIs -------------------------------------------------------------------------------------------------------

fam("sqlcmd-login-failed-echo", "https://learn.microsoft.com/en-us/sql/tools/sqlcmd/sqlcmd-utility", [
    """+ /opt/mssql-tools18/bin/sqlcmd -S tcp:${sqlsrvhost},1433 -U sa -P '{{PASSWORD}}' -C -Q "SELECT 1"
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login failed for user 'sa'..
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Client unable to establish connection because an error was encountered during handshakes before login.""",
], ["Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login failed for user 'sa'.."], marker=["/opt/mssql-tools18/bin/sqlcmd -S tcp:"])

fam("influx-cli-config-create", "https://docs.influxdata.com/influxdb/v2/reference/cli/influx/config/create/", [
    """+ influx config create --config-name ci --host-url http://${privip}:8086 --org acme --token {{INFLUX_TOKEN}} --active
Active	Name	URL			Org
*	ci	http://${privip}:8086	acme
+ influx bucket list
Error: failed to list buckets: 401 Unauthorized: unauthorized access""",
], ["Error: failed to list buckets: 401 Unauthorized: unauthorized access"], marker=["+ influx config create --config-name ci --host-url "])

fam("consul-kv-acl-not-found", "https://developer.hashicorp.com/consul/commands/kv/get", [
    """+ export CONSUL_HTTP_ADDR=https://${privip}:8501 CONSUL_HTTP_TOKEN={{CONSUL_TOKEN}}
+ consul kv get config/orders/database
Error querying Consul agent: Unexpected response code: 403 (ACL not found)""",
], ["Error querying Consul agent: Unexpected response code: 403 (ACL not found)"], marker=["+ export CONSUL_HTTP_ADDR=https://"])

# --- output full of strings that look like secrets and are not -----------------------------------------------------------

fam("gh-auth-status-masked-token", "https://cli.github.com/manual/gh_auth_status", [
    """+ echo "{{GHP}}" | gh auth login --with-token
+ gh auth status
github.com
  ✓ Logged in to github.com account ci-bot (GH_TOKEN)
  - Active account: true
  - Git operations protocol: https
  - Token: ghp_************************************
  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'""",
], ["- Token: ghp_************************************", "- Token scopes: 'gist', 'read:org', 'repo', 'workflow'"], marker=["| gh auth login --with-token\n+ gh auth status"])

fam("redis-cli-usage-and-warning", "https://redis.io/docs/latest/develop/tools/cli/", [
    """+ redis-cli -h ${redishost} -a '{{PASSWORD}}' PING
Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.
AUTH failed: WRONGPASS invalid username-password pair or user is disabled.
Usage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]
  -a <password>      Password to use when connecting to the server.
                     You can also use the REDISCLI_AUTH environment
                     variable to pass this password more safely
  --askpass          Force user to input password with mask from STDIN.""",
], ["-a <password>      Password to use when connecting to the server.", "--askpass          Force user to input password with mask from STDIN."],
    marker=["AUTH failed: WRONGPASS invalid username-password pair or user is disabled.\nUsage: redis-cli"])

fam("docker-buildx-imagetools-inspect", "https://docs.docker.com/reference/cli/docker/buildx/imagetools/inspect/", [
    """+ docker buildx build --build-arg NPM_TOKEN={{NPM_TOKEN}} -t ${image21} --push .
+ docker buildx imagetools inspect ${image21}
Name:      ${image21}
MediaType: application/vnd.oci.image.index.v1+json
Digest:    sha256:${hex64}

Manifests:
  Name:        ${image21}@sha256:${hex64b}
  MediaType:   application/vnd.oci.image.manifest.v1+json
  Platform:    linux/amd64""",
], ["MediaType: application/vnd.oci.image.index.v1+json", "MediaType:   application/vnd.oci.image.manifest.v1+json"],
    marker=["+ docker buildx imagetools inspect "])

fam("terraform-plan-sensitive-values", "https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output", [
    """  # aws_db_instance.orders will be updated in-place
  ~ resource "aws_db_instance" "orders" {
        id                       = "orders-db"
      ~ password                 = (sensitive value)
        tags                     = {
            "Version" = "${ver23}"
        }
    }
  + module.secrets.random_password.api = (sensitive value)
  TF_VAR_stripe_key={{STRIPE_SK}} terraform plan -out=tfplan
Plan: 0 to add, 1 to change, 0 to destroy.""",
], ["~ password                 = (sensitive value)", "Plan: 0 to add, 1 to change, 0 to destroy."], marker=["  TF_VAR_stripe_key="])

fam("npm-ls-integrity-lockfile", "https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json", [
    """+ npm config set //registry.npmjs.org/:_authToken {{NPM_TOKEN}}
+ npm ci
npm error code EBADENGINE
npm error engine Unsupported engine
npm error notsup Required: {"node":">=22.0.0"}
npm error notsup Actual:   {"npm":"10.2.4","node":"v20.11.1"}
      "resolved": "https://registry.npmjs.org/${pkg23}/-/ui-${ver23}.tgz",
      "integrity": "sha512-${b64_86}==",
npm error A complete log of this run can be found in: /root/.npm/_logs/2024-11-07T10_22_31_118Z-debug-0.log""",
], ["npm error notsup Actual:   {\"npm\":\"10.2.4\",\"node\":\"v20.11.1\"}"], marker=["+ npm config set //registry.npmjs.org/:_authToken "])

# --- personal data where these tools print it ----------------------------------------------------------------------------

fam("odoo-base-vat-rnc-invalid", "https://github.com/odoo/odoo/blob/17.0/addons/base_vat/models/res_partner.py", [
    """odoo.tests.common: ERROR: TestPartnerVat.test_do_rnc
odoo.exceptions.ValidationError: The VAT number [{{RNC_DO}}] for partner [Ferretería Ozama SRL] does not seem to be valid. 
Note: the expected format is 1-01-85004-3 or 101850043
  partner vals: {'name': 'Ferretería Ozama SRL', 'vat': '{{RNC_DO}}', 'phone': '{{PHONE_CO_BOGOTA}}', 'country_id': 61}
odoo.tests.stats: base_vat: 14 tests 0.41s 212 queries""",
    """odoo.tests.common: ERROR: TestPartnerVat.test_ve_rif
odoo.exceptions.ValidationError: The VAT number [{{RIF_VE}}] for partner [Distribuidora Ávila C.A.] does not seem to be valid. 
  partner vals: {'name': 'Distribuidora Ávila C.A.', 'vat': '{{RIF_VE}}', 'phone': '{{PHONE_PE_LIMA}}', 'country_id': 238}
odoo.tests.stats: base_vat: 14 tests 0.41s 212 queries""",
], ["Note: the expected format is 1-01-85004-3 or 101850043", "odoo.tests.stats: base_vat: 14 tests 0.41s 212 queries"],
    marker=["does not seem to be valid. \nNote: the expected format is 1-01-85004-3", "  partner vals: {'name': 'Distribuidora "])

fam("stripe-tax-id-ve-rif-error", "https://docs.stripe.com/billing/customer/tax-ids#supported-tax-id", [
    """Stripe::InvalidRequestError: Invalid value for ve_rif tax ID: '{{RIF_VE}}'.
  request: POST /v1/customers/cus_${alnum14}/tax_ids {"type":"ve_rif","value":"{{RIF_VE}}"}
  customer: {"email":"{{EMAIL}}","phone":"{{PHONE_CL_SANTIAGO}}","address":{"country":"VE"}}
  request_id: req_${alnum14}
Failure/Error: customer.add_tax_id!(type: "ve_rif", value: rif)""",
], [], marker=["Invalid value for ve_rif tax ID: '"])

fam("libphonenumber-parse-exception-java", "https://github.com/google/libphonenumber/blob/master/FAQ.md", [
    """[ERROR] PhoneNormalizerTest.normalizesCityNumbers:48 » NumberParse Error type: INVALID_COUNTRY_CODE. Could not interpret numbers after plus-sign.
  input[0] = "{{PHONE_PL_WARSAW}}"  -> +48 (PL) ok
  input[1] = "{{PHONE_AR_BA}}"  -> +54 (AR) ok
  input[2] = "0{{PHONE_ZA_JHB}}"  -> INVALID_COUNTRY_CODE
[ERROR] Tests run: 12, Failures: 0, Errors: 1, Skipped: 0""",
    """[ERROR] PhoneNormalizerTest.normalizesCityNumbers:48 » NumberParse Error type: NOT_A_NUMBER. The string supplied did not seem to be a phone number.
  input[0] = "{{PHONE_KE_NAIROBI}}"  -> +254 (KE) ok
  input[1] = "{{PHONE_BD_DHAKA}}"  -> +880 (BD) ok
  input[2] = "tel:{{PHONE_VN_HCMC}};ext=12"  -> NOT_A_NUMBER
[ERROR] Tests run: 12, Failures: 0, Errors: 1, Skipped: 0""",
], ["[ERROR] Tests run: 12, Failures: 0, Errors: 1, Skipped: 0"], marker=["  -> INVALID_COUNTRY_CODE", "  -> NOT_A_NUMBER"])

fam("hubspot-contacts-invalid-phone", "https://developers.hubspot.com/docs/api/crm/contacts", [
    """HubSpot API error 400: {"status":"error","message":"Property values were not valid: [{\\"isValid\\":false,\\"message\\":\\"{{PHONE_MY_KL}} is not a valid phone number\\",\\"error\\":\\"INVALID_PHONE_NUMBER\\",\\"name\\":\\"phone\\"}]","correlationId":"${uuid}","category":"VALIDATION_ERROR"}
  request body: {"properties":{"email":"{{EMAIL}}","phone":"{{PHONE_MY_KL}}","mobilephone":"{{PHONE_SG_LANDLINE}}"}}
  authorization: Bearer {{HUBSPOT_PAT}}""",
    """HubSpot API error 409: {"status":"error","message":"Contact already exists. Existing ID: 4211","category":"CONFLICT","correlationId":"${uuid}"}
  request body: {"properties":{"email":"{{EMAIL}}","phone":"{{PHONE_AE_DUBAI}}","fax":"{{PHONE_SA_RIYADH}}"}}
  authorization: Bearer {{HUBSPOT_PAT}}""",
], [], marker=["\\\"error\\\":\\\"INVALID_PHONE_NUMBER\\\"", "Contact already exists. Existing ID: 4211"])

fam("zendesk-users-record-invalid", "https://developer.zendesk.com/api-reference/ticketing/users/users/", [
    """ZendeskAPI::Error::RecordInvalid: {"error":"RecordInvalid","description":"Record validation errors","details":{"phone":[{"description":"Phone: {{PHONE_AT_VIENNA}} is already being used by another user","error":"DuplicateValue"}]}}
  user: {"name":"Test Agent","email":"{{EMAIL}}","phone":"{{PHONE_AT_VIENNA}}","shared_phone_number":false}
  token auth: ci-bot@acme-shop.com/token:{{ALNUM24}}""",
    """ZendeskAPI::Error::RecordInvalid: {"error":"RecordInvalid","description":"Record validation errors","details":{"phone":[{"description":"Phone: {{PHONE_CH_ZURICH}} is already being used by another user","error":"DuplicateValue"}]}}
  user: {"name":"Test Agent","email":"{{EMAIL}}","phone":"{{PHONE_CH_ZURICH}}","alias":"{{PHONE_NL_AMSTERDAM}}"}
  token auth: ci-bot@acme-shop.com/token:{{ALNUM24}}""",
], [], marker=["is already being used by another user\",\"error\":\"DuplicateValue\"", "is already being used by another user\",\"error\":\"DuplicateValue\""])

fam("shopify-customer-create-taken", "https://shopify.dev/docs/api/admin-rest/latest/resources/customer", [
    """ShopifyAPI::Errors::HttpResponseError: {"errors":{"phone":["has already been taken"]}}
  POST /admin/api/2024-10/customers.json {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_BE_BRUSSELS}}","addresses":[{"phone":"{{PHONE_SE_STOCKHOLM}}","country":"BE"}]}}
  X-Shopify-Access-Token: {{SHOPIFY_PAT}}""",
    """ShopifyAPI::Errors::HttpResponseError: {"errors":{"phone":["is invalid"]}}
  POST /admin/api/2024-10/customers.json {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_NO_OSLO}}","addresses":[{"phone":"{{PHONE_FI_HELSINKI}}","country":"NO"}]}}
  X-Shopify-Access-Token: {{SHOPIFY_PAT}}""",
], [], marker=["POST /admin/api/2024-10/customers.json {\"customer\":{\"email\":\"", "POST /admin/api/2024-10/customers.json {\"customer\":{\"email\":\""])

fam("intercom-contact-conflict", "https://developers.intercom.com/docs/references/rest-api/api.intercom.io/contacts/createcontact", [
    """Intercom::ResourceNotUniqueError: A contact matching those details already exists with id=${hex24}
  params: {:role=>"user", :email=>"{{EMAIL}}", :phone=>"{{PHONE_CZ_PRAGUE}}", :custom_attributes=>{"office_phone"=>"{{PHONE_HU_BUDAPEST}}"}}
  token: {{ALNUM24}}
rake aborted!""",
    """Intercom::ResourceNotUniqueError: A contact matching those details already exists with id=${hex24}
  params: {:role=>"lead", :email=>"{{EMAIL}}", :phone=>"{{PHONE_PT_LISBON}}", :custom_attributes=>{"office_phone"=>"{{PHONE_IE_DUBLIN}}"}}
  token: {{ALNUM24}}
rake aborted!""",
], ["rake aborted!"], marker=["Intercom::ResourceNotUniqueError: A contact matching those details already exists with id=", "Intercom::ResourceNotUniqueError: A contact matching those details already exists with id="])

fam("factory-boy-branch-phones", "https://factoryboy.readthedocs.io/en/stable/reference.html", [
    """    def test_branch_e164(branch_factory):
        b = branch_factory(phone="{{PHONE_GB_EDINBURGH}}", fax="{{PHONE_JP_OSAKA}}")
>       assert b.phone_e164.startswith("+")
E       AssertionError: assert False
E        +  where False = <built-in method startswith of str object at 0x7f3a2c1b4d90>('+')
FAILED tests/test_branches.py::test_branch_e164 - AssertionError: assert False""",
    """    def test_branch_e164(branch_factory):
        b = branch_factory(phone="{{PHONE_US_CHICAGO}}", fax="{{PHONE_AU_MELBOURNE}}", mobile="{{PHONE_NZ_AUCKLAND}}")
>       assert b.phone_e164.startswith("+")
E       AssertionError: assert False
FAILED tests/test_branches.py::test_branch_e164 - AssertionError: assert False""",
], ["FAILED tests/test_branches.py::test_branch_e164 - AssertionError: assert False"], marker=["        b = branch_factory(phone=\"", "        b = branch_factory(phone=\""])

fam("salesforce-jsforce-validation", "https://jsforce.github.io/document/#create", [
    """[
  {
    success: false,
    errors: [ { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Phone must be in E.164 format', fields: [ 'Phone' ] } ],
    input: { LastName: 'Tester', Email: '{{EMAIL}}', Phone: '{{PHONE_CN_SHANGHAI}}', MobilePhone: '{{PHONE_PL_WARSAW}}' }
  }
]
  sessionId: {{SF_ACCESS_TOKEN}}""",
], ["statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION'"], marker=["statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Phone must be in E.164 format'"])

# --- output the tools localise, in languages no earlier collection has ---------------------------------------------------

fam("django-form-errors-icelandic", "https://docs.djangoproject.com/en/5.1/topics/i18n/", [
    """AssertionError: {'password': ['Þetta svið er nauðsynlegt.'], 'phone': ['Sláðu inn gilt gildi.']} != {}
  POST /is/innskraning/ {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_AR_BA}}'}
----------------------------------------------------------------------
Ran 14 tests in 0.412s
FAILED (failures=1)""",
], ["AssertionError: {'password': ['Þetta svið er nauðsynlegt.'], 'phone': ['Sláðu inn gilt gildi.']} != {}"], marker=["['Þetta svið er nauðsynlegt.']"])

fam("rails-record-invalid-estonian", "https://guides.rubyonrails.org/i18n.html", [
    """ActiveRecord::RecordInvalid: Valideerimine ebaõnnestus: E-post on juba võetud, Telefon ei ole korrektne
  params: {"user"=>{"email"=>"{{EMAIL}}", "password"=>"{{PASSWORD}}", "phone"=>"{{PHONE_FI_HELSINKI}}"}}
  # ./spec/requests/registrations_spec.rb:22:in `block (2 levels) in <top (required)>'
Finished in 1.41 seconds (files took 2.8 seconds to load)""",
], ["Finished in 1.41 seconds (files took 2.8 seconds to load)"], marker=["Valideerimine ebaõnnestus: E-post on juba võetud"])

fam("laravel-validation-latvian", "https://laravel.com/docs/11.x/localization", [
    """Illuminate\\Validation\\ValidationException: Lauks parole ir obligāts. (and 1 more error)
  errors: {"password":["Lauks parole ir obligāts."],"phone":["Lauka tālrunis formāts nav derīgs."]}
  request: {"email":"{{EMAIL}}","api_token":"{{ALNUM24}}","phone":"{{PHONE_SE_STOCKHOLM}}"}
Tests:    1 failed, 41 passed (112 assertions)""",
], ["Tests:    1 failed, 41 passed (112 assertions)"], marker=["Lauks parole ir obligāts."])

fam("hibernate-validator-lithuanian", "https://docs.jboss.org/hibernate/stable/validator/reference/en-US/html_single/#section-message-interpolation", [
    """jakarta.validation.ConstraintViolationException: createCustomer.arg0.phone: turi atitikti šabloną "^\\+[1-9]\\d{1,14}$$", createCustomer.arg0.password: negali būti tuščias
  arg0 = CustomerDto[email={{EMAIL}}, phone={{PHONE_NO_OSLO}}, apiKey={{API_KEY}}]
[ERROR] CustomerControllerIT.rejectsBadPhone:61 expected: <400> but was: <500>""",
], ["[ERROR] CustomerControllerIT.rejectsBadPhone:61 expected: <400> but was: <500>"], marker=["negali būti tuščias"])

fam("postgres-fatal-slovenian", "https://www.postgresql.org/docs/current/nls.html", [
    """psql: napaka: povezava s strežnikom na "${dbhost}" (${privip}), vrata ${pgport} ni uspela: FATAL:  avtentikacija z geslom za uporabnika "${dbuser}" ni uspela
+ PGPASSWORD='{{PASSWORD}}' psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c 'SELECT 1'
  kontakt skrbnika: {{PHONE_CZ_PRAGUE}}
Error: Process completed with exit code 2.""",
], [], marker=["avtentikacija z geslom za uporabnika"])

fam("django-form-errors-esperanto", "https://docs.djangoproject.com/en/5.1/topics/i18n/", [
    """AssertionError: {'password': ['Ĉi tiu kampo estas deviga.'], 'phone': ['Enigu validan valoron.']} != {}
  POST /eo/ensaluti/ {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_KE_NAIROBI}}'}
----------------------------------------------------------------------
Ran 14 tests in 0.412s
FAILED (failures=1)""",
], ["AssertionError: {'password': ['Ĉi tiu kampo estas deviga.'], 'phone': ['Enigu validan valoron.']} != {}"], marker=["['Ĉi tiu kampo estas deviga.']"])

fam("django-form-errors-scottish-gaelic", "https://docs.djangoproject.com/en/5.1/topics/i18n/", [
    """AssertionError: {'password': ['Tha an raon seo riatanach.']} != {}
  POST /gd/clàraich-a-steach/ {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'fòn': '{{PHONE_GB_EDINBURGH}}'}
----------------------------------------------------------------------
Ran 14 tests in 0.412s
FAILED (failures=1)""",
], ["AssertionError: {'password': ['Tha an raon seo riatanach.']} != {}"], marker=["['Tha an raon seo riatanach.']"])

fam("symfony-validator-luxembourgish", "https://symfony.com/doc/current/validation/translations.html", [
    """Symfony\\Component\\Validator\\Exception\\ValidationFailedException: Object(App\\Dto\\Signup).password:
    Dëse Wäert däerf net eidel sinn. (code c1051bb4-d103-4f74-8988-acbcafc7fdc3)
  payload: {"email":"{{EMAIL}}","phone":"{{PHONE_BE_BRUSSELS}}","password":"","captchaToken":"{{HEX40}}"}
FAILURES!
Tests: 38, Assertions: 96, Failures: 1.""",
], ["Tests: 38, Assertions: 96, Failures: 1."], marker=["Dëse Wäert däerf net eidel sinn."])

fam("django-form-errors-odia", "https://docs.djangoproject.com/en/5.1/topics/i18n/", [
    """AssertionError: {'password': ['ଏହି କ୍ଷେତ୍ରଟି ଆବଶ୍ୟକ।']} != {}
  POST /or/login/ {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_BD_DHAKA}}'}
----------------------------------------------------------------------
Ran 14 tests in 0.412s
FAILED (failures=1)""",
], ["AssertionError: {'password': ['ଏହି କ୍ଷେତ୍ରଟି ଆବଶ୍ୟକ।']} != {}"], marker=["ଏହି କ୍ଷେତ୍ରଟି ଆବଶ୍ୟକ"])

fam("django-form-errors-kyrgyz", "https://docs.djangoproject.com/en/5.1/topics/i18n/", [
    """AssertionError: {'password': ['Бул талаа милдеттүү.']} != {}
  POST /ky/kirüü/ {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_JP_OSAKA}}'}
----------------------------------------------------------------------
Ran 14 tests in 0.412s
FAILED (failures=1)""",
], ["AssertionError: {'password': ['Бул талаа милдеттүү.']} != {}"], marker=["Бул талаа милдеттүү"])

fam("laravel-validation-persian", "https://laravel.com/docs/11.x/localization", [
    """Illuminate\\Validation\\ValidationException: فیلد رمز عبور الزامی است.
  errors: {"password":["فیلد رمز عبور الزامی است."],"mobile":["فرمت شماره موبایل معتبر نیست."]}
  request: {"email":"{{EMAIL}}","api_token":"{{ALNUM24}}","mobile":"{{PHONE_AE_DUBAI}}"}
Tests:    1 failed, 41 passed (112 assertions)""",
], ["Tests:    1 failed, 41 passed (112 assertions)"], marker=["فیلد رمز عبور الزامی است"])

fam("django-form-errors-nepali", "https://docs.djangoproject.com/en/5.1/topics/i18n/", [
    """AssertionError: {'password': ['यो फिल्ड आवश्यक छ ।']} != {}
  POST /ne/login/ {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_US_CHICAGO}}'}
----------------------------------------------------------------------
Ran 14 tests in 0.412s
FAILED (failures=1)""",
], ["AssertionError: {'password': ['यो फिल्ड आवश्यक छ ।']} != {}"], marker=["यो फिल्ड आवश्यक छ"])

# --- more ORMs, drivers and clients on error (written after the marker check dropped eighteen families) -------------------

fam("knex-migration-failed-insert", "https://knexjs.org/guide/migrations.html", [
    """migration file "20241107102231_seed_api_clients.js" failed
migration failed with error: insert into "api_clients" ("client_id", "client_secret") values ($$1, $$2) - duplicate key value violates unique constraint "api_clients_client_id_unique"
  bindings: [ 'orders-batch', '{{OKTA_CLIENT_SECRET}}' ]
error: duplicate key value violates unique constraint "api_clients_client_id_unique\"""",
], [], marker=["migration failed with error: insert into \"api_clients\""])

fam("typeorm-query-failed-parameters", "https://typeorm.io/logging", [
    """query failed: INSERT INTO "integration"("provider", "accessToken", "ownerEmail") VALUES ($$1, $$2, $$3) RETURNING "id" -- PARAMETERS: ["github","{{GHO}}","{{EMAIL}}"]
error: error: duplicate key value violates unique constraint "UQ_integration_provider_owner"
QueryFailedError: duplicate key value violates unique constraint "UQ_integration_provider_owner\"""",
], [], marker=["RETURNING \"id\" -- PARAMETERS: [\"github\",\""])

fam("mongoose-e11000-dup-key", "https://mongoosejs.com/docs/validation.html", [
    """MongoServerError: E11000 duplicate key error collection: ${db}.apikeys index: key_1 dup key: { key: "{{API_KEY}}" }
    at InsertOneOperation.execute (/app/node_modules/mongodb/lib/operations/insert.js:51:19) {
  index: 0,
  code: 11000,
  keyPattern: { key: 1 },
  keyValue: { key: '{{API_KEY}}' }
}""",
], ["keyPattern: { key: 1 },"], marker=["apikeys index: key_1 dup key: { key: \""])

fam("ioredis-unhandled-wrongpass", "https://github.com/redis/ioredis#connect-to-redis", [
    """[ioredis] Unhandled error event: ReplyError: WRONGPASS invalid username-password pair or user is disabled.
    at parseError (/app/node_modules/redis-parser/lib/parser.js:179:12)
  new Redis({ host: '${redishost}', port: 6379, username: 'default', password: '{{PASSWORD}}', tls: {} })
[ioredis] Unhandled error event: ReplyError: WRONGPASS invalid username-password pair or user is disabled.""",
], ["[ioredis] Unhandled error event: ReplyError: WRONGPASS invalid username-password pair or user is disabled."],
    marker=["  new Redis({ host: '"])

fam("spring-boot-bind-failure-origin", "https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties", [
    """***************************
APPLICATION FAILED TO START
***************************

Description:

Failed to bind properties under 'payments.stripe.webhook-secret' to java.time.Duration:

    Property: payments.stripe.webhook-secret
    Value: "{{WHSEC}}"
    Origin: System Environment Property "PAYMENTS_STRIPE_WEBHOOKSECRET"
    Reason: failed to convert java.lang.String to java.time.Duration

Action:

Update your application's configuration""",
], ["Update your application's configuration"], marker=["Failed to bind properties under 'payments.stripe.webhook-secret'"])

fam("oban-job-error-args", "https://hexdocs.pm/oban/Oban.Telemetry.html", [
    """[error] [Oban] job failed: {"args":{"webhook_url":"https://hooks.slack.com/services/{{SLACK_HOOK_PATH}}","api_key":"{{API_KEY}}"},"attempt":3,"max_attempts":20,"queue":"${queue23}","worker":"MyApp.Workers.Notify","event":"job:exception","error":"** (RuntimeError) unexpected status 401"}
  1) test perform/1 notifies Slack (MyApp.Workers.NotifyTest)""",
], [], marker=["[error] [Oban] job failed: {\"args\":{\"webhook_url\":\""])

fam("dapper-sqlclient-connection-string", "https://learn.microsoft.com/en-us/dotnet/api/microsoft.data.sqlclient.sqlconnection.connectionstring", [
    """Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'orders_app'.
   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
  ConnectionStrings__Orders = Server=tcp:${sqlsrvhost},1433;Initial Catalog=${db};User ID=orders_app;Password={{PASSWORD}};Encrypt=True;TrustServerCertificate=False
ClientConnectionId:${uuid}
Error Number:18456,State:1,Class:14""",
], ["Error Number:18456,State:1,Class:14"], marker=["  ConnectionStrings__Orders = Server=tcp:"])
