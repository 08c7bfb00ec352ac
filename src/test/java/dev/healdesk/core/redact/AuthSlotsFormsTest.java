package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A credential in the slot of a call or a command whose NAME says authentication (redact58, {@link AuthSlots}, the
 * table's {@code authSlots}): calls and tools that no table of signatures names, in many languages and CLIs, and the
 * counter-examples that must come through as they are: the same calls with variables, e-mail addresses, hosts, user
 * names, regions and scopes; test names and prose that mention a login; a socket's {@code connect("localhost", 5432)};
 * a sentence that says "could not connect". The secrets are made here at random.
 */
class AuthSlotsFormsTest {

    private final Random random = new Random(58_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    /** A password as people choose one: small letters, a sign, digits and a capital. */
    private String password() {
        return FormChecks.token(random, 5).toLowerCase() + "#" + FormChecks.digits(random, 3, '1', 9) + "Qz";
    }

    /** A generated token: letters and digits. */
    private String token() {
        return "Kq7" + FormChecks.token(random, 25);
    }

    @Test
    void everyCallWordOfTheTableTakesACredentialAfterAUserAndKeepsTheUser() {
        List<AuthSlots.Row> rows = RuleTable.load().authSlots();
        assertTrue(rows.stream().filter(r -> r.part().equals("calls")).count() >= 5, "rows: " + rows);
        for (AuthSlots.Row r : rows) {
            if (!r.part().equals("calls")) {
                continue;
            }
            for (String word : r.words()) {
                // camelCase, snake_case and PascalCase spellings of the word inside a longer name
                String camel = "try" + Character.toUpperCase(word.charAt(0)) + word.substring(1) + "Now";
                String snake = "do_" + word + "_now";
                String pascal = Character.toUpperCase(word.charAt(0)) + word.substring(1) + "Helper";
                for (String name : List.of(camel, snake, pascal)) {
                    String pw = password();
                    String line = "    result = client." + name + "(\"svc-deploy\", \"" + pw + "\", \"eu-west-1\")";
                    FormChecks.gone(redactor, line, pw, "client." + name + "(\"svc-deploy\", \"", "\"eu-west-1\")");
                    FormChecks.gone(atRest, line, pw, "\"svc-deploy\"");
                    // variables, a placeholder and an environment look-up in the same slot
                    FormChecks.untouched(redactor, "    result = client." + name + "(\"svc-deploy\", secret, \"eu-west-1\")");
                    FormChecks.untouched(redactor, "    result = client." + name + "(\"svc-deploy\", \"${DB_PASSWORD}\")");
                    FormChecks.untouched(redactor, "    result = client." + name + "(user, os.environ[\"DB_PASSWORD\"])");
                    if (r.loginShape()) {
                        // a connection's or a bind's word alone is no login: a lone literal stays
                        FormChecks.untouched(redactor, "    result = client." + name + "(\"" + pw + "\")");
                    }
                }
            }
        }
    }

    @Test
    void callsInEveryLanguageLoseTheirCredentialAndKeepTheIdentity() {
        for (int k = 0; k < 4; k++) {
            String pw = password();
            String tok = token();
            // Python: a traceback's source line, three arguments, bytes
            FormChecks.gone(redactor, "  File \"/app/tests/test_sync.py\", line 41, in setUp\n"
                    + "    self.session = portal.login_user(\"qa-bot\", \"" + pw + "\", \"eu\")", pw,
                    "portal.login_user(\"qa-bot\", \"", "\"eu\")", "test_sync.py");
            FormChecks.gone(redactor, "    vault.unlock_store(b'" + pw + "')", pw, "vault.unlock_store(b'");
            // JavaScript / TypeScript: Firebase's helper, a code frame over lines
            FormChecks.gone(redactor, "    at Object.<anonymous> (test/auth.spec.ts:18:11)\n"
                    + "  > 18 |   await signInWithEmailAndPassword(auth, 'qa@example.com', '" + pw + "');", pw,
                    "'qa@example.com'", "test/auth.spec.ts:18:11");
            FormChecks.gone(redactor, "  16 |   const session = await api.createSessionForLogin(\n  17 |     'svc-e2e',\n"
                    + "> 18 |     '" + pw + "',\n  19 |     { remember: true }\n  20 |   );", pw, "'svc-e2e'", "remember: true");
            // Java: a char array, and a builder's token
            FormChecks.gone(redactor, "\tat com.acme.it.LoginIT.setUp(LoginIT.java:33): keystore.unlockWith(\"ops\", \""
                    + pw + "\".toCharArray());", pw, "LoginIT.java:33", "\"ops\"", "\".toCharArray());");
            FormChecks.gone(redactor, "    GitLabClient client = GitLabClient.builder().withToken(\"" + tok + "\").build();", tok,
                    "GitLabClient.builder().withToken(\"", "\").build();");
            // Kotlin and C#
            FormChecks.gone(redactor, "    val session = gateway.authenticateUser(\"billing\", \"" + pw + "\", 30)", pw,
                    "authenticateUser(\"billing\", \"", "\", 30)");
            FormChecks.gone(redactor, "   at Tests.SmokeTests.Setup() in SmokeTests.cs:line 22: var cred = new"
                    + " ServiceCredentials(\"svc_reports\", \"" + pw + "\", \"contoso.local\");", pw,
                    "\"svc_reports\"", "\"contoso.local\"", "SmokeTests.cs:line 22");
            // Go: a method named with Login inside
            FormChecks.gone(redactor, "\tclient_test.go:27: c.LoginUser(\"acme\", \"deployer\", \"" + pw + "\")", pw,
                    "c.LoginUser(\"acme\", \"deployer\", \"", "client_test.go:27");
            // Ruby: a bang method; PHP; Rust's macro; Swift
            FormChecks.gone(redactor, "    # ./spec/support/session.rb:9: api.sign_in!(\"reporter\", \"" + pw + "\")", pw,
                    "api.sign_in!(\"reporter\", \"");
            FormChecks.gone(redactor, "#1 /var/www/src/Client.php(44): Acme\\Sdk->authenticate('integrations', '" + pw
                    + "', 'https://api.acme.dev')", pw, "'integrations'", "'https://api.acme.dev'");
            FormChecks.gone(redactor, "   --> tests/smoke.rs:12:5 let s = login!(\"ci\", \"" + pw + "\");", pw, "login!(\"ci\", \"");
            FormChecks.gone(redactor, "    try await client.logIn(username: \"qa\", \"" + pw + "\")", pw, "username: \"qa\"");
            // a constructor or a factory of a type named for a login: Ruby's .new, Java's .of
            FormChecks.gone(redactor, "    # spec/api_spec.rb:14: client = Acme::LoginSession.new('svc-api', '" + pw + "', 'eu')",
                    pw, "Acme::LoginSession.new('svc-api', '", "'eu')");
            FormChecks.gone(redactor, "    var creds = ServiceCredentials.of(\"reporting\", \"" + tok + "\", 30);", tok,
                    "ServiceCredentials.of(\"reporting\", \"", "\", 30);");
            // a connection's word with a login's shape: a host and a user before the password
            FormChecks.gone(redactor, "    conn = warehouse.connect(\"wh.internal\", \"etl_loader\", \"" + pw + "\")", pw,
                    "\"wh.internal\", \"etl_loader\", \"");
            FormChecks.gone(redactor, "    client.bind(\"cn=admin,dc=example,dc=org\", \"" + pw + "\", cb)", pw,
                    "\"cn=admin,dc=example,dc=org\"", "cb)");
            FormChecks.gone(atRest, "    client.bind(\"cn=admin,dc=example,dc=org\", \"" + pw + "\", cb)", pw);
        }
    }

    @Test
    void callsWithVariablesIdentitiesAndTestNamesStayAsTheyAre() {
        for (String line : List.of(
                "    loginButton.click()",
                "    session = LoginSession.new(user, password)",
                "    creds = Credentials.from(\"prod/billing/db\")",
                "    list = Collections.of(\"Xk9pLm2Qz7\")",
                "    await page.locator('#login').fill(username)",
                "    conn = socket.connect(\"localhost\", 5432)",
                "    connect(\"localhost\", 5432)",
                "    assertLoginFails(\"alice\")",
                "    assertLoginFails(\"alice@example.com\", \"wrong\")",
                "    client.login(username, password)",
                "    client.login(os.environ[\"BOT_TOKEN\"])",
                "    client.login(process.env.DISCORD_TOKEN)",
                "    auth.login(\"alice@example.com\", password)",
                "    authorize(\"read:orders\", \"write:orders\")",
                "    authorize(user, \"orders.write\")",
                "    useAuth(\"https://auth.example.com/oauth/token\")",
                "    signIn(\"google\", { callbackUrl: \"/dashboard\" })",
                "    connect(\"amqp://rabbit.internal:5672/\")",
                "    login(\"Administrator\", \"password\")",
                "    loginAs(\"qa-user-07\")",
                "    login(\"svc-deploy\", \"<your-password>\")",
                "    web3.eth.personal.unlockAccount(\"0xb117a8bc3ecf2c3f006b89da6826e49b4193977a\", passphrase, 600)",
                "    getCredentials(\"prod/billing/db\")",
                "    authenticate(locale, \"en-US\", \"europe-west1\", \"Europe/Berlin\")",
                "    fn.bind(this, \"handler\")",
                "    element.bind(\"click\", onLoginClicked)",
                "    ldap.bind(\"cn=admin,dc=example,dc=org\", secret)",
                "    setTokenExpiry(\"3600\")",
                "    test_login_with_invalid_password (tests.test_auth.LoginTest) ... FAIL",
                "  it('should login with valid credentials', async () => {",
                "    LoginPage.login(\"standard_user\", \"secret_sauce\")",
                "    authenticate(\"svc01\", \"node3\")")) {
            FormChecks.untouched(redactor, line);
        }
    }

    @Test
    void authSubcommandsOfToolsNoTableNamesLoseTheirCredential() {
        for (int k = 0; k < 4; k++) {
            String pw = password();
            String tok = token();
            FormChecks.gone(redactor, "$ heroku auth:login ci@example.com " + pw, pw, "heroku auth:login ci@example.com");
            FormChecks.gone(redactor, "+ mytool login deployer " + pw, pw, "mytool login deployer");
            FormChecks.gone(redactor, "$ acme auth login --user bob -p " + pw, pw, "acme auth login --user bob -p");
            FormChecks.gone(redactor, "$ onepw unlock " + pw, pw, "onepw unlock");
            FormChecks.gone(redactor, "$ wg-tool connect vpn.example.com bob " + pw, pw, "vpn.example.com bob");
            FormChecks.gone(redactor, "$ vendor-cli authenticate -t " + tok, tok, "vendor-cli authenticate -t");
            FormChecks.gone(redactor, "RUN ./bin/registry-cli login registry.acme.dev -u ci -w " + pw + " && make", pw,
                    "registry.acme.dev -u ci -w", "&& make");
            FormChecks.gone(redactor, "sudo nmcli device wifi connect HomeLab5G password " + pw, pw, "HomeLab5G password");
            FormChecks.gone(redactor, "$ tsctl signin --tenant acme " + tok, tok, "tsctl signin --tenant acme");
            FormChecks.gone(redactor, "$ quay-cli logon -k '" + tok + "' quay.acme.dev", tok, "quay.acme.dev");
            FormChecks.gone(redactor, "$ sftp-sync sign-in ops " + pw + " | tee log.txt", pw, "sign-in ops", "| tee log.txt");
            FormChecks.gone(atRest, "$ mytool login deployer " + pw, pw, "mytool login deployer");
        }
    }

    @Test
    void commandLinesAndSentencesWithoutACredentialStay() {
        for (String line : List.of(
                "$ npm run test -- --grep login",
                "$ pytest -k login tests/",
                "$ acme login --sso",
                "$ heroku auth:login --sso",
                "$ az login --tenant 72f988bf-86f1-41af-91ab-2d7cd011db47",
                "$ gcloud auth login ci-deployer@initech-ci-203.iam.gserviceaccount.com",
                "$ acme login -t 30",
                "$ adb connect 192.168.1.5:5555",
                "$ ssh-agent connect /tmp/agent.sock",
                "$ mytool login eu-west-1 svc-deploy",
                "$ git commit -m \"fix login Xk9pL2mQ7rT5\"",
                "could not connect to server: Connection refused (0x0000274D/10061)",
                "INFO auth login succeeded",
                "2024-06-01 12:00:01 audit: acme login deployer accepted (session 42)",
                "then run the login command again",
                "$ acme login deployer hunter2")) {
            FormChecks.untouched(redactor, line);
        }
    }

    @Test
    void identitiesAreWordsHostsAddressesAndPathsAndCredentialsAreNot() {
        for (String id : List.of("svc-deploy", "ci_runner01", "us-east-1", "read:orders", "en-US",
                "cn=admin,dc=example,dc=org", "db.internal", "10.0.4.12", "qa@example.com", "https://api.acme.dev",
                "/etc/app/key.pem", "0xb117a8bc3ecf2c3f006b89da6826e49b4193977a", "Administrator", "BILLING",
                "123e4567-e89b-12d3-a456-426614174000")) {
            assertTrue(AuthSlots.identity(id, 0, id.length()), id);
        }
        for (int k = 0; k < 8; k++) {
            String pw = password();
            String tok = token();
            assertFalse(AuthSlots.identity(pw, 0, pw.length()), pw);
            assertFalse(AuthSlots.identity(tok, 0, tok.length()), tok);
        }
        // letters that spell nothing are no user's name
        assertFalse(AuthSlots.identity("kqzjxwvbnmlpfhrtd", 0, 17));
        assertFalse(AuthSlots.identity("Maple2619.vg", 0, 12));
    }

    @Test
    void aRowNeedsWordsOfItsPartsShapeAndNamesItselfWhenItHasNone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuthSlots(List.of(
                new AuthSlots.Row("short-word", "calls", List.of("auth", "in"), false))));
        assertTrue(e.getMessage().contains("short-word"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AuthSlots(List.of(
                new AuthSlots.Row("capitals", "calls", List.of("Login"), false))));
        assertThrows(IllegalArgumentException.class, () -> new AuthSlots(List.of(
                new AuthSlots.Row("flag", "flags", List.of("--password"), false))));
        assertThrows(IllegalArgumentException.class, () -> new AuthSlots(List.of(
                new AuthSlots.Row("part", "headers", List.of("login"), false))));
        assertThrows(IllegalArgumentException.class, () -> new AuthSlots(List.of(
                new AuthSlots.Row("empty", "commands", List.of(), false))));
    }
}
