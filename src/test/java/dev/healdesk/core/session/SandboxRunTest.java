package dev.healdesk.core.session;

import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunSummary;

import dev.healdesk.core.process.Cancellation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxTarget;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Incident;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop on the real sandbox with real Chromium: each fault switch gives the category and fix
 * class an operator expects, runs are recorded in SQLite and the run folder is complete.
 */
class SandboxRunTest {

    private static SandboxTarget sandbox;
    private static final Triage TRIAGE = new Triage(PatternCatalog.builtIn());

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxTarget.start(SandboxOptions.defaults().withSlowDelay(Duration.ofSeconds(4)),
                Duration.ofMillis(1500), null);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        for (Fault f : Fault.values()) {
            sandbox.server().setFault(f, false);
        }
        if (!sandbox.server().isUp()) {
            sandbox.server().restart();
        }
    }

    private RunSummary run(HistoryStore store, Set<String> projects) throws RunException {
        RunService service = new RunService(store, new RunFolderWriter(dir.resolve("results")), TRIAGE,
                Diagnoser.none(), request -> List.of(), Clock.systemUTC());
        return service.run(sandbox, new RunOptions(projects, true, true, 3, ApprovalPolicy.NONE, false),
                RunListener.NONE, Cancellation.none());
    }

    @Test
    void aHealthySandboxPassesEveryProbe() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = run(store, Set.of());
            assertEquals(HealthStatus.HEALTHY, s.status(), () -> describe(s));
            assertEquals(0, s.testsFailed());
            assertTrue(s.testsRun() >= 10, "the four projects hold the sandbox's probes: " + s.testsRun());
            assertEquals(Set.of("health", "contracts", "modules", "security"),
                    s.results().stream().map(r -> r.project()).collect(Collectors.toSet()));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource({
            "backend-down,      NETWORK,  A, restart-backend",
            "session-expired,   AUTH,     A, clear-session",
            "token-expired,     AUTH,     A, refresh-tokens",
            "db-pool-exhausted, DATABASE, A, kill-idle-db-connections",
            "selector-changed,  UI,       B, propose-selector-fix",
            "contract-break,    API,      C, file-issue",
            "slow,              TIMEOUT,  C, file-issue",
    })
    void eachFaultIsTriagedAsAnOperatorExpects(String faultId, Category category, FixClass fixClass, String playbook)
            throws Exception {
        Fault fault = Fault.fromId(faultId).orElseThrow();
        sandbox.server().setFault(fault, true);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = run(store, Set.of());
            assertTrue(s.testsFailed() > 0, () -> faultId + " makes probes fail: " + describe(s));
            assertTrue(s.failures().stream().anyMatch(g -> g.category() == category && g.fixClass() == fixClass
                            && playbook.equals(g.classification().playbook())),
                    () -> faultId + " should give " + category + "/" + fixClass + "/" + playbook + ":\n" + describe(s));
            assertFalse(s.failures().stream().anyMatch(g -> g.category() == Category.UNKNOWN),
                    () -> "no failure of " + faultId + " is left unknown:\n" + describe(s));
            assertTrue(s.status() != HealthStatus.HEALTHY);
        }
    }

    @Test
    void runsPersistAcrossReopeningTheDatabaseAndTheFolderIsComplete() throws Exception {
        sandbox.server().setFault(Fault.DB_POOL_EXHAUSTED, true);
        Path db = dir.resolve("h.db");
        RunSummary s;
        try (HistoryStore store = HistoryStore.open(db)) {
            s = run(store, Set.of("health", "contracts"));
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            RunRow row = store.findRun(s.runId()).orElseThrow();
            assertEquals(s.testsFailed(), row.testsFailed());
            assertEquals(s.status(), row.status());
            assertEquals(s.failures().size(), store.failuresOf(s.runId()).size());
            for (FailureGroup g : s.failures()) {
                assertTrue(store.fingerprint(g.fingerprint()).isPresent());
            }
            assertEquals(s.incidents().stream().map(i -> i.id()).sorted().toList(),
                    store.incidentsOf(s.runId()).stream().map(i -> i.id()).sorted().toList());
            assertTrue(store.topIncidents(5).size() >= 1);
        }
        Path folder = dir.resolve("results").resolve(s.runId());
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(folder.resolve("healing-summary.json").toFile());
        assertEquals(s.runId(), summary.get("runId").asText());
        assertEquals(s.testsRun(), summary.get("testsRun").asInt());
        assertEquals(s.status().id(), summary.get("status").asText());
        assertTrue(summary.get("failures").size() > 0);
        assertEquals(s.testsRun(), json.readTree(folder.resolve("test-output.json").toFile()).get("tests").size());
        assertEquals(summary, json.readTree(dir.resolve("results").resolve("latest.json").toFile()));
        assertTrue(Files.readString(folder.resolve("summary.md")).contains("database"));
        assertTrue(Files.size(folder.resolve("healing-output.log")) > 0);
    }

    private static Set<String> failedTests(RunSummary s) {
        return s.results().stream().filter(r -> r.status().isFailure()).map(r -> r.id()).collect(Collectors.toSet());
    }

    @Test
    void backendDownIsOneIncidentWithEveryFailingTest() throws Exception {
        sandbox.server().setFault(Fault.BACKEND_DOWN, true);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = run(store, Set.of());
            assertEquals(1, s.incidents().size(), () -> "one cause, one incident:\n" + describe(s));
            Incident i = s.incidents().get(0);
            assertEquals(failedTests(s), Set.copyOf(i.tests()), () -> describe(s));
            assertEquals(Category.NETWORK, i.category());
            assertEquals(FixClass.A, i.fixClass());
            assertEquals("restart-backend", i.playbook());
            assertTrue(i.title().matches("Backend at .+:\\d+ refuses connections — \\d+ tests?"), i.title());
            assertTrue(i.classEvidence().startsWith("class A: "), i.classEvidence());
            assertTrue(s.failures().stream().allMatch(g -> i.id().equals(s.incidentOf(g.fingerprint()).orElseThrow().id())));
        }
    }

    @Test
    void anExhaustedPoolAndAChangedPageAreTwoIncidents() throws Exception {
        sandbox.server().setFault(Fault.DB_POOL_EXHAUSTED, true);
        sandbox.server().setFault(Fault.SELECTOR_CHANGED, true);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = run(store, Set.of());
            assertEquals(Set.of(Category.DATABASE, Category.UI),
                    s.incidents().stream().map(Incident::category).collect(Collectors.toSet()), () -> describe(s));
            assertEquals(2, s.incidents().size(), () -> describe(s));
            assertEquals(failedTests(s), s.incidents().stream().flatMap(i -> i.tests().stream())
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    void anExpiredSessionIsOneIncident() throws Exception {
        sandbox.server().setFault(Fault.SESSION_EXPIRED, true);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary s = run(store, Set.of());
            assertEquals(1, s.incidents().size(), () -> describe(s));
            assertEquals(Category.AUTH, s.incidents().get(0).category());
            assertEquals(failedTests(s), Set.copyOf(s.incidents().get(0).tests()));
        }
    }

    @Test
    void twoIdenticalRunsGiveIdenticalFingerprintsAndIncidents() throws Exception {
        sandbox.server().setFault(Fault.DB_POOL_EXHAUSTED, true);
        sandbox.server().setFault(Fault.SELECTOR_CHANGED, true);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            RunSummary a = run(store, Set.of());
            RunSummary b = run(store, Set.of());
            assertEquals(fingerprints(a), fingerprints(b));
            assertEquals(a.incidents().stream().map(i -> i.id() + " " + i.title() + " " + i.tests()).toList(),
                    b.incidents().stream().map(i -> i.id() + " " + i.title() + " " + i.tests()).toList());
        }
    }

    private static Set<String> fingerprints(RunSummary s) {
        return s.failures().stream().map(FailureGroup::fingerprint).collect(Collectors.toSet());
    }

    private static String describe(RunSummary s) {
        StringBuilder b = new StringBuilder(s.status() + " " + s.testsPassed() + "/" + s.testsRun() + "\n");
        s.results().forEach(r -> b.append("  ").append(r.status()).append(' ').append(r.id()).append(": ")
                .append(r.errorMessage() == null ? "" : r.errorMessage().lines().findFirst().orElse("")).append('\n'));
        List<FailureGroup> gs = s.failures();
        gs.forEach(g -> b.append("  group ").append(g.category()).append('/').append(g.fixClass()).append(' ')
                .append(g.classification().patternId()).append(' ').append(g.classification().playbook())
                .append(" x").append(g.count()).append(": ").append(g.message().lines().findFirst().orElse(""))
                .append('\n'));
        s.incidents().forEach(i -> b.append("  incident ").append(i.id()).append(' ').append(i.title()).append(' ')
                .append(i.fingerprints()).append('\n'));
        return b.toString();
    }
}
