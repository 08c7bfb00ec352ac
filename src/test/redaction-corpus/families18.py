# The eighteenth collection (session 22, corpus18): the clean measure of this stop, written blind (no rule writer reads
# it, and no rule ran on it before it and its wiring were committed). Like the thirteenth to seventeenth, its families
# come from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, here those the
# seventeen collections touch least: HTTP clients' debug and wire logs (OkHttp's HttpLoggingInterceptor, Apache
# HttpClient 5's header log, Python's http.client debuglevel, httpcore's trace, aiohttp, axios' error.toJSON(), Go's
# net/http, .NET's HttpClient logging, Faraday, REST Assured, Karate, Newman, k6, Gatling, JMeter), end-to-end frameworks
# other than Playwright (Cypress, WebdriverIO, Selenium, Selenide, Robot Framework, Cucumber, SpecFlow, TestCafe,
# Nightwatch, Puppeteer), ORMs and drivers logging SQL with bound parameters (Hibernate's BasicBinder, EF Core, Prisma,
# GORM, ActiveRecord, Sequelize, Doctrine, Ecto), database CLIs (psql, mongosh, sqlcmd, cqlsh), web frameworks' error
# pages and config dumps as text (Django's technical 500, Rails' request log, Laravel, Spring Boot's actuator, FastAPI,
# Flask's debugger, ASP.NET Core's Kestrel log, Express, Phoenix), containers (docker inspect, compose, kubectl's
# last-applied annotation and events, Skaffold, Tilt) and output those tools localise in languages the seventeen use
# least (PostgreSQL in Polish, Ukrainian, Indonesian and Greek; MySQL in German, French, Japanese, Dutch and Polish;
# Django in German, French, Japanese, Polish, Thai, Arabic, Ukrainian and Greek; Hibernate Validator in French,
# Japanese, Dutch and Polish; Laravel in German, Indonesian, Vietnamese and Arabic), each in a MESSAGE SHAPE none of the
# seventeen collections has (checked by a script that looks for a fixed part of each shape, the `marker` below, in every
# failure-output*.jsonl, corpus.jsonl and outside-mainstream-2.txt to -5.txt, case-insensitively and JSON-escaped;
# candidates found there were dropped before writing). Secrets are planted where those tools print them: DSNs and
# connection strings (host, port, database and user kept), headers, command lines, env and config dumps, SDK debug
# output, cookies, JSON log fields, bound SQL parameters and object fields named token, password, apiKey or secret.
# Personal data of countries and territories none of the seventeen has (the Aland Islands, Saint Barthelemy, Saint
# Martin, Bonaire, Canada, Christmas Island, the Cocos Islands, Norfolk Island, Svalbard, Tokelau, Vatican City) and
# big countries' phones in shapes not planted yet (the US in E.164 groups, Japan's +81 with hyphens, Germany's (0)
# trunk, France with dots, India with a hyphen, Brazil's (11) 9xxxx-xxxx, Indonesia's 08xx-xxxx-xxxx, Vietnam with
# dots, Thailand, Poland, the Netherlands' +31 (0)6, Ukraine's (067), Greece, Israel) and national and business numbers no
# collection has (the US NPI, Germany's identity card number, Russia's OGRNIP) with VALID check digits
# (EighteenthIds.java). Each family names the public page its shape was learnt from; nothing was copied and every value
# is invented. Same template language as the earlier collections. Split like the sixth to seventeenth: a THIRD of the
# families by the SHA-1 of the family's name (0 mod 3), fixed before any rule ran, not redrawn.

