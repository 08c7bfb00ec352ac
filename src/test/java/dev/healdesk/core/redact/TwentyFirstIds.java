package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the twenty-first corpus collection (families21.py) plants that no earlier collection had, in a class of
 * their own so that {@link Fakes} and the earlier collections' classes return what they always returned. Business
 * numbers pass their check, as real ones do; each layout and check was learnt from the number's public description:
 * China's unified social credit code (统一社会信用代码, GB 32100-2015: eighteen characters from the thirty-one of
 * 0-9 and A-Z without I, O, Z, S and V; a registering authority and kind, a region code, the nine-character
 * organisation code, itself ending in its GB 11714 check (weights 3 7 9 10 5 8 4 2, mod 11), and a check character making the weighted sum, weights 3^i mod 31, a multiple of 31) and New
 * Zealand's NZBN (thirteen digits, a GS1 global location number with the 94 prefix, the last the GS1 mod 10 check with
 * weights 1 and 3). None is a real firm's number: every character but the checks (and a prefix) is drawn from the
 * seeded {@link Random}.
 */
final class TwentyFirstIds {

    /**
     * Phone numbers of big countries in shapes no earlier collection planted (the countries none of them has are too
     * small to print numbers of their own in a test run): mobiles behind their country code where the collections
     * planted only the national form or another grouping (Mexico City's +52 55 without the old mobile 1, Egypt's +20 10,
     * Argentina's +54 9 11, Colombia's +57 3, Chile's +56 9, South Africa's +27 82, Saudi Arabia's +966 5, Bangladesh's
     * +880 17, Nigeria's +234 803, Malaysia's +60 12-, Morocco's +212 6, Peru's +51 9, Kazakhstan's +7 701, Armenia's
     * +374 9, Georgia's +995 5 and Azerbaijan's +994 50) and landlines of capitals and big cities (Beijing +86 10, Seoul
     * +82 2-, Istanbul +90 212); the first digits fixed to a range the numbering plan lists.
     */
    static final Map<String, String> TWENTY_FIRST_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_MX_CDMX", "+52 55 #D4 #D4"),
            Map.entry("PHONE_EG_INTL", "+20 10 #D4 #D4"),
            Map.entry("PHONE_AR_INTL", "+54 9 11 #D4-#D4"),
            Map.entry("PHONE_CO_INTL", "+57 3#D2 #D3 #D4"),
            Map.entry("PHONE_CL_INTL", "+56 9 #D4 #D4"),
            Map.entry("PHONE_ZA_INTL", "+27 82 #D3 #D4"),
            Map.entry("PHONE_SA_INTL", "+966 5#D1 #D3 #D4"),
            Map.entry("PHONE_BD_INTL", "+880 17#D2-#D6"),
            Map.entry("PHONE_NG_INTL", "+234 803 #D3 #D4"),
            Map.entry("PHONE_MY_INTL", "+60 12-#D3 #D4"),
            Map.entry("PHONE_MA_INTL", "+212 6 #D2 #D2 #D2 #D2"),
            Map.entry("PHONE_PE_INTL", "+51 9#D2 #D3 #D3"),
            Map.entry("PHONE_KZ_INTL", "+7 701 #D3 #D2 #D2"),
            Map.entry("PHONE_AM_INTL", "+374 9#D1 #D6"),
            Map.entry("PHONE_GE_INTL", "+995 5#D2 #D2 #D2 #D2"),
            Map.entry("PHONE_AZ_INTL", "+994 50 #D3 #D2 #D2"),
            Map.entry("PHONE_CN_LANDLINE", "+86 10 #D4 #D4"),
            Map.entry("PHONE_KR_LANDLINE", "+82 2-#D4-#D4"),
            Map.entry("PHONE_TR_LANDLINE", "+90 212 #D3 #D2 #D2"));

    /** The thirty-one characters of the USCC, in the order of their values 0 to 30. */
    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The USCC's weights, 3^i mod 31 for i = 0 to 16. */
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** The weights of the organisation code's check (GB 11714: its ninth character, 11 less the sum mod 11, X for 10). */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** The USCC's first two characters: authority and kind (9 1 a company, 9 2 a sole trader, 5 2 a private non-profit). */
    private static final String[] USCC_KINDS = {"91", "92", "52"};
    /** Region codes of the USCC's third to eighth characters (Beijing, Shanghai, Shenzhen, Fuzhou, Hangzhou). */
    private static final String[] USCC_REGIONS = {"110105", "310115", "440300", "350100", "330106"};

    private TwentyFirstIds() {
    }

    /** The twenty-first collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (TWENTY_FIRST_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(TWENTY_FIRST_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "USCC_CN": return Fakes.Fake.personal(usccCn(r));
            case "NZBN_NZ": return Fakes.Fake.personal(nzbnNz(r));
            default: return null;
        }
    }

    /** China's USCC: kind, region, the organisation code with its mod 11 check, and the mod 31 check, as 91350100M000100Y43. */
    static String usccCn(Random r) {
        StringBuilder b = new StringBuilder(USCC_KINDS[r.nextInt(USCC_KINDS.length)])
                .append(USCC_REGIONS[r.nextInt(USCC_REGIONS.length)]);
        StringBuilder org = new StringBuilder();
        int orgSum = 0;
        for (int i = 0; i < 8; i++) {
            char c = USCC_CHARS.charAt(r.nextInt(USCC_CHARS.length()));
            org.append(c);
            orgSum += Character.digit(c, 36) * ORG_WEIGHTS[i];
        }
        int orgCheck = 11 - orgSum % 11;
        b.append(org).append(orgCheck == 10 ? 'X' : orgCheck == 11 ? '0' : (char) ('0' + orgCheck));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(b.charAt(i)) * USCC_WEIGHTS[i];
        }
        return b.append(USCC_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    /** New Zealand's NZBN: 94, ten digits and the GS1 mod 10 check digit, as the GTIN-13 check of 400638133393 is 1. */
    static String nzbnNz(Random r) {
        String body = "9429" + ValidIds.digits(r, 8);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
