package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scale-up and rollout-restart against a stand-in kubectl that records its argument vectors. */
class KubectlPlaybooksTest {

    @TempDir
    Path dir;
    private StandIns standIns;

    /** A stand-in kubectl whose deployment has {@code replicas} (printed as kubectl's jsonpath does, no newline). */
    private PlaybookContext cluster(String replicas, String rolloutStatusExit, Map<String, Object> settings)
            throws Exception {
        standIns = new StandIns(dir).add("kubectl", """
                case "$1 $2" in
                  "get deployment") printf '%s' '%REPLICAS%' ;;
                  "scale deployment/"*) echo "deployment.apps/${2#deployment/} scaled" ;;
                  "rollout restart") echo "deployment.apps/${3#deployment/} restarted" ;;
                  "rollout status") echo "deployment \\"${3#deployment/}\\" successfully rolled out"; exit %EXIT% ;;
                esac""".replace("%REPLICAS%", replicas).replace("%EXIT%", rolloutStatusExit));
        return StandIns.context("0/3 nodes are available: Insufficient cpu", settings, Map.of(), standIns.runner(),
                dir);
    }

    @Test
    void scaleUpAddsTheStepToTheCurrentCountAndRollsBackToIt() throws Exception {
        ScaleUpPlaybook scaleUp = new ScaleUpPlaybook();
        PlaybookContext context = cluster("3", "0", Map.of("deployment", "web", "namespace", "shop", "step", 2));

        Plan plan = scaleUp.plan(context);
        assertEquals(List.of(), plan.missing());
        assertTrue(plan.reversible());
        assertEquals(List.of(List.of("kubectl", "get", "deployment", "web", "-n", "shop", "-o",
                "jsonpath={.spec.replicas}"), List.of("kubectl", "scale", "deployment/web", "--replicas=<current + 2>",
                "-n", "shop"), List.of()), plan.steps().stream().map(PlanStep::command).toList());
        assertEquals("Scale to that count + 2 (at most 10)", plan.steps().get(1).description());
        assertEquals(Set.of(), plan.steps().get(0).effects(), "reading the count changes nothing");
        assertEquals(Set.of(Kind.CONTAINER_RESTART), plan.steps().get(1).effects(),
                "the scale is counted as a container restart by what it runs");
        assertEquals("Then wait until its pods are ready: kubectl rollout status deployment/web -n shop"
                + " --timeout=120s", plan.steps().get(2).description());

        Outcome applied = scaleUp.apply(context, plan);
        assertTrue(applied.success(), applied.message());
        assertEquals("Scaled deployment/web in shop from 3 to 5 replicas", applied.message());
        assertEquals("$ kubectl get deployment web -n shop -o jsonpath={.spec.replicas}\n3\n"
                + "$ kubectl scale deployment/web --replicas=5 -n shop\ndeployment.apps/web scaled", applied.output());
        assertEquals("3", applied.rollbackState().get("previousReplicas"));
        assertTrue(scaleUp.verify(context, applied));

        Outcome rolledBack = scaleUp.rollback(context, applied);
        assertTrue(rolledBack.success(), rolledBack.message());
        assertEquals("Scaled deployment/web back to 3 replicas", rolledBack.message());
        assertEquals(List.of(
                List.of("kubectl", "get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.replicas}"),
                List.of("kubectl", "scale", "deployment/web", "--replicas=5", "-n", "shop"),
                List.of("kubectl", "rollout", "status", "deployment/web", "-n", "shop", "--timeout=120s"),
                List.of("kubectl", "scale", "deployment/web", "--replicas=3", "-n", "shop")), standIns.calls());
    }

    @Test
    void scaleUpStopsAtMaxReplicas() throws Exception {
        ScaleUpPlaybook scaleUp = new ScaleUpPlaybook();
        PlaybookContext capped = cluster("3", "0", Map.of("deployment", "web", "step", 5, "maxReplicas", 4));

        Outcome applied = scaleUp.apply(capped, scaleUp.plan(capped));
        assertEquals("Scaled deployment/web in default from 3 to 4 replicas", applied.message());

        PlaybookContext full = cluster("4", "0", Map.of("deployment", "web", "maxReplicas", 4));
        Outcome refused = scaleUp.apply(full, scaleUp.plan(full));
        assertFalse(refused.success());
        assertEquals("deployment/web already has 4 replicas; maxReplicas is 4", refused.message());
        assertEquals(Map.of(), refused.rollbackState());
        assertEquals("Nothing to roll back: the scale-up did not change the replica count",
                scaleUp.rollback(full, refused).message());
        assertEquals(List.of("kubectl", "get", "deployment", "web", "-n", "default", "-o",
                "jsonpath={.spec.replicas}"), standIns.calls().get(standIns.calls().size() - 1));
    }

