# The twentieth collection (session 24, corpus20): the clean measure of this stop, written blind (no rule writer reads it,
# and no rule ran on it before it and its wiring were committed). Like the thirteenth to nineteenth, its families come
# from the MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application prints, here
# those the nineteen collections touch least: SDK and agent DEBUG logs (OpenTelemetry exporters, the Datadog, New Relic
# and Elastic APM agents, Sentry's SDK debug, LaunchDarkly, Unleash and Split clients, Segment, Amplitude and Mixpanel),
# identity providers and auth flows as apps and tests log them (Auth0, Okta, Keycloak, Cognito, Firebase Auth, Supabase,
# Clerk, NextAuth, Spring Security, Passport.js, Devise, django-allauth, MSAL, SAML toolkits), payment, mail and SMS SDKs
# (the Stripe CLI and stripe-mock, Adyen, Braintree, PayPal, Mailgun, Postmark, Mailchimp, Vonage, MessageBird), data
# pipelines and notebooks (Airflow, dbt, PySpark, the Databricks CLI, the Snowflake, BigQuery and Redshift connectors,
# Great Expectations, papermill, MLflow), infrastructure as code and configuration management (Pulumi, AWS CDK and SAM,
# the Serverless Framework, Chef, Puppet, Salt, Packer, Vagrant), API gateways and proxies in debug (Kong, Envoy,
# Traefik, nginx, HAProxy, Caddy), GraphQL, gRPC and SOAP clients (Apollo, grpcurl, zeep, SoapUI), Windows and .NET
# tooling (Pester, MSBuild, NuGet, dotnet user-secrets, winget, IIS, PowerShell) and output those tools localise in
# languages the nineteen use least (Greek, Hebrew, Thai, Indonesian, Ukrainian, Vietnamese, Serbian, Lithuanian,
# Latvian, Estonian, Slovenian, Icelandic, Urdu, Tamil), each in a MESSAGE SHAPE none of the nineteen collections has
# (checked by a script that looks for a fixed part of each shape, the `marker` below, in every failure-output*.jsonl,
# corpus.jsonl and outside-mainstream-2.txt to -7.txt, case-insensitively and JSON-escaped; candidates found there were
# dropped or rewritten before the collection was built). Secrets are planted where those tools print them: positional
# arguments of AUTH-NAMED calls and commands (login, authenticate, connect, sign, set_credentials, auth, --auth), URL
# path segments, DSNs (host, port, database and user kept), headers, command lines, env and config dumps, SDK debug
# output, cookies, JSON log fields and object fields named token, password, apiKey or secret. Personal data: big
# countries' phones in international shapes no collection planted yet (the few countries and territories left are too
# small to have phone shapes of their own), and tax numbers no collection has with VALID check digits (Serbia's PIB,
# Vietnam's MST, Indonesia's NPWP; TwentiethIds.java). Each family names the public page its shape was learnt from;
# nothing was copied and every value is invented. Same template language as the nineteenth, with `auto_keep` on. Split
# like the sixth to nineteenth: a THIRD of the families by the SHA-1 of the family's name (0 mod 3), fixed before any
# rule ran, not redrawn.

from families19 import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "svc20": ["orders-api", "checkout-web", "billing-worker", "crm-sync"],
    "otlphost20": ["otel-collector.observability.svc.cluster.local:4318", "otel.acme-corp.io:4317", "collector.globex.io:4318"],
    "idphost20": ["login.acme-corp.io", "auth.globex.com", "sso.initech.net"],
    "realm20": ["acme", "globex-staff", "initech-customers"],
    "client20": ["orders-web", "checkout-spa", "crm-backoffice"],
    "airflowdag20": ["daily_revenue_rollup", "crm_contacts_sync", "orders_to_warehouse"],
    "airflowtask20": ["extract_orders", "load_to_snowflake", "send_report"],
    "dbtmodel20": ["stg_orders", "fct_revenue", "dim_customers"],
    "sfacct20": ["acme-xy12345", "globex.eu-central-1", "initech-prod"],
    "sfwh20": ["TRANSFORM_WH", "LOADING_WH", "REPORTING_WH"],
    "bqproject20": ["acme-analytics", "globex-dwh-prod", "initech-data-dev"],
    "rshost20": ["analytics.c1x2y3z4.eu-west-1.redshift.amazonaws.com", "dwh.cabc123.us-east-1.redshift.amazonaws.com"],
    "stack20": ["acme/orders-api/staging", "globex/checkout/prod", "initech/crm/dev"],
    "cdkstack20": ["OrdersApiStack", "CheckoutPipelineStack", "CrmDataStack"],
    "chefnode20": ["web-01.acme.net", "app-02.globex.io", "worker-3.initech.net"],
    "kongsvc20": ["orders-service", "checkout-upstream", "crm-api"],
    "upstream20": ["10.0.4.17:8080", "172.18.0.5:3000", "10.42.1.9:9090"],
    "gqlop20": ["CreateCheckoutSession", "UpdateCustomerProfile", "SignIn"],
    "grpcsvc20": ["acme.orders.v1.OrderService", "globex.billing.v2.InvoiceService", "initech.crm.v1.ContactService"],
    "wsdlhost20": ["soap.acme-corp.io", "ws.globex.com", "services.initech.net"],
    "nupkg20": ["Acme.Orders.Client", "Globex.Billing.Sdk", "Initech.Crm.Contracts"],
    "csproj20": ["src/Acme.Orders.Api/Acme.Orders.Api.csproj", "src/Globex.Billing/Globex.Billing.csproj"],
    "iissite20": ["OrdersApi", "CheckoutWeb", "CrmPortal"],
    "mlexp20": ["churn-model", "fraud-scoring", "demand-forecast"],
    "nbpath20": ["notebooks/daily_report.ipynb", "notebooks/churn_features.ipynb", "reports/revenue.ipynb"],
    "saltminion20": ["web01", "db-replica-2", "worker-7"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=4, mainstream=True, marker=""):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants,
                     "mainstream": mainstream, "marker": marker})


# --- SDK and agent debug logs -------------------------------------------------------------------------------------------

fam("otel-python-sdk-span-attributes-console", "https://opentelemetry.io/docs/languages/python/exporters/#console", [
    """{
    "name": "POST /api/login",
    "kind": "SpanKind.SERVER",
    "attributes": {
        "http.method": "POST",
        "http.request.header.authorization": ["Basic {{BASIC_CRED}}"],
        "enduser.id": "{{EMAIL}}",
        "http.status_code": 401
    },
    "resource": {"attributes": {"service.name": "${svc20}"}}
}""",
    """{
    "name": "GET /oauth/callback",
    "kind": "SpanKind.SERVER",
    "attributes": {
        "http.method": "GET",
        "url.full": "https://${apihost}/oauth/callback?code={{OAUTH_CODE}}&state=${hex32}",
        "user.email": "{{EMAIL}}",
        "http.status_code": 500
    },
    "resource": {"attributes": {"service.name": "${svc20}"}}
}""",
], [], marker=['"http.request.header.authorization": ["Basic ', '"url.full": "https://'])

fam("newrelic-java-agent-config-log", "https://docs.newrelic.com/docs/apm/agents/java-agent/configuration/java-agent-configuration-config-file/", [
    """Jun 11, 2024 09:14:02 +0000 [1 1] com.newrelic INFO: New Relic Agent: Loading configuration file "/app/newrelic/newrelic.yml"
Jun 11, 2024 09:14:03 +0000 [1 1] com.newrelic FINE: Agent config: {license_key={{NR_LICENSE}}, app_name=${svc20}, log_level=finest, proxy_password={{PASSWORD}}}
Jun 11, 2024 09:14:04 +0000 [1 14] com.newrelic SEVERE: Invalid license key, please contact support@newrelic.com""",
    """[2024-06-11 09:14:02 +0000] newrelic_rpm DEBUG : Connecting Process to New Relic: /usr/local/bundle/bin/rspec
[2024-06-11 09:14:02 +0000] newrelic_rpm DEBUG : Sending payload to collector.newrelic.com: {"license_key":"{{NR_LICENSE}}","app_name":["${svc20}"],"identifier":"ruby:${svc20}"}
[2024-06-11 09:14:03 +0000] newrelic_rpm ERROR : NewRelic::Agent::LicenseException: Invalid license key""",
], [], marker=["com.newrelic FINE: Agent config: {license_key=", "newrelic_rpm DEBUG : Sending payload to collector"])

fam("elastic-apm-agent-config-debug", "https://www.elastic.co/guide/en/apm/agent/nodejs/current/troubleshooting.html", [
    """{"log.level":"debug","@timestamp":"2024-06-11T09:14:02.118Z","log.logger":"elastic-apm-node","message":"agent configuration","agentConfig":{"serviceName":"${svc20}","serverUrl":"https://apm.${apihost}:8200","secretToken":"{{APM_SECRET}}","environment":"ci","logLevel":"trace"}}
{"log.level":"error","@timestamp":"2024-06-11T09:14:02.904Z","log.logger":"elastic-apm-node","message":"APM Server transport error (401): Unexpected APM Server response"}""",
    """2024-06-11 09:14:02,118 [elasticapm-config] DEBUG [co.elastic.apm.agent.configuration.StartupInfo] api_key: '{{ES_API_KEY}}' (source: Environment Variables)
2024-06-11 09:14:02,119 [elasticapm-config] DEBUG [co.elastic.apm.agent.configuration.StartupInfo] server_url: 'https://apm.${apihost}:8200' (source: Environment Variables)
2024-06-11 09:14:02,904 [elastic-apm-server-reporter] WARN co.elastic.apm.agent.report.IntakeV2ReportingEventHandler - Server returned 401 for user {{EMAIL}}""",
], [], marker=['"message":"agent configuration","agentConfig":{', "[co.elastic.apm.agent.configuration.StartupInfo] api_key: '"])

fam("launchdarkly-sdk-init-debug", "https://docs.launchdarkly.com/sdk/server-side/node-js#logging", [
    """info: [LaunchDarkly] Opened LaunchDarkly stream connection
debug: [LaunchDarkly] Initializing with sdkKey={{LD_SDK}} baseUri=https://sdk.launchdarkly.com streamUri=https://stream.launchdarkly.com
error: [LaunchDarkly] Received error 401 for streaming request - giving up permanently
warn: [LaunchDarkly] Variation called before LaunchDarkly client initialization completed (did you wait for the 'ready' event?) - using last known values from feature store""",
    """DEBUG:ldclient.util:Starting event processor with context {'kind': 'user', 'key': '${uuid}', 'email': '{{EMAIL}}', 'phone': '{{PHONE_PH_INTL}}'}
ERROR:ldclient.util:Received HTTP error 401 (invalid SDK key) for streaming connection - giving up permanently
WARNING:ldclient.util:Feature Flag evaluation attempted before client has initialized! Feature store unavailable - returning default: False for feature key: new-checkout""",
], [], marker=["debug: [LaunchDarkly] Initializing with sdkKey=", "DEBUG:ldclient.util:Starting event processor with context {"])

fam("unleash-client-register-failure", "https://docs.getunleash.io/reference/sdks/node", [
    """[unleash] register: POST https://unleash.${apihost}/api/client/register {"appName":"${svc20}","instanceId":"${pod}","headers":{"Authorization":"*:development.{{HEX64}}"}}
[unleash] warn: ${svc20}: Unleash Repository: Failed to fetch features. Unleash responded with 401 (Unauthorized)""",
    """2024-06-11 09:14:02.118 DEBUG 1 --- [unleash-api-executor] i.g.u.repository.HttpFeatureFetcher : Fetching toggles from https://unleash.${apihost}/api/client/features with customHttpHeaders {Authorization=default:production.{{HEX64}}}
2024-06-11 09:14:02.604  WARN 1 --- [unleash-api-executor] i.g.u.repository.FeatureRepository : Could not refresh feature toggles (401) for {{EMAIL}}""",
], [], marker=["[unleash] register: POST https://", "i.g.u.repository.HttpFeatureFetcher : Fetching toggles from"])

