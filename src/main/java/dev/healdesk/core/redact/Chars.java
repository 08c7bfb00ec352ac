package dev.healdesk.core.redact;

/** ASCII character classes the detectors share; anything outside ASCII is in none of them. */
final class Chars {

    /** How every {@link SecretKind#token()} starts. */
    static final String TOKEN_PREFIX = "[REDACTED_";

    private Chars() {
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean lower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean alnum(char c) {
        return letter(c) || digit(c);
    }

    /** Whether {@code s[start, end)} has both an ASCII letter and a digit. */
    static boolean lettersAndDigits(String s, int start, int end) {
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            letter |= letter(s.charAt(i));
            digit |= digit(s.charAt(i));
        }
        return letter && digit;
    }

    /** Whether {@code s[start, end)} is ASCII digits alone (an empty range is not). */
    static boolean digitsOnly(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!digit(s.charAt(i))) {
                return false;
            }
        }
        return end > start;
    }

    /** Whether {@code s[start, end)} has an ASCII digit. */
    static boolean hasDigit(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (digit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[start, end)} is ASCII letters alone (an empty range is). */
    static boolean lettersOnly(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!letter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String HEX = DIGITS + "abcdefABCDEF";

    /** The characters of {@code chars} as a table by character, for {@link Detector#seconds}. */
    static boolean[] set(String chars) {
        boolean[] set = new boolean[128];
        for (char c : chars.toCharArray()) {
            set[c] = true;
        }
        return set;
    }

    /** {@link #word} as a table: one look-up per character where words are skipped, the scanner's commonest step. */
    private static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = alnum(c) || c == '_';
        }
    }

    /** {@link #word} by any character, 1 or 0: a look-up without a branch ({@link Scan#wordEnd} ORs eight of them). */
    private static final byte[] WORD_BITS = new byte[Character.MAX_VALUE + 1];

    static {
        for (char c = 0; c < 128; c++) {
            WORD_BITS[c] = (byte) (WORD[c] ? 1 : 0);
        }
    }

    /** 1 for a {@link #word} character, else 0. */
    static int wordBit(char c) {
        return WORD_BITS[c];
    }

    /** A regex word character, {@code [A-Za-z0-9_]}. */
    static boolean word(char c) {
        return c < 128 && WORD[c];
    }

    static boolean hex(char c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Where the blanks (spaces, tabs) from {@code i} on end: {@code i} itself when there are none. */
    static int skipBlanks(String s, int i) {
        while (i < s.length() && blank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /**
     * Whether the character before {@code i} (if any) joins what starts at {@code i} into one word: a word
     * character, or the closing bracket of a redaction token, which stands for the value that was there (so a
     * second pass reads {@code [REDACTED_X]::1a} as the first read {@code abc::1a}).
     */
    static boolean joinedBefore(String s, int i) {
        if (i <= 0) {
            return false;
        }
        char c = s.charAt(i - 1);
        return word(c) && !(c == 'm' && ansiEndsAt(s, i - 1)) || c == ']' && tokenEndsAt(s, i - 1);
    }

    /**
     * Whether the {@code m} at {@code m} ends a terminal colour code ({@code ESC[7m}, and as JSON and logs escape it,
     * backslash-u001b[7m, backslash-x1b[7m, backslash-033[7m, and {@code [32m} where a CI log's viewer dropped the
     * ESC), which joins nothing: Playwright's and Jest's messages put one right before the value they highlight.
     */
    static boolean ansiEndsAt(String s, int m) {
        int i = m - 1;
        while (i >= 0 && m - i <= 16 && (digit(s.charAt(i)) || s.charAt(i) == ';')) {
            i--;
        }
        if (i < 0 || s.charAt(i) != '[') {
            return false;
        }
        return i >= 1 && s.charAt(i - 1) == (char) 0x1b || i >= 6 && s.regionMatches(true, i - 6, "\\u001b", 0, 6)
                || i >= 4 && s.regionMatches(true, i - 4, "\\x1b", 0, 4) || i >= 4 && s.startsWith("\\033", i - 4)
                || i >= 2 && s.startsWith("\\e", i - 2)
                || m > i + 1 && (i == 0 || !alnum(s.charAt(i - 1)));   // [32m: a code whose ESC a log viewer dropped
    }

    /** Whether the character at {@code i} (if any) joins what ends there: a word character or a token's start. */
    static boolean joinedAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return word(c) || c == '[' && s.startsWith(TOKEN_PREFIX, i);
    }

    /** Whether the {@code ]} at {@code bracket} closes a {@code [REDACTED_KIND]} token. */
    private static boolean tokenEndsAt(String s, int bracket) {
        for (int i = bracket - 1; i >= 0 && bracket - i <= 40; i--) {
            char c = s.charAt(i);
            if (c == '[') {
                return s.startsWith(TOKEN_PREFIX, i);
            }
            if (!upper(c) && c != '_') {
                return false;
            }
        }
        return false;
    }

    /** The first index of {@code c} in {@code s[start, end)}, or -1; unlike String's, it stays in the span. */
    static int indexOf(String s, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last index of {@code c} in {@code s[start, end)}, or -1; unlike String's, it stays in the span. */
    static int lastIndexOf(String s, char c, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code word} occurs in {@code s[start, end)}, ignoring ASCII case if asked. */
    static boolean contains(String s, int start, int end, String word, boolean ignoreCase) {
        for (int i = start; i + word.length() <= end; i++) {
            if (s.regionMatches(ignoreCase, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[start, end)} equals one of {@code words}, ignoring ASCII case ({@link #is}). */
    static boolean isAny(String s, int start, int end, String[] words) {
        if (start >= end || start < 0 || end > s.length()) {
            for (String w : words) {
                if (is(s, start, end, w)) {
                    return true;
                }
            }
            return false;
        }
        // what is() tests first, the length and the first character, read once for the whole list
        int length = end - start;
        int first = s.charAt(start) | 0x20;
        for (String w : words) {
            if (w.length() == length && (w.charAt(0) | 0x20) == first && is(s, start, end, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[start, end)} equals one of {@code words}, case and all (where {@link #isAny} ignores case). */
    /**
     * Whether the path segment that ends at {@code end} (a {@code /} or {@code ?} there) is one of {@code words}: letters,
     * {@code -} and {@code _}, at most {@code max} + 1 of them, after a {@code /} (a route's word: {@code /reset-password/},
     * {@code /keys/}); {@link ResetLinks} and {@link PathKeys} read what follows it.
     */
    static boolean routeWord(String s, int end, int max, String[] words) {
        int start = end;
        while (start > 0 && end - start <= max
                && (letter(s.charAt(start - 1)) || s.charAt(start - 1) == '-' || s.charAt(start - 1) == '_')) {
            start--;
        }
        return start > 0 && s.charAt(start - 1) == '/' && isAny(s, start, end, words);
    }

    static boolean isAnyExactly(String s, int start, int end, String[] words) {
        for (String w : words) {
            if (end - start == w.length() && s.startsWith(w, start)) {
                return true;
            }
        }
        return false;
    }

    /** The characters of base64 (not its {@code =} padding), as a table by character. */
    static final boolean[] BASE64 = set(LETTERS + DIGITS + "+/");

    /** Whether {@code c} is a character of base64, not its padding. */
    static boolean base64(char c) {
        return c < 128 && BASE64[c];
    }

    /** Whether {@code s[start, end)} equals {@code word}, ignoring ASCII case. */
    static boolean is(String s, int start, int end, String word) {
        int n = word.length();
        // the first character's bit 0x20 set on both sides (ASCII lower case) rules most words out before the
        // case-blind comparison
        if (end - start != n || n != 0 && (s.charAt(start) | 0x20) != (word.charAt(0) | 0x20)) {
            return false;
        }
        if (start < 0 || end > s.length()) {
            return false;   // as String.regionMatches answers
        }
        // String.regionMatches(true, …) folds each pair through Character's case tables; ASCII pairs are compared
        // here (equal, or the same letter in the other case), and from the first pair outside ASCII on the rest goes
        // to regionMatches, whose folding (the Kelvin sign, a dotted capital I) stays the judge there
        for (int k = 0; k < n; k++) {
            char a = s.charAt(start + k);
            char b = word.charAt(k);
            if (a == b) {
                continue;
            }
            if ((a | b) >= 128) {
                return s.regionMatches(true, start + k, word, k, n - k);
            }
            if ((a | 0x20) != (b | 0x20) || !letter(b)) {
                return false;
            }
        }
        return true;
    }
}
