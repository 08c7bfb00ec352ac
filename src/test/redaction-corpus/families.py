# Families of failure-output lines in real formats. Shapes taken from public issue threads (sources cited
# per family); every value that must stay is drawn from the pools below, every secret is a {{PLACEHOLDER}}
# filled at test time from a seeded RNG (see README.md for the placeholder list).
# Template fields: ${name} (string.Template) drawn per variant; ${NAME} in upper case is left as written.

POOLS = {
    "dbhost": ["db.internal.acme.net", "pg-primary.prod.svc.cluster.local", "orders-db.c9akciq32.eu-west-1.rds.amazonaws.com",
               "mysql-02.staging.globex.io", "crm-db.initech.net", "postgres.billing.hooli.dev", "warehouse-pg.umbrella.co.uk",
               "db-replica-3.stark-industries.com"],
    "pgport": ["5432", "6432", "5433", "15432"],
    "myport": ["3306", "3307", "13306"],
    "db": ["orders", "billing", "crm", "inventory", "payments_v2", "analytics", "catalog", "ledger"],
    "dbuser": ["orders_svc", "billing_rw", "healdesk_ci", "app_user", "reporter", "svc_checkout", "migrator", "readonly"],
    "apihost": ["api.acme-corp.io", "billing.globex.com", "auth.initech.net", "gateway.hooli.dev", "shop.umbrella.co.uk",
                "partners.stark-industries.com", "staging-api.acme-corp.io", "internal-gw.globex.com"],
    "apipath": ["/api/v2/orders", "/v1/invoices", "/api/auth/refresh", "/oauth/token", "/api/users/me", "/v3/payments/intents",
                "/api/products/search", "/graphql", "/admin/reports/daily", "/api/carts/checkout"],
    "redishost": ["redis-master.cache.initech.net", "redis.prod.svc.cluster.local", "sessions-redis.acme.net",
                  "cache-01.globex.io"],
    "mongohost": ["cluster0.x7kqp.mongodb.net", "mongo-0.mongo.hooli.dev", "atlas-shard-00-01.ab1cd.mongodb.net",
                  "docdb.acme-corp.io"],
    "amqphost": ["rabbitmq.queue.umbrella.co.uk", "mq.internal.acme.net", "broker-1.globex.io", "rabbit.prod.svc.cluster.local"],
    "vhost": ["orders", "events", "billing", "jobs"],
    "bucket": ["acme-ci-artifacts", "globex-reports-prod", "healdesk-traces", "initech-backups-eu"],
    "region": ["eu-west-1", "us-east-1", "ap-southeast-2", "eu-central-1"],
    "ns": ["checkout", "payments", "default", "staging", "qa-e2e", "platform"],
    "pod": ["web-app-788f89d985-6gpnd", "orders-api-5d9c7b6f4-x2kqz", "checkout-7f8b9c6d5-mm4lt", "billing-worker-6c5d8f7b9-p9wrt",
            "auth-svc-84b7d6c5f-2hjzn"],
    "image": ["registry.acme.io/orders:1.4.2", "ghcr.io/globex/checkout:2024.05.1", "docker.io/library/postgres:16.2",
              "registry.gitlab.com/initech/api:3.11.0", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing:7.0.3"],
    "repo": ["acme/shop", "globex/checkout-e2e", "initech/billing", "hooli/platform", "umbrella/portal"],
    "spec": ["tests/checkout.spec.ts", "e2e/login.spec.ts", "tests/cart/add-to-cart.spec.ts", "specs/admin/reports.spec.ts",
             "tests/api/orders.spec.ts", "e2e/profile/settings.spec.ts"],
    "line": ["42", "17", "88", "131", "9", "256", "63"],
    "col": ["7", "13", "5", "21", "11"],
    "selector": ["#login-button", "[data-testid=\"checkout-submit\"]", "text=Place order", ".cart-summary .total",
                 "#email", "[data-test=\"username\"]", "button.btn-primary", "#customers-table tr:nth-child(2)"],
    "role": ["button", "link", "textbox", "heading", "checkbox"],
    "rolename": ["Sign in", "Place order", "Save changes", "Add to cart", "Continue to payment", "Log out"],
    "url_path": ["/login", "/checkout", "/account/settings", "/cart", "/admin/users", "/orders/history"],
    "svc": ["orders", "billing", "auth", "catalog", "gateway", "notifications", "inventory"],
    "javapkg": ["com.acme.orders", "com.globex.billing", "io.initech.checkout", "dev.hooli.payments"],
    "errcode": ["28P01", "08001", "3D000", "42P01", "53300", "57P03"],
    "myerr": ["1045", "2003", "1049", "2013"],
    "user": ["ci-runner", "deploy-bot", "qa-automation", "jenkins", "release-eng", "svc-e2e"],
    "gcpproj": ["acme-prod-4821", "globex-analytics", "initech-ci-203", "hooli-staging"],
    "saname": ["ci-deployer", "healdesk-runner", "bq-reader", "gcs-uploader"],
    "azacct": ["acmeprodstore", "globexreports", "initechbackups", "hoolilogs"],
    "azcontainer": ["artifacts", "test-results", "videos", "exports"],
    "ghowner": ["acme", "globex", "initech", "hooli"],
    "pkg": ["@acme/ui-kit", "@globex/api-client", "left-pad", "@initech/eslint-config", "react-dom"],
    "pkgver": ["1.4.2", "2.0.0-beta.3", "17.0.2", "0.9.14", "5.1.0"],
    "node": ["v20.11.1", "v18.19.0", "v22.2.0"],
    "pwver": ["1.44.0", "1.47.2", "1.49.1", "1.51.0"],
    "ms": ["5000", "30000", "10000", "15000"],
    "nginxpath": ["/api/v2/orders?page=2&sort=desc", "/static/app.3f9c1a.js", "/login?next=%2Fcheckout", "/healthz",
                  "/api/search?q=blue+shoes&limit=20"],
    "status": ["401", "403", "500", "502", "504"],
    "ua": ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.6367.29 Safari/537.36",
           "curl/8.5.0", "python-requests/2.31.0", "okhttp/4.12.0", "Playwright/1.44.0 (x64; ubuntu 22.04) node/20.11"],
    "ldaphost": ["ldap.corp.stark-industries.com", "ad.acme.net", "ldap-01.globex.io"],
    "ftphost": ["ftp.exports.initech.net", "sftp.partners.acme-corp.io", "files.globex.com"],
    "sshuser": ["deploy", "ubuntu", "ec2-user", "git"],
    "sshhost": ["bastion.acme.net", "web-01.globex.io", "build-3.initech.net"],
    "table": ["customers", "users", "employees", "patients", "members", "applicants"],
    "firstname": ["Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace"],
    "lastname": ["Martin", "Okafor", "Nguyen", "Schmidt", "Kowalski", "Dubois", "Silva"],
    "city": ["Leeds", "Hamburg", "Lyon", "Austin", "Porto", "Gdansk"],
    "cookiedomain": [".acme-corp.io", "shop.umbrella.co.uk", ".globex.com", "app.hooli.dev"],
    "jobname": ["e2e (chromium)", "integration-tests", "build-and-test", "deploy-staging", "playwright (shard 2/4)"],
}
# per-variant random ids, generated (not from pools): uuid, sha, sha7, trace, span, reqid, digest, ts, hex16, num

FAMILIES = []


def fam(name, source, templates, keep, variants=5):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants})


# ------------------------------------------------------------------ curl -v, HTTP headers
fam("curl-v-bearer", "https://github.com/iainporter/oauth2-provider/issues/13", [
    """*   Trying 10.20.3.7:443...
* Connected to ${apihost} (10.20.3.7) port 443 (#0)
> GET ${apipath} HTTP/1.1
> Host: ${apihost}
> User-Agent: curl/8.5.0
> Accept: */*
> Authorization: Bearer {{JWT}}
>
< HTTP/1.1 401 Unauthorized
< x-request-id: ${uuid}
< www-authenticate: Bearer realm="api", error="invalid_token"
* Connection #0 to host ${apihost} left intact""",
], ["${apihost}", "${apipath}", "x-request-id: ${uuid}", "HTTP/1.1 401 Unauthorized", "port 443"])

fam("curl-v-basic", "https://github.com/Huachao/vscode-restclient/issues/26", [
    """$ curl -v -X POST -H "Content-Type: application/json" -H "Authorization: Basic {{BASIC_CRED}}" 'https://${apihost}${apipath}?grant_type=client_credentials'
> POST ${apipath}?grant_type=client_credentials HTTP/2
< HTTP/2 403
< twilio-request-id: RQ${hex32}""",
], ["${apihost}${apipath}", "grant_type=client_credentials", "RQ${hex32}", "HTTP/2 403"])

fam("curl-u", "https://github.com/Huachao/vscode-restclient/issues/26", [
    "+ curl -fsS -u ${user}:{{PASSWORD}} https://${apihost}${apipath}\ncurl: (22) The requested URL returned error: 401",
    "Running: curl --fail --user '${user}:{{PASSWORD}}' -X PUT \"https://${apihost}/artifactory/libs-release/${sha7}.tgz\" -T build.tgz\ncurl: (22) The requested URL returned error: 403 Forbidden",
    "curl -s -u \"${user}:{{PASSWORD}}\" https://${apihost}${apipath} | jq .\nparse error: Invalid numeric literal at line 1, column 10",
], ["${user}", "${apihost}", "error: 40"])

fam("curl-header-apikey", "https://github.com/langgenius/dify/issues/1036", [
    "curl --location --request POST 'https://${apihost}/v1/chat-messages' --header 'Authorization: Bearer {{OPENAI}}' --header 'Content-Type: application/json'\n{\"code\": \"unauthorized\", \"message\": \"Incorrect API key provided\", \"status\": 401}",
    "curl https://${apihost}/v1/messages -H \"x-api-key: {{ANTHROPIC}}\" -H \"anthropic-version: 2023-06-01\"\n{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}",
    "curl -H 'X-API-Key: {{UUID_SECRET}}' https://${apihost}${apipath}\n{\"error\":\"forbidden\",\"request_id\":\"${reqid}\"}",
], ["${apihost}", "status", "Content-Type", ], variants=4)

fam("http-request-dump", "https://github.com/postmanlabs/httpbin/issues/385", [
    """Request failed: POST https://${apihost}${apipath}
  headers: {
    'content-type': 'application/json',
    authorization: 'Bearer {{GHO}}',
    'x-correlation-id': '${uuid}',
    'user-agent': 'node-fetch/1.0'
  }
  status: 502 Bad Gateway""",
    """Request headers:
  Accept: application/json
  Authorization: token {{GHP}}
  X-GitHub-Api-Version: 2022-11-28
Response: 401 {"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""",
], ["${apihost}${apipath}", "x-correlation-id", "${uuid}", "502 Bad Gateway", "Bad credentials"] , variants=4)

fam("axios-error", "https://github.com/axios/axios/issues/3612", [
    """AxiosError: Request failed with status code 401
    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)
  config: {
    url: 'https://${apihost}${apipath}',
    method: 'get',
    headers: { Accept: 'application/json', Authorization: 'Bearer {{JWT}}', 'X-Tenant': '${svc}' },
  },
  code: 'ERR_BAD_REQUEST'""",
], ["https://${apihost}${apipath}", "ERR_BAD_REQUEST", "/app/node_modules/axios/lib/core/settle.js:19:12", "'X-Tenant': '${svc}'"])

