package dev.healdesk.core.redact;

/**
 * A secret's value one bracket away from its quoted name, as maps of lists and tuples print it, where the key-value
 * rules, which read the value right after the separator, do not look:
 * <ul>
 *   <li>a list of values, as HTTP header maps hold them: JSON {@code "X-Api-Key":["…"]} (Caddy's access log) or
 *   {@code "api_key" : [ "…" ]} (Jackson's pretty printer: MockServer's request log, a Java client's dump), Go
 *   {@code "X-Api-Key":[]string{"…"}} (an {@code http.Header} that testify prints), Ruby/PHP {@code "token" => ["…"]};
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
    private static final boolean[] QUOTE = Chars.set("\" ");
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
        if (k <= 0 || s.charAt(k) != '"') {
            return i + 1;
        }
        return value(scan, k, i + 1);
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
        int nameOpen = nameClose - 1;
        while (nameOpen >= 0 && nameClose - nameOpen <= KeyNames.MAX_LENGTH && s.charAt(nameOpen) != '"'
                && s.charAt(nameOpen) != '\n') {
            nameOpen--;
        }
        if (nameOpen < 0 || s.charAt(nameOpen) != '"' || nameClose - nameOpen < 3) {
            return from;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameOpen + 1, nameClose);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET
                && key != KeyNames.Key.KEY) {
            return from;
        }
        int q = from;
        while (q < s.length() && q - from < 2 && s.charAt(q) != '"') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != '"') {
            return from;
        }
        return claim(scan, q + 1, key, from);
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
