package dev.healdesk.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where runs go by default: run folders in {@code ./healing-results} (HEALDESK_RESULTS_DIR) and the
 * history database beside them in {@code healdesk.db} (HEALDESK_DB). Flags override both.
 */
public record HealdeskPaths(Path resultsDir, Path dbFile) {

    public static final String RESULTS_ENV = "HEALDESK_RESULTS_DIR";
    public static final String DB_ENV = "HEALDESK_DB";

    public static HealdeskPaths fromEnvironment(Map<String, String> env) {
        Path results = Path.of(env.getOrDefault(RESULTS_ENV, "healing-results"));
        Path db = env.containsKey(DB_ENV) ? Path.of(env.get(DB_ENV)) : results.resolve("healdesk.db");
        return new HealdeskPaths(results, db);
    }

    public HealdeskPaths withResultsDir(Path dir) {
        return new HealdeskPaths(dir, dbFile);
    }

    public HealdeskPaths withDbFile(Path file) {
        return new HealdeskPaths(resultsDir, file);
    }
}
