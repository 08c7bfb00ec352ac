package dev.healdesk.app;

import dev.healdesk.app.doctor.DoctorViewModel;
import dev.healdesk.app.failures.ArtifactOpener;
import dev.healdesk.app.failures.PlaybookPicks;
import dev.healdesk.app.fx.DialogService;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.playbooks.ConsoleGate;
import dev.healdesk.app.run.RunAction;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.playbook.GuardrailCounters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the console's view models are given, as one value: {@link AppContext} (the composition root) makes it; the
 * console's view model only hands each screen its part.
 *
 * @param runAction  starts a run of the healing session (on {@link Threads#runs})
 * @param history    the history store; waits for it to open, so it is asked off the FX thread
 * @param llm        the core's LLM setup; asked on the worker and the download thread only
 * @param threads    where work runs off the FX thread
 * @param bridge     the one way back onto the FX thread
 * @param dialogs    the console's dialogs
 * @param resultsDir where run folders go
 * @param gate       the run's decision gate, which asks through the Playbooks queue
 * @param picks      where the Failures screen records the playbooks the operator picked, which the run proposes
 * @param counters   the session's guardrail counters (thread-safe; null while the core is not open)
 * @param artifacts  opens screenshots, traces and videos outside the console
 * @param doctor     the setup check (the first start, and Hardware → Check setup), or null for none
 */
public record ConsoleServices(RunAction runAction, Supplier<HistoryStore> history, Supplier<LlmSetup> llm,
                              Threads threads, FxBridge bridge, DialogService dialogs, Path resultsDir,
                              ConsoleGate gate, PlaybookPicks picks, Supplier<GuardrailCounters> counters,
                              ArtifactOpener artifacts, DoctorViewModel doctor) {

    public ConsoleServices {
        Objects.requireNonNull(runAction, "runAction");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(gate, "gate");
        artifacts = artifacts == null ? ArtifactOpener.NONE : artifacts;
    }

    /**
     * @param runs      where runs run, one at a time
     * @param worker    history queries, target starts and other short work
     * @param downloads model pulls, which never hold up history queries or runs
     */
    public record Threads(Executor runs, Executor worker, Executor downloads) {
        /** Everything on the calling thread: deterministic, for tests. */
        public static Threads direct() {
            return new Threads(Runnable::run, Runnable::run, Runnable::run);
        }
    }
}
