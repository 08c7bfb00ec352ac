package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Incident;
import dev.healdesk.core.triage.Incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced: the source of healing-summary.json, the history rows and the
 * console's summary.
 *
 * @param status        final status (after verification of any fix)
 * @param initialStatus status of the first test pass, before any fix
 * @param diagnoses     the LLM's diagnoses by fingerprint (groups without one are absent)
 * @param cancelled     true when the operator cancelled: results are those gathered so far
 * @param flipRates     by test id, the flip rate over the target's recent runs (this one included) of every test that
 *                      did not simply pass; empty before the run is stored
 * @param interrupted   true when its process died before it finished (rebuilt from the history): results are those kept
 * @param suiteError    why a suite could not run at all (a build that does not compile), without escape codes; null
 *                      when every suite ran
 * @see #outcome() the one way every screen, report and the CLI tell what became of it
 * @param incidents     the failures joined by cause (one diagnosis, proposal and verification each); when not given,
 *                      one incident per failure group
 * @param faults        the ids of the faults the operator had switched on in the target during the run (the sandbox's
 *                      switches), sorted; empty for a real target. A test failing in such a run is not a flake.
 * @param provenance    who recorded the run and where (machine, operator, origin), as every report's header says;
 *                      null when not known (a summary written before it was recorded)
 */
