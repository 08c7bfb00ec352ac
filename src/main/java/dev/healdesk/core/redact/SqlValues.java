package dev.healdesk.core.redact;

/**
 * Values of an SQL {@code INSERT} whose column says what they are, as database errors and ORM logs print the
 * statement: {@code INSERT INTO employees (first_name, ssn, password_hash) VALUES ('Ann', '123456789', '…')}. The
 * column list is matched with each tuple of values by position (the rows of a multi-row insert too, and the
 * {@code +}/{@code -} lines of a seed file's diff); a value under an {@code ssn} column goes when it
 * is nine digits, under a password column always, under another secret-like column when it looks random, under a
 * phone column when it is a telephone number in any country's layout ({@link Numbers#phoneValue}). Triggered
 * by the {@code V} of {@code VALUES}.
 */
final class SqlValues extends Detector {

    static final int MAX_COLUMNS = 64;
    /** How far before {@code VALUES} its column list may start. */
    static final int REACH = 1024;
    /** The most tuples of one {@code VALUES} read. */
    private static final int MAX_ROWS = 1000;

    @Override
    public int at(Scan scan, int v) {
        String s = scan.text;
        if (!s.regionMatches(true, v, "values", 0, 6) || Chars.joinedBefore(s, v)) {
            return v + 1;
        }
        int open = gap(s, v + 6);
        if (open >= s.length() || s.charAt(open) != '(') {
            return v + 1;
        }
        int close = v - 1;
        while (close >= 0 && Chars.space(s.charAt(close))) {
            close--;
        }
        if (close < 0 || s.charAt(close) != ')') {
            return v + 1;
        }
        int colsOpen = Chars.lastIndexOf(s, '(', Math.max(0, close - REACH), close);
        if (colsOpen < 0) {
            return v + 1;
        }
        KeyNames.Key[] columns = new KeyNames.Key[MAX_COLUMNS];
        boolean[] phones = new boolean[MAX_COLUMNS];
        int count = columnNames(scan, colsOpen + 1, close, columns, phones);
        boolean any = false;
        for (int c = 0; c < count; c++) {
            any |= columns[c] != KeyNames.Key.NONE || phones[c];
        }
        if (!any) {
            return v + 6;
        }
        for (int row = 0; row < MAX_ROWS && open < s.length() && s.charAt(open) == '('; row++) {
            int k = tuple(scan, columns, phones, count, open + 1);
            while (k < s.length() && s.charAt(k) != ')' && s.charAt(k) != '\n') {
                k++;
            }
            k = k < s.length() && s.charAt(k) == ')' ? gap(s, k + 1) : s.length();
            if (k >= s.length() || s.charAt(k) != ',') {
                break;
            }
            open = gap(s, k + 1);
        }
        return v + 6;
    }

    /**
     * Where the next tuple may open after {@code k}: past blanks and line breaks, and past a diff's {@code +} or
     * {@code -} at a line's start, so that the rows of a seed file's {@code git diff} are read as rows
     * ({@code VALUES} then {@code +  ('Ann', '…'),} on the lines below).
     */
    private static int gap(String s, int from) {
        int k = from;
        while (k < s.length() && (Chars.space(s.charAt(k))
                || (s.charAt(k) == '+' || s.charAt(k) == '-') && k > 0 && s.charAt(k - 1) == '\n')) {
            k++;
        }
        return k;
    }

    /** Claims the values of the tuple that starts at {@code k} (after its bracket) by their columns; where it stopped. */
    private static int tuple(Scan scan, KeyNames.Key[] columns, boolean[] phones, int count, int k) {
        String s = scan.text;
        for (int column = 0; column < count && k < s.length(); column++) {
            while (k < s.length() && Chars.space(s.charAt(k))) {
                k++;
            }
            int quote = Quotes.open(s, k);
            int start = k + quote;
            int end;
            if (quote == 0 && k + 1 < s.length() && s.charAt(k) == '\\' && s.charAt(k + 1) == '\'') {
                // the statement inside a Python string's repr, which escapes its quotes: VALUES (\'Ann\', \'…\')
                start = k + 2;
                end = start;
                while (end < s.length() && s.charAt(end) != '\n' && !(s.charAt(end) == '\\' && end + 1 < s.length()
                        && s.charAt(end + 1) == '\'')) {
                    end++;
                }
                k = Math.min(s.length(), end + 2);
            } else if (quote > 0) {
                end = Quotes.close(s, start, quote);
                k = Math.min(s.length(), end + quote);
            } else {
                end = start;
                while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != ')' && s.charAt(end) != '\n') {
                    end++;
                }
                k = end;
                while (end > start && Chars.space(s.charAt(end - 1))) {
                    end--;
                }
            }
            claim(scan, columns[column], phones[column], start, end);
            while (k < s.length() && s.charAt(k) != ',' && s.charAt(k) != ')' && s.charAt(k) != '\n') {
                k++;
            }
            if (k >= s.length() || s.charAt(k) != ',') {
                break;
            }
            k++;
        }
        return k;
    }

    /**
     * Reads the column names of {@code s[from, to)}, a list such as {@code first_name, "ssn", `password_hash`, [pin]}
     * (blanks, quotes, backticks and brackets round each name), into {@code columns}, each as {@link KeyNames} reads
     * it, and into {@code phones} whether a name that names no secret names a telephone ({@link Numbers#phoneWords}:
     * {@code phone}, {@code mobile_number}); how many (at most {@code columns.length}).
     */
    static int columnNames(Scan scan, int from, int to, KeyNames.Key[] columns, boolean[] phones) {
        String s = scan.text;
        int count = 0;
        int i = from;
        while (i < to && count < columns.length) {
            while (i < to && (Chars.space(s.charAt(i)) || s.charAt(i) == ',' || s.charAt(i) == '"'
                    || s.charAt(i) == '`' || s.charAt(i) == '[')) {
                i++;
            }
            int start = i;
            while (i < to && s.charAt(i) != ',' && s.charAt(i) != '"' && s.charAt(i) != '`' && s.charAt(i) != ']'
                    && !Chars.space(s.charAt(i))) {
                i++;
            }
            columns[count] = KeyNames.classify(scan, start, i);
            phones[count] = columns[count] == KeyNames.Key.NONE && Numbers.phoneWords(s, start, i);
            count++;
            while (i < to && s.charAt(i) != ',') {
                i++;
            }
        }
        return count;
    }

    private static void claim(Scan scan, KeyNames.Key key, boolean phone, int start, int end) {
        String s = scan.text;
        if (phone && end > start && Numbers.phoneValue(s, start, end)) {
            scan.add(SecretKind.PHONE, start, end);   // a telephone number in the country's own layout: '012-138 0675'
            return;
        }
        if (key == KeyNames.Key.NONE || end <= start || Values.placeholder(s, start, end)
                || s.charAt(start) == '$' || s.charAt(start) == '?' || s.charAt(start) == ':') {
            return;   // a bind parameter ($1, ?, :name) is not the value
        }
        if (key != KeyNames.Key.PASSWORD && zeros(s, start, end)) {
            return;   // '000-00-0000': a fixture's placeholder for a person's number, no one's
        }
        SecretKind kind = Judge.field(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    /** Whether {@code s[start, end)} has digits and all of them are zeros ({@code 000-00-0000}, {@code 0000 0000}). */
    private static boolean zeros(String s, int start, int end) {
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
            digit |= c == '0';
        }
        return digit;
    }
}
