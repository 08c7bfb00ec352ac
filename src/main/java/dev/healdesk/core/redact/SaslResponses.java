package dev.healdesk.core.redact;

/**
 * What a mail client sends to log in, as SMTP, IMAP and POP3 debug logs and transcripts print it (Python's
 * {@code smtplib} at debug level, swaks, JavaMail's {@code mail.debug}, curl {@code -v smtp://}): the SASL response,
 * base64 of the user and password ({@code PLAIN}, {@code LOGIN}) or of a bearer token ({@code XOAUTH2},
 * {@code OAUTHBEARER}), which anyone can decode.
 * <ul>
 * <li>sent with the command, {@code AUTH PLAIN AGJvYgBodW50ZXIy}, {@code AUTHENTICATE XOAUTH2 dXNlcj1…}: the token after
 * the mechanism;</li>
 * <li>sent alone after the server's challenge {@code 334} with an empty or a "Password:" prompt ({@code 334 }, {@code 334
 * UGFzc3dvcmQ6}, also as IMAP's {@code +}): the base64 token that ends the next line. After the "Username:" prompt
 * ({@code VXNlcm5hbWU6}) the line is the user's name, which stays. Where only the client's lines are printed, the
 * second line after {@code AUTH LOGIN} ({@link #loginLines}).</li>
 * <li>IMAP's {@code LOGIN} command with its two arguments after the client's tag ({@code a1 LOGIN jdoe s3cret},
 * {@code JKLP1 LOGIN "ann@acme.io" "pa ss"}, RFC 3501 6.2.3), as {@code imaplib}'s debug output prints it: the second
 * argument, an atom or a quoted string, goes; the user stays. A tag has a digit, so {@code User LOGIN failed} is
 * prose.</li>
 * </ul>
 * Triggered by the {@code A} of {@code AUTH} / {@code AUTHENTICATE} (either case), the {@code 3} of {@code 334} and the
 * {@code L} of {@code LOGIN}.
 */
final class SaslResponses extends Detector {

    private static final String[] MECHANISMS = {"PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER", "CRAM-MD5"};
    /** base64 of "Password:" and "password:", the prompts of AUTH LOGIN. */
    private static final String[] PASSWORD_PROMPTS = {"UGFzc3dvcmQ6", "cGFzc3dvcmQ6"};
    private static final int MIN_TOKEN = 8;
    private static final boolean[] AUTH_SECOND = Chars.set("Uu");
    private static final boolean[] CHALLENGE_SECOND = Chars.set("3");
    private static final boolean[] LOGIN_SECOND = Chars.set("O");

    @Override
    public boolean[] seconds(char c) {
        return c == '3' ? CHALLENGE_SECOND : c == 'L' ? LOGIN_SECOND : AUTH_SECOND;
    }

    @Override
    public long wordLengths(char c) {
        return c == '3' ? 1L << 3 : c == 'L' ? 1L << 5 : 1L << 4 | 1L << 12;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (i > 0 && Chars.word(s.charAt(i - 1))) {
            return end;
        }
        char c = s.charAt(i);
        return c == '3' ? challenge(scan, i, end) : c == 'L' ? login(scan, i, end) : command(scan, i, end);
    }

    /** IMAP's {@code <tag> LOGIN <user> <password>}: the password, where a tag with a digit stands before the command. */
    private static int login(Scan scan, int i, int end) {
        String s = scan.text;
        if (end - i != 5 || !s.startsWith("LOGIN", i) || i < 3 || s.charAt(i - 1) != ' ' || end >= s.length()
                || s.charAt(end) != ' ') {
            return end;
        }
        int tag = i - 1;
        boolean digit = false;
        while (tag > 0 && i - 1 - tag < 16 && (Chars.alnum(s.charAt(tag - 1)) || s.charAt(tag - 1) == '.')) {
            tag--;
            digit |= Chars.digit(s.charAt(tag));
        }
        if (!digit || tag == i - 1 || tag > 0 && s.charAt(tag - 1) != ' ' && s.charAt(tag - 1) != '\''
                && s.charAt(tag - 1) != '\n' && s.charAt(tag - 1) != '\t') {
            return end;
        }
        int userEnd = argumentEnd(s, end + 1);
        if (userEnd < 0 || userEnd >= s.length() || s.charAt(userEnd) != ' ') {
            return end;
        }
        int p = userEnd + 1;
        int passwordEnd = argumentEnd(s, p);
        boolean quoted = p < s.length() && s.charAt(p) == '"';
        int from = quoted ? p + 1 : p;
        int to = quoted ? passwordEnd - 1 : passwordEnd;
        if (passwordEnd < 0 || to - from < 4 || Values.placeholder(s, from, to)) {
            return end;
        }
        scan.add(SecretKind.PASSWORD, from, to);
        return end;   // the user is read on by the other detectors: an e-mail address goes as one
    }

