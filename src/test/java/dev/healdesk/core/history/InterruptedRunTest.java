package dev.healdesk.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.redact.TestTokens;
import dev.healdesk.core.report.MarkdownReport;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.report.StoredRuns;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.HealthStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that stopped half-way is told truly: interrupted, never healthy, with what it did up to then (its audit trail
 * becomes its actions), and its folder is finished from what the history kept, its artifacts redacted.
 */
class InterruptedRunTest {

    @TempDir
    Path dir;

    /** The backend these tests run against; {@code InterruptedRunTestOnPostgresTest} runs them all on a real PostgreSQL. */
    TestHistories.Backend backend() {
        return TestHistories.Backend.SQLITE;
    }

    private TestHistories histories;

    HistoryStore open(String name) {
        if (histories == null) {
            histories = new TestHistories(backend(), dir);
        }
        return histories.open(name);
    }

    static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aRunStoppedRightAfterAFixWasAppliedShowsThatFixAndIsNeverHealthy() throws Exception {
        try (HistoryStore store = open("healdesk")) {
            store.beginRun("run-k", "sandbox", List.of("health"), false, T, dir.resolve("run-k"));
            // only passing results so far: the old rule called this "healthy 100.0"
            for (int i = 0; i < 3; i++) {
                store.appendResult("run-k", TestResult.passed("health/p" + i, "health", "P" + i, 5));
            }
            store.appendAudit(new AuditEntry("run-k", T.plusSeconds(1), "proposed", "fp-1", "restart-backend",
                    "healdesk", null, "PROPOSE restart-backend (class A) for fp-1"));
            store.appendAudit(new AuditEntry("run-k", T.plusSeconds(2), "decided", "fp-1", "restart-backend",
                    "policy", "auto", "DECIDED restart-backend: auto by policy (class A, low risk)"));
            store.appendAudit(new AuditEntry("run-k", T.plusSeconds(3), "applied", "fp-1", "restart-backend",
                    "healdesk", "ok", "APPLIED restart-backend: ok restarted"));

            store.abandonRun("run-k");   // what markInterrupted does for a run whose process is gone

            RunRow row = store.findRun("run-k").orElseThrow();
            assertThat(row.state()).isEqualTo(RunRow.INTERRUPTED);
            assertThat(row.status()).isNotEqualTo(HealthStatus.HEALTHY);
            RunOutcome outcome = store.outcomeOf(row);
            assertThat(outcome.state()).isEqualTo(RunOutcome.State.INTERRUPTED);
            assertThat(outcome.finalPass()).isEqualTo(new RunOutcome.Pass(3, 0, 0, 0));
            List<HistoryStore.ActionRecordRow> actions = store.actionsOf("run-k");
            assertThat(actions).hasSize(1);
            HistoryStore.ActionRecordRow a = actions.get(0);
            assertThat(a.playbook()).isEqualTo("restart-backend");
            assertThat(a.fixClass()).isEqualTo("A");
            assertThat(a.decision()).isEqualTo("auto");
            assertThat(a.applied()).isTrue();
            assertThat(a.verified()).isFalse();
            assertThat(a.message()).contains("interrupted after it was applied");

            RunSummary rebuilt = StoredRuns.fromHistory(store, row);
            assertThat(rebuilt.interrupted()).isTrue();
            StringWriter md = new StringWriter();
            new MarkdownReport().write(rebuilt, md);
            assertThat(md.toString()).contains("| Status | **interrupted**")
                    .contains("| `restart-backend` | A | auto | failed | yes |")
                    .doesNotContain("No playbook was proposed").doesNotContain("**healthy**");
        }
    }

