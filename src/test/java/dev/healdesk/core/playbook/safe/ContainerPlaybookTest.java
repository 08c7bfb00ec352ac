package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** start-container and restart-container against a stand-in docker that records its argument vectors. */
class ContainerPlaybookTest {
    private static final String DOCKER = """
            case "$1" in
              start|restart) echo "$2" ;;
              inspect) echo "${RUNNING:-true}" ;;
            esac""";

    @TempDir
    Path dir;
    private StandIns standIns;
    private Path marker;

    @BeforeEach
    void docker() throws Exception {
        standIns = new StandIns(dir).add("docker", DOCKER);
        marker = dir.resolve("pwned");
    }

    private PlaybookContext context(String message, Map<String, Object> settings) {
        return StandIns.context(message, settings, Map.of(), standIns.runner(), dir);
    }

    @Test
    void startsTheContainerFromTheSettingsAndChecksItRuns() throws Exception {
        ContainerPlaybook start = ContainerPlaybook.start();
        PlaybookContext context = context("ECONNREFUSED 127.0.0.1:5432", Map.of("container", "shop-db"));

        Plan plan = start.plan(context);
        assertEquals(List.of(), plan.missing());
        assertEquals(List.of(List.of("docker", "start", "shop-db"), List.of()),
                plan.steps().stream().map(PlanStep::command).toList());
        assertEquals("Then check that it runs: docker inspect -f {{.State.Running}} shop-db",
                plan.steps().get(1).description());
        assertFalse(plan.reversible());
        assertEquals(List.of(), standIns.calls(), "a plan runs nothing");

        Outcome outcome = start.apply(context, plan);
        assertTrue(outcome.success(), outcome.message());
        assertEquals("$ docker start shop-db\nshop-db", outcome.output());
        assertTrue(start.verify(context, outcome));
        assertEquals(List.of(List.of("docker", "start", "shop-db"),
                        List.of("docker", "inspect", "-f", "{{.State.Running}}", "shop-db")),
                standIns.calls());
    }

    @Test
    void restartsTheContainerNamedInTheFailure() throws Exception {
        ContainerPlaybook restart = ContainerPlaybook.restart();
        PlaybookContext context = context("Error: container \"web-1\" is unhealthy", Map.of());

        Plan plan = restart.plan(context);
        assertEquals("Restart container web-1 (named in the failure)", plan.steps().get(0).description());
        assertTrue(restart.apply(context, plan).success());
        assertEquals(List.of(List.of("docker", "restart", "web-1")), standIns.calls());
    }

    @Test
    void aContainerThatDoesNotRunFailsVerification() throws Exception {
        standIns.add("docker", "RUNNING=false\n" + DOCKER);
        ContainerPlaybook start = ContainerPlaybook.start();
        PlaybookContext context = context("Error response from daemon: No such container: shop-db", Map.of());

        Outcome outcome = start.apply(context, start.plan(context));
        assertTrue(outcome.success());
        assertFalse(start.verify(context, outcome));
    }

