package dev.healdesk.core.redact;

/**
 * A quoted name, a comma and its quoted value, the way lists of header pairs print: Envoy's and Istio's debug logs
 * ({@code 'authorization', 'Bearer …'} a line), Elixir and Erlang tuples ({@code {"x-api-key", "…"}}), Python's
 * lists of pairs ({@code [('Cookie', 'sessionid=…')]}, and of bytes, {@code [(b'Set-Cookie', b'…')]}), newman's request headers in a box-drawn cell
 * ({@code │ 'x-api-key', '…'}). The name is judged by {@link KeyNames} and the value as a value
 * under that name ({@link KeyValues#claim}). Only where the pair opens a tuple, a list or a line, so that the
 * arguments of a call ({@code f('user', 'password', …)}) stay. Triggered by the comma after the name's closing quote,
 * a blank after it; and a tuple that opens with a bare name, as Erlang and Elixir print one ({@code {password,"…"}}),
 * triggered by its bracket. And a quoted name and its quoted value with only blanks between, as the maps of Clojure's
 * EDN ({@code {"X-Api-Key" "…"}}), Lisp's property lists and Tcl's dicts print them ({@link #spaced}): read forwards
 * from a map's brace or a comma, pair after pair, and from a line's end by {@link LineEnds} (a trigger on every quote
 * would cost every JSON string a call). A line of PgBouncer's auth file, {@code "user" "password"}, whose user's name
 * says nothing, goes by the file's name above it ({@code cat /etc/pgbouncer/userlist.txt}, {@code auth_file}).
 */
final class Pairs extends Detector {

    private static final boolean[] QUOTES = Chars.set("'\"");
    private static final boolean[] BLANK = Chars.set(" ");
    private static final boolean[] NAME_START = Chars.set(Chars.LETTERS + ":");
    /** After a map's brace: a tuple's bare name, or an EDN map's first quoted name. */
    private static final boolean[] MAP_START = Chars.set(Chars.LETTERS + ":\"");

    @Override
    public boolean[] befores(char c) {
        return c == ',' ? QUOTES : null;
    }

