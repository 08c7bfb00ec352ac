package dev.healdesk.app.history;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RecordRuns;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history screen's model follows another Healdesk process writing to the same history, a real SQLite file and a
 * real PostgreSQL database: the other process records a run and the list grows by it, the trends and the status bar's
 * last run with it, while the operator's selection stays; the store is never asked on the thread that stands in for
 * the FX thread (a single "ui" thread, as FxBridge hands work to the FX thread).
 */
class HistoryLiveRefreshTest {

    enum Backend { SQLITE, POSTGRESQL }

    private static final Instant MORNING = Instant.parse("2026-12-05T06:00:00Z");

    @TempDir
    Path dir;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-worker"));
    private final List<String> askedOnUi = new CopyOnWriteArrayList<>();
    private HistoryStore store;
    private HistoryViewModel vm;

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            onUi(() -> {
                vm.dispose();
                return null;
            });
        }
        ui.shutdownNow();
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunRecordedByAnotherProcessAppearsWithoutARefreshAndTheSelectionStays(Backend backend) throws Exception {
        HistoryLocation location = location(backend);
        store = HistoryStore.open(location, new Provenance("console-pc", "ana", Provenance.Origin.CONSOLE));
        store.saveRun(RunSummaries.withResults("run-early", MORNING, 3, 1), null);
        store.saveRun(RunSummaries.withResults("run-later", MORNING.plusSeconds(1800), 4, 0), null);
        Supplier<HistoryStore> asked = () -> {
            if (Thread.currentThread().getName().equals("test-ui")) {
                askedOnUi.add(new Throwable().getStackTrace()[1].toString());
            }
            return store;
        };
        vm = onUi(() -> new HistoryViewModel(asked, worker, FxBridge.on(ui), new Fixtures.RecordingDialogs(),
                HistoryViewModelTest.opener(new CopyOnWriteArrayList<>()), dir.resolve("results"),
                Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC));
        onUi(() -> {
            vm.refresh();
            vm.follow();
            return null;
        });
        await(() -> vm.runs().size() == 2 && vm.trends().statusTextProperty().get().startsWith("2 run(s)"));
        onUi(() -> {
            vm.selectedProperty().set(vm.runs().get(1));   // run-early, the older one
            return null;
        });
        await(() -> vm.tests().size() == 4);

        Process other = recordRuns(location, "ci-runner-3");
        assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as(new String(other.getInputStream().readAllBytes())).isZero();

        await(() -> vm.runs().size() == 3);
        onUi(() -> {
            assertThat(vm.runs().get(0).machine()).as("the other process's run, newest first")
                    .isEqualTo("ci-runner-3");
            assertThat(vm.runs()).extracting(RunRow::runId).endsWith("run-later", "run-early");
            assertThat(vm.selectedProperty().get().runId()).as("the operator's selection").isEqualTo("run-early");
            assertThat(vm.totalProperty().get()).isEqualTo(3);
            return null;
        });
        await(() -> vm.latestProperty().get() != null && "ci-runner-3".equals(vm.latestProperty().get().machine())
                && vm.trends().statusTextProperty().get().startsWith("3 run(s)"));
        assertThat(askedOnUi).as("the history asked on the UI thread").isEmpty();
    }

    private HistoryLocation location(Backend backend) {
        if (backend == Backend.SQLITE) {
            return HistoryLocation.parse(dir.resolve("healdesk.db").toString(), "test", Map.of());
        }
        return HistoryLocation.parse(SharedPostgres.healdeskUrl(SharedPostgres.newDatabase()), "test",
                Map.of(HistoryLocation.PASSWORD_ENV, PostgresServer.SUPERUSER_PASSWORD));
    }

    private Process recordRuns(HistoryLocation location, String machine) throws Exception {
        String arg = location instanceof HistoryLocation.Postgres pg ? pg.describe()
                : ((HistoryLocation.SqliteFile) location).file().toString();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordRuns.class.getName(), arg, machine, "1")
                .redirectErrorStream(true);
        pb.environment().put(HistoryLocation.PASSWORD_ENV, PostgresServer.SUPERUSER_PASSWORD);
        return pb.start();
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(30, TimeUnit.SECONDS);
    }

    /** Waits (up to 30 s) until {@code condition}, read on the UI thread, holds. */
    private void await(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onUi(condition)) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(end);
            Thread.sleep(100);
        }
    }
}
