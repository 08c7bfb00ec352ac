package dev.healdesk.app.failures;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.Tables;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.Severity;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The failures screen: the run's incidents in a tree table (one row per incident, expanding to its fingerprints when
 * it joins several and to its failing tests; each row with its flip rate), and below it the selected group in full: fingerprint, the playbook decision, its tests with their flip rates and recent
 * outcomes, and the screenshots, traces and videos they left; the model's diagnosis, streaming in while the run asks
 * for it; message and stack top. The run's flaky tests are listed apart at the bottom, when it has any.
 */
public final class FailuresView implements View {
    /** The badge kind of a flip rate that flips often. */
    private static final String FLIPPING = "flipping";
    private static final double SCREENSHOT_LOAD_WIDTH = 900;
    private static final double SCREENSHOT_MAX_HEIGHT = 220;
    /** About one screenshot and its caption: more scroll. */
    private static final double ARTIFACTS_MAX_HEIGHT = 250;
    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final FailuresViewModel model;
    private final TreeTableView<FailureRow> table = new TreeTableView<>();
    private final TreeItem<FailureRow> rootItem = new TreeItem<>();
    /** The tree is being rebuilt, or shows the model's selection: its selection changes are not the operator's. */
    private boolean rebuilding;
    private boolean showing;

    /** The selected group's badges; they wrap onto a second line rather than cut the last one short. */
    private final FlowPane badges = new FlowPane(8, 4);
    private final Label fingerprint = value("fingerprint");
    private final Label pattern = value("pattern");
    private final Label playbook = value("playbook");
    private final Label decision = value("decision");
    private final Label incident = value("incident");
    private final Label flipNote = new Label();
    private final VBox tests = new VBox(4);
    private final Label artifactsCaption = key("Artifacts");
    private final VBox artifacts = new VBox(8);
    /** Scrolls the artifacts when there are more than one screenshot's worth; the screenshots follow its width. */
    private final ScrollPane artifactsScroll = new ScrollPane(artifacts);
    private final GridPane flakyList = new GridPane();
    private final TitledPane flakySection = new TitledPane();
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
        split.setDividerPositions(0.34);
        split.getStyleClass().add("failures-split");

        buildFlaky();
        root.setTop(header);
        root.setCenter(split);
        root.setBottom(flakySection);

