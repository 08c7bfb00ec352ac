package dev.healdesk.core.gpu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GPU probe found: the GPUs a model can run on (possibly none), which source answered, and notes for the
 * operator that say what happened and what to do (e.g. "nvidia-smi not found on PATH: install the NVIDIA driver…").
 * <p>
 * Only NVIDIA GPUs are listed: Healdesk sizes models for Ollama's CUDA back end, and a GPU listed here is one a model
 * may be placed on.
 *
 * @param gpus   the GPUs, in the source's order
 * @param source {@value GpuInfo#NVIDIA_SMI}, {@value GpuInfo#OSHI} or {@value #NONE}
 * @param notes  for people, in the order things happened; never null
 * @param systemMemory the machine's memory, which a GPU with {@linkplain GpuInfo#unifiedMemory() unified memory}
 *                     shares; null when not asked for or not known
 */
public record GpuReport(List<GpuInfo> gpus, String source, List<String> notes, SystemMemory systemMemory) {

    /** {@link #source()} of a report in which no source found a GPU. */
    public static final String NONE = "none";

    public GpuReport {
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(source, "source");
        notes = List.copyOf(notes);
    }

    public GpuReport(List<GpuInfo> gpus, String source, List<String> notes) {
        this(gpus, source, notes, null);
    }

    /** This report with the machine's memory, for GPUs that share it. */
    public GpuReport withSystemMemory(SystemMemory memory) {
        return new GpuReport(gpus, source, notes, memory);
    }

    /** Whether a GPU shares the system memory, so that its budget is the system's available memory. */
    public boolean unifiedMemory() {
        return gpus.stream().anyMatch(GpuInfo::unifiedMemory);
    }

    /** A report of a machine without a usable GPU: models run on the CPU. */
    public static GpuReport cpuOnly(List<String> notes) {
        return new GpuReport(List.of(), NONE, notes);
    }

    /** Whether models must run on the CPU because no GPU was found. */
    public boolean cpuOnly() {
        return gpus.isEmpty();
    }

    /**
     * The GPU with the most {@linkplain GpuInfo#usableMiB() usable memory}, the first listed on a tie; empty when
     * {@link #cpuOnly()}.
     */
    public Optional<GpuInfo> best() {
        return gpus.stream().reduce((a, b) -> b.usableMiB() > a.usableMiB() ? b : a);
    }
}
