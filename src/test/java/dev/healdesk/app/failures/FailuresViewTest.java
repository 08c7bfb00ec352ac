package dev.healdesk.app.failures;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.Incident;
import dev.healdesk.core.triage.Severity;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The failures screen in a window (TestFX, headless Monocle), fed the events a run emits: the diagnosis streams
 * into the detail pane of the group it is about, then shows its confidence, and its playbook can be taken; a finished
 * run shows its flip rates, its flaky tests apart, and a failing test's screenshot inline.
 */
@ExtendWith(ApplicationExtension.class)
class FailuresViewTest {
    private final TestResult customers = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
    private final TestResult login = Fixtures.failed("modules/login-page", "locator('#login-button') resolved to 0");
    private final FailureGroup db = Fixtures.dbPool(customers);
    private final FailureGroup ui = Fixtures.selector(login);
    private FailuresViewModelTest.RecordingOpener opener;
    private FailuresViewModel model;
    private FailuresView view;

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        opener = new FailuresViewModelTest.RecordingOpener();
        model = new FailuresViewModel(new PlaybookPicks(), opener, Runnable::run, FxBridge.direct());
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

        robot.clickOn(robot.lookup(".tree-table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        assertThat(text(robot, "#detail-fingerprint")).isEqualTo(ui.fingerprint());
        assertThat(stream.getText()).as("each group shows its own answer").isEqualTo("elsewhere");
        robot.clickOn(robot.lookup(".tree-table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
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

        TreeTableCell<?, ?> chosen = playbookCell(robot, "terminate-idle-transactions");
        assertThat(chosen).as("the table shows the new playbook").isNotNull();
        assertThat(chosen.getStyleClass()).contains("playbook-chosen");
        assertThat(playbookCell(robot, "restart-db-pool")).isNull();
        assertThat(text(robot, "#detail-playbook")).startsWith("terminate-idle-transactions — your choice");
        assertThat(use.isDisabled()).isTrue();
        TreeTableView<?> table = robot.lookup("#failures-table").queryAs(TreeTableView.class);
        assertThat(table.getRoot().getChildren()).as("one row per incident").hasSize(2);
    }

    @Test
    void aFinishedRunShowsFlipRatesTheFlakyTestsAndTheScreenshotInline(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path shot = dir.resolve("modules-login-page.png");
        BufferedImage png = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = png.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 360);
        g.setColor(Color.RED);
        g.fillRect(40, 40, 200, 60);
        g.dispose();
        assertThat(ImageIO.write(png, "png", shot.toFile())).isTrue();
        Path trace = dir.resolve("trace.zip");   // never written: pruned
        TestResult loginWithFiles = Fixtures.withAttachments(login, shot.toString(), trace.toString());
        FailureGroup selector = Fixtures.selector(loginWithFiles);
        TestResult checkout = Fixtures.flaky("modules/checkout", "Timeout 5000ms exceeded", 1);
        RunSummary run = Fixtures.summary("run-8", List.of(customers, loginWithFiles, checkout),
                List.of(db, selector), List.of()).withFlipRates(Map.of(
                login.id(), Fixtures.flipRate(login.id(), "PPFPFPPFPF"),
                customers.id(), Fixtures.flipRate(customers.id(), "PPPPF"),
                checkout.id(), Fixtures.flipRate(checkout.id(), "PPPK")));

        robot.interact(() -> model.show(run));

        assertThat(flipCellText(robot, 0)).as("pool: one flip in 4 changes").isEqualTo("25 %");
        assertThat(flipCellText(robot, 1)).as("selector: flips, as a badge").isEqualTo("78 %");
        assertThat(text(robot, "#failures-summary")).contains("1 flaky (passed on a retry, not healed)");
        // Issue 13: the rows are grouped by incident, named in operator words, and the detail names the incident.
        TreeTableView<?> grouped = robot.lookup("#failures-table").queryAs(TreeTableView.class);
        assertThat(grouped.getColumns().get(0).getText()).isEqualTo("Incident");
        assertThat(String.valueOf(grouped.getColumns().get(0).getCellData(0))).isNotBlank().isNotEqualTo("—");
        assertThat(text(robot, "#detail-incident")).isNotBlank();
        TitledPane flaky = robot.lookup("#flaky-section").queryAs(TitledPane.class);
        assertThat(flaky.isVisible()).isTrue();
        assertThat(flaky.getText()).startsWith("Flaky — failed, then passed on a retry; not healed");
        assertThat(robot.lookup("#flaky-list .flaky-test").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("modules/checkout");
        assertThat(robot.lookup("#flaky-list .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("1 retry", "33 %", "Timeout 5000ms exceeded");

        robot.clickOn(robot.lookup(".tree-table-row-cell").nth(1).queryAs(Node.class));
        assertThat(text(robot, "#detail-fingerprint")).isEqualTo(selector.fingerprint());
        Label note = robot.lookup("#detail-flip-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("This failure flips: 7 flips in 10 runs — a fix may only look like it"
                + " worked.");
        assertThat(robot.lookup("#detail-tests .test-flip-rate").queryAs(Label.class).getText()).isEqualTo("78 %");
        assertThat(robot.lookup("#detail-tests .outcome-dot").queryAll()).hasSize(10);
        assertThat(robot.lookup("#detail-tests .outcome-f").queryAll()).hasSize(4);

        ImageView view = robot.lookup("#detail-artifacts .artifact-screenshot").queryAs(ImageView.class);
        Image image = view.getImage();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> image.getProgress() >= 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(image.isError()).isFalse();
        assertThat(image.getWidth()).as("loaded, scaled down from 640 px by its ratio").isGreaterThan(0);
        assertThat(view.getFitWidth()).as("follows the column's width").isBetween(120.0, 420.0);
        assertThat(view.getBoundsInParent().getWidth()).isGreaterThan(100);
        assertThat(robot.lookup("#detail-artifacts .artifact-missing").queryAs(Label.class).getText())
                .isEqualTo("modules/login-page · trace.zip — file no longer there (pruned by retention?)");
        assertThat(robot.lookup("#detail-artifacts .open-trace").tryQuery()).as("no button for a pruned trace")
                .isEmpty();

        robot.clickOn(view);
        assertThat(opener.opened).containsExactly("show " + shot);

        robot.interact(() -> model.show(Fixtures.summary("run-9", List.of(customers), List.of(db), List.of())));
        assertThat(flaky.isVisible()).as("hidden when a run has no flaky tests").isFalse();
        assertThat(flipCellText(robot, 0)).isEqualTo("—");
    }

    @Test
    void incidentsAreRowsThatExpandToTheirFingerprintsAndTestsByKeyboardAndTheDetailFollows(FxRobot robot)
            throws Exception {
        // one incident joins two fingerprints of the exhausted pool (two wordings, two tests); the page is another
        TestResult orders = Fixtures.failed("modules/orders", "HTTP 503: remaining connection slots are reserved");
        FailureGroup pool503 = new FailureGroup("fp-db-9999", db.classification(), List.of(orders),
                "HTTP 503: remaining connection slots are reserved", "");
        Incident pool = new Incident("inc-pool", "Database connections exhausted — 2 tests", Category.DATABASE,
                Severity.HIGH, FixClass.A, List.of("db-pool-exhausted"), "restart-db-pool",
                List.of(db.fingerprint(), pool503.fingerprint()), List.of(customers.id(), orders.id()), List.of(),
                "class A: 2 of 2 failures name the pool", db);
        Incident page = new Incident("inc-page", "Login button gone — 1 test", Category.UI, Severity.MEDIUM,
                FixClass.B, List.of("selector-not-found"), "update-selector", List.of(ui.fingerprint()),
                List.of(login.id()), List.of(), "class B: a changed page", ui);
        RunSummary base = Fixtures.summary("run-10", List.of(customers, orders, login), List.of(db, pool503, ui),
                List.of());
        RunSummary run = new RunSummary(base.runId(), base.target(), base.projects(), false, base.startedAt(),
                base.finishedAt(), base.status(), base.initialStatus(), base.healthScore(), base.testsRun(),
                base.testsPassed(), base.testsFailed(), 0, base.results(), base.failures(), List.of(), base.llm(),
                Map.of(), false, Map.of(orders.id(), Fixtures.flipRate(orders.id(), "PPF")), List.of(pool, page));
        robot.interact(() -> model.show(run));

        TreeTableView<?> tree = robot.lookup("#failures-table").queryAs(TreeTableView.class);
        assertThat(tree.getExpandedItemCount()).as("one row per incident, folded").isEqualTo(2);
        assertThat(cellText(robot, "col-incident", 0)).isEqualTo(pool.title());
        assertThat(cellText(robot, "col-count", 0)).as("the incident's tests").isEqualTo("2");
        assertThat(cellText(robot, "col-category", 0)).isEqualTo("database");
        assertThat(cellText(robot, "col-incident", 1)).isEqualTo(page.title());
        String lead = text(robot, "#detail-fingerprint");
        assertThat(lead).as("the incident's leading fingerprint is shown").isIn(db.fingerprint(),
                pool503.fingerprint());

        robot.clickOn(robot.lookup(".tree-table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.RIGHT);
        assertThat(tree.getExpandedItemCount()).as("its two fingerprints under it").isEqualTo(4);
        assertThat(cellText(robot, "col-incident", 1)).startsWith("fingerprint ");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        String second = text(robot, "#detail-fingerprint");
        assertThat(second).as("the second fingerprint's detail").isNotEqualTo(lead)
                .isIn(db.fingerprint(), pool503.fingerprint());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.DOWN);
        TestResult test = second.equals(db.fingerprint()) ? customers : orders;
        assertThat(cellText(robot, "col-incident", 3)).as("its failing test").isEqualTo(test.id());
        assertThat(cellText(robot, "col-message", 3)).isEqualTo(test.errorMessage());
        assertThat(text(robot, "#detail-fingerprint")).as("a test shows its group").isEqualTo(second);
        if (test == orders) {
            assertThat(cellText(robot, "col-flip", 3)).as("the test's own flip rate").isEqualTo("50 %");
        }

        robot.type(KeyCode.LEFT);   // to its fingerprint
        robot.type(KeyCode.LEFT);   // folds it
        assertThat(tree.getExpandedItemCount()).isEqualTo(4);
        robot.interact(() -> model.selectedProperty().set(ui));
        assertThat(tree.getSelectionModel().getSelectedIndex()).as("the model's choice selects its incident's row")
                .isEqualTo(3);
        assertThat(text(robot, "#detail-fingerprint")).isEqualTo(ui.fingerprint());
    }

    /** The flip rate column's text in row {@code row}: the cell's own, or its badge's (once the table laid it out). */
    private static String flipCellText(FxRobot robot, int row) throws TimeoutException {
        return cellText(robot, "col-flip", row);
    }

    /** The text of column {@code columnId} in row {@code row}: the cell's own, or its badge's (once laid out). */
    private static String cellText(FxRobot robot, String columnId, int row) throws TimeoutException {
        Supplier<Optional<TreeTableCell<?, ?>>> find = () -> robot.lookup("#failures-table .tree-table-cell")
                .queryAllAs(TreeTableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .filter(c -> c.getIndex() == row && !c.isEmpty()).<TreeTableCell<?, ?>>map(c -> c).findFirst();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> find.get().isPresent());
        TreeTableCell<?, ?> cell = find.get().orElseThrow();
        return cell.getGraphic() instanceof Label badge ? badge.getText() : cell.getText();
    }

    private static TreeTableCell<?, ?> playbookCell(FxRobot robot, String text) {
        return robot.lookup("#failures-table .tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "col-playbook".equals(c.getTableColumn().getId()))
                .filter(c -> text.equals(c.getText())).findFirst().orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
