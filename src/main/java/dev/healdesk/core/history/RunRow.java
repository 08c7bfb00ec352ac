package dev.healdesk.core.history;

import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.triage.HealthStatus;

import java.time.Instant;

/**
 * One line of the runs list.
 *
 * @param testsPassed passed at last, flaky tests included (as {@link dev.healdesk.core.run.RunSummary#testsPassed()})
 * @param state       {@code finished}; {@code running} while a process runs it (counts still zero); {@code interrupted}
 *                    when its process died mid-run (counts and score from the results it kept)
 * @param suiteError  why a suite could not run at all (a build that does not compile); null when every suite ran
 * @param faults      the sandbox faults the operator had switched on during the run (ids, sorted); empty when none
 * @param machine     the host name of the machine that recorded it; null for runs stored before schema 11
 * @param operator    who ran it (the OS user, or HEALDESK_OPERATOR); null before schema 11
 * @param origin      where it was started: console, cli, schedule or ci; null before schema 11
 * @param heartbeatAt the last sign of life of its process while it ran (schema 13); null for runs stored before
 * @param interruptedWhy why another store marked it interrupted ("no sign of life from MACHINE since T"); null when
 *                    it finished, or when its process was found gone on its own machine
 */
public record RunRow(String runId, String target, String projects, boolean dryRun, Instant startedAt,
                     Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                     int testsRun, int testsPassed, int testsFailed, int flaky, boolean cancelled, String runFolder,
                     String state, String suiteError, java.util.List<String> faults, String machine, String operator,
                     String origin, Instant heartbeatAt, String interruptedWhy) {

    public RunRow {
        faults = faults == null ? java.util.List.of() : java.util.List.copyOf(faults);
    }

    public static final String FINISHED = "finished";
    public static final String RUNNING = "running";
    public static final String INTERRUPTED = "interrupted";

    public boolean interrupted() {
        return INTERRUPTED.equals(state);
    }

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** The tests that were skipped: neither passed (flaky included) nor failed. */
    public int skipped() {
        return Math.max(0, testsRun - testsPassed - testsFailed);
    }

    /** The counts of the run's final pass (what the tests say now, or so far). */
    public RunOutcome.Pass finalPass() {
        return new RunOutcome.Pass(testsPassed - flaky, testsFailed, flaky, skipped());
    }

    /**
     * What became of the run, as every screen tells it.
     *
     * @param firstPass the first pass's counts (the history's test results), or null when only the final counts are at
     *                  hand
     * @param done      what became of its playbooks, or null when not read
     */
    public RunOutcome outcome(RunOutcome.Pass firstPass, RunOutcome.Done done) {
        RunOutcome.Pass last = finalPass();
        RunOutcome.State s = running() ? RunOutcome.State.RUNNING
                : RunOutcome.state(initialStatus, status, cancelled, interrupted(), suiteError != null);
        String note = suiteError != null ? suiteError
                : interrupted() ? (interruptedWhy != null ? interruptedWhy
                + ": the run did not finish; the results are those kept"
                : "its process stopped before the run finished; the results are those kept") : null;
        return new RunOutcome(s, status, firstPass == null ? last : firstPass, last,
                done == null ? RunOutcome.Done.NOTHING : done, healthScore, note);
    }

    /** {@link #outcome(RunOutcome.Pass, RunOutcome.Done)} from this row alone. */
    public RunOutcome outcome() {
        return outcome(null, null);
    }
}
