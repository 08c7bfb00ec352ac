package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthScore;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one model of a run's outcome: the health rule a CI gate can trust, and the states every front end tells. */
public class RunOutcomeTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void thirtyFailingTestsOutOfNineHundredAreDegradedNeverHealthy() {
        // issue 21's red build: 888 passed and 1 flaky of 918 that ran (61 skipped are not counted), 29 failing
        HealthScore score = HealthScore.of(889, 918, false);

        assertThat(score.score()).isEqualTo(96.84);
        assertThat(score.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthScore.of(917, 918, false).status()).as("one failing test is enough")
                .isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthScore.of(918, 918, false).status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void belowTheFailingThresholdARunIsFailingAndTheThresholdIsASetting() {
        assertThat(HealthScore.of(79, 100, false).status()).isEqualTo(HealthStatus.FAILING);
        assertThat(HealthScore.of(80, 100, false).status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthScore.of(98, 100, false, 99).status()).isEqualTo(HealthStatus.FAILING);
        assertThat(HealthScore.of(99, 100, false, 99).status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthScore.of(100, 100, true).status()).as("a critical failure still failing")
                .isEqualTo(HealthStatus.FAILING);
        assertThat(HealthScore.of(0, 0, false).status()).as("no test ran").isEqualTo(HealthStatus.FAILING);
        assertThat(HealthScore.RULE).contains("healthy only when every test that ran passed")
                .contains("run.failingBelow");
    }

    @Test
    void aHealedRunIsHealthyAfterItsFixesAndTellsItsFirstPassBesideIt() {
        RunOutcome o = healed().outcome();

        assertThat(o.state()).isEqualTo(RunOutcome.State.HEALED);
        assertThat(o.state().passes()).isTrue();
        assertThat(o.firstPass()).isEqualTo(new RunOutcome.Pass(0, 11, 0, 0));
        assertThat(o.finalPass()).isEqualTo(new RunOutcome.Pass(11, 0, 0, 0));
        assertThat(o.headline()).isEqualTo("healed (first pass: 0 passed, 11 failed of 11)");
        assertThat(o.done().describe()).isEqualTo("1 healed");
    }

    @Test
    void aRunThatWasHealthyFromTheStartIsHealthyNotHealed() {
        RunSummary run = summary(List.of(passed("a"), passed("b")), HealthStatus.HEALTHY, HealthStatus.HEALTHY, 2, 2, 0,
                List.of(), false);

        assertThat(run.outcome().state()).isEqualTo(RunOutcome.State.HEALTHY);
        assertThat(run.outcome().firstPassDiffers()).isFalse();
    }

    @Test
    void aCancelledRunIsKeptButNeitherPassesTheGateNorCountsInTrends() {
        RunSummary run = summary(List.of(passed("a")), HealthStatus.HEALTHY, HealthStatus.HEALTHY, 1, 1, 0, List.of(),
                true);

        assertThat(run.outcome().state()).isEqualTo(RunOutcome.State.CANCELLED);
        assertThat(run.outcome().state().passes()).isFalse();
        assertThat(run.outcome().state().countedInTrends()).isFalse();
    }

    @Test
    void anInterruptedRunIsNeverHealthyEvenWhenEveryResultItKeptPassed() {
        RunSummary run = summary(List.of(passed("a"), passed("b")), HealthStatus.HEALTHY, HealthStatus.HEALTHY, 2, 2, 0,
                List.of(), false).asInterrupted();

        RunOutcome o = run.outcome();
        assertThat(o.state()).isEqualTo(RunOutcome.State.INTERRUPTED);
        assertThat(o.state().passes()).isFalse();
        assertThat(o.headline()).isEqualTo("interrupted after 2 test(s): 2 passed, 0 failed of 2");
    }

    @Test
    void aSuiteThatCouldNotRunIsASuiteErrorWhateverTheCountsSay() {
        RunSummary ok = summary(List.of(), HealthStatus.FAILING, HealthStatus.FAILING, 0, 0, 0, List.of(), false);
        RunSummary broken = new RunSummary(ok.runId(), ok.target(), ok.projects(), false, START, START, ok.status(),
                ok.initialStatus(), 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), LlmUsage.none(), Map.of(), false,
                Map.of(), false, "the unit suite exited with 1: [ERROR] Price.java:[3,5] cannot find symbol");

