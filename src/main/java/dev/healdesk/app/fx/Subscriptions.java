package dev.healdesk.app.fx;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs every subscription with its release: a view or view model adds what it subscribes to here
 * and calls {@link #release()} once, when it is detached.
 */
public final class Subscriptions {
    private final List<Subscription> held = new ArrayList<>();

    public void add(Subscription subscription) {
        held.add(subscription);
    }

    public <E> void onChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        held.add(() -> list.removeListener(listener));
    }

    /**
     * Keeps a table's selection and a view model's selected item in step, both ways. Only changes travel
     * (no call with the current, still empty, selection: that would clear the model's).
     */
    public <T> void syncSelection(TableView<T> table, ObjectProperty<T> selected) {
        boolean[] syncing = {false};
        add(table.getSelectionModel().selectedItemProperty().subscribe((was, item) -> {
            if (!syncing[0]) {
                selected.set(item);
            }
        }));
        add(selected.subscribe(item -> {
            syncing[0] = true;
            try {
                if (item == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(item);
                }
            } finally {
                syncing[0] = false;
            }
        }));
    }

    /** Releases everything, newest first. */
    public void release() {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).unsubscribe();
        }
        held.clear();
    }

    public int size() {
        return held.size();
    }
}
