package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national, tax and business numbers {@link FourteenthIds} draws pass their check, read here by checkers written
 * apart from the generators (over the printed form, separators included) and themselves checked on specimen numbers the
 * public descriptions print; and a number with one digit changed fails, so the checkers can fail.
 */
class FourteenthIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    static boolean luhn(String n) {
        int total = 0;
        boolean twice = false;
        for (int i = n.length() - 1; i >= 0; i--) {
            int v = d(n, i);
            if (twice) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            total += v;
            twice = !twice;
        }
        return total % 10 == 0;
    }

    static boolean uidAt(String s) {
        if (!s.matches("ATU\\d{8}")) {
            return false;
        }
        String n = s.substring(3);
        int total = 4;
        for (int i = 0; i < 7; i++) {
            int v = d(n, i) * (i % 2 == 0 ? 1 : 2);
            total += v > 9 ? v - 9 : v;
        }
        return (10 - total % 10) % 10 == d(n, 7);
    }

    static boolean tvaFr(String s) {
        if (!s.matches("FR\\d{11}")) {
            return false;
        }
        String siren = s.substring(4);
        return luhn(siren) && Integer.parseInt(s.substring(2, 4)) == (12 + 3 * (Integer.parseInt(siren) % 97)) % 97;
    }

    static boolean regon(String s) {
        if (!s.matches("\\d{9}")) {
            return false;
        }
        int[] w = {8, 9, 2, 3, 4, 5, 6, 7};
        int total = 0;
        for (int i = 0; i < 8; i++) {
            total += d(s, i) * w[i];
        }
        return total % 11 % 10 == d(s, 8);
    }

    static boolean davcna(String s) {
        if (!s.matches("[1-9]\\d{7}")) {
            return false;
        }
        int total = 0;
        for (int i = 0; i < 7; i++) {
            total += d(s, i) * (8 - i);
        }
        int c = 11 - total % 11;
        return c <= 9 && c == d(s, 7);
    }

    static boolean adoszam(String s) {
        if (!s.matches("\\d{8}-[1-5]-\\d{2}")) {
            return false;
        }
        int[] w = {9, 7, 3, 1, 9, 7, 3, 1};
        int total = 0;
        for (int i = 0; i < 8; i++) {
            total += d(s, i) * w[i];
        }
        int county = Integer.parseInt(s.substring(11));
        return total % 10 == 0 && county >= 2 && county <= 44;
    }

    static boolean houjin(String s) {
        if (!s.matches("[1-9]\\d{12}")) {
            return false;
        }
        int odd = 0;
        int even = 0;
        for (int i = 1; i < 13; i++) {
            if (i % 2 == 1) {
                even += d(s, i);   // places 12, 10, ... from the right: weight 2
            } else {
                odd += d(s, i);
            }
        }
        return d(s, 0) == 9 - (odd + 2 * even) % 9;
    }

    static boolean gstin(String s) {
        if (!s.matches("\\d{2}[A-Z]{5}\\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]")) {
            return false;
        }
        String a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int total = 0;
        for (int i = 0; i < 14; i++) {
            int p = a.indexOf(s.charAt(i)) * (1 + i % 2);
            total += p / 36 + p % 36;
        }
        return a.charAt((36 - total % 36) % 36) == s.charAt(14);
    }

    static boolean orgnrSe(String s) {
        return s.matches("\\d{2}[2-9]\\d{3}-\\d{4}") && luhn(s.replace("-", ""));
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(uidAt("ATU13585627"));
        assertTrue(tvaFr("FR40303265045"));
        assertTrue(regon("123456785"));
        assertTrue(davcna("15012557"));
        assertTrue(adoszam("10597190-2-44"));
        assertTrue(houjin("5835678256246"));
        assertTrue(gstin("27AAPFU0939F1ZV"));
        assertTrue(orgnrSe("556016-0680"));
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(uidAt("ATU13585628"));
        assertFalse(tvaFr("FR41303265045"));
        assertFalse(regon("123456786"));
        assertFalse(davcna("15012558"));
        assertFalse(adoszam("10597191-2-44"));
        assertFalse(houjin("6835678256246"));
        assertFalse(gstin("27AAPFU0939F1ZW"));
        assertFalse(orgnrSe("556016-0681"));
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(14, "UID (AT)", FourteenthIds::uidAt, FourteenthIdsTest::uidAt);
        ValidIdsTest.drawsPass(14, "TVA (FR)", FourteenthIds::tvaFr, FourteenthIdsTest::tvaFr);
        ValidIdsTest.drawsPass(14, "REGON", FourteenthIds::regon, FourteenthIdsTest::regon);
        ValidIdsTest.drawsPass(14, "davčna številka", FourteenthIds::davcna, FourteenthIdsTest::davcna);
        ValidIdsTest.drawsPass(14, "adószám", FourteenthIds::adoszam, FourteenthIdsTest::adoszam);
        ValidIdsTest.drawsPass(14, "corporate number", FourteenthIds::houjin, FourteenthIdsTest::houjin);
        ValidIdsTest.drawsPass(14, "GSTIN", FourteenthIds::gstin, FourteenthIdsTest::gstin);
        ValidIdsTest.drawsPass(14, "organisationsnummer", FourteenthIds::orgnrSe, FourteenthIdsTest::orgnrSe);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error over the part they
     * cover (REGON's mod 11 writes ten as 0, so it is not here; the adószám's county code and VAT code carry no check).
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String at = FourteenthIds.uidAt(r);
            assertFalse(uidAt(ValidIdsTest.changeOneDigit(at, r, 3, at.length())), at);
            String fr = FourteenthIds.tvaFr(r);
            assertFalse(tvaFr(ValidIdsTest.changeOneDigit(fr, r, 4, fr.length())), fr);
            String si = FourteenthIds.davcna(r);
            assertFalse(davcna(ValidIdsTest.changeOneDigit(si, r, 0, si.length())), si);
            String hu = FourteenthIds.adoszam(r);
            assertFalse(adoszam(ValidIdsTest.changeOneDigit(hu, r, 0, 8)), hu);
            String gst = FourteenthIds.gstin(r);
            assertFalse(gstin(ValidIdsTest.changeOneDigit(gst, r, 0, 14)), gst);
            String se = FourteenthIds.orgnrSe(r);
            assertFalse(orgnrSe(ValidIdsTest.changeOneDigit(se, r, 0, se.length())), se);
        }
    }

    @Test
    void everyPlaceholderOfTheFourteenthCollectionHasAFake() {
        Fakes fakes = new Fakes(14);
        for (String name : new String[]{"UID_AT", "TVA_FR", "REGON_PL", "DS_SI", "ADO_HU", "HOUJIN_JP", "GSTIN_IN",
                "ORGNR_SE", "PHONE_BJ", "PHONE_TM", "ALGOLIA_ADMIN", "ASANA_PAT"}) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : FourteenthIds.FOURTEENTH_SHAPES.keySet()) {
            assertFalse(fakes.make(name).personal(), name);
        }
        for (String name : FourteenthIds.FOURTEENTH_PERSONAL.keySet()) {
            assertTrue(fakes.make(name).personal(), name);
        }
    }
}
