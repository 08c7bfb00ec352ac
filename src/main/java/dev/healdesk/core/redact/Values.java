package dev.healdesk.core.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Tests on a candidate value: is it a placeholder rather than a secret, is it random enough to be a key,
 * does a card number check out. Kept apart so every detector judges values the same way.
 */
final class Values {

    /**
     * Shannon entropy, in bits per character over the value's own character counts, from which a value under a
     * secret-sounding key counts as a key: random base64 or hex keys score 3.5 to 5.5, words and phrases
     * ("expired", "not-configured") mostly under 3. A deliberate middle: {@code token=invalid} stays, a
     * sixteen-character random token goes.
     */
    static final double MIN_SECRET_ENTROPY = 3.0;
    /** Shorter values under a secret-sounding key are words or flags, not keys. */
    static final int MIN_SECRET_LENGTH = 8;

    private static final Set<String> PLACEHOLDER_WORDS = Set.of("null", "nil", "none", "undefined", "true",
            "false", "empty", "redacted", "hidden", "masked", "filtered", "omitted", "removed", "n/a");

    private Values() {
    }

    /**
     * Whether {@code s[start, end)} stands in for a value rather than being one: empty, a mask ({@code ****},
     * {@code xxxx}), a reference ({@code ${PASSWORD}}, {@code $PASSWORD}, {@code {{ secrets.X }}},
     * {@code <password>}, {@code %s}), something already redacted ({@code [REDACTED_…]}) or a word such as
     * null or true.
     */
    static boolean placeholder(String s, int start, int end) {
        if (end <= start) {
            return true;
        }
        char c = s.charAt(start);
        char next = start + 1 < end ? s.charAt(start + 1) : 0;
        if (c == '<' || c == '[' || c == '{' || (c == '$' && (Chars.letter(next) || next == '{' || next == '_'))
                || (c == '%' && (Chars.letter(next) || next == '('))) {
            return true;
        }
        boolean same = true;
        for (int i = start + 1; i < end && same; i++) {
            same = s.charAt(i) == c;
        }
        if (same || Chars.contains(s, start, end, Chars.TOKEN_PREFIX, false)) {
            return true;   // a mask, or a value redacted in part already
        }
        return end - start <= 9 && PLACEHOLDER_WORDS.contains(s.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** Whether a value under a secret-sounding key name is random enough to be the secret itself. */
    static boolean secretLike(String s, int start, int end) {
        if (end - start < MIN_SECRET_LENGTH || placeholder(s, start, end)) {
            return false;
        }
        boolean allDigits = true;
        for (int i = start; i < end && allDigits; i++) {
            allDigits = Chars.digit(s.charAt(i));
        }
        return !allDigits && entropy(s, start, end) >= MIN_SECRET_ENTROPY;
    }

    /**
     * Whether {@code s[start, end)} looks generated rather than chosen: at least {@value NamedValues#MIN_LENGTH}
     * characters with letters and digits, no blank, and {@value NamedValues#MIN_ENTROPY} bits of entropy a character
     * (what a name that says little, such as {@code FERNET_KEY}, needs before its value goes).
     */
    static boolean generated(String s, int start, int end) {
        if (end - start < NamedValues.MIN_LENGTH || placeholder(s, start, end)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.space(c)) {
                return false;
            }
            letter |= Chars.letter(c);
            digit |= Chars.digit(c);
        }
        return letter && digit && entropy(s, start, end) >= NamedValues.MIN_ENTROPY;
    }

    /** Shannon entropy of {@code s[start, end)} in bits per character. */
    static double entropy(String s, int start, int end) {
        int[] counts = new int[129];
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            counts[c < 128 ? c : 128]++;
        }
        double n = end - start;
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                bits -= p * Math.log(p);
            }
        }
        return bits / Math.log(2);
    }

    /** The Luhn check over the digits of {@code s[start, end)} (other characters skipped). */
    static boolean luhn(String s, int start, int end) {
        int sum = 0;
        boolean twice = false;
        for (int i = end - 1; i >= start; i--) {
            char c = s.charAt(i);
            if (!Chars.digit(c)) {
                continue;
            }
            int d = c - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
