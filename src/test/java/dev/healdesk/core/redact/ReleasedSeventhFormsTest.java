package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the seventh corpus collection leaked or lost once its held-out part was released
 * (RedactionCorpusTest's RELEASED_SEVENTH), and for the leaks left in its tune part: header pairs as bytes, a prepared
 * statement's bound parameters, a login in words, text typed into a named field, a value given before its field's path,
 * Basic credentials written as a user and a password, a secret's name that is no secret, a variable's reference as a
 * key's name, a hex secret repeated elsewhere, a form's parameters after a label, a placeholder that is no password, a
 * refused row paired with its column names.
 * Each is checked on lines written for this test in other tools' shapes, not taken from the corpus, with
 * counter-examples that must come through as they are. Values are made at test time.
 */
class ReleasedSeventhFormsTest {

    private final Random random = new Random(7_0719L);
    private final Redactor redactor = Redactor.standard();

    private String token(int n) {
        return FormChecks.token(random, n);
    }

    private String password() {
        return "Qx" + FormChecks.digits(random, 4, '1', 9) + token(4) + "!";
    }

    @Test
    void aHeaderPairGoesWhenItsNameAndValueArePrintedAsBytes() {
        String bearer = token(32);
        FormChecks.gone(redactor, "h11 send headers=[(b'host', b'api.acme.test'), (b'authorization', b'Bearer " + bearer
                + "')]", bearer, "(b'host', b'api.acme.test')");
        String key = token(28);
        FormChecks.gone(redactor, "[(b\"x-api-key\", b\"" + key + "\")]", key);
        FormChecks.untouched(redactor, "[(b'accept', b'*/*'), (b'user-agent', b'python-httpx/0.27.0')]");
    }

    @Test
    void aBoundParameterGoesAsTheColumnItsPlaceholderStandsFor() {
        String secret = token(24);
        FormChecks.gone(redactor, "query: UPDATE accounts SET api_secret = ?, plan = ? WHERE id = ? -- PARAMETERS: [\""
                + secret + "\",\"pro\",77]", secret, "\"pro\",77]");
        String pw = password();
        FormChecks.gone(redactor, "{ sql: 'insert into users (login, password, team) values (?, ?, ?)',\n  bindings: [ 'ops', '"
                + pw + "', 'core' ] }", pw, "'ops'", "'core'");
        String ssn = "5" + FormChecks.digits(random, 8, '1', 9);
        FormChecks.gone(redactor, "text: 'select * from people where ssn = $2 and city = $1'\nvalues: ['Leeds', '" + ssn
                + "']", ssn, "'Leeds'");
        FormChecks.untouched(redactor, "query: SELECT * FROM orders WHERE id = ? AND status = ? -- PARAMETERS: [4812,\"shipped\"]");
        FormChecks.untouched(redactor, "retrying with params: [3, \"backoff\", 250]");
    }

    @Test
    void aLoginInWordsLosesItsPasswordAndKeepsItsUser() {
        String pw = password();
        FormChecks.gone(redactor, "    When I log in as \"ops-bot\" with password \"" + pw + "\"   # steps/login.py:14", pw,
                "\"ops-bot\"", "# steps/login.py:14");
        String other = password();
        FormChecks.gone(redactor, "Given I am signed in as 'qa@acme.test' using '" + other + "'", other);
        FormChecks.untouched(redactor, "Given I am logged in as \"ann\" with role \"admin\"");
        FormChecks.untouched(redactor, "Then I see \"Welcome\" with \"3 items\" in the cart");
    }

    @Test
    void textTypedIntoAFieldThatNamesASecretGoes() {
        String pw = password();
        FormChecks.gone(redactor, "INFO : Typing text '" + pw + "' into text field 'name=current-password'.", pw,
                "into text field 'name=current-password'");
        String key = token(30);
        FormChecks.gone(redactor, "step 4: entered \"" + key + "\" into input[name=\"api-token\"]", key);
        FormChecks.untouched(redactor, "INFO : Typing text 'ci-runner' into text field 'id=username'.");
        FormChecks.untouched(redactor, "copied 'report.pdf' into folder 'exports'");
    }

    @Test
    void aValueGoesByTheFieldPathAfterIt() {
        String pw = password();
        FormChecks.gone(redactor, "Variable \"$data\" got invalid value \"" + pw + "\" at \"data.newPassword\"; Expected type"
                + " \"Secret\".", pw, "at \"data.newPassword\"");
        String mobile = "07" + FormChecks.digits(random, 3, '1', 9) + " " + FormChecks.digits(random, 6, '1', 9);
        FormChecks.gone(redactor, "invalid value '" + mobile + "' for field 'contact.mobile'", mobile);
        FormChecks.untouched(redactor, "Variable \"$input\" got invalid value \"ACME-42\" at \"input.sku\"; Expected type \"Int\".");
        FormChecks.untouched(redactor, "got invalid value \"12345678\" at \"input.quantity\"");
    }

    @Test
    void basicCredentialsWrittenAsAUserAndAPasswordKeepTheUser() {
        String pw = password();
        FormChecks.gone(redactor, "GET https://api.acme.test/v1/me\nAuthorization: Basic deploy-bot " + pw + "\n", pw,
                "Basic deploy-bot ");
        String encoded = token(24) + "==";
        FormChecks.gone(redactor, "Authorization: Basic " + encoded + "\nAccept: */*", encoded, "Accept: */*");
        String unpadded = token(24);
        FormChecks.gone(redactor, "Authorization: Basic " + unpadded + " (truncated)\n", unpadded);
        FormChecks.gone(redactor, "Authorization: Basic " + unpadded + " retried\n", unpadded);
    }

    @Test
    void aSecretsNameOrResourceNameIsNoSecret() {
        FormChecks.untouched(redactor, "+ vault-cli read --secret-id team/payments/stripe-live --format json");
        FormChecks.untouched(redactor, "secret_name: prod/orders/db");
        FormChecks.untouched(redactor,
                "\"ARN\": \"arn:aws:secretsmanager:us-east-2:111122223333:secret:prod/orders/db-Ab3xQz\"");
        String value = token(10) + "/" + token(12);
        FormChecks.gone(redactor, "secret: " + value, value);
    }

    @Test
    void aVariablesReferenceNamesTheValueAssignedToIt() {
        String pw = password();
        FormChecks.gone(redactor, "INFO  ${DB_PASSWORD} = " + pw, pw, "${DB_PASSWORD} = ");
        FormChecks.untouched(redactor, "INFO  ${TIMEOUT} = 30 seconds");
        FormChecks.untouched(redactor, "if (x) { y } = z");
    }

    @Test
    void aHexSecretGoesWhereItIsRepeatedAndAnIdInAPathStays() {
        String token = FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "<msg>${SERVICE_TOKEN} = " + token + "</msg>\n<arg>" + token + "</arg>", token);
        String session = FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "{\"sessionId\": \"" + session + "\"}\nPOST /session/" + session + "/url",
                "\"" + session + "\"", "/session/" + session + "/url");
    }

    @Test
    void aFormsParametersAfterALabelAreJudgedEachByItsName() {
        String refresh = token(40);
        FormChecks.gone(redactor, "POST /connect/token body: grant_type=refresh_token&refresh_token=" + refresh
                + "&client_id=mobile-app", refresh, "grant_type=refresh_token", "client_id=mobile-app");
        FormChecks.untouched(redactor, "token body: grant_type=client_credentials&scope=read");
    }

    @Test
    void aRefusedRowsValuesGoAsTheColumnsPrintedBesideIt() {
        String ssn = "2" + FormChecks.digits(random, 8, '1', 9);
        FormChecks.gone(redactor, "error: new row violates check constraint \"age_ok\"\n  detail: 'Failing row contains (77, Ann,"
                + " " + ssn + ", Leeds).',\n  table: 'people',\n  columns: id, name, ssn, city", ssn, "(77, Ann, ", ", Leeds)");
        String pw = password();
        FormChecks.gone(redactor, "STATEMENT:  INSERT INTO users (id, login, password) VALUES (5, 'ops', '" + pw + "')\n"
                + "DETAIL:  Failing row contains (5, ops, " + pw + ").", pw, "(5, ops, ");
        FormChecks.untouched(redactor, "DETAIL:  Failing row contains (5, ops, 2024-05-14, 123456789).");
        FormChecks.untouched(redactor, "Failing row contains (9, 123456789, x).\ncolumns: id, order_no, note");
    }

    @Test
    void aPlaceholderOfAPreparedStatementIsNoPassword() {
        FormChecks.untouched(redactor, "Preparing: UPDATE users SET password = ? WHERE id = ?");
        FormChecks.untouched(redactor, "query failed: update users set password = $2 where id = $1");
    }
}
