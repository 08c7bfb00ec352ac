package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * What the fourth outside measure (FourthMainstreamMeasureTest) lost where the rule was wrong, not the material
 * (redact44): a number whose first digit is 2 taken as a card though no card of that length or range starts so (a
 * fourteen-digit timestamp yyyyMMddHHmmss used as an order number, {@link Numbers}); Flutter's identity of an object,
 * its type and {@code #} and five hex digits ({@code TextEditingController#1a2b3}), taken as a password by its shape
 * ({@link PasswordShapes}); and a cache key built of words and a hash after a bare "key" ({@code Cache restored from
 * key: node-cache-Linux-x64-npm-…}, {@link KeyValues}). Each on lines written for this test, with the secrets of the
 * same shapes that must still go. And one of its leaks that has a general form: a field or header named
 * {@code authentication} holds a credential (AppsFlyer's server-to-server API sends its dev key so), {@link KeyNames};
 * a label in another language with a participle after it ({@code code de vérification saisi : 914823}, {@link
 * Participles}).
 */
class FourthMeasureKeptFormsTest {

    private final Random random = new Random(44_4026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    /** {@code body} with a Luhn check digit after it. */
    static String luhn(String body) {
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            int d = body.charAt(body.length() - 1 - k) - '0';
            if (k % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    @Test
    void aTimestampThatPassesLuhnIsNoCard() {
        for (int k = 0; k < 8; k++) {
            String stamp = luhn("202406" + FormChecks.digits(random, 7, '0', 10));   // yyyyMMddHHmmss, 14 digits
            FormChecks.untouched(redactor, "order " + stamp + " placed at 1718097312004");
            FormChecks.untouched(atRest, "{\"order_no\":\"" + stamp + "\"}");
            String sixteen = luhn("2024061109" + FormChecks.digits(random, 5, '0', 10));   // 2024… is no 2-series range
            FormChecks.untouched(redactor, "batch " + sixteen + " done");
        }
    }

    @Test
    void cardsThatStartWithTwoOrOtherDigitsStillGo() {
        for (int k = 0; k < 8; k++) {
            String mastercard = luhn("2" + (221 + random.nextInt(500)) + FormChecks.digits(random, 11, '0', 10));
            FormChecks.gone(redactor, "order paid with " + mastercard + " ok", mastercard, "order paid with ", " ok");
            String mir = luhn("220" + random.nextInt(5) + FormChecks.digits(random, 11, '0', 10));
            FormChecks.gone(redactor, "card=" + mir, mir);
            String visa = luhn("4" + FormChecks.digits(random, 14, '0', 10));
            FormChecks.gone(redactor, "charge " + visa + " declined", visa);
            String diners = luhn("36" + FormChecks.digits(random, 11, '0', 10));
            FormChecks.gone(redactor, "charge " + diners + " declined", diners);
        }
    }

    @Test
    void flutterIdentityOfAnObjectIsKeptAndTheTextItHoldsGoes() {
        for (String type : new String[] {"TextEditingController", "FocusNode", "AnimationController", "_RenderInkFeatures"}) {
            String id = type + "#" + FormChecks.hex(random, 5);
            String secret = "Summer7847!yz";
            String line = "  TextField(controller: " + id + "(TextEditingValue(text: ┤" + secret
                    + "├, selection: TextSelection.collapsed(offset: 14))), obscureText: true)";
            FormChecks.gone(redactor, line, secret, id);
            FormChecks.gone(atRest, line, secret, id);
            FormChecks.untouched(redactor, "Found " + id + " in the tree; " + id + " was disposed");
        }
    }

    @Test
    void aPasswordThatLooksLikeAnIdentityStillGoesByItsShape() {
        // one capital only, a sign inside the hex, six hex digits, digits before the sign: no Flutter identity
        for (String p : new String[] {"Summer#1a2b3", "Pass#1a2b3c", "Foo9Bar#1a2b3", "TextEditing#1a2%3!x"}) {
            FormChecks.gone(redactor, "login with " + p + " failed", p, "login with ", " failed");
        }
    }

    @Test
    void aCacheKeyOfWordsAndAHashAfterABareKeyIsKept() {
        for (int k = 0; k < 8; k++) {
            String hash = FormChecks.hex(random, 64);
            String key = "node-cache-Linux-x64-npm-" + hash;
            FormChecks.untouched(redactor, "Cache restored from key: " + key);
            FormChecks.untouched(atRest, "Cache saved with key: Linux-gradle-wrapper-" + hash.substring(0, 40));
            FormChecks.untouched(redactor, "Cache saved successfully\nkey: setup-java-Windows-maven-" + hash);
        }
    }

    @Test
    void aGeneratedKeyAfterABareKeyStillGoes() {
        for (int k = 0; k < 8; k++) {
            String token = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "key: " + token, token);
            FormChecks.gone(redactor, "Cache restored from key: " + token, token);
            // one word before a generated run: a key's prefix, not a cache key's words
            String prefixed = "live_" + FormChecks.token(random, 28) + "Q7x";
            FormChecks.gone(redactor, "key: " + prefixed, prefixed.substring(5));
        }
    }

    @Test
    void aValueNamedAuthenticationGoesWhereItLooksGenerated() {
        for (int k = 0; k < 8; k++) {
            String key = FormChecks.token(random, 20);
            FormChecks.gone(redactor, "E       headers={'authentication': '" + key + "', 'Content-Type': 'application/json'}",
                    key, "'Content-Type': 'application/json'}");
            FormChecks.gone(atRest, "curl -H \"authentication: " + key + "\" https://api.acme.test/v1/events", key);
            FormChecks.gone(redactor, "{\"X-Authentication\":\"" + key + "\"}", key);
        }
    }

    @Test
    void anAuthenticationsSettingThatIsAWordStays() {
        FormChecks.untouched(redactor, "authentication: required");
        FormChecks.untouched(redactor, "{\"authentication\": \"none\", \"authentication_method\": \"password\"}");
        FormChecks.untouched(redactor, "authentication=kerberos authentication: LDAP");
        FormChecks.untouched(redactor, "Authentication failed for user ci-bot");
    }

    @Test
    void aLocalLabelWithAParticipleAfterItNamesItsValue() {
        for (int k = 0; k < 8; k++) {
            String code = FormChecks.digits(random, 6, '1', 9);
            String secret = FormChecks.token(random, 16);
            FormChecks.gone(redactor, "  code de vérification saisi : " + code, code, "code de vérification saisi : ");
            FormChecks.gone(redactor, "Kennwort eingegeben: " + secret, secret, "Kennwort eingegeben: ");
            FormChecks.gone(atRest, "contraseña enviado: " + secret + " (rechazado)", secret, " (rechazado)");
            FormChecks.gone(redactor, "wachtwoord gebruikt: " + secret, secret);
        }
    }

    @Test
    void aParticipleAfterWordsThatAreNoLabelLeavesTheValue() {
        FormChecks.untouched(redactor, "nombre de tentatives saisi : 3");
        FormChecks.untouched(redactor, "Bytes gesendet: 51234, Pakete erhalten: 12");
        FormChecks.untouched(redactor, "intentos usado: 2 de 5");
    }
}
