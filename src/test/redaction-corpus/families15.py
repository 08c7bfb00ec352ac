# The fifteenth collection (session 19, corpus15): the clean measure of this stop, written blind (no rule writer reads
# it, and no rule ran on it before it and its wiring were committed). Like the thirteenth and fourteenth, at least 85% of
# its families come from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints: test
# runners of other languages (Dart's package:test, NUnit's constraints and Assert.Multiple, Pest, ExUnit's mailbox and
# regex assertions, go-cmp, XCTUnwrap, Swift Testing, Kotest, ScalaTest, cargo-nextest, JUnit 5's assertAll,
# FluentAssertions), CI (Azure Pipelines, Bitbucket Pipelines' pipes, Drone, Argo CD, Jenkins, TeamCity, Buildkite),
# cloud and infrastructure (Pulumi, the CDK, SAM, gcloud pubsub, Consul, Vault, Helm, Ansible, docker login), databases
# and queues (SQL*Plus, Oracle's listener, SqlClient and sqlcmd, ClickHouse, Elasticsearch, the Cassandra driver,
# MySQL Connector/J, RabbitMQ's definitions, NATS, SQS, Pub/Sub's emulator, Redis Sentinel), observability (dd-trace,
# the OpenTelemetry collector, Grafana, Sentry for Java), mobile (XCUITest, Detox, Appium, logcat, Android instrumented
# tests, xcodebuild's export) and frameworks (FastAPI, EF Core, Micronaut, Express with morgan, Rails, Next.js, Spring
# Boot's failure analyzer and R2DBC, Quarkus dev mode, Phoenix, Flask), each in a MESSAGE SHAPE none of the fourteen
# collections has (checked by a script that looks for a fixed part of each shape, the `marker` below, in every
# failure-output*.jsonl and in outside-mainstream-2.txt; candidates found there were dropped before writing); the rest
# from tools none of the fourteen has (Hurl, Venom). Secrets are planted where those tools print them: DSNs and
# connection strings (host, port, database and user kept), headers, command lines, env and config dumps, SDK debug
# output, cookies, JSON. Personal data of countries none of the fourteen has (Burundi, Congo, the Central African
# Republic, Chad, Niger, Guinea, Guinea-Bissau, Djibouti, Eritrea, the Comoros, South Sudan, São Tomé and Príncipe,
# Equatorial Guinea, Vanuatu, the Solomon Islands, Tonga, San Marino, Saint Lucia, Palestine, the Faroe Islands,
# Greenland, Grenada: phones as they write them) and tax and business numbers no collection has (Luxembourg's TVA,
# Spain's CIF, Estonia's KMKR, Malta's VAT number, Bulgaria's EIK, Cyprus's VAT number, Slovakia's IČ DPH, Latvia's PVN)
# with VALID check digits (FifteenthIds.java). Each family names the public page its shape was learnt from; nothing was
# copied and every value is invented. Same template language as the earlier collections. Split like the sixth to
# fourteenth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed before any rule ran, not redrawn.

