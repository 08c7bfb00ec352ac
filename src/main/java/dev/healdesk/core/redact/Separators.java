package dev.healdesk.core.redact;

/**
 * A name and its value parted by a character outside ASCII, as text typed on other keyboards, written in other
 * locales or pretty-printed prints them: a full-width colon or equals sign ({@code password：…}, {@code token＝…}), an
 * arrow ({@code password → …}, {@code token ⇒ …}), a dash ({@code DB password — …}), a no-break or ideographic space,
 * or typographic quotes around the value ({@code password “…”}, {@code secret «…»}). Which characters count is read
 * from Unicode's categories (spaces, dashes, symbols, quotes and other punctuation), not from a list of examples.
 *
 * <p>The name before the separator is read backwards, as {@link KeyValues} reads one before {@code =}, and judged by
 * {@link KeyNames}. Its value, after more such separators, blanks and ASCII signs, is judged as {@link KeyValues#claim}
 * judges a key's where the name is spelt as an identifier or the value is quoted; after a word of prose, as
 * {@link NamedValues#near} judges one ("password — too short" stays). Triggered by the separator: {@link Redactor}
 * looks a character outside ASCII up in {@link #is}. Swift Testing prints each side of a failed comparison so
 * ({@code (signature → "…") == (expected → "…")}): the side compared with a secret's is judged as that secret
 * ({@link #counterpart}).
 */
final class Separators extends Detector {

    /** How many characters of separators, blanks and signs may stand between the name and its value. */
    private static final int REACH = 8;

