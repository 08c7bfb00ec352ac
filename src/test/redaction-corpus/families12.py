# The twelfth collection (session 16, corpus12): failure output in formats none of the eleven earlier collections has
# (checked by grepping failure-output*.jsonl and families.py to families11.py for each tool's own words), weighted toward
# what a FAILING TEST RUN of a web, back-end or mobile application prints and drags in, for a clean measure of redaction
# on material no rule writer has seen (#14): test runners of languages the earlier collections covered thinly (Haskell
# hspec, R testthat, Erlang Common Test, Perl prove, Lua busted, clojure.test, Dart's package:test, Swift's swift test,
# Nimble, Zig, Alcotest, Expecto, DUnitX, QUnit, COBOL unit tests), API and load tools (Bruno, Step CI, httpyac, Vegeta,
# ghz, Taurus, Microcks, Toxiproxy, json-server), browser and visual services (Percy, BrowserStack's and Sauce Labs'
# session logs), data tools and ORMs (dbt, tSQLt, utPLSQL, Peewee, Tortoise, MikroORM, Eloquent, Diesel, SeaORM, Slick,
# Doobie), jobs and queues (Oban, Hangfire, Dramatiq, Huey, Asynq, Faktory, Quartz, Kinesis, Azure Service Bus),
# app frameworks' error pages and logs (Phoenix, Vapor, Actix, Sinatra, Mojolicious, CakePHP, CodeIgniter, Tornado,
# Sanic, Javalin, http4s, Yesod), infra (Varnish, Tyk, Linkerd, OpenResty, Zuul, Rundeck, AppVeyor, Bitrise, Codemagic,
# nerdctl, crictl, minikube, k3s, Dapr, KEDA, LocalStack/moto, Azurite), journald's export format and the Windows event
# log's XML. Personal data of countries none of the eleven has (Oman, Bahrain, Iraq, Algeria, Cameroon, Cote d'Ivoire,
# Rwanda, Zambia, Zimbabwe, Mozambique, Angola, Botswana, Namibia, Mauritius, Honduras, El Salvador, Nicaragua,
# Trinidad and Tobago, Belarus, Kyrgyzstan, Montenegro, Myanmar, Laos, Brunei, Fiji, Iran, India: phones as those
# countries write them) and national, tax and bank numbers no collection has (Switzerland's AHV number, Singapore's
# NRIC, Argentina's CUIT, Colombia's NIT, Peru's RUC, Greece's AFM, Poland's NIP, Ukraine's RNOKPP, Korea's business
# number, Taiwan's UBN, Mexico's CLABE, the US ABA routing number, Australia's ABN, France's SIRET), with VALID check
# digits (TwelfthIds.java), and IBANs of 20 more countries (mod 97). Each family names the public page or thread its shape
# was learnt from (a part looked up with the search tool in session 16: hspec's failure blocks, testthat's Failure
# banner, Common Test's "- - -" blocks, prove's Test Summary Report, busted's "Passed in:", varnishlog's tags, the
# journal export format, Tyk's key=value log, Linkerd's proxy log, Rundeck's debug environment); nothing was copied.
# Same template language as the earlier collections. Split like the sixth to eleventh: a THIRD of the families by the
# SHA-1 of the family's name (0 mod 3), fixed and committed before any rule ran on it. Kept from every rule writer.

from families11 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "hsmod": ["Api.SessionSpec", "Billing.ChargeSpec", "Orders.ClientSpec"],
    "rpkg": ["ordersapi", "crmtools", "billingr"],
    "ctsuite": ["orders_api_SUITE", "billing_http_SUITE", "session_store_SUITE"],
    "ctnode": ["ct@ci-runner-07", "ct@build-eu-3", "ct@localhost"],
    "perlt": ["t/api/login.t", "t/orders.t", "t/20-customers.t"],
    "luaspec": ["spec/session_spec.lua", "spec/api/orders_spec.lua", "spec/redis_store_spec.lua"],
    "cljns": ["orders.api-test", "billing.handler-test", "auth.session-test"],
    "brufile": ["orders/Create Order.bru", "auth/Login.bru", "customers/Update Phone.bru"],
    "stepwf": ["workflow.yml", "tests/checkout.yml", "e2e/login.workflow.yaml"],
    "percybuild": ["31337042", "29871150", "30411976"],
    "bssession": ["1c5e8f2a9b3d7e4f6a0c2b8d1e3f5a7c9b0d2e4f", "7d3b1f9e5c2a8d4b6f0e1a3c5b7d9f2e4a6c8b0d"],
    "dbtmodel": ["stg_customers", "fct_orders", "dim_patients"],
    "dbtproj": ["acme_analytics", "globex_dw", "initech_marts"],
    "obanqueue": ["mailers", "billing", "kyc"],
    "obanworker": ["Shop.Workers.SendReceipt", "Billing.Workers.ChargeCard", "Kyc.Workers.VerifyIdentity"],
    "hfjob": ["InvoiceMailer.Send", "CustomerSync.Run", "PayoutJob.Execute"],
    "asynqtype": ["email:deliver", "payment:capture", "kyc:verify"],
    "varnishbe": ["boot.orders_api", "boot.checkout_web", "boot.default"],
    "tykapi": ["orders-api", "billing-v2", "customer-profile"],
    "tykorg": ["5e9d9544a1dcd60001d0ed20", "62b0a1f3c9e77d0001a4b2c8"],
    "l5dsvc": ["orders-api.shop.svc.cluster.local:8080", "billing.payments.svc.cluster.local:9090"],
    "zuuljob": ["tox-py311", "integration-postgres", "e2e-chromium"],
    "zuulproj": ["acme/orders-service", "globex/billing-api", "opendev/sandbox"],
    "rdjob": ["deploy-orders", "rotate-db-creds", "nightly-e2e"],
    "rdproj": ["shop-prod", "billing-ops", "qa"],
    "avproj": ["acme/orders-win", "globex/billing-dotnet"],
    "minikprof": ["minikube", "e2e", "ci-cluster"],
    "daprapp": ["orders-api", "checkout", "billing-worker"],
    "kedaso": ["orders-consumer", "email-worker", "kyc-scaler"],
    "evtchan": ["Security", "Application", "Microsoft-Windows-PowerShell/Operational"],
    "pesterfile": ["tests/Deploy.Tests.ps1", "tests/Connect-Db.Tests.ps1", "tests/Api.Tests.ps1"],
    "phxmod": ["ShopWeb.CheckoutController", "BillingWeb.InvoiceController", "AuthWeb.SessionController"],
    "vaporroute": ["/api/orders", "/auth/login", "/customers/:id"],
    "cakectrl": ["CustomersController", "OrdersController", "UsersController"],
    "tornhandler": ["api.handlers.OrderHandler", "auth.LoginHandler", "billing.ChargeHandler"],
    "jvroute": ["/api/customers", "/login", "/payments/{id}"],
    "qunitmod": ["Acceptance | checkout", "Integration | Component | customer-card", "Unit | Service | session"],
    "zigtest": ["client.test.parses DSN", "session.test.rejects expired token", "http.test.sends basic auth"],
    "nimsuite": ["ApiClientSpec", "SessionStoreSpec", "CustomerImportSpec"],
    "dunitfix": ["TCustomerRepoTests", "TOrderServiceTests", "TSessionTests"],
    "coboltest": ["CUSTLOAD", "PAYCALC", "ACCTUPD"],
    "swiftsuite": ["APIClientTests", "KeychainStoreTests", "CheckoutFlowTests"],
    "microcksvc": ["Orders API:1.2.0", "Customer Service:0.9", "Billing:2.1.3"],
    "toxiproxy": ["postgres_upstream", "redis_cache", "orders_api"],
    "ghzcall": ["orders.v1.OrderService.CreateOrder", "auth.v1.Auth.Login", "billing.v1.Billing.Charge"],
    "kinesisstream": ["orders-events", "clickstream-prod", "kyc-audit"],
    "sbqueue": ["orders-inbound", "email-outbox", "payments"],
    "sbns": ["acme-prod-bus", "globex-events", "initech-sb"],
    "quartzjob": ["DEFAULT.invoiceJob", "reports.nightlyExport", "billing.chargeRetry"],
    "faktoryq": ["critical", "default", "bulk"],
    "dramactor": ["send_welcome_email", "charge_customer", "sync_crm"],
    "sanicapp": ["orders_api", "auth_service", "billing"],
    "mojoroute": ["/login", "/api/v1/customers", "/account/settings"],
    "ciroute": ["Auth::login", "Customers::update", "Api\\Orders::create"],
    "http4sroute": ["/api/orders", "/auth/token", "/customers"],
    "yesodroute": ["AuthR LoginR", "CustomerR", "OrdersR"],
    "sinroute": ["/login", "/api/orders", "/customers/:id"],
    "actixroute": ["/api/v1/orders", "/auth/callback", "/customers/{id}"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants})


# --- test runners of other languages ---------------------------------------------------------------------------------------

fam("hspec-failure-block", "https://github.com/hspec/hspec/issues/432; https://github.com/hspec/hspec/pull/583", [
    """Failures:

  test/${hsmod}.hs:${line}:${col}:
  1) ${hsmod}, POST /sessions, returns a session for valid credentials
       expected: Right (Session {sessionUser = "${user}", sessionToken = "{{JWT}}"})
        but got: Left (HttpExceptionRequest Request {host = "${apihost}", port = 443, secure = True, requestHeaders = [("Authorization","Bearer {{GHP}}")], path = "${apipath}"} (StatusCodeException (Response {responseStatus = Status {statusCode = 401}})))

  To rerun use: --match "/${hsmod}/POST \\/sessions/returns a session for valid credentials/"

Randomized with seed ${num}

Finished in 0.0412 seconds
12 examples, 1 failure""",
    """  test/${hsmod}.hs:${line}:${col}:
  2) ${hsmod}.withDatabase connects with the configured DSN
       uncaught exception: SqlError
       SqlError {sqlState = "28P01", sqlExecStatus = FatalError, sqlErrorMsg = "password authentication failed for user \\"${dbuser}\\"", sqlErrorDetail = "", sqlErrorHint = ""}
       connectPostgreSQL "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} password={{PASSWORD}}"
       customer fixture: Customer {custName = "Salim Al-Harthy", custPhone = "{{PHONE_OM}}", custEmail = "{{EMAIL}}"}

  To rerun use: --match "/${hsmod}/withDatabase/connects with the configured DSN/"
""",
], ["Failures:", "test/${hsmod}.hs:${line}:${col}:", "To rerun use: --match", "Randomized with seed ${num}", "12 examples, 1 failure", "host = \"${apihost}\"", "path = \"${apipath}\"", "statusCode = 401", "sqlState = \"28P01\"", "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser}", "password authentication failed for user"])

fam("testthat-failure-banner", "https://github.com/remindmodel/remind/issues/1325; https://testthat.r-lib.org/reference/expect_equal.html", [
    """══ Testing test-api.R ══════════════════════════════════════════════════════════
[ FAIL 1 | WARN 1 | SKIP 0 | PASS 14 ]

── Failure (test-api.R:${line}:${col}): fetch_orders() authenticates ─────────────────
`resp$status_code` (`actual`) not equal to 200 (`expected`).

  `actual`: 401
`expected`: 200
Backtrace:
    ▆
 1. └─${rpkg}::fetch_orders(base_url = "https://${apihost}${apipath}", token = "{{GLPAT}}") at test-api.R:${line}:${col}
 2.   └─httr2::req_perform(req)

── Warning (test-api.R:${line2}:3): connection ──
Sys.getenv("DATABASE_URL") = "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
[ FAIL 1 | WARN 1 | SKIP 0 | PASS 14 ]""",
    """── Failure (test-customers.R:${line}:${col}): import keeps phone numbers ─────────────
`customers` (`actual`) not equal to `expected` (`expected`).

`actual$phone[1]`:   "{{PHONE_DZ}}"
`expected$phone[1]`: "{{PHONE_DZ:2}}"

`actual$email[2]`:   "{{EMAIL}}"
`expected$email[2]`: "{{EMAIL:2}}"
Sys.getenv("GITHUB_PAT") was "{{GHP}}"; Sys.getenv("RSCONNECT_API_KEY") was "{{RSCONNECT_KEY}}"
[ FAIL 1 | WARN 0 | SKIP 2 | PASS 31 ]""",
], ["[ FAIL 1 | WARN 1 | SKIP 0 | PASS 14 ]", "── Failure (test-api.R:${line}:${col}): fetch_orders() authenticates", "`actual`: 401", "${rpkg}::fetch_orders(base_url = \"https://${apihost}${apipath}\"", "httr2::req_perform(req)", "@${dbhost}:${pgport}/${db}", "── Failure (test-customers.R:${line}:${col}): import keeps phone numbers", "[ FAIL 1 | WARN 0 | SKIP 2 | PASS 31 ]"])

fam("erlang-common-test-block", "https://github.com/rabbitmq/rabbitmq-auth-backend-cache/issues/2; https://github.com/rabbitmq/credentials-obfuscation/issues/26", [
    """CWD set to: "/builds/${repo}/_build/test/logs/ct_run.${ctnode}.2024-05-14_10.12.03"

TEST INFO: 1 test(s), 14 case(s) in 1 suite(s)

Testing ${repo}.${ctsuite}: Starting test, 14 test cases
- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -
${ctsuite}:login_with_basic_auth failed on line ${line}
Reason: {badmatch,{error,{http,401,[{"www-authenticate","Basic realm=\\"${realm}\\""}],
         #{url => "https://${apihost}${apipath}",
           headers => [{<<"authorization">>,<<"Basic {{BASIC_CRED}}">>}],
           opts => [{password,"{{PASSWORD}}"},{user,"${user}"}]}}}}
- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -

Testing ${repo}.${ctsuite}: *** FAILED {${ctsuite},login_with_basic_auth} ***
Testing ${repo}.${ctsuite}: TEST COMPLETE, 13 ok, 1 failed of 14 test cases""",
    """- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -
${ctsuite}:init_per_suite failed
Reason: {badmatch,{error,{{badmatch,{error,econnrefused}},
          [{epgsql,connect,[#{host => "${dbhost}",port => ${pgport},database => "${db}",
                              username => "${dbuser}",password => "{{PASSWORD}}"}]},
           {aws_config,[{access_key_id,"{{AWS_KEY_ID}}"},{secret_access_key,"{{AWS_SECRET}}"}]}]}}}
- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -

Testing ${repo}.${ctsuite}: *** FAILED {${ctsuite},init_per_suite} ***
Updating /builds/${repo}/_build/test/logs/index.html ... done""",
], ["TEST INFO: 1 test(s), 14 case(s) in 1 suite(s)", "${ctsuite}:login_with_basic_auth failed on line ${line}", "Reason: {badmatch,{error,{http,401,", "\"https://${apihost}${apipath}\"", "{user,\"${user}\"}", "*** FAILED {${ctsuite},login_with_basic_auth} ***", "TEST COMPLETE, 13 ok, 1 failed of 14 test cases", "${ctsuite}:init_per_suite failed", "host => \"${dbhost}\",port => ${pgport},database => \"${db}\"", "username => \"${dbuser}\"", "${ctnode}"])

fam("perl-prove-summary", "https://github.com/dotse/dnscheck/issues/114; https://github.com/openresty/test-nginx/issues/89", [
    """${perlt} .. 3/9
#   Failed test 'POST /login returns a session'
#   at ${perlt} line ${line}.
#          got: '401'
#     expected: '200'
# request: POST https://${apihost}/login
#   Authorization: Basic {{BASIC_CRED}}
#   Cookie: mojolicious={{MOJO_SESSION}}
# Looks like you failed 1 test of 9.
${perlt} .. Dubious, test returned 1 (wstat 256, 0x100)
Failed 1/9 subtests

Test Summary Report
-------------------
${perlt} (Wstat: 256 Tests: 9 Failed: 1)
  Failed test:  3
  Non-zero exit status: 1
Files=1, Tests=9,  1 wallclock secs ( 0.02 usr  0.01 sys +  0.31 cusr  0.04 csys =  0.38 CPU)
Result: FAIL""",
    """${perlt} .. 1/?
#   Failed test 'customer row matches fixture'
#   at ${perlt} line ${line}.
#     Structures begin differing at:
#          $$got->{phone} = '{{PHONE_BH}}'
#     $$expected->{phone} = '{{PHONE_BH:2}}'
# DBI connect('dbname=${db};host=${dbhost};port=${pgport}','${dbuser}','{{PASSWORD}}') failed: FATAL:  password authentication failed
# ENV{STRIPE_SECRET_KEY}={{STRIPE_SK}}
# Looks like you failed 1 test of 4.
${perlt} .. Dubious, test returned 1 (wstat 256, 0x100)""",
], ["${perlt} (Wstat: 256 Tests: 9 Failed: 1)", "#   at ${perlt} line ${line}.", "#          got: '401'", "#     expected: '200'", "POST https://${apihost}/login", "Dubious, test returned 1 (wstat 256, 0x100)", "Result: FAIL", "Structures begin differing at:", "dbname=${db};host=${dbhost};port=${pgport}", "'${dbuser}'", "Looks like you failed 1 test of 4."])

