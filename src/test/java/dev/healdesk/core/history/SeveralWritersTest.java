package dev.healdesk.core.history;

import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.SharedPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four Healdesk processes (separate JVMs, {@link RecordRuns}) record 50 runs each at the same time into one history,
 * a real PostgreSQL database or one SQLite file: 200 runs, each whole, none lost, none doubled, and the counts derived
 * from them (fingerprint occurrences, the day rollup) what the 200 runs say.
 */
class SeveralWritersTest {

    private static final int PROCESSES = 4;
    private static final int RUNS_EACH = 50;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void fourProcessesRecordingFiftyRunsEachLeaveTwoHundredWholeRuns(TestHistories.Backend backend) throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        HistoryLocation location = histories.location("shared");
        String arg = location instanceof HistoryLocation.Postgres pg ? pg.describe()
                : ((HistoryLocation.SqliteFile) location).file().toString();

        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            Path out = dir.resolve("writer-" + p + ".out");
            outputs.add(out);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RecordRuns.class.getName(), arg, "machine-" + p,
                    Integer.toString(RUNS_EACH)).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put(HistoryLocation.PASSWORD_ENV, PostgresServer.SUPERUSER_PASSWORD);
            processes.add(pb.start());
        }
        for (int p = 0; p < PROCESSES; p++) {
            assertThat(processes.get(p).waitFor(240, TimeUnit.SECONDS)).as("writer %d finished", p).isTrue();
            assertThat(processes.get(p).exitValue()).as("writer %d: %s", p, Files.readString(outputs.get(p)))
                    .isZero();
        }

        Map<String, Integer> written = new HashMap<>();
        for (Path out : outputs) {
            for (String line : Files.readAllLines(out)) {
                String[] parts = line.split(" ");
                if (parts.length == 2 && parts[0].startsWith("run-")) {
                    assertThat(written.put(parts[0], Integer.parseInt(parts[1]))).as("run id %s made twice", parts[0])
                            .isNull();
                }
            }
        }
        assertThat(written).hasSize(PROCESSES * RUNS_EACH);
        int results = written.values().stream().mapToInt(Integer::intValue).sum();
        int failed = results - 3 * written.size();   // each run: 3 passed, the rest failed in one group

        try (HistoryStore store = histories.open("shared")) {
            assertThat(store.countRuns()).isEqualTo(PROCESSES * RUNS_EACH);
            List<RunRow> rows = store.listRuns(1000, 0);
            Set<String> ids = new HashSet<>();
            for (RunRow row : rows) {
                ids.add(row.runId());
                assertThat(row.state()).as(row.runId()).isEqualTo(RunRow.FINISHED);
                assertThat(row.testsRun()).as(row.runId()).isEqualTo(written.get(row.runId()));
                assertThat(store.testsOf(row.runId())).as("the results of %s, once each", row.runId())
                        .hasSize(written.get(row.runId()));
                assertThat(store.auditOf(row.runId())).hasSize(1);
                assertThat(row.machine()).startsWith("machine-");
            }
            assertThat(ids).isEqualTo(written.keySet());
            assertThat(store.fingerprint("fp-db-pool-0001").orElseThrow().occurrences())
                    .as("every process's failures counted, none twice").isEqualTo(failed);
            List<HistoryQueries.TrendPoint> trend = store.trend(null, Instant.parse("2026-12-05T00:00:00Z"),
                    Instant.parse("2026-12-06T00:00:00Z"));
            assertThat(trend).hasSize(1);
            assertThat(trend.get(0).day()).isEqualTo(LocalDate.parse("2026-12-05"));
            assertThat(trend.get(0).runs()).as("the day rollup kept in step by four writers").isEqualTo(200);
            assertThat(store.findDiagnosis("fp-db-pool-0001", "model-machine-0")).isPresent();
        }
        try (Connection c = histories.connect("shared"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM test_results")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no result row doubled or left behind").isEqualTo(results);
        }
        if (backend == TestHistories.Backend.SQLITE) {
            // damage that no query above reads (a stale page under an index, a lost free page) shows only here
            try (Connection c = histories.connect("shared"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                List<String> problems = new ArrayList<>();
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
                assertThat(problems).as("SQLite's own check of the file four writers left").containsExactly("ok");
            }
        }
    }
}
