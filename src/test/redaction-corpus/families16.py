# The sixteenth collection (session 20, corpus16): the clean measure of this stop, written blind (no rule writer reads
# it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to fifteenth, its families come
# from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, here those the fifteen
# collections touch least: structured loggers (winston's exception handler, bunyan, NLog, log4j2's JsonLayout and
# EcsLayout, zap, slog, Serilog's JsonFormatter, Monolog's JsonFormatter, Fastify's pino, Rails' tagged logger,
# structlog, logrus), test runners (Cucumber-JVM, pytest-xdist, Minitest, Karma, Jasmine, Robot Framework, Behave,
# Spock, Mocha, Jest, GoogleTest's gMock, PHPUnit, WebdriverIO), HTTP clients and servers (Retrofit, HAProxy, Envoy,
# axios, got, undici, Faraday, Guzzle, Nginx), data (SQLAlchemy, the Kafka Java client, boto3 and the AWS SDK v3 on
# DynamoDB, Firestore, Supabase, Dapper, StackExchange.Redis, Jedis, kafka-python, Sarama, Hibernate, Sequelize,
# PyMongo), auth and SaaS SDKs (Auth0, mailgun.js, Shopify's API libraries, jsforce, Okta's auth-js, Keycloak, the
# Firebase Admin SDK, Twilio's Java SDK) and output those tools localise (PostgreSQL in German, French, Japanese and
# Polish, SQL Server in German and Spanish, .NET in Dutch, Hibernate Validator in German, Symfony in French, Laravel in
# Spanish, Django in Italian, Rails in Japanese), each in a MESSAGE SHAPE none of the fifteen collections has (checked by
# a script that looks for a fixed part of each shape, the `marker` below, in every failure-output*.jsonl, corpus.jsonl
# and outside-mainstream-2.txt and -3.txt, case-insensitively and JSON-escaped; candidates found there were dropped
# before writing). Secrets are planted where those tools print them: DSNs and connection strings (host, port, database
# and user kept), headers, command lines, env and config dumps, SDK debug output, cookies, JSON log fields. Personal
# data of countries and territories none of the fifteen has (Kiribati, the Marshall Islands, Micronesia, Palau, Nauru,
# Antigua, Dominica, Saint Kitts, Saint Vincent, Aruba, Curaçao, Bermuda, the Cayman Islands, Gibraltar, the Isle of
# Man, Jersey, New Caledonia, French Polynesia, Réunion: phones as they write them) and tax and business numbers no
# collection has (Germany's USt-IdNr, Romania's CUI, the United Kingdom's VAT number, the Netherlands' btw-id,
# Guatemala's NIT) with VALID check digits (SixteenthIds.java). Each family names the public page its shape was learnt
# from; nothing was copied and every value is invented. Same template language as the earlier collections. Split like
# the sixth to fifteenth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed before any rule
# ran, not redrawn.

