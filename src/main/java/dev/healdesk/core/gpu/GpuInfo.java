package dev.healdesk.core.gpu;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One GPU as a probe saw it: enough to tell whether a model's weights fit into its memory.
 * <p>
 * Memory figures are in MiB and are {@value #UNKNOWN} when the source did not report them (nvidia-smi prints
 * {@code [N/A]} or {@code [Not Supported]} for some cards and configurations; OSHI never knows used or free memory);
 * any negative figure is taken as unknown.
 *
 * @param index         the GPU's index as nvidia-smi numbers it (CUDA's order), or its position among OSHI's cards
 * @param name          e.g. "NVIDIA GeForce RTX 4090"
 * @param totalMiB      the card's memory, or {@value #UNKNOWN}
 * @param usedMiB       memory in use by other programs, or {@value #UNKNOWN}
 * @param freeMiB       memory free now, or {@value #UNKNOWN}
 * @param driverVersion e.g. "550.54.14"; null when not reported (OSHI does not know it)
 * @param source        {@value #NVIDIA_SMI} or {@value #OSHI}
 * @param approximate   true when the figures are estimates (OSHI's), so the UI can say so
 * @param migMode       "Enabled" or "Disabled" (multi-instance GPU); null when not reported or not supported
 * @param uuid          e.g. "GPU-2dee1e25-…", what {@code CUDA_VISIBLE_DEVICES} may name it by; null when not reported
 * @param unifiedMemory true when the GPU has no memory of its own and shares the system's (DGX Spark's GB10, Jetson,
 *                      a Grace Hopper that reports no memory): its figures are then the system's, see
 *                      {@link SystemMemory}
 * @param migSlices     the MIG devices of a GPU in MIG mode, each with its own memory; empty otherwise
 */
public record GpuInfo(int index, String name, long totalMiB, long usedMiB, long freeMiB, String driverVersion,
                      String source, boolean approximate, String migMode, String uuid, boolean unifiedMemory,
                      List<MigSlice> migSlices) {

    /** The value of a memory figure the source did not report. */
    public static final long UNKNOWN = -1;
    /** {@link #source()} of figures read from nvidia-smi, which are exact. */
    public static final String NVIDIA_SMI = "nvidia-smi";
    /** {@link #source()} of figures read through OSHI, which are approximate. */
    public static final String OSHI = "oshi";

    public GpuInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        totalMiB = Math.max(totalMiB, UNKNOWN);
        usedMiB = Math.max(usedMiB, UNKNOWN);
        freeMiB = Math.max(freeMiB, UNKNOWN);
        migSlices = List.copyOf(migSlices);
    }

    /** A GPU with memory of its own, no UUID and no MIG devices listed. */
    public GpuInfo(int index, String name, long totalMiB, long usedMiB, long freeMiB, String driverVersion,
                   String source, boolean approximate, String migMode) {
        this(index, name, totalMiB, usedMiB, freeMiB, driverVersion, source, approximate, migMode, null, false,
                List.of());
    }

    /** This GPU with {@code slices} as its MIG devices. */
    public GpuInfo withMigSlices(List<MigSlice> slices) {
        return new GpuInfo(index, name, totalMiB, usedMiB, freeMiB, driverVersion, source, approximate, migMode, uuid,
                unifiedMemory, slices);
    }

    /**
     * Whether the name is one of NVIDIA's parts that share the system memory: DGX Spark's GB10, the Grace Hopper and
     * Grace Blackwell superchips, and the Jetson modules (Orin, Xavier, Thor, which nvidia-smi calls e.g.
     * "Orin (nvgpu)").
     */
    public static boolean unifiedMemoryPart(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.matches(".*\\b(gb10|gh200|gb200|gb300|orin|xavier|thor|tegra|jetson)\\b.*") || n.contains("nvgpu");
    }

    /**
     * The memory a model could use now, in MiB: the free memory when known; else total minus used when both are
     * known (a slight over-estimate, since the driver reserves a few hundred MiB that neither figure counts); else
     * the total (which assumes nothing else uses the GPU); else {@value #UNKNOWN}.
     */
    public long usableMiB() {
        if (freeMiB != UNKNOWN) {
            return freeMiB;
        }
        if (totalMiB != UNKNOWN && usedMiB != UNKNOWN) {
            return Math.max(0, totalMiB - usedMiB);
        }
        return totalMiB;
    }

    /** Whether multi-instance GPU mode is on, so a model gets only one instance's slice of the memory. */
    public boolean migEnabled() {
        return "Enabled".equals(migMode);
    }
}
