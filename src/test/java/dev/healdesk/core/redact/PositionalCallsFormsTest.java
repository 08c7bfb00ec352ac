package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret given by position to a well-known call (redact52, {@link PositionalCalls}, the table's
 * {@code positionalCalls}): each row of the table as its signature says, then the source lines of tracebacks, code
 * frames, assertion diffs and test logs in each mainstream language, with counter-examples that must come through as
 * they are: the same call with a variable, an environment look-up, a placeholder or {@code None} at that place, a
 * region or a host where a name alone is ambiguous, a call of another object, and prose that names the call. The secrets
 * are made here at random.
 */
class PositionalCallsFormsTest {

    private final Random random = new Random(52_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String key() {
        return "Kq7" + FormChecks.token(random, 21);
    }

    private String password() {
        return FormChecks.token(random, 4).toLowerCase() + "bird" + FormChecks.digits(random, 2, '1', 9);
    }

    /** The call {@code name} with {@code n} arguments: variables, a port's 22 at {@code numberAt}, {@code value} at {@code at}. */
    private static String call(String name, int n, int at, String value, int numberAt) {
        StringBuilder b = new StringBuilder(name.startsWith(".") ? "client" : "").append(name).append('(');
        for (int k = 1; k <= n; k++) {
            b.append(k > 1 ? ", " : "").append(k == at ? value : k == numberAt ? "22" : "a" + k);
        }
        return b.append(')').toString();
    }

    @Test
    void everyRowOfTheTableTakesTheLiteralAtItsPositionAndKeepsAVariable() {
        List<PositionalCalls.Row> rows = RuleTable.load().positionalCalls();
        assertTrue(rows.size() >= 40, "rows: " + rows.size());
        for (PositionalCalls.Row r : rows) {
            for (String name : r.calls()) {
                String secret = key();
                int n = Math.max(r.position(), r.numberAt()) + 1;
                if (r.most() > 0) {
                    n = Math.min(n, r.most());   // a call that takes that many arguments at most (discord's login)
                }
                String line = "    result = " + call(name, n, r.position(), "'" + secret + "'", r.numberAt());
                FormChecks.gone(redactor, line, secret, name + "(");
                FormChecks.gone(atRest, line, secret, name + "(");
                // a variable, an environment look-up, None at that place: nothing to take
                FormChecks.untouched(redactor, "    result = " + call(name, n, r.position(), "secret", r.numberAt()));
                FormChecks.untouched(redactor,
                        "    result = " + call(name, n, r.position(), "os.environ['SIGNING_KEY']", r.numberAt()));
                FormChecks.untouched(redactor, "    result = " + call(name, n, r.position(), "None", r.numberAt()));
                // a literal that only names an environment variable, or a placeholder
                FormChecks.untouched(redactor, "    result = " + call(name, n, r.position(), "'SIGNING_KEY'", r.numberAt()));
                FormChecks.untouched(redactor, "    result = " + call(name, n, r.position(), "'<your-key>'", r.numberAt()));
                // the word a README writes for a password (a call named for one, ssh.Password('…'), is SecretCalls')
                if (!name.toLowerCase().contains("password")) {
                    FormChecks.untouched(redactor, "    result = " + call(name, n, r.position(), "'password'", r.numberAt()));
                }
            }
        }
    }

    @Test
    void aRowNeedsAPositionAndCallsOfThreeCharacters() {
        assertThrows(IllegalArgumentException.class, () -> new PositionalCalls(List.of(new PositionalCalls.Row("r",
                List.of("jwt.sign"), 0, SecretKind.GENERIC_SECRET, "", 0, 0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PositionalCalls(List.of(
                new PositionalCalls.Row("short", List.of("f"), 1, SecretKind.GENERIC_SECRET, "", 0, 0))));
        assertTrue(e.getMessage().contains("short"), e.getMessage());
    }

    @Test
    void databaseConnectionsByPositionLoseTheirPassword() {
        for (int k = 0; k < 4; k++) {
            String pw = password();
            FormChecks.gone(redactor, "    conn = DriverManager.getConnection(url, \"app\", \"" + pw + "\");", pw,
                    "DriverManager.getConnection(url, \"app\", \"");
            FormChecks.gone(redactor, "  File \"app.py\", line 12, in <module>\n    db = pymysql.connect(\"db.internal\","
                    + " \"root\", \"" + pw + "\", \"shop\")", pw, "\"db.internal\"", "\"root\"", "\"shop\"");
            FormChecks.gone(redactor, "const sequelize = new Sequelize('shop', 'root', '" + pw
                    + "', { host: 'localhost', dialect: 'mysql' });", pw, "'shop', 'root', '", "dialect: 'mysql'");
            FormChecks.gone(redactor, "#0 /var/www/app.php(12): mysqli_connect('localhost', 'root', '" + pw + "', 'shop')",
                    pw, "'localhost', 'root', '", "'shop')");
            FormChecks.gone(redactor, "    con = cx_Oracle.connect(\"scott\", \"" + pw + "\", \"db.internal/ORCL\")", pw,
                    "\"scott\"", "\"db.internal/ORCL\"");
            FormChecks.gone(redactor, "    MongoCredential.createCredential(\"app\", \"admin\", \"" + pw
                    + "\".toCharArray());", pw, "\"app\", \"admin\", \"", "\".toCharArray());");
        }
    }

    @Test
    void aVariableOrAnEnvironmentLookUpInADatabaseCallStays() {
        FormChecks.untouched(redactor, "    conn = DriverManager.getConnection(url, user, password);");
        FormChecks.untouched(redactor, "    conn = DriverManager.getConnection(url, \"app\", System.getenv(\"DB_PASS\"));");
        FormChecks.untouched(redactor, "    conn = DriverManager.getConnection(url, props);");
        FormChecks.untouched(redactor, "    db = pymysql.connect(host, user, os.environ[\"DB_PASS\"], \"shop\")");
        FormChecks.untouched(redactor, "    db = pymysql.connect(\"db.internal\", \"root\", None, \"shop\")");
        FormChecks.untouched(redactor, "const sequelize = new Sequelize('shop', 'root', process.env.DB_PASS, { host: 'db' });");
        FormChecks.untouched(redactor, "const sequelize = new Sequelize('shop', 'root', null, { dialect: 'sqlite' });");
        FormChecks.untouched(redactor, "const sequelize = new Sequelize('postgres://localhost:5432/shop', { logging: false });");
        FormChecks.untouched(redactor, "    mysqli_connect('localhost', 'root', '', 'shop')");
        FormChecks.untouched(redactor, "    new mysqli($host, $user, $pass, $db)");
        // a format string's arguments and a call of a name that only ends like a known one
        FormChecks.untouched(redactor, "    String.format(\"jdbc: %s %s %s\", url, \"app\", \"x\")");
        FormChecks.untouched(redactor, "    myDriverManager.getConnection2(url, \"app\", \"" + password() + "\")");
    }

    @Test
    void signingKeysGoInEveryLanguage() {
        for (int k = 0; k < 4; k++) {
            String key = key();
            FormChecks.gone(redactor, "    at sign (/srv/app/auth.js:12:20)\n      jwt.sign({ sub: user.id }, '" + key
                    + "', { expiresIn: '1h' })", key, "{ sub: user.id }", "expiresIn: '1h'");
            FormChecks.gone(redactor, "    encoded = jwt.encode({\"sub\": \"1\"}, \"" + key + "\", algorithm=\"HS256\")", key,
                    "algorithm=\"HS256\"");
            FormChecks.gone(redactor, "    const sig = crypto.createHmac('sha256', '" + key + "').update(body).digest('hex');",
                    key, "'sha256'", ".update(body)");
            FormChecks.gone(redactor, "    assert hmac.new(b\"" + key + "\", body, \"sha256\").hexdigest() == sig", key,
                    "body, \"sha256\"");
            FormChecks.gone(redactor, "    mac = hmac.new(\"" + key + "\".encode(), msg, hashlib.sha256)", key, "msg, hashlib.sha256");
            FormChecks.gone(redactor, "\tmain.go:42: h := hmac.New(sha256.New, []byte(\"" + key + "\"))", key, "sha256.New");
            FormChecks.gone(redactor, "\ts, err := token.SignedString([]byte(\"" + key + "\"))", key, "[]byte(\"");
            FormChecks.gone(redactor, "   --> src/main.rs:12:5 let key = EncodingKey::from_secret(b\"" + key + "\");", key,
                    "EncodingKey::from_secret(b\"");
            FormChecks.gone(redactor, "    let mut mac = HmacSha256::new_from_slice(b\"" + key + "\").unwrap();", key, ".unwrap()");
            FormChecks.gone(redactor, "   at Program.Main() in Program.cs:line 14: var key = new SymmetricSecurityKey("
                    + "Encoding.UTF8.GetBytes(\"" + key + "\"));", key, "Encoding.UTF8.GetBytes(\"");
            FormChecks.gone(redactor, "    digest = OpenSSL::HMAC.hexdigest('SHA256', '" + key + "', payload)", key, "'SHA256'",
                    "payload)");
            FormChecks.gone(redactor, "    $sig = hash_hmac('sha256', $payload, '" + key + "');", key, "$payload");
            FormChecks.gone(redactor, "    $jwt = JWT::encode($payload, '" + key + "', 'HS256');", key, "'HS256'");
            FormChecks.gone(redactor, "    let key = SymmetricKey(data: Data(\"" + key + "\".utf8))", key, "SymmetricKey(data: Data(\"");
            FormChecks.gone(redactor, "    val algorithm = Algorithm.HMAC256(\"" + key + "\")", key, "Algorithm.HMAC256(\"");
            FormChecks.gone(redactor, "    val k = Keys.hmacShaKeyFor(\"" + key + "\".toByteArray())", key, ".toByteArray())");
            FormChecks.gone(redactor, "    f = Fernet(b'" + key + "')", key, "Fernet(b'");
            FormChecks.gone(redactor, "    app.use(cookieParser('" + key + "'));", key, "cookieParser('");
        }
    }

    @Test
    void aSigningKeyFromElsewhereStays() {
        FormChecks.untouched(redactor, "    jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '1h' })");
        FormChecks.untouched(redactor, "    encoded = jwt.encode(payload, key=SECRET, algorithm=\"HS256\")");
        FormChecks.untouched(redactor, "    encoded = jwt.encode(payload, settings.SECRET_KEY, algorithm=\"HS256\")");
        FormChecks.untouched(redactor, "    hmac.New(sha256.New, []byte(os.Getenv(\"KEY\")))");
        FormChecks.untouched(redactor, "    mac = hmac.new(os.environ[\"WEBHOOK_KEY\"].encode(), msg, hashlib.sha256)");
        FormChecks.untouched(redactor, "    f = Fernet(Fernet.generate_key())");
        FormChecks.untouched(redactor, "    EncodingKey::from_secret(secret.as_ref())");
        FormChecks.untouched(redactor, "    hash_hmac('sha256', 'payload', getenv('KEY'))");
        // a template with a part put in, a concatenation, a format: no literal secret
        FormChecks.untouched(redactor, "    jwt.sign(payload, `${prefix}-key`)");
        FormChecks.untouched(redactor, "    jwt.sign(payload, \"a\" + suffix)");
        FormChecks.untouched(redactor, "    jwt.sign(payload, \"{}\".format(x))");
        // a name that only ends like the call's, and prose or a test's name about the call
        FormChecks.untouched(redactor, "    myjwt.sign(payload, '" + key() + "')");
        FormChecks.untouched(redactor, "    test_jwt_sign_uses_the_configured_secret PASSED");
        FormChecks.untouched(redactor, "    it('calls jwt.sign with the key from config')");
        FormChecks.untouched(redactor, "    log.info(\"signing with jwt.sign(payload, key)\")");
    }

    @Test
    void serviceClientsLoseTheirKeyOrToken() {
        for (int k = 0; k < 4; k++) {
            String key = key();
            FormChecks.gone(redactor, "    sg = SendGridAPIClient('" + key + "')", key, "SendGridAPIClient('");
            FormChecks.gone(redactor, "const stripe = require('stripe')('" + key + "');", key, "require('stripe')('");
            FormChecks.gone(redactor, "    $client = new \\Stripe\\StripeClient('" + key + "');", key, "StripeClient('");
            FormChecks.gone(redactor, "const client = twilio(accountSid, '" + key + "');", key, "twilio(accountSid, '");
            FormChecks.gone(redactor, "    TwilioClient.Init(accountSid, \"" + key + "\");", key, "accountSid");
            FormChecks.gone(redactor, "const client = algoliasearch('ABCD1234EF', '" + key + "');", key, "'ABCD1234EF'");
            FormChecks.gone(redactor, "    client = SearchClient.create(\"ABCD1234EF\", \"" + key + "\")", key, "\"ABCD1234EF\"");
            FormChecks.gone(redactor, "const bot = new Telegraf('" + key + "');", key, "new Telegraf('");
            FormChecks.gone(redactor, "const web = new WebClient('" + key + "');", key, "new WebClient('");
            FormChecks.gone(redactor, "\tapi := slack.New(\"" + key + "\")", key, "slack.New(\"");
            FormChecks.gone(redactor, "    g = Github(\"" + key + "\")", key, "Github(\"");
            FormChecks.gone(redactor, "client.login('" + key + "');", key, "client.login('");
            String token = FormChecks.hexAfterA1(random, 32);
            FormChecks.gone(redactor, "mixpanel.init('" + token + "');", token, "mixpanel.init('");
            FormChecks.gone(redactor, "analytics.load(\"" + key + "\");", key, "analytics.load(\"");
            FormChecks.gone(redactor, "    client = Minio('minio.internal:9000', 'ci-access', '" + key + "', secure=False)", key,
                    "'minio.internal:9000', 'ci-access'", "secure=False");
            String tokenSecret = key();
            FormChecks.gone(redactor, "    h = tweepy.OAuth1UserHandler(consumer_key, '" + key + "', access_token, '"
                    + tokenSecret + "')", key, "consumer_key", "access_token");
            FormChecks.gone(redactor, "    h = tweepy.OAuth1UserHandler(consumer_key, '" + key + "', access_token, '"
                    + tokenSecret + "')", tokenSecret, "consumer_key", "access_token");
            FormChecks.gone(redactor, "    return AwsBasicCredentials.create(accessKeyId, \"" + key + "\");",
                    key, "accessKeyId");
        }
    }

    @Test
    void aServiceClientsOtherArgumentsAndLookAlikesStay() {
        FormChecks.untouched(redactor, "const client = algoliasearch('ABCD1234EF', process.env.ALGOLIA_KEY);");
        FormChecks.untouched(redactor, "const client = twilio(accountSid, authToken);");
        FormChecks.untouched(redactor, "const bot = new Telegraf(process.env.BOT_TOKEN);");
        // Bot( without a qualifier that makes it Telegram's
        FormChecks.untouched(redactor, "    bot = Bot(\"" + key() + "\")");
        // a WebClient, a login, an analytics call of another library: the value must look generated, one word, no URL
        FormChecks.untouched(redactor, "const web = new WebClient('https://slack.com/api/');");
        FormChecks.untouched(redactor, "    g = Github(\"octocat\")");
        FormChecks.untouched(redactor, "await client.login('admin', 'wrongpass');");
        FormChecks.untouched(redactor, "mixpanel.init('my project');");
        FormChecks.untouched(redactor, "analytics.track('Signed Up', '" + key() + "');");
        // a region where the secret would stand
        FormChecks.untouched(redactor, "    AwsBasicCredentials.create(accessKey, \"us-east-1\")");
        FormChecks.untouched(redactor, "    AwsBasicCredentials.create(accessKey, secretKey)");
    }

    @Test
    void loginsByPositionLoseTheirPassword() {
        for (int k = 0; k < 4; k++) {
            String pw = password();
            FormChecks.gone(redactor, "    g = Github(\"octocat\", \"" + pw + "\")", pw, "\"octocat\"");
            FormChecks.gone(redactor, "    new UsernamePasswordCredentials(\"admin\", \"" + pw + "\".toCharArray())", pw, "\"admin\"");
            FormChecks.gone(redactor, "    return new PasswordAuthentication(\"mailer\", \"" + pw + "\".toCharArray());", pw,
                    "\"mailer\"");
            FormChecks.gone(redactor, "    r = redis.Redis('localhost', 6379, 0, '" + pw + "')", pw, "'localhost', 6379, 0, '");
            FormChecks.gone(redactor, "    ftp = ftplib.FTP(\"ftp.example.org\", \"deploy\", \"" + pw + "\")", pw,
                    "\"ftp.example.org\"", "\"deploy\"");
            FormChecks.gone(redactor, "    ftp = Net::FTP.new('ftp.internal', 'deploy', '" + pw + "')", pw, "'deploy'");
            FormChecks.gone(redactor, "    ssh.connect('bastion', 22, 'deploy', '" + pw + "')", pw, "'bastion', 22, 'deploy'");
            FormChecks.gone(redactor, "\tauth := smtp.PlainAuth(\"\", user, \"" + pw + "\", \"smtp.example.com\")", pw,
                    "\"smtp.example.com\"");
            FormChecks.gone(redactor, "\tAuth: []ssh.AuthMethod{ssh.Password(\"" + pw + "\")}", pw, "ssh.Password(\"");
            FormChecks.gone(redactor, "    let resp = client.get(url).basic_auth(\"deploy\", Some(\"" + pw + "\")).send();", pw,
                    "\"deploy\"", "Some(\"");
            FormChecks.gone(redactor, "    Net::SMTP.start('smtp.example.com', 587, 'example.com', 'mailer', '" + pw
                    + "', :plain)", pw, "'smtp.example.com', 587, 'example.com', 'mailer'", ":plain)");
            FormChecks.gone(redactor, "    if (!ftp_login($conn, 'deploy', '" + pw + "')) {", pw, "'deploy'");
            FormChecks.gone(redactor, "    conn.simple_bind_s(\"cn=admin,dc=example,dc=org\", \"" + pw + "\")", pw,
                    "cn=admin,dc=example,dc=org");
            FormChecks.gone(redactor, "    c = pika.PlainCredentials('guest-admin', '" + pw + "')", pw, "'guest-admin'");
            FormChecks.gone(redactor, "    conn = ldap3.Connection(server, 'cn=admin,dc=example,dc=org', '" + pw
                    + "', auto_bind=True)", pw, "'cn=admin,dc=example,dc=org'", "auto_bind=True");
            FormChecks.gone(redactor, "    conn = SMBConnection('svc-backup', '" + pw + "', 'ci-runner', 'FILESRV01')", pw,
                    "'svc-backup'", "'ci-runner', 'FILESRV01'");
            // unittest.mock's failure names the mocked method alone
            FormChecks.gone(redactor, "E       AssertionError: expected call not found.\nE       Expected: connect('db.internal',"
                    + " 22, 'deploy', '" + pw + "')\nE         Actual: connect('db.internal', 22, 'deploy', 'x')", pw,
                    "Expected: connect('db.internal', 22, 'deploy', '");
        }
    }

    @Test
    void aLoginsOtherArgumentsStay() {
        FormChecks.untouched(redactor, "    new UsernamePasswordCredentials(\"admin\", password)");
        FormChecks.untouched(redactor, "    r = redis.Redis(\"cache.internal\", 6379, 0)");
        FormChecks.untouched(redactor, "    r = redis.Redis(\"cache.internal\", 6379, 0, None)");
        // no port's number second: not redis-py's order
        FormChecks.untouched(redactor, "    r = Redis(\"cache.internal\", \"6379\", \"db\", \"label\")");
        FormChecks.untouched(redactor, "    ftp = ftplib.FTP(\"ftp.example.org\")");
        FormChecks.untouched(redactor, "    ftp = FTP(host, user, passwd)");
        FormChecks.untouched(redactor, "    client.connect(\"10.0.0.5\", 22, \"deploy\")");
        FormChecks.untouched(redactor, "    client.connect(\"10.0.0.5\", \"deploy\", \"label\", \"value\")");
        FormChecks.untouched(redactor, "    socket.connect(\"10.0.0.5\", 22, \"deploy\", pw)");
        // a connect with no object before it and no mock's label: a word of prose
        FormChecks.untouched(redactor, "We expected connect('a', 22, 'b', 'cdefgh1') to fail");
        FormChecks.untouched(redactor, "    it(\"FTP(host, user, passwd) logs in\")");
        FormChecks.untouched(redactor, "    conn = ldap3.Connection(server, user_dn, password, auto_bind=True)");
        // a keyword argument where the password's place would be: counting stops there
        FormChecks.untouched(redactor, "    conn = ldap3.Connection(server, 'cn=admin', auto_bind=True, read_only='yes-please1')");
        FormChecks.untouched(redactor, "    c = pika.PlainCredentials('guest', os.environ['RABBIT_PASS'])");
    }

    @Test
    void theTablesRowsAreWellFormed() {
        for (PositionalCalls.Row r : RuleTable.load().positionalCalls()) {
            assertFalse(r.calls().isEmpty(), r.id());
            assertTrue(r.position() >= 1, r.id());
            assertEquals(r.calls().size(), r.calls().stream().distinct().count(), r.id() + " names a call twice");
        }
    }
}
