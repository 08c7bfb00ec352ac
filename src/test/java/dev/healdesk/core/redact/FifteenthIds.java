package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the fifteenth corpus collection (families15.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. Tax and business
 * numbers pass their check, as real ones do; each layout and check was learnt from the number's public description:
 * Luxembourg's TVA number (LU, six digits and their remainder mod 89 in two), Spain's CIF (an organisation letter, seven
 * digits, a Luhn check over them written as a digit or as a letter of JABCDEFGHI), Estonia's KMKR (EE, nine digits
 * starting 10, weights 3,7,1 repeated summing to a multiple of ten), Malta's VAT number (MT, six digits and two check
 * digits, weights 3,4,6,7,8,9,10,1 summing to a multiple of 37), Bulgaria's VAT number (BG and the nine-digit EIK, a
 * mod 11 check with weights 1..8, or 3..10 where the first gives ten), Cyprus's VAT number (CY, eight digits and a check
 * letter from a table over the odd places plus the even places, mod 26), Slovakia's IČ DPH (SK, ten digits, the third
 * one of 2,3,4,7,8,9, the whole number divisible by 11) and Latvia's PVN for a legal entity (LV, eleven digits starting
 * 4, weights 9,1,4,8,3,10,2,5,7,6,1 leaving 3 mod 11). None is a real firm's number: every character but the checks is
 * drawn from the seeded {@link Random}.
 */
final class FifteenthIds {

    /**
     * Secrets the fifteenth collection plants that no earlier collection had, as {@link Fakes#shape} specs: TeamCity
     * access tokens, Consul ACL tokens, Datadog client tokens, Airtable personal access tokens, Klaviyo private keys,
     * Vonage API secrets, Sanity tokens, Lightstep access tokens, NATS user JWTs and bcrypt hashes. No rule was written
     * for them.
     */
    static final Map<String, String> FIFTEENTH_SHAPES = Map.ofEntries(
            Map.entry("TEAMCITY_TOKEN", "eyJ0eXAiOiAiVENWMiJ9.#W36.#W48"),
            Map.entry("CONSUL_TOKEN", "#G"),
            Map.entry("DD_CLIENT_TOKEN", "pub#H32"),
            Map.entry("AIRTABLE_PAT", "pat#A14.#H64"),
            Map.entry("KLAVIYO_KEY", "pk_#H34"),
            Map.entry("VONAGE_SECRET", "#A16"),
            Map.entry("SANITY_TOKEN", "sk#A80"),
            Map.entry("LIGHTSTEP_TOKEN", "#B84"),
            Map.entry("NATS_USER_JWT", "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJ#W180.#W86"),
            Map.entry("BCRYPT_HASH", "$2b$12$#A53"));

