package dev.healdesk.app.history;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.suite.TestResult;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history screen in a window (TestFX, headless Monocle) over a real history database, the queries on the calling
 * thread: the operator filters the runs, selects one, compares two, exports its HTML report, and looks at the trends.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {
    @TempDir
    static Path dir;
    private HistoryStore store;
    private final List<Path> revealed = new ArrayList<>();
    private HistoryViewModel model;
    private HistoryView view;
    private Stage stage;
    /** This test's own folder: each test starts from a fresh history. */
    private Path work;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        work = java.nio.file.Files.createTempDirectory(dir, "view");
        store = HistoryStore.open(work.resolve("healdesk.db"));
        TestResult customers = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
        HistoryViewModelTest.fill(store, work, Fixtures.dbPool(customers), customers,
                Fixtures.failed("modules/login-page", "locator('#login-button') resolved to 0"));
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        model = new HistoryViewModel(() -> store, Runnable::run, FxBridge.direct(), new Fixtures.RecordingDialogs(),
                HistoryViewModelTest.opener(revealed), work.resolve("results"),
                Clock.fixed(HistoryViewModelTest.DAY0.plus(Duration.ofDays(3)).plusSeconds(600), ZoneOffset.UTC),
                ZoneOffset.UTC);
        view = new HistoryView(model);
        Scene scene = new Scene(view.root(), 1240, 780);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
        model.refresh();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
        store.close();
    }

    @Test
    void filtersSelectsComparesExportsAndShowsTheTrends(FxRobot robot) throws Exception {
        TableView<RunRow> runs = robot.lookup("#history-runs").queryTableView();
        assertThat(runs.getItems()).hasSize(5);
        assertThat(text(robot, "#history-page")).isEqualTo("runs 1–5 of 5");

        // The search waits for a pause in the typing, then narrows the list.
        robot.clickOn("#history-search").write("login-button");
        assertThat(runs.getItems()).as("not while typing").hasSize(5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        assertThat(runs.getItems().get(0).runId()).isEqualTo("run-2");
        robot.interact(() -> robot.lookup("#history-search").queryAs(TextField.class).clear());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.getItems().size() == 5);

        ComboBox<String> status = robot.lookup("#history-filter-status").queryComboBox();
        robot.interact(() -> status.setValue("failing"));
        assertThat(runs.getItems()).extracting(RunRow::runId).containsExactly("run-2", "run-1");
        assertThat(text(robot, "#history-page")).isEqualTo("runs 1–2 of 2");

        // Select run-1 by clicking its row: its failure group shows with its stored diagnosis.
        robot.clickOn(row(robot, "run-1"));
        assertThat(text(robot, "#history-run-text")).startsWith("run-1 ·");
        TableView<?> groups = robot.lookup("#history-failures").queryTableView();
        assertThat(groups.getItems()).hasSize(1);
        assertThat(robot.lookup("#history-failures .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(c -> String.valueOf(c.getText())))
                .anyMatch(t -> t.startsWith("The pool holds idle transactions (82 %"));
        robot.clickOn("Playbook decisions");
        assertThat(robot.lookup("#history-actions").queryTableView().getItems()).hasSize(1);

        // Ctrl+click adds run-2: compare the two.
        robot.press(javafx.scene.input.KeyCode.CONTROL)
                .clickOn(row(robot, "run-2"))
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.clickOn("#history-compare-selected");
        assertThat(text(robot, "#history-compare-text")).startsWith("run-1 → run-2");
        assertThat(robot.lookup("#history-compare-new").queryListView().getItems())
                .containsExactly("modules/login-page");
        assertThat(robot.lookup("#history-compare-still").queryListView().getItems())
                .containsExactly("contracts/customers");
        ListView<?> fixed = robot.lookup("#history-compare-fixed").queryListView();
        assertThat(fixed.getItems()).isEmpty();

        // Export the selected run as HTML: the file is written, its path shown, its folder revealed.
        robot.clickOn(row(robot, "run-1"));
        assertThat(model.selectedProperty().get().runId()).isEqualTo("run-1");
        assertThat(robot.lookup("#history-export-format").queryComboBox().getValue())
                .hasToString("HTML");
        robot.clickOn("#history-export");
        Path html = work.resolve("results").resolve("run-1-report.html");
        assertThat(html).isRegularFile();
        assertThat(Files.readString(html)).contains("run-1");
        assertThat(text(robot, "#history-export-path")).startsWith("Wrote " + html.toAbsolutePath());
        assertThat(robot.lookup("#history-export-open").query().isVisible()).isTrue();
        assertThat(revealed).containsExactly(html.toAbsolutePath().getParent());

        // The trends: four days with runs in the last 30, and the metrics above the charts.
        robot.clickOn("Trends");
        LineChart<?, ?> passRate = robot.lookup("#trend-pass-rate").queryAs(LineChart.class);
        assertThat(passRate.isVisible()).isTrue();
        assertThat(points(passRate)).isEqualTo(4);
        assertThat(points(robot.lookup("#trend-time-to-healthy").queryAs(LineChart.class))).as("one recovery")
                .isEqualTo(1);
        assertThat(text(robot, "#trends-status")).isEqualTo("5 run(s) on 4 of the last 30 days");
        assertThat(text(robot, "#trends-fix-rate")).startsWith("100.0 %");
        assertThat(text(robot, "#trends-mttr")).isEqualTo("2.0 days");

        robot.clickOn("Recurring failures");
        assertThat(robot.lookup("#history-recurring").queryTableView().getItems()).hasSize(2);
        assertThat(robot.lookup("#history-occurrences").queryTableView().getItems()).hasSize(2);
    }

    @Test
    void trendsOpenedAfterTheirDataLoadedDrawTheChosenRangeAtOnce(FxRobot robot) {
        // The console builds a screen when it is first shown, after the history has loaded: the charts must draw what
        // the model already holds, not wait for the range to change (they showed Jan 1 – Apr 11, epoch days 0–100).
        WaitForAsyncUtils.waitForFxEvents();
        HistoryView[] late = new HistoryView[1];
        robot.interact(() -> {
            late[0] = new HistoryView(model);
            stage.setScene(new Scene(late[0].root(), 1240, 780));
        });
        try {
            robot.clickOn("Trends");
            LineChart<?, ?> passRate = robot.lookup("#trend-pass-rate").queryAs(LineChart.class);
            javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) passRate.getXAxis();
            long today = HistoryViewModelTest.DAY0.plus(Duration.ofDays(3)).getEpochSecond() / 86_400;
            assertThat(x.getUpperBound()).isEqualTo(today + 1.0);
            assertThat(x.getLowerBound()).isLessThanOrEqualTo(today - 29.0).isGreaterThan(today - 60.0);
            assertThat(points(passRate)).isEqualTo(4);
        } finally {
            robot.interact(() -> late[0].dispose());
        }
    }

    /** The runs table's row that shows {@code runId}. */
    @Test
    void everyFilterAndRunColumnReadsWholeAtTheConsolesNarrowestWidth(FxRobot robot) {
        // The console's least window is 1024 px; its navigation takes about 110 of them.
        double width = stage.getWidth();
        double height = stage.getHeight();
        robot.interact(() -> {
            stage.setWidth(910);
            stage.setHeight(640);
        });
        try {
            narrowWindowReadsWhole(robot);
        } finally {
            // TestFX shows every test class in one stage: the next one gets the size it had.
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
    }

    private void narrowWindowReadsWhole(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> captions = List.of("Status", "Started", "Project", "Target", "Operator", "Machine");
        robot.interact(() -> {
            for (Node n : robot.lookup("#history-filters .caption").queryAll()) {
                Label caption = (Label) n;
                assertThat(caption.getWidth()).as("caption " + caption.getText() + " whole")
                        .isGreaterThanOrEqualTo(caption.prefWidth(-1) - 0.5);
            }
            for (String id : List.of("status", "project", "target", "operator", "machine")) {
                ComboBox<?> combo = robot.lookup("#history-filter-" + id).queryComboBox();
                assertThat(combo.getWidth()).as(id + " filter shows its value")
                        .isGreaterThanOrEqualTo(combo.prefWidth(-1) - 0.5);
                assertThat(combo.getBoundsInParent().getMaxX()).as(id + " filter inside its row")
                        .isLessThanOrEqualTo(combo.getParent().getLayoutBounds().getWidth() + 0.5);
            }
        });
        assertThat(robot.lookup("#history-filters .caption").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactlyElementsOf(captions);
        assertThat(robot.lookup("#history-search").queryAs(TextField.class).getWidth())
                .as("the search field keeps room to type").isGreaterThan(150);
        TableView<RunRow> runs = robot.lookup("#history-runs").queryTableView();
        robot.interact(() -> {
            for (var column : runs.getColumns()) {
                assertThat(column.getWidth()).as(column.getText() + " column not squeezed (the table scrolls)")
                        .isGreaterThanOrEqualTo(Math.min(column.getPrefWidth(), HistoryView.LEAST_WIDTH) - 0.5);
            }
        });
    }

    private static Node row(FxRobot robot, String runId) {
        return robot.lookup("#history-runs .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof RunRow run && run.runId().equals(runId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row shows " + runId));
    }

    private static int points(LineChart<?, ?> chart) {
        return chart.getData().get(0).getData().size();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
