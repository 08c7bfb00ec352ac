package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Supplier;

/**
 * The general forms written for what the tenth corpus collection's tune part leaked or lost: more countries' national
 * numbers by their printed layout and check digits (national-ids.json), the columns of a data table headed by names
 * with no rule under it (Gherkin), a DeepDiff change under its path, the value a FluentAssertions message found, a
 * phone in its country's own layout beside an e-mail address, Honeycomb's key header, a one-time code after a written
 * {@code \n}, a value typed into a field named in words, and a list of key names kept as configuration. Each on lines
 * written for this test, not taken from the corpus, with counter-examples that must come through as they are. The
 * numbers are made here from the countries' published check rules (not by the corpus' generator), each with a twin
 * whose check digit is wrong, which must stay.
 */
class TenthFormsTest {

    private final Random random = new Random(10_2026L);
    private final Redactor redactor = Redactor.standard();

    private void date(int[] d, int at, boolean dayFirst) {
        int day = 1 + random.nextInt(28);
        int month = 1 + random.nextInt(12);
        int year = random.nextInt(100);
        int[] dm = dayFirst ? new int[] {day / 10, day % 10, month / 10, month % 10, year / 10, year % 10}
                : new int[] {year / 10, year % 10, month / 10, month % 10, day / 10, day % 10};
        System.arraycopy(dm, 0, d, at, 6);
    }

