# The second collection (session 6): failure output in formats the first collection (families.py) does not have,
# learnt from public issue threads (cited per family): Kafka JAAS configs, Terraform plan diffs, Ansible module
# arguments, Helm --set echoes, Spring Boot actuator /env, Django debug settings, Rails parameter logs, .NET and ODBC
# connection strings in errors, PHP stack frames, bash xtrace, botocore debug logs, Sequelize/pg config dumps, docker
# inspect, PowerShell, PostgreSQL/MySQL constraint errors carrying personal data, HAR entries, JVM crash logs, az
# login, Redis MONITOR, pytest --showlocals, git config -l, Gradle/Maven properties, pino JSON logs, signed storage
# URLs, Windows net use/cmdkey, Celery broker errors, ldapsearch, Java maps of headers, Go maps, Hibernate binds.
# Same template language and pools as families.py (plus the pools below); split the same way (a fifth of the
# families, by the SHA-1 of the family's name), fixed before any rule ran on it.

from families import POOLS as BASE_POOLS

POOLS = dict(BASE_POOLS)
POOLS.update({
    "kafkahost": ["kafka-0.kafka-headless.streaming.svc.cluster.local", "b-1.msk-prod.k3x9qa.c2.kafka.eu-west-1.amazonaws.com",
                  "pkc-4nym6.us-east-1.aws.confluent.cloud", "broker-2.events.acme.net"],
    "topic": ["orders.created.v1", "billing-events", "checkout.audit", "inventory-updates"],
    "tfres": ["aws_db_instance.orders", "azurerm_mssql_server.billing", "google_sql_user.reporter", "aws_rds_cluster.ledger",
              "ovirt_host.build03"],
    "nodehost": ["router01.dc1.acme.net", "web-02.staging.globex.io", "db-03.initech.net", "10.40.2.17"],
    "chart": ["bitnami/postgresql", "bitnami/rabbitmq", "bitnami/redis", "icinga/icinga-stack", "bitnami/wordpress"],
    "release": ["orders-db", "youthful-opossum", "billing-mq", "sessions-cache", "monitoring"],
    "winhost": ["FS01.corp.acme.net", "BUILD-WIN-07", "sql-win-02.globex.local", "DC01"],
    "windomain": ["ACME", "GLOBEX", "INITECH"],
    "container": ["orders-db-1", "billing_api_1", "checkout-web", "keycloak-0"],
    "jar": ["orders-service-2.3.1.jar", "billing-api-0.9.14.jar", "gateway-1.4.2-SNAPSHOT.jar"],
    "gcsbucket": ["acme-exports-eu", "globex-ml-datasets", "initech-e2e-videos"],
    "pyfile": ["tests/test_checkout.py", "tests/api/test_orders.py", "tests/integration/test_billing.py"],
    "pyfunc": ["test_refund_flow", "test_login_rejects_expired", "test_create_order", "test_invoice_pdf"],
    "celeryapp": ["orders.tasks", "billing.worker", "notifications.celery"],
    "basedn": ["dc=acme,dc=net", "ou=people,dc=globex,dc=io", "dc=corp,dc=initech,dc=net"],
    "constraint": ["users_email_key", "customers_phone_key", "patients_ssn_key", "members_email_unique"],
})

FAMILIES = []


def fam(name, source, templates, keep, variants=5):
    FAMILIES.append({"family": name, "source": source, "templates": templates, "keep": keep, "variants": variants})


fam("kafka-jaas-config", "https://github.com/yahoo/CMAK/issues/688", [
    "2024-05-14 17:55:09,151 - [INFO] k.m.a.c.KafkaStateActor - SASL Mechanism =SASL_MECHANISM_SCRAM512\n2024-05-14 17:55:09,151 - [INFO] k.m.a.c.KafkaStateActor - SASL JAAS config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${dbuser}\" password=\"{{PASSWORD}}\";",
    "kafka-lag-exporter | 2024-05-14 10:28:35,231 INFO  c.l.k.KafkaClusterManager$ akka://kafka-lag-exporter/user - Cluster Added: KafkaCluster(${svc}-cluster,${kafkahost}:9096,SASL_SSL,org.apache.kafka.common.security.plain.PlainLoginModule required username='${user}' password='{{PASSWORD}}';)",
    "spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"${dbuser}\" password=\"{{PASSWORD}}\";\norg.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed: Invalid username or password (bootstrap ${kafkahost}:9093, topic ${topic})",
], ["SASL_MECHANISM_SCRAM512", "SaslAuthenticationException", "${kafkahost}:9096", "${kafkahost}:9093", "${topic}"])

fam("terraform-plan-diff", "https://github.com/hashicorp/terraform-provider-random/issues/82", [
    "  # ${tfres} will be updated in-place\n  ~ resource \"aws_cloudformation_stack\" \"db\" {\n      ~ parameters       = {\n          ~ \"DatabasePassword\"      = \"****\" -> \"{{PASSWORD}}\"\n            \"DatabaseName\"          = \"${db}\"\n        }\n    }\nPlan: 0 to add, 1 to change, 0 to destroy.",
    "  # ${tfres} will be created\n  + resource \"ovirt_host\" \"host\" {\n      + address       = \"${nodehost}\"\n      + id            = (known after apply)\n      + name          = \"${svc}-host\"\n      + root_password = \"{{PASSWORD}}\"\n    }\nPlan: 1 to add, 0 to change, 0 to destroy.",
    "  ~ resource \"mysql_user_password\" \"app_user_password\" {\n      ~ plaintext_password = \"{{PASSWORD}}\" -> (known after apply)\n        user               = \"${dbuser}\"\n    }\n\u2502 Error: error updating ${tfres}: Error 1045: Access denied for user '${dbuser}'@'%'",
], ["${tfres}", "(known after apply)", "Plan: ", "${nodehost}", "Error 1045"])

