package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the twenty-second corpus collection (families22.py) plants that no earlier collection had, in a class of
 * their own so that {@link Fakes} and the earlier collections' classes return what they always returned. Tax numbers
 * pass their check, as real ones do; each layout and check was learnt from the number's public description: Taiwan's
 * unified business number (統一編號: eight digits, weights 1 2 1 2 1 2 4 1, the digits of each product summed, the total
 * a multiple of 10; a seventh digit 7 also passes one short of it, a case these draws avoid) and Ukraine's RNOKPP
 * (РНОКПП, the individual taxpayer's number: ten digits, the first five the days since 31 December 1899 to the birth
 * date, the last the weighted sum of the nine before it, weights -1 5 7 9 4 6 10 5 7, mod 11 then mod 10). None is a
 * real firm's or person's number: every digit but the checks is drawn from the seeded {@link Random}.
 */
final class TwentySecondIds {

    /**
     * Phone numbers in shapes no earlier collection planted: nearly every country has a phone in the twenty-one, so
     * big countries' city landlines behind their country code, in the groupings their numbering plans print (Moscow +7
     * 495, Mumbai +91 22, Manchester +44 161, Karachi +92 21, Surabaya +62 31, Taipei +886 2, Kyiv +380 44, Munich +49
     * 89, Lyon +33 4, Madrid +34 91, Milan +39 02, Tokyo +81 3-, Toronto +1 416-, Sydney +61 2, Guadalajara +52 33,
     * Hanoi +84 24, Manila +63 2 8, Bangkok +66 2, Cairo +20 2, Lagos +234 1) and Rio de Janeiro's mobiles (+55 21 9,
     * spaced and in E.164 as an API path carries them).
     */
    static final Map<String, String> TWENTY_SECOND_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_RU_MOSCOW", "+7 495 #D3-#D2-#D2"),
            Map.entry("PHONE_IN_MUMBAI", "+91 22 #D4 #D4"),
            Map.entry("PHONE_GB_MANCHESTER", "+44 161 #D3 #D4"),
            Map.entry("PHONE_PK_KARACHI", "+92 21 #D4 #D4"),
            Map.entry("PHONE_ID_SURABAYA", "+62 31 #D4 #D4"),
            Map.entry("PHONE_TW_TAIPEI", "+886 2 #D4 #D4"),
            Map.entry("PHONE_UA_KYIV", "+380 44 #D3 #D2 #D2"),
            Map.entry("PHONE_DE_MUNICH", "+49 89 #D8"),
            Map.entry("PHONE_FR_LYON", "+33 4 7#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_ES_MADRID", "+34 91 #D3 #D2 #D2"),
            Map.entry("PHONE_IT_MILAN", "+39 02 #D4 #D4"),
            Map.entry("PHONE_BR_RIO", "+55 21 9#D4-#D4"),
            Map.entry("PHONE_BR_RIO_E164", "+55219#D8"),
            Map.entry("PHONE_JP_TOKYO", "+81 3-#D4-#D4"),
            Map.entry("PHONE_CA_TORONTO", "+1 416-#D3-#D4"),
            Map.entry("PHONE_AU_SYDNEY", "+61 2 #D4 #D4"),
            Map.entry("PHONE_MX_GDL", "+52 33 #D4 #D4"),
            Map.entry("PHONE_VN_HANOI", "+84 24 #D4 #D4"),
            Map.entry("PHONE_PH_MANILA", "+63 2 8#D3 #D4"),
            Map.entry("PHONE_TH_BANGKOK", "+66 2 #D3 #D4"),
            Map.entry("PHONE_EG_CAIRO", "+20 2 #D4 #D4"),
            Map.entry("PHONE_NG_LAGOS", "+234 1 #D3 #D4"));

    /** The unified business number's weights. */
    private static final int[] UBN_WEIGHTS = {1, 2, 1, 2, 1, 2, 4, 1};
    /** The RNOKPP's weights over its first nine digits. */
    private static final int[] RNOKPP_WEIGHTS = {-1, 5, 7, 9, 4, 6, 10, 5, 7};

    private TwentySecondIds() {
    }

    /** The twenty-second collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (TWENTY_SECOND_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(TWENTY_SECOND_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "UBN_TW": return Fakes.Fake.personal(ubnTw(r));
            case "RNOKPP_UA": return Fakes.Fake.personal(rnokppUa(r));
            default: return null;
        }
    }

    /** Taiwan's unified business number: seven drawn digits (the seventh not 7) and the check, as 00501503. */
    static String ubnTw(Random r) {
        StringBuilder b = new StringBuilder(ValidIds.digits(r, 6)).append("012345689".charAt(r.nextInt(9)));
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            int p = (b.charAt(i) - '0') * UBN_WEIGHTS[i];
            sum += p / 10 + p % 10;
        }
        return b.append((char) ('0' + (10 - sum % 10) % 10)).toString();
    }

    /** Ukraine's RNOKPP: a birth date's day count (late 1954 to early 2004), four drawn digits and the check, as 1759013776. */
    static String rnokppUa(Random r) {
        String body = (20000 + r.nextInt(18000)) + ValidIds.digits(r, 4);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * RNOKPP_WEIGHTS[i];
        }
        return body + Math.floorMod(sum, 11) % 10;
    }
}
