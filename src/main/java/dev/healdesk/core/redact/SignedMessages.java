package dev.healdesk.core.redact;

/**
 * A message Rails signs or encrypts for a cookie, standing alone where no name says what it is (an RSpec
 * {@code got: "…"}, a test's diff, a dumped cookie jar): ActiveSupport's MessageVerifier writes the data's strict base64
 * and its digest joined by {@code --} ({@code eyJfcmFpbHMi…--3f1c…}, a SHA-1 or SHA-256 digest in hex, or base64), and
 * its MessageEncryptor the ciphertext, the initialisation vector and the GCM authentication tag, each in strict base64,
 * joined by {@code --} ({@code sIwx…--rl6O…--TNpN…}). Two or three parts, the first of 20 characters or more and the
 * others of 16 or more, each of base64's alphabet with its {@code =} padding only at its end (a hex digest is of it),
 * letters of both cases and a digit in the first, a digit in a later one, the first not opening with {@code /} (a
 * path's), the run bounded by no word character or dash on either side: a
 * session's whole content, gone as the cookie's value is. CSS's {@code block__element--modifier}, a branch's
 * {@code feature--login-page}, a git range's dashes and words joined by {@code --} have no such parts and stay.
 * Triggered by the first dash of {@code --} after a base64 character.
 */
final class SignedMessages extends Detector {

    /** How far back the first part may reach from the dashes. */
    private static final int MAX_PART = 4096;
    private static final int MIN_FIRST = 20;
    private static final int MIN_OTHER = 16;

    private static final boolean[] DASH = Chars.set("-");
    private static final boolean[] BASE64_OR_PAD = Chars.set(Chars.LETTERS + Chars.DIGITS + "+/=");

    @Override
    public boolean[] seconds(char c) {
        return DASH;
    }

    @Override
    public boolean[] befores(char c) {
        return BASE64_OR_PAD;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int n = s.length();
        if (i + 2 >= n || s.charAt(i + 1) != '-' || i == 0) {
            return i + 1;
        }
        int start = i;
        while (start > 0 && i - start < MAX_PART && part(s.charAt(start - 1))) {
            start--;
        }
        if (i - start < MIN_FIRST || start > 0 && joined(s.charAt(start - 1)) || s.charAt(start) == '/'
                || !padded(s, start, i) || !Values.mixedCase(s, start, i)) {
            return i + 1;
        }
        int end = i;
        int parts = 1;
        boolean digit = false;
        while (parts < 3 && end + 2 < n && s.charAt(end) == '-' && s.charAt(end + 1) == '-') {
            int p = end + 2;
            int q = p;
            while (q < n && q - p < MAX_PART && part(s.charAt(q))) {
                q++;
            }
            if (q - p < MIN_OTHER || !padded(s, p, q)) {
                break;
            }
            end = q;
            parts++;
            digit |= Chars.hasDigit(s, p, q);
        }
        if (parts < 2 || !digit || end < n && (joined(s.charAt(end)) || s.charAt(end) == '-')) {
            return i + 1;
        }
        scan.add(SecretKind.SESSION_ID, start, end);
        return end;
    }

    /** A character of base64 or its padding. */
    private static boolean part(char c) {
        return Chars.base64(c) || c == '=';
    }

    /** A character that makes the run part of a longer word, a path or a name: no message's edge. */
    private static boolean joined(char c) {
        return Chars.alnum(c) || c == '_' || c == '.' || c == '-' || c == '%' || c == '&' || c == '\\';
    }

    /** Whether {@code s[start, end)} has base64's padding at most twice and only at its end. */
    private static boolean padded(String s, int start, int end) {
        int k = end;
        while (k > start && end - k < 3 && s.charAt(k - 1) == '=') {
            k--;
        }
        for (int j = start; j < k; j++) {
            if (s.charAt(j) == '=') {
                return false;
            }
        }
        return k > start;
    }
}
