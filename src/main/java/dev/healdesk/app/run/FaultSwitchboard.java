package dev.healdesk.app.run;

import dev.healdesk.core.sandbox.Fault;
import javafx.util.Subscription;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The sandbox's fault switches as the fault panel sees them. The console adapts the sandbox server
 * to this; tests use a fake. {@link #setFault} and {@link #restart} may block briefly and are called off
 * the FX thread; {@link #activeFaults()} and {@link #address()} only read.
 */
public interface FaultSwitchboard {

    Set<Fault> activeFaults();

    void setFault(Fault fault, boolean on);

    /** Restarts the sandbox server (clears backend-down). */
    void restart();

    /** Where the sandbox answers, for the operator ({@code http://127.0.0.1:PORT}). */
    String address();

    /** Calls {@code listener} (on any thread) with the active faults after each change, until released. */
    Subscription subscribe(Consumer<Set<Fault>> listener);
}
