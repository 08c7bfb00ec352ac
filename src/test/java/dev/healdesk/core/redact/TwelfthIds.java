package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the twelfth corpus collection (families12.py) plants that no earlier collection had, in a class of their own
 * so that {@link Fakes}, {@link ValidIds} and {@link EleventhIds} return what they always returned. National, tax and bank
 * numbers pass their check, as real ones do; each layout and check was learnt from the number's public specification:
 * Switzerland's AHV number (756, nine digits, an EAN-13 check), Singapore's NRIC (S/T, seven digits, a check letter from
 * weights 2,7,6,5,4,3,2), Argentina's CUIT (mod 11, weights 5,4,3,2,7,6,5,4,3,2), Colombia's NIT (mod 11, prime weights
 * 3,7,13,17,19,23,29,37,41 from the right), Peru's RUC (mod 11, weights 5,4,3,2,7,6,5,4,3,2), Greece's AFM (powers of
 * two, mod 11 mod 10), Poland's NIP (mod 11, weights 6,5,7,2,3,4,5,6,7), Ukraine's RNOKPP (weights -1,5,7,9,4,6,10,5,7,
 * mod 11 mod 10), Korea's business registration number (weights 1,3,7,1,3,7,1,3,5 and the last digit's fifth), Taiwan's
 * unified business number (weights 1,2,1,2,1,2,4,1, digit sums mod 10), Mexico's CLABE (weights 3,7,1 mod 10), the US ABA
 * routing number (weights 3,7,1 mod 10), Australia's ABN (first digit less one, weights 10,1,3,..,19, mod 89), France's
 * SIRET (Luhn over fourteen digits), and IBANs of countries the earlier collections lack (ISO 13616 mod 97). None is a
 * real person's or firm's number: every digit but the checks is drawn from the seeded {@link Random}.
 */
final class TwelfthIds {

    /**
     * Secrets the twelfth collection plants that no earlier collection had, as {@link Fakes#shape} specs: Percy project
     * tokens, BrowserStack and Sauce Labs access keys, Tyk keys, Rundeck API tokens, AppVeyor API tokens, dbt Cloud
     * tokens, PostHog personal API keys, HubSpot private-app tokens, Mapbox secret tokens, Auth0 client secrets, SendGrid
     * API keys, RevenueCat keys, RStudio Connect API keys, Phoenix's secret_key_base and session cookies, Mojolicious,
     * Rack, Rails, Ring, Vapor and Yesod session cookies. No rule was written for them.
     */
    static final Map<String, String> TWELFTH_SHAPES = Map.ofEntries(
            Map.entry("PERCY_TOKEN", "web_#H64"),
            Map.entry("BROWSERSTACK_KEY", "#A20"),
            Map.entry("SAUCE_KEY", "#G"),
            Map.entry("TYK_KEY", "#H56"),
            Map.entry("RUNDECK_TOKEN", "#A32"),
            Map.entry("APPVEYOR_TOKEN", "v2.#A20"),
            Map.entry("DBT_TOKEN", "dbtc_#W50"),
            Map.entry("POSTHOG_KEY", "phx_#A43"),
            Map.entry("HUBSPOT_PAT", "pat-na1-#G"),
            Map.entry("MAPBOX_SK", "sk.eyJ1Ijoi#W22.#W22"),
            Map.entry("AUTH0_SECRET", "#W64"),
            Map.entry("SENDGRID", "SG.#W22.#W43"),
            Map.entry("REVENUECAT_KEY", "sk_#A32"),
            Map.entry("RSCONNECT_KEY", "#A32"),
            Map.entry("PHX_SECRET", "#A64"),
            Map.entry("PHX_SESSION", "SFMyNTY.#W120.#W43"),
            Map.entry("MOJO_SESSION", "eyJ#W40--#H40"),
            Map.entry("RACK_SESSION", "BAh7#B96--#H40"),
            Map.entry("RAILS_SESSION", "#B120--#B24--#B24"),
            Map.entry("RING_SESSION", "#G"),
            Map.entry("VAPOR_SESSION", "#B44"),
            Map.entry("YESOD_SESSION", "#B160"));

