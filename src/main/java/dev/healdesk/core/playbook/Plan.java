package dev.healdesk.core.playbook;

import java.util.List;

/**
 * The dry run of a playbook: every step it would take, and what is missing for it to run (a tool not on the PATH,
 * a credential not set, a setting not given), each with what to do. A plan with something missing is shown, never
 * applied.
 *
 * @param reversible whether {@link Playbook#rollback} can undo it
 */
public record Plan(String playbook, List<PlanStep> steps, List<String> missing, boolean reversible) {
    public Plan {
        steps = List.copyOf(steps);
        missing = List.copyOf(missing);
    }

    public boolean runnable() {
        return missing.isEmpty();
    }
}
