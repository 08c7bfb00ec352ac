package dev.healdesk.core.history;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema of the history database and its versions: {@code PRAGMA user_version} says which, and an older file is
 * migrated forward step by step, all steps in one transaction; a file from a newer Healdesk is refused.
 */
final class Schema {

    /** Migration i (0-based) brings the schema from version i to i+1. Never edit one that shipped. */
    static final List<List<String>> MIGRATIONS = List.of(
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
                    // An index for every query the History screen, `healdesk history` and the reports make (the
                    // plan test, HistoryQueryPlanTest, fails on a full scan of a large table).
                    // the verified fixes of a fingerprint (the last one that worked); only those, so that a query of
                    // one run's actions keeps the primary key
                    "CREATE INDEX actions_verified ON actions(fingerprint) WHERE verified = 1",
                    "CREATE INDEX runs_target ON runs(target, started_at, state, status)",
                    "CREATE INDEX runs_status ON runs(status, started_at)",
                    "CREATE INDEX runs_scope ON runs(target, projects)",
                    "CREATE INDEX diagnoses_category ON diagnoses(category, created_at DESC)",
                    "CREATE INDEX fingerprints_top ON fingerprints(occurrences DESC, last_seen DESC)",
                    // Rollups, kept as runs are written (Rollups), so that a year of trends and metrics reads one
                    // row per day and target instead of every run: the runs that are not running any more, by UTC
                    // day of their start (started_at / 86400000) and target.
                    "ALTER TABLE fingerprints ADD COLUMN last_fix_playbook TEXT",
                    "ALTER TABLE fingerprints ADD COLUMN last_fix_at INTEGER",
                    """
                    UPDATE fingerprints SET
                      last_fix_at = (SELECT max(r.started_at) FROM actions a JOIN runs r ON r.id = a.run_id
                                     WHERE a.fingerprint = fingerprints.fingerprint AND a.verified = 1),
                      last_fix_playbook = (SELECT a.playbook FROM actions a JOIN runs r ON r.id = a.run_id
                                           WHERE a.fingerprint = fingerprints.fingerprint AND a.verified = 1
                                           ORDER BY r.started_at DESC LIMIT 1)""",
                    """
                    CREATE TABLE run_days (
                      day INTEGER NOT NULL,
                      target TEXT NOT NULL,
                      runs INTEGER NOT NULL,
                      tests_run INTEGER NOT NULL,
                      tests_passed INTEGER NOT NULL,
                      health_score REAL NOT NULL,
                      flaky INTEGER NOT NULL,
                      llm_calls INTEGER NOT NULL,
                      llm_tokens INTEGER NOT NULL,
                      fixes_applied INTEGER NOT NULL,
                      fixes_succeeded INTEGER NOT NULL,
                      PRIMARY KEY (day, target))""",
                    """
                    INSERT INTO run_days (day, target, runs, tests_run, tests_passed, health_score, flaky, llm_calls,
                      llm_tokens, fixes_applied, fixes_succeeded)
                    SELECT started_at / 86400000, target, count(*), sum(tests_run), sum(tests_passed),
                      sum(health_score), sum(flaky), sum(llm_calls), sum(llm_prompt_tokens + llm_completion_tokens),
                      coalesce(sum((SELECT sum(a.applied) FROM actions a WHERE a.run_id = runs.id)), 0),
                      coalesce(sum((SELECT sum(a.applied * a.success) FROM actions a WHERE a.run_id = runs.id)), 0)
                    FROM runs WHERE state <> 'running' AND cancelled = 0 GROUP BY started_at / 86400000, target""",
                    """
                    CREATE TABLE llm_days (
                      day INTEGER NOT NULL,
                      target TEXT NOT NULL,
                      provider TEXT NOT NULL,
                      calls INTEGER NOT NULL,
                      tokens INTEGER NOT NULL,
                      PRIMARY KEY (day, target, provider))""",
                    """
                    INSERT INTO llm_days (day, target, provider, calls, tokens)
                    SELECT started_at / 86400000, target, coalesce(llm_provider, 'none'), sum(llm_calls),
                      sum(llm_prompt_tokens + llm_completion_tokens)
                    FROM runs WHERE state <> 'running' AND cancelled = 0 AND llm_calls > 0
                    GROUP BY started_at / 86400000, target, coalesce(llm_provider, 'none')""",
                    """
                    CREATE TABLE pattern_days (
                      day INTEGER NOT NULL,
                      target TEXT NOT NULL,
                      pattern_id TEXT NOT NULL,
                      failure_groups INTEGER NOT NULL,
                      PRIMARY KEY (day, target, pattern_id))""",
                    """
                    INSERT INTO pattern_days (day, target, pattern_id, failure_groups)
                    SELECT r.started_at / 86400000, r.target, f.pattern_id, count(*)
                    FROM failures f JOIN runs r ON r.id = f.run_id WHERE r.state <> 'running' AND r.cancelled = 0
                    GROUP BY r.started_at / 86400000, r.target, f.pattern_id"""
            ),
            List.of(
                    // A run whose suite could not run at all (a build that does not compile) is recorded with why.
                    "ALTER TABLE runs ADD COLUMN suite_error TEXT"
            ),
            List.of(
                    // Issue 13: failures of one run that share one cause form one incident; the fingerprints are
                    // recomputed from the stored messages by REFINGERPRINT_VERSION's Java step (Refingerprint).
                    """
                    CREATE TABLE incidents (
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      id TEXT NOT NULL,
                      title TEXT NOT NULL,
                      category TEXT NOT NULL,
                      severity TEXT NOT NULL,
                      fix_class TEXT NOT NULL,
                      pattern_ids TEXT NOT NULL,
                      playbook TEXT,
                      fingerprints TEXT NOT NULL,
                      tests TEXT NOT NULL,
                      class_evidence TEXT,
                      PRIMARY KEY (run_id, id))""",
                    "CREATE INDEX incidents_id ON incidents(id)",
                    "ALTER TABLE failures ADD COLUMN incident_id TEXT"
            ),
            List.of(
                    // Issue 13: the template masks by clause structure (errno parentheses, dumped objects, tags,
                    // event columns, location tails...): every stored fingerprint is recomputed again from the
                    // stored messages (Refingerprint, see REFINGERPRINT_VERSIONS); no change to the tables.
            ),
            List.of(
                    // Issue 19 (version 9). The recoveries rollup (Rollups): per target, each healthy run that followed finished
                    // runs that were not healthy, with the start of that streak; cancelled runs left out, as trends
                    // leave them out. The mean time to recovery of a year reads these rows instead of every run.
                    """
                    CREATE TABLE recoveries (
                      run_id TEXT PRIMARY KEY,
                      target TEXT NOT NULL,
                      healed_at INTEGER NOT NULL,
                      streak_start INTEGER NOT NULL)""",
                    "CREATE INDEX recoveries_healed ON recoveries(healed_at, target, streak_start)",
                    "CREATE INDEX recoveries_target ON recoveries(target, healed_at, streak_start)",
                    """
                    INSERT INTO recoveries (run_id, target, healed_at, streak_start)
                    SELECT id, target, started_at, streak_start FROM (
                      SELECT id, target, started_at, healthy,
                             LAG(started_at) OVER (PARTITION BY target ORDER BY started_at, id) AS streak_start
                      FROM (
                        SELECT id, target, started_at, healthy,
                               LAG(healthy) OVER (PARTITION BY target ORDER BY started_at, id) AS was_healthy
                        FROM (SELECT id, target, started_at, CASE WHEN status = 'healthy' THEN 1 ELSE 0 END AS healthy
                              FROM runs WHERE state = 'finished' AND cancelled = 0) counted
                      ) marked
                      WHERE was_healthy IS NULL OR healthy <> was_healthy
                    ) edges
                    WHERE healthy = 1 AND streak_start IS NOT NULL""",
                    // The text search (HistoryQueries.RunFilter.text): every failure message of a run (its tests'
                    // error messages and its failure groups' messages) in failure_texts, indexed by an FTS5 trigram
                    // index (any substring of three characters or more); the distinct test ids in test_names. Kept
                    // by triggers as results and failure groups are inserted; they go with their run (ON DELETE
                    // CASCADE, whose deletes fire the index's trigger). SQLite only: FTS5, its trigram tokenizer.
                    """
                    CREATE TABLE failure_texts (
                      id INTEGER PRIMARY KEY,
                      run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      message TEXT NOT NULL)""",
                    "CREATE INDEX failure_texts_run ON failure_texts(run_id)",
                    """
                    INSERT INTO failure_texts (run_id, message)
                    SELECT run_id, error_message FROM test_results WHERE error_message IS NOT NULL""",
                    "INSERT INTO failure_texts (run_id, message) SELECT run_id, message FROM failures"
                            + " WHERE message IS NOT NULL",
                    """
                    CREATE VIRTUAL TABLE failure_text_index USING fts5(message, content = 'failure_texts',
                      content_rowid = 'id', tokenize = 'trigram')""",
                    "INSERT INTO failure_text_index (failure_text_index) VALUES ('rebuild')",
                    """
                    CREATE TRIGGER failure_texts_indexed AFTER INSERT ON failure_texts BEGIN
                      INSERT INTO failure_text_index (rowid, message) VALUES (new.id, new.message);
                    END""",
                    """
                    CREATE TRIGGER failure_texts_unindexed AFTER DELETE ON failure_texts BEGIN
                      INSERT INTO failure_text_index (failure_text_index, rowid, message)
                        VALUES ('delete', old.id, old.message);
                    END""",
                    """
                    CREATE TRIGGER test_results_text AFTER INSERT ON test_results
                      WHEN new.error_message IS NOT NULL BEGIN
                      INSERT INTO failure_texts (run_id, message) VALUES (new.run_id, new.error_message);
                    END""",
                    """
                    CREATE TRIGGER failures_text AFTER INSERT ON failures WHEN new.message IS NOT NULL BEGIN
                      INSERT INTO failure_texts (run_id, message) VALUES (new.run_id, new.message);
                    END""",
                    "CREATE TABLE test_names (test_id TEXT PRIMARY KEY) WITHOUT ROWID",
                    "INSERT OR IGNORE INTO test_names (test_id) SELECT test_id FROM test_results",
                    """
                    CREATE TRIGGER test_results_name AFTER INSERT ON test_results BEGIN
                      INSERT OR IGNORE INTO test_names (test_id) VALUES (new.test_id);
                    END"""
            ),
            List.of(
                    // Issue 16: the sandbox faults the operator had switched on during a run (ids, comma-separated;
                    // NULL when none): a test failing in such a run is not a flake, and flip rates leave it out.
                    "ALTER TABLE runs ADD COLUMN faults TEXT"
            ),
            List.of(
                    // Issue 18: who recorded a run and where (a team's shared history): the machine's host name, the
                    // operator, and where it was started (console, cli, schedule, ci). Null for runs stored before.
                    "ALTER TABLE runs ADD COLUMN machine TEXT",
                    "ALTER TABLE runs ADD COLUMN operator TEXT",
                    "ALTER TABLE runs ADD COLUMN origin TEXT",
                    "CREATE INDEX runs_operator ON runs(operator, started_at)",
                    "CREATE INDEX runs_machine ON runs(machine, started_at)"
            ),
            List.of(
                    // Issue 13 (version 12): the template masks bare host names, month-led dates and pod names, and
                    // an incident's id is recomputed with its fingerprints, so that incidents recorded before count
                    // with the same incidents recorded after (Refingerprint, see REFINGERPRINT_VERSIONS).
            ),
            List.of(
                    // Issue 18 (version 13): a run in progress shows it is alive. Its process writes heartbeat_at
                    // (epoch ms) when the run starts and every HistoryStore.HEARTBEAT while it runs; on a shared
                    // history a process id says nothing of another machine's processes, so a run silent for longer than
                    // HistoryStore.SILENCE is marked interrupted by whichever store looks, and interrupted_why says so
                    // ("no sign of life from MACHINE since T"). Null for runs stored before, and for runs whose
                    // process was found gone on their own machine.
                    "ALTER TABLE runs ADD COLUMN heartbeat_at INTEGER",
                    "ALTER TABLE runs ADD COLUMN interrupted_why TEXT"
            ),
            List.of(
                    // Issue 19 (version 14): the runs list's text search on PostgreSQL. SQLite has had it since
                    // version 9 (an FTS5 trigram index kept by triggers), and needs nothing here; on PostgreSQL the
                    // tables of version 9 were made but not kept. FailureTextSearch.keepOnPostgres (in Java: its
                    // pg_trgm part is optional) fills them, keeps them by triggers and indexes them.
            ),
            List.of(
                    // Issue 13 (version 15): a fingerprint is keyed by the pattern of the failure's words alone (a
                    // service's port, 5432 or 6379, may choose the pattern, never the fingerprint): every stored
                    // fingerprint and incident id is recomputed (Refingerprint, see REFINGERPRINT_VERSIONS); two
                    // addresses of one run refusing with the same words stay two incidents, each id with its address.
            ));

    /** The version whose migration makes PostgreSQL keep and index the text search's tables (issue 19). */
    static final int TEXT_SEARCH_ON_POSTGRES_VERSION = 14;

    /** The first version whose migration recomputes every stored fingerprint (in Java: {@link Refingerprint}). */
    static final int REFINGERPRINT_VERSION = 7;

    /**
     * Every version whose migration changes what a fingerprint is. Migrating across several recomputes once, after
     * the last of them (the result is the same: each recomputation starts from the stored messages).
     */
    static final java.util.Set<Integer> REFINGERPRINT_VERSIONS = java.util.Set.of(REFINGERPRINT_VERSION, 8, 12, 15);

    /** Whether migrating to {@code version} recomputes the fingerprints: the last such version up to {@link #VERSION}. */
    static boolean refingerprintsAt(int version) {
        return REFINGERPRINT_VERSIONS.contains(version)
                && REFINGERPRINT_VERSIONS.stream().noneMatch(v -> v > version && v <= VERSION);
    }

    /** The version this Healdesk writes. */
    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * The version of the open database (0 for an empty one): SQLite's {@code PRAGMA user_version}; on PostgreSQL the
     * {@code schema_version} table's one row (no table yet: 0).
     */
    static int version(Sql sql) {
        if (sql.dialect() == Dialect.SQLITE) {
            return (int) sql.number("read the schema version", "PRAGMA user_version", Sql.Binder.NONE);
        }
        String what = "read the schema version";
        boolean made = sql.number(what, "SELECT count(*) FROM pg_catalog.pg_tables"
                + " WHERE schemaname = current_schema() AND tablename = 'schema_version'", Sql.Binder.NONE) > 0;
        return made ? (int) sql.number(what, "SELECT max(version) FROM schema_version", Sql.Binder.NONE) : 0;
    }

    /** Records {@code version} as the database's, inside the migration's transaction. */
    private static void setVersion(Sql sql, int version) {
        String what = "migrate the schema to version " + version;
        if (sql.dialect() == Dialect.SQLITE) {
            sql.execute(what, "PRAGMA user_version = " + version);
        } else {
            sql.update(what, "UPDATE schema_version SET version = ?", ps -> ps.setInt(1, version));
        }
    }

    /** Brings the database behind {@code sql} (the write connection) to {@link #VERSION}. */
    static void migrate(Sql sql, Path file) {
        migrate(sql, file.toString());
    }

    /**
     * Brings the database behind {@code sql} (the write connection) to {@link #VERSION}; {@code where} names it in
     * messages. Several processes may open a new history at once: on SQLite the migration's transaction holds the
     * file's write lock from its start (the write connection begins IMMEDIATE); on PostgreSQL the first takes a
     * transaction-scoped advisory lock and migrates (DDL is transactional there, so all steps or none). The others
     * wait for it, then find the schema current.
     */
    static void migrate(Sql sql, String where) {
        int found = version(sql);
        if (found > VERSION) {
            throw newer(where, found);
        }
        if (found == VERSION) {
            return;
        }
        sql.inTransaction("migrate the schema from version " + found, () -> {
            if (sql.dialect() == Dialect.POSTGRESQL) {
                sql.one("wait for another Healdesk's migration", "SELECT pg_advisory_xact_lock(?)",
                        ps -> ps.setLong(1, MIGRATION_LOCK), rs -> null);
                sql.execute("make the schema version table", "CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER NOT NULL)");
                sql.update("make the schema version table", "INSERT INTO schema_version (version) SELECT 0"
                        + " WHERE NOT EXISTS (SELECT 1 FROM schema_version)", Sql.Binder.NONE);
            }
            // read again under the lock (SQLite's write lock, taken by BEGIN IMMEDIATE; PostgreSQL's advisory lock):
            // another process opening the same new history may have migrated it while this one waited
            int version = version(sql);
            if (version > VERSION) {
                throw newer(where, version);
            }
            for (int v = version; v < VERSION; v++) {
                for (String statement : MIGRATIONS.get(v)) {
                    String translated = sql.dialect().ddl(statement);
                    if (translated != null) {
                        sql.execute("migrate the schema to version " + (v + 1), translated);
                    }
                }
                if (v + 1 == TEXT_SEARCH_ON_POSTGRES_VERSION && sql.dialect() == Dialect.POSTGRESQL) {
                    FailureTextSearch.keepOnPostgres(sql);
                }
                if (refingerprintsAt(v + 1)) {
                    Refingerprint.apply(sql);
                    // the groups it merged and the fingerprints table it rebuilt: the rollups count them again
                    new Rollups(sql).rebuildDays("migrate the schema to version " + (v + 1));
                }
                setVersion(sql, v + 1);
            }
            return null;
        });
    }

    /** The advisory lock key of migrations on PostgreSQL ("healdesk" in ASCII). */
    static final long MIGRATION_LOCK = 0x6865616c6465736bL;

    /** See {@link HistoryStore#inspect}. */
    static HistoryStore.Inspection inspect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw newer(file, version);
            }
            long runs = 0;
            if (version > 0) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
                    runs = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new HistoryStore.Inspection(version, runs);
        } catch (SQLException e) {
            throw notADatabase(file, e);
        }
    }

    static HistoryException newer(Path file, int version) {
        return newer(file.toString(), version);
    }

    static HistoryException newer(String file, int version) {
        return new HistoryException("The history database " + file + " has schema version " + version
                + ", newer than this Healdesk understands (" + VERSION
                + "). Update Healdesk or choose another database with --db.", null);
    }

    static HistoryException notADatabase(Path file, SQLException e) {
        return new HistoryException("Cannot open the history database " + file + ": " + e.getMessage()
                + ". If the file is not a Healdesk database, move it away or choose another with --db.", e);
    }
}
