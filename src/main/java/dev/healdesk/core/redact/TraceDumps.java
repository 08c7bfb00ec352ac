package dev.healdesk.core.redact;

import java.util.Arrays;

/**
 * curl's {@code --trace-ascii} dump, where a label and its value, or a value itself, is cut in two: under a block's
 * heading ({@code => Send data, 105 bytes (0x69)}, {@code <= Recv header, …}, {@code => Send SSL data, …}) curl prints
 * the bytes as lines of {@code OFFSET: TEXT}, the offset in hex, and cuts a line at 64 bytes as well as at a CRLF. So
 * a form body reads {@code 0000: …&client_secret} and then {@code 0040: =c3bb…}, and a long {@code Authorization:
 * Bearer} header goes on, unlabelled, on the next line. The offsets say which: where the next line's offset is this
 * line's plus its length, the line was cut; where it is more (a CRLF between, which the dump leaves out), a line ended.
 * A block with a cut line is joined back (cut lines directly, ended lines with a line feed) and the joined text goes
 * through every rule; what they find there is claimed back over the lines it came from, a piece on each line, so the
 * dump's lines and offsets stay. Triggered by the line feed before the block's heading; each block is read once.
 */
final class TraceDumps extends Detector {

    /** Longer blocks are uploads, not requests: left to the line-by-line rules. */
    private static final int MAX_BLOCK = 1 << 16;
    private static final boolean[] ARROW = Chars.set("=<");

    private final Encoded.Rules rules;

    TraceDumps(Encoded.Rules rules) {
        this.rules = rules;
    }

    @Override
    public boolean[] seconds(char c) {
        return ARROW;
    }

    @Override
    public int at(Scan scan, int lf) {
        String s = scan.text;
        int n = s.length();
        int line = lf + 1;
        if (scan.depth > 0 || !heading(s, line, n)) {
            return lf + 1;
        }
        int k = s.indexOf('\n', line);
        if (k < 0) {
            return lf + 1;
        }
        // the block's lines: [start of text, end of text) and offset, while they read OFFSET: TEXT
        int[] starts = new int[16];
        int[] ends = new int[16];
        long[] offsets = new long[16];
        int count = 0;
        int at = k + 1;
        boolean cut = false;
        while (at < n && at - k < MAX_BLOCK) {
            int colon = at;
            long offset = 0;
            while (colon < n && colon - at < 8 && Chars.hex(s.charAt(colon))) {
                offset = offset * 16 + Character.digit(s.charAt(colon), 16);
                colon++;
            }
            if (colon - at < 4 || colon + 1 >= n || s.charAt(colon) != ':' || s.charAt(colon + 1) != ' '
                    && s.charAt(colon + 1) != '\n' && s.charAt(colon + 1) != '\r') {
                break;
            }
            int textStart = Math.min(colon + 2, n);
            int end = s.indexOf('\n', colon);
            int next = end < 0 ? n : end + 1;
            end = end < 0 ? n : end;
            if (end > colon + 1 && s.charAt(end - 1) == '\r') {
                end--;
            }
            textStart = Math.min(textStart, end);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            if (count > 0 && offset <= offsets[count - 1]) {
                break;   // a new count: another block's lines
            }
            cut |= count > 0 && offset - offsets[count - 1] == ends[count - 1] - starts[count - 1];
            starts[count] = textStart;
            ends[count] = end;
            offsets[count] = offset;
            count++;
            at = next;
        }
        if (!cut) {
            return lf + 1;   // every line ended at a CRLF: the line-by-line rules read them whole
        }
        StringBuilder joined = new StringBuilder();
        int[] joinedStart = new int[count];
        for (int j = 0; j < count; j++) {
            if (j > 0 && offsets[j] - offsets[j - 1] != ends[j - 1] - starts[j - 1]) {
                joined.append('\n');
            }
            joinedStart[j] = joined.length();
            joined.append(s, starts[j], ends[j]);
        }
        Scan inner = rules.scan(joined.toString(), scan.depth + 1);
        scan.addJoined(inner, starts, ends, joinedStart, count);
        return lf + 1;
    }

    /** Whether a dump's block heading starts at {@code i}: {@code => Send …, N bytes (0x…)} or {@code <= Recv …}. */
    private static boolean heading(String s, int i, int n) {
        if (!(s.startsWith("=> Send ", i) || s.startsWith("<= Recv ", i))) {
            return false;
        }
        int end = Math.min(n, i + 64);
        for (int k = i + 8; k < end; k++) {
            char c = s.charAt(k);
            if (c == '\n') {
                return false;
            }
            if (c == ' ' && s.startsWith(" bytes (0x", k)) {
                return true;
            }
        }
        return false;
    }
}