from families17 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "okpath": ["/v1/customers/me", "/api/orders", "/oauth/token"],
    "hcex": ["ex-0000000041", "ex-0000000007", "ex-0000000112"],
    "pyhost": ["api.partner-pay.com", "crm.acme-corp.io", "billing.globex.com"],
    "axurl": ["https://api.acme-corp.io/v2/orders", "https://billing.globex.com/v1/invoices", "https://crm.initech.net/api/contacts"],
    "gosvc": ["orders-api", "billing-worker", "crm-sync"],
    "netclient": ["PaymentsClient", "CrmClient", "OrdersApiClient"],
    "raspec": ["CustomerApiIT", "OrdersEndpointTest", "AuthFlowIT"],
    "karatefeat": ["classpath:features/customers.feature", "classpath:api/orders/create.feature", "classpath:auth/login.feature"],
    "pmcoll": ["Orders API regression", "Customer onboarding", "Auth smoke"],
    "k6script": ["load/checkout.js", "tests/k6/login.js", "perf/orders-smoke.js"],
    "gatsim": ["computerdatabase.CheckoutSimulation", "perf.OrdersSimulation", "acme.LoginSimulation"],
    "jmxfile": ["checkout.jmx", "login-smoke.jmx", "orders-load.jmx"],
    "cyspec18": ["login.cy.ts", "checkout.cy.js", "profile.cy.ts"],
    "wdiospec": ["test/specs/login.e2e.ts", "test/specs/checkout.e2e.js", "e2e/profile.spec.ts"],
    "seltest": ["com.acme.shop.e2e.LoginIT", "io.globex.portal.CheckoutTest", "net.initech.crm.ui.ProfileIT"],
    "robotsuite": ["Login Tests", "Checkout Smoke", "Customer Profile"],
    "cucstep": ["LoginSteps", "CheckoutSteps", "ProfileSteps"],
    "sfproj": ["Acme.Shop.Specs", "Globex.Portal.AcceptanceTests", "Initech.Crm.Specs"],
    "tcfixture": ["Login page", "Checkout", "Account settings"],
    "nwtest": ["loginTest", "checkoutTest", "profileTest"],
    "pptrurl": ["http://localhost:3000/login", "http://localhost:5173/checkout", "http://127.0.0.1:8080/account"],
    "hibentity18": ["com.acme.orders.domain.Customer", "io.globex.billing.model.Account", "net.initech.crm.entity.Contact"],
    "eftable": ["Customers", "Users", "PaymentMethods"],
    "prismamodel": ["user", "customer", "account"],
    "gofile18": ["internal/store/customer.go", "pkg/repo/user.go", "internal/db/accounts.go"],
    "seqtable": ["Users", "Customers", "Accounts"],
    "ectorepo": ["Shop.Repo", "Billing.Repo", "Crm.Repo"],
    "mongodb18": ["shop", "crm", "billing"],
    "sqlsrv18": ["sql-prod-01.acme.net", "mssql.data.svc.cluster.local", "globex-sql.database.windows.net"],
    "cashost18": ["cassandra-0.cassandra.data.svc.cluster.local", "10.0.4.23", "cass-dc1-02.acme.net"],
    "railsctl": ["SessionsController#create", "Api::V1::CustomersController#update", "CheckoutsController#create"],
    "railspath": ["/login", "/api/v1/customers/42", "/checkout"],
    "fastroute18": ["/api/v1/customers", "/auth/register", "/orders"],
    "flaskroute": ["/login", "/api/customers", "/checkout/confirm"],
    "aspnetroute": ["/api/customers", "/connect/token", "/account/login"],
    "expressroute": ["/api/login", "/api/customers", "/webhooks/stripe"],
    "phxroute": ["/api/sessions", "/api/customers", "/users/log_in"],
    "ctrname": ["shop-api-1", "orders-worker-1", "crm-web-1"],
    "composeproj18": ["shop", "orders", "crm"],
    "k8sdeploy18": ["orders-api", "checkout-web", "crm-worker"],
    "k8sns18": ["shop-staging", "orders-e2e", "crm-dev"],
    "skaffoldimg": ["registry.acme.io/orders-api", "ghcr.io/globex/checkout-web", "gcr.io/initech-dev/crm-worker"],
    "tiltres": ["orders-api", "checkout-web", "crm-worker"],
    "pgdb18": ["zamowienia", "zamovlennia", "pesanan", "paraggelies"],
    "mydb18": ["bestellungen", "commandes", "chumon", "bestellingen", "zamowienia"],
    "djapp18": ["konten", "comptes", "accounts", "konta", "bunchi", "hesabat", "oblik", "logariasmoi"],
    "uuidu": ["5E2B7C41-9A0D-4F3E-8C61-2B7D9E0A4F13", "A0C3E9F2-41B7-4D58-9E26-7F1C3B8D5A04", "3F8D1A6C-E2B4-4C97-A513-0D6E9B2F7C48"],
    "headers": ["(robot variable, escaped in the template)"],
    "lvapp": ["toko", "cuahang", "kunden", "matjar"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- HTTP clients' debug and wire logs ------------------------------------------------------------------------------

fam("okhttp-logging-encoded-body-omitted", "https://square.github.io/okhttp/features/interceptors/; https://github.com/square/okhttp/tree/master/okhttp-logging-interceptor", [
    """I/okhttp.OkHttpClient: --> POST https://${apihost}${okpath}
I/okhttp.OkHttpClient: Content-Type: application/json; charset=utf-8
I/okhttp.OkHttpClient: Authorization: Bearer {{JWT}}
I/okhttp.OkHttpClient: X-Api-Key: {{API_KEY}}
I/okhttp.OkHttpClient: --> END POST (encoded body omitted)
I/okhttp.OkHttpClient: <-- 401 https://${apihost}${okpath} (${ms}ms)""",
    """INFO: --> POST https://${apihost}${okpath} http/1.1
INFO: Cookie: session={{HEX40}}; device_id=${uuid}
INFO: {"email":"{{EMAIL}}","phone":"{{PHONE_CA}}","password":"{{PASSWORD}}","idCard":"{{AUSWEIS_DE}}"}
INFO: --> END POST (encoded body omitted)
INFO: <-- 401 https://${apihost}${okpath} (${ms}ms)""",
], ["I/okhttp.OkHttpClient: --> POST https://${apihost}${okpath}", "I/okhttp.OkHttpClient: Content-Type: application/json; charset=utf-8", "I/okhttp.OkHttpClient: --> END POST (encoded body omitted)", "<-- 401 https://${apihost}${okpath} (${ms}ms)", "INFO: --> POST https://${apihost}${okpath} http/1.1", "INFO: --> END POST (encoded body omitted)", "device_id=${uuid}"],
    marker="(encoded body omitted)")

fam("apache-httpclient5-header-log", "https://hc.apache.org/httpcomponents-client-5.2.x/logging.html", [
    """12:04:17.311 [main] DEBUG o.a.hc.client5.http.headers - ${hcex} >> POST ${apipath} HTTP/1.1
12:04:17.311 [main] DEBUG o.a.hc.client5.http.headers - ${hcex} >> Authorization: Basic {{BASIC_CRED}}
12:04:17.312 [main] DEBUG o.a.hc.client5.http.headers - ${hcex} >> Host: ${apihost}
12:04:17.402 [main] DEBUG o.a.hc.client5.http.headers - ${hcex} << HTTP/1.1 401 Unauthorized""",
    """DEBUG o.a.hc.client5.http.headers - ${hcex} >> POST /oauth/token HTTP/1.1
DEBUG o.a.hc.client5.http.headers - ${hcex} >> X-Client-Secret: {{GOOGLE_CLIENT_SECRET}}
DEBUG o.a.hc.client5.http.headers - ${hcex} >> X-User-Phone: {{PHONE_US_INTL}}
DEBUG o.a.hc.client5.http.headers - ${hcex} << Set-Cookie: JSESSIONID={{JSESSIONID}}; Path=/; HttpOnly""",
], ["[main] DEBUG o.a.hc.client5.http.headers - ${hcex} >> POST ${apipath} HTTP/1.1", "DEBUG o.a.hc.client5.http.headers - ${hcex} >> Host: ${apihost}", "DEBUG o.a.hc.client5.http.headers - ${hcex} << HTTP/1.1 401 Unauthorized", "DEBUG o.a.hc.client5.http.headers - ${hcex} >> POST /oauth/token HTTP/1.1", "; Path=/; HttpOnly", "12:04:17.311 [main]"],
    marker="o.a.hc.client5.http.headers")

fam("python-http-client-debuglevel", "https://docs.python.org/3/library/http.client.html#http.client.HTTPConnection.set_debuglevel; https://requests.readthedocs.io/en/latest/api/#api-changes", [
    """send: b'POST ${apipath} HTTP/1.1\\r\\nHost: ${pyhost}\\r\\nUser-Agent: python-requests/2.31.0\\r\\nAuthorization: Bearer {{OPENAI}}\\r\\nContent-Length: 61\\r\\n\\r\\n'
send: b'{"email": "{{EMAIL}}", "phone": "{{PHONE_CX}}"}'
reply: 'HTTP/1.1 403 Forbidden\\r\\n'
header: Content-Type: application/json""",
    """send: b'POST ${apipath}/search?page=2 HTTP/1.1\\r\\nHost: ${pyhost}\\r\\nX-Api-Key: {{API_KEY}}\\r\\nAccept: */*\\r\\n\\r\\n'
reply: 'HTTP/1.1 200 OK\\r\\n'
header: Set-Cookie: sessionid={{DJANGO_SID}}; HttpOnly; Path=/; SameSite=Lax
header: Content-Length: 312""",
], ["send: b'POST ${apipath} HTTP/1.1\\r\\nHost: ${pyhost}\\r\\nUser-Agent: python-requests/2.31.0\\r\\nAuthorization: Bearer", "reply: 'HTTP/1.1 403 Forbidden\\r\\n'", "header: Content-Type: application/json", "send: b'POST ${apipath}/search?page=2 HTTP/1.1\\r\\nHost: ${pyhost}\\r\\nX-Api-Key:", "\\r\\nAccept: */*\\r\\n\\r\\n'", "reply: 'HTTP/1.1 200 OK\\r\\n'", "; HttpOnly; Path=/; SameSite=Lax", "header: Content-Length: 312"],
    marker="send: b'POST")

fam("httpcore-trace-send-request-headers", "https://www.python-httpx.org/logging/; https://www.encode.io/httpcore/", [
    """DEBUG [2024-06-01 12:04:17] httpcore.connection - connect_tcp.started host='${pyhost}' port=443 local_address=None timeout=5.0 socket_options=None
DEBUG [2024-06-01 12:04:17] httpcore.http11 - DEBUG - send_request_headers.started request=<Request [b'POST']>
DEBUG [2024-06-01 12:04:17] httpx - headers: {'authorization': 'Bearer {{ANTHROPIC}}', 'x-customer-phone': '{{PHONE_AX}}'}
DEBUG [2024-06-01 12:04:17] httpcore.http11 - receive_response_headers.complete return_value=(b'HTTP/1.1', 401, b'Unauthorized', [])""",
    """httpcore.http11 - DEBUG - send_request_headers.started request=<Request [b'POST']>
httpcore.http11 - DEBUG - send_request_body.started request=<Request [b'POST']> body=b'{"api_key":"{{HEX32}}","email":"{{EMAIL}}"}'
httpcore.http11 - DEBUG - receive_response_headers.complete return_value=(b'HTTP/1.1', 422, b'Unprocessable Entity', [(b'set-cookie', b'session={{FLASK_SESSION}}; HttpOnly')])""",
], ["httpcore.connection - connect_tcp.started host='${pyhost}' port=443 local_address=None timeout=5.0 socket_options=None", "httpcore.http11 - DEBUG - send_request_headers.started request=<Request [b'POST']>", "receive_response_headers.complete return_value=(b'HTTP/1.1', 401, b'Unauthorized', [])", "httpcore.http11 - DEBUG - send_request_body.started request=<Request [b'POST']> body=b'{\"api_key\":", "return_value=(b'HTTP/1.1', 422, b'Unprocessable Entity', [(b'set-cookie', b'session=", "DEBUG [2024-06-01 12:04:17] httpx - headers: {'authorization':"],
    marker="httpcore.http11 - DEBUG - send_request_headers.started")

fam("aiohttp-client-response-error-repr", "https://docs.aiohttp.org/en/stable/client_reference.html#aiohttp.ClientResponseError", [
    """E   aiohttp.client_exceptions.ClientResponseError: 401, message='Unauthorized', url=URL('https://${apihost}${apipath}?api_key={{API_KEY}}')
E   ClientResponseError(RequestInfo(url=URL('https://${apihost}${apipath}?api_key={{API_KEY}}'), method='GET', headers=<CIMultiDictProxy('Host': '${apihost}', 'Authorization': 'Bearer {{JWT}}')>, real_url=URL('https://${apihost}${apipath}')), (), status=401, message='Unauthorized')""",
    """ClientResponseError(RequestInfo(url=URL('https://${apihost}/v1/customers'), method='POST', headers=<CIMultiDictProxy('Host': '${apihost}', 'X-Api-Key': '{{HEX40}}', 'Content-Type': 'application/json')>, real_url=URL('https://${apihost}/v1/customers')), (), status=409, message='Conflict')
payload={'email': '{{EMAIL}}', 'phone': '{{PHONE_BL}}'}""",
], ["aiohttp.client_exceptions.ClientResponseError: 401, message='Unauthorized', url=URL('https://${apihost}${apipath}?api_key=", "method='GET', headers=<CIMultiDictProxy('Host': '${apihost}', 'Authorization':", "real_url=URL('https://${apihost}${apipath}')), (), status=401, message='Unauthorized')", "ClientResponseError(RequestInfo(url=URL('https://${apihost}/v1/customers'), method='POST', headers=<CIMultiDictProxy('Host': '${apihost}', 'X-Api-Key':", "'Content-Type': 'application/json')>, real_url=URL('https://${apihost}/v1/customers')), (), status=409, message='Conflict')", "payload={'email':"],
    marker="ClientResponseError(RequestInfo(url=URL(")

fam("axios-error-tojson", "https://axios-http.com/docs/handling_errors", [
    """console.error
    {
      "message": "Request failed with status code 401",
      "name": "AxiosError",
      "config": {
        "url": "${axurl}",
        "method": "post",
        "headers": { "Authorization": "Bearer {{GHP}}", "X-Api-Key": "{{API_KEY}}" },
        "data": "{\\"email\\":\\"{{EMAIL}}\\",\\"phone\\":\\"{{PHONE_MF}}\\"}"
      },
      "code": "ERR_BAD_REQUEST",
      "status": 401,
      "isAxiosError": true
    }""",
    """{"message":"timeout of 5000ms exceeded","name":"AxiosError","config":{"url":"${axurl}","auth":{"username":"${dbuser}","password":"{{PASSWORD}}"},"headers":{"Cookie":"connect.sid={{CONNECT_SID}}"}},"code":"ECONNABORTED","status":null,"isAxiosError": true}""",
], ["\"message\": \"Request failed with status code 401\",", "\"name\": \"AxiosError\",", "\"url\": \"${axurl}\",", "\"method\": \"post\",", "\"code\": \"ERR_BAD_REQUEST\",", "\"status\": 401,", "\"isAxiosError\": true", "{\"message\":\"timeout of 5000ms exceeded\",\"name\":\"AxiosError\",\"config\":{\"url\":\"${axurl}\",\"auth\":{\"username\":\"${dbuser}\",\"password\":", "\"code\":\"ECONNABORTED\",\"status\":null,\"isAxiosError\": true}"],
    marker="\"isAxiosError\": true")

fam("go-net-http-client-timeout", "https://pkg.go.dev/net/http#Client; https://pkg.go.dev/net/url#Error", [
    """--- FAIL: TestSyncCustomer (5.01s)
    ${gofile18}:${line}: sync: Post "https://${apihost}${apipath}?access_token={{HEX40}}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)
    ${gofile18}:${line}: customer: {Email:{{EMAIL}} Phone:{{PHONE_SJ}}}
FAIL""",
    """time="2024-06-01T12:04:17Z" level=error msg="crm push failed" error="Get \\"https://${dbuser}:{{URL_PASSWORD}}@${apihost}${apipath}\\": net/http: request canceled (Client.Timeout exceeded while awaiting headers)" service=${gosvc}""",
], ["--- FAIL: TestSyncCustomer (5.01s)", "${gofile18}:${line}: sync: Post \"https://${apihost}${apipath}?access_token=", "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", "${gofile18}:${line}: customer: {Email:", "time=\"2024-06-01T12:04:17Z\" level=error msg=\"crm push failed\" error=\"Get \\\"https://${dbuser}:", "@${apihost}${apipath}\\\": net/http: request canceled (Client.Timeout exceeded while awaiting headers)\" service=${gosvc}"],
    marker="(Client.Timeout exceeded while awaiting headers)")

fam("dotnet-httpclient-logging-sending", "https://learn.microsoft.com/en-us/dotnet/core/extensions/httpclient-factory#logging", [
    """info: System.Net.Http.HttpClient.${netclient}.LogicalHandler[100]
      Start processing HTTP request POST https://${apihost}${apipath}?apiKey={{API_KEY}}
trce: System.Net.Http.HttpClient.${netclient}.ClientHandler[102]
      Sending HTTP request POST https://${apihost}${apipath}?apiKey={{API_KEY}}
      Authorization: Bearer {{JWT}}
      X-Customer-Phone: {{PHONE_JP_INTL}}""",
    """trce: System.Net.Http.HttpClient.${netclient}.ClientHandler[102]
      Sending HTTP request POST https://${apihost}/connect/token
      Content-Type: application/x-www-form-urlencoded
      client_secret: {{AZURE_CLIENT_SECRET}}
info: System.Net.Http.HttpClient.${netclient}.ClientHandler[101]
      Received HTTP response headers after 412.37ms - 400""",
], ["info: System.Net.Http.HttpClient.${netclient}.LogicalHandler[100]", "Start processing HTTP request POST https://${apihost}${apipath}?apiKey=", "trce: System.Net.Http.HttpClient.${netclient}.ClientHandler[102]", "Sending HTTP request POST https://${apihost}${apipath}?apiKey=", "Sending HTTP request POST https://${apihost}/connect/token", "Content-Type: application/x-www-form-urlencoded", "info: System.Net.Http.HttpClient.${netclient}.ClientHandler[101]", "Received HTTP response headers after 412.37ms - 400"],
    marker="Sending HTTP request POST")

fam("faraday-logger-request-headers", "https://lostisland.github.io/faraday/#/middleware/included/logging", [
    """I, [2024-06-01T12:04:17.311 #4213]  INFO -- request: POST https://${faradayhost}${apipath}
D, [2024-06-01T12:04:17.311 #4213] DEBUG -- request: Authorization: "Token token={{HEX40}}"
User-Agent: "Faraday v2.9.0"
D, [2024-06-01T12:04:17.312 #4213] DEBUG -- request: {"customer":{"email":"{{EMAIL}}","phone":"{{PHONE_FR_DOTS}}"}}
I, [2024-06-01T12:04:17.544 #4213]  INFO -- response: Status 422""",
    """D, [2024-06-01T12:04:17.311 #4213] DEBUG -- request: Authorization: "Bearer {{STRIPE_SK}}"
Idempotency-Key: "${uuid}"
I, [2024-06-01T12:04:17.544 #4213]  INFO -- response: Status 401
D, [2024-06-01T12:04:17.544 #4213] DEBUG -- response: set-cookie: "_shop_session={{RAILS_SESSION}}; path=/; HttpOnly\"""",
], ["INFO -- request: POST https://${faradayhost}${apipath}", "User-Agent: \"Faraday v2.9.0\"", "INFO -- response: Status 422", "INFO -- response: Status 401", "Idempotency-Key: \"${uuid}\"", "; path=/; HttpOnly\"", "I, [2024-06-01T12:04:17.311 #4213]", "D, [2024-06-01T12:04:17.544 #4213] DEBUG -- response: set-cookie: \"_shop_session="],
    marker="DEBUG -- request: Authorization:")

fam("rest-assured-log-all-headers", "https://github.com/rest-assured/rest-assured/wiki/Usage#logging", [
    """Request method:\tPOST
Request URI:\thttps://${apihost}${apipath}
Headers:\t\tAccept=*/*
\t\t\t\tAuthorization=Bearer {{JWT}}
\t\t\t\tContent-Type=application/json
Body:
{
    "email": "{{EMAIL}}",
    "phone": "{{PHONE_DE_TRUNK}}"
}""",
    """[ERROR] ${raspec}.createsCustomer  Time elapsed: 1.21 s  <<< FAILURE!
Headers:\t\tAccept=*/*
\t\t\t\tX-Api-Key={{API_KEY}}
Cookies:\t\tSESSION={{HEX32}}
java.lang.AssertionError: 1 expectation failed.
Expected status code <201> but was <401>.""",
], ["Request method:\tPOST", "Request URI:\thttps://${apihost}${apipath}", "Headers:\t\tAccept=*/*", "\t\t\t\tContent-Type=application/json", "[ERROR] ${raspec}.createsCustomer  Time elapsed: 1.21 s  <<< FAILURE!", "java.lang.AssertionError: 1 expectation failed.", "Expected status code <201> but was <401>.", "\"email\":"],
    marker="Headers:\t\tAccept=")

fam("karate-print-and-request-log", "https://karatelabs.github.io/karate/#print; https://karatelabs.github.io/karate/#logging", [
    """12:04:17.311 [main] INFO  com.intuit.karate - [print] token: {{JWT}}
12:04:17.402 [main] DEBUG com.intuit.karate - request:
1 > POST https://${apihost}${apipath}
1 > Authorization: Bearer {{JWT}}
1 > Content-Type: application/json; charset=UTF-8
{"email":"{{EMAIL}}","phone":"{{PHONE_CC}}"}""",
    """12:04:17.311 [main] INFO  com.intuit.karate - [print] {
  "clientSecret": "{{KEYCLOAK_SECRET}}",
  "username": "${dbuser}",
  "password": "{{PASSWORD}}"
}
${karatefeat}:${line}
match failed: EQUALS""",
], ["[main] INFO  com.intuit.karate - [print] token:", "[main] DEBUG com.intuit.karate - request:", "1 > POST https://${apihost}${apipath}", "1 > Content-Type: application/json; charset=UTF-8", "[main] INFO  com.intuit.karate - [print] {", "\"username\": \"${dbuser}\",", "${karatefeat}:${line}", "match failed: EQUALS"],
    marker="[print]")

fam("newman-failure-detail-table", "https://learning.postman.com/docs/collections/using-newman-cli/command-line-integration-with-newman/", [
    """  #  failure          detail

 1.  AssertionError   Status code is 200
                      expected response to have status code 200 but got 401
                      at assertion:0 in test-script
                      inside "${pmcoll} / Login" of "${pmcoll}"
 request: POST https://${apihost}/auth/login {"username":"{{EMAIL}}","password":"{{PASSWORD}}"}""",
    """  #  failure          detail

 1.  JSONError        No data, empty input at 1:1
                      at test-script
                      inside "${pmcoll} / Create customer"
 environment: baseUrl=https://${apihost} apiKey={{POSTMAN}} phone={{PHONE_NF}}""",
], ["#  failure          detail", "1.  AssertionError   Status code is 200", "expected response to have status code 200 but got 401", "at assertion:0 in test-script", "inside \"${pmcoll} / Login\" of \"${pmcoll}\"", "request: POST https://${apihost}/auth/login {\"username\":", "1.  JSONError        No data, empty input at 1:1", "inside \"${pmcoll} / Create customer\"", "environment: baseUrl=https://${apihost} apiKey="],
    marker="#  failure          detail")

fam("k6-request-failed-warning", "https://grafana.com/docs/k6/latest/using-k6/http-requests/; https://grafana.com/docs/k6/latest/javascript-api/k6-http/response/", [
    """time="2024-06-01T12:04:17Z" level=warning msg="Request Failed" error="Post \\"https://${apihost}/auth/login?client_secret={{HEX40}}\\": dial tcp ${privip}:443: i/o timeout"
time="2024-06-01T12:04:17Z" level=info msg="login as {{EMAIL}} / {{PASSWORD}}" source=console""",
    """time="2024-06-01T12:04:18Z" level=error msg="Request Failed" error="unexpected status 401 for https://${apihost}${apipath}" headers="map[Authorization:[Bearer {{JWT}}]]"
     ✗ status is 200
      ↳  0% — ✓ 0 / ✗ 12
     http_req_failed................: 100.00% ✓ 12       ✗ 0""",
], ["level=warning msg=\"Request Failed\" error=\"Post \\\"https://${apihost}/auth/login?client_secret=", "\\\": dial tcp ${privip}:443: i/o timeout\"", "\" source=console", "level=error msg=\"Request Failed\" error=\"unexpected status 401 for https://${apihost}${apipath}\" headers=\"map[Authorization:[Bearer", "✗ status is 200", "↳  0% — ✓ 0 / ✗ 12", "http_req_failed................: 100.00% ✓ 12       ✗ 0"],
    marker="msg=\"Request Failed\" error=\"")

fam("gatling-errors-and-session-dump", "https://docs.gatling.io/reference/script/core/checks/; https://docs.gatling.io/reference/stats/reports/", [
    """---- Errors --------------------------------------------------------------------
> status.find.in(200,201,202,203,204,205,206,207,208,209,304), found 401     12 (100.0%)
Session(Login,3,Map(token -> {{JWT}}, email -> {{EMAIL}}),KO,List(),io.gatling.core.protocol.ProtocolComponentsRegistry$$Lambda)
Simulation ${gatsim} failed.""",
    """================================================================================
> status.find.in(200,201,202,203,204,205,206,207,208,209,304), found 403      3 (100.0%)
Request 'create customer' failed for user 7: body {"apiKey":"{{API_KEY}}","phone":"{{PHONE_IN_DASH}}"}
Simulation ${gatsim} failed.""",
], ["---- Errors --------------------------------------------------------------------", "> status.find.in(200,201,202,203,204,205,206,207,208,209,304), found 401     12 (100.0%)", "Session(Login,3,Map(token ->", "),KO,List(),io.gatling.core.protocol.ProtocolComponentsRegistry$$Lambda)", "Simulation ${gatsim} failed.", "> status.find.in(200,201,202,203,204,205,206,207,208,209,304), found 403      3 (100.0%)", "Request 'create customer' failed for user 7: body {\"apiKey\":"],
    marker="> status.find.in(200")

fam("jmeter-sampler-request-tree", "https://jmeter.apache.org/usermanual/component_reference.html#View_Results_Tree", [
    """Thread Name:Checkout 1-1
Sample Start:2024-06-01 12:04:17 UTC
Response code:401
Response message:Unauthorized
HTTPSampleResult fields:
ContentType: application/json
Sampler request
POST https://${apihost}${apipath}
POST data:
{"username":"{{EMAIL}}","password":"{{PASSWORD}}"}
Cookie Data:
JSESSIONID={{JSESSIONID}}""",
    """2024-06-01 12:04:17,311 ERROR o.a.j.p.h.s.HTTPSampleResult: ${jmxfile} POST https://${apihost}${apipath}
Request Headers:
X-Api-Key: {{HEX64}}
Authorization: Basic {{BASIC_CRED}}""",
], ["Thread Name:Checkout 1-1", "Sample Start:2024-06-01 12:04:17 UTC", "Response code:401", "Response message:Unauthorized", "HTTPSampleResult fields:", "ContentType: application/json", "POST https://${apihost}${apipath}", "{\"username\":", "ERROR o.a.j.p.h.s.HTTPSampleResult: ${jmxfile} POST https://${apihost}${apipath}"],
    marker="HTTPSampleResult")


# --- End-to-end frameworks other than Playwright ------------------------------------------------------------------

fam("cypress-run-spec-header-env", "https://docs.cypress.io/app/references/command-line#cypress-run; https://docs.cypress.io/app/references/environment-variables", [
    """────────────────────────────────────────────────────────────────────────────────────────────────────
  Running:  ${cyspec18}                                                                         (1 of 3)
  CYPRESS_API_TOKEN={{HEX40}} CYPRESS_ADMIN_PASSWORD={{PASSWORD}}
  1) Login
       signs in with a saved user:
     AssertionError: Timed out retrying after 4000ms: expected '{{EMAIL}}' to equal '{{EMAIL:2}}'""",
    """  Running:  ${cyspec18}                                                                         (2 of 3)
  1) Checkout
       pays with the saved card:
     CypressError: `cy.visit()` failed trying to load:

http://localhost:3000/checkout?token={{JWT}}&phone={{PHONE_CA}}""",
], ["Running:  ${cyspec18}", "(1 of 3)", "(2 of 3)", "signs in with a saved user:", "AssertionError: Timed out retrying after 4000ms: expected", "pays with the saved card:", "CypressError: `cy.visit()` failed trying to load:", "http://localhost:3000/checkout?token=", "1) Login", "1) Checkout"],
    marker="Running:  ")

fam("webdriverio-command-logging", "https://webdriver.io/docs/configuration#loglevel; https://webdriver.io/docs/api/element/setValue", [
    """[0-0] 2024-06-01T12:04:17.311Z INFO webdriver: COMMAND POST /session/${hex32}/element/${uuid}/value
[0-0] 2024-06-01T12:04:17.311Z INFO webdriver: DATA { text: '{{PASSWORD}}' }
[0-0] 2024-06-01T12:04:17.402Z INFO webdriver: COMMAND POST /session/${hex32}/element/${uuid2}/value
[0-0] 2024-06-01T12:04:17.402Z INFO webdriver: DATA { text: '{{EMAIL}}' }
[0-0] RUNNING in chrome - file:///${wdiospec}""",
    """[0-0] RUNNING in chrome - file:///${wdiospec}
[0-0] 2024-06-01T12:04:18.100Z INFO webdriver: COMMAND POST /session/${hex32}/execute/sync
[0-0] 2024-06-01T12:04:18.100Z INFO webdriver: DATA { script: 'localStorage.setItem("auth_token", "{{JWT}}")', args: [] }
[0-0] 2024-06-01T12:04:18.300Z INFO webdriver: COMMAND POST /session/${hex32}/element/${uuid}/value
[0-0] 2024-06-01T12:04:18.300Z INFO webdriver: DATA { text: '{{PHONE_US_INTL}}' }""",
], ["INFO webdriver: COMMAND POST /session/${hex32}/element/${uuid}/value", "INFO webdriver: COMMAND POST /session/${hex32}/element/${uuid2}/value", "[0-0] RUNNING in chrome - file:///${wdiospec}", "INFO webdriver: COMMAND POST /session/${hex32}/execute/sync", "', args: [] }", "INFO webdriver: DATA { text: '"],
    marker="webdriver: COMMAND POST")

fam("selenium-java-no-such-element", "https://www.selenium.dev/documentation/webdriver/troubleshooting/errors/#nosuchelementexception", [
    """org.openqa.selenium.NoSuchElementException: no such element: Unable to locate element: {"method":"css selector","selector":"#welcome"}
For documentation on this error, please visit: https://www.selenium.dev/documentation/webdriver/troubleshooting/errors#no-such-element-exception
Driver info: org.openqa.selenium.chrome.ChromeDriver
Command: [${hex32}, findElement {using=css selector, value=#welcome}]
Current URL: http://localhost:8080/login?email={{EMAIL_URLENC}}&otp={{OTP}}
	at ${seltest}.logsIn(${line})""",
    """org.openqa.selenium.NoSuchElementException: no such element: Unable to locate element: {"method":"xpath","selector":"//div[@data-test='order']"}
For documentation on this error, please visit: https://www.selenium.dev/documentation/webdriver/troubleshooting/errors#no-such-element-exception
Driver info: org.openqa.selenium.remote.RemoteWebDriver
Capabilities {browserName: chrome, goog:chromeOptions: {args: [--user-data-dir=/tmp/chrome-${num}]}, se:cdp: ws://selenium-hub:4444/session/${hex32}/se/cdp}
Remote URL: http://${dbuser}:{{PASSWORD}}@selenium-hub:4444/wd/hub""",
], ["org.openqa.selenium.NoSuchElementException: no such element: Unable to locate element: {\"method\":\"css selector\",\"selector\":\"#welcome\"}", "For documentation on this error, please visit: https://www.selenium.dev/documentation/webdriver/troubleshooting/errors#no-such-element-exception", "Driver info: org.openqa.selenium.chrome.ChromeDriver", "Command: [${hex32}, findElement {using=css selector, value=#welcome}]", "Current URL: http://localhost:8080/login?email=", "at ${seltest}.logsIn(${line})", "{\"method\":\"xpath\",\"selector\":\"//div[@data-test='order']\"}", "Driver info: org.openqa.selenium.remote.RemoteWebDriver", "se:cdp: ws://selenium-hub:4444/session/${hex32}/se/cdp}", "@selenium-hub:4444/wd/hub"],
    marker="org.openqa.selenium.NoSuchElementException")

fam("selenide-element-should-have-value", "https://selenide.org/documentation.html; https://selenide.org/javadoc/current/com/codeborne/selenide/Condition.html", [
    """Element should have value "{{PHONE_BR_CELL}}" {#phone}
Element: '<input id="phone" name="phone" type="tel" value="{{PHONE_BR_CELL:2}}"></input>'
Actual value: value="{{PHONE_BR_CELL:2}}"
Screenshot: file:/builds/shop/build/reports/tests/1717243457311.0.png
Timeout: 4 s.
	at com.codeborne.selenide.impl.WebElementSource.checkCondition(WebElementSource.java:${line})""",
    """Element should have value "{{EMAIL}}" {#email}
Element: '<input id="email" name="email" type="email" value="{{EMAIL:2}}"></input>'
Actual value: value="{{EMAIL:2}}"
Page source: file:/builds/shop/build/reports/tests/1717243457402.0.html
	at com.codeborne.selenide.impl.WebElementSource.checkCondition(WebElementSource.java:${line})
login with token={{HEX40}}""",
], ["Element should have value \"", "\" {#phone}", "Element: '<input id=\"phone\" name=\"phone\" type=\"tel\" value=\"", "Actual value: value=\"", "Screenshot: file:/builds/shop/build/reports/tests/1717243457311.0.png", "Timeout: 4 s.", "at com.codeborne.selenide.impl.WebElementSource.checkCondition(WebElementSource.java:${line})", "\" {#email}", "Page source: file:/builds/shop/build/reports/tests/1717243457402.0.html"],
    marker="com.codeborne.selenide")

fam("robot-framework-variable-assignment-log", "https://robotframework.org/robotframework/latest/RobotFrameworkUserGuide.html#variable-assignment; https://robotframework.org/robotframework/latest/libraries/BuiltIn.html#Log", [
    """20240601 12:04:17.311 - INFO - ${PASSWORD} = {{PASSWORD}}
20240601 12:04:17.312 - INFO - ${EMAIL} = {{EMAIL}}
20240601 12:04:17.402 - FAIL - HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}/auth/login
${robotsuite}.Login With Valid Credentials                             | FAIL |""",
    """20240601 12:04:18.100 - INFO - ${TOKEN} = {{JWT}}
20240601 12:04:18.101 - INFO - $${headers} = {'Authorization': 'Bearer {{JWT}}', 'X-Phone': '{{PHONE_TK}}'}
20240601 12:04:18.300 - FAIL - Url: https://${apihost}${apipath} Expected status: 401 != 200
${robotsuite}.Create Customer                                          | FAIL |""",
], ["20240601 12:04:17.311 - INFO - ${PASSWORD} =", "20240601 12:04:17.312 - INFO - ${EMAIL} =", "- FAIL - HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}/auth/login", "${robotsuite}.Login With Valid Credentials", "20240601 12:04:18.100 - INFO - ${TOKEN} =", "- FAIL - Url: https://${apihost}${apipath} Expected status: 401 != 200", "${robotsuite}.Create Customer"],
    marker="- INFO - ${")

fam("cucumber-jvm-step-with-credentials", "https://cucumber.io/docs/cucumber/reporting/; https://cucumber.io/docs/gherkin/reference/", [
    """  Scenario: Customer signs in                       # features/login.feature:${line}
    Given I log in as "{{EMAIL}}" with password "{{PASSWORD}}" # ${cucstep}.iLogInAs(String,String)
      org.opentest4j.AssertionFailedError: expected: <200> but was: <401>
    Then I see my phone "{{PHONE_ID_DASH}}"            # ${cucstep}.iSeeMyPhone(String)""",
    """  Scenario: API key rotation                        # features/keys.feature:${line}
    Given I log in as "{{EMAIL}}" with password "{{PASSWORD}}" # ${cucstep}.iLogInAs(String,String)
    And the API key "{{API_KEY}}" is revoked           # ${cucstep}.theApiKeyIsRevoked(String)
      java.lang.IllegalStateException: key still active""",
], ["Scenario: Customer signs in", "# features/login.feature:${line}", "# ${cucstep}.iLogInAs(String,String)", "org.opentest4j.AssertionFailedError: expected: <200> but was: <401>", "# ${cucstep}.iSeeMyPhone(String)", "Scenario: API key rotation", "# features/keys.feature:${line}", "# ${cucstep}.theApiKeyIsRevoked(String)", "java.lang.IllegalStateException: key still active", "Given I log in as \""],
    marker="Given I log in as")

fam("specflow-step-done-error", "https://docs.specflow.org/projects/specflow/en/latest/Execution/Test-Results.html", [
    """Given the user logs in with "{{EMAIL}}" and "{{PASSWORD}}"
-> done: LoginSteps.GivenTheUserLogsInWith("{{EMAIL}}", "{{PASSWORD}}") (0.4s)
When the profile is saved with phone "{{PHONE_VA}}"
-> error: Response status code does not indicate success: 500 (Internal Server Error). (0.2s)
TechTalk.SpecFlow.BindingException""",
    """Given the user logs in with "{{EMAIL}}" and "{{PASSWORD}}"
-> done: LoginSteps.GivenTheUserLogsInWith("{{EMAIL}}", "{{PASSWORD}}") (0.3s)
And the API client uses key "{{API_KEY}}"
-> error: Expected response.StatusCode to be HttpStatusCode.OK {value: 200}, but found HttpStatusCode.Unauthorized {value: 401}. (0.1s)
  ${sfproj}""",
], ["Given the user logs in with \"", "-> done: LoginSteps.GivenTheUserLogsInWith(\"", "(0.4s)", "When the profile is saved with phone \"", "-> error: Response status code does not indicate success: 500 (Internal Server Error). (0.2s)", "TechTalk.SpecFlow.BindingException", "And the API client uses key \"", "-> error: Expected response.StatusCode to be HttpStatusCode.OK {value: 200}, but found HttpStatusCode.Unauthorized {value: 401}. (0.1s)"],
    marker="-> done: LoginSteps.")

fam("testcafe-running-tests-failure", "https://testcafe.io/documentation/402639/reference/command-line-interface; https://testcafe.io/documentation/402827/guides/basic-guides/test-actions#type-text", [
    """ Running tests in:
 - Chrome 125.0.0.0 / Ubuntu 22.04

 ${tcfixture}
 ✖ signs in

   1) AssertionError: expected 'http://localhost:3000/login?error=1' to include '/dashboard'

      Browser: Chrome 125.0.0.0 / Ubuntu 22.04

       > ${line} |    .typeText('#email', '{{EMAIL}}')
         ${line2} |    .typeText('#password', '{{PASSWORD}}')""",
    """ Running tests in:
 - Firefox 126.0 / Ubuntu 22.04

 ${tcfixture}
 ✖ saves the phone

   1) The specified selector does not match any element in the DOM tree.

       > ${line} |    .typeText('#phone', '{{PHONE_VN_DOTS}}')
         ${line2} |    .setCookies({ name: 'auth', value: '{{JWT}}' })""",
], ["Running tests in:", "- Chrome 125.0.0.0 / Ubuntu 22.04", "✖ signs in", "1) AssertionError: expected 'http://localhost:3000/login?error=1' to include '/dashboard'", "Browser: Chrome 125.0.0.0 / Ubuntu 22.04", "|    .typeText('#email', '", "|    .typeText('#password', '", "- Firefox 126.0 / Ubuntu 22.04", "✖ saves the phone", "1) The specified selector does not match any element in the DOM tree.", "|    .typeText('#phone', '", "|    .setCookies({ name: 'auth', value: '"],
    marker="Running tests in:")

fam("nightwatch-element-not-visible", "https://nightwatchjs.org/guide/writing-tests/using-assertions.html; https://nightwatchjs.org/api/setValue.html", [
    """  Running ${nwtest}:
  ✔ Element <#email> was visible after 41 milliseconds.
  ℹ setValue('#password', '{{PASSWORD}}')
  ✖ NightwatchAssertError
   Timed out while waiting for element <#dashboard> to be present for 5000 milliseconds.
   Element <#login> was not visible after 5000 milliseconds.
   user: {{EMAIL}}""",
    """  Running ${nwtest}:
  ℹ setValue('#phone', '{{PHONE_TH_DASH}}')
  ℹ execute: window.localStorage.setItem('refresh_token', '{{HEX64}}')
   Element <#login> was not visible after 5000 milliseconds.
  FAILED: 1 assertions failed and 2 passed (6.412s)""",
], ["Running ${nwtest}:", "✔ Element <#email> was visible after 41 milliseconds.", "ℹ setValue('#password', '", "Timed out while waiting for element <#dashboard> to be present for 5000 milliseconds.", "Element <#login> was not visible after 5000 milliseconds.", "ℹ setValue('#phone', '", "ℹ execute: window.localStorage.setItem('refresh_token', '", "FAILED: 1 assertions failed and 2 passed (6.412s)"],
    marker="Element <#login> was not visible")

fam("puppeteer-protocol-error", "https://pptr.dev/api/puppeteer.protocolerror; https://pptr.dev/api/puppeteer.page.setcookie", [
    """ProtocolError: Protocol error (Network.setCookies): Invalid cookie fields
    at CallbackRegistry.create (node_modules/puppeteer-core/lib/cjs/puppeteer/common/CallbackRegistry.js:${line}:${col})
  cookies: [{"name":"session","value":"{{HEX64}}","url":"${pptrurl}"},{"name":"XSRF-TOKEN","value":"{{ALNUM24}}"}]""",
    """ProtocolError: Protocol error (Runtime.callFunctionOn): Target closed
    at ${pptrurl}
  page.type('#email', '{{EMAIL}}')
  page.type('#password', '{{PASSWORD}}')
  page.type('#phone', '{{PHONE_PL_DASH}}')""",
], ["ProtocolError: Protocol error (Network.setCookies): Invalid cookie fields", "at CallbackRegistry.create (node_modules/puppeteer-core/lib/cjs/puppeteer/common/CallbackRegistry.js:${line}:${col})", "cookies: [{\"name\":\"session\",\"value\":", "\"url\":\"${pptrurl}\"},{\"name\":\"XSRF-TOKEN\",\"value\":", "ProtocolError: Protocol error (Runtime.callFunctionOn): Target closed", "at ${pptrurl}", "page.type('#email', '", "page.type('#password', '", "page.type('#phone', '"],
    marker="ProtocolError: Protocol error (")


# --- ORMs and drivers logging SQL with bound parameters -------------------------------------------------------------

fam("hibernate5-basic-binder-binding-parameter", "https://docs.jboss.org/hibernate/orm/5.6/userguide/html_single/Hibernate_User_Guide.html#best-practices-logging", [
    """2024-06-01 12:04:17.311 DEBUG 1 --- [nio-8080-exec-2] org.hibernate.SQL                        : insert into customers (email, phone, api_key, id) values (?, ?, ?, ?)
2024-06-01 12:04:17.312 TRACE 1 --- [nio-8080-exec-2] o.h.type.descriptor.sql.BasicBinder      : binding parameter [1] as [VARCHAR] - [{{EMAIL}}]
2024-06-01 12:04:17.312 TRACE 1 --- [nio-8080-exec-2] o.h.type.descriptor.sql.BasicBinder      : binding parameter [2] as [VARCHAR] - [{{PHONE_NL_TRUNK}}]
2024-06-01 12:04:17.312 TRACE 1 --- [nio-8080-exec-2] o.h.type.descriptor.sql.BasicBinder      : binding parameter [3] as [VARCHAR] - [{{API_KEY}}]
2024-06-01 12:04:17.312 TRACE 1 --- [nio-8080-exec-2] o.h.type.descriptor.sql.BasicBinder      : binding parameter [4] as [BIGINT] - [${num}]""",
    """Hibernate: update users set password_hash=?, reset_token=? where id=?
TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [1] as [VARCHAR] - [{{BCRYPT_HASH}}]
TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [2] as [VARCHAR] - [{{UUID_SECRET}}]
TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [3] as [BIGINT] - [${num}]
javax.persistence.OptimisticLockException: Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [${hibentity18}#${num}]""",
], ["DEBUG 1 --- [nio-8080-exec-2] org.hibernate.SQL", ": insert into customers (email, phone, api_key, id) values (?, ?, ?, ?)", "TRACE 1 --- [nio-8080-exec-2] o.h.type.descriptor.sql.BasicBinder", ": binding parameter [1] as [VARCHAR] - [", ": binding parameter [4] as [BIGINT] - [${num}]", "Hibernate: update users set password_hash=?, reset_token=? where id=?", "TRACE o.h.type.descriptor.sql.BasicBinder - binding parameter [3] as [BIGINT] - [${num}]", "javax.persistence.OptimisticLockException: Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [${hibentity18}#${num}]"],
    marker="binding parameter [1] as [VARCHAR] - [")

fam("efcore-failed-executing-dbcommand-parameters", "https://learn.microsoft.com/en-us/ef/core/logging-events-diagnostics/extensions-logging#sensitive-data; https://learn.microsoft.com/en-us/dotnet/api/microsoft.entityframeworkcore.dbcontextoptionsbuilder.enablesensitivedatalogging", [
    """fail: Microsoft.EntityFrameworkCore.Database.Command[20102]
      Failed executing DbCommand (17ms) [Parameters=[@__email_0='{{EMAIL}}' (Size = 256), @__apiKey_1='{{API_KEY}}' (Size = 64)], CommandType='Text', CommandTimeout='30']
      SELECT TOP(1) [c].[Id], [c].[Email], [c].[Phone]
      FROM [${eftable}] AS [c]
      WHERE [c].[Email] = @__email_0 AND [c].[ApiKey] = @__apiKey_1""",
    """fail: Microsoft.EntityFrameworkCore.Database.Command[20102]
      Failed executing DbCommand (30012ms) [Parameters=[@__email_0='{{EMAIL}}' (Size = 256), @__phone_1='{{PHONE_UA_PARENS}}' (Size = 32), @__resetToken_2='{{HEX32}}' (Size = 64)], CommandType='Text', CommandTimeout='30']
      SELECT TOP(2) [u].[Id], [u].[Email]
      FROM [${eftable}] AS [u]
      WHERE [u].[Email] = @__email_0 OR [u].[Phone] = @__phone_1 OR [u].[ResetToken] = @__resetToken_2
Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.""",
], ["fail: Microsoft.EntityFrameworkCore.Database.Command[20102]", "Failed executing DbCommand (17ms) [Parameters=[@__email_0='", "' (Size = 256), @__apiKey_1='", "' (Size = 64)], CommandType='Text', CommandTimeout='30']", "SELECT TOP(1) [c].[Id], [c].[Email], [c].[Phone]", "FROM [${eftable}] AS [c]", "WHERE [c].[Email] = @__email_0 AND [c].[ApiKey] = @__apiKey_1", "Failed executing DbCommand (30012ms) [Parameters=[@__email_0='", "SELECT TOP(2) [u].[Id], [u].[Email]", "FROM [${eftable}] AS [u]", "WHERE [u].[Email] = @__email_0 OR [u].[Phone] = @__phone_1 OR [u].[ResetToken] = @__resetToken_2", "Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding."],
    marker="[Parameters=[@__email_0='")

fam("prisma-invalid-invocation", "https://www.prisma.io/docs/orm/reference/error-reference; https://www.prisma.io/docs/orm/prisma-client/debugging-and-troubleshooting/debugging", [
    """PrismaClientKnownRequestError:
Invalid `prisma.${prismamodel}.create()` invocation in
/app/src/services/${prismamodel}.service.ts:${line}:${col}

→ ${line2}   await prisma.${prismamodel}.create({
          data: {
            email: "{{EMAIL}}",
            phone: "{{PHONE_GR_SPACE}}",
            npi: "{{NPI_US}}",
            apiToken: "{{HEX40}}"
          }
        })

Can't reach database server at `${dbhost}`:`${pgport}`

Please make sure your database server is running at `${dbhost}`:`${pgport}`.""",
    """Invalid `prisma.${prismamodel}.create()` invocation:

Can't reach database server at `${dbhost}`:`${pgport}`
Please make sure your database server is running at `${dbhost}`:`${pgport}`.
DATABASE_URL=postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}?schema=public""",
], ["Invalid `prisma.${prismamodel}.create()` invocation in", "/app/src/services/${prismamodel}.service.ts:${line}:${col}", "await prisma.${prismamodel}.create({", "Invalid `prisma.${prismamodel}.create()` invocation:", "Can't reach database server at `${dbhost}`:`${pgport}`", "Please make sure your database server is running at `${dbhost}`:`${pgport}`.", "DATABASE_URL=postgresql://${dbuser}:", "@${dbhost}:${pgport}/${db}?schema=public"],
    marker="Please make sure your database server is running at")

fam("gorm-record-not-found-trace", "https://gorm.io/docs/logger.html; https://gorm.io/docs/error_handling.html", [
    """2024/06/01 12:04:17 /app/${gofile18}:${line} record not found
[0.512ms] [rows:0] SELECT * FROM "customers" WHERE email = '{{EMAIL}}' AND api_key = '{{API_KEY}}' ORDER BY "customers"."id" LIMIT 1""",
    """2024/06/01 12:04:17 /app/${gofile18}:${line} record not found
[1.204ms] [rows:0] SELECT * FROM "users" WHERE phone = '{{PHONE_IL_DASH}}' AND reset_token = '{{HEX32}}' AND "users"."deleted_at" IS NULL ORDER BY "users"."id" LIMIT 1
--- FAIL: TestFindByPhone (0.00s)""",
], ["/app/${gofile18}:${line} record not found", "[0.512ms] [rows:0] SELECT * FROM \"customers\" WHERE email = '", "' ORDER BY \"customers\".\"id\" LIMIT 1", "[1.204ms] [rows:0] SELECT * FROM \"users\" WHERE phone = '", "' AND \"users\".\"deleted_at\" IS NULL ORDER BY \"users\".\"id\" LIMIT 1", "--- FAIL: TestFindByPhone (0.00s)"],
    marker="record not found")

fam("activerecord-load-with-binds", "https://guides.rubyonrails.org/debugging_rails_applications.html#the-logger; https://guides.rubyonrails.org/active_record_querying.html", [
    """  TRANSACTION (0.2ms)  BEGIN
  Customer Load (0.6ms)  SELECT "customers".* FROM "customers" WHERE "customers"."email" = $$1 AND "customers"."api_token" = $$2 LIMIT $$3  [["email", "{{EMAIL}}"], ["api_token", "{{HEX40}}"], ["LIMIT", 1]]
  ↳ app/controllers/api/base_controller.rb:${line}:in `authenticate!'""",
    """  User Load (0.4ms)  SELECT "users".* FROM "users" WHERE "users"."phone" = $$1 LIMIT $$2  [["phone", "{{PHONE_CA}}"], ["LIMIT", 1]]
  TRANSACTION (0.2ms)  BEGIN
  User Update (0.9ms)  UPDATE "users" SET "otp_secret" = $$1 WHERE "users"."id" = $$2  [["otp_secret", "{{HEX32}}"], ["id", ${num}]]
  TRANSACTION (0.3ms)  ROLLBACK""",
], ["Load (0.6ms)  SELECT", "= $1 AND", "LIMIT $3  [[\"email\",", "[\"LIMIT\", 1]]", "↳ app/controllers/api/base_controller.rb:${line}:in `authenticate!'", "Load (0.4ms)  SELECT", "TRANSACTION (0.2ms)  BEGIN", "Update (0.9ms)  UPDATE", "[\"id\", ${num}]]", "TRANSACTION (0.3ms)  ROLLBACK"],
    marker="TRANSACTION (0.2ms)  BEGIN")

fam("sequelize-executing-default-update", "https://sequelize.org/docs/v6/getting-started/#logging; https://sequelize.org/docs/v6/core-concepts/raw-queries/#bind-parameter", [
    """Executing (default): UPDATE "${seqtable}" SET "password"=$$1,"resetToken"=$$2,"updatedAt"=$$3 WHERE "id" = $$4; {"bind":["{{BCRYPT_HASH}}","{{HEX40}}","2024-06-01 12:04:17.311 +00:00",${num}]}
SequelizeDatabaseError: value too long for type character varying(60)""",
    """Executing (default): UPDATE "${seqtable}" SET "email"=$$1,"phone"=$$2 WHERE "id" = $$3; {"bind":["{{EMAIL}}","{{PHONE_JP_INTL}}",${num}]}
  ● CustomerRepository › updates the contact
    SequelizeUniqueConstraintError: Validation error""",
], ["Executing (default): UPDATE \"${seqtable}\" SET \"password\"=$1,\"resetToken\"=$2,\"updatedAt\"=$3 WHERE \"id\" = $4; {\"bind\":[", "\"2024-06-01 12:04:17.311 +00:00\",${num}]}", "SequelizeDatabaseError: value too long for type character varying(60)", "Executing (default): UPDATE \"${seqtable}\" SET \"email\"=$1,\"phone\"=$2 WHERE \"id\" = $3; {\"bind\":[", "● CustomerRepository › updates the contact", "SequelizeUniqueConstraintError: Validation error"],
    marker="Executing (default): UPDATE")

fam("doctrine-connecting-with-parameters", "https://symfony.com/doc/current/doctrine.html#configuring-the-database; https://www.doctrine-project.org/projects/doctrine-dbal/en/latest/reference/configuration.html", [
    """[2024-06-01T12:04:17.311+00:00] doctrine.INFO: Connecting with parameters {"params":{"driver":"pdo_mysql","host":"${mysqlhost}","port":${myport},"user":"${dbuser}","password":"{{PASSWORD}}","dbname":"${db}","charset":"utf8mb4"}} []
[2024-06-01T12:04:17.340+00:00] doctrine.ERROR: An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused""",
    """[2024-06-01T12:04:17.311+00:00] doctrine.INFO: Connecting with parameters {"params":{"driver":"pdo_pgsql","host":"${dbhost}","port":${pgport},"user":"${dbuser}","password":"{{PASSWORD}}","dbname":"${db}","serverVersion":"16"}} []
[2024-06-01T12:04:17.402+00:00] doctrine.DEBUG: Executing statement: INSERT INTO customer (email, phone) VALUES (?, ?) (parameters: {"1":"{{EMAIL}}","2":"{{PHONE_FR_DOTS}}"}, types: {"1":2,"2":2}) []""",
], ["doctrine.INFO: Connecting with parameters {\"params\":{\"driver\":\"pdo_mysql\",\"host\":\"${mysqlhost}\",\"port\":${myport},\"user\":\"${dbuser}\",\"password\":", "\"dbname\":\"${db}\",\"charset\":\"utf8mb4\"}} []", "doctrine.ERROR: An exception occurred in the driver: SQLSTATE[HY000] [2002] Connection refused", "doctrine.INFO: Connecting with parameters {\"params\":{\"driver\":\"pdo_pgsql\",\"host\":\"${dbhost}\",\"port\":${pgport},\"user\":\"${dbuser}\",\"password\":", "\"dbname\":\"${db}\",\"serverVersion\":\"16\"}} []", "doctrine.DEBUG: Executing statement: INSERT INTO customer (email, phone) VALUES (?, ?) (parameters: {\"1\":", "types: {\"1\":2,\"2\":2}) []", "[2024-06-01T12:04:17.311+00:00]"],
    marker="doctrine.INFO: Connecting with parameters")

fam("ecto-constraint-error-changeset", "https://hexdocs.pm/ecto/Ecto.ConstraintError.html; https://hexdocs.pm/ecto/Ecto.Changeset.html#unique_constraint/3", [
    """** (Ecto.ConstraintError) constraint error when attempting to insert struct:

    * "users_email_index" (unique_constraint)

If you would like to stop this constraint violation from raising an
exception and instead add it as an error to your changeset, please
call `unique_constraint/3` on your changeset with the constraint
`:name` as an option.
     stacktrace:
       (ecto 3.11.2) lib/ecto/repo/schema.ex:${line}: anonymous fn/4 in Ecto.Repo.Schema.constraints_to_errors/3
     params: %{"email" => "{{EMAIL}}", "password" => "{{PASSWORD}}", "phone" => "{{PHONE_AX}}"}""",
    """** (Ecto.ConstraintError) constraint error when attempting to insert struct:

    * "api_keys_key_hash_index" (unique_constraint)
     code: ${ectorepo}.insert!(%ApiKey{key_hash: "{{HEX64}}", label: "ci", owner_email: "{{EMAIL}}"})""",
], ["** (Ecto.ConstraintError) constraint error when attempting to insert struct:", "* \"users_email_index\" (unique_constraint)", "If you would like to stop this constraint violation from raising an", "call `unique_constraint/3` on your changeset with the constraint", "(ecto 3.11.2) lib/ecto/repo/schema.ex:${line}: anonymous fn/4 in Ecto.Repo.Schema.constraints_to_errors/3", "params: %{\"email\" =>", "* \"api_keys_key_hash_index\" (unique_constraint)", "code: ${ectorepo}.insert!(%ApiKey{key_hash:", "label: \"ci\", owner_email:"],
    marker="Ecto.ConstraintError")


# --- Database CLIs ----------------------------------------------------------------------------------------------------

fam("mongosh-connecting-banner", "https://www.mongodb.com/docs/mongodb-shell/connect/; https://www.mongodb.com/docs/mongodb-shell/logs/", [
    """$$ mongosh "mongodb+srv://${mongouser}:{{URL_PASSWORD}}@${mongohost}/${mongodb18}?retryWrites=true&w=majority"
Current Mongosh Log ID:	${hex24}
Connecting to:		mongodb+srv://<credentials>@${mongohost}/${mongodb18}?retryWrites=true&w=majority&appName=mongosh+2.2.6
Using MongoDB:		7.0.11
Using Mongosh:		2.2.6""",
    """Current Mongosh Log ID:	${hex24}
Connecting to:		mongodb://${mongouser}:{{URL_PASSWORD}}@${mongohost}:27017/${mongodb18}?authSource=admin&directConnection=true
MongoServerSelectionError: connect ECONNREFUSED ${privip}:27017
${mongodb18}> db.customers.insertOne({ email: "{{EMAIL}}", phone: "{{PHONE_BQ}}" })""",
], ["Current Mongosh Log ID:\t${hex24}", "Connecting to:\t\tmongodb+srv://<credentials>@${mongohost}/${mongodb18}?retryWrites=true&w=majority&appName=mongosh+2.2.6", "Using MongoDB:\t\t7.0.11", "Using Mongosh:\t\t2.2.6", "$ mongosh \"mongodb+srv://${mongouser}:", "@${mongohost}/${mongodb18}?retryWrites=true&w=majority\"", "@${mongohost}:27017/${mongodb18}?authSource=admin&directConnection=true", "MongoServerSelectionError: connect ECONNREFUSED ${privip}:27017", "> db.customers.insertOne({ email:"],
    marker="Current Mongosh Log ID:")

fam("psql-you-are-now-connected", "https://www.postgresql.org/docs/current/app-psql.html", [
    """$$ PGPASSWORD='{{PASSWORD}}' psql "host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} sslmode=require" -c "select email, phone from customers where id = ${num}"
You are now connected to database "${db}" as user "${dbuser}".
       email        |     phone
--------------------+----------------
 {{EMAIL}} | {{PHONE_US_INTL}}
(1 row)""",
    """${db}=> \\c ${db} ${dbuser}
You are now connected to database "${db}" as user "${dbuser}".
${db}=> ALTER ROLE ${dbuser} WITH PASSWORD '{{PASSWORD}}';
ERROR:  must be owner of role ${dbuser}""",
], ["psql \"host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} sslmode=require\" -c \"select email, phone from customers where id = ${num}\"", "You are now connected to database \"${db}\" as user \"${dbuser}\".", "email        |     phone", "--------------------+----------------", "(1 row)", "${db}=> \\c ${db} ${dbuser}", "${db}=> ALTER ROLE ${dbuser} WITH PASSWORD '", "ERROR:  must be owner of role ${dbuser}"],
    marker="You are now connected to database")

fam("sqlcmd-login-timeout-expired", "https://learn.microsoft.com/en-us/sql/tools/sqlcmd/sqlcmd-utility; https://learn.microsoft.com/en-us/sql/relational-databases/errors-events/mssqlserver-18456-database-engine-error", [
    """+ /opt/mssql-tools18/bin/sqlcmd -S ${sqlsrv18},1433 -U ${dbuser} -P '{{PASSWORD}}' -d ${db} -C -Q "SELECT 1"
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login timeout expired.
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : TCP Provider: Error code 0x2749.""",
    """sqlcmd -S tcp:${sqlsrv18},1433 -U ${dbuser} -P {{PASSWORD}} -d ${db} -i seed.sql -v AdminEmail="{{EMAIL}}" AdminPhone="{{PHONE_CC}}"
Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login timeout expired.""",
], ["/opt/mssql-tools18/bin/sqlcmd -S ${sqlsrv18},1433 -U ${dbuser} -P '", "' -d ${db} -C -Q \"SELECT 1\"", "Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login timeout expired.", "Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : TCP Provider: Error code 0x2749.", "sqlcmd -S tcp:${sqlsrv18},1433 -U ${dbuser} -P", "-d ${db} -i seed.sql -v AdminEmail="],
    marker="Login timeout expired")

fam("cqlsh-nohostavailable", "https://cassandra.apache.org/doc/latest/cassandra/managing/tools/cqlsh.html", [
    """$$ cqlsh ${cashost18} 9042 -u ${dbuser} -p {{PASSWORD}} --ssl -k ${db}
Connection error: ('Unable to connect to any servers', {'${cashost18}:9042': AuthenticationFailed('Failed to authenticate to ${cashost18}:9042: Error from server: code=0100 [Bad credentials] message="Provided username ${dbuser} and/or password are incorrect"')})
cassandra.cluster.NoHostAvailable""",
    """cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'${cashost18}:9042': OperationTimedOut('errors=Timed out creating connection (5 seconds), last_host=None')})
  PlainTextAuthProvider(username='${dbuser}', password='{{PASSWORD}}')
  -- ogrnip {{OGRNIP_RU}}
  session.execute("INSERT INTO customers (id, email, phone) VALUES (${uuid}, '{{EMAIL}}', '{{PHONE_SJ}}')")""",
], ["cqlsh ${cashost18} 9042 -u ${dbuser} -p", "--ssl -k ${db}", "{'${cashost18}:9042': AuthenticationFailed('Failed to authenticate to ${cashost18}:9042: Error from server: code=0100 [Bad credentials] message=\"Provided username ${dbuser} and/or password are incorrect\"')})", "cassandra.cluster.NoHostAvailable", "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'${cashost18}:9042': OperationTimedOut('errors=Timed out creating connection (5 seconds), last_host=None')})", "PlainTextAuthProvider(username='${dbuser}', password=", "session.execute(\"INSERT INTO customers (id, email, phone) VALUES (${uuid}, '"],
    marker="NoHostAvailable")


# --- Web frameworks' error pages, request logs and config dumps as text ---------------------------------------------

fam("django-technical-500-installed-middleware", "https://docs.djangoproject.com/en/5.0/ref/settings/#debug; https://docs.djangoproject.com/en/5.0/howto/error-reporting/#filtering-sensitive-information", [
    """Environment:

Request Method: POST
Request URL: http://testserver/api/customers/

Django Version: 5.0.6
Python Version: 3.12.3
Installed Middleware:
['django.middleware.security.SecurityMiddleware',
 'django.contrib.sessions.middleware.SessionMiddleware',
 'django.middleware.csrf.CsrfViewMiddleware']

POST:
email = '{{EMAIL}}'
phone = '{{PHONE_CX}}'
api_key = '{{API_KEY}}'""",
    """Installed Middleware:
['django.middleware.security.SecurityMiddleware',
 'django.contrib.sessions.middleware.SessionMiddleware']

COOKIES:
sessionid = '{{DJANGO_SID}}'
csrftoken = '{{ALNUM24}}'

META:
DATABASE_URL = 'postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}'""",
], ["Request URL: http://testserver/api/customers/", "Django Version: 5.0.6", "Python Version: 3.12.3", "Installed Middleware:", "['django.middleware.security.SecurityMiddleware',", "'django.contrib.sessions.middleware.SessionMiddleware',", "'django.middleware.csrf.CsrfViewMiddleware']", "'django.contrib.sessions.middleware.SessionMiddleware']", "DATABASE_URL = 'postgres://${dbuser}:", "@${dbhost}:${pgport}/${db}'"],
    marker="Installed Middleware:")

fam("rails-unpermitted-parameters-log", "https://guides.rubyonrails.org/action_controller_overview.html#strong-parameters; https://guides.rubyonrails.org/configuring.html#config-action-controller-action-on-unpermitted-parameters", [
    """Started PATCH "${railspath}" for 127.0.0.1 at 2024-06-01 12:04:17 +0000
Processing by ${railsctl} as JSON
  Parameters: {"customer"=>{"email"=>"{{EMAIL}}", "phone"=>"{{PHONE_CA}}", "npi"=>"{{NPI_US}}", "api_token"=>"{{HEX40}}"}, "id"=>"${num}"}
Unpermitted parameter: :api_token. Context: { controller: ${railsctl}, action: update }
Completed 422 Unprocessable Content in 12ms (ActiveRecord: 1.4ms | Allocations: 4120)""",
    """Processing by ${railsctl} as HTML
  Parameters: {"authenticity_token"=>"{{B64URL_SIG}}", "user"=>{"email"=>"{{EMAIL}}", "password"=>"{{PASSWORD}}", "otp"=>"{{OTP}}"}}
Unpermitted parameters: :otp. Context: { controller: ${railsctl}, action: create }
Filter chain halted as :require_no_authentication rendered or redirected""",
], ["Started PATCH \"${railspath}\" for 127.0.0.1 at 2024-06-01 12:04:17 +0000", "Processing by ${railsctl} as JSON", "\"id\"=>\"${num}\"}", "Unpermitted parameter: :api_token. Context: { controller: ${railsctl}, action: update }", "Completed 422 Unprocessable Content in 12ms (ActiveRecord: 1.4ms | Allocations: 4120)", "Processing by ${railsctl} as HTML", "Unpermitted parameters: :otp. Context: { controller: ${railsctl}, action: create }", "Filter chain halted as :require_no_authentication rendered or redirected"],
    marker="Unpermitted parameter")

fam("laravel-missing-app-key-with-env", "https://laravel.com/docs/11.x/encryption#configuration; https://laravel.com/docs/11.x/configuration#environment-configuration", [
    """   Illuminate\\Encryption\\MissingAppKeyException

  No application encryption key has been specified.

  at vendor/laravel/framework/src/Illuminate/Encryption/EncryptionServiceProvider.php:${line}
  .env: DB_HOST=${mysqlhost} DB_DATABASE=${db} DB_USERNAME=${dbuser} DB_PASSWORD={{PASSWORD}} MAIL_PASSWORD={{SENDGRID}}""",
    """Illuminate\\Encryption\\MissingAppKeyException: No application encryption key has been specified. in /var/www/html/vendor/laravel/framework/src/Illuminate/Encryption/EncryptionServiceProvider.php:${line}
REDIS_URL=redis://default:{{URL_PASSWORD}}@${redishost}:6379 ADMIN_EMAIL={{EMAIL}} ADMIN_PHONE={{PHONE_US_INTL}}""",
], ["Illuminate\\Encryption\\MissingAppKeyException", "No application encryption key has been specified.", "at vendor/laravel/framework/src/Illuminate/Encryption/EncryptionServiceProvider.php:${line}", ".env: DB_HOST=${mysqlhost} DB_DATABASE=${db} DB_USERNAME=${dbuser} DB_PASSWORD=", "in /var/www/html/vendor/laravel/framework/src/Illuminate/Encryption/EncryptionServiceProvider.php:${line}", "@${redishost}:6379 ADMIN_EMAIL="],
    marker="MissingAppKeyException")

fam("spring-actuator-beans-json", "https://docs.spring.io/spring-boot/api/rest/actuator/beans.html; https://docs.spring.io/spring-boot/api/rest/actuator/configprops.html", [
    """{"contexts":{"application":{"beans":{"dataSource":{"aliases":[],"scope":"singleton","type":"com.zaxxer.hikari.HikariDataSource","resource":"class path resource [org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$$Hikari.class]"}}}}}
{"contexts":{"application":{"beans":{"spring.datasource-org.springframework.boot.autoconfigure.jdbc.DataSourceProperties":{"prefix":"spring.datasource","properties":{"url":"jdbc:postgresql://${dbhost}:${pgport}/${db}","username":"${dbuser}","password":"{{PASSWORD}}"}}}}}}""",
    """"beans": {
  "mailProperties": {
    "prefix": "spring.mail",
    "properties": { "host": "${mailhost}", "port": 587, "username": "{{EMAIL}}", "password": "{{PASSWORD}}" }
  },
  "stripeProperties": { "prefix": "app.stripe", "properties": { "apiKey": "{{STRIPE_SK}}", "supportPhone": "{{PHONE_DE_TRUNK}}" } }
}""",
], ["{\"contexts\":{\"application\":{\"beans\":{\"dataSource\":{\"aliases\":[],\"scope\":\"singleton\",\"type\":\"com.zaxxer.hikari.HikariDataSource\"", "\"prefix\":\"spring.datasource\",\"properties\":{\"url\":\"jdbc:postgresql://${dbhost}:${pgport}/${db}\",\"username\":\"${dbuser}\",\"password\":", "\"prefix\": \"spring.mail\",", "\"properties\": { \"host\": \"${mailhost}\", \"port\": 587, \"username\":", "\"stripeProperties\": { \"prefix\": \"app.stripe\", \"properties\": { \"apiKey\":"],
    marker="\"beans\":")

fam("fastapi-request-validation-error-body", "https://fastapi.tiangolo.com/tutorial/handling-errors/#use-the-requestvalidationerror-body", [
    """fastapi.exceptions.RequestValidationError: [{'type': 'string_too_short', 'loc': ('body', 'password'), 'msg': 'String should have at least 12 characters', 'input': '{{PASSWORD}}', 'ctx': {'min_length': 12}}]
  body: {'email': '{{EMAIL}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_IN_DASH}}'}
INFO:     127.0.0.1:53412 - "POST ${fastroute18} HTTP/1.1" 422 Unprocessable Entity""",
    """E   assert 422 == 201
E    +  where 422 = <Response [422 Unprocessable Entity]>.status_code
RequestValidationError: {"detail":[{"type":"missing","loc":["header","x-api-key"],"msg":"Field required","input":null}],"body":{"email":"{{EMAIL}}","api_secret":"{{HEX40}}"}}""",
], ["fastapi.exceptions.RequestValidationError: [{'type': 'string_too_short', 'loc': ('body', 'password'), 'msg': 'String should have at least 12 characters', 'input':", "'ctx': {'min_length': 12}}]", "body: {'email':", "INFO:     127.0.0.1:53412 - \"POST ${fastroute18} HTTP/1.1\" 422 Unprocessable Entity", "E   assert 422 == 201", "E    +  where 422 = <Response [422 Unprocessable Entity]>.status_code", "RequestValidationError: {\"detail\":[{\"type\":\"missing\",\"loc\":[\"header\",\"x-api-key\"],\"msg\":\"Field required\",\"input\":null}],\"body\":{\"email\":"],
    marker="RequestValidationError")

fam("flask-werkzeug-debugger-caught", "https://flask.palletsprojects.com/en/3.0.x/debugging/; https://werkzeug.palletsprojects.com/en/3.0.x/debug/", [
    """The debugger caught an exception in your WSGI application. You can now look at the traceback which led to the error.
  File "/app/${pyapp}/views.py", line ${line}, in login
    user = authenticate(email="{{EMAIL}}", password="{{PASSWORD}}")
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${dbhost}" (${privip}), port ${pgport} failed""",
    """ * Debugger is active!
The debugger caught an exception in your WSGI application. You can now look at the traceback which led to the error.
KeyError: 'STRIPE_SECRET'
  environ: {'HTTP_AUTHORIZATION': 'Bearer {{JWT}}', 'HTTP_COOKIE': 'session={{FLASK_SESSION}}', 'PATH_INFO': '${flaskroute}'}""",
], ["The debugger caught an exception in your WSGI application. You can now look at the traceback which led to the error.", "File \"/app/${pyapp}/views.py\", line ${line}, in login", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"${dbhost}\" (${privip}), port ${pgport} failed", "* Debugger is active!", "KeyError: 'STRIPE_SECRET'", "'PATH_INFO': '${flaskroute}'}", "environ: {'HTTP_AUTHORIZATION':"],
    marker="The debugger caught an exception in your WSGI application.")

fam("aspnetcore-kestrel-request-starting", "https://learn.microsoft.com/en-us/aspnet/core/fundamentals/logging/; https://learn.microsoft.com/en-us/aspnet/core/fundamentals/http-logging/", [
    """info: Microsoft.AspNetCore.Hosting.Diagnostics[1]
      Request starting HTTP/1.1 POST http://localhost:5000${aspnetroute}?access_token={{JWT}} application/json 83
info: Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware[1]
      RequestBody: {"email":"{{EMAIL}}","password":"{{PASSWORD}}"}
info: Microsoft.AspNetCore.Hosting.Diagnostics[2]
      Request finished HTTP/1.1 POST http://localhost:5000${aspnetroute}?access_token={{JWT}} - 401 0 - 14.2210ms""",
    """dbug: Microsoft.AspNetCore.Server.Kestrel.Connections[39]
      Connection id "0HN3L${upper8}" accepted.
info: Microsoft.AspNetCore.Hosting.Diagnostics[1]
      Request starting HTTP/1.1 POST http://localhost:5000${aspnetroute} application/x-www-form-urlencoded 112
      Form: client_id=orders-web&client_secret={{OKTA_CLIENT_SECRET}}&username={{PHONE_GR_SPACE}}""",
], ["info: Microsoft.AspNetCore.Hosting.Diagnostics[1]", "Request starting HTTP/1.1 POST http://localhost:5000${aspnetroute}?access_token=", "application/json 83", "info: Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware[1]", "RequestBody: {\"email\":", "info: Microsoft.AspNetCore.Hosting.Diagnostics[2]", "- 401 0 - 14.2210ms", "dbug: Microsoft.AspNetCore.Server.Kestrel.Connections[39]", "Connection id \"0HN3L${upper8}\" accepted.", "Request starting HTTP/1.1 POST http://localhost:5000${aspnetroute} application/x-www-form-urlencoded 112", "Form: client_id=orders-web&client_secret="],
    marker="Request starting HTTP/1.1 POST")

fam("express-headers-already-sent", "https://expressjs.com/en/guide/error-handling.html; https://expressjs.com/en/guide/debugging.html", [
    """Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client
    at ServerResponse.setHeader (node:_http_outgoing:${line}:${col})
    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
req.body: { email: '{{EMAIL}}', password: '{{PASSWORD}}', phone: '{{PHONE_BR_CELL}}' }""",
    """Error: Cannot set headers after they are sent to the client
    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
req.headers: { host: 'localhost:3000', authorization: 'Bearer {{JWT}}', cookie: 'connect.sid={{CONNECT_SID}}' }
POST ${expressroute} 500 14.211 ms - 1420""",
], ["Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client", "at ServerResponse.setHeader (node:_http_outgoing:${line}:${col})", "at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)", "req.body: { email:", "Error: Cannot set headers after they are sent to the client", "req.headers: { host: 'localhost:3000', authorization:", "POST ${expressroute} 500 14.211 ms - 1420"],
    marker="at Layer.handle [as handle_request]")

fam("phoenix-action-clause-error-params", "https://hexdocs.pm/phoenix/Phoenix.ActionClauseError.html; https://hexdocs.pm/phoenix/Phoenix.Logger.html#module-parameter-filtering", [
    """[info] POST ${phxroute}
[debug] Processing with ShopWeb.SessionController.create/2
  Parameters: %{"user" => %{"email" => "{{EMAIL}}", "pass" => "{{PASSWORD}}"}}
  Pipelines: [:browser]
[error] ** (Phoenix.ActionClauseError) no function clause matching in ShopWeb.SessionController.create/2""",
    """** (Phoenix.ActionClauseError) no function clause matching in ShopWeb.CustomerController.update/2

The following arguments were given to ShopWeb.CustomerController.update/2:

    # 2
    %{"customer" => %{"phone" => "{{PHONE_AX}}", "api_token" => "{{HEX40}}"}, "id" => "${num}"}""",
], ["[info] POST ${phxroute}", "[debug] Processing with ShopWeb.SessionController.create/2", "Pipelines: [:browser]", "[error] ** (Phoenix.ActionClauseError) no function clause matching in ShopWeb.SessionController.create/2", "** (Phoenix.ActionClauseError) no function clause matching in ShopWeb.CustomerController.update/2", "The following arguments were given to ShopWeb.CustomerController.update/2:", "\"id\" => \"${num}\"}"],
    marker="Phoenix.ActionClauseError")


# --- Containers -----------------------------------------------------------------------------------------------------

fam("docker-inspect-hostconfig-env", "https://docs.docker.com/reference/cli/docker/inspect/; https://docs.docker.com/engine/api/v1.45/#tag/Container/operation/ContainerInspect", [
    """$$ docker inspect ${ctrname}
[
    {
        "Id": "${sha}${hex24}",
        "HostConfig": {
            "Binds": ["/srv/${ctrname}/certs:/certs:ro"],
            "NetworkMode": "${composeproj18}_default"
        },
        "Config": {
            "Env": [
                "DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}",
                "STRIPE_SECRET_KEY={{STRIPE_SK}}"
            ]""",
    """        "HostConfig": { "NetworkMode": "${composeproj18}_default" },
        "Config": {
            "Hostname": "${containerid}",
            "Cmd": [
                "node",
                "server.js",
                "--admin-password={{PASSWORD}}",
                "--admin-phone={{PHONE_NF}}"
            ],
            "Labels": {
                "com.docker.compose.project": "${composeproj18}",
                "com.docker.compose.service": "api"
            }""",
], ["$ docker inspect ${ctrname}", "\"HostConfig\": {", "\"Binds\": [\"/srv/${ctrname}/certs:/certs:ro\"],", "\"NetworkMode\": \"${composeproj18}_default\"", "\"Config\": {", "\"Env\": [", "\"DATABASE_URL=postgres://${dbuser}:", "@${dbhost}:${pgport}/${db}\",", "\"Hostname\": \"${containerid}\",", "\"Cmd\": [", "\"server.js\",", "\"Labels\": {", "\"com.docker.compose.project\": \"${composeproj18}\",", "\"com.docker.compose.service\": \"api\""],
    marker="\"HostConfig\": {")

fam("docker-compose-config-rendered", "https://docs.docker.com/reference/cli/docker/compose/config/; https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/", [
    """$$ docker compose -f compose.yaml -f compose.ci.yaml config
name: ${composeproj18}
services:
  api:
    environment:
      DATABASE_URL: postgres://${dbuser}:{{URL_PASSWORD}}@db:5432/${db}
      JWT_SECRET: {{HEX64}}
      SUPPORT_PHONE: '{{PHONE_VA}}'
    image: ${image}""",
    """$$ docker compose -f compose.yaml -f compose.ci.yaml config
name: ${composeproj18}
services:
  worker:
    command:
      - celery
      - --broker=amqp://${dbuser}:{{URL_PASSWORD}}@rabbitmq:5672//
    environment:
      SENTRY_DSN: https://{{HEX32}}@o${num}.ingest.sentry.io/${num2}
      ADMIN_EMAIL: {{EMAIL}}""",
], ["$ docker compose -f compose.yaml -f compose.ci.yaml config", "name: ${composeproj18}", "DATABASE_URL: postgres://${dbuser}:", "@db:5432/${db}", "image: ${image}", "- --broker=amqp://${dbuser}:", "@rabbitmq:5672//", ".ingest.sentry.io/${num2}"],
    marker="docker compose -f compose.yaml -f compose.ci.yaml config")

fam("kubectl-last-applied-configuration", "https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-apply-calculates-differences-and-merges-changes", [
    """$$ kubectl get secret ${k8sdeploy18}-env -n ${k8sns18} -o yaml
apiVersion: v1
kind: Secret
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","kind":"Secret","metadata":{"name":"${k8sdeploy18}-env","namespace":"${k8sns18}"},"stringData":{"DB_PASSWORD":"{{PASSWORD}}","API_KEY":"{{API_KEY}}"},"type":"Opaque"}""",
    """    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"${k8sdeploy18}","namespace":"${k8sns18}"},"spec":{"template":{"spec":{"containers":[{"env":[{"name":"REDIS_URL","value":"redis://:{{URL_PASSWORD}}@${redishost}:6379/0"},{"name":"OPS_PHONE","value":"{{PHONE_TK}}"}],"image":"${image}","name":"app"}]}}}}""",
], ["$ kubectl get secret ${k8sdeploy18}-env -n ${k8sns18} -o yaml", "kubectl.kubernetes.io/last-applied-configuration: |", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"${k8sdeploy18}-env\",\"namespace\":\"${k8sns18}\"},\"stringData\":{\"DB_PASSWORD\":", "\"type\":\"Opaque\"}", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"${k8sdeploy18}\",\"namespace\":\"${k8sns18}\"}", "@${redishost}:6379/0\"},{\"name\":\"OPS_PHONE\",\"value\":", "\"image\":\"${image}\",\"name\":\"app\"}]}}}}"],
    marker="kubectl.kubernetes.io/last-applied-configuration")

fam("kubectl-events-create-container-config-error", "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_events/; https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/", [
    """LAST SEEN   TYPE      REASON    OBJECT                               MESSAGE
12s         Warning   Failed    pod/${pod}   Error: couldn't find key STRIPE_KEY in Secret ${k8sns18}/${k8sdeploy18}-env
12s         Warning   Failed    pod/${pod}   Error: CreateContainerConfigError
--- env from the failing manifest: STRIPE_KEY_FALLBACK={{STRIPE_SK}} ADMIN_PHONE={{PHONE_SJ}}""",
    """LAST SEEN   TYPE      REASON    OBJECT                               MESSAGE
4s          Warning   Failed    pod/${pod}   Failed to pull image "${dbuser}:{{DOCKER_PAT}}@${image}": invalid reference format
4s          Warning   Failed    pod/${pod}   Error: ErrImagePull""",
], ["LAST SEEN   TYPE      REASON    OBJECT                               MESSAGE", "Warning   Failed    pod/${pod}   Error: couldn't find key STRIPE_KEY in Secret ${k8sns18}/${k8sdeploy18}-env", "Warning   Failed    pod/${pod}   Error: CreateContainerConfigError", "Warning   Failed    pod/${pod}   Failed to pull image \"${dbuser}:", "@${image}\": invalid reference format", "Warning   Failed    pod/${pod}   Error: ErrImagePull"],
    marker="LAST SEEN   TYPE      REASON")

fam("skaffold-waiting-for-deployments", "https://skaffold.dev/docs/status-check/; https://skaffold.dev/docs/references/cli/#skaffold-dev", [
    """Generating tags...
 - ${skaffoldimg} -> ${skaffoldimg}:${sha7}
Starting deploy...
Waiting for deployments to stabilize...
 - ${k8sns18}:deployment/${k8sdeploy18}: container app terminated with exit code 1
    - ${k8sns18}:pod/${pod}: container app terminated with exit code 1
      > [${pod} app] Error: connect to postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db} failed""",
    """Waiting for deployments to stabilize...
 - ${k8sns18}:deployment/${k8sdeploy18}: creating container app
    - ${k8sns18}:pod/${pod}: creating container app
      > [${pod} app] Seeding admin {{EMAIL}} / {{PASSWORD}} (phone {{PHONE_BL}})
 - ${k8sns18}:deployment/${k8sdeploy18} failed. Error: creating container app.""",
], ["Generating tags...", " - ${skaffoldimg} -> ${skaffoldimg}:${sha7}", "Starting deploy...", "Waiting for deployments to stabilize...", "- ${k8sns18}:deployment/${k8sdeploy18}: container app terminated with exit code 1", "- ${k8sns18}:pod/${pod}: container app terminated with exit code 1", "> [${pod} app] Error: connect to postgres://${dbuser}:", "@${dbhost}:${pgport}/${db} failed", "- ${k8sns18}:deployment/${k8sdeploy18}: creating container app", "> [${pod} app] Seeding admin", "- ${k8sns18}:deployment/${k8sdeploy18} failed. Error: creating container app."],
    marker="Waiting for deployments to stabilize...")

fam("tilt-initial-build-resource-log", "https://docs.tilt.dev/tiltfile_concepts.html; https://docs.tilt.dev/cli/tilt_logs.html", [
    """${tiltres}    │ Initial Build • ${tiltres}
${tiltres}    │ Loading Tiltfile at: /src/Tiltfile
${tiltres}    │ STEP 1/3 — Building Dockerfile: [${skaffoldimg}]
${tiltres}    │ Build args: NPM_TOKEN={{NPM_TOKEN}}
${tiltres}    │ ERROR: Build Failed: ImageBuild: failed to fetch @acme/ui-kit""",
    """${tiltres}    │ Initial Build • ${tiltres}
${tiltres}    │ Tiltfile: k8s_yaml(secret_from_dict("${tiltres}-env", inputs={"DB_PASSWORD": "{{PASSWORD}}", "GITHUB_TOKEN": "{{GHP}}"}))
${tiltres}    │ [K8s EVENT: Pod ${pod} (ns: ${k8sns18})] Back-off restarting failed container app""",
], ["│ Initial Build • ${tiltres}", "│ Loading Tiltfile at: /src/Tiltfile", "│ STEP 1/3 — Building Dockerfile: [${skaffoldimg}]", "│ Build args: NPM_TOKEN=", "│ ERROR: Build Failed: ImageBuild: failed to fetch @acme/ui-kit", "│ Tiltfile: k8s_yaml(secret_from_dict(\"${tiltres}-env\", inputs={\"DB_PASSWORD\":", "[K8s EVENT: Pod ${pod} (ns: ${k8sns18})] Back-off restarting failed container app"],
    marker="Initial Build • ")


# --- More HTTP clients: raise_for_status, cURL errors, Spring's codecs, undici's cause, mobile networking -------------

fam("httpx-raise-for-status-mdn-link", "https://www.python-httpx.org/exceptions/; https://www.python-httpx.org/api/#response", [
    """E   httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://${apihost}${apipath}?api_key={{API_KEY}}'
E   For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401
request headers: {'authorization': 'Bearer {{OPENAI}}', 'user-agent': 'python-httpx/0.27.0'}""",
    """httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://${apihost}/v1/customers'
For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401
json={'email': '{{EMAIL}}', 'phone': '{{PHONE_ID_DASH}}', 'secret': '{{HEX32}}'}""",
], ["E   httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://${apihost}${apipath}?api_key=", "E   For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401", "'user-agent': 'python-httpx/0.27.0'}", "httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://${apihost}/v1/customers'", "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401", "json={'email':"],
    marker="For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401")

fam("guzzle-curl-error-28", "https://docs.guzzlephp.org/en/stable/quickstart.html#exceptions; https://curl.se/libcurl/c/libcurl-errors.html", [
    """GuzzleHttp\\Exception\\ConnectException: cURL error 28: Operation timed out after 5001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://${apihost}${apipath}?token={{HEX40}}
/var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:${line}""",
    """GuzzleHttp\\Exception\\RequestException: cURL error 28: Connection timed out after 3000 milliseconds (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://${dbuser}:{{URL_PASSWORD}}@${apihost}/api/customers
options: {"json":{"email":"{{EMAIL}}","phone":"{{PHONE_NL_TRUNK}}"},"headers":{"X-Api-Key":"{{API_KEY}}"}}""",
], ["GuzzleHttp\\Exception\\ConnectException: cURL error 28: Operation timed out after 5001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://${apihost}${apipath}?token=", "/var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:${line}", "GuzzleHttp\\Exception\\RequestException: cURL error 28: Connection timed out after 3000 milliseconds (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://${dbuser}:", "@${apihost}/api/customers", "options: {\"json\":{\"email\":"],
    marker="cURL error 28:")

fam("redis-cli-auth-without-password-configured", "https://redis.io/docs/latest/commands/auth/; https://redis.io/docs/latest/develop/tools/cli/", [
    """$$ redis-cli -h ${redishost} -p 6379 --user default --pass {{PASSWORD}} PING
Warning: AUTH failed
(error) ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?""",
    """${redishost}:6379> AUTH {{PASSWORD}}
(error) ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?
${redishost}:6379> HSET session:${uuid} email {{EMAIL}} phone "{{PHONE_MF}}" token {{HEX40}}
(integer) 3""",
], ["redis-cli -h ${redishost} -p 6379 --user default --pass", "PING", "(error) ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?", "${redishost}:6379> AUTH", "${redishost}:6379> HSET session:${uuid} email", "(integer) 3"],
    marker="(error) ERR AUTH <password> called without any password configured")

fam("spring-webclient-jackson-encoding", "https://docs.spring.io/spring-framework/reference/web/webflux/reactive-spring.html#webflux-logging-sensitive-data; https://docs.spring.io/spring-framework/reference/web/webflux-webclient.html", [
    """2024-06-01T12:04:17.311Z DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions       : [${hex8}] HTTP POST https://${apihost}${apipath}, headers={masked}
2024-06-01T12:04:17.312Z DEBUG 1 --- [ctor-http-nio-2] o.s.http.codec.json.Jackson2JsonEncoder  : [${hex8}] Encoding [{email={{EMAIL}}, phone={{PHONE_UA_PARENS}}, password={{PASSWORD}}}]
2024-06-01T12:04:17.402Z DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions       : [${hex8}] [${hex6}] Response 401 UNAUTHORIZED""",
    """DEBUG o.s.http.codec.json.Jackson2JsonEncoder - [${hex8}] Encoding [{clientId=orders-web, clientSecret={{KEYCLOAK_SECRET}}, grantType=client_credentials}]
DEBUG o.s.w.r.f.client.ExchangeFunctions - [${hex8}] HTTP POST https://${apihost}/realms/acme/protocol/openid-connect/token, headers=[Authorization:"Basic {{BASIC_CRED}}"]
DEBUG o.s.w.r.f.client.ExchangeFunctions - [${hex8}] Response 400 BAD_REQUEST""",
], ["DEBUG 1 --- [ctor-http-nio-2] o.s.w.r.f.client.ExchangeFunctions", ": [${hex8}] HTTP POST https://${apihost}${apipath}, headers={masked}", "DEBUG 1 --- [ctor-http-nio-2] o.s.http.codec.json.Jackson2JsonEncoder", ": [${hex8}] Encoding [{email=", ": [${hex8}] [${hex6}] Response 401 UNAUTHORIZED", "DEBUG o.s.http.codec.json.Jackson2JsonEncoder - [${hex8}] Encoding [{clientId=orders-web, clientSecret=", "grantType=client_credentials}]", "DEBUG o.s.w.r.f.client.ExchangeFunctions - [${hex8}] HTTP POST https://${apihost}/realms/acme/protocol/openid-connect/token, headers=[Authorization:\"Basic", "DEBUG o.s.w.r.f.client.ExchangeFunctions - [${hex8}] Response 400 BAD_REQUEST"],
    marker="Encoding [{")

fam("spring-resttemplate-writing-as", "https://docs.spring.io/spring-framework/reference/integration/rest-clients.html#rest-resttemplate; https://docs.spring.io/spring-boot/reference/features/logging.html#features.logging.log-levels", [
    """2024-06-01 12:04:17.311 DEBUG 1 --- [           main] o.s.web.client.RestTemplate              : HTTP POST https://${apihost}${apipath}
2024-06-01 12:04:17.311 DEBUG 1 --- [           main] o.s.web.client.RestTemplate              : Accept=[application/json, application/*+json]
2024-06-01 12:04:17.312 DEBUG 1 --- [           main] o.s.web.client.RestTemplate              : Writing [CustomerRequest(email={{EMAIL}}, phone={{PHONE_JP_INTL}}, apiKey={{API_KEY}})] as "application/json"
2024-06-01 12:04:17.402 DEBUG 1 --- [           main] o.s.web.client.RestTemplate              : Response 401 UNAUTHORIZED""",
    """DEBUG o.s.web.client.RestTemplate - HTTP POST https://${apihost}/oauth/token
DEBUG o.s.web.client.RestTemplate - Writing [{grant_type=[password], username=[{{EMAIL}}], password=[{{PASSWORD}}], client_secret=[{{HEX32}}]}] as "application/x-www-form-urlencoded"
org.springframework.web.client.HttpClientErrorException$$Unauthorized: 401 Unauthorized: [no body]""",
], ["DEBUG 1 --- [           main] o.s.web.client.RestTemplate", ": HTTP POST https://${apihost}${apipath}", ": Accept=[application/json, application/*+json]", ": Writing [CustomerRequest(email=", ")] as \"application/json\"", ": Response 401 UNAUTHORIZED", "DEBUG o.s.web.client.RestTemplate - HTTP POST https://${apihost}/oauth/token", "DEBUG o.s.web.client.RestTemplate - Writing [{grant_type=[password], username=[", "}] as \"application/x-www-form-urlencoded\"", "org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized: [no body]"],
    marker="Writing [")

fam("node-fetch-failed-cause", "https://nodejs.org/api/globals.html#fetch; https://undici.nodejs.org/#/docs/api/Errors", [
    """TypeError: fetch failed
    at node:internal/deps/undici/undici:${line}:${col}
    at async createCustomer (/app/src/crm.ts:${line2}:${col}) {
  [cause]: Error: connect ECONNREFUSED ${privip}:443
      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16) {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: '${privip}',
    port: 443
  }
}
request: POST https://${apihost}${apipath} { headers: { authorization: 'Bearer {{JWT}}' }, body: '{"phone":"{{PHONE_TH_DASH}}"}' }""",
    """  [cause]: Error: connect ECONNREFUSED 127.0.0.1:5432
      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16) {
    errno: -111,
    code: 'ECONNREFUSED'
  }
  url: 'https://${dbuser}:{{URL_PASSWORD}}@${apihost}/api/sync?key={{API_KEY}}'""",
], ["at node:internal/deps/undici/undici:${line}:${col}", "at async createCustomer (/app/src/crm.ts:${line2}:${col}) {", "[cause]: Error: connect ECONNREFUSED ${privip}:443", "at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16) {", "errno: -111,", "code: 'ECONNREFUSED',", "syscall: 'connect',", "address: '${privip}',", "request: POST https://${apihost}${apipath} { headers: { authorization:", "[cause]: Error: connect ECONNREFUSED 127.0.0.1:5432", "url: 'https://${dbuser}:", "@${apihost}/api/sync?key="],
    marker="[cause]: Error: connect ECONNREFUSED")

fam("ios-urlsession-http-load-failed", "https://developer.apple.com/documentation/foundation/urlsession; https://developer.apple.com/documentation/foundation/urlerror", [
    """2024-06-01 12:04:17.311 ${swiftmod}[${num}:${num2}] Task <${uuidu}>.<3> HTTP load failed, 0/0 bytes (error code: -1001 [4:-2102])
2024-06-01 12:04:17.312 ${swiftmod}[${num}:${num2}] Task <${uuidu}>.<3> finished with error [-1001] Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={NSErrorFailingURLStringKey=https://${apihost}${apipath}?access_token={{JWT}}}""",
    """Task <${uuidu}>.<7> HTTP load failed, 412/0 bytes (error code: -1005 [4:-4])
Test Case '-[${swiftmod}Tests.APIClientTests testSignIn]' failed (3.211 seconds).
request body: {"email":"{{EMAIL}}","password":"{{PASSWORD}}","phone":"{{PHONE_CA}}","npi":"{{NPI_US}}"}""",
], ["Task <${uuidu}>.<3> HTTP load failed, 0/0 bytes (error code: -1001 [4:-2102])", "Task <${uuidu}>.<3> finished with error [-1001] Error Domain=NSURLErrorDomain Code=-1001 \"The request timed out.\" UserInfo={NSErrorFailingURLStringKey=https://${apihost}${apipath}?access_token=", "${swiftmod}[${num}:${num2}]", "Task <${uuidu}>.<7> HTTP load failed, 412/0 bytes (error code: -1005 [4:-4])", "Test Case '-[${swiftmod}Tests.APIClientTests testSignIn]' failed (3.211 seconds).", "request body: {\"email\":"],
    marker="HTTP load failed")

fam("android-volley-unexpected-response-code", "https://google.github.io/volley/; https://developer.android.com/training/volley/simple", [
    """06-01 12:04:17.311  ${num}  ${num2} E Volley  : [${line}] BasicNetwork.performRequest: Unexpected response code 401 for https://${apihost}${apipath}?api_key={{API_KEY}}
06-01 12:04:17.312  ${num}  ${num2} D ApiClient: headers={Authorization=Bearer {{JWT}}, X-Device=${uuid}}""",
    """E/Volley: [${line}] BasicNetwork.performRequest: Unexpected response code 403 for https://${apihost}/v1/profile
D/ProfileRepository: body={"email":"{{EMAIL}}","phone":"{{PHONE_BR_CELL}}","pushToken":"{{FCM_TOKEN}}"}""",
], ["E Volley  : [${line}] BasicNetwork.performRequest: Unexpected response code 401 for https://${apihost}${apipath}?api_key=", "D ApiClient: headers={Authorization=Bearer", "X-Device=${uuid}}", "E/Volley: [${line}] BasicNetwork.performRequest: Unexpected response code 403 for https://${apihost}/v1/profile", "D/ProfileRepository: body={\"email\":"],
    marker="BasicNetwork.performRequest: Unexpected response code")


# --- Output the tools localise, in the languages the seventeen use least -------------------------------------------

fam("postgres-polish-password-auth", "https://www.postgresql.org/docs/current/multibyte.html; https://git.postgresql.org/gitweb/?p=postgresql.git;a=tree;f=src/backend/po", [
    """psql: błąd: połączenie z serwerem w "${dbhost}" (${privip}), port ${pgport} nie powiodło się: KATASTROFALNY:  autoryzacja hasłem nie powiodła się dla użytkownika "${dbuser}"
+ psql "postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${pgdb18}" -c 'select 1'""",
    """org.postgresql.util.PSQLException: KATASTROFALNY: autoryzacja hasłem nie powiodła się dla użytkownika "${dbuser}"
spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${pgdb18} spring.datasource.password={{PASSWORD}} kontakt={{PHONE_PL_DASH}}""",
], ["nie powiodło się: KATASTROFALNY:  autoryzacja hasłem nie powiodła się dla użytkownika \"${dbuser}\"", "połączenie z serwerem w \"${dbhost}\" (${privip}), port ${pgport}", "+ psql \"postgresql://${dbuser}:", "@${dbhost}:${pgport}/${pgdb18}\" -c 'select 1'", "org.postgresql.util.PSQLException: KATASTROFALNY: autoryzacja hasłem nie powiodła się dla użytkownika \"${dbuser}\"", "spring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${pgdb18} spring.datasource.password="],
    marker="autoryzacja hasłem nie powiodła się dla użytkownika")

fam("postgres-ukrainian-password-auth", "https://www.postgresql.org/docs/current/multibyte.html; https://git.postgresql.org/gitweb/?p=postgresql.git;a=tree;f=src/backend/po", [
    """ФАТАЛЬНО:  користувач "${dbuser}" не пройшов автентифікацію за допомогою пароля
DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${pgdb18}
  File "/app/${pyapp}/db.py", line ${line}, in connect""",
    """psycopg2.OperationalError: підключення до сервера за адресою "${dbhost}" (${privip}), порт ${pgport} не вдалося: ФАТАЛЬНО:  користувач "${dbuser}" не пройшов автентифікацію за допомогою пароля
conn = psycopg2.connect(host="${dbhost}", port=${pgport}, dbname="${pgdb18}", user="${dbuser}", password="{{PASSWORD}}")
клієнт: {"email": "{{EMAIL}}", "телефон": "{{PHONE_UA_PARENS}}", "огрніп": "{{OGRNIP_RU}}"}""",
], ["ФАТАЛЬНО:  користувач \"${dbuser}\" не пройшов автентифікацію за допомогою пароля", "DATABASE_URL=postgres://${dbuser}:", "@${dbhost}:${pgport}/${pgdb18}", "File \"/app/${pyapp}/db.py\", line ${line}, in connect", "psycopg2.OperationalError: підключення до сервера за адресою \"${dbhost}\" (${privip}), порт ${pgport} не вдалося:", "conn = psycopg2.connect(host=\"${dbhost}\", port=${pgport}, dbname=\"${pgdb18}\", user=\"${dbuser}\", password=", "клієнт: {\"email\":"],
    marker="не пройшов автентифікацію за допомогою пароля")

fam("postgres-indonesian-password-auth", "https://www.postgresql.org/docs/current/multibyte.html; https://git.postgresql.org/gitweb/?p=postgresql.git;a=tree;f=src/backend/po", [
    """FATAL:  autentikasi password gagal untuk pengguna "${dbuser}"
  knexfile: { client: 'pg', connection: { host: '${dbhost}', port: ${pgport}, user: '${dbuser}', password: '{{PASSWORD}}', database: '${pgdb18}' } }""",
    """error: autentikasi password gagal untuk pengguna "${dbuser}"
    at /app/node_modules/pg-pool/index.js:45:11
  PGPASSWORD={{PASSWORD}} PGHOST=${dbhost} PGDATABASE=${pgdb18}
  pelanggan: {"email":"{{EMAIL}}","telepon":"{{PHONE_ID_DASH}}"}""",
], ["FATAL:  autentikasi password gagal untuk pengguna \"${dbuser}\"", "knexfile: { client: 'pg', connection: { host: '${dbhost}', port: ${pgport}, user: '${dbuser}', password:", "database: '${pgdb18}' } }", "error: autentikasi password gagal untuk pengguna \"${dbuser}\"", "at /app/node_modules/pg-pool/index.js:45:11", "PGHOST=${dbhost} PGDATABASE=${pgdb18}", "pelanggan: {\"email\":"],
    marker="autentikasi password gagal untuk pengguna")

fam("postgres-greek-password-auth", "https://www.postgresql.org/docs/current/multibyte.html; https://git.postgresql.org/gitweb/?p=postgresql.git;a=tree;f=src/backend/po", [
    """ΚΡΙΣΙΜΟ:  η ταυτοποίηση password απέτυχε για τον χρήστη "${dbuser}"
  sqlalchemy.url = postgresql+psycopg://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${pgdb18}""",
    """org.postgresql.util.PSQLException: ΚΡΙΣΙΜΟ: η ταυτοποίηση password απέτυχε για τον χρήστη "${dbuser}"
	at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:${line})
  πελάτης: email={{EMAIL}} τηλέφωνο={{PHONE_GR_SPACE}} password={{PASSWORD}}""",
], ["ΚΡΙΣΙΜΟ:  η ταυτοποίηση password απέτυχε για τον χρήστη \"${dbuser}\"", "sqlalchemy.url = postgresql+psycopg://${dbuser}:", "@${dbhost}:${pgport}/${pgdb18}", "org.postgresql.util.PSQLException: ΚΡΙΣΙΜΟ: η ταυτοποίηση password απέτυχε για τον χρήστη \"${dbuser}\"", "at org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:${line})", "πελάτης: email="],
    marker="η ταυτοποίηση password απέτυχε για τον χρήστη")

fam("mysql-german-access-denied", "https://dev.mysql.com/doc/refman/8.0/en/error-message-language.html; https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html#error_er_access_denied_error", [
    """ERROR 1045 (28000): Benutzer '${dbuser}'@'${privip}' hat keine Zugriffsberechtigung (verwendetes Passwort: ja)
+ mysql -h ${mysqlhost} -P ${myport} -u ${dbuser} -p'{{PASSWORD}}' ${mydb18} -e 'SELECT 1'""",
    """SQLSTATE[HY000] [1045] Benutzer '${dbuser}'@'${privip}' hat keine Zugriffsberechtigung (verwendetes Passwort: ja)
DB_DSN=mysql:host=${mysqlhost};port=${myport};dbname=${mydb18} DB_PASS={{PASSWORD}} Steuer-Ausweis {{AUSWEIS_DE}} Telefon {{PHONE_DE_TRUNK}}""",
], ["ERROR 1045 (28000): Benutzer '${dbuser}'@'${privip}' hat keine Zugriffsberechtigung (verwendetes Passwort: ja)", "+ mysql -h ${mysqlhost} -P ${myport} -u ${dbuser} -p'", "' ${mydb18} -e 'SELECT 1'", "SQLSTATE[HY000] [1045] Benutzer '${dbuser}'@'${privip}' hat keine Zugriffsberechtigung (verwendetes Passwort: ja)", "DB_DSN=mysql:host=${mysqlhost};port=${myport};dbname=${mydb18} DB_PASS="],
    marker="hat keine Zugriffsberechtigung")

fam("mysql-french-access-denied", "https://dev.mysql.com/doc/refman/8.0/en/error-message-language.html; https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html#error_er_access_denied_error", [
    """ERROR 1045 (28000): Accès refusé pour l'utilisateur: '${dbuser}'@'${privip}' (mot de passe: OUI)
  DATABASE_URL=mysql://${dbuser}:{{URL_PASSWORD}}@${mysqlhost}:${myport}/${mydb18}""",
    """sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1045, "Accès refusé pour l'utilisateur: '${dbuser}'@'${privip}' (mot de passe: OUI)")
  client: {'email': '{{EMAIL}}', 'téléphone': '{{PHONE_FR_DOTS}}', 'mot_de_passe': '{{PASSWORD}}'}""",
], ["ERROR 1045 (28000): Accès refusé pour l'utilisateur: '${dbuser}'@'${privip}' (mot de passe: OUI)", "DATABASE_URL=mysql://${dbuser}:", "@${mysqlhost}:${myport}/${mydb18}", "sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1045, \"Accès refusé pour l'utilisateur: '${dbuser}'@'${privip}' (mot de passe: OUI)\")", "client: {'email':"],
    marker="Accès refusé pour l'utilisateur:")

fam("mysql-dutch-access-denied", "https://dev.mysql.com/doc/refman/8.0/en/error-message-language.html; https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html#error_er_access_denied_error", [
    """ERROR 1045 (28000): Toegang geweigerd voor gebruiker: '${dbuser}'@'${privip}' (Wachtwoord gebruikt: JA)
  spring.datasource.url=jdbc:mysql://${mysqlhost}:${myport}/${mydb18}?user=${dbuser}&password={{PASSWORD}}""",
    """java.sql.SQLException: Toegang geweigerd voor gebruiker: '${dbuser}'@'${privip}' (Wachtwoord gebruikt: JA)
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)
  klant: email={{EMAIL}} telefoon={{PHONE_NL_TRUNK}}""",
], ["ERROR 1045 (28000): Toegang geweigerd voor gebruiker: '${dbuser}'@'${privip}' (Wachtwoord gebruikt: JA)", "spring.datasource.url=jdbc:mysql://${mysqlhost}:${myport}/${mydb18}?user=${dbuser}&password=", "java.sql.SQLException: Toegang geweigerd voor gebruiker: '${dbuser}'@'${privip}' (Wachtwoord gebruikt: JA)", "at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)", "klant: email="],
    marker="Toegang geweigerd voor gebruiker:")

fam("django-german-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """FAIL: test_registrierung (${djapp18}.tests.test_forms.RegistrierungTests.test_registrierung)
AssertionError: {'email': ['Bitte gültige E-Mail-Adresse eingeben.'], 'telefon': ['Dieses Feld ist zwingend erforderlich.']} != {}
data={'email': '{{PHONE_DE_TRUNK}}', 'passwort': '{{PASSWORD}}', 'ausweis': '{{AUSWEIS_DE}}'}""",
    """django.core.exceptions.ValidationError: {'email': ['Bitte gültige E-Mail-Adresse eingeben.']}
  File "/app/${djapp18}/forms.py", line ${line}, in clean
kunde: {"email": "{{EMAIL}}", "api_schluessel": "{{API_KEY}}", "telefon": "{{PHONE_DE_TRUNK}}"}""",
], ["FAIL: test_registrierung (${djapp18}.tests.test_forms.RegistrierungTests.test_registrierung)", "AssertionError: {'email': ['Bitte gültige E-Mail-Adresse eingeben.'], 'telefon': ['Dieses Feld ist zwingend erforderlich.']} != {}", "django.core.exceptions.ValidationError: {'email': ['Bitte gültige E-Mail-Adresse eingeben.']}", "File \"/app/${djapp18}/forms.py\", line ${line}, in clean", "data={'email':", "kunde: {\"email\":"],
    marker="Bitte gültige E-Mail-Adresse eingeben.")

fam("django-french-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['Saisissez une adresse e-mail valide.'], 'telephone': ['Ce champ est obligatoire.']} != {}
data={'email': '{{PHONE_FR_DOTS}}', 'mot_de_passe': '{{PASSWORD}}'}
FAIL: test_inscription (${djapp18}.tests.InscriptionTests.test_inscription)""",
    """django.core.exceptions.ValidationError: {'email': ['Saisissez une adresse e-mail valide.']}
client: {"email": "{{EMAIL}}", "cle_api": "{{HEX40}}", "telephone": "{{PHONE_BL}}"}""",
], ["AssertionError: {'email': ['Saisissez une adresse e-mail valide.'], 'telephone': ['Ce champ est obligatoire.']} != {}", "FAIL: test_inscription (${djapp18}.tests.InscriptionTests.test_inscription)", "django.core.exceptions.ValidationError: {'email': ['Saisissez une adresse e-mail valide.']}", "data={'email':", "client: {\"email\":"],
    marker="Saisissez une adresse e-mail valide.")

