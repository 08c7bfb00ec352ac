package dev.healdesk.core.redact;

/**
 * A Java {@code .properties} line whose key and value are parted by blanks alone, as the format allows and as
 * dumps of a configuration print it: {@code spring.datasource.password Hunter2Hunter2}. Only a whole line counts: its
 * first token a structured key (a dot, an underscore or a hyphen in it, so that prose stays: "password expired for
 * user bob"; or camel case, {@code LicenseKey …} in GeoIP.conf, before a value that looks generated; or redis.conf's
 * {@code requirepass} and {@code masterauth} directives, also as redis-server echoes a line it cannot read
 * ({@link #echoed}); or any key, aligned by two blanks or more, in a table under a
 * dashed rule, as Vault's CLI prints {@code password    …}) that names a secret ({@link KeyNames}), then exactly one value token to the end of the line, judged as
 * {@code key=value} would be ({@link Judge#value}). Triggered by the line feed before the line, and called for
 * the text's first line by {@link Redactor}.
 */
final class SpacedProperties extends Detector {

    /** How many blanks may indent the line. */
    private static final int MAX_INDENT = 8;
    private static final int MAX_VALUE = 4096;
    /** How many rows above a table row its dashed rule may stand. */
    private static final int TABLE_REACH = 24;

    private static final boolean[] LINE_START = Chars.set(Chars.LETTERS + " \t.\"");

    /** The line's key starts with a letter, perhaps indented. */
    @Override
    public boolean[] seconds(char c) {
        return c == '\n' ? LINE_START : null;
    }

    @Override
    public int at(Scan scan, int i) {
        line(scan, i + 1);
        return i + 1;
    }

    /** Looks at the line that starts at {@code start}. */
    void line(Scan scan, int start) {
        String s = scan.text;
        int n = s.length();
        int k = start;
        while (k < n && k - start < MAX_INDENT && Chars.blank(s.charAt(k))) {
            k++;
        }
        if (k + 1 < n && s.charAt(k) == '.' && Chars.letter(s.charAt(k + 1))) {
            k++;   // a cookie's name that starts with a dot, as ASP.NET's do: .AspNetCore.Antiforgery.x1Yz, .ASPXAUTH
        }
        if (k < n && s.charAt(k) == '"') {
            quotedPair(scan, k);   // yarn's .yarnrc: "//registry.example.org/:_password" "…"
            return;
        }
        if (k >= n || !Chars.letter(s.charAt(k))) {
            return;   // a time stamp, a bracket, an empty line: most lines of a log
        }
        int keyStart = k;
        int nameStart = k;
        boolean structured = false;
        boolean camel = false;
        while (k < n && k - keyStart <= KeyNames.MAX_LENGTH) {
            char c = s.charAt(k);
            if (c == '.' || c == '_' || c == '-') {
                structured |= k > keyStart;
            } else if (c == ':' && k > keyStart && k + 1 < n && Chars.letter(s.charAt(k + 1))) {
                structured = true;   // a namespace before the name, as Pulumi's config prints it: shop:dbPassword
                nameStart = k + 1;
            } else if (!Chars.alnum(c)) {
                break;
            }
            camel |= k > keyStart && Chars.upper(c) && Chars.lower(s.charAt(k - 1));
            k++;
        }
        boolean directive = !structured && !camel && (Chars.is(s, keyStart, k, "requirepass")
                || Chars.is(s, keyStart, k, "masterauth"));
        // a name and a tab: a two-column dump of names and values (Django's technical 500 page as text, its POST, META
        // and Settings tables; a TSV export), which prose does not write
        boolean tabbed = k < n && s.charAt(k) == '\t';
        boolean aligned = !(structured || camel || directive || tabbed) && k + 1 < n && Chars.blank(s.charAt(k))
                && Chars.blank(s.charAt(k + 1));   // a table row, if a dashed rule stands above (looked at last)
        if (!(structured || camel || directive || aligned || tabbed) || k >= n || !Chars.blank(s.charAt(k))) {
            return;
        }
        int keyEnd = k;
        while (k < n && Chars.blank(s.charAt(k))) {
            k++;
        }
        int v = k;
        while (k < n && k - v < MAX_VALUE && !Chars.space(s.charAt(k))) {
            k++;
        }
        if (tabbed && k < n && v < n && (s.charAt(v) == '\'' || s.charAt(v) == '"')) {
            int close = s.indexOf(s.charAt(v), v + 1);   // Python's repr of the value, quoted, blanks and all
            int eol = lineEnd(s, v);
            if (close > v + 1 && close < eol && close - v < MAX_VALUE) {
                k = close + 1;
            }
        }
        int valueEnd = k;
        while (k < n && (Chars.blank(s.charAt(k)) || s.charAt(k) == '\r')) {
            k++;
        }
        boolean cells = false;
        if (valueEnd > v && k < n && s.charAt(k) != '\n') {
            // more than one token: a sentence, or a row of a wider table whose first column is the name (Symfony's
            // debug:dotenv prints a variable's value in each file it is set in, under a dashed rule of four runs)
            if (!(structured && k - valueEnd >= 2)) {
                return;
            }
            cells = true;   // if the name says a secret and a rule of more than two runs stands above (below)
        }
        if (valueEnd == v) {
            return;   // no value
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, keyEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION
                || aligned && rule(s, start) != 2 || nameStart > keyStart && rule(s, start) == 0) {
            return;   // a namespaced name only in a table: "note:password changed" is a sentence
        }
        if (cells) {
            if (rule(s, start) > 2) {
                cells(scan, key, v, lineEnd(s, v));
            }
            return;
        }
        if (Quotes.around(s, v, valueEnd)) {
            v++;   // a quoted value, as a table's cell or Python's repr prints it: the quotes stay (redact63)
            valueEnd--;
        }
        SecretKind kind = Judge.value(key, s, v, valueEnd);
        if (camel && !structured && !Values.secretLike(s, v, valueEnd)
                && !(key == KeyNames.Key.PASSWORD && Chars.lettersAndDigits(s, v, valueEnd))) {
            return;   // "SetPassword failed": a camel-case word alone is a key only before a value that looks like one
        }
        if (kind != null) {
            scan.add(kind, v, valueEnd);
        }
    }

