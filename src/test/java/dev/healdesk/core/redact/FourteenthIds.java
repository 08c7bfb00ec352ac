package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the fourteenth corpus collection (families14.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. National, tax and
 * business numbers pass their check, as real ones do; each layout and check was learnt from the number's public
 * description: Austria's UID (ATU, seven digits, a check of ten less the last digit of four plus the sum of the odd
 * places and the digit sums of the doubled even places), France's TVA intracommunautaire (FR, a key (12 + 3 x (SIREN
 * mod 97)) mod 97, the nine-digit SIREN with its Luhn check), Poland's REGON (eight digits, mod 11 with weights
 * 8,9,2,3,4,5,6,7, ten written 0), Slovenia's davčna številka (seven digits, 11 less their mod 11 sum with weights
 * 8..2), Hungary's adószám (seven digits and a check with weights 9,7,3,1,9,7,3, a VAT code, a county code), Japan's
 * corporate number (a leading check 9 less the mod 9 sum of twelve digits weighted 1,2 from the right), India's GSTIN
 * (state code, PAN, entity number, Z, a mod 36 check) and Sweden's organisationsnummer (third digit at least 2, a Luhn
 * check over ten). None is a real firm's or person's number: every character but the checks is drawn from the seeded
 * {@link Random}.
 */
final class FourteenthIds {

    /**
     * Secrets the fourteenth collection plants that no earlier collection had, as {@link Fakes#shape} specs: Algolia
     * admin keys, PagerDuty REST keys, Asana personal access tokens, Render API keys, Snyk tokens, Zendesk API tokens,
     * Pusher secrets, Bugsnag API keys, LambdaTest access keys, Expo access tokens, Neon API keys, Resend API keys,
     * Postmark server tokens, Fastly API tokens, Mixpanel API secrets, Azure OpenAI keys, App Center tokens, Opsgenie keys.
     * No rule was written for them.
     */
    static final Map<String, String> FOURTEENTH_SHAPES = Map.ofEntries(
            Map.entry("ALGOLIA_ADMIN", "#H32"),
            Map.entry("PAGERDUTY_TOKEN", "u+#W18"),
            Map.entry("ASANA_PAT", "2/#D16/#D16:#H32"),
            Map.entry("RENDER_KEY", "rnd_#A32"),
            Map.entry("SNYK_TOKEN", "#G"),
            Map.entry("ZENDESK_TOKEN", "#A40"),
            Map.entry("PUSHER_SECRET", "#H20"),
            Map.entry("BUGSNAG_KEY", "#H32"),
            Map.entry("LAMBDATEST_KEY", "LT_#A47"),
            Map.entry("EXPO_TOKEN", "#W40"),
            Map.entry("NEON_KEY", "napi_#L64"),
            Map.entry("RESEND_KEY", "re_#A8_#A24"),
            Map.entry("POSTMARK_TOKEN", "#G"),
            Map.entry("FASTLY_TOKEN", "#W32"),
            Map.entry("MIXPANEL_SECRET", "#H32"),
            Map.entry("AZURE_OPENAI_KEY", "#H32"),
            Map.entry("APPCENTER_TOKEN", "#H40"),
            Map.entry("OPSGENIE_KEY", "#G"));

