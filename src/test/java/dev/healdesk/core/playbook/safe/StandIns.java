package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stand-in executables (bash scripts in a bin/ folder put first on the programs' PATH) that record every call, one
 * argument a line and a separator after each call, then do what the test says; and contexts that use them. The
 * real docker and kubectl on this machine are never reached: the runner looks programs up on this PATH only.
 */
final class StandIns {
    private static final String END_OF_CALL = "--end-of-call--";

    final Path bin;
    private final Path calls;

    StandIns(Path dir) throws IOException {
        this.bin = Files.createDirectories(dir.resolve("bin"));
        this.calls = dir.resolve("calls.txt");
    }

    /** A stand-in {@code program} that records its call, then runs {@code body} (bash). */
    StandIns add(String program, String body) throws IOException {
        Path script = bin.resolve(program);
        Files.writeString(script, "#!/bin/bash\n"
                + "printf '%s\\n' \"$(/usr/bin/basename \"$0\")\" \"$@\" '" + END_OF_CALL + "' >> '" + calls + "'\n"
                + body + "\n");
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return this;
    }

    /** Every recorded call, program first, in order. */
    List<List<String>> calls() throws IOException {
        List<List<String>> all = new ArrayList<>();
        if (!Files.exists(calls)) {
            return all;
        }
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(calls)) {
            if (line.equals(END_OF_CALL)) {
                all.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(line);
            }
        }
        return all;
    }

    /** A runner whose programs see the stand-ins first on their PATH. */
    CommandRunner runner() {
        return new CommandRunner(Duration.ofSeconds(10), s -> s, Map.of("PATH", bin + ":" + System.getenv("PATH")));
    }

    static PlaybookContext context(String message, Map<String, Object> settings, Map<String, String> env,
                                   CommandRunner runner, Path runFolder) {
        TestResult test = TestResult.failed("db/orders", "api", "orders load", 120, message, null, List.of());
        FailureGroup group = new FailureGroup("f1", new Classification("docker-container-missing",
                "Container missing", Category.INFRA, Severity.CRITICAL, FixClass.A, "start-container"),
                List.of(test), message, "");
        return new PlaybookContext("run-1", group, Optional.empty(), settings, env, runner, runFolder,
                TargetControl.none("shop"), Clock.systemUTC());
    }
}
