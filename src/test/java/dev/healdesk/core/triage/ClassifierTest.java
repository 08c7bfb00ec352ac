package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ClassifierTest {

    private final Classifier classifier = new Classifier(PatternCatalog.builtIn());

    private static FailurePattern pattern(String id, String regex, Category category, int priority) {
        return new FailurePattern(id, id, "", FailurePattern.compile(regex), category, Severity.HIGH, FixClass.B,
                "propose-config-change", priority);
    }

    @Test
    void neverNull() {
        for (String[] input : new String[][] {{null, null}, {"", ""}, {"   ", "\n"}, {"Ünïcödé ☃ 💥", null}}) {
            Classification c = classifier.classify(input[0], input[1]);
            assertNotNull(c);
            assertEquals("unknown", c.patternId());
            assertEquals(Category.UNKNOWN, c.category());
        }
    }

    @Test
    void messageFirstThenMessageAndStack() {
        String stack = "Error: connect ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect (node:net:1555:16)";
        assertEquals("redis-unreachable", classifier.classify("Error: global setup failed", stack).patternId());
        assertEquals("jwt-expired", classifier.classify("TokenExpiredError: jwt expired", stack).patternId());
        assertEquals("redis-unreachable", classifier.classify(null, stack).patternId());
    }

    @Test
    void priorityDecidesNotOrderOfAppearance() {
        // a locator timeout mentions a timeout, the locator wins
        assertEquals("ui-locator-timeout", classifier.classify(
                "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#x')", null).patternId());
        // a datastore port beats the generic refused connection
        assertEquals("postgres-unreachable", classifier.classify("connect ECONNREFUSED 127.0.0.1:5432", null).patternId());
        assertEquals("connection-refused", classifier.classify("connect ECONNREFUSED 127.0.0.1:5433", null).patternId());
    }

    @Test
    void ownCatalogWithCatchAllLastWhateverItsPriority() {
        PatternCatalog catalog = PatternCatalog.of(List.of(
                pattern("low", "disk", Category.INFRA, 1),
                pattern("high", "disk full", Category.DATA, 100)));
        Classifier own = new Classifier(catalog);
        assertEquals("high", own.classify("the disk full again", null).patternId());
        assertEquals("low", own.classify("disk slow", null).patternId());
        assertEquals("unknown", own.classify("nothing here", null).patternId());
        assertEquals("unknown", catalog.patterns().get(catalog.patterns().size() - 1).id());
    }

    @Test
    void regexesWithoutLiteralsStillRun() {
        PatternCatalog catalog = PatternCatalog.of(List.of(pattern("digits", "^\\d+$", Category.DATA, 5),
                pattern("mixed", "(?m)^Killed$|oomkiller", Category.INFRA, 4)));
        Classifier own = new Classifier(catalog);
        assertEquals("digits", own.classify("12345", null).patternId());
        assertEquals("mixed", own.classify("npm ERR!\nKilled", null).patternId());
        assertEquals("mixed", own.classify("OOMKILLER woke up", null).patternId());
    }

    @Test
    void hintsFoldAsciiCaseOnly() {
        PatternCatalog catalog = PatternCatalog.of(List.of(pattern("s", "status", Category.API, 5)));
        Classifier own = new Classifier(catalog);
        Classifier brute = new Classifier(catalog, false);
        for (String text : List.of("STATUS", "Status", "ſtatus", "ſTATUS", "stat us")) {
            assertEquals(brute.classify(text, null), own.classify(text, null), text);
        }
    }
}
