package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the nineteenth corpus collection (families19.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. National numbers
 * pass their check, as real ones do; each layout and check was learnt from the number's public description: New
 * Zealand's National Health Index number (three letters of an alphabet without I and O, three digits, and a check digit:
 * the letters counted A = 1 to Z = 24, weights 7 down to 2, eleven less the sum mod 11, a 10 written 0, a remainder of 0
 * never issued), Brazil's PIS/PASEP worker number (ten digits, weights 3, 2, 9, 8, 7, 6, 5, 4, 3, 2, eleven less the sum
 * mod 11, a 10 or 11 written 0, printed as 000.00000.00-0) and a vehicle identification number (ISO 3779 as the US
 * prescribes it: seventeen characters without I, O and Q, the ninth the weighted sum of the others' transliterated
 * values mod 11, a 10 written X). None is a real person's or vehicle's number: every character but the checks (and a
 * VIN's maker prefix) is drawn from the seeded {@link Random}.
 */
final class NineteenthIds {

    /**
     * Phone numbers of countries and territories none of the earlier collections has (North Korea, Ascension Island, the
     * British Indian Ocean Territory), as each writes them, and of big countries in shapes no collection planted yet
     * (South Korea's +82 10- with hyphens, China's +86 with hyphens, Turkey's +90 (5xx), Italy's, Spain's, Portugal's,
     * the Czech Republic's, Hungary's, Finland's and Norway's mobiles behind their country code, Sweden's +46 (0)70-,
     * Romania with dots, Mexico's +52 1 55 and the UK's +44 (0)7); the first digits fixed to a mobile or geographic
     * range the numbering plan lists.
     */
    static final Map<String, String> NINETEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_KP", "+850 2 381 #D4"),
            Map.entry("PHONE_AC", "+247 6#D4"),
            Map.entry("PHONE_IO", "+246 380 #D4"),
            Map.entry("PHONE_KR_INTL", "+82 10-#D4-#D4"),
            Map.entry("PHONE_CN_DASH", "+86 139-#D4-#D4"),
            Map.entry("PHONE_TR_PARENS", "+90 (532) #D3 #D2 #D2"),
            Map.entry("PHONE_IT_INTL", "+39 347 #D3 #D4"),
            Map.entry("PHONE_ES_INTL", "+34 6#D2 #D3 #D3"),
            Map.entry("PHONE_PT_INTL", "+351 91#D1 #D3 #D3"),
            Map.entry("PHONE_CZ_INTL", "+420 7#D2 #D3 #D3"),
            Map.entry("PHONE_SE_INTL", "+46 (0)70-#D3 #D2 #D2"),
            Map.entry("PHONE_RO_DOTS", "07#D2.#D3.#D3"),
            Map.entry("PHONE_HU_INTL", "+36 30 #D3 #D4"),
            Map.entry("PHONE_FI_INTL", "+358 40 #D3 #D4"),
            Map.entry("PHONE_MX_INTL", "+52 1 55 #D4 #D4"),
            Map.entry("PHONE_GB_INTL", "+44 (0)7#D3 #D6"),
            Map.entry("PHONE_NO_INTL", "+47 4#D2 #D2 #D3"));

    /** Secrets in a shape no earlier collection drew: a Netlify build hook's id (24 hex digits). */
    static final Map<String, String> NINETEENTH_SECRET = Map.of("HEX24", "#H24");

    /** The NHI's letters: the alphabet without I and O, A worth 1 and Z worth 24. */
    static final String NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** A VIN's characters: no I, O or Q. */
    static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    /** Each letter of {@link #VIN_CHARS} followed by its transliterated value. */
    private static final String VIN_VALUES = "A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9";
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    /** World manufacturer identifiers of big makers (public codes, not personal data). */
    private static final String[] VIN_MAKERS = {"1HG", "WVW", "JTD", "5YJ", "WBA", "VF1", "KMH", "3VW", "ZFA", "SAL"};

    private NineteenthIds() {
    }

    /** The nineteenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (NINETEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(NINETEENTH_PERSONAL.get(name)).value());
        }
        if (NINETEENTH_SECRET.containsKey(name)) {
            return Fakes.Fake.secret(fakes.shape(NINETEENTH_SECRET.get(name)).value());
        }
        switch (name) {
            case "NHI_NZ": return Fakes.Fake.personal(nhiNz(r));
            case "PIS_BR": return Fakes.Fake.personal(pisBr(r));
            case "VIN": return Fakes.Fake.personal(vin(r));
            default: return null;
        }
    }

    /** New Zealand's NHI in its first layout: three letters, three digits and the mod 11 check digit, as WLD9413. */
    static String nhiNz(Random r) {
        while (true) {
            StringBuilder v = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 6; i++) {
                int value = i < 3 ? 1 + r.nextInt(NHI_LETTERS.length() - 1) : r.nextInt(10);  // no Z: kept for tests
                v.append(i < 3 ? NHI_LETTERS.charAt(value - 1) : (char) ('0' + value));
                sum += value * (7 - i);
            }
            int rest = sum % 11;
            if (rest != 0) {
                return v.append((11 - rest) % 10).toString();
            }
        }
    }

    /** Brazil's PIS/PASEP: ten digits, the mod 11 check digit, printed as 469.52280.63-7. */
    static String pisBr(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 9);
        int[] weights = {3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int check = 11 - ValidIds.weighted(body, weights) % 11;
        String d = body + (check >= 10 ? 0 : check);
        return d.substring(0, 3) + "." + d.substring(3, 8) + "." + d.substring(8, 10) + "-" + d.charAt(10);
    }

    /** A vehicle identification number: a maker's prefix, five characters, the check, the model year, the plant, a character and a serial of five digits. */
    static String vin(Random r) {
        StringBuilder v = new StringBuilder(VIN_MAKERS[r.nextInt(VIN_MAKERS.length)]);
        for (int i = 3; i < 17; i++) {
            v.append(i == 8 ? '0' : i == 9 ? "ABCDEFGHJKLMNPRSTVWXY123456789".charAt(r.nextInt(30))
                    : i >= 12 ? (char) ('0' + r.nextInt(10)) : VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : VIN_VALUES.charAt(VIN_VALUES.indexOf(c) + 1) - '0';
            sum += value * VIN_WEIGHTS[i];
        }
        v.setCharAt(8, sum % 11 == 10 ? 'X' : (char) ('0' + sum % 11));
        return v.toString();
    }
}
