package dev.healdesk.cli;

import dev.healdesk.core.history.AuditEntry;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.testing.HealdeskProcess;
import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code healdesk history copy} (real processes) from a SQLite file into a real PostgreSQL database and from there into
 * a new SQLite file: every run arrives whole and the same, a second copy adds nothing, bad flags exit 2.
 */
class HistoryCopyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Map<String, String> PASSWORD = Map.of("PGPASSWORD", PostgresServer.SUPERUSER_PASSWORD);

    @TempDir
    Path dir;

    @Test
    void aHistoryCopiedIntoPostgresqlAndBackIsTheSameAndASecondCopyAddsNothing() throws Exception {
        Path source = dir.resolve("workstation.db");
        try (HistoryStore store = HistoryStore.open(HistoryLocation.sqlite(source),
                new Provenance("ws-1", "alice", Provenance.Origin.CONSOLE))) {
            store.saveRun(RunSummaries.withResults("run-a", T0, 5, 2), dir.resolve("run-a"));
            store.saveRun(RunSummaries.withResults("run-b", T0.plusSeconds(3600), 6, 0), null);
            store.saveRun(RunSummaries.withResults("run-c", T0.plusSeconds(86_400), 4, 1), null);
            store.appendAudit(new AuditEntry("run-a", T0.plusSeconds(5), "proposed", "fp-db-pool-0001",
                    "kill-idle-db-connections", "alice", null, "PROPOSE kill-idle-db-connections (class A)"));
            store.saveDiagnosis(new Diagnosis("fp-db-pool-0001", "ollama", "qwen2.5-coder:14b", "pool exhausted", 0.9,
                    null, null, "kill-idle-db-connections", "idle sessions hold the slots", List.of("FATAL: remaining"),
                    false, null, null, T0, 100, 50, 900, false), "pg-connection-slots", "database");
            // a run still going on is not copied: it has not ended
            store.beginRun("run-live", "sandbox", List.of("health"), false, T0.plusSeconds(90_000), null);
            store.appendResult("run-live", TestResult.passed("health/probe-0", "health", "Probe 0", 12));
        }
        String server = SharedPostgres.healdeskUrl(SharedPostgres.newDatabase());

        HealdeskProcess.Result in = HealdeskProcess.run(dir, PASSWORD, "history", "copy", "--from=" + source,
                "--to=" + server);
        assertThat(in.code()).as(in.err()).isZero();
        assertThat(in.out()).contains("Copied 3 run(s)").contains("3 in the source, 0 already there")
                .contains("1 diagnosis(es)");
        assertThat(in.err()).contains("3/3 runs, 3 new");

        HealdeskProcess.Result again = HealdeskProcess.run(dir, PASSWORD, "history", "copy", "--from=" + source,
                "--to=" + server);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("Copied 0 run(s)").contains("3 already there")
                .contains("0 diagnosis(es)");

        Path back = dir.resolve("back.db");
        HealdeskProcess.Result out = HealdeskProcess.run(dir, PASSWORD, "history", "copy", "--from=" + server,
                "--to=" + back);
        assertThat(out.code()).as(out.err()).isZero();
        assertThat(out.out()).contains("Copied 3 run(s)");

        HistoryLocation pg = HistoryLocation.parse(server, "test", PASSWORD);
        try (HistoryStore a = HistoryStore.open(source); HistoryStore p = HistoryStore.open(pg);
             HistoryStore b = HistoryStore.open(back)) {
            assertThat(p.countRuns()).isEqualTo(3);
            assertThat(b.countRuns()).isEqualTo(3);
            List<String> finished = List.of("run-c", "run-b", "run-a");
            for (HistoryStore copy : List.of(p, b)) {
                assertThat(copy.listRuns(10, 0).stream().map(RunRow::runId).toList()).isEqualTo(finished);
                for (String id : finished) {
                    RunRow row = copy.findRun(id).orElseThrow();
                    assertThat(row).as("the row of %s, who and where included", id)
                            .isEqualTo(a.findRun(id).orElseThrow());
                    assertThat(row.operator()).isEqualTo("alice");
                    assertThat(copy.testsOf(id)).isEqualTo(a.testsOf(id));
                    assertThat(copy.failuresOf(id)).isEqualTo(a.failuresOf(id));
                    assertThat(copy.actionsOf(id)).isEqualTo(a.actionsOf(id));
                    assertThat(copy.auditOf(id)).isEqualTo(a.auditOf(id));
                    assertThat(copy.incidentsOf(id)).isEqualTo(a.incidentsOf(id));
                }
                assertThat(copy.fingerprint("fp-db-pool-0001")).isEqualTo(a.fingerprint("fp-db-pool-0001"));
                assertThat(copy.findDiagnosis("fp-db-pool-0001", "qwen2.5-coder:14b"))
                        .isEqualTo(a.findDiagnosis("fp-db-pool-0001", "qwen2.5-coder:14b"));
                assertThat(copy.trend(null, T0.minusSeconds(86_400), T0.plusSeconds(3 * 86_400)))
                        .as("the day rollups kept as the runs were added")
                        .isEqualTo(a.trend(null, T0.minusSeconds(86_400), T0.plusSeconds(3 * 86_400)));
            }
            assertThat(p.findRun("run-live")).isEmpty();
        }
    }

    @Test
    void aHistoryUrlWithAPasswordIsRefusedWithExitTwoNamingTheVariableToUseInstead() throws Exception {
        for (Map<String, String> env : List.of(
                Map.of("HEALDESK_DB", "postgresql://alice:hunter2-pw@127.0.0.1:5432/history"),
                Map.<String, String>of())) {
            HealdeskProcess.Result r = env.isEmpty()
                    ? HealdeskProcess.run(dir, env, "history", "--db=postgresql://alice:hunter2-pw@127.0.0.1/history")
                    : HealdeskProcess.run(dir, env, "history");
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("HEALDESK_DB").contains("PGPASSWORD").doesNotContain("hunter2")
                    .doesNotContain("Exception");
            assertThat(r.out()).doesNotContain("hunter2");
        }
    }

    @Test
    void badFlagsSayWhatToDoAndExitTwoWithoutCopying() throws Exception {
        Path target = dir.resolve("target.db");
        List<HealdeskProcess.Result> results = new ArrayList<>();
        results.add(HealdeskProcess.run(dir, Map.of(), "history", "copy", "--to=" + target));
        results.add(HealdeskProcess.run(dir, Map.of(), "history", "copy", "--from=" + dir.resolve("missing.db"),
                "--to=" + target));
        results.add(HealdeskProcess.run(dir, Map.of(), "history", "copy",
                "--from=postgresql://alice:hunter2-pw@127.0.0.1:5432/history", "--to=" + target));
        for (HealdeskProcess.Result r : results) {
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("hunter2").doesNotContain("Exception");
        }
        assertThat(results.get(0).err()).contains("--from");
        assertThat(results.get(1).err()).contains("--from").contains("missing.db").contains("postgresql://");
        assertThat(results.get(2).err()).contains("--from").contains("PGPASSWORD").contains(".env");
        assertThat(Files.exists(target)).as("nothing was made").isFalse();
    }
}