fam("lua-busted-failure", "https://github.com/lunarmodules/busted/issues/404; https://github.com/lunarmodules/lua_cliargs/issues/79", [
    """+++++-++++
9 successes / 1 failure / 0 errors / 0 pending : 0.214 seconds

Failure -> ${luaspec} @ ${line}
session store keeps the token
${luaspec}:${line2}: Expected objects to be the same.
Passed in:
(table) {
  [token] = '{{SLACK_BOT}}'
  [redis] = 'redis://default:{{PASSWORD}}@${redishost}:6379/2'
  [user] = '${user}' }
Expected:
(table) {
  [token] = '***'
  [user] = '${user}' }

stack traceback:
	${luaspec}:${line2}: in function <${luaspec}:${line}>""",
    """Failure -> ${luaspec} @ ${line}
customer import normalises phones
${luaspec}:${line2}: Expected objects to be equal.
Passed in:
(string) '{{PHONE_CM}}'
Expected:
(string) '{{PHONE_CM:2}}'
-- fixture: { email = '{{EMAIL}}', api_key = '{{API_KEY}}', card = '{{CARD}}' }

stack traceback:
	${luaspec}:${line2}: in function <${luaspec}:${line}>""",
], ["9 successes / 1 failure / 0 errors / 0 pending", "Failure -> ${luaspec} @ ${line}", "${luaspec}:${line2}: Expected objects to be the same.", "[user] = '${user}'", "@${redishost}:6379/2", "stack traceback:", "in function <${luaspec}:${line}>", "${luaspec}:${line2}: Expected objects to be equal."])

fam("clojure-test-fail-report", "https://clojure.github.io/clojure/clojure.test-api.html; https://github.com/technomancy/leiningen/blob/main/doc/TUTORIAL.md#tests", [
    """lein test ${cljns}

FAIL in (login-returns-session) (${cljns}.clj:${line})
expected: (= 200 (:status resp))
  actual: (not (= 200 401))
request: {:request-method :post, :uri "${apipath}", :server-name "${apihost}", :headers {"authorization" "Bearer {{JWT}}", "cookie" "ring-session={{RING_SESSION}}"}}

Ran 12 tests containing 31 assertions.
1 failures, 0 errors.
Tests failed.""",
    """ERROR in (db-spec-connects) (${cljns}.clj:${line})
Uncaught exception, not in assertion.
expected: nil
  actual: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbuser}"
 db-spec: {:dbtype "postgresql", :host "${dbhost}", :port ${pgport}, :dbname "${db}", :user "${dbuser}", :password "{{PASSWORD}}"}
 env: {:aws-access-key-id "{{AWS_KEY_ID}}", :aws-secret-access-key "{{AWS_SECRET}}", :customer-phone "{{PHONE_ZM}}"}

Ran 4 tests containing 9 assertions.
0 failures, 1 errors.""",
], ["lein test ${cljns}", "FAIL in (login-returns-session) (${cljns}.clj:${line})", "expected: (= 200 (:status resp))", "actual: (not (= 200 401))", ":uri \"${apipath}\"", ":server-name \"${apihost}\"", "Ran 12 tests containing 31 assertions.", "ERROR in (db-spec-connects) (${cljns}.clj:${line})", ":host \"${dbhost}\", :port ${pgport}, :dbname \"${db}\"", ":user \"${dbuser}\"", "0 failures, 1 errors."])

fam("nim-unittest-check", "https://nim-lang.org/docs/unittest.html", [
    """[Suite] ${nimsuite}
    /home/runner/work/app/tests/test_client.nim(${line}, ${col}): Check failed: resp.code == Http200
    resp.code was 401 Unauthorized
    client.headers was {"authorization": @["Bearer {{GHP}}"], "x-api-key": @["{{API_KEY}}"]}
    url was https://${apihost}${apipath}
  [FAILED] sends the token
Error: execution of an external program failed: '/home/runner/work/app/tests/test_client'""",
    """[Suite] ${nimsuite}
    /home/runner/work/app/tests/test_db.nim(${line}, ${col}): Check failed: db.ping()
    dsn was postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
    row was (name: "Ngozi Phiri", phone: "{{PHONE_ZW}}", email: "{{EMAIL}}")
  [FAILED] connects with the env DSN""",
], ["[Suite] ${nimsuite}", "tests/test_client.nim(${line}, ${col}): Check failed: resp.code == Http200", "resp.code was 401 Unauthorized", "url was https://${apihost}${apipath}", "[FAILED] sends the token", "@${dbhost}:${pgport}/${db}", "tests/test_db.nim(${line}, ${col}): Check failed: db.ping()", "[FAILED] connects with the env DSN"])

fam("zig-build-test-fail", "https://ziglang.org/documentation/master/#Zig-Test; https://github.com/ziglang/zig/issues/15061", [
    """test
└─ run test 11/12 passed, 1 failed
error: '${zigtest}' failed: expected "{{AWS_SECRET}}", found "***"
/home/ci/app/src/client.zig:${line}:${col}: 0x10d3a1c in test.parses DSN (test)
    try std.testing.expectEqualStrings(cfg.password, "***");
    dsn: mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}
error: the following test command failed with exit code 1:
/home/ci/app/.zig-cache/o/${hex32}/test""",
    """error: '${zigtest}' failed: expected 200, found 401
/home/ci/app/src/http.zig:${line}:${col}: 0x10e44f0 in test.sends basic auth (test)
    header Authorization: Basic {{BASIC_CRED}}
    env ZIG_API_TOKEN={{HEX64}}
Build Summary: 3/5 steps succeeded; 1 failed; 11/12 tests passed; 1 failed""",
], ["run test 11/12 passed, 1 failed", "error: '${zigtest}' failed:", "src/client.zig:${line}:${col}:", "std.testing.expectEqualStrings", "@${dbhost}:${myport}/${db}", "the following test command failed with exit code 1:", ".zig-cache/o/${hex32}/test", "src/http.zig:${line}:${col}:", "Build Summary: 3/5 steps succeeded; 1 failed; 11/12 tests passed; 1 failed"])

fam("ocaml-alcotest-failure", "https://github.com/mirage/alcotest; https://github.com/mirage/alcotest/issues/300", [
    """Testing `api'.
This run has ID `${upper8}'.

  [OK]          session          0   parses cookie.
  [FAIL]        session          1   keeps token.

┌──────────────────────────────────────────────────────────────────────────────┐
│ [FAIL]        session          1   keeps token.                              │
└──────────────────────────────────────────────────────────────────────────────┘
ASSERT token
FAIL token

   Expected: `"***"'
   Received: `"{{GLPAT}}"'
Raised at Alcotest_engine__Test.check in file "src/alcotest-engine/test.ml", line 200
Logs saved to `~/app/_build/default/test/_build/_tests/api/session.001.output'.
Full test results in `~/app/_build/default/test/_build/_tests/api'.
1 failure! in 0.012s. 2 tests run.""",
    """ASSERT customer
FAIL customer

   Expected: `{ name = "Rania Haddad"; phone = "{{PHONE_IQ}}"; iban = "{{IBAN12}}" }'
   Received: `{ name = "Rania Haddad"; phone = "{{PHONE_IQ:2}}"; iban = "{{IBAN12}}" }'
Caqti_driver_postgresql: postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
1 failure! in 0.031s. 6 tests run.""",
], ["This run has ID `${upper8}'.", "[OK]          session          0   parses cookie.", "[FAIL]        session          1   keeps token.", "Raised at Alcotest_engine__Test.check in file \"src/alcotest-engine/test.ml\", line 200", "_build/_tests/api/session.001.output", "1 failure! in 0.012s. 2 tests run.", "@${dbhost}:${pgport}/${db}", "1 failure! in 0.031s. 6 tests run."])

fam("fsharp-expecto-failure", "https://github.com/haf/expecto#expecto; https://github.com/haf/expecto/issues/215", [
    """[10:12:03 INF] EXPECTO? Running tests... <Expecto>
[10:12:04 ERR] api/login returns a session failed in 00:00:00.4120000.
Login status. expected: 200
 actual: 401
request: POST https://${apihost}${apipath} Authorization: Bearer {{JWT}}
   at Tests.loginTests@${line}.Invoke(Unit _arg1) in /src/Tests/ApiTests.fs:line ${line}
[10:12:04 INF] EXPECTO! 14 tests run in 00:00:01.2 for api – 13 passed, 0 ignored, 1 failed, 0 errored. ( ) <Expecto>""",
    """[10:12:05 ERR] db/connects failed in 00:00:00.0310000.
Connection string. String does not match at position 52. Expected char: '*', but got another.
expected:
    Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password=***
  actual:
    Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}
customer phone: {{PHONE_RW}}; ssn: {{SSN}}""",
], ["EXPECTO? Running tests... <Expecto>", "api/login returns a session failed in 00:00:00.4120000.", "Login status. expected: 200", "POST https://${apihost}${apipath}", "/src/Tests/ApiTests.fs:line ${line}", "14 tests run in 00:00:01.2 for api", "db/connects failed in 00:00:00.0310000.", "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser}"])

fam("delphi-dunitx-report", "https://github.com/VSoftTechnologies/DUnitX; https://github.com/VSoftTechnologies/DUnitX/issues/223", [
    """**********************************************************************
*        DUnitX - (c) 2015-2020 Vincent Parrett & Contributors          *
**********************************************************************

Fixture : ShopTests.${dunitfix}
-------------------------------------------------
Test : ShopTests.${dunitfix}.TestConnect
-------------------------------------------------
FAILED : Expected connection but got EFDDBEngineException: [FireDAC][Phys][PG][libpq] FATAL: password authentication failed
Params: DriverID=PG;Server=${dbhost};Port=${pgport};Database=${db};User_Name=${dbuser};Password={{PASSWORD}}

Tests Found   : 12
Tests Failed  : 1
Tests Errored : 0""",
    """Test : ShopTests.${dunitfix}.TestCustomerRow
-------------------------------------------------
FAILED : Expected TCustomer(Phone='{{PHONE_HN}}', TaxId='{{RUC_PE}}') but got TCustomer(Phone='{{PHONE_HN:2}}', TaxId='{{RUC_PE}}')
REST request: GET https://${apihost}${apipath}?api_key={{API_KEY}}

Tests Found   : 7
Tests Failed  : 1""",
], ["DUnitX - (c) 2015-2020 Vincent Parrett & Contributors", "Fixture : ShopTests.${dunitfix}", "Test : ShopTests.${dunitfix}.TestConnect", "[FireDAC][Phys][PG][libpq] FATAL: password authentication failed", "Server=${dbhost};Port=${pgport};Database=${db};User_Name=${dbuser}", "Tests Found   : 12", "Tests Failed  : 1", "Test : ShopTests.${dunitfix}.TestCustomerRow", "GET https://${apihost}${apipath}"])

fam("cobol-unit-test-report", "https://github.com/neopragma/cobol-unit-test; https://www.ibm.com/docs/en/developer-for-zos/16.0?topic=zunit-test-case-results", [
    """ZUTZCPC  TEST SUITE: ${coboltest}
 TEST CASE 3: 'CUSTOMER RECORD IS WRITTEN'
   FAILED: EXPECTED 'ACCT-NO=0000417 SSN={{SSN}} PHONE={{PHONE_TT}}'
           ACTUAL   'ACCT-NO=0000417 SSN={{SSN:2}} PHONE={{PHONE_TT}}'
 //DBCONN  DD *,SYMBOLS=JCLONLY
   SET DB2USER=${dbuser}
   SET DB2PASS={{PASSWORD}}
 ${coboltest}: 12 TEST CASES, 11 PASSED, 1 FAILED, RC=0008""",
    """ *** TEST ${coboltest} PARAGRAPH 2000-CALC FAILED
     EXPECTED WS-ROUTING  = '{{ABA_US}}'
     ACTUAL   WS-ROUTING  = '{{ABA_US:2}}'
     WS-CARD-NO           = '{{CARD}}'
 CONNECT TO ${db} USER ${dbuser} USING {{PASSWORD}} -> SQLCODE=-30082, SQLSTATE=08001
 ${coboltest}: 5 TEST CASES, 4 PASSED, 1 FAILED, RC=0008""",
], ["TEST SUITE: ${coboltest}", "TEST CASE 3: 'CUSTOMER RECORD IS WRITTEN'", "ACCT-NO=0000417", "SET DB2USER=${dbuser}", "${coboltest}: 12 TEST CASES, 11 PASSED, 1 FAILED, RC=0008", "*** TEST ${coboltest} PARAGRAPH 2000-CALC FAILED", "SQLCODE=-30082, SQLSTATE=08001", "CONNECT TO ${db} USER ${dbuser}"])

fam("qunit-tap-failure", "https://qunitjs.com/api/assert/deepEqual/; https://github.com/qunitjs/qunit/issues/1479", [
    """not ok 14 ${qunitmod}: visiting /checkout with a saved card
  ---
  message: "session cookie is forwarded"
  severity: failed
  actual  : {
    "cookie": "connect.sid={{CONNECT_SID}}",
    "authorization": "Bearer {{JWT}}"
  }
  expected: {
    "cookie": "connect.sid=[redacted]"
  }
  stack: |
        at Object.<anonymous> (http://localhost:7357/assets/tests.js:${line}:${col})
  ...
1..212
# pass  211
# skip  0
# todo  0
# fail  1""",
    """not ok 3 ${qunitmod}: it renders the customer
  ---
  message: "phone is formatted"
  severity: failed
  actual  : "{{PHONE_SV}}"
  expected: "{{PHONE_SV:2}}"
  mirage: { email: "{{EMAIL}}", nit: "{{NIT_CO}}", mapboxToken: "{{MAPBOX_SK}}" }
  ...""",
], ["not ok 14 ${qunitmod}: visiting /checkout with a saved card", "message: \"session cookie is forwarded\"", "severity: failed", "http://localhost:7357/assets/tests.js:${line}:${col}", "1..212", "# pass  211", "# fail  1", "not ok 3 ${qunitmod}: it renders the customer", "message: \"phone is formatted\""])

# --- API, contract and load tools -----------------------------------------------------------------------------------------

fam("bruno-cli-run-output", "https://docs.usebruno.com/bru-cli/overview; https://github.com/usebruno/bruno/issues/1569", [
    """Running Folder Recursively

${brufile} (401 Unauthorized) - 212 ms
   ✕ assert: res.status eq 200
      expected 401 to equal 200
   request: POST https://${apihost}${apipath}
     authorization: Bearer {{JWT}}
     x-api-key: {{API_KEY}}
   vars:post-response: accessToken={{JWT:2}}

Requests:    11 passed, 1 failed, 12 total
Tests:       0 passed, 0 failed, 0 total
Assertions:  17 passed, 1 failed, 18 total
Ran all requests - 2104 ms""",
    """environments/ci.bru:
vars {
  baseUrl: https://${apihost}
  dbUrl: postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
}
vars:secret [
  clientSecret
]
${brufile} (422 Unprocessable Entity) - 87 ms
   ✕ assert: res.body.phone eq {{PHONE_NA}}
      expected '{{PHONE_NA:2}}' to equal '{{PHONE_NA}}'
   body: {"email":"{{EMAIL}}","clientSecret":"{{AUTH0_SECRET}}"}""",
], ["Running Folder Recursively", "${brufile} (401 Unauthorized) - 212 ms", "assert: res.status eq 200", "expected 401 to equal 200", "POST https://${apihost}${apipath}", "Requests:    11 passed, 1 failed, 12 total", "Assertions:  17 passed, 1 failed, 18 total", "baseUrl: https://${apihost}", "@${dbhost}:${pgport}/${db}", "${brufile} (422 Unprocessable Entity) - 87 ms"])

fam("stepci-workflow-failure", "https://docs.stepci.com/guides/getting-started.html; https://github.com/stepci/stepci/issues/180", [
    """FAIL  ${stepwf}

Tests: 1 failed, 4 passed, 5 total
Steps: 1 failed, 11 passed, 12 total
Time:  1.212s, estimated 2s

✕ Checkout › Pay with saved card
  Request: POST https://${apihost}${apipath}
  Headers: {"Authorization":"Basic {{BASIC_CRED}}","Cookie":"sessionid={{DJANGO_SID}}"}
  Status: 403 (expected 201)
  Body: {"error":"card_declined","card":"{{CARD}}"}""",
    """version: "1.1"
name: ${stepwf}
env:
  host: https://${apihost}
  stripe: {{STRIPE_SK}}
  hubspot: {{HUBSPOT_PAT}}
tests:
  login:
    steps:
      - http: { url: "{{ env.host }}/login", method: POST, json: { email: "{{EMAIL}}", password: "{{PASSWORD}}" } }
✕ login › step 1: expected status 200, got 401""",
], ["FAIL  ${stepwf}", "Tests: 1 failed, 4 passed, 5 total", "Steps: 1 failed, 11 passed, 12 total", "Checkout › Pay with saved card", "POST https://${apihost}${apipath}", "Status: 403 (expected 201)", "\"error\":\"card_declined\"", "name: ${stepwf}", "host: https://${apihost}", "login › step 1: expected status 200, got 401"])