fam("ansible-module-args", "https://github.com/Juniper/ansible-junos-stdlib/pull/183", [
    "fatal: [${nodehost}]: FAILED! => {\"changed\": false, \"failed\": true, \"invocation\": {\"module_args\": {\"comment\": null, \"file\": \"output/${svc}/compiled.set\", \"host\": \"${nodehost}\", \"passwd\": \"{{PASSWORD}}\", \"port\": \"830\", \"user\": \"${user}\"}}, \"msg\": \"unable to connect\"}",
    "fatal: [${nodehost}]: FAILED! => {\"changed\": false, \"invocation\": {\"module_args\": {\"login_host\": \"${dbhost}\", \"login_password\": \"{{PASSWORD}}\", \"login_user\": \"${dbuser}\", \"name\": \"${db}\", \"port\": ${pgport}}}, \"msg\": \"unable to connect to database: FATAL:  password authentication failed for user \\\"${dbuser}\\\"\"}",
    "<${nodehost}> ESTABLISH SSH CONNECTION FOR USER: ${sshuser}\nok: [${nodehost}] => {\"ansible_facts\": {\"ansible_become_pass\": \"{{PASSWORD}}\", \"api_token\": \"{{HEX32}}\", \"app_port\": ${port}}}",
], ["${nodehost}", "module_args", "${dbhost}", "output/${svc}/compiled.set", "FAILED!"])

fam("helm-set-values", "https://github.com/helm/helm/issues/1130", [
    "$ helm install --set ${user}Username=simon,wordpressPassword={{PASSWORD}},mariadbRootPassword={{PASSWORD:2}} ${chart}\nmap[${user}Username:simon wordpressPassword:{{PASSWORD}} mariadbRootPassword:{{PASSWORD:2}}]${release}",
    "helm install ${release} --set auth.username=admin,auth.password={{PASSWORD}},auth.erlangCookie={{ALNUM24}} ${chart}\nError: INSTALLATION FAILED: cannot re-use a name that is still in use",
    "helm upgrade --install ${release} ${chart} -n ${ns} --set global.databases.icingadb.password={{PASSWORD}} --set icingaweb2.auth.admin_password={{PASSWORD:2}}\nError: UPGRADE FAILED: template: ${chart}/templates/deployment.yaml:41:16: executing \"deployment.yaml\" at <.Values.global.api>: nil pointer evaluating interface {}.users",
], ["${release}", "${chart}", "INSTALLATION FAILED", "UPGRADE FAILED", "deployment.yaml:41:16"])

fam("actuator-env-json", "https://github.com/spring-projects/spring-boot/issues/12796", [
    "$ http :${port}/actuator/env | jq .\n        \"spring.datasource.url\": {\n          \"value\": \"jdbc:postgresql://${dbhost}:${pgport}/${db}\"\n        },\n        \"spring.redis.password\": {\n          \"value\": \"{{PASSWORD}}\"\n        },\n        \"sun.java.command\": {\n          \"value\": \"target/${jar} --spring.redis.password={{PASSWORD}}\"\n        },",
    "{\"activeProfiles\":[\"prod\"],\"propertySources\":[{\"name\":\"systemEnvironment\",\"properties\":{\"SPRING_DATASOURCE_PASSWORD\":{\"value\":\"{{PASSWORD}}\",\"origin\":\"System Environment Property \\\"SPRING_DATASOURCE_PASSWORD\\\"\"},\"SPRING_DATASOURCE_USERNAME\":{\"value\":\"${dbuser}\"},\"STRIPE_API_KEY\":{\"value\":\"{{STRIPE_SK}}\"}}}]}",
    "\"sun.java.command\": \"${jar} --spring.datasource.password={{PASSWORD}} --server.port=${port} --spring.mail.password={{PASSWORD:2}}\"",
], ["jdbc:postgresql://${dbhost}:${pgport}/${db}", "${jar}", "SPRING_DATASOURCE_USERNAME", "server.port=${port}", "systemEnvironment"])

fam("django-debug-settings", "https://github.com/jazzband/dj-database-url/issues/282", [
    "DATABASES\t{'default': {'ATOMIC_REQUESTS': False, 'CONN_MAX_AGE': 600, 'ENGINE': 'django.db.backends.postgresql', 'HOST': '${dbhost}', 'NAME': '${db}', 'PASSWORD': '{{PASSWORD}}', 'PORT': ${pgport}, 'USER': '${dbuser}'}}",
    "Local vars:\nconf = {'dbhost': '${dbhost}', 'dbport': '${pgport}', 'db_nav': '${db}', 'script_default': '${dbuser}', 'userpw_${dbuser}': '{{PASSWORD}}'}\npassword = '{{PASSWORD}}'\nuser = '${dbuser}'",
    "OperationalError at ${url_path}\nconnection to server at \"${dbhost}\", port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"\nCACHES {'default': {'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': 'redis://:{{PASSWORD:2}}@${redishost}:6379/1'}}",
], ["${dbhost}", "${db}", "django.db.backends.postgresql", "OperationalError", "${redishost}:6379/1"])

fam("rails-params-log", "https://github.com/samlown/restfulness/pull/3", [
    "Started POST \"/users/sign_in\" for 10.1.4.22 at 2024-05-14 10:00:00 +0000\nProcessing by SessionsController#create as HTML\n  Parameters: {\"utf8\"=>\"\u2713\", \"authenticity_token\"=>\"{{B64_SECRET}}\", \"user\"=>{\"email\"=>\"{{EMAIL}}\", \"password\"=>\"{{PASSWORD}}\", \"remember_me\"=>\"0\"}, \"commit\"=>\"Log in\"}\nCompleted 401 Unauthorized in 12ms",
    "10.20.3.7 \"POST /api/session?password={{PASSWORD}}\" SessionResource 401 Unauthorized 39 0.0259s {\"user\"=>{\"email\"=>\"{{EMAIL}}\", \"password\"=>\"{{PASSWORD}}\"}}",
    "I, [2024-05-14T21:56:57.325395 #8594]  INFO -- : [${uuid}]   Parameters: {\"customer\"=>{\"name\"=>\"${firstname} ${lastname}\", \"phone\"=>\"{{PHONE_NAT}}\", \"iban\"=>\"{{IBAN}}\"}, \"api_key\"=>\"{{API_KEY}}\"}",
], ["SessionsController#create", "Completed 401 Unauthorized", "SessionResource 401", "${uuid}", "remember_me"])

