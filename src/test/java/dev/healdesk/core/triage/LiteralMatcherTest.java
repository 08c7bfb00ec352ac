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
