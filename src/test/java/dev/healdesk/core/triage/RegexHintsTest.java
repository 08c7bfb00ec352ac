package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegexHintsTest {

    private static List<String> literals(String regex) {
        List<RegexHints.Hint> hints = RegexHints.derive(regex);
        return hints == null ? null : hints.stream().map(RegexHints.Hint::literal).toList();
    }

    @Test
    void pureLiteralAlternativesAreExactAndLowerCase() {
        List<RegexHints.Hint> hints = RegexHints.derive("ECONNREFUSED|Connection refused");
        assertEquals(List.of(new RegexHints.Hint("econnrefused", true), new RegexHints.Hint("connection refused", true)),
                hints);
    }

    @Test
    void longestMandatoryRunIsTheHint() {
        assertEquals(List.of("ms exceeded"), literals("Timeout \\d+ms exceeded"));
        assertEquals(List.of("relation \""), literals("relation \"[^\"]+\" does"));
        assertFalse(RegexHints.derive("\\bconnection refused\\b").get(0).exact(), "\\b makes it inexact");
    }

    @Test
    void optionalPartsNeverBecomeHints() {
        assertEquals(List.of("token "), literals("(?:access )?token (?:has )?expired?"));
        assertEquals(List.of("expire"), literals("expired?"));
        assertEquals(List.of("colo"), literals("colou?r"));
        assertEquals(List.of("abc"), literals("abcd*"));
    }

    @Test
    void mandatoryGroupsGiveTheirAlternatives() {
        assertEquals(List.of("status", "http"), literals("(?:status|HTTP)\\s*5\\d\\d"));
        assertNull(literals("(?:status|HTTP)?\\s*5\\d\\d"), "an optional group cannot be relied on");
    }

    @Test
    void escapedPunctuationIsLiteralButClassesAndEscapesAreNot() {
        assertEquals(List.of("config.webserver"), literals("config\\.webServer"));
        assertEquals(List.of("redis"), literals("[a-z]+redis\\d"));
        assertNull(literals("ab\\sx|abc"), "'ab' is too short to filter on");
    }

    @Test
    void noHintsWhenAnAlternativeHasNone() {
        assertNull(literals("ECONNREFUSED|\\d+"));
        assertNull(literals("[\\s\\S]*"));
        assertNull(literals("ab"));
    }

    @Test
    void noHintsUnderCommentsOrUnicodeCase() {
        assertNull(literals("(?x) connection refused"));
        assertNull(literals("(?iu)straße"));
    }

    @Test
    void splitGivesEachTopLevelAlternativeItsOwnHints() {
        List<RegexHints.Alternative> alts = RegexHints.split("deadlock detected|Lock wait timeout \\w+|\\d+ms");
        assertEquals(3, alts.size());
        assertEquals("deadlock detected", alts.get(0).source());
        assertTrue(alts.get(0).exact());
        assertEquals(List.of(new RegexHints.Hint("lock wait timeout ", false)), alts.get(1).hints());
        assertNull(alts.get(2).hints(), "an alternative without literal always runs");
    }

    @Test
    void splitKeepsRegexesWithGlobalFlagsOrBackReferencesWhole() {
        assertEquals(1, RegexHints.split("(?m)^Killed$|OOMKilled").size());
        assertEquals(1, RegexHints.split("(a+)b\\1|xyz").size());
        assertEquals(2, RegexHints.split("(?m:^Killed$)|OOMKilled").size());
    }

    @Test
    void everyBuiltInPatternButTheCatchAllHasHints() {
        for (FailurePattern p : PatternCatalog.builtIn().patterns()) {
            if (!p.isCatchAll()) {
                assertNotNull(Classifier.hintsOf(p), p.id() + " would run its regex on every message");
            }
        }
    }

    @Test
    void derivedHintsAreNecessary() {
        // for each derived hint set, a text the regex matches contains one of the hints
        String[][] cases = {
                {"Timeout \\d+ms exceeded", "locator.click: TIMEOUT 5000MS EXCEEDED."},
                {"(?:page|frame)\\.goto\\b[^\\n]{0,20}?Timeout", "page.goto: Timeout 30000ms exceeded"},
                {"column \"[^\"]+\" (?:of relation \"[^\"]+\" )?does not exist", "column \"a\" of relation \"b\" does not exist"},
        };
        for (String[] c : cases) {
            Pattern p = FailurePattern.compile(c[0]);
            assertTrue(p.matcher(c[1]).find(), c[0]);
            List<String> hints = literals(c[0]);
            assertNotNull(hints, c[0]);
            String lower = c[1].toLowerCase();
            assertTrue(hints.stream().anyMatch(lower::contains), c[0] + " hints " + hints);
        }
    }
}
