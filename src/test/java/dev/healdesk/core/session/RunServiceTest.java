package dev.healdesk.core.session;

import dev.healdesk.core.run.Target;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunSummary;

import dev.healdesk.core.process.Cancellation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.PlaybookExecutor;
import dev.healdesk.core.playbook.PlaybookRegistry;
import dev.healdesk.core.playbook.PolicyGate;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's bookkeeping, over a scripted suite (the real sandbox suites are tested in SandboxRunTest). */
class RunServiceTest {

    @TempDir
    Path dir;

    private static final String POOL = "org.postgresql.util.PSQLException: FATAL: remaining connection slots are"
            + " reserved for non-replication superuser connections";

    /** A suite whose results are given up front, like a recorded run. */
    private record ScriptedSuite(List<TestResult> script) implements SuiteRunner {
        @Override
        public List<String> projects() {
            return List.of("health", "modules");
        }

        @Override
        public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
                throws SuiteException {
            List<TestResult> out = new ArrayList<>();
            for (TestResult r : script) {
                if (cancel.isCancelled()) {
                    break;
                }
                if (projects.contains(r.project())) {
                    out.add(r);
                    onResult.accept(r);
                }
            }
            return out;
        }
    }

    private record ScriptedTarget(SuiteRunner suites) implements Target {
        @Override
        public String name() {
            return "scripted";
        }
    }

    /** A target whose operator has these faults switched on (as the sandbox's switches). */
    private record FaultyTarget(SuiteRunner suites, Set<String> faultsOn) implements Target {
        @Override
        public String name() {
            return "scripted";
        }
    }

    private RunService service(HistoryStore store) {
        return new RunService(store, new RunFolderWriter(dir.resolve("results")), new Triage(PatternCatalog.builtIn()),
                Diagnoser.none(), new PlaybookExecutor(new PlaybookRegistry(), new PolicyGate("tester"),
                Guardrails.defaults(), Map.of(), text -> text, Clock.systemUTC()), Clock.systemUTC());
    }

    private static TestResult fail(String id, String project, String message) {
        return new TestResult(id, project, id, id, TestStatus.FAILED, 100, message, null, 0, List.of());
    }