fam("split-sdk-factory-debug", "https://help.split.io/hc/en-us/articles/360020564931-Node-js-SDK", [
    """[DEBUG] splitio => settings: {"core":{"authorizationKey":"{{ALNUM24}}{{ALNUM24}}","key":"{{EMAIL}}","trafficType":"user"},"urls":{"sdk":"https://sdk.split.io/api"}}
[ERROR] splitio-sync:split-changes-updater => Fetch failed: 401 Unauthorized
[WARN]  splitio => getTreatment: the SDK is not ready, results may be incorrect for feature flag new_checkout""",
    """2024-06-11 09:14:02 DEBUG io.split.client.SplitFactoryImpl - Factory built with apiToken={{ALNUM24}}{{ALNUM24}} for key {{EMAIL}}
2024-06-11 09:14:03 ERROR io.split.engine.common.SyncManagerImp - Could not fetch segments: status 401
2024-06-11 09:14:03 WARN  io.split.client.SplitClientImpl - getTreatment: you passed "new_checkout" that does not exist in this environment""",
], [], marker=["[DEBUG] splitio => settings: {", "io.split.client.SplitFactoryImpl - Factory built with apiToken="])

fam("segment-analytics-node-flush-error", "https://segment.com/docs/connections/sources/catalog/libraries/server/node/", [
    """analytics-node: flush error AxiosError: Request failed with status code 401
    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)
  config: { url: 'https://api.segment.io/v1/batch', auth: { username: '{{SEGMENT_KEY}}', password: '' } },
  batch: [ { type: 'identify', userId: '${uuid}', traits: { email: '{{EMAIL}}', phone: '{{PHONE_VN_INTL}}' } } ]""",
    """DEBUG:segment:enqueued identify.
DEBUG:segment:making request: {"batch": [{"type": "identify", "userId": "${uuid}", "traits": {"email": "{{EMAIL}}", "phone": "{{PHONE_TH_INTL}}"}}], "writeKey": "{{SEGMENT_KEY}}"}
ERROR:segment:error uploading: [401] Unauthorized""",
], [], marker=["analytics-node: flush error AxiosError:", 'DEBUG:segment:making request: {"batch": ['])

fam("amplitude-sdk-upload-debug", "https://amplitude.com/docs/sdks/analytics/node/node-js-sdk", [
    """Amplitude Logger [Debug]: {"type":"invoke public method","name":"init","args":["{{HEX32}}","{{EMAIL}}",{"logLevel":4,"serverZone":"EU"}]}
Amplitude Logger [Error]: {"code":400,"error":"Invalid API key: {{HEX32}}","missing_field":null}
Amplitude Logger [Warn]: Event dropped: identify for user {{EMAIL}}""",
    """DEBUG:amplitude:Sending events: {"api_key": "{{HEX32}}", "events": [{"event_type": "Sign Up", "user_id": "{{EMAIL}}", "user_properties": {"phone": "{{PHONE_UA_INTL}}"}}]}
ERROR:amplitude:Event failed with response code 400: Invalid API key""",
], [], marker=['Amplitude Logger [Debug]: {"type":"invoke public method","name":"init","args":[', 'DEBUG:amplitude:Sending events: {"api_key": "'])

fam("mixpanel-import-api-error", "https://developer.mixpanel.com/reference/import-events", [
    """mixpanel.MixpanelException: HTTP error 401: {"code":401,"error":"Invalid credentials: service account secret or project token","status":"error"}
  Consumer(api_secret='{{MIXPANEL_SECRET}}', api_host='api-eu.mixpanel.com')
  people_set(distinct_id='{{EMAIL}}', properties={'$$phone': '{{PHONE_RS_INTL}}'})""",
    """[Mixpanel] REQUEST: POST https://api.mixpanel.com/import?strict=1&project_id=3141592
[Mixpanel] REQUEST: Authorization: Basic {{BASIC_CRED}}
[Mixpanel] RESPONSE 401: {"error": "Unauthorized, invalid project secret", "status": 0}""",
], [], marker=["Invalid credentials: service account secret or project token", "[Mixpanel] REQUEST: Authorization: Basic "])

# --- identity providers and auth flows ----------------------------------------------------------------------------------

fam("auth0-authentication-client-login-call", "https://auth0.github.io/node-auth0/classes/auth.AuthenticationClient.html", [
    """  ● auth › logs in with a database connection

    access_denied: Wrong email or password.

      18 |   it('logs in with a database connection', async () => {
    > 19 |     await auth0.oauth.passwordGrant({ username: '{{EMAIL}}', password: '{{PASSWORD}}', realm: 'Username-Password-Authentication' });
         |                       ^
      20 |   });""",
    """auth0.exceptions.Auth0Error: invalid_client: Client authentication failed
  File "/app/tests/test_auth.py", line 31, in test_client_credentials
    token = GetToken("${idphost20}", "${alnum32}", client_secret="{{AUTH0_SECRET}}").client_credentials("https://${apihost}/")""",
], [], marker=["await auth0.oauth.passwordGrant({ username: '", 'token = GetToken("'])

fam("cognito-initiate-auth-cli-debug", "https://docs.aws.amazon.com/cli/latest/reference/cognito-idp/initiate-auth.html", [
    """+ aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH --client-id ${alnum26} --auth-parameters USERNAME={{EMAIL}},PASSWORD={{PASSWORD}},SECRET_HASH={{B64_SECRET}}
An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Incorrect username or password.""",
    """NotAuthorizedException: Unable to verify secret hash for client ${alnum26}
    at CognitoIdentityProviderClient.send (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:251:14)
  input: { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: '{{EMAIL}}', PASSWORD: '{{PASSWORD}}' }, ClientId: '${alnum26}' }""",
], [], marker=["aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH", "input: { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: {"])

fam("firebase-auth-sign-in-test-error", "https://firebase.google.com/docs/reference/js/auth.md#signinwithemailandpassword", [
    """  FirebaseError: Firebase: Error (auth/wrong-password).

      27 |   it('signs the user in', async () => {
    > 28 |     await signInWithEmailAndPassword(auth, '{{EMAIL}}', '{{PASSWORD}}');
         |           ^""",
    """firebase_admin.exceptions.InvalidArgumentError: Error while calling Auth service (INVALID_ID_TOKEN).
  File "/app/tests/test_users.py", line 44, in test_custom_claims
    auth.verify_id_token("{{JWT}}", check_revoked=True)
  user = auth.get_user_by_phone_number("{{PHONE_IN_LANDLINE}}")""",
], [], marker=["    > 28 |     await signInWithEmailAndPassword(auth, '", "auth.get_user_by_phone_number("])

fam("supabase-js-auth-and-client-init", "https://supabase.com/docs/reference/javascript/auth-signinwithpassword", [
    """GoTrue-js 2.64.2 #_signInWithPassword() start {"email":"{{EMAIL}}","password":"{{PASSWORD}}"}
GoTrue-js 2.64.2 #_signInWithPassword() error AuthApiError: Invalid login credentials""",
    """supabase.create_client("https://${alnum20}.supabase.co", "{{SUPABASE_SECRET}}")
  File "/app/tests/conftest.py", line 12, in supabase_admin
gotrue.errors.AuthApiError: Invalid API key for user {{EMAIL}}""",
], [], marker=["#_signInWithPassword() start {", 'supabase.create_client("https://'])

fam("clerk-backend-sdk-verify-error", "https://clerk.com/docs/references/backend/verify-token", [
    """Clerk: Handshake token verification failed: Unable to find a signing key in JWKS that matches the kid='ins_${alnum24}'
  clerkClient = createClerkClient({ secretKey: '{{CLERK_SK}}', apiUrl: 'https://api.clerk.com' })
  session: {{JWT}}""",
    """[clerk debug] authenticateRequest: {"secretKey":"{{CLERK_SK}}","cookieToken":"{{JWT}}","headerToken":null,"userEmail":"{{EMAIL}}"}
[clerk debug] authenticateRequest result: signed-out (TokenExpired)""",
], [], marker=["Clerk: Handshake token verification failed:", "[clerk debug] authenticateRequest: {"])

fam("nextauth-debug-callback-log", "https://next-auth.js.org/configuration/options#debug", [
    """[next-auth][debug][OAUTH_CALLBACK_RESPONSE] {
  profile: { email: '{{EMAIL}}', name: 'Test User', phone_number: '{{PHONE_BR_INTL}}' },
  account: { provider: 'google', access_token: '{{GOOGLE_OAUTH_ACCESS}}', id_token: '{{JWT}}' }
}""",
    """[auth][error] CallbackRouteError: Read more at https://errors.authjs.dev#callbackrouteerror
[auth][debug]: callback route error details {
  "method": "POST",
  "query": {},
  "body": { "email": "{{EMAIL}}", "password": "{{PASSWORD}}", "csrfToken": "{{HEX64}}" }
}""",
], [], marker=["[next-auth][debug][OAUTH_CALLBACK_RESPONSE] {", "[auth][debug]: callback route error details {"])

fam("spring-security-debug-filter-chain", "https://docs.spring.io/spring-security/reference/servlet/architecture.html#servlet-logging", [
    """2024-06-11T09:14:02.118Z DEBUG 1 --- [nio-8080-exec-3] o.s.s.w.a.www.BasicAuthenticationFilter  : Found username '{{EMAIL}}' in Basic Authorization header
2024-06-11T09:14:02.120Z DEBUG 1 --- [nio-8080-exec-3] o.s.s.w.FilterChainProxy                 : Request received for POST '/oauth2/token?client_secret={{OKTA_CLIENT_SECRET}}':
2024-06-11T09:14:02.131Z DEBUG 1 --- [nio-8080-exec-3] o.s.s.a.dao.DaoAuthenticationProvider    : Failed to authenticate since password does not match stored value""",
    """org.springframework.security.authentication.BadCredentialsException: Bad credentials
	at ${javatest19}.loginWithPassword(${javatest19}.java:${line})
  MockMvc request: POST /login params={username=[{{EMAIL}}], password=[{{PASSWORD}}], _csrf=[{{UUID_SECRET}}]}""",
], [], marker=["BasicAuthenticationFilter  : Found username '", "MockMvc request: POST /login params={username=["])

fam("passport-local-strategy-debug", "https://www.passportjs.org/packages/passport-local/", [
    """  passport:local verify called { username: '{{EMAIL}}', password: '{{PASSWORD}}' } +0ms
  passport:session serializeUser failed: no user +2ms
  express:router dispatching POST /login +0ms""",
    """    AssertionError: expected 302 "Found" redirect to "/login?error=1"
      at Test._assertStatus (node_modules/supertest/lib/test.js:267:14)
    request: agent.post('/auth/login').send({ email: '{{EMAIL}}', password: '{{PASSWORD}}', otp: '{{OTP}}' })""",
], [], marker=["  passport:local verify called { username: '", "request: agent.post('/auth/login').send({ email: '"])

fam("devise-sign-in-request-spec", "https://github.com/heartcombo/devise#test-helpers", [
    """Devise::Mailer#reset_password_instructions: processed outbound mail in 14.2ms
Delivered mail 6668f3b2c1a9e_1a2b@runner.mail (3.4ms)
To: {{EMAIL}}
<p><a href="http://localhost:3000/users/password/edit?reset_password_token={{ALNUM24}}">Change my password</a></p>""",
    """  1) Users sign in with a valid password
     Failure/Error: sign_in create(:user, email: "{{EMAIL}}", password: "{{PASSWORD}}")
     Warden::NotAuthenticatedError:
       Devise could not find the `Warden::Proxy` instance on your request environment.""",
], [], marker=["Devise::Mailer#reset_password_instructions: processed outbound mail", "Devise could not find the `Warden::Proxy` instance"])

