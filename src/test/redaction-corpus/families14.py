# The fourteenth collection (session 18, corpus14): the clean measure of this stop, written blind (no rule writer reads
# it). Like the thirteenth, at least two thirds of its families come from the MAINSTREAM tools a failing test run of a
# web, back-end or mobile application prints (Jest's JSON results and inline snapshots, mochawesome, Cypress's waits and
# env, Playwright's trace hint, config and URL assertions, Django fixtures, Gradle and golang-migrate, RSpec doubles,
# Laravel's database assertions and tinker, GitHub Actions service containers, GitLab CI services, CircleCI's processed
# config, kubectl diff and config view, Terraform variable validation, the AWS SDKs for Java and JavaScript, az app
# settings, Firebase functions config, psql, the MongoDB and Redis CLIs and drivers, Prisma, TypeORM, Knex, KafkaJS, the
# New Relic agent, npm and Bundler config, fastlane match, Allure results, pytest-html, PowerShell traces, Apache's
# dumpio, go-resty, Reactor Netty, tenacity, Serverless, Azure Functions, Heroku, Vercel, Apollo Server, Log4j2 JSON,
# ActionMailer, Django's console mail, Symfony, Flyway, Alembic, the iOS simulator log, React Native and Flutter), each
# in a MESSAGE SHAPE none of the thirteen collections has (checked by grepping failure-output*.jsonl and families*.py
# for a fixed part of each shape, the `marker` below); the rest from tools none of the thirteen has (Prism, Keploy,
# BackstopJS, Hoppscotch CLI, Testkube, Garden, OWASP ZAP, Trivy, Infisical). Secrets are planted where those tools print
# them: cloud keys with their secret halves by context, provider tokens, passwords in URLs and DSNs (host, port,
# database and user kept), Basic and Bearer headers, credentials on command lines, session cookies in JS objects, JSON
# and headers, high-entropy values beside secret-like names, phones in national formats, SSNs by label or column, IBANs,
# Luhn cards, e-mail addresses. Personal data of countries none of the thirteen has (Benin, Burkina Faso, Togo, DR Congo,
# Mauritania, the Gambia, Sierra Leone, Liberia, Somalia, Syria, Turkmenistan, Belize, Cuba, Liechtenstein, Seychelles,
# Cape Verde, Eswatini, Lesotho, Timor-Leste, Andorra, Gabon, Samoa: phones as they write them) and tax and business
# numbers no collection has (Austria's UID, France's TVA number, Poland's REGON, Slovenia's davčna številka, Hungary's
# adószám, Japan's corporate number, India's GSTIN, Sweden's organisationsnummer) with VALID check digits
# (FourteenthIds.java). Each family names the public page or thread its shape was learnt from; nothing was copied.
# Same template language as the earlier collections. Split like the sixth to thirteenth: a THIRD of the families by the
# SHA-1 of the family's name (0 mod 3), fixed and committed before any rule ran on it, not redrawn.

