# The thirteenth collection (session 17, corpus13): the other way from the earlier ones, which went to ever rarer tools.
# At least two thirds of its families come from the MAINSTREAM tools a failing test run of a web, back-end or mobile
# application most often prints (Jest, Vitest, Mocha, Playwright, Cypress, WebdriverIO, pytest, unittest, JUnit 5 with
# Surefire and Gradle, TestNG, go test, RSpec, Minitest, PHPUnit, xUnit/NUnit/dotnet test, GitHub Actions, GitLab CI,
# Jenkins, CircleCI, Docker and Compose, kubectl and Helm, Terraform, the AWS CLI/boto3/aws-sdk-js, gcloud, az, Spring
# Boot, Django, Flask/FastAPI, Rails, Laravel, Express/NestJS/Next.js, ASP.NET Core, nginx, the PostgreSQL, MySQL, SQL
# Server, MongoDB and Redis servers and drivers, Kafka, RabbitMQ, Sentry, Datadog/OpenTelemetry, npm/pip/Maven/Gradle/
# Cargo/Bundler, the Stripe, Twilio, SendGrid, Auth0, Okta and Firebase SDKs), each with a MESSAGE SHAPE the twelve do
# not have (a different error, log line, debug dump, retry message, config print-out or report section of that tool;
# checked by grepping failure-output*.jsonl and families*.py for a fixed part of each shape, the `marker` below); the
# rest from tools none of the twelve has. Secrets are planted where those tools print them (URLs and DSNs, headers,
# JSON/YAML/env/properties dumps, command lines, assertion diffs, fixtures, storage state, SDK debug output), with
# the leaks the outside measure of #14 first reported among them (an AWS secret after its key id, an hf_ token, curl -u
# user:pass, a connect.sid cookie in a JS object and in storage-state JSON, a national phone number with a space, an SSN
# in an SQL statement), and the keeps it first reported lost (a database URL's host, port and database name, its user).
# Personal data of countries none of the twelve has (Haiti, Madagascar, Malawi, Mali, Afghanistan, Tajikistan, Yemen,
# Sudan, Maldives, Bhutan, Papua New Guinea, Suriname, Barbados, Macau, Libya, Monaco, Kosovo, Guyana, the Bahamas:
# phones as those countries write them) and national, tax and business numbers no collection has (Spain's NIE,
# Norway's organisasjonsnummer, Finland's Y-tunnus, Czechia's ICO, Denmark's CVR, Switzerland's UID, Belgium's
# enterprise number, Italy's partita IVA) with VALID check digits (ThirteenthIds.java). Each family names the public
# page or thread its shape was learnt from; nothing was copied. Same template language as the earlier collections.
# Split like the sixth to twelfth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed and
# committed before any rule ran on it. Kept from every rule writer.

