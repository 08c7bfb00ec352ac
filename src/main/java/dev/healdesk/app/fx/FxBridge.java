package dev.healdesk.app.fx;

import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunListener;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one way core work reaches the JavaFX application thread, and the only class that calls
 * {@link Platform#runLater}. Every action it hands over runs inside a guard that logs exceptions, so a
 * failing view-model update is never swallowed by the toolkit.
 * <p>
 * Run events are batched: a run can report dozens of events in a burst, and one hand-over per burst
 * (delivered in order, as a list) keeps the FX thread's queue short and lets the log append in one go.
 * <p>
 * {@link #direct()} runs everything on the calling thread, which makes view-model tests deterministic
 * without a toolkit.
 */
public final class FxBridge {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(FxBridge.class);
    }

    private final Executor ui;

    private FxBridge(Executor ui) {
        this.ui = ui;
    }

    /** The console's bridge: hands work to the JavaFX application thread. */
    public static FxBridge platform() {
        return new FxBridge(Platform::runLater);
    }

    /**
     * Hands every action to {@code ui}, a single thread standing in for the FX thread: for tests without a toolkit
     * where work arrives from several threads (a store's change thread, the worker) and must be applied in turn.
     */
    public static FxBridge on(Executor ui) {
        return new FxBridge(Objects.requireNonNull(ui, "ui"));
    }

    /** Runs every action at once on the calling thread: for tests without a toolkit. */
    public static FxBridge direct() {
        return new FxBridge(Runnable::run);
    }

    /** Runs {@code action} on the UI thread (callable from any thread); exceptions are logged. */
    public void post(Runnable action) {
        Objects.requireNonNull(action, "action");
        try {
            ui.execute(() -> runLogged(action));
        } catch (IllegalStateException | RejectedExecutionException e) {
            // The toolkit has shut down: nothing is left on screen to update.
            log().debug("UI update dropped after shutdown", e);
        }
    }

    /** A consumer that may be called from any thread and passes each value to {@code sink} on the UI thread. */
    public <T> Consumer<T> toUi(Consumer<T> sink) {
        Objects.requireNonNull(sink, "sink");
        return value -> post(() -> sink.accept(value));
    }

    /**
     * A run listener for the run's own thread: events are queued and handed to {@code sink} on the UI
     * thread in batches, in the order they were emitted.
     */
    public RunListener runListener(Consumer<List<RunEvent>> sink) {
        Batcher<RunEvent> batcher = new Batcher<>(sink);
        return batcher::offer;
    }

    private void runLogged(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            log().error("A UI update failed", e);
        }
    }

    /** Collects values from any thread; at most one drain is pending on the UI thread at a time. */
    private final class Batcher<T> {
        private final Queue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final Consumer<List<T>> sink;

        Batcher(Consumer<List<T>> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        void offer(T value) {
            queue.add(value);
            if (scheduled.compareAndSet(false, true)) {
                post(this::drain);
            }
        }

        private void drain() {
            // Cleared before polling: a value offered from now on schedules a fresh drain, so none is stranded.
            scheduled.set(false);
            List<T> batch = new ArrayList<>();
            for (T v = queue.poll(); v != null; v = queue.poll()) {
                batch.add(v);
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        }
    }
}