    /**
     * The end of the IMAP astring at {@code p}: a quoted string through its closing quote ({@code \"} inside it
     * escaped), or an atom up to a blank, a quote, a backslash (a printed byte string's {@code \r\n}) or the line's end;
     * -1 where there is none.
     */
    private static int argumentEnd(String s, int p) {
        if (p >= s.length()) {
            return -1;
        }
        if (s.charAt(p) == '"') {
            for (int k = p + 1; k < s.length() && k - p < 512; k++) {
                char c = s.charAt(k);
                if (c == '\\') {
                    k++;
                } else if (c == '"') {
                    return k + 1;
                } else if (c == '\n') {
                    return -1;
                }
            }
            return -1;
        }
        int k = p;
        while (k < s.length() && k - p < 512) {
            char c = s.charAt(k);
            if (c == ' ' || c == '"' || c == '\'' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                break;
            }
            k++;
        }
        return k > p ? k : -1;
    }

    /** {@code AUTH PLAIN <token>}, {@code AUTHENTICATE XOAUTH2 <token>}. */
    private static int command(Scan scan, int i, int end) {
        String s = scan.text;
        if (!(end - i == 4 && s.regionMatches(true, i, "AUTH", 0, 4)
                || end - i == 12 && s.regionMatches(true, i, "AUTHENTICATE", 0, 12))) {
            return end;
        }
        int m = end;
        if (m >= s.length() || s.charAt(m) != ' ') {
            return end;
        }
        m++;
        String mechanism = null;
        for (String candidate : MECHANISMS) {
            if (s.regionMatches(true, m, candidate, 0, candidate.length())) {
                mechanism = candidate;
                break;
            }
        }
        if (mechanism == null) {
            return end;
        }
        int t = m + mechanism.length();
        if (mechanism.equals("LOGIN") && tokenEndsLine(s, t)) {
            loginLines(scan, t);
            return end;
        }
        if (t >= s.length() || s.charAt(t) != ' ') {
            return end;
        }
        int tokenEnd = base64End(s, t + 1);
        if (tokenEnd - (t + 1) < MIN_TOKEN || !tokenEndsLine(s, tokenEnd) || !response(mechanism, s, t + 1, tokenEnd)) {
            return end;
        }
        scan.add(mechanism.startsWith("X") || mechanism.startsWith("O") ? SecretKind.BEARER_TOKEN : SecretKind.PASSWORD,
                t + 1, tokenEnd);
        return tokenEnd;
    }

