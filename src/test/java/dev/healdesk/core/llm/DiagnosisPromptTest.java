package dev.healdesk.core.llm;

import dev.healdesk.core.redact.Redactor;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisPromptTest {

    private final Triage triage = new Triage(PatternCatalog.builtIn());

    private static String hugeLog(int bytes, String secretAt) {
        StringBuilder b = new StringBuilder(bytes + 200);
        int i = 0;
        while (b.length() < bytes) {
            b.append("2024-06-01T12:00:").append(i % 60).append("Z INFO request ").append(i++)
                    .append(" GET /api/customers 200 12ms\n");
            if (i == 5_000) {
                b.append(secretAt).append('\n');
            }
        }
        return "connect ECONNREFUSED 127.0.0.1:5432\n" + b + "Error: pool is draining, password=" + secretAt;
    }

    @Test
    void aOneMegabyteLogGivesABoundedPromptWithNoSecretInIt() {
        String secret = "hunter2" + "-Sup3rSecret";
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tests.add(TestResult.failed("modules/t" + i, "modules", "Test " + i, 10, hugeLog(1 << 20, "password="
                    + secret), "    at Object.<anonymous> (/app/tests/a.spec.ts:12:5)\n".repeat(500), List.of()));
        }
        FailureGroup group = triage.group(tests).get(0);

        LlmRequest r = DiagnosisPrompt.build("llama3.2", group, DiagnosisPrompt.Context.none(),
                Redactor.standard()::redact, PatternCatalog.builtIn().playbooks());

        assertThat(r.user().length()).isLessThanOrEqualTo(DiagnosisPrompt.MAX_USER_CHARS);
        assertThat(r.user()).doesNotContain(secret).contains("ECONNREFUSED 127.0.0.1:5432")
                .contains("characters cut").contains("… and 30 more").contains("never seen before");
        assertThat(r.user()).contains("pool is draining");   // the end of the log is kept too
    }

    @Test
    void theSchemaAllowsOnlyRegistryPlaybooksAndRequiresEveryField() {
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) DiagnosisPrompt.schema(
                new java.util.TreeSet<>(List.of("restart-backend", "file-issue"))).get("properties");
        @SuppressWarnings("unchecked")
        List<Object> allowed = (List<Object>) ((Map<String, Object>) props.get("suggestedPlaybook")).get("enum");

        assertThat(allowed).containsExactly("file-issue", "restart-backend", null);
        assertThat(props).containsKeys("rootCause", "confidence", "category", "fixClass", "explanation", "evidence");
    }
}
