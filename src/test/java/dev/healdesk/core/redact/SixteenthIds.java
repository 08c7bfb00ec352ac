package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the sixteenth corpus collection (families16.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. Tax and business
 * numbers pass their check, as real ones do; each layout and check was learnt from the number's public description:
 * Germany's Umsatzsteuer-Identifikationsnummer (DE, eight digits, an ISO 7064 MOD 11,10 check digit), Romania's CUI (RO,
 * two to ten digits, the last a check over weights 7,5,3,2,1,7,5,3,2 right-aligned, times ten mod 11, ten written 0), the
 * United Kingdom's VAT number (GB, seven digits and two check digits: the 8..2 weighted sum plus them is 0 mod 97, or
 * 42 mod 97 in the scheme of 2010), the Netherlands' btw-id (NL, nine digits whose 9..2 weighted sum mod 11 is the last,
 * B and a two-digit branch number) and Guatemala's NIT (digits and a mod 11 check, weights from 2 at the right, ten
 * written K). None is a real firm's number: every character but the checks is drawn from the seeded {@link Random}.
 */
final class SixteenthIds {

    /**
     * Secrets the sixteenth collection plants that no earlier collection had, as {@link Fakes#shape} specs: Shopify app
     * shared secrets and Storefront access tokens, Salesforce access tokens (an org id, '!', the session), Keycloak
     * client secrets and Seq API keys. No rule was written for them.
     */
    static final Map<String, String> SIXTEENTH_SHAPES = Map.ofEntries(
            Map.entry("SHOPIFY_SHARED", "shpss_#H32"),
            Map.entry("SHOPIFY_STOREFRONT", "#H32"),
            Map.entry("SF_ACCESS_TOKEN", "00D#A12!AR#A94"),
            Map.entry("KEYCLOAK_SECRET", "#A32"),
            Map.entry("SEQ_API_KEY", "#A20"));

    /**
     * Phone numbers of countries and territories none of the earlier collections has, as each writes them (the first
     * digits fixed to a mobile range the numbering plan lists; the small ones in their international form, the North
     * American ones with their area code in parentheses).
     */
    static final Map<String, String> SIXTEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_KI", "+686 7#D3 #D4"),
            Map.entry("PHONE_MH", "+692 45#D1-#D4"),
            Map.entry("PHONE_FM", "+691 92#D1 #D4"),
            Map.entry("PHONE_PW", "+680 77#D1 #D4"),
            Map.entry("PHONE_NR", "+674 55#D1 #D4"),
            Map.entry("PHONE_AG", "(268) 7#D2-#D4"),
            Map.entry("PHONE_DM", "(767) 27#D1-#D4"),
            Map.entry("PHONE_KN", "(869) 76#D1-#D4"),
            Map.entry("PHONE_VC", "(784) 45#D1-#D4"),
            Map.entry("PHONE_AW", "+297 56#D1 #D4"),
            Map.entry("PHONE_CW", "+599 9 5#D2 #D4"),
            Map.entry("PHONE_BM", "(441) 5#D2-#D4"),
            Map.entry("PHONE_KY", "(345) 32#D1-#D4"),
            Map.entry("PHONE_GI", "5#D3 #D4"),
            Map.entry("PHONE_IM", "07624 #D6"),
            Map.entry("PHONE_JE", "07797 #D6"),
            Map.entry("PHONE_NC", "7#D1.#D2.#D2"),
            Map.entry("PHONE_PF", "87 #D2 #D2 #D2"),
            Map.entry("PHONE_RE", "0692 #D2 #D2 #D2"));

    private SixteenthIds() {
    }

    /** The sixteenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (SIXTEENTH_SHAPES.containsKey(name)) {
            return fakes.shape(SIXTEENTH_SHAPES.get(name));
        }
        if (SIXTEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(SIXTEENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "USTID_DE": return Fakes.Fake.personal(ustIdDe(r));
            case "CUI_RO": return Fakes.Fake.personal(cuiRo(r));
            case "VAT_GB": return Fakes.Fake.personal(vatGb(r));
            case "BTW_NL": return Fakes.Fake.personal(btwNl(r));
            case "NIT_GT": return Fakes.Fake.personal(nitGt(r));
            default: return null;
        }
    }

    /** Germany's USt-IdNr: DE, eight digits (the first not 0), an ISO 7064 MOD 11,10 check digit, as DE136695976. */
    static String ustIdDe(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 7);
        int product = 10;
        for (int i = 0; i < body.length(); i++) {
            int sum = (body.charAt(i) - '0' + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }
        return "DE" + body + (11 - product) % 10;
    }

    /** Romania's CUI: RO, five to nine digits (the first not 0) and a check over 7,5,3,2,1,7,5,3,2 right-aligned, as RO18547290. */
    static String cuiRo(Random r) {
        int length = 5 + r.nextInt(5);
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, length - 1);
        int[] weights = {7, 5, 3, 2, 1, 7, 5, 3, 2};
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (body.charAt(i) - '0') * weights[weights.length - length + i];
        }
        return "RO" + body + sum * 10 % 11 % 10;
    }

    /**
     * The United Kingdom's VAT number: GB, seven digits (the first not 0) and two check digits that bring the 8..2
     * weighted sum to 0 mod 97 (the first scheme) or to 42 mod 97 (the scheme of 2010, "minus 55"), as GB980780684.
     */
    static String vatGb(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 6);
        int sum = ValidIds.weighted(body, new int[]{8, 7, 6, 5, 4, 3, 2});
        int check = r.nextBoolean() ? (97 - sum % 97) % 97 : ((42 - sum) % 97 + 97) % 97;
        return "GB" + body + String.format("%02d", check);
    }

    /** The Netherlands' btw-id: NL, eight digits, their 9..2 weighted sum mod 11 (never ten), B and 01-09, as NL004495445B01. */
    static String btwNl(Random r) {
        while (true) {
            String body = ValidIds.digits(r, 8);
            int check = ValidIds.weighted(body, new int[]{9, 8, 7, 6, 5, 4, 3, 2}) % 11;
            if (check == 10) {
                continue;
            }
            return "NL" + body + check + "B0" + (1 + r.nextInt(9));
        }
    }

    /** Guatemala's NIT: six to eight digits (the first not 0), a hyphen and a mod 11 check (weights 2.. from the right, ten K), as 576937-K. */
    static String nitGt(Random r) {
        int length = 6 + r.nextInt(3);
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, length - 1);
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (body.charAt(length - 1 - i) - '0') * (i + 2);
        }
        int check = (11 - sum % 11) % 11;
        return body + "-" + (check == 10 ? "K" : String.valueOf(check));
    }
}
