package dev.healdesk.core.suite;

/** A suite could not run at all (missing browser, unreachable target): the message says what to do. */
public class SuiteException extends Exception {
    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
