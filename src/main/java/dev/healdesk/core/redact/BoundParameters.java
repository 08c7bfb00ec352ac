package dev.healdesk.core.redact;

/**
 * A statement's parameter logged with its value apart from the statement that binds it to a column, as database
 * drivers and ORMs print them when they log sensitive data: EF Core's and ADO.NET's
 * {@code [Parameters=[@p1='…' (Size = 128)]]} above {@code UPDATE [Accounts] SET [ApiKey] = @p1}, PostgreSQL's
 * {@code DETAIL: parameters: $2 = '…'} beside {@code SET password_hash = $2}. The value goes when a column whose name
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
}
