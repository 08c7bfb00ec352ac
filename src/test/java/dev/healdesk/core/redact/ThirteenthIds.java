package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the thirteenth corpus collection (families13.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes}, {@link ValidIds}, {@link EleventhIds} and {@link TwelfthIds} return what they always returned.
 * National, tax and business numbers pass their check, as real ones do; each layout and check was learnt from the
 * number's public description: Spain's NIE (X, Y or Z as 0, 1 or 2, seven digits, a letter of TRWAGMYFPDXBNJZSQVHLCKE by
 * the number mod 23), Norway's organisasjonsnummer (eight digits, mod 11 with weights 3,2,7,6,5,4,3,2), Finland's
 * Y-tunnus (seven digits, mod 11 with weights 7,9,10,5,8,4,2, remainder 1 never issued), Czechia's ICO (seven digits, mod
 * 11 with weights 8,7,6,5,4,3,2, the check (11 - r) mod 10), Denmark's CVR (eight digits whose sum with weights
 * 2,7,6,5,4,3,2,1 is a multiple of 11), Switzerland's UID (CHE, eight digits, mod 11 with weights 5,4,3,2,7,6,5,4),
 * Belgium's enterprise number (eight digits and 97 less their remainder mod 97) and Italy's partita IVA (eleven digits,
 * a Luhn check). None is a real person's or firm's number: every digit but the checks is drawn from the seeded
 * {@link Random}.
 */
final class ThirteenthIds {

    /**
     * Secrets the thirteenth collection plants that no earlier collection had, as {@link Fakes#shape} specs: Twilio API
     * key SIDs, Jenkins API tokens, Azure DevOps personal access tokens, Shopify admin tokens, LaunchDarkly SDK keys,
     * Contentful management tokens, Google OAuth client secrets, Vercel tokens, Sentry organisation auth tokens and DSN
     * keys, Cloudinary API secrets, Mailgun API keys, CircleCI personal tokens, Segment write keys, Okta client secrets.
     * No rule was written for them.
     */
    static final Map<String, String> THIRTEENTH_SHAPES = Map.ofEntries(
            Map.entry("TWILIO_API_KEY", "SK#H32"),
            Map.entry("JENKINS_TOKEN", "11#H32"),
            Map.entry("ADO_PAT", "#L52"),
            Map.entry("SHOPIFY_PAT", "shpat_#H32"),
            Map.entry("LD_SDK", "sdk-#G"),
            Map.entry("CONTENTFUL_PAT", "CFPAT-#W43"),
            Map.entry("GOOGLE_CLIENT_SECRET", "GOCSPX-#W28"),
            Map.entry("VERCEL_TOKEN", "#A24"),
            Map.entry("SENTRY_ORG_TOKEN", "sntrys_eyJ#B120"),
            Map.entry("SENTRY_DSN_KEY", "#H32"),
            Map.entry("CLOUDINARY_SECRET", "#W27"),
            Map.entry("MAILGUN_KEY", "key-#H32"),
            Map.entry("CIRCLE_TOKEN", "CCIPAT_#A22_#H40"),
            Map.entry("SEGMENT_KEY", "#A32"),
            Map.entry("OKTA_CLIENT_SECRET", "#W40"));

