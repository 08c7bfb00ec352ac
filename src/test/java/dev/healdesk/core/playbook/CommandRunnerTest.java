package dev.healdesk.core.playbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PATH a runner gives its programs is the one their names are looked up on. */
class CommandRunnerTest {

    @TempDir
    Path dir;

    @Test
    void aStandInFirstOnTheProgramsPathIsTheOneThatRuns() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path standIn = bin.resolve("uname");
        Files.writeString(standIn, "#!/bin/bash\necho stand-in \"$@\"\n");
        assertTrue(standIn.toFile().setExecutable(true));
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(5), s -> s,
                Map.of("PATH", bin + ":" + System.getenv("PATH")));

        CommandRunner.Result result = runner.run(List.of("uname", "-a"));

        assertEquals("stand-in -a", result.stdout().strip(), "the JDK alone would run /usr/bin/uname");
        assertEquals(List.of("uname", "-a"), result.command());
    }

    @Test
    void aProgramMissingFromTheProgramsPathIsNotRunFromHealdesksOwn() {
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(5), s -> s,
                Map.of("PATH", dir.resolve("empty").toString()));

        PlaybookException e = assertThrows(PlaybookException.class, () -> runner.run(List.of("uname")));
        assertTrue(e.getMessage().startsWith("uname is not on the PATH"), e.getMessage());
        assertEquals(List.of(), runner.history());
    }
}