fam("set-cookie-response", "https://github.com/microsoft/playwright/issues/13316", [
    """< HTTP/1.1 302 Found
< Location: https://${apihost}${url_path}
< Set-Cookie: connect.sid={{CONNECT_SID}}; Path=/; HttpOnly; Secure; SameSite=Lax
< Set-Cookie: csrftoken={{HEX32}}; Path=/; Max-Age=31449600
< X-Request-Id: ${reqid}""",
    """response headers: {"set-cookie":"sessionid={{DJANGO_SID}}; expires=Tue, 14 May 2024 10:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax","x-request-id":"${reqid}","location":"${url_path}"}""",
    """Set-Cookie: JSESSIONID={{JSESSIONID}}; Path=/${svc}; Secure; HttpOnly
Set-Cookie: XSRF-TOKEN={{UUID_SECRET}}; Path=/
HTTP 302 -> ${url_path}""",
], ["${reqid}" , "${url_path}", "Path=/", "HttpOnly"])

fam("cookie-request-header", "https://github.com/microsoft/playwright/issues/6986", [
    "> Cookie: PHPSESSID={{PHPSESSID}}; _ga=GA1.2.1183204571.1714644672; remember_token={{HEX64}}\n< HTTP/1.1 419 unknown status",
    "Request Headers: Host: ${apihost} | Cookie: session={{FLASK_SESSION}}; theme=dark | Referer: https://${apihost}${url_path}",
    "cookie: 'auth_token={{JWT}}; lang=en-GB; sidebar=collapsed'",
], ["${num}", "theme=dark", "${apihost}", "lang=en-GB", "419 unknown status", "sidebar=collapsed"])

# ------------------------------------------------------------------ databases
fam("psql-error", "https://github.com/sejaljain-27/repo/issues/27", [
    "psql: error: connection to server at \"${dbhost}\" (10.1.4.22), port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"\n+ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c 'select 1'",
    "export PGPASSWORD='{{PASSWORD}}'\npsql \"host=${dbhost} port=${pgport} dbname=${db} user=${dbuser} sslmode=require\" -f migrations/0042_add_index.sql\npsql: error: connection to server at \"${dbhost}\", port ${pgport} failed: FATAL:  database \"${db}\" does not exist",
], ["${dbhost}", "${pgport}", "${dbuser}", "${db}", "FATAL:"])

fam("pg-dsn-url", "https://github.com/graphile/crystal/issues/80", [
    "Error: connect ETIMEDOUT while connecting to postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require&application_name=${svc}",
    "could not connect to postgresql://${dbuser}:{{URL_PASSWORD}}@${dbhost}:${pgport}/${db}: FATAL: remaining connection slots are reserved (SQLSTATE ${errcode})",
    "DATABASE_URL=postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?schema=public\nError: P1001: Can't reach database server at `${dbhost}`:`${pgport}`",
], ["${dbuser}", "${dbhost}:${pgport}/${db}", "${dbhost}"])

fam("jdbc-url", "https://github.com/brettwooldridge/HikariCP/issues/1316", [
    "com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool: FATAL: password authentication failed for user \"${dbuser}\"\n\tjdbcUrl: jdbc:postgresql://${dbhost}:${pgport}/${db}?user=${dbuser}&password={{PASSWORD}}&ssl=true",
    "java.sql.SQLException: Access denied for user '${dbuser}'@'10.2.0.15' (using password: YES)\n\tat url jdbc:mysql://${dbuser}:{{PASSWORD}}@${dbhost}:${myport}/${db}?useSSL=false&serverTimezone=UTC",
    "spring.datasource.url=jdbc:sqlserver://${dbhost}:1433;databaseName=${db};user=${dbuser};password={{PASSWORD}};encrypt=true\ncom.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user '${dbuser}'. ClientConnectionId:${uuid}",
], ["${dbhost}", "${db}", "${dbuser}"])

fam("mysql-cli", "https://github.com/docker-library/mysql/issues/51", [
    "+ mysql -h ${dbhost} -P ${myport} -u ${dbuser} -p{{PASSWORD}} ${db} < seed.sql\nERROR ${myerr} (28000): Access denied for user '${dbuser}'@'10.0.8.4' (using password: YES)",
    "mysqldump --host=${dbhost} --user=${dbuser} --password={{PASSWORD}} --single-transaction ${db} > dump.sql\nmysqldump: Got error: ${myerr}: Unknown database '${db}' when selecting the database",
    "docker exec mysql mysql -u${dbuser} -p'{{PASSWORD}}' -e 'SHOW DATABASES;'\nmysql: [Warning] Using a password on the command line interface can be insecure.\nERROR ${myerr} (HY000): Can't connect to MySQL server on '${dbhost}:${myport}' (111)",
], ["${dbhost}", "${dbuser}", "ERROR ${myerr}", "${myerr}"])

fam("mongodb-url", "https://github.com/vedfi/mondroid/issues/43", [
    "MongoServerSelectionError: connection <monitor> to ${mongohost}:27017 closed\n    uri: mongodb+srv://${dbuser}:{{URL_PASSWORD}}@${mongohost}/${db}?retryWrites=true&w=majority&authSource=admin",
    "com.mongodb.MongoSecurityException: Exception authenticating MongoCredential{mechanism=SCRAM-SHA-256, userName='${dbuser}', source='admin', password=<hidden>}\n\tconnection string: mongodb://${dbuser}:{{PASSWORD}}@${mongohost}:27017,${mongohost2}:27017/${db}?replicaSet=rs0&authSource=admin",
], ["${mongohost}", "${db}", "authSource=admin", "${dbuser}"])

fam("redis-url", "https://github.com/redis/node-redis/issues/1591", [
    "[ioredis] Unhandled error event: ReplyError: WRONGPASS invalid username-password pair or user is disabled.\n  REDIS_URL=redis://default:{{PASSWORD}}@${redishost}:6379/0",
    "Error 111 connecting to ${redishost}:6380. Connection refused. (url=rediss://:{{HEX32}}@${redishost}:6380/2?ssl_cert_reqs=required)",
    "celery.backends.redis: Connection to broker lost. Trying to re-establish the connection... broker_url='redis://${dbuser}:{{PASSWORD}}@${redishost}:6379/1'",
], ["${redishost}", "${redishost}:63", ])

fam("amqp-url", "https://github.com/celery/celery/issues/3953", [
    "[ERROR/MainProcess] consumer: Cannot connect to amqp://${dbuser}:**@${amqphost}:5672/${vhost}: [Errno 111] Connection refused.\nCELERY_BROKER_URL=amqp://${dbuser}:{{PASSWORD}}@${amqphost}:5672/${vhost}",
    "pika.exceptions.ProbableAuthenticationError: ConnectionClosedByBroker: (403) 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN.' url=amqps://${dbuser}:{{URL_PASSWORD}}@${amqphost}:5671/${vhost}?heartbeat=30",
], ["${amqphost}", "${vhost}", "${dbuser}"])

fam("sql-pii", "https://github.com/brianc/node-postgres/issues/1511", [
    "ERROR:  duplicate key value violates unique constraint \"${table}_ssn_key\"\nDETAIL:  Key (ssn)=({{SSN_NODASH}}) already exists.\nSTATEMENT:  INSERT INTO ${table} (first_name, last_name, ssn, phone) VALUES ('${firstname}', '${lastname}', '{{SSN}}', '{{PHONE_NAT}}')",
    "Failing row contains (${num}, ${firstname}, ${lastname}, {{SSN_NODASH}}, ${city}, null).\n  table: ${table}, columns: id, first_name, last_name, ssn, city, deleted_at",
    "QueryFailedError: value too long for type character varying(9)\n    query: UPDATE \"${table}\" SET \"ssn\" = $1, \"iban\" = $2 WHERE \"id\" = $3 -- PARAMETERS: [\"{{SSN}}\",\"{{IBAN}}\",${num}]",
], ["${table}", "${table}", "${firstname}"])

fam("sql-card", "https://github.com/typeorm/typeorm/issues/4533", [
    "Executing (default): INSERT INTO \"payments\" (\"id\",\"card_number\",\"amount\") VALUES ('${uuid}','{{CARD}}',4999);\nSequelizeDatabaseError: relation \"payments\" does not exist",
    "Stripe test failed: expected card {{CARD_SPACED}} to be declined, got status=succeeded (charge ch_${hex16})",
], ["${uuid}", "payments", ])

# ------------------------------------------------------------------ cloud
fam("aws-cli-env", "https://github.com/aws/aws-cli/issues/5270", [
    "+ export AWS_ACCESS_KEY_ID={{AWS_KEY_ID}}\n+ export AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}\n+ aws s3 cp report.html s3://${bucket}/runs/${num}/ --region ${region}\nupload failed: ./report.html to s3://${bucket}/runs/${num}/report.html An error occurred (InvalidAccessKeyId) when calling the PutObject operation: The AWS Access Key Id you provided does not exist in our records.",
    "env:\n  AWS_ACCESS_KEY_ID: {{AWS_KEY_ID}}\n  AWS_SECRET_ACCESS_KEY: {{AWS_SECRET}}\n  AWS_DEFAULT_REGION: ${region}\nbotocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the ListBuckets operation",
], ["s3://${bucket}/runs/${num}/", "${region}", "operation"])

fam("aws-creds-inline", "https://github.com/boto/boto3/issues/2725", [
    "creds={{AWS_KEY_ID}}:{{AWS_SECRET}}\nfatal: S3 upload to ${bucket} failed (403 AccessDenied, RequestId: ${hex16u})",
    "DEBUG botocore.credentials: Found credentials in environment variables. key={{AWS_KEY_ID}} secret={{AWS_SECRET}}\nbotocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the GetObject operation: The provided token has expired. bucket=${bucket}",
    "s3 = boto3.client('s3', aws_access_key_id='{{AWS_KEY_ID}}', aws_secret_access_key='{{AWS_SECRET}}', region_name='${region}')\nEndpointConnectionError: Could not connect to the endpoint URL: \"https://${bucket}.s3.${region}.amazonaws.com/\"",
], ["${bucket}", "${bucket}", ])

fam("aws-session-token", "https://github.com/aws/aws-cli/issues/5428", [
    "2024-03-11 09:14:22,101 - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest method=GET, url=https://sts.${region}.amazonaws.com/, headers={'X-Amz-Security-Token': b'{{AWS_SESSION_TOKEN}}', 'X-Amz-Date': b'20240311T091422Z', 'Authorization': b'AWS4-HMAC-SHA256 Credential={{AWS_STS_KEY_ID}}/20240311/${region}/sts/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature={{HEX64}}'}>",
    "[profile ci]\naws_access_key_id = {{AWS_STS_KEY_ID}}\naws_secret_access_key = {{AWS_SECRET}}\naws_session_token = {{AWS_SESSION_TOKEN}}\nregion = ${region}",
], ["${region}", "${region}", ])

fam("aws-presigned", "https://github.com/aws/aws-sdk-js/issues/1809", [
    "GET https://${bucket}.s3.${region}.amazonaws.com/traces/${uuid}.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={{AWS_STS_KEY_ID}}%2F20240502%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=20240502T101112Z&X-Amz-Expires=900&X-Amz-Security-Token={{AWS_SESSION_TOKEN_URL}}&X-Amz-Signature={{HEX64}}&X-Amz-SignedHeaders=host 403 (Forbidden)",
], ["${bucket}.s3.${region}.amazonaws.com/traces/${uuid}.zip", "X-Amz-Expires=900", "403 (Forbidden)"])