from families15 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "nodeapp": ["orders-api", "checkout-bff", "billing-worker"],
    "nodehostname": ["orders-api-7d9f8c6b5-x2k4q", "ip-10-0-3-41", "web-02.acme.net"],
    "nlogger": ["Orders.Api.Controllers.CheckoutController", "Billing.Worker.InvoiceJob", "Crm.Web.Services.ContactSync"],
    "gocaller": ["server/charge.go:88", "internal/db/open.go:41", "cmd/api/main.go:127"],
    "gofunc": ["main.(*Server).handleCharge", "github.com/acme/orders/internal/db.Open", "main.run"],
    "serilogsrc": ["Orders.Api.Services.PaymentService", "Billing.Worker.Jobs.InvoiceSender", "Crm.Web.Middleware.AuthHandler"],
    "monochannel": ["app", "security", "payment"],
    "fastifyroute": ["/v1/customers", "/v1/checkout/confirm", "/v1/sessions"],
    "railsctrl16": ["Api::V1::CustomersController#create", "SessionsController#create", "Checkout::PaymentsController#create"],
    "railspath": ["/api/v1/customers", "/session", "/checkout/payments"],
    "pymod": ["orders.api.views", "billing.tasks", "crm.sync.worker"],
    "cucscenario": ["Customer updates the phone number", "Guest pays with a saved card", "Admin exports the contact list"],
    "pytestnode": ["tests/api/test_customers.py::test_update_phone", "tests/test_billing.py::test_vat_number_saved", "tests/integration/test_login.py::test_refresh_token"],
    "rbclass": ["CustomerTest", "Api::SessionsTest", "InvoiceMailerTest"],
    "ngspec": ["ProfileComponent", "AuthService", "CheckoutFormComponent"],
    "groovyspec": ["CustomerServiceSpec", "PaymentGatewaySpec", "SignupFlowSpec"],
    "mochaspec": ["test/api/customers.spec.js", "test/services/billing.spec.js", "test/routes/session.spec.js"],
    "gtestname": ["CheckoutClientTest.SendsBearerToken", "ProfileStoreTest.SavesPhone", "BillingApiTest.RetriesOnTimeout"],
    "phpclass": ["Tests\\Unit\\CustomerPayloadTest", "Tests\\Feature\\WebhookTest", "Tests\\Unit\\InvoiceMapperTest"],
    "wdiospec16": ["/test/specs/login.e2e.js", "/test/specs/checkout.e2e.ts", "/test/specs/profile.e2e.js"],
    "androidcls": ["com.acme.shop.data.ApiRepository", "io.globex.wallet.net.PaymentsClient", "net.initech.portal.auth.SessionManager"],
    "haproxyfe": ["fe_https~", "www-in~", "api_frontend~"],
    "haproxybe": ["be_orders", "api_backend", "be_checkout"],
    "envoycluster": ["outbound|8080||orders.default.svc.cluster.local", "outbound|443||billing.prod.svc.cluster.local", "checkout_service"],
    "upstreamname": ["orders_backend", "checkout_upstream", "billing_pool"],
    "faradayhost": ["api.partner-pay.com", "sandbox.shipfast.io", "erp.globex.io"],
    "ddbtable": ["Orders", "CustomerSessions", "Invoices-e2e"],
    "fscoll": ["users", "orders", "profiles"],
    "supatable": ["profiles", "orders", "invoices"],
    "kafkaclientid": ["orders-producer-1", "billing-events-producer", "checkout-audit-producer"],
    "redisport": ["6379", "6380", "16379"],
    "hibentity": ["com.acme.orders.domain.Customer", "com.globex.billing.model.Invoice", "io.initech.crm.entity.Contact"],
    "seqmodel": ["Customer", "User", "Subscription"],
    "sfhost": ["acme.my.salesforce.com", "globex--uat.sandbox.my.salesforce.com", "initech.my.salesforce.com"],
    "shopdomain": ["acme-store.myshopify.com", "globex-eu.myshopify.com", "initech-dev.myshopify.com"],
    "mgdomain": ["mg.acme-corp.io", "mail.globex.com", "sandbox-initech.mailgun.org"],
    "auth0client": ["Orders SPA", "Checkout Mobile", "Admin Portal"],
    "fbapp": ["acme-shop-prod", "globex-mobile-dev", "initech-app-staging"],
    "pglocaldb": ["bestellungen", "commandes", "zamowienia"],
    "sqlsrvhost16": ["sql-01.corp.acme.net", "mssql.billing.svc.cluster.local", "crm-sql.globex.io"],
    "nlendpoint": ["https://api.acme-corp.io/v1/klanten", "https://billing.globex.com/api/facturen", "https://auth.initech.net/token"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- Structured loggers ------------------------------------------------------------------------------------------------

fam("winston-exception-handler-process-dump", "https://github.com/winstonjs/winston#handling-uncaught-exceptions-with-winston", [
    """{"date":"Sat Jun 01 2024 12:04:17 GMT+0000 (Coordinated Universal Time)","error":{"code":"ECONNREFUSED","errno":-111,"syscall":"connect","address":"${privip}","port":${pgport}},"exception":true,"level":"error","message":"uncaughtException: connect ECONNREFUSED ${privip}:${pgport}","os":{"loadavg":[1.42,0.97,0.61],"uptime":88214},"process":{"argv":["/usr/local/bin/node","/app/dist/server.js","--database-url=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}","--session-secret={{HEX64}}"],"cwd":"/app","execPath":"/usr/local/bin/node","gid":1000,"pid":${num},"uid":1000,"version":"${node}"},"trace":[{"column":16,"file":"node:net","function":"TCPConnectWrap.afterConnect [as oncomplete]","line":1595,"method":"afterConnect [as oncomplete]","native":false}]}""",
    """{"error":{},"exception":true,"level":"error","message":"unhandledRejection: Request failed with status code 401\\nError: Request failed with status code 401","process":{"argv":["/usr/local/bin/node","/app/node_modules/.bin/jest","--ci","--runInBand"],"cwd":"/app","env_hint":"STRIPE_SECRET_KEY={{STRIPE_SK}}","pid":${num},"version":"${node}"},"stack":"Error: Request failed with status code 401\\n    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)","customer":{"email":"{{EMAIL}}","phone":"{{PHONE_KI}}"}}""",
], ["\"exception\":true,\"level\":\"error\"", "uncaughtException: connect ECONNREFUSED ${privip}:${pgport}", "\"address\":\"${privip}\",\"port\":${pgport}", "\"/usr/local/bin/node\",\"/app/dist/server.js\"", "@${dbhost}:${pgport}/${db}", "\"execPath\":\"/usr/local/bin/node\"", "\"version\":\"${node}\"", "TCPConnectWrap.afterConnect [as oncomplete]", "unhandledRejection: Request failed with status code 401", "\"/app/node_modules/.bin/jest\",\"--ci\",\"--runInBand\"", "(/app/node_modules/axios/lib/core/settle.js:19:12)"],
    marker="\"exception\":true")

fam("bunyan-json-record", "https://github.com/trentm/node-bunyan#core-fields; https://github.com/trentm/node-bunyan#log-record-fields", [
    """{"name":"${nodeapp}","hostname":"${nodehostname}","pid":${num},"req_id":"${uuid}","level":50,"err":{"message":"password authentication failed for user \\"${dbuser}\\"","name":"error","stack":"error: password authentication failed for user \\"${dbuser}\\"\\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)","code":"28P01"},"connectionString":"postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require","msg":"pool connect failed","time":"2024-06-01T12:04:17.311Z","v":0}""",
    """{"name":"${nodeapp}","hostname":"${nodehostname}","pid":${num},"component":"http","level":40,"req":{"method":"POST","url":"${apipath}","headers":{"host":"${apihost}","authorization":"Bearer {{JWT}}","cookie":"sid={{CONNECT_SID}}","x-forwarded-for":"${privip}"},"remoteAddress":"${privip}","remotePort":51622},"body":{"phone":"{{PHONE_MH}}","vatNumber":"{{USTID_DE}}"},"msg":"slow request (2314 ms)","time":"2024-06-01T12:05:02.004Z","v":0}""",
], ["\"name\":\"${nodeapp}\",\"hostname\":\"${nodehostname}\"", "\"req_id\":\"${uuid}\",\"level\":50", "password authentication failed for user \\\"${dbuser}\\\"", "(/app/node_modules/pg-protocol/dist/parser.js:287:98)", "\"code\":\"28P01\"", "@${dbhost}:${pgport}/${db}?sslmode=require", "\"msg\":\"pool connect failed\"", "\"time\":\"2024-06-01T12:04:17.311Z\",\"v\":0}", "\"component\":\"http\",\"level\":40", "\"method\":\"POST\",\"url\":\"${apipath}\"", "\"host\":\"${apihost}\"", "\"remoteAddress\":\"${privip}\",\"remotePort\":51622", "\"msg\":\"slow request (2314 ms)\""],
    marker="\"v\":0}")

fam("nlog-pipe-layout", "https://github.com/NLog/NLog/wiki/Layout-Renderers; https://github.com/NLog/NLog/wiki/Tutorial#configure-nlog-targets-for-output", [
    """2024-06-01 12:04:17.3112|ERROR|${nlogger}|Failed to open connection to Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}};Encrypt=True;TrustServerCertificate=False System.Data.SqlClient.SqlException (0x80131904): Login failed for user '${dbuser}'.
   at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions)
2024-06-01 12:04:17.3350|INFO|${nlogger}|Retrying in 5000 ms (attempt 2 of 5)""",
    """2024-06-01 12:05:44.0917|WARN|${nlogger}|Webhook rejected: POST https://${apihost}${apipath} X-Api-Key={{API_KEY}} payload={"customer":"{{EMAIL}}","phone":"{{PHONE_FM}}","vat":"{{VAT_GB}}"} status=401
2024-06-01 12:05:44.0921|ERROR|${nlogger}|Unhandled exception System.Net.Http.HttpRequestException: 401 (Unauthorized)""",
], ["|ERROR|${nlogger}|Failed to open connection to Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};", "Encrypt=True;TrustServerCertificate=False", "System.Data.SqlClient.SqlException (0x80131904): Login failed for user '${dbuser}'.", "at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions)", "|INFO|${nlogger}|Retrying in 5000 ms (attempt 2 of 5)", "|WARN|${nlogger}|Webhook rejected: POST https://${apihost}${apipath}", "status=401", "Unhandled exception System.Net.Http.HttpRequestException: 401 (Unauthorized)"],
    marker="|ERROR|")

fam("log4j2-jsonlayout-compact", "https://logging.apache.org/log4j/2.x/manual/json-template-layout.html; https://logging.apache.org/log4j/2.x/manual/layouts.html#JSONLayout", [
    """{"instant":{"epochSecond":1717243457,"nanoOfSecond":311000000},"thread":"main","level":"ERROR","loggerName":"${logger}","message":"Could not connect to jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}&ssl=true","thrown":{"commonElementCount":0,"localizedMessage":"FATAL: password authentication failed for user \\"${dbuser}\\"","name":"org.postgresql.util.PSQLException"},"endOfBatch":false,"loggerFqcn":"org.apache.logging.slf4j.Log4jLogger","threadId":1,"threadPriority":5}""",
    """{"instant":{"epochSecond":1717243502,"nanoOfSecond":4000000},"thread":"http-nio-8080-exec-3","level":"WARN","loggerName":"${logger}","message":"Payout refused for IBAN {{IBAN}} (account holder phone {{PHONE_PW}}, VAT {{BTW_NL}}); gateway said 402","endOfBatch":false,"loggerFqcn":"org.apache.logging.slf4j.Log4jLogger","contextMap":{"traceId":"${tracehex}","authorization":"Basic {{BASIC_CRED}}"},"threadId":41,"threadPriority":5}""",
], ["\"thread\":\"main\",\"level\":\"ERROR\",\"loggerName\":\"${logger}\"", "Could not connect to jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&", "&ssl=true", "FATAL: password authentication failed for user \\\"${dbuser}\\\"", "\"name\":\"org.postgresql.util.PSQLException\"", "\"endOfBatch\":false,\"loggerFqcn\":\"org.apache.logging.slf4j.Log4jLogger\"", "\"threadId\":1,\"threadPriority\":5", "\"thread\":\"http-nio-8080-exec-3\",\"level\":\"WARN\"", "gateway said 402", "\"traceId\":\"${tracehex}\"", "\"threadId\":41"],
    marker="\"loggerFqcn\"")

fam("log4j2-ecs-layout", "https://www.elastic.co/guide/en/ecs-logging/java/current/setup.html; https://logging.apache.org/log4j/2.x/manual/json-template-layout.html#event-templates", [
    """{"@timestamp":"2024-06-01T12:04:17.311Z","ecs.version":"1.2.0","log.level":"ERROR","message":"Kafka producer could not authenticate: sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"{{CONFLUENT_KEY}}\\" password=\\"{{CONFLUENT_SECRET}}\\";","process.thread.name":"kafka-producer-network-thread | ${kafkaclientid}","log.logger":"${logger}","service.name":"${nodeapp}","error.type":"org.apache.kafka.common.errors.SaslAuthenticationException","error.message":"Authentication failed during authentication due to invalid credentials with SASL mechanism PLAIN"}""",
    """{"@timestamp":"2024-06-01T12:05:02.004Z","ecs.version":"1.2.0","log.level":"WARN","message":"Customer import row 17 rejected: email={{EMAIL}} phone={{PHONE_NR}} company VAT={{CUI_RO}}","process.thread.name":"import-worker-2","log.logger":"${logger}","service.name":"${nodeapp}","trace.id":"${tracehex}","labels.api_key":"{{API_KEY}}"}""",
], ["\"ecs.version\":\"1.2.0\",\"log.level\":\"ERROR\"", "Kafka producer could not authenticate: sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required", "\"process.thread.name\":\"kafka-producer-network-thread | ${kafkaclientid}\"", "\"log.logger\":\"${logger}\"", "\"service.name\":\"${nodeapp}\"", "\"error.type\":\"org.apache.kafka.common.errors.SaslAuthenticationException\"", "Authentication failed during authentication due to invalid credentials with SASL mechanism PLAIN", "\"ecs.version\":\"1.2.0\",\"log.level\":\"WARN\"", "Customer import row 17 rejected:", "\"process.thread.name\":\"import-worker-2\"", "\"trace.id\":\"${tracehex}\""],
    marker="\"ecs.version\"")

fam("zap-production-error-verbose", "https://pkg.go.dev/go.uber.org/zap#NewProduction; https://github.com/uber-go/zap/blob/master/FAQ.md", [
    """{"level":"error","ts":1717243457.311,"caller":"${gocaller}","msg":"open database","dsn":"postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=disable","error":"failed to connect to `host=${dbhost} user=${dbuser} database=${db}`: server error (FATAL: password authentication failed for user \\"${dbuser}\\" (SQLSTATE 28P01))","errorVerbose":"failed to connect\\ngithub.com/jackc/pgx/v5/pgconn.connect\\n\\t/go/pkg/mod/github.com/jackc/pgx/v5@v5.5.5/pgconn/pgconn.go:357","stacktrace":"${gofunc}\\n\\t/src/${gocaller}"}""",
    """{"level":"warn","ts":1717243502.004,"caller":"${gocaller}","msg":"upstream rejected token","url":"https://${apihost}${apipath}","header.Authorization":"Bearer {{JWT}}","customer.phone":"{{PHONE_AG}}","error":"401 Unauthorized","errorVerbose":"401 Unauthorized\\nmain.callUpstream\\n\\t/src/${gocaller}"}""",
], ["{\"level\":\"error\",\"ts\":1717243457.311,\"caller\":\"${gocaller}\",\"msg\":\"open database\"", "@${dbhost}:${pgport}/${db}?sslmode=disable", "failed to connect to `host=${dbhost} user=${dbuser} database=${db}`", "(SQLSTATE 28P01)", "github.com/jackc/pgx/v5/pgconn.connect", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.5.5/pgconn/pgconn.go:357", "\"stacktrace\":\"${gofunc}", "\"msg\":\"upstream rejected token\",\"url\":\"https://${apihost}${apipath}\"", "\"error\":\"401 Unauthorized\"", "main.callUpstream"],
    marker="\"errorVerbose\"")

fam("slog-json-handler-add-source", "https://pkg.go.dev/log/slog#HandlerOptions; https://go.dev/blog/slog", [
    """{"time":"2024-06-01T12:04:17.311Z","level":"ERROR","source":{"function":"${gofunc}","file":"/src/${gocaller}","line":${line}},"msg":"redis dial failed","addr":"${redishost}:6379","url":"redis://default:{{PASSWORD}}@${redishost}:6379/0","err":"WRONGPASS invalid username-password pair"}""",
    """{"time":"2024-06-01T12:05:02.004Z","level":"WARN","source":{"function":"${gofunc}","file":"/src/${gocaller}","line":${line}},"msg":"signup rejected","request":{"method":"POST","path":"${apipath}","header":{"X-Api-Key":"{{API_KEY}}"}},"user":{"email":"{{EMAIL}}","phone":"{{PHONE_DM}}"}}""",
], ["\"level\":\"ERROR\",\"source\":{\"function\":\"${gofunc}\",\"file\":\"/src/${gocaller}\"", "\"msg\":\"redis dial failed\",\"addr\":\"${redishost}:6379\"", "@${redishost}:6379/0", "\"level\":\"WARN\",\"source\":{\"function\":\"${gofunc}\"", "\"msg\":\"signup rejected\"", "\"method\":\"POST\",\"path\":\"${apipath}\"", "\"err\":\"WRONGPASS invalid username-password pair\"", "\"header\":{\"X-Api-Key\":", "\"user\":{\"email\":"],
    marker="\"source\":{\"function\":")

fam("serilog-json-formatter-rendered", "https://github.com/serilog/serilog/wiki/Formatting-Output#formatting-json; https://github.com/serilog/serilog-formatting-compact", [
    """{"Timestamp":"2024-06-01T12:04:17.3112000+00:00","Level":"Error","MessageTemplate":"Charge failed for {CustomerEmail} with card {CardNumber}","RenderedMessage":"Charge failed for \\"{{EMAIL}}\\" with card \\"{{CARD}}\\"","Exception":"Stripe.StripeException: Invalid API Key provided: sk_live_****","Properties":{"CustomerEmail":"{{EMAIL}}","CardNumber":"{{CARD}}","StripeKey":"{{STRIPE_SK}}","SourceContext":"${serilogsrc}","RequestId":"${reqid}","RequestPath":"${apipath}"}}""",
    """{"Timestamp":"2024-06-01T12:05:02.0040000+00:00","Level":"Warning","MessageTemplate":"Seq sink could not post batch to {ServerUrl}","RenderedMessage":"Seq sink could not post batch to \\"https://seq.${mailhost}\\"","Properties":{"ServerUrl":"https://seq.${mailhost}","ApiKey":"{{SEQ_API_KEY}}","ConnectionString":"Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}","SourceContext":"${serilogsrc}","ContactPhone":"{{PHONE_KN}}"}}""",
], ["\"Level\":\"Error\",\"MessageTemplate\":\"Charge failed for {CustomerEmail} with card {CardNumber}\"", "\"SourceContext\":\"${serilogsrc}\"", "\"RequestId\":\"${reqid}\",\"RequestPath\":\"${apipath}\"", "\"Level\":\"Warning\",\"MessageTemplate\":\"Seq sink could not post batch to {ServerUrl}\"", "\"ServerUrl\":\"https://seq.${mailhost}\"", "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};"],
    marker="\"MessageTemplate\":")

fam("monolog-json-formatter", "https://github.com/Seldaek/monolog/blob/main/doc/02-handlers-formatters-processors.md#formatters; https://symfony.com/doc/current/logging.html", [
    """{"message":"Uncaught exception while calling the payment gateway","context":{"exception":{"class":"GuzzleHttp\\\\Exception\\\\ClientException","message":"401 Unauthorized","code":401,"file":"/var/www/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113"},"request":{"uri":"https://${apihost}${apipath}","headers":{"Authorization":["Bearer {{JWT}}"]}}},"level":400,"level_name":"ERROR","channel":"${monochannel}","datetime":"2024-06-01T12:04:17.311205+00:00","extra":{"uid":"${hex7}"}}""",
    """{"message":"Customer profile sync rejected","context":{"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_VC}}","vat_number":"{{VAT_GB}}"},"dsn":"mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}"},"level":300,"level_name":"WARNING","channel":"${monochannel}","datetime":"2024-06-01T12:05:02.004118+00:00","extra":{}}""",
], ["\"message\":\"Uncaught exception while calling the payment gateway\"", "\"message\":\"401 Unauthorized\",\"code\":401", "/var/www/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113", "\"uri\":\"https://${apihost}${apipath}\"", "\"level\":400,\"level_name\":\"ERROR\",\"channel\":\"${monochannel}\"", "\"datetime\":\"2024-06-01T12:04:17.311205+00:00\"", "\"message\":\"Customer profile sync rejected\"", "@${dbhost}:${myport}/${db}", "\"level\":300,\"level_name\":\"WARNING\",\"channel\":\"${monochannel}\""],
    marker="\"level_name\"")

fam("fastify-pino-incoming-request", "https://fastify.dev/docs/latest/Reference/Logging/; https://github.com/pinojs/pino/blob/main/docs/api.md#serializers", [
    """{"level":30,"time":1717243457311,"pid":${num},"hostname":"${nodehostname}","reqId":"req-1k","req":{"method":"POST","url":"${fastifyroute}?api_key={{API_KEY}}","hostname":"${apihost}","remoteAddress":"${privip}","remotePort":52144},"msg":"incoming request"}
{"level":50,"time":1717243457340,"pid":${num},"hostname":"${nodehostname}","reqId":"req-1k","err":{"type":"Error","message":"getaddrinfo ENOTFOUND ${dbhost}","stack":"Error: getaddrinfo ENOTFOUND ${dbhost}"},"config":{"connectionString":"postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"},"msg":"request failed"}""",
    """{"level":30,"time":1717243502004,"pid":${num},"hostname":"${nodehostname}","reqId":"req-2a","req":{"method":"PATCH","url":"${fastifyroute}","hostname":"${apihost}","remoteAddress":"${privip}","remotePort":49980},"msg":"incoming request"}
{"level":40,"time":1717243502019,"pid":${num},"hostname":"${nodehostname}","reqId":"req-2a","res":{"statusCode":422},"body":{"phone":"{{PHONE_AW}}","email":"{{EMAIL}}","cookie":"session={{JWT}}"},"responseTime":15.2,"msg":"request completed"}""",
], ["\"hostname\":\"${nodehostname}\",\"reqId\":\"req-1k\"", "\"hostname\":\"${apihost}\",\"remoteAddress\":\"${privip}\",\"remotePort\":52144", "\"msg\":\"incoming request\"", "\"message\":\"getaddrinfo ENOTFOUND ${dbhost}\"", "@${dbhost}:${pgport}/${db}", "\"msg\":\"request failed\"", "\"method\":\"PATCH\",\"url\":\"${fastifyroute}\"", "\"res\":{\"statusCode\":422}", "\"responseTime\":15.2,\"msg\":\"request completed\""],
    marker="\"msg\":\"incoming request\"")

fam("rails-tagged-logger-started-post", "https://guides.rubyonrails.org/debugging_rails_applications.html#tagged-logging; https://api.rubyonrails.org/classes/ActiveSupport/TaggedLogging.html", [
    """[${uuid}] Started POST "${railspath}" for ${privip} at 2024-06-01 12:04:17 +0000
[${uuid}] Processing ${railsctrl16} as JSON
[${uuid}]   Parameters: {"customer"=>{"email"=>"{{EMAIL}}", "phone"=>"{{PHONE_CW}}", "api_token"=>"{{HEX40}}", "password"=>"[FILTERED]"}}
[${uuid}] Completed 422 Unprocessable Entity in 38ms (ActiveRecord: 4.1ms | Allocations: 8812)""",
    """[${uuid}] [${nodehostname}] Started POST "${railspath}" for ${privip} at 2024-06-01 12:05:02 +0000
[${uuid}] [${nodehostname}]   Parameters: {"payment"=>{"card_number"=>"{{CARD}}", "vat_id"=>"{{USTID_DE}}"}, "stripe_key"=>"{{STRIPE_SK}}"}
[${uuid}] [${nodehostname}] Completed 500 Internal Server Error in 212ms (ActiveRecord: 9.8ms | Allocations: 20117)
[${uuid}] [${nodehostname}] Stripe::AuthenticationError (Invalid API Key provided)""",
], ["[${uuid}] Started POST \"${railspath}\" for ${privip} at 2024-06-01 12:04:17 +0000", "[${uuid}] Processing ${railsctrl16} as JSON", "\"password\"=>\"[FILTERED]\"", "Completed 422 Unprocessable Entity in 38ms (ActiveRecord: 4.1ms | Allocations: 8812)", "[${uuid}] [${nodehostname}] Started POST \"${railspath}\" for ${privip} at 2024-06-01 12:05:02 +0000", "Completed 500 Internal Server Error in 212ms (ActiveRecord: 9.8ms | Allocations: 20117)", "Stripe::AuthenticationError (Invalid API Key provided)"],
    marker="] Started POST \"")

fam("structlog-json-renderer", "https://www.structlog.org/en/stable/api.html#structlog.processors.JSONRenderer; https://www.structlog.org/en/stable/logging-best-practices.html", [
    """{"event": "celery task failed", "task": "${pymod}.sync_customer", "broker_url": "amqp://${dbuser}:{{PASSWORD}}@${amqphost}:5672/${vhost}", "exc_info": "kombu.exceptions.OperationalError: [Errno 111] Connection refused", "level": "error", "logger": "${pymod}", "timestamp": "2024-06-01T12:04:17.311205Z"}""",
    """{"event": "payment webhook rejected", "customer_email": "{{EMAIL}}", "customer_phone": "{{PHONE_BM}}", "stripe_signature": "t=1717243502,v1={{HEX64}}", "webhook_secret": "{{WHSEC}}", "level": "warning", "logger": "${pymod}", "timestamp": "2024-06-01T12:05:02.004118Z"}""",
], ["{\"event\": \"celery task failed\", \"task\": \"${pymod}.sync_customer\"", "@${amqphost}:5672/${vhost}", "\"exc_info\": \"kombu.exceptions.OperationalError: [Errno 111] Connection refused\"", "\"level\": \"error\", \"logger\": \"${pymod}\"", "\"timestamp\": \"2024-06-01T12:04:17.311205Z\"", "{\"event\": \"payment webhook rejected\"", "\"level\": \"warning\", \"logger\": \"${pymod}\"", "\"broker_url\": \"amqp://", "\"customer_email\":", "\"stripe_signature\": \"t=1717243502,v1=", "\"webhook_secret\":"],
    marker="{\"event\": \"")

fam("logrus-json-formatter", "https://github.com/sirupsen/logrus#formatters; https://pkg.go.dev/github.com/sirupsen/logrus#JSONFormatter", [
    """{"dsn":"mongodb+srv://${mongouser}:{{PASSWORD}}@${mongohost}/${db}?retryWrites=true\\u0026w=majority","error":"connection() error occurred during connection handshake: auth error: sasl conversation error: unable to authenticate using mechanism \\"SCRAM-SHA-256\\"","level":"error","msg":"mongo connect failed","time":"2024-06-01T12:04:17Z"}""",
    """{"customer_phone":"{{PHONE_KY}}","email":"{{EMAIL}}","headers":"map[Authorization:[Bearer {{JWT}}] X-Request-Id:[${reqid}]]","level":"error","msg":"checkout call failed","status":502,"time":"2024-06-01T12:05:02Z","url":"https://${apihost}${apipath}"}""",
], ["@${mongohost}/${db}?retryWrites=true\\u0026w=majority", "connection() error occurred during connection handshake: auth error: sasl conversation error: unable to authenticate using mechanism", "\"level\":\"error\",\"msg\":\"mongo connect failed\",\"time\":\"2024-06-01T12:04:17Z\"", "X-Request-Id:[${reqid}]", "\"level\":\"error\",\"msg\":\"checkout call failed\",\"status\":502", "\"url\":\"https://${apihost}${apipath}\"", "\"error\":\"connection() error occurred during connection handshake", "\"customer_phone\":", "\"headers\":\"map[Authorization:[Bearer"],
    marker="\"level\":\"error\",\"msg\":\"")


# --- Test runners and reporters ----------------------------------------------------------------------------------------

fam("cucumber-jvm-failed-scenarios", "https://cucumber.io/docs/cucumber/reporting/; https://github.com/cucumber/cucumber-jvm/tree/main/cucumber-core", [
    """Scenario: ${cucscenario}                 # ${cucfeature}:12
  Given a customer with phone "{{PHONE_GI}}"        # com.acme.steps.CustomerSteps.aCustomerWithPhone(java.lang.String)
  When they sign in with "{{EMAIL}}" and "{{PASSWORD}}"  # com.acme.steps.LoginSteps.signIn(java.lang.String,java.lang.String)
      java.lang.AssertionError: expected status 200 but was 401
  Then the dashboard shows their name             # com.acme.steps.DashboardSteps.showsName()

Failed scenarios:
${cucfeature}:12 # ${cucscenario}

14 Scenarios (1 failed, 13 passed)
61 Steps (1 failed, 1 skipped, 59 passed)
0m9.412s""",
    """Scenario Outline: ${cucscenario}   # ${cucfeature}:27
  Given the API token "{{API_KEY}}"              # com.acme.steps.ApiSteps.theApiToken(java.lang.String)
  When I register VAT number "{{BTW_NL}}"        # com.acme.steps.CompanySteps.register(java.lang.String)
      io.restassured.internal.http.HttpResponseException: status code: 422, reason phrase: Unprocessable Entity

Failed scenarios:
${cucfeature}:27 # ${cucscenario}

3 Scenarios (1 failed, 2 passed)
11 Steps (1 failed, 2 skipped, 8 passed)""",
], ["Scenario: ${cucscenario}", "# ${cucfeature}:12", "# com.acme.steps.CustomerSteps.aCustomerWithPhone(java.lang.String)", "# com.acme.steps.LoginSteps.signIn(java.lang.String,java.lang.String)", "java.lang.AssertionError: expected status 200 but was 401", "Then the dashboard shows their name", "${cucfeature}:12 # ${cucscenario}", "14 Scenarios (1 failed, 13 passed)", "61 Steps (1 failed, 1 skipped, 59 passed)", "Scenario Outline: ${cucscenario}", "# com.acme.steps.ApiSteps.theApiToken(java.lang.String)", "io.restassured.internal.http.HttpResponseException: status code: 422, reason phrase: Unprocessable Entity", "${cucfeature}:27 # ${cucscenario}", "11 Steps (1 failed, 2 skipped, 8 passed)"],
    marker="Failed scenarios:")

fam("pytest-xdist-worker-failure", "https://pytest-xdist.readthedocs.io/en/stable/distribution.html; https://docs.pytest.org/en/stable/how-to/output.html", [
    """[gw1] [ 62%] FAILED ${pytestnode}
=================================== FAILURES ===================================
_____________________________ test_update_phone ______________________________
[gw1] linux -- Python 3.12.3 /builds/acme/orders/.venv/bin/python
    def test_update_phone(api_client):
>       assert resp.json()["phone"] == "{{PHONE_IM}}"
E       AssertionError: assert '{{PHONE_IM:2}}' == '{{PHONE_IM}}'
----------------------------- Captured log call ------------------------------
DEBUG    urllib3:connectionpool.py:546 PATCH https://${apihost}${apipath} headers={'Authorization': 'Token {{HEX40}}'}""",
    """[gw1] [ 87%] PASSED tests/test_health.py::test_ready
[gw3] [ 88%] FAILED ${pytestnode}
[gw3] linux -- Python 3.12.3 /builds/acme/orders/.venv/bin/python
E       sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
E       (Background on this error at: https://sqlalche.me/e/20/e3q8)
--------------------------- Captured stdout setup ----------------------------
DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
=========================== short test summary info ============================
FAILED ${pytestnode} - sqlalchemy.exc.OperationalError
========= 1 failed, 211 passed in 48.17s (4 workers) =========""",
], ["[gw1] [ 62%] FAILED ${pytestnode}", "[gw1] linux -- Python 3.12.3 /builds/acme/orders/.venv/bin/python", "def test_update_phone(api_client):", "Captured log call", "DEBUG    urllib3:connectionpool.py:546 PATCH https://${apihost}${apipath}", "[gw1] [ 87%] PASSED tests/test_health.py::test_ready", "[gw3] [ 88%] FAILED ${pytestnode}", "connection to server at \"${dbhost}\" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"", "(Background on this error at: https://sqlalche.me/e/20/e3q8)", "@${dbhost}:${pgport}/${db}", "FAILED ${pytestnode} - sqlalchemy.exc.OperationalError", "1 failed, 211 passed in 48.17s (4 workers)"],
    marker="[gw1]")

fam("minitest-assertion-failure", "https://docs.seattlerb.org/minitest/Minitest/Assertions.html; https://guides.rubyonrails.org/testing.html#the-rails-test-runner", [
    """Failure:
${rbclass}#test_stores_the_phone [test/models/customer_test.rb:${line}]
Minitest::Assertion: Expected: "{{PHONE_JE}}"
  Actual: "{{PHONE_JE:2}}"

bin/rails test test/models/customer_test.rb:${line}

Finished in 3.412019s, 41.3 runs/s, 88.1 assertions/s.
141 runs, 301 assertions, 1 failures, 0 errors, 0 skips""",
    """Failure:
${rbclass}#test_signs_in_with_token [test/controllers/api/sessions_test.rb:${line}]
Minitest::Assertion: Expected response to be a <2XX: success>, but was a <401: Unauthorized>
Response body: {"error":"invalid token","token":"{{JWT}}","email":"{{EMAIL}}"}

bin/rails test test/controllers/api/sessions_test.rb:${line}
ENV: DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}_test""",
], ["${rbclass}#test_stores_the_phone [test/models/customer_test.rb:${line}]", "bin/rails test test/models/customer_test.rb:${line}", "Finished in 3.412019s, 41.3 runs/s, 88.1 assertions/s.", "141 runs, 301 assertions, 1 failures, 0 errors, 0 skips", "${rbclass}#test_signs_in_with_token [test/controllers/api/sessions_test.rb:${line}]", "Minitest::Assertion: Expected response to be a <2XX: success>, but was a <401: Unauthorized>", "bin/rails test test/controllers/api/sessions_test.rb:${line}", "@${dbhost}:${pgport}/${db}_test"],
    marker="Minitest::Assertion")

fam("karma-progress-executed-failed", "https://karma-runner.github.io/6.4/config/configuration-file.html; https://angular.dev/guide/testing", [
    """Chrome 124.0.0.0 (Linux x86_64) ${ngspec} should send the bearer token FAILED
	Expected 'Bearer {{JWT}}' to equal 'Bearer {{JWT:2}}'.
	    at <Jasmine>
	    at UserContext.apply (src/app/core/auth.service.spec.ts:${line}:41)
Chrome 124.0.0.0 (Linux x86_64): Executed 12 of 40 (1 FAILED) (0 secs / 0.412 secs)
TOTAL: 1 FAILED, 39 SUCCESS""",
    """Chrome 124.0.0.0 (Linux x86_64) ${ngspec} should prefill the profile FAILED
	Error: Expected '{{PHONE_NC}}' to be '{{PHONE_NC:2}}'.
	Http failure response for https://${apihost}/api/profile?access_token={{HEX40}}: 403 Forbidden
Chrome 124.0.0.0 (Linux x86_64): Executed 12 of 40 (1 FAILED) (skipped 2) (0.987 secs / 0.811 secs)
TOTAL: 1 FAILED, 37 SUCCESS""",
], ["Chrome 124.0.0.0 (Linux x86_64) ${ngspec} should send the bearer token FAILED", "at UserContext.apply (src/app/core/auth.service.spec.ts:${line}:41)", "Chrome 124.0.0.0 (Linux x86_64): Executed 12 of 40 (1 FAILED) (0 secs / 0.412 secs)", "TOTAL: 1 FAILED, 39 SUCCESS", "Chrome 124.0.0.0 (Linux x86_64) ${ngspec} should prefill the profile FAILED", "Http failure response for https://${apihost}/api/profile?", ": 403 Forbidden", "Executed 12 of 40 (1 FAILED) (skipped 2) (0.987 secs / 0.811 secs)", "TOTAL: 1 FAILED, 37 SUCCESS"],
    marker="Executed 12 of 40")

fam("jasmine-object-to-have-properties", "https://jasmine.github.io/api/edge/matchers.html#toEqual; https://jasmine.github.io/setup/nodejs.html", [
    """Failures:
1) ${ngspec} maps the customer payload
  Message:
    Expected object to have properties
        phone: '{{PHONE_PF}}'
        vatNumber: '{{VAT_GB}}'
    Expected object not to have properties
        apiKey: '{{API_KEY}}'
  Stack:
        at <Jasmine>
        at UserContext.<anonymous> (spec/customer-mapper.spec.js:${line}:22)

12 specs, 1 failure
Finished in 0.214 seconds""",
    """Failures:
1) ${ngspec} builds the connection options
  Message:
    Expected object to have properties
        password: '{{PASSWORD}}'
    Expected $.host = '${dbhost}' to equal 'localhost'.
    Expected $.port = ${pgport} to equal 5432.
  Stack:
        at UserContext.<anonymous> (spec/db-config.spec.js:${line}:9)

7 specs, 1 failure
Randomized with seed 40713 (jasmine --random=true --seed=40713)""",
], ["1) ${ngspec} maps the customer payload", "Expected object to have properties", "Expected object not to have properties", "at UserContext.<anonymous> (spec/customer-mapper.spec.js:${line}:22)", "12 specs, 1 failure", "Finished in 0.214 seconds", "1) ${ngspec} builds the connection options", "Expected $.host = '${dbhost}' to equal 'localhost'.", "Expected $.port = ${pgport} to equal 5432.", "at UserContext.<anonymous> (spec/db-config.spec.js:${line}:9)", "Randomized with seed 40713 (jasmine --random=true --seed=40713)"],
    marker="Expected object to have properties")

fam("robot-framework-console-summary", "https://robotframework.org/robotframework/latest/RobotFrameworkUserGuide.html#console-output; https://robotframework.org/robotframework/latest/RobotFrameworkUserGuide.html#setting-variables-in-command-line", [
    """$$ robot --variable API_TOKEN:{{API_KEY}} --variable BASE_URL:https://${apihost} --outputdir results tests/
==============================================================================
${robotsuite}
==============================================================================
Customer Can Update Phone                                             | FAIL |
'{{PHONE_RE}}' != '{{PHONE_RE:2}}'
------------------------------------------------------------------------------
${robotsuite}                                                         | FAIL |
4 tests, 3 passed, 1 failed
==============================================================================
Output:  /builds/acme/e2e/results/output.xml
Log:     /builds/acme/e2e/results/log.html
Report:  /builds/acme/e2e/results/report.html""",
    """$$ robot --variable PASSWORD:{{PASSWORD}} --variable USER:{{EMAIL}} tests/login.robot
Login With Valid Credentials                                          | FAIL |
HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}${apipath}
------------------------------------------------------------------------------
Output:  /builds/acme/e2e/output.xml
Log:     /builds/acme/e2e/log.html
Report:  /builds/acme/e2e/report.html""",
], ["--variable BASE_URL:https://${apihost} --outputdir results tests/", "Customer Can Update Phone", "4 tests, 3 passed, 1 failed", "Output:  /builds/acme/e2e/results/output.xml", "Log:     /builds/acme/e2e/results/log.html", "Report:  /builds/acme/e2e/results/report.html", "tests/login.robot", "Login With Valid Credentials", "HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}${apipath}", "Output:  /builds/acme/e2e/output.xml"],
    marker="Output:  /")

fam("behave-captured-stdout", "https://behave.readthedocs.io/en/stable/behave.html#cmdoption-capture; https://behave.readthedocs.io/en/stable/tutorial.html", [
    """  Scenario: Customer signs up with a phone                   # ${behavefeat}:9
    Given the signup form is open                            # steps/signup_steps.py:14 0.412s
    When I submit "{{EMAIL}}" with phone "{{PHONE_KI}}"      # steps/signup_steps.py:21 1.031s
      Assertion Failed: expected 201, got 400
      Captured stdout:
      POST https://${apihost}${apipath} {"email": "{{EMAIL}}", "phone": "{{PHONE_KI}}", "captcha_secret": "{{HEX40}}"}

Failing scenarios:
  ${behavefeat}:9  Customer signs up with a phone

0 features passed, 1 failed, 0 skipped""",
    """  Scenario: Invoice keeps the VAT number                     # ${behavefeat}:31
    Then the invoice shows "{{CUI_RO}}"                      # steps/invoice_steps.py:40 0.088s
      Assertion Failed: 'RO' not found in invoice footer
      Captured stdout:
      connecting to postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
      Captured logging:
      WARNING:billing.client:retrying with key {{STRIPE_SK}}""",
], ["Scenario: Customer signs up with a phone", "# ${behavefeat}:9", "Given the signup form is open", "# steps/signup_steps.py:14 0.412s", "# steps/signup_steps.py:21 1.031s", "Assertion Failed: expected 201, got 400", "Captured stdout:", "POST https://${apihost}${apipath}", "${behavefeat}:9  Customer signs up with a phone", "Scenario: Invoice keeps the VAT number", "# ${behavefeat}:31", "# steps/invoice_steps.py:40 0.088s", "Assertion Failed: 'RO' not found in invoice footer", "@${dbhost}:${pgport}/${db}", "WARNING:billing.client:retrying with key"],
    marker="Captured stdout:")

fam("spock-too-few-invocations", "https://spockframework.org/spock/docs/2.3/interaction_based_testing.html#_cardinality; https://spockframework.org/spock/docs/2.3/all_in_one.html", [
    """${groovyspec} > sends the welcome sms FAILED
    org.spockframework.mock.TooFewInvocationsError: Too few invocations for:

    1 * smsClient.send("{{PHONE_MH}}", _)   (0 invocations)

    Unmatched invocations (ordered by similarity):

    1 * smsClient.send('{{PHONE_MH:2}}', 'Your code is {{OTP}}')
    One or more arguments(s) didn't match:
    0: argument == expected""",
    """${groovyspec} > charges with the stored key FAILED
    org.spockframework.mock.TooFewInvocationsError: Too few invocations for:

    1 * gateway.charge({ it.apiKey == '{{STRIPE_SK}}' })   (0 invocations)

    Unmatched invocations (ordered by similarity):

    1 * gateway.charge(ChargeRequest(apiKey:{{STRIPE_SK:2}}, card:{{CARD}}, email:{{EMAIL}}))""",
], ["${groovyspec} > sends the welcome sms FAILED", "org.spockframework.mock.TooFewInvocationsError: Too few invocations for:", "(0 invocations)", "Unmatched invocations (ordered by similarity):", "One or more arguments(s) didn't match:", "0: argument == expected", "${groovyspec} > charges with the stored key FAILED"],
    marker="Too few invocations for:")

fam("mocha-assert-loosely-deep-equal", "https://nodejs.org/api/assert.html#assertdeepequalactual-expected-message; https://mochajs.org/#assertions", [
    """  1) ${mochaspec}
       PUT /customers/:id
         stores the phone:

      AssertionError [ERR_ASSERTION]: Expected values to be loosely deep-equal:

{
  email: '{{EMAIL}}',
  phone: '{{PHONE_AG}}'
}

should loosely deep-equal

{
  email: '{{EMAIL}}',
  phone: '{{PHONE_AG:2}}'
}
      at Context.<anonymous> (${mochaspec}:${line}:14)""",
    """  1) ${mochaspec}
       config
         reads the database settings:

      AssertionError [ERR_ASSERTION]: Expected values to be loosely deep-equal:

{
  host: '${dbhost}',
  password: '{{PASSWORD}}',
  port: ${pgport},
  user: '${dbuser}'
}

should loosely deep-equal

{
  host: '${dbhost}',
  port: ${pgport},
  user: '${dbuser}'
}
      at Context.<anonymous> (${mochaspec}:${line}:9)

  14 passing (2s)
  1 failing""",
], ["PUT /customers/:id", "stores the phone:", "AssertionError [ERR_ASSERTION]: Expected values to be loosely deep-equal:", "should loosely deep-equal", "at Context.<anonymous> (${mochaspec}:${line}:14)", "reads the database settings:", "host: '${dbhost}',", "port: ${pgport},", "user: '${dbuser}'", "at Context.<anonymous> (${mochaspec}:${line}:9)", "14 passing (2s)"],
    marker="loosely deep-equal")

fam("jest-to-have-been-called-with-number-of-calls", "https://jestjs.io/docs/expect#tohavebeencalledwitharg1-arg2-; https://jestjs.io/docs/mock-function-api", [
    """  ● SmsService › sends the verification code

    expect(jest.fn()).toHaveBeenCalledWith(...expected)

    Expected: "{{PHONE_DM}}", StringContaining "code"
    Received: "{{PHONE_DM:2}}", "Your code is {{OTP}}"

    Number of calls: 1

      ${line} |     await service.verify(user);
    > ${line} |     expect(twilio.messages.create).toHaveBeenCalledWith(user.phone, expect.stringContaining('code'));

      at Object.<anonymous> (${jestfile}:${line}:36)""",
    """  ● ApiClient › sends the api key header

    expect(jest.fn()).toHaveBeenCalledWith(...expected)

    - Expected
    + Received

      "https://${apihost}${apipath}",
      Object {
        "headers": Object {
    -     "x-api-key": "test-key",
    +     "x-api-key": "{{API_KEY}}",
        },
      },

    Number of calls: 1

      at Object.<anonymous> (${jestfile}:${line}:28)""",
], ["● SmsService › sends the verification code", "expect(jest.fn()).toHaveBeenCalledWith(...expected)", "StringContaining \"code\"", "Number of calls: 1", "await service.verify(user);", "expect(twilio.messages.create).toHaveBeenCalledWith(user.phone, expect.stringContaining('code'));", "at Object.<anonymous> (${jestfile}:${line}:36)", "● ApiClient › sends the api key header", "\"https://${apihost}${apipath}\",", "-     \"x-api-key\": \"test-key\",", "at Object.<anonymous> (${jestfile}:${line}:28)"],
    marker="Number of calls: 1")

fam("gmock-expect-call-count-mismatch", "https://google.github.io/googletest/gmock_for_dummies.html#setting-expectations; https://google.github.io/googletest/gmock_cook_book.html", [
    """[ RUN      ] ${gtestname}
/src/tests/checkout_client_test.cc:${line}: Failure
Actual function call count doesn't match EXPECT_CALL(transport, Send(HasSubstr("Authorization: Bearer ")))...
         Expected: to be called once
           Actual: never called - unsatisfied and active
Uninteresting mock function call - returning default value.
    Function call: Send("POST /v1/charges HTTP/1.1\\r\\nHost: ${apihost}\\r\\nX-Api-Key: {{API_KEY}}\\r\\n")
[  FAILED  ] ${gtestname} (4 ms)""",
    """[ RUN      ] ${gtestname}
Unexpected mock function call - returning default value.
    Function call: Save(@0x7ffd2c1e "{{EMAIL}}", @0x7ffd2c40 "{{PHONE_PW}}")
Google Mock tried the following 1 expectation, but it didn't match:
/src/tests/profile_store_test.cc:${line}: EXPECT_CALL(db, Save(_, StrEq("{{PHONE_PW:2}}")))...
  Expected arg #1: is equal to "{{PHONE_PW:2}}"
           Actual: "{{PHONE_PW}}"
[  FAILED  ] ${gtestname} (1 ms)""",
], ["[ RUN      ] ${gtestname}", "/src/tests/checkout_client_test.cc:${line}: Failure", "Actual function call count doesn't match EXPECT_CALL(transport, Send(HasSubstr(\"Authorization: Bearer \")))...", "Expected: to be called once", "Actual: never called - unsatisfied and active", "Uninteresting mock function call - returning default value.", "Function call: Send(\"POST /v1/charges HTTP/1.1\\r\\nHost: ${apihost}\\r\\n", "(4 ms)", "Unexpected mock function call - returning default value.", "Google Mock tried the following 1 expectation, but it didn't match:", "/src/tests/profile_store_test.cc:${line}:", "Expected arg #1: is equal to"],
    marker="EXPECT_CALL")

fam("phpunit-array-has-key", "https://docs.phpunit.de/en/11.0/assertions.html#assertarrayhaskey; https://docs.phpunit.de/en/11.0/textui.html", [
    """There was 1 failure:

1) ${phpclass}::test_payload_contains_vat
Failed asserting that an array has the key 'vat_number'.

/var/www/tests/Unit/CustomerPayloadTest.php:${line}
Payload was: array (
  'email' => '{{EMAIL}}',
  'phone' => '{{PHONE_VC}}',
  'vat' => '{{USTID_DE}}',
)

FAILURES!
Tests: 58, Assertions: 141, Failures: 1.""",
    """There was 1 failure:

1) ${phpclass}::test_webhook_is_signed
Failed asserting that an array has the key 'X-Signature'.

/var/www/tests/Feature/WebhookTest.php:${line}
Headers sent: array (
  'Authorization' => 'Bearer {{JWT}}',
  'X-Shopify-Access-Token' => '{{SHOPIFY_PAT}}',
)

FAILURES!
Tests: 12, Assertions: 30, Failures: 1.""",
], ["1) ${phpclass}::test_payload_contains_vat", "Failed asserting that an array has the key 'vat_number'.", "/var/www/tests/Unit/CustomerPayloadTest.php:${line}", "Tests: 58, Assertions: 141, Failures: 1.", "1) ${phpclass}::test_webhook_is_signed", "Failed asserting that an array has the key 'X-Signature'.", "/var/www/tests/Feature/WebhookTest.php:${line}", "Tests: 12, Assertions: 30, Failures: 1.", "There was 1 failure:", "Payload was: array (", "Headers sent: array (", "'X-Shopify-Access-Token' =>"],
    marker="Failed asserting that an array has the key")

fam("wdio-spec-reporter-failed-in-chrome", "https://webdriver.io/docs/spec-reporter; https://webdriver.io/docs/configurationfile", [
    """[chrome 124.0.6367.60 linux #0-0] Running: chrome (v124.0.6367.60) on linux
[chrome 124.0.6367.60 linux #0-0] Session ID: ${hex32}
[chrome 124.0.6367.60 linux #0-0]
[chrome 124.0.6367.60 linux #0-0] » ${wdiospec16}
[chrome 124.0.6367.60 linux #0-0] Login
[chrome 124.0.6367.60 linux #0-0]    ✖ signs in with a saved password
[chrome 124.0.6367.60 linux #0-0] 1) Login signs in with a saved password
[chrome 124.0.6367.60 linux #0-0] Expected: "https://${apihost}/dashboard"
[chrome 124.0.6367.60 linux #0-0] Received: "https://${apihost}/login?error=1&email={{EMAIL_URLENC}}&password={{PASSWORD}}"
Spec Files:	 0 passed, 1 failed, 1 total (100% completed) in 00:00:21
 FAILED in chrome - ${wdiospec16}""",
    """[chrome 124.0.6367.60 linux #0-1] » ${wdiospec16}
[chrome 124.0.6367.60 linux #0-1]    ✖ shows the saved phone
[chrome 124.0.6367.60 linux #0-1] 1) Profile shows the saved phone
[chrome 124.0.6367.60 linux #0-1] Expect $(`#phone`) to have text
[chrome 124.0.6367.60 linux #0-1] - Expected  - 1
[chrome 124.0.6367.60 linux #0-1] + Received  + 1
[chrome 124.0.6367.60 linux #0-1] - {{PHONE_AW}}
[chrome 124.0.6367.60 linux #0-1] + {{PHONE_AW:2}}
 FAILED in chrome - ${wdiospec16}
LT_ACCESS_KEY={{LAMBDATEST_KEY}} npx wdio run wdio.conf.js""",
], ["[chrome 124.0.6367.60 linux #0-0] Running: chrome (v124.0.6367.60) on linux", "[chrome 124.0.6367.60 linux #0-0] » ${wdiospec16}", "✖ signs in with a saved password", "1) Login signs in with a saved password", "Expected: \"https://${apihost}/dashboard\"", "Spec Files:	 0 passed, 1 failed, 1 total (100% completed) in 00:00:21", "FAILED in chrome - ${wdiospec16}", "[chrome 124.0.6367.60 linux #0-1] » ${wdiospec16}", "1) Profile shows the saved phone", "Expect $(`#phone`) to have text", "npx wdio run wdio.conf.js"],
    marker="FAILED in chrome")


# --- HTTP clients and servers ------------------------------------------------------------------------------------------

fam("retrofit-http-exception", "https://square.github.io/retrofit/2.x/retrofit/retrofit2/HttpException.html; https://square.github.io/okhttp/features/interceptors/", [
    """E/ApiRepository: refresh failed
    retrofit2.HttpException: HTTP 401 
        at retrofit2.KotlinExtensions$$await$$2$$2.onResponse(KotlinExtensions.kt:53)
        at retrofit2.OkHttpCall$$1.onResponse(OkHttpCall.java:161)
        at ${androidcls}.refresh(ApiRepository.kt:${line})
D/OkHttp: --> POST https://${apihost}/oauth/token
D/OkHttp: Content-Type: application/x-www-form-urlencoded
D/OkHttp: grant_type=refresh_token&refresh_token={{GOOGLE_REFRESH_TOKEN}}&client_secret={{HEX40}}""",
    """W/PaymentsClient: payout rejected: retrofit2.HttpException: HTTP 422 Unprocessable Entity
    errorBody={"iban":"{{IBAN}}","holder_phone":"{{PHONE_CW}}","message":"iban_invalid"}
        at ${androidcls}.payout(PaymentsClient.kt:${line})
D/OkHttp: Authorization: Bearer {{JWT}}""",
], ["E/ApiRepository: refresh failed", "retrofit2.HttpException: HTTP 401", "at retrofit2.KotlinExtensions$await$2$2.onResponse(KotlinExtensions.kt:53)", "at retrofit2.OkHttpCall$1.onResponse(OkHttpCall.java:161)", "at ${androidcls}.refresh(ApiRepository.kt:${line})", "D/OkHttp: --> POST https://${apihost}/oauth/token", "D/OkHttp: Content-Type: application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=", "W/PaymentsClient: payout rejected: retrofit2.HttpException: HTTP 422 Unprocessable Entity", "\"message\":\"iban_invalid\"", "at ${androidcls}.payout(PaymentsClient.kt:${line})"],
    marker="retrofit2.HttpException")

fam("haproxy-httplog-nosrv", "https://docs.haproxy.org/2.8/configuration.html#8.2.3; https://docs.haproxy.org/2.8/configuration.html#8.8", [
    """Jun  1 12:04:17 lb-01 haproxy[${num}]: ${privip}:51622 [01/Jun/2024:12:04:17.311] ${haproxyfe} ${haproxybe}/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 41/41/0/0/0 0/0 {${apihost}|Bearer {{JWT}}} "POST ${apipath}?api_key={{API_KEY}} HTTP/1.1"
Jun  1 12:04:17 lb-01 haproxy[${num}]: backend ${haproxybe} has no server available!""",
    """Jun  1 12:05:02 lb-01 haproxy[${num}]: ${privip}:49980 [01/Jun/2024:12:05:02.004] ${haproxyfe} ${haproxybe}/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 12/12/0/0/0 0/0 {${apihost}|session={{CONNECT_SID}}} "GET /account?email={{EMAIL_URLENC}}&phone={{PHONE_BM}} HTTP/1.1"
Jun  1 12:05:03 lb-01 haproxy[${num}]: Server ${haproxybe}/app1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms.""",
], ["[01/Jun/2024:12:04:17.311] ${haproxyfe} ${haproxybe}/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 41/41/0/0/0 0/0", "{${apihost}|", "backend ${haproxybe} has no server available!", "[01/Jun/2024:12:05:02.004] ${haproxyfe} ${haproxybe}/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 12/12/0/0/0 0/0", "Server ${haproxybe}/app1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms."],
    marker="<NOSRV>")

fam("envoy-access-log-upstream-reset", "https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#default-format-string; https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags", [
    """[2024-06-01T12:04:17.311Z] "POST ${apipath}?access_token={{HEX40}} HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure} - "-" 91 0 3 - "${privip}" "${ua}" "${uuid}" "${apihost}" "${privip}:8080" ${envoycluster} - ${privip}:10000 ${privip}:51622 - default""",
    """[2024-06-01T12:05:02.004Z] "GET /v1/customers?phone={{PHONE_KN}}&vat={{CUI_RO}} HTTP/2" 503 URX upstream_reset_before_response_started{remote_reset} - "-" 0 95 12 - "${privip}" "${ua}" "${uuid}" "${apihost}" "${privip}:8443" ${envoycluster} - ${privip}:10000 ${privip}:49980 - default
x-envoy-original-path: /v1/customers authorization: Basic {{BASIC_CRED}}""",
], ["503 UF upstream_reset_before_response_started{connection_failure}", "\"${ua}\"", "\"${uuid}\" \"${apihost}\"", "${envoycluster}", "503 URX upstream_reset_before_response_started{remote_reset}", "x-envoy-original-path: /v1/customers"],
    marker="upstream_reset_before_response_started")

fam("axios-error-inspected-is-axios-error", "https://axios-http.com/docs/handling_errors; https://github.com/axios/axios#handling-errors", [
    """AxiosError: Request failed with status code 403
    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)
  code: 'ERR_BAD_REQUEST',
  config: {
    url: 'https://${apihost}${apipath}',
    method: 'post',
    data: '{"email":"{{EMAIL}}","phone":"{{PHONE_KY}}"}',
    auth: { username: '${dbuser}', password: '{{PASSWORD}}' },
  },
  isAxiosError: true,
  status: 403""",
    """AxiosError: timeout of 5000ms exceeded
  code: 'ECONNABORTED',
  config: {
    baseURL: 'https://${apihost}',
    params: { access_token: '{{HEX40}}', customer: '${uuid}' },
    timeout: 5000,
  },
  isAxiosError: true,
  toJSON: [Function: toJSON]""",
], ["AxiosError: Request failed with status code 403", "at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)", "code: 'ERR_BAD_REQUEST',", "url: 'https://${apihost}${apipath}',", "method: 'post',", "username: '${dbuser}'", "isAxiosError: true,", "status: 403", "AxiosError: timeout of 5000ms exceeded", "code: 'ECONNABORTED',", "baseURL: 'https://${apihost}',", "customer: '${uuid}'", "timeout: 5000,", "toJSON: [Function: toJSON]"],
    marker="isAxiosError")

fam("got-request-error-enotfound", "https://github.com/sindresorhus/got/blob/main/documentation/8-errors.md; https://github.com/sindresorhus/got/blob/main/documentation/2-options.md", [
    """RequestError: getaddrinfo ENOTFOUND ${apihost}
    at ClientRequest.<anonymous> (file:///app/node_modules/got/dist/source/core/index.js:790:61)
  code: 'ENOTFOUND',
  hostname: '${apihost}',
  options: {
    url: URL { href: 'https://${apihost}${apipath}?token={{HEX40}}' },
    headers: { 'user-agent': 'got (https://github.com/sindresorhus/got)', authorization: 'Bearer {{JWT}}' },
  }""",
    """RequestError: getaddrinfo ENOTFOUND ${dbhost}
  code: 'ENOTFOUND',
  options: {
    url: URL { href: 'https://${dbhost}/v1/contacts' },
    json: { email: '{{EMAIL}}', phone: '{{PHONE_GI}}', vat: '{{BTW_NL}}' },
    username: '${dbuser}',
    password: '{{PASSWORD}}'
  }""",
], ["RequestError: getaddrinfo ENOTFOUND ${apihost}", "at ClientRequest.<anonymous> (file:///app/node_modules/got/dist/source/core/index.js:790:61)", "code: 'ENOTFOUND',", "hostname: '${apihost}',", "'user-agent': 'got (https://github.com/sindresorhus/got)'", "RequestError: getaddrinfo ENOTFOUND ${dbhost}", "url: URL { href: 'https://${dbhost}/v1/contacts' },", "username: '${dbuser}',"],
    marker="RequestError: getaddrinfo ENOTFOUND")

fam("undici-fetch-other-side-closed", "https://undici.nodejs.org/#/docs/api/Errors; https://nodejs.org/api/globals.html#fetch", [
    """TypeError: fetch failed
    at node:internal/deps/undici/undici:13185:13
  [cause]: SocketError: other side closed
      at TLSSocket.onHttpSocketEnd (node:internal/deps/undici/undici:6115:26)
    code: 'UND_ERR_SOCKET',
    socket: {
      localAddress: '${privip}',
      localPort: 51622,
      remoteAddress: '${privip}',
      remotePort: 443,
    }
request: POST https://${apihost}${apipath} headers={"authorization":"Bearer {{JWT}}","x-api-key":"{{API_KEY}}"}""",
    """TypeError: fetch failed
  [cause]: SocketError: other side closed
    code: 'UND_ERR_SOCKET',
    socket: { remoteAddress: '${privip}', remotePort: 8443, bytesWritten: 712, bytesRead: 0 }
body sent: {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_NR}}"},"card":"{{CARD}}"}""",
], ["TypeError: fetch failed", "at node:internal/deps/undici/undici:13185:13", "[cause]: SocketError: other side closed", "at TLSSocket.onHttpSocketEnd (node:internal/deps/undici/undici:6115:26)", "code: 'UND_ERR_SOCKET',", "localAddress: '${privip}',", "localPort: 51622,", "remotePort: 443,", "request: POST https://${apihost}${apipath}", "remotePort: 8443, bytesWritten: 712, bytesRead: 0"],
    marker="SocketError: other side closed")

fam("faraday-connection-failed", "https://lostisland.github.io/faraday/#/middleware/included/logging; https://lostisland.github.io/faraday/#/middleware/included/raising-errors", [
    """I, [2024-06-01T12:04:17.311205 #${num}]  INFO -- request: POST https://${faradayhost}${apipath}
D, [2024-06-01T12:04:17.311290 #${num}] DEBUG -- request: User-Agent: "Faraday v2.9.0"
Authorization: "Bearer {{JWT}}"
Content-Type: "application/json"
Faraday::ConnectionFailed: Failed to open TCP connection to ${faradayhost}:443 (getaddrinfo: Name or service not known)
    /usr/local/bundle/gems/faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb:66:in `rescue in call'""",
    """D, [2024-06-01T12:05:02.004118 #${num}] DEBUG -- request: {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_IM}}"},"api_secret":"{{HEX40}}"}
Faraday::ConnectionFailed: execution expired
    /usr/local/bundle/gems/faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb:66:in `rescue in call'
    /app/app/services/shipping_client.rb:${line}:in `create_label'""",
], ["INFO -- request: POST https://${faradayhost}${apipath}", "DEBUG -- request: User-Agent: \"Faraday v2.9.0\"", "Content-Type: \"application/json\"", "Faraday::ConnectionFailed: Failed to open TCP connection to ${faradayhost}:443 (getaddrinfo: Name or service not known)", "/usr/local/bundle/gems/faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb:66:in `rescue in call'", "Faraday::ConnectionFailed: execution expired", "/app/app/services/shipping_client.rb:${line}:in `create_label'"],
    marker="Faraday::ConnectionFailed")

fam("guzzle-connect-exception-curl-7", "https://docs.guzzlephp.org/en/stable/quickstart.html#exceptions; https://curl.se/libcurl/c/libcurl-errors.html", [
    """GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to ${apihost} port 443 after 3 ms: Couldn't connect to server (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://${apihost}${apipath}?api_token={{HEX40}} in /var/www/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:275
Stack trace:
#0 /var/www/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(205): GuzzleHttp\\Handler\\CurlFactory::createRejection()
#1 /var/www/app/Services/ErpClient.php(${line}): GuzzleHttp\\Client->request('POST', 'https://${apihost}...', Array)""",
    """[2024-06-01 12:05:02] production.ERROR: cURL error 7: Failed to connect to ${dbhost} port ${myport}: Connection refused {"request":{"auth":["${dbuser}","{{PASSWORD}}"],"json":{"email":"{{EMAIL}}","phone":"{{PHONE_JE}}"}},"exception":"[object] (GuzzleHttp\\\\Exception\\\\ConnectException(code: 0))"}""",
], ["GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to ${apihost} port 443 after 3 ms: Couldn't connect to server", "(see https://curl.haxx.se/libcurl/c/libcurl-errors.html)", "in /var/www/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:275", "#0 /var/www/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(205): GuzzleHttp\\Handler\\CurlFactory::createRejection()", "#1 /var/www/app/Services/ErpClient.php(${line}): GuzzleHttp\\Client->request('POST', 'https://${apihost}...', Array)", "production.ERROR: cURL error 7: Failed to connect to ${dbhost} port ${myport}: Connection refused", "\"${dbuser}\"", "ConnectException(code: 0))"],
    marker="cURL error 7:")

fam("nginx-no-live-upstreams", "https://nginx.org/en/docs/http/ngx_http_upstream_module.html#upstream; https://nginx.org/en/docs/ngx_core_module.html#error_log", [
    """2024/06/01 12:04:17 [error] 29#29: *18213 no live upstreams while connecting to upstream, client: ${privip}, server: ${apihost}, request: "POST ${apipath}?api_key={{API_KEY}} HTTP/1.1", upstream: "http://${upstreamname}${apipath}?api_key={{API_KEY}}", host: "${apihost}", referrer: "https://${apihost}/checkout\"""",
    """2024/06/01 12:05:02 [error] 31#31: *20117 no live upstreams while connecting to upstream, client: ${privip}, server: ${apihost}, request: "GET /reset-password?token={{HEX40}}&email={{EMAIL_URLENC}} HTTP/2.0", upstream: "http://${upstreamname}/reset-password", host: "${apihost}"
2024/06/01 12:05:02 [warn] 31#31: *20117 upstream server temporarily disabled while connecting to upstream, client: ${privip}, server: ${apihost}""",
], ["no live upstreams while connecting to upstream, client: ${privip}, server: ${apihost}, request: \"POST ${apipath}?", "host: \"${apihost}\", referrer: \"https://${apihost}/checkout\"", "upstream: \"http://${upstreamname}/reset-password\", host: \"${apihost}\"", "upstream server temporarily disabled while connecting to upstream, client: ${privip}, server: ${apihost}", "[error] 29#29: *18213", "[error] 31#31: *20117", "[warn] 31#31: *20117", "upstream: \"http://${upstreamname}${apipath}?"],
    marker="no live upstreams while connecting to upstream")


# --- Data: ORMs, drivers, queues, cloud databases ----------------------------------------------------------------------

fam("sqlalchemy-echo-generated-in", "https://docs.sqlalchemy.org/en/20/core/engines.html#configuring-logging; https://docs.sqlalchemy.org/en/20/core/connections.html#sql-compilation-caching", [
    """INFO sqlalchemy.engine.Engine BEGIN (implicit)
INFO sqlalchemy.engine.Engine INSERT INTO customers (email, phone, api_token) VALUES (%(email)s, %(phone)s, %(api_token)s) RETURNING customers.id
INFO sqlalchemy.engine.Engine [generated in 0.00021s] {'email': '{{EMAIL}}', 'phone': '{{PHONE_RE}}', 'api_token': '{{HEX40}}'}
INFO sqlalchemy.engine.Engine ROLLBACK
sqlalchemy.exc.IntegrityError: (psycopg.errors.UniqueViolation) duplicate key value violates unique constraint "customers_email_key\"""",
    """INFO sqlalchemy.engine.Engine UPDATE companies SET vat_number=%(vat_number)s WHERE companies.id = %(id_1)s
INFO sqlalchemy.engine.Engine [cached since 41.2s ago] {'vat_number': '{{VAT_GB}}', 'id_1': ${num}}
INFO sqlalchemy.engine.Engine SELECT 1
INFO sqlalchemy.engine.Engine [generated in 0.00009s] {}
engine url: postgresql+psycopg://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
], ["INFO sqlalchemy.engine.Engine BEGIN (implicit)", "INSERT INTO customers (email, phone, api_token) VALUES (%(email)s, %(phone)s, %(api_token)s) RETURNING customers.id", "[generated in 0.00021s]", "INFO sqlalchemy.engine.Engine ROLLBACK", "sqlalchemy.exc.IntegrityError: (psycopg.errors.UniqueViolation) duplicate key value violates unique constraint \"customers_email_key\"", "UPDATE companies SET vat_number=%(vat_number)s WHERE companies.id = %(id_1)s", "[cached since 41.2s ago]", "[generated in 0.00009s] {}", "@${dbhost}:${pgport}/${db}"],
    marker="[generated in")

fam("kafka-java-producerconfig-values", "https://kafka.apache.org/documentation/#producerconfigs; https://docs.confluent.io/platform/current/kafka/authentication_sasl/authentication_sasl_plain.html", [
    """INFO  [main] o.a.k.c.p.ProducerConfig: ProducerConfig values: 
	acks = -1
	bootstrap.servers = [${kafkahost}:9092]
	client.id = ${kafkaclientid}
	sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username="{{CONFLUENT_KEY}}" password="{{CONFLUENT_SECRET}}";
	sasl.mechanism = PLAIN
	security.protocol = SASL_SSL
	ssl.truststore.location = /etc/kafka/secrets/kafka.truststore.jks
	ssl.truststore.password = {{PASSWORD}}""",
    """INFO  [main] o.a.k.c.p.ProducerConfig: ProducerConfig values: 
	bootstrap.servers = [${kafkahost}:9094]
	client.id = ${kafkaclientid}
	sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="${dbuser}" password="{{PASSWORD}}";
	sasl.mechanism = SCRAM-SHA-512
ERROR [kafka-producer-network-thread | ${kafkaclientid}] o.a.k.c.NetworkClient: [Producer clientId=${kafkaclientid}] Connection to node -1 (${kafkahost}/${privip}:9094) failed authentication due to: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512""",
], ["o.a.k.c.p.ProducerConfig: ProducerConfig values:", "acks = -1", "bootstrap.servers = [${kafkahost}:9092]", "client.id = ${kafkaclientid}", "org.apache.kafka.common.security.plain.PlainLoginModule required username=", "sasl.mechanism = PLAIN", "security.protocol = SASL_SSL", "ssl.truststore.location = /etc/kafka/secrets/kafka.truststore.jks", "bootstrap.servers = [${kafkahost}:9094]", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${dbuser}\"", "sasl.mechanism = SCRAM-SHA-512", "[Producer clientId=${kafkaclientid}] Connection to node -1 (${kafkahost}/${privip}:9094) failed authentication due to:"],
    marker="ProducerConfig values:")

fam("boto3-dynamodb-putitem-client-error", "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/error-handling.html; https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html", [
    """botocore.exceptions.ClientError: An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key pk in the item
item={'sk': {'S': 'PROFILE'}, 'email': {'S': '{{EMAIL}}'}, 'phone': {'S': '{{PHONE_FM}}'}, 'refresh_token': {'S': '{{JWT}}'}}
table=${ddbtable} region=${region}""",
    """botocore.exceptions.ClientError: An error occurred (UnrecognizedClientException) when calling the PutItem operation: The security token included in the request is invalid.
AWS_ACCESS_KEY_ID={{AWS_KEY_ID}} AWS_SECRET_ACCESS_KEY={{AWS_SECRET}} AWS_DEFAULT_REGION=${region}
endpoint_url=https://dynamodb.${region}.amazonaws.com table=${ddbtable}""",
], ["An error occurred (ValidationException) when calling the PutItem operation: One or more parameter values were invalid: Missing the key pk in the item", "{'sk': {'S': 'PROFILE'}", "table=${ddbtable} region=${region}", "An error occurred (UnrecognizedClientException) when calling the PutItem operation: The security token included in the request is invalid.", "AWS_DEFAULT_REGION=${region}", "endpoint_url=https://dynamodb.${region}.amazonaws.com table=${ddbtable}", "botocore.exceptions.ClientError:", "'refresh_token': {'S':", "'email': {'S':", "AWS_ACCESS_KEY_ID="],
    marker="when calling the PutItem operation")

fam("aws-sdk-v3-conditional-check-failed", "https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/dynamodb/; https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html", [
    """ConditionalCheckFailedException: The conditional request failed
    at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:838:20)
  '$$fault': 'client',
  '$$metadata': {
    httpStatusCode: 400,
    requestId: '${upper32}',
    attempts: 1,
    totalRetryDelay: 0
  },
  Item: { pk: { S: 'CUSTOMER#${uuid}' }, phone: { S: '{{PHONE_PF}}' }, apiKey: { S: '{{API_KEY}}' } }""",
    """ConditionalCheckFailedException: The conditional request failed
  '$$fault': 'client',
  '$$metadata': { httpStatusCode: 400, requestId: '${upper32}', attempts: 1, totalRetryDelay: 0 },
  input: { TableName: '${ddbtable}', Key: { pk: { S: 'SESSION#{{HEX32}}' } }, ExpressionAttributeValues: { ':email': { S: '{{EMAIL}}' } } }""",
], ["ConditionalCheckFailedException: The conditional request failed", "at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:838:20)", "'$fault': 'client',", "httpStatusCode: 400,", "requestId: '${upper32}',", "totalRetryDelay: 0", "pk: { S: 'CUSTOMER#${uuid}' }", "TableName: '${ddbtable}'"],
    marker="ConditionalCheckFailedException")

fam("firestore-permission-denied-code", "https://firebase.google.com/docs/reference/js/firestore_.firestoreerror; https://firebase.google.com/docs/firestore/security/get-started", [
    """[2024-06-01T12:04:17.311Z]  @firebase/firestore: Firestore (10.12.1): Uncaught Error in snapshot listener: FirebaseError: [code=permission-denied]: Missing or insufficient permissions.
    write: ${fscoll}/${uuid} { email: "{{EMAIL}}", phone: "{{PHONE_MH}}" }
    auth: { uid: "${alnum28}", token: "{{JWT}}" }""",
    """FirebaseError: [code=permission-denied]: Missing or insufficient permissions.
    at new FirestoreError (/app/node_modules/@firebase/firestore/dist/index.node.cjs.js:1231:9)
  projectId: ${fbapp}
  apiKey: {{GCP_API_KEY}}
  document: ${fscoll}/${uuid} { vatNumber: "{{USTID_DE}}" }""",
], ["@firebase/firestore: Firestore (10.12.1): Uncaught Error in snapshot listener: FirebaseError: [code=permission-denied]: Missing or insufficient permissions.", "write: ${fscoll}/${uuid}", "FirebaseError: [code=permission-denied]: Missing or insufficient permissions.", "at new FirestoreError (/app/node_modules/@firebase/firestore/dist/index.node.cjs.js:1231:9)", "projectId: ${fbapp}", "document: ${fscoll}/${uuid}"],
    marker="[code=permission-denied]")

fam("supabase-js-rls-violation", "https://supabase.com/docs/guides/database/postgres/row-level-security; https://supabase.com/docs/reference/javascript/insert", [
    """{
  error: {
    code: '42501',
    details: null,
    hint: null,
    message: 'new row violates row-level security policy for table "${supatable}"'
  },
  data: null,
  count: null,
  status: 403,
  statusText: 'Forbidden'
}
payload: { email: '{{EMAIL}}', phone: '{{PHONE_AG}}' } url: https://${supaproj}.supabase.co/rest/v1/${supatable} apikey: {{SUPABASE}}""",
    """PostgrestError: new row violates row-level security policy for table "${supatable}"
  code: '42501'
  request: POST https://${supaproj}.supabase.co/rest/v1/${supatable}?select=*
  headers: { Authorization: 'Bearer {{JWT}}', apikey: '{{JWT:2}}' }
  SUPABASE_DB_URL=postgresql://postgres.${supaproj}:{{PASSWORD}}@aws-0-${region}.pooler.supabase.com:6543/postgres""",
], ["code: '42501',", "details: null,", "hint: null,", "message: 'new row violates row-level security policy for table \"${supatable}\"'", "status: 403,", "statusText: 'Forbidden'", "url: https://${supaproj}.supabase.co/rest/v1/${supatable}", "PostgrestError: new row violates row-level security policy for table \"${supatable}\"", "request: POST https://${supaproj}.supabase.co/rest/v1/${supatable}?select=*", "@aws-0-${region}.pooler.supabase.com:6543/postgres"],
    marker="violates row-level security policy")

fam("dapper-sqlmapper-query-exception", "https://github.com/DapperLib/Dapper#readme; https://learn.microsoft.com/en-us/dotnet/api/microsoft.data.sqlclient.sqlexception", [
    """Microsoft.Data.SqlClient.SqlException (0x80131904): Violation of UNIQUE KEY constraint 'UQ_Customers_Email'. Cannot insert duplicate key in object 'dbo.Customers'. The duplicate key value is ({{EMAIL}}).
   at Dapper.SqlMapper.ExecuteImpl(IDbConnection cnn, CommandDefinition& command) in /_/Dapper/SqlMapper.cs:line 2858
   at ${serilogsrc}.CreateAsync(Customer c) in /src/Repositories/CustomerRepository.cs:line ${line}
Parameters: @Email='{{EMAIL}}', @Phone='{{PHONE_KN}}', @TaxId='{{VAT_GB}}'""",
    """Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user '${dbuser}'.
   at Dapper.SqlMapper.QueryAsync[T](IDbConnection cnn, Type effectiveType, CommandDefinition command) in /_/Dapper/SqlMapper.Async.cs:line 434
ConnectionString: Server=tcp:${sqlsrvhost},1433;Initial Catalog=${sqlsrvdb};User ID=${dbuser};Password={{PASSWORD}};Encrypt=True;
ClientConnectionId:${uuid}
Error Number:18456,State:1,Class:14""",
], ["Microsoft.Data.SqlClient.SqlException (0x80131904): Violation of UNIQUE KEY constraint 'UQ_Customers_Email'. Cannot insert duplicate key in object 'dbo.Customers'.", "at Dapper.SqlMapper.ExecuteImpl(IDbConnection cnn, CommandDefinition& command) in /_/Dapper/SqlMapper.cs:line 2858", "at ${serilogsrc}.CreateAsync(Customer c) in /src/Repositories/CustomerRepository.cs:line ${line}", "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user '${dbuser}'.", "at Dapper.SqlMapper.QueryAsync[T](IDbConnection cnn, Type effectiveType, CommandDefinition command) in /_/Dapper/SqlMapper.Async.cs:line 434", "Server=tcp:${sqlsrvhost},1433;Initial Catalog=${sqlsrvdb};User ID=${dbuser};", "ClientConnectionId:${uuid}", "Error Number:18456,State:1,Class:14"],
    marker="Dapper.SqlMapper")

fam("stackexchange-redis-not-possible-to-connect", "https://stackexchange.github.io/StackExchange.Redis/Configuration; https://stackexchange.github.io/StackExchange.Redis/Timeouts", [
    """StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). Error connecting right now. To allow this multiplexer to continue retrying until it's able to connect, use abortConnect=false in your connection string or AbortOnConnectFail=false; in your code.
   at StackExchange.Redis.ConnectionMultiplexer.ConnectImpl(ConfigurationOptions configuration, TextWriter writer, Nullable`1 serverType, EndPointCollection endpoints)
Configuration: ${redishost}:${redisport},password={{PASSWORD}},ssl=True,abortConnect=True""",
    """StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). There was an authentication failure; check that passwords (or client certificates) are configured correctly: (RedisServerException) WRONGPASS invalid username-password pair or user is disabled.
Redis__ConnectionString=${redishost}:${redisport},user=${redisuser},password={{PASSWORD}},ssl=True""",
], ["StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s). Error connecting right now.", "use abortConnect=false in your connection string or AbortOnConnectFail=false; in your code.", "at StackExchange.Redis.ConnectionMultiplexer.ConnectImpl(ConfigurationOptions configuration, TextWriter writer, Nullable`1 serverType, EndPointCollection endpoints)", "Configuration: ${redishost}:${redisport},", "ssl=True,abortConnect=True", "There was an authentication failure; check that passwords (or client certificates) are configured correctly:", "Redis__ConnectionString=${redishost}:${redisport},user=${redisuser},", "Redis__ConnectionString=", "(RedisServerException) WRONGPASS invalid username-password pair or user is disabled."],
    marker="It was not possible to connect to the redis server")

fam("jedis-data-exception", "https://github.com/redis/jedis#connecting-to-a-redis-server; https://redis.io/docs/latest/develop/connect/clients/java/jedis/", [
    """redis.clients.jedis.exceptions.JedisDataException: WRONGPASS invalid username-password pair or user is disabled.
	at redis.clients.jedis.Protocol.processError(Protocol.java:105)
	at redis.clients.jedis.Connection.helloAndAuth(Connection.java:486)
	at ${javapkg}.cache.SessionCache.connect(SessionCache.java:${line})
spring.data.redis.url=rediss://${redisuser}:{{PASSWORD}}@${redishost}:${redisport}/0""",
    """redis.clients.jedis.exceptions.JedisDataException: ERR wrong number of arguments for 'set' command
	at redis.clients.jedis.Protocol.processError(Protocol.java:105)
command: SET session:{{HEX32}} {"email":"{{EMAIL}}","phone":"{{PHONE_NC}}","token":"{{JWT}}"} EX
	at ${javapkg}.cache.SessionCache.store(SessionCache.java:${line})""",
], ["redis.clients.jedis.exceptions.JedisDataException: WRONGPASS invalid username-password pair or user is disabled.", "at redis.clients.jedis.Protocol.processError(Protocol.java:105)", "at redis.clients.jedis.Connection.helloAndAuth(Connection.java:486)", "at ${javapkg}.cache.SessionCache.connect(SessionCache.java:${line})", "@${redishost}:${redisport}/0", "redis.clients.jedis.exceptions.JedisDataException: ERR wrong number of arguments for 'set' command", "at ${javapkg}.cache.SessionCache.store(SessionCache.java:${line})"],
    marker="JedisDataException")

fam("kafka-python-no-brokers-available", "https://kafka-python.readthedocs.io/en/master/apidoc/KafkaProducer.html; https://kafka-python.readthedocs.io/en/master/usage.html", [
    """Traceback (most recent call last):
  File "/app/events/publisher.py", line ${line}, in connect
    producer = KafkaProducer(bootstrap_servers="${kafkahost}:9092", security_protocol="SASL_SSL", sasl_mechanism="PLAIN", sasl_plain_username="{{CONFLUENT_KEY}}", sasl_plain_password="{{CONFLUENT_SECRET}}")
  File "/usr/local/lib/python3.12/site-packages/kafka/client_async.py", line 900, in check_version
    raise Errors.NoBrokersAvailable()
kafka.errors.NoBrokersAvailable: NoBrokersAvailable""",
    """kafka.errors.NoBrokersAvailable: NoBrokersAvailable
WARNING:kafka.conn:<BrokerConnection node_id=bootstrap-0 host=${kafkahost}:9094 <connecting> [IPv4 ('${privip}', 9094)]>: Authentication failed for user ${dbuser}
message dropped: topic=${topic} value={"email":"{{EMAIL}}","phone":"{{PHONE_CW}}","iban":"{{IBAN}}"}""",
], ["File \"/app/events/publisher.py\", line ${line}, in connect", "producer = KafkaProducer(bootstrap_servers=\"${kafkahost}:9092\", security_protocol=\"SASL_SSL\", sasl_mechanism=\"PLAIN\", sasl_plain_username=", "File \"/usr/local/lib/python3.12/site-packages/kafka/client_async.py\", line 900, in check_version", "raise Errors.NoBrokersAvailable()", "kafka.errors.NoBrokersAvailable: NoBrokersAvailable", "WARNING:kafka.conn:<BrokerConnection node_id=bootstrap-0 host=${kafkahost}:9094 <connecting> [IPv4 ('${privip}', 9094)]>: Authentication failed for user ${dbuser}", "message dropped: topic=${topic}"],
    marker="NoBrokersAvailable")

fam("sarama-out-of-available-brokers", "https://pkg.go.dev/github.com/IBM/sarama#pkg-variables; https://pkg.go.dev/github.com/IBM/sarama#Config", [
    """[sarama] 2024/06/01 12:04:17 client/metadata fetching metadata for all topics from broker ${kafkahost}:9093
[sarama] 2024/06/01 12:04:17 Error while performing SASL handshake ${kafkahost}:9093
[sarama] 2024/06/01 12:04:17 client/metadata got error from broker -1 while fetching metadata: kafka server: SASL Authentication failed
panic: kafka: client has run out of available brokers to talk to: kafka server: SASL Authentication failed
config: Net.SASL.User=${dbuser} Net.SASL.Password={{PASSWORD}} Net.SASL.Mechanism=SCRAM-SHA-256""",
    """2024/06/01 12:05:02 producer: kafka: client has run out of available brokers to talk to: dial tcp ${privip}:9092: connect: connection refused
KAFKA_BROKERS=${kafkahost}:9092 KAFKA_SASL_USERNAME={{CONFLUENT_KEY}} KAFKA_SASL_PASSWORD={{CONFLUENT_SECRET}}
	main.publish(topic=${topic}, key={{EMAIL}})""",
], ["[sarama] 2024/06/01 12:04:17 client/metadata fetching metadata for all topics from broker ${kafkahost}:9093", "Error while performing SASL handshake ${kafkahost}:9093", "client/metadata got error from broker -1 while fetching metadata: kafka server: SASL Authentication failed", "panic: kafka: client has run out of available brokers to talk to: kafka server: SASL Authentication failed", "Net.SASL.User=${dbuser}", "Net.SASL.Mechanism=SCRAM-SHA-256", "producer: kafka: client has run out of available brokers to talk to: dial tcp ${privip}:9092: connect: connection refused", "KAFKA_BROKERS=${kafkahost}:9092", "main.publish(topic=${topic},"],
    marker="client has run out of available brokers")

fam("hibernate-sql-error-sqlstate", "https://docs.jboss.org/hibernate/orm/6.4/userguide/html_single/Hibernate_User_Guide.html#best-practices-logging; https://www.postgresql.org/docs/current/errcodes-appendix.html", [
    """WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 23505
ERROR o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: duplicate key value violates unique constraint "uk_customer_email"
  Detail: Key (email)=({{EMAIL}}) already exists.
org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint "uk_customer_email"] [insert into customer (email,phone,id) values (?,?,?)]; SQL [insert into customer (email,phone,id) values (?,?,?)]
TRACE o.h.orm.jdbc.bind - binding parameter (2:VARCHAR) <- [{{PHONE_BM}}]""",
    """WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 08001
ERROR o.h.engine.jdbc.spi.SqlExceptionHelper - FATAL: password authentication failed for user "${dbuser}"
spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} spring.datasource.username=${dbuser} spring.datasource.password={{PASSWORD}}
entity: ${hibentity} vatNumber={{BTW_NL}}""",
], ["WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 23505", "ERROR o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: duplicate key value violates unique constraint \"uk_customer_email\"", "org.springframework.dao.DataIntegrityViolationException: could not execute statement", "SQL [insert into customer (email,phone,id) values (?,?,?)]", "TRACE o.h.orm.jdbc.bind - binding parameter (2:VARCHAR) <-", "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 08001", "FATAL: password authentication failed for user \"${dbuser}\"", "spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} spring.datasource.username=${dbuser}", "entity: ${hibentity}"],
    marker="SQL Error: 0, SQLState:")

fam("sequelize-unique-constraint-error", "https://sequelize.org/docs/v6/core-concepts/validations-and-constraints/; https://sequelize.org/api/v6/class/src/errors/validation/unique-constraint-error.js~uniqueconstrainterror", [
    """SequelizeUniqueConstraintError: Validation error
    at Query.formatError (/app/node_modules/sequelize/lib/dialects/postgres/query.js:325:16)
  name: 'SequelizeUniqueConstraintError',
  errors: [
    ValidationErrorItem {
      message: 'email must be unique',
      type: 'unique violation',
      path: 'email',
      value: '{{EMAIL}}',
      origin: 'DB',
      instance: ${seqmodel} { dataValues: { phone: '{{PHONE_DM}}', apiToken: '{{HEX40}}' } }
    }
  ],
  fields: { email: '{{EMAIL}}' },
  parent: error: duplicate key value violates unique constraint "${supatable}_email_key\"""",
    """SequelizeUniqueConstraintError: Validation error
  name: 'SequelizeUniqueConstraintError',
  sql: 'INSERT INTO "${supatable}" ("id","vat_number","phone") VALUES ($$1,$$2,$$3) RETURNING *;',
  parameters: [ '${uuid}', '{{CUI_RO}}', '{{PHONE_KY}}' ],
  original: error: duplicate key value violates unique constraint "${supatable}_vat_number_key"
sequelize: new Sequelize('postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}')""",
], ["SequelizeUniqueConstraintError: Validation error", "at Query.formatError (/app/node_modules/sequelize/lib/dialects/postgres/query.js:325:16)", "name: 'SequelizeUniqueConstraintError',", "message: 'email must be unique',", "type: 'unique violation',", "path: 'email',", "origin: 'DB',", "parent: error: duplicate key value violates unique constraint \"${supatable}_email_key\"", "sql: 'INSERT INTO \"${supatable}\" (\"id\",\"vat_number\",\"phone\") VALUES ($1,$2,$3) RETURNING *;',", "'${uuid}'", "original: error: duplicate key value violates unique constraint \"${supatable}_vat_number_key\"", "@${dbhost}:${pgport}/${db}"],
    marker="SequelizeUniqueConstraintError")

fam("pymongo-operation-failure-full-error", "https://pymongo.readthedocs.io/en/stable/api/pymongo/errors.html#pymongo.errors.OperationFailure; https://www.mongodb.com/docs/manual/reference/connection-string/", [
    """pymongo.errors.OperationFailure: bad auth : authentication failed, full error: {'ok': 0, 'errmsg': 'bad auth : authentication failed', 'code': 8000, 'codeName': 'AtlasError'}
MONGO_URI=mongodb+srv://${mongouser}:{{PASSWORD}}@${mongohost}/${db}?retryWrites=true&w=majority&appName=${nodeapp}""",
    """pymongo.errors.DuplicateKeyError: E11000 duplicate key error collection: ${db}.${mongocoll} index: email_1 dup key: { email: "{{EMAIL}}" }, full error: {'index': 0, 'code': 11000, 'errmsg': 'E11000 duplicate key error collection: ${db}.${mongocoll} index: email_1 dup key: { email: "{{EMAIL}}" }', 'keyPattern': {'email': 1}, 'keyValue': {'email': '{{EMAIL}}'}}
document: {'phone': '{{PHONE_GI}}', 'vat': '{{USTID_DE}}', 'api_key': '{{API_KEY}}'}""",
], ["pymongo.errors.OperationFailure: bad auth : authentication failed, full error: {'ok': 0, 'errmsg': 'bad auth : authentication failed', 'code': 8000, 'codeName': 'AtlasError'}", "@${mongohost}/${db}?retryWrites=true&w=majority&appName=${nodeapp}", "E11000 duplicate key error collection: ${db}.${mongocoll} index: email_1 dup key:", "full error: {'index': 0, 'code': 11000,", "'keyPattern': {'email': 1}", "MONGO_URI=mongodb+srv://", "'keyValue': {'email':", "document: {'phone':", "pymongo.errors.DuplicateKeyError:"],
    marker="full error: {")


# --- Auth and SaaS SDKs ------------------------------------------------------------------------------------------------

fam("auth0-wrong-email-or-password", "https://auth0.com/docs/api/authentication#resource-owner-password; https://auth0.com/docs/customize/login-pages/universal-login/customize-templates", [
    """POST https://${auth0tenant}/oauth/token 403
request: {"grant_type":"password","username":"{{EMAIL}}","password":"{{PASSWORD}}","client_id":"${alnum32}","client_secret":"{{AUTH0_SECRET}}","audience":"https://${apihost}"}
response: {"error":"invalid_grant","error_description":"Wrong email or password."}
  at ${mochaspec}:${line}""",
    """Auth0 log type "fp" (Failed Login (Incorrect Password)) for client "${auth0client}":
{"date":"2024-06-01T12:05:02.004Z","type":"fp","description":"Wrong email or password.","connection":"Username-Password-Authentication","client_name":"${auth0client}","ip":"${privip}","user_name":"{{EMAIL}}","details":{"phone_number":"{{PHONE_AW}}"}}""",
], ["POST https://${auth0tenant}/oauth/token 403", "\"grant_type\":\"password\"", "\"audience\":\"https://${apihost}\"", "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}", "Auth0 log type \"fp\" (Failed Login (Incorrect Password)) for client \"${auth0client}\":", "\"type\":\"fp\",\"description\":\"Wrong email or password.\",\"connection\":\"Username-Password-Authentication\",\"client_name\":\"${auth0client}\",\"ip\":\"${privip}\""],
    marker="Wrong email or password.")

fam("mailgun-js-api-error", "https://github.com/mailgun/mailgun.js#usage; https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Messages/", [
    """[MailgunAPIError: Unauthorized] {
  status: 401,
  details: 'Forbidden',
  type: 'MailgunAPIError'
}
mailgun.client({ username: 'api', key: '{{MAILGUN_KEY}}', url: 'https://api.eu.mailgun.net' }) domain=${mgdomain}
to: {{EMAIL}}""",
    """MailgunAPIError: 'to' parameter is not a valid address. please check documentation
  status: 400,
  details: "'to' parameter is not a valid address. please check documentation",
  type: 'MailgunAPIError'
message: { from: 'Acme <noreply@${mgdomain}>', to: ['{{PHONE_NR}}'], subject: 'Your code {{OTP}}' }""",
], ["[MailgunAPIError: Unauthorized] {", "status: 401,", "details: 'Forbidden',", "type: 'MailgunAPIError'", "username: 'api'", "url: 'https://api.eu.mailgun.net' }) domain=${mgdomain}", "MailgunAPIError: 'to' parameter is not a valid address. please check documentation", "status: 400,", "from: 'Acme <noreply@${mgdomain}>'"],
    marker="MailgunAPIError")

fam("shopify-api-js-logger", "https://github.com/Shopify/shopify-app-js/blob/main/packages/apps/shopify-api/docs/guides/logging.md; https://shopify.dev/docs/api/admin-rest", [
    """[shopify-api/INFO] version 9.7.2, environment Node v20.11.1
[shopify-api/DEBUG] Making HTTP request | {method: POST, url: https://${shopdomain}/admin/api/2024-04/customers.json, headers: {"X-Shopify-Access-Token":"{{SHOPIFY_PAT}}","Content-Type":"application/json"}, body: {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_GI}}"}}}
[shopify-api/ERROR] Received an error response (422 Unprocessable Entity) from Shopify: {"errors":{"phone":["has already been taken"]}}""",
    """[shopify-api/INFO] version 9.7.2, environment Node v20.11.1
[shopify-api/DEBUG] Initializing Shopify API Library | {apiVersion: 2024-04, apiSecretKey: {{SHOPIFY_SHARED}}, scopes: read_customers,write_orders, hostName: ${apihost}}
[shopify-api/ERROR] Received an error response (401 Unauthorized) from Shopify: {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}
storefront token: {{SHOPIFY_STOREFRONT}}""",
], ["[shopify-api/INFO] version 9.7.2, environment Node v20.11.1", "[shopify-api/DEBUG] Making HTTP request | {method: POST, url: https://${shopdomain}/admin/api/2024-04/customers.json", "\"Content-Type\":\"application/json\"", "[shopify-api/ERROR] Received an error response (422 Unprocessable Entity) from Shopify: {\"errors\":{\"phone\":[\"has already been taken\"]}}", "[shopify-api/DEBUG] Initializing Shopify API Library", "scopes: read_customers,write_orders, hostName: ${apihost}", "[shopify-api/ERROR] Received an error response (401 Unauthorized) from Shopify:", "[API] Invalid API key or access token (unrecognized login or wrong password)"],
    marker="[shopify-api/")

fam("jsforce-invalid-login", "https://jsforce.github.io/document/#connection; https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_login.htm", [
    """INVALID_LOGIN: Invalid username, password, security token; or user locked out.
    at SOAP.getResponseBody (/app/node_modules/jsforce/lib/soap.js:155:13)
conn.login('{{EMAIL}}', '{{PASSWORD}}{{HEX32}}') loginUrl=https://${sfhost}""",
    """[jsforce] DEBUG: <request> method=POST, url=https://${sfhost}/services/data/v60.0/sobjects/Contact
[jsforce] DEBUG: Authorization: Bearer {{SF_ACCESS_TOKEN}}
[jsforce] DEBUG: body={"Email":"{{EMAIL}}","MobilePhone":"{{PHONE_MH}}","VAT__c":"{{VAT_GB}}"}
Error: INVALID_LOGIN: Invalid username, password, security token; or user locked out.""",
], ["INVALID_LOGIN: Invalid username, password, security token; or user locked out.", "at SOAP.getResponseBody (/app/node_modules/jsforce/lib/soap.js:155:13)", "loginUrl=https://${sfhost}", "[jsforce] DEBUG: <request> method=POST, url=https://${sfhost}/services/data/v60.0/sobjects/Contact", "conn.login(", "[jsforce] DEBUG: Authorization: Bearer", "[jsforce] DEBUG: body={\"Email\":", "Error: INVALID_LOGIN:"],
    marker="INVALID_LOGIN:")

fam("okta-auth-js-sdk-error", "https://github.com/okta/okta-auth-js#error-handling; https://developer.okta.com/docs/reference/api/oidc/", [
    """AuthSdkError: The JWT was issued in the future
    at verifyToken (/app/node_modules/@okta/okta-auth-js/cjs/oidc/verifyToken.js:64:13)
  errorCode: 'INTERNAL',
  errorSummary: 'The JWT was issued in the future',
  idToken: '{{JWT}}',
  issuer: 'https://${oktadomain}/oauth2/default'""",
    """AuthSdkError: Unable to retrieve OAuth redirect params from storage
  errorCode: 'INTERNAL',
  config: { issuer: 'https://${oktadomain}/oauth2/default', clientId: '${alnum20}', clientSecret: '{{OKTA_CLIENT_SECRET}}', redirectUri: 'https://${apihost}/login/callback' }
  user: { email: '{{EMAIL}}', mobilePhone: '{{PHONE_VC}}' }""",
], ["AuthSdkError: The JWT was issued in the future", "at verifyToken (/app/node_modules/@okta/okta-auth-js/cjs/oidc/verifyToken.js:64:13)", "errorCode: 'INTERNAL',", "errorSummary: 'The JWT was issued in the future',", "issuer: 'https://${oktadomain}/oauth2/default'", "AuthSdkError: Unable to retrieve OAuth redirect params from storage", "clientId: '${alnum20}'", "redirectUri: 'https://${apihost}/login/callback'"],
    marker="AuthSdkError")

fam("keycloak-invalid-client-credentials", "https://www.keycloak.org/docs/latest/server_admin/#auditing-and-events; https://www.keycloak.org/docs/latest/securing_apps/#_client_credentials_grant", [
    """WARN  [org.keycloak.events] (executor-thread-12) type="CLIENT_LOGIN_ERROR", realmId="${uuid}", realmName="${realm}", clientId="${kcclient}", userId="null", ipAddress="${privip}", error="invalid_client_credentials", grant_type="client_credentials"
curl -s -X POST https://${kchost}/realms/${realm}/protocol/openid-connect/token -d grant_type=client_credentials -d client_id=${kcclient} -d client_secret={{KEYCLOAK_SECRET}}
{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}""",
    """WARN  [org.keycloak.events] (executor-thread-3) type="CLIENT_LOGIN_ERROR", realmName="${realm}", clientId="${kcclient}", ipAddress="${privip}", error="invalid_client_credentials", client_auth_method="client-secret"
KC_CLIENT_SECRET={{KEYCLOAK_SECRET}} KC_ADMIN_PASSWORD={{PASSWORD}} KC_DB_URL=jdbc:postgresql://${dbhost}:${pgport}/keycloak KC_DB_USERNAME=${dbuser}""",
], ["WARN  [org.keycloak.events] (executor-thread-12) type=\"CLIENT_LOGIN_ERROR\"", "realmName=\"${realm}\", clientId=\"${kcclient}\", userId=\"null\", ipAddress=\"${privip}\", error=\"invalid_client_credentials\", grant_type=\"client_credentials\"", "curl -s -X POST https://${kchost}/realms/${realm}/protocol/openid-connect/token -d grant_type=client_credentials -d client_id=${kcclient} -d client_secret=", "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}", "WARN  [org.keycloak.events] (executor-thread-3) type=\"CLIENT_LOGIN_ERROR\", realmName=\"${realm}\", clientId=\"${kcclient}\", ipAddress=\"${privip}\", error=\"invalid_client_credentials\", client_auth_method=\"client-secret\"", "KC_DB_URL=jdbc:postgresql://${dbhost}:${pgport}/keycloak KC_DB_USERNAME=${dbuser}"],
    marker="invalid_client_credentials")

fam("firebase-admin-id-token-expired", "https://firebase.google.com/docs/auth/admin/verify-id-tokens; https://firebase.google.com/docs/auth/admin/errors", [
    """FirebaseAuthError: Firebase ID token has expired. Get a fresh ID token from your client app and try again (auth/id-token-expired). See https://firebase.google.com/docs/auth/admin/verify-id-tokens for details on how to retrieve an ID token.
    at FirebaseTokenVerifier.mapJwtErrorToAuthError (/app/node_modules/firebase-admin/lib/auth/token-verifier.js:262:20)
  errorInfo: { code: 'auth/id-token-expired' },
  codePrefix: 'auth'
token: {{JWT}}""",
    """FirebaseAuthError: Firebase ID token has expired. Get a fresh ID token from your client app and try again (auth/id-token-expired).
  user: { uid: '${alnum28}', email: '{{EMAIL}}', phoneNumber: '{{PHONE_KI}}' }
  GOOGLE_APPLICATION_CREDENTIALS_JSON={"type":"service_account","project_id":"${fbapp}","private_key_id":"${hex40}","client_email":"firebase-adminsdk@${fbapp}.iam.gserviceaccount.com"}
  FIREBASE_API_KEY={{GCP_API_KEY}}""",
], ["FirebaseAuthError: Firebase ID token has expired. Get a fresh ID token from your client app and try again (auth/id-token-expired).", "See https://firebase.google.com/docs/auth/admin/verify-id-tokens for details on how to retrieve an ID token.", "at FirebaseTokenVerifier.mapJwtErrorToAuthError (/app/node_modules/firebase-admin/lib/auth/token-verifier.js:262:20)", "errorInfo: { code: 'auth/id-token-expired' },", "codePrefix: 'auth'", "\"type\":\"service_account\",\"project_id\":\"${fbapp}\"", "\"client_email\":\"firebase-adminsdk@${fbapp}.iam.gserviceaccount.com\"", "user: { uid: '${alnum28}', email:", "GOOGLE_APPLICATION_CREDENTIALS_JSON=", "FIREBASE_API_KEY="],
    marker="Firebase ID token has expired")

fam("twilio-java-authentication-exception", "https://www.twilio.com/docs/libraries/reference/twilio-java/; https://www.twilio.com/docs/api/errors/20003", [
    """com.twilio.exception.AuthenticationException: Invalid Username. Illegal Arguments Provided
	at com.twilio.http.TwilioRestClient.request(TwilioRestClient.java:...)
	at ${javapkg}.sms.SmsSender.send(SmsSender.java:${line})
twilio.account-sid={{TWILIO_SID}}
twilio.auth-token={{TWILIO_AUTH}}
to={{PHONE_FM}}""",
    """com.twilio.exception.ApiException: Authenticate
Caused by: com.twilio.exception.AuthenticationException: Twilio error 20003 (Authenticate): https://www.twilio.com/docs/errors/20003
	at ${javapkg}.sms.SmsSender.send(SmsSender.java:${line})
Twilio.init("{{TWILIO_SID}}", "{{TWILIO_AUTH}}"); Message.creator(new PhoneNumber("{{PHONE_PW}}"), new PhoneNumber("+15005550006"), "Code {{OTP}}")""",
], ["com.twilio.exception.AuthenticationException: Invalid Username. Illegal Arguments Provided", "at com.twilio.http.TwilioRestClient.request(TwilioRestClient.java:...)", "at ${javapkg}.sms.SmsSender.send(SmsSender.java:${line})", "com.twilio.exception.ApiException: Authenticate", "Caused by: com.twilio.exception.AuthenticationException: Twilio error 20003 (Authenticate): https://www.twilio.com/docs/errors/20003", "twilio.account-sid=", "twilio.auth-token=", "Message.creator(new PhoneNumber(", "new PhoneNumber(\"+15005550006\")"],
    marker="com.twilio.exception.AuthenticationException")

fam("shopify-ruby-http-response-error", "https://github.com/Shopify/shopify-api-ruby/blob/main/docs/usage/rest.md; https://github.com/Shopify/shopify-api-ruby/blob/main/docs/usage/graphql.md", [
    """ShopifyAPI::Errors::HttpResponseError: {"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}
If you report this error, please include this id: ${uuid}
/usr/local/bundle/gems/shopify_api-14.3.0/lib/shopify_api/clients/http_client.rb:82:in `request'
ShopifyAPI::Context.setup(api_key: "{{HEX32}}", api_secret_key: "{{SHOPIFY_SHARED}}", host: "https://${apihost}", scope: "read_customers")""",
    """ShopifyAPI::Errors::HttpResponseError: {"errors":{"email":["has already been taken"],"phone":["has already been taken"]}}
session: ShopifyAPI::Auth::Session shop=${shopdomain} access_token={{SHOPIFY_PAT}}
body: {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_RE}}","note":"VAT {{BTW_NL}}"}}""",
], ["ShopifyAPI::Errors::HttpResponseError: {\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}", "If you report this error, please include this id: ${uuid}", "/usr/local/bundle/gems/shopify_api-14.3.0/lib/shopify_api/clients/http_client.rb:82:in `request'", "host: \"https://${apihost}\", scope: \"read_customers\")", "ShopifyAPI::Errors::HttpResponseError: {\"errors\":{\"email\":[\"has already been taken\"],\"phone\":[\"has already been taken\"]}}", "session: ShopifyAPI::Auth::Session shop=${shopdomain}", "ShopifyAPI::Context.setup(api_key:", "api_secret_key:", "body: {\"customer\":{\"email\":"],
    marker="ShopifyAPI::Errors")


# --- Output the tools localise -----------------------------------------------------------------------------------------

fam("postgres-german-password-authentication", "https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LC-MESSAGES; https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: Fehler: Verbindung zum Server auf »${dbhost}« (${privip}), Port ${pgport} fehlgeschlagen: FATAL:  Passwort-Authentifizierung für Benutzer »${dbuser}« fehlgeschlagen
$$ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c 'select 1'""",
    """org.postgresql.util.PSQLException: FATAL: Passwort-Authentifizierung für Benutzer »${dbuser}« fehlgeschlagen
	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}
Testkunde: E-Mail {{EMAIL}}, Telefon {{PHONE_IM}}, USt-IdNr. {{USTID_DE}}""",
], ["psql: Fehler: Verbindung zum Server auf »${dbhost}« (${privip}), Port ${pgport} fehlgeschlagen: FATAL:  Passwort-Authentifizierung für Benutzer »${dbuser}« fehlgeschlagen", "psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c 'select 1'", "org.postgresql.util.PSQLException: FATAL: Passwort-Authentifizierung für Benutzer »${dbuser}« fehlgeschlagen", "at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)", "jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&"],
    marker="Passwort-Authentifizierung")

fam("postgres-french-password-authentication", "https://www.postgresql.org/docs/current/locale.html; https://www.postgresql.org/docs/current/libpq-envars.html", [
    """psql: erreur : la connexion au serveur sur « ${dbhost} » (${privip}), port ${pgport} a échoué : FATAL:  l'authentification par mot de passe a échoué pour l'utilisateur  « ${dbuser} »
DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
    """django.db.utils.OperationalError: connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  l'authentification par mot de passe a échoué pour l'utilisateur  « ${dbuser} »
Client de test : courriel {{EMAIL}}, téléphone {{PHONE_NC}}, mot de passe {{PASSWORD}}""",
], ["psql: erreur : la connexion au serveur sur « ${dbhost} » (${privip}), port ${pgport} a échoué : FATAL:  l'authentification par mot de passe a échoué pour l'utilisateur  « ${dbuser} »", "@${dbhost}:${pgport}/${db}", "django.db.utils.OperationalError: connection to server at \"${dbhost}\" (${privip}), port ${pgport} failed:", "Client de test : courriel"],
    marker="l'authentification par mot de passe a échoué")

fam("postgres-japanese-password-authentication", "https://www.postgresql.jp/document/current/html/auth-password.html; https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LC-MESSAGES", [
    """psql: エラー: "${dbhost}" (${privip})、ポート ${pgport} のサーバーへの接続に失敗しました: 致命的エラー:  ユーザー"${dbuser}"のパスワード認証に失敗しました
接続文字列: postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
    """sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) 致命的エラー:  ユーザー"${dbuser}"のパスワード認証に失敗しました
テストユーザー: メール {{EMAIL}} 電話 {{PHONE_PF}} APIキー {{API_KEY}}
(Background on this error at: https://sqlalche.me/e/20/e3q8)""",
], ["のサーバーへの接続に失敗しました: 致命的エラー:  ユーザー\"${dbuser}\"のパスワード認証に失敗しました", "@${dbhost}:${pgport}/${db}", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) 致命的エラー:  ユーザー\"${dbuser}\"のパスワード認証に失敗しました", "(Background on this error at: https://sqlalche.me/e/20/e3q8)", "psql: エラー: \"${dbhost}\" (${privip})、ポート ${pgport} のサーバーへの接続に失敗しました", "接続文字列: postgresql://", "テストユーザー: メール"],
    marker="のパスワード認証に失敗しました")

