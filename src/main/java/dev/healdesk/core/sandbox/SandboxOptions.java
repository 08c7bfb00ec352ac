package dev.healdesk.core.sandbox;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link SandboxServer} starts.
 *
 * @param port      the port on 127.0.0.1; 0 picks a free one
 * @param slowDelay how long every answer waits while {@link Fault#SLOW} is on (longer than the probes' timeout)
 * @param faults    faults switched on from the start
 * @param threads   worker threads of the HTTP server (slow answers must not block the others)
 */
public record SandboxOptions(int port, Duration slowDelay, Set<Fault> faults, int threads) {

    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(8);
    public static final int DEFAULT_THREADS = 16;

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        slowDelay = slowDelay == null ? DEFAULT_SLOW_DELAY : slowDelay;
        if (slowDelay.isNegative()) {
            throw new IllegalArgumentException("slowDelay must not be negative");
        }
        faults = faults == null || faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        threads = threads <= 0 ? DEFAULT_THREADS : threads;
    }

    /** A free port, 8 s slow delay, no faults. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, DEFAULT_SLOW_DELAY, Set.of(), DEFAULT_THREADS);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, slowDelay, faults, threads);
    }

    public SandboxOptions withSlowDelay(Duration delay) {
        return new SandboxOptions(port, Objects.requireNonNull(delay, "delay"), faults, threads);
    }

    public SandboxOptions withFaults(Set<Fault> initial) {
        return new SandboxOptions(port, slowDelay, initial, threads);
    }

    public SandboxOptions withThreads(int count) {
        return new SandboxOptions(port, slowDelay, faults, count);
    }
}
