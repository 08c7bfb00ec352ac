package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coverage audit against the public rule sets, kept as a test: every token shape that gitleaks, trufflehog,
 * detect-secrets and secretlint detect ({@link Fakes#SHAPES}, fake values made at test time) goes wherever it stands,
 * and a secret next to a secret-like name goes in every syntax real output uses (env dumps, YAML, TOML, INI,
 * .properties, XML, HTTP headers, HTTP and database clients' command lines, docker and kubectl, Java, Python and Node
 * object dumps, URL-encoded forms, JSON-escaped strings). What an operator needs on the same lines stays.
 */
class RuleCoverageTest {

    private final Fakes fakes = new Fakes(20261205L);

    /** Neutral places for a token: nothing around it says it is a secret, only its shape. */
    private static final List<String> NEUTRAL = List.of(
            "request to https://api.partner.example/v1/sync failed after 3 retries using %s (HTTP 401)",
            "{\"level\":\"error\",\"data\":\"%s\",\"attempt\":2}",
            "  at Object.<anonymous> (tests/sync.spec.ts:42:7) value was '%s'",
            "received %s\nnext line");

    @Test
    void everyTokenShapeOfThePublicRuleSetsGoesWhereverItStands() {
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> shape : Fakes.SHAPES.entrySet()) {
            for (String context : NEUTRAL) {
                Fakes.Fake f = fakes.shape(shape.getValue());
                String line = String.format(context, f.value());
                String out = Redactor.standard().redact(line);
                if (RedactionCorpus.leaks(f, out)) {
                    leaks.add(shape.getKey() + ": " + out);
                }
                assertTrue(out.contains("https://api.partner.example/v1/sync") || !line.contains("partner"), out);
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** A line in a real syntax: {P} a password, {S} a random secret, {B} base64 of a password, {K} a long base64 key. */
    private record Syntax(String name, String template, String keep) {
    }

    private static final List<Syntax> SYNTAXES = List.of(
            // environment dumps
            new Syntax("env", "DB_PASSWORD={P}\nDB_HOST=db.internal.acme.net", "DB_HOST=db.internal.acme.net"),
            new Syntax("bash declare", "declare -x API_TOKEN=\"{S}\"\ndeclare -x HOME=\"/home/ci\"", "HOME=\"/home/ci\""),
            new Syntax("export", "export STRIPE_WEBHOOK_SECRET='{S}'", "STRIPE_WEBHOOK_SECRET"),
            new Syntax("windows set", "C:\\ci> set SMTP_PASSWORD={P}", "SMTP_PASSWORD"),
            new Syntax("vendor key", "ALGOLIA_ADMIN_KEY={S} ALGOLIA_APP_ID=XK3PQ9", "ALGOLIA_APP_ID=XK3PQ9"),
            new Syntax("fernet key", "FERNET_KEY: {K}", "FERNET_KEY"),
            // YAML
            new Syntax("yaml", "database:\n  host: db.internal.acme.net\n  password: {P}", "host: db.internal.acme.net"),
            new Syntax("yaml quoted", "    password: \"{P}\"\n    port: 5432", "port: 5432"),
            new Syntax("yaml single", "  client_secret: '{S}'", "client_secret"),
            new Syntax("yaml block", "auth:\n  token: >-\n    {S}\n  url: https://auth.acme.net", "url: https://auth.acme.net"),
            new Syntax("yaml literal", "private_token: |\n  {S}\nregion: eu-west-1", "region: eu-west-1"),
            new Syntax("k8s env", "env:\n- name: DB_PASSWORD\n  value: {P}\n- name: LOG_LEVEL\n  value: debug", "value: debug"),
            new Syntax("k8s env quoted", "  - name: API_TOKEN\n    value: \"{S}\"", "API_TOKEN"),
            new Syntax("k8s secret data", "kind: Secret\ndata:\n  password: {B}\n  tls.key: {K}\n  .dockerconfigjson: {K}",
                    "kind: Secret"),
            // TOML, INI, .properties
            new Syntax("toml", "[database]\nhost = \"db.internal.acme.net\"\npassword = \"{P}\"", "db.internal.acme.net"),
            new Syntax("toml literal", "token = '{S}'", "token"),
            new Syntax("toml multiline", "api_key = \"\"\"{S}\"\"\"\ntimeout = 30", "timeout = 30"),
            new Syntax("ini", "[smtp]\nserver = mail.acme.net\npassword = {P}", "server = mail.acme.net"),
            new Syntax("ini colon", "pass : {P}", "pass"),
            new Syntax("properties", "spring.datasource.password={P}\nspring.datasource.url=jdbc:postgresql://db:5432/orders",
                    "jdbc:postgresql://db:5432/orders"),
            new Syntax("properties colon", "db.password: {P}", "db.password"),
            new Syntax("properties blank", "spring.datasource.url=jdbc:oracle:thin:@//db:1521/ORCL\nspring.datasource.password {P}\n"
                    + "spring.datasource.username app", "spring.datasource.username app"),
            new Syntax("properties tab", "  app.api-token\t{S}", "app.api-token"),
            // XML
            new Syntax("xml add key", "<add key=\"ClearTextPassword\" value=\"{P}\" />\n<add key=\"Username\" value=\"ci\" />",
                    "value=\"ci\""),
            new Syntax("xml property", "<property name=\"password\" value=\"{P}\"/>", "property name=\"password\""),
            new Syntax("xml element", "<server><id>nexus</id><username>ci</username><password>{P}</password></server>",
                    "<id>nexus</id>"),
            new Syntax("xml attribute", "<Credentials apiKey=\"{S}\" region=\"eu-west-1\"/>", "region=\"eu-west-1\""),
            new Syntax("connection string", "<connectionString value=\"Server=db;User Id=sa;Password={P};\"/>", "Server=db"),
            // HTTP headers
            new Syntax("bearer", "> Authorization: Bearer {S}\n> Host: api.acme.net", "Host: api.acme.net"),
            new Syntax("basic", "authorization: Basic {B}", "authorization: Basic"),
            new Syntax("api key header", "X-Api-Key: {S}", "X-Api-Key"),
            new Syntax("cookie", "Cookie: sessionid={S}; theme=dark", "theme=dark"),
            new Syntax("set-cookie", "< Set-Cookie: connect.sid={S}; Path=/; HttpOnly", "Path=/"),
            new Syntax("proxy auth", "Proxy-Authorization: Basic {B}", "Proxy-Authorization"),
            new Syntax("gitlab header", "PRIVATE-TOKEN: {S}", "PRIVATE-TOKEN"),
            new Syntax("vault header", "X-Vault-Token: {S}", "X-Vault-Token"),
            new Syntax("azure header", "api-key: {S}", "api-key"),
            // curl, wget, httpie
            new Syntax("curl -u", "curl -u ci-runner:{P} https://ci.acme.net/api", "https://ci.acme.net/api"),
            new Syntax("curl --user", "curl --user 'ci:{P}' https://ci.acme.net/api", "ci.acme.net"),
            new Syntax("curl header", "curl -H 'Authorization: token {S}' https://api.github.com/repos", "api.github.com"),
            new Syntax("curl oauth2", "curl --oauth2-bearer {S} https://api.acme.net/v1", "api.acme.net"),
            new Syntax("curl form", "curl -d 'grant_type=password&username=ci&password={P}' https://auth.acme.net/token",
                    "grant_type=password"),
            new Syntax("curl urlencode", "curl --data-urlencode 'client_secret={S}' https://auth.acme.net", "auth.acme.net"),
            new Syntax("wget", "wget --http-user=ci --http-password={P} https://files.acme.net/a.tgz", "files.acme.net"),
            new Syntax("wget header", "wget --header=\"Authorization: Bearer {S}\" https://files.acme.net", "files.acme.net"),
            new Syntax("httpie -a", "http -a ci:{P} POST https://api.acme.net/x", "api.acme.net"),
            new Syntax("httpie field", "http POST https://api.acme.net/login username=ci password={P}", "username=ci"),
            new Syntax("httpie header", "http https://api.acme.net X-API-Token:{S}", "api.acme.net"),
            new Syntax("xh auth", "xh --auth ci:{P} get https://api.acme.net", "api.acme.net"),
            // database clients
            new Syntax("pgpassword", "PGPASSWORD={P} psql -h db.internal.acme.net -U app orders", "db.internal.acme.net"),
            new Syntax("psql url", "psql \"postgresql://app:{P}@db.acme.net:5432/orders?sslmode=require\"",
                    "@db.acme.net:5432/orders?sslmode=require"),
            new Syntax("psql conninfo", "psql \"host=db.acme.net user=app password={P} dbname=orders\"", "dbname=orders"),
            new Syntax("mysql -p", "mysql -u root -p{P} -h db.acme.net orders", "db.acme.net"),
            new Syntax("mysql --password", "mysql --user=root --password={P} orders", "--user=root"),
            new Syntax("mysqldump quoted", "mysqldump -uroot -p'{P}' orders > dump.sql", "dump.sql"),
            new Syntax("mongosh url", "mongosh \"mongodb+srv://app:{P}@cluster0.x7kqp.mongodb.net/orders\"",
                    "cluster0.x7kqp.mongodb.net/orders"),
            new Syntax("mongosh flags", "mongosh --username app --password {P} --authenticationDatabase admin", "admin"),
            new Syntax("mongo -p", "mongo -u app -p {P} orders", "orders"),
            new Syntax("sqlplus", "sqlplus -S -L scott/{P}@//db.acme.net:1521/ORCLPDB1", "scott/"),
            new Syntax("sqlplus service", "sqlplus system/{P}@orclpdb1 @deploy.sql", "@orclpdb1 @deploy.sql"),
            new Syntax("sqlplus no connect", "sqlplus -s app/{P} @run.sql > out/run.log", "out/run.log"),
            new Syntax("rman", "rman target sys/{P}@prod catalog rcat/{P}@rcatdb", "@prod catalog rcat/"),
            new Syntax("rman prompt", "RMAN> CONNECT TARGET sys/{P}@prod", "@prod"),
            new Syntax("dgmgrl prompt", "DGMGRL> connect sys/{P}@prim", "@prim"),
            new Syntax("sqlplus prompt", "SQL> conn scott/{P}", "SQL> conn scott/"),
            // directory, Windows and Redis clients (session 6's collection)
            new Syntax("ldapsearch", "ldapsearch -x -H ldap://ldap.acme.net -D cn=admin,dc=acme,dc=net -w {P} -b dc=acme,dc=net",
                    "cn=admin,dc=acme,dc=net"),
            new Syntax("net use", "net use Z: \\\\fs01\\builds /user:ACME\\ci {P} /persistent:no", "\\\\fs01\\builds"),
            new Syntax("powershell", "$c = ConvertTo-SecureString '{P}' -AsPlainText -Force", "-AsPlainText -Force"),
            new Syntax("redis monitor", "1715680000.1 [0 unix:/run/redis.sock] \"AUTH\" \"{P}\"", "unix:/run/redis.sock"),
            new Syntax("redis.conf", "bind 0.0.0.0\nrequirepass {P}", "bind 0.0.0.0"),
            new Syntax("actuator env", "\"spring.datasource.password\": {\"value\": \"{P}\", \"origin\": \"application.yml\"}",
                    "application.yml"),
            new Syntax("erlang cookie", "RABBITMQ_ERLANG_COOKIE={S}\nRABBITMQ_NODENAME=rabbit@mq-0", "rabbit@mq-0"),
            new Syntax("geoip.conf", "AccountID 123456\nLicenseKey {S}", "AccountID 123456"),
            new Syntax("vault table", "Key         Value\n---         -----\npassword    {P}\nusername    app", "username    app"),
            new Syntax("pgpass", "db.acme.net:5432:orders:app:{P}", "db.acme.net:5432:orders:app:"),
            new Syntax("password-stdin", "echo '{P}' | docker login -u ci --password-stdin ghcr.io", "ghcr.io"),
            new Syntax("sudo -S", "echo {P} | sudo -S systemctl restart app", "systemctl restart app"),
            new Syntax("generated password", "A temporary password is generated for root@localhost: {P}", "root@localhost"),
            new Syntax("expdp", "expdp hr/{P}@pdb1 directory=DATA_PUMP_DIR dumpfile=hr.dmp", "hr/"),
            new Syntax("impdp userid", "impdp userid=system/{P}@db.acme.net:1521/ORCL schemas=hr",
                    "@db.acme.net:1521/ORCL schemas=hr"),
            new Syntax("sqlldr userid", "sqlldr userid=scott/{P}@orcl control=load.ctl", "control=load.ctl"),
            new Syntax("dgmgrl", "dgmgrl sys/{P}@primary \"show configuration\"", "@primary"),
            new Syntax("oracle jdbc", "jdbc:oracle:thin:scott/{P}@dbhost:1521:ORCL", "@dbhost:1521:ORCL"),
            new Syntax("redis-cli -a", "redis-cli -h cache.acme.net -a {P} ping", "cache.acme.net"),
            new Syntax("redis-cli url", "redis-cli -u redis://default:{P}@cache.acme.net:6379", "cache.acme.net:6379"),
            new Syntax("redis-cli pass", "redis-cli --user app --pass {P}", "--user app"),
            new Syntax("redis config set", "redis-cli CONFIG SET requirepass {P}", "CONFIG SET"),
            new Syntax("aws configure set", "aws configure set aws_secret_access_key {S}", "aws configure set"),
            new Syntax("git config", "git config --global user.password {P}", "git config"),
            // docker, kubectl
            new Syntax("docker run -e", "docker run -e DB_PASSWORD={P} -e API_TOKEN={S} registry.acme.io/app:1.4.2",
                    "registry.acme.io/app:1.4.2"),
            new Syntax("docker --env", "docker run --env 'PASSWORD={P}' app", "app"),
            new Syntax("docker inspect", "\"Env\": [\"DB_PASSWORD={P}\", \"PATH=/usr/local/bin\"]", "PATH=/usr/local/bin"),
            new Syntax("kubectl literal", "kubectl create secret generic db --from-literal=password={P} -n prod", "-n prod"),
            new Syntax("kubectl literal quoted", "kubectl create secret generic api --from-literal=API_TOKEN='{S}'", "api"),
            new Syntax("kubectl registry", "kubectl create secret docker-registry regcred --docker-server=ghcr.io "
                    + "--docker-username=ci --docker-password={P}", "--docker-server=ghcr.io"),
            new Syntax("kubectl set env", "kubectl set env deploy/api API_KEY={S}", "deploy/api"),
            // object dumps
            new Syntax("java toString", "User{id=42, email='ops@acme.net', password='{P}'}", "id=42"),
            new Syntax("lombok", "DataSourceProperties(url=jdbc:postgresql://db:5432/orders, username=app, password={P})",
                    "jdbc:postgresql://db:5432/orders"),
            new Syntax("java map", "{password={P}, user=app}", "user=app"),
            new Syntax("java record", "Credentials[username=app, password={P}]", "username=app"),
            new Syntax("python namespace", "Namespace(api_key='{S}', verbose=True)", "verbose=True"),
            new Syntax("python dict", "{'password': '{P}', 'user': 'app'}", "'user': 'app'"),
            new Syntax("python environ", "environ({'AWS_SECRET_ACCESS_KEY': '{S}', 'HOME': '/root'})", "'HOME': '/root'"),
            new Syntax("node object", "{ password: '{P}', user: 'app' }", "user: 'app'"),
            new Syntax("node map", "Map(2) { 'apiKey' => '{S}', 'region' => 'eu-west-1' }", "'region' => 'eu-west-1'"),
            new Syntax("node null proto", "[Object: null prototype] { token: '{S}' }", "null prototype"),
            new Syntax("node headers", "headers: { Authorization: 'Bearer {S}', accept: 'application/json' }",
                    "accept: 'application/json'"),
            new Syntax("ruby hash", "{:password=>\"{P}\", :host=>\"db\"}", ":host=>\"db\""),
            new Syntax("go struct", "{User:app Password:{P} Host:db}", "Host:db"),
            // URL-encoded forms
            new Syntax("form body", "POST /login body: username=app&password={P}&remember=1", "remember=1"),
            new Syntax("encoded redirect", "redirect_uri=https%3A%2F%2Fapp.acme.net%2Fcb%3Ftoken%3D{S}", "app.acme.net"),
            new Syntax("encoded json", "state=%7B%22password%22%3A%22{P}%22%7D", "state="));

    @Test
    void aSecretNextToASecretNameGoesInEverySyntaxRealOutputUses() {
        List<String> failures = new ArrayList<>();
        for (Syntax syntax : SYNTAXES) {
            Fakes.Fake p = fakes.make("PASSWORD");
            Fakes.Fake secret = fakes.shape("#A32");
            Fakes.Fake key = fakes.shape("#B44");
            String b64 = Base64.getEncoder().encodeToString(p.value().getBytes(StandardCharsets.UTF_8));
            String line = syntax.template().replace("{P}", p.value()).replace("{S}", secret.value())
                    .replace("{B}", b64).replace("{K}", key.value());
            for (Redactor redactor : List.of(Redactor.standard(), Redactor.atRest())) {
                String out = redactor.redact(line);
                for (Fakes.Fake f : List.of(p, secret, key, Fakes.Fake.secret(b64))) {
                    if (line.contains(f.value()) && RedactionCorpus.leaks(f, out)) {
                        failures.add(syntax.name() + " leaks " + f.value() + " in: " + out);
                    }
                }
                if (!out.contains(syntax.keep())) {
                    failures.add(syntax.name() + " loses \"" + syntax.keep() + "\" in: " + out);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aSecretHoldingAQuoteOrABackslashGoesWholeFromAJsonReport() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String raw = fakes.shape("#A6").value() + (i % 2 == 0 ? "\"" : "\\") + fakes.shape("#A5").value() + "\\"
                    + "\"" + fakes.shape("#A6").value();
            String once = json(raw);
            String twice = json(once);
            List<String> lines = List.of(
                    "{\"config\":{\"password\":\"" + once + "\",\"host\":\"db.acme.net\"}}",
                    "{\"message\":\"connecting with password=" + once + " to db.acme.net\"}",
                    "{\"stderr\":\"DB_PASSWORD=" + once + " ./run.sh --host db.acme.net\"}",
                    "{\"body\":\"{\\\"password\\\":\\\"" + twice + "\\\",\\\"host\\\":\\\"db.acme.net\\\"}\"}",
                    "{\"log\":\"login form: {\\\"user\\\":\\\"ci\\\",\\\"password\\\":\\\"" + twice + "\\\"} db.acme.net\"}");
            for (String line : lines) {
                String out = Redactor.standard().redact(line);
                for (String piece : pieces(raw, once, twice)) {
                    if (out.contains(piece)) {
                        failures.add("leaks " + piece + " in: " + out);
                    }
                }
                if (!out.contains("db.acme.net")) {
                    failures.add("loses the host in: " + out);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** {@code s} as a JSON string's content. */
    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The random runs of the secret, in each spelling: what must not come through. */
    private static List<String> pieces(String... spellings) {
        List<String> out = new ArrayList<>();
        for (String s : spellings) {
            for (String run : s.split("[\\\\\"]+")) {
                if (run.length() >= 5) {
                    out.add(run);
                }
            }
        }
        return out;
    }
}
