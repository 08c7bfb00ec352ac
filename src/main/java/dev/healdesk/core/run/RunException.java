package dev.healdesk.core.run;

/**
 * A run could not be carried out. {@link #isUsageError()} tells a problem the operator can fix
 * (unknown project, missing browser, unreachable target, bad file: exit code 2) from an internal one.
 */
public class RunException extends Exception {
    private final boolean usageError;

    public RunException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    public static RunException usage(String message) {
        return new RunException(message, true, null);
    }

    public boolean isUsageError() {
        return usageError;
    }
}
