package dev.healdesk.core.playbook;

import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.triage.FixClass;

/**
 * Decides from the approval policy alone, for runs with nobody to ask (the CLI; the console asks its operator
 * through its own gate, which leaves to this one only what policy A lets through and what policy none refuses):
 * <ul>
 *   <li>{@code none}: nothing runs.</li>
 *   <li>{@code A} (and {@code ask}, which without a queue to ask through falls back to the CLI's default): class A
 *       runs, decided by "policy"; class B and C are refused, since they never run without an explicit approval.</li>
 *   <li>{@code all}: class A runs by policy; class B and C run as approved by the person who typed
 *       {@code --approve=all}, which is that explicit approval, recorded under their name.</li>
 *   <li>A high-risk playbook is refused under every policy: it needs a confirmation of that one proposal, which
 *       a policy given up front is not.</li>
 * </ul>
 */
public final class PolicyGate implements DecisionGate {

    private final String user;

    /** @param user who started the run (the OS user name), recorded for approvals given by {@code --approve=all} */
    public PolicyGate(String user) {
        this.user = user == null || user.isBlank() ? "operator" : user;
    }

    @Override
    public OperatorDecision decide(Proposal proposal, Plan plan) {
        ApprovalPolicy policy = proposal.policy() == ApprovalPolicy.ASK ? ApprovalPolicy.A : proposal.policy();
        if (policy == ApprovalPolicy.NONE) {
            return OperatorDecision.reject(OperatorDecision.POLICY,
                    "approval policy none: no fix runs without an operator's approval");
        }
        if (proposal.risk() == Risk.HIGH) {
            return OperatorDecision.reject(OperatorDecision.POLICY,
                    "high risk: needs the operator's confirmation of this proposal, which a policy cannot give");
        }
        if (proposal.fixClass() == FixClass.A) {
            return OperatorDecision.approve(OperatorDecision.POLICY, "class A fixes run automatically under policy "
                    + policy.name());
        }
        if (policy == ApprovalPolicy.ALL) {
            return OperatorDecision.approve(user, "class " + proposal.fixClass() + " approved by --approve=all");
        }
        return OperatorDecision.reject(OperatorDecision.POLICY, "class " + proposal.fixClass()
                + " needs an operator's explicit approval (--approve=all, or the console)");
    }
}
