package dev.healdesk.core.history;

import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.HealthStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is stored of single runs and fingerprints: a run's row, tests, failure groups and actions, a fingerprint's
 * counts, the flip rates of tests, the fix that last healed a fingerprint. On the read connection.
 */
final class RunReads {

    /** The columns {@link #runRow} maps, in its order. */
    static final String RUN_COLUMNS = """
            id, target, projects, dry_run, started_at, finished_at, status, initial_status, health_score,
              tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder, state, suite_error, faults, machine,
              operator, origin, heartbeat_at, interrupted_why""";

    private final Sql sql;

    RunReads(Sql reader) {
        this.sql = reader;
    }

    /**
     * {@link #runRow} as a row mapper. The reads a short CLI command makes (the runs list, one run's row, tests,
     * failures, actions and first pass) bind with {@link Sql#text} and map with named classes, not lambdas: each
     * lambda's call site is linked afresh in every process (docs/benchmarks, CLI start, tenth pass).
     */
    static final Sql.RowMapper<RunRow> RUN_ROW = new Sql.RowMapper<>() {
        @Override
        public RunRow map(ResultSet rs) throws SQLException {
            return runRow(rs);
        }
    };

    static RunRow runRow(ResultSet rs) throws SQLException {
        return new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                HealthStatus.fromId(rs.getString(7)), HealthStatus.fromId(rs.getString(8)), rs.getDouble(9),
                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14) == 1, rs.getString(15),
                rs.getString(16), rs.getString(17), faults(rs.getString(18)), rs.getString(19), rs.getString(20),
                rs.getString(21), heartbeatAt(rs.getLong(22), rs.wasNull()), rs.getString(23));
    }

    private static Instant heartbeatAt(long millis, boolean none) {
        return none ? null : Instant.ofEpochMilli(millis);
    }

    /** The faults column read back (see {@code RunWrites.faults}). */
    static List<String> faults(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        // a loop, not a stream: every run listed goes through here, in a short command's process
        List<String> out = new java.util.ArrayList<>();
        for (String f : column.split(",")) {
            String fault = f.strip();
            if (!fault.isEmpty()) {
                out.add(fault);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    Optional<RunRow> find(String runId) {
        return sql.one("read run " + runId, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?",
                Sql.text(runId), RUN_ROW);
    }

    int count() {
        return (int) sql.number("count runs", "SELECT count(*) FROM runs", Sql.Binder.NONE);
    }

    /** The counts of a run's first pass: its stored results are those of the first pass. */
    RunOutcome.Pass firstPass(String runId) {
        int[] n = new int[4];
        sql.query("read the first pass of run " + runId,
                "SELECT status, count(*) FROM test_results WHERE run_id = ? GROUP BY status",
                Sql.text(runId), new Sql.RowMapper<Void>() {
                    @Override
                    public Void map(ResultSet rs) throws SQLException {
                        int i = switch (rs.getString(1)) {
                            case "passed" -> 0;
                            case "flaky" -> 2;
                            case "skipped" -> 3;
                            default -> 1;
                        };
                        n[i] += rs.getInt(2);
                        return null;
                    }
                });
        return new RunOutcome.Pass(n[0], n[1], n[2], n[3]);
    }

    List<StoredTest> tests(String runId) {
        return sql.query("read the tests of run " + runId, """
                SELECT run_id, test_id, project, title, status, duration_ms, error_message, fingerprint
                FROM test_results WHERE run_id = ? ORDER BY rowid""", Sql.text(runId), new Sql.RowMapper<>() {
                    @Override
                    public StoredTest map(ResultSet rs) throws SQLException {
                        return new StoredTest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8));
                    }
                });
    }

    List<StoredFailure> failures(String runId) {
        return sql.query("read the failures of run " + runId, """
                SELECT run_id, fingerprint, category, severity, fix_class, pattern_id, playbook, count, message
                FROM failures WHERE run_id = ? ORDER BY rowid""", Sql.text(runId), new Sql.RowMapper<>() {
                    @Override
                    public StoredFailure map(ResultSet rs) throws SQLException {
                        return new StoredFailure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9));
                    }
                });
    }

    List<HistoryStore.ActionRecordRow> actions(String runId) {
        return sql.query("read the actions of run " + runId, """
                SELECT fingerprint, playbook, fix_class, decision, applied, success, verified, message, duration_ms
                FROM actions WHERE run_id = ? ORDER BY seq""", Sql.text(runId), new Sql.RowMapper<>() {
                    @Override
                    public HistoryStore.ActionRecordRow map(ResultSet rs) throws SQLException {
                        return new HistoryStore.ActionRecordRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getInt(7) == 1,
                                rs.getString(8), rs.getLong(9));
                    }
                });
    }

    Optional<FingerprintRow> fingerprint(String fingerprint) {
        return sql.one("read fingerprint " + fingerprint, """
                SELECT fingerprint, category, pattern_id, message, first_seen, last_seen, occurrences
                FROM fingerprints WHERE fingerprint = ?""", ps -> ps.setString(1, fingerprint),
                RunReads::fingerprintRow);
    }

    static FingerprintRow fingerprintRow(ResultSet rs) throws SQLException {
        return new FingerprintRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7));
    }

    /**
     * See {@link HistoryStore#flipRates}. The target's {@link #RECENT_RUNS} most recent runs answer for every test that
     * ran in {@link FlipRate#WINDOW} of them (a run's tests, nearly always); a test that ran fewer times lately is read
     * from its whole history. So a report of a run reads a few runs' results, not every result its tests ever had.
     */
    Map<String, FlipRate> flipRates(String target, Collection<String> testIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(testIds));
        String what = "read the flip rates of " + ids.size() + " test(s) of " + target;
        Map<String, List<FlipRate.Seen>> statuses = new TreeMap<>();
        // named classes and loops, not lambdas and streams: a report reads these once in a short process
        sql.inTransaction(what, new Sql.Work<Void>() {
            @Override
            public Void run() throws SQLException {
                statuses(what, RECENT, target, ids, statuses);
                long runs = sql.number(what, "SELECT count(*) FROM (SELECT 1 FROM runs WHERE target = ? LIMIT ?) few",
                        new Sql.Binder() {
                            @Override
                            public void bind(PreparedStatement ps) throws SQLException {
                                ps.setString(1, target);
                                ps.setInt(2, RECENT_RUNS + 1);
                            }
                        });
                if (runs > RECENT_RUNS) {
                    List<String> rare = new ArrayList<>();
                    for (String id : ids) {
                        if (statuses.getOrDefault(id, List.of()).size() < FlipRate.WINDOW) {
                            rare.add(id);
                        }
                    }
                    for (String id : rare) {
                        statuses.remove(id);
                    }
                    statuses(what, WHOLE, target, rare, statuses);
                }
                return null;
            }
        });
        Map<String, FlipRate> rates = new LinkedHashMap<>();
        for (Map.Entry<String, List<FlipRate.Seen>> e : statuses.entrySet()) {
            rates.put(e.getKey(), FlipRate.ofSeen(e.getKey(), e.getValue()));
        }
        return rates;
    }

    /** How many of a target's most recent runs are read first for flip rates. */
    private static final int RECENT_RUNS = 3 * FlipRate.WINDOW;

    /**
     * Each test's statuses in its {@link FlipRate#WINDOW} most recent runs among {@code w} (oldest first), with whether
     * the operator had a fault switched on in that run.
     */
    private static final String FLIPS = """
            SELECT test_id, status, faults FROM (
              SELECT t.test_id, t.status, w.started_at, w.id, w.faults,
                     ROW_NUMBER() OVER (PARTITION BY t.test_id ORDER BY w.started_at DESC, w.id DESC) AS n
              FROM %s
              WHERE t.run_id = w.id AND t.test_id IN (%%s)) ranked
            WHERE n <= ? ORDER BY test_id, started_at, id""";

    /**
     * Among the target's newest runs. CROSS JOIN keeps those few runs the outer loop in SQLite (which reorders any other
     * join), so that their results are found by run, not every result of the tests by test id.
     */
    private static final String RECENT = flips("""
            (SELECT id, started_at, faults FROM runs WHERE target = ? ORDER BY started_at DESC, id DESC LIMIT\s"""
            + RECENT_RUNS + """
            ) w
                CROSS JOIN test_results t""");

    private static final String WHOLE = flips("runs w JOIN test_results t ON t.run_id = w.id AND w.target = ?");

    /**
     * {@link #FLIPS} over {@code from}, its {@code %%s} left for the ids. Written out rather than with a {@code Formatter}:
     * this runs when a history is first read, and a {@code %d} there sets up the JDK's locale data on the main thread of
     * a short command ({@code history}, {@code report}).
     */
    private static String flips(String from) {
        int at = FLIPS.indexOf("%s");
        return (FLIPS.substring(0, at) + from + FLIPS.substring(at + 2)).replace("%%", "%");
    }

    private void statuses(String what, String query, String target, List<String> ids,
                          Map<String, List<FlipRate.Seen>> into) {
        int chunk = 500;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            String marks = String.join(",", Collections.nCopies(part.size(), "?"));
            // the query's one %s (flips above) replaced, as String.formatted did, without a Formatter's parse
            int at = query.indexOf("%s");
            sql.query(what, query.substring(0, at) + marks + query.substring(at + 2), new Sql.Binder() {
                @Override
                public void bind(PreparedStatement ps) throws SQLException {
                    int i = 1;
                    ps.setString(i++, target);
                    for (String id : part) {
                        ps.setString(i++, id);
                    }
                    ps.setInt(i, FlipRate.WINDOW);
                }
            }, new Sql.RowMapper<Boolean>() {
                @Override
                public Boolean map(ResultSet rs) throws SQLException {
                    List<FlipRate.Seen> seen = into.get(rs.getString(1));
                    if (seen == null) {
                        seen = new ArrayList<>();
                        into.put(rs.getString(1), seen);
                    }
                    return seen.add(new FlipRate.Seen(TestStatus.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)
                            .replace('-', '_')), !faults(rs.getString(3)).isEmpty()));
                }
            });
        }
    }

    Optional<HistoryStore.WorkingFix> lastWorkingFix(String fingerprint) {
        return sql.one("read the fixes of " + fingerprint, """
                SELECT a.playbook, r.started_at FROM actions a JOIN runs r ON r.id = a.run_id
                WHERE a.fingerprint = ? AND a.applied = 1 AND a.success = 1 AND a.verified = 1
                ORDER BY r.started_at DESC LIMIT 1""", ps -> ps.setString(1, fingerprint),
                rs -> new HistoryStore.WorkingFix(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
    }
}
