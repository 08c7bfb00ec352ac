package dev.healdesk.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthScore;
import dev.healdesk.core.triage.HealthStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place for SQL: runs, test results, failure groups, fingerprints and playbook actions in a
 * SQLite file (WAL). The schema carries a version ({@code PRAGMA user_version}) and is migrated
 * forward step by step when an older file is opened; a file from a newer Healdesk is refused.
 * <p>
 * One connection, used under this object's lock: SQLite serialises writers anyway, and the console
 * and the run loop share one store.
 */
public final class HistoryStore implements AutoCloseable {

    /** Migration i (0-based) brings the schema from version i to i+1. Never edit one that shipped. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE runs (
                      id TEXT PRIMARY KEY,
                      target TEXT NOT NULL,
                      projects TEXT NOT NULL,
                      dry_run INTEGER NOT NULL,
                      started_at INTEGER NOT NULL,
                      finished_at INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      initial_status TEXT NOT NULL,
                      health_score REAL NOT NULL,
                      tests_run INTEGER NOT NULL,
                      tests_passed INTEGER NOT NULL,
                      tests_failed INTEGER NOT NULL,
                      flaky INTEGER NOT NULL,
                      cancelled INTEGER NOT NULL,
                      run_folder TEXT,
                      llm_provider TEXT,
                      llm_model TEXT,
                      llm_calls INTEGER NOT NULL DEFAULT 0,
                      llm_cache_hits INTEGER NOT NULL DEFAULT 0)""",
                    "CREATE INDEX runs_started ON runs(started_at DESC)",
                    """
                    CREATE TABLE test_results (
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      test_id TEXT NOT NULL,
                      project TEXT NOT NULL,
                      title TEXT NOT NULL,
                      status TEXT NOT NULL,
                      duration_ms INTEGER NOT NULL,
                      retry INTEGER NOT NULL,
                      error_message TEXT,
                      fingerprint TEXT)""",
                    "CREATE INDEX test_results_run ON test_results(run_id)",
                    "CREATE INDEX test_results_test ON test_results(test_id)",
                    """
                    CREATE TABLE failures (
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      fingerprint TEXT NOT NULL,
                      category TEXT NOT NULL,
                      severity TEXT NOT NULL,
                      fix_class TEXT NOT NULL,
                      pattern_id TEXT NOT NULL,
                      playbook TEXT,
                      count INTEGER NOT NULL,
                      message TEXT,
                      PRIMARY KEY (run_id, fingerprint))""",
                    "CREATE INDEX failures_fingerprint ON failures(fingerprint)",
                    """
                    CREATE TABLE fingerprints (
                      fingerprint TEXT PRIMARY KEY,
                      category TEXT NOT NULL,
                      pattern_id TEXT NOT NULL,
                      message TEXT,
                      first_seen INTEGER NOT NULL,
                      last_seen INTEGER NOT NULL,
                      occurrences INTEGER NOT NULL)""",
                    """
                    CREATE TABLE actions (
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      seq INTEGER NOT NULL,
                      fingerprint TEXT,
                      playbook TEXT NOT NULL,
                      fix_class TEXT NOT NULL,
                      decision TEXT NOT NULL,
                      applied INTEGER NOT NULL,
                      success INTEGER NOT NULL,
                      verified INTEGER NOT NULL,
                      message TEXT,
                      duration_ms INTEGER NOT NULL,
                      PRIMARY KEY (run_id, seq))"""
            ),
            List.of(
                    "ALTER TABLE runs ADD COLUMN llm_prompt_tokens INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE runs ADD COLUMN llm_completion_tokens INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE runs ADD COLUMN llm_latency_ms INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE runs ADD COLUMN llm_errors INTEGER NOT NULL DEFAULT 0",
                    // One diagnosis per fingerprint and model: the cache that spares a second run its LLM calls.
                    """
                    CREATE TABLE diagnoses (
                      fingerprint TEXT NOT NULL,
                      model TEXT NOT NULL,
                      provider TEXT NOT NULL,
                      pattern_id TEXT,
                      category TEXT,
                      root_cause TEXT,
                      confidence REAL NOT NULL,
                      diagnosed_category TEXT,
                      fix_class TEXT,
                      playbook TEXT,
                      explanation TEXT,
                      evidence TEXT NOT NULL,
                      malformed INTEGER NOT NULL,
                      raw_text TEXT,
                      note TEXT,
                      created_at INTEGER NOT NULL,
                      prompt_tokens INTEGER NOT NULL,
                      completion_tokens INTEGER NOT NULL,
                      latency_ms INTEGER NOT NULL,
                      PRIMARY KEY (fingerprint, model))""",
                    "CREATE INDEX diagnoses_pattern ON diagnoses(pattern_id, created_at DESC)"
            ),
            List.of(
                    // The playbook audit trail, written as it happens: no reference to runs, whose row is written
                    // only when the run finishes.
                    """
                    CREATE TABLE audit (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      run_id TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      stage TEXT NOT NULL,
                      fingerprint TEXT,
                      playbook TEXT NOT NULL,
                      actor TEXT NOT NULL,
                      outcome TEXT,
                      detail TEXT)""",
                    "CREATE INDEX audit_run ON audit(run_id, id)"
            ),
            List.of(
                    // A run's row is written when it starts and its results as they finish, so a crash keeps them;
                    // a run still 'running' when no process owns it any more was interrupted.
                    "ALTER TABLE runs ADD COLUMN state TEXT NOT NULL DEFAULT 'finished'",
                    "ALTER TABLE runs ADD COLUMN owner_pid INTEGER",
                    "CREATE INDEX runs_unfinished ON runs(state) WHERE state <> 'finished'"
            ),
            List.of(
                    // A run whose suite could not run at all (a build that does not compile) is recorded with why.
                    "ALTER TABLE runs ADD COLUMN suite_error TEXT"
            ));

    public static final int SCHEMA_VERSION = MIGRATIONS.size();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Connection connection;

    private HistoryStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database at {@code file} and migrates it to the current schema. */
    public static HistoryStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new HistoryException("Cannot create the folder for the history database " + file
                    + ": " + e.getMessage() + ". Choose another place with --db.", e);
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            HistoryStore store = new HistoryStore(file, c);
            store.migrate();
            store.markInterrupted();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new HistoryException("Cannot open the history database " + file + ": " + e.getMessage()
                    + ". If the file is not a Healdesk database, move it away or choose another with --db.", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** What {@link #inspect} found: the schema version of the file and how many runs it holds. */
    public record Inspection(int schemaVersion, long runs) {
        /** Whether the file is at this Healdesk's schema (an older one is migrated by the next open). */
        public boolean current() {
            return schemaVersion == SCHEMA_VERSION;
        }
    }

    /**
     * Reads the schema version and the number of runs of an existing database without changing it: opened read-only,
     * not migrated, no interrupted runs marked (what {@code healdesk doctor} needs, which changes nothing).
     *
     * @throws HistoryException when the file is no SQLite database, or one from a newer Healdesk; the message says
     *                          what to do
     */
    public static Inspection inspect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new HistoryException("The history database " + file + " has schema version " + version
                        + ", newer than this Healdesk understands (" + SCHEMA_VERSION
                        + "). Update Healdesk or choose another database with --db.", null);
            }
            long runs = 0;
            if (version > 0) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
                    runs = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new Inspection(version, runs);
        } catch (SQLException e) {
            throw new HistoryException("Cannot open the history database " + file + ": " + e.getMessage()
                    + ". If the file is not a Healdesk database, move it away or choose another with --db.", e);
        }
    }


    public synchronized int schemaVersion() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw fail("read the schema version", e);
        }
    }

    private synchronized void migrate() throws SQLException {
        int version = schemaVersion();
        if (version > SCHEMA_VERSION) {
            throw new HistoryException("The history database " + file + " has schema version " + version
                    + ", newer than this Healdesk understands (" + SCHEMA_VERSION
                    + "). Update Healdesk or choose another database with --db.", null);
        }
        if (version == SCHEMA_VERSION) {
            return;
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (int v = version; v < SCHEMA_VERSION; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /**
     * Stores a finished run with all its results, failure groups and actions in one transaction, and
     * updates the fingerprints' first-seen / last-seen / occurrence counts.
     */
    public synchronized void saveRun(RunSummary run, Path runFolder) {
        try {
            inTransaction(() -> {
                // the row and results written while the run went on (beginRun, appendResult) give way to the whole run
                try (PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM runs WHERE id = ? AND state = 'running'")) {
                    ps.setString(1, run.runId());
                    ps.executeUpdate();
                }
                insertWhole(run, runFolder);
                return null;
            });
        } catch (SQLException e) {
            throw fail("store run " + run.runId(), e);
        }
    }

    /**
     * Stores many finished runs in one transaction (an import, a benchmark's synthetic history): all of them or none.
     */
    public synchronized void saveRuns(List<RunSummary> runs) {
        try {
            inTransaction(() -> {
                for (RunSummary run : runs) {
                    insertWhole(run, null);
                }
                return null;
            });
        } catch (SQLException e) {
            throw fail("store " + runs.size() + " runs", e);
        }
    }

    /** The run's row, results, failure groups and actions (inside the caller's transaction). */
    private void insertWhole(RunSummary run, Path runFolder) throws SQLException {
        insertRun(run, runFolder);
        insertResults(run);
        insertFailures(run);
        insertActions(run);
    }

    /** Work against the connection that may throw what JDBC throws. */
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T value = work.run();
            connection.commit();
            return value;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /**
     * Records that a run has started, owned by this process, so that a crash leaves a trace: the row says
     * {@code running} until {@link #saveRun} replaces it, and {@link #markInterrupted} turns it into
     * {@code interrupted} once no process owns it.
     */
    public synchronized void beginRun(String runId, String target, List<String> projects, boolean dryRun,
                                      Instant startedAt, Path runFolder) {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,
                  health_score, tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder, state, owner_pid)
                VALUES (?,?,?,?,?,?,'failing','failing',0,0,0,0,0,0,?,'running',?)""")) {
            ps.setString(1, runId);
            ps.setString(2, target);
            ps.setString(3, String.join(",", projects));
            ps.setInt(4, dryRun ? 1 : 0);
            ps.setLong(5, startedAt.toEpochMilli());
            ps.setLong(6, startedAt.toEpochMilli());
            ps.setString(7, runFolder == null ? null : runFolder.toString());
            ps.setLong(8, ProcessHandle.current().pid());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record the start of run " + runId, e);
        }
    }

    /** Keeps one result of a run in progress at once (its own transaction): a crash after this loses none of it. */
    public synchronized void appendResult(String runId, TestResult r) {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,
                  error_message, fingerprint) VALUES (?,?,?,?,?,?,?,?,NULL)""")) {
            ps.setString(1, runId);
            ps.setString(2, r.id());
            ps.setString(3, r.project());
            ps.setString(4, r.title());
            ps.setString(5, r.status().id());
            ps.setLong(6, r.durationMs());
            ps.setInt(7, r.retry());
            ps.setString(8, r.errorMessage());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record a result of run " + runId, e);
        }
    }

    /**
     * Marks {@code interrupted} every run still {@code running} whose process is gone (killed, crashed, powered off),
     * with the counts and score of the results it kept. Runs owned by a live process (another console, a scheduled
     * run) are left alone. Called when the store opens. Returns the ids marked.
     */
    public synchronized List<String> markInterrupted() {
        List<String> marked = new ArrayList<>();
        try {
            List<String> orphans = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, owner_pid FROM runs WHERE state = 'running'")) {
                while (rs.next()) {
                    long pid = rs.getLong(2);
                    boolean alive = !rs.wasNull() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive) {
                        orphans.add(rs.getString(1));
                    }
                }
            }
            for (String id : orphans) {
                if (interrupt(id)) {
                    marked.add(id);
                }
            }
        } catch (SQLException e) {
            throw fail("mark interrupted runs", e);
        }
        return marked;
    }

    /**
     * Ends the record of a run that stopped with an error in this process: it is marked {@code interrupted} with the
     * results it kept, or removed when it kept none (nothing ran, so there is nothing to show).
     */
    public synchronized void abandonRun(String runId) {
        try {
            int results;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT count(*) FROM test_results WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    results = rs.next() ? rs.getInt(1) : 0;
                }
            }
            if (results > 0) {
                interrupt(runId);
            } else {
                try (PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM runs WHERE id = ? AND state = 'running'")) {
                    ps.setString(1, runId);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw fail("close the record of run " + runId, e);
        }
    }

    private boolean interrupt(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                UPDATE runs SET state = 'interrupted', owner_pid = NULL,
                  tests_run = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id),
                  tests_passed = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id
                                  AND t.status IN ('passed', 'flaky')),
                  tests_failed = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id
                                  AND t.status IN ('failed', 'timed-out')),
                  flaky = (SELECT count(*) FROM test_results t WHERE t.run_id = runs.id AND t.status = 'flaky')
                WHERE id = ? AND state = 'running'""");
             PreparedStatement score = connection.prepareStatement("""
                UPDATE runs SET health_score = CASE WHEN tests_passed + tests_failed = 0 THEN 0
                  ELSE round(tests_passed * 10000.0 / (tests_passed + tests_failed)) / 100.0 END,
                  status = CASE WHEN tests_passed + tests_failed > 0
                                 AND tests_passed * 100.0 / (tests_passed + tests_failed) >= ?
                                THEN 'degraded' ELSE 'failing' END,
                  initial_status = CASE WHEN tests_passed + tests_failed > 0
                                 AND tests_passed * 100.0 / (tests_passed + tests_failed) >= ?
                                THEN 'degraded' ELSE 'failing' END
                WHERE id = ?""")) {
            ps.setString(1, id);
            if (ps.executeUpdate() != 1) {
                return false;
            }
            // An interrupted run is never healthy (it did not finish): degraded at best, by the results it kept.
            score.setDouble(1, HealthScore.FAILING_BELOW);
            score.setDouble(2, HealthScore.FAILING_BELOW);
            score.setString(3, id);
            score.executeUpdate();
            insertActionsFromAudit(id);
            return true;
        }
    }

    /**
     * The actions of a run that never finished, from its audit trail: every proposal with what became of it so far
     * (decided, applied, verified, rolled back), so that its reports show what was done to the target.
     */
    private void insertActionsFromAudit(String runId) throws SQLException {
        Map<String, ActionRecordRow> byProposal = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT stage, fingerprint, playbook, outcome, detail FROM audit WHERE run_id = ? ORDER BY id")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stage = rs.getString(1);
                    String key = rs.getString(2) + "\u0000" + rs.getString(3);
                    String outcome = rs.getString(4);
                    String detail = rs.getString(5);
                    ActionRecordRow was = byProposal.get(key);
                    if (was == null) {
                        was = new ActionRecordRow(rs.getString(2), rs.getString(3), fixClassOf(detail), "skipped",
                                false, false, false, "interrupted before a decision", 0);
                    }
                    boolean ok = "ok".equals(outcome);
                    ActionRecordRow now = switch (stage) {
                        case "decided" -> new ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                                outcome == null ? was.decision() : outcome, false, false, false,
                                "interrupted after the decision", 0);
                        case "applied" -> new ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                                was.decision(), ok, false, false, ok ? "interrupted after it was applied, before it"
                                + " was verified" : "applying it failed, then the run was interrupted", 0);
                        case "verified" -> new ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                                was.decision(), true, ok, ok, ok ? "verified, then the run was interrupted"
                                : "did not verify, then the run was interrupted", 0);
                        case "rolled-back" -> new ActionRecordRow(was.fingerprint(), was.playbook(), was.fixClass(),
                                was.decision(), true, false, false, ok ? "did not verify; rolled back: then the run"
                                + " was interrupted" : "did not verify; not rolled back: then the run was interrupted",
                                0);
                        default -> was;
                    };
                    byProposal.put(key, now);
                }
            }
        }
        if (byProposal.isEmpty()) {
            return;
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM actions WHERE run_id = ?")) {
            count.setString(1, runId);
            try (ResultSet rs = count.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO actions (run_id, seq, fingerprint, playbook, fix_class, decision, applied, success, verified,
                  message, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")) {
            int seq = 0;
            for (ActionRecordRow a : byProposal.values()) {
                ps.setString(1, runId);
                ps.setInt(2, seq++);
                ps.setString(3, a.fingerprint());
                ps.setString(4, a.playbook());
                ps.setString(5, a.fixClass());
                ps.setString(6, a.decision());
                ps.setInt(7, a.applied() ? 1 : 0);
                ps.setInt(8, a.success() ? 1 : 0);
                ps.setInt(9, a.verified() ? 1 : 0);
                ps.setString(10, a.message());
                ps.setLong(11, a.durationMs());
                ps.addBatch();
            }
            ps.executeBatch();
        }
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

    private void insertRun(RunSummary run, Path runFolder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,
                  health_score, tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder,
                  llm_provider, llm_model, llm_calls, llm_cache_hits, llm_prompt_tokens, llm_completion_tokens,
                  llm_latency_ms, llm_errors, suite_error)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
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
            ps.setString(i, run.suiteError());
            ps.executeUpdate();
        }
    }

    private void insertResults(RunSummary run) throws SQLException {
        Map<String, String> fingerprintOfTest = new HashMap<>();
        for (FailureGroup g : run.failures()) {
            for (TestResult t : g.tests()) {
                fingerprintOfTest.put(t.id(), g.fingerprint());
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,
                  error_message, fingerprint) VALUES (?,?,?,?,?,?,?,?,?)""")) {
            for (TestResult r : run.results()) {
                ps.setString(1, run.runId());
                ps.setString(2, r.id());
                ps.setString(3, r.project());
                ps.setString(4, r.title());
                ps.setString(5, r.status().id());
                ps.setLong(6, r.durationMs());
                ps.setInt(7, r.retry());
                ps.setString(8, r.errorMessage());
                ps.setString(9, fingerprintOfTest.get(r.id()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertFailures(RunSummary run) throws SQLException {
        long seen = run.startedAt().toEpochMilli();
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id, playbook,
                  count, message) VALUES (?,?,?,?,?,?,?,?,?)""");
             PreparedStatement fp = connection.prepareStatement("""
                INSERT INTO fingerprints (fingerprint, category, pattern_id, message, first_seen, last_seen,
                  occurrences) VALUES (?,?,?,?,?,?,?)
                ON CONFLICT(fingerprint) DO UPDATE SET
                  first_seen = min(first_seen, excluded.first_seen),
                  last_seen = max(last_seen, excluded.last_seen),
                  occurrences = occurrences + excluded.occurrences""")) {
            for (FailureGroup g : run.failures()) {
                ps.setString(1, run.runId());
                ps.setString(2, g.fingerprint());
                ps.setString(3, g.category().id());
                ps.setString(4, g.severity().id());
                ps.setString(5, g.fixClass().name());
                ps.setString(6, g.classification().patternId());
                ps.setString(7, g.classification().playbook());
                ps.setInt(8, g.count());
                ps.setString(9, g.message());
                ps.addBatch();
                fp.setString(1, g.fingerprint());
                fp.setString(2, g.category().id());
                fp.setString(3, g.classification().patternId());
                fp.setString(4, g.message());
                fp.setLong(5, seen);
                fp.setLong(6, seen);
                fp.setLong(7, g.count());
                fp.addBatch();
            }
            ps.executeBatch();
            fp.executeBatch();
        }
    }

    private void insertActions(RunSummary run) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO actions (run_id, seq, fingerprint, playbook, fix_class, decision, applied, success,
                  verified, message, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")) {
            int seq = 0;
            for (ActionRecord a : run.actions()) {
                ps.setString(1, run.runId());
                ps.setInt(2, seq++);
                ps.setString(3, a.fingerprint());
                ps.setString(4, a.playbook());
                ps.setString(5, a.fixClass().name());
                ps.setString(6, a.decision().id());
                ps.setInt(7, a.applied() ? 1 : 0);
                ps.setInt(8, a.success() ? 1 : 0);
                ps.setInt(9, a.verified() ? 1 : 0);
                ps.setString(10, a.message());
                ps.setLong(11, a.durationMs());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Deletes the finished and interrupted runs that started before {@code cutoff}, with their results, failure groups,
     * actions and audit trail, in one transaction (a run in progress is never touched). Fingerprints keep their
     * first-seen / last-seen / occurrences, and diagnoses stay cached. Returns how many runs went.
     */
    public synchronized int deleteRunsBefore(Instant cutoff) {
        try {
            return inTransaction(() -> {
                try (PreparedStatement audit = connection.prepareStatement("""
                        DELETE FROM audit WHERE run_id IN (SELECT id FROM runs WHERE started_at < ? AND state <> 'running')""");
                     PreparedStatement runs = connection.prepareStatement(
                             "DELETE FROM runs WHERE started_at < ? AND state <> 'running'")) {
                    audit.setLong(1, cutoff.toEpochMilli());
                    audit.executeUpdate();
                    runs.setLong(1, cutoff.toEpochMilli());
                    return runs.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw fail("delete runs older than " + cutoff, e);
        }
    }

    /** Appends one line to the playbook audit trail, at once (see {@link AuditEntry}). */
    public synchronized void appendAudit(AuditEntry entry) {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO audit (run_id, at, stage, fingerprint, playbook, actor, outcome, detail)
                VALUES (?,?,?,?,?,?,?,?)""")) {
            ps.setString(1, entry.runId());
            ps.setLong(2, entry.at().toEpochMilli());
            ps.setString(3, entry.stage());
            ps.setString(4, entry.fingerprint());
            ps.setString(5, entry.playbook());
            ps.setString(6, entry.actor());
            ps.setString(7, entry.outcome());
            ps.setString(8, entry.detail());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("write the audit trail of run " + entry.runId(), e);
        }
    }

    /** The audit trail of one run, in the order it was written. */
    public synchronized List<AuditEntry> auditOf(String runId) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT run_id, at, stage, fingerprint, playbook, actor, outcome, detail FROM audit
                WHERE run_id = ? ORDER BY id""")) {
            ps.setString(1, runId);
            List<AuditEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail("read the audit trail of run " + runId, e);
        }
    }

    /** The most recent runs first. */
    public synchronized List<RunRow> listRuns(int limit, int offset) {
        return listRuns(HistoryQueries.RunFilter.ALL, limit, offset);
    }

    /** The {@code limit} most recent runs of {@code target}, the most recent first: a report's health trend. */
    public synchronized List<RunRow> runsOf(String target, int limit) {
        return listRuns(new HistoryQueries.RunFilter(null, null, null, null, target, null), limit, 0);
    }

    public synchronized Optional<RunRow> findRun(String runId) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, target, projects, dry_run, started_at, finished_at, status, initial_status, health_score,
                  tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder, state, suite_error
                FROM runs WHERE id = ?""")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(runRow(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read run " + runId, e);
        }
    }

    public synchronized int countRuns() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw fail("count runs", e);
        }
    }

    /** The counts of a run's first pass: its stored results are those of the first pass. */
    public synchronized RunOutcome.Pass firstPass(String runId) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT status, count(*) FROM test_results WHERE run_id = ? GROUP BY status")) {
            ps.setString(1, runId);
            int passed = 0;
            int failed = 0;
            int flaky = 0;
            int skipped = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "passed" -> passed += rs.getInt(2);
                        case "flaky" -> flaky += rs.getInt(2);
                        case "skipped" -> skipped += rs.getInt(2);
                        default -> failed += rs.getInt(2);
                    }
                }
            }
            return new RunOutcome.Pass(passed, failed, flaky, skipped);
        } catch (SQLException e) {
            throw fail("read the first pass of run " + runId, e);
        }
    }

    /** What became of a run, its first pass and its actions read from the store. */
    public synchronized RunOutcome outcomeOf(RunRow row) {
        List<ActionRecordRow> actions = actionsOf(row.runId());
        RunOutcome.Done done = RunOutcome.Done.of(actions.stream().map(a -> new ActionRecord(a.fingerprint(),
                a.playbook(), FixClass.valueOf(a.fixClass()), dev.healdesk.core.run.Decision.valueOf(
                a.decision().trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')), a.applied(), a.success(),
                a.verified(), a.message(), a.durationMs())).toList());
        return row.outcome(firstPass(row.runId()), done);
    }

    public synchronized List<StoredTest> testsOf(String runId) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT run_id, test_id, project, title, status, duration_ms, error_message, fingerprint
                FROM test_results WHERE run_id = ? ORDER BY rowid""")) {
            ps.setString(1, runId);
            List<StoredTest> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredTest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail("read the tests of run " + runId, e);
        }
    }

    /**
     * The flip rate of each of {@code testIds} over its {@link FlipRate#WINDOW} most recent stored runs of
     * {@code target} (the tests of other targets may share an id; they are not counted). Tests never stored are absent.
     */
    public synchronized Map<String, FlipRate> flipRates(String target, Collection<String> testIds) {
        Map<String, List<TestStatus>> statuses = new LinkedHashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(testIds));
        int chunk = 500;
        try {
            for (int from = 0; from < ids.size(); from += chunk) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = connection.prepareStatement("""
                        SELECT test_id, status FROM (
                          SELECT t.test_id, t.status, r.started_at, r.id,
                                 ROW_NUMBER() OVER (PARTITION BY t.test_id ORDER BY r.started_at DESC, r.id DESC) AS n
                          FROM test_results t JOIN runs r ON r.id = t.run_id
                          WHERE r.target = ? AND t.test_id IN (%s))
                        WHERE n <= ? ORDER BY test_id, started_at, id""".formatted(marks))) {
                    int i = 1;
                    ps.setString(i++, target);
                    for (String id : part) {
                        ps.setString(i++, id);
                    }
                    ps.setInt(i, FlipRate.WINDOW);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            statuses.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(TestStatus.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)
                                            .replace('-', '_')));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw fail("read the flip rates of " + ids.size() + " test(s) of " + target, e);
        }
        Map<String, FlipRate> rates = new LinkedHashMap<>();
        statuses.forEach((id, list) -> rates.put(id, FlipRate.of(id, list)));
        return rates;
    }

    public synchronized List<StoredFailure> failuresOf(String runId) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT run_id, fingerprint, category, severity, fix_class, pattern_id, playbook, count, message
                FROM failures WHERE run_id = ? ORDER BY rowid""")) {
            ps.setString(1, runId);
            List<StoredFailure> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredFailure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail("read the failures of run " + runId, e);
        }
    }

    public synchronized Optional<FingerprintRow> fingerprint(String fingerprint) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT fingerprint, category, pattern_id, message, first_seen, last_seen, occurrences
                FROM fingerprints WHERE fingerprint = ?""")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FingerprintRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                        rs.getLong(7)));
            }
        } catch (SQLException e) {
            throw fail("read fingerprint " + fingerprint, e);
        }
    }

    public synchronized List<ActionRecordRow> actionsOf(String runId) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT fingerprint, playbook, fix_class, decision, applied, success, verified, message, duration_ms
                FROM actions WHERE run_id = ? ORDER BY seq""")) {
            ps.setString(1, runId);
            List<ActionRecordRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ActionRecordRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getInt(7) == 1,
                            rs.getString(8), rs.getLong(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail("read the actions of run " + runId, e);
        }
    }

    /**
     * Keeps {@code d} as the diagnosis of its fingerprint by its model (replacing an older one). The text it holds
     * was produced from redacted input; callers redact it again before it comes here.
     */
    public synchronized void saveDiagnosis(Diagnosis d, String patternId, String category) {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT OR REPLACE INTO diagnoses (fingerprint, model, provider, pattern_id, category, root_cause,
                  confidence, diagnosed_category, fix_class, playbook, explanation, evidence, malformed, raw_text, note,
                  created_at, prompt_tokens, completion_tokens, latency_ms)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            int i = 1;
            ps.setString(i++, d.fingerprint());
            ps.setString(i++, d.model());
            ps.setString(i++, d.provider());
            ps.setString(i++, patternId);
            ps.setString(i++, category);
            ps.setString(i++, d.rootCause());
            ps.setDouble(i++, d.confidence());
            ps.setString(i++, d.category() == null ? null : d.category().id());
            ps.setString(i++, d.fixClass() == null ? null : d.fixClass().name());
            ps.setString(i++, d.suggestedPlaybook());
            ps.setString(i++, d.explanation());
            ps.setString(i++, JSON.writeValueAsString(d.evidence()));
            ps.setInt(i++, d.malformed() ? 1 : 0);
            ps.setString(i++, d.rawText());
            ps.setString(i++, d.note());
            ps.setLong(i++, d.createdAt().toEpochMilli());
            ps.setInt(i++, d.promptTokens());
            ps.setInt(i++, d.completionTokens());
            ps.setLong(i, d.latencyMs());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new HistoryException("Cannot store the diagnosis of " + d.fingerprint() + " in the history database "
                    + file + ": " + e.getMessage(), e);
        }
    }

    /** The cached diagnosis of {@code fingerprint} by {@code model}, marked cached. */
    public synchronized Optional<Diagnosis> findDiagnosis(String fingerprint, String model) {
        try (PreparedStatement ps = connection.prepareStatement(DIAGNOSIS_COLUMNS
                + " FROM diagnoses WHERE fingerprint = ? AND model = ?")) {
            ps.setString(1, fingerprint);
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(diagnosis(rs).asCached()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read the diagnosis of " + fingerprint, e);
        }
    }

    /**
     * The newest well-formed diagnoses of other fingerprints with the same pattern (else the same category): the
     * examples a prompt shows the model.
     */
    public synchronized List<Diagnosis> similarDiagnoses(String fingerprint, String patternId, String category,
                                                         int limit) {
        try (PreparedStatement ps = connection.prepareStatement(DIAGNOSIS_COLUMNS + """
                 FROM diagnoses WHERE fingerprint <> ? AND malformed = 0 AND (pattern_id = ? OR category = ?)
                ORDER BY (pattern_id = ?) DESC, created_at DESC LIMIT ?""")) {
            ps.setString(1, fingerprint);
            ps.setString(2, patternId);
            ps.setString(3, category);
            ps.setString(4, patternId);
            ps.setInt(5, limit);
            List<Diagnosis> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(diagnosis(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail("read diagnoses similar to " + fingerprint, e);
        }
    }

    /** The playbook that last fixed {@code fingerprint} (applied, successful and verified), and when. */
    public synchronized Optional<WorkingFix> lastWorkingFix(String fingerprint) {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT a.playbook, r.started_at FROM actions a JOIN runs r ON r.id = a.run_id
                WHERE a.fingerprint = ? AND a.applied = 1 AND a.success = 1 AND a.verified = 1
                ORDER BY r.started_at DESC LIMIT 1""")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new WorkingFix(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read the fixes of " + fingerprint, e);
        }
    }

    /** A playbook that fixed a fingerprint, and when. */
    public record WorkingFix(String playbook, Instant at) {
    }

    private static final String DIAGNOSIS_COLUMNS = """
            SELECT fingerprint, provider, model, root_cause, confidence, diagnosed_category, fix_class, playbook,
              explanation, evidence, malformed, raw_text, note, created_at, prompt_tokens, completion_tokens, latency_ms""";

    private static Diagnosis diagnosis(ResultSet rs) throws SQLException {
        List<String> evidence;
        try {
            evidence = JSON.readValue(rs.getString(10), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            evidence = List.of();
        }
        String category = rs.getString(6);
        String fixClass = rs.getString(7);
        return new Diagnosis(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                category == null ? null : Category.fromId(category), fixClass == null ? null : FixClass.valueOf(fixClass),
                rs.getString(8), rs.getString(9), evidence, rs.getInt(11) == 1, rs.getString(12), rs.getString(13),
                Instant.ofEpochMilli(rs.getLong(14)), rs.getInt(15), rs.getInt(16), rs.getLong(17), false);
    }

    /** A stored playbook action (strings as stored, so that old rows stay readable). */
    public record ActionRecordRow(String fingerprint, String playbook, String fixClass, String decision,
                                  boolean applied, boolean success, boolean verified, String message,
                                  long durationMs) {
    }

    private static RunRow runRow(ResultSet rs) throws SQLException {
        return new RunRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1,
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                HealthStatus.fromId(rs.getString(7)), HealthStatus.fromId(rs.getString(8)), rs.getDouble(9),
                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14) == 1, rs.getString(15),
                rs.getString(16), rs.getString(17));
    }

    private HistoryException fail(String what, SQLException e) {
        return new HistoryException("Cannot " + what + " in the history database " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ lists and trends

    /** The runs {@code filter} lets through, most recent first, one page. */
    public synchronized List<RunRow> listRuns(HistoryQueries.RunFilter filter, int limit, int offset) {
        List<Object> args = new ArrayList<>();
        String sql = """
                SELECT id, target, projects, dry_run, started_at, finished_at, status, initial_status, health_score,
                  tests_run, tests_passed, tests_failed, flaky, cancelled, run_folder, state, suite_error
                FROM runs WHERE""" + where(filter, args) + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            List<RunRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(runRow(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail("list runs", e);
        }
    }

    /** How many runs {@code filter} lets through: the size of the list {@link #listRuns(HistoryQueries.RunFilter,
     * int, int)} pages over. */
    public synchronized int countRuns(HistoryQueries.RunFilter filter) {
        List<Object> args = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM runs WHERE"
                + where(filter, args))) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw fail("count runs", e);
        }
    }

    /** The WHERE clause of {@code filter} over the runs table (" 1 = 1 AND …"); its values are added to {@code args}. */
    private static String where(HistoryQueries.RunFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder(" 1 = 1");
        if (filter.status() != null) {
            if (RunRow.INTERRUPTED.equals(filter.status())) {
                sql.append(" AND state = 'interrupted'");
            } else {
                sql.append(" AND status = ?");
                args.add(filter.status());
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
        if (filter.project() != null) {
            sql.append(" AND (',' || projects || ',') LIKE ? ESCAPE '\\'");
            args.add("%," + like(filter.project()) + ",%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" ").append("""
                     AND (EXISTS (SELECT 1 FROM test_results t WHERE t.run_id = runs.id
                                  AND (t.test_id LIKE ? ESCAPE '\\' OR t.error_message LIKE ? ESCAPE '\\'))
                          OR EXISTS (SELECT 1 FROM failures f WHERE f.run_id = runs.id
                                     AND f.message LIKE ? ESCAPE '\\'))""");
            String pattern = "%" + like(filter.text().trim()) + "%";
            args.add(pattern);
            args.add(pattern);
            args.add(pattern);
        }
        return sql.toString();
    }

    /** The targets and the projects runs were recorded for, sorted: the choices of the runs list's filters. */
    public synchronized HistoryQueries.Choices choices() {
        java.util.TreeSet<String> targets = new java.util.TreeSet<>();
        java.util.TreeSet<String> projects = new java.util.TreeSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT target, projects FROM runs")) {
            while (rs.next()) {
                targets.add(rs.getString(1));
                String p = rs.getString(2);
                if (p != null) {
                    for (String one : p.split(",")) {
                        if (!one.isBlank()) {
                            projects.add(one.trim());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw fail("list the targets and projects", e);
        }
        return new HistoryQueries.Choices(List.copyOf(targets), List.copyOf(projects));
    }

    /**
     * The stored diagnoses of the failure groups of {@code runId}, by fingerprint: the one by the run's own model when
     * there is one, else the newest by any model.
     */
    public synchronized Map<String, Diagnosis> diagnosesOf(String runId) {
        Map<String, Diagnosis> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT d.fingerprint, d.provider, d.model, d.root_cause, d.confidence, d.diagnosed_category,
                  d.fix_class, d.playbook, d.explanation, d.evidence, d.malformed, d.raw_text, d.note, d.created_at,
                  d.prompt_tokens, d.completion_tokens, d.latency_ms
                FROM failures f JOIN runs r ON r.id = f.run_id JOIN diagnoses d ON d.fingerprint = f.fingerprint
                WHERE f.run_id = ? ORDER BY f.rowid, (d.model IS r.llm_model) DESC, d.created_at DESC""")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Diagnosis d = diagnosis(rs);
                    out.putIfAbsent(d.fingerprint(), d);
                }
            }
        } catch (SQLException e) {
            throw fail("read the diagnoses of run " + runId, e);
        }
        return out;
    }

    /** Day by day (UTC) between {@code from} and {@code to}, for one target or all (null). */
    public synchronized List<HistoryQueries.TrendPoint> trend(String target, Instant from, Instant to) {
        Map<java.time.LocalDate, long[]> days = new java.util.TreeMap<>();
        // per day: runs, tests, passed, score*100 sum, flaky, llm calls, llm tokens, fixes, fixed, recoveries, ms
        // Cancelled runs are kept and listed, but they say nothing about the target's health: left out here.
        String where = "started_at >= ? AND started_at < ? AND state <> 'running' AND cancelled = 0"
                + (target == null ? "" : " AND target = ?");
        try {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT started_at / 86400000 AS day, count(*), sum(tests_run), sum(tests_passed),
                      sum(health_score), sum(flaky), sum(llm_calls), sum(llm_prompt_tokens + llm_completion_tokens)
                    FROM runs WHERE %s GROUP BY day""".formatted(where))) {
                bindRange(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] d = days.computeIfAbsent(java.time.LocalDate.ofEpochDay(rs.getLong(1)), k -> new long[11]);
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
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT r.started_at / 86400000 AS day, sum(a.applied), sum(a.applied AND a.success)
                    FROM actions a JOIN runs r ON r.id = a.run_id
                    WHERE %s GROUP BY day""".formatted(where.replace("started_at", "r.started_at")
                    .replace("state", "r.state").replace("cancelled", "r.cancelled")
                    .replace("target =", "r.target =")))) {
                bindRange(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] d = days.computeIfAbsent(java.time.LocalDate.ofEpochDay(rs.getLong(1)), k -> new long[11]);
                        d[7] = rs.getLong(2);
                        d[8] = rs.getLong(3);
                    }
                }
            }
            for (long[] recovery : recoveries(target, from, to)) {
                long[] d = days.computeIfAbsent(java.time.LocalDate.ofEpochDay(recovery[0] / 86_400_000L),
                        k -> new long[11]);
                d[9]++;
                d[10] += recovery[1];
            }
        } catch (SQLException e) {
            throw fail("read the trend from " + from + " to " + to, e);
        }
        List<HistoryQueries.TrendPoint> points = new ArrayList<>();
        days.forEach((day, d) -> points.add(new HistoryQueries.TrendPoint(day, (int) d[0],
                d[1] == 0 ? 0 : d[2] * 100.0 / d[1], d[0] == 0 ? 0 : d[3] / 100.0 / d[0],
                d[9] == 0 ? -1 : d[10] / d[9], (int) d[7], (int) d[8], (int) d[4], (int) d[5], d[6])));
        return points;
    }

    /**
     * Recoveries that ended between {@code from} and {@code to}: for each target, a healthy run following one or more
     * runs that were not; each as {healthy run's start, ms since the first of the unhealthy runs}.
     */
    private List<long[]> recoveries(String target, Instant from, Instant to) throws SQLException {
        List<long[]> out = new ArrayList<>();
        // LAG over the target's runs finds where health came back; the start of the failing streak is the first
        // unhealthy run after the previous healthy one.
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT target, started_at, status FROM runs
                WHERE started_at < ? AND state = 'finished' AND cancelled = 0 %s
                  AND started_at >= ? - 30 * 86400000
                ORDER BY target, started_at""".formatted(target == null ? "" : "AND target = ?"))) {
            int i = 1;
            ps.setLong(i++, to.toEpochMilli());
            if (target != null) {
                ps.setString(i++, target);
            }
            ps.setLong(i, from.toEpochMilli());
            String current = null;
            long streakStart = -1;
            try (ResultSet rs = ps.executeQuery()) {
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
                        if (at >= from.toEpochMilli()) {
                            out.add(new long[]{at, at - streakStart});
                        }
                        streakStart = -1;
                    }
                }
            }
        }
        return out;
    }

    /** The seeds' metrics over the runs started between {@code from} and {@code to} (all targets when null). */
    public synchronized HistoryQueries.Metrics metrics(String target, Instant from, Instant to) {
        List<HistoryQueries.TrendPoint> days = trend(target, from, to);
        int runs = days.stream().mapToInt(HistoryQueries.TrendPoint::runs).sum();
        int attempted = days.stream().mapToInt(HistoryQueries.TrendPoint::fixesAttempted).sum();
        int succeeded = days.stream().mapToInt(HistoryQueries.TrendPoint::fixesSucceeded).sum();
        long tests = 0;
        long passed = 0;
        Map<String, HistoryQueries.LlmUse> byProvider = new java.util.LinkedHashMap<>();
        Map<String, Integer> patterns = new java.util.LinkedHashMap<>();
        long recoveries = 0;
        long recoveryMs = 0;
        // Cancelled runs are kept and listed, but they say nothing about the target's health: left out here.
        String where = "started_at >= ? AND started_at < ? AND state <> 'running' AND cancelled = 0"
                + (target == null ? "" : " AND target = ?");
        try {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT sum(tests_run), sum(tests_passed) FROM runs WHERE " + where)) {
                bindRange(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        tests = rs.getLong(1);
                        passed = rs.getLong(2);
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT coalesce(llm_provider, 'none'), sum(llm_calls),
                      sum(llm_prompt_tokens + llm_completion_tokens)
                    FROM runs WHERE %s AND llm_calls > 0 GROUP BY 1 ORDER BY 2 DESC""".formatted(where))) {
                bindRange(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byProvider.put(rs.getString(1), new HistoryQueries.LlmUse(rs.getInt(2), rs.getLong(3)));
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT f.pattern_id, count(*) FROM failures f JOIN runs r ON r.id = f.run_id
                    WHERE %s GROUP BY f.pattern_id ORDER BY 2 DESC, 1 LIMIT 10""".formatted(
                    where.replace("started_at", "r.started_at").replace("state", "r.state")
                            .replace("cancelled", "r.cancelled").replace("target =", "r.target =")))) {
                bindRange(ps, from, to, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        patterns.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            for (long[] r : recoveries(target, from, to)) {
                recoveries++;
                recoveryMs += r[1];
            }
        } catch (SQLException e) {
            throw fail("compute the metrics from " + from + " to " + to, e);
        }
        int calls = byProvider.values().stream().mapToInt(HistoryQueries.LlmUse::calls).sum();
        return new HistoryQueries.Metrics(runs, tests, tests == 0 ? 0 : passed * 100.0 / tests, attempted, succeeded,
                attempted == 0 ? 0 : succeeded * 100.0 / attempted, recoveries == 0 ? -1 : recoveryMs / recoveries,
                runs == 0 ? 0 : calls / (double) runs, byProvider, patterns);
    }

    /** The fingerprints seen most often, with the last fix that healed each. */
    public synchronized List<HistoryQueries.Recurring> topFingerprints(int limit) {
        List<HistoryQueries.Recurring> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT fp.fingerprint, fp.category, fp.pattern_id, fp.message, fp.first_seen, fp.last_seen,
                  fp.occurrences,
                  (SELECT a.playbook FROM actions a JOIN runs r ON r.id = a.run_id
                   WHERE a.fingerprint = fp.fingerprint AND a.verified = 1 ORDER BY r.started_at DESC LIMIT 1),
                  (SELECT max(r.started_at) FROM actions a JOIN runs r ON r.id = a.run_id
                   WHERE a.fingerprint = fp.fingerprint AND a.verified = 1)
                FROM fingerprints fp ORDER BY fp.occurrences DESC, fp.last_seen DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long fixedAt = rs.getLong(9);
                    boolean fixed = !rs.wasNull();
                    out.add(new HistoryQueries.Recurring(new FingerprintRow(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                            Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7)), rs.getString(8),
                            fixed ? Instant.ofEpochMilli(fixedAt) : null));
                }
            }
        } catch (SQLException e) {
            throw fail("read the recurring fingerprints", e);
        }
        return out;
    }

    /** The runs in which {@code fingerprint} failed, most recent first, with what was done about it. */
    public synchronized List<HistoryQueries.Occurrence> fingerprintHistory(String fingerprint, int limit) {
        List<HistoryQueries.Occurrence> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT r.id, r.started_at, r.target, f.count,
                  (SELECT a.playbook FROM actions a WHERE a.run_id = f.run_id AND a.fingerprint = f.fingerprint
                   ORDER BY a.seq DESC LIMIT 1),
                  (SELECT a.decision FROM actions a WHERE a.run_id = f.run_id AND a.fingerprint = f.fingerprint
                   ORDER BY a.seq DESC LIMIT 1),
                  (SELECT max(a.verified) FROM actions a WHERE a.run_id = f.run_id AND a.fingerprint = f.fingerprint)
                FROM failures f JOIN runs r ON r.id = f.run_id
                WHERE f.fingerprint = ? ORDER BY r.started_at DESC LIMIT ?""")) {
            ps.setString(1, fingerprint);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryQueries.Occurrence(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getInt(7) == 1));
                }
            }
        } catch (SQLException e) {
            throw fail("read the history of fingerprint " + fingerprint, e);
        }
        return out;
    }

    /** What changed between two runs, test by test (the first pass of each). */
    public synchronized HistoryQueries.Comparison compare(String earlierRunId, String laterRunId) {
        Map<String, String> earlier = statuses(earlierRunId);
        Map<String, String> later = statuses(laterRunId);
        List<String> added = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        List<String> still = new ArrayList<>();
        later.forEach((id, status) -> {
            boolean failsNow = failing(status);
            boolean failedBefore = failing(earlier.get(id));
            if (failsNow && failedBefore) {
                still.add(id);
            } else if (failsNow) {
                added.add(id);
            } else if (failedBefore && status != null && !"skipped".equals(status)) {
                fixed.add(id);
            }
        });
        return new HistoryQueries.Comparison(earlierRunId, laterRunId, added, fixed, still);
    }

    private static boolean failing(String status) {
        return "failed".equals(status) || "timed-out".equals(status);
    }

    private Map<String, String> statuses(String runId) {
        Map<String, String> out = new java.util.TreeMap<>();
        testsOf(runId).forEach(t -> out.put(t.testId(), t.status()));
        return out;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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

    private static void bindRange(PreparedStatement ps, Instant from, Instant to, String target) throws SQLException {
        ps.setLong(1, from.toEpochMilli());
        ps.setLong(2, to.toEpochMilli());
        if (target != null) {
            ps.setString(3, target);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
}