fam("django-allauth-login-form-errors", "https://docs.allauth.org/en/latest/account/forms.html", [
    """FAIL: test_login_with_email (accounts.tests.test_login.LoginTests.test_login_with_email)
AssertionError: <ul class="errorlist nonfield"><li>The email address and/or password you specified are not correct.</li></ul>
  self.client.post(reverse("account_login"), {"login": "{{EMAIL}}", "password": "{{PASSWORD}}"})""",
    """DEBUG allauth.socialaccount.providers.oauth2.client: access_token response {'access_token': '{{GOOGLE_OAUTH_ACCESS}}', 'expires_in': 3599, 'id_token': '{{JWT}}', 'scope': 'openid email'}
ERROR allauth.socialaccount.helpers: Social login failed for {{EMAIL}}""",
], [], marker=['self.client.post(reverse("account_login"), {"login": "', "allauth.socialaccount.providers.oauth2.client: access_token response"])

fam("msal-python-token-cache-debug", "https://learn.microsoft.com/en-us/entra/msal/python/", [
    """DEBUG:msal.application:Broker enabled? None
DEBUG:msal.authority:openid_config = {'token_endpoint': 'https://login.microsoftonline.com/${uuid}/oauth2/v2.0/token', 'issuer': 'https://login.microsoftonline.com/${uuid}/v2.0'}
DEBUG:msal.token_cache:event={"client_id": "${uuid}", "data": {"client_secret": "{{AZURE_CLIENT_SECRET}}", "username": "{{EMAIL}}"}, "error": "invalid_client"}""",
    """MsalServiceException: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.
   at Microsoft.Identity.Client.OAuth2.OAuth2Client.ThrowServerException(HttpResponse response, RequestContext requestContext)
   ConfidentialClientApplicationBuilder.Create("${uuid}").WithClientSecret("{{AZURE_CLIENT_SECRET}}").WithTenantId("${uuid}")""",
], [], marker=['DEBUG:msal.token_cache:event={"client_id": "', 'ConfidentialClientApplicationBuilder.Create("'])

fam("saml-toolkit-debug-response", "https://github.com/SAML-Toolkits/python3-saml#debug", [
    """DEBUG onelogin.saml2.auth: process_response: SAMLResponse={{SAML_RESPONSE}}
ERROR onelogin.saml2.auth: invalid_response: Signature validation failed. SAML Response rejected
DEBUG onelogin.saml2.auth: NameID={{EMAIL}} SessionIndex=_${hex32}""",
    """[passport-saml] validatePostResponseAsync: {"SAMLResponse":"{{SAML_RESPONSE}}","RelayState":"/dashboard"}
[passport-saml] error: Invalid signature for NameID {{EMAIL}}""",
], [], marker=["onelogin.saml2.auth: process_response: SAMLResponse=", "[passport-saml] validatePostResponseAsync: {"])

fam("oidc-client-discovery-token-request", "https://openid.net/specs/openid-connect-discovery-1_0.html", [
    """openid-client: discovered issuer https://${idphost20}/realms/${realm20} (token_endpoint https://${idphost20}/realms/${realm20}/protocol/openid-connect/token)
openid-client: grant() body=grant_type=password&username={{EMAIL_URLENC}}&password={{PASSWORD}}&client_id=${client20}&client_secret={{KEYCLOAK_SECRET}}
OPError: invalid_grant (Invalid user credentials)""",
    """2024-06-11 09:14:02 DEBUG [authlib.integrations.requests_client] fetch_token(url='https://${idphost20}/oauth/token', grant_type='refresh_token', refresh_token='{{GOOGLE_REFRESH_TOKEN}}', client_secret='{{GOOGLE_CLIENT_SECRET}}')
authlib.integrations.base_client.errors.OAuthError: invalid_grant: Token has been expired or revoked.""",
], [], marker=["openid-client: discovered issuer https://", "[authlib.integrations.requests_client] fetch_token(url='"])

# --- payment, mail and SMS SDKs -----------------------------------------------------------------------------------------

fam("stripe-mock-request-log", "https://github.com/stripe/stripe-mock", [
    """[stripe-mock] 2024/06/11 09:14:02 Request: POST /v1/payment_methods
[stripe-mock] 2024/06/11 09:14:02 Authorization: Bearer {{STRIPE_SK}}
[stripe-mock] 2024/06/11 09:14:02 Form: card[number]={{CARD}}&card[exp_month]=12&card[cvc]=314&billing_details[email]={{EMAIL_URLENC}}
[stripe-mock] 2024/06/11 09:14:02 Response: 402""",
    """stripe.error.CardError: Request req_${alnum14}: Your card was declined.
  stripe.PaymentIntent.create(amount=4200, currency="eur", customer="cus_${alnum14}", payment_method_data={"billing_details": {"phone": "{{PHONE_FR_INTL}}", "email": "{{EMAIL}}"}}, api_key="{{STRIPE_RK}}")""",
], [], marker=["[stripe-mock] 2024/06/11 09:14:02 Authorization: Bearer ", 'payment_method_data={"billing_details": {"phone": "'])

fam("braintree-gateway-configure-error", "https://developer.paypal.com/braintree/docs/start/hello-server", [
    """Braintree::AuthenticationError: Braintree::AuthenticationError
  gateway = Braintree::Gateway.new(environment: :sandbox, merchant_id: "${alnum16}", public_key: "${alnum16}", private_key: "{{BRAINTREE_PRIVATE}}")
# ./spec/services/payment_client_spec.rb:${line}:in `block (2 levels) in <top (required)>'""",
    """braintree.exceptions.authentication_error.AuthenticationError
    gateway = braintree.BraintreeGateway(braintree.Configuration(braintree.Environment.Sandbox, merchant_id="${alnum16}", public_key="${alnum16}", private_key="{{BRAINTREE_PRIVATE}}"))
    gateway.customer.create({"email": "{{EMAIL}}", "phone": "{{PHONE_PK_INTL}}"})""",
], [], marker=['Braintree::Gateway.new(environment: :sandbox, merchant_id: "', "braintree.BraintreeGateway(braintree.Configuration(braintree.Environment.Sandbox"])

fam("postmark-client-send-error", "https://postmarkapp.com/developer/api/overview", [
    """PostmarkError: The Server Token you provided in the X-Postmark-Server-Token header was invalid. Please verify that you are using a valid token.
  const client = new postmark.ServerClient('{{POSTMARK_TOKEN}}');
  client.sendEmail({ From: 'billing@${hostname19}', To: '{{EMAIL}}', Subject: 'Receipt' })""",
    """Postmark::InvalidApiKeyError: The Server Token you provided in the X-Postmark-Server-Token header was invalid.
  Postmark::ApiClient.new("{{POSTMARK_TOKEN}}", http_open_timeout: 15).deliver(from: "billing@${hostname19}", to: "{{EMAIL}}")""",
], [], marker=["const client = new postmark.ServerClient('", 'Postmark::ApiClient.new("'])

fam("mailchimp-marketing-set-config", "https://mailchimp.com/developer/marketing/guides/quick-start/", [
    """mailchimp_marketing.api_client.ApiClientError: Status Code: 401 Reason: API Key Invalid
  client = MailchimpMarketing.Client(); client.set_config({"api_key": "{{MAILCHIMP}}", "server": "us21"})
  client.lists.add_list_member("${hex10}", {"email_address": "{{EMAIL}}", "merge_fields": {"PHONE": "{{PHONE_LT_INTL}}"}})""",
    """Error: Unauthorized
    at Response.toError (node_modules/superagent/lib/node/response.js:98:15)
  mailchimp.setConfig({ apiKey: '{{MAILCHIMP}}', server: 'us21' });
  response: { title: 'API Key Invalid', detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter." }""",
], [], marker=['client = MailchimpMarketing.Client(); client.set_config(', "mailchimp.setConfig({ apiKey: '"])

fam("vonage-sms-send-failure", "https://developer.vonage.com/en/messaging/sms/code-snippets/send-an-sms", [
    """vonage.errors.AuthenticationError: 401 response from https://rest.nexmo.com/sms/json
  client = vonage.Client(key="${hex8}", secret="{{VONAGE_SECRET}}")
  sms.send_message({"from": "AcmeShop", "to": "{{PHONE_IS_INTL}}", "text": "Your code is 481516"})""",
    """VonageError: Message failed with error: Bad Credentials
  { 'message-count': '1', messages: [ { to: '{{PHONE_LV_INTL}}', status: '4', 'error-text': 'Bad Credentials' } ] }
  const vonage = new Vonage({ apiKey: '${hex8}', apiSecret: '{{VONAGE_SECRET}}' })""",
], [], marker=['client = vonage.Client(key="', "const vonage = new Vonage({ apiKey: '"])

fam("messagebird-sms-api-error", "https://developers.messagebird.com/api/sms-messaging/", [
    """messagebird.client.ErrorException: Request not allowed (incorrect access_key) (code 2)
  client = messagebird.Client('{{ALNUM24}}')
  client.message_create('AcmeShop', '{{PHONE_SI_INTL}}', 'Your code is 271828')""",
    """{"errors":[{"code":2,"description":"Request not allowed (incorrect access_key)","parameter":"access_key"}]}
  Authorization: AccessKey {{ALNUM24}}
  POST https://rest.messagebird.com/messages recipients={{PHONE_ID_INTL}}""",
], [], marker=["client = messagebird.Client('", "Authorization: AccessKey "])

# --- data pipelines and notebooks ---------------------------------------------------------------------------------------

fam("airflow-task-log-connection-uri", "https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html", [
    """[2024-06-11, 09:14:02 UTC] {base.py:84} INFO - Using connection ID 'warehouse' for task execution.
[2024-06-11, 09:14:02 UTC] {taskinstance.py:2905} ERROR - Task failed with exception
psycopg2.OperationalError: connection to server at "${dbhost}" (${privip}), port ${pgport} failed: FATAL:  password authentication failed for user "${dbuser}"
[2024-06-11, 09:14:02 UTC] {logging_mixin.py:188} INFO - AIRFLOW_CONN_WAREHOUSE=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}""",
    """$$ airflow connections add 'smtp_default' --conn-type smtp --conn-host smtp.${hostname19} --conn-login {{EMAIL}} --conn-password '{{PASSWORD}}' --conn-port 587
Successfully added `conn_id`=smtp_default : smtp://{{EMAIL_URLENC}}:******@smtp.${hostname19}:587
[2024-06-11, 09:14:02 UTC] {taskinstance.py:1206} INFO - Marking task as FAILED. dag_id=${airflowdag20}, task_id=${airflowtask20}""",
], [], marker=["{base.py:84} INFO - Using connection ID 'warehouse'", "airflow connections add 'smtp_default' --conn-type smtp"])

fam("dbt-profiles-debug-output", "https://docs.getdbt.com/reference/commands/debug", [
    """09:14:02  Running with dbt=1.8.2
09:14:02  running dbt with arguments {'debug': 'True', 'profiles_dir': '/home/ci/.dbt', 'target_path': 'None', 'vars': '{"hubspot_token": "{{HUBSPOT_PAT}}", "alert_email": "{{EMAIL}}"}', 'send_anonymous_usage_stats': 'False'}
09:14:03  Encountered an error:
Compilation Error in model ${dbtmodel20} (models/staging/${dbtmodel20}.sql)""",
    """09:14:02  Encountered an error:
Runtime Error
  Database Error in model ${dbtmodel20} (models/staging/${dbtmodel20}.sql)
  250001 (08001): Failed to connect to DB: ${sfacct20}.snowflakecomputing.com:443. Incorrect username or password was specified.
  env: DBT_ENV_SECRET_SNOWFLAKE_PASSWORD={{PASSWORD}} DBT_CLOUD_API_TOKEN={{DBT_TOKEN}}""",
], [], marker=["running dbt with arguments {'debug': 'True'", "env: DBT_ENV_SECRET_SNOWFLAKE_PASSWORD="])