from families13 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "mochafile": ["test/api/orders.spec.js", "test/integration/auth.spec.js", "test/unit/invoice.spec.ts"],
    "cyalias": ["@createOrder", "@login", "@getCustomer"],
    "djmodel": ["accounts.customer", "crm.contact", "billing.payer"],
    "gomigdir": ["db/migrations", "internal/store/migrations", "migrations/postgres"],
    "lvtable": ["users", "customers", "payment_methods"],
    "ghsvc": ["postgres", "redis", "mysql"],
    "k8sns": ["orders-staging", "checkout-e2e", "billing-prod"],
    "k8scluster": ["arn:aws:eks:eu-west-1:123456789012:cluster/ci-eks", "gke_acme-prod-4821_europe-west1_main", "kind-e2e"],
    "tfvar": ["db_password", "stripe_secret_key", "admin_api_token"],
    "webapp": ["acme-orders-api", "globex-checkout-web", "initech-billing-fn"],
    "azrg": ["rg-orders-prod", "rg-checkout-e2e", "rg-billing-dev"],
    "fbfn": ["stripeWebhook", "sendReceipt", "onUserCreate"],
    "kafkaclient": ["orders-consumer", "billing-producer", "kyc-events"],
    "nrapp": ["Orders API (staging)", "Checkout Web", "Billing Worker"],
    "iosbundle": ["com.acme.shop", "io.globex.wallet", "net.initech.portal"],
    "iossim": ["iPhone 15 Pro", "iPhone SE (3rd generation)", "iPad Air (5th generation)"],
    "matchrepo": ["git@github.com:acme/certificates.git", "https://github.com/globex/ios-certs.git"],
    "allurename": ["Checkout with saved card", "Login with SSO", "Update customer phone"],
    "slssvc": ["orders-api", "billing-webhooks", "kyc-service"],
    "slsstage": ["staging", "dev", "e2e"],
    "funcname": ["HttpTriggerOrders", "QueueTriggerInvoices", "TimerCleanup"],
    "herokuapp": ["acme-orders-staging", "globex-checkout-review-412", "initech-billing"],
    "vercelproj": ["acme-storefront", "globex-dashboard", "initech-docs"],
    "gqlpath": ["createOrder", "updateCustomer", "login"],
    "logger": ["com.acme.orders.web.PaymentController", "com.globex.billing.client.StripeGateway", "io.initech.auth.TokenService"],
    "mailerclass": ["UserMailer#password_reset", "OrderMailer#receipt", "AccountMailer#welcome"],
    "flywayver": ["2.4", "1.12", "3.0.1"],
    "alembicrev": ["4f2a9c1e7b3d", "a81c0d3e5f27", "9be4d2c1a0f6"],
    "rnapp": ["AcmeShop", "GlobexWallet", "InitechPortal"],
    "dartpkg": ["package:acme_api/src/client.dart", "package:globex_auth/auth_repository.dart"],
    "prismop": ["createOrder", "getCustomer", "listInvoices"],
    "keplotest": ["test-set-0/test-3", "test-set-1/test-12", "test-set-2/test-7"],
    "backstopscn": ["Checkout page", "Account settings", "Login modal"],
    "hoppcoll": ["Orders API", "Auth flows", "Customer admin"],
    "tkwf": ["e2e-checkout", "api-contract-orders", "k6-smoke"],
    "gardenact": ["deploy.orders-api", "test.integ-checkout", "run.db-seed"],
    "zaprule": ["10010", "10038", "10105"],
    "trivytarget": ["app/.env.staging", "deploy/values-prod.yaml", "src/config/settings.py"],
    "infisicalenv": ["dev", "staging", "prod"],
    "symfonyenv": ["DATABASE_URL", "MAILER_DSN", "MESSENGER_TRANSPORT_DSN"],
    "psapp": ["OrdersApi", "Globex.Checkout", "BillingWorker"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- JavaScript and browser test runners -------------------------------------------------------------------------------

fam("jest-json-results-failure-messages", "https://jestjs.io/docs/cli#--json; https://jestjs.io/docs/cli#--outputfilefilename", [
    """{"numFailedTestSuites":1,"numFailedTests":1,"numPassedTests":41,"numTotalTests":42,"success":false,"testResults":[{"name":"/home/runner/work/${repo}/${jestfile}","status":"failed","assertionResults":[{"ancestorTitles":["POST ${apipath}"],"title":"rejects an expired token","status":"failed","failureMessages":["Error: expect(received).toEqual(expected)\\n\\nExpected: 401\\nReceived: 200\\n\\n    request headers: {\\"authorization\\":\\"Bearer {{JWT}}\\",\\"cookie\\":\\"connect.sid={{CONNECT_SID}}\\"}\\n    at Object.<anonymous> (${jestfile}:${line}:${col})"]}]}]}""",
    """{"numFailedTestSuites":1,"numFailedTests":2,"numPassedTests":18,"numTotalTests":20,"success":false,"testResults":[{"name":"/builds/${repo}/${jestfile}","status":"failed","message":"  ● customers › stores the phone\\n\\n    expect(received).toMatchObject(expected)\\n\\n    - \\"phone\\": \\"{{PHONE_BJ}}\\"\\n    + \\"phone\\": \\"{{PHONE_BF}}\\",\\n    + \\"email\\": \\"{{EMAIL}}\\"\\n\\n      DATABASE_URL=mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}"}]}""",
], ["\"numFailedTestSuites\":1", "\"success\":false", "${repo}/${jestfile}", "\"ancestorTitles\":[\"POST ${apipath}\"]", "rejects an expired token", "Expected: 401", "(${jestfile}:${line}:${col})", "customers › stores the phone", "toMatchObject(expected)", "mysql://${dbuser}:", "@${dbhost}:${myport}/${db}"],
    marker="\"numFailedTestSuites\"")

fam("jest-inline-snapshot-mismatch", "https://jestjs.io/docs/snapshot-testing#inline-snapshots; https://jestjs.io/docs/expect#tomatchinlinesnapshotpropertymatchers-inlinesnapshot", [
    """  ● api client › builds the request

    expect(received).toMatchInlineSnapshot(snapshot)

    Snapshot name: `api client builds the request 1`

    - Snapshot  - 1
    + Received  + 1

      Object {
        "headers": Object {
    -     "Authorization": "Basic dXNlcjpwYXNz",
    +     "Authorization": "Basic {{BASIC_CRED}}",
          "X-Request-Id": "${uuid}",
        },
        "url": "https://${apihost}${apipath}",
      }

      ${line} |   expect(req).toMatchInlineSnapshot(`
          |               ^
      at Object.toMatchInlineSnapshot (${jestfile}:${line}:${col})""",
    """  ● settings › renders the stored profile

    expect(received).toMatchInlineSnapshot(snapshot)

    - Snapshot  - 2
    + Received  + 2

      Object {
    -   "iban": "GB00TEST00000000000000",
    -   "ssn": "000-00-0000",
    +   "iban": "{{IBAN}}",
    +   "ssn": "{{SSN}}",
        "userId": "${uuid}",
      }

      at Object.toMatchInlineSnapshot (${jestfile}:${line}:${col})
    › 1 snapshot failed. Inspect your code changes or run `npx jest -u` to update them.""",
], ["● api client › builds the request", "expect(received).toMatchInlineSnapshot(snapshot)", "Snapshot name: `api client builds the request 1`", "\"X-Request-Id\": \"${uuid}\"", "\"url\": \"https://${apihost}${apipath}\"", "(${jestfile}:${line}:${col})", "● settings › renders the stored profile", "\"userId\": \"${uuid}\"", "1 snapshot failed."],
    marker="toMatchInlineSnapshot")

fam("mochawesome-json-report", "https://github.com/adamgruber/mochawesome#output; https://github.com/adamgruber/mochawesome-report-generator", [
    """{
  "stats": { "suites": 3, "tests": 12, "passes": 11, "failures": 1, "passPercent": 91.66, "start": "2024-05-14T10:12:03.118Z" },
  "results": [{ "file": "${mochafile}", "suites": [{ "title": "POST /login", "tests": [{
    "fullTitle": "POST /login returns a session cookie", "state": "failed",
    "context": "\\"request: {\\\\\\"email\\\\\\":\\\\\\"{{EMAIL}}\\\\\\",\\\\\\"password\\\\\\":\\\\\\"{{PASSWORD}}\\\\\\"}\\"",
    "err": { "message": "expected 302 to equal 200", "estack": "AssertionError: expected 302 to equal 200\\n    at Context.<anonymous> (${mochafile}:${line}:${col})" },
    "uuid": "${uuid}" }] }] }]
}""",
    """{
  "stats": { "suites": 1, "tests": 4, "passes": 3, "failures": 1, "passPercent": 75 },
  "results": [{ "file": "${mochafile}", "suites": [{ "title": "webhooks", "tests": [{
    "fullTitle": "webhooks verifies the signature", "state": "failed",
    "context": "{\\"title\\":\\"env\\",\\"value\\":{\\"STRIPE_WEBHOOK_SECRET\\":\\"{{WHSEC}}\\",\\"PUSHER_SECRET\\":\\"{{PUSHER_SECRET}}\\",\\"PUSHER_APP_ID\\":\\"${num}\\"}}",
    "err": { "message": "No signatures found matching the expected signature for payload" },
    "uuid": "${uuid}" }] }] }]
}""",
], ["\"passPercent\": 91.66", "\"file\": \"${mochafile}\"", "\"fullTitle\": \"POST /login returns a session cookie\"", "expected 302 to equal 200", "(${mochafile}:${line}:${col})", "\"uuid\": \"${uuid}\"", "\"passPercent\": 75", "webhooks verifies the signature", "PUSHER_APP_ID", "No signatures found matching the expected signature for payload"],
    marker="\"passPercent\"")

fam("cypress-wait-alias-timeout", "https://docs.cypress.io/api/commands/wait#Alias; https://docs.cypress.io/api/commands/intercept", [
    """  1) checkout
       pays with the saved card:
     CypressError: Timed out retrying after 5000ms: `cy.wait()` timed out waiting `5000ms` for the 1st request to the route: `${cyalias}`. No request ever occurred.

  Intercepted requests:
    (fetch) POST https://${apihost}${apipath}  { headers: { authorization: 'Bearer {{GOOGLE_OAUTH_ACCESS}}', 'x-algolia-api-key': '{{ALGOLIA_ADMIN}}', 'x-algolia-application-id': '${upper10}' } }
      at Context.eval (webpack:///./${cyspec}:${line}:${col})""",
    """  2) admin
       exports customers:
     CypressError: Timed out retrying after 10000ms: `cy.wait()` timed out waiting `10000ms` for the 1st response to the route: `${cyalias}`. No response ever occurred.

  Last intercepted: GET https://${apihost}/admin/export?format=csv
    request.headers.cookie: "_session_id={{HEX64}}; remember_user_token={{B64_SECRET}}"
    response.body (truncated): name,phone,email\\nT. Koné,{{PHONE_TG}},{{EMAIL}}""",
], ["`cy.wait()` timed out waiting `5000ms` for the 1st request to the route: `${cyalias}`", "No request ever occurred.", "POST https://${apihost}${apipath}", "x-algolia-application-id", "webpack:///./${cyspec}:${line}:${col}", "`cy.wait()` timed out waiting `10000ms` for the 1st response to the route: `${cyalias}`", "GET https://${apihost}/admin/export?format=csv", "response.body (truncated): name,phone,email"],
    marker="timed out waiting `")

fam("cypress-env-printed-by-task", "https://docs.cypress.io/api/cypress-api/env; https://docs.cypress.io/guides/guides/environment-variables", [
    """  (Run Starting)
  │ Cypress:        13.9.0                                                                         │
  │ Browser:        Electron 118 (headless)                                                        │
  │ Specs:          4 found (${cyspec}, ...)                                                       │

cy:task ✔  log, Cypress.env() = {"apiUrl":"https://${apihost}","adminUser":"${user}","adminPassword":"{{PASSWORD}}","snykToken":"{{SNYK_TOKEN}}","dbUrl":"postgres://${dbuser}:{{PASSWORD:2}}@${dbhost}:${pgport}/${db}"}""",
    """cypress:server:config resolved env { apiUrl: 'https://${apihost}', CYPRESS_RECORD_KEY: '{{CYPRESS_RECORD_KEY}}', lambdatestUser: '${user}', lambdatestKey: '{{LAMBDATEST_KEY}}', testPhone: '{{PHONE_CD}}' } +3ms
  1) login as admin:
     AssertionError: Timed out retrying after 4000ms: Expected to find element: `${selector}`, but never found it.""",
], ["Cypress:        13.9.0", "Specs:          4 found (${cyspec}, ...)", "log, Cypress.env() = ", "\"apiUrl\":\"https://${apihost}\"", "\"adminUser\":\"${user}\"", "@${dbhost}:${pgport}/${db}", "cypress:server:config resolved env", "apiUrl: 'https://${apihost}'", "lambdatestUser: '${user}'", "Expected to find element: `${selector}`, but never found it."],
    marker="Cypress.env()")

fam("playwright-trace-attachment-hint", "https://playwright.dev/docs/trace-viewer-intro; https://playwright.dev/docs/test-reporters#list-reporter", [
    """  1) [${pwproject}] › ${spec}:${line}:${col} › orders › refunds a charge ──────────

    Error: expect(received).toBe(expected) // Object.is equality

    Expected: 200
    Received: 502

    attachment #1: trace (application/zip) ─────────────────────────────────────────
    test-results/orders-refunds-a-charge-${pwproject}/trace.zip
    Usage:

        npx playwright show-trace test-results/orders-refunds-a-charge-${pwproject}/trace.zip

    ────────────────────────────────────────────────────────────────────────────────
    stdout: refund request -> https://${apihost}${apipath}?key={{API_KEY}}&secret={{HEX40}}""",
    """  2) [${pwproject}] › ${spec}:${line}:${col} › account › downloads the invoice ──────

    Error: page.waitForResponse: Test timeout of 30000ms exceeded.

    attachment #2: network (text/plain) ──────────────────────────────────────────
    GET https://${apihost}/invoices/${uuid}.pdf 403
      cookie: __Secure-next-auth.session-token={{JWT}}; csrf={{HEX64}}
    ────────────────────────────────────────────────────────────────────────────────
        npx playwright show-trace test-results/account-downloads-the-invoice-${pwproject}-retry1/trace.zip""",
], ["[${pwproject}] › ${spec}:${line}:${col} › orders › refunds a charge", "Expected: 200", "Received: 502", "attachment #1: trace (application/zip)", "npx playwright show-trace test-results/orders-refunds-a-charge-${pwproject}/trace.zip", "https://${apihost}${apipath}", "page.waitForResponse: Test timeout of 30000ms exceeded.", "GET https://${apihost}/invoices/${uuid}.pdf 403", "npx playwright show-trace test-results/account-downloads-the-invoice-${pwproject}-retry1/trace.zip"],
    marker="npx playwright show-trace")

fam("playwright-config-http-credentials-dump", "https://playwright.dev/docs/api/class-testoptions#test-options-http-credentials; https://playwright.dev/docs/test-configuration", [
    """Error: browser.newContext: Invalid URL
    config.use = {
      baseURL: 'https://${apihost}',
      httpCredentials: { username: '${user}', password: '{{PASSWORD}}', origin: 'https://${apihost}' },
      extraHTTPHeaders: { 'x-api-key': '{{RENDER_KEY}}' },
      storageState: 'playwright/.auth/${pwproject}.json',
    }
    at ${spec}:${line}:${col}""",
    """[WebServer] Error: listen EADDRINUSE: address already in use :::${port}
Error: Process from config.webServer was not able to start. Exit code: 1
  webServer: { command: 'npm run start', url: 'http://localhost:${port}', env: { DATABASE_URL: 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}', NEON_API_KEY: '{{NEON_KEY}}' } }
  use: { httpCredentials: { username: '${user}', password: '{{PASSWORD:2}}' } }""",
], ["Error: browser.newContext: Invalid URL", "baseURL: 'https://${apihost}'", "username: '${user}'", "origin: 'https://${apihost}'", "playwright/.auth/${pwproject}.json", "at ${spec}:${line}:${col}", "Error: listen EADDRINUSE: address already in use :::${port}", "Error: Process from config.webServer was not able to start. Exit code: 1", "url: 'http://localhost:${port}'", "@${dbhost}:${pgport}/${db}"],
    marker="httpCredentials")

fam("playwright-to-have-url-call-log", "https://playwright.dev/docs/api/class-pageassertions#page-assertions-to-have-url", [
    """    Error: Timed out 5000ms waiting for expect(page).toHaveURL(expected)

    Expected string: "https://${apihost}/dashboard"
    Received string: "https://${apihost}/callback?code={{OAUTH_CODE}}&state=${hex16}&access_token={{GOOGLE_OAUTH_ACCESS}}"
    Call log:
      - expect.toHaveURL with timeout 5000ms
      - waiting for navigation until "load"
      -   navigated to "https://${apihost}/callback?code={{OAUTH_CODE}}&state=${hex16}"

      ${line} |   await expect(page).toHaveURL('https://${apihost}/dashboard');
        at ${spec}:${line}:${col}""",
    """    Error: Timed out 10000ms waiting for expect(page).toHaveURL(expected)

    Expected pattern: /\\/orders$$/
    Received string:  "https://${user}:{{PASSWORD}}@${apihost}/login?email={{EMAIL_URLENC}}"
    Call log:
      - expect.toHaveURL with timeout 10000ms
      - 9 × unexpected value "https://${apihost}/login"
        at ${spec}:${line}:${col}""",
], ["Timed out 5000ms waiting for expect(page).toHaveURL(expected)", "Expected string: \"https://${apihost}/dashboard\"", "state=${hex16}", "- expect.toHaveURL with timeout 5000ms", "waiting for navigation until \"load\"", "at ${spec}:${line}:${col}", "Timed out 10000ms waiting for expect(page).toHaveURL(expected)", "Expected pattern: /\\/orders$$/", "https://${user}:", "9 × unexpected value \"https://${apihost}/login\""],
    marker="expect.toHaveURL with timeout")

# --- Python, Java, Go, Ruby, PHP, .NET test runs --------------------------------------------------------------------

fam("django-dumpdata-auth-user-fixture", "https://docs.djangoproject.com/en/5.0/ref/django-admin/#dumpdata; https://docs.djangoproject.com/en/5.0/topics/testing/tools/#fixture-loading", [
    """django.db.utils.IntegrityError: Problem installing fixture '/app/${djapp}/fixtures/${fixture}': Could not load ${djmodel}(pk=${num}): duplicate key value violates unique constraint "${constraint}"
DETAIL:  Key (email)=({{EMAIL}}) already exists.
[
{"model": "auth.user", "pk": 1, "fields": {"password": "pbkdf2_sha256$$720000$${{B64_SECRET}}", "username": "${user}", "is_superuser": true}},
{"model": "${djmodel}", "pk": ${num}, "fields": {"phone": "{{PHONE_MR}}", "ssn": "{{SSN}}", "iban": "{{IBAN}}"}}
]""",
    """$$ python manage.py dumpdata auth.user ${djmodel} --indent 2 > /tmp/fixture.json
CommandError: Unable to serialize database: (psycopg.OperationalError) connection failed: FATAL:  password authentication failed for user "${dbuser}"
DATABASES['default'] = {'ENGINE': 'django.db.backends.postgresql', 'HOST': '${dbhost}', 'PORT': '${pgport}', 'NAME': '${db}', 'USER': '${dbuser}', 'PASSWORD': '{{PASSWORD}}'}
{"model": "auth.user", "pk": 2, "fields": {"password": "argon2$$argon2id$$v=19$$m=102400,t=2,p=8$${{B64_SECRET}}", "email": "{{EMAIL}}"}}""",
], ["Problem installing fixture '/app/${djapp}/fixtures/${fixture}'", "Could not load ${djmodel}(pk=${num})", "unique constraint \"${constraint}\"", "{\"model\": \"auth.user\", \"pk\": 1", "\"username\": \"${user}\"", "\"is_superuser\": true", "python manage.py dumpdata auth.user ${djmodel} --indent 2", "password authentication failed for user \"${dbuser}\"", "'HOST': '${dbhost}', 'PORT': '${pgport}', 'NAME': '${db}', 'USER': '${dbuser}'", "{\"model\": \"auth.user\", \"pk\": 2"],
    marker="\"model\": \"auth.user\"")

fam("gradle-proxy-system-props", "https://docs.gradle.org/current/userguide/networking_with_gradle.html#sec:accessing_the_web_via_a_proxy; https://docs.gradle.org/current/userguide/build_environment.html", [
    """> Task :${mvnmodule}:test FAILED
Could not resolve all files for configuration ':${mvnmodule}:testRuntimeClasspath'.
   > Could not GET 'https://${apihost}/artifactory/libs-release/org/testcontainers/postgresql/1.19.8/postgresql-1.19.8.pom'. Received status code 407 from server: Proxy Authentication Required
gradle.properties (effective):
  systemProp.https.proxyHost=${proxyhost}
  systemProp.https.proxyPort=3128
  systemProp.https.proxyUser=${user}
  systemProp.https.proxyPassword={{PASSWORD}}
  artifactoryApiKey={{ARTIFACTORY}}""",
    """* What went wrong:
Execution failed for task ':${mvnmodule}:publishMavenPublicationToNexusRepository'.
> Failed to publish publication 'maven' to repository 'nexus'
   > Could not PUT 'https://${apihost}/repository/maven-releases/'. Received status code 401 from server: Unauthorized
  -Dorg.gradle.jvmargs=-Xmx2g -DsystemProp.https.proxyPassword={{PASSWORD}} -PnexusUsername=${user} -PnexusPassword={{PASSWORD:2}}""",
], ["> Task :${mvnmodule}:test FAILED", "configuration ':${mvnmodule}:testRuntimeClasspath'", "postgresql-1.19.8.pom", "Received status code 407 from server: Proxy Authentication Required", "systemProp.https.proxyHost=${proxyhost}", "systemProp.https.proxyPort=3128", "systemProp.https.proxyUser=${user}", "Execution failed for task ':${mvnmodule}:publishMavenPublicationToNexusRepository'.", "Could not PUT 'https://${apihost}/repository/maven-releases/'", "-PnexusUsername=${user}"],
    marker="systemProp.https.proxyPassword")

fam("golang-migrate-cli-error", "https://github.com/golang-migrate/migrate/tree/master/cmd/migrate#usage; https://github.com/golang-migrate/migrate/blob/master/GETTING_STARTED.md", [
    """$$ migrate -path ${gomigdir} -database "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=disable" up
error: Dirty database version 20240514101203. Fix and force version.
--- FAIL: ${gotest} (0.42s)
    migrate_test.go:${line}: migrate up: Dirty database version 20240514101203""",
    """$$ migrate -source file://${gomigdir} -database "mysql://${dbuser}:{{PASSWORD}}@tcp(${dbhost}:${myport})/${db}?multiStatements=true" -verbose up 2
2024/05/14 10:12:03 Start buffering 20240514101203/u add_customer_phone
2024/05/14 10:12:03 error: migration failed in line 0: INSERT INTO customers (email, phone) VALUES ('{{EMAIL}}', '{{PHONE_SO}}'); (details: Error 1062 (23000): Duplicate entry '{{EMAIL}}' for key 'customers.email')""",
], ["migrate -path ${gomigdir} -database \"postgres://${dbuser}:", "@${dbhost}:${pgport}/${db}?sslmode=disable\" up", "error: Dirty database version 20240514101203. Fix and force version.", "--- FAIL: ${gotest} (0.42s)", "migrate -source file://${gomigdir} -database \"mysql://${dbuser}:", "@tcp(${dbhost}:${myport})/${db}?multiStatements=true", "Start buffering 20240514101203/u add_customer_phone", "Error 1062 (23000): Duplicate entry", "for key 'customers.email'"],
    marker="Fix and force version")

fam("rspec-double-unexpected-arguments", "https://rspec.info/features/3-13/rspec-mocks/setting-constraints/matching-arguments/; https://github.com/rspec/rspec-mocks", [
    """  1) PaymentGateway charges the card
     Failure/Error: client.post("/v1/charges", body)

       #<Double "http client"> received :post with unexpected arguments
         expected: ("/v1/charges", {:amount=>1999, :currency=>"eur"})
              got: ("/v1/charges", {:amount=>1999, :currency=>"eur", :card=>"{{CARD}}", :api_key=>"{{STRIPE_SK}}"})
        Please stub a default value first if message might be received with other args as well.
     # ./${rspecfile}:${line}:in `block (2 levels) in <top (required)>'""",
    """  2) ZendeskSync pushes the ticket
     Failure/Error: ZendeskAPI::Client.new(config)

       ZendeskAPI::Client (class) received :new with unexpected arguments
         expected: ({:url=>"https://${apihost}/api/v2"})
              got: ({:url=>"https://${apihost}/api/v2", :username=>"{{EMAIL}}/token", :token=>"{{ZENDESK_TOKEN}}"})
     # ./${rspecfile}:${line}:in `block (3 levels) in <top (required)>'""",
], ["PaymentGateway charges the card", "Failure/Error: client.post(\"/v1/charges\", body)", "received :post with unexpected arguments", "expected: (\"/v1/charges\", {:amount=>1999, :currency=>\"eur\"})", "./${rspecfile}:${line}:in `block (2 levels) in <top (required)>'", "ZendeskSync pushes the ticket", "received :new with unexpected arguments", "{:url=>\"https://${apihost}/api/v2\"}", "./${rspecfile}:${line}:in `block (3 levels)"],
    marker="with unexpected arguments")

fam("laravel-assert-database-has", "https://laravel.com/docs/11.x/database-testing#assert-database-has; https://laravel.com/docs/11.x/testing", [
    """   FAILED  Tests\\Feature\\RegistrationTest > it stores the customer
  Failed asserting that a row in the table [${lvtable}] matches the attributes {
    "email": "{{EMAIL}}",
    "phone": "{{PHONE_SY}}"
}.

Found similar results: [
    {
        "email": "{{EMAIL}}",
        "phone": "{{PHONE_SY:2}}",
        "remember_token": "{{ALNUM24}}"
    }
].

  at tests/Feature/RegistrationTest.php:${line}""",
    """   FAILED  Tests\\Feature\\PayoutTest > it saves the bank account
  Failed asserting that a row in the table [${lvtable}] matches the attributes {
    "iban": "{{IBAN}}",
    "tax_id": "{{UID_AT}}"
}.

The table is empty.
  DB_CONNECTION=mysql DB_HOST=${dbhost} DB_PORT=${myport} DB_DATABASE=${db} DB_USERNAME=${dbuser} DB_PASSWORD={{PASSWORD}}
  at tests/Feature/PayoutTest.php:${line}""",
], ["FAILED  Tests\\Feature\\RegistrationTest > it stores the customer", "Failed asserting that a row in the table [${lvtable}] matches the attributes", "Found similar results:", "at tests/Feature/RegistrationTest.php:${line}", "FAILED  Tests\\Feature\\PayoutTest > it saves the bank account", "The table is empty.", "DB_HOST=${dbhost} DB_PORT=${myport} DB_DATABASE=${db} DB_USERNAME=${dbuser}", "at tests/Feature/PayoutTest.php:${line}"],
    marker="matches the attributes")

fam("laravel-tinker-config-array", "https://laravel.com/docs/11.x/artisan#tinker; https://github.com/bobthecow/psysh", [
    """$$ php artisan tinker
Psy Shell v0.12.3 (PHP 8.3.6 — cli) by Justin Hileman
> config('database.connections.mysql')
= [
    "driver" => "mysql",
    "host" => "${dbhost}",
    "port" => "${myport}",
    "database" => "${db}",
    "username" => "${dbuser}",
    "password" => "{{PASSWORD}}",
    "unix_socket" => "",
  ]""",
    """> config('services')
= [
    "postmark" => [
      "token" => "{{POSTMARK_TOKEN}}",
    ],
    "resend" => [
      "key" => "{{RESEND_KEY}}",
    ],
    "slack" => [
      "notifications" => [
        "bot_user_oauth_token" => "{{SLACK_BOT}}",
        "channel" => "#${k8sdeploy}-alerts",
      ],
    ],
  ]""",
], ["php artisan tinker", "Psy Shell v0.12.3 (PHP 8.3.6 — cli) by Justin Hileman", "config('database.connections.mysql')", "\"host\" => \"${dbhost}\"", "\"port\" => \"${myport}\"", "\"database\" => \"${db}\"", "\"username\" => \"${dbuser}\"", "\"unix_socket\" => \"\"", "config('services')", "\"channel\" => \"#${k8sdeploy}-alerts\""],
    marker="> config('database")

# --- CI ----------------------------------------------------------------------------------------------------------------

fam("gha-service-container-start", "https://docs.github.com/en/actions/using-containerized-services/about-service-containers; https://docs.github.com/en/actions/using-containerized-services/creating-postgresql-service-containers", [
    """Initialize containers
Starting ${ghsvc} service container
/usr/bin/docker pull postgres:16
/usr/bin/docker create --name ${hex32}_postgres16_${hex8} --label ${hex6} --network github_network_${hex32} --network-alias ${ghsvc} -p 5432:5432 --health-cmd pg_isready --health-interval 10s -e "POSTGRES_USER=${dbuser}" -e "POSTGRES_PASSWORD={{PASSWORD}}" -e "POSTGRES_DB=${db}" -e GITHUB_ACTIONS=true -e CI=true postgres:16
${containerid}
Waiting for all services to be ready
${ghsvc} service is starting, waiting 2 seconds before checking again.
Failed to initialize, ${ghsvc} service is unhealthy.""",
    """Starting ${ghsvc} service container
/usr/bin/docker create --name ${hex32}_redis7_${hex8} --network-alias ${ghsvc} -p 6379:6379 -e "REDIS_PASSWORD={{HEX32}}" -e "MYSQL_ROOT_PASSWORD={{PASSWORD}}" -e "SENTRY_AUTH_TOKEN={{SENTRY_ORG_TOKEN}}" redis:7
/usr/bin/docker start ${containerid}
Error: Process completed with exit code 1.
  env: DATABASE_URL: postgres://${dbuser}:{{PASSWORD:2}}@localhost:5432/${db}""",
], ["Initialize containers", "Starting ${ghsvc} service container", "/usr/bin/docker pull postgres:16", "--network-alias ${ghsvc} -p 5432:5432 --health-cmd pg_isready", "\"POSTGRES_USER=${dbuser}\"", "\"POSTGRES_DB=${db}\"", "Waiting for all services to be ready", "Failed to initialize, ${ghsvc} service is unhealthy.", "/usr/bin/docker start ${containerid}", "Error: Process completed with exit code 1.", "@localhost:5432/${db}"],
    marker="Starting postgres service container")

fam("gitlab-ci-services-wait", "https://docs.gitlab.com/ee/ci/services/; https://docs.gitlab.com/ee/ci/services/postgres.html", [
    """Running with gitlab-runner 16.11.0 (${hex8})
  on ${runner} ${alnum8}, system ID: s_${hex12}
Preparing the "docker" executor
Starting service postgres:16 ...
Pulling docker image postgres:16 ...
Waiting for services to be up and running (timeout 30 seconds)...
*** WARNING: Service runner-${alnum8}-project-${num}-concurrent-0-${hex16}-postgres-0 probably didn't start properly.
Health check error:
service "runner-${alnum8}-project-${num}-concurrent-0-${hex16}-postgres-0-wait-for-service" timeout
Service container logs:
2024-05-14T10:12:03.118Z FATAL:  password authentication failed for user "${dbuser}"
2024-05-14T10:12:03.118Z DETAIL:  Connection matched pg_hba.conf line 100: "host all all all scram-sha-256"
variables: POSTGRES_PASSWORD: "{{PASSWORD}}"  DATABASE_URL: "postgresql://${dbuser}:{{PASSWORD}}@postgres:5432/${db}\"""",
    """Starting service redis:7 ...
Waiting for services to be up and running (timeout 30 seconds)...
$$ export REDIS_URL="redis://:{{HEX32}}@redis:6379/0"
$$ export AZURE_OPENAI_API_KEY={{AZURE_OPENAI_KEY}}
$$ bundle exec rspec ${rspecfile}
Redis::CannotConnectError: Error connecting to Redis on redis:6379 (Redis::TimeoutError)""",
], ["Running with gitlab-runner 16.11.0 (${hex8})", "on ${runner} ${alnum8}, system ID: s_${hex12}", "Preparing the \"docker\" executor", "Starting service postgres:16 ...", "Waiting for services to be up and running (timeout 30 seconds)...", "probably didn't start properly.", "password authentication failed for user \"${dbuser}\"", "Connection matched pg_hba.conf line 100", "@postgres:5432/${db}", "Starting service redis:7 ...", "@redis:6379/0", "bundle exec rspec ${rspecfile}", "Error connecting to Redis on redis:6379 (Redis::TimeoutError)"],
    marker="Waiting for services to be up and running")

fam("circleci-config-process-output", "https://circleci.com/docs/how-to-use-the-circleci-local-cli/#processing-a-config; https://circleci.com/docs/configuration-reference/#environment", [
    """$$ circleci config process .circleci/config.yml
# Original config.yml file:
# ...
version: 2
jobs:
  e2e:
    docker:
    - image: cimg/node:20.11
      auth:
        username: ${user}
        password: {{DOCKER_PAT}}
    - image: cimg/postgres:16.2
      environment:
        POSTGRES_USER: ${dbuser}
        POSTGRES_PASSWORD: {{PASSWORD}}
        POSTGRES_DB: ${db}
Error: config compilation contains errors: jobs.e2e.steps: required""",
    """$$ circleci config process .circleci/config.yml
version: 2
jobs:
  deploy:
    environment:
      MIXPANEL_API_SECRET: {{MIXPANEL_SECRET}}
      AWS_ACCESS_KEY_ID: {{AWS_KEY_ID}}
      AWS_SECRET_ACCESS_KEY: {{AWS_SECRET}}
      AWS_REGION: ${region}
    steps:
    - run: aws s3 sync build/ s3://${bucket}/
Error: ERROR IN CONFIG FILE: [#/jobs/deploy] required key [docker] not found""",
], ["circleci config process .circleci/config.yml", "# Original config.yml file:", "image: cimg/node:20.11", "username: ${user}", "image: cimg/postgres:16.2", "POSTGRES_USER: ${dbuser}", "POSTGRES_DB: ${db}", "config compilation contains errors: jobs.e2e.steps: required", "AWS_REGION: ${region}", "aws s3 sync build/ s3://${bucket}/", "[#/jobs/deploy] required key [docker] not found"],
    marker="circleci config process")

# --- Containers, clusters, infrastructure ------------------------------------------------------------------------------

fam("kubectl-diff-live-merged", "https://kubernetes.io/docs/reference/generated/kubectl/kubectl-commands#diff; https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-view-changes", [
    """$$ kubectl diff -f k8s/${k8sdeploy}.yaml -n ${k8sns}
diff -u -N /tmp/LIVE-${num}/apps.v1.Deployment.${k8sns}.${k8sdeploy} /tmp/MERGED-${num}/apps.v1.Deployment.${k8sns}.${k8sdeploy}
--- /tmp/LIVE-${num}/apps.v1.Deployment.${k8sns}.${k8sdeploy}	2024-05-14 10:12:03.118 +0000
+++ /tmp/MERGED-${num}/apps.v1.Deployment.${k8sns}.${k8sdeploy}	2024-05-14 10:12:03.119 +0000
@@ -41,9 +41,9 @@
         - name: DATABASE_URL
-          value: postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
+          value: postgres://${dbuser}:{{PASSWORD:2}}@${dbhost}:${pgport}/${db}
         - name: PAGERDUTY_TOKEN
-          value: {{PAGERDUTY_TOKEN}}
+          value: {{PAGERDUTY_TOKEN:2}}
exit status 1""",
    """diff -u -N /tmp/LIVE-${num}/v1.Secret.${k8sns}.${k8sdeploy}-env /tmp/MERGED-${num}/v1.Secret.${k8sns}.${k8sdeploy}-env
@@ -3,7 +3,7 @@
 stringData:
-  OPSGENIE_API_KEY: {{OPSGENIE_KEY}}
+  OPSGENIE_API_KEY: {{OPSGENIE_KEY:2}}
   SUPPORT_PHONE: "{{PHONE_LR}}"
 kind: Secret""",
], ["kubectl diff -f k8s/${k8sdeploy}.yaml -n ${k8sns}", "diff -u -N /tmp/LIVE-${num}/apps.v1.Deployment.${k8sns}.${k8sdeploy}", "/tmp/MERGED-${num}/apps.v1.Deployment.${k8sns}.${k8sdeploy}", "@@ -41,9 +41,9 @@", "- name: DATABASE_URL", "@${dbhost}:${pgport}/${db}", "- name: PAGERDUTY_TOKEN", "exit status 1", "/tmp/LIVE-${num}/v1.Secret.${k8sns}.${k8sdeploy}-env", "stringData:", "kind: Secret"],
    marker="diff -u -N")

fam("kubectl-config-view-raw", "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_config/kubectl_config_view/; https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/", [
    """$$ kubectl config view --raw --minify
apiVersion: v1
clusters:
- cluster:
    insecure-skip-tls-verify: true
    server: https://${k8sapi}
  name: ${k8scluster}
contexts:
- context:
    cluster: ${k8scluster}
    namespace: ${k8sns}
    user: ${user}
  name: ${k8scluster}
users:
- name: ${user}
  user:
    token: {{K8S_SA_TOKEN}}
error: You must be logged in to the server (Unauthorized)""",
    """$$ kubectl config view --raw -o jsonpath='{.users[0].user}'
{"client-certificate-data":"{{B64_SECRET}}","client-key-data":"{{B64_SECRET:2}}","username":"${user}","password":"{{PASSWORD}}"}
Unable to connect to the server: dial tcp ${privip}:6443: i/o timeout""",
], ["kubectl config view --raw --minify", "server: https://${k8sapi}", "name: ${k8scluster}", "cluster: ${k8scluster}", "namespace: ${k8sns}", "user: ${user}", "error: You must be logged in to the server (Unauthorized)", "kubectl config view --raw -o jsonpath='{.users[0].user}'", "\"username\":\"${user}\"", "dial tcp ${privip}:6443: i/o timeout"],
    marker="config view --raw")

fam("terraform-invalid-variable-value", "https://developer.hashicorp.com/terraform/language/values/variables#custom-validation-rules; https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output", [
    """╷
│ Error: Invalid value for variable
│
│   on terraform.tfvars line ${line}:
│   ${line}: ${tfvar} = "{{PASSWORD}}"
│     ├────────────────
│     │ var.${tfvar} is "{{PASSWORD}}"
│
│ The password must be at least 16 characters.
│
│ This was checked by the validation rule at variables.tf:${line},3-13.
╵""",
    """$$ terraform plan -var 'admin_email={{EMAIL}}' -var 'pd_token={{PAGERDUTY_TOKEN}}' -var 'region=${region}'
╷
│ Error: Invalid value for variable
│
│   on <value for var.support_phone> line 1:
│   (source code not available)
│     │ var.support_phone is "{{PHONE_TM}}"
│
│ Phone numbers must be in E.164 format.
╵""",
], ["Error: Invalid value for variable", "on terraform.tfvars line ${line}:", "var.${tfvar} is", "The password must be at least 16 characters.", "This was checked by the validation rule at variables.tf:${line},3-13.", "-var 'region=${region}'", "on <value for var.support_phone> line 1:", "(source code not available)", "Phone numbers must be in E.164 format."],
    marker="Invalid value for variable")

# --- Cloud SDKs and CLIs -----------------------------------------------------------------------------------------------

fam("aws-sdk-java-credentials-chain", "https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html; https://github.com/aws/aws-sdk-java-v2/issues/3422", [
    """software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider(), WebIdentityTokenFileCredentialsProvider(), ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile(sections=[profiles], profiles=[Profile(name=ci, properties=[aws_access_key_id, aws_secret_access_key])]))]) : [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings. Access key must be specified either via environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).]
	at ${javapkg}.S3ExportIT.setUp(S3ExportIT.java:${line})
[surefire] -Daws.accessKeyId= -Daws.secretAccessKey={{AWS_SECRET}} -Daws.region=${region}""",
    """Caused by: software.amazon.awssdk.services.sts.model.StsException: The security token included in the request is invalid. (Service: Sts, Status Code: 403, Request ID: ${uuid})
StaticCredentialsProvider(credentials=AwsSessionCredentials(accessKeyId={{AWS_STS_KEY_ID}}, secretAccessKey={{AWS_SECRET}}, sessionToken={{AWS_SESSION_TOKEN}}))
	at ${javapkg}.AssumeRoleIT.assumes(AssumeRoleIT.java:${line})""",
], ["software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain", "SystemPropertyCredentialsProvider()", "EnvironmentVariableCredentialsProvider()", "ProfileCredentialsProvider(profileName=default", "Profile(name=ci, properties=[aws_access_key_id, aws_secret_access_key])", "at ${javapkg}.S3ExportIT.setUp(S3ExportIT.java:${line})", "-Daws.region=${region}", "The security token included in the request is invalid.", "Request ID: ${uuid}", "at ${javapkg}.AssumeRoleIT.assumes(AssumeRoleIT.java:${line})"],
    marker="Unable to load credentials from any of the providers")

fam("aws-dynamodb-document-client-marshall", "https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-dynamodb/; https://github.com/aws/aws-sdk-js-v3/issues/1840", [
    """Error: Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.
    at convertToAttr (/app/node_modules/@aws-sdk/util-dynamodb/dist-cjs/convertToAttr.js:${line}:15)
    at DynamoDBDocumentClient.send (/app/node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js:${line}:30)
  command: PutCommand {
    input: { TableName: '${table}', Item: { pk: 'CUST#${uuid}', email: '{{EMAIL}}', phone: '{{PHONE_BZ}}', vatId: '{{UID_AT}}', middleName: undefined } }
  }
  clientConfig: { region: '${region}', credentials: { accessKeyId: '{{AWS_KEY_ID}}', secretAccessKey: '{{AWS_SECRET}}' } }""",
    """Error: Unsupported type passed: [object Object]. Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.
    at convertToAttr (/app/node_modules/@aws-sdk/util-dynamodb/dist-cjs/convertToAttr.js:${line}:11)
  command: UpdateCommand { input: { TableName: '${table}', Key: { pk: 'SESSION#${uuid}' }, UpdateExpression: 'SET #t = :t', ExpressionAttributeValues: { ':t': { refreshToken: '{{HEX64}}', iban: '{{IBAN}}' } } } }""",
], ["Error: Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.", "/app/node_modules/@aws-sdk/util-dynamodb/dist-cjs/convertToAttr.js:${line}:15", "DynamoDBDocumentClient.send (/app/node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js:${line}:30)", "command: PutCommand {", "TableName: '${table}'", "pk: 'CUST#${uuid}'", "middleName: undefined", "region: '${region}'", "Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.", "pk: 'SESSION#${uuid}'", "UpdateExpression: 'SET #t = :t'"],
    marker="removeUndefinedValues")

fam("az-webapp-appsettings-list", "https://learn.microsoft.com/en-us/cli/azure/webapp/config/appsettings#az-webapp-config-appsettings-list; https://learn.microsoft.com/en-us/azure/app-service/configure-common", [
    """$$ az webapp config appsettings list --name ${webapp} --resource-group ${azrg}
[
  {
    "name": "ConnectionStrings__Default",
    "slotSetting": false,
    "value": "Server=tcp:${sqlsrvhost},1433;Initial Catalog=${sqlsrvdb};User ID=${dbuser};Password={{PASSWORD}};Encrypt=True;"
  },
  {
    "name": "BUGSNAG_API_KEY",
    "slotSetting": true,
    "value": "{{BUGSNAG_KEY}}"
  },
  {
    "name": "WEBSITE_RUN_FROM_PACKAGE",
    "slotSetting": false,
    "value": "1"
  }
]""",
    """$$ az functionapp config appsettings list -n ${webapp} -g ${azrg} -o table
Name                                   SlotSetting    Value
-------------------------------------  -------------  ------------------------------------------------------------
AzureWebJobsStorage                    False          DefaultEndpointsProtocol=https;AccountName=${azacct};AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net
APPCENTER_API_TOKEN                    True           {{APPCENTER_TOKEN}}
FUNCTIONS_WORKER_RUNTIME               False          node""",
], ["az webapp config appsettings list --name ${webapp} --resource-group ${azrg}", "\"name\": \"ConnectionStrings__Default\"", "\"slotSetting\": false", "Server=tcp:${sqlsrvhost},1433;Initial Catalog=${sqlsrvdb};User ID=${dbuser};", "\"name\": \"BUGSNAG_API_KEY\"", "\"name\": \"WEBSITE_RUN_FROM_PACKAGE\"", "az functionapp config appsettings list -n ${webapp} -g ${azrg} -o table", "AccountName=${azacct};", "EndpointSuffix=core.windows.net", "FUNCTIONS_WORKER_RUNTIME               False          node"],
    marker="\"slotSetting\"")

fam("firebase-functions-config-get", "https://firebase.google.com/docs/functions/config-env?gen=1st#env-config; https://firebase.google.com/docs/cli", [
    """$$ firebase functions:config:get --project ${fbproject}
{
  "stripe": {
    "secret": "{{STRIPE_SK}}",
    "webhook_secret": "{{WHSEC}}"
  },
  "mailgun": {
    "key": "{{MAILGUN_KEY}}",
    "domain": "mg.${cookiedomain}"
  },
  "support": {
    "phone": "{{PHONE_CU}}"
  }
}
Error: functions:config is deprecated and will be removed; ${fbfn} failed to deploy""",
    """i  functions: loading config from functions:config:get for ${fbproject}
!  functions: Failed to load function definition from source: FirebaseError: User code failed to load. Cannot determine backend specification
    runtimeconfig: {"algolia":{"app_id":"${upper10}","admin_key":"{{ALGOLIA_ADMIN}}"},"expo":{"token":"{{EXPO_TOKEN}}"}}
Functions deploy had errors with the following functions:
	${fbfn}(europe-west1)""",
], ["firebase functions:config:get --project ${fbproject}", "\"domain\": \"mg.${cookiedomain}\"", "functions:config is deprecated", "${fbfn} failed to deploy", "loading config from functions:config:get for ${fbproject}", "User code failed to load. Cannot determine backend specification", "\"app_id\":\"${upper10}\"", "Functions deploy had errors with the following functions:", "${fbfn}(europe-west1)"],
    marker="functions:config:get")

# --- Databases, drivers, ORMs, queues ------------------------------------------------------------------------------------

fam("psql-conninfo-and-pgpassword", "https://www.postgresql.org/docs/current/app-psql.html#APP-PSQL-META-COMMAND-CONNINFO; https://www.postgresql.org/docs/current/libpq-envars.html", [
    """+ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c '\\conninfo'
You are connected to database "${db}" as user "${dbuser}" on host "${dbhost}" (address "${privip}") at port "${pgport}".
SSL connection (protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384, compression: off)
+ psql "$$DATABASE_URL" -c "select id, email, phone from customers where ssn = '{{SSN}}'"
psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory""",
    """$$ env | grep ^PG
PGHOST=${dbhost}
PGPORT=${pgport}
PGDATABASE=${db}
PGUSER=${dbuser}
PGPASSWORD={{PASSWORD}}
$$ psql -c '\\conninfo'
You are connected to database "${db}" as user "${dbuser}" on host "${dbhost}" at port "${pgport}".
${db}=> select email, phone from customers limit 1;
       email        |     phone
--------------------+----------------
 {{EMAIL}} | {{PHONE_GM}}""",
], ["psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c '\\conninfo'", "You are connected to database \"${db}\" as user \"${dbuser}\" on host \"${dbhost}\"", "(address \"${privip}\") at port \"${pgport}\"", "SSL connection (protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384, compression: off)", "select id, email, phone from customers where ssn =", "/var/run/postgresql/.s.PGSQL.5432", "PGHOST=${dbhost}", "PGPORT=${pgport}", "PGDATABASE=${db}", "PGUSER=${dbuser}", "${db}=> select email, phone from customers limit 1;"],
    marker="You are connected to database")

fam("mongodb-server-selection-topology", "https://www.mongodb.com/docs/drivers/node/current/fundamentals/connection/connection-troubleshooting/; https://github.com/mongodb/node-mongodb-native/blob/main/src/sdam/topology_description.ts", [
    """MongoServerSelectionError: connect ECONNREFUSED ${privip}:27017
    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:${line}:34) {
  reason: TopologyDescription {
    type: 'ReplicaSetNoPrimary',
    servers: Map(1) { '${mongohost}:27017' => [ServerDescription] },
    setName: 'rs0',
    compatible: true,
    heartbeatFrequencyMS: 10000,
    localThresholdMS: 15,
  },
  code: undefined,
  [Symbol(errorLabels)]: Set(0) {}
}
  uri: 'mongodb://${mongouser}:{{PASSWORD}}@${mongohost}:27017/${db}?replicaSet=rs0&authSource=admin'""",
    """MongoServerSelectionError: Server selection timed out after 30000 ms
  reason: TopologyDescription { type: 'Unknown', servers: Map(1) { '${mongohost}:27017' => [ServerDescription] }, logicalSessionTimeoutMinutes: undefined }
  options: { auth: { username: '${mongouser}', password: '{{PASSWORD}}' }, authMechanism: 'SCRAM-SHA-256', dbName: '${db}' }
  ✕ ${mongocoll} repository stores the phone ({{PHONE_SC}}) (30012 ms)""",
], ["MongoServerSelectionError: connect ECONNREFUSED ${privip}:27017", "/app/node_modules/mongodb/lib/sdam/topology.js:${line}:34", "reason: TopologyDescription {", "type: 'ReplicaSetNoPrimary'", "'${mongohost}:27017' => [ServerDescription]", "setName: 'rs0'", "heartbeatFrequencyMS: 10000", "mongodb://${mongouser}:", "@${mongohost}:27017/${db}?replicaSet=rs0&authSource=admin", "Server selection timed out after 30000 ms", "username: '${mongouser}'", "authMechanism: 'SCRAM-SHA-256', dbName: '${db}'", "${mongocoll} repository stores the phone"],
    marker="TopologyDescription")

fam("redis-cli-password-warning", "https://redis.io/docs/latest/develop/tools/cli/#host-port-password-and-database; https://github.com/redis/redis/issues/8587", [
    """+ redis-cli -h ${redishost} -p 6379 -a {{HEX32}} --user ${redisuser} PING
Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.
AUTH failed: WRONGPASS invalid username-password pair or user is disabled.
+ redis-cli -u redis://${redisuser}:{{HEX32:2}}@${redishost}:6380/2 --tls GET "session:{{HEX64}}"
Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.
(nil)""",
    """$$ redis-cli -h ${redishost} -a '{{PASSWORD}}' HGETALL customer:${uuid}
Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.
1) "email"
2) "{{EMAIL}}"
3) "phone"
4) "{{PHONE_LI}}"
5) "card"
6) "{{CARD}}\"""",
], ["redis-cli -h ${redishost} -p 6379 -a", "--user ${redisuser} PING", "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.", "AUTH failed: WRONGPASS invalid username-password pair or user is disabled.", "redis://${redisuser}:", "@${redishost}:6380/2 --tls GET", "(nil)", "HGETALL customer:${uuid}", "1) \"email\"", "3) \"phone\""],
    marker="Using a password with '-a'")

fam("prisma-p1000-auth-failed", "https://www.prisma.io/docs/orm/reference/error-reference#p1000; https://www.prisma.io/docs/orm/reference/connection-urls", [
    """Error: P1000: Authentication failed against database server at `${dbhost}`, the provided database credentials for `${dbuser}` are not valid.

Please make sure to provide valid database credentials for the database server at `${dbhost}`.
Datasource "db": PostgreSQL database "${db}", schema "public" at "${dbhost}:${pgport}"
  DATABASE_URL="postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?schema=public&connection_limit=5"
 ELIFECYCLE  Command failed with exit code 1.""",
    """PrismaClientInitializationError: Authentication failed against database server at `${dbhost}`, the provided database credentials for `${dbuser}` are not valid.
    at r (/app/node_modules/@prisma/client/runtime/library.js:${line}:${col}) {
  clientVersion: '5.14.0',
  errorCode: 'P1000'
}
prisma:info datasourceUrl=mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}?sslaccept=strict""",
], ["Error: P1000: Authentication failed against database server at `${dbhost}`", "the provided database credentials for `${dbuser}` are not valid.", "Datasource \"db\": PostgreSQL database \"${db}\", schema \"public\" at \"${dbhost}:${pgport}\"", "postgresql://${dbuser}:", "@${dbhost}:${pgport}/${db}?schema=public&connection_limit=5", "ELIFECYCLE  Command failed with exit code 1.", "PrismaClientInitializationError", "/app/node_modules/@prisma/client/runtime/library.js:${line}:${col}", "clientVersion: '5.14.0'", "errorCode: 'P1000'", "@${dbhost}:${myport}/${db}?sslaccept=strict"],
    marker="Authentication failed against database server")

fam("typeorm-logger-query-failed", "https://typeorm.io/logging; https://github.com/typeorm/typeorm/blob/master/src/logger/AdvancedConsoleLogger.ts", [
    """query failed: INSERT INTO "customer"("id", "email", "phone", "tax_id", "createdAt") VALUES (DEFAULT, $$1, $$2, $$3, DEFAULT) RETURNING "id", "createdAt" -- PARAMETERS: ["{{EMAIL}}","{{PHONE_CV}}","{{TVA_FR}}"]
error: error: duplicate key value violates unique constraint "${pgconstraint}"
[Nest] ${num}  - 05/14/2024, 10:12:03 AM   ERROR [ExceptionsHandler] duplicate key value violates unique constraint "${pgconstraint}"
QueryFailedError: duplicate key value violates unique constraint "${pgconstraint}"
    at PostgresQueryRunner.query (/app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:${line}:19)""",
    """query failed: UPDATE "user" SET "passwordResetToken" = $$1, "iban" = $$2 WHERE "id" IN ($$3) -- PARAMETERS: ["{{HEX64}}","{{IBAN}}","${uuid}"]
error: Error: Connection terminated unexpectedly
  dataSource: { type: 'postgres', host: '${dbhost}', port: ${pgport}, username: '${dbuser}', password: '{{PASSWORD}}', database: '${db}' }""",
], ["query failed: INSERT INTO \"customer\"(\"id\", \"email\", \"phone\", \"tax_id\", \"createdAt\")", "RETURNING \"id\", \"createdAt\" -- PARAMETERS:", "duplicate key value violates unique constraint \"${pgconstraint}\"", "ERROR [ExceptionsHandler]", "/app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:${line}:19", "query failed: UPDATE \"user\" SET \"passwordResetToken\" = $$1, \"iban\" = $$2 WHERE \"id\" IN ($$3)", "\"${uuid}\"]", "Error: Connection terminated unexpectedly", "host: '${dbhost}', port: ${pgport}, username: '${dbuser}'", "database: '${db}'"],
    marker="query failed:")

fam("knex-debug-query-object", "https://knexjs.org/guide/#debug; https://knexjs.org/guide/query-builder.html#tosql", [
    """knex:query insert into `customers` (`email`, `phone`, `ssn`) values (?, ?, ?) undefined +0ms
knex:bindings [ '{{EMAIL}}', '{{PHONE_SZ}}', '{{SSN}}' ] undefined +0ms
{
  method: 'insert',
  options: {},
  timeout: false,
  cancelOnTimeout: false,
  bindings: [ '{{EMAIL}}', '{{PHONE_SZ}}', '{{SSN}}' ],
  __knexQueryUid: '${alnum21}',
  sql: 'insert into `customers` (`email`, `phone`, `ssn`) values (?, ?, ?)'
}
Error: ER_ACCESS_DENIED_ERROR: Access denied for user '${dbuser}'@'${privip}' (using password: YES)""",
    """{
  method: 'update',
  bindings: [ '{{HEX64}}', '{{REGON_PL}}', '${uuid}' ],
  __knexQueryUid: '${alnum21}',
  sql: 'update "accounts" set "api_token" = ?, "regon" = ? where "id" = ?'
}
  connection: { host: '${dbhost}', port: ${pgport}, user: '${dbuser}', password: '{{PASSWORD}}', database: '${db}' }""",
], ["knex:query insert into `customers` (`email`, `phone`, `ssn`) values (?, ?, ?) undefined +0ms", "method: 'insert'", "cancelOnTimeout: false", "__knexQueryUid: '${alnum21}'", "sql: 'insert into `customers` (`email`, `phone`, `ssn`) values (?, ?, ?)'", "Access denied for user '${dbuser}'@'${privip}' (using password: YES)", "method: 'update'", "'${uuid}' ]", "sql: 'update \"accounts\" set \"api_token\" = ?, \"regon\" = ? where \"id\" = ?'", "host: '${dbhost}', port: ${pgport}, user: '${dbuser}'", "database: '${db}'"],
    marker="__knexQueryUid")

fam("kafkajs-sasl-authentication-error", "https://kafka.js.org/docs/configuration#sasl; https://github.com/tulios/kafkajs/issues/1168", [
    """{"level":"ERROR","timestamp":"2024-05-14T10:12:03.118Z","logger":"kafkajs","message":"[Connection] Response SaslAuthenticate(key: 36, version: 2)","broker":"${kafkahost}:9096","clientId":"${kafkaclient}","error":"SASL SCRAM SHA512 authentication failed","correlationId":1,"size":73}
KafkaJSSASLAuthenticationError: SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512
  config: { clientId: '${kafkaclient}', brokers: [ '${kafkahost}:9096' ], ssl: true, sasl: { mechanism: 'scram-sha-512', username: '${user}', password: '{{PASSWORD}}' } }""",
    """KafkaJSSASLAuthenticationError: SASL PLAIN authentication failed: Authentication failed
    at SASLAuthenticator.authenticate (/app/node_modules/kafkajs/src/broker/saslAuthenticator/index.js:${line}:19)
  sasl: { mechanism: 'plain', username: '{{CONFLUENT_KEY}}', password: '{{CONFLUENT_SECRET}}' }
  brokers: [ 'pkc-${lower5}.${region}.aws.confluent.cloud:9092' ]""",
], ["[Connection] Response SaslAuthenticate(key: 36, version: 2)", "\"broker\":\"${kafkahost}:9096\"", "\"clientId\":\"${kafkaclient}\"", "KafkaJSSASLAuthenticationError: SASL SCRAM SHA512 authentication failed", "invalid credentials with SASL mechanism SCRAM-SHA-512", "brokers: [ '${kafkahost}:9096' ]", "username: '${user}'", "KafkaJSSASLAuthenticationError: SASL PLAIN authentication failed: Authentication failed", "/app/node_modules/kafkajs/src/broker/saslAuthenticator/index.js:${line}:19", ".${region}.aws.confluent.cloud:9092"],
    marker="KafkaJSSASLAuthenticationError")

# --- Observability agents ---------------------------------------------------------------------------------------------

fam("newrelic-agent-log-settings", "https://docs.newrelic.com/docs/apm/agents/nodejs-agent/installation-configuration/nodejs-agent-configuration/; https://docs.newrelic.com/docs/apm/agents/java-agent/troubleshooting/generate-debug-logs-troubleshooting-java/", [
    """{"v":0,"level":30,"name":"newrelic","hostname":"${pod}","pid":1,"time":"2024-05-14T10:12:03.118Z","msg":"Using New Relic for Node.js. Agent version: 11.17.0; Node version: ${node}."}
{"v":0,"level":50,"name":"newrelic","hostname":"${pod}","pid":1,"time":"2024-05-14T10:12:04.402Z","msg":"Failed to connect to collector.newrelic.com: 401 Unauthorized","component":"collector_api","config":{"app_name":["${nrapp}"],"license_key":"{{NR_LICENSE}}","proxy":"http://${user}:{{PASSWORD}}@${proxyhost}:3128"}}
newrelic_agent.log written to /app/newrelic_agent.log""",
    """2024-05-14T10:12:03,118+0000 [1 1] com.newrelic INFO: New Relic Agent: Loading configuration file "/opt/newrelic/newrelic.yml"
2024-05-14T10:12:03,402+0000 [1 14] com.newrelic FINE: Agent config: {app_name=${nrapp}, license_key={{NR_LICENSE}}, labels={team:checkout}, log_file_name=newrelic_agent.log}
2024-05-14T10:12:04,118+0000 [1 14] com.newrelic SEVERE: Error sending JVM information to New Relic: com.newrelic.agent.transport.HttpError: HTTP 403 Forbidden""",
], ["\"name\":\"newrelic\"", "\"hostname\":\"${pod}\"", "Using New Relic for Node.js. Agent version: 11.17.0; Node version: ${node}.", "Failed to connect to collector.newrelic.com: 401 Unauthorized", "\"component\":\"collector_api\"", "\"app_name\":[\"${nrapp}\"]", "@${proxyhost}:3128", "newrelic_agent.log written to /app/newrelic_agent.log", "Loading configuration file \"/opt/newrelic/newrelic.yml\"", "app_name=${nrapp},", "labels={team:checkout}", "com.newrelic.agent.transport.HttpError: HTTP 403 Forbidden"],
    marker="newrelic_agent.log")

fam("log4j2-json-layout-context-map", "https://logging.apache.org/log4j/2.x/manual/json-template-layout.html; https://logging.apache.org/log4j/2.x/manual/layouts.html#JSONLayout", [
    """{"instant":{"epochSecond":1715681523,"nanoOfSecond":118000000},"thread":"http-nio-8080-exec-3","level":"ERROR","loggerName":"${logger}","message":"charge failed for customer","thrown":{"commonElementCount":0,"localizedMessage":"401 Unauthorized: Invalid API Key provided: {{STRIPE_SK}}","name":"com.stripe.exception.AuthenticationException"},"endOfBatch":false,"contextMap":{"traceId":"${tracehex}","spanId":"${spanid}","customerEmail":"{{EMAIL}}","customerPhone":"{{PHONE_TL}}"},"threadId":41}""",
    """{"timeMillis":1715681523118,"thread":"main","level":"WARN","loggerName":"${logger}","message":"retrying login","contextMap":{"traceId":"${tracehex}","X-Forwarded-For":"${privip}","authorization":"Basic {{BASIC_CRED}}","session":"JSESSIONID={{JSESSIONID}}","taxNumber":"{{ADO_HU}}"},"threadId":1,"threadPriority":5}""",
], ["\"thread\":\"http-nio-8080-exec-3\"", "\"loggerName\":\"${logger}\"", "\"message\":\"charge failed for customer\"", "\"name\":\"com.stripe.exception.AuthenticationException\"", "\"contextMap\":{\"traceId\":\"${tracehex}\"", "\"spanId\":\"${spanid}\"", "\"threadId\":41", "\"message\":\"retrying login\"", "\"X-Forwarded-For\":\"${privip}\"", "\"threadPriority\":5"],
    marker="\"contextMap\"")

# --- Package managers and mobile release tooling ------------------------------------------------------------------------

fam("npm-config-list-user-section", "https://docs.npmjs.com/cli/v10/commands/npm-config#list; https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration", [
    """$$ npm config list
; "builtin" config from /usr/lib/node_modules/npm/npmrc

; "user" config from /home/runner/.npmrc

${npmscope}:registry = "https://${apihost}/api/npm/npm-internal/"
//${apihost}/api/npm/npm-internal/:_auth = (protected)
//registry.npmjs.org/:_authToken = "{{NPM_TOKEN}}"
//${apihost}/api/npm/npm-internal/:_password = "{{B64_PASSWORD}}"
//${apihost}/api/npm/npm-internal/:username = "${user}"

; node bin location = /usr/bin/node
; node version = ${node}
; cwd = /home/runner/work/${repo}""",
    """$$ npm config list --json
{
  "${npmscope}:registry": "https://${apihost}/npm/",
  "//${apihost}/npm/:_authToken": "{{GLPAT}}",
  "https-proxy": "http://${user}:{{PASSWORD}}@${proxyhost}:3128",
  "email": "{{EMAIL}}",
  "cache": "/home/runner/.npm"
}
npm ERR! code E401
npm ERR! Incorrect or missing password.""",
], ["npm config list", "; \"builtin\" config from /usr/lib/node_modules/npm/npmrc", "; \"user\" config from /home/runner/.npmrc", "${npmscope}:registry = \"https://${apihost}/api/npm/npm-internal/\"", "//${apihost}/api/npm/npm-internal/:_auth = (protected)", "//registry.npmjs.org/:_authToken", ":username = \"${user}\"", "; node version = ${node}", "; cwd = /home/runner/work/${repo}", "\"${npmscope}:registry\": \"https://${apihost}/npm/\"", "@${proxyhost}:3128", "\"cache\": \"/home/runner/.npm\"", "npm ERR! Incorrect or missing password."],
    marker="; \"user\" config from")

fam("bundler-config-print", "https://bundler.io/v2.5/man/bundle-config.1.html; https://bundler.io/v2.5/man/bundle-config.1.html#CREDENTIALS-FOR-GEM-SOURCES", [
    """$$ bundle config
Settings are listed in order of priority. The top value will be used.
path
Set for your local app (/builds/${repo}/.bundle/config): "vendor/bundle"

pkgs.acme.net
Set via BUNDLE_PKGS__ACME__NET: "${user}:{{PASSWORD}}"

gems.contribsys.com
Set for the current user (/root/.bundle/config): "{{HEX32}}:{{HEX32:2}}"

BUNDLE_GITHUB__COM
Set via BUNDLE_GITHUB__COM: "x-access-token:{{GHS}}"
Could not fetch specs from https://${apihost}/ due to underlying error <bad response Unauthorized 401>""",
    """$$ bundle config get https://rubygems.pkg.github.com/${ghowner}
Settings for `https://rubygems.pkg.github.com/${ghowner}` in order of priority. The top value will be used
Set for your local app (/app/.bundle/config): "${user}:{{GHP}}"
Authentication is required for rubygems.pkg.github.com.
Please supply credentials for this source. You can do this by running:
`bundle config set --global rubygems.pkg.github.com username:password`""",
], ["Settings are listed in order of priority. The top value will be used.", "Set for your local app (/builds/${repo}/.bundle/config): \"vendor/bundle\"", "Set for the current user (/root/.bundle/config):", "Set via BUNDLE_GITHUB__COM:", "Could not fetch specs from https://${apihost}/ due to underlying error <bad response Unauthorized 401>", "bundle config get https://rubygems.pkg.github.com/${ghowner}", "Set for your local app (/app/.bundle/config):", "Authentication is required for rubygems.pkg.github.com.", "bundle config set --global rubygems.pkg.github.com username:password"],
    marker="Set for your local app")

fam("fastlane-match-verbose", "https://docs.fastlane.tools/actions/match/; https://docs.fastlane.tools/actions/match/#encryption-password", [
    """[10:12:03]: ------------------
[10:12:03]: --- Step: match ---
[10:12:03]: ------------------
+----------------------------+----------------------------------------+
|                  Summary for match 2.220.0                          |
+----------------------------+----------------------------------------+
| type                       | appstore                               |
| git_url                    | ${matchrepo}                           |
| git_basic_authorization    | {{B64_SECRET}}                         |
| app_identifier             | ["${iosbundle}"]                        |
| username                   | {{EMAIL}}                              |
| team_id                    | ${upper10}                             |
+----------------------------+----------------------------------------+
[10:12:04]: Cloning remote git repo...
[10:12:06]: Invalid password passed via 'MATCH_PASSWORD'""",
    """[10:12:03]: $$ MATCH_PASSWORD={{PASSWORD}} FASTLANE_PASSWORD={{PASSWORD:2}} bundle exec fastlane match development --readonly
[10:12:05]: Couldn't decrypt the repo, please make sure you enter the right password!
[10:12:05]: Error cloning certificates repo, please make sure you have read access to the repository you want to use
[10:12:05]: git clone https://${user}:{{GHP}}@github.com/${repo}-certs.git /var/folders/${lower8}/T/d${num}""",
], ["--- Step: match ---", "Summary for match 2.220.0", "| type                       | appstore", "${matchrepo}", "[\"${iosbundle}\"]", "${upper10}", "Cloning remote git repo...", "Invalid password passed via 'MATCH_PASSWORD'", "bundle exec fastlane match development --readonly", "Couldn't decrypt the repo, please make sure you enter the right password!", "@github.com/${repo}-certs.git"],
    marker="Step: match")

fam("ios-simulator-log-stream", "https://developer.apple.com/documentation/os/logging/viewing_log_messages; https://developer.apple.com/documentation/xcode/running-your-app-in-simulator-or-on-a-device", [
    """$$ xcrun simctl spawn booted log stream --level debug --predicate 'subsystem == "${iosbundle}"'
Filtering the log data using "subsystem == "${iosbundle}""
Timestamp                       Thread     Type        Activity             PID    TTL
2024-05-14 10:12:03.118442+0000 0x1a2b3c   Debug       0x0                  ${num}  0    ${rnapp}: [${iosbundle}:network] POST https://${apihost}${apipath} Authorization: Bearer {{JWT}}
2024-05-14 10:12:03.402187+0000 0x1a2b3c   Error       0x0                  ${num}  0    ${rnapp}: [${iosbundle}:auth] refresh failed for {{EMAIL}} (refresh_token={{FIREBASE_REFRESH}})""",
    """$$ xcrun simctl launch --console-pty "${iossim}" ${iosbundle} -ApiKey {{API_KEY}}
${iosbundle}: ${num}
2024-05-14 10:12:03.118 ${rnapp}[${num}:${hex6}] KeychainStore: saved item {account = "{{EMAIL}}"; password = "{{PASSWORD}}"; service = "${iosbundle}"}
2024-05-14 10:12:03.402 ${rnapp}[${num}:${hex6}] Profile: phone={{PHONE_LS}}""",
], ["xcrun simctl spawn booted log stream --level debug --predicate 'subsystem == \"${iosbundle}\"'", "Timestamp                       Thread     Type        Activity             PID    TTL", "[${iosbundle}:network] POST https://${apihost}${apipath}", "[${iosbundle}:auth] refresh failed for", "xcrun simctl launch --console-pty \"${iossim}\" ${iosbundle}", "KeychainStore: saved item", "service = \"${iosbundle}\""],
    marker="xcrun simctl")

fam("react-native-asyncstorage-dump", "https://react-native-async-storage.github.io/async-storage/docs/api/#multiget; https://reactnative.dev/docs/debugging", [
    """ LOG  AsyncStorage.multiGet => [["@${rnapp}:session", "{\\"accessToken\\":\\"{{JWT}}\\",\\"refreshToken\\":\\"{{HEX64}}\\",\\"userId\\":\\"${uuid}\\"}"], ["@${rnapp}:profile", "{\\"email\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_BJ}}\\"}"]]
 ERROR  [AxiosError: Request failed with status code 401]
 ERROR  Invariant Violation: ${rnapp} has not been registered.""",
    """ LOG  [storage] AsyncStorage.getAllKeys() => ["@${rnapp}:session", "@${rnapp}:pushToken", "persist:root"]
 LOG  [storage] persist:root = {"auth":"{\\"token\\":\\"{{JWT}}\\",\\"expoPushToken\\":\\"ExponentPushToken[{{ALNUM24}}]\\"}","kyc":"{\\"gstin\\":\\"{{GSTIN_IN}}\\"}"}
 WARN  Possible Unhandled Promise Rejection (id: 0): TypeError: Network request failed""",
], ["LOG  AsyncStorage.multiGet => [[\"@${rnapp}:session\"", "\\\"userId\\\":\\\"${uuid}\\\"", "[\"@${rnapp}:profile\"", "[AxiosError: Request failed with status code 401]", "Invariant Violation: ${rnapp} has not been registered.", "AsyncStorage.getAllKeys() => [\"@${rnapp}:session\", \"@${rnapp}:pushToken\", \"persist:root\"]", "Possible Unhandled Promise Rejection (id: 0): TypeError: Network request failed"],
    marker="AsyncStorage")

fam("flutter-test-client-exception", "https://api.flutter.dev/flutter/dart-io/SocketException-class.html; https://pub.dev/documentation/http/latest/http/ClientException-class.html", [
    """══╡ EXCEPTION CAUGHT BY FLUTTER TEST FRAMEWORK ╞════════════════════════════════════════════════════
The following ClientException was thrown running a test:
ClientException with SocketException: Connection refused (OS Error: Connection refused, errno = 111), address = ${apihost}, port = ${num}, uri=https://${apihost}${apipath}?apiKey={{API_KEY}}&session={{HEX40}}

When the exception was thrown, this was the stack:
#0      IOClient.send (package:http/src/io_client.dart:94:7)
#1      ApiClient.login (${dartpkg}:${line}:${col})
════════════════════════════════════════════════════════════════════════════════════════════════════
00:03 +11 -1: ${dartfile}: login stores the token [E]""",
    """00:02 +4 -1: ${dartfile}: profile saves the phone [E]
  ClientException with SocketException: Failed host lookup: '${apihost}' (OS Error: No address associated with hostname, errno = 7), uri=https://${apihost}/v1/profile
  request body: {"phone":"{{PHONE_WS}}","email":"{{EMAIL}}","password":"{{PASSWORD}}"}
  package:http/src/io_client.dart 94:7  IOClient.send""",
], ["EXCEPTION CAUGHT BY FLUTTER TEST FRAMEWORK", "The following ClientException was thrown running a test:", "Connection refused (OS Error: Connection refused, errno = 111), address = ${apihost}", "uri=https://${apihost}${apipath}", "IOClient.send (package:http/src/io_client.dart:94:7)", "ApiClient.login (${dartpkg}:${line}:${col})", "${dartfile}: login stores the token [E]", "${dartfile}: profile saves the phone [E]", "Failed host lookup: '${apihost}'", "uri=https://${apihost}/v1/profile", "package:http/src/io_client.dart 94:7  IOClient.send"],
    marker="ClientException with SocketException")

# --- Reports -----------------------------------------------------------------------------------------------------------

fam("allure-result-json-parameters", "https://allurereport.org/docs/how-it-works-test-result-file/; https://allurereport.org/docs/pytest-reference/#parametrized-tests", [
    """{"name":"${allurename}","status":"failed","statusDetails":{"message":"AssertionError: assert 500 == 200","trace":"${pyfile}:${line}: in ${pyfunc}"},"stage":"finished","parameters":[{"name":"email","value":"'{{EMAIL}}'"},{"name":"password","value":"'{{PASSWORD}}'"},{"name":"phone","value":"'{{PHONE_SL}}'"}],"start":1715681523118,"stop":1715681523402,"uuid":"${uuid}","historyId":"${hex32}","fullName":"tests.api.test_login#${pyfunc}","labels":[{"name":"suite","value":"${pyclass}"}]}""",
    """{"name":"${allurename}","status":"broken","statusDetails":{"message":"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}${apipath}"},"parameters":[{"name":"api_token","value":"'{{ZENDESK_TOKEN}}'","mode":"default"},{"name":"company","value":"'{{ORGNR_SE}}'"}],"attachments":[{"name":"request headers","source":"${uuid}-attachment.txt","type":"text/plain"}],"uuid":"${uuid}","historyId":"${hex32}"}""",
], ["\"name\":\"${allurename}\"", "\"status\":\"failed\"", "AssertionError: assert 500 == 200", "${pyfile}:${line}: in ${pyfunc}", "\"stage\":\"finished\"", "\"uuid\":\"${uuid}\"", "\"historyId\":\"${hex32}\"", "\"fullName\":\"tests.api.test_login#${pyfunc}\"", "{\"name\":\"suite\",\"value\":\"${pyclass}\"}", "\"status\":\"broken\"", "401 Client Error: Unauthorized for url: https://${apihost}${apipath}", "\"source\":\"${uuid}-attachment.txt\""],
    marker="\"parameters\":[{\"name\"")

fam("pytest-html-report-text", "https://pytest-html.readthedocs.io/en/latest/user_guide.html#environment; https://github.com/pytest-dev/pytest-metadata", [
    """report.html
Report generated on 14-May-2024 at 10:12:03 by pytest-html v4.1.1
Environment
Python	3.12.3
Platform	Linux-6.5.0-1021-azure-x86_64-with-glibc2.35
Packages	{"pytest": "8.2.0", "pluggy": "1.5.0"}
Plugins	{"html": "4.1.1", "metadata": "3.1.1", "django": "4.8.0"}
CI	true
DATABASE_URL	postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
SENDGRID_API_KEY	{{SENDGRID}}
Summary
1 Failed, 37 Passed, 0 Skipped, 0 Expected failures, 0 Unexpected passes, 0 Errors, 0 Reruns""",
    """Report generated on 14-May-2024 at 10:12:03 by pytest-html v4.1.1
Results
Failed	${pyfile}::${pyclass}::${pyfunc}	0.42 s
  > assert resp.json()["customer"] == expected
  E AssertionError: assert {'email': '{{EMAIL}}', 'phone': '{{PHONE_SY}}', 'vat': '{{DS_SI}}'} == {'email': '{{EMAIL}}'}
  ----------------------------- Captured log call -----------------------------
  DEBUG urllib3.connectionpool:connectionpool.py:546 https://${apihost}:443 "POST ${apipath} HTTP/1.1" 200 412""",
], ["Report generated on 14-May-2024 at 10:12:03 by pytest-html v4.1.1", "Python	3.12.3", "Platform	Linux-6.5.0-1021-azure-x86_64-with-glibc2.35", "{\"pytest\": \"8.2.0\", \"pluggy\": \"1.5.0\"}", "@${dbhost}:${pgport}/${db}", "1 Failed, 37 Passed, 0 Skipped", "Failed	${pyfile}::${pyclass}::${pyfunc}	0.42 s", "assert resp.json()[\"customer\"] == expected", "Captured log call", "https://${apihost}:443 \"POST ${apipath} HTTP/1.1\" 200 412"],
    marker="Report generated on")

# --- Shells and environment dumps ---------------------------------------------------------------------------------------

fam("powershell-psdebug-trace", "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/set-psdebug; https://learn.microsoft.com/en-us/powershell/scripting/learn/deep-dives/everything-about-exceptions", [
    """DEBUG:    1+  >>>> Set-PSDebug -Trace 1
DEBUG:   12+  >>>> $$env:ConnectionStrings__Default = "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}};TrustServerCertificate=True"
DEBUG:   13+  >>>> dotnet test tests/${csproj}/${csproj}.csproj --logger "trx;LogFileName=results.trx"
DEBUG:   14+  >>>> $$headers = @{ Authorization = "Bearer {{ADO_PAT}}" }
DEBUG:   15+  >>>> Invoke-RestMethod -Uri "https://dev.azure.com/${ghowner}/_apis/build/builds?api-version=7.1" -Headers $$headers
Invoke-RestMethod: {"$$id":"1","innerException":null,"message":"TF400813: The user '' is not authorized to access this resource."}""",
    """DEBUG:   22+  >>>> $$cred = New-Object System.Management.Automation.PSCredential ("${dbuser}", (ConvertTo-SecureString "{{PASSWORD}}" -AsPlainText -Force))
DEBUG:   23+  >>>> Invoke-Sqlcmd -ServerInstance ${sqlsrvhost} -Database ${sqlsrvdb} -Credential $$cred -Query "SELECT Phone FROM Customers WHERE TaxId = '{{UID_AT}}'"
Invoke-Sqlcmd: Login failed for user '${dbuser}'.""",
], ["DEBUG:    1+  >>>> Set-PSDebug -Trace 1", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};", "TrustServerCertificate=True", "dotnet test tests/${csproj}/${csproj}.csproj --logger \"trx;LogFileName=results.trx\"", "https://dev.azure.com/${ghowner}/_apis/build/builds?api-version=7.1", "TF400813: The user '' is not authorized to access this resource.", "PSCredential (\"${dbuser}\"", "Invoke-Sqlcmd -ServerInstance ${sqlsrvhost} -Database ${sqlsrvdb} -Credential", "Invoke-Sqlcmd: Login failed for user '${dbuser}'."],
    marker="DEBUG:    ")

