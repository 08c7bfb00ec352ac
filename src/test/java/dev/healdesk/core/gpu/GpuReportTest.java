package dev.healdesk.core.gpu;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuReportTest {

    private static GpuInfo gpu(int index, long total, long used, long free) {
        return new GpuInfo(index, "GPU" + index, total, used, free, "550.54.14", GpuInfo.NVIDIA_SMI, false, null);
    }

    @Test
    void usableIsFreeThenTotalMinusUsedThenTotal() {
        assertEquals(23148, gpu(0, 24564, 1024, 23148).usableMiB());
        assertEquals(23540, gpu(0, 24564, 1024, GpuInfo.UNKNOWN).usableMiB());
        assertEquals(24564, gpu(0, 24564, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN).usableMiB());
        assertEquals(GpuInfo.UNKNOWN, gpu(0, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN).usableMiB());
        assertEquals(5000, gpu(0, GpuInfo.UNKNOWN, 1024, 5000).usableMiB());
        assertEquals(0, gpu(0, 1000, 2000, GpuInfo.UNKNOWN).usableMiB());
    }

    @Test
    void anyNegativeFigureIsUnknown() {
        GpuInfo odd = gpu(0, -7, -2, -3);
        assertEquals(List.of(GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN),
                List.of(odd.totalMiB(), odd.usedMiB(), odd.freeMiB()));
    }

    @Test
    void bestHasTheMostUsableMemoryAndTheFirstWinsATie() {
        GpuReport report = new GpuReport(List.of(gpu(0, 24576, 18034, 6247), gpu(1, 49140, 1, 48662),
                gpu(2, 49140, 1, 48662)), GpuInfo.NVIDIA_SMI, List.of());
        assertEquals(Optional.of(1), report.best().map(GpuInfo::index));
        assertFalse(report.cpuOnly());
    }

    @Test
    void aGpuWithUnknownMemoryIsStillAGpu() {
        GpuReport report = new GpuReport(List.of(gpu(0, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN)),
                GpuInfo.NVIDIA_SMI, List.of());
        assertFalse(report.cpuOnly());
        assertEquals(Optional.of(0), report.best().map(GpuInfo::index));
    }

    @Test
    void cpuOnlyHasNoGpuAndKeepsItsNotes() {
        GpuReport report = GpuReport.cpuOnly(List.of("why"));
        assertTrue(report.cpuOnly());
        assertEquals(Optional.empty(), report.best());
        assertEquals("none", report.source());
        assertEquals(List.of("why"), report.notes());
    }

    @Test
    void theListsAreCopies() {
        List<String> notes = new ArrayList<>(List.of("a"));
        GpuReport report = new GpuReport(new ArrayList<>(), GpuReport.NONE, notes);
        notes.add("b");
        assertEquals(List.of("a"), report.notes());
    }

    @Test
    void migEnabledOnlyWhenNvidiaSmiSaysSo() {
        assertTrue(new GpuInfo(0, "A100", 40960, 37, 40326, null, GpuInfo.NVIDIA_SMI, false, "Enabled").migEnabled());
        assertFalse(new GpuInfo(0, "A100", 40960, 37, 40326, null, GpuInfo.NVIDIA_SMI, false, "Disabled").migEnabled());
        assertFalse(gpu(0, 1, 1, 1).migEnabled());
    }
}
