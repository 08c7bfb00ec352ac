package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

/**
 * The general forms written for what the twelfth corpus collection's tune part leaked or lost: six more national
 * numbers by their printed layout and check digits (national-ids.json), more of them by their label, the IBAN
 * registry's later members, a phone in its country's own layout after a phone's word, the value a mask was compared
 * with, Basic {@code user:password} as HTTP client files write it, and DB-API's {@code %s} statement paired with its
 * parameters. Each on lines written for this test, not taken from the corpus, with counter-examples that must come
 * through as they are. The numbers are made here from the countries' published check rules (not by the corpus'
 * generator), each with a twin whose check digit is wrong, which must stay.
 */
class TwelfthFormsTest {

    private final Random random = new Random(12_2026L);
    private final Redactor redactor = Redactor.standard();

    private static int[] digits(String s) {
        return s.chars().filter(Character::isDigit).map(c -> c - '0').toArray();
    }

    /** Switzerland's AHV number: 756, nine digits and an EAN-13 check digit, printed 756.XXXX.XXXX.XX. */
    private static boolean ahvValid(String s) {
        int[] d = digits(s);
        return s.startsWith("756.") && d[12] == (10 - FormChecks.sum(d, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3) % 10) % 10;
    }

    private String ahv() {
        int[] d = FormChecks.body(random, 13);
        d[0] = 7;
        d[1] = 5;
        d[2] = 6;
        d[12] = (10 - FormChecks.sum(d, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3) % 10) % 10;
        String t = FormChecks.text(d);
        return t.substring(0, 3) + "." + t.substring(3, 7) + "." + t.substring(7, 11) + "." + t.substring(11);
    }

