# The nineteenth collection (session 23, corpus19): the clean measure of this stop, written blind (no rule writer reads
# it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to eighteenth, its families
# come from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, here those the
# eighteen collections touch least: unit-test runners' assertion output that prints SOURCE LINES and call arguments
# (pytest's assertion rewriting and tracebacks with source, Jest and Vitest code frames and call diffs, Mocha,
# Jasmine/Karma, JUnit 5 and AssertJ, Spock's power asserts, TestNG, Go's testing with testify, cargo test, xUnit, NUnit,
# MSTest, PHPUnit, RSpec, Minitest), CI/CD and deploy logs that echo commands and tokens in URL paths (GitHub Actions,
# GitLab CI, CircleCI, Jenkins, Buildkite, Bitbucket Pipelines, Azure DevOps, Argo CD, Flux, Tekton, Ansible -vvv,
# Terraform, the aws, gcloud and az CLIs with --debug), mobile builds and tests (Fastlane, Gradle and Android, xcodebuild,
# Espresso, Flutter, React Native's Metro, Expo/EAS), queues and workers (Celery, Sidekiq, BullMQ, RabbitMQ, Kafka
# clients, Pub/Sub) and output those tools localise in languages the eighteen use least (Swedish, Romanian, Hungarian,
# Hindi, Finnish, Danish, Norwegian, Croatian, Bulgarian, Catalan, Slovak, Malay, Persian, Bengali), each in a MESSAGE
# SHAPE none of the eighteen collections has (checked by a script that looks for a fixed part of each shape, the `marker`
# below, in every failure-output*.jsonl, corpus.jsonl and outside-mainstream-2.txt to -7.txt, case-insensitively and
# JSON-escaped; candidates found there were dropped before writing). Secrets are planted where those tools print them:
# positional arguments of calls and commands shown in source lines, URL path segments (webhooks, build hooks, heartbeat
# URLs), DSNs (host, port, database and user kept), headers, command lines with short flags, env and config dumps, SDK
# debug output, cookies, JSON log fields and object fields named token, password, apiKey or secret. Personal data of
# countries and territories none of the eighteen has (North Korea, Ascension, the British Indian Ocean Territory), big
# countries' phones in shapes not planted yet, and national numbers no collection has (New Zealand's NHI, Brazil's
# PIS/PASEP) and a vehicle identification number, with VALID check digits (NineteenthIds.java). Each family names the
# public page its shape was learnt from; nothing was copied and every value is invented. Same template language as the
# earlier collections; every line of a template with no planted value (12 characters or more) and every fixed stretch
# of 12 characters or more between planted values is a string to keep as well (build.py's `auto_keep`). Split like the
# sixth to eighteenth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed before any rule ran,
# not redrawn.

