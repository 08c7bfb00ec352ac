package dev.healdesk.core.suite;

/**
 * A suite could not run at all (missing browser, unreachable target): the message says what to do. One whose command
 * ran and gave no results ({@link #suiteFailed()}: a build that does not compile, a suite past its time limit) is the
 * run's outcome rather than a mistake in the setup: the run is recorded with a suite-error state.
 */
public class SuiteException extends Exception {
    private final boolean suiteFailed;

    public SuiteException(String message) {
        this(message, null, false);
    }

    public SuiteException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SuiteException(String message, Throwable cause, boolean suiteFailed) {
        super(message, cause);
        this.suiteFailed = suiteFailed;
    }

    /** The suite's command ran and gave no results: recorded as the run's suite error, not a usage error. */
    public static SuiteException suiteFailed(String message, Throwable cause) {
        return new SuiteException(message, cause, true);
    }

    public boolean suiteFailed() {
        return suiteFailed;
    }
}
