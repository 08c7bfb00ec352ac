package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.HealthStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What became of a run, told one way on every screen, in every report format, on the command line and in the history:
 * the first pass (what the run found), what was done about it, the final pass (what the tests say now) and the one
 * {@link State} that sums it up. Every front end asks this record instead of reading statuses and counts itself, so
 * no two of them can tell different stories about the same run.
 *
 * @param state      the one word for the run
 * @param health     the final pass's health status (the rule of {@link dev.healdesk.core.triage.HealthScore})
 * @param firstPass  the tests as the run first found them
 * @param finalPass  each test's latest result: after a verified fix, what the tests say now
 * @param done       what became of the playbooks proposed
 * @param healthScore the final pass's score (passed and flaky / tests that ran, skipped ones not counted)
 * @param note       why the run ended as it did, when that is not in the counts: the suite's error, an interruption;
 *                   null otherwise
 */
public record RunOutcome(State state, HealthStatus health, Pass firstPass, Pass finalPass, Done done,
                         double healthScore, String note) {

    /** The one word for a run. */
    public enum State {
        /** A process is running it now: its counts are those so far. */
        RUNNING,
        /** Every test that ran passed (flaky ones count as passed) at the first pass. */
        HEALTHY,
        /** Healthy after the run's fixes; the first pass was not. */
        HEALED,
        /** Some test still fails, the score is at or above the failing threshold, nothing critical still fails. */
        DEGRADED,
        /** The score is below the failing threshold, a critical failure still fails, or no test ran. */
        FAILING,
        /** The operator cancelled it: kept and shown, left out of health trends and scores. */
        CANCELLED,
        /** Its process died (killed, crashed) before it finished: never healthy; what it did up to then is kept. */
        INTERRUPTED,
        /** A suite could not run at all (a build that does not compile, a command that wrote no report). */
        SUITE_ERROR;

        /** {@code healthy}, {@code suite-error}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static State fromId(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** The header word of a report: {@code HEALTHY}, {@code SUITE ERROR}. */
        public String headline() {
            return name().replace('_', ' ');
        }

        /** Whether a CI gate may pass the run (exit 0): healthy or healed, nothing else. */
        public boolean passes() {
            return this == HEALTHY || this == HEALED;
        }

        /** Whether health trends and scores count the run by default: not while it runs, not when cancelled. */
        public boolean countedInTrends() {
            return this != RUNNING && this != CANCELLED;
        }
    }

    /** The counts of one pass over the tests. {@code passed} does not include {@code flaky}. */
    public record Pass(int passed, int failed, int flaky, int skipped) {

        public static final Pass NONE = new Pass(0, 0, 0, 0);

        public static Pass of(Collection<TestResult> results) {
            int passed = 0;
            int failed = 0;
            int flaky = 0;
            int skipped = 0;
            for (TestResult r : results) {
                if (r.status() == TestStatus.PASSED) {
                    passed++;
                } else if (r.status() == TestStatus.FLAKY) {
                    flaky++;
                } else if (r.status() == TestStatus.SKIPPED) {
                    skipped++;
                } else {
                    failed++;
                }
            }
            return new Pass(passed, failed, flaky, skipped);
        }

        /** Every test of the pass, skipped ones included. */
        public int total() {
            return passed + failed + flaky + skipped;
        }

        /** The tests that ran (not skipped): what the health score divides by. */
        public int ran() {
            return passed + failed + flaky;
        }

        /** "9 passed, 1 failed, 1 flaky, 2 skipped of 13" (the parts that are zero left out, but passed and failed). */
        public String describe() {
            StringBuilder b = new StringBuilder().append(passed).append(" passed, ").append(failed).append(" failed");
            if (flaky > 0) {
                b.append(", ").append(flaky).append(" flaky");
            }
            if (skipped > 0) {
                b.append(", ").append(skipped).append(" skipped");
            }
            return b.append(" of ").append(total()).toString();
        }

        /*
         * equals and hashCode written out, the same as the record's own: those are linked through method handles the
         * first time they run (Java 17's ObjectMethods bootstrap spins a score of classes the class-data archive cannot
         * hold), and `healdesk history` compares two passes of every run it lists (firstPassDiffers).
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Pass p && p.passed == passed && p.failed == failed && p.flaky == flaky
                    && p.skipped == skipped;
        }

        @Override
        public int hashCode() {
            return ((passed * 31 + failed) * 31 + flaky) * 31 + skipped;
        }
    }

    /**
     * What became of the playbooks proposed: healed (applied and verified), submitted for review (class B or C, made),
     * rejected, dry run, skipped (guardrails, nothing to do), failed (the fix or its verification failed, not undone),
     * rolled back (it did not verify and was undone).
     */
    public record Done(int healed, int submitted, int rejected, int dryRun, int skipped, int failed, int rolledBack) {

        public static final Done NOTHING = new Done(0, 0, 0, 0, 0, 0, 0);

        public static Done of(Collection<ActionRecord> actions) {
            int[] n = new int[7];
            for (ActionRecord a : actions) {
                n[kind(a).ordinal()]++;
            }
            return new Done(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        }

        /** The kinds, in the order of this record's components. */
        public enum Kind {
            HEALED, SUBMITTED, REJECTED, DRY_RUN, SKIPPED, FAILED, ROLLED_BACK;

            public String id() {
                return name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }
        }

        /** What became of one action. */
        public static Kind kind(ActionRecord a) {
            return switch (a.decision()) {
                case REJECTED -> Kind.REJECTED;
                case DRY_RUN -> Kind.DRY_RUN;
                case SKIPPED -> Kind.SKIPPED;
                case APPROVED, AUTO -> a.applied() && a.success() ? (a.verified() ? Kind.HEALED : Kind.SUBMITTED)
                        : a.applied() && a.rolledBack() ? Kind.ROLLED_BACK : Kind.FAILED;
            };
        }

        public int total() {
            return healed + submitted + rejected + dryRun + skipped + failed + rolledBack;
        }

        /** "1 healed, 2 rejected", or "nothing" when no playbook was proposed. */
        public String describe() {
            int[] n = {healed, submitted, rejected, dryRun, skipped, failed, rolledBack};
            List<String> parts = new ArrayList<>();
            for (Kind k : Kind.values()) {
                if (n[k.ordinal()] > 0) {
                    parts.add(n[k.ordinal()] + " " + k.id());
                }
            }
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }
    }

    /**
     * The state of a run that ended: cancelled, interrupted and a suite error first (they say why the counts are what
     * they are), then healed when the final pass is healthy and the first was not, else the final pass's health.
     */
    public static State state(HealthStatus first, HealthStatus last, boolean cancelled, boolean interrupted,
                              boolean suiteError) {
        if (suiteError) {
            return State.SUITE_ERROR;
        }
        if (interrupted) {
            return State.INTERRUPTED;
        }
        if (cancelled) {
            return State.CANCELLED;
        }
        return switch (last) {
            case HEALTHY -> first == HealthStatus.HEALTHY ? State.HEALTHY : State.HEALED;
            case DEGRADED -> State.DEGRADED;
            case FAILING -> State.FAILING;
        };
    }

    /** Whether the first pass is told beside the state: whenever the tests say something else now. */
    public boolean firstPassDiffers() {
        return !firstPass.equals(finalPass);
    }

    /**
     * The state in a few words, as the CLI's last line, History and the console's status say it: "healed (first pass:
     * 0 passed, 11 failed of 11)", "interrupted after 4 of its tests", "suite error: ...".
     */
    public String headline() {
        String word = state.id();
        return switch (state) {
            case HEALED -> word + (firstPassDiffers() ? " (first pass: " + firstPass.describe() + ")"
                    : " (healthy after fixes)");
            case INTERRUPTED -> word + " after " + finalPass.total() + " test(s): " + finalPass.describe();
            case RUNNING -> word + ", " + finalPass.total() + " test(s) so far";
            case SUITE_ERROR -> note == null ? word : word + ": " + firstLine(note);
            default -> word;
        };
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
