package dev.healdesk.core.redact;

/**
 * The value a mask was compared with: where a test expects a secret to be printed masked ({@code ***}) and the secret
 * itself came out, or the other way round, the assertion prints both side by side, and the one that is not the mask is
 * what the mask hides. Two layouts carry over across tools: one line that pairs two quoted values ({@code expected
 * "qWEo6…", found "***"}, {@code "***" != "hunter2"}), where only a comparison's words and signs stand between them (a
 * lone {@code =} assigns: {@code "DatabasePassword" = "****"} keeps its name);
 * and a diff's two lines ({@code - 404161740} above {@code + ***}, or the mask first). The mask is three or more
 * asterisks standing as a whole value; the other side must be one word (no blank) and no placeholder, so {@code
 * expected "***", got "<redacted>"} and a masked field against a sentence stay. Triggered by {@code *}.
 */
final class MaskedCounterparts extends Detector {

    private static final boolean[] STAR = Chars.set("*");
    /** The most characters a comparison's words and signs may take between the two quoted values. */
    private static final int GAP = 24;
    private static final int MAX_VALUE = 256;

    private static final boolean[] QUOTE = Chars.set("\"'");

    @Override
    boolean[] seconds(char c) {
        return c == '-' ? QUOTE : STAR;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i) == '-') {
            quotedDiff(scan, i);
            return i + 1;
        }
        if (i > 0 && s.charAt(i - 1) == '*') {
            return i + 1;
        }
        int end = i;
        while (end < s.length() && s.charAt(end) == '*') {
            end++;
        }
        if (end - i < 3) {
            return end;
        }
        char before = i > 0 ? s.charAt(i - 1) : '\n';
        char after = end < s.length() ? s.charAt(end) : '\n';
        if ((before == '"' || before == '\'') && after == before) {
            quotedPair(scan, i - 1, end + 1);
        } else if (before == ' ' && (after == '\n' || after == '\r' || end == s.length())) {
            diffPair(scan, i, end);
        }
        return end;
    }

    /** The quoted value paired with the quoted mask {@code s[open, close)} on its line, before it or after it. */
    private static void quotedPair(Scan scan, int open, int close) {
        String s = scan.text;
        // before: "value", found "***"
        int k = open - 1;
        while (k >= 0 && open - k <= GAP && s.charAt(k) != '"' && s.charAt(k) != '\'' && comparison(s.charAt(k))) {
            k--;
        }
        if (k >= 0 && open - k <= GAP && s.charAt(k) == s.charAt(open) && compares(s, k + 1, open)) {
            int valueEnd = k;
            int valueStart = k;
            while (valueStart > 0 && s.charAt(valueStart - 1) != s.charAt(k) && s.charAt(valueStart - 1) != '\n'
                    && valueEnd - valueStart < MAX_VALUE) {
                valueStart--;
            }
            if (valueStart > 0 && s.charAt(valueStart - 1) == s.charAt(k)) {
                claim(scan, valueStart, valueEnd);
                return;
            }
        }
        // after: "***", got "value"
        k = close;
        while (k < s.length() && k - close <= GAP && s.charAt(k) != '"' && s.charAt(k) != '\'' && comparison(s.charAt(k))) {
            k++;
        }
        if (k < s.length() && k - close <= GAP && s.charAt(k) == s.charAt(open) && compares(s, close, k)) {
            int valueStart = k + 1;
            int valueEnd = valueStart;
            while (valueEnd < s.length() && s.charAt(valueEnd) != s.charAt(k) && s.charAt(valueEnd) != '\n'
                    && valueEnd - valueStart < MAX_VALUE) {
                valueEnd++;
            }
            if (valueEnd < s.length() && s.charAt(valueEnd) == s.charAt(k)) {
                claim(scan, valueStart, valueEnd);
            }
        }
    }

    /**
     * Whether the gap {@code s[from, to)} between the two quoted values compares them: a word ({@code , found },
     * {@code  but was: }) or a doubled sign ({@code  != }, {@code  == }); a lone {@code =} or {@code :} assigns the
     * mask to a name ({@code "DatabasePassword" = "****"}), which is no comparison.
     */
    private static boolean compares(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Chars.letter(c) || (c == '=' || c == '!') && k + 1 < to && s.charAt(k + 1) == '=') {
                return true;
            }
        }
        return false;
    }

    /** Letters, blanks, commas, colons and a comparison's signs: what {@code , found }, {@code  != } take. */
    private static boolean comparison(char c) {
        return Chars.letter(c) || c == ' ' || c == ',' || c == ':' || c == '!' || c == '=' || c == '<' || c == '>';
    }

    /** The mask {@code s[i, end)} ends a diff's line {@code + ***}: the line above or below, {@code - value}. */
    private static void diffPair(Scan scan, int i, int end) {
        String s = scan.text;
        int lineStart = s.lastIndexOf('\n', i - 1) + 1;
        int sign = lineStart;
        while (sign < i && s.charAt(sign) == ' ') {
            sign++;
        }
        if (sign + 2 != i || s.charAt(sign) != '+' && s.charAt(sign) != '-') {
            return;
        }
        char other = s.charAt(sign) == '+' ? '-' : '+';
        int indent = sign - lineStart;
        if (other == '-' && lineStart > 0) {
            int prevEnd = lineStart - 1;
            int prevStart = s.lastIndexOf('\n', prevEnd - 1) + 1;
            diffValue(scan, prevStart, prevEnd, indent, other);
        } else if (other == '+') {
            int nextStart = end;
            while (nextStart < s.length() && s.charAt(nextStart) != '\n') {
                nextStart++;
            }
            nextStart++;
            if (nextStart < s.length()) {
                int nextEnd = s.indexOf('\n', nextStart);
                diffValue(scan, nextStart, nextEnd < 0 ? s.length() : nextEnd, indent, other);
            }
        }
    }

    /** The line {@code s[start, end)}, indented as the mask's and signed {@code sign}, holds one word: claimed. */
    private static void diffValue(Scan scan, int start, int end, int indent, char sign) {
        String s = scan.text;
        if (end > start && s.charAt(end - 1) == '\r') {
            end--;
        }
        int at = start + indent;
        if (at + 2 >= end || s.charAt(at) != sign || s.charAt(at + 1) != ' ') {
            return;
        }
        for (int k = start; k < at; k++) {
            if (s.charAt(k) != ' ') {
                return;
            }
        }
        claim(scan, at + 2, end);
    }

    /**
     * A diff of two quoted values, as Minitest's {@code assert_equal} and RSpec print one for strings: {@code -"…"} (the
     * expected) at a line's start and {@code +"…"} (the actual) on the next line, each quote closing its line. Where one
     * side is a mask, three or more {@code *} or {@code •} after at most a short prefix ({@code "tok_••••••••"},
     * {@code "sk_live_****"}, {@code "••••"}: a token's masked display), the other side is what it hides and goes. Two
     * values with no mask ({@code -"paid"} and {@code +"open"}) stay, and so does a mask against a sentence.
     */
    private static void quotedDiff(Scan scan, int i) {
        String s = scan.text;
        if (i > 0 && s.charAt(i - 1) != '\n') {
            return;
        }
        int firstEnd = quotedLine(s, i);
        if (firstEnd < 0 || firstEnd + 1 >= s.length() || s.charAt(firstEnd + 1) != '+') {
            return;
        }
        int secondEnd = quotedLine(s, firstEnd + 1);
        if (secondEnd < 0 || s.charAt(i + 1) != s.charAt(firstEnd + 2)) {
            return;
        }
        // values: [i + 2, firstEnd - 1) and [firstEnd + 3, secondEnd - 1)
        if (mask(s, i + 2, firstEnd - 1)) {
            claim(scan, firstEnd + 3, secondEnd - 1);
        } else if (mask(s, firstEnd + 3, secondEnd - 1)) {
            claim(scan, i + 2, firstEnd - 1);
        }
    }

    /**
     * For a sign at {@code sign} that starts a line of one quoted value ({@code -"…"}): where the line ends (its
     * {@code \n} or the text's end), the closing quote right before it; else -1.
     */
    private static int quotedLine(String s, int sign) {
        if (sign + 3 >= s.length()) {
            return -1;
        }
        char q = s.charAt(sign + 1);
        if (q != '"' && q != '\'') {
            return -1;
        }
        int end = s.indexOf('\n', sign);
        end = end < 0 ? s.length() : end;
        int close = end > sign && s.charAt(end - 1) == '\r' ? end - 1 : end;
        if (close - sign < 4 || close - sign > MAX_VALUE || s.charAt(close - 1) != q
                || Chars.indexOf(s, q, sign + 2, close - 1) >= 0) {
            return -1;
        }
        return close == end ? end : -1;
    }

    /** How long a mask's prefix may be: {@code sk_live_}, {@code tok_}, {@code ghp_}. */
    private static final int MAX_MASK_PREFIX = 12;

    /** Whether {@code s[start, end)} is a mask: a short prefix of a word's characters, then 3 or more {@code *} or {@code •}. */
    private static boolean mask(String s, int start, int end) {
        int k = start;
        while (k < end && k - start <= MAX_MASK_PREFIX && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_'
                || s.charAt(k) == '-')) {
            k++;
        }
        if (end - k < 3) {
            return false;
        }
        char c = s.charAt(k);
        if (c != '*' && c != '\u2022') {
            return false;
        }
        for (int j = k; j < end; j++) {
            if (s.charAt(j) != c) {
                return false;
            }
        }
        return true;
    }

    private static void claim(Scan scan, int start, int end) {
        String s = scan.text;
        if (end - start < 4 || end - start > MAX_VALUE || Values.placeholder(s, start, end)) {
            return;
        }
        for (int k = start; k < end; k++) {
            if (Chars.space(s.charAt(k))) {
                return;
            }
        }
        scan.add(SecretKind.GENERIC_SECRET, start, end);
    }
}
