package dev.healdesk.core.history;

import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs list's text search through the FTS5 trigram index ({@link FailureTextSearch}) finds exactly the runs the
 * search before it found with {@code LIKE '%text%'} over every result and failure group: for a substring in the middle
 * of a word, in either case, one or two characters long, and for everything an operator may type that means something
 * to LIKE or to FTS5 (quotes, %, _, *, ^, parentheses, AND / OR / NOT / NEAR, a column filter), which is only text;
 * after runs are deleted and while a run is still going; and on a database whose index the migration filled.
 */
class HistoryTextSearchTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    /** Failure messages with the characters that mean something to LIKE, to FTS5 queries and to SQL. */
    private static final List<String> MESSAGES = List.of(
            "Error: connect ECONNREFUSED 10.0.0.7:5432 (service-77)",
            "Error: connect ECONNREFUSED 10.0.0.8:5432 (service-8)",
            "TimeoutError: locator.click: Timeout 30000ms exceeded waiting for getByRole('button', { name: \"Pay\" })",
            "expect(received).toBe(expected) // 100% of 3 checks; got \"O'Brien\"",
            "AssertionError: value_was_null in user_profile_id",
            "disk full AND inode table NEAR limit; NOT retrying (OR giving up)",
            "message: col:value * wildcard ^start \"quoted phrase\"",
            "Ünïcode Élan failed: CAFÉ closed",
            "Backslash \\ in path C:\\builds\\x and 50\\% literal",
            "NullPointerException at com.shop.CartService.total(CartService.java:42)");

    private static final List<String> SEARCHES = List.of(
            "service-77)", "CONNREF", "econnrefused", "EcOnNrEfUsEd", "onnre", "locator.click", "name: \"Pay\"",
            "\"Pay\"", "\"", "\"\"", "'", "O'Brien", "100%", "%", "%%", "_", "value_was", "e_w", "valueXwas",
            "AND", "and inode", "NEAR", "NOT retrying", "OR giving", "OR", "(OR", "col:value", "col:", "*", "* wild",
            "^start", "^", "\"quoted phrase\"", "quoted phrase", "élan", "Élan", "ÉLAN", "café", "CAFÉ", "\\", "\\ in",
            "50\\%", "C:\\builds", "x", "Ca", "42", "42)", "java:42", "cartservice", "shop/checkout", "checkout-3",
            "T-3", "api/", "nothing like this anywhere", "   service-8)  ", "(", ")", "()", "-", "NEAR(a b)",
            "message:", "{ name", "10.0.0.", "5432 (");

    @TempDir
    Path dir;

    @Test
    void theIndexFindsWhatLikeFoundForEveryTextAnOperatorMayType() throws Exception {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.saveRuns(runs(0, 120));
            store.beginRun("run-live", "shop", List.of("api"), false, T0.plus(Duration.ofDays(30)), null);
            store.appendResult("run-live", TestResult.failed("api/live-1", "api", "live", 10,
                    "Error: live failure with 100% zest_and_\"quotes\"", null, List.of()));
            assertSameAsLike(store, db, "after a batch and a run in progress", List.of("zest_and", "100% zest",
                    "live-1", "\"quotes\""));

            store.saveRuns(runs(120, 160));
            assertThat(store.deleteRunsBefore(T0.plus(Duration.ofHours(40)))).isPositive();
            assertSameAsLike(store, db, "after the retention deleted the oldest runs", List.of());
            store.abandonRun("run-live");
            assertSameAsLike(store, db, "after the run in progress was interrupted", List.of("zest_and"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM failure_texts")).as("a deleted run's messages go with it")
                    .isEqualTo(count(s, "SELECT count(*) FROM test_results WHERE error_message IS NOT NULL")
                            + count(s, "SELECT count(*) FROM failures WHERE message IS NOT NULL"));
            s.execute("INSERT INTO failure_text_index (failure_text_index) VALUES ('integrity-check')");
        }
    }

    @Test
    void aDatabaseOfTheVersionBeforeIsIndexedWhenItOpens() throws Exception {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.saveRuns(runs(0, 80));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            HistoryRollupTest.dropVersion13(s);
            HistoryRollupTest.dropVersion11(s);
            HistoryRollupTest.dropVersion9(s);
            s.execute("ALTER TABLE runs DROP COLUMN faults");   // the version after it's
            s.execute("PRAGMA user_version = 8");
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(HistoryStore.SCHEMA_VERSION);
            assertThat(store.listRuns(filter("service-77)"), 500, 0)).as("found through the filled index")
                    .isNotEmpty();
            assertSameAsLike(store, db, "after the migration filled the index", List.of());
            store.saveRuns(runs(80, 100));
            assertSameAsLike(store, db, "and runs stored after it", List.of());
        }
    }

    @Test
    void aCommonTextIsFoundByReadingTheRunsNewestFirstAndFindsTheSameRuns() throws Exception {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            // every run but the healthy third fails with one of the messages: thousands hold "ECONNREFUSED" or "Error"
            store.saveRuns(runs(0, FailureTextSearch.COMMON * 3));
            List<String> statements = new ArrayList<>();
            store.listenToQueries((sql, binder) -> statements.add(sql));
            List<Boolean> paths = new ArrayList<>();
            for (String text : List.of("Error", "ECONNREFUSED", "connect", "service-77)", "Élan", "checkout",
                    "checkout-3", "health-1", "api/")) {
                statements.clear();
                List<String> page = store.listRuns(filter(text), 200, 0).stream().map(RunRow::runId).toList();
                boolean walked = statements.stream().anyMatch(q -> q.contains("EXISTS (SELECT 1 FROM failure_texts")
                        || q.contains("EXISTS (SELECT 1 FROM test_results"));
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                    List<String> all = like(c, text);
                    assertThat(page).as("the first page for [" + text + "]")
                            .isEqualTo(all.subList(0, Math.min(200, all.size())));
                    boolean common;
                    try (Statement st = c.createStatement()) {
                        String like = "'%" + text.replace("'", "''") + "%'";
                        common = count(st, "SELECT count(*) FROM failure_texts WHERE message LIKE " + like)
                                >= FailureTextSearch.COMMON
                                || count(st, "SELECT count(*) FROM test_results WHERE test_id LIKE " + like)
                                >= FailureTextSearch.COMMON;
                    }
                    assertThat(walked).as("[" + text + "] found by reading the runs newest first").isEqualTo(common);
                    paths.add(walked);
                    assertThat(store.listRuns(filter(text), 200, 400).stream().map(RunRow::runId).toList())
                            .as("the third page for [" + text + "]")
                            .isEqualTo(all.subList(Math.min(400, all.size()), Math.min(600, all.size())));
                    assertThat(store.countRuns(filter(text))).isEqualTo(all.size());
                }
            }
            store.listenToQueries(null);
            assertThat(paths).as("both ways are taken").contains(true, false);
        }
    }

    @Test
    void aPhraseIsTheTextInQuotesWithItsQuotesDoubled() {
        assertThat(FailureTextSearch.phrase("a \"b\" OR c*")).isEqualTo("\"a \"\"b\"\" OR c*\"");
    }

    private static void assertSameAsLike(HistoryStore store, Path db, String when, List<String> more)
            throws SQLException {
        List<String> searches = new ArrayList<>(SEARCHES);
        searches.addAll(more);
        int found = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (String text : searches) {
                List<String> expected = like(c, text);
                List<String> actual = store.listRuns(filter(text), 1000, 0).stream().map(RunRow::runId).toList();
                assertThat(actual).as("runs found for [" + text + "] " + when).isEqualTo(expected);
                assertThat(store.countRuns(filter(text))).as("runs counted for [" + text + "] " + when)
                        .isEqualTo(expected.size());
                found += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(found).as("searches that find something " + when).isGreaterThan(searches.size() / 2);
    }

    private static HistoryQueries.RunFilter filter(String text) {
        return new HistoryQueries.RunFilter(null, null, null, null, null, text);
    }

    /** The search as it was before the index: LIKE over every test result and failure group. */
    private static List<String> like(Connection c, String text) throws SQLException {
        String pattern = "%" + Sql.likeLiteral(text.trim()) + "%";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id FROM runs
                WHERE EXISTS (SELECT 1 FROM test_results t WHERE t.run_id = runs.id
                              AND (t.test_id LIKE ? ESCAPE '\\' OR t.error_message LIKE ? ESCAPE '\\'))
                   OR EXISTS (SELECT 1 FROM failures f WHERE f.run_id = runs.id AND f.message LIKE ? ESCAPE '\\')
                ORDER BY started_at DESC, id DESC""")) {
            ps.setString(1, pattern);
            ps.setString(2, pattern);
            ps.setString(3, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Runs {@code from} to {@code to}: a third pass; the others fail with one of {@link #MESSAGES} in a test result, and
     * every fourth with a second, different message only in its failure group.
     */
    private static List<RunSummary> runs(int from, int to) {
        List<RunSummary> runs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Instant at = T0.plus(Duration.ofMinutes(53L * i));
            boolean failing = i % 3 != 0;
            List<TestResult> results = new ArrayList<>();
            results.add(new TestResult("api/health-" + (i % 4), "api", "health", "spec.ts:1", TestStatus.PASSED, 40,
                    null, null, 0, List.of()));
            List<FailureGroup> groups = new ArrayList<>();
            if (failing) {
                String message = MESSAGES.get(i % MESSAGES.size());
                TestResult failed = new TestResult("shop/checkout-" + (i % 5), "shop", "checkout", "spec.ts:2",
                        TestStatus.FAILED, 900, message, null, 0, List.of());
                results.add(failed);
                String groupMessage = i % 4 == 1 ? MESSAGES.get((i * 7 + 3) % MESSAGES.size()) : message;
                groups.add(new FailureGroup("fp-" + (i % 6), new Classification("p", "p", Category.NETWORK,
                        Severity.HIGH, FixClass.A, null), List.of(failed), groupMessage, null));
            }
            int passed = failing ? 1 : 2;
            HealthStatus status = failing ? HealthStatus.FAILING : HealthStatus.HEALTHY;
            runs.add(new RunSummary(String.format(Locale.ROOT, "run-%05d", i), "shop", List.of("api", "shop"), false,
                    at, at.plusSeconds(60), status, status, passed * 50.0, 2, passed, 2 - passed, 0, results, groups,
                    List.of(), LlmUsage.none(), Map.of(), false));
        }
        return runs;
    }
}
