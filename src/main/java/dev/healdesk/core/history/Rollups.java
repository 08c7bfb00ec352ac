package dev.healdesk.core.history;

import dev.healdesk.core.run.ActionRecord;

import java.time.Instant;
import java.util.List;

/**
 * The rollups that spare a year of trends and metrics reading every run, kept in step as runs are written: per UTC day
 * of a run's start and target, the counts a trend shows ({@code run_days}), the model calls by provider
 * ({@code llm_days}) and the failure groups by pattern ({@code pattern_days}); per fingerprint, the last verified fix
 * ({@code fingerprints.last_fix_*}); per target, each recovery (a healthy run after runs that were not, with the start
 * of that streak: {@code recoveries}, schema version 9), the mean time to recovery's rows. A run counts once it is not {@code running} any more, unless it was cancelled (left out of trends by default): when it is stored whole and
 * when it is marked interrupted; the retention's deletes take it out again. Schema version 5 made them and filled them
 * from the runs already stored.
 * <p>
 * Every change of a counted run goes through here, inside the transaction that changes the run (on the write
 * connection); {@code HistoryRollupTest} checks the rollups against the runs after each kind of write.
 */
final class Rollups {

    static final long DAY_MS = 86_400_000L;

    /** Adds the runs {@code where} selects (a condition on {@code runs}, with its parameters) to the day rollups. */
    private static final String ADD_RUN_DAYS = """
            INSERT INTO run_days (day, target, runs, tests_run, tests_passed, health_score, flaky, llm_calls, llm_tokens,
              fixes_applied, fixes_succeeded)
            SELECT started_at / 86400000, target, count(*), sum(tests_run), sum(tests_passed), sum(health_score),
              sum(flaky), sum(llm_calls), sum(llm_prompt_tokens + llm_completion_tokens),
              coalesce(sum((SELECT sum(a.applied) FROM actions a WHERE a.run_id = runs.id)), 0),
              coalesce(sum((SELECT sum(a.applied * a.success) FROM actions a WHERE a.run_id = runs.id)), 0)
            FROM runs WHERE %s GROUP BY started_at / 86400000, target
            ON CONFLICT (day, target) DO UPDATE SET runs = run_days.runs + excluded.runs,
              tests_run = run_days.tests_run + excluded.tests_run,
              tests_passed = run_days.tests_passed + excluded.tests_passed,
              health_score = run_days.health_score + excluded.health_score,
              flaky = run_days.flaky + excluded.flaky,
              llm_calls = run_days.llm_calls + excluded.llm_calls,
              llm_tokens = run_days.llm_tokens + excluded.llm_tokens,
              fixes_applied = run_days.fixes_applied + excluded.fixes_applied,
              fixes_succeeded = run_days.fixes_succeeded + excluded.fixes_succeeded""";

    private static final String ADD_LLM_DAYS = """
            INSERT INTO llm_days (day, target, provider, calls, tokens)
            SELECT started_at / 86400000, target, coalesce(llm_provider, 'none'), sum(llm_calls),
              sum(llm_prompt_tokens + llm_completion_tokens)
            FROM runs WHERE %s AND llm_calls > 0
            GROUP BY started_at / 86400000, target, coalesce(llm_provider, 'none')
            ON CONFLICT (day, target, provider) DO UPDATE SET calls = llm_days.calls + excluded.calls,
              tokens = llm_days.tokens + excluded.tokens""";

    private static final String ADD_PATTERN_DAYS = """
            INSERT INTO pattern_days (day, target, pattern_id, failure_groups)
            SELECT runs.started_at / 86400000, runs.target, f.pattern_id, count(*)
            FROM failures f JOIN runs ON runs.id = f.run_id WHERE %s
            GROUP BY runs.started_at / 86400000, runs.target, f.pattern_id
            ON CONFLICT (day, target, pattern_id) DO UPDATE SET
              failure_groups = pattern_days.failure_groups + excluded.failure_groups""";

    /** The last verified fix of a fingerprint, from the actions still stored. */
    private static final String LAST_FIX = """
            UPDATE fingerprints SET
              last_fix_at = (SELECT max(r.started_at) FROM actions a JOIN runs r ON r.id = a.run_id
                             WHERE a.fingerprint = fingerprints.fingerprint AND a.verified = 1),
              last_fix_playbook = (SELECT a.playbook FROM actions a JOIN runs r ON r.id = a.run_id
                                   WHERE a.fingerprint = fingerprints.fingerprint AND a.verified = 1
                                   ORDER BY r.started_at DESC LIMIT 1)
            WHERE %s""";

