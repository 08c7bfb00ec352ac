package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national, tax and bank numbers {@link TwelfthIds} draws pass their check, read here by checkers written apart from
 * the generators (over the printed form, separators included) and themselves checked on specimen numbers the public
 * descriptions print; and a number with one digit changed fails, so the checkers can fail.
 */
class TwelfthIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    static boolean ahv(String s) {
        if (!s.matches("756\\.\\d{4}\\.\\d{4}\\.\\d{2}")) {
            return false;
        }
        String n = digits(s);
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += d(n, i) * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    static boolean nric(String s) {
        if (!s.matches("[ST]\\d{7}[A-Z]")) {
            return false;
        }
        int[] w = {2, 7, 6, 5, 4, 3, 2};
        int sum = s.charAt(0) == 'T' ? 4 : 0;
        for (int i = 0; i < 7; i++) {
            sum += d(s, i + 1) * w[i];
        }
        return "JZIHGFEDCBA".charAt(sum % 11) == s.charAt(8);
    }

    static boolean cuit(String s) {
        if (!s.matches("(20|23|24|27|30|33|34)-\\d{8}-\\d")) {
            return false;
        }
        String n = digits(s);
        int[] w = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += d(n, i) * w[i];
        }
        return sum % 11 == 0;
    }

    static boolean nit(String s) {
        if (!s.matches("\\d{3}\\.\\d{3}\\.\\d{3}-\\d")) {
            return false;
        }
        String n = digits(s);
        int[] primes = {3, 7, 13, 17, 19, 23, 29, 37, 41};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d(n, 8 - i) * primes[i];
        }
        int rem = sum % 11;
        return (rem >= 2 ? 11 - rem : rem) == d(n, 9);
    }

    static boolean ruc(String s) {
        if (!s.matches("(10|15|17|20)\\d{9}")) {
            return false;
        }
        int[] w = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d(s, i) * w[i];
        }
        int c = (11 - sum % 11) % 10;
        return c == d(s, 10);
    }

    static boolean afm(String s) {
        if (!s.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += d(s, i) << (8 - i);
        }
        return sum % 11 % 10 == d(s, 8);
    }

    static boolean nip(String s) {
        if (!s.matches("\\d{3}-\\d{3}-\\d{2}-\\d{2}")) {
            return false;
        }
        String n = digits(s);
        int[] w = {6, 5, 7, 2, 3, 4, 5, 6, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d(n, i) * w[i];
        }
        return sum % 11 == d(n, 9);
    }

    static boolean rnokpp(String s) {
        if (!s.matches("\\d{10}")) {
            return false;
        }
        int[] w = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d(s, i) * w[i];
        }
        return ((sum % 11) + 11) % 11 % 10 == d(s, 9);
    }

    static boolean brnKr(String s) {
        if (!s.matches("\\d{3}-\\d{2}-\\d{5}")) {
            return false;
        }
        String n = digits(s);
        int[] w = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d(n, i) * w[i];
        }
        sum += d(n, 8) * 5 / 10;
        return (10 - sum % 10) % 10 == d(n, 9);
    }

    static boolean ubn(String s) {
        if (!s.matches("\\d{8}")) {
            return false;
        }
        int[] w = {1, 2, 1, 2, 1, 2, 4, 1};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int p = d(s, i) * w[i];
            sum += p / 10 + p % 10;
        }
        return sum % 10 == 0 || (d(s, 6) == 7 && (sum + 1) % 10 == 0);
    }

    static boolean clabe(String s) {
        if (!s.matches("\\d{18}")) {
            return false;
        }
        int[] w = {3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += d(s, i) * w[i % 3] % 10;
        }
        return (10 - sum % 10) % 10 == d(s, 17);
    }

    static boolean aba(String s) {
        if (!s.matches("(0[0-9]|1[0-2]|2[1-9]|3[0-2])\\d{7}")) {
            return false;
        }
        int sum = 3 * (d(s, 0) + d(s, 3) + d(s, 6)) + 7 * (d(s, 1) + d(s, 4) + d(s, 7)) + d(s, 2) + d(s, 5) + d(s, 8);
        return sum % 10 == 0;
    }

    static boolean abn(String s) {
        if (!s.matches("\\d{2} \\d{3} \\d{3} \\d{3}")) {
            return false;
        }
        String n = digits(s);
        int[] w = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (d(n, i) - (i == 0 ? 1 : 0)) * w[i];
        }
        return sum % 89 == 0;
    }

    private static boolean luhn(String n) {
        int sum = 0;
        for (int i = 0; i < n.length(); i++) {
            int v = d(n, n.length() - 1 - i);
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    static boolean siret(String s) {
        if (!s.matches("\\d{3} \\d{3} \\d{3} \\d{5}")) {
            return false;
        }
        String n = digits(s);
        return luhn(n.substring(0, 9)) && luhn(n);
    }

    static boolean iban(String s) {
        String n = s.replace(" ", "");
        if (!n.matches("[A-Z]{2}\\d{2}[A-Z0-9]{8,30}")) {
            return false;
        }
        StringBuilder numeric = new StringBuilder();
        for (char ch : (n.substring(4) + n.substring(0, 4)).toCharArray()) {
            numeric.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Specimens printed by the public descriptions of each number (examples of the form, not anyone's number). */
    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(ahv("756.9217.0769.85"));
        assertTrue(nric("S1234567D"));
        assertTrue(abn("51 824 753 556"));
        assertTrue(aba("011000015"));
        assertTrue(nip("123-456-32-18"));
        assertTrue(ubn("04595257"));
        assertTrue(clabe("032180000118359719"));
        assertTrue(siret("732 829 320 00074"));
        assertTrue(iban("LI21 0881 0000 2324 013A A"));
        assertTrue(iban("IE29AIBK93115212345678"));
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(12, "AHV", TwelfthIds::ahv, TwelfthIdsTest::ahv);
        ValidIdsTest.drawsPass(12, "NRIC", TwelfthIds::nric, TwelfthIdsTest::nric);
        ValidIdsTest.drawsPass(12, "CUIT", TwelfthIds::cuit, TwelfthIdsTest::cuit);
        ValidIdsTest.drawsPass(12, "NIT", TwelfthIds::nit, TwelfthIdsTest::nit);
        ValidIdsTest.drawsPass(12, "RUC", TwelfthIds::ruc, TwelfthIdsTest::ruc);
        ValidIdsTest.drawsPass(12, "AFM", TwelfthIds::afm, TwelfthIdsTest::afm);
        ValidIdsTest.drawsPass(12, "NIP", TwelfthIds::nip, TwelfthIdsTest::nip);
        ValidIdsTest.drawsPass(12, "RNOKPP", TwelfthIds::rnokpp, TwelfthIdsTest::rnokpp);
        ValidIdsTest.drawsPass(12, "BRN", TwelfthIds::brnKr, TwelfthIdsTest::brnKr);
        ValidIdsTest.drawsPass(12, "UBN", TwelfthIds::ubn, TwelfthIdsTest::ubn);
        ValidIdsTest.drawsPass(12, "CLABE", TwelfthIds::clabe, TwelfthIdsTest::clabe);
        ValidIdsTest.drawsPass(12, "ABA", TwelfthIds::aba, TwelfthIdsTest::aba);
        ValidIdsTest.drawsPass(12, "ABN", TwelfthIds::abn, TwelfthIdsTest::abn);
        ValidIdsTest.drawsPass(12, "SIRET", TwelfthIds::siret, TwelfthIdsTest::siret);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error (the mod 11 checks that
     * write two remainders alike, NIT, RUC, AFM, RNOKPP, and the Korean and Taiwanese sums, do not, so they are not here).
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            assertFalse(ahv(ValidIdsTest.changeOneDigit(TwelfthIds.ahv(r), r)));
            assertFalse(nip(ValidIdsTest.changeOneDigit(TwelfthIds.nip(r), r)));
            assertFalse(cuit(ValidIdsTest.changeOneDigit(TwelfthIds.cuit(r), r)));
            assertFalse(clabe(ValidIdsTest.changeOneDigit(TwelfthIds.clabe(r), r)));
            assertFalse(aba(ValidIdsTest.changeOneDigit(TwelfthIds.aba(r), r)));
            assertFalse(siret(ValidIdsTest.changeOneDigit(TwelfthIds.siret(r), r)));
            String n = TwelfthIds.nric(r);
            assertFalse(nric(n.substring(0, 8) + (n.charAt(8) == 'A' ? 'B' : 'A')), n);
        }
        assertFalse(nric("S1234567E"));
        assertFalse(abn("51 824 753 557"));
        assertFalse(ubn("04595258"));
    }

    @Test
    void ibansOfTheTwelfthCountriesPassMod97() {
        Fakes fakes = new Fakes(12);
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            String v = TwelfthIds.make(i % 2 == 0 ? "IBAN12" : "IBAN12_SPACED", r, fakes).value();
            assertTrue(iban(v), v);
            assertFalse(iban(v.substring(0, 4) + ValidIdsTest.changeOneDigit(v.substring(4), r)), v);
        }
    }
}