from families18 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "pytest19": ["tests/test_payments.py", "tests/integration/test_crm_sync.py", "tests/api/test_orders.py"],
    "jestfile19": ["src/api/__tests__/client.test.ts", "src/services/payments.spec.ts", "test/unit/mailer.test.js"],
    "javatest19": ["com.acme.orders.PaymentGatewayTest", "io.globex.billing.InvoiceClientTest", "net.initech.crm.SyncServiceTest"],
    "gotest19": ["client_test.go", "store_test.go", "webhook_test.go"],
    "rstest19": ["tests/api.rs", "src/client.rs", "tests/integration.rs"],
    "csproj19": ["Acme.Orders.Tests", "Globex.Billing.UnitTests", "Initech.Crm.IntegrationTests"],
    "phpfile19": ["tests/Feature/PaymentTest.php", "tests/Unit/MailerTest.php", "tests/Feature/CustomerApiTest.php"],
    "rbspec19": ["spec/services/payment_client_spec.rb", "spec/requests/customers_spec.rb", "spec/jobs/sync_job_spec.rb"],
    "ghrepo19": ["acme/orders-api", "globex/checkout-web", "initech/crm-mobile"],
    "ghjob19": ["deploy-staging", "e2e", "release"],
    "glproject19": ["acme/platform/orders-api", "globex/web/checkout", "initech/mobile/crm-app"],
    "jenkinsjob19": ["orders-api/main", "checkout-web/PR-412", "crm-mobile/release%2F4.2"],
    "argoapp19": ["orders-api-staging", "checkout-web-prod", "crm-worker-dev"],
    "tfres19": ["aws_db_instance.orders", "google_sql_user.app", "azurerm_postgresql_flexible_server.main"],
    "ansiblehost19": ["web-01.acme.net", "app-2.staging.globex.io", "10.0.4.31"],
    "iosscheme19": ["AcmeShop", "GlobexCheckout", "InitechCRM"],
    "bundleid19": ["com.acme.shop", "io.globex.checkout", "net.initech.crm"],
    "androidpkg19": ["com.acme.shop.debug", "io.globex.checkout", "net.initech.crm.staging"],
    "celerytask19": ["billing.tasks.charge_invoice", "crm.tasks.sync_contact", "orders.tasks.send_receipt"],
    "sidekiqjob19": ["ChargeInvoiceJob", "SyncContactWorker", "SendReceiptJob"],
    "bullqueue19": ["emails", "payments", "webhooks"],
    "kafkatopic19": ["orders.created", "billing.invoice-paid", "crm.contact-updated"],
    "kafkabroker19": ["kafka-0.kafka.data.svc.cluster.local:9092", "b-1.orders.x1y2z3.c4.kafka.eu-west-1.amazonaws.com:9096", "pkc-4r297.europe-west1.gcp.confluent.cloud:9092"],
    "rmqhost19": ["rabbitmq.messaging.svc.cluster.local", "mq-01.acme.net", "rabbit.staging.globex.io"],
    "gcpproject19": ["acme-shop-staging", "globex-checkout-prod", "initech-crm-dev"],
    "awsregion19": ["eu-west-1", "us-east-2", "ap-southeast-1"],
    "azrg19": ["rg-orders-staging", "rg-checkout-prod", "rg-crm-dev"],
    "tektontask19": ["build-and-push", "run-e2e", "deploy-staging"],
    "buildkitepipe19": ["orders-api", "checkout-web", "crm-mobile"],
    "circlejob19": ["build-and-test", "deploy-staging", "e2e-tests"],
    "flutterfile19": ["test/widget/login_test.dart", "test/api_client_test.dart", "integration_test/checkout_test.dart"],
    "rnapp19": ["AcmeShop", "GlobexCheckout", "InitechCrm"],
    "hostname19": ["api.acme-corp.io", "billing.globex.com", "crm.initech.net"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- unit-test runners: assertion output with source lines and call arguments ---------------------------------------

fam("pytest-assert-rewrite-positional-client", "https://docs.pytest.org/en/stable/how-to/assert.html", [
    """    def test_charge_declined(monkeypatch):
>       client = PaymentsClient("https://${hostname19}", "{{STRIPE_SK}}", timeout=5)
E       payments.errors.AuthError: 401 Unauthorized for customer {{EMAIL}}

${pytest19}:${line}: AuthError""",
    """>       assert resp.json() == {"phone": "{{PHONE_KR_INTL}}", "status": "active"}
E       AssertionError: assert {'phone': '{{PHONE_KR_INTL}}', 'status': 'locked'} == {'phone': '{{PHONE_KR_INTL}}', 'status': 'active'}
E         Differing items:
E         {'status': 'locked'} != {'status': 'active'}
E         Use -v to get more diff""",
], ["${pytest19}:${line}: AuthError"], marker=[">       client = PaymentsClient(", "E       AssertionError: assert {'phone': '"])

fam("pytest-long-traceback-locals", "https://docs.pytest.org/en/stable/how-to/output.html#modifying-python-traceback-printing", [
    """api_key    = '{{OPENAI}}'
customer   = {'email': '{{EMAIL}}', 'nhi': '{{NHI_NZ}}'}
session    = <requests.sessions.Session object at 0x7f3a2c1d9e50>

${pytest19}:${line}: in test_sync_customer""",
    """dsn        = 'postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}'
engine     = Engine(postgresql://${dbuser}:***@${dbhost}:${pgport}/${db})
phone      = '{{PHONE_CN_DASH}}'

${pytest19}:${line}: in test_migrations_apply""",
], ["session    = <requests.sessions.Session object at 0x7f3a2c1d9e50>", "engine     = Engine(postgresql://${dbuser}:***@${dbhost}:${pgport}/${db})"], marker=["session    = <requests.sessions.Session object at", "engine     = Engine(postgresql://"])

fam("pytest-fixture-setup-error", "https://docs.pytest.org/en/stable/how-to/fixtures.html", [
    """==================================== ERRORS ====================================
___________________ ERROR at setup of test_invoice_is_sent ____________________

    @pytest.fixture
    def mailer():
>       return SmtpMailer("smtp.${hostname19}", 587, "${dbuser}", "{{PASSWORD}}")
E       smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')""",
    """___________________ ERROR at setup of test_push_is_delivered ___________________

    @pytest.fixture(scope="session")
    def fcm():
>       return FcmSender(project="${gcpproject19}", server_key="{{FCM_TOKEN}}")
E       google.auth.exceptions.DefaultCredentialsError: invalid server key for {{EMAIL}}""",
], ["___________________ ERROR at setup of test_invoice_is_sent ____________________", "E       smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')"], marker=[">       return SmtpMailer(", ">       return FcmSender(project="])

fam("jest-code-frame-positional-sdk", "https://jestjs.io/docs/expect; https://babeljs.io/docs/babel-code-frame", [
    """  ● PaymentsClient › refunds a charge

    StripeAuthenticationError: Invalid API Key provided: {{STRIPE_SK}}

      12 | describe('PaymentsClient', () => {
      13 |   it('refunds a charge', async () => {
    > 14 |     const client = new PaymentsClient('{{STRIPE_SK}}', { apiVersion: '2024-06-20' });
         |                    ^
      15 |     await client.refund('{{EMAIL}}');

      at Object.<anonymous> (${jestfile19}:14:20)""",
    """  ● mailer › sends the receipt

      21 |   it('sends the receipt', async () => {
    > 22 |     sgMail.setApiKey('{{SENDGRID}}');
         |            ^
      23 |     await send({ to: '{{EMAIL}}', phone: '{{PHONE_IT_INTL}}' });""",
], ["describe('PaymentsClient', () => {", "it('refunds a charge', async () => {", "(${jestfile19}:14:20)", "it('sends the receipt', async () => {"], marker=["    > 14 |     const client = new PaymentsClient(", "    > 22 |     sgMail.setApiKey("])

fam("jest-called-with-diff-args", "https://jestjs.io/docs/expect#tohavebeencalledwitharg1-arg2-", [
    """    expect(jest.fn()).toHaveBeenLastCalledWith(...expected)

    Expected: "https://${hostname19}/v1/login", {"password": "{{PASSWORD}}", "username": "{{EMAIL}}"}
    Received: "https://${hostname19}/v1/login", {"password": "{{PASSWORD}}", "username": "{{EMAIL}}", "otp": "123456"}""",
    """    expect(jest.fn()).toHaveBeenNthCalledWith(n, ...expected)

    n: 2
    Expected: "Authorization", "Bearer {{JWT}}"
    Received: "Authorization", "Bearer {{JWT}}", {"retry": true}""",
], ['expect(jest.fn()).toHaveBeenLastCalledWith(...expected)', 'expect(jest.fn()).toHaveBeenNthCalledWith(n, ...expected)'], marker=["\", {\"password\": \"", "    Expected: \"Authorization\", \"Bearer"])

fam("vitest-assertion-error-diff", "https://vitest.dev/api/expect.html", [
    """ FAIL  ${jestfile19} > crm client > creates a contact
AssertionError: expected { email: '{{EMAIL}}', …(2) } to deeply equal { email: '{{EMAIL}}', …(2) }

- Expected
+ Received

    Object {
      "email": "{{EMAIL}}",
-     "phone": "{{PHONE_ES_INTL}}",
+     "phone": null,""",
    """ FAIL  ${jestfile19} > webhooks > posts to slack
AssertionError: expected "spy" to be called with arguments: [ 'https://hooks.slack.com/services/{{SLACK_HOOK_PATH}}', …(1) ]

Received:

  1st spy call:""",
], ["AssertionError: expected \"spy\" to be called with arguments: [ 'https://hooks.slack.com/services/", "  1st spy call:"], marker=["to deeply equal { email:", "expected \"spy\" to be called with arguments: [ 'https://hooks.slack.com/services/"])

fam("mocha-assertion-actual-expected", "https://mochajs.org/#reporters", [
    """  1) Auth API
       POST /login
         returns a session cookie:

      AssertionError: expected 'connect.sid={{CONNECT_SID}}; Path=/; HttpOnly' to include 'SameSite=Lax'
      + expected - actual

      -connect.sid={{CONNECT_SID}}; Path=/; HttpOnly
      +SameSite=Lax""",
    """  2) Billing client
       charges the saved card:
     Error: Request failed: POST https://${hostname19}/charges?key={{API_KEY}} (402)
      at Context.<anonymous> (test/billing.spec.js:${line}:11)
      customer: {{EMAIL}} / {{PHONE_PT_INTL}}""",
], ["      + expected - actual", "returns a session cookie:", "charges the saved card:"], marker=["returns a session cookie:", "     Error: Request failed: POST https://"])

fam("karma-jasmine-spy-expected-called-with", "https://jasmine.github.io/api/edge/matchers.html#toHaveBeenCalledWith", [
    """Chrome Headless 124.0.6367.60 (Linux x86_64) AuthService should store the token FAILED
	Expected spy localStorage.setItem to have been called with:
	  [ 'access_token', '{{JWT}}' ]
	but actual calls were:
	  [ 'access_token', 'undefined' ], [ 'user_email', '{{EMAIL}}' ].""",
    """Chrome Headless 124.0.6367.60 (Linux x86_64) ApiInterceptor adds the key FAILED
	Expected spy HttpHandler.handle to have been called with:
	  [ HttpRequest({ url: 'https://${hostname19}/api', headers: { 'X-Api-Key': '{{HEX40}}' } }) ]
	but it was never called.""",
], ["Chrome Headless 124.0.6367.60 (Linux x86_64) AuthService should store the token FAILED", "Expected spy localStorage.setItem to have been called with:", "but actual calls were:", "Chrome Headless 124.0.6367.60 (Linux x86_64) ApiInterceptor adds the key FAILED", "but it was never called."], marker=["but actual calls were:", "\tExpected spy HttpHandler.handle to have been called with:"])

fam("junit5-assertj-extracting-fields", "https://assertj.github.io/doc/#assertj-core-assertions-guide", [
    """[ERROR]   ${javatest19}.createsCustomer:${line}
expected: "{{PHONE_TR_PARENS}}"
 but was: "{{PHONE_TR_PARENS}} "
	at ${javatest19}.createsCustomer(PaymentGatewayTest.java:${line})
Gateway under test: new StripeGateway("{{STRIPE_SK}}", "{{EMAIL}}")""",
    """[ERROR]   ${javatest19}.signsWebhook:${line}
Expecting actual's fields to match expected:
  "secret": "{{HEX64}}"
  "owner": "{{EMAIL}}"
but some fields differed: [signature]""",
], ["but some fields differed: [signature]", "Expecting actual's fields to match expected:"], marker=["Gateway under test: new StripeGateway(\"", "but some fields differed:"])

fam("spock-power-assert-constructor", "https://spockframework.org/spock/docs/2.3/all_in_one.html#_power_assertions", [
    """Condition failed with Exception:

new CrmClient("${hostname19}", "{{HUBSPOT_PAT}}").find("{{EMAIL}}").phone == "{{PHONE_CZ_INTL}}"
|                                                |                     |
|                                                null                  java.lang.NullPointerException""",
    """Condition failed with Exception:

mailer.send("{{EMAIL}}", "Welcome", [token: "{{HEX40}}"])
|      |
|      groovy.lang.MissingMethodException: No signature of method
MailerSpec.groovy:${line}""",
], ["Condition failed with Exception:", "groovy.lang.MissingMethodException: No signature of method", "MailerSpec.groovy:${line}"], marker="Condition failed with Exception:")

fam("testng-data-provider-params", "https://testng.org/#_parameters_with_dataproviders", [
    """FAILED: ${javatest19}.loginWorks("{{EMAIL}}", "{{PASSWORD}}", "{{PHONE_SE_INTL}}")
java.lang.AssertionError: expected [200] but found [401]
	at org.testng.Assert.fail(Assert.java:111)""",
    """SKIPPED: ${javatest19}.signsUpload("${bucket}", "{{AWS_KEY_ID}}", "{{AWS_SECRET}}")
java.lang.Throwable: Method arguments do not match: [class java.lang.String]
===============================================
Default Suite
Total tests run: 12, Passes: 10, Failures: 1, Skips: 1
===============================================""",
], ["java.lang.AssertionError: expected [200] but found [401]", "at org.testng.Assert.fail(Assert.java:111)", "Total tests run: 12, Passes: 10, Failures: 1, Skips: 1", "Default Suite"], marker=["java.lang.AssertionError: expected [200] but found [401]", "java.lang.Throwable: Method arguments do not match:"])

fam("go-testify-require-no-error-source", "https://pkg.go.dev/github.com/stretchr/testify/require", [
    """    ${gotest19}:${line}:
        	Error Trace:	/builds/${ghrepo19}/${gotest19}:${line}
        	Error:      	Received unexpected error:
        	            	dial tcp ${privip}:5432: connect: connection refused (dsn=postgres://${dbuser}:{{URL_PASSWORD}}@${privip}:5432/${db}?sslmode=disable)
        	Test:       	TestStore_CreateCustomer""",
    """        	Error:      	Should be empty, but was [{Email:{{EMAIL}} Phone:{{PHONE_HU_INTL}} Token:{{HEX40}}}]
        	Test:       	TestRepo_ListInactive
--- FAIL: TestRepo_ListInactive (0.03s)""",
], ["Received unexpected error:", "Test:       	TestStore_CreateCustomer", "Test:       	TestRepo_ListInactive", "--- FAIL: TestRepo_ListInactive (0.03s)"], marker=["connect: connection refused (dsn=postgres://", "Should be empty, but was [{Email:"])

fam("cargo-test-assert-eq-left-right", "https://doc.rust-lang.org/std/macro.assert_eq.html", [
    """---- client::tests::signs_request stdout ----
thread 'client::tests::signs_request' panicked at ${rstest19}:${line}:9:
assertion `left == right` failed
  left: "Bearer {{JWT}}"
 right: "Bearer {{JWT}}x"
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace""",
    """---- tests::connects_to_redis stdout ----
Error: Redis(AuthenticationFailed: "redis://default:{{URL_PASSWORD}}@${redishost}:6379/0")
customer = Customer { email: "{{EMAIL}}", phone: "{{PHONE_FI_INTL}}" }""",
], ["---- client::tests::signs_request stdout ----", "assertion `left == right` failed", "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace", "---- tests::connects_to_redis stdout ----"], marker=["  left: \"Bearer ", "Error: Redis(AuthenticationFailed:"])

fam("xunit-theory-inline-data", "https://xunit.net/docs/getting-started/netcore/cmdline", [
    """  Failed ${csproj19}.QueueTests.Sends(connectionString: "DefaultEndpointsProtocol=https;AccountName=acmeci;AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net", to: "{{EMAIL}}") [2 s]
  Error Message:
   Azure.RequestFailedException : Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.
Status: 403 (Server failed to authenticate the request.)""",
    """  Failed ${csproj19}.BlobTests.Uploads(connectionString: "DefaultEndpointsProtocol=https;AccountName=acmeci;AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net") [1 s]
  Error Message:
   Azure.RequestFailedException : Server failed to authenticate the request.
ErrorCode: AuthenticationFailed (owner {{EMAIL}}, {{PHONE_NO_INTL}})""",
], ["Status: 403 (Server failed to authenticate the request.)", "ErrorCode: AuthenticationFailed (owner"], marker="Azure.RequestFailedException : Server failed to authenticate the request.")
fam("nunit-testcase-args-message", "https://docs.nunit.org/articles/nunit/writing-tests/attributes/testcase.html", [
    """Failed SendsSms("{{PHONE_MX_INTL}}","{{TWILIO_AUTH}}") [38 ms]
  Error Message:
     Expected: True
  But was:  False
  Stack Trace:
     at ${csproj19}.SmsTests.SendsSms(String to, String authToken) in /src/SmsTests.cs:line ${line}""",
    """Failed ChargesCard("{{CARD}}","{{EMAIL}}") [54 ms]
  Error Message:
     Expected string length 16 but was 19. Strings differ at index 4.""",
], ["  Error Message:", "  But was:  False", "  Stack Trace:"], marker=["     Expected: True", "Expected string length 16 but was 19. Strings differ at index 4."])

fam("mstest-assert-failed-data-row", "https://learn.microsoft.com/en-us/dotnet/core/testing/unit-testing-mstest-writing-tests-data-driven", [
    """  Failed ValidatesToken (DataRow: "{{JWT}}", "{{EMAIL}}") [7 ms]
  Error Message:
   Assert.AreEqual failed. Expected:<Valid>. Actual:<Expired>.""",
    """  Failed ConnectsToSql (DataRow: "Server=${sqlsrv18};Database=${db};User Id=${dbuser};Password={{PASSWORD}};") [5 s]
  Error Message:
   Test method threw exception:
Microsoft.Data.SqlClient.SqlException: A network-related or instance-specific error occurred""",
], ["Assert.AreEqual failed. Expected:<Valid>. Actual:<Expired>.", "Test method threw exception:"], marker=["Assert.AreEqual failed. Expected:<Valid>.", "Test method threw exception:"])

fam("phpunit-data-set-failure", "https://docs.phpunit.de/en/10.5/writing-tests-for-phpunit.html#data-providers", [
    """1) Tests\\Feature\\PaymentTest::test_charge with data set "visa" ('{{CARD}}', '{{EMAIL}}', 'sk_test')
Failed asserting that 402 is identical to 200.

/app/${phpfile19}:${line}""",
    """2) Tests\\Unit\\MailerTest::test_sends with data set #1 ('smtp://${dbuser}:{{URL_PASSWORD}}@smtp.${hostname19}:587', '{{PHONE_RO_DOTS}}')
Symfony\\Component\\Mailer\\Exception\\TransportException: Failed to authenticate on SMTP server""",
], ["Failed asserting that 402 is identical to 200.", "/app/${phpfile19}:${line}", "Symfony\\Component\\Mailer\\Exception\\TransportException: Failed to authenticate on SMTP server"], marker=["with data set \"visa\" (", "with data set #1 ('smtp://"])

fam("rspec-received-args-diff", "https://rspec.info/features/3-13/rspec-mocks/setting-constraints/matching-arguments/", [
    """  1) PaymentClient#charge posts the card
     Failure/Error: client.charge(amount: 1200)

       #<Stripe::StripeClient (class)> received :new with unexpected arguments
         expected: ("{{STRIPE_SK}}")
              got: ("{{STRIPE_SK}}", {:stripe_account=>"acct_1PZx"})
     # ./${rbspec19}:${line}:in `block (3 levels) in <top (required)>'""",
    """  2) SyncJob performs
     Failure/Error: expect(CrmApi).to have_received(:upsert).with(email: "{{EMAIL}}", phone: "{{PHONE_GB_INTL}}")
       (CrmApi).upsert(*(any args))
           expected: 1 time with arguments: (email: "{{EMAIL}}", phone: "{{PHONE_GB_INTL}}")
           received: 0 times""",
], ["received :new with unexpected arguments", "in `block (3 levels) in <top (required)>'", "(CrmApi).upsert(*(any args))", "received: 0 times"], marker=["Failure/Error: client.charge(", "(CrmApi).upsert(*(any args))"])

fam("minitest-expected-actual-diff", "https://docs.seattlerb.org/minitest/", [
    """  1) Failure:
ApiClientTest#test_signs_request [test/api_client_test.rb:${line}]:
--- expected
+++ actual
@@ -1 +1 @@
-"Token token={{HEX40}}"
+"Token token={{HEX40}}, user={{EMAIL}}\"""",
    """  1) Error:
MailerTest#test_delivers:
Net::SMTPAuthenticationError: 535 Authentication failed for {{EMAIL}} (password {{PASSWORD}})
    test/mailer_test.rb:${line}:in `block in <class:MailerTest>'""",
], ["  1) Failure:", "test/api_client_test.rb:${line}", "MailerTest#test_delivers:", "in `block in <class:MailerTest>'"], marker=["-\"Token token=", "Net::SMTPAuthenticationError: 535 Authentication failed for"])

fam("junit5-parameterized-display-name", "https://junit.org/junit5/docs/current/user-guide/#writing-tests-parameterized-tests-display-names", [
    """[ERROR] ${javatest19}.rejectsExpiredTokens(String, String)[2] -- Time elapsed: 0.012 s <<< FAILURE!
[ERROR] [2] token={{JWT}}, owner={{EMAIL}}
org.opentest4j.AssertionFailedError: expected: <true> but was: <false>""",
    """[ERROR] ${javatest19}.connects(String)[1] -- Time elapsed: 3.101 s <<< ERROR!
[ERROR] [1] jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}
org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbuser}\"""",
], ["-- Time elapsed: 0.012 s <<< FAILURE!", "org.opentest4j.AssertionFailedError: expected: <true> but was: <false>", "-- Time elapsed: 3.101 s <<< ERROR!", "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"${dbuser}\""], marker=["[ERROR] [2] token=", "[ERROR] [1] jdbc:postgresql://"])

fam("pytest-parametrize-ids-in-node", "https://docs.pytest.org/en/stable/how-to/parametrize.html", [
    """FAILED ${pytest19}::test_login[{{EMAIL}}-{{PASSWORD}}] - AssertionError: 401 != 200
FAILED ${pytest19}::test_sms[{{PHONE_KP}}-de] - twilio.base.exceptions.TwilioRestException: HTTP 400""",
    """FAILED ${pytest19}::test_webhook[https://hooks.slack.com/services/{{SLACK_HOOK_PATH}}] - requests.exceptions.HTTPError: 404
FAILED ${pytest19}::test_vin_lookup[{{VIN}}] - KeyError: 'make'""",
], ["AssertionError: 401 != 200", "twilio.base.exceptions.TwilioRestException: HTTP 400", "requests.exceptions.HTTPError: 404", "KeyError: 'make'"], marker=["- twilio.base.exceptions.TwilioRestException: HTTP 400", "] - requests.exceptions.HTTPError: 404"])

fam("jest-snapshot-obsolete-config", "https://jestjs.io/docs/snapshot-testing", [
    """    - Snapshot  - 1
    + Received  + 1

      Object {
        "apiKey": "{{GCP_API_KEY}}",
    -   "authDomain": "acme-shop.firebaseapp.com",
    +   "authDomain": "${gcpproject19}.firebaseapp.com",
        "messagingSenderId": "${num}",""",
    """    › 1 snapshot failed.
      Object {
    -   "authDomain": "${gcpproject19}.firebaseapp.com",
    +   "authDomain": "localhost",
        "email": "{{EMAIL}}",
        "pis": "{{PIS_BR}}",
        "sessionToken": "{{HEX64}}",""",
], ["    - Snapshot  - 1", "    + Received  + 1", "    › 1 snapshot failed."], marker="-   \"authDomain\": \"")

fam("go-test-t-logf-request-dump", "https://pkg.go.dev/net/http/httputil#DumpRequestOut", [
    """=== RUN   TestWebhookDelivery
    ${gotest19}:${line}: request: POST /hooks/{{HEX32}} HTTP/1.1
        Host: ${hostname19}
        X-Signature: sha256={{HEX64}}
    ${gotest19}:${line}: got status 410, want 200""",
    """=== RUN   TestCustomerExport
    ${gotest19}:${line}: export row: {{EMAIL}},{{PHONE_IO}},{{NHI_NZ}}
    ${gotest19}:${line}: export failed: s3: AccessDenied (key {{AWS_KEY_ID}})""",
], ["=== RUN   TestWebhookDelivery", "=== RUN   TestCustomerExport", "got status 410, want 200"], marker=[": request: POST /hooks/", ": export failed: s3: AccessDenied (key"])


# --- CI/CD and deploy logs: echoed commands, short flags, tokens in URL paths ---------------------------------------

fam("github-actions-run-curl-heartbeat", "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions", [
    """Run curl -fsS -m 10 --retry 3 https://hc-ping.com/{{UUID_SECRET}}/start
  curl -fsS -m 10 --retry 3 https://hc-ping.com/{{UUID_SECRET}}/start
  shell: /usr/bin/bash -e {0}
curl: (22) The requested URL returned error: 404""",
    """Run curl -fsS -X POST -d '{}' https://api.netlify.com/build_hooks/{{HEX24}}
  curl -fsS -X POST -d '{}' https://api.netlify.com/build_hooks/{{HEX24}}
  shell: /usr/bin/bash -e {0}
  env:
    DEPLOY_EMAIL: {{EMAIL}}""",
], ["  shell: /usr/bin/bash -e {0}", "curl: (22) The requested URL returned error: 404"], marker=["Run curl -fsS -m 10 --retry 3 https://hc-ping.com/", "Run curl -fsS -X POST -d '{}' https://api.netlify.com/build_hooks/"])

fam("github-actions-docker-login-short-flags", "https://docs.docker.com/reference/cli/docker/login/", [
    """Run docker login ghcr.io -u ${dbuser} -p {{GHP}}
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
Error response from daemon: Get "https://ghcr.io/v2/": denied: denied
Error: Process completed with exit code 1.""",
    """Run echo "::add-mask::$NPM_TOKEN" && npm config set //registry.npmjs.org/:_authToken {{NPM_TOKEN}}
npm error code E401
npm error 401 Unauthorized - GET https://registry.npmjs.org/@${dbuser}%2fui - unauthenticated: User cannot be authenticated with the token provided.""",
], ["WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "Error response from daemon: Get \"https://ghcr.io/v2/\": denied: denied", "Error: Process completed with exit code 1.", "npm error code E401"], marker=["Run docker login ghcr.io -u", "npm config set //registry.npmjs.org/:_authToken"])

fam("gitlab-ci-job-script-echo-trigger", "https://docs.gitlab.com/ee/ci/triggers/", [
    """$ curl --request POST --form token={{GITLAB_TRIGGER}} --form ref=main "https://gitlab.com/api/v4/projects/4242/trigger/pipeline"
{"message":"404 Not Found"}
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 22""",
    """$ curl --request POST --form token={{GITLAB_TRIGGER}} --form ref=main --form "variables[DB_PASSWORD]={{PASSWORD}}" --form "variables[NOTIFY]={{EMAIL}}" "https://gitlab.com/api/v4/projects/${num}/trigger/pipeline"
{"message":{"base":["Reference not found"]}}
Cleaning up project directory and file based variables""",
], ["Cleaning up project directory and file based variables", "ERROR: Job failed: exit code 22", "Error: UPGRADE FAILED: context deadline exceeded", "{\"message\":\"404 Not Found\"}"], marker="$ curl --request POST --form token=")

fam("circleci-step-output-env", "https://circleci.com/docs/set-environment-variable/", [
    """#!/bin/bash -eo pipefail
curl -sSf -H "Circle-Token: {{CIRCLE_TOKEN}}" https://circleci.com/api/v2/project/gh/${ghrepo19}/pipeline
{"message":"Project not found"}

Exited with code exit status 22""",
    """#!/bin/bash -eo pipefail
./gradlew publish -PsigningPassword={{PASSWORD}} -PossrhUser={{EMAIL}}
FAILURE: Build failed with an exception.
Exited with code exit status 1""",
], ["#!/bin/bash -eo pipefail", "{\"message\":\"Project not found\"}", "Exited with code exit status 22", "FAILURE: Build failed with an exception."], marker=["curl -sSf -H \"Circle-Token:", "./gradlew publish -PsigningPassword="])

fam("jenkins-console-withcredentials-masked-fail", "https://www.jenkins.io/doc/pipeline/steps/credentials-binding/", [
    """[Pipeline] { (Deploy)
[Pipeline] sh
+ curl -s -u deploy:{{JENKINS_TOKEN}} https://jenkins.${hostname19}/job/${jenkinsjob19}/buildWithParameters?token={{HEX32}}
<html><head><meta http-equiv='refresh' content='1;url=/login?from=%2Fjob'/></head></html>
[Pipeline] }""",
    """Started by user {{EMAIL}}
Running as SYSTEM
[Pipeline] sh
+ curl -s -u deploy:{{JENKINS_TOKEN}} "https://jenkins.${hostname19}/job/${jenkinsjob19}/lastBuild/consoleText"
[Pipeline] sh
+ mysql -h ${mysqlhost} -P 3306 -u ${dbuser} -p{{PASSWORD}} ${db} -e 'select 1'
ERROR 1045 (28000): Access denied for user '${dbuser}'@'${privip}' (using password: YES)""",
], ["[Pipeline] { (Deploy)", "Running as SYSTEM", "ERROR 1045 (28000): Access denied for user '${dbuser}'@'${privip}' (using password: YES)"], marker="+ curl -s -u deploy:")

fam("buildkite-command-hook-output", "https://buildkite.com/docs/pipelines/configure/environment-variables", [
    """~~~ Running commands
$ ./scripts/notify.sh https://discord.com/api/webhooks/{{DISCORD_HOOK}}
curl: (22) The requested URL returned error: 401
🚨 Error: The command exited with status 22""",
    """~~~ Running global environment hook
$ export BUILDKITE_AGENT_ACCESS_TOKEN={{HEX40}}
$ export RELEASE_MANAGER={{EMAIL}}
🚨 Error: The global environment hook exited with status 1""",
], ["~~~ Running commands", "🚨 Error: The command exited with status 22", "~~~ Running global environment hook", "🚨 Error: The global environment hook exited with status 1"], marker=["$ ./scripts/notify.sh https://discord.com/api/webhooks/", "$ export BUILDKITE_AGENT_ACCESS_TOKEN="])

fam("bitbucket-pipelines-pipe-output", "https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/", [
    """+ pipe: atlassian/ssh-run:0.8.1
    variables:
      SSH_USER: '${dbuser}'
      SERVER: '${ansiblehost19}'
      COMMAND: 'export DB_PASSWORD={{PASSWORD}} && ./deploy.sh'
✖ Execution failed.""",
    """+ curl -X POST -u "${dbuser}:{{BITBUCKET_APP_PW}}" https://api.bitbucket.org/2.0/repositories/${ghrepo19}/downloads -F files=@app.apk
{"type": "error", "error": {"message": "Access denied. You must have write or admin access."}}""",
], ["+ pipe: atlassian/ssh-run:0.8.1", "✖ Execution failed.", "{\"type\": \"error\", \"error\": {\"message\": \"Access denied. You must have write or admin access.\"}}"], marker=["+ pipe: atlassian/ssh-run:", "+ curl -X POST -u \""])

fam("argocd-app-get-sync-error", "https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd_app_get/", [
    """Name:               argocd/${argoapp19}
Sync Status:        OutOfSync from main (${sha7})
Health Status:      Degraded
CONDITION        MESSAGE
ComparisonError  rpc error: code = Unknown desc = authentication required: https://${dbuser}:{{GLPAT}}@gitlab.com/${glproject19}.git""",
    """Name:               argocd/${argoapp19}
Health Status:      Missing
SyncError        one or more objects failed to apply, reason: Secret "db-creds" is invalid: data[password]: {{B64_PASSWORD}}""",
], ["Sync Status:        OutOfSync from main", "Health Status:      Degraded", "Health Status:      Missing", "CONDITION        MESSAGE"], marker=["Sync Status:        OutOfSync from main", "Health Status:      Missing"])

fam("flux-gitrepository-auth-failed", "https://fluxcd.io/flux/components/source/gitrepositories/", [
    """✗ GitRepository reconciliation failed: 'failed to checkout and determine revision: unable to clone 'https://oauth2:{{GLPAT}}@gitlab.com/${glproject19}.git': authentication required'
► annotating GitRepository flux-system in flux-system namespace""",
    """flux-system   gitrepository/flux-system   False   failed to checkout: unable to clone 'https://x-access-token:{{GHS}}@github.com/${ghrepo19}': authentication required
◎ waiting for GitRepository reconciliation""",
], ["► annotating GitRepository flux-system in flux-system namespace", "◎ waiting for GitRepository reconciliation"], marker=["► annotating GitRepository flux-system", "◎ waiting for GitRepository reconciliation"])

fam("tekton-taskrun-logs-step", "https://tekton.dev/docs/cli/", [
    """[${tektontask19} : step-push] + crane auth login registry.${hostname19} -u ${dbuser} -p {{DOCKER_PAT}}
[${tektontask19} : step-push] Error: logging in to registry.${hostname19}: unauthorized
[${tektontask19} : step-notify] notify {{EMAIL}}""",
    """[${tektontask19} : step-migrate] + psql "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} password={{PASSWORD}}" -f schema.sql
[${tektontask19} : step-migrate] psql: error: connection to server failed: FATAL:  password authentication failed""",
], ["Error: logging in to registry.${hostname19}: unauthorized", "psql: error: connection to server failed: FATAL:  password authentication failed"], marker=[" : step-push] + crane auth login", " : step-migrate] + psql \"host="])

fam("ansible-vvv-module-args", "https://docs.ansible.com/ansible/latest/collections/ansible/builtin/uri_module.html", [
    """<${ansiblehost19}> ESTABLISH SSH CONNECTION FOR USER: deploy
fatal: [${ansiblehost19}]: FAILED! => {"changed": false, "invocation": {"module_args": {"url": "https://${hostname19}/api/deploy", "url_password": "{{PASSWORD}}", "url_username": "{{EMAIL}}"}}, "msg": "Status code was 401 and not [200]"}""",
    """fatal: [${ansiblehost19}]: FAILED! => {"changed": false, "invocation": {"module_args": {"url": "https://${hostname19}/hooks/{{HEX32}}", "headers": {"Authorization": "Bearer {{JWT}}"}, "body": {"owner": "{{EMAIL}}"}}}, "msg": "Status code was 404 and not [200]"}""",
], ["ESTABLISH SSH CONNECTION FOR USER: deploy", "\"msg\": \"Status code was 401 and not [200]\"}", "\"msg\": \"unable to connect to database\"}"], marker="\"invocation\": {\"module_args\": {\"url\":")

fam("terraform-plan-sensitive-leak-in-resource", "https://developer.hashicorp.com/terraform/cli/commands/plan", [
    """  # ${tfres19} will be created
  + resource "aws_db_instance" "orders" {
      + username                 = "${dbuser}"
      + password                 = "{{PASSWORD}}"
      + identifier               = "orders-${ns}"
    }""",
    """  # ${tfres19} must be replaced
-/+ resource "google_sql_user" "app" {
      ~ password = "{{PASSWORD}}" -> "{{PASSWORD:2}}"
        name     = "${dbuser}"
        # (3 unchanged attributes hidden)
    }""",
], ["        # (3 unchanged attributes hidden)"], marker=["      + password                 = \"", "-/+ resource \""])

fam("terraform-apply-provider-error-http", "https://developer.hashicorp.com/terraform/internals/debugging", [
    """2024-06-01T12:04:17.311Z [DEBUG] provider.terraform-provider-cloudflare_v4.34.0: ---[ REQUEST ]---------------------------------------
2024-06-01T12:04:17.311Z [DEBUG] provider.terraform-provider-cloudflare_v4.34.0: Authorization: Bearer {{CF_API_TOKEN}}
2024-06-01T12:04:17.402Z [DEBUG] provider.terraform-provider-cloudflare_v4.34.0: ---[ RESPONSE ]--------------------------------------""",
    """2024-06-01T12:04:17.311Z [DEBUG] provider.terraform-provider-github_v6.2.1: X-Github-Token: {{GHP}}
2024-06-01T12:04:17.311Z [DEBUG] provider.terraform-provider-github_v6.2.1: {"owner":"{{EMAIL}}"}
│ Error: POST https://api.github.com/repos/${ghrepo19}/hooks: 401 Bad credentials []""",
], ["---[ REQUEST ]---------------------------------------", "---[ RESPONSE ]--------------------------------------"], marker=["provider.terraform-provider-cloudflare_v4.34.0: Authorization: Bearer", "provider.terraform-provider-github_v6.2.1: X-Github-Token:"])

fam("aws-cli-debug-botocore-headers", "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html", [
    """2024-06-01 12:04:17,311 - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=GetSecretValue) with params: {'url_path': '/', 'headers': {'X-Amz-Security-Token': '{{AWS_SESSION_TOKEN}}'}}
2024-06-01 12:04:17,402 - MainThread - botocore.parsers - DEBUG - Response body:
b'{"Name":"prod/db","SecretString":"{\\\\"password\\\\":\\\\"{{PASSWORD}}\\\\"}"}'""",
    """2024-06-01 12:04:17,311 - MainThread - botocore.credentials - DEBUG - Looking for credentials via: env
2024-06-01 12:04:17,312 - MainThread - awscli.clidriver - DEBUG - CLI version: aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22
2024-06-01 12:04:17,313 - MainThread - botocore.hooks - DEBUG - Event env: AWS_ACCESS_KEY_ID={{AWS_KEY_ID}} AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}""",
], ["- MainThread - botocore.parsers - DEBUG - Response body:", "- MainThread - botocore.credentials - DEBUG - Looking for credentials via: env"], marker=["Making request for OperationModel(name=GetSecretValue)", "- MainThread - botocore.hooks - DEBUG - Event env:"])

fam("gcloud-verbosity-debug-http", "https://cloud.google.com/sdk/gcloud/reference#--log-http", [
    """=======================
==== request start ====
uri: https://secretmanager.googleapis.com/v1/projects/${gcpproject19}/secrets/db-password/versions/latest:access?alt=json
method: GET
== headers start ==
b'authorization': --- Token Redacted ---
== headers end ==
---- response start ----
{"payload": {"data": "{{B64_PASSWORD}}"}}""",
    """==== request start ====
uri: https://oauth2.googleapis.com/token
== headers start ==
b'authorization': --- Token Redacted ---
== headers end ==
== body start ==
client_id=${uuid}.apps.googleusercontent.com&client_secret={{GOOGLE_CLIENT_SECRET}}&refresh_token={{GOOGLE_REFRESH_TOKEN}}
== body end ==""",
], ["==== request start ====", "== headers start ==", "b'authorization': --- Token Redacted ---", "== headers end ==", "---- response start ----", "== body start ==", "== body end =="], marker="b'authorization': --- Token Redacted ---")

fam("az-cli-debug-request-body", "https://learn.microsoft.com/en-us/cli/azure/use-azure-cli-successfully-troubleshooting", [
    """DEBUG: cli.azure.cli.core.sdk.policies: Request URL: 'https://management.azure.com/subscriptions/${uuid}/resourceGroups/${azrg19}/providers/Microsoft.Web/sites/orders/config/appsettings?api-version=2023-01-01'
DEBUG: cli.azure.cli.core.sdk.policies: Request body:
DEBUG: cli.azure.cli.core.sdk.policies: {"properties": {"DB_PASSWORD": "{{PASSWORD}}", "STRIPE_KEY": "{{STRIPE_SK}}"}}""",
    """DEBUG: cli.azure.cli.core.sdk.policies: Response content:
DEBUG: cli.azure.cli.core.sdk.policies: {"keys": [{"keyName": "key1", "value": "{{AZURE_ACCOUNT_KEY}}", "permissions": "FULL"}], "owner": "{{EMAIL}}"}""",
], ["DEBUG: cli.azure.cli.core.sdk.policies: Request body:", "DEBUG: cli.azure.cli.core.sdk.policies: Response content:"], marker=["DEBUG: cli.azure.cli.core.sdk.policies: Request body:", "DEBUG: cli.azure.cli.core.sdk.policies: Response content:"])

fam("github-actions-set-output-deprecated-echo", "https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/", [
    """Warning: The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.
::set-output name=preview_url::https://${ghrepo19}-git-main.vercel.app?_vercel_share={{HEX32}}
::set-output name=token::{{VERCEL_TOKEN}}""",
    """Warning: The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.
::save-state name=session::{{JWT}}
::save-state name=reviewer::{{EMAIL}}""",
], ["Warning: The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.", "Warning: The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files."], marker=["::set-output name=preview_url::", "::save-state name=session::"])

fam("gitlab-ci-variables-debug-trace", "https://docs.gitlab.com/ee/ci/variables/#enable-debug-logging", [
    """++ export CI_REGISTRY_PASSWORD={{GL_JOB_TOKEN}}
++ CI_REGISTRY_PASSWORD={{GL_JOB_TOKEN}}
++ export GITLAB_USER_EMAIL={{EMAIL}}
++ export CI_SERVER_URL=https://gitlab.com""",
    """++ export DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}
++ DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}
++ export CI_JOB_NAME=${ghjob19}""",
], ["++ export CI_SERVER_URL=https://gitlab.com", "++ export CI_JOB_NAME=${ghjob19}"], marker=["++ export CI_REGISTRY_PASSWORD=", "++ export DATABASE_URL=postgres://"])

fam("argo-workflows-pod-logs-env", "https://argo-workflows.readthedocs.io/en/latest/cli/argo_logs/", [
    """${argoapp19}-2871543210: time="2024-06-01T12:04:17Z" level=info msg="capturing logs" argo=true
${argoapp19}-2871543210: + curl -X POST https://ping.${hostname19}/api/{{HEX32}}/fail
${argoapp19}-2871543210: MAILTO={{EMAIL}}""",
    """${argoapp19}-1198765432: time="2024-06-01T12:04:17Z" level=info msg="capturing logs" argo=true
${argoapp19}-1198765432: + redis-cli -h ${redishost} -a {{PASSWORD}} ping
${argoapp19}-1198765432: AUTH failed: WRONGPASS invalid username-password pair or user is disabled.""",
], ["time=\"2024-06-01T12:04:17Z\" level=info msg=\"capturing logs\" argo=true"], marker=[": + curl -X POST https://ping.", ": + redis-cli -h "])


# --- mobile builds and tests -----------------------------------------------------------------------------------------

fam("fastlane-match-git-url-token", "https://docs.fastlane.tools/actions/match/", [
    """[12:04:17]: ---------------------------------------
[12:04:17]: --- Step: match ---
[12:04:17]: Cloning remote git repo...
[12:04:17]: If cloning the repo takes too long, you can use the `clone_branch_directly` option in match.
[12:04:19]: Exit status: 128
fatal: could not read from 'https://${dbuser}:{{GHP}}@github.com/${ghrepo19}-certs.git'""",
    """[12:04:17]: Driving the lane 'ios beta' 🚀
[12:04:17]: $ bundle exec fastlane pilot upload --username {{EMAIL}} --apple_id 1487${num}
[12:04:18]: FASTLANE_PASSWORD={{PASSWORD}} MATCH_PASSWORD={{PASSWORD:2}}""",
], ["[12:04:17]: Cloning remote git repo...", "If cloning the repo takes too long, you can use the `clone_branch_directly` option in match.", "[12:04:19]: Exit status: 128", "[12:04:17]: Driving the lane 'ios beta' 🚀"], marker=["you can use the `clone_branch_directly` option in match", "[12:04:17]: Driving the lane 'ios beta'"])

fam("fastlane-supply-json-key-data", "https://docs.fastlane.tools/actions/supply/", [
    """[12:04:17]: Preparing to upload for language 'en-US'...
[12:04:17]: json_key_data: {"type":"service_account","client_email":"play-ci@${gcpproject19}.iam.gserviceaccount.com","private_key":"{{GCP_PRIVATE_KEY_ESC}}"}
[!] Google Api Error: Invalid request - The caller does not have permission""",
    """[12:04:17]: Preparing to upload for language 'de-DE'...
[12:04:17]: release notes contact: {{EMAIL}} / {{PHONE_AC}}
[!] Google Api Error: forbidden: APK specifies a version code that has already been used.""",
], ["Preparing to upload for language 'en-US'...", "[!] Google Api Error: Invalid request - The caller does not have permission", "[!] Google Api Error: forbidden: APK specifies a version code that has already been used."], marker=["[12:04:17]: json_key_data:", "APK specifies a version code that has already been used."])

fam("gradle-android-signing-config-echo", "https://developer.android.com/studio/publish/app-signing#secure-shared-keystore", [
    """> Task :app:packageRelease FAILED
Execution failed for task ':app:packageRelease'.
> A failure occurred while executing com.android.build.gradle.tasks.PackageAndroidArtifact$IncrementalSplitterRunnable
   > com.android.ide.common.signing.KeytoolException: Failed to read key upload from store "/home/runner/work/upload.jks": Keystore was tampered with, or password was incorrect
signingConfig: storePassword={{PASSWORD}} keyPassword={{PASSWORD:2}}""",
    """> Task :app:processReleaseGoogleServices FAILED
gradle.properties: MAPS_API_KEY={{GCP_API_KEY}}
gradle.properties: SENTRY_AUTH_TOKEN={{SENTRY_ORG_TOKEN}}""",
], ["Execution failed for task ':app:packageRelease'.", "Keystore was tampered with, or password was incorrect", "> Task :app:processReleaseGoogleServices FAILED"], marker=["signingConfig: storePassword=", "gradle.properties: MAPS_API_KEY="])

fam("xcodebuild-archive-export-altool", "https://developer.apple.com/documentation/xcode/distributing-your-app-for-beta-testing-and-releases", [
    """** ARCHIVE SUCCEEDED **
xcrun altool --upload-app -f build/${iosscheme19}.ipa -t ios -u {{EMAIL}} -p {{APPLE_APP_PW}}
*** Error: Unable to upload archive. Failed to get authorization for username '{{EMAIL}}' and password.""",
    """** ARCHIVE SUCCEEDED **
xcrun altool --upload-app -f build/${iosscheme19}.ipa -t ios --apiKey ${upper10} --apiIssuer ${uuid} -u {{EMAIL}} -p {{APPLE_APP_PW}}
*** Error: Unable to upload archive. Failed to get authorization for username '{{EMAIL}}' and password. (release contact {{PHONE_CN_DASH}})""",
], ["** ARCHIVE SUCCEEDED **", "** EXPORT FAILED **", "error: exportArchive: No signing certificate \"iOS Distribution\" found"], marker="*** Error: Unable to upload archive. Failed to get authorization")

fam("espresso-view-matcher-hierarchy-text", "https://developer.android.com/training/testing/espresso/basics", [
    """androidx.test.espresso.base.AssertionErrorHandler$AssertionFailedWithCauseError: 'an instance of android.widget.TextView and view.getText() with or without transformation to match: is "{{EMAIL}}"' doesn't match the selected view.
Expected: an instance of android.widget.TextView and view.getText() with or without transformation to match: is "{{EMAIL}}"
     Got: view.getText() was "{{PHONE_IT_INTL}}" transformed text was "{{PHONE_IT_INTL}}\"""",
    """+--------->AppCompatEditText{id=2131230912, res-name=password, visibility=VISIBLE, text={{PASSWORD}}, input-type=129}
+--------->AppCompatEditText{id=2131230913, res-name=otp_secret, visibility=VISIBLE, text={{HEX40}}, input-type=1}""",
], ["doesn't match the selected view."], marker=["     Got: view.getText() was \"{{", "res-name=password, visibility=VISIBLE, text="])

fam("flutter-test-expect-failure-dart", "https://api.flutter.dev/flutter/flutter_test/expect.html", [
    """══╡ EXCEPTION CAUGHT BY FLUTTER TEST FRAMEWORK ╞════════════════════════════════════════════════════
The following TestFailure was thrown running a test:
Expected: 'OK'
  Actual: 'Unauthorized'
When the exception was thrown, this was the stack:
#4      main.<anonymous closure> (file:///builds/app/${flutterfile19}:${line}:5)
client: ApiClient(baseUrl: https://${hostname19}, apiKey: {{API_KEY}})""",
    """The following TestFailure was thrown running a test:
Expected: '{{EMAIL}}'
  Actual: '{{PHONE_GB_INTL}}'
   Which: is different.
#4      main.<anonymous closure> (file:///builds/app/${flutterfile19}:${line}:9)""",
], ["The following TestFailure was thrown running a test:", "When the exception was thrown, this was the stack:", "   Which: is different."], marker="#4      main.<anonymous closure> (file:///")

fam("react-native-metro-red-box-fetch", "https://reactnative.dev/docs/debugging", [
    """ ERROR  [TypeError: Network request failed]
 LOG  Request: POST https://${hostname19}/api/session {"email":"{{EMAIL}}","password":"{{PASSWORD}}"}
 WARN  Possible Unhandled Promise Rejection (id: 0):""",
    """ LOG  Running "${rnapp19}" with {"rootTag":11,"initialProps":{"authToken":"{{JWT}}","userPhone":"{{PHONE_ES_INTL}}"}}
 ERROR  Invariant Violation: "${rnapp19}" has not been registered.""",
], [" ERROR  [TypeError: Network request failed]", " WARN  Possible Unhandled Promise Rejection (id: 0):"], marker=[" LOG  Request: POST https://", "\"initialProps\":{\"authToken\":"])

fam("expo-eas-build-env-secrets", "https://docs.expo.dev/eas/environment-variables/", [
    """[READ_APP_CONFIG] Using app configuration:
[READ_APP_CONFIG] {"name":"${rnapp19}","extra":{"apiKey":"{{API_KEY}}","sentryDsn":"https://{{SENTRY_DSN_KEY}}@o4505.ingest.sentry.io/4505","supportEmail":"{{EMAIL}}"}}""",
    """[PREPARE_CREDENTIALS] Keystore password: {{PASSWORD}}
[PREPARE_CREDENTIALS] Key alias: upload
[RUN_GRADLEW] FAILURE: Build failed with an exception.""",
], ["[READ_APP_CONFIG] Using app configuration:", "[PREPARE_CREDENTIALS] Key alias: upload", "[RUN_GRADLEW] FAILURE: Build failed with an exception."], marker=["[READ_APP_CONFIG] Using app configuration:", "[PREPARE_CREDENTIALS] Keystore password:"])

fam("android-instrumentation-logcat-okhttp-keys", "https://developer.android.com/studio/test/command-line#run-tests-with-adb", [
    """INSTRUMENTATION_STATUS: class=${androidpkg19}.LoginTest
INSTRUMENTATION_STATUS: stack=java.lang.AssertionError: login failed for {{EMAIL}} with PIN {{OTP}}
INSTRUMENTATION_STATUS_CODE: -2""",
    """INSTRUMENTATION_STATUS: class=${androidpkg19}.SyncTest
INSTRUMENTATION_STATUS: stream=retrofit2.HttpException: HTTP 401 (X-Api-Key: {{API_KEY}})
INSTRUMENTATION_STATUS: test=syncsContacts""",
], ["INSTRUMENTATION_STATUS_CODE: -2", "INSTRUMENTATION_STATUS: test=syncsContacts"], marker=["INSTRUMENTATION_STATUS: stack=java.lang.AssertionError: login failed", "INSTRUMENTATION_STATUS: stream=retrofit2.HttpException: HTTP 401 (X-Api-Key:"])

fam("firebase-test-lab-gcloud-matrix", "https://firebase.google.com/docs/test-lab/android/command-line", [
    """Uploading [app-debug.apk] to Firebase Test Lab...
Test [matrix-${lower12}] has been created in the Google Cloud.
test-args: -e apiKey {{GCP_API_KEY}} -e testUser {{EMAIL}}
ERROR: (gcloud.firebase.test.android.run) MatrixCompletedWithFailures""",
    """Test [matrix-${lower12}] has been created in the Google Cloud.
environment-variables: clearPackageData=true,userPhone={{PHONE_SE_INTL}},password={{PASSWORD}}
| FAILED | Pixel2.arm-30-en-US-portrait | 3 test cases failed |""",
], ["has been created in the Google Cloud.", "ERROR: (gcloud.firebase.test.android.run) MatrixCompletedWithFailures", "| FAILED | Pixel2.arm-30-en-US-portrait | 3 test cases failed |"], marker=["test-args: -e apiKey", "environment-variables: clearPackageData=true,"])


# --- queues and workers ----------------------------------------------------------------------------------------------

fam("celery-task-raised-args-kwargs", "https://docs.celeryq.dev/en/stable/userguide/tasks.html#logging", [
    """[2024-06-01 12:04:17,311: ERROR/ForkPoolWorker-2] Task ${celerytask19}[${uuid}] raised unexpected: StripeError('No such customer')
args: ('{{EMAIL}}', '{{STRIPE_SK}}')
kwargs: {'phone': '{{PHONE_MX_INTL}}'}""",
    """[2024-06-01 12:04:17,311: ERROR/MainProcess] consumer: Cannot connect to amqp://${dbuser}:**@${rmqhost19}:5672//: [Errno 111] Connection refused.
broker_url = 'amqp://${dbuser}:{{URL_PASSWORD}}@${rmqhost19}:5672//'""",
], ["] raised unexpected: StripeError('No such customer')", ": [Errno 111] Connection refused."], marker=["raised unexpected: StripeError('No such customer')", "broker_url = 'amqp://"])

fam("sidekiq-job-retry-json-args", "https://github.com/sidekiq/sidekiq/wiki/Error-Handling", [
    """2024-06-01T12:04:17.311Z pid=7 tid=2ab6 class=${sidekiqjob19} jid=${hex24} elapsed=0.412 INFO: fail
2024-06-01T12:04:17.312Z pid=7 tid=2ab6 WARN: {"context":"Job raised exception","job":{"class":"${sidekiqjob19}","args":["{{EMAIL}}","{{STRIPE_SK}}"],"retry":true,"queue":"default"}}""",
    """2024-06-01T12:04:17.312Z pid=7 tid=2ab6 WARN: {"context":"Job raised exception","job":{"class":"${sidekiqjob19}","args":[{"phone":"{{PHONE_PT_INTL}}","api_token":"{{HEX40}}"}],"retry_count":3}}
2024-06-01T12:04:17.313Z pid=7 tid=2ab6 WARN: Faraday::UnauthorizedError: the server responded with status 401""",
], ["WARN: Faraday::UnauthorizedError: the server responded with status 401"], marker="\"context\":\"Job raised exception\",\"job\":{\"class\":\"")

fam("bullmq-failed-job-data", "https://docs.bullmq.io/guide/jobs/getters", [
    """[bull] job ${num} in queue "${bullqueue19}" failed: Request failed with status code 401
[bull] job data: {"to":"{{EMAIL}}","smsTo":"{{PHONE_CZ_INTL}}","mailgunKey":"{{MAILGUN_KEY}}"}""",
    """Worker ${bullqueue19} error: ReplyError: WRONGPASS invalid username-password pair
connection: {"host":"${redishost}","port":6379,"password":"{{PASSWORD}}","maxRetriesPerRequest":null}""",
], ["failed: Request failed with status code 401"], marker=["[bull] job data: {\"to\":\"", "\"maxRetriesPerRequest\":null}"])

fam("rabbitmq-server-log-auth-failed-uri", "https://www.rabbitmq.com/docs/access-control", [
    """2024-06-01 12:04:17.311 [error] <0.2145.0> PLAIN login refused: user '${dbuser}' - invalid credentials
2024-06-01 12:04:17.312 [error] <0.2145.0> closing AMQP connection <0.2145.0> (${privip}:51234 -> ${privip}:5672):
shovel src-uri: amqps://${dbuser}:{{URL_PASSWORD}}@${rmqhost19}:5671/%2F""",
    """Error: operation queue.declare caused a channel exception: access_refused
management api: curl -u ${dbuser}:{{PASSWORD}} http://${rmqhost19}:15672/api/queues/%2F/${bullqueue19}
owner: {{EMAIL}}""",
], ["PLAIN login refused: user '${dbuser}' - invalid credentials", "caused a channel exception: access_refused"], marker=["shovel src-uri: amqps://", "management api: curl -u"])

fam("kafka-java-client-sasl-jaas-config", "https://kafka.apache.org/documentation/#security_sasl_plain_clientconfig", [
    """[main] INFO org.apache.kafka.clients.producer.ProducerConfig - ProducerConfig values:
	bootstrap.servers = [${kafkabroker19}]
	sasl.jaas.config = org.apache.kafka.common.security.plain.PlainLoginModule required username="${upper16}" password="{{B64_SECRET}}";
	sasl.mechanism = PLAIN
[main] ERROR org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Connection to node -1 (${kafkabroker19}) failed authentication due to: Authentication failed: Invalid username or password""",
    """[main] ERROR org.apache.kafka.clients.NetworkClient - [Producer clientId=producer-1] Connection to node -1 (${kafkabroker19}) failed authentication due to: Authentication failed: Invalid username or password
record: key={{EMAIL}} value={"phone":"{{PHONE_KR_INTL}}"}""",
], ["[main] INFO org.apache.kafka.clients.producer.ProducerConfig - ProducerConfig values:", "	sasl.mechanism = PLAIN", "failed authentication due to: Authentication failed: Invalid username or password"], marker="failed authentication due to: Authentication failed: Invalid username or password")

fam("kafkajs-sasl-authentication-error", "https://kafka.js.org/docs/configuration#sasl", [
    """{"level":"ERROR","timestamp":"2024-06-01T12:04:17.311Z","logger":"kafkajs","message":"[Connection] Response SaslAuthenticate(key: 36, version: 2)","broker":"${kafkabroker19}","error":"SASL Authentication failed","sasl":{"mechanism":"plain","username":"${upper16}","password":"{{B64_SECRET}}"}}""",
    """{"level":"ERROR","logger":"kafkajs","message":"[Producer] Failed to send messages: ${kafkatopic19}","payload":{"customer":"{{EMAIL}}","pis":"{{PIS_BR}}"}}""",
], ["\"message\":\"[Connection] Response SaslAuthenticate(key: 36, version: 2)\"", "\"error\":\"SASL Authentication failed\""], marker=["\"sasl\":{\"mechanism\":\"plain\",\"username\":\"", "\"message\":\"[Producer] Failed to send messages:"])

fam("confluent-kafka-python-librdkafka-error", "https://docs.confluent.io/platform/current/clients/confluent-kafka-python/html/index.html", [
    """cimpl.KafkaException: KafkaError{code=_MSG_TIMED_OUT,val=-192,str="Local: Message timed out"}
producer conf = {'bootstrap.servers': '${kafkabroker19}', 'sasl.username': '${upper16}', 'sasl.password': '{{B64_SECRET}}'}""",
    """cimpl.KafkaException: KafkaError{code=_MSG_TIMED_OUT,val=-192,str="Local: Message timed out"}
message value: b'{"email": "{{EMAIL}}", "vin": "{{VIN}}"}'""",
], ["SASL authentication error: Authentication failed (after 312ms in state AUTH_REQ)", "cimpl.KafkaException: KafkaError{code=_MSG_TIMED_OUT,val=-192,str=\"Local: Message timed out\"}"], marker="cimpl.KafkaException: KafkaError{code=_MSG_TIMED_OUT")

fam("google-pubsub-push-endpoint-token", "https://cloud.google.com/pubsub/docs/push", [
    """google.api_core.exceptions.InvalidArgument: 400 Invalid push endpoint given (endpoint=https://${hostname19}/pubsub/push?token={{HEX32}}). Refer to https://cloud.google.com/pubsub/docs/push
subscription: projects/${gcpproject19}/subscriptions/orders-push""",
    """Received message: Message {
  data: b'{"email": "{{EMAIL}}", "phone": "{{PHONE_AC}}"}'
  ordering_key: ''
  attributes: {'authToken': '{{JWT}}'}
}""",
], ["subscription: projects/${gcpproject19}/subscriptions/orders-push", "  ordering_key: ''"], marker=["Invalid push endpoint given (endpoint=", "Received message: Message {"])

fam("aws-sqs-lambda-event-record-body", "https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html", [
    """[ERROR] KeyError: 'token'
Traceback (most recent call last):
  File "/var/task/handler.py", line ${line}, in handler
event: {'Records': [{'messageId': '${uuid}', 'body': '{"email": "{{EMAIL}}", "apiKey": "{{API_KEY}}"}', 'eventSource': 'aws:sqs'}]}""",
    """event: {'Records': [{'messageId': '${uuid}', 'body': '{"phone": "{{PHONE_IO}}", "password": "{{PASSWORD}}"}', 'eventSource': 'aws:sqs', 'awsRegion': '${awsregion19}'}]}
[ERROR] Runtime.ExitError: RequestId: ${uuid2} Error: Runtime exited with error: exit status 1""",
], ["[ERROR] KeyError: 'token'", "File \"/var/task/handler.py\", line ${line}, in handler"], marker="'eventSource': 'aws:sqs'")

fam("resque-failed-job-payload", "https://github.com/resque/resque#failure", [
    """Resque::Failure: Net::HTTPUnauthorized
  queue: mailers
  payload: {"class"=>"${sidekiqjob19}", "args"=>["{{EMAIL}}", "{{POSTMARK_TOKEN}}"]}
  exception: Postmark::InvalidApiKeyError""",
    """Resque::Failure: Redis::CommandError
  queue: sync
  payload: {"class"=>"${sidekiqjob19}", "args"=>[{"phone"=>"{{PHONE_HU_INTL}}", "token"=>"{{HEX40}}"}]}""",
], ["Resque::Failure: Net::HTTPUnauthorized", "exception: Postmark::InvalidApiKeyError", "Resque::Failure: Redis::CommandError"], marker=["Resque::Failure: Net::HTTPUnauthorized", "Resque::Failure: Redis::CommandError"])


# --- output the tools localise, in languages the eighteen use least --------------------------------------------------

fam("postgres-password-failed-swedish", "https://www.postgresql.org/docs/current/nls.html", [
    """psql: fel: anslutning till server på "${dbhost}" (${privip}), port ${pgport} misslyckades: FATAL:  lösenordsautentisering misslyckades för användare "${dbuser}"
DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}
kontakt: {{EMAIL}}, {{PHONE_SE_INTL}}""",
    """FATAL:  lösenordsautentisering misslyckades för användare "${dbuser}"
PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} ${db}""",
], ["misslyckades: FATAL:  lösenordsautentisering misslyckades för användare \"${dbuser}\"", "FATAL:  lösenordsautentisering misslyckades för användare \"${dbuser}\""], marker="lösenordsautentisering misslyckades för användare")

fam("django-forms-romanian", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: Formularul are erori: {'email': ['Introduceți o adresă de email validă.'], '__all__': ['Parola este prea comună.']}
date trimise: {'email': '{{EMAIL}}', 'password1': '{{PASSWORD}}', 'telefon': '{{PHONE_RO_DOTS}}'}""",
    """AssertionError: Formularul are erori: {'cnp': ['Asigurați-vă că această valoare are cel mult 13 caractere.']}
date trimise: {'cnp': '{{PIS_BR}}', 'token': '{{HEX40}}'}""",
], ["AssertionError: Formularul are erori: {'email': ['Introduceți o adresă de email validă.'], '__all__': ['Parola este prea comună.']}", "AssertionError: Formularul are erori: {'cnp': ['Asigurați-vă că această valoare are cel mult 13 caractere.']}"], marker="AssertionError: Formularul are erori:")

fam("laravel-validation-hungarian", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang", [
    """Illuminate\\Validation\\ValidationException: A megadott adatok érvénytelenek. (and 1 more error)
Kérés: POST /register {"email":"{{EMAIL}}","password":"{{PASSWORD}}","telefonszam":"{{PHONE_HU_INTL}}"}""",
    """Illuminate\\Validation\\ValidationException: A megadott adatok érvénytelenek.
Kérés: POST /api/tokens {"api_token":"{{HEX64}}","email":"{{EMAIL}}"}""",
], ["Illuminate\\Validation\\ValidationException: A megadott adatok érvénytelenek. (and 1 more error)", "Illuminate\\Validation\\ValidationException: A megadott adatok érvénytelenek."], marker="A megadott adatok érvénytelenek.")

fam("django-auth-hindi", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/", [
    """AssertionContainsError: 'कृपया सही उपयोगकर्ता नाम और पासवर्ड दर्ज करें' not found in response
POST /accounts/login/ username={{EMAIL}}&password={{PASSWORD}}&phone={{PHONE_IO}}""",
    """'कृपया सही उपयोगकर्ता नाम और पासवर्ड दर्ज करें' — login as {{EMAIL}} (csrftoken={{HEX32}})""",
], ["'कृपया सही उपयोगकर्ता नाम और पासवर्ड दर्ज करें' not found in response", "POST /accounts/login/ username="], marker="कृपया सही उपयोगकर्ता नाम और पासवर्ड दर्ज करें")

fam("postgres-password-failed-finnish", "https://www.postgresql.org/docs/current/nls.html", [
    """FATAL:  salasana-autentikointi epäonnistui käyttäjälle "${dbuser}"
yhteys: host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} password={{PASSWORD}}""",
    """sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  salasana-autentikointi epäonnistui käyttäjälle "${dbuser}"
(Background on this error at: https://sqlalche.me/e/20/e3q8) url=postgresql+psycopg2://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}""",
], ["FATAL:  salasana-autentikointi epäonnistui käyttäjälle \"${dbuser}\"", "(Background on this error at: https://sqlalche.me/e/20/e3q8)"], marker="salasana-autentikointi epäonnistui käyttäjälle")