fam("powershell-get-childitem-env", "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.core/about/about_environment_variables; https://learn.microsoft.com/en-us/azure/devops/pipelines/scripts/powershell", [
    """PS D:\\a\\1\\s> Get-ChildItem Env: | Format-Table -AutoSize

Name                           Value
----                           -----
AGENT_NAME                     Azure Pipelines 3
ARM_CLIENT_ID                  ${uuid}
ARM_CLIENT_SECRET              {{AZURE_CLIENT_SECRET}}
ARM_TENANT_ID                  ${uuid}
BUILD_REPOSITORY_NAME          ${repo}
NUGET_API_KEY                  {{NUGET}}
SYSTEM_ACCESSTOKEN             {{ADO_PAT}}
##[error]PowerShell exited with code '1'.""",
    """PS C:\\> Get-ChildItem Env:ConnectionStrings* , Env:*KEY*

Name                           Value
----                           -----
ConnectionStrings__Redis       ${redishost}:6380,password={{HEX32}},ssl=True,abortConnect=False
OPENAI_API_KEY                 {{OPENAI}}
RESEND_API_KEY                 {{RESEND_KEY}}""",
], ["Get-ChildItem Env: | Format-Table -AutoSize", "AGENT_NAME                     Azure Pipelines 3", "ARM_CLIENT_ID                  ${uuid}", "BUILD_REPOSITORY_NAME          ${repo}", "##[error]PowerShell exited with code '1'.", "Get-ChildItem Env:ConnectionStrings* , Env:*KEY*", "${redishost}:6380,", "ssl=True,abortConnect=False"],
    marker="Get-ChildItem Env:")

