package dev.healdesk.app.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Labels;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.Tables;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.history.AuditEntry;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.history.StoredFailure;
import dev.healdesk.core.history.StoredTest;
import dev.healdesk.core.report.ReportWriter;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.HealthStatus;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The history screen, in three tabs: the runs (filtered, a page at a time) with the selected run's tests, failure
 * groups, playbook decisions and a comparison with another run, and its report export; the trends over time; the
 * failures that keep coming back.
 */
public final class HistoryView implements View {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** How long the search waits for the operator to stop typing. */
    static final Duration SEARCH_PAUSE = Duration.millis(350);
    /** A column's least width: room for a date and time, a status badge or "Passed / failed". */
    static final double LEAST_WIDTH = 135;

    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final TabPane tabs = new TabPane();
    private final TrendsView trendsView;
    private final RecurringView recurringView;

    public HistoryView(HistoryViewModel model) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label("History");
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = subs.text(new Label(), model.statusTextProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setId("history-status");
        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.refresh());
        HBox header = new HBox(12, title, status, spacer(), refresh);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(0, 0, 10, 0));

        trendsView = new TrendsView(model.trends());
        recurringView = new RecurringView(model.recurring());
        Tab runsTab = new Tab("Runs", runsPane(model));
        runsTab.setId("history-tab-runs");
        Tab trendsTab = new Tab("Trends", trendsView.root());
        trendsTab.setId("history-tab-trends");
        Tab recurringTab = new Tab("Recurring failures", recurringView.root());
        recurringTab.setId("history-tab-recurring");
        tabs.getTabs().setAll(runsTab, trendsTab, recurringTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("history-tabs");
        // The model's tab and the pane's, both ways (the enum's order is the tabs' order).
        subs.add(model.tabProperty().subscribe(t -> tabs.getSelectionModel().select(t.ordinal())));
        subs.add(tabs.getSelectionModel().selectedIndexProperty().subscribe(
                i -> model.tabProperty().set(HistoryViewModel.Tab.values()[i.intValue()])));

        root.setTop(header);
        root.setCenter(tabs);
    }

    // ---------------------------------------------------------------------------------------------------------- runs

    private Parent runsPane(HistoryViewModel model) {
        ComboBox<String> statusFilter = new ComboBox<>(FXCollections.observableArrayList(HistoryViewModel.STATUSES));
        statusFilter.setId("history-filter-status");
        bindBoth(statusFilter, model.statusFilterProperty());
        DatePicker from = new DatePicker();
        from.setId("history-filter-from");
        from.setPromptText("from");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        subs.add(() -> from.valueProperty().unbindBidirectional(model.fromProperty()));
        DatePicker to = new DatePicker();
        to.setId("history-filter-to");
        to.setPromptText("to");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        subs.add(() -> to.valueProperty().unbindBidirectional(model.toProperty()));
        ComboBox<String> project = new ComboBox<>(model.projects());
        project.setId("history-filter-project");
        bindBoth(project, model.projectFilterProperty());
        ComboBox<String> target = new ComboBox<>(model.targets());
        target.setId("history-filter-target");
        bindBoth(target, model.targetFilterProperty());
        ComboBox<String> operator = new ComboBox<>(model.operators());
        operator.setId("history-filter-operator");
        bindBoth(operator, model.operatorFilterProperty());
        ComboBox<String> machine = new ComboBox<>(model.machines());
        machine.setId("history-filter-machine");
        bindBoth(machine, model.machineFilterProperty());
        TextField search = searchField(model);
        Button clear = new Button("Clear filters");
        clear.setId("history-filter-clear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> {
            search.clear();
            model.clearFilters();
        });
        // Two rows, each control at least as wide as it wants: on one row at 1440 px the captions read "St…",
        // "Ope…" and the machine filter showed as an empty box.
        HBox when = filterRow(Labels.caption("Status"), statusFilter, Labels.caption("Started"), from,
                new Label("–"), to, Labels.caption("Project"), project, Labels.caption("Target"), target);
        HBox who = filterRow(Labels.caption("Operator"), operator, Labels.caption("Machine"), machine, search, clear);
        search.setMinWidth(Region.USE_COMPUTED_SIZE);
        HBox.setHgrow(search, Priority.ALWAYS);
        VBox filters = new VBox(6, when, who);
        filters.setId("history-filters");

        TableView<RunRow> runs = runsTable(model);
        Label page = subs.text(new Label(), model.pageTextProperty());
        page.setId("history-page");
        page.getStyleClass().add(Styles.TEXT_MUTED);
        Button previous = new Button("Previous");
        previous.setId("history-previous");
        previous.disableProperty().bind(model.hasPreviousProperty().not());
        subs.add(previous.disableProperty()::unbind);
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button("Next");
        next.setId("history-next");
        next.disableProperty().bind(model.hasNextProperty().not());
        subs.add(next.disableProperty()::unbind);
        next.setOnAction(e -> model.nextPage());
        Button compare = new Button("Compare the two selected");
        compare.setId("history-compare-selected");
        ObservableList<RunRow> picked = runs.getSelectionModel().getSelectedItems();
        compare.setDisable(true);
        subs.onChange(picked, c -> compare.setDisable(picked.size() != 2));
        Button previousRun = new Button("Compare with previous run");
        previousRun.setId("history-compare-previous");
        previousRun.disableProperty().bind(model.selectedProperty().isNull());
        subs.add(previousRun.disableProperty()::unbind);
        TabPane detail = new TabPane();
        Tab compareTab = new Tab("Compare", comparePane(model));
        compareTab.setId("history-detail-compare");
        compare.setOnAction(e -> {
            if (picked.size() == 2) {
                model.compare(picked.get(0), picked.get(1));
                detail.getSelectionModel().select(compareTab);
            }
        });
        previousRun.setOnAction(e -> {
            model.compareWithPrevious();
            detail.getSelectionModel().select(compareTab);
        });
        HBox pager = new HBox(8, page, previous, next, spacer(), compare, previousRun);
        pager.setAlignment(Pos.CENTER_LEFT);
        VBox upper = new VBox(8, filters, runs, pager);
        VBox.setVgrow(runs, Priority.ALWAYS);
        upper.setPadding(new Insets(10, 0, 8, 0));

        Tab testsTab = new Tab("Tests", testsTable(model));
        Tab groupsTab = new Tab("Failure groups", failuresTable(model));
        groupsTab.setId("history-detail-failures");
        Tab decisionsTab = new Tab("Playbook decisions", decisionsPane(model));
        decisionsTab.setId("history-detail-decisions");
        detail.getTabs().setAll(groupsTab, testsTab, decisionsTab, compareTab);
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detail.setId("history-detail");

        Label runText = subs.text(new Label(), model.runTextProperty());
        runText.setId("history-run-text");
        runText.getStyleClass().add(Styles.TEXT_MUTED);
        runText.setMinWidth(0);
        VBox lower = new VBox(6, new HBox(8, runText, spacer(), exportBar(model)), exportResult(model), detail);
        VBox.setVgrow(detail, Priority.ALWAYS);
        lower.setPadding(new Insets(8, 0, 0, 0));

        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    /** The search field: applied once the operator stops typing for {@link #SEARCH_PAUSE}, or at once on Enter. */
    private TextField searchField(HistoryViewModel model) {
        TextField search = new TextField(model.searchProperty().get());
        search.setId("history-search");
        search.setPromptText("Search a test id or failure message");
        search.setMinWidth(180);
        PauseTransition pause = new PauseTransition(SEARCH_PAUSE);
        pause.setOnFinished(e -> model.searchProperty().set(search.getText()));
        subs.add(search.textProperty().subscribe((was, now) -> pause.playFromStart()));
        search.setOnAction(e -> {
            pause.stop();
            model.searchProperty().set(search.getText());
        });
        subs.add(pause::stop);
        return search;
    }

    private TableView<RunRow> runsTable(HistoryViewModel model) {
        TableView<RunRow> runs = table("history-runs", model.runs(), "No runs match.");
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // The run's state (healed, cancelled, interrupted, running, suite error), coloured by its final health.
        TableColumn<RunRow, RunRow> state = column("Status", r -> r, 96);
        state.setCellFactory(Badges.cells(r -> r.outcome().state().id(),
                r -> r.running() || r.cancelled() ? "neutral" : Badges.kindOf(r.status())));
        runs.getColumns().setAll(List.of(
                column("Started", r -> WHEN.format(r.startedAt()), 150), state,
                column("Score", r -> String.format(Locale.ROOT, "%.1f", r.healthScore()), 64),
                column("Passed / failed", r -> r.testsPassed() + " / " + r.testsFailed()
                        + (r.flaky() > 0 ? " (" + r.flaky() + " flaky)" : ""), 135),
                column("Target", RunRow::target, 90),
                column("Projects", r -> r.projects().replace(",", ", "), 240),
                column("Notes", HistoryView::notes, 90),
                column("Recorded by", HistoryView::recordedBy, 170),
                column("Run", RunRow::runId, 250)));
        subs.syncSelection(runs, model.selectedProperty());
        keepPlace(runs);
        return runs;
    }

    /**
     * Keeps the rows the operator is looking at in view when rows come in or go above them (another writer's run,
     * heard while the operator reads further down): the table keeps its first visible index, so without this the
     * rows on screen would slide down by one for each new run. At the top, the newest runs come into view as they
     * arrive.
     */
    private void keepPlace(TableView<RunRow> runs) {
        javafx.collections.ListChangeListener<RunRow> keep = c -> {
            if (!(runs.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)
                    || flow.getFirstVisibleCell() == null) {
                return;
            }
            int first = flow.getFirstVisibleCell().getIndex();
            int at = first;
            while (c.next()) {
                int from = c.getFrom();
                int removed = c.wasRemoved() ? c.getRemovedSize() : 0;
                int added = c.wasAdded() ? c.getAddedSize() : 0;
                if (removed == 0 ? from <= at : from + removed <= at) {
                    at += added - removed;   // wholly above the first row in view (a row replaced in place: none)
                } else if (from < at) {
                    at = from;               // the first row in view went: the rows that took its place
                }
            }
            if (first > 0 && at != first) {
                scrollAfterLayout(runs, at);
            }
        };
        ObservableList<RunRow> items = runs.getItems();
        items.addListener(keep);
        subs.add(() -> items.removeListener(keep));
    }

    /**
     * Scrolls {@code table} to {@code index} once its next layout pass is done: the table's skin takes in a change of
     * its items after the listeners of the list and keeps its place as a share of the rows, so a scroll made at once
     * was undone or shifted by a row, by which listener ran first.
     */
    private static void scrollAfterLayout(TableView<?> table, int index) {
        javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    table.needsLayoutProperty().removeListener(this);
                    table.scrollTo(index);
                }
            }
        };
        table.needsLayoutProperty().addListener(once);
        table.requestLayout();
    }

    /** "ana · build-box · ci": who recorded a run, on which machine, from where (empty for runs before schema 11). */
    static String recordedBy(RunRow r) {
        return String.join(" · ", Stream.of(r.operator(), r.machine(), r.origin())
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    private static String notes(RunRow r) {
        return String.join(" ", Stream.of(r.interrupted() ? "results kept up to the crash" : "",
                r.skipped() > 0 ? r.skipped() + " skipped" : "", r.dryRun() ? "dry run" : "",
                r.cancelled() ? "left out of the trends" : "").filter(n -> !n.isEmpty()).toList());
    }

    private TableView<StoredTest> testsTable(HistoryViewModel model) {
        TableView<StoredTest> tests = table("history-tests", model.tests(), "No tests recorded for this run.");
        TableColumn<StoredTest, String> status = column("Status", StoredTest::status, 90);
        status.setCellFactory(Badges.cells(s -> s, HistoryView::testKind));
        tests.getColumns().setAll(List.of(column("Test", StoredTest::testId, 260), status,
                column("Duration", t -> String.format(Locale.ROOT, "%.1f s", t.durationMs() / 1000.0), 80),
                column("Message", t -> firstLine(t.errorMessage()), 500)));
        return tests;
    }

    private static String testKind(String status) {
        return switch (status) {
            case "passed" -> "status-healthy";
            case "flaky" -> "status-degraded";
            case "failed", "timed-out" -> "status-failing";
            default -> "neutral";
        };
    }

    private TableView<StoredFailure> failuresTable(HistoryViewModel model) {
        TableView<StoredFailure> failures = table("history-failures", model.failures(),
                "No failures recorded for this run.");
        TableColumn<StoredFailure, String> category = column("Category", StoredFailure::category, 100);
        category.setCellFactory(Badges.cells(s -> s, s -> "category-" + s));
        TableColumn<StoredFailure, String> severity = column("Severity", StoredFailure::severity, 90);
        severity.setCellFactory(Badges.cells(s -> s, Badges::severityKind));
        TableColumn<StoredFailure, String> fix = column("Fix", StoredFailure::fixClass, 56);
        fix.setCellFactory(Badges.cells(s -> s, Badges::fixKind));
        failures.getColumns().setAll(List.of(category, severity, fix,
                column("Tests", f -> String.valueOf(f.count()), 64),
                column("Pattern", StoredFailure::patternId, 240),
                column("Playbook", f -> f.playbook() == null ? "—" : f.playbook(), 210),
                column("Diagnosis", f -> diagnosis(model.diagnosisOf(f)), 260),
                column("Message", f -> firstLine(f.message()), 360)));
        return failures;
    }

    private static String diagnosis(Diagnosis d) {
        if (d == null) {
            return "—";
        }
        if (d.malformed()) {
            return "unreadable answer from " + d.model();
        }
        return String.format(Locale.ROOT, "%s (%.0f %%, %s)", d.rootCause(), d.confidence() * 100, d.model());
    }

    private Parent decisionsPane(HistoryViewModel model) {
        TableView<HistoryStore.ActionRecordRow> actions = table("history-actions", model.actions(),
                "No playbook was proposed in this run.");
        actions.getColumns().setAll(List.of(
                column("Playbook", HistoryStore.ActionRecordRow::playbook, 190),
                column("Fingerprint", HistoryStore.ActionRecordRow::fingerprint, 130),
                column("Fix", HistoryStore.ActionRecordRow::fixClass, 50),
                column("Decision", HistoryStore.ActionRecordRow::decision, 110),
                column("Outcome", HistoryView::outcome, 150),
                column("Took", a -> String.format(Locale.ROOT, "%.1f s", a.durationMs() / 1000.0), 70),
                column("Message", a -> firstLine(a.message()), 360)));
        TableView<AuditEntry> audit = table("history-audit", model.audit(), "No audit trail for this run.");
        audit.getColumns().setAll(List.of(
                column("At", a -> WHEN.format(a.at()), 150),
                column("Stage", AuditEntry::stage, 90),
                column("Playbook", AuditEntry::playbook, 170),
                column("By", AuditEntry::actor, 90),
                column("Outcome", a -> a.outcome() == null ? "" : a.outcome(), 90),
                column("Detail", a -> firstLine(a.detail()), 420)));
        VBox box = new VBox(6, Labels.caption("Decisions and outcomes"), actions, Labels.caption("Audit trail"),
                audit);
        VBox.setVgrow(actions, Priority.ALWAYS);
        VBox.setVgrow(audit, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static String outcome(HistoryStore.ActionRecordRow a) {
        if (!a.applied()) {
            return "not applied";
        }
        if (!a.success()) {
            return "applied, failed";
        }
        return a.verified() ? "applied, verified" : "applied, not verified";
    }

    private Parent comparePane(HistoryViewModel model) {
        Label heading = subs.text(new Label(), model.comparisonTextProperty());
        heading.setId("history-compare-text");
        heading.setWrapText(true);
        ListView<String> added = compareList("history-compare-new");
        ListView<String> fixed = compareList("history-compare-fixed");
        ListView<String> still = compareList("history-compare-still");
        ListView<String> newReason = compareList("history-compare-new-reason");
        subs.add(model.comparisonProperty().subscribe(c -> {
            added.getItems().setAll(c == null ? List.of() : c.newFailures());
            fixed.getItems().setAll(c == null ? List.of() : c.fixed());
            still.getItems().setAll(c == null ? List.of() : c.stillFailing());
            newReason.getItems().setAll(c == null ? List.of() : c.newReason());
        }));
        GridPane grid = new GridPane(12, 4);
        grid.addRow(0, Labels.caption("New failures"), Labels.caption("Fixed"), Labels.caption("Still failing"),
                Labels.caption("Failing for a new reason"));
        grid.addRow(1, added, fixed, still, newReason);
        for (ListView<String> list : List.of(added, fixed, still, newReason)) {
            GridPane.setHgrow(list, Priority.ALWAYS);
            GridPane.setVgrow(list, Priority.ALWAYS);
            list.setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(8, heading, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static ListView<String> compareList(String id) {
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.setPlaceholder(new Label("none"));
        list.setPrefHeight(120);
        return list;
    }

    private Parent exportBar(HistoryViewModel model) {
        ComboBox<ReportWriter.Format> format = new ComboBox<>(
                FXCollections.observableArrayList(ReportWriter.Format.values()));
        format.setId("history-export-format");
        format.setValue(ReportWriter.Format.HTML);
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ReportWriter.Format f) {
                return f == null ? "" : f.id();
            }

            @Override
            public ReportWriter.Format fromString(String s) {
                return ReportWriter.Format.parse(s);
            }
        });
        Button export = new Button("Export report");
        export.setId("history-export");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(model.selectedProperty().isNull().or(model.exportingProperty()));
        subs.add(export.disableProperty()::unbind);
        export.setOnAction(e -> model.export(format.getValue()));
        HBox bar = new HBox(8, format, export);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    private Parent exportResult(HistoryViewModel model) {
        Label path = subs.text(new Label(), model.exportTextProperty());
        path.setId("history-export-path");
        path.setMinWidth(0);
        Hyperlink open = new Hyperlink("Open folder");
        open.setId("history-export-open");
        open.setOnAction(e -> model.revealExport());
        open.visibleProperty().bind(model.exportedProperty().isNotNull());
        subs.add(open.visibleProperty()::unbind);
        HBox box = new HBox(8, path, open);
        box.setAlignment(Pos.CENTER_LEFT);
        box.managedProperty().bind(model.exportTextProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        subs.add(box.managedProperty()::unbind);
        subs.add(box.visibleProperty()::unbind);
        return box;
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    /** A row of filters, each kept at its preferred width (the search field, when there, takes what is left). */
    private static HBox filterRow(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private <T> void bindBoth(ComboBox<T> combo, javafx.beans.property.Property<T> value) {
        combo.valueProperty().bindBidirectional(value);
        subs.add(() -> combo.valueProperty().unbindBidirectional(value));
    }

    private <S> TableView<S> table(String id, ObservableList<S> items, String empty) {
        return table(subs, id, items, empty);
    }

    /** A striped, edge-to-edge table over {@code items}, which lets go of them when {@code subs} are released. */
    static <S> TableView<S> table(Subscriptions subs, String id, ObservableList<S> items, String empty) {
        TableView<S> table = new TableView<>(items);
        table.setId(id);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(new Label(empty));
        subs.add(Tables.fitOrScroll(table));
        subs.add(() -> table.setItems(FXCollections.observableArrayList()));
        return table;
    }

    /**
     * A column {@code width} wide, never narrower than {@link #LEAST_WIDTH} (or its own width, when less): a narrow
     * window scrolls the table sideways rather than cut a score to "7…" or a status to "S…".
     */
    static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, LEAST_WIDTH));
        return c;
    }

    static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    static String firstLine(String text) {
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
        trendsView.dispose();
        recurringView.dispose();
        subs.release();
    }
}
