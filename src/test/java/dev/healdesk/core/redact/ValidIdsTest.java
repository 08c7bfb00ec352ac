package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national numbers {@link ValidIds} draws pass their country's check, read here by checkers written apart from the
 * generators (over the printed form, separators included) and themselves checked on the specimen numbers the public
 * specifications print; and a number with one digit changed fails, so the checkers can fail.
 */
class ValidIdsTest {

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }

    private static String digitsOnly(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    static boolean estonian(String s) {
        if (!s.matches("[1-6]\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += digit(s, i) * (i % 9 + 1);
        }
        int c = sum % 11;
        if (c == 10) {
            sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += digit(s, i) * ((i + 2) % 9 + 1);
            }
            c = sum % 11 % 10;
        }
        return c == digit(s, 10);
    }

    static boolean latvian(String s) {
        String d = digitsOnly(s);
        int[] w = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += digit(d, i) * w[i];
        }
        return s.matches("\\d{6}-\\d{5}") && (1101 - sum) % 11 == digit(d, 10);
    }

    static boolean emso(String s) {
        if (!s.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += digit(s, i) * (7 - i % 6);
        }
        int m = 11 - sum % 11;
        return m != 10 && (m == 11 ? 0 : m) == digit(s, 12);
    }

    static boolean oib(String s) {
        if (!s.matches("\\d{11}")) {
            return false;
        }
        int a = 10;
        for (int i = 0; i < 10; i++) {
            int t = (a + digit(s, i)) % 10;
            a = (t == 0 ? 10 : t) * 2 % 11;
        }
        return (11 - a) % 10 == digit(s, 10);
    }

    static boolean egn(String s) {
        int[] w = {2, 4, 8, 5, 10, 9, 7, 3, 6};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digit(s, i) * w[i];
        }
        return s.matches("\\d{10}") && sum % 11 % 10 == digit(s, 9);
    }

    static boolean kennitala(String s) {
        String d = digitsOnly(s);
        int[] w = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += digit(d, i) * w[i];
        }
        int c = (11 - sum % 11) % 11;
        return s.matches("\\d{6}-\\d{4}") && c != 10 && c == digit(d, 8);
    }

    static boolean cedulaEc(String s) {
        if (!s.matches("\\d{10}") || Integer.parseInt(s.substring(0, 2)) > 24 || digit(s, 2) > 5) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int p = digit(s, i) * (2 - i % 2);
            sum += p / 10 + p % 10;
        }
        return (sum + digit(s, 9)) % 10 == 0;
    }

    static boolean ciUy(String s) {
        String d = digitsOnly(s);
        int[] w = {2, 9, 8, 7, 6, 3, 4};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += digit(d, i) * w[i];
        }
        return s.matches("\\d\\.\\d{3}\\.\\d{3}-\\d") && (sum + digit(d, 7)) % 10 == 0;
    }

    static boolean taiwan(String s) {
        if (!s.matches("[A-Z][12]\\d{8}")) {
            return false;
        }
        int v = "ABCDEFGHJKLMNPQRSTUVXYWZIO".indexOf(s.charAt(0)) + 10;
        int sum = v / 10 + v % 10 * 9 + digit(s, 9);
        for (int i = 1; i < 9; i++) {
            sum += digit(s, i) * (9 - i);
        }
        return sum % 10 == 0;
    }

    /**
     * Draws 500 values with {@code draw} from a {@link Random} seeded with {@code seed} and asserts each passes
     * {@code check}: a collection's generator ({@code TwelfthIds}, {@code ThirteenthIds}, ...) against the checker its
     * test wrote apart.
     */
    static void drawsPass(long seed, String what, Function<Random, String> draw, Predicate<String> check) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String v = draw.apply(r);
            assertTrue(check.test(v), what + " fails its check: " + v);
        }
    }

    /** A digit of {@code v} moved by one (a single-digit error every one of the collections' checks catches). */
    static String changeOneDigit(String v, Random r) {
        return changeOneDigit(v, r, 0, v.length());
    }

    /** A digit of {@code v} within {@code [from, to)}, drawn with {@code r}, moved by one. */
    static String changeOneDigit(String v, Random r, int from, int to) {
        int pos;
        do {
            pos = from + r.nextInt(to - from);
        } while (!Character.isDigit(v.charAt(pos)));
        char c = v.charAt(pos);
        char moved = (char) (c == '9' ? '8' : c + 1);
        return v.substring(0, pos) + moved + v.substring(pos + 1);
    }

    static boolean luhn(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s, s.length() - 1 - i) * (i % 2 == 1 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return sum % 10 == 0;
    }

    static boolean saudi(String s) {
        return s.matches("[12]\\d{9}") && luhn(s);
    }

    static boolean rodneCislo(String s) {
        return s.matches("\\d{6}/\\d{4}") && new BigInteger(digitsOnly(s)).mod(BigInteger.valueOf(11)).signum() == 0;
    }

    static boolean nifPt(String s) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += digit(s, i) * (9 - i);
        }
        int c = 11 - sum % 11;
        return s.matches("\\d{9}") && (c >= 10 ? 0 : c) == digit(s, 8);
    }

    static boolean tckn(String s) {
        if (!s.matches("[1-9]\\d{10}")) {
            return false;
        }
        int odd = digit(s, 0) + digit(s, 2) + digit(s, 4) + digit(s, 6) + digit(s, 8);
        int even = digit(s, 1) + digit(s, 3) + digit(s, 5) + digit(s, 7);
        return ((odd * 7 - even) % 10 + 10) % 10 == digit(s, 9) && (odd + even + digit(s, 9)) % 10 == digit(s, 10);
    }

    static boolean iban(String s) {
        String moved = s.substring(4) + s.substring(0, 4);
        StringBuilder n = new StringBuilder();
        for (char c : moved.toCharArray()) {
            n.append(Character.digit(c, 36));
        }
        return s.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") && new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    @Test
    void theCheckersAcceptTheSpecimenNumbersOfThePublicSpecifications() {
        assertTrue(estonian("37605030299"));
        assertTrue(latvian("161175-19997"));
        assertTrue(emso("0101006500006"));
        assertTrue(oib("69435151530"));
        assertTrue(egn("7523169263"));
        assertTrue(kennitala("120174-3399"));
        assertTrue(ciUy("1.234.567-2"));
        assertTrue(taiwan("A123456789"));
        assertTrue(nifPt("123456789"));
        assertTrue(tckn("10000000146"));
        assertTrue(iban("EE382200221020145685"));
        assertTrue(iban("HR1210010051863000160"));
        assertTrue(iban("SA0380000000608010167519"));
    }

    @Test
    void everyDrawnNumberPassesItsChecksAndOneChangedDigitFailsThem() {
        check("IK_EE", ValidIdsTest::estonian);
        check("AK_LT", ValidIdsTest::estonian);
        check("PK_LV", ValidIdsTest::latvian);
        check("EMSO_SI", ValidIdsTest::emso);
        check("JMBG_RS", ValidIdsTest::emso);
        check("OIB_HR", ValidIdsTest::oib);
        check("EGN_BG", ValidIdsTest::egn);
        check("KT_IS", ValidIdsTest::kennitala, 1); // the last digit is the century, the one before it the check
        check("CEDULA_EC", ValidIdsTest::cedulaEc);
        check("CI_UY", ValidIdsTest::ciUy);
        check("TW_ID", ValidIdsTest::taiwan);
        check("NID_SA", ValidIdsTest::saudi);
        check("RC_SK", ValidIdsTest::rodneCislo);
        check("NIF_PT", ValidIdsTest::nifPt);
        check("TCKN_TR", ValidIdsTest::tckn);
        for (String name : new String[]{"IBAN_EE", "IBAN_HR", "IBAN_SA", "IBAN_SK", "IBAN_NEW"}) {
            check(name, ValidIdsTest::iban);
        }
    }

    private static void check(String name, Predicate<String> valid) {
        check(name, valid, 0);
    }

    /** Draws 300 of {@code name}; each must pass, and fail with its check digit ({@code fromEnd} digits before the last) changed. */
    private static void check(String name, Predicate<String> valid, int fromEnd) {
        Function<String, String> changeLast = v -> {
            int i = v.length() - 1;
            for (int skip = fromEnd; ; i--) {
                if (Character.isDigit(v.charAt(i)) && skip-- == 0) {
                    break;
                }
            }
            return v.substring(0, i) + (char) ('0' + (digit(v, i) + 1) % 10) + v.substring(i + 1);
        };
        for (long seed = 0; seed < 300; seed++) {
            Fakes.Fake f = new Fakes(seed).make(name);
            assertTrue(f.personal(), name);
            assertTrue(valid.test(f.value()), name + " " + f.value());
            assertFalse(valid.test(changeLast.apply(f.value())), name + " changed " + f.value());
        }
    }
}
