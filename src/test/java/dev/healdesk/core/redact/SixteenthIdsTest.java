package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tax and business numbers {@link SixteenthIds} draws pass their check, read here by checkers written apart from the
 * generators (over the printed form, prefix included; where the generator computes a check from the body, the checker
 * runs its sum over every digit, check included, or recomputes it another way) and themselves checked on the specimen
 * numbers the public descriptions print; and a number with one digit changed fails, so the checkers can fail.
 */
class SixteenthIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    /** Germany's USt-IdNr: ISO 7064 MOD 11,10 run over all nine digits, check included, ends at 1. */
    static boolean ustIdDe(String s) {
        if (!s.matches("DE[1-9]\\d{8}")) {
            return false;
        }
        int product = 10;
        for (int i = 2; i < 10; i++) {
            int sum = (d(s, i) + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = sum * 2 % 11;
        }
        return (product + d(s, 10)) % 10 == 1;
    }

    /** Romania's CUI: the body padded to nine digits on the left, weights 7,5,3,2,1,7,5,3,2, times ten mod 11 mod 10. */
    static boolean cuiRo(String s) {
        if (!s.matches("RO[1-9]\\d{1,9}")) {
            return false;
        }
        String digits = s.substring(2);
        String padded = "0".repeat(10 - digits.length()) + digits;
        String weights = "753217532";
        int total = 0;
        for (int i = 0; i < 9; i++) {
            total += d(padded, i) * (weights.charAt(i) - '0');
        }
        return total * 10 % 11 % 10 == d(padded, 9);
    }

    /** The United Kingdom's VAT number: the 8..2 weighted sum of seven digits plus the last two is 0 or 42 mod 97. */
    static boolean vatGb(String s) {
        if (!s.matches("GB[1-9]\\d{8}")) {
            return false;
        }
        int total = Integer.parseInt(s.substring(9));
        for (int i = 0; i < 7; i++) {
            total += d(s, 2 + i) * (8 - i);
        }
        return total % 97 == 0 || (total + 55) % 97 == 0;
    }

    /** The Netherlands' btw-id: nine digits whose weights 9..2 and -1 sum to 0 mod 11, B, two digits of a branch. */
    static boolean btwNl(String s) {
        if (!s.matches("NL\\d{9}B\\d{2}") || s.endsWith("B00")) {
            return false;
        }
        int total = -d(s, 10);
        for (int i = 0; i < 8; i++) {
            total += d(s, 2 + i) * (9 - i);
        }
        return total % 11 == 0;
    }

    /** Guatemala's NIT: digits, a hyphen, the check; weights 1 (the check, K counting ten) and 2.. from the right sum to 0 mod 11. */
    static boolean nitGt(String s) {
        if (!s.matches("[1-9]\\d{0,11}-[0-9K]")) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        int total = last == 'K' ? 10 : last - '0';
        String body = s.substring(0, s.length() - 2);
        for (int i = 0; i < body.length(); i++) {
            total += d(body, body.length() - 1 - i) * (i + 2);
        }
        return total % 11 == 0;
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(ustIdDe("DE136695976"));
        assertTrue(cuiRo("RO18547290"));
        assertTrue(vatGb("GB980780684"));
        assertTrue(btwNl("NL004495445B01"));
        assertTrue(nitGt("576937-K"));
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(ustIdDe("DE136695977"));
        assertFalse(cuiRo("RO18547291"));
        assertFalse(vatGb("GB980780685"));
        assertFalse(btwNl("NL004495446B01"));
        assertFalse(nitGt("576937-9"));
        assertFalse(nitGt("576938-K"));
        assertFalse(btwNl("NL004495445B00"), "a btw-id's branch number starts at 01");
        assertFalse(vatGb("GB080780684"), "a VAT number's first digit is not 0 here");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(16, "USt-IdNr (DE)", SixteenthIds::ustIdDe, SixteenthIdsTest::ustIdDe);
        ValidIdsTest.drawsPass(16, "CUI (RO)", SixteenthIds::cuiRo, SixteenthIdsTest::cuiRo);
        ValidIdsTest.drawsPass(16, "VAT (GB)", SixteenthIds::vatGb, SixteenthIdsTest::vatGb);
        ValidIdsTest.drawsPass(16, "btw-id (NL)", SixteenthIds::btwNl, SixteenthIdsTest::btwNl);
        ValidIdsTest.drawsPass(16, "NIT (GT)", SixteenthIds::nitGt, SixteenthIdsTest::nitGt);
    }

    /** Both of the United Kingdom's schemes are drawn, so a rule that knows one alone is measured as such. */
    @Test
    void theUkVatNumbersComeInBothSchemes() {
        Random r = new Random(5);
        int first = 0;
        int later = 0;
        for (int i = 0; i < 200; i++) {
            String v = SixteenthIds.vatGb(r);
            int total = Integer.parseInt(v.substring(9));
            for (int j = 0; j < 7; j++) {
                total += d(v, 2 + j) * (8 - j);
            }
            first += total % 97 == 0 ? 1 : 0;
            later += (total + 55) % 97 == 0 ? 1 : 0;
        }
        assertTrue(first > 50 && later > 50, "first scheme " + first + ", 2010 scheme " + later);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error over the part they
     * cover (Romania's writes a remainder of ten as 0, like a remainder of 0, so one change in its body can pass; it is
     * not here).
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String de = SixteenthIds.ustIdDe(r);
            assertFalse(ustIdDe(ValidIdsTest.changeOneDigit(de, r, 2, de.length())), de);
            String gb = SixteenthIds.vatGb(r);
            assertFalse(vatGb(ValidIdsTest.changeOneDigit(gb, r, 2, gb.length())), gb);
            String nl = SixteenthIds.btwNl(r);
            assertFalse(btwNl(ValidIdsTest.changeOneDigit(nl, r, 2, 11)), nl);
            String gt = SixteenthIds.nitGt(r);
            assertFalse(nitGt(ValidIdsTest.changeOneDigit(gt, r, 0, gt.length())), gt);
        }
    }

    @Test
    void everyPlaceholderOfTheSixteenthCollectionHasAFake() {
        Fakes fakes = new Fakes(16);
        for (String name : new String[]{"USTID_DE", "CUI_RO", "VAT_GB", "BTW_NL", "NIT_GT"}) {
            Fakes.Fake f = fakes.make(name);
            assertNotNull(f, name);
            assertTrue(f.personal(), name);
        }
        for (String name : SixteenthIds.SIXTEENTH_SHAPES.keySet()) {
            assertFalse(fakes.make(name).personal(), name);
        }
        for (String name : SixteenthIds.SIXTEENTH_PERSONAL.keySet()) {
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("SHOPIFY_SHARED").value().matches("shpss_[0-9a-f]{32}"));
        assertTrue(fakes.make("SF_ACCESS_TOKEN").value().matches("00D[A-Za-z0-9]{12}!AR[A-Za-z0-9]{94}"));
    }
}