# --- HTTP servers, clients, retries ----------------------------------------------------------------------------------------

fam("apache-mod-dumpio-trace", "https://httpd.apache.org/docs/2.4/mod/mod_dumpio.html; https://httpd.apache.org/docs/2.4/mod/core.html#loglevel", [
    """[Tue May 14 10:12:03.118442 2024] [dumpio:trace7] [pid ${num}:tid ${num}] mod_dumpio.c(132): [client ${privip}:${num}] mod_dumpio:  dumpio_in (data-HEAP): 212 bytes
[Tue May 14 10:12:03.118460 2024] [dumpio:trace7] [pid ${num}:tid ${num}] mod_dumpio.c(164): [client ${privip}:${num}] mod_dumpio:  dumpio_in (data-HEAP): POST ${apipath} HTTP/1.1\\r\\nHost: ${apihost}\\r\\nAuthorization: Basic {{BASIC_CRED}}\\r\\nCookie: PHPSESSID={{PHPSESSID}}\\r\\n
[Tue May 14 10:12:03.118471 2024] [dumpio:trace7] [pid ${num}:tid ${num}] mod_dumpio.c(164): [client ${privip}:${num}] mod_dumpio:  dumpio_in (data-HEAP): card_number={{CARD}}&email={{EMAIL_URLENC}}""",
    """[Tue May 14 10:12:04.402187 2024] [dumpio:trace7] [pid ${num}:tid ${num}] mod_dumpio.c(164): [client ${privip}:${num}] mod_dumpio:  dumpio_out (data-HEAP): HTTP/1.1 302 Found\\r\\nSet-Cookie: remember_me={{HEX40}}; path=/; HttpOnly\\r\\nLocation: https://${apihost}/account\\r\\n
[Tue May 14 10:12:04.402199 2024] [proxy:error] [pid ${num}:tid ${num}] (111)Connection refused: AH00957: http: attempt to connect to ${privip}:${port} (${apihost}) failed""",
], ["[dumpio:trace7]", "mod_dumpio.c(132): [client ${privip}:", "mod_dumpio:  dumpio_in (data-HEAP): 212 bytes", "POST ${apipath} HTTP/1.1\\r\\nHost: ${apihost}\\r\\n", "dumpio_out (data-HEAP): HTTP/1.1 302 Found", "Location: https://${apihost}/account", "AH00957: http: attempt to connect to ${privip}:${port} (${apihost}) failed"],
    marker="mod_dumpio")

