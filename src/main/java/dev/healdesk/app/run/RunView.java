package dev.healdesk.app.run;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.healdesk.app.fx.Labels;
import dev.healdesk.app.fx.LaterTextFieldSkin;
import dev.healdesk.app.fx.LaterTooltips;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import java.util.List;

/**
 * The run screen: what to run (projects, dry run, skip LLM, max fixes), Start / Cancel, progress,
 * the sandbox's fault switches, and the live log of the run's events; above them, a banner while the
 * local model cannot be reached.
 */
public final class RunView implements View {
    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final Subscriptions projectBindings = new Subscriptions();
    private final RunViewModel model;
    private final FaultPanel faultPanel;
    private final HBox projectBoxes = new HBox(18);
    private final TailListView log = new TailListView();

    /**
     * @param llmProblem why the local model cannot be used (Ollama unreachable), or null while it can: shown as a
     *                   banner, because runs then triage by pattern only
     */
    public RunView(RunViewModel model, FaultPanelViewModel faults, ObservableStringValue llmProblem) {
        this.model = model;
        this.faultPanel = new FaultPanel(faults);
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label("Run");
        title.getStyleClass().add(Styles.TITLE_2);
        Label target = new Label();
        target.getStyleClass().add(Styles.TEXT_MUTED);
        subs.bind(target.textProperty(), Bindings.when(model.targetNameProperty().isEmpty())
                .then("target starting…").otherwise(Bindings.concat("target ", model.targetNameProperty())));
        HBox header = new HBox(12, title, target);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(0, 0, 14, 0));

        LaterTooltips tooltips = new LaterTooltips();
        VBox setup = setupCard(tooltips);
        HBox.setHgrow(setup, Priority.ALWAYS);
        Parent faultCard = faultPanel.root();
        ((Region) faultCard).setMinWidth(440);
        ((Region) faultCard).setPrefWidth(460);
        ((Region) faultCard).setMaxWidth(460);
        HBox top = new HBox(16, setup, faultCard);

        VBox logBox = logPane();
        VBox.setVgrow(logBox, Priority.ALWAYS);
        VBox center = new VBox(16, top, logBox);
        showBannerWhen(llmProblem, center);

