package dev.healdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** bench --only=cli starts the packaged floor with the JVM options the image's launcher gives a short command. */
class CliStartBenchmarkTest {

    @TempDir
    Path image;

    @Test
    void theFloorTakesTheOptionsTheImageListsOneALine() throws Exception {
        Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(image.resolve("lib/app/healdesk-cli.jvm-options"),
                "-XX:+UnlockDiagnosticVMOptions\n-XX:ArchiveRelocationMode=0\n\n-Xms16m\n");
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-Xms16m"),
                CliStartBenchmark.shortCommandOptions(image));
    }

    @Test
    void anImageWithoutTheListGivesTheFloorNoOptions() throws Exception {
        assertEquals(List.of(), CliStartBenchmark.shortCommandOptions(image));
    }
}
