package dev.healdesk.app.hardware;

import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.gpu.OshiGpuProbe;
import dev.healdesk.core.llm.ModelPicker;

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
 */
public record GpuCard(String name, String title, double usedFraction, String freeText, String usageText,
                      String mibText, String driverText, String sourceText, boolean approximate, boolean migEnabled,
                      String note) {

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
                oshi ? "OSHI" : gpu.source(), gpu.approximate(), gpu.migEnabled(), note);
    }

    private static String mib(long value) {
        return value == GpuInfo.UNKNOWN ? "?" : String.format(Locale.ROOT, "%,d", value);
    }
}
