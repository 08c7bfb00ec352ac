package dev.healdesk.core.history;

import java.time.Instant;

/**
 * One line of the playbook audit trail: what happened to a proposal, when, decided or done by whom. Kept apart from
 * the run's actions so that it is written as it happens, and survives a run that never finishes.
 *
 * @param stage   proposed, planned, decided, applied, verified or rolled-back
 * @param actor   who decided or acted: "policy", "guardrails", "operator", a user name, or "healdesk" for the executor
 * @param outcome the decision's id for {@code decided}; ok / failed for the others; null for proposed and planned
 * @param detail  the plan, the reason, the output or the verification, without secrets
 */
public record AuditEntry(String runId, Instant at, String stage, String fingerprint, String playbook, String actor,
                         String outcome, String detail) {
}
