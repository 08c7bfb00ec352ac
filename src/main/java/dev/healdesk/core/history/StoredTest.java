package dev.healdesk.core.history;

/** A test result as stored for one run. */
public record StoredTest(String runId, String testId, String project, String title, String status,
                         long durationMs, String errorMessage, String fingerprint) {
}
