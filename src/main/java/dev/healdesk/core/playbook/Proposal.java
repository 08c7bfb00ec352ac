package dev.healdesk.core.playbook;

import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;

import java.util.List;

/**
 * A playbook proposed for one failure group, as a {@link DecisionGate} sees it: enough to decide without looking
 * anything up (the console shows one row per proposal).
 *
 * @param subjects what the playbook would touch (see {@link Playbook#subjects})
 * @param policy   the run's approval policy
 */
public record Proposal(String runId, FailureGroup group, String playbook, String description, FixClass fixClass,
                       Risk risk, Kind kind, List<String> subjects, String target, ApprovalPolicy policy) {
    public Proposal {
        subjects = List.copyOf(subjects);
    }

    public String fingerprint() {
        return group.fingerprint();
    }
}
