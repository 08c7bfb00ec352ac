package dev.healdesk.core.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which units' hint literals occur in a text, in one pass (ASCII case-insensitive, which is how the patterns'
 * regexes fold case), and where each literal first occurs. Each distinct literal is keyed by one window of
 * {@value #GRAM} characters of it (the whole literal when shorter): the window that the fewest other literals share.
 * One pass over the text keeps the last {@value #GRAM} characters packed in an int and tests a hash of them in a bit
 * set small enough for the first-level cache; only where a bit is set are the literals of that key compared with the
 * text, whole, and only until each is found once. A key of three characters is entered once per character class
 * that may precede it, so that the catalog's keys of three and four characters share one table and each character
 * costs one table look-up, one multiply and one bit test. The pass reports exactly the hints whose whole literal
 * occurs, and the first position of every literal (the units' hints and the extra literals the matcher was asked to
 * locate). Immutable and thread-safe once built; each thread scans with its own {@link State}.
 */
final class LiteralMatcher {

    /** Characters in a key: the longest window whose packed classes fit an int. */
    static final int GRAM = 4;

    private final byte[] classOf = new byte[128]; // 0: a character that occurs in no key
    /** Per distinct literal: its characters (lower case), its key's start and length, the units it marks. */
    private final char[][] literal;
    private final int[] keyStart;
    private final int[] keyLength;
    private final int[][] marks;       // units whose hint it is
    private final int[][] proves;      // units for which it is an exact hint
    private final Map<String, Integer> ids;
    /** Keys of four characters and of three (entered once per class before them); keys of one and two apart. */
    private final Table table4;
    private final Table table2;
    private final Table table1;

    /**
     * The keys of one length: a bit per hash of a key, and the literals of each bucket (a bucket holds the hashes
     * that share their high bits) with their packed keys. The bit set is 8 KB at most and the bucket starts 8 KB: both
     * stay in the first-level cache, where a start per hash (256 KB) did not.
     */
    private static final class Table {
        static final int HASHES_PER_BUCKET_SHIFT = 5;
        final int shift;
        final long[] bits;
        final int[] start;  // bucket -> first index in keys and literals; start[bucket + 1] its end
        final int[] keys;
        final int[] literals;

        Table(List<int[]> keyed) { // each: {packed key, literal}
            int size = Integer.highestOneBit(Math.max(1, keyed.size()) * 64 - 1) << 1;
            size = Math.max(1 << 9, Math.min(1 << 16, size));
            shift = 32 - Integer.numberOfTrailingZeros(size);
            bits = new long[size >>> 6];
            int buckets = size >>> HASHES_PER_BUCKET_SHIFT;
            start = new int[buckets + 1];
            keys = new int[keyed.size()];
            literals = new int[keyed.size()];
            for (int[] k : keyed) {
                int h = hash(k[0]);
                bits[h >>> 6] |= 1L << h;
                start[(h >>> HASHES_PER_BUCKET_SHIFT) + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = java.util.Arrays.copyOf(start, buckets);
            for (int[] k : keyed) {
                int at = fill[hash(k[0]) >>> HASHES_PER_BUCKET_SHIFT]++;
                keys[at] = k[0];
                literals[at] = k[1];
            }
        }

        int hash(int packed) {
            return (packed * 0x9E3779B1) >>> shift;
        }
    }

    /**
     * One thread's scan state: the text's characters, and where each literal was first found in the last scan
     * (valid where {@code stamp} holds that scan's number).
     */
    static final class State {
        char[] chars = new char[1024];
        final int[] first;
        final int[] stamp;
        int scan;

        private State(int literals) {
            first = new int[literals];
            stamp = new int[literals];
        }
    }

    /**
     * @param hints per unit index, its hints (null or empty: none); literals must be ASCII and lower case
     */
    LiteralMatcher(List<List<RegexHints.Hint>> hints) {
        this(hints, List.of());
    }

    /**
     * @param hints per unit index, its hints (null or empty: none); literals must be ASCII and lower case
     * @param located further literals (ASCII, lower case) whose first position a scan records, marking no unit
     */
    LiteralMatcher(List<List<RegexHints.Hint>> hints, Collection<String> located) {
        Map<String, List<Integer>> marking = new LinkedHashMap<>();
        Map<String, List<Integer>> proving = new HashMap<>();
        for (int u = 0; u < hints.size(); u++) {
            if (hints.get(u) == null) {
                continue;
            }
            for (RegexHints.Hint h : hints.get(u)) {
                String lit = checked(h.literal(), "unit " + u);
                List<Integer> units = marking.computeIfAbsent(lit, k -> new ArrayList<>());
                if (!units.contains(u)) {
                    units.add(u);
                }
                if (h.exact()) {
                    List<Integer> exact = proving.computeIfAbsent(lit, k -> new ArrayList<>());
                    if (!exact.contains(u)) {
                        exact.add(u);
                    }
                }
            }
        }
        for (String lit : located) {
            marking.computeIfAbsent(checked(lit, "a located literal"), k -> new ArrayList<>());
        }
        int count = marking.size();
        literal = new char[count][];
        keyStart = new int[count];
        keyLength = new int[count];
        marks = new int[count][];
        proves = new int[count][];
        ids = new HashMap<>();
        Map<String, Integer> windowUse = new HashMap<>();
        for (String lit : marking.keySet()) {
            for (String w : windows(lit)) {
                windowUse.merge(w, 1, Integer::sum);
            }
        }
        int cls = 1;
        int id = 0;
        for (Map.Entry<String, List<Integer>> e : marking.entrySet()) {
            String lit = e.getKey();
            ids.put(lit, id);
            literal[id] = lit.toCharArray();
            marks[id] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            proves[id] = proving.getOrDefault(lit, List.of()).stream().mapToInt(Integer::intValue).toArray();
            int len = Math.min(GRAM, lit.length());
            keyLength[id] = len;
            int best = 0;
            for (int start = 0; start + len <= lit.length(); start++) {
                String w = lit.substring(start, start + len);
                if (windowUse.get(w) <= windowUse.get(lit.substring(best, best + len))) {
                    best = start; // fewest sharers; on a tie the later window (endings differ more than beginnings)
                }
            }
            keyStart[id] = best;
            for (int i = best; i < best + len; i++) {
                char c = lit.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (byte) cls++; // at most 127 ASCII characters: a class fits a byte
                }
            }
            id++;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        List<int[]> four = new ArrayList<>();
        List<int[]> two = new ArrayList<>();
        List<int[]> one = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            int packed = 0;
            for (int i = keyStart[l]; i < keyStart[l] + keyLength[l]; i++) {
                packed = (packed << 8) | classOf[literal[l][i]];
            }
            switch (keyLength[l]) {
                case 4 -> four.add(new int[] {packed, l});
                case 3 -> {
                    for (int before = 0; before < cls; before++) { // whatever precedes it, the start of the text too
                        four.add(new int[] {(before << 24) | packed, l});
                    }
                }
                case 2 -> two.add(new int[] {packed, l});
                default -> one.add(new int[] {packed, l});
            }
        }
        table4 = four.isEmpty() ? null : new Table(four);
        table2 = two.isEmpty() ? null : new Table(two);
        table1 = one.isEmpty() ? null : new Table(one);
    }

    private static String checked(String lit, String owner) {
        if (lit.isEmpty()) {
            throw new IllegalArgumentException("empty literal for " + owner);
        }
        for (int i = 0; i < lit.length(); i++) {
            char c = lit.charAt(i);
            if (c >= 128) {
                throw new IllegalArgumentException("literal is not ASCII: " + lit);
            }
            if (c >= 'A' && c <= 'Z') {
                throw new IllegalArgumentException("literal is not lower case: " + lit);
            }
        }
        return lit;
    }

    /** Every window of {@code GRAM} characters (the literal itself when shorter). */
    private static List<String> windows(String lit) {
        List<String> out = new ArrayList<>();
        int len = Math.min(GRAM, lit.length());
        for (int start = 0; start + len <= lit.length(); start++) {
            String w = lit.substring(start, start + len);
            if (!out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Keys in the matcher, all lengths together (a key of three counts once per class that may precede it). */
    int keys() {
        int n = 0;
        for (Table t : new Table[] {table4, table2, table1}) {
            n += t == null ? 0 : t.keys.length;
        }
        return n;
    }

    /** A scan state for one thread. */
    State newState() {
        return new State(literal.length);
    }

    /** The literal's id (a hint's or a located literal), or -1 when the matcher does not know it. */
    int id(String lowerCaseLiteral) {
        Integer id = ids.get(lowerCaseLiteral);
        return id == null ? -1 : id;
    }

    /**
     * Where the literal {@code id} first occurs in the text of the last scan with {@code state}, or -1 when it does
     * not occur (ASCII case ignored): what a search of the whole text would say.
     */
    static int first(State state, int id) {
        return state.stamp[id] == state.scan ? state.first[id] : -1;
    }

    /** ORs into {@code candidates} every unit with a hint in {@code text}, into {@code exact} the proven ones. */
    void scan(String text, long[] candidates, long[] exact) {
        scan(text, candidates, exact, newState());
    }

    /**
     * As {@link #scan(String, long[], long[])}, with one thread's {@code state}: the text is copied into its buffer
     * (a loop over a char array costs less than {@code charAt} per character) and each literal's first position is
     * recorded in it.
     */
    void scan(String text, long[] candidates, long[] exact, State state) {
        final byte[] classOf = this.classOf;
        final int n = text.length();
        char[] chars = state.chars;
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            state.chars = chars;
        }
        text.getChars(0, n, chars, 0);
        if (++state.scan == 0) { // after 2^32 scans: no stamp may look current
            java.util.Arrays.fill(state.stamp, 0);
            state.scan = 1;
        }
        final Table t4 = table4;
        if (t4 != null && table2 == null && table1 == null) {
            // the catalog's case: keys of four characters and a few of three (HTTP statuses), all in one table
            final long[] bits4 = t4.bits;
            final int shift4 = t4.shift;
            int g = 0;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                g = (g << 8) | (c < 128 ? classOf[c] : 0);
                int h4 = (g * 0x9E3779B1) >>> shift4;
                if ((bits4[h4 >>> 6] & (1L << h4)) != 0) {
                    verify(t4, h4, g, chars, n, i + 1, candidates, exact, state);
                }
            }
            return;
        }
        int g = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            g = (g << 8) | (c < 128 ? classOf[c] : 0);
            test(t4, g, chars, n, i + 1, candidates, exact, state);
            test(table2, g & 0xffff, chars, n, i + 1, candidates, exact, state);
            test(table1, g & 0xff, chars, n, i + 1, candidates, exact, state);
        }
    }

    private void test(Table t, int packed, char[] chars, int n, int keyEnd, long[] candidates, long[] exact,
                      State state) {
        if (t == null) {
            return;
        }
        int h = t.hash(packed);
        if ((t.bits[h >>> 6] & (1L << h)) != 0) {
            verify(t, h, packed, chars, n, keyEnd, candidates, exact, state);
        }
    }

    /**
     * Marks the units of the literals keyed by {@code packed} (hash {@code h}) whose whole literal surrounds the key
     * ending at keyEnd,
     * and records where each was found first; a literal found before in this scan is not compared again.
     */
    private void verify(Table t, int h, int packed, char[] chars, int n, int keyEnd, long[] candidates,
                        long[] exact, State state) {
        final int scan = state.scan;
        int bucket = h >>> Table.HASHES_PER_BUCKET_SHIFT;
        for (int k = t.start[bucket], e = t.start[bucket + 1]; k < e; k++) {
            int lit = t.literals[k];
            if (t.keys[k] != packed || state.stamp[lit] == scan) {
                continue;
            }
            int start = keyEnd - keyLength[lit] - keyStart[lit];
            if (!wholeMatches(chars, n, start, literal[lit])) {
                continue;
            }
            state.stamp[lit] = scan;
            state.first[lit] = start;
            for (int u : marks[lit]) {
                candidates[u >>> 6] |= 1L << u;
            }
            for (int u : proves[lit]) {
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
