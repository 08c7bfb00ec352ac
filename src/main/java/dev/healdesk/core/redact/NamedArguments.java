package dev.healdesk.core.redact;

/**
 * A secret passed to a call named for it, as code, REPLs and debug output print one: {@code
 * auth_token(Zx8kk2LmQaaBB12)}, {@code setPassword("hunter2Xy9!")}, {@code client.api_key('…')}. The name before the
 * {@code (} is judged as a key name ({@link KeyNames}); a quoted first argument goes as {@link NamedValues#near} judges
 * a value after a name, an unquoted one only when it looks random ({@link Values#tokenLike}), so a stack frame's
 * {@code setPassword(User.java:42)} and {@code validateToken(token)} stay. Triggered by the {@code (}, only right
 * after a word character.
 */
final class NamedArguments extends Detector {

    private static final boolean[] WORD = wordChars();

    private static boolean[] wordChars() {
        boolean[] w = new boolean[128];
        for (char c = 0; c < 128; c++) {
            w[c] = Chars.word(c);
        }
        return w;
    }

    @Override
    public boolean[] befores(char c) {
        return WORD;
    }

    @Override
    public int at(Scan scan, int paren) {
        String s = scan.text;
        int nameStart = paren;
        while (nameStart > 0 && paren - nameStart <= KeyNames.MAX_LENGTH && Chars.word(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (paren - nameStart < 3 || paren - nameStart > KeyNames.MAX_LENGTH) {
            return paren + 1;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, paren);
        boolean password = key == KeyNames.Key.PASSWORD;
        if (!password && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET && key != KeyNames.Key.KEY) {
            return paren + 1;
        }
        if (key == KeyNames.Key.KEY && (paren >= 8 && s.regionMatches(true, paren - 8, "sendkeys", 0, 8)
                || paren >= 9 && s.regionMatches(true, paren - 9, "send_keys", 0, 9))) {
            return paren + 1;   // elementSendKeys(id, text), send_keys(…): keys typed, no key; the text is Fills'
        }
        int v = paren + 1;
        int q = Quotes.open(s, v);
        int start = v + q;
        int stop;
        boolean ok;
        if (q > 0) {
            stop = Quotes.close(s, start, q);
            if (stop >= s.length() || s.charAt(stop) == '\n' || s.charAt(stop) == '\r') {
                return paren + 1;
            }
            ok = key == KeyNames.Key.KEY ? Values.generated(s, start, stop)
                    : password ? Values.passwordLike(s, start, stop) : Values.tokenLike(s, start, stop);
        } else {
            stop = start;
            while (stop < s.length() && stop - start < 4096 && (Chars.word(s.charAt(stop)) || "+/=-~".indexOf(s.charAt(stop)) >= 0)) {
                stop++;
            }
            if (stop >= s.length() || s.charAt(stop) != ')' && s.charAt(stop) != ',') {
                return paren + 1;
            }
            ok = key == KeyNames.Key.KEY ? Values.generated(s, start, stop) : Values.tokenLike(s, start, stop);
        }
        if (!ok) {
            return paren + 1;
        }
        scan.add(password ? SecretKind.PASSWORD : SecretKind.GENERIC_SECRET, start, stop);
        return start;
    }
}
