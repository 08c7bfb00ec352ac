package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the sixteenth corpus collection's released held-out part leaked or lost
 * (redact44): the United Kingdom's VAT number after GB by either of its check schemes (the first, a multiple of 97,
 * and the "9755" one of 2010) and the Netherlands' btw-id of 2020 (NL, nine digits, B, two digits, ISO 7064 MOD 97-10
 * over the whole with its letters), both in national-ids.json; a Confluent Cloud key's id as the user of a JAAS config
 * whose quotes a JSON log escapes ({@code username=\"…\"}, {@link UserKeys}); a one-time code after its words and a
 * blank alone, as a message's subject writes it ({@code 'Your code 666133'}, {@link OneTimeCodes}); and, kept, the
 * colon and status after a URL whose last query parameter is a token (Angular's {@code Http failure response for
 * …?access_token=…: 403 Forbidden}, {@link KeyValues}). Each on lines written for this test, not taken from the
 * corpus, with counter-examples that must come through as they are. The numbers are made here from the published
 * check rules, each with a twin whose check is wrong, which must stay.
 */
class ReleasedSixteenthFormsTest {

    private final Random random = new Random(44_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    /**
     * The United Kingdom's VAT number, GB and nine digits: the first seven weighted 8 to 2, plus the last two read as a
     * number, are 0 mod 97 (the first scheme) or 42 mod 97 (the "9755" scheme: with 55 more, a multiple of 97).
     */
    static boolean ukVat(String v) {
        int[] d = FormChecks.digitsOf(v);
        if (!v.startsWith("GB") || d.length != 9) {
            return false;
        }
        int r = (FormChecks.sum(d, 8, 7, 6, 5, 4, 3, 2) + 10 * d[7] + d[8]) % 97;
        return r == 0 || r == 42;
    }

    /** A valid UK VAT number of the scheme {@code target} (0 or 42), its first digit not 0. */
    private String ukVat(int target) {
        int[] d = FormChecks.body(random, 7);
        d[0] = 1 + random.nextInt(9);
        int check = Math.floorMod(target - FormChecks.sum(d, 8, 7, 6, 5, 4, 3, 2), 97);
        return "GB" + FormChecks.text(d) + String.format("%02d", check);
    }

    /** The whole id, letters read as 10 to 35 and digits as they are, mod 97: ISO 7064 MOD 97-10 leaves 1. */
    static int mod97(String v) {
        int r = 0;
        for (char c : v.toCharArray()) {
            r = Character.isDigit(c) ? (r * 10 + c - '0') % 97 : (r * 100 + c - 'A' + 10) % 97;
        }
        return r;
    }

    /** The btw-id of before 2020: the nine digits' 9..2 weighted sum mod 11 is the ninth. */
    static boolean rsinCheck(String v) {
        int[] d = FormChecks.digitsOf(v.substring(2, 11));
        return FormChecks.sum(d, 9, 8, 7, 6, 5, 4, 3, 2) % 11 == d[8];
    }

    /** The Netherlands' btw-id, either rule: NL, nine digits, B, two digits. */
    static boolean dutchVat(String v) {
        return v.matches("NL[0-9]{9}B[0-9]{2}") && (mod97(v) == 1 || rsinCheck(v));
    }

    /** A btw-id of 2020 (the nine digits fail the old rule, so that its twin fails both). */
    private String dutchVat2020() {
        String v;
        do {
            v = "NL" + FormChecks.text(FormChecks.body(random, 9)) + "B00";
        } while (rsinCheck(v));
        return v.substring(0, 12) + String.format("%02d", 98 - mod97(v));
    }

    private void vats(Supplier<String> valid, Predicate<String> passes) {
        FormChecks.numbersAndTwins(valid, passes, "2024-06-01 12:05:44.0917|WARN|Shop.Api|rejected payload={\"vat\":\"",
                "\"} status=401");
        FormChecks.numbersAndTwins(valid, passes, "[jsforce] DEBUG: body={\"Name\":\"Initech\",\"Tax_Id__c\":\"", "\"}");
        FormChecks.numbersAndTwins(valid, passes, "\torg.opentest4j.AssertionFailedError: taxId ==> expected: <",
                "> but was: <null>");
        FormChecks.numbersAndTwins(valid, passes, "| 7 | Initech Ltd | ", " | active |");
    }

    @Test
    void aUkVatNumberGoesByTheFirstSchemesCheckAndAWrongCheckStays() {
        vats(() -> ukVat(0), ReleasedSixteenthFormsTest::ukVat);
    }

    @Test
    void aUkVatNumberGoesByThe9755SchemesCheckAndAWrongCheckStays() {
        vats(() -> ukVat(42), ReleasedSixteenthFormsTest::ukVat);
    }

    @Test
    void aUkVatNumberOfABranchGoesWithItsThreeDigits() {
        for (int k = 0; k < 8; k++) {
            String v = ukVat(k % 2 == 0 ? 0 : 42) + "001";
            FormChecks.gone(redactor, "{\"vat_number\":\"" + v + "\",\"branch\":true}", v.substring(2, 11),
                    "\",\"branch\":true}");
        }
    }

    @Test
    void theDutchBtwIdOf2020GoesByItsMod97AndAWrongCheckStays() {
        // the Belastingdienst's published specimen passes the rule as written here
        assertTrue(dutchVat("NL000099998B57") && mod97("NL000099998B57") == 1);
        vats(this::dutchVat2020, ReleasedSixteenthFormsTest::dutchVat);
        FormChecks.gone(redactor, "Payout refused (VAT NL000099998B57); gateway said 402", "NL000099998B57",
                "gateway said 402");
    }

    @Test
    void vatLookalikesStay() {
        String gb = ukVat(0);
        // in a path, a word, a file's name, a URL; one digit more or less than the layout takes
        FormChecks.untouched(redactor, "GET /api/vat/" + gb + "/returns and artifact X" + gb + ".zip, file " + gb + ".log");
        FormChecks.untouched(redactor, "{\"ref\":\"" + gb.substring(0, 10) + "\",\"ref2\":\"" + gb + "1\"}");
        // the letters of no country before nine digits whose sum passes: an order's id
        FormChecks.untouched(redactor, "{\"order\":\"GX" + gb.substring(2) + "\"}");
        // the Netherlands' layout with another letter than B; the specimen with its check moved
        FormChecks.untouched(redactor, "{\"vat\":\"NL000099998C57\",\"alt\":\"NL000099998B58\"}");
        // a UK VAT number's digits bare, without GB: nine digits with a 1-in-48 check are too many ids' shape
        FormChecks.untouched(redactor, "{\"order_id\":\"" + gb.substring(2) + "\"}");
    }

    /** A Confluent Cloud API key's id: sixteen capitals and digits. */
    private String confluentKey() {
        String v;
        do {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 16; k++) {
                b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(random.nextInt(36)));
            }
            v = b.toString();
        } while (v.chars().filter(Character::isDigit).count() < 3 || v.chars().filter(Character::isLetter).count() < 3
                || v.chars().noneMatch(c -> c > 'F' && Character.isLetter(c)));
        return v;
    }

    @Test
    void aKeysIdAsTheUserOfAJaasConfigInAJsonLogGoes() {
        for (int k = 0; k < 8; k++) {
            String id = confluentKey();
            String secret = FormChecks.token(random, 40);
            String line = "{\"@timestamp\":\"2024-06-01T12:04:17.311Z\",\"log.level\":\"ERROR\",\"message\":\"auth failed: "
                    + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\""
                    + id + "\\\" password=\\\"" + secret + "\\\";\",\"log.logger\":\"orders.Producer\"}";
            FormChecks.gone(redactor, line, id, "PlainLoginModule required username=\\\"", "\\\" password=\\\"",
                    "\\\";\",\"log.logger\":\"orders.Producer\"}");
            FormChecks.gone(redactor, line, secret);
            FormChecks.gone(atRest, line, id);
        }
    }

    @Test
    void aPersonsOrServicesUserInAnEscapedJaasConfigStays() {
        for (String user : new String[] {"ci-bot", "ADMIN", "DEADBEEF00112233", "svc_orders_producer", "t863u4cjdry9hjsn"}) {
            String line = "{\"message\":\"sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
                    + "required username=\\\"" + user + "\\\" password=\\\"[hidden]\\\";\"}";
            FormChecks.untouched(redactor, line);
        }
        // a key's shape but a quote that does not close it: a longer word
        FormChecks.untouched(redactor, "{\"message\":\"username=\\\"T863U4CJDRY9HJSN-orders\\\"\"}");
    }

    @Test
    void aOneTimeCodeAfterItsWordsAndABlankGoesInAMessagesSubjectOrText() {
        for (int k = 0; k < 8; k++) {
            String code = FormChecks.digits(random, 4 + k % 5, '0', 10);
            String mail = "message: { from: 'Acme <noreply@mg.acme.test>', to: ['x'], subject: 'Your code " + code + "' }";
            FormChecks.gone(redactor, mail, code, "subject: 'Your code ", "' }");
            FormChecks.gone(atRest, mail, code);
            FormChecks.gone(redactor, "sms sent: \"Your verification code " + code + " expires in 10 minutes\"", code,
                    "expires in 10 minutes");
            FormChecks.gone(redactor, "Subject: Your login code " + code + "\nFrom: noreply@acme.test", code,
                    "\nFrom: ");
        }
    }

    @Test
    void aCodeWordAndANumberThatIsNoCodeStay() {
        FormChecks.untouched(redactor, "Process finished with exit code 1234");
        FormChecks.untouched(redactor, "HTTP status code 5001 unknown; error code 40123");
        // a date, a time, a range, a version, a size after the words; too short, too long, glued to a word
        FormChecks.untouched(redactor, "your code 2024-06-01 and your code 12:30 and your code 1234-5678");
        FormChecks.untouched(redactor, "your code 1.2.3 and your code 4096KB and your code 123");
        FormChecks.untouched(redactor, "your code 1234567890 was deployed");
        FormChecks.untouched(redactor, "your code 2048/4096 lines");
        // a PIN with no word that says whose: a field's name (a quoted "pin" is a JSON field, judged elsewhere)
        FormChecks.untouched(redactor, "pin 4021 of the GPIO header");
    }

    @Test
    void aStatusAfterATokensQueryValueAndItsColonIsKept() {
        for (int k = 0; k < 8; k++) {
            String token = FormChecks.hex(random, 40);
            String line = "\tHttp failure response for https://api.acme.test/api/profile?access_token=" + token
                    + ": 403 Forbidden";
            FormChecks.gone(redactor, line, token, "/api/profile?", ": 403 Forbidden");
            FormChecks.gone(atRest, line, token, ": 403 Forbidden");
            String other = "GET https://api.acme.test/x?page=2&api_key=" + FormChecks.token(random, 32) + ": timeout";
            String out = redactor.redact(other);
            assertTrue(out.endsWith(": timeout"), out);
            assertFalse(out.contains(other.substring(other.indexOf("api_key=") + 8, other.indexOf(": timeout"))), out);
        }
    }

    @Test
    void aColonInsideAQueryValueStaysPartOfIt() {
        // a value with a colon inside goes whole: only a colon before a blank or the end is the sentence's
        String token = FormChecks.token(random, 24);
        String out = redactor.redact("GET https://api.acme.test/x?access_token=" + token + ":" + token + " 200");
        assertFalse(out.contains(token), out);
        assertTrue(out.endsWith(" 200"), out);
    }
}