fam("dotnet-connstring-error", "https://github.com/MapServer/MapServer/issues/6772", [
    "msDrawMap(): Image handling error. Couldnt make connection to MS SQL Server 2008 with connect string 'DRIVER={ODBC Driver 17 for SQL Server};SERVER=${dbhost};DATABASE=${db};uid=${dbuser};pwd={{PASSWORD}};'",
    "System.ArgumentException: Format of the initialization string does not conform to specification starting at index 131.\n   at System.Data.Common.DbConnectionOptions.GetKeyValuePair(String connectionString, Int32 currentPosition)\n   connectionString: Server=tcp:${dbhost},1433;Initial Catalog=${db};Persist Security Info=False;User ID=${dbuser};Password={{PASSWORD}};Encrypt=True;Connection Timeout=30;",
    "Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user '${dbuser}'.\n   ConnectionString: \"Data Source=${dbhost};Initial Catalog=${db};User Id=${dbuser};Password=\\\"{{PASSWORD}}\\\";TrustServerCertificate=true\"",
], ["${dbhost}", "${db}", "0x80131904", "starting at index 131", "ODBC Driver 17 for SQL Server"])

fam("php-pdo-trace", "https://github.com/lautaroangelico/WebEngine/issues/9", [
    "PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [1045] Access denied for user '${dbuser}'@'10.0.3.4' (using password: YES) in /var/www/${svc}/includes/db.php:25\nStack trace:\n#0 /var/www/${svc}/includes/db.php(25): PDO->__construct('mysql:host=${dbhost};port=${myport};dbname=${db}', '${dbuser}', '{{PASSWORD}}', Array)\n#1 {main}",
    "Warning: Uncaught PDOException: SQLSTATE[08001] SQLDriverConnect: 17 [Microsoft][ODBC SQL Server Driver] in /srv/app/class.database.php:25 Stack trace: #0 /srv/app/class.database.php(25): PDO->__construct('odbc:Driver={SQ...', '${dbuser}', '{{PASSWORD}}') #1 /srv/app/index.php(20): include_once('/srv/app/inc...')",
], ["SQLSTATE[HY000] [1045]", "/var/www/${svc}/includes/db.php:25", "SQLSTATE[08001]", "class.database.php:25"], variants=4)

fam("shell-xtrace", "https://github.com/DhananjayThomble/URL-Shortener-App/issues/527", [
    "+ minted={{GHS}}\n+ export GH_TOKEN={{GHS}}\n+ gh pr list --repo ${repo}\nHTTP 401: Bad credentials (https://api.github.com/graphql)",
    "+ curl -sf -H 'Authorization: Bearer {{JWT}}' -H 'Accept: application/vnd.github+json' https://api.github.com/app/installations/${num}/access_tokens\ncurl: (22) The requested URL returned error: 401",
    "+ git push https://ci:{{GLPAT}}@gitlab.com/${repo}.git HEAD:main\nremote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.com/${repo}.git/'",
    "++ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/${svc}-deployer --role-session-name ci --query Credentials.SecretAccessKey --output text\n+ AWS_SECRET_ACCESS_KEY={{AWS_SECRET}}\n+ PGPASSWORD={{PASSWORD}} psql -h ${dbhost} -p ${pgport} -U ${dbuser} -d ${db} -c 'select 1'\npsql: error: connection to server at \"${dbhost}\", port ${pgport} failed",
], ["api.github.com", "${repo}", "${dbhost}", "HTTP Basic: Access denied", "requested URL returned error: 401"])

fam("botocore-debug", "https://github.com/boto/botocore/issues/2626", [
    "2024-05-14 13:22:03|DEBUG|endpoint:236|_do_get_response(): Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=https://sts.amazonaws.com/, headers={'Content-Type': b'application/x-www-form-urlencoded; charset=utf-8', 'User-Agent': b'Boto3/1.21.8 Python/3.7.11', 'X-Amz-Date': b'20240514T182203Z', 'Authorization': b'AWS4-HMAC-SHA256 Credential={{AWS_KEY_ID}}/20240514/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={{HEX64}}'}>",
    "2024-05-14 13:22:03|DEBUG|parsers:234|parse(): Response body:\n<GetSessionTokenResult>\n    <Credentials>\n      <AccessKeyId>{{AWS_STS_KEY_ID}}</AccessKeyId>\n      <SecretAccessKey>{{AWS_SECRET}}</SecretAccessKey>\n      <SessionToken>{{AWS_SESSION_TOKEN}}</SessionToken>\n      <Expiration>2024-05-15T06:22:03Z</Expiration>\n    </Credentials>\n</GetSessionTokenResult>\n<ResponseMetadata><RequestId>${uuid}</RequestId></ResponseMetadata>",
    "Request:\n- method: POST\n- url: https://bedrock-runtime.${region}.amazonaws.com/model/${svc}/converse\n- headers: {Authorization=[AWS4-HMAC-SHA256 Credential={{AWS_STS_KEY_ID}}/20240514/${region}/bedrock/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature={{HEX64}}], X-Amz-Security-Token=[{{AWS_SESSION_TOKEN}}], Content-Type=[application/json], amz-sdk-invocation-id=[${uuid}]}",
], ["sts.amazonaws.com", "20240514T182203Z", "${uuid}", "GetSessionTokenResult", "SignedHeaders=", "bedrock-runtime.${region}.amazonaws.com"])

