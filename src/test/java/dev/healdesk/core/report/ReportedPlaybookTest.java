package dev.healdesk.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports name the playbook that ran: where the operator took the diagnosis's suggestion instead of triage's, the
 * Markdown group and incident tables and the JSON summary's {@code playbook} name the one that ran, with triage's
 * suggestion beside it, never triage's alone.
 */
class ReportedPlaybookTest {

    @TempDir
    Path dir;

    /** The fixture's run, the pool's proposal replaced by the operator's choice, which then healed it. */
    private RunSummary replaced() throws Exception {
        RunSummary base = ReportFixtures.run(dir);
        List<ActionRecord> actions = List.of(
                new ActionRecord("fp-db-0001", "kill-idle-db-connections", FixClass.A, Decision.SKIPPED, false, false,
                        false, "replaced by terminate-idle-transactions, the operator's choice", 0),
                new ActionRecord("fp-db-0001", "terminate-idle-transactions", FixClass.A, Decision.APPROVED, true,
                        true, true, "ended 3 idle transactions", 900),
                base.actions().get(1));
        return new RunSummary(base.runId(), base.target(), base.projects(), base.dryRun(), base.startedAt(),
                base.finishedAt(), base.status(), base.initialStatus(), base.healthScore(), base.testsRun(),
                base.testsPassed(), base.testsFailed(), base.flaky(), base.results(), base.failures(), actions,
                base.llm(), base.diagnoses(), base.cancelled(), base.flipRates());
    }

    @Test
    void theMarkdownTablesNameThePlaybookThatRanAndTriagesSuggestionApart() throws Exception {
        StringWriter out = new StringWriter();
        new MarkdownReport().write(replaced(), out);
        String md = out.toString();

        String poolRow = md.lines().filter(l -> l.startsWith("| ") && l.contains("`db-connection-pool-exhausted`"))
                .findFirst().orElseThrow();
        assertThat(poolRow).contains("`terminate-idle-transactions` (approved); triage suggested"
                + " `kill-idle-db-connections`");
        String uiRow = md.lines().filter(l -> l.startsWith("| ") && l.contains("`ui-locator-timeout`"))
                .findFirst().orElseThrow();
        assertThat(uiRow).as("the same playbook as triage's: no second name").contains(
                "`propose-selector-fix` (rejected)").doesNotContain("triage suggested");
        String poolIncident = md.lines().filter(l -> l.startsWith("| `inc-") && l.contains("atabase"))
                .findFirst().orElseThrow();
        assertThat(poolIncident).contains("`terminate-idle-transactions` (approved); triage suggested");
    }

    @Test
    void theJsonSummarysPlaybookIsTheOneThatRanWithTheSuggestionAndTheDecisionBeside() throws Exception {
        RunSummary run = replaced();
        JsonNode json = new JsonSummary().summary(run, null);

        JsonNode pool = json.path("failures").get(0);
        assertThat(pool.path("fingerprint").asText()).isEqualTo("fp-db-0001");
        assertThat(pool.path("playbook").asText()).isEqualTo("terminate-idle-transactions");
        assertThat(pool.path("decision").asText()).isEqualTo("approved");
        assertThat(pool.path("suggestedPlaybook").asText()).isEqualTo("kill-idle-db-connections");
        JsonNode incident = json.path("incidents").get(0);
        assertThat(incident.path("fingerprints").get(0).asText()).isEqualTo("fp-db-0001");
        assertThat(incident.path("playbook").asText()).isEqualTo("terminate-idle-transactions");
        assertThat(incident.path("suggestedPlaybook").asText()).isEqualTo("kill-idle-db-connections");

        RunSummary none = new RunSummary(run.runId(), run.target(), run.projects(), run.dryRun(), run.startedAt(),
                run.finishedAt(), run.status(), run.initialStatus(), run.healthScore(), run.testsRun(),
                run.testsPassed(), run.testsFailed(), run.flaky(), run.results(), run.failures(), List.of(),
                run.llm(), run.diagnoses(), run.cancelled(), run.flipRates());
        JsonNode unproposed = new JsonSummary().summary(none, null).path("failures").get(0);
        assertThat(unproposed.path("playbook").asText()).as("nothing ran: triage's suggestion")
                .isEqualTo("kill-idle-db-connections");
        assertThat(unproposed.has("decision")).isFalse();
    }
}
