package dev.healdesk.core.run;

import dev.healdesk.core.process.Cancellation;

import dev.healdesk.core.triage.FailureGroup;

import java.util.List;

/**
 * Seam for the LLM diagnosis (core/llm): asked once per failure group, never per test. {@link #none()} is used
 * when no model is configured; the run loop does not call it at all when the run skips the LLM.
 */
public interface Diagnoser {

    /**
     * Diagnoses each group, emitting {@link RunEvent.DiagnosisStarted}, {@link RunEvent.DiagnosisToken} and
     * {@link RunEvent.Diagnosed} as it goes. Never throws for an LLM failure: it is recorded in the usage.
     */
    Diagnoses diagnose(String runId, List<FailureGroup> groups, RunOptions options, RunListener listener,
                       Cancellation cancel);

    static Diagnoser none() {
        return (runId, groups, options, listener, cancel) -> Diagnoses.none();
    }
}
