# The seventeenth collection (session 21, corpus17): the clean measure of this stop, written blind (no rule writer reads
# it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to sixteenth, its families come
# from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, here those the sixteen
# collections touch least: language runtimes' object dumps in failures (Lombok's @ToString, Java records, C# records,
# Python dataclasses and pydantic, Go's %#v and %+v, Elixir's inspect of Ecto schemas, Ruby's Struct#inspect, Swift's
# dump(), Dart's toString, PHP's print_r, Rust's {:#?}), assertion libraries' diffs (Jest's matchers, power-assert,
# Shouldly, PHPUnit, Hamcrest, Truth, testify, Kotest, FluentAssertions), CI systems' logs (GitHub Actions, GitLab CI,
# Jenkins, Buildkite, Bitbucket Pipelines, Azure Pipelines), cloud CLIs and IaC (the AWS CLI's --debug, botocore, gcloud,
# az, Terraform, Helm, the Serverless Framework, SAM), mobile and front-end build and test tools (xcodebuild, fastlane,
# Appium, Android's instrumentation through Gradle and ddmlib, Flutter, Vite, webpack, NextAuth under Next.js, Nitro
# under Nuxt, the Angular CLI, Storybook's test runner), message brokers and queues (pika, RabbitMQ's management API,
# the NATS Java and Python clients, SQS, Pub/Sub in Python and Node, Celery, Sidekiq, BullMQ, Resque, Azure Service Bus,
# Kafka's CLI) and output those tools localise (PostgreSQL in Turkish, Russian, Chinese, Korean, Czech and Portuguese,
# MySQL in Spanish and Italian, Hibernate Validator in Spanish, Portuguese, Korean and Chinese, Symfony in Italian,
# Django in Czech and Russian, Laravel in Turkish), each in a MESSAGE SHAPE none of the sixteen collections has (checked
# by a script that looks for a fixed part of each shape, the `marker` below, in every failure-output*.jsonl and
# outside-mainstream-2.txt, -3.txt and -4.txt, case-insensitively and JSON-escaped; candidates found there were dropped
# before writing). Secrets are planted where those tools print them: DSNs and connection strings (host, port, database
# and user kept), headers, command lines, env and config dumps, SDK debug output, cookies, JSON log fields and object
# fields named token, password, apiKey or secret. Personal data of countries and territories none of the sixteen has
# (Tuvalu, the Cook Islands, Niue, Guam, the Northern Mariana Islands, American Samoa, Puerto Rico, the US and British
# Virgin Islands, Anguilla, Montserrat, the Turks and Caicos Islands, Sint Maarten, Guernsey, the Falkland Islands,
# Saint Helena, Guadeloupe, Martinique, French Guiana, Mayotte, Saint Pierre and Miquelon, Wallis and Futuna: phones as
# they write them) and national and business numbers no collection has (France's NIR, Australia's ACN, Russia's OGRN,
# Turkey's VKN, Ukraine's EDRPOU code) with VALID check digits (SeventeenthIds.java). Each family names the public page
# its shape was learnt from; nothing was copied and every value is invented. Same template language as the earlier
# collections. Split like the sixth to sixteenth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3),
# fixed before any rule ran, not redrawn.