fam("gcp-sa-json", "https://github.com/googleapis/google-auth-library-nodejs/issues/1000", [
    "Error: error:1E08010C:DECODER routines::unsupported while reading GOOGLE_APPLICATION_CREDENTIALS_JSON={\"type\": \"service_account\", \"project_id\": \"${gcpproj}\", \"private_key_id\": \"${hex40}\", \"private_key\": \"{{GCP_PRIVATE_KEY_ESC}}\", \"client_email\": \"${saname}@${gcpproj}.iam.gserviceaccount.com\", \"client_id\": \"${num18}\", \"token_uri\": \"https://oauth2.googleapis.com/token\"}",
    """cat $$GOOGLE_APPLICATION_CREDENTIALS
{
  "type": "service_account",
  "project_id": "${gcpproj}",
  "private_key_id": "${hex40}",
  "private_key": "{{GCP_PRIVATE_KEY_ESC}}",
  "client_email": "${saname}@${gcpproj}.iam.gserviceaccount.com",
  "token_uri": "https://oauth2.googleapis.com/token"
}
google.auth.exceptions.RefreshError: ('invalid_grant: Invalid JWT Signature.', {'error': 'invalid_grant'})""",
], ["${gcpproj}", "service_account", "https://oauth2.googleapis.com/token"])

fam("gcp-api-key", "https://github.com/googlemaps/google-maps-services-js/issues/300", [
    "GET https://maps.googleapis.com/maps/api/geocode/json?address=${city}&key={{GCP_API_KEY}} -> REQUEST_DENIED: This API project is not authorized to use this API.",
    "FirebaseError: Firebase: Error (auth/api-key-not-valid). config={ apiKey: \"{{GCP_API_KEY}}\", authDomain: \"${gcpproj}.firebaseapp.com\", projectId: \"${gcpproj}\" }",
], ["REQUEST_DENIED" , ], variants=4)

fam("azure-conn-string", "https://github.com/Azure/azure-sdk-for-js/issues/11571", [
    "RestError: Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\n  AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=${azacct};AccountKey={{AZURE_ACCOUNT_KEY}};EndpointSuffix=core.windows.net\n  RequestId:${uuid}",
    "Microsoft.Azure.ServiceBus.UnauthorizedException: Put token failed. status-code: 401\n  Endpoint=sb://${azacct}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{AZURE_SAS_KEY}}",
], ["AccountName=${azacct}" , "core.windows.net", "${uuid}", "${azacct}"])

fam("azure-sas-url", "https://github.com/Azure/azure-storage-azcopy/issues/1221", [
    "INFO: Scanning...\nfailed to perform copy command due to error: cannot start job due to error: https://${azacct}.blob.core.windows.net/${azcontainer}/run-${num}/trace.zip?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2024-06-01T00:00:00Z&st=2024-05-01T00:00:00Z&spr=https&sig={{AZURE_SAS_SIG}} 403 AuthenticationFailed",
], ["${azacct}.blob.core.windows.net/${azcontainer}/run-${num}/trace.zip", "sv=2022-11-02", "AuthenticationFailed"])

fam("azure-client-secret", "https://github.com/Azure/azure-cli/issues/19640", [
    "+ az login --service-principal -u ${uuid} -p {{AZURE_CLIENT_SECRET}} --tenant ${uuid2}\nAADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. Trace ID: ${uuid3}",
    "ClientSecretCredential: AZURE_CLIENT_ID=${uuid} AZURE_CLIENT_SECRET={{AZURE_CLIENT_SECRET}} AZURE_TENANT_ID=${uuid2}\nAADSTS7000222: The provided client secret keys for app '${uuid}' are expired.",
], ["${uuid}", "AADSTS70002", "${uuid2}"])

# ------------------------------------------------------------------ code hosts, registries
fam("git-remote-token", "https://github.com/actions/checkout/issues/162", [
    "fatal: unable to access 'https://x-access-token:{{GHS}}@github.com/${repo}.git/': The requested URL returned error: 403",
    "remote: Invalid username or password.\nfatal: Authentication failed for 'https://${user}:{{GHP}}@github.com/${repo}.git/'",
    "Cloning into 'vendor'...\nremote: HTTP Basic: Access denied. The provided password or token is incorrect\nfatal: Authentication failed for 'https://oauth2:{{GLPAT}}@gitlab.com/${repo}.git/'",
    "git push https://${ghowner}-bot:{{GITHUB_PAT}}@github.com/${repo}.git HEAD:refs/heads/release/${pkgver}\n! [remote rejected] HEAD -> release/${pkgver} (refusing to allow a Personal Access Token to create or update workflow)",
], ["${repo}.git", "${repo}", "${repo}"])

fam("gh-env", "https://github.com/cli/cli/issues/2297", [
    "GH_TOKEN={{GHP}} gh pr create --repo ${repo} --fill\nHTTP 401: Bad credentials (https://api.github.com/graphql)",
    "Run gh release upload v${pkgver} dist/*.tgz\n  env:\n    GITHUB_TOKEN: {{GHS}}\nHTTP 404: Not Found (https://uploads.github.com/repos/${repo}/releases/${num}/assets)",
    "GITLAB_TOKEN={{GLPAT}} glab mr create --repo ${repo}\nERROR: 401 Unauthorized",
], ["${repo}", "${repo}", ])

fam("gh-oauth-user", "https://github.com/cli/cli/issues/5118", [
    "oauth_token: {{GHO}}\n    user: ${user}\n    git_protocol: https\nerror validating token: HTTP 401: Bad credentials (https://api.github.com/)",
    "github.com:\n    user: ${user}\n    oauth_token: {{GHU}}\ngh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.",
], ["${user}", "${user}"])

fam("npm-token", "https://github.com/npm/cli/issues/7598", [
    "//registry.npmjs.org/:_authToken={{NPM_TOKEN}}\nnpm error code E401\nnpm error Unable to authenticate, your authentication token seems to be invalid.\nnpm error A complete log of this run can be found in: /home/runner/.npm/_logs/2024-06-13T13_22_29_512Z-debug-0.log",
    "909 verbose stack HttpErrorAuthUnknown: Unable to authenticate, need: Bearer realm=\"${svc}/npm\"\n910 verbose pkgid ${pkg}@${pkgver}\n911 verbose config //npm.pkg.github.com/:_authToken={{GHP}}\n912 error code E401",
    "NPM_TOKEN={{NPM_TOKEN}} npm publish --access public\nnpm ERR! code E403\nnpm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/${pkg} - You do not have permission to publish \"${pkg}\".",
], ["E40", "npm", ])

fam("npm-legacy-uuid", "https://github.com/npm/npm/issues/8133", [
    "//registry.npmjs.org/:_authToken={{UUID_SECRET}}\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/${pkg} - Not found",
], ["https://registry.npmjs.org/${pkg}", "404 Not Found"])

fam("pypi-token", "https://github.com/pypa/twine/issues/424", [
    "Uploading distributions to https://upload.pypi.org/legacy/\nUploading ${svc}_client-${pkgver}-py3-none-any.whl\nHTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n  TWINE_USERNAME=__token__ TWINE_PASSWORD={{PYPI_TOKEN}}",
    "[pypi]\n  username = __token__\n  password = {{PYPI_TOKEN}}\nERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/ File already exists.",
], ["https://upload.pypi.org/legacy/", "__token__"])

fam("docker-login", "https://github.com/docker/cli/issues/2934", [
    "+ echo {{DOCKER_PAT}} | docker login -u ${user} --password-stdin\nError response from daemon: Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or password",
    "+ docker login -u ${user} -p {{PASSWORD}} registry.acme.io\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: login attempt to https://registry.acme.io/v2/ failed with status: 401 Unauthorized",
    "{\n  \"auths\": {\n    \"https://index.docker.io/v1/\": {\n      \"auth\": \"{{BASIC_CRED}}\"\n    }\n  }\n}\nError: failed to pull ${image}: unauthorized",
], ["${user}" , "docker", ])

fam("docker-pull", "https://github.com/moby/moby/issues/39487", [
    "Error response from daemon: pull access denied for ${image}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n  digest: sha256:${hex64}",
    "Step 7/12 : RUN npm ci\n ---> Running in ${hex12}\nnpm ERR! code ECONNRESET\nThe command '/bin/sh -c npm ci' returned a non-zero code: 1",
], ["${image}", "sha256:${hex64}", "${hex12}", "ECONNRESET"])

# ------------------------------------------------------------------ AI providers, chat
fam("openai-error", "https://github.com/openai/openai-python/issues/1024", [
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: {{OPENAI}}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}",
    "OPENAI_API_KEY={{OPENAI}} python eval.py --model gpt-4o-mini\nRateLimitError: Error code: 429 - request id ${reqid}",
    "LLM call failed (model=gpt-4o, base_url=https://${apihost}/v1): api_key=\"{{OPENAI_LEGACY}}\" status=401",
], ["Error code", "gpt-4o"])

fam("anthropic-error", "https://github.com/anthropics/anthropic-sdk-python/issues/200", [
    "anthropic.AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}\n  ANTHROPIC_API_KEY={{ANTHROPIC}}",
    "headers={'x-api-key': '{{ANTHROPIC}}', 'anthropic-version': '2023-06-01', 'content-type': 'application/json'} url=https://api.anthropic.com/v1/messages",
], ["anthropic", "anthropic"])

fam("hf-token", "https://github.com/huggingface/huggingface_hub/issues/1232", [
    "huggingface_hub.utils._errors.RepositoryNotFoundError: 401 Client Error. (Request ID: Root=1-${hex8}-${hex24})\nRepository Not Found for url: https://huggingface.co/api/models/${ghowner}/${svc}-classifier/revision/main.\n  HF_TOKEN={{HF}}",
    "Token is valid (permission: write).\nYour token has been saved to /home/runner/.cache/huggingface/token\n$ huggingface-cli login --token {{HF}}\nerror: 401 Unauthorized",
    "from_pretrained('${ghowner}/${svc}-bert', use_auth_token='{{HF}}')\nOSError: ${ghowner}/${svc}-bert is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'",
], ["huggingface", "${svc}" , ])

fam("slack-token", "https://github.com/slackapi/python-slack-sdk/issues/1000", [
    "slack_sdk.errors.SlackApiError: The request to the Slack API failed. (url: https://www.slack.com/api/chat.postMessage)\nThe server responded with: {'ok': False, 'error': 'invalid_auth'}\n  SLACK_BOT_TOKEN={{SLACK_BOT}}",
    "[WARN] bolt-app http request failed: token={{SLACK_USER}} channel=C0${upper8} error=not_in_channel",
    "Socket Mode: connecting with app token {{SLACK_APP}} ... failed: invalid_auth",
], ["error", ])

fam("slack-webhook", "https://github.com/slackapi/python-slack-sdk/issues/1100", [
    "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Nightly e2e failed on ${svc}\"}' https://hooks.slack.com/services/{{SLACK_HOOK_PATH}}\ninvalid_token",
    "notify: POST https://hooks.slack.com/services/{{SLACK_HOOK_PATH}} -> 404 no_service",
], ["Content-type: application/json", "POST" ])

