package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the thirteenth corpus collection's tune part leaked or lost: an API key sent as
 * basic auth's user with no password ({@code curl -u KEY:}), three business numbers by their printed layout and check
 * digits (national-ids.json) and Spain's NIE by its letters, two more numbers by their label, a name and a value
 * parted by a tab (Django's technical 500 page as text), an object's printed form with named arguments, two more
 * countries' phone plans and JUnit's {@code <…>}, an INSERT's {@code VALUES ($1, $2)} list that gives a logged
 * parameter its column, a password's stored hash, Mongoose's validation and cast errors, and a secret's name (a
 * resource name) that stays. Each on lines written for this test, not taken from the corpus, with counter-examples that
 * must come through as they are. The numbers are made here from the published check rules (not by the corpus'
 * generator), each with a twin whose check digit is wrong, which must stay.
 */
class ThirteenthFormsTest {

    private static final String NIE_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private final Random random = new Random(13_2026L);
    private final Redactor redactor = Redactor.standard();

    private static int[] digits(String s) {
        return s.chars().filter(Character::isDigit).map(c -> c - '0').toArray();
    }

    @Test
    void anApiKeySentAsBasicAuthsUserWithNoPasswordGoes() {
        for (int k = 0; k < 4; k++) {
            String key = "k" + FormChecks.token(random, 31);
            FormChecks.gone(redactor, "$ curl -fsS -u " + key + ": https://api.example.test/v2/me", key,
                    "https://api.example.test/v2/me", "$ curl -fsS -u ");
            FormChecks.gone(redactor, "+ curl --user '" + key + ":' -X POST https://api.example.test/charges", key,
                    "-X POST https://api.example.test/charges");
        }
        FormChecks.untouched(redactor, "$ curl -u admin: http://localhost:8080/health");
        FormChecks.untouched(redactor, "$ curl -u ci-runner: https://ci.example.test/api");
    }

    /** Belgium's enterprise number: 0 or 1, seven digits, and 97 - (the first eight mod 97), printed 4.3.3. */
    private static boolean kboValid(String s) {
        String d = s.replace(".", "");
        return (d.charAt(0) == '0' || d.charAt(0) == '1')
                && 97 - Long.parseLong(d.substring(0, 8)) % 97 == Long.parseLong(d.substring(8));
    }

    private String kbo() {
        String body = random.nextInt(2) + FormChecks.digits(random, 7, '0', 10);
        String t = body + String.format("%02d", 97 - Long.parseLong(body) % 97);
        return t.substring(0, 4) + "." + t.substring(4, 7) + "." + t.substring(7);
    }

    /** Switzerland's UID: CHE, eight digits and 11 - (the sum with weights 5 4 3 2 7 6 5 4 mod 11), 10 never issued. */
    private static boolean uidValid(String s) {
        int[] d = digits(s);
        int c = (11 - FormChecks.sum(d, 5, 4, 3, 2, 7, 6, 5, 4) % 11) % 11;
        return c < 10 && d[8] == c;
    }

    private String uid() {
        while (true) {
            int[] d = FormChecks.body(random, 9);
            int c = (11 - FormChecks.sum(d, 5, 4, 3, 2, 7, 6, 5, 4) % 11) % 11;
            if (c < 10) {
                d[8] = c;
                String t = FormChecks.text(d);
                return "CHE-" + t.substring(0, 3) + "." + t.substring(3, 6) + "." + t.substring(6);
            }
        }
    }

