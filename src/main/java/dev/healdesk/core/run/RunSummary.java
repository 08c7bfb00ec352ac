package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthStatus;

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
 */
public record RunSummary(String runId, String target, List<String> projects, boolean dryRun,
                         Instant startedAt, Instant finishedAt, HealthStatus status, HealthStatus initialStatus,
                         double healthScore, int testsRun, int testsPassed, int testsFailed, int flaky,
                         List<TestResult> results, List<FailureGroup> failures, List<ActionRecord> actions,
                         LlmUsage llm, Map<String, Diagnosis> diagnoses, boolean cancelled) {
    public RunSummary {
        projects = List.copyOf(projects);
        results = List.copyOf(results);
        failures = List.copyOf(failures);
        actions = List.copyOf(actions);
        diagnoses = diagnoses == null ? Map.of() : Map.copyOf(diagnoses);
    }

    public long durationMs() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
