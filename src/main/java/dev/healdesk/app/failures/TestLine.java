package dev.healdesk.app.failures;

/**
 * One test of the selected failure group in the detail pane: its id and how often it flipped in its recent runs.
 *
 * @param rateText "30 %", or "—" when the history does not know the test yet
 * @param recent   its recent outcomes, oldest first, one letter a run (P passed, F failed, K flaky, S skipped); empty
 *                 when unknown
 * @param flipping it flips often enough that a failure of it may not be a real one
 */
public record TestLine(String id, String rateText, String recent, boolean flipping) {
}
