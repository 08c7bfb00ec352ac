package dev.healdesk.app.run;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.run.RunEvent;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run screen in a window (TestFX, headless Monocle): the live log's entries of several lines (a plan with its
 * steps, a re-run with its failed tests) are as tall as their lines, so none is drawn over the entry after it.
 */
@ExtendWith(ApplicationExtension.class)
class RunViewTest {
    private RunViewModel model;
    private FaultPanelViewModel faults;
    private RunView view;

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
        view = new RunView(model, faults, new SimpleStringProperty());
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

    private static ListCell<?> cell(List<ListCell<?>> cells, String start) {
        return cells.stream().filter(c -> String.valueOf(c.getItem()).startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + start + " in " + cells.stream()
                        .map(ListCell::getItem).toList()));
    }
}