    /**
     * Phone numbers of countries none of the earlier collections has, as each country writes them nationally (the first
     * digits fixed to a mobile range the country's numbering plan lists).
     */
    static final Map<String, String> TWELFTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_OM", "9#D3 #D4"),
            Map.entry("PHONE_BH", "3#D3 #D4"),
            Map.entry("PHONE_IQ", "07#D2 #D3 #D4"),
            Map.entry("PHONE_DZ", "05#D2 #D2 #D2 #D2"),
            Map.entry("PHONE_CM", "6 #D2 #D2 #D2 #D2"),
            Map.entry("PHONE_CI", "07 #D2 #D2 #D2 #D2"),
            Map.entry("PHONE_RW", "078 #D3 #D4"),
            Map.entry("PHONE_ZM", "097 #D3 #D4"),
            Map.entry("PHONE_ZW", "077 #D3 #D4"),
            Map.entry("PHONE_MZ", "84 #D3 #D4"),
            Map.entry("PHONE_AO", "923 #D3 #D3"),
            Map.entry("PHONE_BW", "71 #D3 #D3"),
            Map.entry("PHONE_NA", "081 #D3 #D4"),
            Map.entry("PHONE_MU", "5#D3 #D4"),
            Map.entry("PHONE_HN", "9#D3-#D4"),
            Map.entry("PHONE_SV", "7#D3-#D4"),
            Map.entry("PHONE_NI", "8#D3 #D4"),
            Map.entry("PHONE_TT", "(868) #D3-#D4"),
            Map.entry("PHONE_BY", "+375 29 #D3-#D2-#D2"),
            Map.entry("PHONE_KG", "0700 #D3 #D3"),
            Map.entry("PHONE_ME", "067 #D3 #D3"),
            Map.entry("PHONE_MM", "09 #D3 #D4"),
            Map.entry("PHONE_LA", "020 #D2 #D3 #D3"),
            Map.entry("PHONE_BN", "7#D2 #D4"),
            Map.entry("PHONE_FJ", "7#D2 #D4"),
            Map.entry("PHONE_IR", "0912 #D3 #D4"),
            Map.entry("PHONE_IN", "+91 98#D3 #D5"));

    /** IBAN layouts (country, bank code, digits) of countries none of the earlier collections has. */
    private static final String[][] IBANS = {{"LI", "", "17"}, {"LU", "", "16"}, {"IE", "AIBK", "14"}, {"PT", "", "21"},
            {"RO", "RNCB", "16"}, {"ME", "", "18"}, {"XK", "", "16"}, {"TN", "", "20"}, {"MR", "", "23"},
            {"JO", "CBJO", "22"}, {"LB", "", "24"}, {"BH", "NBOB", "14"}, {"EG", "", "25"}, {"IQ", "NBIQ", "15"},
            {"AD", "", "20"}, {"GI", "NWBK", "15"}, {"FO", "", "14"}, {"GL", "", "14"}, {"LY", "", "21"},
            {"SV", "CENR", "20"}};

    private TwelfthIds() {
    }

    /** The twelfth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (TWELFTH_SHAPES.containsKey(name)) {
            return fakes.shape(TWELFTH_SHAPES.get(name));
        }
        if (TWELFTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(TWELFTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "AHV_CH": return Fakes.Fake.personal(ahv(r));
            case "NRIC_SG": return Fakes.Fake.personal(nric(r));
            case "CUIT_AR": return Fakes.Fake.personal(cuit(r));
            case "NIT_CO": return Fakes.Fake.personal(nit(r));
            case "RUC_PE": return Fakes.Fake.personal(ruc(r));
            case "AFM_GR": return Fakes.Fake.personal(afm(r));
            case "NIP_PL": return Fakes.Fake.personal(nip(r));
            case "RNOKPP_UA": return Fakes.Fake.personal(rnokpp(r));
            case "BRN_KR": return Fakes.Fake.personal(brnKr(r));
            case "UBN_TW": return Fakes.Fake.personal(ubn(r));
            case "CLABE_MX": return Fakes.Fake.personal(clabe(r));
            case "ABA_US": return Fakes.Fake.personal(aba(r));
            case "ABN_AU": return Fakes.Fake.personal(abn(r));
            case "SIRET_FR": return Fakes.Fake.personal(siret(r));
            case "IBAN12": return Fakes.Fake.personal(ValidIds.iban(r, IBANS[r.nextInt(IBANS.length)]));
            case "IBAN12_SPACED":
                return Fakes.Fake.personal(Fakes.group(ValidIds.iban(r, IBANS[r.nextInt(IBANS.length)]), " "));
            default: return null;
        }
    }

    /** Switzerland's AHV number: 756, nine digits and an EAN-13 check (weights 1,3 from the left), as 756.1234.5678.97. */
    static String ahv(Random r) {
        String body = "756" + ValidIds.digits(r, 9);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        String n = body + (10 - sum % 10) % 10;
        return n.substring(0, 3) + "." + n.substring(3, 7) + "." + n.substring(7, 11) + "." + n.substring(11);
    }

    /** Singapore's NRIC: S or T, seven digits, a check letter (weights 2,7,6,5,4,3,2; T adds 4; JZIHGFEDCBA). */
    static String nric(Random r) {
        char prefix = r.nextBoolean() ? 'S' : 'T';
        String body = ValidIds.digits(r, 7);
        int sum = ValidIds.weighted(body, new int[]{2, 7, 6, 5, 4, 3, 2}) + (prefix == 'T' ? 4 : 0);
        return prefix + body + "JZIHGFEDCBA".charAt(sum % 11);
    }

    /** Argentina's CUIT: 20/23/24/27, eight digits, a mod 11 check (weights 5,4,3,2,7,6,5,4,3,2; 10 never issued). */
    static String cuit(Random r) {
        String[] kinds = {"20", "23", "24", "27"};
        while (true) {
            String body = kinds[r.nextInt(kinds.length)] + ValidIds.digits(r, 8);
            int c = 11 - ValidIds.weighted(body, new int[]{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) % 11;
            c = c == 11 ? 0 : c;
            if (c == 10) {
                continue;
            }
            return body.substring(0, 2) + "-" + body.substring(2) + "-" + c;
        }
    }

    /** Colombia's NIT: nine digits and a mod 11 check (weights 41,37,29,23,19,17,13,7,3), as 900.123.456-7. */
    static String nit(Random r) {
        String body = (8 + r.nextInt(2)) + ValidIds.digits(r, 8);
        int rem = ValidIds.weighted(body, new int[]{41, 37, 29, 23, 19, 17, 13, 7, 3}) % 11;
        int c = rem > 1 ? 11 - rem : rem;
        return body.substring(0, 3) + "." + body.substring(3, 6) + "." + body.substring(6) + "-" + c;
    }

    /** Peru's RUC: 10 or 20, eight digits, a mod 11 check (weights 5,4,3,2,7,6,5,4,3,2; 10 written 0, 11 written 1). */
    static String ruc(Random r) {
        String body = (r.nextBoolean() ? "10" : "20") + ValidIds.digits(r, 8);
        int c = 11 - ValidIds.weighted(body, new int[]{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) % 11;
        return body + (c == 10 ? 0 : c == 11 ? 1 : c);
    }

    /** Greece's AFM: eight digits and a check, the sum of digit times 2^(8-i), mod 11, mod 10. */
    static String afm(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 7);
        int c = ValidIds.weighted(body, new int[]{256, 128, 64, 32, 16, 8, 4, 2}) % 11 % 10;
        return body + c;
    }

    /** Poland's NIP: nine digits and a mod 11 check (weights 6,5,7,2,3,4,5,6,7; 10 never issued), as 123-456-32-18. */
    static String nip(Random r) {
        while (true) {
            String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 8);
            int c = ValidIds.weighted(body, new int[]{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11;
            if (c == 10) {
                continue;
            }
            String n = body + c;
            return n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8);
        }
    }

    /** Ukraine's RNOKPP: nine digits and a check, weights -1,5,7,9,4,6,10,5,7, mod 11, mod 10. */
    static String rnokpp(Random r) {
        String body = (1 + r.nextInt(4)) + ValidIds.digits(r, 8);
        int sum = ValidIds.weighted(body, new int[]{-1, 5, 7, 9, 4, 6, 10, 5, 7});
        return body + Math.floorMod(sum, 11) % 10;
    }

    /** Korea's business registration number: nine digits and a check (weights 1,3,7,1,3,7,1,3,5 plus the 9th's fifth). */
    static String brnKr(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 8);
        int sum = ValidIds.weighted(body, new int[]{1, 3, 7, 1, 3, 7, 1, 3, 5}) + (body.charAt(8) - '0') * 5 / 10;
        String n = body + (10 - sum % 10) % 10;
        return n.substring(0, 3) + "-" + n.substring(3, 5) + "-" + n.substring(5);
    }

    /** Taiwan's unified business number: eight digits whose weighted digit sums (1,2,1,2,1,2,4,1) end in 0. */
    static String ubn(Random r) {
        while (true) {
            String body = ValidIds.digits(r, 7);
            for (int c = 0; c <= 9; c++) {
                String n = body + c;
                if (n.charAt(6) != '7' && ubnSum(n) % 10 == 0) {
                    return n;
                }
            }
        }
    }

    private static int ubnSum(String n) {
        int[] w = {1, 2, 1, 2, 1, 2, 4, 1};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int p = (n.charAt(i) - '0') * w[i];
            sum += p / 10 + p % 10;
        }
        return sum;
    }

    /** Mexico's CLABE: bank, plaza, eleven-digit account and a check (weights 3,7,1, each product mod 10). */
    static String clabe(Random r) {
        String[] banks = {"002", "012", "014", "021", "030", "036", "072", "127"};
        String body = banks[r.nextInt(banks.length)] + ValidIds.digits(r, 14);
        int sum = 0;
        int[] w = {3, 7, 1};
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i % 3] % 10;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The US ABA routing number: a Federal Reserve prefix, six digits and a check (3,7,1 weights, sum mod 10 = 0). */
    static String aba(Random r) {
        String body = String.format("%02d", 1 + r.nextInt(12)) + ValidIds.digits(r, 6);
        int sum = ValidIds.weighted(body, new int[]{3, 7, 1, 3, 7, 1, 3, 7});
        return body + (10 - sum % 10) % 10;
    }

    /** Australia's ABN: two check digits before nine (first digit less one, weights 10,1,3,..,19, mod 89 = 0), 2 3 3 3. */
    static String abn(Random r) {
        while (true) {
            String tail = (1 + r.nextInt(9)) + ValidIds.digits(r, 8);
            for (int head = 10; head <= 99; head++) {
                String n = head + tail;
                int sum = (n.charAt(0) - '0' - 1) * 10;
                int[] w = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
                for (int i = 1; i < 11; i++) {
                    sum += (n.charAt(i) - '0') * w[i - 1];
                }
                if (sum % 89 == 0) {
                    return n.substring(0, 2) + " " + n.substring(2, 5) + " " + n.substring(5, 8) + " " + n.substring(8);
                }
            }
        }
    }

    /** France's SIRET: a SIREN (eight digits and a Luhn check), a four-digit establishment number and a Luhn check over all. */
    static String siret(Random r) {
        String siren = Fakes.luhn((1 + r.nextInt(9)) + ValidIds.digits(r, 7));
        String n = Fakes.luhn(siren + "0" + ValidIds.digits(r, 3));
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6, 9) + " " + n.substring(9);
    }
}
