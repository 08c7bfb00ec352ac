package dev.healdesk.core.history;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Trends, metrics, recurring failures and comparisons over a small history in a real SQLite file: shop fails on day 1
 * at 10:00, is healed by restart-backend at 10:00 (verified), fails again at 12:00 and is healthy at 14:00; crm runs
 * once, healthy.
 */
class HistoryQueriesTest {

    @TempDir
    Path dir;

    /** The backend these tests run against; {@code HistoryQueriesTestOnPostgresTest} runs them all on a real PostgreSQL. */
    TestHistories.Backend backend() {
        return TestHistories.Backend.SQLITE;
    }

    TestHistories histories;

    HistoryStore open(String name) {
        if (histories == null) {
            histories = new TestHistories(backend(), dir);
        }
        return histories.open(name);
    }
    HistoryStore store;
    static final Instant DAY1 = Instant.parse("2026-11-02T10:00:00Z");
    private static final String POOL = "FATAL: remaining connection slots are reserved";

    @BeforeEach
    void history() {
        store = open("h");
        store.saveRun(run("run-1", "shop", DAY1, 2, List.of("api/orders", "api/cart"), true, 3), null);
        store.saveRun(run("run-2", "shop", DAY1.plus(Duration.ofHours(2)), 3, List.of("api/orders"), false, 0), null);
        store.saveRun(run("run-3", "shop", DAY1.plus(Duration.ofHours(4)), 4, List.of(), false, 1), null);
        store.saveRun(run("run-4", "crm", DAY1.plus(Duration.ofDays(1)), 4, List.of(), false, 0), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTrendIsDayByDayWithPassRateScoreFixesAndTimeToHealthy() {
        List<HistoryQueries.TrendPoint> trend = store.trend(null, DAY1.minus(Duration.ofDays(1)),
                DAY1.plus(Duration.ofDays(3)));
        assertThat(trend).extracting(HistoryQueries.TrendPoint::day)
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
        HistoryQueries.TrendPoint day1 = trend.get(0);
        assertThat(day1.runs()).isEqualTo(3);
        assertThat(day1.passRate()).isCloseTo((2 + 3 + 4) * 100.0 / 12, within(1e-9));
        assertThat(day1.fixesAttempted()).isEqualTo(1);
        assertThat(day1.fixesSucceeded()).isEqualTo(1);
        assertThat(day1.fixSuccessRate()).isEqualTo(100.0);
        assertThat(day1.timeToHealthyMs()).as("failing from 10:00 to healthy at 14:00")
                .isEqualTo(Duration.ofHours(4).toMillis());
        assertThat(day1.llmCalls()).isEqualTo(4);
        assertThat(trend.get(1).timeToHealthyMs()).as("crm never failed").isEqualTo(-1);
        assertThat(store.trend("crm", DAY1, DAY1.plus(Duration.ofDays(3)))).hasSize(1);
    }

    @Test
    void metricsAreTheSeedsOnes() {
        HistoryQueries.Metrics m = store.metrics(null, DAY1.minus(Duration.ofDays(1)), DAY1.plus(Duration.ofDays(3)));
        assertThat(m.runs()).isEqualTo(4);
        assertThat(m.testsRun()).isEqualTo(16);
        assertThat(m.passRate()).isCloseTo(13 * 100.0 / 16, within(1e-9));
        assertThat(m.autoFixSuccessRate()).isEqualTo(100.0);
        assertThat(m.meanTimeToRecoveryMs()).isEqualTo(Duration.ofHours(4).toMillis());
        assertThat(m.llmCallsPerRun()).isEqualTo(1.0);
        assertThat(m.llmByProvider()).containsOnlyKeys("ollama");
        assertThat(m.llmByProvider().get("ollama").tokens()).isEqualTo(4 * 150);
        assertThat(m.topPatterns()).containsExactly(Map.entry("pg-connection-slots", 2));
    }

    @Test
    void recurringFingerprintsKnowTheLastFixThatWorkedAndTheirRuns() {
        List<HistoryQueries.Recurring> top = store.topFingerprints(5);
        assertThat(top).hasSize(1);
        assertThat(top.get(0).fingerprint().occurrences()).isEqualTo(3);
        assertThat(top.get(0).lastWorkingFix()).isEqualTo("restart-backend");
        assertThat(top.get(0).lastWorkingFixAt()).isEqualTo(DAY1);
        List<HistoryQueries.Occurrence> seen = store.fingerprintHistory("fp-pool", 10);
        assertThat(seen).extracting(HistoryQueries.Occurrence::runId).containsExactly("run-2", "run-1");
        assertThat(seen.get(1).verified()).isTrue();
        assertThat(seen.get(1).playbook()).isEqualTo("restart-backend");
        assertThat(seen.get(0).playbook()).isNull();
    }

    @Test
    void twoRunsCompareTestByTest() {
        HistoryQueries.Comparison c = store.compare("run-1", "run-2");
        assertThat(c.stillFailing()).containsExactly("api/orders");
        assertThat(c.fixed()).containsExactly("api/cart");
        assertThat(c.newFailures()).isEmpty();
        assertThat(store.compare("run-3", "run-2").newFailures()).containsExactly("api/orders");
    }

    @Test
    void theRunsListFiltersByStatusTargetProjectDateAndText() {
        assertThat(ids(new HistoryQueries.RunFilter("failing", null, null, null, null, null)))
                .containsExactly("run-2", "run-1");
        assertThat(ids(new HistoryQueries.RunFilter(null, null, null, null, "crm", null))).containsExactly("run-4");
        assertThat(ids(new HistoryQueries.RunFilter(null, DAY1.plus(Duration.ofHours(3)), DAY1.plus(Duration.ofDays(1)),
                null, null, null))).containsExactly("run-3");
        assertThat(ids(new HistoryQueries.RunFilter(null, null, null, "api", null, "connection slots")))
                .containsExactly("run-2", "run-1");
        assertThat(ids(new HistoryQueries.RunFilter(null, null, null, null, null, "api/cart")))
                .as("a test id").containsExactly("run-4", "run-3", "run-2", "run-1");
        assertThat(ids(new HistoryQueries.RunFilter(null, null, null, "ap", null, null)))
                .as("a project is matched whole, not as a prefix").isEmpty();
        assertThat(ids(new HistoryQueries.RunFilter(null, null, null, null, null, "100%_done"))).isEmpty();
    }

    @Test
    void theFilteredCountIsTheSizeOfTheListItPagesOver() {
        HistoryQueries.RunFilter failing = new HistoryQueries.RunFilter("failing", null, null, null, null, null);
        assertThat(store.countRuns(failing)).isEqualTo(2);
        assertThat(store.listRuns(failing, 1, 1)).extracting(RunRow::runId).containsExactly("run-1");
        assertThat(store.countRuns(new HistoryQueries.RunFilter(null, null, null, "api", "shop", "connection slots")))
                .isEqualTo(2);
        assertThat(store.countRuns(HistoryQueries.RunFilter.ALL)).isEqualTo(store.countRuns()).isEqualTo(4);
        assertThat(store.countRuns(new HistoryQueries.RunFilter("degraded", null, null, null, null, null))).isZero();
    }

    @Test
    void theFiltersOfferTheRecordedTargetsAndProjects() {
        HistoryQueries.Choices choices = store.choices();
        assertThat(choices.targets()).containsExactly("crm", "shop");
        assertThat(choices.projects()).containsExactly("api");
    }

    @Test
    void theFiltersChoicesAreEveryDistinctValueInOrderNoneLeftOut() throws java.sql.SQLException {
        // five workstations' runs, as a team's shared history holds them
        String[][] who = {{"ws-2", "carol", "billing", "web"}, {"ws-1", "alice", "shop", "api,web"},
                {"ws-2", "alice", "aardvark", "api"}, {"ws-10", "bob", "billing", "mobile"}, {"ws-1", "carol", "zeta", "api"},
                {"ws-1", "alice", "billing", "api,mobile"}};
        for (int i = 0; i < who.length; i++) {
            RunSummary r = run("run-w" + i, who[i][2], DAY1.plus(Duration.ofDays(5 + i)), 4, List.of(), false, 0);
            try (HistoryStore theirs = HistoryStore.open(histories.location("h"),
                    new Provenance(who[i][0], who[i][1], Provenance.Origin.CLI))) {
                theirs.saveRun(new RunSummary(r.runId(), r.target(), List.of(who[i][3].split(",")), false, r.startedAt(),
                        r.finishedAt(), r.status(), r.initialStatus(), r.healthScore(), r.testsRun(), r.testsPassed(),
                        r.testsFailed(), 0, r.results(), r.failures(), r.actions(), r.llm(), Map.of(), false), null);
            }
        }
        HistoryQueries.Choices choices = store.choices();
        assertThat(choices.targets()).containsExactly("aardvark", "billing", "crm", "shop", "zeta");
        assertThat(choices.projects()).containsExactly("api", "mobile", "web");
        // every distinct value as a plain DISTINCT reads them, in the database's own order
        try (java.sql.Connection c = histories.connect("h"); java.sql.Statement s = c.createStatement()) {
            for (String column : List.of("operator", "machine")) {
                List<String> all = new ArrayList<>();
                try (java.sql.ResultSet rs = s.executeQuery("SELECT DISTINCT " + column + " FROM runs WHERE " + column
                        + " IS NOT NULL ORDER BY " + column)) {
                    while (rs.next()) {
                        all.add(rs.getString(1));
                    }
                }
                assertThat(column.equals("operator") ? choices.operators() : choices.machines()).as(column)
                        .isEqualTo(all).contains(column.equals("operator") ? "carol" : "ws-10");
            }
        }
        assertThat(choices.operators()).contains("alice", "bob", "carol").doesNotHaveDuplicates();
    }

    @Test
    void aRunsDiagnosesPreferItsOwnModel() {
        store.saveDiagnosis(diagnosis("mistral", "Other model", DAY1.plusSeconds(99)), "pg-connection-slots",
                "database");
        store.saveDiagnosis(diagnosis("llama3.2", "Idle transactions hold the pool", DAY1), "pg-connection-slots",
                "database");
        assertThat(store.diagnosesOf("run-1")).containsOnlyKeys("fp-pool");
        assertThat(store.diagnosesOf("run-1").get("fp-pool").rootCause())
                .as("run-1 asked llama3.2").isEqualTo("Idle transactions hold the pool");
        assertThat(store.diagnosesOf("run-2").get("fp-pool").rootCause())
                .as("run-2 asked no model: the newest").isEqualTo("Other model");
        assertThat(store.diagnosesOf("run-4")).as("no failures").isEmpty();
    }

    static dev.healdesk.core.run.Diagnosis diagnosis(String model, String rootCause, Instant at) {
        return new dev.healdesk.core.run.Diagnosis("fp-pool", "ollama", model, rootCause, 0.8, Category.DATABASE,
                FixClass.A, "restart-backend", "why", List.of("evidence"), false, "{}", null, at, 10, 5, 100, false);
    }

    List<String> ids(HistoryQueries.RunFilter filter) {
        return store.listRuns(filter, 50, 0).stream().map(RunRow::runId).toList();
    }

    /** {@code passed} passing tests and the failing ones (all one pool-exhaustion group); a fix when {@code healed}. */
    static RunSummary run(String id, String target, Instant at, int passed, List<String> failing,
                                  boolean healed, int llmCalls) {
        List<TestResult> results = new ArrayList<>();
        for (String t : List.of("api/cart", "api/orders", "api/users", "api/health")) {
            if (results.size() - failing.size() < passed && !failing.contains(t)) {
                results.add(TestResult.passed(t, "api", t, 10));
            }
        }
        List<TestResult> failed = failing.stream().map(t -> TestResult.failed(t, "api", t, 10, POOL, null, List.of()))
                .toList();
        results.addAll(failed);
        List<FailureGroup> groups = failed.isEmpty() ? List.of() : List.of(new FailureGroup("fp-pool",
                new Classification("pg-connection-slots", "pool", Category.DATABASE, Severity.HIGH, FixClass.A,
                        "restart-backend"), failed, POOL, null));
        List<ActionRecord> actions = healed ? List.of(new ActionRecord("fp-pool", "restart-backend", FixClass.A,
                Decision.AUTO, true, true, true, "verified", 900)) : List.of();
        int total = results.size();
        HealthStatus status = failed.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.FAILING;
        return new RunSummary(id, target, List.of("api"), false, at, at.plusSeconds(30), status, status,
                (total - failed.size()) * 100.0 / total, total, total - failed.size(), failed.size(), 0, results,
                groups, actions, llmCalls == 0 ? LlmUsage.none() : new LlmUsage("ollama", "llama3.2", llmCalls, 0,
                100 * llmCalls, 50 * llmCalls, 10, 0, null), Map.of(), false);
    }
}
