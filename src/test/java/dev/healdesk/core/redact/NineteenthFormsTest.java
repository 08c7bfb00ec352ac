package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the nineteenth corpus collection's tune part leaked or lost (released to redact55
 * alone; its held-out part stays the clean measure): a Slack or Discord webhook's host and route kept, its credential
 * path gone ({@link Tokens}, token-rules.json's group {@code secret}); a webhook signature's algorithm kept, its digest
 * gone ({@link Values#signatureStart}); Brazil's PIS/PASEP by its printed layout and check (national-ids.json) and by
 * its label, New Zealand's NHI by its label and check ({@link Judge#nhi}) and a VIN by its label ({@link KeyNames});
 * Malay's password label (local-labels.json); a PIN's digits after the word alone ({@link OneTimeCodes}); GitHub
 * Actions' workflow commands that set a named value ({@link SetAs}) and an address after their {@code ::}
 * ({@link Emails}); a share link's token by its name ({@link KeyNames}); and Hibernate Validator's messages after a
 * method parameter's path, in any language ({@link KeyValues}). Each on lines written for this test, not taken from the corpus, with counter-examples that must
 * come through as they are. Values are drawn here; numbers are made from the published check rules, each with a twin
 * whose check is wrong.
 */
class NineteenthFormsTest {

    private static final String NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random = new Random(19_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password a person might choose: letters, a capital, digits. */
    private String password() {
        return "Qx" + FormChecks.token(random, 8) + "7a";
    }

    private String upper(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(UPPER_DIGITS.charAt(random.nextInt(UPPER_DIGITS.length())));
        }
        return b.toString();
    }

    @Test
    void aSlackOrDiscordWebhooksHostAndRouteStayAndItsCredentialPathGoes() {
        for (int k = 0; k < 6; k++) {
            String path = "T" + upper(9) + "/B" + upper(9) + "/" + FormChecks.token(random, 24);
            String slack = "https://hooks.slack.com/services/" + path;
            String text = "AssertionError: expected \"spy\" to be called with arguments: [ '" + slack + "', …(1) ]";
            FormChecks.gone(redactor, text, path, "[ 'https://hooks.slack.com/services/", "', …(1) ]");
            FormChecks.gone(Redactor.atRest(), text, path, "'https://hooks.slack.com/services/");
            // no part of the path is left: neither its workspace's nor its webhook's id
            assertFalse(redactor.redact(text).contains(path.substring(0, 10)));
            String workflow = "https://hooks.slack.com/workflows/" + path;
            FormChecks.gone(redactor, "POST " + workflow + " 404", workflow.substring(34), "hooks.slack.com/workflows/");
            String discord = FormChecks.digits(random, 18, '1', 9) + "/" + FormChecks.token(random, 68);
            FormChecks.gone(redactor, "$ ./scripts/notify.sh https://discord.com/api/webhooks/" + discord + "\ncurl: (22)",
                    discord, "$ ./scripts/notify.sh https://discord.com/api/webhooks/", "curl: (22)");
            FormChecks.gone(redactor, "url=https://discordapp.com/api/v10/webhooks/" + discord, discord,
                    "url=https://discordapp.com/api/v10/webhooks/");
        }
        // the routes without a credential, and documentation links, stay
        FormChecks.untouched(redactor, "see https://api.slack.com/messaging/webhooks and https://hooks.slack.com/services/");
        FormChecks.untouched(redactor, "POST https://discord.com/api/webhooks/ failed: 401");
    }

    @Test
    void aWebhookSignaturesAlgorithmStaysAndItsDigestGoes() {
        for (int k = 0; k < 6; k++) {
            String sha256 = FormChecks.hexAfterA1(random, 64);
            String sha1 = FormChecks.hexAfterA1(random, 40);
            FormChecks.gone(redactor, "    webhook_test.go:131: request: POST /hooks HTTP/1.1\n        X-Signature: sha256="
                    + sha256 + "\n", sha256, "X-Signature: sha256=");
            FormChecks.gone(Redactor.atRest(), "X-Hub-Signature-256: sha256=" + sha256, sha256, "X-Hub-Signature-256: sha256=");
            FormChecks.gone(redactor, "X-Hub-Signature: sha1=" + sha1, sha1, "X-Hub-Signature: sha1=");
            FormChecks.gone(redactor, "signature=sha256=" + sha256 + " rejected", sha256, "signature=sha256=", " rejected");
            // without an algorithm the whole value goes, as before
            FormChecks.gone(redactor, "X-Signature: " + sha256, sha256, "X-Signature: ");
        }
        // a digest algorithm before a short value or a word is no signature's: the value is judged as it was
        assertTrue(Values.signatureStart("sha256=" + "ab".repeat(16), 0, 39) == 7);
        assertTrue(Values.signatureStart("sha256=abc", 0, 10) == 0);
        assertTrue(Values.signatureStart("sha256=" + "xy".repeat(16), 0, 39) == 0);
        assertTrue(Values.signatureStart("token=" + "ab".repeat(16), 0, 38) == 0);
        assertTrue(Values.signatureStart("md5=" + "ab".repeat(16), 0, 36) == 4);
        // an image's content digest is no secret
        FormChecks.untouched(redactor, "Pulling acme/api@sha256:" + FormChecks.hexAfterA1(random, 64));
    }

    /** PIS/PASEP's check: 11 less the weighted sum mod 11 of the first ten digits, 10 and 11 read as 0. */
    static boolean pis(String v) {
        int[] d = FormChecks.digitsOf(v);
        int r = FormChecks.sum(d, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        return d.length == 11 && (r < 2 ? 0 : 11 - r) == d[10];
    }

    private String pisNumber() {
        String v = FormChecks.drawn(random, "", 11, NineteenthFormsTest::pis);
        return v.substring(0, 3) + "." + v.substring(3, 8) + "." + v.substring(8, 10) + "-" + v.substring(10);
    }

    @Test
    void brazilsPisPasepGoesByItsPrintedLayoutAndCheckAndItsTwinStays() {
        FormChecks.numbersAndTwins(this::pisNumber, NineteenthFormsTest::pis, "    \"worker\": \"", "\",");
        FormChecks.numbersAndTwins(this::pisNumber, NineteenthFormsTest::pis, "payload row: ", ";ok");
        FormChecks.numbersAndTwins(this::pisNumber, NineteenthFormsTest::pis, "{'nis': '", "'}");
        // under its label a number's shape is enough, as for every label of a person's number
        for (int k = 0; k < 6; k++) {
            String v = pisNumber();
            String twin = FormChecks.twin(v, NineteenthFormsTest::pis);
            FormChecks.gone(redactor, "\"payload\":{\"customer\":\"x\",\"pis\":\"" + twin + "\"}}", twin, "\"pis\":\"");
            FormChecks.gone(redactor, "pasep=" + v.replace(".", "").replace("-", ""), v.substring(0, 3), "pasep=");
        }
        // the same digits in another layout say nothing of a PIS: a version, a dotted id
        FormChecks.untouched(redactor, "release 1.20.4-1 of 2024.06.01-3 built");
    }

    /** The NHI's first layout's check: letters worth 1 to 24 (no I, O) times 7 6 5, digits times 4 3 2, 11 less mod 11. */
    static boolean nhi(String v) {
        if (v.length() != 7) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 6; k++) {
            int worth = k < 3 ? NHI_LETTERS.indexOf(v.charAt(k)) + 1 : v.charAt(k) - '0';
            sum += worth * (7 - k);
        }
        return sum % 11 != 0 && (11 - sum % 11) % 10 == v.charAt(6) - '0';
    }

    private String nhiNumber() {
        String v;
        do {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                b.append(NHI_LETTERS.charAt(random.nextInt(NHI_LETTERS.length())));
            }
            v = b + FormChecks.text(FormChecks.body(random, 4));
        } while (!nhi(v));
        return v;
    }

    @Test
    void newZealandsNhiGoesUnderItsLabelWithItsCheckAndAWrongOneStays() {
        for (int k = 0; k < 8; k++) {
            String v = nhiNumber();
            FormChecks.gone(redactor, "данни: {'api_key': 'x', 'nhi': '" + v + "'}", v, "'nhi': '");
            FormChecks.gone(redactor, "patient.nhi=" + v + " not found", v, "patient.nhi=", " not found");
            FormChecks.gone(redactor, "\"NHI\": \"" + v + "\"", v);
            String twin = FormChecks.twin(v, NineteenthFormsTest::nhi);
            FormChecks.untouched(redactor, "{'nhi': '" + twin + "'}");
        }
        // under a label that names no person's number a code of that shape stays (one in eleven pass the check)
        FormChecks.untouched(redactor, "{'flight': 'ZZZ0016', 'gate': 'B12'}");
        FormChecks.untouched(redactor, "\"nhi\": true");
        assertTrue(Judge.nhi("ZZZ0016", 0, 7));
        assertFalse(Judge.nhi("ZZZ0017", 0, 7));
        assertFalse(Judge.nhi("IOA0016", 0, 7));   // no I or O in an NHI
        assertFalse(Judge.nhi("ZZZ00161", 0, 8));
    }

    @Test
    void aVinGoesUnderItsLabelAndAWordThereStays() {
        for (int k = 0; k < 6; k++) {
            String vin = "WBA" + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(random.nextInt(23)) + upper(3).replaceAll("[IOQ]", "X")
                    + FormChecks.digits(random, 10, '1', 9);
            FormChecks.gone(redactor, "createCustomer.arg0.vin: " + vin + "\n\tat org.hibernate.validator", vin,
                    "createCustomer.arg0.vin: ", "\tat org.hibernate.validator");
            FormChecks.gone(redactor, "{\"vin\": \"" + vin + "\", \"plate\": \"x\"}", vin, "{\"vin\": \"");
        }
        FormChecks.untouched(redactor, "{\"vin\": \"rouge\", \"annee\": 2019}");
    }

    @Test
    void malaysPasswordLabelNamesAPassword() {
        for (int k = 0; k < 6; k++) {
            String p = password();
            FormChecks.gone(redactor, "Permintaan: {\"emel\":\"x\",\"kata_laluan\":\"" + p + "\"}", p, "\"kata_laluan\":\"");
            FormChecks.gone(Redactor.atRest(), "Kata laluan: " + p, p, "Kata laluan: ");
            FormChecks.gone(redactor, "katalaluan=" + p, p, "katalaluan=");
        }
        FormChecks.untouched(redactor, "Ralat: kata laluan anda salah, sila cuba lagi");
    }

    @Test
    void aPinsDigitsGoAfterTheWordAloneAndCountsStay() {
        for (int k = 0; k < 6; k++) {
            String pin = FormChecks.digits(random, 4 + random.nextInt(5), '1', 9);
            FormChecks.gone(redactor, "stack=java.lang.AssertionError: login failed for a@b.io with PIN " + pin + "\n",
                    pin, "with PIN ");
            FormChecks.gone(Redactor.atRest(), "entered PIN " + pin + " rejected", pin, "entered PIN ", " rejected");
            FormChecks.gone(redactor, "the passcode " + pin + " expired", pin, "the passcode ", " expired");
        }
        FormChecks.untouched(redactor, "PIN 2 of 3 wrong, 10 attempts left");
        FormChecks.untouched(redactor, "set pin 13 high, PIN 10 attempts");
        FormChecks.untouched(redactor, "pin 4021 of the GPIO header, Pin 4022 too");
        FormChecks.untouched(redactor, "PIN 1234.5 ms; PIN 20240601T1200");
        FormChecks.untouched(redactor, "exit code 12345");
    }

    @Test
    void aWorkflowCommandsNamedValueIsJudgedByItsName() {
        for (int k = 0; k < 6; k++) {
            String token = FormChecks.token(random, 24);
            FormChecks.gone(redactor, "::set-output name=token::" + token + "\nError: Process completed", token,
                    "::set-output name=token::", "\nError: Process completed");
            FormChecks.gone(Redactor.atRest(), "::set-env name=API_KEY::" + token, token, "::set-env name=API_KEY::");
            String p = password();
            FormChecks.gone(redactor, "::set-output name=db_password::" + p, p, "::set-output name=db_password::");
            String mail = "ann.lee" + random.nextInt(100) + "@fabrikam.io";
            FormChecks.gone(redactor, "::save-state name=reviewer::" + mail, mail, "::save-state name=reviewer::");
        }
        FormChecks.untouched(redactor, "::set-output name=version::1.2.3\n::set-output name=token::expired");
        FormChecks.untouched(redactor, "::error file=app.js,line=10::Something failed");
        // a URL's login with an empty user is still no address
        FormChecks.untouched(redactor, "see std::cout and ns::value");
    }

    @Test
    void aShareLinksTokenGoesAndAShareThatIsNoTokenStays() {
        for (int k = 0; k < 6; k++) {
            String hex = FormChecks.hexAfterA1(random, 32);
            String text = "::set-output name=preview_url::https://shop-git-main.vercel.app?_vercel_share=" + hex;
            FormChecks.gone(redactor, text, hex, "https://shop-git-main.vercel.app?_vercel_share=");
            FormChecks.gone(Redactor.atRest(), text, hex, "?_vercel_share=");
            String token = FormChecks.token(random, 22) + "9";
            FormChecks.gone(redactor, "GET /board?share=" + token + "&tab=2 403", token, "/board?share=", "&tab=2 403");
        }
        FormChecks.untouched(redactor, "GET /post?share=true&via=twitter 200");
        FormChecks.untouched(redactor, "{\"share\": \"facebook\", \"ratio\": 0.25}");
        FormChecks.untouched(redactor, "share=twitter share_id=12345 fileshare=dept-files-2024");
    }

    @Test
    void hibernateValidatorsMessageAfterAParametersPathStaysInAnyLanguage() {
        String[] messages = {"must be a well-formed email address", "musí byť korektne formátovaná e-mailová adresa",
            "doit être une adresse électronique syntaxiquement correcte", "muss eine korrekt formatierte E-Mail-Adresse sein"};
        for (String m : messages) {
            FormChecks.untouched(redactor, "createCustomer.arg0.password: " + m);
            FormChecks.untouched(Redactor.atRest(), "register.arg1.apiKey: " + m);
        }
        for (int k = 0; k < 6; k++) {
            String p = password();
            FormChecks.gone(redactor, "createCustomer.arg0.password: " + p, p, "createCustomer.arg0.password: ");
            String lower = "hunter" + random.nextInt(100);
            FormChecks.gone(redactor, "createCustomer.arg0.password: " + lower + " was rejected", lower);
        }
        // outside such a path the word after a password's name still goes, as before
        FormChecks.gone(redactor, "password: secret and more", "secret");
    }
}