    /**
     * Phone numbers of countries none of the earlier collections has, as each country writes them (the first digits
     * fixed to a mobile range the country's numbering plan lists; Barbados and the Bahamas in the North American plan).
     */
    static final Map<String, String> THIRTEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_HT", "3#D3-#D4"),
            Map.entry("PHONE_MG", "034 #D2 #D3 #D2"),
            Map.entry("PHONE_MG_INTL", "+261 34 #D2 #D3 #D2"),
            Map.entry("PHONE_MW", "0999 #D2 #D2 #D2"),
            Map.entry("PHONE_ML", "7#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_AF", "07#D2 #D3 #D3"),
            Map.entry("PHONE_TJ", "93 #D3 #D4"),
            Map.entry("PHONE_YE", "77#D1 #D3 #D3"),
            Map.entry("PHONE_SD", "09#D1 #D3 #D4"),
            Map.entry("PHONE_MV", "7#D2-#D4"),
            Map.entry("PHONE_BT", "17 #D2 #D2 #D2"),
            Map.entry("PHONE_PG", "7#D3 #D4"),
            Map.entry("PHONE_SR", "8#D2-#D4"),
            Map.entry("PHONE_BB", "(246) 2#D2-#D4"),
            Map.entry("PHONE_MO", "6#D3 #D4"),
            Map.entry("PHONE_LY", "091-#D7"),
            Map.entry("PHONE_MC", "06 #D2 #D2 #D2 #D2"),
            Map.entry("PHONE_XK", "044 #D3 #D3"),
            Map.entry("PHONE_GY", "6#D2 #D4"),
            Map.entry("PHONE_BS", "(242) 4#D2-#D4"));

    private ThirteenthIds() {
    }

    /** The thirteenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (THIRTEENTH_SHAPES.containsKey(name)) {
            return fakes.shape(THIRTEENTH_SHAPES.get(name));
        }
        if (THIRTEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(THIRTEENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "NIE_ES": return Fakes.Fake.personal(nie(r));
            case "ORGNR_NO": return Fakes.Fake.personal(orgnr(r));
            case "YTUNNUS_FI": return Fakes.Fake.personal(ytunnus(r));
            case "ICO_CZ": return Fakes.Fake.personal(ico(r));
            case "CVR_DK": return Fakes.Fake.personal(cvr(r));
            case "UID_CH": return Fakes.Fake.personal(uid(r));
            case "KBO_BE": return Fakes.Fake.personal(kbo(r));
            case "PIVA_IT": return Fakes.Fake.personal(piva(r));
            default: return null;
        }
    }

    /** Spain's NIE: X, Y or Z, seven digits, the letter of the number (X=0, Y=1, Z=2 in front) mod 23, as Y1234567X. */
    static String nie(Random r) {
        int lead = r.nextInt(3);
        String body = ValidIds.digits(r, 7);
        int n = Integer.parseInt(lead + body);
        return "XYZ".charAt(lead) + body + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    /** Norway's organisasjonsnummer: 8 or 9, seven digits, a mod 11 check (weights 3,2,7,6,5,4,3,2), as 912 345 678. */
    static String orgnr(Random r) {
        while (true) {
            String body = (r.nextBoolean() ? "8" : "9") + ValidIds.digits(r, 7);
            int c = 11 - ValidIds.weighted(body, new int[]{3, 2, 7, 6, 5, 4, 3, 2}) % 11;
            c = c == 11 ? 0 : c;
            if (c == 10) {
                continue;
            }
            String n = body + c;
            return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
        }
    }

    /** Finland's Y-tunnus: seven digits, a dash, a mod 11 check (weights 7,9,10,5,8,4,2; remainder 1 never issued). */
    static String ytunnus(Random r) {
        while (true) {
            String body = ValidIds.digits(r, 7);
            int rem = ValidIds.weighted(body, new int[]{7, 9, 10, 5, 8, 4, 2}) % 11;
            if (rem == 1) {
                continue;
            }
            return body + "-" + (rem == 0 ? 0 : 11 - rem);
        }
    }

    /** Czechia's ICO: seven digits and the check (11 - r) mod 10 of their mod 11 sum with weights 8,7,6,5,4,3,2. */
    static String ico(Random r) {
        String body = ValidIds.digits(r, 7);
        int rem = ValidIds.weighted(body, new int[]{8, 7, 6, 5, 4, 3, 2}) % 11;
        return body + (11 - rem) % 10;
    }

    /** Denmark's CVR: eight digits, the first not 0, whose sum with weights 2,7,6,5,4,3,2,1 is a multiple of 11. */
    static String cvr(Random r) {
        while (true) {
            String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 6);
            int c = (11 - ValidIds.weighted(body, new int[]{2, 7, 6, 5, 4, 3, 2}) % 11) % 11;
            if (c == 10) {
                continue;
            }
            return body + c;
        }
    }

    /** Switzerland's UID: CHE, eight digits, a mod 11 check (weights 5,4,3,2,7,6,5,4; 10 never issued), as CHE-123.456.789. */
    static String uid(Random r) {
        while (true) {
            String body = ValidIds.digits(r, 8);
            int c = 11 - ValidIds.weighted(body, new int[]{5, 4, 3, 2, 7, 6, 5, 4}) % 11;
            c = c == 11 ? 0 : c;
            if (c == 10) {
                continue;
            }
            String n = body + c;
            return "CHE-" + n.substring(0, 3) + "." + n.substring(3, 6) + "." + n.substring(6);
        }
    }

    /** Belgium's enterprise number: 0 or 1, seven digits, and 97 less their remainder mod 97, as 0403.170.701. */
    static String kbo(Random r) {
        String body = (r.nextBoolean() ? "0" : "1") + (1 + r.nextInt(9)) + ValidIds.digits(r, 6);
        int c = 97 - Integer.parseInt(body) % 97;
        String n = body + String.format("%02d", c);
        return n.substring(0, 4) + "." + n.substring(4, 7) + "." + n.substring(7);
    }

    /** Italy's partita IVA: seven digits, an office code of three, a Luhn check over the eleven. */
    static String piva(Random r) {
        String body = ValidIds.digits(r, 7) + String.format("%03d", 1 + r.nextInt(100));
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = body.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }
}
