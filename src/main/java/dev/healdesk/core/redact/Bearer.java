package dev.healdesk.core.redact;

/**
 * {@code Bearer <token>} and {@code Basic <base64>} outside an Authorization header (those are
 * {@link KeyValues}'): in curl commands, error messages, {@code "Bearer eyJ…"} strings, git's
 * {@code extraheader}; and SMTP's {@code AUTH PLAIN <base64>} (what decodes as the mechanism's response, {@link
 * SaslResponses#response}). Here the word alone says little ("Bearer token expired"),
 * so the token must look like one: at least {@value #MIN_LENGTH} characters with letters and digits.
 */
final class Bearer extends Detector {

    static final int MIN_LENGTH = 12;
    private static final int MAX_TOKEN = 4096;

    /** {@code AUTH}, {@code basic} or {@code bearer}: four to six characters; other words are passed over. */
    @Override
    public long wordLengths(char c) {
        return 1L << 4 | 1L << 5 | 1L << 6;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (Chars.joinedBefore(s, i)) {
            return scan.wordEnd(i);
        }
        if (s.startsWith("AUTH PLAIN ", i) || s.startsWith("AUTH LOGIN ", i)) {
            int start = i + 11;
            int end = start;
            while (end < s.length() && end - start < MAX_TOKEN && (Chars.alnum(s.charAt(end)) || s.charAt(end) == '+'
                    || s.charAt(end) == '/')) {
                end++;
            }
            while (end < s.length() && s.charAt(end) == '=') {
                end++;
            }
            if (end - start >= 8 && !Values.placeholder(s, start, end)
                    && SaslResponses.response(s.startsWith("AUTH PLAIN ", i) ? "PLAIN" : "LOGIN", s, start, end)) {
                scan.add(SecretKind.PASSWORD, start, end);   // SMTP: base64 of the user and password
                return end;
            }
            return start;
        }
        boolean basic = s.regionMatches(true, i, "basic ", 0, 6);
        if (!basic && !s.regionMatches(true, i, "bearer", 0, 6)) {
            return scan.wordEnd(i);
        }
        int j = i + (basic ? 5 : 6);
        int blanks = j;
        while (j < s.length() && j - blanks < 4 && Chars.blank(s.charAt(j))) {
            j++;
        }
        if (j == blanks) {
            return scan.wordEnd(i);
        }
        int end = credentialsEnd(s, j, Math.min(s.length(), j + MAX_TOKEN));
        if (end - j < MIN_LENGTH || Values.placeholder(s, j, end) || !Chars.lettersAndDigits(s, j, end)) {
            return j;
        }
        if (basic && Values.exampleLogin(s, j, end)) {
            return end;   // test:test, user:pass: an example login, no account's
        }
        scan.add(basic ? SecretKind.PASSWORD : SecretKind.BEARER_TOKEN, j, end);
        return end;
    }

    /**
     * The end of the RFC 6750 token ({@code [A-Za-z0-9-._~+/]+=*}) at {@code start}; {@code start} itself when
     * there is none, or when it is an auth parameter instead ({@code realm="api"}, {@code Credential=AKIA…}).
     */
    static int credentialsEnd(String s, int start, int limit) {
        int i = start;
        boolean digit = false;
        while (i < limit && tokenChar(s.charAt(i))) {
            digit |= Chars.digit(s.charAt(i));
            i++;
        }
        if (i == start) {
            return start;
        }
        if (i < limit && s.charAt(i) == '=' && !digit) {
            return start;
        }
        while (i < limit && s.charAt(i) == '=') {
            i++;
        }
        return i;
    }

    private static boolean tokenChar(char c) {
        return Chars.alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
