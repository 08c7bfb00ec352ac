package dev.healdesk.app.fx;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
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
