package dev.healdesk.core.history;

import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of {@link HistoryQueriesTest} on a real PostgreSQL server (Debian's binaries, a free loopback port), and
 * the runs list's text search as PostgreSQL keeps it (schema version 14: triggers and {@code pg_trgm} indexes).
 */
class HistoryQueriesOnPostgresTest extends HistoryQueriesTest {

    private static final HistoryQueries.RunFilter POOL_TEXT = new HistoryQueries.RunFilter(null, null, null, null,
            null, "CONNECTION SLOTS");
    private static final HistoryQueries.RunFilter TEST_ID = new HistoryQueries.RunFilter(null, null, null, null, null,
            "i/car");

    @Override
    TestHistories.Backend backend() {
        return TestHistories.Backend.POSTGRESQL;
    }

    @Test
    void aHistoryWrittenBeforeVersion14FindsItsEarlierRunsByTextOnceMigrated() throws SQLException {
        store.saveDiagnosis(diagnosis("llama3.2", "Idle transactions hold the pool", DAY1), "pg-connection-slots",
                "database");
        store.close();
        try (Connection c = histories.connect("h"); Statement s = c.createStatement()) {
            // what a version-13 history on PostgreSQL was: the search's tables made at version 9, never kept since
            s.execute("DROP TRIGGER test_results_text ON test_results");
            s.execute("DROP TRIGGER failures_text ON failures");
            s.execute("DROP FUNCTION healdesk_result_texts()");
            s.execute("DROP FUNCTION healdesk_failure_texts()");
            s.execute("DROP INDEX failure_texts_trigrams");
            s.execute("DROP INDEX test_names_trigrams");
            s.execute("DROP INDEX test_results_test_run");
            s.execute("CREATE INDEX test_results_test ON test_results(test_id)");
            s.execute("DELETE FROM failure_texts");
            s.execute("DELETE FROM test_names");
            s.execute("UPDATE schema_version SET version = 13");
        }
        store = open("h");
        // the versions after 13 ran on PostgreSQL too: 15 recomputed the fingerprints, the cached diagnosis followed
        assertThat(store.schemaVersion()).isEqualTo(HistoryStore.SCHEMA_VERSION);
        String fingerprint = store.failuresOf("run-1").get(0).fingerprint();
        assertThat(fingerprint).isNotEqualTo("fp-pool");
        assertThat(store.diagnosesOf("run-1")).containsOnlyKeys(fingerprint);
        assertThat(store.diagnosesOf("run-1").get(fingerprint).rootCause()).isEqualTo("Idle transactions hold the pool");
        assertThat(ids(POOL_TEXT)).as("a failure message, in another case").containsExactly("run-2", "run-1");
        assertThat(ids(TEST_ID)).as("part of a test id").containsExactly("run-4", "run-3", "run-2", "run-1");
        store.saveRun(run("run-5", "crm", DAY1.plus(Duration.ofDays(2)), 1, List.of("api/users"), false, 0), null);
        assertThat(ids(POOL_TEXT)).as("a run written after the migration").containsExactly("run-5", "run-2", "run-1");
        assertThat(ids(new HistoryQueries.RunFilter(null, null, null, null, null, "api/users"))).startsWith("run-5");
    }

    @Test
    void theSearchIsAnsweredByTrigramIndexes() throws SQLException {
        try (Connection c = histories.connect("h"); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");   // a table this small is read whole otherwise: ask what can be used
            assertThat(plan(s, "SELECT ft.run_id FROM failure_texts ft WHERE ft.message ILIKE '%slots%'"))
                    .contains("failure_texts_trigrams");
            assertThat(plan(s, "SELECT test_id FROM test_names WHERE test_id ILIKE '%i/car%'"))
                    .contains("test_names_trigrams");
            s.execute("VACUUM test_results");   // what autovacuum does: the visibility map an index-only scan reads
            assertThat(plan(s, "SELECT run_id FROM test_results WHERE test_id = 'api/cart'"))
                    .contains("Index Only Scan using test_results_test_run");
        }
    }

    @Test
    void aRoleThatMayNotInstallPgTrgmStillSearchesWithoutTheIndexes() throws SQLException {
        PostgresServer server = SharedPostgres.server();
        String database = SharedPostgres.newDatabase();
        String role = "plain_" + database;
        try (Connection c = server.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'plain-secret'");
        }
        try (Connection c = server.superuser(database); Statement s = c.createStatement()) {
            // not the database's owner: no CREATE on the database, so no trusted extension; its own tables only
            s.execute("GRANT CREATE ON SCHEMA public TO " + role);
        }
        HistoryLocation plain = HistoryLocation.parse("postgresql://" + role + "@127.0.0.1:" + server.port() + "/"
                + database, "test", Map.of(HistoryLocation.PASSWORD_ENV, "plain-secret"));
        try (HistoryStore limited = HistoryStore.open(plain)) {
            limited.saveRun(run("run-a", "shop", DAY1, 2, List.of("api/orders"), false, 0), null);
            limited.saveRun(run("run-b", "shop", DAY1.plus(Duration.ofHours(1)), 4, List.of(), false, 0), null);
            assertThat(limited.listRuns(POOL_TEXT, 50, 0)).extracting(RunRow::runId).containsExactly("run-a");
            assertThat(limited.listRuns(TEST_ID, 50, 0)).extracting(RunRow::runId).containsExactly("run-b", "run-a");
        }
        try (Connection c = server.superuser(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%trigrams'")) {
            assertThat(rs.next()).as("no trigram index without pg_trgm").isFalse();
        }
    }

    private static String plan(Statement s, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
