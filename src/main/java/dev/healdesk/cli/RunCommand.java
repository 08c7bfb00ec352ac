package dev.healdesk.cli;

import dev.healdesk.core.config.FileTarget;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.config.Settings;
import dev.healdesk.core.config.TargetFiles;
import dev.healdesk.core.config.TargetSpec;
import dev.healdesk.core.config.TargetFileException;
import dev.healdesk.core.config.Targets;
import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.playbook.PolicyGate;
import dev.healdesk.core.notify.SlackNotifier;
import dev.healdesk.core.report.ArtifactRetention;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunEventFormatter;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.run.Target;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.session.HealSession;
import dev.healdesk.core.session.RunRedactor;
import dev.healdesk.core.session.ShardedRuns;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.playwright.Shard;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.PatternCatalogException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code healdesk run}: one headless run, with an exit code a scheduler can act on. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the target's suites, triage every failure, record the run and write its report.",
                "Exit codes: 0 healthy, 1 degraded or failing, 2 usage or configuration error, 3 internal error."})
final class RunCommand implements Callable<Integer>, QuickStart.Command {

    @Spec
    CommandSpec spec;

    @Mixin
    RunFlags flags = new RunFlags();


    @Option(names = "--fault", paramLabel = "NAME",
            description = "Switch a sandbox fault on before the run (repeatable): ${COMPLETION-CANDIDATES}.",
            completionCandidates = FaultNames.class)
    List<String> faults = new ArrayList<>();







    @Option(names = "--db", paramLabel = "FILE|URL", description = "History database: a SQLite file or"
            + " postgresql://host:port/database (default <results-dir>/healdesk.db; env HEALDESK_DB).")
    String db;

    @Option(names = "--patterns", paramLabel = "FILE", description = "Your own patterns.json, merged over the built-in catalog.")
    Path patterns;

    @Option(names = "--artifact-retention-days", paramLabel = "N",
            description = "Delete the screenshots, traces and videos of runs finished more than N days ago (default 7;"
                    + " 0 keeps them; env HEALDESK_ARTIFACT_RETENTION_DAYS). Summaries and history are kept.")
    String retentionDays;

    @Option(names = "--verbose", description = "Print debug events too.")
    boolean verbose;

    @Option(names = "--shard", paramLabel = "i/N",
            description = "Run only shard i of N of the target's Playwright suites (a CI matrix job) and leave its"
                    + " results in --shard-dir for 'healdesk merge'; nothing is triaged, healed or recorded here.")
    String shard;

    @Option(names = "--shard-dir", paramLabel = "DIR",
            description = "Where --shard leaves the shard's results (default ./healdesk-shard-i-of-N).")
    Path shardDir;

    @Option(names = "--rediagnose", description = "Ask the model again even for failures whose diagnosis is cached.")
    boolean rediagnose;

