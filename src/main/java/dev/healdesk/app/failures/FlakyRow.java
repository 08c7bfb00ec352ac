package dev.healdesk.app.failures;

/**
 * A test that failed and then passed on a retry: listed apart from the failure groups, never healed.
 *
 * @param retries      how many attempts failed before the one that passed (0 when the runner did not say)
 * @param firstFailure the first line of the failure it had before passing, or empty
 * @param rateText     its flip rate over its recent runs ("30 %"), or "—"
 */
public record FlakyRow(String testId, int retries, String firstFailure, String rateText, boolean flipping) {

    /** "1 retry", "2 retries", or "retried" when the count is unknown. */
    public String retriesText() {
        if (retries <= 0) {
            return "retried";
        }
        return retries == 1 ? "1 retry" : retries + " retries";
    }
}
