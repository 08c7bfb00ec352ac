package dev.healdesk.app.run;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.run.RunEvent;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import atlantafx.base.controls.Message;
import dev.healdesk.core.sandbox.Fault;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run screen in a window (TestFX, headless Monocle): the live log's entries of several lines (a plan with its
 * steps, a re-run with its failed tests) are as tall as their lines, so none is drawn over the entry after it; the
 * banner of an unreachable model; the tooltips, installed after the first frame; the Max fixes spinner, whose editor
 * gets JavaFX's own text skin after the first frame.
 */
@ExtendWith(ApplicationExtension.class)
class RunViewTest {
    private RunViewModel model;
    private FaultPanelViewModel faults;
    private RunView view;
    private final SimpleStringProperty llmProblem = new SimpleStringProperty();

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        model = new RunViewModel((options, listener, cancel) -> {
            listener.onEvent(new RunEvent.RunStarted("run-3", "sandbox", List.of("health"), options, Fixtures.T0, -1));
            listener.onEvent(new RunEvent.Log("run-3", RunEvent.Log.Level.INFO, "before the plan"));
            listener.onEvent(new RunEvent.PlaybookPlanned("run-3", "fp-1", "kill-idle-db-connections",
                    List.of("Terminate the idle connections", "Check the pool", "Wait for the pool to refill"),
                    List.of(), false));
            listener.onEvent(new RunEvent.Log("run-3", RunEvent.Log.Level.INFO, "after the plan"));
            return null;
        }, Runnable::run, FxBridge.direct(), new Fixtures.RecordingDialogs(), null);
        model.targetReady("sandbox", List.of("health"));
        faults = new FaultPanelViewModel(FxBridge.direct(), Runnable::run);
        view = new RunView(model, faults, llmProblem);
        Scene scene = new Scene(view.root(), 1240, 780);   // within Monocle's headless 1280x800 screen
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            faults.dispose();
        });
    }

    @Test
    void aPlanWithItsStepsTakesTheHeightOfItsLinesAndTheNextEntryStartsBelowIt(FxRobot robot) {
        robot.interact(model::start);
        WaitForAsyncUtils.waitForFxEvents();

        List<ListCell<?>> cells = robot.lookup("#run-log .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() != null && c.isVisible())
                .sorted(Comparator.comparingDouble(ListCell::getLayoutY)).toList();
        ListCell<?> before = cell(cells, "before the plan");
        ListCell<?> plan = cell(cells, "PLAN ");
        ListCell<?> after = cell(cells, "after the plan");
        double oneLine = before.getHeight();
        assertThat(plan.getHeight()).as("four lines: the plan's head and its three steps")
                .isGreaterThan(3.5 * (oneLine - 8));
        assertThat(after.getLayoutY()).as("the entry after the plan starts where the plan ends")
                .isGreaterThanOrEqualTo(plan.getLayoutY() + plan.getHeight() - 0.5);
        assertThat(plan.getLayoutY()).isGreaterThanOrEqualTo(before.getLayoutY() + oneLine - 0.5);
    }

    @Test
    void theNoLocalModelBannerShowsAboveTheOptionsWhileTheModelCannotBeReachedAndTakesNoRoomOtherwise(FxRobot robot) {
        Node options = robot.lookup("#dry-run").query();
        double optionsY = options.localToScene(0, 0).getY();
        assertThat(robot.lookup("#llm-banner").tryQuery()).as("no banner while the model can be reached").isEmpty();

        robot.interact(() -> llmProblem.set("Ollama is not running at http://127.0.0.1:11434: start it with `ollama serve`"));
        WaitForAsyncUtils.waitForFxEvents();
        Message banner = robot.lookup("#llm-banner").queryAs(Message.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getDescription()).contains("ollama serve");
        assertThat(banner.localToScene(0, 0).getY() + banner.getHeight()).as("the banner is above the options")
                .isLessThanOrEqualTo(options.localToScene(0, 0).getY());
        assertThat(options.localToScene(0, 0).getY()).as("and moves them down").isGreaterThan(optionsY);

        robot.interact(() -> llmProblem.set(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();
        assertThat(options.localToScene(0, 0).getY()).as("the options are back where they were").isEqualTo(optionsY);
    }

    @Test
    void theOptionsAndTheFaultSwitchesHaveTheirTooltipsOnceTheScreenIsDrawn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dry-run").queryAs(CheckBox.class)
                .getTooltip() != null);
        assertThat(robot.lookup("#dry-run").queryAs(CheckBox.class).getTooltip().getText())
                .isEqualTo("Propose and record fixes without applying anything");
        assertThat(robot.lookup("#skip-llm").queryAs(CheckBox.class).getTooltip().getText())
                .isEqualTo("Triage with the pattern catalog only; ask no model");
        assertThat(robot.lookup("#class-a-without-asking").queryAs(CheckBox.class).getTooltip().getText())
                .startsWith("Low- and medium-risk class A fixes run at once");
        assertThat(robot.lookup("#restart-sandbox").queryAs(Button.class).getTooltip().getText())
                .isEqualTo("Restart the sandbox server: clears backend-down");
        Tooltip fault = robot.lookup("#fault-backend-down").queryAs(Control.class).getTooltip();
        assertThat(fault.getText()).isEqualTo(Fault.BACKEND_DOWN.description());
        assertThat(fault.isWrapText()).isTrue();
        assertThat(fault.getShowDelay()).isEqualTo(Duration.millis(300));
    }

    @Test
    void maxFixesIsAJavaFxSpinnerWithItsOwnTextSkinOnceTheScreenIsDrawnAndItsArrowsChangeTheRunsLimit(FxRobot robot)
            throws Exception {
        Spinner<?> spinner = robot.lookup("#max-fixes").queryAs(Spinner.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> spinner.getEditor().getSkin() instanceof TextFieldSkin);
        int before = model.maxFixesProperty().get();
        assertThat(spinner.getEditor().getText()).isEqualTo(String.valueOf(before));

        robot.clickOn(robot.lookup("#max-fixes .increment-arrow-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.maxFixesProperty().get()).isEqualTo(before + 1);
        assertThat(spinner.getEditor().getText()).isEqualTo(String.valueOf(before + 1));
    }

    private static ListCell<?> cell(List<ListCell<?>> cells, String start) {
        return cells.stream().filter(c -> String.valueOf(c.getItem()).startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + start + " in " + cells.stream()
                        .map(ListCell::getItem).toList()));
    }
}
