package dev.healdesk.core.history;

import dev.healdesk.core.triage.HealthStatus;

import java.time.Instant;

/**
 * One line of the runs list.
 *
 * @param state {@code finished}; {@code running} while a process runs it (counts still zero); {@code interrupted} when
 *              its process died mid-run (counts and score from the results it kept)
 */
public record RunRow(String runId, String target, String projects, boolean dryRun, Instant startedAt,
                     Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                     int testsRun, int testsPassed, int testsFailed, int flaky, boolean cancelled, String runFolder,
                     String state) {

    public static final String FINISHED = "finished";
    public static final String RUNNING = "running";
    public static final String INTERRUPTED = "interrupted";

    public boolean interrupted() {
        return INTERRUPTED.equals(state);
    }
}
