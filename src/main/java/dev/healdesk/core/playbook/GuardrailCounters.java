package dev.healdesk.core.playbook;

import java.time.Instant;
import java.util.Map;

/**
 * Where the guardrails stand now, for the console's counters: what this session has used of each limit.
 *
 * @param fixesLastRun          fixes applied in the run in progress, or in the last one
 * @param attemptsByFingerprint attempts at each failure in this session
 * @param refusals              proposals the guardrails refused in this session
 * @param lastFixAt             when the last fix started, or null
 */
public record GuardrailCounters(Guardrails limits, int fixesLastRun, int containerRestarts, int databaseOperations,
                                Map<String, Integer> attemptsByFingerprint, int refusals, Instant lastFixAt) {
    public GuardrailCounters {
        attemptsByFingerprint = Map.copyOf(attemptsByFingerprint);
    }
}
