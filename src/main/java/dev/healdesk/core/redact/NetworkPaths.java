package dev.healdesk.core.redact;

/**
 * A password in the user information of a URL whose scheme is not followed by its colon: a network-path reference
 * ({@code //user:password@host/…}, RFC 3986 4.2), as a hand-written or mangled connection string carries it
 * ({@code postgres//app:…@db:5432/orders}, which a validation error prints back as it was given) and as a
 * protocol-relative link does. Triggered by the {@code @}; the {@code //} is looked for before it on its line, with no
 * blank, slash or second {@code @} between, and the colon after the first character of the user. A URL with its
 * colon ({@code https://user:…@}) is {@link Urls}'; an address in a path ({@code //cdn.acme.net/img/logo@2x.png}) has a
 * slash between; {@code //user@host} has no password.
 */
final class NetworkPaths extends Detector {

    /** How far before the {@code @} the {@code //} may stand. */
    private static final int REACH = 256;
    /** A host's first character after the {@code @}. */
    private static final boolean[] HOST = Chars.set(Chars.LETTERS + "0123456789[");

    @Override
    boolean[] seconds(char c) {
        return HOST;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int colon = -1;
        int k = i - 1;
        for (; k > 0 && i - k < REACH; k--) {
            char c = s.charAt(k);
            if (c == '/') {
                break;
            }
            if (Chars.space(c) || c == '@' || c == '"' || c == '\'') {
                return i + 1;
            }
            if (c == ':') {
                colon = k;   // the first colon: a password may hold one
            }
        }
        if (k < 1 || s.charAt(k) != '/' || s.charAt(k - 1) != '/' || colon < 0 || colon == k + 1 || colon + 1 >= i
                || k >= 2 && s.charAt(k - 2) == ':' || Values.placeholder(s, colon + 1, i)) {
            return i + 1;
        }
        scan.add(SecretKind.PASSWORD, colon + 1, i);
        return i + 1;
    }
}
