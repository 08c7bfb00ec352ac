package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national and business numbers {@link SeventeenthIds} draws pass their check, read here by checkers written apart
 * from the generators (over the printed form, separators included; where the generator computes a check from the body,
 * the checker runs its sum over every digit, check included, or recomputes it another way) and themselves checked on the
 * specimen numbers the public descriptions print; and a number with one digit changed fails, so the checkers can fail.
 */
class SeventeenthIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    /** France's NIR: the 13 digits plus the key are 0 mod 97 (BigInteger over all fifteen, not the generator's long). */
    static boolean nirFr(String s) {
        if (!s.matches("[12] \\d{2} (0[1-9]|1[0-2]) \\d{2} \\d{3} \\d{3} \\d{2}")) {
            return false;
        }
        String digits = s.replace(" ", "");
        BigInteger body = new BigInteger(digits.substring(0, 13));
        int key = Integer.parseInt(digits.substring(13));
        return key >= 1 && key <= 97 && body.add(BigInteger.valueOf(key)).mod(BigInteger.valueOf(97)).signum() == 0;
    }

    /** Australia's ACN: weights 8..1 on the first eight, the check added, the total 0 mod 10. */
    static boolean acnAu(String s) {
        if (!s.matches("\\d{3} \\d{3} \\d{3}")) {
            return false;
        }
        String digits = s.replace(" ", "");
        int total = d(digits, 8);
        for (int i = 0; i < 8; i++) {
            total += d(digits, i) * (8 - i);
        }
        return total % 10 == 0;
    }

    /** Russia's OGRN: the first twelve digits, read as a number, less the check, divisible by 11 up to a last 10 written 0. */
    static boolean ogrnRu(String s) {
        if (!s.matches("[15]\\d{12}")) {
            return false;
        }
        long head = 0;
        for (int i = 0; i < 12; i++) {
            head = (head * 10 + d(s, i)) % 11;
        }
        return head % 10 == d(s, 12);
    }

    /** Turkey's VKN: the place-weighted sum of the nine digits plus the check is 0 mod 10 (the sum counted from the right). */
    static boolean vknTr(String s) {
        if (!s.matches("\\d{10}")) {
            return false;
        }
        int total = d(s, 9);
        for (int place = 1; place <= 9; place++) {
            int c1 = (d(s, 9 - place) + place) % 10;
            if (c1 != 0) {
                int c2 = BigInteger.TWO.pow(place).multiply(BigInteger.valueOf(c1)).mod(BigInteger.valueOf(9)).intValue();
                total += c2 == 0 ? 9 : c2;
            }
        }
        return total % 10 == 0;
    }

    /** Ukraine's EDRPOU: the range decides the weights (read as a number), a second pass with weights two higher. */
    static boolean edrpouUa(String s) {
        if (!s.matches("\\d{8}")) {
            return false;
        }
        long code = Long.parseLong(s);
        String w = code >= 30_000_000L && code < 60_000_000L ? "7123456" : "1234567";
        int total = 0;
        int again = 0;
        for (int i = 0; i < 7; i++) {
            total += d(s, i) * (w.charAt(i) - '0');
            again += d(s, i) * (w.charAt(i) - '0' + 2);
        }
        int check = total % 11 < 10 ? total % 11 : again % 11 % 10;
        return check == d(s, 7);
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(nirFr("2 95 10 99 126 111 93"));
        assertTrue(acnAu("004 085 616"));
        assertTrue(acnAu("000 000 019"));
        assertTrue(ogrnRu("1127746509780"));
        assertTrue(ogrnRu("1027812400868"));
        assertTrue(vknTr("4540536920"));
        assertTrue(edrpouUa("32855961"));
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(nirFr("2 95 10 99 126 111 99"));
        assertFalse(nirFr("2 95 13 99 126 111 93"), "a NIR's month is 01-12");
        assertFalse(acnAu("004 085 617"));
        assertFalse(ogrnRu("1127746509781"));
        assertFalse(vknTr("4540536921"));
        assertFalse(edrpouUa("32855962"));
        assertFalse(edrpouUa("32855971"));
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(17, "NIR (FR)", SeventeenthIds::nirFr, SeventeenthIdsTest::nirFr);
        ValidIdsTest.drawsPass(17, "ACN (AU)", SeventeenthIds::acnAu, SeventeenthIdsTest::acnAu);
        ValidIdsTest.drawsPass(17, "OGRN (RU)", SeventeenthIds::ogrnRu, SeventeenthIdsTest::ogrnRu);
        ValidIdsTest.drawsPass(17, "VKN (TR)", SeventeenthIds::vknTr, SeventeenthIdsTest::vknTr);
        ValidIdsTest.drawsPass(17, "EDRPOU (UA)", SeventeenthIds::edrpouUa, SeventeenthIdsTest::edrpouUa);
    }

    /** Both of the EDRPOU code's weight sets are drawn, and codes whose first pass leaves ten, so each branch is measured. */
    @Test
    void theEdrpouCodesComeFromBothRangesAndBothPasses() {
        Random r = new Random(5);
        int middle = 0;
        int outside = 0;
        int secondPass = 0;
        for (int i = 0; i < 2000; i++) {
            String v = SeventeenthIds.edrpouUa(r);
            boolean mid = v.charAt(0) >= '3' && v.charAt(0) <= '5';
            middle += mid ? 1 : 0;
            outside += mid ? 0 : 1;
            String w = mid ? "7123456" : "1234567";
            int total = 0;
            for (int j = 0; j < 7; j++) {
                total += d(v, j) * (w.charAt(j) - '0');
            }
            secondPass += total % 11 == 10 ? 1 : 0;
        }
        assertTrue(middle > 300 && outside > 300 && secondPass > 50,
                "middle " + middle + ", outside " + outside + ", second pass " + secondPass);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error over the part they
     * cover (the OGRN's and the EDRPOU's write a remainder of ten as 0, and the VKN's maps two places alike, so one change
     * can pass them; they are not here).
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String nir = SeventeenthIds.nirFr(r);
            assertFalse(nirFr(ValidIdsTest.changeOneDigit(nir, r, 7, nir.length())), nir);
            String acn = SeventeenthIds.acnAu(r);
            assertFalse(acnAu(ValidIdsTest.changeOneDigit(acn, r)), acn);
        }
    }

    @Test
    void everyPlaceholderOfTheSeventeenthCollectionHasAFake() {
        Fakes fakes = new Fakes(17);
        for (String name : new String[]{"NIR_FR", "ACN_AU", "OGRN_RU", "VKN_TR", "EDRPOU_UA"}) {
            Fakes.Fake f = fakes.make(name);
            assertNotNull(f, name);
            assertTrue(f.personal(), name);
        }
        for (String name : SeventeenthIds.SEVENTEENTH_SHAPES.keySet()) {
            assertFalse(fakes.make(name).personal(), name);
        }
        for (String name : SeventeenthIds.SEVENTEENTH_PERSONAL.keySet()) {
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("GITLAB_TRIGGER").value().matches("glptt-[0-9a-f]{40}"));
        assertTrue(fakes.make("SIDEKIQ_CREDS").value().matches("[0-9a-f]{8}:[0-9a-f]{8}"));
    }
}
