package dev.healdesk.app;

import dev.healdesk.app.failures.DiagnosisDetail;
import dev.healdesk.app.failures.ArtifactOpener;
import dev.healdesk.app.failures.PlaybookPicks;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.playbooks.ConsoleGate;
import dev.healdesk.app.playbooks.Question;
import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.Proposal;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelCatalog;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's view models wired together, without a window: a run's diagnosis events reach the failures screen
 * (and not the live log), and an Ollama that does not answer becomes the run screen's banner, first from the probe
 * after start-up and again after a run whose model failed; while a run runs, the status bar says so and the failures
 * screen's decision line follows the Playbooks queue.
 */
class ConsoleViewModelTest {
    @TempDir
    Path dir;

    private final TestResult customers = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
    private final FailureGroup db = Fixtures.dbPool(customers);
    private final Diagnosis diagnosis = Fixtures.diagnosis(db.fingerprint(), 0.82, Category.DATABASE, FixClass.A,
            "terminate-idle-transactions");

    @Test
    void diagnosisEventsStreamIntoTheFailuresScreenAndAFailedModelShowsOnTheRunScreen() throws IOException {
        String down;
        try (ServerSocket free = new ServerSocket(0)) {
            down = "http://127.0.0.1:" + free.getLocalPort();
        }
        AtomicInteger probes = new AtomicInteger();
        GpuReport cpu = GpuReport.cpuOnly(List.of("nvidia-smi not found on PATH: install the NVIDIA driver."));
        LlmSetup setup = new LlmSetup(() -> {
            probes.incrementAndGet();
            return cpu;
        }, new OllamaLlmClient(down, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)),
                new ModelPicker(ModelCatalog.builtIn()), new Preferences(dir.resolve("preferences.json")), Map.of());
        RunSummary summary = Fixtures.withDiagnoses(Fixtures.summary("run-7", List.of(customers), List.of(db),
                List.of()), new LlmUsage("ollama", "llama3.2", 1, 0, 400, 90, 2_000, 1, null),
                Map.of(db.fingerprint(), diagnosis));

