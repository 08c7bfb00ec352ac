package dev.healdesk.core.gpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds a Jetson by its device tree, for JetPack 5 and older, which ship no {@code nvidia-smi}, and whose GPU is not on
 * PCI, so OSHI does not list it either. The Jetson's GPU shares the system memory (unified memory), so the report's
 * figures come from {@link SystemMemory}.
 * <p>
 * Reads {@code /proc/device-tree/model} (e.g. "NVIDIA Jetson AGX Orin Developer Kit"; JetPack 5 writes some without
 * "NVIDIA") and {@code /proc/device-tree/compatible} (e.g. "nvidia,p3737-0000+p3701-0000…nvidia,tegra234"). On any
 * other machine the files are missing or name another board, and the report is empty and silent.
 */
public final class TegraProbe implements GpuProbe {
    /** {@link GpuInfo#source()} of a GPU found in the device tree. */
    public static final String DEVICE_TREE = "device tree";

    private static final Logger LOG = LoggerFactory.getLogger(TegraProbe.class);

    private final Path model;
    private final Path compatible;

    public TegraProbe() {
        this(Path.of("/proc/device-tree/model"), Path.of("/proc/device-tree/compatible"));
    }

    /** For tests: the device tree's model and compatible files. */
    TegraProbe(Path model, Path compatible) {
        this.model = Objects.requireNonNull(model, "model");
        this.compatible = Objects.requireNonNull(compatible, "compatible");
    }

    @Override
    public GpuReport probe() {
        String board = read(model);
        String chips = read(compatible).toLowerCase(Locale.ROOT);
        boolean jetson = board.toLowerCase(Locale.ROOT).contains("jetson") || chips.contains("nvidia,tegra");
        if (!jetson) {
            return GpuReport.cpuOnly(List.of());
        }
        String name = board.isBlank() ? "NVIDIA Tegra (" + chips.substring(chips.indexOf("nvidia,tegra") + 7)
                .split("[\\s,]")[0] + ")" : board;
        LOG.info("Jetson found in the device tree: {}", name);
        GpuInfo gpu = new GpuInfo(0, name, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, null, DEVICE_TREE, false,
                null, null, true, List.of());
        return new GpuReport(List.of(gpu), DEVICE_TREE, List.of("Found " + name + " in the device tree (" + model
                + "): a Jetson without nvidia-smi (JetPack 5 and older ship none). Its GPU shares the system memory"
                + " (unified memory), so models are sized by the system memory available."));
    }

    /** The file's text without the device tree's NUL separators; empty when it cannot be read. */
    private static String read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ').strip() : "";
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
