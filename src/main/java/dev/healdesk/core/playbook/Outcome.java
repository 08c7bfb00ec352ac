package dev.healdesk.core.playbook;

import java.util.Map;

/**
 * What applying (or rolling back) a playbook did.
 *
 * @param output        what the commands and requests printed, for the audit trail (already without secrets)
 * @param rollbackState what {@link Playbook#rollback} needs to undo it (e.g. the previous replica count)
 */
public record Outcome(boolean success, String message, String output, Map<String, String> rollbackState) {
    public Outcome {
        rollbackState = rollbackState == null ? Map.of() : Map.copyOf(rollbackState);
        output = output == null ? "" : output;
    }

    public static Outcome ok(String message, String output) {
        return new Outcome(true, message, output, Map.of());
    }

    public static Outcome failed(String message, String output) {
        return new Outcome(false, message, output, Map.of());
    }
}
