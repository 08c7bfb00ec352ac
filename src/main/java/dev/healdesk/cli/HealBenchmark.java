package dev.healdesk.cli;

import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.playbook.PolicyGate;
import dev.healdesk.core.session.HealSession;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxTarget;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.PatternCatalog;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bench --only=heal}: time to healthy on the sandbox for each class-A fault, as {@code healdesk run
 * --fault=F --approve=A} does it (the sandbox's and the probes' default timings, the CLI's executor and
 * guardrails), from the run's start to the moment a fix is verified; beside it the test time, a run with no fault.
 * Each run is a fresh executor (a session of its own), as separate CLI runs are.
 */
final class HealBenchmark {

    static final List<Fault> CLASS_A = List.of(Fault.BACKEND_DOWN, Fault.SESSION_EXPIRED, Fault.TOKEN_EXPIRED,
            Fault.DB_POOL_EXHAUSTED, Fault.SLOW);

    private HealBenchmark() {
    }

    static void run(PrintWriter out, int rounds) throws IOException, RunException {
        Path dir = Files.createTempDirectory("healdesk-bench-heal");
        try (SandboxTarget sandbox = SandboxTarget.start()) {
            // One session per run, as a scheduled run opens one: each starts with fresh guardrail counters.
            HealSession.Spec session = new HealSession.Spec(Map.of(), dir.resolve("bench.db"),
                    new RunFolderWriter(dir.resolve("results")), PatternCatalog.builtIn(), new PolicyGate("bench"),
                    null, Clock.systemUTC(), null);
            timed(sandbox, session, null);   // warms Chromium's first start and the JIT
            List<Long> clean = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                clean.add(timed(sandbox, session, null)[0]);
            }
            long testTime = median(clean);
            out.printf(Locale.ROOT, "heal: time from the run's start to verified healthy on the sandbox, --approve=A,"
                            + " %d runs each (target: test time + <= 2 s; %s)%n        test time (no fault): %s%n",
                    rounds, BenchFigures.load(), BenchFigures.Spread.of(clean).describe("%,.0f", "ms"));
            out.flush();
            for (Fault fault : CLASS_A) {
                List<Long> times = new ArrayList<>();
                List<Long> firstPasses = new ArrayList<>();
                int unhealed = 0;
                for (int i = 0; i < rounds; i++) {
                    sandbox.server().setFault(fault, true);
                    long[] t = timed(sandbox, session, fault);
                    long ms = t[0];
                    if (ms < 0) {
                        unhealed++;
                        for (Fault f : Fault.values()) {
                            sandbox.server().setFault(f, false);
                        }
                    } else {
                        times.add(ms);
                        firstPasses.add(t[1]);
                    }
                }
                if (times.isEmpty()) {
                    out.printf(Locale.ROOT, "        %-18s not healed in any of %d runs%n", fault.id(), rounds);
                } else {
                    out.printf(Locale.ROOT, "        %-18s min %,6d ms, median %,6d ms, max %,6d ms: test time"
                                    + " %+.1f s (median),"
                                    + " %+.1f s (worst); of which the first pass and triage %,d ms (median)%s%n",
                            fault.id(), times.stream().mapToLong(Long::longValue).min().orElse(0), median(times),
                            worst(times), (median(times) - testTime) / 1000.0,
                            (worst(times) - testTime) / 1000.0, median(firstPasses),
                            unhealed == 0 ? "" : "; " + unhealed + " of " + rounds + " runs not healed");
                }
                out.flush();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One run: with no fault, its whole duration; with one, the time from its start to the verification of the fix
     * that made it healthy (-1 when it did not end healthy), and to the first proposal (the first pass and triage).
     */
    private static long[] timed(SandboxTarget sandbox, HealSession.Spec spec, Fault fault) throws RunException {
        AtomicReference<Instant> verified = new AtomicReference<>();
        AtomicReference<Instant> proposed = new AtomicReference<>();
        RunSummary s;
        try (HealSession session = HealSession.open(spec)) {
            s = session.runService().run(sandbox, new RunOptions(Set.of(), false, true, 3, ApprovalPolicy.A, false),
                event -> {
                    if (event instanceof RunEvent.PlaybookProposed) {
                        proposed.compareAndSet(null, Instant.now());
                    } else if (event instanceof RunEvent.PlaybookVerified v && v.action().verified()) {
                        verified.compareAndSet(null, Instant.now());
                    }
                }, Cancellation.none());
        }
        if (fault == null) {
            return new long[]{s.durationMs(), s.durationMs()};
        }
        if (s.status() != HealthStatus.HEALTHY || verified.get() == null) {
            return new long[]{-1, -1};
        }
        return new long[]{Duration.between(s.startedAt(), verified.get()).toMillis(),
                Duration.between(s.startedAt(), proposed.get()).toMillis()};
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long worst(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
