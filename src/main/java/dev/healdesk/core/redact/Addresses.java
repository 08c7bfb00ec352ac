package dev.healdesk.core.redact;

/**
 * Which IP addresses name no person: the ranges the IANA special-purpose registries set aside for networks inside an
 * organisation (RFC 1918's {@code 10/8}, {@code 172.16/12}, {@code 192.168/16}; carrier-grade NAT's {@code 100.64/10};
 * IPv6's unique local {@code fc00::/7}), one link or one machine (loopback, link-local {@code 169.254/16} and
 * {@code fe80::/10}, "this network" {@code 0/8}), documentation and benchmarking ({@code 192.0.2/24},
 * {@code 198.51.100/24}, {@code 203.0.113/24}, {@code 198.18/15}, {@code 2001:db8::/32}) and multicast or reserved use
 * ({@code 224/3}, {@code ff00::/8}). Such an address says which database or service a test could not reach
 * ({@code connect ECONNREFUSED 10.0.4.12:5432}), the thing an operator needs, and it is no one's: the standard rules keep
 * it. A public address may be a customer's or an employee's home connection (personal data under the GDPR), so it is
 * masked wherever text leaves the machine.
 */
final class Addresses {

    private Addresses() {
    }

    /** An IPv4 address by its first three octets: true where it names no person. */
    static boolean reserved(int a, int b, int c) {
        return a == 0 || a == 10 || a == 127 || a >= 224
                || a == 100 && b >= 64 && b <= 127
                || a == 169 && b == 254
                || a == 172 && b >= 16 && b <= 31
                || a == 192 && (b == 168 || b == 0 && (c == 0 || c == 2))
                || a == 198 && (b == 18 || b == 19 || b == 51 && c == 100)
                || a == 203 && b == 0 && c == 113;
    }

    /**
     * An IPv6 address already checked by {@link Ipv6#valid}, {@code s[start, end)}: true where it names no person. An
     * IPv4-mapped address ({@code ::ffff:10.0.0.5}, {@code ::ffff:a00:5}) is judged by the IPv4 address it carries.
     */
    static boolean reserved(String s, int start, int end) {
        if (s.startsWith("::", start)) {
            if (end - start <= 3) {
                return true;   // "::" (no address) and "::1" (loopback)
            }
            int p = start + 2;
            if (end - p > 5 && Chars.is(s, p, p + 5, "ffff:")) {
                return mapped(s, p + 5, end);
            }
            return false;
        }
        int first = group(s, start, end);
        int colon = s.indexOf(':', start);
        int second = colon + 1 < end && s.charAt(colon + 1) != ':' ? group(s, colon + 1, end) : 0;
        return (first & 0xffc0) == 0xfe80 || (first & 0xfe00) == 0xfc00 || (first & 0xff00) == 0xff00
                || first == 0x2001 && second == 0x0db8;
    }

    /** The IPv4 address after {@code ::ffff:}, dotted or as two hex groups. */
    private static boolean mapped(String s, int p, int end) {
        int dot = s.indexOf('.', p);
        if (dot > 0 && dot < end) {
            int[] octets = new int[3];
            int k = 0;
            int v = 0;
            for (int i = p; i < end && k < 3; i++) {
                char c = s.charAt(i);
                if (c == '.') {
                    octets[k++] = v;
                    v = 0;
                } else {
                    v = v * 10 + c - '0';
                }
            }
            return reserved(octets[0], octets[1], octets[2]);
        }
        int colon = s.indexOf(':', p);
        if (colon < 0 || colon >= end) {
            return false;
        }
        int high = group(s, p, end);
        int low = group(s, colon + 1, end);
        return reserved(high >> 8, high & 0xff, low >> 8);
    }

    /** The hex group at {@code p}, up to a colon or {@code end}. */
    private static int group(String s, int p, int end) {
        int v = 0;
        for (int i = p; i < end && i - p < 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                break;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
