package dev.healdesk.core.run;

import dev.healdesk.core.triage.FailureGroup;

import java.util.List;

/**
 * Seam for the LLM diagnosis (core/llm): asked once per failure group, never per test.
 * {@link #none()} is used until a model is configured, and whenever the run skips the LLM.
 */
public interface Diagnoser {

    LlmUsage diagnose(String runId, List<FailureGroup> groups, RunOptions options, RunListener listener);

    static Diagnoser none() {
        return (runId, groups, options, listener) -> LlmUsage.none();
    }
}
