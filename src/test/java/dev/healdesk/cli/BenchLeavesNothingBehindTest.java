package dev.healdesk.cli;

import dev.healdesk.core.process.BoundedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code healdesk bench} as a process whose temp folder is a fresh one: the figures come with their spread, the load
 * and the floor, and the temp folder is empty again afterwards (the cache bench writes a database there).
 */
class BenchLeavesNothingBehindTest {

    @Test
    void aCheapBenchPrintsMinMedianMaxAndTheLoadAndLeavesTheTempFolderEmpty(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        BoundedProcess.Result r = BoundedProcess.run(List.of(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                        System.getProperty("java.class.path"), "dev.healdesk.Launcher", "bench", "--only=triage,cache",
                        "--messages=2000"), Duration.ofMinutes(4), dir,
                Map.of("HEALDESK_RESULTS_DIR", dir.resolve("results").toString(),
                        "HEALDESK_CONFIG_DIR", dir.resolve("config").toString()));

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).containsPattern("triage: .* min [\\d,]+, median [\\d,]+, max [\\d,]+ messages/s over 11")
                .containsPattern("floor, SHA-256 of the same messages, right after each: min [\\d,]+, median [\\d,]+,"
                        + " max [\\d,]+ messages/s over 11")
                .containsPattern("triage / floor, each pair: min \\d+\\.\\d\\dx, median \\d+\\.\\d\\dx, max"
                        + " \\d+\\.\\d\\dx the floor's time over 11")
                .contains("cache: ")
                .containsPattern(Files.isReadable(Path.of("/proc/loadavg")) ? "load \\d+\\.\\d+ \\d+\\.\\d+"
                        : "load n/a");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("left in java.io.tmpdir").isEmpty();
        }
    }
}
