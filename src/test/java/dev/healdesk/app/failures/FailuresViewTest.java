package dev.healdesk.app.failures;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The failures screen in a window (TestFX, headless Monocle), fed the events a run emits: the diagnosis streams
 * into the detail pane of the group it is about, then shows its confidence, and its playbook can be taken.
 */
@ExtendWith(ApplicationExtension.class)
class FailuresViewTest {
    private final TestResult customers = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
    private final TestResult login = Fixtures.failed("modules/login-page", "locator('#login-button') resolved to 0");
    private final FailureGroup db = Fixtures.dbPool(customers);
    private final FailureGroup ui = Fixtures.selector(login);
    private FailuresViewModel model;
    private FailuresView view;

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        model = new FailuresViewModel();
        view = new FailuresView(model);
        Scene scene = new Scene(view.root(), 1240, 780);   // within Monocle's headless 1280x800 screen
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
    }

    private void feed(FxRobot robot, RunEvent... events) {
        robot.interact(() -> model.accept(List.of(events)));
    }

    @Test
    void theDiagnosisStreamsIntoItsGroupThenShowsItsConfidenceAndItsPlaybookCanBeTaken(FxRobot robot) {
        feed(robot, new RunEvent.RunStarted("run-7", "sandbox", List.of("contracts", "modules"),
                        new RunOptions(Set.of("contracts", "modules"), false, false, 3, ApprovalPolicy.NONE, false),
                        Fixtures.T0, 2),
                new RunEvent.FailureTriaged("run-7", db), new RunEvent.FailureTriaged("run-7", ui));
        assertThat(text(robot, "#detail-fingerprint")).isEqualTo(db.fingerprint());
        assertThat(text(robot, "#diagnosis-reason")).startsWith("Not diagnosed yet");

        feed(robot, new RunEvent.DiagnosisStarted("run-7", db.fingerprint(), "ollama", "llama3.2"));
        assertThat(text(robot, "#diagnosis-heading")).isEqualTo("Asking llama3.2…");
        assertThat(robot.lookup("#diagnosis-asking").query().isVisible()).isTrue();
        feed(robot, new RunEvent.DiagnosisToken("run-7", db.fingerprint(), "{\"rootCause\": "),
                new RunEvent.DiagnosisToken("run-7", db.fingerprint(), "\"The pool"));
        TextArea stream = robot.lookup("#diagnosis-stream").queryAs(TextArea.class);
        assertThat(stream.isVisible()).isTrue();
        assertThat(stream.getText()).isEqualTo("{\"rootCause\": \"The pool");
        feed(robot, new RunEvent.DiagnosisToken("run-7", ui.fingerprint(), "elsewhere"));
        assertThat(stream.getText()).as("another group's tokens stay out").isEqualTo("{\"rootCause\": \"The pool");

        robot.clickOn(robot.lookup(".table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        assertThat(text(robot, "#detail-fingerprint")).isEqualTo(ui.fingerprint());
        assertThat(stream.getText()).as("each group shows its own answer").isEqualTo("elsewhere");
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        feed(robot, new RunEvent.DiagnosisToken("run-7", db.fingerprint(), " holds"));
        assertThat(stream.getText()).isEqualTo("{\"rootCause\": \"The pool holds");

        feed(robot, new RunEvent.Diagnosed("run-7", Fixtures.diagnosis(db.fingerprint(), 0.82, Category.DATABASE,
                FixClass.A, "terminate-idle-transactions")));
        assertThat(stream.isVisible()).isFalse();
        assertThat(text(robot, "#diagnosis-root-cause")).isEqualTo("The pool holds idle transactions");
        assertThat(text(robot, "#diagnosis-confidence")).isEqualTo("82 %");
        assertThat(robot.lookup("#diagnosis-confidence-bar").queryAs(ProgressBar.class).getProgress())
                .isCloseTo(0.82, within(1e-9));
        assertThat(text(robot, "#diagnosis-heading")).isEqualTo("llama3.2 · ollama");
        assertThat(robot.lookup("#diagnosis-disagreement").query().isVisible()).as("the model agrees").isFalse();
        assertThat(playbookCell(robot, "restart-db-pool")).isNotNull();

        Button use = robot.lookup("#use-suggested-playbook").queryButton();
        assertThat(use.getText()).isEqualTo("Use suggested playbook: terminate-idle-transactions");
        assertThat(use.isDisabled()).isFalse();
        robot.clickOn(use);

        TableCell<?, ?> chosen = playbookCell(robot, "terminate-idle-transactions");
        assertThat(chosen).as("the table shows the new playbook").isNotNull();
        assertThat(chosen.getStyleClass()).contains("playbook-chosen");
        assertThat(playbookCell(robot, "restart-db-pool")).isNull();
        assertThat(text(robot, "#detail-playbook")).startsWith("terminate-idle-transactions — your choice");
        assertThat(use.isDisabled()).isTrue();
        TableView<?> table = robot.lookup("#failures-table").queryTableView();
        assertThat(table.getItems()).hasSize(2);
    }

    private static TableCell<?, ?> playbookCell(FxRobot robot, String text) {
        return robot.lookup("#failures-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "col-playbook".equals(c.getTableColumn().getId()))
                .filter(c -> text.equals(c.getText())).findFirst().orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