    private static boolean luhn(String s) {
        int[] d = digits(s);
        int sum = 0;
        for (int k = 0; k < d.length; k++) {
            int v = d[d.length - 1 - k];
            if (k % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /** Italy's partita IVA after IT: eleven digits, Luhn. */
    private String partitaIva() {
        String body = FormChecks.digits(random, 10, '0', 10);
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return "IT" + body + c;
            }
        }
        throw new AssertionError();
    }

    @Test
    void threeBusinessNumbersGoByLayoutAndCheckAndTheirWrongTwinsStay() {
        FormChecks.numbersAndTwins(this::kbo, ThirteenthFormsTest::kboValid, "{\"name\": \"Dupont SA\", \"kbo\": \"",
                "\"}");
        FormChecks.numbersAndTwins(this::uid, ThirteenthFormsTest::uidValid, "  supplier: { ref: '", "' }");
        FormChecks.numbersAndTwins(this::partitaIva, ThirteenthFormsTest::luhn, "| 7 | Rossi Srl | ", " | ok |");
    }

    @Test
    void versionsAndIdsInTheNewLayoutsStay() {
        FormChecks.untouched(redactor, "Chrome 2024.118.101 on Linux");   // 4.3.3, its first digit no 0 or 1
        FormChecks.untouched(redactor, "ITEMS1234567 ITALY 12345678901");
        FormChecks.untouched(redactor, "CHEF-123.456.789 PLAN 2.3.4");
    }

    private String nie() {
        int lead = random.nextInt(3);
        String body = FormChecks.digits(random, 7, '0', 10);
        int n = lead * 10_000_000 + Integer.parseInt(body);
        return "XYZ".charAt(lead) + body + NIE_LETTERS.charAt(n % 23);
    }

    @Test
    void spainsNieGoesByItsLetterAndAWrongLetterStays() {
        for (int k = 0; k < 8; k++) {
            String nie = nie();
            FormChecks.gone(redactor, "AssertionFailedError: nie ==> expected: <" + nie + "> but was: <>", nie,
                    "but was: <>");
            FormChecks.gone(redactor, "The duplicate key value is (" + nie + ").", nie, "The duplicate key value is (");
            char wrong = NIE_LETTERS.charAt((NIE_LETTERS.indexOf(nie.charAt(8)) + 1) % 23);
            FormChecks.untouched(redactor, "The duplicate key value is (" + nie.substring(0, 8) + wrong + ").");
        }
        FormChecks.untouched(redactor, "expected: <X1234567> but was: <Y7654321Q1>");
    }

    @Test
    void norwaysAndDenmarksBusinessNumbersGoByTheirLabel() {
        for (int k = 0; k < 4; k++) {
            String org = FormChecks.digits(random, 3, '8', 2) + " " + FormChecks.digits(random, 3, '0', 10) + " "
                    + FormChecks.digits(random, 3, '0', 10);
            FormChecks.gone(redactor, "customer row: {name=Ola Nordmann, orgnr=" + org + ", city=Bergen}", org,
                    "city=Bergen");
            String cvr = FormChecks.digits(random, 8, '1', 9);
            FormChecks.gone(redactor, "Collection: [\"CVR " + cvr + "\", \"tel\"]", cvr, "\"tel\"]");
        }
        FormChecks.untouched(redactor, "{\"orgnr\": null, \"cvr\": \"pending\"}");
    }

    @Test
    void aNameAndItsValuePartedByATabAreReadAsAPair() {
        String token = FormChecks.token(random, 64);
        FormChecks.gone(redactor, "POST\nVariable\tValue\ncsrfmiddlewaretoken\t'" + token + "'\nquantity\t'2'", token,
                "quantity\t'2'", "Variable\tValue");
        FormChecks.gone(redactor, "Settings\nSECRET_KEY\t'" + token + "'\nDEBUG\tTrue", token, "DEBUG\tTrue");
        FormChecks.untouched(redactor, "Request Method:\tPOST\nRaised during:\torders.views.checkout");
        FormChecks.untouched(redactor, "HTTP_USER_AGENT\t'Mozilla/5.0 (X11; Linux x86_64)'\nSERVER_PORT\t'8000'");
    }

    @Test
    void anObjectsPrintedFormWithNamedArgumentsKeepsItsUser() {
        String pw = FormChecks.token(random, 14);
        FormChecks.gone(redactor, "  credentials: PlainCredentials(username='migrator', password='" + pw + "')", pw,
                "PlainCredentials(username='migrator'");
        FormChecks.gone(redactor, "creds=Credentials(user=bob, password=" + pw + ")", pw, "Credentials(user=bob");
    }

    @Test
    void twoMoreCountriesPhonesGoAfterAPhonesWordAndInJUnitsBrackets() {
        for (int k = 0; k < 4; k++) {
            String mv = FormChecks.digits(random, 3, '7', 1) + "-" + FormChecks.digits(random, 4, '0', 10);
            FormChecks.gone(redactor, "AssertionFailedError: phone ==> expected: <" + mv + "> but was: <null>", mv,
                    "but was: <null>");
            String bt = "17 " + FormChecks.digits(random, 2, '1', 9) + " " + FormChecks.digits(random, 2, '1', 9) + " "
                    + FormChecks.digits(random, 2, '1', 9);
            FormChecks.gone(redactor, "POST\nVariable\tValue\nphone\t'" + bt + "'", bt, "Variable\tValue");
            // no phone's word: a count, an id
            FormChecks.untouched(redactor, "AssertionFailedError: count ==> expected: <" + mv + "> but was: <0>");
        }
        FormChecks.untouched(redactor, "phone sync: expected: <12 34 56 78> items");   // 1 then 2: no plan's
    }

    @Test
    void anInsertsValuesListGivesALoggedParameterItsColumn() {
        String token = FormChecks.token(random, 48);
        String log = "LOG:  execute S_3: INSERT INTO api_tokens (user_id, token, created_at) VALUES ($1, $2, now())\n"
                + "DETAIL:  parameters: $1 = 'b920c9fb-afb4-423d-9edb-1bd53fe7f1c0', $2 = '" + token + "'";
        FormChecks.gone(redactor, log, token, "$1 = 'b920c9fb-afb4-423d-9edb-1bd53fe7f1c0'");
        FormChecks.untouched(redactor, "LOG:  execute S_1: INSERT INTO orders (id, sku) VALUES ($1, $2)\n"
                + "DETAIL:  parameters: $1 = '42', $2 = 'Xk8f2mQp9vLz7Wq1'");   // no secret's column
    }

    @Test
    void aPasswordsStoredHashGoesWhereItLooksGenerated() {
        String hash = FormChecks.digits(random, 1, '1', 9) + Long.toHexString(random.nextLong())
                + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        FormChecks.gone(redactor, "op: { email: 'x', passwordHash: '" + hash + "' }", hash, "op: { email: 'x'");
        FormChecks.gone(redactor, "{\"password_digest\": \"" + hash + "\"}", hash, "password_digest");
        FormChecks.untouched(redactor, "{\"password_hash\": \"bcrypt\", \"rounds\": 12}");
        FormChecks.untouched(redactor, "ALTER TABLE users ADD COLUMN password_hash text NOT NULL");
    }

    @Test
    void mongoosesValidationAndCastErrorsGiveTheValueItsPath() {
        for (int k = 0; k < 4; k++) {
            String ssn = FormChecks.digits(random, 3, '1', 6) + "-" + FormChecks.digits(random, 2, '1', 9) + "-"
                    + FormChecks.digits(random, 4, '1', 9);
            String n = FormChecks.digits(random, 8, '1', 9);
            FormChecks.gone(redactor, "ValidationError: Customer validation failed: taxId: Validator failed for path "
                    + "`taxId` with value `" + n + "`", n, "Validator failed for path `taxId` with value `");
            String pw = FormChecks.token(random, 6);
            FormChecks.gone(redactor, "ValidatorError: Path `password` (`" + pw + "`) is shorter than the minimum "
                    + "allowed length (8).", pw, "is shorter than the minimum allowed length (8).");
            FormChecks.gone(redactor, "CastError: Cast to Number failed for value \"" + n + "\" (type string) at path "
                    + "\"customer.nationalId\"", n, "(type string) at path \"customer.nationalId\"");
            FormChecks.untouched(redactor, "Validator failed for path `orderNo` with value `" + n + "`");
            FormChecks.untouched(redactor, "Path `quantity` (" + ssn.length() + ") is less than minimum allowed "
                    + "value (1).");
        }
        FormChecks.untouched(redactor, "Validator failed for path `status` with value `pending`");
    }

    @Test
    void aSecretsNameStaysAndAGeneratedSecretGoes() {
        FormChecks.untouched(redactor,
                "$ gcloud secrets versions access latest --secret=orders-api-env --project=hooli-staging");
        FormChecks.untouched(redactor, "  secret: tls-cert-prod");
        String generated = FormChecks.token(random, 24);
        FormChecks.gone(redactor, "  secret: " + generated, generated);
        FormChecks.gone(redactor, "  secret: x7-" + generated, generated);
    }
}
