package dev.healdesk.app.failures;

import dev.healdesk.app.fx.DialogService;
import dev.healdesk.app.fx.FxBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The console's {@link ArtifactOpener}: files go to the desktop through the application's HostServices, traces to
 * {@code npx playwright show-trace}; both are started on the worker, never on the FX thread. When npx cannot be
 * started the operator is told to install Node.js.
 */
public final class DesktopArtifactOpener implements ArtifactOpener {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(DesktopArtifactOpener.class);
    }
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    /** Starts a process from an argument vector, without waiting for it. */
    @FunctionalInterface
    public interface Starter {
        void start(List<String> command) throws IOException;
    }

    private final Consumer<String> showDocument;
    private final Starter starter;
    private final Executor worker;
    private final FxBridge bridge;
    private final DialogService dialogs;

    /**
     * @param showDocument HostServices::showDocument of the application (takes a URI)
     * @param starter      how a trace viewer is started ({@link #processes()} in the console)
     */
    public DesktopArtifactOpener(Consumer<String> showDocument, Starter starter, Executor worker, FxBridge bridge,
                                 DialogService dialogs) {
        this.showDocument = showDocument;
        this.starter = starter;
        this.worker = worker;
        this.bridge = bridge;
        this.dialogs = dialogs;
    }

    /** Starts real processes, their output discarded (the trace viewer runs until the operator closes it). */
    public static Starter processes() {
        return command -> new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Override
    public void show(Path file) {
        offThread(() -> showDocument.accept(file.toUri().toString()), "open " + file);
    }

    @Override
    public void openTrace(Path trace) {
        List<String> command = ArtifactOpener.traceCommand(trace, WINDOWS);
        offThread(() -> {
            try {
                starter.start(command);
            } catch (IOException e) {
                log().info("Cannot start {}: {}", command, e.getMessage());
                bridge.post(() -> dialogs.showError("Healdesk", "npx was not found",
                        "Opening a Playwright trace runs 'npx playwright show-trace', and npx comes with Node.js."
                                + " Install Node.js (https://nodejs.org), then try again.\n\nThe trace is " + trace));
            }
        }, "open the trace " + trace);
    }

    private void offThread(Runnable action, String what) {
        try {
            worker.execute(action);
        } catch (RejectedExecutionException e) {
            log().debug("Dropped after shutdown: {}", what, e);
        }
    }
}
