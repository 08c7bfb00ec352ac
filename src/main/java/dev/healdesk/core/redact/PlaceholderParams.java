package dev.healdesk.core.redact;

/**
 * The bound values of a prepared statement, printed as a list after the statement whose placeholders they fill, as
 * ORMs and query builders log them: Prisma's query event ({@code query: 'UPDATE … SET `api_token` = ? …'} then
 * {@code params: '["…",4812]'}), TypeORM's {@code … WHERE id = ? -- PARAMETERS: […]}, Knex's {@code bindings: […]}, EclipseLink's
 * {@code bind => […]} on the line below its statement,
 * node-postgres' {@code $1}, peewee's tuple of a statement with DB-API's {@code %s} and its list ({@code ('… "token" =
 * %s …', ['…', 1, 0])}). Each value is paired by position with its placeholder ({@code ?}, or {@code $n} by its
 * number), and the placeholder with the column it is set to or compared with ({@code `api_token` = ?}) or, in an
 * {@code INSERT … (a, b) VALUES (?, ?)}, the column of its place; the value is judged as a field of that column
 * ({@link Judge#field}), so {@code id} and {@code status} stay; a value of a column a phone's name names goes when
 * it is a phone number ({@link Numbers#phoneValue}). Triggered by the list's {@code [}, after a label that names
 * parameters, or by the opening brace of an object keyed by the places from 1 after such a label, as Doctrine DBAL
 * logs them ({@code (parameters: {"1":"…","2":"…"}, types: …)}); the statement is the nearest of the few lines
 * before it (or its own line) with a placeholder, else the {@code sql} field of the few lines after it (Knex's query
 * object, {@link #sqlAfter}). Or with no label, where the list ends the statement's own line after a blank, as Ecto's query log prints it
 * ({@code INSERT INTO "users" ("email","cpr") VALUES ($1,$2) RETURNING "id" ["…", "…"]}); a list after a colon, a
 * comma or an equals sign, or at a line's start ({@code [debug]}), is no such list. Also Sequelize's values after its
 * statement's {@code ; } ({@link #trailingBinds}) and Entity Framework Core's {@code [Parameters=[@p0='…', …]]} above
 * its statement ({@link #efCore}).
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

    private static final boolean[] BLANK = Chars.set(" ");

    @Override
    public boolean[] befores(char c) {
        return c == ';' ? null : BEFORE;
    }

    @Override
    public boolean[] seconds(char c) {
        return c == ';' ? BLANK : null;
    }

    @Override
    public int at(Scan scan, int open) {
        String s = scan.text;
        if (s.charAt(open) == ';') {
            return trailingBinds(scan, open);
        }
        int k = open - 1;
        while (k >= 0 && open - k <= 4 && (s.charAt(k) == ' ' || s.charAt(k) == '\'' || s.charAt(k) == '"'
                || s.charAt(k) == ':' || s.charAt(k) == '=' || s.charAt(k) == '>' && k > 0 && s.charAt(k - 1) == '=')) {
            k--;
        }
        int labelEnd = k + 1;
        while (k >= 0 && labelEnd - k <= 12 && Chars.letter(s.charAt(k))) {
            k--;
        }
        // the places' arrays are made only once a label or a statement's own list is seen: most brackets after a quote
        // or a colon are JSON's, and zeroing 64 places for each of them cost a tenth of the whole scan
        KeyNames.Key[] columns;
        int[] names;
        int count;
        if (labelEnd < open && s.charAt(open) == '[' && s.charAt(open - 1) == '=' && open + 2 < s.length()
                && s.charAt(open + 1) == '@' && Chars.isAny(s, k + 1, labelEnd, LABELS)) {
            efCore(scan, open);   // Entity Framework Core's [Parameters=[@p0='…' (Size = 4000), …]] and the SQL below
            return open + 1;
        }
        if (labelEnd == open || !Chars.isAny(s, k + 1, labelEnd, LABELS)) {
            int lineStart = s.charAt(open) == '[' ? trailing(s, open) : -1;
            int statementEnd = open;
            if (lineStart < 0) {
                statementEnd = s.charAt(open) == '[' ? paired(s, open) : -1;
                if (statementEnd < 0) {
                    return open + 1;
                }
                int nl = Chars.lastIndexOf(s, '\n', Math.max(0, statementEnd - MAX_LINE), statementEnd);
                lineStart = nl + 1;
            }
            columns = new KeyNames.Key[MAX_PARAMS];
            names = new int[2 * MAX_PARAMS];
            count = placeholders(scan, lineStart, statementEnd, columns, names);
        } else {
            columns = new KeyNames.Key[MAX_PARAMS];
            names = new int[2 * MAX_PARAMS];
            count = statement(scan, k + 1, columns, names);
        }
        if (count == 0) {
            return open + 1;
        }
        if (s.charAt(open) == '{') {
            keyed(scan, open, count, columns, names);
            return open + 1;
        }
        int[] span = new int[2];
        int i = open + 1;
        for (int n = 0; n < MAX_PARAMS && i < s.length(); n++) {
            i = value(s, Chars.skipBlanks(s, i), s.charAt(open) == '(' ? ')' : ']', span);
            if (i < 0) {
                return open + 1;
            }
            param(scan, n, span[0], span[1], count, columns, names);
            i = Chars.skipBlanks(s, i);
            if (i >= s.length() || s.charAt(i) != ',') {
                break;
            }
            i++;
        }
        return open + 1;
    }

    /**
     * Sequelize's log of a statement with its bind parameters after it ({@code logQueryParameters}): the statement, a
     * {@code ;}, a blank and the values as JSON, parted by {@code ", "}, to the line's end ({@code Executing (default):
     * SELECT … WHERE "User"."apiKey" = $1 LIMIT 1; "…", 42}); each judged as the column of its place. Triggered by the
     * {@code "; "} of a line whose statement before it has placeholders and whose list starts with a quoted value or a
     * number and fills the rest of the line.
     */
    private static int trailingBinds(Scan scan, int semi) {
        String s = scan.text;
        int i = semi + 2;
        if (i >= s.length() || s.charAt(i) != '"' && !Chars.digit(s.charAt(i))) {
            return semi + 1;
        }
        int nl = Chars.lastIndexOf(s, '\n', Math.max(0, semi - MAX_LINE), semi);
        int lineStart = nl + 1;
        if (Chars.indexOf(s, '$', lineStart, semi) < 0 && Chars.indexOf(s, '?', lineStart, semi) < 0) {
            return semi + 1;
        }
        KeyNames.Key[] columns = new KeyNames.Key[MAX_PARAMS];
        int[] names = new int[2 * MAX_PARAMS];
        int count = placeholders(scan, lineStart, semi, columns, names);
        if (count == 0) {
            return semi + 1;
        }
        int[] spans = new int[2 * MAX_PARAMS];
        int[] span = new int[2];
        int n = 0;
        while (n < MAX_PARAMS) {
            i = value(s, i, '\n', span);
            if (i < 0) {
                return semi + 1;
            }
            spans[2 * n] = span[0];
            spans[2 * n + 1] = span[1];
            n++;
            if (i + 1 < s.length() && s.charAt(i) == ',' && s.charAt(i + 1) == ' ') {
                i += 2;
            } else {
                break;
            }
        }
        if (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            return semi + 1;   // the list does not fill the line: a "; " in prose or a cookie
        }
        for (int k = 0; k < n; k++) {
            param(scan, k, spans[2 * k], spans[2 * k + 1], count, columns, names);
        }
        return semi + 1;   // the values are read by the other rules too (an e-mail address, a card)
    }

    /** How far below its parameters Entity Framework Core's statement may reach. */
    private static final int EF_REACH = 2048;

    /**
     * Entity Framework Core's log of a command ({@code Executed DbCommand (3ms) [Parameters=[@p0='…' (Nullable =
     * false) (Size = 4000), @p1='…'], CommandType='Text', CommandTimeout='30']}) with sensitive data logging on, its
     * statement on the lines below: each positional parameter ({@code @p0}, {@code @p1}) is judged as the column the
     * statement gives it, the one it is compared with or set to ({@code [Token] = @p1}) or the one of its place in
     * {@code INSERT INTO [T] ([a], [b]) … VALUES (@p0, @p1)} (an {@code OUTPUT INSERTED.…} clause between); a parameter
     * named for its variable ({@code @__apiKey_0}) is read by the name-value rules.
     */
    private static void efCore(Scan scan, int open) {
        String s = scan.text;
        int[] spans = new int[3 * MAX_PARAMS];
        int n = 0;
        int i = open + 1;
        while (n < MAX_PARAMS && i + 2 < s.length() && s.charAt(i) == '@') {
            int name = i + 1;
            int nameEnd = name;
            while (nameEnd < s.length() && Chars.word(s.charAt(nameEnd))) {
                nameEnd++;
            }
            if (!s.startsWith("='", nameEnd)) {
                return;
            }
            int v = nameEnd + 2;
            int end = v;
            while (end < s.length() && s.charAt(end) != '\n' && !(s.charAt(end) == '\'' && (end + 1 >= s.length()
                    || s.charAt(end + 1) == ' ' || s.charAt(end + 1) == ',' || s.charAt(end + 1) == ']'))) {
                end++;
            }
            if (end >= s.length() || s.charAt(end) != '\'') {
                return;
            }
            if (s.charAt(name) == 'p' && nameEnd > name + 1 && Chars.digit(s.charAt(name + 1))) {
                int place = 0;
                for (int d = name + 1; d < nameEnd && place <= MAX_PARAMS; d++) {
                    place = Chars.digit(s.charAt(d)) ? place * 10 + s.charAt(d) - '0' : MAX_PARAMS + 1;
                }
                spans[3 * n] = place;
                spans[3 * n + 1] = v;
                spans[3 * n + 2] = end;
                n++;
            }
            i = end + 1;
            while (s.startsWith(" (", i)) {
                int close = Chars.indexOf(s, ')', i, Math.min(s.length(), i + 64));
                if (close < 0) {
                    return;
                }
                i = close + 1;
            }
            if (!s.startsWith(", @", i)) {
                break;
            }
            i += 2;
        }
        if (n == 0) {
            return;
        }
        int from = s.indexOf("CommandTimeout=", i);
        from = from < 0 || from - i > 200 ? i : from;
        int to = Math.min(s.length(), from + EF_REACH);
        int[] name = new int[2];
        for (int k = 0; k < n; k++) {
            int place = spans[3 * k];
            if (place > MAX_PARAMS || !efColumn(s, from, to, place, name)) {
                continue;
            }
            int v = spans[3 * k + 1];
            int end = spans[3 * k + 2];
            KeyNames.Key key = column(scan, name[0], name[1]);
            if (key != null && key != KeyNames.Key.NONE) {
                SecretKind kind = Judge.field(key, s, v, end);
                if (kind != null) {
                    scan.add(kind, v, end);
                }
            } else if (end > v && Numbers.phoneWords(s, name[0], name[1]) && Numbers.phoneValue(s, v, end)) {
                scan.add(SecretKind.PHONE, v, end);
            }
        }
    }

    /**
     * The column that {@code @p<place>} stands for in the statement within {@code s[from, to)}: its span goes into
     * {@code name}; false where the statement gives it none.
     */
    private static boolean efColumn(String s, int from, int to, int place, int[] name) {
        String p = "@p" + place;
        int at = s.indexOf(p, from);
        while (at >= 0 && at + p.length() < to && Chars.word(s.charAt(at + p.length()))) {
            at = s.indexOf(p, at + 1);   // @p1 is no @p12
        }
        if (at < 0 || at >= to) {
            return false;
        }
        int k = at - 1;
        while (k > from && s.charAt(k) == ' ') {
            k--;
        }
        if (s.charAt(k) == '=') {
            k--;
            while (k > from && (s.charAt(k) == ' ' || s.charAt(k) == ']' || s.charAt(k) == '"' || s.charAt(k) == '`')) {
                k--;
            }
            name[1] = k + 1;
            while (k > from && Chars.word(s.charAt(k))) {
                k--;
            }
            name[0] = k + 1;
            return name[1] > name[0];
        }
        int values = s.lastIndexOf("VALUES (", at);
        int insert = s.lastIndexOf("INSERT INTO ", at);
        if (values < from || insert < from || insert > values) {
            return false;
        }
        int nth = 0;
        for (int c = values + 8; c < at; c++) {
            char ch = s.charAt(c);
            if (ch == ',') {
                nth++;
            } else if (ch == ')' || ch == '(') {
                return false;   // another row's values, or a function's call
            }
        }
        int cols = Chars.indexOf(s, '(', insert, values);
        if (cols < 0) {
            return false;
        }
        int c = cols + 1;
        for (int col = 0; c < values; col++) {
            while (c < values && (s.charAt(c) == ' ' || s.charAt(c) == '[' || s.charAt(c) == '"' || s.charAt(c) == '`')) {
                c++;
            }
            int a = c;
            while (c < values && Chars.word(s.charAt(c))) {
                c++;
            }
            if (col == nth) {
                name[0] = a;
                name[1] = c;
                return c > a;
            }
            while (c < values && s.charAt(c) != ',' && s.charAt(c) != ')') {
                c++;
            }
            if (c >= values || s.charAt(c) == ')') {
                return false;
            }
            c++;
        }
        return false;
    }

    /**
     * The values of an object keyed by their placeholders' places, from 1 ({@code {"1":"…","2":"…","3":1842}}), each
     * judged as the value of the place its key names; a key that is no number (a named parameter) ends the reading.
     */
    private static void keyed(Scan scan, int open, int count, KeyNames.Key[] columns, int[] names) {
        String s = scan.text;
        int[] span = new int[2];
        int i = open + 1;
        for (int entries = 0; entries < MAX_PARAMS && i < s.length(); entries++) {
            i = Chars.skipBlanks(s, i);
            boolean quoted = i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'');
            int k = quoted ? i + 1 : i;
            int place = 0;
            while (k < s.length() && Chars.digit(s.charAt(k)) && place < MAX_PARAMS + 1) {
                place = place * 10 + s.charAt(k) - '0';
                k++;
            }
            if (place < 1 || place > MAX_PARAMS || quoted && (k >= s.length() || s.charAt(k) != s.charAt(i))) {
                return;
            }
            i = Chars.skipBlanks(s, quoted ? k + 1 : k);
            if (i >= s.length() || s.charAt(i) != ':') {
                return;
            }
            i = value(s, Chars.skipBlanks(s, i + 1), '}', span);
            if (i < 0) {
                return;
            }
            param(scan, place - 1, span[0], span[1], count, columns, names);
            i = Chars.skipBlanks(s, i);
            if (i >= s.length() || s.charAt(i) != ',') {
                return;
            }
            i++;
        }
    }

    /**
     * Reads the value at {@code i}: a quoted one (its span inside the quotes), or a bare one up to a comma, {@code close}
     * or the line's end. Its span goes into {@code span}; returns where the reading goes on, or -1 for a quote that is
     * never closed.
     */
    private static int value(String s, int i, char close, int[] span) {
        if (s.startsWith("\\\"", i)) {
            // a value quoted with escaped quotes, as the statement and its list printed inside a string have them:
            // Rust's {:?} of Diesel's debug_query, "… VALUES ($1, $2) -- binds: [\"…\", \"…\"]" (redact62)
            int end = Quotes.close(s, i + 2, 2);
            if (!s.startsWith("\\\"", end)) {
                return -1;
            }
            span[0] = i + 2;
            span[1] = end;
            return end + 2;
        }
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            int end = Quotes.close(s, i + 1, 1);
            if (end >= s.length() || s.charAt(end) != s.charAt(i)) {
                return -1;
            }
            span[0] = i + 1;
            span[1] = end;
            return end + 1;
        }
        int end = i;
        while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != close && s.charAt(end) != '\n') {
            end++;
        }
        span[0] = i;
        span[1] = end;
        return end;
    }

    /**
     * MyBatis' log of the values bound to the statement of its {@code ==>  Preparing:} line, at {@code from}: each
     * value followed by its Java type in brackets, parted by commas, to the line's end ({@code ==> Parameters:
     * ana@…(String), 42(Integer), null}); each judged as the column of its place, as the lists above are.
     */
    static void typed(Scan scan, int label, int from) {
        String s = scan.text;
        KeyNames.Key[] columns = new KeyNames.Key[MAX_PARAMS];
        int[] names = new int[2 * MAX_PARAMS];
        int count = statement(scan, label, columns, names);
        if (count == 0) {
            return;
        }
        int nl = s.indexOf('\n', from);
        int lineEnd = nl < 0 ? s.length() : nl;
        if (lineEnd > from && s.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        int start = from;
        int n = 0;
        for (int k = from; k < lineEnd && n < count; k++) {
            boolean typeEnd = s.charAt(k) == ')' && (k + 1 == lineEnd || s.startsWith(", ", k + 1));
            boolean bareNull = s.startsWith("null", start) && k == start + 4 && (k == lineEnd || s.startsWith(", ", k));
            if (bareNull) {
                n++;
                start = k + 2;
                k = k + 1;
                continue;
            }
            if (!typeEnd) {
                continue;
            }
            int open = k - 1;
            while (open > start && Chars.letter(s.charAt(open))) {
                open--;
            }
            if (open <= start || s.charAt(open) != '(' || open + 1 >= k || !Chars.upper(s.charAt(open + 1))) {
                continue;   // a bracket inside the value
            }
            param(scan, n, start, open, count, columns, names);
            n++;
            start = k + 3;
            k = k + 2;
        }
    }

    /**
     * The value {@code s[start, end)} that a line of its own binds to place {@code n} (from 0) of the statement above it,
     * as JDBC layers trace each parameter ({@link BindingParameters}): the statement is the nearest line with
     * placeholders among the {@value #MAX_LINES} lines above the place's own line, not counting the lines that bind
     * the places before it (whose values are no statement, though they may hold a {@code ?}); the value is judged as
     * the lists' values are ({@link #param}).
     */
    static void placed(Scan scan, int at, int n, int start, int end) {
        String s = scan.text;
        int lineEnd = Chars.lastIndexOf(s, '\n', Math.max(0, at - MAX_LINE), at);
        for (int lines = 0; lines <= MAX_LINES + n && lineEnd > 0; lines++) {
            int from = Math.max(0, lineEnd - MAX_LINE);
            int nl = Chars.lastIndexOf(s, '\n', from, lineEnd);
            int lineStart = nl >= 0 ? nl + 1 : from;
            if (!binds(s, lineStart, lineEnd)) {
                KeyNames.Key[] columns = new KeyNames.Key[MAX_PARAMS];
                int[] names = new int[2 * MAX_PARAMS];
                int count = placeholders(scan, lineStart, lineEnd, columns, names);
                if (count > 0) {
                    param(scan, n, start, end, count, columns, names);
                    return;
                }
            }
            lineEnd = lineStart - 1;
        }
    }

    /** Whether {@code s[start, end)} is a line that binds one parameter ({@link BindingParameters}). */
    private static boolean binds(String s, int start, int end) {
        return Chars.contains(s, start, end, "binding parameter ", false)
                || Chars.contains(s, start, end, "column index ", false);
    }

    /** The value {@code s[start, end)} of place {@code n}, judged as a field of the column the statement names there. */
    private static void param(Scan scan, int n, int start, int end, int count, KeyNames.Key[] columns, int[] names) {
        String s = scan.text;
        if (n < count && columns[n] != null && columns[n] != KeyNames.Key.NONE) {
            SecretKind kind = Judge.field(columns[n], s, start, end);
            if (kind != null) {
                scan.add(kind, start, end);
            }
        } else if (n < count && names[2 * n + 1] > names[2 * n] && end > start
                && Numbers.phoneWords(s, names[2 * n], names[2 * n + 1]) && Numbers.phoneValue(s, start, end)) {
            scan.add(SecretKind.PHONE, start, end);
        }
    }

    /**
     * Where the line of the list opening at {@code open} starts, when the list stands after a blank that follows a name,
     * a quote or a bracket, and closes at the line's end (a statement's own list of values); -1 otherwise.
     */
    private static int trailing(String s, int open) {
        if (open < 2 || s.charAt(open - 1) != ' ') {
            return -1;
        }
        char before = s.charAt(open - 2);
        if (!(Chars.word(before) || before == '"' || before == ')' || before == '`')) {
            return -1;
        }
        int nl = s.indexOf('\n', open);
        int end = nl < 0 ? s.length() : nl;
        while (end > open && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        if (s.charAt(end - 1) != ']' || end - open > MAX_LINE) {
            return -1;
        }
        int from = Math.max(0, open - MAX_LINE);
        int back = Chars.lastIndexOf(s, '\n', from, open);
        return back >= 0 ? back + 1 : from;
    }

    /**
     * Where the quoted statement ends when the list opening at {@code open} is paired with it as a tuple's second item,
     * {@code ('UPDATE … SET "key" = %s …', ['…', 3322256])}, as Python's database layers log a query and its
     * parameters (peewee's, a DB-API cursor's); -1 otherwise.
     */
    private static int paired(String s, int open) {
        if (open < 4 || s.charAt(open - 1) != ' ' || s.charAt(open - 2) != ',') {
            return -1;
        }
        char q = s.charAt(open - 3);
        if (q != '\'' && q != '"') {
            return -1;
        }
        // the statement opens the tuple, ('SELECT …: most ", [" are a JSON array's, after a short string
        int from = Math.max(0, open - 4 - MAX_LINE);
        int start = open - 4;
        while (start >= from && s.charAt(start) != q && s.charAt(start) != '\n') {
            start--;
        }
        if (start < 1 || s.charAt(start) != q || s.charAt(start - 1) != '(' || !Chars.letter(s.charAt(start + 1))) {
            return -1;
        }
        return open - 3;
    }

    /**
     * Fills {@code columns} with what each placeholder of the nearest statement before {@code label} names, by its
     * place, and {@code names} with the spans of their names; returns how many places there are (0: no statement with
     * placeholders).
     */
    private static int statement(Scan scan, int label, KeyNames.Key[] columns, int[] names) {
        String s = scan.text;
        int lineEnd = label;
        for (int lines = 0; lines <= MAX_LINES && lineEnd > 0; lines++) {
            int from = Math.max(0, lineEnd - MAX_LINE);
            int nl = Chars.lastIndexOf(s, '\n', from, lineEnd);
            int lineStart = nl >= 0 ? nl + 1 : from;
            int count = placeholders(scan, lineStart, lineEnd, columns, names);
            if (count > 0) {
                return count;
            }
            lineEnd = lineStart - 1;
        }
        return sqlAfter(scan, label, columns, names);
    }

    /**
     * The statement of an object printed with its bindings first and its {@code sql} field after them, as Knex's
     * query object is ({@code { method: 'update', bindings: […], sql: 'update "accounts" set "api_token" = ? …' }} and
     * its {@code toSQL()}): the nearest {@code sql:} (or {@code "sql":}) of the few lines after the label; no other
     * statement after a list is read as its own.
     */
    private static int sqlAfter(Scan scan, int label, KeyNames.Key[] columns, int[] names) {
        String s = scan.text;
        int lineStart = label;
        for (int lines = 0; lines <= MAX_LINES && lineStart < s.length(); lines++) {
            int nl = s.indexOf('\n', lineStart);
            int lineEnd = nl < 0 || nl - lineStart > MAX_LINE ? Math.min(s.length(), lineStart + MAX_LINE) : nl;
            int k = Chars.skipBlanks(s, lineStart);
            if (k < lineEnd && s.charAt(k) == '"') {
                k++;
            }
            if (s.startsWith("sql", k) && k + 3 < lineEnd) {
                int c = s.charAt(k + 3) == '"' ? k + 4 : k + 3;
                if (c < lineEnd && s.charAt(c) == ':') {
                    return placeholders(scan, c + 1, lineEnd, columns, names);
                }
            }
            lineStart = lineEnd + 1;
        }
        return 0;
    }

    /** The placeholders of {@code s[start, end)} and the columns they stand for; 0 where there are none. */
    private static int placeholders(Scan scan, int start, int end, KeyNames.Key[] columns, int[] names) {
        String s = scan.text;
        int count = 0;
        int values = -1;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if ((c == 'V' || c == 'v') && s.regionMatches(true, i, "values", 0, 6)) {
                values = i;
            }
            boolean question = (c == '?' || c == '%' && i + 1 < end && s.charAt(i + 1) == 's'   // ?, DB-API's %s
                    && (i + 2 >= end || !Chars.word(s.charAt(i + 2)))) && (i + 1 >= end || !Chars.word(s.charAt(i + 1))
                    || c == '%');
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
            int[] name = new int[2];
            KeyNames.Key key = values >= 0 ? inserted(scan, values, i, name) : compared(scan, start, i, name);
            if (columns[place] == null || columns[place] == KeyNames.Key.NONE) {
                columns[place] = key;
                names[2 * place] = name[0];
                names[2 * place + 1] = name[1];
            }
            count = Math.max(count, place + 1);
        }
        return count;
    }

    /**
     * The column a placeholder at {@code p} is compared with or set to: {@code `api_token` = ?}, {@code ssn=$2} (its
     * span in {@code name}).
     */
    private static KeyNames.Key compared(Scan scan, int start, int p, int[] name) {
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
        name[0] = k + 1;
        name[1] = nameEnd;
        return nameEnd > k + 1 ? column(scan, k + 1, nameEnd) : KeyNames.Key.NONE;
    }

    /**
     * The column {@code scan.text[start, end)} classified as a key's name; a column named {@code key} alone, as a
     * session or an API key table names the one it looks rows up by (Django's and peewee's {@code "session"."key"}),
     * is a bare key: its bound value goes when it looks generated ({@link Judge#field}), so {@code "key" = 'theme'}
     * stays.
     */
    private static KeyNames.Key column(Scan scan, int start, int end) {
        KeyNames.Key key = KeyNames.classify(scan, start, end);
        return key == KeyNames.Key.NONE && Chars.is(scan.text, start, end, "key") ? KeyNames.Key.KEY : key;
    }

    /**
     * The column of the placeholder at {@code p} in {@code INSERT … (a, b, c) VALUES (?, ?, ?)}: the column list's
     * name at the placeholder's place among the values (its span in {@code name}).
     */
    private static KeyNames.Key inserted(Scan scan, int values, int p, int[] name) {
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
            while (i < close && (s.charAt(i) == ' ' || s.charAt(i) == '`' || s.charAt(i) == '"' || s.charAt(i) == '\\')) {
                i++;   // and a quote escaped, as a statement printed inside a string has it: (\"token\", \"email\")
            }
            int a = i;
            while (i < close && Chars.word(s.charAt(i))) {
                i++;
            }
            if (n == place) {
                name[0] = a;
                name[1] = i;
                return i > a ? column(scan, a, i) : KeyNames.Key.NONE;
            }
            while (i < close && s.charAt(i) != ',') {
                i++;
            }
            i++;
        }
        return KeyNames.Key.NONE;
    }
}
