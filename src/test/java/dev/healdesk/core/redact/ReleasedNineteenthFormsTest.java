package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the nineteenth corpus collection's released held-out part leaked or lost
 * (redact57): a parametrized test's arguments judged by the parameters the stack trace names at their places (NUnit's
 * {@code SendsSms("…","…")} over {@code SendsSms(String to, String authToken)}, {@link CaseArguments}); an address
 * that is one of a pytest id's hyphen-joined parameters ({@code test_login[ana@mail.com-…]}, {@link Emails}); a
 * vehicle's VIN by its check digit ({@link LetterIds#vin}); Secret Manager's {@code "payload": {"data": "…"}} below the version's name ({@link KeyValues}); the
 * text of an Android view whose {@code res-name} names a secret ({@link SentKeys}); and, kept, a code counted up from
 * 1 ({@code "otp": "123456"}, {@link Values#countingDigits}), a mock's or the documentation's.
 * And the gaps the last stop left: a bare {@code mfa:} or {@code 2fa:} key's code ({@link KeyValues}); Composer's
 * {@code "github-oauth": {"github.com": "…"}} ({@link KeyValues}); an extra of Android's activity manager named like a
 * secret ({@code am instrument -e testPin …}, {@link CommandLines}); Firebase's {@code verificationId} where it looks
 * generated ({@link KeyValues}); and, kept, the names before a secret given last
 * to a call ({@code keyring.set_password("svc", "user", "…")}, {@code url.UserPassword("deploy", "…")},
 * {@link SecretCalls}).
 * Each on lines written for this test, not taken from the corpus, with counter-examples that must come through as
 * they are. The values are drawn here.
 */
class ReleasedNineteenthFormsTest {

    private final Random random = new Random(57_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String hex(int n) {
        return FormChecks.hexAfterA1(random, n);
    }

    // a test case's arguments by its parameters' names

    @Test
    void aTestCasesArgumentGoesByTheNameOfItsParameterInTheFrameBelow() {
        for (int k = 0; k < 6; k++) {
            String token = hex(32);
            String text = "  Failed SendsReminder(\"de-AT\",\"" + token + "\",42) [12 ms]\n"
                    + "  Error Message:\n     Expected: True\n  But was:  False\n  Stack Trace:\n"
                    + "     at Globex.Billing.Tests.ReminderTests.SendsReminder(String locale, String apiToken, Int32 days)"
                    + " in /src/ReminderTests.cs:line " + (k + 12) + "\n";
            FormChecks.gone(redactor, text, token, "Failed SendsReminder(\"de-AT\",\"", "\",42) [12 ms]",
                    "SendsReminder(String locale, String apiToken, Int32 days)");
            FormChecks.gone(atRest, text, token, "\"de-AT\"");
        }
    }

    @Test
    void aPasswordParameterTakesWhateverItsArgumentIs() {
        // a plain word and digits, which no password's shape gives away: only the parameter's name says it
        String password = "bluecanyon" + FormChecks.digits(random, 2, '1', 9);
        FormChecks.gone(redactor, "Failed OpensVault(\"EUR\",\"" + password + "\",42)\n"
                + "   at Acme.Vault.Tests.VaultTests.OpensVault(String currency, String vaultPassword, Int32 cents) in "
                + "C:\\src\\VaultTests.cs:line 8", password, "OpensVault(\"EUR\",\"", "\",42)");
    }

    @Test
    void anArgumentStaysWhereItsParameterNamesNoSecretOrNoFrameNamesTheParameters() {
        String value = hex(32);
        // the parameter is a commit's, no secret's
        FormChecks.untouched(redactor, "Failed Checks(\"" + value + "\",\"main\")\n"
                + "   at Acme.Ci.Tests.GitTests.Checks(String commitSha, String branch) in /src/GitTests.cs:line 3");
        // a frame of another method, or a frame whose parameters are fewer than the arguments
        FormChecks.untouched(redactor, "Failed Checks(\"" + value + "\",\"main\")\n"
                + "   at Acme.Ci.Tests.GitTests.Other(String apiToken, String branch) in /src/GitTests.cs:line 3");
        FormChecks.untouched(redactor, "Failed Checks(\"" + value + "\",\"main\")\n"
                + "   at Acme.Ci.Tests.GitTests.Checks(String apiToken) in /src/GitTests.cs:line 3");
        // no frame at all: a call in prose
        FormChecks.untouched(redactor, "Calling Checks(\"" + value + "\",\"main\") at 12:00");
    }

    // an address in a pytest id

    @Test
    void anAddressJoinedToTheNextParameterOfAPytestIdGoes() {
        for (int k = 0; k < 6; k++) {
            String mail = "lena.berg" + k + "@northwind-mail.com";
            String text = "FAILED tests/test_login.py::test_login[" + mail + "-Guest" + k + "x] - AssertionError: 401\n";
            FormChecks.gone(redactor, text, mail, "FAILED tests/test_login.py::test_login[", "] - AssertionError: 401");
            // the second of the ids (the hyphen before it may be the address's own: the local part takes it)
            FormChecks.gone(redactor, "FAILED tests/test_a.py::test_b[de-" + mail + "-Xy] - E", mail, "test_b[", "] - E");
        }
    }

    @Test
    void aHostWithAHyphenatedLabelOutsideATestIdIsNoAddress() {
        FormChecks.untouched(redactor, "ssh deploy@web.prod-eu1 failed");
        FormChecks.untouched(redactor, "git clone build@mirror.corp-internal:repo.git");
        FormChecks.untouched(redactor, "see [ann@mail.co-op and more]");
    }

    // a VIN by its check digit

    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    /** 49 CFR 565.15: a letter's value in the check. */
    private static int vinValue(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        String[] rows = {"ABCDEFGH", "JKLMN P R", "STUVWXYZ"};
        for (int r = 0; r < rows.length; r++) {
            int at = rows[r].indexOf(c);
            if (at >= 0) {
                return r == 2 ? at + 2 : at + 1;
            }
        }
        throw new IllegalArgumentException(String.valueOf(c));
    }

    private static char vinCheck(String v) {
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += vinValue(v.charAt(k)) * weights[k];
        }
        return sum % 11 == 10 ? 'X' : (char) ('0' + sum % 11);
    }

    private String vin() {
        StringBuilder b = new StringBuilder("WBA");
        for (int k = 3; k < 11; k++) {
            b.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
        }
        b.append(FormChecks.digits(random, 6, '0', 10));
        b.setCharAt(8, '0');
        b.setCharAt(8, vinCheck(b.toString()));
        return b.toString();
    }

    @Test
    void theVinTableOfTheTestIsTheStandardsOne() {
        assertTrue(vinCheck("1HGCM82633A004352") == '3');   // the check of 49 CFR 565's worked example
        assertTrue(vinCheck("11111111111111111") == '1');
    }

    @Test
    void aVinWithItsCheckDigitGoesWithoutItsLabel() {
        for (int k = 0; k < 8; k++) {
            String vin = vin();
            FormChecks.gone(redactor, "FAILED tests/api/test_cars.py::test_lookup[" + vin + "] - KeyError: 'make'",
                    vin, "test_lookup[", "] - KeyError: 'make'");
            FormChecks.gone(atRest, "registered " + vin + " to the fleet", vin, "registered ", " to the fleet");
            // one character off: the check fails
            char c = vin.charAt(8);
            String twin = vin.substring(0, 8) + (c == '9' ? '0' : c == 'X' ? '1' : (char) (c + 1)) + vin.substring(9);
            FormChecks.untouched(redactor, "test_lookup[" + twin + "] - KeyError");
        }
    }

    @Test
    void wordsOfSeventeenThatAreNoVinStay() {
        FormChecks.untouched(redactor, "build ABCDEFGHIJKLMNOPQ done");       // I, O and Q are no VIN's
        FormChecks.untouched(redactor, "ref 1HGCM82633A00435X done");       // the serial is digits
        FormChecks.untouched(redactor, "digest 12345678901234567 done");    // no letter
        FormChecks.untouched(redactor, "id abcdefgh123456789 ok");          // small letters
    }

    // Secret Manager's payload

    @Test
    void aSecretVersionsPayloadGoesBelowItsName() {
        for (int k = 0; k < 6; k++) {
            String data = java.util.Base64.getEncoder().encodeToString(FormChecks.token(random, 14).getBytes());
            String uri = "uri: https://secretmanager.googleapis.com/v1/projects/acme-" + k
                    + "/secrets/smtp-pass/versions/latest:access?alt=json\n";
            FormChecks.gone(redactor, uri + "---- response start ----\n{\"payload\": {\"data\": \"" + data
                    + "\"}}\n---- response end ----", data, "{\"payload\": {\"data\": \"");
            FormChecks.gone(atRest, "{\"name\": \"projects/4711/secrets/api-key/versions/" + (k + 1)
                    + "\", \"payload\": {\"data\": \"" + data + "\", \"dataCrc32c\": \"12345\"}}", data,
                    "\"dataCrc32c\": \"12345\"");
        }
    }

    @Test
    void aPayloadsDataWithNoSecretVersionBeforeStays() {
        FormChecks.untouched(redactor, "{\"event\": \"order.paid\", \"payload\": {\"data\": \"eyJvcmRlciI6MX0=\"}}");
        FormChecks.untouched(redactor, "GET /v1/projects/p/secrets/x\n{\"data\": \"c29tZXRoaW5n\"}");
    }

    // an Android view whose name is a secret's

    @Test
    void theTextOfAViewNamedLikeASecretGoes() {
        for (int k = 0; k < 6; k++) {
            String seed = hex(40);
            String text = "+--------->AppCompatEditText{id=2131230913, res-name=totp_secret, visibility=VISIBLE, text="
                    + seed + ", input-type=1}\n";
            FormChecks.gone(redactor, text, seed, "res-name=totp_secret, visibility=VISIBLE, text=", ", input-type=1}");
            String token = hex(32);
            FormChecks.gone(atRest, "+->TextInputEditText{id=2131230914, res-name=api_token, text=" + token
                    + ", input-type=1}", token, ", input-type=1}");
        }
        FormChecks.untouched(redactor,
                "+--------->AppCompatEditText{id=2131230913, res-name=city, visibility=VISIBLE, text=Wien, input-type=1}");
        FormChecks.untouched(redactor,
                "+--->AppCompatTextView{id=2131230915, res-name=token_hint, text=Enter the code, input-type=0}");
    }

    // a mock's code counted up from one

    @Test
    void aCodeCountedUpFromOneIsAMocksAndStays() {
        String text = "Received: \"https://crm.acme.net/v1/login\", {\"password\": \"Tq" + hex(8)
                + "\", \"otp\": \"123456\"}";
        String out = redactor.redact(text);
        assertTrue(out.contains("\"otp\": \"123456\"}"), out);
        assertFalse(out.contains("\"password\": \"Tq"), out);
        FormChecks.untouched(redactor, "pin=1234 accepted");
        FormChecks.untouched(redactor, "{\"otp\": \"01234567\"}");
        // nine digits are no code: a number counted up so is another rule's (an SSN's documentation example)
        FormChecks.gone(redactor, "INSERT INTO people (name, ssn) VALUES ('Bob', '123456789');", "123456789");
    }

    @Test
    void aDrawnCodeStillGoes() {
        for (String code : new String[] {"123457", "234567", "654321", "120456"}) {
            FormChecks.gone(redactor, "{\"otp\": \"" + code + "\"}", code, "{\"otp\": \"");
        }
        String drawn = FormChecks.digits(random, 6, '2', 8);
        FormChecks.gone(atRest, "otp=" + drawn, drawn, "otp=");
    }

    // a second factor's code by its bare name

    @Test
    void aBareMfaKeysCodeGoes() {
        for (int k = 0; k < 6; k++) {
            String code = FormChecks.digits(random, 6, '2', 8);
            FormChecks.gone(redactor, "login step 2 mfa: " + code + " rejected", code, "mfa: ", " rejected");
            FormChecks.gone(atRest, "{\"user\": \"ci\", \"2fa\": \"" + code + "\"}", code, "\"2fa\": \"");
        }
        FormChecks.untouched(redactor, "mfa: enabled");
        FormChecks.untouched(redactor, "mfa: required for admins, 2fa: 30 days");
        FormChecks.untouched(redactor, "mfa: 2024-06-01 rollout");
    }

    // Composer's github-oauth map

    @Test
    void composersOauthMapFromHostsToTokensGoes() {
        for (int k = 0; k < 6; k++) {
            String token = hex(40);
            FormChecks.gone(redactor, "{\"github-oauth\": {\"github.com\": \"" + token + "\"}}", token,
                    "{\"github-oauth\": {\"github.com\": \"");
            FormChecks.gone(atRest, "\"gitlab-oauth\": {\"gitlab.acme.net\": \"" + token + "\"}", token,
                    "\"gitlab-oauth\": {\"gitlab.acme.net\": \"");
        }
        // another map from hosts: mirrors, no credential
        FormChecks.untouched(redactor, "{\"mirrors\": {\"github.com\": \"" + hex(40) + "\"}}");
    }

    // an activity manager's extra by its name

    @Test
    void anActivityManagersExtraNamedLikeASecretGoes() {
        for (int k = 0; k < 6; k++) {
            String pin = FormChecks.digits(random, 4, '2', 8);
            String token = hex(32);
            String text = "adb shell am instrument -w -e testPin " + pin + " -e apiToken " + token
                    + " -e class com.acme.LoginTest com.acme.test/androidx.test.runner.AndroidJUnitRunner";
            FormChecks.gone(redactor, text, pin, "-e testPin ", "-e class com.acme.LoginTest");
            FormChecks.gone(atRest, text, token, "-e apiToken ");
            FormChecks.gone(redactor, "adb shell am start -n com.acme/.Main --es password Tulip" + pin + " --es user bob",
                    "Tulip" + pin, "--es password ", "--es user bob");
        }
        FormChecks.untouched(redactor, "adb shell am instrument -w -e size small -e package com.acme.auth com.acme.test/x");
        // -e of another command
        FormChecks.untouched(redactor, "sed -e testPin 4829 notes.txt");
    }

    // the names before a secret given last

    @Test
    void theNamesBeforeASecretGivenLastStay() {
        for (int k = 0; k < 6; k++) {
            String password = "Tq" + hex(10);
            FormChecks.gone(redactor, "keyring.set_password(\"ci-deploy\", \"deploy-bot\", \"" + password + "\")",
                    password, "keyring.set_password(\"ci-deploy\", \"deploy-bot\", \"");
            FormChecks.gone(atRest, "u := url.UserPassword(\"deploy\", \"" + password + "\")", password,
                    "url.UserPassword(\"deploy\", \"");
            // one argument: the secret itself, as before
            FormChecks.gone(redactor, "config.setPassword(\"" + password + "\")", password, "config.setPassword(\"");
        }
        // the last a variable: nothing given here
        FormChecks.untouched(redactor, "keyring.set_password(\"ci-deploy\", \"deploy-bot\", pw)");
    }

    // Firebase's verification id

    @Test
    void firebasesVerificationIdGoesWhereItLooksGenerated() {
        for (int k = 0; k < 6; k++) {
            String id = "AM5PTh" + FormChecks.token(random, 40) + "Zx9";
            FormChecks.gone(redactor, "PhoneAuthCredential{phoneNumber=null, smsCode=null, verificationId=" + id + "}",
                    id, "verificationId=", "PhoneAuthCredential{");
            FormChecks.gone(atRest, "{\"verificationId\": \"" + id + "\"}", id, "{\"verificationId\": \"");
        }
        FormChecks.untouched(redactor, "verification_id=42");
        FormChecks.untouched(redactor, "{\"verificationId\": \"email-check\"}");
    }
}
