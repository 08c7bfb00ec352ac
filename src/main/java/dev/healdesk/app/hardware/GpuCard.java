package dev.healdesk.app.hardware;

import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.gpu.MigSlice;
import dev.healdesk.core.gpu.OshiGpuProbe;
import dev.healdesk.core.gpu.SystemMemory;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.VramBudget;

import java.util.List;
import java.util.Locale;

/**
 * One GPU as the Hardware screen shows it: the figures already written the way an operator reads them, so the
 * view only places them and a test can read them without a window.
 *
 * @param usedFraction used / total memory (0–1), or -1 when the source did not say how much is used
 * @param freeText     the figure that decides which model fits: "22.6 GB free", or what is known instead
 * @param usageText    "1 GB used of 24 GB"
 * @param mibText      the exact figures: "MiB: 1,024 used · 23,148 free · 24,564 total"
 * @param sourceText   "nvidia-smi" or "OSHI"
 * @param note         why the figures are not exact (OSHI's), or null
 * @param unifiedMemory true when the GPU shares the system memory: the figures are then the system's
 * @param basis        why the free figure is what it is (a unified-memory GPU's reserve), or null
 * @param migDevices   one line per MIG device: "MIG 3g.20gb device 0 · 19.5 GB free of 19.5 GB"
 */
public record GpuCard(String name, String title, double usedFraction, String freeText, String usageText,
                      String mibText, String driverText, String sourceText, boolean approximate, boolean migEnabled,
                      String note, boolean unifiedMemory, String basis, List<String> migDevices) {

    public GpuCard {
        migDevices = List.copyOf(migDevices);
    }

    /**
     * @param memory     the system's memory, which a unified-memory GPU shares (null when not known)
     * @param reserveMiB what a unified-memory GPU leaves to the desktop and the test run
     */
    static GpuCard of(GpuInfo gpu, SystemMemory memory, long reserveMiB) {
        if (gpu.unifiedMemory()) {
            return unified(gpu, memory, reserveMiB);
        }
        GpuCard card = of(gpu);
        List<String> slices = gpu.migSlices().stream().map(GpuCard::sliceLine).toList();
        return new GpuCard(card.name(), card.title(), card.usedFraction(), card.freeText(), card.usageText(),
                card.mibText(), card.driverText(), card.sourceText(), card.approximate(), card.migEnabled(),
                card.note(), false, slices.isEmpty() ? null : "A model runs inside one MIG device, with only that"
                + " device's memory:", slices);
    }

    private static String sliceLine(MigSlice m) {
        return m.label().replace(" of GPU " + m.gpuIndex(), "") + " · " + (m.usedMiB() == GpuInfo.UNKNOWN
                ? "about " + ModelPicker.gb(m.totalMiB()) + " (from its profile name)"
                : ModelPicker.gb(m.usableMiB()) + " free of " + ModelPicker.gb(m.totalMiB()))
                + (m.uuid() == null ? "" : " · " + m.uuid());
    }

    private static GpuCard unified(GpuInfo gpu, SystemMemory memory, long reserveMiB) {
        long room = VramBudget.unifiedRoomMiB(gpu, memory, reserveMiB);
        String free = room == GpuInfo.UNKNOWN ? "free memory unknown" : ModelPicker.gb(room) + " for a model";
        String usage = memory == null ? "shares the system memory, which could not be read"
                : "shares the system's " + ModelPicker.gb(memory.totalMiB()) + ": " + ModelPicker.gb(memory.usedMiB())
                + " in use";
        double fraction = memory == null || memory.totalMiB() == 0 ? -1
                : Math.min(1.0, (double) memory.usedMiB() / memory.totalMiB());
        String mib = memory == null ? "MiB: not reported by nvidia-smi ([N/A])"
                : "System MiB: " + mib(memory.usedMiB()) + " used · " + mib(memory.availableMiB()) + " available · "
                + mib(memory.totalMiB()) + " total";
        return new GpuCard(gpu.name(), "GPU " + gpu.index(), fraction, free, usage, mib,
                gpu.driverVersion() == null ? "Driver not reported" : "Driver " + gpu.driverVersion(),
                gpu.source(), false, gpu.migEnabled(), null, true,
                VramBudget.unifiedBasis(gpu, memory, reserveMiB) + ".", List.of());
    }

    static GpuCard of(GpuInfo gpu) {
        long total = gpu.totalMiB();
        long used = gpu.usedMiB();
        double fraction = total > 0 && used != GpuInfo.UNKNOWN ? Math.min(1.0, (double) used / total) : -1;
        long usable = gpu.usableMiB();
        String free;
        if (gpu.freeMiB() != GpuInfo.UNKNOWN) {
            free = ModelPicker.gb(gpu.freeMiB()) + " free";
        } else if (usable != GpuInfo.UNKNOWN) {
            free = "about " + ModelPicker.gb(usable) + " usable";
        } else {
            free = "free memory unknown";
        }
        String usage = total == GpuInfo.UNKNOWN ? "total memory not reported"
                : used == GpuInfo.UNKNOWN ? ModelPicker.gb(total) + " total; use not reported"
                : ModelPicker.gb(used) + " used of " + ModelPicker.gb(total);
        String mib = "MiB: " + mib(used) + " used · " + mib(gpu.freeMiB()) + " free · " + mib(total) + " total";
        boolean oshi = GpuInfo.OSHI.equals(gpu.source());
        // MIG is a badge: nvidia-smi's own note on it stays in the report's notes, shown below the cards.
        String note = gpu.approximate() ? OshiGpuProbe.APPROXIMATE_NOTE : null;
        return new GpuCard(gpu.name(), "GPU " + gpu.index(), fraction, free, usage, mib,
                gpu.driverVersion() == null ? "Driver not reported" : "Driver " + gpu.driverVersion(),
                oshi ? "OSHI" : gpu.source(), gpu.approximate(), gpu.migEnabled(), note, false, null, List.of());
    }

    private static String mib(long value) {
        return value == GpuInfo.UNKNOWN ? "?" : String.format(Locale.ROOT, "%,d", value);
    }
}
