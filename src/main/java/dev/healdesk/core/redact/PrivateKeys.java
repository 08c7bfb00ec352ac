package dev.healdesk.core.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM and PGP private key blocks ({@code -----BEGIN [RSA |EC |OPENSSH |DSA |ENCRYPTED |PGP ]PRIVATE KEY…}),
 * over several lines or with {@code \n} escapes inside a JSON string (a service-account file in a log). The
 * whole block goes, armour lines included; a block cut off before its END line goes up to where its base64
 * lines stop (at the first blank or punctuation).
 */
final class PrivateKeys implements Detector {

    static final int MAX_BLOCK = 64 * 1024;
    private static final Pattern HEADER = Pattern.compile("-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----");

    private static final boolean[] DASH = Chars.set("-");

    /** {@code -----BEGIN}. */
    @Override
    public boolean[] seconds(char c) {
        return DASH;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (!s.startsWith("-----BEGIN", i)) {
            return i + 1;
        }
        Matcher m = HEADER.matcher(s).region(i, Math.min(s.length(), i + 80));
        if (!m.lookingAt()) {
            return i + 10;
        }
        int limit = Math.min(s.length(), m.end() + MAX_BLOCK);
        int end = blockEnd(s, m.end(), limit);
        scan.add(SecretKind.PRIVATE_KEY, i, end);
        return end;
    }

    private static int blockEnd(String s, int body, int limit) {
        int marker = indexOf(s, "-----END", body, limit);
        if (marker >= 0) {
            int close = indexOf(s, "-----", marker + 8, Math.min(limit, marker + 80));
            if (close >= 0) {
                return close + 5;
            }
        }
        int i = body;
        while (i < limit && base64OrBreak(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean base64OrBreak(char c) {
        return Chars.alnum(c) || c == '+' || c == '/' || c == '=' || c == '\\' || c == '\n' || c == '\r';
    }

    /** {@code needle}'s first index in {@code s[from, limit)}, or -1: bounded, unlike String.indexOf. */
    private static int indexOf(String s, String needle, int from, int limit) {
        for (int i = from; i + needle.length() <= limit; i++) {
            if (s.charAt(i) == needle.charAt(0) && s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }
}