fam("sequelize-config-dump", "https://github.com/sequelize/sequelize/issues/7666", [
    "{ database: '${db}',\n  username: '${dbuser}',\n  password: '{{PASSWORD}}',\n  host: '${dbhost}',\n  port: '${pgport}',\n  pool: { max: 5, min: 0, idle: 10000 },\n  protocol: 'postgres',\n  ssl: true }\nerror: password authentication failed for user \"${dbuser}\"",
    "Unhandled rejection SequelizeConnectionError: password authentication failed for user \"${dbuser}\"\n  config:\n   { database: '${db}',\n     username: '${dbuser}',\n     password: '{{PASSWORD}}',\n     host: '${dbhost}',\n     port: '${pgport}' },\n  code: '28P01'",
    "ConnectionError [SequelizeConnectionError]: connect ETIMEDOUT\n    at ConnectionManager.connect (/app/node_modules/sequelize/lib/dialects/mysql/connection-manager.js:102:17) {\n  parent: Error: connect ETIMEDOUT\n  options: { host: '${dbhost}', port: ${myport}, user: '${dbuser}', password: \"{{PASSWORD}}\", database: '${db}' }",
], ["${dbhost}", "${db}", "${dbuser}", "28P01", "connection-manager.js:102:17", "SequelizeConnectionError"])

fam("docker-inspect-env", "https://github.com/nickstenning/docker-slapd/issues/5", [
    "$ docker inspect ${container} --format '{{json .Config.Env}}'\n[\"POSTGRES_USER=${dbuser}\",\"POSTGRES_PASSWORD={{PASSWORD}}\",\"POSTGRES_DB=${db}\",\"PGDATA=/var/lib/postgresql/data\",\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin\"]",
    "root@${container}:/# env\nLDAP_ORGANISATION=Acme Widgets Inc.\nLDAP_ROOTPASS={{PASSWORD}}\nLDAP_DOMAIN=${ldaphost}\nHOSTNAME=${container}",
    "            \"Env\": [\n                \"KAFKA_CFG_ZOOKEEPER_CONNECT=zookeeper:2181\",\n                \"KAFKA_CFG_SSL_KEYSTORE_PASSWORD={{PASSWORD}}\",\n                \"KAFKA_CLIENT_USERS=${user}\",\n                \"KAFKA_CLIENT_PASSWORDS={{PASSWORD:2}}\",\n                \"KAFKA_CFG_LISTENERS=INTERNAL://:9093,CLIENT://:9092\"\n            ],",
], ["${container}", "PGDATA=/var/lib/postgresql/data", "KAFKA_CLIENT_USERS=${user}", "zookeeper:2181", "${ldaphost}"])

fam("powershell-credential", "https://github.com/MicrosoftDocs/PowerShell-Docs/issues/6784", [
    "PS C:\\deploy> $secpw = ConvertTo-SecureString '{{PASSWORD}}' -AsPlainText -Force\nPS C:\\deploy> $cred = New-Object System.Management.Automation.PSCredential ('${windomain}\\${user}', $secpw)\nPS C:\\deploy> Enter-PSSession -ComputerName ${winhost} -Credential $cred\nEnter-PSSession : Connecting to remote server ${winhost} failed: Access is denied.",
    "At C:\\agent\\_work\\1\\s\\deploy.ps1:14 char:1\n+ $Password = ConvertTo-SecureString -String \"{{PASSWORD}}\" -AsPlainText -Force\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [ConvertTo-SecureString], ParameterBindingException",
    "VERBOSE: Invoke-RestMethod -Uri https://${apihost}${apipath} -Headers @{Authorization = 'Bearer {{JWT}}'; 'X-Tenant' = '${svc}'}\nInvoke-RestMethod : The remote server returned an error: (403) Forbidden.",
], ["${winhost}", "deploy.ps1:14 char:1", "ParameterBindingException", "${apihost}${apipath}", "(403) Forbidden"])

fam("pg-constraint-detail", "https://github.com/sequelize/sequelize/issues/4165", [
    "ERROR:  duplicate key value violates unique constraint \"${constraint}\"\nDETAIL:  Key (email)=({{EMAIL}}) already exists.\nSTATEMENT:  INSERT INTO ${table} (email, phone, created_at) VALUES ('{{EMAIL}}', '{{PHONE_INTL}}', now())",
    "ERROR:  new row for relation \"${table}\" violates check constraint \"${table}_ssn_check\"\nDETAIL:  Failing row contains (${num}, ${firstname}, ${lastname}, {{EMAIL}}, {{PHONE_INTL}}).\nSTATEMENT:  UPDATE ${table} SET ssn = '{{SSN_NODASH}}' WHERE id = ${num}",
    "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{{EMAIL}}' for key '${table}.${constraint}' (SQL: insert into `${table}` (`name`, `email`, `phone`) values (${firstname} ${lastname}, {{EMAIL}}, {{PHONE_PARENS}}))",
], ["${constraint}", "${table}", "SQLSTATE[23000]", "already exists", "violates"])

fam("har-entry", "https://github.com/microsoft/playwright/issues/13316", [
    "{\"request\": {\"method\": \"POST\", \"url\": \"https://${apihost}${apipath}\", \"headers\": [{\"name\": \"Authorization\", \"value\": \"Bearer {{JWT}}\"}, {\"name\": \"x-request-id\", \"value\": \"${uuid}\"}], \"postData\": {\"mimeType\": \"application/x-www-form-urlencoded\", \"text\": \"username=${user}&password={{PASSWORD}}&grant_type=password\"}}, \"response\": {\"status\": 401}}",
    "\"cookies\": [{\"name\": \"sessionid\", \"value\": \"{{DJANGO_SID}}\", \"path\": \"/\", \"domain\": \"${cookiedomain}\", \"httpOnly\": true}, {\"name\": \"csrftoken\", \"value\": \"{{HEX32}}\", \"domain\": \"${cookiedomain}\"}], \"queryString\": [{\"name\": \"api_key\", \"value\": \"{{API_KEY}}\"}, {\"name\": \"page\", \"value\": \"2\"}]",
    "{\"name\": \"x-api-key\", \"value\": \"{{UUID_SECRET}}\"}, {\"name\": \"cookie\", \"value\": \"JSESSIONID={{JSESSIONID}}; locale=en-GB\"}, {\"name\": \"traceparent\", \"value\": \"00-${hex32}-${hex16}-01\"}",
], ["${apihost}${apipath}", "${uuid}", "grant_type=password", "${cookiedomain}", "locale=en-GB", "00-${hex32}-${hex16}-01"])

