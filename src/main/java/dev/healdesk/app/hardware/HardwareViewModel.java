package dev.healdesk.app.hardware;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.gpu.OshiGpuProbe;
import dev.healdesk.core.llm.LlmException;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelCandidate;
import dev.healdesk.core.llm.ModelCatalog;
import dev.healdesk.core.llm.ModelChoice;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.OllamaStatus;
import dev.healdesk.core.llm.PullProgress;
import dev.healdesk.core.llm.VramBudget;
import dev.healdesk.core.process.Cancellation;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Hardware screen: what the GPUs and Ollama say, which model Healdesk will ask and why, the operator's own
 * choice (remembered in the preferences, unless {@code OLLAMA_MODEL} decides), and pulling the chosen model.
 * <p>
 * Probing (nvidia-smi, OSHI, Ollama's API) and saving the choice run on the worker; a pull, which can take many
 * minutes, runs on its own executor so that history queries and fault switches never wait behind it. Results come
 * back through the {@link FxBridge}. {@link #ollamaProblemProperty()} is what the Run screen's banner shows.
 */
public final class HardwareViewModel {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(HardwareViewModel.class);
    }
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Supplier<LlmSetup> setup;
    private final Executor worker;
    private final Executor downloads;
    private final FxBridge bridge;

    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper(this, "probing", false);
    private final ReadOnlyBooleanWrapper probed = new ReadOnlyBooleanWrapper(this, "probed", false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Not probed yet");
    private final ReadOnlyStringWrapper probeError = new ReadOnlyStringWrapper(this, "probeError");

    private final ObservableList<GpuCard> gpus = FXCollections.observableArrayList();
    private final ObservableList<GpuCard> gpusView = FXCollections.unmodifiableObservableList(gpus);
    private final ReadOnlyBooleanWrapper cpuOnly = new ReadOnlyBooleanWrapper(this, "cpuOnly", false);
    private final ObservableList<String> gpuNotes = FXCollections.observableArrayList();
    private final ObservableList<String> gpuNotesView = FXCollections.unmodifiableObservableList(gpuNotes);

    private final ReadOnlyStringWrapper ollamaHost = new ReadOnlyStringWrapper(this, "ollamaHost", "");
    private final ReadOnlyBooleanWrapper ollamaReachable = new ReadOnlyBooleanWrapper(this, "ollamaReachable", false);
    private final ReadOnlyStringWrapper ollamaVersion = new ReadOnlyStringWrapper(this, "ollamaVersion", "");
    private final ReadOnlyStringWrapper ollamaProblem = new ReadOnlyStringWrapper(this, "ollamaProblem");
    private final ReadOnlyStringWrapper ollamaNote = new ReadOnlyStringWrapper(this, "ollamaNote");
    private final ObservableList<ModelLine> installed = FXCollections.observableArrayList();
    private final ObservableList<ModelLine> installedView = FXCollections.unmodifiableObservableList(installed);
    private final ObservableList<ModelLine> loaded = FXCollections.observableArrayList();
    private final ObservableList<ModelLine> loadedView = FXCollections.unmodifiableObservableList(loaded);

    private final ReadOnlyObjectWrapper<ModelChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyStringWrapper forcedText = new ReadOnlyStringWrapper(this, "forcedText");
    private final ReadOnlyBooleanWrapper forced = new ReadOnlyBooleanWrapper(this, "forced", false);
    private final ObservableList<ModelOption> options = FXCollections.observableArrayList();
    private final ObservableList<ModelOption> optionsView = FXCollections.unmodifiableObservableList(options);
    private final ReadOnlyObjectWrapper<ModelOption> chosenOption = new ReadOnlyObjectWrapper<>(this, "chosenOption");
    private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper(this, "modelError");

    private final ReadOnlyBooleanWrapper pulling = new ReadOnlyBooleanWrapper(this, "pulling", false);
    private final ReadOnlyDoubleWrapper pullProgress = new ReadOnlyDoubleWrapper(this, "pullProgress", 0);
    private final ReadOnlyStringWrapper pullStatus = new ReadOnlyStringWrapper(this, "pullStatus", "");
    private final ReadOnlyStringWrapper pullError = new ReadOnlyStringWrapper(this, "pullError");
    private final ReadOnlyStringWrapper pullLabel = new ReadOnlyStringWrapper(this, "pullLabel", "Pull");

    private final BooleanBinding canPull;
    private final BooleanBinding canUseRecommendation;

    /** What the last probe saw: the picker recomputes the choice over it when the operator picks a model. */
    private GpuReport report;
    private OllamaStatus status;
    private VramBudget budget = VramBudget.cpuOnly();
    private List<ModelCandidate> catalog = List.of();
    private int generation;
    private boolean requested;
    private Cancellation pullCancel;

    /**
     * @param setup     the core's LLM setup; called on the worker and the download executor only (it waits for
     *                  the core to open)
     * @param downloads where pulls run (they take minutes)
     */
    public HardwareViewModel(Supplier<LlmSetup> setup, Executor worker, Executor downloads, FxBridge bridge) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.canPull = Bindings.createBooleanBinding(() -> choice.get() != null && !choice.get().installed()
                && ollamaReachable.get() && !pulling.get(), choice, ollamaReachable, pulling);
        this.canUseRecommendation = Bindings.createBooleanBinding(() -> choice.get() != null && !forced.get()
                && choice.get().source() == ModelChoice.Source.OPERATOR, choice, forced);
    }

    // ---- State --------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }

    /** True once a probe has answered: before, the cards have nothing to show. */
    public ReadOnlyBooleanProperty probedProperty() {
        return probed.getReadOnlyProperty();
    }

    /** "Probed at 14:03:12", "Probing GPUs and Ollama…" */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Why the probe itself failed (the core could not open), or null. */
    public ReadOnlyStringProperty probeErrorProperty() {
        return probeError.getReadOnlyProperty();
    }

    public ObservableList<GpuCard> gpus() {
        return gpusView;
    }

    /** True when no NVIDIA GPU was found: models run on the CPU. */
    public ReadOnlyBooleanProperty cpuOnlyProperty() {
        return cpuOnly.getReadOnlyProperty();
    }

    /** The probes' notes for people, except the one shown on the OSHI card it concerns. */
    public ObservableList<String> gpuNotes() {
        return gpuNotesView;
    }

    public ReadOnlyStringProperty ollamaHostProperty() {
        return ollamaHost.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty ollamaReachableProperty() {
        return ollamaReachable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ollamaVersionProperty() {
        return ollamaVersion.getReadOnlyProperty();
    }

    /**
     * Why Ollama cannot be used, naming the host and what to do ({@code ollama serve}, {@code OLLAMA_HOST}); null
     * while it answers or before the first probe. The Run screen shows it as a banner.
     */
    public ReadOnlyStringProperty ollamaProblemProperty() {
        return ollamaProblem.getReadOnlyProperty();
    }

    /** A problem of a reachable Ollama (its models could not be listed), or null. */
    public ReadOnlyStringProperty ollamaNoteProperty() {
        return ollamaNote.getReadOnlyProperty();
    }

    public ObservableList<ModelLine> installed() {
        return installedView;
    }

    public ObservableList<ModelLine> loaded() {
        return loadedView;
    }

    /** The model Healdesk will ask, with its reason and warning; null before the first probe. */
    public ReadOnlyObjectProperty<ModelChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** "recommended", "your choice" or "set by OLLAMA_MODEL". */
    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** True when {@code OLLAMA_MODEL} decides: the picker is disabled. */
    public ReadOnlyBooleanProperty forcedProperty() {
        return forced.getReadOnlyProperty();
    }

    /** Why the picker is disabled, or null. */
    public ReadOnlyStringProperty forcedTextProperty() {
        return forcedText.getReadOnlyProperty();
    }

    /** The picker's entries: models.json's models, best first, then installed models it does not list. */
    public ObservableList<ModelOption> options() {
        return optionsView;
    }

    /** The entry of the current choice. */
    public ReadOnlyObjectProperty<ModelOption> chosenOptionProperty() {
        return chosenOption.getReadOnlyProperty();
    }

    /** Why the operator's choice could not be saved, or null. */
    public ReadOnlyStringProperty modelErrorProperty() {
        return modelError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pullingProperty() {
        return pulling.getReadOnlyProperty();
    }

    /** 0–1 while a layer downloads; -1 for the steps without a size (manifest, verifying, writing). */
    public ReadOnlyDoubleProperty pullProgressProperty() {
        return pullProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pullStatusProperty() {
        return pullStatus.getReadOnlyProperty();
    }

    /** Why the last pull failed, or null. */
    public ReadOnlyStringProperty pullErrorProperty() {
        return pullError.getReadOnlyProperty();
    }

    /** "Pull qwen2.5-coder:32b" */
    public ReadOnlyStringProperty pullLabelProperty() {
        return pullLabel.getReadOnlyProperty();
    }

    /** The chosen model is not installed, Ollama answers, and no pull runs. */
    public BooleanBinding canPullBinding() {
        return canPull;
    }

    /** The operator's own choice is in force and may be dropped for the recommendation. */
    public BooleanBinding canUseRecommendationBinding() {
        return canUseRecommendation;
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Probes once, the first time anyone asks (the console after its first frame, or the screen when shown). */
    public void ensureProbed() {
        if (!requested) {
            refresh();
        }
    }

    /** Probes the GPUs and Ollama again and recomputes the choice. */
    public void refresh() {
        requested = true;
        int mine = ++generation;
        probing.set(true);
        statusText.set("Probing GPUs and Ollama…");
        submit(worker, () -> {
            LlmSetup s = setup.get();
            LlmSetup.Snapshot snapshot = s.inspect();
            VramBudget room = s.budget(snapshot.gpus(), snapshot.ollama());
            long reserve = s.unifiedReserveMiB();
            List<ModelCandidate> models = s.picker().catalog().models();
            Optional<String> env = s.forcedModel();
            bridge.post(() -> probed(mine, snapshot, room, reserve, models, env));
        }, e -> {
            if (mine == generation) {
                probing.set(false);
                probeError.set("Cannot probe: " + e.getMessage());
                statusText.set("Probe failed");
            }
        });
    }

    /**
     * Makes {@code model} the operator's choice: remembered in the preferences, so later runs and starts use it;
     * ignored while {@code OLLAMA_MODEL} decides.
     */
    public void chooseModel(String model) {
        if (forced.get() || report == null || model == null || model.isBlank()) {
            return;
        }
        ModelChoice now = choice.get();
        if (now != null && now.source() == ModelChoice.Source.OPERATOR
                && ModelCatalog.canonical(now.model()).equals(ModelCatalog.canonical(model))) {
            return;
        }
        saveChoice(Optional.of(model));
    }

    /** Forgets the operator's choice: Healdesk's recommendation decides again. */
    public void useRecommendation() {
        if (forced.get() || report == null) {
            return;
        }
        saveChoice(Optional.empty());
    }

    /** Pulls the chosen model; progress and the outcome arrive on the FX thread. */
    public void pull() {
        if (!canPull.get()) {
            return;
        }
        String model = choice.get().model();
        Cancellation cancel = new Cancellation();
        pullCancel = cancel;
        pulling.set(true);
        pullProgress.set(-1);
        pullStatus.set("Asking Ollama for " + model + "…");
        pullError.set(null);
        // Ollama reports many lines a second: only the newest waiting one is shown, one hand-over at a time.
        AtomicReference<PullProgress> newest = new AtomicReference<>();
        Consumer<PullProgress> onProgress = p -> {
            if (newest.getAndSet(p) == null) {
                bridge.post(() -> {
                    PullProgress latest = newest.getAndSet(null);
                    if (latest != null && cancel == pullCancel) {
                        showProgress(latest);
                    }
                });
            }
        };
        submit(downloads, () -> {
            try {
                setup.get().ollama().pull(model, onProgress, cancel);
                bridge.post(() -> pulled(cancel, model));
            } catch (LlmException e) {
                bridge.post(() -> pullEnded(cancel, e.getMessage(), cancel.isCancelled()));
            }
        }, e -> pullEnded(cancel, "The pull of " + model + " failed: " + e.getMessage(), false));
    }

    /** Stops the pull in progress; Ollama keeps the layers downloaded so far. */
    public void cancelPull() {
        Cancellation c = pullCancel;
        if (c != null && pulling.get()) {
            pullStatus.set("Cancelling…");
            c.cancel();
        }
    }

    /** Stops a pull still running: nothing is left on screen to report to. */
    public void dispose() {
        Cancellation c = pullCancel;
        if (c != null) {
            c.cancel();
        }
    }

    // ---- Results (FX thread) ------------------------------------------------------------------

    private void probed(int mine, LlmSetup.Snapshot snapshot, VramBudget room, long reserveMiB,
                        List<ModelCandidate> models, Optional<String> env) {
        if (mine != generation) {
            return;   // a newer probe was asked for; its answer decides
        }
        probing.set(false);
        probed.set(true);
        probeError.set(null);
        statusText.set("Probed at " + LocalTime.now().format(CLOCK));
        report = snapshot.gpus();
        status = snapshot.ollama();
        budget = room;
        catalog = List.copyOf(models);

        gpus.setAll(report.gpus().stream().map(g -> GpuCard.of(g, report.systemMemory(), reserveMiB)).toList());
        cpuOnly.set(report.cpuOnly());
        gpuNotes.setAll(report.notes().stream()
                .filter(n -> report.cpuOnly() || !n.equals(OshiGpuProbe.APPROXIMATE_NOTE)).toList());

        ollamaHost.set(status.host());
        ollamaReachable.set(status.reachable());
        ollamaVersion.set(status.version() == null ? "" : status.version());
        ollamaProblem.set(status.reachable() ? null : status.problem());
        ollamaNote.set(status.reachable() ? status.problem() : null);
        installed.setAll(status.installed().stream()
                .map(m -> new ModelLine(m.name(), ModelPicker.gb(m.sizeBytes() >> 20), false)).toList());
        loaded.setAll(status.loaded().stream().map(HardwareViewModel::loadedLine).toList());

        forced.set(env.isPresent());
        forcedText.set(env.map(m -> "OLLAMA_MODEL=" + m + " is set in Healdesk's environment, so it decides."
                + " Unset it and restart to choose here.").orElse(null));
        show(snapshot.choice());
    }

    private void saveChoice(Optional<String> model) {
        GpuReport r = report;
        OllamaStatus s = status;
        modelError.set(null);
        submit(worker, () -> {
            LlmSetup llm = setup.get();
            llm.preferences().setModelOverride(model);
            ModelChoice recomputed = llm.choose(r, s);
            bridge.post(() -> show(recomputed));
        }, e -> {
            modelError.set(e.getMessage());
            show(choice.get());   // the picker goes back to what is in force
        });
    }

    private void show(ModelChoice c) {
        options.setAll(optionsFor(c));
        choice.set(c);
        sourceText.set(switch (c.source()) {
            case ENVIRONMENT -> "set by OLLAMA_MODEL";
            case OPERATOR -> "your choice";
            case RECOMMENDED -> "recommended";
        });
        pullLabel.set("Pull " + c.model());
        String wanted = ModelCatalog.canonical(c.model());
        chosenOption.set(options.stream().filter(o -> o.canonical().equals(wanted)).findFirst().orElse(null));
    }

    private void showProgress(PullProgress p) {
        double fraction = p.fraction();
        pullProgress.set(fraction);
        pullStatus.set(fraction < 0 ? p.status() : String.format(Locale.ROOT, "%s · %s of %s (%d %%)", p.status(),
                ModelPicker.gb(p.completed() >> 20), ModelPicker.gb(p.total() >> 20), Math.round(fraction * 100)));
    }

    private void pulled(Cancellation which, String model) {
        if (which != pullCancel) {
            return;
        }
        pulling.set(false);
        pullCancel = null;
        pullProgress.set(1.0);
        pullStatus.set(model + " is installed");
        refresh();
    }

    private void pullEnded(Cancellation which, String message, boolean cancelled) {
        if (which != pullCancel) {
            return;
        }
        pulling.set(false);
        pullCancel = null;
        if (cancelled) {
            pullProgress.set(0);
            pullStatus.set(message);
        } else {
            pullStatus.set("");
            pullError.set(message);
        }
    }

    /** The picker's entries for the current probe, with the choice itself listed even when it is neither. */
    private List<ModelOption> optionsFor(ModelChoice c) {
        Map<String, Long> sizes = status.installedSizes();
        Map<String, ModelOption> byName = new LinkedHashMap<>();
        for (ModelCandidate m : catalog) {
            boolean has = sizes.containsKey(ModelCatalog.canonical(m.name()));
            ModelPicker.Fit fit = ModelPicker.fit(m.name(), m.needMiB(), m.headroomMiB(), budget);
            boolean fits = fit != ModelPicker.Fit.NONE;
            String label = m.name() + " · needs " + ModelPicker.gb(m.needMiB()) + " · " + switch (fit) {
                case LOADED -> "loaded";
                case ONE_DEVICE -> "fits";
                case SPLIT -> "fits split across " + budget.splitDevices() + " GPUs";
                case NONE -> !budget.gpu() ? "CPU only" : budget.known() ? "does not fit" : "fit unknown";
            } + (has ? " · installed" : "");
            byName.put(ModelCatalog.canonical(m.name()), new ModelOption(m.name(), m.needMiB(), has, fits, label));
        }
        sizes.forEach((name, size) -> byName.computeIfAbsent(name, n -> new ModelOption(n, -1, true, null,
                n + " · installed (" + ModelPicker.gb(size >> 20) + " download) · need not listed")));
        byName.computeIfAbsent(ModelCatalog.canonical(c.model()), n -> new ModelOption(c.model(), c.needMiB(),
                c.installed(), c.needMiB() < 0 ? null : c.fits(), c.model() + " · not in models.json"));
        return new ArrayList<>(byName.values());
    }

    private static ModelLine loadedLine(OllamaStatus.LoadedModel m) {
        long size = m.sizeBytes() >> 20;
        long vram = m.vramBytes() >> 20;
        if (!m.partlyOnCpu()) {
            return new ModelLine(m.name(), ModelPicker.gb(size) + ", all in VRAM", false);
        }
        String where = vram <= 0 ? "entirely on the CPU" : "partly on CPU: " + ModelPicker.gb(vram) + " of "
                + ModelPicker.gb(size) + " in VRAM";
        return new ModelLine(m.name(), where + " (answers will be slow)", true);
    }

    /** Runs {@code job} on {@code executor}; a failure, or an executor shut down, reaches {@code failed} on the FX thread. */
    private void submit(Executor executor, Runnable job, Consumer<RuntimeException> failed) {
        Runnable guarded = () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log().warn("Hardware screen: background job failed", e);
                bridge.post(() -> failed.accept(e));
            }
        };
        try {
            executor.execute(guarded);
        } catch (RejectedExecutionException e) {
            log().debug("Hardware job dropped after shutdown", e);
            failed.accept(e);
        }
    }
}
