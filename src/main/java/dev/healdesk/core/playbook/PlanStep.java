package dev.healdesk.core.playbook;

import java.util.List;

/**
 * One thing a playbook will do, exactly: a command as its argument vector (never a shell string), or a request
 * ("POST https://…"), or a file change, with a sentence for the operator. Secrets in it appear only as the name of
 * the variable they come from (e.g. {@code $RAILWAY_TOKEN}).
 */
public record PlanStep(String description, List<String> command, String request) {
    public PlanStep {
        command = command == null ? List.of() : List.copyOf(command);
    }

    public static PlanStep command(String description, List<String> argv) {
        return new PlanStep(description, argv, null);
    }

    public static PlanStep request(String description, String request) {
        return new PlanStep(description, List.of(), request);
    }

    public static PlanStep note(String description) {
        return new PlanStep(description, List.of(), null);
    }
}
