package dev.healdesk.app.fx;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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

    /**
     * Binds {@code property} to {@code value} until release. One method reference for every binding of a view: on a
     * plain class path each reference of its own is a class that the JVM spins on first use, on the JavaFX thread.
     */
    public <T> void bind(Property<T> property, ObservableValue<? extends T> value) {
        property.bind(value);
        add(property::unbind);
    }

    /** Keeps {@code a} and {@code b} equal, both ways, until release. */
    public <T> void bindBidirectional(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        add(() -> a.unbindBidirectional(b));
    }

    /** Binds {@code label}'s text to {@code text} until release; returns the label, for building in one expression. */
    public <L extends Labeled> L text(L label, ObservableValue<String> text) {
        bind(label.textProperty(), text);
        return label;
    }

    /** A new label with {@code id} whose text follows {@code text} until release. */
    public Label text(String id, ObservableValue<String> text) {
        Label label = text(new Label(), text);
        label.setId(id);
        return label;
    }

    /** Shows {@code node}, and gives it room in its layout, only while {@code condition} holds; until release. */
    public void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
        add(node.managedProperty()::unbind);
        add(node.visibleProperty()::unbind);
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
