package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the eighteenth corpus collection (families18.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. National and business
 * numbers pass their check, as real ones do; each layout and check was learnt from the number's public description: the
 * US National Provider Identifier (nine digits and a Luhn check computed over them behind the card-issuer prefix 80840),
 * Germany's identity card number (nine characters of a restricted alphabet and the ICAO 9303 check: weights 7, 3, 1,
 * letters counted from A = 10, the sum mod 10) and Russia's OGRNIP, the register number of an individual entrepreneur
 * (fourteen digits and the last of the first fourteen mod 13 mod 10). None is a real person's or firm's number: every
 * character but the checks is drawn from the seeded {@link Random}.
 */
final class EighteenthIds {

    /**
     * Phone numbers of countries and territories none of the earlier collections has (the Aland Islands, Saint
     * Barthelemy, Saint Martin, Bonaire, Canada, Christmas Island, the Cocos Islands, Norfolk Island, Svalbard, Tokelau,
     * Vatican City), as each writes them, and of big countries in shapes no collection planted yet (the US in
     * international groups, Japan's +81 with hyphens, Germany's (0) trunk, France with dots, India with hyphens,
     * Brazil's +55, Indonesia's +62 with hyphens, Vietnam with dots, Thailand with hyphens, Poland with hyphens, the
     * Netherlands' +31 (0)6, Ukraine's +38 (0xx), Greece's +30, Israel's +972 with hyphens); the first digits fixed to a
     * mobile or geographic range the numbering plan lists.
     */
    static final Map<String, String> EIGHTEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_AX", "+358 18 #D5"),
            Map.entry("PHONE_BL", "+590 690 #D2 #D2 #D2"),
            Map.entry("PHONE_MF", "+590 (0)6 90 #D2 #D2 #D2"),
            Map.entry("PHONE_BQ", "+599 79#D1 #D4"),
            Map.entry("PHONE_CA", "+1 (604) 7#D2-#D4"),
            Map.entry("PHONE_CX", "+61 8 9164 #D4"),
            Map.entry("PHONE_CC", "+61 8 9162 #D4"),
            Map.entry("PHONE_NF", "+672 3 5#D4"),
            Map.entry("PHONE_SJ", "+47 79 02 #D2 #D2"),
            Map.entry("PHONE_TK", "+690 7#D3"),
            Map.entry("PHONE_VA", "+39 06 698 #D5"),
            Map.entry("PHONE_US_INTL", "+1 415 7#D2 #D4"),
            Map.entry("PHONE_JP_INTL", "+81 90-#D4-#D4"),
            Map.entry("PHONE_DE_TRUNK", "+49 (0)151 #D8"),
            Map.entry("PHONE_FR_DOTS", "06.#D2.#D2.#D2.#D2"),
            Map.entry("PHONE_IN_DASH", "+91-98#D3-#D5"),
            Map.entry("PHONE_BR_CELL", "+55 11 9#D4-#D4"),
            Map.entry("PHONE_ID_DASH", "+62 812-#D4-#D4"),
            Map.entry("PHONE_VN_DOTS", "0912.#D3.#D3"),
            Map.entry("PHONE_TH_DASH", "081-#D3-#D4"),
            Map.entry("PHONE_PL_DASH", "+48 601-#D3-#D3"),
            Map.entry("PHONE_NL_TRUNK", "+31 (0)6 #D4 #D4"),
            Map.entry("PHONE_UA_PARENS", "+38 (067) #D3-#D2-#D2"),
            Map.entry("PHONE_GR_SPACE", "+30 69#D1 #D3 #D4"),
            Map.entry("PHONE_IL_DASH", "+972-54-#D3-#D4"));

    /** The characters of a German identity card number after its first (no vowels, no B, D, Q, S). */
    static final String AUSWEIS_CHARS = "CFGHJKLMNPRTVWXYZ0123456789";

    private EighteenthIds() {
    }

    /** The eighteenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (EIGHTEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(EIGHTEENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "NPI_US": return Fakes.Fake.personal(npiUs(r));
            case "AUSWEIS_DE": return Fakes.Fake.personal(ausweisDe(r));
            case "OGRNIP_RU": return Fakes.Fake.personal(ogrnipRu(r));
            default: return null;
        }
    }

    /** The US NPI: 1 or 2, eight digits, and the Luhn check of 80840 and those nine digits, as 1234567893. */
    static String npiUs(Random r) {
        String body = (1 + r.nextInt(2)) + ValidIds.digits(r, 8);
        String withPrefix = ValidIds.luhn("80840" + body);
        return body + withPrefix.charAt(withPrefix.length() - 1);
    }

    /**
     * Germany's identity card number: a first letter, eight characters of {@link #AUSWEIS_CHARS}, and the ICAO check
     * (weights 7, 3, 1 repeating, a letter worth its place in the alphabet plus 9, the sum mod 10), as T220001293.
     */
    static String ausweisDe(Random r) {
        String letters = AUSWEIS_CHARS.substring(0, 17);
        StringBuilder body = new StringBuilder().append(letters.charAt(r.nextInt(letters.length())));
        for (int i = 0; i < 8; i++) {
            body.append(AUSWEIS_CHARS.charAt(r.nextInt(AUSWEIS_CHARS.length())));
        }
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i % 3];
        }
        return body.toString() + sum % 10;
    }

    /** Russia's OGRNIP: 3, thirteen more digits, and the first fourteen mod 13 mod 10, as 304500116000157. */
    static String ogrnipRu(Random r) {
        String body = "3" + ValidIds.digits(r, 13);
        return body + Long.parseLong(body) % 13 % 10;
    }
}
