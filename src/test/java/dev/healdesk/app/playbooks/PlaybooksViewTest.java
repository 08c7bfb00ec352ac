package dev.healdesk.app.playbooks;

import atlantafx.base.controls.Notification;
import dev.healdesk.app.ConsoleView;
import dev.healdesk.app.ConsoleServices;
import dev.healdesk.app.ConsoleViewModel;
import dev.healdesk.app.Fixtures;
import dev.healdesk.app.Screen;
import dev.healdesk.app.failures.ArtifactOpener;
import dev.healdesk.app.failures.PlaybookPicks;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.OperatorDecision;
import dev.healdesk.core.playbook.Proposal;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Playbooks screen inside the console's window (TestFX, headless Monocle), with a gate asked from a run thread:
 * the rail counts the proposal and a notice offers it while the operator is elsewhere, the plan shows on selection,
 * Approve by click and by shortcut reaches the waiting run, and a healed fix is announced.
 */
@ExtendWith(ApplicationExtension.class)
class PlaybooksViewTest {
    @TempDir
    static Path dir;

    private final FailureGroup db = Fixtures.dbPool(Fixtures.failed("contracts/customers", "FATAL: remaining slots"));
    private final ExecutorService runThread = Executors.newSingleThreadExecutor();
    private final ConsoleGate gate = new ConsoleGate(FxBridge.platform(), "alice");
    private ConsoleViewModel model;
    private ConsoleView view;

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        model = new ConsoleViewModel(new ConsoleServices((options, listener, cancel) -> null,
                () -> {
                    throw new IllegalStateException("no history in this test");
                }, () -> {
                    throw new IllegalStateException("no LLM in this test");
                }, ConsoleServices.Threads.direct(), FxBridge.direct(), new Fixtures.RecordingDialogs(),
                dir, gate, new PlaybookPicks(), () -> null, ArtifactOpener.NONE, null));
        view = new ConsoleView(model, theme, Fixtures.settings(dir, theme));
        Scene scene = new Scene(view.root(), 1240, 780);   // within Monocle's headless 1280x800 screen
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        gate.close();
        runThread.shutdownNow();
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
    }

    private CompletableFuture<OperatorDecision> proposeOnTheRunThread(FxRobot robot, Risk risk) throws Exception {
        robot.interact(() -> model.playbooks().accept(PlaybookQueueViewModelTest.proposedAndPlanned(db,
                "kill-idle", FixClass.A)));
        Proposal p = new Proposal(PlaybookQueueViewModelTest.RUN, db, "kill-idle", "Ends idle sessions",
                FixClass.A, risk, Kind.DATABASE, List.of("postgres"), "sandbox", ApprovalPolicy.ASK);
        CompletableFuture<OperatorDecision> decision = CompletableFuture.supplyAsync(
                () -> gate.decide(p, PlaybookQueueViewModelTest.plan("kill-idle")), runThread);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#proposal-approve").tryQuery()
                .map(n -> !n.isDisabled()).orElse(false) || robot.lookup("#notice-awaiting").tryQuery().isPresent());
        return decision;
    }

    @Test
    void anOperatorElsewhereIsToldAndApprovesWithAClick(FxRobot robot) throws Exception {
        CompletableFuture<OperatorDecision> decision = proposeOnTheRunThread(robot, Risk.LOW);
        Label count = robot.lookup("#nav-playbooks-count").queryAs(Label.class);
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("1");
        Notification notice = robot.lookup("#notice-awaiting").queryAs(Notification.class);
        assertThat(notice.getMessage()).contains("Playbook awaiting approval", "kill-idle");

        robot.clickOn("#nav-playbooks");
        assertThat(robot.lookup("#notice-awaiting").tryQuery()).as("the notice is done with").isEmpty();
        TableView<QueueRow> table = robot.lookup("#playbooks-table").queryTableView();
        assertThat(table.getSelectionModel().getSelectedItem().state()).isEqualTo(ProposalState.AWAITING);
        assertThat(robot.lookup(".badge.state-awaiting").tryQuery()).isPresent();
        assertThat(robot.lookup("#plan-steps").queryListView().getItems())
                .containsExactly("Terminate idle sessions: [\"psql\" \"-c\" \"…\"]");
        assertThat(robot.lookup("#guardrail-counters").queryAs(Label.class).getText()).startsWith("Guardrails");

        robot.clickOn("#proposal-reason").write("pool full");
        Button approve = robot.lookup("#proposal-approve").queryButton();
        assertThat(approve.getText()).isEqualTo("Approve  (A)");
        robot.clickOn(approve);
        assertThat(decision.get(2, TimeUnit.SECONDS)).isEqualTo(OperatorDecision.approve("alice", "pool full"));
        assertThat(approve.isDisabled()).isTrue();
        assertThat(count.isVisible()).isFalse();
    }

    @Test
    void theShortcutsAnswerFromTheTableAndAHighRiskApprovalIsConfirmed(FxRobot robot) throws Exception {
        robot.interact(() -> view.select(Screen.PLAYBOOKS));
        CompletableFuture<OperatorDecision> rejected = proposeOnTheRunThread(robot, Risk.LOW);
        assertThat(robot.lookup("#notice-awaiting").tryQuery()).as("no notice on this screen").isEmpty();
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.R);
        assertThat(rejected.get(2, TimeUnit.SECONDS)).isEqualTo(OperatorDecision.reject("alice",
                "rejected in the console"));

        CompletableFuture<OperatorDecision> approved = proposeOnTheRunThread(robot, Risk.HIGH);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.A);
        assertThat(robot.lookup("#proposal-approve").queryButton().getText()).isEqualTo("Confirm high-risk  (A)");
        Thread.sleep(200);
        assertThat(approved).as("one press is not a confirmation").isNotDone();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(approved.get(2, TimeUnit.SECONDS).verdict()).isEqualTo(OperatorDecision.Verdict.APPROVE);
    }

    @Test
    void aHealedFixIsAnnounced(FxRobot robot) {
        robot.interact(() -> {
            model.playbooks().accept(PlaybookQueueViewModelTest.proposedAndPlanned(db, "kill-idle", FixClass.A));
            model.playbooks().accept(List.of(
                    PlaybookQueueViewModelTest.decided(db, "kill-idle", Decision.AUTO, "policy", "class A"),
                    new RunEvent.PlaybookApplied(PlaybookQueueViewModelTest.RUN, PlaybookQueueViewModelTest.action(db,
                            "kill-idle", FixClass.A, true, false, false, "terminated 4 sessions"), ""),
                    new RunEvent.PlaybookVerified(PlaybookQueueViewModelTest.RUN, PlaybookQueueViewModelTest.action(
                            db, "kill-idle", FixClass.A, true, true, true, "verified"))));
        });
        Notification notice = robot.lookup("#notice-healed").queryAs(Notification.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getMessage()).startsWith("Healed by kill-idle");
        assertThat(notice.getStyleClass()).contains("success");

        robot.clickOn("#nav-playbooks");
        assertThat(robot.lookup(".badge.state-healed").queryAs(Label.class).getText()).isEqualTo("healed");
    }
}
