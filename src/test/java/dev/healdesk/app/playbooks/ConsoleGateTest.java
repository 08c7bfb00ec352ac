package dev.healdesk.app.playbooks;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.OperatorDecision;
import dev.healdesk.core.playbook.Proposal;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import javafx.util.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on a run's thread and the queue on the real FX thread: decide() blocks until the operator answers in the
 * queue, lets class A through under policy A, and returns a rejection promptly when the run is cancelled or the
 * console closes.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleGateTest {
    private final FailureGroup db = Fixtures.dbPool(Fixtures.failed("contracts/customers", "FATAL: remaining slots"));
    private final ExecutorService runThread = Executors.newSingleThreadExecutor();
    private final ConsoleGate gate = new ConsoleGate(FxBridge.platform(), "alice");
    private PlaybookQueueViewModel queue;

    @BeforeEach
    void attach(FxRobot robot) {
        robot.interact(() -> queue = new PlaybookQueueViewModel(() -> null));
        gate.attach(queue);
    }

    @AfterEach
    void stop() {
        runThread.shutdownNow();
    }

    private Proposal proposal(FixClass fixClass, Risk risk, ApprovalPolicy policy) {
        return new Proposal("run-1", db, "kill-idle", "Ends idle sessions", fixClass, risk,
                Kind.DATABASE, List.of("postgres"), "sandbox", policy);
    }

    private CompletableFuture<OperatorDecision> decideOnTheRunThread(Proposal p) {
        return CompletableFuture.supplyAsync(() -> gate.decide(p, PlaybookQueueViewModelTest.plan("kill-idle")),
                runThread);
    }

    private void awaitQuestion(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            int[] n = new int[1];
            robot.interact(() -> n[0] = queue.awaitingProperty().get());
            return n[0] == 1;
        });
    }

    @Test
    void decideBlocksUntilTheOperatorApprovesInTheQueue(FxRobot robot) throws Exception {
        CompletableFuture<OperatorDecision> decision = decideOnTheRunThread(
                proposal(FixClass.A, Risk.LOW, ApprovalPolicy.ASK));
        awaitQuestion(robot);
        Thread.sleep(300);
        assertThat(decision).as("the run waits for the operator").isNotDone();

        robot.interact(() -> {
            queue.reasonProperty().set("seen it before");
            queue.approve();
        });
        assertThat(decision.get(2, TimeUnit.SECONDS)).isEqualTo(OperatorDecision.approve("alice", "seen it before"));
    }

    @Test
    void decideReturnsTheOperatorsRejection(FxRobot robot) throws Exception {
        CompletableFuture<OperatorDecision> decision = decideOnTheRunThread(
                proposal(FixClass.B, Risk.LOW, ApprovalPolicy.A));
        awaitQuestion(robot);
        robot.interact(queue::reject);
        assertThat(decision.get(2, TimeUnit.SECONDS)).isEqualTo(OperatorDecision.reject("alice",
                "rejected in the console"));
    }

    @Test
    void policyALetsLowRiskClassAThroughButAsksForHighRisk(FxRobot robot) throws Exception {
        OperatorDecision auto = decideOnTheRunThread(proposal(FixClass.A, Risk.MEDIUM, ApprovalPolicy.A))
                .get(2, TimeUnit.SECONDS);
        assertThat(auto.decidedBy()).isEqualTo(OperatorDecision.POLICY);
        assertThat(auto.verdict()).isEqualTo(OperatorDecision.Verdict.APPROVE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queue.rows()).hasSize(1);
        assertThat(queue.rows().get(0).riskProperty().get()).isEqualTo(Risk.MEDIUM);
        assertThat(queue.rows().get(0).targetProperty().get()).isEqualTo("sandbox");

        CompletableFuture<OperatorDecision> high = decideOnTheRunThread(
                proposal(FixClass.A, Risk.HIGH, ApprovalPolicy.A));
        awaitQuestion(robot);
        robot.interact(queue::approve);
        Thread.sleep(200);
        assertThat(high).as("a high-risk approval waits for its confirmation").isNotDone();
        robot.interact(queue::approve);
        assertThat(high.get(2, TimeUnit.SECONDS).decidedBy()).isEqualTo("alice");
    }

    @Test
    void cancellingTheRunRejectsAtOnce(FxRobot robot) throws Exception {
        Cancellation cancel = new Cancellation();
        Subscription watching = gate.watch(cancel);
        CompletableFuture<OperatorDecision> decision = decideOnTheRunThread(
                proposal(FixClass.A, Risk.LOW, ApprovalPolicy.ASK));
        awaitQuestion(robot);

        long t0 = System.nanoTime();
        cancel.cancel();
        OperatorDecision d = decision.get(2, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms until the run goes on").isLessThan(1_000);
        assertThat(d.verdict()).isEqualTo(OperatorDecision.Verdict.REJECT);
        assertThat(d.decidedBy()).isEqualTo(ConsoleGate.NOBODY);
        assertThat(d.reason()).contains("cancelled");
        robot.interact(queue::approve);
        assertThat(decision.join()).as("a late click changes nothing").isEqualTo(d);
        watching.unsubscribe();
    }

    @Test
    void closingTheConsoleRejectsWhatWaitsAndWhatComes(FxRobot robot) throws Exception {
        CompletableFuture<OperatorDecision> decision = decideOnTheRunThread(
                proposal(FixClass.C, Risk.LOW, ApprovalPolicy.ASK));
        awaitQuestion(robot);
        gate.close();
        assertThat(decision.get(2, TimeUnit.SECONDS).reason()).contains("console closed");
        assertThat(gate.decide(proposal(FixClass.A, Risk.LOW, ApprovalPolicy.ASK),
                PlaybookQueueViewModelTest.plan("kill-idle")).verdict()).isEqualTo(OperatorDecision.Verdict.REJECT);
    }
}