fam("postgres-polish-password-authentication", "https://www.postgresql.org/docs/current/locale.html; https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: błąd: połączenie z serwerem na "${dbhost}" (${privip}), port ${pgport} nie powiodło się: KATASTROFALNY:  uwierzytelnienie hasłem nie powiodło się dla użytkownika "${dbuser}"
$$ psql "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}\"""",
    """Error: KATASTROFALNY:  uwierzytelnienie hasłem nie powiodło się dla użytkownika "${dbuser}"
    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)
  code: '28P01',
  routine: 'auth_failed'
Klient testowy: e-mail {{EMAIL}}, telefon {{PHONE_KY}}, klucz {{STRIPE_SK}}""",
], ["KATASTROFALNY:  uwierzytelnienie hasłem nie powiodło się dla użytkownika \"${dbuser}\"", "połączenie z serwerem na \"${dbhost}\" (${privip}), port ${pgport} nie powiodło się:", "@${dbhost}:${pgport}/${db}", "at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)", "code: '28P01',", "routine: 'auth_failed'", "Klient testowy: e-mail"],
    marker="uwierzytelnienie hasłem nie powiodło się")

fam("sqlserver-german-login-failed", "https://learn.microsoft.com/de-de/sql/relational-databases/errors-events/mssqlserver-18456-database-engine-error; https://learn.microsoft.com/de-de/sql/connect/ado-net/connection-string-syntax", [
    """Microsoft.Data.SqlClient.SqlException (0x80131904): Fehler bei der Anmeldung für den Benutzer "${dbuser}".
   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
ConnectionStrings__Default=Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}};TrustServerCertificate=True
Fehlernummer:18456,Status:1,Klasse:14""",
    """Sqlcmd: Fehler: Microsoft ODBC Driver 18 for SQL Server : Fehler bei der Anmeldung für den Benutzer "${dbuser}"..
$$ sqlcmd -S ${sqlsrvhost} -d ${sqlsrvdb} -U ${dbuser} -P {{PASSWORD}} -Q "SELECT Email FROM Kunden WHERE Telefon = '{{PHONE_JE}}'\"""",
], ["Microsoft.Data.SqlClient.SqlException (0x80131904): Fehler bei der Anmeldung für den Benutzer \"${dbuser}\".", "at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};", "TrustServerCertificate=True", "Fehlernummer:18456,Status:1,Klasse:14", "Sqlcmd: Fehler: Microsoft ODBC Driver 18 for SQL Server : Fehler bei der Anmeldung für den Benutzer \"${dbuser}\"..", "sqlcmd -S ${sqlsrvhost} -d ${sqlsrvdb} -U ${dbuser} -P", "SELECT Email FROM Kunden WHERE Telefon ="],
    marker="Fehler bei der Anmeldung für den Benutzer")

