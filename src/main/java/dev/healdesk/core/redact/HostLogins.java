package dev.healdesk.core.redact;

/**
 * A line that maps a host to a login, {@code HOST[:PORT] USER:PASSWORD}, as Postfix's {@code sasl_passwd} and its
 * YAML and Ansible renderings print it ({@code [smtp.gmail.com]:587 bob@acme.net:…}, {@code - mail.acme.net:
 * ci-runner:…}): only what follows the login's first colon goes, and only when the line holds nothing else and the
 * password looks like one ({@link Values#passwordLike}) with a digit or a sign in it, so {@code ci.acme.net:443
 * status:HealthyNow} stays. Host, port and user stay. Triggered by a colon inside a word.
 */
final class HostLogins implements Detector {

    private static final boolean[] BEFORE = Chars.set(Chars.LETTERS + Chars.DIGITS + "._-@+");
    private static final int MAX_WORD = 256;

    @Override
    public boolean[] befores(char c) {
        return BEFORE;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int n = s.length();
        // the cheap tests first: what stands before the login (most colons are in a line's first word, a time, a URL)
        int ws = i;
        while (ws > 0 && i - ws < MAX_WORD && !Chars.space(s.charAt(ws - 1))) {
            ws--;
        }
        if (ws == i || ws == 0 || !Chars.blank(s.charAt(ws - 1)) || !user(s, ws, i)) {
            return i + 1;
        }
        int de = ws - 1;
        while (de > 0 && Chars.blank(s.charAt(de - 1))) {
            de--;
        }
        int ds = de;
        while (ds > 0 && !Chars.space(s.charAt(ds - 1))) {
            ds--;
        }
        if (ds == de || !destination(s, ds, de) || !lineStartBefore(s, ds)) {
            return i + 1;
        }
        int we = i + 1;
        while (we < n && we - i < MAX_WORD && !Chars.space(s.charAt(we))) {
            we++;
        }
        int eol = we;
        while (eol < n && Chars.blank(s.charAt(eol))) {
            eol++;
        }
        if (we == i + 1 || eol < n && s.charAt(eol) != '\n' && s.charAt(eol) != '\r') {
            return i + 1;   // not the last word of its line
        }
        if (!Values.passwordLike(s, i + 1, we) || !digitOrSign(s, i + 1, we)) {
            return i + 1;
        }
        scan.add(SecretKind.PASSWORD, i + 1, we);
        return we;
    }

    /** A login: letters, digits and {@code . _ - @ + \ /} (a domain user, an e-mail address), a letter among them. */
    private static boolean user(String s, int start, int end) {
        boolean letter = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!(Chars.alnum(c) || "._-@+\\/".indexOf(c) >= 0)) {
                return false;
            }
            letter |= Chars.letter(c);
        }
        return letter;
    }

    /** {@code host}, {@code [host]}, either with {@code :port}, either with a trailing colon; the host has a dot. */
    private static boolean destination(String s, int start, int end) {
        int k = start;
        boolean bracket = s.charAt(k) == '[';
        if (bracket) {
            k++;
        }
        int host = k;
        boolean dot = false;
        boolean letter = false;
        while (k < end && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '-')) {
            dot |= s.charAt(k) == '.';
            letter |= Chars.letter(s.charAt(k));
            k++;
        }
        if (k == host || !dot || !letter || s.charAt(host) == '.' || s.charAt(k - 1) == '.') {
            return false;
        }
        if (bracket) {
            if (k >= end || s.charAt(k) != ']') {
                return false;
            }
            k++;
        }
        if (k < end && s.charAt(k) == ':') {
            k++;
            while (k < end && Chars.digit(s.charAt(k))) {
                k++;
            }
            if (k < end && s.charAt(k) == ':') {
                k++;
            }
        }
        return k == end;
    }

    /** Whether only blanks, or a YAML list's dash, stand between the line's start and {@code i}. */
    private static boolean lineStartBefore(String s, int i) {
        int k = i;
        while (k > 0 && Chars.blank(s.charAt(k - 1))) {
            k--;
        }
        if (k > 0 && s.charAt(k - 1) == '-') {
            k--;
            while (k > 0 && Chars.blank(s.charAt(k - 1))) {
                k--;
            }
        }
        return k == 0 || s.charAt(k - 1) == '\n' || s.charAt(k - 1) == '\r';
    }

    private static boolean digitOrSign(String s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.letter(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }
}
