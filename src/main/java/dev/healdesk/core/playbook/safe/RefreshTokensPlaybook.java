package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code refresh-tokens}: expired tokens are replaced by logging in again. It runs the configured auth set-up
 * ({@code playbooks: refresh-tokens: {command: [npx, playwright, test, --project=setup]}}, which writes the new stored
 * state), or else the target's own re-login handle (the sandbox logs in through its API). New tokens replace the old,
 * which were expired anyway: nothing to roll back.
 */
public final class RefreshTokensPlaybook extends SafePlaybook {

    public static final String NAME = "refresh-tokens";

    public RefreshTokensPlaybook() {
        super(NAME, "Log in again (the configured auth set-up, or the target's own) and store the new tokens",
                Risk.LOW, Set.of(Category.AUTH));
    }






    @Override
    public Plan plan(PlaybookContext context) {
        Optional<ConfiguredCommand> command = ConfiguredCommand.of(context, NAME);
        if (command.isPresent()) {
            return new Plan(NAME, List.of(command.get().step("Run the auth set-up")), command.get().missing(), false);
        }
        if (context.target().reloginHandle().isPresent()) {
            return new Plan(NAME, List.of(PlanStep.note("Log in to " + context.target().name()
                    + " again with the test user and keep the new tokens")), List.of(), false);
        }
        return new Plan(NAME, List.of(), List.of("no auth set-up is configured for " + context.target().name()
                + ": give playbooks." + NAME + ".command, e.g. [npx, playwright, test, --project=setup]"), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        Optional<ConfiguredCommand> command = ConfiguredCommand.of(context, NAME);
        if (command.isPresent()) {
            return command.get().run(context.commands(), "the auth set-up ran");
        }
        Runnable relogin = context.target().reloginHandle().orElseThrow(() ->
                new PlaybookException("no auth set-up is configured"));
        try {
            relogin.run();
        } catch (IllegalStateException e) {
            return Outcome.failed("logging in again failed: " + e.getMessage(), "");
        }
        return Outcome.ok("logged in to " + context.target().name() + " again; new tokens issued", "");
    }
}
