package dev.healdesk.core.history;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query the store reads with is answered from an index, never by a full pass over a large table: each public
 * read of {@link HistoryStore} is called on a history with data, every statement it runs is caught as it runs (with its
 * parameters) and asked for its {@code EXPLAIN QUERY PLAN}; a {@code SCAN} of runs, test results, failures, actions,
 * audit, diagnoses or fingerprints that uses no index fails the test. A new read method of the store fails it too,
 * until it is added here.
 */
class HistoryQueryPlanTest {

    /** The tables that grow with the history; a full pass over one of them is what the History screen cannot afford. */
    private static final Set<String> LARGE = Set.of("runs", "test_results", "failures", "actions", "audit",
            "diagnoses", "fingerprints", "failure_texts", "recoveries");

    /** The store's methods that write, or read no table: the rest are the reads this test must cover. */
    private static final Set<String> NOT_READS = Set.of("saveRun", "saveRuns", "beginRun", "appendResult",
            "markInterrupted", "abandonRun", "deleteRunsBefore", "appendAudit", "saveDiagnosis", "close", "file",
            "schemaVersion", "location", "provenance",
            // reads the data version (SQLite) or listens (PostgreSQL): no table
            "watch",
            // a copy reads every run by design (one list of ids, then each run's rows by its run_id indexes)
            "copyInto");

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;
    private Path db;
    private HistoryStore store;

