package dev.healdesk.core.triage;

/**
 * Health score = passed / ran × 100 (flaky tests count as passed, skipped ones are not counted), and the status a CI
 * gate can trust: {@link #RULE}. A run that executed no test is failing: nothing proves the target works.
 */
public record HealthScore(double score, HealthStatus status) {

    /** The default of the {@code run.failingBelow} setting: below this score a run with failing tests is failing. */
    public static final double FAILING_BELOW = 80.0;

    /** The rule, as the docs and {@code healdesk run --help} state it ({@code %s}: the threshold). */
    public static final String RULE = "A run is healthy only when every test that ran passed (a flaky test counts as"
            + " passed, a skipped one is not counted); with any test still failing it is degraded, or failing when its"
            + " health score (passed / ran × 100) is below %s (the run.failingBelow setting), a critical failure still"
            + " fails or no test ran.";

    /** The status under the default threshold ({@link #FAILING_BELOW}). */
    public static HealthScore of(int passed, int total, boolean anyCritical) {
        return of(passed, total, anyCritical, FAILING_BELOW);
    }

    /**
     * @param passed       tests that passed, at once or on a retry
     * @param total        tests that ran (skipped ones left out)
     * @param anyCritical  whether a critical failure still fails
     * @param failingBelow the score under which a run with failing tests is failing rather than degraded
     */
    public static HealthScore of(int passed, int total, boolean anyCritical, double failingBelow) {
        if (total <= 0) {
            return new HealthScore(0.0, HealthStatus.FAILING);
        }
        double score = Math.round(passed * 10000.0 / total) / 100.0;
        HealthStatus status;
        if (anyCritical || score < failingBelow) {
            status = HealthStatus.FAILING;
        } else if (passed < total) {
            // One failing test that is not flaky is enough: a CI gate must never pass a red build.
            status = HealthStatus.DEGRADED;
        } else {
            status = HealthStatus.HEALTHY;
        }
        return new HealthScore(score, status);
    }
}
