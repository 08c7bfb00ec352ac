package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the sixth corpus collection's released held-out part (and the tune parts left)
 * leaked or lost: a telephone number by its label in any country's layout, a person's number whose name is spelt in
 * parts ({@code my_number}), a placeholder number of zeros, delimited records below the header that names their columns
 * (CSV, TSV, PostgreSQL's {@code COPY … FROM stdin}). Each on lines written for this test, not taken from the corpus,
 * each with counter-examples that must come through as they are. Values are made at test time.
 */
class ReleasedSixthFormsTest {

    private final Random random = new Random(20261207L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String digits(int n) {
        return FormChecks.digits(random, n, '1', 9);
    }

    private void gone(Redactor r, String text, String secret, String... kept) {
        FormChecks.gone(r, text, secret, kept);
    }

    private void untouched(String text) {
        FormChecks.untouched(redactor, text);
    }

    @Test
    void aPhoneGoesByItsLabelWhateverItsCountrysLayout() {
        String brazil = "(" + digits(2) + ") 9" + digits(4) + "-" + digits(4);
        gone(redactor, "- { country: BR, name: \"Ana\", phone: \"" + brazil + "\" }", brazil, "country: BR", "phone:");
        String spain = digits(3) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        gone(redactor, "row: {'name': 'Ana', 'phone_es': '" + spain + "', 'city': 'Lugo'}", spain, "'phone_es'",
                "'city': 'Lugo'");
        String mobile = "06 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        gone(redactor, "contact.mobileNumber=" + mobile + " rejected", mobile, "contact.mobileNumber=", "rejected");
        String plain = digits(10);
        gone(redactor, "{\"tel\":\"" + plain + "\",\"ok\":false}", plain, "\"ok\":false");
    }

    @Test
    void aPhonesLabelLeavesCountsDatesAndPlaceholdersAlone() {
        untouched("phones: 3, phone_verified: 2024-05-14");
        untouched("phone_count=12 status: 200");
        untouched("assert normalise_phone(raw, 'KR') == '+82 10-0000-0000'");
        untouched("phone: \"+44 20 0000 0000\"");
        untouched("telemetry: 1234 5678 9012");
        untouched("hotel: 555 1234 567");
    }

    @Test
    void aPhoneByItsLabelStaysAtRest() {
        FormChecks.untouched(atRest, "phone: \"(11) 92749-4822\"");
    }

    @Test
    void aPersonsNumberWhoseNameIsSpeltInPartsGoes() {
        String number = digits(4) + " " + digits(4) + " " + digits(4);
        gone(redactor, "{ country: JP, my_number: \"" + number + "\" }", number, "my_number", "country: JP");
        gone(atRest, "person.myNumber=" + number.replace(" ", ""), number.replace(" ", ""), "person.myNumber=");
        untouched("my_id: 12345678");
        untouched("my_number_of_retries: 3");
    }

    @Test
    void theColumnsOfACsvHeaderSayWhatTheRowsBelowHold() {
        String id = "QQ " + digits(2) + " " + digits(2) + " " + digits(2) + " C";
        String tfn = "TFN " + digits(3) + " " + digits(3) + " " + digits(3);
        String phone = "(" + digits(2) + ") " + digits(5) + "-" + digits(4);
        String text = "row,name,phone,national_id,error\n"
                + "7,Ana Lima,+1 415 555 0100," + id + ",\"postcode missing\"\n"
                + "8,Bo Chan," + phone + "," + tfn + ",\"duplicate, email\"\n"
                + "expected 0 error rows, got 2";
        gone(redactor, text, id, "row,name,phone,national_id,error", "\"postcode missing\"", "7,Ana Lima,",
                "expected 0 error rows, got 2");
        gone(redactor, text, tfn, "\"duplicate, email\"");
        gone(redactor, text, phone);
        gone(atRest, text, tfn, "\"postcode missing\"");
        String semicolons = "user;password;role\nci;" + "Tq" + digits(6) + "x;admin\n";
        gone(redactor, semicolons, "Tq", "user;password;role", "ci;", ";admin");
    }

    @Test
    void aHeaderThatNamesNothingSecretOrRowsOfAnotherShapeKeepTheirValues() {
        untouched("id,status,region\n1,ok,eu-west-1\n2,failed,us-east-2");
        untouched("test,duration_ms,retries\nlogin,1234567,0");
        untouched("name,national_id,city\nAna,pending,Lugo");
        untouched("name,password_policy,city\nAna,min-12-chars,Lugo");
        untouched("national_id,phone,city\n(two lines below)\nAna");
    }

    @Test
    void theRowsOfAPostgresCopyGoByTheirColumns() {
        String id = digits(9);
        String key = FormChecks.token(random, 32);
        String text = "STATEMENT:  COPY applicants (name, national_id, api_key, city) FROM stdin;\n"
                + "Dave Silva\t" + id + "\t" + key + "\tGdansk\n\\.\n";
        gone(redactor, text, id, "COPY applicants (name, national_id, api_key, city) FROM stdin;", "Dave Silva\t",
                "\tGdansk");
        gone(atRest, text, key, "Gdansk");
        untouched("COPY orders (id, status, total) FROM stdin;\n1\tshipped\t12.50\n\\.");
        untouched("COPY users (name, api_key) FROM stdin;\nann\t\\N\n\\.");
    }
    private String password() {
        String[] words = {"Harbor", "Willow", "Quartz", "Falcon"};
        return words[random.nextInt(words.length)] + digits(4) + "." + (char) ('a' + random.nextInt(26))
                + (char) ('a' + random.nextInt(26));
    }

    @Test
    void theParametersOfATestNamedForALoginOrASecretGoFromItsId() {
        String password = password();
        gone(redactor, "FAILED tests/test_auth.py::test_login[ci-bot-" + password + "] - AssertionError: assert 401 == 200",
                password, "tests/test_auth.py::test_login[ci-bot-", "AssertionError: assert 401 == 200");
        String signed = "Kite" + digits(4) + "!zz";
        gone(redactor, "tests/t.py::test_checkout[release-eng-" + signed + "] PASSED", signed, "[release-eng-");
        String key = FormChecks.token(random, 28) + "9aZ";
        gone(redactor, "___ test_api_key_is_accepted[" + key + "] ___", key, "test_api_key_is_accepted[");
        gone(atRest, "tests/b.py::test_token_refresh[" + key + "-v2] FAILED", key, "-v2] FAILED");
        String card = "4111 1111 1111 1111";
        gone(redactor, "tests/b.py::test_card_is_masked[" + card + "] FAILED", card, "test_card_is_masked[");
    }

    @Test
    void aTestIdKeepsParametersThatAreNoSecret() {
        untouched("PASSED tests/test_auth.py::test_login[anonymous-]");
        untouched("FAILED tests/test_auth.py::test_login[admin-expired] - assert 403 == 200");
        untouched("tests/test_parse.py::test_parse[utf-8-BOM] PASSED");
        untouched("tests/test_tokens.py::test_token_expiry[expired-short] PASSED");
        untouched("matrix[Release2024-x64] latest[0]");
    }

    @Test
    void aUserNameThatIsAKeysIdGoes() {
        String id = "Q" + FormChecks.token(random, 12).toUpperCase() + digits(3);
        gone(redactor, "conf = {'sasl.username': '" + id + "', 'client.id': 'e2e'}", id, "'client.id': 'e2e'");
        gone(atRest, "SASL_USERNAME=" + id + " SASL_MECHANISM=PLAIN", id, "SASL_MECHANISM=PLAIN");
        untouched("username: \"ci-bot\" user=ADMIN login=release-eng");
        untouched("user: DEADBEEF00112233 userid: 1234567890123456");
        untouched("order_id: ABCD1234EFGH5678XYZ");
    }

    @Test
    void aCodeInAMessageToAPersonGoes() {
        String code = digits(6);
        gone(redactor, "| q | {\"to\":\"ann@acme.test\",\"code\":\"" + code + "\"} | 71 |", code, "\"code\":\"", "| 71 |");
        gone(atRest, "{\"recipient\": \"+15550100\", \"code\": \"" + code + "\"}", code, "\"code\": \"");
        untouched("{\"error\": {\"code\": \"4012\", \"message\": \"bad\"}}");
        untouched("{\"to\": \"ops\", \"code\": 404}");
        untouched("{\"to\": \"ops\"}, {\"code\": \"5001\"}");
    }
}