    /**
     * The recoveries among the runs {@code %s} selects (a condition on {@code runs}, with its parameters): per target,
     * in order of start (then id), each healthy run that follows one or more runs that were not healthy, with the
     * start of the first of them. Only finished runs that were not cancelled count. The runs where health changes
     * are the edges; a healthy edge's previous edge is the start of its streak.
     */
    private static final String ADD_RECOVERIES = """
            INSERT INTO recoveries (run_id, target, healed_at, streak_start)
            SELECT id, target, started_at, streak_start FROM (
              SELECT id, target, started_at, healthy,
                     LAG(started_at) OVER (PARTITION BY target ORDER BY started_at, id) AS streak_start
              FROM (
                SELECT id, target, started_at, healthy,
                       LAG(healthy) OVER (PARTITION BY target ORDER BY started_at, id) AS was_healthy
                FROM (SELECT id, target, started_at, CASE WHEN status = 'healthy' THEN 1 ELSE 0 END AS healthy
                      FROM runs WHERE state = 'finished' AND cancelled = 0 AND %s) counted
              ) marked
              WHERE was_healthy IS NULL OR healthy <> was_healthy
            ) edges
            WHERE healthy = 1 AND streak_start IS NOT NULL""";

    /** A counted healthy run of a target (its start and id), the nearest before or after a place in its order. */
    private static final String HEALTHY_NEIGHBOUR = """
            SELECT started_at, id FROM runs
            WHERE target = ? AND state = 'finished' AND cancelled = 0 AND status = 'healthy'
              AND started_at %1$s= ? AND (started_at, id) %1$s (?, ?)
            ORDER BY started_at %2$s, id %2$s LIMIT 1""";

    /** A place in a target's runs, in the order recoveries are counted: by start, then id. */
    private record Place(long at, String id) {
        static final Place FIRST = new Place(Long.MIN_VALUE, "");
        static final Place LAST = new Place(Long.MAX_VALUE, "");
    }

    private final Sql sql;

    Rollups(Sql writer) {
        this.sql = writer;
    }

    /** Counts run {@code runId}, which has just stopped running (stored whole, or marked interrupted). */
    void addRun(String what, String runId) {
        Sql.Binder id = ps -> ps.setString(1, runId);
        sql.update(what, ADD_RUN_DAYS.formatted("id = ? AND cancelled = 0"), id);
        sql.update(what, ADD_LLM_DAYS.formatted("id = ? AND cancelled = 0"), id);
        sql.update(what, ADD_PATTERN_DAYS.formatted("runs.id = ? AND runs.cancelled = 0"), id);
        sql.one(what, "SELECT target, started_at FROM runs WHERE id = ? AND state = 'finished' AND cancelled = 0",
                id, rs -> new Object[]{rs.getString(1), rs.getLong(2)}).ifPresent(run ->
                recountRecoveries(what, (String) run[0], new Place((Long) run[1], runId)));
    }

    /**
     * Counts again the recoveries of {@code target} that a run at {@code place} can change (one added there, or the
     * runs before it deleted): those after the last healthy run before it, up to the first healthy run after it. The
     * healthy run before it ends every streak that began earlier, so the runs between the two are all it takes.
     */
    private void recountRecoveries(String what, String target, Place place) {
        Place after = neighbour(what, target, place, "<", "DESC").orElse(Place.FIRST);
        Place upTo = neighbour(what, target, place, ">", "ASC").orElse(Place.LAST);
        sql.update(what, """
                DELETE FROM recoveries WHERE target = ? AND healed_at >= ? AND healed_at <= ?
                  AND (healed_at, run_id) > (?, ?) AND (healed_at, run_id) <= (?, ?)""", ps -> {
            ps.setString(1, target);
            ps.setLong(2, after.at());
            ps.setLong(3, upTo.at());
            ps.setLong(4, after.at());
            ps.setString(5, after.id());
            ps.setLong(6, upTo.at());
            ps.setString(7, upTo.id());
        });
        // the healthy run `after`, first of these runs, starts no recovery of its own
        sql.update(what, ADD_RECOVERIES.formatted("""
                target = ? AND started_at >= ? AND started_at <= ? AND (started_at, id) >= (?, ?)
                  AND (started_at, id) <= (?, ?)"""), ps -> {
            ps.setString(1, target);
            ps.setLong(2, after.at());
            ps.setLong(3, upTo.at());
            ps.setLong(4, after.at());
            ps.setString(5, after.id());
            ps.setLong(6, upTo.at());
            ps.setString(7, upTo.id());
        });
    }

    private java.util.Optional<Place> neighbour(String what, String target, Place place, String side, String order) {
        return sql.one(what, HEALTHY_NEIGHBOUR.formatted(side, order), ps -> {
            ps.setString(1, target);
            ps.setLong(2, place.at());
            ps.setLong(3, place.at());
            ps.setString(4, place.id());
        }, rs -> new Place(rs.getLong(1), rs.getString(2)));
    }