fam("hs-err-jvm-args", "https://github.com/spring-projects/spring-boot/issues/12796", [
    "# A fatal error has been detected by the Java Runtime Environment:\n#  SIGSEGV (0xb) at pc=0x00007f3a5c2b1e3f, pid=${num}, tid=${num2}\n---------------  S Y S T E M  ---------------\njvm_args: -Xmx2g -Dspring.profiles.active=prod -Dspring.datasource.password={{PASSWORD}} -Djavax.net.ssl.keyStorePassword={{PASSWORD:2}}\njava_command: ${jar} --server.port=${port}",
    "Command line:  -Xms512m -Ddb.url=jdbc:mysql://${dbhost}:${myport}/${db} -Ddb.user=${dbuser} -Ddb.password={{PASSWORD}} -javaagent:/opt/otel/opentelemetry-javaagent.jar",
], ["SIGSEGV (0xb)", "${jar}", "jdbc:mysql://${dbhost}:${myport}/${db}", "-Ddb.user=${dbuser}", "opentelemetry-javaagent.jar"], variants=4)

fam("az-login-sp", "https://github.com/Azure/azure-cli/issues/17918", [
    "+ az login --service-principal -u ${uuid} -p {{AZURE_CLIENT_SECRET}} --tenant ${uuid2}\nERROR: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${uuid}'.\nTrace ID: ${uuid3}",
    "az storage blob upload --account-name ${azacct} --account-key {{AZURE_ACCOUNT_KEY}} -c ${azcontainer} -f report.zip\nErrorCode:AuthorizationPermissionMismatch",
], ["${uuid}", "${uuid3}", "AADSTS7000215", "${azacct}", "AuthorizationPermissionMismatch"], variants=4)

fam("redis-monitor", "https://github.com/redis/redis/pull/6266", [
    "1715680000.123456 [0 10.0.4.12:51234] \"AUTH\" \"{{PASSWORD}}\"\n1715680000.124001 [0 10.0.4.12:51234] \"GET\" \"session:{{DJANGO_SID}}\"",
    "1715680012.553210 [0 10.0.4.13:40122] \"HELLO\" \"3\" \"AUTH\" \"${dbuser}\" \"{{PASSWORD}}\"\n1715680012.553890 [0 10.0.4.13:40122] \"CLIENT\" \"SETNAME\" \"${svc}-worker\"",
    "1715680020.100000 [0 10.0.4.14:40900] \"CONFIG\" \"SET\" \"masterauth\" \"{{PASSWORD}}\"\n(error) NOAUTH Authentication required. (${redishost}:6379)",
], ["\"GET\" \"session:", "${svc}-worker", "${redishost}:6379", "NOAUTH Authentication required", "SETNAME"])

fam("pytest-showlocals", "https://github.com/pytest-dev/pytest/pull/6384", [
    "${pyfile}:${line}: in ${pyfunc}\n    resp = client.post(\"${apipath}\", headers=headers)\nE   AssertionError: assert 401 == 200\nheaders    = {'Authorization': 'Token {{HEX32}}', 'X-Request-Id': '${uuid}'}\npassword   = '{{PASSWORD}}'\nurl        = 'https://${apihost}${apipath}'",
    "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _\ndsn        = 'postgresql://${dbuser}:{{PASSWORD}}@${dbhost}:${pgport}/${db}?sslmode=require'\nkwargs     = {'connect_timeout': 5}\nE   psycopg2.OperationalError: connection to server at \"${dbhost}\", port ${pgport} failed: timeout expired",
    "self       = <${pyfile}.TestClient object at 0x7f2b4c1d5e10>\napi_key    = '{{OPENAI}}'\nmodel      = 'gpt-4o'\nE   openai.AuthenticationError: Error code: 401 - {'error': {'code': 'invalid_api_key'}}",
], ["${pyfile}", "${uuid}", "AssertionError: assert 401 == 200", "${dbhost}:${pgport}/${db}?sslmode=require", "invalid_api_key", "connect_timeout"])

fam("git-config-list", "https://github.com/actions/checkout/issues/162", [
    "$ git config -l\ncore.repositoryformatversion=0\nremote.origin.url=https://${user}:{{GHP}}@github.com/${repo}.git\nremote.origin.fetch=+refs/heads/*:refs/remotes/origin/*\nbranch.main.remote=origin",
    "http.https://github.com/.extraheader=AUTHORIZATION: basic {{BASIC_CRED}}\nfatal: unable to access 'https://github.com/${repo}.git/': The requested URL returned error: 403",
    "credential.helper=store\nurl.https://oauth2:{{GLPAT}}@gitlab.com/.insteadof=https://gitlab.com/\nerror: failed to push some refs to 'https://gitlab.com/${repo}.git'",
], ["github.com/${repo}.git", "refs/remotes/origin", "error: 403", "failed to push some refs", "credential.helper=store"])