fam("git-auth-failed-danish", "https://git-scm.com/docs/git#_environment_variables; https://github.com/git-l10n/git-po", [
    """fatal: Godkendelse mislykkedes for 'https://${dbuser}:{{GHP}}@github.com/${ghrepo19}.git/'
Error: Process completed with exit code 128.""",
    """remote: Invalid username or token. Password authentication is not supported for Git operations.
fatal: Godkendelse mislykkedes for 'https://oauth2:{{GLPAT}}@gitlab.com/${glproject19}.git/'""",
], ["Error: Process completed with exit code 128.", "remote: Invalid username or token. Password authentication is not supported for Git operations."], marker="fatal: Godkendelse mislykkedes for")

fam("spring-validation-norwegian", "https://docs.jboss.org/hibernate/validator/8.0/reference/en-US/html_single/#section-message-interpolation", [
    """org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0]: [Field error in object 'signupRequest' on field 'email': rejected value [{{EMAIL}}]; default message [må være en korrekt formatert e-postadresse]]
request body: {"password":"{{PASSWORD}}","mobil":"{{PHONE_NO_INTL}}"}""",
    """Field error in object 'paymentRequest' on field 'cardNumber': rejected value [{{CARD}}]; default message [må være en korrekt formatert e-postadresse]
apiKey={{API_KEY}}""",
], ["org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0]:", "default message [må være en korrekt formatert e-postadresse]]"], marker="må være en korrekt formatert e-postadresse")

