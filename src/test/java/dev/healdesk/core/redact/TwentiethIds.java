package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the twentieth corpus collection (families20.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. Tax numbers pass
 * their check, as real ones do; each layout and check was learnt from the number's public description: Serbia's PIB
 * (poreski identifikacioni broj: nine digits, the last the ISO 7064 MOD 11,10 check of the eight before), Vietnam's
 * MST (mã số thuế: ten digits, a province prefix, the tenth ten less the sum of the nine before weighted 31, 29, 23, 19,
 * 17, 13, 7, 5, 3 mod 11, a remainder of 0 never issued) and Indonesia's NPWP (fifteen digits printed
 * 00.000.000.0-000.000, the ninth the Luhn check of the eight before, then the tax office's three digits and the
 * branch's three). None is a real firm's or person's number: every digit but the checks (and a prefix's first digits)
 * is drawn from the seeded {@link Random}.
 */
final class TwentiethIds {

    /**
     * Phone numbers of big countries in shapes no earlier collection planted (the countries and territories none of
     * them has are too small to print numbers of their own in a test run): mobiles behind their country code where the
     * collections planted only the national form or another grouping (Russia's +7 (9xx), Ukraine's +380, the
     * Philippines' +63 917, Vietnam's +84 91, Thailand's +66 81, Serbia's +381 64, Lithuania's +370 6, Latvia's +371 2,
     * Slovenia's +386 31, Iceland's +354 6, Kenya's +254 7, Pakistan's +92 300, Brazil's +55 (11), France's +33 6,
     * Japan's +81-90- with hyphens, Israel's +972 52), Germany's mobile with its slash (0171/), and landlines of capitals
     * (Athens +30 210, Tallinn +372 6, Jakarta +62 21, Chennai +91 44); the first digits fixed to a range the numbering
     * plan lists.
     */
    static final Map<String, String> TWENTIETH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_RU_INTL", "+7 (9#D2) #D3-#D2-#D2"),
            Map.entry("PHONE_UA_INTL", "+380 67 #D3 #D4"),
            Map.entry("PHONE_PH_INTL", "+63 917 #D3 #D4"),
            Map.entry("PHONE_VN_INTL", "+84 91 #D3 #D2 #D2"),
            Map.entry("PHONE_TH_INTL", "+66 81 #D3 #D4"),
            Map.entry("PHONE_RS_INTL", "+381 64 #D3 #D4"),
            Map.entry("PHONE_LT_INTL", "+370 6#D2 #D5"),
            Map.entry("PHONE_LV_INTL", "+371 2#D3 #D4"),
            Map.entry("PHONE_SI_INTL", "+386 31 #D3 #D3"),
            Map.entry("PHONE_IS_INTL", "+354 6#D2 #D4"),
            Map.entry("PHONE_KE_INTL", "+254 7#D2 #D3 #D3"),
            Map.entry("PHONE_PK_INTL", "+92 300 #D7"),
            Map.entry("PHONE_BR_INTL", "+55 (11) 9#D4-#D4"),
            Map.entry("PHONE_FR_INTL", "+33 6 #D2 #D2 #D2 #D2"),
            Map.entry("PHONE_JP_DASH", "+81-90-#D4-#D4"),
            Map.entry("PHONE_IL_INTL", "+972 52 #D3 #D4"),
            Map.entry("PHONE_DE_SLASH", "0171/#D7"),
            Map.entry("PHONE_GR_LANDLINE", "+30 210 #D3 #D4"),
            Map.entry("PHONE_EE_LANDLINE", "+372 6#D2 #D4"),
            Map.entry("PHONE_ID_INTL", "+62 21 #D4 #D4"),
            Map.entry("PHONE_IN_LANDLINE", "+91 44 #D4 #D4"));

    /** Vietnam's province prefixes of the MST (Hanoi, Hai Phong, Ho Chi Minh City, Da Nang). */
    private static final String[] MST_PREFIXES = {"01", "02", "03", "04"};
    private static final int[] MST_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    /** The NPWP's first two digits: the kind of taxpayer (companies 01 to 03, individuals 04 to 09). */
    private static final String[] NPWP_KINDS = {"01", "02", "03", "07", "08", "09"};

    private TwentiethIds() {
    }

    /** The twentieth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (TWENTIETH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(TWENTIETH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "PIB_RS": return Fakes.Fake.personal(pibRs(r));
            case "MST_VN": return Fakes.Fake.personal(mstVn(r));
            case "NPWP_ID": return Fakes.Fake.personal(npwpId(r));
            default: return null;
        }
    }

    /** Serbia's PIB: 1 and seven digits, then the ISO 7064 MOD 11,10 check digit, as 101134702. */
    static String pibRs(Random r) {
        String body = "1" + ValidIds.digits(r, 7);
        int c = 5;
        for (int i = 0; i < body.length(); i++) {
            c = ((c == 0 ? 10 : c) * 2 % 11 + body.charAt(i) - '0') % 10;
        }
        int check = Math.floorMod(1 - (c == 0 ? 10 : c) * 2 % 11, 10);
        return body + check;
    }

    /** Vietnam's MST: a province prefix, seven digits and the mod 11 check digit, as 0100233488. */
    static String mstVn(Random r) {
        while (true) {
            String body = MST_PREFIXES[r.nextInt(MST_PREFIXES.length)] + ValidIds.digits(r, 7);
            int rest = ValidIds.weighted(body, MST_WEIGHTS) % 11;
            if (rest != 0) {
                return body + (10 - rest);
            }
        }
    }

    /** Indonesia's NPWP: the kind, six digits, the Luhn check, the tax office and the branch, as 01.300.066.6-091.000. */
    static String npwpId(Random r) {
        String d = ValidIds.luhn(NPWP_KINDS[r.nextInt(NPWP_KINDS.length)] + ValidIds.digits(r, 6))
                + (1 + r.nextInt(9)) + ValidIds.digits(r, 2) + "000";
        return d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5, 8) + "." + d.charAt(8) + "-"
                + d.substring(9, 12) + "." + d.substring(12, 15);
    }
}
