package dev.healdesk.core.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every line of corpus.jsonl (real tools' error texts) is classified as the operators expect. */
class TriageCorpusTest {

    record Line(int number, String message, String stack, String category, String fixClass, String patternId) {
        @Override
        public String toString() {
            String m = message.replace("\n", "\\n");
            return "line " + number + ": " + (m.length() > 90 ? m.substring(0, 90) + "..." : m);
        }
    }

    private static Classifier classifier;

    @BeforeAll
    static void setUp() {
        classifier = new Classifier(PatternCatalog.builtIn());
    }

    static List<Line> corpus() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Line> lines = new ArrayList<>();
        try (InputStream in = TriageCorpusTest.class.getResourceAsStream("corpus.jsonl")) {
            assertNotNull(in, "corpus.jsonl is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(text);
                lines.add(new Line(number, n.get("message").asText(), n.hasNonNull("stack") ? n.get("stack").asText() : null,
                        n.get("category").asText(), n.get("fixClass").asText(),
                        n.hasNonNull("patternId") ? n.get("patternId").asText() : null));
            }
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void classifiesAsOperatorsExpect(Line line) {
        Classification c = classifier.classify(line.message(), line.stack());
        assertEquals(line.category(), c.category().id(), () -> "category (pattern " + c.patternId() + ")");
        assertEquals(line.fixClass(), c.fixClass().name(), () -> "fix class (pattern " + c.patternId() + ")");
        if (line.patternId() != null) {
            assertEquals(line.patternId(), c.patternId());
        }
    }

    @Test
    void corpusIsLargeAndCoversEveryBuiltInPattern() throws IOException {
        List<Line> lines = corpus();
        assertTrue(lines.size() >= 120, "corpus has " + lines.size() + " lines");
        Set<String> hit = lines.stream().map(l -> classifier.classify(l.message(), l.stack()).patternId())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> missed = PatternCatalog.builtIn().patterns().stream().map(FailurePattern::id)
                .filter(id -> !hit.contains(id)).toList();
        assertEquals(List.of(), missed, "built-in patterns no corpus line reaches");
    }

    @Test
    void preFilterNeverChangesTheAnswer() throws IOException {
        Classifier bruteForce = new Classifier(PatternCatalog.builtIn(), false);
        for (Line l : corpus()) {
            assertEquals(bruteForce.classify(l.message(), l.stack()), classifier.classify(l.message(), l.stack()),
                    l::toString);
        }
        for (TriageBenchmark.Sample s : TriageBenchmark.corpus(5000, 7)) {
            assertEquals(bruteForce.classify(s.message(), s.stack()), classifier.classify(s.message(), s.stack()),
                    s::message);
        }
    }

    /** What {@code healdesk triage} prints for its first lines comes from a triage without the pre-filter. */
    @Test
    void aTriageWithoutThePreFilterGivesEveryLineTheSameClassificationAndFingerprint() throws IOException {
        Triage filtered = new Triage(PatternCatalog.builtIn());
        Triage unfiltered = Triage.withoutPreFilter(PatternCatalog.builtIn());
        int known = 0;
        for (Line l : corpus()) {
            TriagedFailure expected = filtered.triage(l.message(), l.stack());
            assertEquals(expected, unfiltered.triage(l.message(), l.stack()), l::toString);
            known += expected.classification().patternId().equals(PatternCatalog.UNKNOWN_ID) ? 0 : 1;
        }
        for (TriageBenchmark.Sample s : TriageBenchmark.corpus(5000, 13)) {
            assertEquals(filtered.triage(s.message(), s.stack()), unfiltered.triage(s.message(), s.stack()),
                    s::message);
        }
        assertTrue(known > 100, "corpus lines a pattern names: " + known);
    }
}