fam("pyspark-jdbc-read-options-error", "https://spark.apache.org/docs/latest/sql-data-sources-jdbc.html", [
    """py4j.protocol.Py4JJavaError: An error occurred while calling o64.load.
: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "${dbuser}"
  spark.read.format("jdbc").option("url", "jdbc:postgresql://${dbhost}:${pgport}/${db}").option("user", "${dbuser}").option("password", "{{PASSWORD}}").load()""",
    """+ spark-submit --master yarn --conf spark.executorEnv.DB_PASSWORD={{PASSWORD}} --conf spark.yarn.appMasterEnv.STRIPE_KEY={{STRIPE_RK}} jobs/${airflowdag20}.py
24/06/11 09:14:02 ERROR ApplicationMaster: User application exited with status 1
24/06/11 09:14:02 INFO ShutdownHookManager: Shutdown hook called""",
], [], marker=['spark.read.format("jdbc").option("url", "jdbc:postgresql://', "--conf spark.executorEnv.DB_PASSWORD="])

fam("databricks-cli-configure-debug", "https://docs.databricks.com/en/dev-tools/cli/authentication.html", [
    """+ databricks configure --host https://adb-${num}.7.azuredatabricks.net --token <<< '{{DATABRICKS}}'
09:14:02 DEBUG GET /api/2.0/preview/scim/v2/Me
> * Authorization: Bearer {{DATABRICKS}}
< HTTP/2.0 403 Forbidden
Error: Invalid access token.""",
    """databricks.sdk.errors.platform.PermissionDenied: Invalid access token. [ReqId: ${uuid}]
  w = WorkspaceClient(host="https://adb-${num}.7.azuredatabricks.net", token="{{DATABRICKS}}")
  w.users.create(user_name="{{EMAIL}}")""",
], [], marker=["> * Authorization: Bearer ", 'w = WorkspaceClient(host="https://adb-'])

fam("snowflake-connector-connect-call", "https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-connect", [
    """snowflake.connector.errors.DatabaseError: 250001 (08001): None: Failed to connect to DB: ${sfacct20}.snowflakecomputing.com:443. Incorrect username or password was specified.
  File "/app/tests/test_load.py", line 18, in warehouse
    return snowflake.connector.connect(account="${sfacct20}", user="{{EMAIL}}", password="{{PASSWORD}}", warehouse="${sfwh20}")""",
    """[snowflake-sdk] 2024-06-11T09:14:02.118Z DEBUG: Connection[id: ${uuid}] - connection options: {"account":"${sfacct20}","username":"{{EMAIL}}","password":"{{PASSWORD}}","warehouse":"${sfwh20}"}
[snowflake-sdk] 2024-06-11T09:14:03.004Z ERROR: Incorrect username or password was specified.""",
], [], marker=["return snowflake.connector.connect(account=", "[snowflake-sdk] 2024-06-11T09:14:02.118Z DEBUG: Connection[id: "])

fam("bigquery-client-credentials-error", "https://cloud.google.com/python/docs/reference/bigquery/latest", [
    """google.auth.exceptions.RefreshError: ('invalid_grant: Invalid JWT Signature.', {'error': 'invalid_grant', 'error_description': 'Invalid JWT Signature.'})
  credentials = service_account.Credentials.from_service_account_info({"type": "service_account", "project_id": "${bqproject20}", "private_key": "{{GCP_PRIVATE_KEY_ESC}}", "client_email": "etl@${bqproject20}.iam.gserviceaccount.com"})""",
    """$$ bq query --use_legacy_sql=false "SELECT id FROM \`${bqproject20}.crm.contacts\` WHERE email = '{{EMAIL}}' OR phone = '{{PHONE_IN_LANDLINE}}'"
BigQuery error in query operation: Error processing job '${bqproject20}:bqjob_r${hex16}_000001${hex8}_1': Access Denied: Table ${bqproject20}:crm.contacts""",
], [], marker=['credentials = service_account.Credentials.from_service_account_info({"type": "service_account"', "BigQuery error in query operation: Error processing job '"])

fam("redshift-connector-connect-error", "https://docs.aws.amazon.com/redshift/latest/mgmt/python-connect-examples.html", [
    """redshift_connector.error.InterfaceError: {'S': 'FATAL', 'C': '28000', 'M': 'password authentication failed for user "${dbuser}"'}
  conn = redshift_connector.connect(host="${rshost20}", database="${db}", port=5439, user="${dbuser}", password="{{PASSWORD}}")""",
    """[Amazon](500310) Invalid operation: password authentication failed for user "${dbuser}";
  url: jdbc:redshift://${rshost20}:5439/${db}?user=${dbuser}&password={{URL_PASSWORD}}&ssl=true""",
], [], marker=["conn = redshift_connector.connect(host=", "[Amazon](500310) Invalid operation:"])

fam("great-expectations-datasource-config", "https://docs.greatexpectations.io/docs/core/connect_to_data/sql_data/", [
    """great_expectations.exceptions.exceptions.DatasourceInitializationError: Cannot initialize datasource warehouse, error: (psycopg2.OperationalError) FATAL:  password authentication failed for user "${dbuser}"
  context.data_sources.add_postgres(name="warehouse", connection_string="postgresql+psycopg2://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}")""",
    """Calculating Metrics: 100%|██████████| 8/8 [00:00<00:00, 312.44it/s]
  "unexpected_list": ["{{EMAIL}}", "{{PHONE_RU_INTL}}"],
  "expectation_type": "expect_column_values_to_match_regex",
  "success": false""",
], [], marker=['context.data_sources.add_postgres(name="warehouse", connection_string="', '"expectation_type": "expect_column_values_to_match_regex"'])

fam("papermill-execute-parameters", "https://papermill.readthedocs.io/en/latest/usage-execute.html", [
    """$$ papermill ${nbpath20} out.ipynb -p api_token {{HEX40}} -p customer_email {{EMAIL}}
Input Notebook:  ${nbpath20}
Output Notebook: out.ipynb
Executing:  50%|█████     | 4/8 [00:02<00:02,  1.71cell/s]
papermill.exceptions.PapermillExecutionError:""",
    """Executing notebook with kernel: python3
[NbConvertApp] ERROR | Error while converting '${nbpath20}'
---------------------------------------------------------------------------
Exception encountered at "In [3]":
      1 # Parameters
      2 db_password = "{{PASSWORD}}"
      3 mixpanel_secret = "{{MIXPANEL_SECRET}}\"""",
], [], marker=["Output Notebook: out.ipynb", 'Exception encountered at "In [3]":'])

fam("mlflow-tracking-params-and-env", "https://mlflow.org/docs/latest/tracking.html", [
    """2024/06/11 09:14:02 INFO mlflow.tracking.fluent: Experiment with name '${mlexp20}' does not exist. Creating a new experiment.
mlflow.exceptions.RestException: PERMISSION_DENIED: User {{EMAIL}} does not have permission to 'EDIT' experiment
  MLFLOW_TRACKING_URI=https://${dbuser}:{{URL_PASSWORD}}@mlflow.${hostname19}""",
    """mlflow.log_params({"learning_rate": 0.01, "s3_secret_key": "{{AWS_SECRET}}", "wandb_api_key": "{{HEX40}}"})
  File "/app/train.py", line 57, in main
mlflow.exceptions.MlflowException: Changing param values is not allowed. Param with key='learning_rate' was already logged""",
], [], marker=["does not have permission to 'EDIT' experiment", 'mlflow.log_params({"learning_rate": 0.01'])

# --- infrastructure as code and configuration management -----------------------------------------------------------------

fam("pulumi-config-set-and-preview", "https://www.pulumi.com/docs/iac/concepts/secrets/", [
    """$$ pulumi config set --stack ${stack20} dbPassword {{PASSWORD}}
$$ pulumi preview --stack ${stack20} --show-config
Configuration:
    aws:region: eu-west-1
    app:stripeKey: {{STRIPE_SK}}
error: could not find a secrets provider for stack ${stack20}""",
    """    error: Program failed with an unhandled exception:
    Traceback (most recent call last):
      File "/app/infra/__main__.py", line 22, in <module>
        db = aws.rds.Instance("orders", username="${dbuser}", password="{{PASSWORD}}", instance_class="db.t4g.micro")
    pulumi.RunError: Missing required configuration variable 'app:alertEmail' ({{EMAIL}})""",
], [], marker=["$$ pulumi config set --stack ", 'db = aws.rds.Instance("orders", username="'])

fam("aws-cdk-synth-context-env", "https://docs.aws.amazon.com/cdk/v2/guide/cli.html", [
    """$$ cdk deploy ${cdkstack20} --context stripeKey={{STRIPE_SK}} --parameters DbPassword={{PASSWORD}}
 ❌  ${cdkstack20} failed: Error: The stack named ${cdkstack20} failed creation, it may need to be manually deleted from the AWS console: ROLLBACK_COMPLETE""",
    """[Warning at /${cdkstack20}/ApiFn] Environment variable SLACK_WEBHOOK=https://hooks.slack.com/services/{{SLACK_HOOK_PATH}} is stored in plain text; use Secrets Manager
[Warning at /${cdkstack20}/ApiFn] Environment variable ALERT_PHONE={{PHONE_GR_LANDLINE}} is stored in plain text
Found errors""",
], [], marker=["--context stripeKey=", "is stored in plain text; use Secrets Manager"])

fam("aws-sam-local-invoke-env-vars", "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-local-invoke.html", [
    """$$ sam local invoke OrdersFunction --env-vars env.json --debug
2024-06-11 09:14:02,118 | Environment variables overrides data is standard format
2024-06-11 09:14:02,120 | Resolved environment variables: {'DB_PASSWORD': '{{PASSWORD}}', 'STRIPE_SECRET': '{{STRIPE_SK}}', 'TABLE_NAME': 'orders'}
Invoking app.lambda_handler (python3.12)""",
    """START RequestId: ${uuid} Version: $$LATEST
[ERROR] AuthError: 401 for {{EMAIL}}
Traceback (most recent call last):
  File "/var/task/app.py", line 31, in lambda_handler
    client = Twilio("{{TWILIO_SID}}", "{{TWILIO_AUTH}}")
END RequestId: ${uuid}""",
], [], marker=["| Resolved environment variables: {'", "client = Twilio(\""])

fam("serverless-framework-print-vars", "https://www.serverless.com/framework/docs/providers/aws/cli-reference/print", [
    """$$ serverless print --stage ci
service: ${svc20}
provider:
  name: aws
  environment:
    SENTRY_DSN: https://{{HEX32}}@o45.ingest.sentry.io/4507
    MAILGUN_API_KEY: {{MAILGUN_KEY}}
    ADMIN_EMAIL: {{EMAIL}}""",
    """Environment: linux, node 20.12.2, framework 3.38.0 (local), plugin 7.2.3, SDK 4.5.1
Error:
Cannot resolve variable at "provider.environment.DB_URL": Value not found at "env" source
  SLS_DEBUG=* DB_PASSWORD={{PASSWORD}} STRIPE_KEY={{STRIPE_RK}}""",
], [], marker=["$$ serverless print --stage ci", 'Cannot resolve variable at "provider.environment.DB_URL"'])

