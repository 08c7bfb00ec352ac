package dev.healdesk.core.playbook;

/**
 * Where the executor asks whether a planned playbook may run. It blocks until there is an answer: the CLI's
 * {@link PolicyGate} answers at once from the approval policy; a console gate queues the proposal with its plan and
 * waits for the operator's Approve / Dry-run / Reject. The guardrails are checked by the executor before and after,
 * whatever the gate says, so a gate never has to know them.
 */
@FunctionalInterface
public interface DecisionGate {

    /** Called on the run's thread; may block. {@code plan} is runnable (nothing missing). */
    OperatorDecision decide(Proposal proposal, Plan plan);
}
