package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
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

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@code bench --only=history}: a synthetic history of {@code runs} runs of {@code testsPerRun} results each (100,000
 * × 50 = 5,000,000 by default) over three years and three targets, about one run in eight failing with one to three
 * of 200 recurring fingerprints, some healed; then the queries the History screen makes, timed on that file.
 */
final class HistoryBenchmark {

    private static final List<String> TARGETS = List.of("shop", "crm", "billing");
    private static final List<String> PROJECTS = List.of("health", "contracts", "modules", "security");
    private static final int FINGERPRINTS = 200;

    private final int runs;
    private final int testsPerRun;
    private final Path keep;
    /** A PostgreSQL database to time instead of a SQLite file; null for SQLite. */
    private final HistoryLocation server;

    /** {@code keep}: the folder that keeps the history for the next bench (null: a scratch folder, deleted). */
    HistoryBenchmark(int runs, int testsPerRun, Path keep) {
        this(runs, testsPerRun, keep, null);
    }

    /** {@code server}: a PostgreSQL database (empty, or holding this benchmark's {@code runs} runs), else null. */
    HistoryBenchmark(int runs, int testsPerRun, Path keep, HistoryLocation server) {
        this.runs = runs;
        this.testsPerRun = testsPerRun;
        this.keep = keep;
        this.server = server;
    }

