package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.PlaybookRegistry;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registered set, and what every one of them does on a bare machine with nothing configured. */
class InfraPlaybooksTest {

    @TempDir
    Path dir;

    @Test
    void registersTheNineClassAPlaybooksTheCatalogNames() {
        PlaybookRegistry registry = new PlaybookRegistry();
        InfraPlaybooks.register(registry);

        assertEquals(new TreeSet<>(List.of("kill-idle-db-connections", "redis-clear-expired", "redis-restart",
                "restart-container", "restart-worker", "rollout-restart", "scale-up", "start-container",
                "terminate-idle-transactions")), registry.names());
        for (Playbook playbook : registry.all()) {
            assertEquals(FixClass.A, playbook.fixClass(), playbook.name());
            assertFalse(playbook.categories().isEmpty(), playbook.name());
        }
        assertEquals(Risk.HIGH, registry.find("terminate-idle-transactions").orElseThrow().risk());
        assertEquals(Risk.HIGH, registry.find("redis-restart").orElseThrow().risk());
    }

    @Test
    void onABareMachineEveryPlanSaysWhatIsMissingAndNothingRuns() throws Exception {
        CommandRunner bare = new CommandRunner(Duration.ofSeconds(5), s -> s,
                Map.of("PATH", Files.createDirectories(dir.resolve("empty")).toString()));
        PlaybookContext context = StandIns.context("it broke", Map.of(), Map.of(), bare, dir);
        PlaybookRegistry registry = new PlaybookRegistry();
        InfraPlaybooks.register(registry);

        for (Playbook playbook : registry.all()) {
            Plan plan = playbook.plan(context);
            assertFalse(plan.runnable(), playbook.name());
            assertEquals(plan.missing(), playbook.preflight(context), playbook.name());
            assertTrue(plan.missing().stream().allMatch(m -> m.endsWith(".")), plan.missing().toString());
            PlaybookException refused = assertThrows(PlaybookException.class, () -> playbook.apply(context, plan));
            assertTrue(refused.getMessage().startsWith(playbook.name() + " will not run: "), refused.getMessage());
        }
        assertEquals(List.of(), bare.history());
    }
}
