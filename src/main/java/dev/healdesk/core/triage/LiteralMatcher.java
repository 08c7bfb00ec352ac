package dev.healdesk.core.triage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aho-Corasick automaton over the units' hint literals: one pass over a text marks every unit one of whose hints
 * occurs in it (ASCII case-insensitive, which is how the patterns' regexes fold case). Only a key of at most
 * {@value #MAX_KEY} characters of each hint goes into the automaton, which keeps its table small enough for the CPU
 * caches; a longer hint counts only when the whole hint surrounds the key where it was found. The key is the
 * hint's window that the fewest other hints share ("connection refused" keys on " refused", not on the
 * "connecti" a dozen hints begin with), so few keys need that check.
 * Immutable and thread-safe once built.
 */
final class LiteralMatcher {

    static final int MAX_KEY = 8;


    private final byte[] classOf = new byte[128]; // 0: a character that occurs in no key
    private final int classes;
    // row offset (state * classes) + class -> row offset of the next state; negative (-offset - 1) when that
    // state reports hints. States are numbered breadth-first so the hot shallow rows sit together.
    private final int[] next;
    private final int[][] out;                    // state -> hint ids, or null
    private final int[] hintUnit;
    private final boolean[] hintExact;
    private final String[] hintLiteral;
    private final int[] hintKeyStart;
    private final int[] hintKeyLength;

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
        hintLiteral = new String[hintCount];
        hintKeyStart = new int[hintCount];
        hintKeyLength = new int[hintCount];
        Map<String, Integer> windowUse = new HashMap<>();
        for (String lit : new HashSet<>(literals)) {
            for (String w : windows(lit)) {
                windowUse.merge(w, 1, Integer::sum);
            }
        }
        int cls = 1;
        for (int h = 0; h < hintCount; h++) {
            hintUnit[h] = units.get(h);
            hintExact[h] = exacts.get(h);
            String lit = literals.get(h);
            hintLiteral[h] = lit;
            hintKeyLength[h] = Math.min(MAX_KEY, lit.length());
            int best = 0;
            for (int start = 0; start + hintKeyLength[h] <= lit.length(); start++) {
                String w = lit.substring(start, start + hintKeyLength[h]);
                if (windowUse.get(w) <= windowUse.get(lit.substring(best, best + hintKeyLength[h]))) {
                    best = start; // fewest sharers; on a tie the later window (endings differ more than beginnings)
                }
            }
            hintKeyStart[h] = best;
            for (int i = best; i < best + hintKeyLength[h]; i++) {
                char c = lower(lit.charAt(i));
                if (classOf[c] == 0) {
                    if (cls > 127) {
                        throw new IllegalArgumentException("too many distinct hint characters");
                    }
                    classOf[c] = (byte) cls++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + 32];
        }
        classes = cls;
        // trie
        List<int[]> gotoRows = new ArrayList<>();
        List<Set<Integer>> outputs = new ArrayList<>();
        gotoRows.add(newRow(cls));
        outputs.add(new LinkedHashSet<>());
        for (int h = 0; h < hintCount; h++) {
            int s = 0;
            for (int i = hintKeyStart[h]; i < hintKeyStart[h] + hintKeyLength[h]; i++) {
                int c = classOf[hintLiteral[h].charAt(i)];
                if (gotoRows.get(s)[c] < 0) {
                    gotoRows.get(s)[c] = gotoRows.size();
                    gotoRows.add(newRow(cls));
                    outputs.add(new LinkedHashSet<>());
                }
                s = gotoRows.get(s)[c];
            }
            outputs.get(s).add(h);
        }
        int states = gotoRows.size();
        // breadth-first numbering and failure links
        int[] order = new int[states];    // new id -> old id
        int[] newId = new int[states];    // old id -> new id
        int[] fail = new int[states];     // by old id
        int count = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int r = queue.poll();
            newId[r] = count;
            order[count++] = r;
            for (int c = 0; c < cls; c++) {
                int s = gotoRows.get(r)[c];
                if (s >= 0) {
                    fail[s] = r == 0 ? 0 : delta(gotoRows, fail, fail[r], c);
                    queue.add(s);
                }
            }
        }
        next = new int[states * cls];
        out = new int[states][];
        for (int id = 0; id < states; id++) {
            int r = order[id];
            if (r != 0) {
                outputs.get(r).addAll(outputs.get(fail[r])); // fail[r] is shallower: already complete
            }
        }
        for (int id = 0; id < states; id++) {
            int r = order[id];
            Set<Integer> o = outputs.get(r);
            if (!o.isEmpty()) {
                out[id] = o.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        for (int id = 0; id < states; id++) {
            int r = order[id];
            for (int c = 0; c < cls; c++) {
                int target = newId[delta(gotoRows, fail, r, c)];
                next[id * cls + c] = out[target] == null ? target * cls : -(target * cls) - 1;
            }
        }
    }

    /** The automaton's transition from old state {@code r} on class {@code c} (goto, else via failure links). */
    private static int delta(List<int[]> gotoRows, int[] fail, int r, int c) {
        int s = r;
        while (true) {
            int t = gotoRows.get(s)[c];
            if (t >= 0) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** Every window of {@code MAX_KEY} characters (the literal itself when shorter). */
    private static Set<String> windows(String lit) {
        Set<String> out = new HashSet<>();
        int len = Math.min(MAX_KEY, lit.length());
        for (int start = 0; start + len <= lit.length(); start++) {
            out.add(lit.substring(start, start + len));
        }
        return out;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int[] newRow(int cls) {
        int[] row = new int[cls];
        Arrays.fill(row, -1);
        return row;
    }

    int states() {
        return next.length / classes;
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
        final int[] next = this.next;
        final byte[] classOf = this.classOf;
        final int n = text.length();
        char[] chars = holder[0];
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            holder[0] = chars;
        }
        text.getChars(0, n, chars, 0);
        int row = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            int v = next[row + (c < 128 ? classOf[c] : 0)];
            if (v >= 0) {
                row = v;
                continue;
            }
            row = -v - 1;
            for (int h : out[row / classes]) {
                if (hintLiteral[h].length() > hintKeyLength[h] && !wholeMatches(text, i + 1, h)) {
                    continue;
                }
                int u = hintUnit[h];
                candidates[u >>> 6] |= 1L << u;
                if (hintExact[h]) {
                    exact[u >>> 6] |= 1L << u;
                }
            }
        }
    }

    /** Whether the whole hint surrounds its key, which ended just before {@code keyEnd} in {@code text}. */
    private boolean wholeMatches(String text, int keyEnd, int h) {
        String lit = hintLiteral[h];
        int start = keyEnd - hintKeyLength[h] - hintKeyStart[h];
        if (start < 0 || start + lit.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < lit.length(); i++) {
            if (lower(text.charAt(start + i)) != lit.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