    /**
     * Whether {@code c} (outside ASCII) parts a name from its value: a space, dash, symbol, quote or punctuation mark by
     * its Unicode category, but not box drawing (table cells, {@link Tables}') and not what ends a sentence or clause
     * (what follows those is no value). Read from the category each time, not from a table, so loading the class costs
     * nothing: such characters are rare in logs.
     */
    static boolean is(char c) {
        if (c < 0x80 || c >= 0x2500 && c <= 0x257F) {
            return false;
        }
        switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.DASH_PUNCTUATION, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.START_PUNCTUATION:
                return true;
            case Character.OTHER_PUNCTUATION:
                return !stop(c);
            default:
                return false;
        }
    }

    /**
     * Whether the angle quote at {@code i} ({@code ›} or {@code »}) stands between blanks, as a breadcrumb's step: a test
     * runner's title path ({@code Mutation.resetPassword › rejects an expired token}, Playwright's and Jest's), a menu's
     * path ({@code Settings » Password » Change}). As a quote it touches what it quotes ({@code Passwort »geheim«}).
     */
    static boolean breadcrumb(String s, int i) {
        char c = s.charAt(i);
        return (c == '\u203a' || c == '\u00bb') && i > 0 && i + 1 < s.length() && s.charAt(i - 1) == ' '
                && s.charAt(i + 1) == ' ';
    }

    /** The ends of sentences and clauses outside ASCII: 。．！？，、；¿¡ and Arabic's question mark and comma. */
    private static boolean stop(char c) {
        return "\u3002\uff0e\uff01\uff1f\uff0c\u3001\uff1b\u00bf\u00a1\u061f\u060c".indexOf(c) >= 0;
    }

    /** Whether {@code c} is a blank: ASCII's, or a space outside it (no-break, ideographic, thin...). */
    private static boolean blank(char c) {
        return Chars.blank(c) || c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** Whether {@code c} opens a quote outside ASCII: “ „ ‘ « » ‹ 「 『 （ ＂ and the like. */
    static boolean opens(char c) {
        if (c < 0x80) {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.START_PUNCTUATION
                || c == '\u00bb' || c == '\u201e' || c == '\uff02';
    }

    /** Where a value ends: at a blank or line end, a quote of either kind, or a separator, bracket or stop outside ASCII. */
    static boolean ends(char c) {
        if (c < 0x80) {
            return Chars.space(c) || c == '"' || c == '\'' || c == '`';
        }
        int t = Character.getType(c);
        return is(c) || t == Character.END_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION || stop(c);
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (breadcrumb(s, i)) {
            return i + 1;
        }
        int k = i - 1;
        while (k >= 0 && i - k <= 4 && blank(s.charAt(k))) {
            k--;
        }
        boolean quotedKey = k > 0 && (s.charAt(k) == '"' || s.charAt(k) == '\'');
        if (quotedKey) {
            k--;
        }
        int keyEnd = k + 1;
        while (k >= 0 && keyEnd - k <= KeyNames.MAX_LENGTH && keyChar(s.charAt(k))) {
            k--;
        }
        int keyStart = k + 1;
        if (keyEnd - keyStart < 2 || k >= 0 && keyChar(s.charAt(k))) {
            return i + 1;   // no name before it, only blanks, or one too long to be a key
        }
        KeyNames.Key key = KeyNames.classify(scan, keyStart, keyEnd);
        if (key == KeyNames.Key.NONE) {
            return i + 1;
        }
        // the value: past more separators, blanks and ASCII signs, perhaps quoted
        int v = opens(s.charAt(i)) ? i : i + 1;
        while (v < s.length() && v - i <= REACH && !opens(s.charAt(v))
                && (blank(s.charAt(v)) || is(s.charAt(v)) || ":=>-|~".indexOf(s.charAt(v)) >= 0)) {
            v++;
        }
        if (v >= s.length() || v - i > REACH) {
            return i + 1;
        }
        int q = opens(s.charAt(v)) ? 1 : Quotes.open(s, v);
        int start = v + q;
        int end;
        if (q > 0 && s.charAt(v) < 0x80) {
            end = Quotes.close(s, start, q);
        } else {
            end = start;
            while (end < s.length() && !ends(s.charAt(end))) {
                end++;
            }
            if (q == 0) {
                while (end > start && ".,;:)]}".indexOf(s.charAt(end - 1)) >= 0) {
                    end--;   // the end of a sentence or of a bracket
                }
            }
        }
        if (end <= start || end - start > 4096) {
            return i + 1;
        }
        boolean prose = q == 0 && !quotedKey && !KeyValues.identifier(s, keyStart, keyEnd);
        if (prose) {
            boolean ok = key == KeyNames.Key.PASSWORD ? Values.passwordLike(s, start, end)
                    || Values.tokenLike(s, start, end) : Values.tokenLike(s, start, end);
            if (!ok) {
                return i + 1;
            }
        }
        if (q > 0 && s.charAt(v) == '"' && end < s.length()) {
            counterpart(scan, key, keyStart, end);
        }
        return Math.max(i + 1, KeyValues.claim(scan, key, start, end, q > 0, i));
    }

    /** What Swift Testing prints between the two sides of a failed {@code #expect(a == b)} or {@code a != b}. */
    private static final String[] COMPARED = {"\") == (", "\") != ("};
    /** How far into the other side's brackets its quoted value may start: past its expression and its arrow. */
    private static final int OTHER_REACH = 64;

    /**
     * The other side of Swift Testing's comparison, {@code Expectation failed: (signature → "…") == (expected → "…")}:
     * each side is an expression, an arrow and its value, or a literal alone; where one side's expression names a
     * secret ({@code key}, the name before this arrow at {@code keyStart}, this value's closing quote at {@code close}),
     * the value it was compared with is judged as that secret's (the expected signature is the signature), on either
     * side.
     */
    private static void counterpart(Scan scan, KeyNames.Key key, int keyStart, int close) {
        String s = scan.text;
        for (String c : COMPARED) {
            if (s.startsWith(c, close)) {
                // this side first: the other's value is the first quoted one in its brackets, after "expr → " or none
                int g = close + c.length();
                int open = g;
                while (open < s.length() && open - g <= OTHER_REACH && s.charAt(open) != '"' && s.charAt(open) != '\n'
                        && s.charAt(open) != ')') {
                    open++;
                }
                if (open < s.length() && s.charAt(open) == '"' && (open == g || s.charAt(open - 2) == '\u2192')) {
                    judge(scan, key, open + 1, Quotes.close(s, open + 1, 1));
                }
                return;
            }
            // this side second: keyStart just after "…") == (, the other value's closing quote at its start
            int at = keyStart - c.length();
            if (at > 0 && s.startsWith(c, at)) {
                int open = at - 1;
                while (open >= 0 && at - open <= 4096 && s.charAt(open) != '"' && s.charAt(open) != '\n') {
                    open--;
                }
                if (open >= 1 && s.charAt(open) == '"'
                        && (s.charAt(open - 1) == '(' || open >= 2 && s.charAt(open - 2) == '\u2192')) {
                    judge(scan, key, open + 1, at);
                }
                return;
            }
        }
    }

    private static void judge(Scan scan, KeyNames.Key key, int start, int end) {
        String s = scan.text;
        if (end <= start || end >= s.length() || s.charAt(end) != '"' || end + 1 >= s.length() || s.charAt(end + 1) != ')') {
            return;
        }
        // judged as the value under the name would be, and it must look like one itself, since no name stands beside it
        // (a word, "signature", an expected placeholder, stays: its echoes would take the name too)
        boolean looks = key == KeyNames.Key.PASSWORD ? Values.passwordLike(s, start, end) : Values.generated(s, start, end);
        SecretKind kind = looks ? Judge.value(key, s, start, end) : null;
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    private static boolean keyChar(char c) {
        return Chars.word(c) || c == '-' || c == '.';
    }
}