fam("django-japanese-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['有効なメールアドレスを入力してください。'], 'phone': ['このフィールドは必須です。']} != {}
form.data: {'email': '{{PHONE_JP_INTL}}', 'password': '{{PASSWORD}}'}
FAIL: test_signup (${djapp18}.tests.SignupFormTests.test_signup)""",
    """django.core.exceptions.ValidationError: {'email': ['有効なメールアドレスを入力してください。']}
顧客: {"email": "{{EMAIL}}", "電話": "{{PHONE_JP_INTL}}", "api_key": "{{API_KEY}}"}""",
], ["AssertionError: {'email': ['有効なメールアドレスを入力してください。'], 'phone': ['このフィールドは必須です。']} != {}", "FAIL: test_signup (${djapp18}.tests.SignupFormTests.test_signup)", "django.core.exceptions.ValidationError: {'email': ['有効なメールアドレスを入力してください。']}", "form.data: {'email':", "顧客: {\"email\":"],
    marker="有効なメールアドレスを入力してください。")

fam("django-polish-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['Wprowadź poprawny adres email.'], 'telefon': ['To pole jest wymagane.']} != {}
data={'email': '{{PHONE_PL_DASH}}', 'haslo': '{{PASSWORD}}'}""",
    """django.core.exceptions.ValidationError: {'email': ['Wprowadź poprawny adres email.']}
  File "/app/${djapp18}/forms.py", line ${line}, in clean_email
klient: {"email": "{{EMAIL}}", "klucz_api": "{{API_KEY}}", "telefon": "{{PHONE_PL_DASH}}"}""",
], ["AssertionError: {'email': ['Wprowadź poprawny adres email.'], 'telefon': ['To pole jest wymagane.']} != {}", "django.core.exceptions.ValidationError: {'email': ['Wprowadź poprawny adres email.']}", "File \"/app/${djapp18}/forms.py\", line ${line}, in clean_email", "data={'email':", "klient: {\"email\":"],
    marker="Wprowadź poprawny adres email.")

