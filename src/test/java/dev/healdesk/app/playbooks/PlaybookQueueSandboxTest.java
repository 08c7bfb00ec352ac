package dev.healdesk.app.playbooks;

import dev.healdesk.app.failures.PlaybookPicks;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.playbook.BuiltInPlaybooks;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.PlaybookExecutor;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.session.RunService;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxTarget;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the real sandbox with real Chromium: a run with the backend down, healed through the console's gate.
 * The run holds on restart-backend until the operator approves it in the queue; the fix is applied, verified, the
 * queue shows it HEALED and the run ends healthy with the approval on record under the operator's name.
 */
@ExtendWith(ApplicationExtension.class)
class PlaybookQueueSandboxTest {
    @TempDir
    Path dir;

    @Test
    void theOperatorApprovesInTheQueueAndTheRunHeals(FxRobot robot) throws Exception {
        PlaybookQueueViewModel[] queue = new PlaybookQueueViewModel[1];
        robot.interact(() -> queue[0] = new PlaybookQueueViewModel(() -> null));
        PlaybookQueueViewModel q = queue[0];
        ConsoleGate gate = new ConsoleGate(FxBridge.platform(), "alice");
        gate.attach(q);
        PlaybookExecutor executor = new PlaybookExecutor(BuiltInPlaybooks.registry(), gate, Guardrails.defaults(),
                Map.of(), Redactor.standard()::redact, Clock.systemUTC(), new PlaybookPicks());

        try (SandboxTarget sandbox = SandboxTarget.start(SandboxOptions.defaults(), Duration.ofMillis(1500), null);
             HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            sandbox.server().setFault(Fault.BACKEND_DOWN, true);
            RunService service = new RunService(store, new RunFolderWriter(dir.resolve("results")),
                    new Triage(PatternCatalog.builtIn()), Diagnoser.none(), executor, Clock.systemUTC());
            RunOptions ask = new RunOptions(Set.of(), false, true, 3, ApprovalPolicy.ASK, false);
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.run(sandbox, ask, FxBridge.platform().runListener(q::accept), new Cancellation());
                } catch (RunException e) {
                    throw new CompletionException(e);
                }
            });

            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(robot, () -> q.canDecideProperty().get()));
            String asked = fx(robot, () -> q.selectedProperty().get().playbook());
            assertThat(asked).isEqualTo("restart-backend");
            assertThat(sandbox.server().isOn(Fault.BACKEND_DOWN)).as("nothing runs before the approval").isTrue();
            robot.interact(q::approve);

            RunSummary summary = run.get(90, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            ActionRecord fix = summary.actions().stream().filter(ActionRecord::applied).findFirst().orElseThrow();
            assertThat(fix.playbook()).isEqualTo("restart-backend");
            assertThat(fix.decision()).isEqualTo(Decision.APPROVED);
            assertThat(fix.verified()).isTrue();
            assertThat(summary.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(sandbox.server().isOn(Fault.BACKEND_DOWN)).isFalse();
            assertThat(fx(robot, () -> q.rows().stream()
                    .filter(r -> r.playbook().equals("restart-backend")).findFirst().orElseThrow().state()))
                    .isEqualTo(ProposalState.HEALED);
            assertThat(store.auditOf(summary.runId())).anyMatch(e -> "alice".equals(e.actor()));
        }
    }

    private static <T> T fx(FxRobot robot, Supplier<T> read) {
        Object[] value = new Object[1];
        robot.interact(() -> value[0] = read.get());
        @SuppressWarnings("unchecked")
        T t = (T) value[0];
        return t;
    }
}
