package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Typed events of one run, in the order the loop emits them. */
public sealed interface RunEvent {

    String runId();

    /** @param expectedTests how many tests the run will have, or -1 when the suites cannot tell beforehand */
    record RunStarted(String runId, String target, List<String> projects, RunOptions options, Instant at,
                      int expectedTests) implements RunEvent { }

    /** A line for the live log (what the CLI prints and the console appends). */
    record Log(String runId, Level level, String message) implements RunEvent {
        public enum Level { DEBUG, INFO, WARN, ERROR }
    }

    record TestFinished(String runId, TestResult result, int finished) implements RunEvent { }

    record FailureTriaged(String runId, FailureGroup group) implements RunEvent { }

    /** A model is asked about one group (not sent for cache hits). */
    record DiagnosisStarted(String runId, String fingerprint, String provider, String model) implements RunEvent { }

    /** A piece of the model's answer, as it streams in; not written to the run's log. */
    record DiagnosisToken(String runId, String fingerprint, String text) implements RunEvent { }

    /**
     * No diagnosis for a group: the model failed or is unavailable ({@code unavailable}: the groups after it are not
     * asked either). The run goes on with pattern triage.
     */
    record DiagnosisFailed(String runId, String fingerprint, String reason, boolean unavailable) implements RunEvent { }

    /** A group's diagnosis, fresh or from the cache. */
    record Diagnosed(String runId, Diagnosis diagnosis) implements RunEvent { }

    /** A playbook is proposed for a failure group (also when it then cannot run: the decision says why). */
    record PlaybookProposed(String runId, String fingerprint, String playbook, FixClass fixClass)
            implements RunEvent { }

    /**
     * The dry run of a proposal: every step with its real command or request (secrets only as variable names), and
     * what is missing for it to run.
     */
    record PlaybookPlanned(String runId, String fingerprint, String playbook, List<String> steps,
                           List<String> missing, boolean reversible) implements RunEvent {
        public PlaybookPlanned {
            steps = List.copyOf(steps);
            missing = List.copyOf(missing);
        }
    }

    /**
     * @param decidedBy "policy", "guardrails", "operator" or the operator's user name
     * @param at        when the decision was taken
     */
    record PlaybookDecided(String runId, String fingerprint, String playbook, Decision decision, String decidedBy,
                           Instant at, String reason) implements RunEvent { }

    /** @param output what the commands and requests printed (without secrets) */
    record PlaybookApplied(String runId, ActionRecord action, String output) implements RunEvent { }

    record PlaybookVerified(String runId, ActionRecord action) implements RunEvent { }

    /** A fix that did not verify was undone ({@code success}) or could not be. */
    record PlaybookRolledBack(String runId, String fingerprint, String playbook, boolean success, String message)
            implements RunEvent { }

    /**
     * Tests run again (to see whether a failure comes back, or to verify a fix); their results replace the first
     * pass's in the run's final status. {@code notRerun}: the ids asked for that the re-run gave no result for.
     */
    record TestsRerun(String runId, List<String> projects, List<TestResult> results, List<String> notRerun)
            implements RunEvent {
        public TestsRerun {
            projects = List.copyOf(projects);
            results = List.copyOf(results);
            notRerun = notRerun == null ? List.of() : List.copyOf(notRerun);
        }

        public TestsRerun(String runId, List<String> projects, List<TestResult> results) {
            this(runId, projects, results, List.of());
        }
    }

    record RunFinished(String runId, RunSummary summary, Path runFolder) implements RunEvent { }
}