fam("sqlserver-spanish-login-failed", "https://learn.microsoft.com/es-es/sql/relational-databases/errors-events/mssqlserver-18456-database-engine-error; https://learn.microsoft.com/es-es/sql/tools/sqlcmd/sqlcmd-utility", [
    """Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Error de inicio de sesión del usuario '${dbuser}'..
$$ sqlcmd -S tcp:${sqlsrvhost},1433 -d ${sqlsrvdb} -U ${dbuser} -P '{{PASSWORD}}' -C""",
    """pyodbc.InterfaceError: ('28000', "[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Error de inicio de sesión del usuario '${dbuser}'. (18456) (SQLDriverConnect)")
cadena de conexión: DRIVER={ODBC Driver 18 for SQL Server};SERVER=${sqlsrvhost};DATABASE=${sqlsrvdb};UID=${dbuser};PWD={{PASSWORD}}
cliente de prueba: correo {{EMAIL}}, teléfono {{PHONE_DM}}, NIT {{NIT_GT}}""",
], ["Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Error de inicio de sesión del usuario '${dbuser}'..", "sqlcmd -S tcp:${sqlsrvhost},1433 -d ${sqlsrvdb} -U ${dbuser} -P", "pyodbc.InterfaceError: ('28000', \"[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Error de inicio de sesión del usuario '${dbuser}'. (18456) (SQLDriverConnect)\")", "DRIVER={ODBC Driver 18 for SQL Server};SERVER=${sqlsrvhost};DATABASE=${sqlsrvdb};UID=${dbuser};", "cliente de prueba: correo", "cadena de conexión: DRIVER=", "teléfono"],
    marker="Error de inicio de sesión del usuario")

