package dev.healdesk.core.redact;

/**
 * A secret printed alone on its line, below the line that says what it is, as setup tools and shell sessions print
 * one:
 * <ul>
 *   <li>below a label in prose that ends in a colon and names a secret ("Password for the elastic user (reset with
 *       …):", "Copy the following enrollment token …:", "Your API key:");</li>
 *   <li>below a shell command that names one ({@code $ kubectl get secret … -o jsonpath="{.data.password}" | base64 -d},
 *       {@code $ cat /run/secrets/db_password}, {@code $ argocd admin initial-password}): its output;</li>
 *   <li>under a label that says only "value" ({@code New value: …}) below a line that names a password ("Password for
 *       the [elastic] user successfully reset.").</li>
 * </ul>
 * And, read at the same line starts, Postfix's {@code [relay.host]:port user:password} lines ({@link #relayLogin}).
 * The secret is named by a word of the line above, judged by {@link KeyNames} (so "fingerprint:" and "Dependencies:"
 * name none), and the lone value must look like the secret ({@link Values#tokenLike}, or {@link Values#passwordLike}
 * for a password), so "Password requirements:" above "minimum" and {@code $ cat token-path.txt} above a path keep the
 * line below; a value with a colon in it is fields ({@code $ cat ~/.pgpass} above {@code host:5432:db:user:…}), left to
 * the rules that know them. Triggered by the line feed before the value's line; the line above is read only where the line below
 * holds one token, which few lines of a log do.
 */
final class ValuesBelow implements Detector {

