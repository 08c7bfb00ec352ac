package dev.healdesk.app.run;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run screen's view model without a window: events in, properties out. */
class RunViewModelTest {
    private static final List<String> PROJECTS = List.of("health", "contracts", "modules", "security");

    private final Fixtures.RecordingDialogs dialogs = new Fixtures.RecordingDialogs();
    private final List<Runnable> queued = new ArrayList<>();
    /** Holds submitted runs until the test runs them: the FX side sees a run in progress. */
    private final Executor holding = queued::add;

    private RunViewModel model(RunAction action, Executor executor) {
        RunViewModel vm = new RunViewModel(action, executor, FxBridge.direct(), dialogs, Path.of("results"));
        vm.targetReady("sandbox", PROJECTS);
        return vm;
    }

    @Test
    void offersTheTargetsProjectsAllSelectedAndCanStart() {
        RunViewModel vm = new RunViewModel((o, l, c) -> null, holding, FxBridge.direct(), dialogs, null);
        assertFalse(vm.canStartBinding().get(), "no target yet");
        vm.targetReady("sandbox", PROJECTS);
        assertEquals(PROJECTS, vm.projects().stream().map(ProjectOption::name).toList());
        assertTrue(vm.projects().stream().allMatch(ProjectOption::isSelected));
        assertTrue(vm.canStartBinding().get());
        assertEquals("sandbox", vm.targetNameProperty().get());

        vm.projects().forEach(p -> p.setSelected(false));
        assertFalse(vm.canStartBinding().get(), "nothing selected, nothing to run");
    }

    @Test
    void optionsFollowTheInputs() {
        RunViewModel vm = model((o, l, c) -> null, holding);
        vm.projects().get(1).setSelected(false);
        vm.dryRunProperty().set(true);
        vm.skipLlmProperty().set(true);
        vm.maxFixesProperty().set(7);

        RunOptions o = vm.options();
        assertEquals(Set.of("health", "modules", "security"), o.projects());
        assertTrue(o.dryRun());
        assertTrue(o.skipLlm());
        assertEquals(7, o.maxFixes());
        assertEquals(3, new RunViewModel((a, b, c) -> null, holding, FxBridge.direct(), dialogs, null)
                .options().maxFixes(), "default max fixes");
    }

    /** The Settings screen's model over a config folder in {@code dir}, with {@code env} as the environment. */
    private static dev.healdesk.app.settings.SettingsViewModel settings(Path dir, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        return new dev.healdesk.app.settings.SettingsViewModel(dev.healdesk.core.config.Config.load(all, dir),
                dev.healdesk.app.fx.ThemeService.from(Map.of()), Runnable::run, FxBridge.direct());
    }

    @Test
    void aMaxFixesSavedInSettingsReachesTheRunScreenAtOnceAndTheNextRunsOptions(@org.junit.jupiter.api.io.TempDir
                                                                                Path dir) {
        RunViewModel vm = model((o, l, c) -> null, holding);
        var settings = settings(dir, Map.of());
        var saved = settings.onSaved(vm::settingsSaved);
        assertEquals(3, vm.options().maxFixes());

        settings.field(dev.healdesk.core.config.Setting.MAX_FIXES).textProperty().set("5");
        settings.field(dev.healdesk.core.config.Setting.FAILING_BELOW).textProperty().set("70");
        assertEquals(3, vm.maxFixesProperty().get(), "nothing reaches the Run screen before it is saved");
        settings.save();

        assertEquals(5, vm.maxFixesProperty().get());
        assertEquals(5, vm.options().maxFixes());
        assertEquals(70.0, vm.options().failingBelow());

        settings.field(dev.healdesk.core.config.Setting.MAX_FIXES).textProperty().set("");
        settings.save();
        assertEquals(3, vm.maxFixesProperty().get(), "emptied in the file: the default is in force again");

        saved.unsubscribe();
        settings.field(dev.healdesk.core.config.Setting.MAX_FIXES).textProperty().set("6");
        settings.save();
        assertEquals(3, vm.maxFixesProperty().get(), "no longer followed once unsubscribed");
        settings.dispose();
    }

    @Test
    void aMaxFixesSetInTheEnvironmentStaysInForceWhenTheFileChanges(@org.junit.jupiter.api.io.TempDir Path dir) {
        RunViewModel vm = model((o, l, c) -> null, holding);
        vm.maxFixesProperty().set(2);
        var settings = settings(dir, Map.of("HEAL_MAX_FIXES", "2"));
        settings.onSaved(vm::settingsSaved);
        settings.field(dev.healdesk.core.config.Setting.MAX_FIXES).textProperty().set("8");
        settings.save();
        assertEquals(2, vm.options().maxFixes(), "the environment goes over the file, on the Run screen as well");
        settings.dispose();
    }