fam("discord-webhook", "https://github.com/discord/discord-api-docs/issues/2000", [
    "DiscordAPIError[10015]: Unknown Webhook\n    url: 'https://discord.com/api/webhooks/{{DISCORD_HOOK}}',\n    method: 'POST'",
    "WEBHOOK_URL=https://discordapp.com/api/webhooks/{{DISCORD_HOOK}} node notify.js\n{\"message\": \"Invalid Webhook Token\", \"code\": 50027}",
], ["Unknown Webhook", "Invalid Webhook Token", "method: 'POST'", "50027"])

fam("stripe-key", "https://github.com/stripe/stripe-node/issues/1500", [
    "StripeAuthenticationError: Invalid API Key provided: {{STRIPE_SK}}\n    at res.toJSON.then.StripeAPIError.message (/app/node_modules/stripe/lib/StripeResource.js:214:23)\n  requestId: 'req_${alnum14}'",
    "STRIPE_SECRET_KEY={{STRIPE_SK}} STRIPE_RESTRICTED_KEY={{STRIPE_RK}} npm run test:payments\n  1 failing: expected 'requires_payment_method' to equal 'succeeded' (pi_${alnum24})",
], ["Stripe", ])

# ------------------------------------------------------------------ CLI credentials
fam("cli-password-flag", "https://github.com/docker/cli/issues/2934", [
    "Running: ./gradlew publish --no-daemon -PnexusUsername=${user} --password={{PASSWORD}} (exit 1)\n> Could not PUT 'https://nexus.acme.net/repository/maven-releases/${javapkgpath}/${pkgver}/app-${pkgver}.jar'. Received status code 401 from server: Unauthorized",
    "helm repo add internal https://charts.acme.io --username ${user} --password {{PASSWORD}}\nError: looks like \"https://charts.acme.io\" is not a valid chart repository or cannot be reached: failed to fetch https://charts.acme.io/index.yaml : 401 Unauthorized",
    "$ ./deploy.sh --env=staging --db-password='{{PASSWORD}}' --region=${region}\nerror: deployment \"${svc}\" exceeded its progress deadline",
    "java -jar migrator.jar --url=jdbc:postgresql://${dbhost}:${pgport}/${db} --user=${dbuser} --password {{PASSWORD}}\nFlywayException: Unable to obtain connection from database",
], ["--", ])

fam("env-dump", "https://github.com/actions/runner/issues/1000", [
    "printenv | sort\nAPI_TOKEN={{API_KEY}}\nCI=true\nDB_HOST=${dbhost}\nDB_NAME=${db}\nDB_PASSWORD={{PASSWORD}}\nHOME=/home/runner\nNODE_ENV=test\nSECRET_KEY_BASE={{HEX64}}\nSESSION_SECRET={{B64_SECRET}}",
    "Environment: { NODE_ENV: 'test', PORT: '8080', DB_HOST: '${dbhost}', DB_PASS: '{{PASSWORD}}', JWT_SECRET: '{{B64_SECRET}}', LOG_LEVEL: 'debug' }",
    "export APP_KEYS={{B64_SECRET}},{{B64_SECRET:2}}\nexport ADMIN_JWT_SECRET={{B64_SECRET:3}}\nexport DATABASE_HOST=${dbhost}\nexport DATABASE_NAME=${db}",
], ["${dbhost}", "${db}"])

fam("dotenv-yaml", "https://github.com/spring-projects/spring-boot/issues/1000", [
    "spring:\n  datasource:\n    url: jdbc:postgresql://${dbhost}:${pgport}/${db}\n    username: ${dbuser}\n    password: {{PASSWORD}}\n  security:\n    oauth2:\n      client:\n        registration:\n          keycloak:\n            client-id: ${svc}-web\n            client-secret: {{API_KEY}}",
    "Caused by: org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under 'app.mail' with password={{PASSWORD}} host=smtp.${apihost} port=587",
], ["${dbhost}", "smtp", ])

fam("go-struct", "https://github.com/go-sql-driver/mysql/issues/1000", [
    "level=error msg=\"failed to start\" config=\"{Host:${dbhost} Port:${pgport} User:${dbuser} Password:{{PASSWORD}} DBName:${db} SSLMode:disable}\" err=\"dial tcp: lookup ${dbhost}: no such host\"",
    "panic: pq: password authentication failed for user \"${dbuser}\"\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/${svc}/main.go:${line} +0x1a5\nexit status 2  (dsn=\"host=${dbhost} user=${dbuser} password={{PASSWORD}} dbname=${db} sslmode=verify-full\")",
], ["${dbhost}", "${dbuser}", "${db}"])

# ------------------------------------------------------------------ Playwright
fam("pw-error-context", "https://github.com/microsoft/playwright/issues/35325", [
    """# Test info

- Name: ${rolename} works for a signed-in user
- Location: ${spec}:${line}:${col}

# Error details

```
Error: Timed out ${ms}ms waiting for expect(locator).toBeVisible()

Locator: getByRole('${role}', { name: '${rolename}' })
Expected: visible
Received: <element(s) not found>
Call log:
  - expect.toBeVisible with timeout ${ms}ms
  - waiting for getByRole('${role}', { name: '${rolename}' })
```

# Page snapshot

```yaml
- banner:
  - link "Home"
  - text: Signed in as {{EMAIL}}
- main:
  - textbox "Phone": {{PHONE_INTL}}
  - textbox "API token": {{GLPAT}}
```""",
], ["${spec}:${line}:${col}", "getByRole('${role}', { name: '${rolename}' })", "Timed out ${ms}ms", "<element(s) not found>"], variants=5)

fam("pw-locator-timeout", "https://github.com/microsoft/playwright/issues/35325", [
    "Error: locator.fill: Timeout ${ms}ms exceeded.\nCall log:\n  - waiting for locator('${selector}')\n\n  at ${spec}:${line}:${col}\n\n    > ${line} |     await page.locator('#password').fill('{{PASSWORD}}');",
    "page.fill: Target page, context or browser has been closed\n    at LoginPage.login (/home/runner/work/shop/shop/pages/login.page.ts:${line}:${col})\n  - fill(\"#password\", \"{{PASSWORD}}\")\n  - waiting for locator('${selector}')",
    "  ${line} |   await page.getByLabel('Password').fill('{{PASSWORD}}');\n  ${line2} |   await page.getByRole('${role}', { name: '${rolename}' }).click();\n     |                                                     ^\n  Error: locator.click: Timeout ${ms}ms exceeded.",
], ["Timeout ${ms}ms exceeded", "${line}", ])

fam("pw-storage-state", "https://github.com/microsoft/playwright/issues/13316", [
    """{
  "cookies": [
    {
      "name": "sessionid",
      "value": "{{DJANGO_SID}}",
      "domain": "${cookiedomain}",
      "path": "/",
      "expires": 1750807928.1914,
      "httpOnly": true,
      "secure": true,
      "sameSite": "Lax"
    },
    {
      "name": "theme",
      "value": "dark",
      "domain": "${cookiedomain}",
      "path": "/",
      "expires": -1,
      "httpOnly": false,
      "secure": false,
      "sameSite": "Lax"
    }
  ],
  "origins": [
    {
      "origin": "https://${apihost}",
      "localStorage": [
        { "name": "access_token", "value": "{{JWT}}" },
        { "name": "featureFlags", "value": "{\\"newCheckout\\":true}" }
      ]
    }
  ]
}""",
    "storageState written to playwright/.auth/user.json: {\"cookies\":[{\"name\":\"sessionid\",\"value\":\"{{DJANGO_SID}}\",\"domain\":\"${cookiedomain}\",\"path\":\"/\",\"expires\":-1,\"httpOnly\":true,\"secure\":true,\"sameSite\":\"Lax\"},{\"name\":\"lang\",\"value\":\"en-GB\",\"domain\":\"${cookiedomain}\",\"path\":\"/\",\"expires\":-1,\"httpOnly\":false,\"secure\":false,\"sameSite\":\"Lax\"}],\"origins\":[]}",
], ["${cookiedomain}", "sameSite", "httpOnly"], variants=5)

fam("pw-js-cookie-object", "https://github.com/microsoft/playwright-python/issues/2529", [
    "await context.addCookies([{ name: 'connect.sid', value: '{{CONNECT_SID}}', domain: '${cookiedomain}', path: '/' }]);\nError: browserContext.addCookies: Cookie should have a url or a domain/path pair",
    "context.cookies() => [ { name: 'connect.sid', value: '{{CONNECT_SID}}', domain: '${cookiedomain}', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }, { name: 'locale', value: 'fr-FR', domain: '${cookiedomain}', path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' } ]",
    "[{'name': 'sessionid', 'value': '{{DJANGO_SID}}', 'domain': '${cookiedomain}', 'path': '/', 'expires': 1755849293.606346, 'httpOnly': True, 'secure': True, 'sameSite': 'Lax'}]",
    "cookies: [\n  { name: '__Secure-next-auth.session-token', value: '{{JWT}}', domain: '${cookiedomain}', path: '/' },\n  { name: 'ajs_anonymous_id', value: '${uuid}', domain: '${cookiedomain}', path: '/' }\n]",
], ["${cookiedomain}", "path", ])

fam("pw-api-request", "https://github.com/microsoft/playwright/issues/19547", [
    "apiRequestContext.post: connect ECONNREFUSED 10.0.2.15:8443\nCall log:\n  - → POST https://${apihost}${apipath}\n    - user-agent: Playwright/${pwver} (x64; ubuntu 22.04) node/20.11\n    - accept: */*\n    - authorization: Bearer {{JWT}}\n    - content-type: application/json\n    - content-length: 87",
    "Error: apiRequestContext.get: 401 Unauthorized\nCall log:\n  - → GET https://${apihost}${apipath}?tenant=${svc}\n    - x-api-key: {{API_KEY}}\n  - ← 401 Unauthorized\n    - www-authenticate: Bearer error=\"invalid_token\"\n    - x-request-id: ${reqid}",
], ["${apihost}${apipath}", "Call log", ])

fam("pw-trace-network", "https://github.com/microsoft/playwright/issues/9635", [
    "{\"type\":\"resource-snapshot\",\"snapshot\":{\"request\":{\"method\":\"POST\",\"url\":\"https://${apihost}${apipath}\",\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer {{JWT}}\"},{\"name\":\"X-Trace-Id\",\"value\":\"${hex32}\"}],\"postData\":{\"text\":\"{\\\"email\\\":\\\"{{EMAIL}}\\\",\\\"password\\\":\\\"{{PASSWORD}}\\\"}\"}},\"response\":{\"status\":500,\"headers\":[{\"name\":\"set-cookie\",\"value\":\"sid={{HEX32}}; Path=/; HttpOnly\"}]}}}",
    "{\"type\":\"after\",\"callId\":\"call@${num}\",\"endTime\":${num2}.5,\"log\":[\"navigating to \\\"https://${apihost}${url_path}?token={{API_KEY}}&ref=${svc}\\\", waiting until \\\"load\\\"\"]}",
], ["${apihost}", "\"type\":", ])

