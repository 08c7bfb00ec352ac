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
 * (token-rules.json). Each on lines written for this test, not taken from the corpus, in several tools' syntaxes, with
 * counter-examples that must come through as they are. The numbers are made here from the published check rules (not
 * by the corpus' generator), each with a twin whose check is wrong, which must stay.
 */
class FifteenthFormsTest {

    private final Random random = new Random(15_2026L);
    private final Redactor redactor = Redactor.standard();

    /** Digits drawn until {@code passes} takes them, after {@code prefix}: a valid number made by rejection. */
    private String drawn(String prefix, int n, Predicate<String> passes) {
        String v;
        do {
            v = prefix + FormChecks.text(FormChecks.body(random, n));
        } while (!passes.test(v));
        return v;
    }

    private static int[] digitsOf(String v) {
        return v.chars().filter(Character::isDigit).map(c -> c - '0').toArray();
    }

    /** Malta: the first six weighted 3 4 6 7 8 9, plus the last two as a number, a multiple of 37. */
    static boolean maltaVat(String v) {
        int[] d = digitsOf(v);
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
        int[] d = digitsOf(v);
        return d[0] >= 4 && FormChecks.sum(d, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
    }

    private void vats(Supplier<String> valid, Predicate<String> passes) {
        FormChecks.numbersAndTwins(valid, passes, "{\"email\":\"x@y\",\"vat\":\"", "\"}");
        FormChecks.numbersAndTwins(valid, passes, "   Expected property customer.VatNumber to be \"",
                "\", but found <null>.");
        FormChecks.numbersAndTwins(valid, passes, "  vat_id: ", "\n  country: EU");
        FormChecks.numbersAndTwins(valid, passes, "| 7 | Initech SARL | ", " | active |");
        FormChecks.numbersAndTwins(valid, passes, "--message '{\"vat\":\"", "\"}' --attribute=origin=ci");
    }

    @Test
    void maltasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> drawn("MT", 8, FifteenthFormsTest::maltaVat), FifteenthFormsTest::maltaVat);
    }

    @Test
    void luxembourgsVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> drawn("LU", 8, FifteenthFormsTest::luxembourgVat), FifteenthFormsTest::luxembourgVat);
    }

    @Test
    void slovakiasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> drawn("SK", 10, FifteenthFormsTest::slovakiaVat), FifteenthFormsTest::slovakiaVat);
    }

    @Test
    void latviasVatNumberGoesByItsCheckAndAWrongCheckStays() {
        vats(() -> drawn("LV", 11, FifteenthFormsTest::latviaVat), FifteenthFormsTest::latviaVat);
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
}