from families16 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "ghaction": ["docker/login-action@v3", "actions/github-script@v7", "aws-actions/configure-aws-credentials@v4"],
    "kpkg": ["com.acme.orders", "io.globex.billing", "net.initech.crm"],
    "csns": ["Acme.Orders.Api", "Globex.Billing.Worker", "Initech.Crm.Web"],
    "pyapp": ["orders_api", "billing", "crm_sync"],
    "gomodpath": ["github.com/acme/orders/internal/config", "github.com/globex/billing/pkg/client", "github.com/initech/crm/internal/store"],
    "exapp17": ["Shop", "Billing", "Crm"],
    "swiftmod": ["ShopApp", "GlobexWallet", "InitechPortal"],
    "dartpkg17": ["acme_shop", "globex_wallet", "initech_portal"],
    "phpns": ["App\\Models", "App\\Entity", "Domain\\Customer"],
    "ghrepo": ["acme/orders-api", "globex/checkout-web", "initech/crm-mobile"],
    "ghrunner": ["GitHub Actions 12", "ubuntu-22.04-4core_a1b2c3", "runner-eu-west-7"],
    "glrunner": ["#41 (x7kqpz3m)", "#87 (s9d2fhq1)", "#12 (b4n8w0ce)"],
    "jstage": ["Build", "Integration tests", "Deploy to staging"],
    "credid": ["github-ci-app", "bitbucket-deploy-key", "gitlab-ci-token"],
    "bkstep": ["rspec", "jest", "pytest"],
    "bbimage": ["atlassian/default-image:4", "node:20-bullseye", "python:3.12-slim"],
    "adotask": ["DotNetCoreCLI (2.231.0)", "Npm (1.238.1)", "AzureCLI (2.238.1)"],
    "awscmd": ["sqs send-message", "s3 cp", "sts get-caller-identity"],
    "tfstatekey": ["orders/prod/terraform.tfstate", "billing/staging/terraform.tfstate", "network/eu-west-1/terraform.tfstate"],
    "tfbackendbucket": ["acme-tf-state", "globex-terraform-state", "initech-iac-state"],
    "slsfn": ["createOrder", "stripeWebhook", "sendReceipt"],
    "lambdahandler": ["app.lambda_handler", "handlers/orders.create", "src/webhook.handler"],
    "xcscheme": ["ShopApp", "GlobexWallet", "InitechPortal"],
    "fllane": ["beta", "release", "tests"],
    "appiumcap": ["com.acme.shop", "io.globex.wallet", "net.initech.portal"],
    "avdserial": ["emulator-5554", "emulator-5556", "R58M42XKZ1A"],
    "fluttertest": ["test/widgets/login_form_test.dart", "test/api/customer_repository_test.dart", "integration_test/checkout_test.dart"],
    "vitefile": ["src/pages/Checkout.vue", "src/routes/account/+page.svelte", "src/components/LoginForm.tsx"],
    "viteproxy": ["/api/orders", "/api/auth/session", "/graphql"],
    "nextprovider": ["credentials", "keycloak", "github"],
    "nitroroute": ["/api/orders", "/api/auth/login", "/api/customers/me"],
    "ngproj": ["shop-admin", "customer-portal", "checkout-app"],
    "sbstory": ["forms-login--filled", "checkout-payment--valid-card", "account-profile--default"],
    "sbport": ["6006", "6007"],
    "sqsqueue17": ["orders-inbound", "email-outbox.fifo", "billing-dlq"],
    "pubsubsub": ["orders-created-sub", "customer-updates-worker", "invoice-events-pull"],
    "celerytask": ["orders.tasks.sync_customer", "billing.tasks.send_invoice", "crm.tasks.push_contact"],
    "sidekiqjob": ["SyncCustomerJob", "InvoiceMailerJob", "WebhookDeliveryJob"],
    "bullq": ["emails", "invoices", "webhooks"],
    "resquejob": ["SyncCustomer", "InvoicePdf", "WebhookRelay"],
    "sbqueue17": ["orders-inbound", "email-outbox", "invoice-events"],
    "kafkabroker": ["b-1.orders.kafka.eu-west-1.amazonaws.com:9096", "kafka-0.kafka-headless.streaming.svc.cluster.local:9093", "pkc-4r297.europe-west1.gcp.confluent.cloud:9092"],
    "natsurl": ["nats://nats-0.nats.messaging.svc.cluster.local:4222", "tls://connect.ngs.global:4222", "nats://10.0.4.17:4222"],
    "mqmgmt": ["rabbitmq.queue.acme.net:15672", "mq-0.rabbitmq.messaging.svc.cluster.local:15672", "10.0.4.17:15672"],
    "pgdbloc": ["siparisler", "zakazy", "dingdan"],
    "mysqlhost": ["mysql-0.mysql.data.svc.cluster.local", "db-primary.acme.net", "10.0.4.17"],
    "kotestspec": ["CustomerServiceTest", "TokenStoreSpec", "CheckoutApiTest"],
    "shouldlytest": ["Acme.Orders.Tests.HeaderTests.Sends_api_key", "Globex.Billing.Tests.ClientTests.Adds_auth_header"],
    "trutharg": ["request.headers()", "client.defaultHeaders()", "captured.getHeaders()"],
    "hamtest": ["com.acme.orders.CustomerServiceTest.savesContact", "com.globex.billing.ClientTest.sendsHeaders", "net.initech.crm.ImportTest.keepsPhone"],
    "phptest": ["Tests\\Unit\\CustomerFactoryTest::testBuildsCustomer", "Tests\\Feature\\WebhookPayloadTest::testPayloadMatches"],
    "gotestname": ["TestLoadConfig", "TestNewClient_UsesToken", "TestParseDSN"],
    "gofile17": ["config_test.go", "client_test.go", "dsn_test.go"],
    "rsstruct": ["AppConfig", "Settings", "ClientConfig"],
    "rsfile": ["src/config.rs", "src/client.rs", "tests/integration.rs"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- Language runtimes' object dumps in failures -------------------------------------------------------------------------

fam("lombok-tostring-call-super", "https://projectlombok.org/features/ToString; https://docs.spring.io/spring-boot/reference/features/logging.html", [
    """2024-06-01T12:04:17.311Z DEBUG 1 --- [nio-8080-exec-3] ${kpkg}.service.CustomerService      : Saving CustomerDto(super=BaseDto(id=${num}, createdAt=2024-06-01T12:04:17Z), email={{EMAIL}}, phone={{PHONE_GU}}, apiKey={{API_KEY}}, active=true)
2024-06-01T12:04:17.340Z ERROR 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "customers_email_key\"""",
    """org.opentest4j.AssertionFailedError: expected: <PaymentRequest(super=ApiRequest(traceId=${tracehex}), cardNumber={{CARD}}, secret={{STRIPE_SK}}, amount=4200)> but was: <PaymentRequest(super=ApiRequest(traceId=${tracehex}), cardNumber=null, secret=null, amount=4200)>
	at ${kpkg}.payment.PaymentClientTest.buildsRequest(PaymentClientTest.java:${line})""",
], ["DEBUG 1 --- [nio-8080-exec-3] ${kpkg}.service.CustomerService", ": Saving CustomerDto(super=BaseDto(id=${num}, createdAt=2024-06-01T12:04:17Z), email=", "active=true)", "ERROR 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper", "ERROR: duplicate key value violates unique constraint \"customers_email_key\"", "org.opentest4j.AssertionFailedError: expected: <PaymentRequest(super=ApiRequest(traceId=${tracehex}), cardNumber=", "cardNumber=null, secret=null, amount=4200)>", "at ${kpkg}.payment.PaymentClientTest.buildsRequest(PaymentClientTest.java:${line})", "amount=4200"],
    marker="(super=")

fam("csharp-record-tostring", "https://learn.microsoft.com/en-us/dotnet/csharp/language-reference/builtin-types/record#built-in-formatting-for-display; https://learn.microsoft.com/en-us/dotnet/core/extensions/logging", [
    """info: ${csns}.Controllers.CustomersController[0]
      Created Customer { Id = ${num}, Email = {{EMAIL}}, Phone = {{PHONE_MP}}, ApiKey = {{API_KEY}}, Tier = Gold }
fail: ${csns}.Services.CrmSync[0]
      Sync failed for Customer { Id = ${num}, Email = {{EMAIL}}, Phone = {{PHONE_MP}}, ApiKey = {{API_KEY}}, Tier = Gold }: 401 Unauthorized""",
    """  Failed ${csns}.Tests.SettingsTests.Binds_connection [41 ms]
  Error Message:
   Expected: DbSettings { Host = ${dbhost}, Port = ${pgport}, Database = ${db}, Username = ${dbuser}, Password = {{PASSWORD}} }
  But was:  DbSettings { Host = ${dbhost}, Port = ${pgport}, Database = ${db}, Username = ${dbuser}, Password =  }""",
], ["info: ${csns}.Controllers.CustomersController[0]", "Tier = Gold }", "fail: ${csns}.Services.CrmSync[0]", ": 401 Unauthorized", "Failed ${csns}.Tests.SettingsTests.Binds_connection [41 ms]", "Expected: DbSettings { Host = ${dbhost}, Port = ${pgport}, Database = ${db}, Username = ${dbuser}, Password =", "But was:  DbSettings { Host = ${dbhost}, Port = ${pgport}, Database = ${db}, Username = ${dbuser}, Password =  }", "Created Customer { Id = ${num}, Email =", "Sync failed for Customer { Id = ${num}, Email ="],
    marker=" { Id = ")

fam("fluentassertions-expected-member", "https://fluentassertions.com/objectgraphs/; https://fluentassertions.com/introduction", [
    """Expected member Email to be "{{EMAIL}}" with a length of 24, but "{{EMAIL:2}}" has a length of 22, differs near "com" (index 19).
Expected member ApiKey to be "{{API_KEY}}", but found <null>.

With configuration:
- Use declared types and members
- Compare enums by value
- Match member by name (or throw)""",
    """  Failed ${csns}.Tests.ProfileMapperTests.Maps_contact [12 ms]
  Error Message:
   Expected member Phone to be "{{PHONE_AS}}", but "{{PHONE_AS:2}}" differs near "25" (index 6).
Expected member Token to be "{{JWT}}", but found "".
  Stack Trace:
     at FluentAssertions.Execution.XUnit2TestFramework.Throw(String message)""",
], ["with a length of 24, but", "has a length of 22, differs near \"com\" (index 19).", "but found <null>.", "With configuration:", "- Use declared types and members", "- Compare enums by value", "- Match member by name (or throw)", "Failed ${csns}.Tests.ProfileMapperTests.Maps_contact [12 ms]", "differs near \"25\" (index 6).", "but found \"\".", "at FluentAssertions.Execution.XUnit2TestFramework.Throw(String message)", "Expected member Email to be", "Expected member ApiKey to be", "Expected member Phone to be", "Expected member Token to be"],
    marker="Expected member ")

fam("pydantic-v2-validation-error", "https://docs.pydantic.dev/latest/errors/validation_errors/; https://docs.pydantic.dev/latest/concepts/pydantic_settings/", [
    """pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings
database_url
  Input should be a valid URL, relative URL without a base [type=url_parsing, input_value='postgres//${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}', input_type=str]
    For further information visit https://errors.pydantic.dev/2.7/v/url_parsing""",
    """E   pydantic_core._pydantic_core.ValidationError: 1 validation error for CustomerIn
E   phone
E     String should match pattern '^\\+[0-9]{7,15}$' [type=string_pattern_mismatch, input_value='{{PHONE_PR}}', input_type=str]
E       For further information visit https://errors.pydantic.dev/2.7/v/string_pattern_mismatch
${pyfile}:${line}: in ${pyfunc}
    CustomerIn(email="{{EMAIL}}", phone="{{PHONE_PR}}", api_token="{{HEX40}}")""",
], ["pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings", "Input should be a valid URL, relative URL without a base [type=url_parsing, input_value=", "@${dbhost}:${pgport}/${db}', input_type=str]", "For further information visit https://errors.pydantic.dev/2.7/v/url_parsing", "pydantic_core._pydantic_core.ValidationError: 1 validation error for CustomerIn", "String should match pattern '^\\+[0-9]{7,15}$' [type=string_pattern_mismatch, input_value=", "For further information visit https://errors.pydantic.dev/2.7/v/string_pattern_mismatch", "${pyfile}:${line}: in ${pyfunc}", "input_type=str]"],
    marker="1 validation error for ")

fam("pytest-dataclass-differing-attributes", "https://docs.pytest.org/en/stable/how-to/assert.html#making-use-of-context-sensitive-comparisons; https://docs.python.org/3/library/dataclasses.html", [
    """E       AssertionError: assert Customer(id=${num}, email='{{EMAIL}}', phone='{{PHONE_VI}}', api_key='{{API_KEY}}') == Customer(id=${num}, email='{{EMAIL}}', phone='{{PHONE_VI}}', api_key=None)
E
E         Matching attributes:
E         ['id', 'email', 'phone']
E         Differing attributes:
E         ['api_key']
E
E         Drill down into differing attribute api_key:
E           api_key: '{{API_KEY}}' != None""",
    """E       AssertionError: assert DbConfig(host='${dbhost}', port=${pgport}, name='${db}', user='${dbuser}', password='{{PASSWORD}}') == DbConfig(host='${dbhost}', port=${pgport}, name='${db}', user='${dbuser}', password='')
E         Matching attributes:
E         ['host', 'port', 'name', 'user']
E         Differing attributes:
E         ['password']
${pyfile}:${line}: AssertionError""",
], ["E         Matching attributes:", "E         ['id', 'email', 'phone']", "E         Differing attributes:", "E         ['api_key']", "E         Drill down into differing attribute api_key:", "AssertionError: assert Customer(id=${num}, email=", "assert DbConfig(host='${dbhost}', port=${pgport}, name='${db}', user='${dbuser}', password=", "== DbConfig(host='${dbhost}', port=${pgport}, name='${db}', user='${dbuser}', password='')", "E         ['host', 'port', 'name', 'user']", "E         ['password']", "${pyfile}:${line}: AssertionError", "api_key=None)"],
    marker="Differing attributes:")

fam("go-test-percent-hash-v-config", "https://pkg.go.dev/fmt#hdr-Printing; https://go.dev/doc/tutorial/add-a-test", [
    """--- FAIL: ${gotestname} (0.00s)
    ${gofile17}:${line}: Load() = &config.Config{DatabaseURL:"postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=disable", APIKey:"{{API_KEY}}", Port:8080, Debug:true}, want &config.Config{DatabaseURL:"postgres://${dbuser}@${dbhost}:${pgport}/${db}", APIKey:"", Port:8080, Debug:false}
FAIL
FAIL	${gomodpath}	0.014s""",
    """--- FAIL: ${gotestname} (0.01s)
    ${gofile17}:${line}: got &config.Config{SMTPHost:"${mailhost}", SMTPUser:"{{EMAIL}}", SMTPPass:"{{PASSWORD}}", SupportPhone:"{{PHONE_VG}}"}
FAIL	${gomodpath}	0.009s""",
], ["--- FAIL: ${gotestname} (0.00s)", "${gofile17}:${line}: Load() = &config.Config{DatabaseURL:\"postgres://", "@${dbhost}:${pgport}/${db}?sslmode=disable\", APIKey:", "Port:8080, Debug:true}, want &config.Config{DatabaseURL:\"postgres://${dbuser}@${dbhost}:${pgport}/${db}\", APIKey:\"\", Port:8080, Debug:false}", "FAIL\t${gomodpath}\t0.014s", "--- FAIL: ${gotestname} (0.01s)", "got &config.Config{SMTPHost:\"${mailhost}\", SMTPUser:", "FAIL\t${gomodpath}\t0.009s"],
    marker="&config.Config{")

fam("go-test-percent-plus-v-got", "https://pkg.go.dev/fmt#hdr-Printing; https://pkg.go.dev/testing#T.Errorf", [
    """=== RUN   ${gotestname}
    ${gofile17}:${line}: got &{BaseURL:https://${apihost}${apipath} Token:{{GHP}} Timeout:30s Retries:3}, want error "401 Unauthorized"
--- FAIL: ${gotestname} (0.02s)""",
    """=== RUN   ${gotestname}
    ${gofile17}:${line}: got &{Name:${dbuser} Email:{{EMAIL}} Phone:{{PHONE_AI}} APIKey:{{OPENAI}}}, want <nil>
--- FAIL: ${gotestname} (0.00s)
FAIL	${gomodpath}	0.011s""",
], ["=== RUN   ${gotestname}", "got &{BaseURL:https://${apihost}${apipath} Token:", "Timeout:30s Retries:3}, want error \"401 Unauthorized\"", "--- FAIL: ${gotestname} (0.02s)", "got &{Name:${dbuser} Email:", "}, want <nil>", "--- FAIL: ${gotestname} (0.00s)", "FAIL\t${gomodpath}\t0.011s"],
    marker=": got &{")

fam("elixir-ecto-schema-inspect", "https://hexdocs.pm/ecto/Ecto.Schema.Metadata.html; https://hexdocs.pm/elixir/Inspect.html", [
    """  1) test update_user/2 with valid data updates the user (${exapp17}.AccountsTest)
     test/${exapp17}/accounts_test.exs:${line}
     match (=) failed
     code:  assert {:ok, %User{} = user} = Accounts.update_user(user, @update_attrs)
     left:  {:ok, %${exapp17}.Accounts.User{} = user}
     right: {:error, #Ecto.Changeset<action: :update, changes: %{email: "{{EMAIL}}", phone: "{{PHONE_TC}}"}, errors: [phone: {"has invalid format", [validation: :format]}], data: #${exapp17}.Accounts.User<>, valid?: false>}""",
    """[error] GenServer ${exapp17}.CrmSync terminating
** (RuntimeError) push failed with 401
Last message: {:push, %${exapp17}.Accounts.User{__meta__: #Ecto.Schema.Metadata<:loaded, "users">, id: ${num}, email: "{{EMAIL}}", phone: "{{PHONE_TC}}", hashed_password: "{{BCRYPT_HASH}}", api_token: "{{HEX40}}", inserted_at: ~N[2024-06-01 12:04:17]}}""",
], ["1) test update_user/2 with valid data updates the user (${exapp17}.AccountsTest)", "test/${exapp17}/accounts_test.exs:${line}", "code:  assert {:ok, %User{} = user} = Accounts.update_user(user, @update_attrs)", "left:  {:ok, %${exapp17}.Accounts.User{} = user}", "errors: [phone: {\"has invalid format\", [validation: :format]}], data: #${exapp17}.Accounts.User<>, valid?: false>}", "[error] GenServer ${exapp17}.CrmSync terminating", "** (RuntimeError) push failed with 401", "Last message: {:push, %${exapp17}.Accounts.User{__meta__: #Ecto.Schema.Metadata<:loaded, \"users\">, id: ${num}, email:", "inserted_at: ~N[2024-06-01 12:04:17]}}"],
    marker="#Ecto.Schema.Metadata<")

fam("exunit-map-left-right", "https://hexdocs.pm/ex_unit/ExUnit.Assertions.html#assert/1; https://hexdocs.pm/ex_unit/ExUnit.html", [
    """  2) test builds the webhook payload (${exapp17}.WebhookTest)
     test/${exapp17}/webhook_test.exs:${line}
     Assertion with == failed
     code:  assert payload == expected
     left:  %{"customer" => %{"email" => "{{EMAIL}}", "phone" => "{{PHONE_MS}}"}, "signature" => "{{HEX64}}"}
     right: %{"customer" => %{"email" => "{{EMAIL}}", "phone" => "{{PHONE_MS}}"}, "signature" => nil}
     stacktrace:
       test/${exapp17}/webhook_test.exs:${line}: (test)""",
    """  3) test config reads the broker url (${exapp17}.ConfigTest)
     test/${exapp17}/config_test.exs:${line}
     Assertion with === failed
     code:  assert Application.fetch_env!(:${pyapp}, :amqp) === %{url: nil}
     left:  %{url: "amqp://${rmquser}:{{PASSWORD}}@${amqphost}:5672/${vhost}", heartbeat: 30}
     right: %{url: nil}""",
], ["test builds the webhook payload (${exapp17}.WebhookTest)", "test/${exapp17}/webhook_test.exs:${line}", "code:  assert payload == expected", "left:  %{\"customer\" => %{\"email\" =>", "\"signature\" => nil}", "test/${exapp17}/webhook_test.exs:${line}: (test)", "test config reads the broker url (${exapp17}.ConfigTest)", "Assertion with === failed", "code:  assert Application.fetch_env!(:${pyapp}, :amqp) === %{url: nil}", "@${amqphost}:5672/${vhost}\", heartbeat: 30}", "right: %{url: nil}"],
    marker="left:  %{")

fam("ruby-struct-inspect-rspec", "https://ruby-doc.org/3.3/Struct.html#method-i-inspect; https://rspec.info/features/3-13/rspec-expectations/built-in-matchers/equality/", [
    """  1) Billing::Gateway builds the charge request
     Failure/Error: expect(request).to eq(expected)

       expected: #<struct Billing::ChargeRequest card="{{CARD}}", api_key="{{STRIPE_SK}}", amount=4200, currency="usd">
            got: #<struct Billing::ChargeRequest card="{{CARD}}", api_key=nil, amount=4200, currency="usd">
     # ./spec/billing/gateway_spec.rb:${line}:in `block (2 levels) in <top (required)>'""",
    """  2) ContactImport keeps the phone
     Failure/Error: expect(row.phone).to eq("{{PHONE_SX}}")
       expected: "{{PHONE_SX}}"
            got: nil
     # ./spec/imports/contact_import_spec.rb:${line}
     row: #<struct ContactRow email="{{EMAIL}}", phone=nil, token="{{HEX40}}">""",
], ["1) Billing::Gateway builds the charge request", "Failure/Error: expect(request).to eq(expected)", "expected: #<struct Billing::ChargeRequest card=", "amount=4200, currency=\"usd\">", "got: #<struct Billing::ChargeRequest card=", "api_key=nil, amount=4200", "# ./spec/billing/gateway_spec.rb:${line}:in `block (2 levels) in <top (required)>'", "2) ContactImport keeps the phone", "# ./spec/imports/contact_import_spec.rb:${line}", "row: #<struct ContactRow email=", "phone=nil, token="],
    marker="#<struct ")

fam("swift-dump-tree", "https://developer.apple.com/documentation/swift/dump(_:name:indent:maxdepth:maxitems:); https://developer.apple.com/documentation/xctest/xctassertequal(_:_:_:file:line:)", [
    """▿ ${swiftmod}.Customer
  - id: ${num}
  - email: "{{EMAIL}}"
  - phone: "{{PHONE_GG}}"
  ▿ credentials: ${swiftmod}.Credentials
    - accessToken: "{{JWT}}"
    - refreshToken: "{{HEX64}}"
/Users/runner/work/${swiftmod}/${swiftmod}Tests/CustomerStoreTests.swift:${line}: error: -[${swiftmod}Tests.CustomerStoreTests testSavesCredentials] : XCTAssertNil failed: "Optional(${swiftmod}.Credentials)\"""",
    """▿ Optional<APIConfig>
  ▿ some: ${swiftmod}.APIConfig
    - baseURL: https://${apihost}${apipath}
    - apiKey: "{{API_KEY}}"
    - supportPhone: "{{PHONE_GG}}"
Test Case '${swiftmod}Tests.ConfigTests/testLoadsFromPlist' failed (0.004 seconds).""",
], ["▿ ${swiftmod}.Customer", "▿ credentials: ${swiftmod}.Credentials", "/Users/runner/work/${swiftmod}/${swiftmod}Tests/CustomerStoreTests.swift:${line}: error:", "-[${swiftmod}Tests.CustomerStoreTests testSavesCredentials] : XCTAssertNil failed: \"Optional(${swiftmod}.Credentials)\"", "▿ Optional<APIConfig>", "▿ some: ${swiftmod}.APIConfig", "- baseURL: https://${apihost}${apipath}", "Test Case '${swiftmod}Tests.ConfigTests/testLoadsFromPlist' failed (0.004 seconds).", "- accessToken:", "- apiKey:"],
    marker="▿ ")

fam("dart-instance-of-expect", "https://api.flutter.dev/flutter/dart-core/Object/toString.html; https://pub.dev/documentation/matcher/latest/expect/expect.html", [
    """Expected: <Instance of 'Customer'>
  Actual: <Instance of 'Customer'>

package:matcher                                      expect
test/${dartpkg17}/customer_repository_test.dart ${line}:7  main.<fn>
customer.toJson(): {id: ${num}, email: {{EMAIL}}, phone: {{PHONE_FK}}, token: {{JWT}}}""",
    """Expected: throws <Instance of 'UnauthorizedException'>
  Actual: <Instance of 'Future<ApiResponse>'>
   Which: returned <Instance of 'ApiResponse'>
request headers: {authorization: Bearer {{JWT}}, x-api-key: {{API_KEY}}}
package:${dartpkg17}/src/api_client.dart ${line}:12  ApiClient.get""",
], ["Expected: <Instance of 'Customer'>", "Actual: <Instance of 'Customer'>", "package:matcher", "test/${dartpkg17}/customer_repository_test.dart ${line}:7  main.<fn>", "customer.toJson(): {id: ${num}, email:", "Expected: throws <Instance of 'UnauthorizedException'>", "Actual: <Instance of 'Future<ApiResponse>'>", "Which: returned <Instance of 'ApiResponse'>", "package:${dartpkg17}/src/api_client.dart ${line}:12  ApiClient.get", "request headers: {authorization: Bearer"],
    marker="Instance of '")

fam("php-print-r-object", "https://www.php.net/manual/en/function.print-r.php; https://laravel.com/docs/11.x/logging", [
    """[2024-06-01 12:04:17] testing.DEBUG: ${phpns}\\Customer Object
(
    [id] => ${num}
    [email] => {{EMAIL}}
    [phone] => {{PHONE_SH}}
    [api_token] => {{HEX40}}
    [password] => {{BCRYPT_HASH}}
)""",
    """Array
(
    [DB_HOST] => ${dbhost}
    [DB_PORT] => ${myport}
    [DB_DATABASE] => ${db}
    [DB_USERNAME] => ${dbuser}
    [DB_PASSWORD] => {{PASSWORD}}
    [MAIL_PASSWORD] => {{SENDGRID}}
)
${phpns}\\Settings Object
(
    [stripeSecret:protected] => {{STRIPE_SK}}
)""",
], ["testing.DEBUG: ${phpns}\\Customer Object", "[id] => ${num}", "[DB_HOST] => ${dbhost}", "[DB_PORT] => ${myport}", "[DB_DATABASE] => ${db}", "[DB_USERNAME] => ${dbuser}", "${phpns}\\Settings Object", "[stripeSecret:protected] =>", "[api_token] =>", "[DB_PASSWORD] =>", "[MAIL_PASSWORD] =>"],
    marker=" Object\n(")

fam("java-record-tostring-junit", "https://docs.oracle.com/en/java/javase/17/language/records.html; https://junit.org/junit5/docs/current/user-guide/#writing-tests-assertions", [
    """org.opentest4j.AssertionFailedError: expected: <CustomerRecord[id=${num}, email={{EMAIL}}, phone={{PHONE_GP}}, apiKey={{API_KEY}}]> but was: <CustomerRecord[id=${num}, email={{EMAIL}}, phone=null, apiKey=null]>
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
	at ${kpkg}.crm.CustomerMapperTest.mapsAllFields(CustomerMapperTest.java:${line})""",
    """2024-06-01 12:04:17.311 WARN  [main] ${logger} - Rejected DataSourceRecord[url=jdbc:postgresql://${dbhost}:${pgport}/${db}, username=${dbuser}, password={{PASSWORD}}, poolSize=10]: Connection refused
2024-06-01 12:04:17.315 WARN  [main] ${logger} - Rejected SmtpRecord[host=${mailhost}, user={{EMAIL}}, password={{PASSWORD:2}}]""",
], ["org.opentest4j.AssertionFailedError: expected: <CustomerRecord[id=${num}, email=", "but was: <CustomerRecord[id=${num}, email=", "phone=null, apiKey=null]>", "at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)", "at ${kpkg}.crm.CustomerMapperTest.mapsAllFields(CustomerMapperTest.java:${line})", "WARN  [main] ${logger} - Rejected DataSourceRecord[url=jdbc:postgresql://${dbhost}:${pgport}/${db}, username=${dbuser}, password=", "poolSize=10]: Connection refused", "Rejected SmtpRecord[host=${mailhost}, user="],
    marker="Record[")

fam("rust-pretty-debug-assert", "https://doc.rust-lang.org/std/fmt/index.html#sign0; https://doc.rust-lang.org/std/macro.assert_eq.html", [
    """thread 'config::tests::loads_from_env' panicked at ${rsfile}:${line}:9:
called `Result::unwrap()` on an `Err` value: ${rsstruct} {
    database_url: "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}",
    api_token: "{{API_KEY}}",
    listen_port: 8080,
}
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace""",
    """---- client::tests::sends_bearer stdout ----
request = Request {
    method: POST,
    url: "https://${apihost}${apipath}",
    headers: {
        "authorization": "Bearer {{JWT}}",
        "x-customer-phone": "{{PHONE_MQ}}",
    },
}
thread 'client::tests::sends_bearer' panicked at ${rsfile}:${line}:5:""",
], ["thread 'config::tests::loads_from_env' panicked at ${rsfile}:${line}:9:", "called `Result::unwrap()` on an `Err` value: ${rsstruct} {", "@${dbhost}:${pgport}/${db}\",", "listen_port: 8080,", "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace", "---- client::tests::sends_bearer stdout ----", "url: \"https://${apihost}${apipath}\",", "thread 'client::tests::sends_bearer' panicked at ${rsfile}:${line}:5:", "request = Request {", "method: POST,", "database_url: \"postgres://", "api_token:", "\"authorization\":"],
    marker="request = Request {")


# --- Assertion libraries' diffs ------------------------------------------------------------------------------------------

fam("jest-object-containing-called-with", "https://jestjs.io/docs/expect#expectobjectcontainingobject; https://jestjs.io/docs/expect#tohavebeencalledwitharg1-arg2-", [
    """    expect(jest.fn()).toHaveBeenCalledWith(...expected)

    Expected: "https://${apihost}${apipath}", ObjectContaining {"headers": ObjectContaining {"Authorization": "Bearer {{JWT}}"}}
    Received: "https://${apihost}${apipath}", {"headers": {"Authorization": "Bearer {{JWT:2}}", "Content-Type": "application/json"}, "method": "POST"}

    Number of calls: 1

      at Object.<anonymous> (${jestfile}:${line}:27)""",
    """    expect(jest.fn()).toHaveBeenCalledWith(...expected)

    Expected: ObjectContaining {"email": "{{EMAIL}}", "phone": "{{PHONE_GF}}"}
    Received: {"apiKey": "{{API_KEY}}", "email": "{{EMAIL}}", "phone": null}""",
], ["expect(jest.fn()).toHaveBeenCalledWith(...expected)", "Expected: \"https://${apihost}${apipath}\", ObjectContaining {\"headers\": ObjectContaining {\"Authorization\": \"Bearer", "Received: \"https://${apihost}${apipath}\", {\"headers\": {\"Authorization\": \"Bearer", "\"Content-Type\": \"application/json\"}, \"method\": \"POST\"}", "Number of calls: 1", "at Object.<anonymous> (${jestfile}:${line}:27)", "Expected: ObjectContaining {\"email\":", "\"phone\": null}"],
    marker="ObjectContaining {")

fam("jest-last-called-with", "https://jestjs.io/docs/expect#tohavebeenlastcalledwitharg1-arg2-; https://jestjs.io/docs/mock-functions", [
    """  ● AuthService › refreshes the session

    expect(jest.fn()).toHaveBeenLastCalledWith(...expected)

    Expected: {"grant_type": "refresh_token", "refresh_token": "{{HEX64}}"}
    Received
           1: {"client_secret": "{{AUTH0_SECRET}}", "grant_type": "client_credentials"}
    ->     2: {"grant_type": "refresh_token", "refresh_token": "{{HEX64:2}}"}

    Number of calls: 2""",
    """  ● CrmSync › pushes the contact

    expect(jest.fn()).toHaveBeenLastCalledWith(...expected)

    Expected: "contacts", {"email": "{{EMAIL}}", "phone": "{{PHONE_YT}}"}
    Received: "contacts", {"email": "{{EMAIL}}", "phone": "{{PHONE_YT}}", "token": "{{HUBSPOT_PAT}}"}

      at Object.toHaveBeenLastCalledWith (${jestfile}:${line}:31)""",
], ["● AuthService › refreshes the session", "expect(jest.fn()).toHaveBeenLastCalledWith(...expected)", "Expected: {\"grant_type\": \"refresh_token\", \"refresh_token\":", "\"grant_type\": \"client_credentials\"}", "Number of calls: 2", "● CrmSync › pushes the contact", "Expected: \"contacts\", {\"email\":", "Received: \"contacts\", {\"email\":", "at Object.toHaveBeenLastCalledWith (${jestfile}:${line}:31)"],
    marker="toHaveBeenLastCalledWith")

fam("power-assert-diagram", "https://github.com/power-assert-js/power-assert#example; https://mochajs.org/#assertions", [
    """  AssertionError [ERR_ASSERTION]:   # ${mochaspec}:${line}

  assert(user.apiKey === expected.apiKey)
         |    |      |   |        |
         |    |      |   |        "{{API_KEY}}"
         |    |      |   Object{apiKey:"{{API_KEY}}"}
         |    |      false
         |    "{{API_KEY:2}}"
         Object{email:"{{EMAIL}}",apiKey:"{{API_KEY:2}}"}""",
    """  AssertionError [ERR_ASSERTION]:   # ${mochaspec}:${line}

  assert(user.phone === "{{PHONE_PM}}")
         |    |     |
         |    |     false
         |    null
         Object{email:"{{EMAIL}}",phone:null,token:"{{JWT}}"}""",
], ["AssertionError [ERR_ASSERTION]:   # ${mochaspec}:${line}", "assert(user.apiKey === expected.apiKey)", "|    |      |   |        |", "|    |      false", "assert(user.phone ===", "|    |     false", "|    null", "Object{email:", "phone:null,token:"],
    marker="assert(user.")

fam("shouldly-should-contain-key", "https://docs.shouldly.org/documentation/dictionary/containkey; https://docs.shouldly.org/documentation/equality/shouldbe", [
    """  Failed ${shouldlytest} [18 ms]
  Error Message:
   Shouldly.ShouldAssertException: request.Headers
    should contain key
"X-Api-Key"
    but was
[["Authorization", "Bearer {{JWT}}"], ["X-Customer-Email", "{{EMAIL}}"]]""",
    """  Failed ${shouldlytest} [9 ms]
  Error Message:
   Shouldly.ShouldAssertException: options.Settings
    should contain key
"ApiSecret"
    but was
[["ApiKey", "{{API_KEY}}"], ["SupportPhone", "{{PHONE_WF}}"], ["ConnectionString", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};Password={{PASSWORD}}"]]""",
], ["Failed ${shouldlytest} [18 ms]", "Shouldly.ShouldAssertException: request.Headers", "should contain key", "\"X-Api-Key\"", "[[\"Authorization\", \"Bearer", "Failed ${shouldlytest} [9 ms]", "Shouldly.ShouldAssertException: options.Settings", "\"ApiSecret\"", "Server=${sqlsrvhost};Database=${sqlsrvdb};User Id=${dbuser};", "[[\"ApiKey\",", "[\"SupportPhone\","],
    marker="should contain key")

fam("phpunit-two-objects-equal", "https://docs.phpunit.de/en/11.2/assertions.html#assertequals; https://docs.phpunit.de/en/11.2/textui.html", [
    """1) ${phptest}
Failed asserting that two objects are equal.
--- Expected
+++ Actual
@@ @@
 ${phpns}\\Customer Object (
     'email' => '{{EMAIL}}'
-    'phone' => '{{PHONE_CK}}'
+    'phone' => null
     'apiToken' => '{{HEX40}}'
 )

/var/www/tests/Unit/CustomerFactoryTest.php:${line}""",
    """1) ${phptest}
Failed asserting that two objects are equal.
     'secret' => '{{WHSEC}}'
-    'signature' => 't=1717243457,v1={{HEX64}}'
+    'signature' => null

FAILURES!
Tests: 58, Assertions: 141, Failures: 1.""",
], ["1) ${phptest}", "Failed asserting that two objects are equal.", "--- Expected", "+++ Actual", "${phpns}\\Customer Object (", "'phone' => null", "/var/www/tests/Unit/CustomerFactoryTest.php:${line}", "'signature' => null", "Tests: 58, Assertions: 141, Failures: 1.", "'apiToken' =>", "'signature' => 't=1717243457,v1="],
    marker="Failed asserting that two objects are equal.")

fam("hamcrest-collection-containing", "https://hamcrest.org/JavaHamcrest/javadoc/2.2/org/hamcrest/Matchers.html#hasItem(org.hamcrest.Matcher); https://junit.org/junit4/javadoc/latest/org/junit/Assert.html#assertThat(java.lang.String,%20T,%20org.hamcrest.Matcher)", [
    """${hamtest}  Time elapsed: 0.031 s  <<< FAILURE!
java.lang.AssertionError:

Expected: a collection containing hasProperty("email", "{{EMAIL}}")
     but: mismatches were: [property 'email' was "{{EMAIL:2}}", property 'email' was "{{EMAIL:3}}"]
	at org.hamcrest.MatcherAssert.assertThat(MatcherAssert.java:20)""",
    """${hamtest}  Time elapsed: 0.004 s  <<< FAILURE!
java.lang.AssertionError:
Expected: a collection containing "Authorization: Bearer {{JWT}}"
     but: mismatches were: [was "X-Api-Key: {{API_KEY}}", was "X-Phone: {{PHONE_TV}}"]""",
], ["${hamtest}  Time elapsed: 0.031 s  <<< FAILURE!", "java.lang.AssertionError:", "Expected: a collection containing hasProperty(\"email\",", "but: mismatches were: [property 'email' was", "at org.hamcrest.MatcherAssert.assertThat(MatcherAssert.java:20)", "${hamtest}  Time elapsed: 0.004 s  <<< FAILURE!", "Expected: a collection containing \"Authorization: Bearer", "but: mismatches were: [was \"X-Api-Key:", "was \"X-Phone:"],
    marker="Expected: a collection containing")

fam("truth-contain-entry", "https://truth.dev/api/latest/com/google/common/truth/MapSubject.html#containsEntry(java.lang.Object,java.lang.Object); https://truth.dev/faq", [
    """expected to contain entry: Authorization=Bearer {{JWT}}
but did not
though it did contain keys: [Authorization, X-Request-Id]
full map                  : {Authorization=Bearer {{JWT:2}}, X-Request-Id=${reqid}}
value of                  : ${trutharg}
	at ${kpkg}.http.ClientTest.sendsBearer(ClientTest.java:${line})""",
    """expected to contain entry: phone={{PHONE_NU}}
but did not
though it did contain keys: [email, phone, apiKey]
full map                  : {email={{EMAIL}}, phone=null, apiKey={{API_KEY}}}""",
], ["expected to contain entry: Authorization=Bearer", "though it did contain keys: [Authorization, X-Request-Id]", "full map                  : {Authorization=Bearer", "X-Request-Id=${reqid}}", "value of                  : ${trutharg}", "at ${kpkg}.http.ClientTest.sendsBearer(ClientTest.java:${line})", "though it did contain keys: [email, phone, apiKey]", "phone=null, apiKey=", "expected to contain entry: phone="],
    marker="expected to contain entry")

fam("testify-should-not-be", "https://pkg.go.dev/github.com/stretchr/testify/assert#NotEqual; https://pkg.go.dev/github.com/stretchr/testify/assert#Assertions", [
    """    ${gofile17}:${line}:
        	Error Trace:	/src/${gofile17}:${line}
        	Error:      	Should not be: "{{PASSWORD}}"
        	Test:       	${gotestname}
        	Messages:   	password for ${dbuser}@${dbhost}:${pgport}/${db} must be rotated
--- FAIL: ${gotestname} (0.00s)""",
    """        	Error:      	Should not be: map[string]string{"Authorization":"Bearer {{JWT}}", "X-Phone":"{{PHONE_CK}}"}
        	Test:       	${gotestname}
--- FAIL: ${gotestname} (0.01s)""",
], ["Error Trace:\t/src/${gofile17}:${line}", "Test:       \t${gotestname}", "must be rotated", "--- FAIL: ${gotestname} (0.00s)", "Should not be: map[string]string{\"Authorization\":\"Bearer", "--- FAIL: ${gotestname} (0.01s)", "password for ${dbuser}@${dbhost}:${pgport}/${db}"],
    marker="Should not be: ")

fam("kotest-map-contain-key", "https://kotest.io/docs/assertions/core-matchers.html; https://kotest.io/docs/framework/testing-styles.html", [
    """${kotestspec} > builds the headers FAILED
    java.lang.AssertionError: Expected map to contain key "X-Api-Key" but map was {Authorization=Bearer {{JWT}}, X-Customer=({{EMAIL}})}
        at ${kpkg}.http.${kotestspec}$1$1.invokeSuspend(${kotestspec}.kt:${line})""",
    """${kotestspec} > stores the credentials FAILED
    java.lang.AssertionError: Expected map to contain key "refreshToken" but map was {accessToken={{HEX64}}, phone={{PHONE_GU}}, clientSecret={{GOOGLE_CLIENT_SECRET}}}""",
], ["${kotestspec} > builds the headers FAILED", "java.lang.AssertionError: Expected map to contain key \"X-Api-Key\" but map was {Authorization=Bearer", "at ${kpkg}.http.${kotestspec}", ".invokeSuspend(${kotestspec}.kt:${line})", "${kotestspec} > stores the credentials FAILED", "Expected map to contain key \"refreshToken\" but map was {accessToken="],
    marker="Expected map to contain key")


# --- CI systems' logs ----------------------------------------------------------------------------------------------------

fam("github-actions-input-required", "https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idstepswith; https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions", [
    """Run ${ghaction}
  with:
    registry: ${registry}
    username: ${user}
  env:
    DATABASE_URL: postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
    NPM_TOKEN: {{NPM_TOKEN}}
Error: Input required and not supplied: password""",
    """Run ${ghaction}
  with:
    token: {{GHP}}
    api-key: {{API_KEY}}
  env:
    SUPPORT_PHONE: {{PHONE_SX}}
Error: Input required and not supplied: github-token""",
], ["Run ${ghaction}", "registry: ${registry}", "username: ${user}", "Error: Input required and not supplied: password", "@${dbhost}:${pgport}/${db}", "Error: Input required and not supplied: github-token", "DATABASE_URL: postgres://", "NPM_TOKEN:", "api-key:"],
    marker="Input required and not supplied:")

fam("github-actions-orphan-cleanup", "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/store-information-in-variables#default-environment-variables; https://docs.github.com/en/actions/monitoring-and-troubleshooting-workflows/troubleshooting-workflows/using-workflow-run-logs", [
    """  curl -sf -H "Authorization: token {{GHP}}" https://api.github.com/repos/${ghrepo}/dispatches -d '{"event_type":"e2e"}'
  shell: /usr/bin/bash -e {0}
  env:
    STRIPE_SECRET_KEY: {{STRIPE_SK}}
    TEST_USER_EMAIL: {{EMAIL}}
curl: (22) The requested URL returned error: 401
Error: Process completed with exit code 22.
Post job cleanup.
Cleaning up orphan processes
Terminate orphan process: pid (${num}) (node)""",
    """  npx playwright test --project=chromium
  shell: /usr/bin/bash -e {0}
  env:
    BASE_URL: https://${apihost}
    E2E_PASSWORD: {{PASSWORD}}
    E2E_PHONE: {{PHONE_MQ}}
Error: Process completed with exit code 1.
Cleaning up orphan processes""",
], ["https://api.github.com/repos/${ghrepo}/dispatches -d '{\"event_type\":\"e2e\"}'", "shell: /usr/bin/bash -e {0}", "curl: (22) The requested URL returned error: 401", "Error: Process completed with exit code 22.", "Cleaning up orphan processes", "Terminate orphan process: pid (${num}) (node)", "npx playwright test --project=chromium", "BASE_URL: https://${apihost}", "STRIPE_SECRET_KEY:", "E2E_PASSWORD:"],
    marker="Cleaning up orphan processes")

fam("gitlab-ci-artifacts-failed-job", "https://docs.gitlab.com/ee/ci/jobs/job_artifacts.html; https://docs.gitlab.com/ee/ci/variables/", [
    """$ ./gradlew connectedCheck -Pandroid.testInstrumentationRunnerArguments.apiKey={{API_KEY}}
> Task :app:connectedDebugAndroidTest
BUILD FAILED in 4m 12s
Uploading artifacts for failed job
Uploading artifacts...
app/build/reports/androidTests/: found 214 matching artifact files and directories
Uploading artifacts as "archive" to coordinator... 201 Created  id=${num} responseStatus=201 Created
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1""",
    """$ psql "postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}" -f db/seed.sql
psql: error: connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
Uploading artifacts for failed job
WARNING: log/: no matching files. Ensure that the artifact path is relative to the working directory (/builds/${ghrepo})
ERROR: Job failed: exit code 2""",
], ["> Task :app:connectedDebugAndroidTest", "BUILD FAILED in 4m 12s", "Uploading artifacts for failed job", "app/build/reports/androidTests/: found 214 matching artifact files and directories", "Uploading artifacts as \"archive\" to coordinator... 201 Created  id=${num} responseStatus=201 Created", "Cleaning up project directory and file based variables", "ERROR: Job failed: exit code 1", "@${dbhost}:${pgport}/${db}\" -f db/seed.sql", "psql: error: connection to server at \"${dbhost}\" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"", "Ensure that the artifact path is relative to the working directory (/builds/${ghrepo})", "ERROR: Job failed: exit code 2"],
    marker="Uploading artifacts for failed job")

fam("gitlab-ci-cache-failed-job", "https://docs.gitlab.com/ee/ci/caching/; https://docs.gitlab.com/ee/ci/triggers/", [
    """$ curl -X POST --fail -F token={{GITLAB_TRIGGER}} -F ref=main https://gitlab.com/api/v4/projects/${num}/trigger/pipeline
curl: (22) The requested URL returned error: 404
Saving cache for failed job
Creating cache ${pipeline}-protected...
node_modules/: found 48211 matching artifact files and directories
Created cache
ERROR: Job failed: exit code 22""",
    """$ echo "machine gitlab.com login gitlab+deploy-token-${num} password {{GITLAB_DEPLOY}}" > ~/.netrc
$ go test ./...
--- FAIL: ${gotestname} (0.03s)
Saving cache for failed job
Not uploading cache ${pipeline}-non_protected due to policy
ERROR: Job failed: exit code 1""",
], ["-F ref=main https://gitlab.com/api/v4/projects/${num}/trigger/pipeline", "curl: (22) The requested URL returned error: 404", "Saving cache for failed job", "Creating cache ${pipeline}-protected...", "node_modules/: found 48211 matching artifact files and directories", "Created cache", "ERROR: Job failed: exit code 22", "login gitlab+deploy-token-${num} password", "> ~/.netrc", "--- FAIL: ${gotestname} (0.03s)", "Not uploading cache ${pipeline}-non_protected due to policy"],
    marker="Saving cache for failed job")

fam("jenkins-pipeline-stage-block", "https://www.jenkins.io/doc/book/pipeline/syntax/#stages; https://www.jenkins.io/doc/pipeline/steps/workflow-durable-task-step/#sh-shell-script", [
    """[Pipeline] { (${jstage})
[Pipeline] sh
+ docker login -u ${user} -p {{DOCKER_PAT}} ${registry}
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
+ mvn -B verify -Dspring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} -Dspring.datasource.password={{PASSWORD}}
[ERROR] Tests run: 212, Failures: 3, Errors: 0, Skipped: 4
[Pipeline] }
ERROR: script returned exit code 1""",
    """[Pipeline] { (${jstage})
[Pipeline] echo
Notifying ${user} <{{EMAIL}}>, on-call {{PHONE_PR}}
+ curl -s -X POST -H 'Authorization: Bearer {{SLACK_BOT}}' https://slack.com/api/chat.postMessage
Finished: FAILURE""",
], ["[Pipeline] { (${jstage})", "+ docker login -u ${user} -p", "WARNING! Using --password via the CLI is insecure. Use --password-stdin.", "+ mvn -B verify -Dspring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} -Dspring.datasource.password=", "[ERROR] Tests run: 212, Failures: 3, Errors: 0, Skipped: 4", "ERROR: script returned exit code 1", "https://slack.com/api/chat.postMessage", "Finished: FAILURE", "Notifying ${user} <"],
    marker="[Pipeline] { (")

fam("jenkins-git-using-credential", "https://www.jenkins.io/doc/pipeline/steps/git/; https://plugins.jenkins.io/git/", [
    """The recommended git tool is: NONE
using credential ${credid}
 > git rev-parse --resolve-git-dir /var/jenkins_home/workspace/${jenkinsjob}/.git # timeout=10
Fetching changes from the remote Git repository
 > git config remote.origin.url https://x-access-token:{{GHS}}@github.com/${ghrepo}.git # timeout=10
ERROR: Error fetching remote repo 'origin'""",
    """using credential ${credid}
Cloning the remote Git repository
Cloning repository https://${user}:{{BITBUCKET_APP_PW}}@bitbucket.org/${ghrepo}.git
 > git init /var/jenkins_home/workspace/${jenkinsjob} # timeout=10
stderr: remote: Invalid credentials
fatal: Authentication failed for 'https://bitbucket.org/${ghrepo}.git/'""",
], ["The recommended git tool is: NONE", "using credential ${credid}", "> git rev-parse --resolve-git-dir /var/jenkins_home/workspace/${jenkinsjob}/.git # timeout=10", "Fetching changes from the remote Git repository", "@github.com/${ghrepo}.git # timeout=10", "ERROR: Error fetching remote repo 'origin'", "Cloning the remote Git repository", "@bitbucket.org/${ghrepo}.git", "> git init /var/jenkins_home/workspace/${jenkinsjob} # timeout=10", "stderr: remote: Invalid credentials", "fatal: Authentication failed for 'https://bitbucket.org/${ghrepo}.git/'"],
    marker="using credential ")

fam("buildkite-artifact-upload-step", "https://buildkite.com/docs/agent/v3/cli-artifact; https://buildkite.com/docs/pipelines/configure/environment-variables", [
    """$ buildkite-agent artifact upload "coverage/**/*" --job ${uuid}
2024-06-01 12:04:17 INFO   Found 12 files that match "coverage/**/*"
2024-06-01 12:04:17 INFO   Uploading to "s3://${bucket}/${uuid}" (12 files)
2024-06-01 12:04:18 ERROR  Error uploading artifact "coverage/lcov.info": AccessDenied: Access Denied (AWS_ACCESS_KEY_ID={{AWS_KEY_ID}})
🚨 Error: The command exited with status 1""",
    """$ export DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}
$ bundle exec rspec
rspec ./spec/models/customer_spec.rb:${line} # Customer validates phone {{PHONE_GP}}
$ buildkite-agent artifact upload "log/test.log"
2024-06-01 12:05:02 INFO   Uploading to "s3://${bucket}/${uuid}" (1 files)""",
], ["buildkite-agent artifact upload \"coverage/**/*\" --job ${uuid}", "INFO   Found 12 files that match \"coverage/**/*\"", "INFO   Uploading to \"s3://${bucket}/${uuid}\" (12 files)", "ERROR  Error uploading artifact \"coverage/lcov.info\": AccessDenied: Access Denied", "🚨 Error: The command exited with status 1", "@${dbhost}:${pgport}/${db}", "$ bundle exec rspec", "rspec ./spec/models/customer_spec.rb:${line} # Customer validates phone", "buildkite-agent artifact upload \"log/test.log\"", "INFO   Uploading to \"s3://${bucket}/${uuid}\" (1 files)"],
    marker="buildkite-agent artifact upload")

fam("bitbucket-pipelines-test-reports", "https://support.atlassian.com/bitbucket-cloud/docs/test-reporting-in-pipelines/; https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/", [
    """+ npm ci && npm test -- --reporters=jest-junit
Tests:       3 failed, 211 passed, 214 total
Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4
Finished scanning for test reports. Found 1 test report files.
Merged test suites, total number tests is 214, with 3 failures and 0 errors.
+ curl -u ${user}:{{BITBUCKET_APP_PW}} -X POST https://api.bitbucket.org/2.0/repositories/${ghrepo}/commit/${sha}/statuses/build""",
    """+ echo "API_KEY=${user}:{{API_KEY}}" >> .env.test && echo "SUPPORT_PHONE={{PHONE_VI}}" >> .env.test
+ pytest -q --junitxml=test-reports/junit.xml
Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4
Merged test suites, total number tests is 88, with 1 failures and 0 errors.""",
], ["+ npm ci && npm test -- --reporters=jest-junit", "Tests:       3 failed, 211 passed, 214 total", "Searching for test report files in directories named [test-results, failsafe-reports, test-reports, TestResults, surefire-reports] down to a depth of 4", "Finished scanning for test reports. Found 1 test report files.", "Merged test suites, total number tests is 214, with 3 failures and 0 errors.", "https://api.bitbucket.org/2.0/repositories/${ghrepo}/commit/${sha}/statuses/build", "+ pytest -q --junitxml=test-reports/junit.xml", "Merged test suites, total number tests is 88, with 1 failures and 0 errors.", ">> .env.test"],
    marker="Searching for test report files in directories named")

fam("azure-pipelines-downloading-task", "https://learn.microsoft.com/en-us/azure/devops/pipelines/process/variables; https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/azure-cli-v2", [
    """Downloading task: ${adotask}
Job preparation parameters
==============================================================================
Task         : Azure CLI
Description  : Run Azure CLI commands against an Azure subscription
==============================================================================
/usr/bin/az login --service-principal -u ${uuid} --password={{AZURE_CLIENT_SECRET}} --tenant ${uuid}
ERROR: AADSTS7000222: The provided client secret keys for app '${uuid}' are expired.""",
    """Downloading task: ${adotask}
Starting: Integration tests
/usr/bin/dotnet test --configuration Release -- TestRunParameters.Parameter(name=\\"ApiKey\\", value=\\"{{API_KEY}}\\")
  Failed ${csns}.Tests.Contacts.Saves_phone [22 ms]
  Error Message:
   Expected "{{PHONE_AI}}" but found <null>.""",
], ["Downloading task: ${adotask}", "Job preparation parameters", "Task         : Azure CLI", "Description  : Run Azure CLI commands against an Azure subscription", "/usr/bin/az login --service-principal -u ${uuid} --password=", "--tenant ${uuid}", "ERROR: AADSTS7000222: The provided client secret keys for app '${uuid}' are expired.", "Starting: Integration tests", "/usr/bin/dotnet test --configuration Release -- TestRunParameters.Parameter(name=\\\"ApiKey\\\", value=", "Failed ${csns}.Tests.Contacts.Saves_phone [22 ms]", "but found <null>."],
    marker="Downloading task:")


# --- Cloud CLIs and infrastructure as code -------------------------------------------------------------------------------

fam("awscli-debug-clidriver", "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html; https://docs.aws.amazon.com/cli/latest/reference/#options", [
    """2024-06-01 12:04:17,311 - MainThread - awscli.clidriver - DEBUG - CLI version: aws-cli/2.15.58 Python/3.11.8 Linux/6.5.0-1021-azure exe/x86_64.ubuntu.22
2024-06-01 12:04:17,312 - MainThread - awscli.clidriver - DEBUG - Arguments entered to CLI: ['${awscmd}', '--queue-url', 'https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17}', '--message-body', '{"email":"{{EMAIL}}","phone":"{{PHONE_MP}}"}', '--debug']
2024-06-01 12:04:17,402 - MainThread - botocore.credentials - DEBUG - Found credentials in environment variables.
AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}""",
    """2024-06-01 12:05:02,004 - MainThread - awscli.clidriver - DEBUG - Arguments entered to CLI: ['${awscmd}', '--debug']
2024-06-01 12:05:02,118 - MainThread - botocore.hooks - DEBUG - Event before-sign.sts.GetCallerIdentity: calling handler <function add_token>
2024-06-01 12:05:02,120 - MainThread - botocore.auth - DEBUG - Signature: {{HEX64}}
x-amz-security-token:{{AWS_SESSION_TOKEN}}
An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired""",
], ["- MainThread - awscli.clidriver - DEBUG - CLI version: aws-cli/2.15.58 Python/3.11.8 Linux/6.5.0-1021-azure exe/x86_64.ubuntu.22", "- MainThread - awscli.clidriver - DEBUG - Arguments entered to CLI: ['${awscmd}',", "'https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17}'", "- MainThread - botocore.credentials - DEBUG - Found credentials in environment variables.", "'--message-body', '{\"email\":", "- MainThread - botocore.hooks - DEBUG - Event before-sign.sts.GetCallerIdentity: calling handler <function add_token>", "- MainThread - botocore.auth - DEBUG - Signature:", "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired", "'--debug']"],
    marker="awscli.clidriver")

fam("botocore-looking-for-credentials", "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html; https://boto3.amazonaws.com/v1/documentation/api/latest/reference/core/boto3.html#boto3.set_stream_logger", [
    """DEBUG    botocore.credentials:credentials.py:2152 Looking for credentials via: env
DEBUG    botocore.credentials:credentials.py:1118 Found credentials in environment variables.
DEBUG    botocore.endpoint:endpoint.py:114 Making request for OperationModel(name=SendMessage) with params: {'url_path': '/', 'query_string': '', 'method': 'POST', 'headers': {'X-Amz-Security-Token': '{{AWS_SESSION_TOKEN}}'}, 'body': {'QueueUrl': 'https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17}', 'MessageBody': '{"email": "{{EMAIL}}"}'}}""",
    """DEBUG    botocore.credentials:credentials.py:2152 Looking for credentials via: shared-credentials-file
DEBUG    botocore.credentials:credentials.py:2152 Looking for credentials via: custom-process
DEBUG    botocore.utils:utils.py:2000 credential_process output: {"Version": 1, "AccessKeyId": "{{AWS_KEY_ID}}", "SecretAccessKey": "{{AWS_SECRET}}", "Expiration": "2024-06-01T13:04:17Z"}
FAILED tests/test_queue.py::test_sends_customer - botocore.exceptions.ClientError: An error occurred (AccessDenied)""",
], ["DEBUG    botocore.credentials:credentials.py:2152 Looking for credentials via: env", "DEBUG    botocore.credentials:credentials.py:1118 Found credentials in environment variables.", "Making request for OperationModel(name=SendMessage) with params: {'url_path': '/', 'query_string': '', 'method': 'POST', 'headers': {'X-Amz-Security-Token':", "'QueueUrl': 'https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17}'", "Looking for credentials via: shared-credentials-file", "Looking for credentials via: custom-process", "credential_process output: {\"Version\": 1, \"AccessKeyId\":", "\"Expiration\": \"2024-06-01T13:04:17Z\"}", "FAILED tests/test_queue.py::test_sends_customer - botocore.exceptions.ClientError: An error occurred (AccessDenied)", "'MessageBody': '{\"email\":"],
    marker="Looking for credentials via")

fam("gcloud-crashed-traceback", "https://cloud.google.com/sdk/gcloud/reference/auth/activate-service-account; https://cloud.google.com/sdk/docs/troubleshooting", [
    """$ gcloud auth activate-service-account ${saname}@${gcpproj}.iam.gserviceaccount.com --key-file=/tmp/sa.json --project=${gcpproj}
ERROR: gcloud crashed (ValueError): Could not deserialize key data. The data may be in an incorrect format: private_key_id {{HEX40}}

If you would like to report this issue, please run the following command:
  gcloud feedback""",
    """$ gcloud sql connect ${db} --user=${dbuser} --quiet
Allowlisting your IP for incoming connection for 5 minutes...done.
Connecting to database with SQL user [${dbuser}].Password: {{PASSWORD}}
ERROR: gcloud crashed (OperationalError): FATAL:  password authentication failed for user "${dbuser}"
To check gcloud for common problems, please run the following command:
  gcloud info --run-diagnostics""",
], ["$ gcloud auth activate-service-account ${saname}@${gcpproj}.iam.gserviceaccount.com --key-file=/tmp/sa.json --project=${gcpproj}", "ERROR: gcloud crashed (ValueError): Could not deserialize key data. The data may be in an incorrect format: private_key_id", "If you would like to report this issue, please run the following command:", "gcloud feedback", "$ gcloud sql connect ${db} --user=${dbuser} --quiet", "Allowlisting your IP for incoming connection for 5 minutes...done.", "Connecting to database with SQL user [${dbuser}].Password:", "ERROR: gcloud crashed (OperationalError): FATAL:  password authentication failed for user \"${dbuser}\"", "gcloud info --run-diagnostics"],
    marker="gcloud crashed (")

fam("az-debug-msal-token-cache", "https://learn.microsoft.com/en-us/cli/azure/use-azure-cli-successfully-troubleshooting; https://learn.microsoft.com/en-us/cli/azure/authenticate-azure-cli-service-principal", [
    """DEBUG: cli.azure.cli.core.auth.identity: Getting a service principal token for tenant ${uuid}
DEBUG: msal.token_cache: event={
    "client_id": "${uuid}",
    "data": {
        "client_secret": "{{AZURE_CLIENT_SECRET}}",
        "scope": ["https://management.core.windows.net//.default"]
    },
    "token_endpoint": "https://login.microsoftonline.com/${uuid}/oauth2/v2.0/token"
}""",
    """DEBUG: msal.token_cache: event={"client_id": "${uuid}", "response": {"access_token": "{{JWT}}", "expires_in": 3599, "token_type": "Bearer"}}
DEBUG: cli.azure.cli.core.sdk.policies: 'Authorization': 'Bearer {{JWT}}'
ERROR: (AuthorizationFailed) The client '${uuid}' with object id '${uuid}' does not have authorization to perform action 'Microsoft.Storage/storageAccounts/listKeys/action' over scope '/subscriptions/${uuid}/resourceGroups/${azrg}'""",
], ["DEBUG: cli.azure.cli.core.auth.identity: Getting a service principal token for tenant ${uuid}", "DEBUG: msal.token_cache: event={", "\"client_id\": \"${uuid}\",", "\"scope\": [\"https://management.core.windows.net//.default\"]", "\"token_endpoint\": \"https://login.microsoftonline.com/${uuid}/oauth2/v2.0/token\"", "\"expires_in\": 3599, \"token_type\": \"Bearer\"}}", "ERROR: (AuthorizationFailed) The client '${uuid}' with object id '${uuid}' does not have authorization to perform action 'Microsoft.Storage/storageAccounts/listKeys/action' over scope '/subscriptions/${uuid}/resourceGroups/${azrg}'", "\"client_secret\":", "\"access_token\":"],
    marker="msal.token_cache")

fam("terraform-state-lock-info", "https://developer.hashicorp.com/terraform/language/state/locking; https://developer.hashicorp.com/terraform/language/settings/backends/s3", [
    """Error: Error acquiring the state lock

Error message: ConditionalCheckFailedException: The conditional request failed
Lock Info:
  ID:        ${uuid}
  Path:      ${tfbackendbucket}/${tfstatekey}
  Operation: OperationTypeApply
  Who:       runner@${nodehostname}
  Version:   1.8.4
  Created:   2024-06-01 12:04:17.311205 +0000 UTC
  Info:      TF_VAR_db_password={{PASSWORD}} TF_VAR_support_phone={{PHONE_TV}}""",
    """Lock Info:
  ID:        ${uuid}
  Path:      ${tfbackendbucket}/${tfstatekey}
  Operation: OperationTypePlan
  Who:       ${user}@${nodehostname}
Terraform acquires a state lock to protect the state from being written
by multiple users at the same time. Please resolve the issue above and try
again. For most commands, you can disable locking with the "-lock=false"
flag, but this is not recommended.
backend config: access_key={{AWS_KEY_ID}} secret_key={{AWS_SECRET}}""",
], ["Error: Error acquiring the state lock", "Error message: ConditionalCheckFailedException: The conditional request failed", "Lock Info:", "ID:        ${uuid}", "Path:      ${tfbackendbucket}/${tfstatekey}", "Operation: OperationTypeApply", "Who:       runner@${nodehostname}", "Version:   1.8.4", "Created:   2024-06-01 12:04:17.311205 +0000 UTC", "Operation: OperationTypePlan", "Who:       ${user}@${nodehostname}", "Terraform acquires a state lock to protect the state from being written", "flag, but this is not recommended."],
    marker="Lock Info:")

fam("helm-debug-helm-go", "https://helm.sh/docs/helm/helm_upgrade/; https://helm.sh/docs/chart_template_guide/debugging/", [
    """helm.go:84: [debug] Original chart version: ""
helm.go:84: [debug] CHART PATH: /builds/${ghrepo}/charts/${helmrel}
helm.go:84: [debug] values: map[database:map[host:${dbhost} password:{{PASSWORD}} port:${pgport} user:${dbuser}] stripe:map[secretKey:{{STRIPE_SK}}]]
Error: UPGRADE FAILED: timed out waiting for the condition""",
    """helm.go:84: [debug] Created tunnel using local port: '41237'
helm.go:84: [debug] SERVER: "127.0.0.1:41237"
helm.go:84: [debug] --set smtp.user={{EMAIL}},smtp.password={{SENDGRID}},support.phone={{PHONE_SH}}
helm.go:84: [debug] --set config.token={{GITLAB_AGENT}},config.kasAddress=wss://kas.gitlab.com
helm.go:84: [debug] release ${helmrel} failed: context deadline exceeded""",
], ["helm.go:84: [debug] Original chart version: \"\"", "helm.go:84: [debug] CHART PATH: /builds/${ghrepo}/charts/${helmrel}", "helm.go:84: [debug] values: map[database:map[host:${dbhost} password:", "port:${pgport} user:${dbuser}] stripe:map[secretKey:", "Error: UPGRADE FAILED: timed out waiting for the condition", "helm.go:84: [debug] Created tunnel using local port: '41237'", "helm.go:84: [debug] SERVER: \"127.0.0.1:41237\"", "helm.go:84: [debug] release ${helmrel} failed: context deadline exceeded", "helm.go:84: [debug] --set smtp.user=", ",config.kasAddress=wss://kas.gitlab.com"],
    marker="helm.go:84: [debug]")

fam("serverless-error-environment-information", "https://www.serverless.com/framework/docs/providers/aws/guide/variables; https://www.serverless.com/framework/docs/providers/aws/cli-reference/deploy", [
    """ Serverless Error ----------------------------------------

  An error occurred: ${slsfn}LambdaFunction - Resource handler returned message: "Invalid request provided: Environment variables DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} exceed 4 KB"

  Get Support --------------------------------------------
     Docs:          docs.serverless.com

  Environment Information ---------------------------------
     Operating System:          linux
     Node Version:              ${node}
     Framework Version:         2.72.3""",
    """ Serverless Error ----------------------------------------

  Stripe webhook test failed for ${slsfn}: STRIPE_SECRET_KEY={{STRIPE_SK}} returned 401
  customer {{EMAIL}} / {{PHONE_GF}}

  Environment Information ---------------------------------
     Operating System:          darwin
     Node Version:              ${node}""",
], ["Serverless Error ----------------------------------------", "An error occurred: ${slsfn}LambdaFunction - Resource handler returned message: \"Invalid request provided: Environment variables DATABASE_URL=postgres://", "@${dbhost}:${pgport}/${db} exceed 4 KB\"", "Get Support --------------------------------------------", "Docs:          docs.serverless.com", "Environment Information ---------------------------------", "Operating System:          linux", "Node Version:              ${node}", "Framework Version:         2.72.3", "Stripe webhook test failed for ${slsfn}:", "returned 401", "Operating System:          darwin"],
    marker="Serverless Error ----")

fam("sam-local-invoke-handler", "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/using-sam-cli-local-invoke.html; https://docs.aws.amazon.com/lambda/latest/dg/python-logging.html", [
    """$ sam local invoke ${samfn} --event events/order.json --env-vars env.json
Invoking ${lambdahandler} (python3.12)
Local image is up-to-date
Mounting /home/runner/work/${ghrepo}/.aws-sam/build/${samfn} as /var/task:ro,delegated, inside runtime container
START RequestId: ${uuid} Version: $LATEST
[ERROR] OperationalError: connection to server at "${dbhost}", port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
env.json: {"${samfn}": {"DB_PASSWORD": "{{PASSWORD}}", "API_KEY": "{{API_KEY}}"}}
END RequestId: ${uuid}""",
    """Invoking ${lambdahandler} (nodejs20.x)
START RequestId: ${uuid} Version: $LATEST
${uuid}	ERROR	Invoke Error 	{"errorType":"Error","errorMessage":"Twilio 20003: Authenticate","config":{"accountSid":"{{TWILIO_SID}}","authToken":"{{TWILIO_AUTH}}","to":"{{PHONE_PM}}"}}
END RequestId: ${uuid}
REPORT RequestId: ${uuid}	Init Duration: 0.12 ms	Duration: 812.44 ms	Billed Duration: 813 ms	Memory Size: 512 MB	Max Memory Used: 512 MB""",
], ["$ sam local invoke ${samfn} --event events/order.json --env-vars env.json", "Invoking ${lambdahandler} (python3.12)", "Local image is up-to-date", "Mounting /home/runner/work/${ghrepo}/.aws-sam/build/${samfn} as /var/task:ro,delegated, inside runtime container", "START RequestId: ${uuid} Version: $LATEST", "[ERROR] OperationalError: connection to server at \"${dbhost}\", port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"", "END RequestId: ${uuid}", "Invoking ${lambdahandler} (nodejs20.x)", "ERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"Twilio 20003: Authenticate\"", "REPORT RequestId: ${uuid}\tInit Duration: 0.12 ms\tDuration: 812.44 ms\tBilled Duration: 813 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB", "\"DB_PASSWORD\":"],
    marker="Local image is up-to-date")


# --- Mobile and front-end build and test tools ---------------------------------------------------------------------------

fam("xcodebuild-test-failed-banner", "https://developer.apple.com/documentation/xcode/running-tests-and-interpreting-results; https://developer.apple.com/library/archive/technotes/tn2339/_index.html", [
    """Test Suite 'LoginTests' started at 2024-06-01 12:04:17.311.
/Users/runner/work/${xcscheme}/${xcscheme}Tests/LoginTests.swift:${line}: error: -[${xcscheme}Tests.LoginTests testSignIn] : XCTAssertEqual failed: ("401") is not equal to ("200") - POST https://${apihost}${apipath} body={"email":"{{EMAIL}}","password":"{{PASSWORD}}"}
Test Suite 'LoginTests' failed at 2024-06-01 12:04:18.004.
	 Executed 12 tests, with 1 failure (0 unexpected) in 0.693 (0.701) seconds

** TEST FAILED **""",
    """xcodebuild test -scheme ${xcscheme} -destination 'platform=iOS Simulator,name=${iossim}' API_KEY={{API_KEY}} SUPPORT_PHONE="{{PHONE_GU}}"
Testing failed:
	${xcscheme}Tests.ConfigTests/testLoadsKeys(): XCTAssertNotNil failed
** TEST FAILED **""",
], ["Test Suite 'LoginTests' started at 2024-06-01 12:04:17.311.", "/Users/runner/work/${xcscheme}/${xcscheme}Tests/LoginTests.swift:${line}: error: -[${xcscheme}Tests.LoginTests testSignIn]", "is not equal to (\"200\") - POST https://${apihost}${apipath} body={\"email\":", "Test Suite 'LoginTests' failed at 2024-06-01 12:04:18.004.", "Executed 12 tests, with 1 failure (0 unexpected) in 0.693 (0.701) seconds", "** TEST FAILED **", "xcodebuild test -scheme ${xcscheme} -destination 'platform=iOS Simulator,name=${iossim}'", "Testing failed:", "${xcscheme}Tests.ConfigTests/testLoadsKeys(): XCTAssertNotNil failed"],
    marker="** TEST FAILED **")

fam("fastlane-lane-context-table", "https://docs.fastlane.tools/advanced/lanes/#lane-context; https://docs.fastlane.tools/actions/match/", [
    """+---------------------------------------------+
|                Lane Context                 |
+------------------+--------------------------+
| DEFAULT_PLATFORM | ios                      |
| PLATFORM_NAME    | ios                      |
| LANE_NAME        | ios ${fllane}            |
| MATCH_PASSWORD   | {{PASSWORD}}             |
| FL_SLACK_URL     | {{SLACK_HOOK_PATH}}      |
+------------------+--------------------------+
[!] Could not decrypt the repo, please make sure you enter the right password!
fastlane finished with errors""",
    """|                Lane Context                 |
| LANE_NAME        | android ${fllane}        |
| SUPPLY_JSON_KEY  | /tmp/play.json           |
| TESTER_PHONE     | {{PHONE_YT}}             |
| FIREBASE_TOKEN   | {{GOOGLE_REFRESH_TOKEN}} |
[!] Google Api Error: Invalid request - Package not found: ${appiumcap}.""",
], ["|                Lane Context                 |", "| DEFAULT_PLATFORM | ios                      |", "| PLATFORM_NAME    | ios                      |", "| LANE_NAME        | ios ${fllane}", "[!] Could not decrypt the repo, please make sure you enter the right password!", "fastlane finished with errors", "| LANE_NAME        | android ${fllane}", "| SUPPLY_JSON_KEY  | /tmp/play.json           |", "[!] Google Api Error: Invalid request - Package not found: ${appiumcap}.", "| MATCH_PASSWORD   |", "| FIREBASE_TOKEN   |"],
    marker="Lane Context")

fam("appium-basedriver-session", "https://appium.io/docs/en/latest/guides/caps/; https://appium.io/docs/en/latest/cli/args/", [
    """[BaseDriver] Creating session with W3C capabilities: {
  "alwaysMatch": {
    "platformName": "Android",
    "appium:appPackage": "${appiumcap}",
    "appium:optionalIntentArguments": "--es apiKey {{API_KEY}} --es loginEmail {{EMAIL}}"
  }
}
[BaseDriver] Session created with session id: ${uuid}
[UiAutomator2] Failed to set value 'P@ss' into element: the field is secured""",
    """[BaseDriver] Event 'newSessionStarted' logged at 1717243457311 (12:04:17 GMT+0000 (Coordinated Universal Time))
[BaseDriver] Typing into element ${uuid}: "{{PHONE_NU}}"
[BaseDriver] Environment: SAUCE_ACCESS_KEY={{SAUCE_KEY}}
[BaseDriver] Shutting down because we waited 60 seconds for a command""",
], ["[BaseDriver] Creating session with W3C capabilities: {", "\"platformName\": \"Android\",", "\"appium:appPackage\": \"${appiumcap}\",", "[BaseDriver] Session created with session id: ${uuid}", "[UiAutomator2] Failed to set value 'P@ss' into element: the field is secured", "[BaseDriver] Event 'newSessionStarted' logged at 1717243457311 (12:04:17 GMT+0000 (Coordinated Universal Time))", "[BaseDriver] Typing into element ${uuid}:", "[BaseDriver] Shutting down because we waited 60 seconds for a command", "\"appium:optionalIntentArguments\": \"--es apiKey"],
    marker="[BaseDriver]")

fam("android-ddmlib-instrumentation", "https://developer.android.com/studio/test/command-line#run-tests-with-adb; https://developer.android.com/studio/test/command-line#AMOptionsSyntax", [
    """com.android.ddmlib.testrunner.RemoteAndroidTestRunner > run: Running am instrument -w -r -e apiKey {{API_KEY}} -e testUser {{EMAIL}} -e class ${andtest} ${apkpkg}.test/androidx.test.runner.AndroidJUnitRunner on ${avdserial}
com.android.ddmlib.testrunner.InstrumentationResultParser > ${andtest}#signIn FAILED: java.lang.AssertionError: expected:<200> but was:<401>""",
    """com.android.ddmlib.testrunner.InstrumentationResultParser > ${andtest}#savesProfile FAILED: java.lang.AssertionError: phone expected:<{{PHONE_MS}}> but was:<null>
com.android.ddmlib.testrunner.RemoteAndroidTestRunner > run: Running am instrument -w -r -e authToken {{JWT}} ${apkpkg}.test/androidx.test.runner.AndroidJUnitRunner on ${avdserial}""",
], ["com.android.ddmlib.testrunner.RemoteAndroidTestRunner > run: Running am instrument -w -r -e apiKey", "-e class ${andtest} ${apkpkg}.test/androidx.test.runner.AndroidJUnitRunner on ${avdserial}", "com.android.ddmlib.testrunner.InstrumentationResultParser > ${andtest}#signIn FAILED: java.lang.AssertionError: expected:<200> but was:<401>", "com.android.ddmlib.testrunner.InstrumentationResultParser > ${andtest}#savesProfile FAILED: java.lang.AssertionError: phone expected:<", "but was:<null>", "${apkpkg}.test/androidx.test.runner.AndroidJUnitRunner on ${avdserial}"],
    marker="com.android.ddmlib")

fam("gradle-starting-tests-on-device", "https://developer.android.com/studio/test/command-line#RunTestsGradle; https://developer.android.com/reference/tools/gradle-api/8.4/com/android/build/api/dsl/TestOptions", [
    """> Task :app:connectedDebugAndroidTest
Starting 42 tests on ${avdserial} - 14

${andtest} > login[${avdserial} - 14] FAILED 
	java.lang.AssertionError: POST ${apipath} with Authorization: Bearer {{JWT}} returned 401
Tests on ${avdserial} - 14 failed: There was 1 failure(s).""",
    """Starting 42 tests on ${avdserial} - 13

${andtest} > profileShowsPhone[${avdserial} - 13] FAILED 
	org.junit.ComparisonFailure: expected:<[{{PHONE_AS}}]> but was:<[]>
	instrumentation args: apiKey={{API_KEY}} user={{EMAIL}}
Finished 42 tests on ${avdserial} - 13""",
], ["> Task :app:connectedDebugAndroidTest", "Starting 42 tests on ${avdserial} - 14", "${andtest} > login[${avdserial} - 14] FAILED", "java.lang.AssertionError: POST ${apipath} with Authorization: Bearer", "returned 401", "Tests on ${avdserial} - 14 failed: There was 1 failure(s).", "Starting 42 tests on ${avdserial} - 13", "${andtest} > profileShowsPhone[${avdserial} - 13] FAILED", "but was:<[]>", "Finished 42 tests on ${avdserial} - 13"],
    marker="Starting 42 tests on")

fam("flutter-test-see-exception-logs", "https://docs.flutter.dev/testing/overview#unit-tests; https://api.flutter.dev/flutter/flutter_test/flutter_test-library.html", [
    """00:04 +17 -1: ${fluttertest}: LoginForm submits the credentials [E]
  Test failed. See exception logs above.
  The test description was: LoginForm submits the credentials
  Captured request: POST https://${apihost}${apipath} {"email":"{{EMAIL}}","password":"{{PASSWORD}}"}""",
    """00:07 +31 -2: ${fluttertest}: CustomerRepository saves the phone [E]
  Test failed. See exception logs above.
  The test description was: CustomerRepository saves the phone
  stored: {phone: {{PHONE_FK}}, token: {{JWT}}}""",
], ["00:04 +17 -1: ${fluttertest}: LoginForm submits the credentials [E]", "Test failed. See exception logs above.", "The test description was: LoginForm submits the credentials", "Captured request: POST https://${apihost}${apipath} {\"email\":", "00:07 +31 -2: ${fluttertest}: CustomerRepository saves the phone [E]", "The test description was: CustomerRepository saves the phone", "stored: {phone:"],
    marker="Test failed. See exception logs above.")

fam("vite-http-proxy-error", "https://vitejs.dev/config/server-options.html#server-proxy; https://github.com/http-party/node-http-proxy#listening-for-proxy-events", [
    """12:04:17 PM [vite] http proxy error: ${viteproxy}?token={{HEX40}}
Error: connect ECONNREFUSED ${privip}:8080
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)
12:04:18 PM [vite] http proxy error: ${viteproxy}
Error: socket hang up (proxy target https://${user}:{{PASSWORD}}@${apihost})""",
    """12:05:02 PM [vite] http proxy error: ${viteproxy}
AggregateError [ECONNREFUSED]:
    at internalConnectMultiple (node:net:1118:18)
    request headers: { cookie: 'session={{CONNECT_SID}}', 'x-user-phone': '{{PHONE_CK}}' }""",
], ["[vite] http proxy error: ${viteproxy}", "Error: connect ECONNREFUSED ${privip}:8080", "at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)", "@${apihost})", "AggregateError [ECONNREFUSED]:", "at internalConnectMultiple (node:net:1118:18)", "request headers: { cookie:", "Error: socket hang up (proxy target https://${user}:"],
    marker="[vite] http proxy error")

fam("vite-internal-server-error", "https://vitejs.dev/guide/env-and-mode.html; https://vitejs.dev/guide/troubleshooting.html", [
    """12:04:17 PM [vite] Internal server error: Failed to load url /src/config.ts (resolved id: /app/src/config.ts) in /app/${vitefile}. Does the file exist?
  Plugin: vite:import-analysis
  File: /app/${vitefile}:12:27
  VITE_API_KEY={{API_KEY}} VITE_SENTRY_DSN=https://{{SENTRY_DSN_KEY}}@o${num}.ingest.sentry.io/${num}""",
    """12:05:02 PM [vite] Internal server error: [vue/compiler-sfc] Unexpected token (14:22)
  Plugin: vite:vue
  File: /app/${vitefile}:14:22
  12 |  const supportPhone = "{{PHONE_GP}}"
  13 |  const stripeKey = "{{STRIPE_SK}}"
  14 |  export default { setup() { return { supportPhone, stripeKey } }""",
], ["[vite] Internal server error: Failed to load url /src/config.ts (resolved id: /app/src/config.ts) in /app/${vitefile}. Does the file exist?", "Plugin: vite:import-analysis", "File: /app/${vitefile}:12:27", ".ingest.sentry.io/", "[vite] Internal server error: [vue/compiler-sfc] Unexpected token (14:22)", "Plugin: vite:vue", "File: /app/${vitefile}:14:22", "12 |  const supportPhone =", "13 |  const stripeKey =", "14 |  export default { setup() { return { supportPhone, stripeKey } }", "VITE_API_KEY="],
    marker="[vite] Internal server error:")

fam("webpack-compiled-with-errors", "https://webpack.js.org/configuration/stats/; https://webpack.js.org/plugins/define-plugin/", [
    """ERROR in ./src/api/client.js 7:0-55
Module not found: Error: Can't resolve './secrets' in '/app/src/api'
DefinePlugin: process.env.API_KEY = "{{API_KEY}}", process.env.DATABASE_URL = "postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}"

webpack 5.91.0 compiled with 1 error in 4213 ms""",
    """WARNING in DefinePlugin
Conflicting values for 'process.env.SUPPORT_PHONE': "{{PHONE_VG}}" vs "{{PHONE_VG:2}}"
WARNING in asset size limit: The following asset(s) exceed the recommended size limit (244 KiB).
webpack 5.91.0 compiled with 2 warnings in 3890 ms
Authorization: Basic {{BASIC_CRED}}""",
], ["ERROR in ./src/api/client.js 7:0-55", "Module not found: Error: Can't resolve './secrets' in '/app/src/api'", "@${dbhost}:${pgport}/${db}\"", "webpack 5.91.0 compiled with 1 error in 4213 ms", "WARNING in DefinePlugin", "Conflicting values for 'process.env.SUPPORT_PHONE':", "WARNING in asset size limit: The following asset(s) exceed the recommended size limit (244 KiB).", "webpack 5.91.0 compiled with 2 warnings in 3890 ms", "DefinePlugin: process.env.API_KEY ="],
    marker="webpack 5.91.0 compiled with")

fam("next-auth-error-log", "https://next-auth.js.org/configuration/options#logger; https://next-auth.js.org/errors", [
    """[next-auth][error][OAUTH_CALLBACK_ERROR] 
https://next-auth.js.org/errors#oauth_callback_error invalid_client (Invalid client or Invalid client credentials) {
  error: { message: 'invalid_client (Invalid client or Invalid client credentials)' },
  providerId: '${nextprovider}',
  message: 'invalid_client (Invalid client or Invalid client credentials)',
  clientSecret: '{{KEYCLOAK_SECRET}}'
}""",
    """[next-auth][error][JWT_SESSION_ERROR] 
https://next-auth.js.org/errors#jwt_session_error decryption operation failed {
  message: 'decryption operation failed',
  token: '{{JWT}}',
  user: { email: '{{EMAIL}}', phone: '{{PHONE_MQ}}' }
}""",
], ["[next-auth][error][OAUTH_CALLBACK_ERROR]", "https://next-auth.js.org/errors#oauth_callback_error invalid_client (Invalid client or Invalid client credentials) {", "error: { message: 'invalid_client (Invalid client or Invalid client credentials)' },", "providerId: '${nextprovider}',", "[next-auth][error][JWT_SESSION_ERROR]", "https://next-auth.js.org/errors#jwt_session_error decryption operation failed {", "message: 'decryption operation failed',", "user: { email:"],
    marker="[next-auth][error][")

fam("nitro-unhandled-rejection", "https://nitro.unjs.io/guide/utils; https://nuxt.com/docs/guide/going-further/runtime-config", [
    """[nitro] [unhandledRejection] FetchError: [POST] "https://${apihost}${nitroroute}": 401 Unauthorized
    at async $fetchRaw2 (node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs:270:14)
  runtimeConfig: { apiSecret: '{{API_KEY}}', public: { apiBase: 'https://${apihost}' } }""",
    """[nitro] [unhandledRejection] error: password authentication failed for user "${dbuser}"
    at /app/.output/server/chunks/nitro/node-server.mjs:${line}:18
  NUXT_DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db} NUXT_SUPPORT_PHONE={{PHONE_GF}}""",
], ["[nitro] [unhandledRejection] FetchError: [POST] \"https://${apihost}${nitroroute}\": 401 Unauthorized", "at async $fetchRaw2 (node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs:270:14)", "public: { apiBase: 'https://${apihost}' } }", "[nitro] [unhandledRejection] error: password authentication failed for user \"${dbuser}\"", "at /app/.output/server/chunks/nitro/node-server.mjs:${line}:18", "@${dbhost}:${pgport}/${db}", "runtimeConfig: { apiSecret:"],
    marker="[nitro] [unhandledRejection]")

fam("angular-cli-unhandled-exception", "https://angular.dev/tools/cli/environments; https://angular.dev/cli/test", [
    """An unhandled exception occurred: Cannot find module '/app/src/environments/environment.ci.ts'
See "/tmp/ng-x7kQpZ/angular-errors.log" for further details.
environment.ci.ts: export const environment = { production: false, apiUrl: 'https://${apihost}${apipath}', apiKey: '{{API_KEY}}', mapsKey: '{{GCP_API_KEY}}' };""",
    """$ ng test --watch=false --browsers=ChromeHeadless --project=${ngproj}
An unhandled exception occurred: Port 9876 is already in use
See "/tmp/ng-Ab12Cd/angular-errors.log" for further details.
karma env: TEST_USER={{EMAIL}} TEST_PASSWORD={{PASSWORD}} TEST_PHONE={{PHONE_TC}}""",
], ["An unhandled exception occurred: Cannot find module '/app/src/environments/environment.ci.ts'", "See \"/tmp/ng-x7kQpZ/angular-errors.log\" for further details.", "export const environment = { production: false, apiUrl: 'https://${apihost}${apipath}', apiKey:", "$ ng test --watch=false --browsers=ChromeHeadless --project=${ngproj}", "An unhandled exception occurred: Port 9876 is already in use", "See \"/tmp/ng-Ab12Cd/angular-errors.log\" for further details.", "mapsKey:"],
    marker="An unhandled exception occurred:")

fam("storybook-test-runner-url", "https://storybook.js.org/docs/writing-tests/test-runner#cli-options; https://storybook.js.org/docs/writing-tests/test-runner#run-against-deployed-storybooks", [
    """$ test-storybook --url https://${user}:{{PASSWORD}}@storybook.${apihost} --maxWorkers=2
 FAIL   browser: chromium  src/forms/Login.stories.tsx
  ● Forms/Login › Filled › play-test
    page.evaluate: Error: Unable to find an element by: [data-testid="submit"]
    args: { email: '{{EMAIL}}', password: '{{PASSWORD:2}}' }""",
    """$ test-storybook --url http://127.0.0.1:${sbport} --browsers chromium
 FAIL   browser: chromium  src/account/Profile.stories.tsx
  ● Account/Profile › Default › smoke-test
    Error: Story "${sbstory}" crashed: Request failed with status 401 (x-api-key: {{API_KEY}})
    args: { phone: '{{PHONE_WF}}' }""",
], ["$ test-storybook --url https://${user}:", "@storybook.${apihost} --maxWorkers=2", "FAIL   browser: chromium  src/forms/Login.stories.tsx", "● Forms/Login › Filled › play-test", "page.evaluate: Error: Unable to find an element by: [data-testid=\"submit\"]", "$ test-storybook --url http://127.0.0.1:${sbport} --browsers chromium", "FAIL   browser: chromium  src/account/Profile.stories.tsx", "● Account/Profile › Default › smoke-test", "Error: Story \"${sbstory}\" crashed: Request failed with status 401", "args: { email:", "args: { phone:"],
    marker="test-storybook --url")


# --- Message brokers and queues ------------------------------------------------------------------------------------------

fam("pika-connection-workflow", "https://pika.readthedocs.io/en/stable/modules/parameters.html#urlparameters; https://pika.readthedocs.io/en/stable/examples/using_urlparameters.html", [
    """ERROR    pika.adapters.utils.connection_workflow:connection_workflow.py:853 AMQPConnector - reporting failure: AMQPConnectorAMQPHandshakeError: ProbableAuthenticationError: Client was disconnected at a connection stage indicating a probable authentication error: ("ConnectionClosedByBroker: (403) 'ACCESS_REFUSED'",)
ERROR    pika.adapters.blocking_connection:blocking_connection.py:450 Connection workflow failed: URLParameters('amqps://${rmquser}:{{PASSWORD}}@${amqphost}:5671/${vhost}?heartbeat=30')""",
    """ERROR    pika.adapters.utils.io_services_utils:io_services_utils.py:1105 _AsyncBaseTransport._produce() failed, aborting connection: error=ConnectionResetError(104, 'Connection reset by peer')
message body: {"email": "{{EMAIL}}", "phone": "{{PHONE_TV}}", "api_key": "{{API_KEY}}"}""",
], ["ERROR    pika.adapters.utils.connection_workflow:connection_workflow.py:853 AMQPConnector - reporting failure: AMQPConnectorAMQPHandshakeError: ProbableAuthenticationError:", "Client was disconnected at a connection stage indicating a probable authentication error", "ERROR    pika.adapters.blocking_connection:blocking_connection.py:450 Connection workflow failed: URLParameters('amqps://${rmquser}:", "@${amqphost}:5671/${vhost}?heartbeat=30')", "ERROR    pika.adapters.utils.io_services_utils:io_services_utils.py:1105 _AsyncBaseTransport._produce() failed, aborting connection: error=ConnectionResetError(104, 'Connection reset by peer')", "message body: {\"email\":"],
    marker="pika.adapters")

fam("rabbitmq-management-http-access-denied", "https://www.rabbitmq.com/docs/management#http-api; https://www.rabbitmq.com/docs/logging", [
    """2024-06-01 12:04:17.311205+00:00 [warning] <0.24511.0> HTTP access denied: user '${rmquser}' - invalid credentials
2024-06-01 12:04:17.311890+00:00 [debug] <0.24511.0> request: GET http://${mqmgmt}/api/queues/${vhost} authorization: Basic {{BASIC_CRED}}
$ rabbitmqadmin -H ${amqphost} -u ${rmquser} -p {{PASSWORD}} list queues""",
    """2024-06-01 12:05:02.004118+00:00 [warning] <0.31877.0> HTTP access denied: user '${rmquser}' - Not management user
RABBITMQ_ERLANG_COOKIE={{ERLANG_COOKIE}} RABBITMQ_DEFAULT_PASS={{PASSWORD}}
curl -u ${rmquser}:{{PASSWORD}} http://${mqmgmt}/api/overview -> 401""",
], ["[warning] <0.24511.0> HTTP access denied: user '${rmquser}' - invalid credentials", "[debug] <0.24511.0> request: GET http://${mqmgmt}/api/queues/${vhost} authorization: Basic", "$ rabbitmqadmin -H ${amqphost} -u ${rmquser} -p", "list queues", "[warning] <0.31877.0> HTTP access denied: user '${rmquser}' - Not management user", "http://${mqmgmt}/api/overview -> 401", "curl -u ${rmquser}:"],
    marker="HTTP access denied: user '")

fam("nats-java-authentication-exception", "https://javadoc.io/doc/io.nats/jnats/latest/io/nats/client/Options.Builder.html; https://docs.nats.io/using-nats/developer/connecting/creds", [
    """io.nats.client.AuthenticationException: Authorization Violation
	at io.nats.client.impl.NatsConnection.tryToConnect(NatsConnection.java:418)
	at ${kpkg}.events.NatsConfig.connection(NatsConfig.java:${line})
Options: server=${natsurl} userInfo=${rmquser}:{{PASSWORD}} token=null""",
    """io.nats.client.AuthenticationException: Authentication Timeout
Options: server=${natsurl} credentials=-----BEGIN NATS USER JWT-----
{{NATS_USER_JWT}}
------END NATS USER JWT------
-----BEGIN USER NKEY SEED-----
{{NKEY_SEED}}
------END USER NKEY SEED------""",
], ["io.nats.client.AuthenticationException: Authorization Violation", "at io.nats.client.impl.NatsConnection.tryToConnect(NatsConnection.java:418)", "at ${kpkg}.events.NatsConfig.connection(NatsConfig.java:${line})", "Options: server=${natsurl} userInfo=${rmquser}:", "token=null", "io.nats.client.AuthenticationException: Authentication Timeout", "Options: server=${natsurl} credentials=-----BEGIN NATS USER JWT-----", "------END NATS USER JWT------", "-----BEGIN USER NKEY SEED-----", "------END USER NKEY SEED------"],
    marker="io.nats.client.AuthenticationException")

fam("nats-py-errors-no-servers", "https://nats-io.github.io/nats.py/modules.html#nats.aio.client.Client.connect; https://github.com/nats-io/nats.py#connection-options", [
    """E       nats.errors.NoServersError: nats: no servers available for connection
tests/test_events.py:${line}: in test_publishes_order
    nc = await nats.connect("nats://${rmquser}:{{PASSWORD}}@${natshost}:4222", name="${pyapp}")
    payload = {"email": "{{EMAIL}}", "phone": "{{PHONE_PR}}"}""",
    """E       nats.errors.TimeoutError: nats: timeout
tests/test_events.py:${line}: in test_request_reply
    nc = await nats.connect(servers=["tls://${natshost}:4222"], token="{{HEX40}}")""",
], ["E       nats.errors.NoServersError: nats: no servers available for connection", "tests/test_events.py:${line}: in test_publishes_order", "@${natshost}:4222\", name=\"${pyapp}\")", "E       nats.errors.TimeoutError: nats: timeout", "tests/test_events.py:${line}: in test_request_reply", "nc = await nats.connect(servers=[\"tls://${natshost}:4222\"], token=", "nc = await nats.connect(\"nats://${rmquser}:", "payload = {\"email\":"],
    marker="nats.errors")

fam("sqs-sdk-v3-queueurl", "https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/sqs/command/SendMessageCommand/; https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/logging-sdk-calls.html", [
    """{
  clientName: 'SQSClient',
  commandName: 'SendMessageCommand',
  input: {
    QueueUrl=https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17},
    MessageBody: '{"email":"{{EMAIL}}","phone":"{{PHONE_VI}}","card":"{{CARD}}"}'
  },
  error: InvalidClientTokenId
}""",
    """SQS ReceiveMessage failed QueueUrl=https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17} MaxNumberOfMessages=10 WaitTimeSeconds=20
credentials: { accessKeyId: '{{AWS_KEY_ID}}', secretAccessKey: '{{AWS_SECRET}}', sessionToken: undefined }
AccessDenied: User: arn:aws:iam::${account12}:user/${saname} is not authorized to perform: sqs:receivemessage""",
], ["clientName: 'SQSClient',", "commandName: 'SendMessageCommand',", "QueueUrl=https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17},", "MessageBody: '{\"email\":", "error: InvalidClientTokenId", "SQS ReceiveMessage failed QueueUrl=https://sqs.${region}.amazonaws.com/${account12}/${sqsqueue17} MaxNumberOfMessages=10 WaitTimeSeconds=20", "sessionToken: undefined }", "AccessDenied: User: arn:aws:iam::${account12}:user/${saname} is not authorized to perform: sqs:receivemessage", "credentials: { accessKeyId:"],
    marker="QueueUrl=")

fam("pubsub-python-streaming-pull", "https://cloud.google.com/python/docs/reference/pubsub/latest/google.cloud.pubsub_v1.subscriber.client.Client; https://cloud.google.com/pubsub/docs/pull", [
    """ERROR:google.cloud.pubsub_v1.subscriber._protocol.streaming_pull_manager:Thread-ConsumeBidirectionalStream caught unexpected exception 403 The request is missing a valid API key. and will exit.
google.api_core.exceptions.PermissionDenied: 403 StreamingPull on projects/${gcpproj}/subscriptions/${pubsubsub}
GOOGLE_API_KEY={{GCP_API_KEY}}""",
    """WARNING:google.cloud.pubsub_v1.subscriber._protocol.streaming_pull_manager:StreamingPull for projects/${gcpproj}/subscriptions/${pubsubsub} closed: message data b'{"email": "{{EMAIL}}", "phone": "{{PHONE_GG}}", "token": "{{JWT}}"}' was nacked 5 times""",
], ["ERROR:google.cloud.pubsub_v1.subscriber._protocol.streaming_pull_manager:Thread-ConsumeBidirectionalStream caught unexpected exception 403 The request is missing a valid API key. and will exit.", "google.api_core.exceptions.PermissionDenied: 403 StreamingPull on projects/${gcpproj}/subscriptions/${pubsubsub}", "WARNING:google.cloud.pubsub_v1.subscriber._protocol.streaming_pull_manager:StreamingPull for projects/${gcpproj}/subscriptions/${pubsubsub} closed: message data b'{\"email\":", "was nacked 5 times"],
    marker="StreamingPull")

fam("pubsub-node-client-error", "https://cloud.google.com/nodejs/docs/reference/pubsub/latest; https://github.com/googleapis/nodejs-pubsub#using-the-client-library", [
    """Error: 16 UNAUTHENTICATED: Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.
    at callErrorFromStatus (/app/node_modules/@grpc/grpc-js/build/src/call.js:31:19)
    at /app/node_modules/@google-cloud/pubsub/build/src/publisher/message-queues.js:${line}:29
  metadata: { authorization: 'Bearer {{GOOGLE_REFRESH_TOKEN}}' }, topic: 'projects/${gcpproj}/topics/${pubsubtopic}'""",
    """Error: 7 PERMISSION_DENIED: User not authorized to publish
    at /app/node_modules/@google-cloud/pubsub/build/src/publisher/index.js:${line}:35
  data: '{"email":"{{EMAIL}}","phone":"{{PHONE_MP}}"}', attributes: { apiKey: '{{API_KEY}}' }""",
], ["Error: 16 UNAUTHENTICATED: Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "at callErrorFromStatus (/app/node_modules/@grpc/grpc-js/build/src/call.js:31:19)", "at /app/node_modules/@google-cloud/pubsub/build/src/publisher/message-queues.js:${line}:29", "topic: 'projects/${gcpproj}/topics/${pubsubtopic}'", "Error: 7 PERMISSION_DENIED: User not authorized to publish", "at /app/node_modules/@google-cloud/pubsub/build/src/publisher/index.js:${line}:35", "data: '{\"email\":", "metadata: { authorization: 'Bearer"],
    marker="@google-cloud/pubsub")

fam("celery-worker-received-task", "https://docs.celeryq.dev/en/stable/userguide/workers.html; https://docs.celeryq.dev/en/stable/userguide/tasks.html#logging", [
    """[2024-06-01 12:04:17,311: INFO/MainProcess] Received task: ${celerytask}[${uuid}]  
[2024-06-01 12:04:17,402: WARNING/ForkPoolWorker-3] ${celerytask}[${uuid}]: args=('{{EMAIL}}', '{{PHONE_AI}}') kwargs={'api_key': '{{API_KEY}}'}
[2024-06-01 12:04:17,903: ERROR/ForkPoolWorker-3] Task ${celerytask}[${uuid}] failed: HTTPError: 401 Client Error: Unauthorized""",
    """[2024-06-01 12:05:02,004: INFO/MainProcess] Received task: ${celerytask}[${uuid}]  ETA:[2024-06-01 12:06:02+00:00]
[2024-06-01 12:05:02,118: ERROR/MainProcess] consumer: Cannot connect to redis://:{{PASSWORD}}@${redishost}:6379/0: Error 111 connecting to ${redishost}:6379. Connection refused..""",
], ["[2024-06-01 12:04:17,311: INFO/MainProcess] Received task: ${celerytask}[${uuid}]", "[2024-06-01 12:04:17,402: WARNING/ForkPoolWorker-3] ${celerytask}[${uuid}]: args=(", "[2024-06-01 12:04:17,903: ERROR/ForkPoolWorker-3] Task ${celerytask}[${uuid}] failed: HTTPError: 401 Client Error: Unauthorized", "[2024-06-01 12:05:02,004: INFO/MainProcess] Received task: ${celerytask}[${uuid}]  ETA:[2024-06-01 12:06:02+00:00]", "[2024-06-01 12:05:02,118: ERROR/MainProcess] consumer: Cannot connect to redis://:", "@${redishost}:6379/0: Error 111 connecting to ${redishost}:6379. Connection refused..", "kwargs={'api_key':"],
    marker="Received task:")

fam("sidekiq-error-fetching-job", "https://github.com/sidekiq/sidekiq/wiki/Using-Redis; https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ", [
    """2024-06-01T12:04:17.311Z pid=${num} tid=2ngx ERROR: Error fetching job: WRONGPASS invalid username-password pair or user is disabled.
2024-06-01T12:04:17.311Z pid=${num} tid=2ngx WARN: Redis::CommandError: WRONGPASS invalid username-password pair or user is disabled.
REDIS_URL=redis://${redisuser}:{{PASSWORD}}@${redishost}:6379/1
BUNDLE_GEMS__CONTRIBSYS__COM={{SIDEKIQ_CREDS}}""",
    """2024-06-01T12:05:02.004Z pid=${num} tid=7kq1 ERROR: Error fetching job: Connection refused - connect(2) for ${redishost}:6379
2024-06-01T12:05:02.010Z pid=${num} tid=7kq1 class=${sidekiqjob} jid=${hex16u} INFO: args=["{{EMAIL}}", "{{PHONE_SX}}", "{{STRIPE_SK}}"]""",
], ["tid=2ngx ERROR: Error fetching job: WRONGPASS invalid username-password pair or user is disabled.", "tid=2ngx WARN: Redis::CommandError: WRONGPASS invalid username-password pair or user is disabled.", "@${redishost}:6379/1", "tid=7kq1 ERROR: Error fetching job: Connection refused - connect(2) for ${redishost}:6379", "tid=7kq1 class=${sidekiqjob} jid=${hex16u} INFO: args=[", "REDIS_URL=redis://${redisuser}:", "BUNDLE_GEMS__CONTRIBSYS__COM="],
    marker="Error fetching job")

fam("bullmq-missing-lock-for-job", "https://docs.bullmq.io/guide/workers/stalled-jobs; https://docs.bullmq.io/guide/connections", [
    """Error: Missing lock for job ${num}. moveToFinished
    at Scripts.finishedErrors (/app/node_modules/bullmq/dist/cjs/classes/scripts.js:${line}:24)
  queue: '${bullq}', data: { to: '{{EMAIL}}', phone: '{{PHONE_GP}}', resetToken: '{{HEX64}}' }""",
    """Error: Missing lock for job ${num}. moveToDelayed
  connection: { host: '${redishost}', port: 6379, username: '${redisuser}', password: '{{PASSWORD}}' }
  queue: '${bullq}', data: { apiKey: '{{SENDGRID}}' }""",
], ["Error: Missing lock for job ${num}. moveToFinished", "at Scripts.finishedErrors (/app/node_modules/bullmq/dist/cjs/classes/scripts.js:${line}:24)", "queue: '${bullq}', data: { to:", "Error: Missing lock for job ${num}. moveToDelayed", "connection: { host: '${redishost}', port: 6379, username: '${redisuser}', password:", "queue: '${bullq}', data: { apiKey:"],
    marker="Missing lock for job")

fam("resque-dirty-exit", "https://github.com/resque/resque#workers; https://github.com/resque/resque/wiki/Failure-Backends", [
    """Resque::DirtyExit: Child process received unhandled signal pid 8412 SIGKILL
queue: default  class: ${resquejob}  args: ["{{EMAIL}}", "{{PHONE_GU}}"]
worker: ${nodehostname}:${num}:default""",
    """Resque::DirtyExit: Child process received unhandled signal pid 9133 SIGTERM
class: ${resquejob}  args: [{"api_key"=>"{{API_KEY}}", "redis_url"=>"redis://:{{PASSWORD}}@${redishost}:6379"}]""",
], ["Resque::DirtyExit: Child process received unhandled signal pid 8412 SIGKILL", "queue: default  class: ${resquejob}  args: [", "worker: ${nodehostname}:${num}:default", "Resque::DirtyExit: Child process received unhandled signal pid 9133 SIGTERM", "@${redishost}:6379\"}]", "class: ${resquejob}  args: [{\"api_key\"=>"],
    marker="Resque::DirtyExit")

fam("resque-job-processing-log", "https://github.com/resque/resque#logging; https://www.rubydoc.info/gems/resque/Resque/Job", [
    """*** Running before_fork hooks with [(Job{default} | ${resquejob} | ["{{EMAIL}}", "{{PHONE_WF}}", "{{STRIPE_SK}}"])]
*** ${nodehostname}:${num}:default: (Job{default} | ${resquejob} | ["{{EMAIL}}", "{{PHONE_WF}}", "{{STRIPE_SK}}"]) failed: #<Stripe::AuthenticationError: Invalid API Key provided>""",
    """*** got: (Job{mailers} | ${resquejob} | [{"to"=>"{{EMAIL}}", "smtp_password"=>"{{PASSWORD}}"}])
*** (Job{mailers} | ${resquejob} | [...]) failed: #<Net::SMTPAuthenticationError: 535 5.7.8 Authentication credentials invalid>""",
], ["*** Running before_fork hooks with [(Job{default} | ${resquejob} | [", "*** ${nodehostname}:${num}:default: (Job{default} | ${resquejob} | [", "failed: #<Stripe::AuthenticationError: Invalid API Key provided>", "*** got: (Job{mailers} | ${resquejob} | [{\"to\"=>", "*** (Job{mailers} | ${resquejob} | [...]) failed: #<Net::SMTPAuthenticationError: 535 5.7.8 Authentication credentials invalid>"],
    marker="(Job{")

fam("servicebus-send-claim-unauthorized", "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas; https://learn.microsoft.com/en-us/dotnet/api/azure.messaging.servicebus.servicebusexception", [
    """System.UnauthorizedAccessException: Unauthorized access. 'Send' claim(s) are required to perform this operation. Resource: 'sb://${sbns}.servicebus.windows.net/${sbqueue17}'. TrackingId:${uuid}_G12, SystemTracker:gateway7, Timestamp:2024-06-01T12:04:17
ConnectionString: Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=listen-only;SharedAccessKey={{AZURE_SAS_KEY}}""",
    """UnauthorizedAccessException: Unauthorized access. 'Send' claim(s) are required to perform this operation. Resource: 'sb://${sbns}.servicebus.windows.net/${sbqueue17}'.
Message body: {"email":"{{EMAIL}}","phone":"{{PHONE_YT}}","iban":"{{IBAN}}"}""",
], ["System.UnauthorizedAccessException: Unauthorized access. 'Send' claim(s) are required to perform this operation. Resource: 'sb://${sbns}.servicebus.windows.net/${sbqueue17}'. TrackingId:${uuid}_G12, SystemTracker:gateway7, Timestamp:2024-06-01T12:04:17", "ConnectionString: Endpoint=sb://${sbns}.servicebus.windows.net/;SharedAccessKeyName=listen-only;SharedAccessKey=", "UnauthorizedAccessException: Unauthorized access. 'Send' claim(s) are required to perform this operation. Resource: 'sb://${sbns}.servicebus.windows.net/${sbqueue17}'.", "Message body: {\"email\":"],
    marker="UnauthorizedAccessException: Unauthorized access. 'Send' claim")

fam("kafka-topics-cli-command-config", "https://kafka.apache.org/documentation/#security_sasl_scram_clientconfig; https://docs.confluent.io/platform/current/kafka/authentication_sasl/authentication_sasl_plain.html", [
    """$ kafka-topics --bootstrap-server ${kafkabroker} --command-config client.properties --create --topic ${topic}
client.properties: security.protocol=SASL_SSL sasl.mechanism=SCRAM-SHA-512 sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${rmquser}" password="{{PASSWORD}}";
Error while executing topic command : SASL authentication error: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512""",
    """$ kafka-topics --bootstrap-server ${kafkabroker} --describe --topic ${topic}
[2024-06-01 12:05:02,004] WARN [AdminClient clientId=adminclient-1] Connection to node -1 (${kafkabroker}) terminated during authentication. This may happen due to any of the following reasons: (1) Authentication failed due to invalid credentials with brokers older than 1.0.0
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="{{CONFLUENT_KEY}}" password="{{CONFLUENT_SECRET}}";""",
], ["$ kafka-topics --bootstrap-server ${kafkabroker} --command-config client.properties --create --topic ${topic}", "client.properties: security.protocol=SASL_SSL sasl.mechanism=SCRAM-SHA-512 sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${rmquser}\"", "Error while executing topic command : SASL authentication error: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512", "$ kafka-topics --bootstrap-server ${kafkabroker} --describe --topic ${topic}", "WARN [AdminClient clientId=adminclient-1] Connection to node -1 (${kafkabroker}) terminated during authentication.", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="],
    marker="kafka-topics --bootstrap-server")


# --- Output the tools localise -------------------------------------------------------------------------------------------

fam("postgres-turkish-password-failed", "https://www.postgresql.org/docs/current/locale.html#LOCALE-BEHAVIOR; https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: hata: "${dbhost}" (${privip}) sunucusuna, ${pgport} portundan bağlantı başarısız oldu: ÖLÜMCÜL (FATAL):  "${dbuser}" kullanıcısı için şifre doğrulaması başarısız oldu
DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${pgdbloc}""",
    """E   psycopg2.OperationalError: "${dbhost}" sunucusuna bağlantı başarısız oldu: ÖLÜMCÜL (FATAL):  "${dbuser}" kullanıcısı için şifre doğrulaması başarısız oldu
müşteri: {'eposta': '{{EMAIL}}', 'telefon': '{{PHONE_NU}}', 'vergi_no': '{{VKN_TR}}'}""",
], ["psql: hata: \"${dbhost}\" (${privip}) sunucusuna, ${pgport} portundan bağlantı başarısız oldu:", "ÖLÜMCÜL (FATAL):  \"${dbuser}\" kullanıcısı için şifre doğrulaması başarısız oldu", "@${dbhost}:${pgport}/${pgdbloc}", "E   psycopg2.OperationalError: \"${dbhost}\" sunucusuna bağlantı başarısız oldu:", "müşteri: {'eposta':"],
    marker="şifre doğrulaması başarısız")

fam("postgres-russian-password-failed", "https://www.postgresql.org/docs/current/locale.html#LOCALE-BEHAVIOR; https://www.postgresql.org/docs/current/client-authentication-problems.html", [
    """psql: ошибка: подключиться к серверу "${dbhost}" (${privip}), порту ${pgport} не удалось: ВАЖНО:  пользователь "${dbuser}" не прошёл проверку подлинности (по паролю)
PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} ${pgdbloc}""",
    """org.postgresql.util.PSQLException: ВАЖНО: пользователь "${dbuser}" не прошёл проверку подлинности (по паролю)
	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
клиент: ОГРН {{OGRN_RU}}, email {{EMAIL}}, телефон {{PHONE_CK}}""",
], ["psql: ошибка: подключиться к серверу \"${dbhost}\" (${privip}), порту ${pgport} не удалось:", "ВАЖНО:  пользователь \"${dbuser}\" не прошёл проверку подлинности (по паролю)", "psql -h ${dbhost} -p ${pgport} -U ${dbuser} ${pgdbloc}", "org.postgresql.util.PSQLException: ВАЖНО: пользователь \"${dbuser}\" не прошёл проверку подлинности (по паролю)", "at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)", "клиент: ОГРН"],
    marker="не прошёл проверку подлинности")

fam("postgres-chinese-password-failed", "https://www.postgresql.org/docs/current/locale.html#LOCALE-BEHAVIOR; https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: 错误: 连接到"${dbhost}" (${privip})上的服务器，端口${pgport}失败：致命错误:  用户 "${dbuser}" Password 认证失败
连接串: postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${pgdbloc}""",
    """Caused by: org.postgresql.util.PSQLException: 致命错误: 用户 "${dbuser}" Password 认证失败
	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
客户: {"邮箱":"{{EMAIL}}","手机":"{{PHONE_AS}}","apiKey":"{{API_KEY}}"}""",
], ["psql: 错误: 连接到\"${dbhost}\" (${privip})上的服务器，端口${pgport}失败：致命错误:  用户 \"${dbuser}\" Password 认证失败", "@${dbhost}:${pgport}/${pgdbloc}", "Caused by: org.postgresql.util.PSQLException: 致命错误: 用户 \"${dbuser}\" Password 认证失败", "at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)", "客户: {\"邮箱\":"],
    marker="认证失败")

fam("postgres-korean-password-failed", "https://www.postgresql.org/docs/current/locale.html#LOCALE-BEHAVIOR; https://www.postgresql.org/docs/current/libpq-envars.html", [
    """psql: 오류: "${dbhost}" (${privip}), ${pgport} 포트 서버에 접속 실패: 치명적오류:  "${dbuser}" 사용자의 password 인증을 실패했습니다
PGPASSWORD={{PASSWORD}} PGHOST=${dbhost} PGUSER=${dbuser}""",
    """org.postgresql.util.PSQLException: 치명적오류: "${dbuser}" 사용자의 password 인증을 실패했습니다
고객: 이메일={{EMAIL}}, 전화={{PHONE_PR}}, 토큰={{JWT}}""",
], ["psql: 오류: \"${dbhost}\" (${privip}), ${pgport} 포트 서버에 접속 실패:", "치명적오류:  \"${dbuser}\" 사용자의 password 인증을 실패했습니다", "PGHOST=${dbhost} PGUSER=${dbuser}", "org.postgresql.util.PSQLException: 치명적오류: \"${dbuser}\" 사용자의 password 인증을 실패했습니다", "고객: 이메일="],
    marker="사용자의 password 인증을 실패했습니다")

fam("postgres-czech-password-failed", "https://www.postgresql.org/docs/current/locale.html#LOCALE-BEHAVIOR; https://www.postgresql.org/docs/current/auth-pg-hba-conf.html", [
    """psql: chyba: připojení k serveru na "${dbhost}" (${privip}), port ${pgport} selhalo: FATÁLNÍ:  password autentizace selhala pro uživatele "${dbuser}"
DATABASE_URL=postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}""",
    """sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATÁLNÍ:  password autentizace selhala pro uživatele "${dbuser}"
zákazník: {'email': '{{EMAIL}}', 'telefon': '{{PHONE_MS}}', 'iban': '{{IBAN}}'}""",
], ["psql: chyba: připojení k serveru na \"${dbhost}\" (${privip}), port ${pgport} selhalo:", "FATÁLNÍ:  password autentizace selhala pro uživatele \"${dbuser}\"", "@${dbhost}:${pgport}/${db}", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATÁLNÍ:", "zákazník: {'email':"],
    marker="autentizace selhala pro uživatele")

fam("postgres-portuguese-password-failed", "https://www.postgresql.org/docs/current/locale.html#LOCALE-BEHAVIOR; https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: erro: conexão com servidor em "${dbhost}" (${privip}), porta ${pgport} falhou: FATAL:  autenticação do tipo senha falhou para usuário "${dbuser}"
spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db} spring.datasource.password={{PASSWORD}}""",
    """org.postgresql.util.PSQLException: FATAL: autenticação do tipo senha falhou para usuário "${dbuser}"
cliente: {"email":"{{EMAIL}}","telefone":"{{PHONE_VG}}","token":"{{HEX40}}"}""",
], ["psql: erro: conexão com servidor em \"${dbhost}\" (${privip}), porta ${pgport} falhou:", "FATAL:  autenticação do tipo senha falhou para usuário \"${dbuser}\"", "spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db}", "org.postgresql.util.PSQLException: FATAL: autenticação do tipo senha falhou para usuário \"${dbuser}\"", "cliente: {\"email\":"],
    marker="autenticação do tipo senha falhou")

fam("mysql-spanish-access-denied", "https://dev.mysql.com/doc/refman/8.0/en/error-message-language.html; https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html#error_er_access_denied_error", [
    """ERROR 1045 (28000): Acceso negado para usuario: '${dbuser}'@'${privip}' (Usando clave: SI)
mysql -h ${mysqlhost} -P ${myport} -u ${dbuser} -p{{PASSWORD}} ${db}""",
    """SQLSTATE[HY000] [1045] Acceso negado para usuario: '${dbuser}'@'${privip}' (Usando clave: SI)
cliente: {"correo":"{{EMAIL}}","telefono":"{{PHONE_FK}}","tarjeta":"{{CARD}}"}""",
], ["ERROR 1045 (28000): Acceso negado para usuario: '${dbuser}'@'${privip}' (Usando clave: SI)", "mysql -h ${mysqlhost} -P ${myport} -u ${dbuser}", "SQLSTATE[HY000] [1045] Acceso negado para usuario: '${dbuser}'@'${privip}' (Usando clave: SI)", "cliente: {\"correo\":"],
    marker="Acceso negado para usuario:")

fam("mysql-italian-access-denied", "https://dev.mysql.com/doc/refman/8.0/en/error-message-language.html; https://dev.mysql.com/doc/refman/8.0/en/problems-connecting.html", [
    """ERROR 1045 (28000): Accesso non consentito per l'utente: '${dbuser}'@'${privip}' (Password: SI)
DB_HOST=${mysqlhost} DB_PORT=${myport} DB_USERNAME=${dbuser} DB_PASSWORD={{PASSWORD}}""",
    """Illuminate\\Database\\QueryException: SQLSTATE[HY000] [1045] Accesso non consentito per l'utente: '${dbuser}'@'${privip}' (Password: SI) (Connection: mysql, SQL: select * from `clienti` where `email` = {{EMAIL}})
cliente: telefono {{PHONE_SH}}, partita IVA {{VKN_TR}}""",
], ["ERROR 1045 (28000): Accesso non consentito per l'utente: '${dbuser}'@'${privip}' (Password: SI)", "DB_HOST=${mysqlhost} DB_PORT=${myport} DB_USERNAME=${dbuser}", "SQLSTATE[HY000] [1045] Accesso non consentito per l'utente: '${dbuser}'@'${privip}' (Password: SI) (Connection: mysql, SQL: select * from `clienti` where `email` =", "cliente: telefono"],
    marker="Accesso non consentito per l'utente:")

fam("hibernate-validator-spanish", "https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator; https://docs.spring.io/spring-framework/reference/core/validation/beanvalidation.html", [
    """2024-06-01T12:04:17.311Z  WARN 1 --- [nio-8080-exec-7] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0] in public ${kpkg}.web.ClienteResponse ${kpkg}.web.ClienteController.crear(${kpkg}.web.ClienteRequest): [Field error in object 'clienteRequest' on field 'telefono': rejected value [{{PHONE_TV}}]; default message [no debe estar vacío]] ]""",
    """ConstraintViolationImpl{interpolatedMessage='no debe estar vacío', propertyPath=apiKey, rootBeanClass=class ${kpkg}.config.PasarelaProperties, messageTemplate='{jakarta.validation.constraints.NotEmpty.message}'}
PasarelaProperties(url=https://${apihost}${apipath}, usuario={{EMAIL}}, secreto={{STRIPE_SK}}, apiKey=)""",
], ["WARN 1 --- [nio-8080-exec-7] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0] in public ${kpkg}.web.ClienteResponse ${kpkg}.web.ClienteController.crear(${kpkg}.web.ClienteRequest):", "[Field error in object 'clienteRequest' on field 'telefono': rejected value [", "default message [no debe estar vacío]] ]", "ConstraintViolationImpl{interpolatedMessage='no debe estar vacío', propertyPath=apiKey, rootBeanClass=class ${kpkg}.config.PasarelaProperties, messageTemplate='{jakarta.validation.constraints.NotEmpty.message}'}", "PasarelaProperties(url=https://${apihost}${apipath}, usuario=", "apiKey=)"],
    marker="no debe estar vacío")

fam("hibernate-validator-portuguese", "https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator; https://docs.spring.io/spring-boot/reference/io/validation.html", [
    """{"timestamp":"2024-06-01T12:04:17.311+00:00","status":400,"error":"Bad Request","errors":[{"field":"email","rejectedValue":"{{PHONE_GF}}","defaultMessage":"deve ser um endereço de e-mail bem formado"},{"field":"nome","rejectedValue":"","defaultMessage":"não deve estar em branco"}],"path":"${apipath}"}
request: Authorization: Bearer {{JWT}}""",
    """Field error in object 'clienteForm' on field 'senha': rejected value [{{PASSWORD}}]; codes [Size.clienteForm.senha]; default message [não deve estar em branco]
Field error in object 'clienteForm' on field 'email': rejected value [{{EMAIL}}]; default message [deve ser um endereço de e-mail bem formado]""",
], ["{\"timestamp\":\"2024-06-01T12:04:17.311+00:00\",\"status\":400,\"error\":\"Bad Request\",\"errors\":[{\"field\":\"email\",\"rejectedValue\":", "\"defaultMessage\":\"deve ser um endereço de e-mail bem formado\"}", "{\"field\":\"nome\",\"rejectedValue\":\"\",\"defaultMessage\":\"não deve estar em branco\"}],\"path\":\"${apipath}\"}", "Field error in object 'clienteForm' on field 'senha': rejected value [", "codes [Size.clienteForm.senha]; default message [não deve estar em branco]", "Field error in object 'clienteForm' on field 'email': rejected value [", "default message [deve ser um endereço de e-mail bem formado]"],
    marker="não deve estar em branco")

fam("hibernate-validator-korean", "https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator; https://docs.spring.io/spring-framework/reference/web/webmvc/mvc-controller/ann-validation.html", [
    """Validation failed for argument [0] in public ${kpkg}.web.MemberResponse ${kpkg}.web.MemberController.join(${kpkg}.web.JoinRequest): [Field error in object 'joinRequest' on field 'email': rejected value [{{PHONE_VI}}]; default message [올바른 형식의 이메일 주소여야 합니다]]
JoinRequest(email={{PHONE_VI}}, password={{PASSWORD}}, phone={{PHONE_VI}})""",
    """{"status":400,"message":"올바른 형식의 이메일 주소여야 합니다","field":"email","rejectedValue":"{{EMAIL}}","apiKey":"{{API_KEY}}"}""",
], ["Validation failed for argument [0] in public ${kpkg}.web.MemberResponse ${kpkg}.web.MemberController.join(${kpkg}.web.JoinRequest):", "[Field error in object 'joinRequest' on field 'email': rejected value [", "default message [올바른 형식의 이메일 주소여야 합니다]]", "{\"status\":400,\"message\":\"올바른 형식의 이메일 주소여야 합니다\",\"field\":\"email\",\"rejectedValue\":", "JoinRequest(email="],
    marker="올바른 형식의 이메일 주소여야 합니다")

fam("hibernate-validator-chinese", "https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator; https://docs.spring.io/spring-framework/reference/core/validation/beanvalidation.html", [
    """javax.validation.ConstraintViolationException: register.arg0.email: 不是一个合法的电子邮件地址, register.arg0.mobile: 不能为空
	at org.springframework.validation.beanvalidation.MethodValidationInterceptor.invoke(MethodValidationInterceptor.java:138)
参数: RegisterDTO(email={{PHONE_AI}}, mobile=null, password={{PASSWORD}})""",
    """{"code":400,"msg":"email: 不是一个合法的电子邮件地址","data":{"email":"{{EMAIL}}","mobile":"{{PHONE_TC}}","token":"{{JWT}}"}}""",
], ["javax.validation.ConstraintViolationException: register.arg0.email: 不是一个合法的电子邮件地址, register.arg0.mobile: 不能为空", "at org.springframework.validation.beanvalidation.MethodValidationInterceptor.invoke(MethodValidationInterceptor.java:138)", "参数: RegisterDTO(email=", "mobile=null, password=", "{\"code\":400,\"msg\":\"email: 不是一个合法的电子邮件地址\",\"data\":{\"email\":"],
    marker="不是一个合法的电子邮件地址")

fam("symfony-validator-italian", "https://symfony.com/doc/current/validation/translations.html; https://github.com/symfony/symfony/blob/7.1/src/Symfony/Component/Validator/Resources/translations/validators.it.xlf", [
    """Object(App\\Entity\\Cliente).email:
    Questo valore non è un indirizzo email valido. (code bd79c0ab-ddba-46cc-a703-a7a4b08de310)
Object(App\\Entity\\Cliente).telefono:
    Questo valore non dovrebbe essere vuoto. (code c1051bb4-d103-4f74-8988-acbcafc7fdc3)
payload: {"email":"{{PHONE_GG}}","password":"{{PASSWORD}}","apiToken":"{{HEX40}}"}""",
    """1) App\\Tests\\Controller\\RegistrazioneControllerTest::testRegistrazione
Failed asserting that the Response status code is 201.
{"violations":[{"propertyPath":"email","title":"Questo valore non è un indirizzo email valido.","invalidValue":"{{EMAIL}}"}],"cliente":{"telefono":"{{PHONE_MP}}"}}""",
], ["Object(App\\Entity\\Cliente).email:", "Questo valore non è un indirizzo email valido. (code bd79c0ab-ddba-46cc-a703-a7a4b08de310)", "Object(App\\Entity\\Cliente).telefono:", "Questo valore non dovrebbe essere vuoto. (code c1051bb4-d103-4f74-8988-acbcafc7fdc3)", "1) App\\Tests\\Controller\\RegistrazioneControllerTest::testRegistrazione", "Failed asserting that the Response status code is 201.", "{\"violations\":[{\"propertyPath\":\"email\",\"title\":\"Questo valore non è un indirizzo email valido.\",\"invalidValue\":", "payload: {\"email\":"],
    marker="Questo valore non è un indirizzo email valido.")

fam("django-czech-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """FAIL: test_registrace (${djapp}.tests.test_forms.RegistraceFormTests.test_registrace)
AssertionError: {'email': ['Zadejte platnou e-mailovou adresu.']} != {}
data={'email': '{{PHONE_FK}}', 'heslo': '{{PASSWORD}}', 'telefon': '{{PHONE_FK}}'}""",
    """django.core.exceptions.ValidationError: {'email': ['Zadejte platnou e-mailovou adresu.'], 'ico': ['Toto pole je třeba vyplnit.']}
  File "/app/${djapp}/forms.py", line ${line}, in clean
zákazník: {"email": "{{EMAIL}}", "api_klic": "{{API_KEY}}", "acn": "{{ACN_AU}}"}""",
], ["FAIL: test_registrace (${djapp}.tests.test_forms.RegistraceFormTests.test_registrace)", "AssertionError: {'email': ['Zadejte platnou e-mailovou adresu.']} != {}", "django.core.exceptions.ValidationError: {'email': ['Zadejte platnou e-mailovou adresu.'], 'ico': ['Toto pole je třeba vyplnit.']}", "File \"/app/${djapp}/forms.py\", line ${line}, in clean", "data={'email':", "zákazník: {\"email\":"],
    marker="Zadejte platnou e-mailovou adresu.")

fam("django-russian-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/topics/testing/tools/#django.test.SimpleTestCase.assertFormError", [
    """AssertionError: The errors of field 'email' on form <RegistrationForm bound=True, valid=False, fields=(email;phone;inn)> don't match.
- ['Введите правильный адрес электронной почты.']
+ []
form.data: {'email': '{{EMAIL}}', 'phone': '{{PHONE_WF}}', 'ogrn': '{{OGRN_RU}}'}""",
    """ValidationError: {'email': ['Введите правильный адрес электронной почты.'], 'phone': ['Обязательное поле.']}
  File "/app/${djapp}/forms.py", line ${line}, in clean
payload: {"email": "{{PHONE_WF}}", "password": "{{PASSWORD}}", "edrpou": "{{EDRPOU_UA}}"}""",
], ["AssertionError: The errors of field 'email' on form <RegistrationForm bound=True, valid=False, fields=(email;phone;inn)> don't match.", "- ['Введите правильный адрес электронной почты.']", "ValidationError: {'email': ['Введите правильный адрес электронной почты.'], 'phone': ['Обязательное поле.']}", "File \"/app/${djapp}/forms.py\", line ${line}, in clean", "form.data: {'email':", "payload: {\"email\":"],
    marker="Введите правильный адрес электронной почты.")

fam("laravel-turkish-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/tr/php.json", [
    """Illuminate\\Validation\\ValidationException: E-Posta geçerli bir e-posta adresi olmalıdır. (and 1 more error)
request: {"email":"{{PHONE_GU}}","telefon":"{{PHONE_GU}}","vergi_no":"{{VKN_TR}}","_token":"{{ALNUM24}}"}
/var/www/vendor/laravel/framework/src/Illuminate/Support/helpers.php:${line}""",
    """   FAILED  Tests\\Feature\\KayitTest > kayit olusturur
  Session has unexpected errors:
  {"email":["E-Posta geçerli bir e-posta adresi olmalıdır."]}
  Failed asserting that true is false.
  musteri: email={{EMAIL}} sifre={{PASSWORD}} nir={{NIR_FR}}""",
], ["Illuminate\\Validation\\ValidationException: E-Posta geçerli bir e-posta adresi olmalıdır. (and 1 more error)", "/var/www/vendor/laravel/framework/src/Illuminate/Support/helpers.php:${line}", "FAILED  Tests\\Feature\\KayitTest > kayit olusturur", "Session has unexpected errors:", "{\"email\":[\"E-Posta geçerli bir e-posta adresi olmalıdır.\"]}", "Failed asserting that true is false.", "request: {\"email\":"],
    marker="geçerli bir e-posta adresi olmalıdır")
