package dev.healdesk.core.config;

import dev.healdesk.core.history.HistoryLocation;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where runs go by default: run folders in {@code ./healing-results} (HEALDESK_RESULTS_DIR) and the
 * history database beside them in {@code healdesk.db} (HEALDESK_DB). Flags override both. HEALDESK_DB (or --db) may
 * instead name a PostgreSQL database, {@code postgresql://host:port/database}, for a team's shared history: then
 * {@code dbUrl} holds it and {@code dbFile} is unused.
 *
 * @param dbUrl the PostgreSQL URL the history is on (never with a password: {@link HistoryLocation#parse} refuses
 *              one); null for the SQLite file {@code dbFile}
 */
public record HealdeskPaths(Path resultsDir, Path dbFile, String dbUrl) {

    public static final String RESULTS_ENV = "HEALDESK_RESULTS_DIR";
    public static final String DB_ENV = "HEALDESK_DB";

    public HealdeskPaths(Path resultsDir, Path dbFile) {
        this(resultsDir, dbFile, null);
    }

    public static HealdeskPaths fromEnvironment(Map<String, String> env) {
        Path results = Path.of(env.getOrDefault(RESULTS_ENV, "healing-results"));
        String db = env.get(DB_ENV);
        if (db != null && HistoryLocation.isServer(db)) {
            return new HealdeskPaths(results, results.resolve("healdesk.db"), db.strip());
        }
        return new HealdeskPaths(results, db != null ? Path.of(db) : results.resolve("healdesk.db"), null);
    }

    public HealdeskPaths withResultsDir(Path dir) {
        return new HealdeskPaths(dir, dbFile, dbUrl);
    }

    public HealdeskPaths withDbFile(Path file) {
        return new HealdeskPaths(resultsDir, file, null);
    }

    /** The history at {@code db}: a PostgreSQL URL or a file path (what --db takes). */
    public HealdeskPaths withDatabase(String db) {
        return HistoryLocation.isServer(db) ? new HealdeskPaths(resultsDir, dbFile, db.strip())
                : withDbFile(Path.of(db));
    }

    /** Whether the history is on a PostgreSQL server rather than in a SQLite file. */
    public boolean onServer() {
        return dbUrl != null;
    }

    /**
     * Where the history is, with the PostgreSQL user and password from {@code env} (PGUSER, PGPASSWORD: the
     * environment over .env).
     *
     * @throws IllegalArgumentException when the URL holds a password or is malformed; the message says what to do and
     *                                  never repeats the URL
     */
    public HistoryLocation history(Map<String, String> env) {
        return dbUrl != null ? HistoryLocation.parse(dbUrl, DB_ENV + " (or --db)", env) : HistoryLocation.sqlite(dbFile);
    }
}
