# The twenty-second collection (session 26, corpus22): the clean measure of this stop, written blind (no rule writer
# reads it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to twenty-first, its
# families come from the MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application
# prints, here those the twenty-one collections touch least: test frameworks' own failure output with the secret INSIDE
# the assertion or diff (pytest's assertion rewriting and -vv dict diffs, Jest and Vitest toEqual and snapshot diffs,
# RSpec, PHPUnit, Go's testing and testify, Rust's assert_eq!, Kotest, AssertJ, Hamcrest, NUnit, xUnit, ExUnit, XCTest),
# framework error pages and debug dumps (Rails, Django, Laravel's Ignition, Phoenix, Next.js, Nuxt, Remix, SvelteKit,
# Express, Fastify, NestJS, Spring Boot, ASP.NET Core, Werkzeug), observability output (Sentry events, OpenTelemetry
# spans, Datadog and New Relic agents, Prometheus and Grafana alerts, Loki and ELK lines), CI systems' own logs (GitLab,
# Jenkins, CircleCI, Buildkite, Azure Pipelines, Bitbucket, Drone, Woodpecker, TeamCity), mobile and desktop builds
# (Gradle's Android signing, fastlane, xcodebuild, Flutter, Metro, electron-builder), secrets managers and config tools
# on error (Vault, SOPS, Doppler, 1Password CLI, chamber, dotenv), output full of must-keep strings that look like
# secrets, and output localised in languages the twenty-one never use (Gujarati, Punjabi, Kannada, Malayalam, Sinhala,
# Lao, Burmese, Amharic, Irish, Maltese, Malay, Zulu), each in a MESSAGE SHAPE none of the twenty-one collections has
# (checked by a script: the `marker` below looked for in every failure-output*.jsonl, corpus.jsonl and
# outside-mainstream-2.txt to -7.txt, case-insensitively and JSON-escaped; candidates found there were dropped or
# rewritten before the collection was built). Personal data: big countries' landlines and city numbers in shapes no
# collection planted yet, and two tax numbers no collection has with VALID check digits (Taiwan's unified business
# number and Ukraine's RNOKPP; TwentySecondIds.java). Each family names the public page its shape was learnt from;
# nothing was copied and every value is invented. Same template language as the twenty-first, with `auto_keep` on.
# Split like the sixth to twenty-first: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed
# before any rule ran, not redrawn.

