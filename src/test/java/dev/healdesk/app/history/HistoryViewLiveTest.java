package dev.healdesk.app.history;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The History screen in a window (TestFX, headless Monocle) follows a real SQLite history that another connection
 * writes to, as the console does (FxBridge onto the FX thread, a worker for the queries): the operator has scrolled
 * down the runs and selected one; another writer records a run; the screen shows it without anyone pressing Refresh,
 * and the operator's row stays selected and in view. The history is never asked on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryViewLiveTest {
    private static final Instant T = Instant.parse("2026-11-01T08:00:00Z");
    private static final int RUNS = 120;

    @TempDir
    static Path dir;
    private Path file;
    private HistoryStore store;
    private HistoryViewModel model;
    private HistoryView view;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "history-worker"));
    private final List<String> askedOnFx = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws java.io.IOException {
        file = java.nio.file.Files.createTempDirectory(dir, "live").resolve("healdesk.db");
        store = HistoryStore.open(HistoryLocation.parse(file.toString(), "test", java.util.Map.of()),
                new Provenance("console-pc", "ana", Provenance.Origin.CONSOLE));
        List<RunSummary> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(RunSummaries.withResults(String.format("run-%03d", i), T.plusSeconds(600L * i), 3, i % 2));
        }
        store.saveRuns(runs);
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        model = new HistoryViewModel(() -> {
            if (Platform.isFxApplicationThread()) {
                askedOnFx.add(new Throwable().getStackTrace()[1].toString());
            }
            return store;
        }, worker, FxBridge.platform(), new Fixtures.RecordingDialogs(),
                HistoryViewModelTest.opener(new ArrayList<>()), file.resolveSibling("results"),
                Clock.fixed(T.plusSeconds(86_400L * 2), ZoneOffset.UTC), ZoneOffset.UTC);
        view = new HistoryView(model);
        Scene scene = new Scene(view.root(), 1240, 780);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
        model.refresh();
        model.follow();
    }

    @AfterEach
    void close(FxRobot robot) throws InterruptedException {
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void aRunAnotherWriterRecordsShowsUpWhileTheOperatorsRowStaysSelectedAndInView(FxRobot robot) throws Exception {
        TableView<RunRow> table = robot.lookup("#history-runs").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == RUNS);

        // The operator scrolls down and picks a run far from the top.
        robot.interact(() -> table.scrollTo(60));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "run-059".equals(firstVisible(robot, table)));
        RunRow picked = fx(() -> table.getItems().get(61));
        robot.clickOn(row(robot, picked.runId()));
        assertThat(model.selectedProperty().get().runId()).isEqualTo(picked.runId());
        String top = firstVisible(robot, table);
        assertThat(top).as("scrolled down").isNotEqualTo("run-119");

        try (HistoryStore cli = HistoryStore.open(HistoryLocation.parse(file.toString(), "test", java.util.Map.of()),
                new Provenance("build-box", "ci", Provenance.Origin.CI))) {
            cli.saveRun(RunSummaries.withResults("run-from-ci", T.plusSeconds(600L * RUNS), 2, 1), null);
        }

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == RUNS + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).runId()).isEqualTo("run-from-ci");
        assertThat(table.getItems().get(0).machine()).isEqualTo("build-box");
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(RunRow::runId)
                .as("the operator's selection").containsExactly(picked.runId());
        assertThat(model.selectedProperty().get().runId()).isEqualTo(picked.runId());
        // The place is kept at the table's next layout pass, after its skin took the new row in: wait for it.
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> top.equals(firstVisible(robot, table)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(firstVisible(robot, table)).as("the rows on screen stay where they were").isEqualTo(top);
        }
        assertThat(robot.lookup("#history-status").queryLabeled().getText()).startsWith((RUNS + 1) + " run(s)");
        // the filters keep their choice while their lists learn the new writer
        javafx.scene.control.ComboBox<String> operator = robot.lookup("#history-filter-operator").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> operator.getItems().contains("ci"));
        assertThat(operator.getItems()).containsExactly("all", "ana", "ci");
        for (String filter : List.of("#history-filter-operator", "#history-filter-machine", "#history-filter-target",
                "#history-filter-project")) {
            assertThat(robot.lookup(filter).queryComboBox().getValue()).as(filter).isEqualTo("all");
        }

        // Back at the top, the screen shows the new run's row.
        robot.interact(() -> table.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row(robot, "run-from-ci")).isNotNull();
        assertThat(askedOnFx).as("the history asked on the FX thread").isEmpty();
    }

    /** The run of the first row fully in view. */
    private static String firstVisible(FxRobot robot, TableView<RunRow> table) {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            IndexedCell<?> first = flow.getFirstVisibleCell();
            // A row scrolled all but a fraction of a pixel out of view (rows 39.2 px high land on whole pixels) is
            // not the one the operator reads first: the next one is.
            int index = first.getLayoutY() + first.getHeight() / 2 < 0 ? first.getIndex() + 1 : first.getIndex();
            return table.getItems().get(index).runId();
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static javafx.scene.Node row(FxRobot robot, String runId) {
        return robot.lookup("#history-runs .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof RunRow run && run.runId().equals(runId) && r.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no row shows " + runId));
    }
}
