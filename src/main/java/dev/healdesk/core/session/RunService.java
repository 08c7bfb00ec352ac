package dev.healdesk.core.session;

import dev.healdesk.core.run.Target;
import dev.healdesk.core.run.Rerun;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunEventFormatter;
import dev.healdesk.core.run.HealRequest;
import dev.healdesk.core.run.RunIds;
import dev.healdesk.core.run.Healer;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.Diagnoses;
import dev.healdesk.core.run.RunSummary;

import dev.healdesk.core.process.Cancellation;

import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.report.StoredRuns;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TerminalText;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthScore;
import dev.healdesk.core.triage.Incident;
import dev.healdesk.core.triage.Incidents;
import dev.healdesk.core.triage.Severity;
import dev.healdesk.core.triage.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.healdesk.core.triage.HealthStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop every run walks: suites → triage → diagnosis → playbooks → history → report. The console
 * and the CLI both call {@link #run}; it emits {@link RunEvent}s as it goes, on the calling thread.
 *
 * <p>Secrets are taken out where run data enters, once ({@link RunRedactor}): each result as its suite hands it
 * over (first pass and re-runs) and each log line, so triage, the history, the run folder, the prompts and every
 * listener get clean text. The playbook executor redacts what it records itself.
 */
public final class RunService {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final HistoryStore history;
    private final RunFolderWriter folders;
    /** Built when the run first has a failure to triage: a healthy run never builds it. */
    private final java.util.function.Supplier<Triage> triage;
    private final Diagnoser diagnoser;
    private final Healer healer;
    private final Clock clock;
    private final RunIds ids;
    private final RunRedactor redact;

    /** A service that takes out secrets by their shape only: for callers that hold no variables (tests, benches). */
    public RunService(HistoryStore history, RunFolderWriter folders, Triage triage, Diagnoser diagnoser, Healer healer,
                      Clock clock) {
        this(history, folders, triage, diagnoser, healer, clock, RunRedactor.shapesOnly());
    }

    /** @param redact what every result and log line of a run goes through first (built over the run's variables) */
    public RunService(HistoryStore history, RunFolderWriter folders, Triage triage, Diagnoser diagnoser, Healer healer,
                      Clock clock, RunRedactor redact) {
        this(history, folders, OnFirstUse.of(triage), diagnoser, healer, clock, redact);
    }

    /**
     * @param triage  the triage, asked for when a run first has a failure to group (built then, if it is built on
     *                first use: see {@link HealSession#open})
     * @param redact what every result and log line of a run goes through first (built over the run's variables)
     */
    public RunService(HistoryStore history, RunFolderWriter folders, java.util.function.Supplier<Triage> triage,
                      Diagnoser diagnoser, Healer healer, Clock clock, RunRedactor redact) {
        this.redact = redact;
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
        recoverInterrupted();
        sweepUnredacted();
        String runId = ids.next();
        redact.newRun();
        Instant startedAt = clock.instant();
        RunFolderWriter.RunFolder folder;
        try {
            folder = folders.open(runId);
        } catch (IOException e) {
            throw RunException.usage("Cannot create the run folder under " + folders.resultsDir() + ": "
                    + e.getMessage() + ". Choose a writable folder with --results-dir.");
        }
        RunListener out = raw -> {
            RunEvent event = raw instanceof RunEvent.Log log ? new RunEvent.Log(log.runId(), log.level(),
                    redact.apply(log.message())) : raw;
            Instant at = clock.instant();
            String line = RunEventFormatter.format(event);
            if (line != null) {
                folder.log(at + " " + line);
            }
            audit(event, at);
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A run listener failed on {}", event.getClass().getSimpleName(), e);
            }
        };
        // The faults the operator switched on (the sandbox's): recorded with the run, so that a test failing under one
        // is not taken for a flake; those switched on while it runs are added when it is recorded.
        Set<String> faults = new java.util.TreeSet<>(target.faultsOn());
        try {
            history.beginRun(runId, target.name(), projects, options.dryRun(), startedAt, folder.dir(), faults);
        } catch (HistoryException e) {
            LOG.warn("Run {} goes on without its start recorded: {}", runId, e.getMessage());
        }
        var pruned = folders.pruneArtifacts(startedAt, folder);
        if (!pruned.isEmpty()) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.INFO, String.format(java.util.Locale.ROOT,
                    "Pruned the artifacts of %d run(s) finished more than %d day(s) ago (%.1f MB freed)",
                    pruned.runFolders().size(), folders.retention().keep().toDays(), pruned.bytes() / 1e6)));
        }
        try {
            return walk(target, options, projects, runId, startedAt, folder, out, cancel, faults);
        } catch (RunException e) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, e.getMessage()));
            abandon(runId);
            closeQuietly(folder);
            // A suite's message may quote what its runner printed: the front ends show it as it is thrown.
            String message = redact.apply(e.getMessage());
            throw message == null || message.equals(e.getMessage()) ? e
                    : new RunException(message, e.isUsageError(), e.getCause());
        } catch (RuntimeException e) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, "Internal error: " + e));
            abandon(runId);
            closeQuietly(folder);
            throw new RunException("Internal error during run " + runId + ": " + redact.apply(e.getMessage())
                    + ". See " + folder.dir().resolve(RunFolderWriter.LOG), false, e);
        }
    }

    private RunSummary walk(Target target, RunOptions options, List<String> projects, String runId, Instant startedAt,
                            RunFolderWriter.RunFolder folder, RunListener out, Cancellation cancel,
                            Set<String> faults) throws RunException {
        out.onEvent(new RunEvent.RunStarted(runId, target.name(), projects, options, startedAt,
                target.suites().count(new LinkedHashSet<>(projects))));

        try (SuiteSession suites = target.suites().open(redact)) {
            return walk(target, suites, options, projects, runId, startedAt, folder, out, cancel, faults);
        }
    }

    /** The run proper, over one suite session: the first pass and every verification re-run share it. */
    private RunSummary walk(Target target, SuiteSession suites, RunOptions options, List<String> projects,
                            String runId, Instant startedAt, RunFolderWriter.RunFolder folder, RunListener out,
                            Cancellation cancel, Set<String> faults) throws RunException {
        AtomicInteger finished = new AtomicInteger();
        // The streamed results and the returned list are mostly the same objects: each is redacted once.
        Map<TestResult, TestResult> clean = Collections.synchronizedMap(new IdentityHashMap<>());
        List<TestResult> streamed = Collections.synchronizedList(new ArrayList<>());
        List<TestResult> results;
        String suiteError = null;
        try {
            results = suites.run(new LinkedHashSet<>(projects), folder.artifactsDir(),
                    note -> out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.INFO, note)),
                    raw -> {
                        TestResult r = clean.computeIfAbsent(raw, redact::redact);
                        keep(runId, r);
                        streamed.add(r);
                        out.onEvent(new RunEvent.TestFinished(runId, r, finished.incrementAndGet()));
                    }, cancel);
            results = results.stream().map(r -> clean.computeIfAbsent(r, redact::redact)).toList();
        } catch (SuiteException e) {
            if (!e.suiteFailed()) {
                throw new RunException(e.getMessage(), true, e);
            }
            // The suite ran and could not give results (a build that does not compile): that is the run's outcome, so
            // it is recorded with what ran before it, not thrown away as a usage error.
            suiteError = redact.apply(TerminalText.plain(e.getMessage()));
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, suiteError));
            synchronized (streamed) {
                results = List.copyOf(streamed);
            }
        } finally {
            if (redactArtifacts(folders, folder.artifactsDir(), runId, out, redact)) {
                try {
                    folders.markRedacted(folder.dir());
                } catch (IOException e) {
                    LOG.warn("Could not mark {} as redacted: {}", folder.dir(), e.toString());
                }
            }
        }
        if (suiteError != null) {
            return record(summarize(runId, target, projects, options, startedAt, results, results,
                    groups(results), null, List.of(), Diagnoses.none(), cancel.isCancelled(), suiteError),
                    target, folder, out, faults);
        }
        if (cancel.isCancelled()) {
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.WARN,
                    "Run cancelled after " + results.size() + " test(s); keeping the results so far"));
        }

        List<FailureGroup> groups = groups(results);
        groups.forEach(g -> out.onEvent(new RunEvent.FailureTriaged(runId, g)));
        // One cause, one incident: the diagnosis, the proposal and the verification work on incidents, each seen as
        // one failure group under its leading fingerprint holding all its tests.
        List<Incident> incidents = anyFailure(results) ? triage.get().incidents(results) : new ArrayList<>();
        incidents.forEach(i -> out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.INFO, "Incident "
                + i.id() + ": " + i.title() + " (" + i.category().id() + ", class " + i.fixClass() + "; "
                + i.classEvidence() + ")")));
        List<FailureGroup> units = incidents.stream().map(Incident::group).toList();

        Diagnoses diagnoses = Diagnoses.none();
        if (!units.isEmpty() && !options.skipLlm() && !cancel.isCancelled()) {
            diagnoses = diagnoser.diagnose(runId, units, options, out, cancel);
        }
        Map<String, TestResult> latest = new LinkedHashMap<>();
        results.forEach(r -> latest.put(r.id(), r));
        List<ActionRecord> actions = List.of();
        if (!units.isEmpty() && !cancel.isCancelled()) {
            Rerun rerun = rerun(suites, runId, folder, out, latest, redact, folders);
            Map<String, Incident> byTest = Incidents.byTest(incidents);
            actions = healer.heal(new HealRequest(runId, target, units, results, diagnoses.byFingerprint(), options,
                    startedAt, folder.dir(), rerun, out, cancel, r -> {
                        String fp = triage.get().triage(r.errorMessage(), r.errorStack()).fingerprint();
                        Incident i = byTest.get(r.id());
                        // A test failing again for its incident's cause reads as the incident's failure.
                        return i != null && i.fingerprints().contains(fp) ? i.leadFingerprint() : fp;
                    }));
        }

        return record(summarize(runId, target, projects, options, startedAt, results, List.copyOf(latest.values()),
                groups, incidents, actions, diagnoses, cancel.isCancelled(), null), target, folder, out, faults);
    }

    /** The failure groups of {@code results}, as {@link Triage#group} gives them; no triage is built for none. */
    private List<FailureGroup> groups(List<TestResult> results) {
        return anyFailure(results) ? triage.get().group(results) : new ArrayList<>();
    }

    /** Whether any result is one that triage groups (a failure or a time-out). */
    private static boolean anyFailure(List<TestResult> results) {
        for (TestResult r : results) {
            if (r.status().isFailure()) {
                return true;
            }
        }
        return false;
    }

    /** Stores the run, writes its folder and tells the listeners it finished. */
    private RunSummary record(RunSummary summary, Target target, RunFolderWriter.RunFolder folder, RunListener out,
                              Set<String> faultsAtStart) throws RunException {
        String runId = summary.runId();
        // on at the start (a fix may have switched it off since) or switched on while the run went on
        Set<String> faults = new java.util.TreeSet<>(faultsAtStart);
        faults.addAll(target.faultsOn());
        summary = summary.withFaults(faults);
        try {
            history.saveRun(summary, folder.dir());
            summary = summary.withFlipRates(history.flipRates(target.name(), summary.results().stream()
                    .filter(r -> r.status() != TestStatus.PASSED && r.status() != TestStatus.SKIPPED)
                    .map(TestResult::id).toList()));
        } catch (HistoryException e) {
            // The run folder is still written below: the operator keeps the results even when the database fails.
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.ERROR, e.getMessage()));
        }
        try {
            folders.finish(folder, summary);
        } catch (IOException e) {
            throw new RunException("Cannot write the run folder " + folder.dir() + ": " + e.getMessage()
                    + ". The run is kept in the history database " + history.location().describe() + ".", true, e);
        }
        out.onEvent(new RunEvent.RunFinished(runId, summary, folder.dir()));
        closeQuietly(folder);
        return summary;
    }

    /**
     * Finishes the folders of the recent runs whose process died (the history marked them interrupted when it opened):
     * the artifacts their suites left go through the redactor (a killed run never reached that step), half-written
     * files go, the summaries are written from what the history kept, latest.json is brought up to date.
     * A failure is logged, never fatal: the new run goes on.
     */
    private void recoverInterrupted() {
        try {
            for (RunRow row : history.listRuns(new HistoryQueries.RunFilter(RunRow.INTERRUPTED, null, null, null, null,
                    null), 20, 0)) {
                Path dir = row.runFolder() == null ? folders.resultsDir().resolve(row.runId()) : Path.of(row.runFolder());
                if (!Files.isDirectory(dir) || Files.isRegularFile(dir.resolve(RunFolderWriter.SUMMARY_MD))
                        && !hasTmp(dir) && !hasTmp(folders.resultsDir())) {
                    continue;
                }
                List<String> done = folders.recover(dir, StoredRuns.fromHistory(history, row).asInterrupted(), redact);
                if (!done.isEmpty()) {
                    LOG.info("Finished the folder of interrupted run {}: {}", row.runId(), String.join(", ", done));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not finish the folders of interrupted runs: {}", e.toString());
        }
    }

    /**
     * Redacts, once, the artifacts of run folders an older Healdesk left unredacted (a run it killed and then recovered
     * before recovery redacted them), and marks each ({@link RunFolderWriter#sweepUnredacted}). A failure is logged,
     * never fatal: the next start tries again.
     */
    private void sweepUnredacted() {
        try {
            List<Path> swept = folders.sweepUnredacted(redact);
            if (!swept.isEmpty()) {
                LOG.info("Redacted the artifacts of {} earlier run folder(s) not marked as redacted", swept.size());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not redact the artifacts of earlier run folders: {}", e.toString());
        }
    }

    private static boolean hasTmp(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var tmps = Files.newDirectoryStream(dir, "*.tmp")) {
            return tmps.iterator().hasNext();
        }
    }

    private void abandon(String runId) {
        try {
            history.abandonRun(runId);
        } catch (HistoryException e) {
            LOG.warn("Run {} stays marked running until the next start: {}", runId, e.getMessage());
        }
    }

    /** Stores a first-pass result at once, so a crash keeps it; a database failure is logged, never fatal. */
    private void keep(String runId, TestResult r) {
        try {
            history.appendResult(runId, r);
        } catch (HistoryException e) {
            LOG.warn("Result {} of run {} is kept only in memory until the run ends: {}", r.id(), runId, e.getMessage());
        }
    }

    /**
     * Targeted re-runs over the target's suites, each into its own artifacts folder; every result replaces the test's
     * earlier one in {@code latest}, from which the final status is computed.
     */
    /**
     * Redacts the text files a suite left in {@code artifacts} (reports, events, error-context.md, text attachments)
     * once it is done, as everything else of the run is where it enters; screenshots, videos and trace archives stay
     * as they are. A file that cannot be rewritten is named in the run's log.
     */
    private static boolean redactArtifacts(RunFolderWriter folders, Path artifacts, String runId, RunListener out,
                                           RunRedactor redact) {
        try {
            int changed = folders.redactArtifacts(artifacts, redact).size();
            if (changed > 0) {
                out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.DEBUG,
                        "Redacted " + changed + " artifact file(s) in " + artifacts));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not redact the artifacts in {}: {}", artifacts, e.toString());
            out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.WARN, "Could not redact the artifacts in "
                    + artifacts + ": " + e.getMessage() + ". Check the folder's permissions; delete it if it may"
                    + " hold secrets."));
            return false;
        }
    }

    private static Rerun rerun(SuiteSession suites, String runId, RunFolderWriter.RunFolder folder, RunListener out,
                               Map<String, TestResult> latest, RunRedactor redact, RunFolderWriter folders) {
        AtomicInteger reruns = new AtomicInteger();
        return new Rerun() {
            @Override
            public List<TestResult> run(List<TestResult> tests, Cancellation cancel) throws SuiteException {
                return rerun(tests, cancel, false);
            }

            @Override
            public List<TestResult> reproduce(List<TestResult> tests, Cancellation cancel) throws SuiteException {
                return rerun(tests, cancel, true);
            }

            /** {@code reproducing}: no fix ran since the test failed, so one that passes now is flaky. */
            private List<TestResult> rerun(List<TestResult> tests, Cancellation cancel, boolean reproducing)
                    throws SuiteException {
                Path artifacts = folder.artifactsDir().resolve("rerun-" + reruns.incrementAndGet());
                List<TestResult> again;
                try {
                    again = suites.rerun(tests, artifacts,
                            note -> out.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.DEBUG, note)), r -> { },
                            cancel)
                            .stream().map(redact::redact)
                            .map(r -> reproducing ? flakyIfItFailedBefore(r, latest.get(r.id())) : r).toList();
                } finally {
                    redactArtifacts(folders, artifacts, runId, out, redact);
                }
                again.forEach(r -> latest.put(r.id(), r));
                Set<String> projects = new LinkedHashSet<>();
                tests.forEach(t -> projects.add(t.project()));
                Set<String> reported = new HashSet<>();
                again.forEach(r -> reported.add(r.id()));
                List<String> notRerun = tests.stream().map(TestResult::id).filter(id -> !reported.contains(id))
                        .distinct().toList();
                out.onEvent(new RunEvent.TestsRerun(runId, List.copyOf(projects), again, notRerun));
                return again;
            }
        };
    }

    /**
     * A test that failed and passes when run again with nothing changed in between is flaky: failed, then passed on a
     * retry, with the failure it had.
     */
    private static TestResult flakyIfItFailedBefore(TestResult now, TestResult before) {
        if (before == null || !before.status().isFailure() || !now.status().isPassing()) {
            return now;
        }
        return new TestResult(now.id(), now.project(), now.title(), now.location(), TestStatus.FLAKY,
                now.durationMs(), before.errorMessage(), before.errorStack(), before.retry() + 1, before.attachments());
    }

    /**
     * Writes the playbook events to the audit table as they happen (not with the run at the end), so that what was
     * done to a target stays on record even when the run then crashes. A database failure is logged, never fatal.
     */
    private void audit(RunEvent event, Instant at) {
        AuditTrail.entryOf(event, at).ifPresent(entry -> {
            try {
                history.appendAudit(entry);
            } catch (HistoryException e) {
                LOG.error("Cannot write the audit trail of {}: {}", entry.runId(), e.getMessage());
            }
        });
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

    /**
     * Counts and score describe the first pass (what the run found); {@code status} is the status after any fix,
     * from the latest result of every test, and {@code initialStatus} the first pass's.
     */
    private RunSummary summarize(String runId, Target target, List<String> projects, RunOptions options,
                                 Instant startedAt, List<TestResult> results, List<TestResult> latest,
                                 List<FailureGroup> groups, List<Incident> incidents, List<ActionRecord> actions,
                                 Diagnoses diagnoses, boolean cancelled, String suiteError) {
        // The counts and the score are those of each test's latest result, like the status: after a verified fix
        // the run says what the tests say now. The first pass keeps its own status (initialStatus) and results.
        RunOutcome.Pass now = RunOutcome.Pass.of(latest);
        RunOutcome.Pass first = RunOutcome.Pass.of(results);
        boolean critical = groups.stream().anyMatch(g -> g.severity() == Severity.CRITICAL);
        // A flaky test passed in the end: it counts as passed for the score and is reported apart.
        double failingBelow = options.failingBelow();
        HealthScore initial = HealthScore.of(first.passed() + first.flaky(), results.size() - first.skipped(), critical,
                failingBelow);
        double score = HealthScore.of(now.passed() + now.flaky(), latest.size() - now.skipped(), false).score();
        HealthStatus status = suiteError != null ? HealthStatus.FAILING : finalStatus(latest, groups, failingBelow);
        return new RunSummary(runId, target.name(), projects, options.dryRun(), startedAt, clock.instant(),
                status, suiteError != null ? HealthStatus.FAILING : initial.status(), score, latest.size(),
                now.passed() + now.flaky(), now.failed(), now.flaky(),
                Collections.unmodifiableList(new ArrayList<>(results)), groups, actions, diagnoses.usage(),
                diagnoses.byFingerprint(), cancelled, Map.of(), false, suiteError, incidents)
                .withProvenance(history.provenance());   // who ran it and where, as the history records it
    }

    /** The status the latest results give: a critical group counts only while one of its tests still fails. */
    private static HealthStatus finalStatus(List<TestResult> latest, List<FailureGroup> groups, double failingBelow) {
        Set<String> stillFailing = new HashSet<>();
        int passing = 0;
        int counted = 0;
        for (TestResult r : latest) {
            if (r.status() != TestStatus.SKIPPED) {
                counted++;
            }
            if (r.status().isPassing()) {
                passing++;
            } else if (r.status().isFailure()) {
                stillFailing.add(r.id());
            }
        }
        boolean critical = groups.stream().anyMatch(g -> g.severity() == Severity.CRITICAL
                && g.tests().stream().anyMatch(t -> stillFailing.contains(t.id())));
        return HealthScore.of(passing, counted, critical, failingBelow).status();
    }

    private static void closeQuietly(RunFolderWriter.RunFolder folder) {
        try {
            folder.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the log of {}", folder.dir(), e);
        }
    }
}