fam("mysql-access-denied-croatian", "https://dev.mysql.com/doc/refman/8.0/en/error-message-language.html", [
    """ERROR 1045 (28000): Pristup je odbijen za korisnika: '${dbuser}'@'${privip}' (koristi lozinku: DA)
mysql -h ${mysqlhost} -P ${myport} -u ${dbuser} -p{{PASSWORD}} ${db}""",
    """SQLSTATE[HY000] [1045] Pristup je odbijen za korisnika: '${dbuser}'@'${privip}' (koristi lozinku: DA) (Connection: mysql, SQL: select * from users where email = {{EMAIL}})
DB_PASSWORD={{PASSWORD}}""",
], ["ERROR 1045 (28000): Pristup je odbijen za korisnika: '${dbuser}'@'${privip}' (koristi lozinku: DA)", "[1045] Pristup je odbijen za korisnika: '${dbuser}'@'${privip}' (koristi lozinku: DA) (Connection: mysql, SQL: select * from users where email ="], marker="Pristup je odbijen za korisnika")

fam("django-forms-bulgarian", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: Формата съдържа грешки: {'email': ['Въведете валиден имейл адрес.']}
данни: {'email': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'телефон': '{{PHONE_KP}}'}""",
    """AssertionError: Формата съдържа грешки: {'token': ['Това поле е задължително.']}
данни: {'api_key': '{{API_KEY}}', 'nhi': '{{NHI_NZ}}'}""",
], ["AssertionError: Формата съдържа грешки: {'email': ['Въведете валиден имейл адрес.']}", "AssertionError: Формата съдържа грешки: {'token': ['Това поле е задължително.']}"], marker="Формата съдържа грешки:")

fam("laravel-auth-failed-catalan", "https://github.com/Laravel-Lang/lang", [
    """Failed asserting that the session has errors: Aquestes credencials no coincideixen amb els nostres registres.
POST /login email={{EMAIL}} password={{PASSWORD}} XSRF-TOKEN={{HEX64}}""",
    """Aquestes credencials no coincideixen amb els nostres registres. (usuari {{EMAIL}}, telèfon {{PHONE_ES_INTL}})""",
], ["Failed asserting that the session has errors: Aquestes credencials no coincideixen amb els nostres registres."], marker="Aquestes credencials no coincideixen amb els nostres registres.")

fam("hibernate-validator-slovak", "https://docs.jboss.org/hibernate/validator/8.0/reference/en-US/html_single/", [
    """jakarta.validation.ConstraintViolationException: createCustomer.arg0.email: musí byť korektne formátovaná e-mailová adresa
arg0: Customer[email={{EMAIL}}, phone={{PHONE_CZ_INTL}}, apiToken={{HEX40}}]""",
    """createCustomer.arg0.password: musí byť korektne formátovaná e-mailová adresa — hodnota {{PASSWORD}}
createCustomer.arg0.vin: {{VIN}}""",
], ["jakarta.validation.ConstraintViolationException: createCustomer.arg0.email: musí byť korektne formátovaná e-mailová adresa"], marker="musí byť korektne formátovaná e-mailová adresa")

fam("laravel-validation-malay", "https://github.com/Laravel-Lang/lang", [
    """Failed asserting that the session has errors: Maklumat yang diberikan tidak sah.
Permintaan: {"emel":"{{EMAIL}}","kata_laluan":"{{PASSWORD}}","telefon":"{{PHONE_GB_INTL}}"}""",
    """Maklumat yang diberikan tidak sah. Bearer {{JWT}}""",
], ["Failed asserting that the session has errors: Maklumat yang diberikan tidak sah."], marker="Maklumat yang diberikan tidak sah.")

fam("django-forms-persian", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: فرم خطا دارد: {'email': ['یک ایمیل آدرس معتبر وارد کنید.']}
داده: {'email': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'تلفن': '{{PHONE_AC}}'}""",
    """AssertionError: فرم خطا دارد: {'__all__': ['نام کاربری یا گذرواژه نادرست است.']} token={{HEX40}}""",
], ["AssertionError: فرم خطا دارد: {'email': ['یک ایمیل آدرس معتبر وارد کنید.']}"], marker="AssertionError: فرم خطا دارد:")

