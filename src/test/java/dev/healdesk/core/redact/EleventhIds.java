package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the eleventh corpus collection (families11.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and {@link ValidIds} return what they always returned. National numbers pass their country's
 * check, as real ones do; each layout and check was learnt from the number's public specification: Germany's
 * Steuer-Identifikationsnummer (ISO 7064 MOD 11,10, one digit twice among the first ten), Norway's fødselsnummer (two
 * mod 11 checks, weights 3,7,6,1,8,9,4,5,2 and 5,4,3,2,7,6,5,4,3,2), China's resident identity number (ISO 7064 MOD 11-2,
 * X for 10), the UK's NHS number (mod 11, weights 10..2, a 10 never issued), Australia's Medicare number (weights
 * 1,3,7,9,1,3,7,9 mod 10), Brazil's CNPJ (two mod 11 checks), Kazakhstan's IIN (weights 1..11, then 3..11,1,2), the
 * Dominican Republic's cédula (Luhn over ten digits), Thailand's national id (mod 11, weights 13..2), Russia's personal
 * INN (two checks), and IBANs of countries the earlier collections lack (ISO 13616 mod 97). None is a real person's
 * number: every digit but the checks is drawn from the seeded {@link Random}.
 */
final class EleventhIds {

    /**
     * Secrets the eleventh collection plants that no earlier collection had, as {@link Fakes#shape} specs: Hasura admin
     * secrets, Clerk secret keys, Razorpay key secrets, Mollie API keys, Braintree private keys, PayPal client secrets,
     * Inngest signing keys, Cognito app client secrets, Meilisearch master keys, Typesense API keys, Linode and Hetzner
     * Cloud tokens, Scaleway secret keys, Strapi API tokens, Directus static tokens, Cloudflare API tokens (wrangler),
     * Mattermost incoming-webhook ids, Mailtrap API tokens, Adyen API keys, a Symfony APP_SECRET, Laravel session cookies,
     * Artillery Cloud keys, Semaphore and Codefresh API tokens, Authelia secrets, Upstash REST
     * tokens, Appwrite API keys. No rule was written for them.
     */
    static final Map<String, String> ELEVENTH_SHAPES = Map.ofEntries(
            Map.entry("HASURA_ADMIN", "#A32"),
            Map.entry("CLERK_SK", "sk_test_#A40"),
            Map.entry("RAZORPAY_ID", "rzp_test_#A14"),
            Map.entry("RAZORPAY_SECRET", "#A24"),
            Map.entry("MOLLIE_KEY", "test_#A30"),
            Map.entry("BRAINTREE_PRIVATE", "#H32"),
            Map.entry("PAYPAL_SECRET", "E#W79"),
            Map.entry("INNGEST_SIGNING", "signkey-prod-#H64"),
            Map.entry("COGNITO_SECRET", "#L52"),
            Map.entry("MEILI_MASTER", "#W32"),
            Map.entry("TYPESENSE_KEY", "#A32"),
            Map.entry("LINODE_TOKEN", "#H64"),
            Map.entry("HCLOUD_TOKEN", "#A64"),
            Map.entry("SCW_SECRET", "#G"),
            Map.entry("STRAPI_TOKEN", "#H256"),
            Map.entry("DIRECTUS_TOKEN", "#W32"),
            Map.entry("CF_API_TOKEN", "#W40"),
            Map.entry("MATTERMOST_HOOK", "#L26"),
            Map.entry("MAILTRAP_TOKEN", "#H32"),
            Map.entry("ADYEN_KEY", "AQE#W40.#W60"),
            Map.entry("SYMFONY_SECRET", "#H32"),
            Map.entry("LARAVEL_SESSION", "eyJpdiI6I#B180%3D"),
            Map.entry("ARTILLERY_KEY", "a9_#A40"),
            Map.entry("SEMAPHORE_TOKEN", "#A20"),
            Map.entry("CODEFRESH_KEY", "#H24.#H32"),
            Map.entry("AUTHELIA_KEY", "#A64"),
            Map.entry("UPSTASH_TOKEN", "A#W58="),
            Map.entry("APPWRITE_KEY", "standard_#H256"));