fam("hibernate-validator-german-messages", "https://docs.jboss.org/hibernate/validator/8.0/reference/en-US/html_single/#section-message-interpolation; https://docs.spring.io/spring-boot/reference/io/validation.html", [
    """WARN  o.s.w.s.m.s.DefaultHandlerExceptionResolver - Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0] in public org.springframework.http.ResponseEntity<${javapkg}.CustomerDto> ${javapkg}.CustomerController.create(${javapkg}.CustomerDto): [Field error in object 'customerDto' on field 'email': rejected value [{{PHONE_AG}}]; default message [muss eine korrekt formatierte E-Mail-Adresse sein]]]
Request-Header: Authorization=Bearer {{JWT}}""",
    """jakarta.validation.ConstraintViolationException: create.arg0.email: muss eine korrekt formatierte E-Mail-Adresse sein, create.arg0.name: darf nicht leer sein
Eingabe: {"email":"{{EMAIL}}x","telefon":"{{PHONE_BM}}","ustId":"{{USTID_DE}}","iban":"{{IBAN}}"}
	at ${javapkg}.CustomerController.create(CustomerController.java:${line})""",
], ["WARN  o.s.w.s.m.s.DefaultHandlerExceptionResolver - Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0] in public org.springframework.http.ResponseEntity<${javapkg}.CustomerDto> ${javapkg}.CustomerController.create(${javapkg}.CustomerDto):", "[Field error in object 'customerDto' on field 'email': rejected value", "default message [muss eine korrekt formatierte E-Mail-Adresse sein]]]", "jakarta.validation.ConstraintViolationException: create.arg0.email: muss eine korrekt formatierte E-Mail-Adresse sein, create.arg0.name: darf nicht leer sein", "at ${javapkg}.CustomerController.create(CustomerController.java:${line})", "Request-Header: Authorization=Bearer", "Eingabe: {\"email\":", "create.arg0.name: darf nicht leer sein"],
    marker="muss eine korrekt formatierte E-Mail-Adresse sein")