    @Test
    void theConsoleAsksUnlessClassAMayRunWithoutAsking() {
        RunViewModel vm = model((o, l, c) -> null, holding);
        assertEquals(ApprovalPolicy.ASK, vm.options().approve(), "the console's default");
        vm.classAWithoutAskingProperty().set(true);
        assertEquals(ApprovalPolicy.A, vm.options().approve());
    }

    @Test
    void aRunningRunDisablesStartAndCancelReachesTheCancellation() {
        AtomicReference<Cancellation> seen = new AtomicReference<>();
        RunViewModel vm = model((o, l, c) -> {
            seen.set(c);
            return null;
        }, holding);

        vm.start();
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.canStartBinding().get());
        assertTrue(vm.canCancelBinding().get());
        assertEquals(RunViewModel.INDETERMINATE, vm.progressProperty().get(), "indeterminate until a result");

        vm.start();
        assertEquals(1, queued.size(), "a second start while one runs does nothing");

        queued.get(0).run();   // the run thread picks the run up...
        vm.cancel();           // ...too late here: it already returned
        assertFalse(vm.runningProperty().get());
        assertFalse(seen.get().isCancelled(), "cancel after the end is a no-op");
    }

    @Test
    void cancelWhileRunningCancelsTheRun() {
        AtomicReference<Cancellation> seen = new AtomicReference<>();
        RunViewModel vm = model((o, l, c) -> {
            seen.set(c);
            return null;
        }, holding);
        vm.start();
        vm.cancel();
        assertTrue(vm.cancellingProperty().get());
        assertFalse(vm.canCancelBinding().get());
        queued.get(0).run();
        assertTrue(seen.get().isCancelled());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void theRunsOwnTestCountDrivesTheProgressFromTheFirstResult() {
        TestResult ok = Fixtures.passed("health/api-health");
        RunSummary summary = Fixtures.summary("run-2", List.of(ok), List.of(), List.of());
        java.util.concurrent.atomic.AtomicReference<RunViewModel> holder = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<Double> seen = new java.util.ArrayList<>();
        RunViewModel vm = model((options, listener, cancel) -> {
            listener.onEvent(new RunEvent.RunStarted("run-2", "sandbox", PROJECTS, options, Fixtures.T0, 4));
            listener.onEvent(new RunEvent.TestFinished("run-2", ok, 1));
            seen.add(holder.get().progressProperty().get());
            listener.onEvent(new RunEvent.RunFinished("run-2", summary, Path.of("results/run-2")));
            return summary;
        }, Runnable::run);
        holder.set(vm);

        vm.start();

        assertEquals(List.of(0.25), seen, "one of four tests done, known before any earlier run was recorded");
    }

    @Test
    void eventsDriveProgressCountsLogAndSummary() {
        TestResult ok = Fixtures.passed("health/api-health");
        TestResult bad = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots are reserved");
        FailureGroup group = Fixtures.dbPool(bad);
        RunSummary summary = Fixtures.summary("run-1", List.of(ok, bad), List.of(group), List.of());
        RunViewModel vm = model((options, listener, cancel) -> {
            listener.onEvent(new RunEvent.RunStarted("run-1", "sandbox", PROJECTS, options, Fixtures.T0, -1));
            listener.onEvent(new RunEvent.TestFinished("run-1", ok, 1));
            listener.onEvent(new RunEvent.TestFinished("run-1", bad, 2));
            listener.onEvent(new RunEvent.FailureTriaged("run-1", group));
            listener.onEvent(new RunEvent.RunFinished("run-1", summary, Path.of("results/run-1")));
            return summary;
        }, Runnable::run);

        vm.start();

        assertFalse(vm.runningProperty().get());
        assertEquals("run-1", vm.runIdProperty().get());
        assertEquals(2, vm.testsFinishedProperty().get());
        assertEquals(1, vm.testsFailedProperty().get());
        assertEquals(1, vm.groupsTriagedProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertSame(summary, vm.lastSummaryProperty().get());
        assertEquals(Path.of("results/run-1"), vm.lastRunFolderProperty().get());
        assertEquals(5, vm.logLines().size());
        assertTrue(vm.logLines().get(2).startsWith("FAILED"), vm.logLines().get(2));
        assertTrue(vm.logLines().get(3).startsWith("TRIAGED database/high class A"), vm.logLines().get(3));
        assertTrue(vm.statusTextProperty().get().contains("failing"), vm.statusTextProperty().get());
        assertTrue(vm.progressTextProperty().get().contains("1 failed"), vm.progressTextProperty().get());
        assertTrue(dialogs.shown.isEmpty());
    }

    @Test
    void progressHasASizeOnceTestCountsAreKnown() {
        RunViewModel vm = model((o, l, c) -> null, holding);
        vm.learnTestCounts(Map.of("health", 2, "contracts", 2, "modules", 4, "security", 2));
        vm.start();
        assertEquals(10, vm.testsExpectedProperty().get());
        assertEquals(RunViewModel.INDETERMINATE, vm.progressProperty().get());

        vm.accept(List.of(new RunEvent.TestFinished("run-2", Fixtures.passed("health/a"), 1),
                new RunEvent.TestFinished("run-2", Fixtures.passed("health/b"), 2)));
        assertEquals(0.2, vm.progressProperty().get(), 1e-9);
        assertEquals("2 / 10 test(s)", vm.progressTextProperty().get());
    }

    @Test
    void progressStaysIndeterminateWithoutCounts() {
        RunViewModel vm = model((o, l, c) -> null, holding);
        vm.start();
        vm.accept(List.of(new RunEvent.TestFinished("run-3", Fixtures.passed("health/a"), 1)));
        assertEquals(RunViewModel.INDETERMINATE, vm.progressProperty().get());
        assertEquals("1 test(s)", vm.progressTextProperty().get());
    }

    @Test
    void theLogKeepsTheNewestLinesUpToItsCapacity() {
        RunViewModel vm = model((o, l, c) -> null, holding);
        List<RunEvent> burst = new ArrayList<>();
        for (int i = 0; i < RunViewModel.LOG_CAPACITY + 250; i++) {
            burst.add(new RunEvent.Log("run-4", RunEvent.Log.Level.INFO, "line " + i));
        }
        vm.accept(burst);
        assertEquals(RunViewModel.LOG_CAPACITY, vm.logLines().size());
        assertEquals("line 250", vm.logLines().get(0));
        assertEquals("line " + (RunViewModel.LOG_CAPACITY + 249), vm.logLines().get(RunViewModel.LOG_CAPACITY - 1));
    }

    @Test
    void aUsageErrorIsShownAsCannotRun() {
        RunViewModel vm = model((o, l, c) -> {
            throw RunException.usage("Chromium was not found at /usr/bin/chromium");
        }, Runnable::run);
        vm.start();
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canStartBinding().get(), "the operator can try again");
        assertEquals(List.of("error|Cannot run|Chromium was not found at /usr/bin/chromium"), dialogs.shown);
        assertTrue(vm.statusTextProperty().get().startsWith("Cannot run"));
    }

    @Test
    void anInternalErrorSaysWhereTheLogIs() {
        RunViewModel vm = model((o, listener, c) -> {
            listener.onEvent(new RunEvent.RunStarted("run-5", "sandbox", PROJECTS, o, Fixtures.T0, -1));
            throw new IllegalStateException("boom");
        }, Runnable::run);
        vm.start();
        assertEquals(1, dialogs.shown.size());
        String shown = dialogs.shown.get(0);
        assertTrue(shown.startsWith("error|Internal error|"), shown);
        assertTrue(shown.contains("boom"), shown);
        assertTrue(shown.contains(Path.of("results", "run-5", "healing-output.log").toString()), shown);
        assertEquals(1, vm.logLines().size(), "what was logged before the failure stays");
    }

    @Test
    void aFailedTargetKeepsStartDisabled() {
        RunViewModel vm = new RunViewModel((o, l, c) -> null, holding, FxBridge.direct(), dialogs, null);
        vm.targetFailed("sandbox", "port in use");
        assertFalse(vm.canStartBinding().get());
        assertTrue(vm.statusTextProperty().get().contains("port in use"));
        assertNull(vm.lastSummaryProperty().get());
    }

    @Test
    void aPlanWithItsStepsIsOneLogEntryOfSeveralLines() {
        RunViewModel vm = model((options, listener, cancel) -> {
            listener.onEvent(new RunEvent.RunStarted("run-2", "sandbox", PROJECTS, options, Fixtures.T0, -1));
            listener.onEvent(new RunEvent.PlaybookPlanned("run-2", "fp-1", "kill-idle-db-connections",
                    List.of("Terminate the idle connections", "Check the pool"), List.of(), false));
            listener.onEvent(new RunEvent.Log("run-2", RunEvent.Log.Level.INFO, "after the plan"));
            return null;
        }, Runnable::run);

        vm.start();

        List<String> plan = vm.logLines().stream().filter(l -> l.startsWith("PLAN ")).toList();
        assertEquals(1, plan.size(), vm.logLines().toString());
        assertEquals(3, plan.get(0).split("\n").length, "the plan's head and its two steps: " + plan.get(0));
        assertEquals("after the plan", vm.logLines().get(vm.logLines().size() - 1));
    }
}
