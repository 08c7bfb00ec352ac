package dev.healdesk.cli;

import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryStore;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The history database that {@code report} and {@code history} read, with their {@code --results-dir} and {@code --db}
 * options (a picocli mixin): found as {@code run} finds it, never created.
 */
final class StoredHistory {

    @Option(names = "--results-dir", paramLabel = "DIR", description = "Where the runs went (default ./healing-results;"
            + " env HEALDESK_RESULTS_DIR).")
    Path resultsDir;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "History database: a SQLite file or"
            + " postgresql://host:port/database (default <results-dir>/healdesk.db; env HEALDESK_DB).")
    String db;

    /** Takes {@code --results-dir} or {@code --db} for {@link QuickStart}; false for any other option. */
    boolean option(String name, String value) {
        return switch (name) {
            case "--results-dir" -> (resultsDir = QuickStart.path(value)) != null;
            case "--db" -> (db = value) != null;
            default -> false;
        };
    }

    /** The paths these options and {@code env} give. */
    HealdeskPaths paths(Map<String, String> env) {
        return paths(resultsDir, db, env);
    }

    /** --db, else HEALDESK_DB, else {@code <--results-dir or HEALDESK_RESULTS_DIR or ./healing-results>/healdesk.db}. */
    static HealdeskPaths paths(Path resultsDir, String db, Map<String, String> env) {
        HealdeskPaths paths = HealdeskPaths.fromEnvironment(env);
        if (resultsDir != null) {
            paths = paths.withResultsDir(resultsDir);
            if (!env.containsKey(HealdeskPaths.DB_ENV)) {
                paths = paths.withDbFile(resultsDir.resolve("healdesk.db"));
            }
        }
        return db == null ? paths : paths.withDatabase(db);
    }

    /**
     * The steps to start early ({@link Prewarm}) for a command that opens this history, then {@code more}: the SQLite
     * driver first unless {@code --db}, or else {@code HEALDESK_DB} in the process's environment, names a PostgreSQL
     * server. The settings' layers may name the history too; a step done for nothing costs only the second thread's
     * time, one left out only the wait it would have saved.
     */
    Prewarm.Step[] prewarm(Prewarm.Step... more) {
        return sqliteFirst(Prewarm.Step.SQLITE, more);
    }

    /**
     * The steps for a second thread beside {@link #prewarm}'s: the SQLite driver's connection settings (unless the
     * history is on a server, as there), then {@code more}.
     */
    Prewarm.Step[] prewarmSettings(Prewarm.Step... more) {
        return sqliteFirst(Prewarm.Step.SQLITE_SETTINGS, more);
    }

    private Prewarm.Step[] sqliteFirst(Prewarm.Step sqlite, Prewarm.Step... more) {
        if (paths(null, db, System.getenv()).onServer()) {
            return more;
        }
        Prewarm.Step[] steps = new Prewarm.Step[more.length + 1];
        steps[0] = sqlite;
        System.arraycopy(more, 0, steps, 1, more.length);
        return steps;
    }

    /**
     * Opens an existing database; a missing or unreadable one is the operator's to fix (exit 2). A PostgreSQL
     * database is opened as it is (its tables made when missing: a team's new database is an empty history).
     */
    static HistoryStore open(HealdeskPaths paths) {
        if (paths.onServer()) {
            try {
                return HistoryStore.open(paths.history(Cli.config().env()));
            } catch (HistoryException | IllegalArgumentException e) {
                throw new Cli.UsageException("--db: " + e.getMessage(), e);
            }
        }
        Path file = paths.dbFile();
        if (!Files.isRegularFile(file)) {
            throw new Cli.UsageException("No history database at " + file + ": runs are stored there by 'healdesk run'."
                    + " Point --results-dir (or --db) at the folder the runs went to.");
        }
        try {
            return HistoryStore.open(file);
        } catch (HistoryException e) {
            throw new Cli.UsageException("--db: " + e.getMessage(), e);
        }
    }
}