fam("django-thai-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['ป้อนที่อยู่อีเมลที่ถูกต้อง']} != {}
data={'email': '{{PHONE_TH_DASH}}', 'password': '{{PASSWORD}}', 'phone': '{{PHONE_TH_DASH}}'}
FAIL: test_register (${djapp18}.tests.RegisterTests.test_register)""",
    """ValidationError: {'email': ['ป้อนที่อยู่อีเมลที่ถูกต้อง']}
ลูกค้า: {"email": "{{EMAIL}}", "token": "{{HEX40}}"}""",
], ["AssertionError: {'email': ['ป้อนที่อยู่อีเมลที่ถูกต้อง']} != {}", "FAIL: test_register (${djapp18}.tests.RegisterTests.test_register)", "ValidationError: {'email': ['ป้อนที่อยู่อีเมลที่ถูกต้อง']}", "data={'email':", "ลูกค้า: {\"email\":"],
    marker="ป้อนที่อยู่อีเมลที่ถูกต้อง")

fam("django-arabic-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['أدخل عنوان بريد إلكتروني صالح.'], 'phone': ['هذا الحقل مطلوب.']} != {}
data={'email': '{{EMAIL}}x', 'password': '{{PASSWORD}}'}""",
    """django.core.exceptions.ValidationError: {'email': ['أدخل عنوان بريد إلكتروني صالح.']}
  File "/app/${djapp18}/forms.py", line ${line}, in clean
العميل: {"email": "{{EMAIL}}", "api_key": "{{API_KEY}}", "phone": "{{PHONE_US_INTL}}"}""",
], ["AssertionError: {'email': ['أدخل عنوان بريد إلكتروني صالح.'], 'phone': ['هذا الحقل مطلوب.']} != {}", "django.core.exceptions.ValidationError: {'email': ['أدخل عنوان بريد إلكتروني صالح.']}", "File \"/app/${djapp18}/forms.py\", line ${line}, in clean", "data={'email':", "العميل: {\"email\":"],
    marker="أدخل عنوان بريد إلكتروني صالح.")