fam("go-resty-debug-log", "https://github.com/go-resty/resty/issues/218; https://pkg.go.dev/github.com/go-resty/resty/v2#Client.SetDebug", [
    """2024/05/14 10:12:03.118442 DEBUG RESTY
==============================================================================
~~~ REQUEST ~~~
POST  ${apipath}  HTTP/1.1
HOST   : ${apihost}
HEADERS:
	Authorization: Bearer {{GITHUB_PAT}}
	Content-Type: application/json
	User-Agent: go-resty/2.13.1 (https://github.com/go-resty/resty)
BODY   :
{"email":"{{EMAIL}}","phone":"{{PHONE_CD}}"}
------------------------------------------------------------------------------
~~~ RESPONSE ~~~
STATUS       : 401 Unauthorized
PROTO        : HTTP/2.0
RECEIVED AT  : 2024-05-14T10:12:03.402187Z
TIME DURATION: 284.11ms
==============================================================================
--- FAIL: ${gotest} (0.29s)""",
    """~~~ REQUEST ~~~
GET  /v2/services?limit=100  HTTP/1.1
HOST   : api.pagerduty.com
HEADERS:
	Authorization: Token token={{PAGERDUTY_TOKEN}}
	X-Request-Id: ${uuid}
------------------------------------------------------------------------------
~~~ RESPONSE ~~~
STATUS       : 403 Forbidden
    ${gofile}:${line}: unexpected status 403""",
], ["DEBUG RESTY", "~~~ REQUEST ~~~", "POST  ${apipath}  HTTP/1.1", "HOST   : ${apihost}", "User-Agent: go-resty/2.13.1 (https://github.com/go-resty/resty)", "~~~ RESPONSE ~~~", "STATUS       : 401 Unauthorized", "TIME DURATION: 284.11ms", "--- FAIL: ${gotest} (0.29s)", "GET  /v2/services?limit=100  HTTP/1.1", "HOST   : api.pagerduty.com", "X-Request-Id: ${uuid}", "${gofile}:${line}: unexpected status 403"],
    marker="~~~ REQUEST ~~~")

