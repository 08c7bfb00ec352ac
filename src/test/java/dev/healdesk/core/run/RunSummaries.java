package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds realistic run summaries for store and report tests. */
public final class RunSummaries {
    private RunSummaries() {
    }

    public static RunSummary withResults(String runId, Instant startedAt, int passed, int failed) {
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < passed; i++) {
            results.add(TestResult.passed("health/probe-" + i, "health", "Probe " + i, 12 + i % 50));
        }
        List<TestResult> failures = new ArrayList<>();
        for (int i = 0; i < failed; i++) {
            TestResult r = new TestResult("modules/flow-" + i, "modules", "Flow " + i, "modules/flow-" + i,
                    TestStatus.FAILED, 1500, "Expected status 200 but got 500: FATAL: remaining connection slots"
                    + " are reserved for non-replication superuser connections", "at probe (Probes.java)", 0, List.of());
            results.add(r);
            failures.add(r);
        }
        List<FailureGroup> groups = failures.isEmpty() ? List.of() : List.of(new FailureGroup("fp-db-pool-0001",
                new Classification("pg-connection-slots", "PostgreSQL connection slots exhausted", Category.DATABASE,
                        Severity.CRITICAL, FixClass.A, "kill-idle-db-connections"),
                failures, failures.get(0).errorMessage(), "at probe (Probes.java)"));
        List<ActionRecord> actions = failures.isEmpty() ? List.of() : List.of(new ActionRecord("fp-db-pool-0001",
                "kill-idle-db-connections", FixClass.A, Decision.DRY_RUN, false, false, false,
                "dry run: would run kill-idle-db-connections", 0));
        int total = passed + failed;
        double score = total == 0 ? 0 : Math.round(passed * 10000.0 / total) / 100.0;
        HealthStatus status = failed > 0 ? HealthStatus.FAILING : HealthStatus.HEALTHY;
        return new RunSummary(runId, "sandbox", List.of("health", "modules"), true, startedAt,
                startedAt.plusMillis(4200), status, status, score, total, passed, failed, 0, results, groups, actions,
                LlmUsage.none(), java.util.Map.of(), false);
    }
}