    /** Argentina's CUIT: a type, eight digits, 11 - (the weighted sum mod 11), 11 as 0, 10 never issued. */
    private static boolean cuitValid(String s) {
        int[] d = digits(s);
        int c = (11 - FormChecks.sum(d, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
        return d[0] >= 1 && d[0] <= 3 && "03457".indexOf('0' + d[1]) >= 0 && c < 10 && d[10] == c;
    }

    private String cuit(boolean dashed) {
        String[] types = {"20", "23", "24", "27", "30", "33"};
        while (true) {
            int[] d = FormChecks.body(random, 11);
            String type = types[random.nextInt(types.length)];
            d[0] = type.charAt(0) - '0';
            d[1] = type.charAt(1) - '0';
            int c = (11 - FormChecks.sum(d, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
            if (c < 10) {
                d[10] = c;
                String t = FormChecks.text(d);
                return dashed ? t.substring(0, 2) + "-" + t.substring(2, 10) + "-" + t.substring(10) : t;
            }
        }
    }

    /** Colombia's NIT: nine digits weighted from the right 3 7 13 17 19 23 29 37 41, r = sum mod 11, r < 2 ? r : 11 - r. */
    private static boolean nitValid(String s) {
        int[] d = digits(s);
        int r = FormChecks.sum(d, 41, 37, 29, 23, 19, 17, 13, 7, 3) % 11;
        return d[9] == (r < 2 ? r : 11 - r);
    }

    private String nit() {
        while (true) {
            int[] d = FormChecks.body(random, 10);
            int r = FormChecks.sum(d, 41, 37, 29, 23, 19, 17, 13, 7, 3) % 11;
            int c = r < 2 ? r : 11 - r;
            if (c < 10) {
                d[9] = c;
                String t = FormChecks.text(d);
                return t.substring(0, 3) + "." + t.substring(3, 6) + "." + t.substring(6, 9) + "-" + t.substring(9);
            }
        }
    }

    /** Australia's ABN: one less the first digit, weighted 10 1 3 5 ... 19, a multiple of 89. */
    private static boolean abnValid(String s) {
        int[] d = digits(s);
        return (FormChecks.sum(d, 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) - 10) % 89 == 0;
    }

    private String abn() {
        while (true) {
            int[] d = FormChecks.body(random, 11);
            d[0] = 1 + random.nextInt(9);
            d[1] = 0;
            d[2] = 1 + random.nextInt(9);   // no 0 after the first group: 084 716 141 reads as a phone with its trunk 0
            int rest = Math.floorMod(FormChecks.sum(d, 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) - 10, 89);
            // the second digit's weight is 1: it makes up what the rest lacks, where that is a digit
            int need = (89 - rest) % 89;
            if (need <= 9) {
                d[1] = need;
                String t = FormChecks.text(d);
                return t.substring(0, 2) + " " + t.substring(2, 5) + " " + t.substring(5, 8) + " " + t.substring(8);
            }
        }
    }

    /** Poland's NIP: ten digits printed 3-3-2-2, the last the weighted sum mod 11 (10 never issued). */
    private static boolean nipValid(String s) {
        int[] d = digits(s);
        return d[9] == FormChecks.sum(d, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11;
    }

    private String nip() {
        while (true) {
            int[] d = FormChecks.body(random, 10);
            d[0] = 1 + random.nextInt(9);   // a tax office's code, never 0xx (a number with its trunk 0 is a phone)
            int c = FormChecks.sum(d, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11;
            if (c < 10) {
                d[9] = c;
                String t = FormChecks.text(d);
                return t.substring(0, 3) + "-" + t.substring(3, 6) + "-" + t.substring(6, 8) + "-" + t.substring(8);
            }
        }
    }

    /** France's SIRET: fourteen digits printed 3 3 3 5, Luhn over them all. */
    private static boolean luhn(String s) {
        return ValidIdsTest.luhn(s.replaceAll("\\D", ""));
    }

    private String siret() {
        int[] d = FormChecks.body(random, 14);
        d[3] = 1 + random.nextInt(9);   // no group after the first starts with 0: 078 756 … reads as a phone's trunk
        d[6] = 1 + random.nextInt(9);
        d[9] = 1 + random.nextInt(9);
        d[13] = 0;
        String t = FormChecks.text(d);
        while (!luhn(t)) {
            d[13]++;
            t = FormChecks.text(d);
        }
        return t.substring(0, 3) + " " + t.substring(3, 6) + " " + t.substring(6, 9) + " " + t.substring(9);
    }

    @Test
    void sixMoreNationalNumbersGoByLayoutAndCheckAndTheirWrongTwinsStay() {
        FormChecks.numbersAndTwins(this::ahv, TwelfthFormsTest::ahvValid, "[error] customer rejected: bad number ", "");
        FormChecks.numbersAndTwins(() -> cuit(true), TwelfthFormsTest::cuitValid, "  | 101 | ", " | ok |");
        FormChecks.numbersAndTwins(() -> cuit(false), TwelfthFormsTest::cuitValid, "    fixture: { ref: '", "' }");
        FormChecks.numbersAndTwins(this::nit, TwelfthFormsTest::nitValid, "  mirage: { ref: \"", "\" }");
        // a twin whose last nine digits are a Canadian SIN (3 3 3, Luhn) goes by that rule: moved on past it too
        FormChecks.numbersAndTwins(this::abn, t -> abnValid(t) || luhn(t.substring(3)) && t.charAt(3) >= '1' && t.charAt(3) <= '7',
                "{\"data\":{\"ref\":\"", "\"}}");
        FormChecks.numbersAndTwins(this::nip, TwelfthFormsTest::nipValid, "    ref: ", "");
        FormChecks.numbersAndTwins(this::siret, TwelfthFormsTest::luhn, "    - ", "");
    }

    @Test
    void versionsDatesAndIdsInTheNewLayoutsStay() {
        FormChecks.untouched(redactor, "Chrome 124.0.6367.91 on Linux");
        FormChecks.untouched(redactor, "build 2024.0514.1201.33 published");
        FormChecks.untouched(redactor, "order 2024-05-14-1 shipped");
        FormChecks.untouched(redactor, "took 12 345 678 901 ns");
    }

    @Test
    void moreNumbersGoByTheirLabel() {
        for (int k = 0; k < 4; k++) {
            String n = FormChecks.digits(random, 9, '1', 9);
            FormChecks.gone(redactor, "-- sample: email=x afm=" + n + " rows=3", n, "rows=3");
            String clabe = FormChecks.digits(random, 18, '0', 2);
            FormChecks.gone(redactor, "Payload: {\"clabe\":\"" + clabe + "\",\"amount\":12}", clabe, "\"amount\":12");
        }
        FormChecks.untouched(redactor, "clabe: pending review");
        FormChecks.untouched(redactor, "{\"nit\": \"unknown\", \"abn\": null}");
    }

    /** An IBAN of {@code country} with a BBAN of {@code n} digits and its mod-97 check digits. */
    private String iban(String country, int n) {
        String bban = FormChecks.digits(random, n, '0', 10);
        String letters = "" + (country.charAt(0) - 'A' + 10) + (country.charAt(1) - 'A' + 10);
        int check = 98 - new BigInteger(bban + letters + "00").mod(BigInteger.valueOf(97)).intValue();
        return country + (check < 10 ? "0" : "") + check + bban;
    }

    @Test
    void theIbanRegistrysLaterMembersGoAndABrokenCheckStays() {
        for (String[] c : new String[][] {{"LY", "21"}, {"SV", "24"}, {"RU", "29"}, {"VA", "18"}}) {
            String iban = iban(c[0], Integer.parseInt(c[1]));
            FormChecks.gone(redactor, "Body: {\"iban\":\"" + iban + "\",\"card\":null}", iban, "\"card\":null");
            FormChecks.gone(redactor, "  beneficiary " + iban + " rejected", iban, "rejected");
            String broken = iban.substring(0, 2) + (iban.charAt(2) == '9' ? '0' : (char) (iban.charAt(2) + 1))
                    + iban.substring(3);
            FormChecks.untouched(redactor, "  beneficiary " + broken + " rejected");
        }
    }

    @Test
    void aPhoneInItsCountrysLayoutGoesAfterAPhonesWord() {
        for (int k = 0; k < 4; k++) {
            String sg = FormChecks.digits(random, 4, '8', 2) + " " + FormChecks.digits(random, 4, '0', 10);
            FormChecks.gone(redactor, "#   Failed test 'row matches'\n#          $got->{phone} = '" + sg + "'", sg,
                    "$got->{phone}");
            String ee = FormChecks.digits(random, 4, '5', 1) + " " + FormChecks.digits(random, 4, '0', 10);
            FormChecks.gone(redactor, "  1) keeps the mobile\n     Failure/Error: customer.mobile.should eq \"x\"\n"
                    + "            got: \"" + ee + "\"", ee, "got: \"");
            String fr = "6 " + FormChecks.digits(random, 2, '1', 9) + " " + FormChecks.digits(random, 2, '1', 9) + " "
                    + FormChecks.digits(random, 2, '1', 9) + " " + FormChecks.digits(random, 2, '1', 9);
            FormChecks.gone(redactor, "import normalises phones\nPassed in:\n(string) '" + fr + "'", fr);
            String dashed = FormChecks.digits(random, 4, '6', 3) + "-" + FormChecks.digits(random, 4, '0', 10);
            FormChecks.gone(redactor, "  message: \"phone is formatted\"\n  actual  : \"" + dashed + "\"", dashed,
                    "actual  : \"");
            FormChecks.gone(redactor, "Verification failed: SmsGateway(#7).send(eq(" + sg + "), any())", sg,
                    "SmsGateway(#7)");
            // no phone's word before it: an id, a count, a ticket
            FormChecks.untouched(redactor, "  message: \"ticket is formatted\"\n  actual  : \"" + dashed + "\"");
            FormChecks.untouched(redactor, "#          $got->{ref} = '" + sg + "'");
            // a phone's word only after it is another field's
            FormChecks.untouched(redactor, "ref " + sg + " ERROR bad query: UPDATE \"res_partner\" SET \"phone\" = x");
        }
        // a time's fraction and the process id after it, under a phone's word
        FormChecks.untouched(redactor, "phone sync\n2024-05-14 12:04:11,302 4812 ERROR sync failed");
        FormChecks.untouched(redactor, "phone sync\nupdated in 2024 0514");   // a year and a date
        FormChecks.untouched(redactor, "phone numbers imported: 1 234 567");   // an amount's thousands
    }

    @Test
    void theValueAMaskWasComparedWithGoes() {
        for (int k = 0; k < 4; k++) {
            String token = FormChecks.token(random, 40);
            FormChecks.gone(redactor, "error: 'rejects expired token' failed: expected \"" + token + "\", found \"***\"",
                    token, "found \"***\"", "rejects expired token");
            FormChecks.gone(redactor, "  Expected: \"***\" but was: \"" + token + "\"", token, "Expected: \"***\"");
            String n = FormChecks.digits(random, 9, '1', 9);
            FormChecks.gone(redactor, "customer.afm_ref\n  ± value change\n    - " + n + "\n    + ***", n, "+ ***");
            FormChecks.gone(redactor, "customer.ref\n  ± value change\n    - ****\n    + " + token, token, "- ****");
        }
        FormChecks.untouched(redactor, "expected \"***\", got \"<redacted>\"");
        FormChecks.untouched(redactor, "expected \"***\", found \"two words\"");
        FormChecks.untouched(redactor, "- item one\n+ ***");
        FormChecks.untouched(redactor, "  ~ \"DatabasePassword\"      = \"****\" -> (known after apply)");   // assigned
        FormChecks.untouched(redactor, "*** TEST CUSTLOAD PARAGRAPH 2000-CALC FAILED ***");
        FormChecks.untouched(redactor, "  - 12\n  + ***");   // too short to be anyone's secret
    }

    @Test
    void basicUserColonPasswordKeepsItsUserAndATemplatesVariable() {
        String pw = FormChecks.token(random, 14);
        FormChecks.gone(redactor, "authorization: Basic ci-runner:" + pw + "\ncontent-type: application/json", pw,
                "Basic ci-runner:", "content-type: application/json");
        FormChecks.untouched(redactor, "authorization: Basic ci-runner:{{PASSWORD}}\nx-tenant: acme");
        FormChecks.untouched(redactor, "authorization: Basic svc-e2e:${PASSWORD}");
    }

    @Test
    void aDbApiStatementPairedWithItsParametersGivesEachItsColumn() {
        String token = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "DEBUG peewee ('SELECT \"t1\".\"id\" FROM \"apitoken\" AS \"t1\" WHERE (\"t1\".\"token\" "
                + "= %s) LIMIT %s', ['" + token + "', 1])", token, "LIMIT %s', [", ", 1])");
        FormChecks.gone(redactor, "('UPDATE \"users\" SET \"password\" = %s WHERE (\"users\".\"id\" = %s)', ['"
                + token + "', 3322256])", token, "3322256");
        FormChecks.untouched(redactor, "DEBUG peewee ('SELECT \"t1\".\"id\" FROM \"user\" AS \"t1\" WHERE (\"t1\".\"status\" "
                + "= %s) LIMIT %s', ['active', 1])");
        FormChecks.untouched(redactor, "log('%s rows', [12, 'orders'])");
    }
    @Test
    void aNameAndItsValueAsATwoItemTupleIsAPairNotAHeader() {
        String token = FormChecks.token(random, 12) + "7Qa" + FormChecks.token(random, 9);
        FormChecks.gone(redactor, "  Params: [(\"email\",\"x\"),(\"_token\",\"" + token + "\")]", token, "(\"_token\",\"",
                "(\"email\",");
        // before, ("password", "…") read as a header of two names masked the next pair's name as a password
        FormChecks.gone(redactor, "[(\"password\",\"Pw12345xx\"),(\"api_token\",\"" + token + "\")]", token,
                "(\"api_token\",\"");
        FormChecks.untouched(redactor, "  [(\"country\",\"Germany1\"),(\"name\",\"AddressLine1\")]");
        FormChecks.untouched(redactor, "columns: ('id', 'status')\nrows: [(1, 'paid')]");
    }

    @Test
    void azureStoragesSharedKeyKeepsItsAccount() {
        String sig = FormChecks.token(random, 43) + "=";
        FormChecks.gone(redactor, "RequestHeaders:{\"x-ms-version\":\"2023-11-03\",\"authorization\":\"SharedKey "
                + "acmereports:" + sig + "\"} ClientIP=127.0.0.1", sig, "SharedKey acmereports:", "ClientIP=127.0.0.1");
        FormChecks.gone(redactor, "Authorization: SharedKeyLite acmereports:" + sig, sig, "SharedKeyLite acmereports:");
        FormChecks.untouched(redactor, "Authorization: SharedKey acmereports:{{SIGNATURE}}");
    }

    @Test
    void aSecretGivenToAMethodThatNamesItGoes() {
        String hex = FormChecks.token(random, 40).toLowerCase();
        FormChecks.gone(redactor, "x\n[debug] [c910eabf] app->secrets(['" + hex + "'])", hex, "app->secrets(['");
        String pw = "Kx9!" + FormChecks.token(random, 10);
        FormChecks.gone(redactor, "  config.setPassword(\"" + pw + "\");", pw, "config.setPassword(\"");
        FormChecks.gone(redactor, "  Builder::withApiKey('" + hex + "')", hex, "Builder::withApiKey('");
        FormChecks.untouched(redactor, "  vault.getPassword(\"billing_rw\")");
        FormChecks.untouched(redactor, "  svc.rotateSecret(\"billing\")");
        FormChecks.untouched(redactor, "  log.info('password reset sent')");
        FormChecks.untouched(redactor, "  obj.print('" + hex + "')");
        FormChecks.untouched(redactor, "  secrets(['" + hex.substring(0, 8) + "'])");   // no member call, a word
    }
    @Test
    void aSecretsValueUnderAKeyThatSaysHowItIsHeldGoes() {
        String enc = FormChecks.token(random, 43) + "=";
        FormChecks.gone(redactor, "environment:\n  NUGET_API_KEY:\n    secure: " + enc + "\n  CONFIGURATION: Release", enc,
                "NUGET_API_KEY:", "secure: ", "CONFIGURATION: Release");
        String pw = "Vx7-" + FormChecks.token(random, 12);
        FormChecks.gone(redactor, "db:\n  password:\n    value: " + pw + "\n", pw, "password:", "value: ");
        FormChecks.untouched(redactor, "db:\n  password:\n    value: ${DB_PASSWORD}\n");
        FormChecks.untouched(redactor, "retry:\n  value: 3\n");
        FormChecks.untouched(redactor, "cookie:\n  secure: true\n");
        FormChecks.untouched(redactor, "  NUGET_API_KEY:\nsecure: not indented below it");
    }

    @Test
    void aCookieInARubyOrPhpHashGoesByItsSiblingName() {
        String v = FormChecks.token(random, 150) + "--" + FormChecks.token(random, 20);
        FormChecks.gone(redactor, "browser.cookies.to_a => [{:name=>\"_shop_session\", :value=>\"" + v
                + "\", :path=>\"/\", :domain=>\"shop.acme.io\"}]", v, ":name=>\"_shop_session\"", ":domain=>\"shop.acme.io\"");
        FormChecks.gone(redactor, "{:value => \"" + v + "\", :name => \"remember_token\"}", v, ":name => \"remember_token\"");
        FormChecks.gone(redactor, "array('name' => 'PHPSESSID', 'value' => '" + v + "')", v, "'name' => 'PHPSESSID'");
        FormChecks.untouched(redactor, "[{:name=>\"theme\", :value=>\"dark-mode-2024-blue\", :path=>\"/\"}]");
        FormChecks.untouched(redactor, "<option value=\"" + "x".repeat(8) + "\">name</option>");
    }
}
