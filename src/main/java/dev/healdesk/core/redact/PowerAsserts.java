package dev.healdesk.core.redact;

/**
 * The values a power assertion prints below the expression it failed on, each under the column of the sub-expression
 * it is the value of, joined to it by {@code |} bars: Spock's "Condition not satisfied:", Groovy's power assert,
 * power-assert-js and Kotlin's power-assert plugin.
 * <pre>
 * customer.phone == '+30 690 000 0000'
 * |        |     |
 * |        |     false
 * |        697 150 3232
 * </pre>
 * A value goes when the word of the expression above its column names a secret or a person's datum (judged as that
 * field's whole content, {@link FieldDiffs#judge}: {@code phone}, {@code password}, {@code iban}); {@code status},
 * {@code size()} and {@code false} keep theirs. A value starts at its column and runs to its line's end, since the
 * columns to its right were printed on the lines above. Triggered by a {@code |} at a line's start that opens the
 * block of bars.
 */
final class PowerAsserts extends Detector {

    private static final int MAX_LINES = 24;
    private static final int MAX_LINE = 512;
    private static final boolean[] LINE_FEED = Chars.set("\n");

    /** A bar right after a line feed: no call at the bars of a table's row. */
    @Override
    public boolean[] befores(char c) {
        return LINE_FEED;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i < 2 || s.charAt(i - 1) != '\n' || s.charAt(i - 2) == '|' && bars(s, i - 2)) {
            return i + 1;
        }
        int exprEnd = i - 1;
        int exprStart = Chars.lastIndexOf(s, '\n', Math.max(0, exprEnd - MAX_LINE), exprEnd) + 1;
        if (exprEnd - exprStart < 3 || s.charAt(exprStart) == '|') {
            return i + 1;
        }
        int line = i;
        for (int n = 0; n < MAX_LINES && line < s.length() && s.charAt(line) == '|'; n++) {
            int lineEnd = s.indexOf('\n', line);
            lineEnd = lineEnd < 0 ? s.length() : lineEnd;
            if (n > 0) {
                value(scan, exprStart, exprEnd, line, lineEnd);
            }
            line = lineEnd + 1;
        }
        return i + 1;
    }

    /** Whether the line that holds {@code k} starts with a bar, as the block's lines do. */
    private static boolean bars(String s, int k) {
        int start = Chars.lastIndexOf(s, '\n', Math.max(0, k - MAX_LINE), k) + 1;
        return s.charAt(start) == '|';
    }

    /** The value on the bar line {@code [line, lineEnd)}: its first text that is no bar, judged under the word above. */
    private static void value(Scan scan, int exprStart, int exprEnd, int line, int lineEnd) {
        String s = scan.text;
        int k = line;
        while (k < lineEnd && (s.charAt(k) == '|' || s.charAt(k) == ' ')) {
            k++;
        }
        int column = k - line;
        if (k >= lineEnd || column >= exprEnd - exprStart) {
            return;
        }
        int end = lineEnd;
        while (end > k && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        int nameStart = exprStart + column;
        if (s.charAt(nameStart) == '.') {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < exprEnd && Chars.word(s.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd > nameStart && !(nameEnd < exprEnd && s.charAt(nameEnd) == '(')) {
            FieldDiffs.judge(scan, new int[] {nameStart, nameEnd}, k, end);
        }
    }
}
