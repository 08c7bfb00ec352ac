package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the older auth rules took that names rather than proves (redact60, issue #14): a place in the second item of a
 * login's pair ({@link AuthPairs#place}: a cloud's region, a locale, a time zone), a second item that repeats the
 * kept user, and the user of a two-argument {@code client.login} that the discord row ({@code most}: 1) read as a
 * token. Each with the counter-cases that must still go: a password of dictionary words joined by dashes, words that
 * start with a compass word, a region with signs after it, a copy that differs from the user, the token of a one-argument
 * login. The secrets are made here at random.
 */
class AuthKeepsFormsTest {

    private final Random random = new Random(60_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password as people choose one: small letters, a sign, digits and a capital. */
    private String password() {
        return FormChecks.token(random, 5).toLowerCase() + "#" + FormChecks.digits(random, 3, '1', 9) + "Qz";
    }

    /** A generated token: letters and digits. */
    private String token() {
        return "Kq7" + FormChecks.token(random, 25);
    }

    @Test
    void theShapesOfAPlaceAreReadByTheirGrammar() {
        for (String region : new String[] {"us-east-1", "us-gov-west-1", "ap-southeast-2", "europe-west1",
                "northamerica-northeast1", "me-central1", "eu-north-1"}) {
            assertTrue(AuthPairs.place(region, 0, region.length()), region);
        }
        for (String locale : new String[] {"en-US", "pt_BR", "es-419", "zh-Hans-CN", "sr_Latn_RS"}) {
            assertTrue(AuthPairs.place(locale, 0, locale.length()), locale);
        }
        for (String zone : new String[] {"Europe/Berlin", "America/New_York", "America/Argentina/Buenos_Aires",
                "Pacific/Port_Moresby", "America/Port-au-Prince"}) {
            assertTrue(AuthPairs.place(zone, 0, zone.length()), zone);
        }
        for (String not : new String[] {"correct-horse-battery", "correct-horse-battery-staple", "west-horse-9",
                "horse-battery-42", "us-east-1#Qz", "East-1", "us-east-123", "us-1-east", "us-east-", "en-us",
                "english-US", "en-USA", "Mars/Berlin", "Europe/berlin", "Europe/Berlin/Mitte/Nord", "Europe/",
                "europe/Berlin", "Europe/Ber1in", "eastwest1", "-east-1"}) {
            assertFalse(AuthPairs.place(not, 0, not.length()), not);
        }
    }

    @Test
    void aPlaceInALoginsSecondItemStays() {
        for (String line : new String[] {
                "    session = client.authenticate(\"en-US\", \"europe-west1\")",
                "    creds = gateway.authenticate(\"svc-deploy\", \"northamerica-northeast1\")",
                "E   AssertionError: authenticate('en-US', 'Europe/Berlin') was not called",
                "    auth=(\"ops\", \"America/Argentina/Buenos_Aires\"),",
                "  basic_auth: [\"svc-batch\", \"ap-southeast-2\"]"}) {
            FormChecks.untouched(redactor, line);
        }
    }

    @Test
    void aPasswordInALoginsSecondItemStillGoes() {
        for (int k = 0; k < 3; k++) {
            String pw = password();
            FormChecks.gone(redactor, "    session = client.authenticate(\"en-US\", \"" + pw + "\")", pw,
                    "client.authenticate(\"en-US\", \"");
        }
        // dictionary words joined by dashes are a passphrase in a password's slot, whatever its words are
        FormChecks.gone(redactor, "    smtp.login(\"svc\", \"correct-horse-battery\")", "correct-horse-battery",
                "smtp.login(\"svc\", \"");
        FormChecks.gone(redactor, "    auth=(\"svc\", \"west-horse-9\"),", "west-horse-9", "auth=(\"svc\", \"");
        FormChecks.gone(redactor, "    auth=(\"svc\", \"us-east-1#Qz\"),", "us-east-1#Qz", "auth=(\"svc\", \"");
    }

    @Test
    void aSecondItemThatRepeatsTheUserStaysAndADifferentOneGoes() {
        FormChecks.untouched(redactor, "    conn = ftp.login(\"ci-runner-01\", \"ci-runner-01\")");
        FormChecks.untouched(redactor, "  basic_auth: [\"build-agent-07\", \"build-agent-07\"]");
        String pw = password();
        FormChecks.gone(redactor, "    conn = ftp.login(\"ci-runner-01\", \"" + pw + "\")", pw,
                "ftp.login(\"ci-runner-01\", \"");
        // a copy that differs by a character is no copy
        FormChecks.gone(redactor, "    conn = ftp.login(\"" + pw + "\", \"" + pw + "x\")", pw + "x");
    }

    @Test
    void aTwoArgumentClientLoginKeepsItsUserAndLosesItsToken() {
        String tok = token();
        FormChecks.gone(redactor, "    await client.login(\"svc-deploy\", \"" + tok + "\");", tok,
                "client.login(\"svc-deploy\", \"");
        FormChecks.untouched(redactor, "    await client.login(\"svc-deploy\", secret);");
        FormChecks.untouched(redactor, "    bot.login(\"release-bot\", process.env.PASSWORD)");
        // discord.js' and discord.py's one token still goes
        String one = token();
        FormChecks.gone(redactor, "    await client.login(\"" + one + "\");", one, "client.login(\"");
        String run = token();
        FormChecks.gone(redactor, "    bot.run(\"" + run + "\", reconnect=True)", run, "bot.run(\"", "reconnect=True");
    }

    @Test
    void aSentenceThatSaysAuthLoginKeepsItsWordsAndDoveadmStillLosesItsPassword() {
        // the doveadm-auth row (doveadm auth login user password) read "succeeded for" as a user and a password
        FormChecks.untouched(redactor, "2026-12-07 10:00:01 INFO auth login succeeded for user bob");
        FormChecks.untouched(redactor, "WARN auth login failed for bob, retrying");
        FormChecks.untouched(redactor, "level=info msg=\"auth login ok for svc-deploy\"");
        for (int k = 0; k < 3; k++) {
            String pw = password();
            FormChecks.gone(redactor, "$ doveadm auth login bob '" + pw + "'", pw, "doveadm auth login bob '");
            FormChecks.gone(redactor, "$ doveadm auth test -a /run/dovecot/auth-userdb bob " + pw, pw,
                    "doveadm auth test -a /run/dovecot/auth-userdb bob ");
        }
    }

    @Test
    void aCallAfterASecretsNameWithAScopesColonsIsKeptWholeAndALiteralStillGoes() {
        // KeyValues.expression read a qualified call with dots only: Ruby's :: left the call's text to be taken
        FormChecks.untouched(redactor, "    session = Acme::LoginSession.new(\"ops\", pw)");
        FormChecks.untouched(redactor, "    token = Vault::Client.new(\"ops\").token");
        FormChecks.untouched(redactor, "    let password = std::env::var(\"DB_PASSWORD\")?;");
        for (int k = 0; k < 3; k++) {
            String pw = password();
            // a literal is no call, whatever colons it holds
            FormChecks.gone(redactor, "    session = \"Acme::" + pw + "\"", pw);
            FormChecks.gone(redactor, "    password = " + pw, pw, "password = ");
            FormChecks.gone(redactor, "    password = Acme::" + pw, pw);
        }
    }

    @Test
    void aLoginWithAPasswordVariableKeepsItsUserAndALiteralPasswordGoes() {
        // SecretCalls reads LoginWithPassword as a key; its first literal is the user, the password the last argument
        FormChecks.untouched(redactor, "    if err := c.LoginWithPassword(\"deployer\", pw); err != nil {");
        FormChecks.untouched(redactor, "    c.LoginWithPassword(\"deployer\", os.Getenv(\"DEPLOY_PASSWORD\"))");
        String pw = password();
        FormChecks.gone(redactor, "    if err := c.LoginWithPassword(\"deployer\", \"" + pw + "\"); err != nil {", pw,
                "c.LoginWithPassword(\"deployer\", \"");
        String set = password();
        FormChecks.gone(redactor, "    config.setPassword(\"" + set + "\");", set, "config.setPassword(\"");
    }
}