    /**
     * redis-server's echo of the configuration line it cannot read ({@code config.c}: {@code >>> '%s'} below "Reading
     * the configuration file, at line N"), the line's text starting at {@code start} ({@link LineEnds} finds the echo
     * by its closing quote): a {@code requirepass} or {@code masterauth} directive's first argument is the password
     * however many more stand after it (the error is often "wrong number of arguments"), judged as
     * {@code requirepass=…} would be ({@link Judge#value}).
     */
    static void echoed(Scan scan, int start) {
        String s = scan.text;
        int k = start;
        while (k < s.length() && Chars.letter(s.charAt(k))) {
            k++;
        }
        if (k < s.length() && Chars.blank(s.charAt(k))
                && (Chars.is(s, start, k, "requirepass") || Chars.is(s, start, k, "masterauth"))) {
            echoedDirective(scan, k);
        }
    }

    private static void echoedDirective(Scan scan, int k) {
        String s = scan.text;
        int eol = lineEnd(s, k);
        while (k < eol && Chars.blank(s.charAt(k))) {
            k++;
        }
        int v = k;
        while (k < eol && k - v < MAX_VALUE && !Chars.space(s.charAt(k))) {
            k++;
        }
        int end = k;
        if (end == eol || end + 1 == eol && s.charAt(end) == '\r') {
            end = end > v && s.charAt(end - 1) == '\'' ? end - 1 : end;   // the echo's closing quote
        }
        if (end - v >= 2 && s.charAt(v) == '"' && s.charAt(end - 1) == '"') {
            v++;   // redis.conf's quoted argument: the quotes stay
            end--;
        }
        SecretKind kind = end > v ? Judge.value(KeyNames.Key.PASSWORD, s, v, end) : null;
        if (kind != null) {
            scan.add(kind, v, end);
        }
    }

    /** How long the quoted key of a {@link #quotedPair} may be: a registry's address and the setting's name. */
    private static final int MAX_QUOTED_KEY = 256;