    @Test
    void theRunsListFiltersByTheStateEveryScreenTells() {
        try (HistoryStore store = open("states")) {
            store.saveRun(RunSummaries.withResults("run-healthy", T, 5, 0), null);
            store.saveRun(dev.healdesk.core.run.RunOutcomeTest.healed(), null);
            RunSummary c = RunSummaries.withResults("run-cancelled", T.plusSeconds(60), 5, 0);
            store.saveRun(new RunSummary(c.runId(), c.target(), c.projects(), c.dryRun(), c.startedAt(), c.finishedAt(),
                    c.status(), c.initialStatus(), c.healthScore(), c.testsRun(), c.testsPassed(), c.testsFailed(),
                    c.flaky(), c.results(), c.failures(), c.actions(), c.llm(), c.diagnoses(), true), null);
            store.saveRun(RunSummaries.withResults("run-failing", T.plusSeconds(120), 1, 4), null);
            store.beginRun("run-now", "sandbox", List.of("health"), false, T.plusSeconds(180), null);

            java.util.function.Function<String, List<String>> ids = state -> store.listRuns(
                    new HistoryQueries.RunFilter(state, null, null, null, null, null), 10, 0).stream()
                    .map(RunRow::runId).toList();
            assertThat(ids.apply("healthy")).containsExactly("run-healthy");
            assertThat(ids.apply("healed")).containsExactly(dev.healdesk.core.run.RunOutcomeTest.healed().runId());
            assertThat(ids.apply("cancelled")).containsExactly("run-cancelled");
            assertThat(ids.apply("failing")).containsExactly("run-failing");
            assertThat(ids.apply("running")).containsExactly("run-now");
            assertThat(store.findRun("run-now").orElseThrow().outcome().state()).isEqualTo(RunOutcome.State.RUNNING);
        }
    }

    @Test
    void theNextStartFinishesAKilledRunsFolderFromTheHistoryAndRedactsTheArtifactsItLeft() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        RunFolderWriter folders = new RunFolderWriter(results);
        // an earlier run finished and wrote latest.json; the killed one left a half-written summary and no summary.md
        RunSummary earlier = RunSummaries.withResults("run-1", T.minusSeconds(600), 4, 0);
        try (RunFolderWriter.RunFolder f = folders.open("run-1")) {
            folders.finish(f, earlier);
        }
        Path killed = Files.createDirectories(results.resolve("run-2"));
        Files.writeString(killed.resolve("healing-summary.json.tmp"), "{\"runId\": \"run-2\", \"sta");
        Files.writeString(results.resolve("latest.json.tmp"), "{");
        // what the killed run's suite had written when it died: its artifacts are redacted only when a suite ends
        String jwt = TestTokens.jwt();
        Path events = Files.createDirectories(killed.resolve("artifacts")).resolve("playwright-events.ndjson");
        Files.writeString(events, "{\"type\":\"begin\",\"total\":3}\n{\"type\":\"stdout\",\"text\":\"GET /api/orders"
                + " Authorization: Bearer " + jwt + "\"}\n");
        Path context = Files.createDirectories(killed.resolve("artifacts/test-results/orders-list"))
                .resolve("error-context.md");
        Files.writeString(context, "# Page snapshot\n\n| key | value |\n|---|---|\n| sessionToken | " + jwt + " |\n");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        Path screenshot = killed.resolve("artifacts/test-results/orders-list/test-failed-1.png");
        Files.write(screenshot, png);

        RunSummary kept = RunSummaries.withResults("run-2", T, 2, 1).asInterrupted();
        List<String> done = folders.recover(killed, kept, dev.healdesk.core.redact.Redactor.atRest()::redact);

        assertThat(done).contains("redacted 2 artifact file(s)", "removed the half-written healing-summary.json.tmp",
                "removed the half-written latest.json.tmp", "wrote summary.md", "wrote healing-summary.json",
                "brought latest.json up to this run");
        try (var left = Files.list(killed)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(Files.readString(killed.resolve("summary.md"))).contains("**interrupted**");
        JsonNode latest = new ObjectMapper().readTree(results.resolve("latest.json").toFile());
        assertThat(latest.path("runId").asText()).isEqualTo("run-2");
        assertThat(latest.path("state").asText()).isEqualTo("interrupted");
        assertThat(Files.readString(events)).doesNotContain(jwt).contains("Authorization: Bearer [REDACTED_JWT]")
                .startsWith("{\"type\":\"begin\",\"total\":3}\n");
        assertThat(Files.readString(context)).doesNotContain(jwt).contains("| sessionToken | [REDACTED_JWT] |");
        assertThat(Files.readAllBytes(screenshot)).as("a binary artifact is kept byte for byte").isEqualTo(png);
        assertThat(folders.recover(killed, kept, dev.healdesk.core.redact.Redactor.atRest()::redact))
                .as("a whole folder is left as it is").isEmpty();
    }

    /** A JWT made here, never a real one: header, claims and a random signature, base64url. */
}