fam("chef-client-run-attributes", "https://docs.chef.io/chef_client_overview/", [
    """Recipe: app::database
  * template[/etc/app/database.yml] action create
    - update content in file /etc/app/database.yml from 3c1a2b to 9f8e7d
    --- /etc/app/database.yml	2024-06-11 09:14:02.000000000 +0000
    +++ /etc/app/.chef-database20240611-1-abc.yml	2024-06-11 09:14:02.000000000 +0000
    -  password: changeme
    +  password: {{PASSWORD}}""",
    """================================================================================
Error executing action `run` on resource 'execute[register-agent]'
================================================================================
Mixlib::ShellOut::ShellCommandFailed
    ---- Begin output of /opt/agent/bin/register --auth-token {{HEX40}} --owner {{EMAIL}} ----
    STDERR: registration refused (401)""",
], [], marker=["+++ /etc/app/.chef-database", "Error executing action `run` on resource 'execute[register-agent]'"])

fam("puppet-agent-debug-catalog", "https://www.puppet.com/docs/puppet/8/man/agent.html", [
    """Notice: /Stage[main]/Profile::Db/Postgresql::Server::Role[${dbuser}]/Postgresql_psql[CREATE ROLE ${dbuser} ENCRYPTED PASSWORD ****]/command: command changed
Debug: Executing: 'psql -c "ALTER ROLE ${dbuser} PASSWORD '{{PASSWORD}}'"'
Error: /Stage[main]/Profile::Db/Postgresql::Server::Role[${dbuser}]: Failed to call refresh""",
    """Info: Using environment 'production'
Debug: Facter: resolving fact with user query: ec2_metadata
Debug: Facts: {"hostname": "${chefnode20}", "admin_contact": "{{EMAIL}}", "api_token": "{{HEX40}}"}
Error: Could not retrieve catalog from remote server: Error 500 on SERVER""",
], [], marker=["Debug: Executing: 'psql -c \"ALTER ROLE", 'Debug: Facts: {"hostname": "'])

fam("salt-state-apply-pillar-debug", "https://docs.saltproject.io/en/latest/ref/states/highstate.html", [
    """${saltminion20}:
----------
          ID: app-env
    Function: file.managed
        Name: /etc/app/env
      Result: False
     Comment: Unable to manage file: Jinja variable 'dict object' has no attribute 'db'
     Changes:
              ----------
              diff:
                  +DB_PASSWORD={{PASSWORD}}
                  +SENTRY_AUTH_TOKEN={{HEX64}}""",
    """[DEBUG   ] Rendered data from file: /srv/pillar/app.sls:
app:
  admin_email: {{EMAIL}}
  smtp_password: {{PASSWORD}}
[ERROR   ] Rendering exception occurred: Jinja syntax error: expected token 'end of print statement'""",
], [], marker=["Comment: Unable to manage file: Jinja variable 'dict object'", "[DEBUG   ] Rendered data from file: /srv/pillar/"])

fam("packer-build-debug-vars", "https://developer.hashicorp.com/packer/docs/commands/build", [
    """$$ PACKER_LOG=1 packer build -var "db_password={{PASSWORD}}" -var "registry_token={{GHP}}" image.pkr.hcl
2024/06/11 09:14:02 [INFO] Packer version: 1.11.0 [go1.22.3 linux amd64]
==> amazon-ebs.app: Error waiting for SSH: Packer experienced an authentication error when trying to connect via SSH.""",
    """    amazon-ebs.app: + echo "//registry.npmjs.org/:_authToken={{NPM_TOKEN}}"
    amazon-ebs.app: + npm ci
==> amazon-ebs.app: Provisioning step had errors: Running the cleanup provisioner, if present...
Build 'amazon-ebs.app' errored after 4 minutes 12 seconds: Script exited with non-zero exit status: 1.""",
], [], marker=["packer build -var \"db_password=", "Provisioning step had errors: Running the cleanup provisioner"])

# --- API gateways and proxies in debug ----------------------------------------------------------------------------------

fam("kong-admin-consumer-credentials", "https://docs.konghq.com/gateway/latest/kong-plugins/authentication/reference/", [
    """$$ curl -i -X POST http://localhost:8001/consumers/{{EMAIL}}/key-auth --data key={{HEX32}}
HTTP/1.1 409 Conflict
{"message":"UNIQUE violation detected on '{key=\\"{{HEX32}}\\"}'","name":"unique constraint violation","code":5}""",
    """2024/06/11 09:14:02 [debug] 1240#0: *84 [lua] init.lua:1320: balancer(): setting address (try 1): ${upstream20}
2024/06/11 09:14:02 [error] 1240#0: *84 [kong] handler.lua:98 [basic-auth] invalid credentials for "{{EMAIL}}", client: ${privip}, server: kong, request: "GET /orders?apikey={{HEX32}} HTTP/1.1\"""",
], [], marker=["http://localhost:8001/consumers/", "[kong] handler.lua:98 [basic-auth]"])

fam("envoy-access-log-and-debug-headers", "https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage", [
    """[2024-06-11 09:14:02.118][15][debug][http] [source/common/http/conn_manager_impl.cc:1149] [Tags: "ConnectionId":"84","StreamId":"3141"] request headers complete (end_stream=false):
':authority', '${apihost}'
':path', '/v1/charges'
'authorization', 'Bearer {{STRIPE_SK}}'
'x-user-email', '{{EMAIL}}'""",
    """[2024-06-11T09:14:02.118Z] "POST /api/v1/login?token={{HEX40}} HTTP/1.1" 401 UAEX 0 53 4 - "${privip}" "okhttp/4.12.0" "${uuid}" "${apihost}" "-" outbound|8080||${kongsvc20}.default.svc.cluster.local""",
], [], marker=["request headers complete (end_stream=false):", '" 401 UAEX 0 53 4 - "'])

fam("traefik-debug-middleware-basicauth", "https://doc.traefik.io/traefik/middlewares/http/basicauth/", [
    """time="2024-06-11T09:14:02Z" level=debug msg="Authentication failed" middlewareName=admin-auth@docker middlewareType=BasicAuth user={{EMAIL}}
time="2024-06-11T09:14:02Z" level=debug msg="Configuration received: {\\"http\\":{\\"middlewares\\":{\\"admin-auth\\":{\\"basicAuth\\":{\\"users\\":[\\"admin:{{CRYPT_APR1}}\\"]}}}}}" providerName=docker""",
    """2024-06-11T09:14:02Z DBG github.com/traefik/traefik/v3/pkg/middlewares/auth/forward.go:190 > Remote error http://auth:4181/?token={{HEX40}}. StatusCode: 401 middlewareName=forward-auth@file middlewareType=ForwardAuth
2024-06-11T09:14:02Z DBG Forwarded header X-Forwarded-User={{EMAIL}}""",
], [], marker=['level=debug msg="Authentication failed" middlewareName=', "pkg/middlewares/auth/forward.go:190 > Remote error"])

fam("haproxy-debug-http-log", "https://docs.haproxy.org/2.8/configuration.html#8.2.3", [
    """Jun 11 09:14:02 lb-01 haproxy[812]: ${privip}:51234 [11/Jun/2024:09:14:02.118] https-in~ be_api/api-02 0/0/1/12/13 401 312 - - ---- 84/84/3/1/0 0/0 {${apihost}|Basic {{BASIC_CRED}}} "POST /api/v1/session HTTP/1.1\"""",
    """Jun 11 09:14:02 lb-01 haproxy[812]: ${privip}:51234 [11/Jun/2024:09:14:02.118] https-in~ be_api/api-01 0/0/1/8/9 200 1204 sessionid={{DJANGO_SID}} - --NI 84/84/3/1/0 0/0 "GET /account?phone={{PHONE_UA_INTL}} HTTP/1.1\"""",
], [], marker=["https-in~ be_api/api-02 0/0/1/12/13 401", "https-in~ be_api/api-01 0/0/1/8/9 200"])

# --- GraphQL, gRPC and SOAP clients --------------------------------------------------------------------------------------

fam("apollo-client-graphql-error-variables", "https://www.apollographql.com/docs/react/data/error-handling/", [
    """ApolloError: Response not successful: Received status code 400
    at new ApolloError (node_modules/@apollo/client/errors/errors.cjs:39:28)
  operationName: '${gqlop20}',
  variables: { input: { email: '{{EMAIL}}', password: '{{PASSWORD}}', phone: '{{PHONE_FR_INTL}}' } }""",
    """[GraphQL error]: Message: Not authorised!, Location: [{"line":2,"column":3}], Path: ${gqlop20}
[Network error]: ServerError: Response not successful: Received status code 401
  context: { headers: { authorization: 'Bearer {{JWT}}', 'x-api-key': '{{API_KEY}}' } }""",
], [], marker=["at new ApolloError (node_modules/@apollo/client/errors/errors.cjs", "[GraphQL error]: Message: Not authorised!, Location:"])

fam("grpcurl-call-with-auth-metadata", "https://github.com/fullstorydev/grpcurl#invoking-rpcs", [
    """$$ grpcurl -H 'authorization: Bearer {{JWT}}' -d '{"email": "{{EMAIL}}"}' ${apihost}:443 ${grpcsvc20}/GetByEmail
ERROR:
  Code: Unauthenticated
  Message: token is expired""",
    """$$ grpcurl -rpc-header 'x-api-key: {{API_KEY}}' -d '{"phone": "{{PHONE_JP_DASH}}", "password": "{{PASSWORD}}"}' -plaintext ${upstream20} ${grpcsvc20}/Authenticate
ERROR:
  Code: PermissionDenied
  Message: invalid api key""",
], [], marker=["$$ grpcurl -H 'authorization: Bearer ", "$$ grpcurl -rpc-header 'x-api-key: "])

fam("zeep-soap-client-wsse-debug", "https://docs.python-zeep.org/en/master/wsse.html", [
    """DEBUG:zeep.transports:HTTP Post to https://${wsdlhost20}/OrderService.svc:
<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/"><soap-env:Header><wsse:Security><wsse:UsernameToken><wsse:Username>{{EMAIL}}</wsse:Username><wsse:Password>{{PASSWORD}}</wsse:Password></wsse:UsernameToken></wsse:Security></soap-env:Header>
zeep.exceptions.Fault: The security token could not be authenticated or authorized""",
    """zeep.exceptions.TransportError: Server returned response (401) with invalid XML: Unauthorized.
  client = Client("https://${wsdlhost20}/OrderService.svc?wsdl", wsse=UsernameToken("{{EMAIL}}", "{{PASSWORD}}"))
  client.service.UpdateContact(email="{{EMAIL}}", phone="{{PHONE_DE_SLASH}}")""",
], [], marker=["DEBUG:zeep.transports:HTTP Post to https://", 'wsse=UsernameToken("'])

fam("soapui-testrunner-raw-request", "https://www.soapui.org/docs/test-automation/running-functional-tests/", [
    """SoapUI 5.7.2 TestCase Runner
09:14:02,118 INFO  [SoapUITestCaseRunner] Running TestCase [Login]
09:14:02,604 ERROR [SoapUITestCaseRunner] Assertion [Not SOAP Fault] has status FAILED
09:14:02,604 INFO  [SoapUITestCaseRunner] Request: <urn:Login><urn:username>{{EMAIL}}</urn:username><urn:password>{{PASSWORD}}</urn:password></urn:Login>""",
    """09:14:02,118 INFO  [SoapUITestCaseRunner] Running SoapUI tests in project [Orders-soapui-project.xml]
09:14:02,220 DEBUG [HttpClientSupport$$SoapUIHttpClient] Attempt 1 to execute request
09:14:02,221 DEBUG [SoapUIMultiThreadedHttpConnectionManager$$SoapUIDefaultClientConnection] >> "Authorization: Basic {{BASIC_CRED}}[\\r][\\n]"
09:14:02,604 ERROR [SoapUITestCaseRunner] TestCase [CreateOrder] failed""",
], [], marker=["SoapUI 5.7.2 TestCase Runner", "[SoapUIMultiThreadedHttpConnectionManager$$SoapUIDefaultClientConnection] >>"])

