package dev.healdesk.core.doctor;

import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.gpu.GpuDetector;
import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelChoice;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.llm.OllamaStatus;
import dev.healdesk.core.llm.VramBudget;
import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.suite.BrowserChoice;
import dev.healdesk.core.suite.BrowserLocator;
import dev.healdesk.core.suite.SuiteException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first-start check of everything a run leans on: the GPU, Ollama, the model, the browser, Node.js with npx (for
 * Playwright Test suites), the history database and the results folder. Each part becomes one {@link Check} that says
 * what was found and, when something is off, what to do, with the exact commands.
 * <p>
 * The parts are checked at the same time on the given executor, each within {@link #limit}: a hanging Ollama or
 * nvidia-smi costs at most that, and its check says so. Nothing is changed, except that a file is created and deleted
 * at once in the database's and results' folders to learn whether they are writable (a permission bit does not tell:
 * root, read-only mounts and ACLs all answer differently). The console's setup check and {@code healdesk doctor} are
 * two front ends over this class.
 */
public final class Doctor {
    /** How long one part may take before its check reports that it did not answer. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
    /** How long {@code node --version} may take. */
    public static final Duration NODE_LIMIT = Duration.ofSeconds(5);
    /** The oldest Node.js that Playwright Test supports. */
    public static final int MIN_NODE_MAJOR = 18;

    static final String INSTALL_CHROMIUM = "sudo apt-get install -y chromium";
    static final String INSTALL_NODE = "sudo apt-get install -y nodejs npm";
    static final String INSTALL_OLLAMA = "curl -fsSL https://ollama.com/install.sh | sh";
    private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private final LlmSetup llm;
    private final BrowserLocator browsers;
    private final HealdeskPaths paths;
    private final Map<String, String> env;
    private final Executor executor;
    private final Duration limit;
    /** What the settings' layers refused (file and line in each), shown as a part of its own when there is any. */
    private List<String> settingsProblems = List.of();

    /**
     * @param env      the variables the checks read (PATH for node, npx and ollama; OLLAMA_HOST)
     * @param executor where the parts are checked; give it at least seven threads for them to run at once
     * @param limit    how long each part may take
     */
    public Doctor(LlmSetup llm, BrowserLocator browsers, HealdeskPaths paths, Map<String, String> env,
                  Executor executor, Duration limit) {
        this.llm = Objects.requireNonNull(llm, "llm");
        this.browsers = Objects.requireNonNull(browsers, "browsers");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.env = Map.copyOf(env);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** The standard doctor over {@code env}: nvidia-smi then OSHI, {@code OLLAMA_HOST}, the usual browser places. */
    public static Doctor fromEnvironment(Map<String, String> env, HealdeskPaths paths, Executor executor) {
        return new Doctor(LlmSetup.fromEnvironment(env), new BrowserLocator(env, BrowserLocator.KNOWN_LOCATIONS),
                paths, env, executor, DEFAULT_LIMIT);
    }

    public Duration limit() {
        return limit;
    }

    /** Adds a "settings" part listing {@code problems} (each naming its file and line), when there are any. */
    public Doctor withSettingsProblems(List<String> problems) {
        this.settingsProblems = List.copyOf(problems);
        return this;
    }

    /** Checks every part (at the same time) and returns when all have answered or run out of time. */
    public DoctorReport run() {
        long t0 = System.nanoTime();
        String host = llm.ollama().host();
        CompletableFuture<Timed<GpuReport>> gpus = timed(llm::probeGpus,
                why -> GpuReport.cpuOnly(List.of("The GPU probe " + why + ".")));
        CompletableFuture<Timed<OllamaStatus>> ollama = timed(() -> llm.ollama().status(),
                why -> OllamaStatus.unreachable(host, "Ollama at " + host + " " + why + ". Start it with 'ollama"
                        + " serve', or set OLLAMA_HOST to where it runs. Runs go on with pattern triage only."));
        CompletableFuture<Timed<Located>> browser = timed(this::locateBrowser,
                why -> new Located(null, "Looking for a browser " + why + "."));
        CompletableFuture<Check> node = checked(this::nodeCheck, "node", "Node.js");
        CompletableFuture<Check> database = checked(this::databaseCheck, "database", "Database");
        CompletableFuture<Check> results = checked(this::resultsCheck, "results", "Results");

        Timed<GpuReport> g = gpus.join();
        Timed<OllamaStatus> o = ollama.join();
        long m0 = System.nanoTime();
        ModelChoice choice = llm.choose(g.value(), o.value());
        Check model = modelCheck(choice, o.value()).withElapsed(Math.max(g.ms(), o.ms()) + millisSince(m0));
        Timed<Located> b = browser.join();
        List<Check> checks = new ArrayList<>(List.of(
                gpuCheck(g.value(), llm.budget(g.value(), o.value())).withElapsed(g.ms()),
                ollamaCheck(o.value()).withElapsed(o.ms()),
                model,
                browserCheck(b.value()).withElapsed(b.ms()),
                node.join(),
                database.join(),
                results.join()));
        if (!settingsProblems.isEmpty()) {
            checks.add(Check.of("settings", "Settings", CheckStatus.MISSING, settingsProblems.size()
                            + (settingsProblems.size() == 1 ? " setting is" : " settings are")
                            + " refused, and their defaults (or the layer below) are used instead")
                    .withDetails(settingsProblems)
                    .withAdvice("Fix each in the file and line it names, or with 'healdesk config set KEY VALUE';"
                            + " 'healdesk config' shows what is in force and where it comes from.", "healdesk config"));
        }
        return new DoctorReport(checks, new LlmSetup.Snapshot(g.value(), o.value(), choice),
                Optional.ofNullable(b.value().choice()), b.value().problem(), paths.dbFile(), millisSince(t0));
    }

    // ---- Running the parts --------------------------------------------------------------------

    /** A value and how long it took to get. */
    private record Timed<T>(T value, long ms) {
    }

    /** The browser a run would launch, or why the configured one cannot be used. */
    private record Located(BrowserChoice choice, String problem) {
    }

    /**
     * {@code work} on the executor, timed; when it throws or runs past the limit, {@code failed} makes the value from
     * the reason ("did not answer within 10 s", "failed (…)"). Never completes exceptionally.
     */
    private <T> CompletableFuture<Timed<T>> timed(Supplier<T> work, Function<String, T> failed) {
        long start = System.nanoTime();
        CompletableFuture<Timed<T>> f;
        try {
            f = CompletableFuture.supplyAsync(() -> {
                long t = System.nanoTime();
                T value = work.get();
                return new Timed<>(value, millisSince(t));
            }, executor);
        } catch (RejectedExecutionException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.completeOnTimeout(null, limit.toMillis(), TimeUnit.MILLISECONDS).handle((v, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                return new Timed<>(failed.apply("failed (" + cause + ")"), millisSince(start));
            }
            if (v == null) {
                return new Timed<>(failed.apply("did not answer within " + seconds(limit)), limit.toMillis());
            }
            return v;
        });
    }

    /** {@link #timed} for a part that makes its own check: the check, with how long it took. */
    private CompletableFuture<Check> checked(Supplier<Check> work, String id, String title) {
        return timed(work, why -> late(id, title, why)).thenApply(t -> t.value().withElapsed(t.ms()));
    }

    private static Check late(String id, String title, String why) {
        return Check.of(id, title, CheckStatus.WARNING, "The check " + why)
                .withAdvice("Check again; if it keeps hanging, the machine is"
                        + " overloaded or a disk does not answer.");
    }

    private Located locateBrowser() {
        try {
            return new Located(browsers.locate(), null);
        } catch (SuiteException e) {
            return new Located(null, e.getMessage());
        }
    }

    /** Finds programs on the PATH of {@link #env} and runs them as argument vectors with a time limit. */
    private CommandRunner programs() {
        return new CommandRunner(NODE_LIMIT, UnaryOperator.identity(),
                env.containsKey("PATH") ? Map.of("PATH", env.get("PATH")) : Map.of());
    }

    // ---- The checks ---------------------------------------------------------------------------

    static Check gpuCheck(GpuReport report) {
        return gpuCheck(report, LlmSetup.budget(report));
    }

    /**
     * The GPUs, their MIG devices, and the room a model has: on a GPU with unified memory that is the system's
     * available memory less the reserve, and the check says so and why.
     */
    static Check gpuCheck(GpuReport report, VramBudget budget) {
        List<String> details = new ArrayList<>();
        for (GpuInfo g : report.gpus()) {
            details.add(describe(g));
            g.migSlices().forEach(m -> details.add("  " + m.label() + ": " + (m.usedMiB() == GpuInfo.UNKNOWN
                    ? "about " + gb(m.totalMiB()) + " (from its profile name)"
                    : gb(m.usableMiB()) + " free of " + gb(m.totalMiB())) + (m.uuid() == null ? "" : "; " + m.uuid())));
        }
        report.notes().stream().filter(n -> !n.equals(GpuDetector.CPU_ONLY_NOTE)).forEach(details::add);
        if (report.cpuOnly()) {
            return Check.of("gpu", "GPU", CheckStatus.WARNING,
                            "No NVIDIA GPU found: a model runs on the CPU, a diagnosis takes minutes")
                    .withDetails(details)
                    .withAdvice("If this machine has an NVIDIA GPU, install its driver until `nvidia-smi` answers"
                            + " (Ubuntu: `sudo ubuntu-drivers install`). Without one, choose a small model such as"
                            + " llama3.2, or skip the LLM diagnosis: pattern triage needs no GPU.");
        }
        details.add("Room for a model: " + budget.basis() + ".");
        if (!budget.gpu()) {
            return Check.of("gpu", "GPU", CheckStatus.WARNING, "No GPU is visible to Ollama: " + budget.basis())
                    .withDetails(details)
                    .withAdvice("Unset CUDA_VISIBLE_DEVICES, or set it to a GPU's index or UUID (`nvidia-smi -L`"
                            + " lists them), for Healdesk and for the Ollama service alike.");
        }
        GpuInfo best = report.best().orElseThrow();
        String many = report.gpus().size() > 1 ? " (the best of " + report.gpus().size() + " GPUs)" : "";
        String finding;
        if (budget.device().contains("unified memory")) {
            GpuInfo unified = report.gpus().stream().filter(GpuInfo::unifiedMemory).findFirst().orElse(best);
            finding = unified.name() + ": unified memory, " + (budget.known() ? gb(budget.freeMiB())
                    + " of the system memory available for a model" : "the system memory could not be read")
                    + ", via " + report.source();
        } else if (budget.device().equals("GPU " + best.index() + " (" + best.name() + ")")) {
            finding = best.name() + ": " + gb(best.freeMiB()) + " free of " + gb(best.totalMiB()) + many
                    + ", via " + report.source();
        } else {
            finding = budget.device() + ": " + (budget.known() ? gb(budget.freeMiB()) + " for a model"
                    : "free memory unknown") + ", via " + report.source();
        }
        if (GpuInfo.OSHI.equals(report.source())) {
            return Check.of("gpu", "GPU", CheckStatus.WARNING, finding + " (approximate)").withDetails(details)
                    .withAdvice("nvidia-smi did not answer, so the VRAM figures are guesses and the model choice may"
                            + " be off. Install the NVIDIA driver until `nvidia-smi` answers.");
        }
        if (!budget.known()) {
            return Check.of("gpu", "GPU", CheckStatus.WARNING, finding).withDetails(details)
                    .withAdvice("Healdesk cannot size a model without the GPU's free memory: pick one by hand on the"
                            + " Hardware screen (`OLLAMA_MODEL` sets one for every run).");
        }
        return Check.of("gpu", "GPU", CheckStatus.OK, finding).withDetails(details);
    }

    Check ollamaCheck(OllamaStatus s) {
        if (!s.reachable()) {
            // The client's own sentence ("… Start it with 'ollama serve' …") would repeat the finding and the advice.
            Check missing = Check.of("ollama", "Ollama", CheckStatus.MISSING, "Not reachable at " + s.host()
                    + ": runs go on with pattern triage only, without a model's diagnosis");
            if (local(s.host()) && !programs().onPath("ollama")) {
                return missing.withAdvice("Ollama is not installed here (no `ollama` on the PATH). Install it, start"
                        + " it, then check again; or set OLLAMA_HOST to where one runs.", INSTALL_OLLAMA,
                        "ollama serve");
            }
            return missing.withAdvice("Start Ollama (where it was installed as a service: `sudo systemctl start"
                    + " ollama`), or set OLLAMA_HOST to where it runs, then check again.", "ollama serve");
        }
        List<String> details = new ArrayList<>();
        s.installed().forEach(m -> details.add("installed: " + m.name() + " (" + gb(m.sizeBytes() >> 20) + ")"));
        s.loaded().forEach(m -> details.add("loaded: " + m.name() + (m.partlyOnCpu()
                ? " (partly on the CPU: it does not fit the VRAM)" : " (in VRAM)")));
        String finding = "Ollama " + s.version() + " at " + s.host() + ", " + s.installed().size()
                + " model(s) installed";
        if (s.problem() != null) {
            details.add(s.problem());
            return Check.of("ollama", "Ollama", CheckStatus.WARNING, finding.replaceFirst(", \\d+ model.*",
                            " answers, but listing its models failed")).withDetails(details)
                    .withAdvice("Look at Ollama's own log (`journalctl -u ollama` where it runs as a service), restart"
                            + " it, then check again.");
        }
        return Check.of("ollama", "Ollama", CheckStatus.OK, finding).withDetails(details);
    }

    Check modelCheck(ModelChoice c, OllamaStatus s) {
        String who = switch (c.source()) {
            case ENVIRONMENT -> "set by OLLAMA_MODEL";
            case OPERATOR -> "your choice";
            case RECOMMENDED -> "recommended";
        };
        String finding = c.model() + " (" + who + "): " + c.reason();
        List<String> details = new ArrayList<>();
        if (c.warning() != null) {
            details.add(c.warning());
        }
        details.add("Ollama runs it on " + c.device() + (c.split() ? " (split across the GPUs)" : "") + ".");
        String pull = (env.containsKey(OllamaLlmClient.HOST_ENV) ? "OLLAMA_HOST=" + s.host() + " " : "")
                + "ollama pull " + c.model();
        if (!s.reachable()) {
            return Check.of("model", "Model", CheckStatus.WARNING, finding).withDetails(details)
                    .withAdvice("Ollama does not answer, so whether " + c.model() + " is installed is unknown. Start"
                            + " Ollama first (see above); if the model is missing, pull it.", pull);
        }
        if (!c.installed()) {
            return Check.of("model", "Model", CheckStatus.MISSING, finding + "; not installed in Ollama")
                    .withDetails(details)
                    .withAdvice("Pull it (several GB, once), here or with Pull on the Hardware screen.", pull);
        }
        if (!c.fits()) {
            return Check.of("model", "Model", CheckStatus.WARNING, finding).withDetails(details)
                    .withAdvice(c.source() == ModelChoice.Source.ENVIRONMENT
                            ? "Set OLLAMA_MODEL to a model that fits, or unset it so that Healdesk picks one."
                            : "Choose a smaller model on the Hardware screen; a model split between GPU and CPU"
                            + " answers very slowly.");
        }
        return Check.of("model", "Model", CheckStatus.OK, finding).withDetails(details);
    }

    static Check browserCheck(Located found) {
        if (found.problem() != null) {
            return Check.of("browser", "Browser", CheckStatus.MISSING, "The configured browser cannot be used")
                    .withDetails(List.of(found.problem()))
                    .withAdvice("Point " + BrowserLocator.ENV_VAR + " at a Chromium or Chrome executable, or unset it"
                            + " so that Healdesk finds one itself; install Chromium if there is none.",
                            INSTALL_CHROMIUM);
        }
        BrowserChoice b = found.choice();
        if (b.isPlaywrightBundled()) {
            return Check.of("browser", "Browser", CheckStatus.WARNING, "No Chromium or Chrome on this machine:"
                            + " Playwright downloads its own on the first run, which needs the network")
                    .withAdvice("Install Chromium (the sandbox and the probes launch it), or set "
                            + BrowserLocator.ENV_VAR + " to a Chromium or Chrome executable.", INSTALL_CHROMIUM);
        }
        return Check.of("browser", "Browser", CheckStatus.OK, b.description());
    }

    Check nodeCheck() {
        String use = "Playwright Test suites (a target file's `playwright:` suites) and Open trace need Node.js "
                + MIN_NODE_MAJOR + "+ with npx; the sandbox and the built-in probes do not.";
        String install = "Install Node.js " + MIN_NODE_MAJOR + " or newer with npm (Debian 12 and Ubuntu 24.04 ship"
                + " it; on older releases take it from nodejs.org or nvm), or put its bin folder on the PATH"
                + " Healdesk runs with.";
        CommandRunner programs = programs();
        if (!programs.onPath("node")) {
            return Check.of("node", "Node.js", CheckStatus.MISSING, "node is not on the PATH")
                    .withDetails(List.of(use)).withAdvice(install, INSTALL_NODE);
        }
        CommandRunner.Result r;
        try {
            r = programs.run(List.of("node", "--version"), NODE_LIMIT, null);
        } catch (PlaybookException e) {
            return Check.of("node", "Node.js", CheckStatus.MISSING, "node is on the PATH but cannot be run")
                    .withDetails(List.of(String.valueOf(e.getMessage()), use)).withAdvice(install, INSTALL_NODE);
        }
        if (r.timedOut()) {
            return Check.of("node", "Node.js", CheckStatus.WARNING, "`node --version` did not answer within "
                    + seconds(NODE_LIMIT) + " and was stopped").withDetails(List.of(use)).withAdvice(install,
                    INSTALL_NODE);
        }
        Matcher m = NODE_VERSION.matcher(r.stdout().strip());
        if (r.exitCode() != 0 || !m.lookingAt()) {
            return Check.of("node", "Node.js", CheckStatus.WARNING, "`node --version` answered "
                            + (r.exitCode() != 0 ? "with exit " + r.exitCode() : "no version") + ": "
                            + firstLine(r.output()))
                    .withDetails(List.of(use)).withAdvice(install, INSTALL_NODE);
        }
        String version = "v" + m.group(1) + "." + m.group(2) + "." + m.group(3);
        if (Integer.parseInt(m.group(1)) < MIN_NODE_MAJOR) {
            return Check.of("node", "Node.js", CheckStatus.WARNING, "Node.js " + version + " is too old: Playwright"
                    + " needs " + MIN_NODE_MAJOR + " or newer").withDetails(List.of(use)).withAdvice(install,
                    INSTALL_NODE);
        }
        if (!programs.onPath("npx")) {
            return Check.of("node", "Node.js", CheckStatus.WARNING, "Node.js " + version + ", but npx is not on the"
                    + " PATH").withDetails(List.of(use)).withAdvice("Install npm, which brings npx.",
                    "sudo apt-get install -y npm");
        }
        return Check.of("node", "Node.js", CheckStatus.OK, "Node.js " + version + " with npx")
                .withDetails(List.of(use));
    }

    Check databaseCheck() {
        if (paths.onServer()) {
            return serverDatabaseCheck();
        }
        Path file = paths.dbFile().toAbsolutePath();
        String fix = "Point " + HealdeskPaths.DB_ENV + " at a file in a folder you can write (the commands take"
                + " --db too).";
        String move = "export " + HealdeskPaths.DB_ENV + "=\"$HOME/.local/share/healdesk/healdesk.db\"";
        if (Files.isDirectory(file)) {
            return Check.of("database", "Database", CheckStatus.MISSING, file + " is a folder, not a database file")
                    .withAdvice(fix, move);
        }
        String folderProblem = unwritable(file.getParent());
        if (Files.isRegularFile(file)) {
            HistoryStore.Inspection found;
            try {
                found = HistoryStore.inspect(file);
            } catch (HistoryException e) {
                return Check.of("database", "Database", CheckStatus.MISSING, file + " cannot be used")
                        .withDetails(List.of(e.getMessage()))
                        .withAdvice("Move the file away (Healdesk makes a new one), or " + fix.substring(0, 1)
                                .toLowerCase(java.util.Locale.ROOT) + fix.substring(1), move);
            }
            if (folderProblem != null || !Files.isWritable(file)) {
                return Check.of("database", "Database", CheckStatus.MISSING, file + " can be read but not written")
                        .withDetails(List.of(folderProblem != null ? folderProblem + " (SQLite writes its journal"
                                + " beside the file)" : file + " is read-only"))
                        .withAdvice("Make the file and its folder writable for this user, or " + fix.substring(0, 1)
                                .toLowerCase(java.util.Locale.ROOT) + fix.substring(1), move);
            }
            String schema = found.current() ? "schema version " + found.schemaVersion() + " (current)"
                    : "schema version " + found.schemaVersion() + ", brought to " + HistoryStore.SCHEMA_VERSION
                    + " by the next run";
            return Check.of("database", "Database", CheckStatus.OK, file + ": " + schema + ", " + found.runs()
                    + " run(s)");
        }
        if (folderProblem != null) {
            return Check.of("database", "Database", CheckStatus.MISSING, file + " cannot be created")
                    .withDetails(List.of(folderProblem)).withAdvice(fix, move);
        }
        return Check.of("database", "Database", CheckStatus.OK, file + " will be created by the first run (schema"
                + " version " + HistoryStore.SCHEMA_VERSION + ")");
    }

    /** A team's history on PostgreSQL: reached with the user and password in force, read only, changed in nothing. */
    private Check serverDatabaseCheck() {
        HistoryLocation location;
        try {
            location = paths.history(env);
        } catch (IllegalArgumentException e) {
            return Check.of("database", "Database", CheckStatus.MISSING, "the PostgreSQL URL cannot be used")
                    .withDetails(List.of(e.getMessage()))
                    .withAdvice("Write " + HealdeskPaths.DB_ENV + " as postgresql://user@host:port/database and put"
                            + " the password in PGPASSWORD (the environment or .env).");
        }
        try {
            HistoryStore.Inspection found = HistoryStore.inspect(location);
            String schema = found.schemaVersion() == 0 ? "no tables yet: the first run makes them (schema version "
                    + HistoryStore.SCHEMA_VERSION + ")"
                    : found.current() ? "schema version " + found.schemaVersion() + " (current), " + found.runs()
                    + " run(s)" : "schema version " + found.schemaVersion() + ", brought to "
                    + HistoryStore.SCHEMA_VERSION + " by the next run, " + found.runs() + " run(s)";
            return Check.of("database", "Database", CheckStatus.OK, location.describe() + ": " + schema);
        } catch (HistoryException e) {
            return Check.of("database", "Database", CheckStatus.MISSING, location.describe() + " cannot be used")
                    .withDetails(List.of(e.getMessage()))
                    .withAdvice("Start the server or create the database (createdb), and give the user in the URL or"
                            + " PGUSER and its password in PGPASSWORD.");
        }
    }

    Check resultsCheck() {
        Path dir = paths.resultsDir().toAbsolutePath();
        String fix = "Point " + HealdeskPaths.RESULTS_ENV + " at a folder you can write (the commands take"
                + " --results-dir too).";
        String move = "export " + HealdeskPaths.RESULTS_ENV + "=\"$HOME/healing-results\"";
        String problem = Files.exists(dir) && !Files.isDirectory(dir) ? dir + " is a file, not a folder"
                : unwritable(dir);
        if (problem != null) {
            return Check.of("results", "Results", CheckStatus.MISSING, "Run folders cannot be written in " + dir)
                    .withDetails(List.of(problem)).withAdvice(fix, move);
        }
        return Check.of("results", "Results", CheckStatus.OK, Files.isDirectory(dir)
                ? "Run folders go to " + dir : dir + " will be created by the first run");
    }

    // ---- Helpers ------------------------------------------------------------------------------

    /**
     * Null when a file can be made in {@code dir}, or, while {@code dir} does not exist, in its nearest existing
     * ancestor (where the first run creates it); else why not. Tries it: creates a file and deletes it.
     */
    static String unwritable(Path dir) {
        Path at = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        if (at == null) {
            return "no part of " + dir + " exists";
        }
        if (!Files.isDirectory(at)) {
            return at + " is a file, not a folder, so " + dir + " cannot be created";
        }
        try {
            Path probe = Files.createTempFile(at, ".healdesk-doctor-", ".tmp");
            Files.delete(probe);
            return null;
        } catch (AccessDeniedException e) {
            return "cannot write in " + at + " (permission denied)";
        } catch (FileSystemException e) {
            return "cannot write in " + at + " (" + (e.getReason() == null ? e.getClass().getSimpleName()
                    : e.getReason()) + ")";
        } catch (IOException e) {
            return "cannot write in " + at + " (" + e.getMessage() + ")";
        }
    }

    private static boolean local(String host) {
        return host.contains("://localhost") || host.contains("://127.") || host.contains("://[::1]")
                || host.startsWith("localhost") || host.startsWith("127.");
    }

    private static String describe(GpuInfo g) {
        return "GPU " + g.index() + ": " + g.name() + ", " + gb(g.totalMiB()) + " total, " + gb(g.usedMiB())
                + " used, " + gb(g.freeMiB()) + " free; driver " + (g.driverVersion() == null ? "?" : g.driverVersion())
                + "; via " + g.source() + (g.approximate() ? " (approximate)" : "")
                + (g.migMode() == null ? "" : "; MIG " + g.migMode())
                + (g.unifiedMemory() ? "; unified memory (shares the system memory)" : "");
    }

    private static String gb(long mib) {
        return mib < 0 ? "?" : ModelPicker.gb(mib);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
