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
 * written before the kill stay, and the next start marks the run interrupted and redacts the artifacts it left.
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
            // While it runs, another process lists it as running (not "failing, 0 tests") and will not report half
            // of it as if it were whole.
            CliRun listed = CliRun.of("history", "--results-dir=" + results);
            assertThat(listed.code()).isZero();
            assertThat(row(listed.out())).contains(" running ").doesNotContain("failing");
            CliRun report = CliRun.of("report", "latest", "--results-dir=" + results, "--format=md", "--out=-");
            assertThat(report.code()).isEqualTo(1);
            assertThat(report.err()).contains("is still running").doesNotContain("folder").doesNotContain("gone");
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

        // A new process tells it interrupted, never healthy and never "failing with 0 tests".
        CliRun listed = CliRun.of("history", "--results-dir=" + results);
        assertThat(row(listed.out())).contains(" interrupted ").contains("its process stopped before it finished")
                .doesNotContain("healthy");
        CliRun json = CliRun.of("history", "--results-dir=" + results, "--json");
        assertThat(json.out()).contains("\"state\":\"interrupted\"").contains("\"testsRun\":" + kept);
        CliRun md = CliRun.of("report", "latest", "--results-dir=" + results, "--format=md", "--out=-");
        assertThat(md.code()).isZero();
        assertThat(md.out()).contains("| Status | **interrupted**").contains(kept + " failed of " + kept + " |")
                .contains(kept + " failing test(s), not triaged")
                .doesNotContain("**healthy**");

        // A kill while the summary was written leaves a half-written file and no summary.md: the next start (a new
        // run) finishes the killed run's folder from what the history kept.
        String killedId;
        try (HistoryStore store = HistoryStore.open(db)) {
            killedId = store.listRuns(1, 0).get(0).runId();
        }
        Path killed = results.resolve(killedId);
        Files.writeString(killed.resolve("healing-summary.json.tmp"), "{\"runId\": \"" + killedId + "\", \"sta");
        assertThat(killed.resolve("summary.md")).doesNotExist();
        // The killed run's suite was cut off before its artifacts were redacted (that happens when a suite ends): a
        // token its live reporter wrote is still in clear until the next start.
        String token = "gh" + "p_" + new java.util.Random(11).ints(36, 0, 36)
                .mapToObj(i -> Character.toString("abcdefghijklmnopqrstuvwxyz0123456789".charAt(i)))
                .collect(java.util.stream.Collectors.joining());
        Path events = Files.createDirectories(killed.resolve("artifacts")).resolve("playwright-events.ndjson");
        Files.writeString(events, "{\"type\":\"stdout\",\"text\":\"git clone https://x-access-token:" + token
                + "@github.com/acme/shop.git\"}\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(Files.readString(events)).contains(token);
        CliRun next = CliRun.of("run", "--projects=health", "--skip-llm", "--dry-run", "--results-dir=" + results);
        assertThat(next.code()).as(next.err()).isIn(0, 1);
        assertThat(Files.readString(events)).doesNotContain(token)
                .contains("https://x-access-token:[REDACTED_GITHUB_TOKEN]@github.com/acme/shop.git");
        assertThat(killed.resolve("healing-summary.json.tmp")).doesNotExist();
        assertThat(Files.readString(killed.resolve("summary.md"))).contains("**interrupted**");
        assertThat(Files.readString(killed.resolve("healing-summary.json"))).contains("\"state\" : \"interrupted\"");
    }

    /** The first data row of {@code healdesk history}'s table. */
    private static String row(String table) {
        String[] lines = table.split("\n");
        assertThat(lines.length).as(table).isGreaterThanOrEqualTo(2);
        return " " + lines[1] + " ";
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
