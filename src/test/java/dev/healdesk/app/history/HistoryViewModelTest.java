package dev.healdesk.app.history;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history screen over a real history database. */
class HistoryViewModelTest {

    @Test
    void listsRunsNewestFirstAndTheSelectedRunsFailures(@TempDir Path dir) {
        try (HistoryStore store = HistoryStore.open(dir.resolve("healdesk.db"))) {
            TestResult bad = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
            FailureGroup db = Fixtures.dbPool(bad);
            RunSummary older = Fixtures.summary("run-a", List.of(Fixtures.passed("health/api-health")), List.of(),
                    List.of());
            RunSummary newer = new RunSummary("run-b", "sandbox", List.of("contracts"), false,
                    Fixtures.T0.plusSeconds(60), Fixtures.T0.plusSeconds(65), older.status(), older.status(), 0.0, 1,
                    0, 1, 0, List.of(bad), List.of(db), List.of(Fixtures.skipped(db)),
                    dev.healdesk.core.run.LlmUsage.none(), java.util.Map.of(), false);
            store.saveRun(older, dir.resolve("run-a"));
            store.saveRun(newer, dir.resolve("run-b"));

            HistoryViewModel vm = new HistoryViewModel(() -> store, Runnable::run, FxBridge.direct());
            vm.refresh();

            assertEquals(List.of("run-b", "run-a"), vm.runs().stream().map(r -> r.runId()).toList());
            assertEquals("run-b", vm.selectedProperty().get().runId());
            assertEquals(1, vm.failures().size());
            assertEquals("database", vm.failures().get(0).category());
            assertEquals("A", vm.failures().get(0).fixClass());
            assertEquals("2 run(s)", vm.statusTextProperty().get());
            assertTrue(vm.runTextProperty().get().startsWith("run-b"), vm.runTextProperty().get());

            vm.selectedProperty().set(vm.runs().get(1));
            assertTrue(vm.failures().isEmpty());
            vm.refresh();
            assertEquals("run-a", vm.selectedProperty().get().runId(), "a refresh keeps the selection");
            vm.dispose();
        }
    }
}
