package dev.healdesk.app.fx;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Small helpers about the JavaFX application thread. Hand-overs from other threads go through
 * {@link FxBridge}; this class only checks and schedules work that is already on the FX thread.
 */
public final class UiThread {

    private UiThread() {
    }

    public static boolean isCurrent() {
        return Platform.isFxApplicationThread();
    }

    /** Fails fast when a control is touched from another thread. */
    public static void require(String what) {
        if (!isCurrent()) {
            throw new IllegalStateException(what + " must run on the JavaFX application thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    /**
     * Runs {@code action} once, on the FX thread, after the next frame has been rendered: an animation
     * timer fires at the start of each pulse, so its second call comes after the first pulse's frame.
     */
    public static void afterNextFrame(Runnable action) {
        require("afterNextFrame");
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