    /**
     * Phone numbers of countries none of the earlier collections has, as each country writes them (the first digits
     * fixed to a mobile range the country's numbering plan lists; the small ones in their international form).
     */
    static final Map<String, String> FIFTEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_BI", "7#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_CG", "06 #D3 #D4"),
            Map.entry("PHONE_CF", "75 #D2 #D2 #D2"),
            Map.entry("PHONE_TD", "6#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_NE", "9#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_GN", "62#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_GW", "95#D1 #D3 #D3"),
            Map.entry("PHONE_DJ", "77 #D2 #D2 #D2"),
            Map.entry("PHONE_ER", "07 #D3 #D3"),
            Map.entry("PHONE_KM", "3#D2 #D2 #D2"),
            Map.entry("PHONE_SS", "09#D2 #D3 #D3"),
            Map.entry("PHONE_ST", "98#D1 #D4"),
            Map.entry("PHONE_GQ", "222 #D3 #D3"),
            Map.entry("PHONE_VU", "5#D2 #D4"),
            Map.entry("PHONE_SB", "7#D1 #D5"),
            Map.entry("PHONE_TO", "77#D1 #D4"),
            Map.entry("PHONE_SM", "+378 66 #D2 #D2 #D2"),
            Map.entry("PHONE_LC", "(758) 28#D1-#D4"),
            Map.entry("PHONE_PS", "059#D1 #D3 #D3"),
            Map.entry("PHONE_FO", "+298 21#D4"),
            Map.entry("PHONE_GL", "+299 2#D1 #D2 #D2"),
            Map.entry("PHONE_GD", "(473) 4#D2-#D4"));

    private FifteenthIds() {
    }

    /** The fifteenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (FIFTEENTH_SHAPES.containsKey(name)) {
            return fakes.shape(FIFTEENTH_SHAPES.get(name));
        }
        if (FIFTEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(FIFTEENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "TVA_LU": return Fakes.Fake.personal(tvaLu(r));
            case "CIF_ES": return Fakes.Fake.personal(cifEs(r));
            case "KMKR_EE": return Fakes.Fake.personal(kmkrEe(r));
            case "VAT_MT": return Fakes.Fake.personal(vatMt(r));
            case "EIK_BG": return Fakes.Fake.personal(vatBg(r));
            case "VAT_CY": return Fakes.Fake.personal(vatCy(r));
            case "DPH_SK": return Fakes.Fake.personal(dphSk(r));
            case "PVN_LV": return Fakes.Fake.personal(pvnLv(r));
            default: return null;
        }
    }

    /** Luxembourg's TVA number: LU, six digits (the first not 0), their remainder mod 89 in two digits, as LU15027442. */
    static String tvaLu(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 5);
        return "LU" + body + String.format("%02d", Integer.parseInt(body) % 89);
    }

    /** A Luhn check digit for {@code body} (the digit that makes body + it pass). */
    private static int luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = 2 * d > 9 ? 2 * d - 9 : 2 * d;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Spain's CIF: an organisation letter, a province code and five digits, a Luhn check over the seven written as a
     * digit (sociedades anónimas and limitadas, A, B, E, H) or as the letter JABCDEFGHI[check] (P, Q, S, N, W), as
     * J99216582.
     */
    static String cifEs(Random r) {
        String body = String.format("%02d", 1 + r.nextInt(99)) + ValidIds.digits(r, 5);
        int check = luhnDigit(body);
        if (r.nextBoolean()) {
            return "ABEH".charAt(r.nextInt(4)) + body + check;
        }
        return "PQSNW".charAt(r.nextInt(5)) + body + "JABCDEFGHI".charAt(check);
    }

    /** Estonia's KMKR: EE, 10, six digits, a check with weights 3,7,1 repeated, as EE100931558. */
    static String kmkrEe(Random r) {
        String body = "10" + ValidIds.digits(r, 6);
        int c = (10 - ValidIds.weighted(body, new int[]{3, 7, 1, 3, 7, 1, 3, 7}) % 10) % 10;
        return "EE" + body + c;
    }

    /** Malta's VAT number: MT, six digits (the first not 0), two check digits making the 3,4,6,7,8,9,10,1 sum 0 mod 37. */
    static String vatMt(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 5);
        int c = (37 - ValidIds.weighted(body, new int[]{3, 4, 6, 7, 8, 9}) % 37) % 37;
        return "MT" + body + String.format("%02d", c);
    }

    /** Bulgaria's VAT number: BG and the EIK, eight digits and a mod 11 check (weights 1..8, else 3..10, ten written 0). */
    static String vatBg(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 7);
        int c = ValidIds.weighted(body, new int[]{1, 2, 3, 4, 5, 6, 7, 8}) % 11;
        if (c == 10) {
            c = ValidIds.weighted(body, new int[]{3, 4, 5, 6, 7, 8, 9, 10}) % 11 % 10;
        }
        return "BG" + body + c;
    }

    private static final int[] CY_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

    /** Cyprus's VAT number: CY, eight digits (the first of 0,1,3,4,5,9, never 12), a check letter mod 26, as CY10259033P. */
    static String vatCy(Random r) {
        String body;
        do {
            body = "013459".charAt(r.nextInt(6)) + ValidIds.digits(r, 7);
        } while (body.startsWith("12"));
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int d = body.charAt(i) - '0';
            sum += i % 2 == 0 ? CY_ODD[d] : d;
        }
        return "CY" + body + (char) ('A' + sum % 26);
    }

    /** Slovakia's IČ DPH: SK, ten digits (the first not 0, the third one of 2,3,4,7,8,9), divisible by 11, as SK2022749619. */
    static String dphSk(Random r) {
        while (true) {
            String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 1) + "234789".charAt(r.nextInt(6)) + ValidIds.digits(r, 6);
            int last = (int) ((11 - Long.parseLong(body) * 10 % 11) % 11);
            if (last == 10) {
                continue;
            }
            return "SK" + body + last;
        }
    }

    /** Latvia's PVN for a legal entity: LV, 4000 and six digits, a check leaving 3 mod 11 with weights 9,1,4,8,3,10,2,5,7,6,1. */
    static String pvnLv(Random r) {
        while (true) {
            String body = "4000" + ValidIds.digits(r, 6);
            int last = ((3 - ValidIds.weighted(body, new int[]{9, 1, 4, 8, 3, 10, 2, 5, 7, 6}) % 11) + 11) % 11;
            if (last == 10) {
                continue;
            }
            return "LV" + body + last;
        }
    }
}
