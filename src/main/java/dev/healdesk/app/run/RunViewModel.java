package dev.healdesk.app.run;

import dev.healdesk.app.fx.DialogService;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunEventFormatter;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The run screen's state and commands. Inputs (projects, dry run, skip LLM, max fixes) are writable
 * properties the view binds to; everything else is read-only and changes only on the FX thread:
 * the run itself goes to the run executor and its events come back through the {@link FxBridge}.
 */
public final class RunViewModel {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(RunViewModel.class);
    }

    /** The live log keeps this many lines; the full log is the run folder's healing-output.log. */
    public static final int LOG_CAPACITY = 5_000;
    public static final int MAX_FIXES_LIMIT = 10;
    /** {@link #progressProperty()} when the amount of work is not known. */
    public static final double INDETERMINATE = -1.0;

    private final RunAction action;
    private final Executor runExecutor;
    private final FxBridge bridge;
    private final DialogService dialogs;
    private final Path resultsDir;

    // Inputs
    private final ObservableList<ProjectOption> projects =
            FXCollections.observableArrayList(p -> new Observable[]{p.selectedProperty()});
    private final BooleanProperty dryRun = new SimpleBooleanProperty(this, "dryRun", false);
    /** The projects the settings tick when the target first offers its projects; empty for all. */
    private Set<String> preferredProjects = Set.of();
    private final BooleanProperty skipLlm = new SimpleBooleanProperty(this, "skipLlm", false);
    private final BooleanProperty classAWithoutAsking = new SimpleBooleanProperty(this, "classAWithoutAsking", false);
    private final ObjectProperty<Integer> maxFixes =
            new SimpleObjectProperty<>(this, "maxFixes", RunOptions.DEFAULT_MAX_FIXES);

    // State
    private final ReadOnlyStringWrapper targetName = new ReadOnlyStringWrapper(this, "targetName", "");
    private final ReadOnlyBooleanWrapper targetReady = new ReadOnlyBooleanWrapper(this, "targetReady", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling", false);
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId", "");
    private final ReadOnlyIntegerWrapper testsFinished = new ReadOnlyIntegerWrapper(this, "testsFinished", 0);
    private final ReadOnlyIntegerWrapper testsFailed = new ReadOnlyIntegerWrapper(this, "testsFailed", 0);
    private final ReadOnlyIntegerWrapper testsExpected = new ReadOnlyIntegerWrapper(this, "testsExpected", 0);
    private final ReadOnlyIntegerWrapper groupsTriaged = new ReadOnlyIntegerWrapper(this, "groupsTriaged", 0);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Preparing the target…");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<RunSummary> lastSummary = new ReadOnlyObjectWrapper<>(this, "lastSummary");
    private final ReadOnlyObjectWrapper<Path> lastRunFolder = new ReadOnlyObjectWrapper<>(this, "lastRunFolder");
    private final ObservableList<String> logLines = FXCollections.observableArrayList();
    private final ObservableList<String> logLinesView = FXCollections.unmodifiableObservableList(logLines);
    private final BooleanBinding canStart;
    private final BooleanBinding canCancel;

    /** Others who follow the run's events (the failures screen, for the diagnoses), in the order they subscribed. */
    private final List<Consumer<List<RunEvent>>> followers = new CopyOnWriteArrayList<>();
    /** Tests per project as last seen, to size the progress bar before results arrive. */
    private final Map<String, Integer> testsPerProject = new HashMap<>();
    private Cancellation cancellation;

    public RunViewModel(RunAction action, Executor runExecutor, FxBridge bridge, DialogService dialogs,
                        Path resultsDir) {
        this.action = Objects.requireNonNull(action, "action");
        this.runExecutor = Objects.requireNonNull(runExecutor, "runExecutor");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.resultsDir = resultsDir;
        this.canStart = Bindings.createBooleanBinding(
                () -> targetReady.get() && !running.get() && projects.stream().anyMatch(ProjectOption::isSelected),
                targetReady, running, projects);
        this.canCancel = running.and(cancelling.not());
    }

    // ---- Inputs -------------------------------------------------------------------------------

    public ObservableList<ProjectOption> projects() {
        return projects;
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    public BooleanProperty skipLlmProperty() {
        return skipLlm;
    }

    /**
     * "Run class A fixes without asking": policy A instead of the console's default, ask. Class B and C, and
     * high-risk playbooks, are asked either way.
     */
    public BooleanProperty classAWithoutAskingProperty() {
        return classAWithoutAsking;
    }

    public ObjectProperty<Integer> maxFixesProperty() {
        return maxFixes;
    }

    // ---- State --------------------------------------------------------------------------------

    public ReadOnlyStringProperty targetNameProperty() {
        return targetName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty targetReadyProperty() {
        return targetReady.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty testsFinishedProperty() {
        return testsFinished.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty testsFailedProperty() {
        return testsFailed.getReadOnlyProperty();
    }

    /** 0 while the number of tests the run will execute is not known. */
    public ReadOnlyIntegerProperty testsExpectedProperty() {
        return testsExpected.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty groupsTriagedProperty() {
        return groupsTriaged.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** "7 / 11 tests · 2 failed" */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunSummary> lastSummaryProperty() {
        return lastSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> lastRunFolderProperty() {
        return lastRunFolder.getReadOnlyProperty();
    }

    /** The live log, newest last, capped at {@link #LOG_CAPACITY} lines. */
    public ObservableList<String> logLines() {
        return logLinesView;
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    public BooleanBinding canCancelBinding() {
        return canCancel;
    }

    // ---- Target -------------------------------------------------------------------------------

    /**
     * The run defaults of the settings (file < .env < environment): the options, and the projects to tick when the
     * target first offers them (empty: all).
     */
    private volatile double failingBelow = dev.healdesk.core.triage.HealthScore.FAILING_BELOW;

    public void applyDefaults(Set<String> projectNames, boolean dry, boolean skip, int fixes, boolean classA) {
        preferredProjects = Set.copyOf(projectNames);
        dryRun.set(dry);
        skipLlm.set(skip);
        maxFixes.set(fixes);
        classAWithoutAsking.set(classA);
    }

    /**
     * Settings were saved: the run defaults among them that are in force now (Max fixes, Failing below) reach this
     * screen at once, for the next run. A run going on keeps the options it started with.
     */
    public void settingsSaved(Map<dev.healdesk.core.config.Setting, String> inForce) {
        inForce.forEach((setting, value) -> {
            try {
                switch (setting) {
                    case MAX_FIXES -> maxFixes.set(Integer.parseInt(value.strip()));
                    case FAILING_BELOW -> setFailingBelow(Double.parseDouble(value.strip()));
                    default -> {
                    }
                }
            } catch (NumberFormatException e) {
                // the settings' own check refused such a value already; keep what the screen has
            }
        });
    }

    /** The run.failingBelow setting: under this score a run with failing tests is failing rather than degraded. */
    public void setFailingBelow(double score) {
        failingBelow = score;
    }

    /** The target is up: offers its projects (those of the settings, else all, selected). */
    public void targetReady(String name, List<String> projectNames) {
        targetName.set(name);
        Set<String> wasOff = projects.stream().filter(p -> !p.isSelected()).map(ProjectOption::name)
                .collect(Collectors.toSet());
        boolean first = projects.isEmpty();
        boolean preferred = first && projectNames.stream().anyMatch(preferredProjects::contains);
        List<ProjectOption> options = new ArrayList<>();
        for (String p : projectNames) {
            ProjectOption option = new ProjectOption(p);
            option.setSelected(preferred ? preferredProjects.contains(p) : !wasOff.contains(p));
            options.add(option);
        }
        projects.setAll(options);
        targetReady.set(true);
        if (!running.get()) {
            statusText.set("Ready: " + projectNames.size() + " project(s) on " + name);
        }
    }

    /** The target could not be started: the console stays usable for history and failures. */
    public void targetFailed(String name, String message) {
        targetName.set(name);
        targetReady.set(false);
        statusText.set("Target " + name + " is not available: " + message);
        appendLog(List.of("ERROR target " + name + " is not available: " + message));
    }

    /** Test counts per project from an earlier run, so the first run's progress bar has a size. */
    public void learnTestCounts(Map<String, Integer> counts) {
        counts.forEach(testsPerProject::putIfAbsent);
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Starts a run with the current inputs; does nothing while one runs or no project is selected. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        RunOptions options = options();
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        running.set(true);
        cancelling.set(false);
        runId.set("");
        testsFinished.set(0);
        testsFailed.set(0);
        groupsTriaged.set(0);
        testsExpected.set(expectedFor(options.projects()));
        progress.set(INDETERMINATE);
        logLines.clear();
        statusText.set("Starting run on " + targetName.get() + "…");
        updateProgressText();

        RunListener listener = bridge.runListener(this::accept);
        try {
            runExecutor.execute(() -> execute(options, listener, cancel));
        } catch (RejectedExecutionException e) {
            running.set(false);
            progress.set(0);
            statusText.set("The console is shutting down; the run was not started");
        }
    }

    /** Asks the running run to stop; the results gathered so far are kept and recorded. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c == null || !running.get() || cancelling.get()) {
            return;
        }
        cancelling.set(true);
        statusText.set("Cancelling… the results so far will be kept");
        c.cancel();
    }

    public void clearLog() {
        logLines.clear();
    }

    /** The options the next run would use. */
    public RunOptions options() {
        Set<String> selected = new LinkedHashSet<>();
        projects.stream().filter(ProjectOption::isSelected).map(ProjectOption::name).forEach(selected::add);
        Integer fixes = maxFixes.get();
        int bounded = fixes == null ? RunOptions.DEFAULT_MAX_FIXES : Math.max(0, Math.min(MAX_FIXES_LIMIT, fixes));
        // The console asks the operator (its Playbooks queue) unless told to let class A through; a dry run plans only
        // and asks nobody, whatever the policy.
        ApprovalPolicy policy = classAWithoutAsking.get() ? ApprovalPolicy.A : ApprovalPolicy.ASK;
        return new RunOptions(selected, dryRun.get(), skipLlm.get(), bounded, policy, false, false, failingBelow);
    }

    // ---- Events (FX thread) -------------------------------------------------------------------

    /**
     * Hands every batch of the run's events to {@code follower} on the FX thread, before this screen applies it
     * (so that a follower has the whole batch when the finished run is announced), until unsubscribed.
     */
    public Subscription followEvents(Consumer<List<RunEvent>> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** Applies a batch of run events, in order. Package-visible for tests. */
    void accept(List<RunEvent> events) {
        followers.forEach(f -> f.accept(events));
        List<String> lines = new ArrayList<>(events.size());
        for (RunEvent event : events) {
            apply(event);
            String line = RunEventFormatter.format(event);
            if (line != null) {
                lines.add(line);
            }
        }
        appendLog(lines);
        updateProgressText();
    }

    private void apply(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            runId.set(e.runId());
            statusText.set("Running " + e.runId() + " on " + e.target() + " (" + String.join(", ", e.projects()) + ")");
            if (e.expectedTests() >= 0) {
                testsExpected.set(e.expectedTests());
            } else if (testsExpected.get() == 0) {
                testsExpected.set(expectedFor(new LinkedHashSet<>(e.projects())));
            }
        } else if (event instanceof RunEvent.TestFinished e) {
            testsFinished.set(e.finished());
            if (e.result().status().isFailure()) {
                testsFailed.set(testsFailed.get() + 1);
            }
            int expected = testsExpected.get();
            if (expected > 0 && e.finished() <= expected) {
                progress.set((double) e.finished() / expected);
            } else {
                // More tests than last time, or no earlier count: the total is not known.
                testsExpected.set(0);
                progress.set(INDETERMINATE);
            }
        } else if (event instanceof RunEvent.FailureTriaged) {
            groupsTriaged.set(groupsTriaged.get() + 1);
            statusText.set("Triaging failures of " + event.runId() + "…");
        } else if (event instanceof RunEvent.PlaybookProposed) {
            statusText.set("Proposing playbooks for " + event.runId() + "…");
        } else if (event instanceof RunEvent.RunFinished e) {
            finished(e.summary(), e.runFolder());
        }
    }

    private void finished(RunSummary summary, Path folder) {
        if (!summary.cancelled()) {
            Map<String, Integer> counts = summary.results().stream()
                    .collect(Collectors.groupingBy(TestResult::project, Collectors.summingInt(r -> 1)));
            testsPerProject.putAll(counts);
        }
        testsExpected.set(summary.testsRun());
        testsFinished.set(summary.testsRun());
        progress.set(1.0);
        lastRunFolder.set(folder);
        lastSummary.set(summary);
        dev.healdesk.core.run.RunOutcome outcome = summary.outcome();
        statusText.set(String.format(java.util.Locale.ROOT, "Finished %s: %s, health %.1f (final pass: %s)%s · results"
                        + " in %s", summary.runId(), outcome.headline(), summary.healthScore(),
                outcome.finalPass().describe(), outcome.done().total() == 0 ? "" : " · done: " + outcome.done().describe(),
                folder));
    }

    private void execute(RunOptions options, RunListener listener, Cancellation cancel) {
        try {
            action.run(options, listener, cancel);
            bridge.post(this::done);
        } catch (RunException e) {
            bridge.post(() -> failed(e));
        } catch (RuntimeException e) {
            log().error("The run failed unexpectedly", e);
            bridge.post(() -> failed(new RunException("Internal error: " + e, false, e)));
        }
    }

    private void done() {
        running.set(false);
        cancelling.set(false);
        cancellation = null;
    }

    /** Package-visible for tests. */
    void failed(RunException e) {
        done();
        progress.set(0);
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        statusText.set((e.isUsageError() ? "Cannot run: " : "Internal error: ") + message);
        if (e.isUsageError()) {
            dialogs.showError("Cannot run", "Cannot run", message);
        } else {
            String where = runId.get().isEmpty() || resultsDir == null
                    ? "The application log is on the console's standard error."
                    : "The run's log is " + resultsDir.resolve(runId.get()).resolve("healing-output.log")
                    + "; the application log is on the console's standard error.";
            dialogs.showError("Internal error", "Internal error", message + "\n\n" + where
                    + "\nRuns recorded before are untouched.");
        }
    }

    private int expectedFor(Set<String> selected) {
        int total = 0;
        for (String p : selected) {
            Integer n = testsPerProject.get(p);
            if (n == null) {
                return 0;
            }
            total += n;
        }
        return total;
    }

    private void appendLog(List<String> lines) {
        logLines.addAll(lines);
        int excess = logLines.size() - LOG_CAPACITY;
        if (excess > 0) {
            logLines.remove(0, excess);
        }
    }

    private void updateProgressText() {
        int expected = testsExpected.get();
        String done = expected > 0 ? testsFinished.get() + " / " + expected : String.valueOf(testsFinished.get());
        String text = done + " test(s)";
        if (testsFailed.get() > 0) {
            text += " · " + testsFailed.get() + " failed";
        }
        if (groupsTriaged.get() > 0) {
            text += " · " + groupsTriaged.get() + " failure group(s)";
        }
        progressText.set(running.get() || testsFinished.get() > 0 ? text : "");
    }
}
