package dev.healdesk.core.redact;

/**
 * A line that ends in a secret's name, spelt as an identifier, and one value, whatever stands before them: a command
 * that sets a variable ({@code ENV DB_PASSWORD …} in a Dockerfile, fish's {@code set -gx API_TOKEN …}, Apache's
 * {@code SetEnv DB_PASSWORD …}, nginx's {@code fastcgi_param DB_PASSWORD …;}), a table row printed without rules
 * ({@code DB_PASSWORD      …}), a sentence ("using refresh_token …"). The name is read backwards from the line's
 * end, so it is found however it starts (a scan forwards passes over {@code DB_PASSWORD} as one word): it must have
 * {@code _ - .} or a camel hump in it, so that prose ("reset password …") is {@link NamedValues}' to judge, and it is
 * judged by {@link KeyNames}; up to two filler words may stand between it and the value ("Setting DB_PASSWORD to …").
 * Unquoted, the value must look like the secret: a password with a letter and a digit, capital or sign
 * ({@link Values#passwordLike}), any secret random ({@link Values#tokenLike}), so "missing DB_PASSWORD variable" and
 * "client_secret is unchanged" keep their last word. A name that names a phone ({@link Numbers#phoneWords}) takes a
 * value that is a phone number whole ({@link Numbers#phoneValue}), as Terraform's validation error prints a variable:
 * {@code │ var.support_phone is "8 65 18-38-44"}. Triggered by the line feed after the line; {@link Redactor} calls it for the text's
 * last line. It hands {@link ValuesBelow} a line's only word, a word after {@code value:} and a Postfix map line's last
 * word.
 */
final class LineEnds extends Detector {

    /** The longest value read back from a line's end. */
    private static final int MAX_VALUE = 512;

    @Override
    public int at(Scan scan, int i) {
        line(scan, i);
        return i + 1;
    }

    /** Looks at the line that ends at {@code end} (a line feed, or the text's end). */
    void line(Scan scan, int end) {
        String s = scan.text;
        int e = end;
        while (e > 0 && (Chars.blank(s.charAt(e - 1)) || s.charAt(e - 1) == '\r' || s.charAt(e - 1) == ';')) {
            e--;
        }
        if (e < 2 || s.charAt(e - 1) == '.' || s.charAt(e - 1) == ':' || s.charAt(e - 1) == '\n') {
            return;   // an empty line, a sentence's end, a label: most lines of a log
        }
        boolean quoted = s.charAt(e - 1) == '"' || s.charAt(e - 1) == '\'';
        int v = quoted ? e - 2 : e - 1;
        char q = quoted ? s.charAt(e - 1) : 0;
        while (v >= 0 && e - v <= MAX_VALUE && (quoted ? s.charAt(v) != q && s.charAt(v) != '\n'
                : !Chars.space(s.charAt(v)))) {
            if (!quoted && structural(s.charAt(v))) {
                return;   // JSON, a call, a list: the line ends in no lone value (and is not read back further)
            }
            v--;
        }
        if (v < 1 || e - v > MAX_VALUE || quoted && s.charAt(v) != q) {
            return;
        }
        int start = v + 1;
        int stop = quoted ? e - 1 : e;
        if (quoted) {
            v--;   // the opening quote
        }
        if (stop > start && v >= 0 && s.charAt(v) == '\n') {
            ValuesBelow.lone(scan, v, start, stop);   // the line's only word: a secret below its label?
            return;
        }
        if (stop <= start || v < 0 || !Chars.blank(s.charAt(v))) {
            return;
        }
        int k = v;
        while (k > 0 && Chars.blank(s.charAt(k - 1))) {
            k--;
        }
        if (k > 0) {
            char before = s.charAt(k - 1);
            if (quoted && q == '\'' && before == '>' && k >= 3 && s.startsWith(">>>", k - 3)
                    && (k == 3 || s.charAt(k - 4) == '\n')) {
                SpacedProperties.echoed(scan, start);   // redis-server's >>> 'requirepass … extra'
                return;
            }
            if (before == '\n') {
                ValuesBelow.lone(scan, k - 1, start, stop);
                return;
            }
            if (before == ':') {
                ValuesBelow.labelled(scan, k - 1, start, stop);
            } else if (quoted && (before == '"' || before == '\'')) {
                Pairs.spaced(scan, start - 1);   // "X-Api-Key" "…" ending its line
                return;
            } else if ((before == ']' || Chars.digit(before)) && !quoted && ValuesBelow.relayLogin(scan, k, start, stop)) {
                return;
            }
        }
        for (int fillers = 0; fillers < 2; fillers++) {   // "Setting DB_PASSWORD to …", "DB_PASSWORD is now …"
            int w = k;
            while (w > 0 && Chars.lower(s.charAt(w - 1))) {
                w--;
            }
            if (w == k || w == 0 || !Chars.blank(s.charAt(w - 1)) || !Chars.isAnyExactly(s, w, k, FILLERS)) {
                break;
            }
            k = w;
            while (k > 0 && Chars.blank(s.charAt(k - 1))) {
                k--;
            }
        }
        int keyEnd = k;
        boolean structured = false;
        while (k > 0 && keyEnd - k <= KeyNames.MAX_LENGTH) {
            char c = s.charAt(k - 1);
            if (c == '_' || c == '-' || c == '.') {
                structured = true;
            } else if (!Chars.alnum(c)) {
                break;
            } else if (Chars.lower(c) && k < keyEnd && Chars.upper(s.charAt(k))) {
                structured = true;   // a camel hump: refreshToken
            }
            k--;
        }
        int keyStart = k;
        if (!structured || keyEnd - keyStart < 4 || keyEnd - keyStart > KeyNames.MAX_LENGTH
                || keyStart > 0 && !Chars.space(s.charAt(keyStart - 1))
                || !Chars.letter(s.charAt(keyStart)) || s.charAt(keyEnd - 1) == '.' || s.charAt(keyEnd - 1) == '-') {
            return;   // no name, or a path, an option (--token), a sentence's end
        }
        KeyNames.Key key = KeyNames.classify(scan, keyStart, keyEnd);
        if (key == KeyNames.Key.NONE && Numbers.phoneWords(s, keyStart, keyEnd) && Numbers.phoneValue(s, start, stop)
                && (quoted || grouped(s, start, stop))) {
            // a phone under a name that says so: Terraform's "var.support_phone is "…"" below a failed validation,
            // "Setting CUSTOMER_PHONE to …", in any country's grouping ({@link Numbers#phoneValue}); unquoted, only
            // grouped or after a +, as people write a phone (phone_verified_at 20240514 stays)
            scan.add(SecretKind.PHONE, start, stop);
            return;
        }
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION) {
            return;
        }
        boolean looks = Values.tokenLike(s, start, stop)
                || key == KeyNames.Key.PASSWORD && Values.passwordLike(s, start, stop);
        SecretKind kind = looks || quoted ? Judge.value(key, s, start, stop) : null;
        if (kind != null) {
            scan.add(kind, start, stop);
        }
    }

    /** Whether a character other than a digit stands in {@code s[start, end)}: a blank, a dash, a dot, a +. */
    private static boolean grouped(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.digit(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Characters no unquoted value at a line's end holds: those of JSON, calls, lists and markup. */
    private static boolean structural(char c) {
        return c == '"' || c == '\'' || c == '{' || c == '}' || c == '[' || c == ']' || c == '(' || c == ')' || c == ','
                || c == '<' || c == '>' || c == '`';
    }

    /** Words that may stand between a name and its value: "… to", "… is now". */
    private static final String[] FILLERS = {"is", "was", "to", "as", "now", "be"};
}
