package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national, tax and business numbers {@link ThirteenthIds} draws pass their check, read here by checkers written
 * apart from the generators (over the printed form, separators included) and themselves checked on specimen numbers the
 * public descriptions print; and a number with one digit changed fails, so the checkers can fail.
 */
class ThirteenthIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    private static int sum(String n, int[] w) {
        int s = 0;
        for (int i = 0; i < w.length; i++) {
            s += d(n, i) * w[i];
        }
        return s;
    }

    static boolean nie(String s) {
        if (!s.matches("[XYZ]\\d{7}[A-Z]")) {
            return false;
        }
        long n = Long.parseLong("XYZ".indexOf(s.charAt(0)) + s.substring(1, 8));
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt((int) (n % 23)) == s.charAt(8);
    }

    static boolean orgnr(String s) {
        if (!s.matches("[89]\\d{2} \\d{3} \\d{3}") && !s.matches("[89]\\d{8}")) {
            return false;
        }
        String n = digits(s);
        return sum(n, new int[]{3, 2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
    }

    static boolean ytunnus(String s) {
        if (!s.matches("\\d{7}-\\d")) {
            return false;
        }
        String n = digits(s);
        int rem = sum(n, new int[]{7, 9, 10, 5, 8, 4, 2}) % 11;
        return rem != 1 && d(n, 7) == (rem == 0 ? 0 : 11 - rem);
    }

    static boolean ico(String s) {
        if (!s.matches("\\d{8}")) {
            return false;
        }
        int rem = sum(s, new int[]{8, 7, 6, 5, 4, 3, 2}) % 11;
        int c = rem == 0 ? 1 : rem == 1 ? 0 : 11 - rem;
        return d(s, 7) == c;
    }

    static boolean cvr(String s) {
        return s.matches("[1-9]\\d{7}") && sum(s, new int[]{2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
    }

    static boolean uid(String s) {
        if (!s.matches("CHE-\\d{3}\\.\\d{3}\\.\\d{3}")) {
            return false;
        }
        String n = digits(s);
        int c = 11 - sum(n, new int[]{5, 4, 3, 2, 7, 6, 5, 4}) % 11;
        return c != 10 && d(n, 8) == (c == 11 ? 0 : c);
    }

    static boolean kbo(String s) {
        if (!s.matches("[01]\\d{3}\\.\\d{3}\\.\\d{3}")) {
            return false;
        }
        String n = digits(s);
        return 97 - Long.parseLong(n.substring(0, 8)) % 97 == Long.parseLong(n.substring(8));
    }

    static boolean piva(String s) {
        return s.matches("\\d{11}") && ValidIdsTest.luhn(s);
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(nie("X1234567L"));
        assertTrue(orgnr("974 760 673"));
        assertTrue(ytunnus("0112038-9"));
        assertTrue(ico("45274649"));
        assertTrue(cvr("13585628"));
        assertTrue(uid("CHE-116.281.710"));
        assertTrue(kbo("0403.170.701"));
        assertTrue(piva("00743110157"));
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(nie("X1234567M"));
        assertFalse(orgnr("974 760 674"));
        assertFalse(ytunnus("0112038-8"));
        assertFalse(ico("45274648"));
        assertFalse(cvr("13585629"));
        assertFalse(uid("CHE-116.281.711"));
        assertFalse(kbo("0403.170.702"));
        assertFalse(piva("00743110158"));
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(13, "NIE", ThirteenthIds::nie, ThirteenthIdsTest::nie);
        ValidIdsTest.drawsPass(13, "organisasjonsnummer", ThirteenthIds::orgnr, ThirteenthIdsTest::orgnr);
        ValidIdsTest.drawsPass(13, "Y-tunnus", ThirteenthIds::ytunnus, ThirteenthIdsTest::ytunnus);
        ValidIdsTest.drawsPass(13, "ICO", ThirteenthIds::ico, ThirteenthIdsTest::ico);
        ValidIdsTest.drawsPass(13, "CVR", ThirteenthIds::cvr, ThirteenthIdsTest::cvr);
        ValidIdsTest.drawsPass(13, "UID", ThirteenthIds::uid, ThirteenthIdsTest::uid);
        ValidIdsTest.drawsPass(13, "enterprise number", ThirteenthIds::kbo, ThirteenthIdsTest::kbo);
        ValidIdsTest.drawsPass(13, "partita IVA", ThirteenthIds::piva, ThirteenthIdsTest::piva);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error (the mod 11 checks
     * that write two remainders alike, ICO's (11 - r) mod 10, are not here).
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            assertFalse(orgnr(ValidIdsTest.changeOneDigit(ThirteenthIds.orgnr(r), r)));
            assertFalse(ytunnus(ValidIdsTest.changeOneDigit(ThirteenthIds.ytunnus(r), r)));
            assertFalse(cvr(ValidIdsTest.changeOneDigit(ThirteenthIds.cvr(r), r)));
            assertFalse(uid(ValidIdsTest.changeOneDigit(ThirteenthIds.uid(r), r)));
            assertFalse(kbo(ValidIdsTest.changeOneDigit(ThirteenthIds.kbo(r), r)));
            assertFalse(piva(ValidIdsTest.changeOneDigit(ThirteenthIds.piva(r), r)));
            assertFalse(nie(ValidIdsTest.changeOneDigit(ThirteenthIds.nie(r), r)));
        }
    }

    @Test
    void everyPlaceholderOfTheThirteenthCollectionHasAFake() {
        Fakes fakes = new Fakes(13);
        for (String name : new String[]{"NIE_ES", "ORGNR_NO", "YTUNNUS_FI", "ICO_CZ", "CVR_DK", "UID_CH", "KBO_BE", "PIVA_IT",
                "PHONE_HT", "PHONE_BB", "TWILIO_API_KEY", "SENTRY_DSN_KEY"}) {
            assertNotNull(fakes.make(name), name);
        }
        assertTrue(fakes.make("PHONE_HT").personal());
        assertFalse(fakes.make("TWILIO_API_KEY").personal());
    }
}
