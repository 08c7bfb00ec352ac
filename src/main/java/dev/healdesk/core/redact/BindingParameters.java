package dev.healdesk.core.redact;

/**
 * A statement's parameter logged by its place on a line of its own, below the statement whose {@code ?} it fills, as
 * JDBC layers trace what they bind: Hibernate's {@code BasicBinder} ({@code binding parameter [3] as [VARCHAR] - [value]},
 * without the value's brackets in Hibernate 4) and Hibernate 6's {@code JdbcBindingLogging} ({@code binding parameter
 * (3:VARCHAR) <- [value]}), Spring's {@code StatementCreatorUtils} ({@code Setting SQL statement parameter value:
 * column index 3, parameter value [value], value class […]}). The place is paired with the column the statement
 * gives it ({@link PlaceholderParams#placed}: {@code api_key = ?}, or the column of its place in {@code insert into t
 * (a, b, api_key) values (?, ?, ?)}), and the value judged as a field of that column, so an {@code id} or an
 * {@code email} column's value is left to the other rules. Triggered by the bracket of the place ({@code [3]},
 * {@code (3:}) after {@code binding parameter }, or by the value's after {@code parameter value }.
 */
final class BindingParameters extends Detector {

    private static final String BINDING = "binding parameter ";
    private static final String SPRING = "parameter value ";
    private static final String COLUMN = "column index ";
    private static final int MAX_PLACE = 64;
    private static final boolean[] BEFORE = Chars.set(" ");

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    int at(Scan scan, int open) {
        String s = scan.text;
        if (open >= BINDING.length() && s.startsWith(BINDING, open - BINDING.length())) {
            hibernate(scan, open);
        } else if (s.charAt(open) == '[' && open >= SPRING.length() && s.startsWith(SPRING, open - SPRING.length())) {
            spring(scan, open);
        }
        return open + 1;
    }

    /** {@code binding parameter [3] as [VARCHAR] - [value]}, {@code … - value}, {@code binding parameter (3:VARCHAR) <- [value]}. */
    private static void hibernate(Scan scan, int open) {
        String s = scan.text;
        int k = open + 1;
        int place = 0;
        while (k < s.length() && Chars.digit(s.charAt(k)) && place <= MAX_PLACE) {
            place = place * 10 + s.charAt(k) - '0';
            k++;
        }
        if (k == open + 1 || place < 1 || place > MAX_PLACE || k >= s.length()) {
            return;
        }
        int v;
        if (s.charAt(open) == '[') {
            if (!s.startsWith("] as [", k)) {
                return;
            }
            int typeEnd = Chars.indexOf(s, ']', k + 6, Math.min(s.length(), k + 6 + 40));
            if (typeEnd < 0 || !s.startsWith(" - ", typeEnd + 1)) {
                return;
            }
            v = typeEnd + 4;
        } else {
            if (s.charAt(k) != ':') {
                return;
            }
            int typeEnd = Chars.indexOf(s, ')', k + 1, Math.min(s.length(), k + 1 + 40));
            if (typeEnd < 0 || !s.startsWith(" <- [", typeEnd + 1)) {
                return;
            }
            v = typeEnd + 5;
        }
        value(scan, open, place, v);
    }

    /** {@code column index 3, parameter value [value], value class [java.lang.String], SQL type unknown}. */
    private static void spring(Scan scan, int open) {
        String s = scan.text;
        int comma = open - SPRING.length() - 2;
        if (comma < 1 || !s.startsWith(", ", comma)) {
            return;
        }
        int d = comma;
        while (d > 0 && Chars.digit(s.charAt(d - 1)) && comma - d < 3) {
            d--;
        }
        if (d == comma || d < COLUMN.length() || !s.startsWith(COLUMN, d - COLUMN.length())) {
            return;
        }
        int place = Integer.parseInt(s, d, comma, 10);
        if (place < 1 || place > MAX_PLACE) {
            return;
        }
        int end = s.indexOf("], value class [", open + 1);
        int nl = s.indexOf('\n', open);
        if (end < 0 || nl >= 0 && nl < end) {
            return;
        }
        PlaceholderParams.placed(scan, open, place - 1, open + 1, end);
    }

    /** The value at {@code v}: inside brackets that close at the line's end, or bare to the line's end. */
    private static void value(Scan scan, int open, int place, int v) {
        String s = scan.text;
        int nl = s.indexOf('\n', v);
        int end = nl < 0 ? s.length() : nl;
        while (end > v && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        int start = v;
        if (start < end && s.charAt(start) == '[') {
            if (s.charAt(end - 1) != ']') {
                return;
            }
            start++;
            end--;
        }
        if (end > start) {
            PlaceholderParams.placed(scan, open, place - 1, start, end);
        }
    }
}
