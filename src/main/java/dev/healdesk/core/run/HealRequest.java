package dev.healdesk.core.run;

import dev.healdesk.core.process.Cancellation;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a {@link Healer} gets for one run: the failure groups to heal with their diagnoses, the first pass's results
 * (what passed before a fix must still pass after it), the target and a way to re-run its tests, the run folder for
 * patches and issues, and where to report.
 *
 * @param results     every result of the first pass
 * @param diagnoses   the model's diagnoses by fingerprint (groups without one are absent)
 * @param startedAt   when the run started (the per-run time limit counts from here)
 * @param fingerprint the fingerprint triage gives a failed result, so that a healer can tell a group's failure
 *                    still there from its test now failing for another reason
 */
public record HealRequest(String runId, Target target, List<FailureGroup> groups, List<TestResult> results,
                          Map<String, Diagnosis> diagnoses, RunOptions options, Instant startedAt, Path runFolder,
                          Rerun rerun, RunListener listener, Cancellation cancel,
                          Function<TestResult, String> fingerprint) {
    public HealRequest {
        groups = List.copyOf(groups);
        results = List.copyOf(results);
        diagnoses = diagnoses == null ? Map.of() : Map.copyOf(diagnoses);
    }
}
