package dev.healdesk.core.history;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of runs in a SQLite file: runs, test results, failure groups, fingerprints, playbook actions, the
 * audit trail and the diagnosis cache. The one way into that file; the work is done by its parts, each over the
 * small query helper {@link Sql}:
 * <ul>
 *   <li>{@link Schema}: the schema's versions ({@code PRAGMA user_version}), migrated forward step by step when an
 *       older file opens; a file from a newer Healdesk is refused;</li>
 *   <li>{@link RunWrites}: a run's row when it starts, its results as they finish, the whole run when it ends, the
 *       end of a run whose process died, the retention's deletes;</li>
 *   <li>{@link RunReads}: one run's row, tests, failure groups and actions, a fingerprint, flip rates;</li>
 *   <li>{@link HistoryQueries}: the runs list and its filters, trends, metrics, recurring failures, comparisons; the
 *       list's text search in {@link FailureTextSearch} (SQLite's FTS5 trigram index, kept by triggers);</li>
 *   <li>{@link DiagnosisCache} and {@link AuditLog};</li>
 *   <li>{@link Rollups}: per UTC day and target, what a year of trends and metrics sums, and each recovery of a
 *       target with the start of its streak, kept by {@link RunWrites} in the transaction that changes a run.</li>
 * </ul>
 * <h2>Connections</h2>
 * SQLite in WAL mode lets one writer and any number of readers work at once, a reader seeing the last committed
 * state. The store follows that: <b>one write connection</b>, used under its own lock, through which every write goes
 * (so writes of this process never wait on each other inside SQLite, and a transaction holds the lock to its end);
 * and <b>one read connection</b> ({@code query_only}), under a second lock, through which every read goes. A History
 * query never waits for a run's writes, nor a run's writes for a History query; reads wait only for other reads of
 * this process. A read made after a write returned sees it (each write commits before it returns); a read of several
 * statements (metrics, trends, comparisons) is one transaction, so one snapshot. Other processes (a scheduled run, a
 * second console) write to the same file in turn, waiting up to 5 s ({@code busy_timeout}).
 */
public final class HistoryStore implements AutoCloseable {

    public static final int SCHEMA_VERSION = Schema.VERSION;
    /** How often a process says that its runs in progress are alive (and looks for runs that went silent). */
    public static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(30);
    /**
     * How long a run may give no sign of life before any store treats it as interrupted: ten heartbeats, so that a
     * busy machine or a slow network never loses a run that goes on, while a machine that never returns (switched
     * off, its network gone) does not leave a run {@code running} on a shared history for ever. A run whose process
     * comes back after that and finishes is stored whole all the same (it replaces the interrupted row).
     */
    public static final java.time.Duration SILENCE = java.time.Duration.ofMinutes(5);

