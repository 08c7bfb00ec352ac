package dev.healdesk.core.redact;

/**
 * The credentials in a URL or DSN, found at its {@code ://} (any scheme: postgres, mysql, jdbc:*, mongodb and
 * mongodb+srv, redis and rediss, amqp and amqps, http(s), ftp, ldap, smtp...): the password of its user info goes,
 * {@code postgres://orders_svc:[REDACTED_PASSWORD]@db.internal.acme.net:5432/orders}, and so does a user that is a
 * token rather than a name ({@code https://[REDACTED_GENERIC_SECRET]@github.com/acme/shop.git}). The scheme, host,
 * port, path, database and query stay, so a reader still sees which database failed; query parameters named like
 * secrets ({@code ?password=}, {@code &sig=}) are {@link KeyValues}'. A password with a {@code #} or an {@code @}
 * that its tool did not %-encode goes whole too: the user info runs to the last {@code @} before the path.
 */
final class Urls implements Detector {

    /** A user name this long and this random is a token: {@code https://<token>@github.com}. */
    static final int MIN_TOKEN_USER = 20;

    private static final boolean[] SLASH = Chars.set("/");

    /** {@code ://}. */
    @Override
    public boolean[] seconds(char c) {
        return SLASH;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (!s.startsWith("://", i)) {
            return i + 1;
        }
        int schemeStart = i;
        while (schemeStart > 0 && schemeChar(s.charAt(schemeStart - 1)) && i - schemeStart < 20) {
            schemeStart--;
        }
        while (schemeStart < i && !Chars.letter(s.charAt(schemeStart))) {
            schemeStart++;
        }
        if (schemeStart == i) {
            return i + 1;
        }
        int authStart = i + 3;
        int authEnd = authStart;
        while (authEnd < s.length() && userInfoChar(s.charAt(authEnd)) && authEnd - authStart < 512) {
            authEnd++;
        }
        int at = Chars.lastIndexOf(s, '@', authStart, authEnd);
        if (at <= authStart) {
            return authStart;
        }
        int colon = Chars.indexOf(s, ':', authStart, at);
        if (colon >= 0) {
            if (!Values.placeholder(s, colon + 1, at)) {
                scan.add(SecretKind.PASSWORD, colon + 1, at);
            }
            if (tokenUser(s, authStart, colon)) {
                scan.add(SecretKind.GENERIC_SECRET, authStart, colon);
            }
        } else if (tokenUser(s, authStart, at)) {
            scan.add(SecretKind.GENERIC_SECRET, authStart, at);
        }
        return authStart;
    }

    private static boolean schemeChar(char c) {
        return Chars.alnum(c) || c == '+' || c == '-' || c == '.';
    }

    /**
     * Characters of {@code user:password@host:port}: the path starts at a {@code /} (a password with one must be
     * %-encoded), and a blank, a quote or a bracket ends the URL.
     */
    private static boolean userInfoChar(char c) {
        return c > ' ' && c != '/' && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\'
                && c < 127;
    }

    /** Whether the user {@code s[start, end)} is a token: long, random, letters and digits. */
    private static boolean tokenUser(String s, int start, int end) {
        if (end - start < MIN_TOKEN_USER || Values.placeholder(s, start, end)) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.alnum(c) && c != '_' && c != '-' && c != '.') {
                return false;
            }
            letter |= Chars.letter(c);
            digit |= Chars.digit(c);
        }
        return letter && digit && Values.entropy(s, start, end) >= 3.5;
    }
}
