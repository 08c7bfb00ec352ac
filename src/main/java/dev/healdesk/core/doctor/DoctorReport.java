package dev.healdesk.core.doctor;

import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.suite.BrowserChoice;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link Doctor#run()} found: one {@link Check} per part, in a fixed order, and the facts behind them (the GPU
 * and Ollama snapshot, the browser, the database file) for callers that show more than the checks.
 *
 * @param browserProblem why the configured browser cannot be used, or null
 * @param dbFile         the SQLite history file (unused when {@code dbUrl} is set)
 * @param dbUrl          the PostgreSQL history's URL (never with a password), or null for the SQLite file
 * @param elapsedMs      the wall time of the whole check (the parts run at the same time)
 */
public record DoctorReport(List<Check> checks, LlmSetup.Snapshot llm, Optional<BrowserChoice> browser,
                           String browserProblem, Path dbFile, String dbUrl, long elapsedMs) {

    public DoctorReport {
        checks = List.copyOf(checks);
    }

    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** "7 checks in 1.2 s: 4 ok, 2 warnings, 1 missing" */
    public String summary() {
        long warnings = count(CheckStatus.WARNING);
        return String.format(Locale.ROOT, "%d checks in %.1f s: %d ok, %d warning%s, %d missing", checks.size(),
                elapsedMs / 1000.0, count(CheckStatus.OK), warnings, warnings == 1 ? "" : "s",
                count(CheckStatus.MISSING));
    }
}
