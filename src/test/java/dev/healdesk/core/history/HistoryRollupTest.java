package dev.healdesk.core.history;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups that answer a year of trends and metrics ({@link Rollups}) say what the runs say: after every kind of
 * write (a run stored whole, a batch, a run interrupted, runs deleted by the retention), after an older database is
 * migrated and filled, and for periods that start and end inside a day (the edges read from the runs). The reference
 * is the way the store computed trends and metrics before the rollups: straight from the runs, in this test.
 */
class HistoryRollupTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final List<String> TARGETS = List.of("shop", "crm", "billing");

    @TempDir
    Path dir;

    @Test
    void theRollupsSayWhatTheRunsSayAfterEveryKindOfWrite() throws Exception {
        Path db = dir.resolve("h.db");
        Random random = new Random(7);
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int i = 0; i < 40; i++) {
                store.saveRun(run(i, T0.plus(Duration.ofMinutes(37L * 60 * i / 10)), random), null);
            }
            assertMatchesTheRuns(store, db, "after runs stored one by one");

            List<RunSummary> batch = new ArrayList<>();
            for (int i = 40; i < 140; i++) {
                batch.add(run(i, T0.plus(Duration.ofMinutes(37L * 60 * i / 10)), random));
            }
            store.saveRuns(batch);
            assertMatchesTheRuns(store, db, "after a batch");

            Instant live = T0.plus(Duration.ofDays(3)).plusSeconds(17);
            store.beginRun("run-live", "shop", List.of("api"), false, live, null);
            store.appendResult("run-live", TestResult.passed("api/a", "api", "a", 10));
            assertMatchesTheRuns(store, db, "a run in progress counts for nothing yet");

            store.beginRun("run-broken", "crm", List.of("api"), false, live.plusSeconds(60), null);
            store.appendResult("run-broken", TestResult.failed("api/b", "api", "b", 10, "boom", null, List.of()));
            store.abandonRun("run-broken");
            assertMatchesTheRuns(store, db, "after a run was interrupted in this process");

            orphan(db, "run-live");
            assertThat(store.markInterrupted()).containsExactly("run-live");
            assertMatchesTheRuns(store, db, "after a run whose process died was marked interrupted");

            assertThat(store.deleteRunsBefore(T0.plus(Duration.ofDays(5)).plus(Duration.ofHours(7)))).isPositive();
            assertMatchesTheRuns(store, db, "after the retention deleted the oldest runs, mid-day");
            assertThat(store.deleteRunsBefore(T0.plus(Duration.ofDays(9)))).isPositive();
            assertMatchesTheRuns(store, db, "after the retention deleted at midnight");
        }
    }

    @Test
    void aDatabaseOfTheVersionBeforeGetsItsRollupsFilledWhenItOpens() throws Exception {
        Path db = dir.resolve("h.db");
        Random random = new Random(11);
        List<HistoryQueries.TrendPoint> trend;
        HistoryQueries.Metrics metrics;
        List<HistoryQueries.Recurring> top;
        Instant from = T0.plus(Duration.ofHours(5));
        Instant to = T0.plus(Duration.ofDays(12)).plus(Duration.ofMinutes(3));
        try (HistoryStore store = HistoryStore.open(db)) {
            List<RunSummary> runs = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                runs.add(run(i, T0.plus(Duration.ofMinutes(29L * 60 * i / 10)), random));
            }
            store.saveRuns(runs);
            trend = store.trend(null, from, to);
            metrics = store.metrics(null, from, to);
            top = store.topFingerprints(10);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // what schema version 4 had: no rollups, none of version 5's indexes
            for (String table : List.of("run_days", "llm_days", "pattern_days")) {
                s.execute("DROP TABLE " + table);
            }
            for (String index : List.of("actions_verified", "runs_target", "runs_status", "runs_scope",
                    "diagnoses_category", "fingerprints_top")) {
                s.execute("DROP INDEX " + index);
            }
            s.execute("ALTER TABLE fingerprints DROP COLUMN last_fix_playbook");
            s.execute("ALTER TABLE fingerprints DROP COLUMN last_fix_at");
            s.execute("ALTER TABLE runs DROP COLUMN suite_error");   // version 6's
            s.execute("DROP TABLE incidents");                        // version 7's
            s.execute("ALTER TABLE failures DROP COLUMN incident_id");
            dropVersion13(s);
            dropVersion11(s);
            dropVersion9(s);
            s.execute("ALTER TABLE runs DROP COLUMN faults");         // version 10's
            s.execute("PRAGMA user_version = 4");
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(HistoryStore.SCHEMA_VERSION).isEqualTo(15);
            assertThat(store.trend(null, from, to)).isEqualTo(trend);
            // schema 7 then recomputes the fingerprints from the stored messages and merges the groups that now
            // agree (these runs' groups all say "Error: boom"): the groups per pattern and the fingerprints change,
            // everything else the rollups answer must not; and the rollups must match the runs as they are now.
            assertThat(store.metrics(null, from, to)).usingRecursiveComparison().ignoringFields("topPatterns")
                    .isEqualTo(metrics);
            assertThat(store.topFingerprints(10)).hasSizeLessThanOrEqualTo(top.size());
            assertMatchesTheRuns(store, db, "after the migration filled the rollups");
        }
    }

    @Test
    void periodsThatStartAndEndInsideADayCountTheirEdgesFromTheRuns() throws Exception {
        Path db = dir.resolve("h.db");
        Random random = new Random(3);
        try (HistoryStore store = HistoryStore.open(db)) {
            List<RunSummary> runs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                runs.add(run(i, T0.plus(Duration.ofMinutes(17L * 60 * i / 10)), random));
            }
            store.saveRuns(runs);
            List<Instant[]> spans = List.of(
                    new Instant[]{T0, T0.plus(Duration.ofDays(10))},
                    new Instant[]{T0.plus(Duration.ofHours(7)), T0.plus(Duration.ofDays(9)).plus(Duration.ofHours(3))},
                    new Instant[]{T0.plus(Duration.ofHours(30)), T0.plus(Duration.ofHours(40))},
                    new Instant[]{T0.plus(Duration.ofHours(47)), T0.plus(Duration.ofHours(49))},
                    new Instant[]{T0.plus(Duration.ofDays(3)).plusMillis(1), T0.plus(Duration.ofDays(30))},
                    new Instant[]{T0.plus(Duration.ofDays(40)), T0.plus(Duration.ofDays(50))});
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                for (Instant[] span : spans) {
                    for (String target : new String[]{null, "crm"}) {
                        String as = span[0] + " .. " + span[1] + " " + target;
                        assertThat(store.trend(target, span[0], span[1])).as(as)
                                .isEqualTo(Reference.trend(c, target, span[0], span[1]));
                        assertThat(store.metrics(target, span[0], span[1])).as(as)
                                .isEqualTo(Reference.metrics(c, target, span[0], span[1]));
                    }
                }
            }
        }
    }

    @Test
    void theRecoveriesCountedAgainFromScratchAreTheOnesKeptRunByRun() throws Exception {
        Path db = dir.resolve("h.db");
        Random random = new Random(5);
        try (HistoryStore store = HistoryStore.open(db)) {
            // stored out of order: a run written after later ones splits or joins their streaks
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            for (int i : order) {
                // every fifth run starts in the same minute as the one before it: the order of start, then id
                store.saveRun(run(i, T0.plus(Duration.ofMinutes(41L * 60 * (i - i % 5 / 4) / 10)), random), null);
            }
            List<List<Object>> kept;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                kept = rows(c, "SELECT run_id, target, healed_at, streak_start FROM recoveries ORDER BY 1");
                assertThat(kept).as("recoveries kept run by run").isNotEmpty().isEqualTo(Reference.recoveries(c));
            }
            assertMatchesTheRuns(store, db, "after runs stored out of order");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Sql writer = new Sql(db, c);
            writer.inTransaction("rebuild", () -> {
                new Rollups(writer).rebuild("rebuild");
                return null;
            });
            assertThat(rows(c, "SELECT run_id, target, healed_at, streak_start FROM recoveries ORDER BY 1"))
                    .as("recoveries counted again by Rollups.rebuild").isEqualTo(Reference.recoveries(c));
        }
    }

    /** Takes out what schema version 13 added: a run's heartbeat and why another store gave up on it. */
    static void dropVersion13(Statement s) throws SQLException {
        for (String column : List.of("heartbeat_at", "interrupted_why")) {
            s.execute("ALTER TABLE runs DROP COLUMN " + column);
        }
    }

    /** Takes away what schema version 11 (who and where) added. */
    static void dropVersion11(Statement s) throws SQLException {
        for (String index : List.of("runs_operator", "runs_machine")) {
            s.execute("DROP INDEX " + index);
        }
        for (String column : List.of("machine", "operator", "origin")) {
            s.execute("ALTER TABLE runs DROP COLUMN " + column);
        }
    }

    /** Takes out what schema version 9 added: the recoveries rollup and the text search's tables and triggers. */
    static void dropVersion9(Statement s) throws SQLException {
        for (String trigger : List.of("failure_texts_indexed", "failure_texts_unindexed", "test_results_text",
                "failures_text", "test_results_name")) {
            s.execute("DROP TRIGGER " + trigger);
        }
        for (String table : List.of("recoveries", "failure_text_index", "failure_texts", "test_names")) {
            s.execute("DROP TABLE " + table);
        }
    }

    /** Rollups against the runs, row for row; and a trend and the metrics over all of it against the reference. */
    private static void assertMatchesTheRuns(HistoryStore store, Path db, String when) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(rows(c, "SELECT day, target, runs, tests_run, tests_passed, round(health_score, 6), flaky,"
                    + " llm_calls, llm_tokens, fixes_applied, fixes_succeeded FROM run_days ORDER BY 1, 2"))
                    .as("run_days " + when).isEqualTo(rows(c, """
                            SELECT started_at / 86400000, target, count(*), sum(tests_run), sum(tests_passed),
                              round(sum(health_score), 6), sum(flaky), sum(llm_calls),
                              sum(llm_prompt_tokens + llm_completion_tokens),
                              coalesce(sum((SELECT sum(applied) FROM actions a WHERE a.run_id = r.id)), 0),
                              coalesce(sum((SELECT sum(applied * success) FROM actions a WHERE a.run_id = r.id)), 0)
                            FROM runs r WHERE state <> 'running' AND cancelled = 0 GROUP BY 1, 2 ORDER BY 1, 2"""));
            assertThat(rows(c, "SELECT day, target, provider, calls, tokens FROM llm_days ORDER BY 1, 2, 3"))
                    .as("llm_days " + when).isEqualTo(rows(c, """
                            SELECT started_at / 86400000, target, coalesce(llm_provider, 'none'), sum(llm_calls),
                              sum(llm_prompt_tokens + llm_completion_tokens)
                            FROM runs WHERE state <> 'running' AND cancelled = 0 AND llm_calls > 0
                            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""));
            assertThat(rows(c, "SELECT day, target, pattern_id, failure_groups FROM pattern_days ORDER BY 1, 2, 3"))
                    .as("pattern_days " + when).isEqualTo(rows(c, """
                            SELECT r.started_at / 86400000, r.target, f.pattern_id, count(*)
                            FROM failures f JOIN runs r ON r.id = f.run_id WHERE r.state <> 'running' AND r.cancelled = 0
                            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""));
            assertThat(rows(c, "SELECT fingerprint, last_fix_at FROM fingerprints ORDER BY 1"))
                    .as("the last verified fix of each fingerprint " + when).isEqualTo(rows(c, """
                            SELECT fp.fingerprint, (SELECT max(r.started_at) FROM actions a JOIN runs r
                              ON r.id = a.run_id WHERE a.fingerprint = fp.fingerprint AND a.verified = 1)
                            FROM fingerprints fp ORDER BY 1"""));
            assertThat(rows(c, "SELECT run_id, target, healed_at, streak_start FROM recoveries ORDER BY 1"))
                    .as("recoveries " + when).isEqualTo(Reference.recoveries(c));
            Instant from = T0.minus(Duration.ofDays(1)).plus(Duration.ofHours(13));
            Instant to = T0.plus(Duration.ofDays(40)).plus(Duration.ofMinutes(1));
            assertThat(store.trend(null, from, to)).as("the trend " + when).isEqualTo(Reference.trend(c, null, from, to));
            assertThat(store.metrics(null, from, to)).as("the metrics " + when)
                    .isEqualTo(Reference.metrics(c, null, from, to));
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof Number num && !(v instanceof Double) ? num.longValue() : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Gives run {@code id} to a process that is gone. */
    private static void orphan(Path db, String id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET owner_pid = ? WHERE id = ?")) {
            ps.setLong(1, Integer.MAX_VALUE - 7L);
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** A run with a mix of outcomes, fixes, model use and patterns. */
    private static RunSummary run(int i, Instant at, Random random) {
        String target = TARGETS.get(random.nextInt(TARGETS.size()));
        int failed = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        List<TestResult> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean fails = t < failed;
            results.add(new TestResult("api/test-" + t, "api", "Test " + t, "spec.ts:" + t,
                    fails ? TestStatus.FAILED : random.nextInt(10) == 0 ? TestStatus.FLAKY : TestStatus.PASSED, 40,
                    fails ? "Error: boom " + t : null, null, 0, List.of()));
        }
        List<FailureGroup> groups = new ArrayList<>();
        List<ActionRecord> actions = new ArrayList<>();
        for (int g = 0; g < failed; g++) {
            String fp = "fp-" + random.nextInt(5);
            if (groups.stream().anyMatch(x -> x.fingerprint().equals(fp))) {
                continue;
            }
            groups.add(new FailureGroup(fp, new Classification("pattern-" + random.nextInt(4), "p", Category.NETWORK,
                    Severity.HIGH, FixClass.A, "restart-backend"), List.of(results.get(g)), "Error: boom", null));
            boolean applied = random.nextBoolean();
            actions.add(new ActionRecord(fp, random.nextBoolean() ? "restart-backend" : "clear-cache", FixClass.A,
                    applied ? Decision.AUTO : Decision.DRY_RUN, applied, applied && random.nextBoolean(),
                    applied && random.nextBoolean(), "m", 100));
        }
        int passed = 8 - failed;
        double score = passed * 100.0 / 8;
        HealthStatus status = failed == 0 ? HealthStatus.HEALTHY : score >= 80 ? HealthStatus.DEGRADED
                : HealthStatus.FAILING;
        LlmUsage llm = failed == 0 ? LlmUsage.none() : new LlmUsage(random.nextBoolean() ? "ollama" : "anthropic",
                "m", failed, 0, 100 * failed, 10 * failed, 50, 0, null);
        return new RunSummary(String.format(Locale.ROOT, "run-%05d", i), target, List.of("api"), false, at,
                at.plusSeconds(60), status, status, score, 8, passed, failed, 0, results, groups, actions, llm,
                Map.of(), random.nextInt(9) == 0);   // now and then a cancelled run, which no trend counts
    }

    /** Trends and metrics computed straight from the runs, the way the store did before it kept rollups. */
    private static final class Reference {

        static List<HistoryQueries.TrendPoint> trend(Connection c, String target, Instant from, Instant to)
                throws SQLException {
            Map<LocalDate, long[]> days = days(c, target, from, to);
            List<HistoryQueries.TrendPoint> points = new ArrayList<>();
            days.forEach((day, d) -> points.add(new HistoryQueries.TrendPoint(day, (int) d[0],
                    d[1] == 0 ? 0 : d[2] * 100.0 / d[1], d[0] == 0 ? 0 : d[3] / 100.0 / d[0],
                    d[9] == 0 ? -1 : d[10] / d[9], (int) d[7], (int) d[8], (int) d[4], (int) d[5], d[6])));
            return points;
        }

        static HistoryQueries.Metrics metrics(Connection c, String target, Instant from, Instant to)
                throws SQLException {
            Map<LocalDate, long[]> days = days(c, target, from, to);
            long runs = 0, tests = 0, passed = 0, attempted = 0, succeeded = 0, recoveries = 0, ms = 0;
            for (long[] d : days.values()) {
                runs += d[0];
                tests += d[1];
                passed += d[2];
                attempted += d[7];
                succeeded += d[8];
                recoveries += d[9];
                ms += d[10];
            }
            String where = where(target, "");
            Map<String, HistoryQueries.LlmUse> llm = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT coalesce(llm_provider, 'none'), sum(llm_calls), sum(llm_prompt_tokens + llm_completion_tokens)
                    FROM runs WHERE %s AND llm_calls > 0 GROUP BY 1 ORDER BY 2 DESC""".formatted(where))) {
                bind(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        llm.put(rs.getString(1), new HistoryQueries.LlmUse(rs.getInt(2), rs.getLong(3)));
                    }
                }
            }
            Map<String, Integer> patterns = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.pattern_id, count(*) FROM failures f JOIN runs r ON r.id = f.run_id
                    WHERE %s GROUP BY f.pattern_id ORDER BY 2 DESC, 1 LIMIT 10""".formatted(where(target, "r.")))) {
                bind(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        patterns.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            int calls = llm.values().stream().mapToInt(HistoryQueries.LlmUse::calls).sum();
            return new HistoryQueries.Metrics((int) runs, tests, tests == 0 ? 0 : passed * 100.0 / tests,
                    (int) attempted, (int) succeeded, attempted == 0 ? 0 : succeeded * 100.0 / attempted,
                    recoveries == 0 ? -1 : ms / recoveries, runs == 0 ? 0 : calls / (double) runs, llm, patterns);
        }

        private static String where(String target, String alias) {
            return (alias + "started_at >= ? AND " + alias + "started_at < ? AND " + alias + "state <> 'running' AND "
                    + alias + "cancelled = 0")
                    + (target == null ? "" : " AND " + alias + "target = ?");
        }

        private static void bind(PreparedStatement ps, Instant from, Instant to, String target) throws SQLException {
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            if (target != null) {
                ps.setString(3, target);
            }
        }

        /**
         * Every recovery, walking each target's finished runs that were not cancelled in order of start (then id):
         * rows of run id, target, healed at, start of the streak; by run id.
         */
        static List<List<Object>> recoveries(Connection c) throws SQLException {
            TreeMap<String, List<Object>> out = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT target, started_at, status, id FROM runs WHERE state = 'finished' AND cancelled = 0
                    ORDER BY target, started_at, id""")) {
                String current = null;
                long streakStart = -1;
                while (rs.next()) {
                    String t = rs.getString(1);
                    long at = rs.getLong(2);
                    boolean healthy = "healthy".equals(rs.getString(3));
                    if (!t.equals(current)) {
                        current = t;
                        streakStart = -1;
                    }
                    if (!healthy) {
                        if (streakStart < 0) {
                            streakStart = at;
                        }
                    } else if (streakStart >= 0) {
                        out.put(rs.getString(4), List.of(rs.getString(4), t, at, streakStart));
                        streakStart = -1;
                    }
                }
            }
            return new ArrayList<>(out.values());
        }

        private static Map<LocalDate, long[]> days(Connection c, String target, Instant from, Instant to)
                throws SQLException {
            Map<LocalDate, long[]> days = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT started_at / 86400000 AS day, count(*), sum(tests_run), sum(tests_passed),
                      sum(health_score), sum(flaky), sum(llm_calls), sum(llm_prompt_tokens + llm_completion_tokens)
                    FROM runs WHERE %s GROUP BY day""".formatted(where(target, "")))) {
                bind(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] d = days.computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), k -> new long[11]);
                        d[0] = rs.getLong(2);
                        d[1] = rs.getLong(3);
                        d[2] = rs.getLong(4);
                        d[3] = Math.round(rs.getDouble(5) * 100);
                        d[4] = rs.getLong(6);
                        d[5] = rs.getLong(7);
                        d[6] = rs.getLong(8);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT r.started_at / 86400000 AS day, sum(a.applied), sum(a.applied AND a.success)
                    FROM actions a JOIN runs r ON r.id = a.run_id WHERE %s GROUP BY day""".formatted(
                    where(target, "r.")))) {
                bind(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] d = days.computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), k -> new long[11]);
                        d[7] = rs.getLong(2);
                        d[8] = rs.getLong(3);
                    }
                }
            }
            // recoveries: per target, a healthy run after finished runs that were not healthy, however long ago
            // the first of them was
            for (List<Object> r : recoveries(c)) {
                long healed = (Long) r.get(2);
                if ((target == null || target.equals(r.get(1))) && healed >= from.toEpochMilli()
                        && healed < to.toEpochMilli()) {
                    long[] d = days.computeIfAbsent(LocalDate.ofEpochDay(healed / 86_400_000L), k -> new long[11]);
                    d[9]++;
                    d[10] += healed - (Long) r.get(3);
                }
            }
            return days;
        }
    }
}
