package dev.healdesk.core.redact;

/**
 * A secret given as the literal argument of a method whose name names it, as a debug log or a stack of calls prints
 * the call: Mojolicious' {@code app->secrets(['…'])}, {@code config.setPassword("…")}, {@code builder.apiKey('…')},
 * {@code ->secret_key("…")}. The method's name (after {@code .}, {@code ->} or {@code ::}) is read as a key
 * ({@link KeyNames}) with a setter's {@code set}/{@code with} first, and the first argument, a quoted string alone or
 * the first of a list, judged as its value ({@link Judge#value}); a getter's, a check's or a rotation's argument
 * ({@code getPassword("user")}, {@code verifyToken(…)}, {@code rotateSecret("billing")}) is a name, not the secret, and
 * a name that names nothing ({@code print('…')}) stays. Triggered by {@code (} after a word.
 */
final class SecretCalls extends Detector {

    private static final boolean[] QUOTE_OR_LIST = Chars.set("\"'[");
    private static final String[] NOT_GIVEN = {"get", "find", "has", "is", "check", "validate", "verify", "reset",
            "rotate", "remove", "delete", "revoke", "load", "read", "fetch", "lookup", "require", "expect", "assert",
            "mask", "redact", "hash", "encode", "decode", "parse", "to", "describe", "list", "create", "generate"};
    private static final int MAX_VALUE = 256;

    /**
     * After the first argument's closing quote, at {@code k}: 0 where it is the only argument; the start of the last
     * argument's text where that is a quoted literal; -1 where the last is anything else (a variable, a call) or the
     * list cannot be read.
     */
    private static int lastArgument(String s, int k) {
        k = Chars.skipBlanks(s, k);
        if (k >= s.length() || s.charAt(k) != ',') {
            return 0;
        }
        int last = -1;
        while (k < s.length() && s.charAt(k) == ',') {
            k = Chars.skipBlanks(s, k + 1);
            if (k < s.length() && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
                int close = Quotes.close(s, k + 1, 1);
                if (close >= s.length() || s.charAt(close) != s.charAt(k) || close - k > MAX_VALUE) {
                    return -1;
                }
                last = k + 1;
                k = close + 1;
            } else {
                int e = k;
                while (e < s.length() && e - k < MAX_VALUE && ",)(\n".indexOf(s.charAt(e)) < 0) {
                    e++;
                }
                if (e == k || e >= s.length() || s.charAt(e) == '(' || s.charAt(e) == '\n') {
                    return -1;
                }
                last = -1;
                k = e;
            }
            k = Chars.skipBlanks(s, k);
        }
        return k < s.length() && s.charAt(k) == ')' ? last : -1;
    }

    @Override
    boolean[] seconds(char c) {
        return QUOTE_OR_LIST;
    }

    @Override
    int at(Scan scan, int open) {
        String s = scan.text;
        int nameEnd = open;
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart <= KeyNames.MAX_LENGTH && Chars.word(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (nameStart == nameEnd || nameStart < 2) {
            return open + 1;
        }
        char b = s.charAt(nameStart - 1);
        boolean member = b == '.' || b == '>' && s.charAt(nameStart - 2) == '-' || b == ':' && s.charAt(nameStart - 2) == ':';
        if (!member) {
            return open + 1;
        }
        int from = nameStart;
        if (s.regionMatches(true, from, "set", 0, 3) && from + 3 < nameEnd && !Chars.lower(s.charAt(from + 3))
                || s.regionMatches(true, from, "with", 0, 4) && from + 4 < nameEnd && !Chars.lower(s.charAt(from + 4))) {
            from += s.charAt(from) == 's' || s.charAt(from) == 'S' ? 3 : 4;
            if (s.charAt(from) == '_') {
                from++;
            }
        } else {
            for (String verb : NOT_GIVEN) {
                int v = verb.length();
                if (s.regionMatches(true, from, verb, 0, v) && from + v < nameEnd
                        && (s.charAt(from + v) == '_' || Chars.upper(s.charAt(from + v)))) {
                    return open + 1;
                }
            }
        }
        int q = open + 1;
        if (s.charAt(q) == '[') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != '"' && s.charAt(q) != '\'') {
            return open + 1;
        }
        int start = q + 1;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || s.charAt(end) != s.charAt(q) || end == start || end - start > MAX_VALUE) {
            return open + 1;
        }
        KeyNames.Key key = KeyNames.classify(scan, from, nameEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.PERSONAL_ID || key == KeyNames.Key.SSN) {
            return open + 1;
        }
        if (q == open + 1) {
            // several arguments: the names come first and the secret last, keyring.set_password("svc", "user", "…"),
            // Go's url.UserPassword("deploy", "…"), setCredentials("user", "…"): the last, where it is a literal
            int last = lastArgument(s, end + 1);
            if (last == -1) {
                return open + 1;
            }
            if (last > 0) {
                start = last;
                end = Quotes.close(s, start, 1);
            }
        }
        SecretKind kind = Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
            return end;
        }
        return open + 1;
    }
}
