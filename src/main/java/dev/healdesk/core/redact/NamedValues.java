package dev.healdesk.core.redact;

/**
 * A long random string named like a secret in prose, without {@code =} or {@code :}: "auth token 013fe…",
 * "using secret Zk3…", "api key 9aB…". Only a value that looks generated goes (at least {@value #MIN_LENGTH}
 * characters of letters and digits, {@value #MIN_ENTROPY} bits of entropy a character), so "token expired" and
 * "password reset link" stay, and a bare "key" counts only after api, access, secret or private ("cache key
 * 9f8e…" stays). Triggered by the first letter of the name. Also a setting given as name then value to a
 * configuration command ({@code CONFIG SET requirepass …}, {@code git config user.password …}; see {@code setting}).
 */
final class NamedValues implements Detector {

    static final int MIN_LENGTH = 16;
    static final double MIN_ENTROPY = 3.5;
    private static final String[] NAMES = {"token", "secret", "password", "passwd", "credential", "apikey"};
    private static final String[] KEY_QUALIFIERS = {"api", "access", "secret", "private"};
    /**
     * Bit n set where a word of n letters can be a name or a configuration command's word ({@link #NAMES}, "key",
     * "set", "config"): other words are passed over without comparing them with each.
     */
    private static final long LENGTHS = lengths();
    /** Every word this detector looks for at its trigger: the names, and the words of a configuration command. */
    private static final String[] WORDS = words();

    private static String[] words() {
        String[] words = java.util.Arrays.copyOf(NAMES, NAMES.length + 3);
        words[NAMES.length] = "key";
        words[NAMES.length + 1] = "set";
        words[NAMES.length + 2] = "config";
        return words;
    }

    private static long lengths() {
        long bits = 0;
        for (String w : words()) {
            bits |= 1L << w.length();
        }
        return bits;
    }

    @Override
    public long wordLengths(char c) {
        return LENGTHS;
    }

    /** The second letters of the names and words that start with {@code c}, in either case. */
    @Override
    public boolean[] seconds(char c) {
        StringBuilder b = new StringBuilder();
        for (String w : WORDS) {
            if (Character.toLowerCase(w.charAt(0)) == Character.toLowerCase(c)) {
                b.append(Character.toLowerCase(w.charAt(1))).append(Character.toUpperCase(w.charAt(1)));
            }
        }
        return Chars.set(b.toString());
    }


    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (Chars.joinedBefore(s, i)) {
            return end;   // inside a word: nothing here starts a name, skip the rest of it
        }
        if (end - i >= 64 || (LENGTHS & 1L << (end - i)) == 0) {
            return end;   // no name and no command's word is this long
        }
        if (end + 1 < s.length() && Chars.blank(s.charAt(end)) && end - i <= 9) {
            int setting = setting(scan, i, end);
            if (setting >= 0) {
                return setting;
            }
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

    /**
     * A setting given as two arguments, name then value, as configuration commands take it: {@code CONFIG SET
     * requirepass …} (redis-cli), {@code aws configure set aws_secret_access_key …}, {@code npm config set _authToken …},
     * {@code dotnet user-secrets set "Db:Password" …}, {@code git config --global user.password …}. Called at
     * {@code set} (after config, configure, user-secrets or secret) or at git's {@code config}; returns where scanning
     * goes on, or -1 when the text is not so.
     */
    private static int setting(Scan scan, int word, int end) {
        String s = scan.text;
        boolean set = Chars.is(s, word, end, "set");
        if (set) {
            int p = word - 1;
            while (p >= 0 && Chars.blank(s.charAt(p))) {
                p--;
            }
            int q = p;
            while (q >= 0 && (Chars.alnum(s.charAt(q)) || s.charAt(q) == '-')) {
                q--;
            }
            if (p == word - 1 || !(Chars.is(s, q + 1, p + 1, "config") || Chars.is(s, q + 1, p + 1, "configure")
                    || Chars.is(s, q + 1, p + 1, "user-secrets") || Chars.is(s, q + 1, p + 1, "secret"))) {
                return -1;
            }
        } else if (!Chars.is(s, word, end, "config") || word < 4 || !s.startsWith("git ", word - 4)) {
            return -1;
        }
        int i = end;
        while (true) {   // blanks and options: --global, --local, -f file
            while (i < s.length() && Chars.blank(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '-') {
                while (i < s.length() && !Chars.space(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            break;
        }
        int quote = Quotes.open(s, i);
        int nameStart = i + quote;
        int nameEnd = nameStart;
        while (nameEnd < s.length() && nameEnd - nameStart <= KeyNames.MAX_LENGTH && !Chars.space(s.charAt(nameEnd))
                && s.charAt(nameEnd) != '=' && s.charAt(nameEnd) != '"' && s.charAt(nameEnd) != '\'') {
            nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd >= s.length() || s.charAt(nameEnd) == '=') {
            return -1;   // NAME=VALUE is the key-value rules'
        }
        int v = nameEnd + quote;
        if (v >= s.length() || !Chars.blank(s.charAt(v))) {
            return -1;
        }
        while (v < s.length() && Chars.blank(s.charAt(v))) {
            v++;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION
                || v >= s.length() || s.charAt(v) == '-') {
            return -1;
        }
        int q = Quotes.open(s, v);
        int start = v + q;
        int stop = q > 0 ? Quotes.close(s, start, q) : start;
        while (q == 0 && stop < s.length() && !Chars.space(s.charAt(stop))) {
            stop++;
        }
        SecretKind kind = KeyValues.judge(key, s, start, stop);
        if (kind == null) {
            return -1;
        }
        scan.add(kind, start, stop);
        return start;
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
