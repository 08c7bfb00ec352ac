package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code restart-worker}: a background worker stalled (jobs stuck, lock lost). Restarted by the {@code command}
 * setting (an argument vector), else by {@code systemctl --user restart UNIT} with the {@code unit} setting; there
 * is no default, since guessing which worker to restart is worse than asking. With a unit, its own check is
 * {@code systemctl --user is-active UNIT}; with a command, the executor's re-run of the tests is the check.
 * Not rolled back: the restarted worker runs the same code.
 */
final class RestartWorkerPlaybook extends SafePlaybook {
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    RestartWorkerPlaybook() {
        super("restart-worker", "Restarts the stalled background worker with the configured command or systemctl.",
                Risk.MEDIUM, Set.of(Category.INFRA));
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        List<PlanStep> steps = new ArrayList<>();
        List<String> command = settings.command("command");
        if (command != null) {
            steps.add(PlanStep.command("Restart the worker with the configured command", command));
        } else if (context.settings().get("command") == null) {
            String unit = unit(context, settings);
            if (unit != null) {
                steps.add(PlanStep.command("Restart the user's systemd unit " + unit,
                        List.of("systemctl", "--user", "restart", unit)));
                steps.add(PlanStep.note("Then check it is active: " + String.join(" ", isActive(unit))));
            }
        }
        return new Plan(name(), steps, settings.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        return applyPlannedCommands(context, plan, DEFAULT_TIMEOUT_SECONDS, "Worker restarted");
    }

    /** With a unit, systemd says it is active; with a command there is nothing more to ask. */
    @Override
    public boolean verify(PlaybookContext context, Outcome applied) {
        if (context.settings().get("command") != null) {
            return true;
        }
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        String unit = unit(context, settings);
        if (unit == null) {
            return false;
        }
        try {
            CommandRunner.Result result = context.commands().run(isActive(unit),
                    settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS), null);
            return result.ok() && result.stdout().strip().equals("active");
        } catch (PlaybookException e) {
            return false;
        }
    }

    private String unit(PlaybookContext context, PlaybookSettings settings) {
        if (context.setting("unit") == null) {
            settings.missing("No worker to restart: set 'command' (an argument vector) or 'unit' (a systemd user"
                    + " unit) under playbooks: " + name() + ": in the target file.");
            return null;
        }
        settings.program("systemctl", "configure 'command' under playbooks: " + name() + ": instead");
        return settings.name("unit", "systemd unit", null);
    }

    private static List<String> isActive(String unit) {
        return List.of("systemctl", "--user", "is-active", unit);
    }
}
