package dev.healdesk.core.redact;

/**
 * A secret's value one bracket away from its quoted name, as maps of lists and tuples print it, where the key-value
 * rules, which read the value right after the separator, do not look:
 * <ul>
 *   <li>a list of values, as HTTP header maps hold them: JSON {@code "X-Api-Key":["…"]} (Caddy's access log) or
 *   {@code "api_key" : [ "…" ]} (Jackson's pretty printer: MockServer's request log, a Java client's dump), Go
 *   {@code "X-Api-Key":[]string{"…"}} (an {@code http.Header} that testify prints), Ruby/PHP {@code "token" => ["…"]},
 *   Nim {@code "x-api-key": @["…"]};
 *   triggered by the {@code [} or <code>{</code> before the value's quote;</li>
 *   <li>an Erlang or Elixir tuple, {@code {default_pass,<<"…">>}}, {@code {password, "…"}}: an atom, a comma, a string
 *   or binary; triggered by the <code>{</code>.</li>
 * </ul>
 * The name is judged as a key name ({@link KeyNames}); the value as the key-value rules judge one: a password's when it
 * is not a placeholder, any other secret's when it looks like one ({@link Values#secretLike}). So
 * {@code "Accept":["application/json"]} and {@code "X-Request-Id":["3f2a…"]} stay. A map without separators (EDN's
 * {@code {"X-Api-Key" "…"}}) is not read: a trigger on every quote cost 9 % of the scan.
 */
final class ListValues extends Detector {

    /** The value's quote, or the blank Jackson's pretty printer writes before it ({@code "api_key" : [ "…" ]}). */
    private static final boolean[] QUOTE = Chars.set("\"' [");
    private static final boolean[] TUPLE = Chars.set(Chars.LETTERS + "\"");

    @Override
    public boolean[] seconds(char c) {
        return c == '{' ? TUPLE : c == '[' ? QUOTE : null;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        char c = s.charAt(i);
        if (c == '{' && Chars.letter(s.charAt(i + 1))) {
            return tuple(scan, i);
        }
        int k = i;
        if (c == '{') {
            k = goType(s, i);   // []string{"…"}
            if (k == i) {
                return i + 1;   // an object, not a list: its keys are the key-value rules'
            }
        }
        if (c == '[' && k > 0 && s.charAt(k - 1) == '@') {
            k--;   // Nim's sequence, @["…"], as its unittest prints a header table: {"x-api-key": @["…"]}
        }
        // the separator before the list: ":", "=>", "=" or a blank, blanks around it
        k--;
        while (k > 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k > 0 && s.charAt(k) == '>' && s.charAt(k - 1) == '=') {
            k -= 2;
        } else if (k > 0 && (s.charAt(k) == ':' || s.charAt(k) == '=')) {
            k--;
        } else if (k == i - 1) {
            return i + 1;
        }
        while (k > 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        if (k <= 0) {
            return i + 1;
        }
        if (s.charAt(k) != '"' && s.charAt(k) != '\'') {
            return c == '[' && Chars.word(s.charAt(k)) ? bare(scan, k + 1, i + 1) : i + 1;
        }
        return value(scan, k, i + 1);
    }

    /**
     * A YAML name ending at {@code nameEnd}, the first thing on its line but indentation ({@code basic_auth: ["…"]}):
     * judged as {@link #value} judges a quoted one.
     */
    private static int bare(Scan scan, int nameEnd, int from) {
        String s = scan.text;
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < KeyNames.MAX_LENGTH
                && (Chars.word(s.charAt(nameStart - 1)) || s.charAt(nameStart - 1) == '-')) {
            nameStart--;
        }
        int b = nameStart;
        while (b > 0 && Chars.blank(s.charAt(b - 1))) {
            b--;
        }
        if (b > 0 && s.charAt(b - 1) != '\n' || s.charAt(nameEnd) != ':') {
            return from;
        }
        return judged(scan, nameStart, nameEnd, from);
    }

    /**
     * Where the Go composite literal's type before the brace at {@code brace} starts ({@code []string}, {@code
     * []interface {}}), or {@code brace} where there is none.
     */
    private static int goType(String s, int brace) {
        int k = brace;
        while (k > 0 && (Chars.word(s.charAt(k - 1)) || s.charAt(k - 1) == '.')) {
            k--;
        }
        return k >= 2 && k < brace && s.charAt(k - 1) == ']' && s.charAt(k - 2) == '[' ? k - 2 : brace;
    }

