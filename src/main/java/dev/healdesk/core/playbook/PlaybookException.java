package dev.healdesk.core.playbook;

/** A playbook could not do its work; the message says what happened and what to do. */
public final class PlaybookException extends Exception {
    public PlaybookException(String message) {
        super(message);
    }

    public PlaybookException(String message, Throwable cause) {
        super(message, cause);
    }
}