    /** --artifact-retention-days, else HEALDESK_ARTIFACT_RETENTION_DAYS, else the target file's, else 7 days. */
    private ArtifactRetention retention(Map<String, String> env, Optional<TargetSpec.ArtifactsSpec> fromTarget) {
        try {
            if (retentionDays != null) {
                return ArtifactRetention.ofDays(retentionDays.trim(), "--artifact-retention-days");
            }
            if (!env.containsKey(ArtifactRetention.ENV) && fromTarget.map(a -> a.retentionDays() != null).orElse(false)) {
                return new ArtifactRetention(java.time.Duration.ofDays(fromTarget.get().retentionDays()));
            }
            return ArtifactRetention.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }

    /** A headless run tells Slack when it does not end healthy (SLACK_WEBHOOK_URL), as the seeds' scheduled runs do. */
    private static RunListener slack(Map<String, String> env) {
        try {
            return SlackNotifier.fromEnv(env, true).<RunListener>map(n -> n).orElse(RunListener.NONE);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }

    /** --results-dir, else HEALDESK_RESULTS_DIR, else the target file's artifacts.dir, else ./healing-results. */
    private HealdeskPaths paths(Map<String, String> env, Optional<TargetSpec.ArtifactsSpec> fromTarget) {
        HealdeskPaths paths = HealdeskPaths.fromEnvironment(env);
        Path results = flags.resultsDir;
        if (results == null && !env.containsKey(HealdeskPaths.RESULTS_ENV)) {
            results = fromTarget.map(TargetSpec.ArtifactsSpec::dir).map(Path::of).orElse(null);
        }
        if (results != null) {
            paths = paths.withResultsDir(results);
            if (db == null && !env.containsKey(HealdeskPaths.DB_ENV)) {
                paths = paths.withDbFile(results.resolve("healdesk.db"));
            }
        }
        if (db != null) {
            paths = paths.withDatabase(db);
        }
        return paths;
    }

    /** Where problems are told: picocli's stream, or the one {@link QuickStart} gave. */
    private PrintWriter err;

    private PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

    /**
     * The plain forms {@link QuickStart} reads without picocli (whose model of this command, built from annotations,
     * was a sixth of the main thread's work before a run's suites started): each option once, a value attached, a flag
     * bare. {@code --projects} and {@code --fault} (lists), a flag given a value and anything else go to picocli.
     */
    @Override
    public boolean option(String name, String value) {
        return switch (name) {
            case "--target" -> (flags.target = value) != null;
            case "--dry-run" -> QuickStart.flag(value) && (flags.dryRun = Boolean.TRUE);
            case "--skip-llm" -> QuickStart.flag(value) && (flags.skipLlm = Boolean.TRUE);
            case "--max-fixes" -> QuickStart.number(value) >= 0 && (flags.maxFixes = QuickStart.number(value)) >= 0;
            case "--approve" -> (flags.approve = value) != null;
            case "--results-dir" -> (flags.resultsDir = QuickStart.path(value)) != null;
            case "--db" -> (db = value) != null;
            case "--patterns" -> (patterns = QuickStart.path(value)) != null;
            case "--artifact-retention-days" -> (retentionDays = value) != null;
            case "--verbose" -> QuickStart.flag(value) && (verbose = true);
            case "--shard" -> (shard = value) != null;
            case "--shard-dir" -> (shardDir = QuickStart.path(value)) != null;
            case "--rediagnose" -> QuickStart.flag(value) && (rediagnose = true);
            default -> false;
        };
    }

    @Override
    public Integer call(PrintWriter out, PrintWriter err) {
        this.err = err;
        return call(out);
    }

    @Override
    public Integer call() {
        return call(spec.commandLine().getOut());
    }

    private Integer call(PrintWriter out) {
        Map<String, String> env = Cli.config().env();
        RunOptions options = options(env);
        Set<Fault> faultSet = faults();
        String target = target(env);
        boolean sandbox = Targets.SANDBOX.equals(target);
        if (!sandbox && !faultSet.isEmpty()) {
            throw new Cli.UsageException("--fault switches the built-in sandbox's faults; it cannot be used with"
                    + " --target=" + target + ".");
        }
        if (shard != null) {
            return runShard(out, env, options, target);
        }
        Supplier<PatternCatalog> catalog = catalog(env);
        try (Target t = openTarget(target, env, faultSet); SuiteRunner.HeadStart ahead = headStart(t, options)) {
            return heal(out, env, options, catalog, t);
        }
    }

    /**
     * Starts the target's first suite now (Playwright's Node.js and browser are slow to start), before the history is
     * opened and the run set up, which then happens while it starts; the run takes it over. Closed: stopped unless the
     * run took it over (a database that cannot be opened ends the command before its run), and so is a head start that
     * the process's end (Ctrl-C) finds still waiting.
     */
    private static SuiteRunner.HeadStart headStart(Target t, RunOptions options) {
        List<String> projects;
        try {
            projects = selectedProjects(t, options);
        } catch (Cli.UsageException unknownProject) {
            return SuiteRunner.HeadStart.NONE;   // the run says so, as it always has
        }
        SuiteRunner.HeadStart ahead = t.suites().headStart(new LinkedHashSet<>(projects));
        if (ahead == SuiteRunner.HeadStart.NONE) {
            return ahead;
        }
        Thread hook = new Thread(ahead::close, "healdesk-stop-head-start");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                ahead.close();
            } finally {
                removeHook(hook);
            }
        };
    }

