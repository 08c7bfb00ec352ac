package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;

import java.time.Duration;
import java.util.List;

/**
 * A Kubernetes deployment as the kubectl playbooks address it. Both names come from the target file (a failure
 * message is not trusted to name a deployment) and pass {@link dev.healdesk.core.playbook.SafeValues}.
 *
 * @param rollout how long {@code kubectl rollout status} may wait for the pods to be ready
 */
record Deployment(String name, String namespace, Duration rollout) {
    static final int DEFAULT_ROLLOUT_SECONDS = 120;

    /** The deployment from the settings, or null with what is missing recorded. */
    static Deployment from(PlaybookSettings settings) {
        settings.program("kubectl", "install kubectl with access to the cluster, or put it on Healdesk's PATH");
        String name = settings.name("deployment", "deployment", null);
        String namespace = settings.name("namespace", "namespace", "default");
        Duration rollout = settings.seconds("rolloutTimeoutSeconds", DEFAULT_ROLLOUT_SECONDS);
        return name == null || namespace == null ? null : new Deployment(name, namespace, rollout);
    }

    /**
     * What a kubectl playbook touches, for the protected list and the restart cooldown: the deployment and its
     * namespace as the settings give them, else the target.
     */
    static List<String> subjects(PlaybookContext context, String playbook) {
        List<String> subjects = new java.util.ArrayList<>();
        if (context.setting("deployment") != null) {
            subjects.add("deployment/" + context.setting("deployment").strip());
            subjects.add(context.setting("deployment").strip());
        }
        subjects.add(context.setting("namespace") == null ? "default" : context.setting("namespace").strip());
        return subjects.size() == 1 ? List.of(context.target().name(), subjects.get(0)) : List.copyOf(subjects);
    }

    /** @param replicas a count, or in a plan the placeholder for one */
    List<String> scale(String replicas) {
        return List.of("kubectl", "scale", "deployment/" + name, "--replicas=" + replicas, "-n", namespace);
    }

    /** Waits until the deployment's pods are updated and ready, or fails at {@link #rollout}. */
    List<String> rolloutStatus() {
        return List.of("kubectl", "rollout", "status", "deployment/" + name, "-n", namespace,
                "--timeout=" + rollout.toSeconds() + "s");
    }

    PlanStep verifyNote() {
        return PlanStep.note("Then wait until its pods are ready: " + String.join(" ", rolloutStatus()));
    }

    /** Whether {@code kubectl rollout status} saw the pods ready within {@link #rollout}. */
    boolean ready(PlaybookContext context) {
        try {
            return context.commands().run(rolloutStatus(), rollout.plusSeconds(10), null).ok();
        } catch (PlaybookException e) {
            return false;
        }
    }
}