    /** The longest line above that is read. */
    private static final int REACH = 400;
    /** The shortest lone value taken for a secret. */
    private static final int MIN_VALUE = 8;
    private static final int MAX_VALUE = 2048;

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int n = s.length();
        int start = Chars.skipBlanks(s, i + 1);
        int end = start;
        while (end < n && end - start <= MAX_VALUE && !Chars.space(s.charAt(end))) {
            end++;
        }
        int after = Chars.skipBlanks(s, end);
        if (after < n && s.charAt(after) != '\n' && s.charAt(after) != '\r') {
            if (s.charAt(start) == '[') {
                return relayLogin(scan, i, start, end, after);
            }
            return end - start < 3 || end - start > 6 ? i + 1 : valueLabel(scan, i, start, end);
        }
        if (end - start < MIN_VALUE || Chars.indexOf(s, ':', start, end) >= 0) {
            return i + 1;   // short, or fields ({@code .pgpass}'s host:port:db:user:password) other rules judge
        }
        int lineStart = lineStart(s, i);
        if (lineStart < 0) {
            return i + 1;
        }
        int e = i;
        while (e > lineStart && (Chars.blank(s.charAt(e - 1)) || s.charAt(e - 1) == '\r')) {
            e--;
        }
        if (e == lineStart || s.charAt(e - 1) != ':' && !prompt(s, lineStart, e)) {
            return i + 1;
        }
        claim(scan, secretNamed(scan, lineStart, e), start, end);
        return i + 1;
    }

    /** The text's first line, which no line feed triggers: only {@link #relayLogin}, which needs no line above. */
    void firstLine(Scan scan) {
        String s = scan.text;
        if (s.isEmpty() || s.charAt(0) != '[') {
            return;
        }
        int end = 0;
        while (end < s.length() && end <= MAX_VALUE && !Chars.space(s.charAt(end))) {
            end++;
        }
        int after = Chars.skipBlanks(s, end);
        if (after < s.length() && s.charAt(after) != '\n' && s.charAt(after) != '\r') {
            relayLogin(scan, -1, 0, end, after);
        }
    }

    /**
     * {@code New value: …}, {@code Value: …} on the line after the line feed at {@code nl} (its first word at
     * {@code start, end}), below a line that names a password: claims the value.
     */
    private static int valueLabel(Scan scan, int nl, int start, int end) {
        String s = scan.text;
        int colon = end - 1;
        if (s.charAt(colon) != ':') {
            if (!Chars.is(s, start, end, "New") && !Chars.is(s, start, end, "new")) {
                return nl + 1;
            }
            int w = Chars.skipBlanks(s, end);
            if (!s.regionMatches(true, w, "value:", 0, 6)) {
                return nl + 1;
            }
            colon = w + 5;
        } else if (colon - start != 5 || !s.regionMatches(true, start, "value", 0, 5)) {
            return nl + 1;
        }
        int v = Chars.skipBlanks(s, colon + 1);
        int ve = v;
        while (ve < s.length() && ve - v <= MAX_VALUE && !Chars.space(s.charAt(ve))) {
            ve++;
        }
        int after = Chars.skipBlanks(s, ve);
        if (ve == v || after < s.length() && s.charAt(after) != '\n' && s.charAt(after) != '\r') {
            return nl + 1;
        }
        int lineStart = lineStart(s, nl);
        if (lineStart >= 0 && secretNamed(scan, lineStart, nl) == KeyNames.Key.PASSWORD) {
            claim(scan, KeyNames.Key.PASSWORD, v, ve);
        }
        return nl + 1;
    }

    /**
     * A line of Postfix's {@code sasl_passwd} map, {@code [relay.host]:port user:password}: a bracketed host with a dot
     * (its first word at {@code start, end}), then one {@code user:password} word and the line's end. What follows the
     * user's colon goes when it looks like a password ({@link Values#passwordLike}), so {@code [db.acme.net] 10.0.0.7:5432}
     * and {@code [main] INFO: …} keep theirs.
     */
    private static int relayLogin(Scan scan, int nl, int start, int end, int second) {
        String s = scan.text;
        int close = Chars.indexOf(s, ']', start, end);
        if (close < 0 || Chars.indexOf(s, '.', start, close) < 0 || close + 1 < end && s.charAt(close + 1) != ':') {
            return nl + 1;
        }
        int secondEnd = second;
        while (secondEnd < s.length() && secondEnd - second <= MAX_VALUE && !Chars.space(s.charAt(secondEnd))) {
            secondEnd++;
        }
        int after = Chars.skipBlanks(s, secondEnd);
        if (after < s.length() && s.charAt(after) != '\n' && s.charAt(after) != '\r') {
            return nl + 1;
        }
        int colon = Chars.indexOf(s, ':', second, secondEnd);
        if (colon <= second || colon + 1 >= secondEnd) {
            return nl + 1;
        }
        boolean user = Chars.indexOf(s, '@', second, colon) > 0 || Chars.indexOf(s, '.', second, colon) < 0;
        if (user && Values.passwordLike(s, colon + 1, secondEnd)) {
            scan.add(SecretKind.PASSWORD, colon + 1, secondEnd);
        }
        return nl + 1;
    }

    private static void claim(Scan scan, KeyNames.Key key, int start, int end) {
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION) {
            return;
        }
        String s = scan.text;
        if (end - start >= 2 && (s.charAt(start) == '"' || s.charAt(start) == '\'') && s.charAt(end - 1) == s.charAt(start)) {
            start++;   // a quoted value: the quotes stay
            end--;
        }
        boolean looks = Values.tokenLike(s, start, end)
                || key == KeyNames.Key.PASSWORD && Values.passwordLike(s, start, end);
        SecretKind kind = looks ? KeyValues.judge(key, s, start, end) : null;
        if (kind != null) {
            scan.add(kind, start, end);
        }
    }

    /** Where the line that ends at the line feed {@code nl} starts; -1 where it is longer than {@link #REACH}. */
    private static int lineStart(String s, int nl) {
        int k = nl;
        while (k > 0 && s.charAt(k - 1) != '\n') {
            if (nl - k > REACH) {
                return -1;
            }
            k--;
        }
        return k;
    }

    /**
     * Whether the line {@code [start, end)} is a shell command after its prompt: {@code $ …}, {@code # …}, {@code + …}
     * ({@code set -x}), {@code user@host:~$ …}.
     */
    private static boolean prompt(String s, int start, int end) {
        int k = Chars.skipBlanks(s, start);
        if (k + 1 < end && (s.charAt(k) == '$' || s.charAt(k) == '#' || s.charAt(k) == '+') && s.charAt(k + 1) == ' ') {
            return true;
        }
        int limit = Math.min(end - 1, k + 80);
        for (int p = k + 1; p < limit; p++) {
            char c = s.charAt(p);
            if ((c == '$' || c == '#') && s.charAt(p + 1) == ' ' && (s.charAt(p - 1) == '~' || s.charAt(p - 1) == ']')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The strongest secret a word of {@code [start, end)} names ({@link KeyNames}; a word with its neighbour before,
     * for "API key", "access token"): a password before any other; NONE where none does.
     */
    private static KeyNames.Key secretNamed(Scan scan, int start, int end) {
        String s = scan.text;
        KeyNames.Key best = KeyNames.Key.NONE;
        int previous = -1;
        int k = start;
        while (k < end) {
            while (k < end && !Chars.alnum(s.charAt(k))) {
                k++;
            }
            int w = k;
            while (k < end && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '_' || s.charAt(k) == '-' && k + 1 < end
                    && Chars.alnum(s.charAt(k + 1)))) {
                k++;
            }
            if (k == w) {
                break;
            }
            if (k - w <= KeyNames.MAX_LENGTH) {
                KeyNames.Key key = KeyNames.classify(scan, w, k);
                if (key == KeyNames.Key.NONE && previous >= 0 && k - previous <= KeyNames.MAX_LENGTH) {
                    key = KeyNames.classify(scan, previous, k);
                }
                if (key == KeyNames.Key.PASSWORD) {
                    return key;
                }
                if (key != KeyNames.Key.NONE && key != KeyNames.Key.SSN) {
                    best = key;
                }
            }
            previous = w;
        }
        return best;
    }
}