fam("httpyac-cli-output", "https://httpyac.github.io/guide/request.html; https://github.com/AnWeber/httpyac/issues/405", [
    """---------------------

=== POST https://${apihost}${apipath} ===

POST https://${apihost}${apipath}
authorization: Basic ${user}:{{PASSWORD}}
content-type: application/json
x-tenant: acme

HTTP/1.1 401 - Unauthorized
www-authenticate: Bearer realm="${realm}"
  ✖ status == 200 (AssertionError: expected 401 to equal 200)

1 requests processed (0 succeeded, 1 failed)""",
    """http-client.private.env.json: { "ci": { "token": "{{POSTHOG_KEY}}", "db": "mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}" } }
=== GET https://${apihost}/customers/${num} ===
HTTP/1.1 200 - OK
{"name":"Aryan Mehta","phone":"{{PHONE_IN}}","email":"{{EMAIL}}"}
  ✖ response.parsedBody.phone === "***" (AssertionError)""",
], ["=== POST https://${apihost}${apipath} ===", "HTTP/1.1 401 - Unauthorized", "www-authenticate: Bearer realm=\"${realm}\"", "status == 200 (AssertionError: expected 401 to equal 200)", "1 requests processed (0 succeeded, 1 failed)", "http-client.private.env.json", "@${dbhost}:${myport}/${db}", "=== GET https://${apihost}/customers/${num} ==="])

fam("vegeta-attack-report", "https://github.com/tsenart/vegeta#report-command; https://github.com/tsenart/vegeta/issues/389", [
    """$$ echo "GET https://${apihost}${apipath}" | vegeta attack -header "Authorization: Bearer {{JWT}}" -header "X-Api-Key: {{API_KEY}}" -rate=50 -duration=30s | vegeta report
Requests      [total, rate, throughput]         1500, 50.03, 41.22
Duration      [total, attack, wait]             29.98s, 29.98s, 4.1ms
Latencies     [min, mean, 50, 90, 95, 99, max]  3.1ms, 88.4ms, 41.2ms, 201ms, 412ms, 1.2s, 4.8s
Success       [ratio]                           82.40%
Status Codes  [code:count]                      200:1236  401:264
Error Set:
401 Unauthorized""",
    """targets.txt:
POST https://${apihost}${apipath}
Authorization: Basic {{BASIC_CRED}}
Cookie: sid={{HEX32}}
@body.json
body.json: {"phone":"{{PHONE_BW}}","card":"{{CARD}}"}
Error Set:
Post "https://${apihost}${apipath}": dial tcp ${dbhost}:443: connect: connection refused""",
], ["vegeta attack", "-rate=50 -duration=30s | vegeta report", "Requests      [total, rate, throughput]         1500, 50.03, 41.22", "Success       [ratio]                           82.40%", "Status Codes  [code:count]                      200:1236  401:264", "GET https://${apihost}${apipath}", "401 Unauthorized", "POST https://${apihost}${apipath}", "dial tcp ${dbhost}:443: connect: connection refused"])

fam("ghz-grpc-load-summary", "https://ghz.sh/docs/output; https://github.com/bojand/ghz/issues/178", [
    """$$ ghz --insecure --call ${ghzcall} -m '{"authorization":"Bearer {{JWT}}","x-api-key":"{{API_KEY}}"}' -d '{"email":"{{EMAIL}}"}' ${apihost}:443

Summary:
  Count:	2000
  Total:	10.41 s
  Slowest:	812.11 ms
  Fastest:	3.02 ms
  Average:	51.17 ms
  Requests/sec:	192.13

Status code distribution:
  [OK]                1744 responses
  [Unauthenticated]   256 responses

Error distribution:
  [256]   rpc error: code = Unauthenticated desc = invalid token""",
    """ghz config.json: {"call":"${ghzcall}","host":"${apihost}:443","metadata":{"authorization":"Basic {{BASIC_CRED}}"},"data":{"phone":"{{PHONE_MU}}","abn":"{{ABN_AU}}"}}
Error distribution:
  [12]   rpc error: code = InvalidArgument desc = phone {{PHONE_MU}} is not valid""",
], ["ghz --insecure --call ${ghzcall}", "${apihost}:443", "Count:\t2000", "Requests/sec:\t192.13", "[Unauthenticated]   256 responses", "rpc error: code = Unauthenticated desc = invalid token", "\"call\":\"${ghzcall}\"", "rpc error: code = InvalidArgument desc = phone"])

fam("taurus-bzt-run-log", "https://gettaurus.org/docs/ConfigSyntax/; https://gettaurus.org/docs/Reporting/", [
    """10:12:03 INFO: Taurus CLI Tool v1.16.29
10:12:03 INFO: Starting with configs: ['load.yml', '/tmp/tmpx1y2z3']
10:12:03 INFO: Configuring...
10:12:03 DEBUG: Merged config: {'settings': {'env': {'API_TOKEN': '{{API_KEY}}', 'DB_URL': 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'}}, 'scenarios': {'checkout': {'requests': [{'url': 'https://${apihost}${apipath}', 'headers': {'Authorization': 'Bearer {{JWT}}'}}]}}}
10:13:04 WARNING: Failed labels: 1
10:13:04 INFO: Test duration: 0:01:01
10:13:04 INFO: Artifacts dir: /tmp/artifacts""",
    """10:13:04 INFO: Samples count: 1800, 14.22% failures
10:13:04 INFO: Request label stats:
+---------------------------+--------+---------+--------+-------+
| label                     | status |    succ | avg_rt | error |
+---------------------------+--------+---------+--------+-------+
| https://${apihost}${apipath} |  FAIL  |  85.78% |  0.412 | 401 Unauthorized |
+---------------------------+--------+---------+--------+-------+
10:13:04 DEBUG: BlazeMeter token: {{HEX40}}:{{HEX64}}""",
], ["Taurus CLI Tool v1.16.29", "Starting with configs: ['load.yml', '/tmp/tmpx1y2z3']", "@${dbhost}:${pgport}/${db}", "'url': 'https://${apihost}${apipath}'", "Failed labels: 1", "Artifacts dir: /tmp/artifacts", "Samples count: 1800, 14.22% failures", "| https://${apihost}${apipath} |  FAIL  |  85.78% |  0.412 | 401 Unauthorized |"])

fam("microcks-test-runner-log", "https://microcks.io/documentation/references/test-endpoints/; https://github.com/microcks/microcks/issues/543", [
    """10:12:03.118 DEBUG 1 --- [nio-8080-exec-4] i.g.m.s.HttpTestRunner : Launching test run on https://${apihost} for 4 operation(s)
10:12:03.230 DEBUG 1 --- [nio-8080-exec-4] i.g.m.s.HttpTestRunner : Adding header Authorization: Bearer {{JWT}}
10:12:03.231 DEBUG 1 --- [nio-8080-exec-4] i.g.m.s.HttpTestRunner : Adding header x-api-key: {{API_KEY}}
10:12:03.412 DEBUG 1 --- [nio-8080-exec-4] i.g.m.s.HttpTestRunner : Got response status code : 401
10:12:03.412  INFO 1 --- [nio-8080-exec-4] i.g.m.s.TestRunnerService : Test ${uuid} for ${microcksvc} is FAILED""",
    """$$ microcks-cli test '${microcksvc}' https://${apihost} OPEN_API_SCHEMA --microcksURL=https://microcks.acme.net/api --keycloakClientId=microcks-serviceaccount --keycloakClientSecret={{PASSWORD}} --operationsHeaders='{"globals":[{"name":"Authorization","values":"Basic {{BASIC_CRED}}"}]}'
MicrocksClient got status for test "${uuid}" - success: false, inProgress: false
Full TestResult details are available here: https://microcks.acme.net/#/tests/${uuid}""",
], ["HttpTestRunner : Launching test run on https://${apihost} for 4 operation(s)", "Got response status code : 401", "Test ${uuid} for ${microcksvc} is FAILED", "microcks-cli test '${microcksvc}' https://${apihost} OPEN_API_SCHEMA", "--microcksURL=https://microcks.acme.net/api", "--keycloakClientId=microcks-serviceaccount", "success: false, inProgress: false", "https://microcks.acme.net/#/tests/${uuid}"])

fam("toxiproxy-cli-inspect", "https://github.com/Shopify/toxiproxy#cli-example; https://github.com/Shopify/toxiproxy/issues/262", [
    """$$ toxiproxy-cli inspect ${toxiproxy}
Name: ${toxiproxy}	Listen: [::]:26379	Upstream: ${redishost}:6379
======================================================================
Upstream toxics:
latency_upstream:	type=latency	stream=upstream	toxicity=1.00	attributes=[	jitter=0	latency=1000	]

test failure: redis: dial redis://default:{{PASSWORD}}@localhost:26379/0: i/o timeout (REDIS_URL=redis://default:{{PASSWORD}}@${redishost}:6379/0)""",
    """toxiproxy.json: [{"name":"${toxiproxy}","listen":"0.0.0.0:25432","upstream":"${dbhost}:${pgport}","enabled":true}]
FAIL TestOrders_SlowDatabase (5.01s)
    orders_test.go:${line}: DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@localhost:25432/${db}?sslmode=disable
    orders_test.go:${line2}: expected timeout, got <nil>; AWS creds={{AWS_KEY_ID}}:{{AWS_SECRET}}""",
], ["toxiproxy-cli inspect ${toxiproxy}", "Listen: [::]:26379", "Upstream: ${redishost}:6379", "latency_upstream:\ttype=latency\tstream=upstream\ttoxicity=1.00", "i/o timeout", "@${redishost}:6379/0", "\"upstream\":\"${dbhost}:${pgport}\"", "FAIL TestOrders_SlowDatabase (5.01s)", "orders_test.go:${line}:", "@localhost:25432/${db}?sslmode=disable"])

fam("json-server-fixture-db", "https://github.com/typicode/json-server#getting-started; https://github.com/typicode/json-server/issues/1380", [
    """  \\{^_^}/ hi!

  Loading db.json
  Done

  Resources
  http://localhost:3000/customers
  http://localhost:3000/sessions

GET /customers?email={{EMAIL}} 200 4.122 ms - 412
POST /sessions 201 2.011 ms - 188
db.json sessions[0]: { "id": ${num}, "token": "{{JWT}}", "refresh": "{{GOOGLE_REFRESH_TOKEN}}", "user": "${user}" }""",
    """db.json customers[3]: {
  "id": ${num},
  "name": "Nasser Al-Khalifa",
  "phone": "{{PHONE_BH}}",
  "iban": "{{IBAN12_SPACED}}",
  "card": "{{CARD}}",
  "apiKey": "{{API_KEY}}"
}
AssertionError: expected 404 to equal 200 (GET http://localhost:3000/customers/${num})""",
], ["Loading db.json", "http://localhost:3000/customers", "http://localhost:3000/sessions", "POST /sessions 201 2.011 ms - 188", "\"user\": \"${user}\"", "\"name\": \"Nasser Al-Khalifa\"", "AssertionError: expected 404 to equal 200 (GET http://localhost:3000/customers/${num})"])

# --- visual and device clouds --------------------------------------------------------------------------------------------

fam("percy-cli-debug-log", "https://www.browserstack.com/docs/percy/cli/overview; https://github.com/percy/cli/issues/1072", [
    """[percy:env] Detected info: {"ci":"github","branch":"main","commit":"${sha}"} (0ms)
[percy:client] Creating a new build... (3ms)
[percy:client] POST https://percy.io/api/v1/projects/${repo}/builds (1ms)
[percy:client] Authorization: Token token={{PERCY_TOKEN}} (0ms)
[percy:core:discovery] Handling request: https://${apihost}/login (412ms)
[percy:core:discovery] - cookies: [{"name":"connect.sid","value":"{{CONNECT_SID}}","domain":"${apihost}"}]
[percy] Error: Build #${percybuild} failed: 401 Unauthorized""",
    """PERCY_TOKEN={{PERCY_TOKEN}} npx percy exec -- cypress run
[percy] Percy has started!
[percy:core:snapshot] Snapshot taken: Checkout page
[percy:core:discovery] - url: https://${apihost}/checkout?session={{HEX32}}
[percy] Finalized build #${percybuild}: https://percy.io/${repo}/builds/${percybuild}""",
], ["[percy:env] Detected info:", "\"commit\":\"${sha}\"", "[percy:client] Creating a new build...", "POST https://percy.io/api/v1/projects/${repo}/builds", "Handling request: https://${apihost}/login", "Build #${percybuild} failed: 401 Unauthorized", "npx percy exec -- cypress run", "Snapshot taken: Checkout page", "https://percy.io/${repo}/builds/${percybuild}"])

fam("browserstack-session-log", "https://www.browserstack.com/docs/automate/selenium/debugging-options; https://github.com/browserstack/browserstack-local-nodejs/issues/109", [
    """2024-05-14 10:12:03:118 REQUEST [2024-05-14 10:12:03:118] POST /session/${bssession}/element/0.41-1/value {"text":"{{PASSWORD}}","value":["{{PASSWORD}}"]}
2024-05-14 10:12:03:412 RESPONSE {"state":"success","sessionId":"${bssession}","status":0,"value":null}
2024-05-14 10:12:04:001 REQUEST POST /session/${bssession}/url {"url":"https://${apihost}/account?token={{JWT}}"}
Hub: https://${user}:{{BROWSERSTACK_KEY}}@hub-cloud.browserstack.com/wd/hub""",
    """$$ curl -u "${user}:{{BROWSERSTACK_KEY}}" https://api.browserstack.com/automate/sessions/${bssession}.json
{"automation_session":{"name":"checkout","status":"failed","reason":"CLIENT_STOPPED_SESSION","hashed_id":"${bssession}","browser":"chrome","os":"Windows","logs":"https://automate.browserstack.com/sessions/${bssession}/logs","public_url":"https://automate.browserstack.com/builds/${hex40}/sessions/${bssession}?auth_token={{HEX64}}"}}
session ${bssession}: test failed: expected phone '{{PHONE_ZM}}' to be masked""",
], ["POST /session/${bssession}/element/0.41-1/value", "\"sessionId\":\"${bssession}\"", "POST /session/${bssession}/url", "hub-cloud.browserstack.com/wd/hub", "https://api.browserstack.com/automate/sessions/${bssession}.json", "\"status\":\"failed\",\"reason\":\"CLIENT_STOPPED_SESSION\"", "https://automate.browserstack.com/sessions/${bssession}/logs", "session ${bssession}: test failed:"])

fam("saucelabs-job-log-json", "https://docs.saucelabs.com/secure-connections/sauce-connect-5/; https://docs.saucelabs.com/dev/cli/saucectl/", [
    """$$ curl -u "${user}:{{SAUCE_KEY}}" https://api.eu-central-1.saucelabs.com/rest/v1/${user}/jobs/${hex32}/assets/log.json
[{"between_commands": 0.41, "HTTPStatus": 200, "suggestion_values": [], "request": {"value": ["{{PASSWORD}}"], "text": "{{PASSWORD}}"}, "path": "element/0.41-1/value", "method": "POST", "result": null, "duration": 0.21}, {"request": {"url": "https://${apihost}/account?token={{JWT}}"}, "path": "url", "method": "POST", "HTTPStatus": 200}]""",
    """saucectl run --config .sauce/config.yml
 Suite Name           Duration    Status    Browser          Platform      Attempts
──────────────────────────────────────────────────────────────────────────────────
 checkout             1m12s       failed    chrome 124       Windows 11    1
 SAUCE_USERNAME=${user} SAUCE_ACCESS_KEY={{SAUCE_KEY}}
 job: https://app.saucelabs.com/tests/${hex32}  log: Cookie: JSESSIONID={{JSESSIONID}}""",
], ["https://api.eu-central-1.saucelabs.com/rest/v1/${user}/jobs/${hex32}/assets/log.json", "\"path\": \"element/0.41-1/value\", \"method\": \"POST\"", "https://${apihost}/account", "saucectl run --config .sauce/config.yml", "checkout             1m12s       failed    chrome 124       Windows 11    1", "https://app.saucelabs.com/tests/${hex32}"])

# --- data tools and ORMs -------------------------------------------------------------------------------------------------

