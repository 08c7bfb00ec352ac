package dev.healdesk.core.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The machine a run is recorded on: the kernel's host name where Linux gives one, read as Files.readString read it. */
class ProvenanceHostNameTest {

    @Test
    void theKernelsHostNameAsFilesReadsIt() throws Exception {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        String name = Provenance.hostName(Map.of("HOSTNAME", "from-the-environment"));
        if (Files.isReadable(kernel) && !Files.readString(kernel).isBlank()) {
            assertEquals(Files.readString(kernel).strip(), name);
        } else {
            // elsewhere the one Java resolves, else the environment's
            assertFalse(name.isBlank());
        }
        assertEquals(name, Provenance.detect(Map.of(), Provenance.Origin.CLI).machine());
    }
}
