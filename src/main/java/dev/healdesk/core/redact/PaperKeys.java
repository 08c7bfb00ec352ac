package dev.healdesk.core.redact;

/**
 * A key printed for paper: numbered lines of hex digits, perhaps each with a short checksum after a dash, below a
 * line that says it is a key ({@code borg key export --paper}: {@code BORG PAPER KEY v1}, then {@code  1: 07cf… - 8a};
 * GnuPG's {@code paperkey}: {@code # Secret portions of key …}, then {@code   1: 00 04 1B … 2F}). Each numbered
 * line's digits go; the header, an {@code id:} line and {@code #} comments between stay. Numbered lines of hex with
 * no such header above them (a hex dump's offsets, {@code  1: 0a 0b}) stay. Triggered by the colon after a line's
 * number.
 */
final class PaperKeys extends Detector {

    /** A paper key line holds this many hex digits or more. */
    private static final int MIN_HEX = 16;
    /** How many lines above the first numbered line the header may stand (an id line, comments). */
    private static final int MAX_HEADER_LINES = 12;
    private static final boolean[] BLANK = Chars.set(" ");
    private static final boolean[] DIGIT = Chars.set(Chars.DIGITS);

    @Override
    public boolean[] seconds(char c) {
        return BLANK;
    }

    @Override
    public boolean[] befores(char c) {
        return DIGIT;
    }

    @Override
    public int at(Scan scan, int colon) {
        String s = scan.text;
        int start = numberedLineStart(s, colon);
        if (start < 0) {
            return colon + 1;
        }
        int v = colon + 2;
        int end = hexEnd(s, v);
        if (end < 0 || !headed(s, start)) {
            return colon + 1;
        }
        scan.add(SecretKind.PRIVATE_KEY, v, end);
        return end;
    }

    /** Where the line that holds {@code i} starts. */
    private static int lineStart(String s, int i) {
        int k = i;
        while (k > 0 && s.charAt(k - 1) != '\n') {
            k--;
        }
        return k;
    }

    /**
     * Where the line of the colon at {@code colon} starts when all before the colon is a few blanks, then a line
     * number of one to three digits; else -1. Reads back a few characters only: most colons after a digit are a
     * time's or a line number's in prose.
     */
    private static int numberedLineStart(String s, int colon) {
        int k = colon;
        while (k > 0 && colon - k < 3 && Chars.digit(s.charAt(k - 1))) {
            k--;
        }
        while (k > 0 && colon - k < 8 && s.charAt(k - 1) == ' ') {
            k--;
        }
        return k == 0 || s.charAt(k - 1) == '\n' ? k : -1;
    }

    /**
     * The end of the hex groups at {@code v} when the rest of the line is only they and perhaps {@code - xx}, a
     * checksum: {@value #MIN_HEX} hex digits or more; else -1.
     */
    private static int hexEnd(String s, int v) {
        int hex = 0;
        int k = v;
        int end = v;
        while (k < s.length() && s.charAt(k) != '\n' && s.charAt(k) != '\r') {
            char c = s.charAt(k);
            if (Chars.hex(c)) {
                hex++;
                end = k + 1;
            } else if (c == '-' && k > v && s.charAt(k - 1) == ' ') {
                break;   // the checksum: stays
            } else if (c != ' ') {
                return -1;
            }
            k++;
        }
        if (k < s.length() && s.charAt(k) == '-') {
            int e = k + 1;
            while (e < s.length() && s.charAt(e) == ' ') {
                e++;
            }
            int sum = e;
            while (e < s.length() && Chars.hex(s.charAt(e))) {
                e++;
            }
            if (e == sum || e - sum > 8 || e < s.length() && s.charAt(e) != '\n' && s.charAt(e) != '\r') {
                return -1;
            }
        }
        return hex >= MIN_HEX ? end : -1;
    }

    /**
     * Whether a line that says "key" heads the block of the numbered line at {@code start}: read upwards over other
     * numbered lines, an {@code id:} line and {@code #} comments, the first other line has the word.
     */
    private static boolean headed(String s, int start) {
        int lineEnd = start - 1;
        for (int n = 0; lineEnd > 0 && n < MAX_HEADER_LINES + 64; n++) {
            int ls = lineStart(s, lineEnd);
            int k = ls;
            while (k < lineEnd && s.charAt(k) == ' ') {
                k++;
            }
            boolean numberedLine = k < lineEnd && Chars.digit(s.charAt(k));
            boolean idLine = s.startsWith("id:", k);
            boolean comment = k < lineEnd && s.charAt(k) == '#';
            if (keyWord(s, ls, lineEnd)) {
                return true;
            }
            if (!numberedLine && !idLine && !comment) {
                return false;
            }
            lineEnd = ls - 1;
        }
        return false;
    }

    /** Whether {@code s[from, to)} has the word "key" in any case. */
    private static boolean keyWord(String s, int from, int to) {
        for (int k = from; k + 3 <= to; k++) {
            if ((s.charAt(k) | 0x20) == 'k' && s.regionMatches(true, k, "key", 0, 3)
                    && (k == from || !Chars.letter(s.charAt(k - 1))) && (k + 3 == to || !Chars.letter(s.charAt(k + 3)))) {
                return true;
            }
        }
        return false;
    }
}
