package dev.healdesk.app.hardware;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.healdesk.app.fx.Badges;
import dev.healdesk.app.fx.Subscriptions;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.llm.ModelChoice;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The Hardware screen: a card per GPU (VRAM bar, driver, source, and what makes its figures approximate), the
 * Ollama card (host, version, installed and loaded models, or what to do when it does not answer), and the model
 * card (the choice in large type with its reason and warning, the picker, and pulling the model).
 */
public final class HardwareView implements View {
    private static final double GPU_CARD_WIDTH = 420;

    private final BorderPane root = new BorderPane();
    private final Subscriptions subs = new Subscriptions();
    private final HardwareViewModel model;
    private final FlowPane gpuCards = new FlowPane(16, 16);
    private final VBox gpuNotes = new VBox(4);
    private final VBox installedBox = new VBox(4);
    private final VBox loadedBox = new VBox(4);
    private final Label ollamaState = Badges.badge("not probed", "neutral");
    private final ComboBox<ModelOption> picker = new ComboBox<>();
    /** The picker's own copy of the options, changed only while {@link #showingChoice} is set. */
    private final ObservableList<ModelOption> pickerItems = FXCollections.observableArrayList();
    /** Set while the view, not the operator, changes the picker, so that only the operator's picks are saved. */
    private boolean showingChoice;
    private final Runnable checkSetup;

    public HardwareView(HardwareViewModel model) {
        this(model, null);
    }

