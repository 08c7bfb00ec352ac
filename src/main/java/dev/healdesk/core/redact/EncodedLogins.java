package dev.healdesk.core.redact;

/**
 * A login sent as base64 where nothing names it, by what it decodes to: {@code user:password} (HTTP Basic credentials
 * copied without their header, a registry's {@code auth} field, a proxy's {@code Proxy-Authorization} value echoed in
 * a debug line) or SASL PLAIN's {@code [authzid] NUL user NUL password} (IMAP's and SMTP's {@code AUTH PLAIN}, as mail
 * servers' debug logs print the client's response: {@code resp=bHVj…==}). A padded run of base64, at least twelve
 * characters, that decodes to printable ASCII without blanks and is one of those two shapes, with a password of four
 * or more characters that is not all digits, goes whole as a password. So base64 of JSON, of binary digests and of
 * {@code host:8080} stays, and so do a session id and an unpadded hash. Also a generated key encoded so
 * ({@link #generated}), which goes as a secret. Triggered by the first {@code =} of the padding.
 */
final class EncodedLogins extends Detector {

    private static final int MIN = 12;
    private static final int MAX = 512;
    private static final int MIN_PASSWORD = 4;
    /** What may stand before the run: a blank, a separator, a quote, a bracket, or nothing. */
    private static final String BOUNDS = " \t\n\r=:\"',;([{<>";
    /** A user's characters: letters, digits and {@code . _ - @ +} (an e-mail address is one). */
    private static final boolean[] USER = Chars.set(Chars.LETTERS + Chars.DIGITS + "._-@+\\");

    /**
     * The padding's first {@code =} follows a base64 character. (What follows it is tested in {@link #at}: a table of
     * the characters after it would pass over a run at the text's very end.)
     */
    @Override
    public boolean[] befores(char c) {
        return Chars.BASE64;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i + 1 < s.length() && Chars.base64(s.charAt(i + 1))) {
            return i + 1;   // key=value: no padding
        }
        int end = i + 1;
        if (end < s.length() && s.charAt(end) == '=') {
            end++;
        }
        int start = i;
        while (start > 0 && i - start < MAX && Chars.base64(s.charAt(start - 1))) {
            start--;
        }
        if (end - start < MIN || (end - start) % 4 != 0 || i - start >= MAX
                || start > 0 && BOUNDS.indexOf(s.charAt(start - 1)) < 0
                || end < s.length() && Chars.base64(s.charAt(end))) {
            return i + 1;
        }
        byte[] decoded = decode(s, start, i);
        if (decoded == null) {
            return i + 1;
        }
        if (login(decoded)) {
            scan.add(SecretKind.PASSWORD, start, end);
            return end;
        }
        if (generated(decoded)) {
            scan.add(SecretKind.GENERIC_SECRET, start, end);
            return end;
        }
        return i + 1;
    }

    /** The fewest characters of an encoded generated secret ({@link #generated}). */
    private static final int MIN_GENERATED = 16;

    /**
     * Whether {@code b} is a generated secret written as text and then encoded: {@value #MIN_GENERATED} characters or
     * more, letters and digits only, small and capital letters and a digit, random by {@link Values#tokenLike}. Keys a
     * tool makes and hands on in base64 (a signing key's password file, a Kubernetes Secret's {@code data:} value, an
     * env var holding an encoded key: {@code tauri signer sign -k …=}). Base64 of words, of JSON, of a host and port,
     * of a hex digest (no capitals) or of binary stays.
     */
    static boolean generated(byte[] b) {
        if (b.length < MIN_GENERATED) {
            return false;
        }
        char[] c = new char[b.length];
        for (int k = 0; k < b.length; k++) {
            int v = b[k] & 0xff;
            if (v >= 128 || !Chars.alnum((char) v)) {
                return false;
            }
            c[k] = (char) v;
        }
        String t = new String(c);
        return Values.mixedCase(t, 0, t.length()) && Values.tokenLike(t, 0, t.length());
    }

    /** The bytes {@code s[start, end)} encode (no padding in it), or null where a character is no base64. */
    private static byte[] decode(String s, int start, int end) {
        int n = end - start;
        byte[] out = new byte[n * 3 / 4];
        int bits = 0;
        int count = 0;
        int o = 0;
        for (int k = start; k < end; k++) {
            int v = value(s.charAt(k));
            if (v < 0) {
                return null;
            }
            bits = bits << 6 | v;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out[o++] = (byte) (bits >> count);
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** Whether {@code b} is {@code user:password} or {@code [authzid] NUL user NUL password}. */
    static boolean login(byte[] b) {
        int nuls = 0;
        int colons = 0;
        int split = -1;
        for (int k = 0; k < b.length; k++) {
            int c = b[k] & 0xff;
            if (c == 0) {
                nuls++;
                split = k;
            } else if (c < 0x21 || c > 0x7e) {
                return false;   // blanks, control characters, binary: text of another kind, or no text
            } else if (c == ':' && nuls == 0) {
                colons++;
                if (colons == 1) {
                    split = k;
                }
            }
        }
        if (nuls == 2) {
            int first = indexOf(b, 0);
            return split - first > 1 && strong(b, split + 1);   // authzid (may be empty) NUL user NUL password
        }
        if (nuls != 0 || colons != 1 || split == 0) {
            return false;
        }
        for (int k = 0; k < split; k++) {
            int c = b[k];
            if (c >= 128 || !USER[c]) {
                return false;
            }
        }
        return strong(b, split + 1);
    }

    /** A password from {@code from} to the end: four characters or more, not all digits (a port, a count). */
    private static boolean strong(byte[] b, int from) {
        if (b.length - from < MIN_PASSWORD) {
            return false;
        }
        for (int k = from; k < b.length; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] b, int value) {
        for (int k = 0; k < b.length; k++) {
            if (b[k] == value) {
                return k;
            }
        }
        return -1;
    }
}