fam("dbt-debug-profile", "https://docs.getdbt.com/reference/commands/debug; https://github.com/dbt-labs/dbt-core/issues/3971", [
    """10:12:03  Running with dbt=1.7.14
10:12:03  dbt version: 1.7.14
10:12:03  Configuration:
10:12:03    profiles.yml file [OK found and valid]
10:12:03    dbt_project.yml file [OK found and valid]
10:12:03  Connection:
10:12:03    host: ${dbhost}
10:12:03    port: ${pgport}
10:12:03    user: ${dbuser}
10:12:03    database: ${db}
10:12:03    schema: ${dbtproj}
10:12:03  Connection test: [ERROR]
10:12:03  1 check failed:
dbt was unable to connect to the specified database.
The database returned the following error:
  >Database Error
  connection to server at "${dbhost}" (${dbhost}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
profiles.yml: ${dbtproj}: {target: ci, outputs: {ci: {type: postgres, pass: "{{PASSWORD}}"}}}""",
    """10:14:11  Failure in test not_null_${dbtmodel}_phone (models/schema.yml)
10:14:11    Got 3 results, configured to fail if != 0
10:14:11    compiled Code at target/compiled/${dbtproj}/models/schema.yml/not_null_${dbtmodel}_phone.sql
10:14:11  store_failures: select * from ${dbtmodel} where phone is null -- sample: email={{EMAIL}} afm={{AFM_GR}}
DBT_CLOUD_API_TOKEN={{DBT_TOKEN}} dbt-cloud job run --job-id ${num}""",
], ["Running with dbt=1.7.14", "profiles.yml file [OK found and valid]", "host: ${dbhost}", "port: ${pgport}", "user: ${dbuser}", "database: ${db}", "schema: ${dbtproj}", "Connection test: [ERROR]", "Failure in test not_null_${dbtmodel}_phone (models/schema.yml)", "Got 3 results, configured to fail if != 0", "target/compiled/${dbtproj}/models/schema.yml/not_null_${dbtmodel}_phone.sql", "dbt-cloud job run --job-id ${num}"])

fam("tsqlt-test-result", "https://tsqlt.org/user-guide/assertions/assertequalstable/; https://tsqlt.org/user-guide/test-creation-and-execution/run/", [
    """[CustomerTests].[test import keeps phone] failed: (Failure) Unexpected/missing resultset rows!
|_m_|Id|Name           |Phone          |TaxId        |
+---+--+---------------+---------------+-------------+
|<  |7 |Hassan Kazemi  |{{PHONE_IR}}   |{{AFM_GR}}   |
|>  |7 |Hassan Kazemi  |{{PHONE_IR:2}} |{{AFM_GR}}   |

+----------------------+
|Test Execution Summary|
+----------------------+
|No|Test Case Name                        |Dur(ms)|Result |
+--+--------------------------------------+-------+-------+
|1 |[CustomerTests].[test import keeps phone]|     47|Failure|
Msg 50000, Level 16, State 10, Line 1
Test Case Summary: 12 test case(s) executed, 11 succeeded, 0 skipped, 1 failed, 0 errored.""",
    """sqlcmd -S ${dbhost},1433 -d ${db} -U ${dbuser} -P '{{PASSWORD}}' -Q "EXEC tSQLt.RunAll"
[BillingTests].[test card is stored encrypted] failed: (Failure) Expected: <***> but was: <{{CARD}}>
Test Case Summary: 4 test case(s) executed, 3 succeeded, 0 skipped, 1 failed, 0 errored.""",
], ["[CustomerTests].[test import keeps phone] failed: (Failure) Unexpected/missing resultset rows!", "|_m_|Id|Name           |Phone          |TaxId        |", "Test Execution Summary", "Msg 50000, Level 16, State 10, Line 1", "12 test case(s) executed, 11 succeeded, 0 skipped, 1 failed, 0 errored.", "sqlcmd -S ${dbhost},1433 -d ${db} -U ${dbuser}", "EXEC tSQLt.RunAll", "[BillingTests].[test card is stored encrypted] failed: (Failure)"])

fam("utplsql-cli-report", "https://www.utplsql.org/utPLSQL/latest/userguide/reporters.html; https://github.com/utPLSQL/utPLSQL-cli#run", [
    """$$ utplsql run ${dbuser}/{{PASSWORD}}@//${orahost}:1521/${orasvc} -p=${dbuser} -f=ut_documentation_reporter
test_customers
  import
    keeps the phone number [.041 sec] (FAILED - 1)
Failures:

  1) keeps the phone number
      Actual: '{{PHONE_LA}}' (varchar2) was expected to equal: '{{PHONE_LA:2}}' (varchar2)
      at "${dbuser}.TEST_CUSTOMERS.KEEPS_PHONE", line ${line} ut.expect(l_phone).to_equal(l_expected);
Finished in .412 seconds
14 tests, 1 failed, 0 errored, 0 disabled, 0 warning(s)""",
    """ORA-01017: invalid username/password; logon denied
  connect string: jdbc:oracle:thin:${dbuser}/{{PASSWORD}}@${orahost}:1521/${orasvc}
  ut_coverage_sonar_reporter: output written to coverage.xml
  1) stores card
      Actual: '{{CARD}}' (varchar2) was expected to be null""",
], ["utplsql run ${dbuser}/", "@//${orahost}:1521/${orasvc} -p=${dbuser} -f=ut_documentation_reporter", "keeps the phone number [.041 sec] (FAILED - 1)", "at \"${dbuser}.TEST_CUSTOMERS.KEEPS_PHONE\", line ${line}", "14 tests, 1 failed, 0 errored, 0 disabled, 0 warning(s)", "ORA-01017: invalid username/password; logon denied", "@${orahost}:1521/${orasvc}", "ut_coverage_sonar_reporter: output written to coverage.xml"])

fam("peewee-query-debug", "https://docs.peewee-orm.com/en/latest/peewee/database.html#logging-queries; https://github.com/coleifer/peewee/issues/2216", [
    """DEBUG peewee ('INSERT INTO "customer" ("name", "phone", "email", "ssn") VALUES (%s, %s, %s, %s) RETURNING "customer"."id"', ['Maya Chen', '{{PHONE_NAT}}', '{{EMAIL}}', '{{SSN}}'])
DEBUG peewee ('SELECT "t1"."id", "t1"."token" FROM "apitoken" AS "t1" WHERE ("t1"."token" = %s) LIMIT %s OFFSET %s', ['{{API_KEY}}', 1, 0])
peewee.IntegrityError: duplicate key value violates unique constraint "${constraint}"
DETAIL:  Key (phone)=({{PHONE_NAT}}) already exists.""",
    """db = PostgresqlDatabase('${db}', user='${dbuser}', password='{{PASSWORD}}', host='${dbhost}', port=${pgport})
peewee.OperationalError: connection to server at "${dbhost}", port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
DEBUG peewee ('UPDATE "session" SET "key" = %s WHERE ("session"."id" = %s)', ['{{DJANGO_SID}}', ${num}])""",
], ["DEBUG peewee ('INSERT INTO \"customer\" (\"name\", \"phone\", \"email\", \"ssn\") VALUES (%s, %s, %s, %s) RETURNING \"customer\".\"id\"'", "FROM \"apitoken\" AS \"t1\"", "peewee.IntegrityError: duplicate key value violates unique constraint \"${constraint}\"", "PostgresqlDatabase('${db}', user='${dbuser}'", "host='${dbhost}', port=${pgport}", "peewee.OperationalError: connection to server at \"${dbhost}\", port ${pgport} failed", "UPDATE \"session\" SET \"key\" = %s"])

fam("tortoise-orm-db-client-log", "https://tortoise.github.io/logging.html; https://tortoise.github.io/databases.html#db-url", [
    """DEBUG:tortoise.db_client:Created connection <asyncpg.connection.Connection object at 0x7f3a1c2b4e50> with params: {'host': '${dbhost}', 'port': ${pgport}, 'user': '${dbuser}', 'database': '${db}', 'password': '{{PASSWORD}}', 'min_size': 1, 'max_size': 5}
DEBUG:tortoise.db_client:INSERT INTO "customer" ("name","phone","email","card") VALUES ($$1,$$2,$$3,$$4) RETURNING "id": ['Tendai Moyo', '{{PHONE_ZW}}', '{{EMAIL}}', '{{CARD}}']
tortoise.exceptions.IntegrityError: duplicate key value violates unique constraint "${constraint}\"""",
    """Tortoise.init(db_url="postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}", modules={"models": ["app.models"]})
DEBUG:tortoise.db_client:SELECT "id","token" FROM "apikey" WHERE "token"=$$1 LIMIT $$2: ['{{OPENAI}}', 1]
tortoise.exceptions.DoesNotExist: Object does not exist""",
], ["DEBUG:tortoise.db_client:Created connection", "'host': '${dbhost}', 'port': ${pgport}, 'user': '${dbuser}', 'database': '${db}'", "'min_size': 1, 'max_size': 5", "INSERT INTO \"customer\" (\"name\",\"phone\",\"email\",\"card\")", "tortoise.exceptions.IntegrityError", "@${dbhost}:${pgport}/${db}", "modules={\"models\": [\"app.models\"]}", "tortoise.exceptions.DoesNotExist: Object does not exist"])

fam("mikroorm-query-logger", "https://mikro-orm.io/docs/logging; https://github.com/mikro-orm/mikro-orm/issues/2306", [
    """[info] MikroORM version: 6.2.5
[discovery] ORM entity discovery started, using ReflectMetadataProvider
[info] MikroORM successfully connected to database ${db} on postgresql://${dbuser}:*****@${dbhost}:${pgport}
[query] insert into "customer" ("name", "phone", "email", "tax_id", "ssn") values ('Juan Pablo Rios', '{{PHONE_NI}}', '{{EMAIL}}', '{{CUIT_AR}}', '{{SSN}}') returning "id" [took 4 ms, 1 result]
[query] select "u0".* from "user" as "u0" where "u0"."api_token" = '{{API_KEY}}' limit 1 [took 2 ms, 0 results]
UniqueConstraintViolationException: insert into "customer" ... - duplicate key value violates unique constraint "${constraint}\"""",
    """MikroORM.init({ clientUrl: 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}', debug: true })
[query] update "session" set "token" = '{{JWT}}' where "id" = ${num} [took 3 ms, 1 row affected]
ConnectionException: password authentication failed for user "${dbuser}\"""",
], ["MikroORM version: 6.2.5", "ORM entity discovery started, using ReflectMetadataProvider", "MikroORM successfully connected to database ${db} on postgresql://${dbuser}:*****@${dbhost}:${pgport}", "insert into \"customer\" (\"name\", \"phone\", \"email\", \"tax_id\", \"ssn\")", "[took 4 ms, 1 result]", "UniqueConstraintViolationException", "@${dbhost}:${pgport}/${db}", "update \"session\" set \"token\"", "ConnectionException: password authentication failed for user \"${dbuser}\""])

fam("rust-diesel-seaorm-error", "https://docs.rs/diesel/latest/diesel/result/enum.Error.html; https://www.sea-ql.org/SeaORM/docs/install-and-config/debug-log/", [
    """thread 'tests::create_customer' panicked at src/tests.rs:${line}:${col}:
called `Result::unwrap()` on an `Err` value: DatabaseError(UniqueViolation, "duplicate key value violates unique constraint \\"${constraint}\\"")
DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
diesel debug_query: INSERT INTO "customers" ("name", "phone", "nric") VALUES ($$1, $$2, $$3) -- binds: ["Tan Wei Ling", "{{PHONE_NAT}}", "{{NRIC_SG}}"]
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace""",
    """2024-05-14T10:12:03.118Z DEBUG sea_orm::driver::sqlx_postgres: INSERT INTO "api_key" ("owner", "secret") VALUES ('${user}', '{{STRIPE_SK}}') RETURNING "id"
2024-05-14T10:12:03.412Z ERROR sea_orm::database: Failed to connect: Conn(SqlxError(Database(PgDatabaseError { severity: Fatal, code: "28P01", message: "password authentication failed for user \\"${dbuser}\\"" })))
Database::connect("postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}")""",
], ["thread 'tests::create_customer' panicked at src/tests.rs:${line}:${col}:", "called `Result::unwrap()` on an `Err` value: DatabaseError(UniqueViolation", "@${dbhost}:${pgport}/${db}", "INSERT INTO \"customers\" (\"name\", \"phone\", \"nric\")", "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace", "sea_orm::driver::sqlx_postgres", "sea_orm::database: Failed to connect", "code: \"28P01\""])

fam("scala-slick-doobie-failure", "https://scala-slick.org/doc/stable/config.html; https://tpolecat.github.io/doobie/docs/10-Logging.html", [
    """[info] - should insert a customer *** FAILED ***
[info]   org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "${constraint}"
[info]   Detail: Key (phone)=({{PHONE_KG}}) already exists.
[info]   at ${javapkg}.CustomerRepoSpec.$$anonfun$$new$$1(CustomerRepoSpec.scala:${line})
[info] slick.dbs.default.db { url = "jdbc:postgresql://${dbhost}:${pgport}/${db}", user = "${dbuser}", password = "{{PASSWORD}}" }
[error] Failed tests:
[error] 	${javapkg}.CustomerRepoSpec""",
    """Failed Statement Execution:

  INSERT INTO customer (name, phone, ssn, api_key) VALUES (?, ?, ?, ?)

 arguments = [Maria Lopez, {{PHONE_INTL}}, {{SSN}}, {{API_KEY}}]
   elapsed = 3 ms exec (failed)
   failure = ERROR: duplicate key value violates unique constraint "${constraint}"
Transactor.fromDriverManager[IO]("org.postgresql.Driver", "jdbc:postgresql://${dbhost}:${pgport}/${db}", "${dbuser}", "{{PASSWORD}}")""",
], ["- should insert a customer *** FAILED ***", "duplicate key value violates unique constraint \"${constraint}\"", "${javapkg}.CustomerRepoSpec", "CustomerRepoSpec.scala:${line}", "url = \"jdbc:postgresql://${dbhost}:${pgport}/${db}\", user = \"${dbuser}\"", "[error] Failed tests:", "Failed Statement Execution:", "INSERT INTO customer (name, phone, ssn, api_key) VALUES (?, ?, ?, ?)", "elapsed = 3 ms exec (failed)", "\"jdbc:postgresql://${dbhost}:${pgport}/${db}\", \"${dbuser}\""])

# --- jobs, queues and streams --------------------------------------------------------------------------------------------

fam("elixir-oban-job-error", "https://hexdocs.pm/oban/Oban.html; https://hexdocs.pm/oban/Oban.Job.html", [
    """[error] [Oban] job_id=${num} queue=${obanqueue} worker=${obanworker} attempt=3 max_attempts=20 state=failure
** (Req.TransportError) connection refused
args: %{"customer_id" => ${num}, "phone" => "{{PHONE_OM}}", "email" => "{{EMAIL}}", "api_key" => "{{API_KEY}}"}
    (req 0.4.14) lib/req.ex:${line}: Req.request!/2
    (shop 0.1.0) lib/shop/workers/send_receipt.ex:${line2}: ${obanworker}.perform/1""",
    """%Oban.Job{id: ${num}, state: "retryable", queue: "${obanqueue}", worker: "${obanworker}", attempt: 2, args: %{"card" => "{{CARD}}", "stripe_key" => "{{STRIPE_SK}}"}, errors: [%{"at" => "2024-05-14T10:12:03.118Z", "attempt" => 1, "error" => "** (Stripe.Error) No such customer"}]}
config :shop, Shop.Repo, url: "ecto://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}\"""",
], ["[Oban] job_id=${num} queue=${obanqueue} worker=${obanworker} attempt=3 max_attempts=20 state=failure", "** (Req.TransportError) connection refused", "lib/req.ex:${line}: Req.request!/2", "lib/shop/workers/send_receipt.ex:${line2}: ${obanworker}.perform/1", "%Oban.Job{id: ${num}, state: \"retryable\", queue: \"${obanqueue}\", worker: \"${obanworker}\"", "\"error\" => \"** (Stripe.Error) No such customer\"", "@${dbhost}:${pgport}/${db}"])

fam("hangfire-failed-job-state", "https://docs.hangfire.io/en/latest/background-processing/dealing-with-exceptions.html; https://github.com/HangfireIO/Hangfire/issues/1845", [
    """Failed  An exception occurred during performance of the job.
Job ID: #${num}   ${hfjob}
Arguments: ["{\\"Email\\":\\"{{EMAIL}}\\",\\"Phone\\":\\"{{PHONE_AO}}\\",\\"Card\\":\\"{{CARD}}\\"}"]
System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).
   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()
   at Shop.Jobs.InvoiceMailer.Send(CustomerDto dto) in /src/Shop/Jobs/InvoiceMailer.cs:line ${line}
Request headers: Authorization: Bearer {{SENDGRID}}""",
    """warn: Hangfire.AutomaticRetryAttribute[0]
      Failed to process the job '${num}': an exception occurred. Retry attempt 3 of 10 will be performed in 00:01:12.
      Npgsql.PostgresException (0x80004005): 28P01: password authentication failed for user "${dbuser}"
GlobalConfiguration.UsePostgreSqlStorage("Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}")""",
], ["An exception occurred during performance of the job.", "Job ID: #${num}   ${hfjob}", "Response status code does not indicate success: 401 (Unauthorized).", "System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()", "/src/Shop/Jobs/InvoiceMailer.cs:line ${line}", "Hangfire.AutomaticRetryAttribute[0]", "Retry attempt 3 of 10 will be performed in 00:01:12.", "28P01: password authentication failed for user \"${dbuser}\"", "Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser}"])

