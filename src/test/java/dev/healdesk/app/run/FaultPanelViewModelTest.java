package dev.healdesk.app.run;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.sandbox.Fault;
import javafx.util.Subscription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fault switches are two-way: operator → sandbox, sandbox → switches, without echo. */
class FaultPanelViewModelTest {

    /** A sandbox stand-in that records calls and tells its listeners, like the real one. */
    static final class FakeSwitchboard implements FaultSwitchboard {
        final EnumSet<Fault> on = EnumSet.noneOf(Fault.class);
        final List<String> calls = new ArrayList<>();
        final List<Consumer<Set<Fault>>> listeners = new ArrayList<>();

        @Override
        public Set<Fault> activeFaults() {
            return Set.copyOf(on);
        }

        @Override
        public void setFault(Fault fault, boolean value) {
            calls.add(fault.id() + "=" + value);
            boolean changed = value ? on.add(fault) : on.remove(fault);
            if (changed) {
                tell();
            }
        }

        @Override
        public void restart() {
            calls.add("restart");
            on.remove(Fault.BACKEND_DOWN);
            tell();
        }

        @Override
        public String address() {
            return "http://127.0.0.1:9";
        }

        @Override
        public Subscription subscribe(Consumer<Set<Fault>> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void tell() {
            Set<Fault> now = activeFaults();
            List.copyOf(listeners).forEach(l -> l.accept(now));
        }
    }

    private final FakeSwitchboard board = new FakeSwitchboard();
    private final FaultPanelViewModel vm = new FaultPanelViewModel(FxBridge.direct(), Runnable::run);

    @Test
    void oneSwitchPerFaultUnavailableUntilASandboxIsAttached() {
        assertEquals(Fault.values().length, vm.switches().size());
        assertFalse(vm.availableProperty().get());
        vm.switchFor(Fault.SLOW).onProperty().set(true);
        assertTrue(board.calls.isEmpty());

        board.on.add(Fault.CONTRACT_BREAK);
        vm.attach(board);
        assertTrue(vm.availableProperty().get());
        assertTrue(vm.switchFor(Fault.CONTRACT_BREAK).isOn(), "the sandbox's state wins on attach");
        assertFalse(vm.switchFor(Fault.SLOW).isOn());
        assertTrue(vm.statusTextProperty().get().contains("contract-break"), vm.statusTextProperty().get());
    }

    @Test
    void flippingASwitchSetsTheFaultOnce() {
        vm.attach(board);
        vm.switchFor(Fault.DB_POOL_EXHAUSTED).onProperty().set(true);
        vm.switchFor(Fault.SELECTOR_CHANGED).onProperty().set(true);
        assertEquals(List.of("db-pool-exhausted=true", "selector-changed=true"), board.calls);
        assertEquals(EnumSet.of(Fault.DB_POOL_EXHAUSTED, Fault.SELECTOR_CHANGED), board.on);
        assertTrue(vm.statusTextProperty().get().contains("up"), vm.statusTextProperty().get());
    }

    @Test
    void aChangeInTheSandboxMovesTheSwitchWithoutEcho() {
        vm.attach(board);
        board.on.add(Fault.BACKEND_DOWN);
        board.tell();
        assertTrue(vm.switchFor(Fault.BACKEND_DOWN).isOn());
        assertTrue(board.calls.isEmpty(), "no call back to the sandbox for its own change");
        assertTrue(vm.statusTextProperty().get().startsWith("Sandbox down"), vm.statusTextProperty().get());

        vm.restart();
        assertFalse(vm.switchFor(Fault.BACKEND_DOWN).isOn());
        assertEquals(List.of("restart"), board.calls);
    }

    @Test
    void setOnlyGoesThroughTheSwitches() {
        vm.attach(board);
        vm.setOnly(Set.of(Fault.SLOW));
        assertEquals(EnumSet.of(Fault.SLOW), board.on);
        vm.setOnly(Set.of());
        assertTrue(board.on.isEmpty());
    }

    @Test
    void detachReleasesTheSandboxListener() {
        vm.attach(board);
        assertEquals(1, board.listeners.size());
        vm.dispose();
        assertTrue(board.listeners.isEmpty());
        assertFalse(vm.availableProperty().get());
    }
}