    @Test
    void scaleUpRefusesACountItCannotRead() throws Exception {
        ScaleUpPlaybook scaleUp = new ScaleUpPlaybook();
        PlaybookContext context = cluster("", "0", Map.of("deployment", "web"));

        Outcome outcome = scaleUp.apply(context, scaleUp.plan(context));
        assertFalse(outcome.success());
        assertEquals("kubectl printed '' for the replica count of deployment/web, not a number", outcome.message());
        assertEquals(1, standIns.calls().size());
    }

    @Test
    void rolloutRestartReplacesThePodsAndWaitsForThem() throws Exception {
        RolloutRestartPlaybook restart = new RolloutRestartPlaybook();
        PlaybookContext context = cluster("2", "0", Map.of("deployment", "api", "namespace", "shop",
                "rolloutTimeoutSeconds", 30));

        Plan plan = restart.plan(context);
        assertFalse(plan.reversible());
        Outcome applied = restart.apply(context, plan);
        assertTrue(applied.success());
        assertEquals("$ kubectl rollout restart deployment/api -n shop\ndeployment.apps/api restarted",
                applied.output());
        assertTrue(restart.verify(context, applied));
        assertFalse(restart.rollback(context, applied).success());
        assertEquals(List.of(List.of("kubectl", "rollout", "restart", "deployment/api", "-n", "shop"),
                        List.of("kubectl", "rollout", "status", "deployment/api", "-n", "shop", "--timeout=30s")),
                standIns.calls());
    }

    @Test
    void aRolloutThatDoesNotFinishFailsVerification() throws Exception {
        RolloutRestartPlaybook restart = new RolloutRestartPlaybook();
        PlaybookContext context = cluster("2", "1", Map.of("deployment", "api"));

        assertFalse(restart.verify(context, restart.apply(context, restart.plan(context))));
    }

    @Test
    void withoutKubectlOrADeploymentThePlanSaysWhatIsMissing() throws Exception {
        CommandRunner bare = new CommandRunner(Duration.ofSeconds(5), s -> s,
                Map.of("PATH", Files.createDirectories(dir.resolve("empty")).toString()));
        ScaleUpPlaybook scaleUp = new ScaleUpPlaybook();
        PlaybookContext context = StandIns.context("FailedScheduling", Map.of("step", 50), Map.of(), bare, dir);

        Plan plan = scaleUp.plan(context);
        assertEquals(List.of(
                "kubectl is not on the PATH: install kubectl with access to the cluster, or put it on Healdesk's"
                        + " PATH.",
                "No deployment given: set 'deployment' under playbooks: scale-up: in the target file.",
                "'step' under playbooks: scale-up: must be a whole number from 1 to 10 (it is '50')."),
                plan.missing());
        assertThrows(PlaybookException.class, () -> scaleUp.apply(context, plan));
        assertEquals(List.of(), bare.history());
    }

    @Test
    void aHostileNamespaceIsRefused() throws Exception {
        Path marker = dir.resolve("pwned");
        RolloutRestartPlaybook restart = new RolloutRestartPlaybook();
        PlaybookContext context = cluster("2", "0", Map.of("deployment", "api",
                "namespace", "shop$(touch " + marker + ")"));

        Plan plan = restart.plan(context);
        assertTrue(plan.missing().get(0).startsWith("Refusing namespace name 'shop$(touch"), plan.missing().get(0));
        assertThrows(PlaybookException.class, () -> restart.apply(context, plan));
        assertFalse(restart.verify(context, Outcome.ok("", "")));
        assertEquals(List.of(), standIns.calls());
        assertFalse(Files.exists(marker));
    }
}
