package dev.healdesk.core.suite.playwright;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The figures of the Playwright runner: what running a suite through Healdesk costs beside the bare command, in wall
 * time and in CPU time (Healdesk's own beside Playwright's), and how long a 5,000-test JSON report takes to read.
 */
public final class PlaywrightBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlaywrightBenchmark() {
    }

    /** Median, best and worst parse time of a report, in ms. */
    public record Parse(double medianMs, double bestMs, double worstMs, int rounds, int tests, long bytes) {
    }

    /**
     * One run of a suite: its wall time; the CPU time of Healdesk's own process (0 for the bare command); and the CPU
     * time of everything else the run started (npx, node, Playwright's workers, Chromium), all in ms.
     */
    public record Sample(double wallMs, double healdeskCpuMs, double playwrightCpuMs) {
        /** Healdesk's CPU time as a share of Playwright's, in per cent. */
        public double cpuPercent() {
            return healdeskCpuMs * 100.0 / playwrightCpuMs;
        }

        /** Everything the run cost the machine in CPU time. */
        public double totalCpuMs() {
            return healdeskCpuMs + playwrightCpuMs;
        }
    }

    /** One way of running the suite and its counted runs, in the order run. */
    public record Way(String label, List<Sample> samples) {
        public List<Double> wallMs() {
            return samples.stream().map(Sample::wallMs).toList();
        }

        public List<Double> healdeskCpuMs() {
            return samples.stream().map(Sample::healdeskCpuMs).toList();
        }

        public List<Double> playwrightCpuMs() {
            return samples.stream().map(Sample::playwrightCpuMs).toList();
        }

        public List<Double> totalCpuMs() {
            return samples.stream().map(Sample::totalCpuMs).toList();
        }

        /** Per run, Healdesk's CPU as a share of the Playwright CPU of the same run, in per cent. */
        public List<Double> cpuPercent() {
            return samples.stream().map(Sample::cpuPercent).toList();
        }
    }

    /**
     * A Healdesk to run the suite with: the command line up to and without its arguments (a {@code java -cp ...
     * dev.healdesk.Launcher}, or an app image's {@code bin/healdesk}), how the figures name it, and the program its
     * process runs once started ({@code jvm}: the java that a launcher script execs; the command's own program else),
     * by which its JVM is told from what it starts.
     */
    public record Healdesk(String label, List<String> command, Path jvm) {
        public Healdesk(String label, List<String> command) {
            this(label, command, Path.of(command.get(0)));
        }
    }

    /**
     * The bare command and each Healdesk over the same suite, alternating round by round.
     *
     * @param cpuMeasured whether CPU times were read (Linux's /proc); without, only the wall times count
     * @param orphans     how the CPU of processes whose parent ended first (Chromium leaves some) was counted
     */
    public record Comparison(String suite, List<String> projects, int tests, int rounds, Way bare,
                             List<Way> healdesk, boolean cpuMeasured, String orphans) {
        /** Median over median of the wall times, Healdesk {@code i} against the bare command, in per cent. */
        public double wallOverheadPercent(int i) {
            return (medianOf(healdesk.get(i).wallMs()) - medianOf(bare.wallMs())) * 100.0 / medianOf(bare.wallMs());
        }

        /**
         * Per round, Healdesk {@code i}'s wall time against the bare command's run just before it, in per cent: pairs
         * taken back to back, which a machine whose speed changes between minutes compares better than two medians.
         */
        public List<Double> wallOverheadPerRound(int i) {
            List<Double> overheads = new ArrayList<>();
            for (int round = 0; round < bare.samples().size(); round++) {
                double b = bare.samples().get(round).wallMs();
                overheads.add((healdesk.get(i).samples().get(round).wallMs() - b) * 100.0 / b);
            }
            return overheads;
        }

        /**
         * Per round, Healdesk {@code i}'s own CPU time over Healdesk {@code j}'s of the same round (two builds run back
         * to back): the ratio that a machine whose speed changes between minutes moves least.
         */
        public List<Double> ownCpuRatioPerRound(int i, int j) {
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < bare.samples().size(); round++) {
                ratios.add(healdesk.get(i).samples().get(round).healdeskCpuMs()
                        / healdesk.get(j).samples().get(round).healdeskCpuMs());
            }
            return ratios;
        }

        /** Median over median of everything's CPU time, Healdesk {@code i} against the bare command, in per cent. */
        public double cpuOverheadPercent(int i) {
            return (medianOf(healdesk.get(i).totalCpuMs()) - medianOf(bare.totalCpuMs())) * 100.0
                    / medianOf(bare.totalCpuMs());
        }
    }

    /** Where the bench's wrapper that reaps orphaned processes is written; a resource beside this class. */
    static final String SUBREAPER = "subreaper.py";
    /** How often Healdesk's process is looked at while it runs, to read its own CPU time before it exits. */
    private static final long SAMPLE_MS = 20;

    /**
     * Runs the Playwright Test project in {@code projectDir} ({@code projects} of its config) {@code rounds} times each
     * way after a warm-up round that is not counted, alternating within each round: the bare {@code npx --no --
     * playwright test --project=...} (the project's own reporter), then {@code healdesk run --target=FILE --skip-llm
     * --dry-run} with each of {@code healdesks} (a target file naming the same projects; its own history and results
     * folder in {@code scratch}). Every run is a process of its own, started as a user starts it.
     *
     * <p>The CPU times come from Linux's /proc. Each run is started under a small wrapper that makes itself the child
     * subreaper of what it starts ({@value #SUBREAPER}, with python3), so that processes whose parent ended before them
     * (Chromium's zygotes and crash handlers) are reaped there and counted too; this JVM then reads its ended
     * children's CPU time ({@code cutime + cstime} of /proc/self/stat) before and after. Healdesk's own CPU time is
     * its JVM's {@code utime + stime}, read from /proc/PID/stat every {@value #SAMPLE_MS} ms until it exits (so up to
     * that much of its last work is missed); Playwright's is the rest. The wrapper's own few tens of ms count as
     * Playwright's in both ways.
     *
     * @param env the variables the suite's tests need (BASE_URL, the login, HEALDESK_BROWSER), given to both ways
     */
    public static Comparison processes(String suiteName, Path projectDir, List<String> projects,
                                       Map<String, String> env, List<Healdesk> healdesks, int rounds,
                                       java.time.Duration timeout, Path scratch)
            throws SuiteException, IOException, InterruptedException {
        Path dir = projectDir.toAbsolutePath().normalize();
        Path folder = Files.createDirectories(scratch.resolve("overhead-" + suiteName));
        boolean proc = Files.isReadable(Path.of("/proc/self/stat"));
        List<String> wrapper = proc ? subreaper(folder) : List.of();
        String orphans = !proc ? "CPU not measured: no /proc (Linux only)"
                : wrapper.isEmpty() ? "processes left by a parent that ended first are not counted (no python3 for"
                + " the reaping wrapper)" : "processes left by a parent that ended first are counted (a reaping"
                + " wrapper)";
        Path target = folder.resolve("target.yaml");
        Files.writeString(target, "name: bench-" + suiteName + "\n"
                + (env.containsKey("BASE_URL") ? "baseUrl: " + quoted(env.get("BASE_URL")) + "\n" : "")
                + "suites:\n  - kind: playwright\n    dir: " + quoted(dir.toString()) + "\n    projects: ["
                + String.join(", ", projects.stream().map(PlaywrightBenchmark::quoted).toList()) + "]\n"
                + "    timeoutSeconds: " + Math.max(1, timeout.toSeconds()) + "\n", StandardCharsets.UTF_8);
        List<String> bare = new ArrayList<>(List.of("npx", "--no", "--", "playwright", "test"));
        projects.forEach(p -> bare.add("--project=" + p));
        List<Sample> bareSamples = new ArrayList<>();
        List<List<Sample>> healdeskSamples = new ArrayList<>();
        healdesks.forEach(h -> healdeskSamples.add(new ArrayList<>()));
        int tests = 0;
        for (int round = 0; round <= rounds; round++) {
            Sample b = measure(wrapper, bare, dir, env, false, timeout, folder.resolve("bare-" + round + ".out"),
                    "the bare `npx playwright test`", proc);
            for (int i = 0; i < healdesks.size(); i++) {
                Healdesk h = healdesks.get(i);
                Path results = folder.resolve("healdesk-" + i + "-" + round);
                List<String> command = new ArrayList<>(h.command());
                command.addAll(List.of("run", "--target=" + target, "--skip-llm", "--dry-run",
                        "--results-dir=" + results, "--db=" + folder.resolve("history-" + i + ".db")));
                Map<String, String> healdeskEnv = new LinkedHashMap<>(env);
                healdeskEnv.put("HEALDESK_CONFIG_DIR", folder.resolve("config-" + i).toString());
                Sample s = measure(wrapper, command, h.jvm(), folder, healdeskEnv, true, timeout,
                        folder.resolve("healdesk-" + i + "-" + round + ".out"), h.label(), proc);
                tests = testsRun(results.resolve("latest.json"), h.label());
                if (round > 0) {
                    healdeskSamples.get(i).add(s);
                }
            }
            if (round > 0) {
                bareSamples.add(b);
            }
        }
        List<Way> ways = new ArrayList<>();
        for (int i = 0; i < healdesks.size(); i++) {
            ways.add(new Way(healdesks.get(i).label(), healdeskSamples.get(i)));
        }
        return new Comparison(suiteName, projects, tests, rounds, new Way("bare", bareSamples), ways, proc, orphans);
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** How many tests a Healdesk run ran, from its summary; a run that failed a test is no figure of the runner. */
    private static int testsRun(Path summary, String label) throws IOException, SuiteException {
        com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(summary.toFile());
        if (root.path("testsFailed").asInt(0) > 0) {
            throw new SuiteException(label + " failed " + root.path("testsFailed").asInt() + " test(s): "
                    + summary + ". The figures need a healthy run.");
        }
        return root.path("testsRun").asInt(0);
    }

    /** The wrapper's command prefix, or empty when there is no python3 to run it. */
    static List<String> subreaper(Path folder) throws IOException, InterruptedException {
        Path script = folder.resolve(SUBREAPER);
        try (java.io.InputStream in = PlaywrightBenchmark.class.getResourceAsStream(SUBREAPER)) {
            if (in == null) {
                throw new IllegalStateException(SUBREAPER + " is missing from Healdesk's classes");
            }
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            // the interpreter itself, not a version manager's shim that would run (and fork) before it each time
            BoundedProcess.Result python = BoundedProcess.run(List.of("python3", "-c",
                    "import sys; print(sys.executable)"), java.time.Duration.ofSeconds(30));
            String interpreter = python.stdout().strip();
            if (python.exitCode() != 0 || interpreter.isEmpty()) {
                return List.of();
            }
            BoundedProcess.Result r = BoundedProcess.run(List.of(interpreter, script.toString(), "true"),
                    java.time.Duration.ofSeconds(30));
            return r.exitCode() == 0 ? List.of(interpreter, script.toString()) : List.of();
        } catch (IOException | TimeoutException e) {
            return List.of();
        }
    }

    static Sample measure(List<String> wrapper, List<String> command, Path workdir, Map<String, String> env,
                                  boolean healdesk, java.time.Duration timeout, Path output, String what,
                                  boolean proc) throws SuiteException, IOException, InterruptedException {
        return measure(wrapper, command, Path.of(command.get(0)), workdir, env, healdesk, timeout, output, what, proc);
    }

    static Sample measure(List<String> wrapper, List<String> command, Path jvmProgram, Path workdir,
                          Map<String, String> env, boolean healdesk, java.time.Duration timeout, Path output,
                          String what, boolean proc) throws SuiteException, IOException, InterruptedException {
        List<String> all = new ArrayList<>(wrapper);
        all.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(all).directory(workdir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        double childrenBefore = proc ? Cpu.childrenMs() : 0;
        long t0 = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        long deadline = t0 + timeout.toNanos();
        double own = 0;
        Path program = realPath(jvmProgram.toString());
        ProcessHandle jvm = wrapper.isEmpty() ? process.toHandle() : null;
        while (!process.waitFor(SAMPLE_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new SuiteException(what + " did not finish within " + timeout + "; its output is in " + output);
            }
            if (healdesk && proc) {
                if (jvm == null) {
                    // the wrapper's child once it has become Healdesk's JVM (it forks, then execs the command)
                    jvm = process.children().filter(c -> c.info().command().map(Path::of)
                            .filter(p -> p.equals(program)).isPresent()).findFirst().orElse(null);
                }
                if (jvm != null) {
                    own = Math.max(own, Cpu.ownMs(jvm.pid()));
                }
            }
        }
        long wall = System.nanoTime() - t0;
        double total = proc ? Cpu.childrenMs() - childrenBefore : 0;
        if (process.exitValue() != 0) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            throw new SuiteException(what + " exited with " + process.exitValue() + ". It printed: "
                    + (text.length() > 1500 ? "..." + text.substring(text.length() - 1500) : text));
        }
        return new Sample(wall / 1e6, healdesk ? own : 0, total - (healdesk ? own : 0));
    }

    /** {@code program} as /proc/PID/exe names it, links resolved; as given when it is not a path to a file. */
    private static Path realPath(String program) {
        try {
            return Path.of(program).toRealPath();
        } catch (IOException | RuntimeException e) {
            return Path.of(program);
        }
    }

    /** CPU times from Linux's /proc, in ms. */
    static final class Cpu {
        private static double msPerTick;

        private Cpu() {
        }

        /** The CPU time of this process's children that have ended and been waited for ({@code cutime + cstime}). */
        static double childrenMs() throws IOException {
            String[] f = stat("self");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * msPerTick();
        }

        /** A live process's own CPU time ({@code utime + stime}), without its children's; 0 once it is gone. */
        static double ownMs(long pid) {
            try {
                String[] f = stat(Long.toString(pid));
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * msPerTick();
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** The fields of /proc/PID/stat after the command name, the state first (field 3 of proc(5)). */
        private static String[] stat(String pid) throws IOException {
            String line = Files.readString(Path.of("/proc", pid, "stat"), StandardCharsets.US_ASCII);
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        }

        private static synchronized double msPerTick() {
            if (msPerTick == 0) {
                long hz = 100;   // USER_HZ: 100 on every Linux the JDK runs on, unless getconf says otherwise
                try {
                    BoundedProcess.Result r = BoundedProcess.run(List.of("getconf", "CLK_TCK"),
                            java.time.Duration.ofSeconds(10));
                    hz = Long.parseLong(r.stdout().strip());
                } catch (IOException | TimeoutException | RuntimeException e) {
                    // keep 100
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                msPerTick = 1000.0 / hz;
            }
            return msPerTick;
        }
    }

    static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The wall time of one suite run whole and split into shards side by side, every run in ms (in the order run).
     *
     * @param shards how many shards the split runs had
     */
    public record Sharded(int shards, int rounds, int tests, List<Double> wholeRunsMs, List<Double> shardedRunsMs) {
        /** The sharded median over the whole run's: below 1, sharding saves time on this machine. */
        public double ratio() {
            return medianOf(shardedRunsMs) / medianOf(wholeRunsMs);
        }
    }

    /**
     * Runs {@code suite} whole and in {@code shards} shards side by side, through {@link PlaywrightTestRunner}, {@code
     * rounds} times each, alternating, after a warm-up round of each that is not counted; both must give the same
     * tests with the same statuses.
     */
    public static Sharded sharded(PlaywrightTestSuite suite, int shards, int rounds, Path scratch)
            throws SuiteException {
        PlaywrightTestRunner whole = new PlaywrightTestRunner(suite.withShards(1));
        PlaywrightTestRunner split = new PlaywrightTestRunner(suite.withShards(shards));
        List<Double> wholeMs = new ArrayList<>();
        List<Double> splitMs = new ArrayList<>();
        int tests = 0;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            List<TestResult> one = whole.run(Set.of(), scratch.resolve("whole-" + round), n -> { }, r -> { },
                    Cancellation.none());
            long wholeNs = System.nanoTime() - t0;
            t0 = System.nanoTime();
            List<TestResult> many = split.run(Set.of(), scratch.resolve("sharded-" + round), n -> { }, r -> { },
                    Cancellation.none());
            long splitNs = System.nanoTime() - t0;
            Map<String, String> a = new java.util.TreeMap<>();
            one.forEach(r -> a.put(r.id(), r.status().id()));
            Map<String, String> b = new java.util.TreeMap<>();
            many.forEach(r -> b.put(r.id(), r.status().id()));
            if (!a.equals(b)) {
                throw new SuiteException("The sharded run gave other results than the whole one: " + b + " vs " + a);
            }
            tests = one.size();
            if (round > 0) {
                wholeMs.add(wholeNs / 1e6);
                splitMs.add(splitNs / 1e6);
            }
        }
        return new Sharded(shards, rounds, tests, wholeMs, splitMs);
    }

    /** Writes a generated report of {@code tests} tests and reads it {@code rounds} times (after 3 warm-ups). */
    public static Parse parse(int tests, int rounds, Path scratch) throws IOException, SuiteException {
        Path projectDir = Path.of("/srv/shop/e2e");
        Path file = scratch.resolve("playwright-report-" + tests + ".json");
        Files.writeString(file, report(tests, projectDir), StandardCharsets.UTF_8);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds + 3; i++) {
            long t0 = System.nanoTime();
            int read = PlaywrightJsonReport.parse(file, projectDir).results().size();
            long took = System.nanoTime() - t0;
            if (read != tests) {
                throw new IllegalStateException("read " + read + " of " + tests + " tests");
            }
            if (i >= 3) {
                times.add(took);
            }
        }
        List<Long> sorted = times.stream().sorted().toList();
        return new Parse(median(times), sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, rounds, tests,
                Files.size(file));
    }

    /**
     * A report as Playwright 1.56's json reporter writes it: {@code tests} tests in files of 100, each file with a
     * describe block, four projects; one test in 20 failed with a coloured error, a screenshot and a trace; one in
     * 50 flaky; one in 100 skipped.
     */
    public static String report(int tests, Path projectDir) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode config = root.putObject("config");
        config.put("configFile", projectDir.resolve("playwright.config.ts").toString());
        config.put("rootDir", projectDir.resolve("tests").toString());
        config.put("version", "1.56.0");
        ArrayNode suites = root.putArray("suites");
        String[] projects = {"health", "contracts", "modules", "security"};
        for (int start = 0; start < tests; start += 100) {
            String file = "area" + (start / 100) + "/feature.spec.ts";
            ObjectNode fileSuite = suites.addObject();
            fileSuite.put("title", file).put("file", file).put("column", 0).put("line", 0);
            fileSuite.putArray("specs");
            ObjectNode describe = fileSuite.putArray("suites").addObject();
            describe.put("title", "feature " + (start / 100)).put("file", file).put("line", 3).put("column", 6);
            ArrayNode specs = describe.putArray("specs");
            for (int i = start; i < Math.min(tests, start + 100); i++) {
                ObjectNode spec = specs.addObject();
                spec.put("title", "case " + i);
                spec.put("ok", i % 20 != 0);
                spec.putArray("tags");
                ObjectNode test = spec.putArray("tests").addObject();
                test.put("timeout", 30000);
                test.putArray("annotations");
                test.put("expectedStatus", i % 100 == 1 ? "skipped" : "passed");
                String project = projects[i % 4];
                test.put("projectId", project).put("projectName", project);
                ArrayNode results = test.putArray("results");
                String outcome;
                if (i % 100 == 1) {
                    outcome = "skipped";
                    result(results, "skipped", 0, null, null);
                } else if (i % 20 == 0) {
                    outcome = "unexpected";
                    result(results, "failed", 0, file, projectDir);
                    result(results, "failed", 1, file, projectDir);
                } else if (i % 50 == 7) {
                    outcome = "flaky";
                    result(results, "failed", 0, file, projectDir);
                    result(results, "passed", 1, null, null);
                } else {
                    outcome = "expected";
                    result(results, "passed", 0, null, null);
                }
                test.put("status", outcome);
                spec.put("id", Integer.toHexString(i * 7919));
                spec.put("file", file).put("line", 10 + (i - start) * 6).put("column", 7);
            }
        }
        root.putArray("errors");
        ObjectNode stats = root.putObject("stats");
        stats.put("startTime", "2025-10-06T09:00:00.000Z").put("duration", 123456.7);
        return root.toPrettyString();
    }

    private static void result(ArrayNode results, String status, int retry, String file, Path projectDir) {
        ObjectNode result = results.addObject();
        result.put("workerIndex", retry).put("parallelIndex", 0).put("status", status).put("duration", 420 + retry);
        ArrayNode errors = result.putArray("errors");
        if (file != null) {
            String message = "Error: apiRequestContext.get: connect ECONNREFUSED 127.0.0.1:5432\nCall log:\n"
                    + "  \u001B[2m- → GET http://127.0.0.1:5432/api/health\u001B[22m";
            String at = projectDir.resolve("tests").resolve(file) + ":42:17";
            ObjectNode error = result.putObject("error");
            error.put("message", message).put("stack", message + "\n    at " + at);
            error.putObject("location").put("file", at).put("line", 42).put("column", 17);
            errors.addObject().put("message", message + "\n    at " + at);
        }
        result.putArray("stdout");
        result.putArray("stderr");
        result.put("retry", retry).put("startTime", "2025-10-06T09:00:01.000Z");
        result.putArray("annotations");
        ArrayNode attachments = result.putArray("attachments");
        if (file != null) {
            String folder = projectDir.resolve("test-results/" + file.replace('/', '-') + (retry > 0 ? "-retry"
                    + retry : "")).toString();
            attachments.addObject().put("name", "screenshot").put("contentType", "image/png")
                    .put("path", folder + "/test-failed-1.png");
            attachments.addObject().put("name", "trace").put("contentType", "application/zip")
                    .put("path", folder + "/trace.zip");
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return middle / 1e6;
    }
}
