package dev.healdesk.core.triage;

/**
 * Health score = passed / total × 100. Healthy at 95 or more, degraded from 80 up to 95,
 * failing below 80; any critical failure makes the run failing whatever the score.
 * A run that executed no test is failing: nothing proves the target works.
 */
public record HealthScore(double score, HealthStatus status) {

    public static final double HEALTHY_AT = 95.0;
    public static final double DEGRADED_AT = 80.0;

    public static HealthScore of(int passed, int total, boolean anyCritical) {
        if (total <= 0) {
            return new HealthScore(0.0, HealthStatus.FAILING);
        }
        double score = Math.round(passed * 10000.0 / total) / 100.0;
        HealthStatus status;
        if (anyCritical || score < DEGRADED_AT) {
            status = HealthStatus.FAILING;
        } else if (score < HEALTHY_AT) {
            status = HealthStatus.DEGRADED;
        } else {
            status = HealthStatus.HEALTHY;
        }
        return new HealthScore(score, status);
    }
}
