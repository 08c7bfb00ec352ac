package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** restart-worker with a stand-in systemctl and a stand-in worker control command. */
class RestartWorkerPlaybookTest {

    @TempDir
    Path dir;
    private StandIns standIns;
    private final RestartWorkerPlaybook playbook = new RestartWorkerPlaybook();

    @BeforeEach
    void systemctl() throws Exception {
        standIns = new StandIns(dir).add("systemctl", """
                case "$2" in
                  is-active) echo "${STATE:-active}"; [ "${STATE:-active}" = active ] ;;
                esac""");
    }

    private PlaybookContext context(Map<String, Object> settings) {
        return StandIns.context("Error: job stalled more than allowable limit", settings, Map.of(),
                standIns.runner(), dir);
    }

    @Test
    void restartsTheUsersSystemdUnitAndAsksWhetherItIsActive() throws Exception {
        PlaybookContext context = context(Map.of("unit", "shop-worker.service"));

        Plan plan = playbook.plan(context);
        assertEquals(List.of("systemctl", "--user", "restart", "shop-worker.service"), plan.steps().get(0).command());
        assertEquals("Then check it is active: systemctl --user is-active shop-worker.service",
                plan.steps().get(1).description());
        Outcome outcome = playbook.apply(context, plan);

        assertTrue(outcome.success(), outcome.message());
        assertTrue(playbook.verify(context, outcome));
        assertEquals(List.of(List.of("systemctl", "--user", "restart", "shop-worker.service"),
                List.of("systemctl", "--user", "is-active", "shop-worker.service")), standIns.calls());
    }

    @Test
    void aUnitThatIsNotActiveFailsVerification() throws Exception {
        standIns.add("systemctl", "echo failed; exit 3");
        PlaybookContext context = context(Map.of("unit", "shop-worker"));

        assertFalse(playbook.verify(context, Outcome.ok("", "")));
    }

    @Test
    void runsTheConfiguredCommandAsItsArgumentVector() throws Exception {
        standIns.add("worker-ctl", "echo restarted");
        PlaybookContext context = context(Map.of("command", List.of("worker-ctl", "restart", "--queue=emails",
                "two words")));

        Outcome outcome = playbook.apply(context, playbook.plan(context));

        assertTrue(outcome.success());
        assertEquals("$ worker-ctl restart --queue=emails two words\nrestarted", outcome.output());
        assertTrue(playbook.verify(context, outcome), "the executor's re-run is the check");
        assertEquals(List.of(List.of("worker-ctl", "restart", "--queue=emails", "two words")), standIns.calls());
    }

    @Test
    void aConfiguredCommandThatHangsIsStoppedAtTheTimeout() throws Exception {
        standIns.add("worker-ctl", "exec /bin/sleep 30");
        PlaybookContext context = context(Map.of("command", List.of("worker-ctl", "restart"), "timeoutSeconds", 1));

        Outcome outcome = playbook.apply(context, playbook.plan(context));

        assertFalse(outcome.success());
        assertEquals("`worker-ctl restart` did not finish within 1 s and was stopped", outcome.message());
    }

    @Test
    void withoutACommandOrAUnitItAsksForOne() {
        PlaybookContext context = context(Map.of());

        Plan plan = playbook.plan(context);

        assertEquals(List.of("No worker to restart: set 'command' (an argument vector) or 'unit' (a systemd user"
                + " unit) under playbooks: restart-worker: in the target file."), plan.missing());
        assertThrows(PlaybookException.class, () -> playbook.apply(context, plan));
    }

    @Test
    void aHostileUnitIsRefusedAndNothingRuns() throws Exception {
        Path marker = dir.resolve("pwned");
        PlaybookContext context = context(Map.of("unit", "worker\n$(touch " + marker + ")"));

        Plan plan = playbook.plan(context);

        assertTrue(plan.missing().get(0).startsWith("Refusing systemd unit name 'worker\\n$(touch"),
                plan.missing().get(0));
        assertThrows(PlaybookException.class, () -> playbook.apply(context, plan));
        assertFalse(playbook.verify(context, Outcome.ok("", "")));
        assertEquals(List.of(), standIns.calls());
        assertFalse(Files.exists(marker));
    }
}
