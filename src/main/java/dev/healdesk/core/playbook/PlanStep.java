package dev.healdesk.core.playbook;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One thing a playbook will do, exactly: a command as its argument vector (never a shell string), or a request
 * ("POST https://…"), or an in-process action, or a note, with a sentence for the operator. Secrets in it appear
 * only as the name of the variable they come from (e.g. {@code $RAILWAY_TOKEN}).
 *
 * <p>{@code effects} are what the guardrails count: a command's are read from its argument vector by
 * {@link Effects} (no playbook can forget them), a request or an action must name its own when it is made.
 */
public record PlanStep(String description, List<String> command, String request, Set<Kind> effects) {
    public PlanStep {
        command = command == null ? List.of() : List.copyOf(command);
        Set<Kind> all = EnumSet.noneOf(Kind.class);
        if (effects != null) {
            all.addAll(effects);
        }
        all.addAll(Effects.of(command));
        all.remove(Kind.GENERAL);
        effects = Set.copyOf(all);
    }

    public static PlanStep command(String description, List<String> argv) {
        return new PlanStep(description, argv, null, Set.of());
    }

    /**
     * @param effect what the request changes ({@link Kind#GENERAL} when it only reads or changes nothing the
     *               guardrails count); there is no default, so that no request can be made without saying
     */
    public static PlanStep request(String description, String request, Kind effect) {
        return new PlanStep(description, List.of(), request, Set.of(effect));
    }

    /** Something done in-process (the sandbox's own restart), with what it changes. */
    public static PlanStep action(String description, Kind effect) {
        return new PlanStep(description, List.of(), null, Set.of(effect));
    }

    public static PlanStep note(String description) {
        return new PlanStep(description, List.of(), null, Set.of());
    }
}
