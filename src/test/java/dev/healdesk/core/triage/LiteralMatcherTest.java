package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiteralMatcherTest {

    private static RegexHints.Hint hint(String literal, boolean exact) {
        return new RegexHints.Hint(literal, exact);
    }

    /** units: 0 "connection refused" (exact), 1 "connection reset", 2 "refused" + "denied", 3 none, 4 "ab". */
    private final LiteralMatcher matcher = new LiteralMatcher(Arrays.asList(
            List.of(hint("connection refused", true)),
            List.of(hint("connection reset", false)),
            List.of(hint("refused", false), hint("denied", false)),
            null,
            List.of(hint("ab", true))));

    private String scan(String text) {
        long[] candidates = new long[1];
        long[] exact = new long[1];
        matcher.scan(text, candidates, exact);
        return Long.toBinaryString(candidates[0]) + "/" + Long.toBinaryString(exact[0]);
    }

    @Test
    void marksUnitsWhoseWholeHintOccurs() {
        assertEquals("101/1", scan("connect: Connection REFUSED"));
        assertEquals("10/0", scan("connection reset by peer"));
        assertEquals("100/0", scan("access denied"));
        assertEquals("0/0", scan("connection refuse"), "the whole hint, not only its key");
        assertEquals("100/0", scan("conn refused"), "only the unit whose whole hint is there");
    }

    @Test
    void keysAtTheEdgesOfTheText() {
        assertEquals("101/1", scan("connection refused"));
        assertEquals("100/0", scan("refused"));
        assertEquals("10000/10000", scan("ab"));
        assertEquals("100/0", scan("on refused"), "the key may match where the longer hint cannot start");
    }

    @Test
    void asciiCaseOnly() {
        assertEquals("10000/10000", scan("AB"));
        assertEquals("0/0", scan("ᴀb"));
    }

    @Test
    void recordsWhereEachLiteralFirstOccursAndForgetsItAtTheNextScan() {
        LiteralMatcher located = new LiteralMatcher(Arrays.asList(
                List.of(hint("connection refused", true)),
                List.of(hint("refused", false))), List.of("econn", "page."));
        LiteralMatcher.State state = located.newState();
        long[] candidates = new long[1];
        long[] exact = new long[1];
        located.scan("ECONNREFUSED: Connection refused, then connection REFUSED", candidates, exact, state);
        assertEquals(14, LiteralMatcher.first(state, located.id("connection refused")));
        assertEquals(5, LiteralMatcher.first(state, located.id("refused")), "inside ECONNREFUSED, case ignored");
        assertEquals(0, LiteralMatcher.first(state, located.id("econn")), "a located literal marks no unit");
        assertEquals(-1, LiteralMatcher.first(state, located.id("page.")));
        assertEquals(-1, located.id("never asked for"));
        assertEquals("11/1", Long.toBinaryString(candidates[0]) + "/" + Long.toBinaryString(exact[0]));

        located.scan("page.goto: refused", new long[1], new long[1], state);
        assertEquals(0, LiteralMatcher.first(state, located.id("page.")));
        assertEquals(11, LiteralMatcher.first(state, located.id("refused")));
        assertEquals(-1, LiteralMatcher.first(state, located.id("econn")), "found in the scan before, not in this one");
        assertEquals(-1, LiteralMatcher.first(state, located.id("connection refused")));
    }

    @Test
    void aLiteralOfThreeCharactersMatchesWhateverPrecedesIt() {
        LiteralMatcher statuses = new LiteralMatcher(Arrays.asList(
                List.of(hint("503", true)),
                List.of(hint("status code", false))));
        for (String text : List.of("503", "x503", "status code 503", "é503", "\n503!", "(503)")) {
            long[] candidates = new long[1];
            statuses.scan(text, candidates, new long[1]);
            assertEquals(1L, candidates[0] & 1L, text);
        }
        long[] candidates = new long[1];
        statuses.scan("50 3, 5-03 and 530", candidates, new long[1]);
        assertEquals(0L, candidates[0], "no 503 in it");
    }

    @Test
    void manyUnitsSpanSeveralWords() {
        List<List<RegexHints.Hint>> hints = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            hints.add(List.of(hint("word" + i + "x", false)));
        }
        LiteralMatcher big = new LiteralMatcher(hints);
        long[] candidates = new long[3];
        big.scan("a word129x and word64x and word0x", candidates, new long[3]);
        assertEquals(1L, candidates[0]);
        assertEquals(1L, candidates[1]);
        assertEquals(2L, candidates[2]);
    }
}
