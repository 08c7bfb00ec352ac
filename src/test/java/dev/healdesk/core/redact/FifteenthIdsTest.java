package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tax and business numbers {@link FifteenthIds} draws pass their check, read here by checkers written apart from the
 * generators (over the printed form, prefix included: a sum over every digit, check digits too, where the generator
 * computes the check from the body) and themselves checked on the specimen numbers the public descriptions print; and a
 * number with one digit changed fails, so the checkers can fail.
 */
class FifteenthIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    /** The sum of {@code s}'s digits from {@code from} on, each times its weight. */
    private static int sum(String s, int from, int... weights) {
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += d(s, from + i) * weights[i];
        }
        return total;
    }

    static boolean tvaLu(String s) {
        return s.matches("LU\\d{8}") && Integer.parseInt(s.substring(2, 8)) % 89 == Integer.parseInt(s.substring(8));
    }

    static boolean cifEs(String s) {
        if (!s.matches("[ABCDEFGHJNPQRSUVW]\\d{7}[0-9A-J]")) {
            return false;
        }
        int total = 0;
        for (int i = 1; i <= 7; i++) {
            int v = d(s, i);
            if (i % 2 == 1) {
                v *= 2;
                v = v / 10 + v % 10;
            }
            total += v;
        }
        int control = (10 - total % 10) % 10;
        char last = s.charAt(8);
        return last == (char) ('0' + control) || last == "JABCDEFGHI".charAt(control);
    }

    static boolean kmkrEe(String s) {
        return s.matches("EE10\\d{7}") && sum(s, 2, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
    }

    static boolean vatMt(String s) {
        return s.matches("MT[1-9]\\d{7}") && sum(s, 2, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0;
    }

    static boolean vatBg(String s) {
        if (!s.matches("BG\\d{9}")) {
            return false;
        }
        int first = sum(s, 2, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
        int check = first < 10 ? first : sum(s, 2, 3, 4, 5, 6, 7, 8, 9, 10) % 11 % 10;
        return check == d(s, 10);
    }

    static boolean vatCy(String s) {
        if (!s.matches("CY[013459]\\d{7}[A-Z]") || s.startsWith("CY12")) {
            return false;
        }
        int[] table = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};   // what a digit in an odd place counts
        int total = 0;
        for (int i = 0; i < 8; i++) {
            total += i % 2 == 0 ? table[d(s, 2 + i)] : d(s, 2 + i);
        }
        return s.charAt(10) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(total % 26);
    }

    static boolean dphSk(String s) {
        return s.matches("SK[1-9]\\d[234789]\\d{7}") && Long.parseLong(s.substring(2)) % 11 == 0;
    }

    static boolean pvnLv(String s) {
        return s.matches("LV[4-9]\\d{10}") && sum(s, 2, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(tvaLu("LU15027442"));
        assertTrue(tvaLu("LU26375245"));
        assertTrue(cifEs("J99216582"));
        assertTrue(cifEs("A58818501"));
        assertTrue(kmkrEe("EE100931558"));
        assertTrue(kmkrEe("EE100594102"));
        assertTrue(vatMt("MT11679112"));
        assertTrue(vatBg("BG175074752"));
        assertTrue(vatCy("CY10259033P"));
        assertTrue(dphSk("SK2022749619"));
        assertTrue(pvnLv("LV40003521600"));
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(tvaLu("LU15027443"));
        assertFalse(cifEs("J99216583"));
        assertFalse(kmkrEe("EE100594103"));
        assertFalse(vatMt("MT11679113"));
        assertFalse(vatBg("BG175074751"));
        assertFalse(vatCy("CY10259033Z"));
        assertFalse(dphSk("SK2022749618"));
        assertFalse(pvnLv("LV40003521601"));
        assertFalse(vatCy("CY12259033P"), "a Cypriot number never starts 12");
        assertFalse(dphSk("SK2012749619"), "the IČ DPH's third digit is one of 2, 3, 4, 7, 8, 9");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(15, "TVA (LU)", FifteenthIds::tvaLu, FifteenthIdsTest::tvaLu);
        ValidIdsTest.drawsPass(15, "CIF (ES)", FifteenthIds::cifEs, FifteenthIdsTest::cifEs);
        ValidIdsTest.drawsPass(15, "KMKR (EE)", FifteenthIds::kmkrEe, FifteenthIdsTest::kmkrEe);
        ValidIdsTest.drawsPass(15, "VAT (MT)", FifteenthIds::vatMt, FifteenthIdsTest::vatMt);
        ValidIdsTest.drawsPass(15, "VAT (BG)", FifteenthIds::vatBg, FifteenthIdsTest::vatBg);
        ValidIdsTest.drawsPass(15, "VAT (CY)", FifteenthIds::vatCy, FifteenthIdsTest::vatCy);
        ValidIdsTest.drawsPass(15, "IČ DPH (SK)", FifteenthIds::dphSk, FifteenthIdsTest::dphSk);
        ValidIdsTest.drawsPass(15, "PVN (LV)", FifteenthIds::pvnLv, FifteenthIdsTest::pvnLv);
    }

    /** A CIF of a company (A, B, E, H) ends in a digit; one of a body that takes a letter (P, Q, S, N, W), in a letter. */
    @Test
    void theCifsCheckIsWrittenAsItsOrganisationLetterAsks() {
        Random r = new Random(3);
        int letters = 0;
        for (int i = 0; i < 200; i++) {
            String cif = FifteenthIds.cifEs(r);
            boolean letterCheck = Character.isLetter(cif.charAt(8));
            assertEquals("PQSNW".indexOf(cif.charAt(0)) >= 0, letterCheck, cif);
            letters += letterCheck ? 1 : 0;
        }
        assertTrue(letters > 50 && letters < 150, "both forms drawn: " + letters);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error over the part they
     * cover (Bulgaria's second set of weights can take over when a digit changes, so it is not here).
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String lu = FifteenthIds.tvaLu(r);
            assertFalse(tvaLu(ValidIdsTest.changeOneDigit(lu, r, 2, lu.length())), lu);
            String es = FifteenthIds.cifEs(r);
            assertFalse(cifEs(ValidIdsTest.changeOneDigit(es, r, 1, es.length())), es);
            String ee = FifteenthIds.kmkrEe(r);
            assertFalse(kmkrEe(ValidIdsTest.changeOneDigit(ee, r, 4, ee.length())), ee);
            String mt = FifteenthIds.vatMt(r);
            assertFalse(vatMt(ValidIdsTest.changeOneDigit(mt, r, 2, mt.length())), mt);
            String cy = FifteenthIds.vatCy(r);
            assertFalse(vatCy(ValidIdsTest.changeOneDigit(cy, r, 3, 10)), cy);
            String sk = FifteenthIds.dphSk(r);
            assertFalse(dphSk(ValidIdsTest.changeOneDigit(sk, r, 3, sk.length())), sk);
            String lv = FifteenthIds.pvnLv(r);
            assertFalse(pvnLv(ValidIdsTest.changeOneDigit(lv, r, 3, lv.length())), lv);
        }
    }

    @Test
    void everyPlaceholderOfTheFifteenthCollectionHasAFake() {
        Fakes fakes = new Fakes(15);
        for (String name : new String[]{"TVA_LU", "CIF_ES", "KMKR_EE", "VAT_MT", "EIK_BG", "VAT_CY", "DPH_SK", "PVN_LV"}) {
            Fakes.Fake f = fakes.make(name);
            assertNotNull(f, name);
            assertTrue(f.personal(), name);
        }
        for (String name : FifteenthIds.FIFTEENTH_SHAPES.keySet()) {
            assertFalse(fakes.make(name).personal(), name);
        }
        for (String name : FifteenthIds.FIFTEENTH_PERSONAL.keySet()) {
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("BCRYPT_HASH").value().matches("\\$2b\\$12\\$[A-Za-z0-9]{53}"));
        assertTrue(fakes.make("AIRTABLE_PAT").value().matches("pat[A-Za-z0-9]{14}\\.[0-9a-f]{64}"));
    }
}
