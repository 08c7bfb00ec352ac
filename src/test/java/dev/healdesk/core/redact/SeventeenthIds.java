package dev.healdesk.core.redact;

import java.util.Map;
import java.util.Random;

/**
 * The fakes the seventeenth corpus collection (families17.py) plants that no earlier collection had, in a class of their
 * own so that {@link Fakes} and the earlier collections' classes return what they always returned. National and business
 * numbers pass their check, as real ones do; each layout and check was learnt from the number's public description:
 * France's NIR (a sex digit, year, month, departement, commune, order and a key of 97 minus the 13 digits mod 97),
 * Australia's ACN (eight digits weighted 8..1, the check the complement of the sum mod 10), Russia's OGRN (thirteen
 * digits, the last the first twelve mod 11 mod 10), Turkey's VKN (ten digits, each of the first nine shifted, doubled by
 * its place mod 9, the check the complement of the sum mod 10) and Ukraine's EDRPOU code (eight digits, weights 1..7 or
 * 7,1..6 by range, a second pass with weights two higher when the first leaves ten). None is a real person's or firm's
 * number: every character but the checks is drawn from the seeded {@link Random}.
 */
final class SeventeenthIds {

    /**
     * Secrets the seventeenth collection plants that no earlier collection had, as {@link Fakes#shape} specs: GitLab's
     * pipeline trigger tokens and deploy tokens, the Sidekiq Pro/Enterprise gem credentials (Bundler's
     * user:password for the gem server), RabbitMQ's Erlang cookie and GitLab's agent tokens. No rule was written for
     * them.
     */
    static final Map<String, String> SEVENTEENTH_SHAPES = Map.ofEntries(
            Map.entry("GITLAB_TRIGGER", "glptt-#H40"),
            Map.entry("GITLAB_DEPLOY", "gldt-#W20"),
            Map.entry("SIDEKIQ_CREDS", "#H8:#H8"),
            Map.entry("ERLANG_COOKIE", "#U20"),
            Map.entry("GITLAB_AGENT", "glagent-#W50"));

    /**
     * Phone numbers of countries and territories none of the earlier collections has, as each writes them (the first
     * digits fixed to a mobile range the numbering plan lists; the small ones in their international form, the North
     * American ones with their area code, the French overseas ones in their national groups of two).
     */
    static final Map<String, String> SEVENTEENTH_PERSONAL = Map.ofEntries(
            Map.entry("PHONE_TV", "+688 90#D4"),
            Map.entry("PHONE_CK", "+682 5#D1 #D3"),
            Map.entry("PHONE_NU", "+683 7#D3"),
            Map.entry("PHONE_GU", "(671) 48#D1-#D4"),
            Map.entry("PHONE_MP", "(670) 28#D1-#D4"),
            Map.entry("PHONE_AS", "(684) 25#D1-#D4"),
            Map.entry("PHONE_PR", "(787) 5#D2-#D4"),
            Map.entry("PHONE_VI", "(340) 77#D1-#D4"),
            Map.entry("PHONE_VG", "(284) 49#D1-#D4"),
            Map.entry("PHONE_AI", "(264) 58#D1-#D4"),
            Map.entry("PHONE_MS", "(664) 49#D1-#D4"),
            Map.entry("PHONE_TC", "(649) 23#D1-#D4"),
            Map.entry("PHONE_SX", "(721) 58#D1-#D4"),
            Map.entry("PHONE_GG", "07781 #D6"),
            Map.entry("PHONE_FK", "+500 5#D4"),
            Map.entry("PHONE_SH", "+290 5#D4"),
            Map.entry("PHONE_GP", "0690 #D2 #D2 #D2"),
            Map.entry("PHONE_MQ", "0696 #D2 #D2 #D2"),
            Map.entry("PHONE_GF", "0694 #D2 #D2 #D2"),
            Map.entry("PHONE_YT", "0639 #D2 #D2 #D2"),
            Map.entry("PHONE_PM", "+508 55 #D2 #D2"),
            Map.entry("PHONE_WF", "+681 82 #D2 #D2"));

    private SeventeenthIds() {
    }

