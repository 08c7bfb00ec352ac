package dev.healdesk.app.run;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunSummary;

/**
 * What the run screen calls to carry out one run: in the console, {@code RunService.run} on the
 * current target. Called on the run executor, never on the FX thread.
 */
@FunctionalInterface
public interface RunAction {
    RunSummary run(RunOptions options, RunListener listener, Cancellation cancel) throws RunException;
}
