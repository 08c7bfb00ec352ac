package dev.healdesk.app;

import dev.healdesk.app.fx.DialogService;
import dev.healdesk.app.failures.ArtifactOpener;
import dev.healdesk.app.failures.DesktopArtifactOpener;
import dev.healdesk.app.failures.PlaybookPicks;
import dev.healdesk.app.doctor.DoctorViewModel;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.playbooks.ConsoleGate;
import dev.healdesk.app.run.RunAction;
import dev.healdesk.app.run.SandboxSwitchboard;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.app.settings.SettingsViewModel;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.config.Setting;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.doctor.Doctor;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.notify.SlackNotifier;
import dev.healdesk.core.report.ArtifactRetention;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.playbook.GuardrailCounters;
import dev.healdesk.core.playbook.PlaybookExecutor;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.session.HealSession;
import dev.healdesk.core.session.RunService;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxTarget;
import dev.healdesk.core.suite.BrowserLocator;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.Target;
import dev.healdesk.core.config.TargetFileException;
import dev.healdesk.core.config.Targets;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The console's composition root: every service is built here with {@code new}, in order, and
 * closed here in reverse. What needs I/O (the history database, the pattern catalog) is built first
 * thing on the worker thread, so the window's first frame never waits for it. The executors are made once:
 * {@code healdesk-run} (one thread: the sandbox start and the runs, one after the other), {@code healdesk-worker}
 * (one thread: history queries, fault switches, GPU and Ollama probes, so they never wait behind a run) and
 * {@code healdesk-download} (one thread: model pulls, which take minutes and must hold up neither) and
 * {@code healdesk-doctor} (the setup check, whose parts run at the same time). All are daemon
 * threads whose failures are logged.
 * <p>
 * The environment is passed in rather than read here, so that the demo mode can point the console at an Ollama
 * stand-in ({@code OLLAMA_HOST}, {@code OLLAMA_MODEL}) without touching the process's real environment.
 */
