package dev.healdesk.core.gpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the probe against real processes: small bash scripts standing in for nvidia-smi. */
class NvidiaSmiProbeTest {

    @TempDir
    Path dir;

    /** A stand-in nvidia-smi: records its arguments to args.txt, then runs {@code body}. */
    private Path standIn(String body) throws IOException {
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/bash\nprintf '%s\\n' \"$@\" > '" + dir.resolve("args.txt") + "'\n" + body
                + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    /** A stand-in that prints a fixture and exits with {@code exitCode}. */
    private Path printing(String fixture, int exitCode) throws IOException {
        Path output = dir.resolve(fixture);
        Files.writeString(output, Fixtures.read(fixture));
        return standIn("cat '" + output + "'\nexit " + exitCode);
    }

    private static GpuReport probe(Path executable, Duration timeout) {
        return new NvidiaSmiProbe(executable.toString(), timeout).probe();
    }

    @Test
    void passesTheQueryAsAnArgumentVectorAndReportsEveryGpu() throws Exception {
        GpuReport report = probe(printing("multi-gpu.csv", 0), NvidiaSmiProbe.DEFAULT_TIMEOUT);

        assertEquals(List.of(
                        "--query-gpu=index,name,uuid,memory.total,memory.used,memory.free,driver_version,"
                                + "mig.mode.current",
                        "--format=csv,nounits"),
                Files.readAllLines(dir.resolve("args.txt")));
        assertEquals("nvidia-smi", report.source());
        assertFalse(report.cpuOnly());
        assertEquals(3, report.gpus().size());
        assertEquals(Optional.of("NVIDIA RTX A6000"), report.best().map(GpuInfo::name));
        assertEquals(List.of(), report.notes());
    }

    @Test
    void parseNotesReachTheReport() throws Exception {
        GpuReport report = probe(printing("a100-mig.csv", 0), NvidiaSmiProbe.DEFAULT_TIMEOUT);
        assertEquals(2, report.gpus().size());
        assertEquals(1, report.notes().size(), report.notes().toString());
        assertTrue(report.notes().get(0).contains("has MIG enabled"), report.notes().get(0));
    }

    @Test
    void driverFailureBecomesANoteWithNvidiaSmisOwnWords() throws Exception {
        GpuReport report = probe(printing("driver-failed.txt", 9), NvidiaSmiProbe.DEFAULT_TIMEOUT);

        assertTrue(report.cpuOnly());
        assertEquals("none", report.source());
        assertEquals(1, report.notes().size(), report.notes().toString());
        String note = report.notes().get(0);
        assertTrue(note.startsWith("nvidia-smi failed (exit 9): NVIDIA-SMI has failed because it couldn't communicate"
                + " with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running."), note);
        assertTrue(note.contains("To fix:"), note);
    }

    @Test
    void stderrIsQuotedBeforeStdoutOnAFailure() throws Exception {
        GpuReport report = probe(standIn("echo 'partial' \necho 'No devices were found' >&2\nexit 6"),
                NvidiaSmiProbe.DEFAULT_TIMEOUT);
        assertTrue(report.cpuOnly());
        assertTrue(report.notes().get(0).startsWith("nvidia-smi failed (exit 6): No devices were found."),
                report.notes().get(0));
    }

    @Test
    void successWithoutRowsIsCpuOnly() throws Exception {
        GpuReport report = probe(standIn("exit 0"), NvidiaSmiProbe.DEFAULT_TIMEOUT);
        assertTrue(report.cpuOnly());
        assertEquals(List.of("nvidia-smi ran but listed no GPU."), report.notes());
    }

    @Test
    void aChattyStderrCannotBlockTheProbe() throws Exception {
        Path output = dir.resolve("rtx4090.csv");
        Files.writeString(output, Fixtures.read("rtx4090.csv"));
        // 2 MiB on stderr: far more than a pipe buffer holds, so an unread stderr would block the script
        Path script = standIn("head -c 2097152 /dev/zero | tr '\\0' 'x' >&2\ncat '" + output + "'");

        GpuReport report = probe(script, NvidiaSmiProbe.DEFAULT_TIMEOUT);

        assertEquals(List.of("NVIDIA GeForce RTX 4090"), report.gpus().stream().map(GpuInfo::name).toList(),
                report.notes().toString());
    }

    @Test
    void aHangIsCutOffAndTheProcessTreeKilled() throws Exception {
        Path pid = dir.resolve("pid");
        Path childPid = dir.resolve("child.pid");
        Path script = standIn("echo $$ > '" + pid + "'\nsleep 60 &\necho $! > '" + childPid + "'\nwait");

        long start = System.nanoTime();
        GpuReport report = probe(script, Duration.ofMillis(1000));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
        assertTrue(report.cpuOnly());
        assertEquals(1, report.notes().size(), report.notes().toString());
        assertTrue(report.notes().get(0).startsWith("nvidia-smi did not answer within 1 s and was stopped"),
                report.notes().get(0));
        for (Path file : List.of(pid, childPid)) {
            long processId = Long.parseLong(Files.readString(file).strip());
            assertFalse(ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false),
                    file.getFileName() + " " + processId + " is still alive");
        }
    }

    @Test
    void aMissingBinaryOnPathSaysToInstallTheDriver() {
        GpuReport report = new NvidiaSmiProbe("healdesk-test-no-such-nvidia-smi", NvidiaSmiProbe.DEFAULT_TIMEOUT)
                .probe();
        assertTrue(report.cpuOnly());
        String note = report.notes().get(0);
        assertTrue(note.startsWith("nvidia-smi not found on PATH ("), note);
        assertTrue(note.contains("install the NVIDIA driver"), note);
    }

    @Test
    void aMissingOrNonExecutablePathIsNamed() throws Exception {
        Path missing = dir.resolve("bin/nvidia-smi");
        Path notExecutable = Files.writeString(dir.resolve("nvidia-smi.txt"), "not a program");
        for (Path path : List.of(missing, notExecutable)) {
            GpuReport report = probe(path, NvidiaSmiProbe.DEFAULT_TIMEOUT);
            assertTrue(report.cpuOnly());
            assertTrue(report.notes().get(0).startsWith("nvidia-smi could not be started from " + path + " ("),
                    report.notes().get(0));
        }
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new NvidiaSmiProbe("nvidia-smi", Duration.ZERO));
    }
}
