package dev.healdesk.core.gpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the machine's GPUs the best way available: the primary probe (nvidia-smi, exact) first, the fallback (OSHI,
 * approximate) when the primary found none, else a CPU-only report that says so plainly.
 * <p>
 * Notes of every probe that ran are kept, in order, so that a report from the fallback still says why the primary
 * gave nothing (e.g. "nvidia-smi not found on PATH: install the NVIDIA driver…").
 */
public final class GpuDetector implements GpuProbe {

    public static final String CPU_ONLY_NOTE =
            "No NVIDIA GPU found: models run on the CPU, slowly; pick a small model such as llama3.2.";

    private static final Logger LOG = LoggerFactory.getLogger(GpuDetector.class);

    private final GpuProbe primary;
    private final GpuProbe fallback;
    private final Supplier<Optional<SystemMemory>> systemMemory;

    /** Without the system's memory: a GPU with unified memory then has no figure to size models by. */
    public GpuDetector(GpuProbe primary, GpuProbe fallback) {
        this(primary, fallback, Optional::empty);
    }

    /**
     * @param systemMemory read when a GPU shares the system memory (unified memory), whose available part is then
     *                     what a model may take
     */
    public GpuDetector(GpuProbe primary, GpuProbe fallback, Supplier<Optional<SystemMemory>> systemMemory) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.systemMemory = Objects.requireNonNull(systemMemory, "systemMemory");
    }

    /**
     * nvidia-smi from PATH, then a Jetson's device tree (JetPack 5 has no nvidia-smi), then OSHI; the system's memory
     * through OSHI for a GPU that shares it.
     */
    public static GpuDetector standard() {
        return new GpuDetector(new NvidiaSmiProbe(), new TegraProbe().orElse(new OshiGpuProbe()), SystemMemory::probe);
    }

    @Override
    public GpuReport probe() {
        GpuReport first = safely(primary);
        if (!first.cpuOnly()) {
            return withSystemMemory(first);
        }
        GpuReport second = safely(fallback);
        List<String> notes = new ArrayList<>(first.notes());
        notes.addAll(second.notes());
        if (!second.cpuOnly()) {
            return withSystemMemory(new GpuReport(second.gpus(), second.source(), notes));
        }
        notes.add(CPU_ONLY_NOTE);
        LOG.info("No GPU found; models will run on the CPU. Notes: {}", notes);
        return GpuReport.cpuOnly(notes);
    }

    /** Adds the system's memory to a report with a unified-memory GPU, or a note that it could not be read. */
    private GpuReport withSystemMemory(GpuReport report) {
        if (!report.unifiedMemory() || report.systemMemory() != null) {
            return report;
        }
        Optional<SystemMemory> memory;
        try {
            memory = Objects.requireNonNullElse(systemMemory.get(), Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("Reading the system memory failed", e);
            memory = Optional.empty();
        }
        if (memory.isPresent()) {
            return report.withSystemMemory(memory.get());
        }
        List<String> notes = new ArrayList<>(report.notes());
        notes.add("The system memory, which the unified-memory GPU shares, could not be read: Healdesk cannot size a"
                + " model for it. Pick one by hand on the Hardware screen.");
        return new GpuReport(report.gpus(), report.source(), notes);
    }

    /** A probe's report; a probe that breaks its promise not to throw is reported as having found nothing. */
    private static GpuReport safely(GpuProbe probe) {
        try {
            return Objects.requireNonNull(probe.probe(), "a GpuProbe returned null");
        } catch (RuntimeException e) {
            LOG.warn("GPU probe {} failed", probe, e);
            return GpuReport.cpuOnly(List.of("A GPU probe failed (" + e + ")."));
        }
    }
}
