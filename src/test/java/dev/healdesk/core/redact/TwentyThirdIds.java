package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the twenty-third corpus collection (families23.py) plants that no earlier collection had, in a class of
 * their own so that {@link Fakes} and the earlier collections' classes return what they always returned. Tax numbers
 * pass their check, as real ones do; each layout and check was learnt from the number's public description:
 * Venezuela's RIF (Registro de Información Fiscal: a type letter V, E, J, P or G worth 1 to 5, eight digits and a check;
 * the letter's value times 4 plus the digits times 3 2 7 6 5 4 3 2, mod 11, read off "00987654321") and the Dominican
 * Republic's RNC (Registro Nacional del Contribuyente: nine digits, the last from the eight before it times 7 9 8 6 5
 * 4 3 2, the sum mod 11 as s, the check (10 - s) mod 9 + 1). None is a real firm's or person's number: every digit but
 * the checks is drawn from the seeded {@link Random}.
 */
final class TwentyThirdIds {

    /**
     * Phone numbers in shapes no earlier collection planted: big cities' landlines behind their country code, in the
     * groupings their numbering plans print (Warsaw +48 22, Buenos Aires +54 11, Bogotá +57 601, Lima +51 1, Santiago
     * +56 2, Johannesburg +27 11, Nairobi +254 20, Dhaka +880 2, Ho Chi Minh City +84 28, Kuala Lumpur +60 3-, Singapore's
     * fixed lines +65 6, Dubai +971 4, Riyadh +966 11, Vienna +43 1, Zurich +41 44, Amsterdam +31 20, Brussels +32 2,
     * Stockholm +46 8-, Oslo +47 22, Helsinki +358 9, Prague +420 2, Budapest +36 1, Lisbon +351 21, Dublin +353 1,
     * Edinburgh +44 131, Osaka +81 6-, Chicago +1 312-, Melbourne +61 3, Auckland +64 9, Shanghai +86 21).
     */
    static final Map<String, String> TWENTY_THIRD_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_PL_WARSAW", "+48 22 #D3 #D2 #D2"),
            Map.entry("PHONE_AR_BA", "+54 11 #D4-#D4"),
            Map.entry("PHONE_CO_BOGOTA", "+57 601 #D3 #D4"),
            Map.entry("PHONE_PE_LIMA", "+51 1 #D3 #D4"),
            Map.entry("PHONE_CL_SANTIAGO", "+56 2 #D4 #D4"),
            Map.entry("PHONE_ZA_JHB", "+27 11 #D3 #D4"),
            Map.entry("PHONE_KE_NAIROBI", "+254 20 #D3 #D4"),
            Map.entry("PHONE_BD_DHAKA", "+880 2 #D4 #D4"),
            Map.entry("PHONE_VN_HCMC", "+84 28 #D4 #D4"),
            Map.entry("PHONE_MY_KL", "+60 3-#D4 #D4"),
            Map.entry("PHONE_SG_LANDLINE", "+65 6#D3 #D4"),
            Map.entry("PHONE_AE_DUBAI", "+971 4 #D3 #D4"),
            Map.entry("PHONE_SA_RIYADH", "+966 11 #D3 #D4"),
            Map.entry("PHONE_AT_VIENNA", "+43 1 #D3 #D4"),
            Map.entry("PHONE_CH_ZURICH", "+41 44 #D3 #D2 #D2"),
            Map.entry("PHONE_NL_AMSTERDAM", "+31 20 #D3 #D4"),
            Map.entry("PHONE_BE_BRUSSELS", "+32 2 #D3 #D2 #D2"),
            Map.entry("PHONE_SE_STOCKHOLM", "+46 8-#D3 #D2 #D2"),
            Map.entry("PHONE_NO_OSLO", "+47 22 #D2 #D2 #D2"),
            Map.entry("PHONE_FI_HELSINKI", "+358 9 #D4 #D3"),
            Map.entry("PHONE_CZ_PRAGUE", "+420 2#D2 #D3 #D3"),
            Map.entry("PHONE_HU_BUDAPEST", "+36 1 #D3 #D4"),
            Map.entry("PHONE_PT_LISBON", "+351 21 #D3 #D4"),
            Map.entry("PHONE_IE_DUBLIN", "+353 1 #D3 #D4"),
            Map.entry("PHONE_GB_EDINBURGH", "+44 131 #D3 #D4"),
            Map.entry("PHONE_JP_OSAKA", "+81 6-#D4-#D4"),
            Map.entry("PHONE_US_CHICAGO", "+1 312-#D3-#D4"),
            Map.entry("PHONE_AU_MELBOURNE", "+61 3 #D4 #D4"),
            Map.entry("PHONE_NZ_AUCKLAND", "+64 9 #D3 #D4"),
            Map.entry("PHONE_CN_SHANGHAI", "+86 21 #D4 #D4"));

    /** The RIF's type letters, each worth its place plus one. */
    private static final String RIF_TYPES = "VEJPG";
    /** The RIF's weights over its eight digits. */
    private static final int[] RIF_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};
    /** The RNC's weights over its first eight digits. */
    private static final int[] RNC_WEIGHTS = {7, 9, 8, 6, 5, 4, 3, 2};

    private TwentyThirdIds() {
    }

    /** The twenty-third collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (TWENTY_THIRD_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(TWENTY_THIRD_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "RIF_VE": return Fakes.Fake.personal(rifVe(r));
            case "RNC_DO": return Fakes.Fake.personal(rncDo(r));
            default: return null;
        }
    }

    /** Venezuela's RIF, printed as SENIAT prints it: a type letter, eight drawn digits and the check, as V-11470283-4. */
    static String rifVe(Random r) {
        int type = r.nextInt(RIF_TYPES.length());
        String digits = ValidIds.digits(r, 8);
        int sum = (type + 1) * 4;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * RIF_WEIGHTS[i];
        }
        return RIF_TYPES.charAt(type) + "-" + digits + "-" + "00987654321".charAt(sum % 11);
    }

    /** The Dominican RNC: a company's 1 or a public body's 4, seven drawn digits and the check, as 101850043. */
    static String rncDo(Random r) {
        String body = (r.nextBoolean() ? "1" : "4") + ValidIds.digits(r, 7);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * RNC_WEIGHTS[i];
        }
        return body + ((10 - sum % 11) % 9 + 1);
    }
}
