package dev.healdesk.core.suite.playwright;

import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.testing.PlaywrightProject;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The runner on the real Playwright Test project in src/test/playwright (installed with {@code npm ci}, browsers not
 * downloaded: it drives the system's Chromium) against a real sandbox, with faults switched on for real.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaywrightTestRunnerTest {

    static final Path PROJECT = PlaywrightProject.DIR;
    private static final List<String> SEEDS = List.of("health", "contracts", "modules", "security");
    private static final Path BROWSER = Path.of(System.getenv().getOrDefault("HEALDESK_BROWSER", "/usr/bin/chromium"));

    @TempDir
    Path artifacts;

    private SandboxServer sandbox;

    @BeforeAll
    void start() throws Exception {
        installProject();
        sandbox = SandboxServer.start();
    }

    @AfterAll
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
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

    static void installProject() throws Exception {
        PlaywrightProject.install();
    }

    private PlaywrightTestSuite suite(List<String> projects, Map<String, String> extra, Duration timeout) {
        Map<String, String> env = new HashMap<>(Map.of("HEALDESK_USER", sandbox.username(),
                "HEALDESK_PASSWORD", sandbox.password()));
        env.putAll(extra);
        return PlaywrightTestSuite.of(PROJECT, projects, sandbox.baseUrl().toString(), null, env, timeout, BROWSER);
    }

    private PlaywrightTestRunner runner(List<String> projects) {
        return new PlaywrightTestRunner(suite(projects, Map.of(), Duration.ofMinutes(2)));
    }

    private static Map<String, TestResult> byTitle(List<TestResult> results) {
        return results.stream().collect(Collectors.toMap(TestResult::title, Function.identity()));
    }

    @Test
    void aHealthySandboxPassesEveryTestAndResultsArriveWhilePlaywrightRuns() throws Exception {
        List<TestResult> heard = new CopyOnWriteArrayList<>();
        List<Boolean> playwrightAlive = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        List<TestResult> results = runner(SEEDS).run(Set.of(), artifacts, notes::add, r -> {
            heard.add(r);
            playwrightAlive.add(ProcessHandle.current().descendants().anyMatch(p -> p.isAlive()
                    && p.info().commandLine().orElse("").contains("playwright")));
        }, Cancellation.none());

        assertThat(results).hasSize(10).allSatisfy(r -> {
            assertThat(r.status()).as(r.id() + ": " + r.errorMessage()).isEqualTo(TestStatus.PASSED);
            assertThat(r.errorMessage()).isNull();
        });
        assertThat(results).extracting(TestResult::project).containsOnly(SEEDS.toArray(String[]::new));
        assertThat(heard).isEqualTo(results);
        assertThat(playwrightAlive.get(0)).as("the first result arrived while Playwright still ran").isTrue();
        assertThat(notes.get(0)).startsWith("Running playwright test --project=health --project=contracts"
                + " --project=modules --project=security in ").contains("HEALDESK_BROWSER=" + BROWSER)
                .endsWith(" (node " + PROJECT.toRealPath().resolve("node_modules/@playwright/test/cli.js") + ")");
        // the live lines and the JSON report agree
        PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(
                artifacts.resolve(PlaywrightTestRunner.REPORT_FILE), PROJECT.toRealPath());
        assertThat(report.complete()).isTrue();
        assertThat(report.results()).containsExactlyInAnyOrderElementsOf(results);
        assertThat(results).extracting(TestResult::id)
                .contains("modules/tests/modules/modules.spec.js:customers page › list › lists at least one customer");
        assertThat(results).extracting(TestResult::location).contains("tests/health/health.spec.js:4");
    }

    @Test
    void backendDownFailsTheTestsWithPlaywrightsOwnErrorAndTheirScreenshotsAreCopied() throws Exception {
        sandbox.setFault(Fault.BACKEND_DOWN, true);

        Map<String, TestResult> results = byTitle(runner(SEEDS).run(Set.of("health", "modules"), artifacts,
                n -> { }, r -> { }, Cancellation.none()));

        assertThat(results).hasSize(5);
        assertThat(results.values()).allSatisfy(r -> assertThat(r.status()).isEqualTo(TestStatus.FAILED));
        assertThat(results.get("API health endpoint answers ok").errorMessage())
                .contains("connect ECONNREFUSED 127.0.0.1:" + sandbox.port());
        TestResult page = results.get("login page shows the sign-in form");
        assertThat(page.errorMessage()).contains("net::ERR_CONNECTION_REFUSED at " + sandbox.baseUrl() + "/login");
        assertThat(page.errorStack()).contains("tests/health/health.spec.js:");
        assertThat(page.attachments()).isNotEmpty();
        List<String> attachments = results.values().stream().flatMap(r -> r.attachments().stream()).toList();
        assertThat(attachments).allSatisfy(a -> {
            assertThat(Path.of(a)).startsWith(artifacts.resolve("playwright")).isRegularFile();
        });
        // Playwright skips a failure screenshot it cannot take in time on a loaded machine (CI saw one test keep only
        // its error-context.md), so a screenshot is asked of any of the three page tests, not of one in particular.
        assertThat(attachments).anySatisfy(a -> assertThat(a).endsWith(".png"));
    }

    @Test
    void aTargetedRerunRunsExactlyTheFailedTestsByFileAndLine() throws Exception {
        Path bin = Files.createDirectories(artifacts.resolve("bin"));
        Path argv = artifacts.resolve("argv.txt");
        Path path = artifacts.resolve("path.txt");
        // a stand-in node before the real one on the PATH: it records what it was given, then runs the real node
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + argv + "'\nprintf '%s' \"$PATH\" > '" + path
                + "'\nexec '" + realNode() + "' \"$@\"\n");
        assertThat(node.toFile().setExecutable(true)).isTrue();
        PlaywrightTestRunner runner = new PlaywrightTestRunner(suite(SEEDS,
                Map.of("PATH", bin + ":" + System.getenv("PATH")), Duration.ofMinutes(2)));
        sandbox.setFault(Fault.SELECTOR_CHANGED, true);

        try (SuiteSession session = runner.open()) {
            List<TestResult> first = session.run(Set.of("modules", "security"), artifacts, n -> { }, r -> { },
                    Cancellation.none());
            List<TestResult> failed = first.stream().filter(r -> r.status().isFailure()).toList();
            assertThat(failed).extracting(TestResult::title).containsExactlyInAnyOrder(
                    "customers page › operator signs in and sees the customers table",
                    "customers page › list › lists at least one customer");
            assertThat(failed).allSatisfy(r -> assertThat(r.errorMessage()).contains("locator('#login-button')"));
            assertThat(first).hasSize(6);

            sandbox.setFault(Fault.SELECTOR_CHANGED, false);
            List<TestResult> heard = new ArrayList<>();
            List<TestResult> again = session.rerun(failed, artifacts.resolve("rerun-1"), n -> { }, heard::add,
                    Cancellation.none());

            assertThat(again).extracting(TestResult::id)
                    .containsExactlyInAnyOrderElementsOf(failed.stream().map(TestResult::id).toList());
            assertThat(again).allSatisfy(r -> assertThat(r.status()).isEqualTo(TestStatus.PASSED));
            assertThat(heard).isEqualTo(again);
        }
        String file = PROJECT.toRealPath().resolve("tests/modules/modules.spec.js").toString()
                .replace("/", "\\/").replace(".", "\\.");
        // node with the project's Playwright program, as npx would start it, then exactly the failed tests
        assertThat(Files.readAllLines(argv)).containsExactly(
                PROJECT.toRealPath().resolve("node_modules/@playwright/test/cli.js").toString(), "test",
                Files.readAllLines(argv).get(2), "--project=modules", "/^" + file + "$/:5", "/^" + file + "$/:11");
        assertThat(Files.readAllLines(argv).get(2)).startsWith("--reporter=").endsWith("healdesk-reporter.cjs,json");
        // and what npx puts on the PATH: the project's node_modules/.bin first
        assertThat(Files.readString(path)).startsWith(PROJECT.toRealPath().resolve("node_modules/.bin") + ":" + bin
                + ":");
    }

    @Test
    void retriesMakeFlakyTestsAndOnlyFinalAttemptsAreReported() throws Exception {
        PlaywrightTestRunner runner = new PlaywrightTestRunner(suite(List.of("quirks"), Map.of("PW_RETRIES", "1"),
                Duration.ofMinutes(2)));
        List<TestResult> heard = new ArrayList<>();
        Path pwned = Path.of("/tmp/healdesk-pwned");
        Files.deleteIfExists(pwned);

        Map<String, TestResult> results = byTitle(runner.run(Set.of(), artifacts, n -> { }, heard::add,
                Cancellation.none()));

        assertThat(heard).hasSize(4);
        assertThat(results.get("passes on the retry").status()).isEqualTo(TestStatus.FLAKY);
        assertThat(results.get("passes on the retry").retry()).isEqualTo(1);
        assertThat(results.get("passes on the retry").errorMessage()).contains("first attempt fails on purpose");
        assertThat(results.get("is skipped").status()).isEqualTo(TestStatus.SKIPPED);
        TestResult timedOut = results.get("times out");
        assertThat(timedOut.status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(timedOut.errorMessage()).isEqualTo("Test timeout of 1000ms exceeded.");
        assertThat(timedOut.attachments()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(a -> assertThat(Path.of(a)).startsWith(artifacts).isRegularFile());
        // a hostile title and error text stay data: nothing ran them, and only the colours were taken out
        TestResult hostile = results.values().stream().filter(r -> r.title().startsWith("outer › inner › $(touch"))
                .findFirst().orElseThrow();
        assertThat(hostile.status()).isEqualTo(TestStatus.FAILED);
        assertThat(hostile.errorMessage()).isEqualTo("Error: $(touch /tmp/healdesk-pwned); `rm -rf ~` red"
                + " <script>alert(1)</script>");
        assertThat(pwned).doesNotExist();
    }

    @Test
    void cancellingKillsPlaywrightItsWorkersAndTheBrowserAndKeepsTheResultsSoFar() throws Exception {
        PlaywrightTestRunner runner = runner(List.of("hang"));
        Cancellation cancel = Cancellation.none();
        List<TestResult> heard = new CopyOnWriteArrayList<>();
        List<ProcessHandle> seen = new CopyOnWriteArrayList<>();

        CompletableFuture<List<TestResult>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(Set.of(), artifacts, n -> { }, heard::add, cancel);
            } catch (SuiteException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !(heard.size() == 1 && browserRuns())) {
            Thread.sleep(50);
        }
        assertThat(browserRuns()).as("Chromium was started for the hanging test").isTrue();
        ProcessHandle.current().descendants().forEach(seen::add);
        long t0 = System.nanoTime();
        cancel.cancel();
        List<TestResult> results = run.get(20, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(results).extracting(TestResult::title, TestResult::status)
                .containsExactly(tuple("finishes at once", TestStatus.PASSED));
        // SIGKILL is delivered at once, but a killed browser's children are reaped by init a moment later: give the
        // kernel that moment (not the processes: nothing signals them again).
        long reaped = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < reaped && seen.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(50);
        }
        assertThat(seen).filteredOn(ProcessHandle::isAlive).as("processes left over: %s", seen.stream()
                .filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList())
                .isEmpty();
    }

    @Test
    void aRunStartedAheadIsTakenOverWithWhatItReportedAndItsReportLandsInTheRunFolder() throws Exception {
        PlaywrightTestRunner runner = runner(SEEDS);
        try (SuiteRunner.HeadStart ahead = runner.headStart(Set.of())) {
            assertThat(ahead).isNotSameAs(SuiteRunner.HeadStart.NONE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && playwright().isEmpty()) {
                Thread.sleep(20);
            }
            Set<Long> before = playwright();
            assertThat(before).as("Playwright runs before the run does").isNotEmpty();
            Thread.sleep(1500);   // some of its results are written before the run takes it over
            List<TestResult> heard = new CopyOnWriteArrayList<>();
            List<Set<Long>> during = new CopyOnWriteArrayList<>();
            List<String> notes = new ArrayList<>();

            List<TestResult> results;
            try (SuiteSession session = runner.open(text -> text)) {
                results = session.run(Set.of(), artifacts, notes::add, r -> {
                    heard.add(r);
                    during.add(playwright());
                }, Cancellation.none());
            }

            assertThat(results).hasSize(10).allSatisfy(r -> assertThat(r.status()).as(r.id() + ": " + r.errorMessage())
                    .isEqualTo(TestStatus.PASSED));
            assertThat(heard).isEqualTo(results);
            assertThat(during).as("every result came from the process started ahead, no second one was started")
                    .allSatisfy(pids -> assertThat(before).containsAll(pids));
            assertThat(notes.get(0)).startsWith("Running playwright test --project=health --project=contracts"
                    + " --project=modules --project=security in ");
            PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(
                    artifacts.resolve(PlaywrightTestRunner.REPORT_FILE), PROJECT.toRealPath());
            assertThat(report.complete()).isTrue();
            assertThat(report.results()).containsExactlyInAnyOrderElementsOf(results);
            assertThat(Files.readAllLines(artifacts.resolve(PlaywrightTestRunner.EVENTS_FILE)))
                    .filteredOn(l -> l.contains("\"event\":\"test\"")).hasSize(10);
        }
    }

    @Test
    void aRunStartedAheadThatNoRunTakesOverIsStoppedWithEverythingItStarted() throws Exception {
        PlaywrightTestRunner runner = runner(List.of("hang"));
        List<ProcessHandle> seen = new ArrayList<>();
        try (SuiteRunner.HeadStart ahead = runner.headStart(Set.of("hang"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !browserRuns()) {
                Thread.sleep(50);
            }
            assertThat(browserRuns()).as("Chromium was started for the hanging test").isTrue();
            ProcessHandle.current().descendants().forEach(seen::add);
        }
        long reaped = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < reaped && seen.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(50);
        }
        assertThat(seen).filteredOn(ProcessHandle::isAlive).isEmpty();
    }

    @Test
    void aRunOfOtherProjectsStopsTheRunStartedAheadAndRunsItsOwn() throws Exception {
        PlaywrightTestRunner runner = runner(List.of("health", "hang"));
        try (SuiteRunner.HeadStart ahead = runner.headStart(Set.of("hang"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && playwright().isEmpty()) {
                Thread.sleep(20);
            }
            Set<Long> hang = playwright();
            assertThat(hang).isNotEmpty();

            List<TestResult> results = runner.run(Set.of("health"), artifacts, n -> { }, r -> { },
                    Cancellation.none());

            assertThat(results).isNotEmpty().extracting(TestResult::project).containsOnly("health");
            assertThat(hang).as("the hanging run started ahead was stopped")
                    .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    /** The pids of the Playwright processes this JVM started that run now. */
    private static Set<Long> playwright() {
        return ProcessHandle.current().descendants().filter(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains("@playwright/test/cli.js")).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static boolean browserRuns() {
        return ProcessHandle.current().descendants().anyMatch(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains("chrom"));
    }

    @Test
    void aRunnerThatCrashesPassesOnWhatArrivedAndSaysItStopped() {
        PlaywrightTestRunner runner = runner(List.of("crash"));
        List<TestResult> heard = new ArrayList<>();

        assertThatThrownBy(() -> runner.run(Set.of(), artifacts, n -> { }, heard::add, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("stopped before the end of the run")
                .hasMessageContaining("no JSON report")
                .hasMessageContaining("The 1 result(s) that arrived before have been passed on");
        assertThat(heard).extracting(TestResult::title).containsExactly("finishes before the crash");
    }

    @Test
    void aHangingRunIsStoppedAtTheTimeout() {
        PlaywrightTestRunner runner = new PlaywrightTestRunner(suite(List.of("hang"), Map.of(), Duration.ofSeconds(8)));
        assertThatThrownBy(() -> runner.run(Set.of(), artifacts, n -> { }, r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("playwright test --project=hang in " + PROJECT)
                .hasMessageContaining("did not finish within 8 s");
    }

    @Test
    void aProjectPlaywrightDoesNotKnowIsNamedWithTheKnownOnes() throws Exception {
        PlaywrightTestRunner runner = runner(List.of("health", "smoke"));

        assertThatThrownBy(() -> runner.run(Set.of("smoke"), artifacts, n -> { }, r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("Playwright does not know the project(s) \"smoke\" in " + PROJECT)
                .hasMessageContaining("Its config has: \"health\", \"contracts\", \"modules\", \"security\"")
                .hasMessageContaining("Fix the project names");
        assertThatThrownBy(() -> runner.run(Set.of("nope"), artifacts, n -> { }, r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessage("Unknown project nope; the Playwright suite in " + PROJECT + " has: health, smoke");
    }

    @Test
    void withoutNodeOrNpxOnThePathTheMessageSaysToInstallNode() {
        PlaywrightTestRunner runner = new PlaywrightTestRunner(suite(SEEDS, Map.of("PATH", "/nonexistent/bin"),
                Duration.ofSeconds(30)));
        assertThatThrownBy(() -> runner.run(Set.of(), r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("Neither node nor npx is on the PATH (/nonexistent/bin)")
                .hasMessageContaining("Install Node.js 18 or newer");
    }

    @Test
    void aPackageThatNamesNoPlaywrightProgramIsRunThroughNpxInstead() throws Exception {
        Path project = Files.createDirectories(artifacts.resolve("odd-project"));
        Files.writeString(project.resolve("playwright.config.js"), "module.exports = {};\n");
        Path pkg = Files.createDirectories(project.resolve("node_modules/@playwright/test"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"@playwright/test\", \"version\": \"1.56.0\"}\n");
        Path bin = Files.createDirectories(artifacts.resolve("npx-bin"));
        Path argv = artifacts.resolve("npx-argv.txt");
        for (String program : List.of("npx", "node")) {
            // both stand-ins record who was called; neither runs anything
            Path file = bin.resolve(program);
            Files.writeString(file, "#!/bin/sh\nprintf '%s\\n' " + program + " \"$@\" > '" + argv + "'\n");
            assertThat(file.toFile().setExecutable(true)).isTrue();
        }
        PlaywrightTestRunner runner = new PlaywrightTestRunner(new PlaywrightTestSuite(project, List.of("e2e"),
                Map.of("PATH", bin.toString()), Duration.ofSeconds(30), null));
        List<String> notes = new ArrayList<>();

        assertThatThrownBy(() -> runner.run(Set.of(), artifacts.resolve("odd-run"), notes::add, r -> { },
                Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("exited with 0 and reported no test");

        List<String> called = Files.readAllLines(argv);
        assertThat(called).containsExactly("npx", "--no", "--", "playwright", "test", called.get(5), "--project=e2e");
        assertThat(called.get(5)).startsWith("--reporter=").endsWith("healdesk-reporter.cjs,json");
        assertThat(notes.get(0)).endsWith(" (npx --no -- playwright)");
    }

    /** The node on this machine's PATH, which the tests' stand-in hands over to. */
    private static Path realNode() {
        for (String entry : System.getenv("PATH").split(":")) {
            Path node = Path.of(entry, "node");
            if (Files.isExecutable(node)) {
                return node;
            }
        }
        throw new IllegalStateException("no node on the PATH");
    }

    @Test
    void withoutNodeModulesTheMessageSaysToRunNpmCi() throws Exception {
        Path bare = Files.createDirectories(artifacts.resolve("bare-project"));
        Files.writeString(bare.resolve("playwright.config.js"), "module.exports = {};\n");
        PlaywrightTestRunner runner = new PlaywrightTestRunner(new PlaywrightTestSuite(bare, List.of("e2e"), Map.of(),
                Duration.ofSeconds(30), null));
        assertThatThrownBy(() -> runner.run(Set.of(), r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("@playwright/test is not installed for " + bare.toRealPath())
                .hasMessageContaining("Run `npm ci` in " + bare.toRealPath());
        Files.delete(bare.resolve("playwright.config.js"));
        assertThatThrownBy(() -> runner.run(Set.of(), r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("There is no playwright.config.(ts|js|mjs|cjs) in " + bare.toRealPath());
    }

    @Test
    void aSuiteIsValidated() {
        assertThatThrownBy(() -> new PlaywrightTestSuite(PROJECT, List.of(), Map.of(), Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no projects");
        assertThatThrownBy(() -> new PlaywrightTestSuite(PROJECT, List.of("--grep=x"), Map.of(), Duration.ofSeconds(1),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not start with '-'");
        assertThatThrownBy(() -> new PlaywrightTestSuite(PROJECT, List.of("a"), Map.of(), Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive timeout");
        PlaywrightTestSuite suite = PlaywrightTestSuite.of(PROJECT, List.of("a"), "http://app", null, null,
                Duration.ofSeconds(1), null);
        assertThat(suite.env()).containsEntry("BASE_URL", "http://app").containsEntry("API_URL", "http://app");
    }

    @Test
    void aLocationBecomesAnAnchoredFilterThatNoOtherFileMatches() throws Exception {
        assertThat(PlaywrightTestRunner.locationFilter(Path.of("/p/(x)"), "tests/a.spec.ts:12"))
                .isEqualTo("/^\\/p\\/\\(x\\)\\/tests\\/a\\.spec\\.ts$/:12");
        assertThatThrownBy(() -> PlaywrightTestRunner.locationFilter(Path.of("/p"), "health/api-health"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("must be file:line");
    }
}
