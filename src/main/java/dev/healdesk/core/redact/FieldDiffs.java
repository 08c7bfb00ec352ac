package dev.healdesk.core.redact;

/**
 * Values that a test's assertion prints under the name of the field they differ in, the name given once and the values
 * after it, as assertion libraries print an object's or a table's difference field by field:
 * <ul>
 * <li>Kotest's data class diff and JUnit-style messages with the field first: {@code ├ phone: expected:<"…"> but
 *   was:<"…">}, {@code cpr: expected: <null> but was: <"…">}, and JUnit 4's message alone before them,
 *   {@code ComparisonFailure: token expected:<[…]> but was:<[…]>};</li>
 * <li>pandas' {@code assert_frame_equal}/{@code assert_series_equal}: {@code (column name="phone") values are
 *   different}, then the column's values as lists, {@code [left]:  [a, b]} and {@code [right]: [c, d]}.</li>
 * </ul>
 * Each value is judged as the named field's whole content ({@link Judge#field}), a phone's under a phone's name by
 * {@link Numbers#phoneValue}; {@code status: expected:<"paid"> but was:<"open">} and {@code (column name="qty")} keep
 * theirs. Triggered by the {@code <} after "but was:" and the {@code [} of {@code [left]:} and {@code [right]:}: no
 * trigger at the words of prose.
 */
final class FieldDiffs extends Detector {

    /** How far back the column's name may stand from pandas' lists. */
    private static final int REACH = 600;
    private static final int MAX_VALUE = 256;
    private static final int MAX_ITEMS = 32;

    private static final boolean[] COLON = Chars.set(": ");
    private static final boolean[] SIDES = Chars.set("lr");

    /** {@code <} after a colon or a blank ({@code was:<}, {@code was: <}); {@code [} before l or r. */
    @Override
    public boolean[] befores(char c) {
        return c == '<' ? COLON : null;
    }