from families21 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "svc22": ["orders-api", "checkout-web", "billing-worker", "ledger-service"],
    "host22": ["api.example.com", "staging.example.org", "app.example.net"],
    "ver22": ["3.11.0.2", "6.2.14.1", "1.24.3.7", "20.11.1.0"],
    "build22": ["build-20241107.3", "ci-48213", "run-77120934"],
    "proj22": ["acme/orders-api", "globex/billing", "initech/storefront"],
    "pyfile22": ["tests/test_auth.py", "tests/api/test_orders.py", "tests/test_settings.py"],
    "jsfile22": ["src/api/client.test.ts", "src/auth/session.spec.ts", "tests/login.test.js"],
    "rbspec22": ["spec/requests/sessions_spec.rb", "spec/models/user_spec.rb", "spec/services/payout_spec.rb"],
    "gopkg22": ["github.com/acme/orders/internal/auth", "github.com/globex/billing/pkg/client"],
    "phpfile22": ["tests/Feature/AuthTest.php", "tests/Unit/PaymentGatewayTest.php"],
    "route22": ["/api/orders", "/checkout/confirm", "/account/settings", "/webhooks/stripe"],
    "k8sns22": ["staging", "payments", "orders-dev"],
    "app22": ["com.acme.orders", "com.globex.wallet", "io.initech.field"],
    "branch22": ["main", "release/2024.11", "feature/login-otp"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- test frameworks' own failure output, the secret inside the assertion or diff ---------------------------------------

fam("pytest-assert-rewrite-dict-vv", "https://docs.pytest.org/en/stable/how-to/assert.html", [
    """${pyfile22}::test_login_payload FAILED
E       AssertionError: assert {'password': '{{PASSWORD}}', 'username': 'svc-orders'} == {'password': '<redacted>', 'username': 'svc-orders'}
E         Common items:
E         {'username': 'svc-orders'}
E         Differing items:
E         {'password': '{{PASSWORD}}'} != {'password': '<redacted>'}
E         Full diff:
FAILED ${pyfile22}::test_login_payload - AssertionError: assert {'password': ...""",
    """${pyfile22}::test_client_headers FAILED
E       AssertionError: assert {'Authorization': 'Bearer {{JWT}}', 'X-Request-Id': '${uuid}'} == {'X-Request-Id': '${uuid}'}
E         Left contains 1 more item:
E         {'Authorization': 'Bearer {{JWT}}'}
E         Use -v to get more diff
=========================== short test summary info ============================
FAILED ${pyfile22}::test_client_headers - AssertionError: assert {'Authorization': ...""",
], ["<redacted>"], marker=["E         Differing items:\nE         {'password': '", "E         Left contains 1 more item:\nE         {'Authorization': 'Bearer "])

fam("pytest-approx-and-fixture-repr", "https://docs.pytest.org/en/stable/reference/fixtures.html", [
    """    def test_settings_loaded(settings):
>       assert settings.DATABASE_URL == "postgresql://orders:PASSWORD@localhost:5432/orders"
E       AssertionError: assert 'postgresql://orders:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}' == 'postgresql://orders:PASSWORD@localhost:5432/orders'
E         - postgresql://orders:PASSWORD@localhost:5432/orders
E         + postgresql://orders:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}
${pyfile22}:41: AssertionError""",
    """request = <SubRequest 'api_client' for <Function test_refund>>
    @pytest.fixture
    def api_client(request):
>       return Client(api_key=os.environ["STRIPE_API_KEY"])
E       KeyError: 'STRIPE_API_KEY'
E       (env: STRIPE_API_KEY_TEST='{{STRIPE_SK}}', CI='true', PYTHONHASHSEED='4102918411')
${pyfile22}:17: KeyError""",
], ["PASSWORD@localhost:5432/orders"], marker=["E         - postgresql://orders:PASSWORD@localhost:5432/orders", "E       (env: STRIPE_API_KEY_TEST="])

fam("jest-toequal-object-diff", "https://jestjs.io/docs/expect#toequalvalue", [
    """  ● AuthClient › sends the refresh token in the body

    expect(received).toEqual(expected) // deep equality

    - Expected  - 1
    + Received  + 1

      Object {
        "grant_type": "refresh_token",
    -   "refresh_token": "<token>",
    +   "refresh_token": "{{GOOGLE_REFRESH_TOKEN}}",
      }

      at Object.<anonymous> (${jsfile22}:58:31)""",
    """  ● PaymentsApi › posts the card

    expect(jest.fn()).toHaveBeenCalledWith(...expected)

    - Expected
    + Received

      "https://${host22}/v1/charges",
    - ObjectContaining {"card": Any<String>}
    + {"card": "{{CARD}}", "cvc": "{{NUM8}}", "email": "{{EMAIL}}"},

    Number of calls: 1""",
], ["expect(received).toEqual(expected) // deep equality", "Any<String>"], marker=["-   \"refresh_token\": \"<token>\",", "- ObjectContaining {\"card\": Any<String>}"])

fam("jest-snapshot-mismatch", "https://jestjs.io/docs/snapshot-testing", [
    """  ● renders the invite email › matches snapshot

    expect(received).toMatchSnapshot()

    Snapshot name: `renders the invite email matches snapshot 1`

    - Snapshot  - 1
    + Received  + 1

    -   <a href="https://${host22}/invite?token=[TOKEN]">Accept</a>
    +   <a href="https://${host22}/invite?token={{HEX40}}">Accept</a>

     › 1 snapshot failed from 1 test suite. Inspect your code changes or run `npx jest -u` to update them.""",
], ["Inspect your code changes or run `npx jest -u` to update them."], marker=["<a href=\"https://", "invite?token=[TOKEN]\">Accept</a>"])

fam("vitest-assertion-error-diff", "https://vitest.dev/api/expect.html", [
    """ FAIL  ${jsfile22} > session > stores the cookie
AssertionError: expected 'connect.sid={{CONNECT_SID}}; Path=/; HttpOnly' to match /^connect\\.sid=s%3A[^;]+; Path=\\/; HttpOnly; Secure$$/

- Expected: /^connect\\.sid=s%3A[^;]+; Path=\\/; HttpOnly; Secure$$/
+ Received: "connect.sid={{CONNECT_SID}}; Path=/; HttpOnly"

 ❯ ${jsfile22}:27:44""",
    """ FAIL  ${jsfile22} > config > reads the api key
AssertionError: expected { apiKey: '{{OPENAI}}', …(2) } to deeply equal { apiKey: undefined, …(2) }

 Test Files  1 failed | 23 passed (24)
      Tests  1 failed | 311 passed (312)""",
], [], marker=["+ Received: \"connect.sid=", "to deeply equal { apiKey: undefined, …(2) }"])

fam("rspec-expected-got-eq", "https://rspec.info/features/3-13/rspec-expectations/built-in-matchers/equality/", [
    """  1) SessionsController POST /sessions signs the user in
     Failure/Error: expect(response.cookies["_app_session"]).to eq(nil)

       expected: nil
            got: "{{RAILS_SESSION}}"

       (compared using ==)
     # ./${rbspec22}:34:in `block (3 levels) in <top (required)>'""",
    """  1) PayoutService#call sends the IBAN to the bank
     Failure/Error: expect(client).to have_received(:transfer).with(iban: "DE00 0000 0000 0000 0000 00", amount: 1200)

       #<Double "BankClient"> received :transfer with unexpected arguments
         expected: ({:amount=>1200, :iban=>"DE00 0000 0000 0000 0000 00"})
              got: ({:amount=>1200, :iban=>"{{IBAN_SPACED}}", :holder_email=>"{{EMAIL}}"})
     # ./${rbspec22}:51:in `block (2 levels) in <top (required)>'""",
], ["(compared using ==)", "DE00 0000 0000 0000 0000 00"], marker=["       expected: nil\n            got: \"", "#<Double \"BankClient\"> received :transfer with unexpected arguments"])

fam("phpunit-assert-same-diff", "https://docs.phpunit.de/en/11.0/assertions.html", [
    """There was 1 failure:

1) Tests\\Feature\\AuthTest::test_token_is_hashed
Failed asserting that two strings are identical.
--- Expected
+++ Actual
@@ @@
-'$$2y$$10$$......................................................'
+'{{PASSWORD}}'

/app/${phpfile22}:44""",
    """1) Tests\\Unit\\PaymentGatewayTest::test_builds_headers
Failed asserting that two arrays are equal.
--- Expected
+++ Actual
@@ @@
 Array (
-    'Authorization' => 'Bearer %env(STRIPE_SECRET)%'
+    'Authorization' => 'Bearer {{STRIPE_SK}}'
 )

FAILURES!
Tests: 212, Assertions: 640, Failures: 1.""",
], ["%env(STRIPE_SECRET)%", "Failed asserting that two arrays are equal."], marker=["Failed asserting that two strings are identical.\n--- Expected\n+++ Actual\n@@ @@\n-'$2y$10$", "-    'Authorization' => 'Bearer %env(STRIPE_SECRET)%'"])

fam("go-testing-got-want", "https://go.dev/doc/tutorial/add-a-test", [
    """--- FAIL: TestSignRequest (0.00s)
    signer_test.go:48: SignRequest() header = "AWS4-HMAC-SHA256 Credential={{AWS_KEY_ID}}/20241107/${awsreg21}/s3/aws4_request", want prefix "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/"
FAIL
FAIL	${gopkg22}	0.412s""",
    """--- FAIL: TestLoadConfig/with_env (0.00s)
    config_test.go:77: LoadConfig() mismatch (-want +got):
          config.Config{
        - 	DSN: "postgres://app:secret@localhost/app",
        + 	DSN: "postgres://app:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require",
          	Port: 8080,
          }
FAIL	${gopkg22}	0.031s""",
], ["AKIAEXAMPLE/", "postgres://app:secret@localhost/app"], marker=["want prefix \"AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/\"", "        - \tDSN: \"postgres://app:secret@localhost/app\","])

fam("testify-not-equal-diff", "https://pkg.go.dev/github.com/stretchr/testify/assert#Equal", [
    """    client_test.go:93:
        	Error Trace:	/builds/${proj22}/client_test.go:93
        	Error:      	Not equal:
        	            	expected: "Bearer <nil>"
        	            	actual  : "Bearer {{GHP}}"
        	Test:       	TestClient_AuthHeader
--- FAIL: TestClient_AuthHeader (0.00s)""",
    """        	Error:      	Should be empty, but was map[api_key:{{API_KEY}} region:${awsreg21}]
        	Test:       	TestRedactConfig
        	Messages:   	secrets must not survive Redact()
--- FAIL: TestRedactConfig (0.01s)""",
], ["expected: \"Bearer <nil>\"", "secrets must not survive Redact()"], marker=["expected: \"Bearer <nil>\"", "Error:      \tShould be empty, but was map[api_key:"])

fam("rust-assert-eq-panic", "https://doc.rust-lang.org/std/macro.assert_eq.html", [
    """---- auth::tests::builds_basic_header stdout ----
thread 'auth::tests::builds_basic_header' panicked at src/auth.rs:88:9:
assertion `left == right` failed: header must be masked
  left: "Basic {{BASIC_CRED}}"
 right: "Basic ****"
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace""",
    """thread 'config::tests::parses_url' panicked at src/config.rs:131:5:
assertion `left == right` failed
  left: Some("redis://default:{{URL_PASSWORD}}@${redishost}:6379/0")
 right: None
failures:
    config::tests::parses_url
test result: FAILED. 57 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.08s""",
], ["assertion `left == right` failed: header must be masked", " right: \"Basic ****\""], marker=["assertion `left == right` failed: header must be masked", "  left: Some(\"redis://default:"])

fam("kotest-should-be-diff", "https://kotest.io/docs/assertions/assertions.html", [
    """io.kotest.assertions.AssertionFailedError: expected:<"$${MAIL_PASSWORD}"> but was:<"{{PASSWORD}}">
	at com.acme.mail.SmtpConfigTest$$1$$1.invokeSuspend(SmtpConfigTest.kt:29)
SmtpConfigTest > loads the password from the placeholder FAILED""",
    """Expected map to not contain key "client_secret", but map was {client_id=orders-web, client_secret={{AZURE_CLIENT_SECRET}}, tenant=${uuid}}
	at com.acme.auth.TokenRequestTest.kt:54
TokenRequestTest > strips the secret FAILED""",
], ["expected:<\"$${MAIL_PASSWORD}\">"], marker=["io.kotest.assertions.AssertionFailedError: expected:<\"${", "Expected map to not contain key \"client_secret\", but map was {"])

fam("assertj-contains-entry", "https://assertj.github.io/doc/#assertj-core-assertions-guide", [
    """java.lang.AssertionError:
Expecting map:
  {"Authorization"="Bearer {{JWT}}", "Content-Type"="application/json"}
not to contain key:
  "Authorization"
	at com.acme.orders.client.OrdersClientTest.doesNotLeakToken(OrdersClientTest.java:71)""",
    """org.opentest4j.AssertionFailedError:
expected: "jdbc:mysql://${mysqlhost}:${myport}/orders?user=app&password=******"
 but was: "jdbc:mysql://${mysqlhost}:${myport}/orders?user=app&password={{PASSWORD}}"
	at com.acme.orders.DataSourceConfigTest.masksUrl(DataSourceConfigTest.java:39)""",
], ["password=******"], marker=["Expecting map:\n  {\"Authorization\"=\"Bearer ", "?user=app&password=******\"\n but was: \"jdbc:mysql://"])

fam("hamcrest-expected-but", "https://hamcrest.org/JavaHamcrest/tutorial", [
    """java.lang.AssertionError: 
Expected: a string not containing "sk_live_"
     but: was "stripe.apiKey={{STRIPE_SK}}"
	at org.hamcrest.MatcherAssert.assertThat(MatcherAssert.java:20)
	at com.acme.billing.PropertiesTest.noLiveKeys(PropertiesTest.java:33)""",
], ["Expected: a string not containing \"sk_live_\""], marker=["Expected: a string not containing \"sk_live_\""])

fam("nunit-expected-but-was", "https://docs.nunit.org/articles/nunit/writing-tests/assertions/classic-assertions/Assert.AreEqual.html", [
    """  Failed ConnectionStringTests.MasksPassword [12 ms]
  Error Message:
     Expected string length 71 but was 88. Strings differ at index 64.
  Expected: "Server=${sqlsrvhost};Database=Orders;User Id=app;Password=***"
  But was:  "Server=${sqlsrvhost};Database=Orders;User Id=app;Password={{PASSWORD}};Encrypt=True"
  ---------------------------------------------------------------------------^""",
    """  Failed TokenServiceTests.IssuesToken [3 ms]
  Error Message:
   Assert.That(token, Is.Null)
  Expected: null
  But was:  "{{JWT}}"

  Stack Trace:
     at Acme.Auth.Tests.TokenServiceTests.IssuesToken() in /src/tests/TokenServiceTests.cs:line 42""",
], ["Password=***\""], marker=["Strings differ at index 64.", "Assert.That(token, Is.Null)\n  Expected: null"])

fam("xunit-assert-equal-failure", "https://xunit.net/docs/getting-started/netcore/cmdline", [
    """[xUnit.net 00:00:01.41]     Acme.Api.Tests.WebhookTests.SignatureMatches [FAIL]
  Failed Acme.Api.Tests.WebhookTests.SignatureMatches [7 ms]
  Error Message:
   Assert.Equal() Failure: Strings differ
           ↓ (pos 7)
Expected: "whsec_<secret>"
Actual:   "{{WHSEC}}"
           ↑ (pos 7)""",
], ["Assert.Equal() Failure: Strings differ", "Expected: \"whsec_<secret>\""], marker=["Expected: \"whsec_<secret>\""])

fam("exunit-assertion-left-right", "https://hexdocs.pm/ex_unit/ExUnit.Assertions.html", [
    """  1) test signs the session (MyAppWeb.SessionControllerTest)
     test/my_app_web/controllers/session_controller_test.exs:22
     Assertion with == failed
     code:  assert conn.resp_cookies["_my_app_key"].value == nil
     left:  "{{PHX_SESSION}}"
     right: nil
     stacktrace:
       test/my_app_web/controllers/session_controller_test.exs:31: (test)""",
    """  2) test builds the mailer config (MyApp.MailerTest)
     match (=) failed
     code:  assert %{password: "<env>"} = config
     left:  %{password: "<env>"}
     right: %{adapter: Swoosh.Adapters.SMTP, password: "{{SENDGRID}}", relay: "smtp.sendgrid.net", username: "apikey"}
Finished in 0.4 seconds (0.1s async, 0.3s sync)
41 tests, 2 failures""",
], ["Assertion with == failed"], marker=["code:  assert conn.resp_cookies[\"", "code:  assert %{password: \"<env>\"} = config"])

fam("xctest-xctassertequal", "https://developer.apple.com/documentation/xctest/xctassertequal", [
    """Test Case '-[OrdersTests.KeychainTests testStoresToken]' started.
/Users/runner/work/orders-ios/OrdersTests/KeychainTests.swift:37: error: -[OrdersTests.KeychainTests testStoresToken] : XCTAssertEqual failed: ("Optional("{{FIREBASE_REFRESH}}")") is not equal to ("nil") - keychain must be empty after logout
Test Case '-[OrdersTests.KeychainTests testStoresToken]' failed (0.021 seconds).""",
    """/Users/runner/work/orders-ios/OrdersTests/APIClientTests.swift:88: error: -[OrdersTests.APIClientTests testHeaders] : XCTAssertNil failed: "Bearer {{GOOGLE_OAUTH_ACCESS}}"
Test Suite 'APIClientTests' failed at 2024-11-07 09:12:44.218.
	 Executed 14 tests, with 1 failure (0 unexpected) in 0.311 (0.318) seconds""",
], ["keychain must be empty after logout"], marker=["is not equal to (\"nil\") - keychain must be empty after logout", "XCTAssertNil failed: \"Bearer "])

fam("mocha-chai-deep-equal", "https://www.chaijs.com/api/bdd/#method_eql", [
    """  1) POST /login
       returns a masked user:

      AssertionError: expected { id: 42, email: '{{EMAIL}}', phone: '{{PHONE_RU_MOSCOW}}' } to deeply equal { id: 42, email: '[hidden]' }
      + expected - actual

       {
      -  "email": "{{EMAIL}}"
      -  "phone": "{{PHONE_RU_MOSCOW}}"
      +  "email": "[hidden]"
         "id": 42
       }""",
], ["+ expected - actual", "\"email\": \"[hidden]\""], marker=["+  \"email\": \"[hidden]\""])

fam("minitest-assert-equal-diff", "https://docs.seattlerb.org/minitest/Minitest/Assertions.html", [
    """  1) Failure:
ApiTokenTest#test_masks_token [test/models/api_token_test.rb:19]:
--- expected
+++ actual
@@ -1 +1 @@
-"tok_••••••••"
+"{{HEX32}}"

12 runs, 31 assertions, 1 failures, 0 errors, 0 skips""",
], ["-\"tok_••••••••\""], marker=["-\"tok_••••••••\""])

# --- framework error pages and debug dumps ------------------------------------------------------------------------------

fam("rails-request-env-dump", "https://guides.rubyonrails.org/debugging_rails_applications.html", [
    """ActionView::Template::Error (undefined method `name' for nil):
Request
Parameters:
{"authenticity_token"=>"[FILTERED]", "user"=>{"email"=>"{{EMAIL}}", "password"=>"[FILTERED]", "otp_attempt"=>"{{OTP}}"}}
Toggle session dump
Toggle env dump
HTTP_COOKIE: "_orders_session={{RAILS_SESSION}}"
Response
Headers:
None""",
], ["Toggle session dump", "\"authenticity_token\"=>\"[FILTERED]\""], marker=["Toggle session dump\nToggle env dump\nHTTP_COOKIE: \""])

fam("django-technical-500-settings", "https://docs.djangoproject.com/en/5.0/howto/error-reporting/", [
    """Settings
Using settings module config.settings.ci
Setting	Value
DATABASES	{'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': '${dbhost}', 'NAME': '${db}', 'PASSWORD': '********************', 'PORT': '${pgport}', 'USER': '${dbuser}'}}
EMAIL_HOST_PASSWORD	'********************'
SENTRY_DSN	'https://{{SENTRY_DSN_KEY}}@o4507.ingest.sentry.io/4507112'
SECRET_KEY	'********************'
You're seeing this error because you have DEBUG = True in your Django settings file.""",
    """META
Variable	Value
HTTP_AUTHORIZATION	'Token {{HEX40}}'
HTTP_COOKIE	'********************'
QUERY_STRING	'reset_key={{ALNUM24}}&next=%2Faccount%2F'
You're seeing this error because you have DEBUG = True in your Django settings file.""",
], ["'********************'", "Using settings module config.settings.ci"], marker=["Using settings module config.settings.ci\nSetting\tValue", "META\nVariable\tValue\nHTTP_AUTHORIZATION\t'Token "])

fam("laravel-ignition-context", "https://flareapp.io/docs/ignition/introducing-ignition/overview", [
    """Illuminate\\Database\\QueryException
SQLSTATE[28000] [1045] Access denied for user '${dbuser}'@'${privip}' (using password: YES)
APP_KEY: base64:{{B64_SECRET}}
Request: POST https://${host22}${route22}
Headers: x-xsrf-token: {{CSRF_TOKEN}}
Laravel 11.31.0 · PHP 8.3.13 · Ignition 2.8.0""",
    """Context > Env
DB_PASSWORD	{{PASSWORD}}
MAIL_PASSWORD	null
PUSHER_APP_SECRET	{{HEX32}}
Share with Flare · Laravel 11.31.0""",
], ["(using password: YES)"], marker=["Laravel 11.31.0 · PHP 8.3.13 · Ignition", "Context > Env\nDB_PASSWORD\t"])

fam("phoenix-debug-page-params", "https://hexdocs.pm/phoenix/Phoenix.Endpoint.html#module-runtime-configuration", [
    """[error] #PID<0.812.0> running MyAppWeb.Endpoint (connection #PID<0.811.0>, stream id 1) terminated
Server: ${host22}:4000 (http)
Request: POST /api/users/log_in
** (Ecto.NoResultsError) expected at least one result but got none in query
Params: %{"user" => %{"email" => "{{EMAIL}}", "password" => "[FILTERED]"}}
Session: %{"_csrf_token" => "{{CSRF_TOKEN}}", "user_token" => "{{B64URL_SIG}}"}""",
], ["(connection #PID<0.811.0>, stream id 1) terminated"], marker=["Session: %{\"_csrf_token\" => \""])

fam("nextjs-server-error-digest", "https://nextjs.org/docs/app/building-your-application/routing/error-handling", [
    """ ⨯ Error: fetch failed: 401 from https://${host22}/graphql with headers {"authorization":"Bearer {{VERCEL_TOKEN}}"}
    at async Page (./app/orders/page.tsx:14:17)
  digest: "2831704492"
 GET /orders 500 in 412ms""",
    """ ⨯ [Error: Invalid environment variables] {
  NEXTAUTH_SECRET: [ 'String must contain at least 32 character(s)' ],
  received: { NEXTAUTH_SECRET: '{{ALNUM24}}', DATABASE_URL: 'mysql://app:{{URL_PASSWORD}}@${mysqlhost}:${myport}/shop' }
}
 ⨯ Failed to load next.config.mjs""",
], ["digest: \"2831704492\""], marker=[" ⨯ Error: fetch failed: 401 from https://", "NEXTAUTH_SECRET: [ 'String must contain at least 32 character(s)' ],"])

fam("nuxt-nitro-error-log", "https://nuxt.com/docs/getting-started/error-handling", [
    """[nuxt] [request error] [unhandled] [500] Cannot reach https://${host22}/v1/cart?api_key={{API_KEY}}
  at async $$fetchRaw2 (node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs:262:14)
  at async Object.handler (server/api/cart.get.ts:9:1)
[nitro] runtimeConfig: { apiSecret: '{{HEX32}}', public: { apiBase: 'https://${host22}' } }""",
], ["[nuxt] [request error] [unhandled] [500]"], marker=["[nitro] runtimeConfig: { apiSecret: '"])

fam("remix-sveltekit-server-error", "https://kit.svelte.dev/docs/errors", [
    """Error: Unexpected response from https://${host22}/oauth/token: {"error":"invalid_client","client_secret":"{{GOOGLE_CLIENT_SECRET}}"}
    at load (src/routes/auth/callback/+page.server.ts:21:11)
  [500] GET /auth/callback?code={{OAUTH_CODE}}&state=af8e41""",
    """Error: loader failed for route "routes/account" (session cookie __session={{B64URL_SIG}})
    at loader (app/routes/account.tsx:12:9)
[remix-serve] http://localhost:3000 (http://${privip}:3000)""",
], [], marker=["(src/routes/auth/callback/+page.server.ts:", "[remix-serve] http://localhost:3000 (http://"])

fam("fastify-pino-req-serializer", "https://fastify.dev/docs/latest/Reference/Logging/", [
    """{"level":50,"time":1731000000123,"pid":18,"hostname":"${svc22}-7d9f","reqId":"req-1k","req":{"method":"POST","url":"/v1/login","headers":{"authorization":"Basic {{BASIC_CRED}}","x-api-key":"[Redacted]"}},"err":{"type":"FastifyError","message":"body/password must NOT have fewer than 12 characters","code":"FST_ERR_VALIDATION"},"msg":"body/password must NOT have fewer than 12 characters"}""",
], ["\"x-api-key\":\"[Redacted]\"", "FST_ERR_VALIDATION"], marker=["\"msg\":\"body/password must NOT have fewer than 12 characters\"}"])

fam("nestjs-exceptions-handler", "https://docs.nestjs.com/exception-filters", [
    """[Nest] 27  - 11/07/2024, 9:14:02 AM   ERROR [ExceptionsHandler] Request failed with status code 403 (POST https://${host22}/v2/payouts, data={"iban":"{{IBAN}}","apiKey":"{{API_KEY}}"})
AxiosError: Request failed with status code 403
    at PayoutsService.create (/app/dist/payouts/payouts.service.js:38:27)""",
    """[Nest] 27  - 11/07/2024, 9:14:05 AM   ERROR [TypeOrmModule] Unable to connect to the database (${dbhost}). Retrying (3)...
error: password authentication failed for user "${dbuser}" (config: {"password":"{{PASSWORD}}","port":${pgport}})""",
], [], marker=["ERROR [ExceptionsHandler] Request failed with status code 403 (POST https://", "Retrying (3)...\nerror: password authentication failed for user \""])

fam("spring-whitelabel-trace", "https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling", [
    """Whitelabel Error Page
This application has no explicit mapping for /error, so you are seeing this as a fallback.
Thu Nov 07 09:20:11 UTC 2024
There was an unexpected error (type=Internal Server Error, status=500).
Could not open JDBC Connection for transaction; url=jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}""",
    """{"activeProfiles":["ci"],"propertySources":[{"name":"systemEnvironment","properties":{"SPRING_DATASOURCE_PASSWORD":{"value":"******","origin":"System Environment Property \\"SPRING_DATASOURCE_PASSWORD\\""},"OAUTH_CLIENT_SECRET":{"value":"{{OKTA_CLIENT_SECRET}}","origin":"System Environment Property \\"OAUTH_CLIENT_SECRET\\""}}}]}""",
], ["This application has no explicit mapping for /error, so you are seeing this as a fallback."], marker=["Could not open JDBC Connection for transaction; url=jdbc:postgresql://", "\"OAUTH_CLIENT_SECRET\":{\"value\":\""])

fam("aspnet-developer-exception-page", "https://learn.microsoft.com/en-us/aspnet/core/fundamentals/error-handling", [
    """An unhandled exception occurred while processing the request.
SqlException: Login failed for user 'app'.
Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, bool breakConnection, Action<Action> wrapCloseInAction)
Stack Query Cookies Headers Routing
.AspNetCore.Identity.Application	{{ASPNET_COOKIE}}
Authorization	Bearer {{JWT}}""",
], ["Stack Query Cookies Headers Routing"], marker=["Stack Query Cookies Headers Routing\n.AspNetCore.Identity.Application\t"])

fam("werkzeug-debugger-traceback", "https://werkzeug.palletsprojects.com/en/3.0.x/debug/", [
    """werkzeug.exceptions.BadRequestKeyError: 400 Bad Request: The browser (or proxy) sent a request that this server could not understand.
KeyError: 'csrf_token'
Traceback (most recent call last):
  File "/app/app/views/auth.py", line 44, in login
    user = authenticate(request.form["email"], request.form["password"])  # email='{{EMAIL}}' password='{{PASSWORD}}'
 * Debugger PIN: 118-402-771""",
    """ * Detected change in '/app/app/config.py', reloading
 * Restarting with stat
 * Debugger is active!
 * Debugger PIN: 604-551-923
127.0.0.1 - - [07/Nov/2024 09:31:44] "GET /callback?code={{OAUTH_CODE}}&session={{FLASK_SESSION}} HTTP/1.1" 500 -""",
], ["* Debugger PIN: 118-402-771", "* Debugger PIN: 604-551-923"], marker=["# email='", "[07/Nov/2024 09:31:44] \"GET /callback?code="])

fam("symfony-profiler-request-attrs", "https://symfony.com/doc/current/profiler.html", [
    """[2024-11-07T09:40:01.112+00:00] request.CRITICAL: Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException: "An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused" at AbstractMySQLDriver.php line 93 {"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: 2002))","url":"mysql://app:{{URL_PASSWORD}}@${mysqlhost}:${myport}/shop?serverVersion=8.0.32"} []""",
], ["request.CRITICAL: Uncaught PHP Exception"], marker=["(code: 2002))\",\"url\":\"mysql://app:"])

# --- observability output -----------------------------------------------------------------------------------------------

fam("sentry-event-request-json", "https://develop.sentry.dev/sdk/data-model/event-payloads/request/", [
    """[sentry] DEBUG: Sending event, type:error, id:${hex32} to https://o4507.ingest.sentry.io/api/4507112/envelope/
{"request":{"url":"https://${host22}${route22}","method":"POST","headers":{"Cookie":"[Filtered]","Authorization":"Bearer {{JWT}}"},"cookies":"sessionid={{DJANGO_SID}}","data":{"card_number":"{{CARD}}"}},"environment":"ci"}""",
    """Sentry Logger [log]: Captured error event `Request failed with status code 401`
{"extra":{"config":{"headers":{"X-Api-Key":"{{DD_API_KEY}}"}}},"user":{"email":"{{EMAIL}}","ip_address":"{{auto}}"}}""",
], ["[Filtered]"], marker=["[sentry] DEBUG: Sending event, type:error, id:", "Sentry Logger [log]: Captured error event `Request failed with status code 401`"])

fam("newrelic-agent-startup-log", "https://docs.newrelic.com/docs/apm/agents/nodejs-agent/installation-configuration/nodejs-agent-configuration/", [
    """{"v":0,"level":30,"name":"newrelic","component":"collector_remote_method","msg":"Posting to https://collector.newrelic.com/agent_listener/invoke_raw_method?marshal_format=json&protocol_version=17&license_key={{NR_LICENSE}}&method=preconnect"}
{"v":0,"level":50,"name":"newrelic","msg":"Failed to connect to New Relic: 401 Invalid license key"}""",
], ["Failed to connect to New Relic: 401 Invalid license key"], marker=["invoke_raw_method?marshal_format=json&protocol_version=17&license_key="])

fam("alertmanager-webhook-payload", "https://prometheus.io/docs/alerting/latest/configuration/#webhook_config", [
    """level=error component=dispatcher receiver=slack-ci integration=slack[0] msg="Notify for alerts failed" num_alerts=2 err="Post \\"https://hooks.slack.com/services/{{SLACK_HOOK_PATH}}\\": context deadline exceeded"
{"status":"firing","groupLabels":{"alertname":"PostgresDown"},"commonAnnotations":{"summary":"cannot reach postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}"}}""",
], ["msg=\"Notify for alerts failed\" num_alerts=2"], marker=["receiver=slack-ci integration=slack[0] msg=\"Notify for alerts failed\""])

fam("grafana-alert-contact-point-test", "https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/", [
    """logger=ngalert.notifier.pagerduty notifier=pagerduty-ci t=2024-11-07T10:02:11.31Z level=error msg="Failed to send notification" error="failed to send notification to PagerDuty: 400 Bad Request: invalid routing key {{HEX32}}"
logger=ngalert.notifier.alertmanager t=2024-11-07T10:02:11.32Z level=info msg="Test notification sent" receiver=ops-email""",
], ["msg=\"Test notification sent\" receiver=ops-email"], marker=["failed to send notification to PagerDuty: 400 Bad Request: invalid routing key"])

fam("elk-filebeat-ecs-line", "https://www.elastic.co/guide/en/ecs/current/ecs-http.html", [
    """{"@timestamp":"2024-11-07T10:07:42.118Z","log.level":"error","message":"upstream rejected credentials","service.name":"${svc22}","http.request.headers.authorization":"Basic {{BASIC_CRED}}","url.original":"https://${host22}/v1/export?token={{HEX40}}","ecs.version":"8.11.0"}
Exiting: error connecting to Elasticsearch at https://${host22}:9200: 401 Unauthorized: {"error":{"type":"security_exception"}}""",
], ["\"ecs.version\":\"8.11.0\"}"], marker=["\"http.request.headers.authorization\":\"Basic "])

fam("honeycomb-opentelemetry-exporter", "https://docs.honeycomb.io/send-data/opentelemetry/", [
    """2024/11/07 10:11:02 traces export: failed to send to https://api.honeycomb.io:443/v1/traces: 401 Unauthorized (headers: map[x-honeycomb-dataset:${svc22} x-honeycomb-team:{{HONEYCOMB_KEY}}])
OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=$${HONEYCOMB_API_KEY}" (unset)""",
], ["OTEL_EXPORTER_OTLP_HEADERS=\"x-honeycomb-team=$${HONEYCOMB_API_KEY}\" (unset)"], marker=["x-honeycomb-team:"])

# --- CI systems' own logs -----------------------------------------------------------------------------------------------

fam("gitlab-ci-job-trace-section", "https://docs.gitlab.com/ee/ci/jobs/job_logs.html", [
    """section_start:1731000011:prepare_script
Preparing environment
Running on runner-xk2p-project-48213-concurrent-0 via gitlab-runner-7f9...
$$ echo "machine gitlab.example.com login gitlab-ci-token password $${CI_JOB_TOKEN}" > ~/.netrc
$$ curl --fail -H "PRIVATE-TOKEN: {{GLPAT}}" "https://gitlab.example.com/api/v4/projects/48213/packages/generic/orders/${ver22}/orders.tgz"
curl: (22) The requested URL returned error: 403
ERROR: Job failed: exit code 22""",
    """$$ helm registry login registry.gitlab.com --username gitlab-ci-token --password {{GL_JOB_TOKEN}}
WARNING: Using --password via the CLI is insecure. Use --password-stdin.
Error: login attempt to https://registry.gitlab.com/v2/ failed with status: 403 Forbidden
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1""",
], ["password $${CI_JOB_TOKEN}", "Cleaning up project directory and file based variables"], marker=["section_start:1731000011:prepare_script", "helm registry login registry.gitlab.com --username gitlab-ci-token --password "])

fam("jenkins-console-withcredentials", "https://www.jenkins.io/doc/pipeline/steps/credentials-binding/", [
    """[Pipeline] withCredentials
Masking supported pattern matches of $$NEXUS_PASSWORD or $$NEXUS_USER
[Pipeline] sh
+ mvn -B deploy -Dnexus.user=deployer -Dnexus.password=**** -Dsonar.login={{SONAR_TOKEN}}
[ERROR] Failed to execute goal org.sonarsource.scanner.maven:sonar-maven-plugin:4.0.0.4121:sonar (default-cli): Not authorized.
Finished: FAILURE""",
    """Started by user ops-bot
[Pipeline] httpRequest
HttpMethod: POST
URL: https://${host22}/deploy?token={{JENKINS_TOKEN}}
Response Code: HTTP/1.1 401 Unauthorized
Finished: FAILURE""",
], ["Masking supported pattern matches of $$NEXUS_PASSWORD or $$NEXUS_USER", "-Dnexus.password=****"], marker=["Masking supported pattern matches of $NEXUS_PASSWORD or $NEXUS_USER", "[Pipeline] httpRequest\nHttpMethod: POST"])

fam("circleci-step-env-output", "https://circleci.com/docs/env-vars/", [
    """#!/bin/bash -eo pipefail
npm config set //registry.npmjs.org/:_authToken=$${NPM_TOKEN} && npm publish --access public
npm ERR! code E403
npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fui-kit - token {{NPM_TOKEN}} has no publish rights
Exited with code exit status 1
CircleCI received exit code 1""",
], ["npm config set //registry.npmjs.org/:_authToken=$${NPM_TOKEN}", "CircleCI received exit code 1"], marker=["has no publish rights\nExited with code exit status 1"])

fam("buildkite-agent-env-hook", "https://buildkite.com/docs/pipelines/secrets", [
    """~~~ Running global environment hook
$$ /etc/buildkite-agent/hooks/environment
# BUILDKITE_AGENT_ACCESS_TOKEN changed
# DB_URL added: postgres://ci:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}_test
~~~ Running commands
🚨 Error: The command exited with status 2
user command error: exit status 2""",
], ["# BUILDKITE_AGENT_ACCESS_TOKEN changed", "user command error: exit status 2"], marker=["# DB_URL added: postgres://"])

fam("azure-pipelines-task-log", "https://learn.microsoft.com/en-us/azure/devops/pipelines/process/set-secret-variables", [
    """##[section]Starting: Publish to feed
Task         : NuGet
Version      : 2.238.1
==============================================================================
[command]/usr/bin/dotnet nuget push bin/Release/Acme.Orders.${ver22}.nupkg --source https://pkgs.dev.azure.com/acme/_packaging/orders/nuget/v3/index.json --api-key {{ADO_PAT}}
error: Response status code does not indicate success: 401 (Unauthorized).
##[error]Error: The process '/usr/bin/dotnet' failed with exit code 1
##[section]Finishing: Publish to feed""",
], ["##[section]Finishing: Publish to feed"], marker=["##[section]Starting: Publish to feed"])

fam("bitbucket-pipelines-pipe-log", "https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/", [
    """+ pipe: atlassian/aws-s3-deploy:1.6.0
  variables:
    AWS_ACCESS_KEY_ID: '{{AWS_KEY_ID}}'
    AWS_SECRET_ACCESS_KEY: '$$AWS_SECRET_ACCESS_KEY'
✖ Deployment failed: An error occurred (InvalidAccessKeyId) when calling the PutObject operation
Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4""",
], ["AWS_SECRET_ACCESS_KEY: '$$AWS_SECRET_ACCESS_KEY'", "+ pipe: atlassian/aws-s3-deploy:1.6.0"], marker=["+ pipe: atlassian/aws-s3-deploy:1.6.0"])

fam("drone-woodpecker-step-log", "https://woodpecker-ci.org/docs/usage/secrets", [
    """[publish:L1:0s] + docker build -t ${image21} --build-arg NPM_TOKEN={{NPM_TOKEN}} .
[publish:L2:3s] ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1
[publish:L3:3s] exit code 1""",
    """latest: Pulling from plugins/docker
+ /usr/local/bin/docker login -u deploy -p ******** ghcr.io
time="2024-11-07T10:30:11Z" level=fatal msg="Error authenticating: exit status 1" registry=ghcr.io password={{GHP}}""",
], ["+ /usr/local/bin/docker login -u deploy -p ******** ghcr.io"], marker=["[publish:L1:0s] + docker build -t ", "msg=\"Error authenticating: exit status 1\" registry=ghcr.io password="])

fam("github-actions-composite-annotation", "https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions", [
    """Run ./.github/actions/deploy
  with:
    token: ***
    api-url: https://${host22}
::error file=scripts/deploy.sh,line=14::curl -u deploy:{{PASSWORD}} https://${host22}/api/releases returned 401
Error: Process completed with exit code 22.""",
], ["Error: Process completed with exit code 22."], marker=["::error file=scripts/deploy.sh,line=14::curl -u deploy:"])

# --- mobile and desktop builds ------------------------------------------------------------------------------------------

fam("gradle-android-signing-config", "https://developer.android.com/studio/publish/app-signing#secure-shared-keystore", [
    """> Task :app:validateSigningRelease FAILED
Execution failed for task ':app:validateSigningRelease'.
> Keystore file '/builds/${proj22}/app/release.jks' not found for signing config 'release'.
  signingConfigs.release: storePassword={{PASSWORD}}, keyAlias=upload, keyPassword=$${KEY_PASSWORD}
BUILD FAILED in 41s""",
    """> Task :app:packageRelease FAILED
com.android.ide.common.signing.KeytoolException: Failed to read key upload from store "/tmp/upload.jks": Keystore was tampered with, or password was incorrect
  (android.injected.signing.store.password={{PASSWORD}})
* Try:
> Run with --stacktrace option to get the stack trace.""",
], ["keyPassword=$${KEY_PASSWORD}", "BUILD FAILED in 41s"], marker=["  signingConfigs.release: storePassword=", "(android.injected.signing.store.password="])

fam("fastlane-match-and-pilot", "https://docs.fastlane.tools/actions/match/", [
    """[10:41:02]: Cloning remote git repo...
[10:41:02]: If cloning the repo takes too long, you can use the `clone_branch_directly` option in match.
[10:41:03]: $$ git clone https://x-access-token:{{GHP}}@github.com/${proj22}-certificates.git /var/folders/tmp/d20241107
[10:41:04]: Exit status: 128
[!] Error cloning certificates repo, please make sure you have read access to the repository you want to use""",
    """[10:52:19]: Login to App Store Connect (ci@example.com)
[10:52:20]: FASTLANE_PASSWORD={{APPLE_APP_PW}} FASTLANE_SESSION=(not set) SPACESHIP_2FA_SMS_DEFAULT_PHONE_NUMBER={{PHONE_GB_MANCHESTER}}
[10:52:21]: Invalid username and password combination. Used 'ci@example.com' as the username.
fastlane finished with errors""",
], ["fastlane finished with errors", "FASTLANE_SESSION=(not set)"], marker=["[10:41:03]: $ git clone https://x-access-token:", "SPACESHIP_2FA_SMS_DEFAULT_PHONE_NUMBER="])

fam("xcodebuild-export-archive", "https://developer.apple.com/documentation/xcode/distributing-your-app-for-beta-testing-and-releases", [
    """2024-11-07 10:58:31.441 xcodebuild[8821:112044] [MT] IDEDistribution: -[IDEDistributionLogging _createLoggingBundleAtPath:]: Created bundle at path "/var/folders/dk/T/Orders_2024-11-07_10-58-31.440.xcdistributionlogs".
error: exportArchive: No signing certificate "iOS Distribution" found
** EXPORT FAILED **
xcrun altool --upload-app -f Orders.ipa -u ci@example.com -p {{APPLE_APP_PW}} --output-format json""",
], ["** EXPORT FAILED **"], marker=["xcrun altool --upload-app -f Orders.ipa -u ci@example.com -p "])

fam("flutter-build-dart-define", "https://docs.flutter.dev/deployment/flavors", [
    """Running Gradle task 'bundleRelease'...
Command: /builds/${proj22}/android/gradlew -Pdart-defines=QVBJX0tFWT0=,U0VOVFJZX0RTTj0= -Ptarget=lib/main_prod.dart bundleRelease
flutter build appbundle --flavor prod --dart-define=API_KEY={{GCP_API_KEY}} --dart-define=ENV=prod
Gradle task bundleRelease failed with exit code 1""",
    """Error: The getter 'stripeKey' isn't defined for the class 'Env'.
 - 'Env' is from 'package:orders/env.g.dart' ('lib/env.g.dart').
lib/env.g.dart:7:  static const publishableKey = '{{STRIPE_RK}}';
Target kernel_snapshot failed: Exception""",
], ["Gradle task bundleRelease failed with exit code 1"], marker=["flutter build appbundle --flavor prod --dart-define=API_KEY=", "Target kernel_snapshot failed: Exception"])

fam("react-native-metro-env", "https://reactnative.dev/docs/debugging", [
    """ BUNDLE  ./index.js
 LOG  [config] {"API_URL": "https://${host22}", "SENTRY_AUTH_TOKEN": "{{SENTRY_ORG_TOKEN}}", "CODEPUSH_KEY": "${uuid}"}
 ERROR  Error: Network request failed
    at anonymous (http://${privip}:8081/index.bundle?platform=android&dev=true:32882:33)""",
], [" ERROR  Error: Network request failed"], marker=[" LOG  [config] {\"API_URL\": \"https://"])

fam("electron-builder-codesign", "https://www.electron.build/code-signing", [
    """  • electron-builder  version=24.13.3 os=10.0.22631
  • signing         file=dist\\win-unpacked\\Orders.exe certificateFile=build\\cert.pfx
  ⨯ cannot execute  cause=exit status 1
                    errorOut=SignTool Error: The specified PFX password is not correct.
                    command='C:\\Program Files (x86)\\Windows Kits\\10\\bin\\10.0.22621.0\\x64\\signtool.exe' sign /f build\\cert.pfx /p {{PASSWORD}} /tr http://timestamp.digicert.com /td sha256 /fd sha256 dist\\win-unpacked\\Orders.exe""",
    """  • notarizing      appPath=dist/mac-arm64/Orders.app
  ⨯ Failed to notarize via notarytool: Error: HTTP status code: 401. Invalid credentials. (APPLE_ID=ci@example.com APPLE_APP_SPECIFIC_PASSWORD={{APPLE_APP_PW}} APPLE_TEAM_ID=Q7K2M9X4LP)""",
], ["errorOut=SignTool Error: The specified PFX password is not correct."], marker=["errorOut=SignTool Error: The specified PFX password is not correct.", "⨯ Failed to notarize via notarytool: Error: HTTP status code: 401."])

fam("expo-eas-build-env", "https://docs.expo.dev/build-reference/variables/", [
    """[SETUP_WORKINGDIR] Environment variables loaded from the "production" build profile: APP_VARIANT, SENTRY_DSN, EXPO_PUBLIC_API_URL
[INSTALL_DEPENDENCIES] npm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/@acme%2fdesign - authentication token {{GHP}} not provided
Build failed: npm exited with non-zero code: 1""",
], ["Build failed: npm exited with non-zero code: 1"], marker=["[INSTALL_DEPENDENCIES] npm ERR! 401 Unauthorized"])

# --- secrets managers and config tools on error ---------------------------------------------------------------------------

fam("vault-cli-error-wrapped", "https://developer.hashicorp.com/vault/docs/commands", [
    """Error writing data to secret/data/ci/orders: Error making API request.

URL: PUT https://vault.example.com:8200/v1/secret/data/ci/orders
Code: 403. Errors:

* permission denied
$$ vault kv put secret/ci/orders db_password={{PASSWORD}} stripe_key={{STRIPE_SK}}""",
    """$$ VAULT_TOKEN={{VAULT}} vault login -method=userpass username=ci password=<password>
Error authenticating: Error making API request.
Code: 400. Errors:
* invalid username or password""",
], ["Code: 403. Errors:", "* permission denied"], marker=["$ vault kv put secret/ci/orders db_password=", "vault login -method=userpass username=ci password=<password>"])

fam("sops-decrypt-failure", "https://github.com/getsops/sops#usage", [
    """Failed to get the data key required to decrypt the SOPS file.

Group 0: FAILED
  age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqysq6mhx: FAILED
    - | failed to load age identities: failed to parse 'SOPS_AGE_KEY' age identities:
      | malformed secret key: {{AGE_SECRET_KEY}}
Recovery failed because no master key was able to decrypt the file.""",
], ["Recovery failed because no master key was able to decrypt the file."], marker=["| malformed secret key: "])

fam("doppler-cli-run-debug", "https://docs.doppler.com/docs/cli", [
    """$$ doppler run --debug --project orders --config ci -- npm test
Using config file /home/runner/.doppler/.doppler.yaml
Using token from environment variable DOPPLER_TOKEN: dp.st.ci.{{ALNUM24}}
Unable to fetch secrets
Doppler Error: This token does not have access to requested project 'orders'""",
], ["Doppler Error: This token does not have access to requested project 'orders'"], marker=["Using token from environment variable DOPPLER_TOKEN: dp.st."])

fam("onepassword-cli-inject", "https://developer.1password.com/docs/cli/secrets-config-files/", [
    """$$ op inject -i .env.tpl -o .env
[ERROR] 2024/11/07 11:12:40 could not resolve item UUID for item "op://CI/Stripe/credential": service account token {{HEX40}} does not have access to vault "CI"
DATABASE_URL=op://CI/Postgres/url
STRIPE_KEY={{STRIPE_SK}}""",
], ["DATABASE_URL=op://CI/Postgres/url"], marker=["could not resolve item UUID for item \"op://CI/Stripe/credential\""])

fam("chamber-exec-env-debug", "https://github.com/segmentio/chamber", [
    """$$ chamber exec orders-api -- env | sort
AWS_REGION=${awsreg21}
DATABASE_PASSWORD={{PASSWORD}}
JWT_SIGNING_KEY={{B64_SECRET}}
chamber: Failed to list store contents: AccessDeniedException: User: arn:aws:sts::${account12}:assumed-role/ci/runner is not authorized to perform: ssm:GetParametersByPath""",
], ["is not authorized to perform: ssm:GetParametersByPath"], marker=["$ chamber exec orders-api -- env | sort"])

fam("dotenv-debug-loader", "https://github.com/motdotla/dotenv#debug", [
    """[dotenv@16.4.5][DEBUG] "DATABASE_URL" is already defined and was NOT overwritten
[dotenv@16.4.5][DEBUG] "STRIPE_SECRET_KEY" = "{{STRIPE_SK}}" (from .env.test)
[dotenv@16.4.5][INFO] injecting env (14) from .env.test""",
    """Python-dotenv could not parse statement starting at line 7
  7 | SENDGRID_API_KEY = "{{SENDGRID}}
  8 | MAIL_FROM=noreply@example.com""",
], ["[dotenv@16.4.5][INFO] injecting env (14) from .env.test", "Python-dotenv could not parse statement starting at line 7"], marker=["\" (from .env.test)", "Python-dotenv could not parse statement starting at line 7"])

fam("aws-secretsmanager-cli-error", "https://docs.aws.amazon.com/cli/latest/reference/secretsmanager/get-secret-value.html", [
    """$$ aws secretsmanager create-secret --name ci/orders/db --secret-string '{"username":"${dbuser}","password":"{{PASSWORD}}","host":"${dbhost}"}'
An error occurred (ResourceExistsException) when calling the CreateSecret operation: The operation failed because the secret ci/orders/db already exists.""",
], ["when calling the CreateSecret operation: The operation failed because the secret ci/orders/db already exists."], marker=["An error occurred (ResourceExistsException) when calling the CreateSecret operation"])

# --- output full of strings that look like secrets and are not ------------------------------------------------------------

fam("psql-usage-bad-flag", "https://www.postgresql.org/docs/current/app-psql.html", [
    """psql: error: unrecognized option '--pasword'
Try "psql --help" for more information.
  -W, --password           force password prompt (should happen automatically)
  psql "postgresql://${dbuser}:PASSWORD@${dbhost}:${pgport}/${db}"   (example; the real one is in $$PGPASSFILE)
Error: Process completed with exit code 2.""",
    """+ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -v ON_ERROR_STOP=1 -f db/seed.sql
psql:db/seed.sql:12: ERROR:  relation "plans" does not exist
LINE 1: INSERT INTO plans (id, name) VALUES ('${uuid}', 'pro');""",
], ["-W, --password           force password prompt (should happen automatically)", "Try \"psql --help\" for more information."], marker=["psql: error: unrecognized option '--pasword'", "-v ON_ERROR_STOP=1 -f db/seed.sql"])

fam("mysql-client-usage-placeholders", "https://dev.mysql.com/doc/refman/8.0/en/connecting.html", [
    """mysql: [Warning] Using a password on the command line interface can be insecure.
ERROR 1045 (28000): Access denied for user '${dbuser}'@'${privip}' (using password: YES)
+ mysql -h ${mysqlhost} -P ${myport} -u ${dbuser} -p{{PASSWORD}} shop < db/schema.sql""",
    """Usage: mysqldump [OPTIONS] database [tables]
  -p, --password[=name]   Password to use when connecting to server. If password is not given it's solicited on the tty.
  example: mysqldump -u <user> -p<password> --single-transaction shop > shop.sql
mysqldump: Got error: 2005: Unknown MySQL server host '${mysqlhost}' (-2) when trying to connect""",
], ["mysql: [Warning] Using a password on the command line interface can be insecure."], marker=["shop < db/schema.sql", "example: mysqldump -u <user> -p<password> --single-transaction shop > shop.sql"])

fam("helm-values-placeholders-lint", "https://helm.sh/docs/helm/helm_lint/", [
    """==> Linting charts/${svc22}
[INFO] Chart.yaml: icon is recommended
[ERROR] templates/secret.yaml: unable to parse YAML: error converting YAML to JSON: yaml: line 7: could not find expected ':'
  password: {{ .Values.db.password | b64enc | quote }}
  apiKey: "{{ required "apiKey is required" .Values.apiKey }}"
Error: 1 chart(s) linted, 1 chart(s) failed""",
], ["Error: 1 chart(s) linted, 1 chart(s) failed", "password: {{ .Values.db.password | b64enc | quote }}"], marker=["apiKey: \"{{ required \"apiKey is required\" .Values.apiKey }}\""])

fam("dotnet-test-trx-versions", "https://learn.microsoft.com/en-us/dotnet/core/tools/dotnet-test", [
    """Test run for /src/tests/bin/Release/net8.0/Acme.Orders.Tests.dll (.NETCoreApp,Version=v8.0)
VSTest version 17.11.1 (x64)
Microsoft (R) Test Execution Command Line Tool Version 17.11.1 (x64)
Results File: /src/tests/TestResults/_runner-7f2_2024-11-07_11_34_02.trx
Failed!  - Failed:     1, Passed:   288, Skipped:     2, Total:   291, Duration: 14 s - Acme.Orders.Tests.dll (net8.0)
  ConnectionStrings__Default=Host=${dbhost};Port=${pgport};Database=${db};Username=${dbuser};Password={{PASSWORD}}""",
], ["Microsoft (R) Test Execution Command Line Tool Version 17.11.1 (x64)"], marker=["Results File: /src/tests/TestResults/_runner-7f2_"])

fam("gh-cli-secret-set-usage", "https://cli.github.com/manual/gh_secret_set", [
    """$$ gh secret set NPM_TOKEN --body {{NPM_TOKEN}} --repo ${proj22} --env prodution
HTTP 404: Not Found (https://api.github.com/repos/${proj22}/environments/prodution/secrets/public-key)
Usage:  gh secret set <secret-name> [flags]
  -b, --body string   The value for the secret (reads from standard input if not specified)""",
], ["Usage:  gh secret set <secret-name> [flags]", "-b, --body string   The value for the secret (reads from standard input if not specified)"], marker=["/environments/prodution/secrets/public-key)"])

fam("git-log-sha-tags-keep", "https://git-scm.com/docs/git-describe", [
    """+ git describe --tags --long --dirty
v${ver22}-14-g${sha7}-dirty
+ git rev-parse HEAD
${sha}
+ git remote set-url origin https://oauth2:{{GLPAT}}@gitlab.example.com/${proj22}.git
fatal: Authentication failed for 'https://gitlab.example.com/${proj22}.git/'""",
], ["+ git describe --tags --long --dirty"], marker=["+ git describe --tags --long --dirty"])

fam("maven-settings-placeholders", "https://maven.apache.org/settings.html#servers", [
    """[WARNING] Some problems were encountered while building the effective settings
[WARNING] Unrecognised tag: 'passwrod' (position: START_TAG seen ...<username>$${env.NEXUS_USER}</username>\\n      <passwrod>... @11:17)  @ /home/runner/.m2/settings.xml, line 11, column 17
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:3.1.2:deploy (default-deploy) on project orders-api: status code: 401, reason phrase: Unauthorized (401)
  <server><id>nexus</id><username>deployer</username><password>{{PASSWORD}}</password></server>""",
], ["[WARNING] Some problems were encountered while building the effective settings"], marker=["[WARNING] Unrecognised tag: 'passwrod'"])

# --- output the tools localise, in languages the twenty-one never use -------------------------------------------------------

fam("django-gujarati-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/", [
    """FAIL: test_signup_rejects_weak_password (accounts.tests.SignupTests)
AssertionError: 'પાસવર્ડ ખૂબ સામાન્ય છે.' not found in ['આ ફીલ્ડ જરૂરી છે.']
POST data: {'email': '{{EMAIL}}', 'password1': '{{PASSWORD}}', 'phone': '{{PHONE_IN_MUMBAI}}'}
Ran 48 tests in 3.114s
FAILED (failures=1)""",
], ["FAILED (failures=1)", "'પાસવર્ડ ખૂબ સામાન્ય છે.' not found in ['આ ફીલ્ડ જરૂરી છે.']"], marker=["'પાસવર્ડ ખૂબ સામાન્ય છે.' not found in"])

fam("laravel-punjabi-validation", "https://laravel.com/docs/11.x/localization", [
    """   FAILED  Tests\\Feature\\RegisterTest > it rejects a taken email
  Session has unexpected errors:
  {"email":["ਈਮੇਲ ਪਹਿਲਾਂ ਹੀ ਲਈ ਜਾ ਚੁੱਕੀ ਹੈ।"],"password":["ਪਾਸਵਰਡ ਘੱਟੋ-ਘੱਟ 12 ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ।"]}
  Request: {"email":"{{EMAIL}}","password":"{{PASSWORD}}","ਫ਼ੋਨ":"{{PHONE_PK_KARACHI}}"}
  Tests:    1 failed, 96 passed (311 assertions)""",
], ["Session has unexpected errors:", "\"ਪਾਸਵਰਡ ਘੱਟੋ-ਘੱਟ 12 ਅੱਖਰਾਂ ਦਾ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ।\""], marker=["ਪਾਸਵਰਡ ਘੱਟੋ-ਘੱਟ 12 ਅੱਖਰਾਂ"])

fam("rails-kannada-flash-and-params", "https://guides.rubyonrails.org/i18n.html", [
    """Started POST "/users/sign_in" for ${privip} at 2024-11-07 11:52:10 +0530
Processing by Users::SessionsController#create as HTML
  Parameters: {"user"=>{"email"=>"{{EMAIL}}", "password"=>"[FILTERED]"}, "ದೂರವಾಣಿ"=>"{{PHONE_IN_MUMBAI}}"}
  ಅಮಾನ್ಯ ಇಮೇಲ್ ಅಥವಾ ಪಾಸ್‌ವರ್ಡ್.
Completed 401 Unauthorized in 212ms (ActiveRecord: 4.1ms | Allocations: 18822)""",
], ["Processing by Users::SessionsController#create as HTML", "ಅಮಾನ್ಯ ಇಮೇಲ್ ಅಥವಾ ಪಾಸ್‌ವರ್ಡ್."], marker=["ಅಮಾನ್ಯ ಇಮೇಲ್ ಅಥವಾ ಪಾಸ್‌ವರ್ಡ್."])

fam("spring-malayalam-messages", "https://docs.spring.io/spring-boot/reference/features/internationalization.html", [
    """2024-11-07T12:01:44.118+05:30  WARN 1 --- [orders-api] [nio-8080-exec-3] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.bind.MethodArgumentNotValidException: പാസ്‌വേഡ് സാധുവല്ല: rejected value [{{PASSWORD}}]]
  ഉപയോക്താവ്: {{EMAIL}}, ഫോൺ: {{PHONE_IN_MUMBAI}}
2024-11-07T12:01:44.121+05:30 ERROR 1 --- [orders-api] [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : പിശക്: Servlet.service() failed""",
], ["Servlet.service() failed"], marker=["പാസ്‌വേഡ് സാധുവല്ല: rejected value ["])

fam("postgres-sinhala-auth-failure", "https://www.postgresql.org/docs/current/locale.html", [
    """psql: දෝෂය: පරිශීලක "${dbuser}" සඳහා මුරපද සත්‍යාපනය අසාර්ථක විය
  connection string: host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} password={{PASSWORD}} sslmode=require
Error: Process completed with exit code 2.""",
], ["Error: Process completed with exit code 2."], marker=["සඳහා මුරපද සත්‍යාපනය අසාර්ථක විය"])

fam("symfony-lao-security-log", "https://symfony.com/doc/current/translation.html", [
    """[2024-11-07T12:10:22.004+07:00] security.INFO: ຂໍ້ຜິດພາດ: ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ {"username":"{{EMAIL}}","password":"{{PASSWORD}}","firewall":"main"} []
[2024-11-07T12:10:22.006+07:00] request.INFO: Matched route "app_login". {"route":"app_login","route_parameters":{"_route":"app_login"},"request_uri":"https://${host22}/login","method":"POST"} []""",
], ["request.INFO: Matched route \"app_login\"."], marker=["security.INFO: ຂໍ້ຜິດພາດ: ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ {\"username\":"])

fam("express-burmese-validation-log", "https://express-validator.github.io/docs/", [
    """{"level":"warn","msg":"စကားဝှက် မမှန်ကန်ပါ","errors":[{"type":"field","value":"{{PASSWORD}}","msg":"အနည်းဆုံး စာလုံး ၁၂ လုံး လိုအပ်သည်","path":"password","location":"body"}],"email":"{{EMAIL}}"}
POST /api/register 422 9.812 ms - 214""",
], ["POST /api/register 422 9.812 ms - 214", "\"path\":\"password\",\"location\":\"body\"}]"], marker=["\"msg\":\"စကားဝှက် မမှန်ကန်ပါ\""])

fam("django-amharic-admin-log", "https://docs.djangoproject.com/en/5.0/ref/contrib/admin/", [
    """WARNING 2024-11-07 12:20:41,338 log Unauthorized: /admin/login/
ስህተት: ትክክለኛ የተጠቃሚ ስም እና የይለፍ ቃል ያስገቡ።
  username='{{EMAIL}}' password='{{PASSWORD}}' csrfmiddlewaretoken='{{CSRF_TOKEN}}'
"POST /admin/login/?next=/admin/ HTTP/1.1" 200 4311""",
], ["WARNING 2024-11-07 12:20:41,338 log Unauthorized: /admin/login/"], marker=["ስህተት: ትክክለኛ የተጠቃሚ ስም እና የይለፍ ቃል ያስገቡ።"])

fam("rails-irish-mailer-error", "https://guides.rubyonrails.org/action_mailer_basics.html", [
    """Earráid: Net::SMTPAuthenticationError: 535 5.7.8 Username and Password not accepted
  Úsáideoir: {{EMAIL}}  Pasfhocal: {{PASSWORD}}
  smtp_settings: {:address=>"smtp.example.com", :port=>587, :user_name=>"{{EMAIL}}", :password=>"[FILTERED]"}
Performed ActionMailer::MailDeliveryJob (Job ID: ${uuid}) from Async(default) in 1211.8ms""",
], ["Earráid: Net::SMTPAuthenticationError: 535 5.7.8 Username and Password not accepted"], marker=["Úsáideoir: "])

fam("laravel-maltese-queue-failure", "https://laravel.com/docs/11.x/queues#dealing-with-failed-jobs", [
    """  2024-11-07 12:31:02 App\\Jobs\\SyncCustomer ......................... 211.02ms FAIL
Żball: il-kelma sigrieta għal {{EMAIL}} mhix korretta (mobile {{PHONE_GB_MANCHESTER}}, IBAN {{IBAN}})
   Illuminate\\Http\\Client\\RequestException  HTTP request returned status code 401:
  {"error":"invalid_token","token":"{{HUBSPOT_PAT}}"}""",
], ["HTTP request returned status code 401:"], marker=["Żball: il-kelma sigrieta għal "])

fam("nestjs-malay-auth-log", "https://docs.nestjs.com/security/authentication", [
    """[Nest] 31  - 07/11/2024, 12:40:12 PM    WARN [AuthService] Ralat: kata laluan tidak sah untuk {{EMAIL}} (telefon {{PHONE_ID_SURABAYA}})
[Nest] 31  - 07/11/2024, 12:40:12 PM   ERROR [AuthController] UnauthorizedException: Unauthorized (token={{JWT}})
    at AuthService.validateUser (/app/dist/auth/auth.service.js:41:19)""",
], ["at AuthService.validateUser (/app/dist/auth/auth.service.js:41:19)"], marker=["Ralat: kata laluan tidak sah untuk "])

fam("django-zulu-test-failure", "https://docs.djangoproject.com/en/5.0/topics/testing/overview/", [
    """FAIL: test_reset_email (accounts.tests.PasswordResetTests)
AssertionError: 'Iphasiwedi yakho isethwe kabusha' not found in 'Sawubona, chofoza lapha: https://${host22}/reset/MQ/{{ALNUM24}}/'
  Iphutha: i-imeyili {{EMAIL}} ayitholakalanga
Ran 12 tests in 0.912s""",
], ["Ran 12 tests in 0.912s"], marker=["AssertionError: 'Iphasiwedi yakho isethwe kabusha' not found in"])

# --- personal data in the places these tools print it -----------------------------------------------------------------------

fam("pytest-parametrize-tax-ids", "https://docs.pytest.org/en/stable/how-to/parametrize.html", [
    """${pyfile22}::test_invoice_vat_id[tw-ubn] FAILED
E       AssertionError: assert False
E        +  where False = is_valid_vat('TW', '{{UBN_TW}}')
E        +    where '{{UBN_TW}}' = Invoice(buyer='Globex Taiwan Ltd', buyer_phone='{{PHONE_TW_TAIPEI}}').vat_id
FAILED ${pyfile22}::test_invoice_vat_id[tw-ubn] - AssertionError: assert False""",
    """${pyfile22}::test_contractor_tax_id[ua-rnokpp] FAILED
E       ValueError: invalid RNOKPP '{{RNOKPP_UA}}' for contractor {'name': 'ТОВ Приклад', 'phone': '{{PHONE_UA_KYIV}}'}
FAILED ${pyfile22}::test_contractor_tax_id[ua-rnokpp] - ValueError: invalid RNOKPP""",
], [], marker=["E        +  where False = is_valid_vat('TW', '", "E       ValueError: invalid RNOKPP '"])

fam("stripe-tax-id-api-error", "https://docs.stripe.com/billing/customer/tax-ids", [
    """StripeInvalidRequestError: Invalid value for tw_vat: {{UBN_TW}}. It should look like 12345678.
    at StripeError.generate (/app/node_modules/stripe/cjs/Error.js:10:20)
  requestId: 'req_${alnum14}', statusCode: 400, param: 'value', customer: { email: '{{EMAIL}}', phone: '{{PHONE_TW_TAIPEI}}' }""",
], ["It should look like 12345678."], marker=["Invalid value for tw_vat: "])

fam("jest-fixture-contractor-ua", "https://jestjs.io/docs/expect#tomatchobjectobject", [
    """  ● Contractors › exports the tax id

    expect(received).toMatchObject(expected)

    - Expected  - 1
    + Received  + 1

      Object {
    -   "taxId": "**********",
    +   "taxId": "{{RNOKPP_UA}}",
        "phone": "{{PHONE_UA_KYIV}}",
      }""",
], ["expect(received).toMatchObject(expected)", "-   \"taxId\": \"**********\","], marker=["-   \"taxId\": \"**********\","])

fam("rspec-factory-city-phones", "https://github.com/thoughtbot/factory_bot/blob/main/GETTING_STARTED.md", [
    """  1) Branch#phone_e164 normalises city numbers
     Failure/Error: expect(branch.phone_e164).to eq(branch.phone.delete(" -"))
       expected: "{{PHONE_DE_MUNICH}}"
            got: "{{PHONE_FR_LYON}}"
     # ./spec/models/branch_spec.rb:18:in `block (3 levels) in <top (required)>'""",
    """     Failure/Error: expect(offices.map(&:phone)).to contain_exactly("{{PHONE_ES_MADRID}}", "{{PHONE_IT_MILAN}}")
       expected collection contained:  ["{{PHONE_ES_MADRID}}", "{{PHONE_IT_MILAN}}"]
       actual collection contained:    ["{{PHONE_ES_MADRID}}"]
       the missing elements were:      ["{{PHONE_IT_MILAN}}"]""",
], [], marker=["expect(branch.phone_e164).to eq(branch.phone.delete(\" -\"))", "the missing elements were:      [\""])

fam("twilio-lookup-sdk-debug", "https://www.twilio.com/docs/lookup/v2-api", [
    """-- BEGIN Twilio API Request --
GET Request: https://lookups.twilio.com/v2/PhoneNumbers/{{PHONE_BR_RIO_E164}}?Fields=line_type_intelligence
Headers:
User-Agent : twilio-python/9.3.6 (Linux x86_64) Python/3.12.7
-- END Twilio API Request --
Response Status Code: 401 (Authenticate: {{TWILIO_SID}}:{{TWILIO_AUTH}})""",
], ["-- END Twilio API Request --"], marker=["GET Request: https://lookups.twilio.com/v2/PhoneNumbers/"])

fam("sentry-user-context-city-phones", "https://docs.sentry.io/platforms/javascript/enriching-events/identify-user/", [
    """Sentry Logger [debug]: Setting user context: { id: '${uuid}', email: '{{EMAIL}}', phone: '{{PHONE_JP_TOKYO}}', mobile: '{{PHONE_BR_RIO}}', segment: 'enterprise' }
Sentry Logger [warn]: Discarded session because of missing or non-string release""",
    """Sentry Logger [debug]: Setting user context: { id: '${uuid}', phone: '{{PHONE_CA_TORONTO}}', billing_phone: '{{PHONE_AU_SYDNEY}}' }
Sentry Logger [warn]: Discarded session because of missing or non-string release""",
], ["Sentry Logger [warn]: Discarded session because of missing or non-string release"], marker=["Sentry Logger [debug]: Setting user context: { id: '"])

fam("phpunit-data-provider-phones", "https://docs.phpunit.de/en/11.0/writing-tests-for-phpunit.html#data-providers", [
    """1) Tests\\Unit\\PhoneFormatterTest::testFormatsE164 with data set "mexico-guadalajara" ('{{PHONE_MX_GDL}}', '+523300000000')
Failed asserting that '{{PHONE_MX_GDL}}' matches expected '+523300000000'.
/app/tests/Unit/PhoneFormatterTest.php:31""",
    """2) Tests\\Unit\\PhoneFormatterTest::testFormatsE164 with data set "vietnam-hanoi" ('{{PHONE_VN_HANOI}}', '+842400000000')
Failed asserting that '{{PHONE_VN_HANOI}}' matches expected '+842400000000'.
/app/tests/Unit/PhoneFormatterTest.php:31""",
], ["/app/tests/Unit/PhoneFormatterTest.php:31"], marker=["with data set \"mexico-guadalajara\" ('", "with data set \"vietnam-hanoi\" ('"])

fam("go-test-table-phones", "https://go.dev/wiki/TableDrivenTests", [
    """--- FAIL: TestNormalize/philippines_manila (0.00s)
    normalize_test.go:44: Normalize("{{PHONE_PH_MANILA}}") = "", want "+6320000000"
--- FAIL: TestNormalize/thailand_bangkok (0.00s)
    normalize_test.go:44: Normalize("{{PHONE_TH_BANGKOK}}") = "", want "+662000000"
FAIL""",
    """--- FAIL: TestNormalize/egypt_cairo (0.00s)
    normalize_test.go:44: Normalize("{{PHONE_EG_CAIRO}}") = "", want "+2020000000"
--- FAIL: TestNormalize/nigeria_lagos (0.00s)
    normalize_test.go:44: Normalize("{{PHONE_NG_LAGOS}}") = "", want "+23410000000"
FAIL""",
], [], marker=["--- FAIL: TestNormalize/philippines_manila (0.00s)", "--- FAIL: TestNormalize/egypt_cairo (0.00s)"])

