package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One call's working state: the text, the spans the detectors claimed (in any order, overlapping) and
 * a little scratch space, so that the shared detectors stay stateless and a {@link Redactor} thread-safe.
 */
final class Scan {

    final String text;
    /**
     * The text's characters, for the scan's own loop ({@link Redactor}) and {@link #wordEnd}, which read every character:
     * an array read costs less than {@link String#charAt}, which checks the string's coding each time.
     */
    final char[] chars;
    /** The text's length: {@link #chars} may be longer (see {@link Buffers}). */
    final int length;
    /** Where the table row last read by {@link Tables} ends: its later separators need no second look. */
    int tableRowEnd;
    /** Where the %-encoded run last read by {@link Encoded} ends. */
    int encodedEnd;
    /** Where the rows of the last table {@link AlignedColumns} read from its outermost header end. */
    int alignedRowsEnd;
    /** How far {@link PhonePlans} has looked for a phone's word, and where the last one it saw starts (-1: none). */
    int phoneWordsTo;
    int phoneWordAt = -1;
    /** How many %-decoding levels deep this scan is ({@link Encoded}): 0 for the text itself. */
    final int depth;
    /** The calling thread's arrays, or null (a scan of decoded text): {@link KeyNames#classify} keeps its answers there. */
    final Buffers buffers;
    // Scratch space, made on first use: most lines need little of it, and a redactor is called once a line.
    private int[] segments;
    private int[] wordBits;
    private int[] groups;
    private int[] cells;
    private int[] spans;   // start, end, kind ordinal
    private int size;

    /** By {@link SecretKind#ordinal()}: kinds whose spans are not claimed (the rule set leaves them). */
    private final boolean[] left;

    Scan(String text, boolean[] left) {
        this(text, left, 0);
    }

    Scan(String text, boolean[] left, int depth) {
        this(text, left, depth, null);
    }

    /**
     * A scan of {@code text} that reads it from {@code buffers}' arrays where they are given (its calling thread's,
     * which no other scan uses meanwhile) and the text is not too long to keep them for the next call: a call made per
     * log line or document then copies the text into memory it has already touched, and allocates none for it.
     */
    Scan(String text, boolean[] left, int depth, Buffers buffers) {
        this.text = text;
        int n = text.length();
        this.length = n;
        if (buffers == null || n > Buffers.MAX_KEPT) {
            this.chars = text.toCharArray();
        } else {
            if (buffers.chars.length < n) {
                buffers.chars = new char[Math.min(Buffers.MAX_KEPT, Math.max(n, 2 * buffers.chars.length))];
            }
            this.chars = buffers.chars;
            text.getChars(0, n, chars, 0);
        }
        this.left = left;
        this.depth = depth;
        this.buffers = buffers;
    }

    /** Arrays a thread's scans reuse, one scan at a time (see the constructor). */
    static final class Buffers {
        /** Longer texts get arrays of their own, so that one huge text does not stay in memory. */
        static final int MAX_KEPT = 1 << 18;
        char[] chars = new char[8192];
        private char[] out = new char[8192];
        /** How many key names {@link KeyNames#classify} keeps: a power of two. */
        static final int KEY_SLOTS = 512;
        /** The key names classified lately, by a hash of their characters, and beside them what each is. */
        final char[][] keyNames = new char[KEY_SLOTS][];
        final KeyNames.Key[] keyKinds = new KeyNames.Key[KEY_SLOTS];

        /** An array of at least {@code length} (at most {@link #MAX_KEPT}) characters for a redacted text. */
        char[] out(int length) {
            if (out.length < length) {
                out = new char[Math.min(MAX_KEPT, Math.max(length, 2 * out.length))];
            }
            return out;
        }
    }

    private int wordAt = -1;
    private int wordEnd;

    /**
     * The end of the run of word characters ({@link Chars#word}) after {@code i}, at least {@code i + 1}, kept for
     * the next caller: several detectors start at the same capital and skip the same word.
     */
    int wordEnd(int i) {
        if (i != wordAt) {
            wordAt = i;
            char[] c = chars;
            int n = length;
            int j = i + 1;
            // eight characters a step, their word bits ORed into one byte: a loop that tests character by character
            // mispredicts its exit once a word, and words are most of a log
            while (j + 8 <= n) {
                int word = Chars.wordBit(c[j]) | Chars.wordBit(c[j + 1]) << 1 | Chars.wordBit(c[j + 2]) << 2
                        | Chars.wordBit(c[j + 3]) << 3 | Chars.wordBit(c[j + 4]) << 4 | Chars.wordBit(c[j + 5]) << 5
                        | Chars.wordBit(c[j + 6]) << 6 | Chars.wordBit(c[j + 7]) << 7;
                if (word != 0xFF) {
                    wordEnd = j + Integer.numberOfTrailingZeros(~word);
                    return wordEnd;
                }
                j += 8;
            }
            while (j < n && Chars.word(c[j])) {
                j++;
            }
            wordEnd = j;
        }
        return wordEnd;
    }

