package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.process.ScratchFolder;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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
            description = "Run only these: triage, store, html, startup, cli, redact, prompt, tokens, cache, heal,"
                    + " playwright, history (default: all).")
    Set<String> only = new java.util.LinkedHashSet<>(ALL);

    private static final List<String> ALL = List.of("triage", "store", "html", "startup", "cli", "redact", "prompt",
            "tokens", "cache", "heal", "playwright", "history");

    @Option(names = "--history-runs", defaultValue = "100000",
            description = "Runs in the synthetic history, 50 results each (default ${DEFAULT-VALUE}).")
    int historyRuns;

    @Option(names = "--history-dir", paramLabel = "DIR", description = "Keep the synthetic history in DIR"
            + " (DIR/history.db) and use it again next time instead of writing it anew (default: a scratch folder,"
            + " deleted).")
    Path historyDir;

    @Option(names = "--db", paramLabel = "URL", description = "Time the history on this PostgreSQL database"
            + " (postgresql://host:port/database; the password from PGPASSWORD) instead of a SQLite file: an empty"
            + " database is filled with the synthetic history, one that holds exactly --history-runs runs is used"
            + " again, any other is refused.")
    String db;

    @Option(names = "--messages", defaultValue = "20000", description = "Distinct messages in the triage corpus (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--startups", defaultValue = "5", description = "Cold starts of the console, and as many of the"
            + " hello-world window beside it, to time (default ${DEFAULT-VALUE}).")
    int startups;

    @Option(names = "--cli-runs", defaultValue = "5", description = "Processes of each CLI command, and as many of"
            + " `java -version` beside them, to time (default ${DEFAULT-VALUE}).")
    int cliRuns;

    @Option(names = "--redact-mb", defaultValue = "64", description = "Megabytes of mixed logs to redact (default"
            + " ${DEFAULT-VALUE}).")
    int redactMegabytes;

    @Option(names = "--image", paramLabel = "DIR", description = "An app image (mvn -Ppackage: target/image/healdesk):"
            + " startup, cli and playwright then also time its launcher, bin/healdesk, with its AppCDS archive,"
            + " alternating with the plain jar.")
    Path image;

    @Option(names = "--heal-runs", defaultValue = "10", description = "Sandbox runs per fault to time healing (default ${DEFAULT-VALUE}).")
    int healRuns;

    @Option(names = "--playwright-runs", defaultValue = "3", description = "Runs of each Playwright suite each way,"
            + " bare and through Healdesk, after a warm-up (default ${DEFAULT-VALUE}).")
    int playwrightRuns;

    @Option(names = "--playwright-jar", paramLabel = "JAR", description = "Another Healdesk jar (an older build's"
            + " target/healdesk.jar, its lib/ beside it) to run the Playwright suites with too, alternating with this"
            + " one.")
    Path playwrightJar;

    @Option(names = "--playwright-suites", split = ",", paramLabel = "NAME", description = "Which suites to time"
            + " bare and through Healdesk: seed, setup-dependency (default: both).")
    Set<String> playwrightSuites = new java.util.LinkedHashSet<>(List.of("seed", "setup-dependency"));

    @Option(names = "--playwright-shards", defaultValue = "2", description = "Shards of the seed suite's sharded run"
            + " beside its whole one (default ${DEFAULT-VALUE}; 1 leaves the figure out).")
    int playwrightShards;

    @Option(names = "--playwright-project", defaultValue = "src/test/playwright", description = "The Playwright Test"
            + " project with the bench project (default ${DEFAULT-VALUE}).")
    Path playwrightProject;

    @Override
    public Integer call() throws Exception {
        for (String suite : playwrightSuites) {
            if (!List.of("seed", "setup-dependency").contains(suite)) {
                throw new Cli.UsageException("--playwright-suites: unknown suite '" + suite + "'. Use seed,"
                        + " setup-dependency.");
            }
        }
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
        out.println("Every figure: min / median / max over its samples, and the machine's load (/proc/loadavg: 1, 5"
                + " and 15 minutes) when it was taken; where a floor or peer exists it is measured beside, alternating.");
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
        if (only.contains("cli")) {
            new CliStartBenchmark(Math.max(1, cliRuns), image).run(out);
        }
        if (only.contains("redact")) {
            redact(out);
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
            try (ScratchFolder dir = ScratchFolder.create("healdesk-bench-cache")) {
                LlmBenchmark.CacheResult r = LlmBenchmark.cache(dir.path(), 30);
                out.printf(Locale.ROOT, "cache: %d failure groups; first run %d LLM calls, %d cache hits; second run"
                                + " with the same failures %d LLM calls, %d cache hits (target 0 calls; %s)%n",
                        r.groups(), r.firstCalls(), r.firstHits(), r.secondCalls(), r.secondHits(),
                        BenchFigures.load());
            }
        }
        if (only.contains("heal")) {
            HealBenchmark.run(out, Math.max(1, healRuns));
        }
        if (only.contains("history")) {
            dev.healdesk.core.history.HistoryLocation server = null;
            if (db != null) {
                try {
                    server = dev.healdesk.core.history.HistoryLocation.parse(db, "--db", Cli.config().env());
                } catch (IllegalArgumentException e) {
                    throw new Cli.UsageException(e.getMessage(), e);
                }
                if (!(server instanceof dev.healdesk.core.history.HistoryLocation.Postgres)) {
                    throw new Cli.UsageException("--db is '" + db + "': bench takes a postgresql://host:port/database"
                            + " URL there; for a SQLite file use --history-dir.");
                }
            }
            new HistoryBenchmark(historyRuns, 50, historyDir, server).run(out);
        }
        if (only.contains("playwright")) {
            playwright(out);
        }
        out.flush();
        return Cli.HEALTHY;
    }

    private void playwright(PrintWriter out) throws Exception {
        try (ScratchFolder scratch = ScratchFolder.create("healdesk-bench-playwright")) {
            playwright(out, scratch.path());
        }
    }

    private void playwright(PrintWriter out, Path dir) throws Exception {
        PlaywrightBenchmark.Parse parse = PlaywrightBenchmark.parse(5_000, 15, dir);
        out.printf(Locale.ROOT, "playwright: read a %,d-test JSON report (%.1f MB): min %.1f ms, median %.1f ms, max"
                        + " %.1f ms over %d reads (target <= 300 ms; %s)%n", parse.tests(), parse.bytes() / 1e6,
                parse.bestMs(), parse.medianMs(), parse.worstMs(), parse.rounds(), BenchFigures.load());
        out.flush();
        Path project = playwrightProject.toAbsolutePath().normalize();
        if (!Files.isRegularFile(project.resolve("node_modules/@playwright/test/package.json"))) {
            out.println("playwright: overhead skipped, " + project + " has no node_modules/@playwright/test. Run"
                    + " `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci` there (Node.js 18+).");
            return;
        }
        try (SandboxServer sandbox = SandboxServer.start()) {
            List<String> seedProjects = List.of("health", "contracts", "modules", "security");
            PlaywrightTestSuite seeds = PlaywrightTestSuite.of(project, seedProjects, sandbox.baseUrl().toString(),
                    null, java.util.Map.of("HEALDESK_USER", sandbox.username(), "HEALDESK_PASSWORD", sandbox.password()),
                    java.time.Duration.ofMinutes(5), new BrowserLocator().locate().executable().orElse(null));
            Map<String, String> env = new java.util.LinkedHashMap<>(seeds.env());
            // both ways alike: a loaded machine fails the suites' 2 s waits, and a failed run is no figure
            env.put("PW_EXPECT_TIMEOUT", "10000");
            if (seeds.browserPath() != null) {
                env.put(BrowserLocator.ENV_VAR, seeds.browserPath().toString());
            }
            List<PlaywrightBenchmark.Healdesk> healdesks = new ArrayList<>();
            healdesks.add(new PlaywrightBenchmark.Healdesk("Healdesk", launcher(System.getProperty("java.class.path"))));
            if (playwrightJar != null) {
                if (!Files.isRegularFile(playwrightJar)) {
                    throw new Cli.UsageException("--playwright-jar: " + playwrightJar + " is not a file. Give a"
                            + " Healdesk jar (target/healdesk.jar of another build, with its lib/ beside it).");
                }
                healdesks.add(new PlaywrightBenchmark.Healdesk(playwrightJar.toString(),
                        launcher(playwrightJar.toString())));
            }
            if (image != null) {
                Path launcher = image.toAbsolutePath().normalize().resolve("bin").resolve("healdesk");
                if (!Files.isRegularFile(launcher)) {
                    throw new Cli.UsageException("--image: " + launcher + " is not there. Build the app image with"
                            + " `mvn -Ppackage -DskipTests package` (target/image/healdesk).");
                }
                // the launcher is a shell script that execs the image's own java (Linux)
                healdesks.add(new PlaywrightBenchmark.Healdesk("packaged (" + launcher + ")",
                        List.of(launcher.toString()), launcher.getParent().getParent().resolve("lib/runtime/bin/java")));
            }
            if (playwrightSuites.contains("seed")) {
                overhead(out, "seed", project, seedProjects, env, healdesks, dir);
            }
            if (playwrightSuites.contains("setup-dependency")) {
                overhead(out, "setup-dependency", project.resolve("deps"), List.of("setup", "api", "pages"), env,
                        healdesks, dir);
            }
            if (playwrightShards > 1) {
                PlaywrightBenchmark.Sharded s = PlaywrightBenchmark.sharded(seeds, playwrightShards,
                        Math.max(1, Math.min(3, playwrightRuns)), dir);
                out.printf(Locale.ROOT, "playwright: the %d-test seed suite (4 spec files, Chromium), whole and in %d"
                                + " shards side by side, %d runs each after a warm-up, alternating (%d cores; %s):%n"
                                + "        whole: %s%n        %d shards: %s%n        sharded / whole medians %.2f%n",
                        s.tests(), s.shards(), s.rounds(), Runtime.getRuntime().availableProcessors(),
                        BenchFigures.load(), BenchFigures.Spread.of(s.wholeRunsMs()).describe("%,.0f", "ms"),
                        s.shards(), BenchFigures.Spread.of(s.shardedRunsMs()).describe("%,.0f", "ms"), s.ratio());
            }
        }
    }

    /** {@code java -cp CLASSPATH dev.healdesk.Launcher} of this JVM's java, the class path's entries made absolute. */
    private static List<String> launcher(String classPath) {
        String absolute = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", absolute,
                "dev.healdesk.Launcher");
    }

    /** The bare command and each Healdesk over one suite, each run a process, alternating; wall and CPU time. */
    private void overhead(PrintWriter out, String name, Path project, List<String> projects, Map<String, String> env,
                          List<PlaywrightBenchmark.Healdesk> healdesks, Path dir) throws Exception {
        String loadBefore = BenchFigures.load();
        PlaywrightBenchmark.Comparison c;
        try {
            c = PlaywrightBenchmark.processes(name, project, projects, env, healdesks, Math.max(1, playwrightRuns),
                    java.time.Duration.ofMinutes(10), dir);
        } catch (dev.healdesk.core.suite.SuiteException e) {
            out.println("playwright: the " + name + " suite gave no figure (" + BenchFigures.load() + "): "
                    + e.getMessage());
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "playwright: the %s suite (%s of %s: %d tests), every run a process of its own, %d"
                        + " rounds after a warm-up, each round alternating (%s before, %s after); %s:%n", c.suite(),
                String.join(", ", c.projects()), project, c.tests(), c.rounds(), loadBefore, BenchFigures.load(),
                c.orphans());
        out.printf(Locale.ROOT, "        peer, bare `npx playwright test` (what a user types; Healdesk starts Playwright's"
                        + " program with node itself, as npx would, without npx's own start): wall %s; CPU, all of it"
                        + " %s%n",
                BenchFigures.Spread.of(c.bare().wallMs()).map(ms -> ms / 1000).describe("%,.2f", "s"),
                BenchFigures.Spread.of(c.bare().totalCpuMs()).map(ms -> ms / 1000).describe("%,.2f", "s"));
        for (int i = 0; i < c.healdesk().size(); i++) {
            PlaywrightBenchmark.Way w = c.healdesk().get(i);
            out.printf(Locale.ROOT, "        %s, `healdesk run --skip-llm --dry-run`: wall %s; CPU, all of it %s%n",
                    w.label(), BenchFigures.Spread.of(w.wallMs()).map(ms -> ms / 1000).describe("%,.2f", "s"),
                    BenchFigures.Spread.of(w.totalCpuMs()).map(ms -> ms / 1000).describe("%,.2f", "s"));
            if (c.cpuMeasured()) {
                out.printf(Locale.ROOT, "          Healdesk's own JVM: CPU %s; Playwright's beside it"
                                + " (everything else the run started) %s%n          Healdesk's CPU / Playwright's, per run: %s (target <= 5"
                                + " %%)%n", BenchFigures.Spread.of(w.healdeskCpuMs()).map(ms -> ms / 1000)
                                .describe("%,.2f", "s"),
                        BenchFigures.Spread.of(w.playwrightCpuMs()).map(ms -> ms / 1000).describe("%,.2f", "s"),
                        BenchFigures.Spread.of(w.cpuPercent()).describe("%.1f", "%"));
            }
            out.printf(Locale.ROOT, "          overhead of the medians: wall %+.1f %% (target <= 3 %%)%s%n",
                    c.wallOverheadPercent(i), c.cpuMeasured() ? String.format(Locale.ROOT, ", CPU of everything"
                            + " %+.1f %%", c.cpuOverheadPercent(i)) : "");
            out.printf(Locale.ROOT, "          wall overhead per round (this run against the bare one just before"
                    + " it): %s%n", BenchFigures.Spread.of(c.wallOverheadPerRound(i)).describe("%+.1f", "%"));
            if (i > 0 && c.cpuMeasured()) {
                out.printf(Locale.ROOT, "          own CPU per round against %s's in the same round: %s%n",
                        c.healdesk().get(0).label(), BenchFigures.Spread.of(c.ownCpuRatioPerRound(i, 0))
                                .describe("%.3f", "x"));
            }
        }
        out.flush();
    }

    /**
     * Triage throughput: a warmed first pass, then ten more over the same corpus; beside each the floor, SHA-256 of
     * the same messages (what any fingerprinting must at least read and hash), right after it. The ratio of each pair
     * is the figure a machine whose speed changes from moment to moment cannot move.
     */
    private void triage(PrintWriter out) throws NoSuchAlgorithmException {
        int n = Math.max(10_000, messages);
        List<TriageBenchmark.Sample> corpus = TriageBenchmark.corpus(n, 20240601L);
        List<Double> rates = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        TriageBenchmark.Result r = TriageBenchmark.run(n, 5);
        sha256PerSecond(corpus);   // warms the digest as the first triage pass warmed the catalog
        for (int round = 0; round < 11; round++) {
            if (round > 0) {
                r = TriageBenchmark.run(n, 0);
            }
            double sha = sha256PerSecond(corpus);
            rates.add(r.perSecond());
            if (!Double.isNaN(r.cpuPerSecond())) {
                cpu.add(r.cpuPerSecond());
            }
            floor.add(sha);
            ratios.add(sha / r.perSecond());
        }
        BenchFigures.Spread triage = BenchFigures.Spread.of(rates);
        BenchFigures.Spread sha = BenchFigures.Spread.of(floor);
        out.printf(Locale.ROOT, "triage: %,d distinct messages, one thread, classify + fingerprint: %s"
                        + " (target >= 200,000/s; %s)%n        floor, SHA-256 of the same messages, right after each:"
                        + " %s%n        triage / floor, each pair: %s%n        by category: %s%n", r.messages(),
                triage.describe("%,.0f", "messages/s"), BenchFigures.load(), sha.describe("%,.0f", "messages/s"),
                BenchFigures.Spread.of(ratios).describe("%.2fx", "the floor's time"), r.byCategory());
        if (!cpu.isEmpty()) {
            out.printf(Locale.ROOT, "        by the thread's CPU time (leaves out the time other processes had the core): %s%n",
                    BenchFigures.Spread.of(cpu).describe("%,.0f", "messages/s"));
        }
        out.flush();
    }

    private static double sha256PerSecond(List<TriageBenchmark.Sample> corpus) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long sink = 0;
        long t0 = System.nanoTime();
        for (TriageBenchmark.Sample s : corpus) {
            sha.update(s.message().getBytes(StandardCharsets.UTF_8));
            if (s.stack() != null) {
                sha.update(s.stack().getBytes(StandardCharsets.UTF_8));
            }
            sink += sha.digest()[0];
        }
        long nanos = Math.max(1, System.nanoTime() - t0);
        return corpus.size() * 1e9 / nanos + (sink & 0);
    }

    /**
     * Redaction throughput: a warmed first pass (three rounds), then two more over fresh corpora of the same seed; by
     * the clock (the target's figure) and by the thread's CPU time (what the redactor costs where the machine is shared),
     * each with its floor, SHA-256 of the same text, right after it.
     */
    private void redact(PrintWriter out) {
        int mb = Math.max(1, redactMegabytes);
        List<RedactionBenchmark.Result> runs = new ArrayList<>();
        runs.add(RedactionBenchmark.run(mb, 3));
        for (int round = 0; round < 2; round++) {
            runs.add(RedactionBenchmark.run(mb, 0));
        }
        RedactionBenchmark.Result r = runs.get(0);
        List<Double> cpu = runs.stream().map(RedactionBenchmark.Result::cpuMegabytesPerSecond).filter(x -> !x.isNaN())
                .toList();
        out.printf(Locale.ROOT, "redact: %,d MB of mixed logs, one thread: %s, %,d secrets found (target >= 100"
                        + " MB/s; %s)%n", Math.max(1, r.bytes() / 1_000_000), BenchFigures.Spread.of(runs.stream()
                        .map(RedactionBenchmark.Result::megabytesPerSecond).toList()).describe("%.1f", "MB/s"),
                r.findings(), BenchFigures.load());
        if (!cpu.isEmpty()) {
            out.printf(Locale.ROOT, "        by the thread's CPU time (leaves out the time other processes had the core): %s%n",
                    BenchFigures.Spread.of(cpu).describe("%.1f", "MB/s"));
        }
        out.printf(Locale.ROOT, "        floor, SHA-256 of the same text, right after each: %s%n        redact / floor,"
                        + " each pair: %s%n",
                BenchFigures.Spread.of(runs.stream().map(RedactionBenchmark.Result::floorMegabytesPerSecond).toList())
                        .describe("%.1f", "MB/s"),
                BenchFigures.Spread.of(runs.stream().map(RedactionBenchmark.Result::timesTheFloor).toList())
                        .describe("%.2fx", "the floor's time"));
        out.flush();
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
                        + " the at-rest rules; %,d characters): %s (%s)%n", chars / times.size(),
                BenchFigures.Spread.of(measured).map(ns -> ns / 1e6).describe("%.1f", "ms"), BenchFigures.load());
    }

    private void store(PrintWriter out) throws IOException {
        try (ScratchFolder dir = ScratchFolder.create("healdesk-bench-store");
             HistoryStore store = HistoryStore.open(dir.resolve("bench.db"))) {
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
                            + " %s runs (target <= 100 ms; %s)%n",
                    BenchFigures.Spread.of(measured).map(ns -> ns / 1e6).describe("%.1f", "ms"), BenchFigures.load());
            redactAtEntry(out, syntheticRun("run-bench-redact", 5_000));
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
                        + " %s renders, first %.0f ms; %,d characters (target <= 1,000 ms; %s)%n",
                BenchFigures.Spread.of(measured).map(ns -> ns / 1e6).describe("%.0f", "ms"), times.get(0) / 1e6, chars,
                BenchFigures.load());
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

    /** What one measured start printed: the first frame (ms since JVM start), idle RSS (KiB, -1 if none), exit ms. */
    /** One start's figures; -1 where the process did not report one. */
    record Start(long firstFrameMs, long idleRssKiB, long exitMs, long fxThreadCpuMs, long processCpuMs) {
    }

    /**
     * The console's cold start to its first frame beside the floor, a hello-world JavaFX window of the same size
     * ({@code dev.healdesk.app.HelloWindow}: same java, flags and class path), alternating; then each one's idle
     * memory (resident set a second after the first frame) and the time from asking JavaFX to exit to the
     * process's end.
     */
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
        String classPath = System.getProperty("java.class.path");
        List<String> console = List.of(java, "-Dhealdesk.measureStartup=true", "-cp", classPath,
                "dev.healdesk.Launcher");
        List<String> hello = List.of(java, "-Dhealdesk.measureStartup=true", "-cp", classPath,
                "dev.healdesk.app.HelloWindow");
        try (ScratchFolder scratch = ScratchFolder.create("healdesk-bench-startup")) {
            Map<String, String> env = Map.of("HEALDESK_RESULTS_DIR", scratch.resolve("results").toString(),
                    "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString());
            List<Start> helloStarts = new ArrayList<>();
            List<Start> consoleStarts = new ArrayList<>();
            List<Start> packagedStarts = new ArrayList<>();
            String loadBefore = BenchFigures.load();
            // Alternating, so that all see the same load on a shared machine.
            for (int i = 0; i < Math.max(1, startups); i++) {
                Start h = measuredStart(hello, env);
                Start c = measuredStart(console, env);
                if (h == null || c == null) {
                    out.println("startup: the " + (h == null ? "hello window" : "console")
                            + " did not report its first frame");
                    return;
                }
                helloStarts.add(h);
                consoleStarts.add(c);
                if (packaged != null) {
                    // The launcher takes JVM options from its configuration only; JAVA_TOOL_OPTIONS adds the property.
                    Map<String, String> packagedEnv = new java.util.HashMap<>(env);
                    // -Xshare:on: an image copied or moved since its archive was written (Java 17 maps an archive only
                    // for the absolute class path it was written with) would otherwise start without any archive, and
                    // be timed as if that were the packaged console.
                    packagedEnv.put("JAVA_TOOL_OPTIONS", "-Xshare:on -Dhealdesk.measureStartup=true");
                    Start p = measuredStart(packaged, packagedEnv);
                    if (p == null) {
                        out.println("startup: the packaged console did not report its first frame. If the image was"
                                + " copied or moved after it was built, its class-data archive no longer matches its"
                                + " class path: build it again where it is, or write the archive again as the .deb's"
                                + " postinst does (" + image + "/bin/healdesk with JAVA_TOOL_OPTIONS=\"-Xshare:dump"
                                + " -XX:SharedClassListFile=" + image + "/lib/app/healdesk.classlist\").");
                        return;
                    }
                    packagedStarts.add(p);
                }
            }
            String load = "load before " + loadBefore.substring(5) + ", after " + BenchFigures.load().substring(5);
            out.printf(Locale.ROOT, "startup: cold start to first frame (JVM start -> second pulse), %d starts each,"
                    + " alternating (%s)%n", helloStarts.size(), load);
            printStarts(out, "floor: hello-world JavaFX window (java -cp, same JavaFX)", helloStarts);
            printStarts(out, "console, java -cp (plain jar)", consoleStarts);
            BenchFigures.Spread floor = first(helloStarts);
            BenchFigures.Spread plain = first(consoleStarts);
            out.printf(Locale.ROOT, "        console / floor, medians: first frame %.2fx (target <= 1.5x), idle memory"
                    + " %s (target <= 1.3x)%s%n", plain.median() / floor.median(), rssRatio(consoleStarts, helloStarts),
                    cpuRatios(consoleStarts, helloStarts));
            if (packaged != null) {
                printStarts(out, "console, packaged (" + image + "/bin/healdesk, jlink runtime + AppCDS)",
                        packagedStarts);
                out.printf(Locale.ROOT, "        packaged / floor, medians: first frame %.2fx (target <= 1.2x), idle"
                                + " memory %s (target <= 1.3x)%s%n", first(packagedStarts).median() / floor.median(),
                        rssRatio(packagedStarts, helloStarts), cpuRatios(packagedStarts, helloStarts));
            }
            out.flush();
        }
    }

    private static BenchFigures.Spread first(List<Start> starts) {
        return BenchFigures.Spread.of(starts.stream().map(Start::firstFrameMs).toList());
    }

    private static String rssRatio(List<Start> a, List<Start> b) {
        if (a.stream().anyMatch(s -> s.idleRssKiB() < 0) || b.stream().anyMatch(s -> s.idleRssKiB() < 0)) {
            return "n/a (no /proc/self/status)";
        }
        return String.format(Locale.ROOT, "%.2fx", BenchFigures.Spread.of(a.stream().map(Start::idleRssKiB).toList())
                .median() / BenchFigures.Spread.of(b.stream().map(Start::idleRssKiB).toList()).median());
    }

    /** ", CPU to the first frame ..." (the ratios of the medians), or "" where a start did not report its CPU. */
    private static String cpuRatios(List<Start> a, List<Start> b) {
        if (Stream.concat(a.stream(), b.stream()).anyMatch(s -> s.fxThreadCpuMs() <= 0 || s.processCpuMs() <= 0)) {
            return "";
        }
        return String.format(Locale.ROOT, "; CPU to the first frame: JavaFX thread %.2fx, whole process %.2fx",
                median(a, Start::fxThreadCpuMs) / median(b, Start::fxThreadCpuMs),
                median(a, Start::processCpuMs) / median(b, Start::processCpuMs));
    }

    private static double median(List<Start> starts, java.util.function.ToLongFunction<Start> figure) {
        return BenchFigures.Spread.of(starts.stream().map(figure::applyAsLong).toList()).median();
    }

    private static void printStarts(PrintWriter out, String title, List<Start> starts) {
        out.printf(Locale.ROOT, "        %s:%n          first frame %s; runs %s ms%n", title,
                first(starts).describe("%.0f", "ms"), starts.stream().map(Start::firstFrameMs).toList());
        if (starts.stream().allMatch(s -> s.fxThreadCpuMs() >= 0 && s.processCpuMs() >= 0)) {
            out.printf(Locale.ROOT, "          CPU to the first frame: JavaFX thread %s; whole process %s%n",
                    BenchFigures.Spread.of(starts.stream().map(Start::fxThreadCpuMs).toList()).describe("%.0f", "ms"),
                    BenchFigures.Spread.of(starts.stream().map(Start::processCpuMs).toList()).describe("%.0f", "ms"));
        }
        if (starts.stream().allMatch(s -> s.idleRssKiB() >= 0)) {
            out.printf(Locale.ROOT, "          idle memory (RSS 1 s after the first frame) %s%n",
                    BenchFigures.Spread.of(starts.stream().map(Start::idleRssKiB).toList()).map(k -> k / 1024)
                            .describe("%.0f", "MiB"));
        }
        if (starts.stream().allMatch(s -> s.exitMs() >= 0)) {
            out.printf(Locale.ROOT, "          exit (Platform.exit -> process gone) %s%n",
                    BenchFigures.Spread.of(starts.stream().map(Start::exitMs).toList()).describe("%.0f", "ms"));
        }
        out.flush();
    }

    /** One cold start with -Dhealdesk.measureStartup=true (see dev.healdesk.app.StartupProbe), or null. */
    private static Start measuredStart(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        try {
            BoundedProcess.Result r = BoundedProcess.run(command, java.time.Duration.ofSeconds(60), null, env);
            long ended = System.currentTimeMillis();
            Long frame = null;
            long rss = -1;
            long exitAt = -1;
            long fxCpu = -1;
            long processCpu = -1;
            for (String line : r.stdout().split("\\R")) {
                if (line.startsWith("healdesk.firstFrameMs=")) {
                    frame = Long.parseLong(line.substring("healdesk.firstFrameMs=".length()).trim());
                } else if (line.startsWith("healdesk.idleRssKiB=")) {
                    rss = Long.parseLong(line.substring("healdesk.idleRssKiB=".length()).trim());
                } else if (line.startsWith("healdesk.exitAtMs=")) {
                    exitAt = Long.parseLong(line.substring("healdesk.exitAtMs=".length()).trim());
                } else if (line.startsWith("healdesk.fxThreadCpuMs=")) {
                    fxCpu = Long.parseLong(line.substring("healdesk.fxThreadCpuMs=".length()).trim());
                } else if (line.startsWith("healdesk.processCpuMs=")) {
                    processCpu = Long.parseLong(line.substring("healdesk.processCpuMs=".length()).trim());
                }
            }
            return frame == null ? null
                    : new Start(frame, rss, exitAt < 0 ? -1 : Math.max(0, ended - exitAt), fxCpu, processCpu);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
