package dev.healdesk.core.run;

import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthScore;
import dev.healdesk.core.triage.Severity;
import dev.healdesk.core.triage.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop every run walks: suites → triage → diagnosis → playbooks → history → report. The console
 * and the CLI both call {@link #run}; it emits {@link RunEvent}s as it goes, on the calling thread.
 */
public final class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final HistoryStore history;
    private final RunFolderWriter folders;
    private final Triage triage;
    private final Diagnoser diagnoser;
    private final Healer healer;
    private final Clock clock;
    private final RunIds ids;

    public RunService(HistoryStore history, RunFolderWriter folders, Triage triage, Diagnoser diagnoser, Healer healer,
                      Clock clock) {
        this.history = history;
        this.folders = folders;
        this.triage = triage;
        this.diagnoser = diagnoser;
        this.healer = healer;
        this.clock = clock;
        this.ids = new RunIds(clock);
    }

    /**
     * Runs the target's suites with {@code options} and records the run.
     *
     * @throws RunException when the run cannot be carried out (unknown project, no browser, target
     *                      unreachable); the message says what to do. Nothing recorded before is touched.
     */
    public RunSummary run(Target target, RunOptions options, RunListener listener, Cancellation cancel)
            throws RunException {
        List<String> projects = selectProjects(target, options);
        String runId = ids.next();
        Instant startedAt = clock.instant();
        RunFolderWriter.RunFolder folder;
        try {
            folder = folders.open(runId);
        } catch (IOException e) {
            throw RunException.usage("Cannot create the run folder under " + folders.resultsDir() + ": "
                    + e.getMessage() + ". Choose a writable folder with --results-dir.");
        }
        RunListener out = event -> {
            String line = RunEventFormatter.format(event);
            if (line != null) {
                folder.log(clock.instant() + " " + line);
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A run listener failed on {}", event.getClass().getSimpleName(), e);
            }
        };
        try {
            return walk(target, options, projects, runId, startedAt, folder, out, cancel);
        } catch (RunException e) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, e.getMessage()));
            closeQuietly(folder);
            throw e;
        } catch (RuntimeException e) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, "Internal error: " + e));
            closeQuietly(folder);
            throw new RunException("Internal error during run " + runId + ": " + e.getMessage()
                    + ". See " + folder.dir().resolve(RunFolderWriter.LOG), false, e);
        }
    }

    private RunSummary walk(Target target, RunOptions options, List<String> projects, String runId, Instant startedAt,
                            RunFolderWriter.RunFolder folder, RunListener out, Cancellation cancel)
            throws RunException {
        out.onEvent(new RunEvent.RunStarted(runId, target.name(), projects, options, startedAt,
                target.suites().count(new LinkedHashSet<>(projects))));

        AtomicInteger finished = new AtomicInteger();
        List<TestResult> results;
        try {
            results = target.suites().run(new LinkedHashSet<>(projects), folder.artifactsDir(),
                    note -> out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.INFO, note)),
                    r -> out.onEvent(new RunEvent.TestFinished(runId, r, finished.incrementAndGet())), cancel);
        } catch (SuiteException e) {
            throw new RunException(e.getMessage(), true, e);
        }
        if (cancel.isCancelled()) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.WARN,
                    "Run cancelled after " + results.size() + " test(s); keeping the results so far"));
        }

        List<FailureGroup> groups = triage.group(results);
        groups.forEach(g -> out.onEvent(new RunEvent.FailureTriaged(runId, g)));

        Diagnoses diagnoses = Diagnoses.none();
        if (!groups.isEmpty() && !options.skipLlm() && !cancel.isCancelled()) {
            diagnoses = diagnoser.diagnose(runId, groups, options, out, cancel);
        }
        List<ActionRecord> actions = groups.isEmpty() || cancel.isCancelled()
                ? List.of() : healer.heal(runId, groups, options, out, cancel);

        RunSummary summary = summarize(runId, target, projects, options, startedAt, results, groups, actions,
                diagnoses, cancel.isCancelled());
        try {
            history.saveRun(summary, folder.dir());
        } catch (HistoryException e) {
            // The run folder is still written below: the operator keeps the results even when the database fails.
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, e.getMessage()));
        }
        try {
            folders.finish(folder, summary);
        } catch (IOException e) {
            throw new RunException("Cannot write the run folder " + folder.dir() + ": " + e.getMessage()
                    + ". The run is kept in the history database " + history.file() + ".", true, e);
        }
        out.onEvent(new RunEvent.RunFinished(runId, summary, folder.dir()));
        closeQuietly(folder);
        return summary;
    }

    private List<String> selectProjects(Target target, RunOptions options) throws RunException {
        List<String> known = target.suites().projects();
        if (options.projects().isEmpty()) {
            return known;
        }
        Set<String> unknown = new LinkedHashSet<>(options.projects());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw RunException.usage("Unknown project(s) " + String.join(", ", unknown) + " for target "
                    + target.name() + ". Known projects: " + String.join(", ", known) + ".");
        }
        return known.stream().filter(options.projects()::contains).toList();
    }

    private RunSummary summarize(String runId, Target target, List<String> projects, RunOptions options,
                                 Instant startedAt, List<TestResult> results, List<FailureGroup> groups,
                                 List<ActionRecord> actions, Diagnoses diagnoses, boolean cancelled) {
        int passed = 0;
        int failed = 0;
        int flaky = 0;
        int skipped = 0;
        for (TestResult r : results) {
            if (r.status() == TestStatus.PASSED) {
                passed++;
            } else if (r.status() == TestStatus.FLAKY) {
                flaky++;
            } else if (r.status() == TestStatus.SKIPPED) {
                skipped++;
            } else if (r.status().isFailure()) {
                failed++;
            }
        }
        boolean critical = groups.stream().anyMatch(g -> g.severity() == Severity.CRITICAL);
        // A flaky test passed in the end: it counts as passed for the score and is reported apart.
        HealthScore health = HealthScore.of(passed + flaky, results.size() - skipped, critical);
        return new RunSummary(runId, target.name(), projects, options.dryRun(), startedAt, clock.instant(),
                health.status(), health.status(), health.score(), results.size(), passed + flaky, failed, flaky,
                Collections.unmodifiableList(new ArrayList<>(results)), groups, actions, diagnoses.usage(),
                diagnoses.byFingerprint(), cancelled);
    }

    private static void closeQuietly(RunFolderWriter.RunFolder folder) {
        try {
            folder.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the log of {}", folder.dir(), e);
        }
    }
}