fam("symfony-validator-french-messages", "https://symfony.com/doc/current/validation.html; https://symfony.com/doc/current/translation.html", [
    """[2024-06-01T12:04:17.311205+00:00] request.INFO: Matched route "api_customer_create". {"route":"api_customer_create","request_uri":"https://${apihost}/api/customers?apiKey={{API_KEY}}","method":"POST"} []
Object(App\\Entity\\Customer).email:
    Cette valeur n'est pas une adresse email valide. (code bd79c0ab-ddba-46cc-a703-a7a4b08de310)
Object(App\\Entity\\Customer).phone:
    Cette valeur n'est pas valide. ({{PHONE_KN}})""",
    """App\\Tests\\Controller\\CustomerControllerTest::testCreate
Failed asserting that the Response status code is 201.
HTTP/1.1 422 Unprocessable Content
{"violations":[{"propertyPath":"email","title":"Cette valeur n'est pas une adresse email valide.","invalidValue":"{{EMAIL}}"},{"propertyPath":"vatNumber","title":"Cette valeur ne doit pas être vide."}],"debug":{"DATABASE_URL":"mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}"}}""",
], ["request.INFO: Matched route \"api_customer_create\".", "{\"route\":\"api_customer_create\",\"request_uri\":\"https://${apihost}/api/customers?", "\"method\":\"POST\"} []", "Object(App\\Entity\\Customer).email:", "Cette valeur n'est pas une adresse email valide. (code bd79c0ab-ddba-46cc-a703-a7a4b08de310)", "Object(App\\Entity\\Customer).phone:", "App\\Tests\\Controller\\CustomerControllerTest::testCreate", "Failed asserting that the Response status code is 201.", "HTTP/1.1 422 Unprocessable Content", "{\"propertyPath\":\"email\",\"title\":\"Cette valeur n'est pas une adresse email valide.\"", "{\"propertyPath\":\"vatNumber\",\"title\":\"Cette valeur ne doit pas être vide.\"}", "@${dbhost}:${myport}/${db}"],
    marker="Cette valeur n'est pas une adresse email valide.")