        try (HistoryStore store = HistoryStore.open(dir.resolve("healdesk.db"))) {
            List<DiagnosisDetail> seen = new ArrayList<>();
            ConsoleViewModel vm = new ConsoleViewModel(new ConsoleServices((options, listener, cancel) -> {
                listener.onEvent(new RunEvent.RunStarted("run-7", "sandbox", List.of("contracts"), options,
                        Fixtures.T0, 1));
                listener.onEvent(new RunEvent.FailureTriaged("run-7", db));
                listener.onEvent(new RunEvent.DiagnosisStarted("run-7", db.fingerprint(), "ollama", "llama3.2"));
                for (String token : List.of("{\"rootCause\":", " \"The pool", " holds idle transactions\"}")) {
                    listener.onEvent(new RunEvent.DiagnosisToken("run-7", db.fingerprint(), token));
                }
                listener.onEvent(new RunEvent.Diagnosed("run-7", diagnosis));
                listener.onEvent(new RunEvent.RunFinished("run-7", summary, dir.resolve("run-7")));
                return summary;
            }, () -> store, () -> setup, ConsoleServices.Threads.direct(), FxBridge.direct(),
                    new Fixtures.RecordingDialogs(), dir, new ConsoleGate(FxBridge.direct(), "tester"),
                    new PlaybookPicks(), () -> null, ArtifactOpener.NONE, null));
            vm.failures().diagnosisProperty().subscribe(d -> {
                if (d != null) {
                    seen.add(d);
                }
            });

            vm.load();
            assertThat(probes.get()).as("one probe after start-up").isEqualTo(1);
            assertThat(vm.hardware().ollamaProblemProperty().get()).contains("ollama serve");

            vm.targetReady("sandbox", null, List.of("contracts"), null);
            vm.run().start();

            assertThat(seen).extracting(DiagnosisDetail::streamed).contains("{\"rootCause\":",
                    "{\"rootCause\": \"The pool", "{\"rootCause\": \"The pool holds idle transactions\"}");
            assertThat(seen.get(seen.size() - 1).state()).isEqualTo(DiagnosisDetail.State.DONE);
            assertThat(vm.failures().diagnosisProperty().get().confidenceText()).isEqualTo("82 %");
            assertThat(vm.run().logLines()).anyMatch(l -> l.startsWith("DIAGNOSE " + db.fingerprint()));
            assertThat(vm.run().logLines()).as("tokens are not written into the live log")
                    .noneMatch(l -> l.contains("\"rootCause\""));
            assertThat(probes.get()).as("a run whose model failed probes again").isEqualTo(2);
            vm.dispose();
        }
    }

    @Test
    void whileTheFirstRunRunsTheStatusBarSaysSoAndTheFailuresDecisionFollowsTheQueue() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("healdesk.db"))) {
            firstRun(store);
        }
    }

    private void firstRun(HistoryStore store) {
        RunSummary summary = Fixtures.summary("run-8", List.of(customers), List.of(db),
                List.of(new ActionRecord(db.fingerprint(), "kill-idle-db-connections", FixClass.A,
                        Decision.REJECTED, false, false, false, "rejected by tester", 0)));
        List<String> duringRun = new ArrayList<>();
        AtomicReference<ConsoleViewModel> model = new AtomicReference<>();
        ConsoleViewModel vm = new ConsoleViewModel(new ConsoleServices((options, listener, cancel) -> {
            ConsoleViewModel m = model.get();
            duringRun.add(m.statusTextProperty().get() + " | " + m.healthTextProperty().get());
            listener.onEvent(new RunEvent.RunStarted("run-8", "sandbox", List.of("contracts"), options,
                    Fixtures.T0, 1));
            listener.onEvent(new RunEvent.FailureTriaged("run-8", db));
            listener.onEvent(new RunEvent.PlaybookProposed("run-8", db.fingerprint(), "kill-idle-db-connections",
                    FixClass.A));
            duringRun.add(String.join("\n", m.failures().detailProperty().get().actions()));
            // The run's gate asks the operator: the Playbooks queue shows it waiting, and so does Failures.
            m.playbooks().ask(new Question(new Proposal("run-8", db, "kill-idle-db-connections", "Ends idle sessions",
                    FixClass.A, Risk.MEDIUM, Kind.DATABASE, List.of("postgres"), "sandbox", ApprovalPolicy.ASK),
                    "tester"));
            duringRun.add(m.playbooks().awaitingProperty().get() + " waiting");
            duringRun.add(String.join("\n", m.failures().detailProperty().get().actions()));
            duringRun.add(m.failures().decisionOf(db));
            listener.onEvent(new RunEvent.RunFinished("run-8", summary, dir.resolve("run-8")));
            return summary;
        }, () -> store, () -> null, ConsoleServices.Threads.direct(), FxBridge.direct(),
                new Fixtures.RecordingDialogs(), dir, new ConsoleGate(FxBridge.direct(), "tester"),
                new PlaybookPicks(), () -> null, ArtifactOpener.NONE, null));
        model.set(vm);
        assertThat(vm.statusTextProperty().get() + " | " + vm.healthTextProperty().get())
                .isEqualTo("no run | no run yet");

        vm.targetReady("sandbox", null, List.of("contracts"), null);
        vm.run().start();

        assertThat(duringRun).containsExactly(
                "running | first run in progress",
                "proposed: kill-idle-db-connections",
                "1 waiting",
                "awaiting decision: kill-idle-db-connections",
                "awaiting");
        assertThat(vm.statusTextProperty().get()).as("after the run, its state").isNotEqualTo("running")
                .isEqualTo(summary.outcome().state().headline());
        assertThat(vm.healthTextProperty().get()).startsWith("health ");
        assertThat(vm.failures().detailProperty().get().actions()).as("the recorded decision replaces the queue's")
                .containsExactly("kill-idle-db-connections (class A): rejected — rejected by tester");
        vm.dispose();
    }
}
