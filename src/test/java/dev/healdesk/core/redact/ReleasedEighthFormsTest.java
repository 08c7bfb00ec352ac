package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the eighth corpus collection's released held-out part and its tune part still
 * leaked (redact21): a value a validation error prints beside its field's path (Ajv, jsonschema, Pydantic and FastAPI,
 * Spring's binding errors), a statement's values listed at the end of its own line (Ecto), a field's values in an
 * assertion's field-by-field diff (Kotest, pandas), a person's number found by its name printed again elsewhere, persons'
 * numbers written with letters among their digits, "ID number", a refresh token by its short name, Mosquitto's -P; and
 * national numbers that pass their country's checks as a field's value (national-ids.json). Each
 * on lines written for this test, not taken from the corpus, with counter-examples that must come through as they are.
 * Values are made at test time.
 */
class ReleasedEighthFormsTest {

    private final Random random = new Random(21_2026L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '2', 7);   // 2-8: no leading 0 or 1, no 9xx
    }

    private String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }

    @Test
    void aValueAnAjvErrorPrintsUnderAPersonalPathGoesAndOthersStay() {
        String id = digits(2) + "." + digits(2) + "." + digits(2) + "-" + digits(3) + "." + digits(2);
        FormChecks.gone(redactor, "[\n  {\n    instancePath: '/member/taxNumber',\n    keyword: 'maxLength',\n"
                + "    params: { limit: 11 },\n    message: 'must NOT have more than 11 characters',\n    data: '" + id
                + "'\n  }\n]", id, "instancePath: '/member/taxNumber'", "must NOT have more than 11 characters");
        String phone = "+4" + digits(2) + " " + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "{\"errors\":[{\"instancePath\":\"/contact/mobilePhone\",\"keyword\":\"pattern\","
                + "\"data\":\"" + phone + "\"}]}", phone, "\"instancePath\":\"/contact/mobilePhone\"");
        String password = "Qx" + digits(4) + "!lemon";
        FormChecks.gone(redactor, "errors: [{ instancePath: '/user/password', keyword: 'minLength', data: '" + password
                + "' }]", password, "instancePath: '/user/password'");
        FormChecks.untouched(redactor, "errors: [{ instancePath: '/quantity', keyword: 'maximum', data: 12345678 }]");
        FormChecks.untouched(redactor, "{ instancePath: '/order/reference', keyword: 'pattern', data: 'ORD-2024-88231' }");
        // the value of the next error's path is judged by its own path, not by the one before it
        FormChecks.untouched(redactor, "[{ instancePath: '/ssn', keyword: 'required', params: {} }, { instancePath: "
                + "'/quantity', data: 123456789 }]");
    }

    @Test
    void aValueUnderAPersonalFieldOfAPythonValidatorGoesWhereverItIsPrinted() {
        String aadhaar = "1" + digits(3) + " " + digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "jsonschema.exceptions.ValidationError: '" + aadhaar + "' does not match '^\\\\d{12}$'\n\n"
                + "On instance['customer']['aadhaar']:\n    '" + aadhaar + "'", aadhaar, "does not match",
                "On instance['customer']['aadhaar']:");
        FormChecks.untouched(redactor, "ValidationError: 'SKU-12345678' is too long\n\nOn instance['items'][0]['sku']:\n"
                + "    'SKU-12345678'");
        String tax = digits(11);
        FormChecks.gone(redactor, "1 validation error for Customer\ncustomer.tax_id\n  String should have at most 9 "
                + "characters [type=string_too_long, input_value='" + tax + "', input_type=str]", tax,
                "customer.tax_id", "[type=string_too_long");
        FormChecks.untouched(redactor, "1 validation error for Order\norder.quantity\n  Input should be less than 100 "
                + "[type=less_than, input_value=12345678, input_type=int]");
        String phone = "+3" + digits(2) + " " + digits(2) + " " + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "{\"detail\":[{\"type\":\"string_pattern_mismatch\",\"loc\":[\"body\",\"phone\"],"
                + "\"msg\":\"String should match pattern\",\"input\":\"" + phone + "\"},{\"type\":\"int_parsing\",\"loc\":"
                + "[\"body\",\"order_id\"],\"input\":\"88231x\"}]}", phone, "\"loc\":[\"body\",\"phone\"]", "88231x");
        String passport = "P" + digits(8);
        FormChecks.gone(redactor, "[{'type': 'string_too_short', 'loc': ('passport',), 'input': '" + passport + "'}]",
                passport, "'loc': ('passport',)");
    }

    @Test
    void aRejectedValueOfSpringsBindingErrorsGoesUnderAPersonalField() {
        String phone = "+35" + digits(1) + " " + digits(2) + " " + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "Field error in object 'customer' on field 'phone': rejected value [" + phone
                + "]; codes [Pattern.customer.phone,Pattern.phone]; default message [must match]", phone,
                "on field 'phone'", "codes [Pattern.customer.phone,Pattern.phone]");
        FormChecks.untouched(redactor, "Field error in object 'order' on field 'quantity': rejected value [12345678]; "
                + "codes [Max.order.quantity]");
    }

    @Test
    void aStatementsValuesListedAtTheEndOfItsLineGoUnderTheirColumns() {
        String cpr = digits(6) + "-" + digits(4);
        String phone = digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        String password = "Hn" + digits(3) + "%tq" + digits(2);
        String line = "INSERT INTO \"members\" (\"name\",\"mobile\",\"cpr\",\"password_hash\",\"inserted_at\") VALUES "
                + "($1,$2,$3,$4,$5) RETURNING \"id\" [\"Ann Berg\", \"" + phone + "\", \"" + cpr + "\", \"" + password
                + "\", ~N[2024-05-14 10:22:31]]";
        FormChecks.gone(redactor, line, cpr, "\"Ann Berg\"", "~N[2024-05-14 10:22:31]");
        FormChecks.gone(redactor, line, phone);
        FormChecks.gone(redactor, line, password);
        String token = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "SELECT s0.\"id\" FROM \"sessions\" AS s0 WHERE (s0.\"token\" = $1) [\"" + token + "\"]",
                token, "FROM \"sessions\" AS s0");
        FormChecks.untouched(redactor, "SELECT o0.\"id\" FROM \"orders\" AS o0 WHERE (o0.\"id\" = $1) [48123456]");
        // a list after a colon or at a line's start is no statement's list
        FormChecks.untouched(redactor, "WHERE token = $1\nparams: none [\"abc\"]");
    }

    @Test
    void aFieldsValuesInAnAssertionsFieldByFieldDiffGo() {
        String phone = digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        String cpr = digits(6) + "-" + digits(4);
        FormChecks.gone(redactor, "data class diff for com.acme.Member\n\u251c phone: expected:<\"+45 00 00 00 00\"> but "
                + "was:<\"" + phone + "\">\n\u2514 cpr: expected:<null> but was:<\"" + cpr + "\">", phone,
                "expected:<\"+45 00 00 00 00\">", "data class diff for com.acme.Member");
        FormChecks.gone(redactor, "\u2514 cpr: expected:<null> but was:<\"" + cpr + "\">", cpr, "expected:<null>");
        FormChecks.gone(redactor, "cpr: expected: <null> but was: <" + cpr + ">", cpr, "expected: <null>");
        FormChecks.untouched(redactor, "\u251c status: expected:<\"paid\"> but was:<\"open\">");
        FormChecks.untouched(redactor, "\u251c orderNumber: expected:<\"20240514\"> but was:<\"20240515\">");
        String mobile = "9" + digits(2) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "E   DataFrame.iloc[:, 2] (column name=\"mobile\") values are different (50.0 %)\n"
                + "E   [index]: [0, 1]\nE   [left]:  [" + mobile + ", +351 910 000 000]\nE   [right]: [+351 910 000 000, "
                + "+351 910 000 000]\nE   At positional index 0, first diff: " + mobile + " != +351 910 000 000", mobile,
                "(column name=\"mobile\")", "[right]: [+351 910 000 000, +351 910 000 000]");
        FormChecks.untouched(redactor, "E   DataFrame.iloc[:, 1] (column name=\"qty\") values are different (50.0 %)\n"
                + "E   [left]:  [12345678, 2]\nE   [right]: [1, 2]");
    }

    @Test
    void aPersonsNumberWithLettersAmongItsDigitsGoesUnderItsName() {
        String pan = letters(5) + digits(4) + letters(1);
        FormChecks.gone(redactor, "{'name': 'Erin Moss', 'pan': '" + pan + "', 'plan': 'pro'}", pan, "'plan': 'pro'");
        String cf = letters(6) + digits(2) + letters(1) + digits(2) + letters(1) + digits(3) + letters(1);
        FormChecks.gone(redactor, "tax_id: " + cf, cf);
        FormChecks.untouched(redactor, "{'passport_country': 'DE', 'licence': 'Apache-2.0', 'tax_id': 'pending'}");
        FormChecks.untouched(redactor, "{'pan': 'ENABLED', 'tax_id': 'VAT-EXEMPT'}");
    }

    @Test
    void anIdNumberIsAPersonsNumberAndARefreshTokenASecret() {
        String id = digits(13);
        FormChecks.gone(redactor, "expected {\"email\" => \"x\", \"id\" => 1842, \"id_number\" => \"" + id + "\"}", id,
                "\"id\" => 1842");
        FormChecks.untouched(redactor, "{\"order_id_number\": 48123456, \"id\": 1842}");
        String refresh = FormChecks.token(random, 24);
        FormChecks.gone(redactor, "got: {\"token\"=>nil, \"refresh\"=>\"" + refresh + "\"}", refresh);
        FormChecks.untouched(redactor, "{\"refresh\": \"5m\", \"refresh\": true, \"refresh_interval\": \"30s\"}");
    }

    /** Invented numbers that pass their country's checks (national-ids.json), and one digit changed: fails them. */
    private static final String[][] CHECKED = {
            {"8507309458087", "8507309458088"},   // South Africa: date, citizenship, Luhn
            {"15088545378", "15088545379"},   // Norway: date, two mod-11 digits
            {"850730-0732", "850730-0733"},   // Sweden: date, Luhn
            {"85073002157", "85073002158"},   // Poland's PESEL
            {"736.819.303-50", "736.819.303-51"},   // Brazil's CPF
            {"85.07.30-033.28", "85.07.30-033.29"},   // Belgium: mod 97
            {"16426212958", "16426212959"},   // Turkey: two check digits
            {"850730-1972208", "850730-1972209"},   // Korea: date, check
            {"185077512345608", "185077512345609"},   // France's NIR: key mod 97
            {"130-033-228", "130-033-229"}};   // Canada's SIN: Luhn, 3-3-3

    @Test
    void aNationalNumberThatPassesItsCountrysChecksGoesAsAFieldsValueAndOthersStay() {
        for (String[] pair : CHECKED) {
            FormChecks.gone(redactor, "customer;" + pair[0] + ";Oslo", pair[0], "customer;", ";Oslo");
            FormChecks.gone(redactor, "{\"ref\": \"" + pair[0] + "\", \"qty\": 2}", pair[0], "\"qty\": 2");
            FormChecks.untouched(redactor, "customer;" + pair[1] + ";Oslo");
            FormChecks.untouched(redactor, "GET /orders/" + pair[0] + " 404");
            FormChecks.untouched(redactor, "build " + pair[0] + "a finished");
        }
        FormChecks.untouched(redactor, "{\"ts\": 1715768551000, \"order\": 20240514771, \"trace\": 4812345678901}");
    }

    @Test
    void mosquittosPasswordGoesAndItsPortStays() {
        String password = "Kite" + digits(4) + ".qz";
        FormChecks.gone(redactor, "$ mosquitto_pub -h broker.acme.io -p 8883 -t 'line/4' -u plc-bot -P " + password
                + " -m on", password, "-p 8883", "-u plc-bot");
    }
}
