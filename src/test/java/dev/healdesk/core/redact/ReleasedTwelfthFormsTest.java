package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the twelfth corpus collection's released held-out part and its tune part still
 * leaked (redact30), and for what invented lines of mainstream tools' failures leaked: the value a lookup by a secret's
 * name gave, a logon before Easy Connect's {@code @//host}, Plug.Crypto's signed and encrypted messages, a vendor's
 * {@code X-…-Authorization} header, a key in an API's path, Nim's {@code @[…]} lists, routing, ABA and business
 * registration numbers by their label, a private key's DER body without armour, a key with a slash in a Clojure map, a
 * bound column named {@code key}, a JDBC driver's class before the data source, Mozambique's mobiles, a grid's send-keys
 * request, an uploader's short token flag ({@code codecov -t}), JUnit 4's message before {@code expected:<[…]>}, Go's
 * {@code got …, want …} and GitHub Actions' step-debug evaluation. Each on lines written for this test, not taken from the corpus, with counter-examples that must come
 * through as they are. Values are made at test time.
 */
class ReleasedTwelfthFormsTest {

    private final Random random = new Random(30_2026L);
    private final Redactor redactor = Redactor.standard();

    /** Letters and digits, with a small and a capital letter and a digit for sure. */
    private String token(int n) {
        return "kQ7" + FormChecks.token(random, n - 3);
    }

    private String password() {
        return "Larch" + FormChecks.digits(random, 4, '2', 7) + "!q";
    }

