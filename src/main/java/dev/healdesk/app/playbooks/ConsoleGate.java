package dev.healdesk.app.playbooks;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.playbook.DecisionGate;
import dev.healdesk.core.playbook.OperatorDecision;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PolicyGate;
import dev.healdesk.core.playbook.Proposal;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.triage.FixClass;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console's {@link DecisionGate}: puts a proposal to the operator in the Playbooks queue and waits, on the run's
 * thread, for Approve / Dry-run / Reject. What it asks:
 * <ul>
 *   <li>{@code ask} (the console's default): every proposal.</li>
 *   <li>{@code A} ("Run class A fixes without asking"): class A of low or medium risk runs, decided by "policy" as
 *       the CLI's {@link PolicyGate} decides it; everything else is asked.</li>
 *   <li>Whatever the policy: class B and C are always asked (they never apply without an explicit approval), and so
 *       is a high-risk playbook, whose approval the queue makes the operator confirm.</li>
 *   <li>{@code none}: nothing runs, as with the CLI.</li>
 * </ul>
 * It never leaves a run hanging: the wait polls, and ends with a rejection on record as soon as the run is
 * cancelled, the console closes or the thread is interrupted.
 */
public final class ConsoleGate implements DecisionGate {
    /** Who "decided" a proposal that nobody answered (the run was cancelled, the console closed). */
    static final String NOBODY = "healdesk";
    private static final Duration POLL = Duration.ofMillis(100);

    private final FxBridge bridge;
    private final String operator;
    private final PolicyGate policy;
    private volatile PlaybookQueueViewModel queue;
    private volatile Cancellation watched;
    private volatile boolean closed;

    /** @param operator who answers in this console (the OS user), recorded with each of their decisions */
    public ConsoleGate(FxBridge bridge, String operator) {
        this.bridge = bridge;
        this.operator = operator == null || operator.isBlank() ? "operator" : operator;
        this.policy = new PolicyGate(this.operator);
    }

    /** Where questions go from now on (the console's queue, made after this gate). */
    public void attach(PlaybookQueueViewModel queue) {
        this.queue = queue;
    }

    /**
     * Watches the run in progress: its cancellation withdraws the question it waits on. The console runs one run at a
     * time, so one watched cancellation is enough; the returned subscription stops watching.
     */
    public Subscription watch(Cancellation cancel) {
        watched = cancel;
        return () -> {
            if (watched == cancel) {
                watched = null;
            }
        };
    }

    /** The console closes: every question now and later is answered with a rejection. */
    public void close() {
        closed = true;
    }

    @Override
    public OperatorDecision decide(Proposal proposal, Plan plan) {
        PlaybookQueueViewModel to = queue;
        if (to == null || closed) {
            return OperatorDecision.reject(NOBODY, "the console has no queue to ask the operator through");
        }
        if (!mustAsk(proposal)) {
            bridge.post(() -> to.described(proposal));
            return policy.decide(proposal, plan);
        }
        Question question = new Question(proposal, operator);
        bridge.post(() -> to.ask(question));
        return await(question);
    }

    private static boolean mustAsk(Proposal p) {
        if (p.policy() == ApprovalPolicy.NONE) {
            return false;
        }
        return p.policy() == ApprovalPolicy.ASK || p.fixClass() != FixClass.A || p.risk() == Risk.HIGH;
    }

    private OperatorDecision await(Question question) {
        while (true) {
            String stop = stopReason();
            if (stop != null && question.withdraw(NOBODY, stop)) {
                return question.answer().join();
            }
            try {
                return question.answer().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // no answer yet: look again whether the run still wants one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                question.withdraw(NOBODY, "the run was interrupted while the operator was asked");
                return question.answer().join();
            } catch (ExecutionException e) {
                return OperatorDecision.reject(NOBODY, "no decision could be taken: " + e.getCause());
            }
        }
    }

    private String stopReason() {
        if (closed) {
            return "the console closed while the operator was asked";
        }
        Cancellation c = watched;
        return c != null && c.isCancelled() ? "the run was cancelled while the operator was asked" : null;
    }
}