fam("python-dramatiq-huey-worker", "https://dramatiq.io/guide.html#error-reporting; https://huey.readthedocs.io/en/latest/troubleshooting.html", [
    """[2024-05-14 10:12:03,118] [PID 41] [Thread-3] [dramatiq.worker.WorkerThread] [ERROR] Failed to process message ${dramactor}('{{EMAIL}}', '{{PHONE_MZ}}', api_key='{{API_KEY}}') with unhandled exception.
Traceback (most recent call last):
  File "/app/tasks.py", line ${line}, in ${dramactor}
requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}${apipath}
[2024-05-14 10:12:03,119] [PID 41] [Thread-3] [dramatiq.middleware.retries.Retries] [INFO] Retrying message '${uuid}' in 14212 milliseconds.
broker: RedisBroker(url="redis://:{{PASSWORD}}@${redishost}:6379/0")""",
    """[2024-05-14 10:12:03,118] ERROR:huey:Worker-1:Unhandled exception in task ${uuid}.
Traceback (most recent call last):
  File "/app/tasks.py", line ${line}, in ${dramactor}
psycopg2.OperationalError: connection to server at "${dbhost}" (${dbhost}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
huey task args: ('{{SSN}}', '{{CARD}}'), kwargs: {'token': '{{GHP}}'}""",
], ["[dramatiq.worker.WorkerThread] [ERROR] Failed to process message ${dramactor}(", "File \"/app/tasks.py\", line ${line}, in ${dramactor}", "401 Client Error: Unauthorized for url: https://${apihost}${apipath}", "Retrying message '${uuid}' in 14212 milliseconds.", "@${redishost}:6379/0", "ERROR:huey:Worker-1:Unhandled exception in task ${uuid}.", "connection to server at \"${dbhost}\"", "port ${pgport} failed"])

fam("go-asynq-task-failure", "https://github.com/hibiken/asynq/wiki/Task-Retry; https://github.com/hibiken/asynq/issues/417", [
    """asynq: pid=1 2024/05/14 10:12:03.118 ERROR: Error processing task: type=${asynqtype} id=${uuid} queue=default retried=3 max_retry=25 error="POST https://${apihost}${apipath}: 401 Unauthorized"
payload={"email":"{{EMAIL}}","phone":"{{PHONE_RW}}","token":"{{HF}}"}
asynq.RedisClientOpt{Addr:"${redishost}:6379", Password:"{{PASSWORD}}", DB:2}""",
    """$$ asynq task inspect --queue=default --id=${uuid}
Queue:    default
ID:       ${uuid}
Type:     ${asynqtype}
State:    retry
Retried:  4/25
Last Failure: rpc error: code = Unauthenticated desc = bad api key {{API_KEY}}
Payload:  {"card":"{{CARD}}","clabe":"{{CLABE_MX}}"}""",
], ["Error processing task: type=${asynqtype} id=${uuid} queue=default retried=3 max_retry=25", "POST https://${apihost}${apipath}: 401 Unauthorized", "Addr:\"${redishost}:6379\"", "asynq task inspect --queue=default --id=${uuid}", "Type:     ${asynqtype}", "State:    retry", "Retried:  4/25", "rpc error: code = Unauthenticated desc = bad api key"])

fam("faktory-quartz-job-log", "https://github.com/contribsys/faktory/wiki/The-Job-Payload; https://www.quartz-scheduler.org/documentation/quartz-2.3.0/configuration/ConfigJDBCJobStoreClustering.html", [
    """faktory job: {"jid":"${hex16}","queue":"${faktoryq}","jobtype":"ChargeCard","args":["{{CARD}}","{{STRIPE_SK}}",{"phone":"{{PHONE_CI}}"}],"retry":25,"failure":{"retry_count":2,"error_message":"card_declined","error_type":"Stripe::CardError"}}
FAKTORY_URL=tcp://:{{PASSWORD}}@${redishost}:7419
2024-05-14T10:12:03.118Z ERROR Job ${hex16} failed: card_declined""",
    """2024-05-14 10:12:03.118 ERROR 1 --- [eduler_Worker-3] org.quartz.core.JobRunShell : Job ${quartzjob} threw an unhandled Exception:
org.springframework.web.client.HttpClientErrorException$$Unauthorized: 401 Unauthorized: [no body]
org.quartz.dataSource.qzDS.URL = jdbc:postgresql://${dbhost}:${pgport}/${db}
org.quartz.dataSource.qzDS.user = ${dbuser}
org.quartz.dataSource.qzDS.password = {{PASSWORD}}
JobDataMap: {apiKey={{API_KEY}}, customerPhone={{PHONE_HN}}}""",
], ["\"queue\":\"${faktoryq}\",\"jobtype\":\"ChargeCard\"", "\"retry\":25", "\"error_type\":\"Stripe::CardError\"", "@${redishost}:7419", "Job ${hex16} failed: card_declined", "org.quartz.core.JobRunShell : Job ${quartzjob} threw an unhandled Exception:", "401 Unauthorized: [no body]", "org.quartz.dataSource.qzDS.URL = jdbc:postgresql://${dbhost}:${pgport}/${db}", "org.quartz.dataSource.qzDS.user = ${dbuser}"])

fam("aws-kinesis-record-dump", "https://docs.aws.amazon.com/cli/latest/reference/kinesis/get-records.html; https://docs.aws.amazon.com/streams/latest/dev/troubleshooting-consumers.html", [
    """$$ aws kinesis get-records --shard-iterator AAAAAAAAAAF${alnum40} --debug
2024-05-14 10:12:03,118 - MainThread - botocore.endpoint - DEBUG - Making request for OperationModel(name=GetRecords) with params: {'url_path': '/', 'headers': {'X-Amz-Target': 'Kinesis_20131202.GetRecords', 'Authorization': 'AWS4-HMAC-SHA256 Credential={{AWS_KEY_ID}}/20240514/${region}/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature={{HEX64}}'}}
{"Records": [{"SequenceNumber": "4961${num}${num}", "PartitionKey": "customer-${num}", "Data": {"phone": "{{PHONE_NAT}}", "ssn": "{{SSN}}", "email": "{{EMAIL}}"}}], "MillisBehindLatest": 0}""",
    """kinesis consumer failed on record ${uuid} from stream ${kinesisstream}: ValidationError
record Data (decoded): {"event":"signup","card":"{{CARD}}","password":"{{PASSWORD}}"}
AWS_ACCESS_KEY_ID={{AWS_KEY_ID}} AWS_SECRET_ACCESS_KEY={{AWS_SECRET}} AWS_REGION=${region}""",
], ["aws kinesis get-records --shard-iterator", "botocore.endpoint - DEBUG - Making request for OperationModel(name=GetRecords)", "Kinesis_20131202.GetRecords", "/20240514/${region}/kinesis/aws4_request", "\"MillisBehindLatest\": 0", "kinesis consumer failed on record ${uuid} from stream ${kinesisstream}: ValidationError", "AWS_REGION=${region}"])

fam("azure-service-bus-sdk-log", "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-dotnet-get-started-with-queues; https://github.com/Azure/azure-sdk-for-net/issues/21245", [
    """$$ az servicebus namespace authorization-rule keys list -g rg-${sbns} --namespace-name ${sbns} -n RootManageSharedAccessKey
{
  "keyName": "RootManageSharedAccessKey",
  "primaryConnectionString": "Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{AZURE_SAS_KEY}}",
  "primaryKey": "{{AZURE_SAS_KEY}}",
  "secondaryConnectionString": "Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{AZURE_SAS_KEY:2}}",
  "secondaryKey": "{{AZURE_SAS_KEY:2}}"
}
[10:12:03 ERR] Azure.Messaging.ServiceBus: receiver for ${sbqueue} stopped: MessagingEntityNotFound (${sbqueue})""",
    """dead-lettered message ${hex32} on ${sbns}/${sbqueue}: DeadLetterReason=MaxDeliveryCountExceeded
Body: {"customerId":${num},"phone":"{{PHONE_BW}}","iban":"{{IBAN12}}","card":"{{CARD}}"}
ApplicationProperties: { "x-api-key": "{{API_KEY}}", "x-correlation-id": "${uuid}" }""",
], ["az servicebus namespace authorization-rule keys list -g rg-${sbns} --namespace-name ${sbns} -n RootManageSharedAccessKey", "\"keyName\": \"RootManageSharedAccessKey\"", "Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey", "receiver for ${sbqueue} stopped: MessagingEntityNotFound (${sbqueue})", "dead-lettered message ${hex32} on ${sbns}/${sbqueue}: DeadLetterReason=MaxDeliveryCountExceeded", "\"x-correlation-id\": \"${uuid}\""])

# --- app frameworks: error pages and logs ---------------------------------------------------------------------------------

fam("phoenix-plug-debug-log", "https://hexdocs.pm/phoenix/Phoenix.Logger.html; https://hexdocs.pm/plug/Plug.Conn.html", [
    """[info] POST /api/sessions
[debug] Processing with ${phxmod}.create/2
  Parameters: %{"email" => "{{EMAIL}}", "password" => "{{PASSWORD}}", "otp" => "{{OTP}}"}
  Pipelines: [:api]
[info] Sent 401 in 14ms
[error] ** (Ecto.NoResultsError) expected at least one result but got none in query
  _shop_key cookie: {{PHX_SESSION}}""",
    """** (Plug.Conn.WrapperError) ** (Postgrex.Error) FATAL 28P01 (invalid_password) password authentication failed for user "${dbuser}"
    config :shop, Shop.Repo, username: "${dbuser}", password: "{{PASSWORD}}", hostname: "${dbhost}", port: ${pgport}, database: "${db}"
    config :shop, ShopWeb.Endpoint, secret_key_base: "{{PHX_SECRET}}"
    (shop 0.1.0) lib/shop_web/controllers/checkout_controller.ex:${line}: ${phxmod}.create/2""",
], ["[info] POST /api/sessions", "Processing with ${phxmod}.create/2", "Pipelines: [:api]", "[info] Sent 401 in 14ms", "(Ecto.NoResultsError) expected at least one result but got none in query", "(Postgrex.Error) FATAL 28P01 (invalid_password) password authentication failed for user \"${dbuser}\"", "username: \"${dbuser}\"", "hostname: \"${dbhost}\", port: ${pgport}, database: \"${db}\"", "lib/shop_web/controllers/checkout_controller.ex:${line}: ${phxmod}.create/2"])

fam("vapor-swift-request-log", "https://docs.vapor.codes/basics/logging/; https://docs.vapor.codes/advanced/sessions/", [
    """[ INFO ] POST ${vaporroute} [request-id: ${uuid}]
[ DEBUG ] Decoded LoginRequest(email: "{{EMAIL}}", password: "{{PASSWORD}}") [request-id: ${uuid}]
[ WARNING ] Abort.401: Invalid credentials [request-id: ${uuid}]
[ DEBUG ] Set-Cookie: vapor-session={{VAPOR_SESSION}}; Path=/; HttpOnly""",
    """[ ERROR ] PSQLError(code: server, serverInfo: [sqlState: 28P01, message: password authentication failed for user "${dbuser}"]) [database-id: psql]
app.databases.use(.postgres(url: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"), as: .psql)
Environment.get("APNS_KEY_ID") = ${upper10}, Environment.get("JWT_SECRET") = {{HEX64}}""",
], ["POST ${vaporroute} [request-id: ${uuid}]", "Abort.401: Invalid credentials", "Path=/; HttpOnly", "sqlState: 28P01", "password authentication failed for user \"${dbuser}\"", "[database-id: psql]", "@${dbhost}:${pgport}/${db}", "as: .psql"])

fam("actix-web-logger-error", "https://actix.rs/docs/middleware/#logging; https://docs.rs/actix-web/latest/actix_web/middleware/struct.Logger.html", [
    """[2024-05-14T10:12:03Z INFO  actix_web::middleware::logger] 172.18.0.7 "POST ${actixroute} HTTP/1.1" 401 52 "-" "okhttp/4.12.0" 0.004112
[2024-05-14T10:12:03Z DEBUG app::auth] rejected bearer {{JWT}} for ${user}
[2024-05-14T10:12:03Z ERROR actix_http::h1::dispatcher] response error: Config { url: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}", redis: "redis://:{{PASSWORD:2}}@${redishost}:6379" }""",
    """[2024-05-14T10:12:04Z ERROR app::handlers] customer update failed: Json deserialize error: invalid phone "{{PHONE_FJ}}" at line 1 column 42
[2024-05-14T10:12:04Z DEBUG app::handlers] payload: CustomerUpdate { email: "{{EMAIL}}", brn: "{{BRN_KR}}", api_key: "{{API_KEY}}" }""",
], ["actix_web::middleware::logger", "\"POST ${actixroute} HTTP/1.1\" 401 52 \"-\" \"okhttp/4.12.0\" 0.004112", "for ${user}", "actix_http::h1::dispatcher] response error:", "@${dbhost}:${pgport}/${db}", "@${redishost}:6379", "Json deserialize error: invalid phone", "at line 1 column 42"])