fam("django-forms-bengali", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: ফর্মে ত্রুটি: {'email': ['একটি বৈধ ইমেইল ঠিকানা লিখুন।']}
ডেটা: {'email': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'ফোন': '{{PHONE_IO}}'}""",
    """AssertionError: ফর্মে ত্রুটি: {'otp': ['এই ফিল্ডটি আবশ্যক।']} session={{DJANGO_SID}}""",
], ["AssertionError: ফর্মে ত্রুটি: {'email': ['একটি বৈধ ইমেইল ঠিকানা লিখুন।']}"], marker="AssertionError: ফর্মে ত্রুটি:")

fam("git-auth-failed-swedish", "https://github.com/git-l10n/git-po", [
    """fatal: Autentisering misslyckades för \\"https://x-access-token:{{GHS}}@github.com/${ghrepo19}.git/\\"
##[error]Process completed with exit code 128.""",
    """fatal: Autentisering misslyckades för \\"https://${dbuser}:{{BITBUCKET_APP_PW}}@bitbucket.org/${ghrepo19}.git/\\"
committer: {{EMAIL}}""",
], [], marker="fatal: Autentisering misslyckades för")

fam("postgres-password-failed-romanian", "https://www.postgresql.org/docs/current/nls.html", [
    """FATAL:  autentificare eșuată cu parolă pentru utilizatorul "${dbuser}"
spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} spring.datasource.password={{PASSWORD}}""",
    """org.postgresql.util.PSQLException: FATAL:  autentificare eșuată cu parolă pentru utilizatorul "${dbuser}"
	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
owner={{EMAIL}} tel={{PHONE_RO_DOTS}}""",
], ["FATAL:  autentificare eșuată cu parolă pentru utilizatorul \"${dbuser}\"", "at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)"], marker="autentificare eșuată cu parolă pentru utilizatorul")

