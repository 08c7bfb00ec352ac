package dev.healdesk.core.gpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    public GpuDetector(GpuProbe primary, GpuProbe fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** nvidia-smi from PATH, then OSHI. */
    public static GpuDetector standard() {
        return new GpuDetector(new NvidiaSmiProbe(), new OshiGpuProbe());
    }

    @Override
    public GpuReport probe() {
        GpuReport first = safely(primary);
        if (!first.cpuOnly()) {
            return first;
        }
        GpuReport second = safely(fallback);
        List<String> notes = new ArrayList<>(first.notes());
        notes.addAll(second.notes());
        if (!second.cpuOnly()) {
            return new GpuReport(second.gpus(), second.source(), notes);
        }
        notes.add(CPU_ONLY_NOTE);
        LOG.info("No GPU found; models will run on the CPU. Notes: {}", notes);
        return GpuReport.cpuOnly(notes);
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
