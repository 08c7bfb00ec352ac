package dev.healdesk.core.redact;

/**
 * Secrets in tables, as Markdown, psql, the MySQL client and Node's {@code console.table} print them: a cell named
 * like a secret and the value in the next cell ({@code | DB_PASSWORD | s3cr3t |}), and the cells of a column whose
 * header is named like one ({@code | user | password |}, a rule such as {@code |---|---|} or {@code ------+-----},
 * then {@code | bob | hunter2 |}). Cells are split at {@code |} or {@code │}; a value is one word, bare or in
 * backticks or quotes, judged as a {@code key=value}'s ({@link Judge#value}), so {@code | status | ok |} and
 * {@code | token | expired |} stay. A password of small letters only is read as a state or an error
 * ({@code | password | required |}), and a header row is never read as a key and its value. A row is one line, also
 * inside a JSON string where lines are written {@code \n}. Triggered by the cell separator; each row is read once.
 */
final class Tables extends Detector {

    /** Rows longer than this are no table a person reads. */
    private static final int MAX_ROW = 4096;
    static final int MAX_CELLS = 32;

    @Override
    public int at(Scan scan, int i) {
        if (i < scan.tableRowEnd) {
            return i + 1;   // a later separator of a row already read
        }
        String s = scan.text;
        int start = lineStart(s, i);
        int end = lineEnd(s, i);
        scan.tableRowEnd = end;
        if (end - start > MAX_ROW) {
            return i + 1;
        }
        int[] cells = scan.cells();
        int n = cells(s, start, end, cells);
        if (n < 2) {
            return i + 1;
        }
        int next = nextLine(s, end);
        boolean header = next < s.length() && rule(s, next, lineEnd(s, next)) && sameShape(s, nextLine(s,
                lineEnd(s, next)), n, scan);
        if (header) {
            columns(scan, cells, n, nextLine(s, lineEnd(s, next)));
            return i + 1;
        }
        if (next < s.length() && names(s, cells, n) && sameShape(s, next, n, scan)) {
            columns(scan, cells, n, next);   // a Gherkin data table: a row of column names, no rule under it
        }
        for (int c = 0; c + 1 < n; c++) {
            KeyNames.Key key = key(scan, cells[2 * c], cells[2 * c + 1]);
            if (key != KeyNames.Key.NONE) {
                value(scan, key, cells[2 * c + 2], cells[2 * c + 3]);
            }
        }
        return i + 1;
    }

    /** The cells of a header's secret columns, row by row below it, while the rows have the header's cells. */
    private static void columns(Scan scan, int[] header, int n, int row) {
        String s = scan.text;
        KeyNames.Key[] keys = new KeyNames.Key[n];
        boolean[] phones = null;
        boolean any = false;
        for (int c = 0; c < n; c++) {
            keys[c] = key(scan, header[2 * c], header[2 * c + 1]);
            any |= keys[c] != KeyNames.Key.NONE;
            if (keys[c] == KeyNames.Key.NONE && header[2 * c + 1] - header[2 * c] <= KeyNames.MAX_LENGTH
                    && Numbers.phoneWords(s, header[2 * c], header[2 * c + 1])) {
                phones = phones == null ? new boolean[n] : phones;   // | phone |: a person's number in any layout
                phones[c] = true;
                any = true;
            }
        }
        if (!any) {
            return;
        }
        int[] cells = new int[2 * MAX_CELLS];
        int at = row;
        while (at < s.length()) {
            int end = lineEnd(s, at);
            if (end - at > MAX_ROW) {
                return;
            }
            if (!rule(s, at, end)) {
                if (cells(s, at, end, cells) != n) {
                    return;
                }
                for (int c = 0; c < n; c++) {
                    if (keys[c] != KeyNames.Key.NONE) {
                        value(scan, keys[c], cells[2 * c], cells[2 * c + 1]);
                    } else if (phones != null && phones[c] && cells[2 * c + 1] > cells[2 * c]
                            && Numbers.phoneValue(s, cells[2 * c], cells[2 * c + 1])) {
                        scan.add(SecretKind.PHONE, cells[2 * c], cells[2 * c + 1]);
                    }
                }
            }
            at = nextLine(s, end);
        }
    }

