package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The general forms written for what the fifteenth corpus collection's released held-out part leaked or lost
 * (redact40): the EU VAT numbers of Estonia, Bulgaria (BG and the EIK) and Cyprus (eight digits and a check letter)
 * after their country's letters, by their check rules (national-ids.json), inside JUnit's {@code <…>} too; Equatorial
 * Guinea's nine-digit plan written 3-3-3 and prose's "Call us:" as a phone's word ({@link PhonePlans}); a reset route's
 * query code ({@code /reset-password?email=…&code=286354}, {@link ResetLinks}); ClickHouse's {@code X-ClickHouse-Key}
 * header, its user's password ({@link KeyNames}); a value in dd-trace's tag list ends at the comma before the next
 * {@code name (tag):} ({@link KeyValues#taggedName}); the other side of Swift Testing's comparison with a secret's,
 * {@code (signature → "…") == (expected → "…")} ({@link Separators}); and, kept, the path of the file that
 * holds a credential ({@code --creds ~/.nkeys/…/ci.creds}, {@link Judge#filePath}) and a format's indexed token
 * ({@code :req[cookie]}, morgan's). Each on lines written for this test, not taken from the corpus, in several tools'
 * syntaxes, with counter-examples that must come through as they are. The numbers are made here from the published
 * check rules, each with a twin whose check is wrong, which must stay.
 */
class ReleasedFifteenthFormsTest {

    private final Random random = new Random(40_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    /** Digits drawn until {@code passes} takes them, after {@code prefix}: a valid number made by rejection. */
    private String drawn(String prefix, int n, Predicate<String> passes) {
        String v;
        do {
            v = prefix + FormChecks.text(FormChecks.body(random, n));
        } while (!passes.test(v));
        return v;
    }

    private static int[] digitsOf(String v) {
        return v.chars().filter(Character::isDigit).map(c -> c - '0').toArray();
    }

    /** Estonia's KMKR: nine digits starting 10, the last (10 - the 3 7 1 weighted sum of the eight mod 10) mod 10. */
    static boolean estoniaVat(String v) {
        int[] d = digitsOf(v);
        return d.length == 9 && d[0] == 1 && d[1] == 0
                && (10 - FormChecks.sum(d, 3, 7, 1, 3, 7, 1, 3, 7) % 10) % 10 == d[8];
    }

    /** Bulgaria's EIK: the eight weighted 1 to 8 mod 11, where 10 weighted 3 to 10 mod 11, 10 read as 0. */
    static boolean bulgariaVat(String v) {
        int[] d = digitsOf(v);
        int c = FormChecks.sum(d, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
        if (c == 10) {
            c = FormChecks.sum(d, 3, 4, 5, 6, 7, 8, 9, 10) % 11 % 10;
        }
        return d.length == 9 && c == d[8];
    }

    private static final int[] CY_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

    /** Cyprus: the first of 0 1 3 4 5 9; the odd places through the table, the even as they are, mod 26, a letter. */
    static char cyprusLetter(String eight) {
        int sum = 0;
        for (int k = 0; k < 8; k++) {
            int d = eight.charAt(k) - '0';
            sum += k % 2 == 0 ? CY_ODD[d] : d;
        }
        return (char) ('A' + sum % 26);
    }

    private String cyprusVat() {
        String eight = "013459".charAt(random.nextInt(6)) + FormChecks.digits(random, 7, '0', 10);
        return "CY" + eight + cyprusLetter(eight);
    }

    private void vats(Supplier<String> valid, Predicate<String> passes) {
        FormChecks.numbersAndTwins(valid, passes, "\torg.opentest4j.AssertionFailedError: taxId ==> expected: <",
                "> but was: <null>");
        FormChecks.numbersAndTwins(valid, passes, "{\"_source\":{\"email\":\"x@y\",\"vat\":\"", "\"}}");
        FormChecks.numbersAndTwins(valid, passes, "        42 Initech OOD                    ", "\n\nSQL> ");
        FormChecks.numbersAndTwins(valid, passes, "| 7 | Initech OOD | ", " | active |");
    }

    @Test
    void estoniasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> drawn("EE10", 7, ReleasedFifteenthFormsTest::estoniaVat), ReleasedFifteenthFormsTest::estoniaVat);
    }

    @Test
    void bulgariasVatNumberOfALegalPersonGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> drawn("BG", 9, ReleasedFifteenthFormsTest::bulgariaVat), ReleasedFifteenthFormsTest::bulgariaVat);
    }

    @Test
    void cyprussVatNumberGoesByItsCheckLetterAndAWrongLetterStays() {
        for (int k = 0; k < 8; k++) {
            String v = cyprusVat();
            char wrong = (char) ('A' + (v.charAt(10) - 'A' + 1) % 26);
            String twin = v.substring(0, 10) + wrong;
            for (String[] around : new String[][] {{"\"vat\":\"", "\"}"}, {"taxId ==> expected: <", "> but was: <null>"},
                    {"| 7 | Initech Ltd | ", " | active |"}}) {
                FormChecks.gone(redactor, around[0] + v + around[1], v, around[1]);
                FormChecks.gone(atRest, around[0] + v + around[1], v, around[1]);
                FormChecks.untouched(redactor, around[0] + twin + around[1]);
            }
        }
    }

    @Test
    void vatLookalikesStay() {
        String eight = "10259033";
        char letter = cyprusLetter(eight);
        // the check passes but the first digit is none Cyprus gives (2, 6, 7, 8), a lower-case letter
        String two = "2" + eight.substring(1);
        FormChecks.untouched(redactor, "\"vat\":\"CY" + two + cyprusLetter(two) + "\"");
        FormChecks.untouched(redactor, "\"vat\":\"CY" + eight + Character.toLowerCase(letter) + "\"");
        // Estonia's number not starting 10 (its check passes): no KMKR
        FormChecks.untouched(redactor, "\"vat\":\"EE200000000\"");
        // the country's letters inside a word, a path, a file's name; the wrong length for the layout
        String ee = drawn("EE10", 7, ReleasedFifteenthFormsTest::estoniaVat);
        String bg = drawn("BG", 9, ReleasedFifteenthFormsTest::bulgariaVat);
        FormChecks.untouched(redactor, "artifact rpm/" + ee + "/build and /srv/" + bg + "x/cache, file " + bg + ".log");
        FormChecks.untouched(redactor, "\"ref\":\"" + bg.substring(0, 10) + "\", \"ref2\":\"" + ee + "1\"");
    }

    /** Equatorial Guinea: nine digits from 2, 3 or 5 (222, 333, 555…) written 3-3-3. */
    private String guineaPhone() {
        return "222 " + FormChecks.digits(random, 3, '0', 10) + " " + FormChecks.digits(random, 3, '0', 10);
    }

    @Test
    void aPhoneOfEquatorialGuineaGoesAfterAPhonesWordInJUnitsAngleBrackets() {
        for (int k = 0; k < 8; k++) {
            String a = "555 " + FormChecks.digits(random, 3, '0', 10) + " " + FormChecks.digits(random, 3, '0', 10);
            String b = guineaPhone();
            String line = "\torg.opentest4j.AssertionFailedError: mobile ==> expected: <" + a + "> but was: <" + b + ">";
            FormChecks.gone(redactor, line, a, "mobile ==> expected: <", "> but was: <");
            FormChecks.gone(redactor, line, b);
            FormChecks.untouched(atRest, line);   // a phone stays at rest: the operator may need it
            FormChecks.gone(redactor, "customer.phone should be \"" + b + "\" but was null", b);
        }
    }

    @Test
    void threeGroupsOfThreeWithNoPhonesWordOrFromOtherDigitsStay() {
        // no phone's word: a count, a size; a phone's word but a first digit no plan takes (1, 4, 7, 8)
        FormChecks.untouched(redactor, "expected: <222 451 758> but was: <222 099 930> (bytes)");
        FormChecks.untouched(redactor, "phone ==> expected: <122 451 758> but was: <null>");
        FormChecks.untouched(redactor, "phone ==> expected: <722 451 758> but was: <null>");
        // 3-3-3 only: the same nine digits grouped otherwise are no number of that plan
        FormChecks.untouched(redactor, "phone ==> expected: <22 245 1758> but was: <null>");
    }

    @Test
    void callUsMakesTheNumberAfterItAPhoneInHtmlAndProse() {
        for (int k = 0; k < 8; k++) {
            String gw = "95" + FormChecks.digits(random, 1, '0', 10) + " " + FormChecks.digits(random, 3, '0', 10) + " "
                    + FormChecks.digits(random, 3, '0', 10);
            FormChecks.gone(redactor, "     left:  \"<p>Receipt 42</p><p>Call us: " + gw + "</p>\"", gw,
                    "<p>Receipt 42</p><p>Call us: ", "</p>\"");
            FormChecks.gone(redactor, "Questions? Call us on " + gw + " (Mon-Fri)", gw, "(Mon-Fri)");
            FormChecks.untouched(atRest, "<p>Call us: " + gw + "</p>");
        }
    }

    @Test
    void callWordsThatAreNoPhonesWordLeaveTheNumberAlone() {
        FormChecks.untouched(redactor, "called 3 times: 952 256 870");
        FormChecks.untouched(redactor, "callback queue 952 256 870 items");
        FormChecks.untouched(redactor, "<td>952 256 870</td>");
        FormChecks.untouched(redactor, "Call stack: 952 256 870 frames");
    }

    @Test
    void aResetRoutesQueryCodeGoesAndItsOtherParametersStay() {
        for (int k = 0; k < 8; k++) {
            String code = FormChecks.digits(random, 6, '1', 9);
            String token = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "10.0.0.7 - ci [14/May/2024:10:12:03 +0000] \"GET /reset-password?email=a%40b.test&code="
                    + code + " HTTP/1.1\" 302 58", code, "\"GET /reset-password?email=", "HTTP/1.1\" 302 58");
            FormChecks.gone(atRest, "GET /password/reset?code=" + code + "&lang=en 302", code, "&lang=en 302");
            FormChecks.gone(redactor, "redirect to https://app.test/reset_password?token=" + token + "&utm=mail", token,
                    "&utm=mail");
        }
    }

    @Test
    void aCodeOffAResetRouteOrNoCodeStays() {
        FormChecks.untouched(redactor, "GET /login?code=654321 HTTP/1.1");
        FormChecks.untouched(redactor, "GET /reset-password?page=286354&code=12 HTTP/1.1");
        FormChecks.untouched(redactor, "GET /reset-password?code=abc HTTP/1.1");
        FormChecks.untouched(redactor, "GET /preset?code=286354 HTTP/1.1");
    }

    @Test
    void theFileThatHoldsACredentialIsKeptAndTheCredentialItselfGoes() {
        for (String path : new String[] {"~/.nkeys/creds/ci/ORDERS/jenkins.creds", "/etc/ci/Service-Key.json",
                "./secrets/deploy.pem", "../conf/ci_token.txt"}) {
            FormChecks.untouched(redactor, "$ nats pub orders.created test --creds " + path);
            FormChecks.untouched(redactor, "$ cat " + path + "\n$ tool --secret " + path);
        }
        String secret = FormChecks.token(random, 28);
        FormChecks.gone(redactor, "$ nats pub orders.created test --creds " + secret, secret);
        // a slash and a dot but no file's path: from no root, no extension, a capital in it, a part empty
        for (String v : new String[] {"ab/Xk3jd8Hq2LmP9zQ7.cd", "/Xk3jd8Hq2/LmP9zQ7Wq", "/9j4AAQSk/ZJRgABAQ.Ab",
                "/Xk3jd8Hq2//LmP9zQ7.pem"}) {
            FormChecks.gone(redactor, "tool --secret " + v + " --verbose", v, "--verbose");
        }
    }

    @Test
    void clickHousesKeyHeaderIsTheUsersPasswordWhateverItLooksLike() {
        for (int k = 0; k < 8; k++) {
            String chosen = "Falcon" + FormChecks.digits(random, 4, '1', 9) + ".zg";
            FormChecks.gone(redactor, "+ curl -sS -H 'X-ClickHouse-User: readonly' -H 'X-ClickHouse-Key: " + chosen
                    + "' 'https://ch.acme.test:8443/?query=SELECT%201'", chosen, "-H 'X-ClickHouse-User: readonly'",
                    "'https://ch.acme.test:8443/?query=SELECT%201'");
            FormChecks.gone(atRest, "x-clickhouse-key: " + chosen, chosen, "x-clickhouse-key: ");
        }
    }

    @Test
    void clickHousesOtherHeadersAndAPlaceholderStay() {
        FormChecks.untouched(redactor, "-H 'X-ClickHouse-User: readonly' -H 'X-ClickHouse-Format: JSONEachRow'");
        FormChecks.untouched(redactor, "-H 'X-ClickHouse-Key: ${CLICKHOUSE_PASSWORD}'");
        FormChecks.untouched(redactor, "clickhouse_key_column: customer_id");
    }

    @Test
    void aDdTraceSpansTagsEndTheirValuesAtTheCommaBeforeTheNextTag() {
        for (int k = 0; k < 8; k++) {
            String token = FormChecks.token(random, 40);
            String key = FormChecks.token(random, 32);
            String line = "[DBG] Span closed: [s_id: 714570359965464355, p_id: null] for (Service: orders-api, Tags: "
                    + "[http.url (tag):https://gw.acme.test/v1/orders?access_token=" + token
                    + ",http.request.headers.x-api-key (tag):" + key + ",http.status_code (tag):500,_dd.measured (metric):1,])";
            FormChecks.gone(redactor, line, token, "?access_token=[REDACTED", "],http.request.headers.x-api-key (tag):[REDACTED",
                    "],http.status_code (tag):500,_dd.measured (metric):1,])");
            FormChecks.gone(redactor, line, key);
            FormChecks.gone(atRest, line, key, "http.status_code (tag):500");
        }
    }

    @Test
    void aCommaBeforeNoTagsMarkStaysInTheValue() {
        // APP_KEYS=k1,k2 and a name: after the comma with no (tag) mark: the comma goes on with the value, as before
        String a = FormChecks.token(random, 24);
        String b = FormChecks.token(random, 24);
        FormChecks.gone(redactor, "APP_KEYS=" + a + "," + b + " next", b, " next");
        // a mark that is not dd-trace's own ((tags), not (tag)) does not end the value: what follows goes with it
        FormChecks.gone(redactor, "token=" + a + ",http.status_code (tags):500", "http.status_code");
        // the tag's mark on its own, with no name before it, keeps nothing apart
        FormChecks.untouched(redactor, "Tags: [component (tag):aspnet_core,span.kind (tag):server,]");
    }

    @Test
    void swiftTestingsOtherSideOfASecretsComparisonGoesToo() {
        for (int k = 0; k < 8; k++) {
            String got = FormChecks.hex(random, 64);
            String want = FormChecks.hex(random, 64);
            String issue = "✘ Test signsTheWebhook() recorded an issue at KeychainTests.swift:9:5: Expectation failed: ";
            FormChecks.gone(redactor, issue + "(signature → \"" + got + "\") == (expected → \"" + want + "\")", want,
                    "Expectation failed: (signature → \"", "\") == (expected → \"", "\")");
            String reversed = issue + "(expected → \"" + want + "\") == (signature → \"" + got + "\")";
            FormChecks.gone(atRest, reversed, want, "(expected → \"", "\") == (signature → \"");
            FormChecks.gone(atRest, reversed, got);
            String token = FormChecks.token(random, 32);
            String unequal = issue + "(request.apiToken → \"" + token + "\") != (\"" + want + "\")";
            FormChecks.gone(redactor, unequal, want, "(request.apiToken → \"", "\") != (\"");
            FormChecks.gone(redactor, unequal, token);
        }
    }

    @Test
    void aComparisonWithNoSecretsNameOnEitherSideStays() {
        String issue = "✘ Test storesTheOrder() recorded an issue at OrderTests.swift:12:9: Expectation failed: ";
        String hash = FormChecks.hex(random, 64);
        FormChecks.untouched(redactor, issue + "(order.checksum → \"" + hash + "\") == (expected → \"" + hash.substring(1)
                + "0\")");
        FormChecks.untouched(redactor, issue + "(response.status → \"401\") == (\"200\")");
        // a secret's side compared with a word or a placeholder: nothing generated to take
        String got = FormChecks.hex(random, 64);
        FormChecks.gone(redactor, issue + "(signature → \"" + got + "\") == (\"signature\")", got, "== (\"signature\")");
    }

    @Test
    void aFormatsIndexedTokenIsNoCredential() {
        FormChecks.untouched(redactor, "morgan(':method :url :status :req[authorization] :req[cookie] - :response-time ms')");
        FormChecks.untouched(redactor, "log_format: :req[authorization] :res[x-request-id]");
        String token = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "Authorization: " + token, token, "Authorization: ");
        FormChecks.gone(redactor, "authorization: [" + token + "]", token);
    }
}