    /** Phone numbers of countries no earlier collection has, as those countries write them (the whole value is personal). */
    static final Map<String, String> ELEVENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_KZ", "8 701 #D3 #D2 #D2"),
            Map.entry("PHONE_GE", "5#D2 #D2 #D2 #D2"),
            Map.entry("PHONE_KW", "9#D3 #D4"),
            Map.entry("PHONE_QA", "3#D3 #D4"),
            Map.entry("PHONE_JO", "07 9#D3 #D4"),
            Map.entry("PHONE_LB", "03 #D3 #D3"),
            Map.entry("PHONE_TN", "2#D1 #D3 #D3"),
            Map.entry("PHONE_LK", "077 #D3 #D4"),
            Map.entry("PHONE_NP", "98#D8"),
            Map.entry("PHONE_DO", "(809) #D3-#D4"),
            Map.entry("PHONE_CR", "8#D3-#D4"),
            Map.entry("PHONE_GT", "5#D3 #D4"),
            Map.entry("PHONE_PA", "6#D3-#D4"),
            Map.entry("PHONE_BO", "7#D7"),
            Map.entry("PHONE_PY", "0981 #D6"),
            Map.entry("PHONE_VE", "0412-#D7"),
            Map.entry("PHONE_TZ", "0754 #D3 #D3"),
            Map.entry("PHONE_UG", "0772 #D6"),
            Map.entry("PHONE_ET", "091 #D3 #D4"),
            Map.entry("PHONE_SN", "77 #D3 #D2 #D2"),
            Map.entry("PHONE_JM", "(876) #D3-#D4"),
            Map.entry("PHONE_BA", "061 #D3 #D3"),
            Map.entry("PHONE_MK", "070 #D3 #D3"),
            Map.entry("PHONE_AL", "069 #D3 #D4"),
            Map.entry("PHONE_MD", "069 #D3 #D3"),
            Map.entry("PHONE_AM", "091 #D6"),
            Map.entry("PHONE_AZ", "050 #D3 #D2 #D2"),
            Map.entry("PHONE_UZ", "90 #D3 #D2 #D2"),
            Map.entry("PHONE_MN", "9911 #D4"),
            Map.entry("PHONE_KH", "012 #D3 #D3"));

    /** IBAN layouts (country, bank code, digits) of countries the earlier collections lack. */
    private static final String[][] IBANS = {{"NO", "", "11"}, {"PL", "", "24"}, {"CH", "", "17"}, {"CZ", "", "20"},
            {"HU", "", "24"}, {"DK", "", "14"}, {"FI", "", "14"}, {"SE", "", "20"}, {"AT", "", "16"}, {"BE", "", "12"},
            {"GR", "", "23"}, {"IL", "", "19"}, {"GE", "NB", "16"}, {"KZ", "", "16"}, {"UA", "", "25"}, {"AE", "", "19"},
            {"QA", "QNBA", "21"}, {"KW", "NBOK", "22"}, {"CR", "", "18"}, {"DO", "BAGR", "20"}, {"AZ", "NABZ", "20"},
            {"AL", "", "24"}, {"MK", "", "15"}, {"BA", "", "16"}};

    private EleventhIds() {
    }

    /** The eleventh collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (ELEVENTH_SHAPES.containsKey(name)) {
            return fakes.shape(ELEVENTH_SHAPES.get(name));
        }
        if (ELEVENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(ELEVENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "STEUER_DE": return Fakes.Fake.personal(steuerId(r));
            case "FNR_NO": return Fakes.Fake.personal(fodselsnummer(r));
            case "RID_CN": return Fakes.Fake.personal(residentCn(r));
            case "NHS_UK": return Fakes.Fake.personal(nhs(r));
            case "MEDICARE_AU": return Fakes.Fake.personal(medicare(r));
            case "CNPJ_BR": return Fakes.Fake.personal(cnpj(r));
            case "IIN_KZ": return Fakes.Fake.personal(iin(r));
            case "CED_DO": return Fakes.Fake.personal(cedulaDo(r));
            case "TH_ID": return Fakes.Fake.personal(thai(r));
            case "INN_RU": return Fakes.Fake.personal(innRu(r));
            case "IBAN11": return Fakes.Fake.personal(ValidIds.iban(r, IBANS[r.nextInt(IBANS.length)]));
            case "IBAN11_SPACED":
                return Fakes.Fake.personal(Fakes.group(ValidIds.iban(r, IBANS[r.nextInt(IBANS.length)]), " "));
            default: return null;
        }
    }

    /** ISO 7064 MOD 11,10 check digit of {@code body}. */
    static int mod1110(String body) {
        int a = 10;
        for (int i = 0; i < body.length(); i++) {
            a = (a + body.charAt(i) - '0') % 10;
            if (a == 0) {
                a = 10;
            }
            a = (a * 2) % 11;
        }
        int c = 11 - a;
        return c == 10 ? 0 : c;
    }

    /** Germany's Steuer-IdNr: eleven digits, no leading 0, one digit twice among the first ten, MOD 11,10 last. */
    static String steuerId(Random r) {
        java.util.List<Character> pool = new java.util.ArrayList<>();
        for (char c = '0'; c <= '9'; c++) {
            pool.add(c);
        }
        java.util.Collections.shuffle(pool, r);
        // nine distinct digits and one of them again: ten digits, exactly one repeated
        java.util.List<Character> body = new java.util.ArrayList<>(pool.subList(0, 9));
        body.add(body.get(r.nextInt(9)));
        do {
            java.util.Collections.shuffle(body, r);
        } while (body.get(0) == '0');
        StringBuilder b = new StringBuilder();
        body.forEach(b::append);
        return b.toString() + mod1110(b.toString());
    }

    /** Norway's fødselsnummer: DDMMYY, a three-digit individual number and two mod 11 checks (an 10 never issued). */
    static String fodselsnummer(Random r) {
        while (true) {
            String body = String.format("%02d%02d%02d", 1 + r.nextInt(28), 1 + r.nextInt(12), r.nextInt(100))
                    + ValidIds.digits(r, 3);
            int k1 = 11 - ValidIds.weighted(body, new int[]{3, 7, 6, 1, 8, 9, 4, 5, 2}) % 11;
            k1 = k1 == 11 ? 0 : k1;
            if (k1 == 10) {
                continue;
            }
            body += k1;
            int k2 = 11 - ValidIds.weighted(body, new int[]{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) % 11;
            k2 = k2 == 11 ? 0 : k2;
            if (k2 == 10) {
                continue;
            }
            return body + k2;
        }
    }

    /** China's resident identity number: region, YYYYMMDD, sequence, ISO 7064 MOD 11-2 (X for 10). */
    static String residentCn(Random r) {
        String[] regions = {"110101", "310104", "440305", "510107", "330106"};
        String body = regions[r.nextInt(regions.length)] + String.format("%04d%02d%02d", 1950 + r.nextInt(55),
                1 + r.nextInt(12), 1 + r.nextInt(28)) + ValidIds.digits(r, 3);
        int sum = ValidIds.weighted(body, new int[]{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2});
        int c = (12 - sum % 11) % 11;
        return body + (c == 10 ? "X" : String.valueOf(c));
    }

    /** The UK's NHS number: nine digits and a mod 11 check (weights 10..2; 11 written 0, 10 never issued), as 3 3 4. */
    static String nhs(Random r) {
        while (true) {
            String body = (4 + r.nextInt(6)) + ValidIds.digits(r, 8);
            int c = 11 - ValidIds.weighted(body, new int[]{10, 9, 8, 7, 6, 5, 4, 3, 2}) % 11;
            c = c == 11 ? 0 : c;
            if (c == 10) {
                continue;
            }
            String n = body + c;
            return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
        }
    }

    /** Australia's Medicare card number: 2-6 first, seven digits, a check (weights 1,3,7,9,1,3,7,9 mod 10), issue number. */
    static String medicare(Random r) {
        String body = (2 + r.nextInt(5)) + ValidIds.digits(r, 7);
        int c = ValidIds.weighted(body, new int[]{1, 3, 7, 9, 1, 3, 7, 9}) % 10;
        String n = body + c + (1 + r.nextInt(9));
        return n.substring(0, 4) + " " + n.substring(4, 9) + " " + n.substring(9);
    }

    /** Brazil's CNPJ: eight digits, branch 0001, two mod 11 checks, written 12.345.678/0001-95. */
    static String cnpj(Random r) {
        String body = ValidIds.digits(r, 8) + "0001";
        int[] w1 = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int d1 = ValidIds.weighted(body, w1) % 11;
        d1 = d1 < 2 ? 0 : 11 - d1;
        body += d1;
        int[] w2 = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        int d2 = ValidIds.weighted(body, w2) % 11;
        d2 = d2 < 2 ? 0 : 11 - d2;
        String n = body + d2;
        return n.substring(0, 2) + "." + n.substring(2, 5) + "." + n.substring(5, 8) + "/" + n.substring(8, 12) + "-"
                + n.substring(12);
    }

    /** Kazakhstan's IIN: YYMMDD, century-and-sex digit, four digits, check by weights 1..11 (then 3..11,1,2; 10 never issued). */
    static String iin(Random r) {
        while (true) {
            String body = String.format("%02d%02d%02d", r.nextInt(100), 1 + r.nextInt(12), 1 + r.nextInt(28))
                    + (3 + r.nextInt(4)) + ValidIds.digits(r, 4);
            int c = ValidIds.weighted(body, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) % 11;
            if (c == 10) {
                c = ValidIds.weighted(body, new int[]{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}) % 11;
                if (c == 10) {
                    continue;
                }
            }
            return body + c;
        }
    }

    /** The Dominican Republic's cédula: 001-1234567-8, the last digit a Luhn check over the ten before it. */
    static String cedulaDo(Random r) {
        String n = Fakes.luhn("0" + String.format("%02d", 1 + r.nextInt(40)) + ValidIds.digits(r, 7));
        return n.substring(0, 3) + "-" + n.substring(3, 10) + "-" + n.substring(10);
    }

    /** Thailand's national id: thirteen digits, the last (11 - sum mod 11) mod 10 over weights 13..2, as 1-2345-67890-12-3. */
    static String thai(Random r) {
        String body = (1 + r.nextInt(8)) + ValidIds.digits(r, 11);
        int c = (11 - ValidIds.weighted(body, new int[]{13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2}) % 11) % 10;
        String n = body + c;
        return n.charAt(0) + "-" + n.substring(1, 5) + "-" + n.substring(5, 10) + "-" + n.substring(10, 12) + "-"
                + n.substring(12);
    }

    /** Russia's INN of a person: ten digits and two checks (mod 11, then mod 10). */
    static String innRu(Random r) {
        String body = String.format("%02d", 1 + r.nextInt(89)) + ValidIds.digits(r, 8);
        int c1 = ValidIds.weighted(body, new int[]{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) % 11 % 10;
        body += c1;
        int c2 = ValidIds.weighted(body, new int[]{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) % 11 % 10;
        return body + c2;
    }
}
