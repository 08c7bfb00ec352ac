package dev.healdesk.core.llm;

import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisParserTest {

    private final DiagnosisParser parser = new DiagnosisParser(Set.of("restart-backend", "clear-session"));

    private Diagnosis parse(String text) {
        return parser.parse("fp1", new LlmAnswer(text, "ollama", "llama3.2", 10, 20, 300), Instant.EPOCH);
    }

    @Test
    void aFencedAnswerWithProseAroundIsRead() {
        Diagnosis d = parse("Here you go:\n```json\n{\"rootCause\":\"session cookie expired\",\"confidence\":0.7,"
                + "\"category\":\"auth\",\"fixClass\":\"a\",\"suggestedPlaybook\":\"clear-session\","
                + "\"explanation\":\"x\",\"evidence\":[\"401 on /app\"]}\n```");

        assertThat(d.malformed()).isFalse();
        assertThat(d.category()).isEqualTo(Category.AUTH);
        assertThat(d.fixClass()).isEqualTo(FixClass.A);
        assertThat(d.suggestedPlaybook()).isEqualTo("clear-session");
        assertThat(d.note()).isNull();
        assertThat(d.completionTokens()).isEqualTo(20);
    }

    @Test
    void percentConfidenceUnknownCategoryAndNullPlaybookAreNormalisedWithNotes() {
        Diagnosis d = parse("{\"rootCause\":\"r\",\"confidence\":85,\"category\":\"cosmic-rays\",\"fixClass\":\"Z\","
                + "\"suggestedPlaybook\":\"none\",\"evidence\":\"one line\"}");

        assertThat(d.confidence()).isEqualTo(0.85);
        assertThat(d.category()).isNull();
        assertThat(d.fixClass()).isNull();
        assertThat(d.suggestedPlaybook()).isNull();
        assertThat(d.evidence()).containsExactly("one line");
        assertThat(d.note()).contains("read as 0.85").contains("cosmic-rays").contains("'Z'");
    }

    @Test
    void truncatedOrEmptyJsonIsMalformedButKept() {
        assertThat(parse("{\"rootCause\":\"backend do").malformed()).isTrue();
        assertThat(parse("{\"confidence\":0.5}").note()).contains("no rootCause");
        Diagnosis empty = parse("");
        assertThat(empty.malformed()).isTrue();
        assertThat(empty.rawText()).isEmpty();
    }
}