    /**
     * Phone numbers of countries none of the earlier collections has, as each country writes them (the first digits
     * fixed to a mobile range the country's numbering plan lists).
     */
    static final Map<String, String> FOURTEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_BJ", "01 9#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_BF", "7#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_TG", "9#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_CD", "08#D1 #D3 #D4"),
            Map.entry("PHONE_MR", "4#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_GM", "7#D2 #D4"),
            Map.entry("PHONE_SL", "(076) #D6"),
            Map.entry("PHONE_LR", "077-#D3-#D4"),
            Map.entry("PHONE_SO", "061 #D7"),
            Map.entry("PHONE_SY", "09#D2 #D3 #D3"),
            Map.entry("PHONE_TM", "8 6#D1 #D2-#D2-#D2"),
            Map.entry("PHONE_BZ", "6#D2-#D4"),
            Map.entry("PHONE_CU", "+53 5#D3 #D4"),
            Map.entry("PHONE_LI", "66#D1 #D2 #D2"),
            Map.entry("PHONE_SC", "2 5#D2 #D3"),
            Map.entry("PHONE_CV", "9#D2 #D2 #D2"),
            Map.entry("PHONE_SZ", "76#D2 #D4"),
            Map.entry("PHONE_LS", "5#D3 #D4"),
            Map.entry("PHONE_TL", "77#D2 #D4"),
            Map.entry("PHONE_AD", "3#D2 #D3"),
            Map.entry("PHONE_GA", "06#D1 #D2 #D2 #D2"),
            Map.entry("PHONE_WS", "72 #D5"));

    private FourteenthIds() {
    }

    /** The fourteenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (FOURTEENTH_SHAPES.containsKey(name)) {
            return fakes.shape(FOURTEENTH_SHAPES.get(name));
        }
        if (FOURTEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(FOURTEENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "UID_AT": return Fakes.Fake.personal(uidAt(r));
            case "TVA_FR": return Fakes.Fake.personal(tvaFr(r));
            case "REGON_PL": return Fakes.Fake.personal(regon(r));
            case "DS_SI": return Fakes.Fake.personal(davcna(r));
            case "ADO_HU": return Fakes.Fake.personal(adoszam(r));
            case "HOUJIN_JP": return Fakes.Fake.personal(houjin(r));
            case "GSTIN_IN": return Fakes.Fake.personal(gstin(r));
            case "ORGNR_SE": return Fakes.Fake.personal(orgnrSe(r));
            default: return null;
        }
    }

    private static int crossSum(int n) {
        return n / 10 + n % 10;
    }

    /** Austria's UID: ATU, seven digits, the check (10 - (4 + S) mod 10) mod 10, S over odd places and doubled even ones. */
    static String uidAt(Random r) {
        String body = ValidIds.digits(r, 7);
        int s = 0;
        for (int i = 0; i < 7; i++) {
            int d = body.charAt(i) - '0';
            s += i % 2 == 0 ? d : crossSum(2 * d);
        }
        return "ATU" + body + (10 - (s + 4) % 10) % 10;
    }

    /** A Luhn check digit for {@code body} (the digit that makes body + it pass). */
    private static int luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = crossSum(2 * d);
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** France's TVA number: FR, the key (12 + 3 x (SIREN mod 97)) mod 97 in two digits, the SIREN (Luhn), as FR40303265045. */
    static String tvaFr(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 7);
        String siren = body + luhnDigit(body);
        int key = (int) ((12 + 3 * (Long.parseLong(siren) % 97)) % 97);
        return "FR" + String.format("%02d", key) + siren;
    }

    /** Poland's REGON: eight digits, a mod 11 check with weights 8,9,2,3,4,5,6,7 (ten written 0). */
    static String regon(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 7);
        int c = ValidIds.weighted(body, new int[]{8, 9, 2, 3, 4, 5, 6, 7}) % 11;
        return body + (c == 10 ? 0 : c);
    }

    /** Slovenia's davčna številka: seven digits (the first not 0), 11 less their mod 11 sum with weights 8..2 (0 and 1 never drawn). */
    static String davcna(Random r) {
        while (true) {
            String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 6);
            int rem = ValidIds.weighted(body, new int[]{8, 7, 6, 5, 4, 3, 2}) % 11;
            if (rem < 2) {
                continue;
            }
            return body + (11 - rem);
        }
    }

    /** Hungary's adószám: seven digits, a check with weights 9,7,3,1,9,7,3, a VAT code 1-5 and a county code, as 10597190-2-44. */
    static String adoszam(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 6);
        int c = (10 - ValidIds.weighted(body, new int[]{9, 7, 3, 1, 9, 7, 3}) % 10) % 10;
        int county = 2 + r.nextInt(43);
        return body + c + "-" + (1 + r.nextInt(5)) + "-" + String.format("%02d", county);
    }

    /** Japan's corporate number: a check 9 - (sum of twelve digits weighted 1,2 from the right) mod 9, then the twelve. */
    static String houjin(Random r) {
        String base = ValidIds.digits(r, 12);
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base;
    }

    private static final String B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** India's GSTIN: a state code, a PAN (entity letter C, P, F or H fourth), an entity number, Z, a mod 36 check. */
    static String gstin(Random r) {
        StringBuilder g = new StringBuilder(String.format("%02d", 1 + r.nextInt(37)));
        for (int i = 0; i < 3; i++) {
            g.append(UPPER.charAt(r.nextInt(26)));
        }
        g.append("CPFH".charAt(r.nextInt(4))).append(UPPER.charAt(r.nextInt(26))).append(ValidIds.digits(r, 4))
                .append(UPPER.charAt(r.nextInt(26))).append(1 + r.nextInt(9)).append('Z');
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int p = B36.indexOf(g.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += p / 36 + p % 36;
        }
        return g.append(B36.charAt((36 - sum % 36) % 36)).toString();
    }

    /** Sweden's organisationsnummer: 5, a digit, a third digit of 6 to 9, six more, a Luhn check, as 556016-0680. */
    static String orgnrSe(Random r) {
        String body = "5" + r.nextInt(10) + (6 + r.nextInt(4)) + ValidIds.digits(r, 6);
        String n = body + luhnDigit(body);
        return n.substring(0, 6) + "-" + n.substring(6);
    }
}