    @Override
    public boolean[] seconds(char c) {
        return c == '[' ? SIDES : null;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i) == '<') {
            if (i >= 8 && s.startsWith("but was:", i - 8)) {
                butWas(scan, i - 8);
            } else if (i >= 9 && s.startsWith("but was: ", i - 9)) {
                butWas(scan, i - 9);
            }
        } else if (s.startsWith("left]:", i + 1)) {
            pandas(scan, i + 1, i + 5);
        } else if (s.startsWith("right]:", i + 1)) {
            pandas(scan, i + 1, i + 6);
        }
        return i + 1;
    }

    /** {@code NAME: expected:<A> but was:<B>} on one line: A and B judged under NAME. */
    private static void butWas(Scan scan, int i) {
        String s = scan.text;
        int lineStart = Chars.lastIndexOf(s, '\n', Math.max(0, i - 2 * MAX_VALUE), i) + 1;
        int expected = before(s, "expected:", lineStart, i);
        if (expected <= 0) {
            return;
        }
        int k = expected - 1;
        while (k > lineStart && s.charAt(k) == ' ') {
            k--;
        }
        boolean colon = s.charAt(k) == ':';
        if (!colon && !Chars.word(s.charAt(k))) {
            return;
        }
        int nameEnd = colon ? k : k + 1;
        int a = nameEnd;
        while (a > lineStart && nameEnd - a < KeyNames.MAX_LENGTH && Chars.word(s.charAt(a - 1))) {
            a--;
        }
        if (a == nameEnd || a > lineStart && s.charAt(a - 1) != ' ') {
            return;   // "… Customer(phone=…): expected:" and the like: not a field's name alone
        }
        if (!colon && a > lineStart && !(a >= 2 && s.charAt(a - 2) == ':')) {
            // JUnit 4's assertEquals(message, …): the message alone, the field's name, right after the exception's
            // colon or at its line's start (ComparisonFailure: token expected:<[…]> but was:<[…]>); not prose's last word
            return;
        }
        int[] name = {a, nameEnd};
        judgeBracketed(scan, name, expected + 9);
        judgeBracketed(scan, name, i + 8);
    }

    /** The value in {@code <…>} at {@code k} (after blanks), its quotes taken off. */
    private static void judgeBracketed(Scan scan, int[] name, int k) {
        String s = scan.text;
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= s.length() || s.charAt(k) != '<') {
            return;
        }
        int start = k + 1;
        int end;
        if (start < s.length() && s.charAt(start) == '"') {
            start++;
            end = Quotes.close(s, start, 1);
            if (end + 1 >= s.length() || s.charAt(end) != '"' || s.charAt(end + 1) != '>') {
                return;
            }
        } else {
            end = Chars.indexOf(s, '>', start, Math.min(s.length(), start + MAX_VALUE));
            if (end < 0) {
                return;
            }
        }
        if (end - start >= 2 && s.charAt(start) == '[' && s.charAt(end - 1) == ']') {
            start++;   // JUnit 4's brackets round where the two values differ: <[…]>
            end--;
        }
        judge(scan, name, start, end);
    }

    /** pandas' {@code [left]:  [a, b]} under the nearest {@code column name="…"} before it. */
    private static void pandas(Scan scan, int i, int w) {
        String s = scan.text;
        int column = before(s, "column name=", Math.max(0, i - REACH), i);
        if (column < 0) {
            return;
        }
        int q = column + 12;
        if (q >= s.length() || s.charAt(q) != '"' && s.charAt(q) != '\'') {
            return;
        }
        int nameEnd = Chars.indexOf(s, s.charAt(q), q + 1, Math.min(s.length(), q + 2 + KeyNames.MAX_LENGTH));
        if (nameEnd < 0) {
            return;
        }
        int[] name = {q + 1, nameEnd};
        int k = w + 2;   // after "]:"
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= s.length() || s.charAt(k) != '[') {
            return;
        }
        int lineEnd = s.indexOf('\n', k);
        lineEnd = lineEnd < 0 ? s.length() : lineEnd;
        int close = Chars.lastIndexOf(s, ']', k, lineEnd);
        if (close < 0) {
            return;
        }
        int start = k + 1;
        for (int n = 0; n < MAX_ITEMS && start < close; n++) {
            int end = Chars.indexOf(s, ',', start, close);
            end = end < 0 ? close : end;
            int a = start;
            int b = end;
            while (a < b && s.charAt(a) == ' ') {
                a++;
            }
            while (b > a && s.charAt(b - 1) == ' ') {
                b--;
            }
            if (b - a >= 2 && (s.charAt(a) == '\'' || s.charAt(a) == '"') && s.charAt(b - 1) == s.charAt(a)) {
                a++;
                b--;
            }
            if (b > a) {
                judge(scan, name, a, b);
            }
            start = end + 1;
        }
    }

    /** Where {@code word} last starts in {@code s[from, to)}, or -1: a bounded {@link String#lastIndexOf}. */
    private static int before(String s, String word, int from, int to) {
        char first = word.charAt(0);
        for (int j = to - word.length(); j >= from; j--) {
            if (s.charAt(j) == first && s.startsWith(word, j)) {
                return j;
            }
        }
        return -1;
    }

    /** Judges {@code s[start, end)} as the whole content of the field named {@code s[name[0], name[1])}. */
    static void judge(Scan scan, int[] name, int start, int end) {
        String s = scan.text;
        if (end <= start || end - start > MAX_VALUE) {
            return;
        }
        KeyNames.Key key = KeyNames.classify(scan, name[0], name[1]);
        SecretKind kind = key == KeyNames.Key.NONE ? null : Judge.field(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        } else if (key == KeyNames.Key.NONE && Numbers.phoneWords(s, name[0], name[1])
                && Numbers.phoneValue(s, start, end)) {
            scan.add(SecretKind.PHONE, start, end);
        }
    }
}
