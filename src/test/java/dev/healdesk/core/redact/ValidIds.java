package dev.healdesk.core.redact;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;

/**
 * The fakes the tenth corpus collection (families10.py) plants that no earlier collection had, and national identity
 * numbers that pass their country's check, as real ones do ({@link Fakes} draws some check digits at random, which leaves
 * a rule that demands them unmeasurable; its methods stay as they are, so the earlier collections' values do not move).
 * Each layout and check was learnt from the public specification of the number (the issuing authority's page or its
 * public description): Estonia's and Lithuania's personal codes (two-pass mod 11), Latvia's personas kods (weights
 * 1,6,3,7,9,10,5,8,4,2), Slovenia's EMŠO and Serbia's JMBG (mod 11, weights 7..2 twice), Croatia's OIB (ISO 7064 MOD
 * 11,10), Bulgaria's EGN (weights 2,4,8,5,10,9,7,3,6), Iceland's kennitala (weights 3,2,7,6,5,4,3,2), Ecuador's cédula
 * (mod 10, coefficients 2,1), Uruguay's cédula (weights 2,9,8,7,6,3,4), Taiwan's national id (letter value, weights 8..1),
 * Saudi Arabia's national id (Luhn), Slovakia's birth number (divisible by 11), Portugal's NIF (mod 11, weights 9..2),
 * Turkey's T.C. kimlik (the two check digits), and IBANs of countries the earlier collections lack (ISO 13616 mod 97).
 * None is a real person's number: every digit but the checks is drawn from the seeded {@link Random}.
 */
final class ValidIds {

    /**
     * Secrets the tenth collection plants that no earlier collection had, as {@link Fakes#shape} specs: Rollbar, Airbrake,
     * Raygun, Honeybadger and Honeycomb keys, Splunk HEC tokens, Elastic APM secret tokens, BuildBuddy API keys, Chromatic
     * project tokens, Applitools keys, Codecov and Lighthouse CI tokens, ReportPortal tokens, DigitalOcean tokens,
     * Tailscale auth keys, ngrok authtokens, a Magento crypt key. No rule was written for them.
     */
    static final Map<String, String> TENTH_SHAPES = Map.ofEntries(
            Map.entry("AIRBRAKE_KEY", "#H32"),
            Map.entry("APM_SECRET", "#A24"),
            Map.entry("APPLITOOLS_KEY", "#A43"),
            Map.entry("BUILDBUDDY_KEY", "#A20"),
            Map.entry("CHROMATIC_TOKEN", "chpt_#H14"),
            Map.entry("CODECOV_TOKEN", "#G"),
            Map.entry("DO_TOKEN", "dop_v1_#H64"),
            Map.entry("HONEYBADGER_KEY", "hbp_#A30"),
            Map.entry("HONEYCOMB_KEY", "#A22"),
            Map.entry("LHCI_TOKEN", "#G"),
            Map.entry("MAGENTO_CRYPT", "#H32"),
            Map.entry("NGROK_TOKEN", "#A27_#A21"),
            Map.entry("RAYGUN_KEY", "#A22"),
            Map.entry("ROLLBAR_TOKEN", "#H32"),
            Map.entry("RP_TOKEN", "#G"),
            Map.entry("SPLUNK_HEC", "#G"),
            Map.entry("TAILSCALE_KEY", "tskey-auth-#A11CNTRL-#A33"));