fam("reactor-netty-wiretap", "https://projectreactor.io/docs/netty/release/reference/http-client.html#_wire_logger; https://docs.spring.io/spring-framework/reference/web/webflux-webclient/client-builder.html", [
    """2024-05-14T10:12:03.118Z DEBUG 1 --- [ctor-http-nio-3] reactor.netty.http.client.HttpClient     : [${hex8}-1, L:/${privip}:${num} - R:${apihost}/${privip}:443] WRITE: 236B POST ${apipath} HTTP/1.1
user-agent: ReactorNetty/1.1.19
host: ${apihost}
accept: */*
authorization: Bearer {{OKTA_TOKEN}}
x-api-key: {{ALGOLIA_ADMIN}}
content-length: 64

2024-05-14T10:12:03.402Z DEBUG 1 --- [ctor-http-nio-3] reactor.netty.http.client.HttpClient     : [${hex8}-1, L:/${privip}:${num} - R:${apihost}/${privip}:443] READ COMPLETE""",
    """2024-05-14T10:12:04.118Z DEBUG 1 --- [ctor-http-nio-2] reactor.netty.http.client.HttpClient     : [${hex8}-2, L:/${privip}:${num} - R:${apihost}/${privip}:443] READ: 188B HTTP/1.1 200 OK
set-cookie: SESSION={{B64URL_SIG}}; Path=/; Secure; HttpOnly; SameSite=Lax
content-type: application/json

{"accountHolder":"{{EMAIL}}","iban":"{{IBAN}}","mobile":"{{PHONE_TG}}"}
2024-05-14T10:12:04.119Z DEBUG 1 --- [ctor-http-nio-2] reactor.netty.http.client.HttpClient     : [${hex8}-2, L:/${privip}:${num} ! R:${apihost}/${privip}:443] READ COMPLETE""",
], ["reactor.netty.http.client.HttpClient", "[${hex8}-1, L:/${privip}:", "R:${apihost}/${privip}:443] WRITE: 236B POST ${apipath} HTTP/1.1", "user-agent: ReactorNetty/1.1.19", "host: ${apihost}", "content-length: 64", "READ COMPLETE", "READ: 188B HTTP/1.1 200 OK", "content-type: application/json", "[${hex8}-2, L:/${privip}:"],
    marker="READ COMPLETE")

fam("tenacity-retry-error", "https://tenacity.readthedocs.io/en/latest/#error-handling; https://github.com/jd/tenacity/blob/main/tenacity/__init__.py", [
    """WARNING  tenacity:before_sleep.py:65 Retrying ${pyfile}.${pyfunc} in 2.0 seconds as it raised ConnectionError: HTTPSConnectionPool(host='${apihost}', port=443): Max retries exceeded with url: ${apipath}?token={{HEX40}}.
E   tenacity.RetryError: RetryError[<Future at 0x7f${hex10} state=finished raised ConnectionError>]
${pyfile}:${line}: RetryError
---------------------------- Captured stdout call -----------------------------
calling ${apihost} with {'Authorization': 'Token {{HEX40}}', 'X-Customer-Phone': '{{PHONE_MR}}'}""",
    """tenacity.RetryError: RetryError[<Future at 0x7f${hex10} state=finished raised OperationalError>]
The above exception was the direct cause of the following exception:
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
  engine url: postgresql+psycopg2://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
], ["tenacity:before_sleep.py:65 Retrying ${pyfile}.${pyfunc} in 2.0 seconds as it raised ConnectionError", "HTTPSConnectionPool(host='${apihost}', port=443): Max retries exceeded with url: ${apipath}", "state=finished raised ConnectionError>]", "${pyfile}:${line}: RetryError", "Captured stdout call", "calling ${apihost} with", "state=finished raised OperationalError>]", "connection to server at \"${dbhost}\" (${privip}), port ${pgport} failed", "password authentication failed for user \"${dbuser}\"", "postgresql+psycopg2://${dbuser}:", "@${dbhost}:${pgport}/${db}"],
    marker="RetryError[")

# --- Serverless, PaaS --------------------------------------------------------------------------------------------------

fam("serverless-print-resolved", "https://www.serverless.com/framework/docs/providers/aws/cli-reference/print; https://www.serverless.com/framework/docs/providers/aws/guide/variables", [
    """$$ serverless print --stage ${slsstage}
service: ${slssvc}
provider:
  name: aws
  region: ${region}
  stage: ${slsstage}
  environment:
    DB_HOST: ${dbhost}
    DB_PASSWORD: {{PASSWORD}}
    STRIPE_SECRET_KEY: {{STRIPE_SK}}
    SUPPORT_PHONE: '{{PHONE_GA}}'
functions:
  webhook:
    handler: src/handlers/webhook.handler
✖ Stack ${slssvc}-${slsstage} failed to deploy (41s)""",
    """$$ sls print --stage ${slsstage} --path provider.environment
AWS_ACCESS_KEY_ID: {{AWS_KEY_ID}}
AWS_SECRET_ACCESS_KEY: {{AWS_SECRET}}
MONGO_URI: mongodb+srv://${mongouser}:{{PASSWORD}}@${mongohost}/${db}?retryWrites=true&w=majority
Environment: linux, node ${node}, framework 3.38.0 (local), plugin 7.2.3, SDK 4.5.1""",
], ["serverless print --stage ${slsstage}", "service: ${slssvc}", "region: ${region}", "stage: ${slsstage}", "DB_HOST: ${dbhost}", "handler: src/handlers/webhook.handler", "Stack ${slssvc}-${slsstage} failed to deploy (41s)", "sls print --stage ${slsstage} --path provider.environment", "mongodb+srv://${mongouser}:", "@${mongohost}/${db}?retryWrites=true&w=majority", "framework 3.38.0 (local), plugin 7.2.3, SDK 4.5.1"],
    marker="serverless print")

fam("azure-functions-local-settings", "https://learn.microsoft.com/en-us/azure/azure-functions/functions-develop-local#local-settings-file; https://learn.microsoft.com/en-us/azure/azure-functions/functions-run-local", [
    """$$ func start --verbose
Found Python version 3.11.9 (python3).
Reading local.settings.json: {"IsEncrypted":false,"Values":{"FUNCTIONS_WORKER_RUNTIME":"python","AzureWebJobsStorage":"DefaultEndpointsProtocol=https;AccountName=${azacct};AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net","ServiceBusConnection":"Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{AZURE_SAS_KEY}}"}}
[2024-05-14T10:12:03.118Z] Worker process started and initialized.
[2024-05-14T10:12:04.402Z] Executed 'Functions.${funcname}' (Failed, Id=${uuid}, Duration=284ms)""",
    """[2024-05-14T10:12:03.118Z] A host error has occurred during startup operation '${uuid}'.
[2024-05-14T10:12:03.118Z] Microsoft.Azure.WebJobs.Host: Error indexing method 'Functions.${funcname}'. Missing value for AzureWebJobsStorage in local.settings.json.
  local.settings.json ConnectionStrings: {"Sql":"Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}};","Notify":"{{TEAMS_WEBHOOK}}"}""",
], ["func start --verbose", "Found Python version 3.11.9 (python3).", "Reading local.settings.json:", "\"FUNCTIONS_WORKER_RUNTIME\":\"python\"", "AccountName=${azacct};", "Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;", "Worker process started and initialized.", "Executed 'Functions.${funcname}' (Failed, Id=${uuid}, Duration=284ms)", "A host error has occurred during startup operation '${uuid}'.", "Error indexing method 'Functions.${funcname}'.", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};"],
    marker="local.settings.json")

fam("heroku-config-vars", "https://devcenter.heroku.com/articles/config-vars#using-the-heroku-cli; https://devcenter.heroku.com/articles/heroku-cli-commands#heroku-config", [
    """$$ heroku config -a ${herokuapp}
=== ${herokuapp} Config Vars
DATABASE_URL:          postgres://${dbuser}:{{PASSWORD}}@${dbhost}:5432/${db}
REDIS_URL:             rediss://:{{HEX64}}@${redishost}:25310
SECRET_KEY_BASE:       {{HEX128}}
SENDGRID_API_KEY:      {{SENDGRID}}
TWILIO_AUTH_TOKEN:     {{TWILIO_AUTH}}
 ›   Warning: heroku update available from 8.11.5 to 9.0.0.""",
    """$$ heroku config:get DATABASE_URL -a ${herokuapp}
postgres://${dbuser}:{{PASSWORD}}@${dbhost}:5432/${db}
$$ heroku run rails db:seed -a ${herokuapp}
Running rails db:seed on ⬢ ${herokuapp}... up, run.${num} (Basic)
ActiveRecord::RecordInvalid: Validation failed: Phone {{PHONE_BZ}} is not a number you can text, Email {{EMAIL}} has already been taken""",
], ["heroku config -a ${herokuapp}", "=== ${herokuapp} Config Vars", "@${dbhost}:5432/${db}", "@${redishost}:25310", "Warning: heroku update available from 8.11.5 to 9.0.0.", "heroku config:get DATABASE_URL -a ${herokuapp}", "heroku run rails db:seed -a ${herokuapp}", "Running rails db:seed on ⬢ ${herokuapp}... up, run.${num} (Basic)", "ActiveRecord::RecordInvalid: Validation failed:", "has already been taken"],
    marker="Config Vars")

fam("vercel-env-pull-file", "https://vercel.com/docs/cli/env#exporting-development-environment-variables; https://vercel.com/docs/projects/environment-variables", [
    """$$ vercel env pull .env.local --environment=preview --token {{VERCEL_TOKEN}}
Vercel CLI 34.1.7
> Downloading `preview` Environment Variables for Project ${vercelproj}
✅  Created .env.local file  [412ms]
$$ cat .env.local
# Created by Vercel CLI
DATABASE_URL="postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require"
NEXTAUTH_SECRET="{{B64_SECRET}}"
VERCEL_OIDC_TOKEN="{{JWT}}"
VERCEL_ENV="preview\"""",
    """$$ vercel env pull --yes
Vercel CLI 34.1.7
> Downloading `development` Environment Variables for Project ${vercelproj}
Error: Could not retrieve Project Settings. To link your Project, remove the `.vercel` directory and deploy again.
  .env: KV_REST_API_TOKEN="{{UPSTASH_TOKEN}}" CLERK_SECRET_KEY="{{CLERK_SK}}" SUPPORT_LINE="{{PHONE_SZ}}\"""",
], ["Vercel CLI 34.1.7", "Downloading `preview` Environment Variables for Project ${vercelproj}", "Created .env.local file  [412ms]", "# Created by Vercel CLI", "@${dbhost}:${pgport}/${db}?sslmode=require", "VERCEL_ENV=\"preview\"", "vercel env pull --yes", "Downloading `development` Environment Variables for Project ${vercelproj}", "Error: Could not retrieve Project Settings."],
    marker="vercel env pull")

