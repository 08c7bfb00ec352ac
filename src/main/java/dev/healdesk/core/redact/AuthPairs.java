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
 * {@code login('Sign in', 'button')}, the region of {@code Credentials("AKIA…", "us-east-1")} and a pair of variables,
 * and a second item that names a place (a cloud's region, a locale, a time zone: {@link #place}) or repeats the first.
 */
final class AuthPairs extends Detector {

    private static final boolean[] QUOTE = Chars.set("\"'");
    private static final int MAX_ITEM = 128;
    private static final String[] ENDS = {"auth", "basic", "credential", "credentials", "login", "logon", "signin",
            "authenticate"};

    /** The calls whose documented signature names each argument's role ({@link PositionalCalls#secondNoSecret}). */
    private final PositionalCalls signatures;

    AuthPairs(PositionalCalls signatures) {
        this.signatures = signatures;
    }

    @Override
    boolean[] seconds(char c) {
        return QUOTE;
    }

    @Override
    int at(Scan scan, int open) {
        String s = scan.text;
        if (!named(s, open) || s.charAt(open) == '(' && signatures.secondNoSecret(s, open)) {
            return open + 1;   // Credentials(realm, host, user, password): the signature says the second is a host
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
        if ((Values.passwordLike(s, start, end) && classes(s, start, end) >= 3 || Values.secretLike(s, start, end))
                && !place(s, start, end) && !(end - start == firstEnd - first - 1
                && s.regionMatches(first + 1, s, start, end - start))) {
            scan.add(SecretKind.PASSWORD, start, end);
        }
        return open + 1;
    }

    /** The parts of a cloud's region besides its number, one of which a region names: where in its continent it is. */
    private static final String[] COMPASS = {"north", "south", "east", "west", "central", "northeast", "northwest",
            "southeast", "southwest", "northcentral", "southcentral", "westcentral"};
    /** The areas of the IANA time-zone database ({@code tzdata}'s files), the first part of a zone's name. */
    private static final String[] AREAS = {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific", "Etc"};

    /**
     * Whether the second item names a place, as a credentials' call takes a region, a locale or a time zone beside its
     * user or key, rather than proves anything: a cloud's region ({@link #region}), a locale ({@link #locale}) or an
     * IANA time zone ({@link #zone}). Dictionary words joined by dashes ({@code correct-horse-battery}) are none of
     * these, and go as a password in a password's slot. (An item equal to the first one, the user, stays too: the
     * user is kept, so hiding its copy hides nothing.)
     */
    static boolean place(String s, int start, int end) {
        return region(s, start, end) || locale(s, start, end) || zone(s, start, end);
    }

    /**
     * A cloud's region: small-letter parts joined by dashes, the last a number or a compass word ({@link #COMPASS})
     * with a number after it, and a compass word right before the number: AWS' {@code us-east-1},
     * {@code us-gov-west-1}, Google's {@code europe-west1}, {@code northamerica-northeast1}. Words that merely start
     * with one ({@code west-horse-9}) are no region.
     */
    static boolean region(String s, int start, int end) {
        boolean compass = false;
        int k = start;
        int parts = 0;
        while (k < end) {
            int p = k;
            while (p < end && Chars.lower(s.charAt(p))) {
                p++;
            }
            int letters = p;
            while (p < end && Chars.digit(s.charAt(p))) {
                p++;
            }
            if (p == k || p < end && s.charAt(p) != '-' || p - letters > 2) {
                return false;
            }
            boolean number = letters < p;
            if (number != (p == end)) {
                return false;   // the number comes last, and the last part has one
            }
            if (letters > k) {
                compass = false;
                for (String c : COMPASS) {
                    compass |= letters - k == c.length() && s.regionMatches(k, c, 0, c.length());
                }
            }
            parts++;
            k = p + 1;
            if (p < end && k == end) {
                return false;
            }
        }
        return compass && parts >= 2;
    }

    /**
     * A locale as BCP 47 and POSIX write one: a language's two or three small letters, then a region's two capitals
     * or three digits after {@code -} or {@code _} ({@code en-US}, {@code pt_BR}, {@code es-419}), a script's four
     * letters between them allowed ({@code zh-Hans-CN}).
     */
    static boolean locale(String s, int start, int end) {
        int k = start;
        while (k < end && Chars.lower(s.charAt(k))) {
            k++;
        }
        if (k - start < 2 || k - start > 3 || k == end || s.charAt(k) != '-' && s.charAt(k) != '_') {
            return false;
        }
        k++;
        if (end - k > 5 && Chars.upper(s.charAt(k)) && Chars.lower(s.charAt(k + 1)) && Chars.lower(s.charAt(k + 2))
                && Chars.lower(s.charAt(k + 3)) && (s.charAt(k + 4) == '-' || s.charAt(k + 4) == '_')) {
            k += 5;   // a script: Hans, Latn
        }
        return end - k == 2 && Chars.upper(s.charAt(k)) && Chars.upper(s.charAt(k + 1))
                || end - k == 3 && Chars.digitsOnly(s, k, end);
    }

    /**
     * An IANA time zone: an area of the database ({@link #AREAS}), then one or two places after {@code /}, each a
     * capital and letters, words joined by {@code _} or {@code -} ({@code Europe/Berlin}, {@code America/New_York},
     * {@code America/Argentina/Buenos_Aires}).
     */
    static boolean zone(String s, int start, int end) {
        int slash = Chars.indexOf(s, '/', start, end);
        if (slash < 0) {
            return false;
        }
        boolean area = false;
        for (String a : AREAS) {
            area |= slash - start == a.length() && s.regionMatches(start, a, 0, a.length());
        }
        if (!area) {
            return false;
        }
        int places = 0;
        int k = slash + 1;
        while (k < end) {
            if (!Chars.upper(s.charAt(k))) {
                return false;
            }
            int p = k + 1;
            while (p < end && (Chars.lower(s.charAt(p)) || (s.charAt(p) == '_' || s.charAt(p) == '-')
                    && p + 1 < end && Chars.letter(s.charAt(p + 1))
                    || Chars.upper(s.charAt(p)) && (s.charAt(p - 1) == '_' || s.charAt(p - 1) == '-'))) {
                p++;
            }
            if (p - k < 2 || p < end && s.charAt(p) != '/') {
                return false;
            }
            places++;
            k = p + 1;
            if (p < end && k == end) {
                return false;
            }
        }
        return places >= 1 && places <= 2;
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
