package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.util.List;
import java.util.Set;

/**
 * {@code rollout-restart}: pods in a crash loop, failing their probes or without a ready replica are replaced by
 * fresh ones ({@code kubectl rollout restart}), one by one as the deployment's strategy says, so the service stays
 * up where it has replicas to spare. Verified by {@code kubectl rollout status}.
 * <p>
 * Not rolled back: the new pods run the same spec as the old ones, so there is nothing to return to.
 */
final class RolloutRestartPlaybook extends SafePlaybook {
    private static final int DEFAULT_TIMEOUT_SECONDS = 30;

    RolloutRestartPlaybook() {
        super("rollout-restart", "Replaces the pods of the deployment behind the target (kubectl rollout restart).",
                Risk.MEDIUM, Set.of(Category.INFRA));
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        Deployment deployment = Deployment.from(settings);
        settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        List<PlanStep> steps = deployment == null ? List.of() : List.of(
                PlanStep.command("Restart the pods of deployment/" + deployment.name() + " in "
                                + deployment.namespace(),
                        List.of("kubectl", "rollout", "restart", "deployment/" + deployment.name(), "-n",
                                deployment.namespace())),
                deployment.verifyNote());
        return new Plan(name(), steps, settings.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        return applyPlannedCommands(context, plan, DEFAULT_TIMEOUT_SECONDS, "Rollout restarted");
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
}
