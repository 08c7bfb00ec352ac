package dev.healdesk.core.llm;

/**
 * A model could not answer. {@code unavailable} is true when the provider itself is out of reach (server down,
 * model not installed): the run then goes on with pattern triage only, or with the cloud fallback.
 */
public final class LlmException extends Exception {
    private final boolean unavailable;

    public LlmException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