public final class AppContext implements AutoCloseable {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(AppContext.class);
    }
    private static final long SHUTDOWN_WAIT_MS = 5_000;

    private final HealdeskPaths paths;
    private final Map<String, String> env;
    private final RunFolderWriter folders;
    private final Object coreLock = new Object();
    private CompletableFuture<Core> core;
    private volatile Thread workerThread;
    private final ExecutorService runExecutor;
    private final ExecutorService worker;
    private final ExecutorService downloads;
    /** The setup check's: the doctor and its parts, at the same time (each within the doctor's limit). */
    private final ExecutorService doctor;
    private final FxBridge bridge;
    /** Asks the operator for the session's executor; made before the console that answers it. */
    private final ConsoleGate gate;
    /** The operator's picks of suggested playbooks, which the session's executor proposes. */
    private final PlaybookPicks picks = new PlaybookPicks();
    private final Object sandboxLock = new Object();
    private CompletableFuture<SandboxTarget> sandbox;
    /** The target file the console runs instead of the sandbox (HEALDESK_TARGET), or null. */
    private final String targetFile;
    private CompletableFuture<Target> fileTarget;
    public static final String TARGET_ENV = Setting.TARGET_FILE.variable().orElseThrow();
    /** Critical failures and healed fixes of the console's runs, to Slack when SLACK_WEBHOOK_URL is set. */
    private final RunListener slack;
    private volatile boolean closed;

    private static RunListener slackNotifier(Map<String, String> env) {
        try {
            return SlackNotifier.fromEnv(env, false).<RunListener>map(n -> n).orElse(RunListener.NONE);
        } catch (IllegalArgumentException e) {
            log().warn("{} No Slack notifications this session.", e.getMessage());
            return RunListener.NONE;
        }
    }

    /** The artifact retention from the environment; a bad value keeps the default and says so in the log. */
    private static ArtifactRetention retention(Map<String, String> env) {
        try {
            return ArtifactRetention.fromEnv(env);
        } catch (IllegalArgumentException e) {
            log().warn("{} Using the default of 7 days.", e.getMessage());
            return new ArtifactRetention(ArtifactRetention.DEFAULT);
        }
    }

    /** The console's context, with results and history where {@code paths} say, over the process's environment. */
    public AppContext(HealdeskPaths paths) {
        this(paths, FxBridge.platform(), Config.fromProcess().env());
    }

    /** @param env the environment the LLM setup reads ({@code OLLAMA_HOST}, {@code OLLAMA_MODEL}, …) */
    public AppContext(HealdeskPaths paths, FxBridge bridge, Map<String, String> env) {
        this.paths = paths;
        this.env = Map.copyOf(env);
        this.bridge = bridge;
        this.gate = new ConsoleGate(bridge, System.getProperty("user.name"));
        this.slack = slackNotifier(this.env);
        String file = this.env.get(TARGET_ENV);
        this.targetFile = file == null || file.isBlank() ? null : file.trim();
        this.folders = new RunFolderWriter(paths.resultsDir(), retention(this.env));
        this.runExecutor = Executors.newSingleThreadExecutor(named("healdesk-run"));
        ThreadFactory workerThreads = named("healdesk-worker");
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = workerThreads.newThread(r);
            workerThread = t;
            return t;
        });
        this.downloads = Executors.newSingleThreadExecutor(named("healdesk-download"));
        this.doctor = Executors.newCachedThreadPool(named("healdesk-doctor"));
    }

    /**
     * Opening SQLite (its native library) and parsing the pattern catalog take most of a second on a
     * small machine, so they are not done in the constructor: the first call here starts them on the
     * worker (the console makes it after its first frame), and every later worker job runs after them.
     */
    private CompletableFuture<Core> core() {
        CompletableFuture<Core> opening;
        synchronized (coreLock) {
            if (core != null) {
                return core;
            }
            core = new CompletableFuture<>();
            opening = core;
        }
        Runnable open = () -> {
            try {
                opening.complete(openCore());
            } catch (RuntimeException e) {
                opening.completeExceptionally(e);
            }
        };
        if (Thread.currentThread() == workerThread) {
            open.run();   // already on the worker: queueing behind ourselves and waiting would never end
        } else {
            try {
                worker.execute(open);
            } catch (RejectedExecutionException e) {
                opening.completeExceptionally(new IllegalStateException("The console is closing"));
            }
        }
        return opening;
    }

    /** The services that need I/O to build: the history database, the triage and the run loop over them. */
    private record Core(HistoryStore history, RunService runService, LlmSetup llm, PlaybookExecutor playbooks) {
    }

    private Core openCore() {
        // One session for the console's life, so the guardrail counters span its runs. Its gate asks the operator in
        // the Playbooks queue (policy ask, the console's default; class B and C and high-risk playbooks are asked
        // under every policy), and it proposes the playbooks the operator picked on the Failures screen.
        HealSession session = HealSession.open(new HealSession.Spec(env, paths.history(env), folders,
                HealSession.catalog(null, env), gate, picks, Clock.systemUTC(), notice -> log().info("{}", notice),
                Provenance.Origin.CONSOLE));
        return new Core(session.history(), session.runService(), session.llm(), session.playbooks());
    }

    /** The console's context over {@code env}: paths, Ollama and the model choice as it says. */
    public static AppContext fromEnvironment(Map<String, String> env) {
        return new AppContext(HealdeskPaths.fromEnvironment(env), FxBridge.platform(), env);
    }

    public HealdeskPaths paths() {
        return paths;
    }

    /**
     * Opens the history database and the run service (on the worker, once) and completes when they are
     * open; fails with the reason if they cannot be.
     */
    public CompletableFuture<Void> ready() {
        return core().thenApply(c -> (Void) null);
    }

    /** The history store; waits for it to open, so call it off the FX thread (the worker does). */
    public HistoryStore history() {
        return awaitCore().history();
    }

    private Core awaitCore() {
        try {
            return core().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** GPUs, Ollama and the model choice; waits for the core to open, so call it off the FX thread. */
    public LlmSetup llm() {
        return awaitCore().llm();
    }

    public FxBridge bridge() {
        return bridge;
    }

    /** The settings screen's model over {@code config}: it writes the settings file on the worker. */
    public SettingsViewModel newSettingsModel(Config config, ThemeService theme) {
        return new SettingsViewModel(config, theme, worker, bridge);
    }

    /**
     * The console's view models over this context's services.
     *
     * @param showDocument the application's HostServices::showDocument, which opens a file with the desktop's viewer
     */
    public ConsoleViewModel newConsoleModel(DialogService dialogs, Consumer<String> showDocument) {
        ArtifactOpener artifacts = new DesktopArtifactOpener(showDocument, DesktopArtifactOpener.processes(), worker,
                bridge, dialogs);
        // The setup check needs neither the history nor the core: it must answer when they cannot open.
        DoctorViewModel setup = new DoctorViewModel(() -> Doctor.fromEnvironment(env, paths, doctor),
                Preferences.fromEnvironment(env), doctor, bridge);
        return new ConsoleViewModel(new ConsoleServices(runAction(), this::history, this::llm,
                new ConsoleServices.Threads(runExecutor, worker, downloads), bridge, dialogs, paths.resultsDir(), gate,
                picks, this::counters, artifacts, setup));
    }

    /** The session's guardrail counters, or null while the core is not open (never waits: the FX thread asks). */
    private GuardrailCounters counters() {
        CompletableFuture<Core> opened;
        synchronized (coreLock) {
            opened = core;
        }
        if (opened == null || !opened.isDone() || opened.isCompletedExceptionally()) {
            return null;
        }
        return opened.join().playbooks().counters();
    }

    /**
     * Starts the sandbox target once, on the run executor (it binds a port and prepares the browser:
     * never on the FX thread, never before the first frame); later calls return the same future.
     */
    public CompletableFuture<SandboxTarget> startSandbox() {
        synchronized (sandboxLock) {
            if (sandbox == null) {
                sandbox = CompletableFuture.supplyAsync(this::openSandbox, runExecutor);
            }
            return sandbox;
        }
    }

    private SandboxTarget openSandbox() {
        if (closed) {
            throw new IllegalStateException("The console is closing");
        }
        String browser = env.get(BrowserLocator.ENV_VAR);
        SandboxTarget target = SandboxTarget.start(SandboxOptions.defaults(), null,
                browser == null || browser.isBlank() ? null : browser.strip());
        log().info("Sandbox target up at {}", target.server().baseUrl());
        return target;
    }

    /**
     * The target the console runs: the sandbox, or the target file HEALDESK_TARGET names (opened once, on the
     * run executor; a bad file fails the future with the loader's message, naming the file and line).
     */
    public CompletableFuture<Target> startTarget() {
        if (targetFile == null) {
            return startSandbox().thenApply(t -> t);
        }
        synchronized (sandboxLock) {
            if (fileTarget == null) {
                fileTarget = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Targets.open(targetFile, env, java.util.Optional.empty(), java.util.Set.of());
                    } catch (TargetFileException e) {
                        throw new CompletionException(e);
                    }
                }, runExecutor);
            }
            return fileTarget;
        }
    }

    /**
     * Starts the console's target (if not yet) and, once it is up, hands its projects (and the sandbox's fault
     * switches) to the console; a failure to start is reported to the console instead. Call on the FX thread.
     */
    public void connectSandbox(ConsoleViewModel console) {
        if (targetFile != null) {
            startTarget().whenComplete((target, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    log().warn("The target {} did not open", targetFile, cause);
                    bridge.post(() -> console.targetFailed(targetFile, String.valueOf(cause.getMessage())));
                    return;
                }
                String name = target.name();
                java.util.List<String> projects = target.suites().projects();
                bridge.post(() -> {
                    console.targetReady(name, targetFile, projects, null);
                    console.faults().unavailable("the fault switches belong to the built-in sandbox; this console"
                            + " runs the target file " + targetFile + " (" + TARGET_ENV + ")");
                });
            });
            return;
        }
        startSandbox().whenComplete((target, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log().warn("The sandbox target did not start", cause);
                bridge.post(() -> console.targetFailed("sandbox", String.valueOf(cause.getMessage())));
                return;
            }
            // Read here, on the run executor: asking the target for its suites may touch the disk.
            String name = target.name();
            String address = target.server().baseUrl().toString();
            java.util.List<String> projects = target.suites().projects();
            SandboxSwitchboard switchboard = new SandboxSwitchboard(target.server());
            bridge.post(() -> console.targetReady(name, address, projects, switchboard));
        });
    }

    private RunAction runAction() {
        return (options, listener, cancel) -> {
            // Cancelling the run withdraws the question the gate may be waiting on.
            Subscription watching = gate.watch(cancel);
            try {
                return runService().run(currentTarget(), options, event -> {
                    listener.onEvent(event);
                    slack.onEvent(event);
                }, cancel);
            } finally {
                watching.unsubscribe();
            }
        };
    }

    private RunService runService() throws RunException {
        try {
            return awaitCore().runService();
        } catch (RuntimeException e) {
            throw RunException.usage("Healdesk could not open its history or pattern catalog: " + e.getMessage());
        }
    }

    private Target currentTarget() throws RunException {
        CompletableFuture<Target> started = startTarget();
        try {
            return started.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw RunException.usage("The target is not available: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RunException.usage("Interrupted while waiting for the target");
        }
    }

    /**
     * Stops the executors (a run in progress gets a few seconds; a pull is cancelled by its view model before),
     * then closes the sandbox and the history.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gate.close();   // a run waiting for the operator gets a rejection now, not when the executor gives up on it
        doctor.shutdownNow();   // a setup check still waiting on a part is abandoned: nothing is left to show it
        stop(downloads, "healdesk-download");
        stop(worker, "healdesk-worker");
        stop(runExecutor, "healdesk-run");
        CompletableFuture<? extends Target> started;
        CompletableFuture<Target> file;
        synchronized (sandboxLock) {
            started = sandbox;
            file = fileTarget;
        }
        if (file != null) {
            file.thenAccept(Target::close);
        }
        if (started != null) {
            // Closes at once when the sandbox is up, or as soon as a start still under way completes.
            started.thenAccept(target -> {
                try {
                    target.close();
                } catch (RuntimeException e) {
                    log().warn("The sandbox did not close cleanly", e);
                }
            });
        }
        CompletableFuture<Core> opened;
        synchronized (coreLock) {
            opened = core;
        }
        if (opened == null) {
            return;
        }
        opened.thenAccept(c -> {
            try {
                c.history().close();
            } catch (RuntimeException e) {
                log().warn("The history database did not close cleanly", e);
            }
        });
    }

    private static void stop(ExecutorService executor, String name) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                log().warn("{} did not finish within {} ms; interrupting it", name, SHUTDOWN_WAIT_MS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> log().error("Uncaught failure on {}", thread.getName(), e));
            return t;
        };
    }
}
