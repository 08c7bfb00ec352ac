package dev.healdesk.app;

import dev.healdesk.app.failures.FailuresViewModel;
import dev.healdesk.app.doctor.DoctorViewModel;
import dev.healdesk.app.hardware.HardwareViewModel;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.history.HistoryViewModel;
import dev.healdesk.app.failures.LiveProposal;
import dev.healdesk.app.playbooks.PlaybookQueueViewModel;
import dev.healdesk.app.playbooks.QueueRow;
import dev.healdesk.app.run.FaultPanelViewModel;
import dev.healdesk.app.run.FaultSwitchboard;
import dev.healdesk.app.run.RunViewModel;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.history.StoredTest;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.HealthStatus;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The console as a whole: which screen shows, the status bar (health, last run, target), and the
 * screens' view models wired together: a run's events reach the failures screen as they come (its
 * diagnoses stream in there) and the Playbooks queue (where the run's gate asks the operator), a finished run fills
 * the failures screen, refreshes the history and updates the status bar, and the hardware probe's verdict on Ollama
 * is what the run screen's banner shows.
 */
public final class ConsoleViewModel {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(ConsoleViewModel.class);
    }

    private final RunViewModel run;
    private final FaultPanelViewModel faults;
    private final FailuresViewModel failures;
    private final PlaybookQueueViewModel playbooks;
    private final HistoryViewModel history;
    private final HardwareViewModel hardware;
    /** The setup check; null for a console built without one (some screen tests). */
    private final DoctorViewModel doctor;
    private final Supplier<HistoryStore> store;
    private final Executor worker;
    private final FxBridge bridge;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.RUN);
    private final ReadOnlyObjectWrapper<HealthStatus> healthStatus = new ReadOnlyObjectWrapper<>(this, "healthStatus");
    private final ReadOnlyStringWrapper healthText = new ReadOnlyStringWrapper(this, "healthText", "no run yet");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "no run");
    /** What the status bar says of the last run when none runs; {@link #healthText} while one runs says so. */
    private String settledHealthText = "no run yet";
    private final ReadOnlyObjectWrapper<RunOutcome.State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper lastRunId = new ReadOnlyStringWrapper(this, "lastRunId", "—");
    private final ReadOnlyStringWrapper targetText = new ReadOnlyStringWrapper(this, "targetText", "sandbox (starting…)");
    private final ReadOnlyBooleanWrapper sessionRun = new ReadOnlyBooleanWrapper(this, "sessionRun", false);
    private final Subscription wiring;

    /** @param services what the screens are given, made by {@link AppContext} (the composition root) */
    public ConsoleViewModel(ConsoleServices services) {
        this.doctor = services.doctor();
        this.store = services.history();
        this.worker = services.threads().worker();
        this.bridge = services.bridge();
        this.run = new RunViewModel(services.runAction(), services.threads().runs(), bridge, services.dialogs(),
                services.resultsDir());
        this.faults = new FaultPanelViewModel(bridge, worker);
        this.failures = new FailuresViewModel(services.picks(), services.artifacts(), worker, bridge);
        this.playbooks = new PlaybookQueueViewModel(services.counters());
        services.gate().attach(playbooks);
        this.history = new HistoryViewModel(store, worker, bridge, services.dialogs(), services.artifacts(),
                services.resultsDir(), java.time.Clock.systemUTC(), java.time.ZoneId.systemDefault());
        this.hardware = new HardwareViewModel(services.llm(), worker, services.threads().downloads(), bridge);

        Subscription onSummary = run.lastSummaryProperty().subscribe(this::runFinished);
        Subscription onEvents = run.followEvents(failures::accept);
        Subscription onPlaybooks = run.followEvents(playbooks::accept);
        Subscription onHistory = history.latestProperty().subscribe(this::historyLoaded);
        Subscription onRunning = run.runningProperty().subscribe(running -> showStatusText());
        wiring = Subscription.combine(onSummary, onEvents, onPlaybooks, onHistory, onRunning, followQueue());
    }

    public RunViewModel run() {
        return run;
    }

    public FaultPanelViewModel faults() {
        return faults;
    }

    public FailuresViewModel failures() {
        return failures;
    }

    public PlaybookQueueViewModel playbooks() {
        return playbooks;
    }

    public HistoryViewModel history() {
        return history;
    }

    public HardwareViewModel hardware() {
        return hardware;
    }

    /** The setup check, or null when this console has none. */
    public DoctorViewModel doctor() {
        return doctor;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** Status of the last run (this session's, or the latest recorded); null before any. */
    public ReadOnlyObjectProperty<HealthStatus> healthStatusProperty() {
        return healthStatus.getReadOnlyProperty();
    }

    /** What became of the last run (healed, cancelled, interrupted, ...); null before any. */
    public ReadOnlyObjectProperty<RunOutcome.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * The status bar's badge: "running" while a run runs, else the last run's state ("HEALED", "FAILING", …), or
     * "no run" before any.
     */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /**
     * "health 72.7", "health 100.0 · first pass: 0 passed, 11 failed of 11"; while a run runs "first run in
     * progress" (none recorded before it) or "run in progress · last: health 72.7".
     */
    public ReadOnlyStringProperty healthTextProperty() {
        return healthText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRunIdProperty() {
        return lastRunId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetTextProperty() {
        return targetText.getReadOnlyProperty();
    }

    /** True once a run finished in this session (the status bar then shows it, not the history's). */
    public ReadOnlyBooleanProperty sessionRunProperty() {
        return sessionRun.getReadOnlyProperty();
    }

    /**
     * Loads what the console shows before any run: the history, the last run's test counts, and one probe of the
     * GPUs and Ollama (so that the Run screen can say at once when no local model answers).
     */
    public void load() {
        history.refresh();
        hardware.ensureProbed();
        try {
            worker.execute(this::learnTestCounts);
        } catch (RejectedExecutionException e) {
            log().debug("Startup query dropped after shutdown", e);
        }
    }

    /**
     * Runs {@code action} on the FX thread once the worker has done what is queued before it (fault
     * switches the operator or the demo flipped), so a run started from it sees them.
     */
    public void afterPendingSwitches(Runnable action) {
        try {
            worker.execute(() -> bridge.post(action));
        } catch (RejectedExecutionException e) {
            log().debug("Dropped after shutdown", e);
        }
    }

    /** The target is up (FX thread): its projects go to the run screen, its switches to the fault panel. */
    public void targetReady(String name, String address, List<String> projects, FaultSwitchboard switchboard) {
        targetText.set(address == null ? name : name + " · " + address);
        // Switches first: whoever reacts to the run screen becoming ready may already flip them.
        if (switchboard != null) {
            faults.attach(switchboard);
        } else {
            faults.unavailable("this target has no fault switches");
        }
        run.targetReady(name, projects);
    }

    /** The target could not be started (FX thread). */
    public void targetFailed(String name, String message) {
        targetText.set(name + " · not available");
        run.targetFailed(name, message);
        faults.unavailable(message);
    }

    /** Releases every subscription the console's view models hold. */
    public void dispose() {
        wiring.unsubscribe();
        faults.dispose();
        failures.dispose();
        playbooks.dispose();
        history.dispose();
        hardware.dispose();
    }

    private void runFinished(RunSummary summary) {
        if (summary == null) {
            return;
        }
        sessionRun.set(true);
        failures.show(summary);
        showStatus(summary.outcome(), summary.runId());
        history.refresh();
        LlmUsage llm = summary.llm();
        if (llm != null && (llm.errors() > 0 || llm.note() != null)) {
            // The model failed this run: probe again, so the Run and Hardware screens say why and what to do.
            hardware.refresh();
        }
    }

    private void historyLoaded(RunRow latest) {
        if (sessionRun.get() || latest == null) {
            return;
        }
        showStatus(latest.outcome(), latest.runId());
    }

    private void showStatus(RunOutcome outcome, String runId) {
        healthStatus.set(outcome.health());
        state.set(outcome.state());
        settledHealthText = String.format(Locale.ROOT, "health %.1f", outcome.healthScore())
                + (outcome.state() == RunOutcome.State.HEALED && outcome.firstPassDiffers()
                ? " · first pass: " + outcome.firstPass().describe() : "");
        lastRunId.set(runId);
        showStatusText();
    }

    /** The badge and text from whether a run runs now and what the last one came to. */
    private void showStatusText() {
        RunOutcome.State last = state.get();
        if (run.runningProperty().get()) {
            statusText.set("running");
            healthText.set(last == null ? "first run in progress" : "run in progress · last: " + settledHealthText);
        } else {
            statusText.set(last == null ? "no run" : last.headline());
            healthText.set(settledHealthText);
        }
    }

    /**
     * Keeps the failures screen's decision line on the Playbooks queue while a run goes on: each proposal's state
     * as it moves (proposed, awaiting a decision, applying, …), until the finished run's recorded actions replace it.
     */
    private Subscription followQueue() {
        ObservableList<QueueRow> watched = FXCollections.observableArrayList(r -> new Observable[]{r.stateProperty()});
        Bindings.bindContent(watched, playbooks.rows());
        ListChangeListener<QueueRow> push = c -> failures.liveProposals(watched.stream()
                .map(r -> new LiveProposal(r.key().runId(), r.key().fingerprint(), r.playbook(), r.state().label()))
                .toList());
        watched.addListener(push);
        return () -> {
            watched.removeListener(push);
            Bindings.unbindContent(watched, playbooks.rows());
        };
    }

    private void learnTestCounts() {
        try {
            List<RunRow> latest = store.get().listRuns(1, 0);
            if (latest.isEmpty() || latest.get(0).cancelled()) {
                return;
            }
            Map<String, Integer> counts = store.get().testsOf(latest.get(0).runId()).stream()
                    .collect(Collectors.groupingBy(StoredTest::project, Collectors.summingInt(t -> 1)));
            bridge.post(() -> run.learnTestCounts(counts));
        } catch (RuntimeException e) {
            // The history screen reports why; the progress bar just has no size for the first run.
            log().warn("Cannot read the last run's tests", e);
        }
    }
}
