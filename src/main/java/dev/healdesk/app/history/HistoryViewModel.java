package dev.healdesk.app.history;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.history.StoredFailure;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The history screen: the latest runs from the history database and the failure groups of the
 * selected one. Queries run on the worker executor; results come back through the bridge.
 */
public final class HistoryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);
    public static final int PAGE = 100;

    private final Supplier<HistoryStore> store;
    private final Executor worker;
    private final FxBridge bridge;
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<StoredFailure> failures = FXCollections.observableArrayList();
    private final ObservableList<StoredFailure> failuresView = FXCollections.unmodifiableObservableList(failures);
    private final ObjectProperty<RunRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Loading…");
    private final ReadOnlyStringWrapper runText = new ReadOnlyStringWrapper(this, "runText", "");
    private final Subscription selectionWatch;

    /**
     * @param store the history store; called on the worker only (it may wait for the database to open)
     */
    public HistoryViewModel(Supplier<HistoryStore> store, Executor worker, FxBridge bridge) {
        this.store = Objects.requireNonNull(store, "store");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        selectionWatch = selected.subscribe(this::loadFailures);
    }

    public ObservableList<RunRow> runs() {
        return runsView;
    }

    public ObservableList<StoredFailure> failures() {
        return failuresView;
    }

    public ObjectProperty<RunRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The selected run in one line: status, counts, folder. */
    public ReadOnlyStringProperty runTextProperty() {
        return runText.getReadOnlyProperty();
    }

    /** Reloads the latest runs, keeping the selection when the run is still listed. */
    public void refresh() {
        submit(() -> {
            List<RunRow> rows = store.get().listRuns(PAGE, 0);
            int total = store.get().countRuns();
            String file = store.get().file().toString();
            bridge.post(() -> showRuns(rows, total, file));
        }, "list the runs");
    }

    public void dispose() {
        selectionWatch.unsubscribe();
    }

    private void showRuns(List<RunRow> rows, int total, String file) {
        String keep = selected.get() == null ? null : selected.get().runId();
        runs.setAll(rows);
        statusText.set(total == 0 ? "No runs recorded yet in " + file
                : rows.size() < total ? "Latest " + rows.size() + " of " + total + " runs" : total + " run(s)");
        RunRow again = rows.stream().filter(r -> r.runId().equals(keep)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0));
        selected.set(again);
    }

    private void loadFailures(RunRow run) {
        failures.clear();
        if (run == null) {
            runText.set("");
            return;
        }
        runText.set(String.format(java.util.Locale.ROOT, "%s · %s, health %.1f · %d passed, %d failed, %d flaky of %d"
                        + "%s%s · %s", run.runId(), run.status().id(), run.healthScore(), run.testsPassed(),
                run.testsFailed(), run.flaky(), run.testsRun(), run.dryRun() ? " · dry run" : "",
                run.cancelled() ? " · cancelled" : "", run.runFolder() == null ? "no folder" : run.runFolder()));
        String id = run.runId();
        submit(() -> {
            List<StoredFailure> rows = store.get().failuresOf(id);
            bridge.post(() -> {
                RunRow now = selected.get();
                if (now != null && now.runId().equals(id)) {
                    failures.setAll(rows);
                }
            });
        }, "read the failures of " + id);
    }

    private void submit(Runnable job, String what) {
        try {
            worker.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    // A HistoryException names the file and what to do; anything else is logged in full.
                    LOG.warn("Cannot {}", what, e);
                    bridge.post(() -> statusText.set("Cannot " + what + ": " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("History query after shutdown dropped", e);
        }
    }
}