fam("sinatra-rack-error-page", "https://sinatrarb.com/intro.html#error; https://github.com/sinatra/sinatra/issues/1591", [
    """Sequel::DatabaseConnectionError - PG::ConnectionBad: connection to server at "${dbhost}" (${dbhost}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
	/app/app.rb:${line}:in `block in <class:App>'
DB = Sequel.connect("postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}")
10.0.3.7 - - [14/May/2024:10:12:03 +0000] "POST ${sinroute} HTTP/1.1" 500 30 0.0412
rack.session={{RACK_SESSION}}""",
    """BACKTRACE
/app/app.rb:${line} in block in <class:App>
GET
Variable	Value
email	{{EMAIL}}
password	{{PASSWORD}}
phone	{{PHONE_TT}}
COOKIES
rack.session	{{RACK_SESSION}}
ENV
STRIPE_API_KEY	{{STRIPE_SK}}""",
], ["Sequel::DatabaseConnectionError - PG::ConnectionBad:", "connection to server at \"${dbhost}\"", "port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"", "/app/app.rb:${line}:in `block in <class:App>'", "@${dbhost}:${pgport}/${db}", "\"POST ${sinroute} HTTP/1.1\" 500 30 0.0412", "/app/app.rb:${line} in block in <class:App>"])

fam("mojolicious-debug-log", "https://docs.mojolicious.org/Mojolicious/Guides/Rendering#Exception; https://docs.mojolicious.org/Mojo/Log", [
    """[2024-05-14 10:12:03.11832] [41] [debug] [${hex8}] POST "${mojoroute}"
[2024-05-14 10:12:03.11840] [41] [debug] [${hex8}] Routing to controller "App::Controller::Auth" and action "login"
[2024-05-14 10:12:03.11901] [41] [debug] [${hex8}] params: {"email":"{{EMAIL}}","password":"{{PASSWORD}}"}
[2024-05-14 10:12:03.12044] [41] [error] [${hex8}] DBI connect('dbname=${db};host=${dbhost}','${dbuser}',...) failed: FATAL:  password authentication failed
[2024-05-14 10:12:03.12100] [41] [debug] [${hex8}] 500 Internal Server Error (0.002s, 500.000/s)""",
    """[2024-05-14 10:12:04.00012] [41] [trace] [${hex8}] Cookie: mojolicious={{MOJO_SESSION}}
[2024-05-14 10:12:04.00100] [41] [debug] [${hex8}] app->secrets(['{{HEX40}}'])
[2024-05-14 10:12:04.00200] [41] [error] [${hex8}] customer {{PHONE_KG}} rejected: invalid AHV {{AHV_CH}}""",
], ["[debug] [${hex8}] POST \"${mojoroute}\"", "Routing to controller \"App::Controller::Auth\" and action \"login\"", "dbname=${db};host=${dbhost}", "'${dbuser}'", "500 Internal Server Error (0.002s, 500.000/s)", "[41] [trace] [${hex8}]"])

fam("cakephp-codeigniter-error-log", "https://book.cakephp.org/5/en/development/errors.html; https://codeigniter.com/user_guide/general/logging.html", [
    """2024-05-14 10:12:03 error: [PDOException] SQLSTATE[HY000] [1045] Access denied for user '${dbuser}'@'10.0.3.7' (using password: YES) in /var/www/app/vendor/cakephp/cakephp/src/Database/Driver.php on line ${line}
Request URL: ${apipath}
Client IP: 10.0.3.7
'Datasources' => ['default' => ['host' => '${dbhost}', 'port' => '${myport}', 'username' => '${dbuser}', 'password' => '{{PASSWORD}}', 'database' => '${db}']]
Security.salt: {{HEX64}}""",
    """CRITICAL - 2024-05-14 10:12:03 --> CodeIgniter\\Database\\Exceptions\\DatabaseException: Unable to connect to the database.
Main connection [MySQLi]: Access denied for user '${dbuser}'@'10.0.3.7' (using password: YES)
in SYSTEMPATH/Database/BaseConnection.php on line ${line}.
 1 APPPATH/Controllers/${ciroute}
database.default.password = {{PASSWORD}}
encryption.key = hex2bin:{{HEX64}}
POST data: email={{EMAIL}}&phone={{PHONE_SV}}""",
], ["[PDOException] SQLSTATE[HY000] [1045] Access denied for user '${dbuser}'", "vendor/cakephp/cakephp/src/Database/Driver.php on line ${line}", "Request URL: ${apipath}", "'host' => '${dbhost}', 'port' => '${myport}', 'username' => '${dbuser}'", "'database' => '${db}'", "CodeIgniter\\Database\\Exceptions\\DatabaseException: Unable to connect to the database.", "SYSTEMPATH/Database/BaseConnection.php on line ${line}.", "APPPATH/Controllers/${ciroute}"])

fam("tornado-sanic-request-error", "https://www.tornadoweb.org/en/stable/log.html; https://sanic.dev/en/guide/best-practices/exceptions.html", [
    """[E 240514 10:12:03 web:1871] Uncaught exception POST ${apipath} (10.0.3.7)
    HTTPServerRequest(protocol='https', host='${apihost}', method='POST', uri='${apipath}', version='HTTP/1.1', remote_ip='10.0.3.7')
    Traceback (most recent call last):
      File "/app/${tornhandler}.py", line ${line}, in post
    tornado.httpclient.HTTPClientError: HTTP 401: Unauthorized
[E 240514 10:12:03 web:2348] 500 POST ${apipath} (10.0.3.7) 41.22ms
request.headers: {'Authorization': 'Bearer {{JWT}}', 'Cookie': '_xsrf={{HEX32}}; user="{{B64_SECRET}}"'}""",
    """[2024-05-14 10:12:03 +0000] [41] [ERROR] Exception occurred while handling uri: 'https://${apihost}${apipath}'
Traceback (most recent call last):
  File "/app/${sanicapp}/server.py", line ${line}, in handler
asyncpg.exceptions.InvalidPasswordError: password authentication failed for user "${dbuser}"
app.config: {'DB_DSN': 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}', 'SECRET': '{{HEX64}}', 'SENTRY_DSN': 'https://{{HEX32}}@o${num}.ingest.sentry.io/${num}'}""",
], ["Uncaught exception POST ${apipath} (10.0.3.7)", "host='${apihost}', method='POST', uri='${apipath}'", "File \"/app/${tornhandler}.py\", line ${line}, in post", "tornado.httpclient.HTTPClientError: HTTP 401: Unauthorized", "500 POST ${apipath} (10.0.3.7) 41.22ms", "Exception occurred while handling uri: 'https://${apihost}${apipath}'", "asyncpg.exceptions.InvalidPasswordError: password authentication failed for user \"${dbuser}\"", "@${dbhost}:${pgport}/${db}"])

fam("javalin-http4s-error-log", "https://javalin.io/documentation#request-logging; https://http4s.org/v0.23/docs/middleware.html", [
    """[JettyServerThreadPool-41] INFO io.javalin.Javalin - POST ${jvroute} -> 500 (41ms)
[JettyServerThreadPool-41] ERROR io.javalin.Javalin - Exception occurred while servicing http-request
com.zaxxer.hikari.pool.HikariPool$$PoolInitializationException: Failed to initialize pool: FATAL: password authentication failed for user "${dbuser}"
jdbcUrl=jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}
headers: {Authorization=Basic {{BASIC_CRED}}, X-Request-Id=${uuid}}""",
    """[io-compute-3] INFO  org.http4s.server.middleware.Logger - HTTP/1.1 POST ${http4sroute} Headers(Host: ${apihost}, Authorization: Bearer {{JWT}}, Content-Type: application/json) body="{"email":"{{EMAIL}}","password":"{{PASSWORD}}"}"
[io-compute-3] INFO  org.http4s.server.middleware.Logger - HTTP/1.1 401 Unauthorized Headers(WWW-Authenticate: Bearer realm="${realm}")""",
], ["POST ${jvroute} -> 500 (41ms)", "Exception occurred while servicing http-request", "HikariPool$PoolInitializationException: Failed to initialize pool", "jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}", "X-Request-Id=${uuid}", "org.http4s.server.middleware.Logger - HTTP/1.1 POST ${http4sroute}", "Host: ${apihost}", "HTTP/1.1 401 Unauthorized Headers(WWW-Authenticate: Bearer realm=\"${realm}\")"])

fam("yesod-haskell-dev-log", "https://www.yesodweb.com/book/sessions; https://hackage.haskell.org/package/wai-extra/docs/Network-Wai-Middleware-RequestLogger.html", [
    """POST ${apipath}
  Params: [("email","{{EMAIL}}"),("password","{{PASSWORD}}"),("_token","{{ALNUM24}}")]
  Request Body: email={{EMAIL}}&password={{PASSWORD}}
  Accept: application/json
  Status: 401 Unauthorized 0.004112s
Cookie: _SESSION={{YESOD_SESSION}}""",
    """10.0.3.7 - - [14/May/2024:10:12:03 +0000] "GET /customers/${num} HTTP/1.1" 500 - "" "Mozilla/5.0"
[Error#yesod-core] SqlError {sqlState = "28P01", sqlErrorMsg = "password authentication failed for user \\"${dbuser}\\""} @(yesod-core-1.6.25.1:Yesod.Core.Class.Yesod src/Yesod/Core/Class/Yesod.hs:${line}:5)
config/settings.yml: database: { host: "${dbhost}", port: ${pgport}, database: "${db}", user: "${dbuser}", password: "{{PASSWORD}}" }""",
], ["POST ${apipath}", "Accept: application/json", "Status: 401 Unauthorized 0.004112s", "\"GET /customers/${num} HTTP/1.1\" 500", "[Error#yesod-core] SqlError {sqlState = \"28P01\"", "src/Yesod/Core/Class/Yesod.hs:${line}:5", "host: \"${dbhost}\", port: ${pgport}, database: \"${db}\", user: \"${dbuser}\""])

# --- browser automation that drags sessions in ------------------------------------------------------------------------------

fam("taiko-cookie-dump", "https://docs.taiko.dev/api/getcookies/; https://github.com/getgauge/taiko/issues/1542", [
    """ ✘ Error: Element with text "Sign out" not found, waited for 10000ms
   at Object.<anonymous> (tests/${spec}:${line}:${col})
 getCookies() => [
  { name: 'connect.sid', value: '{{CONNECT_SID}}', domain: '${apihost}', path: '/', expires: -1, httpOnly: true, secure: true, session: true },
  { name: 'XSRF-TOKEN', value: '{{ALNUM24}}', domain: '${apihost}', path: '/', httpOnly: false }
 ]
 taiko openBrowser({ args: ['--proxy-server=http://${user}:{{PASSWORD}}@${nodehost}:3128'] })""",
    """[taiko] write("{{PASSWORD}}", into(textBox("Password")))
[taiko] write("{{PHONE_NAT}}", into(textBox("Phone")))
[taiko] click("Save")
 ✘ Error: Element with text "Saved" not found
 storage: {"cookies":[{"name":"connect.sid","value":"{{CONNECT_SID}}","domain":"${apihost}","path":"/","expires":-1,"httpOnly":true,"secure":true,"sameSite":"Lax"}],"origins":[{"origin":"https://${apihost}","localStorage":[{"name":"auth.token","value":"{{JWT}}"}]}]}""",
], ["Element with text \"Sign out\" not found, waited for 10000ms", "tests/${spec}:${line}:${col}", "domain: '${apihost}', path: '/', expires: -1, httpOnly: true, secure: true, session: true", "name: 'XSRF-TOKEN'", "@${nodehost}:3128", "click(\"Save\")", "Element with text \"Saved\" not found", "\"origin\":\"https://${apihost}\"", "\"name\":\"auth.token\""])

# --- gateways, proxies and meshes ----------------------------------------------------------------------------------------------

fam("varnishlog-request-group", "https://varnish-cache.org/docs/trunk/reference/vsl.html; https://github.com/varnishcache/varnish-cache/issues/4244", [
    """*   << Request  >> ${num}
-   Begin          req ${num} rxreq
-   ReqMethod      POST
-   ReqURL         ${apipath}
-   ReqProtocol    HTTP/1.1
-   ReqHeader      Host: ${apihost}
-   ReqHeader      Authorization: Bearer {{JWT}}
-   ReqHeader      Cookie: SESS${hex32}={{PHPSESSID}}
-   VCL_call       RECV
-   VCL_return     pass
-   RespStatus     401
-   End""",
    """**  << BeReq    >> ${num}
--  BereqMethod    GET
--  BereqURL       ${apipath}?api_key={{API_KEY}}
--  BereqHeader    X-Forwarded-For: 10.0.3.7
--  BereqHeader    Authorization: Basic {{BASIC_CRED}}
--  BackendOpen    31 ${varnishbe} ${dbhost} 8080 10.0.3.9 41220 connect
--  FetchError     backend ${varnishbe}: fail errno 111 (Connection refused)
--  BerespStatus   503
varnishadm -T localhost:6082 -S /etc/varnish/secret   # secret: {{UUID_SECRET}}""",
], ["<< Request  >> ${num}", "ReqMethod      POST", "ReqURL         ${apipath}", "ReqHeader      Host: ${apihost}", "VCL_call       RECV", "RespStatus     401", "<< BeReq    >> ${num}", "BereqHeader    X-Forwarded-For: 10.0.3.7", "BackendOpen    31 ${varnishbe} ${dbhost} 8080", "FetchError     backend ${varnishbe}: fail errno 111 (Connection refused)", "BerespStatus   503", "varnishadm -T localhost:6082 -S /etc/varnish/secret"])

fam("tyk-gateway-kv-log", "https://github.com/crowdsecurity/hub/issues/764; https://github.com/TykTechnologies/tyk/issues/1947", [
    """time="May 14 10:12:03" level=info msg="Attempted access with non-existent key." api_id=${hex32} api_name=${tykapi} key={{TYK_KEY}} mw=AuthKey org_id=${tykorg} origin=10.0.3.7 path=${apipath}
time="May 14 10:12:03" level=error msg="http: proxy error: dial tcp ${dbhost}:8080: connect: connection refused" api_id=${hex32} api_name=${tykapi} mw=ReverseProxy org_id=${tykorg} prefix=proxy server_name=${apihost} user_id=-- user_ip=10.0.3.7
tyk.conf: {"secret": "{{HEX32}}", "node_secret": "{{HEX32:2}}", "storage": {"host": "${redishost}", "port": 6379, "password": "{{PASSWORD}}"}}""",
    """$$ curl -s -u ${user}:{{PASSWORD}} -H "x-tyk-authorization: {{HEX32}}" http://${nodehost}:8080/tyk/keys/{{TYK_KEY}}
{"status":"error","message":"Key not found"}
time="May 14 10:12:04" level=warning msg="Key not authorized: Authorization field missing" api_id=${hex32} api_name=${tykapi} org_id=${tykorg}""",
], ["msg=\"Attempted access with non-existent key.\"", "api_id=${hex32} api_name=${tykapi}", "mw=AuthKey org_id=${tykorg}", "path=${apipath}", "dial tcp ${dbhost}:8080: connect: connection refused", "server_name=${apihost}", "\"host\": \"${redishost}\", \"port\": 6379", "http://${nodehost}:8080/tyk/keys/", "{\"status\":\"error\",\"message\":\"Key not found\"}", "msg=\"Key not authorized: Authorization field missing\""])

fam("linkerd-proxy-json-log", "https://github.com/linkerd/linkerd2/issues/5672; https://github.com/linkerd/linkerd2/issues/5599", [
    """{"timestamp":"[  412.118s]","level":"WARN","fields":{"message":"Failed to proxy request","error":"HTTP Logical service in fail-fast"},"target":"linkerd_app_core::errors","spans":[{"name":"outbound"},{"client.addr":"10.42.0.8:58349","name":"accept"},{"addr":"${l5dsvc}","name":"logical"}],"threadId":"ThreadId(1)"}
{"timestamp":"[  412.120s]","level":"DEBUG","fields":{"message":"headers","authorization":"Bearer {{K8S_SA_TOKEN}}","cookie":"session={{HEX32}}"},"target":"linkerd_proxy_http::trace"}""",
    """[   12.725762s]  WARN ThreadId(01) inbound:accept{client.addr=10.42.0.8:58349}:server{port=8080}: linkerd_app_core::errors: Failed to proxy request: error trying to connect: Connection refused (os error 111) error.sources=[Connection refused (os error 111)]
app env: DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} STRIPE_KEY={{STRIPE_SK}}""",
], ["\"message\":\"Failed to proxy request\",\"error\":\"HTTP Logical service in fail-fast\"", "\"target\":\"linkerd_app_core::errors\"", "\"client.addr\":\"10.42.0.8:58349\"", "\"addr\":\"${l5dsvc}\"", "linkerd_proxy_http::trace", "inbound:accept{client.addr=10.42.0.8:58349}:server{port=8080}", "Connection refused (os error 111)", "@${dbhost}:${pgport}/${db}"])

# --- CI, deployment and automation ---------------------------------------------------------------------------------------------

fam("zuul-job-output", "https://zuul-ci.org/docs/zuul/latest/job-content.html; https://zuul-ci.org/docs/zuul/latest/encryption.html", [
    """2024-05-14 10:12:03.118413 | controller | TASK [run-tests : Run integration tests]
2024-05-14 10:12:03.412113 | controller | + export DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
2024-05-14 10:12:03.412220 | controller | + export HF_TOKEN={{HF}}
2024-05-14 10:12:41.001221 | controller | FAILED tests/test_api.py::test_login - AssertionError: 401 != 200
2024-05-14 10:12:41.221100 | controller | ERROR
2024-05-14 10:12:41.221300 | controller | {
2024-05-14 10:12:41.221400 | controller |   "rc": 1
2024-05-14 10:12:41.221500 | controller | }
Build ${zuuljob} for ${zuulproj} finished: FAILURE in 2m 41s""",
    """zuul-output/logs/job-output.json: {"zuul": {"project": {"name": "${zuulproj}"}, "job": "${zuuljob}", "build": "${hex32}"}, "vars": {"registry_password": "{{DOCKER_PAT}}", "pypi_token": "{{PYPI_TOKEN}}"}}
2024-05-14 10:13:01.000000 | localhost | ok: Runtime: 0:02:41.412""",
], ["| controller | TASK [run-tests : Run integration tests]", "@${dbhost}:${pgport}/${db}", "FAILED tests/test_api.py::test_login - AssertionError: 401 != 200", "\"rc\": 1", "Build ${zuuljob} for ${zuulproj} finished: FAILURE in 2m 41s", "zuul-output/logs/job-output.json", "\"name\": \"${zuulproj}\"", "\"job\": \"${zuuljob}\"", "\"build\": \"${hex32}\"", "ok: Runtime: 0:02:41.412"])

fam("rundeck-debug-execution-log", "https://github.com/rundeck/rundeck/issues/3344; https://github.com/rundeck/rundeck/issues/1780", [
    """10:12:03 |   |   | Setting environment variable: RD_JOB_NAME=${rdjob}
10:12:03 |   |   | Setting environment variable: RD_JOB_PROJECT=${rdproj}
10:12:03 |   |   | Setting environment variable: RD_JOB_EXECID=${num}
10:12:03 |   |   | Setting environment variable: RD_OPTION_DB_PASSWORD={{PASSWORD}}
10:12:03 |   |   | Setting environment variable: RD_SECUREOPTION_DB_PASSWORD={{PASSWORD}}
10:12:03 |   |   | Setting environment variable: RD_OPTION_AWS_SECRET_KEY={{AWS_SECRET}}
10:12:04 | ${nodehost} | 1. Command | psql: error: connection to server at "${dbhost}", port ${pgport} failed
10:12:04 |   |   | Failed: NonZeroResultCode: Remote command failed with exit status 2""",
    """$$ rd run -p ${rdproj} -j ${rdjob} -- -db_password {{PASSWORD}} -api_token {{RUNDECK_TOKEN}}
# Found matching job: ${uuid} ${rdjob}
# Execution started: [${num}] ${uuid} <https://rundeck.acme.net/project/${rdproj}/execution/show/${num}>
data context: {job={execid=${num}, project=${rdproj}}, secureOption={db_password={{PASSWORD}}}}""",
], ["Setting environment variable: RD_JOB_NAME=${rdjob}", "RD_JOB_PROJECT=${rdproj}", "RD_JOB_EXECID=${num}", "| ${nodehost} | 1. Command |", "connection to server at \"${dbhost}\", port ${pgport} failed", "Failed: NonZeroResultCode: Remote command failed with exit status 2", "rd run -p ${rdproj} -j ${rdjob}", "# Found matching job: ${uuid} ${rdjob}", "https://rundeck.acme.net/project/${rdproj}/execution/show/${num}"])

fam("appveyor-build-log", "https://www.appveyor.com/docs/build-configuration/#secure-variables; https://www.appveyor.com/docs/api/", [
    """Build started
git clone -q https://github.com/${repo}.git C:\\projects\\orders
git checkout -qf ${sha}
Running Install scripts
$$env:ConnectionStrings__Default = "Server=${dbhost};Database=${db};User Id=${dbuser};Password={{PASSWORD}};"
dotnet test Acme.Orders.Tests.csproj --logger:Appveyor
  Failed Acme.Orders.Tests.CheckoutTests.Refund_ReturnsOk [412 ms]
  Error Message:
   Expected response.StatusCode to be HttpStatusCode.OK {value: 200}, but found HttpStatusCode.Unauthorized {value: 401}.
Command exited with code 1""",
    """$$ curl -H "Authorization: Bearer {{APPVEYOR_TOKEN}}" https://ci.appveyor.com/api/projects/${avproj}/build
{"build":{"buildId":${num},"status":"failed","commitId":"${sha}"}}
environment:
  NUGET_API_KEY:
    secure: {{B64_SECRET}}
  CODECOV_TOKEN: {{UUID_SECRET}}""",
], ["git clone -q https://github.com/${repo}.git C:\\projects\\orders", "git checkout -qf ${sha}", "Server=${dbhost};Database=${db};User Id=${dbuser}", "dotnet test Acme.Orders.Tests.csproj --logger:Appveyor", "Failed Acme.Orders.Tests.CheckoutTests.Refund_ReturnsOk [412 ms]", "Command exited with code 1", "https://ci.appveyor.com/api/projects/${avproj}/build", "\"status\":\"failed\",\"commitId\":\"${sha}\""])

fam("bitrise-codemagic-mobile-ci", "https://devcenter.bitrise.io/en/builds/secrets.html; https://docs.codemagic.io/yaml-basic-configuration/configuring-environment-variables/", [
    """+------------------------------------------------------------------------------+
| (4) Xcode Test for simulator                                                 |
+------------------------------------------------------------------------------+
| id: xcode-test                                                               |
| version: 5.1.1                                                               |
+------------------------------------------------------------------------------+
Test Suite 'ShopUITests' failed
  ${xcclass}.testLogin: XCTAssertTrue failed - Logged in label not found
  launchEnvironment: ["API_TOKEN": "{{REVENUECAT_KEY}}", "TEST_PASSWORD": "{{PASSWORD}}", "TEST_PHONE": "{{PHONE_BN}}"]
| ✕ | xcode-test@5 (exit code: 1)                                   | 2.4 min  |""",
    """== Running flutter test ==
00:41 +88 -1: test/${dartfile}: login stores token [E]
  Expected: '***'
    Actual: '{{JWT}}'
Build failed :|
Environment: CM_KEYSTORE_PASSWORD={{PASSWORD}} FCI_KEY_PASSWORD={{PASSWORD:2}} APP_STORE_CONNECT_PRIVATE_KEY={{PEM_BODY}}""",
], ["| (4) Xcode Test for simulator", "| id: xcode-test", "| version: 5.1.1", "Test Suite 'ShopUITests' failed", "${xcclass}.testLogin: XCTAssertTrue failed - Logged in label not found", "xcode-test@5 (exit code: 1)", "== Running flutter test ==", "00:41 +88 -1: test/${dartfile}: login stores token [E]", "Build failed :|"])

# --- containers and local clusters -------------------------------------------------------------------------------------------

fam("nerdctl-crictl-inspect", "https://github.com/containerd/nerdctl/blob/main/docs/command-reference.md#whale-nerdctl-inspect; https://kubernetes.io/docs/tasks/debug/debug-cluster/crictl/", [
    """$$ nerdctl inspect ${container} --format '{{json .Config.Env}}'
["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}","HUGGING_FACE_HUB_TOKEN={{HF}}","AWS_ACCESS_KEY_ID={{AWS_KEY_ID}}","AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}"]
$$ nerdctl logs ${container}
psql: error: connection to server at "${dbhost}", port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}\"""",
    """$$ crictl inspect ${containerid} | jq .info.config.envs
[
  { "key": "REDIS_URL", "value": "redis://:{{PASSWORD}}@${redishost}:6379/0" },
  { "key": "SENDGRID_API_KEY", "value": "{{SENDGRID}}" },
  { "key": "POD_NAME", "value": "${pod}" }
]
crictl logs ${containerid}: Error: getaddrinfo ENOTFOUND ${redishost}""",
], ["nerdctl inspect ${container} --format", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "@${dbhost}:${pgport}/${db}", "nerdctl logs ${container}", "password authentication failed for user \"${dbuser}\"", "crictl inspect ${containerid} | jq .info.config.envs", "{ \"key\": \"POD_NAME\", \"value\": \"${pod}\" }", "@${redishost}:6379/0", "Error: getaddrinfo ENOTFOUND ${redishost}"])

fam("minikube-k3s-start-log", "https://minikube.sigs.k8s.io/docs/handbook/addons/registry-aliases/; https://docs.k3s.io/cli/server", [
    """😄  minikube v1.33.1 on Ubuntu 22.04
✨  Using the docker driver based on user configuration
🔎  Verifying registry-creds addon...
    ▪ Using image upmcenterprises/registry-creds:1.10
🌟  The 'registry-creds' addon is enabled
❌  Exiting due to GUEST_START: failed to start node: docker login ${ecrhost} -u AWS -p {{AWS_SESSION_TOKEN}}: exit status 1
minikube -p ${minikprof} addons configure registry-creds: aws_access_key_id={{AWS_KEY_ID}} aws_secret_access_key={{AWS_SECRET}} aws_region=${region}""",
    """May 14 10:12:03 ${nodehost} k3s[41]: time="2024-05-14T10:12:03Z" level=info msg="Starting k3s v1.29.4+k3s1 (${sha7})"
May 14 10:12:03 ${nodehost} k3s[41]: time="2024-05-14T10:12:03Z" level=fatal msg="starting kubernetes: preparing server: creating storage endpoint: building kine: failed to connect to datastore: postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
K3S_TOKEN=K10{{HEX64}}::server:{{HEX32}}""",
], ["minikube v1.33.1 on Ubuntu 22.04", "Using the docker driver based on user configuration", "Using image upmcenterprises/registry-creds:1.10", "Exiting due to GUEST_START: failed to start node: docker login ${ecrhost} -u AWS -p", "minikube -p ${minikprof} addons configure registry-creds", "aws_region=${region}", "k3s[41]: time=\"2024-05-14T10:12:03Z\" level=info msg=\"Starting k3s v1.29.4+k3s1 (${sha7})\"", "failed to connect to datastore:", "@${dbhost}:${pgport}/${db}", "${nodehost}"])

fam("dapr-sidecar-component-error", "https://docs.dapr.io/operations/components/component-secrets/; https://docs.dapr.io/reference/components-reference/supported-state-stores/setup-redis/", [
    """time="2024-05-14T10:12:03.118Z" level=warning msg="Error processing component, daprd will wait for the component to be ready: process component statestore error: [INIT_COMPONENT_FAILURE]: initialization error occurred for statestore (state.redis/v1): redis store: error connecting to redis at ${redishost}:6379: WRONGPASS invalid username-password pair" app_id=${daprapp} instance=${pod} scope=dapr.runtime type=log ver=1.13.2
components/statestore.yaml:
  metadata:
  - name: redisHost
    value: ${redishost}:6379
  - name: redisPassword
    value: "{{PASSWORD}}\"""",
    """time="2024-05-14T10:12:04.001Z" level=error msg="error invoking app: POST http://127.0.0.1:3000${apipath} 401" app_id=${daprapp} scope=dapr.runtime.direct_messaging
dapr run --app-id ${daprapp} --app-port 3000 -- env STRIPE_KEY={{STRIPE_SK}} DAPR_API_TOKEN={{HEX32}} npm start
secretstores.local.file secrets.json: {"db-password":"{{PASSWORD}}","sendgrid":"{{SENDGRID}}"}""",
], ["level=warning msg=\"Error processing component, daprd will wait for the component to be ready", "[INIT_COMPONENT_FAILURE]: initialization error occurred for statestore (state.redis/v1)", "error connecting to redis at ${redishost}:6379: WRONGPASS invalid username-password pair", "app_id=${daprapp} instance=${pod}", "ver=1.13.2", "- name: redisHost", "value: ${redishost}:6379", "error invoking app: POST http://127.0.0.1:3000${apipath} 401", "dapr run --app-id ${daprapp} --app-port 3000"])

fam("keda-scaler-error-event", "https://keda.sh/docs/2.14/scalers/postgresql/; https://keda.sh/docs/2.14/concepts/authentication/", [
    """2024-05-14T10:12:03Z	ERROR	scale_handler	error getting scale decision	{"scaledobject.Name": "${kedaso}", "Namespace": "${ns}", "scaleTarget.Name": "${kedaso}", "error": "error connecting to postgreSQL: failed to connect to `host=${dbhost} user=${dbuser} database=${db}`: failed SASL auth (FATAL: password authentication failed for user \\"${dbuser}\\" (SQLSTATE 28P01))"}
  triggers:
  - type: postgresql
    metadata:
      connectionFromEnv: PG_CONN
      query: "SELECT count(*) FROM jobs WHERE state='ready'"
  PG_CONN=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require""",
    """Events:
  Type     Reason                    Age   From           Message
  ----     ------                    ----  ----           -------
  Warning  KEDAScalerFailed          12s   keda-operator  error parsing rabbitmq metadata: host amqp://${user}:{{PASSWORD}}@${amqphost}:5672/${vhost}
  Warning  ScaledObjectCheckFailed   12s   keda-operator  Failed to ensure HPA is correctly created for ScaledObject
TriggerAuthentication ${kedaso}-auth: secretTargetRef: [{parameter: host, name: rabbit, key: host}], decoded: {{B64_SECRET}}""",
], ["ERROR\tscale_handler\terror getting scale decision", "\"scaledobject.Name\": \"${kedaso}\", \"Namespace\": \"${ns}\"", "host=${dbhost} user=${dbuser} database=${db}", "SQLSTATE 28P01", "connectionFromEnv: PG_CONN", "@${dbhost}:${pgport}/${db}?sslmode=require", "KEDAScalerFailed", "@${amqphost}:5672/${vhost}", "ScaledObjectCheckFailed   12s   keda-operator  Failed to ensure HPA is correctly created for ScaledObject"])

fam("azurite-storage-emulator-debug", "https://github.com/Azure/Azurite#debug-log; https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite", [
    """2024-05-14T10:12:03.118Z ${uuid} info: BlobStorageContext.middleware: RequestMethod=PUT RequestURL=http://127.0.0.1:10000/${azacct}/${azcontainer}/customers.json?sv=2023-11-03&sig={{AZURE_SAS_SIG}} RequestHeaders:{"x-ms-version":"2023-11-03","authorization":"SharedKey ${azacct}:{{B64_SECRET}}"} ClientIP=127.0.0.1 Protocol=http HTTPVersion=1.1
2024-05-14T10:12:03.120Z ${uuid} error: ErrorMiddleware: Received a StorageError, HTTP status code 403. AuthorizationFailure""",
    """AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=${azacct};AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net
FAIL tests/storage.test.ts > uploads the export
AssertionError: expected blob to not contain '{{PHONE_NAT}}'
 ❯ tests/storage.test.ts:${line}:${col}""",
], ["BlobStorageContext.middleware: RequestMethod=PUT", "http://127.0.0.1:10000/${azacct}/${azcontainer}/customers.json?sv=2023-11-03", "\"x-ms-version\":\"2023-11-03\"", "ClientIP=127.0.0.1 Protocol=http HTTPVersion=1.1", "ErrorMiddleware: Received a StorageError, HTTP status code 403. AuthorizationFailure", "AccountName=${azacct}", "EndpointSuffix=core.windows.net", "FAIL tests/storage.test.ts > uploads the export", "tests/storage.test.ts:${line}:${col}"])

# --- system logs -------------------------------------------------------------------------------------------------------------

fam("journald-export-format", "https://systemd.io/JOURNAL_EXPORT_FORMATS/; https://www.freedesktop.org/software/systemd/man/latest/systemd.journal-fields.html", [
    """__CURSOR=s=${hex32};i=4ece7;b=${hex32};m=4fc72436e;t=4c508a72423d9;x=d3e5610681098c10
__REALTIME_TIMESTAMP=1715681523118413
__MONOTONIC_TIMESTAMP=21415215982
_BOOT_ID=${hex32}
PRIORITY=3
_SYSTEMD_UNIT=${unit}
_HOSTNAME=${nodehost}
_CMDLINE=/usr/bin/node /srv/app/server.js --db postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
MESSAGE=Error: connect ECONNREFUSED ${dbhost}:${pgport}
_PID=41""",
    """$$ journalctl -u ${unit} -o json --no-pager | tail -1
{"__CURSOR":"s=${hex32};i=4ece8","__REALTIME_TIMESTAMP":"1715681524001221","_SYSTEMD_UNIT":"${unit}","_HOSTNAME":"${nodehost}","MESSAGE":"login failed for {{EMAIL}} token={{SLACK_BOT}}","_EXE":"/usr/bin/node","SYSLOG_IDENTIFIER":"node","_TRANSPORT":"stdout"}
ExecStart=/usr/bin/env OPENAI_API_KEY={{OPENAI}} /usr/bin/node /srv/app/server.js""",
], ["__REALTIME_TIMESTAMP=1715681523118413", "__MONOTONIC_TIMESTAMP=21415215982", "PRIORITY=3", "_SYSTEMD_UNIT=${unit}", "_HOSTNAME=${nodehost}", "@${dbhost}:${pgport}/${db}", "MESSAGE=Error: connect ECONNREFUSED ${dbhost}:${pgport}", "journalctl -u ${unit} -o json --no-pager", "\"_SYSTEMD_UNIT\":\"${unit}\"", "\"SYSLOG_IDENTIFIER\":\"node\",\"_TRANSPORT\":\"stdout\""])

fam("windows-event-log-xml", "https://learn.microsoft.com/en-us/windows/win32/wes/eventschema-schema; https://learn.microsoft.com/en-us/windows/security/threat-protection/auditing/event-4688", [
    """<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-a5ba-3e3b0328c30d}" />
    <EventID>4688</EventID>
    <TimeCreated SystemTime="2024-05-14T10:12:03.1184130Z" />
    <Channel>${evtchan}</Channel>
    <Computer>${winhost}</Computer>
  </System>
  <EventData>
    <Data Name="SubjectUserName">svc-build</Data>
    <Data Name="NewProcessName">C:\\Windows\\System32\\cmd.exe</Data>
    <Data Name="CommandLine">cmd.exe /c net use \\\\${winhost}\\builds /user:ACME\\svc-build {{PASSWORD}} &amp;&amp; sqlcmd -S ${dbhost} -U ${dbuser} -P {{PASSWORD:2}}</Data>
  </EventData>
</Event>""",
    """<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-PowerShell" /><EventID>4104</EventID><Channel>${evtchan}</Channel><Computer>${winhost}</Computer></System><EventData><Data Name="ScriptBlockText">$$cred = New-Object PSCredential('${dbuser}', (ConvertTo-SecureString '{{PASSWORD}}' -AsPlainText -Force)); Invoke-RestMethod https://${apihost}${apipath} -Headers @{ Authorization = 'Bearer {{GHP}}' }</Data><Data Name="Path">C:\\ci\\deploy.ps1</Data></EventData></Event>""",
], ["<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">", "<Provider Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{54849625-5478-4994-a5ba-3e3b0328c30d}\" />", "<EventID>4688</EventID>", "<TimeCreated SystemTime=\"2024-05-14T10:12:03.1184130Z\" />", "<Channel>${evtchan}</Channel>", "<Computer>${winhost}</Computer>", "<Data Name=\"SubjectUserName\">svc-build</Data>", "<EventID>4104</EventID>", "https://${apihost}${apipath}", "<Data Name=\"Path\">C:\\ci\\deploy.ps1</Data>"])

# --- personal data in fixtures, seeds and diffs ---------------------------------------------------------------------------------

fam("datacompy-dyff-data-diff", "https://capitalone.github.io/datacompy/pandas_usage.html; https://github.com/homeport/dyff#use-cases-and-examples", [
    """DataComPy Comparison
--------------------

DataFrame Summary
-----------------

  DataFrame  Columns  Rows
0  expected        6     3
1    actual        6     3

Row Summary
-----------

Matched on: id
Any duplicates on match values: No
Number of rows in common: 3

Columns with Unequal Values or Types
------------------------------------

   Column expected dtype actual dtype  # Unequal  Max Diff  # Null Diff
0  tax_id         object       object          2       0.0            0

Sample Rows with Unequal Values
-------------------------------

    id  tax_id (expected)  tax_id (actual)  phone
0  101  {{CUIT_AR}}        {{CUIT_AR:2}}    {{PHONE_NAT}}
1  102  {{NIT_CO}}         {{NIT_CO:2}}     {{PHONE_HN}}
2  103  {{RUC_PE}}         ***              {{PHONE_NI}}
FAILED tests/test_${dbtmodel}.py::test_export_matches - AssertionError: DataComPy found 2 unequal values""",
    """     _        __  __
   _| |_   _ / _|/ _|  between test/fixtures/suppliers.yml
 / _' | | | | |_| |_       and build/export/suppliers.yml
| (_| | |_| |  _|  _|   returned three differences
 \\__,_|\\__, |_| |_|
        |___/

boulangerie_martin.siret
  ± value change
    - {{SIRET_FR}}
    + {{SIRET_FR:2}}

papadopoulos.afm
  ± value change
    - {{AFM_GR}}
    + ***

kowalski
  + two map entries added:
    nip: {{NIP_PL}}
    iban: {{IBAN12_SPACED}}""",
], ["DataComPy Comparison", "Matched on: id", "Any duplicates on match values: No", "Number of rows in common: 3", "Columns with Unequal Values or Types", "Sample Rows with Unequal Values", "FAILED tests/test_${dbtmodel}.py::test_export_matches - AssertionError: DataComPy found 2 unequal values", "between test/fixtures/suppliers.yml", "and build/export/suppliers.yml", "returned three differences", "boulangerie_martin.siret", "± value change", "papadopoulos.afm", "+ two map entries added:"])

fam("julia-test-summary-failure", "https://docs.julialang.org/en/v1/stdlib/Test/; https://github.com/JuliaLang/julia/issues/45089", [
    """Test Failed at /home/runner/work/Orders.jl/test/runtests.jl:${line}
  Expression: r.status == 200
   Evaluated: 401 == 200
  request: HTTP.Request:
  \"\"\"
  POST ${apipath} HTTP/1.1
  Host: ${apihost}
  Authorization: Bearer {{JWT}}
  \"\"\"
Test Summary: | Pass  Fail  Total  Time
Orders API    |   11     1     12  2.1s
ERROR: LoadError: Some tests did not pass: 11 passed, 1 failed, 0 errored, 0 broken.""",
    """Test Failed at /home/runner/work/Orders.jl/test/db.jl:${line}
  Expression: isempty(LibPQ.error_message(conn))
  conn string: "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} password={{PASSWORD}}"
  row: (name = "Ravi Kumar", phone = "{{PHONE_IN}}", pan = "{{PAN_IN}}")
Test Summary: | Pass  Fail  Total
DB            |    3     1      4""",
], ["Test Failed at /home/runner/work/Orders.jl/test/runtests.jl:${line}", "Expression: r.status == 200", "Evaluated: 401 == 200", "POST ${apipath} HTTP/1.1", "Host: ${apihost}", "Test Summary: | Pass  Fail  Total  Time", "Some tests did not pass: 11 passed, 1 failed, 0 errored, 0 broken.", "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser}"])

fam("crystal-spec-failure", "https://crystal-lang.org/reference/1.12/guides/testing.html; https://crystal-lang.org/api/1.12.1/Spec.html", [
    """F.........

Failures:

  1) Api::Client sends basic auth
     Failure/Error: response.status_code.should eq 200

       Expected: 200
            got: 401

     # spec/api/client_spec.cr:${line}

     HTTP::Client.new(URI.parse("https://${user}:{{PASSWORD}}@${apihost}")).post("${apipath}", headers: HTTP::Headers{"X-Api-Key" => "{{API_KEY}}"})

Finished in 412.11 milliseconds
10 examples, 1 failures, 0 errors, 0 pending

Failed examples:

crystal spec spec/api/client_spec.cr:${line} # Api::Client sends basic auth""",
    """  1) Customer.from_json keeps the phone
     Failure/Error: customer.phone.should eq "{{PHONE_MU}}"

       Expected: "{{PHONE_MU}}"
            got: "{{PHONE_MU:2}}"

     # spec/models/customer_spec.cr:${line}
     DB.open("postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}")""",
], ["1) Api::Client sends basic auth", "Failure/Error: response.status_code.should eq 200", "# spec/api/client_spec.cr:${line}", "@${apihost}", ".post(\"${apipath}\"", "10 examples, 1 failures, 0 errors, 0 pending", "crystal spec spec/api/client_spec.cr:${line} # Api::Client sends basic auth", "# spec/models/customer_spec.cr:${line}", "@${dbhost}:${pgport}/${db}"])

# --- replacements for formats an earlier collection turned out to have -------------------------------------------------------

fam("elm-test-expect-failure", "https://package.elm-lang.org/packages/elm-explorations/test/latest/Expect#equal; https://github.com/rtfeldman/node-test-runner", [
    """elm-test 0.19.1-revision12
-------------------------

Running 41 tests. To reproduce these results, run: elm-test --fuzz 100 --seed ${num}

↓ Api.SessionTest
↓ decoder
✗ keeps the token

    "***"
    ╷
    │ Expect.equal
    ╵
    "{{JWT}}"

    request: POST https://${apihost}${apipath} with Authorization: Bearer {{GHP}}

TEST RUN FAILED

Duration: 412 ms
Passed:   40
Failed:   1""",
    """↓ CustomerTest
✗ formats the phone

    "{{PHONE_LA}}"
    ╷
    │ Expect.equal
    ╵
    "{{PHONE_LA:2}}"

    flags: { apiKey = "{{API_KEY}}", email = "{{EMAIL}}" }

TEST RUN FAILED""",
], ["elm-test 0.19.1-revision12", "Running 41 tests. To reproduce these results, run: elm-test --fuzz 100 --seed ${num}", "↓ Api.SessionTest", "✗ keeps the token", "│ Expect.equal", "POST https://${apihost}${apipath}", "TEST RUN FAILED", "Duration: 412 ms", "✗ formats the phone"])

fam("quick-nimble-expectation", "https://github.com/Quick/Nimble#custom-failure-messages; https://github.com/Quick/Quick/blob/main/Documentation/en-us/QuickExamplesAndGroups.md", [
    """Test Case '-[ShopTests.${swiftsuite} APIClient__sends_the_bearer_token]' started.
/Users/runner/work/shop/Tests/ShopTests/${swiftsuite}.swift:${line}: error: -[ShopTests.${swiftsuite} APIClient__sends_the_bearer_token] : expected to equal <200>, got <401>
  stubbed request: POST https://${apihost}${apipath} headers: ["Authorization": "Bearer {{JWT}}", "X-Api-Key": "{{API_KEY}}"]
Test Case '-[ShopTests.${swiftsuite} APIClient__sends_the_bearer_token]' failed (0.412 seconds).""",
    """/Users/runner/work/shop/Tests/ShopTests/${swiftsuite}.swift:${line}: error: -[ShopTests.${swiftsuite} Customer__decodes_the_phone] : expected to equal <Customer(name: "Aung Min", phone: "{{PHONE_MM}}", card: nil)>, got <Customer(name: "Aung Min", phone: "{{PHONE_MM:2}}", card: Optional("{{CARD}}"))>
ProcessInfo.processInfo.environment["REVENUECAT_API_KEY"] = "{{REVENUECAT_KEY}}\"""",
], ["Test Case '-[ShopTests.${swiftsuite} APIClient__sends_the_bearer_token]' started.", "${swiftsuite}.swift:${line}: error:", "expected to equal <200>, got <401>", "POST https://${apihost}${apipath}", "failed (0.412 seconds).", "Customer__decodes_the_phone] : expected to equal <Customer(name: \"Aung Min\""])

fam("sails-waterline-adapter-error", "https://sailsjs.com/documentation/concepts/models-and-orm/errors; https://sailsjs.com/documentation/reference/configuration/sails-config-datastores", [
    """AdapterError: Unexpected error from database adapter: duplicate key value violates unique constraint "${constraint}"
    at Object.createEach (/app/api/controllers/CustomerController.js:${line}:${col})
  code: 'E_UNIQUE',
  modelIdentity: 'customer',
  footprint: { identity: 'notUnique', keys: [ 'phone' ] },
  raw: { name: 'Lwazi Dube', phone: '{{PHONE_ZW}}', email: '{{EMAIL}}', nationalId: '{{NRIC_SG}}' }
sails.config.datastores.default = { adapter: 'sails-postgresql', url: 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}' }""",
    """error: Sending 500 ("Server Error") response:
 AdapterError: Unexpected error from database adapter: password authentication failed for user "${dbuser}"
debug: Lowering sails...
 config/local.js: { datastores: { default: { url: 'mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}' } }, session: { secret: '{{HEX32}}' }, custom: { stripeSecret: '{{STRIPE_SK}}' } }""",
], ["AdapterError: Unexpected error from database adapter: duplicate key value violates unique constraint \"${constraint}\"", "/app/api/controllers/CustomerController.js:${line}:${col}", "code: 'E_UNIQUE'", "modelIdentity: 'customer'", "footprint: { identity: 'notUnique', keys: [ 'phone' ] }", "adapter: 'sails-postgresql'", "@${dbhost}:${pgport}/${db}", "error: Sending 500 (\"Server Error\") response:", "debug: Lowering sails...", "@${dbhost}:${myport}/${db}"])

fam("terratest-command-log", "https://terratest.gruntwork.io/docs/getting-started/quick-start/; https://github.com/gruntwork-io/terratest/issues/1085", [
    """TestTerraformDatabase 2024-05-14T10:12:03Z retry.go:91: terraform [apply -input=false -auto-approve -var db_password={{PASSWORD}} -var api_token={{CF_API_TOKEN}} -lock=false]
TestTerraformDatabase 2024-05-14T10:12:03Z logger.go:66: Running command terraform with args [apply -input=false -auto-approve -var db_password={{PASSWORD}} -var api_token={{CF_API_TOKEN}} -lock=false]
TestTerraformDatabase 2024-05-14T10:14:11Z logger.go:66: Error: creating RDS DB Instance (${dbhost}): InvalidParameterValue: The parameter MasterUserPassword is not a valid password.
--- FAIL: TestTerraformDatabase (128.41s)
FAIL	github.com/acme/infra/test	128.611s""",
    """TestTerraformDatabase 2024-05-14T10:15:01Z logger.go:66: Running command terraform with args [output -no-color -json connection_string]
TestTerraformDatabase 2024-05-14T10:15:02Z logger.go:66: "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"
    database_test.go:${line}:
        	Error Trace:	/builds/${repo}/test/database_test.go:${line}
        	Error:      	Received unexpected error:
        	            	dial tcp ${dbhost}:${pgport}: i/o timeout
        	Test:       	TestTerraformDatabase
AWS env: AWS_ACCESS_KEY_ID={{AWS_KEY_ID}} AWS_SECRET_ACCESS_KEY={{AWS_SECRET}} AWS_SESSION_TOKEN={{AWS_SESSION_TOKEN}}""",
], ["TestTerraformDatabase 2024-05-14T10:12:03Z retry.go:91: terraform [apply -input=false -auto-approve", "logger.go:66: Running command terraform with args [apply -input=false -auto-approve", "-lock=false]", "creating RDS DB Instance (${dbhost}): InvalidParameterValue: The parameter MasterUserPassword is not a valid password.", "--- FAIL: TestTerraformDatabase (128.41s)", "FAIL\tgithub.com/acme/infra/test\t128.611s", "Running command terraform with args [output -no-color -json connection_string]", "@${dbhost}:${pgport}/${db}", "/builds/${repo}/test/database_test.go:${line}", "dial tcp ${dbhost}:${pgport}: i/o timeout"])

fam("moto-server-mode-log", "https://docs.getmoto.org/en/latest/docs/server_mode.html; https://docs.getmoto.org/en/latest/docs/getting_started.html", [
    """127.0.0.1 - - [14/May/2024 10:12:03] "POST / HTTP/1.1" 200 -
127.0.0.1 - - [14/May/2024 10:12:03] "PUT /exports/customers.csv HTTP/1.1" 200 -
moto_server DEBUG: s3 PutObject key=exports/customers.csv body=b'name,phone,ssn\\nJane Doe,{{PHONE_NAT}},{{SSN}}\\n'
FAILED tests/test_export.py::test_export_masks_ssn - assert '{{SSN}}' not in body
boto3.client('s3', endpoint_url='http://localhost:5000', aws_access_key_id='{{AWS_KEY_ID}}', aws_secret_access_key='{{AWS_SECRET}}')""",
    """@mock_aws
def test_reads_db_secret():
>       assert secret["password"] == "***"
E       AssertionError: assert '{{PASSWORD}}' == '***'
E         - ***
E         + {{PASSWORD}}
tests/test_secrets.py:${line}: AssertionError
secretsmanager.create_secret(Name='${secretname}', SecretString='{"username": "${dbuser}", "password": "{{PASSWORD}}", "host": "${dbhost}", "port": ${pgport}, "dbname": "${db}"}')""",
], ["\"PUT /exports/customers.csv HTTP/1.1\" 200 -", "s3 PutObject key=exports/customers.csv", "FAILED tests/test_export.py::test_export_masks_ssn", "endpoint_url='http://localhost:5000'", "@mock_aws", "tests/test_secrets.py:${line}: AssertionError", "Name='${secretname}'", "\"username\": \"${dbuser}\"", "\"host\": \"${dbhost}\", \"port\": ${pgport}, \"dbname\": \"${db}\""])

fam("mockk-verification-failure", "https://mockk.io/#verification-failure; https://github.com/mockk/mockk/issues/280", [
    """io.mockk.MockKException: Verification failed: call 1 of 1: PaymentsClient(#3).charge(eq(Charge(card={{CARD}}, amount=4200)), any())). Only one matching call to PaymentsClient(#3)/charge(Charge, String) happened, but arguments are not matching:
[0]: argument: Charge(card={{CARD}}, amount=4100), matcher: eq(Charge(card={{CARD}}, amount=4200)), result: -
[1]: argument: {{STRIPE_SK}}, matcher: any(), result: +

Stack trace:
  ${javapkg}.CheckoutServiceTest.charges the card(CheckoutServiceTest.kt:${line})""",
    """io.mockk.MockKException: Verification failed: call 1 of 1: SmsGateway(#7).send(eq({{PHONE_OM}}), any())) was not called.
Calls to same mock:
1) SmsGateway(#7).send({{PHONE_OM:2}}, Your code is {{OTP}})
Stack trace:
  ${javapkg}.OtpServiceTest.sends the code(OtpServiceTest.kt:${line})
ApplicationConfig: sms.apiKey={{API_KEY}} db.url=jdbc:postgresql://${dbhost}:${pgport}/${db}""",
], ["io.mockk.MockKException: Verification failed: call 1 of 1:", "Only one matching call to PaymentsClient(#3)/charge(Charge, String) happened, but arguments are not matching:", "${javapkg}.CheckoutServiceTest.charges the card(CheckoutServiceTest.kt:${line})", "Calls to same mock:", "${javapkg}.OtpServiceTest.sends the code(OtpServiceTest.kt:${line})", "jdbc:postgresql://${dbhost}:${pgport}/${db}"])

fam("watir-selenide-session-dump", "http://watir.com/guides/waiting/; https://selenide.org/documentation.html", [
    """Watir::Exception::UnknownObjectException: timed out after 30 seconds, waiting for #<Watir::Button: located: false; {:id=>"pay", :tag_name=>"button"}> to be located
  ./spec/checkout_spec.rb:${line}:in `block (2 levels) in <top (required)>'
browser.cookies.to_a => [{:name=>"_shop_session", :value=>"{{RAILS_SESSION}}", :path=>"/", :domain=>"${apihost}", :secure=>true}]
browser.goto "https://${user}:{{PASSWORD}}@${apihost}/checkout\"""",
    """Element not found {#login-button}
Expected: visible
Screenshot: file:/builds/${repo}/build/reports/tests/1715681523118.0.png
Page source: file:/builds/${repo}/build/reports/tests/1715681523118.0.html
Timeout: 4 s.
Selenide Configuration.remote = "https://${user}:{{BROWSERSTACK_KEY}}@hub-cloud.browserstack.com/wd/hub"
WebDriver cookies: [JSESSIONID={{JSESSIONID}}; path=/; domain=${apihost}; secure;]""",
], ["Watir::Exception::UnknownObjectException: timed out after 30 seconds", "{:id=>\"pay\", :tag_name=>\"button\"}", "./spec/checkout_spec.rb:${line}:in `block (2 levels) in <top (required)>'", ":domain=>\"${apihost}\"", "Element not found {#login-button}", "Expected: visible", "file:/builds/${repo}/build/reports/tests/1715681523118.0.png", "Timeout: 4 s.", "domain=${apihost}"])
