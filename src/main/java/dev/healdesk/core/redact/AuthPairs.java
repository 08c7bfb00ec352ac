package dev.healdesk.core.redact;

/**
 * A user and a password handed to a login as two quoted arguments or items, under a name that says so, as every
 * language's HTTP, mail and FTP clients take them and their assertion diffs print the call: Python requests' and httpx'
 * {@code auth=('svc', '…')} and {@code HTTPBasicAuth('svc', '…')}, smtplib's and ftplib's {@code login('me', '…')}, Go's
 * {@code req.SetBasicAuth("svc", "…")}, REST Assured's {@code .auth().basic("svc", "…")}, .NET's
 * {@code new NetworkCredential("svc", "…")}, Guzzle's {@code 'auth' => ['svc', '…']}, a Ruby hash's
 * {@code basic_auth: ["svc", "…"]}. Triggered by the bracket that opens the pair, when a quote follows it; the name is
 * the word before the bracket (or before its {@code =}, {@code :} or {@code =>}) and ends in auth, basic, credential(s),
 * login, logon, signin or authenticate. The second item goes when it looks like a password that mixes three kinds of
 * characters, or a generated secret ({@link Values#passwordLike}, {@link Values#secretLike}); the user stays, and so do
 * {@code login('Sign in', 'button')}, the region of {@code Credentials("AKIA…", "us-east-1")} and a pair of variables.
 */
final class AuthPairs extends Detector {

    private static final boolean[] QUOTE = Chars.set("\"'");
    private static final int MAX_ITEM = 128;
    private static final String[] ENDS = {"auth", "basic", "credential", "credentials", "login", "logon", "signin",
            "authenticate"};

    @Override
    boolean[] seconds(char c) {
        return QUOTE;
    }

    @Override
    int at(Scan scan, int open) {
        String s = scan.text;
        if (!named(s, open)) {
            return open + 1;
        }
        int first = open + 1;
        int firstEnd = Quotes.close(s, first + 1, 1);
        if (firstEnd >= s.length() || s.charAt(firstEnd) != s.charAt(first) || firstEnd - first > MAX_ITEM
                || Chars.indexOf(s, '\n', first, firstEnd) >= 0) {
            return open + 1;
        }
        int k = Chars.skipBlanks(s, firstEnd + 1);
        if (k >= s.length() || s.charAt(k) != ',') {
            return open + 1;
        }
        k = Chars.skipBlanks(s, k + 1);
        if (k >= s.length() || s.charAt(k) != '"' && s.charAt(k) != '\'') {
            return open + 1;
        }
        int start = k + 1;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || s.charAt(end) != s.charAt(k) || end - start > MAX_ITEM
                || Chars.indexOf(s, '\n', start, end) >= 0 || Chars.indexOf(s, ' ', start, end) >= 0
                || Values.placeholder(s, start, end)) {
            return open + 1;
        }
        int after = Chars.skipBlanks(s, end + 1);
        char close = s.charAt(open) == '[' ? ']' : ')';
        if (after >= s.length() || s.charAt(after) != close && s.charAt(after) != ',') {
            return open + 1;
        }
        if (Values.passwordLike(s, start, end) && classes(s, start, end) >= 3 || Values.secretLike(s, start, end)) {
            scan.add(SecretKind.PASSWORD, start, end);
        }
        return open + 1;
    }

    /**
     * How many of small letters, capitals, digits and signs other than {@code - _ .} the item mixes: a password mixes
     * three, a region ({@code us-east-1}) or a host's name, which a credentials' call takes too, two at most.
     */
    static int classes(String s, int start, int end) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean sign = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            lower |= Chars.lower(c);
            upper |= Chars.upper(c);
            digit |= Chars.digit(c);
            sign |= !Chars.alnum(c) && "-_.".indexOf(c) < 0;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (sign ? 1 : 0);
    }

    /** Whether the word before the bracket at {@code open}, or before its {@code =}, {@code :} or {@code =>}, names a login. */
    private static boolean named(String s, int open) {
        int k = open;
        int signs = 0;
        while (k > 0 && open - k < 6) {
            char c = s.charAt(k - 1);
            if (c == ' ' || c == '\t') {
                k--;
            } else if ((c == '=' || c == ':' || c == '>') && ++signs <= 2) {
                k--;
            } else {
                break;
            }
        }
        if (k > 0 && signs > 0 && (s.charAt(k - 1) == '\'' || s.charAt(k - 1) == '"')) {
            k--;   // 'auth' => […], "auth": […]
        }
        int end = k;
        while (k > 0 && end - k < 40 && (Chars.alnum(s.charAt(k - 1)) || s.charAt(k - 1) == '_')) {
            k--;
        }
        if (end - k < 4) {
            return false;
        }
        for (String e : ENDS) {
            int n = e.length();
            if (end - k >= n && s.regionMatches(true, end - n, e, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
