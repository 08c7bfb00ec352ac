package dev.healdesk.app.failures;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.Severity;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The failures screen: the run's failure groups in a table (one row per fingerprint), and below it the
 * selected group in full: fingerprint, tests and the playbook decision; the model's diagnosis, streaming in
 * while the run asks for it; message and stack top.
 */
public final class FailuresView implements View {
    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final FailuresViewModel model;
    private final TableView<FailureGroup> table = new TableView<>();

    private final HBox badges = new HBox(8);
    private final Label fingerprint = value("fingerprint");
    private final Label pattern = value("pattern");
    private final Label playbook = value("playbook");
    private final Label decision = value("decision");
    private final Label tests = value("tests");
    private final TextArea message = area("detail-message");
    private final TextArea stack = area("detail-stack");
    private final DiagnosisSection diagnosis;

    public FailuresView(FailuresViewModel model) {
        this.model = model;
        this.diagnosis = new DiagnosisSection(model);
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label("Failures");
        title.getStyleClass().add(Styles.TITLE_2);
        Label summary = new Label();
        summary.setId("failures-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summaryTextProperty());
        subs.add(summary.textProperty()::unbind);
        HBox header = new HBox(12, title, summary);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(0, 0, 14, 0));

        buildTable();
        Node detail = buildDetail();
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        split.getStyleClass().add("failures-split");

        root.setTop(header);
        root.setCenter(split);

        subs.add(model.detailProperty().subscribe(this::showDetail));
        subs.syncSelection(table, model.selectedProperty());
    }

    private void buildTable() {
        table.setId("failures-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "failures-table");
        table.setItems(model.groups());
        subs.add(() -> table.setItems(FXCollections.observableArrayList()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No failures to show."));

        TableColumn<FailureGroup, Category> category = column("Category", FailureGroup::category, 96);
        category.setId("col-category");
        category.setCellFactory(Badges.cells(Category::id, Badges::kindOf));
        TableColumn<FailureGroup, Severity> severity = column("Severity", FailureGroup::severity, 88);
        severity.setId("col-severity");
        severity.setCellFactory(Badges.cells(Severity::id, Badges::kindOf));
        TableColumn<FailureGroup, FixClass> fix = column("Fix", FailureGroup::fixClass, 56);
        fix.setId("col-fix");
        fix.setCellFactory(Badges.cells(FixClass::name, Badges::kindOf));
        TableColumn<FailureGroup, Integer> count = column("Tests", FailureGroup::count, 66);
        count.setId("col-count");
        TableColumn<FailureGroup, String> testIds = column("Failing tests", FailuresViewModel::testsOf, 220);
        testIds.setId("col-tests");
        TableColumn<FailureGroup, String> patternCol = column("Pattern", g -> g.classification().patternId(), 235);
        patternCol.setId("col-pattern");
        TableColumn<FailureGroup, String> playbookCol = new TableColumn<>("Playbook");
        playbookCol.setCellValueFactory(cd -> model.playbookProperty(cd.getValue()));
        playbookCol.setCellFactory(c -> new PlaybookCell());
        playbookCol.setPrefWidth(200);
        playbookCol.setMinWidth(56);
        playbookCol.setId("col-playbook");
        TableColumn<FailureGroup, String> decisionCol = column("Decision", model::decisionOf, 92);
        decisionCol.setId("col-decision");
        TableColumn<FailureGroup, String> messageCol = column("Message",
                g -> FailuresViewModel.firstLine(g.message()), 200);
        messageCol.setId("col-message");
        table.getColumns().setAll(java.util.List.of(category, severity, fix, count, testIds, patternCol, playbookCol,
                decisionCol, messageCol));
    }

    private static <T> TableColumn<FailureGroup, T> column(String title, Function<FailureGroup, T> value, double width) {
        TableColumn<FailureGroup, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 56));
        return c;
    }

    private Node buildDetail() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(84);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keys, values);
        int row = 0;
        grid.addRow(row++, key("Fingerprint"), fingerprint);
        grid.addRow(row++, key("Pattern"), pattern);
        grid.addRow(row++, key("Playbook"), playbook);
        grid.addRow(row++, key("Decision"), decision);
        grid.addRow(row, key("Tests"), tests);

        badges.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(12, badges, grid);
        left.setMinWidth(300);
        left.setPrefWidth(380);

        VBox right = new VBox(6, key("Message"), message, key("Stack top"), stack);
        VBox.setVgrow(message, Priority.ALWAYS);
        VBox.setVgrow(stack, Priority.ALWAYS);
        right.setMinWidth(260);
        right.setPrefWidth(380);
        HBox.setHgrow(right, Priority.ALWAYS);

        Node diagnosisSection = diagnosis.root();
        HBox.setHgrow(diagnosisSection, Priority.ALWAYS);

        HBox box = new HBox(20, left, diagnosisSection, right);
        box.setId("failure-detail");
        box.getStyleClass().add("detail-pane");
        box.setPadding(new Insets(14, 16, 14, 16));
        return box;
    }

    private void showDetail(FailureDetail d) {
        badges.getChildren().clear();
        if (d == null) {
            for (Label l : new Label[]{fingerprint, pattern, playbook, decision, tests}) {
                l.setText("");
            }
            message.setText("");
            stack.setText("");
            badges.getChildren().add(new Label("Select a failure group to see its details."));
            return;
        }
        FailureGroup g = model.selectedProperty().get();
        if (g != null) {
            badges.getChildren().addAll(
                    Badges.badge(g.category().id(), Badges.kindOf(g.category())),
                    Badges.badge(g.severity().id(), Badges.kindOf(g.severity())),
                    Badges.badge("class " + g.fixClass(), Badges.kindOf(g.fixClass())),
                    new Label(g.count() + " test(s)"));
        }
        fingerprint.setText(d.fingerprint());
        pattern.setText(d.pattern());
        playbook.setText(d.playbook());
        decision.setText(d.actions().isEmpty() ? "no proposal recorded" : String.join("\n", d.actions()));
        tests.setText(String.join("\n", d.tests()));
        message.setText(d.message());
        stack.setText(d.stackTop().isEmpty() ? "(no stack)" : d.stackTop());
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("detail-key", Styles.TEXT_MUTED);
        GridPane.setValignment(l, VPos.TOP);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId("detail-" + id);
        l.setWrapText(true);
        l.getStyleClass().add("detail-value");
        return l;
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(4);
        a.getStyleClass().add("mono");
        return a;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subs.release();
        diagnosis.dispose();
    }

    /** The playbook a group gets now; bold, with a tooltip, when the operator took it from the diagnosis. */
    private final class PlaybookCell extends TableCell<FailureGroup, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("playbook-chosen");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item);
            FailureGroup g = getTableRow() == null ? null : getTableRow().getItem();
            if (g != null && model.playbookChosen(g)) {
                getStyleClass().add("playbook-chosen");
                setTooltip(new Tooltip("Your choice, from the diagnosis; triage proposed "
                        + (g.classification().playbook() == null ? "none" : g.classification().playbook())));
            }
        }
    }
}
