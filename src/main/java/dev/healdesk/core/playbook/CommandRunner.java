package dev.healdesk.core.playbook;

import dev.healdesk.core.process.BoundedProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The one way playbooks run programs: an argument vector (never a shell string), a timeout after which the
 * program and its children are killed, output captured and redacted before anyone records it. Every call is
 * remembered for the audit trail.
 */
public final class CommandRunner {

    /** One finished call. {@code timedOut} calls have exit code -1. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
                         long durationMs) {
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** stdout and stderr together, for logs and messages. */
        public String output() {
            return (stdout + (stderr.isEmpty() ? "" : (stdout.isEmpty() ? "" : "\n") + stderr)).strip();
        }
    }

    /**
     * Asked before each program starts, with its argument vector; it throws to refuse it (the executor's
     * guardrails count every command with an effect here, see {@link Effects}).
     */
    @FunctionalInterface
    public interface Guard {
        void check(List<String> argv) throws PlaybookException;

        Guard NONE = argv -> { };
    }

    private final Duration defaultTimeout;
    private final Guard guard;
    private final UnaryOperator<String> redact;
    private final Map<String, String> extraEnv;
    private final List<Result> history = new ArrayList<>();

    /**
     * @param redact   applied to everything the programs print before it is kept
     * @param extraEnv added to the inherited environment of every program (tests put stand-ins on PATH so)
     */
    public CommandRunner(Duration defaultTimeout, UnaryOperator<String> redact, Map<String, String> extraEnv) {
        this(defaultTimeout, redact, extraEnv, Guard.NONE);
    }

    /** @param guard asked before every program starts; what it refuses is never run */
    public CommandRunner(Duration defaultTimeout, UnaryOperator<String> redact, Map<String, String> extraEnv,
                         Guard guard) {
        this.guard = guard;
        this.defaultTimeout = defaultTimeout;
        this.redact = redact;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** The timeout of {@link #run(List)}, for playbooks whose settings give none. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    public Result run(List<String> argv) throws PlaybookException {
        return run(argv, defaultTimeout, null);
    }

    /**
     * @throws PlaybookException when the program is not found or cannot start (the message says which and what to
     *                           do); a non-zero exit or a timeout is a {@link Result}, not an exception
     */
    public Result run(List<String> argv, Duration timeout, Path workdir) throws PlaybookException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, locate(argv.get(0)).map(Path::toString).orElseThrow(() -> new PlaybookException(argv.get(0)
                + " is not on the PATH: install it or put it on the PATH, or configure another strategy in the"
                + " target file's playbooks.")));
        guard.check(List.copyOf(argv));
        long t0 = System.nanoTime();
        Result result;
        try {
            BoundedProcess.Result r = BoundedProcess.run(resolved, timeout, workdir, extraEnv);
            result = new Result(List.copyOf(argv), r.exitCode(), redact.apply(r.stdout()), redact.apply(r.stderr()),
                    false, (System.nanoTime() - t0) / 1_000_000);
        } catch (TimeoutException e) {
            result = new Result(List.copyOf(argv), -1, "", argv.get(0) + " did not finish within "
                    + timeout.toSeconds() + " s and was stopped", true, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new PlaybookException(argv.get(0) + " cannot be run (" + e.getMessage() + "): install it or put it"
                    + " on the PATH, or configure another strategy in the target file's playbooks.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaybookException(argv.get(0) + " was interrupted (run cancelled)", e);
        }
        synchronized (history) {
            history.add(result);
        }
        return result;
    }

    /** Whether {@code program} is found on the PATH the programs get (for preflight). */
    public boolean onPath(String program) {
        return locate(program).isPresent();
    }

    /**
     * {@code program} as found on the PATH the programs get. Looked up here because the JDK looks a bare name up on
     * Healdesk's own PATH, not the child's: a PATH in {@code extraEnv} (stand-ins in tests) would be ignored, and
     * the real program run. A name with a '/' is a path.
     */
    private Optional<Path> locate(String program) {
        if (program.contains("/")) {
            return Optional.of(Path.of(program)).filter(java.nio.file.Files::isExecutable);
        }
        String path = extraEnv.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }

    /** Every call made so far, in order. */
    public List<Result> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
