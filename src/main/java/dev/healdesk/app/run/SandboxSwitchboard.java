package dev.healdesk.app.run;

import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxServer;
import javafx.util.Subscription;

import java.util.Set;
import java.util.function.Consumer;

/** The sandbox server's fault switches, as the fault panel sees them. */
public final class SandboxSwitchboard implements FaultSwitchboard {
    private final SandboxServer server;

    public SandboxSwitchboard(SandboxServer server) {
        this.server = server;
    }

    @Override
    public Set<Fault> activeFaults() {
        return server.activeFaults();
    }

    @Override
    public void setFault(Fault fault, boolean on) {
        server.setFault(fault, on);
    }

    @Override
    public void restart() {
        server.restart();
    }

    @Override
    public String address() {
        return server.baseUrl().toString();
    }

    @Override
    public Subscription subscribe(Consumer<Set<Fault>> listener) {
        server.addFaultListener(listener);
        return () -> server.removeFaultListener(listener);
    }
}