fam("pw-live-events", "src/test/playwright (Healdesk's live reporter)", [
    "{\"event\":\"testEnd\",\"test\":{\"title\":\"checkout with saved card\",\"file\":\"${spec}\",\"line\":${line}},\"result\":{\"status\":\"failed\",\"error\":{\"message\":\"expect(received).toBe(expected)\\n\\nExpected: 200\\nReceived: 401\\n  at request with Authorization: Bearer {{JWT}}\"},\"stdout\":[\"card {{CARD}} declined\"]}}",
    "{\"event\":\"stdout\",\"text\":\"[auth] login as {{EMAIL}} with password={{PASSWORD}} -> 302 ${url_path}\\n\",\"test\":\"${spec}:${line}\"}",
], ["${spec}", "event", ])

fam("pw-html-report-json", "https://github.com/microsoft/playwright/issues/9633", [
    "{\"suites\":[{\"title\":\"${spec}\",\"specs\":[{\"title\":\"admin can export users\",\"ok\":false,\"tests\":[{\"results\":[{\"status\":\"failed\",\"error\":{\"message\":\"Error: page.goto: net::ERR_ABORTED at https://${apihost}/export?sig={{HEX64}}&expires=1717200000\"},\"attachments\":[{\"name\":\"trace\",\"contentType\":\"application/zip\",\"path\":\"test-results/admin-export-chromium/trace.zip\"}]}]}]}]}]}",
], ["${spec}", "test-results/admin-export-chromium/trace.zip", "net::ERR_ABORTED", "expires=1717200000"])

# ------------------------------------------------------------------ Java / Node stacks
fam("java-stack-ctx", "https://github.com/just-ai/jaicf-kotlin/issues/15", [
    "org.springframework.web.client.HttpClientErrorException$$Unauthorized: 401 Unauthorized: \"{\"error\":\"invalid_token\",\"token\":\"{{JWT}}\"}\"\n\tat ${javapkg}.client.${svcc}Client.fetch(${svcc}Client.java:${line})\n\tat ${javapkg}.${svcc}ServiceTest.fails(${svcc}ServiceTest.java:${line2})",
    "java.lang.IllegalStateException: Failed to load ApplicationContext\nCaused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"${dbuser}\"\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)\n  with properties {url=jdbc:postgresql://${dbhost}:${pgport}/${db}, username=${dbuser}, password={{PASSWORD}}}",
], ["(", "${line}", ])

fam("node-stack", "https://github.com/brianc/node-postgres/issues/1511", [
    "error: password authentication failed for user \"${dbuser}\"\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)\n  severity: 'FATAL',\n  code: '28P01',\n  connectionString: 'postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}'",
    "Error: getaddrinfo ENOTFOUND ${redishost}\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {\n  errno: -3008,\n  code: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: '${redishost}',\n  options: { password: '{{PASSWORD}}', db: 0 }\n}",
], ["code", ])

