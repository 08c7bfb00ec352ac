package dev.healdesk.core.gpu;

import java.util.ArrayList;
import java.util.List;

/** Opens the probe's parsers to tests in other packages (the model choice's), which read fixtures through them. */
public final class NvidiaSmiProbeAccess {
    private NvidiaSmiProbeAccess() {
    }

    public static List<GpuInfo> parse(String csv) {
        return NvidiaSmiProbe.parse(csv).gpus();
    }

    public static TegraProbe tegra(java.nio.file.Path model, java.nio.file.Path compatible) {
        return new TegraProbe(model, compatible);
    }

    public static List<GpuInfo> migSlices(List<GpuInfo> gpus, String listing, String table) {
        return NvidiaSmiProbe.migSlices(gpus, listing, table, new ArrayList<>());
    }
}
