package dev.healdesk.core.session;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built the first time it is asked for, then kept: for what a run needs only when a test fails (the pattern
 * catalog and the triage over it), so that a healthy run does not build it. Thread-safe; asked for a few times a run,
 * never per message.
 */
final class OnFirstUse<T> implements Supplier<T> {

    private Supplier<? extends T> build;
    private T value;

    OnFirstUse(Supplier<? extends T> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** A value there already: nothing to build. */
    static <T> Supplier<T> of(T value) {
        return () -> value;
    }

    @Override
    public synchronized T get() {
        if (build != null) {
            value = Objects.requireNonNull(build.get(), "built value");
            build = null;
        }
        return value;
    }
}