        assertThat(broken.outcome().state()).isEqualTo(RunOutcome.State.SUITE_ERROR);
        assertThat(broken.outcome().state().id()).isEqualTo("suite-error");
        assertThat(broken.outcome().headline()).startsWith("suite-error: the unit suite exited with 1");
        assertThat(broken.outcome().state().passes()).isFalse();
    }

    @Test
    void eachActionIsToldByWhatBecameOfIt() {
        List<ActionRecord> actions = List.of(
                action(Decision.AUTO, true, true, true, "restarted; 3 of 3 tests pass"),
                action(Decision.APPROVED, true, true, false, "branch heal/x made; waits for review, the tests were"
                        + " not re-run"),
                action(Decision.REJECTED, false, false, false, "rejected by ana"),
                action(Decision.DRY_RUN, false, false, false, "dry run"),
                action(Decision.SKIPPED, false, false, false, "guardrails: at most 3 fixes per run"),
                action(Decision.AUTO, false, false, false, "docker restart failed: exit 1"),
                action(Decision.AUTO, true, false, false, "2 of 3 tests still fail; rolled back: restored the selector"),
                action(Decision.AUTO, true, false, false, "2 of 3 still fail; not rolled back: no undo"));

        assertThat(actions).extracting(ActionRecord::kind).containsExactly(RunOutcome.Done.Kind.HEALED,
                RunOutcome.Done.Kind.SUBMITTED, RunOutcome.Done.Kind.REJECTED, RunOutcome.Done.Kind.DRY_RUN,
                RunOutcome.Done.Kind.SKIPPED, RunOutcome.Done.Kind.FAILED, RunOutcome.Done.Kind.ROLLED_BACK,
                RunOutcome.Done.Kind.FAILED);
        assertThat(RunOutcome.Done.of(actions).describe()).isEqualTo("1 healed, 1 submitted, 1 rejected, 1 dry run,"
                + " 1 skipped, 2 failed, 1 rolled back");
    }

    @Test
    void skippedTestsAreCountedApartInBothPasses() {
        TestResult skipped = new TestResult("s", "p", "s", "s", TestStatus.SKIPPED, 0, "disabled", null, 0, List.of());
        RunSummary run = summary(List.of(passed("a"), skipped), HealthStatus.HEALTHY, HealthStatus.HEALTHY, 2, 1, 0,
                List.of(), false);

        assertThat(run.outcome().firstPass()).isEqualTo(new RunOutcome.Pass(1, 0, 0, 1));
        assertThat(run.outcome().finalPass()).isEqualTo(new RunOutcome.Pass(1, 0, 0, 1));
        assertThat(run.outcome().finalPass().describe()).isEqualTo("1 passed, 0 failed, 1 skipped of 2");
    }

    /** Eleven tests failing at the first pass, all passing after one verified fix. */
    public static RunSummary healed() {
        List<TestResult> first = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            first.add(new TestResult("api/t" + i, "api", "T" + i, "api/t" + i, TestStatus.FAILED, 100,
                    "connect ECONNREFUSED 127.0.0.1:8081", null, 0, List.of()));
        }
        FailureGroup group = new FailureGroup("fp-backend", new Classification("backend-down", "Backend down",
                Category.NETWORK, Severity.HIGH, FixClass.A, "restart-backend"), first, first.get(0).errorMessage(), "");
        return new RunSummary("run-20261201-100000-0000beef", "sandbox", List.of("api"), false, START,
                START.plusSeconds(30), HealthStatus.HEALTHY, HealthStatus.FAILING, 100.0, 11, 11, 0, 0, first,
                List.of(group), List.of(action(Decision.AUTO, true, true, true, "restarted; 11 of 11 tests pass")),
                LlmUsage.none(), Map.of(), false);
    }

    private static RunSummary summary(List<TestResult> results, HealthStatus status, HealthStatus initial, int run,
                                      int passed, int failed, List<ActionRecord> actions, boolean cancelled) {
        return new RunSummary("run-x", "sandbox", List.of("p"), false, START, START.plusSeconds(1), status, initial,
                run == 0 ? 0 : 100.0 * passed / Math.max(1, passed + failed), run, passed, failed, 0, results,
                List.of(), actions, LlmUsage.none(), Map.of(), cancelled);
    }

    private static TestResult passed(String id) {
        return TestResult.passed(id, "p", id, 1);
    }

    private static ActionRecord action(Decision d, boolean applied, boolean success, boolean verified, String message) {
        return new ActionRecord("fp-backend", "restart-backend", FixClass.A, d, applied, success, verified, message, 10);
    }
}