    void run(PrintWriter out) throws Exception {
        if (server != null) {
            onServer(out, (HistoryLocation.Postgres) server);
            return;
        }
        if (keep != null) {
            Files.createDirectories(keep);
        }
        Path dir = keep != null ? keep : Files.createTempDirectory("healdesk-bench-history");
        Path db = dir.resolve("history.db");
        try {
            Instant now = Instant.parse("2026-11-23T12:00:00Z");
            long t0 = System.nanoTime();
            boolean reused = keep != null && Files.exists(db) && stored(db) == runs;
            if (reused) {
                try (HistoryStore store = HistoryStore.open(db)) {   // migrated here if it is older
                    store.schemaVersion();
                }
            } else {
                for (String file : List.of("history.db", "history.db-wal", "history.db-shm")) {
                    Files.deleteIfExists(dir.resolve(file));
                }
                write(db, now);
            }
            long built = System.nanoTime() - t0;
            try (HistoryStore store = HistoryStore.open(db)) {
                try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                     var st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                long bytes = Files.size(db);
                long results = (long) runs * testsPerRun;
                out.printf(Locale.ROOT, "history: %,d runs and %,d test results %s in %.0f s; database %.0f MB,"
                                + " %.0f MB per million results%n", runs, results,
                        reused ? "kept in " + db + " opened (and migrated if older)" : "written", built / 1e9,
                        bytes / 1e6, bytes / 1e6 / (results / 1e6));
                queries(out, store, now);
            }
        } finally {
            if (keep == null) {
                try (var files = Files.walk(dir)) {
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * The same on a PostgreSQL database: filled when empty, used again when it holds this benchmark's runs, refused
     * otherwise (a team's history is never written into or timed by mistake).
     */
    private void onServer(PrintWriter out, HistoryLocation.Postgres pg) throws Exception {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        long held = HistoryStore.inspect(pg).runs();
        if (held != 0 && held != runs) {
            throw new Cli.UsageException("--db: " + pg.describe() + " holds " + held + " runs: bench fills only an"
                    + " empty database, or times one it filled with --history-runs=" + held + ". Create an empty one"
                    + " (createdb) for it.");
        }
        long t0 = System.nanoTime();
        if (held == 0) {
            write(pg, now);
        }
        long built = System.nanoTime() - t0;
        try (HistoryStore store = HistoryStore.open(pg)) {
            long bytes;
            java.util.Properties props = new java.util.Properties();
            if (pg.user() != null) {
                props.setProperty("user", pg.user());
            }
            if (pg.password() != null) {
                props.setProperty("password", pg.password());
            }
            try (var c = java.sql.DriverManager.getConnection(pg.jdbcUrl(), props); var st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");   // what autovacuum does after a bulk load, at once
                try (var rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                    rs.next();
                    bytes = rs.getLong(1);
                }
            }
            long results = (long) runs * testsPerRun;
            out.printf(Locale.ROOT, "history on PostgreSQL (%s): %,d runs and %,d test results %s in %.0f s;"
                            + " database %.0f MB, %.0f MB per million results%n", pg.describe(), runs, results,
                    held == 0 ? "written" : "kept, opened (and migrated if older)", built / 1e9, bytes / 1e6,
                    bytes / 1e6 / (results / 1e6));
            queries(out, store, now);
        }
    }

    /** The History screen's queries, each timed. */
    private void queries(PrintWriter out, HistoryStore store, Instant now) {
        HistoryQueries.RunFilter failing = new HistoryQueries.RunFilter("failing", null, null, null, "shop",
                null);
        report(out, "first page of the runs list (200 rows, newest first)", 50,
                () -> store.listRuns(HistoryQueries.RunFilter.ALL, 200, 0));
        report(out, "first page of the failing runs of one target", 50,
                () -> store.listRuns(failing, 200, 0));
        report(out, "the runs list's counts (all; failing runs of one target)", 50,
                () -> store.countRuns() + store.countRuns(failing));
        report(out, "the filters' choices (targets and projects)", 50, store::choices);
        int[] run = {0};
        report(out, "a run's detail (tests, failure groups, diagnoses, actions, audit trail)", 50, () -> {
            String id = String.format(Locale.ROOT, "run-bench-%07d", (run[0]++ * 7919) % runs);
            return List.of(store.testsOf(id), store.failuresOf(id), store.diagnosesOf(id), store.actionsOf(id),
                    store.auditOf(id));
        });
        report(out, "two runs compared test by test", 50, () -> {
            int i = (run[0]++ * 7919) % (runs - 1);
            return store.compare(String.format(Locale.ROOT, "run-bench-%07d", i),
                    String.format(Locale.ROOT, "run-bench-%07d", i + 1));
        });
        report(out, "one-year trend, day by day, all targets", 50,
                () -> store.trend(null, now.minus(Duration.ofDays(365)), now));
        report(out, "one-year metrics (pass rate, fix success, MTTR, LLM use, top patterns)", 50,
                () -> store.metrics(null, now.minus(Duration.ofDays(365)), now));
        int[] fp = {0};
        report(out, "a fingerprint's history (its 50 latest runs)", 50,
                () -> store.fingerprintHistory(fingerprint(fp[0]++ % FINGERPRINTS), 50));
        report(out, "the 20 top recurring fingerprints with their last working fix", 50,
                () -> store.topFingerprints(20));
        List<String> tests = store.testsOf(String.format(Locale.ROOT, "run-bench-%07d", runs - 1)).stream()
                .map(t -> t.testId()).toList();
        report(out, "flip rates of a run's " + tests.size() + " tests over their last 10 runs (the report's)",
                50, 8, () -> store.flipRates(TARGETS.get((runs - 1) % TARGETS.size()), tests));
        report(out, "first page of the runs list searched for a text (error messages, test ids)", 50, 8,
                () -> store.listRuns(new HistoryQueries.RunFilter(null, null, null, null, null,
                        "service-77)"), 200, 0));
        report(out, "the same for a text in one failing run in eight (ECONNREFUSED)", 50, 8,
                () -> store.listRuns(new HistoryQueries.RunFilter(null, null, null, null, null,
                        "ECONNREFUSED"), 200, 0));
        report(out, "the same for a part of a test id (test-5-g1, in one failing run in 16)", 50, 8,
                () -> store.listRuns(new HistoryQueries.RunFilter(null, null, null, null, null,
                        "test-5-g1"), 200, 0));
    }

    /** Writes the synthetic history into {@code db}. */
    private void write(Path db, Instant now) {
        write(HistoryLocation.parse(db.toString(), "--history-dir", Map.of()), now);
    }

    /** Writes the synthetic history into {@code location}. */
    private void write(HistoryLocation location, Instant now) {
        try (HistoryStore store = HistoryStore.open(location)) {
            Random random = new Random(42);
            long span = Duration.ofDays(3 * 365).toMillis();
            List<RunSummary> batch = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Instant at = now.minusMillis(span - span * i / runs);
                batch.add(run(i, at, random));
                if (batch.size() == 500) {
                    store.saveRuns(batch);
                    batch.clear();
                }
            }
            store.saveRuns(batch);
        }
    }

    /** The runs in a kept history (its schema untouched: read-only), or -1 when it is not one. */
    private static long stored(Path db) {
        try {
            return HistoryStore.inspect(db).runs();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void report(PrintWriter out, String what, long targetMs, Supplier<?> query) {
        report(out, what, targetMs, 23, query);
    }

    /** Times {@code query} {@code tries} times; the first three warm up, the rest are measured. */
    private static void report(PrintWriter out, String what, long targetMs, int tries, Supplier<?> query) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            long t0 = System.nanoTime();
            Object answer = query.get();
            times.add(System.nanoTime() - t0);
            if (answer == null) {
                throw new IllegalStateException(what);
            }
        }
        // The first three warm the JIT and SQLite's page cache.
        List<Long> measured = times.subList(3, times.size()).stream().sorted().toList();
        out.printf(Locale.ROOT, "         %s: %s (target <= %d ms; %s)%n", what,
                BenchFigures.Spread.of(measured).map(ns -> ns / 1e6).describe("%.1f", "ms"), targetMs,
                BenchFigures.load());
        out.flush();
    }

    private static String fingerprint(int n) {
        return String.format(Locale.ROOT, "fp%014x", 0x9e3779b97f4aL * (n + 1) & 0xffffffffffffL);
    }

    private RunSummary run(int i, Instant at, Random random) {
        String target = TARGETS.get(i % TARGETS.size());
        boolean failing = random.nextInt(8) == 0;
        int groups = failing ? 1 + random.nextInt(3) : 0;
        List<TestResult> results = new ArrayList<>(testsPerRun);
        List<FailureGroup> failures = new ArrayList<>();
        List<ActionRecord> actions = new ArrayList<>();
        int failedTests = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int g = 0; g < groups; g++) {
            int f = (int) Math.abs(random.nextGaussian() * 40) % FINGERPRINTS;
            if (!seen.add(f)) {
                continue;   // one group per fingerprint in a run
            }
            List<TestResult> tests = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int t = (g * 5 + k) % testsPerRun;
                String project = PROJECTS.get(t % PROJECTS.size());
                tests.add(new TestResult(project + "/test-" + t + "-g" + g, project, "Test " + t, "spec.ts:" + t,
                        TestStatus.FAILED, 1500, "Error: connect ECONNREFUSED 10.0.0." + f + ":5432 (service-" + f + ")",
                        null, 0, List.of()));
            }
            results.addAll(tests);
            failedTests += tests.size();
            failures.add(new FailureGroup(fingerprint(f), new Classification("net-refused-" + (f % 12), "refused",
                    Category.NETWORK, f % 10 == 0 ? Severity.CRITICAL : Severity.HIGH, FixClass.A, "restart-backend"),
                    tests, tests.get(0).errorMessage(), null));
            boolean applied = random.nextBoolean();
            actions.add(new ActionRecord(fingerprint(f), "restart-backend", FixClass.A,
                    applied ? Decision.AUTO : Decision.DRY_RUN, applied, applied && random.nextInt(4) > 0,
                    applied && random.nextInt(4) > 0, applied ? "verified" : "dry run", 900));
        }
        for (int t = results.size(); t < testsPerRun; t++) {
            String project = PROJECTS.get(t % PROJECTS.size());
            results.add(new TestResult(project + "/test-" + t, project, "Test " + t, "spec.ts:" + t,
                    random.nextInt(200) == 0 ? TestStatus.FLAKY : TestStatus.PASSED, 40 + t, null, null, 0, List.of()));
        }
        int total = results.size();
        double score = (total - failedTests) * 100.0 / total;
        HealthStatus status = failing ? (score >= 95 ? HealthStatus.DEGRADED : HealthStatus.FAILING) : HealthStatus.HEALTHY;
        LlmUsage llm = failing ? new LlmUsage("ollama", "qwen2.5-coder:14b", groups, 0, 1800 * groups, 400 * groups,
                3000, 0, null) : LlmUsage.none();
        return new RunSummary(String.format(Locale.ROOT, "run-bench-%07d", i), target, PROJECTS, false, at,
                at.plusSeconds(90), status, status, score, total, total - failedTests, failedTests, 0, results,
                failures, actions, llm, Map.of(), false);
    }
}
