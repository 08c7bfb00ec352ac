package dev.healdesk.core.playbook;

import dev.healdesk.core.run.Decision;

/**
 * What a {@link DecisionGate} answered for one proposal, with who answered and why: the audit trail keeps all three.
 *
 * @param decidedBy {@link #POLICY} when a policy decided without a person, else "operator" or the person's name
 */
public record OperatorDecision(Verdict verdict, String decidedBy, String reason) {

    public static final String POLICY = "policy";

    /** Run it; plan only; or leave it. */
    public enum Verdict {
        APPROVE, DRY_RUN, REJECT
    }

    public static OperatorDecision approve(String decidedBy, String reason) {
        return new OperatorDecision(Verdict.APPROVE, decidedBy, reason);
    }

    public static OperatorDecision dryRun(String decidedBy, String reason) {
        return new OperatorDecision(Verdict.DRY_RUN, decidedBy, reason);
    }

    public static OperatorDecision reject(String decidedBy, String reason) {
        return new OperatorDecision(Verdict.REJECT, decidedBy, reason);
    }

    /** The decision as history records it: an approval by the policy is {@link Decision#AUTO}. */
    public Decision decision() {
        return switch (verdict) {
            case APPROVE -> POLICY.equals(decidedBy) ? Decision.AUTO : Decision.APPROVED;
            case DRY_RUN -> Decision.DRY_RUN;
            case REJECT -> Decision.REJECTED;
        };
    }
}