    /**
     * The quoted name that closes at {@code nameClose} judged, and the first quoted value at or after {@code from} on
     * the line claimed as it says.
     */
    private static int value(Scan scan, int nameClose, int from) {
        String s = scan.text;
        char quote = s.charAt(nameClose);
        int nameOpen = nameClose - 1;
        while (nameOpen >= 0 && nameClose - nameOpen <= KeyNames.MAX_LENGTH && s.charAt(nameOpen) != quote
                && s.charAt(nameOpen) != '\n') {
            nameOpen--;
        }
        if (nameOpen < 0 || s.charAt(nameOpen) != quote || nameClose - nameOpen < 3) {
            return from;
        }
        return judged(scan, nameOpen + 1, nameClose, from);
    }

    /**
     * The name {@code s[nameStart, nameEnd)} judged, and the list's first quoted value at {@code from} claimed as it
     * says: past a leading list of numbers ({@code "warden.user.user.key"=>[[1842], "…"]}, a record's id before its
     * salt); where the name is one of basic authentication's, only the password of a {@code user:password} value.
     */
    private static int judged(Scan scan, int nameStart, int nameEnd, int from) {
        String s = scan.text;
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET
                && key != KeyNames.Key.KEY && key != KeyNames.Key.AUTHORIZATION) {
            return from;
        }
        int q = from;
        if (q < s.length() && s.charAt(q) == '[') {
            q++;
            while (q < s.length() && q - from < 24 && (Chars.digit(s.charAt(q)) || s.charAt(q) == ','
                    || s.charAt(q) == ' ')) {
                q++;
            }
            if (q >= s.length() || s.charAt(q) != ']' || q == from + 1) {
                return from;
            }
            q++;
            if (q + 1 >= s.length() || s.charAt(q) != ',') {
                return from;
            }
            q++;
            from = q;
        }
        while (q < s.length() && q - from < 2 && s.charAt(q) != '"' && s.charAt(q) != '\'') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != '"' && s.charAt(q) != '\'') {
            return from;
        }
        if (basicAuth(s, nameStart, nameEnd)) {
            return userPassword(scan, q + 1, from);
        }
        return key == KeyNames.Key.AUTHORIZATION ? from : claim(scan, q + 1, key, from);
    }

    /** Whether the name's last word is "auth" after "basic" ({@code basic_auth}, {@code basicAuth}, {@code basic-auth}). */
    static boolean basicAuth(String s, int nameStart, int nameEnd) {
        int n = nameEnd - nameStart;
        return n >= 9 && s.regionMatches(true, nameStart, "basic", 0, 5) && s.regionMatches(true, nameEnd - 4, "auth", 0, 4)
                && (n == 9 || n == 10 && !Chars.alnum(s.charAt(nameStart + 5)));
    }

    /** The password of the quoted {@code user:password} that starts at {@code start}; the user stays. */
    private static int userPassword(Scan scan, int start, int otherwise) {
        String s = scan.text;
        int end = Quotes.close(s, start, 1);
        int colon = Chars.indexOf(s, ':', start, end);
        if (end >= s.length() || colon <= start || colon + 1 >= end || Values.placeholder(s, colon + 1, end)) {
            return otherwise;
        }
        scan.add(SecretKind.PASSWORD, colon + 1, end);
        return start;
    }

    /** {@code {atom,"…"}}, {@code {atom, <<"…">>}}, {@code {atom,'…'}}: the atom judged, the string claimed. */
    private static int tuple(Scan scan, int brace) {
        String s = scan.text;
        int a = brace + 1;
        while (a < s.length() && a - brace <= KeyNames.MAX_LENGTH && Chars.word(s.charAt(a))) {
            a++;
        }
        if (a >= s.length() || s.charAt(a) != ',') {
            return brace + 1;
        }
        int v = a + 1;
        while (v < s.length() && Chars.blank(s.charAt(v))) {
            v++;
        }
        if (s.startsWith("<<", v)) {
            v += 2;
        }
        if (v >= s.length() || s.charAt(v) != '"' && s.charAt(v) != '\'') {
            return brace + 1;
        }
        KeyNames.Key key = KeyNames.classify(scan, brace + 1, a);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET
                && key != KeyNames.Key.KEY) {
            return brace + 1;
        }
        return claim(scan, v + 1, key, brace + 1);
    }

    private static int claim(Scan scan, int start, KeyNames.Key key, int otherwise) {
        String s = scan.text;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || end <= start || Chars.space(s.charAt(end)) || Values.placeholder(s, start, end)
                || Chars.indexOf(s, ' ', start, end) >= 0) {
            return otherwise;
        }
        boolean password = key == KeyNames.Key.PASSWORD;
        if (!password && !(key == KeyNames.Key.KEY ? Values.generated(s, start, end) : Values.secretLike(s, start, end))) {
            return otherwise;
        }
        scan.add(password ? SecretKind.PASSWORD : SecretKind.GENERIC_SECRET, start, end);
        return start;
    }
}
