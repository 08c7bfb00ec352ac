package dev.healdesk.core.process;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a command-line tool with a time limit and captures what it prints.
 * <p>
 * Why not just {@code waitFor()}: a tool that hangs (nvidia-smi does, when the driver is wedged) would freeze the
 * caller; and a tool that fills the stderr pipe while nobody reads it blocks forever. So stdout and stderr are read
 * on their own threads while the caller waits, and on timeout the tool and everything it started are killed.
 */
public final class BoundedProcess {

    /** How much of each stream is kept; the rest is read and dropped, so a chatty tool cannot fill the memory. */
    public static final int MAX_KEPT_BYTES = 256 * 1024;
    /** How long to wait for killed processes to go, and for the readers to reach the end of the streams. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /** What a tool that exited printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private BoundedProcess() {
    }

    /**
     * @param command the program and its arguments, passed as they are (no shell)
     * @throws IOException          when the program cannot be started (not found, not executable)
     * @throws TimeoutException     when it did not exit within {@code timeout}; it and its descendants were killed
     * @throws InterruptedException when the calling thread was interrupted; the processes were killed
     */
    public static Result run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        return run(command, timeout, null, Map.of());
    }

    /**
     * As {@link #run(List, Duration)}, in {@code workdir} (null: the current one) with {@code extraEnv} added to
     * the inherited environment.
     */
    public static Result run(List<String> command, Duration timeout, Path workdir, Map<String, String> extraEnv)
            throws IOException, TimeoutException, InterruptedException {
        return run(command, timeout, workdir, extraEnv, kill -> { });
    }

    /**
     * As {@link #run(List, Duration, Path, Map)}, for a caller that must be able to stop the tool from elsewhere (a
     * cancelled run): once the process has started, {@code killSwitch} receives an action that kills it and its
     * descendants, from any thread and at any time (after the exit it does nothing). The wait then ends and the
     * result carries the killed process's exit code.
     */
    public static Result run(List<String> command, Duration timeout, Path workdir, Map<String, String> extraEnv,
                             Consumer<Runnable> killSwitch)
            throws IOException, TimeoutException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workdir != null) {
            builder.directory(workdir.toFile());
        }
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = drain(process.getInputStream(), out, command.get(0) + " stdout");
        Thread errReader = drain(process.getErrorStream(), err, command.get(0) + " stderr");
        killSwitch.accept(() -> killTree(process));
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                throw new TimeoutException(command.get(0) + " did not exit within " + timeout);
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        outReader.join(GRACE.toMillis());
        errReader.join(GRACE.toMillis());
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Kills the process and its descendants, and waits (briefly) until they are gone. The descendants are listed
     * before the parent dies, because afterwards they are re-parented and no longer found through it.
     */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        CompletableFuture<?>[] exits = descendants.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a process that ignores SIGKILL (stuck in the kernel) is beyond our reach; the caller still returns
        }
    }

    /** Reads a stream to its end on a daemon thread, keeping at most {@link #MAX_KEPT_BYTES}. */
    private static Thread drain(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    int room = MAX_KEPT_BYTES - sink.size();
                    sink.write(buffer, 0, Math.min(n, Math.max(room, 0)));
                }
            } catch (IOException e) {
                // the stream closes under us when the process is killed: what was read so far is all there is
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