    /**
     * Counts again the day and target of a run that started at {@code startedAtMillis} on {@code target}, from the
     * runs left: after a counted run of that day was deleted (an interrupted row replaced by its whole run). An
     * interrupted run is never in the recoveries (they count finished runs), so they stay as they are.
     */
    void recountDay(String what, long startedAtMillis, String target) {
        long day = Math.floorDiv(startedAtMillis, DAY_MS);
        Sql.Binder dayAndTarget = ps -> {
            ps.setLong(1, day);
            ps.setString(2, target);
        };
        for (String table : List.of("run_days", "llm_days", "pattern_days")) {
            sql.update(what, "DELETE FROM " + table + " WHERE day = ? AND target = ?", dayAndTarget);
        }
        Sql.Binder runsOfDay = ps -> {
            ps.setLong(1, day * DAY_MS);
            ps.setLong(2, (day + 1) * DAY_MS);
            ps.setString(3, target);
        };
        sql.update(what, ADD_RUN_DAYS.formatted("started_at >= ? AND started_at < ? AND target = ?"
                + " AND state <> 'running' AND cancelled = 0"), runsOfDay);
        sql.update(what, ADD_LLM_DAYS.formatted("started_at >= ? AND started_at < ? AND target = ?"
                + " AND state <> 'running' AND cancelled = 0"), runsOfDay);
        sql.update(what, ADD_PATTERN_DAYS.formatted("runs.started_at >= ? AND runs.started_at < ? AND runs.target = ?"
                + " AND runs.state <> 'running' AND runs.cancelled = 0"), runsOfDay);
    }

    /** Records the verified fixes among {@code actions} of a run that started at {@code startedAt}. */
    void addFixes(String what, List<ActionRecord> actions, Instant startedAt) {
        long at = startedAt.toEpochMilli();
        List<ActionRecord> verified = actions.stream().filter(a -> a.verified() && a.fingerprint() != null).toList();
        sql.batch(what, """
                UPDATE fingerprints SET last_fix_playbook = ?, last_fix_at = ?
                WHERE fingerprint = ? AND (last_fix_at IS NULL OR last_fix_at <= ?)""", verified, (ps, a) -> {
            ps.setString(1, a.playbook());
            ps.setLong(2, at);
            ps.setString(3, a.fingerprint());
            ps.setLong(4, at);
        });
    }

    /**
     * Brings the rollups in step after the runs that started before {@code cutoff} (and were not running) were
     * deleted: the days up to the cutoff's are counted again from the runs left, the fingerprints whose last fix
     * went with them find their previous one, and the recoveries whose streak began before it are counted again.
     */
    void afterDeleteBefore(String what, Instant cutoff) {
        recountDaysBefore(what, cutoff);
        // a recovery whose streak began before the cutoff now begins at the first of its runs left, or is gone
        List<String> targets = sql.query(what, "SELECT DISTINCT target FROM recoveries WHERE streak_start < ?",
                ps -> ps.setLong(1, cutoff.toEpochMilli()), rs -> rs.getString(1));
        for (String target : targets) {
            recountRecoveries(what, target, new Place(cutoff.toEpochMilli(), ""));
        }
    }

    /** The days up to the cutoff's counted again from the runs; the last fixes that went with them found again. */
    private void recountDaysBefore(String what, Instant cutoff) {
        long cutoffDay = Math.floorDiv(cutoff.toEpochMilli(), DAY_MS);
        Sql.Binder day = ps -> ps.setLong(1, cutoffDay);
        Sql.Binder upTo = ps -> ps.setLong(1, (cutoffDay + 1) * DAY_MS);
        for (String table : List.of("run_days", "llm_days", "pattern_days")) {
            sql.update(what, "DELETE FROM " + table + " WHERE day <= ?", day);
        }
        sql.update(what, ADD_RUN_DAYS.formatted("started_at < ? AND state <> 'running' AND cancelled = 0"), upTo);
        sql.update(what, ADD_LLM_DAYS.formatted("started_at < ? AND state <> 'running' AND cancelled = 0"), upTo);
        sql.update(what, ADD_PATTERN_DAYS.formatted("runs.started_at < ? AND runs.state <> 'running' AND runs.cancelled = 0"), upTo);
        sql.update(what, LAST_FIX.formatted("last_fix_at < ?"), ps -> ps.setLong(1, cutoff.toEpochMilli()));
    }

    /** Finds again the last verified fix of the fingerprints {@code where} selects (a condition on fingerprints). */
    void refreshLastFix(String what, String where, Sql.Binder binder) {
        sql.update(what, LAST_FIX.formatted(where), binder);
    }

    /**
     * Counts every day and every recovery again from the runs and finds every fingerprint's last fix: for a migration
     * that rewrites what they are counted from.
     */
    void rebuild(String what) {
        rebuildDays(what);
        sql.update(what, "DELETE FROM recoveries", Sql.Binder.NONE);
        sql.update(what, ADD_RECOVERIES.formatted("1 = 1"), Sql.Binder.NONE);
    }

    /**
     * {@link #rebuild} but the recoveries: what the migrations that recompute the fingerprints (versions 7 and 8)
     * count again after merging the groups that now share one (the recoveries came with version 9, whose migration
     * counts them; a fingerprint changes no run's health).
     */
    void rebuildDays(String what) {
        recountDaysBefore(what, Instant.ofEpochMilli(Long.MAX_VALUE / 2));
        sql.update(what, LAST_FIX.formatted("1 = 1"), Sql.Binder.NONE);
    }
}
