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
 * The figures of the Playwright runner: what running a suite through it costs beside the bare command, and how long
 * a 5,000-test JSON report takes to read.
 */
public final class PlaywrightBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlaywrightBenchmark() {
    }

    /**
     * Medians of both ways of running the same project, in ms, and every counted run of each (in the order run).
     */
    public record Overhead(double bareMs, double healdeskMs, int rounds, int tests, List<Double> bareRunsMs,
                           List<Double> healdeskRunsMs) {
        public double percent() {
            return (healdeskMs - bareMs) * 100.0 / bareMs;
        }
    }

    /** Median, best and worst parse time of a report, in ms. */
    public record Parse(double medianMs, double bestMs, double worstMs, int rounds, int tests, long bytes) {
    }

    /**
     * Runs {@code project} of {@code suite} {@code rounds} times each way, alternating: the bare
     * {@code npx playwright test --project=P} (the project's own reporter) and through {@link PlaywrightTestRunner}.
     * The first round of each is a warm-up and not counted.
     */
    public static Overhead overhead(PlaywrightTestSuite suite, String project, int rounds, Path scratch)
            throws SuiteException, IOException, InterruptedException {
        PlaywrightTestRunner runner = new PlaywrightTestRunner(suite);
        Map<String, String> env = new LinkedHashMap<>(suite.env());
        if (suite.browserPath() != null) {
            env.put(PlaywrightTestRunner.BROWSER_ENV, suite.browserPath().toString());
        }
        List<String> bare = List.of("npx", "--no", "--", "playwright", "test", "--project=" + project);
        List<Long> bareNs = new ArrayList<>();
        List<Long> healdeskNs = new ArrayList<>();
        int tests = 0;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            BoundedProcess.Result result;
            try {
                result = BoundedProcess.run(bare, suite.timeout(), suite.projectDir(), env);
            } catch (TimeoutException e) {
                throw new SuiteException("The bare run of " + project + " did not finish within " + suite.timeout(), e);
            }
            long bareTime = System.nanoTime() - t0;
            if (result.exitCode() != 0) {
                throw new SuiteException("The bare `npx playwright test --project=" + project + "` failed (exit "
                        + result.exitCode() + ")." + PlaywrightTestRunner.outputTail(result));
            }
            t0 = System.nanoTime();
            List<TestResult> results = runner.run(Set.of(project), scratch.resolve("round-" + round), n -> { },
                    r -> { }, Cancellation.none());
            long healdeskTime = System.nanoTime() - t0;
            tests = results.size();
            if (results.stream().anyMatch(r -> !r.status().isPassing())) {
                throw new SuiteException("A " + project + " test failed through Healdesk: " + results);
            }
            if (round > 0) {
                bareNs.add(bareTime);
                healdeskNs.add(healdeskTime);
            }
        }
        return new Overhead(median(bareNs), median(healdeskNs), rounds, tests,
                bareNs.stream().map(ns -> ns / 1e6).toList(), healdeskNs.stream().map(ns -> ns / 1e6).toList());
    }

    /**
     * The wall time of one suite run whole and split into shards side by side, every run in ms (in the order run).
     *
     * @param shards how many shards the split runs had
     */
    public record Sharded(int shards, int rounds, int tests, List<Double> wholeRunsMs, List<Double> shardedRunsMs) {
        /** The sharded median over the whole run's: below 1, sharding saves time on this machine. */
        public double ratio() {
            return medianMs(shardedRunsMs) / medianMs(wholeRunsMs);
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

    private static double medianMs(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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
