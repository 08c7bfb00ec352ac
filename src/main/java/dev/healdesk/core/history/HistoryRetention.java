package dev.healdesk.core.history;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How long runs stay in the history: for ever by default; {@value #ENV} days when set. Applied when the console or a
 * headless run opens the store.
 */
public final class HistoryRetention {

    public static final String ENV = "HEALDESK_HISTORY_RETENTION_DAYS";

    private HistoryRetention() {
    }

    /**
     * The retention {@code env} asks for, or {@link Duration#ZERO} (keep every run).
     *
     * @throws IllegalArgumentException naming the variable, when it is not a whole number of days ≥ 0
     */
    public static Duration fromEnv(Map<String, String> env) {
        String days = env.get(ENV);
        if (days == null || days.isBlank()) {
            return Duration.ZERO;
        }
        try {
            int n = Integer.parseInt(days.trim());
            if (n < 0 || n > 36_500) {
                throw new NumberFormatException();
            }
            return Duration.ofDays(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + " is '" + days + "': give a whole number of days, or 0 (the"
                    + " default) to keep every run.");
        }
    }

    /** Deletes the runs older than the retention in {@code env}; returns how many went (0 when it keeps them all). */
    public static int apply(HistoryStore store, Map<String, String> env, Clock clock) {
        Duration keep = fromEnv(env);
        return keep.isZero() ? 0 : store.deleteRunsBefore(clock.instant().minus(keep));
    }
}
