package dev.healdesk.core.config;

/** A target file that cannot be used; the message names the file, the line and what to do. */
public class TargetFileException extends Exception {
    public TargetFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
