package dev.healdesk.core.redact;

/**
 * The values a data validator lists as failing a check on a column, judged as that column's content: pandera's
 * {@code Column 'oib' failed element-wise validator number 0: str_length(11, 11) failure cases: 1474…, 8384…}, Great
 * Expectations' {@code expect_column_values_to_match_regex(column="phone", …)} with its {@code partial_unexpected_list:
 * ['…', …]} below, and any list so labelled ({@code unexpected_list}, {@code failure_cases}, "invalid values",
 * "offending values") after the column's name on its line or the three lines before. Triggered by the label's colon.
 * Each item, quoted or up to a comma, is judged as {@link FieldDiffs#judge} judges a field's whole content: a person's
 * number by its shape, a phone under a phone's name, a token when it looks random; so {@code column="qty"} and
 * {@code column="country"}'s failures stay.
 */
final class FailureCases extends Detector {

    private static final String[] LABELS = {"failure cases", "failure_cases", "unexpected_list",
            "partial_unexpected_list", "unexpected values", "unexpected_values", "invalid values", "invalid_values",
            "offending values", "failing values"};
    /** The last letter of a label, before its colon. */
    private static final boolean[] LAST = Chars.set("st");
    /** How far before the label the column's name is looked for: its line and three before. */
    private static final int LINES = 4;
    private static final int REACH = 600;
    private static final int MAX_ITEMS = 64;

    @Override
    boolean[] befores(char c) {
        return LAST;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        if (!labelled(s, i)) {
            return i + 1;
        }
        int[] name = column(s, i);
        if (name == null) {
            return i + 1;
        }
        int v = i + 1;
        while (v < s.length() && Chars.blank(s.charAt(v))) {
            v++;
        }
        if (v < s.length() && s.charAt(v) == '[') {
            v++;
        }
        for (int n = 0; n < MAX_ITEMS && v < s.length(); n++) {
            while (v < s.length() && Chars.blank(s.charAt(v))) {
                v++;
            }
            if (v >= s.length()) {
                break;
            }
            char q = s.charAt(v);
            int start;
            int end;
            if (q == '\'' || q == '"') {
                start = v + 1;
                end = Quotes.close(s, start, 1);
                if (end >= s.length() || s.charAt(end) != q) {
                    break;
                }
                v = end + 1;
            } else if (Chars.alnum(q) || q == '+' || q == '(') {
                start = v;
                end = v;
                while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != ']' && s.charAt(end) != '"'
                        && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                    end++;
                }
                while (end > start && Chars.blank(s.charAt(end - 1))) {
                    end--;
                }
                v = end;
            } else {
                break;   // a list of objects, a bracket: no values of the column
            }
            FieldDiffs.judge(scan, name, start, end);
            while (v < s.length() && Chars.blank(s.charAt(v))) {
                v++;
            }
            if (v >= s.length() || s.charAt(v) != ',') {
                break;
            }
            v++;
        }
        return i + 1;
    }

    /** Whether one of {@link #LABELS} ends at the colon {@code colon}, a word of its own. */
    private static boolean labelled(String s, int colon) {
        for (String label : LABELS) {
            int start = colon - label.length();
            if (start >= 0 && s.regionMatches(true, start, label, 0, label.length())
                    && (start == 0 || !Chars.alnum(s.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bounds of the column's name nearest before {@code from} within {@link #LINES} lines: {@code column="phone"},
     * {@code column: 'oib'}, {@code Column 'oib'}, {@code "column": "oib"}; null where none is named.
     */
    private static int[] column(String s, int from) {
        int lines = 0;
        for (int k = from - 6; k >= 0 && from - k < REACH; k--) {
            char c = s.charAt(k);
            if (c == '\n' && ++lines >= LINES) {
                return null;
            }
            if ((c == 'c' || c == 'C') && s.regionMatches(true, k, "column", 0, 6)
                    && (k == 0 || !Chars.alnum(s.charAt(k - 1)))) {
                int p = k + 6;
                if (p < s.length() && s.charAt(p) == '"') {
                    p++;   // "column": "oib"
                }
                int seps = 0;
                while (p < s.length() && seps < 3 && (Chars.blank(s.charAt(p)) || s.charAt(p) == '=' || s.charAt(p) == ':')) {
                    p++;
                    seps++;
                }
                if (seps == 0 || p >= s.length() || s.charAt(p) != '\'' && s.charAt(p) != '"') {
                    continue;
                }
                int start = p + 1;
                int end = start;
                while (end < s.length() && end - start < KeyNames.MAX_LENGTH
                        && (Chars.word(s.charAt(end)) || s.charAt(end) == '-' || s.charAt(end) == ' ')) {
                    end++;
                }
                if (end > start && end < s.length() && s.charAt(end) == s.charAt(p)) {
                    return new int[] {start, end};
                }
            }
        }
        return null;
    }
}
