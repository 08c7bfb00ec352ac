package dev.healdesk.core.gpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The device-tree probe against real files holding what a Jetson's device tree holds (see the .source files). */
class TegraProbeTest {

    @TempDir
    Path dir;

    private Path file(String name, String fixture) throws IOException {
        return Files.writeString(dir.resolve(name), Fixtures.read(fixture));
    }

    @Test
    void aJetsonWithoutNvidiaSmiIsAUnifiedMemoryGpuNamedByItsDeviceTree() throws Exception {
        GpuReport report = new TegraProbe(file("model", "jetson-orin-device-tree-model"),
                file("compatible", "jetson-orin-device-tree-compatible")).probe();

        assertThat(report.cpuOnly()).isFalse();
        assertThat(report.source()).isEqualTo(TegraProbe.DEVICE_TREE);
        GpuInfo gpu = report.gpus().get(0);
        assertThat(gpu.name()).isEqualTo("NVIDIA Jetson AGX Orin Developer Kit");
        assertThat(gpu.unifiedMemory()).isTrue();
        assertThat(List.of(gpu.totalMiB(), gpu.usedMiB(), gpu.freeMiB())).containsOnly(GpuInfo.UNKNOWN);
        assertThat(report.notes().get(0)).contains("JetPack 5 and older ship none").contains("unified memory");
    }

    @Test
    void aModelWithoutJetsonInItIsStillFoundByTheTegraInCompatible() throws Exception {
        Path model = Files.writeString(dir.resolve("model"), "");
        GpuReport report = new TegraProbe(model, file("compatible", "jetson-orin-device-tree-compatible")).probe();

        assertThat(report.gpus()).extracting(GpuInfo::name).containsExactly("NVIDIA Tegra (tegra234)");
    }

    @Test
    void anyOtherMachineIsSilentlyCpuOnly() throws Exception {
        GpuReport missing = new TegraProbe(dir.resolve("no-model"), dir.resolve("no-compatible")).probe();
        assertThat(missing.cpuOnly()).isTrue();
        assertThat(missing.notes()).isEmpty();

        Path other = Files.writeString(dir.resolve("model"), "Some ARM board\0");
        assertThat(new TegraProbe(other, dir.resolve("no-compatible")).probe().cpuOnly()).isTrue();
    }

    @Test
    void theDetectorFallsToTheDeviceTreeWhenNvidiaSmiIsMissingAndAddsTheSystemMemory() throws Exception {
        TegraProbe tegra = new TegraProbe(file("model", "jetson-orin-device-tree-model"),
                file("compatible", "jetson-orin-device-tree-compatible"));
        SystemMemory memory = new SystemMemory(62_841, 51_200);
        GpuReport report = new GpuDetector(new NvidiaSmiProbe("healdesk-test-no-such-nvidia-smi",
                NvidiaSmiProbe.DEFAULT_TIMEOUT), tegra.orElse(() -> GpuReport.cpuOnly(List.of("OSHI: none"))),
                () -> java.util.Optional.of(memory)).probe();

        assertThat(report.source()).isEqualTo(TegraProbe.DEVICE_TREE);
        assertThat(report.systemMemory()).isEqualTo(memory);
        assertThat(report.notes().get(0)).startsWith("nvidia-smi not found on PATH");
        assertThat(report.notes().get(1)).startsWith("Found NVIDIA Jetson AGX Orin Developer Kit in the device tree");
    }
}
