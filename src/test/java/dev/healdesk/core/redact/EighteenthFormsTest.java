package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the eighteenth corpus collection's tune part leaked or lost (released to redact49
 * alone; its held-out part stays the clean measure): a cookie that is a device's UUID ({@link KeyValues}); a query's
 * value that Go's {@code %q} closes inside a logfmt field ({@link KeyValues}) and a password that a logfmt field's quote
 * closes ({@link Phrases}); EF Core's bound parameters' names ({@link Values#bindName}); a Kubernetes Secret's
 * namespaced name ({@link NamedValues#objectReference}); a Java map's last bracketed value ({@link KeyValues}); the US
 * NPI under its name ({@link KeyNames}); Germany's identity card number by its ICAO check after its label
 * ({@link LetterIds}); the Ukrainian spelling of ОГРНИП ({@link NumberLabels}); German labels written without umlauts
 * (local-labels.json); and a French number written with dots ({@link Numbers}). Each on lines written for this test,
 * not taken from the corpus, with counter-examples that must come through as they are. Values are drawn here; numbers
 * are made from the published check rules, each with a twin whose check is wrong.
 */
class EighteenthFormsTest {

    private static final String AUSWEIS_CHARS = "0123456789CFGHJKLMNPRTVWXYZ";

    private final Random random = new Random(18_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password a person might choose: letters, a capital, digits. */
    private String password() {
        return "Qx" + FormChecks.token(random, 8) + "7a";
    }

    private String uuid() {
        String h = FormChecks.hex(random, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20);
    }

    @Test
    void aDevicesUuidCookieStaysAndASessionsOrAnUnnamedTokenGoes() {
        for (int k = 0; k < 6; k++) {
            String id = uuid();
            String session = FormChecks.token(random, 24);
            String text = "Cookie: session=" + session + "; device_id=" + id + "; visitorId=" + id;
            FormChecks.gone(redactor, text, session, "device_id=" + id, "visitorId=" + id);
            FormChecks.gone(Redactor.atRest(), text, session, "device_id=" + id);
            // a UUID under a session's or a credential's name goes; a token that is no UUID under an id's name goes
            FormChecks.gone(redactor, "Cookie: sid=" + id + "; theme=dark", id, "theme=dark");
            FormChecks.gone(redactor, "Cookie: auth_token=" + id, id);
            String token = FormChecks.token(random, 28);
            FormChecks.gone(redactor, "Cookie: device_id=" + token, token, "device_id=");
            // and a UUID under a name that does not end in the word "id" (paid ends in "id" but is one word)
            FormChecks.gone(redactor, "Cookie: paid=" + id, id);
        }
    }

    @Test
    void aQueryValueThatGosQuotingClosesEndsAtTheEscapedQuote() {
        for (int k = 0; k < 6; k++) {
            String secret = FormChecks.token(random, 22);
            String text = "level=warning msg=\"Request Failed\" error=\"Post \\\"https://api.acme.test/login?client_secret="
                    + secret + "\\\": dial tcp 10.0.0.9:443: i/o timeout\"";
            FormChecks.gone(redactor, text, secret, "\\\": dial tcp 10.0.0.9:443: i/o timeout\"");
            // an escaped quote inside a JSON string's value is still part of it
            String inner = "Ab" + FormChecks.token(random, 6);
            FormChecks.gone(redactor, "{\"cmd\": \"login password=" + inner + "\\\"x9Kp\"}", "x9Kp");
        }
    }

    @Test
    void aPasswordInALogfmtMessageEndsBeforeTheFieldsClosingQuote() {
        for (int k = 0; k < 6; k++) {
            String p = password();
            FormChecks.gone(redactor, "level=info msg=\"login as ann@acme.test / " + p + "\" source=console", p,
                    "\" source=console");
            FormChecks.gone(redactor, "ts=1 msg=\"log in as ci-bot / " + p + "\" caller=auth.go:12", p,
                    "ci-bot", "\" caller=auth.go:12");
            // outside a quoted field a quote at the end is the password's own
            String q = password() + "\"";
            FormChecks.gone(redactor, "login as ci-bot / " + q + " rejected", q.substring(0, q.length() - 1));
        }
    }

    @Test
    void efCoresBoundParametersNamesStayAndTheirValuesGo() {
        for (int k = 0; k < 6; k++) {
            String key = FormChecks.token(random, 24);
            String text = "Failed executing DbCommand (17ms) [Parameters=[@__email_0='x' (Size = 256), @__apiKey_1='"
                    + key + "' (Size = 64)], CommandType='Text', CommandTimeout='30']\n"
                    + "      WHERE [c].[Email] = @__email_0 AND [c].[ApiKey] = @__apiKey_1";
            FormChecks.gone(redactor, text, key, "@__apiKey_1='", "[c].[ApiKey] = @__apiKey_1");
            FormChecks.gone(Redactor.atRest(), text, key, "[c].[ApiKey] = @__apiKey_1");
        }
        FormChecks.untouched(redactor, "WHERE [u].[ResetToken] = @__resetToken_2 OR [u].[Password] = @p0");
        // a password that opens with @ or a colon but is no generated parameter's name goes
        FormChecks.gone(redactor, "password = @Summer2024!", "@Summer2024!");
        FormChecks.gone(redactor, "api_key = :_x9Kp2mQ7vL4tR8wZ", "_x9Kp2mQ7vL4tR8wZ");
        FormChecks.gone(redactor, "password=@dmin_2024x", "@dmin_2024x");
        assertTrue(Values.bindName("__apiKey_1", 0, 10));
        assertTrue(Values.bindName("p12", 0, 3));
        assertFalse(Values.bindName("p12345", 0, 6));
        assertFalse(Values.bindName("__", 0, 2));
        assertFalse(Values.bindName("__9key", 0, 6));
        assertFalse(Values.bindName("__api-key", 0, 9));
    }

    @Test
    void aKubernetesSecretsNamespacedNameStaysAndARandomValueAfterSecretGoes() {
        String line = "12s   Warning   Failed   pod/auth-svc-84b7d6c5f-2hjzn   Error: couldn't find key STRIPE_KEY in "
                + "Secret orders-e2e/orders-api-env";
        FormChecks.untouched(redactor, line);
        FormChecks.untouched(Redactor.atRest(), line);
        FormChecks.untouched(redactor, "Error: couldn't find key db-password in Secret billing/postgres-credentials");
        for (int k = 0; k < 6; k++) {
            String t = "Zk3" + FormChecks.token(random, 20) + "9";
            FormChecks.gone(redactor, "client secret " + t + " rejected", t, "client secret ");
            // small letters and digits run together, with no word: generated, whatever its slash
            String lower = FormChecks.hex(random, 12) + "/" + FormChecks.hex(random, 12);
            FormChecks.gone(redactor, "client secret " + lower + " rejected", lower);
        }
        assertTrue(NamedValues.objectReference("orders-e2e/orders-api-env", 0, 25));
        assertFalse(NamedValues.objectReference("orders/api", 0, 10));   // no dash: may be anything
        assertFalse(NamedValues.objectReference("a1b2-c3d4/e5f6-g7h8", 0, 19));   // no word
        assertFalse(NamedValues.objectReference("Orders-e2e/orders-env", 0, 21));   // a capital: no DNS label
        assertFalse(NamedValues.objectReference("ns/a/b-secret", 0, 13));   // two slashes
    }

    @Test
    void aJavaMapsLastBracketedValueGoesAsTheOthersDo() {
        for (int k = 0; k < 6; k++) {
            String hex = FormChecks.hexAfterA1(random, 32);
            String p = password();
            FormChecks.gone(redactor, "Writing [{grant_type=[password], password=[" + p + "], client_secret=[" + hex
                    + "]}] as \"application/x-www-form-urlencoded\"", hex, "grant_type=[password]", "]}] as");
            FormChecks.gone(Redactor.atRest(), "form={client_id=[orders-web], client_secret=[" + hex + "]}", hex,
                    "client_id=[orders-web]");
        }
        // a list of values in a map stays a list
        FormChecks.untouched(redactor, "headers={Accept=[application/json, text/plain]}");
    }

    /** The NPI's check: Luhn over 80840 and the ten digits. */
    static boolean npi(String v) {
        return v.length() == 10 && Values.luhn("80840" + v, 0, 15);
    }

    @Test
    void theUsNpiGoesUnderItsNameInEachSyntaxAndANumberingPlanIndicatorStays() {
        for (int k = 0; k < 8; k++) {
            String v = FormChecks.drawn(random, String.valueOf(1 + random.nextInt(2)), 9, EighteenthFormsTest::npi);
            FormChecks.gone(redactor, "data: { email: \"x\", npi: \"" + v + "\" }", v, "npi: \"");
            FormChecks.gone(redactor, "Parameters: {\"provider\"=>{\"npi\"=>\"" + v + "\"}}", v, "\"npi\"=>\"");
            FormChecks.gone(redactor, "apiKey=[REDACTED] npi=" + v, v, "npi=");
            FormChecks.gone(redactor, "no provider with NPI " + v + " on file", v, " on file");
        }
        // SMPP's numbering plan indicator, and npi inside another word
        FormChecks.untouched(redactor, "submit_sm: source_addr_ton=1 source_addr_npi=1 dest_addr_npi: 1");
        FormChecks.untouched(redactor, "inputs=1234567893 snpi=1234567893");
    }

    /** Germany's identity card number's ICAO check: weights 7, 3, 1, a letter worth A=10 … Z=35, the sum mod 10. */
    static boolean ausweis(String v) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = v.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i % 3];
        }
        return v.length() == 10 && sum % 10 == v.charAt(9) - '0';
    }

    private String ausweis() {
        StringBuilder b = new StringBuilder().append(AUSWEIS_CHARS.charAt(10 + random.nextInt(17)));
        for (int i = 0; i < 8; i++) {
            b.append(AUSWEIS_CHARS.charAt(random.nextInt(AUSWEIS_CHARS.length())));
        }
        for (char d = '0'; d <= '9'; d++) {
            if (ausweis(b.toString() + d)) {
                return b.toString() + d;
            }
        }
        throw new AssertionError("no check digit for " + b);
    }

    @Test
    void germanysIdentityCardNumberGoesByItsCheckAfterItsLabelAndAWrongCheckOrNoLabelStays() {
        for (int k = 0; k < 8; k++) {
            String v = ausweis();
            String twin = FormChecks.twin(v, EighteenthFormsTest::ausweis);
            FormChecks.gone(redactor, "data={'email': 'x', 'ausweis': '" + v + "'}", v, "'ausweis': '");
            FormChecks.gone(Redactor.atRest(), "{\"idCard\":\"" + v + "\"}", v, "\"idCard\":\"");
            FormChecks.gone(redactor, "Personalausweis " + v + " abgelaufen", v, " abgelaufen");
            FormChecks.gone(redactor, "id_card: " + v, v, "id_card: ");
            FormChecks.untouched(redactor, "data={'ausweis': '" + twin + "'}");
            // no label: a build's or an order's id of that shape stays
            FormChecks.untouched(redactor, "order " + v + " shipped");
            FormChecks.untouched(redactor, "{\"ref\":\"" + v + "\"}");
            // a word that only ends in "card" or "id" is no identity card
            FormChecks.untouched(redactor, "giftcard: " + v);
        }
        // a vowel is no character of the number
        FormChecks.untouched(redactor, "ausweis: TA2000129" + "3");
    }

    static boolean ogrnip(String v) {
        return v.length() == 15 && Long.parseLong(v.substring(0, 14)) % 13 % 10 == v.charAt(14) - '0';
    }

    @Test
    void theSoleTradersRegistrationNumberGoesUnderItsUkrainianName() {
        FormChecks.numbersAndTwins(() -> FormChecks.drawn(random, "3", 14, EighteenthFormsTest::ogrnip),
                v -> ogrnip(v) || Values.luhn(v, 0, v.length()), "клієнт: {\"огрніп\": \"", "\"}");
        FormChecks.numbersAndTwins(() -> FormChecks.drawn(random, "3", 14, EighteenthFormsTest::ogrnip),
                v -> ogrnip(v) || Values.luhn(v, 0, v.length()), "ФОП Шевченко, ОГРНІП ", ", статус");
        // a company's thirteen digits under the sole trader's name stay
        String company = FormChecks.drawn(random, "1", 12, SeventeenthFormsTest::ogrn);
        FormChecks.untouched(redactor, "ОГРНІП " + company);
    }

    @Test
    void germanLabelsWrittenWithoutUmlautsNameTheirSecrets() {
        for (int k = 0; k < 6; k++) {
            String t = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "kunde: {\"api_schluessel\": \"" + t + "\"}", t, "\"api_schluessel\": \"");
            FormChecks.gone(Redactor.atRest(), "Geheimer Schluessel: " + t, t, "Geheimer Schluessel: ");
            String code = FormChecks.digits(random, 6, '1', 9);
            FormChecks.gone(redactor, "Bestaetigungscode: " + code, code, "Bestaetigungscode: ");
        }
        // the word's value when it is no secret's shape, or a word that only contains the label
        FormChecks.untouched(redactor, "schluessel: name");
        FormChecks.untouched(redactor, "api_schluesselbund: " + "Schluesselbund");
    }

    @Test
    void aFrenchNumberWrittenWithDotsGoesAndVersionsDatesAndZerosStay() {
        for (int k = 0; k < 8; k++) {
            String n = "0" + (1 + random.nextInt(9));
            for (int g = 0; g < 4; g++) {
                n += "." + FormChecks.digits(random, 2, '0', 10);
            }
            if (n.endsWith(".00.00.00")) {
                continue;
            }
            FormChecks.gone(redactor, "data={'email': '" + n + "', 'mot_de_passe': 'x'}", n, "'email': '");
            FormChecks.gone(redactor, "appelez le " + n + " demain", n, "appelez le ");
        }
        FormChecks.untouched(redactor, "version 01.02.03.04.05");
        FormChecks.untouched(redactor, "Chrome/06.60.13.65.13");
        FormChecks.untouched(redactor, "build 10.60.13.65.13 and 00.60.13.65.13");
        FormChecks.untouched(redactor, "oid 06.60.13.65.13.7");
        FormChecks.untouched(redactor, "placeholder 06.00.00.00.00");
    }
}
