package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms and mends written for what the twenty-second corpus collection's tune part lost or leaked
 * (released to redact64 alone; its held-out part stays the clean measure). Mends of detectors that took too much: a
 * mask in quotes, as Django's technical 500 page prints a setting ({@link Values#quotedMask}), which the echo of it took
 * everywhere else too; AWS's documented example key ids ({@link Values#awsExample}) and a placeholder word as the
 * password of a URL to this machine ({@link Urls}), as Go tests write their expected values; a number whose last six
 * digits are zeros ({@link Numbers#zeroed}); CGI's {@code HTTP_COOKIE} is the cookie header ({@link KeyNames}), so the
 * cookie's name stays; Ruby's {@code Class#method} is a test's name ({@link PasswordShapes}). Forms for what leaked:
 * Rails' signed and encrypted messages ({@link SignedMessages}); Taiwan's unified business number by its label and check
 * ({@link BusinessNumbers}); a diff of a mask and the value it hides ({@link MaskedCounterparts}); PagerDuty's routing
 * key in prose ({@link NamedValues}); express-validator's field error, its value before its path ({@link PathValues});
 * Irish's word for a password (local-labels.json). Each on lines written for this
 * test, not taken from the corpus, with counter-examples that must come through as they are.
 */
class TwentySecondFormsTest {

    private final Random random = new Random(22_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password a person might choose: letters, a capital, digits. */
    private String password() {
        return "Qx" + FormChecks.token(random, 8) + "7a";
    }

    private String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void aMaskInQuotesStaysAndSoDoesTheRowAroundIt() {
        String mask = "'********************'";
        String page = "Setting\tValue\n"
                + "DATABASES\t{'default': {'ENGINE': 'django.db.backends.mysql', 'HOST': 'db.corp.example', "
                + "'PASSWORD': " + mask + ", 'USER': 'svc'}}\n"
                + "API_TOKEN\t" + mask + "\n"
                + "SECRET_KEY\t" + mask + "\n";
        FormChecks.untouched(redactor, page);
        FormChecks.untouched(Redactor.atRest(), page);
        FormChecks.untouched(redactor, "EMAIL_HOST_PASSWORD\t\"\u2022\u2022\u2022\u2022\u2022\u2022\"");
        FormChecks.untouched(redactor, "password: 'xxxxxxxx'");
        for (int k = 0; k < 6; k++) {
            String pw = password();
            // a value that is not one mask character alone still goes, quoted or not
            FormChecks.gone(redactor, "EMAIL_HOST_PASSWORD\t'" + pw + "'", pw, "EMAIL_HOST_PASSWORD");
            FormChecks.gone(redactor, "SECRET_KEY\t'***" + FormChecks.token(random, 30) + "'", "***", "SECRET_KEY");
            FormChecks.gone(redactor, "'PASSWORD': '" + pw + "', 'USER': 'svc'", pw, "'USER': 'svc'");
        }
    }

    @Test
    void awsDocumentedExampleKeysAndPlaceholderPasswordsToThisMachineAreATestsExpectedValues() {
        FormChecks.untouched(redactor, "    signer_test.go:48: header = \"x\", want prefix "
                + "\"AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/\"");
        FormChecks.untouched(redactor, "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        FormChecks.untouched(redactor, "        - \tDSN: \"postgres://app:secret@localhost/app\",");
        FormChecks.untouched(redactor, "want \"mysql://root:password@127.0.0.1:3306/test\"");
        FormChecks.untouched(redactor, "REDIS_URL=redis://:changeme@localhost:6379/0");
        for (int k = 0; k < 6; k++) {
            String pw = password();
            // the got side, another host, another password: gone as before
            FormChecks.gone(redactor, "        + \tDSN: \"postgres://app:" + pw + "@db.internal.acme.net:15432/crm\",",
                    pw, "postgres://app:", "@db.internal.acme.net");
            FormChecks.gone(redactor, "DSN: \"postgres://app:" + pw + "@localhost/app\"", pw, "@localhost/app");
            FormChecks.gone(redactor, "DSN: \"postgres://app:secret@db.acme.net/app\"", "secret", "@db.acme.net/app");
            FormChecks.gone(redactor, "DSN: \"postgres://app:Secret@localhost/app\"", "Secret", "@localhost/app");
            // a key id that does not end in EXAMPLE, or whose EXAMPLE has more after it
            String id = "AKIA" + FormChecks.token(random, 16).toUpperCase();
            FormChecks.gone(redactor, "header = \"Credential=" + id + "/20241107/eu-west-1/s3/aws4_request\"", id,
                    "/20241107/eu-west-1/s3/aws4_request");
            String longer = "AKIAEXAMPLE" + FormChecks.digits(random, 9, '1', 9);
            FormChecks.gone(redactor, "Credential=" + longer + "/20241107", longer);
            String secret = FormChecks.token(random, 40);
            FormChecks.gone(redactor, "aws_secret_access_key = " + secret, secret);
        }
        // a full key id of AWS's issued shape is still taken by its format, EXAMPLE or not
        FormChecks.gone(redactor, "key AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void aNumberThatEndsInSixZerosIsATestsPlaceholder() {
        FormChecks.untouched(redactor, "    normalize_test.go:44: Normalize(\"x\") = \"\", want \"+662000000\"");
        FormChecks.untouched(redactor, "want \"+6320000000\"");
        FormChecks.untouched(redactor, "phone: +44 20 7000000");
        for (int k = 0; k < 8; k++) {
            String number = "+66 2 " + FormChecks.digits(random, 3, '1', 9) + " " + FormChecks.digits(random, 4, '1', 9);
            FormChecks.gone(redactor, "Normalize(\"" + number + "\") = \"\"", number);
            String five = "+662" + FormChecks.digits(random, 1, '1', 9) + "00000";
            FormChecks.gone(redactor, "want \"" + five + "\"", five);
        }
    }

    @Test
    void cgisCookieHeaderKeepsTheCookiesNameAndLosesItsValue() {
        for (int k = 0; k < 6; k++) {
            String value = base64(48) + "--" + FormChecks.hex(random, 40);
            FormChecks.gone(redactor, "HTTP_COOKIE: \"_orders_session=" + value + "\"", value,
                    "HTTP_COOKIE: \"_orders_session=");
            FormChecks.gone(Redactor.atRest(), "HTTP_COOKIE: \"_shop_session=" + value + "; theme=dark\"", value,
                    "HTTP_COOKIE: \"_shop_session=", "theme=dark");
            String token = FormChecks.token(random, 36);
            FormChecks.gone(redactor, "HTTP_AUTHORIZATION: \"Bearer " + token + "\"", token, "HTTP_AUTHORIZATION");
        }
        FormChecks.untouched(redactor, "HTTP_COOKIE: \"theme=dark; locale=en\"");
    }

    @Test
    void aRubyInstanceMethodIsATestsNameNoPassword() {
        FormChecks.untouched(redactor, "  1) Branch#phone_e164 normalises city numbers");
        FormChecks.untouched(redactor, "  2) Billing::Invoice#due_on_v2 rolls over at month end");
        FormChecks.untouched(redactor, "ApiTokenTest#test_masks_token2 [test/models/api_token_test.rb:19]:");
        for (int k = 0; k < 6; k++) {
            String camel = "Welcome#Pass" + FormChecks.digits(random, 3, '1', 9);
            FormChecks.gone(redactor, "new password " + camel, camel);
            String lower = "Spring#pass" + FormChecks.digits(random, 3, '1', 9);
            FormChecks.gone(redactor, "tried " + lower, lower);
        }
    }

    @Test
    void railsSignedAndEncryptedMessagesGoWhereNoNameSaysWhatTheyAre() {
        for (int k = 0; k < 8; k++) {
            String encrypted = base64(60 + random.nextInt(60)) + "--" + base64(12) + "--" + base64(16);
            FormChecks.gone(redactor, "            got: \"" + encrypted + "\"", encrypted, "got: \"");
            FormChecks.gone(Redactor.atRest(), "expected nil, got \"" + encrypted + "\"", encrypted, "expected nil, got");
            String signed = base64(40 + random.nextInt(40)) + "--" + FormChecks.hex(random, random.nextBoolean() ? 40 : 64);
            FormChecks.gone(redactor, "cookie " + signed + " was rejected", signed, "was rejected");
        }
        FormChecks.untouched(redactor, "<div class=\"card__header--highlighted card__body--compact\">");
        FormChecks.untouched(redactor, "git log main--feature-login-page-redesign-2024 --oneline");
        FormChecks.untouched(redactor, "ls /usr/local/Cellar/Python3Framework--Versions2024x");
        FormChecks.untouched(redactor, "ServiceAccountName--DefaultNamespaceXY");
        FormChecks.untouched(redactor, "mvn -q --batch-mode --no-transfer-progress");
        FormChecks.untouched(redactor, "=====================--=====================");
    }

    /** The unified business number's check, as {@link BusinessNumbers} reads it, for drawing numbers that pass or fail. */
    private static boolean ubn(String v) {
        return BusinessNumbers.ubn(v, 0);
    }

    @Test
    void taiwansBusinessNumberGoesByItsLabelAndItsCheck() {
        assertTrue(ubn("04595257"));   // the Ministry of Finance's example
        assertTrue(ubn("10000078"));   // a seventh digit 7, its product 28 read as 1
        assertFalse(ubn("12345678"));
        for (int k = 0; k < 8; k++) {
            String valid = FormChecks.drawn(random, "", 8, TwentySecondFormsTest::ubn);
            FormChecks.gone(redactor, "StripeInvalidRequestError: Invalid value for tw_vat: " + valid
                    + ". It should look like 12345678.", valid, "tw_vat: ", "It should look like 12345678.");
            FormChecks.gone(redactor, "E        +  where False = is_valid_vat('TW', '" + valid + "')", valid,
                    "is_valid_vat('TW', '");
            FormChecks.gone(redactor, "ubn=" + valid, valid, "ubn=");
            FormChecks.gone(Redactor.atRest(), "統一編號: " + valid, valid, "統一編號");
            // a number that fails the check, another country's code, or no label: kept
            String failing = FormChecks.drawn(random, "", 8, v -> !ubn(v));
            FormChecks.untouched(redactor, "Invalid value for tw_vat: " + failing + ".");
            FormChecks.untouched(redactor, "is_valid_vat('TW', '" + failing + "')");
            FormChecks.untouched(redactor, "is_valid_vat('DE', '" + valid + "')");
            FormChecks.untouched(redactor, "order " + valid + " shipped");
            FormChecks.untouched(redactor, "TWD " + valid);
        }
    }

    @Test
    void aDiffOfAMaskAndAValueLosesTheValue() {
        for (int k = 0; k < 6; k++) {
            String token = FormChecks.hex(random, 32);
            FormChecks.gone(redactor, "--- expected\n+++ actual\n@@ -1 +1 @@\n-\"tok_\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\"\n+\""
                    + token + "\"\n", token, "-\"tok_\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\"");
            FormChecks.gone(redactor, "-\"" + token + "\"\n+\"sk_live_****\"", token, "+\"sk_live_****\"");
        }
        FormChecks.untouched(redactor, "@@ -1 +1 @@\n-\"paid\"\n+\"open\"\n");
        FormChecks.untouched(redactor, "-\"tok_\u2022\u2022\u2022\u2022\"\n+\"the token is hidden\"");
        FormChecks.untouched(redactor, "-\"a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4\"\n+\"a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d5\"");
    }

    @Test
    void aPagerDutyRoutingKeyInProseGoes() {
        for (int k = 0; k < 6; k++) {
            String key = FormChecks.hexAfterA1(random, 32);
            FormChecks.gone(redactor, "error=\"failed to send notification to PagerDuty: 400 Bad Request: invalid routing key "
                    + key + "\"", key, "invalid routing key ");
            FormChecks.gone(redactor, "integration key " + key + " was rejected", key, "was rejected");
        }
        FormChecks.untouched(redactor, "Published to exchange orders with routing key order.created.v2");
        FormChecks.untouched(redactor, "routing key 12345678901234567890123456789012");
        FormChecks.untouched(redactor, "routing key a1b2c3");
    }

    @Test
    void anExpressValidatorErrorsValueGoesByItsPath() {
        for (int k = 0; k < 6; k++) {
            String pw = password();
            FormChecks.gone(redactor, "{\"level\":\"warn\",\"errors\":[{\"type\":\"field\",\"value\":\"" + pw
                    + "\",\"msg\":\"\u1021\u1014\u100a\u103a\u1038\u1006\u102f\u1036\u1038\",\"path\":\"password\","
                    + "\"location\":\"body\"}]}", pw, "\"path\":\"password\"", "\"location\":\"body\"");
            FormChecks.gone(Redactor.atRest(), "errors: [{\"type\": \"field\", \"value\": \"" + pw
                    + "\", \"msg\": \"too short\", \"path\": \"user.password\", \"location\": \"body\"}]", pw,
                    "\"path\": \"user.password\"");
        }
        FormChecks.untouched(redactor, "{\"errors\":[{\"type\":\"field\",\"value\":\"3\",\"msg\":\"Invalid value\","
                + "\"path\":\"quantity\",\"location\":\"body\"}]}");
        FormChecks.untouched(redactor, "{\"path\":\"/api/login\",\"value\":\"Orange5775.hi\"}");
        FormChecks.untouched(redactor, "{\"type\":\"field\",\"value\":\"Orange5775.hi\",\"path\":\"nickname\",\"msg\":\"taken\"}");
    }

    @Test
    void irishNamesAPassword() {
        for (int k = 0; k < 6; k++) {
            String pw = password();
            FormChecks.gone(redactor, "  \u00das\u00e1ideoir: ops  Pasfhocal: " + pw, pw, "Pasfhocal: ");
        }
        FormChecks.untouched(redactor, "Pasfhocal: [FILTERED]");
    }
}
