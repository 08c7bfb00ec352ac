package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for the shapes the fifth corpus collection's tune part leaked (a secret repeated where
 * nothing names it, text a test tool types, cookie jars, Azure storage keys, Go's MySQL DSNs, a password run as a
 * command, a CI log's variable and value, box-drawn header pairs, the {@code sess:} prefix), each on lines written for
 * this test, not taken from the corpus, and each with a counter-example that must come through as it is. The values are
 * made at test time, so no secret-shaped literal sits in the repository.
 */
class FifthFormsTest {

    private final Random random = new Random(20261205L);
    private final Redactor redactor = Redactor.standard();

    /** A chosen-looking password: a capitalised word, digits, a sign, two letters (as people pick them). */
    private String password() {
        String[] words = {"Lantern", "Otter", "Granite", "Meadow", "Cobalt", "Pepper"};
        return words[random.nextInt(words.length)] + (1000 + random.nextInt(9000)) + "!#%*?".charAt(random.nextInt(5))
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
    void aPasswordFoundByItsNameGoesWhereverItRepeatsInTheSameText() {
        String p = password();
        gone("export SMTP_PASSWORD=" + p + "\nmail: relay refused credential " + p + " for ops@relay",
                p, "relay refused credential", "ops@relay");
        String s = token(28);
        gone("Set-Cookie: session_id=" + s + "; Path=/\nstore: touched " + s + " (ttl 600)\n", s, "touched", "ttl 600");
    }

    @Test
    void aRepeatCountsOnlyAsAWholeRunAndHexIdsStayInPaths() {
        String p = "hunter2" + FormChecks.hex(random, 6);  // no password shape of its own (PasswordShapes): only its name finds it
        String out = redactor.redact("db_password=" + p + "\nlookup X" + p + "Y");
        assertTrue(out.contains("X" + p + "Y"), out);   // inside a longer word: not the value
        String id = FormChecks.hex(random, 32);
        String url = "/session/" + id + "/element/4/click";
        String text = "{\"sessionId\": \"" + id + "\"}\nPOST " + url + " 404";
        assertTrue(redactor.redact(text).contains(url), redactor.redact(text));
    }

    @Test
    void aPasswordShapedValueTypedIntoAFieldNobodyNamedGoes() {
        String p = password();
        gone("  - locator.fill(\"" + p + "\")\n  - waiting for locator('#field-9')", p, "waiting for locator('#field-9')");
        String q = password();
        gone("COMMAND elementSendKeys(\"7c1e2a4b-0d3f-4e5a-9b8c-1d2e3f4a5b6c\", \"" + q + "\")", q,
                "7c1e2a4b-0d3f-4e5a-9b8c-1d2e3f4a5b6c");
    }

    @Test
    void typedNamesPlacesAndPlainUserNamesStay() {
        untouched("page.fill(\"New York 10001\")");
        untouched("locator.fill(\"testuser1\")");
        untouched("cy.get('#q').type('john.doe')");
    }

    @Test
    void textAWebDriverCommandTypesGoesWhereItHasAPasswordsShape() {
        String p = password();
        gone("DEBUG Got request POST \"/session/ab12/element/cd34/value\"\nDEBUG body {\"text\": \"" + p
                + "\", \"value\": [\"" + p + "\"]}", p, "/session/ab12/element/cd34/value");
        String q = password();
        gone("12:00:01.004 INFO - Executing: [send keys: 7 [[FirefoxDriver: firefox on MAC (f00d)] -> id: pass], [" + q
                + "]])", q, "-> id: pass]");
        String r = token(24) + "7";
        gone("Command: [d00d, sendKeysToElement {id=3, value=[" + r + "]}]", r, "sendKeysToElement");
    }

    @Test
    void typedProseAndTextWithoutATypingCommandStay() {
        untouched("DEBUG Got request POST \"/session/ab12/element/cd34/value\"\nDEBUG body {\"text\": \"Welcome back\"}");
        untouched("{\"text\": \"Release 2024 rc1\", \"channel\": \"#deploys\"}");
    }

    @Test
    void aCookieJarsSessionAndTokenValuesGoAndItsDomainPathAndPlainValuesStay() {
        String sid = token(32).toLowerCase();
        String csrf = token(24);
        String text = "# Netscape HTTP Cookie File\n"
                + "#HttpOnly_.shop.acme-corp.io\tTRUE\t/\tTRUE\t0\tsessionid\t" + sid + "\n"
                + ".shop.acme-corp.io\tTRUE\t/app\tFALSE\t1767225600\tXSRF-TOKEN\t" + csrf + "\n"
                + ".shop.acme-corp.io\tTRUE\t/\tFALSE\t0\tlang\ten-GB\n";
        String out = redactor.redact(text);
        assertFalse(out.contains(sid) || out.contains(csrf), out);
        assertTrue(out.contains(".shop.acme-corp.io\tTRUE\t/app\tFALSE\t1767225600\tXSRF-TOKEN\t"), out);
        assertTrue(out.contains("\tlang\ten-GB"), out);
    }

    @Test
    void anAzureStorageKeyGoesByItsShapeAndASha512IntegrityStays() {
        byte[] key = new byte[64];
        random.nextBytes(key);
        String k = Base64.getEncoder().encodeToString(key);
        gone("key1       FULL           " + k + "\nERROR: (AuthorizationFailed)", k, "(AuthorizationFailed)");
        random.nextBytes(key);
        untouched("npm ERR! sha512-" + Base64.getEncoder().encodeToString(key) + " integrity checksum failed");
    }

    @Test
    void aGoMysqlDsnLosesItsPasswordAndKeepsUserHostAndDatabase() {
        String p = password();
        gone("2024/05/14 10:22:31 open: reports_ro:" + p + "@tcp(mysql-2.acme.internal:3306)/reports?parseTime=true",
                p, "reports_ro:", "@tcp(mysql-2.acme.internal:3306)/reports?parseTime=true");
        String q = password();
        gone("--dsn=app:" + q + "@unix(/var/run/mysqld/mysqld.sock)/shop", q, "@unix(/var/run/mysqld/mysqld.sock)/shop");
        untouched("retrying ops@tcp(db-3.acme.internal:3306) after 3s");
    }

    @Test
    void aPasswordRunAsAPowerShellCommandGoesAndAMistypedCommandStays() {
        String p = password();
        gone("##[error]" + p + " : The term '" + p + "' is not recognized as the name of a cmdlet, function, script"
                + " file, or operable program.\n+ " + p + "\n+ ~~~~~~~~~~~~", p, "is not recognized as the name of a cmdlet");
        untouched("The term 'npmm' is not recognized as the name of a cmdlet, function, script file, or operable program.");
    }

    @Test
    void aCiVariablesValueGoesWhereItsNameSaysSecretAndABuildNumberStays() {
        String t = token(30);
        gone("[INFO] Injecting variable : DEPLOY_TOKEN, value : " + t, t, "Injecting variable : DEPLOY_TOKEN");
        untouched("[INFO] Injecting variable : BUILD_NUMBER, value : 20240514.3");
    }

    @Test
    void aHeaderPairInABoxDrawnCellGoesAndAPlainHeaderStays() {
        String t = token(32);
        gone("  \u2502 'x-auth-token', '" + t + "'\n  \u2514", t, "'x-auth-token'");
        untouched("  \u2502 'content-type', 'application/json'\n  \u2514");
    }

    @Test
    void aSessionStoresSessKeyGoesAndAShortCountStays() {
        String s = token(32);
        gone("redis: ERR wrong type for key (sess:" + s + ") on cache-2.acme.net:6379", s, "cache-2.acme.net:6379");
        untouched("sess: 3 active");
    }

    @Test
    void aSessionIdAfterTheWordSessionAndAVerbGoesAndHexIdsAndProseStay() {
        String s = token(32);
        gone("  connect-session saving " + s + " +0ms\n  connect-session loaded " + s + " +2s", s, "connect-session saving");
        String c = token(24).toLowerCase() + "x9";
        gone("  4  setCookie  sessionid, " + c + "\n  5  visit  /cart", c, "visit  /cart");
        untouched("refresh failed for session 29473a5d-c698-4bab-a0b2-193b20df00dd: token is not active");
        untouched("express-session no session found +4ms; session expired after 30m");
        String jwt = TestTokens.jwt();
        assertEquals("the session was [REDACTED_JWT]", redactor.redact("the session was " + jwt));
    }

    @Test
    void aDebugNamespaceIsNoPasswordButAPasswordAfterPwStillGoes() {
        untouched("DEBUG=pw:api npx playwright test");
        untouched("2024-05-14T10:00:00Z pw:browser* launching chromium");
        String p = password();
        gone("login pw:" + p + " rejected", p, "rejected");
    }

    @Test
    void anSshRemoteIsNoEmailAddressButAnAddressBeforeAColonAndABlankStillIs() {
        untouched("\"BUILDKITE_REPO\": \"git@gitlab.acme-corp.io:platform/api.git\"");
        untouched("rsync -a dist/ deploy@web-01.acme-corp.io:releases/42");
        String out = redactor.redact("paging ops-oncall@acme-corp.io: disk full");
        assertFalse(out.contains("ops-oncall@acme-corp.io"), out);
    }
}