fam("gradle-maven-props", "https://github.com/fastlane/fastlane/issues/4385", [
    "> Task :publish FAILED\nExecution failed for task ':publishMavenPublicationToGitHubPackagesRepository'.\n  Command: ./gradlew publish -Pgpr.user=${user} -Pgpr.key={{GHP}} -PsigningPassword={{PASSWORD}} --stacktrace\n  Could not PUT 'https://maven.pkg.github.com/${repo}/${javapkgpath}/1.4.2/app-1.4.2.jar'. Received status code 401",
    "[DEBUG] Executing: mvn deploy -DaltDeploymentRepository=releases::default::https://${apihost}/repository/releases -Drepo.username=${user} -Drepo.password={{PASSWORD}}\n[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy: status code: 401, reason phrase: Unauthorized (401)",
    "ORG_GRADLE_PROJECT_signingKeyId=${hex8u}\nORG_GRADLE_PROJECT_signingPassword={{PASSWORD}}\nORG_GRADLE_PROJECT_sonatypePassword={{PASSWORD:2}}\n> Task :signMavenPublication FAILED",
], ["${repo}", "${javapkgpath}", "Received status code 401", "maven-deploy-plugin:3.1.1", "signMavenPublication"])

fam("pino-json-headers", "https://github.com/otter-sec/rctf/pull/199", [
    "{\"level\":50,\"time\":1715680000123,\"pid\":${num},\"hostname\":\"${pod}\",\"req\":{\"id\":\"${uuid}\",\"method\":\"GET\",\"url\":\"${apipath}\",\"headers\":{\"host\":\"${apihost}\",\"cookie\":\"connect.sid={{CONNECT_SID}}; theme=dark\",\"x-api-key\":\"{{API_KEY}}\"}},\"msg\":\"request errored\"}",
    "{\"level\":\"error\",\"ts\":\"2024-05-14T10:00:00.000Z\",\"service\":\"${svc}\",\"msg\":\"upstream failed\",\"upstream\":{\"url\":\"https://${apihost}${apipath}\",\"authorization\":\"Basic {{BASIC_CRED}}\"},\"user\":{\"email\":\"{{EMAIL}}\",\"phone\":\"{{PHONE_INTL}}\"},\"traceId\":\"${hex32}\"}",
], ["${pod}", "${uuid}", "${apihost}", "theme=dark", "request errored", "${hex32}"], variants=4)

fam("signed-storage-url", "https://github.com/googleapis/google-cloud-go/issues/1021", [
    "Error: 403 Forbidden GET https://storage.googleapis.com/${gcsbucket}/reports/${sha7}.zip?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=${saname}%40${gcpproj}.iam.gserviceaccount.com%2F20240514%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240514T100000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature={{HEX64}}{{HEX64:2}}",
    "download failed: https://${bucket}.s3.${region}.amazonaws.com/traces/${sha7}.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={{AWS_STS_KEY_ID}}%2F20240514%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=20240514T100000Z&X-Amz-Expires=3600&X-Amz-Security-Token={{AWS_SESSION_TOKEN_URL}}&X-Amz-Signature={{HEX64}} (HTTP 403 AccessDenied)",
], ["${gcsbucket}", "${sha7}.zip", "X-Goog-Expires=900", "${bucket}.s3.${region}.amazonaws.com", "AccessDenied", "X-Amz-Expires=3600"], variants=4)

fam("windows-net-use", "https://github.com/three-plus-three/hw_issues/issues/1039", [
    "C:\\agent> net use Z: \\\\${winhost}\\builds /user:${windomain}\\${user} {{PASSWORD}} /persistent:no\nSystem error 1326 has occurred.\n\nThe user name or password is incorrect.",
    "C:\\agent> cmdkey /add:${winhost} /user:${windomain}\\${user} /pass:{{PASSWORD}}\nCMDKEY: Credential added successfully.\nC:\\agent> mstsc /v:${winhost}",
    "runas /user:${windomain}\\${user} \"sqlcmd -S ${winhost} -U ${dbuser} -P {{PASSWORD}} -Q \\\"SELECT 1\\\"\"\nSqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : Login failed for user '${dbuser}'.",
], ["${winhost}", "System error 1326", "${windomain}\\${user}", "Login failed for user '${dbuser}'", "CMDKEY: Credential added successfully"])

fam("celery-broker", "https://github.com/rabbitmq/rabbitmq-tutorials/issues/221", [
    "[2024-05-14 10:00:00,000: ERROR/MainProcess] consumer: Cannot connect to amqp://${user}:{{PASSWORD}}@${amqphost}:5672/${vhost}: [Errno 111] Connection refused.\nTrying again in 2.00 seconds... (1/100)",
    "[2024-05-14 10:00:05,120: CRITICAL/MainProcess] Unrecoverable error: OperationalError('Error 0 connecting to ${redishost}:6379. invalid password.')\n -------------- celery@${pod} v5.3.6 (emerald-rush)\n- ** ---------- .> app:         ${celeryapp}\n- ** ---------- .> transport:   redis://:{{PASSWORD}}@${redishost}:6379/0\n- ** ---------- .> results:     redis://:{{PASSWORD}}@${redishost}:6379/1",
], ["${amqphost}:5672/${vhost}", "Errno 111", "${redishost}:6379/0", "${celeryapp}", "celery@${pod}"], variants=4)

fam("ldapsearch-bind", "https://github.com/osixia/container-openldap/issues/209", [
    "$ ldapsearch -x -H ldap://${ldaphost}:389 -D \"cn=admin,${basedn}\" -w {{PASSWORD}} -b \"${basedn}\" \"(uid=${user})\"\nldap_bind: Invalid credentials (49)",
    "+ ldapmodify -H ldaps://${ldaphost} -D cn=${user},${basedn} -w '{{PASSWORD}}' -f /tmp/update.ldif\nldap_sasl_bind(SIMPLE): Can't contact LDAP server (-1)",
    "ldapwhoami -x -H ldap://${ldaphost} -D \"uid=${user},${basedn}\" -w \"{{PASSWORD}}\"\nldap_bind: Invalid credentials (49)\n\tadditional info: 80090308: LdapErr: DSID-0C090439",
], ["ldap://${ldaphost}", "${basedn}", "Invalid credentials (49)", "DSID-0C090439", "Can't contact LDAP server (-1)"])