from families12 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "privip": ["10.0.4.17", "172.18.0.5", "192.168.10.23", "10.42.1.9", "172.31.22.140"],
    "jestfile": ["src/api/orders.test.ts", "src/services/auth.test.js", "tests/unit/billing.spec.ts"],
    "vitestfile": ["src/lib/session.test.ts", "src/stores/cart.test.ts", "tests/api/customers.test.ts"],
    "wdiospec": ["test/specs/login.e2e.js", "test/specs/checkout.e2e.ts", "test/specs/profile.e2e.js"],
    "cyspec": ["cypress/e2e/login.cy.ts", "cypress/e2e/checkout.cy.js", "cypress/e2e/admin/users.cy.ts"],
    "pwproject": ["chromium", "firefox", "webkit", "Mobile Chrome"],
    "mvnmodule": ["orders-service", "billing-core", "customer-api"],
    "junitclass": ["com.acme.orders.CheckoutControllerTest", "com.globex.billing.InvoiceServiceIT", "io.initech.auth.LoginFlowTest"],
    "testngclass": ["com.acme.e2e.LoginTests", "com.globex.api.PaymentTests", "io.initech.smoke.HealthTests"],
    "gopkg": ["github.com/acme/orders/internal/store", "github.com/globex/billing/pkg/client", "github.com/initech/auth/session"],
    "minitestcase": ["SessionsControllerTest#test_login_with_valid_password", "OrderTest#test_charge_card", "Api::CustomersTest#test_update_phone"],
    "nunittest": ["Acme.Orders.Tests.PaymentTests.Charge_Succeeds", "Globex.Crm.Tests.CustomerImportTests.Import_KeepsPhone"],
    "ghjob": ["e2e", "test (ubuntu-latest, 20.x)", "integration-tests", "build-and-test"],
    "gljob": ["test:integration", "e2e:chrome", "rspec 2/4", "deploy:staging"],
    "jenkinsjob": ["acme-orders/main", "billing-pipeline/PR-412", "e2e-nightly"],
    "ciproj": ["acme/orders-api", "globex/web", "initech/mobile-app"],
    "composesvc": ["api", "worker", "db", "web"],
    "helmchart": ["orders-api-1.8.3", "billing-0.4.12", "checkout-web-2.1.0"],
    "djangoview": ["accounts.views.login_view", "orders.views.checkout", "api.views.CustomerViewSet"],
    "railsctrl": ["SessionsController#create", "Api::V1::OrdersController#create", "CustomersController#update"],
    "nestctx": ["AuthService", "OrdersController", "PaymentsService", "TypeOrmModule"],
    "nextroute": ["/api/auth/callback/credentials", "/checkout", "/api/orders/[id]"],
    "aspctx": ["Acme.Orders.Api.Controllers.PaymentsController", "Globex.Crm.Web.Startup", "Microsoft.EntityFrameworkCore.Database.Command"],
    "mongocoll": ["customers", "sessions", "orders", "users"],
    "rabbitq": ["orders.created", "email.send", "invoices.generate"],
    "sentryproj": ["4505123456789012", "4506234567890123", "4504987654321098"],
    "ddservice": ["orders-api", "checkout-web", "billing-worker"],
    "npmscope": ["@acme", "@globex", "@initech"],
    "cratename": ["acme-orders", "globex-auth", "initech-client"],
    "gemname": ["acme-billing", "globex-sso", "initech-api-client"],
    "stripereq": ["req_8Hq3xL2mT9pA1b", "req_Zk47Wn0cQe5Yv2", "req_3fPj9sRt6LmN0x"],
    "auth0tenant": ["acme-prod.eu.auth0.com", "globex.us.auth0.com", "initech-dev.auth0.com"],
    "oktaorg": ["acme.okta.com", "globex.oktapreview.com", "initech.okta-emea.com"],
    "fbproject": ["acme-shop-prod", "globex-mobile-dev", "initech-app-staging"],
    "gqlm": ["CreateOrder", "UpdateCustomerPhone", "LoginMutation"],
    "k8sdeploy": ["orders-api", "checkout-web", "billing-worker"],
    "tfmodule": ["module.rds", "module.payments_db", "module.cache"],
    "lambdaname": ["orders-webhook", "invoice-mailer", "kyc-check"],
    "otelsvc": ["orders-api", "checkout-web", "billing-worker"],
    "pgconstraint": ["customers_email_key", "users_phone_key", "members_ssn_key"],
    "sqlsrvdb": ["OrdersDb", "CrmProd", "Billing"],
    "sqlsrvhost": ["sql-01.corp.acme.net", "mssql.billing.svc.cluster.local", "crm-sql.globex.io"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- JavaScript and browser test runners -------------------------------------------------------------------------------

fam("jest-open-handles-env-dump", "https://jestjs.io/docs/cli#--detectopenhandles; https://github.com/jestjs/jest/issues/9473", [
    """Jest has detected the following 1 open handle potentially keeping Jest from exiting:

  ●  TCPWRAP

      ${line} |   const pool = new Pool({
      ${col} |     connectionString: process.env.DATABASE_URL, // postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
          |                ^
      at new Pool (node_modules/pg-pool/index.js:83:19)
      at Object.<anonymous> (${jestfile}:${line}:${col})

console.log
    process.env = { NODE_ENV: 'test', REDIS_URL: 'redis://default:{{PASSWORD:2}}@${redishost}:6379/0', STRIPE_SECRET_KEY: '{{STRIPE_SK}}' }""",
    """Jest did not exit one second after the test run has completed.

This usually means that there are asynchronous operations that weren't stopped in your tests. Consider running Jest with `--detectOpenHandles` to troubleshoot this issue.

  ●  Timeout

      at Object.<anonymous> (${jestfile}:${line}:${col})
      -> amqplib connect('amqp://${dbuser}:{{PASSWORD}}@${amqphost}:5672/${vhost}')
      -> new Redis({ host: '${privip}', port: 6379, password: '{{HEX32}}' })""",
], ["Jest has detected the following 1 open handle", "●  TCPWRAP", "node_modules/pg-pool/index.js:83:19", "${jestfile}:${line}:${col}", "${dbuser}", "@${dbhost}:${pgport}/${db}", "@${redishost}:6379/0", "Jest did not exit one second after the test run has completed.", "@${amqphost}:5672/${vhost}", "host: '${privip}', port: 6379"],
    marker="open handle potentially keeping Jest")

fam("vitest-failed-tests-banner", "https://vitest.dev/guide/cli.html; https://github.com/vitest-dev/vitest/issues/5004", [
    """⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

 FAIL  ${vitestfile} > session store > persists the session cookie
AssertionError: expected { name: 'connect.sid', …(4) } to deeply equal { name: 'connect.sid', …(4) }

- Expected
+ Received

  {
    "name": "connect.sid",
-   "value": "s%3Aexpected",
+   "value": "{{CONNECT_SID}}",
    "domain": "${cookiedomain}",
    "path": "/",
    "httpOnly": true,
  }

 ❯ ${vitestfile}:${line}:${col}

⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯""",
    """⎯⎯⎯⎯⎯⎯ Unhandled Errors ⎯⎯⎯⎯⎯⎯

Vitest caught 1 unhandled error during the test run.

⎯⎯⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯⎯
FetchError: request to https://${apihost}${apipath}?api_key={{API_KEY}} failed, reason: connect ECONNREFUSED ${privip}:443
 ❯ ${vitestfile}:${line}:${col}
This error originated in "${vitestfile}" test file. It doesn't mean the error was thrown inside the file itself, but while it was running.
 Test Files  1 failed | 22 passed (23)""",
], ["⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯", "FAIL  ${vitestfile} > session store > persists the session cookie", "\"name\": \"connect.sid\"", "\"domain\": \"${cookiedomain}\"", "❯ ${vitestfile}:${line}:${col}", "Vitest caught 1 unhandled error during the test run.", "https://${apihost}${apipath}", "ECONNREFUSED ${privip}:443", "Test Files  1 failed | 22 passed (23)"],
    marker="Failed Tests 1 ⎯")

fam("playwright-request-context-call-log", "https://playwright.dev/docs/api/class-apirequestcontext; https://github.com/microsoft/playwright/issues/24149", [
    """  1) [${pwproject}] › ${spec}:${line}:${col} › api › creates an order ─────────

    Error: apiRequestContext.post: Request failed: 401 Unauthorized
    Call log:
      - → POST https://${apihost}${apipath}
      -   user-agent: Playwright/1.44.0 (x64; ubuntu 22.04) node/20.11
      -   accept: */*
      -   authorization: Bearer {{JWT}}
      -   x-api-key: {{API_KEY}}
      -   content-type: application/json
      -   content-length: 87
      - ← 401 Unauthorized
      -   www-authenticate: Bearer error="invalid_token"

       ${line} |     const res = await request.post('${apipath}', { data: order });""",
    """  2) [${pwproject}] › ${spec}:${line}:${col} › login › reuses storage state ──────

    Error: browserContext.addCookies: Cookie should have a url or a domain/path pair
    Call log:
      - storageState from playwright/.auth/user.json:
      - {"cookies":[{"name":"connect.sid","value":"{{CONNECT_SID}}","domain":"${cookiedomain}","path":"/","expires":-1,"httpOnly":true,"secure":true,"sameSite":"Lax"}],"origins":[{"origin":"https://${apihost}","localStorage":[{"name":"refresh_token","value":"{{HEX64}}"}]}]}""",
], ["[${pwproject}] › ${spec}:${line}:${col} › api › creates an order", "Error: apiRequestContext.post: Request failed: 401 Unauthorized", "Call log:", "POST https://${apihost}${apipath}", "Playwright/1.44.0", "content-length: 87", "www-authenticate: Bearer error=\"invalid_token\"", "[${pwproject}] › ${spec}:${line}:${col} › login › reuses storage state", "playwright/.auth/user.json", "\"name\":\"connect.sid\"", "\"domain\":\"${cookiedomain}\"", "\"origin\":\"https://${apihost}\""],
    marker="apiRequestContext.post: Request failed")

fam("playwright-route-fulfill-har", "https://playwright.dev/docs/mock#mocking-with-har-files; https://playwright.dev/docs/api/class-route", [
    """  1) [${pwproject}] › ${spec}:${line}:${col} › checkout › pays with the saved card

    Error: page.routeFromHAR: No entry in HAR matches the request
      GET https://${apihost}/v1/customers/cus_${alnum14}?expand[]=sources
      HAR: tests/hars/checkout.har
      closest entry: {"request":{"method":"GET","url":"https://${apihost}/v1/customers/cus_${alnum14}","headers":[{"name":"Authorization","value":"Bearer {{STRIPE_SK}}"},{"name":"Stripe-Version","value":"2024-04-10"}]},"response":{"status":200,"content":{"text":"{\\"email\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_PARENS}}\\",\\"card_last4\\":\\"4242\\"}"}}}""",
    """  2) [${pwproject}] › ${spec}:${line}:${col} › profile › shows the saved address

    Error: route.fulfill: Target page, context or browser has been closed
      fulfilled with: {"status":200,"json":{"user":{"id":"${uuid}","email":"{{EMAIL}}","ssn":"{{SSN}}","phone":"{{PHONE_INTL}}"},"session":"{{HEX64}}"}}
      at ${spec}:${line}:${col}""",
], ["[${pwproject}] › ${spec}:${line}:${col} › checkout › pays with the saved card", "page.routeFromHAR: No entry in HAR matches the request", "https://${apihost}/v1/customers/cus_${alnum14}", "tests/hars/checkout.har", "\"Stripe-Version\",\"value\":\"2024-04-10\"", "card_last4", "[${pwproject}] › ${spec}:${line}:${col} › profile › shows the saved address", "route.fulfill: Target page, context or browser has been closed", "\"id\":\"${uuid}\""],
    marker="No entry in HAR matches")

fam("wdio-spec-reporter-capabilities", "https://webdriver.io/docs/spec-reporter; https://webdriver.io/docs/configurationfile", [
    """------------------------------------------------------------------
[chrome 124.0.6367.91 linux #0-0] Running: chrome (v124.0.6367.91) on linux
[chrome 124.0.6367.91 linux #0-0] Session ID: ${hex32}
[chrome 124.0.6367.91 linux #0-0]
[chrome 124.0.6367.91 linux #0-0] » /${wdiospec}
[chrome 124.0.6367.91 linux #0-0] Login
[chrome 124.0.6367.91 linux #0-0]    ✖ signs in with a seeded user
[chrome 124.0.6367.91 linux #0-0]
[chrome 124.0.6367.91 linux #0-0] 1 failing (8.2s)
[chrome 124.0.6367.91 linux #0-0]
[chrome 124.0.6367.91 linux #0-0] 1) Login signs in with a seeded user
[chrome 124.0.6367.91 linux #0-0] Expected: "https://${apihost}/dashboard"
[chrome 124.0.6367.91 linux #0-0] Received: "https://${apihost}/login?error=1&user=${user}&password={{PASSWORD}}"
[chrome 124.0.6367.91 linux #0-0] Error: expect(browser).toHaveUrl(expected)""",
    """[0-0] 2024-05-14T10:12:03.118Z INFO webdriver: [POST] https://hub-cloud.browserstack.com/wd/hub/session
[0-0] 2024-05-14T10:12:03.118Z INFO webdriver: DATA {
  capabilities: { alwaysMatch: { browserName: 'chrome', 'bstack:options': { userName: '${user}', accessKey: '{{BROWSERSTACK_KEY}}', buildName: 'e2e ${sha7}' } } }
}
[0-0] 2024-05-14T10:12:04.402Z INFO webdriver: COMMAND setCookies([{ name: 'connect.sid', value: '{{CONNECT_SID}}', domain: '${cookiedomain}', path: '/', httpOnly: true }])
[0-0] Error in "Login.signs in": Can't call click on element with selector "${selector}" because element wasn't found""",
], ["[chrome 124.0.6367.91 linux #0-0] Running: chrome (v124.0.6367.91) on linux", "Session ID: ${hex32}", "» /${wdiospec}", "✖ signs in with a seeded user", "1 failing (8.2s)", "Expected: \"https://${apihost}/dashboard\"", "https://${apihost}/login?error=1&user=${user}", "expect(browser).toHaveUrl(expected)", "INFO webdriver: [POST] https://hub-cloud.browserstack.com/wd/hub/session", "userName: '${user}'", "buildName: 'e2e ${sha7}'", "with selector \"${selector}\""],
    marker="linux #0-0] Session ID")

fam("react-testing-library-dom-dump", "https://testing-library.com/docs/dom-testing-library/api-debugging/#prettydom; https://github.com/testing-library/dom-testing-library/issues/1172", [
    """TestingLibraryElementError: Unable to find an element with the text: /welcome back/i. This could be because the text is broken up by multiple elements.

Ignored nodes: comments, script, style
<body>
  <div>
    <form data-testid="login-form">
      <input name="email" value="{{EMAIL}}" />
      <input name="password" type="password" value="{{PASSWORD}}" />
      <input type="hidden" name="csrf_token" value="{{HEX40}}" />
      <p role="alert">Invalid credentials for ${user}</p>
    </form>
  </div>
</body>
    at Object.getElementError (node_modules/@testing-library/dom/dist/config.js:37:19)
    at ${jestfile}:${line}:${col}""",
    """TestingLibraryElementError: Unable to find role="button" and name "Save phone"

<body>
  <div>
    <section aria-label="profile">
      <dd>{{PHONE_BB}}</dd>
      <dd>{{CARD}}</dd>
      <dd data-testid="api-key">{{SHOPIFY_PAT}}</dd>
    </section>
  </div>
</body>
    at ${jestfile}:${line}:${col}""",
], ["TestingLibraryElementError: Unable to find an element with the text: /welcome back/i.", "Ignored nodes: comments, script, style", "data-testid=\"login-form\"", "Invalid credentials for ${user}", "node_modules/@testing-library/dom/dist/config.js:37:19", "${jestfile}:${line}:${col}", "Unable to find role=\"button\" and name \"Save phone\"", "aria-label=\"profile\"", "data-testid=\"api-key\""],
    marker="TestingLibraryElementError")


# --- Python, JVM, Go, Ruby, PHP and .NET test runners -------------------------------------------------------------------

fam("pytest-captured-log-setup", "https://docs.pytest.org/en/stable/how-to/logging.html; https://github.com/pytest-dev/pytest/issues/3020", [
    """_____________________ ERROR at setup of ${pyfunc} _____________________

    @pytest.fixture
    def db():
>       return psycopg.connect(os.environ["DATABASE_URL"])
E       psycopg.OperationalError: connection failed: FATAL:  password authentication failed for user "${dbuser}"

${pyfile}:${line}: OperationalError
---------------------------- Captured log setup ----------------------------
DEBUG    conftest:conftest.py:${line2} DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
INFO     conftest:conftest.py:${line2} seeding ${table}: {'name': 'Abdul Rahimi', 'phone': '{{PHONE_AF}}', 'email': '{{EMAIL}}'}
=========================== short test summary info ===========================
ERROR ${pyfile}::${pyfunc} - psycopg.OperationalError: connection failed""",
    """--------------------------- Captured stdout call ----------------------------
hf_hub_download(repo_id='acme/ticket-classifier', token='{{HF}}') -> 401
requests: GET https://huggingface.co/api/models/acme/ticket-classifier headers={'authorization': 'Bearer {{HF}}'}
--------------------------- Captured log teardown ---------------------------
WARNING  urllib3.connectionpool:connectionpool.py:872 Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError': /api/models/acme/ticket-classifier
FAILED ${pyfile}::${pyfunc} - huggingface_hub.errors.GatedRepoError: 401 Client Error""",
], ["ERROR at setup of ${pyfunc}", "psycopg.OperationalError: connection failed: FATAL:  password authentication failed for user \"${dbuser}\"", "${pyfile}:${line}: OperationalError", "Captured log setup", "conftest:conftest.py:${line2}", "@${dbhost}:${pgport}/${db}", "seeding ${table}", "ERROR ${pyfile}::${pyfunc}", "repo_id='acme/ticket-classifier'", "https://huggingface.co/api/models/acme/ticket-classifier", "Captured log teardown", "Retrying (Retry(total=2", "FAILED ${pyfile}::${pyfunc}", "GatedRepoError: 401 Client Error"],
    marker="Captured log setup")

fam("pytest-parametrize-ids-diff", "https://docs.pytest.org/en/stable/how-to/parametrize.html; https://docs.pytest.org/en/stable/how-to/assert.html", [
    """___________ test_normalize_phone[{{PHONE_YE}}-+967] ___________

raw = '{{PHONE_YE}}', prefix = '+967'

    @pytest.mark.parametrize("raw,prefix", CASES)
    def test_normalize_phone(raw, prefix):
>       assert normalize(raw).startswith(prefix)
E       AssertionError: assert False
E        +  where False = <built-in method startswith of str object at 0x7f3a1c2b5e30>('+967')
E        +    where <built-in method startswith ...> = '{{PHONE_YE}}'.startswith

${pyfile}:${line}: AssertionError""",
    """___________ test_login[${user}-{{PASSWORD}}] ___________
E       AssertionError: assert {'status': 401, 'detail': 'Invalid credentials'} == {'status': 200}
E         Differing items:
E         {'status': 401} != {'status': 200}
E         Left contains 1 more item:
E         {'detail': 'Invalid credentials'}
E         Full diff:
E           {
E         -     'status': 200,
E         +     'detail': 'Invalid credentials',
E         +     'status': 401,
E           }
${pyfile}:${line}: AssertionError
FAILED ${pyfile}::test_login[${user}-{{PASSWORD}}]""",
], ["test_normalize_phone[", "-+967]", "prefix = '+967'", "@pytest.mark.parametrize(\"raw,prefix\", CASES)", "${pyfile}:${line}: AssertionError", "test_login[${user}-", "Differing items:", "{'status': 401} != {'status': 200}", "Left contains 1 more item:", "FAILED ${pyfile}::test_login[${user}-"],
    marker="Left contains 1 more item")

fam("unittest-subtest-fail-block", "https://docs.python.org/3/library/unittest.html#distinguishing-test-iterations-using-subtests; https://docs.python.org/3/library/unittest.html#unittest.TestCase.maxDiff", [
    """======================================================================
FAIL: test_mask_fields (tests.test_export.ExportTest.test_mask_fields) (field='ssn')
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/app/tests/test_export.py", line ${line}, in test_mask_fields
    self.assertNotIn(row[field], out)
AssertionError: '{{SSN}}' unexpectedly found in 'INSERT INTO ${table} (name, ssn, phone) VALUES (\\'Jean Baptiste\\', \\'{{SSN}}\\', \\'{{PHONE_HT}}\\');'

----------------------------------------------------------------------
Ran 14 tests in 0.212s

FAILED (failures=1)""",
    """======================================================================
FAIL: test_settings_dump (tests.test_config.ConfigTest.test_settings_dump)
----------------------------------------------------------------------
AssertionError: {'DATABASES': {'default': {'HOST': '${privip}', 'PORT': '${pgport}', 'NAME': '${db}', 'USER': '${dbuser}', 'PASSWORD': '{{PASSWORD}}'}}, 'SECRET_KEY': '{{DJANGO_SECRET_KEY}}'} != {'DATABASES': {'default': {'HOST': '${privip}'}}}
Diff is 702 characters long. Set self.maxDiff to None to see it.

----------------------------------------------------------------------
Ran 3 tests in 0.004s

FAILED (failures=1)""",
], ["FAIL: test_mask_fields (tests.test_export.ExportTest.test_mask_fields) (field='ssn')", "File \"/app/tests/test_export.py\", line ${line}, in test_mask_fields", "unexpectedly found in 'INSERT INTO ${table} (name, ssn, phone) VALUES", "Ran 14 tests in 0.212s", "FAILED (failures=1)", "FAIL: test_settings_dump (tests.test_config.ConfigTest.test_settings_dump)", "'HOST': '${privip}', 'PORT': '${pgport}', 'NAME': '${db}', 'USER': '${dbuser}'", "Diff is 702 characters long. Set self.maxDiff to None to see it.", "Ran 3 tests in 0.004s"],
    marker="unexpectedly found in")

fam("junit5-assertall-multiple-failures", "https://junit.org/junit5/docs/current/user-guide/#writing-tests-assertions; https://github.com/junit-team/junit5/issues/1713", [
    """[ERROR] ${junitclass}.storesCustomer  Time elapsed: 0.412 s  <<< FAILURE!
org.opentest4j.MultipleFailuresError: customer fields (3 failures)
	org.opentest4j.AssertionFailedError: phone ==> expected: <{{PHONE_MV}}> but was: <null>
	org.opentest4j.AssertionFailedError: nie ==> expected: <{{NIE_ES}}> but was: <>
	org.opentest4j.AssertionFailedError: iban ==> expected: <{{IBAN}}> but was: <{{IBAN_SPACED}}>
	at org.junit.jupiter.api.AssertAll.assertAll(AssertAll.java:80)
	at ${junitclass}.storesCustomer(${mvnmodule}/src/test/java:${line})""",
    """[ERROR] Tests run: 12, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 3.127 s <<< FAILURE! -- in ${junitclass}
[ERROR] ${junitclass}.connects -- Time elapsed: 2.004 s <<< ERROR!
org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection
Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbuser}"
	url=jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}&sslmode=require
[INFO] Results:
[ERROR] Errors:
[ERROR]   CheckoutControllerTest.connects » CannotGetJdbcConnection Failed to obtain JDBC Connection
[ERROR] Tests run: 12, Failures: 0, Errors: 1, Skipped: 0""",
], ["${junitclass}.storesCustomer  Time elapsed: 0.412 s  <<< FAILURE!", "org.opentest4j.MultipleFailuresError: customer fields (3 failures)", "AssertAll.java:80", "${mvnmodule}/src/test/java:${line}", "Tests run: 12, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 3.127 s <<< FAILURE! -- in ${junitclass}", "CannotGetJdbcConnectionException: Failed to obtain JDBC Connection", "password authentication failed for user \"${dbuser}\"", "jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&", "&sslmode=require", "CheckoutControllerTest.connects » CannotGetJdbcConnection"],
    marker="MultipleFailuresError: customer fields")

fam("gradle-test-report-failed-stacks", "https://docs.gradle.org/current/userguide/java_testing.html#test_reporting; https://github.com/gradle/gradle/issues/5431", [
    """> Task :${mvnmodule}:test FAILED

CustomerApiTest > updatesPhone() FAILED
    org.opentest4j.AssertionFailedError: expected: <200 OK> but was: <401 UNAUTHORIZED>
        at app//org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:151)
        at app//com.acme.CustomerApiTest.updatesPhone(CustomerApiTest.kt:${line})
    request: PUT https://${apihost}/api/customers/${num} Authorization=Bearer {{JWT}} body={"phone":"{{PHONE_TJ}}"}

27 tests completed, 1 failed

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':${mvnmodule}:test'.
> There were failing tests. See the report at: file:///builds/${repo}/${mvnmodule}/build/reports/tests/test/index.html""",
    """> Task :${mvnmodule}:integrationTest

OrdersRepositoryIT > savesOrder() FAILED
    org.testcontainers.containers.ContainerLaunchException at GenericContainer.java:359
        Caused by: org.rnorth.ducttape.RetryCountExceededException at Unreliables.java:88
    System.getenv: ORG_GRADLE_PROJECT_mavenPassword={{PASSWORD}} ORG_GRADLE_PROJECT_signingKey={{HEX64}}
    jdbc:mysql://${privip}:${myport}/${db}?user=${dbuser}

5 tests completed, 1 failed""",
], ["> Task :${mvnmodule}:test FAILED", "CustomerApiTest > updatesPhone() FAILED", "expected: <200 OK> but was: <401 UNAUTHORIZED>", "CustomerApiTest.kt:${line}", "https://${apihost}/api/customers/${num}", "27 tests completed, 1 failed", "Execution failed for task ':${mvnmodule}:test'.", "file:///builds/${repo}/${mvnmodule}/build/reports/tests/test/index.html", "OrdersRepositoryIT > savesOrder() FAILED", "ContainerLaunchException at GenericContainer.java:359", "jdbc:mysql://${privip}:${myport}/${db}?user=${dbuser}", "5 tests completed, 1 failed"],
    marker="There were failing tests. See the report at")

fam("testng-configuration-failures", "https://testng.org/#_test_results; https://github.com/testng-team/testng/issues/2557", [
    """===============================================
Default Suite
Total tests run: 18, Passes: 15, Failures: 1, Skips: 2
Configuration Failures: 1, Skips: 2
===============================================

FAILED CONFIGURATION: @BeforeClass setUp
java.lang.IllegalStateException: login failed for ${user} at https://${apihost}/login (HTTP 401)
	-Dapp.password={{PASSWORD}} -Dapp.apiKey={{API_KEY}}
	at ${testngclass}.setUp(${testngclass}.java:${line})
SKIPPED: checkoutWithSavedCard
SKIPPED: refundOrder""",
    """FAILED: verifiesCustomer
java.lang.AssertionError: expected [{{ORGNR_NO}}] but found [null]
	customer row: {name=Ola Nordmann, orgnr={{ORGNR_NO}}, phone={{PHONE_INTL}}, email={{EMAIL}}}
	at org.testng.Assert.fail(Assert.java:111)
	at ${testngclass}.verifiesCustomer(${testngclass}.java:${line})
===============================================
    Regression
    Tests run: 9, Failures: 1, Skips: 0
===============================================""",
], ["Total tests run: 18, Passes: 15, Failures: 1, Skips: 2", "Configuration Failures: 1, Skips: 2", "FAILED CONFIGURATION: @BeforeClass setUp", "login failed for ${user} at https://${apihost}/login (HTTP 401)", "${testngclass}.java:${line}", "SKIPPED: checkoutWithSavedCard", "FAILED: verifiesCustomer", "org.testng.Assert.fail(Assert.java:111)", "Tests run: 9, Failures: 1, Skips: 0"],
    marker="FAILED CONFIGURATION")

fam("go-testify-require-http-dump", "https://pkg.go.dev/github.com/stretchr/testify/require; https://pkg.go.dev/net/http/httputil#DumpRequestOut", [
    """--- FAIL: ${gotest} (0.03s)
    handler_test.go:${line}: request:
        POST ${apipath} HTTP/1.1
        Host: ${apihost}
        Authorization: Basic {{BASIC_CRED}}
        Cookie: session_id={{HEX32}}; csrf={{HEX40}}
        Content-Type: application/json

        {"card":"{{CARD_SPACED}}","save":true}
    handler_test.go:${line2}:
        	Error Trace:	/src/internal/api/handler_test.go:${line2}
        	Error:      	Not equal:
        	            	expected: 201
        	            	actual  : 402
        	Test:       	${gotest}
FAIL""",
    """--- FAIL: ${gotest} (0.01s)
    --- FAIL: ${gotest}/stripe_key_from_env (0.00s)
        config_test.go:${line}:
            	Error Trace:	/src/config/config_test.go:${line}
            	Error:      	Should be empty, but was sk={{STRIPE_SK}} whsec={{WHSEC}}
            	Test:       	${gotest}/stripe_key_from_env
FAIL	${gopkg}	0.019s""",
], ["--- FAIL: ${gotest} (0.03s)", "handler_test.go:${line}: request:", "POST ${apipath} HTTP/1.1", "Host: ${apihost}", "Content-Type: application/json", "Error Trace:	/src/internal/api/handler_test.go:${line2}", "expected: 201", "actual  : 402", "--- FAIL: ${gotest}/stripe_key_from_env (0.00s)", "/src/config/config_test.go:${line}", "FAIL	${gopkg}	0.019s"],
    marker="Should be empty, but was")

fam("rspec-aggregate-failures-got-expected", "https://rspec.info/features/3-12/rspec-core/expectation-framework-integration/aggregating-failures/; https://github.com/rspec/rspec-expectations/issues/1367", [
    """  1) Api::V1::Customers PATCH /customers/:id updates the contact data
     Got 2 failures from failure aggregation block.
     # ./${rspecfile}:${line}:in `block (3 levels) in <top (required)>'

     1.1) Failure/Error: expect(json["phone"]).to eq("{{PHONE_SR}}")

            expected: "{{PHONE_SR}}"
                 got: nil

            (compared using ==)
          # ./${rspecfile}:${line}

     1.2) Failure/Error: expect(response.headers["Set-Cookie"]).to be_nil
            expected: nil
                 got: "_shop_session={{RAILS_SESSION}}; path=/; secure; HttpOnly; SameSite=Lax"

Finished in 2.31 seconds (files took 3.02 seconds to load)
48 examples, 1 failure""",
    """  2) StripeCharger charges the default card
     Failure/Error: charge = Stripe::Charge.create(amount: 1999, currency: "usd", customer: customer.stripe_id)

     Stripe::AuthenticationError:
       Invalid API Key provided: {{STRIPE_SK}}
     # ./${rspecfile}:${line}:in `block (2 levels) in <top (required)>'
     # ENV["STRIPE_SECRET_KEY"]={{STRIPE_SK}} ENV["DATABASE_URL"]=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}

rspec ./${rspecfile}:${line} # StripeCharger charges the default card""",
], ["Api::V1::Customers PATCH /customers/:id updates the contact data", "Got 2 failures from failure aggregation block.", "./${rspecfile}:${line}", "(compared using ==)", "path=/; secure; HttpOnly; SameSite=Lax", "Finished in 2.31 seconds (files took 3.02 seconds to load)", "48 examples, 1 failure", "StripeCharger charges the default card", "Stripe::AuthenticationError:", "@${dbhost}:${pgport}/${db}", "rspec ./${rspecfile}:${line}"],
    marker="failures from failure aggregation block")

fam("phpunit-failed-asserting-arrays", "https://docs.phpunit.de/en/11.1/assertions.html#assertsame; https://github.com/sebastianbergmann/phpunit/issues/4813", [
    """There was 1 failure:

1) ${phpunittest}
Failed asserting that two arrays are identical.
--- Expected
+++ Actual
@@ @@
 Array &0 [
-    'status' => 201,
+    'status' => 422,
+    'errors' => Array &1 [
+        'iban' => 'The iban {{IBAN}} is already taken.',
+        'phone' => 'The phone {{PHONE_LY}} is invalid.',
+    ],
 ]

/var/www/html/tests/Feature/RegisterTest.php:${line}

FAILURES!
Tests: 61, Assertions: 212, Failures: 1.""",
    """There was 1 error:

1) ${phpunittest}
Illuminate\\Database\\QueryException: SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "${pgconstraint}"
DETAIL:  Key (email)=({{EMAIL}}) already exists. (Connection: pgsql, SQL: insert into "${table}" ("name", "email", "ssn") values (Maria Lopez, {{EMAIL}}, {{SSN}}))

/var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:${line}
ERRORS!
Tests: 61, Assertions: 210, Errors: 1.""",
], ["There was 1 failure:", "1) ${phpunittest}", "Failed asserting that two arrays are identical.", "'status' => 422,", "/var/www/html/tests/Feature/RegisterTest.php:${line}", "Tests: 61, Assertions: 212, Failures: 1.", "There was 1 error:", "SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint \"${pgconstraint}\"", "(Connection: pgsql, SQL: insert into \"${table}\"", "Connection.php:${line}", "Tests: 61, Assertions: 210, Errors: 1."],
    marker="Failed asserting that two arrays are identical")

fam("xunit-assert-equivalent-collections", "https://xunit.net/docs/getting-started/v2/netcore/cmdline; https://github.com/xunit/assert.xunit/pull/58", [
    """  Failed ${dotnettest} [48 ms]
  Error Message:
   Assert.Equivalent() Failure: Mismatched value in member 'ConnectionString'
Expected: "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password=<redacted>"
Actual:   "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}"
  Stack Trace:
     at Acme.Orders.Tests.ConfigTests.Loads_ConnectionString() in /src/tests/${csproj}/ConfigTests.cs:line ${line}

Failed!  - Failed:     1, Passed:    63, Skipped:     0, Total:    64, Duration: 2 s - ${csproj}.dll (net8.0)""",
    """  Failed ${dotnettest} [112 ms]
  Error Message:
   Assert.Contains() Failure: Item not found in collection
Collection: ["CVR {{CVR_DK}}", "tel {{PHONE_INTL}}", "{{EMAIL}}"]
Not found:  "CVR <masked>"
  Standard Output Messages:
 Calling https://${apihost}${apipath} with X-Api-Key: {{API_KEY}}
Failed!  - Failed:     1, Passed:    12, Skipped:     1, Total:    14, Duration: 890 ms - ${csproj}.dll (net8.0)""",
], ["Failed ${dotnettest} [48 ms]", "Assert.Equivalent() Failure: Mismatched value in member 'ConnectionString'", "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};", "/src/tests/${csproj}/ConfigTests.cs:line ${line}", "Failed!  - Failed:     1, Passed:    63, Skipped:     0, Total:    64, Duration: 2 s - ${csproj}.dll (net8.0)", "Failed ${dotnettest} [112 ms]", "Assert.Contains() Failure: Item not found in collection", "https://${apihost}${apipath}", "Total:    14, Duration: 890 ms"],
    marker="Assert.Equivalent() Failure")

# --- CI systems, containers, clusters, infrastructure, cloud CLIs -------------------------------------------------------

fam("github-actions-run-step-env-block", "https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions#grouping-log-lines; https://github.com/actions/runner/issues/1070", [
    """##[group]Run npm run test:e2e -- --project=${pwproject}
npm run test:e2e -- --project=${pwproject}
shell: /usr/bin/bash -e {0}
env:
  BASE_URL: https://${apihost}
  DATABASE_URL: postgresql://${dbuser}:{{PASSWORD}}@${privip}:${pgport}/${db}
  E2E_USER: ${user}
  E2E_PASSWORD: {{PASSWORD:2}}
  HF_TOKEN: {{HF}}
##[endgroup]
> shop@1.0.0 test:e2e
> playwright test --project=${pwproject}
Error: Process completed with exit code 1.""",
    """##[group]Run aws-actions/configure-aws-credentials@v4
with:
  aws-region: ${region}
  aws-access-key-id: {{AWS_KEY_ID}}
  aws-secret-access-key: {{AWS_SECRET}}
  role-duration-seconds: 3600
##[endgroup]
Error: The security token included in the request is invalid.
##[error]Process completed with exit code 1.""",
], ["Run npm run test:e2e -- --project=${pwproject}", "shell: /usr/bin/bash -e {0}", "BASE_URL: https://${apihost}", "@${privip}:${pgport}/${db}", "E2E_USER: ${user}", "playwright test --project=${pwproject}", "Error: Process completed with exit code 1.", "Run aws-actions/configure-aws-credentials@v4", "aws-region: ${region}", "role-duration-seconds: 3600", "The security token included in the request is invalid."],
    marker="Run aws-actions/configure-aws-credentials")

fam("gitlab-ci-job-trace-sections", "https://docs.gitlab.com/ee/ci/jobs/#custom-collapsible-sections; https://docs.gitlab.com/ee/ci/variables/#mask-a-cicd-variable", [
    """Running with gitlab-runner 16.11.0 (91a27b2a)
  on docker-runner-07 t3_Xk2pQzLm, system ID: s_${hex12}
section_start:1715681523:prepare_script
Preparing the "docker" executor
Using docker image sha256:${hex64} for postgres:16 with digest postgres@sha256:${hex64b} ...
section_end:1715681530:prepare_script
$$ echo "machine ${apihost} login ${user} password {{PASSWORD}}" > ~/.netrc
$$ curl -u ${user}:{{PASSWORD:2}} https://${apihost}/api/v4/projects/${num}/packages/generic/build/1.0/report.xml
curl: (22) The requested URL returned error: 403
section_end:1715681544:step_script
ERROR: Job failed: exit code 22""",
    """section_start:1715681601:step_script
Executing "step_script" stage of the job script
$$ export PGPASSWORD={{PASSWORD}}
$$ psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c "select name, ssn from ${table} where ssn = '{{SSN}}'"
psql: error: connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  no pg_hba.conf entry for host "${privip}", user "${dbuser}", database "${db}", SSL off
section_end:1715681609:step_script
ERROR: Job failed: exit code 2""",
], ["Running with gitlab-runner 16.11.0 (91a27b2a)", "on docker-runner-07 t3_Xk2pQzLm", "section_start:1715681523:prepare_script", "Preparing the \"docker\" executor", "machine ${apihost} login ${user}", "https://${apihost}/api/v4/projects/${num}/packages/generic/build/1.0/report.xml", "curl: (22) The requested URL returned error: 403", "ERROR: Job failed: exit code 22", "psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db}", "select name, ssn from ${table} where ssn =", "no pg_hba.conf entry for host \"${privip}\", user \"${dbuser}\", database \"${db}\", SSL off", "ERROR: Job failed: exit code 2"],
    marker="Executing \"step_script\" stage")

fam("docker-compose-config-resolved", "https://docs.docker.com/reference/cli/docker/compose/config/; https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/", [
    """$$ docker compose config
name: ${composesvc}-e2e
services:
  ${composesvc}:
    environment:
      DATABASE_URL: postgres://${dbuser}:{{PASSWORD}}@db:5432/${db}
      REDIS_URL: redis://:{{PASSWORD:2}}@cache:6379
      SESSION_SECRET: {{COOKIE_SECRET}}
      TWILIO_API_KEY: {{TWILIO_API_KEY}}
      TWILIO_API_SECRET: {{HEX32}}
    image: ${image}
    networks:
      default: null
    ports:
      - mode: ingress
        target: 8080
        published: "8080"
        protocol: tcp""",
    """ Container ${container}  Starting
 Container ${container}  Started
 Container ${container}  Waiting
 Container ${container}  Error
dependency failed to start: container ${container} is unhealthy
${composesvc}-1  | 2024-05-14 10:12:03.118 UTC [1] FATAL:  password authentication failed for user "${dbuser}"
${composesvc}-1  | 2024-05-14 10:12:03.118 UTC [1] DETAIL:  Connection matched file "/var/lib/postgresql/data/pg_hba.conf" line 128: "host all all all scram-sha-256"
${composesvc}-1  | POSTGRES_PASSWORD={{PASSWORD}} POSTGRES_USER=${dbuser} POSTGRES_DB=${db}""",
], ["docker compose config", "name: ${composesvc}-e2e", "@db:5432/${db}", "@cache:6379", "image: ${image}", "target: 8080", "published: \"8080\"", "Container ${container}  Error", "dependency failed to start: container ${container} is unhealthy", "password authentication failed for user \"${dbuser}\"", "pg_hba.conf\" line 128", "POSTGRES_USER=${dbuser} POSTGRES_DB=${db}"],
    marker="dependency failed to start")

fam("kubectl-describe-pod-env-events", "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_describe/; https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/", [
    """Name:             ${pod}
Namespace:        ${ns}
Node:             ip-10-0-4-17.${region}.compute.internal/10.0.4.17
Containers:
  app:
    Image:          ${image}
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Exit Code:    1
    Environment:
      SPRING_DATASOURCE_URL:       jdbc:postgresql://${dbhost}:${pgport}/${db}
      SPRING_DATASOURCE_USERNAME:  ${dbuser}
      SPRING_DATASOURCE_PASSWORD:  {{PASSWORD}}
      STRIPE_API_KEY:              {{STRIPE_SK}}
      DB_SECRET:                   <set to the key 'password' in secret '${k8sdeploy}-db'>  Optional: false
Events:
  Type     Reason   Age                 From     Message
  ----     ------   ----                ----     -------
  Warning  BackOff  12s (x7 over 2m1s)  kubelet  Back-off restarting failed container app in pod ${pod}_${ns}(${uuid})""",
    """$$ kubectl get secret ${k8sdeploy}-env -n ${ns} -o jsonpath='{.data}' | jq 'map_values(@base64d)'
{
  "AUTH0_CLIENT_SECRET": "{{AUTH0_SECRET}}",
  "DATABASE_URL": "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}",
  "LD_SDK_KEY": "{{LD_SDK}}"
}
Error from server (Forbidden): secrets "${k8sdeploy}-tls" is forbidden: User "system:serviceaccount:${ns}:ci" cannot get resource "secrets" in API group "" in the namespace "${ns}\"""",
], ["Name:             ${pod}", "Namespace:        ${ns}", "ip-10-0-4-17.${region}.compute.internal/10.0.4.17", "Image:          ${image}", "Reason:       CrashLoopBackOff", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "SPRING_DATASOURCE_USERNAME:  ${dbuser}", "<set to the key 'password' in secret '${k8sdeploy}-db'>", "Back-off restarting failed container app in pod ${pod}_${ns}(${uuid})", "kubectl get secret ${k8sdeploy}-env -n ${ns}", "@${dbhost}:${pgport}/${db}", "User \"system:serviceaccount:${ns}:ci\" cannot get resource \"secrets\""],
    marker="<set to the key")

fam("terraform-plan-sensitive-leak-outputs", "https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output; https://github.com/hashicorp/terraform/issues/28222", [
    """Terraform will perform the following actions:

  # ${tfmodule}.aws_db_instance.this will be updated in-place
  ~ resource "aws_db_instance" "this" {
        id                         = "${db}-primary"
        identifier                 = "${db}-primary"
      ~ password                   = (sensitive value)
        tags                       = {
            "connection" = "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
        }
    }

Plan: 0 to add, 1 to change, 0 to destroy.

Changes to Outputs:
  + app_env = {
      + STRIPE_KEY = "{{STRIPE_SK}}"
    }""",
    """│ Error: Output refers to sensitive values
│
│   on outputs.tf line ${line}:
│   ${line} output "db_url" {
│
│ To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, Terraform requires that any root module output containing sensitive data be explicitly marked as sensitive.
  value = "mysql://${dbuser}:{{PASSWORD}}@${privip}:${myport}/${db}"
  TF_VAR_cloudflare_api_token={{CF_API_TOKEN}}""",
], ["Terraform will perform the following actions:", "# ${tfmodule}.aws_db_instance.this will be updated in-place", "id                         = \"${db}-primary\"", "@${dbhost}:${pgport}/${db}", "Plan: 0 to add, 1 to change, 0 to destroy.", "Changes to Outputs:", "Error: Output refers to sensitive values", "on outputs.tf line ${line}:", "output \"db_url\"", "@${privip}:${myport}/${db}"],
    marker="Output refers to sensitive values")

fam("aws-sdk-js-v3-client-logger", "https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/logging-sdk-calls.html; https://github.com/aws/aws-sdk-js-v3/issues/3845", [
    """{
  clientName: 'SecretsManagerClient',
  commandName: 'GetSecretValueCommand',
  input: { SecretId: '${secretname}' },
  output: {
    ARN: 'arn:aws:secretsmanager:${region}:${account12}:secret:${secretname}-${alnum6}',
    Name: '${secretname}',
    SecretString: '{"username":"${dbuser}","password":"{{PASSWORD}}","host":"${dbhost}","port":${pgport},"dbname":"${db}"}',
    VersionId: '${uuid}'
  },
  metadata: { httpStatusCode: 200, requestId: '${uuid2}', attempts: 1, totalRetryDelay: 0 }
}""",
    """{
  clientName: 'S3Client',
  commandName: 'PutObjectCommand',
  input: { Bucket: '${bucket}', Key: 'exports/${table}.csv', Body: 'name,ssn,phone\\nAisha Rahman,{{SSN}},{{PHONE_NAT}}\\n' },
  error: CredentialsProviderError: Could not load credentials from any providers
  credentials: { accessKeyId: '{{AWS_STS_KEY_ID}}', secretAccessKey: '{{AWS_SECRET}}', sessionToken: '{{AWS_SESSION_TOKEN}}' },
  metadata: { attempts: 3, totalRetryDelay: 412 }
}""",
], ["clientName: 'SecretsManagerClient'", "commandName: 'GetSecretValueCommand'", "SecretId: '${secretname}'", "arn:aws:secretsmanager:${region}:${account12}:secret:${secretname}", "\"host\":\"${dbhost}\",\"port\":${pgport},\"dbname\":\"${db}\"", "VersionId: '${uuid}'", "requestId: '${uuid2}'", "clientName: 'S3Client'", "Bucket: '${bucket}', Key: 'exports/${table}.csv'", "CredentialsProviderError: Could not load credentials from any providers", "attempts: 3, totalRetryDelay: 412"],
    marker="clientName: 'SecretsManagerClient'")

fam("az-cli-debug-msal-token", "https://learn.microsoft.com/en-us/cli/azure/use-azure-cli-successfully-troubleshooting#the---debug-argument; https://github.com/Azure/azure-cli/issues/22776", [
    """cli.knack.cli: Command arguments: ['login', '--service-principal', '-u', '${uuid}', '-p', '{{AZURE_CLIENT_SECRET}}', '--tenant', '${uuid2}', '--debug']
cli.azure.cli.core: Modules found from index for 'login': ['azure.cli.command_modules.profile']
msal.authority: openid_config("https://login.microsoftonline.com/${uuid2}/v2.0/.well-known/openid-configuration") = {...}
cli.azure.cli.core.azclierror: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${uuid}'.
Trace ID: ${uuid3}
Correlation ID: ${uuidb}""",
    """cli.azure.cli.core.sdk.policies: Request URL: 'https://${azacct}.blob.core.windows.net/${bucket}?restype=container'
cli.azure.cli.core.sdk.policies: Request headers:
cli.azure.cli.core.sdk.policies:     'x-ms-version': '2023-11-03'
cli.azure.cli.core.sdk.policies:     'Authorization': 'SharedKey ${azacct}:{{AZURE_SAS_KEY}}'
cli.azure.cli.core.sdk.policies: connection string: DefaultEndpointsProtocol=https;AccountName=${azacct};AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net
cli.azure.cli.core.sdk.policies: Response status: 403""",
], ["cli.knack.cli: Command arguments: ['login', '--service-principal', '-u', '${uuid}'", "'--tenant', '${uuid2}'", "Modules found from index for 'login'", "https://login.microsoftonline.com/${uuid2}/v2.0/.well-known/openid-configuration", "AADSTS7000215: Invalid client secret provided.", "Trace ID: ${uuid3}", "Correlation ID: ${uuidb}", "https://${azacct}.blob.core.windows.net/${bucket}?restype=container", "'x-ms-version': '2023-11-03'", "AccountName=${azacct};", "EndpointSuffix=core.windows.net", "Response status: 403"],
    marker="cli.knack.cli: Command arguments")


# --- application frameworks and servers --------------------------------------------------------------------------------

fam("spring-boot-failure-analyzer-datasource", "https://github.com/quantumdb/quantumdb/issues/87; https://docs.spring.io/spring-boot/reference/features/external-config.html", [
    """***************************
APPLICATION FAILED TO START
***************************

Description:

Failed to bind properties under 'spring.datasource' to com.zaxxer.hikari.HikariDataSource:

    Property: spring.datasource.url
    Value: "jdbc:mysql://${privip}:${myport}/${db}?user=${dbuser}&password={{PASSWORD}}&useSSL=true"
    Origin: System Environment Property "SPRING_DATASOURCE_URL"
    Reason: Failed to load driver class com.mysql.cj.jdbc.Driver in either of HikariConfig class loader or Thread context classloader

Action:

Update your application's configuration""",
    """Description:

Binding to target org.springframework.boot.autoconfigure.mail.MailProperties failed:

    Property: spring.mail.password
    Value: "{{SENDGRID}}"
    Origin: class path resource [application-test.yml] - ${line}:15
    Reason: spring.mail.host must not be empty when spring.mail.username=${user} is set

Action:

Update your application's configuration""",
], ["APPLICATION FAILED TO START", "Failed to bind properties under 'spring.datasource' to com.zaxxer.hikari.HikariDataSource:", "Property: spring.datasource.url", "jdbc:mysql://${privip}:${myport}/${db}?user=${dbuser}&", "&useSSL=true", "Origin: System Environment Property \"SPRING_DATASOURCE_URL\"", "Failed to load driver class com.mysql.cj.jdbc.Driver", "Update your application's configuration", "Binding to target org.springframework.boot.autoconfigure.mail.MailProperties failed:", "Property: spring.mail.password", "class path resource [application-test.yml] - ${line}:15", "spring.mail.username=${user}"],
    marker="Origin: System Environment Property")

fam("django-technical-500-settings", "https://docs.djangoproject.com/en/5.0/howto/error-reporting/#filtering-sensitive-information; https://docs.djangoproject.com/en/5.0/ref/settings/#debug", [
    """OperationalError at /checkout/
connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"

Request Method:	POST
Request URL:	https://${apihost}/checkout/
Django Version:	5.0.6
Exception Location:	/usr/local/lib/python3.12/site-packages/psycopg/connection.py, line 748, in connect
Raised during:	${djangoview}

POST
Variable	Value
csrfmiddlewaretoken	'{{HEX64}}'
card_number	'{{CARD}}'
phone	'{{PHONE_BT}}'

Settings
DATABASE_URL	'postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'""",
    """Environment:

Request Method: GET
Request URL: https://${apihost}/api/customers/${num}/

Django Version: 5.0.6
Python Version: 3.12.3

Traceback (most recent call last):
  File "/app/api/views.py", line ${line}, in retrieve
    stripe.Customer.retrieve(obj.stripe_id, api_key="{{STRIPE_SK}}")

Exception Type: AuthenticationError at /api/customers/${num}/
Exception Value: Invalid API Key provided: {{STRIPE_SK}}
META: HTTP_COOKIE = 'sessionid={{DJANGO_SID}}; csrftoken={{HEX32}}'""",
], ["OperationalError at /checkout/", "connection to server at \"${dbhost}\" (${privip}), port ${pgport} failed", "password authentication failed for user \"${dbuser}\"", "Request URL:	https://${apihost}/checkout/", "Django Version:	5.0.6", "psycopg/connection.py, line 748, in connect", "Raised during:	${djangoview}", "@${dbhost}:${pgport}/${db}", "Request URL: https://${apihost}/api/customers/${num}/", "File \"/app/api/views.py\", line ${line}, in retrieve", "Exception Type: AuthenticationError at /api/customers/${num}/"],
    marker="Raised during:")

fam("flask-werkzeug-debugger-console", "https://werkzeug.palletsprojects.com/en/3.0.x/debug/; https://flask.palletsprojects.com/en/3.0.x/debugging/", [
    """ * Serving Flask app 'shop.app'
 * Debug mode: on
 * Running on http://${privip}:5000
 * Debugger is active!
 * Debugger PIN: ${num}
${privip} - - [14/May/2024 10:12:03] "POST /login HTTP/1.1" 500 -
Traceback (most recent call last):
  File "/app/shop/auth.py", line ${line}, in login
    session["oauth_token"] = oauth.fetch_token(token_url, client_secret="{{GOOGLE_CLIENT_SECRET}}", code=request.args["code"])
oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) Bad Request
>>> app.config["SQLALCHEMY_DATABASE_URI"]
'mysql+pymysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}'""",
    """${privip} - - [14/May/2024 10:12:04] "GET /account HTTP/1.1" 302 -
    Cookie: session={{FLASK_SESSION}}
    remember_token=${num2}|{{HEX128}}
>>> current_user.__dict__
{'id': ${num2}, 'email': '{{EMAIL}}', 'phone': '{{PHONE_SD}}', 'api_token': '{{MAILGUN_KEY}}'}""",
], ["Serving Flask app 'shop.app'", "Debug mode: on", "Running on http://${privip}:5000", "Debugger is active!", "\"POST /login HTTP/1.1\" 500 -", "File \"/app/shop/auth.py\", line ${line}, in login", "(invalid_grant) Bad Request", "@${dbhost}:${myport}/${db}", "\"GET /account HTTP/1.1\" 302 -", "'id': ${num2}"],
    marker="Debugger is active!")

fam("rails-log-parameters-filtered-miss", "https://guides.rubyonrails.org/configuring.html#config-filter-parameters; https://guides.rubyonrails.org/debugging_rails_applications.html#the-logger", [
    """Started POST "/api/v1/orders" for ${privip} at 2024-05-14 10:12:03 +0000
Processing by ${railsctrl} as JSON
  Parameters: {"order"=>{"card_number"=>"{{CARD_DASHED}}", "billing_phone"=>"{{PHONE_GY}}", "email"=>"{{EMAIL}}"}, "api_token"=>"{{HEX40}}"}
  Customer Load (0.4ms)  SELECT "customers".* FROM "customers" WHERE "customers"."api_token" = $$1 LIMIT $$2  [["api_token", "[FILTERED]"], ["LIMIT", 1]]
Completed 500 Internal Server Error in 38ms (ActiveRecord: 2.1ms | Allocations: 9120)

Stripe::CardError (Your card was declined.):""",
    """Started GET "/oauth/callback?code={{OAUTH_CODE}}&state=${hex16}" for ${privip} at 2024-05-14 10:12:05 +0000
Processing by SessionsController#omniauth as HTML
  Parameters: {"code"=>"{{OAUTH_CODE}}", "state"=>"${hex16}"}
Redirected to https://${apihost}/dashboard
Completed 302 Found in 12ms (ActiveRecord: 0.9ms | Allocations: 3011)
  Set-Cookie: _shop_session={{RAILS_SESSION}}; path=/; secure; httponly""",
], ["Started POST \"/api/v1/orders\" for ${privip} at 2024-05-14 10:12:03 +0000", "Processing by ${railsctrl} as JSON", "SELECT \"customers\".* FROM \"customers\" WHERE \"customers\".\"api_token\"", "[\"LIMIT\", 1]", "Completed 500 Internal Server Error in 38ms (ActiveRecord: 2.1ms | Allocations: 9120)", "Stripe::CardError (Your card was declined.):", "for ${privip} at 2024-05-14 10:12:05 +0000", "Processing by SessionsController#omniauth as HTML", "\"state\"=>\"${hex16}\"", "Redirected to https://${apihost}/dashboard", "Completed 302 Found in 12ms"],
    marker="Allocations: 9120")

fam("laravel-log-context-json", "https://laravel.com/docs/11.x/logging#contextual-information; https://github.com/Bubka/2FAuth/issues/524", [
    """[2024-05-14 10:12:03] local.ERROR: SQLSTATE[HY000] [1045] Access denied for user '${dbuser}'@'${privip}' (using password: YES) (Connection: mysql, Host: ${dbhost}, Port: ${myport}, Database: ${db}, SQL: select * from `${table}` where `email` = {{EMAIL}} limit 1) {"userId":null,"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 1045): SQLSTATE[HY000] [1045] Access denied"}
#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php(${line}): Illuminate\\\\Database\\\\Connection->runQueryCallback()
DB_PASSWORD={{PASSWORD}}""",
    """[2024-05-14 10:12:04] production.WARNING: Twilio send failed {"to":"{{PHONE_MO}}","from":"+15005550006","account_sid":"{{TWILIO_SID}}","auth_token":"{{TWILIO_AUTH}}","status":401,"code":20003,"more_info":"https://www.twilio.com/docs/errors/20003"}
[2024-05-14 10:12:04] production.INFO: Mail sent {"mailer":"smtp","host":"${mailhost}","username":"${user}","password":"{{PASSWORD}}"}""",
], ["local.ERROR: SQLSTATE[HY000] [1045] Access denied for user '${dbuser}'@'${privip}' (using password: YES)", "(Connection: mysql, Host: ${dbhost}, Port: ${myport}, Database: ${db}, SQL: select * from `${table}` where `email` =", "QueryException(code: 1045)", "Connection.php(${line})", "production.WARNING: Twilio send failed", "\"from\":\"+15005550006\"", "\"status\":401,\"code\":20003", "https://www.twilio.com/docs/errors/20003", "\"host\":\"${mailhost}\",\"username\":\"${user}\""],
    marker="production.WARNING: Twilio")

fam("nextjs-server-error-digest", "https://nextjs.org/docs/app/building-your-application/routing/error-handling; https://nextjs.org/docs/app/building-your-application/configuring/environment-variables", [
    """ ⨯ Error: NextAuth: CLIENT_FETCH_ERROR request to https://${apihost}/api/auth/session failed
    at async ${nextroute} (./app/api/auth/[...nextauth]/route.ts:${line}:${col})
  digest: "${num}"
 ⨯ env snapshot: NEXTAUTH_URL=https://${apihost} NEXTAUTH_SECRET={{COOKIE_SECRET}} GITHUB_SECRET={{HEX40}} GITHUB_ID=Iv1.${hex16}
 GET ${nextroute} 500 in 412ms""",
    """ ⚠ Error: Dynamic server usage: Route ${nextroute} couldn't be rendered statically because it used `cookies`.
 ⨯ Unhandled Runtime Error
Error: fetch failed
  cause: { url: 'https://api.contentful.com/spaces/${alnum12}/entries?access_token={{CONTENTFUL_PAT}}', code: 'ECONNRESET' }
  cookies: [ { name: '__Secure-next-auth.session-token', value: '{{JWT}}' } ]""",
], ["Error: NextAuth: CLIENT_FETCH_ERROR request to https://${apihost}/api/auth/session failed", "./app/api/auth/[...nextauth]/route.ts:${line}:${col}", "digest: \"${num}\"", "NEXTAUTH_URL=https://${apihost}", "GITHUB_ID=Iv1.${hex16}", "GET ${nextroute} 500 in 412ms", "Dynamic server usage: Route ${nextroute} couldn't be rendered statically", "https://api.contentful.com/spaces/${alnum12}/entries", "code: 'ECONNRESET'", "name: '__Secure-next-auth.session-token'"],
    marker="CLIENT_FETCH_ERROR")

# --- databases, brokers, observability, package managers, SaaS SDKs ----------------------------------------------------

fam("sqlcmd-msg-level-state", "https://learn.microsoft.com/en-us/sql/tools/sqlcmd/sqlcmd-utility; https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/mssqlserver-2627-database-engine-error", [
    """$$ sqlcmd -S ${sqlsrvhost},1433 -U ${dbuser} -P '{{PASSWORD}}' -d ${sqlsrvdb} -i seed.sql
Msg 2627, Level 14, State 1, Server ${sqlsrvhost}, Line ${line}
Violation of PRIMARY KEY constraint 'PK_Customers'. Cannot insert duplicate key in object 'dbo.Customers'. The duplicate key value is ({{NIE_ES}}).
The statement has been terminated.
INSERT INTO dbo.Customers (Nie, Name, Phone, Iban) VALUES (N'{{NIE_ES}}', N'Lucia Fernandez', N'{{PHONE_INTL}}', N'{{IBAN}}');""",
    """Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login failed for user '${dbuser}'..
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : SSL Provider: [error:0A000086:SSL routines::certificate verify failed:self-signed certificate].
  SQLCMDPASSWORD={{PASSWORD}} SQLCMDSERVER=${sqlsrvhost} SQLCMDDBNAME=${sqlsrvdb}""",
], ["sqlcmd -S ${sqlsrvhost},1433 -U ${dbuser}", "-d ${sqlsrvdb} -i seed.sql", "Msg 2627, Level 14, State 1, Server ${sqlsrvhost}, Line ${line}", "Violation of PRIMARY KEY constraint 'PK_Customers'.", "The statement has been terminated.", "INSERT INTO dbo.Customers (Nie, Name, Phone, Iban) VALUES", "Login failed for user '${dbuser}'..", "certificate verify failed:self-signed certificate", "SQLCMDSERVER=${sqlsrvhost} SQLCMDDBNAME=${sqlsrvdb}"],
    marker="Msg 2627")

fam("kafka-client-config-values-dump", "https://github.com/sngular/kloadgen/issues/435; https://kafka.apache.org/documentation/#producerconfigs", [
    """[main] INFO org.apache.kafka.clients.consumer.ConsumerConfig - ConsumerConfig values:
	auto.offset.reset = earliest
	bootstrap.servers = [${kafkahost}:9092]
	client.id = consumer-${topic}-1
	group.id = ${topic}-e2e
	sasl.jaas.config = org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="{{PASSWORD}}";
	sasl.mechanism = SCRAM-SHA-512
	security.protocol = SASL_SSL
	ssl.truststore.password = {{PASSWORD:2}}
	ssl.truststore.location = /etc/kafka/secrets/truststore.jks
[main] ERROR org.apache.kafka.clients.NetworkClient - [Consumer clientId=consumer-${topic}-1, groupId=${topic}-e2e] Connection to node -1 (${kafkahost}/${privip}:9092) failed authentication due to: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512""",
    """%3|1715681523.118|FAIL|rdkafka#producer-1| [thrd:sasl_ssl://${kafkahost}:9092/bootstrap]: sasl_ssl://${kafkahost}:9092/bootstrap: SASL authentication error: Authentication failed (after 412ms in state AUTH_REQ)
KafkaError{code=_AUTHENTICATION,val=-169,str="Authentication failed"}
conf: {'bootstrap.servers': '${kafkahost}:9092', 'sasl.username': '{{CONFLUENT_KEY}}', 'sasl.password': '{{CONFLUENT_SECRET}}', 'security.protocol': 'SASL_SSL'}""",
], ["ConsumerConfig values:", "auto.offset.reset = earliest", "bootstrap.servers = [${kafkahost}:9092]", "client.id = consumer-${topic}-1", "group.id = ${topic}-e2e", "username=\"${user}\"", "sasl.mechanism = SCRAM-SHA-512", "ssl.truststore.location = /etc/kafka/secrets/truststore.jks", "Connection to node -1 (${kafkahost}/${privip}:9092) failed authentication", "rdkafka#producer-1", "sasl_ssl://${kafkahost}:9092/bootstrap: SASL authentication error", "KafkaError{code=_AUTHENTICATION,val=-169", "'bootstrap.servers': '${kafkahost}:9092'"],
    marker="ConsumerConfig values")

fam("rabbitmq-access-refused-amqp-client", "https://www.rabbitmq.com/docs/access-control#troubleshooting; https://github.com/amqp-node/amqplib/issues/443", [
    """2024-05-14 10:12:03.118412+00:00 [error] <0.9412.0> Error on AMQP connection <0.9412.0> (${privip}:51234 -> 172.18.0.5:5672, state: starting):
2024-05-14 10:12:03.118412+00:00 [error] <0.9412.0> PLAIN login refused: user '${dbuser}' - invalid credentials
Error: Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile."
    at afterStartOk (/app/node_modules/amqplib/lib/connection.js:${line}:33)
  url: amqps://${dbuser}:{{PASSWORD}}@${amqphost}:5671/${vhost}?heartbeat=30""",
    """pika.exceptions.ProbableAuthenticationError: ConnectionClosedByBroker: (403) 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.'
  params: <URLParameters host=${amqphost} port=5672 virtual_host=${vhost} ssl=False>
  credentials: PlainCredentials(username='${dbuser}', password='{{PASSWORD}}')
  message body on ${rabbitq}: {"to": "{{EMAIL}}", "phone": "{{PHONE_YE}}", "reset_link": "https://${apihost}/reset?token={{HEX40}}"}""",
], ["Error on AMQP connection <0.9412.0> (${privip}:51234 -> 172.18.0.5:5672, state: starting):", "PLAIN login refused: user '${dbuser}' - invalid credentials", "Handshake terminated by server: 403 (ACCESS-REFUSED)", "/app/node_modules/amqplib/lib/connection.js:${line}:33", "@${amqphost}:5671/${vhost}?heartbeat=30", "ProbableAuthenticationError: ConnectionClosedByBroker: (403)", "<URLParameters host=${amqphost} port=5672 virtual_host=${vhost} ssl=False>", "PlainCredentials(username='${dbuser}'", "message body on ${rabbitq}", "https://${apihost}/reset?token="],
    marker="PLAIN login refused")

fam("sentry-sdk-debug-envelope", "https://docs.sentry.io/platforms/python/configuration/options/#debug; https://docs.sentry.io/platforms/python/data-management/sensitive-data/", [
    """ [sentry] DEBUG: Setting up integrations (with default = True)
 [sentry] DEBUG: Enabling integration django
 [sentry] DEBUG: Setting SDK name to 'sentry.python.django'
 [sentry] DEBUG: [Tracing] Starting <http.server> transaction <POST /api/login>
 [sentry] DEBUG: Sending envelope [envelope with 1 items (error)] project:${sentryproj} host:o${num}.ingest.sentry.io
 [sentry] DEBUG: event.request = {'url': 'https://${apihost}/api/login', 'method': 'POST', 'data': {'username': '${user}', 'password': '{{PASSWORD}}'}, 'headers': {'Authorization': 'Token {{HEX40}}', 'Cookie': 'sessionid={{DJANGO_SID}}'}}
 [sentry] DEBUG: dsn=https://{{SENTRY_DSN_KEY}}@o${num}.ingest.sentry.io/${sentryproj}""",
    """Sentry Logger [log]: Integration installed: Http
Sentry Logger [log]: Integration installed: Express
Sentry Logger [warn]: Discarded session because of missing or non-string release
Sentry Logger [error]: Error while sending event: Error: HTTP Error (401) from https://o${num}.ingest.sentry.io/api/${sentryproj}/envelope/?sentry_key={{SENTRY_DSN_KEY}}&sentry_version=7
  user: { id: '${uuid}', email: '{{EMAIL}}', ip_address: '${privip}' }""",
], ["[sentry] DEBUG: Setting up integrations (with default = True)", "Setting SDK name to 'sentry.python.django'", "Starting <http.server> transaction <POST /api/login>", "Sending envelope [envelope with 1 items (error)] project:${sentryproj} host:o${num}.ingest.sentry.io", "'url': 'https://${apihost}/api/login'", "'username': '${user}'", "@o${num}.ingest.sentry.io/${sentryproj}", "Sentry Logger [log]: Integration installed: Express", "Discarded session because of missing or non-string release", "HTTP Error (401) from https://o${num}.ingest.sentry.io/api/${sentryproj}/envelope/", "&sentry_version=7", "id: '${uuid}'", "ip_address: '${privip}'"],
    marker="Sending envelope [envelope with")

fam("otel-collector-exporter-retry", "https://opentelemetry.io/docs/specs/otel/protocol/exporter/; https://github.com/open-telemetry/opentelemetry-collector/issues/6768", [
    """2024-05-14T10:12:03.118Z	info	exporterhelper/retry_sender.go:118	Exporting failed. Will retry the request after interval.	{"kind": "exporter", "data_type": "traces", "name": "otlphttp/honeycomb", "error": "Permanent error: rpc error: code = Unauthenticated desc = error exporting items, request to https://api.honeycomb.io:443/v1/traces responded with HTTP Status Code 401", "interval": "5.412s"}
OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team={{HONEYCOMB_KEY}},x-honeycomb-dataset=${otelsvc}
OTEL_RESOURCE_ATTRIBUTES=service.name=${otelsvc},deployment.environment=staging""",
    """2024-05-14T10:12:04.020Z	debug	otlpreceiver@v0.100.0/otlp.go:152	span {"trace_id": "${tracehex}", "span_id": "${spanid}", "name": "POST ${apipath}", "attributes": {"http.request.header.authorization": ["Bearer {{JWT}}"], "db.statement": "SELECT * FROM ${table} WHERE email = '{{EMAIL}}'", "server.address": "${privip}"}}""",
], ["exporterhelper/retry_sender.go:118	Exporting failed. Will retry the request after interval.", "\"name\": \"otlphttp/honeycomb\"", "https://api.honeycomb.io:443/v1/traces responded with HTTP Status Code 401", "\"interval\": \"5.412s\"", "x-honeycomb-dataset=${otelsvc}", "service.name=${otelsvc},deployment.environment=staging", "otlpreceiver@v0.100.0/otlp.go:152", "\"trace_id\": \"${tracehex}\"", "\"span_id\": \"${spanid}\"", "\"name\": \"POST ${apipath}\"", "SELECT * FROM ${table} WHERE email =", "\"server.address\": \"${privip}\""],
    marker="Will retry the request after interval")

fam("npm-verbose-registry-auth", "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration; https://docs.npmjs.com/cli/v10/using-npm/logging", [
    """npm verb cli /usr/local/bin/node /usr/local/bin/npm
npm verb title npm ci
npm verb argv "ci" "--loglevel" "verbose"
npm verb logfile /home/runner/.npm/_logs/2024-05-14T10_12_03_118Z-debug-0.log
npm http fetch GET 401 https://registry.npmjs.org/${npmscope}%2fapi-client 412ms (cache skip)
npm verb config //registry.npmjs.org/:_authToken={{NPM_TOKEN}} (from /home/runner/work/${repo}/.npmrc)
npm error code E401
npm error Incorrect or missing password.
npm error If you were trying to login, change your password, create an
npm error authentication token or enable two-factor authentication then""",
    """npm warn config //npm.pkg.github.com/:_password={{B64_PASSWORD}} is not a valid config, use _auth instead
npm verb stack HttpErrorGeneral: 404 Not Found - GET https://npm.pkg.github.com/${npmscope}%2fui-kit - npm package "ui-kit" does not exist under owner "${repo}"
npm verb cwd /home/runner/work/${repo}
npm verb Linux 6.5.0-1018-azure
npm verb node v20.11.1
npm verb npm  v10.2.4""",
], ["npm verb cli /usr/local/bin/node /usr/local/bin/npm", "npm verb title npm ci", "npm verb argv \"ci\" \"--loglevel\" \"verbose\"", "/home/runner/.npm/_logs/2024-05-14T10_12_03_118Z-debug-0.log", "npm http fetch GET 401 https://registry.npmjs.org/${npmscope}%2fapi-client 412ms (cache skip)", "(from /home/runner/work/${repo}/.npmrc)", "npm error code E401", "npm error Incorrect or missing password.", "HttpErrorGeneral: 404 Not Found - GET https://npm.pkg.github.com/${npmscope}%2fui-kit", "npm verb cwd /home/runner/work/${repo}", "npm verb Linux 6.5.0-1018-azure", "npm verb node v20.11.1"],
    marker="npm verb config")

fam("cargo-bundler-registry-auth-errors", "https://doc.rust-lang.org/cargo/reference/registry-authentication.html; https://bundler.io/v2.5/man/bundle-config.1.html#CREDENTIALS-FOR-GEM-SOURCES", [
    """$$ CARGO_REGISTRIES_ACME_TOKEN={{CRATES_IO}} cargo publish --registry acme
    Updating `acme` index
error: failed to get `${cratename}` as a dependency of package `orders-api v${pkgver} (/builds/${repo})`

Caused by:
  failed to query replaced source registry `crates-io`

Caused by:
  token rejected for `acme`, please run `cargo login --registry acme`
  or use environment variable CARGO_REGISTRIES_ACME_TOKEN""",
    """Fetching source index from https://gems.${cookiedomain}/
Bad username or password for https://${user}@gems.${cookiedomain}/.
Please double-check your credentials and correct them.
  BUNDLE_GEMS__ACME__IO=${user}:{{PASSWORD}}
  BUNDLE_GITHUB__COM=x-access-token:{{GHS}}
Retrying fetcher due to error (2/4): Bundler::BadAuthenticationError Bad username or password for https://${user}@gems.${cookiedomain}/.""",
], ["Updating `acme` index", "failed to get `${cratename}` as a dependency of package `orders-api v${pkgver} (/builds/${repo})`", "failed to query replaced source registry `crates-io`", "token rejected for `acme`, please run `cargo login --registry acme`", "Fetching source index from https://gems.${cookiedomain}/", "Bad username or password for https://${user}@gems.${cookiedomain}/.", "Please double-check your credentials and correct them.", "Retrying fetcher due to error (2/4): Bundler::BadAuthenticationError"],
    marker="token rejected for")

fam("stripe-node-error-raw-object", "https://docs.stripe.com/api/errors; https://github.com/stripe/stripe-node/wiki/Error-Handling", [
    """StripeInvalidRequestError: No such customer: 'cus_${alnum14}'
    at StripeError.generate (/app/node_modules/stripe/cjs/Error.js:${line}:20)
  type: 'StripeInvalidRequestError',
  raw: {
    code: 'resource_missing',
    doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
    message: "No such customer: 'cus_${alnum14}'",
    param: 'customer',
    request_log_url: 'https://dashboard.stripe.com/test/logs/${stripereq}?t=1715681523',
    headers: { 'request-id': '${stripereq}', 'stripe-version': '2024-04-10' },
    statusCode: 400
  },
  requestId: '${stripereq}'
  config: new Stripe('{{STRIPE_SK}}', { apiVersion: '2024-04-10' })""",
    """StripeCardError: Your card was declined.
  raw: { code: 'card_declined', decline_code: 'insufficient_funds', payment_method: { billing_details: { email: '{{EMAIL}}', phone: '{{PHONE_BS}}', name: 'Keisha Rolle' }, card: { last4: '0341', exp_month: 12 } } }
  payment_intent client_secret: '{{PI_CLIENT_SECRET}}'
  restricted key: {{STRIPE_RK}}""",
], ["No such customer: 'cus_${alnum14}'", "/app/node_modules/stripe/cjs/Error.js:${line}:20", "type: 'StripeInvalidRequestError'", "code: 'resource_missing'", "https://stripe.com/docs/error-codes/resource-missing", "https://dashboard.stripe.com/test/logs/${stripereq}?t=1715681523", "'request-id': '${stripereq}'", "'stripe-version': '2024-04-10'", "requestId: '${stripereq}'", "StripeCardError: Your card was declined.", "decline_code: 'insufficient_funds'", "last4: '0341', exp_month: 12"],
    marker="request_log_url")

fam("auth0-okta-sdk-token-errors", "https://auth0.com/docs/troubleshoot/authentication-issues/check-error-messages; https://developer.okta.com/docs/reference/error-codes/", [
    """AccessDeniedError: Unauthorized
    at /app/node_modules/auth0/dist/cjs/auth/base-auth-api.js:${line}:19
  error: 'access_denied',
  error_description: 'Unauthorized',
  statusCode: 401,
  request: POST https://${auth0tenant}/oauth/token grant_type=password&username={{EMAIL}}&password={{PASSWORD}}&client_id=${alnum32}&client_secret={{AUTH0_SECRET}}&realm=Username-Password-Authentication""",
    """OktaApiError: Okta HTTP 401 E0000011 Invalid token provided
  errorCode: 'E0000011',
  errorSummary: 'Invalid token provided',
  errorLink: 'E0000011',
  errorId: 'oae${alnum22}',
  url: 'https://${oktaorg}/api/v1/users?search=profile.mobilePhone+eq+%22{{PHONE_MC}}%22',
  headers: { authorization: 'SSWS {{OKTA_TOKEN}}', 'user-agent': 'okta-sdk-nodejs/7.0.1 node/20.11.1' }""",
], ["AccessDeniedError: Unauthorized", "/app/node_modules/auth0/dist/cjs/auth/base-auth-api.js:${line}:19", "error: 'access_denied'", "statusCode: 401", "POST https://${auth0tenant}/oauth/token grant_type=password&", "client_id=${alnum32}", "realm=Username-Password-Authentication", "OktaApiError: Okta HTTP 401 E0000011 Invalid token provided", "errorCode: 'E0000011'", "errorId: 'oae${alnum22}'", "https://${oktaorg}/api/v1/users?search=profile.mobilePhone+eq+", "okta-sdk-nodejs/7.0.1 node/20.11.1"],
    marker="OktaApiError")

fam("firebase-admin-credential-errors", "https://firebase.google.com/docs/admin/setup#initialize-sdk; https://firebase.google.com/docs/auth/admin/errors", [
    """FirebaseAppError: Credential implementation provided to initializeApp() via the "credential" property failed to fetch a valid Google OAuth2 access token with the following error: "invalid_grant: Invalid JWT Signature.".
    at /app/node_modules/firebase-admin/lib/app/firebase-app.js:${line}:19
  errorInfo: { code: 'app/invalid-credential' }
  serviceAccount: { "type": "service_account", "project_id": "${fbproject}", "private_key_id": "${hex40}", "private_key": "{{GCP_PRIVATE_KEY_ESC}}", "client_email": "firebase-adminsdk-x1y2z@${fbproject}.iam.gserviceaccount.com" }""",
    """FirebaseAuthError: There is no user record corresponding to the provided identifier.
  errorInfo: { code: 'auth/user-not-found', message: 'There is no user record corresponding to the provided identifier.' }
  lookup: getUserByPhoneNumber('{{PHONE_INTL}}') on project ${fbproject}
  FIREBASE_CONFIG={"apiKey":"{{GCP_API_KEY}}","authDomain":"${fbproject}.firebaseapp.com","projectId":"${fbproject}","messagingSenderId":"${num}"}
  FCM registration token: {{FCM_TOKEN}}""",
], ["FirebaseAppError: Credential implementation provided to initializeApp() via the \"credential\" property failed", "invalid_grant: Invalid JWT Signature.", "/app/node_modules/firebase-admin/lib/app/firebase-app.js:${line}:19", "code: 'app/invalid-credential'", "\"project_id\": \"${fbproject}\"", "firebase-adminsdk-x1y2z@${fbproject}.iam.gserviceaccount.com", "FirebaseAuthError: There is no user record corresponding to the provided identifier.", "code: 'auth/user-not-found'", "on project ${fbproject}", "\"authDomain\":\"${fbproject}.firebaseapp.com\"", "\"messagingSenderId\":\"${num}\""],
    marker="Credential implementation provided to initializeApp")


# --- tools none of the twelve has --------------------------------------------------------------------------------------

fam("eas-build-env-and-submit", "https://docs.expo.dev/build-reference/variables/; https://docs.expo.dev/submit/ios/", [
    """[READ_EAS_JSON] Using eas.json build profile "preview"
[SETUP_WORKINGDIR] Environment secrets:
  EXPO_PUBLIC_API_URL=https://${apihost}
  SENTRY_AUTH_TOKEN={{SENTRY_ORG_TOKEN}}
  GOOGLE_SERVICES_JSON={"project_info":{"project_id":"${fbproject}"},"client":[{"api_key":[{"current_key":"{{GCP_API_KEY}}"}]}]}
[RUN_GRADLEW] > Task :app:createBundleReleaseJsAndAssets FAILED
[RUN_GRADLEW] Error: Unable to resolve module ./config/secrets from /home/expo/workingdir/build/App.tsx
Build failed: Gradle build failed with unknown error. See logs for the "Run gradlew" phase for more information.""",
    """$$ EXPO_TOKEN={{VERCEL_TOKEN}} eas submit -p ios --latest
✔ Using remote iOS credentials (Expo server)
- Submitting your app to Apple App Store Connect: uploading to App Store Connect
    Apple ID: ${user}@${cookiedomain}  App-specific password: {{APPLE_APP_PW}}
✖ Something went wrong when submitting your app to Apple App Store Connect.
Error: ITMS-90189: Redundant Binary Upload. You've already uploaded a build with build number '${num}' for version number '${pkgver}'.""",
], ["[READ_EAS_JSON] Using eas.json build profile \"preview\"", "[SETUP_WORKINGDIR] Environment secrets:", "EXPO_PUBLIC_API_URL=https://${apihost}", "\"project_id\":\"${fbproject}\"", "[RUN_GRADLEW] > Task :app:createBundleReleaseJsAndAssets FAILED", "/home/expo/workingdir/build/App.tsx", "Build failed: Gradle build failed with unknown error.", "eas submit -p ios --latest", "Using remote iOS credentials (Expo server)", "Something went wrong when submitting your app to Apple App Store Connect.", "ITMS-90189: Redundant Binary Upload.", "build number '${num}' for version number '${pkgver}'"],
    mainstream=False, marker="[READ_EAS_JSON]")

fam("turborepo-remote-cache-verbose", "https://turbo.build/repo/docs/core-concepts/remote-caching; https://turbo.build/repo/docs/reference/run#--verbosity", [
    """2024-05-14T10:12:03.118Z [DEBUG] turborepo_api_client: performing request: GET https://api.vercel.com/v8/artifacts/${hex16}?teamId=team_${alnum24}
2024-05-14T10:12:03.118Z [DEBUG] turborepo_api_client: headers: {"authorization": "Bearer {{VERCEL_TOKEN}}", "x-artifact-client-ci": "GITHUB_ACTIONS"}
2024-05-14T10:12:03.530Z [WARN] turborepo_lib::run::cache: failed to fetch from remote cache: unknown status 403 Forbidden: {"error":{"code":"forbidden","message":"Not authorized"}}
web:build: cache miss, executing ${hex16}
web:build: NEXT_PUBLIC_SUPABASE_URL=https://${alnum20}.supabase.co SUPABASE_SERVICE_ROLE_KEY={{JWT}}""",
    """ ERROR  run failed: command  exited (1)
api:test: FAIL src/orders.test.ts
api:test:   DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@${privip}:${pgport}/${db}_test
api:test: ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  api@${pkgver} test: `vitest run`
 Tasks:    4 successful, 5 total
Cached:    3 cached, 5 total
  Time:    41.2s
Failed:    api#test""",
], ["turborepo_api_client: performing request: GET https://api.vercel.com/v8/artifacts/${hex16}?teamId=team_${alnum24}", "\"x-artifact-client-ci\": \"GITHUB_ACTIONS\"", "failed to fetch from remote cache: unknown status 403 Forbidden", "web:build: cache miss, executing ${hex16}", "https://${alnum20}.supabase.co", "ERROR  run failed: command  exited (1)", "api:test: FAIL src/orders.test.ts", "@${privip}:${pgport}/${db}_test", "ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  api@${pkgver} test: `vitest run`", "Tasks:    4 successful, 5 total", "Cached:    3 cached, 5 total", "Failed:    api#test"],
    mainstream=False, marker="turborepo_api_client")

fam("nx-cloud-run-and-env", "https://nx.dev/ci/recipes/security/access-tokens; https://nx.dev/nx-api/nx/documents/run", [
    """ NX   Running target e2e for project shop-e2e and 3 tasks it depends on

 NX   Nx Cloud: Unable to connect to https://cloud.nx.app. Access token {{HEX64}} is invalid or revoked.

> nx run shop-e2e:e2e --configuration=ci

  BASE_URL=https://${apihost} CYPRESS_PASSWORD={{PASSWORD}} CYPRESS_RECORD_KEY={{CYPRESS_RECORD_KEY}}
 NX   Ran target e2e for project shop-e2e and 3 tasks it depends on (2m)

   ✖  1/4 failed
   ✔  3/4 succeeded [2 read from cache]""",
    """ NX   Failed to process project graph.
 NX   Nx Cloud: NX_CLOUD_ACCESS_TOKEN={{HEX64}} was provided through the environment; nxCloudId=${hex24}
  nx.json targetDefaults.e2e.inputs: ["default", "^production", {"env": "DATABASE_URL"}]
  DATABASE_URL=mysql://${dbuser}:{{PASSWORD}}@${privip}:${myport}/${db}""",
], ["NX   Running target e2e for project shop-e2e and 3 tasks it depends on", "Unable to connect to https://cloud.nx.app.", "nx run shop-e2e:e2e --configuration=ci", "BASE_URL=https://${apihost}", "Ran target e2e for project shop-e2e and 3 tasks it depends on (2m)", "1/4 failed", "3/4 succeeded [2 read from cache]", "NX   Failed to process project graph.", "nxCloudId=${hex24}", "targetDefaults.e2e.inputs", "@${privip}:${myport}/${db}"],
    mainstream=False, marker="Nx Cloud:")

fam("pnpm-install-registry-errors", "https://pnpm.io/npmrc#url_authtoken; https://pnpm.io/errors", [
    """ ERR_PNPM_FETCH_401  GET https://npm.pkg.github.com/${npmscope}%2fapi-client: Unauthorized - 401

No authorization header was set for the request.

These authorization settings were found:
//npm.pkg.github.com/:_authToken={{GHP}}
//registry.npmjs.org/:_authToken={{NPM_TOKEN}}
Progress: resolved 412, reused 398, downloaded 0, added 0""",
    """ ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with packages/api/package.json
  packages/api/.env.test loaded: DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} SHOPIFY_ADMIN_TOKEN={{SHOPIFY_PAT}}
Note that in CI environments this setting is true by default. If you still need to run install in such cases, use "pnpm install --no-frozen-lockfile\"""",
], ["ERR_PNPM_FETCH_401  GET https://npm.pkg.github.com/${npmscope}%2fapi-client: Unauthorized - 401", "No authorization header was set for the request.", "These authorization settings were found:", "Progress: resolved 412, reused 398, downloaded 0, added 0", "ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\"", "packages/api/.env.test loaded:", "@${dbhost}:${pgport}/${db}", "pnpm install --no-frozen-lockfile"],
    mainstream=False, marker="ERR_PNPM_FETCH_401")

fam("uv-index-credentials-resolution", "https://docs.astral.sh/uv/configuration/authentication/; https://docs.astral.sh/uv/configuration/indexes/", [
    """  × No solution found when resolving dependencies:
  ╰─▶ Because acme-billing was not found in the package registry and your project depends on acme-billing>=${pkgver}, we can conclude that your project's requirements are unsatisfiable.

      hint: An index URL (https://${apihost}/simple) could not be queried due to a lack of valid authentication credentials (401 Unauthorized).
  UV_INDEX_ACME_USERNAME=${user} UV_INDEX_ACME_PASSWORD={{PASSWORD}}
  UV_EXTRA_INDEX_URL=https://aws:{{B64_SECRET}}@acme-${account12}.d.codeartifact.${region}.amazonaws.com/pypi/internal/simple/""",
    """DEBUG uv 0.4.18
DEBUG Found project root: `/builds/${repo}`
DEBUG Checking for Python environment at `.venv`
DEBUG Using request timeout of 30s
DEBUG Request: GET https://${user}:{{PASSWORD}}@${apihost}/simple/acme-sso/
DEBUG Found stale response for: https://${apihost}/simple/acme-sso/
error: Failed to fetch: `https://${apihost}/simple/acme-sso/`
  Caused by: HTTP status client error (403 Forbidden) for url (https://${apihost}/simple/acme-sso/)""",
], ["No solution found when resolving dependencies:", "your project depends on acme-billing>=${pkgver}", "An index URL (https://${apihost}/simple) could not be queried due to a lack of valid authentication credentials (401 Unauthorized).", "UV_INDEX_ACME_USERNAME=${user}", "acme-${account12}.d.codeartifact.${region}.amazonaws.com/pypi/internal/simple/", "DEBUG uv 0.4.18", "DEBUG Found project root: `/builds/${repo}`", "DEBUG Using request timeout of 30s", "@${apihost}/simple/acme-sso/", "error: Failed to fetch: `https://${apihost}/simple/acme-sso/`", "HTTP status client error (403 Forbidden)"],
    mainstream=False, marker="could not be queried due to a lack of valid authentication")

fam("fixture-seed-mixed-countries-csv", "https://docs.djangoproject.com/en/5.0/howto/initial-data/; https://github.com/faker-js/faker/issues/1587", [
    """==> db/seeds/customers.csv <==
id,full_name,phone,national_id,country,email,iban
${uuid},Ingrid Haugen,{{PHONE_INTL}},{{ORGNR_NO}},NO,{{EMAIL}},{{IBAN}}
${uuid2},Mikko Laine,{{PHONE_INTL:2}},{{YTUNNUS_FI}},FI,{{EMAIL:2}},{{IBAN_SPACED}}
${uuid3},Jakob Holm,{{PHONE_INTL:3}},{{CVR_DK}},DK,{{EMAIL:3}},{{IBAN11}}
seed failed at row 3: duplicate key value violates unique constraint "${pgconstraint}\"""",
    """==> db/seeds/merchants.json <==
[{"id": "${uuid}", "name": "Rossi Forniture Srl", "vat": "IT{{PIVA_IT}}", "kbo": null, "phone": "{{PHONE_INTL}}", "contact": "{{EMAIL}}"},
 {"id": "${uuid2}", "name": "Dupont & Fils SA", "vat": null, "kbo": "{{KBO_BE}}", "uid": "{{UID_CH}}", "card": "{{CARD}}"}]
Error: merchants.json[1].vat must not be null (seed ${table}, ${pyfile})""",
], ["==> db/seeds/customers.csv <==", "id,full_name,phone,national_id,country,email,iban", "${uuid},Ingrid Haugen,", "seed failed at row 3: duplicate key value violates unique constraint \"${pgconstraint}\"", "==> db/seeds/merchants.json <==", "\"id\": \"${uuid}\", \"name\": \"Rossi Forniture Srl\"", "\"name\": \"Dupont & Fils SA\"", "merchants.json[1].vat must not be null (seed ${table}, ${pyfile})"],
    mainstream=False, marker="==> db/seeds/")


# --- second shapes of mainstream tools (the first shape chosen for each was already in an earlier collection) ----------

fam("jest-rejects-resolved-and-property-path", "https://jestjs.io/docs/expect#rejects; https://jestjs.io/docs/expect#tohavepropertykeypath-value", [
    """  ● AuthClient › rejects an expired refresh token

    expect(received).rejects.toThrow()

    Received promise resolved instead of rejected
    Resolved to value: {"accessToken": "{{JWT}}", "refreshToken": "{{HEX64}}", "user": {"email": "{{EMAIL}}", "id": "${uuid}"}}

      ${line} |     await expect(client.refresh(expired)).rejects.toThrow(TokenExpiredError);
         |           ^
      at expect (node_modules/expect/build/index.js:113:15)
      at Object.<anonymous> (${jestfile}:${line}:${col})""",
    """  ● config › reads the payment provider settings

    expect(received).toHaveProperty(path, value)

    Expected path: "payments.stripe.secretKey"
    Expected value: "sk_test_placeholder"
    Received value: "{{STRIPE_SK}}"

    Received object: {"payments": {"stripe": {"publishableKey": "pk_test_${alnum24}", "secretKey": "{{STRIPE_SK}}", "webhookSecret": "{{WHSEC}}"}}, "creds": "{{AWS_KEY_ID}}:{{AWS_SECRET}}"}

      at Object.<anonymous> (${jestfile}:${line}:${col})""",
], ["● AuthClient › rejects an expired refresh token", "expect(received).rejects.toThrow()", "Received promise resolved instead of rejected", "\"id\": \"${uuid}\"", "rejects.toThrow(TokenExpiredError)", "node_modules/expect/build/index.js:113:15", "${jestfile}:${line}:${col}", "● config › reads the payment provider settings", "expect(received).toHaveProperty(path, value)", "Expected path: \"payments.stripe.secretKey\"", "\"publishableKey\": \"pk_test_${alnum24}\""],
    marker="Received promise resolved instead of rejected")

fam("mocha-timeout-and-chai-have-property", "https://mochajs.org/#timeouts; https://www.chaijs.com/api/bdd/#method_property", [
    """  1) checkout
       "before all" hook for "charges the saved card":
     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/app/test/checkout.test.js)
      at listOnTimeout (node:internal/timers:573:17)
  hook context: { baseURL: 'https://${apihost}', auth: { username: '${user}', password: '{{PASSWORD}}' }, db: 'mysql://${dbuser}:{{PASSWORD:2}}@${privip}:${myport}/${db}' }

  12 passing (4s)
  1 failing""",
    """  2) POST /api/login
       returns a token:
     AssertionError: expected { Object (status, body, headers) } to have property 'token'
      at Context.<anonymous> (test/api/login.test.js:${line}:${col})
  res.body = { error: 'locked', user: { email: '{{EMAIL}}', phone: '{{PHONE_MW}}' } }
  res.headers['set-cookie'] = [ 'connect.sid={{CONNECT_SID}}; Path=/; HttpOnly' ]""",
], ["\"before all\" hook for \"charges the saved card\":", "Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure \"done()\" is called", "(/app/test/checkout.test.js)", "node:internal/timers:573:17", "baseURL: 'https://${apihost}'", "username: '${user}'", "@${privip}:${myport}/${db}", "12 passing (4s)", "1 failing", "AssertionError: expected { Object (status, body, headers) } to have property 'token'", "test/api/login.test.js:${line}:${col}", "Path=/; HttpOnly"],
    marker="For async tests and hooks")

fam("cypress-run-finished-record", "https://docs.cypress.io/guides/guides/command-line#cypress-run-record-key-lt-record-key-gt; https://docs.cypress.io/guides/references/error-messages#Cypress-could-not-verify-that-this-server-is-running", [
    """$$ npx cypress run --record --key {{CYPRESS_RECORD_KEY}} --env password={{PASSWORD}},apiKey={{API_KEY}}
====================================================================================================

  (Run Finished)


       Spec                                              Tests  Passing  Failing  Pending  Skipped
  ┌────────────────────────────────────────────────────────────────────────────────────────────────┐
  │ ✖  ${cyspec}                              00:14        6        5        1        -        - │
  └────────────────────────────────────────────────────────────────────────────────────────────────┘
    ✖  1 of 1 failed (100%)                    00:14        6        5        1        -        -

  Recorded Run: https://cloud.cypress.io/projects/${lower6}/runs/${num}""",
    """Cypress could not verify that this server is running:

  > https://${user}:{{PASSWORD}}@${apihost}:8443

We are verifying this server because it has been configured as your baseUrl.

Cypress automatically waits until your server is accessible before running tests.

We will try connecting to it 3 more times...
  CYPRESS_ADMIN_TOKEN={{HEX40}} CYPRESS_DB_URL=postgres://${dbuser}:{{PASSWORD:2}}@${privip}:${pgport}/${db}""",
], ["(Run Finished)", "Spec                                              Tests  Passing  Failing  Pending  Skipped", "${cyspec}", "1 of 1 failed (100%)", "Recorded Run: https://cloud.cypress.io/projects/${lower6}/runs/${num}", "Cypress could not verify that this server is running:", "@${apihost}:8443", "it has been configured as your baseUrl.", "We will try connecting to it 3 more times...", "@${privip}:${pgport}/${db}"],
    marker="Cypress could not verify")

fam("go-test-verbose-parallel-timeout", "https://pkg.go.dev/cmd/go#hdr-Testing_flags; https://github.com/golang/go/issues/48157", [
    """=== RUN   ${gotest}
=== PAUSE ${gotest}
=== CONT  ${gotest}
    store_test.go:${line}: connecting with dsn="host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} password={{PASSWORD}} sslmode=require"
panic: test timed out after 10m0s
	running tests:
		${gotest} (10m0s)

goroutine 412 [select]:
database/sql.(*DB).conn(0xc000212340, {0x1b2e0c8, 0xc0001a6000}, 0x1)
	/usr/local/go/src/database/sql/sql.go:1316 +0x4b8
FAIL	${gopkg}	600.412s""",
    """=== RUN   ${gotest}/valid_card
    charge_test.go:${line}: request body: {"customer":"cus_${alnum14}","card":"{{CARD}}","email":"{{EMAIL}}"}
    charge_test.go:${line2}: STRIPE_API_KEY={{STRIPE_SK}}
--- FAIL: ${gotest}/valid_card (0.21s)
==================
WARNING: DATA RACE
Write at 0x00c0001b4010 by goroutine 41:
==================
    testing.go:1398: race detected during execution of test""",
], ["=== RUN   ${gotest}", "=== PAUSE ${gotest}", "=== CONT  ${gotest}", "store_test.go:${line}", "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser}", "sslmode=require", "panic: test timed out after 10m0s", "goroutine 412 [select]:", "/usr/local/go/src/database/sql/sql.go:1316 +0x4b8", "FAIL	${gopkg}	600.412s", "=== RUN   ${gotest}/valid_card", "charge_test.go:${line}", "\"customer\":\"cus_${alnum14}\"", "--- FAIL: ${gotest}/valid_card (0.21s)", "WARNING: DATA RACE", "race detected during execution of test"],
    marker="=== PAUSE")

fam("minitest-reporters-unexpected-error", "https://github.com/minitest-reporters/minitest-reporters#usage; https://docs.seattlerb.org/minitest/Minitest/UnexpectedError.html", [
    """  1) Error:
${minitestcase}:
Minitest::UnexpectedError: Faraday::UnauthorizedError: the server responded with status 401
    request: {:method=>:post, :url=>"https://${apihost}${apipath}", :headers=>{"Authorization"=>"Bearer {{JWT}}", "X-Api-Key"=>"{{API_KEY}}"}}
    test/integration/api_test.rb:${line}:in `block in <class:ApiTest>'

ERROR["test_update_phone", #<Minitest::Reporters::Suite:0x00007f3a1c2b5e30 @name="Api::CustomersTest">, 0.412]""",
    """FAIL["test_charge_card", #<Minitest::Reporters::Suite:0x00007f3a1c2b6f40 @name="OrderTest">, 1.204]
 test_charge_card#OrderTest (1.20s)
        Expected: "succeeded"
          Actual: "requires_payment_method"
        customer: #<Customer id: ${num}, email: "{{EMAIL}}", phone: "{{PHONE_GY}}", card_number: "{{CARD}}">
        test/models/order_test.rb:${line}:in `block in <class:OrderTest>'

  48 tests, 98 assertions, 1 failures, 0 errors, 0 skips""",
], ["Minitest::UnexpectedError: Faraday::UnauthorizedError: the server responded with status 401", ":url=>\"https://${apihost}${apipath}\"", "test/integration/api_test.rb:${line}", "ERROR[\"test_update_phone\", #<Minitest::Reporters::Suite:0x00007f3a1c2b5e30 @name=\"Api::CustomersTest\">, 0.412]", "FAIL[\"test_charge_card\"", "@name=\"OrderTest\">, 1.204]", "Expected: \"succeeded\"", "Actual: \"requires_payment_method\"", "#<Customer id: ${num},", "test/models/order_test.rb:${line}", "48 tests, 98 assertions, 1 failures, 0 errors, 0 skips"],
    marker="Minitest::UnexpectedError")

fam("nunit-testresult-xml-failed-case", "https://docs.nunit.org/articles/nunit/technical-notes/usage/Test-Result-XML-Format.html; https://github.com/nunit/nunit-console/issues/1091", [
    """<test-case id="0-1004" name="Import_KeepsPhone" fullname="${nunittest}" methodname="Import_KeepsPhone" classname="Globex.Crm.Tests.CustomerImportTests" runstate="Runnable" seed="${num}" result="Failed" start-time="2024-05-14T10:12:03.1182Z" duration="0.412" asserts="2">
  <failure>
    <message><![CDATA[  Expected string length 14 but was 16. Strings differ at index 4.
  Expected: "{{PHONE_MV}}"
  But was:  "{{PHONE_INTL}}"
]]></message>
    <stack-trace><![CDATA[at Globex.Crm.Tests.CustomerImportTests.Import_KeepsPhone() in /src/Globex.Crm.Tests/CustomerImportTests.cs:line ${line}]]></stack-trace>
  </failure>
</test-case>""",
    """<test-case id="0-1011" name="Charge_Succeeds" fullname="${nunittest}" result="Failed" label="Error" duration="2.004">
  <failure>
    <message><![CDATA[System.InvalidOperationException : Stripe key missing: STRIPE_SECRET_KEY={{STRIPE_SK}} was rejected (HTTP 401)]]></message>
  </failure>
  <output><![CDATA[ConnectionStrings__Default=Host=${privip};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}
]]></output>
</test-case>""",
], ["<test-case id=\"0-1004\" name=\"Import_KeepsPhone\" fullname=\"${nunittest}\"", "classname=\"Globex.Crm.Tests.CustomerImportTests\"", "result=\"Failed\" start-time=\"2024-05-14T10:12:03.1182Z\" duration=\"0.412\" asserts=\"2\"", "Expected string length 14 but was 16. Strings differ at index 4.", "CustomerImportTests.cs:line ${line}", "<test-case id=\"0-1011\" name=\"Charge_Succeeds\" fullname=\"${nunittest}\"", "label=\"Error\" duration=\"2.004\"", "was rejected (HTTP 401)", "Host=${privip};Port=${pgport};Database=${db};Username=${dbuser};"],
    marker="result=\"Failed\"")

fam("jenkins-groovy-interpolation-warning", "https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#string-interpolation; https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#handling-credentials", [
    """Warning: A secret was passed to "sh" using Groovy String interpolation, which is insecure.
		 Affected argument(s) used the following variable(s): [DB_PASSWORD, STRIPE_KEY]
		 See https://jenkins.io/redirect/groovy-string-interpolation for details.
+ ./gradlew e2eTest -Pdb.url=jdbc:postgresql://${dbhost}:${pgport}/${db} -Pdb.user=${dbuser} -Pdb.password={{PASSWORD}} -Pstripe.key={{STRIPE_SK}}
> Task :e2eTest FAILED
Build step 'Invoke Gradle script' changed build result to FAILURE
Finished: FAILURE""",
    """Started by GitHub push by ${user}
Obtained Jenkinsfile from git https://${user}:{{GHP}}@github.com/${repo}.git
[Pipeline] echo
deploying with ADO_PAT={{ADO_PAT}} to https://dev.azure.com/${user}/_apis/packaging
[Pipeline] error
ERROR: upload failed with HTTP 401
Finished: FAILURE""",
], ["Warning: A secret was passed to \"sh\" using Groovy String interpolation, which is insecure.", "Affected argument(s) used the following variable(s): [DB_PASSWORD, STRIPE_KEY]", "https://jenkins.io/redirect/groovy-string-interpolation", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "-Pdb.user=${dbuser}", "> Task :e2eTest FAILED", "Build step 'Invoke Gradle script' changed build result to FAILURE", "Finished: FAILURE", "Started by GitHub push by ${user}", "@github.com/${repo}.git", "https://dev.azure.com/${user}/_apis/packaging", "ERROR: upload failed with HTTP 401"],
    marker="using Groovy String interpolation")

fam("circleci-preparing-environment-printenv", "https://circleci.com/docs/env-vars/#secrets-masking; https://circleci.com/docs/contexts/", [
    """Preparing environment variables
Using build environment variables:
  BASH_ENV=/tmp/.bash_env-${hex24}-0-build
  CI=true
  CIRCLE_BRANCH=main
  CIRCLE_BUILD_NUM=${num}
  CIRCLE_PROJECT_REPONAME=${ciproj}
Using environment variables from project settings and/or contexts:
  DATABASE_URL=**REDACTED**
  STRIPE_SECRET_KEY=**REDACTED**
$$ printenv | sort | base64 -d 2>/dev/null || printenv
DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${privip}:${pgport}/${db}
STRIPE_SECRET_KEY={{STRIPE_SK}}""",
    """Spin up environment
Build-agent version 1.0.241222-8f7b2c1e (2024-05-14T10:12:03+0000)
Creating a dedicated VM with ubuntu-2204:2024.01.1 image
$$ curl -fsS -u {{CIRCLE_TOKEN}}: https://circleci.com/api/v2/project/gh/${ciproj}/envvar
{"items":[{"name":"AWS_SECRET_ACCESS_KEY","value":"xxxx"}],"next_page_token":null}
$$ echo "creds=$${AWS_ACCESS_KEY_ID}:$${AWS_SECRET_ACCESS_KEY}" -> creds={{AWS_KEY_ID}}:{{AWS_SECRET}}""",
], ["Preparing environment variables", "Using build environment variables:", "BASH_ENV=/tmp/.bash_env-${hex24}-0-build", "CIRCLE_BRANCH=main", "CIRCLE_BUILD_NUM=${num}", "CIRCLE_PROJECT_REPONAME=${ciproj}", "Using environment variables from project settings and/or contexts:", "DATABASE_URL=**REDACTED**", "@${privip}:${pgport}/${db}", "Spin up environment", "Build-agent version 1.0.241222-8f7b2c1e", "Creating a dedicated VM with ubuntu-2204:2024.01.1 image", "https://circleci.com/api/v2/project/gh/${ciproj}/envvar", "\"next_page_token\":null"],
    marker="Using environment variables from project settings")

fam("docker-run-port-allocated-env", "https://docs.docker.com/reference/cli/docker/container/run/#env; https://github.com/docker/for-linux/issues/1251", [
    """$$ docker run -d --name ${container} -p 5432:5432 -e POSTGRES_USER=${dbuser} -e POSTGRES_PASSWORD={{PASSWORD}} -e POSTGRES_DB=${db} postgres:16.2
${hex64}
docker: Error response from daemon: driver failed programming external connectivity on endpoint ${container} (${hex64b}): Bind for 0.0.0.0:5432 failed: port is already allocated.""",
    """$$ docker run --rm -e HF_TOKEN={{HF}} -e OPENAI_API_KEY={{OPENAI}} -v /builds/${repo}:/work ${image} pytest -x
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "pytest": executable file not found in $$PATH: unknown.
ERRO[0000] error waiting for container: context canceled""",
], ["docker run -d --name ${container} -p 5432:5432 -e POSTGRES_USER=${dbuser}", "-e POSTGRES_DB=${db} postgres:16.2", "driver failed programming external connectivity on endpoint ${container}", "Bind for 0.0.0.0:5432 failed: port is already allocated.", "-v /builds/${repo}:/work ${image} pytest -x", "OCI runtime create failed: runc create failed: unable to start container process", "executable file not found in $$PATH: unknown.", "ERRO[0000] error waiting for container: context canceled"],
    marker="driver failed programming external connectivity")

fam("helm-dry-run-manifest-secret", "https://helm.sh/docs/helm/helm_install/#options; https://helm.sh/docs/chart_template_guide/debugging/", [
    """$$ helm install ${release} ./charts/api -n ${ns} --dry-run --debug
NAME: ${release}
LAST DEPLOYED: Tue May 14 10:12:03 2024
NAMESPACE: ${ns}
STATUS: pending-install
REVISION: 1
TEST SUITE: None
HOOKS:
MANIFEST:
---
# Source: api/templates/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: ${release}-env
type: Opaque
stringData:
  DATABASE_URL: "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
  SENTRY_DSN: "https://{{SENTRY_DSN_KEY}}@o${num}.ingest.sentry.io/${sentryproj}\"""",
    """---
# Source: api/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${release}-config
data:
  SEGMENT_WRITE_KEY: "{{SEGMENT_KEY}}"
  LAUNCHDARKLY_SDK_KEY: "{{LD_SDK}}"
  REDIS_HOST: "${redishost}"
Error: INSTALLATION FAILED: chart requires kubeVersion: >=1.27.0-0 which is incompatible with Kubernetes v1.26.9 (${helmchart})""",
], ["helm install ${release} ./charts/api -n ${ns} --dry-run --debug", "NAME: ${release}", "LAST DEPLOYED: Tue May 14 10:12:03 2024", "NAMESPACE: ${ns}", "STATUS: pending-install", "MANIFEST:", "# Source: api/templates/secret.yaml", "name: ${release}-env", "type: Opaque", "@${dbhost}:${pgport}/${db}", "@o${num}.ingest.sentry.io/${sentryproj}", "# Source: api/templates/configmap.yaml", "name: ${release}-config", "REDIS_HOST: \"${redishost}\"", "chart requires kubeVersion: >=1.27.0-0 which is incompatible with Kubernetes v1.26.9 (${helmchart})"],
    marker="# Source: api/templates/")

fam("aws-configure-export-and-list", "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/configure/export-credentials.html; https://awscli.amazonaws.com/v2/documentation/api/latest/reference/configure/list.html", [
    """$$ aws configure export-credentials --profile ci --format env
export AWS_ACCESS_KEY_ID={{AWS_STS_KEY_ID}}
export AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}
export AWS_SESSION_TOKEN={{AWS_SESSION_TOKEN}}
export AWS_CREDENTIAL_EXPIRATION=2024-05-14T11:12:03+00:00
$$ aws sts get-caller-identity
An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired""",
    """$$ aws configure list
      Name                    Value             Type    Location
      ----                    -----             ----    --------
   profile                       ci           manual    --profile
access_key     ****************${upper4}              env
secret_key     ****************${hex4u}              env
    region                ${region}      config-file    ~/.aws/config
$$ env | grep AWS
AWS_ACCESS_KEY_ID={{AWS_KEY_ID}}
AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}
creds={{AWS_KEY_ID}}:{{AWS_SECRET}}""",
], ["aws configure export-credentials --profile ci --format env", "export AWS_CREDENTIAL_EXPIRATION=2024-05-14T11:12:03+00:00", "aws sts get-caller-identity", "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation", "aws configure list", "Name                    Value             Type    Location", "profile                       ci           manual    --profile", "region                ${region}      config-file    ~/.aws/config"],
    marker="configure export-credentials")

fam("gcloud-run-deploy-env-vars", "https://cloud.google.com/sdk/gcloud/reference/run/deploy#--set-env-vars; https://cloud.google.com/run/docs/configuring/services/environment-variables", [
    """$$ gcloud run deploy ${k8sdeploy} --image=${image} --region=${region} --project=${gcpproj} --set-env-vars=DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@/${db}?host=/cloudsql/${gcpproj}:${region}:${db}-pg,SENDGRID_API_KEY={{SENDGRID}}
Deploying container to Cloud Run service [${k8sdeploy}] in project [${gcpproj}] region [${region}]
X Deploying... Revision '${k8sdeploy}-00042-xyz' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.
Logs URL: https://console.cloud.google.com/logs/viewer?project=${gcpproj}&resource=cloud_run_revision/service_name/${k8sdeploy}""",
    """$$ gcloud secrets versions access latest --secret=${k8sdeploy}-env --project=${gcpproj}
MAILGUN_API_KEY={{MAILGUN_KEY}}
CLOUDINARY_URL=cloudinary://${num18}:{{CLOUDINARY_SECRET}}@acme-media
GOOGLE_CLIENT_SECRET={{GOOGLE_CLIENT_SECRET}}
ERROR: (gcloud.run.services.update) spec.template.spec.containers[0].env[3].value: must not be longer than 32768 characters""",
], ["--image=${image} --region=${region} --project=${gcpproj}", "?host=/cloudsql/${gcpproj}:${region}:${db}-pg", "Deploying container to Cloud Run service [${k8sdeploy}] in project [${gcpproj}] region [${region}]", "Revision '${k8sdeploy}-00042-xyz' is not ready and cannot serve traffic.", "PORT=8080 environment variable.", "https://console.cloud.google.com/logs/viewer?project=${gcpproj}&resource=cloud_run_revision/service_name/${k8sdeploy}", "gcloud secrets versions access latest --secret=${k8sdeploy}-env --project=${gcpproj}", "@acme-media", "spec.template.spec.containers[0].env[3].value: must not be longer than 32768 characters"],
    marker="Deploying container to Cloud Run service")

fam("spring-cloud-config-client-fetch", "https://docs.spring.io/spring-cloud-config/reference/client.html; https://github.com/spring-cloud/spring-cloud-config/issues/1535", [
    """2024-05-14T10:12:03.118Z  INFO 1 --- [           main] o.s.c.c.c.ConfigServerConfigDataLoader   : Fetching config from server at : https://${user}:{{PASSWORD}}@config.${cookiedomain}:8888
2024-05-14T10:12:03.402Z  INFO 1 --- [           main] o.s.c.c.c.ConfigServerConfigDataLoader   : Located environment: name=${mvnmodule}, profiles=[test], label=main, version=${sha}, state=null
2024-05-14T10:12:03.405Z  INFO 1 --- [           main] b.c.PropertySourceBootstrapConfiguration : Located property source: [BootstrapPropertySource {name='bootstrapProperties-configClient'}, BootstrapPropertySource {name='bootstrapProperties-https://github.com/${repo}/config/${mvnmodule}-test.yml'}]
spring.datasource.password={{PASSWORD:2}}""",
    """2024-05-14T10:12:04.020Z  WARN 1 --- [           main] o.s.c.c.c.ConfigServerConfigDataLoader   : Could not locate PropertySource ([ConfigServerConfigDataResource@${hex8} uris = array<String>['https://config.${cookiedomain}:8888'], optional = true, profiles = 'test']): 401 : "{"timestamp":"2024-05-14T10:12:04.019+00:00","status":401,"error":"Unauthorized","path":"/${mvnmodule}/test"}"
  SPRING_CLOUD_CONFIG_TOKEN={{VAULT}} ENCRYPT_KEY={{HEX64}}""",
], ["o.s.c.c.c.ConfigServerConfigDataLoader   : Fetching config from server at : https://${user}:", "@config.${cookiedomain}:8888", "Located environment: name=${mvnmodule}, profiles=[test], label=main, version=${sha}, state=null", "Located property source: [BootstrapPropertySource {name='bootstrapProperties-configClient'}", "https://github.com/${repo}/config/${mvnmodule}-test.yml", "Could not locate PropertySource ([ConfigServerConfigDataResource@${hex8}", "uris = array<String>['https://config.${cookiedomain}:8888']", "\"path\":\"/${mvnmodule}/test\""],
    marker="Fetching config from server at")

fam("uvicorn-exception-in-asgi-application", "https://www.uvicorn.org/settings/#logging; https://www.starlette.io/exceptions/", [
    """INFO:     ${privip}:51234 - "POST ${apipath} HTTP/1.1" 500 Internal Server Error
ERROR:    Exception in ASGI application
Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py", line 411, in run_asgi
    result = await app(  # type: ignore[func-returns-value]
  File "/app/api/routes/orders.py", line ${line}, in create_order
    resp.raise_for_status()
httpx.HTTPStatusError: Server error '502 Bad Gateway' for url 'https://${apihost}/v1/charges?api_key={{API_KEY}}&customer_phone={{PHONE_SD}}'
For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/502""",
    """ERROR:    Exception in ASGI application
  + Exception Group Traceback (most recent call last):
  |   File "/app/api/deps.py", line ${line}, in get_db
  |     engine = create_async_engine(settings.database_url)
  | asyncpg.exceptions.InvalidPasswordError: password authentication failed for user "${dbuser}"
  | settings.database_url = 'postgresql+asyncpg://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'
  | settings.jwt_secret = '{{HEX64}}'
  +------------------------------------""",
], ["${privip}:51234 - \"POST ${apipath} HTTP/1.1\" 500 Internal Server Error", "ERROR:    Exception in ASGI application", "uvicorn/protocols/http/httptools_impl.py\", line 411, in run_asgi", "File \"/app/api/routes/orders.py\", line ${line}, in create_order", "httpx.HTTPStatusError: Server error '502 Bad Gateway' for url 'https://${apihost}/v1/charges?", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/502", "Exception Group Traceback (most recent call last):", "File \"/app/api/deps.py\", line ${line}, in get_db", "asyncpg.exceptions.InvalidPasswordError: password authentication failed for user \"${dbuser}\"", "@${dbhost}:${pgport}/${db}"],
    marker="Exception in ASGI application")

fam("express-headers-sent-and-payload-too-large", "https://expressjs.com/en/guide/error-handling.html; https://github.com/expressjs/body-parser#errors", [
    """Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client
    at ServerResponse.setHeader (node:_http_outgoing:659:11)
    at ServerResponse.cookie (/app/node_modules/express/lib/response.js:${line}:15)
    at /app/src/routes/auth.js:${line2}:9 {
  code: 'ERR_HTTP_HEADERS_SENT'
}
  res.cookie('connect.sid', '{{CONNECT_SID}}', { httpOnly: true, domain: '${cookiedomain}' })
  res.cookie('refresh', '{{HEX64}}')""",
    """PayloadTooLargeError: request entity too large
    at readStream (/app/node_modules/raw-body/index.js:163:17)
  expected: 104857,
  length: 104857,
  limit: 102400,
  type: 'entity.too.large'
  body (first 200 bytes): {"customers":[{"name":"Rinzin Dorji","phone":"{{PHONE_BT}}","email":"{{EMAIL}}","card":"{{CARD_SPACED}}"},"""
], ["Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client", "node:_http_outgoing:659:11", "/app/node_modules/express/lib/response.js:${line}:15", "/app/src/routes/auth.js:${line2}:9", "code: 'ERR_HTTP_HEADERS_SENT'", "domain: '${cookiedomain}'", "PayloadTooLargeError: request entity too large", "/app/node_modules/raw-body/index.js:163:17", "limit: 102400", "type: 'entity.too.large'"],
    marker="ERR_HTTP_HEADERS_SENT")

fam("nestjs-cannot-resolve-dependencies", "https://docs.nestjs.com/faq/common-errors#cannot-resolve-dependency-error; https://docs.nestjs.com/techniques/configuration", [
    """[Nest] 41  - 05/14/2024, 10:12:03 AM     LOG [NestFactory] Starting Nest application...
[Nest] 41  - 05/14/2024, 10:12:03 AM     LOG [InstanceLoader] ConfigModule dependencies initialized +12ms
[Nest] 41  - 05/14/2024, 10:12:03 AM   ERROR [ExceptionHandler] Nest can't resolve dependencies of the ${nestctx} (?, ConfigService). Please make sure that the argument "STRIPE_CLIENT" at index [0] is available in the PaymentsModule context.
  ConfigService internalConfig: { STRIPE_SECRET_KEY: '{{STRIPE_SK}}', DATABASE_URL: 'postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}', JWT_SECRET: '{{HEX64}}' }""",
    """[Nest] 41  - 05/14/2024, 10:12:04 AM     LOG [RoutesResolver] AuthController {/api/auth}: +3ms
[Nest] 41  - 05/14/2024, 10:12:04 AM     LOG [RouterExplorer] Mapped {/api/auth/login, POST} route +1ms
[Nest] 41  - 05/14/2024, 10:12:05 AM    WARN [${nestctx}] login failed { email: '{{EMAIL}}', password: '{{PASSWORD}}', ip: '${privip}' }
[Nest] 41  - 05/14/2024, 10:12:05 AM   DEBUG [${nestctx}] issued token {{JWT}}""",
], ["LOG [NestFactory] Starting Nest application...", "LOG [InstanceLoader] ConfigModule dependencies initialized +12ms", "Nest can't resolve dependencies of the ${nestctx} (?, ConfigService).", "argument \"STRIPE_CLIENT\" at index [0] is available in the PaymentsModule context.", "@${dbhost}:${pgport}/${db}", "LOG [RoutesResolver] AuthController {/api/auth}: +3ms", "LOG [RouterExplorer] Mapped {/api/auth/login, POST} route +1ms", "WARN [${nestctx}] login failed", "ip: '${privip}'", "DEBUG [${nestctx}] issued token"],
    marker="Nest can't resolve dependencies")

fam("aspnetcore-startup-exception-lifetime", "https://learn.microsoft.com/en-us/aspnet/core/fundamentals/host/generic-host#ihostapplicationlifetime; https://learn.microsoft.com/en-us/aspnet/core/fundamentals/error-handling#startup-exception-handling", [
    """info: Microsoft.Hosting.Lifetime[14]
      Now listening on: http://[::]:8080
info: Microsoft.Hosting.Lifetime[0]
      Hosting environment: Development
info: Microsoft.Hosting.Lifetime[0]
      Content root path: /app
crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]
      Application startup exception
      System.ArgumentException: Format of the initialization string does not conform to specification starting at index 87.
         ConnectionStrings:Default = Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}};TrustServerCertificate=true""",
    """dbug: Microsoft.Extensions.Configuration[0]
      Configuration dump (appsettings.Development.json + env):
      Authentication:Google:ClientSecret = {{GOOGLE_CLIENT_SECRET}}
      Twilio:ApiKeySid = {{TWILIO_API_KEY}}
      Redis:Configuration = ${redishost}:6380,password={{PASSWORD}},ssl=True,abortConnect=False
fail: Microsoft.Extensions.Hosting.Internal.Host[11]
      Hosting failed to start""",
], ["Microsoft.Hosting.Lifetime[14]", "Now listening on: http://[::]:8080", "Hosting environment: Development", "Content root path: /app", "crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]", "Application startup exception", "Format of the initialization string does not conform to specification starting at index 87.", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};", "TrustServerCertificate=true", "Configuration dump (appsettings.Development.json + env):", "${redishost}:6380", "ssl=True,abortConnect=False", "Microsoft.Extensions.Hosting.Internal.Host[11]", "Hosting failed to start"],
    marker="Application startup exception")

fam("nginx-limit-req-large-body", "https://nginx.org/en/docs/http/ngx_http_limit_req_module.html; https://nginx.org/en/docs/http/ngx_http_core_module.html#client_max_body_size", [
    """2024/05/14 10:12:03 [error] 29#29: *2207 limiting requests, excess: 10.412 by zone "login", client: ${privip}, server: ${apihost}, request: "POST /login?user=${user}&password={{PASSWORD}} HTTP/1.1", host: "${apihost}"
2024/05/14 10:12:03 [error] 29#29: *2208 limiting requests, excess: 10.980 by zone "login", client: ${privip}, server: ${apihost}, request: "GET /reset?token={{HEX40}}&email={{EMAIL_URLENC}} HTTP/1.1", host: "${apihost}\"""",
    """2024/05/14 10:12:04 [error] 29#29: *2301 client intended to send too large body: 10485761 bytes, client: ${privip}, server: ${apihost}, request: "POST /api/import HTTP/1.1", host: "${apihost}", referrer: "https://${apihost}/admin/import?api_key={{API_KEY}}"
${privip} - ${user} [14/May/2024:10:12:04 +0000] "POST /api/import HTTP/1.1" 413 176 "-" "curl/8.5.0" "Authorization: Basic {{BASIC_CRED}}\"""",
], ["[error] 29#29: *2207 limiting requests, excess: 10.412 by zone \"login\"", "client: ${privip}, server: ${apihost}", "host: \"${apihost}\"", "[error] 29#29: *2301 client intended to send too large body: 10485761 bytes", "request: \"POST /api/import HTTP/1.1\"", "referrer: \"https://${apihost}/admin/import?", "\"POST /api/import HTTP/1.1\" 413 176 \"-\" \"curl/8.5.0\""],
    marker="limiting requests, excess")

fam("postgres-duration-bind-parameters", "https://www.postgresql.org/docs/16/runtime-config-logging.html#GUC-LOG-MIN-DURATION-STATEMENT; https://www.postgresql.org/docs/16/runtime-config-logging.html#GUC-LOG-PARAMETER-MAX-LENGTH", [
    """2024-05-14 10:12:03.118 UTC [412] ${dbuser}@${db} LOG:  duration: 1412.118 ms  execute <unnamed>: SELECT id, full_name FROM ${table} WHERE ssn = $$1 AND phone = $$2
2024-05-14 10:12:03.118 UTC [412] ${dbuser}@${db} DETAIL:  parameters: $$1 = '{{SSN}}', $$2 = '{{PHONE_HT}}'
2024-05-14 10:12:03.530 UTC [413] ${dbuser}@${db} LOG:  duration: 412.004 ms  bind <unnamed>: UPDATE ${table} SET iban = $$1, card = $$2 WHERE email = $$3
2024-05-14 10:12:03.530 UTC [413] ${dbuser}@${db} DETAIL:  parameters: $$1 = '{{IBAN}}', $$2 = '{{CARD}}', $$3 = '{{EMAIL}}'""",
    """2024-05-14 10:12:04.020 UTC [419] ${dbuser}@${db} LOG:  duration: 2004.412 ms  execute S_3: INSERT INTO api_tokens (user_id, token, created_at) VALUES ($$1, $$2, now())
2024-05-14 10:12:04.020 UTC [419] ${dbuser}@${db} DETAIL:  parameters: $$1 = '${uuid}', $$2 = '{{HEX64}}'
2024-05-14 10:12:04.021 UTC [419] ${dbuser}@${db} ERROR:  canceling statement due to statement timeout""",
], ["UTC [412] ${dbuser}@${db} LOG:  duration: 1412.118 ms  execute <unnamed>: SELECT id, full_name FROM ${table} WHERE ssn = $$1 AND phone = $$2", "DETAIL:  parameters: $$1 =", "LOG:  duration: 412.004 ms  bind <unnamed>: UPDATE ${table} SET iban = $$1, card = $$2 WHERE email = $$3", "LOG:  duration: 2004.412 ms  execute S_3: INSERT INTO api_tokens (user_id, token, created_at)", "$$1 = '${uuid}'", "ERROR:  canceling statement due to statement timeout"],
    marker="DETAIL:  parameters:")

fam("mysql-slow-query-log-entry", "https://dev.mysql.com/doc/refman/8.0/en/slow-query-log.html; https://www.percona.com/doc/percona-toolkit/LATEST/pt-query-digest.html", [
    """# Time: 2024-05-14T10:12:03.118214Z
# User@Host: ${dbuser}[${dbuser}] @  [${privip}]  Id:    41
# Query_time: 2.412118  Lock_time: 0.000004 Rows_sent: 1  Rows_examined: 184211
use ${db};
SET timestamp=1715681523;
SELECT * FROM ${table} WHERE national_id = '{{NIE_ES}}' OR phone = '{{PHONE_MO}}' OR ssn = '{{SSN}}';""",
    """# Time: 2024-05-14T10:12:04.020117Z
# User@Host: ${dbuser}[${dbuser}] @ ${dbhost} [${privip}]  Id:    42
# Query_time: 1.004412  Lock_time: 0.000011 Rows_sent: 0  Rows_examined: 91204
SET timestamp=1715681524;
UPDATE users SET password_reset_token = '{{HEX40}}', api_key = '{{API_KEY}}' WHERE email = '{{EMAIL}}';""",
], ["# Time: 2024-05-14T10:12:03.118214Z", "# User@Host: ${dbuser}[${dbuser}] @  [${privip}]  Id:    41", "# Query_time: 2.412118  Lock_time: 0.000004 Rows_sent: 1  Rows_examined: 184211", "use ${db};", "SET timestamp=1715681523;", "SELECT * FROM ${table} WHERE national_id =", "# User@Host: ${dbuser}[${dbuser}] @ ${dbhost} [${privip}]  Id:    42", "# Query_time: 1.004412  Lock_time: 0.000011 Rows_sent: 0  Rows_examined: 91204", "UPDATE users SET password_reset_token ="],
    marker="# Query_time")

fam("mongo-bulk-write-mongoose-validation", "https://www.mongodb.com/docs/drivers/node/current/usage-examples/bulkWrite/; https://mongoosejs.com/docs/validation.html", [
    """MongoBulkWriteError: E11000 duplicate key error collection: ${db}.${mongocoll} index: email_1 dup key: { email: "{{EMAIL}}" }
  writeErrors: [
    WriteError {
      err: { index: 1, code: 11000, errmsg: 'E11000 duplicate key error collection: ${db}.${mongocoll} index: email_1', op: { _id: new ObjectId('${hex24}'), email: '{{EMAIL}}', phone: '{{PHONE_AF}}', passwordHash: '{{HEX64}}' } }
    }
  ],
  result: BulkWriteResult { insertedCount: 1, matchedCount: 0 }""",
    """ValidationError: Customer validation failed: phone: Path `phone` is invalid ({{PHONE_PG}})., taxId: Validator failed for path `taxId` with value `{{ICO_CZ}}`
    at model.Document.invalidate (/app/node_modules/mongoose/lib/document.js:${line}:32)
  _message: 'Customer validation failed'
  mongoose.connect('mongodb+srv://${dbuser}:{{PASSWORD}}@${mongohost}/${db}?retryWrites=true&w=majority')""",
], ["MongoBulkWriteError: E11000 duplicate key error collection: ${db}.${mongocoll} index: email_1 dup key:", "writeErrors: [", "index: 1, code: 11000", "_id: new ObjectId('${hex24}')", "BulkWriteResult { insertedCount: 1, matchedCount: 0 }", "ValidationError: Customer validation failed: phone: Path `phone` is invalid", "Validator failed for path `taxId`", "/app/node_modules/mongoose/lib/document.js:${line}:32", "_message: 'Customer validation failed'", "@${mongohost}/${db}?retryWrites=true&w=majority"],
    marker="MongoBulkWriteError")

fam("redis-client-list-acl-log", "https://redis.io/docs/latest/commands/client-list/; https://redis.io/docs/latest/commands/acl-log/", [
    """$$ redis-cli -u rediss://default:{{PASSWORD}}@${redishost}:6380 CLIENT LIST
id=412 addr=${privip}:51234 laddr=172.18.0.5:6379 fd=8 name=orders-api age=41 idle=0 flags=N db=0 sub=0 psub=0 multi=-1 qbuf=26 cmd=client|list user=default lib-name=ioredis lib-ver=5.4.1
id=413 addr=${privip}:51240 laddr=172.18.0.5:6379 fd=9 name=bull:${uuid} age=40 idle=3 flags=b db=0 cmd=brpoplpush user=worker""",
    """$$ redis-cli -h ${redishost} ACL LOG 1
1)  1) "count"
    2) (integer) 4
    3) "reason"
    4) "auth"
    5) "context"
    6) "toplevel"
    7) "object"
    8) "AUTH"
    9) "username"
   10) "worker"
(error) WRONGPASS invalid username-password pair; AUTH worker {{PASSWORD}} from ${privip}:51240""",
], ["CLIENT LIST", "id=412 addr=${privip}:51234 laddr=172.18.0.5:6379 fd=8 name=orders-api", "cmd=client|list user=default lib-name=ioredis lib-ver=5.4.1", "name=bull:${uuid}", "cmd=brpoplpush user=worker", "redis-cli -h ${redishost} ACL LOG 1", "\"reason\"", "\"username\"", "from ${privip}:51240"],
    marker="CLIENT LIST")

fam("datadog-ci-junit-upload-and-writer", "https://github.com/DataDog/datadog-ci/tree/master/src/commands/junit; https://ddtrace.readthedocs.io/en/stable/troubleshooting.html", [
    """$$ DATADOG_API_KEY={{DD_API_KEY}} DD_SITE=datadoghq.eu datadog-ci junit upload --service ${ddservice} --tags team:checkout reports/junit.xml
Starting upload with concurrency 20.
Will upload jUnit XML file reports/junit.xml
service: ${ddservice}
❌ Failed upload: Request failed with status code 403
  request: POST https://cireport-intake.datadoghq.eu/api/v2/cicovreprt headers: { 'DD-API-KEY': '{{DD_API_KEY}}', 'DD-APPLICATION-KEY': '{{DD_APP_KEY}}' }""",
    """2024-05-14 10:12:03,118 ERROR [ddtrace.internal.writer.writer] [writer.py:567] - failed to send, dropping 12 traces to intake at http://${privip}:8126/v0.5/traces after 3 retries, 412 additional messages skipped
  last span: {"service": "${ddservice}", "resource": "POST ${apipath}", "meta": {"http.url": "https://${apihost}${apipath}?token={{HEX40}}", "db.user": "${dbuser}", "out.host": "${dbhost}"}}""",
], ["datadog-ci junit upload --service ${ddservice} --tags team:checkout reports/junit.xml", "Starting upload with concurrency 20.", "Will upload jUnit XML file reports/junit.xml", "service: ${ddservice}", "Failed upload: Request failed with status code 403", "https://cireport-intake.datadoghq.eu/api/v2/cicovreprt", "ERROR [ddtrace.internal.writer.writer] [writer.py:567] - failed to send, dropping 12 traces to intake at http://${privip}:8126/v0.5/traces after 3 retries", "\"resource\": \"POST ${apipath}\"", "\"db.user\": \"${dbuser}\"", "\"out.host\": \"${dbhost}\""],
    marker="datadog-ci junit upload")

fam("pip-config-list-credentials-warning", "https://pip.pypa.io/en/stable/cli/pip_config/; https://pip.pypa.io/en/stable/topics/authentication/#percent-encoding", [
    """$$ pip config list
global.extra-index-url='https://${user}:{{PASSWORD}}@${apihost}/repository/pypi-internal/simple'
global.index-url='https://pypi.org/simple'
global.trusted-host='${privip}'
site.timeout='60'
$$ pip install acme-billing==${pkgver}
WARNING: 401 Error, Credentials not correct for https://${apihost}/repository/pypi-internal/simple/acme-billing/
ERROR: Could not find a version that satisfies the requirement acme-billing==${pkgver}""",
    """$$ pip download --no-deps -d /tmp/wheels "acme-sso @ git+https://oauth2:{{GLPAT}}@gitlab.${cookiedomain}/${repo}.git@v${pkgver}"
Collecting acme-sso@ git+https://oauth2:****@gitlab.${cookiedomain}/${repo}.git@v${pkgver}
  Cloning https://oauth2:****@gitlab.${cookiedomain}/${repo}.git (to revision v${pkgver}) to /tmp/pip-download-${lower8}/acme-sso
  fatal: Authentication failed for 'https://gitlab.${cookiedomain}/${repo}.git/'
  error: subprocess-exited-with-error""",
], ["pip config list", "global.index-url='https://pypi.org/simple'", "global.trusted-host='${privip}'", "site.timeout='60'", "@${apihost}/repository/pypi-internal/simple'", "WARNING: 401 Error, Credentials not correct for https://${apihost}/repository/pypi-internal/simple/acme-billing/", "acme-billing==${pkgver}", "pip download --no-deps -d /tmp/wheels", "Collecting acme-sso@ git+https://oauth2:****@gitlab.${cookiedomain}/${repo}.git@v${pkgver}", "fatal: Authentication failed for 'https://gitlab.${cookiedomain}/${repo}.git/'", "error: subprocess-exited-with-error"],
    marker="Credentials not correct for")

fam("maven-gpg-exec-and-surefire-sysprops", "https://maven.apache.org/plugins/maven-gpg-plugin/sign-mojo.html; https://maven.apache.org/surefire/maven-surefire-plugin/test-mojo.html#systemPropertyVariables", [
    """[INFO] --- gpg:3.2.4:sign (sign-artifacts) @ ${mvnmodule} ---
[INFO] Signer 'gpg' is signing 4 files with key default
[DEBUG] Executing: /bin/sh -c cd '/builds/${repo}/${mvnmodule}' && 'gpg' '--batch' '--pinentry-mode' 'loopback' '--passphrase' '{{PASSWORD}}' '--armor' '--detach-sign' '--output' 'target/${mvnmodule}-${pkgver}.jar.asc'
gpg: signing failed: Bad passphrase
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-gpg-plugin:3.2.4:sign (sign-artifacts) on project ${mvnmodule}: Exit code: 2 -> [Help 1]""",
    """[DEBUG] Forking command line: /bin/sh -c cd '/builds/${repo}/${mvnmodule}' && '/usr/lib/jvm/java-17-openjdk-amd64/bin/java' '-Ddb.url=jdbc:postgresql://${dbhost}:${pgport}/${db}' '-Ddb.password={{PASSWORD}}' '-Dokta.clientSecret={{OKTA_CLIENT_SECRET}}' '-jar' '/builds/${repo}/${mvnmodule}/target/surefire/surefirebooter-20240514101203118_3.jar'
[ERROR] There was an error in the forked process
[ERROR] ExecutionException The forked VM terminated without properly saying goodbye. VM crash or System.exit called?""",
], ["--- gpg:3.2.4:sign (sign-artifacts) @ ${mvnmodule} ---", "Signer 'gpg' is signing 4 files with key default", "Executing: /bin/sh -c cd '/builds/${repo}/${mvnmodule}'", "'target/${mvnmodule}-${pkgver}.jar.asc'", "gpg: signing failed: Bad passphrase", "maven-gpg-plugin:3.2.4:sign (sign-artifacts) on project ${mvnmodule}: Exit code: 2 -> [Help 1]", "Forking command line: /bin/sh -c cd '/builds/${repo}/${mvnmodule}'", "'-Ddb.url=jdbc:postgresql://${dbhost}:${pgport}/${db}'", "surefirebooter-20240514101203118_3.jar", "The forked VM terminated without properly saying goodbye."],
    marker="Executing: /bin/sh -c")

fam("twilio-node-rest-exception-object", "https://www.twilio.com/docs/libraries/reference/twilio-node/; https://www.twilio.com/docs/api/errors/20003", [
    """RestException [Error]: Authenticate
    at success (/app/node_modules/twilio/lib/base/Version.js:${line}:23)
  status: 401,
  code: 20003,
  moreInfo: 'https://www.twilio.com/docs/errors/20003',
  details: undefined
  client: twilio('{{TWILIO_SID}}', '{{TWILIO_AUTH}}')
  messages.create({ to: '{{PHONE_BB}}', from: '+15005550006', body: 'Your verification code is {{OTP}}' })""",
    """RestException [Error]: The 'To' number {{PHONE_TJ}} is not a valid phone number.
  status: 400,
  code: 21211,
  moreInfo: 'https://www.twilio.com/docs/errors/21211',
  details: undefined
  auth: { username: '{{TWILIO_API_KEY}}', password: '{{HEX32}}', accountSid: '{{TWILIO_SID}}' }""",
], ["RestException [Error]: Authenticate", "/app/node_modules/twilio/lib/base/Version.js:${line}:23", "status: 401,", "code: 20003,", "moreInfo: 'https://www.twilio.com/docs/errors/20003'", "details: undefined", "from: '+15005550006'", "is not a valid phone number.", "code: 21211,", "moreInfo: 'https://www.twilio.com/docs/errors/21211'"],
    marker="moreInfo:")