    /**
     * Whether every cell is a column's name, one identifier ({@code | name | phone | personal_code |}), as behave,
     * Cucumber, Gauge and SpecFlow head a data table without a rule under it; the rows are then read as a ruled
     * table's (their pairs are read as before as well).
     */
    private static boolean names(String s, int[] cells, int n) {
        for (int c = 0; c < n; c++) {
            int a = cells[2 * c];
            int b = cells[2 * c + 1];
            if (b - a < 2 || b - a > KeyNames.MAX_LENGTH || !Chars.letter(s.charAt(a))) {
                return false;
            }
            for (int k = a + 1; k < b; k++) {
                char ch = s.charAt(k);
                if (!Chars.alnum(ch) && ch != '_' && ch != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    /** What the cell {@code s[start, end)} names, when it is one key name (in backticks, quotes or bold or not). */
    private static KeyNames.Key key(Scan scan, int start, int end) {
        String s = scan.text;
        while (end - start >= 2 && enclosed(s, start, end)) {
            start++;
            end--;
        }
        if (end - start < 2 || end - start > KeyNames.MAX_LENGTH) {
            return KeyNames.Key.NONE;
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.word(c) && c != '-' && c != '.') {
                return KeyNames.Key.NONE;
            }
        }
        KeyNames.Key key = KeyNames.classify(scan, start, end);
        return key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION ? KeyNames.Key.NONE : key;
    }

    /** Judges the cell {@code s[start, end)} as the value of {@code key} and claims it if it is a secret. */
    private static void value(Scan scan, KeyNames.Key key, int start, int end) {
        String s = scan.text;
        while (end - start >= 2 && enclosed(s, start, end)) {
            start++;
            end--;
        }
        if (end <= start) {
            return;
        }
        boolean word = true;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (Chars.space(c)) {
                return;   // a description, not a value
            }
            word &= Chars.lower(c) || c == '_' || c == '-';
        }
        if (word && key == KeyNames.Key.PASSWORD) {
            return;   // a state or an error: | password | required |, | DB_PASSWORD | missing |
        }
        SecretKind kind = Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    private static boolean enclosed(String s, int start, int end) {
        char a = s.charAt(start);
        char z = s.charAt(end - 1);
        return a == z && (a == '`' || a == '"' || a == '\'' || a == '*' || a == '_');
    }

    /**
     * Splits the row {@code s[start, end)} into cells, trimmed, into {@code out} (start, end, ...); a blank cell
     * before the first separator or after the last is the row's border, not a cell. Returns how many.
     */
    static int cells(String s, int start, int end, int[] out) {
        int n = 0;
        int from = start;
        boolean first = true;
        for (int k = start; k <= end; k++) {
            if (k < end && !separator(s.charAt(k))) {
                continue;
            }
            int a = from;
            int b = k;
            while (a < b && Chars.space(s.charAt(a))) {
                a++;
            }
            while (b > a && Chars.space(s.charAt(b - 1))) {
                b--;
            }
            boolean border = a == b && (first || k == end);
            if (!border) {
                if (n == MAX_CELLS) {
                    return 0;
                }
                out[2 * n] = a;
                out[2 * n + 1] = b;
                n++;
            }
            if (k == end && first) {
                return 0;   // no separator at all
            }
            first = false;
            from = k + 1;
        }
        return n;
    }

    private static boolean separator(char c) {
        return c == '|' || c == '\u2502';
    }

    /** Whether the line {@code s[start, end)} is a table's rule: {@code |---|:--:|}, {@code ----+----}, {@code ├──┼──┤}. */
    static boolean rule(String s, int start, int end) {
        int dashes = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '-' || c == '=' || c >= '\u2500' && c <= '\u257f') {
                dashes++;
            } else if (c != '|' && c != '+' && c != ':' && !Chars.space(c)) {
                return false;
            }
        }
        return dashes >= 3;
    }

    /** Whether the line at {@code start} is a row of {@code n} cells (a rule between counts as none). */
    private static boolean sameShape(String s, int start, int n, Scan scan) {
        if (start >= s.length()) {
            return false;
        }
        int end = lineEnd(s, start);
        if (rule(s, start, end)) {
            return false;
        }
        return end - start <= MAX_ROW && cells(s, start, end, new int[2 * MAX_CELLS]) == n;
    }

    /** Where the line holding {@code i} starts: after a line break, or after a {@code \n} written in a JSON string. */
    static int lineStart(String s, int i) {
        for (int k = i - 1; k >= 0 && i - k <= MAX_ROW; k--) {
            char c = s.charAt(k);
            if (c == '\n' || c == '\r' || (c == 'n' || c == 'r') && k > 0 && s.charAt(k - 1) == '\\') {
                return k + 1;
            }
            if (c == '"' && jsonStringStart(s, k)) {
                return k + 1;
            }
        }
        return Math.max(0, i - MAX_ROW);
    }

    /** Where the line holding {@code i} ends: at a line break, a written {@code \n}, or the end of a JSON string. */
    static int lineEnd(String s, int i) {
        int n = s.length();
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c == '\n' || c == '\r' || c == '\\' && k + 1 < n && (s.charAt(k + 1) == 'n' || s.charAt(k + 1) == 'r')
                    || c == '"' && jsonStringEnd(s, k)) {
                return k;
            }
        }
        return n;
    }

    /** Whether the {@code "} at {@code q} opens a JSON string: after {@code :}, {@code ,}, {@code [} or {@code {}. */
    private static boolean jsonStringStart(String s, int q) {
        int k = q - 1;
        while (k >= 0 && q - k <= 4 && Chars.blank(s.charAt(k))) {
            k--;
        }
        return k < 0 || s.charAt(k) == ':' || s.charAt(k) == ',' || s.charAt(k) == '[' || s.charAt(k) == '{';
    }

    /**
     * Whether the {@code "} at {@code q} closes a JSON string: unescaped, before {@code ,}, {@code ]}, <code>}</code>,
     * {@code :} or the end; a quoted cell ({@code | "hunter2" |}) is no such thing.
     */
    private static boolean jsonStringEnd(String s, int q) {
        if (q > 0 && s.charAt(q - 1) == '\\') {
            return false;
        }
        int k = q + 1;
        while (k < s.length() && k - q <= 4 && Chars.blank(s.charAt(k))) {
            k++;
        }
        return k >= s.length() || s.charAt(k) == ',' || s.charAt(k) == ']' || s.charAt(k) == '}' || s.charAt(k) == ':';
    }

    /** Where the line after the one ending at {@code end} starts. */
    private static int nextLine(String s, int end) {
        if (end >= s.length()) {
            return s.length();
        }
        char c = s.charAt(end);
        if (c == '\\') {
            int k = end + 2;
            return s.startsWith("\\n", k) && s.charAt(end + 1) == 'r' ? k + 2 : k;
        }
        if (c == '\r' && end + 1 < s.length() && s.charAt(end + 1) == '\n') {
            return end + 2;
        }
        return end + 1;   // '\n', '\r', or a JSON string's closing quote (the next "line" is what follows)
    }
}