        root.setTop(header);
        root.setCenter(center);
        tooltips.installAfterNextFrame();   // the console's first frame shows this screen, and no tooltip
    }

    /**
     * Puts the banner on top of {@code center} when the local model first turns out unreachable: until then it would
     * be hidden and take no room, so the screen looks the same without it, and a first frame before the hardware probe
     * (every start) does not build it.
     */
    private void showBannerWhen(ObservableStringValue problem, VBox center) {
        if (problem.get() != null) {
            center.getChildren().add(0, llmBanner(problem));
            return;
        }
        Subscription[] waiting = new Subscription[1];
        waiting[0] = problem.subscribe(text -> {
            if (text != null && waiting[0] != null) {
                waiting[0].unsubscribe();
                waiting[0] = null;
                center.getChildren().add(0, llmBanner(problem));
            }
        });
        subs.add(() -> {
            if (waiting[0] != null) {
                waiting[0].unsubscribe();
            }
        });
    }

    private Message llmBanner(ObservableStringValue problem) {
        Message banner = new Message("No local model: runs use pattern triage only", "");
        banner.setId("llm-banner");
        banner.getStyleClass().add(Styles.WARNING);
        subs.bind(banner.descriptionProperty(), problem);
        subs.showWhen(banner, Bindings.isNotNull(problem));
        return banner;
    }

    private VBox setupCard(LaterTooltips tooltips) {
        Label projectsCaption = Labels.caption("Projects");
        rebuildProjects();
        subs.onChange(model.projects(), (ListChangeListener<ProjectOption>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    rebuildProjects();
                    return;
                }
            }
        });
        subs.add(projectBindings::release);
        Label noProjects = new Label("Waiting for the target's projects…");
        noProjects.getStyleClass().add(Styles.TEXT_MUTED);
        subs.showWhen(noProjects, Bindings.isEmpty(model.projects()));

        CheckBox dryRun = new CheckBox("Dry run");
        dryRun.setId("dry-run");
        tooltips.set(dryRun, "Propose and record fixes without applying anything");
        subs.bindBidirectional(dryRun.selectedProperty(), model.dryRunProperty());
        CheckBox skipLlm = new CheckBox("Skip LLM diagnosis");
        skipLlm.setId("skip-llm");
        tooltips.set(skipLlm, "Triage with the pattern catalog only; ask no model");
        subs.bindBidirectional(skipLlm.selectedProperty(), model.skipLlmProperty());
        CheckBox classA = new CheckBox("Run class A fixes without asking");
        classA.setId("class-a-without-asking");
        tooltips.set(classA, "Low- and medium-risk class A fixes run at once; class B and C and high-risk"
                + " playbooks still wait for your approval in Playbooks");
        subs.bindBidirectional(classA.selectedProperty(), model.classAWithoutAskingProperty());

        Spinner<Integer> maxFixes = new Spinner<>();
        maxFixes.setId("max-fixes");
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                0, RunViewModel.MAX_FIXES_LIMIT, model.maxFixesProperty().get());
        maxFixes.setValueFactory(factory);
        maxFixes.setPrefWidth(86);
        // The first frame shows the number; text editing (JavaFX's skin of the editor) comes after it.
        LaterTextFieldSkin.untilAfterNextFrame(maxFixes.getEditor());
        subs.bindBidirectional(factory.valueProperty(), model.maxFixesProperty());
        Label maxFixesLabel = new Label("Max fixes");
        maxFixesLabel.setLabelFor(maxFixes);
        HBox fixesBox = new HBox(8, maxFixesLabel, maxFixes);
        fixesBox.setAlignment(Pos.CENTER_LEFT);
        // The options wrap onto a second line in a narrow window instead of cutting their labels ("Dr…").
        FlowPane options = new FlowPane(22, 8, dryRun, skipLlm, fixesBox);
        options.setAlignment(Pos.CENTER_LEFT);
        for (Region r : new Region[] {dryRun, skipLlm, fixesBox, maxFixesLabel, classA}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }

        // The approval switch has a line of its own: beside the others it cut every label short at the usual width.
        VBox inputs = new VBox(8, projectsCaption, projectBoxes, noProjects, Labels.caption("Options"), options, classA);
        subs.bind(inputs.disableProperty(), model.runningProperty());

        Button start = new Button("Start run");
        start.setId("start-run");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        subs.bind(start.disableProperty(), model.canStartBinding().not());
        start.setOnAction(e -> model.start());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-run");
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        subs.bind(cancel.disableProperty(), model.canCancelBinding().not());
        cancel.setOnAction(e -> model.cancel());

        ProgressBar progress = new ProgressBar(0);
        progress.setId("run-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        subs.bind(progress.progressProperty(), model.progressProperty());
        Label progressText = new Label();
        progressText.setId("progress-text");
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        subs.bind(progressText.textProperty(), model.progressTextProperty());
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(40);
        HBox actions = new HBox(10, start, cancel, progress, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("run-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        subs.bind(status.textProperty(), model.statusTextProperty());

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox card = new VBox(10, inputs, grow, actions, status);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(14, 16, 14, 16));
        return card;
    }

    private void rebuildProjects() {
        projectBindings.release();
        projectBoxes.getChildren().clear();
        for (ProjectOption p : model.projects()) {
            CheckBox box = new CheckBox(p.name());
            box.setId("project-" + p.name());
            projectBindings.bindBidirectional(box.selectedProperty(), p.selectedProperty());
            projectBoxes.getChildren().add(box);
        }
    }

    private VBox logPane() {
        Label caption = new Label("Live log");
        caption.getStyleClass().add(Styles.TITLE_4);
        Label lines = new Label();
        lines.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        subs.bind(lines.textProperty(), Bindings.createStringBinding(() -> {
            int n = model.logLines().size();
            return n == 0 ? "" : n + (n >= RunViewModel.LOG_CAPACITY ? " lines (oldest dropped; full log in the run folder)" : " lines");
        }, model.logLines()));
        Button clear = new Button("Clear");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> model.clearLog());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, caption, lines, spacer, clear);
        head.setAlignment(Pos.CENTER_LEFT);

        log.setId("run-log");
        log.setItems(model.logLines());
        subs.add(() -> log.setItems(FXCollections.observableArrayList()));
        log.getStyleClass().addAll("run-log", Styles.DENSE);
        log.setPlaceholder(new Label("The run's events appear here as they happen."));
        log.setCellFactory(v -> new LogCell());
        subs.onChange(model.logLines(), (ListChangeListener<String>) c -> {
            int size = model.logLines().size();
            if (size > 0) {
                log.followTail();
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        return new VBox(8, head, log);
    }


    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        subs.release();
        faultPanel.dispose();
    }

    /**
     * A list that can keep its last line in view. Scrolling is done after the skin's own layout: before
     * it, the skin does not know the new line count yet, and a scroll asked for then stops short.
     */
    private static final class TailListView extends ListView<String> {
        private boolean followPending;

        void followTail() {
            followPending = true;
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (followPending && !getItems().isEmpty()) {
                followPending = false;
                if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    flow.scrollTo(getItems().size() - 1);
                } else {
                    scrollTo(getItems().size() - 1);
                }
            }
        }
    }

    /** A log line, tinted by what it reports. */
    private static final class LogCell extends ListCell<String> {
        private static final List<String> KINDS = List.of("log-passed", "log-failed", "log-triage", "log-playbook",
                "log-error", "log-run");

        /** Made for the first long line this cell shows: the empty log of the first frame needs none. */
        private Tooltip full;

        LogCell() {
            // A long line ends in "…" instead of widening the list (a horizontal scroll bar would steal
            // the last row); the whole line is in the tooltip and in the run folder's log.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(KINDS);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item);
            if (item.length() > 100) {
                if (full == null) {
                    full = new Tooltip();
                    full.setWrapText(true);
                    full.setMaxWidth(900);
                }
                full.setText(item);
                setTooltip(full);
            } else {
                setTooltip(null);
            }
            String kind = kindOf(item);
            if (kind != null) {
                getStyleClass().add(kind);
            }
        }

        private static String kindOf(String line) {
            if (line.startsWith("PASSED") || line.startsWith("FLAKY")) {
                return "log-passed";
            } else if (line.startsWith("FAILED") || line.startsWith("TIMED-OUT")) {
                return "log-failed";
            } else if (line.startsWith("TRIAGED")) {
                return "log-triage";
            } else if (line.startsWith("PROPOSE") || line.startsWith("DECIDED") || line.startsWith("APPLIED")
                    || line.startsWith("VERIFIED")) {
                return "log-playbook";
            } else if (line.startsWith("ERROR") || line.startsWith("WARN")) {
                return "log-error";
            } else if (line.startsWith("Run ")) {
                return "log-run";
            }
            return null;
        }
    }
}
