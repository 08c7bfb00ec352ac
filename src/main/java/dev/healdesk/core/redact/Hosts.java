package dev.healdesk.core.redact;

/**
 * Host names that identify nobody: this machine ({@code localhost}, {@code 127.0.0.1}, {@code ::1},
 * {@code 0.0.0.0}) and the names reserved for examples and tests by RFC 2606 and RFC 6761
 * ({@code example.com}, {@code .org}, {@code .net} and any {@code .example}, {@code .test}, {@code .invalid},
 * {@code .localhost}). Redacting them would only make logs harder to read.
 */
final class Hosts {

    private static final String[] RESERVED_DOMAINS = {"example.com", "example.org", "example.net"};
    private static final String[] RESERVED_TLDS = {"example", "test", "invalid", "localhost"};

    private Hosts() {
    }

    /** Whether {@code s[start, end)} names this machine, or a reserved domain. */
    static boolean local(String s, int start, int end) {
        if (end - start >= 2 && s.charAt(start) == '[' && s.charAt(end - 1) == ']') {
            start++;
            end--;
        }
        return Chars.is(s, start, end, "localhost") || Chars.is(s, start, end, "::1")
                || Chars.is(s, start, end, "0.0.0.0") || s.startsWith("127.", start) && end - start <= 15
                || reserved(s, start, end);
    }

    /** Whether the domain {@code s[start, end)} is reserved for examples and tests. */
    static boolean reserved(String s, int start, int end) {
        for (String d : RESERVED_DOMAINS) {
            if (endsWithLabel(s, start, end, d)) {
                return true;
            }
        }
        int tld = Math.max(start, Chars.lastIndexOf(s, '.', start, end) + 1);
        return Chars.isAny(s, tld, end, RESERVED_TLDS);
    }

    /** Whether the domain is {@code d} or a subdomain of it. */
    private static boolean endsWithLabel(String s, int start, int end, String d) {
        int from = end - d.length();
        return from >= start && s.regionMatches(true, from, d, 0, d.length())
                && (from == start || s.charAt(from - 1) == '.');
    }

    /** The end of {@code host[:port]} without its port ({@code [::1]:5432} keeps its brackets). */
    static int withoutPort(String s, int start, int end) {
        int colon = Chars.lastIndexOf(s, ':', start, end);
        if (colon < 0 || s.charAt(start) == '[' && Chars.lastIndexOf(s, ']', start, end) > colon) {
            return end;
        }
        for (int i = colon + 1; i < end; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return end;
            }
        }
        return colon;
    }
}
