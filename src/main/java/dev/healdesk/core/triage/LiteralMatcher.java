package dev.healdesk.core.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which units' hint literals occur in a text, in one pass (ASCII case-insensitive, which is how the patterns'
 * regexes fold case). Each hint is keyed by one window of {@value #GRAM} characters of its literal (the whole literal
 * when shorter): the window that the fewest other hints share. One pass over the text keeps the last {@value #GRAM}
 * characters packed in an int and tests a hash of them in a bit set small enough for the first-level cache; only
 * where a bit is set are the hints of that key compared with the text, whole. So each character costs a table
 * look-up, a multiply and a bit test, and the pass reports exactly the hints whose whole literal occurs.
 * Immutable and thread-safe once built.
 */
final class LiteralMatcher {

    /** Characters in a key: the longest window whose packed classes fit an int. */
    static final int GRAM = 4;

    private final byte[] classOf = new byte[128]; // 0: a character that occurs in no key
    private final int[] hintUnit;
    private final boolean[] hintExact;
    private final char[][] hintLiteral;
    private final int[] hintKeyStart;
    private final int[] hintKey;              // the hint's key, its characters' classes packed as the scan packs them
    /** Per key length (1..{@value #GRAM}): its bit set, bucket starts and bucket hints; null when no key has it. */
    private final Table[] tables = new Table[GRAM + 1];
    private final Table table4;
    private final Table table3;
    private final Table table2;
    private final Table table1;

    /** The keys of one length: a bit per hash of a key, and the hints of each hash. */
    private static final class Table {
        final int shift;
        final long[] bits;
        final int[] start;  // hash -> first index in hints; start[hash + 1] its end
        final int[] hints;
        final int length;

        Table(int length, List<int[]> keyed) { // each: {packed key, hint}
            this.length = length;
            int size = Integer.highestOneBit(Math.max(1, keyed.size()) * 64 - 1) << 1;
            size = Math.max(1 << 9, Math.min(1 << 16, size));
            shift = 32 - Integer.numberOfTrailingZeros(size);
            bits = new long[size >>> 6];
            start = new int[size + 1];
            hints = new int[keyed.size()];
            for (int[] k : keyed) {
                int h = hash(k[0]);
                bits[h >>> 6] |= 1L << h;
                start[h + 1]++;
            }
            for (int h = 0; h < size; h++) {
                start[h + 1] += start[h];
            }
            int[] fill = java.util.Arrays.copyOf(start, size);
            for (int[] k : keyed) {
                hints[fill[hash(k[0])]++] = k[1];
            }
        }

        int hash(int packed) {
            return (packed * 0x9E3779B1) >>> shift;
        }
    }

    /**
     * @param hints per unit index, its hints (null or empty: none); literals must be ASCII and lower case
     */
    LiteralMatcher(List<List<RegexHints.Hint>> hints) {
        List<Integer> units = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        List<Boolean> exacts = new ArrayList<>();
        for (int u = 0; u < hints.size(); u++) {
            if (hints.get(u) == null) {
                continue;
            }
            for (RegexHints.Hint h : hints.get(u)) {
                String lit = h.literal();
                if (lit.isEmpty()) {
                    throw new IllegalArgumentException("empty hint for unit " + u);
                }
                for (int i = 0; i < lit.length(); i++) {
                    if (lit.charAt(i) >= 128) {
                        throw new IllegalArgumentException("hint is not ASCII: " + lit);
                    }
                }
                units.add(u);
                literals.add(lit);
                exacts.add(h.exact());
            }
        }
        int hintCount = literals.size();
        hintUnit = new int[hintCount];
        hintExact = new boolean[hintCount];
        hintLiteral = new char[hintCount][];
        hintKeyStart = new int[hintCount];
        Map<String, Integer> windowUse = new HashMap<>();
        for (String lit : new HashSet<>(literals)) {
            for (String w : windows(lit)) {
                windowUse.merge(w, 1, Integer::sum);
            }
        }
        int cls = 1;
        int[] keyLength = new int[hintCount];
        for (int h = 0; h < hintCount; h++) {
            hintUnit[h] = units.get(h);
            hintExact[h] = exacts.get(h);
            String lit = literals.get(h);
            hintLiteral[h] = lit.toCharArray();
            int len = Math.min(GRAM, lit.length());
            keyLength[h] = len;
            int best = 0;
            for (int start = 0; start + len <= lit.length(); start++) {
                String w = lit.substring(start, start + len);
                if (windowUse.get(w) <= windowUse.get(lit.substring(best, best + len))) {
                    best = start; // fewest sharers; on a tie the later window (endings differ more than beginnings)
                }
            }
            hintKeyStart[h] = best;
            for (int i = best; i < best + len; i++) {
                char c = lower(lit.charAt(i));
                if (classOf[c] == 0) {
                    classOf[c] = (byte) cls++; // at most 127 ASCII characters: a class fits a byte
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        hintKey = new int[hintCount];
        List<List<int[]>> byLength = new ArrayList<>();
        for (int len = 0; len <= GRAM; len++) {
            byLength.add(new ArrayList<>());
        }
        for (int h = 0; h < hintCount; h++) {
            int packed = 0;
            for (int i = hintKeyStart[h]; i < hintKeyStart[h] + keyLength[h]; i++) {
                packed = (packed << 8) | classOf[hintLiteral[h][i]];
            }
            hintKey[h] = packed;
            byLength.get(keyLength[h]).add(new int[] {packed, h});
        }
        for (int len = 1; len <= GRAM; len++) {
            tables[len] = byLength.get(len).isEmpty() ? null : new Table(len, byLength.get(len));
        }
        table4 = tables[4];
        table3 = tables[3];
        table2 = tables[2];
        table1 = tables[1];
    }

    /** Every window of {@code GRAM} characters (the literal itself when shorter). */
    private static Set<String> windows(String lit) {
        Set<String> out = new HashSet<>();
        int len = Math.min(GRAM, lit.length());
        for (int start = 0; start + len <= lit.length(); start++) {
            out.add(lit.substring(start, start + len));
        }
        return out;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Keys in the matcher, all lengths together. */
    int keys() {
        int n = 0;
        for (Table t : tables) {
            n += t == null ? 0 : t.hints.length;
        }
        return n;
    }

    /** ORs into {@code candidates} every unit with a hint in {@code text}, into {@code exact} the proven ones. */
    void scan(String text, long[] candidates, long[] exact) {
        scan(text, candidates, exact, new char[][] {new char[text.length()]});
    }

    /**
     * As {@link #scan(String, long[], long[])}, copying the text into {@code holder[0]} (grown when too small; the
     * caller keeps one per thread): a loop over a char array costs less than {@code charAt} per character.
     */
    void scan(String text, long[] candidates, long[] exact, char[][] holder) {
        final byte[] classOf = this.classOf;
        final int n = text.length();
        char[] chars = holder[0];
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            holder[0] = chars;
        }
        text.getChars(0, n, chars, 0);
        final Table t4 = table4;
        final Table t3 = table3;
        if (t4 != null && t3 != null && table2 == null && table1 == null) {
            // the catalog's case: keys of four characters and a few of three (HTTP statuses)
            final long[] bits4 = t4.bits;
            final int shift4 = t4.shift;
            final long[] bits3 = t3.bits;
            final int shift3 = t3.shift;
            int g = 0;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                g = (g << 8) | (c < 128 ? classOf[c] : 0);
                int h4 = (g * 0x9E3779B1) >>> shift4;
                int h3 = ((g & 0xffffff) * 0x9E3779B1) >>> shift3;
                if ((bits4[h4 >>> 6] & (1L << h4)) != 0) {
                    verify(t4, h4, g, chars, n, i + 1, candidates, exact);
                }
                if ((bits3[h3 >>> 6] & (1L << h3)) != 0) {
                    verify(t3, h3, g & 0xffffff, chars, n, i + 1, candidates, exact);
                }
            }
            return;
        }
        int g = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            g = (g << 8) | (c < 128 ? classOf[c] : 0);
            for (int len = 1; len <= GRAM; len++) {
                Table t = tables[len];
                if (t != null) {
                    test(t, len == GRAM ? g : g & ((1 << (8 * len)) - 1), chars, n, i + 1, candidates, exact);
                }
            }
        }
    }

    private void test(Table t, int packed, char[] chars, int n, int keyEnd, long[] candidates, long[] exact) {
        int h = t.hash(packed);
        if ((t.bits[h >>> 6] & (1L << h)) != 0) {
            verify(t, h, packed, chars, n, keyEnd, candidates, exact);
        }
    }

    /** Marks the units of the hints keyed by hash {@code h} whose whole literal surrounds the key ending at keyEnd. */
    private void verify(Table t, int h, int packed, char[] chars, int n, int keyEnd, long[] candidates,
                        long[] exact) {
        for (int k = t.start[h], e = t.start[h + 1]; k < e; k++) {
            int hint = t.hints[k];
            if (hintKey[hint] != packed || !wholeMatches(chars, n, keyEnd - t.length - hintKeyStart[hint], hintLiteral[hint])) {
                continue;
            }
            int u = hintUnit[hint];
            candidates[u >>> 6] |= 1L << u;
            if (hintExact[hint]) {
                exact[u >>> 6] |= 1L << u;
            }
        }
    }

    /** Whether {@code lit} (lower case) occurs at {@code start} of the text, ASCII case ignored. */
    private static boolean wholeMatches(char[] chars, int n, int start, char[] lit) {
        if (start < 0 || start + lit.length > n) {
            return false;
        }
        for (int i = 0; i < lit.length; i++) {
            char c = chars[start + i];
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lit[i]) {
                return false;
            }
        }
        return true;
    }
}