fam("django-forms-finnish", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: Lomakkeessa on virheitä: {'email': ['Syötä kelvollinen sähköpostiosoite.']}
lähetetty: {'email': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'puhelin': '{{PHONE_FI_INTL}}'}""",
    """AssertionError: Lomakkeessa on virheitä: {'henkilotunnus': ['Tämä kenttä vaaditaan.']} api_key={{API_KEY}}""",
], ["AssertionError: Lomakkeessa on virheitä: {'email': ['Syötä kelvollinen sähköpostiosoite.']}", "AssertionError: Lomakkeessa on virheitä: {'henkilotunnus': ['Tämä kenttä vaaditaan.']} api_key="], marker="AssertionError: Lomakkeessa on virheitä:")


# --- more deploy steps that echo their credentials --------------------------------------------------------------------

fam("helm-repo-add-credentials-echo", "https://helm.sh/docs/helm/helm_repo_add/", [
    """+ helm repo add --username ${dbuser} --password {{PASSWORD}} acme https://charts.${hostname19}
Error: looks like "https://charts.${hostname19}" is not a valid chart repository or cannot be reached: failed to fetch https://charts.${hostname19}/index.yaml : 401 Unauthorized""",
    """+ helm repo add --username {{EMAIL}} --password {{GLPAT}} platform https://gitlab.com/api/v4/projects/${num}/packages/helm/stable
Error: looks like "https://gitlab.com/api/v4/projects/${num}/packages/helm/stable" is not a valid chart repository or cannot be reached""",
], ["is not a valid chart repository or cannot be reached: failed to fetch https://charts.${hostname19}/index.yaml : 401 Unauthorized"], marker="+ helm repo add --username")