fam("laravel-spanish-validation-messages", "https://laravel.com/docs/11.x/validation#working-with-error-messages; https://laravel.com/docs/11.x/localization", [
    """Expected response status code [201] but received 422.
Failed asserting that 422 is identical to 201.

The following errors occurred during the last request:

{
    "message": "El campo correo electrónico debe ser una dirección de correo válida.",
    "errors": {
        "email": [
            "El campo correo electrónico debe ser una dirección de correo válida."
        ]
    },
    "input": {"email": "{{PHONE_VC}}", "telefono": "{{PHONE_VC}}", "token": "{{HEX40}}"}
}""",
    """[2024-06-01 12:05:02] local.INFO: validación fallida {"errors":{"email":["El campo correo electrónico debe ser una dirección de correo válida."]},"input":{"email":"{{EMAIL}}","nit":"{{NIT_GT}}","password":"{{PASSWORD}}"}}
  at tests/Feature/RegistroTest.php:${line}""",
], ["Expected response status code [201] but received 422.", "Failed asserting that 422 is identical to 201.", "The following errors occurred during the last request:", "\"message\": \"El campo correo electrónico debe ser una dirección de correo válida.\",", "local.INFO: validación fallida {\"errors\":{\"email\":[\"El campo correo electrónico debe ser una dirección de correo válida.\"]}", "at tests/Feature/RegistroTest.php:${line}", "\"errors\": {", "\"input\": {\"email\":", "[2024-06-01 12:05:02] local.INFO: validación fallida", "\"input\":{\"email\":"],
    marker="debe ser una dirección de correo válida")

