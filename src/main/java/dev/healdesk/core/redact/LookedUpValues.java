package dev.healdesk.core.redact;

/**
 * The value a lookup by a secret's name gave, printed after the lookup as a failing test, a debugger or a debug log
 * shows it: R's {@code Sys.getenv("RSCONNECT_API_KEY") was "…"}, Swift's {@code Environment.get("JWT_SECRET") = …},
 * Python's {@code os.getenv("STRIPE_SECRET") returned '…'}, Ruby's {@code ENV.fetch("API_TOKEN") => "…"}, Java's
 * {@code System.getenv("DB_PASSWORD") == "…"}, Go's {@code os.Getenv("API_TOKEN") -> …}. The quoted name is read as a
 * key ({@link KeyNames}), the value after the bracket that closes the lookup and a sign ({@code =}, {@code ==},
 * {@code :}, {@code ->}, {@code =>}) or a word ({@code was}, {@code is}, {@code returned}, {@code returns}, {@code
 * equals}) is judged as its value ({@link Judge#value}); an unquoted one after a word must still look like one in prose
 * ({@link Judge#inProse}), so {@code getenv("API_TOKEN") is empty} stays, and a name that names nothing ({@code
 * getenv("HOME") was "/home/ci"}) keeps its value. Triggered by the {@code )} or {@code ]} right after a quote.
 */
final class LookedUpValues extends Detector {

    private static final boolean[] QUOTE = Chars.set("\"'");
    private static final String[] WORDS = {"was", "is", "returned", "returns", "equals", "gave"};
    private static final int MAX_VALUE = 256;

    @Override
    boolean[] befores(char c) {
        return QUOTE;
    }

    @Override
    int at(Scan scan, int close) {
        String s = scan.text;
        char q = s.charAt(close - 1);
        int nameEnd = close - 1;
        int open = Chars.lastIndexOf(s, q, Math.max(0, nameEnd - KeyNames.MAX_LENGTH - 1), nameEnd);
        if (open < 2 || open + 1 == nameEnd) {
            return close + 1;
        }
        char bracket = s.charAt(open - 1);
        if (!(bracket == '(' && s.charAt(close) == ')' || bracket == '[' && s.charAt(close) == ']')
                || !Chars.word(s.charAt(open - 2))) {
            return close + 1;   // a call's or an index's one argument: getenv("…"), ENV["…"]
        }
        for (int k = open + 1; k < nameEnd; k++) {
            char c = s.charAt(k);
            if (!Chars.word(c) && c != '-' && c != '.') {
                return close + 1;
            }
        }
        int k = Chars.skipBlanks(s, close + 1);
        boolean word = false;
        if (k >= s.length()) {
            return close + 1;
        }
        char c = s.charAt(k);
        if (c == '=' || c == ':') {
            k++;
            while (k < s.length() && (s.charAt(k) == '=' || s.charAt(k) == '>') && k - close < 5) {
                k++;
            }
        } else if (c == '-' && k + 1 < s.length() && s.charAt(k + 1) == '>') {
            k += 2;
        } else {
            int w = k;
            while (w < s.length() && Chars.lower(s.charAt(w))) {
                w++;
            }
            if (!Chars.isAnyExactly(s, k, w, WORDS)) {
                return close + 1;
            }
            k = w;
            word = true;
        }
        if (k == close + 1 || k >= s.length() || !Chars.blank(s.charAt(k)) && word) {
            return close + 1;
        }
        int start = Chars.skipBlanks(s, k);
        if (start >= s.length()) {
            return close + 1;
        }
        int end;
        boolean quoted = s.charAt(start) == '"' || s.charAt(start) == '\'';
        if (quoted) {
            char vq = s.charAt(start);
            start++;
            end = Chars.indexOf(s, vq, start, Math.min(s.length(), start + MAX_VALUE));
            if (end < 0 || Chars.indexOf(s, '\n', start, end) >= 0) {
                return close + 1;
            }
        } else {
            end = start;
            while (end < s.length() && end - start < MAX_VALUE && !Chars.space(s.charAt(end))
                    && ",;)]}\"'".indexOf(s.charAt(end)) < 0) {
                end++;
            }
        }
        if (end <= start) {
            return close + 1;
        }
        KeyNames.Key key = KeyNames.classify(scan, open + 1, nameEnd);
        if (key == KeyNames.Key.NONE || word && !quoted && !Judge.inProse(key, s, start, end)) {
            return close + 1;
        }
        SecretKind kind = Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
            return end;
        }
        return close + 1;
    }
}