fam("kubectl-secret-from-literal-echo", "https://kubernetes.io/docs/tasks/configmap-secret/managing-secret-using-kubectl/", [
    """+ kubectl -n ${k8sns18} create secret generic app-db --from-literal=username=${dbuser} --from-literal=password={{PASSWORD}} --dry-run=client -o yaml
error: failed to create secret secrets "app-db" already exists""",
    """+ kubectl -n ${k8sns18} create secret generic app-api --from-literal=password={{PASSWORD}} --from-literal=stripe-key={{STRIPE_SK}} --from-literal=owner={{EMAIL}}
error: error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:${k8sns18}:deployer" cannot create resource \"secrets\" in the namespace""",
], ["error: failed to create secret secrets \"app-db\" already exists"], marker="--from-literal=password=")

fam("sentry-cli-sourcemaps-upload", "https://docs.sentry.io/cli/releases/#upload-source-maps", [
    """+ npx @sentry/cli --auth-token {{SENTRY_ORG_TOKEN}} sourcemaps upload --release ${sha7} ./dist
> Uploading source maps for release ${sha7}
error: API request failed
  caused by: sentry reported an error: Invalid token (http status: 401)""",
    """+ sentry-cli --auth-token {{SENTRY_ORG_TOKEN}} releases new ${sha7}
> Uploading source maps for release ${sha7}
  DSN: https://{{SENTRY_DSN_KEY}}@o4505.ingest.sentry.io/4505 (owner {{EMAIL}})""",
], ["  caused by: sentry reported an error: Invalid token (http status: 401)", "error: API request failed"], marker="> Uploading source maps for release")

