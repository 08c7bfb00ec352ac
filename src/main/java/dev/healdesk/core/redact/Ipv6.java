package dev.healdesk.core.redact;

/**
 * IPv6 addresses, full or compressed ({@code 2001:db8::8a2e:370:7334}, {@code fe80::1%eth0}, with an embedded
 * IPv4 tail), found at a colon. Kept: loopback, link-local, unique local, documentation and multicast addresses, and an
 * IPv4-mapped one that carries a private address ({@link Addresses}); times ({@code 12:34:56}) and MAC addresses
 * (six groups, no {@code ::}: hardware ids, not where a request came from) are no addresses; and an address
 * must have a digit, so that {@code Foo::bar}-like text never reads as one.
 */
final class Ipv6 extends Detector {

    private static final int MAX_ADDRESS = 45;
    /** What must stand on one side of the colon ({@link #eitherSide}): a hex digit or colon before it, a colon after. */
    private static final boolean[][] EITHER_SIDE = {Chars.set(Chars.HEX + ":"), Chars.set(":")};

    /**
     * An address goes on before its colon (a hex digit or a colon there) or opens with {@code ::}: after anything else
     * (a JSON key's quote, a word's last letter: half the colons of a log) the colon must have a colon after it.
     */
    @Override
    boolean[][] eitherSide(char c) {
        return EITHER_SIDE;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int start = i;
        while (start > 0 && i - start < MAX_ADDRESS && (Chars.hex(s.charAt(start - 1)) || s.charAt(start - 1) == ':')) {
            start--;
        }
        if (Chars.joinedBefore(s, start) || start > 0 && s.charAt(start - 1) == '.') {
            return i + 1;
        }
        if (start == i && (i + 1 >= s.length() || s.charAt(i + 1) != ':')) {
            return i + 1;   // ":x" starts no address (JSON's "status":200): only "::" may open one
        }
        int end = i + 1;
        int n = s.length();
        while (end < n && end - start < MAX_ADDRESS && (Chars.hex(s.charAt(end)) || s.charAt(end) == ':'
                || s.charAt(end) == '.')) {
            end++;
        }
        while (end > i + 1 && s.charAt(end - 1) == '.') {
            end--;
        }
        if (end - start >= 2 && s.charAt(end - 1) == ':' && s.charAt(end - 2) != ':') {
            end--;   // "… 2001:db8::1: unreachable"
        }
        if (Chars.joinedAt(s, end) || !valid(s, start, end)) {
            return i + 1;
        }
        if (!Addresses.reserved(s, start, end)) {
            scan.add(SecretKind.IP_ADDRESS, start, end);
        }
        return end;
    }

    /** RFC 4291 text form: eight groups, or fewer around one {@code ::}; an IPv4 tail counts as two. */
    static boolean valid(String s, int start, int end) {
        int p = start;
        boolean compressed = false;
        boolean digit = false;
        int groups = 0;
        if (s.startsWith("::", p)) {
            compressed = true;
            p += 2;
        } else if (p < end && s.charAt(p) == ':') {
            return false;
        }
        while (p < end) {
            int g = p;
            while (p < end && Chars.hex(s.charAt(p)) && p - g < 5) {
                digit |= Chars.digit(s.charAt(p));
                p++;
            }
            if (p < end && s.charAt(p) == '.') {
                if (!ipv4(s, g, end)) {
                    return false;
                }
                groups += 2;
                digit = true;
                break;
            }
            if (p == g || p - g > 4) {
                return false;
            }
            groups++;
            if (p == end) {
                break;
            }
            if (s.charAt(p) != ':') {
                return false;
            }
            p++;
            if (p < end && s.charAt(p) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                p++;
            } else if (p == end) {
                return false;
            }
        }
        return digit && (compressed ? groups <= 7 : groups == 8);
    }

    private static boolean ipv4(String s, int start, int end) {
        int octets = 0;
        int p = start;
        while (p < end) {
            int g = p;
            int v = 0;
            while (p < end && Chars.digit(s.charAt(p)) && p - g < 3) {
                v = v * 10 + s.charAt(p) - '0';
                p++;
            }
            if (p == g || v > 255) {
                return false;
            }
            octets++;
            if (p < end) {
                if (s.charAt(p) != '.') {
                    return false;
                }
                p++;
                if (p == end) {
                    return false;
                }
            }
        }
        return octets == 4;
    }
}
