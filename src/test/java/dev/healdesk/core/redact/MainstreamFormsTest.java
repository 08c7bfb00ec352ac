package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

/**
 * The general forms written for what mainstream tools' failure output leaked when written here as the outside measure
 * writes it (redact31: Jest, pytest, JUnit, Go, RSpec, PHPUnit, dotnet, CI logs, cloud CLIs, ORMs, mobile runners): a
 * pair of quoted items read by the other rules too, an access key's id before its secret after a blank or in a tuple,
 * the id before its secret in words, a card's three-digit code, an XML element with attributes named for a password, a
 * user and password passed to a login as two arguments, the bound values of a statement printed as a tuple after
 * "parameters" (SQLAlchemy) and MyBatis' typed list, a PEM private key encoded in base64 whole, a phone after its
 * word in other languages, the text Espresso typed into a password field, Maestro's input below a tap on a
 * password field in its console frame, and the values Chai's have.property prints beside a secret's name. Each on
 * lines written for this test, with counter-examples that must come through as they are. Values are made at test time.
 */
class MainstreamFormsTest {

    private static final String CAPS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Random random = new Random(31_2026L);
    private final Redactor redactor = Redactor.standard();

    private String keyId() {
        StringBuilder b = new StringBuilder("AKIA");
        while (b.length() < 20) {
            b.append(CAPS.charAt(random.nextInt(CAPS.length())));
        }
        return b.toString();
    }

    /** Forty characters of an access key's secret, a digit among them. */
    private String awsSecret() {
        return "w9" + FormChecks.token(random, 38);
    }

    private String password() {
        return "Juniper" + FormChecks.digits(random, 4, '2', 7) + "-Qx";
    }

    @Test
    void aPairOfQuotedItemsIsReadByTheOtherRulesToo() {
        String id = keyId();
        String secret = awsSecret();
        String line = "E   AssertionError: assert ('" + id + "', '" + secret + "') == (None, None)";
        FormChecks.gone(redactor, line, id, "AssertionError: assert (", "== (None, None)");
        FormChecks.gone(redactor, line, secret);
        FormChecks.untouched(redactor, "E   assert ('status', 'Ready2Ship') == ('status', 'Shipped')");
        FormChecks.untouched(redactor, "headers: [('Content-Type', 'application/json'), ('X-Request-Id', 'req-7781')]");
    }

    @Test
    void anAccessKeysIdBeforeItsSecretTakesTheSecretAfterABlankOrInWords() {
        String id = keyId();
        String secret = awsSecret();
        FormChecks.gone(redactor, "  Static credentials: " + id + " " + secret + " (from env)", secret,
                "Static credentials: ", " (from env)");
        String id2 = keyId();
        String secret2 = awsSecret();
        String words = "boto3 client init: credentials " + id2 + "/" + secret2 + " region eu-west-1";
        FormChecks.gone(redactor, words, id2, "region eu-west-1");
        FormChecks.gone(redactor, words, secret2);
        // a word of letters alone after the id is no secret; a user before its password stays as before
        String word = "ThisIsAnOrdinaryCamelCaseIdentifierWord";
        FormChecks.gone(redactor, "key " + keyId() + " " + word + "s here", "AKIA", word + "s here");
        String pw = password();
        FormChecks.gone(redactor, "login with credentials deploy:" + pw + " failed", pw, "credentials deploy:");
    }

    @Test
    void aCardsThreeDigitCodeGoesUnderItsName() {
        FormChecks.gone(redactor, "{\"card\":{\"number\":\"4242424242424242\",\"exp_month\":12,\"cvc\":\"314\"}}",
                "314", "\"exp_month\":12");
        FormChecks.gone(redactor, "{:number=>\"4000056655665556\", :cvv=>\"271\", :exp=>\"12/29\"}", "271",
                ":exp=>\"12/29\"");
        FormChecks.gone(redactor, "POST /charge cvv2=918&amount=1999", "918", "amount=1999");
        FormChecks.untouched(redactor, "{\"pass\": \"120\", \"fail\": \"3\", \"status\": \"314\"}");
        FormChecks.untouched(redactor, "cvc_check: pass, retries: 314");
    }

