package dev.healdesk.core.redact;

/**
 * A value that a validation error prints beside the path of the field it was found in: the field's name is the path's
 * last word, and the value is that field's whole content, judged as such ({@link Judge#field}: a password whatever it
 * is, a person's number by its shape, a token when it looks random) or, under a phone's name, as a phone number
 * ({@link Numbers#phoneValue}). The forms, as schema validators and web frameworks print a rejected value:
 * <ul>
 * <li>a path, then the value as a later key of the same error object: Ajv's {@code instancePath: '/customer/phone'} …
 *   {@code data: '…'} (its {@code verbose} errors), FastAPI's and Pydantic's {@code "loc": ["body", "phone"]} …
 *   {@code "input": "…"} (Pydantic 2's {@code errors()}, its tuple {@code 'loc': ('body', 'phone')} too), read back
 *   from the value's key to the path's;</li>
 * <li>Python jsonschema's {@code On instance['customer']['phone']:} with the value's repr on the next line;</li>
 * <li>Pydantic 2's message, the field's dotted path on its own line and then {@code [type=…, input_value='…', …]};</li>
 * <li>Spring's binding errors: {@code Field error in object 'customer' on field 'phone': rejected value [+35387…];}.</li>
 * </ul>
 * A path whose last word names nothing secret ({@code /email}, {@code /quantity}, {@code order.status}) keeps its
 * value, and so does a value that is a list or an object (its own keys are judged by the key-value rules). Triggered
 * by the words "instancePath", "instance", "input" and "input_value" at their exact lengths (an "i" at a word's start is
 * a trigger already), and by the {@code [} of "rejected value [": no trigger of its own at the words of most prose.
 */
final class ValidationPaths extends Detector {

    /** How far after its path an error object's value may stand. */
    private static final int REACH = 1200;
    /** How long a path's last word may be. */
    private static final int MAX_NAME = KeyNames.MAX_LENGTH;
    /** How long a value may be. */
    private static final int MAX_VALUE = 256;

    private static final boolean[] SPACE = Chars.set(" ");

    @Override
    public long wordLengths(char c) {
        return c == 'i' ? 1L << 5 | 1L << 8 | 1L << 11 | 1L << 12 : -1L;   // input, instance, input_value, instancePath
    }

