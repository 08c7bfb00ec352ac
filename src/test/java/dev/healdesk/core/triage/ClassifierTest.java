package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassifierTest {

    private final Classifier classifier = new Classifier(PatternCatalog.builtIn());

    private static FailurePattern pattern(String id, String regex, Category category, int priority) {
        return new FailurePattern(id, id, "", FailurePattern.compile(regex), category, Severity.HIGH, FixClass.B,
                "propose-config-change", priority);
    }

    private static FailurePattern uncompiled(String id, String regex, int priority) {
        return FailurePattern.uncompiled(id, id, "", regex, Category.DATA, Severity.HIGH, FixClass.B,
                "propose-config-change", priority, List.of(), null);
    }

    @Test
    void aPatternsRegexIsCompiledOnlyWhenTheClassifierFirstTriesIt() {
        // "(" does not compile: a classifier that compiled every regex as it was built would throw here
        PatternCatalog catalog = PatternCatalog.of(List.of(uncompiled("first", "disk full", 10),
                uncompiled("broken", "(", 5)));
        for (Classifier c : List.of(new Classifier(catalog, false), new Classifier(catalog))) {
            assertEquals("first", c.classify("the disk full again", null).patternId());
            assertEquals(4, c.match("the disk full again", null).start());
            // a message the first pattern misses reaches the broken one, which is compiled then and fails
            assertThrows(PatternSyntaxException.class, () -> c.classify("nothing here", null));
        }
    }

    @Test
    void anUncompiledPatternCompilesToTheSameRegexAsACompiledOne() {
        FailurePattern lazy = uncompiled("a", "ECONNREFUSED [^\\s]*:6379\\b", 1);
        FailurePattern eager = new FailurePattern("a", "a", "", FailurePattern.compile("ECONNREFUSED [^\\s]*:6379\\b"),
                Category.DATA, Severity.HIGH, FixClass.B, "propose-config-change", 1);
        assertEquals(eager, lazy);
        assertEquals(eager.hashCode(), lazy.hashCode());
        assertEquals(eager.regex().pattern(), lazy.regex().pattern());
        assertEquals(eager.regex().flags(), lazy.regex().flags());
        assertSame(lazy.regex(), lazy.regex(), "compiled once, then kept");
        assertEquals(Classifier.literalPrefix(eager.regex()),
                Classifier.literalPrefix(lazy.regexSource(), lazy.regexFlags()));
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

    @Test
    void theMatchStartIsTheLeftmostMatchOfThePatternsWholeRegexNotOfTheAlternativeTriedFirst() {
        PatternCatalog catalog = PatternCatalog.of(List.of(
                pattern("words", "beta|ALPHA|gam+a\\d", Category.DATA, 5)));
        Classifier own = new Classifier(catalog);
        // "beta" (an exact literal unit) is tried first and matches, but "alpha" and "gamma1" start earlier
        assertEquals(new Classifier.Match(own.classify("x gamma1 alpha beta", null), 2),
                own.match("x gamma1 alpha beta", null));
        assertEquals(4, own.match("one Alpha and a beta", null).start());
        assertEquals(0, own.match("beta alpha", null).start());
        // matched only with the stack, or by nothing: no position in the message
        assertEquals(-1, own.match("it failed", "  at beta (x.js:1:1)").start());
        assertEquals("words", own.match("it failed", "  at beta (x.js:1:1)").classification().patternId());
        assertEquals(-1, own.match("nothing here", null).start());
        assertEquals(-1, own.match(null, null).start());
    }

    @Test
    void theMatchStartAgreesWithTheWholeRegexOnTwentyThousandGeneratedMessages() {
        Map<String, Pattern> whole = new HashMap<>();
        classifier.catalog().patterns().forEach(p -> whole.put(p.id(), p.regex()));
        int positioned = 0;
        for (TriageBenchmark.Sample s : TriageBenchmark.corpus(20_000, 11L)) {
            Classifier.Match m = classifier.match(s.message(), s.stack());
            assertEquals(classifier.classify(s.message(), s.stack()), m.classification(), s.message());
            String id = m.classification().patternId();
            int expected = -1;
            if (!id.equals("unknown")) {
                Matcher regex = whole.get(id).matcher(s.message());
                expected = regex.find() ? regex.start() : -1;
            }
            assertEquals(expected, m.start(), s.message());
            positioned += m.start() >= 0 ? 1 : 0;
        }
        org.assertj.core.api.Assertions.assertThat(positioned).isGreaterThan(15_000);
    }

    @Test
    void aRegexStartsLookingWhereTheTextItsMatchesBeginWithFirstOccursAndOnlyWhereEveryMatchBeginsWithIt() {
        assertEquals("econnrefused ", Classifier.literalPrefix(Pattern.compile("ECONNREFUSED [^\\s]*:6379\\b")));
        assertEquals("page.", Classifier.literalPrefix(Pattern.compile("page\\.(?:click|fill)")));
        assertEquals("exit", Classifier.literalPrefix(Pattern.compile("exit(?:ed)? code")));
        assertEquals("work", Classifier.literalPrefix(Pattern.compile("works? here")), "an optional s is not sure");
        assertEquals("abc", Classifier.literalPrefix(Pattern.compile("abc+d")), "c at least once, then maybe more");
        assertNull(Classifier.literalPrefix(Pattern.compile("abc|xyz")), "a match may start with either");
        assertNull(Classifier.literalPrefix(Pattern.compile("\\babc")), "a word boundary first");
        assertNull(Classifier.literalPrefix(Pattern.compile("(?i)abc")), "a group first");
        assertNull(Classifier.literalPrefix(Pattern.compile("kelvin", Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE)), "Unicode case: K may be the Kelvin sign");
        assertNull(Classifier.literalPrefix(Pattern.compile("ab")), "too short to be worth a look-up");
    }

    @Test
    void startingWhereThePrefixFirstOccursFindsWhatTheWholeTextWouldWithLookBehindsAndBoundaries() {
        PatternCatalog catalog = PatternCatalog.of(List.of(
                pattern("behind", "refused(?<=connection refused)\\b", Category.NETWORK, 5),
                pattern("anchored", "(?m)^fatal: .*$", Category.INFRA, 4),
                pattern("prefixed", "timeout \\d+ms(?<=\\bwaited timeout \\d{1,5}ms)", Category.TIMEOUT, 3)));
        Classifier own = new Classifier(catalog);
        Classifier brute = new Classifier(catalog, false);
        for (String text : List.of("connection refused", "xrefused then connection refused!", "Refused",
                "we waited timeout 30ms", "timeout 5ms, then waited timeout 7ms", "nothing", "a fatal: one\nfatal: two",
                "Connection REFUSED")) {
            assertEquals(brute.match(text, null), own.match(text, null), text);
        }
    }
}