    /** @param checkSetup opens the setup check (the header's Check setup button), or null for no button */
    public HardwareView(HardwareViewModel model, Runnable checkSetup) {
        this.model = model;
        this.checkSetup = checkSetup;
        root.getStyleClass().addAll("screen", "hardware");
        root.setPadding(new Insets(20, 24, 16, 24));
        root.setTop(header());

        HBox lower = new HBox(16, ollamaCard(), modelCard());
        VBox content = new VBox(18, gpuSection(), lower);
        content.setPadding(new Insets(0, 4, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("hardware-scroll", Tweaks.EDGE_TO_EDGE);
        root.setCenter(scroll);

        // Built when first shown: the first showing is what asks for the first probe (unless the console has).
        model.ensureProbed();
    }

    private HBox header() {
        Label title = new Label("Hardware");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("What a model can run on, and which model Healdesk asks");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator busy = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        busy.setId("hardware-probing");
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        subs.showWhen(busy, model.probingProperty());
        Label status = subs.text("hardware-status", model.statusTextProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Button refresh = new Button("Refresh");
        refresh.setId("hardware-refresh");
        refresh.setTooltip(new Tooltip("Probe the GPUs and Ollama again"));
        refresh.disableProperty().bind(model.probingProperty());
        subs.add(refresh.disableProperty()::unbind);
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, subtitle, spacer, busy, status, refresh);
        if (checkSetup != null) {
            Button setup = new Button("Check setup");
            setup.setId("hardware-check-setup");
            setup.setTooltip(new Tooltip("Check the GPU, Ollama, the model, the browser, Node.js, the database and"
                    + " the results folder, with what to do about each missing part"));
            setup.setOnAction(e -> checkSetup.run());
            header.getChildren().add(setup);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 14, 0));
        return header;
    }

    // ---- GPUs ---------------------------------------------------------------------------------

    private VBox gpuSection() {
        Label caption = new Label("GPUs");
        caption.getStyleClass().add(Styles.TITLE_4);
        Message probeError = new Message("The probe failed", "");
        probeError.setId("hardware-probe-error");
        probeError.getStyleClass().add(Styles.DANGER);
        probeError.descriptionProperty().bind(model.probeErrorProperty());
        subs.add(probeError.descriptionProperty()::unbind);
        subs.showWhen(probeError, model.probeErrorProperty().isNotNull());
        Label waiting = new Label("Looking for GPUs…");
        waiting.getStyleClass().add(Styles.TEXT_MUTED);
        subs.showWhen(waiting, model.probedProperty().not().and(model.probeErrorProperty().isNull()));

        gpuCards.setId("gpu-cards");
        gpuNotes.setId("gpu-notes");
        gpuNotes.setMaxWidth(2 * GPU_CARD_WIDTH + 16);
        rebuildGpus();
        subs.onChange(model.gpus(), (ListChangeListener<GpuCard>) c -> rebuildGpus());
        subs.onChange(model.gpuNotes(), (ListChangeListener<String>) c -> rebuildGpus());
        subs.add(model.cpuOnlyProperty().subscribe(this::rebuildGpus));
        return new VBox(10, caption, probeError, waiting, gpuCards, gpuNotes);
    }

    private void rebuildGpus() {
        gpuCards.getChildren().clear();
        gpuNotes.getChildren().clear();
        if (!model.probedProperty().get()) {
            return;
        }
        if (model.cpuOnlyProperty().get()) {
            gpuCards.getChildren().add(cpuOnlyCard());
            return;
        }
        for (GpuCard gpu : model.gpus()) {
            gpuCards.getChildren().add(gpuCard(gpu));
        }
        for (String note : model.gpuNotes()) {
            gpuNotes.getChildren().add(bullet(note, Styles.TEXT_MUTED));
        }
    }

    private VBox gpuCard(GpuCard gpu) {
        String suffix = gpu.title().substring(gpu.title().lastIndexOf(' ') + 1);
        Label name = new Label(gpu.name());
        name.getStyleClass().add(Styles.TITLE_4);
        name.setWrapText(true);
        Label index = new Label(gpu.title());
        index.getStyleClass().add(Styles.TEXT_MUTED);
        HBox badges = new HBox(6, Badges.badge(gpu.sourceText(), "neutral"));
        if (gpu.approximate()) {
            Label approx = Badges.badge("approximate", "severity-medium");
            approx.setId("gpu-approximate-" + suffix);
            badges.getChildren().add(approx);
        }
        if (gpu.migEnabled()) {
            badges.getChildren().add(Badges.badge("MIG enabled", "fix-b"));
        }
        if (gpu.unifiedMemory()) {
            Label unified = Badges.badge("unified memory", "fix-a");
            unified.setId("gpu-unified-" + suffix);
            badges.getChildren().add(unified);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, index, spacer, badges);
        head.setAlignment(Pos.CENTER_LEFT);

        Label free = new Label(gpu.freeText());
        free.setId("gpu-free-" + suffix);
        free.getStyleClass().addAll("vram-free", Styles.TITLE_3);
        ProgressBar bar = new ProgressBar(Math.max(0, gpu.usedFraction()));
        bar.setId("gpu-vram-" + suffix);
        bar.getStyleClass().add("vram-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setVisible(gpu.usedFraction() >= 0);
        bar.setManaged(gpu.usedFraction() >= 0);
        Label usage = new Label(gpu.usageText());
        usage.setId("gpu-usage-" + suffix);
        Label mib = new Label(gpu.mibText());
        mib.setWrapText(true);
        mib.getStyleClass().addAll("mono-inline", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label driver = new Label(gpu.driverText());
        driver.getStyleClass().add(Styles.TEXT_MUTED);

        VBox card = new VBox(8, head, name, free, bar, usage, mib, driver);
        if (gpu.basis() != null) {
            Label basis = new Label(gpu.basis());
            basis.setId("gpu-basis-" + suffix);
            basis.setWrapText(true);
            basis.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            card.getChildren().add(basis);
        }
        for (String line : gpu.migDevices()) {
            Label slice = new Label("• " + line);
            slice.setWrapText(true);
            slice.getStyleClass().addAll("mono-inline", Styles.TEXT_SMALL);
            card.getChildren().add(slice);
        }
        if (gpu.note() != null) {
            Label note = new Label(gpu.note());
            note.setId("gpu-note-" + suffix);
            note.setWrapText(true);
            note.getStyleClass().add("note-warning");
            card.getChildren().add(note);
        }
        card.setId("gpu-card-" + suffix);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(14, 16, 14, 16));
        card.setPrefWidth(GPU_CARD_WIDTH);
        return card;
    }

    private VBox cpuOnlyCard() {
        Label title = new Label("No NVIDIA GPU found");
        title.getStyleClass().add(Styles.TITLE_4);
        Label meaning = new Label("Models run on the CPU here: a diagnosis takes minutes instead of seconds. A small"
                + " model such as llama3.2 still works, and pattern triage needs no model at all (tick \"Skip LLM"
                + " diagnosis\" on the Run screen).");
        meaning.setWrapText(true);
        VBox notes = new VBox(4);
        model.gpuNotes().forEach(n -> notes.getChildren().add(bullet(n, Styles.TEXT_MUTED)));
        VBox card = new VBox(8, title, meaning, notes);
        card.setId("cpu-only-card");
        card.getStyleClass().addAll("card", "card-warning");
        card.setPadding(new Insets(14, 16, 14, 16));
        card.setPrefWidth(2 * GPU_CARD_WIDTH + 16);
        return card;
    }

    // ---- Ollama -------------------------------------------------------------------------------

    private VBox ollamaCard() {
        Label title = new Label("Ollama");
        title.getStyleClass().add(Styles.TITLE_4);
        ollamaState.setId("ollama-state");
        subs.add(model.probedProperty().subscribe(this::restyleOllama));
        subs.add(model.ollamaReachableProperty().subscribe(this::restyleOllama));
        Label version = subs.text("ollama-version", Bindings.when(model.ollamaVersionProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("version ", model.ollamaVersionProperty())));
        version.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, title, ollamaState, version);
        head.setAlignment(Pos.CENTER_LEFT);

        Label host = subs.text("ollama-host", model.ollamaHostProperty());
        host.getStyleClass().add("mono-inline");
        HBox hostRow = new HBox(8, caption("Host"), host);
        hostRow.setAlignment(Pos.BASELINE_LEFT);

        Message problem = new Message("Ollama is not reachable", "");
        problem.setId("ollama-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.descriptionProperty().bind(model.ollamaProblemProperty());
        subs.add(problem.descriptionProperty()::unbind);
        subs.showWhen(problem, model.ollamaProblemProperty().isNotNull());

        Label note = subs.text("ollama-note", model.ollamaNoteProperty());
        note.setWrapText(true);
        note.getStyleClass().add("note-warning");
        subs.showWhen(note, model.ollamaNoteProperty().isNotNull());

        installedBox.setId("ollama-installed");
        loadedBox.setId("ollama-loaded");
        rebuildModels();
        subs.onChange(model.installed(), (ListChangeListener<ModelLine>) c -> rebuildModels());
        subs.onChange(model.loaded(), (ListChangeListener<ModelLine>) c -> rebuildModels());
        VBox lists = new VBox(8, caption("Installed models"), installedBox, caption("Loaded in memory"), loadedBox);
        subs.showWhen(lists, model.ollamaReachableProperty());

        VBox card = new VBox(10, head, hostRow, problem, note, lists);
        card.setId("ollama-card");
        card.getStyleClass().add("card");
        card.setPadding(new Insets(14, 16, 14, 16));
        card.setMinWidth(400);
        card.setPrefWidth(440);
        card.setMaxWidth(480);
        return card;
    }

    private void restyleOllama(Object ignored) {
        if (!model.probedProperty().get()) {
            Badges.restyle(ollamaState, "not probed", "neutral");
        } else if (model.ollamaReachableProperty().get()) {
            Badges.restyle(ollamaState, "running", "status-healthy");
        } else {
            Badges.restyle(ollamaState, "not reachable", "status-failing");
        }
    }

    private void rebuildModels() {
        installedBox.getChildren().setAll(model.installed().isEmpty()
                ? List.of(muted("None yet: pull the chosen model on the right."))
                : model.installed().stream().map(this::modelLine).toList());
        loadedBox.getChildren().setAll(model.loaded().isEmpty()
                ? List.of(muted("None: Ollama loads a model when it is first asked."))
                : model.loaded().stream().map(this::modelLine).toList());
    }

    private Node modelLine(ModelLine line) {
        Label name = new Label(line.name());
        name.getStyleClass().add("mono-inline");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = new Label(line.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add(line.warning() ? "note-warning" : Styles.TEXT_MUTED);
        HBox row = new HBox(10, name, detail);
        row.setAlignment(Pos.BASELINE_LEFT);
        row.getStyleClass().add(line.warning() ? "model-line-warning" : "model-line");
        return row;
    }

    // ---- Model --------------------------------------------------------------------------------

    private VBox modelCard() {
        Label caption = new Label("Model for diagnosis");
        caption.getStyleClass().add(Styles.TITLE_4);
        Label source = Badges.badge("", "neutral");
        source.setId("model-source");
        subs.add(model.sourceTextProperty().subscribe(text -> Badges.restyle(source, text,
                model.forcedProperty().get() ? "fix-b" : "neutral")));
        source.visibleProperty().bind(model.choiceProperty().isNotNull());
        subs.add(source.visibleProperty()::unbind);
        HBox head = new HBox(10, caption, source);
        head.setAlignment(Pos.CENTER_LEFT);

        Label name = subs.text("model-name", Bindings.createStringBinding(() -> model.choiceProperty().get() == null
                ? "—" : model.choiceProperty().get().model(), model.choiceProperty()));
        name.getStyleClass().addAll(Styles.TITLE_1, "model-name");
        Label reason = subs.text("model-reason", Bindings.createStringBinding(() -> model.choiceProperty().get() == null
                ? "Waiting for the probe…" : model.choiceProperty().get().reason() + ".", model.choiceProperty()));
        reason.setWrapText(true);

        // A fixed title: AtlantaFX 2.0.1's skin shows the description in place of a title that changes later.
        Message warning = new Message("Check this choice before a run", "");
        warning.setId("model-warning");
        warning.getStyleClass().add(Styles.WARNING);
        warning.descriptionProperty().bind(Bindings.createStringBinding(() -> {
            ModelChoice c = model.choiceProperty().get();
            return c == null || c.warning() == null ? null : c.warning() + ".";
        }, model.choiceProperty()));
        subs.add(warning.descriptionProperty()::unbind);
        subs.showWhen(warning, warning.descriptionProperty().isNotNull());

        VBox card = new VBox(10, head, name, reason, warning, pickerRow(), pullBox());
        card.setId("model-card");
        card.getStyleClass().add("card");
        card.setPadding(new Insets(14, 16, 14, 16));
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    private VBox pickerRow() {
        picker.setId("model-picker");
        picker.setItems(pickerItems);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setPromptText("Choose a model");
        picker.setCellFactory(v -> new OptionCell());
        picker.setButtonCell(new OptionCell());
        HBox.setHgrow(picker, Priority.ALWAYS);
        // The combo box moves its value itself when its items change: that happens under the guard too.
        showChoice();
        subs.onChange(model.options(), (ListChangeListener<ModelOption>) c -> showChoice());
        subs.add(model.chosenOptionProperty().subscribe(option -> showChoice()));
        subs.add(picker.valueProperty().subscribe((was, option) -> {
            if (!showingChoice && option != null) {
                model.chooseModel(option.name());
            }
        }));
        picker.disableProperty().bind(model.forcedProperty().or(model.choiceProperty().isNull()));
        subs.add(picker.disableProperty()::unbind);

        Button recommended = new Button("Use recommendation");
        recommended.setId("use-recommendation");
        recommended.setTooltip(new Tooltip("Forget your choice: Healdesk picks the best model that fits"));
        recommended.disableProperty().bind(model.canUseRecommendationBinding().not());
        subs.add(recommended.disableProperty()::unbind);
        recommended.setOnAction(e -> model.useRecommendation());
        HBox row = new HBox(10, picker, recommended);
        row.setAlignment(Pos.CENTER_LEFT);

        Label forced = subs.text("model-forced", model.forcedTextProperty());
        forced.setWrapText(true);
        forced.getStyleClass().add("note-accent");
        subs.showWhen(forced, model.forcedTextProperty().isNotNull());
        Label error = subs.text("model-error", model.modelErrorProperty());
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        subs.showWhen(error, model.modelErrorProperty().isNotNull());
        Label hint = new Label("Your choice is remembered for later runs and starts.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        subs.showWhen(hint, model.forcedProperty().not());
        return new VBox(6, caption("Choose a model"), row, hint, forced, error);
    }

    private VBox pullBox() {
        Button pull = new Button();
        pull.setId("pull-model");
        pull.getStyleClass().add(Styles.ACCENT);
        pull.textProperty().bind(model.pullLabelProperty());
        subs.add(pull.textProperty()::unbind);
        pull.setOnAction(e -> model.pull());
        subs.showWhen(pull, model.canPullBinding());

        ProgressBar progress = new ProgressBar(0);
        progress.setId("pull-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.progressProperty().bind(model.pullProgressProperty());
        subs.add(progress.progressProperty()::unbind);
        Button cancel = new Button("Cancel");
        cancel.setId("pull-cancel");
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        cancel.setOnAction(e -> model.cancelPull());
        HBox running = new HBox(10, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        subs.showWhen(running, model.pullingProperty());

        Label status = subs.text("pull-status", model.pullStatusProperty());
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        subs.showWhen(status, model.pullStatusProperty().isNotEmpty());
        Label error = subs.text("pull-error", model.pullErrorProperty());
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        subs.showWhen(error, model.pullErrorProperty().isNotNull());
        return new VBox(8, pull, running, status, error);
    }

    private void showChoice() {
        showingChoice = true;
        try {
            if (!pickerItems.equals(model.options())) {
                pickerItems.setAll(model.options());
            }
            picker.setValue(model.chosenOptionProperty().get());
        } finally {
            showingChoice = false;
        }
    }

    /** A picker entry: its line, tinted when the model would not fit. */
    private static final class OptionCell extends ListCell<ModelOption> {
        @Override
        protected void updateItem(ModelOption item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("option-misfit");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.label());
            if (Boolean.FALSE.equals(item.fits())) {
                getStyleClass().add("option-misfit");
            }
        }
    }

    // ---- Helpers ------------------------------------------------------------------------------

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label bullet(String text, String style) {
        Label l = new Label("•  " + text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
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
