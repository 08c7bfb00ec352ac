package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.llm.LlmBenchmark;
import dev.healdesk.core.report.HtmlReport;
import dev.healdesk.core.redact.RedactionBenchmark;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.session.RunRedactor;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.suite.BrowserLocator;
import dev.healdesk.core.suite.playwright.PlaywrightBenchmark;
import dev.healdesk.core.suite.playwright.PlaywrightTestSuite;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import dev.healdesk.core.triage.TriageBenchmark;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code healdesk bench}: the figures the issues ask for, measured on this machine. Not a test: it
 * reports numbers and the targets beside them, and never fails a build.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure triage throughput, storing a 5,000-result run and writing its HTML report, the"
                + " console's cold start, redaction"
                + " throughput, building the prompt of a 1 MB log, streamed-token latency, the diagnosis cache and"
                + " the time to heal each class-A sandbox fault (heal needs a browser), and the Playwright runner's"
                + " overhead beside the bare npx command (needs Node.js and `npm ci` in src/test/playwright).",
                "The cold start and the token latency need a display (run under xvfb-run on a headless machine)."})
final class BenchCommand implements Callable<Integer> {

    /** Handed in by the launcher (the CLI does not import the console); null when run without it. */
    ConsoleBenchmark tokenLatency;

    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Run only these: triage, store, html, startup, redact, prompt, tokens, cache, heal,"
                    + " playwright, history (default: all).")
    Set<String> only = new java.util.LinkedHashSet<>(ALL);

    private static final List<String> ALL = List.of("triage", "store", "html", "startup", "redact", "prompt", "tokens",
            "cache", "heal", "playwright", "history");

    @Option(names = "--history-runs", defaultValue = "100000",
            description = "Runs in the synthetic history, 50 results each (default ${DEFAULT-VALUE}).")
    int historyRuns;

    @Option(names = "--messages", defaultValue = "20000", description = "Distinct messages in the triage corpus (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--startups", defaultValue = "5", description = "Cold starts of the console to time (default ${DEFAULT-VALUE}).")
    int startups;

    @Option(names = "--image", paramLabel = "DIR", description = "An app image (mvn -Ppackage: target/image/healdesk):"
            + " startup then also times its launcher, bin/healdesk, with its AppCDS archive, alternating with the"
            + " plain jar.")
    Path image;

    @Option(names = "--heal-runs", defaultValue = "10", description = "Sandbox runs per fault to time healing (default ${DEFAULT-VALUE}).")
    int healRuns;

    @Option(names = "--playwright-runs", defaultValue = "5", description = "Runs of the 40-test Playwright suite each"
            + " way, bare and through Healdesk (default ${DEFAULT-VALUE}).")
    int playwrightRuns;

    @Option(names = "--playwright-project", defaultValue = "src/test/playwright", description = "The Playwright Test"
            + " project with the bench project (default ${DEFAULT-VALUE}).")
    Path playwrightProject;

    @Override
    public Integer call() throws Exception {
        for (String name : only) {
            if (!ALL.contains(name)) {
                throw new Cli.UsageException("--only: unknown benchmark '" + name + "'. Use " + String.join(", ", ALL)
                        + ".");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Machine: %s, %d cores, Java %s, max heap %d MiB%n", System.getProperty("os.name")
                        + " " + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        if (only.contains("triage")) {
            triage(out);
        }
        if (only.contains("store")) {
            store(out);
        }
        if (only.contains("html")) {
            html(out);
        }
        if (only.contains("startup")) {
            startup(out);
        }
        if (only.contains("redact")) {
            RedactionBenchmark.Result r = RedactionBenchmark.run(64, 3);
            out.printf(Locale.ROOT, "redact: %,d MB of mixed logs, one thread: %.1f MB/s, %,d secrets found"
                    + " (target >= 50 MB/s)%n", r.bytes() / 1_000_000, r.megabytesPerSecond(), r.findings());
        }
        if (only.contains("prompt")) {
            LlmBenchmark.PromptResult r = LlmBenchmark.prompt(1 << 20, 30);
            out.printf(Locale.ROOT, "prompt: build and redact the diagnosis prompt of a 1 MB log: median %.1f ms,"
                    + " worst %.1f ms over %d logs; prompt %,d characters (target <= 50 ms)%n", r.medianMs(),
                    r.worstMs(), r.rounds(), r.promptChars());
        }
        if (only.contains("tokens")) {
            if (tokenLatency == null) {
                out.println("tokens: needs the console's classes: run it as 'healdesk bench --only=tokens'");
            } else {
                tokenLatency.run(out);
            }
        }
        if (only.contains("cache")) {
            Path dir = Files.createTempDirectory("healdesk-bench-cache");
            LlmBenchmark.CacheResult r = LlmBenchmark.cache(dir, 30);
            out.printf(Locale.ROOT, "cache: %d failure groups; first run %d LLM calls, %d cache hits; second run with"
                            + " the same failures %d LLM calls, %d cache hits (target 0 calls)%n", r.groups(),
                    r.firstCalls(), r.firstHits(), r.secondCalls(), r.secondHits());
        }
        if (only.contains("heal")) {
            HealBenchmark.run(out, Math.max(1, healRuns));
        }
        if (only.contains("history")) {
            new HistoryBenchmark(historyRuns, 50).run(out);
        }
        if (only.contains("playwright")) {
            playwright(out);
        }
        out.flush();
        return Cli.HEALTHY;
    }

    private void playwright(PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("healdesk-bench-playwright");
        PlaywrightBenchmark.Parse parse = PlaywrightBenchmark.parse(5_000, 15, dir);
        out.printf(Locale.ROOT, "playwright: read a %,d-test JSON report (%.1f MB): median %.1f ms, best %.1f ms, worst"
                        + " %.1f ms over %d reads (target <= 300 ms)%n", parse.tests(), parse.bytes() / 1e6,
                parse.medianMs(), parse.bestMs(), parse.worstMs(), parse.rounds());
        out.flush();
        Path project = playwrightProject.toAbsolutePath().normalize();
        if (!Files.isRegularFile(project.resolve("node_modules/@playwright/test/package.json"))) {
            out.println("playwright: overhead skipped, " + project + " has no node_modules/@playwright/test. Run"
                    + " `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci` there (Node.js 18+).");
            return;
        }
        try (SandboxServer sandbox = SandboxServer.start()) {
            PlaywrightTestSuite suite = PlaywrightTestSuite.of(project, List.of("bench"), sandbox.baseUrl().toString(),
                    null, java.util.Map.of("HEALDESK_USER", sandbox.username(), "HEALDESK_PASSWORD", sandbox.password()),
                    java.time.Duration.ofMinutes(5), new BrowserLocator().locate().executable().orElse(null));
            PlaywrightBenchmark.Overhead o = PlaywrightBenchmark.overhead(suite, "bench", Math.max(1, playwrightRuns),
                    dir);
            out.printf(Locale.ROOT, "playwright: a %d-test suite, %d runs each way after a warm-up, alternating: bare"
                            + " `npx playwright test --project=bench` median %,.0f ms, through Healdesk median %,.0f ms:"
                            + " overhead %+.1f %% (target <= 3 %%)%n", o.tests(), o.rounds(), o.bareMs(), o.healdeskMs(),
                    o.percent());
        }
    }

    private void triage(PrintWriter out) {
        TriageBenchmark.Result r = TriageBenchmark.run(Math.max(10_000, messages), 5);
        out.printf(Locale.ROOT, "triage: %,d distinct messages, one thread, classify + fingerprint: %,.0f messages/s"
                + " (target >= 200,000/s)%n        by category: %s%n", r.messages(), r.perSecond(), r.byCategory());
    }

    /**
     * What redacting a run's results where they enter costs (RunService does it to every result): the 5,000 results
     * of the stored run through a {@link RunRedactor} over ten secret variables, against the time to store them.
     */
    private static void redactAtEntry(PrintWriter out, RunSummary run) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            env.put("BENCH_SECRET_" + i + "_TOKEN", "bench-secret-value-" + i + "-" + Long.toHexString(i * 7919L));
        }
        RunRedactor redactor = new RunRedactor(env);
        List<Long> times = new ArrayList<>();
        long chars = 0;
        for (int round = 0; round < 40; round++) {
            long t0 = System.nanoTime();
            for (TestResult r : run.results()) {
                TestResult clean = redactor.redact(r);
                chars += clean.title().length() + (clean.errorMessage() == null ? 0 : clean.errorMessage().length())
                        + (clean.errorStack() == null ? 0 : clean.errorStack().length());
            }
            times.add(System.nanoTime() - t0);
        }
        // Short texts take the JIT a while: the first 30 rounds warm it.
        List<Long> measured = times.subList(30, times.size()).stream().sorted().toList();
        out.printf(Locale.ROOT, "store: redacting those 5,000 results where they enter (10 secret variables, then"
                        + " the at-rest rules; %,d characters): median %.1f ms, worst %.1f ms over %d runs%n",
                chars / times.size(), measured.get(measured.size() / 2) / 1e6, measured.get(measured.size() - 1) / 1e6,
                measured.size());
    }

    private void store(PrintWriter out) throws IOException {
        Path dir = Files.createTempDirectory("healdesk-bench-store");
        try (HistoryStore store = HistoryStore.open(dir.resolve("bench.db"))) {
            List<Long> times = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                RunSummary run = syntheticRun("run-bench-" + round, 5_000);
                long t0 = System.nanoTime();
                store.saveRun(run, null);
                times.add(System.nanoTime() - t0);
            }
            // The first rounds warm the JIT and the SQLite page cache; report the rest.
            List<Long> measured = times.subList(3, times.size()).stream().sorted().toList();
            out.printf(Locale.ROOT, "store: a run of 5,000 results (250 failed in 25 groups) in one transaction:"
                            + " median %.1f ms, best %.1f ms, worst %.1f ms over %d runs (target <= 100 ms)%n",
                    measured.get(measured.size() / 2) / 1e6, measured.get(0) / 1e6,
                    measured.get(measured.size() - 1) / 1e6, measured.size());
            redactAtEntry(out, syntheticRun("run-bench-redact", 5_000));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The HTML report of the same 5,000-result run, redaction and escaping included, with a 30-run trend. */
    private void html(PrintWriter out) {
        RunSummary run = syntheticRun("run-bench-html", 5_000);
        List<HtmlReport.TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trend.add(new HtmlReport.TrendPoint("run-" + i, run.startedAt().minusSeconds(3600L * (30 - i)),
                    90 + i % 10, HealthStatus.DEGRADED));
        }
        HtmlReport report = new HtmlReport();
        List<Long> times = new ArrayList<>();
        int chars = 0;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            chars = report.render(run, trend, null).length();
            times.add(System.nanoTime() - t0);
        }
        // The first rounds warm the JIT; report the rest.
        List<Long> measured = times.subList(3, times.size()).stream().sorted().toList();
        out.printf(Locale.ROOT, "html: the HTML report of a 5,000-result run (250 failed in 25 groups, 30-run trend):"
                        + " median %.0f ms, worst %.0f ms over %d renders, first %.0f ms; %,d characters"
                        + " (target <= 1,000 ms)%n", measured.get(measured.size() / 2) / 1e6,
                measured.get(measured.size() - 1) / 1e6, measured.size(), times.get(0) / 1e6, chars);
    }

    static RunSummary syntheticRun(String runId, int tests) {
        Triage triage = new Triage(PatternCatalog.builtIn());
        List<TestResult> results = new ArrayList<>(tests);
        int failedEvery = 20;
        for (int i = 0; i < tests; i++) {
            String project = List.of("health", "contracts", "modules", "security").get(i % 4);
            if (i % failedEvery == 0) {
                int kind = (i / failedEvery) % 25;
                results.add(new TestResult(project + "/test-" + i, project, "Test " + i, "tests/spec" + (i % 40)
                        + ".ts:" + (10 + i % 300), TestStatus.FAILED, 1200 + i % 900,
                        "Error: connect ECONNREFUSED 127.0.0.1:" + (5400 + kind) + " (service-" + kind + ")",
                        "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n"
                                + "    at service" + kind + " (tests/service" + kind + ".ts:12:5)", 0, List.of()));
            } else {
                results.add(new TestResult(project + "/test-" + i, project, "Test " + i, "tests/spec" + (i % 40)
                        + ".ts:" + (10 + i % 300), TestStatus.PASSED, 40 + i % 700, null, null, 0, List.of()));
            }
        }
        List<FailureGroup> groups = triage.group(results);
        List<ActionRecord> actions = groups.stream().map(g -> new ActionRecord(g.fingerprint(),
                g.classification().playbook() == null ? "file-issue" : g.classification().playbook(), g.fixClass(),
                Decision.DRY_RUN, false, false, false, "dry run", 0)).toList();
        int failed = tests / failedEvery;
        Instant start = Instant.now();
        return new RunSummary(runId, "bench", List.of("health", "contracts", "modules", "security"), true, start,
                start.plusSeconds(60), HealthStatus.DEGRADED, HealthStatus.DEGRADED,
                (tests - failed) * 100.0 / tests, tests, tests - failed, failed, 0, results, groups, actions,
                LlmUsage.none(), java.util.Map.of(), false);
    }

    private void startup(PrintWriter out) throws IOException, InterruptedException {
        List<String> packaged = null;
        if (image != null) {
            Path launcher = image.resolve("bin").resolve("healdesk");
            if (!Files.isExecutable(launcher)) {
                throw new Cli.UsageException("--image: " + launcher + " is not there. Build the app image with"
                        + " `mvn -Ppackage -DskipTests package` (target/image/healdesk).");
            }
            packaged = List.of(launcher.toString());
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            out.println("startup: skipped, no display. Run 'xvfb-run -a java -jar target/healdesk.jar bench' on a"
                    + " headless machine.");
            return;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> jar = List.of(java, "-Dhealdesk.measureStartup=true", "-cp", System.getProperty("java.class.path"),
                "dev.healdesk.Launcher");
        Path results = Files.createTempDirectory("healdesk-bench-startup");
        List<Long> jarTimes = new ArrayList<>();
        List<Long> packagedTimes = new ArrayList<>();
        // Alternating, so that both see the same load on a shared machine.
        for (int i = 0; i < startups; i++) {
            Long ms = firstFrameMs(jar, Map.of("HEALDESK_RESULTS_DIR", results.toString()));
            if (ms == null) {
                out.println("startup: the console did not report its first frame");
                return;
            }
            jarTimes.add(ms);
            if (packaged != null) {
                // The launcher takes JVM options from its configuration only; JAVA_TOOL_OPTIONS adds the property.
                ms = firstFrameMs(packaged, Map.of("HEALDESK_RESULTS_DIR", results.toString(),
                        "JAVA_TOOL_OPTIONS", "-Dhealdesk.measureStartup=true"));
                if (ms == null) {
                    out.println("startup: the packaged console did not report its first frame");
                    return;
                }
                packagedTimes.add(ms);
            }
        }
        printStartup(out, "startup: console cold start to first frame (JVM start -> first pulse), java -cp (plain jar)",
                jarTimes);
        if (packaged != null) {
            printStartup(out, "startup: the same, packaged (" + image + "/bin/healdesk, jlink runtime + AppCDS)",
                    packagedTimes);
            out.printf(Locale.ROOT, "startup: packaged vs plain jar, medians: %d ms vs %d ms (target <= 1,000 ms"
                    + " packaged)%n", median(packagedTimes), median(jarTimes));
        }
    }

    private static long median(List<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private void printStartup(PrintWriter out, String title, List<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "%s: median %d ms, best %d ms, worst %d ms over %d starts (target <= 2,000 ms)%n"
                        + "        runs: %s ms%n", title, median(times), sorted[0], sorted[sorted.length - 1],
                sorted.length, times);
        out.flush();
    }

    /** One cold start of the console with -Dhealdesk.measureStartup=true: the first frame's ms, or null. */
    private static Long firstFrameMs(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        try {
            BoundedProcess.Result r = BoundedProcess.run(command, java.time.Duration.ofSeconds(60), null, env);
            for (String line : r.stdout().split("\\R")) {
                if (line.startsWith("healdesk.firstFrameMs=")) {
                    return Long.parseLong(line.substring("healdesk.firstFrameMs=".length()).trim());
                }
            }
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
