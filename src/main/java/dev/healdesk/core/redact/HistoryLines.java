package dev.healdesk.core.redact;

/**
 * A password typed where a command was awaited, as a shell's history keeps it: bash writes each command under a
 * {@code #<epoch seconds>} line (HISTTIMEFORMAT set), and a password typed at the prompt after a program that asked
 * for none (or asked and had already failed) lands there as a command of its own. A history line goes when it is one
 * word with small and capital letters and a digit, a password's mix that commands and their arguments lack
 * ({@code cd /srv/app}, {@code python3}, {@code make} stay), and no path, URL or assignment. Triggered by the line
 * feed before the time stamp line.
 */
final class HistoryLines extends Detector {

    private static final boolean[] HASH = Chars.set("#");
    private static final int MAX_WORD = 128;

    @Override
    public boolean[] seconds(char c) {
        return c == '\n' ? HASH : null;
    }

    @Override
    public int at(Scan scan, int lf) {
        String s = scan.text;
        int n = s.length();
        int k = lf + 2;
        int digits = 0;
        while (k < n && Chars.digit(s.charAt(k))) {
            k++;
            digits++;
        }
        if (digits < 9 || digits > 11 || k >= n || s.charAt(k) != '\n') {
            return lf + 1;   // a comment, a heading: no time stamp
        }
        int start = k + 1;
        int end = start;
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        while (end < n && end - start <= MAX_WORD && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
            char c = s.charAt(end);
            if (Chars.space(c) || c == '/' || c == '=' || c == '\\' || c == '$') {
                return start;   // a command with arguments, a path, an assignment
            }
            lower |= Chars.lower(c);
            upper |= Chars.upper(c);
            digit |= Chars.digit(c);
            end++;
        }
        if (lower && upper && digit && end - start >= 6 && end - start <= MAX_WORD
                && !Values.placeholder(s, start, end)) {
            scan.add(SecretKind.PASSWORD, start, end);
        }
        return start;
    }
}
