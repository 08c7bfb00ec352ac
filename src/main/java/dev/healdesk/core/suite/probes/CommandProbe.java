package dev.healdesk.core.suite.probes;

import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.suite.ProbeCheck;
import dev.healdesk.core.suite.ProbeContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A {@code command} check: the program runs as {@link BoundedProcess} runs it, with its arguments as given (no shell
 * ever sees them or the output), killed with its children when it overstays. The failure names the program as the
 * file wrote it (variables unresolved), the exit code and the end of what it printed.
 */
final class CommandProbe implements ProbeCheck {

    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    private static final int TAIL_LINES = 20;
    private static final int TAIL_CHARS = 2000;

    private final CheckSpec.Command spec;
    private final Path workdir;
    private final Variables vars;

    CommandProbe(CheckSpec.Command spec, Path workdir, Variables vars) {
        this.spec = spec;
        this.workdir = workdir;
        this.vars = vars;
    }

    @Override
    public void check(ProbeContext ctx) throws InterruptedException {
        List<String> argv = spec.argv().stream().map(a -> vars.resolve(a, ctx.credentials())).toList();
        String shown = String.join(" ", spec.argv());
        Duration timeout = Duration.ofSeconds(spec.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS
                : spec.timeoutSeconds());
        int expected = spec.expectExit() == null ? 0 : spec.expectExit();
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(argv, timeout, workdir, Map.of());
        } catch (IOException e) {
            throw new AssertionError("Could not start `" + shown + "`: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new AssertionError("`" + shown + "` did not exit within " + timeout.toSeconds()
                    + " s; it and its children were killed");
        }
        String stdout = result.stdout().stripTrailing();
        String output = stdout + (stdout.isEmpty() || result.stderr().isEmpty() ? "" : "\n") + result.stderr();
        if (result.exitCode() != expected) {
            throw new AssertionError("Expected `" + shown + "` to exit with " + expected + " but it exited with "
                    + result.exitCode() + "; its output ends with:\n" + tail(output));
        }
        if (spec.outputContains() != null && !output.contains(spec.outputContains())) {
            throw new AssertionError("Expected the output of `" + shown + "` to contain \"" + spec.outputContains()
                    + "\" but it ends with:\n" + tail(output));
        }
    }

    static String tail(String output) {
        String text = output.strip();
        if (text.isEmpty()) {
            return "(no output)";
        }
        List<String> lines = text.lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return tail.length() <= TAIL_CHARS ? tail : "…" + tail.substring(tail.length() - TAIL_CHARS);
    }
}
