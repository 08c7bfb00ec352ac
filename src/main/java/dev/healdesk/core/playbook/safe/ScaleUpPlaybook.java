package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.playbook.SafeValues;
import dev.healdesk.core.triage.Category;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scale-up}: a deployment with too few replicas (scaled to zero, pods unschedulable, overloaded) gets
 * {@code step} more, never beyond {@code maxReplicas}. The count before is kept in the outcome, and rollback scales
 * back to exactly it.
 * <p>
 * The plan does not ask the cluster for the current count (a plan runs nothing), so it shows the new count as
 * {@code <current + step>}; apply reads it first and reports both.
 */
final class ScaleUpPlaybook extends SafePlaybook {
    static final String PREVIOUS = "previousReplicas";
    private static final int DEFAULT_TIMEOUT_SECONDS = 30;

    ScaleUpPlaybook() {
        super("scale-up", "Adds replicas to the deployment behind the target (kubectl scale); rolled back to the"
                + " count before.", Risk.MEDIUM, Set.of(Category.INFRA));
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        Deployment deployment = Deployment.from(settings);
        int step = settings.number("step", 1, 1, 10);
        int max = settings.number("maxReplicas", 10, 1, 1000);
        settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        List<PlanStep> steps = deployment == null ? List.of() : List.of(
                PlanStep.command("Read the current replica count of deployment/" + deployment.name(),
                        current(deployment)),
                PlanStep.command("Scale to that count + " + step + " (at most " + max + ")",
                        deployment.scale("<current + " + step + ">")),
                deployment.verifyNote());
        return new Plan(name(), steps, settings.missing(), true);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        refuseUnlessRunnable(plan);
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        Deployment deployment = Deployment.from(settings);
        int step = settings.number("step", 1, 1, 10);
        int max = settings.number("maxReplicas", 10, 1, 1000);
        Duration timeout = settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        refuseIfMissing(settings);

        Runs runs = run(context, new Runs(List.of(), "", null), current(deployment), timeout);
        if (!runs.ok()) {
            return Outcome.failed(runs.failure(), runs.output());
        }
        String printed = runs.last().stdout().strip();
        if (!printed.matches("\\d{1,4}")) {
            return Outcome.failed("kubectl printed '" + printed + "' for the replica count of deployment/"
                    + deployment.name() + ", not a number", runs.output());
        }
        int current = Integer.parseInt(printed);
        if (current >= max) {
            return Outcome.failed("deployment/" + deployment.name() + " already has " + current + " replicas;"
                    + " maxReplicas is " + max, runs.output());
        }
        int wanted = Math.min(current + step, max);
        runs = run(context, runs, deployment.scale(Integer.toString(wanted)), timeout);
        if (!runs.ok()) {
            return Outcome.failed(runs.failure(), runs.output());
        }
        return new Outcome(true, "Scaled deployment/" + deployment.name() + " in " + deployment.namespace()
                + " from " + current + " to " + wanted + " replicas", runs.output(),
                Map.of("deployment", deployment.name(), "namespace", deployment.namespace(),
                        PREVIOUS, Integer.toString(current)));
    }

    @Override
    public List<String> subjects(PlaybookContext context) {
        return Deployment.subjects(context, name());
    }

    @Override
    public boolean verify(PlaybookContext context, Outcome applied) {
        Deployment deployment = Deployment.from(new PlaybookSettings(name(), context));
        return deployment != null && deployment.ready(context);
    }

    /** Scales back to the count apply found. */
    @Override
    public Outcome rollback(PlaybookContext context, Outcome applied) throws PlaybookException {
        Map<String, String> state = applied.rollbackState();
        if (!state.containsKey(PREVIOUS)) {
            return Outcome.failed("Nothing to roll back: the scale-up did not change the replica count", "");
        }
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        Deployment deployment = new Deployment(SafeValues.name(state.get("deployment"), "deployment"),
                SafeValues.name(state.get("namespace"), "namespace"), Duration.ZERO);
        int previous = Integer.parseInt(state.get(PREVIOUS));
        Runs runs = run(context, new Runs(List.of(), "", null), deployment.scale(Integer.toString(previous)),
                settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS));
        return runs.ok() ? Outcome.ok("Scaled deployment/" + deployment.name() + " back to " + previous
                + " replicas", runs.output()) : Outcome.failed(runs.failure(), runs.output());
    }

    private static List<String> current(Deployment deployment) {
        return List.of("kubectl", "get", "deployment", deployment.name(), "-n", deployment.namespace(), "-o",
                "jsonpath={.spec.replicas}");
    }
}
