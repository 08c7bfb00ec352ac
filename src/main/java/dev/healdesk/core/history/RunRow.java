package dev.healdesk.core.history;

import dev.healdesk.core.triage.HealthStatus;

import java.time.Instant;

/** One line of the runs list. */
public record RunRow(String runId, String target, String projects, boolean dryRun, Instant startedAt,
                     Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                     int testsRun, int testsPassed, int testsFailed, int flaky, boolean cancelled, String runFolder) {
}
