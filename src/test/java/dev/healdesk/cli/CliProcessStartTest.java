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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a CLI process loads to run one command, through the real entry point ({@code dev.healdesk.Launcher}) in its own
 * JVM: what the command needs, not Logback for a command that logs nothing nor a database driver it does not use.
 */
class CliProcessStartTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

    @TempDir
    Path dir;

    @Test
    void aHistoryCommandThatLogsNothingStartsNeitherLogbackNorThePostgresqlDriver() throws Exception {
        Path db = Files.createFile(dir.resolve("history.db"));   // empty: a database with no runs yet
        Path log = dir.resolve("class-load.txt");
        BoundedProcess.Result r = BoundedProcess.run(List.of(JAVA, "-Xlog:class+load=info:file=" + log,
                        "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher", "history"),
                Duration.ofMinutes(2), dir, Map.of("HEALDESK_DB", db.toString(),
                        "HEALDESK_CONFIG_DIR", dir.resolve("config").toString(), "HEALDESK_LOG_LEVEL", "WARN"));

        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("No runs stored in"), r.stdout());
        assertEquals("", r.stderr(), "a command that went well and logged nothing writes nothing on standard error");
        List<String> loaded;
        try (Stream<String> lines = Files.lines(log)) {
            loaded = lines.filter(l -> l.contains("[class,load] ")).map(l -> l.split("\\[class,load\\] ", 2)[1])
                    .map(l -> l.split(" ", 2)[0]).toList();
        }
        // SQLite was opened and asked for its logger: the absence below is not for want of trying
        assertTrue(loaded.contains("org.sqlite.JDBC"), "SQLite's driver was not loaded");
        assertTrue(loaded.contains("dev.healdesk.core.redact.DeferredLogback"), "no logger was asked for");
        // (Logback's Level is how the levels of the set-up are named; it is one small class, and starts nothing)
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("ch.qos.logback."))
                .filter(c -> !c.equals("ch.qos.logback.classic.Level")).toList());
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("org.postgresql.")).toList());
    }
}
