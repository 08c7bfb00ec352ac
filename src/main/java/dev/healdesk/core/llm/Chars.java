package dev.healdesk.core.llm;

/** ASCII character classes the detectors share; anything outside ASCII is in none of them. */
final class Chars {

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

    /** A regex word character, {@code [A-Za-z0-9_]}. */
    static boolean word(char c) {
        return alnum(c) || c == '_';
    }

    static boolean hex(char c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Whether the character before {@code i} (if any) is a word character. */
    static boolean wordBefore(String s, int i) {
        return i > 0 && word(s.charAt(i - 1));
    }

    /** Whether the character at {@code i} (if any) is a word character. */
    static boolean wordAt(String s, int i) {
        return i < s.length() && word(s.charAt(i));
    }

    /** Whether {@code s[start, end)} equals {@code word}, ignoring ASCII case. */
    static boolean is(String s, int start, int end, String word) {
        return end - start == word.length() && s.regionMatches(true, start, word, 0, word.length());
    }
}
