package dev.healdesk.core.run;

import dev.healdesk.core.triage.FixClass;

/** One playbook decision and its outcome, as kept in history and in healing-summary.json. */
public record ActionRecord(String fingerprint, String playbook, FixClass fixClass, Decision decision,
                           boolean applied, boolean success, boolean verified, String message, long durationMs) {
}