    @Test
    void anElementWithAttributesNamedForAPasswordLosesItsText() {
        String pw = password();
        FormChecks.gone(redactor, "<wsse:UsernameToken><wsse:Username>soap-client</wsse:Username><wsse:Password "
                + "Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
                + "#PasswordText\">" + pw + "</wsse:Password></wsse:UsernameToken>", pw, "soap-client", "#PasswordText");
        String pw2 = password();
        FormChecks.gone(redactor, "<server><id>nexus</id><password encrypted=\"false\">" + pw2 + "</password></server>",
                pw2, "<id>nexus</id>");
        FormChecks.untouched(redactor, "<label for=\"password\" class=\"form-label\">Password</label>");
        FormChecks.untouched(redactor, "<Username Type=\"text\">soap-client</Username>");
        FormChecks.untouched(redactor, "<password type=\"text\">Show</password2>");
    }

    @Test
    void aUserAndPasswordPassedToALoginAsTwoArgumentsLoseThePassword() {
        String pw = password();
        FormChecks.gone(redactor, "E   Expected: get('https://api.acme.net/v1/users', auth=('svc-sync', '" + pw
                + "'), timeout=10)", pw, "auth=('svc-sync', '", "timeout=10");
        String pw2 = password();
        FormChecks.gone(redactor, "    client_test.go:31: req.SetBasicAuth(\"svc-api\", \"" + pw2 + "\")", pw2,
                "SetBasicAuth(\"svc-api\"");
        String pw3 = password();
        FormChecks.gone(redactor, "given().auth().preemptive().basic(\"qa.tester\", \"" + pw3 + "\").when()", pw3,
                "basic(\"qa.tester\"");
        String pw4 = password();
        FormChecks.gone(redactor, "   at Acme.Mail.Send() new NetworkCredential(\"mailer\", \"" + pw4 + "\")", pw4,
                "NetworkCredential(\"mailer\"");
        String pw5 = password();
        FormChecks.gone(redactor, "$client->request('GET', $url, ['auth' => ['exporter', '" + pw5 + "']]);", pw5,
                "['exporter', '");
        String token = FormChecks.token(random, 16);
        FormChecks.gone(redactor, "smtplib.SMTPAuthenticationError raised by server.login('alerts', '" + token + "')",
                token, "server.login('alerts', '");
        FormChecks.untouched(redactor, "E   Expected: get('https://api.acme.net/v1/users', auth=('svc-sync', None))");
        FormChecks.untouched(redactor, "cy.login('Sign in', 'button') timed out");
        FormChecks.untouched(redactor, "select('country', 'Deutschland2') failed");
        FormChecks.untouched(redactor, "new BasicAWSCredentials(accessKey, secretKey); login('ci', 'eu-west-1')");
        FormChecks.untouched(redactor, "HTTPBasicAuth('svc', 'password') is a placeholder in the README");
    }

    @Test
    void theBoundValuesOfAStatementAsATupleAfterParametersAreJudgedByTheirColumns() {
        FormChecks.gone(redactor, "    sqlite3.IntegrityError: UNIQUE constraint failed: patients.ssn\n"
                + "    [SQL: INSERT INTO patients (name, ssn, dob) VALUES (?, ?, ?)]\n"
                + "    [parameters: ('Test Patient', '536228761', '1980-01-01')]", "536228761", "'Test Patient'",
                "'1980-01-01'");
        String pw = password();
        FormChecks.gone(redactor, "==>  Preparing: INSERT INTO users (email, password, nickname) VALUES (?, ?, ?)\n"
                + "==> Parameters: kai@acme.net(String), " + pw + "(String), kai(String)", pw, "kai(String)");
        FormChecks.untouched(redactor, "[SQL: SELECT id FROM orders WHERE user_id = ? AND status = ?]\n"
                + "[parameters: (42, 'PAID')]");
        FormChecks.untouched(redactor, "==>  Preparing: SELECT id, status FROM orders WHERE user_id = ? AND status = ?\n"
                + "==> Parameters: 42(Long), PAID(String)\n<==      Total: 0");
    }

