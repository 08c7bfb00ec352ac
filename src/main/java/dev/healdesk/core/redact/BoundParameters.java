package dev.healdesk.core.redact;

/**
 * A statement's parameter logged with its value apart from the statement that binds it to a column, as database
 * drivers and ORMs print them when they log sensitive data: EF Core's and ADO.NET's
 * {@code [Parameters=[@p1='…' (Size = 128)]]} above {@code UPDATE [Accounts] SET [ApiKey] = @p1}, PostgreSQL's
 * {@code DETAIL: parameters: $2 = '…'} beside {@code SET password_hash = $2} or in the place of an INSERT's
 * {@code VALUES ($1, $2)} that its column list gives a secret's name ({@code (user_id, token)}). The value goes when a column whose name
 * says it is a secret ({@link KeyNames}) is compared with or set to the same parameter within {@value #REACH}
 * characters, and it looks like one ({@link Judge#value}); so {@code [Login] = @p0} keeps its user and a
 * parameter no secret's column takes stays. Triggered by the {@code @} or {@code $} of the parameter's value.
 */
final class BoundParameters extends Detector {

    private static final int REACH = 4000;
    private static final int MAX_NAME = 32;
    private static final boolean[] NAME_START = Chars.set(Chars.LETTERS + Chars.DIGITS + "_");
    private static final boolean[] DIGIT = Chars.set(Chars.DIGITS);
    private static final boolean[] NOT_WORD = notWord();

    private static boolean[] notWord() {
        boolean[] t = new boolean[128];
        for (char c = 0; c < 128; c++) {
            t[c] = !Chars.word(c);
        }
        return t;
    }

    /** {@code @p1}, {@code @userId}; {@code $1}. */
    @Override
    public boolean[] seconds(char c) {
        return c == '@' ? NAME_START : DIGIT;
    }

    /** Not inside a word: an e-mail address's {@code @}, {@code Foo$1}. */
    @Override
    public boolean[] befores(char c) {
        return NOT_WORD;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        boolean at = s.charAt(i) == '@';
        int n = i + 1;
        while (n < s.length() && n - i <= MAX_NAME && (at ? Chars.word(s.charAt(n)) : Chars.digit(s.charAt(n)))) {
            n++;
        }
        if (n == i + 1 || n >= s.length() || i > 0 && Chars.word(s.charAt(i - 1))) {
            return i + 1;   // no name, or an e-mail address's @
        }
        int v = n;
        while (v < s.length() && v - n < 2 && s.charAt(v) == ' ') {
            v++;
        }
        if (v >= s.length() || s.charAt(v) != '=') {
            return i + 1;
        }
        v++;
        while (v < s.length() && v - n < 4 && s.charAt(v) == ' ') {
            v++;
        }
        if (v >= s.length() || s.charAt(v) != '\'') {
            return i + 1;
        }
        int start = v + 1;
        int end = Quotes.close(s, start, 1);
        if (end <= start) {
            return i + 1;
        }
        KeyNames.Key key = boundTo(scan, i, n);
        SecretKind kind = key == KeyNames.Key.NONE ? null : Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
        return i + 1;   // the value is read again by the other rules (an IBAN, an e-mail address in it)
    }

    /**
     * What the column that {@code name = s[from, to)} is bound to names, where a statement within {@link #REACH} sets
     * or compares a column with it ({@code [ApiKey] = @p1}, {@code "api_key" = $2}, {@code password=$2}); NONE where
     * none does.
     */
    private static KeyNames.Key boundTo(Scan scan, int from, int to) {
        String s = scan.text;
        String name = s.substring(from, to);
        int limit = Math.min(s.length(), to + REACH);
        int k = Math.max(0, from - REACH);
        while ((k = s.indexOf(name, k)) >= 0 && k < limit) {
            int after = k + name.length();
            if (k == from || after < s.length() && Chars.word(s.charAt(after))) {
                k = after;
                continue;
            }
            int e = k;
            while (e > 0 && s.charAt(e - 1) == ' ') {
                e--;
            }
            if (e == 0 || s.charAt(e - 1) != '=' || e >= 2 && "<>!:".indexOf(s.charAt(e - 2)) >= 0) {
                KeyNames.Key inserted = insertedInto(scan, k);
                if (inserted != KeyNames.Key.NONE) {
                    return inserted;
                }
                k = after;
                continue;
            }
            e--;
            while (e > 0 && s.charAt(e - 1) == ' ') {
                e--;
            }
            if (e > 0 && "]\"`".indexOf(s.charAt(e - 1)) >= 0) {
                e--;   // [ApiKey], "api_key", `api_key`
            }
            int c = e;
            while (c > 0 && e - c <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(c - 1)) || s.charAt(c - 1) == '-')) {
                c--;
            }
            KeyNames.Key key = c < e ? KeyNames.classify(scan, c, e) : KeyNames.Key.NONE;
            if (key != KeyNames.Key.NONE && key != KeyNames.Key.COOKIE && key != KeyNames.Key.AUTHORIZATION) {
                return key;
            }
            k = after;
        }
        return KeyNames.Key.NONE;
    }

    /** How far back an INSERT's lists may reach from the parameter. */
    private static final int LIST_REACH = 600;

    /**
     * What the column names that an INSERT binds the parameter at {@code at} to, by its place in the {@code VALUES}
     * list: {@code INSERT INTO api_tokens (user_id, token) VALUES ($1, $2)}, as PostgreSQL's log prints the statement
     * above its {@code DETAIL: parameters:} and JDBC drivers and ORMs print theirs; NONE where the parameter stands in
     * no such list.
     */
    private static KeyNames.Key insertedInto(Scan scan, int at) {
        String s = scan.text;
        int floor = Math.max(0, at - LIST_REACH);
        int place = 0;
        int k = at - 1;
        while (k >= floor && s.charAt(k) != '(') {
            char c = s.charAt(k);
            if (c == ',') {
                place++;
            } else if (c == ')' || c == '\n' || c == '\'' || c == ';') {
                return KeyNames.Key.NONE;   // only parameters, blanks and commas before it in its list
            }
            k--;
        }
        if (k < floor) {
            return KeyNames.Key.NONE;
        }
        int e = k;
        while (e > floor && s.charAt(e - 1) == ' ') {
            e--;
        }
        if (e - 6 < floor || !s.regionMatches(true, e - 6, "values", 0, 6)) {
            return KeyNames.Key.NONE;
        }
        e -= 6;
        while (e > floor && s.charAt(e - 1) == ' ') {
            e--;
        }
        if (e <= floor || s.charAt(e - 1) != ')') {
            return KeyNames.Key.NONE;
        }
        int close = e - 1;
        int open = s.lastIndexOf('(', close);
        if (open < floor) {
            return KeyNames.Key.NONE;
        }
        int from = open + 1;
        for (int column = 0; from < close; column++) {
            int comma = Chars.indexOf(s, ',', from, close);
            int to = comma < 0 ? close : comma;
            if (column == place) {
                while (from < to && " \"`[".indexOf(s.charAt(from)) >= 0) {
                    from++;
                }
                while (to > from && " \"`]".indexOf(s.charAt(to - 1)) >= 0) {
                    to--;
                }
                if (to <= from || to - from > KeyNames.MAX_LENGTH) {
                    return KeyNames.Key.NONE;
                }
                for (int c = from; c < to; c++) {
                    if (!Chars.word(s.charAt(c))) {
                        return KeyNames.Key.NONE;
                    }
                }
                KeyNames.Key key = KeyNames.classify(scan, from, to);
                return key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION ? KeyNames.Key.NONE : key;
            }
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        return KeyNames.Key.NONE;
    }
}