# --- Windows and .NET tooling --------------------------------------------------------------------------------------------

fam("pester-should-invoke-parameter-filter", "https://pester.dev/docs/commands/Should-Invoke", [
    """[-] Connect-Api.calls Invoke-RestMethod with the token 84ms (80ms|4ms)
 Expected Invoke-RestMethod to be called at least 1 times, but was called 0 times
 at Should -Invoke Invoke-RestMethod -ParameterFilter { $$Headers.Authorization -eq 'Bearer {{GHP}}' }, C:\\src\\tests\\Connect-Api.Tests.ps1:18""",
    """[-] New-User.creates the account 112ms (108ms|4ms)
 Expected strings to be the same, but they were different.
 Expected: '{{EMAIL}}'
 But was:  'admin@${hostname19}'
 at New-User -Email '{{EMAIL}}' -Password (ConvertTo-SecureString '{{PASSWORD}}' -AsPlainText -Force), C:\\src\\tests\\New-User.Tests.ps1:27""",
], [], marker=["Expected Invoke-RestMethod to be called at least 1 times, but was called 0 times", "-AsPlainText -Force), C:\\src\\tests\\"])

fam("msbuild-exec-task-command-echo", "https://learn.microsoft.com/en-us/visualstudio/msbuild/exec-task", [
    """  Build started 6/11/2024 9:14:02 AM.
  "D:\\a\\app\\${csproj20}" (Publish target) (1) ->
  (PushPackage target) ->
    dotnet nuget push bin\\Release\\${nupkg20}.1.4.2.nupkg --api-key {{NUGET}} --source https://api.nuget.org/v3/index.json
D:\\a\\app\\${csproj20}(44,5): error MSB3073: The command "dotnet nuget push" exited with code 1.""",
    """Task "Exec"
  Task Parameter:Command=sqlcmd -S ${sqlsrvhost} -U sa -P {{PASSWORD}} -i migrations.sql
  sqlcmd -S ${sqlsrvhost} -U sa -P {{PASSWORD}} -i migrations.sql
  Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login failed for user 'sa'..
Done executing task "Exec" -- FAILED.""",
], [], marker=["(PushPackage target) ->", "Task Parameter:Command=sqlcmd -S "])

fam("dotnet-user-secrets-list-output", "https://learn.microsoft.com/en-us/aspnet/core/security/app-secrets", [
    """  Failed Acme.Orders.Tests.StartupTests.ConfigurationIsComplete [48 ms]
  Standard Output Messages:
 ConnectionStrings:
  Default=Server=${sqlsrvhost};Database=${db};User Id=${dbuser};Password={{PASSWORD}} (JsonConfigurationProvider for 'secrets.json' (Optional))
 Stripe:
  SecretKey={{STRIPE_SK}} (JsonConfigurationProvider for 'secrets.json' (Optional))
  SupportEmail={{EMAIL}} (JsonConfigurationProvider for 'appsettings.Development.json' (Optional))""",
    """$$ dotnet user-secrets list --json --project ${csproj20}
//BEGIN
{
  "Authentication:Google:ClientSecret": "{{GOOGLE_CLIENT_SECRET}}",
  "Smtp:Password": "{{PASSWORD}}"
}
//END""",
], [], marker=["(JsonConfigurationProvider for 'secrets.json' (Optional))", "//BEGIN\n{\n  \"Authentication:Google:ClientSecret\": \""])

fam("winget-configure-and-install-log", "https://learn.microsoft.com/en-us/windows/package-manager/winget/", [
    """PS C:\\> winget install --id Acme.Agent --override "/quiet TOKEN={{HEX40}} OWNER={{EMAIL}}" --accept-source-agreements
Found Acme Agent [Acme.Agent] Version 4.2.0
Installer failed with exit code: 1603
Installer log is available at: C:\\Users\\runneradmin\\AppData\\Local\\Packages\\Microsoft.DesktopAppInstaller_8wekyb3d8bbwe\\LocalState\\DiagOutputDir\\WinGet-Acme.Agent.4.2.0.log""",
    """2024-06-11 09:14:02.118 [CLI ] WinGet, version [1.8.1791], activity [{${uuid}}]
2024-06-11 09:14:02.120 [CLI ] Command line Args: "winget" settings export --setting "proxy=http://${dbuser}:{{URL_PASSWORD}}@proxy.${hostname19}:3128"
2024-06-11 09:14:02.204 [FAIL] Terminating context: 0x8a150003 at CLI/Command.cpp""",
], [], marker=["--accept-source-agreements", "[CLI ] Command line Args: \"winget\""])

fam("iis-failed-request-and-appcmd", "https://learn.microsoft.com/en-us/iis/get-started/planning-for-security/use-appcmd-to-configure-iis", [
    """PS C:\\> C:\\Windows\\System32\\inetsrv\\appcmd.exe set apppool /apppool.name:${iissite20} /processModel.identityType:SpecificUser /processModel.userName:ACME\\svc_${dbuser} /processModel.password:{{PASSWORD}}
ERROR ( message:Cannot find APPPOOL object with identifier "${iissite20}". )""",
    """PS C:\\> C:\\Windows\\System32\\inetsrv\\appcmd.exe list apppool "${iissite20}" /text:*
APPPOOL
  APPPOOL.NAME:"${iissite20}"
  [processModel]
    identityType:"SpecificUser"
    userName:"ACME\\svc_${dbuser}"
    password:"{{PASSWORD}}\"""",
], [], marker=["/processModel.identityType:SpecificUser", "  APPPOOL.NAME:\""])

fam("powershell-invoke-restmethod-verbose", "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/invoke-restmethod", [
    """VERBOSE: Requested HTTP/1.1 POST with 84-byte payload
VERBOSE: Received HTTP/1.1 401 response of content type application/json
Invoke-RestMethod: {"error":"invalid_token"}
At C:\\src\\deploy.ps1:14 char:1
+ Invoke-RestMethod -Uri "https://${apihost}/deploy" -Headers @{ Authorization = "Bearer {{GHP}}" } -Method Post""",
    """Set-AzKeyVaultSecret: Operation returned an invalid status code 'Forbidden'
At C:\\src\\deploy.ps1:22 char:1
+ Set-AzKeyVaultSecret -VaultName ${azvault} -Name DbPassword -SecretValue (ConvertTo-SecureString "{{PASSWORD}}" -AsPlainText -Force)
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~""",
], [], marker=["VERBOSE: Requested HTTP/1.1 POST with 84-byte payload", "+ Set-AzKeyVaultSecret -VaultName "])

# --- more auth-named calls in test runners and clients ----------------------------------------------------------------

fam("redis-py-auth-call-traceback", "https://redis-py.readthedocs.io/en/stable/commands.html#redis.commands.core.CoreCommands.auth", [
    """    def test_cache_roundtrip(redis_client):
>       redis_client.auth("{{PASSWORD}}", username="${dbuser}")
E       redis.exceptions.AuthenticationError: WRONGPASS invalid username-password pair or user is disabled.""",
    """  ● cache › connects with ACL user

    ReplyError: WRONGPASS invalid username-password pair or user is disabled.

    > 9 |     await client.auth({ username: '${dbuser}', password: '{{PASSWORD}}' });
        |                  ^""",
], [], marker=['>       redis_client.auth("', "    > 9 |     await client.auth({ username: '"])

fam("paramiko-connect-call-traceback", "https://docs.paramiko.org/en/stable/api/client.html", [
    """Traceback (most recent call last):
  File "/app/deploy/ship.py", line 41, in upload
    ssh.connect("${ansiblehost19}", port=22, username="deploy", password="{{PASSWORD}}", timeout=10)
paramiko.ssh_exception.AuthenticationException: Authentication failed.""",
    """  File "/app/tests/test_sftp.py", line 23, in test_upload_report
    transport.connect(username="reports", password="{{PASSWORD}}", pkey=None)
paramiko.ssh_exception.BadAuthenticationType: Bad authentication type; allowed types: ['publickey']""",
], [], marker=['    ssh.connect("', '    transport.connect(username="reports", password="'])

fam("smtplib-login-call-traceback", "https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.login", [
    """  File "/app/notifications/mail.py", line 27, in send_receipt
    server.login("{{EMAIL}}", "{{PASSWORD}}")
  File "/usr/local/lib/python3.12/smtplib.py", line 750, in login
    raise last_exception
smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, basic authentication is disabled.')""",
    """  1) Mailer
       sends the password reset mail:
     Error: Invalid login: 535-5.7.8 Username and Password not accepted.
      at SMTPConnection._formatError (node_modules/nodemailer/lib/smtp-connection/index.js:798:19)
  transport: nodemailer.createTransport({ host: 'smtp.gmail.com', auth: { user: '{{EMAIL}}', pass: '{{PASSWORD}}' } })""",
], [], marker=['    server.login("', "transport: nodemailer.createTransport({ host: 'smtp.gmail.com', auth: { user: '"])

fam("jwt-sign-call-in-test-failure", "https://github.com/auth0/node-jsonwebtoken#jwtsignpayload-secretorprivatekey-options-callback", [
    """  ● tokens › issues a session token

    JsonWebTokenError: invalid signature

      14 |   it('issues a session token', () => {
    > 15 |     const token = jwt.sign({ sub: '{{EMAIL}}' }, '{{HEX64}}', { expiresIn: '1h' });
         |                       ^""",
    """--- FAIL: TestIssueToken (0.00s)
    token_test.go:31: token.SignedString([]byte("{{HEX64}}")) for {{EMAIL}}: got {{JWT}}, want a token with kid""",
], [], marker=["    > 15 |     const token = jwt.sign({ sub: '", 'token.SignedString([]byte("'])

fam("boto3-set-credentials-call", "https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html", [
    """  File "/app/tests/conftest.py", line 19, in s3
    session.set_credentials("{{AWS_KEY_ID}}", "{{AWS_SECRET}}")
botocore.exceptions.ClientError: An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: The AWS Access Key Id you provided does not exist in our records.""",
    """E       botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the PutObject operation
>       s3 = boto3.client("s3", aws_access_key_id="{{AWS_KEY_ID}}", aws_secret_access_key="{{AWS_SECRET}}", region_name="${awsregion19}")""",
], [], marker=['    session.set_credentials("', '>       s3 = boto3.client("s3", aws_access_key_id="'])

fam("ldap3-bind-connection-call", "https://ldap3.readthedocs.io/en/latest/bind.html", [
    """ldap3.core.exceptions.LDAPBindError: automatic bind not successful - invalidCredentials
  conn = Connection(Server("ldaps://${ldaphost}:636"), user="uid={{EMAIL}},ou=people,${basedn}", password="{{PASSWORD}}", auto_bind=True)""",
    """javax.naming.AuthenticationException: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C090447, comment: AcceptSecurityContext error, data 52e, v3839]
  env.put(Context.SECURITY_PRINCIPAL, "{{EMAIL}}"); env.put(Context.SECURITY_CREDENTIALS, "{{PASSWORD}}");""",
], [], marker=['conn = Connection(Server("ldaps://', "env.put(Context.SECURITY_CREDENTIALS, \""])