    /**
     * After the comma, a blank, as pairs print ({@code ', '}): compact JSON's {@code ","} is passed over. After the
     * bracket of a tuple, its first element's first letter (or an Elixir atom's colon).
     */
    @Override
    public boolean[] seconds(char c) {
        return c == ',' ? BLANK : c == '{' ? MAP_START : NAME_START;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i) == '{' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
            spacedFrom(scan, i + 1);   // an EDN map: {"X-Api-Key" "…" …}
            return i + 1;
        }
        if (s.charAt(i) != ',') {
            return tuple(scan, i);
        }
        int next = Chars.skipBlanks(s, i + 1);
        if (next < s.length() && s.charAt(next) == '"') {
            spacedFrom(scan, next);   // ..., "X-Api-Key" "…"
        }
        int close = i - 1;
        if (close < 1) {
            return i + 1;
        }
        int v = i + 1;
        while (v < s.length() && v - i <= 32 && Chars.blank(s.charAt(v))) {   // values aligned in a column
            v++;
        }
        if (bytesLiteral(s, v)) {
            v++;   // Python's bytes, as httpx and h11 print headers: (b'Set-Cookie', b'…')
        }
        if (Quotes.open(s, v) != 1) {
            return i + 1;
        }
        char q = s.charAt(close);
        int k = close - 1;
        while (k >= 0 && close - k <= KeyNames.MAX_LENGTH && nameChar(s.charAt(k))) {
            k--;
        }
        if (k < 0 || s.charAt(k) != q || k == close - 1) {
            return i + 1;
        }
        int nameStart = k + 1;
        int b = k - 1;
        if (b >= 0 && bytesLiteral(s, b)) {
            b--;
        }
        while (b >= 0 && Chars.blank(s.charAt(b))) {
            b--;
        }
        if (b >= 0 && "([{|\n\u2502\u2503".indexOf(s.charAt(b)) < 0) {   // or a box-drawn cell, as newman prints headers
            return i + 1;
        }
        int quote = 1;
        KeyNames.Key key = KeyNames.classify(scan, nameStart, close);
        if (key == KeyNames.Key.NONE) {
            return i + 1;
        }
        int start = v + 1;
        int end = Quotes.close(s, start, quote);
        if (end < s.length() && KeyNames.secretName(scan, start, end)) {
            return end;   // a list of key names, ["password", "password_confirmation"]: a filter's configuration
        }
        return KeyValues.claim(scan, key, start, end, true, i);
    }

    /** Whether a Python bytes literal's {@code b} stands at {@code i}, its quote after it and no word before it. */
    private static boolean bytesLiteral(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == 'b' && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')
                && (i == 0 || !Chars.word(s.charAt(i - 1)));
    }

    /**
     * A tuple whose first element is a bare name and whose second is the quoted value, as Erlang and Elixir print one:
     * {@code {password,"…"}}, {@code {:api_key, "…"}}, {@code {password,<<"…">>}}, and Python's or Lisp's
     * {@code (token, '…')}. Triggered by the opening bracket; returns where scanning goes on.
     */
    private static int tuple(Scan scan, int open) {
        String s = scan.text;
        if (s.charAt(open) == '(' && open > 0 && Chars.word(s.charAt(open - 1))) {
            return open + 1;   // a call's arguments, f(password, "…"), not a tuple
        }
        int nameStart = open + 1;
        if (nameStart < s.length() && s.charAt(nameStart) == ':') {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < s.length() && nameEnd - nameStart <= KeyNames.MAX_LENGTH && Chars.word(s.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd >= s.length() || s.charAt(nameEnd) != ',') {
            return open + 1;
        }
        int v = Chars.skipBlanks(s, nameEnd + 1);
        if (s.startsWith("<<", v)) {
            v += 2;
        }
        if (Quotes.open(s, v) != 1) {
            return open + 1;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE) {
            return open + 1;
        }
        int start = v + 1;
        return Math.max(open + 1, KeyValues.claim(scan, key, start, Quotes.close(s, start, 1), true, nameEnd));
    }

    /**
     * The quoted names and values side by side from the quote at {@code q} on, pair after pair while they go on (EDN
     * needs no commas between pairs): each pair is judged by {@link #spaced}.
     */
    private static void spacedFrom(Scan scan, int q) {
        String s = scan.text;
        for (int pairs = 0; pairs < 64 && q < s.length() && s.charAt(q) == '"'; pairs++) {
            int nameEnd = Quotes.close(s, q + 1, 1);
            if (nameEnd >= s.length() || s.charAt(nameEnd) != '"' || nameEnd - q > KeyNames.MAX_LENGTH + 1) {
                return;
            }
            int open = Chars.skipBlanks(s, nameEnd + 1);
            if (open == nameEnd + 1 || open >= s.length() || s.charAt(open) != '"') {
                return;
            }
            spaced(scan, open);
            int valueEnd = Quotes.close(s, open + 1, 1);
            if (valueEnd >= s.length() || s.charAt(valueEnd) != '"') {
                return;
            }
            q = valueEnd + 1;
            while (q < s.length() && (Chars.blank(s.charAt(q)) || s.charAt(q) == ',')) {
                q++;
            }
        }
    }

    /**
     * A quoted name, blanks, and the quoted value that opens at {@code open}: {@code "X-Api-Key" "…"}, as EDN maps,
     * Lisp property lists and Tcl dicts pair them (no colon, no comma between). Only where the name opens a map, a
     * list or a line, or follows a comma or the quoted value of the pair before (EDN needs no commas), so that a sentence's quoted words ({@code say "token" "twice"}) and a call's
     * arguments stay; the name is judged by {@link KeyNames}, the value as a value under it. Returns where scanning goes
     * on.
     */
    static int spaced(Scan scan, int open) {
        String s = scan.text;
        char q = s.charAt(open);
        int close = open - 1;
        while (close > 0 && open - close <= 8 && Chars.blank(s.charAt(close))) {
            close--;
        }
        if (close < 2 || s.charAt(close) != q) {
            return open + 1;
        }
        int k = close - 1;
        while (k >= 0 && close - k <= KeyNames.MAX_LENGTH && nameChar(s.charAt(k))) {
            k--;
        }
        if (k < 0 || s.charAt(k) != q || k == close - 1) {
            return open + 1;
        }
        int b = k - 1;
        while (b >= 0 && Chars.blank(s.charAt(b))) {
            b--;
        }
        if (b >= 0 && "{([,\n".indexOf(s.charAt(b)) < 0 && !(s.charAt(b) == q && b < k - 1)) {
            return open + 1;   // not after a map's or a list's opening, a comma, a line's start or the last pair's value
        }
        KeyNames.Key key = KeyNames.classify(scan, k + 1, close);
        if (key == KeyNames.Key.NONE) {
            if (q == '"' && (b < 0 || s.charAt(b) == '\n') && userList(s, k)) {
                int start = open + 1;
                int end = Quotes.close(s, start, 1);
                if (end < s.length() && s.charAt(end) == '"' && Values.passwordLike(s, start, end)) {
                    scan.add(SecretKind.PASSWORD, start, end);   // "user" "password": pgbouncer's auth_file
                    return end;
                }
            }
            return open + 1;
        }
        int start = open + 1;
        return Math.max(open + 1, KeyValues.claim(scan, key, start, Quotes.close(s, start, 1), true, close));
    }

    /** How far above a {@code "user" "password"} line its file's name may stand. */
    private static final int USER_LIST_REACH = 2048;

    /**
     * Whether the lines above the line that starts at {@code lineStart} name PgBouncer's auth file ({@code
     * userlist.txt}, its setting {@code auth_file}), whose lines are {@code "user" "password"}: a user name that says
     * nothing, and the password in clear text (or its {@code md5…} or SCRAM hash, which the hashes' rules judge).
     */
    private static boolean userList(String s, int lineStart) {
        int from = Math.max(0, lineStart - USER_LIST_REACH);
        for (int k = lineStart - 8; k >= from; k--) {
            char c = s.charAt(k);
            if (c == 'u' && s.startsWith("userlist", k) || c == 'a' && s.startsWith("auth_file", k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameChar(char c) {
        return Chars.word(c) || c == '-' || c == '.' || c == ':';
    }
}