    /**
     * The whole loop on {@code t}: its suites (or, for a merge, its shards' results), triage, diagnosis, healing, the
     * record and the report; the exit code says how the run ended.
     */
    int heal(PrintWriter out, Map<String, String> env, RunOptions options, Supplier<PatternCatalog> catalog,
             Target t) {
        try {
            Optional<TargetSpec.ArtifactsSpec> artifacts = t instanceof FileTarget f
                    ? Optional.ofNullable(f.spec().artifacts()) : Optional.empty();
            HealdeskPaths paths = paths(env, artifacts);
            ArtifactRetention retention = retention(env, artifacts);
            try (HealSession session = openSession(new HealSession.Spec(env, history(paths, env),
                    new RunFolderWriter(paths.resultsDir(), retention), catalog,
                    new PolicyGate(System.getProperty("user.name")), null, Clock.systemUTC(), out::println,
                    Provenance.Origin.CLI))) {
                Cancellation cancel = new Cancellation();
                Thread hook = new Thread(cancel::cancel, "healdesk-cancel-on-exit");
                Runtime.getRuntime().addShutdownHook(hook);
                RunSummary summary;
                try {
                    RunListener slack = slack(env);
                    summary = session.runService().run(t, options, event -> {
                        print(out, event);
                        slack.onEvent(event);
                    }, cancel);
                } finally {
                    removeHook(hook);
                }
                RunOutcome outcome = summary.outcome();
                if (outcome.state() == RunOutcome.State.SUITE_ERROR) {
                    err().println("healdesk: " + summary.suiteError());
                }
                // Healthy or healed, nothing else: a run with any failing test that is not flaky never exits 0.
                return outcome.state().passes() ? Cli.HEALTHY : Cli.UNHEALTHY;
            }
        } catch (RunException e) {
            err().println("healdesk: " + e.getMessage());
            return e.isUsageError() ? Cli.USAGE : Cli.INTERNAL;
        }
    }

    /** {@code --shard=i/N}: runs that shard of the target's Playwright suites and leaves its folder for a merge. */
    private int runShard(PrintWriter out, Map<String, String> env, RunOptions options, String target) {
        Shard part;
        try {
            part = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--shard: " + e.getMessage() + ".");
        }
        if (Targets.SANDBOX.equals(target)) {
            throw new Cli.UsageException("--shard splits the Playwright suites of a target file, and the built-in"
                    + " sandbox has none: give --target=FILE with a Playwright suite.");
        }
        Path dir = (shardDir != null ? shardDir : Path.of("healdesk-" + part.folderName())).toAbsolutePath()
                .normalize();
        try (Target t = openTarget(target, env, Set.of())) {
            FileTarget file = (FileTarget) t;
            List<String> projects = selectedProjects(file, options);
            Cancellation cancel = new Cancellation();
            Thread hook = new Thread(cancel::cancel, "healdesk-cancel-on-exit");
            Runtime.getRuntime().addShutdownHook(hook);
            ShardedRuns.ShardFile written;
            try {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                String id = "shard-" + part.index() + "-of-" + part.total();
                written = ShardedRuns.runShard(file, target, part, projects, dir, new RunRedactor(env),
                        Clock.systemUTC(), note -> print(out, new RunEvent.Log(id, RunEvent.Log.Level.INFO, note)),
                        r -> print(out, new RunEvent.TestFinished(id, r, n.incrementAndGet())), cancel);
            } finally {
                removeHook(hook);
            }
            if (cancel.isCancelled()) {
                err().println("healdesk: shard " + part + " was cancelled; " + dir
                        + " holds what ran before. Run the shard again before merging.");
                return Cli.UNHEALTHY;
            }
            long failed = written.results().stream().filter(r -> r.status().isFailure()).count();
            out.println("Shard " + part + " of " + t.name() + ": " + written.results().size() + " result(s), " + failed
                    + " failed" + (written.suiteError() == null ? "" : ", and a suite error") + ". Left in " + dir
                    + "; when all " + part.total() + " shards are done: healdesk merge DIR... (one folder per shard).");
            out.flush();
            return Cli.HEALTHY;
        } catch (SuiteException e) {
            err().println("healdesk: " + e.getMessage());
            return Cli.USAGE;
        } catch (java.io.IOException e) {
            throw new Cli.UsageException("Cannot write the shard folder " + dir + ": " + Cli.ioMessage(e), e);
        }
    }

