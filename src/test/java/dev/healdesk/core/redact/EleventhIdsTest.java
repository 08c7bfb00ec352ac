package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national numbers {@link EleventhIds} draws pass their country's check, read here by checkers written apart from the
 * generators (over the printed form, separators included) and themselves checked on specimen numbers the public
 * descriptions print; and a number with one digit changed fails, so the checkers can fail.
 */
class EleventhIdsTest {

    private static int d(String s, int i) {
        return s.charAt(i) - '0';
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9X]", "");
    }

    static boolean steuerId(String s) {
        if (!s.matches("[1-9]\\d{10}")) {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[d(s, i)]++;
        }
        long twice = java.util.Arrays.stream(counts).filter(c -> c == 2).count();
        long more = java.util.Arrays.stream(counts).filter(c -> c > 2).count();
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (d(s, i) + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        int check = 11 - product == 10 ? 0 : 11 - product;
        return twice == 1 && more == 0 && check == d(s, 10);
    }

    static boolean fodselsnummer(String s) {
        if (!s.matches("\\d{11}")) {
            return false;
        }
        int[][] weights = {{3, 7, 6, 1, 8, 9, 4, 5, 2, 1}, {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1}};
        for (int[] w : weights) {
            int sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += d(s, i) * w[i];
            }
            if (sum % 11 != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean residentCn(String s) {
        if (!s.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += d(s, i) * ((1 << (17 - i)) % 11);
        }
        char expected = "10X98765432".charAt(sum % 11);
        return s.charAt(17) == expected;
    }

    static boolean nhs(String s) {
        if (!s.matches("\\d{3} \\d{3} \\d{4}")) {
            return false;
        }
        String n = digits(s);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d(n, i) * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check != 10 && check == d(n, 9);
    }

    static boolean medicare(String s) {
        if (!s.matches("[2-6]\\d{3} \\d{5} \\d")) {
            return false;
        }
        String n = digits(s);
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += d(n, i) * w[i];
        }
        return sum % 10 == d(n, 8);
    }

    static boolean cnpj(String s) {
        if (!s.matches("\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}")) {
            return false;
        }
        String n = digits(s);
        for (int len = 12; len <= 13; len++) {
            int sum = 0;
            int w = len - 7;
            for (int i = 0; i < len; i++) {
                sum += d(n, i) * w;
                w = w == 2 ? 9 : w - 1;
            }
            int r = sum % 11;
            if ((r < 2 ? 0 : 11 - r) != d(n, len)) {
                return false;
            }
        }
        return true;
    }

    static boolean iin(String s) {
        if (!s.matches("\\d{12}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += d(s, i) * (i + 1);
        }
        int c = sum % 11;
        if (c == 10) {
            sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += d(s, i) * ((i + 2) % 11 + 1);
            }
            c = sum % 11;
        }
        return c != 10 && c == d(s, 11);
    }

    static boolean cedulaDo(String s) {
        if (!s.matches("\\d{3}-\\d{7}-\\d")) {
            return false;
        }
        String n = digits(s);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int p = d(n, i) * (i % 2 == 0 ? 1 : 2);
            sum += p / 10 + p % 10;
        }
        return (10 - sum % 10) % 10 == d(n, 10);
    }

    static boolean thai(String s) {
        if (!s.matches("\\d-\\d{4}-\\d{5}-\\d{2}-\\d")) {
            return false;
        }
        String n = digits(s);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += d(n, i) * (13 - i);
        }
        return (11 - sum % 11) % 10 == d(n, 12);
    }

    static boolean innRu(String s) {
        if (!s.matches("\\d{12}")) {
            return false;
        }
        int[] w11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] w12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int a = 0;
        int b = 0;
        for (int i = 0; i < 10; i++) {
            a += d(s, i) * w11[i];
        }
        for (int i = 0; i < 11; i++) {
            b += d(s, i) * w12[i];
        }
        return a % 11 % 10 == d(s, 10) && b % 11 % 10 == d(s, 11);
    }

    static boolean iban(String s) {
        String n = s.replace(" ", "");
        if (!n.matches("[A-Z]{2}\\d{2}[A-Z0-9]{8,30}")) {
            return false;
        }
        StringBuilder numeric = new StringBuilder();
        for (char c : (n.substring(4) + n.substring(0, 4)).toCharArray()) {
            numeric.append(Character.digit(c, 36));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Specimens from the public descriptions of each number (test numbers, not people's). */
    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(steuerId("86095742719"));
        assertTrue(residentCn("11010519491231002X"));
        assertTrue(nhs("943 476 5919"));
        assertTrue(cnpj("11.222.333/0001-81"));
        assertTrue(innRu("500100732259"));
        assertTrue(iban("NO9386011117947"));
        assertTrue(iban("CH93 0076 2011 6238 5295 7"));
    }

    @Test
    void everyDrawnNumberPassesItsCountrysCheckAndOneChangedDigitFailsIt() {
        check(EleventhIds::steuerId, EleventhIdsTest::steuerId);
        check(EleventhIds::fodselsnummer, EleventhIdsTest::fodselsnummer);
        check(EleventhIds::residentCn, EleventhIdsTest::residentCn);
        check(EleventhIds::nhs, EleventhIdsTest::nhs);
        check(EleventhIds::medicare, EleventhIdsTest::medicare, 1);
        check(EleventhIds::cnpj, EleventhIdsTest::cnpj);
        check(EleventhIds::iin, EleventhIdsTest::iin);
        check(EleventhIds::cedulaDo, EleventhIdsTest::cedulaDo);
        check(EleventhIds::thai, EleventhIdsTest::thai);
        check(EleventhIds::innRu, EleventhIdsTest::innRu);
        Random r = new Random(11);
        Fakes fakes = new Fakes(11);
        for (int i = 0; i < 200; i++) {
            String v = EleventhIds.make(i % 2 == 0 ? "IBAN11" : "IBAN11_SPACED", r, fakes).value();
            assertTrue(iban(v), v);
            assertFalse(iban(changeOneDigit(v, 0)), v);
        }
    }

    private static void check(Function<Random, String> draw, Predicate<String> valid) {
        check(draw, valid, 0);
    }

    /** Draws numbers; each must pass, and fail with its check digit ({@code fromEnd} digits before the last) changed. */
    private static void check(Function<Random, String> draw, Predicate<String> valid, int fromEnd) {
        Random r = new Random(14);
        for (int i = 0; i < 500; i++) {
            String v = draw.apply(r);
            assertTrue(valid.test(v), v);
            assertFalse(valid.test(changeOneDigit(v, fromEnd)), v);
        }
    }

    /** {@code v} with a digit ({@code fromEnd} digits before the last one) moved by one. */
    private static String changeOneDigit(String v, int fromEnd) {
        int at = v.length();
        for (int seen = -1; seen < fromEnd; ) {
            at--;
            if (Character.isDigit(v.charAt(at))) {
                seen++;
            }
        }
        char c = (char) ('0' + (v.charAt(at) - '0' + 1) % 10);
        return v.substring(0, at) + c + v.substring(at + 1);
    }
}