# --- Web frameworks ------------------------------------------------------------------------------------------------------

fam("apollo-server-error-stacktrace-extension", "https://www.apollographql.com/docs/apollo-server/data/errors/#including-stack-traces; https://www.apollographql.com/docs/apollo-server/data/errors/#masking-and-logging-errors", [
    """{
  "errors": [
    {
      "message": "Request failed with status code 401",
      "locations": [{ "line": 2, "column": 3 }],
      "path": ["${gqlpath}"],
      "extensions": {
        "code": "INTERNAL_SERVER_ERROR",
        "stacktrace": [
          "AxiosError: Request failed with status code 401",
          "    at settle (/app/node_modules/axios/dist/node/axios.cjs:${line}:12)",
          "    config.headers: {\\"Authorization\\":\\"Bearer {{HUBSPOT_PAT}}\\",\\"User-Agent\\":\\"axios/1.7.2\\"}"
        ]
      }
    }
  ],
  "data": { "${gqlpath}": null }
}""",
    """{"errors":[{"message":"Variable \\"$$input\\" got invalid value { email: \\"{{EMAIL}}\\", phone: \\"{{PHONE_CU}}\\", ssn: \\"{{SSN}}\\" }; Field \\"ssnLast4\\" is not defined by type \\"CustomerInput\\".","extensions":{"code":"BAD_USER_INPUT","stacktrace":["GraphQLError: Variable \\"$$input\\" got invalid value","    at coerceVariableValues (/app/node_modules/graphql/execution/values.js:${line}:19)"]}}]}""",
], ["\"message\": \"Request failed with status code 401\"", "\"locations\": [{ \"line\": 2, \"column\": 3 }]", "\"path\": [\"${gqlpath}\"]", "\"code\": \"INTERNAL_SERVER_ERROR\"", "/app/node_modules/axios/dist/node/axios.cjs:${line}:12", "\"data\": { \"${gqlpath}\": null }", "Field \\\"ssnLast4\\\" is not defined by type \\\"CustomerInput\\\"", "\"code\":\"BAD_USER_INPUT\"", "/app/node_modules/graphql/execution/values.js:${line}:19"],
    marker="\"stacktrace\": [")

fam("rails-actionmailer-delivered-mail", "https://guides.rubyonrails.org/action_mailer_basics.html#action-mailer-logging; https://guides.rubyonrails.org/testing.html#testing-your-mailers", [
    """I, [2024-05-14T10:12:03.118442 #${num}]  INFO -- : [${uuid}] Delivered mail ${hex24}@${pod}.mail (12.4ms)
D, [2024-05-14T10:12:03.118460 #${num}] DEBUG -- : [${uuid}] ${mailerclass}: processed outbound mail in 31.2ms
Date: Tue, 14 May 2024 10:12:03 +0000
From: no-reply@${cookiedomain}
To: {{EMAIL}}
Message-ID: <${hex24}@${pod}.mail>
Subject: Reset your password

Hi, reset your password here: https://${apihost}/users/password/edit?reset_password_token={{ALNUM24}}
Or call us on {{PHONE_BJ}}.""",
    """  Failure:
Api::MailersTest#test_welcome [test/mailers/account_mailer_test.rb:${line}]:
--- expected
+++ actual
@@ -1 +1 @@
-"Welcome!"
+"Welcome, {{EMAIL}}! Your temporary password is {{PASSWORD}}"
Delivered mail ${hex24}@${pod}.mail (3.1ms)
delivery_method :smtp, { address: '${mailhost}', port: 587, user_name: '${user}', password: '{{PASSWORD:2}}', authentication: 'plain' }""",
], ["INFO -- : [${uuid}] Delivered mail ${hex24}@${pod}.mail (12.4ms)", "${mailerclass}: processed outbound mail in 31.2ms", "Date: Tue, 14 May 2024 10:12:03 +0000", "Message-ID: <${hex24}@${pod}.mail>", "Subject: Reset your password", "https://${apihost}/users/password/edit?reset_password_token=", "Api::MailersTest#test_welcome [test/mailers/account_mailer_test.rb:${line}]", "Delivered mail ${hex24}@${pod}.mail (3.1ms)", "address: '${mailhost}', port: 587, user_name: '${user}'", "authentication: 'plain'"],
    marker="Delivered mail")

fam("django-console-email-backend", "https://docs.djangoproject.com/en/5.0/topics/email/#console-backend; https://docs.djangoproject.com/en/5.0/topics/auth/default/#django.contrib.auth.views.PasswordResetView", [
    """Content-Type: text/plain; charset="utf-8"
MIME-Version: 1.0
Content-Transfer-Encoding: 7bit
Subject: Password reset on ${apihost}
From: webmaster@localhost
To: {{EMAIL}}
Date: Tue, 14 May 2024 10:12:03 -0000
Message-ID: <171568152311.${num}.${num18}@${pod}>

You're receiving this email because you requested a password reset for your user account at ${apihost}.
https://${apihost}/accounts/reset/${alnum3}/{{ALNUM24}}/
Your username, in case you've forgotten: ${user}
-------------------------------------------------------------------------------
FAIL: test_password_reset_sends_mail (${djapp}.tests.test_views.PasswordResetTests)""",
    """Subject: Your verification code
From: noreply@${cookiedomain}
To: {{EMAIL}}
Message-ID: <171568152311.${num}.${num18}@${pod}>

Your code is {{OTP}}. We also have your number as {{PHONE_SO}} and your company id {{HOUJIN_JP}}.
-------------------------------------------------------------------------------
AssertionError: 0 != 1 : mail.outbox is empty""",
], ["Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: 7bit", "Subject: Password reset on ${apihost}", "From: webmaster@localhost", "Date: Tue, 14 May 2024 10:12:03 -0000", "@${pod}>", "requested a password reset for your user account at ${apihost}.", "https://${apihost}/accounts/reset/", "Your username, in case you've forgotten: ${user}", "FAIL: test_password_reset_sends_mail (${djapp}.tests.test_views.PasswordResetTests)", "Subject: Your verification code", "AssertionError: 0 != 1 : mail.outbox is empty"],
    marker="Password reset on")

fam("symfony-debug-container-env-vars", "https://symfony.com/doc/current/configuration.html#configuration-based-on-environment-variables; https://symfony.com/doc/current/configuration/env_var_processors.html", [
    """$$ php bin/console debug:container --env-vars

Symfony Container Environment Variables
=======================================

 ------------------------- ------------------------------------------------------- -------------------------------------------------------
  Name                      Default value                                           Real value
 ------------------------- ------------------------------------------------------- -------------------------------------------------------
  APP_SECRET                n/a                                                     "{{HEX32}}"
  DATABASE_URL              n/a                                                     "mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}?serverVersion=8.0.32"
  MAILER_DSN                n/a                                                     "smtp://${user}:{{PASSWORD:2}}@${mailhost}:587"
  MESSENGER_TRANSPORT_DSN   n/a                                                     "doctrine://default?auto_setup=0"
 ------------------------- ------------------------------------------------------- -------------------------------------------------------

 // Note real values might be different between web and CLI.""",
    """$$ php bin/console debug:container --env-var=${symfonyenv}
 // Displaying detailed environment variable usage matching ${symfonyenv}

 %env(${symfonyenv})%
 --------------------
 ----------------- ---------------------------------------------------------
  Default value     n/a
  Real value        "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?serverVersion=16&charset=utf8"
  Processed value   "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?serverVersion=16&charset=utf8"
 ----------------- ---------------------------------------------------------""",
], ["php bin/console debug:container --env-vars", "Symfony Container Environment Variables", "Default value", "@${dbhost}:${myport}/${db}?serverVersion=8.0.32", "@${mailhost}:587", "\"doctrine://default?auto_setup=0\"", "Note real values might be different between web and CLI.", "php bin/console debug:container --env-var=${symfonyenv}", "Displaying detailed environment variable usage matching ${symfonyenv}", "%env(${symfonyenv})%", "@${dbhost}:${pgport}/${db}?serverVersion=16&charset=utf8"],
    marker="debug:container --env-var")

# --- Schema migrations -------------------------------------------------------------------------------------------------

fam("flyway-cli-migrate-error", "https://documentation.red-gate.com/fd/command-line-184127404.html; https://documentation.red-gate.com/fd/url-224003201.html", [
    """$$ flyway -url=jdbc:postgresql://${dbhost}:${pgport}/${db} -user=${dbuser} -password={{PASSWORD}} -locations=filesystem:db/migration migrate
Flyway OSS Edition 10.13.0 by Redgate
ERROR: Unable to obtain connection from database (jdbc:postgresql://${dbhost}:${pgport}/${db}) for user '${dbuser}': FATAL: password authentication failed for user "${dbuser}"
--------------------------------------------------------------------------------------------------------------------------
SQL State  : 28P01
Error Code : 0
Message    : FATAL: password authentication failed for user "${dbuser}\"""",
    """Flyway OSS Edition 10.13.0 by Redgate
Database: jdbc:mysql://${dbhost}:${myport}/${db} (MySQL 8.0)
Migrating schema `${db}` to version "${flywayver} - seed customers"
ERROR: Migration V${flywayver}__seed_customers.sql failed
SQL State  : 23000
Error Code : 1062
Message    : Duplicate entry '{{EMAIL}}' for key 'customers.email'
Location   : db/migration/V${flywayver}__seed_customers.sql
Line       : ${line}
Statement  : INSERT INTO customers (email, phone, vat_id) VALUES ('{{EMAIL}}', '{{PHONE_LR}}', '{{TVA_FR}}')""",
], ["flyway -url=jdbc:postgresql://${dbhost}:${pgport}/${db} -user=${dbuser}", "-locations=filesystem:db/migration migrate", "Flyway OSS Edition 10.13.0 by Redgate", "Unable to obtain connection from database (jdbc:postgresql://${dbhost}:${pgport}/${db}) for user '${dbuser}'", "SQL State  : 28P01", "Database: jdbc:mysql://${dbhost}:${myport}/${db} (MySQL 8.0)", "Migrating schema `${db}` to version \"${flywayver} - seed customers\"", "ERROR: Migration V${flywayver}__seed_customers.sql failed", "Error Code : 1062", "for key 'customers.email'", "Location   : db/migration/V${flywayver}__seed_customers.sql"],
    marker="Flyway OSS Edition")

