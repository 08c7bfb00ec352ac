package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestStatus;

import java.util.Collection;
import java.util.List;

/**
 * How often a test changed its mind in its recent runs of one target: the seeds' "flip rate". A <em>flip</em> is a
 * run whose outcome differs from the run before it (passed after failed, or failed after passed), and a run in which
 * the test was {@link TestStatus#FLAKY} (it failed and then passed on a retry) counts as one flip by itself.
 * {@code rate} = flips / (runs − 1), at most 1; a test seen in fewer than two runs has rate 0.
 * <p>A run in which the operator had switched a fault on (the sandbox's switches) and the test did not pass (failed,
 * timed out or passed only on a retry) is the fault's doing, not the test's: it is shown ({@code X}) but, like a skipped
 * run, neither flips nor counts nor breaks a streak. A pass under a fault counts as any pass.
 *
 * @param testId  the test
 * @param runs    how many recent runs the rate is computed over (at most {@link #WINDOW})
 * @param flips   the flips among them
 * @param recent  outcomes oldest first, one letter per run: P passed, F failed, K flaky, S skipped, X failed (or
 *                flaky) while the operator had a fault switched on
 */
public record FlipRate(String testId, int runs, int flips, String recent) {

    /** How many of a test's most recent runs count. */
    public static final int WINDOW = 10;
    /** A test at or above this rate, over at least {@link #MIN_RUNS} runs, is flipping: treat its failures with doubt. */
    public static final double FLIPPING = 0.3;
    public static final int MIN_RUNS = 3;

    public double rate() {
        return runs < 2 ? 0 : Math.min(1.0, flips / (double) (runs - 1));
    }

    /** Flips often enough, over enough runs, that a failure of it may not be a real one. */
    public boolean flipping() {
        return runs >= MIN_RUNS && flips >= 2 && rate() >= FLIPPING;
    }

    /** One run of a test: its status, and whether the operator had a fault switched on in that run. */
    public record Seen(TestStatus status, boolean faultOn) {

        /** Failed (or needed a retry) while a fault the operator switched on was on: the fault's doing. */
        public boolean byFault() {
            return faultOn && status != TestStatus.PASSED && status != TestStatus.SKIPPED;
        }
    }

    /** The rate over {@code statuses}, oldest first (skipped runs are shown but neither flip nor break a streak). */
    public static FlipRate of(String testId, List<TestStatus> statuses) {
        return ofSeen(testId, statuses.stream().map(s -> new Seen(s, false)).toList());
    }

    /**
     * The rate over {@code runs}, oldest first: skipped runs, and runs failed under a fault the operator switched on,
     * are shown but neither flip, count, nor break a streak.
     */
    public static FlipRate ofSeen(String testId, List<Seen> runs) {
        StringBuilder recent = new StringBuilder();
        int flips = 0;
        int counted = 0;
        Boolean last = null;
        for (Seen seen : runs) {
            TestStatus s = seen.status();
            if (seen.byFault()) {
                recent.append(BY_FAULT);
                continue;
            }
            recent.append(letter(s));
            if (s == TestStatus.SKIPPED) {
                continue;
            }
            counted++;
            if (s == TestStatus.FLAKY) {
                flips++;
            }
            boolean passed = s.isPassing();
            if (last != null && last != passed) {
                flips++;
            }
            last = passed;
        }
        return new FlipRate(testId, counted, flips, recent.toString());
    }

    /** One rate for a failure group (per fingerprint): its tests' flips over their runs, pooled. */
    public static FlipRate pooled(String fingerprint, Collection<FlipRate> rates) {
        int flips = 0;
        int transitions = 0;
        for (FlipRate r : rates) {
            flips += r.flips;
            transitions += Math.max(0, r.runs - 1);
        }
        // runs - 1 = transitions keeps rate() = flips / transitions
        return new FlipRate(fingerprint, transitions + 1, flips, "");
    }

    /** The letter of a run the test failed while the operator had a fault switched on. */
    public static final char BY_FAULT = 'X';

    private static char letter(TestStatus s) {
        return switch (s) {
            case PASSED -> 'P';
            case FAILED, TIMED_OUT -> 'F';
            case FLAKY -> 'K';
            case SKIPPED -> 'S';
        };
    }
}