fam("django-ukrainian-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['Введіть коректну адресу електронної пошти.'], 'phone': ["Це поле обов'язкове."]} != {}
data={'email': '{{PHONE_UA_PARENS}}', 'password': '{{PASSWORD}}'}""",
    """ValidationError: {'email': ['Введіть коректну адресу електронної пошти.']}
  File "/app/${djapp18}/forms.py", line ${line}, in clean
клієнт: {"email": "{{EMAIL}}", "ogrnip": "{{OGRNIP_RU}}", "token": "{{HEX40}}"}""",
], ["AssertionError: {'email': ['Введіть коректну адресу електронної пошти.'], 'phone': [\"Це поле обов'язкове.\"]} != {}", "ValidationError: {'email': ['Введіть коректну адресу електронної пошти.']}", "File \"/app/${djapp18}/forms.py\", line ${line}, in clean", "data={'email':", "клієнт: {\"email\":"],
    marker="Введіть коректну адресу електронної пошти.")

fam("django-greek-form-errors", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/; https://docs.djangoproject.com/en/5.0/ref/validators/#emailvalidator", [
    """AssertionError: {'email': ['Εισάγετε μια έγκυρη διεύθυνση ηλ. ταχυδρομείου.'], 'phone': ['Αυτό το πεδίο είναι απαραίτητο.']} != {}
data={'email': '{{PHONE_GR_SPACE}}', 'password': '{{PASSWORD}}'}""",
    """ValidationError: {'email': ['Εισάγετε μια έγκυρη διεύθυνση ηλ. ταχυδρομείου.']}
πελάτης: {"email": "{{EMAIL}}", "api_key": "{{API_KEY}}", "phone": "{{PHONE_GR_SPACE}}"}""",
], ["AssertionError: {'email': ['Εισάγετε μια έγκυρη διεύθυνση ηλ. ταχυδρομείου.'], 'phone': ['Αυτό το πεδίο είναι απαραίτητο.']} != {}", "ValidationError: {'email': ['Εισάγετε μια έγκυρη διεύθυνση ηλ. ταχυδρομείου.']}", "data={'email':", "πελάτης: {\"email\":"],
    marker="Εισάγετε μια έγκυρη διεύθυνση ηλ. ταχυδρομείου.")

fam("hibernate-validator-french-email", "https://docs.jboss.org/hibernate/validator/8.0/reference/en-US/html_single/#section-message-interpolation; https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator", [
    """jakarta.validation.ConstraintViolationException: creerClient.arg0.email: doit être une adresse électronique syntaxiquement correcte
  ClientDto(email={{PHONE_FR_DOTS}}, motDePasse={{PASSWORD}}, telephone={{PHONE_FR_DOTS}})""",
    """WARN 1 --- [nio-8080-exec-4] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0]: [Field error in object 'clientDto' on field 'email': rejected value [{{EMAIL}}x]; default message [doit être une adresse électronique syntaxiquement correcte]] ]
  cleApi={{API_KEY}}""",
], ["jakarta.validation.ConstraintViolationException: creerClient.arg0.email: doit être une adresse électronique syntaxiquement correcte", "ClientDto(email=", "WARN 1 --- [nio-8080-exec-4] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0]: [Field error in object 'clientDto' on field 'email': rejected value [", "default message [doit être une adresse électronique syntaxiquement correcte]] ]"],
    marker="doit être une adresse électronique syntaxiquement correcte")

fam("hibernate-validator-japanese-email", "https://docs.jboss.org/hibernate/validator/8.0/reference/en-US/html_single/#section-message-interpolation; https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator", [
    """jakarta.validation.ConstraintViolationException: register.arg0.email: 電子メールアドレスとして正しい形式にしてください, register.arg0.name: 空白は許可されていません
  CustomerForm(email={{PHONE_JP_INTL}}, password={{PASSWORD}}, phone={{PHONE_JP_INTL}})""",
    """Field error in object 'customerForm' on field 'email': rejected value [{{EMAIL}}x]; codes [Email.customerForm.email,Email.email,Email]; default message [電子メールアドレスとして正しい形式にしてください]
  apiKey={{API_KEY}} npi={{NPI_US}}""",
], ["jakarta.validation.ConstraintViolationException: register.arg0.email: 電子メールアドレスとして正しい形式にしてください, register.arg0.name: 空白は許可されていません", "CustomerForm(email=", "Field error in object 'customerForm' on field 'email': rejected value [", "]; codes [Email.customerForm.email,Email.email,Email]; default message [電子メールアドレスとして正しい形式にしてください]"],
    marker="電子メールアドレスとして正しい形式にしてください")

fam("hibernate-validator-polish-email", "https://docs.jboss.org/hibernate/validator/8.0/reference/en-US/html_single/#section-message-interpolation; https://github.com/hibernate/hibernate-validator/tree/main/engine/src/main/resources/org/hibernate/validator", [
    """jakarta.validation.ConstraintViolationException: zarejestruj.arg0.email: musi być poprawnie sformatowanym adresem e-mail, zarejestruj.arg0.imie: nie może być puste
  KlientDto(email={{PHONE_PL_DASH}}, haslo={{PASSWORD}}, telefon={{PHONE_PL_DASH}})""",
    """Field error in object 'klientDto' on field 'email': rejected value [{{EMAIL}}x]; codes [Email.klientDto.email,Email.email,Email]; default message [musi być poprawnie sformatowanym adresem e-mail]
  token={{JWT}}""",
], ["jakarta.validation.ConstraintViolationException: zarejestruj.arg0.email: musi być poprawnie sformatowanym adresem e-mail, zarejestruj.arg0.imie: nie może być puste", "KlientDto(email=", "Field error in object 'klientDto' on field 'email': rejected value [", "]; codes [Email.klientDto.email,Email.email,Email]; default message [musi być poprawnie sformatowanym adresem e-mail]"],
    marker="musi być poprawnie sformatowanym adresem e-mail")

fam("laravel-german-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/de/php.json", [
    """Illuminate\\Validation\\ValidationException: E-Mail-Adresse muss eine gültige E-Mail-Adresse sein. (and 1 more error)
