package dev.healdesk.core.redact;

/**
 * A long random string named like a secret in prose, without {@code =} or {@code :}: "auth token 013fe…",
 * "using secret Zk3…", "api key 9aB…". Only a value that looks generated goes (at least {@value #MIN_LENGTH}
 * characters of letters and digits, {@value #MIN_ENTROPY} bits of entropy a character), so "token expired" and
 * "password reset link" stay, and a bare "key" counts only after api, access, secret or private ("cache key
 * 9f8e…" stays). Triggered by the first letter of the name.
 */
final class NamedValues implements Detector {

    static final int MIN_LENGTH = 16;
    static final double MIN_ENTROPY = 3.5;
    private static final String[] NAMES = {"token", "secret", "password", "passwd", "credential", "apikey"};
    private static final String[] KEY_QUALIFIERS = {"api", "access", "secret", "private"};

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (Chars.joinedBefore(s, i)) {
            return end;   // inside a word: nothing here starts a name, skip the rest of it
        }
        if (!named(s, i, end)) {
            return end;
        }
        if (end + 1 >= s.length() || !Chars.blank(s.charAt(end))) {
            return end;
        }
        int v = end + 1;
        if (s.startsWith("is ", v) || s.startsWith("was ", v)) {
            v = s.indexOf(' ', v) + 1;   // "the password is …"
        }
        int e = v;
        boolean letter = false;
        boolean digit = false;
        while (e < s.length() && e - v < 4096 && valueChar(s.charAt(e))) {
            letter |= Chars.letter(s.charAt(e));
            digit |= Chars.digit(s.charAt(e));
            e++;
        }
        while (e > v && (s.charAt(e - 1) == '.' || s.charAt(e - 1) == '-')) {
            e--;   // the end of a sentence
        }
        if (e - v < MIN_LENGTH || !letter || !digit || Values.placeholder(s, v, e)
                || Values.entropy(s, v, e) < MIN_ENTROPY) {
            return end;
        }
        scan.add(SecretKind.GENERIC_SECRET, v, e);
        return v;   // a token of known shape names it better
    }

    private static boolean named(String s, int start, int end) {
        for (String n : NAMES) {
            if (Chars.is(s, start, end, n)) {
                return true;
            }
        }
        if (!Chars.is(s, start, end, "key") || start < 2 || s.charAt(start - 1) != ' ') {
            return false;
        }
        int w = start - 1;
        while (w > 0 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        for (String q : KEY_QUALIFIERS) {
            if (Chars.is(s, w, start - 1, q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueChar(char c) {
        return Chars.alnum(c) || c == '_' || c == '-' || c == '+' || c == '/' || c == '=' || c == '.' || c == '~';
    }
}
