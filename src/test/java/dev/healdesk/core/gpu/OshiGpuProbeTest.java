package dev.healdesk.core.gpu;

import org.junit.jupiter.api.Test;
import oshi.hardware.GraphicsCard;
import oshi.hardware.common.AbstractGraphicsCard;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OshiGpuProbeTest {

    /** A card as OSHI's Linux code builds it from lspci (OSHI's own base class, with the values it would read). */
    private static GraphicsCard card(String name, String vendor, long vramBytes) {
        return new AbstractGraphicsCard(name, "0x2204", vendor, "unknown", vramBytes) {
        };
    }

    @Test
    void onThisMachineItAnswersAndMarksAnyGpuApproximate() {
        GpuReport report = new OshiGpuProbe().probe();
        if (report.cpuOnly()) {
            assertEquals("none", report.source());
            assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("OSHI found no NVIDIA graphics card")),
                    report.notes().toString());
        } else {
            assertEquals("oshi", report.source());
            report.gpus().forEach(gpu -> assertTrue(gpu.approximate(), gpu.toString()));
            assertTrue(report.notes().contains(OshiGpuProbe.APPROXIMATE_NOTE), report.notes().toString());
        }
    }

    @Test
    void onlyNvidiaCardsCountAndTheirFiguresAreApproximate() {
        GpuReport report = new OshiGpuProbe(() -> List.of(
                card("UHD Graphics 630", "Intel Corporation (0x8086)", 256L << 20),
                card("GA102 [GeForce RTX 3090]", "NVIDIA Corporation (0x10de)", 256L << 20),
                card("AD102 [GeForce RTX 4090]", "0x10de", 0))).probe();

        assertEquals("oshi", report.source());
        assertEquals(List.of(
                new GpuInfo(0, "GA102 [GeForce RTX 3090]", 256, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, null, "oshi", true,
                        null),
                new GpuInfo(1, "AD102 [GeForce RTX 4090]", GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, null,
                        "oshi", true, null)), report.gpus());
        assertEquals(List.of("Not counted for models (Healdesk sizes models for NVIDIA GPUs only): UHD Graphics 630"
                + " (Intel Corporation (0x8086)).", OshiGpuProbe.APPROXIMATE_NOTE), report.notes());
        assertTrue(OshiGpuProbe.APPROXIMATE_NOTE.startsWith("OSHI's VRAM figure is approximate on Linux"));
    }

    @Test
    void noNvidiaCardIsCpuOnly() {
        GpuReport report = new OshiGpuProbe(() -> List.of(card("Navi 21", "Advanced Micro Devices, Inc. [AMD/ATI]",
                16L << 30))).probe();
        assertTrue(report.cpuOnly());
        assertEquals(2, report.notes().size(), report.notes().toString());
        assertTrue(report.notes().get(0).contains("Navi 21"), report.notes().get(0));
        assertTrue(report.notes().get(1).startsWith("OSHI found no NVIDIA graphics card"), report.notes().get(1));
    }

    @Test
    void oshisAllUnknownPlaceholderCardIsNotNamed() {
        // what OSHI 6.6.5 returns on Linux when neither lspci nor lshw is installed
        GpuReport report = new OshiGpuProbe(() -> List.of(card("unknown", "unknown", 0))).probe();
        assertTrue(report.cpuOnly());
        assertEquals(1, report.notes().size(), report.notes().toString());
        assertTrue(report.notes().get(0).startsWith("OSHI found no NVIDIA graphics card"), report.notes().get(0));
    }

    @Test
    void anOshiFailureIsANoteNotACrash() {
        GpuReport report = new OshiGpuProbe(() -> {
            throw new UnsatisfiedLinkError("jnidispatch");
        }).probe();
        assertTrue(report.cpuOnly());
        assertTrue(report.notes().get(0).startsWith("OSHI could not list the graphics cards"), report.notes().get(0));
        assertTrue(report.notes().get(0).contains("jnidispatch"), report.notes().get(0));
    }
}
