package dev.healdesk.core.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the history answers beyond single runs, the queries of the History screen, {@code healdesk history} and the
 * reports: the runs list with its filters, trends, metrics, recurring failures, comparisons; and the shapes of
 * those answers (the records below, which callers use). On the read connection; a query of several statements reads
 * one snapshot.
 */
public final class HistoryQueries {

    private final Sql sql;
    private final FailureTextSearch search;

    HistoryQueries(Sql reader) {
        this.sql = reader;
        this.search = new FailureTextSearch(reader);
    }

    /**
     * Which runs a list shows; every field may be null (no restriction).
     *
     * @param status  a run's state: healthy, healed, degraded, failing, cancelled, interrupted, running or suite-error
     * @param from    started at or after
     * @param to      started before
     * @param project ran this project
     * @param target  the target's name
     * @param text    a test id or a failure message containing this text
     * @param operator who recorded it (a team's shared history)
     * @param machine the host name of the machine that recorded it
     */
    public record RunFilter(String status, Instant from, Instant to, String project, String target, String text,
                            String operator, String machine) {
        public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null);

        /** Any operator, any machine. */
        public RunFilter(String status, Instant from, Instant to, String project, String target, String text) {
            this(status, from, to, project, target, text, null, null);
        }
    }

    /**
     * What the runs list's filters offer: the targets, projects, operators and machines runs were recorded for,
     * sorted (runs stored before schema 11 have no operator or machine).
     */
    public record Choices(List<String> targets, List<String> projects, List<String> operators,
                          List<String> machines) {
    }

    /**
     * One day of a trend (UTC days).
     *
     * @param passRate        passed / run over the day's tests, 0..100
     * @param healthScore     the mean health score of the day's runs
     * @param timeToHealthyMs mean time from a run that failed to the next healthy run of its target, over the
     *                        recoveries that ended this day; -1 when none did
     * @param fixesAttempted  playbooks applied
     * @param fixesSucceeded  of those, verified (or submitted for review, for class B and C)
     */
    public record TrendPoint(LocalDate day, int runs, double passRate, double healthScore, long timeToHealthyMs,
                             int fixesAttempted, int fixesSucceeded, int flaky, int llmCalls, long llmTokens) {
        public double fixSuccessRate() {
            return fixesAttempted == 0 ? 0 : fixesSucceeded * 100.0 / fixesAttempted;
        }
    }

    /**
     * The seeds' metrics over a period.
     *
     * @param passRate             tests passed / tests run, 0..100
     * @param autoFixSuccessRate   fixes successful / fixes attempted, 0..100 (0 when none was attempted)
     * @param meanTimeToRecoveryMs mean time from a failing run to the next healthy run of the same target; -1 when
     *                             no recovery happened in the period
     * @param llmCallsPerRun       model calls per run
     * @param llmByProvider        calls and tokens by provider
     * @param topPatterns          the most common failure patterns: pattern id → failure groups
     */
    public record Metrics(int runs, long testsRun, double passRate, int fixesAttempted, int fixesSucceeded,
                          double autoFixSuccessRate, long meanTimeToRecoveryMs, double llmCallsPerRun,
                          Map<String, LlmUse> llmByProvider, Map<String, Integer> topPatterns) {
    }

    public record LlmUse(int calls, long tokens) {
    }

    /** A fingerprint that keeps coming back, with the last fix that healed it (null when none did). */
    public record Recurring(FingerprintRow fingerprint, String lastWorkingFix, Instant lastWorkingFixAt) {
    }

    /** One run in which a fingerprint failed: how many tests, and what was done about it. */
    public record Occurrence(String runId, Instant startedAt, String target, int count, String playbook,
                             String decision, boolean verified) {
    }

    /**
     * Two runs side by side, by test id.
     *
     * @param newFailures   fail in the later run, did not in the earlier (or were not run)
     * @param fixed         failed in the earlier run, pass in the later
     * @param stillFailing  fail in both, for the same reason (the same fingerprint, or one run did not triage it)
     * @param newReason     fail in both, but for another reason now: the later failure has another fingerprint
     */
    public record Comparison(String earlierRunId, String laterRunId, List<String> newFailures, List<String> fixed,
                             List<String> stillFailing, List<String> newReason) {

        public Comparison {
            newFailures = List.copyOf(newFailures);
            fixed = List.copyOf(fixed);
            stillFailing = List.copyOf(stillFailing);
            newReason = newReason == null ? List.of() : List.copyOf(newReason);
        }

        /** Two runs with no test failing for a new reason. */
        public Comparison(String earlierRunId, String laterRunId, List<String> newFailures, List<String> fixed,
                          List<String> stillFailing) {
            this(earlierRunId, laterRunId, newFailures, fixed, stillFailing, List.of());
        }
    }

    // ------------------------------------------------------------------------------------------------- the runs list

    /** See {@link HistoryStore#listRuns(RunFilter, int, int)}. */
    List<RunRow> listRuns(RunFilter filter, int limit, int offset) {
        List<Object> args = new ArrayList<>();
        String query = "SELECT " + RunReads.RUN_COLUMNS + " FROM runs WHERE" + where(filter, args, true)
                + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        // a named binder and mapper, not lambdas: history's and report's one query of the list in a short process
        return sql.query("list runs", query, new Sql.Binder() {
            @Override
            public void bind(PreparedStatement ps) throws SQLException {
                HistoryQueries.bind(ps, args);
            }
        }, RunReads.RUN_ROW);
    }

    /** See {@link HistoryStore#countRuns(RunFilter)}. */
    int countRuns(RunFilter filter) {
        List<Object> args = new ArrayList<>();
        return (int) sql.number("count runs", "SELECT count(*) FROM runs WHERE" + where(filter, args, false),
                ps -> bind(ps, args));
    }

    /**
     * The WHERE clause of {@code filter} over the runs table (" 1 = 1 AND …"); its values are added to {@code args}.
     * {@code page}: for a page of runs newest first, else for a count.
     */
    private String where(RunFilter filter, List<Object> args, boolean page) {
        String like = this.sql.dialect().like();
        StringBuilder sql = new StringBuilder(" 1 = 1");
        if (filter.status() != null) {
            // The states every screen tells (RunOutcome.State): the lifecycle first, then the final health.
            String ended = " AND state = 'finished' AND cancelled = 0 AND suite_error IS NULL";
            switch (filter.status()) {
                // the second term lets SQLite take the partial index of unfinished runs (runs_unfinished)
                case RunRow.INTERRUPTED -> sql.append(" AND state = 'interrupted' AND state <> 'finished'");
                case RunRow.RUNNING -> sql.append(" AND state = 'running'");
                case "cancelled" -> sql.append(" AND cancelled = 1 AND state = 'finished'");
                case "suite-error" -> sql.append(" AND suite_error IS NOT NULL");
                case "healed" -> sql.append(ended).append(" AND status = 'healthy' AND initial_status <> 'healthy'");
                case "healthy" -> sql.append(ended).append(" AND status = 'healthy' AND initial_status = 'healthy'");
                default -> {
                    sql.append(ended).append(" AND status = ?");
                    args.add(filter.status());
                }
            }
        }
        if (filter.from() != null) {
            sql.append(" AND started_at >= ?");
            args.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            sql.append(" AND started_at < ?");
            args.add(filter.to().toEpochMilli());
        }
        if (filter.target() != null) {
            sql.append(" AND target = ?");
            args.add(filter.target());
        }
        if (filter.operator() != null) {
            sql.append(" AND operator = ?");
            args.add(filter.operator());
        }
        if (filter.machine() != null) {
            sql.append(" AND machine = ?");
            args.add(filter.machine());
        }
        if (filter.project() != null) {
            sql.append(" AND (',' || projects || ',') " + like + " ? ESCAPE '\\'");
            args.add("%," + Sql.likeLiteral(filter.project()) + ",%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND ").append(search.condition(filter.text().trim(), args, page));
        }
        return sql.toString();
    }

    /**
     * See {@link HistoryStore#choices()}. Each list is read by a walk over its index, one step per distinct value
     * (the least value after the last one found; the projects of each target in turn), not by reading every run: a history holds a handful of targets,
     * operators and machines and 100,000 runs, and PostgreSQL reads a whole index for {@code DISTINCT}.
     */
    Choices choices() {
        TreeSet<String> targets = new TreeSet<>();
        TreeSet<String> projects = new TreeSet<>();
        sql.query("list the targets and projects", """
                WITH RECURSIVE targets(target) AS (
                  SELECT min(target) FROM runs
                  UNION ALL
                  SELECT (SELECT min(r.target) FROM runs r WHERE r.target > targets.target) FROM targets
                  WHERE targets.target IS NOT NULL),
                scope(target, projects) AS (
                  SELECT targets.target, (SELECT min(r.projects) FROM runs r WHERE r.target = targets.target)
                  FROM targets WHERE targets.target IS NOT NULL
                  UNION ALL
                  SELECT scope.target, (SELECT min(r.projects) FROM runs r
                                        WHERE r.target = scope.target AND r.projects > scope.projects)
                  FROM scope WHERE scope.projects IS NOT NULL)
                SELECT target, projects FROM scope WHERE projects IS NOT NULL""", Sql.Binder.NONE,
                rs -> {
                    targets.add(rs.getString(1));
                    String p = rs.getString(2);
                    if (p != null) {
                        for (String one : p.split(",")) {
                            if (!one.isBlank()) {
                                projects.add(one.trim());
                            }
                        }
                    }
                    return null;
                });
        // one walk each, so that each reads its own index (runs_operator, runs_machine)
        return new Choices(List.copyOf(targets), List.copyOf(projects), distinct("operator"), distinct("machine"));
    }

    /** The distinct non-null values of a column of runs that leads an index, in order, one index step each. */
    private List<String> distinct(String column) {
        return sql.query("list the " + column + "s", """
                WITH RECURSIVE seen(v) AS (
                  SELECT min(%1$s) FROM runs
                  UNION ALL
                  SELECT (SELECT min(r.%1$s) FROM runs r WHERE r.%1$s > seen.v) FROM seen WHERE seen.v IS NOT NULL)
                SELECT v FROM seen WHERE v IS NOT NULL""".formatted(column), Sql.Binder.NONE, rs -> rs.getString(1));
    }

    // ---------------------------------------------------------------------------------------------- trends, metrics

    /**
     * {@code [from, to)} as the whole UTC days {@code [firstDay, endDay)}, read from the rollups, and the parts of a day
     * at either end, {@code [leftFrom, leftTo)} and {@code [rightFrom, rightTo)} (epoch ms), read from the runs.
     */
    private record Span(long firstDay, long endDay, long leftFrom, long leftTo, long rightFrom, long rightTo) {
        static Span of(Instant from, Instant to) {
            long f = from.toEpochMilli();
            long t = to.toEpochMilli();
            long first = -Math.floorDiv(-f, Rollups.DAY_MS);
            long end = Math.floorDiv(t, Rollups.DAY_MS);
            if (first >= end) {
                return new Span(0, 0, f, Math.max(f, t), t, t);   // no whole day: all of it from the runs
            }
            return new Span(first, end, f, first * Rollups.DAY_MS, end * Rollups.DAY_MS, t);
        }

        /** The parameters of a query of the form (rollup part, left part, right part), each with the target if any. */
        List<Object> args(String target) {
            List<Object> args = new ArrayList<>();
            for (long[] range : new long[][]{{firstDay, endDay}, {leftFrom, leftTo}, {rightFrom, rightTo}}) {
                args.add(range[0]);
                args.add(range[1]);
                if (target != null) {
                    args.add(target);
                }
            }
            return args;
        }
    }

    /** The day rollup's rows of whole days, and the same figures of each run in the partial days at either end. */
    private static final String DAYS = """
            SELECT day, sum(runs), sum(tests_run), sum(tests_passed), sum(health_score), sum(flaky), sum(llm_calls),
              sum(llm_tokens), sum(fixes_applied), sum(fixes_succeeded)
            FROM (
              SELECT day, runs, tests_run, tests_passed, health_score, flaky, llm_calls, llm_tokens, fixes_applied,
                fixes_succeeded
              FROM run_days WHERE day >= ? AND day < ?%1$s
              UNION ALL %2$s
              UNION ALL %2$s) days
            GROUP BY day""";

    private static final String DAYS_OF_RUNS = """
            SELECT started_at / 86400000, 1, tests_run, tests_passed, health_score, flaky, llm_calls,
                llm_prompt_tokens + llm_completion_tokens,
                coalesce((SELECT sum(a.applied) FROM actions a WHERE a.run_id = runs.id), 0),
                coalesce((SELECT sum(a.applied * a.success) FROM actions a WHERE a.run_id = runs.id), 0)
              FROM runs WHERE started_at >= ? AND started_at < ? AND state <> 'running' AND cancelled = 0%1$s""";

    private static final String LLM = """
            SELECT provider, sum(calls), sum(tokens)
            FROM (
              SELECT provider, calls, tokens FROM llm_days WHERE day >= ? AND day < ?%1$s
              UNION ALL %2$s
              UNION ALL %2$s) llm
            GROUP BY provider ORDER BY 2 DESC""";

    private static final String LLM_OF_RUNS = """
            SELECT coalesce(llm_provider, 'none'), llm_calls, llm_prompt_tokens + llm_completion_tokens
              FROM runs WHERE started_at >= ? AND started_at < ? AND state <> 'running' AND cancelled = 0
                AND llm_calls > 0%1$s""";

    private static final String PATTERNS = """
            SELECT pattern_id, sum(failure_groups)
            FROM (
              SELECT pattern_id, failure_groups FROM pattern_days WHERE day >= ? AND day < ?%1$s
              UNION ALL %2$s
              UNION ALL %2$s) patterns
            GROUP BY pattern_id ORDER BY 2 DESC, 1 LIMIT 10""";

    private static final String PATTERNS_OF_RUNS = """
            SELECT f.pattern_id, 1 FROM failures f JOIN runs r ON r.id = f.run_id
              WHERE r.started_at >= ? AND r.started_at < ? AND r.state <> 'running' AND r.cancelled = 0%1$s""";

    /** One of the queries above for {@code target} (null: all targets). */
    private static String overSpan(String query, String ofRuns, String targetColumn, String target) {
        String rollupTarget = target == null ? "" : " AND target = ?";
        String runsTarget = target == null ? "" : " AND " + targetColumn + " = ?";
        return query.formatted(rollupTarget, ofRuns.formatted(runsTarget));
    }

    /**
     * The recoveries that ended in {@code [from, to)}, by UTC day: how many, and the sum of their times from the first
     * run of the streak that was not healthy to the healthy one. From the recoveries rollup ({@link Rollups}), which
     * knows each streak's start however long before {@code from} it was.
     */
    private static final String RECOVERIES = """
            SELECT healed_at / 86400000, count(*), sum(healed_at - streak_start)
            FROM recoveries WHERE healed_at >= ? AND healed_at < ?%s
            GROUP BY healed_at / 86400000""";

    /** See {@link HistoryStore#trend}. */
    List<TrendPoint> trend(String target, Instant from, Instant to) {
        String what = "read the trend from " + from + " to " + to;
        return sql.inTransaction(what, () -> points(days(what, target, from, to)));
    }

    /**
     * Per UTC day: runs, tests, passed, score sum ×100, flaky, llm calls, llm tokens, fixes, fixed, recoveries, ms to
     * healthy summed.
     */
    private Map<LocalDate, long[]> days(String what, String target, Instant from, Instant to) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        List<Object> args = Span.of(from, to).args(target);
        sql.query(what, overSpan(DAYS, DAYS_OF_RUNS, "target", target), ps -> bind(ps, args), rs -> {
            long[] d = days.computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), k -> new long[11]);
            d[0] = rs.getLong(2);
            d[1] = rs.getLong(3);
            d[2] = rs.getLong(4);
            d[3] = Math.round(rs.getDouble(5) * 100);
            d[4] = rs.getLong(6);
            d[5] = rs.getLong(7);
            d[6] = rs.getLong(8);
            d[7] = rs.getLong(9);
            d[8] = rs.getLong(10);
            return null;
        });
        sql.query(what, RECOVERIES.formatted(target == null ? "" : " AND target = ?"), ps -> {
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            if (target != null) {
                ps.setString(3, target);
            }
        }, rs -> {
            long[] d = days.computeIfAbsent(LocalDate.ofEpochDay(rs.getLong(1)), k -> new long[11]);
            d[9] = rs.getLong(2);
            d[10] = rs.getLong(3);
            return null;
        });
        return days;
    }

    private static List<TrendPoint> points(Map<LocalDate, long[]> days) {
        List<TrendPoint> points = new ArrayList<>();
        days.forEach((day, d) -> points.add(new TrendPoint(day, (int) d[0],
                d[1] == 0 ? 0 : d[2] * 100.0 / d[1], d[0] == 0 ? 0 : d[3] / 100.0 / d[0],
                d[9] == 0 ? -1 : d[10] / d[9], (int) d[7], (int) d[8], (int) d[4], (int) d[5], d[6])));
        return points;
    }

    /** See {@link HistoryStore#metrics}. */
    Metrics metrics(String target, Instant from, Instant to) {
        String what = "compute the metrics from " + from + " to " + to;
        return sql.inTransaction(what, () -> {
            Collection<long[]> days = days(what, target, from, to).values();
            int runs = (int) days.stream().mapToLong(d -> d[0]).sum();
            long tests = days.stream().mapToLong(d -> d[1]).sum();
            long passed = days.stream().mapToLong(d -> d[2]).sum();
            int attempted = (int) days.stream().mapToLong(d -> d[7]).sum();
            int succeeded = (int) days.stream().mapToLong(d -> d[8]).sum();
            long recoveries = days.stream().mapToLong(d -> d[9]).sum();
            long recoveryMs = days.stream().mapToLong(d -> d[10]).sum();
            List<Object> args = Span.of(from, to).args(target);
            Map<String, LlmUse> byProvider = new LinkedHashMap<>();
            sql.query(what, overSpan(LLM, LLM_OF_RUNS, "target", target), ps -> bind(ps, args),
                    rs -> byProvider.put(rs.getString(1), new LlmUse(rs.getInt(2), rs.getLong(3))));
            Map<String, Integer> patterns = new LinkedHashMap<>();
            sql.query(what, overSpan(PATTERNS, PATTERNS_OF_RUNS, "r.target", target), ps -> bind(ps, args),
                    rs -> patterns.put(rs.getString(1), rs.getInt(2)));
            int calls = byProvider.values().stream().mapToInt(LlmUse::calls).sum();
            return new Metrics(runs, tests, tests == 0 ? 0 : passed * 100.0 / tests, attempted, succeeded,
                    attempted == 0 ? 0 : succeeded * 100.0 / attempted, recoveries == 0 ? -1 : recoveryMs / recoveries,
                    runs == 0 ? 0 : calls / (double) runs, byProvider, patterns);
        });
    }

    // ------------------------------------------------------------------------------------------- recurring failures

    private static final String INCIDENT_COLUMNS = "i.id, i.title, i.category, i.severity, i.fix_class, "
            + "i.pattern_ids, i.playbook, i.fingerprints, i.tests, i.class_evidence";

    private static StoredIncident incident(java.sql.ResultSet rs, int runs, long lastSeen) throws java.sql.SQLException {
        return new StoredIncident(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), split(rs.getString(6), ","), rs.getString(7), split(rs.getString(8), ","),
                split(rs.getString(9), "\n"), rs.getString(10), runs, Instant.ofEpochMilli(lastSeen));
    }

    private static List<String> split(String s, String sep) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(java.util.regex.Pattern.quote(sep)));
    }

    /** See {@link HistoryStore#incidentsOf}. */
    List<StoredIncident> incidentsOf(String runId) {
        return sql.query("read the incidents of run " + runId, "SELECT " + INCIDENT_COLUMNS
                + ", r.started_at FROM incidents i JOIN runs r ON r.id = i.run_id WHERE i.run_id = ?"
                + " ORDER BY length(i.tests) - length(replace(i.tests, ?, '')) DESC, i.id",
                ps -> {
                    ps.setString(1, runId);
                    ps.setString(2, "\n");
                }, rs -> incident(rs, 1, rs.getLong(11)));
    }

    /** See {@link HistoryStore#topIncidents}. */
    List<StoredIncident> topIncidents(int limit) {
        if (sql.dialect() == Dialect.POSTGRESQL) {
            // SQLite takes the other columns from the row of max(started_at); PostgreSQL asks for that row by name
            return sql.query("read the recurring incidents", "SELECT " + INCIDENT_COLUMNS + ", c.runs, c.last"
                    + " FROM (SELECT i.id, count(*) AS runs, max(r.started_at) AS last FROM incidents i"
                    + " JOIN runs r ON r.id = i.run_id GROUP BY i.id) c"
                    + " CROSS JOIN LATERAL (SELECT i.* FROM incidents i JOIN runs r ON r.id = i.run_id WHERE i.id = c.id"
                    + " ORDER BY r.started_at DESC, r.id DESC LIMIT 1) i"
                    + " ORDER BY c.runs DESC, c.last DESC LIMIT ?",
                    ps -> ps.setInt(1, limit), rs -> incident(rs, rs.getInt(11), rs.getLong(12)));
        }
        return sql.query("read the recurring incidents", "SELECT " + INCIDENT_COLUMNS
                + ", count(*) AS runs, max(r.started_at) AS last FROM incidents i JOIN runs r ON r.id = i.run_id"
                + " GROUP BY i.id ORDER BY runs DESC, last DESC LIMIT ?",
                ps -> ps.setInt(1, limit), rs -> incident(rs, rs.getInt(11), rs.getLong(12)));
    }

    /** See {@link HistoryStore#topFingerprints}: the last fix from the fingerprint's rollup ({@link Rollups}). */
    List<Recurring> topFingerprints(int limit) {
        return sql.query("read the recurring fingerprints", """
                SELECT fingerprint, category, pattern_id, message, first_seen, last_seen, occurrences,
                  last_fix_playbook, last_fix_at
                FROM fingerprints ORDER BY occurrences DESC, last_seen DESC LIMIT ?""",
                ps -> ps.setInt(1, limit), rs -> {
                    long fixedAt = rs.getLong(9);
                    boolean fixed = !rs.wasNull();
                    return new Recurring(RunReads.fingerprintRow(rs), rs.getString(8),
                            fixed ? Instant.ofEpochMilli(fixedAt) : null);
                });
    }

    /** See {@link HistoryStore#fingerprintHistory}. */
    List<Occurrence> fingerprintHistory(String fingerprint, int limit) {
        return sql.query("read the history of fingerprint " + fingerprint, """
                SELECT r.id, r.started_at, r.target, f.count,
                  (SELECT a.playbook FROM actions a WHERE a.run_id = f.run_id AND a.fingerprint = f.fingerprint
                   ORDER BY a.seq DESC LIMIT 1),
                  (SELECT a.decision FROM actions a WHERE a.run_id = f.run_id AND a.fingerprint = f.fingerprint
                   ORDER BY a.seq DESC LIMIT 1),
                  (SELECT max(a.verified) FROM actions a WHERE a.run_id = f.run_id AND a.fingerprint = f.fingerprint)
                FROM failures f JOIN runs r ON r.id = f.run_id
                WHERE f.fingerprint = ? ORDER BY r.started_at DESC LIMIT ?""", ps -> {
            ps.setString(1, fingerprint);
            ps.setInt(2, limit);
        }, rs -> new Occurrence(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getInt(7) == 1));
    }

    // ---------------------------------------------------------------------------------------------------- compare

    /** See {@link HistoryStore#compare}. */
    Comparison compare(String earlierRunId, String laterRunId) {
        String what = "compare runs " + earlierRunId + " and " + laterRunId;
        return sql.inTransaction(what, () -> {
            Map<String, String[]> earlierRows = statuses(what, earlierRunId);
            Map<String, String[]> laterRows = statuses(what, laterRunId);
            List<String> added = new ArrayList<>();
            List<String> fixed = new ArrayList<>();
            List<String> still = new ArrayList<>();
            List<String> newReason = new ArrayList<>();
            laterRows.forEach((id, row) -> {
                String status = row[0];
                String[] before = earlierRows.get(id);
                boolean failsNow = failing(status);
                boolean failedBefore = before != null && failing(before[0]);
                if (failsNow && failedBefore) {
                    // a login test that now fails on a changed page is not the same failure as its outage last time
                    boolean otherCause = row[1] != null && before[1] != null && !row[1].equals(before[1]);
                    (otherCause ? newReason : still).add(id);
                } else if (failsNow) {
                    added.add(id);
                } else if (failedBefore && status != null && !"skipped".equals(status)) {
                    fixed.add(id);
                }
            });
            return new Comparison(earlierRunId, laterRunId, added, fixed, still, newReason);
        });
    }

    private static boolean failing(String status) {
        return "failed".equals(status) || "timed-out".equals(status);
    }

    /**
     * Each test's status and fingerprint in {@code runId} (the last row of a test id wins, as the list shows it).
     */
    private Map<String, String[]> statuses(String what, String runId) {
        Map<String, String[]> out = new TreeMap<>();
        sql.query(what, "SELECT test_id, status, fingerprint FROM test_results WHERE run_id = ? ORDER BY rowid",
                ps -> ps.setString(1, runId), rs -> out.put(rs.getString(1),
                        new String[] {rs.getString(2), rs.getString(3)}));
        return out;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }
}
