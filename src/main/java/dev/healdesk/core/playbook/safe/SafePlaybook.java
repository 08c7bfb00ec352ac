package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the class-A playbooks share: a pure plan (it runs nothing, so showing it is free and safe),
 * a preflight that is that plan's missing list, an apply that refuses a plan with anything missing, and one way to
 * run commands that stops at the first failure and keeps every command's output for the audit trail.
 */
abstract class SafePlaybook implements Playbook {
    private final String name;
    private final String description;
    private final Risk risk;
    private final Set<Category> categories;

    SafePlaybook(String name, String description, Risk risk, Set<Category> categories) {
        this.name = name;
        this.description = description;
        this.risk = risk;
        this.categories = Set.copyOf(categories);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final FixClass fixClass() {
        return FixClass.A;
    }

    @Override
    public final Risk risk() {
        return risk;
    }

    @Override
    public final Set<Category> categories() {
        return categories;
    }

    @Override
    public final List<String> preflight(PlaybookContext context) {
        return plan(context).missing();
    }

    /** Throws, naming everything missing, unless {@code plan} may run. */
    final void refuseUnlessRunnable(Plan plan) throws PlaybookException {
        refuse(plan.missing());
    }

    /** As {@link #refuseUnlessRunnable} for the settings as apply reads them again (the PATH may have changed). */
    final void refuseIfMissing(PlaybookSettings settings) throws PlaybookException {
        refuse(settings.missing());
    }

    private void refuse(List<String> missing) throws PlaybookException {
        if (!missing.isEmpty()) {
            throw new PlaybookException(name + " will not run: " + String.join(" ", missing));
        }
    }

    /**
     * The usual apply: refuse a plan with anything missing, run its commands in order with the playbook's
     * {@code timeoutSeconds} (default {@code defaultSeconds}), and say {@code done} when all of them succeeded.
     */
    final Outcome applyPlannedCommands(PlaybookContext context, Plan plan, int defaultSeconds, String done)
            throws PlaybookException {
        refuseUnlessRunnable(plan);
        Runs runs = runCommands(context, plan.steps(),
                new PlaybookSettings(name, context).seconds("timeoutSeconds", defaultSeconds));
        return runs.ok() ? Outcome.ok(done, runs.output()) : Outcome.failed(runs.failure(), runs.output());
    }

    /** What a run of commands did: every result so far, their output, and the first failure's message or null. */
    record Runs(List<CommandRunner.Result> results, String output, String failure) {
        boolean ok() {
            return failure == null;
        }

        CommandRunner.Result last() {
            return results.get(results.size() - 1);
        }
    }

    /** Runs the command steps of {@code steps} in order (notes are skipped), stopping at the first that fails. */
    static Runs runCommands(PlaybookContext context, List<PlanStep> steps, Duration timeout)
            throws PlaybookException {
        Runs runs = new Runs(List.of(), "", null);
        for (PlanStep step : steps) {
            if (!step.command().isEmpty()) {
                runs = run(context, runs, step.command(), timeout);
                if (!runs.ok()) {
                    break;
                }
            }
        }
        return runs;
    }

    /** Runs one more command after {@code before}, adding its result and output. */
    static Runs run(PlaybookContext context, Runs before, List<String> argv, Duration timeout)
            throws PlaybookException {
        return run(context, before, argv, timeout, CommandRunner.Result::output);
    }

    /**
     * As {@link #run(PlaybookContext, Runs, List, Duration)}, keeping {@code summary} of what the command printed
     * instead of all of it (a key listing has no place in the audit trail).
     */
    static Runs run(PlaybookContext context, Runs before, List<String> argv, Duration timeout,
                    Function<CommandRunner.Result, String> summary) throws PlaybookException {
        CommandRunner.Result result = context.commands().run(argv, timeout, null);
        List<CommandRunner.Result> results = new ArrayList<>(before.results());
        results.add(result);
        String shown = String.join(" ", argv);
        String printed = result.ok() ? summary.apply(result) : result.output();
        String output = (before.output().isEmpty() ? "" : before.output() + "\n") + "$ " + shown
                + (printed.isEmpty() ? "" : "\n" + printed);
        String failure = null;
        if (result.timedOut()) {
            failure = "`" + shown + "` did not finish within " + timeout.toSeconds() + " s and was stopped";
        } else if (result.exitCode() != 0) {
            failure = "`" + shown + "` failed (exit " + result.exitCode() + ")"
                    + (result.stderr().isBlank() ? "" : ": " + firstLine(result.stderr()));
        }
        return new Runs(List.copyOf(results), output, failure);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