    /** Segment bounds of the key name being classified: start, end, start, end... (see {@link KeyNames}). */
    int[] segments() {
        if (segments == null) {
            segments = new int[2 * KeyNames.MAX_SEGMENTS];
        }
        return segments;
    }

    /** What each segment's word can be (see {@link KeyNames}). */
    int[] wordBits() {
        if (wordBits == null) {
            wordBits = new int[KeyNames.MAX_SEGMENTS];
        }
        return wordBits;
    }

    /** Digit groups of the number being read: start, end, start, end... (see {@link Numbers}). */
    int[] groups() {
        if (groups == null) {
            groups = new int[2 * Numbers.MAX_GROUPS];
        }
        return groups;
    }

    /** Scratch space for the cells of a table row (see {@link Tables}), made on first use. */
    int[] cells() {
        if (cells == null) {
            cells = new int[2 * Tables.MAX_CELLS];
        }
        return cells;
    }

    /**
     * Claims what {@code inner} (a scan of decoded text) claimed, each span moved back to the text it was decoded
     * from: decoded character {@code j} came from {@code from[j]} up to {@code to[j]} (exclusive) here.
     */
    void addDecoded(Scan inner, int[] from, int[] to) {
        SecretKind[] kinds = SecretKind.values();
        for (int k = 0; k < inner.size; k += 3) {
            int start = inner.spans[k];
            int end = inner.spans[k + 1];
            add(kinds[inner.spans[k + 2]], from[start], to[end - 1]);
        }
    }

    /**
     * Claims what {@code inner} (a scan of pieces of this text joined back together) claimed, each span cut at the
     * joins: piece {@code j} is {@code [starts[j], ends[j])} here and starts at {@code joinedStarts[j]} in the joined
     * text (see {@link TraceDumps}). A span over two pieces is claimed on each, so what lies between them stays.
     */
    void addJoined(Scan inner, int[] starts, int[] ends, int[] joinedStarts, int count) {
        SecretKind[] kinds = SecretKind.values();
        for (int k = 0; k < inner.size; k += 3) {
            int from = inner.spans[k];
            int to = inner.spans[k + 1];
            for (int j = 0; j < count; j++) {
                int a = Math.max(from, joinedStarts[j]);
                int b = Math.min(to, joinedStarts[j] + ends[j] - starts[j]);
                if (a < b) {
                    add(kinds[inner.spans[k + 2]], starts[j] + a - joinedStarts[j], starts[j] + b - joinedStarts[j]);
                }
            }
        }
    }

    void add(SecretKind kind, int start, int end) {
        if (kind == SecretKind.GENERIC_SECRET) {
            int password = UserPasswords.passwordStart(text, start, end);
            if (password > 0) {
                kind = SecretKind.PASSWORD;   // creds=user:…, --creds user:…, basicAuth user:…: the user stays
                start = password;
            } else {
                start = Values.signatureStart(text, start, end);   // X-Signature: sha256=…: the algorithm stays
                if (end - start >= 26 && Chars.lower(text.charAt(start))) {
                    start = Values.scopedTokenStart(text, start, end);   // dp.st.ci.…: issuer, type and config stay
                }
            }
        }
        if (end <= start || left[kind.ordinal()] || kind == SecretKind.PHONE && Numbers.testNumber(text, start, end)) {
            return;
        }
        if (spans == null) {
            spans = new int[24];
        } else if (size + 3 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[size++] = start;
        spans[size++] = end;
        spans[size++] = kind.ordinal();
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** How many spans are claimed so far ({@link Echoes} reads them by index: start, end, kind ordinal). */
    int spanCount() {
        return size / 3;
    }

    /** The {@code field}th number (0 start, 1 end, 2 kind ordinal) of the {@code k}th claimed span. */
    int span(int k, int field) {
        return spans[3 * k + field];
    }

    /**
     * The claimed spans without overlaps, by start: where spans overlap, the one that starts first wins, then
     * the longer, then the more specific kind (the earlier {@link SecretKind} constant).
     */
    List<Redactor.Finding> resolve() {
        if (size == 0) {
            return List.of();
        }
        SecretKind[] kinds = SecretKind.values();
        List<Redactor.Finding> all = new ArrayList<>(size / 3);
        for (int i = 0; i < size; i += 3) {
            all.add(new Redactor.Finding(kinds[spans[i + 2]], spans[i], spans[i + 1]));
        }
        all.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : a.end() != b.end() ? Integer.compare(b.end(), a.end())
                : Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
        List<Redactor.Finding> kept = new ArrayList<>(all.size());
        int end = 0;
        for (Redactor.Finding f : all) {
            if (f.start() >= end) {
                kept.add(f);
                end = f.end();
            }
        }
        return Collections.unmodifiableList(kept);
    }
}
