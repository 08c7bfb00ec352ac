package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the fourteenth corpus collection's tune part leaked (released to redact35 alone;
 * its held-out part stays the clean measure): business numbers by their printed layout and check digits (India's
 * GSTIN by its letters, Sweden's organisationsnummer and France's VAT number by national-ids.json), also before a JSON
 * string's escaped quote; and a header's name after a line break written as an escape ({@code \r\nSet-Cookie:}, as
 * Apache's mod_dumpio, Python's bytes and a JSON string print a raw response); a key and its value quoted as JSON in a
 * string inside a JSON string ({@code \\\"password\\\":\\\"…\\\"}, mochawesome's context); a password-reset link's
 * token in the route of Django, Laravel and Symfony ({@link ResetLinks}); a query object's bindings printed before its
 * {@code sql} field (Knex), and Poland's REGON by its label. Each on lines written
 * for this test, not taken from the corpus, in several tools' syntaxes, with counter-examples that must come through
 * as they are.
 * The numbers are made here from the published check rules (not by the corpus' generator), each with a twin whose
 * check is wrong, which must stay.
 */
class FourteenthFormsTest {

    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Random random = new Random(14_2026L);
    private final Redactor redactor = Redactor.standard();

    /** The GSTIN's check character: Luhn mod 36 over the first fourteen, every second one doubled. */
    private static char gstinCheck(String first14) {
        int sum = 0;
        for (int k = 0; k < 14; k++) {
            int v = BASE36.indexOf(first14.charAt(k)) * (k % 2 == 0 ? 1 : 2);
            sum += v / 36 + v % 36;
        }
        return BASE36.charAt((36 - sum % 36) % 36);
    }

    private String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(UPPER.charAt(random.nextInt(26)));
        }
        return b.toString();
    }

    private String gstin() {
        String body = String.format("%02d", 1 + random.nextInt(37)) + letters(5)
                + FormChecks.digits(random, 4, '0', 10) + letters(1) + BASE36.charAt(1 + random.nextInt(35)) + "Z";
        return body + gstinCheck(body);
    }

    /** The GSTIN with its check character moved to the next one of 0-9A-Z: fails the check. */
    private static String wrongGstin(String g) {
        return g.substring(0, 14) + BASE36.charAt((BASE36.indexOf(g.charAt(14)) + 1) % 36);
    }

    @Test
    void indiasGstinGoesByItsLettersAndCheckAndAWrongCheckStays() {
        for (int k = 0; k < 8; k++) {
            String g = gstin();
            FormChecks.gone(redactor, "{\"kyc\":\"{\\\"gstin\\\":\\\"" + g + "\\\"}\"}", g,
                    "{\"kyc\":\"{\\\"gstin\\\":");
            FormChecks.gone(Redactor.atRest(), "| 3 | Sharma Traders | " + g + " | MH |", g, "| MH |");
            FormChecks.gone(redactor, "ValidationError: supplier.tax_ref '" + g + "' is not registered", g,
                    "is not registered");
            FormChecks.gone(redactor, "  expected: <" + g + "> but was: <null>", g, "but was: <null>");
            FormChecks.untouched(redactor,
                    "ValidationError: supplier.tax_ref '" + wrongGstin(g) + "' is not registered");
        }
        // fifteen capitals and digits that are no GSTIN: a build id, a timestamp, a state code out of range
        FormChecks.untouched(redactor, "build 20240514T101203 artifact 12ABCDE3456F7QZ");
        FormChecks.untouched(redactor, "\"ref\": \"45ABCDE1234F1ZA\", \"sku\": \"00AAAAA0000A1Z0\"");
    }

    private static boolean luhn(String s) {
        String d = s.replaceAll("[^0-9]", "");
        int sum = 0;
        for (int k = 0; k < d.length(); k++) {
            int v = d.charAt(d.length() - 1 - k) - '0';
            if (k % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /** Sweden's organisationsnummer: ten digits 6-4, the third 2 or more, a Luhn check. */
    private static boolean orgValid(String s) {
        return s.charAt(2) >= '2' && luhn(s);
    }

    private String organisationsnummer() {
        String body = FormChecks.digits(random, 1, '1', 9) + FormChecks.digits(random, 1, '0', 10)
                + FormChecks.digits(random, 1, '2', 8) + FormChecks.digits(random, 6, '0', 10);
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return body.substring(0, 6) + "-" + body.substring(6) + c;
            }
        }
        throw new AssertionError();
    }

    /** France's VAT number: FR, the key (12 + 3 × (SIREN mod 97)) mod 97 and a SIREN that passes Luhn. */
    private static boolean frVatValid(String s) {
        long siren = Long.parseLong(s.substring(4));
        return luhn(s.substring(4)) && (12 + 3 * (siren % 97)) % 97 == Integer.parseInt(s.substring(2, 4));
    }

    private String frVat() {
        String body = FormChecks.digits(random, 8, '1', 9);
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                long siren = Long.parseLong(body + c);
                return "FR" + String.format("%02d", (12 + 3 * (siren % 97)) % 97) + body + c;
            }
        }
        throw new AssertionError();
    }

    @Test
    void swedishAndFrenchBusinessNumbersGoByLayoutAndCheckAndTheirWrongTwinsStay() {
        FormChecks.numbersAndTwins(this::organisationsnummer, FourteenthFormsTest::orgValid,
                "{\"name\":\"company\",\"value\":\"'", "'\"}");
        FormChecks.numbersAndTwins(this::organisationsnummer, FourteenthFormsTest::orgValid, "  orgnummer: ", "\n");
        // under a column that names nothing: a vat_id column's value goes by its label whatever its check
        // (ReleasedFourteenthFormsTest, redact36), so the twin is tested where only the layout and check can read it
        FormChecks.numbersAndTwins(this::frVat, FourteenthFormsTest::frVatValid,
                "INSERT INTO customers (email, ref) VALUES ('x', '", "')");
        FormChecks.numbersAndTwins(this::frVat, FourteenthFormsTest::frVatValid, "{\\\"tva\\\":\\\"", "\\\"}");
    }

    @Test
    void datesIdsAndVersionsInTheNewLayoutsStay() {
        // 6-4 with a month where the organisationsnummer has its third digit: a date and a run's number
        FormChecks.untouched(redactor, "run 240514-1012 started, job 231130-0042 done");
        FormChecks.untouched(redactor, "\"build\": \"240514-1013\", \"order\": \"ORD-771203-5550\"");
        // FR and eleven digits that fail the key: a route, a reference
        FormChecks.untouched(redactor, "route FR12345678901 via CDG; ref 'FR00000000000'");
    }

    @Test
    void aHeaderAfterAnEscapedLineBreakIsReadByItsName() {
        for (int k = 0; k < 4; k++) {
            String v = FormChecks.hex(random, 40);
            FormChecks.gone(Redactor.atRest(), "[dumpio:trace7] mod_dumpio:  dumpio_out (data-HEAP): HTTP/1.1 302"
                    + " Found\\r\\nSet-Cookie: remember_me=" + v + "; path=/; HttpOnly\\r\\n"
                    + "Location: https://app.example.test/\\r\\n", v,
                    "Location: https://app.example.test/", "; path=/; HttpOnly");
            FormChecks.gone(redactor, "b'HTTP/1.1 200 OK\\r\\nSet-Cookie: cart_ref=" + v
                    + "; Secure\\r\\nContent-Length: 42'", v, "Content-Length: 42");
            FormChecks.gone(redactor, "\"raw\": \"HTTP/1.1 200 OK\\nSet-Cookie: __Host-auth=" + v
                    + "; Secure\\nContent-Type: text/html\"", v, "Content-Type: text/html");
        }
        // preferences and the other headers of the same responses stay
        FormChecks.untouched(redactor,
                "b'HTTP/1.1 200 OK\\r\\nSet-Cookie: theme=dark; Path=/\\r\\nSet-Cookie: lang=en-GB\\r\\n'");
        FormChecks.untouched(redactor, "GET /api/users HTTP/1.1\\r\\nHost: orders.internal:8080\\r\\nX-Request-Id: "
                + "0437c014-cda3-495b-be9a-d9bd82ec30c3\\r\\n");
        FormChecks.untouched(redactor,
                "\"env\": \"PATH=/usr/bin\\nnamespace=default\\nregion=eu-west-1\\tnode=ip-10-0-4-12\"");
    }

    @Test
    void aValueQuotedTwiceInsideJsonStringsGoesByItsKey() {
        String q3 = "\\\\\\\"";   // \\\"
        for (int k = 0; k < 4; k++) {
            String pw = "Pw" + FormChecks.token(random, 10) + ".x";
            FormChecks.gone(Redactor.atRest(), "\"context\": \"\\\"request: {" + q3 + "email" + q3 + ":" + q3
                    + "qa@example.test" + q3 + "," + q3 + "password" + q3 + ":" + q3 + pw + q3 + "}\\\"\",", pw,
                    "request: {");
            String token = FormChecks.token(random, 32);
            FormChecks.gone(Redactor.atRest(), "{\"log\":\"{\\\"body\\\":\\\"{" + q3 + "api_key" + q3 + ":" + q3
                    + token + q3 + "}\\\"}\"}", token, "body");
        }
        // the other values quoted so stay: a user, a host, a count
        String kept = "\"context\": \"{" + q3 + "user" + q3 + ":" + q3 + "ci-runner" + q3 + "," + q3 + "host" + q3 + ":"
                + q3 + "db.internal:5432" + q3 + "," + q3 + "retries" + q3 + ":3}\"";
        FormChecks.untouched(redactor, kept);
    }

    @Test
    void aPasswordResetLinksTokenGoesInTheRoutesOfSeveralFrameworks() {
        for (int k = 0; k < 4; k++) {
            String t = FormChecks.token(random, 24);
            FormChecks.gone(Redactor.atRest(), "https://shop.example.test/accounts/reset/Mw/" + t + "/", t,
                    "https://shop.example.test/accounts/reset/Mw/");
            String django = "c" + FormChecks.token(random, 5).toLowerCase() + "-" + FormChecks.hex(random, 32);
            FormChecks.gone(redactor,
                    "AssertionError: 'http://testserver/reset/MQ/" + django + "/' not found in mail body", django,
                    "http://testserver/reset/MQ/", "not found in mail body");
            FormChecks.gone(redactor, "[2024-05-14 10:12:03] local.INFO: GET /password/reset/" + t + "?email=x 200", t,
                    "GET /password/reset/", " 200");
            FormChecks.gone(redactor, "  Location: /reset-password/reset/" + t, t, "Location: /reset-password/reset/");
        }
        // the routes' fixed words, a user's id and a UUID stay
        FormChecks.untouched(redactor,
                "Redirecting to http://testserver/accounts/reset/MQ/set-password/ from /reset/done/");
        FormChecks.untouched(redactor, "POST /reset-password/request 302; GET /api/v1/password-reset/confirm 404");
        FormChecks.untouched(redactor,
                "GET /admin/users/4211/reset/ 200; /reset/2aa3e26c-1151-4c1a-8f0e-2b2c2a2d4118/");
        FormChecks.untouched(redactor, "GET /settings/reset/notifications_and_privacy 200");
    }

    @Test
    void bindingsPrintedBeforeTheirSqlFieldGoByTheirColumns() {
        for (int k = 0; k < 4; k++) {
            String token = FormChecks.hex(random, 64);
            String regon = FormChecks.digits(random, 9, '1', 9);
            String id = "0437c014-cda3-495b-be9a-d9bd82ec30c3";
            String knex = "{\n  method: 'update',\n  bindings: [ '" + token + "', '" + regon + "', '" + id + "' ],\n"
                    + "  __knexQueryUid: 'mrU1UvlDYqN2zDJ8WTGAa',\n"
                    + "  sql: 'update \"accounts\" set \"api_token\" = ?, \"regon\" = ? where \"id\" = ?'\n}";
            FormChecks.gone(redactor, knex, token, id, "__knexQueryUid: 'mrU1UvlDYqN2zDJ8WTGAa'");
            FormChecks.gone(redactor, knex, regon);
            FormChecks.gone(Redactor.atRest(), knex, token, id);
            String json = "{\"bindings\":[\"" + token + "\",7],\n\"sql\":\"select * from sessions where "
                    + "refresh_token = ? and user_id = ?\"}";
            FormChecks.gone(redactor, json, token, "7]");
        }
        // the columns that are no secret keep their values: an id, a status, a name
        FormChecks.untouched(redactor, "{\n  bindings: [ 'active', 4211, 'ci-runner' ],\n"
                + "  sql: 'select * from \"users\" where \"status\" = ? and \"id\" = ? and \"login\" = ?'\n}");
    }
}