fam("httpie-auth-flag-verbose", "https://httpie.io/docs/cli/authentication", [
    """$$ http --verbose --auth {{EMAIL}}:{{PASSWORD}} POST https://${apihost}/api/session
POST /api/session HTTP/1.1
Authorization: Basic {{BASIC_CRED}}
Host: ${apihost}

HTTP/1.1 401 Unauthorized""",
    """$$ http --auth-type=bearer --auth {{JWT}} GET https://${apihost}/api/me
HTTP/1.1 403 Forbidden
{
    "detail": "You do not have permission to perform this action."
}""",
], [], marker=["$$ http --verbose --auth ", "$$ http --auth-type=bearer --auth "])

fam("requests-oauthlib-fetch-token-call", "https://requests-oauthlib.readthedocs.io/en/latest/oauth2_workflow.html", [
    """oauthlib.oauth2.rfc6749.errors.InvalidClientError: (invalid_client) Client authentication failed.
  File "/app/crm/sync.py", line 33, in authenticate
    token = oauth.fetch_token("https://${idphost20}/oauth/token", client_id="${client20}", client_secret="{{OKTA_CLIENT_SECRET}}", username="{{EMAIL}}", password="{{PASSWORD}}")""",
    """  File "/app/crm/sync.py", line 48, in refresh
    oauth.refresh_token("https://${idphost20}/oauth/token", refresh_token="{{GOOGLE_REFRESH_TOKEN}}", auth=("${client20}", "{{OKTA_CLIENT_SECRET}}"))
oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) Refresh token is invalid or expired""",
], [], marker=['token = oauth.fetch_token("https://', '    oauth.refresh_token("https://'])

# --- output the tools localise ------------------------------------------------------------------------------------------

fam("postgres-password-failed-greek", "https://www.postgresql.org/docs/current/libpq-connect.html", [
    """psql: σφάλμα: σύνδεση στον διακομιστή στο "${dbhost}" (${privip}), θύρα ${pgport} απέτυχε: FATAL:  ο έλεγχος ταυτότητας με κωδικό πρόσβασης απέτυχε για τον χρήστη "${dbuser}"
+ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} ${db}""",
    """psql: σφάλμα: σύνδεση στον διακομιστή απέτυχε για τον χρήστη "${dbuser}"
DATABASE_URL=postgres://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}
υπεύθυνος: {{EMAIL}}, τηλ. {{PHONE_GR_LANDLINE}}""",
], [], marker=["ο έλεγχος ταυτότητας με κωδικό πρόσβασης απέτυχε", "υπεύθυνος: "])

fam("django-forms-hebrew", "https://docs.djangoproject.com/en/5.0/topics/i18n/", [
    """AssertionError: {'email': ['יש להזין כתובת דואר אלקטרוני חוקית.']} != {}
  data={'email': '{{EMAIL}}', 'phone': '{{PHONE_IL_INTL}}', 'password': '{{PASSWORD}}'}
FAILED (failures=1)""",
    """AssertionError: ['הסיסמה שהוזנה קצרה מדי.'] != []
  form = SignupForm(data={'username': '{{EMAIL}}', 'password1': '{{PASSWORD}}', 'password2': '{{PASSWORD}}'})
Ran 14 tests in 0.904s""",
], [], marker=["יש להזין כתובת דואר אלקטרוני חוקית.", "הסיסמה שהוזנה קצרה מדי."])

fam("laravel-validation-thai", "https://laravel.com/docs/11.x/localization", [
    """  FAILED  Tests\\Feature\\RegisterTest > ลงทะเบียนล้มเหลว
  Session has unexpected errors: {"email":["อีเมลนี้ถูกใช้งานแล้ว"]}
  $$this->post('/register', ['email' => '{{EMAIL}}', 'phone' => '{{PHONE_TH_INTL}}', 'password' => '{{PASSWORD}}'])""",
    """  FAILED  Tests\\Feature\\LoginTest > เข้าสู่ระบบด้วยรหัสผ่านที่ถูกต้อง
  ข้อมูลที่ใช้ในการยืนยันตัวตนไม่ถูกต้อง
  Auth::attempt(['email' => '{{EMAIL}}', 'password' => '{{PASSWORD}}'])""",
], [], marker=["อีเมลนี้ถูกใช้งานแล้ว", "ข้อมูลที่ใช้ในการยืนยันตัวตนไม่ถูกต้อง"])

fam("laravel-auth-indonesian", "https://laravel.com/docs/11.x/authentication", [
    """  FAILED  Tests\\Feature\\AuthTest > masuk dengan kata sandi yang benar
  Kredensial ini tidak cocok dengan catatan kami.
  Auth::attempt(['email' => '{{EMAIL}}', 'password' => '{{PASSWORD}}'])
  NPWP: {{NPWP_ID}}""",
    """  FAILED  Tests\\Feature\\ProfileTest > memperbarui nomor telepon
  Isian nomor telepon tidak valid: {{PHONE_ID_INTL}}
  $$this->actingAs($$user)->put('/profil', ['npwp' => '{{NPWP_ID}}', 'email' => '{{EMAIL}}'])""",
], [], marker=["Kredensial ini tidak cocok dengan catatan kami.", "Isian nomor telepon tidak valid: "])

fam("git-auth-failed-ukrainian", "https://git-scm.com/book/uk/v2", [
    """remote: Invalid username or password.
fatal: Автентифікація не вдалася для 'https://github.com/${ghrepo19}.git/'
+ git clone https://x-access-token:{{GHS}}@github.com/${ghrepo19}.git""",
    """fatal: не вдалося прочитати Пароль для 'https://${dbuser}@gitlab.${hostname19}': немає такого пристрою або адреси
+ git remote set-url origin https://${dbuser}:{{GLPAT}}@gitlab.${hostname19}/${glproject19}.git
автор: {{EMAIL}}, тел. {{PHONE_UA_INTL}}""",
], [], marker=["Автентифікація не вдалася для", "автор: "])

fam("django-forms-vietnamese", "https://docs.djangoproject.com/en/5.0/ref/forms/validation/", [
    """AssertionError: {'email': ['Nhập địa chỉ email hợp lệ.']} != {}
  data={'email': '{{EMAIL}}', 'so_dien_thoai': '{{PHONE_VN_INTL}}', 'ma_so_thue': '{{MST_VN}}'}
FAILED (failures=1)""",
    """AssertionError: ['Mật khẩu này quá phổ biến.'] != []
  form = DangKyForm(data={'email': '{{EMAIL}}', 'password1': '{{PASSWORD}}', 'ma_so_thue': '{{MST_VN}}'})
Ran 21 tests in 1.317s""",
], [], marker=["Nhập địa chỉ email hợp lệ.", "Mật khẩu này quá phổ biến."])

fam("spring-validation-serbian", "https://docs.spring.io/spring-framework/reference/core/validation/beanvalidation.html", [
    """[ERROR] KorisnikControllerTest.registracija:57 Status expected:<201> but was:<400>
  Odgovor: {"greske":{"email":"mora biti ispravno formatirana e-mail adresa"},"unos":{"email":"{{EMAIL}}","pib":"{{PIB_RS}}","telefon":"{{PHONE_RS_INTL}}"}}""",
    """[ERROR] PrijavaControllerTest.prijava:33 Status expected:<200> but was:<401>
  Pogrešno korisničko ime ili lozinka za {{EMAIL}}
  MockHttpServletRequest: parameters={korisnik=[{{EMAIL}}], lozinka=[{{PASSWORD}}], pib=[{{PIB_RS}}]}""",
], [], marker=["mora biti ispravno formatirana e-mail adresa", "Pogrešno korisničko ime ili lozinka za "])

fam("postgres-password-failed-lithuanian", "https://www.postgresql.org/docs/current/auth-password.html", [
    """psql: klaida: nepavyko prisijungti prie serverio "${dbhost}" (${privip}), prievadas ${pgport}: FATAL:  slaptažodžio autentifikacija nepavyko naudotojui "${dbuser}"
+ psql "postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}\"""",
    """Klaida: slaptažodžio autentifikacija nepavyko naudotojui "${dbuser}"
kontaktas: {{EMAIL}}, tel. {{PHONE_LT_INTL}}
PGPASSWORD={{PASSWORD}}""",
], [], marker=["slaptažodžio autentifikacija nepavyko naudotojui", "kontaktas: "])

fam("laravel-validation-latvian", "https://laravel.com/docs/11.x/validation", [
    """  FAILED  Tests\\Feature\\ReģistrācijaTest > neizdodas reģistrēties
  Session has unexpected errors: {"email":["E-pasta adrese jau ir aizņemta."]}
  $$this->post('/registracija', ['email' => '{{EMAIL}}', 'talrunis' => '{{PHONE_LV_INTL}}', 'parole' => '{{PASSWORD}}'])""",
    """  FAILED  Tests\\Feature\\PieteiksanasTest > pieteikšanās ar pareizu paroli
  Šie akreditācijas dati neatbilst mūsu ierakstiem.
  Auth::attempt(['email' => '{{EMAIL}}', 'password' => '{{PASSWORD}}'])""",
], [], marker=["E-pasta adrese jau ir aizņemta.", "Šie akreditācijas dati neatbilst mūsu ierakstiem."])

fam("django-auth-estonian", "https://docs.djangoproject.com/en/5.0/topics/auth/default/", [
    """AssertionError: ['Palun sisestage õige kasutajanimi ja parool.'] != []
  self.client.post('/login/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
FAILED (failures=1)""",
    """AssertionError: {'telefon': ['Sisestage korrektne telefoninumber.']} != {}
  data={'email': '{{EMAIL}}', 'telefon': '{{PHONE_EE_LANDLINE}}'}
Ran 11 tests in 0.713s""",
], [], marker=["Palun sisestage õige kasutajanimi ja parool.", "Sisestage korrektne telefoninumber."])

fam("git-auth-failed-slovenian", "https://git-scm.com/docs/gitcredentials", [
    """remote: HTTP Basic: Access denied.
fatal: Overjanje ni uspelo za 'https://gitlab.${hostname19}/${glproject19}.git/'
+ git push https://oauth2:{{GLPAT}}@gitlab.${hostname19}/${glproject19}.git HEAD:main""",
    """fatal: ni mogoče prebrati Geslo za 'https://${dbuser}@github.com': Ni takšne naprave ali naslova
+ git config --global url."https://${dbuser}:{{GHP}}@github.com/".insteadOf "https://github.com/"
avtor: {{EMAIL}}, tel. {{PHONE_SI_INTL}}""",
], [], marker=["Overjanje ni uspelo za", "avtor: "])

fam("django-forms-icelandic", "https://docs.djangoproject.com/en/5.0/ref/forms/fields/", [
    """AssertionError: {'netfang': ['Sláðu inn gilt netfang.']} != {}
  data={'netfang': '{{EMAIL}}', 'simi': '{{PHONE_IS_INTL}}', 'lykilord': '{{PASSWORD}}'}
FAILED (failures=1)""",
    """AssertionError: ['Vinsamlegast sláðu inn rétt notandanafn og lykilorð.'] != []
  self.client.post('/innskraning/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
Ran 8 tests in 0.522s""",
], [], marker=["Sláðu inn gilt netfang.", "Vinsamlegast sláðu inn rétt notandanafn og lykilorð."])

fam("django-forms-urdu", "https://docs.djangoproject.com/en/5.0/topics/i18n/translation/", [
    """AssertionError: {'email': ['درست ای میل ایڈریس درج کریں۔']} != {}
  data={'email': '{{EMAIL}}', 'phone': '{{PHONE_PK_INTL}}', 'password': '{{PASSWORD}}'}
FAILED (failures=1)""",
    """AssertionError: ['براہ کرم درست صارف نام اور پاس ورڈ درج کریں۔'] != []
  self.client.post('/login/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
Ran 6 tests in 0.488s""",
], [], marker=["درست ای میل ایڈریس درج کریں۔", "براہ کرم درست صارف نام اور پاس ورڈ درج کریں۔"])

