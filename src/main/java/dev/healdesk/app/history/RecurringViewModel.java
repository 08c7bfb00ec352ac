package dev.healdesk.app.history;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The failures that keep coming back: the fingerprints seen most often (first and last seen, how often, the last fix
 * that healed each) and, for the selected one, the runs it failed in and what was done about it there.
 */
public final class RecurringViewModel {
    /** How many fingerprints the table lists, and how many runs of the selected one. */
    public static final int TOP = 50;
    public static final int OCCURRENCES = 100;

    private final Supplier<HistoryStore> store;
    private final Executor worker;
    private final FxBridge bridge;
    private final ObservableList<HistoryQueries.Recurring> rows = FXCollections.observableArrayList();
    private final ObservableList<HistoryQueries.Recurring> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<dev.healdesk.core.history.StoredIncident> incidents =
            FXCollections.observableArrayList();
    private final ObservableList<HistoryQueries.Occurrence> occurrences = FXCollections.observableArrayList();
    private final ObservableList<HistoryQueries.Occurrence> occurrencesView =
            FXCollections.unmodifiableObservableList(occurrences);
    private final ObjectProperty<HistoryQueries.Recurring> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final Subscription watching;

    RecurringViewModel(Supplier<HistoryStore> store, Executor worker, FxBridge bridge) {
        this.store = store;
        this.worker = worker;
        this.bridge = bridge;
        watching = selected.subscribe(this::loadOccurrences);
    }

    /** The incidents (issue 13: one cause of a run's failures) seen in most runs, beside the fingerprints. */
    public ObservableList<dev.healdesk.core.history.StoredIncident> incidents() {
        return incidents;
    }

    public ObservableList<HistoryQueries.Recurring> rows() {
        return rowsView;
    }

    /** The runs the selected fingerprint failed in, the most recent first. */
    public ObservableList<HistoryQueries.Occurrence> occurrences() {
        return occurrencesView;
    }

    public ObjectProperty<HistoryQueries.Recurring> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public void refresh() {
        HistoryViewModel.submit(worker, bridge, () -> {
            List<HistoryQueries.Recurring> top = store.get().topFingerprints(TOP);
            List<dev.healdesk.core.history.StoredIncident> recurringIncidents = store.get().topIncidents(TOP);
            bridge.post(() -> {
                if (!incidents.equals(recurringIncidents)) {
                    incidents.setAll(recurringIncidents);   // unchanged (a refresh heard from another writer): left be
                }
                String keep = selected.get() == null ? null : selected.get().fingerprint().fingerprint();
                if (!rows.equals(top)) {
                    rows.setAll(top);
                }
                statusText.set(top.isEmpty() ? "No failure recorded yet."
                        : top.size() + " fingerprint(s), the most frequent first");
                selected.set(top.stream().filter(r -> r.fingerprint().fingerprint().equals(keep)).findFirst()
                        .orElse(top.isEmpty() ? null : top.get(0)));
            });
        }, "read the recurring failures", statusText::set);
    }

    public void dispose() {
        watching.unsubscribe();
    }

    private void loadOccurrences(HistoryQueries.Recurring row) {
        occurrences.clear();
        if (row == null) {
            return;
        }
        String fp = row.fingerprint().fingerprint();
        HistoryViewModel.submit(worker, bridge, () -> {
            List<HistoryQueries.Occurrence> seen = store.get().fingerprintHistory(fp, OCCURRENCES);
            bridge.post(() -> {
                if (selected.get() != null && selected.get().fingerprint().fingerprint().equals(fp)) {
                    occurrences.setAll(seen);
                }
            });
        }, "read the runs of " + fp, statusText::set);
    }
}
