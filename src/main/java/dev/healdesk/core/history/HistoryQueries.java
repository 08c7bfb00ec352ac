package dev.healdesk.core.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The shapes of what the history answers beyond single runs: trends, metrics, recurring failures, comparisons. */
public final class HistoryQueries {

    private HistoryQueries() {
    }

    /**
     * Which runs a list shows; every field may be null (no restriction).
     *
     * @param status  healthy, degraded or failing (the final status), or interrupted
     * @param from    started at or after
     * @param to      started before
     * @param project ran this project
     * @param target  the target's name
     * @param text    a test id or a failure message containing this text
     */
    public record RunFilter(String status, Instant from, Instant to, String project, String target, String text) {
        public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null);
    }

    /** What the runs list's filters offer: the targets and projects runs were recorded for, sorted. */
    public record Choices(List<String> targets, List<String> projects) {
    }

    /**
     * One day of a trend (UTC days).
     *
     * @param passRate        passed / run over the day's tests, 0..100
     * @param healthScore     the mean health score of the day's runs
     * @param timeToHealthyMs mean time from a run that failed to the next healthy run of its target, over the
     *                        recoveries that ended this day; -1 when none did
     * @param fixesAttempted  playbooks applied
     * @param fixesSucceeded  of those, verified (or submitted for review, for class B and C)
     */
    public record TrendPoint(LocalDate day, int runs, double passRate, double healthScore, long timeToHealthyMs,
                             int fixesAttempted, int fixesSucceeded, int flaky, int llmCalls, long llmTokens) {
        public double fixSuccessRate() {
            return fixesAttempted == 0 ? 0 : fixesSucceeded * 100.0 / fixesAttempted;
        }
    }

    /**
     * The seeds' metrics over a period.
     *
     * @param passRate             tests passed / tests run, 0..100
     * @param autoFixSuccessRate   fixes successful / fixes attempted, 0..100 (0 when none was attempted)
     * @param meanTimeToRecoveryMs mean time from a failing run to the next healthy run of the same target; -1 when
     *                             no recovery happened in the period
     * @param llmCallsPerRun       model calls per run
     * @param llmByProvider        calls and tokens by provider
     * @param topPatterns          the most common failure patterns: pattern id → failure groups
     */
    public record Metrics(int runs, long testsRun, double passRate, int fixesAttempted, int fixesSucceeded,
                          double autoFixSuccessRate, long meanTimeToRecoveryMs, double llmCallsPerRun,
                          Map<String, LlmUse> llmByProvider, Map<String, Integer> topPatterns) {
    }

    public record LlmUse(int calls, long tokens) {
    }

    /** A fingerprint that keeps coming back, with the last fix that healed it (null when none did). */
    public record Recurring(FingerprintRow fingerprint, String lastWorkingFix, Instant lastWorkingFixAt) {
    }

    /** One run in which a fingerprint failed: how many tests, and what was done about it. */
    public record Occurrence(String runId, Instant startedAt, String target, int count, String playbook,
                             String decision, boolean verified) {
    }

    /**
     * Two runs side by side, by test id.
     *
     * @param newFailures   fail in the later run, did not in the earlier (or were not run)
     * @param fixed         failed in the earlier run, pass in the later
     * @param stillFailing  fail in both
     */
    public record Comparison(String earlierRunId, String laterRunId, List<String> newFailures, List<String> fixed,
                             List<String> stillFailing) {
    }
}
