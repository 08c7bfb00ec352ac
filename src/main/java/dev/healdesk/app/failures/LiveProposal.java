package dev.healdesk.app.failures;

/**
 * Where a playbook proposal stands in the Playbooks queue while its run goes on, as the failures screen shows it
 * until the run's recorded actions replace it.
 *
 * @param runId       the run it belongs to
 * @param fingerprint the failure group it is for (an incident's lead group)
 * @param playbook    the playbook proposed
 * @param state       "proposed", "awaiting", "applying", "rejected", … (the queue's state, in words)
 */
public record LiveProposal(String runId, String fingerprint, String playbook, String state) {
    /** "awaiting decision: kill-idle-db-connections", "applying: kill-idle-db-connections" */
    public String describe() {
        return ("awaiting".equals(state) ? "awaiting decision" : state) + ": " + playbook;
    }
}
