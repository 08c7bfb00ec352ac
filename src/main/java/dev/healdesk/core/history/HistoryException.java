package dev.healdesk.core.history;

/** The history database could not be opened, migrated, read or written; the message names the file. */
public class HistoryException extends RuntimeException {
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
