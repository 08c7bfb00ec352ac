package dev.healdesk.core.history;

/** A failure group as stored for one run. */
public record StoredFailure(String runId, String fingerprint, String category, String severity, String fixClass,
                            String patternId, String playbook, int count, String message) {
}
