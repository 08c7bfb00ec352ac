package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the twenty-second corpus collection's released held-out part lost or leaked
 * (redact65). Kept: a cookie's name in a mention of the session's cookie ({@code session cookie __session=…}, Remix's
 * and SvelteKit's loaders; {@link SessionMentions}); a number of three groups after a code's word, which no one-time
 * code is ({@link OneTimeCodes}: it took the first two groups of Werkzeug's {@code Debugger PIN} and left the third;
 * the PIN now goes whole by its label, {@link KeyValues}); CodePush's deployment key, which ships inside the app it updates ({@code CODEPUSH_KEY}, {@link KeyNames});
 * the issuer, type and config of a token that writes them in dotted words before its random part ({@code dp.st.ci.…},
 * Doppler's; {@link Values#scopedTokenStart}); a template's pipe after a secret's name ({@code {{ .Values.db.password
 * | b64enc }}}, {@link NamedValues}). Gone: Firebase Authentication's refresh token ({@code AMf-vB…},
 * token-rules.json); a Twilio SID with its secret after a colon, as basic auth writes the pair (token-rules.json); the
 * value Spring rejected under a message in a script whose words carry vowel signs that names a password ({@code
 * പാസ്‌വേഡ് വളരെ ചെറുതാണ്: rejected value […]}, {@link ValidationPaths}, local-labels.json's messageWords). Each on lines
 * written for this test, not taken from the corpus, with counter-examples that must come through as they are. The
 * values are drawn here.
 */
class ReleasedTwentySecondFormsTest {

    private final Random random = new Random(65_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String password() {
        return "Pw" + FormChecks.token(random, 10) + "#7";
    }

    private String b64url(int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    // a session's cookie named in prose

    @Test
    void aSessionCookiesNameStaysAndItsValueGoes() {
        for (int k = 0; k < 6; k++) {
            String value = b64url(30) + "." + b64url(20);
            for (String name : new String[] {"__session", "connect.sid", "sveltekit_auth", "_app-session"}) {
                String line = "Error: action failed for /settings (session cookie " + name + "=" + value + ")";
                FormChecks.gone(redactor, line, value, "(session cookie " + name + "=");
                FormChecks.gone(atRest, line, value, "session cookie " + name + "=");
            }
            // no name: the whole word is the id, as before
            String id = b64url(32);
            FormChecks.gone(redactor, "express-session saving " + id, id, "express-session saving ");
        }
    }

    @Test
    void aSessionMentionWithNoIdStays() {
        FormChecks.untouched(redactor, "session cookie not set (SameSite=Lax)");
        FormChecks.untouched(redactor, "session cookie __session=deleted");
        FormChecks.untouched(redactor, "session cookie maxAge=3600");
    }

    // Werkzeug's debugger PIN, a number in three groups

    @Test
    void werkzeugsDebuggerPinGoesWholeNotCutInTwo() {
        for (int k = 0; k < 6; k++) {
            String pin = FormChecks.digits(random, 3, '1', 9) + "-" + FormChecks.digits(random, 3, '0', 10) + "-"
                    + FormChecks.digits(random, 3, '0', 10);
            // it opens a console that runs code on the dev server: a secret, and none of its groups stays
            FormChecks.gone(redactor, " * Debugger is active!\n * Debugger PIN: " + pin + "\n", pin.substring(7),
                    " * Debugger PIN: ", " * Debugger is active!");
            FormChecks.gone(atRest, " * Debugger PIN: " + pin, pin.substring(7), " * Debugger PIN: ");
        }
    }

    @Test
    void aNumberInThreeGroupsIsNoOneTimeCode() {
        for (int k = 0; k < 4; k++) {
            String groups = FormChecks.digits(random, 3, '1', 9) + "-" + FormChecks.digits(random, 3, '0', 10) + "-"
                    + FormChecks.digits(random, 3, '0', 10);
            FormChecks.untouched(redactor, "Your code is " + groups + " (a reference of nine digits, no code)");
        }
    }

    @Test
    void aPinOrACodeInOneOrTwoGroupsStillGoes() {
        for (int k = 0; k < 6; k++) {
            String code = FormChecks.digits(random, 6, '1', 9);
            FormChecks.gone(redactor, "Your verification code is " + code, code, "Your verification code is ");
            String two = code.substring(0, 3) + "-" + code.substring(3);
            FormChecks.gone(redactor, "Your login code: " + two + " (valid 10 minutes)", two, "(valid 10 minutes)");
            String pin = FormChecks.digits(random, 4, '1', 9);
            FormChecks.gone(redactor, "SIM PIN: " + pin, pin, "SIM PIN: ");
            FormChecks.gone(redactor, "login failed for svc-ci with PIN " + pin, pin, "with PIN ");
        }
    }

    // CodePush's deployment key

    @Test
    void aCodePushDeploymentKeyStays() {
        for (int k = 0; k < 6; k++) {
            String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
            FormChecks.untouched(redactor, "{\"API_URL\": \"https://api.example.com\", \"CODEPUSH_KEY\": \"" + uuid + "\"}");
            FormChecks.untouched(atRest, "LOG  [config] {codepushKey: '" + FormChecks.token(random, 30) + "7q'}");
        }
    }

    @Test
    void anotherVendorsKeyUnderAVagueNameStillGoes() {
        for (int k = 0; k < 6; k++) {
            String generated = FormChecks.token(random, 28) + "7a";
            FormChecks.gone(redactor, "{\"SENTRY_KEY\": \"" + generated + "\"}", generated, "\"SENTRY_KEY\": \"");
            FormChecks.gone(redactor, "CODEPUSH_ACCESS_KEY=" + generated, generated, "CODEPUSH_ACCESS_KEY=");
        }
    }

    // a token's dotted issuer, type and config

    @Test
    void aScopedTokensDottedWordsStayAndItsRandomPartGoes() {
        for (int k = 0; k < 6; k++) {
            String random24 = FormChecks.token(random, 24) + "Q1";
            FormChecks.gone(redactor, "Using token from environment variable DOPPLER_TOKEN: dp.st.ci." + random24,
                    random24, "DOPPLER_TOKEN: dp.st.ci.");
            String random43 = FormChecks.token(random, 41) + "a9";
            FormChecks.gone(redactor, "Doppler Error: Invalid Service token dp.st.stg_eu." + random43, random43,
                    "dp.st.stg_eu.");
            FormChecks.gone(atRest, "DOPPLER_TOKEN=dp.pt." + random43, random43, "DOPPLER_TOKEN=dp.pt.");
        }
    }

    @Test
    void aSecretWithShortOrNoDottedWordsGoesWhole() {
        for (int k = 0; k < 6; k++) {
            String secret = FormChecks.token(random, 30) + "z3";
            // one word only, or a random part too short to leave the words: the value goes whole
            FormChecks.gone(redactor, "VAULT_TOKEN=hvs." + secret, "hvs." + secret);
            FormChecks.gone(redactor, "api_token: ab.cd." + secret.substring(0, 12), "ab.cd." + secret.substring(0, 12));
        }
    }

    // a template's pipe

    @Test
    void aTemplatesPipeAfterASecretsNameStays() {
        FormChecks.untouched(redactor, "  password: {{ .Values.db.password | b64enc | quote }}");
        FormChecks.untouched(redactor, "  DB_PASS: {{ .Values.postgres.password | default \"changeme\" | b64enc }}");
        FormChecks.untouched(redactor, "<td>{{ user.password | mask }}</td>");
        FormChecks.untouched(atRest, "token: {{ .Values.api.token | required \"token is required\" }}");
    }

    @Test
    void aPipedValueOutsideATemplateStillGoes() {
        for (int k = 0; k < 4; k++) {
            String password = password();
            FormChecks.gone(redactor, "password | " + password, password, "password | ");
            FormChecks.gone(redactor, "{{ x }} set password | " + password, password);
        }
    }

    // Firebase Authentication's refresh token

    @Test
    void aFirebaseRefreshTokenGoesWhereverItStands() {
        for (int k = 0; k < 6; k++) {
            String token = "AMf-vB" + b64url(180 + random.nextInt(120));
            FormChecks.gone(redactor, "Tests.swift:41: error: XCTAssertEqual failed: (\"Optional(\"" + token
                    + "\")\") is not equal to (\"nil\")", token.substring(6), "is not equal to (\"nil\")");
            FormChecks.gone(atRest, "stored " + token + " in the keychain", token.substring(6), "in the keychain");
        }
    }

    @Test
    void wordsThatStartLikeAFirebaseTokenStay() {
        FormChecks.untouched(redactor, "AMf-vB is the prefix of Firebase refresh tokens");
        FormChecks.untouched(redactor, "module AMf-vBridge loaded");
    }

    // a Twilio SID and its secret as basic auth writes them

    @Test
    void aTwilioPairGoesWhole() {
        for (int k = 0; k < 6; k++) {
            String sid = "SK" + FormChecks.hex(random, 32);
            String secret = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "Response Status Code: 401 (Authenticate: " + sid + ":" + secret + ")", secret,
                    "Response Status Code: 401 (Authenticate: ");
            String account = "AC" + FormChecks.hex(random, 32);
            String token = FormChecks.hex(random, 32);
            FormChecks.gone(atRest, "curl -u " + account + ":" + token + " https://api.twilio.com/2010-04-01/Accounts",
                    token, "https://api.twilio.com/2010-04-01/Accounts");
        }
    }

    @Test
    void aTwilioSidBeforeAColonAndNoSecretKeepsWhatFollows() {
        String sid = "AC" + FormChecks.hex(random, 32);
        String out = redactor.redact("account " + sid + ":42 throttled");
        assertTrue(out.contains(":42 throttled"), out);
        assertFalse(out.contains(sid), out);
    }

    // Spring's rejected value under a message in a script with vowel signs

    @Test
    void aRejectedValueUnderALocalisedPasswordMessageGoes() {
        // "password too short" (Malayalam, a zero-width non-joiner in "password"), "password is wrong" (Malayalam,
        // without it), "invalid password" (Hindi), "password incorrect" (Thai)
        String[] messages = {"\u0d2a\u0d3e\u0d38\u0d4d\u200c\u0d35\u0d47\u0d21\u0d4d \u0d35\u0d33\u0d30\u0d46 "
                + "\u0d1a\u0d46\u0d31\u0d41\u0d24\u0d3e\u0d23\u0d4d",
            "\u0d2a\u0d3e\u0d38\u0d4d\u0d35\u0d47\u0d21\u0d4d \u0d24\u0d46\u0d31\u0d4d\u0d31\u0d3e\u0d23\u0d4d",
            "\u0905\u092e\u093e\u0928\u094d\u092f \u092a\u093e\u0938\u0935\u0930\u094d\u0921",
            "\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19 \u0e44\u0e21\u0e48\u0e16\u0e39\u0e01\u0e15\u0e49\u0e2d\u0e07"};
        for (int k = 0; k < 6; k++) {
            String password = FormChecks.token(random, 6) + "_" + FormChecks.token(random, 5) + "-4";
            for (String message : messages) {
                String line = "WARN 1 --- [api] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework"
                        + ".web.bind.MethodArgumentNotValidException: " + message + ": rejected value [" + password + "]]";
                FormChecks.gone(redactor, line, password, message + ": rejected value [");
                FormChecks.gone(atRest, line, password, "]]");
            }
        }
    }

    @Test
    void aRejectedValueUnderAMessageThatNamesNoPasswordStays() {
        // "e-mail is not valid" in Malayalam, "quantity" in Hindi
        FormChecks.untouched(redactor, "MethodArgumentNotValidException: \u0d07\u0d2e\u0d46\u0d2f\u0d3f\u0d7d "
                + "\u0d38\u0d3e\u0d27\u0d41\u0d35\u0d32\u0d4d\u0d32: rejected value [ann.example.com]]");
        FormChecks.untouched(redactor, "MethodArgumentNotValidException: \u092e\u093e\u0924\u094d\u0930\u093e: "
                + "rejected value [-3]]");
        FormChecks.untouched(redactor, "Field error in object 'order' on field 'quantity': rejected value [-3]; codes [Min]");
    }
}
