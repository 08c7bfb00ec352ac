package dev.healdesk.core.redact;

/**
 * An OAuth 2.0 authorization code (RFC 6749, 4.1.2) in the redirect that carries it back, as browsers' and test tools'
 * output prints a URL: {@code Received: https://app.example/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz} in a
 * {@code toHaveURL} failure, a navigation in a trace, a proxy's access log; and in the request that redeems it
 * ({@code grant_type=authorization_code&code=…&redirect_uri=…}). Until it is redeemed, the code is a login. A
 * parameter named {@code code} is no secret by its name ({@code ?code=200}, {@code &code=ERR_TIMEOUT}), so it goes only
 * where its line or the line before says OAuth: a {@code state=}, {@code redirect_uri}, {@code code_verifier},
 * {@code authorization_code}, {@code client_secret} or {@code grant_type} beside it, or (in a URL's query) where it
 * is 32 characters or more, as Azure Functions' function key is; and only a value that looks issued
 * ({@link Values#tokenLike}, or in a query ten characters or more with a digit and a letter). A server's log line
 * ({@code code=<uuid>.<uuid>.<uuid> client_secret=…}, Keycloak's token endpoint; Kong's {@code (code=…, client_id=…,
 * client_secret=…)}) names it as a word of its own, after a blank, a bracket or a comma. The
 * {@code state} stays: it is the client's own nonce. Triggered by the {@code =}; and by the {@code :} of a quoted
 * {@code "code": "…"} ({@link #quoted}).
 */
final class AuthorizationCodes extends Detector {

    private static final boolean[] E = Chars.set("eE");
    private static final boolean[] QUOTES = Chars.set("\"'");
    /** How long a URL's {@code code} must be to go without the OAuth words beside it: a 128-bit key in hex. */
    private static final int LONG_CODE = 32;
    /** How far along the line the OAuth words are looked for, each way. */
    private static final int REACH = 2048;
    private static final String[] CONTEXT = {"state=", "redirect_uri", "code_verifier", "authorization_code",
            "client_secret", "grant_type"};

    /** The {@code e} of {@code code} before {@code =}; the closing quote of {@code "code"} before {@code :}. */
    @Override
    public boolean[] befores(char c) {
        return c == ':' ? QUOTES : E;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i) == ':') {
            return quoted(scan, i);
        }
        if (i < 4 || !s.regionMatches(true, i - 4, "code", 0, 4)) {
            return i + 1;
        }
        char before = i > 4 ? s.charAt(i - 5) : '\n';
        boolean parameter = before == '?' || before == '&' || before == '#' || before == ';'
                || i >= 10 && s.regionMatches(true, i - 10, "\\u0026", 0, 6);   // JSON's escaped &
        // or a word of its own in a log line's list of pairs: "(code=…, client_id=…)", "…, code=…"
        if (!parameter && before != ' ' && before != '\t' && before != '\n' && before != '(' && before != ',') {
            return i + 1;   // error_code=, zipcode=
        }
        int start = i + 1;
        int end = start;
        while (end < s.length() && valueChar(s.charAt(end))) {
            end++;
        }
        // a server's log line (code=… client_secret=…) names it as a word of its own: only an issued token's shape goes
        // a URL's code of 32 characters or more that looks issued is a credential whatever the line says: Azure
        // Functions' function key (https://….azurewebsites.net/api/orders?code=…, its documented way to call a
        // function), an OAuth code without its state, a link's verification code (redact62)
        boolean longCode = parameter && before != ';' && end - start >= LONG_CODE;
        if (end - start < 10 || !(parameter ? issued(s, start, end) : Values.tokenLike(s, start, end))
                || !longCode && !oauth(s, i - 5, end)) {
            return i + 1;
        }
        scan.add(SecretKind.GENERIC_SECRET, start, end);
        return end;
    }

    /**
     * A map's or a JSON object's quoted {@code "code": "…"} (authlib's request args {@code {'code': '…', 'state': …}}, a
     * token request's body logged as JSON): an issued token's shape only, and only beside the OAuth words, so {@code
     * "code": "ERR_TIMEOUT"} and {@code {'code': 400}} stay.
     */
    private static int quoted(Scan scan, int i) {
        String s = scan.text;
        char q = s.charAt(i - 1);
        if (i < 6 || !s.regionMatches(true, i - 5, "code", 0, 4) || s.charAt(i - 6) != q) {
            return i + 1;
        }
        int v = i + 1;
        while (v < s.length() && v - i < 4 && s.charAt(v) == ' ') {
            v++;
        }
        if (v >= s.length() || s.charAt(v) != q) {
            return i + 1;
        }
        int start = v + 1;
        int end = start;
        while (end < s.length() && valueChar(s.charAt(end))) {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != q || end - start < 10 || !Values.tokenLike(s, start, end)
                || !oauth(s, i - 6, end)) {
            return i + 1;
        }
        scan.add(SecretKind.GENERIC_SECRET, start, end);
        return end;
    }

    /** A URL's or form body's value character, %-escapes included: letters, digits, {@code - _ . ~ / + % *}. */
    private static boolean valueChar(char c) {
        return Chars.alnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == '+' || c == '%'
                || c == '*';
    }

    /** Issued rather than named: random enough, or ten characters or more with a digit and a small letter. */
    private static boolean issued(String s, int start, int end) {
        if (Values.tokenLike(s, start, end)) {
            return true;
        }
        boolean digit = false;
        boolean lower = false;
        for (int k = start; k < end; k++) {
            digit |= Chars.digit(s.charAt(k));
            lower |= Chars.lower(s.charAt(k));
        }
        return digit && lower && !Values.placeholder(s, start, end);
    }

    /** Whether the line around {@code [from, to)}, or the line before it, says OAuth. */
    private static boolean oauth(String s, int from, int to) {
        int lineStart = Math.max(0, from - REACH);
        int nl = s.lastIndexOf('\n', from);
        if (nl > lineStart) {
            nl = s.lastIndexOf('\n', nl - 1);   // the line before: a server logs the grant, then the code
        }
        if (nl >= lineStart) {
            lineStart = nl + 1;
        }
        int lineEnd = Math.min(s.length(), to + REACH);
        int next = Chars.indexOf(s, '\n', to, lineEnd);
        if (next >= 0) {
            lineEnd = next;
        }
        for (String word : CONTEXT) {
            if (Chars.contains(s, lineStart, lineEnd, word, true)) {
                return true;
            }
        }
        return false;
    }
}