    /** The number with its last digit moved by one: the same layout, a check digit that fails. */
    private static String wrong(String valid) {
        char last = valid.charAt(valid.length() - 1);
        return valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** Estonia's isikukood and Lithuania's asmens kodas: G YYMMDD NNN C, mod 11 with a second pass. */
    private String balticPersonalCode() {
        int[] d = FormChecks.body(random, 11);
        d[0] = 1 + random.nextInt(6);
        date(d, 1, false);
        int r = FormChecks.sum(d, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1) % 11;
        if (r == 10) {
            r = FormChecks.sum(d, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3) % 11 % 10;
        }
        d[10] = r;
        return FormChecks.text(d);
    }

    /** Iceland's kennitala: DDMMYY-RRCK, C = 11 - weighted sum mod 11 (10 never issued), K the century. */
    private String kennitala() {
        while (true) {
            int[] d = FormChecks.body(random, 10);
            date(d, 0, true);
            d[9] = random.nextBoolean() ? 9 : 0;
            int c = (11 - FormChecks.sum(d, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
            if (c < 10) {
                d[8] = c;
                String t = FormChecks.text(d);
                return t.substring(0, 6) + "-" + t.substring(6);
            }
        }
    }

    /** JMBG / EMŠO: DDMMYYY RR BBB K, K = 11 - weighted sum mod 11, 0 for 10 and 11. */
    private String jmbg() {
        int[] d = FormChecks.body(random, 13);
        date(d, 0, true);
        d[4] = random.nextBoolean() ? 9 : 0;
        int m = 11 - FormChecks.sum(d, 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
        d[12] = m > 9 ? 0 : m;
        return FormChecks.text(d);
    }

    /** The Czech and Slovak rodné číslo: YYMMDD/SSSC, the ten digits divisible by 11. */
    private String rodneCislo() {
        while (true) {
            int[] d = FormChecks.body(random, 10);
            date(d, 0, false);
            d[2] += random.nextBoolean() ? 5 : 0;   // a woman's month + 50
            long nine = Long.parseLong(FormChecks.text(d).substring(0, 9));
            int c = (int) (nine * 10 % 11 == 0 ? 0 : (11 - nine * 10 % 11));
            if (c < 10) {
                d[9] = c;
                String t = FormChecks.text(d);
                return t.substring(0, 6) + "/" + t.substring(6);
            }
        }
    }

    /** Uruguay's cédula: D.DDD.DDD-C, C = (10 - weighted sum mod 10) mod 10. */
    private String uruguayCedula() {
        int[] d = FormChecks.body(random, 8);
        d[0] = 1 + random.nextInt(6);
        d[7] = (10 - FormChecks.sum(d, 2, 9, 8, 7, 6, 3, 4) % 10) % 10;
        String t = FormChecks.text(d);
        return t.charAt(0) + "." + t.substring(1, 4) + "." + t.substring(4, 7) + "-" + t.charAt(7);
    }

    /** Latvia's personas kods: DDMMYY-CNNNX, X = (1101 - weighted sum) mod 11. */
    private String personasKods() {
        while (true) {
            int[] d = FormChecks.body(random, 11);
            date(d, 0, true);
            d[6] = random.nextInt(3);
            int x = Math.floorMod(1101 - FormChecks.sum(d, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), 11);
            if (x < 10) {
                d[10] = x;
                String t = FormChecks.text(d);
                return t.substring(0, 6) + "-" + t.substring(6);
            }
        }
    }

    /** Bulgaria's EGN: YYMMDD SSS C, C = weighted sum mod 11, 10 read as 0. */
    private String egn() {
        int[] d = FormChecks.body(random, 10);
        date(d, 0, false);
        d[9] = FormChecks.sum(d, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10;
        return FormChecks.text(d);
    }

    private void numbers(Supplier<String> valid, String before, String after) {
        for (int k = 0; k < 8; k++) {
            String v = valid.get();
            FormChecks.gone(redactor, before + v + after, v);
            String twin = wrong(v);
            if (v.length() == 11 && v.charAt(6) == '-' && (v.charAt(10) == '9' || v.charAt(10) == '0')) {
                // the kennitala: its check digit is the one before the century's; its layout is Sweden's
                // personnummer's too, so a twin that fails both
                twin = v;
                do {
                    twin = twin.substring(0, 9) + (char) ('0' + (twin.charAt(9) - '0' + 1) % 10) + twin.charAt(10);
                } while (luhn(twin));
            }
            FormChecks.untouched(redactor, before + twin + after);
        }
    }

    private static boolean luhn(String number) {
        int sum = 0;
        boolean twice = false;
        for (int k = number.length() - 1; k >= 0; k--) {
            char c = number.charAt(k);
            if (c < '0' || c > '9') {
                continue;
            }
            int v = (c - '0') * (twice ? 2 : 1);
            sum += v > 9 ? v - 9 : v;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    @Test
    void moreCountriesNationalNumbersGoByLayoutAndCheckAndTheirWrongTwinsStay() {
        numbers(this::balticPersonalCode, "E   assert {'new_value': '", "', 'old_value': None}");
        numbers(this::balticPersonalCode, "  | Jonas Kazlauskas | ", " |");
        numbers(this::kennitala, "  customer_ref = '", "'");
        numbers(this::kennitala, "CONTEXT:  COPY customers, line 4: \"4,Gudrun,", ",gudrun\"");
        numbers(this::jmbg, "  Actual: \"", "\"\nExpected: \"\"");
        numbers(this::rodneCislo, "    Actual: '", "'");
        numbers(this::uruguayCedula, "{\"name\":\"Juan Perez\",\"ref\":\"", "\"}");
        numbers(this::uruguayCedula, "#         have: (1842,\"", "\")");
        numbers(this::personasKods, "customer: (", ", Riga)");
        numbers(() -> "BG" + egn(), "SET \"vat\" = '", "' WHERE id IN (1842)");
    }

    @Test
    void pakistansCnicGoesByItsLayoutAndLookAlikesStay() {
        for (int k = 0; k < 5; k++) {
            String cnic = FormChecks.digits(random, 5, '1', 7) + "-" + FormChecks.digits(random, 7, '0', 10) + "-"
                    + random.nextInt(10);
            FormChecks.gone(redactor, "Body: {\n  \"ref\": \"" + cnic + "\"\n}", cnic);
        }
        FormChecks.untouched(redactor, "Body: {\n  \"ref\": \"80123-1234567-1\"\n}");   // no province 8
        FormChecks.untouched(redactor, "job 12345-1234567 done");
    }

    @Test
    void numbersOfTheLayoutsThatAreNoPersonsStay() {
        FormChecks.untouched(redactor, "ts=1701234567890 took 1715688000000");   // epoch milliseconds, 13 digits
        FormChecks.untouched(redactor, "version 1.031.118-7 released");   // Uruguay's layout, a wrong check
        FormChecks.untouched(redactor, "see docs/2024/0514 and 240514/1234");
        FormChecks.untouched(redactor, "build BG1234567890 of BGP42 at BG12");
        FormChecks.untouched(redactor, "request_id: 2024-05-14T12:04:11Z, attempts: 3");
    }

    @Test
    void personsNumbersByMoreNames() {
        String n = FormChecks.digits(random, 10, '0', 3);
        FormChecks.gone(redactor, "-d '{\"cedula\": \"" + n + "\"}'", n);
        FormChecks.gone(redactor, "request.json = {\"nid\": \"" + n + "\"}", n);
        FormChecks.gone(redactor, "customer_kennitala = '" + n + "'", n);
        FormChecks.gone(redactor, "kimlik_no: " + n, n);
        FormChecks.untouched(redactor, "cedula_type: natural");
        FormChecks.untouched(redactor, "nid: 42");
    }

    @Test
    void aDataTableHeadedByNamesWithoutARuleIsReadByItsColumns() {
        String code = FormChecks.digits(random, 9, '1', 9);
        String phone = "8 6" + FormChecks.digits(random, 2, '0', 10) + " " + FormChecks.digits(random, 5, '1', 9);
        String table = "      | name          | phone        | personal_code |\n"
                + "      | Jonas Kazlauskas | " + phone + " | AB" + code + "     |\n";
        FormChecks.gone(redactor, table, phone, "| name          | phone        | personal_code |", "Jonas Kazlauskas");
        FormChecks.gone(redactor, table, code);
        FormChecks.untouched(redactor, "      | name  | status | count |\n      | Jonas | 5000 7668 | 12 |\n");
        FormChecks.untouched(redactor, "      | step | result |\n      | login | passed |\n      | logout | failed |\n");
    }

    @Test
    void aDeepDiffChangeIsJudgedUnderItsPathsLastKey() {
        String phone = "5" + FormChecks.digits(random, 3, '0', 10) + " " + FormChecks.digits(random, 4, '0', 10);
        FormChecks.gone(redactor, "assert not {'values_changed': {\"root['customer']['phone']\": {'new_value': '" + phone
                + "', 'old_value': '+372 5000 0000'}}}", phone, "root['customer']['phone']");
        String password = FormChecks.token(random, 14);
        FormChecks.gone(redactor, "{\"root['db']['password']\": {'new_value': '" + password + "', 'old_value': None}}",
                password);
        FormChecks.untouched(redactor, "{'values_changed': {\"root['order']['status']\": {'new_value': 'paid', "
                + "'old_value': 'open'}, \"root['order']['ref']\": {'new_value': '7023 1188', 'old_value': '1'}}}");
    }

    @Test
    void theValueAnAssertionFoundIsJudgedUnderTheMembersName() {
        String oib = FormChecks.digits(random, 11, '1', 9);
        FormChecks.gone(redactor, "Expected property customer.Oib to be <null>, but found \"" + oib + "\".", oib,
                "Expected property customer.Oib to be <null>, but found");
        String password = FormChecks.token(random, 12);
        FormChecks.gone(redactor, "Expected member Password to be \"***\", but found \"" + password + "\".", password);
        FormChecks.untouched(redactor, "Expected property customer.Status to be \"paid\", but found \"open\".");
        FormChecks.untouched(redactor, "Expected string to be \"abc\", but found \"12345678901\".");
        FormChecks.untouched(redactor, "Expected order.Total to be 10, but found \"31337\".");
    }

    @Test
    void aPhoneInItsCountrysOwnLayoutGoesBesideAnEmailAddressOnly() {
        String[] phones = {"677 " + FormChecks.digits(random, 4, '0', 10), "7921 " + FormChecks.digits(random, 4, '0', 10),
            "5" + FormChecks.digits(random, 3, '0', 10) + " " + FormChecks.digits(random, 4, '0', 10),
            "8 627 " + FormChecks.digits(random, 5, '0', 10), "9" + FormChecks.digits(random, 2, '0', 10) + " 123 456"};
        for (String phone : phones) {
            FormChecks.gone(redactor, "region ignored text \"jana.novak@posteo.de " + phone + "\"", phone);
            FormChecks.gone(redactor, "COPY customers, line 4: \"4,Gudrun," + phone + ",gudrun@example-mail.org\"", phone);
            FormChecks.untouched(redactor, "took " + phone + " ms in total");
        }
        FormChecks.untouched(redactor, "uploaded 1 234 567 bytes for ci@build.wayne.org");
        FormChecks.untouched(redactor, "release 2024 0514 by ci@build.wayne.org");
        FormChecks.untouched(redactor, "4,Gudrun,1234 5678,x");
    }

    @Test
    void honeycombsKeyGoesByItsHeaderAndItsDatasetStays() {
        String key = FormChecks.token(random, 22);
        FormChecks.gone(redactor, "request headers: {'X-Honeycomb-Team': '" + key + "', 'User-Agent': 'libhoney-py/2.4.0'}",
                key, "libhoney-py/2.4.0");
        FormChecks.gone(redactor, "OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=" + key + ",x-honeycomb-dataset=auth", key,
                "x-honeycomb-dataset=auth");
        FormChecks.untouched(redactor, "x-honeycomb-dataset=auth team=platform on-call-team=sre-eu");
    }

    @Test
    void aOneTimeCodeAfterAWrittenLineBreakGoes() {
        String code = FormChecks.digits(random, 6, '1', 9);
        FormChecks.gone(redactor, "body=\"Use this link: https://shop.wayne.org/reset\\nYour code: " + code + "\"", code,
                "https://shop.wayne.org/reset");
        FormChecks.untouched(redactor, "body=\"failed\\nerror code: 218109\"");
        FormChecks.untouched(redactor, "body=\"failed\\nexit code: 137\"");
    }

    @Test
    void aValueTypedIntoAFieldNamedInWordsIsJudgedByTheFieldsName() {
        String password = "Falcon" + FormChecks.digits(random, 4, '1', 9) + ".fa";
        FormChecks.gone(redactor, "Test failed at step: Toby enters '" + password + "' into the password field", password,
                "Test failed at step: Toby enters '");
        FormChecks.untouched(redactor, "Toby enters 'Dune' into the search field");
        FormChecks.untouched(redactor, "Toby enters 'toby' into the username field");
        FormChecks.untouched(redactor, "Toby enters 'Dune' into the search");
    }

    @Test
    void aListOfKeyNamesIsConfigurationNotASecret() {
        FormChecks.untouched(redactor, "  request.filter_keys: [\"password\", \"password_confirmation\"]");
        FormChecks.untouched(redactor, "filter_parameters: [(\"token\", \"access_token\"), (\"secret\", \"client_secret\")]");
        String password = FormChecks.token(random, 12);
        FormChecks.gone(redactor, "headers: [(\"password\", \"" + password + "\")]", password);
    }
}