    /**
     * Whether the base64 {@code s[start, end)} decodes to what the mechanism sends (RFC 4616, 4505's LOGIN draft, 7628,
     * Google's XOAUTH2, RFC 2195): PLAIN's {@code [authzid] NUL user NUL password} (or printable text, a hand-rolled
     * client's {@code user:password}), XOAUTH2's {@code user=…}, OAUTHBEARER's GS2 header {@code n,…}, CRAM-MD5's user
     * and a blank before the digest, LOGIN's text. So a server's reply or a
     * word after the mechanism ({@code AUTH XOAUTH2 rejected}, {@code AUTH PLAIN disabled}) stays: it decodes to bytes
     * no client sends. Only the first whole groups of four are decoded, so a token a log cut short still goes.
     */
    static boolean response(String mechanism, String s, int start, int end) {
        int whole = Math.min(end - start, 96) / 4 * 4;
        byte[] b;
        try {
            b = java.util.Base64.getDecoder().decode(s.substring(start, start + whole));
        } catch (IllegalArgumentException e) {
            return false;
        }
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        switch (mechanism) {
            case "PLAIN":
                if (text.indexOf('\0') >= 0) {
                    return true;
                }
                break;   // or a client's user:password text, as a hand-rolled one sends it: printable as LOGIN's
            case "XOAUTH2":
                return text.startsWith("user=");
            case "OAUTHBEARER":
                return text.startsWith("n,") || text.startsWith("y,") || text.startsWith("p=");
            default:
                break;
        }
        // LOGIN's user or password, CRAM-MD5's "user digest": printable text
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                return false;
            }
        }
        return !text.isEmpty() && printableShare(text);
    }

    /** Whether most of a decoded LOGIN or CRAM-MD5 response is ASCII letters, digits and signs, as a user and a password are. */
    private static boolean printableShare(String text) {
        int ascii = 0;
        for (int k = 0; k < text.length(); k++) {
            ascii += text.charAt(k) < 0x7f ? 1 : 0;
        }
        return 4 * ascii >= 3 * text.length();
    }

    /**
     * {@code AUTH LOGIN} ending its line with the client's two answers on the next two lines and no prompt printed
     * between them, as PHPMailer's {@code SMTPDebug} shows the client's side ({@code CLIENT -> SERVER: AUTH LOGIN},
     * then the user's base64, then the password's): the second answer. Where a line between is a server's challenge
     * ({@code 334 …}), {@link #challenge} reads the exchange.
     */
    private static void loginLines(Scan scan, int from) {
        String s = scan.text;
        int userLine = Chars.indexOf(s, '\n', from, s.length());
        int[] user = userLine < 0 ? null : answer(s, userLine + 1);
        int passwordLine = user == null ? -1 : Chars.indexOf(s, '\n', user[1], s.length());
        int[] password = passwordLine < 0 ? null : answer(s, passwordLine + 1);
        if (password != null && password[1] - password[0] >= MIN_TOKEN) {
            scan.add(SecretKind.PASSWORD, password[0], password[1]);
        }
    }

    /**
     * The base64 token that ends the line starting at {@code lineStart} and decodes to printable text, as a client's
     * answer to AUTH LOGIN does; null where the line is a server's challenge ({@code 334}) or ends otherwise.
     */
    private static int[] answer(String s, int lineStart) {
        int lineEnd = Chars.indexOf(s, '\n', lineStart, s.length());
        if (lineEnd < 0) {
            lineEnd = s.length();
        }
        if (lineEnd - lineStart > 512 || Chars.indexOf(s, '3', lineStart, lineEnd) >= 0
                && s.substring(lineStart, lineEnd).contains("334")) {
            return null;
        }
        for (int k = lineStart; k < lineEnd; k++) {
            if (Chars.base64(s.charAt(k)) && (k == lineStart || !Chars.base64(s.charAt(k - 1)))) {
                int tokenEnd = base64End(s, k);
                if (tokenEnd - k >= 4 && tokenEndsLine(s, tokenEnd)) {
                    return response("LOGIN", s, k, tokenEnd) ? new int[] {k, tokenEnd} : null;
                }
                k = tokenEnd;
            }
        }
        return null;
    }

    /** {@code 334} with an empty or a password prompt: the base64 token that ends the next line. */
    private static int challenge(Scan scan, int i, int end) {
        String s = scan.text;
        if (end - i != 3 || !s.startsWith("334", i)) {
            return end;
        }
        int p = end;
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        boolean prompt = false;
        for (String candidate : PASSWORD_PROMPTS) {
            if (s.startsWith(candidate, p)) {
                p += candidate.length();
                prompt = true;
                break;
            }
        }
        if (!prompt && p < s.length() && Chars.alnum(s.charAt(p))) {
            return end;   // another prompt: the user's name, or a server's challenge
        }
        int lineEnd = Chars.indexOf(s, '\n', p, s.length());
        if (lineEnd < 0 || !tokenEndsLine(s, p)) {
            return end;
        }
        int next = lineEnd + 1;
        int nextEnd = Chars.indexOf(s, '\n', next, s.length());
        if (nextEnd < 0) {
            nextEnd = s.length();
        }
        if (nextEnd - next > 512) {
            return end;
        }
        // the client's line: a prefix of the transcript (~>, C:, send: ') and then the token alone
        for (int k = next; k < nextEnd; k++) {
            if (Chars.base64(s.charAt(k)) && (k == next || !Chars.base64(s.charAt(k - 1)))) {
                int tokenEnd = base64End(s, k);
                if (tokenEnd - k >= MIN_TOKEN && tokenEndsLine(s, tokenEnd)) {
                    scan.add(SecretKind.PASSWORD, k, tokenEnd);
                    return end;
                }
                k = tokenEnd;
            }
        }
        return end;
    }

    /** The end of the base64 token at {@code i}, its {@code =} padding included. */
    private static int base64End(String s, int i) {
        int j = i;
        while (j < s.length() && Chars.base64(s.charAt(j))) {
            j++;
        }
        int pad = 0;
        while (j < s.length() && s.charAt(j) == '=' && pad < 2) {
            j++;
            pad++;
        }
        return j;
    }

    /**
     * Whether only the end of a line follows {@code i}: blanks, quotes, the escaped {@code \r\n} of a printed
     * byte string, a closing parenthesis.
     */
    private static boolean tokenEndsLine(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) != '\n') {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < s.length() && (s.charAt(j + 1) == 'r' || s.charAt(j + 1) == 'n')) {
                j += 2;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\'' || c == '"' || c == ')' || c == ',') {
                j++;
            } else {
                return false;
            }
        }
        return true;
    }
}