    @BeforeEach
    void history() {
        db = dir.resolve("history.db");
        store = HistoryStore.open(db);
        List<RunSummary> runs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            runs.add(run(i, NOW.minus(Duration.ofHours(300 - i))));
        }
        store.saveRuns(runs);
        store.saveDiagnosis(new Diagnosis("fp-1", "ollama", "qwen", "the pool is full", 0.8, Category.DATABASE,
                FixClass.A, "restart-backend", "slots", List.of("FATAL"), false, "{}", null, NOW, 10, 10, 100,
                false), "pg-pool", "database");
        store.appendAudit(new AuditEntry("run-0000299", NOW, "proposed", "fp-1", "restart-backend", "policy", null,
                null));
        store.beginRun("run-live", "shop", List.of("health"), false, NOW, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyReadOfTheStoreUsesAnIndexForEveryLargeTable() throws Exception {
        Map<String, List<Caught>> byMethod = new LinkedHashMap<>();
        List<Caught> current = new ArrayList<>();
        store.listenToQueries((sql, binder) -> current.add(new Caught(sql, binder)));
        for (Map.Entry<String, Runnable> read : reads().entrySet()) {
            current.clear();
            read.getValue().run();
            byMethod.put(read.getKey(), List.copyOf(current));
        }
        store.listenToQueries(null);

        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (Map.Entry<String, List<Caught>> e : byMethod.entrySet()) {
                assertThat(e.getValue()).as(e.getKey() + " reads the database").isNotEmpty();
                for (Caught q : e.getValue()) {
                    List<String> plan = plan(c, q);
                    Set<String> subqueries = subqueries(plan);
                    for (String line : plan) {
                        String scanned = fullScan(line);
                        if (subqueries.contains(scanned)) {
                            continue;   // the rows of a subquery of this statement, whose own lines are checked
                        }
                        if (scanned != null) {
                            problems.add(e.getKey() + ": full scan of " + scanned + " (" + line + ")\n  in: "
                                    + q.sql().replaceAll("\\s+", " ") + "\n  plan: " + plan);
                        }
                    }
                }
            }
        }
        assertThat(problems).as("queries that read a large table without an index").isEmpty();
        assertThat(byMethod.get("flipRates").get(0).sql()).contains("LIMIT");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(plan(c, byMethod.get("flipRates").get(0)))
                    .as("the newest runs' results are found by run, not all results of the tests by test id")
                    .contains("SEARCH t USING INDEX test_results_run (run_id=?)");
        }
    }

    @Test
    void theTestCoversEveryReadOfTheStore() {
        Set<String> publicReads = Arrays.stream(HistoryStore.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).filter(n -> !NOT_READS.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = reads().keySet().stream().map(k -> k.replaceAll("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).as("a new read of HistoryStore needs its line in reads() here, and its index")
                .containsAll(publicReads);
    }

    @Test
    void aScanThatUsesNoIndexIsCaughtAndOneThatDoesIsNot() {
        assertThat(fullScan("SCAN runs")).isEqualTo("runs");
        assertThat(fullScan("SCAN a")).as("an alias is a table too").isEqualTo("a");
        assertThat(fullScan("SCAN t USING INDEX test_results_run")).isNull();
        assertThat(fullScan("SCAN runs USING COVERING INDEX runs_scope")).isNull();
        assertThat(fullScan("SEARCH runs USING INDEX runs_target (target=?)")).isNull();
        assertThat(fullScan("SCAN days")).as("a subquery's rows").isNull();
        assertThat(fullScan("SCAN CONSTANT ROW")).isNull();
        assertThat(subqueries(List.of("CO-ROUTINE w", "SEARCH runs USING INDEX runs_target (target=?)", "SCAN w",
                "MATERIALIZE ranked"))).containsExactlyInAnyOrder("w", "ranked");
    }

    /** Every public read of the store, called the way the screens call it. */
    private Map<String, Runnable> reads() {
        Map<String, Runnable> reads = new LinkedHashMap<>();
        Instant yearAgo = NOW.minus(Duration.ofDays(365));
        reads.put("auditOf", () -> store.auditOf("run-0000299"));
        reads.put("findRun", () -> store.findRun("run-0000100"));
        reads.put("countRuns()", () -> store.countRuns());
        reads.put("countRuns(status, target)", () -> store.countRuns(
                new HistoryQueries.RunFilter("failing", null, null, null, "shop", null)));
        reads.put("countRuns(status)", () -> store.countRuns(
                new HistoryQueries.RunFilter("failing", null, null, null, null, null)));
        reads.put("countRuns(interrupted)", () -> store.countRuns(
                new HistoryQueries.RunFilter(RunRow.INTERRUPTED, null, null, null, null, null)));
        reads.put("countRuns(from, to)", () -> store.countRuns(
                new HistoryQueries.RunFilter(null, yearAgo, NOW, null, null, null)));
        reads.put("countRuns(project)", () -> store.countRuns(
                new HistoryQueries.RunFilter(null, null, null, "health", null, null)));
        reads.put("testsOf", () -> store.testsOf("run-0000100"));
        reads.put("failuresOf", () -> store.failuresOf("run-0000100"));
        reads.put("actionsOf", () -> store.actionsOf("run-0000100"));
        reads.put("firstPass", () -> store.firstPass("run-0000100"));
        reads.put("incidentsOf", () -> store.incidentsOf("run-0000100"));
        reads.put("topIncidents", () -> store.topIncidents(20));
        reads.put("outcomeOf", () -> store.outcomeOf(store.findRun("run-0000100").orElseThrow()));
        reads.put("fingerprint", () -> store.fingerprint("fp-1"));
        reads.put("flipRates", () -> store.flipRates("shop", List.of("health/test-1", "health/test-2")));
        reads.put("lastWorkingFix", () -> store.lastWorkingFix("fp-1"));
        reads.put("findDiagnosis", () -> store.findDiagnosis("fp-1", "qwen"));
        reads.put("similarDiagnoses", () -> store.similarDiagnoses("fp-2", "pg-pool", "database", 3));
        reads.put("diagnosesOf", () -> store.diagnosesOf("run-0000100"));
        reads.put("listRuns(limit, offset)", () -> store.listRuns(200, 0));
        reads.put("listRuns(all, page 2)", () -> store.listRuns(HistoryQueries.RunFilter.ALL, 200, 200));
        reads.put("listRuns(status, target)", () -> store.listRuns(
                new HistoryQueries.RunFilter("failing", null, null, null, "shop", null), 200, 0));
        reads.put("listRuns(interrupted)", () -> store.listRuns(
                new HistoryQueries.RunFilter(RunRow.INTERRUPTED, null, null, null, null, null), 200, 0));
        reads.put("listRuns(from, to, target)", () -> store.listRuns(
                new HistoryQueries.RunFilter(null, yearAgo, NOW, null, "crm", null), 200, 0));
        reads.put("listRuns(text)", () -> store.listRuns(
                new HistoryQueries.RunFilter(null, null, null, null, null, "ECONNREFUSED"), 200, 0));
        reads.put("listRuns(text of a test id)", () -> store.listRuns(
                new HistoryQueries.RunFilter(null, null, null, null, null, "test-7"), 200, 0));
        reads.put("countRuns(text)", () -> store.countRuns(
                new HistoryQueries.RunFilter(null, null, null, null, null, "ECONNREFUSED")));
        reads.put("runsOf", () -> store.runsOf("shop", 10));
        reads.put("choices", () -> store.choices());
        reads.put("listRuns(operator)", () -> store.listRuns(new HistoryQueries.RunFilter(null, null, null, null, null,
                null, "operator-1", null), 200, 0));
        reads.put("listRuns(machine, target)", () -> store.listRuns(new HistoryQueries.RunFilter(null, null, null, null,
                "shop", null, null, "machine-1"), 200, 0));
        reads.put("trend(all)", () -> store.trend(null, yearAgo, NOW));
        reads.put("trend(target)", () -> store.trend("shop", yearAgo, NOW));
        reads.put("metrics(all)", () -> store.metrics(null, yearAgo, NOW));
        reads.put("metrics(target)", () -> store.metrics("shop", yearAgo, NOW));
        reads.put("topFingerprints", () -> store.topFingerprints(20));
        reads.put("fingerprintHistory", () -> store.fingerprintHistory("fp-1", 50));
        reads.put("compare", () -> store.compare("run-0000100", "run-0000101"));
        return reads;
    }

    private static final Pattern SCAN = Pattern.compile("^SCAN (\\w+)(.*)$");

    /** The table a plan line reads in full without an index, or null. */
    static String fullScan(String line) {
        Matcher m = SCAN.matcher(line.trim());
        if (!m.matches()) {
            return null;
        }
        String table = m.group(1);
        String rest = m.group(2);
        if (rest.contains("USING INDEX") || rest.contains("USING COVERING INDEX")
                || rest.contains("USING INTEGER PRIMARY KEY") || rest.contains("VIRTUAL TABLE")) {
            return null;
        }
        return LARGE.contains(ALIASES.getOrDefault(table, table)) ? table : null;
    }

    /** The aliases the store's queries give the large tables. */
    private static final Map<String, String> ALIASES = Map.of("r", "runs", "w", "runs", "t", "test_results",
            "f", "failures", "a", "actions", "d", "diagnoses", "fp", "fingerprints", "ft", "failure_texts");

    private static final Pattern SUBQUERY = Pattern.compile("^(?:CO-ROUTINE|MATERIALIZE) (\\w+)$");

    /** The names of the subqueries a plan computes (a SCAN of one of them reads its rows, not a table). */
    static Set<String> subqueries(List<String> plan) {
        return plan.stream().map(line -> SUBQUERY.matcher(line.trim())).filter(Matcher::matches)
                .map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private record Caught(String sql, Sql.Binder binder) {
    }

    private static List<String> plan(Connection c, Caught q) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + q.sql())) {
            q.binder().bind(ps);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
            return lines;
        }
    }

    private static RunSummary run(int i, Instant at) {
        String target = List.of("shop", "crm", "billing").get(i % 3);
        boolean failing = i % 4 == 0;
        List<TestResult> results = new ArrayList<>();
        List<FailureGroup> failures = new ArrayList<>();
        List<ActionRecord> actions = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            boolean fails = failing && t < 2;
            results.add(new TestResult("health/test-" + t, "health", "Test " + t, "spec.ts:" + t,
                    fails ? TestStatus.FAILED : TestStatus.PASSED, 40, fails ? "Error: connect ECONNREFUSED" : null,
                    null, 0, List.of()));
        }
        if (failing) {
            String fp = "fp-" + (i % 7);
            failures.add(new FailureGroup(fp, new Classification("net-refused", "refused", Category.NETWORK,
                    Severity.HIGH, FixClass.A, "restart-backend"), results.subList(0, 2), "Error: connect ECONNREFUSED",
                    null));
            actions.add(new ActionRecord(fp, "restart-backend", FixClass.A, Decision.AUTO, true, true, i % 8 == 0,
                    "verified", 900));
        }
        int passed = failing ? 8 : 10;
        HealthStatus status = failing ? HealthStatus.FAILING : HealthStatus.HEALTHY;
        LlmUsage llm = failing ? new LlmUsage("ollama", "qwen", 1, 0, 100, 20, 300, 0, null) : LlmUsage.none();
        return new RunSummary(String.format(Locale.ROOT, "run-%07d", i), target, List.of("health"), false, at,
                at.plusSeconds(60), status, status, passed * 10.0, 10, passed, 10 - passed, 0, results, failures,
                actions, llm, Map.of(), false);
    }
}