    private String base64(int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    @Test
    void theValueALookupByASecretsNameGaveGoesAndOtherLookupsStay() {
        String r = token(32);
        FormChecks.gone(redactor, "Sys.getenv(\"SHINYAPPS_TOKEN\") was \"" + r + "\"", r, "Sys.getenv(\"SHINYAPPS_TOKEN\") was");
        String swift = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(redactor, "Environment.get(\"SIGNING_SECRET\") = " + swift + ", port 8080", swift,
                "Environment.get(\"SIGNING_SECRET\") = ", ", port 8080");
        String py = token(28);
        FormChecks.gone(redactor, "os.getenv('MAILGUN_API_KEY') returned '" + py + "'", py, "os.getenv('MAILGUN_API_KEY')");
        String pw = password();
        FormChecks.gone(redactor, "ENV.fetch(\"DB_PASSWORD\") => \"" + pw + "\"", pw, "ENV.fetch(\"DB_PASSWORD\") => ");
        FormChecks.untouched(redactor, "os.getenv(\"HOME\") was \"/home/ci\", os.getenv(\"TOKEN_TTL\") was \"3600\"");
        FormChecks.untouched(redactor, "getenv(\"API_TOKEN\") is empty; getenv(\"DB_PASSWORD\") is not set");
        FormChecks.untouched(redactor, "config.get(\"timeout\") = 30");
    }

    @Test
    void aLogonBeforeEasyConnectsHostLosesItsPasswordAfterAnyTool() {
        String pw = password();
        FormChecks.gone(redactor, "$ utplsql run app_ro/" + pw + "@//oracle.ci.acme.net:1521/ORCLPDB1 -f=ut_xunit_reporter",
                pw, "utplsql run app_ro/", "@//oracle.ci.acme.net:1521/ORCLPDB1");
        String pw2 = password();
        FormChecks.gone(redactor, "+ ./migrate.sh scott/" + pw2 + "@//db:1521/XEPDB1", pw2, "scott/", "@//db:1521/XEPDB1");
        FormChecks.untouched(redactor, "see docs/install@v2 and npm i @acme/ui@1.2.3, git@github.com:acme/api.git");
    }

    @Test
    void plugCryptosSignedAndEncryptedMessagesGo() {
        String signed = "SFMyNTY." + FormChecks.token(random, 60) + "." + FormChecks.token(random, 43);
        FormChecks.gone(redactor, "  _billing_key cookie: " + signed + "\n", signed, "_billing_key cookie: ");
        String encrypted = "QTEyOEdDTQ." + FormChecks.token(random, 40) + "." + FormChecks.token(random, 16) + "."
                + FormChecks.token(random, 30) + "." + FormChecks.token(random, 22);
        FormChecks.gone(redactor, "set-cookie: _app_key=" + encrypted + "; path=/; HttpOnly", encrypted, "; path=/; HttpOnly");
        FormChecks.untouched(redactor, "alg SFMyNTY means HS256; QTEyOEdDTQ is A128GCM");
    }

    @Test
    void aVendorsOwnAuthorizationHeaderLosesItsBareKey() {
        String k = FormChecks.hexAfterA1(random, 32);
        FormChecks.gone(redactor, "curl -H \"X-Gateway-Authorization: " + k + "\" http://gw.acme.net/admin", k,
                "X-Gateway-Authorization: ");
        FormChecks.untouched(redactor, "X-Tyk-Authorization: missing, x-requires-authorization: true");
    }

    @Test
    void aKeyThatAnApisPathNamesGoesAndIdsThereStay() {
        String k = FormChecks.hexAfterA1(random, 56);
        FormChecks.gone(redactor, "DELETE http://gw.acme.net:8080/tyk/keys/" + k + "?hashed=false -> 404", k,
                "/tyk/keys/", "?hashed=false -> 404");
        String t = token(40);
        FormChecks.gone(redactor, "GET /v1/tokens/" + t + " 401", t, "GET /v1/tokens/", " 401");
        FormChecks.untouched(redactor, "GET /api/keys/primary 200, GET /tokens/42 200, "
                + "GET /keys/2aa3e26c-1151-4c1a-8f0e-2b2c2a2d4118 404, GET /tests/report 200, "
                + "POST /keys/3f2a9c1e7b5d4a6f8e0c2b1a9d7f5e3c/rotate 204");
    }

    @Test
    void nimsSequenceOfAHeadersValueIsReadAsAList() {
        String k = token(32);
        FormChecks.gone(redactor, "client.headers was {\"accept\": @[\"application/json\"], \"x-api-key\": @[\"" + k + "\"]}",
                k, "\"accept\": @[\"application/json\"]");
    }

    @Test
    void routingAbaAndBusinessRegistrationNumbersGoByTheirLabel() {
        String aba = FormChecks.digits(random, 9, '0', 3);
        FormChecks.gone(redactor, "     EXPECTED WS-ROUTING  = '" + aba + "'", aba, "EXPECTED WS-ROUTING  = '");
        String aba2 = FormChecks.digits(random, 9, '1', 2);
        FormChecks.gone(redactor, "{\"aba\": \"" + aba2 + "\", \"account\": \"checking\"}", aba2, "\"account\": \"checking\"");
        String brn = FormChecks.digits(random, 3, '1', 8) + "-" + FormChecks.digits(random, 2, '1', 8) + "-"
                + FormChecks.digits(random, 5, '1', 8);
        FormChecks.gone(redactor, "payload: Merchant { brn: \"" + brn + "\", name: \"Han\" }", brn, "name: \"Han\"");
        FormChecks.untouched(redactor, "routing_key: orders.created, routing: true, x-routing-rule: 3");
    }

    @Test
    void aPrivateKeysBodyWithoutArmourGoesWithItsLinesAndACertificateStays() {
        String first = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + base64(32);
        String second = base64(64);
        String third = base64(64);
        String last = base64(23) + "=";
        String text = "Environment: KEYSTORE_PASSWORD=*** APP_SIGNING_PRIVATE_KEY=" + first + "\n" + second + "\n" + third
                + "\n" + last + "\nnext step: flutter build\nDone";
        FormChecks.gone(redactor, text, second, "next step: flutter build\nDone");
        FormChecks.gone(redactor, text, third);
        FormChecks.gone(redactor, text, last);
        String ec = "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg" + base64(16);
        FormChecks.gone(redactor, "ASC_KEY=" + ec + "\n" + base64(64) + "\nok", ec, "\nok");
        FormChecks.untouched(redactor, "cert: MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTES\n"
                + "MBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYDVQQD\n");
    }

    @Test
    void aKeyWithASlashInAClojureMapGoesWhole() {
        String key = token(19) + "/" + token(20);
        FormChecks.gone(redactor, " env: {:aws-secret-access-key \"" + key + "\", :region \"eu-west-1\"}",
                key.substring(0, 19), ":region \"eu-west-1\"");
        FormChecks.untouched(redactor, " env: {:secret-path \"prod/orders/db\", :region \"eu-west-1\"}");
    }

    @Test
    void aBoundColumnNamedKeyAloneLosesAGeneratedValue() {
        String k = FormChecks.token(random, 32).toLowerCase() + "7";
        FormChecks.gone(redactor, "DEBUG peewee ('UPDATE \"session\" SET \"key\" = %s WHERE (\"session\".\"id\" = %s)', ['"
                + k + "', 3322256])", k, "3322256");
        FormChecks.untouched(redactor, "('UPDATE \"pref\" SET \"key\" = %s WHERE (\"pref\".\"id\" = %s)', ['theme', 7])");
    }

    @Test
    void aJdbcDriversClassBeforeTheDataSourceLeavesThePasswordThird() {
        String pw = password();
        FormChecks.gone(redactor, "Transactor.fromDriverManager[IO](\"org.postgresql.Driver\", "
                + "\"jdbc:postgresql://db.acme.net:5432/orders\", \"orders_rw\", \"" + pw + "\")", pw,
                "\"org.postgresql.Driver\"", "\"orders_rw\"");
        FormChecks.untouched(redactor, "Class.forName(\"org.postgresql.Driver\", \"a\", \"b\")");
    }

    @Test
    void mozambiquesMobileBesideAnAddressGoes() {
        String phone = "8" + FormChecks.digits(random, 1, '2', 6) + " " + FormChecks.digits(random, 3, '2', 7) + " "
                + FormChecks.digits(random, 4, '1', 9);
        FormChecks.gone(redactor, "send_sms('ana@acme.co.mz', '" + phone + "', retries=3)", phone, "retries=3");
        FormChecks.untouched(redactor, "sizes: 84 232 5157 bytes, 88 100 2000 rows");
    }

    @Test
    void aGridsSendKeysRequestLosesTheTypedPassword() {
        String pw = password();
        FormChecks.gone(redactor, "REQUEST POST /session/4f1c/element/0.12-3/value {\"text\":\"" + pw + "\",\"value\":[\""
                + pw + "\"]}", pw, "/element/0.12-3/value {\"text\":\"");
        FormChecks.untouched(redactor, "REQUEST POST /session/4f1c/element/0.12-3/value {\"text\":\"New York\"}");
    }

    @Test
    void junit4sMessageNamesTheFieldOfBothValues() {
        String a = token(21);
        String b = token(21);
        String text = "org.junit.ComparisonFailure: token expected:<[" + a + "]> but was:<[" + b + "]>";
        FormChecks.gone(redactor, text, a, "org.junit.ComparisonFailure: token expected:");
        FormChecks.gone(redactor, text, b);
        FormChecks.untouched(redactor, "org.junit.ComparisonFailure: status expected:<[paid]> but was:<[open]>");
        FormChecks.untouched(redactor, "the build expected:<[3]> but was:<[4]>");
    }

    @Test
    void gosGotAndWantUnderAFieldsNameBothGo() {
        String a = token(21);
        String b = token(21);
        FormChecks.gone(redactor, "    client_test.go:42: got token \"" + a + "\", want \"" + b + "\"", b, "got token \"");
        String c = token(22);
        String d = token(22);
        String text = "    config_test.go:57: Config.APIKey = \"" + c + "\"; want \"" + d + "\"";
        FormChecks.gone(redactor, text, c, "Config.APIKey = \"");
        FormChecks.gone(redactor, text, d);
        FormChecks.untouched(redactor, "    order_test.go:60: got status \"paid\", want \"open\"");
        FormChecks.untouched(redactor, "    login_test.go:61: Login(\"ann\") = 401, want 200");
    }

    @Test
    void anUploadersShortTokenFlagGoesForItsCommandsOnly() {
        String uuid = FormChecks.hexAfterA1(random, 8) + "-" + FormChecks.hexAfterA1(random, 4) + "-4" + FormChecks.hexAfterA1(random, 4).substring(1) + "-8" + FormChecks.hexAfterA1(random, 4).substring(1) + "-" + FormChecks.hexAfterA1(random, 12);
        FormChecks.gone(redactor, "+ ./codecov -t " + uuid + " -f coverage/lcov.info -F unit", uuid,
                "./codecov -t ", " -f coverage/lcov.info -F unit");
        FormChecks.untouched(redactor, "+ docker build -t registry.acme.net/api:2aa3e26c-1151-4c1a-8f0e-2b2c2a2d4118 .");
        FormChecks.untouched(redactor, "+ ./codecov -t ${CODECOV_TOKEN} -f coverage/lcov.info");
    }

    @Test
    void anEvaluatedSecretsResultGoesInAStepDebugLog() {
        String v = token(24);
        String text = "##[debug]Evaluating: secrets.RELEASE_TOKEN\n##[debug]Evaluating Index:\n##[debug]Result: '" + v
                + "'\n##[debug]Evaluating: github.ref\n##[debug]Result: 'refs/heads/main'";
        FormChecks.gone(redactor, text, v, "##[debug]Evaluating: secrets.RELEASE_TOKEN", "Result: 'refs/heads/main'");
        String pw = password();
        FormChecks.gone(redactor, "##[debug]Evaluating: steps.login.outputs['password']\n##[debug]Result: '" + pw + "'",
                pw, "outputs['password']");
        FormChecks.untouched(redactor, "##[debug]Evaluating: secrets.DEPLOY_HOOK\n##[debug]Result: '***'");
    }
}