request: {"email":"{{PHONE_DE_TRUNK}}","telefon":"{{PHONE_DE_TRUNK}}","ausweis":"{{AUSWEIS_DE}}","_token":"{{ALNUM24}}"}""",
    """   FAILED  Tests\\Feature\\RegistrierungTest > registriert kunden
  Session has unexpected errors:
  {"email":["E-Mail-Adresse muss eine gültige E-Mail-Adresse sein."]}
  kunde: email={{EMAIL}} passwort={{PASSWORD}}""",
], ["Illuminate\\Validation\\ValidationException: E-Mail-Adresse muss eine gültige E-Mail-Adresse sein. (and 1 more error)", "FAILED  Tests\\Feature\\RegistrierungTest > registriert kunden", "Session has unexpected errors:", "{\"email\":[\"E-Mail-Adresse muss eine gültige E-Mail-Adresse sein.\"]}", "request: {\"email\":", "kunde: email="],
    marker="muss eine gültige E-Mail-Adresse sein")

fam("laravel-indonesian-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/id/php.json", [
    """Illuminate\\Validation\\ValidationException: Email harus berupa alamat surel yang valid. (and 1 more error)
request: {"email":"{{PHONE_ID_DASH}}","telepon":"{{PHONE_ID_DASH}}","password":"{{PASSWORD}}"}""",
    """   FAILED  Tests\\Feature\\DaftarTest > mendaftarkan pelanggan
  {"email":["Email harus berupa alamat surel yang valid."]}
  pelanggan: email={{EMAIL}} api_key={{API_KEY}}""",
], ["Illuminate\\Validation\\ValidationException: Email harus berupa alamat surel yang valid. (and 1 more error)", "FAILED  Tests\\Feature\\DaftarTest > mendaftarkan pelanggan", "{\"email\":[\"Email harus berupa alamat surel yang valid.\"]}", "request: {\"email\":", "pelanggan: email="],
    marker="harus berupa alamat surel yang valid")

fam("laravel-vietnamese-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/vi/php.json", [
    """Illuminate\\Validation\\ValidationException: Email phải là một địa chỉ email hợp lệ. (and 1 more error)
