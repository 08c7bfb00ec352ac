package dev.healdesk.core.redact;

/**
 * A row PostgreSQL prints whole when it refuses it, {@code Failing row contains (8056740, Grace, 031947028, null).}
 * (a check or not-null constraint's DETAIL, as psql, JDBC, node-postgres and psycopg all pass it on), its values paired
 * by position with the column names printed beside it: a {@code columns: id, first_name, ssn, …} line after it, as
 * node-postgres' error object lists them, or the column list of the nearest {@code INSERT INTO t (…)} before it (psql's
 * {@code STATEMENT:}). Each value is judged as a field of its column ({@link Judge#field}), so the id and the name stay;
 * a phone column's value goes when it is a telephone number in any country's layout ({@link Numbers#phoneValue}).
 * Triggered by the row's {@code (}.
 */
final class FailingRows extends Detector {

    private static final String OPENER = "row contains ";
    private static final int MAX_COLUMNS = 64;
    /** How far after the row its column names may stand, and how far before it an INSERT. */
    private static final int REACH = 512;
    private static final boolean[] BEFORE = Chars.set(" ");

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    public int at(Scan scan, int open) {
        String s = scan.text;
        if (open < OPENER.length() || !s.regionMatches(true, open - OPENER.length(), OPENER, 0, OPENER.length())) {
            return open + 1;
        }
        int close = open + 1;
        while (close < s.length() && s.charAt(close) != ')' && s.charAt(close) != '\n') {
            close++;
        }
        if (close >= s.length() || s.charAt(close) != ')') {
            return open + 1;
        }
        KeyNames.Key[] columns = new KeyNames.Key[MAX_COLUMNS];
        boolean[] phones = new boolean[MAX_COLUMNS];
        int count = columnsAfter(scan, close, columns, phones);
        if (count == 0) {
            count = columnsOfInsert(scan, open, columns, phones);
        }
        if (count == 0) {
            return open + 1;
        }
        int a = open + 1;
        for (int n = 0; n < count && a <= close; n++) {
            int b = Chars.indexOf(s, ',', a, close);
            if (b < 0) {
                b = close;
            }
            int start = Chars.skipBlanks(s, a);
            if (phones[n] && b > start && Numbers.phoneValue(s, start, b)) {
                scan.add(SecretKind.PHONE, start, b);   // a phone column's value in the country's own layout
            } else if (columns[n] != KeyNames.Key.NONE) {
                SecretKind kind = Judge.field(columns[n], s, start, b);
                if (kind != null) {
                    scan.add(kind, start, b);
                }
            }
            a = b + 1;
        }
        return close;
    }

    /** The names of a {@code columns: a, b, c} line within {@link #REACH} after the row; how many (0: none). */
    private static int columnsAfter(Scan scan, int close, KeyNames.Key[] columns, boolean[] phones) {
        String s = scan.text;
        int limit = Math.min(s.length(), close + REACH);
        int at = -1;
        for (int i = close; i + 8 < limit; i++) {
            if ((s.charAt(i) == 'c' || s.charAt(i) == 'C') && s.regionMatches(true, i, "columns:", 0, 8)) {
                at = i + 8;
                break;
            }
        }
        if (at < 0) {
            return 0;
        }
        int end = at;
        while (end < s.length() && s.charAt(end) != '\n') {
            end++;
        }
        return SqlValues.columnNames(scan, at, end, columns, phones);
    }

    /** The column list of the nearest {@code INSERT INTO t (a, b)} within {@link #REACH} before the row. */
    private static int columnsOfInsert(Scan scan, int open, KeyNames.Key[] columns, boolean[] phones) {
        String s = scan.text;
        int from = Math.max(0, open - REACH);
        for (int i = open - 11; i >= from; i--) {
            if ((s.charAt(i) == 'i' || s.charAt(i) == 'I') && s.regionMatches(true, i, "insert into ", 0, 12)) {
                int paren = Chars.indexOf(s, '(', i, Math.min(open, i + 200));
                int end = paren < 0 ? -1 : Chars.indexOf(s, ')', paren, open);
                return end < 0 ? 0 : SqlValues.columnNames(scan, paren + 1, end, columns, phones);
            }
        }
        return 0;
    }
}