fam("django-italian-form-errors", "https://docs.djangoproject.com/en/5.0/ref/forms/api/#django.forms.Form.errors; https://docs.djangoproject.com/en/5.0/topics/i18n/translation/", [
    """AssertionError: The form 'form' in context 0 does not contain the field 'email'
form.errors: <ul class="errorlist"><li>email<ul class="errorlist"><li>Inserisci un indirizzo email valido.</li></ul></li><li>telefono<ul class="errorlist"><li>Questo campo è obbligatorio.</li></ul></li></ul>
data: {'email': '{{PHONE_CW}}', 'password1': '{{PASSWORD}}', 'password2': '{{PASSWORD}}'}""",
    """FAIL: test_signup_rejects_bad_email (${djapp}.tests.test_forms.SignupFormTests.test_signup_rejects_bad_email)
AssertionError: {'email': ['Inserisci un indirizzo email valido.']} != {}
data={'email': '{{EMAIL}}', 'partita_iva': '{{CUI_RO}}', 'telefono': '{{PHONE_RE}}'}
Ran 41 tests in 3.207s""",
], ["AssertionError: The form 'form' in context 0 does not contain the field 'email'", "<ul class=\"errorlist\"><li>email<ul class=\"errorlist\"><li>Inserisci un indirizzo email valido.</li></ul></li>", "<li>Questo campo è obbligatorio.</li>", "FAIL: test_signup_rejects_bad_email (${djapp}.tests.test_forms.SignupFormTests.test_signup_rejects_bad_email)", "AssertionError: {'email': ['Inserisci un indirizzo email valido.']} != {}", "Ran 41 tests in 3.207s", "form.errors: <ul class=\"errorlist\">", "<li>telefono<ul class=\"errorlist\">", "data: {'email':", "data={'email':"],
    marker="Inserisci un indirizzo email valido.")

fam("rails-japanese-validation-messages", "https://guides.rubyonrails.org/i18n.html#translations-for-active-record-models; https://github.com/svenfuchs/rails-i18n", [
    """ActiveRecord::RecordInvalid: バリデーションに失敗しました: メールアドレスは不正な値です, 電話番号を入力してください
    app/models/customer.rb:${line}:in `register!'
params: {"customer"=>{"email"=>"{{PHONE_MH}}", "password"=>"{{PASSWORD}}", "api_key"=>"{{API_KEY}}"}}""",
    """Failure:
${rbclass}#test_rejects_bad_email [test/models/customer_test.rb:${line}]
Expected ["メールアドレスは不正な値です"] to be empty.
customer: #<Customer id: nil, email: "{{EMAIL}}", phone: "{{PHONE_FM}}", vat_number: "{{VAT_GB}}">""",
], ["ActiveRecord::RecordInvalid: バリデーションに失敗しました: メールアドレスは不正な値です, 電話番号を入力してください", "app/models/customer.rb:${line}:in `register!'", "${rbclass}#test_rejects_bad_email [test/models/customer_test.rb:${line}]", "Expected [\"メールアドレスは不正な値です\"] to be empty.", "バリデーションに失敗しました", "電話番号を入力してください", "params: {\"customer\"=>{\"email\"=>", "to be empty.", "customer: #<Customer id: nil, email:"],
    marker="メールアドレスは不正な値です")

fam("django-dutch-form-errors", "https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator; https://docs.djangoproject.com/en/5.0/topics/testing/tools/#django.test.SimpleTestCase.assertFormError", [
    """AssertionError: The errors of field 'email' on form <SignupForm bound=True, valid=False, fields=(email;telefoon;password)> don't match.
- ['Voer een geldig e-mailadres in.']
+ []
form.data: {'email': '{{EMAIL}}', 'telefoon': '{{PHONE_GI}}', 'password': '{{PASSWORD}}'}""",
    """ValidationError: {'email': ['Voer een geldig e-mailadres in.'], 'btw_nummer': ['Dit veld is verplicht.']}
  File "/app/${djapp}/forms.py", line ${line}, in clean
payload: {"email": "{{PHONE_NR}}", "iban": "{{IBAN}}", "btw_nummer": "{{BTW_NL}}"}""",
], ["AssertionError: The errors of field 'email' on form <SignupForm bound=True, valid=False, fields=(email;telefoon;password)> don't match.", "- ['Voer een geldig e-mailadres in.']", "ValidationError: {'email': ['Voer een geldig e-mailadres in.'], 'btw_nummer': ['Dit veld is verplicht.']}", "File \"/app/${djapp}/forms.py\", line ${line}, in clean", "fields=(email;telefoon;password)", "form.data: {'email':", "'btw_nummer': ['Dit veld is verplicht.']", "payload: {\"email\":"],
    marker="Voer een geldig e-mailadres in.")

fam("rails-portuguese-validation-messages", "https://github.com/svenfuchs/rails-i18n/tree/master/rails/locale; https://guides.rubyonrails.org/active_record_validations.html#errors", [
    """ActiveRecord::RecordInvalid: A validação falhou: E-mail não é válido, Telefone não pode ficar em branco
    app/services/cadastro.rb:${line}:in `call'
params: {"cliente"=>{"email"=>"{{PHONE_PW}}", "senha"=>"{{PASSWORD}}", "token"=>"{{HEX40}}"}}""",
    """  1) Cliente cadastra com e-mail inválido
     Failure/Error: expect(cliente.errors.full_messages).to be_empty
       expected errors to be empty, got ["E-mail não é válido"]
     # ./spec/models/cliente_spec.rb:${line}
     cliente: #<Cliente email: "{{EMAIL}}", telefone: "{{PHONE_AW}}", iban: "{{IBAN}}">""",
], ["ActiveRecord::RecordInvalid: A validação falhou: E-mail não é válido, Telefone não pode ficar em branco", "app/services/cadastro.rb:${line}:in `call'", "1) Cliente cadastra com e-mail inválido", "expected errors to be empty, got [\"E-mail não é válido\"]", "# ./spec/models/cliente_spec.rb:${line}", "Telefone não pode ficar em branco", "Failure/Error: expect(cliente.errors.full_messages).to be_empty", "cliente: #<Cliente email:", "params: {\"cliente\"=>{\"email\"=>"],
    marker="não é válido")
