package dev.healdesk.app.playbooks;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Labels;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.FixClass;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

import java.util.List;
import java.util.Locale;

/**
 * The Playbooks screen: the session's proposals in a table (failure group, playbook, class, risk, target, state), the
 * guardrail counters above it, and below it the selected proposal's plan and history with Approve (A or Ctrl+Enter),
 * Dry-run (D) and Reject (R). The letter shortcuts work wherever the focus is on this screen except in the reason
 * field, where they are typed; Ctrl+Enter works there too.
 */
public final class PlaybooksView implements View {
    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final PlaybookQueueViewModel model;
    private final TableView<QueueRow> table = new TableView<>();
    private final VBox missing = new VBox(4);

    public PlaybooksView(PlaybookQueueViewModel model) {
        this.model = model;
        root.getStyleClass().add("screen");
        root.setId("playbooks-screen");
        root.setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label("Playbooks");
        title.getStyleClass().add(Styles.TITLE_2);
        Label summary = new Label();
        summary.setId("playbooks-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(() -> switch (model.awaitingProperty().get()) {
            case 0 -> "Nothing waits for you · proposals of this session's runs, newest last";
            case 1 -> "1 proposal waits for your decision · the run holds until you answer";
            default -> model.awaitingProperty().get() + " proposals wait for your decision";
        }, model.awaitingProperty()));
        subs.add(summary.textProperty()::unbind);
        HBox header = new HBox(12, title, summary);
        header.setAlignment(Pos.BASELINE_LEFT);

        Label counters = new Label();
        counters.setId("guardrail-counters");
        counters.getStyleClass().addAll("guardrail-counters", Styles.TEXT_SMALL);
        counters.setMaxWidth(Double.MAX_VALUE);
        counters.textProperty().bind(model.countersTextProperty());
        subs.add(counters.textProperty()::unbind);
        counters.setTooltip(new Tooltip("What this session has used of each guardrail: a fix the guardrails refuse is"
                + " recorded as skipped, whatever you answer"));
        VBox top = new VBox(10, header, counters);
        top.setPadding(new Insets(0, 0, 12, 0));

        buildTable();
        SplitPane split = new SplitPane(table, buildDetail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.34);
        split.getStyleClass().add("failures-split");

        root.setTop(top);
        root.setCenter(split);
        subs.syncSelection(table, model.selectedProperty());
        subs.add(model.selectedProperty().subscribe(row -> {
            if (row != null) {
                table.scrollTo(row);
            }
        }));
        shortcuts();
    }

    private void buildTable() {
        table.setId("playbooks-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setItems(model.rows());
        subs.add(() -> table.setItems(FXCollections.observableArrayList()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No proposals yet: a run proposes playbooks for its failure groups after"
                + " triage."));

        TableColumn<QueueRow, String> group = column("Failure group", r -> fixed(r.groupText()), 290);
        group.setId("col-group");
        TableColumn<QueueRow, String> playbook = column("Playbook", r -> fixed(r.playbook()), 190);
        playbook.setId("col-playbook");
        TableColumn<QueueRow, FixClass> fix = column("Class", r -> fixed(r.fixClass()), 64);
        fix.setId("col-class");
        fix.setCellFactory(Badges.cells(FixClass::name, Badges::kindOf));
        TableColumn<QueueRow, Risk> risk = column("Risk", QueueRow::riskProperty, 84);
        risk.setId("col-risk");
        risk.setCellFactory(Badges.cells(r -> r.name().toLowerCase(Locale.ROOT), Badges::kindOf));
        TableColumn<QueueRow, String> target = column("Target", QueueRow::targetProperty, 100);
        target.setId("col-target");
        TableColumn<QueueRow, ProposalState> state = column("State", QueueRow::stateProperty, 112);
        state.setId("col-state");
        state.setCellFactory(Badges.cells(ProposalState::label, ProposalState::badgeKind));
        TableColumn<QueueRow, String> note = column("Latest", QueueRow::noteProperty, 240);
        note.setId("col-note");
        table.getColumns().setAll(List.of(group, playbook, fix, risk, target, state, note));
    }

    private static <T> ObservableValue<T> fixed(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static <T> TableColumn<QueueRow, T> column(String title,
                                                       Callback<QueueRow, ObservableValue<T>> value, double width) {
        TableColumn<QueueRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> value.call(cd.getValue()));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 56));
        return c;
    }

    private Node buildDetail() {
        Label heading = new Label();
        heading.setId("proposal-title");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(model.detailTitleProperty());
        Label facts = new Label();
        facts.setId("proposal-facts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);
        facts.setMinHeight(Label.USE_PREF_SIZE);
        facts.textProperty().bind(model.detailFactsProperty());
        subs.add(heading.textProperty()::unbind);
        subs.add(facts.textProperty()::unbind);

        Label planNote = new Label();
        planNote.setId("plan-note");
        planNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        planNote.textProperty().bind(model.planNoteProperty());
        subs.add(planNote.textProperty()::unbind);
        ListView<String> steps = wrapping(model.planSteps(), "plan-steps", "No steps.");
        steps.getStyleClass().add("mono");
        missing.setId("plan-missing");
        missing.managedProperty().bind(Bindings.isNotEmpty(model.planMissing()));   // no gap when nothing lacks
        subs.add(missing.managedProperty()::unbind);
        subs.onChange(model.planMissing(), (ListChangeListener<String>) c -> showMissing());
        showMissing();
        // The note sits beside the caption, so that the plan and the history line up top and bottom.
        HBox planHead = new HBox(10, Labels.caption("Plan (dry run)"), planNote);
        planHead.setAlignment(Pos.BASELINE_LEFT);
        VBox plan = new VBox(6, planHead, steps, missing);
        VBox.setVgrow(steps, Priority.ALWAYS);
        plan.setMinWidth(320);
        HBox.setHgrow(plan, Priority.ALWAYS);

        ListView<String> history = wrapping(model.history(), "proposal-history", "Nothing yet.");
        VBox log = new VBox(6, Labels.caption("History"), history);
        VBox.setVgrow(history, Priority.ALWAYS);
        log.setMinWidth(260);
        log.setPrefWidth(420);
        HBox.setHgrow(log, Priority.ALWAYS);

        HBox body = new HBox(20, plan, log);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox detail = new VBox(8, heading, facts, body, actions());
        detail.setId("proposal-detail");
        detail.getStyleClass().add("detail-pane");
        detail.setPadding(new Insets(14, 16, 14, 16));
        return detail;
    }

    private HBox actions() {
        TextField reason = new TextField();
        reason.setId("proposal-reason");
        reason.setPromptText("Reason (optional, recorded with your decision)");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        subs.add(() -> reason.textProperty().unbindBidirectional(model.reasonProperty()));
        reason.disableProperty().bind(model.canDecideProperty().not());
        HBox.setHgrow(reason, Priority.ALWAYS);

        Button approve = new Button();
        approve.setId("proposal-approve");
        approve.getStyleClass().add(Styles.ACCENT);
        approve.textProperty().bind(Bindings.concat(model.approveTextProperty(), "  (A)"));
        approve.setTooltip(new Tooltip("Apply the plan, then verify it: A, or Ctrl+Enter (also in the reason field)."
                + " A high-risk playbook asks you to confirm with a second click"));
        approve.setOnAction(e -> model.approve());
        Button dryRun = new Button("Dry-run  (D)");
        dryRun.setId("proposal-dry-run");
        dryRun.setTooltip(new Tooltip("Record the plan as a dry run; nothing changes: D"));
        dryRun.setOnAction(e -> model.dryRun());
        Button reject = new Button("Reject  (R)");
        reject.setId("proposal-reject");
        reject.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        reject.setTooltip(new Tooltip("Leave it; the run goes on without this fix: R"));
        reject.setOnAction(e -> model.reject());
        for (Button b : new Button[]{approve, dryRun, reject}) {
            b.disableProperty().bind(model.canDecideProperty().not());
            b.setMinWidth(Button.USE_PREF_SIZE);
            subs.add(b.disableProperty()::unbind);
        }
        subs.add(approve.textProperty()::unbind);
        subs.add(reason.disableProperty()::unbind);

        HBox bar = new HBox(10, reason, approve, dryRun, reject);
        bar.setId("proposal-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 0, 0, 0));
        return bar;
    }

    /** A, D, R outside text fields; Ctrl+Enter anywhere on the screen. */
    private void shortcuts() {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.approve();
                e.consume();
                return;
            }
            if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            Runnable command = switch (e.getCode()) {
                case A -> model::approve;
                case D -> model::dryRun;
                case R -> model::reject;
                default -> null;
            };
            if (command != null) {
                command.run();
                e.consume();
            }
        });
    }

    private void showMissing() {
        missing.getChildren().clear();
        for (String m : model.planMissing()) {
            Label l = new Label("\u26A0 Missing: " + m);
            l.getStyleClass().add("plan-missing");
            l.setWrapText(true);
            missing.getChildren().add(l);
        }
    }

    /** A list whose long lines wrap (a command line, a verification message) instead of running off its edge. */
    private static ListView<String> wrapping(ObservableList<String> items, String id, String empty) {
        ListView<String> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().addAll("run-log", "wrapping-list");
        list.setPlaceholder(new Label(empty));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty ? null : item);
            }
        });
        return list;
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
