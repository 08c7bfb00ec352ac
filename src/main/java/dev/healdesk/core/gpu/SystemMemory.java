package dev.healdesk.core.gpu;

import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;

import java.util.Optional;

/**
 * The machine's memory as the operating system counts it (through OSHI): what a GPU with unified memory (DGX Spark's
 * GB10, Grace Hopper, Jetson) shares with every program, so what a model may take there.
 *
 * @param totalMiB     all of it
 * @param availableMiB what programs can still get without swapping (Linux's MemAvailable)
 */
public record SystemMemory(long totalMiB, long availableMiB) {
    private static final long MIB = 1024L * 1024L;

    public SystemMemory {
        if (totalMiB < 0 || availableMiB < 0) {
            throw new IllegalArgumentException("memory figures must not be negative: " + totalMiB + ", " + availableMiB);
        }
    }

    /** In use by the system and every program (a model Ollama holds included). */
    public long usedMiB() {
        return Math.max(0, totalMiB - availableMiB);
    }

    /** This machine's memory now; empty when OSHI cannot read it (an unsupported system). */
    public static Optional<SystemMemory> probe() {
        try {
            GlobalMemory memory = new SystemInfo().getHardware().getMemory();
            return Optional.of(new SystemMemory(memory.getTotal() / MIB, memory.getAvailable() / MIB));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