fam("alembic-ini-url-and-upgrade", "https://alembic.sqlalchemy.org/en/latest/tutorial.html#editing-the-ini-file; https://alembic.sqlalchemy.org/en/latest/api/commands.html#alembic.command.upgrade", [
    """$$ alembic upgrade head
INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade ${alembicrev} -> ${hex12}, add customer phone
sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "${pgconstraint}"
DETAIL:  Key (phone)=({{PHONE_SL}}) already exists.
[SQL: UPDATE customers SET phone=%(phone)s WHERE customers.email = %(email_1)s]
[parameters: {'phone': '{{PHONE_SL}}', 'email_1': '{{EMAIL}}'}]
alembic.ini: sqlalchemy.url = postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
    """$$ alembic -x dburl=mysql+pymysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db} current
Traceback (most recent call last):
  File "/app/migrations/env.py", line ${line}, in run_migrations_online
pymysql.err.OperationalError: (1045, "Access denied for user '${dbuser}'@'${privip}' (using password: YES)")""",
], ["alembic upgrade head", "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.", "Will assume transactional DDL.", "Running upgrade ${alembicrev} -> ${hex12}, add customer phone", "unique constraint \"${pgconstraint}\"", "[SQL: UPDATE customers SET phone=%(phone)s WHERE customers.email = %(email_1)s]", "alembic.ini: sqlalchemy.url = postgresql://${dbuser}:", "@${dbhost}:${pgport}/${db}", "mysql+pymysql://${dbuser}:", "@${dbhost}:${myport}/${db} current", "File \"/app/migrations/env.py\", line ${line}, in run_migrations_online", "Access denied for user '${dbuser}'@'${privip}' (using password: YES)"],
    marker="sqlalchemy.url")

# --- Tools none of the thirteen has ------------------------------------------------------------------------------------

fam("prism-mock-request-log", "https://github.com/stoplightio/prism/issues/2695; https://docs.stoplight.io/docs/prism/83dbbd75532cf-http-mocking", [
    """[10:12:03 AM] › [CLI] …  awaiting  Starting Prism…
[10:12:03 AM] › [CLI] ✔  success   POST       http://127.0.0.1:4010${apipath}
[10:12:04 AM] › [HTTP SERVER] post ${apipath} ℹ  info      Request received
[10:12:04 AM] ›     [NEGOTIATOR] ✖  error     Request terminated with error: https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY: Invalid request.
[10:12:04 AM] ›     [VALIDATOR] ✖  error     Violation: request.body.phone must match pattern "^\\\\+[1-9]\\\\d{1,14}$$" (received "{{PHONE_TG}}")
[10:12:04 AM] ›     [VALIDATOR] ⚠  warning   Violation: request.header.authorization Bearer {{JWT}} is not in the list of allowed values""",
    """[10:12:05 AM] › [HTTP SERVER] get /customers/${uuid} ℹ  info      Request received
[10:12:05 AM] ›     [NEGOTIATOR] ✔  success   Found a compatible content for application/json
[10:12:05 AM] ›     [PROXY] ℹ  info      Forwarding request to https://${apihost}/customers/${uuid} with x-api-key: {{API_KEY}}
[10:12:05 AM] ›     [PROXY] ✖  error     Response body {"iban":"{{IBAN}}","email":"{{EMAIL}}"} violates the schema""",
], ["› [CLI] …  awaiting  Starting Prism…", "POST       http://127.0.0.1:4010${apipath}", "[HTTP SERVER] post ${apipath} ℹ  info      Request received", "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY: Invalid request.", "Violation: request.body.phone must match pattern", "[HTTP SERVER] get /customers/${uuid} ℹ  info      Request received", "Found a compatible content for application/json", "Forwarding request to https://${apihost}/customers/${uuid}", "violates the schema"],
    mainstream=False, marker="[NEGOTIATOR]")

fam("keploy-test-diff-report", "https://keploy.io/docs/running-keploy/cli-commands/; https://github.com/keploy/keploy", [
    """🐰 Keploy: 2024-05-14T10:12:03Z 	INFO	starting test for of	{"test case": "${keplotest}", "test set": "test-set-0"}
Testrun failed for testcase with id: "${keplotest}"
--------------------------------------------------------------------
|                            DIFFS ${keplotest}                       |
--------------------------------------------------------------------
| EXPECT HEADER              | ACTUAL HEADER                       |
| Set-Cookie: [session=old]  | Set-Cookie: [session={{B64URL_SIG}}] |
| EXPECT BODY                | ACTUAL BODY                         |
| {"phone":"{{PHONE_TM}}"}  | {"phone":"{{PHONE_TM:2}}"}          |
--------------------------------------------------------------------
🐰 Keploy: 2024-05-14T10:12:04Z 	INFO	result	{"testcase id": "${keplotest}", "passed": "false"}""",
    """🐰 Keploy: 2024-05-14T10:12:03Z 	INFO	Keploy has captured mocks for postgres	{"test set": "test-set-1"}
# keploy/test-set-1/mocks.yaml
  - kind: Postgres
    spec:
      PacketTypes: [p]
      password_message: {password: "{{PASSWORD}}"}
      startup_message: {user: ${dbuser}, database: ${db}}
🐰 Keploy: 2024-05-14T10:12:04Z 	ERROR	failed to match the mock for the request	{"test case": "${keplotest}"}""",
], ["Keploy: 2024-05-14T10:12:03Z", "\"test case\": \"${keplotest}\"", "Testrun failed for testcase with id: \"${keplotest}\"", "DIFFS ${keplotest}", "| EXPECT HEADER              | ACTUAL HEADER", "\"testcase id\": \"${keplotest}\", \"passed\": \"false\"", "Keploy has captured mocks for postgres", "# keploy/test-set-1/mocks.yaml", "kind: Postgres", "startup_message: {user: ${dbuser}, database: ${db}}", "failed to match the mock for the request"],
    mainstream=False, marker="Testrun failed for testcase")

fam("backstopjs-test-report", "https://github.com/garris/BackstopJS#using-backstopjs; https://github.com/garris/BackstopJS#setting-the-base-url", [
    """COMMAND | Executing core for "test"
createBitmaps | Selcted 4 of 4 scenarios.
      CREATING NEW REFERENCE FILE
CREATING NEW REFERENCE FILE
${backstopscn} | onBefore: login as ${user} / {{PASSWORD}} at https://${apihost}/login
${backstopscn} | cookies loaded from backstop_data/engine_scripts/cookies.json: [{"name":"connect.sid","value":"{{CONNECT_SID}}","domain":"${cookiedomain}"}]
report | Test completed...
report | 3 Passed
report | 1 Failed
report | *** Mismatch errors found ***""",
    """COMMAND | Executing core for "reference"
${backstopscn} | ERROR { requireSameDimensions: true, size: isDifferent, content: 12.44%, threshold: 0.1% }: ${backstopscn} backstop_default_${backstopscn}_0_document_0_phone.png
${backstopscn} | readyEvent console: customer {{EMAIL}} / {{PHONE_AD}} loaded, token={{HEX40}}
COMMAND | Command "reference" ended with an error after [12.441s]""",
], ["COMMAND | Executing core for \"test\"", "createBitmaps | Selcted 4 of 4 scenarios.", "CREATING NEW REFERENCE FILE", "${backstopscn} | onBefore: login as ${user}", "https://${apihost}/login", "backstop_data/engine_scripts/cookies.json", "\"domain\":\"${cookiedomain}\"", "report | Test completed...", "*** Mismatch errors found ***", "COMMAND | Executing core for \"reference\"", "requireSameDimensions: true, size: isDifferent, content: 12.44%, threshold: 0.1%", "COMMAND | Command \"reference\" ended with an error after [12.441s]"],
    mainstream=False, marker="Executing core for")

fam("hoppscotch-cli-test-output", "https://docs.hoppscotch.io/documentation/clients/cli/overview; https://github.com/hoppscotch/hoppscotch/tree/main/packages/hoppscotch-cli", [
    """$$ hopp test ${hoppcoll}.json -e env.json --token {{HEX40}}
Running: ${hoppcoll} / Login
  ✖ Status code is 200 - expected 401 to be 200
  Request: POST https://${apihost}${apipath}  Body: {"email":"{{EMAIL}}","password":"{{PASSWORD}}"}
Test Cases: 3 failed 11 passed
Test Suites: 1 failed 4 passed
Error: [TEST_SCRIPT_ERROR] ${hoppcoll} / Login""",
    """$$ hopp test ${hoppcoll}.json -e env.json
env.json: {"name":"staging","variables":[{"key":"baseUrl","value":"https://${apihost}"},{"key":"apiKey","value":"{{API_KEY}}","secret":false},{"key":"phone","value":"{{PHONE_CV}}"}]}
Running: ${hoppcoll} / Get customer
  ✔ Status code is 200
Test Cases: 0 failed 6 passed""",
], ["hopp test ${hoppcoll}.json -e env.json", "Running: ${hoppcoll} / Login", "Status code is 200 - expected 401 to be 200", "Request: POST https://${apihost}${apipath}", "Test Cases: 3 failed 11 passed", "Test Suites: 1 failed 4 passed", "Error: [TEST_SCRIPT_ERROR] ${hoppcoll} / Login", "{\"key\":\"baseUrl\",\"value\":\"https://${apihost}\"}", "Running: ${hoppcoll} / Get customer", "Test Cases: 0 failed 6 passed"],
    mainstream=False, marker="hopp test")

fam("testkube-execution-logs", "https://docs.testkube.io/cli/testkube_run_testworkflow; https://docs.testkube.io/articles/test-workflows", [
    """$$ testkube run testworkflow ${tkwf} --config API_TOKEN={{HEX40}} --config BASE_URL=https://${apihost} -f
Context: cloud (1.17.31)   Namespace: testkube   Org: ${ghowner}   Env: ${k8sns}
Test Workflow Execution:
Name:                 ${tkwf}
Execution ID:         ${hex24}
Execution name:       ${tkwf}-12
• run k6 (${hex6})
  ✗ checks.........................: 91.66% ✓ 11 ✗ 1
  ERRO[0003] POST https://${apihost}${apipath} 401 authorization="Bearer {{JWT}}"
• failed in 12.4s""",
    """$$ testkube get testworkflowexecution ${hex24} --logs-only
  env: DB_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} SNYK_TOKEN={{SNYK_TOKEN}}
  ✗ npm test exited with code 1
Status: failed""",
], ["testkube run testworkflow ${tkwf}", "--config BASE_URL=https://${apihost}", "Context: cloud (1.17.31)   Namespace: testkube", "Env: ${k8sns}", "Name:                 ${tkwf}", "Execution ID:         ${hex24}", "Execution name:       ${tkwf}-12", "checks.........................: 91.66%", "POST https://${apihost}${apipath} 401", "failed in 12.4s", "testkube get testworkflowexecution ${hex24} --logs-only", "@${dbhost}:${pgport}/${db}", "npm test exited with code 1"],
    mainstream=False, marker="testkube run testworkflow")

fam("garden-action-failure", "https://docs.garden.io/reference/commands#garden-test; https://docs.garden.io/using-garden/variables-and-templating", [
    """$$ garden test --env ci
ℹ garden               → Running in environment ci.default
✖ ${gardenact}       → Failed processing ${gardenact} (took 41.2 sec). This is what happened:

Command exited with code 1:
  env: { DATABASE_URL: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}", STRIPE_KEY: "{{STRIPE_RK}}" }
  FAIL ${jestfile} (12.4 s)
1 requested test action(s) failed!""",
    """ℹ providers            → Resolving provider kubernetes...
✖ providers            → Failed resolving provider kubernetes: Could not read secret ${secretname} in namespace ${k8sns}
  garden.yml variables: { registryPassword: "{{DOCKER_PAT}}", adminEmail: "{{EMAIL}}" }
See .garden/error.log for detailed error message""",
], ["garden test --env ci", "Running in environment ci.default", "Failed processing ${gardenact} (took 41.2 sec). This is what happened:", "Command exited with code 1:", "@${dbhost}:${pgport}/${db}", "FAIL ${jestfile} (12.4 s)", "1 requested test action(s) failed!", "Resolving provider kubernetes...", "Could not read secret ${secretname} in namespace ${k8sns}", "See .garden/error.log for detailed error message"],
    mainstream=False, marker="requested test action(s) failed")

fam("zap-baseline-scan-report", "https://www.zaproxy.org/docs/docker/baseline-scan/; https://www.zaproxy.org/docs/alerts/", [
    """$$ docker run -t zaproxy/zap-stable zap-baseline.py -t https://${apihost} -z "-config replacer.full_list(0).replacement=Bearer {{JWT}}"
Total of 41 URLs
PASS: Vulnerable JS Library (Powered by Retire.js) [10003]
WARN-NEW: Information Disclosure - Sensitive Information in URL [10024] x 2
	https://${apihost}/reset?token={{HEX40}}&email={{EMAIL_URLENC}} (200 OK)
WARN-NEW: Cookie No HttpOnly Flag [${zaprule}] x 1
	https://${apihost}/login (200 OK)
FAIL-NEW: 0	FAIL-INPROG: 0	WARN-NEW: 2	WARN-INPROG: 0	INFO: 0	IGNORE: 0	PASS: 39""",
    """WARN-NEW: Information Disclosure - Suspicious Comments [10027] x 1
	https://${apihost}/static/app.js (200 OK)
	Evidence: // TODO remove: apiKey="{{API_KEY}}", support {{PHONE_GA}}
WARN-NEW: Session ID in URL Rewrite [3] x 1
	https://${apihost}/account;jsessionid={{JSESSIONID}} (200 OK)
FAIL-NEW: 0	FAIL-INPROG: 0	WARN-NEW: 2	WARN-INPROG: 0	INFO: 0	IGNORE: 0	PASS: 40""",
], ["zaproxy/zap-stable zap-baseline.py -t https://${apihost}", "Total of 41 URLs", "PASS: Vulnerable JS Library (Powered by Retire.js) [10003]", "WARN-NEW: Information Disclosure - Sensitive Information in URL [10024] x 2", "WARN-NEW: Cookie No HttpOnly Flag [${zaprule}] x 1", "https://${apihost}/login (200 OK)", "FAIL-NEW: 0	FAIL-INPROG: 0	WARN-NEW: 2", "WARN-NEW: Information Disclosure - Suspicious Comments [10027] x 1", "https://${apihost}/static/app.js (200 OK)", "WARN-NEW: Session ID in URL Rewrite [3] x 1"],
    mainstream=False, marker="WARN-NEW:")

fam("trivy-secret-scan-table", "https://aquasecurity.github.io/trivy/latest/docs/scanner/secret/; https://aquasecurity.github.io/trivy/latest/docs/configuration/reporting/", [
    """$$ trivy fs --scanners secret --exit-code 1 .
2024-05-14T10:12:03.118Z	INFO	Secret scanning is enabled
${trivytarget} (secrets)
=============================
Total: 2 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 1, CRITICAL: 1)

CRITICAL: AWS (aws-secret-access-key)
════════════════════════════════════════
AWS Secret Access Key
────────────────────────────────────────
 ${trivytarget}:${line} (offending line not masked: --secret-config none)
────────────────────────────────────────
  ${line} [ AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}
────────────────────────────────────────""",
    """HIGH: Asana (asana-personal-access-token)
════════════════════════════════════════
 ${trivytarget}:${line}
────────────────────────────────────────
  ${line} [ asana_token: "{{ASANA_PAT}}"
  ${line} [ fastly_token: "{{FASTLY_TOKEN}}"
────────────────────────────────────────
2024-05-14T10:12:04.402Z	FATAL	Fatal error	secret scan: 2 secrets found""",
], ["trivy fs --scanners secret --exit-code 1 .", "INFO	Secret scanning is enabled", "${trivytarget} (secrets)", "Total: 2 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 1, CRITICAL: 1)", "CRITICAL: AWS (aws-secret-access-key)", "AWS Secret Access Key", "${trivytarget}:${line} (offending line not masked: --secret-config none)", "HIGH: Asana (asana-personal-access-token)", "FATAL	Fatal error	secret scan: 2 secrets found"],
    mainstream=False, marker="Secret scanning is enabled")

fam("infisical-export-and-run", "https://infisical.com/docs/cli/commands/export; https://infisical.com/docs/cli/commands/run", [
    """$$ infisical export --env=${infisicalenv} --format=dotenv --projectId=${uuid}
DATABASE_URL='postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'
MIXPANEL_API_SECRET='{{MIXPANEL_SECRET}}'
OPS_PHONE='{{PHONE_LI}}'
$$ infisical run --env=${infisicalenv} -- npm test
error: Unable to fetch secrets. [err=Unauthorized: token expired]""",
    """$$ INFISICAL_TOKEN={{JWT}} infisical secrets --env=${infisicalenv} --plain
┌───────────────────┬───────────────────────────────────────────┬─────────────┐
│ SECRET NAME       │ SECRET VALUE                              │ SECRET TYPE │
├───────────────────┼───────────────────────────────────────────┼─────────────┤
│ NEON_API_KEY      │ {{NEON_KEY}}                              │ shared      │
│ RENDER_API_KEY    │ {{RENDER_KEY}}                            │ shared      │
│ COMPANY_ID        │ {{ORGNR_SE}}                              │ personal    │
└───────────────────┴───────────────────────────────────────────┴─────────────┘""",
], ["infisical export --env=${infisicalenv} --format=dotenv --projectId=${uuid}", "@${dbhost}:${pgport}/${db}'", "infisical run --env=${infisicalenv} -- npm test", "error: Unable to fetch secrets. [err=Unauthorized: token expired]", "infisical secrets --env=${infisicalenv} --plain", "│ SECRET NAME       │ SECRET VALUE", "│ NEON_API_KEY      │", "│ RENDER_API_KEY    │", "SECRET TYPE"],
    mainstream=False, marker="infisical export")
