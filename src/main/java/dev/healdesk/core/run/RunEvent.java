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

    /** A group's diagnosis, fresh or from the cache. */
    record Diagnosed(String runId, Diagnosis diagnosis) implements RunEvent { }

    record PlaybookProposed(String runId, String fingerprint, String playbook, FixClass fixClass)
            implements RunEvent { }

    record PlaybookDecided(String runId, String fingerprint, String playbook, Decision decision, String reason)
            implements RunEvent { }

    record PlaybookApplied(String runId, ActionRecord action) implements RunEvent { }

    record PlaybookVerified(String runId, ActionRecord action) implements RunEvent { }

    record RunFinished(String runId, RunSummary summary, Path runFolder) implements RunEvent { }
}
