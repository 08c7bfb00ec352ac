package dev.healdesk.core.run;

import dev.healdesk.core.triage.FailureGroup;

import java.util.List;

/**
 * Seam for the playbooks (core/playbook): proposes a playbook for each failure group, takes the
 * operator's or the policy's decision, applies, verifies and rolls back. Returns every decision made.
 */
public interface Healer {

    List<ActionRecord> heal(String runId, List<FailureGroup> groups, RunOptions options, RunListener listener,
                            Cancellation cancel);
}