request: {"email":"{{PHONE_VN_DOTS}}","so_dien_thoai":"{{PHONE_VN_DOTS}}","mat_khau":"{{PASSWORD}}"}""",
    """   FAILED  Tests\\Feature\\DangKyTest > dang ky khach hang
  {"email":["Email phải là một địa chỉ email hợp lệ."]}
  khach_hang: email={{EMAIL}} token={{HEX40}}""",
], ["Illuminate\\Validation\\ValidationException: Email phải là một địa chỉ email hợp lệ. (and 1 more error)", "FAILED  Tests\\Feature\\DangKyTest > dang ky khach hang", "{\"email\":[\"Email phải là một địa chỉ email hợp lệ.\"]}", "request: {\"email\":", "khach_hang: email="],
    marker="phải là một địa chỉ email hợp lệ")

fam("laravel-arabic-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/ar/php.json", [
    """Illuminate\\Validation\\ValidationException: يجب أن يكون البريد الإلكتروني عنوان بريد إلكتروني صحيح البُنية. (and 1 more error)
request: {"email":"{{PHONE_US_INTL}}","phone":"{{PHONE_CA}}","password":"{{PASSWORD}}"}""",
    """   FAILED  Tests\\Feature\\RegisterTest > registers customer
  {"email":["يجب أن يكون البريد الإلكتروني عنوان بريد إلكتروني صحيح البُنية."]}
  customer: email={{EMAIL}} api_key={{API_KEY}}""",
], ["Illuminate\\Validation\\ValidationException: يجب أن يكون البريد الإلكتروني عنوان بريد إلكتروني صحيح البُنية. (and 1 more error)", "FAILED  Tests\\Feature\\RegisterTest > registers customer", "{\"email\":[\"يجب أن يكون البريد الإلكتروني عنوان بريد إلكتروني صحيح البُنية.\"]}", "request: {\"email\":", "customer: email="],
    marker="عنوان بريد إلكتروني صحيح البُنية")

fam("laravel-greek-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/el/php.json", [
    """Illuminate\\Validation\\ValidationException: Το πεδίο email πρέπει να είναι μία έγκυρη διεύθυνση email. (and 1 more error)