    private final HistoryLocation location;
    private final Sql writer;
    private final Sql reader;
    private final RunWrites writes;
    private final RunReads reads;
    private final HistoryQueries queries;
    private final DiagnosisCache diagnoses;
    private final AuditLog audit;
    private final Provenance provenance;
    /** Follows the changes of other writers once someone {@link #watch}es; null before. */
    private HistoryChanges changes;
    private boolean closed;
    /** The runs this process has begun and not yet ended: their heartbeat. */
    private final java.util.Set<String> beating = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Beats every {@link #HEARTBEAT} once a run begins or someone watches; null before. */
    private java.util.concurrent.ScheduledExecutorService pulse;

    private HistoryStore(HistoryLocation location, Sql writer, Sql reader, Provenance provenance) {
        this.location = location;
        this.writer = writer;
        this.reader = reader;
        this.writes = new RunWrites(writer, provenance);
        this.reads = new RunReads(reader);
        this.queries = new HistoryQueries(reader);
        this.diagnoses = new DiagnosisCache(writer, reader);
        this.audit = new AuditLog(writer, reader);
        this.provenance = provenance;
    }

    /**
     * Opens (creating the tables if needed) the history at {@code location}, a SQLite file or a PostgreSQL database,
     * and migrates it to the current schema.
     */
    public static HistoryStore open(HistoryLocation location) {
        return open(location, thisProcess());
    }

    /**
     * Opens the history at {@code location}; the runs this store records are marked with {@code provenance} (who
     * and where), and only this machine's runs are ever marked interrupted by it.
     */
    public static HistoryStore open(HistoryLocation location, Provenance provenance) {
        if (location instanceof HistoryLocation.Postgres pg) {
            return openServer(pg, provenance);
        }
        return open(((HistoryLocation.SqliteFile) location).file(), provenance);
    }

    /** A store opened without a front end's word records its runs as the CLI's (or CI's, when CI says so). */
    private static Provenance thisProcess() {
        return Provenance.detect(System.getenv(), Provenance.Origin.CLI);
    }

    /**
     * A PostgreSQL database: one write connection and one read connection, as with SQLite. The reader's transactions
     * are REPEATABLE READ and read-only, so a query of several statements reads one snapshot as it does in SQLite;
     * the writer's are READ COMMITTED: the upserts of counts and rollups add to what other writers committed, and a
     * transaction PostgreSQL ends for another's (a deadlock) is tried again ({@link Sql#inTransaction}).
     */
    private static HistoryStore openServer(HistoryLocation.Postgres pg, Provenance provenance) {
        String where = pg.describe();
        Connection write = null;
        Connection read = null;
        try {
            write = connectServer(pg);
            Sql writer = new Sql(where, write, Dialect.POSTGRESQL);
            try {
                Schema.migrate(writer, where);
            } catch (HistoryException e) {
                if (e.getCause() instanceof SQLException cause) {
                    throw cause;
                }
                throw e;
            }
            read = connectServer(pg);
            read.setReadOnly(true);
            read.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            HistoryStore store = new HistoryStore(pg, writer, new Sql(where, read, Dialect.POSTGRESQL), provenance);
            store.markInterrupted();
            return store;
        } catch (SQLException e) {
            closeQuietly(read);
            closeQuietly(write);
            throw new HistoryException("Cannot open the history database " + where + ": " + e.getMessage()
                    + ". Check that the server is up and the database exists; the user comes from the URL or "
                    + HistoryLocation.USER_ENV + ", the password from " + HistoryLocation.PASSWORD_ENV
                    + " (the environment or .env).", e);
        } catch (RuntimeException e) {
            closeQuietly(read);
            closeQuietly(write);
            throw e;
        }
    }

    private static Connection connectServer(HistoryLocation.Postgres pg) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (pg.user() != null) {
            props.setProperty("user", pg.user());
        }
        if (pg.password() != null) {
            props.setProperty("password", pg.password());
        }
        props.setProperty("ApplicationName", "healdesk");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(pg.jdbcUrl(), props);
    }

    /** Opens (creating if needed) the database at {@code file} and migrates it to the current schema. */
    public static HistoryStore open(Path file) {
        return open(file, thisProcess());
    }