    /** The seventeenth collection's fake for {@code name}, or null where it is not one of them. */
    static Fakes.Fake make(String name, Random r, Fakes fakes) {
        if (SEVENTEENTH_SHAPES.containsKey(name)) {
            return fakes.shape(SEVENTEENTH_SHAPES.get(name));
        }
        if (SEVENTEENTH_PERSONAL.containsKey(name)) {
            return Fakes.Fake.personal(fakes.shape(SEVENTEENTH_PERSONAL.get(name)).value());
        }
        switch (name) {
            case "NIR_FR": return Fakes.Fake.personal(nirFr(r));
            case "ACN_AU": return Fakes.Fake.personal(acnAu(r));
            case "OGRN_RU": return Fakes.Fake.personal(ogrnRu(r));
            case "VKN_TR": return Fakes.Fake.personal(vknTr(r));
            case "EDRPOU_UA": return Fakes.Fake.personal(edrpouUa(r));
            default: return null;
        }
    }

    /**
     * France's NIR as printed in groups: sex (1 or 2), year, month 01-12, a departement 01-95 but 20 (Corsica's 2A/2B
     * are not drawn), commune, order, and the key 97 - (the 13 digits mod 97), as 2 95 10 99 126 111 93.
     */
    static String nirFr(Random r) {
        int dept;
        do {
            dept = 1 + r.nextInt(95);
        } while (dept == 20);
        String body = (1 + r.nextInt(2)) + ValidIds.digits(r, 2) + String.format("%02d", 1 + r.nextInt(12))
                + String.format("%02d", dept) + String.format("%03d", 1 + r.nextInt(999))
                + String.format("%03d", 1 + r.nextInt(999));
        long key = 97 - Long.parseLong(body) % 97;
        return body.charAt(0) + " " + body.substring(1, 3) + " " + body.substring(3, 5) + " " + body.substring(5, 7)
                + " " + body.substring(7, 10) + " " + body.substring(10, 13) + " " + String.format("%02d", key);
    }

    /** Australia's ACN in groups of three: eight digits, weights 8..1, the check (10 - sum mod 10) mod 10, as 004 085 616. */
    static String acnAu(Random r) {
        String body = ValidIds.digits(r, 8);
        int check = (10 - ValidIds.weighted(body, new int[]{8, 7, 6, 5, 4, 3, 2, 1}) % 10) % 10;
        String all = body + check;
        return all.substring(0, 3) + " " + all.substring(3, 6) + " " + all.substring(6);
    }

    /** Russia's OGRN of a legal person: 1 or 5, twelve more digits of which the last is the first twelve mod 11 mod 10, as 1127746509780. */
    static String ogrnRu(Random r) {
        String body = (r.nextBoolean() ? "1" : "5") + ValidIds.digits(r, 11);
        return body + Long.parseLong(body) % 11 % 10;
    }

    /** Turkey's VKN: nine digits and a check over them (each shifted by 9 - i, times 2^(9-i) mod 9, nine for a non-zero 0), as 4540536920. */
    static String vknTr(Random r) {
        String body = ValidIds.digits(r, 9);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int shifted = (body.charAt(i) - '0' + 9 - i) % 10;
            if (shifted != 0) {
                int v = shifted * (1 << (9 - i)) % 9;
                sum += v == 0 ? 9 : v;
            }
        }
        return body + (10 - sum % 10) % 10;
    }

    /**
     * Ukraine's EDRPOU code: seven digits (the first not 0) and a check: weights 1..7, or 7,1..6 for codes from 30000000 to
     * 59999999; the sum mod 11, and where that is ten, the same with weights two higher, mod 11 mod 10; as 32855961.
     */
    static String edrpouUa(Random r) {
        String body = (1 + r.nextInt(9)) + ValidIds.digits(r, 6);
        int[] weights = body.charAt(0) >= '3' && body.charAt(0) <= '5'
                ? new int[]{7, 1, 2, 3, 4, 5, 6} : new int[]{1, 2, 3, 4, 5, 6, 7};
        int check = ValidIds.weighted(body, weights) % 11;
        if (check == 10) {
            int[] higher = new int[7];
            for (int i = 0; i < 7; i++) {
                higher[i] = weights[i] + 2;
            }
            check = ValidIds.weighted(body, higher) % 11 % 10;
        }
        return body + check;
    }
}