    /**
     * Phone numbers of countries no earlier collection has, as those countries write them (the whole value is personal),
     * and Pakistan's CNIC (no public check digit).
     */
    static final Map<String, String> TENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_EE", "5#D3 #D4"),
            Map.entry("PHONE_LV", "2#D1 #D3 #D3"),
            Map.entry("PHONE_LT", "8 6#D2 #D5"),
            Map.entry("PHONE_SI", "031 #D3 #D3"),
            Map.entry("PHONE_HR", "091 #D3 #D4"),
            Map.entry("PHONE_BG", "088 #D3 #D4"),
            Map.entry("PHONE_RS", "064 #D3 #D4"),
            Map.entry("PHONE_IS", "6#D2 #D4"),
            Map.entry("PHONE_EC", "099 #D3 #D4"),
            Map.entry("PHONE_UY", "09#D1 #D3 #D3"),
            Map.entry("PHONE_PE", "9#D2 #D3 #D3"),
            Map.entry("PHONE_TW", "0912 #D3 #D3"),
            Map.entry("PHONE_SA", "05#D1 #D3 #D4"),
            Map.entry("PHONE_SK", "09#D2 #D3 #D3"),
            Map.entry("PHONE_PK", "0300 #D7"),
            Map.entry("PHONE_BD", "017#D2-#D6"),
            Map.entry("PHONE_MA", "06 #D2 #D2 #D2 #D2"),
            Map.entry("PHONE_GH", "024 #D3 #D4"),
            Map.entry("PHONE_LU", "621 #D3 #D3"),
            Map.entry("PHONE_CY", "99 #D6"),
            Map.entry("PHONE_MT", "79#D2 #D4"),
            Map.entry("CNIC_PK", "#D5-#D7-#D1"));

    /** IBAN layouts (country, BBAN length in digits after a fixed bank code) of countries the earlier collections lack. */
    private static final String[][] IBANS = {{"EE", "", "16"}, {"LT", "", "16"}, {"HR", "", "17"}, {"SI", "", "15"},
            {"IS", "", "22"}, {"SA", "", "20"}, {"RS", "", "18"}, {"SK", "", "20"}, {"BG", "BNBG", "14"},
            {"TR", "", "22"}, {"CY", "", "24"}, {"MT", "MALT", "23"}, {"PK", "SCBL", "16"}, {"LV", "HABA", "13"}};

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DJANGO = LOWER + "0123456789!@#$%^&*(-_=+)";
    /** Taiwan's letter values (A=10 ... Z=33, I=34, O=35), in the order A to Z. */
    private static final int[] TW_LETTER = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27,
            28, 29, 32, 30, 31, 33};

    private ValidIds() {
    }

    /** The tenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (TENTH_SHAPES.containsKey(name)) {
            return fakes.shape(TENTH_SHAPES.get(name));
        }
        if (TENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(TENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "DJANGO_SECRET_KEY": return Fakes.Fake.secret("django-insecure-", s(r, DJANGO, 50));
            case "APPLE_APP_PW": return Fakes.Fake.secret(s(r, LOWER, 4) + "-" + s(r, LOWER, 4) + "-" + s(r, LOWER, 4) + "-"
                    + s(r, LOWER, 4));
            case "IK_EE":
            case "AK_LT": return Fakes.Fake.personal(balticCode(r));
            case "PK_LV": return Fakes.Fake.personal(latvian(r));
            case "EMSO_SI": return Fakes.Fake.personal(emso(r, 50 + r.nextInt(10)));
            case "JMBG_RS": return Fakes.Fake.personal(emso(r, 71 + r.nextInt(9)));
            case "OIB_HR": return Fakes.Fake.personal(oib(r));
            case "EGN_BG": return Fakes.Fake.personal(egn(r));
            case "KT_IS": return Fakes.Fake.personal(kennitala(r));
            case "CEDULA_EC": return Fakes.Fake.personal(cedulaEc(r));
            case "CI_UY": return Fakes.Fake.personal(ciUy(r));
            case "TW_ID": return Fakes.Fake.personal(taiwan(r));
            case "NID_SA": return Fakes.Fake.personal(saudi(r));
            case "RC_SK": return Fakes.Fake.personal(rodneCisloSk(r));
            case "NIF_PT": return Fakes.Fake.personal(nifPt(r));
            case "TCKN_TR": return Fakes.Fake.personal(tckn(r));
            case "IBAN_EE": return Fakes.Fake.personal(iban(r, IBANS[0]));
            case "IBAN_HR": return Fakes.Fake.personal(iban(r, IBANS[2]));
            case "IBAN_SA": return Fakes.Fake.personal(iban(r, IBANS[5]));
            case "IBAN_SK": return Fakes.Fake.personal(iban(r, IBANS[7]));
            case "IBAN_NEW": return Fakes.Fake.personal(iban(r, IBANS[r.nextInt(IBANS.length)]));
            default: return null;
        }
    }

    private static String s(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String digits(Random r, int n) {
        return s(r, "0123456789", n);
    }

    /** A birth date as yymmdd (days up to 28, so every month has it). */
    private static String yymmdd(Random r) {
        return String.format("%02d%02d%02d", r.nextInt(100), 1 + r.nextInt(12), 1 + r.nextInt(28));
    }

    static int weighted(String d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (d.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** Estonia's isikukood and Lithuania's asmens kodas: GYYMMDDSSSC, two-pass mod 11. */
    static String balticCode(Random r) {
        String body = (3 + r.nextInt(4)) + yymmdd(r) + digits(r, 3);
        int c = weighted(body, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 1}) % 11;
        if (c == 10) {
            c = weighted(body, new int[]{3, 4, 5, 6, 7, 8, 9, 1, 2, 3}) % 11;
            if (c == 10) {
                c = 0;
            }
        }
        return body + c;
    }

    /** Latvia's personas kods: DDMMYY-CNNNX, X = (1101 - sum) mod 11, a 10 never issued. */
    static String latvian(Random r) {
        while (true) {
            String yymmdd = yymmdd(r);
            String body = yymmdd.substring(4) + yymmdd.substring(2, 4) + yymmdd.substring(0, 2) + (1 + r.nextInt(2))
                    + digits(r, 3);
            int c = Math.floorMod(1101 - weighted(body, new int[]{1, 6, 3, 7, 9, 10, 5, 8, 4, 2}), 11);
            if (c < 10) {
                return body.substring(0, 6) + "-" + body.substring(6) + c;
            }
        }
    }

    /** Slovenia's EMŠO and Serbia's JMBG: DDMMYYYRRBBBK, mod 11 with weights 7..2 twice, an 10 never issued. */
    static String emso(Random r, int region) {
        while (true) {
            String body = String.format("%02d%02d%03d%02d%s", 1 + r.nextInt(28), 1 + r.nextInt(12), 900 + r.nextInt(100),
                    region, digits(r, 3));
            int m = 11 - weighted(body, new int[]{7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) % 11;
            if (m == 10) {
                continue;
            }
            return body + (m == 11 ? 0 : m);
        }
    }

    /** Croatia's OIB: ten digits and an ISO 7064 MOD 11,10 check. */
    static String oib(Random r) {
        String body = (1 + r.nextInt(9)) + digits(r, 9);
        int a = 10;
        for (int i = 0; i < 10; i++) {
            a = (a + body.charAt(i) - '0') % 10;
            if (a == 0) {
                a = 10;
            }
            a = (a * 2) % 11;
        }
        int c = 11 - a;
        return body + (c == 10 ? 0 : c);
    }

    /** Bulgaria's EGN: YYMMDDSSSC (born 1900-1999), C = weighted sum mod 11, a 10 written 0. */
    static String egn(Random r) {
        String body = yymmdd(r) + digits(r, 3);
        int c = weighted(body, new int[]{2, 4, 8, 5, 10, 9, 7, 3, 6}) % 11;
        return body + (c == 10 ? 0 : c);
    }

    /** Iceland's kennitala: DDMMYY-RRCD, C by weights 3,2,7,6,5,4,3,2, D the century (9 for 1900s). */
    static String kennitala(Random r) {
        while (true) {
            String yymmdd = yymmdd(r);
            String body = yymmdd.substring(4) + yymmdd.substring(2, 4) + yymmdd.substring(0, 2) + (2 + r.nextInt(8))
                    + digits(r, 1);
            int c = 11 - weighted(body, new int[]{3, 2, 7, 6, 5, 4, 3, 2}) % 11;
            if (c == 10) {
                continue;
            }
            return body.substring(0, 6) + "-" + body.substring(6) + (c == 11 ? 0 : c) + "9";
        }
    }

    /** Ecuador's cédula: province 01-24, a third digit below 6, mod 10 with coefficients 2,1,2,1... */
    static String cedulaEc(Random r) {
        String body = String.format("%02d", 1 + r.nextInt(24)) + r.nextInt(6) + digits(r, 6);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int p = (body.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += p > 9 ? p - 9 : p;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** Uruguay's cédula de identidad: d.ddd.ddd-c, c by weights 2,9,8,7,6,3,4 mod 10. */
    static String ciUy(Random r) {
        String body = (1 + r.nextInt(6)) + digits(r, 6);
        int c = (10 - weighted(body, new int[]{2, 9, 8, 7, 6, 3, 4}) % 10) % 10;
        return body.charAt(0) + "." + body.substring(1, 4) + "." + body.substring(4) + "-" + c;
    }

    /** Taiwan's national id: a letter, 1 or 2, seven digits and a check making the weighted sum a multiple of 10. */
    static String taiwan(Random r) {
        int letter = r.nextInt(26);
        String body = (1 + r.nextInt(2)) + digits(r, 7);
        int v = TW_LETTER[letter];
        int sum = v / 10 + (v % 10) * 9 + weighted(body, new int[]{8, 7, 6, 5, 4, 3, 2, 1});
        return (char) ('A' + letter) + body + (10 - sum % 10) % 10;
    }

    /** Saudi Arabia's national id: 1 (citizen) or 2 (resident), eight digits, a Luhn check. */
    static String saudi(Random r) {
        return luhn((1 + r.nextInt(2)) + digits(r, 8));
    }

    /** Slovakia's rodné číslo: YYMMDD/SSSC (women's month + 50), the ten digits divisible by 11. */
    static String rodneCisloSk(Random r) {
        while (true) {
            int month = 1 + r.nextInt(12) + (r.nextBoolean() ? 50 : 0);
            String body = String.format("%02d%02d%02d", r.nextInt(100), month, 1 + r.nextInt(28)) + digits(r, 3);
            int c = Math.floorMod(-Long.parseLong(body) * 10, 11);
            if (c < 10) {
                return body.substring(0, 6) + "/" + body.substring(6) + c;
            }
        }
    }

    /** Portugal's NIF (a person's: 1 or 2 first): mod 11 with weights 9..2, a check of 10 or 11 written 0. */
    static String nifPt(Random r) {
        String body = (1 + r.nextInt(2)) + digits(r, 7);
        int c = 11 - weighted(body, new int[]{9, 8, 7, 6, 5, 4, 3, 2}) % 11;
        return body + (c >= 10 ? 0 : c);
    }

    /** Turkey's T.C. kimlik no: nine digits (no leading 0) and its two check digits. */
    static String tckn(Random r) {
        String body = (1 + r.nextInt(9)) + digits(r, 8);
        int odd = 0;
        int even = 0;
        for (int i = 0; i < 9; i++) {
            if (i % 2 == 0) {
                odd += body.charAt(i) - '0';
            } else {
                even += body.charAt(i) - '0';
            }
        }
        int d10 = Math.floorMod(odd * 7 - even, 10);
        int d11 = (odd + even + d10) % 10;
        return body + d10 + d11;
    }

    /** {@code digits} with the Luhn check digit appended (as {@link Fakes} appends it to card numbers). */
    static String luhn(String digits) {
        return Fakes.luhn(digits);
    }

    /** An IBAN of {@code layout} (country, bank code, digits) with its ISO 13616 mod 97 check. */
    static String iban(Random r, String[] layout) {
        String bban = layout[1] + digits(r, Integer.parseInt(layout[2]));
        StringBuilder numeric = new StringBuilder();
        for (char ch : (bban + layout[0] + "00").toCharArray()) {
            numeric.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return layout[0] + String.format("%02d", check) + bban;
    }
}