fam("java-map-headers", "https://github.com/langchain4j/langchain4j/issues/5798", [
    "2024-05-14 10:00:00.123 DEBUG 1 --- [nio-8080-exec-3] o.s.web.client.RestTemplate : HTTP POST https://${apihost}${apipath}, headers={Authorization=[Bearer {{JWT}}], Content-Type=[application/json], X-Correlation-Id=[${uuid}]}",
    "feign.FeignException$Unauthorized: [401 Unauthorized] during [POST] to [https://${apihost}${apipath}] [${svcc}Client#create(String,Map)]: request headers {x-api-key=[{{API_KEY}}], cookie=[SESSION={{B64_SECRET}}], accept=[application/json]}",
    "okhttp3 INFO: --> POST https://${apihost}${apipath}\nAuthorization: Bearer {{OPENAI}}\nx-request-id: ${uuid}\n<-- 401 Unauthorized https://${apihost}${apipath} (212ms)",
], ["${apihost}${apipath}", "${uuid}", "401 Unauthorized", "nio-8080-exec-3", "Content-Type=[application/json]"])

fam("go-map-print", "https://github.com/helm/helm/issues/1130", [
    "time=\"2024-05-14T10:00:00Z\" level=fatal msg=\"cannot start\" config=\"map[db:map[host:${dbhost} name:${db} password:{{PASSWORD}} port:${pgport} user:${dbuser}] listen::${port}]\"",
    "2024/05/14 10:00:00 loaded settings: &{Addr:${redishost}:6379 Username:${dbuser} Password:{{PASSWORD}} DB:0 PoolSize:10 TLSConfig:<nil>}\n2024/05/14 10:00:00 redis: WRONGPASS invalid username-password pair or user is disabled.",
    "panic: smtp: 535 5.7.8 Authentication failed\n\tcfg = main.Mailer{Host:\"smtp.${apihost}\", Port:587, Username:\"${user}\", Password:\"{{PASSWORD}}\", From:\"noreply@${apihost}\"}\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/${svc}/main.go:${line} +0x1a5",
], ["${dbhost}", "${redishost}:6379", "WRONGPASS", "535 5.7.8 Authentication failed", "/src/cmd/${svc}/main.go:${line}", "PoolSize:10"])

fam("hibernate-bind", "https://github.com/spring-projects/spring-boot/pull/27811", [
    "Hibernate: insert into ${table} (created_at, email, phone, iban, id) values (?, ?, ?, ?, ?)\n2024-05-14 10:00:00.120 TRACE 1 --- [main] o.h.type.descriptor.sql.BasicBinder : binding parameter [2] as [VARCHAR] - [{{EMAIL}}]\n2024-05-14 10:00:00.121 TRACE 1 --- [main] o.h.type.descriptor.sql.BasicBinder : binding parameter [3] as [VARCHAR] - [{{PHONE_INTL}}]\n2024-05-14 10:00:00.121 TRACE 1 --- [main] o.h.type.descriptor.sql.BasicBinder : binding parameter [4] as [VARCHAR] - [{{IBAN}}]",
    "org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [{{EMAIL}}]\norg.hibernate.orm.jdbc.bind : binding parameter (2:VARCHAR) <- [{{CARD}}]\norg.hibernate.engine.jdbc.spi.SqlExceptionHelper : ERROR: value too long for type character varying(16) (table ${table})",
], ["BasicBinder", "binding parameter [2] as [VARCHAR]", "${table}", "character varying(16)", "org.hibernate.orm.jdbc.bind"], variants=4)


# ------------------------------------------------------------------ second pass (session 6), added and committed
# before any rule ran on these families; split by the same hash of the family name.
POOLS.update({
    "vaultpath": ["secret/ci/orders", "kv/data/billing/db", "secret/e2e/checkout", "kv/platform/registry"],
    "nupkg": ["Acme.Orders.Client.2.3.1.nupkg", "Globex.Billing.1.0.4.nupkg", "Initech.Checkout.Sdk.0.9.14.nupkg"],
    "feed": ["https://www.nuget.org/api/v2/package", "https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json",
             "https://nuget.pkg.github.com/globex/index.json"],
})

fam("spring-generated-password", "https://github.com/spring-projects/spring-boot/issues/30015", [
    "2024-01-15T11:39:03.649+01:00  WARN 40687 --- [           main] .s.s.UserDetailsServiceAutoConfiguration : \n\nUsing generated security password: {{UUID_SECRET}}\n\nThis generated password is for development use only. Your security configuration must be updated before running your application in production.\n2024-01-15T11:39:04.101+01:00  INFO 40687 --- [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port ${port} (http) with context path '/${svc}'",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration.getOrDeducePassword(UserDetailsServiceAutoConfiguration.java:87)-->\nUsing generated security password: {{UUID_SECRET}}",
    "[2024-04-11 13:09:19.546] boot - 3346  INFO [${javapkg}.Application.main()] --- AuthenticationManagerConfiguration: \n\nUsing default security password: {{UUID_SECRET}}\n",
], ["UserDetailsServiceAutoConfiguration", "Tomcat started on port ${port}", "${javapkg}.Application.main()", "UserDetailsServiceAutoConfiguration.java:87", "for development use only"], variants=4)

fam("mysql-temporary-password", "https://github.com/ansible/ansible/issues/29795", [
    "2025-01-20T02:57:06.620776Z 0 [System] [MY-013169] [Server] /usr/sbin/mysqld (mysqld 8.0.40) initializing of server in progress as process ${num}\n2025-01-20T02:57:07.484688Z 6 [Note] [MY-010454] [Server] A temporary password is generated for root@localhost: {{PASSWORD}}",
    "[Note] A temporary password is generated for root@localhost: {{PASSWORD}}\nERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)",
    "$ sudo grep 'temporary password' /var/log/mysqld.log\n2024-05-14T10:00:00.000000Z 1 [Note] [MY-010454] [Server] A temporary password is generated for root@localhost: {{PASSWORD}}\n$ mysql -uroot -h ${dbhost} -P ${myport}",
], ["MY-010454", "MY-013169", "ERROR 1045 (28000)", "/var/log/mysqld.log", "${dbhost}"], variants=4)

