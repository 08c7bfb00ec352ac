package dev.healdesk.core.history;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.HealthScore;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that writes a run: its row when it starts, its results as they finish, the whole run when it ends (with
 * its failure groups, actions and the fingerprints' counts), the end of a run that broke or whose process died, and
 * the retention's deletes; and keeps the {@link Rollups} in step, in the same transactions. On the write connection
 * only.
 */
final class RunWrites {

    private final Sql sql;
    private final Rollups rollups;
    private final Provenance provenance;

    /** @param provenance who and where this process records its runs as */
    RunWrites(Sql writer, Provenance provenance) {
        this.sql = writer;
        this.rollups = new Rollups(writer);
        this.provenance = provenance;
    }

    void saveRun(RunSummary run, Path runFolder) {
        String what = "store run " + run.runId();
        sql.inTransaction(what, () -> {
            // the row and results written while the run went on (beginRun, appendResult) give way to the whole run
            sql.update(what, "DELETE FROM runs WHERE id = ? AND state = 'running'", ps -> ps.setString(1, run.runId()));
            // so does the row of a run another store gave up on (no sign of life for too long: a laptop asleep, a
            // network gone) whose process came back and finished it; the days it was counted in are counted again
            sql.one(what, "SELECT started_at, target FROM runs WHERE id = ? AND state = 'interrupted'"
                    + " AND interrupted_why IS NOT NULL", ps -> ps.setString(1, run.runId()),
                    rs -> new Object[]{rs.getLong(1), rs.getString(2)}).ifPresent(given -> {
                        sql.update(what, "DELETE FROM runs WHERE id = ?", ps -> ps.setString(1, run.runId()));
                        rollups.recountDay(what, (Long) given[0], (String) given[1]);
                    });
            insertWhole(what, run, runFolder);
            sql.notifyRunsChanged(what, run.runId());
            return null;
        });
    }

    void saveRuns(List<RunSummary> runs) {
        String what = "store " + runs.size() + " runs";
        sql.inTransaction(what, () -> {
            for (RunSummary run : runs) {
                insertWhole(what, run, null);
            }
            if (!runs.isEmpty()) {
                sql.notifyRunsChanged(what, null);
            }
            return null;
        });
    }

    /** The run's row, results, failure groups and actions (inside the caller's transaction). */
    private void insertWhole(String what, RunSummary run, Path runFolder) {
        insertRun(what, run, runFolder);
        insertResults(what, run);
        insertFailures(what, run);
        insertIncidents(what, run);
        insertActions(what, run);
        rollups.addFixes(what, run.actions(), run.startedAt());
        rollups.addRun(what, run.runId());
    }

    /** The run's incidents, and on each failure group the incident it belongs to. */
    private void insertIncidents(String what, RunSummary run) {
        sql.batch(what, """
                INSERT INTO incidents (run_id, id, title, category, severity, fix_class, pattern_ids,
                  playbook, fingerprints, tests, class_evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT (run_id, id) DO UPDATE SET title = excluded.title, category = excluded.category,
                  severity = excluded.severity, fix_class = excluded.fix_class, pattern_ids = excluded.pattern_ids,
                  playbook = excluded.playbook, fingerprints = excluded.fingerprints, tests = excluded.tests,
                  class_evidence = excluded.class_evidence""", run.incidents(),
                (ps, i) -> {
                    ps.setString(1, run.runId());
                    ps.setString(2, i.id());
                    ps.setString(3, i.title());
                    ps.setString(4, i.category().id());
                    ps.setString(5, i.severity().id());
                    ps.setString(6, i.fixClass().name());
                    ps.setString(7, String.join(",", i.patternIds()));
                    ps.setString(8, i.playbook());
                    ps.setString(9, String.join(",", i.fingerprints()));
                    ps.setString(10, String.join("\n", i.tests()));
                    ps.setString(11, i.classEvidence());
                });
        List<String[]> links = new ArrayList<>();
        for (Incident i : run.incidents()) {
            for (String fp : i.fingerprints()) {
                links.add(new String[] {i.id(), fp});
            }
        }
        sql.batch(what, "UPDATE failures SET incident_id = ? WHERE run_id = ? AND fingerprint = ?", links, (ps, l) -> {
            ps.setString(1, l[0]);
            ps.setString(2, run.runId());
            ps.setString(3, l[1]);
        });
    }

    void beginRun(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                  Path runFolder, java.util.Collection<String> faults) {
        String what = "record the start of run " + runId;
        sql.update(what, """
                INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,
                  health_score, tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder, state, owner_pid,
                  faults, machine, operator, origin, heartbeat_at)
                VALUES (?,?,?,?,?,?,'failing','failing',0,0,0,0,0,0,?,'running',?,?,?,?,?,?)""", ps -> {
            ps.setString(1, runId);
            ps.setString(2, target);
            ps.setString(3, String.join(",", projects));
            ps.setInt(4, dryRun ? 1 : 0);
            ps.setLong(5, startedAt.toEpochMilli());
            ps.setLong(6, startedAt.toEpochMilli());
            ps.setString(7, runFolder == null ? null : runFolder.toString());
            ps.setLong(8, ProcessHandle.current().pid());
            ps.setString(9, faults(faults));
            ps.setString(10, provenance.machine());
            ps.setString(11, provenance.operator());
            ps.setString(12, provenance.origin().id());
            ps.setLong(13, System.currentTimeMillis());
        });
        // after the commit: a listener told of it reads the row (on SQLite a no-op, the data version says it)
        sql.notifyRunsChanged(what, runId);
    }

    void appendResult(String runId, TestResult r) {
        String what = "record a result of run " + runId;
        sql.update(what, """
                INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,
                  error_message, fingerprint) VALUES (?,?,?,?,?,?,?,?,?)""", ps -> bindResult(ps, runId, r, null));
        sql.notifyRunsChanged(what, runId);
    }

    /**
     * Says that the runs {@code runIds}, running in this process, are alive at {@code now} (each its own statement: a
     * heartbeat holds no lock for long). A run another store has meanwhile marked interrupted is left as it is.
     */
    void heartbeat(java.util.Collection<String> runIds, Instant now) {
        sql.batch("record that runs in progress are alive", "UPDATE runs SET heartbeat_at = ? WHERE id = ?"
                + " AND state = 'running'", List.copyOf(runIds), (ps, id) -> {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, id);
        });
    }

    /**
     * The runs still {@code running} whose last sign of life (heartbeat, else start) is older than {@code silence}
     * before {@code now}, whatever machine runs them: read outside a transaction, so that a store that finds none
     * (nearly always) takes no write lock.
     */
    private List<String[]> silent(String what, Instant now, java.time.Duration silence) {
        return sql.query(what, "SELECT id, machine, coalesce(heartbeat_at, started_at) FROM runs"
                + " WHERE state = 'running' AND coalesce(heartbeat_at, started_at) < ?",
                ps -> ps.setLong(1, now.minus(silence).toEpochMilli()), rs -> new String[]{rs.getString(1),
                        silenceWhy(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))});
    }

    /** "no sign of life from build-box since 2026-12-05T08:00:00Z" */
    static String silenceWhy(String machine, Instant last) {
        return "no sign of life from " + (machine == null || machine.isBlank() ? "its machine" : machine) + " since "
                + last.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * Marks {@code interrupted} every run that has given no sign of life for longer than {@code silence} (see
     * {@link #silent}), saying so; what {@link HistoryStore}'s heartbeat does in every store between opens. Returns
     * the ids marked.
     */
    List<String> markSilent(Instant now, java.time.Duration silence) {
        String what = "mark silent runs interrupted";
        List<String[]> found = silent(what, now, silence);
        if (found.isEmpty()) {
            return List.of();
        }
        return sql.inTransaction(what, () -> {
            List<String> marked = new ArrayList<>();
            for (String[] run : silent(what, now, silence)) {
                if (interrupt(what, run[0], run[1])) {
                    marked.add(run[0]);
                }
            }
            if (!marked.isEmpty()) {
                sql.notifyRunsChanged(what, null);
            }
            return marked;
        });
    }

    List<String> markInterrupted(Instant now, java.time.Duration silence) {
        String what = "mark interrupted runs";
        // every open asks; nearly every time no run is in progress: one read then, not a write transaction (which
        // takes the file's write lock). A run that starts after this read is alive and has just spoken: not one to
        // mark. "state <> 'finished'" names the partial index runs_unfinished (SQLite would otherwise scan runs)
        if (sql.number(what, "SELECT count(*) FROM (SELECT 1 FROM runs WHERE state <> 'finished'"
                + " AND state = 'running' LIMIT 1) AS r", Sql.Binder.NONE) == 0) {
            return List.of();
        }
        return sql.inTransaction(what, () -> {
            List<String> marked = new ArrayList<>();
            // any machine's run silent for too long: on a shared history the machine may never come back
            for (String[] run : silent(what, now, silence)) {
                if (interrupt(what, run[0], run[1])) {
                    marked.add(run[0]);
                }
            }
            // only this machine's: a process id says nothing of another machine's processes (a shared history)
            List<String> orphans = sql.query(what, "SELECT id, owner_pid FROM runs WHERE state = 'running'"
                    + " AND (machine IS NULL OR machine = ?)", ps -> ps.setString(1, provenance.machine()), rs -> {
                        long pid = rs.getLong(2);
                        boolean alive = !rs.wasNull()
                                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                        return alive ? null : rs.getString(1);
                    });
            for (String id : orphans) {
                if (id != null && interrupt(what, id, null)) {
                    marked.add(id);
                }
            }
            if (!marked.isEmpty()) {
                sql.notifyRunsChanged(what, null);
            }
            return marked;
        });
    }

    void abandonRun(String runId) {
        String what = "close the record of run " + runId;
        sql.inTransaction(what, () -> {
            long results = sql.number(what, "SELECT count(*) FROM test_results WHERE run_id = ?",
                    ps -> ps.setString(1, runId));
            if (results > 0) {
                interrupt(what, runId, null);
            } else {
                sql.update(what, "DELETE FROM runs WHERE id = ? AND state = 'running'", ps -> ps.setString(1, runId));
            }
            sql.notifyRunsChanged(what, runId);
            return null;
        });
    }

    /**
     * Turns a {@code running} row into an {@code interrupted} one with the counts and score of the results it kept;
     * {@code why} is said when another store gives up on it (no sign of life), null when its process is known gone.
     */
    private boolean interrupt(String what, String id, String why) {
        int changed = sql.update(what, """
                UPDATE runs SET state = 'interrupted', owner_pid = NULL, interrupted_why = ?,
                  tests_run = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id),
                  tests_passed = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id
                                  AND t.status IN ('passed', 'flaky')),
                  tests_failed = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id
                                  AND t.status IN ('failed', 'timed-out')),
                  flaky = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id AND t.status = 'flaky')
                WHERE id = ? AND state = 'running'""", ps -> {
            ps.setString(1, why);
            ps.setString(2, id);
        });
        if (changed != 1) {
            return false;
        }
        // An interrupted run is never healthy (it did not finish): degraded at best, by the results it kept; skipped
        // tests are not counted in its score.
        sql.update(what, """
                UPDATE runs SET health_score = CASE WHEN tests_passed + tests_failed = 0 THEN 0
                  ELSE round(tests_passed * 10000.0 / (tests_passed + tests_failed)) / 100.0 END,
                  status = CASE WHEN tests_passed + tests_failed > 0
                                 AND tests_passed * 100.0 / (tests_passed + tests_failed) >= ?
                                THEN 'degraded' ELSE 'failing' END,
                  initial_status = CASE WHEN tests_passed + tests_failed > 0
                                 AND tests_passed * 100.0 / (tests_passed + tests_failed) >= ?
                                THEN 'degraded' ELSE 'failing' END
                WHERE id = ?""", ps -> {
            ps.setDouble(1, HealthScore.FAILING_BELOW);
            ps.setDouble(2, HealthScore.FAILING_BELOW);
            ps.setString(3, id);
        });
        insertActionsFromAudit(what, id);
        rollups.addRun(what, id);
        return true;
    }

    /**
     * The actions of a run that never finished, from its audit trail: every proposal with what became of it so far
     * (decided, applied, verified, rolled back), so that its reports show what was done to the target.
     */
    private void insertActionsFromAudit(String what, String runId) {
        if (sql.number(what, "SELECT count(*) FROM actions WHERE run_id = ?", ps -> ps.setString(1, runId)) > 0) {
            return;
        }
        Map<String, HistoryStore.ActionRecordRow> byProposal = new java.util.LinkedHashMap<>();
        sql.query(what, "SELECT stage, fingerprint, playbook, outcome, detail FROM audit WHERE run_id = ? ORDER BY id",
                ps -> ps.setString(1, runId), rs -> {
                    String stage = rs.getString(1);
                    String key = rs.getString(2) + "\u0000" + rs.getString(3);
                    String outcome = rs.getString(4);
                    HistoryStore.ActionRecordRow was = byProposal.get(key);
                    if (was == null) {
                        was = new HistoryStore.ActionRecordRow(rs.getString(2), rs.getString(3),
                                fixClassOf(rs.getString(5)), "skipped", false, false, false,
                                "interrupted before a decision", 0);
                    }
                    byProposal.put(key, next(was, stage, outcome));
                    return null;
                });
        List<HistoryStore.ActionRecordRow> actions = List.copyOf(byProposal.values());
        int[] seq = {0};
        sql.batch(what, """
                INSERT INTO actions (run_id, seq, fingerprint, playbook, fix_class, decision, applied, success, verified,
                  message, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)""", actions, (ps, a) -> {
            ps.setString(1, runId);
            ps.setInt(2, seq[0]++);
            ps.setString(3, a.fingerprint());
            ps.setString(4, a.playbook());
            ps.setString(5, a.fixClass());
            ps.setString(6, a.decision());
            ps.setInt(7, a.applied() ? 1 : 0);
            ps.setInt(8, a.success() ? 1 : 0);
            ps.setInt(9, a.verified() ? 1 : 0);
            ps.setString(10, a.message());
            ps.setLong(11, a.durationMs());
        });
    }

    /** A proposal after one more line of its audit trail. */
    private static HistoryStore.ActionRecordRow next(HistoryStore.ActionRecordRow was, String stage, String outcome) {
        boolean ok = "ok".equals(outcome);
        return switch (stage) {
            case "decided" -> new HistoryStore.ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                    outcome == null ? was.decision() : outcome, false, false, false, "interrupted after the decision", 0);
            case "applied" -> new HistoryStore.ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                    was.decision(), ok, false, false, ok ? "interrupted after it was applied, before it was verified"
                    : "applying it failed, then the run was interrupted", 0);
            case "verified" -> new HistoryStore.ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                    was.decision(), true, ok, ok, ok ? "verified, then the run was interrupted"
                    : "did not verify, then the run was interrupted", 0);
            case "rolled-back" -> new HistoryStore.ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                    was.decision(), true, false, false, ok ? "did not verify; rolled back: then the run was interrupted"
                    : "did not verify; not rolled back: then the run was interrupted", 0);
            default -> was;
        };
    }

    /** The fix class a proposal's audit line names ("PROPOSE p (class A) for f"); C, which asks a person, if none. */
    private static String fixClassOf(String detail) {
        if (detail != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(class ([ABC])\\)").matcher(detail);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "C";
    }

    int deleteRunsBefore(Instant cutoff) {
        String what = "delete runs older than " + cutoff;
        long at = cutoff.toEpochMilli();
        return sql.inTransaction(what, () -> {
            sql.update(what, """
                    DELETE FROM audit WHERE run_id IN (SELECT id FROM runs WHERE started_at < ? AND state <> 'running')""",
                    ps -> ps.setLong(1, at));
            int deleted = sql.update(what, "DELETE FROM runs WHERE started_at < ? AND state <> 'running'",
                    ps -> ps.setLong(1, at));
            rollups.afterDeleteBefore(what, cutoff);
            if (deleted > 0) {
                sql.notifyRunsChanged(what, null);
            }
            return deleted;
        });
    }

    private void insertRun(String what, RunSummary run, Path runFolder) {
        sql.update(what, """
                INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,
                  health_score, tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder,
                  llm_provider, llm_model, llm_calls, llm_cache_hits, llm_prompt_tokens, llm_completion_tokens,
                  llm_latency_ms, llm_errors, suite_error, faults, machine, operator, origin)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", ps -> {
            int i = 1;
            ps.setString(i++, run.runId());
            ps.setString(i++, run.target());
            ps.setString(i++, String.join(",", run.projects()));
            ps.setInt(i++, run.dryRun() ? 1 : 0);
            ps.setLong(i++, run.startedAt().toEpochMilli());
            ps.setLong(i++, run.finishedAt().toEpochMilli());
            ps.setString(i++, run.status().id());
            ps.setString(i++, run.initialStatus().id());
            ps.setDouble(i++, run.healthScore());
            ps.setInt(i++, run.testsRun());
            ps.setInt(i++, run.testsPassed());
            ps.setInt(i++, run.testsFailed());
            ps.setInt(i++, run.flaky());
            ps.setInt(i++, run.cancelled() ? 1 : 0);
            ps.setString(i++, runFolder == null ? null : runFolder.toString());
            ps.setString(i++, run.llm().provider());
            ps.setString(i++, run.llm().model());
            ps.setInt(i++, run.llm().calls());
            ps.setInt(i++, run.llm().cacheHits());
            ps.setInt(i++, run.llm().promptTokens());
            ps.setInt(i++, run.llm().completionTokens());
            ps.setLong(i++, run.llm().latencyMs());
            ps.setInt(i++, run.llm().errors());
            ps.setString(i++, run.suiteError());
            ps.setString(i++, faults(run.faults()));
            ps.setString(i++, provenance.machine());
            ps.setString(i++, provenance.operator());
            ps.setString(i, provenance.origin().id());
        });
    }

    /** The faults column: the ids sorted and comma-separated, NULL when none was on. */
    static String faults(java.util.Collection<String> ids) {
        return ids == null || ids.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(ids));
    }

    private void insertResults(String what, RunSummary run) {
        Map<String, String> fingerprintOfTest = new HashMap<>();
        for (FailureGroup g : run.failures()) {
            for (TestResult t : g.tests()) {
                fingerprintOfTest.put(t.id(), g.fingerprint());
            }
        }
        sql.batch(what, """
                INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,
                  error_message, fingerprint) VALUES (?,?,?,?,?,?,?,?,?)""", run.results(),
                (ps, r) -> bindResult(ps, run.runId(), r, fingerprintOfTest.get(r.id())));
    }

    private void insertFailures(String what, RunSummary run) {
        long seen = run.startedAt().toEpochMilli();
        sql.batch(what, """
                INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id, playbook,
                  count, message) VALUES (?,?,?,?,?,?,?,?,?)""", run.failures(), (ps, g) -> {
            ps.setString(1, run.runId());
            ps.setString(2, g.fingerprint());
            ps.setString(3, g.category().id());
            ps.setString(4, g.severity().id());
            ps.setString(5, g.fixClass().name());
            ps.setString(6, g.classification().patternId());
            ps.setString(7, g.classification().playbook());
            ps.setInt(8, g.count());
            ps.setString(9, g.message());
        });
        // in one order for every writer, so that two runs counting the same fingerprints at once never wait on each
        // other crosswise (on PostgreSQL a deadlock, which costs a retry)
        List<FailureGroup> byFingerprint = run.failures().stream()
                .sorted(java.util.Comparator.comparing(FailureGroup::fingerprint)).toList();
        Dialect d = sql.dialect();
        sql.batch(what, """
                INSERT INTO fingerprints (fingerprint, category, pattern_id, message, first_seen, last_seen,
                  occurrences) VALUES (?,?,?,?,?,?,?)
                ON CONFLICT(fingerprint) DO UPDATE SET
                  first_seen = %s,
                  last_seen = %s,
                  occurrences = fingerprints.occurrences + excluded.occurrences""".formatted(
                d.least("fingerprints.first_seen", "excluded.first_seen"),
                d.greatest("fingerprints.last_seen", "excluded.last_seen")), byFingerprint, (ps, g) -> {
            ps.setString(1, g.fingerprint());
            ps.setString(2, g.category().id());
            ps.setString(3, g.classification().patternId());
            ps.setString(4, g.message());
            ps.setLong(5, seen);
            ps.setLong(6, seen);
            ps.setLong(7, g.count());
        });
    }

    private void insertActions(String what, RunSummary run) {
        List<ActionRecord> actions = run.actions();
        List<Integer> seqs = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            seqs.add(i);
        }
        sql.batch(what, """
                INSERT INTO actions (run_id, seq, fingerprint, playbook, fix_class, decision, applied, success,
                  verified, message, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)""", seqs, (ps, seq) -> {
            ActionRecord a = actions.get(seq);
            ps.setString(1, run.runId());
            ps.setInt(2, seq);
            ps.setString(3, a.fingerprint());
            ps.setString(4, a.playbook());
            ps.setString(5, a.fixClass().name());
            ps.setString(6, a.decision().id());
            ps.setInt(7, a.applied() ? 1 : 0);
            ps.setInt(8, a.success() ? 1 : 0);
            ps.setInt(9, a.verified() ? 1 : 0);
            ps.setString(10, a.message());
            ps.setLong(11, a.durationMs());
        });
    }

    /** One row of test_results: a result as it arrives has no fingerprint yet (null); a stored run's has. */
    private static void bindResult(java.sql.PreparedStatement ps, String runId, TestResult r, String fingerprint)
            throws java.sql.SQLException {
        ps.setString(1, runId);
        ps.setString(2, r.id());
        ps.setString(3, r.project());
        ps.setString(4, r.title());
        ps.setString(5, r.status().id());
        ps.setLong(6, r.durationMs());
        ps.setInt(7, r.retry());
        ps.setString(8, r.errorMessage());
        ps.setString(9, fingerprint);
    }
}
