package dev.healdesk.cli;

import dev.healdesk.testing.HealdeskProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history benchmark's synthetic history is stored and every query answers (no timing is asserted here), in a
 * SQLite file and in a real PostgreSQL database; a PostgreSQL database that holds other runs is refused, untouched.
 */
class HistoryBenchmarkTest {

    @Test
    void aSmallSyntheticHistoryIsWrittenAndEveryQueryReports() {
        StringWriter out = new StringWriter();
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "bench", "--only=history", "--history-runs=300");
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("history: 300 runs and 15,000 test results written")
                .contains("first page of the runs list").contains("one-year trend").contains("a fingerprint's history")
                .contains("MB per million results");
    }

    @Test
    void aHistoryKeptInAFolderIsUsedAgainByTheNextBench(@TempDir Path dir) {
        for (String expected : List.of("300 runs and 15,000 test results written",
                "300 runs and 15,000 test results kept in " + dir.resolve("history.db"))) {
            StringWriter out = new StringWriter();
            int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                    "bench", "--only=history", "--history-runs=300", "--history-dir=" + dir);
            assertThat(code).as(out.toString()).isZero();
            assertThat(out.toString()).contains(expected).contains("searched for a text");
            assertThat(dir.resolve("history.db")).exists();
        }
    }

    @Test
    void onPostgresqlAnEmptyDatabaseIsFilledThenUsedAgainAndAnotherHistoryIsRefused(@TempDir Path dir)
            throws Exception {
        String url = dev.healdesk.testing.SharedPostgres.healdeskUrl(dev.healdesk.testing.SharedPostgres.newDatabase());
        java.util.Map<String, String> env = java.util.Map.of(dev.healdesk.core.history.HistoryLocation.PASSWORD_ENV,
                dev.healdesk.testing.PostgresServer.SUPERUSER_PASSWORD);
        for (String expected : List.of("300 runs and 15,000 test results written",
                "300 runs and 15,000 test results kept")) {
            HealdeskProcess.Result r = HealdeskProcess.run(dir, env, "bench", "--only=history", "--history-runs=300",
                    "--db=" + url);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("history on PostgreSQL").contains(expected)
                    .contains("one-year trend").contains("searched for a text");
        }
        HealdeskProcess.Result refused = HealdeskProcess.run(dir, env, "bench", "--only=history",
                "--history-runs=400", "--db=" + url);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("holds 300 runs").contains("--db");
    }
}
