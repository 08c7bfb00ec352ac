package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The general forms written for what the fifteenth corpus collection's tune part leaked (released to redact38 alone;
 * its held-out part stays the clean measure): the EU VAT numbers of Malta, Luxembourg, Slovakia and Latvia after their
 * country's letters, by their check rules (national-ids.json); Spain's tax number of a legal person (NIF, the former
 * CIF) by its kind's letter and Luhn control ({@link LetterIds}); and a Klaviyo private key by its shape
 * (token-rules.json); a value class named for a secret, printed as Kotlin's data class or Java's record prints it
 * ({@code Token(value=…)}, {@link KeyValues}); a test's word where an Authorization header's bearer token goes ({@code Bearer token}, {@link Values#exampleToken});
 * a number that passes Luhn under a key named for an id ({@code "messageId": "5656…"}, {@link Numbers#underIdKey});
 * the text Appium's {@code setValue()} types, by its server log's line ({@link SentKeys#appiumArgs}).
 * Each on lines written for this test, not taken from the corpus, in several tools' syntaxes, with
 * counter-examples that must come through as they are. The numbers are made here from the published check rules (not
 * by the corpus' generator), each with a twin whose check is wrong, which must stay.
 */
class FifteenthFormsTest {

    private final Random random = new Random(15_2026L);
    private final Redactor redactor = Redactor.standard();

    /** Malta: the first six weighted 3 4 6 7 8 9, plus the last two as a number, a multiple of 37. */
    static boolean maltaVat(String v) {
        int[] d = FormChecks.digitsOf(v);
        return (FormChecks.sum(d, 3, 4, 6, 7, 8, 9) + d[6] * 10 + d[7]) % 37 == 0;
    }

    /** Luxembourg: the first six as a number mod 89 are the last two. */
    static boolean luxembourgVat(String v) {
        String d = v.substring(2);
        return Integer.parseInt(d.substring(0, 6)) % 89 == Integer.parseInt(d.substring(6));
    }

    /** Slovakia: no leading zero, the third digit 2, 3, 4, 7, 8 or 9, the ten a multiple of 11. */
    static boolean slovakiaVat(String v) {
        String d = v.substring(2);
        return d.charAt(0) != '0' && "234789".indexOf(d.charAt(2)) >= 0 && Long.parseLong(d) % 11 == 0;
    }

    /** Latvia, a legal person: the first digit 4 or more, the eleven weighted 9 1 4 8 3 10 2 5 7 6 1 leave 3 mod 11. */
    static boolean latviaVat(String v) {
        int[] d = FormChecks.digitsOf(v);
        return d[0] >= 4 && FormChecks.sum(d, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
    }

    private void vats(Supplier<String> valid, Predicate<String> passes) {
        FormChecks.numbersAndTwins(valid, passes, "{\"email\":\"x@y\",\"vat\":\"", "\"}");
        FormChecks.numbersAndTwins(valid, passes, "   Expected property customer.VatNumber to be \"",
                "\", but found <null>.");
        FormChecks.numbersAndTwins(valid, passes, "  ref: ", "\n  country: EU");   // vat_id: goes by its label
        FormChecks.numbersAndTwins(valid, passes, "| 7 | Initech SARL | ", " | active |");
        FormChecks.numbersAndTwins(valid, passes, "--message '{\"vat\":\"", "\"}' --attribute=origin=ci");
    }

    @Test
    void maltasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> FormChecks.drawn(random, "MT", 8, FifteenthFormsTest::maltaVat), FifteenthFormsTest::maltaVat);
    }

    @Test
    void luxembourgsVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> FormChecks.drawn(random, "LU", 8, FifteenthFormsTest::luxembourgVat), FifteenthFormsTest::luxembourgVat);
    }

    @Test
    void slovakiasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> FormChecks.drawn(random, "SK", 10, FifteenthFormsTest::slovakiaVat), FifteenthFormsTest::slovakiaVat);
    }

    @Test
    void latviasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> FormChecks.drawn(random, "LV", 11, FifteenthFormsTest::latviaVat), FifteenthFormsTest::latviaVat);
    }

    @Test
    void vatLookalikesStay() {
        // the check passes but the number is no VAT number's: a leading zero (Slovakia), a person's first digit (Latvia)
        FormChecks.untouched(redactor, "\"vat\":\"SK0000000000\"");
        FormChecks.untouched(redactor, "\"vat\":\"LV00000000003\"");   // 0 ... weighted leaves 3, but a first digit 0
        // the country's letters inside a word, a product code, a path, a version: no value standing alone
        FormChecks.untouched(redactor, "artifact rpm/MT73424901/build and /srv/LU59161532/cache");
        FormChecks.untouched(redactor, "image tag v1.2.3-SK7081774469x, file LV40006723183.log");
        // the wrong length for the layout
        FormChecks.untouched(redactor, "\"ref\":\"MT7342490\", \"ref2\":\"LU591615320\"");
    }

    /** Spain's NIF of a legal person: the Luhn complement over the seven digits, as a digit or a letter of JABCDEFGHI. */
    static int cifControl(String seven) {
        int sum = 0;
        for (int k = 0; k < 7; k++) {
            int v = (seven.charAt(k) - '0') * (k % 2 == 0 ? 2 : 1);
            sum += v / 10 + v % 10;
        }
        return (10 - sum % 10) % 10;
    }

    private String cif(char kind, boolean letter) {
        String seven = FormChecks.digits(random, 7, '1', 9);
        int c = cifControl(seven);
        return kind + seven + (letter ? "JABCDEFGHI".charAt(c) : (char) ('0' + c));
    }

    /** The same number with its control moved on by one (a digit's next digit, a letter's next of JABCDEFGHI). */
    private static String wrongCif(String v) {
        char c = v.charAt(8);
        String set = Character.isDigit(c) ? "0123456789" : "JABCDEFGHI";
        return v.substring(0, 8) + set.charAt((set.indexOf(c) + 1) % 10);
    }

    @Test
    void spainsTaxNumberOfALegalPersonGoesByItsControlAndAWrongControlStays() {
        for (int k = 0; k < 8; k++) {
            for (String v : new String[] {cif('B', false), cif('A', false), cif('E', false), cif('Q', true),
                    cif('N', true), cif('S', true), cif('G', k % 2 == 0), cif('U', k % 2 == 1)}) {
                FormChecks.gone(redactor, "  1)   Expected: \"" + v + "\"\n  But was:  \"\"", v, "But was:");
                FormChecks.gone(Redactor.atRest(), "{\"razon_social\":\"Initech SL\",\"nif\":\"" + v + "\"}", v,
                        "razon_social");
                FormChecks.gone(redactor, "| 12 | Initech SL | " + v + " | Madrid |", v, "| Madrid |");
                FormChecks.gone(redactor, "bind: [$1] = '" + v + "', [$2] = 'ES'", v, "[$2] = 'ES'");
                FormChecks.untouched(redactor, "  1)   Expected: \"" + wrongCif(v) + "\"\n  But was:  \"\"");
            }
        }
    }

    @Test
    void cifLookalikesStay() {
        String seven = "2883491";
        int c = cifControl(seven);
        // a digit control after a letter that takes a letter, a letter after one that takes a digit
        FormChecks.untouched(redactor, "Expected: \"S" + seven + c + "\"");
        FormChecks.untouched(redactor, "Expected: \"B" + seven + "JABCDEFGHI".charAt(c) + "\"");
        // a kind's letter Spain does not give (T, Z: a build, a ticket), province 00, a lower-case word
        FormChecks.untouched(redactor, "build T" + seven + c + " and ticket Z" + seven + c + " passed");
        FormChecks.untouched(redactor, "Expected: \"B0012345" + cifControl("0012345") + "\"");
        FormChecks.untouched(redactor, "Expected: \"b" + seven + c + "\"");
        // inside a longer word or a path
        FormChecks.untouched(redactor, "/srv/B" + seven + c + "/out and ID_B" + seven + c);
    }

    @Test
    void aKlaviyoPrivateKeyGoesWhereverItStands() {
        String hex = "0123456789abcdef";
        for (int k = 0; k < 8; k++) {
            StringBuilder b = new StringBuilder("pk_");
            for (int n = 0; n < 34; n++) {
                b.append(hex.charAt(random.nextInt(16)));
            }
            String key = b.toString();
            FormChecks.gone(redactor, "Error: NEXT_PUBLIC_MAILER_KEY must not be a private key: " + key, key,
                    "must not be a private key");
            FormChecks.gone(Redactor.atRest(), "klaviyo.api_client: using " + key + " for account 42", key,
                    "for account 42");
            FormChecks.gone(redactor, "{\"level\":\"error\",\"data\":\"" + key + "\"}", key, "\"level\":\"error\"");
        }
    }

    @Test
    void klaviyoLookalikesStay() {
        // one hexadecimal digit short or long, a word after pk_ (a primary key's name), Klaviyo's public site id
        FormChecks.untouched(redactor, "received pk_0123456789abcdef0123456789abcdef0 next");
        FormChecks.untouched(redactor, "received pk_0123456789abcdef0123456789abcdef012 next");
        FormChecks.untouched(redactor, "order_items.pk_order_items_customer_id_fkey violated; company_id=AbC123");
    }

    @Test
    void aValueClassNamedForASecretHasItsValueTakenOut() {
        for (int k = 0; k < 8; k++) {
            String a = FormChecks.hex(random, 40);
            String b = FormChecks.token(random, 32);
            // Kotlin's data class (Kotest, JUnit), Java's record, Lombok's toString
            FormChecks.gone(redactor, "Collection should have size 1 but has size 2. Values: [Token(value=" + a
                    + ", scope=read), RefreshToken(value=" + b + ", scope=admin)]", a, "scope=read", "scope=admin");
            FormChecks.gone(redactor, "Collection should have size 1 but has size 2. Values: [Token(value=" + a
                    + ", scope=read), RefreshToken(value=" + b + ", scope=admin)]", b, "Token(value=");
            FormChecks.gone(Redactor.atRest(), "expected: <ApiKey[value=" + a + "]> but was: <null>", a,
                    "but was: <null>");
            FormChecks.gone(redactor, "stored Password(value=" + b + ") for user 42", b, "for user 42");
        }
    }

    @Test
    void aValueClassNamedForNoSecretKeepsItsValue() {
        // a lexer's token kind, an amount, a label, a type whose name is no secret's, a function's call
        FormChecks.untouched(redactor, "unexpected Token(value=EOF, line=3) at 3:14");
        FormChecks.untouched(redactor, "expected: <Amount(value=1299, currency=EUR)> but was: <Amount(value=1300, "
                + "currency=EUR)>");
        FormChecks.untouched(redactor, "Values: [Label(value=checkout-flow-7f3a2c), OrderId(value=ord_20240514_0042)]");
        FormChecks.untouched(redactor, "Values: [Sha(value=3907847258138d2e798d33e93042eabb134eba57)]");
        FormChecks.untouched(redactor, "call token(value=3) returned 4; Token[kind=IDENT, value=customerId]");
    }

    @Test
    void aTestsWordWhereTheBearerTokenGoesStaysAndAnIssuedTokenGoes() {
        for (String word : new String[] {"token", "test", "dummy", "fake"}) {
            // Dart's matcher, ScalaTest's Map, a Python dict, an HTTP header as a test double writes them
            for (Redactor r : new Redactor[] {redactor, Redactor.atRest()}) {
                FormChecks.untouched(r, "  Expected: {'Authorization': 'Bearer " + word + "'}");
                FormChecks.untouched(r, "Map(\"Authorization\" -> \"Bearer " + word + "\") was not equal to Map()");
                FormChecks.untouched(r, "> Authorization: Bearer " + word + "\n> Accept: */*");
            }
        }
        for (int k = 0; k < 8; k++) {
            String token = FormChecks.token(random, 24);
            String word = "test" + FormChecks.digits(random, 4, '1', 9);   // a word and digits: no test's word alone
            for (String t : new String[] {token, word, "Token" + token}) {
                FormChecks.gone(redactor, "  Expected: {'Authorization': 'Bearer " + t + "'}", t, "Expected:");
                FormChecks.gone(Redactor.atRest(), "Map(\"Authorization\" -> \"Bearer " + t + "\") was not equal",
                        t, "was not equal");
            }
        }
    }

    /** {@code n} digits from {@code first}, the last a Luhn check digit: a card's number to look at. */
    private String luhnNumber(char first, int n) {
        String body = first + FormChecks.digits(random, n - 2, '0', 10);
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(body + c)) {
                return body + c;
            }
        }
        throw new AssertionError(body);
    }

    private static boolean luhn(String d) {
        int sum = 0;
        for (int k = 0; k < d.length(); k++) {
            int v = d.charAt(d.length() - 1 - k) - '0';
            if (k % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    @Test
    void aNumberUnderAnIdsKeyStaysThoughItPassesLuhnAndACardsNumberGoes() {
        for (int k = 0; k < 8; k++) {
            String id = luhnNumber((char) ('2' + k % 5), 16 + k % 4);
            for (Redactor r : new Redactor[] {redactor, Redactor.atRest()}) {
                FormChecks.untouched(r, "      \"messageId\": \"" + id + "\",\n      \"publishTime\": \"2024-05-14\"");
                FormChecks.untouched(r, "ack_id=" + id + " delivery_attempt=2");
                FormChecks.untouched(r, "orderID: " + id);
                FormChecks.untouched(r, "{'message.id': '" + id + "'}");
            }
            FormChecks.gone(redactor, "{\"card\": \"" + id + "\", \"id\": 7}", id, "\"id\": 7");
            FormChecks.gone(redactor, "{\"cardId\": \"" + id + "\"}", id, "cardId");
            FormChecks.gone(redactor, "pan_id=" + id + " status=declined", id, "status=declined");
            FormChecks.gone(redactor, "charged " + id + " (id: 42)", id, "(id: 42)");
            FormChecks.gone(redactor, "{\"paid\": \"" + id + "\"}", id, "paid");
        }
    }

    @Test
    void theTextAppiumsSetValueTypesGoesWhereItHasAPasswordsShape() {
        for (int k = 0; k < 8; k++) {
            String pw = "Pw" + FormChecks.token(random, 8) + k + "!";
            for (String call : new String[] {"setValue", "replaceValue"}) {
                String line = "[W3C (5c7b4165)] Calling AppiumDriver." + call + "() with args: [\"" + pw
                        + "\",\"00000000-0000-0015-ffff-ffff0000002c\",\"5c7b4165\"]";
                FormChecks.gone(redactor, line, pw, "00000000-0000-0015-ffff-ffff0000002c", "Calling AppiumDriver.");
                FormChecks.gone(Redactor.atRest(), line, pw, "\"5c7b4165\"]");
            }
        }
        // typed text with no password's shape (a name, a search, an e-mail's user), another command's arguments
        FormChecks.untouched(redactor, "[W3C (5c7b4165)] Calling AppiumDriver.setValue() with args: [\"john.doe\","
                + "\"00000000-0000-0015-ffff-ffff0000002c\",\"5c7b4165\"]");
        FormChecks.untouched(redactor, "[W3C (5c7b4165)] Calling AppiumDriver.setValue() with args: [\"New York\","
                + "\"00000000-0000-0015-ffff-ffff0000002c\",\"5c7b4165\"]");
        FormChecks.untouched(redactor, "[W3C (5c7b4165)] Calling AppiumDriver.findElement() with args: [\"accessibility "
                + "id\",\"Login9Button\",\"5c7b4165\"]");
        FormChecks.untouched(redactor, "[W3C (5c7b4165)] Calling AppiumDriver.execute() with args: [\"mobile: "
                + "scroll\",[{\"direction\":\"down\"}],\"5c7b4165\"]");
    }
}