fam("jenkins-initial-password", "https://github.com/jenkinsci/docker/pull/909", [
    "*************************************************************\n*************************************************************\n\nJenkins initial setup is required. An admin user has been created and a password generated.\nPlease use the following password to proceed to installation:\n\n{{HEX32}}\n\nThis may also be found at: /var/jenkins_home/secrets/initialAdminPassword\n\n*************************************************************",
    "${pod} jenkins 2024-05-14 10:00:00.000+0000 [id=${num}]\tINFO\tjenkins.install.SetupWizard#init: \n\nJenkins initial setup is required. An admin user has been created and a password generated.\nPlease use the following password to proceed to installation:\n\n{{HEX32}}\n\nThis may also be found at: /var/lib/jenkins/secrets/initialAdminPassword",
], ["/var/jenkins_home/secrets/initialAdminPassword", "jenkins.install.SetupWizard#init", "/var/lib/jenkins/secrets/initialAdminPassword", "${pod}"], variants=4)

fam("vault-kv-table", "https://github.com/hashicorp/vault/pull/4895", [
    "$ vault kv get ${vaultpath}\n====== Metadata ======\nKey              Value\n---              -----\ncreated_time     2024-05-14T10:00:00.000000Z\nversion          3\n\n====== Data ======\nKey         Value\n---         -----\npassword    {{PASSWORD}}\nusername    ${dbuser}",
    "$ vault token create -policy=${svc}-ci -display-name=${user}\nKey                  Value\n---                  -----\ntoken                {{VAULT}}\ntoken_accessor       {{ALNUM24}}\ntoken_duration       768h\ntoken_renewable      true\ntoken_policies       [\"default\" \"${svc}-ci\"]",
    "$ vault read database/creds/${svc}-readonly\nKey                Value\n---                -----\nlease_id           database/creds/${svc}-readonly/${alnum24}\nlease_duration     1h\nlease_renewable    true\npassword           {{PASSWORD}}\nusername           v-token-${svc}-readonly-${alnum20}",
], ["${vaultpath}", "${dbuser}", "token_duration       768h", "database/creds/${svc}-readonly", "lease_duration     1h", "${svc}-ci"])

fam("nuget-push-apikey", "https://github.com/fsprojects/FAKE/issues/1530", [
    "Pushing ${nupkg} to '${feed}'...\n  PUT ${feed}\n  Conflict ${feed} 1020ms\nResponse status code does not indicate success: 409.\nSystem.Exception: Error during NuGet push. C:\\build\\NuGet.exe push \"C:\\build\\out\\${nupkg}\" {{UUID_SECRET}} -source ${feed}\n   at Fake.NuGetHelper.publish(NuGetParams parameters) in C:\\code\\fake\\src\\app\\FakeLib\\NuGet\\NugetHelper.fs:line 313",
    "C:\\Project> \"C:\\Program Files\\dotnet\\dotnet.EXE\"  nuget push \"C:\\Project\\out\\${nupkg}\" --api-key {{NUGET}} --source ${feed} (In: false, Out: false, Err: false)\nerror: Response status code does not indicate success: 403 (The specified API key is invalid, has expired, or does not have permission to access the specified package.).",
    "nuget.exe push out\\${nupkg} -ApiKey {{NUGET}} -Source ${feed} -NonInteractive\nResponse status code does not indicate success: 401 (Unauthorized).",
], ["${nupkg}", "${feed}", "NugetHelper.fs:line 313", "409", "does not indicate success"])

fam("sudo-stdin-echo", "https://github.com/ansible/ansible/issues/47738", [
    "fatal: [${nodehost}]: FAILED! => {\"changed\": true, \"cmd\": \"echo {{PASSWORD}} | /usr/local/bin/sudo -S su - ${sshuser} >/dev/null\", \"delta\": \"0:00:00.006462\", \"rc\": 1, \"stderr\": \"sudo: 1 incorrect password attempt\"}",
    "Running: echo '{{PASSWORD}}' | docker login -u ${user} --password-stdin registry.acme.io\nError response from daemon: Get \"https://registry.acme.io/v2/\": unauthorized: incorrect username or password",
    "+ echo \"${sshuser}:{{PASSWORD}}\" | chpasswd\nchpasswd: (user ${sshuser}) pam_chauthtok() failed, error:\nAuthentication token manipulation error",
], ["${nodehost}", "sudo: 1 incorrect password attempt", "registry.acme.io", "${sshuser}", "pam_chauthtok() failed"])

fam("pgpass-lines", "https://github.com/workflowproducts/postage/issues/367", [
    "$ cat ~/.pgpass\n${dbhost}:${pgport}:${db}:${dbuser}:{{PASSWORD}}\n*:*:*:replication:{{PASSWORD:2}}\n$ psql -h ${dbhost} -p ${pgport} -U ${dbuser} ${db}\npsql: error: connection to server at \"${dbhost}\", port ${pgport} failed: FATAL:  password authentication failed for user \"${dbuser}\"",
    "+ echo '${dbhost}:${pgport}:${db}:${dbuser}:{{PASSWORD}}' >> /root/.pgpass\n+ chmod 0600 /root/.pgpass\n+ pg_dump -h ${dbhost} -U ${dbuser} ${db}\npg_dump: error: connection to server at \"${dbhost}\" failed: timeout expired",
], ["${dbhost}:${pgport}:${db}:${dbuser}:", "${dbhost}", "password authentication failed", "chmod 0600 /root/.pgpass", "timeout expired"], variants=4)
