package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Healdesk process killed with SIGKILL in the middle of a run: the database stays consistent, the results
 * written before the kill stay, and the next start marks the run interrupted.
 */
class CrashConsistencyTest {

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayKeepsItsResultsAndIsMarkedInterruptedAtTheNextStart() throws Exception {
        Path results = dir.resolve("results");
        Path db = results.resolve("healdesk.db");
        // slow: every probe waits out its timeout, so the run is long enough to be killed in the middle
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher",
                "run", "--fault=slow", "--skip-llm", "--dry-run", "--results-dir=" + results));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        Process p = pb.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (resultsWritten(db) < 2) {
                assertThat(p.isAlive()).as("the run is still going: " + Files.readString(dir.resolve("err.txt")))
                        .isTrue();
                assertThat(Instant.now()).as("two results written within 90 s").isBefore(deadline);
                Thread.sleep(200);
            }
        } finally {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();   // SIGKILL: no shutdown hook, no finally block runs in Healdesk
            p.waitFor(10, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(p.exitValue()).isEqualTo(137);
        int kept = resultsWritten(db);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            List<RunRow> runs = store.listRuns(10, 0);
            assertThat(runs).hasSize(1);
            RunRow run = runs.get(0);
            assertThat(run.state()).isEqualTo(RunRow.INTERRUPTED);
            assertThat(run.testsRun()).isEqualTo(kept).isGreaterThanOrEqualTo(2);
            assertThat(run.testsFailed()).as("every probe times out under the slow fault").isEqualTo(kept);
            assertThat(store.testsOf(run.runId())).hasSize(kept)
                    .allSatisfy(t -> assertThat(t.errorMessage()).contains("Timeout"));
            assertThat(Files.readString(results.resolve(run.runId()).resolve("healing-output.log")))
                    .as("the log written before the kill is there").contains("started");
        }
        // the next run of the same store works, and the interrupted one stays as it is
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.markInterrupted()).isEmpty();
        }
    }

    private static int resultsWritten(Path db) throws SQLException {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=2000");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'test_results'")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM test_results")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
