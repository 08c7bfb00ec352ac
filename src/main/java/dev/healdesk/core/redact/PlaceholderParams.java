package dev.healdesk.core.redact;

/**
 * The bound values of a prepared statement, printed as a list after the statement whose placeholders they fill, as
 * ORMs and query builders log them: Prisma's query event ({@code query: 'UPDATE … SET `api_token` = ? …'} then
 * {@code params: '["…",4812]'}), TypeORM's {@code … WHERE id = ? -- PARAMETERS: […]}, Knex's {@code bindings: […]},
 * node-postgres' {@code $1}. Each value is paired by position with its placeholder ({@code ?}, or {@code $n} by its
 * number), and the placeholder with the column it is set to or compared with ({@code `api_token` = ?}) or, in an
 * {@code INSERT … (a, b) VALUES (?, ?)}, the column of its place; the value is judged as a field of that column
 * ({@link Judge#field}), so {@code id} and {@code status} stay. Triggered by the list's {@code [}, after a label
 * that names parameters; the statement is the nearest of the few lines before it (or its own line) with a placeholder.
 */
final class PlaceholderParams extends Detector {

    private static final String[] LABELS = {"params", "parameters", "bindings", "binds", "bind", "args", "arguments",
            "values", "parameter"};
    /** How many lines back the statement may stand. */
    private static final int MAX_LINES = 4;
    /** How long the statement's line may be. */
    private static final int MAX_LINE = 4096;
    private static final int MAX_PARAMS = 64;
    private static final boolean[] BEFORE = Chars.set(" '\"=:");

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    public int at(Scan scan, int open) {
        String s = scan.text;
        int k = open - 1;
        while (k >= 0 && open - k <= 4 && (s.charAt(k) == ' ' || s.charAt(k) == '\'' || s.charAt(k) == '"'
                || s.charAt(k) == ':' || s.charAt(k) == '=')) {
            k--;
        }
        int labelEnd = k + 1;
        while (k >= 0 && labelEnd - k <= 12 && Chars.letter(s.charAt(k))) {
            k--;
        }
        if (labelEnd == open || !Chars.isAny(s, k + 1, labelEnd, LABELS)) {
            return open + 1;
        }
        KeyNames.Key[] columns = new KeyNames.Key[MAX_PARAMS];
        int count = statement(scan, k + 1, columns);
        if (count == 0) {
            return open + 1;
        }
        int i = open + 1;
        for (int n = 0; n < MAX_PARAMS && i < s.length(); n++) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            int end;
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                start = i + 1;
                end = Quotes.close(s, start, 1);
                if (end >= s.length() || s.charAt(end) != s.charAt(i)) {
                    return open + 1;
                }
                i = end + 1;
            } else {
                while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ']' && s.charAt(i) != '\n') {
                    i++;
                }
                end = i;
            }
            if (n < count && columns[n] != null && columns[n] != KeyNames.Key.NONE) {
                SecretKind kind = Judge.field(columns[n], s, start, end);
                if (kind != null) {
                    scan.add(kind, start, end);
                }
            }
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != ',') {
                break;
            }
            i++;
        }
        return open + 1;
    }

    /**
     * Fills {@code columns} with what each placeholder of the nearest statement before {@code label} names, by its
     * place; returns how many places there are (0: no statement with placeholders).
     */
    private static int statement(Scan scan, int label, KeyNames.Key[] columns) {
        String s = scan.text;
        int lineEnd = label;
        for (int lines = 0; lines <= MAX_LINES && lineEnd > 0; lines++) {
            int from = Math.max(0, lineEnd - MAX_LINE);
            int nl = Chars.lastIndexOf(s, '\n', from, lineEnd);
            int lineStart = nl >= 0 ? nl + 1 : from;
            int count = placeholders(scan, lineStart, lineEnd, columns);
            if (count > 0) {
                return count;
            }
            lineEnd = lineStart - 1;
        }
        return 0;
    }

    /** The placeholders of {@code s[start, end)} and the columns they stand for; 0 where there are none. */
    private static int placeholders(Scan scan, int start, int end, KeyNames.Key[] columns) {
        String s = scan.text;
        int count = 0;
        int values = -1;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if ((c == 'V' || c == 'v') && s.regionMatches(true, i, "values", 0, 6)) {
                values = i;
            }
            boolean question = c == '?' && (i + 1 >= end || !Chars.word(s.charAt(i + 1)));
            boolean dollar = c == '$' && i + 1 < end && Chars.digit(s.charAt(i + 1));
            if (!question && !dollar) {
                continue;
            }
            int place = count;
            if (dollar) {
                int n = 0;
                int d = i + 1;
                while (d < end && Chars.digit(s.charAt(d)) && n < 1000) {
                    n = n * 10 + s.charAt(d) - '0';
                    d++;
                }
                place = n - 1;
            }
            if (place < 0 || place >= MAX_PARAMS) {
                continue;
            }
            KeyNames.Key key = values >= 0 ? inserted(scan, values, i) : compared(scan, start, i);
            if (columns[place] == null || columns[place] == KeyNames.Key.NONE) {
                columns[place] = key;
            }
            count = Math.max(count, place + 1);
        }
        return count;
    }

    /** The column a placeholder at {@code p} is compared with or set to: {@code `api_token` = ?}, {@code ssn=$2}. */
    private static KeyNames.Key compared(Scan scan, int start, int p) {
        String s = scan.text;
        int k = p - 1;
        while (k > start && s.charAt(k) == ' ') {
            k--;
        }
        if (k <= start || s.charAt(k) != '=') {
            return KeyNames.Key.NONE;
        }
        k--;
        while (k > start && (s.charAt(k) == ' ' || s.charAt(k) == '`' || s.charAt(k) == '"' || s.charAt(k) == ']')) {
            k--;
        }
        int nameEnd = k + 1;
        while (k >= start && nameEnd - k <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(k)))) {
            k--;
        }
        return nameEnd > k + 1 ? KeyNames.classify(scan, k + 1, nameEnd) : KeyNames.Key.NONE;
    }

    /**
     * The column of the placeholder at {@code p} in {@code INSERT … (a, b, c) VALUES (?, ?, ?)}: the column list's
     * name at the placeholder's place among the values.
     */
    private static KeyNames.Key inserted(Scan scan, int values, int p) {
        String s = scan.text;
        int open = Chars.indexOf(s, '(', values, p);
        if (open < 0) {
            return KeyNames.Key.NONE;
        }
        int place = 0;
        for (int i = open + 1; i < p; i++) {
            if (s.charAt(i) == ',') {
                place++;
            }
        }
        int close = values - 1;
        while (close >= 0 && s.charAt(close) == ' ') {
            close--;
        }
        if (close < 0 || s.charAt(close) != ')') {
            return KeyNames.Key.NONE;
        }
        int colsOpen = Chars.lastIndexOf(s, '(', Math.max(0, close - SqlValues.REACH), close);
        if (colsOpen < 0) {
            return KeyNames.Key.NONE;
        }
        int i = colsOpen + 1;
        for (int n = 0; i < close; n++) {
            while (i < close && (s.charAt(i) == ' ' || s.charAt(i) == '`' || s.charAt(i) == '"')) {
                i++;
            }
            int a = i;
            while (i < close && Chars.word(s.charAt(i))) {
                i++;
            }
            if (n == place) {
                return i > a ? KeyNames.classify(scan, a, i) : KeyNames.Key.NONE;
            }
            while (i < close && s.charAt(i) != ',') {
                i++;
            }
            i++;
        }
        return KeyNames.Key.NONE;
    }
}