    @Test
    void dockersOwnErrorBecomesTheOutcome() throws Exception {
        standIns.add("docker", "echo 'Error response from daemon: No such container: shop-db' >&2\nexit 1");
        ContainerPlaybook start = ContainerPlaybook.start();
        PlaybookContext context = context("x", Map.of("container", "shop-db"));

        Outcome outcome = start.apply(context, start.plan(context));
        assertFalse(outcome.success());
        assertEquals("`docker start shop-db` failed (exit 1): Error response from daemon: No such container:"
                + " shop-db", outcome.message());
        assertEquals("$ docker start shop-db\nError response from daemon: No such container: shop-db",
                outcome.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(touch MARK)", "`touch MARK`", "db;touch MARK", "db&&touch MARK",
            "db\ntouch MARK", "db|touch MARK", "../../MARK", "'db'$(touch MARK)"})
    void aHostileNameInTheFailureIsRefusedAndNothingRuns(String name) throws Exception {
        String hostile = name.replace("MARK", marker.toString());
        ContainerPlaybook start = ContainerPlaybook.start();
        PlaybookContext context = context("Error response from daemon: No such container: " + hostile, Map.of());

        Plan plan = start.plan(context);
        assertEquals(List.of(), plan.steps());
        assertEquals(1, plan.missing().size(), plan.missing().toString());
        assertTrue(plan.missing().get(0).startsWith("Refusing container name '"), plan.missing().get(0));
        assertEquals(plan.missing(), start.preflight(context));
        PlaybookException refused = assertThrows(PlaybookException.class, () -> start.apply(context, plan));
        assertTrue(refused.getMessage().startsWith("start-container will not run: Refusing container name"),
                refused.getMessage());
        assertFalse(start.verify(context, Outcome.ok("", "")));

        assertEquals(List.of(), standIns.calls());
        assertEquals(List.of(), context.commands().history());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aHostileNameInTheSettingsIsRefusedToo() throws Exception {
        ContainerPlaybook restart = ContainerPlaybook.restart();
        PlaybookContext context = context("x", Map.of("container", "db; touch " + marker));

        Plan plan = restart.plan(context);
        assertFalse(plan.runnable());
        assertThrows(PlaybookException.class, () -> restart.apply(context, plan));
        assertEquals(List.of(), standIns.calls());
    }

    @Test
    void hostileTextIsInertDataWhereverItGoes() throws Exception {
        String hostile = "$(touch " + marker + ") `touch " + marker + "`; touch " + marker + " && touch " + marker;
        ContainerPlaybook start = ContainerPlaybook.start();
        PlaybookContext context = context("No such container: shop-db\n" + hostile, Map.of("container", "shop-db"));

        Outcome outcome = start.apply(context, start.plan(context));
        CommandRunner.Result direct = context.commands().run(List.of("docker", "start", hostile));

        assertTrue(outcome.success());
        assertTrue(direct.ok());
        assertEquals(List.of(List.of("docker", "start", "shop-db"), List.of("docker", "start", hostile)),
                standIns.calls());
        assertFalse(Files.exists(marker));
    }

    @Test
    void withoutDockerOrAContainerThePlanSaysWhatIsMissing() throws Exception {
        CommandRunner bare = new CommandRunner(Duration.ofSeconds(5), s -> s,
                Map.of("PATH", Files.createDirectories(dir.resolve("empty")).toString()));
        ContainerPlaybook start = ContainerPlaybook.start();
        PlaybookContext context = StandIns.context("ECONNREFUSED 127.0.0.1:5432", Map.of(), Map.of(), bare, dir);

        Plan plan = start.plan(context);
        assertEquals(List.of("docker is not on the PATH: install the Docker CLI, or put it on Healdesk's PATH.",
                "No container given: set 'container' under playbooks: start-container: in the target file."),
                plan.missing());
        PlaybookException refused = assertThrows(PlaybookException.class, () -> start.apply(context, plan));
        assertTrue(refused.getMessage().contains("docker is not on the PATH"), refused.getMessage());
        assertEquals(List.of(), bare.history());
    }

    @Test
    void aDockerThatHangsIsStoppedAtTheTimeout() throws Exception {
        standIns.add("docker", "exec /bin/sleep 30");
        ContainerPlaybook restart = ContainerPlaybook.restart();
        PlaybookContext context = context("x", Map.of("container", "shop-db", "timeoutSeconds", 1));

        long t0 = System.nanoTime();
        Outcome outcome = restart.apply(context, restart.plan(context));
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();

        assertFalse(outcome.success());
        assertEquals("`docker restart shop-db` did not finish within 1 s and was stopped", outcome.message());
        assertTrue(seconds < 5, seconds + " s");
        assertTrue(context.commands().history().get(0).timedOut());
    }
}