fam("django-forms-tamil", "https://docs.djangoproject.com/en/5.0/ref/forms/api/", [
    """AssertionError: {'email': ['சரியான மின்னஞ்சல் முகவரியை உள்ளிடவும்.']} != {}
  data={'email': '{{EMAIL}}', 'phone': '{{PHONE_IN_LANDLINE}}', 'pan': '{{PAN_IN}}'}
FAILED (failures=1)""",
    """AssertionError: ['சரியான பயனர்பெயர் மற்றும் கடவுச்சொல்லை உள்ளிடவும்.'] != []
  self.client.post('/login/', {'username': '{{EMAIL}}', 'password': '{{PASSWORD}}'})
Ran 5 tests in 0.401s""",
], [], marker=["சரியான மின்னஞ்சல் முகவரியை உள்ளிடவும்.", "சரியான பயனர்பெயர் மற்றும் கடவுச்சொல்லை உள்ளிடவும்."])

fam("mysql-access-denied-swahili-kenya-config", "https://dev.mysql.com/doc/refman/8.0/en/error-messages-server.html", [
    """ERROR 1045 (28000): Access denied for user '${dbuser}'@'${privip}' (using password: YES)
Hitilafu: imeshindwa kuunganisha kwenye hifadhidata ${db} kwenye ${mysqlhost}:${myport}
+ mysql -h ${mysqlhost} -P ${myport} -u ${dbuser} -p{{PASSWORD}} ${db}""",
    """Hitilafu: imeshindwa kutuma SMS kwa {{PHONE_KE_INTL}}
  africastalking.initialize(username="sandbox", api_key="{{HEX64}}")
  barua pepe: {{EMAIL}}""",
], [], marker=["Hitilafu: imeshindwa kuunganisha kwenye hifadhidata", "Hitilafu: imeshindwa kutuma SMS kwa "])

fam("laravel-validation-tagalog", "https://laravel.com/docs/11.x/validation#customizing-the-error-messages", [
    """  FAILED  Tests\\Feature\\RegistrationTest > hindi makapagrehistro
  Session has unexpected errors: {"email":["Ang email ay nagamit na."]}
  $$this->post('/register', ['email' => '{{EMAIL}}', 'telepono' => '{{PHONE_PH_INTL}}', 'password' => '{{PASSWORD}}'])""",
    """  FAILED  Tests\\Feature\\LoginTest > mag-login gamit ang tamang password
  Ang mga kredensyal na ito ay hindi tumutugma sa aming mga tala.
  Auth::attempt(['email' => '{{EMAIL}}', 'password' => '{{PASSWORD}}'])""",
], [], marker=["Ang email ay nagamit na.", "Ang mga kredensyal na ito ay hindi tumutugma sa aming mga tala."])

# Each template ends with the closing line its tool (or the CI job around it) prints after the failure, as the
# nineteenth does: fixed text the operator reads, kept by `auto_keep`.
FOOTERS = {
    "otel-python-sdk-span-attributes-console": "FAILED tests/test_tracing.py::test_login_span_attributes - AssertionError",
    "newrelic-java-agent-config-log": "[ERROR] Tests run: 7, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 4.118 s <<< FAILURE!",
    "elastic-apm-agent-config-debug": "npm ERR! Lifecycle script `test:integration` failed with error:",
    "launchdarkly-sdk-init-debug": "Tests:       1 failed, 37 passed, 38 total",
    "unleash-client-register-failure": "Error: Process completed with exit code 1.",
    "split-sdk-factory-debug": "Test Suites: 1 failed, 22 passed, 23 total",
    "segment-analytics-node-flush-error": "ERROR: Job failed: exit code 1",
    "amplitude-sdk-upload-debug": "FAILED tests/test_analytics.py::test_signup_event_is_sent - assert 0 == 1",
    "mixpanel-import-api-error": "=========================== short test summary info ============================",
    "auth0-authentication-client-login-call": "Tests:       1 failed, 14 passed, 15 total",
    "cognito-initiate-auth-cli-debug": "Error: Process completed with exit code 254.",
    "firebase-auth-sign-in-test-error": "Error: Process completed with exit code 1.",
    "supabase-js-auth-and-client-init": "ERROR: Job failed: exit code 1",
    "clerk-backend-sdk-verify-error": " ⨯ Error: Unauthorized (digest: '2718281828')",
    "nextauth-debug-callback-log": "    at async handleCallback (node_modules/next-auth/core/routes/callback.js:86:22)",
    "spring-security-debug-filter-chain": "[INFO] BUILD FAILURE",
    "passport-local-strategy-debug": "  3 passing (412ms)\n  1 failing",
    "devise-sign-in-request-spec": "Finished in 2.31 seconds (files took 3.4 seconds to load)\n24 examples, 1 failure",
    "django-allauth-login-form-errors": "FAILED (failures=1)",
    "msal-python-token-cache-debug": "Error: Process completed with exit code 1.",
    "saml-toolkit-debug-response": "HTTP 403 returned for POST /saml/acs",
    "oidc-client-discovery-token-request": "ERROR: Job failed: exit code 1",
    "stripe-mock-request-log": "FAILED tests/test_checkout.py::test_card_payment - stripe.error.CardError",
    "braintree-gateway-configure-error": "Finished in 1.07 seconds (files took 2.9 seconds to load)",
    "postmark-client-send-error": "Error: Process completed with exit code 1.",
    "mailchimp-marketing-set-config": "ERROR: Job failed: exit code 1",
    "vonage-sms-send-failure": "FAILED tests/test_sms.py::test_sends_verification_code",
    "messagebird-sms-api-error": "Error: Process completed with exit code 1.",
    "airflow-task-log-connection-uri": "[2024-06-11, 09:14:03 UTC] {local_task_job_runner.py:240} INFO - Task exited with return code 1",
    "dbt-profiles-debug-output": "09:14:03  Done. PASS=0 WARN=0 ERROR=1 SKIP=0 TOTAL=1",
    "pyspark-jdbc-read-options-error": "24/06/11 09:14:03 INFO SparkContext: Successfully stopped SparkContext",
    "databricks-cli-configure-debug": "Error: Process completed with exit code 1.",
    "snowflake-connector-connect-call": "ERROR tests/test_load.py::test_orders_are_loaded - snowflake.connector.errors.DatabaseError",
    "bigquery-client-credentials-error": "ERROR: Job failed: exit code 1",
    "redshift-connector-connect-error": "[2024-06-11, 09:14:03 UTC] {taskinstance.py:1206} INFO - Marking task as UP_FOR_RETRY.",
    "great-expectations-datasource-config": "Validation failed for 1 of 6 expectations in suite orders.warning",
    "papermill-execute-parameters": "Error: Process completed with exit code 1.",
    "mlflow-tracking-params-and-env": "🏃 View run defiant-bee-412 at: https://mlflow.acme-corp.io/#/experiments/7/runs/4cf1e2",
    "pulumi-config-set-and-preview": "Resources:\n    + 3 to create\n    1 errored",
    "aws-cdk-synth-context-env": "Error: Process completed with exit code 1.",
    "aws-sam-local-invoke-env-vars": "REPORT RequestId: 00000000-0000-0000-0000-000000000000	Init Duration: 0.21 ms	Duration: 812.44 ms	Billed Duration: 813 ms",
    "serverless-framework-print-vars": "ERROR: Job failed: exit code 1",
    "chef-client-run-attributes": "Chef Infra Client failed. 3 resources updated in 14 seconds",
    "puppet-agent-debug-catalog": "Notice: Applied catalog in 12.31 seconds",
    "salt-state-apply-pillar-debug": "Summary for web01\n------------\nSucceeded: 11 (changed=2)\nFailed:     1",
    "packer-build-debug-vars": "==> Builds finished but no artifacts were created.",
    "kong-admin-consumer-credentials": "Error: Process completed with exit code 22.",
    "envoy-access-log-and-debug-headers": "FAIL: TestGatewayRejectsExpiredToken (0.84s)",
    "traefik-debug-middleware-basicauth": "--- FAIL: TestDashboardRequiresAuth (2.10s)",
    "haproxy-debug-http-log": "ERROR: Job failed: exit code 1",
    "apollo-client-graphql-error-variables": "Tests:       1 failed, 52 passed, 53 total",
    "grpcurl-call-with-auth-metadata": "Error: Process completed with exit code 1.",
    "zeep-soap-client-wsse-debug": "FAILED tests/test_orders_soap.py::test_create_order - zeep.exceptions.Fault",
    "soapui-testrunner-raw-request": "SoapUI 5.7.2 TestCaseRunner Summary\nTotal TestCases: 4 (1 failed)",
    "pester-should-invoke-parameter-filter": "Tests completed in 1.92s\nTests Passed: 11, Failed: 1, Skipped: 0 NotRun: 0",
    "msbuild-exec-task-command-echo": "Build FAILED.\n    0 Warning(s)\n    1 Error(s)",
    "dotnet-user-secrets-list-output": "Failed!  - Failed:     1, Passed:    41, Skipped:     0, Total:    42",
    "winget-configure-and-install-log": "Error: Process completed with exit code 1.",
    "iis-failed-request-and-appcmd": "##[error]PowerShell exited with code '1'.",
    "powershell-invoke-restmethod-verbose": "##[error]PowerShell exited with code '1'.",
    "redis-py-auth-call-traceback": "FAILED tests/test_cache.py::test_cache_roundtrip - redis.exceptions.AuthenticationError",
    "paramiko-connect-call-traceback": "Error: Process completed with exit code 1.",
    "smtplib-login-call-traceback": "ERROR: Job failed: exit code 1",
    "jwt-sign-call-in-test-failure": "FAIL\tgithub.com/acme/orders-api/internal/auth\t0.412s",
    "boto3-set-credentials-call": "FAILED tests/test_exports.py::test_report_is_uploaded",
    "ldap3-bind-connection-call": "Error: Process completed with exit code 1.",
    "httpie-auth-flag-verbose": "ERROR: Job failed: exit code 1",
    "requests-oauthlib-fetch-token-call": "FAILED tests/test_crm_sync.py::test_token_refresh",
    "postgres-password-failed-greek": "Error: Process completed with exit code 2.",
    "django-forms-hebrew": "Destroying test database for alias 'default'...",
    "laravel-validation-thai": "  Tests:    1 failed, 41 passed (118 assertions)",
    "laravel-auth-indonesian": "  Tests:    1 failed, 57 passed (160 assertions)",
    "git-auth-failed-ukrainian": "Error: Process completed with exit code 128.",
    "django-forms-vietnamese": "Destroying test database for alias 'default'...",
    "spring-validation-serbian": "[ERROR] Tests run: 9, Failures: 1, Errors: 0, Skipped: 0",
    "postgres-password-failed-lithuanian": "ERROR: Job failed: exit code 2",
    "laravel-validation-latvian": "  Tests:    1 failed, 33 passed (97 assertions)",
    "django-auth-estonian": "Destroying test database for alias 'default'...",
    "git-auth-failed-slovenian": "ERROR: Job failed: exit code 128",
    "django-forms-icelandic": "Destroying test database for alias 'default'...",
    "django-forms-urdu": "Destroying test database for alias 'default'...",
    "django-forms-tamil": "Destroying test database for alias 'default'...",
    "mysql-access-denied-swahili-kenya-config": "Error: Process completed with exit code 1.",
    "laravel-validation-tagalog": "  Tests:    1 failed, 26 passed (74 assertions)",
}
for _f in FAMILIES:
    _f["templates"] = [t + "\n" + FOOTERS[_f["family"]] for t in _f["templates"]]
