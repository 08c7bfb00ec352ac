package dev.healdesk.app.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.history.StoredFailure;
import dev.healdesk.core.triage.HealthStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The history screen: recorded runs on top, the selected run's failure groups below. */
public final class HistoryView implements View {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final TableView<RunRow> runs = new TableView<>();
    private final TableView<StoredFailure> failures = new TableView<>();

    public HistoryView(HistoryViewModel model) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label("History");
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusTextProperty());
        subs.add(status.textProperty()::unbind);
        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, status, spacer, refresh);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(0, 0, 14, 0));

        runs.setId("history-runs");
        runs.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        runs.setItems(model.runs());
        runs.setPlaceholder(new Label("No runs recorded yet."));
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RunRow, String> started = col("Started", r -> WHEN.format(r.startedAt()), 150);
        TableColumn<RunRow, HealthStatus> state = col("Status", RunRow::status, 96);
        state.setCellFactory(Badges.cells(HealthStatus::id, Badges::kindOf));
        TableColumn<RunRow, String> score = col("Score", r -> String.format(Locale.ROOT, "%.1f", r.healthScore()), 64);
        TableColumn<RunRow, String> passed = col("Passed / failed",
                r -> r.testsPassed() + " / " + r.testsFailed() + (r.flaky() > 0 ? " (" + r.flaky() + " flaky)" : ""), 135);
        TableColumn<RunRow, String> target = col("Target", RunRow::target, 90);
        TableColumn<RunRow, String> projects = col("Projects", r -> r.projects().replace(",", ", "), 240);
        TableColumn<RunRow, String> flags = col("Notes", r -> String.join(" ", java.util.stream.Stream.of(
                r.interrupted() ? "interrupted (results kept up to the crash)" : "",
                RunRow.RUNNING.equals(r.state()) ? "running" : "", r.dryRun() ? "dry run" : "",
                r.cancelled() ? "cancelled" : "").filter(n -> !n.isEmpty()).toList()), 90);
        TableColumn<RunRow, String> id = col("Run", RunRow::runId, 250);
        runs.getColumns().setAll(List.of(started, state, score, passed, target, projects, flags, id));

        failures.setId("history-failures");
        failures.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        failures.setItems(model.failures());
        failures.setPlaceholder(new Label("No failures recorded for this run."));
        failures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StoredFailure, String> category = fcol("Category", StoredFailure::category, 100);
        category.setCellFactory(Badges.cells(s -> s, s -> "category-" + s));
        TableColumn<StoredFailure, String> severity = fcol("Severity", StoredFailure::severity, 90);
        severity.setCellFactory(Badges.cells(s -> s, Badges::severityKind));
        TableColumn<StoredFailure, String> fix = fcol("Fix", StoredFailure::fixClass, 56);
        fix.setCellFactory(Badges.cells(s -> s, Badges::fixKind));
        TableColumn<StoredFailure, String> count = fcol("Tests", f -> String.valueOf(f.count()), 56);
        TableColumn<StoredFailure, String> pattern = fcol("Pattern", StoredFailure::patternId, 230);
        TableColumn<StoredFailure, String> playbook = fcol("Playbook",
                f -> f.playbook() == null ? "—" : f.playbook(), 200);
        TableColumn<StoredFailure, String> message = fcol("Message", f -> firstLine(f.message()), 400);
        failures.getColumns().setAll(List.of(category, severity, fix, count, pattern, playbook, message));

        Label runText = new Label();
        runText.setId("history-run-text");
        runText.getStyleClass().add(Styles.TEXT_MUTED);
        runText.textProperty().bind(model.runTextProperty());
        subs.add(runText.textProperty()::unbind);
        VBox lower = new VBox(8, runText, failures);
        lower.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(failures, Priority.ALWAYS);

        SplitPane split = new SplitPane(runs, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);

        root.setTop(header);
        root.setCenter(split);

        subs.syncSelection(runs, model.selectedProperty());
        subs.add(() -> runs.setItems(FXCollections.observableArrayList()));
        subs.add(() -> failures.setItems(FXCollections.observableArrayList()));
    }

    private static <T> TableColumn<RunRow, T> col(String title, Function<RunRow, T> value, double width) {
        TableColumn<RunRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<StoredFailure, T> fcol(String title, Function<StoredFailure, T> value,
                                                           double width) {
        TableColumn<StoredFailure, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subs.release();
    }
}