    private static HistoryStore open(Path file, Provenance provenance) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                // only where it is missing: createDirectories meets an existing folder by throwing and catching
                // FileAlreadyExistsException, at every start of every command
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new HistoryException("Cannot create the folder for the history database " + file
                    + ": " + e.getMessage() + ". Choose another place with --db.", e);
        }
        Connection write = null;
        Connection read = null;
        try {
            // BEGIN IMMEDIATE: a write transaction takes the file's write lock when it begins (waiting for another
            // process's, up to the busy timeout), so one that reads first (a migration's version, the orphans of
            // markInterrupted) never finds, on writing, that another process wrote in between (SQLITE_BUSY at once)
            write = connect(file, true, "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                    "PRAGMA foreign_keys=ON");
            Sql writer = new Sql(file, write);
            try {
                Schema.migrate(writer, file);
            } catch (HistoryException e) {
                if (e.getCause() instanceof SQLException cause) {
                    throw cause;
                }
                throw e;
            }
            // opened after the migration, so that it never sees a schema half made
            read = connect(file, false, "PRAGMA query_only=ON");
            HistoryStore store = new HistoryStore(HistoryLocation.sqlite(file), writer, new Sql(file, read),
                    provenance);
            store.markInterrupted();
            return store;
        } catch (SQLException e) {
            closeQuietly(read);
            closeQuietly(write);
            throw Schema.notADatabase(file, e);
        } catch (RuntimeException e) {
            closeQuietly(read);
            closeQuietly(write);
            throw e;
        }
    }

    /**
     * sqlite-jdbc's connection settings as its first connection builds them: their date format, which sets up the JDK's
     * locale data and calendar (a third of what {@link #prepareSqlite} did in turn before it). Independent of the native
     * library, so a thread of its own can do it beside the library's load; nothing is read from outside the runtime.
     */
    public static void prepareSqliteSettings() {
        new org.sqlite.SQLiteConfig().toProperties();
    }

    /**
     * Does what the first SQLite connection of a process does besides opening its file and building its settings
     * ({@link #prepareSqliteSettings}), for a thread that runs it while the process's main thread does other set-up
     * (the CLI's short commands): where the native library is named ({@code org.sqlite.lib.path} and {@code .name}:
     * the packaged launcher's copy) and that file is there, the library loaded (sqlite-jdbc first reads its own version
     * from its jar) and sqlite-jdbc's driver, connection and statement classes, by opening and closing an empty
     * in-memory database. Anywhere else (the plain jar: sqlite-jdbc copies its library out of its jar into the temp
     * folder) the load is left to the real
     * open: it can fail there (a temp folder that is missing or mounted noexec), and sqlite-jdbc logs each failed
     * attempt, so trying here would log the failure twice; and it remembers a failed load only as "not loaded", so
     * that its open would then fail with a vaguer message. A load of the shipped file that fails here (a broken
     * image) stops this with sqlite-jdbc left as it was, for the real open to meet and tell. Any failure is the
     * caller's to drop.
     */
    public static void prepareSqlite() throws Exception {
        String dir = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        if (dir == null || name == null || !Files.isRegularFile(Path.of(dir, name))
                || !org.sqlite.SQLiteJDBCLoader.initialize()) {
            return;
        }
        connect(null, true).close();
    }

    /** A connection to {@code file} (an empty in-memory database for null), its busy timeout and {@code pragmas} set. */
    private static Connection connect(Path file, boolean immediate, String... pragmas) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (immediate) {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            props = config.toProperties();
        }
        // sqlite-jdbc's own driver, not DriverManager: that would first load every java.sql.Driver on the class path
        // (a search of every jar, and PostgreSQL's driver with java.util.logging) for a history that is a file
        Connection c = org.sqlite.JDBC.createConnection(file == null ? "jdbc:sqlite::memory:"
                : "jdbc:sqlite:" + file.toAbsolutePath(), props);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            for (String pragma : pragmas) {
                s.execute(pragma);
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The SQLite file of this history; null when it is on a PostgreSQL server (see {@link #location()}). */
    public Path file() {
        return location instanceof HistoryLocation.SqliteFile f ? f.file() : null;
    }

    /** Who and where the runs this store records are marked with (this process's machine, operator and origin). */
    public Provenance provenance() {
        return provenance;
    }

    /** Where this history lives: a SQLite file or a PostgreSQL database. */
    public HistoryLocation location() {
        return location;
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
        return Schema.inspect(file);
    }

    /**
     * {@link #inspect(Path)} for any location: a PostgreSQL database is read in a read-only session, its tables
     * neither made nor migrated (a database without them is at version 0, made by the first run).
     *
     * @throws HistoryException when the server cannot be reached or refuses the user, or the schema is newer; the
     *                          message says what to check
     */
    public static Inspection inspect(HistoryLocation location) {
        if (!(location instanceof HistoryLocation.Postgres pg)) {
            return inspect(((HistoryLocation.SqliteFile) location).file());
        }
        String where = pg.describe();
        try (Connection c = connectServer(pg)) {
            c.setReadOnly(true);
            Sql sql = new Sql(where, c, Dialect.POSTGRESQL);
            int version = Schema.version(sql);
            if (version > SCHEMA_VERSION) {
                throw Schema.newer(where, version);
            }
            long runs = version > 0 ? sql.number("count runs", "SELECT count(*) FROM runs", Sql.Binder.NONE) : 0;
            return new Inspection(version, runs);
        } catch (SQLException e) {
            throw new HistoryException("Cannot reach the history database " + where + ": " + e.getMessage()
                    + ". Check that the server is up and the database exists; the user comes from the URL or "
                    + HistoryLocation.USER_ENV + ", the password from " + HistoryLocation.PASSWORD_ENV
                    + " (the environment or .env).", e);
        }
    }

    public int schemaVersion() {
        return Schema.version(reader);
    }

    // ------------------------------------------------------------------------------------------------------ writes

    /**
     * Stores a finished run with all its results, failure groups and actions in one transaction, and
     * updates the fingerprints' first-seen / last-seen / occurrence counts.
     */
    public void saveRun(RunSummary run, Path runFolder) {
        writes.saveRun(run, runFolder);
        beating.remove(run.runId());
    }

    /**
     * Stores many finished runs in one transaction (an import, a benchmark's synthetic history): all of them or none.
     */
    public void saveRuns(List<RunSummary> runs) {
        writes.saveRuns(runs);
    }

    /**
     * Records that a run has started, owned by this process, so that a crash leaves a trace: the row says
     * {@code running} until {@link #saveRun} replaces it, and {@link #markInterrupted} turns it into
     * {@code interrupted} once no process owns it.
     */
    public void beginRun(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                         Path runFolder) {
        beginRun(runId, target, projects, dryRun, startedAt, runFolder, java.util.Set.of());
    }

    /**
     * {@link #beginRun(String, String, List, boolean, Instant, Path)}, with the faults the operator has switched on in
     * the target (the sandbox's, by id): a run interrupted mid-way keeps them too.
     */
    public void beginRun(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                         Path runFolder, java.util.Collection<String> faults) {
        writes.beginRun(runId, target, projects, dryRun, startedAt, runFolder, faults);
        beating.add(runId);
        startPulse();
    }

    /** Keeps one result of a run in progress at once (its own transaction): a crash after this loses none of it. */
    public void appendResult(String runId, TestResult r) {
        writes.appendResult(runId, r);
    }

    /**
     * Marks {@code interrupted} every run still {@code running} whose process is gone (killed, crashed, powered off),
     * with the counts and score of the results it kept. Runs owned by a live process (another console, a scheduled
     * run) are left alone. Called when the store opens. Returns the ids marked.
     */
    public List<String> markInterrupted() {
        return writes.markInterrupted(Instant.now(), SILENCE);
    }

    /**
     * One heartbeat (what the pulse does every {@link #HEARTBEAT}): the runs this process runs are alive now, and any
     * run that has given no sign of life for longer than {@link #SILENCE} is marked interrupted, "no sign of life
     * from MACHINE since T". Returns the ids so marked.
     */
    List<String> heartbeat(Instant now) {
        if (!beating.isEmpty()) {
            writes.heartbeat(beating, now);
        }
        return writes.markSilent(now, SILENCE);
    }

    /** Starts the heartbeat's thread, once: a daemon, stopped by {@link #close}. */
    private synchronized void startPulse() {
        if (pulse != null || closed) {
            return;
        }
        pulse = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "healdesk-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = HEARTBEAT.toMillis();
        pulse.scheduleWithFixedDelay(() -> {
            try {
                heartbeat(Instant.now());
            } catch (RuntimeException e) {
                // the server may be away for a while: the next beat tries again
                org.slf4j.LoggerFactory.getLogger(HistoryStore.class).warn("A heartbeat of the history {} failed: {}",
                        location.describe(), e.getMessage());
            }
        }, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the record of a run that stopped with an error in this process: it is marked {@code interrupted} with the
     * results it kept, or removed when it kept none (nothing ran, so there is nothing to show).
     */
    public void abandonRun(String runId) {
        writes.abandonRun(runId);
        beating.remove(runId);
    }

    /**
     * Deletes the finished and interrupted runs that started before {@code cutoff}, with their results, failure groups,
     * actions and audit trail, in one transaction (a run in progress is never touched). Fingerprints keep their
     * first-seen / last-seen / occurrences, and diagnoses stay cached. Returns how many runs went.
     */
    public int deleteRunsBefore(Instant cutoff) {
        return writes.deleteRunsBefore(cutoff);
    }

    /** Appends one line to the playbook audit trail, at once (see {@link AuditEntry}). */
    public void appendAudit(AuditEntry entry) {
        audit.append(entry);
    }

    /**
     * Keeps {@code d} as the diagnosis of its fingerprint by its model (replacing an older one). The text it holds
     * was produced from redacted input; callers redact it again before it comes here.
     */
    public void saveDiagnosis(Diagnosis d, String patternId, String category) {
        diagnoses.save(d, patternId, category);
    }

    // ------------------------------------------------------------------------------------------------- single runs

    /** The audit trail of one run, in the order it was written. */
    public List<AuditEntry> auditOf(String runId) {
        return audit.of(runId);
    }

    public Optional<RunRow> findRun(String runId) {
        return reads.find(runId);
    }

    public int countRuns() {
        return reads.count();
    }

    /** The counts of a run's first pass (its stored results are those of the first pass). */
    public RunOutcome.Pass firstPass(String runId) {
        return reads.firstPass(runId);
    }

    /** What became of a run, with its first pass and its actions read from the store. */
    public RunOutcome outcomeOf(RunRow row) {
        // a loop, not a stream: `history` asks this for every run it lists, in a short process
        List<ActionRecord> actions = new java.util.ArrayList<>();
        for (ActionRecordRow a : actionsOf(row.runId())) {
            actions.add(new ActionRecord(a.fingerprint(), a.playbook(), FixClass.valueOf(a.fixClass()),
                    Decision.valueOf(a.decision().trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    a.applied(), a.success(), a.verified(), a.message(), a.durationMs()));
        }
        RunOutcome.Done done = RunOutcome.Done.of(actions);
        return row.outcome(firstPass(row.runId()), done);
    }

    public List<StoredTest> testsOf(String runId) {
        return reads.tests(runId);
    }

    public List<StoredFailure> failuresOf(String runId) {
        return reads.failures(runId);
    }

    public List<ActionRecordRow> actionsOf(String runId) {
        return reads.actions(runId);
    }

    public Optional<FingerprintRow> fingerprint(String fingerprint) {
        return reads.fingerprint(fingerprint);
    }

    /**
     * The flip rate of each of {@code testIds} over its {@link FlipRate#WINDOW} most recent stored runs of
     * {@code target} (the tests of other targets may share an id; they are not counted). Tests never stored are absent.
     */
    public Map<String, FlipRate> flipRates(String target, Collection<String> testIds) {
        return reads.flipRates(target, testIds);
    }

    /** The playbook that last fixed {@code fingerprint} (applied, successful and verified), and when. */
    public Optional<WorkingFix> lastWorkingFix(String fingerprint) {
        return reads.lastWorkingFix(fingerprint);
    }

    /** A playbook that fixed a fingerprint, and when. */
    public record WorkingFix(String playbook, Instant at) {
    }

    /** A stored playbook action (strings as stored, so that old rows stay readable). */
    public record ActionRecordRow(String fingerprint, String playbook, String fixClass, String decision,
                                  boolean applied, boolean success, boolean verified, String message,
                                  long durationMs) {
    }

    // -------------------------------------------------------------------------------------------------- diagnoses

    /** The cached diagnosis of {@code fingerprint} by {@code model}, marked cached. */
    public Optional<Diagnosis> findDiagnosis(String fingerprint, String model) {
        return diagnoses.find(fingerprint, model);
    }

    /**
     * The newest well-formed diagnoses of other fingerprints with the same pattern (else the same category): the
     * examples a prompt shows the model.
     */
    public List<Diagnosis> similarDiagnoses(String fingerprint, String patternId, String category, int limit) {
        return diagnoses.similar(fingerprint, patternId, category, limit);
    }

    /**
     * The stored diagnoses of the failure groups of {@code runId}, by fingerprint: the one by the run's own model when
     * there is one, else the newest by any model.
     */
    public Map<String, Diagnosis> diagnosesOf(String runId) {
        return diagnoses.ofRun(runId);
    }

    // --------------------------------------------------------------------------------------- lists, trends, metrics

    /** The most recent runs first. */
    public List<RunRow> listRuns(int limit, int offset) {
        return queries.listRuns(HistoryQueries.RunFilter.ALL, limit, offset);
    }

    /** The {@code limit} most recent runs of {@code target}, the most recent first: a report's health trend. */
    public List<RunRow> runsOf(String target, int limit) {
        return queries.listRuns(new HistoryQueries.RunFilter(null, null, null, null, target, null), limit, 0);
    }

    /** The runs {@code filter} lets through, most recent first, one page. */
    public List<RunRow> listRuns(HistoryQueries.RunFilter filter, int limit, int offset) {
        return queries.listRuns(filter, limit, offset);
    }

    /**
     * How many runs {@code filter} lets through: the size of the list
     * {@link #listRuns(HistoryQueries.RunFilter, int, int)} pages over.
     */
    public int countRuns(HistoryQueries.RunFilter filter) {
        return queries.countRuns(filter);
    }

    /** The targets and the projects runs were recorded for, sorted: the choices of the runs list's filters. */
    public HistoryQueries.Choices choices() {
        return queries.choices();
    }

    /** Day by day (UTC) between {@code from} and {@code to}, for one target or all (null). */
    public List<HistoryQueries.TrendPoint> trend(String target, Instant from, Instant to) {
        return queries.trend(target, from, to);
    }

    /** The seeds' metrics over the runs started between {@code from} and {@code to} (all targets when null). */
    public HistoryQueries.Metrics metrics(String target, Instant from, Instant to) {
        return queries.metrics(target, from, to);
    }

    /** The incidents of run {@code runId} (issue 13), largest first; none for runs stored before schema 5. */
    public List<StoredIncident> incidentsOf(String runId) {
        return queries.incidentsOf(runId);
    }

    /** The incidents seen in most runs (the same cause has the same incident id run after run), latest first on ties. */
    public List<StoredIncident> topIncidents(int limit) {
        return queries.topIncidents(limit);
    }

    /** The fingerprints seen most often, with the last fix that healed each. */
    public List<HistoryQueries.Recurring> topFingerprints(int limit) {
        return queries.topFingerprints(limit);
    }

    /** The runs in which {@code fingerprint} failed, most recent first, with what was done about it. */
    public List<HistoryQueries.Occurrence> fingerprintHistory(String fingerprint, int limit) {
        return queries.fingerprintHistory(fingerprint, limit);
    }

    /** What changed between two runs, test by test. */
    public HistoryQueries.Comparison compare(String earlierRunId, String laterRunId) {
        return queries.compare(earlierRunId, laterRunId);
    }

    // ------------------------------------------------------------------------------------------------------- copy

    /**
     * Copies every run of this history that {@code target} lacks (by run id) into it, with all that was stored of it,
     * and the cached diagnoses; a second copy adds nothing. See {@link HistoryCopy}.
     */
    public HistoryCopy.Result copyInto(HistoryStore target, HistoryCopy.Progress progress) {
        return new HistoryCopy(reader, target.writer).copy(progress);
    }

    // ---------------------------------------------------------------------------------------------------- changes

    /** What {@link #watch} returns: closing it stops the calls. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Calls {@code onChange} each time the history changed: a run recorded, finished, interrupted or removed by any
     * writer, another workstation's, a scheduled run's or the CLI's as much as this store's own. It is called on a
     * thread of the store's own, never the caller's, at most once per {@link HistoryChanges#POLL} (2 s), and says
     * only that something changed: the listener reads what it shows again. SQLite learns of changes by reading
     * {@code PRAGMA data_version} every 2 s, PostgreSQL by {@code LISTEN}ing on a connection of its own (connecting
     * again when it breaks). Changes from the call on are heard; the store's {@link #close} stops every watch.
     *
     * @throws HistoryException when the PostgreSQL server cannot be reached for listening
     */
    public Watch watch(Runnable onChange) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The history " + location.describe() + " is closed");
            }
            if (changes == null) {
                changes = new HistoryChanges(location.describe(), changeSource(), HistoryChanges.POLL);
            }
            startPulse();   // a console that follows the history also gives up on runs that went silent
            return changes.watch(onChange);
        }
    }

    private HistoryChanges.Source changeSource() {
        if (location instanceof HistoryLocation.Postgres pg) {
            try {
                return HistoryChanges.listen(pg.describe(), () -> connectServer(pg));
            } catch (SQLException e) {
                throw new HistoryException("Cannot follow the history database " + pg.describe() + ": "
                        + e.getMessage() + ". Check that the server is up; the History screen refreshes only when"
                        + " asked until then.", e);
            }
        }
        return HistoryChanges.dataVersion(reader);
    }

    /** Lets {@code listener} hear every query of both connections from now on (null: none); for the plan test. */
    void listenToQueries(Sql.QueryListener listener) {
        writer.listen(listener);
        reader.listen(listener);
    }

    /** Closes both connections (the reader first: the writer's close checkpoints the WAL into the file). */
    @Override
    public void close() {
        HistoryChanges following;
        java.util.concurrent.ScheduledExecutorService beats;
        synchronized (this) {
            closed = true;
            following = changes;
            beats = pulse;
        }
        if (beats != null) {
            beats.shutdownNow();
            try {
                beats.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (following != null) {
            following.close();   // before the reader, which it reads on SQLite
        }
        try {
            reader.close("close");
        } finally {
            writer.close("close");
        }
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
}
