package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the tenth corpus collection's released held-out part and its tune part leaked
 * or lost (redact26): a long option read whole (HTTPie's {@code --auth} is not the start of {@code --authtoken}), basic
 * authentication's {@code user:password} with its user kept, a secret's value in a list as Python prints a dict of
 * lists (a parsed query string) or after a record's ids, a data validator's failing values under the column it names,
 * an address run into a joined key's number, a password in a network-path reference whose scheme lost its colon, and
 * the carte d'identité nationale's short name. Each on lines written for this test, not taken from the corpus, with
 * counter-examples that must come through as they are. Values are made at test time.
 */
class ReleasedTenthFormsTest {

    private final Random random = new Random(26_2026L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '2', 7);
    }

    private String password() {
        return "Birch" + digits(4) + "!" + "wy";
    }

    @Test
    void aLongOptionIsReadWholeSoAShorterFlagOfTheTableDoesNotSwallowIt() {
        String token = FormChecks.token(random, 40);
        // "http" on the line is HTTPie's command, whose table row has --auth user:password
        FormChecks.gone(redactor, "+ tunnel http 8080 --authtoken " + token + " --region eu --log=stdout", token,
                "--region eu --log=stdout");
        String pw = password();
        FormChecks.gone(redactor, "http --auth ci:" + pw + " GET https://api.acme.net/v1/orders", pw, "--auth ci:");
        FormChecks.untouched(redactor, "http --auth-type=digest GET https://api.acme.net/v1/orders");
    }

    @Test
    void basicAuthenticationsUserStaysAndItsPasswordGoes() {
        String pw = password();
        FormChecks.gone(redactor, "+ tunnel http 8080 --basic-auth 'qa-team:" + pw + "' --log=stdout", pw,
                "--basic-auth 'qa-team:", "--log=stdout");
        String pw2 = password();
        FormChecks.gone(redactor, "tunnels:\n  web:\n    basic_auth: [\"release:" + pw2 + "\"]\n    addr: 8080", pw2,
                "basic_auth: [\"release:", "addr: 8080");
        FormChecks.untouched(redactor, "tunnels:\n  web:\n    basic_auth: []\n    schemes: [\"https\"]");
    }

    @Test
    void aSecretsValueInAListAsPythonPrintsADictOfListsGoesAndOtherListsStay() {
        String key = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "E   assert {'page': ['3'], 'access_token': ['" + key + "']} == {'page': ['3']}", key,
                "{'page': ['3'], 'access_token': ['", "== {'page': ['3']}");
        String salt = FormChecks.token(random, 22);
        FormChecks.gone(redactor, "session: {\"user.auth.key\"=>[[77], \"" + salt + "\"]}", salt, "[[77], \"");
        FormChecks.untouched(redactor, "<QueryDict: {'tags': ['smoke', 'nightly'], 'sort_key': ['created_at']}>");
        FormChecks.untouched(redactor, "{\"ids\"=>[[1, 2], \"pending\"]}");
    }

    @Test
    void aValidatorsFailingValuesUnderAPersonalColumnGoAndOtherColumnsStay() {
        String a = "0" + digits(10);
        String b = "0" + digits(10);
        FormChecks.gone(redactor, "SchemaError: Column 'national_id' failed element-wise validator number 0: "
                + "str_matches('^[0-9]{11}$') failure cases: " + a + ", " + b, a, "failure cases: ");
        FormChecks.gone(redactor, "SchemaError: Column 'national_id' failed element-wise validator number 0: "
                + "str_matches('^[0-9]{11}$') failure cases: " + a + ", " + b, b, "national_id");
        String phone = digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "expect_column_values_to_not_be_null(column=\"mobile_phone\") -> success: False\n"
                + "  unexpected_list: ['" + phone + "']", phone, "column=\"mobile_phone\"", "unexpected_list: ['");
        FormChecks.untouched(redactor, "Column 'quantity' failed element-wise validator number 0: greater_than(0) "
                + "failure cases: -1, 0, 12345678");
        FormChecks.untouched(redactor, "expect_column_values_to_be_in_set(column=\"country\") -> success: False\n"
                + "  partial_unexpected_list: ['Atlantis', 'Mu']");
    }

    @Test
    void anAddressRunIntoAJoinedKeysNumberGoesWithoutItsNumber() {
        String user = "mara.lindqvist" + digits(2);
        FormChecks.gone(redactor, "Duplicate entry '" + user + "@mailbox.org-3' for key 'users.email_tenant'", user,
                "-3' for key 'users.email_tenant'");
        FormChecks.untouched(redactor, "resolved registry@2.4.1-1 and build@host-12");
    }

    @Test
    void aPasswordInANetworkPathReferenceGoesAndPathsWithAnAtStay() {
        String pw = password();
        FormChecks.gone(redactor, "DATABASE_URL: 'mysql//shop:" + pw + "@db.acme.net:3306/shop' is not a valid url", pw,
                "mysql//shop:", "@db.acme.net:3306/shop'");
        FormChecks.gone(redactor, "<script src=\"//cdn:" + pw + "@static.acme.net/app.js\">", pw, "@static.acme.net");
        FormChecks.untouched(redactor, "GET //cdn.acme.net/img/logo@2x.png 200");
        FormChecks.untouched(redactor, "clone //git.acme.net/team/repo.git as deploy@acme.net");
    }

    @Test
    void aCarteDIdentiteNationaleByItsShortNameGoesAndCinAsAStreamStays() {
        String id = "BK" + digits(6);
        FormChecks.gone(redactor, "Expected <{'name': 'Salma B.', 'cin': '" + id + "'}> to not contain key <cin>", id,
                "'name': 'Salma B.'");
        FormChecks.untouched(redactor, "{\"cin\": \"stdin\", \"cout\": \"stdout\"}");
    }

    @Test
    void aValueUnderAnAlignedColumnNamedForPersonalDataGoesAndOtherColumnsStay() {
        String id = "0" + digits(10);
        String phone = "0" + digits(2) + " " + digits(3) + " " + digits(3);
        String table = "      id   name      tax_id            phone  country\n"
                + "0   1842   Mira  " + id + "  " + phone + "       SI\n"
                + "1   1843   Luka      unknown      not given       HR";
        FormChecks.gone(redactor, table, id, "0   1842   Mira  ", "SI\n", "unknown", "not given       HR");
        FormChecks.gone(redactor, table, phone, "country");
        FormChecks.gone(redactor, "EMAIL            PHONE          PLAN\nana@mail.org     " + phone + "    pro", phone,
                "PHONE          PLAN", "    pro");
        // a two-cell line is a row of names and values, not a header; a header naming nothing reads no rows
        FormChecks.untouched(redactor, "Key                  Value\n---                  -----\ntoken_ttl            768h\n"
                + "token_renewable      true");
        FormChecks.untouched(redactor, "NAME       READY   STATUS    PHONE_MODEL   AGE\nweb-7d9f   1/1     Running   "
                + "Pixel 7       " + digits(3) + "d");
        FormChecks.untouched(redactor, "CONTAINER ID   IMAGE          COMMAND    CREATED\n4f2a9c1d7e3b   nginx:1.25     "
                + "\"nginx\"    2 days ago");
    }

    @Test
    void anHtmlCellUnderAHeaderCellNamedForPersonalDataGoesAndOtherCellsStay() {
        String id = "0" + digits(10);
        String page = "<table><thead><tr><th></th><th>name</th><th>national_id</th><th>country</th></tr></thead>\n"
                + "<tbody><tr><th>0</th><td>Mira</td><td>" + id + "</td><td>SI</td></tr>\n"
                + "<tr><th>1</th><td class=\"n\">Luka</td><td>n/a</td><td>HR</td></tr></tbody></table>";
        FormChecks.gone(redactor, page, id, "<td>Mira</td>", "<td>SI</td>", "<td>n/a</td>", "<td>HR</td>");
        FormChecks.untouched(redactor, "<table><tr><th>order</th><th>total</th></tr><tr><td>" + digits(11)
                + "</td><td>12.50</td></tr></table>");
    }

    @Test
    void aTuplesValueBelowAListOfColumnNamesGoesAndOtherListsStay() {
        String id = "0" + digits(10);
        String phone = "0" + digits(2) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "columns: ['id', 'name', 'tax_id', 'country']\nrows: [(7, 'Mira', '" + id
                + "', 'SI'), (8, 'Luka', None, 'HR')]", id, "(7, 'Mira', '", "', 'SI'), (8, 'Luka', None, 'HR')]");
        FormChecks.gone(redactor, "header = (\"name\", \"mobile\", \"plan\")\nrecords = [(\"Mira\", \"" + phone
                + "\", \"pro\")]", phone, "(\"Mira\", \"", "\", \"pro\")]");
        // a list of other fields below, or lists further down, are no rows
        FormChecks.untouched(redactor, "fields = ['username', 'password', 'email']\nexclude = ['is_staff', 'groups', "
                + "'perms']");
        FormChecks.untouched(redactor, "fields = ['username', 'password', 'email']\n\n\nvals = [(1, 'SI', 'Koper')]");
    }
}