fam("xcrun-notarytool-submit-credentials", "https://developer.apple.com/documentation/security/customizing-the-notarization-workflow", [
    """+ xcrun notarytool submit build/${iosscheme19}.zip --apple-id {{EMAIL}} --password {{APPLE_APP_PW}} --team-id ${upper10} --wait
Conducting pre-submission checks for ${iosscheme19}.zip and initiating connection to the Apple notary service...
Error: HTTP status code: 401. Unable to authenticate. Invalid credentials.""",
    """Conducting pre-submission checks for ${iosscheme19}.zip and initiating connection to the Apple notary service...
Submission ID received
  id: ${uuid}
  contact: {{EMAIL}} {{PHONE_TR_PARENS}}
  --password {{APPLE_APP_PW}}""",
], ["and initiating connection to the Apple notary service...", "Error: HTTP status code: 401. Unable to authenticate. Invalid credentials.", "Submission ID received"], marker="Conducting pre-submission checks for")

fam("vercel-cli-deploy-token-flag", "https://vercel.com/docs/cli/global-options#token", [
    """+ npx vercel deploy --prod --token {{VERCEL_TOKEN}} --scope ${dbuser}
Vercel CLI 33.5.0
Error: The specified token is not valid. Use `vercel login` to generate a new token.""",
    """+ vercel pull --yes --environment=preview --token={{VERCEL_TOKEN}}
Vercel CLI 33.5.0
> Downloaded project settings: DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}""",
], ["Error: The specified token is not valid. Use `vercel login` to generate a new token."], marker="Vercel CLI 33.5.0")


# Each family's closing line: what the tool prints after the failure (a summary, an exit status, a retry notice), the
# same for every variant and carrying no planted value, so that each line has a whole line to keep as the tools print.
FOOTERS = {
    "pytest-assert-rewrite-positional-client": "=========================== short test summary info ============================",
    "pytest-long-traceback-locals": "!!!!!!!!!!!!!!!!!!!!!!!!!! stopping after 1 failures !!!!!!!!!!!!!!!!!!!!!!!!!!!",
    "pytest-fixture-setup-error": "=================== 1 passed, 1 error in ${ms}.21s ===================",
    "jest-code-frame-positional-sdk": "Tests:       1 failed, 14 passed, 15 total",
    "jest-called-with-diff-args": "    Number of calls: 2",
    "vitest-assertion-error-diff": " Test Files  1 failed | 23 passed (24)",
    "mocha-assertion-actual-expected": "  41 passing (3s)\n  1 failing",
    "karma-jasmine-spy-expected-called-with": "Chrome Headless 124.0.6367.60 (Linux x86_64): Executed 212 of 212 (1 FAILED) (2.113 secs / 1.902 secs)",
    "junit5-assertj-extracting-fields": "[ERROR] Tests run: 38, Failures: 1, Errors: 0, Skipped: 2",
    "spock-power-assert-constructor": "> Task :test FAILED",
    "testng-data-provider-params": "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test)",
    "go-testify-require-no-error-source": "FAIL\tgithub.com/${ghrepo19}/internal/store\t0.412s",
    "cargo-test-assert-eq-left-right": "test result: FAILED. 17 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.41s",
    "xunit-theory-inline-data": "Failed!  - Failed:     1, Passed:   211, Skipped:     0, Total:   212, Duration: 4 s",
    "nunit-testcase-args-message": "Test Run Failed.\nTotal tests: 96",
    "mstest-assert-failed-data-row": "Total tests: 58\n     Passed: 57\n     Failed: 1",
    "phpunit-data-set-failure": "FAILURES!\nTests: 142, Assertions: 388, Failures: 1.",
    "rspec-received-args-diff": "Finished in 2.41 seconds (files took 1.12 seconds to load)",
    "minitest-expected-actual-diff": "27 runs, 64 assertions, 1 failures, 0 errors, 0 skips",
    "junit5-parameterized-display-name": "[INFO] Results:",
    "pytest-parametrize-ids-in-node": "======================== 2 failed, 88 passed in 9.41s =========================",
    "jest-snapshot-obsolete-config": "Snapshots:   1 failed, 31 passed, 32 total",
    "go-test-t-logf-request-dump": "FAIL\tgithub.com/${ghrepo19}/webhook\t0.051s",
    "github-actions-run-curl-heartbeat": "Error: Process completed with exit code 22.",
    "github-actions-docker-login-short-flags": "Post job cleanup.",
    "gitlab-ci-job-script-echo-trigger": "Uploading artifacts for failed job",
    "circleci-step-output-env": "CircleCI received exit code 1",
    "jenkins-console-withcredentials-masked-fail": "Finished: FAILURE",
    "buildkite-command-hook-output": "~~~ Uploading artifacts",
    "bitbucket-pipelines-pipe-output": "Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4",
    "argocd-app-get-sync-error": "GROUP  KIND        NAMESPACE  NAME      STATUS     HEALTH   HOOK  MESSAGE",
    "flux-gitrepository-auth-failed": "✗ timed out waiting for the condition",
    "tekton-taskrun-logs-step": "TaskRun ${tektontask19}-run-x7k2p failed to finish within \"1h0m0s\"",
    "ansible-vvv-module-args": "PLAY RECAP *********************************************************************",
    "terraform-plan-sensitive-leak-in-resource": "Plan: 1 to add, 1 to change, 0 to destroy.",
    "terraform-apply-provider-error-http": "│ with module.platform.github_repository_webhook.ci,",
    "aws-cli-debug-botocore-headers": "An error occurred (AccessDeniedException) when calling the GetSecretValue operation",
    "gcloud-verbosity-debug-http": "---- response end ----",
    "az-cli-debug-request-body": "DEBUG: cli.knack.cli: Event: Cli.PostExecute [<function AzCliLogging.deinit_cmd_metadata_logging at 0x7f2b1c9e0e50>]",
    "github-actions-set-output-deprecated-echo": "Error: Process completed with exit code 1.",
    "gitlab-ci-variables-debug-trace": "++ export CI_PIPELINE_SOURCE=merge_request_event",
    "argo-workflows-pod-logs-env": "Error: exit code 1",
    "fastlane-match-git-url-token": "[!] Error cloning certificates git repo, please make sure you have access to the repository - see instructions above",
    "fastlane-supply-json-key-data": "fastlane finished with errors",
    "gradle-android-signing-config-echo": "BUILD FAILED in 1m 12s",
    "xcodebuild-archive-export-altool": "Error: Process completed with exit code 70.",
    "espresso-view-matcher-hierarchy-text": "at androidx.test.espresso.ViewInteraction.check(ViewInteraction.java:407)",
    "flutter-test-expect-failure-dart": "Some tests failed.",
    "react-native-metro-red-box-fetch": " BUNDLE  ./index.js ░░░░░░░░░░░░░░░░ 100.0% (1234/1234), done.",
    "expo-eas-build-env-secrets": "Build failed: Gradle build failed with unknown error. See logs for the \"Run gradlew\" phase for more information.",
    "android-instrumentation-logcat-okhttp-keys": "INSTRUMENTATION_CODE: -1",
    "firebase-test-lab-gcloud-matrix": "More details are available at [https://console.firebase.google.com/project/${gcpproject19}/testlab/histories/bh.1a2b3c4d5e6f7a8b].",
    "celery-task-raised-args-kwargs": "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/celery/app/trace.py\", line 477, in trace_task",
    "sidekiq-job-retry-json-args": "WARN: /usr/local/bundle/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb:202:in `execute_job'",
    "bullmq-failed-job-data": "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
    "rabbitmq-server-log-auth-failed-uri": "2024-06-01 12:04:17.313 [info] <0.2145.0> connection <0.2145.0> closed",
    "kafka-java-client-sasl-jaas-config": "[main] INFO org.apache.kafka.common.utils.AppInfoParser - Kafka version: 3.7.0",
    "kafkajs-sasl-authentication-error": "{\"level\":\"WARN\",\"logger\":\"kafkajs\",\"message\":\"[Connection] Connection timeout\",\"retryCount\":3}",
    "confluent-kafka-python-librdkafka-error": "%4|1717243458.102|TERMINATE|rdkafka#producer-1| [thrd:app]: Producer terminating with 1 message (312 bytes) still in queue or transit",
    "google-pubsub-push-endpoint-token": "  File \"/usr/local/lib/python3.11/site-packages/google/api_core/grpc_helpers.py\", line 78, in error_remapped_callable",
    "aws-sqs-lambda-event-record-body": "REPORT RequestId: ${uuid} Duration: 412.37 ms Billed Duration: 413 ms Memory Size: 512 MB Max Memory Used: 91 MB",
    "resque-failed-job-payload": "  /app/vendor/bundle/ruby/3.3.0/gems/resque-2.6.0/lib/resque/job.rb:241:in `perform'",
    "postgres-password-failed-swedish": "psql: fel: kunde inte ansluta till servern",
    "django-forms-romanian": "FAILED (failures=1)",
    "laravel-validation-hungarian": "Tests:    1 failed, 63 passed (171 assertions)",
    "django-auth-hindi": "Ran 42 tests in 3.118s",
    "postgres-password-failed-finnish": "psql: virhe: yhteys palvelimeen epäonnistui",
    "git-auth-failed-danish": "##[error]The process '/usr/bin/git' failed with exit code 128",
    "spring-validation-norwegian": "[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 2.413 s <<< FAILURE!",
    "mysql-access-denied-croatian": "mysql: [Upozorenje] Korištenje lozinke u naredbenom retku može biti nesigurno.",
    "django-forms-bulgarian": "Ran 17 tests in 1.204s",
    "laravel-auth-failed-catalan": "  Tests:    1 failed, 88 passed (242 assertions)",
    "hibernate-validator-slovak": "	at org.hibernate.validator.internal.engine.ValidatorImpl.validate(ValidatorImpl.java:158)",
    "laravel-validation-malay": "  FAILED  Tests\\Feature\\RegistrationTest > pendaftaran gagal",
    "django-forms-persian": "FAILED (failures=1, errors=0)",
    "django-forms-bengali": "Destroying test database for alias 'default'...",
    "git-auth-failed-swedish": "fatal: kunde inte läsa Användarnamn för 'https://github.com': terminalprompter inaktiverade",
    "postgres-password-failed-romanian": "HikariPool-1 - Exception during pool initialization.",
    "django-forms-finnish": "Ran 9 tests in 0.812s",
    "helm-repo-add-credentials-echo": "Error: Process completed with exit code 1.",
    "kubectl-secret-from-literal-echo": "ERROR: Job failed: command terminated with exit code 1",
    "sentry-cli-sourcemaps-upload": "Add --log-level=[info|debug] or export SENTRY_LOG_LEVEL=[info|debug] to see more output.",
    "xcrun-notarytool-submit-credentials": "Error: Process completed with exit code 69.",
    "vercel-cli-deploy-token-flag": "Error: Process completed with exit code 1.",
}
for _f in FAMILIES:
    _f["templates"] = [t + "\n" + FOOTERS[_f["family"]] for t in _f["templates"]]