    @Test
    void secretsAreTakenOutOfResultsAndLogLinesBeforeAnythingKeepsThemAndTheGroupingHolds() throws Exception {
        String password = "pw-" + Long.toHexString(System.nanoTime());
        String bearer1 = "a1B2c3D4e5F6g7H8" + Long.toHexString(System.nanoTime());
        String bearer2 = "z9Y8x7W6v5U4t3S2" + Long.toHexString(System.nanoTime());
        List<TestResult> script = List.of(
                new TestResult("modules/a", "modules", "a", "a", TestStatus.FAILED, 5,
                        "401 Unauthorized (Authorization: Bearer " + bearer1 + ")", "signed in with " + password, 0,
                        List.of()),
                new TestResult("modules/b", "modules", "b", "b", TestStatus.FAILED, 5,
                        "401 Unauthorized (Authorization: Bearer " + bearer2 + ")", "signed in with " + password, 0,
                        List.of()));
        List<RunEvent> events = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunService service = new RunService(store, new RunFolderWriter(dir.resolve("results")),
                    new Triage(PatternCatalog.builtIn()), Diagnoser.none(), new PlaybookExecutor(new PlaybookRegistry(),
                    new PolicyGate("tester"), Guardrails.defaults(), Map.of(), text -> text, Clock.systemUTC()),
                    Clock.systemUTC(), new RunRedactor(Map.of("TEST_PASSWORD", password)));
            RunSummary s = service.run(new ScriptedTarget(new ScriptedSuite(script)), RunOptions.defaults(),
                    events::add, Cancellation.none());

            assertEquals(1, s.failures().size(), "tokens that differ are one constant: one group");
            assertEquals("401 Unauthorized (Authorization: Bearer [REDACTED_BEARER_TOKEN])", s.results().get(0)
                    .errorMessage());
            assertEquals("signed in with $TEST_PASSWORD", s.results().get(1).errorStack());
            events.stream().filter(e -> e instanceof RunEvent.TestFinished).map(e -> ((RunEvent.TestFinished) e)
                    .result().errorMessage()).forEach(m -> assertTrue(m.endsWith("[REDACTED_BEARER_TOKEN])"), m));
            Path folder = dir.resolve("results").resolve(s.runId());
            for (String file : List.of(RunFolderWriter.LOG, RunFolderWriter.TEST_OUTPUT, RunFolderWriter.SUMMARY_JSON,
                    RunFolderWriter.SUMMARY_MD)) {
                String text = Files.readString(folder.resolve(file));
                assertTrue(!text.contains(password) && !text.contains(bearer1) && !text.contains(bearer2), file);
            }
            String db = new String(Files.readAllBytes(dir.resolve("h.db")), java.nio.charset.StandardCharsets.ISO_8859_1)
                    + (Files.exists(dir.resolve("h.db-wal")) ? new String(Files.readAllBytes(dir.resolve("h.db-wal")),
                    java.nio.charset.StandardCharsets.ISO_8859_1) : "");
            assertTrue(!db.contains(password) && !db.contains(bearer1) && !db.contains(bearer2), "the database");
        }
    }

    @Test
    void aRunStartRedactsOnceTheArtifactsThatAnOlderHealdeskLeftInAFinishedFolderAndMarksBothFolders() throws Exception {
        String bearer = "k7Q2mX9vL4pR8sT1" + Long.toHexString(System.nanoTime());
        Path old = Files.createDirectories(dir.resolve("results/20260101-090000-old1/artifacts"));
        Files.writeString(old.resolveSibling(RunFolderWriter.SUMMARY_MD), "# interrupted run, recovered\n");
        Path events = Files.writeString(old.resolve("playwright-events.ndjson"),
                "{\"event\":\"test\",\"error\":{\"message\":\"401 (Authorization: Bearer " + bearer + ")\"}}\n");
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = service(store).run(new ScriptedTarget(new ScriptedSuite(List.of(
                    TestResult.passed("health/a", "health", "a", 5)))), RunOptions.defaults(), e -> { },
                    Cancellation.none());

            assertEquals("{\"event\":\"test\",\"error\":{\"message\":\"401 (Authorization: Bearer"
                    + " [REDACTED_BEARER_TOKEN])\"}}\n", Files.readString(events));
            assertTrue(Files.exists(old.resolveSibling(RunFolderWriter.REDACTED_MARK)), "the old folder is marked");
            assertTrue(Files.exists(dir.resolve("results").resolve(s.runId()).resolve(RunFolderWriter.REDACTED_MARK)),
                    "the new run's folder is marked once its artifacts are redacted");
        }
    }

    @Test
    void emitsEventsInOrderAndRecordsEverything() throws Exception {
        List<TestResult> script = List.of(
                TestResult.passed("health/a", "health", "a", 5),
                fail("modules/b", "modules", "Expected status 200 but got 500: " + POOL),
                fail("modules/c", "modules", "Expected status 200 but got 500: " + POOL),
                new TestResult("modules/d", "modules", "d", "d", TestStatus.FLAKY, 9, null, null, 1, List.of()));
        List<RunEvent> events = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = service(store).run(new ScriptedTarget(new ScriptedSuite(script)), RunOptions.defaults(),
                    events::add, Cancellation.none());

            assertInstanceOf(RunEvent.RunStarted.class, events.get(0));
            assertEquals(4, events.stream().filter(e -> e instanceof RunEvent.TestFinished).count());
            List<RunEvent.FailureTriaged> triaged = events.stream().filter(e -> e instanceof RunEvent.FailureTriaged)
                    .map(e -> (RunEvent.FailureTriaged) e).toList();
            assertEquals(1, triaged.size(), "two failures with one message are one group");
            assertEquals(2, triaged.get(0).group().count());
            assertInstanceOf(RunEvent.RunFinished.class, events.get(events.size() - 1));

            assertEquals(4, s.testsRun());
            assertEquals(2, s.testsPassed(), "the flaky test passed in the end");
            assertEquals(2, s.testsFailed());
            assertEquals(1, s.flaky());
            assertEquals(50.0, s.healthScore());
            assertEquals(HealthStatus.FAILING, s.status());
            assertEquals(1, s.actions().size());
            assertEquals(Decision.SKIPPED, s.actions().get(0).decision());
            assertTrue(!s.actions().get(0).applied(), "nothing is applied when no playbook of that name is installed");

            assertEquals(1, store.countRuns());
            assertEquals(4, store.testsOf(s.runId()).size());
            Path folder = dir.resolve("results").resolve(s.runId());
            assertTrue(s.runId().matches("run-\\d{8}-\\d{6}-[0-9a-f]{16}"), s.runId());
            JsonNode summary = new ObjectMapper().readTree(folder.resolve("healing-summary.json").toFile());
            assertEquals(s.runId(), summary.get("runId").asText());
            String log = Files.readString(folder.resolve("healing-output.log"));
            assertTrue(log.contains("TRIAGED") && log.contains("finished"), log);
        }
    }

    @Test
    void flakyTestsAreReportedApartNeverHealedAndFlipRatesComeFromTheHistory() throws Exception {
        TestResult flaky = new TestResult("modules/d", "modules", "d", "d", TestStatus.FLAKY, 9,
                "locator.click: Timeout 5000ms exceeded.", null, 1, List.of());
        TestResult steady = fail("modules/b", "modules", "Expected status 200 but got 500: " + POOL);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary first = service(store).run(new ScriptedTarget(new ScriptedSuite(List.of(
                    TestResult.passed("modules/d", "modules", "d", 5), steady))), RunOptions.defaults(),
                    RunListener.NONE, Cancellation.none());
            assertEquals(0, first.flipRates().get("modules/b").flips());

            RunSummary s = service(store).run(new ScriptedTarget(new ScriptedSuite(List.of(flaky, steady))),
                    RunOptions.defaults(), RunListener.NONE, Cancellation.none());

            assertEquals(List.of("modules/b"), s.failures().get(0).tests().stream().map(TestResult::id).toList(),
                    "the flaky test is in no failure group");
            assertTrue(s.actions().stream().noneMatch(a -> a.message().contains("modules/d")), s.actions().toString());
            assertEquals("PK", s.flipRates().get("modules/d").recent());
            JsonNode json = new ObjectMapper().readTree(dir.resolve("results").resolve(s.runId())
                    .resolve("healing-summary.json").toFile());
            assertEquals("modules/d", json.at("/flakyTests/0/id").asText());
            assertEquals(1, json.at("/flakyTests/0/retry").asInt());
            assertEquals(1, json.at("/flakyTests/0/flipRate/flips").asInt());
            assertEquals("FF", json.at("/failures/0/testFlipRates/0/recent").asText());
            assertEquals(0.0, json.at("/failures/0/flipRate/rate").asDouble());
            String md = Files.readString(dir.resolve("results").resolve(s.runId()).resolve("summary.md"));
            assertTrue(md.contains("## Flaky tests") && md.contains("| `modules/d` | 1 | 100 % (1 flip in 2 runs)"), md);
        }
    }

    @Test
    void aRunRecordsTheFaultsTheOperatorSwitchedOnAndItsFailuresThenAreNotFlips() throws Exception {
        TestResult login = fail("modules/login", "modules", "locator('#login-button') resolved to 0 elements");
        TestResult passing = TestResult.passed("modules/login", "modules", "login", 5);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunOptions dry = new RunOptions(Set.of(), true, true, 0, null, false);
            service(store).run(new ScriptedTarget(new ScriptedSuite(List.of(passing))), dry, RunListener.NONE,
                    Cancellation.none());
            RunSummary faulted = service(store).run(new FaultyTarget(new ScriptedSuite(List.of(login)),
                    Set.of("selector-changed")), dry, RunListener.NONE, Cancellation.none());
            RunSummary after = service(store).run(new ScriptedTarget(new ScriptedSuite(List.of(passing))), dry,
                    RunListener.NONE, Cancellation.none());

            assertEquals(List.of("selector-changed"), faulted.faults());
            assertEquals(List.of("selector-changed"), store.findRun(faulted.runId()).orElseThrow().faults());
            assertEquals(List.of(), store.findRun(after.runId()).orElseThrow().faults());
            assertEquals("PX", faulted.flipRates().get("modules/login").recent());
            assertEquals(0, faulted.flipRates().get("modules/login").flips());
            JsonNode json = new ObjectMapper().readTree(dir.resolve("results").resolve(faulted.runId())
                    .resolve("healing-summary.json").toFile());
            assertEquals("selector-changed", json.at("/faults/0").asText());
            assertEquals(0.0, json.at("/failures/0/flipRate/rate").asDouble());
            assertEquals("PXP", store.flipRates("scripted", List.of("modules/login")).get("modules/login").recent());
        }
    }

    @Test
    void aDryRunRecordsDryRunDecisions() throws Exception {
        List<TestResult> script = List.of(fail("modules/b", "modules", POOL));
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunOptions dry = new RunOptions(Set.of(), true, true, 3, ApprovalPolicy.NONE, false);
            RunSummary s = service(store).run(new ScriptedTarget(new ScriptedSuite(script)), dry, RunListener.NONE,
                    Cancellation.none());
            assertEquals(Decision.DRY_RUN, s.actions().get(0).decision());
            assertTrue(s.dryRun());
        }
    }

    @Test
    void anUnknownProjectIsAUsageErrorAndRecordsNothing() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunOptions opts = new RunOptions(Set.of("helth"), false, true, 3, ApprovalPolicy.ASK, false);
            RunException e = assertThrows(RunException.class, () -> service(store).run(
                    new ScriptedTarget(new ScriptedSuite(List.of())), opts, RunListener.NONE, Cancellation.none()));
            assertTrue(e.isUsageError());
            assertTrue(e.getMessage().contains("helth") && e.getMessage().contains("health, modules"), e.getMessage());
            assertEquals(0, store.countRuns());
        }
    }

    @Test
    void aCancelledRunKeepsTheResultsSoFar() throws Exception {
        Cancellation cancel = new Cancellation();
        List<TestResult> script = List.of(TestResult.passed("health/a", "health", "a", 5),
                TestResult.passed("health/b", "health", "b", 5), TestResult.passed("health/c", "health", "c", 5));
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = service(store).run(new ScriptedTarget(new ScriptedSuite(script)), RunOptions.defaults(),
                    e -> {
                        if (e instanceof RunEvent.TestFinished f && f.finished() == 2) {
                            cancel.cancel();
                        }
                    }, cancel);
            assertTrue(s.cancelled());
            assertEquals(2, s.testsRun());
            assertEquals(1, store.countRuns(), "a cancelled run is still recorded");
        }
    }
}