request: {"email":"{{PHONE_GR_SPACE}}","tilefono":"{{PHONE_GR_SPACE}}","password":"{{PASSWORD}}"}""",
    """   FAILED  Tests\\Feature\\EggrafiTest > eggrafei pelati
  {"email":["Το πεδίο email πρέπει να είναι μία έγκυρη διεύθυνση email."]}
  pelatis: email={{EMAIL}} token={{JWT}}""",
], ["Illuminate\\Validation\\ValidationException: Το πεδίο email πρέπει να είναι μία έγκυρη διεύθυνση email. (and 1 more error)", "FAILED  Tests\\Feature\\EggrafiTest > eggrafei pelati", "{\"email\":[\"Το πεδίο email πρέπει να είναι μία έγκυρη διεύθυνση email.\"]}", "request: {\"email\":", "pelatis: email="],
    marker="πρέπει να είναι μία έγκυρη διεύθυνση email")

fam("laravel-hebrew-validation", "https://laravel.com/docs/11.x/localization; https://github.com/Laravel-Lang/lang/blob/main/locales/he/php.json", [
    """Illuminate\\Validation\\ValidationException: השדה email חייב להיות כתובת אימייל תקינה. (and 1 more error)
request: {"email":"{{PHONE_IL_DASH}}","phone":"{{PHONE_IL_DASH}}","password":"{{PASSWORD}}"}""",
    """   FAILED  Tests\\Feature\\RegisterTest > registers customer
  {"email":["השדה email חייב להיות כתובת אימייל תקינה."]}
  customer: email={{EMAIL}} api_key={{API_KEY}}""",
], ["Illuminate\\Validation\\ValidationException: השדה email חייב להיות כתובת אימייל תקינה. (and 1 more error)", "FAILED  Tests\\Feature\\RegisterTest > registers customer", "{\"email\":[\"השדה email חייב להיות כתובת אימייל תקינה.\"]}", "request: {\"email\":", "customer: email="],
    marker="חייב להיות כתובת אימייל תקינה")


# Every whole line of a template that carries no planted value (12 characters or more once trimmed) must stay as well,
# beside the literal keeps above: the operator reads these lines to follow the failure. Added where not already kept.
for _f in FAMILIES:
    for _t in _f["templates"]:
        for _line in _t.split("\n"):
            _line = _line.strip()
            if len(_line) >= 12 and "{{" not in _line and not any(_line in _k for _k in _f["keep"]):
                _f["keep"].append(_line)
