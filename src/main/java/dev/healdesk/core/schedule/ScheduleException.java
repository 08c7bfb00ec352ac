package dev.healdesk.core.schedule;

/** The schedule could not be installed, read or removed; the message says what failed and what to do. */
public final class ScheduleException extends Exception {
    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
