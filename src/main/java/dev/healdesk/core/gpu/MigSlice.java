package dev.healdesk.core.gpu;

import java.util.Objects;

/**
 * One MIG device (a GPU instance with its compute instance) of a GPU in MIG mode: what CUDA, and so Ollama, sees as a
 * GPU of its own, with only its slice of the card's memory.
 *
 * @param gpuIndex  the parent GPU's index as nvidia-smi numbers it
 * @param device    the MIG device's index on its GPU ({@code MIG 3g.20gb Device 0} of {@code nvidia-smi -L})
 * @param profile   e.g. "3g.20gb": compute slices and the memory in GB
 * @param uuid      e.g. "MIG-0929581a-…", what {@code CUDA_VISIBLE_DEVICES} names it by; null when not listed
 * @param totalMiB  the slice's memory, or {@value GpuInfo#UNKNOWN}
 * @param usedMiB   memory in use in the slice, or {@value GpuInfo#UNKNOWN}
 * @param estimated true when the total is read from the profile's name, not from nvidia-smi's table
 */
public record MigSlice(int gpuIndex, int device, String profile, String uuid, long totalMiB, long usedMiB,
                       boolean estimated) {

    public MigSlice {
        Objects.requireNonNull(profile, "profile");
        totalMiB = Math.max(totalMiB, GpuInfo.UNKNOWN);
        usedMiB = Math.max(usedMiB, GpuInfo.UNKNOWN);
    }

    /** The memory a model could use in the slice now: total less used when both are known, else the total. */
    public long usableMiB() {
        if (totalMiB == GpuInfo.UNKNOWN) {
            return GpuInfo.UNKNOWN;
        }
        return usedMiB == GpuInfo.UNKNOWN ? totalMiB : Math.max(0, totalMiB - usedMiB);
    }

    /** "MIG 3g.20gb device 0 of GPU 0", as an operator finds it in {@code nvidia-smi -L}. */
    public String label() {
        return "MIG " + profile + " device " + device + " of GPU " + gpuIndex;
    }
}
