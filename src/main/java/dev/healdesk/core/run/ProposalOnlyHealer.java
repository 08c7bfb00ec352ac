package dev.healdesk.core.run;

import dev.healdesk.core.triage.FailureGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes the pattern's playbook for each failure group and records the decision, without running
 * anything: this build has no playbook executor yet, so a proposal is recorded as {@code skipped}
 * (or {@code dry-run} in a dry run) with the reason, never as applied.
 */
public final class ProposalOnlyHealer implements Healer {

    @Override
    public List<ActionRecord> heal(String runId, List<FailureGroup> groups, RunOptions options, RunListener listener,
                                   Cancellation cancel) {
        List<ActionRecord> actions = new ArrayList<>();
        for (FailureGroup g : groups) {
            String playbook = g.classification().playbook();
            if (playbook == null || cancel.isCancelled()) {
                continue;
            }
            listener.onEvent(new RunEvent.PlaybookProposed(runId, g.fingerprint(), playbook, g.fixClass()));
            Decision decision = options.dryRun() ? Decision.DRY_RUN : Decision.SKIPPED;
            String reason = options.dryRun()
                    ? "dry run: would run " + playbook + " for " + g.count() + " failing test(s)"
                    : "not applied: no playbook executor is installed in this build";
            listener.onEvent(new RunEvent.PlaybookDecided(runId, g.fingerprint(), playbook, decision, reason));
            actions.add(new ActionRecord(g.fingerprint(), playbook, g.fixClass(), decision, false, false, false,
                    reason, 0));
        }
        return actions;
    }
}