    /** The projects {@code options} select of {@code target} (all when none), in the target's order. */
    static List<String> selectedProjects(Target target, RunOptions options) {
        List<String> known = target.suites().projects();
        if (options.projects().isEmpty()) {
            return known;
        }
        Set<String> unknown = new LinkedHashSet<>(options.projects());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new Cli.UsageException("--projects: unknown project(s) " + String.join(", ", unknown) + " for target "
                    + target.name() + ". Known projects: " + String.join(", ", known) + ".");
        }
        return known.stream().filter(options.projects()::contains).toList();
    }

    private void print(PrintWriter out, RunEvent event) {
        if (event instanceof RunEvent.Log log && log.level() == RunEvent.Log.Level.DEBUG && !verbose) {
            return;
        }
        String line = RunEventFormatter.format(event);
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }

    /**
     * Checks {@code args} as {@code healdesk run} would take them, running nothing: its parser, then its own checks
     * of the values and of a target file. For the runs that others start later (a timer, a workflow).
     *
     * @throws Cli.UsageException naming the flag and what to do
     */
    static void check(List<String> args, Map<String, String> env) {
        CommandLine line = new CommandLine(new RunCommand());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new Cli.UsageException(e.getMessage(), e);
        }
        RunCommand run = line.getCommand();
        run.options(env);
        run.faults();
        String target = run.target(env);
        if (!Targets.SANDBOX.equals(target)) {
            try {
                new TargetFiles().load(Path.of(target), env);
            } catch (TargetFileException e) {
                throw new Cli.UsageException("--target: " + e.getMessage(), e);
            }
        }
    }

    /** Each option: its flag, else the settings' layers (file < .env < environment; checked there), else its default. */
    RunOptions options(Map<String, String> env) {
        Settings settings = Settings.of(env);
        boolean dry = flags.dryRun != null ? flags.dryRun : settings.run().dryRun();
        boolean skip = flags.skipLlm != null ? flags.skipLlm : settings.run().skipLlm();
        int fixes = flags.maxFixes != null ? flags.maxFixes : settings.run().maxFixes();
        if (fixes < 0) {
            throw new Cli.UsageException("--max-fixes must be 0 or more, got " + fixes + ".");
        }
        ApprovalPolicy policy;
        try {
            policy = flags.approve != null ? ApprovalPolicy.resolve(flags.approve, dry)
                    : settings.playbooks().approval(dry);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--approve " + e.getMessage() + ".");
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String p : flags.projects != null ? flags.projects : settings.target().projects()) {
            if (!p.isBlank()) {
                selected.add(p.trim());
            }
        }
        return new RunOptions(selected, dry, skip, fixes, policy, verbose, rediagnose,
                settings.run().failingBelow());
    }

    private Set<Fault> faults() {
        Set<Fault> set = new LinkedHashSet<>();
        for (String name : faults) {
            set.add(Fault.fromId(name).orElseThrow(() -> new Cli.UsageException("--fault: unknown fault '" + name
                    + "'. Known faults: " + String.join(", ", new FaultNames()) + ".")));
        }
        return set;
    }

    /**
     * --patterns, else the settings' run.patterns (HEALDESK_PATTERNS), read now; else the built-in catalog alone, built
     * when the run first triages a failure.
     */
    Supplier<PatternCatalog> catalog(Map<String, String> env) {
        try {
            return HealSession.catalogOnFirstUse(patterns, env);
        } catch (PatternCatalogException e) {
            throw new Cli.UsageException((patterns != null ? "--patterns: " : "HEALDESK_PATTERNS: ") + e.getMessage(),
                    e);
        }
    }

    /** Where the history is; a PostgreSQL URL with a password (or malformed) is the operator's to mend (exit 2). */
    private static HistoryLocation history(HealdeskPaths paths, Map<String, String> env) {
        try {
            return paths.history(env);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage(), e);
        }
    }

    private static HealSession openSession(HealSession.Spec spec) {
        try {
            return HealSession.open(spec);
        } catch (HistoryException | IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage(), e);
        }
    }

    /** --target, else the settings' target file (HEALDESK_TARGET), else the sandbox. */
    private String target(Map<String, String> env) {
        if (flags.target != null) {
            return flags.target;
        }
        return Settings.of(env).target().file().map(Path::toString).orElse(Targets.SANDBOX);
    }

    Target openTarget(String target, Map<String, String> env, Set<Fault> faultSet) {
        try {
            return Targets.open(target, env, Optional.empty(), faultSet);
        } catch (TargetFileException e) {
            throw new Cli.UsageException("--target: " + e.getMessage(), e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // the JVM is shutting down; the hook has done its job
        }
    }

    /** Fault names for --help and for error messages. */
    static final class FaultNames extends ArrayList<String> {
        FaultNames() {
            super(Arrays.stream(Fault.values()).map(Fault::id).toList());
        }
    }
}