fam("python-traceback", "https://github.com/psf/requests/issues/5000", [
    "Traceback (most recent call last):\n  File \"/app/tests/test_${svc}.py\", line ${line}, in test_login\n    resp = client.post(\"/api/login\", json={\"username\": \"${user}\", \"password\": \"{{PASSWORD}}\"})\nAssertionError: assert 500 == 200",
    "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://${apihost}${apipath}?api_key={{API_KEY}}&format=json",
    "E   sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at \"${dbhost}\" (10.4.1.9), port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"\nE   (Background on this error at: https://sqlalche.me/e/20/e3q8)\nE   engine url: postgresql+psycopg2://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}",
], ["line", ])

fam("jwt-in-message", "https://github.com/auth0/node-jsonwebtoken/issues/500", [
    "JsonWebTokenError: invalid signature\n    at /app/node_modules/jsonwebtoken/verify.js:171:19\n  token: {{JWT}}",
    "TokenExpiredError: jwt expired at 2024-05-02T10:11:12.000Z for id_token={{JWT}} (iss=https://${apihost}/realms/${svc})",
    "[auth] refresh failed for session ${uuid}: refresh_token \"{{JWT}}\" is not active",
], ["e", ])

fam("pem-key", "https://github.com/mscdex/ssh2/issues/900", [
    "Error: Cannot parse privateKey: Unsupported key format\n  key file contents:\n{{PEM_RSA}}\n    at Client.connect (/app/node_modules/ssh2/lib/client.js:262:15)",
    "Load key \"/home/runner/.ssh/id_ed25519\": invalid format\n$ cat ~/.ssh/id_ed25519\n{{PEM_OPENSSH}}\n${sshuser}@${sshhost}: Permission denied (publickey).",
    "tls: failed to find any PEM data in key input (TLS_KEY=\"{{PEM_EC_ESC}}\") for ${apihost}:8443",
], ["e", ])

# ------------------------------------------------------------------ k8s, docker, CI
fam("kubectl-secret", "https://github.com/kubernetes/kubectl/issues/139", [
    "$ kubectl get secret ${svc}-db -n ${ns} -o yaml\napiVersion: v1\ndata:\n  password: {{B64_PASSWORD}}\n  username: ${b64user}\nkind: Secret\nmetadata:\n  name: ${svc}-db\n  namespace: ${ns}\ntype: Opaque",
    "kubectl create secret generic ${svc}-api --from-literal=api-key={{API_KEY}} --from-literal=db-password={{PASSWORD}} -n ${ns}\nerror: failed to create secret secrets \"${svc}-api\" already exists",
    "kubectl create secret docker-registry regcred --docker-server=registry.acme.io --docker-username=${user} --docker-password={{PASSWORD}} -n ${ns}\nError from server (Forbidden): secrets is forbidden: User \"system:serviceaccount:${ns}:ci\" cannot create resource \"secrets\"",
], ["${ns}", "${svc}-", "${svc}"])

fam("kubectl-describe", "https://github.com/openshift/lightspeed-agentic-operator/pull/109", [
    "NAME                       READY   STATUS             RESTARTS        AGE\n${pod}   0/1     CrashLoopBackOff   13 (100s ago)   24m\n$ kubectl logs ${pod} -n ${ns}\nError: connect to redis://:{{PASSWORD}}@${redishost}:6379 failed: NOAUTH Authentication required.",
    "Name:         ${pod}\nNamespace:    ${ns}\nContainers:\n  app:\n    Image:      ${image}\n    Environment:\n      DATABASE_URL:   postgres://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}\n      STRIPE_KEY:     {{STRIPE_SK}}\n      LOG_LEVEL:      info\n    State:          Waiting\n      Reason:       CrashLoopBackOff",
], ["${pod}", "${ns}", "CrashLoopBackOff"])

fam("kubeconfig-token", "https://github.com/kubernetes/kubernetes/issues/127720", [
    "users:\n- name: ${user}\n  user:\n    token: {{JWT}}\nerror: You must be logged in to the server (Unauthorized)",
    "I0929 11:41:14.795976  551862 round_trippers.go:466] curl -v -XGET  -H \"Accept: application/json\" -H \"Authorization: Bearer {{K8S_SA_TOKEN}}\" 'https://${apihost}:6443/api/v1/namespaces/${ns}/pods?limit=500'\nI0929 11:41:14.796147  551862 round_trippers.go:553] GET https://${apihost}:6443/api/v1/namespaces/${ns}/pods?limit=500 401 Unauthorized in 3 milliseconds",
], ["Unauthorized" , "n", ])

fam("gha-log", "https://github.com/actions/runner/issues/1000", [
    "2024-05-02T10:11:12.3456789Z ##[group]Run npx playwright test --project=chromium\n2024-05-02T10:11:12.3457001Z env:\n2024-05-02T10:11:12.3457102Z   BASE_URL: https://${apihost}\n2024-05-02T10:11:12.3457203Z   TEST_USER_PASSWORD: {{PASSWORD}}\n2024-05-02T10:11:12.3457304Z   SLACK_WEBHOOK_URL: https://hooks.slack.com/services/{{SLACK_HOOK_PATH}}\n2024-05-02T10:11:12.3457405Z ##[endgroup]",
    "2024-05-02T10:12:40.1000000Z   1) [chromium] › ${spec}:${line}:${col} › ${rolename}\n2024-05-02T10:12:40.1000100Z     Error: expect(received).toEqual(expected) // deep equality\n2024-05-02T10:12:40.1000200Z     - \"status\": \"active\",\n2024-05-02T10:12:40.1000300Z     + \"status\": \"locked\",\n2024-05-02T10:12:40.1000400Z     token={{GHS}}",
    "2024-05-02T10:09:01.0000000Z ##[error]Process completed with exit code 1.\n2024-05-02T10:09:01.1000000Z Post job cleanup.\n2024-05-02T10:09:01.2000000Z [command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader\n2024-05-02T10:09:01.3000000Z http.https://github.com/.extraheader AUTHORIZATION: basic {{BASIC_CRED}}",
], ["2024-05-02T10:1", "Z", ])

fam("gitlab-ci", "https://gitlab.com/gitlab-org/gitlab-runner/-/issues/1000", [
    "Running with gitlab-runner 16.11.0 (91a27b2a)\n  on ${svc}-runner-${hex8} abc12345, system ID: s_${hex12}\n$ echo \"$$CI_REGISTRY_PASSWORD\" | docker login -u gitlab-ci-token --password-stdin $$CI_REGISTRY\n$ git clone https://gitlab-ci-token:{{GLPAT}}@gitlab.acme.net/${repo}.git\nfatal: Authentication failed",
    "ERROR: Job failed: exit code 1\nvariables: CI_JOB_TOKEN={{GL_JOB_TOKEN}} CI_PROJECT_PATH=${repo} CI_COMMIT_SHA=${sha}",
], ["${repo}", "gitlab", ])

fam("jenkins-log", "https://issues.jenkins.io/browse/JENKINS-1000", [
    "[Pipeline] sh\n+ ./gradlew test -Dsonar.login={{SONAR_TOKEN}} -Dsonar.host.url=https://sonar.acme.net\n> Task :test FAILED\n${javapkg}.CheckoutTest > placesOrder() FAILED\n    java.lang.AssertionError at CheckoutTest.java:${line}",
    "[Pipeline] withCredentials\nMasking supported pattern matches of $$NEXUS_PASSWORD\n+ curl -u admin:{{PASSWORD}} https://nexus.acme.net/service/rest/v1/status\ncurl: (22) The requested URL returned error: 401",
], ["[Pipeline]", ])

# ------------------------------------------------------------------ nginx / access logs
fam("nginx-access", "https://github.com/nginxinc/docker-nginx/issues/1000", [
    "10.0.4.17 - - [02/May/2024:10:11:12 +0000] \"GET ${nginxpath} HTTP/1.1\" ${status} 512 \"https://${apihost}${url_path}\" \"${ua}\" rt=0.012 uct=\"0.000\" req_id=${hex32}",
    "10.0.4.17 - - [02/May/2024:10:11:13 +0000] \"GET /api/v1/export?access_token={{API_KEY}}&format=csv HTTP/1.1\" ${status} 0 \"-\" \"${ua}\"",
    "10.0.4.17 - ${user} [02/May/2024:10:11:14 +0000] \"POST /reset-password?token={{HEX32}}&email={{EMAIL_URLENC}} HTTP/2.0\" 302 0 \"-\" \"${ua}\"",
], ["[02/May/2024:10:11:1", "HTTP/", ])

fam("nginx-error", "https://github.com/nginxinc/docker-nginx/issues/1001", [
    "2024/05/02 10:11:12 [error] 31#31: *1042 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.4.17, server: ${apihost}, request: \"GET ${nginxpath} HTTP/1.1\", upstream: \"http://${svc}:8080${apipath}\", host: \"${apihost}\"",
    "2024/05/02 10:11:12 [warn] 31#31: *1043 an upstream response is buffered to a temporary file, request: \"GET /download?X-Goog-Signature={{HEX64}}&X-Goog-Credential=signer%40acme-prod-4821.iam.gserviceaccount.com%2F20240502%2Fauto%2Fstorage%2Fgoog4_request HTTP/1.1\", host: \"${apihost}\"",
], ["2024/05/02 10:11:12", "${apihost}", ])

fam("json-log-line", "https://github.com/pinojs/pino/issues/1000", [
    "{\"level\":50,\"time\":1714644672000,\"pid\":1,\"hostname\":\"${pod}\",\"reqId\":\"req-${num}\",\"req\":{\"method\":\"POST\",\"url\":\"${apipath}\",\"headers\":{\"authorization\":\"Bearer {{JWT}}\",\"x-forwarded-for\":\"10.0.4.17\"}},\"err\":{\"type\":\"Error\",\"message\":\"upstream ${svc} returned 503\"},\"msg\":\"request errored\"}",
    "{\"ts\":\"2024-05-02T10:11:12.345Z\",\"level\":\"error\",\"logger\":\"${svc}\",\"trace_id\":\"${hex32}\",\"span_id\":\"${hex16}\",\"msg\":\"login failed\",\"user\":\"{{EMAIL}}\",\"password\":\"{{PASSWORD}}\",\"ip\":\"10.0.4.17\"}",
    "{\"@timestamp\":\"2024-05-02T10:11:12.345Z\",\"log.level\":\"WARN\",\"message\":\"payment declined\",\"card\":\"{{CARD}}\",\"customer\":{\"phone\":\"{{PHONE_INTL}}\",\"iban\":\"{{IBAN}}\"},\"trace.id\":\"${hex32}\"}",
], ["2024", "l", ])

fam("escaped-json-log", "https://github.com/elastic/beats/issues/1000", [
    "{\"log\":\"{\\\"msg\\\":\\\"token refresh failed\\\",\\\"refresh_token\\\":\\\"{{API_KEY}}\\\",\\\"client_id\\\":\\\"${svc}-web\\\"}\\n\",\"stream\":\"stderr\",\"time\":\"2024-05-02T10:11:12.345678901Z\"}",
    "message=\"{\\\"event\\\":\\\"webhook\\\",\\\"signing_secret\\\":\\\"{{HEX64}}\\\",\\\"endpoint\\\":\\\"https://${apihost}/hooks/${svc}\\\"}\" level=error",
], ["${svc}", "e", ])

# ------------------------------------------------------------------ URLs of other schemes
fam("ldap-ftp-url", "https://github.com/apache/airflow/issues/1000", [
    "javax.naming.AuthenticationException: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v2580]\n  url=ldaps://cn=${user},ou=svc,dc=acme,dc=net:{{PASSWORD}}@${ldaphost}:636/ou=people,dc=acme,dc=net",
    "lftp: ftp://${user}:{{PASSWORD}}@${ftphost}:21/exports/${db}/: Login failed: 530 Login incorrect.",
    "Airflow connection smtp_default: smtp://${user}:{{PASSWORD}}@smtp.${apihost}:587/?ssl=false&timeout=30 -> SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')",
], [":", "e", ])

fam("http-userinfo-url", "https://github.com/psf/requests/issues/4000", [
    "ProxyError: HTTPSConnectionPool(host='${apihost}', port=443): Max retries exceeded with url: ${apipath} (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 407 Proxy Authentication Required'))) proxy=http://${user}:{{PASSWORD}}@proxy.acme.net:3128",
    "Webhook delivery failed: POST https://${user}:{{API_KEY}}@${apihost}/hooks/${svc}?attempt=3 -> 401",
    "elasticsearch.exceptions.AuthenticationException: AuthenticationException(401, 'security_exception') hosts=['https://elastic:{{PASSWORD}}@es-01.${ghowner}.internal:9200']",
], ["${apihost}", "40", ])

fam("url-query-secrets", "https://github.com/oauthlib/oauthlib/issues/1000", [
    "GET https://${apihost}/oauth/authorize?response_type=code&client_id=${svc}-web&redirect_uri=https%3A%2F%2F${apihost}%2Fcallback&state=${hex16}&code_challenge=${b64url43} -> 400 invalid_request",
    "POST https://${apihost}/oauth/token?grant_type=refresh_token&refresh_token={{API_KEY}}&client_id=${svc}-web&client_secret={{HEX32}} -> 401 invalid_client",
    "page.goto: net::ERR_CONNECTION_REFUSED at https://${apihost}/magic-link?email={{EMAIL_URLENC}}&otp={{OTP}}&redirect=%2Fdashboard",
    "webhook: https://${apihost}/api/hooks?apikey={{API_KEY}}&source=${svc}&signature={{HEX64}} returned 410 Gone",
], ["${apihost}", "${svc}", ])

# ------------------------------------------------------------------ personal data in prompts and messages
fam("pii-form", "https://github.com/microsoft/playwright/issues/24419", [
    "  ${line} |   await page.getByLabel('Phone').fill('{{PHONE_NAT}}');\n  ${line2} |   await page.getByLabel('Email').fill('{{EMAIL}}');\nError: expect(locator).toHaveText(expected) failed\nLocator: locator('${selector}')\nExpected: \"Thanks, ${firstname}!\"",
    "AssertionError: expected profile to match:\n  name: ${firstname} ${lastname}\n  phone: {{PHONE_INTL}}\n  email: {{EMAIL}}\n  city: ${city}\n  at ${spec}:${line}:${col}",
    "Validation failed for field 'phone': value '{{PHONE_PARENS}}' does not match ^\\+[1-9]\\d{7,14}$$ (contact ${uuid})",
    "Error: Customer ${firstname} ${lastname} (tel. {{PHONE_NAT}}, {{EMAIL}}) could not be saved: 409 Conflict",
], ["${firstname}", "e", ])

fam("pii-ssn-labelled", "https://github.com/faker-js/faker/issues/1000", [
    "expected applicant.ssn to equal '{{SSN}}' but got undefined (${spec}:${line}:${col})",
    "Form submit failed: {\"first_name\":\"${firstname}\",\"ssn\":\"{{SSN_NODASH}}\",\"dob\":\"1984-07-12\",\"zip\":\"73301\"}",
    "SSN: {{SSN}} | DOB: 1990-02-14 | Member ID: M-${num}",
    "social_security_number={{SSN_NODASH}} rejected by validator (applicant ${uuid})",
], ["e", ])

fam("pii-iban-card", "https://github.com/stripe/stripe-node/issues/1000", [
    "SEPA mandate creation failed: iban={{IBAN}} bic=DEUTDEFFXXX error=invalid_bank_account_iban (request req_${alnum14})",
    "Payout to {{IBAN_SPACED}} rejected: account_closed (payout po_${alnum24})",
    "TypeError: Cannot read properties of undefined (reading 'last4') while rendering card {{CARD_DASHED}} for order #${num}",
    "expect(received).toContain(expected)\nExpected substring: \"**** 4242\"\nReceived string:    \"Card {{CARD_SPACED}} exp 12/29\"",
], ["e", ])

fam("pii-prompt", "Healdesk prompt shape (DiagnosisPrompt)", [
    "# Failure\nTest: signup sends a welcome mail (${spec}:${line})\nError: expected mail to {{EMAIL}} within ${ms}ms; mailbox of {{EMAIL:2}} was empty\nLast request: POST https://${apihost}/api/signup {\"email\":\"{{EMAIL:3}}\",\"phone\":\"{{PHONE_INTL}}\"}",
    "Explain why this failed: user {{EMAIL}} (phone {{PHONE_NAT}}) got 'Your session has expired' after ${ms} ms at ${url_path}; request id ${reqid}",
], ["${spec}:${line}", "e", ])

# ------------------------------------------------------------------ look-alikes that must stay
fam("keep-git", "https://github.com/actions/checkout/issues/162", [
    "HEAD is now at ${sha7} Fix flaky checkout test\nerror: failed to push some refs to 'https://github.com/${repo}.git'\n ! [rejected]        ${sha7}..${sha7b} main -> main (non-fast-forward)",
    "commit ${sha}\nAuthor: CI Bot <ci-bot@users.noreply.github.com>\nDate:   Thu May 2 10:11:12 2024 +0000\n\n    Bump ${pkg} from ${pkgver} to ${pkgver2}",
    "Run actions/checkout@v4\nSyncing repository: ${repo}\n/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +${sha}:refs/remotes/origin/main",
], ["${sha7}", "${repo}", "e", ])

fam("keep-ids", "https://github.com/open-telemetry/opentelemetry-js/issues/1000", [
    "traceparent: 00-${hex32}-${hex16}-01\nx-request-id: ${uuid}\nx-amzn-requestid: ${uuid2}\nx-amz-cf-id: ${b64_56}\nHTTP 504 Gateway Timeout from ${svc}",
    "GET https://${apihost}/api/orders/${uuid}/items/${uuid2} -> 404 Not Found (trace_id=${hex32} span_id=${hex16})",
    "ETag: W/\"${hex40}\"\nIf-None-Match mismatch for /api/catalog/${uuid}; cache key ${hex64}",
    "Request ID: ${reqid}\nCorrelation ID: ${uuid}\nTimestamp: 2024-05-02 10:11:12Z\nAADSTS50126: Error validating credentials due to invalid username or password.",
], ["${hex32}", "${uuid}", "-", ])

fam("keep-digests", "https://github.com/moby/moby/issues/39487", [
    "${image}@sha256:${hex64}: Pulling from ${svc}\nDigest: sha256:${hex64}\nStatus: Image is up to date for ${image}",
    "npm ERR! code EINTEGRITY\nnpm ERR! sha512-${b64_86}== integrity checksum failed when using sha512: wanted sha512-${b64_86}== but got sha512-${b64_86b}==. (${num} bytes)",
    "Checksum mismatch for ${pkg}-${pkgver}.tgz: expected ${hex64}, got ${hex64b}",
], ["sha", "m", ])

fam("keep-selectors", "https://github.com/microsoft/playwright/issues/35325", [
    "Error: locator.click: Error: strict mode violation: locator('${selector}') resolved to 2 elements:\n    1) <button type=\"submit\" data-testid=\"checkout-submit\">Place order</button> aka getByTestId('checkout-submit')\n    2) <button type=\"submit\" class=\"btn btn-primary\">Place order</button> aka getByRole('button', { name: 'Place order' }).nth(1)",
    "Error: expect(page).toHaveURL(expected)\nExpected pattern: /\\/dashboard/\nReceived string:  \"https://${apihost}${url_path}?redirect=%2Fdashboard\"\n  at ${spec}:${line}:${col}",
    "waiting for locator('input[name=\"password\"]') to be visible\n  locator resolved to <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\"/>",
    "Error: page.getByPlaceholder('Password').fill: Timeout ${ms}ms exceeded.\n  waiting for getByPlaceholder('Password')\n  at ${spec}:${line}:${col}",
], ["e", ])

fam("keep-config-words", "Healdesk failure-output shape", [
    "max_tokens=4096 token_count=${num} tokenizer=cl100k_base session_timeout=30m password_min_length=12 auth_method=scram-sha-256",
    "PasswordResetTest > sendsResetLink() FAILED: expected 1 mail, got 0 (password_reset_url=https://${apihost}/reset, secret_name=${svc}-db-creds)",
    "Invalid password: must contain at least 12 characters (policy=${svc}-default)",
    "token_type: Bearer\nexpires_in: 3600\nscope: openid profile email\nkeyId: ${svc}-signing-2024\nsecretName: ${svc}-tls",
], ["e", ])

fam("keep-versions-dates", "Healdesk failure-output shape", [
    "Running 42 tests using 4 workers\n  [chromium] › ${spec}:${line}:${col} › ${rolename} (${ms}ms)\n  1 failed, 40 passed, 1 flaky (2m 13.4s)\nPlaywright ${pwver}, node ${node}, Chromium 124.0.6367.29",
    "openjdk version \"17.0.10\" 2024-01-16\n[INFO] Tests run: 128, Failures: 1, Errors: 0, Skipped: 3, Time elapsed: 41.228 s <<< FAILURE! - in ${javapkg}.OrdersIT",
    "2024-05-02 10:11:12.345 ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception: ${javapkg}.OrderNotFoundException: order ${num} not found",
], ["e", ])

fam("keep-local-urls", "Healdesk failure-output shape", [
    "page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:${port}${url_path}\nCall log:\n  - navigating to \"http://localhost:${port}${url_path}\", waiting until \"load\"",
    "Error: connect ECONNREFUSED 127.0.0.1:${pgport}\n  DATABASE_URL=postgres://postgres@localhost:${pgport}/${db}_test",
    "webServer: command 'npm run start' exited early; url http://127.0.0.1:${port}/health never answered within ${ms}ms",
], ["e", ])

# ------------------------------------------------------------------ more tools
fam("redis-cli", "https://github.com/redis/redis/issues/1000", [
    "+ redis-cli -h ${redishost} -p 6379 -a {{PASSWORD}} --no-auth-warning PING\n(error) WRONGPASS invalid username-password pair or user is disabled.",
    "$ redis-cli -u redis://${dbuser}:{{PASSWORD}}@${redishost}:6379/3 KEYS 'session:*'\nCould not connect to Redis at ${redishost}:6379: Connection refused",
], ["${redishost}", "WRONGPASS", "Connection refused"])

fam("mongosh", "https://github.com/mongodb-js/mongosh/issues/1000", [
    "$ mongosh \"mongodb://${mongohost}:27017/${db}\" --username ${dbuser} --password {{PASSWORD}} --authenticationDatabase admin\nMongoServerError: Authentication failed.",
    "MONGO_URL=mongodb://${dbuser}:{{URL_PASSWORD}}@${mongohost}:27017/${db}?authSource=admin&tls=true npm test\nMongoNetworkTimeoutError: connection timed out",
], ["${mongohost}:27017/${db}", "Authentication failed", "authSource=admin"])

fam("terraform", "https://github.com/hashicorp/terraform-provider-aws/issues/1000", [
    "Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: ${uuid}, api error InvalidClientTokenId: The security token included in the request is invalid.\n\n  with provider[\"registry.terraform.io/hashicorp/aws\"],\n  on main.tf line 12, in provider \"aws\":\n  12:   access_key = \"{{AWS_KEY_ID}}\"\n  13:   secret_key = \"{{AWS_SECRET}}\"",
    "TF_VAR_db_password={{PASSWORD}} terraform apply -auto-approve\nError: creating RDS DB Instance (${svc}-db): InvalidParameterValue: The parameter MasterUserPassword is not a valid password. status code: 400, request id: ${uuid}",
], ["${uuid}", "InvalidClientTokenId", "main.tf line 12", "InvalidParameterValue"])

fam("ansible", "https://github.com/ansible/ansible/issues/1000", [
    "ansible-playbook -i inventory/staging deploy.yml -e \"ansible_password={{PASSWORD}} db_password={{PASSWORD:2}}\"\nfatal: [${dbhost}]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: Permission denied\", \"unreachable\": true}",
    "TASK [app : render config] ***\nfatal: [${dbhost}]: FAILED! => {\"msg\": \"AnsibleUndefinedVariable: 'vault_api_token' is undefined\"}\n  vars: {\"api_token\": \"{{API_KEY}}\", \"app_port\": 8080}",
], ["fatal: [${dbhost}]", "UNREACHABLE!", "AnsibleUndefinedVariable"])

fam("netrc-git-cred", "https://github.com/git-for-windows/git/issues/1000", [
    "$ cat ~/.netrc\nmachine github.com login ${user} password {{GHP}}\nmachine nexus.acme.net login ${user} password {{PASSWORD}}\nfatal: could not read Username for 'https://github.com': terminal prompts disabled",
    "$ git config --get-all credential.helper\nstore\n$ cat ~/.git-credentials\nhttps://${user}:{{GITHUB_PAT}}@github.com\nhttps://gitlab-ci-token:{{GLPAT}}@gitlab.acme.net",
], ["${user}", "terminal prompts disabled", "gitlab.acme.net"])

fam("smtp-auth", "https://github.com/nodemailer/nodemailer/issues/1000", [
    "[2024-05-02 10:11:12] DEBUG [${hex8}] C: AUTH PLAIN {{BASIC_CRED}}\n[2024-05-02 10:11:12] DEBUG [${hex8}] S: 535 5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials ${alnum14}.12 - gsmtp",
    "Error: Invalid login: 535 Authentication failed\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:790:19)\n  transport: { host: 'smtp.${apihost}', port: 587, auth: { user: 'noreply@${apihost}', pass: '{{PASSWORD}}' } }",
], ["535", "smtp-connection/index.js:790:19", "BadCredentials"])

fam("saas-keys", "https://github.com/sendgrid/sendgrid-nodejs/issues/1000", [
    "ResponseError: Unauthorized\n    at /app/node_modules/@sendgrid/client/src/classes/client.js:146:29\n  code: 401, SENDGRID_API_KEY=SG.{{SG_ID}}.{{SG_SECRET}}",
    "datadog: POST https://api.datadoghq.eu/api/v2/logs returned 403 Forbidden; DD_API_KEY={{HEX32}} DD_SITE=datadoghq.eu service=${svc}",
    "Twilio error 20003: Authenticate — account {{TWILIO_SID}} auth token {{HEX32}} (More info: https://www.twilio.com/docs/errors/20003)",
    "Mailgun: 401 Forbidden for https://api.eu.mailgun.net/v3/mg.${apihost}/messages (api:key-{{HEX32}})",
], ["client.js:146:29", "datadoghq.eu", "errors/20003", "401 Forbidden"])

fam("heroku-vercel", "https://github.com/heroku/cli/issues/1000", [
    "HEROKU_API_KEY={{UUID_SECRET}} heroku config:get DATABASE_URL -a ${svc}-staging\npostgres://${dbuser}:{{HEX64}}@ec2-54-75-12-3.eu-west-1.compute.amazonaws.com:5432/${hex8}",
    "Error! The specified token is not valid. Use `vercel login` to generate a new token.\n> vercel deploy --prod --token={{ALNUM24}} --scope ${ghowner}",
], ["${svc}-staging", "compute.amazonaws.com:5432", "vercel deploy --prod"])

fam("ssh-output", "https://github.com/appleboy/ssh-action/issues/1000", [
    "sshpass -p '{{PASSWORD}}' ssh -o StrictHostKeyChecking=no ${sshuser}@${sshhost} 'systemctl restart ${svc}'\nPermission denied, please try again.",
    "debug1: Offering public key: /home/runner/.ssh/id_ed25519 ED25519 SHA256:${b64_43} explicit\ndebug1: Authentications that can continue: publickey,password\n${sshuser}@${sshhost}: Permission denied (publickey,password).",
], ["Permission denied", "StrictHostKeyChecking=no", "systemctl restart ${svc}"])

# ------------------------------------------------------------------ redact3: token shapes of the public rule sets
# (gitleaks, trufflehog, detect-secrets, secretlint) and the syntaxes real output puts secrets in. Added while tuning,
# so only under family names that hash to the tune split; the held-out fifth stays as it was chosen.
fam("vendor-token-lines", "shapes: gitleaks config/gitleaks.toml, trufflehog detectors; lines: CI logs of the vendors' CLIs", [
    "Error: Groq API 401 invalid_api_key for {{GROQ}} (model llama3-70b, request ${reqid})",
    "openai.AuthenticationError: Error code: 401 - base_url=https://openrouter.ai/api/v1 api_key={{OPENROUTER}} x-request-id ${uuid}",
    "DEEPSEEK: using key {{DEEPSEEK}} against https://api.deepseek.com -> 401 Authentication Fails",
    "xai_sdk.AuthError: 401 for token {{XAI}} at https://api.x.ai/v1/chat/completions",
    "replicate.exceptions.ReplicateError: 401 Unauthenticated (token r8 {{REPLICATE}}) prediction ${uuid}",
    "Perplexity request failed: 401 {\"error\":{\"message\":\"Invalid API key {{PERPLEXITY}}\",\"type\":\"invalid_request_error\"}}",
    "LangSmithAuthError: Authentication failed for https://api.smith.langchain.com/runs with {{LANGSMITH}}; run_id=${uuid}",
    "PineconeApiException: (401) Reason: Unauthorized; HTTP response headers: {'x-pinecone-request-id': '${num18}'}; key {{PINECONE}}",
    "tavily.errors.InvalidAPIKeyError: {{TAVILY}} is not valid (status 401)",
    "op: [ERROR] 2024/05/02 10:11:12 authorization prompt dismissed; OP_SERVICE_ACCOUNT_TOKEN starts {{ONEPASSWORD_SA}}",
    "1Password CLI: could not sign in to ${ghowner}.1password.com with secret key {{ONEPASSWORD_SECRET_KEY}}: 401 Unauthorized",
    "aliyun: ErrorCode: InvalidAccessKeyId.NotFound RequestId: ${uuid} AccessKeyId {{ALIBABA}} region ${region}",
    "jf rt upload failed: [Error] server response: 401 Unauthorized; artifactory api key {{ARTIFACTORY}} url https://acme.jfrog.io/artifactory/libs-release",
    "curl -H \"X-JFrog-Art-Api: {{ARTIFACTORY_REF}}\" https://acme.jfrog.io/artifactory/api/repositories -> 401",
    "Jira API error 401 for https://acme.atlassian.net/rest/api/3/issue/OPS-${num} as ${user} with API token {{ATLASSIAN}}",
    "lein deploy clojars: 401 Unauthorized with deploy token {{CLOJARS}}",
    "cloudflare-origin-ca: POST https://api.cloudflare.com/client/v4/certificates failed 403 with origin key {{CLOUDFLARE_CA}}",
    "doppler: Doppler Error: Invalid Service token {{DOPPLER_SERVICE}} (project ${svc}, config prd)",
    "doppler secrets download failed: 401 Unauthorized (token {{DOPPLER}})",
    "Duffel::AuthenticationError: 401 for access token {{DUFFEL}} request_id=${reqid}",
    "dynatrace: POST https://abc12345.live.dynatrace.com/api/v2/metrics/ingest 401 Token {{DYNATRACE}}",
    "EasyPost::Errors::UnauthorizedError: APIKey {{EASYPOST}} is invalid (shipment shp_${hex16})",
    "facebook.GraphAPIError: (#190) Error validating access token: page token {{FACEBOOK_PAGE}} has expired; app token {{FACEBOOK_APP}}",
    "square: 401 UNAUTHORIZED for access token {{SQUARE}}; oauth client secret {{SQUARE_OAUTH}}",
    "Flutterwave: {\"status\":\"error\",\"message\":\"Invalid authorization key\"} using {{FLUTTERWAVE}}",
    "flyctl deploy: Error: unauthorized; FLY_API_TOKEN={{FLYIO}} app ${svc}-staging",
    "frame.io: 401 Unauthorized for https://api.frame.io/v2/me with {{FRAMEIO}}",
    "GET https://gitlab.acme.net/${repo}.atom?feed_token={{GITLAB_FEED}} -> 401",
    "grafana: failed to push dashboard: 401 Unauthorized (key {{GRAFANA_KEY}}) cloud token {{GRAFANA_CLOUD}} sa {{GRAFANA_SA}}",
    "harness: 401 Invalid token {{HARNESS}} for account ${alnum22}",
    "Error: Failed to request discovery document: 401 Unauthorized\n  credentials \"app.terraform.io\" { token = \"{{TERRAFORM_CLOUD}}\" }",
    "vault: Error making API request. URL: GET https://vault.acme.net:8200/v1/secret/data/${svc} Code: 403. token {{VAULT}} (old {{VAULT_LEGACY}})",
    "heroku: Invalid credentials provided. HEROKU_API_KEY {{HEROKU}} app ${svc}-staging",
    "infracost: Error: Invalid API key {{INFRACOST}} (https://pricing.api.infracost.io)",
    "42 intra OAuth: invalid_client for client secret {{INTRA42}}",
    "linear: GraphQL error Authentication required, not authenticated (apiKey {{LINEAR}})",
    "mailchimp_marketing.ApiException: 401 API Key Invalid: {{MAILCHIMP}} (dc us14)",
    "mailgun: 401 for public validation key {{MAILGUN_PUB}}",
    "newrelic: NerdGraph 401 for user key {{NEW_RELIC}} account ${num}",
    "notion_client.errors.APIResponseError: API token is invalid. ({{NOTION}})",
    "dotnet nuget push ${svc}.1.4.2.nupkg --api-key {{NUGET}} --source https://api.nuget.org/v3/index.json\nerror: Response status code does not indicate success: 403 (Forbidden).",
    "octo create-release --project ${svc} --server https://octopus.acme.net --apiKey {{OCTOPUS}}\nThe API key you provided was not valid.",
    "oc login --token={{OPENSHIFT}} --server=https://api.ocp.acme.net:6443\nerror: The token provided is invalid or expired.",
    "pscale: mysql://${dbuser}:{{PLANETSCALE}}@aws.connect.psdb.cloud/${db}?sslaccept=strict -> Access denied",
    "newman: postman api 401 for {{POSTMAN}} collection ${uuid}",
    "prefect.exceptions.PrefectHTTPStatusError: 401 for PREFECT_API_KEY {{PREFECT}}",
    "pulumi: error: PULUMI_ACCESS_TOKEN must be valid: {{PULUMI}}",
    "rdme openapi: Error: the API key {{README}} is not valid",
    "gem push ${svc}-1.4.2.gem: 401 Unauthorized; GEM_HOST_API_KEY={{RUBYGEMS}}",
    "scalingo: 401 Unauthorized for token {{SCALINGO}} region osc-fr1",
    "sib_api_v3_sdk.rest.ApiException: (401) Unauthorized api-key {{SENDINBLUE}}",
    "sentry-cli releases new ${sha7}: error: API request failed: 401 auth token {{SENTRY_USER}}",
    "settlemint: 401 for personal access token {{SETTLEMINT}}",
    "shippo.error.AuthenticationError: Token {{SHIPPO}} is invalid",
    "src search: 401 Unauthorized for access token {{SOURCEGRAPH}} at https://sourcegraph.acme.net",
    "typeform: 403 Forbidden using {{TYPEFORM}} form ${alnum8}",
    "yc: ERROR: rpc error: code = Unauthenticated desc = api key {{YANDEX}} is invalid",
    "telegram: 401 Unauthorized for https://api.telegram.org/bot{{TELEGRAM_BOT}}/sendMessage chat_id=${num}",
    "curl -X POST -H 'Content-Type: application/json' -d '{\"text\":\"e2e failed on ${sha7}\"}' {{TEAMS_WEBHOOK}}\n400 Bad Request",
    "POST {{ZAPIER_WEBHOOK}} -> 410 Gone (hook was turned off)",
    "figma-api: 403 Invalid token {{FIGMA}} file ${alnum22}",
    "supabase link --project-ref ${alnum20} with SUPABASE_ACCESS_TOKEN {{SUPABASE}}: Unauthorized",
    "netlify deploy --auth {{NETLIFY}} --site ${uuid}\nError: Unauthorized",
    "MWS ListOrders failed: InvalidAccessKeyId for auth token {{AMAZON_MWS}} seller ${upper13}",
    "plaid.ApiException: ITEM_LOGIN_REQUIRED for access_token={{PLAID}} request_id ${alnum15}",
    "tweepy.errors.Unauthorized: 401 Unauthorized (bearer {{TWITTER_BEARER}})",
    "anthropic.AuthenticationError: admin key {{ANTHROPIC_ADMIN}} rejected for https://api.anthropic.com/v1/organizations/users",
    "adobe io: invalid_client for client secret {{ADOBE}} (client id ${hex32})",
    "authress: 401 for service client key {{AUTHRESS}}",
], ["401", "https://", ])
FAMILIES[-1]["variants"] = len(FAMILIES[-1]["templates"])

fam("secret-key-syntaxes", "YAML, TOML, INI, .properties, XML configs as CI logs and `cat` print them", [
    "$ cat config/auth.yml\nauth:\n  issuer: https://${apihost}\n  client_secret: >-\n    {{ALNUM24}}\n  audience: ${svc}",
    "private_token: |\n  {{API_KEY}}\nregion: ${region}",
    "$ cat pyproject.toml\n[tool.${svc}]\napi_key = \"\"\"{{API_KEY}}\"\"\"\ntimeout = 30\nendpoint = \"https://${apihost}${apipath}\"",
    "[database]\nhost = \"${dbhost}\"\nport = ${pgport}\npassword = \"{{PASSWORD}}\"\nname = \"${db}\"",
    "$ cat NuGet.Config\n<packageSourceCredentials>\n  <acme>\n    <add key=\"Username\" value=\"${user}\" />\n    <add key=\"ClearTextPassword\" value=\"{{PASSWORD}}\" />\n  </acme>\n</packageSourceCredentials>",
    "<appSettings>\n  <add key=\"ApiBaseUrl\" value=\"https://${apihost}${apipath}\" />\n  <add key=\"StripeSecret\" value=\"{{API_KEY}}\" />\n</appSettings>",
    "spec:\n  containers:\n  - name: ${svc}\n    image: ${image}\n    env:\n    - name: DB_HOST\n      value: ${dbhost}\n    - name: DB_PASSWORD\n      value: {{PASSWORD}}\n    - name: LOG_LEVEL\n      value: debug",
    "ALGOLIA_APP_ID=${upper10}\nALGOLIA_ADMIN_KEY={{HEX32}}\nMAPBOX_KEY={{API_KEY}}\nFERNET_KEY={{B64_SECRET}}\nSORT_KEY=created_at",
    "app.jwt.signing-key={{API_KEY}}\nspring.datasource.url=jdbc:postgresql://${dbhost}:${pgport}/${db}\nspring.datasource.password={{PASSWORD}}",
    "variables: [{\"key\":\"DEPLOY_TOKEN\",\"value\":\"{{GLPAT}}\",\"masked\":false},{\"key\":\"REGION\",\"value\":\"${region}\"}]",
], ["${apihost}", "${dbhost}", ])
FAMILIES[-1]["variants"] = len(FAMILIES[-1]["templates"])

fam("cli-credentials", "HTTPie, xh, curl, wget, redis-cli, aws, git, kubectl command lines as `set -x` echoes them", [
    "+ http -a ${user}:{{PASSWORD}} POST https://${apihost}${apipath} status=failed\nHTTP/1.1 401 Unauthorized",
    "+ xh --auth ${user}:{{PASSWORD}} get https://${apihost}${apipath}\nHTTP/2.0 403 Forbidden",
    "+ curl --fail --oauth2-bearer {{ALNUM24}} https://${apihost}${apipath}\ncurl: (22) The requested URL returned error: 401",
    "+ wget --http-user=${user} --http-password={{PASSWORD}} https://${apihost}/artifacts/${sha7}.tgz\nHTTP request sent, awaiting response... 401 Unauthorized",
    "+ redis-cli -h ${redishost} CONFIG SET requirepass {{PASSWORD}}\n(error) NOAUTH Authentication required.",
    "+ aws configure set aws_secret_access_key {{AWS_SECRET}} --profile ${svc}\n+ aws s3 ls s3://${bucket} --region ${region}\nAn error occurred (InvalidAccessKeyId)",
    "+ git config --global user.password {{PASSWORD}}\n+ git push origin HEAD:refs/heads/main\nremote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/${repo}.git/'",
    "+ kubectl create secret docker-registry regcred --docker-server=ghcr.io --docker-username=${user} --docker-password={{GHP}} -n ${ns}\nerror: failed to create secret secrets \"regcred\" already exists",
    "+ dotnet user-secrets set \"Stripe:SecretKey\" \"{{API_KEY}}\" --project src/${svcc}.Api\nSuccessfully saved Stripe:SecretKey",
], ["${user}", "${apihost}", ])
FAMILIES[-1]["variants"] = len(FAMILIES[-1]["templates"])

fam("escaped-json-secrets", "Playwright's JSON report and structured logs: secrets holding a quote or a backslash, JSON-escaped", [
    "{\"title\":\"login\",\"error\":{\"message\":\"Error: login failed for ${user} with password={{PASSWORD_JSON_ESC}} at https://${apihost}/login\"}}",
    "{\"level\":\"error\",\"config\":{\"host\":\"${dbhost}\",\"password\":\"{{PASSWORD_JSON_ESC}}\",\"port\":${pgport}}}",
    "{\"stdout\":[{\"text\":\"request body: {\\\"username\\\":\\\"${user}\\\",\\\"password\\\":\\\"{{PASSWORD_JSON_ESC2}}\\\"} -> 401 from ${apihost}\\n\"}]}",
    "{\"stderr\":\"+ DB_PASSWORD={{PASSWORD_JSON_ESC}} ./migrate.sh --host ${dbhost}\"}",
], ["${user}", "${dbhost}", "${apihost}", ])
FAMILIES[-1]["variants"] = len(FAMILIES[-1]["templates"])

fam("k8s-secret-manifests", "kubectl get secret -o yaml, helm template output", [
    "$ kubectl get secret ${svc}-db -n ${ns} -o yaml\napiVersion: v1\ndata:\n  password: {{B64_PASSWORD}}\n  username: ${b64user}\nkind: Secret\nmetadata:\n  name: ${svc}-db\n  namespace: ${ns}\ntype: Opaque",
    "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n  tls.key: {{B64_SECRET}}\nmetadata:\n  name: ${svc}-tls",
    "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: {{DOCKERCONFIG_B64}}\nmetadata:\n  name: regcred\n  namespace: ${ns}",
], ["name: ${svc}", "namespace: ${ns}", "kind: Secret", ])
FAMILIES[-1]["variants"] = len(FAMILIES[-1]["templates"])
