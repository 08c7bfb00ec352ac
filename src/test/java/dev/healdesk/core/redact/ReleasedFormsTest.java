package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;


/**
 * The general forms written for the leaks of the fourth and fifth collections' held-out parts once the lead released
 * them as tune data (a two-column table printed a cell a line, a value element after its name element, a quoted name
 * and value side by side, a debugger's char pointer, {@code auth user:password}, pre-shared keys and salts, a
 * statement's parameter logged apart from the column it is bound to), each on
 * lines written for this test in other tools' formats, not taken from the corpus, and each with a counter-example that
 * must come through as it is. The values are made at test time, so no secret-shaped literal sits in the repository.
 * The URL-encoded sign and base64 logins are tested beside their detectors ({@link PasswordShapesTest},
 * {@link EncodedLoginsTest}).
 */
class ReleasedFormsTest {

    private final Random random = new Random(20261206L);
    private final Redactor redactor = Redactor.standard();

    private String password() {
        String[] words = {"Lantern", "Otter", "Granite", "Meadow", "Cobalt", "Pepper"};
        return words[random.nextInt(words.length)] + (1000 + random.nextInt(9000)) + ".-_".charAt(random.nextInt(3))
                + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
    }

    private String token(int length) {
        return FormChecks.token(random, length);
    }

    private void gone(String text, String secret, String... kept) {
        FormChecks.gone(redactor, text, secret, kept);
    }

    private void untouched(String text) {
        FormChecks.untouched(redactor, text);
    }

    @Test
    void aValueAloneOnTheLineBelowALoneSecretNameGoes() {
        String p = password();
        gone("Environment\nKey\tValue\nAPP_ENV\t\nstaging\nsmtp_password\t\n" + p + "\nREGION\t\neu-west-1\n",
                p, "APP_ENV", "staging", "eu-west-1");
        String t = token(30);
        gone("Cookies\nName\tValue\nremember_token\n\"" + t + "\"\nlocale\n\"de\"", t, "remember_token", "\"de\"");
    }

    @Test
    void aLoneNameKeepsWhatIsNoSecretBelowIt() {
        untouched("password\nrequirements not met");
        untouched("token\nexpired");
        untouched("client_secret\n/etc/app/client-secret.txt");
        untouched("Secret rotation\nscheduled2024");   // two words above: a heading, no name
    }

    @Test
    void aValueElementAfterTheElementThatNamesItGoes() {
        String t = token(40);
        gone("<property>\n  <name>storage.account.secret</name>\n  <value>" + t + "</value>\n</property>", t,
                "storage.account.secret");
        String p = password();
        gone("<context-param><param-name>mail.password</param-name><param-value>" + p + "</param-value></context-param>",
                p, "mail.password");
    }

    @Test
    void aValueElementAfterAnotherNameStays() {
        untouched("<property><name>fs.s3a.endpoint</name><value>s3.eu-central-1.amazonaws.com</value></property>");
        untouched("<property><name>auth.token.max-age</name><value>3600</value></property>");
        untouched("<property><name>ldap.password.attribute</name><value>userPassword</value></property>");
    }

    @Test
    void aQuotedNameAndItsQuotedValueSideBySideGo() {
        String t = token(32);
        gone("(ex-info \"denied\" {:status 403 :headers {\"Accept\" \"application/json\" \"X-Auth-Token\" \"" + t
                + "\"}})", t, "application/json", "X-Auth-Token");
        String p = password();
        gone("dict set cfg \"host\" \"db1\"\n{\"db_password\" \"" + p + "\"}", p, "db1");
        String u = token(28);
        gone("$ cat headers.txt\n\"Accept\" \"text/plain\"\n\"X-Api-Key\" \"" + u + "\"\n", u, "\"text/plain\"");
    }

    @Test
    void quotedWordsInProseOrACallStay() {
        untouched("(println \"token\" \"expired\")");
        untouched("{\"token\" \"expired\"}");
        untouched("grep -c \"password\" \"auth.log\"");
    }

    @Test
    void aDebuggersCharPointerLosesTheStringItPointsAtAndKeepsTheAddress() {
        String p = password();
        gone("#2  0x000055d1 in connect_db (dsn=0x5603 \"host=db1\") at db.c:88\n        db_pass = 0x7ffd1a2b3c40 \""
                + p + "\"", p, "0x7ffd1a2b3c40", "db.c:88", "host=db1");
        String t = token(24);
        gone("(const char *) api_token = 0x0000000100003f8e \"" + t + "\"", t, "0x0000000100003f8e");
        untouched("        username = 0x7ffe14457daa \"release-bot\"");
    }

    @Test
    void aUserAndPasswordAfterTheWordAuthGo() {
        String p = password();
        gone("listen admin\n    stats auth ops:" + p + "\n    stats uri /haproxy", p, "ops:", "stats uri /haproxy");
        untouched("auth upstream cache-7:8080 chosen");
        untouched("git log --author alice:Refactor2x");
    }

    @Test
    void preSharedKeysGoAndTheirFlagsStay() {
        String p = password();
        gone("[wifi-security]\nkey-mgmt=wpa-psk\npsk=" + p + "\npsk-flags=0", p, "key-mgmt=wpa-psk", "psk-flags=0");
        String t = token(44);
        gone("[Peer]\nPublicKey = " + token(43) + "=\nPresharedKey = " + t + "=\nAllowedIPs = 10.9.0.0/24", t);
    }

    @Test
    void aParameterBoundToASecretsColumnLosesItsLoggedValue() {
        String t = token(32);
        gone("Executed DbCommand (3ms) [Parameters=[@p0='qa-bot' (Size = 32), @p1='" + t + "' (Size = 64)]\n"
                + "UPDATE [Clients] SET [ClientSecret] = @p1 WHERE [Name] = @p0;", t, "@p0='qa-bot'");
        String p = token(20);
        gone("LOG:  execute S_3: UPDATE users SET \"api_token\" = $2 WHERE id = $1\nDETAIL:  parameters: $1 = '42', $2 = '"
                + p + "'", p, "$1 = '42'");
    }

    @Test
    void aParameterBoundToAnotherColumnStays() {
        untouched("Executed DbCommand [Parameters=[@p0='Xk29fLmQ0pWz7Rt' (Size = 64)]]\nUPDATE [Jobs] SET [RunKey] = @p0;");
        untouched("echo $1 = 'abc' and PRICE=$1");
        untouched("mail ops@p1='x' sent; SET [ApiKey] = @p1");   // an e-mail address's @ is no parameter
    }

    @Test
    void aGeneratedSaltGoesAndASaltsSettingsStay() {
        String t = token(24);
        gone("'Cookie' => array('Salt' => '" + t + "', 'Name' => 'Forum'),", t, "'Name' => 'Forum'");
        gone("define('NONCE_SALT', '" + t + "');", t);
        untouched("bcrypt salt_rounds: 12, \"salt\": \"sea\"");
        untouched("HASH_SALT_LENGTH=16");
    }
}