public record RunSummary(String runId, String target, List<String> projects, boolean dryRun,
                         Instant startedAt, Instant finishedAt, HealthStatus status, HealthStatus initialStatus,
                         double healthScore, int testsRun, int testsPassed, int testsFailed, int flaky,
                         List<TestResult> results, List<FailureGroup> failures, List<ActionRecord> actions,
                         LlmUsage llm, Map<String, Diagnosis> diagnoses, boolean cancelled,
                         Map<String, FlipRate> flipRates, boolean interrupted, String suiteError,
                         List<Incident> incidents, List<String> faults, Provenance provenance) {

    /** A run whose provenance is not known (yet: the session adds this process's, {@link #withProvenance}). */
    public RunSummary(String runId, String target, List<String> projects, boolean dryRun,
                      Instant startedAt, Instant finishedAt, HealthStatus status, HealthStatus initialStatus,
                      double healthScore, int testsRun, int testsPassed, int testsFailed, int flaky,
                      List<TestResult> results, List<FailureGroup> failures, List<ActionRecord> actions,
                      LlmUsage llm, Map<String, Diagnosis> diagnoses, boolean cancelled,
                      Map<String, FlipRate> flipRates, boolean interrupted, String suiteError,
                      List<Incident> incidents, List<String> faults) {
        this(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus, healthScore, testsRun,
                testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses, cancelled, flipRates,
                interrupted, suiteError, incidents, faults, null);
    }

    /** A run with no fault switched on by the operator. */
    public RunSummary(String runId, String target, List<String> projects, boolean dryRun,
                      Instant startedAt, Instant finishedAt, HealthStatus status, HealthStatus initialStatus,
                      double healthScore, int testsRun, int testsPassed, int testsFailed, int flaky,
                      List<TestResult> results, List<FailureGroup> failures, List<ActionRecord> actions,
                      LlmUsage llm, Map<String, Diagnosis> diagnoses, boolean cancelled,
                      Map<String, FlipRate> flipRates, boolean interrupted, String suiteError,
                      List<Incident> incidents) {
        this(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus, healthScore, testsRun,
                testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses, cancelled, flipRates,
                interrupted, suiteError, incidents, List.of());
    }

    /** A run as the triage tells it (not interrupted, every suite ran). */
    public RunSummary(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                      Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                      int testsRun, int testsPassed, int testsFailed, int flaky, List<TestResult> results,
                      List<FailureGroup> failures, List<ActionRecord> actions, LlmUsage llm,
                      Map<String, Diagnosis> diagnoses, boolean cancelled, Map<String, FlipRate> flipRates,
                      List<Incident> incidents) {
        this(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus, healthScore, testsRun,
                testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses, cancelled, flipRates, false,
                null, incidents);
    }

    /** A run whose incidents are one per failure group. */
    public RunSummary(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                      Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                      int testsRun, int testsPassed, int testsFailed, int flaky, List<TestResult> results,
                      List<FailureGroup> failures, List<ActionRecord> actions, LlmUsage llm,
                      Map<String, Diagnosis> diagnoses, boolean cancelled, Map<String, FlipRate> flipRates,
                      boolean interrupted, String suiteError) {
        this(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus, healthScore, testsRun,
                testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses, cancelled, flipRates,
                interrupted, suiteError, null);
    }

    public RunSummary(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                      Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                      int testsRun, int testsPassed, int testsFailed, int flaky, List<TestResult> results,
                      List<FailureGroup> failures, List<ActionRecord> actions, LlmUsage llm,
                      Map<String, Diagnosis> diagnoses, boolean cancelled, Map<String, FlipRate> flipRates) {
        this(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus, healthScore, testsRun,
                testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses, cancelled, flipRates, false,
                null, null);
    }

    public RunSummary(String runId, String target, List<String> projects, boolean dryRun, Instant startedAt,
                      Instant finishedAt, HealthStatus status, HealthStatus initialStatus, double healthScore,
                      int testsRun, int testsPassed, int testsFailed, int flaky, List<TestResult> results,
                      List<FailureGroup> failures, List<ActionRecord> actions, LlmUsage llm,
                      Map<String, Diagnosis> diagnoses, boolean cancelled) {
        this(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus, healthScore, testsRun,
                testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses, cancelled, Map.of());
    }

    public RunSummary {
        flipRates = flipRates == null ? Map.of() : Map.copyOf(flipRates);
        incidents = incidents == null ? Incidents.fromGroups(failures) : List.copyOf(incidents);
        projects = List.copyOf(projects);
        results = List.copyOf(results);
        failures = List.copyOf(failures);
        actions = List.copyOf(actions);
        diagnoses = diagnoses == null ? Map.of() : Map.copyOf(diagnoses);
        faults = faults == null ? List.of() : List.copyOf(new java.util.TreeSet<>(faults));
    }

    /** The same run, recording the faults the operator had switched on during it. */
    public RunSummary withFaults(java.util.Collection<String> ids) {
        return new RunSummary(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus,
                healthScore, testsRun, testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses,
                cancelled, flipRates, interrupted, suiteError, incidents, List.copyOf(ids), provenance);
    }

    /** The same run, recorded by {@code who} (the machine, the operator, where it was started). */
    public RunSummary withProvenance(Provenance who) {
        return new RunSummary(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus,
                healthScore, testsRun, testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses,
                cancelled, flipRates, interrupted, suiteError, incidents, faults, who);
    }

    /** The same run with the flip rates the history gives once it is stored. */
    public RunSummary withFlipRates(Map<String, FlipRate> rates) {
        return new RunSummary(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus,
                healthScore, testsRun, testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses,
                cancelled, rates, interrupted, suiteError, incidents, faults, provenance);
    }

    /** The same run, told as interrupted: its process died before it finished. */
    public RunSummary asInterrupted() {
        return new RunSummary(runId, target, projects, dryRun, startedAt, finishedAt, status, initialStatus,
                healthScore, testsRun, testsPassed, testsFailed, flaky, results, failures, actions, llm, diagnoses,
                cancelled, flipRates, true, suiteError, incidents, faults, provenance);
    }

    /**
     * What became of the run: its state, the first pass beside the final one, what was done. Every front end and
     * report tells the run through this, so none contradicts another.
     */
    public RunOutcome outcome() {
        RunOutcome.Pass first = RunOutcome.Pass.of(results);
        // testsPassed counts flaky tests too (they passed in the end); the rest of the run are the skipped ones (no
        // re-run runs a skipped test, so the first pass's skipped are the final pass's).
        RunOutcome.Pass last = new RunOutcome.Pass(testsPassed - flaky, testsFailed, flaky,
                results.isEmpty() ? Math.max(0, testsRun - testsPassed - testsFailed) : first.skipped());
        if (results.isEmpty() && testsRun > 0) {
            first = last;   // rebuilt without its results: the counts are all there is
        }
        String note = suiteError != null ? suiteError
                : interrupted ? "its process stopped before the run finished; the results are those kept" : null;
        return new RunOutcome(RunOutcome.state(initialStatus, status, cancelled, interrupted, suiteError != null),
                status, first, last, RunOutcome.Done.of(actions), healthScore, note);
    }

    /** The incident a fingerprint (of a failure group or an action) belongs to, when one holds it. */
    public java.util.Optional<Incident> incidentOf(String fingerprint) {
        for (Incident i : incidents) {
            if (i.leadFingerprint().equals(fingerprint)) {
                return java.util.Optional.of(i);
            }
        }
        // loops, not streams: a report asks these for each group, in a process that would link each lambda afresh
        for (Incident i : incidents) {
            if (i.fingerprints().contains(fingerprint)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }

    /** The incident a test's failure belongs to, when it failed. */
    public java.util.Optional<Incident> incidentOfTest(String testId) {
        for (Incident i : incidents) {
            if (i.tests().contains(testId)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }

    /** The tests that failed and then passed on a retry: shown apart, never healed. */
    public List<TestResult> flakyTests() {
        List<TestResult> flaky = new java.util.ArrayList<>();
        for (TestResult r : results) {
            if (r.status() == dev.healdesk.core.suite.TestStatus.FLAKY) {
                flaky.add(r);
            }
        }
        return java.util.Collections.unmodifiableList(flaky);
    }

    /** The pooled flip rate of a failure group's tests, when the history knows them. */
    public java.util.Optional<FlipRate> flipRate(FailureGroup group) {
        List<FlipRate> rates = new java.util.ArrayList<>();
        for (TestResult t : group.tests()) {
            FlipRate rate = flipRates.get(t.id());
            if (rate != null) {
                rates.add(rate);
            }
        }
        return rates.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(FlipRate.pooled(group.fingerprint(), rates));
    }

    public long durationMs() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
