package dev.healdesk.core.gpu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuDetectorTest {

    private static final GpuInfo RTX_4090 = new GpuInfo(0, "NVIDIA GeForce RTX 4090", 24564, 1024, 23148,
            "550.54.14", GpuInfo.NVIDIA_SMI, false, null);
    private static final GpuInfo OSHI_3090 = new GpuInfo(0, "GA102 [GeForce RTX 3090]", 256, GpuInfo.UNKNOWN,
            GpuInfo.UNKNOWN, null, GpuInfo.OSHI, true, null);
    private static final String NOT_FOUND = "nvidia-smi not found on PATH: install the NVIDIA driver";

    @Test
    void thePrimarysGpusWinAndTheFallbackIsNotAsked() {
        GpuReport smi = new GpuReport(List.of(RTX_4090), GpuInfo.NVIDIA_SMI, List.of("a note"));
        AtomicInteger fallbackCalls = new AtomicInteger();
        GpuReport report = new GpuDetector(() -> smi, () -> {
            fallbackCalls.incrementAndGet();
            return GpuReport.cpuOnly(List.of());
        }).probe();
        assertSame(smi, report);
        assertEquals(0, fallbackCalls.get());
    }

    @Test
    void theFallbackAnswersWithThePrimarysNotesFirst() {
        GpuReport report = new GpuDetector(() -> GpuReport.cpuOnly(List.of(NOT_FOUND)),
                () -> new GpuReport(List.of(OSHI_3090), GpuInfo.OSHI, List.of(OshiGpuProbe.APPROXIMATE_NOTE))).probe();
        assertEquals(List.of(OSHI_3090), report.gpus());
        assertEquals("oshi", report.source());
        assertEquals(List.of(NOT_FOUND, OshiGpuProbe.APPROXIMATE_NOTE), report.notes());
    }

    @Test
    void neitherFindsAGpuSoTheReportSaysCpuOnlyPlainly() {
        GpuReport report = new GpuDetector(() -> GpuReport.cpuOnly(List.of(NOT_FOUND)),
                () -> GpuReport.cpuOnly(List.of("OSHI found no NVIDIA graphics card."))).probe();
        assertTrue(report.cpuOnly());
        assertEquals("none", report.source());
        assertEquals(List.of(NOT_FOUND, "OSHI found no NVIDIA graphics card.",
                "No NVIDIA GPU found: models run on the CPU, slowly; pick a small model such as llama3.2."),
                report.notes());
    }

    @Test
    void aProbeThatThrowsAnywayCountsAsFindingNothing() {
        GpuReport report = new GpuDetector(() -> {
            throw new IllegalStateException("boom");
        }, () -> null).probe();
        assertTrue(report.cpuOnly());
        assertEquals(3, report.notes().size(), report.notes().toString());
        assertTrue(report.notes().get(0).contains("boom"), report.notes().get(0));
        assertTrue(report.notes().get(1).contains("returned null"), report.notes().get(1));
        assertEquals(GpuDetector.CPU_ONLY_NOTE, report.notes().get(2));
    }
}
