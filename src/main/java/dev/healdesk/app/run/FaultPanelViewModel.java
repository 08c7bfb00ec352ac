package dev.healdesk.app.run;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.sandbox.Fault;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The sandbox's fault switches, two-way: a switch the operator flips is sent to the sandbox (on the
 * worker executor), and a change the sandbox reports (from any thread, through the bridge) moves the
 * switch. Until a sandbox is attached the switches are unavailable.
 */
public final class FaultPanelViewModel {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(FaultPanelViewModel.class);
    }

    /** One switch: the fault and whether it is on (the view binds to {@link #onProperty()} two-way). */
    public static final class FaultSwitch {
        private final Fault fault;
        private final BooleanProperty on;

        FaultSwitch(Fault fault) {
            this.fault = fault;
            this.on = new SimpleBooleanProperty(this, fault.id(), false);
        }

        public Fault fault() {
            return fault;
        }

        public BooleanProperty onProperty() {
            return on;
        }

        public boolean isOn() {
            return on.get();
        }
    }

    private final FxBridge bridge;
    private final Executor worker;
    private final List<FaultSwitch> switchList = new ArrayList<>();
    private final ObservableList<FaultSwitch> switches;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Sandbox starting…");
    private final List<Subscription> switchWatches = new ArrayList<>();

    private FaultSwitchboard board;
    private Subscription boardSubscription = Subscription.EMPTY;
    private boolean applyingFromSandbox;

    public FaultPanelViewModel(FxBridge bridge, Executor worker) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.worker = Objects.requireNonNull(worker, "worker");
        for (Fault f : Fault.values()) {
            FaultSwitch s = new FaultSwitch(f);
            switchList.add(s);
            switchWatches.add(s.onProperty().subscribe((was, now) -> flipped(s.fault(), now)));
        }
        switches = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(switchList));
    }

    public ObservableList<FaultSwitch> switches() {
        return switches;
    }

    public FaultSwitch switchFor(Fault fault) {
        return switchList.get(fault.ordinal());
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Connects the switches to a started sandbox (FX thread). */
    public void attach(FaultSwitchboard switchboard) {
        detach();
        board = Objects.requireNonNull(switchboard, "switchboard");
        boardSubscription = switchboard.subscribe(bridge.toUi(this::showFaults));
        available.set(true);
        showFaults(switchboard.activeFaults());
    }

    /** The sandbox could not be started. */
    public void unavailable(String message) {
        detach();
        statusText.set("Sandbox not available: " + message);
    }

    /** Releases the sandbox's listener (FX thread); the switches keep their last state. */
    public void detach() {
        boardSubscription.unsubscribe();
        boardSubscription = Subscription.EMPTY;
        board = null;
        available.set(false);
    }

    /** Releases everything this view model subscribed to. */
    public void dispose() {
        detach();
        switchWatches.forEach(Subscription::unsubscribe);
        switchWatches.clear();
    }

    /** Turns exactly {@code faults} on (the others off), as if the operator had flipped the switches. */
    public void setOnly(Collection<Fault> faults) {
        for (FaultSwitch s : switchList) {
            s.onProperty().set(faults.contains(s.fault()));
        }
    }

    /** Restarts the sandbox server: clears backend-down; the switches follow what the sandbox reports. */
    public void restart() {
        FaultSwitchboard b = board;
        if (b == null) {
            return;
        }
        statusText.set("Restarting the sandbox…");
        worker.execute(() -> {
            try {
                b.restart();
                Set<Fault> now = b.activeFaults();
                bridge.post(() -> showFaults(now));
            } catch (RuntimeException e) {
                log().warn("The sandbox did not restart", e);
                bridge.post(() -> statusText.set("Sandbox restart failed: " + e.getMessage()));
            }
        });
    }

    private void flipped(Fault fault, boolean on) {
        FaultSwitchboard b = board;
        if (applyingFromSandbox || b == null) {
            return;
        }
        worker.execute(() -> {
            try {
                b.setFault(fault, on);
            } catch (RuntimeException e) {
                log().warn("Cannot switch {} {}", fault.id(), on ? "on" : "off", e);
                Set<Fault> now = b.activeFaults();
                bridge.post(() -> showFaults(now));
            }
        });
    }

    /** Moves the switches to what the sandbox reports (FX thread). Package-visible for tests. */
    void showFaults(Set<Fault> active) {
        Set<Fault> faults = active.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(active);
        applyingFromSandbox = true;
        try {
            for (FaultSwitch s : switchList) {
                s.onProperty().set(faults.contains(s.fault()));
            }
        } finally {
            applyingFromSandbox = false;
        }
        FaultSwitchboard b = board;
        if (b == null) {
            return;
        }
        // Read from the reported faults: the switchboard's own probe may block, and this is the FX thread.
        String state = faults.contains(Fault.BACKEND_DOWN) ? "down" : "up";
        String list = faults.isEmpty() ? "no faults"
                : faults.stream().map(Fault::id).collect(Collectors.joining(", "));
        statusText.set("Sandbox " + state + " at " + b.address() + " · " + list);
    }
}
