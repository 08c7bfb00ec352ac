package dev.healdesk.core.gpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NvidiaSmiParseTest {

    /** The header of the columns the older fixtures hold (no uuid): the parser reads columns by these names. */
    private static final String OLD_HEADER = "index, name, memory.total [MiB], memory.used [MiB], memory.free [MiB],"
            + " driver_version, mig.mode.current\n";

    @Test
    void singleGeForceWithMigNotApplicable() {
        NvidiaSmiProbe.Parsed parsed = NvidiaSmiProbe.parse(Fixtures.read("rtx4090.csv"));
        assertEquals(List.of(new GpuInfo(0, "NVIDIA GeForce RTX 4090", 24564, 1024, 23148, "550.54.14",
                "nvidia-smi", false, null)), parsed.gpus());
        assertEquals(List.of(), parsed.notes());
        assertEquals(23148, parsed.gpus().get(0).usableMiB());
    }

    @Test
    void h100() {
        GpuInfo gpu = NvidiaSmiProbe.parse(Fixtures.read("h100.csv")).gpus().get(0);
        assertEquals("NVIDIA H100 80GB HBM3", gpu.name());
        assertEquals(81559, gpu.totalMiB());
        assertEquals(81080, gpu.usableMiB());
        assertEquals("Disabled", gpu.migMode());
        assertEquals("550.90.07", gpu.driverVersion());
    }

    @Test
    void everyGpuOfAMultiGpuBox() {
        List<GpuInfo> gpus = NvidiaSmiProbe.parse(Fixtures.read("multi-gpu.csv")).gpus();
        assertEquals(List.of(0, 1, 2), gpus.stream().map(GpuInfo::index).toList());
        assertEquals(List.of("NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 3090", "NVIDIA RTX A6000"),
                gpus.stream().map(GpuInfo::name).toList());
        assertEquals(List.of(6247L, 24253L, 48662L), gpus.stream().map(GpuInfo::usableMiB).toList());
    }

    @Test
    void migEnabledKeepsTheCardsFreeMemoryAndAGpuWithoutMigDevicesIsNamed() {
        NvidiaSmiProbe.Parsed parsed = NvidiaSmiProbe.parse(Fixtures.read("a100-mig.csv"));
        GpuInfo mig = parsed.gpus().get(0);
        assertTrue(mig.migEnabled());
        assertEquals(40326, mig.usableMiB());
        assertFalse(parsed.gpus().get(1).migEnabled());
        assertEquals(List.of(), parsed.notes());

        List<String> notes = new java.util.ArrayList<>();
        List<GpuInfo> withSlices = NvidiaSmiProbe.migSlices(parsed.gpus(),
                "GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-1)\nGPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-2)\n", "", notes);
        assertEquals(List.of(), withSlices.get(0).migSlices());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("GPU 0 (NVIDIA A100-SXM4-40GB) has MIG enabled but no MIG device"),
                notes.get(0));
    }

    @Test
    void notApplicableMemoryFieldsAreUnknownAndTheGuessIsExplained() {
        NvidiaSmiProbe.Parsed parsed = NvidiaSmiProbe.parse(Fixtures.read("na-memory.csv"));
        List<GpuInfo> gpus = parsed.gpus();
        assertEquals(3, gpus.size());

        GpuInfo onlyTotal = gpus.get(0);
        assertEquals(GpuInfo.UNKNOWN, onlyTotal.usedMiB());
        assertEquals(GpuInfo.UNKNOWN, onlyTotal.freeMiB());
        assertEquals(8192, onlyTotal.usableMiB());

        GpuInfo totalAndUsed = gpus.get(1);
        assertEquals(GpuInfo.UNKNOWN, totalAndUsed.freeMiB());
        assertEquals(11264 - 1370, totalAndUsed.usableMiB());

        GpuInfo nothing = gpus.get(2);
        assertEquals(GpuInfo.UNKNOWN, nothing.totalMiB());
        assertEquals(GpuInfo.UNKNOWN, nothing.usableMiB());
        assertEquals("535.154.05", nothing.driverVersion());
        assertTrue(nothing.unifiedMemory(), "no memory of its own: it shares the system's");
        assertFalse(onlyTotal.unifiedMemory());
        assertFalse(totalAndUsed.unifiedMemory());

        assertEquals(3, parsed.notes().size(), parsed.notes().toString());
        assertTrue(parsed.notes().get(0).contains("counting all its 8192 MiB as usable"), parsed.notes().get(0));
        assertTrue(parsed.notes().get(1).contains("total minus used, 9894 MiB"), parsed.notes().get(1));
        assertTrue(parsed.notes().get(2).startsWith("GPU 2 (NVIDIA Graphics Device) reports no memory of its own"),
                parsed.notes().get(2));
        assertTrue(parsed.notes().get(2).contains("unified memory"), parsed.notes().get(2));
    }

    @Test
    void crlfAndBlankLinesAreIgnored() {
        NvidiaSmiProbe.Parsed parsed = NvidiaSmiProbe.parse(OLD_HEADER.replace("\n", "\r\n")
                + "\r\n0, NVIDIA GeForce RTX 3090, 24576, 18034, 6247, 535.183.01, [N/A]\r\n\r\n"
                        + "1, NVIDIA RTX A6000, 49140, 1, 48662, 535.183.01, [N/A]\r\n   \r\n");
        assertEquals(List.of("NVIDIA GeForce RTX 3090", "NVIDIA RTX A6000"),
                parsed.gpus().stream().map(GpuInfo::name).toList());
        assertEquals("535.183.01", parsed.gpus().get(1).driverVersion());
        assertNull(parsed.gpus().get(1).migMode());
        assertEquals(List.of(), parsed.notes());
    }

    @Test
    void aNameWithACommaStaysWhole() {
        GpuInfo gpu = NvidiaSmiProbe.parse(OLD_HEADER + "3, NVIDIA Graphics Device, rev 2, 16384, 0, 15990, 550.54.14, Disabled")
                .gpus().get(0);
        assertEquals(3, gpu.index());
        assertEquals("NVIDIA Graphics Device, rev 2", gpu.name());
        assertEquals(15990, gpu.freeMiB());
    }

    @Test
    void garbageLinesAreSkippedWithANoteAndGoodLinesKept() {
        NvidiaSmiProbe.Parsed parsed = NvidiaSmiProbe.parse(OLD_HEADER + String.join("\n",
                "WARNING: infoROM is corrupted at gpu 0000:01:00.0",
                "0, NVIDIA GeForce RTX 4090, 24564, 1024, 23148, 550.54.14, [N/A]",
                "x, NVIDIA GeForce RTX 4090, 24564, 1024, 23148, 550.54.14, [N/A]",
                "1, NVIDIA GeForce RTX 4090, 24 GiB, 1024, 23148, 550.54.14, [N/A]",
                "2, Tesla K80, 11441, 0, 11372, 470.82.01",
                "3, , 24564, 1024, 23148, 550.54.14, [N/A]",
                "4, NVIDIA GeForce RTX 4090, -5, 1024, 23148, 550.54.14, [N/A]"));
        assertEquals(List.of(0), parsed.gpus().stream().map(GpuInfo::index).toList());
        assertEquals(6, parsed.notes().size(), parsed.notes().toString());
        assertEquals("Skipped a line of nvidia-smi output that is not a GPU row: "
                + "'WARNING: infoROM is corrupted at gpu 0000:01:00.0'.", parsed.notes().get(0));
        parsed.notes().forEach(note -> assertTrue(note.startsWith("Skipped a line"), note));
    }

    @Test
    void emptyOutputHasNoGpusAndNoNotes() {
        NvidiaSmiProbe.Parsed parsed = NvidiaSmiProbe.parse("\n");
        assertEquals(List.of(), parsed.gpus());
        assertEquals(List.of(), parsed.notes());
    }
}
