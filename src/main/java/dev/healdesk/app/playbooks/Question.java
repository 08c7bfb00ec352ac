package dev.healdesk.app.playbooks;

import dev.healdesk.core.playbook.OperatorDecision;
import dev.healdesk.core.playbook.Proposal;

import java.util.concurrent.CompletableFuture;

/**
 * One proposal the {@link ConsoleGate} put to the operator: the run's thread waits on {@link #answer()}, the queue
 * completes it from the FX thread. Whoever completes it first wins (the operator, or the gate withdrawing it when the
 * run is cancelled), so a late click can never change a decision already taken. Its plan is not here: it reaches the
 * queue as the run's PlaybookPlanned event, with its steps described and redacted.
 */
public final class Question {
    private final Proposal proposal;
    private final String operator;
    private final CompletableFuture<OperatorDecision> answer = new CompletableFuture<>();

    /** @param operator who answers in this console (the OS user), recorded with the decision */
    public Question(Proposal proposal, String operator) {
        this.proposal = proposal;
        this.operator = operator;
    }

    public Proposal proposal() {
        return proposal;
    }

    CompletableFuture<OperatorDecision> answer() {
        return answer;
    }

    /** The operator's answer; false when the question was already answered or withdrawn. */
    boolean answer(OperatorDecision.Verdict verdict, String reason) {
        return answer.complete(new OperatorDecision(verdict, operator, reason));
    }

    /** Withdraws the question with a rejection that nobody gave ({@code by}); false when it was already answered. */
    boolean withdraw(String by, String reason) {
        return answer.complete(OperatorDecision.reject(by, reason));
    }

    boolean isOpen() {
        return !answer.isDone();
    }
}
