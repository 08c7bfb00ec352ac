package dev.healdesk.core.history;

import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.HealthStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store on a real SQLite file and on a real PostgreSQL server (the tests that hold for both take each). */
class HistoryStoreTest {

    @TempDir
    Path dir;

    private TestHistories on(TestHistories.Backend backend) {
        return new TestHistories(backend, dir);
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void runsSurviveClosingAndReopeningTheDatabase(TestHistories.Backend backend) {
        TestHistories histories = on(backend);
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        try (HistoryStore store = histories.open("history")) {
            store.saveRun(RunSummaries.withResults("run-a", t0, 9, 2), dir.resolve("run-a"));
            store.saveRun(RunSummaries.withResults("run-b", t0.plusSeconds(3600), 11, 0), dir.resolve("run-b"));
        }
        try (HistoryStore store = histories.open("history")) {
            List<RunRow> runs = store.listRuns(10, 0);
            assertEquals(List.of("run-b", "run-a"), runs.stream().map(RunRow::runId).toList(), "newest first");
            RunRow a = runs.get(1);
            assertEquals(HealthStatus.FAILING, a.status());
            assertEquals(11, a.testsRun());
            assertEquals(2, a.testsFailed());
            assertEquals(t0, a.startedAt());
            assertEquals(11, store.testsOf("run-a").size());
            List<StoredFailure> failures = store.failuresOf("run-a");
            assertEquals(1, failures.size());
            assertEquals("database", failures.get(0).category());
            assertEquals("A", failures.get(0).fixClass());
            assertEquals(2, failures.get(0).count());
            assertEquals("fp-db-pool-0001", store.testsOf("run-a").get(9).fingerprint(),
                    "a failed test row links to its failure group");
            assertEquals("dry-run", store.actionsOf("run-a").get(0).decision());
            assertEquals(2, store.countRuns());
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void fingerprintsCountOccurrencesAndKeepFirstAndLastSeen(TestHistories.Backend backend) {
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        try (HistoryStore store = on(backend).open("h")) {
            store.saveRun(RunSummaries.withResults("run-1", t0, 5, 3), null);
            store.saveRun(RunSummaries.withResults("run-2", t0.plusSeconds(43_200), 5, 2), null);
            FingerprintRow fp = store.fingerprint("fp-db-pool-0001").orElseThrow();
            assertEquals(5, fp.occurrences());
            assertEquals(t0, fp.firstSeen());
            assertEquals(t0.plusSeconds(43_200), fp.lastSeen());
            assertTrue(store.fingerprint("nope").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aRunIsStoredWhollyOrNotAtAll(TestHistories.Backend backend) {
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        try (HistoryStore store = on(backend).open("h")) {
            RunSummary run = RunSummaries.withResults("run-dup", t0, 3, 1);
            store.saveRun(run, null);
            assertThrows(HistoryException.class, () -> store.saveRun(run, null), "same run id twice");
            assertEquals(4, store.testsOf("run-dup").size(), "the failed second save added no rows");
            assertEquals(1, store.countRuns());
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aRunInProgressIsRecordedAsItGoesAndClosedWhenItEndsOrFails(TestHistories.Backend backend) {
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        try (HistoryStore store = on(backend).open("h")) {
            RunSummary run = RunSummaries.withResults("run-live", t0, 3, 1);
            store.beginRun("run-live", "sandbox", run.projects(), false, t0, null);
            run.results().subList(0, 2).forEach(r -> store.appendResult("run-live", r));
            assertEquals("running", store.findRun("run-live").orElseThrow().state());
            assertEquals(2, store.testsOf("run-live").size());
            assertEquals(List.of(), store.markInterrupted(), "this process owns it and is alive");

            store.saveRun(run, null);
            RunRow saved = store.findRun("run-live").orElseThrow();
            assertEquals("finished", saved.state());
            assertEquals(4, saved.testsRun());
            assertEquals(4, store.testsOf("run-live").size(), "the results written as it went are replaced, not doubled");

            store.beginRun("run-broken", "sandbox", List.of("health"), false, t0.plusSeconds(60), null);
            store.abandonRun("run-broken");
            assertTrue(store.findRun("run-broken").isEmpty(), "nothing ran: nothing to show");

            store.beginRun("run-half", "sandbox", List.of("health"), false, t0.plusSeconds(120), null);
            store.appendResult("run-half", run.results().get(0));
            store.appendResult("run-half", run.results().get(3));
            store.abandonRun("run-half");
            RunRow half = store.findRun("run-half").orElseThrow();
            assertEquals("interrupted", half.state());
            assertEquals(2, half.testsRun());
            assertEquals(1, half.testsPassed());
            assertEquals(50.0, half.healthScore());
            assertEquals(HealthStatus.FAILING, half.status());
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void everyRunRecordsItsMachineOperatorAndOrigin(TestHistories.Backend backend) {
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        TestHistories histories = on(backend);
        histories.location("h");
        Provenance ci = new Provenance("build-7", "ci-bot", Provenance.Origin.CI);
        try (HistoryStore store = HistoryStore.open(histories.location("h"), ci)) {
            store.saveRun(RunSummaries.withResults("run-whole", t0, 3, 1), null);
            store.beginRun("run-live", "sandbox", List.of("health"), false, t0.plusSeconds(60), null);
            for (String id : List.of("run-whole", "run-live")) {
                RunRow row = store.findRun(id).orElseThrow();
                assertEquals(List.of("build-7", "ci-bot", "ci"), List.of(row.machine(), row.operator(), row.origin()),
                        id);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aRunningRunOfAnotherMachineIsNeverMarkedInterruptedHere(TestHistories.Backend backend) {
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        TestHistories histories = on(backend);
        long deadPid = ProcessHandle.current().pid() + 1_000_000;
        Provenance elsewhere = new Provenance("workstation-b", "bob", Provenance.Origin.CONSOLE);
        Provenance here = new Provenance("workstation-a", "alice", Provenance.Origin.CLI);
        try (HistoryStore b = HistoryStore.open(histories.location("h"), elsewhere)) {
            b.beginRun("run-on-b", "sandbox", List.of("health"), false, t0, null);
        }
        setOwner(histories, "run-on-b", deadPid);
        try (HistoryStore a = HistoryStore.open(histories.location("h"), here)) {
            assertEquals("running", a.findRun("run-on-b").orElseThrow().state(),
                    "a pid of machine B says nothing on machine A: its run goes on");
            a.beginRun("run-on-a", "sandbox", List.of("health"), false, t0, null);
        }
        setOwner(histories, "run-on-a", deadPid);
        try (HistoryStore a = HistoryStore.open(histories.location("h"), here)) {
            assertEquals("interrupted", a.findRun("run-on-a").orElseThrow().state(), "this machine's dead run");
            assertEquals("running", a.findRun("run-on-b").orElseThrow().state());
        }
    }

    /** Pretends the run's process was {@code pid} (one that does not exist), as a crash would leave it. */
    private static void setOwner(TestHistories histories, String runId, long pid) {
        try (Connection c = histories.connect("h");
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE runs SET owner_pid = ? WHERE id = ?")) {
            ps.setLong(1, pid);
            ps.setString(2, runId);
            assertEquals(1, ps.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onPostgresqlTheSchemaVersionIsATableAndANewerOneIsRefused() throws Exception {
        HistoryLocation.Postgres pg = (HistoryLocation.Postgres) on(TestHistories.Backend.POSTGRESQL).location("h");
        try (HistoryStore store = HistoryStore.open(pg)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
        }
        try (Connection c = dev.healdesk.testing.SharedPostgres.server().superuser(pg.database());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                assertTrue(rs.next());
                assertEquals(HistoryStore.SCHEMA_VERSION, rs.getInt(1));
            }
            s.execute("UPDATE schema_version SET version = 99");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(pg));
        assertTrue(e.getMessage().contains("99") && e.getMessage().contains(pg.database()), e.getMessage());
    }

    @Test
    void usesWalAndRecordsTheSchemaVersion() throws Exception {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void readsDoNotWaitForAnotherWritersOpenTransactionAndSeeOnlyWhatIsCommitted() throws Exception {
        Path db = dir.resolve("h.db");
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        try (HistoryStore store = HistoryStore.open(db);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            store.saveRun(RunSummaries.withResults("run-a", t0, 3, 0), null);
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                // another process (a scheduled run) holds the write lock with a run not yet committed
                s.execute("DELETE FROM test_results WHERE run_id = 'run-a'");
                long started = System.nanoTime();
                assertEquals(1, store.countRuns());
                assertEquals(3, store.testsOf("run-a").size(), "the committed results, not the pending delete");
                assertTrue(System.nanoTime() - started < 2_000_000_000L, "no wait for the busy timeout (5 s)");
                other.commit();
            }
            assertEquals(0, store.testsOf("run-a").size(), "a read after the commit sees it");
        }
    }

    @Test
    void refusesADatabaseFromANewerHealdesk() throws Exception {
        Path db = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(db));
        assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws Exception {
        Path notDb = dir.resolve("notes.db");
        Files.writeString(notDb, "these are my notes, not a database\n".repeat(50));
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryStore.open(notDb));
        assertTrue(e.getMessage().contains("notes.db") && e.getMessage().contains("--db"), e.getMessage());
        assertTrue(Files.readString(notDb).startsWith("these are my notes"));
    }
}