        subs.add(model.detailProperty().subscribe(this::showDetail));
        subs.add(model.artifactsProperty().subscribe(this::showArtifacts));
        subs.onChange(model.flaky(), c -> showFlaky());
        showFlaky();
        rebuildTree();
        syncSelection();
    }

    private void buildTable() {
        table.setId("failures-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "failures-table");
        table.setRoot(rootItem);
        table.setShowRoot(false);
        table.setPlaceholder(new Label("No failures to show."));
        subs.onChange(model.groups(), c -> rebuildTree());

        // Each column's least width shows its whole header and, for the badge columns, the widest badge (Badges
        // widens a column to a badge it has not met yet); the table scrolls sideways when they do not all fit.
        TreeTableColumn<FailureRow, String> incidentCol = column("Incident", this::titleOf, 300, 150);
        incidentCol.setId("col-incident");
        TreeTableColumn<FailureRow, Category> category = column("Category", r -> badged(r, FailureGroup::category),
                104, 96);
        category.setId("col-category");
        category.setCellFactory(Badges.treeCells(Category::id, Badges::kindOf));
        TreeTableColumn<FailureRow, Severity> severity = column("Severity", r -> badged(r, FailureGroup::severity),
                92, 88);
        severity.setId("col-severity");
        severity.setCellFactory(Badges.treeCells(Severity::id, Badges::kindOf));
        TreeTableColumn<FailureRow, FixClass> fix = column("Fix", r -> badged(r, FailureGroup::fixClass), 56, 48);
        fix.setId("col-fix");
        fix.setCellFactory(Badges.treeCells(FixClass::name, Badges::kindOf));
        TreeTableColumn<FailureRow, Integer> count = column("Tests", FailuresView::countOf, 66, 62);
        count.setId("col-count");
        TreeTableColumn<FailureRow, FlipRate> flip = new TreeTableColumn<>("Flip rate");
        flip.setId("col-flip");
        flip.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(flipRateOf(cd.getValue().getValue())));
        flip.setCellFactory(c -> new FlipRateCell());
        // Unknown rates sort below every known one, so a descending sort puts the most flipping group first.
        flip.setComparator(Comparator.nullsFirst(Comparator.comparingDouble(FlipRate::rate)));
        flip.setPrefWidth(92);
        flip.setMinWidth(84);
        TreeTableColumn<FailureRow, String> testIds = column("Failing tests", FailuresView::testsOf, 220, 112);
        testIds.setId("col-tests");
        TreeTableColumn<FailureRow, String> patternCol = column("Pattern", FailuresView::patternOf, 235, 100);
        patternCol.setId("col-pattern");
        TreeTableColumn<FailureRow, String> playbookCol = new TreeTableColumn<>("Playbook");
        playbookCol.setCellValueFactory(cd -> cd.getValue().getValue() instanceof FailureRow.TestRow ? null
                : model.playbookProperty(cd.getValue().getValue().group()));
        playbookCol.setCellFactory(c -> new PlaybookCell());
        playbookCol.setPrefWidth(200);
        playbookCol.setMinWidth(100);
        playbookCol.setId("col-playbook");
        TreeTableColumn<FailureRow, String> decisionCol = column("Decision", r -> r instanceof FailureRow.TestRow
                ? null : model.decisionOf(r.group()), 92, 88);
        decisionCol.setId("col-decision");
        TreeTableColumn<FailureRow, String> messageCol = column("Message", FailuresView::messageOf, 200, 100);
        messageCol.setId("col-message");
        table.getColumns().setAll(List.of(incidentCol, category, severity, fix, count, flip, testIds, patternCol,
                playbookCol, decisionCol, messageCol));
        subs.add(Tables.fitOrScroll(table));
    }

    /**
     * The rows anew from the model's groups (in its order: by incident, most severe first): one per incident,
     * expandable to its fingerprints when it joins several, and to its failing tests. Expanded incidents stay
     * expanded, and the model's selection stays selected.
     */
    private void rebuildTree() {
        Set<String> expanded = new HashSet<>();
        for (TreeItem<FailureRow> item : rootItem.getChildren()) {
            if (item.isExpanded() && item.getValue() instanceof FailureRow.IncidentRow i) {
                expanded.add(i.key());
            }
        }
        Map<String, List<FailureGroup>> byIncident = new LinkedHashMap<>();
        for (FailureGroup g : model.groups()) {
            byIncident.computeIfAbsent(model.incidentKeyOf(g), k -> new ArrayList<>()).add(g);
        }
        List<TreeItem<FailureRow>> incidents = new ArrayList<>();
        byIncident.forEach((key, groups) -> {
            FailureRow.IncidentRow row = new FailureRow.IncidentRow(key, model.incidentOf(groups.get(0)), groups);
            TreeItem<FailureRow> item = new TreeItem<>(row);
            if (groups.size() == 1) {
                item.getChildren().setAll(testItems(groups.get(0)));
            } else {
                for (FailureGroup g : groups) {
                    TreeItem<FailureRow> fingerprintItem = new TreeItem<>(new FailureRow.GroupRow(g));
                    fingerprintItem.getChildren().setAll(testItems(g));
                    item.getChildren().add(fingerprintItem);
                }
            }
            item.setExpanded(expanded.contains(key));
            incidents.add(item);
        });
        rebuilding = true;
        try {
            rootItem.getChildren().setAll(incidents);
            showSelected(model.selectedProperty().get());
        } finally {
            rebuilding = false;
        }
    }

    private static List<TreeItem<FailureRow>> testItems(FailureGroup g) {
        return g.tests().stream().map(t -> new TreeItem<FailureRow>(new FailureRow.TestRow(t, g))).toList();
    }

    /** Tree → model: a row selects the group it stands for (an incident its leading group, a test its own). */
    private void syncSelection() {
        subs.add(table.getSelectionModel().selectedItemProperty().subscribe((was, item) -> {
            if (rebuilding || showing || item == null || item.getValue() == null) {
                return;
            }
            model.selectedProperty().set(item.getValue().group());
        }));
        // Model → tree: the row of the selected group, unless the selected row already stands for it.
        subs.add(model.selectedProperty().subscribe(this::showSelected));
    }

    private void showSelected(FailureGroup group) {
        showing = true;
        try {
            TreeItem<FailureRow> current = table.getSelectionModel().getSelectedItem();
            if (group == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            if (current != null && current.getValue() != null && current.getValue().group() == group
                    && current.getParent() != null) {
                return;
            }
            TreeItem<FailureRow> target = itemOf(group);
            if (target != null) {
                if (target.getParent() != null && target.getParent() != rootItem) {
                    target.getParent().setExpanded(true);
                }
                table.getSelectionModel().select(target);
                int row = table.getRow(target);
                if (row >= 0) {
                    table.scrollTo(Math.max(0, row - 2));
                }
            }
        } finally {
            showing = false;
        }
    }

    /** The row of {@code group}: its incident's when it leads it, else its own fingerprint row. */
    private TreeItem<FailureRow> itemOf(FailureGroup group) {
        for (TreeItem<FailureRow> incident : rootItem.getChildren()) {
            if (incident.getValue().group() == group) {
                return incident;
            }
            for (TreeItem<FailureRow> child : incident.getChildren()) {
                if (child.getValue() instanceof FailureRow.GroupRow && child.getValue().group() == group) {
                    return child;
                }
            }
        }
        return null;
    }

    private String titleOf(FailureRow r) {
        if (r instanceof FailureRow.IncidentRow i) {
            return i.title();
        }
        return r instanceof FailureRow.TestRow t ? t.test().id() : "fingerprint " + r.group().fingerprint();
    }

    /** A badge's value on the incident and fingerprint rows; none on a test's. */
    private static <T> T badged(FailureRow r, Function<FailureGroup, T> value) {
        return r instanceof FailureRow.TestRow ? null : value.apply(r.group());
    }

    private static Integer countOf(FailureRow r) {
        if (r instanceof FailureRow.IncidentRow i) {
            return i.tests().size();
        }
        return r instanceof FailureRow.TestRow ? null : r.group().count();
    }

    private FlipRate flipRateOf(FailureRow r) {
        if (r == null) {
            return null;
        }
        if (r instanceof FailureRow.TestRow t) {
            return model.flipRateOfTest(t.test().id());
        }
        if (r instanceof FailureRow.IncidentRow i && i.groups().size() > 1) {
            // pooled over the incident's tests, as a group's rate is over its own
            List<FlipRate> known = i.tests().stream().map(t -> model.flipRateOfTest(t.id()))
                    .filter(java.util.Objects::nonNull).toList();
            return known.isEmpty() ? null : FlipRate.pooled(i.key(), known);
        }
        return model.flipRateOf(r.group());
    }

    private static String testsOf(FailureRow r) {
        if (r instanceof FailureRow.IncidentRow i) {
            return String.join(", ", i.tests().stream().map(TestResult::id).toList());
        }
        return r instanceof FailureRow.TestRow ? null : FailuresViewModel.testsOf(r.group());
    }

    private static String patternOf(FailureRow r) {
        if (r instanceof FailureRow.IncidentRow i) {
            return String.join(", ", i.groups().stream().map(g -> g.classification().patternId()).distinct()
                    .toList());
        }
        return r instanceof FailureRow.TestRow ? null : r.group().classification().patternId();
    }

    private static String messageOf(FailureRow r) {
        return r instanceof FailureRow.TestRow t ? FailuresViewModel.firstLine(t.test().errorMessage())
                : FailuresViewModel.firstLine(r.group().message());
    }

    /** @param least the least width: the whole header, and a useful part of the value */
    private static <T> TreeTableColumn<FailureRow, T> column(String title, Function<FailureRow, T> value, double width,
                                                             double least) {
        TreeTableColumn<FailureRow, T> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue() == null ? null
                : value.apply(cd.getValue().getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(least);
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
        grid.addRow(row++, key("Incident"), incident);
        grid.addRow(row++, key("Fingerprint"), fingerprint);
        grid.addRow(row++, key("Pattern"), pattern);
        grid.addRow(row++, key("Playbook"), playbook);
        grid.addRow(row, key("Decision"), decision);
        // The tests get the column's full width: ids, rates and recent runs side by side.
        Label legend = new Label("flip rate · recent runs, oldest first: ○ passed  ● failed  grey ● failed with a"
                + " sandbox fault on (not a flip)");
        legend.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        legend.setWrapText(true);
        legend.setMinWidth(0);
        VBox testsHead = new VBox(2, key("Tests"), legend);
        tests.setId("detail-tests");

        badges.setAlignment(Pos.CENTER_LEFT);
        flipNote.setId("detail-flip-note");
        flipNote.setWrapText(true);
        flipNote.getStyleClass().add("note-warning");
        artifacts.setId("detail-artifacts");
        VBox left = new VBox(12, badges, flipNote, grid, new VBox(6, testsHead, tests));
        left.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane facts = new ScrollPane(left);   // a long decision or many tests scroll
        facts.setId("failure-facts");
        facts.setFitToWidth(true);
        facts.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        facts.getStyleClass().add("diagnosis-section");   // the same see-through scroll pane as the diagnosis's
        facts.setMinWidth(0);

        // What the tests left sits between the message and the stack, where the eye looks for evidence.
        artifactsScroll.setFitToWidth(true);
        artifactsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        artifactsScroll.getStyleClass().add("diagnosis-section");
        artifactsScroll.prefViewportHeightProperty()
                .bind(Bindings.min(ARTIFACTS_MAX_HEIGHT, artifacts.heightProperty()));
        subs.add(artifactsScroll.prefViewportHeightProperty()::unbind);
        VBox right = new VBox(6, key("Message"), message, artifactsCaption, artifactsScroll, key("Stack top"), stack);
        VBox.setVgrow(message, Priority.ALWAYS);
        VBox.setVgrow(stack, Priority.ALWAYS);
        right.setMinWidth(0);

        Region diagnosisSection = (Region) diagnosis.root();
        diagnosisSection.setMinWidth(0);

        // Three panes that share the width by percent, so that none is pushed past the window's edge at 1024 px: their
        // labels wrap, the message and stack wrap, and each scrolls on its own.
        GridPane box = new GridPane();
        box.setHgap(20);
        box.getColumnConstraints().setAll(share(30), share(38), share(32));
        RowConstraints fill = new RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        fill.setFillHeight(true);
        box.getRowConstraints().setAll(fill);
        box.addRow(0, facts, diagnosisSection, right);
        box.setId("failure-detail");
        box.getStyleClass().add("detail-pane");
        box.setPadding(new Insets(14, 16, 14, 16));
        return box;
    }

    private static ColumnConstraints share(double percent) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(percent);
        c.setMinWidth(150);
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private void showDetail(FailureDetail d) {
        badges.getChildren().clear();
        tests.getChildren().clear();
        shown(flipNote, d != null && d.flipNote() != null);
        flipNote.setText(d == null || d.flipNote() == null ? "" : d.flipNote());
        if (d == null) {
            for (Label l : new Label[]{fingerprint, pattern, playbook, decision}) {
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
        FailureGroup shown = model.selectedProperty().get();
        incident.setText(shown == null ? "" : model.incidentOf(shown)
                + (model.classEvidenceOf(shown).isEmpty() ? "" : "\n" + model.classEvidenceOf(shown)));
        pattern.setText(d.pattern());
        playbook.setText(d.playbook());
        decision.setText(d.actions().isEmpty() ? "no proposal recorded" : String.join("\n", d.actions()));
        d.tests().forEach(t -> tests.getChildren().add(testLine(t)));
        message.setText(d.message());
        stack.setText(d.stackTop().isEmpty() ? "(no stack)" : d.stackTop());
    }

    /** "modules/login-flow  30 %  ○○●○●": a test, its flip rate, and its recent outcomes as dots. */
    private static Node testLine(TestLine t) {
        Label id = new Label(t.id());
        id.getStyleClass().addAll("detail-value", "mono-inline", "test-id");
        id.setMinWidth(0);
        id.setMaxWidth(Double.MAX_VALUE);
        id.setTooltip(new Tooltip(t.id()));
        HBox.setHgrow(id, Priority.ALWAYS);
        Label rate = t.flipping() ? Badges.badge(t.rateText(), FLIPPING) : new Label(t.rateText());
        rate.getStyleClass().add("test-flip-rate");
        rate.setMinWidth(Label.USE_PREF_SIZE);
        if (!t.flipping()) {
            rate.getStyleClass().add(Styles.TEXT_MUTED);
        }
        HBox line = new HBox(8, id, rate);
        line.setAlignment(Pos.CENTER_LEFT);
        if (!t.recent().isEmpty()) {
            line.getChildren().add(OutcomeDots.of(t.recent()));
        } else {
            Tooltip.install(rate, new Tooltip("No flip rate yet: the history does not know this test's recent runs"));
        }
        return line;
    }

    private void showArtifacts(List<Artifact> list) {
        for (Node n : artifacts.getChildren()) {
            if (n instanceof VBox shot && shot.getChildren().get(1) instanceof ImageView iv) {
                iv.fitWidthProperty().unbind();
            }
        }
        artifacts.getChildren().clear();
        shown(artifactsCaption, !list.isEmpty());
        shown(artifactsScroll, !list.isEmpty());
        for (Artifact a : list) {
            artifacts.getChildren().add(a.present() ? artifactNode(a) : missing(a));
        }
    }

    private Node artifactNode(Artifact a) {
        return switch (a.kind()) {
            case SCREENSHOT -> screenshot(a);
            case TRACE -> {
                Button open = new Button("Open trace");
                open.getStyleClass().add(Styles.SMALL);
                open.getStyleClass().add("open-trace");
                open.setTooltip(new Tooltip("npx playwright show-trace " + a.path()));
                open.setOnAction(e -> model.openArtifact(a));
                yield artifactRow(a, "trace", open);
            }
            case VIDEO, OTHER -> {
                Hyperlink link = new Hyperlink(a.fileName());
                link.getStyleClass().add(a.kind() == Artifact.Kind.VIDEO ? "video-link" : "file-link");
                link.setTooltip(new Tooltip("Open " + a.path() + " with the desktop's viewer"));
                link.setOnAction(e -> model.openArtifact(a));
                yield artifactRow(a, a.kind() == Artifact.Kind.VIDEO ? "video" : "file", link);
            }
        };
    }

    private static HBox artifactRow(Artifact a, String what, Node action) {
        Label caption = new Label(a.testId() + " · " + what);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setMinWidth(0);
        HBox row = new HBox(8, caption, action);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The screenshot scaled to the column's width, loaded in the background; a click opens it full size. */
    private Node screenshot(Artifact a) {
        Hyperlink full = new Hyperlink("Open full size");
        full.setOnAction(e -> model.openArtifact(a));
        HBox head = artifactRow(a, "screenshot", full);
        Image image = new Image(a.path().toUri().toString(), SCREENSHOT_LOAD_WIDTH, 0, true, true, true);
        ImageView view = new ImageView(image);
        view.getStyleClass().add("artifact-screenshot");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitHeight(SCREENSHOT_MAX_HEIGHT);
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(120, artifactsScroll.getViewportBounds().getWidth() - 4),
                artifactsScroll.viewportBoundsProperty()));
        view.setCursor(Cursor.HAND);
        Tooltip.install(view, new Tooltip(a.path() + "\nClick to open it full size"));
        view.setOnMouseClicked(e -> model.openArtifact(a));
        VBox box = new VBox(4, head, view);
        image.errorProperty().subscribe(failed -> {
            if (failed) {   // gone since it was checked, or not an image after all
                box.getChildren().set(1, missingLabel("could not be read: " + a.fileName()));
            }
        });
        return box;
    }

    private static Label missing(Artifact a) {
        return missingLabel(a.testId() + " · " + a.fileName() + " — file no longer there (pruned by retention?)");
    }

    private static Label missingLabel(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll("artifact-missing", Styles.TEXT_MUTED, Styles.TEXT_ITALIC);
        return l;
    }

    private void buildFlaky() {
        flakyList.setId("flaky-list");
        flakyList.setHgap(16);
        flakyList.setVgap(4);
        ColumnConstraints message = new ColumnConstraints();
        message.setHgrow(Priority.ALWAYS);
        message.setMinWidth(120);
        flakyList.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(), message);
        ScrollPane scroll = new ScrollPane(flakyList);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMaxHeight(150);
        scroll.getStyleClass().add("diagnosis-section");
        flakySection.setContent(scroll);
        flakySection.setId("flaky-section");
        flakySection.getStyleClass().add("flaky-section");
        flakySection.setAnimated(false);
        BorderPane.setMargin(flakySection, new Insets(12, 0, 0, 0));
    }

    private void showFlaky() {
        List<FlakyRow> rows = model.flaky();
        shown(flakySection, !rows.isEmpty());
        flakySection.setText("Flaky — failed, then passed on a retry; not healed (" + rows.size() + ")");
        flakyList.getChildren().clear();
        if (rows.isEmpty()) {
            return;
        }
        flakyList.addRow(0, key("Test"), key("Retries"), key("Flip rate"), key("First failure"));
        int r = 1;
        for (FlakyRow f : rows) {
            Label id = new Label(f.testId());
            id.getStyleClass().addAll("mono-inline", "flaky-test");
            Label retries = new Label(f.retriesText());
            Label rate = f.flipping() ? Badges.badge(f.rateText(), FLIPPING) : new Label(f.rateText());
            Label failure = new Label(f.firstFailure().isEmpty() ? "(no message)" : f.firstFailure());
            failure.getStyleClass().add(Styles.TEXT_MUTED);
            failure.setMinWidth(0);
            if (!f.firstFailure().isEmpty()) {
                failure.setTooltip(new Tooltip(f.firstFailure()));
            }
            flakyList.addRow(r++, id, retries, rate, failure);
        }
    }

    private static void shown(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
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

    /** A group's flip rate: "—" when unknown, a warning badge when it flips often, with the counts in a tooltip. */
    private final class FlipRateCell extends TreeTableCell<FailureRow, FlipRate> {
        private final Label badge = Badges.badge("", FLIPPING);

        @Override
        protected void updateItem(FlipRate item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(null);
            setText(null);
            setTooltip(null);
            getStyleClass().remove(Styles.TEXT_MUTED);
            if (empty) {
                return;
            }
            String text = FailuresViewModel.rateText(item);
            if (item != null && item.flipping()) {
                badge.setText(text);
                setGraphic(badge);
                setTooltip(new Tooltip("Flips often: " + flips() + ". A fix may only look like it worked."));
            } else {
                setText(text);
                if (item == null) {
                    getStyleClass().add(Styles.TEXT_MUTED);
                    setTooltip(new Tooltip("No flip rate: the history does not know these tests' recent runs yet"));
                } else if (item.runs() < 2) {
                    getStyleClass().add(Styles.TEXT_MUTED);
                    setTooltip(new Tooltip(item.runs() + (item.runs() == 1 ? " run" : " runs") + " counted; a rate"
                            + " needs 2 (runs failed with a sandbox fault switched on are not counted)"));
                } else {
                    setTooltip(new Tooltip(flips()));
                }
            }
        }

        private String flips() {
            FailureRow r = getTableRow() == null ? null : getTableRow().getItem();
            FlipRate rate = getItem();
            if (r == null) {
                return "";
            }
            String flips = rate == null ? "" : rate.flips() + (rate.flips() == 1 ? " flip" : " flips");
            if (r instanceof FailureRow.TestRow) {
                return rate == null ? "" : flips + " in " + rate.runs() + (rate.runs() == 1 ? " run" : " runs");
            }
            if (r instanceof FailureRow.IncidentRow i && i.groups().size() > 1) {
                return rate == null ? "" : flips + " over the recent runs of its " + i.tests().size() + " tests";
            }
            return model.flipsText(r.group());
        }
    }

    /** The playbook a group gets now; bold, with a tooltip, when the operator took it from the diagnosis. */
    private final class PlaybookCell extends TreeTableCell<FailureRow, String> {
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
            FailureRow r = getTableRow() == null ? null : getTableRow().getItem();
            FailureGroup g = r == null ? null : r.group();
            if (g != null && model.playbookChosen(g)) {
                getStyleClass().add("playbook-chosen");
                setTooltip(new Tooltip("Your choice, from the diagnosis; triage proposed "
                        + (g.classification().playbook() == null ? "none" : g.classification().playbook())));
            }
        }
    }
}
