package dev.healdesk.app;

import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.app.playbooks.ProposalState;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole console over the real composition root (results and history in a temp folder) and the
 * real sandbox: faults switched on through the fault panel, a run started with the Start button, its proposals
 * rejected in the Playbooks queue (the status bar saying "running" meanwhile), and its triaged failures read back
 * from the Failures screen and the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    @TempDir
    Path dir;

    private final Fixtures.RecordingDialogs dialogs = new Fixtures.RecordingDialogs();
    private AppContext context;
    private ConsoleViewModel model;
    private ConsoleView view;

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        context = new AppContext(new HealdeskPaths(dir.resolve("results"), dir.resolve("healdesk.db")));
        model = context.newConsoleModel(dialogs, uri -> { });
        view = new ConsoleView(model, theme, Fixtures.settings(dir, theme));
        Scene scene = new Scene(view.root(), 1240, 780);   // within Monocle's headless 1280x800 screen
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
        model.load();
        context.connectSandbox(model);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
        context.close();
    }

    @Test
    void faultsFromThePanelShowUpAsTriagedFailures(FxRobot robot) throws Exception {
        // After the hardware probe too: the Ollama banner it may raise moves the fault switches down the screen, and
        // a click aimed at a switch before it would land where the switch was.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.faults().availableProperty().get()
                && model.run().canStartBinding().get() && model.hardware().probedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        SandboxServer server = context.startSandbox().get().server();

        robot.clickOn("#fault-db-pool-exhausted");
        robot.clickOn("#fault-selector-changed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> server.isOn(Fault.DB_POOL_EXHAUSTED) && server.isOn(Fault.SELECTOR_CHANGED));

        robot.clickOn("#start-run");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.run().runningProperty().get()
                || model.run().lastSummaryProperty().get() != null);
        assertTrue(robot.lookup("#start-run").query().isDisabled() || model.run().lastSummaryProperty().get() != null,
                "Start is disabled while a run runs");
        // While the run waits for the operator, the status bar says a run is in progress, not "no run yet".
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> model.playbooks().awaitingProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("running", robot.lookup("#status-health").queryAs(Label.class).getText());
        assertEquals("first run in progress", robot.lookup("#status-score").queryAs(Label.class).getText());
        // The console asks before any fix: the operator rejects each proposal, so the faults stay on.
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            robot.interact(() -> model.playbooks().rows().stream()
                    .filter(r -> r.state() == ProposalState.AWAITING).findFirst().ifPresent(r -> {
                        model.playbooks().selectedProperty().set(r);
                        model.playbooks().reject();
                    }));
            return !model.run().runningProperty().get() && model.run().lastSummaryProperty().get() != null;
        });
        assertEquals(List.of(), dialogs.shown, "no error dialog");

        robot.clickOn("#nav-failures");
        WaitForAsyncUtils.waitForFxEvents();
        List<FailureGroup> rows = List.copyOf(model.failures().groups());
        assertTrue(rows.stream().anyMatch(g -> g.category() == Category.DATABASE && g.fixClass() == FixClass.A),
                "the pool error is database / class A: " + describe(rows));
        assertTrue(rows.stream().anyMatch(g -> g.category() == Category.UI && g.fixClass() == FixClass.B),
                "the selector change is ui / class B: " + describe(rows));
        javafx.scene.control.TreeTableView<?> tree = robot.lookup("#failures-table")
                .queryAs(javafx.scene.control.TreeTableView.class);
        assertEquals(0, tree.getSelectionModel().getSelectedIndex(), "the most severe incident's row is selected");
        assertEquals(rows.get(0), model.failures().selectedProperty().get(), "the most severe group is selected");
        assertEquals(rows.get(0).fingerprint(), robot.lookup("#detail-fingerprint").queryAs(Label.class).getText(),
                "the detail pane shows the selected group");
        assertTrue(robot.lookup(".badge.category-database").tryQuery().isPresent(), "a database badge is on screen");
        assertTrue(robot.lookup(".badge.category-ui").tryQuery().isPresent(), "a ui badge is on screen");

        Label status = robot.lookup("#status-health").queryAs(Label.class);
        assertTrue(status.getText().equals("FAILING") || status.getText().equals("DEGRADED"), status.getText());
        assertTrue(status.getStyleClass().contains("status-failing")
                || status.getStyleClass().contains("status-degraded"), status.getStyleClass().toString());
        assertTrue(view.shownStatus() != HealthStatus.HEALTHY);
        String runId = model.run().lastSummaryProperty().get().runId();
        assertEquals(runId, robot.lookup("#status-run").queryAs(Label.class).getText());
        assertTrue(Files.isRegularFile(dir.resolve("results").resolve(runId).resolve("healing-summary.json")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.history().runs().isEmpty());
        assertEquals(runId, model.history().runs().get(0).runId(), "the history lists the run");
    }

    private static String describe(List<FailureGroup> rows) {
        return rows.stream().map(g -> g.category().id() + "/" + g.fixClass() + "[" + g.classification().patternId()
                + "] " + g.message()).toList().toString();
    }
}