    @Test
    void aPrivateKeyEncodedInBase64WholeGoesAndACertificateStays() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + FormChecks.token(random, 120)
                + "\n-----END RSA PRIVATE KEY-----\n";
        String data = Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        FormChecks.gone(redactor, "users:\n- name: ci-deployer\n  user:\n    client-key-data: " + data + "\n", data,
                "name: ci-deployer", "client-key-data: ");
        String ec = "-----BEGIN EC PRIVATE KEY-----\nMHcC" + FormChecks.token(random, 90) + "\n-----END EC PRIVATE KEY-----\n";
        String ecData = Base64.getEncoder().encodeToString(ec.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        FormChecks.gone(redactor, "data:\n  tls.key: " + ecData + "\nkind: Secret", ecData, "kind: Secret");
        String cert = "-----BEGIN CERTIFICATE-----\nMIIC5z" + FormChecks.token(random, 120) + "\n-----END CERTIFICATE-----\n";
        String certData = Base64.getEncoder().encodeToString(cert.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        FormChecks.untouched(redactor, "    certificate-authority-data: " + certData);
    }

    @Test
    void chaisHavePropertyLosesTheValuesOfASecretsName() {
        String token = FormChecks.token(random, 28);
        String got = FormChecks.token(random, 28);
        FormChecks.gone(redactor, "  AssertionError: expected { Object (status, body) } to have property 'apiKey' of '"
                + token + "', but got '" + got + "'", token, "to have property 'apiKey' of '");
        FormChecks.gone(redactor, "  AssertionError: expected { Object (apiKey) } to have property 'apiKey' of '"
                + token + "', but got '" + got + "'", got);
        FormChecks.untouched(redactor, "  AssertionError: expected { Object (role) } to have property 'role' of 'admin', but got 'user'");
        FormChecks.untouched(redactor, "  AssertionError: expected { Object (token) } to have property 'token' of 'expired', but got 'valid'");
        FormChecks.untouched(redactor, "  AssertionError: expected { Object (status) } to have property 'status' of 200, but got 500");
    }

    @Test
    void aPhoneAfterItsWordInOtherLanguagesGoes() {
        FormChecks.gone(redactor, "ValidationError: El tel\u00e9fono '612 34 56 78' no es v\u00e1lido", "612 34 56 78",
                "ValidationError: El tel\u00e9fono '");
        FormChecks.untouched(redactor, "ValidationError: El pedido '612 34 56 78' no es v\u00e1lido");
        FormChecks.untouched(redactor, "hotel booking 612 34 56 78 confirmed");
    }

    @Test
    void textTypedIntoAPasswordFieldByEspressoOrMaestroGoes() {
        String pw = password();
        FormChecks.gone(redactor, "androidx.test.espresso.PerformException: Error performing 'type text(" + pw
                + ")' on view 'with id is <com.acme.app:id/password>'.", pw, "on view 'with id is <com.acme.app:id/password>'");
        FormChecks.gone(redactor, "Error performing 'replace text(4821)' on view 'with id is <com.acme.app:id/pin_input>'.",
                "4821", "replace text(");
        FormChecks.untouched(redactor, "androidx.test.espresso.PerformException: Error performing 'type text(Berlin Mitte)'"
                + " on view 'with id is <com.acme.app:id/search>'.");
        String pw2 = password();
        FormChecks.gone(redactor, " \u2551    \u2705   Tap on id: password_field\n \u2551    \u274c   Input text " + pw2 + "\n",
                pw2, "Input text ");
        FormChecks.untouched(redactor, " \u2551    \u2705   Tap on id: email_field\n \u2551    \u2705   Input text Berlin2024x\n");
    }
}
