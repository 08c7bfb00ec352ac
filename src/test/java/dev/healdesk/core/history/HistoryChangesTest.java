package dev.healdesk.core.history;

import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that is watched hears another writer's runs, on a real SQLite file (another process's commits, learned
 * from {@code PRAGMA data_version}) and a real PostgreSQL server ({@code LISTEN/NOTIFY}), on a thread of its own; it
 * hears nothing while nobody writes, and on PostgreSQL it keeps hearing after its listening connection was killed.
 */
class HistoryChangesTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aRunRecordedByAnotherProcessIsHeardOnTheWatchingThreadAndNothingElseIs(TestHistories.Backend backend)
            throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        HistoryLocation location = histories.location("shared");
        try (HistoryStore store = histories.open("shared")) {
            LinkedBlockingQueue<Thread> heard = new LinkedBlockingQueue<>();
            HistoryStore.Watch watch = store.watch(() -> heard.add(Thread.currentThread()));

            assertThat(heard.poll(HistoryChanges.POLL.toMillis() * 2 + 500, TimeUnit.MILLISECONDS))
                    .as("nothing written, nothing heard").isNull();

            Process writer = recordRuns(location, "other-machine", 1);
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).as(new String(writer.getInputStream().readAllBytes())).isZero();

            Thread on = heard.poll(15, TimeUnit.SECONDS);
            assertThat(on).as("the other process's run was heard").isNotNull();
            assertThat(on).isNotSameAs(Thread.currentThread());
            assertThat(on.getName()).isEqualTo("healdesk-history-changes");
            assertThat(store.listRuns(10, 0)).extracting(RunRow::machine).containsExactly("other-machine");

            Thread.sleep(HistoryChanges.POLL.toMillis() + 500);
            heard.clear();
            watch.close();
            try (HistoryStore other = histories.open("shared")) {
                other.saveRun(RunSummaries.withResults("run-after-close", T.plusSeconds(60), 2, 1), null);
            }
            assertThat(heard.poll(HistoryChanges.POLL.toMillis() * 2 + 500, TimeUnit.MILLISECONDS))
                    .as("a closed watch hears nothing more").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void runsStartedAndFinishedThroughAnotherConnectionAreHeardEachTime(TestHistories.Backend backend)
            throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        try (HistoryStore store = histories.open("shared");
             HistoryStore other = HistoryStore.open(histories.location("shared"),
                     new Provenance("ci-runner-7", "ci", Provenance.Origin.CI))) {
            LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
            store.watch(() -> heard.add("changed"));
            RunSummary run = RunSummaries.withResults("run-shared-1", T, 3, 1);

            other.beginRun(run.runId(), run.target(), run.projects(), false, T, null);
            assertThat(heard.poll(15, TimeUnit.SECONDS)).as("the start of the run").isNotNull();
            Thread.sleep(HistoryChanges.POLL.toMillis() + 200);
            heard.clear();

            other.saveRun(run, null);
            assertThat(heard.poll(15, TimeUnit.SECONDS)).as("the end of the run").isNotNull();
            assertThat(store.findRun(run.runId()).orElseThrow().state()).isEqualTo(RunRow.FINISHED);
        }
    }

    @Test
    void onPostgresqlTheWatchListensAgainAfterItsConnectionWasKilled() throws Exception {
        TestHistories histories = new TestHistories(TestHistories.Backend.POSTGRESQL, dir);
        HistoryLocation.Postgres pg = (HistoryLocation.Postgres) histories.location("shared");
        try (HistoryStore store = histories.open("shared"); HistoryStore other = histories.open("shared")) {
            LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
            store.watch(() -> heard.add("changed"));

            int killed = 0;
            try (Connection admin = SharedPostgres.server().superuser(pg.database()); Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                         + " WHERE datname = current_database() AND query = 'LISTEN " + HistoryChanges.CHANNEL + "'")) {
                while (rs.next()) {
                    killed += rs.getBoolean(1) ? 1 : 0;
                }
            }
            assertThat(killed).as("the one listening connection").isEqualTo(1);
            assertThat(heard.poll(20, TimeUnit.SECONDS)).as("back, it says that what it missed may have changed")
                    .isNotNull();
            Thread.sleep(HistoryChanges.POLL.toMillis() + 200);
            heard.clear();

            other.saveRun(RunSummaries.withResults("run-after-reconnect", T, 1, 1), null);
            assertThat(heard.poll(15, TimeUnit.SECONDS)).as("a run written after the reconnection").isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void closingTheStoreStopsItsWatchingThread(TestHistories.Backend backend) throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        List<Thread> before = watchingThreads();
        HistoryStore store = histories.open("shared");
        store.watch(() -> { });
        assertThat(watchingThreads()).hasSize(before.size() + 1);
        store.close();
        assertThat(watchingThreads()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Thread> watchingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("healdesk-history-changes") && t.isAlive()).toList();
    }

    /** {@link RecordRuns} in a JVM of its own: another Healdesk process writing to the same history. */
    private Process recordRuns(HistoryLocation location, String machine, int runs) throws Exception {
        String arg = location instanceof HistoryLocation.Postgres pg ? pg.describe()
                : ((HistoryLocation.SqliteFile) location).file().toString();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordRuns.class.getName(), arg, machine,
                Integer.toString(runs)).redirectErrorStream(true);
        pb.environment().put(HistoryLocation.PASSWORD_ENV, PostgresServer.SUPERUSER_PASSWORD);
        Files.createDirectories(dir);
        return pb.start();
    }
}
