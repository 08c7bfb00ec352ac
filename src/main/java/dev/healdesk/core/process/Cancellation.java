package dev.healdesk.core.process;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** A cancel flag shared between the one who asks and the work that stops. Thread-safe. */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        callbacks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code callback} when cancelled (at once if already cancelled). */
    public void onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled) {
            callback.run();
        }
    }
}
