package dev.healdesk.core.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM and PGP private key blocks ({@code -----BEGIN [RSA |EC |OPENSSH |DSA |ENCRYPTED |PGP ]PRIVATE KEY…}) and any
 * other armoured key that is not a public one (OpenVPN's static key), over several lines or with {@code \n} escapes
 * inside a JSON string (a service-account file in a log). The whole block goes, armour lines included; a block cut
 * off before its END line goes up to where the lines that look like a key's body stop. And the private part of a
 * PuTTY key file ({@code .ppk}, versions 2 and 3): the base64 lines that its {@code Private-Lines: N} header counts;
 * the public lines, the comment and the MAC stay.
 */
final class PrivateKeys extends Detector {

    static final int MAX_BLOCK = 64 * 1024;
    /**
     * An armour line whose label names a key that is no public one: {@code PRIVATE KEY} in any of its kinds, and the
     * labels other tools write in their own case ({@code -----BEGIN OpenVPN Static key V1-----}, a shared secret both
     * ends hold); {@code PUBLIC KEY}, certificates and messages stay.
     */
    private static final Pattern HEADER = Pattern.compile(
            "-----BEGIN(?![ A-Za-z0-9]{0,40}(?i:public))[ A-Za-z0-9]{0,40}(?i:\\bkey\\b)"
            + "[ A-Za-z0-9]{0,20}-----");

    private static final boolean[] DASH = Chars.set("-L");
    private static final int MAX_PPK_LINES = 64;
    /** A key body's lines are 64 (PEM) or 70 (OpenSSH) characters; the last one may be shorter. */
    private static final int MIN_BODY_LINE = 16;

    /** {@code -----BEGIN}, {@code Private-Lines}. */
    @Override
    public boolean[] seconds(char c) {
        return DASH;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (s.charAt(i + 1) == 'L') {
            return puttyPrivateLines(scan, i);
        }
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

    /** {@code Private-Lines: N} (the dash at {@code dash}) and the {@code N} lines below it: claims those lines. */
    private static int puttyPrivateLines(Scan scan, int dash) {
        String s = scan.text;
        if (dash < 7 || !s.startsWith("Private", dash - 7) || !s.startsWith("-Lines:", dash)) {
            return dash + 1;
        }
        int v = Chars.skipBlanks(s, dash + 7);
        int lines = 0;
        while (v < s.length() && Chars.digit(s.charAt(v)) && lines <= MAX_PPK_LINES) {
            lines = 10 * lines + s.charAt(v++) - '0';
        }
        if (lines == 0 || lines > MAX_PPK_LINES || v >= s.length() || s.charAt(v) != '\n' && s.charAt(v) != '\r') {
            return dash + 1;
        }
        int start = s.indexOf('\n', v) + 1;
        int end = start;
        for (int k = 0; k < lines && end < s.length(); k++) {
            int e = end;
            while (e < s.length() && (base64(s.charAt(e)) || s.charAt(e) == '\r')) {
                e++;
            }
            if (e == end || e < s.length() && s.charAt(e) != '\n') {
                break;   // not a base64 line: the block ends
            }
            end = k == lines - 1 || e >= s.length() ? e : e + 1;
        }
        if (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > start) {
            scan.add(SecretKind.PRIVATE_KEY, start, end);
        }
        return Math.max(dash + 1, end);
    }

    /** Up to its END line's closing dashes; a block whose END comes only after another BEGIN was cut off. */
    private static int blockEnd(String s, int body, int limit) {
        int marker = indexOf(s, "-----END", body, limit);
        if (marker >= 0 && indexOf(s, "-----BEGIN", body, marker) < 0) {
            int close = indexOf(s, "-----", marker + 8, Math.min(limit, marker + 80));
            if (close >= 0) {
                return close + 5;
            }
        }
        return cutOffEnd(s, body, limit);
    }

    /**
     * Where a block without its END line stops: after the last of the lines that follow the header and look like a
     * key's body (base64 only, and either 16 characters long or ending in {@code =} padding), so a cut-off key takes
     * its own lines and not the log lines after them. Lines break at a newline or at a {@code \n} escape.
     */
    private static int cutOffEnd(String s, int body, int limit) {
        int end = body;
        int i = body;
        while (i < limit) {
            int run = i;
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                run++;
            }
            int stop = run;
            while (stop < limit && base64(s.charAt(stop))) {
                stop++;
            }
            boolean keyLine = stop - run >= MIN_BODY_LINE || (stop > run && s.charAt(stop - 1) == '=');
            if (!keyLine && !(i == body && stop == run)) {
                return end;
            }
            end = stop;
            int next = lineBreak(s, stop, limit);
            if (next < 0) {
                return end;
            }
            i = next;
        }
        return end;
    }

    /** After the line break at {@code i} ({@code \r\n}, {@code \n} or a {@code \n} escape), or -1 if none is there. */
    private static int lineBreak(String s, int i, int limit) {
        if (i < limit && s.charAt(i) == '\r') {
            i++;
        }
        if (i < limit && s.charAt(i) == '\n') {
            return i + 1;
        }
        if (i + 1 < limit && s.charAt(i) == '\\' && s.charAt(i + 1) == 'n') {
            return i + 2;
        }
        return -1;
    }

    private static boolean base64(char c) {
        return Chars.base64(c) || c == '=';
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