from families14 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "darttest": ["CustomerRepository saves the phone", "ApiClient sends the bearer token", "LoginBloc emits failure"],
    "nunitfix": ["Acme.Orders.Tests.CustomerApiTests", "Globex.Billing.Tests.PayoutTests", "Initech.Crm.Tests.ContactImportTests"],
    "pestfile": ["tests/Feature/CheckoutTest.php", "tests/Feature/Auth/LoginTest.php", "tests/Unit/InvoiceTest.php"],
    "exmod": ["Shop.AccountsTest", "Billing.MailerTest", "Crm.ContactsTest"],
    "exfile": ["test/shop/accounts_test.exs", "test/billing/mailer_test.exs", "test/crm/contacts_test.exs"],
    "swifttest": ["KeychainTests", "APIClientTests", "ProfileViewModelTests"],
    "ktspec": ["CustomerRepositorySpec", "TokenServiceTest", "CheckoutFlowSpec"],
    "scalaspec": ["PaymentServiceSpec", "CustomerJsonSpec", "SessionStoreSpec"],
    "ruststest": ["orders_api::tests::charges_the_card", "billing_gateway::client::tests::signs_request", "checkout_svc::db::tests::stores_phone"],
    "junitclass": ["com.acme.orders.CustomerMapperTest", "com.globex.billing.PayoutServiceTest", "io.initech.crm.ContactImportTest"],
    "azstage": ["Build_and_test", "Integration", "Deploy_staging"],
    "azsvcconn": ["sc-acme-prod", "arm-globex-ci", "azure-initech-dev"],
    "bbpipe": ["atlassian/aws-s3-deploy:1.6.0", "atlassian/ssh-run:0.8.1", "atlassian/azure-web-apps-deploy:1.2.2"],
    "argoapp": ["orders-api-staging", "checkout-web-prod", "billing-worker-dev"],
    "jenkinsjob": ["orders-api/main", "checkout-e2e/PR-412", "billing-release"],
    "tcbuildtype": ["Shop_IntegrationTests", "Billing_E2E", "Crm_Deploy"],
    "bkqueue": ["default", "linux-large", "macos"],
    "pulumistack": ["acme/orders/staging", "globex/checkout/prod", "initech/billing/dev"],
    "cdkstack": ["OrdersApiStack", "CheckoutStack-e2e", "BillingPipelineStack"],
    "samfn": ["OrdersFunction", "WebhookHandler", "InvoiceWorker"],
    "pubsubtopic": ["orders-created", "customer-updates", "invoice-events"],
    "consulpath": ["config/orders-api", "services/checkout", "apps/billing/staging"],
    "vaultpath": ["secret/data/orders-api", "kv/ci/e2e", "secret/data/billing/stripe"],
    "helmrelease": ["orders-api", "checkout-web", "billing-worker"],
    "ansiblehost": ["web-01.acme.net", "db-02.globex.io", "app-03.initech.net"],
    "registry": ["registry.acme-corp.io", "harbor.globex.io", "acmecr.azurecr.io"],
    "orapdb": ["ORDERSPDB", "BILLING_SVC", "CRMPDB1"],
    "chdb": ["analytics", "events", "orders_ch"],
    "chhost": ["clickhouse-0.clickhouse.svc.cluster.local", "ch.analytics.acme.net", "abc123xyz.eu-west-1.aws.clickhouse.cloud"],
    "esidx": ["orders-2024.05", "customers-v3", "audit-000017"],
    "cqlks": ["orders_ks", "sessions", "billing"],
    "rmquser": ["orders_svc", "billing_publisher", "e2e"],
    "natssubj": ["orders.created", "billing.charge.requested", "kyc.verify"],
    "sqsqueue": ["orders-inbound", "email-outbox.fifo", "invoice-dlq"],
    "ddsvc": ["orders-api", "checkout-web", "billing-worker"],
    "grafanads": ["Postgres orders", "Loki prod", "ClickHouse analytics"],
    "xcuitest": ["LoginUITests", "CheckoutUITests", "ProfileUITests"],
    "detoxtest": ["e2e/login.test.js", "e2e/checkout.test.ts", "e2e/profile.test.js"],
    "apkpkg": ["com.acme.shop", "io.globex.wallet", "net.initech.portal"],
    "andtest": ["com.acme.shop.LoginTest", "io.globex.wallet.TransferTest", "net.initech.portal.ProfileTest"],
    "fastroute": ["/customers/{customer_id}", "/orders", "/me"],
    "efentity": ["Customer", "PaymentMethod", "Contact"],
    "mnbean": ["OrdersRepository", "DefaultDataSource", "BillingClient"],
    "railsparam": ["customer", "payment_method", "user"],
    "nextpage": ["/account", "/checkout", "/api/customers/[id]"],
    "r2dbcrepo": ["CustomerRepository", "OrderRepository", "SessionRepository"],
    "phxapp": ["ShopWeb", "BillingWeb", "CrmWeb"],
    "flaskbp": ["auth", "orders", "admin"],
    "sentinelmaster": ["mymaster", "sessions", "orders-cache"],
    "hurlfile": ["tests/login.hurl", "tests/orders/create.hurl", "smoke/customers.hurl"],
    "venomsuite": ["tests/api_orders.yml", "tests/login.venom.yml", "suites/customers.yml"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- Test runners of other languages -----------------------------------------------------------------------------------

fam("dart-test-expect-which-is-different", "https://pub.dev/packages/test; https://pub.dev/documentation/matcher/latest/matcher/equals.html", [
    """00:03 +12 -1: ${dartfile}: ${darttest} [E]
  Expected: '{"id":"${uuid}","phone":"{{PHONE_BI}}"}'
    Actual: '{"id":"${uuid}","phone":"{{PHONE_BI:2}}","email":"{{EMAIL}}"}'
     Which: is different. Both strings start the same, but the actual value also has the following trailing characters: ,"email":"{{EMAIL}}"}

  package:matcher                 expect
  ${dartfile} ${line}:7  main.<fn>.<fn>

00:03 +12 -1: Some tests failed.""",
    """00:05 +4 -1: ${dartfile}: ${darttest} [E]
  Expected: {'Authorization': 'Bearer token'}
    Actual: {'Authorization': 'Bearer {{JWT}}', 'X-Api-Key': '{{API_KEY}}'}
     Which: at location ['Authorization'] is different.
          Expected: Bearer tok ...
            Actual: Bearer {{JWT}} ...

  ${dartfile} ${line}:5  main.<fn>""",
], ["${dartfile}: ${darttest} [E]", "\"id\":\"${uuid}\"", "Which: is different. Both strings start the same", "package:matcher                 expect", "${dartfile} ${line}:7  main.<fn>.<fn>", "00:03 +12 -1: Some tests failed.", "Expected: {'Authorization': 'Bearer token'}", "Which: at location ['Authorization'] is different.", "${dartfile} ${line}:5  main.<fn>"],
    marker="Which: is different")

fam("nunit-has-property-constraint", "https://docs.nunit.org/articles/nunit/writing-tests/constraints/PropertyConstraint.html; https://docs.nunit.org/articles/nunit/writing-tests/assertions/assertion-models/constraint.html", [
    """  Failed GetCustomer_ReturnsStoredPhone [87 ms]
  Error Message:
     Expected: property Phone equal to "{{PHONE_CG}}"
  But was:  "{{PHONE_CG:2}}"

  Stack Trace:
     at ${nunitfix}.GetCustomer_ReturnsStoredPhone() in /src/tests/CustomerApiTests.cs:line ${line}
  Standard Output Messages:
 GET https://${apihost}/customers/${uuid} Authorization: Bearer {{JWT}}""",
    """  Failed CreatePayout_StoresIban [112 ms]
  Error Message:
     Expected: property Iban equal to "{{IBAN}}"
  But was:  null

  Stack Trace:
     at ${nunitfix}.CreatePayout_StoresIban() in /src/tests/PayoutTests.cs:line ${line}
  Standard Output Messages:
 ConnectionString=Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}""",
], ["Failed GetCustomer_ReturnsStoredPhone [87 ms]", "Expected: property Phone equal to", "at ${nunitfix}.GetCustomer_ReturnsStoredPhone() in /src/tests/CustomerApiTests.cs:line ${line}", "Standard Output Messages:", "GET https://${apihost}/customers/${uuid}", "Failed CreatePayout_StoresIban [112 ms]", "Expected: property Iban equal to", "But was:  null", "at ${nunitfix}.CreatePayout_StoresIban() in /src/tests/PayoutTests.cs:line ${line}", "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};"],
    marker="Expected: property")

fam("nunit-assert-multiple-failures", "https://docs.nunit.org/articles/nunit/writing-tests/assertions/multiple-asserts.html", [
    """  Failed Import_KeepsContactDetails [203 ms]
  Error Message:
   Multiple failures or warnings in test:
  1)   Expected: "{{EMAIL}}"
  But was:  "{{EMAIL:2}}"

  2)   Expected: "{{PHONE_TD}}"
  But was:  "{{PHONE_TD:2}}"

  Stack Trace:
     at ${nunitfix}.Import_KeepsContactDetails() in /src/tests/ContactImportTests.cs:line ${line}
1)    at ${nunitfix}.<Import_KeepsContactDetails>b__3_0() in /src/tests/ContactImportTests.cs:line ${line}""",
    """  Failed Register_SetsTaxId [64 ms]
  Error Message:
   Multiple failures or warnings in test:
  1)   Expected: "{{CIF_ES}}"
  But was:  ""
  2)   Expected: True
  But was:  False
  Standard Output Messages:
 POST https://${apihost}${apipath} X-Api-Key: {{API_KEY}} Cookie: .AspNetCore.Session={{B64_SECRET}}""",
], ["Failed Import_KeepsContactDetails [203 ms]", "Multiple failures or warnings in test:", "at ${nunitfix}.Import_KeepsContactDetails() in /src/tests/ContactImportTests.cs:line ${line}", "<Import_KeepsContactDetails>b__3_0()", "Failed Register_SetsTaxId [64 ms]", "Expected: True", "But was:  False", "POST https://${apihost}${apipath}"],
    marker="Multiple failures or warnings in test:")

fam("pest-collision-summary", "https://pestphp.com/docs/cli-api-reference; https://github.com/nunomaduro/collision", [
    """   FAIL  Tests\\Feature\\CheckoutTest
  ✓ it lists the cart                                                    0.12s
  ⨯ it charges the saved card                                            0.31s
  ──────────────────────────────────────────────────────────────────────────
   FAILED  Tests\\Feature\\CheckoutTest > it charges the saved card
  Expected response status code [201] but received 422.
  The following errors occurred during the last request:
  {"card_number":"{{CARD}}","message":"The card was declined.","stripe_key":"{{STRIPE_SK}}"}

  at ${pestfile}:${line}

  Tests:    1 failed, 12 passed (31 assertions)
  Duration: 1.84s""",
    """   FAIL  Tests\\Feature\\Auth\\LoginTest
  ⨯ it logs the customer in                                              0.22s
   FAILED  Tests\\Feature\\Auth\\LoginTest > it logs the customer in
  Failed asserting that '{"token":"{{JWT}}","phone":"{{PHONE_NE}}"}' contains "redirect".
  at ${pestfile}:${line}

  Tests:    1 failed, 4 passed (9 assertions)
  Duration: 0.93s
  DB_PASSWORD={{PASSWORD}} DB_HOST=${dbhost} DB_PORT=${myport} DB_DATABASE=${db} DB_USERNAME=${dbuser}""",
], ["FAIL  Tests\\Feature\\CheckoutTest", "it lists the cart", "FAILED  Tests\\Feature\\CheckoutTest > it charges the saved card", "Expected response status code [201] but received 422.", "The following errors occurred during the last request:", "\"message\":\"The card was declined.\"", "at ${pestfile}:${line}", "Tests:    1 failed, 12 passed (31 assertions)", "Duration: 1.84s", "FAILED  Tests\\Feature\\Auth\\LoginTest > it logs the customer in", "contains \"redirect\".", "Tests:    1 failed, 4 passed (9 assertions)", "DB_HOST=${dbhost} DB_PORT=${myport} DB_DATABASE=${db} DB_USERNAME=${dbuser}"],
    marker="Tests:    1 failed")

fam("exunit-assert-receive-mailbox", "https://hexdocs.pm/ex_unit/ExUnit.Assertions.html#assert_receive/3", [
    """  1) test sends the password reset mail (${exmod})
     ${exfile}:${line}
     Assertion failed, no matching message after 100ms
     The following variables were pinned:
       email = "{{EMAIL}}"
     Showing 1 of 1 message in the mailbox
     code: assert_receive {:email, %{to: ^email}}
     mailbox:
       pattern: {:email, %{to: ^email}}
       value:   {:email, %{to: "{{EMAIL:2}}", body: "Your code is {{OTP}}", reset_url: "https://${apihost}/reset/{{HEX40}}"}}
     stacktrace:
       ${exfile}:${line}: (test)""",
    """  2) test publishes the charge (${exmod})
     ${exfile}:${line}
     Assertion failed, no matching message after 500ms
     Showing 1 of 1 message in the mailbox
     code: assert_receive {:charge, %{iban: "DE00"}}
     mailbox:
       pattern: {:charge, %{iban: "DE00"}}
       value:   {:charge, %{iban: "{{IBAN}}", phone: "{{PHONE_GN}}", api_key: "{{STRIPE_SK}}"}}""",
], ["test sends the password reset mail (${exmod})", "${exfile}:${line}", "Assertion failed, no matching message after 100ms", "The following variables were pinned:", "Showing 1 of 1 message in the mailbox", "code: assert_receive {:email, %{to: ^email}}", "pattern: {:email, %{to: ^email}}", "https://${apihost}/reset/", "${exfile}:${line}: (test)", "test publishes the charge (${exmod})", "Assertion failed, no matching message after 500ms", "code: assert_receive {:charge, %{iban: \"DE00\"}}"],
    marker="Showing 1 of 1 message in the mailbox")

fam("exunit-regex-match-assertion", "https://hexdocs.pm/ex_unit/ExUnit.Assertions.html#assert/1", [
    """  1) test renders the receipt (${exmod})
     ${exfile}:${line}
     Assertion with =~ failed
     code:  assert html =~ "Receipt for"
     left:  "<p>Card {{CARD}} charged</p><p>Call us: {{PHONE_GW}}</p><input type=\\"hidden\\" name=\\"_csrf_token\\" value=\\"{{B64_SECRET}}\\">"
     right: "Receipt for"
     stacktrace:
       ${exfile}:${line}: (test)""",
    """  3) test logs the upstream call (${exmod})
     ${exfile}:${line}
     Assertion with =~ failed
     code:  assert log =~ ~r/status=200/
     left:  "[error] POST https://${apihost}${apipath} status=401 headers=[{\\"authorization\\", \\"Basic {{BASIC_CRED}}\\"}] repo=Ecto.Adapters.Postgres url=ecto://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
     right: ~r/status=200/""",
], ["test renders the receipt (${exmod})", "${exfile}:${line}", "Assertion with =~ failed", "code:  assert html =~ \"Receipt for\"", "right: \"Receipt for\"", "${exfile}:${line}: (test)", "test logs the upstream call (${exmod})", "code:  assert log =~ ~r/status=200/", "POST https://${apihost}${apipath} status=401", "@${dbhost}:${pgport}/${db}", "right: ~r/status=200/"],
    marker="Assertion with =~ failed")

fam("go-cmp-diff-want-got", "https://pkg.go.dev/github.com/google/go-cmp/cmp#Diff; https://go.dev/wiki/TestComments#print-diffs", [
    """--- FAIL: ${gotest} (0.01s)
    ${gofile}:${line}: GetCustomer() mismatch (-want +got):
          &store.Customer{
          	ID:    "${uuid}",
        - 	Phone: "{{PHONE_DJ}}",
        + 	Phone: "{{PHONE_DJ:2}}",
          	Email: "{{EMAIL}}",
        - 	Token: "",
        + 	Token: "{{HEX64}}",
          }
FAIL
FAIL	${gopkg}	0.412s""",
    """--- FAIL: ${gotest} (0.00s)
    --- FAIL: ${gotest}/with_basic_auth (0.00s)
        ${gofile}:${line}: request headers mismatch (-want +got):
              http.Header{
              	"Accept":        {"application/json"},
            - 	"Authorization": {"Basic dXNlcjpwYXNz"},
            + 	"Authorization": {"Basic {{BASIC_CRED}}"},
            + 	"X-Vault-Token": {"{{VAULT}}"},
              }
FAIL	${gopkg}	0.127s""",
], ["--- FAIL: ${gotest} (0.01s)", "${gofile}:${line}: GetCustomer() mismatch (-want +got):", "&store.Customer{", "ID:    \"${uuid}\"", "FAIL	${gopkg}	0.412s", "--- FAIL: ${gotest}/with_basic_auth (0.00s)", "${gofile}:${line}: request headers mismatch (-want +got):", "\"Accept\":        {\"application/json\"}", "FAIL	${gopkg}	0.127s"],
    marker="mismatch (-want +got)")

fam("xctest-xctunwrap-and-equal", "https://developer.apple.com/documentation/xctest/3380195-xctunwrap; https://developer.apple.com/documentation/xctest/boolean_assertions", [
    """Test Suite '${swifttest}' started at 2024-05-14 10:12:03.118.
/Users/runner/work/${repo}/Tests/${swifttest}.swift:${line}: error: -[AppTests.${swifttest} testStoresRefreshToken] : XCTUnwrap failed: expected non-nil value of type "String" - keychain entry for {{EMAIL}}
/Users/runner/work/${repo}/Tests/${swifttest}.swift:${line}: error: -[AppTests.${swifttest} testStoresRefreshToken] : XCTAssertEqual failed: ("Optional("{{HEX64}}")") is not equal to ("nil")
Test Case '-[AppTests.${swifttest} testStoresRefreshToken]' failed (0.214 seconds).""",
    """/Users/runner/work/${repo}/Tests/${swifttest}.swift:${line}: error: -[AppTests.${swifttest} testDecodesProfile] : XCTUnwrap failed: expected non-nil value of type "Profile" - body: {"phone":"{{PHONE_ER}}","session":"{{JWT}}"}
Test Case '-[AppTests.${swifttest} testDecodesProfile]' failed (0.031 seconds).
Executed 24 tests, with 1 failure (0 unexpected) in 1.802 (1.809) seconds""",
], ["Test Suite '${swifttest}' started at 2024-05-14 10:12:03.118.", "/Users/runner/work/${repo}/Tests/${swifttest}.swift:${line}: error: -[AppTests.${swifttest} testStoresRefreshToken]", "XCTUnwrap failed: expected non-nil value of type \"String\" - keychain entry for", "is not equal to (\"nil\")", "Test Case '-[AppTests.${swifttest} testStoresRefreshToken]' failed (0.214 seconds).", "-[AppTests.${swifttest} testDecodesProfile]", "XCTUnwrap failed: expected non-nil value of type \"Profile\"", "Executed 24 tests, with 1 failure (0 unexpected) in 1.802 (1.809) seconds"],
    marker="XCTUnwrap failed: expected non-nil value")

fam("swift-testing-expectation-failed", "https://developer.apple.com/documentation/testing/expectations; https://github.com/swiftlang/swift-testing", [
    """◇ Test run started.
◇ Test storesTheCustomer() started.
✘ Test storesTheCustomer() recorded an issue at ${swifttest}.swift:${line}:9: Expectation failed: (customer.phone → "{{PHONE_KM}}") == ("{{PHONE_KM:2}}")
✘ Test storesTheCustomer() recorded an issue at ${swifttest}.swift:${line}:9: Expectation failed: (request.value(forHTTPHeaderField: "Authorization") → "Bearer {{JWT}}") == nil
✘ Test storesTheCustomer() failed after 0.042 seconds with 2 issues.
✘ Test run with 18 tests failed after 0.311 seconds with 2 issues.""",
    """◇ Test signsTheWebhook() started.
✘ Test signsTheWebhook() recorded an issue at ${swifttest}.swift:${line}:5: Expectation failed: (signature → "{{HEX64}}") == (expected → "{{HEX64:2}}")
↳ secret: "{{WHSEC}}", url: https://${apihost}${apipath}
✘ Test signsTheWebhook() failed after 0.007 seconds with 1 issue.""",
], ["◇ Test run started.", "◇ Test storesTheCustomer() started.", "✘ Test storesTheCustomer() recorded an issue at ${swifttest}.swift:${line}:9: Expectation failed:", "failed after 0.042 seconds with 2 issues.", "✘ Test run with 18 tests failed after 0.311 seconds with 2 issues.", "◇ Test signsTheWebhook() started.", "recorded an issue at ${swifttest}.swift:${line}:5: Expectation failed: (signature", "url: https://${apihost}${apipath}", "✘ Test signsTheWebhook() failed after 0.007 seconds with 1 issue."],
    marker="Expectation failed:")

fam("kotest-collection-size-matcher", "https://kotest.io/docs/assertions/collection-matchers.html; https://kotest.io/docs/assertions/assertions.html", [
    """${ktspec} > stores every contact FAILED
    io.kotest.assertions.MultiAssertionError: The following 2 assertions failed:
    1) Collection should have size 2 but has size 3. Values: [Contact(email={{EMAIL}}, phone={{PHONE_SS}}), Contact(email={{EMAIL:2}}, phone={{PHONE_SS:2}}), Contact(email=ops@example.test, phone=null)]
       at ${javapkg}.${ktspec}$$1$$1.invokeSuspend(${ktspec}.kt:${line})
    2) expected:<"ACTIVE"> but was:<"PENDING">
       at ${javapkg}.${ktspec}$$1$$1.invokeSuspend(${ktspec}.kt:${line})""",
    """${ktspec} > issues a token FAILED
    java.lang.AssertionError: Collection should have size 1 but has size 2. Values: [Token(value={{HEX40}}, scope=read), Token(value={{HEX40:2}}, scope=admin)]
        at ${javapkg}.${ktspec}.issues a token(${ktspec}.kt:${line})
    datasource: jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}""",
], ["${ktspec} > stores every contact FAILED", "io.kotest.assertions.MultiAssertionError: The following 2 assertions failed:", "Collection should have size 2 but has size 3.", "Contact(email=ops@example.test, phone=null)", "at ${javapkg}.${ktspec}$$1$$1.invokeSuspend(${ktspec}.kt:${line})", "expected:<\"ACTIVE\"> but was:<\"PENDING\">", "${ktspec} > issues a token FAILED", "Collection should have size 1 but has size 2.", "scope=admin", "jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password="],
    marker="Collection should have size")

fam("scalatest-was-not-equal-to", "https://www.scalatest.org/user_guide/using_matchers#checkingEqualityWithMatchers; https://www.scalatest.org/user_guide/using_the_runner", [
    """[info] ${scalaspec}:
[info] - should serialise the customer *** FAILED ***
[info]   "{"email":"{{EMAIL}}","phone":"{{PHONE_ST}}"[]}" was not equal to "{"email":"{{EMAIL}}","phone":"{{PHONE_ST}}"[,"vat":"{{TVA_LU}}"]}" (${scalaspec}.scala:${line})
[info]   Analysis:
[info]   "...{{PHONE_ST}}"[]}" -> "...{{PHONE_ST}}"[,"vat":"{{TVA_LU}}"]}"
[info] Run completed in 2 seconds, 114 milliseconds.
[info] *** 1 TEST FAILED ***""",
    """[info] - should sign the outgoing call *** FAILED ***
[info]   Map("Authorization" -> "Bearer {{JWT}}", "X-Signature" -> "{{HEX64}}") was not equal to Map("Authorization" -> "Bearer test") (${scalaspec}.scala:${line})
[info]   slick.dbs.default.db.url = "jdbc:postgresql://${dbhost}:${pgport}/${db}", user = "${dbuser}", password = "{{PASSWORD}}"
[error] Failed tests:
[error] 	${javapkg}.${scalaspec}""",
], ["[info] ${scalaspec}:", "[info] - should serialise the customer *** FAILED ***", "(${scalaspec}.scala:${line})", "[info]   Analysis:", "Run completed in 2 seconds, 114 milliseconds.", "*** 1 TEST FAILED ***", "[info] - should sign the outgoing call *** FAILED ***", "was not equal to Map(\"Authorization\" -> \"Bearer test\")", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "user = \"${dbuser}\"", "[error] Failed tests:", "${javapkg}.${scalaspec}"],
    marker="was not equal to")

fam("cargo-nextest-fail-output", "https://nexte.st/docs/running/; https://nexte.st/docs/features/retries/", [
    """$$ cargo nextest run --workspace --profile ci
    Starting 48 tests across 6 binaries
        PASS [   0.012s] ${ruststest}_ok
        FAIL [   0.204s] ${ruststest}

--- STDOUT:              ${ruststest} ---
running 1 test
request: POST https://${apihost}${apipath} authorization=Bearer {{JWT}} body={"iban":"{{IBAN}}"}
--- STDERR:              ${ruststest} ---
thread '${ruststest}' panicked at src/lib.rs:${line}:9:
called `Result::unwrap()` on an `Err` value: Status(401)

     Summary [   1.822s] 48 tests run: 47 passed, 1 failed, 0 skipped
        FAIL [   0.204s] ${ruststest}
error: test run failed""",
    """$$ DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} cargo nextest run
    Starting 12 tests across 2 binaries
        FAIL [   5.011s] ${ruststest}
--- STDERR:              ${ruststest} ---
thread '${ruststest}' panicked at tests/db.rs:${line}:5:
pool timed out while waiting for an open connection
     Summary [   5.214s] 12 tests run: 11 passed, 1 failed, 0 skipped""",
], ["cargo nextest run --workspace --profile ci", "Starting 48 tests across 6 binaries", "FAIL [   0.204s] ${ruststest}", "--- STDOUT:              ${ruststest} ---", "request: POST https://${apihost}${apipath}", "thread '${ruststest}' panicked at src/lib.rs:${line}:9:", "called `Result::unwrap()` on an `Err` value: Status(401)", "Summary [   1.822s] 48 tests run: 47 passed, 1 failed, 0 skipped", "error: test run failed", "@${dbhost}:${pgport}/${db} cargo nextest run", "Starting 12 tests across 2 binaries", "pool timed out while waiting for an open connection"],
    marker="cargo nextest")

fam("junit5-assert-all-multiple-failures", "https://junit.org/junit5/docs/current/user-guide/#writing-tests-assertions; https://junit.org/junit5/docs/current/api/org.junit.jupiter.api/org/junit/jupiter/api/Assertions.html#assertAll(java.lang.String,org.junit.jupiter.api.function.Executable...)", [
    """[ERROR] ${junitclass}.mapsEveryField -- Time elapsed: 0.041 s <<< FAILURE!
org.opentest4j.MultipleFailuresError: customer (2 failures)
	org.opentest4j.AssertionFailedError: phone ==> expected: <{{PHONE_GQ}}> but was: <{{PHONE_GQ:2}}>
	org.opentest4j.AssertionFailedError: taxId ==> expected: <{{KMKR_EE}}> but was: <null>
	at org.junit.jupiter.api.AssertAll.assertAll(AssertAll.java:80)
	at ${junitclass}.mapsEveryField(CustomerMapperTest.java:${line})""",
    """[ERROR] ${junitclass}.sendsCredentials -- Time elapsed: 0.118 s <<< FAILURE!
org.opentest4j.MultipleFailuresError: Multiple Failures (2 failures)
	org.opentest4j.AssertionFailedError: expected: <200> but was: <401>
	org.opentest4j.AssertionFailedError: header ==> expected: <Bearer test> but was: <Bearer {{JWT}}>
	spring.datasource.url=jdbc:mysql://${dbhost}:${myport}/${db} spring.datasource.username=${dbuser} spring.datasource.password={{PASSWORD}}""",
], ["${junitclass}.mapsEveryField -- Time elapsed: 0.041 s <<< FAILURE!", "org.opentest4j.MultipleFailuresError: customer (2 failures)", "org.opentest4j.AssertionFailedError: phone ==> expected:", "taxId ==> expected:", "but was: <null>", "at org.junit.jupiter.api.AssertAll.assertAll(AssertAll.java:80)", "${junitclass}.sendsCredentials -- Time elapsed: 0.118 s <<< FAILURE!", "Multiple Failures (2 failures)", "expected: <200> but was: <401>", "jdbc:mysql://${dbhost}:${myport}/${db}", "spring.datasource.username=${dbuser}"],
    marker="Multiple Failures (")

fam("fluentassertions-expected-member", "https://fluentassertions.com/strings/; https://fluentassertions.com/objectgraphs/", [
    """  Failed ${dotnettest} [58 ms]
  Error Message:
   Expected customer.Email to be "{{EMAIL}}" with a length of 21, but "{{EMAIL:2}}" has a length of 23, differs near "@" (index 9).
  Stack Trace:
     at FluentAssertions.Execution.XUnit2TestFramework.Throw(String message)
     at ${dotnettest}() in /src/${csproj}/CustomerTests.cs:line ${line}
  Standard Output Messages:
 Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}};TrustServerCertificate=True""",
    """  Failed ${dotnettest} [22 ms]
  Error Message:
   Expected customer.Phone to be "{{PHONE_VU}}", but "{{PHONE_VU:2}}" differs near "{{PHONE_VU:2}}" (index 0).
   Expected property customer.VatNumber to be "{{VAT_MT}}", but found <null>.
  Stack Trace:
     at ${dotnettest}() in /src/${csproj}/CustomerTests.cs:line ${line}""",
], ["Failed ${dotnettest} [58 ms]", "Expected customer.Email to be", "with a length of 21, but", "has a length of 23, differs near \"@\" (index 9).", "at FluentAssertions.Execution.XUnit2TestFramework.Throw(String message)", "in /src/${csproj}/CustomerTests.cs:line ${line}", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};", "Failed ${dotnettest} [22 ms]", "Expected customer.Phone to be", "Expected property customer.VatNumber to be", "but found <null>."],
    marker="Expected customer.")

# --- CI ------------------------------------------------------------------------------------------------------------------

fam("azure-pipelines-bash-task-section", "https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/bash-v3; https://learn.microsoft.com/en-us/azure/devops/pipelines/scripts/logging-commands", [
    """##[section]Starting: Run integration tests
==============================================================================
Task         : Bash
Description  : Run a Bash script on macOS, Linux, or Windows
Version      : 3.236.1
Author       : Microsoft Corporation
Help         : https://docs.microsoft.com/azure/devops/pipelines/tasks/utility/bash
==============================================================================
Generating script.
========================== Starting Command Output ===========================
/usr/bin/bash /home/vsts/work/_temp/${uuid}.sh
+ export DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
+ dotnet test ${csproj} --logger trx
##[error]Bash exited with code '1'.
##[section]Finishing: Run integration tests""",
    """##[section]Starting: Publish test results
Generating script.
Script contents:
curl -sf -u :{{ADO_PAT}} https://dev.azure.com/${ghowner}/${ciproj}/_apis/test/runs?api-version=7.1
========================== Starting Command Output ===========================
curl: (22) The requested URL returned error: 401
##[error]Bash exited with code '22'.
##[section]Finishing: Publish test results""",
], ["##[section]Starting: Run integration tests", "Task         : Bash", "Description  : Run a Bash script on macOS, Linux, or Windows", "Version      : 3.236.1", "Generating script.", "========================== Starting Command Output ===========================", "/home/vsts/work/_temp/${uuid}.sh", "@${dbhost}:${pgport}/${db}", "dotnet test ${csproj} --logger trx", "##[error]Bash exited with code '1'.", "##[section]Finishing: Run integration tests", "##[section]Starting: Publish test results", "https://dev.azure.com/${ghowner}/${ciproj}/_apis/test/runs?api-version=7.1", "curl: (22) The requested URL returned error: 401"],
    marker="##[section]Starting:")

fam("azure-pipelines-azure-cli-task", "https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/azure-cli-v2; https://learn.microsoft.com/en-us/cli/azure/account#az-account-get-access-token", [
    """Task         : Azure CLI
Description  : Run Azure CLI commands against an Azure subscription in a PowerShell Core/Shell script when running on Linux agent or PowerShell/PowerShell Core/Batch script when running on Windows agent.
Version      : 2.238.1
==============================================================================
/usr/bin/az --version
azure-cli                         2.60.0
Setting AZURE_CONFIG_DIR env variable to: /home/vsts/work/_temp/.azclitask
/usr/bin/az account set --subscription ${uuid}
+ az account get-access-token --resource https://database.windows.net/
{
  "accessToken": "{{JWT}}",
  "expiresOn": "2024-05-14 11:12:03.000000",
  "subscription": "${uuid}",
  "tenant": "${uuid}",
  "tokenType": "Bearer"
}""",
    """Task         : Azure CLI
/usr/bin/az login --service-principal -u ${uuid} --password={{AZURE_CLIENT_SECRET}} --tenant ${uuid} --allow-no-subscriptions
ERROR: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${uuid}'.
##[error]Script failed with exit code: 1
  azureSubscription: ${azsvcconn}   scriptLocation: inlineScript   (task: AzureCLI@2)""",
], ["Task         : Azure CLI", "Run Azure CLI commands against an Azure subscription", "Version      : 2.238.1", "azure-cli                         2.60.0", "Setting AZURE_CONFIG_DIR env variable to: /home/vsts/work/_temp/.azclitask", "/usr/bin/az account set --subscription ${uuid}", "az account get-access-token --resource https://database.windows.net/", "\"expiresOn\": \"2024-05-14 11:12:03.000000\"", "\"tokenType\": \"Bearer\"", "/usr/bin/az login --service-principal -u ${uuid}", "--tenant ${uuid} --allow-no-subscriptions", "AADSTS7000215: Invalid client secret provided.", "##[error]Script failed with exit code: 1", "azureSubscription: ${azsvcconn}", "(task: AzureCLI@2)"],
    marker="Task         : Azure CLI")

fam("bitbucket-pipelines-pipe-debug", "https://support.atlassian.com/bitbucket-cloud/docs/what-are-pipes/; https://bitbucket.org/atlassian/aws-s3-deploy/src/master/README.md", [
    """+ umask 000
pipe: ${bbpipe}
Status: Downloaded newer image for bitbucketpipelines/aws-s3-deploy:1.6.0
DEBUG: Pipe variables: {'AWS_ACCESS_KEY_ID': '{{AWS_KEY_ID}}', 'AWS_SECRET_ACCESS_KEY': '{{AWS_SECRET}}', 'AWS_DEFAULT_REGION': '${region}', 'S3_BUCKET': '${bucket}', 'LOCAL_PATH': 'build', 'DEBUG': 'true'}
INFO: Starting deployment to S3...
upload failed: build/index.html to s3://${bucket}/index.html An error occurred (AccessDenied) when calling the PutObject operation: Access Denied
✖ Deployment failed.""",
    """pipe: ${bbpipe}
DEBUG: Pipe variables: {'SSH_USER': '${sshuser}', 'SERVER': '${sshhost}', 'COMMAND': 'DB_PASSWORD={{PASSWORD}} ./deploy.sh', 'BITBUCKET_APP_PASSWORD': '{{BITBUCKET_APP_PW}}', 'DEBUG': 'true'}
INFO: Executing the pipe...
ssh: connect to host ${sshhost} port 22: Connection timed out
✖ Execution failed.""",
], ["+ umask 000", "pipe: ${bbpipe}", "Status: Downloaded newer image for bitbucketpipelines/aws-s3-deploy:1.6.0", "DEBUG: Pipe variables:", "'AWS_DEFAULT_REGION': '${region}', 'S3_BUCKET': '${bucket}', 'LOCAL_PATH': 'build'", "INFO: Starting deployment to S3...", "upload failed: build/index.html to s3://${bucket}/index.html", "when calling the PutObject operation: Access Denied", "✖ Deployment failed.", "'SSH_USER': '${sshuser}', 'SERVER': '${sshhost}'", "INFO: Executing the pipe...", "ssh: connect to host ${sshhost} port 22: Connection timed out", "✖ Execution failed."],
    marker="pipe: atlassian/")

fam("drone-step-env-dump", "https://docs.drone.io/pipeline/environment/reference/; https://docs.drone.io/secret/repository/", [
    """+ env | sort | grep -E '^(DRONE|CI|DB|STRIPE)'
CI=true
DB_URL=mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}
DRONE_BRANCH=main
DRONE_BUILD_NUMBER=412
DRONE_COMMIT_SHA=${sha}
DRONE_REPO=${repo}
DRONE_STEP_NAME=integration
STRIPE_SECRET_KEY={{STRIPE_SK}}
+ go test ./...
--- FAIL: ${gotest} (0.31s)""",
    """latest: Pulling from drone/git
+ git init
+ git fetch https://${user}:{{GHP}}@github.com/${repo}.git +refs/heads/main:
+ git checkout ${sha} -b main
DRONE_COMMIT_SHA=${sha}
DRONE_TOKEN={{DRONE_TOKEN}} drone build promote ${repo} 412 staging
Error: client error 401: {"message":"Unauthorized"}""",
], ["CI=true", "@${dbhost}:${myport}/${db}", "DRONE_BRANCH=main", "DRONE_BUILD_NUMBER=412", "DRONE_COMMIT_SHA=${sha}", "DRONE_REPO=${repo}", "DRONE_STEP_NAME=integration", "--- FAIL: ${gotest} (0.31s)", "latest: Pulling from drone/git", "+ git checkout ${sha} -b main", "drone build promote ${repo} 412 staging", "Error: client error 401: {\"message\":\"Unauthorized\"}"],
    marker="DRONE_COMMIT_SHA")

fam("argocd-app-manifests-and-sync", "https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd_app_manifests/; https://argo-cd.readthedocs.io/en/stable/user-guide/commands/argocd_app_sync/", [
    """$$ argocd app manifests ${argoapp} --source live
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${argoapp}-env
  namespace: ${k8sns}
data:
  DATABASE_URL: postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
  SUPPORT_PHONE: "{{PHONE_SB}}"
  DD_CLIENT_TOKEN: {{DD_CLIENT_TOKEN}}""",
    """$$ argocd app sync ${argoapp} --auth-token {{JWT}} --server argocd.${cookiedomain}
Name:               argocd/${argoapp}
Sync Status:        Unknown
Health Status:      Healthy
CONDITION        MESSAGE
ComparisonError  rpc error: code = Unknown desc = `helm template . --name-template ${argoapp} --namespace ${k8sns} --set db.password={{PASSWORD}} --include-crds` failed exit status 1
FATA[0003] Operation has completed with phase: Failed""",
], ["argocd app manifests ${argoapp} --source live", "kind: ConfigMap", "name: ${argoapp}-env", "namespace: ${k8sns}", "@${dbhost}:${pgport}/${db}", "argocd app sync ${argoapp}", "Name:               argocd/${argoapp}", "Sync Status:        Unknown", "Health Status:      Healthy", "helm template . --name-template ${argoapp} --namespace ${k8sns}", "--include-crds` failed exit status 1", "Operation has completed with phase: Failed"],
    marker="argocd app")

fam("jenkins-console-started-by-user", "https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#handling-credentials; https://www.jenkins.io/doc/book/using/using-credentials/", [
    """Started by user Dana Whitfield
Obtained Jenkinsfile from git https://github.com/${repo}.git
Running in Durability level: MAX_SURVIVABILITY
[Pipeline] Start of Pipeline
[Pipeline] node
Running on ${runner} in /var/jenkins_home/workspace/${jenkinsjob}
+ mvn -B -Dspring.datasource.password={{PASSWORD}} -Dspring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} verify
[ERROR] Tests run: 42, Failures: 1, Errors: 0, Skipped: 0
ERROR: script returned exit code 1
Finished: FAILURE""",
    """Started by user ${user}
[Pipeline] withEnv
+ curl -fsS -u ${user}:{{JENKINS_TOKEN}} -X POST https://jenkins.${cookiedomain}/job/${jenkinsjob}/buildWithParameters?PHONE={{PHONE_TO}}
curl: (22) The requested URL returned error: 403
[Pipeline] End of Pipeline
Finished: FAILURE""",
], ["Obtained Jenkinsfile from git https://github.com/${repo}.git", "Running in Durability level: MAX_SURVIVABILITY", "[Pipeline] Start of Pipeline", "Running on ${runner} in /var/jenkins_home/workspace/${jenkinsjob}", "-Dspring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} verify", "[ERROR] Tests run: 42, Failures: 1, Errors: 0, Skipped: 0", "ERROR: script returned exit code 1", "Finished: FAILURE", "Started by user ${user}", "[Pipeline] withEnv", "https://jenkins.${cookiedomain}/job/${jenkinsjob}/buildWithParameters", "curl: (22) The requested URL returned error: 403", "[Pipeline] End of Pipeline"],
    marker="Started by user")

fam("teamcity-build-step-log", "https://www.jetbrains.com/help/teamcity/build-log.html; https://www.jetbrains.com/help/teamcity/command-line.html", [
    """[10:12:03] : Step 1/3: Run tests (Command Line)
[10:12:03] :	 [Step 1/3] Starting: /opt/buildagent/temp/agentTmp/custom_script${num}
[10:12:03] :	 [Step 1/3] in directory: /opt/buildagent/work/${hex16}
[10:12:04] :	 [Step 1/3] + export TEAMCITY_TOKEN={{TEAMCITY_TOKEN}}
[10:12:04] :	 [Step 1/3] + ./gradlew test -Pdb.url=jdbc:mysql://${dbhost}:${myport}/${db} -Pdb.user=${dbuser} -Pdb.password={{PASSWORD}}
[10:12:41]W:	 [Step 1/3] Process exited with code 1
[10:12:41]E:	 [Step 1/3] Process exited with code 1 (Step: Run tests (Command Line))""",
    """[10:14:02] : Step 2/3: Notify (Command Line)
[10:14:02] :	 [Step 2/3] + curl -H "Authorization: Bearer {{TEAMCITY_TOKEN}}" https://teamcity.${cookiedomain}/app/rest/builds/buildType:${tcbuildtype}
[10:14:02] :	 [Step 2/3] {"customer":"{{EMAIL}}","phone":"{{PHONE_SM}}"}
[10:14:03]E:	 [Step 2/3] Process exited with code 22 (Step: Notify (Command Line))""",
], ["Step 1/3: Run tests (Command Line)", "[Step 1/3] Starting: /opt/buildagent/temp/agentTmp/custom_script${num}", "[Step 1/3] in directory: /opt/buildagent/work/${hex16}", "jdbc:mysql://${dbhost}:${myport}/${db}", "-Pdb.user=${dbuser}", "[Step 1/3] Process exited with code 1", "(Step: Run tests (Command Line))", "Step 2/3: Notify (Command Line)", "https://teamcity.${cookiedomain}/app/rest/builds/buildType:${tcbuildtype}", "[Step 2/3] Process exited with code 22 (Step: Notify (Command Line))"],
    marker="[Step 1/")

fam("buildkite-preparing-working-directory", "https://buildkite.com/docs/agent/v3/hooks; https://buildkite.com/docs/pipelines/environment-variables", [
    """~~~ Preparing working directory
$$ cd /var/lib/buildkite-agent/builds/${runner}-1/${bkorg}/${bkpipeline}
# Creating "/var/lib/buildkite-agent/builds/${runner}-1/${bkorg}/${bkpipeline}"
$$ git clone -v -- https://x-access-token:{{GHS}}@github.com/${repo}.git .
Cloning into '.'...
$$ git checkout -f ${sha}
~~~ Running commands
$$ trap 'kill -- $$$$' INT TERM QUIT; BUILDKITE_API_TOKEN={{BUILDKITE_API}} ./scripts/e2e.sh
🚨 Error: The command exited with status 1""",
    """~~~ Preparing working directory
# Host "github.com" already in list of known hosts
$$ buildkite-agent start --token {{BUILDKITE_AGENT}} --tags queue=${bkqueue}
2024-05-14 10:12:03 ERROR  Failed to register: POST https://agent.buildkite.com/v3/register: 401 Unauthorized
2024-05-14 10:12:03 INFO   Retrying in 10s""",
], ["~~~ Preparing working directory", "cd /var/lib/buildkite-agent/builds/${runner}-1/${bkorg}/${bkpipeline}", "Cloning into '.'...", "git checkout -f ${sha}", "~~~ Running commands", "./scripts/e2e.sh", "Error: The command exited with status 1", "# Host \"github.com\" already in list of known hosts", "--tags queue=${bkqueue}", "Failed to register: POST https://agent.buildkite.com/v3/register: 401 Unauthorized", "INFO   Retrying in 10s"],
    marker="Preparing working directory")

# --- Cloud and infrastructure --------------------------------------------------------------------------------------------

fam("pulumi-up-diagnostics", "https://www.pulumi.com/docs/cli/commands/pulumi_up/; https://www.pulumi.com/docs/concepts/secrets/", [
    """Updating (${pulumistack})

View in Browser (Ctrl+O): https://app.pulumi.com/${pulumistack}/updates/42

     Type                 Name              Status                  Info
     pulumi:pulumi:Stack  orders-staging    **failed**              1 error; 2 messages
 +   └─ aws:rds:Instance  orders-db         **creating failed**     1 error

Diagnostics:
  pulumi:pulumi:Stack (orders-staging):
    connecting with postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
    error: update failed

  aws:rds:Instance (orders-db):
    error: 1 error occurred:
    	* creating RDS DB Instance (orders-db): InvalidParameterCombination: The parameter MasterUserPassword is not a valid password.

Resources:
    12 unchanged""",
    """$$ PULUMI_ACCESS_TOKEN={{PULUMI}} pulumi up --yes --stack ${pulumistack} --config stripeKey={{STRIPE_SK}}
Diagnostics:
  pulumi:pulumi:Stack (orders-staging):
    support contact: {{EMAIL}} {{PHONE_LC}}
    error: Program failed with an unhandled exception:
Duration: 14s""",
], ["Updating (${pulumistack})", "View in Browser (Ctrl+O): https://app.pulumi.com/${pulumistack}/updates/42", "pulumi:pulumi:Stack  orders-staging    **failed**", "aws:rds:Instance  orders-db         **creating failed**", "Diagnostics:", "pulumi:pulumi:Stack (orders-staging):", "@${dbhost}:${pgport}/${db}", "error: update failed", "creating RDS DB Instance (orders-db): InvalidParameterCombination", "12 unchanged", "pulumi up --yes --stack ${pulumistack}", "error: Program failed with an unhandled exception:", "Duration: 14s"],
    marker="Diagnostics:")

fam("cdk-deploy-stack-failed", "https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-deploy.html; https://docs.aws.amazon.com/cdk/v2/guide/parameters.html", [
    """$$ npx cdk deploy ${cdkstack} --require-approval never --parameters DbPassword={{PASSWORD}} --parameters StripeKey={{STRIPE_SK}}

✨  Synthesis time: 6.12s

${cdkstack}: deploying... [1/1]
${cdkstack}: creating CloudFormation changeset...
${cdkstack} | 3/12 | 10:12:41 AM | CREATE_FAILED        | AWS::RDS::DBInstance | OrdersDb (OrdersDb${hex8u}) Resource handler returned message: "The parameter MasterUserPassword is not a valid password."

 ❌  ${cdkstack} failed: Error: The stack named ${cdkstack} failed creation, it may need to be manually deleted from the AWS console: ROLLBACK_COMPLETE""",
    """$$ cdk deploy ${cdkstack} --context env=staging
${cdkstack}: deploying... [1/1]
 ✅  ${cdkstack}

Outputs:
${cdkstack}.ApiUrl = https://${hex10}.execute-api.${region}.amazonaws.com/prod/
${cdkstack}.AdminPassword = {{PASSWORD}}
${cdkstack}.ConfluentApiSecret = {{CONFLUENT_SECRET}}
Stack ARN:
arn:aws:cloudformation:${region}:${account12}:stack/${cdkstack}/${uuid}""",
], ["cdk deploy ${cdkstack} --require-approval never", "Synthesis time: 6.12s", "${cdkstack}: deploying... [1/1]", "${cdkstack}: creating CloudFormation changeset...", "CREATE_FAILED        | AWS::RDS::DBInstance", "The parameter MasterUserPassword is not a valid password.", "failed: Error: The stack named ${cdkstack} failed creation", "ROLLBACK_COMPLETE", "cdk deploy ${cdkstack} --context env=staging", "${cdkstack}.ApiUrl = https://${hex10}.execute-api.${region}.amazonaws.com/prod/", "Stack ARN:", "arn:aws:cloudformation:${region}:${account12}:stack/${cdkstack}/${uuid}"],
    marker="cdk deploy")

fam("sam-deploy-values-and-changeset", "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/using-sam-cli-deploy.html; https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-deploy.html", [
    """$$ sam deploy --no-confirm-changeset --parameter-overrides DbPassword={{PASSWORD}} StripeKey={{STRIPE_SK}}

	Deploying with following values
	===============================
	Stack name                   : ${slssvc}
	Region                       : ${region}
	Confirm changeset            : False
	Disable rollback             : False
	Deployment s3 bucket         : aws-sam-cli-managed-default-samclisourcebucket-${hex12}
	Capabilities                 : ["CAPABILITY_IAM"]
	Parameter overrides          : {"DbPassword": "{{PASSWORD}}", "StripeKey": "{{STRIPE_SK}}", "DbHost": "${dbhost}"}
	Signing Profiles             : {}

Error: Failed to create changeset for the stack: ${slssvc}, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED.""",
    """$$ sam deploy --guided
	Parameter overrides          : {"VonageApiSecret": "{{VONAGE_SECRET}}", "OpsPhone": "{{PHONE_PS}}"}
CloudFormation events from stack operations (refresh every 5.0 seconds)
UPDATE_FAILED             AWS::Lambda::Function     ${samfn}     Resource handler returned message: "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit."
Error: Failed to create/update the stack: ${slssvc}, Waiter StackUpdateComplete failed""",
], ["sam deploy --no-confirm-changeset", "Deploying with following values", "Stack name                   : ${slssvc}", "Region                       : ${region}", "Confirm changeset            : False", "aws-sam-cli-managed-default-samclisourcebucket-${hex12}", "Capabilities                 : [\"CAPABILITY_IAM\"]", "\"DbHost\": \"${dbhost}\"", "Signing Profiles             : {}", "Error: Failed to create changeset for the stack: ${slssvc}", "sam deploy --guided", "CloudFormation events from stack operations (refresh every 5.0 seconds)", "AWS::Lambda::Function     ${samfn}", "Error: Failed to create/update the stack: ${slssvc}, Waiter StackUpdateComplete failed"],
    marker="sam deploy")

fam("gcloud-pubsub-pull-and-publish", "https://cloud.google.com/sdk/gcloud/reference/pubsub/subscriptions/pull; https://cloud.google.com/sdk/gcloud/reference/pubsub/topics/publish", [
    """$$ gcloud pubsub subscriptions pull ${pubsubtopic}-sub --project ${gcpproj} --auto-ack --limit 2 --format=json
[
  {
    "ackId": "${b64_44}",
    "message": {
      "attributes": {"authorization": "Bearer {{GOOGLE_OAUTH_ACCESS}}"},
      "data": "${b64_24}",
      "messageId": "${num18}",
      "publishTime": "2024-05-14T10:12:03.118Z"
    },
    "decoded": "{\\"email\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_FO}}\\"}"
  }
]""",
    """$$ gcloud pubsub topics publish ${pubsubtopic} --project ${gcpproj} --message '{"customer":"{{EMAIL}}","iban":"{{IBAN}}","vat":"{{DPH_SK}}"}' --attribute=apiKey={{API_KEY}}
messageIds:
- '${num18}'
ERROR: (gcloud.pubsub.topics.publish) PERMISSION_DENIED: User not authorized to perform this action.""",
], ["gcloud pubsub subscriptions pull ${pubsubtopic}-sub --project ${gcpproj} --auto-ack --limit 2 --format=json", "\"messageId\": \"${num18}\"", "\"publishTime\": \"2024-05-14T10:12:03.118Z\"", "gcloud pubsub topics publish ${pubsubtopic} --project ${gcpproj}", "messageIds:", "- '${num18}'", "(gcloud.pubsub.topics.publish) PERMISSION_DENIED: User not authorized to perform this action."],
    marker="gcloud pubsub")

fam("consul-kv-get-recurse", "https://developer.hashicorp.com/consul/commands/kv/get; https://developer.hashicorp.com/consul/commands#environment-variables", [
    """$$ CONSUL_HTTP_ADDR=https://consul.${cookiedomain}:8501 CONSUL_HTTP_TOKEN={{CONSUL_TOKEN}} consul kv get -recurse ${consulpath}/
${consulpath}/db/host:${dbhost}
${consulpath}/db/port:${pgport}
${consulpath}/db/name:${db}
${consulpath}/db/user:${dbuser}
${consulpath}/db/password:{{PASSWORD}}
${consulpath}/airtable/token:{{AIRTABLE_PAT}}
${consulpath}/feature/new-checkout:true""",
    """$$ consul kv get -detailed ${consulpath}/klaviyo/private_key
CreateIndex      ${num}
Flags            0
Key              ${consulpath}/klaviyo/private_key
LockIndex        0
ModifyIndex      ${num}
Session          -
Value            {{KLAVIYO_KEY}}
Error querying Consul agent: Unexpected response code: 403 (ACL not found)""",
], ["CONSUL_HTTP_ADDR=https://consul.${cookiedomain}:8501", "consul kv get -recurse ${consulpath}/", "${consulpath}/db/host:${dbhost}", "${consulpath}/db/port:${pgport}", "${consulpath}/db/name:${db}", "${consulpath}/db/user:${dbuser}", "${consulpath}/feature/new-checkout:true", "consul kv get -detailed ${consulpath}/klaviyo/private_key", "Key              ${consulpath}/klaviyo/private_key", "LockIndex        0", "Session          -", "Error querying Consul agent: Unexpected response code: 403 (ACL not found)"],
    marker="consul kv")

fam("vault-login-token-table", "https://developer.hashicorp.com/vault/docs/commands/login; https://developer.hashicorp.com/vault/docs/auth/userpass", [
    """$$ vault login -method=userpass username=${user} password={{PASSWORD}}
Success! You are now authenticated. The token information displayed below
is already stored in the token helper. You do NOT need to run "vault login"
again. Future Vault requests will automatically use this token.

Key                    Value
---                    -----
token                  {{VAULT}}
token_accessor         ${alnum24}
token_duration         768h
token_renewable        true
token_policies         ["default" "orders-ci"]
identity_policies      []
policies               ["default" "orders-ci"]
token_meta_username    ${user}""",
    """$$ VAULT_ADDR=https://vault.${cookiedomain}:8200 vault login -method=approle role_id=${uuid} secret_id={{UUID_SECRET}}
Error authenticating: Error making API request.

URL: PUT https://vault.${cookiedomain}:8200/v1/auth/approle/login
Code: 400. Errors:

* invalid role or secret ID""",
], ["vault login -method=userpass username=${user}", "Success! You are now authenticated. The token information displayed below", "is already stored in the token helper.", "Key                    Value", "token_accessor         ${alnum24}", "token_duration         768h", "token_policies         [\"default\" \"orders-ci\"]", "token_meta_username    ${user}", "VAULT_ADDR=https://vault.${cookiedomain}:8200 vault login -method=approle role_id=${uuid}", "Error authenticating: Error making API request.", "URL: PUT https://vault.${cookiedomain}:8200/v1/auth/approle/login", "Code: 400. Errors:", "* invalid role or secret ID"],
    marker="vault login")

fam("helm-get-manifest-secret", "https://helm.sh/docs/helm/helm_get_manifest/; https://kubernetes.io/docs/concepts/configuration/secret/", [
    """$$ helm get manifest ${helmrelease} -n ${k8sns}
---
# Source: ${helmrelease}/templates/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: ${helmrelease}-env
  labels:
    app.kubernetes.io/instance: ${helmrelease}
type: Opaque
stringData:
  DATABASE_URL: "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
  SANITY_API_TOKEN: "{{SANITY_TOKEN}}"
  SENDGRID_API_KEY: "{{SENDGRID}}\"""",
    """$$ helm get manifest ${helmrelease} -n ${k8sns} | grep -A6 'kind: Deployment'
kind: Deployment
        - name: LIGHTSTEP_ACCESS_TOKEN
          value: "{{LIGHTSTEP_TOKEN}}"
        - name: OPS_PHONE
          value: "{{PHONE_GL}}"
Error: UPGRADE FAILED: cannot patch "${helmrelease}" with kind Deployment: Deployment.apps "${helmrelease}" is invalid""",
], ["helm get manifest ${helmrelease} -n ${k8sns}", "# Source: ${helmrelease}/templates/secret.yaml", "kind: Secret", "name: ${helmrelease}-env", "app.kubernetes.io/instance: ${helmrelease}", "type: Opaque", "@${dbhost}:${pgport}/${db}", "- name: LIGHTSTEP_ACCESS_TOKEN", "- name: OPS_PHONE", "Error: UPGRADE FAILED: cannot patch \"${helmrelease}\" with kind Deployment", "Deployment.apps \"${helmrelease}\" is invalid"],
    marker="helm get manifest")

fam("ansible-inventory-list-hostvars", "https://docs.ansible.com/ansible/latest/cli/ansible-inventory.html; https://docs.ansible.com/ansible/latest/inventory_guide/connection_details.html", [
    """$$ ansible-inventory --list -i inventories/staging
{
    "_meta": {
        "hostvars": {
            "${ansiblehost}": {
                "ansible_host": "${privip}",
                "ansible_user": "${sshuser}",
                "ansible_password": "{{PASSWORD}}",
                "ansible_become_pass": "{{PASSWORD:2}}",
                "db_url": "mysql://${dbuser}:{{PASSWORD:3}}@${dbhost}:${myport}/${db}"
            }
        }
    },
    "all": {
        "children": ["ungrouped", "web"]
    }
}""",
    """$$ ansible-inventory --list -i inventories/prod --yaml
all:
  children:
    web:
      hosts:
        ${ansiblehost}:
          ansible_host: ${privip}
          rabbitmq_erlang_cookie: {{ERLANG_COOKIE}}
          oncall_phone: '{{PHONE_GD}}'
[WARNING]: Invalid characters were found in group names but not replaced, use -vvvv to see details""",
], ["ansible-inventory --list -i inventories/staging", "\"_meta\": {", "\"hostvars\": {", "\"${ansiblehost}\": {", "\"ansible_host\": \"${privip}\"", "\"ansible_user\": \"${sshuser}\"", "@${dbhost}:${myport}/${db}", "\"children\": [\"ungrouped\", \"web\"]", "ansible-inventory --list -i inventories/prod --yaml", "ansible_host: ${privip}", "Invalid characters were found in group names but not replaced"],
    marker="ansible-inventory --list")

fam("docker-login-unencrypted-warning", "https://docs.docker.com/reference/cli/docker/login/; https://docs.docker.com/reference/cli/docker/login/#credential-stores", [
    """+ docker login ${registry} -u ${user} -p {{DOCKER_PAT}}
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
WARNING! Your password will be stored unencrypted in /home/runner/.docker/config.json.
Configure a credential helper to remove this warning. See
https://docs.docker.com/engine/reference/commandline/login/#credential-stores

Login Succeeded
+ docker push ${registry}/${helmrelease}:${sha7}
denied: requested access to the resource is denied""",
    """+ echo {{PASSWORD}} | docker login ${registry} --username ${user} --password-stdin
WARNING! Your password will be stored unencrypted in /root/.docker/config.json.
Login Succeeded
+ cat /root/.docker/config.json
{"auths":{"${registry}":{"auth":"{{BASIC_CRED}}"}}}""",
], ["docker login ${registry} -u ${user} -p", "WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "WARNING! Your password will be stored unencrypted in /home/runner/.docker/config.json.", "Configure a credential helper to remove this warning.", "https://docs.docker.com/engine/reference/commandline/login/#credential-stores", "Login Succeeded", "docker push ${registry}/${helmrelease}:${sha7}", "denied: requested access to the resource is denied", "docker login ${registry} --username ${user} --password-stdin", "/root/.docker/config.json", "{\"auths\":{\"${registry}\":{\"auth\":"],
    marker="WARNING! Your password will be stored unencrypted")

# --- Databases, drivers and queues ---------------------------------------------------------------------------------------

fam("sqlplus-banner-and-query", "https://docs.oracle.com/en/database/oracle/oracle-database/19/sqpug/SQL-Plus-quick-start.html; https://docs.oracle.com/en/database/oracle/oracle-database/19/sqpug/SQLPLUS-command-reference.html", [
    """+ sqlplus -L ${dbuser}/{{PASSWORD}}@//${orahost}:1521/${orapdb} @smoke.sql

SQL*Plus: Release 19.0.0.0.0 - Production on Tue May 14 10:12:03 2024
Version 19.22.0.0.0

Copyright (c) 1982, 2023, Oracle.  All rights reserved.

ERROR:
ORA-28000: The account is locked.

SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus""",
    """SQL*Plus: Release 21.0.0.0.0 - Production on Tue May 14 10:12:03 2024
Connected to:
Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production
SQL> SELECT email, phone, vat_no FROM customers WHERE id = 42;

EMAIL                          PHONE            VAT_NO
------------------------------ ---------------- ------------
{{EMAIL}}                      {{PHONE_BI}}     {{EIK_BG}}

SQL> CONNECT ${dbuser}/{{PASSWORD}}@${orahost}:1521/${orapdb}
ORA-01005: null password given; logon denied""",
], ["sqlplus -L ${dbuser}/", "@//${orahost}:1521/${orapdb} @smoke.sql", "SQL*Plus: Release 19.0.0.0.0 - Production on Tue May 14 10:12:03 2024", "Version 19.22.0.0.0", "Copyright (c) 1982, 2023, Oracle.  All rights reserved.", "ORA-28000: The account is locked.", "Unable to connect to Oracle.  Exiting SQL*Plus", "Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production", "SQL> SELECT email, phone, vat_no FROM customers WHERE id = 42;", "SQL> CONNECT ${dbuser}/", "@${orahost}:1521/${orapdb}", "ORA-01005: null password given; logon denied"],
    marker="SQL*Plus: Release")

fam("oracle-tns-listener-refused", "https://docs.oracle.com/en/database/oracle/oracle-database/19/errmg/ORA-12500.html; https://python-oracledb.readthedocs.io/en/latest/user_guide/troubleshooting.html", [
    """java.sql.SQLRecoverableException: Listener refused the connection with the following error:
ORA-12514, TNS:listener does not currently know of service requested in connect descriptor
 (CONNECTION_ID=${b64url22})
	at oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:${line})
	at ${javapkg}.OrderRepositoryIT.setUp(OrderRepositoryIT.java:${line})
  url=jdbc:oracle:thin:${dbuser}/{{PASSWORD}}@//${orahost}:1521/${orapdb}""",
    """oracledb.exceptions.OperationalError: DPY-6001: cannot connect to database (CONNECTION_ID=${b64url22}).
DPY-4011: the database or network closed the connection
Help: https://python-oracledb.readthedocs.io/en/latest/user_guide/troubleshooting.html#dpy-6001
  dsn = "${orahost}:1521/${orapdb}", user = "${dbuser}", password = "{{PASSWORD}}"
ORA-12505: TNS:listener does not currently know of SID given in connect descriptor""",
], ["java.sql.SQLRecoverableException: Listener refused the connection with the following error:", "ORA-12514, TNS:listener does not currently know of service requested in connect descriptor", "(CONNECTION_ID=${b64url22})", "at oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:${line})", "at ${javapkg}.OrderRepositoryIT.setUp(OrderRepositoryIT.java:${line})", "jdbc:oracle:thin:${dbuser}/", "@//${orahost}:1521/${orapdb}", "DPY-6001: cannot connect to database", "DPY-4011: the database or network closed the connection", "dsn = \"${orahost}:1521/${orapdb}\", user = \"${dbuser}\"", "ORA-12505: TNS:listener does not currently know of SID given in connect descriptor"],
    marker="TNS:listener")

fam("sqlclient-login-process-error", "https://learn.microsoft.com/en-us/troubleshoot/sql/database-engine/connect/certificate-chain-not-trusted; https://learn.microsoft.com/en-us/sql/connect/ado-net/connection-string-syntax", [
    """  Failed ${dotnettest} [1 s]
  Error Message:
   Microsoft.Data.SqlClient.SqlException : A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)
---- System.ComponentModel.Win32Exception : The certificate chain was issued by an authority that is not trusted.
  Standard Output Messages:
 ConnectionStrings:Orders = Data Source=${sqlsrvhost},1433;Initial Catalog=${sqlsrvdb};User ID=${dbuser};Password={{PASSWORD}};Encrypt=True""",
    """Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the login process. (provider: TCP Provider, error: 35 - An internal exception was caught)
 ---> System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer.
ClientConnectionId:${uuid}
   connection: Server=tcp:${sqlsrvhost},1433;Database=${sqlsrvdb};User Id=${dbuser};Pwd={{PASSWORD}};""",
], ["Failed ${dotnettest} [1 s]", "A connection was successfully established with the server, but then an error occurred during the login process.", "(provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)", "System.ComponentModel.Win32Exception : The certificate chain was issued by an authority that is not trusted.", "Data Source=${sqlsrvhost},1433;Initial Catalog=${sqlsrvdb};User ID=${dbuser};", "Microsoft.Data.SqlClient.SqlException (0x80131904)", "(provider: TCP Provider, error: 35 - An internal exception was caught)", "Unable to read data from the transport connection: Connection reset by peer.", "ClientConnectionId:${uuid}", "Server=tcp:${sqlsrvhost},1433;Database=${sqlsrvdb};User Id=${dbuser};"],
    marker="but then an error occurred during the login process")

fam("sqlcmd-msg-18456-login-failed", "https://learn.microsoft.com/en-us/sql/tools/sqlcmd/sqlcmd-utility; https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/mssqlserver-18456-database-engine-error", [
    """+ /opt/mssql-tools18/bin/sqlcmd -S ${sqlsrvhost},1433 -U ${dbuser} -P '{{PASSWORD}}' -C -d ${sqlsrvdb} -i db/seed.sql
Msg 18456, Level 14, State 1, Server ${containerid}, Line 1
Login failed for user '${dbuser}'.
Error: Process completed with exit code 1.""",
    """$$ sqlcmd -S ${sqlsrvhost} -U ${dbuser} -P {{PASSWORD}} -Q "SELECT Email, Phone, IBAN FROM dbo.Customers WHERE Id = 7"
Email                                    Phone              IBAN
---------------------------------------- ------------------ ----------------------------------
{{EMAIL}}                                {{PHONE_CF}}       {{IBAN}}

(1 rows affected)
Msg 18456, Level 14, State 1, Server ${containerid}, Line 1""",
], ["/opt/mssql-tools18/bin/sqlcmd -S ${sqlsrvhost},1433 -U ${dbuser} -P", "-C -d ${sqlsrvdb} -i db/seed.sql", "Msg 18456, Level 14, State 1, Server ${containerid}, Line 1", "Login failed for user '${dbuser}'.", "Error: Process completed with exit code 1.", "sqlcmd -S ${sqlsrvhost} -U ${dbuser} -P", "SELECT Email, Phone, IBAN FROM dbo.Customers WHERE Id = 7", "(1 rows affected)"],
    marker="Msg 18456, Level 14, State 1")

fam("clickhouse-authentication-failed", "https://clickhouse.com/docs/en/interfaces/cli; https://clickhouse.com/docs/en/interfaces/http", [
    """$$ clickhouse client --host ${chhost} --port 9440 --secure --user ${dbuser} --password '{{PASSWORD}}' --database ${chdb} --query "SELECT count() FROM events"
Code: 516. DB::Exception: Received from ${chhost}:9440. DB::Exception: ${dbuser}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)
(version 24.3.2.23 (official build))""",
    """+ curl -sS 'https://${dbuser}:{{PASSWORD}}@${chhost}:8443/?database=${chdb}&query=SELECT%20email%2C%20phone%20FROM%20customers%20LIMIT%201'
{{EMAIL}}	{{PHONE_TD}}
+ curl -sS -H 'X-ClickHouse-User: ${dbuser}' -H 'X-ClickHouse-Key: {{PASSWORD:2}}' 'https://${chhost}:8443/?query=SELECT%201'
Code: 516. DB::Exception: ${dbuser}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 24.3.2.23 (official build))""",
], ["clickhouse client --host ${chhost} --port 9440 --secure --user ${dbuser} --password", "--database ${chdb} --query \"SELECT count() FROM events\"", "Code: 516. DB::Exception: Received from ${chhost}:9440.", "Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)", "(version 24.3.2.23 (official build))", "@${chhost}:8443/?database=${chdb}&query=SELECT%20email%2C%20phone%20FROM%20customers%20LIMIT%201", "-H 'X-ClickHouse-User: ${dbuser}'", "https://${chhost}:8443/?query=SELECT%201"],
    marker="(AUTHENTICATION_FAILED)")

fam("elasticsearch-cat-indices-and-search", "https://www.elastic.co/guide/en/elasticsearch/reference/current/cat-indices.html; https://www.elastic.co/guide/en/elasticsearch/reference/current/search-search.html", [
    """+ curl -s -u elastic:{{PASSWORD}} 'https://${eshost}:9200/_cat/indices?v&s=index'
health status index          uuid                   pri rep docs.count docs.deleted store.size pri.store.size
yellow open   ${esidx}  ${b64url22}   1   1       1204            0      1.2mb          1.2mb
green  open   .kibana_8.13.4_001 ${alnum22}   1   0        312           12    640.1kb        640.1kb
+ npm run test:search
  ● search › finds the customer by phone
    expect(received).toBe(expected) // Object.is equality""",
    """+ curl -s -H 'Authorization: ApiKey {{ES_API_KEY}}' 'https://${eshost}:9200/${esidx}/_search?q=phone:%22{{PHONE_DJ}}%22'
{"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"hits":[{"_index":"${esidx}","_id":"${uuid}","_source":{"email":"{{EMAIL}}","phone":"{{PHONE_DJ}}","vat":"{{VAT_CY}}"}}]}}
+ curl -s 'https://${eshost}:9200/_cat/indices/${esidx}?h=health,docs.count'
yellow 1""",
], ["https://${eshost}:9200/_cat/indices?v&s=index", "health status index          uuid                   pri rep docs.count docs.deleted store.size pri.store.size", "yellow open   ${esidx}", "1   1       1204            0      1.2mb          1.2mb", ".kibana_8.13.4_001", "search › finds the customer by phone", "https://${eshost}:9200/${esidx}/_search", "\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}", "\"_index\":\"${esidx}\",\"_id\":\"${uuid}\"", "https://${eshost}:9200/_cat/indices/${esidx}?h=health,docs.count"],
    marker="_cat/indices")

fam("cassandra-driver-all-nodes-failed", "https://docs.datastax.com/en/developer/java-driver/4.17/manual/core/authentication/index.html; https://docs.datastax.com/en/developer/java-driver/4.17/manual/core/configuration/reference/index.html", [
    """com.datastax.oss.driver.api.core.AllNodesFailedException: Could not reach any contact point, make sure you've provided valid addresses (showing first 1 nodes, use getAllErrors() for more): Node(endPoint=${cashost}/${privip}:9042, hostId=null, hashCode=${hex8}): [com.datastax.oss.driver.api.core.auth.AuthenticationException: Authentication error on node ${cashost}/${privip}:9042: server replied with 'Bad credentials' to AuthResponse request]
	at ${javapkg}.SessionStoreIT.connect(SessionStoreIT.java:${line})
datastax-java-driver.advanced.auth-provider { class = PlainTextAuthProvider, username = "${dbuser}", password = "{{PASSWORD}}" }""",
    """com.datastax.oss.driver.api.core.AllNodesFailedException: All 1 node(s) tried for the query failed (showing first 1 nodes, use getAllErrors() for more): Node(endPoint=${cashost}:9042, hostId=${uuid}, hashCode=${hex8}): [com.datastax.oss.driver.api.core.servererrors.ServerError: Timed out]
  query: INSERT INTO ${cqlks}.customers (id, email, phone, api_token) VALUES (${uuid}, '{{EMAIL}}', '{{PHONE_ER}}', '{{HEX40}}')""",
], ["com.datastax.oss.driver.api.core.AllNodesFailedException: Could not reach any contact point", "make sure you've provided valid addresses (showing first 1 nodes, use getAllErrors() for more)", "Node(endPoint=${cashost}/${privip}:9042, hostId=null, hashCode=${hex8})", "Authentication error on node ${cashost}/${privip}:9042", "to AuthResponse request]", "at ${javapkg}.SessionStoreIT.connect(SessionStoreIT.java:${line})", "class = PlainTextAuthProvider, username = \"${dbuser}\"", "All 1 node(s) tried for the query failed", "Node(endPoint=${cashost}:9042, hostId=${uuid}, hashCode=${hex8})", "INSERT INTO ${cqlks}.customers (id, email, phone, api_token)"],
    marker="Could not reach any contact point")

fam("mysql-connectorj-communications-link", "https://dev.mysql.com/doc/connector-j/en/connector-j-reference-configuration-properties.html; https://dev.mysql.com/doc/connector-j/en/connector-j-usagenotes-troubleshooting.html", [
    """com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure

The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.
	at com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:175)
	at ${javapkg}.CustomerDaoIT.setUp(CustomerDaoIT.java:${line})
Caused by: java.net.ConnectException: Connection refused
  jdbc.url=jdbc:mysql://${dbhost}:${myport}/${db}?user=${dbuser}&password={{PASSWORD}}&useSSL=false""",
    """org.hibernate.exception.JDBCConnectionException: unable to obtain isolated JDBC connection [Communications link failure

The last packet successfully received from the server was 30,012 milliseconds ago. The last packet sent successfully to the server was 30,013 milliseconds ago.] [n/a]
  hibernate.connection.url=jdbc:mysql://${dbhost}:${myport}/${db} hibernate.connection.username=${dbuser} hibernate.connection.password={{PASSWORD}}""",
], ["com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure", "The last packet sent successfully to the server was 0 milliseconds ago.", "The driver has not received any packets from the server.", "SQLError.createCommunicationsException(SQLError.java:175)", "at ${javapkg}.CustomerDaoIT.setUp(CustomerDaoIT.java:${line})", "Caused by: java.net.ConnectException: Connection refused", "jdbc:mysql://${dbhost}:${myport}/${db}?user=${dbuser}&password=", "&useSSL=false", "unable to obtain isolated JDBC connection", "The last packet successfully received from the server was 30,012 milliseconds ago.", "hibernate.connection.url=jdbc:mysql://${dbhost}:${myport}/${db}", "hibernate.connection.username=${dbuser}"],
    marker="Communications link failure")

fam("mysql-public-key-retrieval-not-allowed", "https://dev.mysql.com/doc/connector-j/en/connector-j-connp-props-security.html; https://documentation.red-gate.com/fd/mysql-184127601.html", [
    """java.sql.SQLNonTransientConnectionException: Public Key Retrieval is not allowed
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111)
	at com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:${line})
  spring.datasource.url=jdbc:mysql://${dbhost}:${myport}/${db}?useSSL=false
  spring.datasource.username=${dbuser}
  spring.datasource.password={{PASSWORD}}""",
    """ERROR: Unable to obtain connection from database (jdbc:mysql://${dbhost}:${myport}/${db}?user=${dbuser}&password={{PASSWORD}}) for user '${dbuser}': Public Key Retrieval is not allowed
---------------------------------------------------------------------------------------------------------
SQL State  : 08001
Error Code : 0
Message    : Public Key Retrieval is not allowed""",
], ["java.sql.SQLNonTransientConnectionException: Public Key Retrieval is not allowed", "SQLError.createSQLException(SQLError.java:111)", "HikariPool.createPoolEntry(HikariPool.java:${line})", "spring.datasource.url=jdbc:mysql://${dbhost}:${myport}/${db}?useSSL=false", "spring.datasource.username=${dbuser}", "ERROR: Unable to obtain connection from database (jdbc:mysql://${dbhost}:${myport}/${db}?user=${dbuser}&password=", "for user '${dbuser}': Public Key Retrieval is not allowed", "SQL State  : 08001", "Error Code : 0", "Message    : Public Key Retrieval is not allowed"],
    marker="Public Key Retrieval is not allowed")

fam("rabbitmq-management-definitions", "https://www.rabbitmq.com/docs/definitions; https://www.rabbitmq.com/docs/management#http-api", [
    """+ curl -s -u ${rmquser}:{{PASSWORD}} http://${amqphost}:15672/api/definitions
{"rabbit_version":"3.13.2","rabbitmq_version":"3.13.2","users":[{"name":"${rmquser}","password_hash":"{{B64_SECRET}}","hashing_algorithm":"rabbit_password_hashing_sha256","tags":["management"],"limits":{}}],"vhosts":[{"name":"${vhost}"}],"permissions":[{"user":"${rmquser}","vhost":"${vhost}","configure":"","write":"orders\\\\..*","read":".*"}],"queues":[{"name":"${rabbitq}","vhost":"${vhost}","durable":true}]}""",
    """+ curl -s -u ${rmquser}:{{PASSWORD}} http://${amqphost}:15672/api/parameters/shovel
[{"value":{"src-uri":"amqp://${rmquser}:{{PASSWORD:2}}@${amqphost}:5672/${vhost}","src-queue":"${rabbitq}","dest-uri":"amqps://${rmquser}:{{PASSWORD:3}}@${amqphost}:5671","dest-queue":"${rabbitq}.dr"},"vhost":"${vhost}","component":"shovel","name":"dr-${rabbitq}"}]
{"error":"Object Not Found","reason":"Not Found"}""",
], ["http://${amqphost}:15672/api/definitions", "\"rabbit_version\":\"3.13.2\"", "\"users\":[{\"name\":\"${rmquser}\"", "\"hashing_algorithm\":\"rabbit_password_hashing_sha256\"", "\"tags\":[\"management\"]", "\"vhosts\":[{\"name\":\"${vhost}\"}]", "\"queues\":[{\"name\":\"${rabbitq}\",\"vhost\":\"${vhost}\",\"durable\":true}]", "http://${amqphost}:15672/api/parameters/shovel", "@${amqphost}:5672/${vhost}", "\"src-queue\":\"${rabbitq}\"", "\"component\":\"shovel\",\"name\":\"dr-${rabbitq}\"", "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}"],
    marker="/api/definitions")

fam("nats-cli-pub-and-creds", "https://docs.nats.io/using-nats/nats-tools/nats_cli; https://docs.nats.io/using-nats/developer/connecting/creds", [
    """$$ nats pub ${natssubj} '{"email":"{{EMAIL}}","phone":"{{PHONE_KM}}"}' --server nats://${user}:{{PASSWORD}}@${natshost}:4222
10:12:03 Published 64 bytes to "${natssubj}"
$$ nats sub ${natssubj} --count 1 --server nats://${natshost}:4222 --user ${user} --password {{PASSWORD}}
10:12:04 Subscribing on ${natssubj} with acknowledgement of JetStream messages
nats: error: nats: timeout""",
    """$$ cat ~/.nkeys/creds/ci/ORDERS/${user}.creds
-----BEGIN NATS USER JWT-----
{{NATS_USER_JWT}}
------END NATS USER JWT------

************************* IMPORTANT *************************
NKEY Seed printed below can be used to sign and prove identity.
NKEYs are sensitive and should be treated as secrets.

-----BEGIN USER NKEY SEED-----
{{NKEY_SEED}}
------END USER NKEY SEED------
$$ nats pub ${natssubj} test --creds ~/.nkeys/creds/ci/ORDERS/${user}.creds""",
], ["nats pub ${natssubj}", "@${natshost}:4222", "Published 64 bytes to \"${natssubj}\"", "nats sub ${natssubj} --count 1 --server nats://${natshost}:4222 --user ${user} --password", "Subscribing on ${natssubj} with acknowledgement of JetStream messages", "nats: error: nats: timeout", "~/.nkeys/creds/ci/ORDERS/${user}.creds", "-----BEGIN NATS USER JWT-----", "------END NATS USER JWT------", "NKEY Seed printed below can be used to sign and prove identity.", "-----BEGIN USER NKEY SEED-----", "nats pub ${natssubj} test --creds"],
    marker="nats pub")

fam("sqs-botocore-debug-request", "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sqs/client/receive_message.html; https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html", [
    """DEBUG botocore.endpoint Making request for OperationModel(name=ReceiveMessage) with params: {'url_path': '/', 'query_string': '', 'method': 'POST', 'headers': {'X-Amz-Target': 'AmazonSQS.ReceiveMessage', 'Content-Type': 'application/x-amz-json-1.0'}, 'body': b'{"QueueUrl": "https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue}", "MaxNumberOfMessages": 10, "WaitTimeSeconds": 20}'}
DEBUG botocore.endpoint Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=https://sqs.${region}.amazonaws.com/, headers={'X-Amz-Target': b'AmazonSQS.ReceiveMessage', 'X-Amz-Security-Token': b'{{AWS_SESSION_TOKEN}}', 'Authorization': b'AWS4-HMAC-SHA256 Credential={{AWS_STS_KEY_ID}}/20240514/${region}/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature={{HEX64}}'}>""",
    """$$ aws sqs receive-message --queue-url https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue} --max-number-of-messages 1
{
    "Messages": [
        {
            "MessageId": "${uuid}",
            "MD5OfBody": "${hex32}",
            "Body": "{\\"email\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_SS}}\\",\\"card\\":\\"{{CARD}}\\"}"
        }
    ]
}
FAILED tests/test_consumer.py::test_ack_after_processing - AssertionError: QueueUrl https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue} still has 1 message""",
], ["Making request for OperationModel(name=ReceiveMessage) with params:", "'X-Amz-Target': 'AmazonSQS.ReceiveMessage'", "'Content-Type': 'application/x-amz-json-1.0'", "\"QueueUrl\": \"https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue}\"", "\"MaxNumberOfMessages\": 10, \"WaitTimeSeconds\": 20", "url=https://sqs.${region}.amazonaws.com/", "/20240514/${region}/sqs/aws4_request", "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target", "aws sqs receive-message --queue-url https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue} --max-number-of-messages 1", "\"MessageId\": \"${uuid}\"", "\"MD5OfBody\": \"${hex32}\"", "FAILED tests/test_consumer.py::test_ack_after_processing"],
    marker="QueueUrl")

fam("pubsub-emulator-test-env", "https://cloud.google.com/pubsub/docs/emulator; https://cloud.google.com/sdk/gcloud/reference/beta/emulators/pubsub/start", [
    """[pubsub] This is the Google Pub/Sub fake.
[pubsub] Implementation may be incomplete or differ from the real system.
[pubsub] INFO: Server started, listening on 8085
+ export PUBSUB_EMULATOR_HOST=localhost:8085 PUBSUB_PROJECT_ID=${gcpproj}
+ export GOOGLE_APPLICATION_CREDENTIALS_JSON='{"type":"service_account","project_id":"${gcpproj}","private_key_id":"{{HEX40}}","private_key":"{{GCP_PRIVATE_KEY_ESC}}","client_email":"${saname}@${gcpproj}.iam.gserviceaccount.com"}'
FAIL src/events/publisher.test.ts
  ● publisher › publishes the customer""",
    """PUBSUB_EMULATOR_HOST=localhost:8085
[pubsub] INFO: Detected HTTP/2 connection.
[pubsub] published to projects/${gcpproj}/topics/${pubsubtopic}: {"email":"{{EMAIL}}","phone":"{{PHONE_ST}}","vat":"{{PVN_LV}}"}
AssertionError: expected message on projects/${gcpproj}/subscriptions/${pubsubtopic}-test within 5000 ms""",
], ["[pubsub] This is the Google Pub/Sub fake.", "[pubsub] Implementation may be incomplete or differ from the real system.", "[pubsub] INFO: Server started, listening on 8085", "PUBSUB_EMULATOR_HOST=localhost:8085 PUBSUB_PROJECT_ID=${gcpproj}", "\"type\":\"service_account\",\"project_id\":\"${gcpproj}\"", "\"client_email\":\"${saname}@${gcpproj}.iam.gserviceaccount.com\"", "FAIL src/events/publisher.test.ts", "publisher › publishes the customer", "[pubsub] INFO: Detected HTTP/2 connection.", "published to projects/${gcpproj}/topics/${pubsubtopic}", "expected message on projects/${gcpproj}/subscriptions/${pubsubtopic}-test within 5000 ms"],
    marker="PUBSUB_EMULATOR_HOST")

fam("ioredis-sentinel-unreachable", "https://github.com/redis/ioredis#sentinel; https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/", [
    """[ioredis] Unhandled error event: Error: All sentinels are unreachable. Retrying from scratch after 10ms. Last error: connect ETIMEDOUT
    at SentinelConnector.connect (/app/node_modules/ioredis/built/connectors/SentinelConnector/index.js:${line}:31)
  options: { sentinels: [ { host: '${redishost}', port: 26379 } ], name: '${sentinelmaster}', sentinelPassword: '{{PASSWORD}}', password: '{{HEX32}}', db: 2 }""",
    """$$ redis-cli -h ${redishost} -p 26379 --pass {{PASSWORD}} SENTINEL get-master-addr-by-name ${sentinelmaster}
1) "${privip}"
2) "6379"
$$ redis-cli -h ${privip} -a '{{HEX32}}' GET "session:${uuid}"
"{\\"user\\":\\"{{EMAIL}}\\",\\"csrf\\":\\"{{HEX40}}\\"}"
Error: All sentinels are unreachable. Retrying from scratch after 10ms.""",
], ["[ioredis] Unhandled error event: Error: All sentinels are unreachable. Retrying from scratch after 10ms.", "Last error: connect ETIMEDOUT", "SentinelConnector.connect (/app/node_modules/ioredis/built/connectors/SentinelConnector/index.js:${line}:31)", "sentinels: [ { host: '${redishost}', port: 26379 } ], name: '${sentinelmaster}'", "db: 2", "redis-cli -h ${redishost} -p 26379 --pass", "SENTINEL get-master-addr-by-name ${sentinelmaster}", "1) \"${privip}\"", "2) \"6379\"", "redis-cli -h ${privip} -a", "GET \"session:${uuid}\""],
    marker="All sentinels are unreachable")

# --- Observability -------------------------------------------------------------------------------------------------------

fam("dd-trace-dotnet-span-debug-log", "https://docs.datadoghq.com/tracing/troubleshooting/tracer_debug_logs/?code-lang=dotnet; https://github.com/DataDog/dd-trace-dotnet", [
    """2024-05-14 10:12:03.118 +00:00 [DBG] Span started: [s_id: ${num18}, p_id: null, t_id: ${hex32}] with Tags: [component (tag):aspnet_core,span.kind (tag):server,], Tags Type:[Datadog.Trace.Tagging.AspNetCoreEndpointTags])
2024-05-14 10:12:03.301 +00:00 [DBG] Span closed: [s_id: ${num18}, p_id: null, t_id: ${hex32}] for (Service: ${ddsvc}, Resource: POST ${apipath}, Operation: aspnet_core.request, Tags: [http.url (tag):https://${apihost}${apipath}?access_token={{JWT}},http.request.headers.x-api-key (tag):{{API_KEY}},http.status_code (tag):500,])
{ MachineName: ".", Process: "[1 dotnet]", AppDomain: "[1 ${csproj}]", TracerVersion: "2.51.0.0" }""",
    """2024-05-14 10:12:04.020 +00:00 [DBG] Span closed: [s_id: ${num18}, p_id: ${num}, t_id: ${hex32}] for (Service: ${ddsvc}-sql-server, Resource: UPDATE Customers SET Phone = '{{PHONE_GW}}', Iban = '{{IBAN}}' WHERE Id = 7, Operation: sql-server.query, Tags: [db.name (tag):${sqlsrvdb},out.host (tag):${sqlsrvhost},db.user (tag):${dbuser},])
2024-05-14 10:12:04.021 +00:00 [DBG] DD_API_KEY={{DD_API_KEY}} DD_SITE=datadoghq.eu""",
], ["[DBG] Span started: [s_id: ${num18}, p_id: null, t_id: ${hex32}]", "with Tags: [component (tag):aspnet_core,span.kind (tag):server,]", "Tags Type:[Datadog.Trace.Tagging.AspNetCoreEndpointTags]", "[DBG] Span closed: [s_id: ${num18}, p_id: null, t_id: ${hex32}]", "for (Service: ${ddsvc}, Resource: POST ${apipath}, Operation: aspnet_core.request", "http.url (tag):https://${apihost}${apipath}", "http.status_code (tag):500", "TracerVersion: \"2.51.0.0\"", "Service: ${ddsvc}-sql-server", "Operation: sql-server.query", "db.name (tag):${sqlsrvdb},out.host (tag):${sqlsrvhost},db.user (tag):${dbuser}", "DD_SITE=datadoghq.eu"],
    marker="Span started: [s_id")

fam("otelcol-debug-exporter-detailed", "https://github.com/open-telemetry/opentelemetry-collector/tree/main/exporter/debugexporter; https://opentelemetry.io/docs/specs/semconv/http/http-spans/", [
    """2024-05-14T10:12:03.118Z	info	ResourceSpans #0
Resource SchemaURL: https://opentelemetry.io/schemas/1.24.0
Resource attributes:
     -> service.name: Str(${otelsvc})
     -> deployment.environment: Str(staging)
ScopeSpans #0
InstrumentationScope @opentelemetry/instrumentation-http 0.51.1
Span #0
    Trace ID       : ${tracehex}
    Parent ID      :
    ID             : ${spanid}
    Name           : POST
    Kind           : Server
    Status code    : Error
Attributes:
     -> url.full: Str(https://${apihost}${apipath}?token={{HEX40}})
     -> http.request.header.authorization: Slice(["Bearer {{JWT}}"])
     -> http.response.status_code: Int(500)""",
    """2024-05-14T10:12:04.331Z	info	ResourceSpans #0
Resource attributes:
     -> service.name: Str(${otelsvc})
Span #0
    Trace ID       : ${tracehex}
    Name           : pg.query:UPDATE ${db}
Attributes:
     -> db.system: Str(postgresql)
     -> db.connection_string: Str(postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db})
     -> db.statement: Str(UPDATE customers SET phone = '{{PHONE_VU}}' WHERE email = '{{EMAIL}}')
	{"kind": "exporter", "data_type": "traces", "name": "debug"}""",
], ["info	ResourceSpans #0", "Resource SchemaURL: https://opentelemetry.io/schemas/1.24.0", "Resource attributes:", "-> service.name: Str(${otelsvc})", "-> deployment.environment: Str(staging)", "ScopeSpans #0", "InstrumentationScope @opentelemetry/instrumentation-http 0.51.1", "Trace ID       : ${tracehex}", "ID             : ${spanid}", "Kind           : Server", "Status code    : Error", "-> url.full: Str(https://${apihost}${apipath}", "-> http.response.status_code: Int(500)", "Name           : pg.query:UPDATE ${db}", "-> db.system: Str(postgresql)", "@${dbhost}:${pgport}/${db})", "{\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"debug\"}"],
    marker="ResourceSpans #0")

fam("grafana-server-context-log", "https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#log; https://grafana.com/docs/grafana/latest/administration/provisioning/#data-sources", [
    """logger=context userId=1 orgId=1 uname=admin t=2024-05-14T10:12:03.118Z level=error msg="Request Completed" method=POST path=/api/datasources status=400 remote_addr=${privip} time_ms=12 duration=12.4ms size=84 referer=https://grafana.${cookiedomain}/connections/datasources/new handler=/api/datasources
logger=context userId=1 orgId=1 t=2024-05-14T10:12:03.120Z level=debug msg="datasource payload" body="{\\"name\\":\\"${grafanads}\\",\\"type\\":\\"postgres\\",\\"url\\":\\"${dbhost}:${pgport}\\",\\"user\\":\\"${dbuser}\\",\\"secureJsonData\\":{\\"password\\":\\"{{PASSWORD}}\\"}}\"""",
    """logger=provisioning.datasources t=2024-05-14T10:12:02.001Z level=error msg="Failed to provision data sources" error="Datasource provisioning error: datasource.yaml config is invalid. Only one datasource per organization can be marked as default"
  datasources: [{name: ${grafanads}, url: https://${chhost}:8443, basicAuthUser: ${dbuser}, secureJsonData: {basicAuthPassword: {{PASSWORD}}}}]
logger=context userId=0 orgId=0 uname= t=2024-05-14T10:12:03.002Z level=info msg="Request Completed" method=GET path=/api/health?apikey={{GRAFANA_SA}} status=200""",
], ["logger=context userId=1 orgId=1 uname=admin", "level=error msg=\"Request Completed\" method=POST path=/api/datasources status=400", "remote_addr=${privip} time_ms=12 duration=12.4ms size=84", "referer=https://grafana.${cookiedomain}/connections/datasources/new handler=/api/datasources", "msg=\"datasource payload\"", "logger=provisioning.datasources", "level=error msg=\"Failed to provision data sources\"", "Only one datasource per organization can be marked as default", "url: https://${chhost}:8443, basicAuthUser: ${dbuser}", "logger=context userId=0 orgId=0 uname=", "level=info msg=\"Request Completed\" method=GET"],
    marker="logger=context")

fam("sentry-java-sdk-init-debug", "https://docs.sentry.io/platforms/java/configuration/options/#debug; https://docs.sentry.io/platforms/java/guides/spring-boot/", [
    """INFO: Initializing SDK with DSN: 'https://{{SENTRY_DSN_KEY}}@o${num}.ingest.sentry.io/${sentryproj}'
DEBUG: Sentry is enabled with DSN: https://{{SENTRY_DSN_KEY}}@o${num}.ingest.sentry.io/${sentryproj}
DEBUG: Capturing event: ${hex32}
DEBUG: Serializing object: {"request":{"url":"https://${apihost}${apipath}","method":"POST","cookies":"SESSION={{B64_SECRET}}","headers":{"Authorization":"Bearer {{JWT}}"}},"user":{"email":"{{EMAIL}}"}}
[ERROR] ${junitclass}.reportsTheError -- Time elapsed: 0.88 s <<< FAILURE!""",
    """INFO: Initializing SDK with DSN: 'https://{{SENTRY_DSN_KEY}}@o${num}.ingest.de.sentry.io/${sentryproj}'
DEBUG: Serializing object: {"extra":{"customer_phone":"{{PHONE_SB}}","vat_number":"{{TVA_LU}}"},"environment":"staging"}
WARNING: Envelope ${hex32} was discarded: rate limit exceeded
  sentry.dsn=https://{{SENTRY_DSN_KEY}}@o${num}.ingest.de.sentry.io/${sentryproj}""",
], ["INFO: Initializing SDK with DSN: 'https://", "@o${num}.ingest.sentry.io/${sentryproj}", "DEBUG: Sentry is enabled with DSN: https://", "DEBUG: Capturing event: ${hex32}", "DEBUG: Serializing object:", "\"url\":\"https://${apihost}${apipath}\",\"method\":\"POST\"", "${junitclass}.reportsTheError -- Time elapsed: 0.88 s <<< FAILURE!", "@o${num}.ingest.de.sentry.io/${sentryproj}", "\"environment\":\"staging\"", "WARNING: Envelope ${hex32} was discarded: rate limit exceeded"],
    marker="Initializing SDK with DSN")

# --- Mobile --------------------------------------------------------------------------------------------------------------

fam("xcuitest-activity-type-into-field", "https://developer.apple.com/documentation/xctest/user_interface_tests; https://developer.apple.com/documentation/xctest/xcuielement/1500968-typetext", [
    """Test Case '-[${iosbundle}UITests.${xcuitest} testLoginWithSavedAccount]' started.
    t =     0.00s Start Test at 2024-05-14 10:12:03.118
    t =     0.05s Set Up
    t =     0.06s     Open ${iosbundle}
    t =     0.09s         Launch ${iosbundle}
    t =     1.82s             Setting up automation session
    t =     2.41s Tap "email" TextField
    t =     2.55s Type '{{EMAIL}}' into "email" TextField
    t =     3.10s Type '{{PASSWORD}}' into "password" SecureTextField
    t =    13.20s Waiting 10.0s for "Welcome" StaticText to exist
${xcuitest}.swift:${line}: error: -[${iosbundle}UITests.${xcuitest} testLoginWithSavedAccount] : XCTAssertTrue failed""",
    """    t =     0.00s Start Test at 2024-05-14 10:14:41.002
    t =     0.08s         Launch ${iosbundle} with launch environment: {"API_TOKEN" = "{{HEX40}}"; "BASE_URL" = "https://${apihost}"; }
    t =     4.71s Type '{{PHONE_FO}}' into "phone" TextField
    t =     5.02s Type '{{IBAN}}' into "iban" TextField
    t =    15.06s Checking existence of `"Saved" StaticText`
Test Case '-[${iosbundle}UITests.${xcuitest} testUpdatePayout]' failed (15.412 seconds).""",
], ["Test Case '-[${iosbundle}UITests.${xcuitest} testLoginWithSavedAccount]' started.", "Start Test at 2024-05-14 10:12:03.118", "t =     0.05s Set Up", "Open ${iosbundle}", "Launch ${iosbundle}", "Setting up automation session", "Tap \"email\" TextField", "Waiting 10.0s for \"Welcome\" StaticText to exist", "${xcuitest}.swift:${line}: error:", "Start Test at 2024-05-14 10:14:41.002", "\"BASE_URL\" = \"https://${apihost}\"", "Checking existence of `\"Saved\" StaticText`", "Test Case '-[${iosbundle}UITests.${xcuitest} testUpdatePayout]' failed (15.412 seconds)."],
    marker="Start Test at")

fam("detox-test-run-failure", "https://wix.github.io/Detox/docs/cli/test; https://wix.github.io/Detox/docs/api/device#devicelaunchappparams", [
    """$$ detox test --configuration ${detoxcfg} --cleanup --record-logs failing
12:00:01.118 detox[4321] B jest --config e2e/jest.config.js ${detoxtest}
12:00:04.562 detox[4321] i ${iosbundle} launched with launchArgs: {"detoxServer":"ws://localhost:${num}","apiToken":"{{EXPO_TOKEN}}","e2eUserPassword":"{{PASSWORD}}"}
 FAIL  ${detoxtest} (31.2 s)
  Login
    ✕ signs in with the saved account (12412 ms)

  ● Login › signs in with the saved account

    Test Failed: Timed out while waiting for expectation: TOBEVISIBLE WITH MATCHER(id == “home-screen”) TIMEOUT(10s)""",
    """$$ detox test -c ${detoxcfg} ${detoxtest}
  ● Profile › saves the phone number
    DetoxRuntimeError: Failed to run application on the device
    HINT: typeText("{{PHONE_GN}}") into MATCHER(id == “phone”) before the app was ready
    await element(by.id('card')).typeText('{{CARD}}')
12:03:11.002 detox[4321] E Command failed with exit code = 1""",
], ["detox test --configuration ${detoxcfg} --cleanup --record-logs failing", "detox[4321] B jest --config e2e/jest.config.js ${detoxtest}", "${iosbundle} launched with launchArgs:", "\"detoxServer\":\"ws://localhost:${num}\"", "FAIL  ${detoxtest} (31.2 s)", "signs in with the saved account (12412 ms)", "Test Failed: Timed out while waiting for expectation: TOBEVISIBLE WITH MATCHER(id == “home-screen”) TIMEOUT(10s)", "detox test -c ${detoxcfg} ${detoxtest}", "Profile › saves the phone number", "Failed to run application on the device", "await element(by.id('card')).typeText(", "detox[4321] E Command failed with exit code = 1"],
    marker="detox test")

fam("appium-create-session-caps", "https://appium.io/docs/en/latest/guides/caps/; https://www.browserstack.com/docs/app-automate/appium/getting-started/java", [
    """[Appium] Welcome to Appium v2.5.4
[HTTP] --> POST /session
[W3C] Calling AppiumDriver.createSession() with args: [null,null,{"alwaysMatch":{"platformName":"Android","appium:automationName":"UiAutomator2","appium:deviceName":"${appiumdev}","appium:appPackage":"${apkpkg}","bstack:options":{"userName":"${user}","accessKey":"{{BROWSERSTACK_KEY}}"}},"firstMatch":[{}]}]
[AppiumDriver@${hex4}] Appium v2.5.4 creating new UiAutomator2Driver session
[AppiumDriver@${hex4}] Encountered internal error running command: Error: Could not find a connected Android device in 20000ms.""",
    """[W3C] Calling AppiumDriver.createSession() with args: [null,null,{"alwaysMatch":{"platformName":"iOS","appium:bundleId":"${iosbundle}","appium:processArguments":{"env":{"API_KEY":"{{API_KEY}}","TEST_PHONE":"{{PHONE_GQ}}"}},"sauce:options":{"username":"${user}","accessKey":"{{SAUCE_KEY}}"}}}]
[W3C (${hex8})] Calling AppiumDriver.setValue() with args: ["{{PASSWORD}}","00000000-0000-0015-ffff-ffff0000002c","${hex8}"]
[W3C (${hex8})] Encountered internal error running command: NoSuchElementError: An element could not be located on the page using the given search parameters.""",
], ["[Appium] Welcome to Appium v2.5.4", "[HTTP] --> POST /session", "Calling AppiumDriver.createSession() with args:", "\"platformName\":\"Android\",\"appium:automationName\":\"UiAutomator2\"", "\"appium:deviceName\":\"${appiumdev}\"", "\"appium:appPackage\":\"${apkpkg}\"", "\"userName\":\"${user}\"", "Appium v2.5.4 creating new UiAutomator2Driver session", "Could not find a connected Android device in 20000ms.", "\"appium:bundleId\":\"${iosbundle}\"", "\"username\":\"${user}\"", "Calling AppiumDriver.setValue() with args:", "An element could not be located on the page using the given search parameters."],
    marker="Calling AppiumDriver.createSession()")

fam("logcat-crash-buffer", "https://developer.android.com/tools/logcat; https://developer.android.com/studio/debug/logcat", [
    """$$ adb logcat -b crash -d
--------- beginning of crash
05-14 10:12:03.118  4321  4321 E AndroidRuntime: FATAL EXCEPTION: main
05-14 10:12:03.118  4321  4321 E AndroidRuntime: Process: ${apkpkg}, PID: 4321
05-14 10:12:03.118  4321  4321 E AndroidRuntime: java.lang.IllegalStateException: HTTP 401 for https://${apihost}${apipath}?api_key={{API_KEY}}
05-14 10:12:03.118  4321  4321 E AndroidRuntime: 	at ${apkpkg}.data.ApiClient.login(ApiClient.kt:${line})
05-14 10:12:03.118  4321  4321 E AndroidRuntime: 	at ${apkpkg}.ui.LoginViewModel$$submit$$1.invokeSuspend(LoginViewModel.kt:${line})""",
    """--------- beginning of crash
05-14 10:14:41.002  5120  5188 E AndroidRuntime: FATAL EXCEPTION: OkHttp Dispatcher
05-14 10:14:41.002  5120  5188 E AndroidRuntime: Process: ${apkpkg}, PID: 5120
05-14 10:14:41.002  5120  5188 E AndroidRuntime: kotlinx.serialization.SerializationException: Unexpected JSON token at offset 41: {"phone":"{{PHONE_TO}}","fcmToken":"{{FCM_TOKEN}}"
--------- beginning of main
05-14 10:14:41.010  1502  1580 I ActivityManager: Process ${apkpkg} (pid 5120) has died: fg  TOP""",
], ["adb logcat -b crash -d", "--------- beginning of crash", "E AndroidRuntime: FATAL EXCEPTION: main", "E AndroidRuntime: Process: ${apkpkg}, PID: 4321", "java.lang.IllegalStateException: HTTP 401 for https://${apihost}${apipath}", "at ${apkpkg}.data.ApiClient.login(ApiClient.kt:${line})", "E AndroidRuntime: FATAL EXCEPTION: OkHttp Dispatcher", "E AndroidRuntime: Process: ${apkpkg}, PID: 5120", "kotlinx.serialization.SerializationException: Unexpected JSON token at offset 41:", "--------- beginning of main", "I ActivityManager: Process ${apkpkg} (pid 5120) has died: fg  TOP"],
    marker="beginning of crash")

fam("android-connected-debug-android-test", "https://developer.android.com/studio/test/command-line; https://developer.android.com/training/testing/instrumented-tests/androidx-test-libraries/runner#use-android", [
    """> Task :app:connectedDebugAndroidTest
Starting 14 tests on Pixel_7_API_34(AVD) - 14

${andtest} > signsInWithSavedAccount[Pixel_7_API_34(AVD) - 14] FAILED
	androidx.test.espresso.base.AssertionErrorHandler$$AssertionFailedWithCauseError: 'an instance of android.widget.TextView and view.getText() with or without transformation to match: is "Welcome"' doesn't match the selected view.
	Expected: an instance of android.widget.TextView and view.getText() with or without transformation to match: is "Welcome"
	     Got: view.getText() was "HTTP 401 Bearer {{JWT}}"
Tests on Pixel_7_API_34(AVD) - 14 failed: There was 1 failure(s).

> Task :app:connectedDebugAndroidTest FAILED""",
    """$$ ./gradlew connectedDebugAndroidTest -Pandroid.testInstrumentationRunnerArguments.apiToken={{HEX40}} -Pandroid.testInstrumentationRunnerArguments.testPhone={{PHONE_LC}}
> Task :app:connectedDebugAndroidTest
${andtest} > updatesTheIban[Pixel_7_API_34(AVD) - 14] FAILED
	java.lang.AssertionError: expected:<{{IBAN}}> but was:<null>
Finished 14 tests on Pixel_7_API_34(AVD) - 14""",
], ["> Task :app:connectedDebugAndroidTest", "Starting 14 tests on Pixel_7_API_34(AVD) - 14", "${andtest} > signsInWithSavedAccount[Pixel_7_API_34(AVD) - 14] FAILED", "androidx.test.espresso.base.AssertionErrorHandler$$AssertionFailedWithCauseError", "doesn't match the selected view.", "Expected: an instance of android.widget.TextView and view.getText() with or without transformation to match: is \"Welcome\"", "Tests on Pixel_7_API_34(AVD) - 14 failed: There was 1 failure(s).", "> Task :app:connectedDebugAndroidTest FAILED", "./gradlew connectedDebugAndroidTest", "${andtest} > updatesTheIban[Pixel_7_API_34(AVD) - 14] FAILED", "but was:<null>", "Finished 14 tests on Pixel_7_API_34(AVD) - 14"],
    marker="connectedDebugAndroidTest")

fam("xcodebuild-export-archive-auth-key", "https://developer.apple.com/documentation/xcode/distributing-your-app-for-beta-testing-and-releases; https://docs.fastlane.tools/app-store-connect-api/", [
    """$$ xcodebuild -exportArchive -archivePath build/${rnapp}.xcarchive -exportOptionsPlist ExportOptions.plist -exportPath build -allowProvisioningUpdates -authenticationKeyPath /tmp/AuthKey_${upper10}.p8 -authenticationKeyID ${upper10} -authenticationKeyIssuerID ${uuid}
2024-05-14 10:12:03.118 xcodebuild[4321:98765] [MT] IDEDistribution: -[IDEDistributionLogging _createLoggingBundleAtPath:]: Created bundle at path "/tmp/${rnapp}_2024-05-14_10-12-03.118.xcdistributionlogs".
error: exportArchive: No signing certificate "iOS Distribution" found
** EXPORT FAILED **
+ cat /tmp/AuthKey_${upper10}.p8
{{PEM_EC_ESC}}""",
    """$$ APP_STORE_CONNECT_API_KEY_KEY_ID=${upper10} MATCH_PASSWORD={{PASSWORD}} xcodebuild -exportArchive -archivePath build/${rnapp}.xcarchive -exportOptionsPlist ExportOptions.plist -exportPath build
error: exportArchive: Provisioning profile "match AppStore ${iosbundle}" doesn't include signing certificate "Apple Distribution: ${rnapp} Ltd (${upper10})".
** EXPORT FAILED **""",
], ["xcodebuild -exportArchive -archivePath build/${rnapp}.xcarchive -exportOptionsPlist ExportOptions.plist -exportPath build", "-authenticationKeyPath /tmp/AuthKey_${upper10}.p8 -authenticationKeyID ${upper10} -authenticationKeyIssuerID ${uuid}", "IDEDistribution: -[IDEDistributionLogging _createLoggingBundleAtPath:]", "/tmp/${rnapp}_2024-05-14_10-12-03.118.xcdistributionlogs", "error: exportArchive: No signing certificate \"iOS Distribution\" found", "** EXPORT FAILED **", "cat /tmp/AuthKey_${upper10}.p8", "APP_STORE_CONNECT_API_KEY_KEY_ID=${upper10}", "Provisioning profile \"match AppStore ${iosbundle}\" doesn't include signing certificate", "Apple Distribution: ${rnapp} Ltd (${upper10})"],
    marker="xcodebuild -exportArchive")

# --- Frameworks ----------------------------------------------------------------------------------------------------------

fam("fastapi-response-validation-error", "https://fastapi.tiangolo.com/tutorial/response-model/; https://fastapi.tiangolo.com/reference/exceptions/", [
    """FAILED tests/test_customers.py::test_get_customer - fastapi.exceptions.ResponseValidationError: 1 validation errors:
  {'type': 'missing', 'loc': ('response', 'id'), 'msg': 'Field required', 'input': {'email': '{{EMAIL}}', 'phone': '{{PHONE_SM}}', 'hashed_password': '{{BCRYPT_HASH}}', 'api_key': '{{API_KEY}}'}}

  File "/app/src/routers/customers.py", line ${line}, in get_customer
    GET ${fastroute}""",
    """E   fastapi.exceptions.ResponseValidationError: 2 validation errors:
E     {'type': 'string_type', 'loc': ('response', 'iban'), 'msg': 'Input should be a valid string', 'input': None}
E     {'type': 'missing', 'loc': ('response', 'vat_number'), 'msg': 'Field required', 'input': {'iban': None, 'session': '{{JWT}}', 'db': 'postgresql+asyncpg://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'}}
tests/test_payouts.py:${line}: ResponseValidationError""",
], ["FAILED tests/test_customers.py::test_get_customer", "fastapi.exceptions.ResponseValidationError: 1 validation errors:", "{'type': 'missing', 'loc': ('response', 'id'), 'msg': 'Field required'", "File \"/app/src/routers/customers.py\", line ${line}, in get_customer", "GET ${fastroute}", "fastapi.exceptions.ResponseValidationError: 2 validation errors:", "{'type': 'string_type', 'loc': ('response', 'iban'), 'msg': 'Input should be a valid string', 'input': None}", "'loc': ('response', 'vat_number')", "@${dbhost}:${pgport}/${db}'", "tests/test_payouts.py:${line}: ResponseValidationError"],
    marker="ResponseValidationError")

fam("efcore-failed-executing-dbcommand", "https://learn.microsoft.com/en-us/ef/core/logging-events-diagnostics/simple-logging#sensitive-data; https://learn.microsoft.com/en-us/ef/core/logging-events-diagnostics/extensions-logging", [
    """warn: Microsoft.EntityFrameworkCore.Model.Validation[10400]
      Sensitive data logging is enabled. Log entries and exception messages may include sensitive application data; this mode should only be enabled during development.
fail: Microsoft.EntityFrameworkCore.Database.Command[20102]
      Failed executing DbCommand (12ms) [Parameters=[@p0='{{EMAIL}}' (Nullable = false) (Size = 4000), @p1='{{PHONE_PS}}' (Size = 4000), @p2='{{VAT_MT}}' (Size = 4000)], CommandType='Text', CommandTimeout='30']
      SET IMPLICIT_TRANSACTIONS OFF;
      SET NOCOUNT ON;
      INSERT INTO [${efentity}s] ([Email], [Phone], [VatNumber])
      OUTPUT INSERTED.[Id]
      VALUES (@p0, @p1, @p2);""",
    """fail: Microsoft.EntityFrameworkCore.Database.Command[20102]
      Failed executing DbCommand (3ms) [Parameters=[@__token_0='{{HEX64}}' (Size = 450)], CommandType='Text', CommandTimeout='30']
      SELECT TOP(1) [s].[UserId] FROM [Sessions] AS [s] WHERE [s].[Token] = @__token_0
Microsoft.Data.SqlClient.SqlException (0x80131904): Invalid object name 'Sessions'.
   at ${dotnettest}() in /src/${csproj}/SessionTests.cs:line ${line}""",
], ["warn: Microsoft.EntityFrameworkCore.Model.Validation[10400]", "Sensitive data logging is enabled.", "fail: Microsoft.EntityFrameworkCore.Database.Command[20102]", "Failed executing DbCommand (12ms)", "(Nullable = false) (Size = 4000)", "CommandType='Text', CommandTimeout='30'", "SET IMPLICIT_TRANSACTIONS OFF;", "INSERT INTO [${efentity}s] ([Email], [Phone], [VatNumber])", "OUTPUT INSERTED.[Id]", "VALUES (@p0, @p1, @p2);", "Failed executing DbCommand (3ms)", "SELECT TOP(1) [s].[UserId] FROM [Sessions] AS [s] WHERE [s].[Token] = @__token_0", "Invalid object name 'Sessions'.", "in /src/${csproj}/SessionTests.cs:line ${line}"],
    marker="Failed executing DbCommand")

fam("micronaut-datasources-default-path-taken", "https://micronaut-projects.github.io/micronaut-sql/latest/guide/#jdbc; https://docs.micronaut.io/latest/guide/#config", [
    """io.micronaut.context.exceptions.DependencyInjectionException: Failed to inject value for parameter [dataSource] of class: ${javapkg}.${mnbean}

Message: Failed to initialize pool: FATAL: password authentication failed for user "${dbuser}"
Path Taken: new ${mnbean}(DataSource dataSource) --> new ${mnbean}([DataSource dataSource])
  datasources.default.url=jdbc:postgresql://${dbhost}:${pgport}/${db}
  datasources.default.username=${dbuser}
  datasources.default.password={{PASSWORD}}""",
    """14:12:03.118 [Test worker] INFO  i.m.context.env.DefaultEnvironment - Established active environments: [test]
14:12:03.402 [Test worker] DEBUG i.m.context.env.DefaultEnvironment - datasources.default: {url=jdbc:mysql://${dbhost}:${myport}/${db}, username=${dbuser}, password={{PASSWORD}}}, vonage.api-secret: {{VONAGE_SECRET}}
${mntest} > test create customer() FAILED""",
], ["Failed to inject value for parameter [dataSource] of class: ${javapkg}.${mnbean}", "Message: Failed to initialize pool: FATAL: password authentication failed for user \"${dbuser}\"", "Path Taken: new ${mnbean}(DataSource dataSource) --> new ${mnbean}([DataSource dataSource])", "datasources.default.url=jdbc:postgresql://${dbhost}:${pgport}/${db}", "datasources.default.username=${dbuser}", "Established active environments: [test]", "url=jdbc:mysql://${dbhost}:${myport}/${db}, username=${dbuser}", "${mntest} > test create customer() FAILED"],
    marker="datasources.default")

fam("express-morgan-access-log", "https://github.com/expressjs/morgan#predefined-formats; https://github.com/expressjs/morgan#tokens", [
    """morgan deprecated default format: use combined format app.js:${line}:9
${privip} - - [14/May/2024:10:12:03 +0000] "POST ${apipath}?token={{HEX40}} HTTP/1.1" 401 32 "-" "supertest"
${privip} - ${user} [14/May/2024:10:12:03 +0000] "GET /reset-password?email={{EMAIL_URLENC}}&code={{OTP}} HTTP/1.1" 302 58 "https://${apihost}/login" "Mozilla/5.0"
  1) POST ${apipath}
       rejects a stale token:
     Error: expected 200 "OK", got 401 "Unauthorized\"""",
    """morgan(':method :url :status :req[authorization] :req[cookie] - :response-time ms')
POST /api/customers 500 Bearer {{JWT}} connect.sid={{CONNECT_SID}} - 12.344 ms
GET /api/customers?phone={{PHONE_GD}} 200 - - - 3.101 ms
  2) GET /api/customers
       finds the customer by phone:
     AssertionError: expected 200 to equal 404""",
], ["morgan deprecated default format: use combined format app.js:${line}:9", "${privip} - - [14/May/2024:10:12:03 +0000] \"POST ${apipath}?token=", "HTTP/1.1\" 401 32 \"-\" \"supertest\"", "${privip} - ${user} [14/May/2024:10:12:03 +0000]", "HTTP/1.1\" 302 58 \"https://${apihost}/login\" \"Mozilla/5.0\"", "rejects a stale token:", "Error: expected 200 \"OK\", got 401", "morgan(':method :url :status :req[authorization] :req[cookie] - :response-time ms')", "POST /api/customers 500 Bearer", "- 12.344 ms", "200 - - - 3.101 ms", "finds the customer by phone:", "AssertionError: expected 200 to equal 404"],
    marker="morgan")

fam("rails-parameter-missing", "https://api.rubyonrails.org/classes/ActionController/ParameterMissing.html; https://guides.rubyonrails.org/action_controller_overview.html#strong-parameters", [
    """Failure:
CustomersControllerTest#test_should_update_customer [test/controllers/customers_controller_test.rb:${line}]:
ActionController::ParameterMissing: param is missing or the value is empty: ${railsparam}
Did you mean?  action
               controller
               phone
               iban
  request.params: {"phone"=>"{{PHONE_CF}}", "iban"=>"{{IBAN}}", "api_token"=>"{{HEX40}}", "controller"=>"customers", "action"=>"update", "id"=>"${num}"}
bin/rails test test/controllers/customers_controller_test.rb:${line}""",
    """  1) Api::V1::PaymentsController POST /api/v1/payments returns 422
     Failure/Error: params.require(:${railsparam}).permit(:card_number, :iban)

     ActionController::ParameterMissing:
       param is missing or the value is empty: ${railsparam}
     # Request headers: {"Authorization"=>"Token token={{HEX32}}", "Cookie"=>"_shop_session={{RAILS_SESSION}}"}
     # ./app/controllers/api/v1/payments_controller.rb:${line}:in `payment_params'""",
], ["CustomersControllerTest#test_should_update_customer [test/controllers/customers_controller_test.rb:${line}]:", "ActionController::ParameterMissing: param is missing or the value is empty: ${railsparam}", "Did you mean?  action", "\"controller\"=>\"customers\", \"action\"=>\"update\", \"id\"=>\"${num}\"", "bin/rails test test/controllers/customers_controller_test.rb:${line}", "Api::V1::PaymentsController POST /api/v1/payments returns 422", "Failure/Error: params.require(:${railsparam}).permit(:card_number, :iban)", "param is missing or the value is empty: ${railsparam}", "./app/controllers/api/v1/payments_controller.rb:${line}:in `payment_params'"],
    marker="ActionController::ParameterMissing")

fam("nextjs-build-prerender-error", "https://nextjs.org/docs/messages/prerender-error; https://nextjs.org/docs/app/building-your-application/configuring/environment-variables", [
    """$$ next build
  ▲ Next.js 14.2.3
  - Environments: .env.production.local, .env.production

   Creating an optimized production build ...
 ✓ Compiled successfully
   Collecting page data ...
Error occurred prerendering page "${nextpage}". Read more: https://nextjs.org/docs/messages/prerender-error
Error: connect ECONNREFUSED ${privip}:${pgport}
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16) {
  connectionString: 'postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'
}
 ⨯ Next.js build worker exited with code: 1 and signal: null""",
    """$$ next build
  ▲ Next.js 14.2.3
Failed to compile.

./app${nextpage}/page.tsx
Error: NEXT_PUBLIC_KLAVIYO_KEY must not be a private key: {{KLAVIYO_KEY}}
   env: { AIRTABLE_PAT: '{{AIRTABLE_PAT}}', NEXT_PUBLIC_SUPPORT_PHONE: '{{PHONE_GL}}' }
> Build failed because of webpack errors""",
], ["next build", "Next.js 14.2.3", "- Environments: .env.production.local, .env.production", "Creating an optimized production build ...", "✓ Compiled successfully", "Collecting page data ...", "Error occurred prerendering page \"${nextpage}\". Read more: https://nextjs.org/docs/messages/prerender-error", "Error: connect ECONNREFUSED ${privip}:${pgport}", "at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)", "@${dbhost}:${pgport}/${db}'", "Next.js build worker exited with code: 1 and signal: null", "Failed to compile.", "./app${nextpage}/page.tsx", "> Build failed because of webpack errors"],
    marker="next build")

fam("spring-boot-failed-to-configure-datasource", "https://docs.spring.io/spring-boot/reference/data/sql.html#data.sql.datasource.configuration; https://docs.spring.io/spring-boot/how-to/application.html#howto.application.failure-analyzer", [
    """***************************
APPLICATION FAILED TO START
***************************

Description:

Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.

Reason: Failed to determine a suitable driver class

Action:

Consider the following:
	If you want an embedded database (H2, HSQL or Derby), please put it on the classpath.
	If you have database settings to be loaded from a particular profile you may need to activate it (the profiles "it" are currently active).
[ERROR] ${junitclass}.contextLoads -- Time elapsed: 0.004 s <<< ERROR!
  env: SPRING_DATASOURCE_USERNAME=${dbuser} SPRING_DATASOURCE_PASSWORD={{PASSWORD}} SPRING_PROFILES_ACTIVE=it""",
    """Description:

Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.

Reason: Failed to determine suitable jdbc url
  application-it.yml: spring.datasource: {url: '$${DB_URL}', username: ${dbuser}, password: '{{PASSWORD}}'}  stripe.api-key: {{STRIPE_SK}}
[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0""",
], ["APPLICATION FAILED TO START", "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.", "Reason: Failed to determine a suitable driver class", "Consider the following:", "If you want an embedded database (H2, HSQL or Derby), please put it on the classpath.", "(the profiles \"it\" are currently active)", "${junitclass}.contextLoads -- Time elapsed: 0.004 s <<< ERROR!", "SPRING_DATASOURCE_USERNAME=${dbuser}", "SPRING_PROFILES_ACTIVE=it", "Reason: Failed to determine suitable jdbc url", "url: '$${DB_URL}', username: ${dbuser}", "[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0"],
    marker="Failed to configure a DataSource")

fam("spring-r2dbc-connection-failure", "https://docs.spring.io/spring-boot/reference/data/sql.html#data.sql.r2dbc; https://github.com/pgjdbc/r2dbc-postgresql#getting-started", [
    """org.springframework.dao.DataAccessResourceFailureException: Failed to obtain R2DBC Connection
	at ${javapkg}.${r2dbcrepo}IT.savesTheCustomer(${r2dbcrepo}IT.java:${line})
Caused by: io.r2dbc.postgresql.PostgresqlConnectionFactory$$PostgresConnectionException: [08003] Cannot connect to ${dbhost}/${privip}:${pgport}
  spring.r2dbc.url=r2dbc:postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslMode=require""",
    """io.r2dbc.postgresql.ExceptionFactory$$PostgresqlNonTransientResourceException: [28P01] password authentication failed for user "${dbuser}"
  spring.r2dbc.url=r2dbc:pool:postgresql://${dbhost}:${pgport}/${db}
  spring.r2dbc.username=${dbuser}
  spring.r2dbc.password={{PASSWORD}}
  binding: INSERT INTO customer (email, phone, vat) VALUES ($$1, $$2, $$3) [{{EMAIL}}, {{PHONE_SM}}, {{CIF_ES}}]""",
], ["org.springframework.dao.DataAccessResourceFailureException: Failed to obtain R2DBC Connection", "at ${javapkg}.${r2dbcrepo}IT.savesTheCustomer(${r2dbcrepo}IT.java:${line})", "PostgresConnectionException: [08003] Cannot connect to ${dbhost}/${privip}:${pgport}", "spring.r2dbc.url=r2dbc:postgresql://${dbuser}:", "@${dbhost}:${pgport}/${db}?sslMode=require", "PostgresqlNonTransientResourceException: [28P01] password authentication failed for user \"${dbuser}\"", "spring.r2dbc.url=r2dbc:pool:postgresql://${dbhost}:${pgport}/${db}", "spring.r2dbc.username=${dbuser}", "INSERT INTO customer (email, phone, vat) VALUES ($$1, $$2, $$3)"],
    marker="spring.r2dbc")

fam("quarkus-dev-mode-console", "https://quarkus.io/guides/maven-tooling#dev-mode; https://quarkus.io/guides/config-reference#profiles", [
    """[INFO] --- quarkus:3.10.1:dev (default-cli) @ ${mvnmodule} ---
Listening for transport dt_socket at address: 5005
2024-05-14 10:12:03,118 ERROR [io.qua.run.Application] (Quarkus Main Thread) Failed to start application (with profile [dev]): java.lang.RuntimeException: Unable to connect to ${dbhost}:${pgport}
  %dev.quarkus.datasource.jdbc.url=jdbc:postgresql://${dbhost}:${pgport}/${db}
  %dev.quarkus.datasource.username=${dbuser}
  %dev.quarkus.datasource.password={{PASSWORD}}
--
Tests paused
Press [e] to edit command line args (currently ''), [r] to resume testing, [o] Toggle test output, [:] for the terminal, [h] for more options>""",
    """[INFO] --- quarkus:3.10.1:dev (default-cli) @ ${mvnmodule} ---
2024-05-14 10:12:05,402 INFO  [io.quarkus] (Quarkus Main Thread) ${mvnmodule} 1.0.0-SNAPSHOT on JVM (powered by Quarkus 3.10.1) started in 2.114s. Listening on: http://localhost:8080
2024-05-14 10:12:09,017 ERROR [io.qua.test] (Test runner thread) Test CustomerResourceTest#testUpdate() failed
: java.lang.AssertionError: 1 expectation failed. Expected status code <200> but was <401>. Header Authorization: Bearer {{JWT}} Body: {"phone":"{{PHONE_CG}}"}""",
], ["[INFO] --- quarkus:3.10.1:dev (default-cli) @ ${mvnmodule} ---", "Listening for transport dt_socket at address: 5005", "ERROR [io.qua.run.Application] (Quarkus Main Thread) Failed to start application (with profile [dev])", "Unable to connect to ${dbhost}:${pgport}", "%dev.quarkus.datasource.jdbc.url=jdbc:postgresql://${dbhost}:${pgport}/${db}", "%dev.quarkus.datasource.username=${dbuser}", "Tests paused", "Press [e] to edit command line args (currently ''), [r] to resume testing", "${mvnmodule} 1.0.0-SNAPSHOT on JVM (powered by Quarkus 3.10.1) started in 2.114s. Listening on: http://localhost:8080", "Test CustomerResourceTest#testUpdate() failed", "Expected status code <200> but was <401>."],
    marker="quarkus:3.10.1:dev")

fam("phoenix-bandit-endpoint-ecto-log", "https://hexdocs.pm/phoenix/Phoenix.Endpoint.html; https://hexdocs.pm/ecto_sql/Ecto.Adapters.SQL.html#module-logging", [
    """[info] Running ${phxapp}.Endpoint with Bandit 1.5.2 at 127.0.0.1:4000 (http)
[info] Access ${phxapp}.Endpoint at http://localhost:4000
[debug] QUERY OK source="users" db=1.2ms queue=0.4ms idle=812.3ms
SELECT u0."id", u0."email", u0."phone", u0."hashed_password" FROM "users" AS u0 WHERE (u0."email" = $$1) ["{{EMAIL}}"]
[debug] QUERY OK db=0.8ms
UPDATE "users" SET "phone" = $$1, "api_token" = $$2 WHERE "id" = $$3 ["{{PHONE_TD}}", "{{HEX40}}", ${num}]
[error] ** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2000ms""",
    """[info] Running ${phxapp}.Endpoint with Bandit 1.5.2 at :::4000 (http)
[error] Postgrex.Protocol (#PID<0.412.0>) failed to connect: ** (Postgrex.Error) FATAL 28P01 (invalid_password) password authentication failed for user "${dbuser}"
  config :shop, Shop.Repo, url: "ecto://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}", pool_size: 10
  secret_key_base: "{{PHX_SECRET}}\"""",
], ["[info] Running ${phxapp}.Endpoint with Bandit 1.5.2 at 127.0.0.1:4000 (http)", "[info] Access ${phxapp}.Endpoint at http://localhost:4000", "[debug] QUERY OK source=\"users\" db=1.2ms queue=0.4ms idle=812.3ms", "SELECT u0.\"id\", u0.\"email\", u0.\"phone\", u0.\"hashed_password\" FROM \"users\" AS u0 WHERE (u0.\"email\" = $$1)", "UPDATE \"users\" SET \"phone\" = $$1, \"api_token\" = $$2 WHERE \"id\" = $$3", "connection not available and request was dropped from queue after 2000ms", "Running ${phxapp}.Endpoint with Bandit 1.5.2 at :::4000 (http)", "Postgrex.Protocol (#PID<0.412.0>) failed to connect:", "FATAL 28P01 (invalid_password) password authentication failed for user \"${dbuser}\"", "@${dbhost}:${pgport}/${db}\", pool_size: 10"],
    marker="with Bandit")

fam("flask-cli-routes-and-env", "https://flask.palletsprojects.com/en/3.0.x/cli/#show-routes; https://flask.palletsprojects.com/en/3.0.x/config/#configuring-from-environment-variables", [
    """+ export FLASK_SECRET_KEY={{HEX64}} FLASK_SQLALCHEMY_DATABASE_URI=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
+ flask --app orders routes
Endpoint             Methods    Rule
-------------------  ---------  -----------------------
${flaskbp}.login           GET, POST  /${flaskbp}/login
${flaskbp}.reset           POST       /${flaskbp}/reset/<token>
static               GET        /static/<path:filename>
+ pytest -q tests/test_${flaskbp}.py
FAILED tests/test_${flaskbp}.py::test_reset_link - AssertionError: assert 404 == 200""",
    """+ flask --app orders routes --sort rule
Error: While importing 'orders', an ImportError was raised:
  File "/app/orders/config.py", line ${line}, in <module>
    SENDGRID_API_KEY = "{{SENDGRID}}"
    ADMIN_PHONE = "{{PHONE_BI}}"
ImportError: cannot import name 'Mail' from 'flask_mail'""",
], ["flask --app orders routes", "Endpoint             Methods    Rule", "-------------------  ---------  -----------------------", "${flaskbp}.login           GET, POST  /${flaskbp}/login", "${flaskbp}.reset           POST       /${flaskbp}/reset/<token>", "static               GET        /static/<path:filename>", "pytest -q tests/test_${flaskbp}.py", "FAILED tests/test_${flaskbp}.py::test_reset_link - AssertionError: assert 404 == 200", "@${dbhost}:${pgport}/${db}", "flask --app orders routes --sort rule", "Error: While importing 'orders', an ImportError was raised:", "File \"/app/orders/config.py\", line ${line}, in <module>", "ImportError: cannot import name 'Mail' from 'flask_mail'"],
    marker="flask --app")

# --- Tools none of the fourteen has --------------------------------------------------------------------------------------

fam("hurl-test-assert-failure", "https://hurl.dev/docs/running-tests.html; https://hurl.dev/docs/manual.html", [
    """$$ hurl --test --variable password={{PASSWORD}} --variable host=${apihost} ${hurlfile}
${hurlfile}: Running [1/1]
error: Assert status code
  --> ${hurlfile}:8:6
   |
   | POST https://${apihost}${apipath}
   | ...
 8 | HTTP 200
   |      ^^^ actual value is <401>
   |

${hurlfile}: Failure (2 request(s) in 120 ms)
--------------------------------------------------------------------------------
Executed files:    1
Executed requests: 2 (16.7/s)
Succeeded files:   0 (0.0%)
Failed files:      1 (100.0%)
Duration:          120 ms""",
    """$$ hurl --test --very-verbose ${hurlfile}
* Request:
* POST https://${apihost}${apipath}
* Authorization: Bearer {{JWT}}
* Request body:
* {"email":"{{EMAIL}}","phone":"{{PHONE_ER}}","card":"{{CARD}}"}
* Response: (received 41 bytes in 86 ms)
< HTTP/2 422
${hurlfile}: Failure (1 request(s) in 86 ms)""",
], ["hurl --test --variable password=", "--variable host=${apihost} ${hurlfile}", "${hurlfile}: Running [1/1]", "error: Assert status code", "--> ${hurlfile}:8:6", "POST https://${apihost}${apipath}", "actual value is <401>", "${hurlfile}: Failure (2 request(s) in 120 ms)", "Executed requests: 2 (16.7/s)", "Failed files:      1 (100.0%)", "hurl --test --very-verbose ${hurlfile}", "* Response: (received 41 bytes in 86 ms)", "< HTTP/2 422", "${hurlfile}: Failure (1 request(s) in 86 ms)"],
    mainstream=False, marker="hurl --test")

fam("venom-run-testsuite", "https://github.com/ovh/venom#run; https://github.com/ovh/venom#variables", [
    """$$ venom run ${venomsuite} --var password={{PASSWORD}} --var baseUrl=https://${apihost}
 • Orders API (${venomsuite})
 	• login-as-admin FAIL
 	  Testcase "login-as-admin", step #0-0: Assertion "result.statuscode ShouldEqual 200" failed. expected: 200  got: 401 (${venomsuite}:18)
 	  result.bodyjson: {"error":"bad credentials","user":"{{EMAIL}}"}
final status: FAIL""",
    """$$ venom run ${venomsuite} --var-from-file vars.yml -vv
vars.yml: {apiKey: {{API_KEY}}, dbUrl: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}", phone: "{{PHONE_VU}}"}
 • Customers (${venomsuite})
 	• get-customer-by-phone FAIL
 	  Testcase "get-customer-by-phone", step #1-0: Assertion "result.bodyjson.phone ShouldEqual {{PHONE_VU}}" failed. expected: {{PHONE_VU}}  got: <nil> (${venomsuite}:31)
final status: FAIL""",
], ["venom run ${venomsuite}", "--var baseUrl=https://${apihost}", "• Orders API (${venomsuite})", "• login-as-admin FAIL", "Testcase \"login-as-admin\", step #0-0: Assertion \"result.statuscode ShouldEqual 200\" failed. expected: 200  got: 401 (${venomsuite}:18)", "final status: FAIL", "venom run ${venomsuite} --var-from-file vars.yml -vv", "@${dbhost}:${pgport}/${db}", "• Customers (${venomsuite})", "• get-customer-by-phone FAIL", "got: <nil> (${venomsuite}:31)"],
    mainstream=False, marker="venom run")
