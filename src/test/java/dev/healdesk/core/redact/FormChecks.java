package dev.healdesk.core.redact;

import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks the form tests share: a secret gone with what must stay kept, a text left as it is, a made-up token. */
final class FormChecks {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private FormChecks() {
    }

    /** Asserts that {@code redactor} takes {@code secret} out of {@code text} and keeps each of {@code kept}. */
    static void gone(Redactor redactor, String text, String secret, String... kept) {
        String out = redactor.redact(text);
        assertFalse(out.contains(secret), () -> "leaks " + secret + " in:\n" + out);
        for (String k : kept) {
            assertTrue(out.contains(k), () -> "loses " + k + " in:\n" + out);
        }
    }

    /** Asserts that {@code redactor} leaves {@code text} as it is. */
    static void untouched(Redactor redactor, String text) {
        assertEquals(text, redactor.redact(text));
    }

    /**
     * {@code n} digits drawn from {@code random}: the first one of the {@code choices} digits from {@code first} on (a
     * number's first digit is often bounded: no leading zero, a mobile prefix), the others 0 to 9.
     */
    static String digits(Random random, int n, char first, int choices) {
        StringBuilder b = new StringBuilder();
        b.append((char) (first + random.nextInt(choices)));
        for (int i = 1; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** {@code length} letters and digits drawn from {@code random}. */
    /** {@code n} lower-case hexadecimal digits. */
    static String hex(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    /** {@code n} hexadecimal characters that start {@code a1}, so that a letter and a digit are sure to be in it. */
    static String hexAfterA1(Random random, int n) {
        StringBuilder b = new StringBuilder("a1");
        while (b.length() < n) {
            b.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    static String token(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    /** {@code n} digits 0 to 9 drawn from {@code random}, for a number whose check digits a test computes. */
    static int[] body(Random random, int n) {
        int[] d = new int[n];
        for (int k = 0; k < n; k++) {
            d[k] = random.nextInt(10);
        }
        return d;
    }

    /** The sum of {@code d}'s first digits, each times its weight: the heart of most check-digit rules. */
    static int sum(int[] d, int... weights) {
        int s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * d[k];
        }
        return s;
    }

    /** Digits drawn from {@code random} until {@code passes} takes them, after {@code prefix}: a valid number by rejection. */
    static String drawn(Random random, String prefix, int n, Predicate<String> passes) {
        String v;
        do {
            v = prefix + text(body(random, n));
        } while (!passes.test(v));
        return v;
    }

    /** The digits of {@code v}, whatever stands between them. */
    static int[] digitsOf(String v) {
        return v.chars().filter(Character::isDigit).map(c -> c - '0').toArray();
    }

    /** {@code d}'s digits written one after another. */
    static String text(int[] d) {
        StringBuilder b = new StringBuilder();
        for (int v : d) {
            b.append(v);
        }
        return b.toString();
    }

    /**
     * Eight numbers from {@code valid}, each between {@code before} and {@code after}: gone with the standard rules and
     * at rest; its twin (the last digit moved until {@code passes} refuses it) left as it is.
     */
    static void numbersAndTwins(Supplier<String> valid, Predicate<String> passes, String before, String after) {
        for (int k = 0; k < 8; k++) {
            String v = valid.get();
            gone(Redactor.standard(), before + v + after, v);
            gone(Redactor.atRest(), before + v + after, v);
            untouched(Redactor.standard(), before + twin(v, passes) + after);
        }
    }

    /** The number with its last digit moved until no rule of the table could take it. */
    static String twin(String valid, Predicate<String> passes) {
        String t = valid;
        do {
            char last = t.charAt(t.length() - 1);
            t = t.substring(0, t.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        } while (passes.test(t));
        return t;
    }
}
