package dev.healdesk.core.sandbox;

import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.suite.SuiteSession;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox probes against a real sandbox with a real headless Chromium: all pass when healthy, and each fault makes
 * the probes that depend on the broken part fail with the text Playwright or the check produced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxSuitesTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Duration SLOW_DELAY = Duration.ofSeconds(3);

    @TempDir
    Path artifacts;

    private SandboxServer sandbox;
    private ProbeRunner runner;

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withSlowDelay(SLOW_DELAY));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @AfterEach
    void healthyAgain() {
        if (sandbox.isOn(Fault.BACKEND_DOWN)) {
            sandbox.restart();
        }
        for (Fault f : Fault.values()) {
            sandbox.setFault(f, false);
        }
    }

    private ProbeRunner runner() {
        if (runner == null) {
            runner = SandboxSuites.runner(sandbox, artifacts, TIMEOUT);
        }
        return runner;
    }

    private Map<String, TestResult> run(Set<String> projects) throws SuiteException {
        List<TestResult> streamed = new CopyOnWriteArrayList<>();
        List<TestResult> results = runner().run(projects, streamed::add, Cancellation.none());
        assertEquals(results, streamed, "each result is reported as it is known");
        return results.stream().collect(Collectors.toMap(TestResult::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static void assertFailed(TestResult r, String... fragments) {
        assertTrue(r.status().isFailure(), r.id() + " should fail but " + r.status());
        assertNotNull(r.errorMessage(), r.id());
        for (String f : fragments) {
            assertTrue(r.errorMessage().contains(f), r.id() + ": expected \"" + f + "\" in:\n" + r.errorMessage());
        }
    }

    private static void assertPassed(TestResult r) {
        assertEquals(TestStatus.PASSED, r.status(), r.id() + ": " + r.errorMessage());
    }

    @Test
    void suiteHasTheSeedProjects() {
        List<Probe> probes = SandboxSuites.probes();
        assertEquals(List.of("health", "contracts", "modules", "security"), runner().projects());
        assertTrue(probes.size() >= 10 && probes.size() <= 12, "probes: " + probes.size());
        List<String> ids = probes.stream().map(Probe::id).collect(Collectors.toList());
        for (String id : List.of("health/api-health", "health/login-page-loads", "contracts/customers-schema",
                "contracts/health-schema", "modules/login-flow", "modules/customers-list", "modules/customer-detail",
                "security/api-requires-auth", "security/security-headers", "security/session-cookie-httponly")) {
            assertTrue(ids.contains(id), id);
        }
        assertEquals(2, SandboxSuites.probes(Set.of("health")).size());
        SuiteException e = assertThrows(SuiteException.class, () -> runner().run(Set.of("nope"), r -> { }, Cancellation.none()));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("health"), e.getMessage());
    }

    @Test
    void allPassWhenHealthy() throws Exception {
        long t0 = System.nanoTime();
        Map<String, TestResult> results = run(Set.of());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(SandboxSuites.probes().size(), results.size());
        results.values().forEach(SandboxSuitesTest::assertPassed);
        results.values().forEach(r -> assertNull(r.errorMessage()));
        assertTrue(ms < 20_000, "a healthy run takes a few seconds, took " + ms + " ms");
    }

    @Test
    void backendDownFailsEveryProbeWithConnectionRefusedAndRestartHeals() throws Exception {
        sandbox.setFault(Fault.BACKEND_DOWN, true);
        Map<String, TestResult> down = run(Set.of());
        for (TestResult r : down.values()) {
            assertFailed(r);
            assertTrue(r.errorMessage().contains("ECONNREFUSED") || r.errorMessage().contains("net::ERR_CONNECTION_REFUSED"),
                    r.id() + ": " + r.errorMessage());
        }
        assertFailed(down.get("health/api-health"), "connect ECONNREFUSED 127.0.0.1:" + sandbox.port());
        assertFailed(down.get("modules/login-flow"), "net::ERR_CONNECTION_REFUSED at " + sandbox.baseUrl() + "/login");
        assertNotNull(down.get("modules/login-flow").errorStack());
        // page probes leave a screenshot
        TestResult page = down.get("health/login-page-loads");
        assertEquals(1, page.attachments().size());
        assertTrue(Files.size(Path.of(page.attachments().get(0))) > 0);
        assertTrue(down.get("health/api-health").attachments().isEmpty());

        sandbox.restart();
        run(Set.of()).values().forEach(SandboxSuitesTest::assertPassed);
    }

    @Test
    void sessionExpiredFailsTheCookieFlows() throws Exception {
        sandbox.setFault(Fault.SESSION_EXPIRED, true);
        Map<String, TestResult> results = run(Set.of());
        for (String id : List.of("modules/login-flow", "modules/customers-list")) {
            assertFailed(results.get(id), "session", "expired", "/login?expired=1");
        }
        assertPassed(results.get("health/api-health"));
        assertPassed(results.get("contracts/customers-schema"));
        assertPassed(results.get("modules/customer-detail"));
    }

    @Test
    void tokenExpiredFailsTheBearerProbesWithTheServersText() throws Exception {
        sandbox.setFault(Fault.TOKEN_EXPIRED, true);
        Map<String, TestResult> results = run(Set.of());
        assertFailed(results.get("contracts/customers-schema"), "Expected status 200 but got 401 for GET "
                + sandbox.baseUrl() + "/api/customers", "TokenExpiredError: jwt expired");
        assertFailed(results.get("modules/customer-detail"), "jwt expired");
        assertPassed(results.get("modules/login-flow"));
        assertPassed(results.get("health/api-health"));
    }

    @Test
    void dbPoolExhaustedFailsApiProbesWithThePostgresError() throws Exception {
        sandbox.setFault(Fault.DB_POOL_EXHAUSTED, true);
        Map<String, TestResult> results = run(Set.of());
        String pg = "remaining connection slots are reserved";
        assertFailed(results.get("health/api-health"), "Expected status 200 but got 503", pg);
        assertFailed(results.get("contracts/customers-schema"), "got 500", "PSQLException", pg);
        assertFailed(results.get("contracts/health-schema"), pg);
        assertFailed(results.get("modules/customer-detail"), pg);
        assertFailed(results.get("modules/login-flow"), "answered 500", pg);
        assertPassed(results.get("security/api-requires-auth"));
    }

    @Test
    void slowFailsWithPlaywrightsTimeout() throws Exception {
        sandbox.setFault(Fault.SLOW, true);
        Map<String, TestResult> results = run(Set.of("health", "modules"));
        assertEquals(5, results.size());
        for (TestResult r : results.values()) {
            assertFailed(r, "Timeout " + TIMEOUT.toMillis() + "ms exceeded");
            assertTrue(r.durationMs() < SLOW_DELAY.toMillis() + 1000, r.id() + " took " + r.durationMs());
        }
        assertFailed(results.get("health/api-health"), "GET " + sandbox.baseUrl() + "/api/health");
        assertFailed(results.get("modules/login-flow"), "navigating to \"" + sandbox.baseUrl() + "/login\"");
    }

    @Test
    void selectorChangedFailsLoginFlowOnItsLocator() throws Exception {
        sandbox.setFault(Fault.SELECTOR_CHANGED, true);
        Map<String, TestResult> results = run(Set.of("health", "modules"));
        TestResult flow = results.get("modules/login-flow");
        assertFailed(flow, "Timeout " + TIMEOUT.toMillis() + "ms exceeded", "waiting for locator(\"#login-button\")");
        assertEquals(1, flow.attachments().size());
        assertTrue(Files.exists(Path.of(flow.attachments().get(0))));
        assertFailed(results.get("modules/customers-list"), "locator(\"#login-button\")");
        assertPassed(results.get("health/login-page-loads"));
        assertPassed(results.get("modules/customer-detail"));
    }

    @Test
    void contractBreakFailsTheSchemaNamingEmail() throws Exception {
        sandbox.setFault(Fault.CONTRACT_BREAK, true);
        Map<String, TestResult> results = run(Set.of("contracts", "modules"));
        assertFailed(results.get("contracts/customers-schema"), "customers.schema.json",
                "$.customers[0]: required property 'email' not found");
        assertPassed(results.get("contracts/health-schema"));
        assertPassed(results.get("modules/customer-detail"));
    }

    @Test
    void cancelEndsTheProbeInProgressAndStops() throws Exception {
        sandbox.setFault(Fault.SLOW, true);
        Cancellation cancel = new Cancellation();
        CountDownLatch inProbe = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        List<Probe> probes = List.of(
                Probe.page("modules", "waits", "Waits on a slow page", ctx -> {
                    inProbe.countDown();
                    ctx.page().navigate(ctx.url("/login"));
                }),
                Probe.api("modules", "after", "Must not start after a cancel", ctx -> secondRan.set(true)));
        ProbeRunner slowRunner = new ProbeRunner(probes,
                SandboxSuites.settings(sandbox, artifacts).withTimeout(Duration.ofSeconds(20)));
        Thread canceller = new Thread(() -> {
            try {
                inProbe.await();
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        List<TestResult> results = slowRunner.run(Set.of(), r -> { }, cancel);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        canceller.join();
        assertTrue(ms < SLOW_DELAY.toMillis() + 1500, "the cancel closed the browser under the probe, took " + ms + " ms");
        assertEquals(1, results.size(), results.toString());
        assertEquals(TestStatus.SKIPPED, results.get(0).status());
        assertTrue(results.get(0).errorMessage().startsWith("Cancelled while running"), results.get(0).errorMessage());
        assertFalse(secondRan.get());

        Cancellation already = new Cancellation();
        already.cancel();
        assertTrue(runner().run(Set.of(), r -> { }, already).isEmpty());
    }

    @Test
    void aSessionKeepsOneBrowserForItsRunsAndEndsItOnClose() throws Exception {
        Set<Long> browsers = new java.util.HashSet<>();
        try (SuiteSession session = runner().open()) {
            sandbox.setFault(Fault.BACKEND_DOWN, true);
            List<TestResult> first = session.run(Set.of("modules"), artifacts, note -> { }, r -> { },
                    Cancellation.none());
            browsers.addAll(probeBrowsers());
            assertTrue(first.stream().allMatch(r -> r.status() == TestStatus.FAILED), first.toString());

            sandbox.restart();
            List<TestResult> again = session.run(Set.of("modules"), artifacts.resolve("rerun-1"), note -> { },
                    r -> { }, Cancellation.none());
            assertTrue(again.stream().allMatch(r -> r.status() == TestStatus.PASSED), again.toString());
            assertEquals(browsers, probeBrowsers(), "the re-run used the browser the first run launched");
        }
        assertEquals(1, browsers.size(), browsers.toString());
        assertTrue(probeBrowsers().isEmpty(), "closing the session ends its browser");
    }

    /** The root processes of the probe browsers this JVM runs now (found by the run marker in their arguments). */
    private static Set<Long> probeBrowsers() {
        return ProcessHandle.current().children()
                .flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().commandLine().map(c -> c.contains("--healdesk-probe-run=")
                        && !c.contains("--type=")).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    @Test
    void browserThatCannotStartIsASuiteException() throws Exception {
        Path fake = artifacts.resolve("not-a-browser");
        Files.writeString(fake, "#!/bin/sh\necho 'not a browser' >&2\nexit 3\n");
        assertTrue(fake.toFile().setExecutable(true));
        ProbeRunner broken = new ProbeRunner(SandboxSuites.probes(Set.of("health")),
                SandboxSuites.settings(sandbox, artifacts).withTimeout(TIMEOUT).withBrowser(fake.toString()));
        SuiteException e = assertThrows(SuiteException.class, () -> broken.run(Set.of(), r -> { }, Cancellation.none()));
        assertTrue(e.getMessage().contains(fake.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("HEALDESK_BROWSER"), e.getMessage());

        ProbeRunner missing = new ProbeRunner(SandboxSuites.probes(Set.of("health")),
                SandboxSuites.settings(sandbox, artifacts).withBrowser("/nowhere/chromium"));
        SuiteException m = assertThrows(SuiteException.class, () -> missing.run(Set.of(), r -> { }, Cancellation.none()));
        assertTrue(m.getMessage().contains("/nowhere/chromium"), m.getMessage());
        assertFalse(m.getMessage().contains(sandbox.password()));
    }
}
