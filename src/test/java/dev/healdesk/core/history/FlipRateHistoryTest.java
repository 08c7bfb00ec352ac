package dev.healdesk.core.history;

import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.HealthStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Flip rates come from the stored runs of one target, newest {@link FlipRate#WINDOW} first, in a real SQLite file. */
class FlipRateHistoryTest {

    @TempDir
    Path dir;

    /** The backend these tests run against; {@code FlipRateHistoryTestOnPostgresTest} runs them all on a real PostgreSQL. */
    TestHistories.Backend backend() {
        return TestHistories.Backend.SQLITE;
    }

    private TestHistories histories;

    HistoryStore open(String name) {
        if (histories == null) {
            histories = new TestHistories(backend(), dir);
        }
        return histories.open(name);
    }

    @Test
    void aTestThatFlipsBetweenPassAndFailHasAHighRateAndASteadyOneNone() {
        try (HistoryStore store = open("h")) {
            // 12 runs: only the newest 10 count. "login" alternates, "list" always fails, "retry" was flaky twice.
            String login = "PPFPFPFPFPFP";
            String list = "FFFFFFFFFFFF";
            String retry = "PPPPPPKPPKPP";
            for (int i = 0; i < login.length(); i++) {
                store.saveRun(run("run-" + i, "sandbox", i, Map.of("modules/login", login.charAt(i),
                        "modules/list", list.charAt(i), "modules/retry", retry.charAt(i))), null);
            }
            // the same test id in another target, failing: it must not count for the sandbox
            store.saveRun(run("other-1", "shop", 20, Map.of("modules/login", 'F')), null);

            Map<String, FlipRate> rates = store.flipRates("sandbox",
                    List.of("modules/login", "modules/list", "modules/retry", "modules/never-seen"));

            FlipRate flipping = rates.get("modules/login");
            assertThat(flipping.recent()).isEqualTo("FPFPFPFPFP");
            assertThat(flipping.runs()).isEqualTo(10);
            assertThat(flipping.flips()).isEqualTo(9);
            assertThat(flipping.rate()).isCloseTo(1.0, within(1e-9));
            assertThat(flipping.flipping()).isTrue();

            FlipRate steady = rates.get("modules/list");
            assertThat(steady.flips()).isZero();
            assertThat(steady.flipping()).isFalse();

            FlipRate retried = rates.get("modules/retry");
            assertThat(retried.recent()).isEqualTo("PPPPKPPKPP");
            assertThat(retried.flips()).isEqualTo(2);
            assertThat(retried.rate()).isCloseTo(2 / 9.0, within(1e-9));
            assertThat(retried.flipping()).as("2 flips in 10 runs is below the 30 %% line").isFalse();

            assertThat(rates).doesNotContainKey("modules/never-seen");
            assertThat(store.flipRates("shop", List.of("modules/login")).get("modules/login").recent()).isEqualTo("F");
        }
    }

    @Test
    void aTestThatRanRarelyLatelyIsRatedOverItsOwnLastRunsNotOnlyTheTargetsNewest() {
        try (HistoryStore store = open("h")) {
            // 60 runs of the sandbox: "smoke" in every one; "nightly" only in every 7th, failing in the oldest ones
            List<RunSummary> runs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Map<String, Character> tests = new java.util.HashMap<>();
                tests.put("modules/smoke", i % 2 == 0 ? 'P' : 'F');
                if (i % 7 == 0) {
                    tests.put("modules/nightly", i < 20 ? 'F' : 'P');
                }
                runs.add(run("run-" + i, "sandbox", i, tests));
            }
            store.saveRuns(runs);

            Map<String, FlipRate> rates = store.flipRates("sandbox", List.of("modules/smoke", "modules/nightly"));

            assertThat(rates.get("modules/smoke").recent()).as("its 10 newest runs").isEqualTo("PFPFPFPFPF");
            assertThat(rates.get("modules/nightly").runs()).as("all 9 runs it had, most far back").isEqualTo(9);
            assertThat(rates.get("modules/nightly").recent()).isEqualTo("FFFPPPPPP");
        }
    }

    @Test
    void aTestThatFailsOnlyWhileTheOperatorHasASandboxFaultOnIsNotAFlake() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            // six runs: backend-down switched on in every second one. "login" fails exactly then (the fault's doing);
            // "cart" flips on its own in the runs without a fault as well, so it stays a flake.
            String login = "PFPFPF";
            String cart = "FFPFPP";
            for (int i = 0; i < login.length(); i++) {
                RunSummary run = run("run-" + i, "sandbox", i, Map.of("modules/login", login.charAt(i),
                        "modules/cart", cart.charAt(i)));
                store.saveRun(i % 2 == 1 ? run.withFaults(List.of("backend-down")) : run, null);
            }

            assertThat(store.findRun("run-1").orElseThrow().faults()).containsExactly("backend-down");
            assertThat(store.findRun("run-2").orElseThrow().faults()).isEmpty();

            Map<String, FlipRate> rates = store.flipRates("sandbox", List.of("modules/login", "modules/cart"));
            FlipRate faulted = rates.get("modules/login");
            assertThat(faulted.recent()).as("shown, as the fault's doing").isEqualTo("PXPXPX");
            assertThat(faulted.runs()).as("only the runs without a fault count").isEqualTo(3);
            assertThat(faulted.flips()).isZero();
            assertThat(faulted.flipping()).isFalse();

            FlipRate flake = rates.get("modules/cart");
            assertThat(flake.recent()).isEqualTo("FXPXPP");
            assertThat(flake.flips()).as("F→P between the runs without a fault").isEqualTo(1);
            assertThat(flake.runs()).isEqualTo(4);
        }
    }

    @Test
    void theFaultsOfARunInProgressAreKeptWhenItsProcessDiesAndWhenItIsStoredWhole() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            Instant at = Instant.parse("2026-11-01T10:00:00Z");
            store.beginRun("run-live", "sandbox", List.of("modules"), false, at, null,
                    java.util.Set.of("selector-changed", "db-pool-exhausted"));
            assertThat(store.findRun("run-live").orElseThrow().faults())
                    .containsExactly("db-pool-exhausted", "selector-changed");

            store.saveRun(run("run-live", "sandbox", 0, Map.of("modules/login", 'F'))
                    .withFaults(List.of("selector-changed")), null);
            assertThat(store.findRun("run-live").orElseThrow().faults()).containsExactly("selector-changed");
            assertThat(store.listRuns(10, 0).get(0).faults()).containsExactly("selector-changed");
        }
    }

    @Test
    void aFlakyRunOrATimeoutUnderAFaultIsTheFaultsDoingButAPassUnderOneCountsAsAnyPass() {
        FlipRate r = FlipRate.ofSeen("t", List.of(new FlipRate.Seen(TestStatus.FAILED, false),
                new FlipRate.Seen(TestStatus.PASSED, true), new FlipRate.Seen(TestStatus.FLAKY, true),
                new FlipRate.Seen(TestStatus.TIMED_OUT, true), new FlipRate.Seen(TestStatus.PASSED, false)));
        assertThat(r.recent()).isEqualTo("FPXXP");
        assertThat(r.runs()).isEqualTo(3);
        assertThat(r.flips()).as("F→P once; the flaky and timed-out runs under the fault neither flip nor count")
                .isEqualTo(1);
    }

    @Test
    void aGroupsRateIsItsTestsFlipsOverTheirRunsPooled() {
        FlipRate a = FlipRate.of("a", statuses("PFPF"));
        FlipRate b = FlipRate.of("b", statuses("FFFF"));
        FlipRate pooled = FlipRate.pooled("fp", List.of(a, b));
        assertThat(a.flips()).isEqualTo(3);
        assertThat(pooled.rate()).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(FlipRate.of("one", statuses("F")).rate()).isZero();
        assertThat(FlipRate.of("skips", statuses("PSFSP")).flips()).as("skipped runs neither flip nor count")
                .isEqualTo(2);
    }

    private static List<TestStatus> statuses(String letters) {
        List<TestStatus> out = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            out.add(status(c));
        }
        return out;
    }

    private static TestStatus status(char c) {
        return switch (c) {
            case 'P' -> TestStatus.PASSED;
            case 'F' -> TestStatus.FAILED;
            case 'K' -> TestStatus.FLAKY;
            default -> TestStatus.SKIPPED;
        };
    }

    private static RunSummary run(String id, String target, int minute, Map<String, Character> outcomes) {
        Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(60L * minute);
        List<TestResult> results = new ArrayList<>();
        new java.util.TreeMap<>(outcomes).forEach((test, c) -> results.add(new TestResult(test, "modules", test, test,
                status(c), 5, c == 'P' ? null : "Timeout 5000ms exceeded.", null, c == 'K' ? 1 : 0, List.of())));
        return new RunSummary(id, target, List.of("modules"), false, at, at.plusSeconds(5), HealthStatus.DEGRADED,
                HealthStatus.DEGRADED, 50, results.size(), 0, 0, 0, results, List.of(), List.of(), LlmUsage.none(),
                Map.of(), false);
    }
}