    /** Before the {@code [} of "rejected value [": a blank. */
    @Override
    public boolean[] befores(char c) {
        return c == '[' ? SPACE : null;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i) == '[') {
            if (i >= 15 && s.startsWith("rejected value", i - 15)) {
                rejected(scan, i - 15, i - 7);
            }
            return i + 1;
        }
        int w = scan.wordEnd(i);
        if (w >= s.length() || i > 0 && (Chars.alnum(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
            return w;
        }
        if (w - i == 12 && s.startsWith("instancePath", i)) {
            pathThenKey(scan, w, "data");
        } else if (w - i == 5 && s.startsWith("input", i)) {
            locBefore(scan, i, w);
        } else if (w - i == 8 && s.startsWith("instance", i) && s.charAt(w) == '[') {
            onInstance(scan, w);
        } else if (w - i == 11 && s.startsWith("input_value", i)) {
            inputValue(scan, i, w);
        }
        return w;
    }

    /**
     * Pydantic's {@code "input": "…"} (its key ends at {@code w}): the path of the {@code "loc"} key before it in the
     * same object names it.
     */
    private static void locBefore(Scan scan, int i, int w) {
        String s = scan.text;
        int k = colonAfter(s, w);
        if (k < 0) {
            return;
        }
        int depth = 0;
        for (int j = i - 1; j >= 0 && i - j < REACH; j--) {
            char c = s.charAt(j);
            if (c == '}' || c == ']' || c == ')') {
                depth++;
            } else if (c == '{' || c == '[' || c == '(') {
                if (--depth < 0) {
                    return;   // the object's start: no "loc" in it
                }
            } else if (depth == 0 && c == 'l' && s.startsWith("loc", j) && j > 0 && !Chars.word(s.charAt(j - 1))
                    && j + 3 < s.length() && !Chars.word(s.charAt(j + 3))) {
                int[] name = new int[2];
                int p = colonAfter(s, j + 3);
                if (p >= 0 && lastName(s, Chars.skipBlanks(s, p + 1), name) > 0) {
                    value(scan, name, k);
                }
                return;
            }
        }
    }

    /**
     * After a path key ending at {@code w} ({@code instancePath: '/a/b'}, {@code "loc": ["body", "b"]}), the value of the
     * key {@code valueKey} at the same depth of the same object.
     */
    private static void pathThenKey(Scan scan, int w, String valueKey) {
        String s = scan.text;
        int k = colonAfter(s, w);
        if (k < 0) {
            return;
        }
        k = Chars.skipBlanks(s, k + 1);
        if (k >= s.length()) {
            return;
        }
        int[] name = new int[2];
        int after = lastName(s, k, name);
        if (after < 0) {
            return;
        }
        int depth = 0;
        int limit = Math.min(s.length(), after + REACH);
        for (int j = after; j < limit; j++) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'') {
                if (depth == 0 && keyAt(s, j + 1, valueKey) && j + 1 + valueKey.length() < s.length()
                        && s.charAt(j + 1 + valueKey.length()) == c) {
                    value(scan, name, j + 2 + valueKey.length());
                    return;
                }
                int close = Quotes.close(s, j + 1, 1);
                if (close >= s.length() || close - j > MAX_VALUE * 4) {
                    return;
                }
                j = close;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (--depth < 0) {
                    return;   // the error's object closed first
                }
            } else if (depth == 0 && c == valueKey.charAt(0) && !Chars.word(s.charAt(j - 1)) && keyAt(s, j, valueKey)) {
                value(scan, name, j + valueKey.length());
                return;
            } else if (depth == 0 && c == 'i' && s.startsWith("instancePath", j)) {
                return;   // the next error's path
            }
        }
    }

    /** Whether {@code key} stands at {@code j} as a whole word. */
    private static boolean keyAt(String s, int j, String key) {
        int e = j + key.length();
        return s.startsWith(key, j) && e < s.length() && !Chars.word(s.charAt(e));
    }

    /**
     * The path's last name at {@code k}: a quoted path ({@code '/customer/phone'}, {@code ".customer.phone"}) or a list
     * or tuple of its parts ({@code ["body", "phone"]}); its span goes into {@code name}. Returns where the path ends, or
     * -1 for none.
     */
    private static int lastName(String s, int k, int[] name) {
        char c = s.charAt(k);
        if (c == '"' || c == '\'') {
            int close = Quotes.close(s, k + 1, 1);
            if (close >= s.length() || s.charAt(close) != c || close - k > MAX_VALUE) {
                return -1;
            }
            int a = close;
            while (a > k + 1 && (Chars.word(s.charAt(a - 1)) || s.charAt(a - 1) == '-')) {
                a--;
            }
            if (a == close || close - a > MAX_NAME) {
                return -1;
            }
            name[0] = a;
            name[1] = close;
            return close + 1;
        }
        if (c != '[' && c != '(') {
            return -1;
        }
        char closing = c == '[' ? ']' : ')';
        int end = Chars.indexOf(s, closing, k + 1, Math.min(s.length(), k + MAX_VALUE));
        if (end < 0) {
            return -1;
        }
        int q = end - 1;
        while (q > k && (s.charAt(q) == ' ' || s.charAt(q) == ',')) {
            q--;   // a one-element tuple's comma
        }
        if (q <= k || s.charAt(q) != '"' && s.charAt(q) != '\'') {
            return -1;   // a list index last: the value is a list's element, no field's
        }
        int a = q;
        while (a > k + 1 && Chars.word(s.charAt(a - 1))) {
            a--;
        }
        if (a == q || s.charAt(a - 1) != s.charAt(q)) {
            return -1;
        }
        name[0] = a;
        name[1] = q;
        return end + 1;
    }

    /** The value after a key that ended before {@code k}: {@code : '…'}, {@code ": "…"}, {@code : 4812}. */
    private static void value(Scan scan, int[] name, int k) {
        String s = scan.text;
        k = Chars.skipBlanks(s, k);
        if (k >= s.length() || s.charAt(k) != ':' && s.charAt(k) != '=') {
            return;
        }
        judge(scan, name, Chars.skipBlanks(s, k + 1));
    }

    /** Judges the value that starts at {@code v} (quoted, or bare up to a comma, a bracket or the line's end). */
    private static void judge(Scan scan, int[] name, int v) {
        String s = scan.text;
        if (v >= s.length()) {
            return;
        }
        int start;
        int end;
        char q = s.charAt(v);
        if (q == '"' || q == '\'') {
            start = v + 1;
            end = Quotes.close(s, start, 1);
            if (end >= s.length() || s.charAt(end) != q) {
                return;
            }
        } else if (q == '{' || q == '[' || q == '(') {
            return;
        } else {
            start = v;
            end = v;
            while (end < s.length() && end - v < MAX_VALUE && s.charAt(end) != ',' && s.charAt(end) != '}'
                    && s.charAt(end) != ']' && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                end++;
            }
            while (end > start && s.charAt(end - 1) == ' ') {
                end--;
            }
        }
        FieldDiffs.judge(scan, name, start, end);
    }

    /** jsonschema's {@code On instance['customer']['phone']:} and the value's repr, indented, on the next line. */
    private static void onInstance(Scan scan, int open) {
        String s = scan.text;
        int k = open;
        int nameStart = -1;
        int nameEnd = -1;
        while (k < s.length() && s.charAt(k) == '[' && k - open < MAX_VALUE) {
            int close = Chars.indexOf(s, ']', k + 1, Math.min(s.length(), k + MAX_NAME + 4));
            if (close < 0) {
                return;
            }
            char q = s.charAt(k + 1);
            if ((q == '\'' || q == '"') && s.charAt(close - 1) == q && close - 1 > k + 2) {
                nameStart = k + 2;
                nameEnd = close - 1;
            } else {
                nameStart = -1;   // an index last: a list's element
            }
            k = close + 1;
        }
        if (nameStart < 0 || k + 1 >= s.length() || s.charAt(k) != ':') {
            return;
        }
        k++;
        if (k < s.length() && s.charAt(k) == '\r') {
            k++;
        }
        if (k >= s.length() || s.charAt(k) != '\n') {
            return;
        }
        int v = k + 1;
        while (v < s.length() && (s.charAt(v) == ' ' || s.charAt(v) == '\t')) {
            v++;
        }
        if (v == k + 1) {
            return;   // the repr is indented
        }
        judge(scan, new int[] {nameStart, nameEnd}, v);
    }

    /**
     * Pydantic 2's {@code input_value='…'} in its {@code [type=…, …]} bracket, the field's path alone on the line before
     * the message's line ({@code customer.phone}, {@code body.phone}).
     */
    private static void inputValue(Scan scan, int i, int w) {
        String s = scan.text;
        if (w >= s.length() || s.charAt(w) != '=') {
            return;
        }
        int lineStart = Chars.lastIndexOf(s, '\n', Math.max(0, i - 2 * MAX_VALUE), i);
        if (lineStart <= 0) {
            return;
        }
        int typed = Chars.lastIndexOf(s, '[', lineStart, i);
        if (typed < 0 || !s.startsWith("[type=", typed)) {
            return;
        }
        int end = lineStart;
        if (end > 0 && s.charAt(end - 1) == '\r') {
            end--;
        }
        int a = end;
        while (a > 0 && end - a <= MAX_NAME && (Chars.word(s.charAt(a - 1)) || s.charAt(a - 1) == '.')) {
            a--;
        }
        if (a == end || a > 0 && s.charAt(a - 1) != '\n' && s.charAt(a - 1) != ' ') {
            return;   // not a path alone on its line
        }
        int last = end;
        while (last > a && Chars.word(s.charAt(last - 1))) {
            last--;
        }
        if (last == end) {
            return;
        }
        judge(scan, new int[] {last, end}, w + 1);
    }

    /** Spring's {@code on field 'phone': rejected value [+35387…];}: the field's name read back from "rejected". */
    private static void rejected(Scan scan, int i, int w) {
        String s = scan.text;
        if (!s.startsWith(" value [", w) || i < 12 || Chars.word(s.charAt(i - 1))) {
            return;
        }
        int k = i - 1;
        while (k > 0 && s.charAt(k) == ' ') {
            k--;
        }
        if (s.charAt(k) != ':' || k < 2) {
            return;
        }
        k--;
        char q = s.charAt(k);
        if (q != '\'' && q != '"') {
            localised(scan, k + 1, w);
            return;
        }
        int nameEnd = k;
        int a = k;
        while (a > 0 && nameEnd - a <= MAX_NAME && (Chars.word(s.charAt(a - 1)) || s.charAt(a - 1) == '.'
                || s.charAt(a - 1) == '[' || s.charAt(a - 1) == ']')) {
            a--;
        }
        if (a == nameEnd || a < 7 || s.charAt(a - 1) != q || !s.startsWith("field ", a - 7)) {
            return;
        }
        int last = nameEnd;
        while (last > a && Chars.word(s.charAt(last - 1))) {
            last--;
        }
        if (last == nameEnd) {
            return;
        }
        int start = w + 8;
        int lineEnd = s.indexOf('\n', start);
        lineEnd = lineEnd < 0 ? s.length() : lineEnd;
        int end = s.indexOf("]; ", start);
        if (end < 0 || end > lineEnd) {
            end = Chars.lastIndexOf(s, ']', start, lineEnd);
        }
        FieldDiffs.judge(scan, new int[] {last, nameEnd}, start, end);
    }

    /** How far back from its colon a localised message before "rejected value [" is read. */
    private static final int MAX_MESSAGE = 80;

    /**
     * Spring's binding error with its message in the user's language before the value and no field named, as a
     * MethodArgumentNotValidException's localised message prints it ({@code പാസ്‌വേഡ് വളരെ ചെറുതാണ്: rejected value […]},
     * "password too short"): where a word of the message, back from its colon to the one before it or a bracket,
     * names a password in a script {@link LocalLabels#start} does not read ({@link LocalLabels#messagePassword}), the
     * value in the brackets is the password. A message that names no password keeps its value.
     */
    private static void localised(Scan scan, int colon, int w) {
        String s = scan.text;
        if (s.charAt(colon - 1) < 0x0900) {
            return;   // the word before the colon is in no such script
        }
        int from = colon;
        while (from > 0 && colon - from < MAX_MESSAGE && ":[(\n".indexOf(s.charAt(from - 1)) < 0) {
            from--;
        }
        boolean password = false;
        for (int k = from; k < colon && !password; k++) {
            if (s.charAt(k) != ' ' && (k == from || s.charAt(k - 1) == ' ')) {
                int e = Chars.indexOf(s, ' ', k, colon);
                password = LocalLabels.messagePassword(s, k, e < 0 ? colon : e);
            }
        }
        if (!password) {
            return;
        }
        int start = w + 8;
        int end = start;
        for (int depth = 0; end < s.length() && end - start <= MAX_VALUE && s.charAt(end) != '\n'; end++) {
            char c = s.charAt(end);
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth-- == 0) {
                break;   // the value's own bracket closes; an exception's "Resolved […]" may close after it
            }
        }
        if (end < s.length() && s.charAt(end) == ']' && end > start
                && Judge.field(KeyNames.Key.PASSWORD, s, start, end) != null) {
            scan.add(SecretKind.PASSWORD, start, end);
        }
    }

    /**
     * Where the colon after a key that ended at {@code w} stands (past the key's closing quote and blanks), or -1 where
     * none follows.
     */
    private static int colonAfter(String s, int w) {
        int k = w;
        if (k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            k++;
        }
        k = Chars.skipBlanks(s, k);
        return k < s.length() && s.charAt(k) == ':' ? k : -1;
    }
}