    /**
     * A line of a quoted key, one blank and a quoted value, as yarn classic writes its {@code .yarnrc} ({@code
     * "//nexus.example.dev/repository/npm/:_password" "…"}, {@code "_authToken" "…"}): the key's name is what follows
     * its last {@code :} or {@code /} (npm's scope of a setting to a registry), judged as {@code key=value} would be
     * ({@link Judge#value}); the value must end the line. {@code registry "https://…"} and {@code "…:username" "ci"}
     * stay, as their names say no secret.
     */
    private static void quotedPair(Scan scan, int open) {
        String s = scan.text;
        int eol = lineEnd(s, open);
        int close = Chars.indexOf(s, '"', open + 1, eol);
        if (close < 0 || close - open - 1 > MAX_QUOTED_KEY || !s.startsWith(" \"", close + 1)) {
            return;
        }
        int v = close + 3;
        int valueEnd = Chars.indexOf(s, '"', v, eol);
        if (valueEnd <= v) {
            return;
        }
        int after = valueEnd + 1;
        while (after < eol && (Chars.blank(s.charAt(after)) || s.charAt(after) == '\r')) {
            after++;
        }
        int name = close;
        while (name > open + 1 && s.charAt(name - 1) != ':' && s.charAt(name - 1) != '/') {
            name--;
        }
        if (after != eol || name == close) {
            return;
        }
        KeyNames.Key key = KeyNames.classify(scan, name, close);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION) {
            return;
        }
        SecretKind kind = Judge.value(key, s, v, valueEnd);
        if (kind != null) {
            scan.add(kind, v, valueEnd);
        }
    }

    /** Judges each blank-separated cell of {@code s[from, end)} as the value of {@code key}; claims the secret ones. */
    private static void cells(Scan scan, KeyNames.Key key, int from, int end) {
        String s = scan.text;
        int k = from;
        while (k < end) {
            while (k < end && Chars.space(s.charAt(k))) {
                k++;
            }
            int a = k;
            while (k < end && !Chars.space(s.charAt(k))) {
                k++;
            }
            if (k > a) {
                boolean quoted = Quotes.around(s, a, k);   // "…": the quotes stay (redact63)
                SecretKind kind = Judge.value(key, s, quoted ? a + 1 : a, quoted ? k - 1 : k);
                if (kind != null) {
                    scan.add(kind, quoted ? a + 1 : a, quoted ? k - 1 : k);
                }
            }
        }
    }

    private static int lineEnd(String s, int from) {
        int e = s.indexOf('\n', from);
        return e < 0 ? s.length() : e;
    }

    /**
     * How many runs of dashes the rule above the line at {@code start} has, where the line is a row of a table under
     * one, as Vault's CLI and other Go tabwriter output print one ({@code Key  Value} / {@code ---  -----} / {@code
     * password  …}): a line of runs of dashes stands above it in the same block (no empty line between, at most
     * {@value #TABLE_REACH} rows). A header of two words, {@code KEY} or {@code NAME} then {@code VALUE}, with no rule
     * under it (Pulumi's {@code config}, tabwriter tables without rules) counts as a rule of two runs. 0 for none.
     */
    private static int rule(String s, int start) {
        int end = start - 1;   // the line feed before the row
        for (int rows = 0; rows < TABLE_REACH && end > 0; rows++) {
            int from = end;
            while (from > 0 && s.charAt(from - 1) != '\n') {
                from--;
            }
            int k = from;
            int runs = 0;
            boolean other = false;
            while (k < end) {
                char c = s.charAt(k);
                if (c == '-') {
                    if (k == from || s.charAt(k - 1) != '-') {
                        runs++;
                    }
                } else if (!Chars.blank(c) && c != '\r') {
                    other = true;
                }
                k++;
            }
            if (!other && runs >= 2) {
                return runs;
            }
            if (from == end || !other && runs == 0) {
                return 0;   // an empty line ends the table
            }
            if (keyValueHeader(s, from, end)) {
                return 2;
            }
            end = from - 1;
        }
        return 0;
    }

    /** Whether {@code s[from, end)} is a table's header {@code KEY  VALUE} or {@code NAME  VALUE}, any case. */
    private static boolean keyValueHeader(String s, int from, int end) {
        int a = from;
        while (a < end && Chars.blank(s.charAt(a))) {
            a++;
        }
        int b = a;
        while (b < end && Chars.letter(s.charAt(b))) {
            b++;
        }
        if (!(Chars.is(s, a, b, "key") || Chars.is(s, a, b, "name")) || b + 1 >= end || !Chars.blank(s.charAt(b))) {
            return false;
        }
        int c = b;
        while (c < end && Chars.blank(s.charAt(c))) {
            c++;
        }
        int d = c;
        while (d < end && Chars.letter(s.charAt(d))) {
            d++;
        }
        while (d < end && (Chars.blank(s.charAt(d)) || s.charAt(d) == '\r')) {
            d++;
        }
        return d == end && c + 5 <= end && s.regionMatches(true, c, "value", 0, 5) && (c + 5 == end
                || !Chars.letter(s.charAt(c + 5)));
    }
}
