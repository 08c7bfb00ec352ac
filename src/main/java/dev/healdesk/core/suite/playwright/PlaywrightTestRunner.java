package dev.healdesk.core.suite.playwright;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.suite.BrowserLocator;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Playwright Test project: {@code playwright test --reporter=<healdesk-reporter.cjs>,json --project=P ...} in
 * the project folder, as an argument vector through {@link BoundedProcess} (a time limit; a cancel or a timeout kills
 * Playwright, its workers and their browsers). Playwright's program is started as {@code npx playwright} would start
 * it, without npx: {@code node node_modules/@playwright/test/cli.js} ({@link #preflight}).
 *
 * <p>The project's configuration is left as it is: the reporters are chosen on the command line, and where they
 * write is chosen through the environment ({@value #EVENTS_ENV} for Healdesk's live reporter,
 * {@code PLAYWRIGHT_JSON_OUTPUT_FILE} for the JSON report): the lines in a temporary folder, the report in the run's
 * artifacts folder (or, for a run started ahead of its run folder, {@link #headStart}, moved there). The live reporter
 * appends one JSON line per finished attempt; this runner reads them while Playwright runs and passes each test's
 * final result on (an attempt that Playwright will retry is not final; a test that failed and then passed on a retry
 * is {@link dev.healdesk.core.suite.TestStatus#FLAKY}). At the end the JSON report adds what the lines lack (tests
 * that never started); a report cut short is read as far as it goes.
 *
 * <p>The child's environment gets the suite's variables ({@code BASE_URL}, {@code API_URL}, ...) and, when the suite
 * names a browser, {@value #BROWSER_ENV}, which the project's config reads into {@code launchOptions.executablePath}.
 * Attachments (screenshots, traces, videos) are copied into the artifacts folder and the results point at the copies.
 *
 * <p>A suite with {@code shards > 1} runs as that many processes side by side ({@code --shard=i/N}), each with its own
 * output folder, report and live lines; this thread reads them all in turn, so results are passed on one at a time
 * as one list, and a cancel stops every process. A runner made with {@link #onlyShard} runs one shard of a CI matrix
 * with Playwright's blob reporter beside Healdesk's; {@link #merge} reads the shards' blob reports as one run through
 * {@code playwright merge-reports}. Targeted re-runs are never split.
 */
public final class PlaywrightTestRunner implements SuiteRunner {

    /** Where Healdesk's live reporter appends its lines. */
    public static final String EVENTS_ENV = "HEALDESK_EVENTS_FILE";
    /** The browser executable for the project's config to launch, when the suite names one. */
    public static final String BROWSER_ENV = BrowserLocator.ENV_VAR;
    /** The reporter Healdesk ships, a resource beside this class. */
    static final String REPORTER = "healdesk-reporter.cjs";
    static final String REPORT_FILE = "playwright-report.json";
    static final String EVENTS_FILE = "playwright-events.ndjson";

    private static final Logger LOG = LoggerFactory.getLogger(PlaywrightTestRunner.class);
    /**
     * The live lines' reader, made with the first line: Jackson's object mapper (some 400 classes) is not made before
     * Playwright starts.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final List<String> CONFIG_NAMES = List.of("playwright.config.ts", "playwright.config.js",
            "playwright.config.mjs", "playwright.config.cjs", "playwright.config.mts", "playwright.config.cts");
    private static final Pattern UNKNOWN_PROJECT = Pattern.compile("Project\\(s\\) (.*?) not found\\. Available projects: ?(.*)");
    private static final int OUTPUT_TAIL_CHARS = 800;
    /**
     * How often the live lines are looked at while Playwright runs: every {@value #POLL_MIN_MS} ms while lines
     * arrive, backing off (doubling) to every {@value #POLL_MAX_MS} ms while none do (a browser starting, a slow
     * test), so that a long run costs Healdesk a few looks a second rather than forty. The end of a process is heard
     * at once, whatever the interval.
     */
    static final long POLL_MIN_MS = 25;
    static final long POLL_MAX_MS = 250;

    /** Where Playwright's blob reporter writes a shard's report (its {@code outputDir}). */
    static final String BLOB_DIR_ENV = "PLAYWRIGHT_BLOB_OUTPUT_DIR";

    private final PlaywrightTestSuite suite;
    /** The one shard a run runs (a CI matrix job), or null: the whole suite, in {@code suite.shards()} shards. */
    private final Shard only;
    /** Where that shard's blob report goes. */
    private final Path blobDir;
    /**
     * What the text Healdesk writes into the artifacts folder while Playwright runs goes through: the live reporter's
     * lines as they arrive, the text attachments it copies. A run's own redactor ({@link #open(UnaryOperator)});
     * the shape rules by default.
     */
    private final UnaryOperator<String> redact;
    /**
     * The run started ahead ({@link #headStart}) that the next run of its projects takes over; shared with the copies
     * this runner makes of itself ({@link #redactingWith}), through which a run's session runs.
     */
    private final AtomicReference<Early> early;

    public PlaywrightTestRunner(PlaywrightTestSuite suite) {
        this(suite, null, null, Redactor.atRest()::redact, new AtomicReference<>());
    }

    private PlaywrightTestRunner(PlaywrightTestSuite suite, Shard only, Path blobDir, UnaryOperator<String> redact,
                                 AtomicReference<Early> early) {
        this.suite = java.util.Objects.requireNonNull(suite, "suite");
        this.only = only;
        this.blobDir = blobDir;
        this.redact = java.util.Objects.requireNonNull(redact, "redact");
        this.early = early;
    }

    /** This runner, writing what it writes during a run through {@code redact} (the run's redactor). */
    public PlaywrightTestRunner redactingWith(UnaryOperator<String> redact) {
        return new PlaywrightTestRunner(suite, only, blobDir, redact, early);
    }

    /**
     * A runner whose runs run only {@code shard} of the suite (one job of a CI matrix), with Playwright's blob reporter
     * beside Healdesk's, into {@code blobDir}, for {@link #merge} to merge with the other shards'. Re-runs are not split.
     */
    public PlaywrightTestRunner onlyShard(Shard shard, Path blobDir) {
        return new PlaywrightTestRunner(suite, java.util.Objects.requireNonNull(shard, "shard"),
                blobDir.toAbsolutePath().normalize(), redact, new AtomicReference<>());
    }

    /**
     * The results of the shards whose blob reports ({@code report-*.zip}) are in {@code blobDir}, as one run: merged
     * with Playwright's own {@code playwright merge-reports}, through Healdesk's reporter and the json reporter as a
     * run is, with the project's config so that files are read relative to this checkout. The attachments the blob
     * reports carry are copied into {@code artifactsDir} like a run's.
     */
    public List<TestResult> merge(Path blobDir, Path artifactsDir, Consumer<String> notes,
                                  Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        Path dir = realProjectDir();
        Path config = CONFIG_NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        if (config == null) {
            throw new SuiteException("There is no playwright.config.(ts|js|mjs|cjs) in " + dir + ". Point the suite at"
                    + " the folder of the Playwright Test project (where `npx playwright test` runs).");
        }
        Path blobs = blobDir.toAbsolutePath().normalize();
        Step step = new Step("", (reporter, output) -> List.of("merge-reports",
                "--config=" + config, "--reporter=" + reporter + ",json", blobs.toString()), Map.of(), null, false,
                blobs);
        return execute("playwright merge-reports " + blobs, "", List.of(step), artifactsDir, notes, onResult,
                cancel);
    }

    public PlaywrightTestSuite suite() {
        return suite;
    }

    @Override
    public List<String> projects() {
        return suite.projects();
    }

    @Override
    public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        return run(projects, null, null, onResult, cancel);
    }

    @Override
    public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        return execute(select(projects), List.of(), artifactsDir, notes, onResult, cancel);
    }

    /** A session whose runs write the live lines and attachment copies through {@code redact} as they go. */
    @Override
    public SuiteSession open(UnaryOperator<String> redact) {
        return redactingWith(redact).open();
    }

    /** Sessions keep nothing between runs (each run is one Playwright process), but re-run single tests. */
    @Override
    public SuiteSession open() {
        return new SuiteSession() {
            @Override
            public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                        Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                return PlaywrightTestRunner.this.run(projects, artifactsDir, notes, onResult, cancel);
            }

            @Override
            public List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                          Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                return PlaywrightTestRunner.this.rerun(tests, artifactsDir, notes, onResult, cancel);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Runs exactly {@code tests} again: their projects with {@code --project}, and each test's {@code file:line} as a
     * filter. The file is passed as an anchored regular expression of its absolute path ({@code /^...$/:LINE}),
     * because Playwright reads a filter's file as a pattern searched in the path: {@code a.spec.js:5} would also
     * select {@code other/a.spec.js:5}.
     */
    public List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                  Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        if (tests.isEmpty()) {
            return List.of();
        }
        Set<String> projects = new LinkedHashSet<>();
        tests.forEach(t -> projects.add(t.project()));
        List<String> wanted = select(projects);
        Path dir = realProjectDir();
        Set<String> filters = new LinkedHashSet<>();
        for (TestResult test : tests) {
            filters.add(locationFilter(dir, test.location()));
        }
        return execute(wanted, new ArrayList<>(filters), artifactsDir, notes, onResult, cancel);
    }

    /** The Playwright filter that selects the test at {@code location} ({@code file:line}, relative to {@code dir}). */
    static String locationFilter(Path dir, String location) throws SuiteException {
        Matcher m = Pattern.compile("^(.+):(\\d+)$").matcher(location == null ? "" : location);
        if (!m.matches()) {
            throw new SuiteException("Cannot re-run the Playwright test at '" + location + "': a location must be"
                    + " file:line, as Healdesk's Playwright results give it.");
        }
        Path file;
        try {
            file = dir.resolve(m.group(1)).normalize();
        } catch (InvalidPathException e) {
            throw new SuiteException("Cannot re-run the Playwright test at '" + location + "': " + e.getMessage());
        }
        StringBuilder re = new StringBuilder("/^");
        for (char c : file.toString().toCharArray()) {
            if ("\\^$.*+?()[]{}|/".indexOf(c) >= 0) {
                re.append('\\');
            }
            re.append(c);
        }
        return re.append("$/:").append(m.group(2)).toString();
    }

    private List<String> select(Set<String> projects) throws SuiteException {
        if (projects == null || projects.isEmpty()) {
            return suite.projects();
        }
        Set<String> unknown = new TreeSet<>(projects);
        suite.projects().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new SuiteException("Unknown project" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; the Playwright suite in " + suite.projectDir() + " has: " + String.join(", ", suite.projects()));
        }
        return suite.projects().stream().filter(projects::contains).toList();
    }

    private Path realProjectDir() throws SuiteException {
        Path dir = suite.projectDir();
        if (!Files.isDirectory(dir)) {
            throw new SuiteException("The Playwright project folder " + dir + " does not exist. Point the suite at the"
                    + " folder that holds playwright.config.* and node_modules.");
        }
        try {
            // Node reports paths under the real working directory, symbolic links resolved.
            return dir.toRealPath();
        } catch (IOException e) {
            throw new SuiteException("Cannot open the Playwright project folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * How Playwright's CLI is started: {@code prefix} then its command ({@code test ...}, {@code merge-reports ...});
     * {@code described} says so in the run's first note; {@code path} is the PATH the process gets (null: as it is).
     */
    record Launch(List<String> prefix, String described, String path) {
    }

    /**
     * Checks that the command can work before starting it, so that each missing piece is named with its fix, and
     * chooses how to start Playwright's CLI.
     *
     * <p>What {@code npx --no -- playwright} runs is the {@code playwright} program of {@code @playwright/test}, found
     * where Node.js finds the package from the project folder (its {@code node_modules} or a parent's), with
     * Node.js itself; npx costs 0.6-0.8 s of CPU and a second or two of wall time before Playwright starts (a second
     * Node.js process, npm's configuration). So the runner starts {@code node <the package's cli.js>} itself, with
     * what npx adds to the PATH ({@code node_modules/.bin} of the project folder and its parents, for commands the
     * config starts, such as a {@code webServer}). It falls back to {@code npx --no -- playwright} where the package
     * names no such program or there is no {@code node} on the PATH.
     */
    Launch preflight(Path dir, Map<String, String> env) throws SuiteException {
        if (CONFIG_NAMES.stream().noneMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
            throw new SuiteException("There is no playwright.config.(ts|js|mjs|cjs) in " + dir + ". Point the suite at"
                    + " the folder of the Playwright Test project (where `npx playwright test` runs).");
        }
        Path pkg = null;
        for (Path at = dir; at != null && pkg == null; at = at.getParent()) {
            Path candidate = at.resolve("node_modules/@playwright/test");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                pkg = candidate;
            }
        }
        if (pkg == null) {
            throw new SuiteException("@playwright/test is not installed for " + dir + " (no node_modules/@playwright/"
                    + "test there or in a parent folder). Run `npm ci` in " + dir + " (with"
                    + " PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 when the tests use a system browser), then run again.");
        }
        String path = env.containsKey("PATH") ? env.get("PATH") : System.getenv("PATH");
        Path node = onPath(path, "node", "node.exe");
        Path cli = node == null ? null : playwrightProgram(pkg);
        if (cli != null) {
            StringBuilder bins = new StringBuilder();
            for (Path at = dir; at != null; at = at.getParent()) {
                Path bin = at.resolve("node_modules").resolve(".bin");
                if (Files.isDirectory(bin)) {
                    bins.append(bin).append(File.pathSeparator);
                }
            }
            return new Launch(List.of(node.toString(), cli.toString()), "node " + cli,
                    bins + (path == null ? "" : path));
        }
        Path npx = onPath(path, "npx");
        if (npx != null) {
            return new Launch(List.of(npx.toString(), "--no", "--", "playwright"), "npx --no -- playwright", null);
        }
        throw new SuiteException("Neither node nor npx is on the PATH (" + path + "), so the Playwright suite in " + dir
                + " cannot run. Install Node.js 18 or newer with npm (which brings npx), e.g. `sudo apt install nodejs"
                + " npm`, or add its bin folder to the PATH Healdesk runs with.");
    }

    /** The first of {@code names} that is an executable file in a folder of {@code path}, as a shell finds it. */
    private static Path onPath(String path, String... names) {
        for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            for (String name : names) {
                try {
                    Path program = Path.of(entry, name);
                    if (Files.isRegularFile(program) && Files.isExecutable(program)) {
                        return program;
                    }
                } catch (InvalidPathException ignored) {
                    // a malformed PATH entry: skip it, as a shell would
                }
            }
        }
        return null;
    }

    /**
     * The file of the {@code playwright} program that the package in {@code pkg} declares ({@code "bin"} of its
     * package.json: {@code {"playwright": "cli.js"}}), or null when it declares none or the file is not there.
     */
    static Path playwrightProgram(Path pkg) {
        // read with jackson-core's parser, token by token: the object mapper is not made before Playwright starts
        try (JsonParser json = new JsonFactory().createParser(pkg.resolve("package.json").toFile())) {
            String file = "";
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("bin") && value == JsonToken.VALUE_STRING) {
                        file = json.getText();
                    } else if (field.equals("bin") && value == JsonToken.START_OBJECT) {
                        file = "";
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String name = json.currentName();
                            if (json.nextToken() == JsonToken.VALUE_STRING && name.equals("playwright")) {
                                file = json.getText();
                            } else {
                                json.skipChildren();
                            }
                        }
                    } else {
                        if (field.equals("bin")) {
                            file = "";
                        }
                        json.skipChildren();
                    }
                }
            }
            if (file.isBlank()) {
                return null;
            }
            Path program = pkg.resolve(file).normalize();
            return program.startsWith(pkg) && Files.isRegularFile(program) ? program : null;
        } catch (IOException | InvalidPathException e) {
            LOG.debug("Cannot read the program of {}: {}", pkg, e.toString());
            return null;
        }
    }

    /** The command line after Playwright's program ({@link Launch#prefix}, which {@link #preflight} chooses). */
    static List<String> arguments(Path reporter, List<String> projects, List<String> filters) {
        return arguments(reporter, projects, filters, null);
    }

    /** As above, with one more of Playwright's reporters ({@code blob}) when {@code extra} is not null. */
    static List<String> arguments(Path reporter, List<String> projects, List<String> filters, String extra) {
        List<String> args = new ArrayList<>(List.of("test", "--reporter=" + reporter + ",json" + (extra == null ? "" : "," + extra)));
        projects.forEach(p -> args.add("--project=" + p));
        args.addAll(filters);
        return args;
    }

    /**
     * One process of a Playwright run: the whole run, one of its shards, or the merge of shards' blob reports.
     *
     * @param label     how the operator hears of it beside the others ("shard 2/3"); empty for a lone process
     * @param args      the arguments after the program, given the reporter file and (with {@code ownOutput}) the
     *                  process's own output folder
     * @param env       what it gets beyond the suite's variables
     * @param folder    its subfolder of the artifacts folder for its report and live lines; null: the folder itself
     * @param ownOutput whether it gets an output folder of its own ({@code --output}), so that processes side by side
     *                  in one project do not clear each other's test-results
     * @param source    a folder whose files its results may name as attachments besides the project's and the
     *                  artifacts' (the merged blob reports' resources); null when none
     */
    private record Step(String label, BiFunction<Path, Path, List<String>> args, Map<String, String> env,
                        String folder, boolean ownOutput, Path source) {
        Step(String label, BiFunction<Path, Path, List<String>> args, Map<String, String> env, String folder,
             boolean ownOutput) {
            this(label, args, env, folder, ownOutput, null);
        }
    }

    /**
     * A step started: its process and the live lines it appends; its JSON report, and where that is kept once the
     * process has ended when it is written elsewhere (a run started ahead writes it in its temporary folder, as the
     * run folder did not exist yet); null when it is written where it is kept.
     */
    private record Started(Step step, FutureTask<BoundedProcess.Result> process, LiveLines lines, Path written,
                           Path keep) {
        Path report() {
            return keep != null ? keep : written;
        }
    }

    /** What a run of {@code projects} starts: one process, or with {@code shards: N} one per shard, side by side. */
    private List<Step> testSteps(List<String> projects, List<String> filters) {
        if (only != null && filters.isEmpty()) {
            // one shard of a CI matrix: its blob report is what `healdesk merge` merges with the other shards'
            return List.of(new Step("shard " + only, (reporter, output) -> withShard(arguments(reporter,
                    projects, filters, "blob"), only), Map.of(BLOB_DIR_ENV, blobDir.toString()), null, false));
        }
        if (suite.shards() == 1 || !filters.isEmpty()) {
            // re-runs are never split: they run the few failing tests here, as they would unsharded
            return List.of(new Step("", (reporter, output) -> arguments(reporter, projects, filters), Map.of(), null,
                    false));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= suite.shards(); i++) {
            Shard shard = new Shard(i, suite.shards());
            steps.add(new Step("shard " + shard, (reporter, output) -> {
                List<String> args = withShard(arguments(reporter, projects, filters), shard);
                args.add("--output=" + output);
                return args;
            }, Map.of(), shard.folderName(), true));
        }
        return steps;
    }

    private static List<String> withShard(List<String> args, Shard shard) {
        List<String> all = new ArrayList<>(args);
        all.add(shard.argument());
        return all;
    }

    private List<TestResult> execute(List<String> projects, List<String> filters, Path artifactsDir,
                                     Consumer<String> notes, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        List<Step> steps = testSteps(projects, filters);
        String described = "playwright test " + projects.stream().map(p -> "--project=" + p)
                .reduce((a, b) -> a + " " + b).orElse("") + (filters.isEmpty() ? "" : " (" + filters.size()
                + " test location(s))");
        String split = steps.size() > 1 ? ", in " + steps.size() + " shards side by side (--shard=1/" + steps.size()
                + " to " + steps.size() + "/" + steps.size() + ")" : only != null && filters.isEmpty()
                ? ", shard " + only + " only, its blob report into " + blobDir : "";
        // the run started ahead, when this is the run it was started for (a plain run of the same projects)
        Early ahead = early.getAndSet(null);
        Cancellation cancellation = cancel == null ? Cancellation.none() : cancel;
        if (ahead != null && !(only == null && filters.isEmpty() && suite.shards() == 1
                && ahead.projects.equals(projects) && ahead.takeOver(cancellation))) {
            ahead.close();
            ahead = null;
        }
        return execute(described, split, steps, ahead, artifactsDir, notes, onResult, cancellation);
    }

    private List<TestResult> execute(String what, String split, List<Step> steps, Path artifactsDir,
                                     Consumer<String> notes, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        return execute(what, split, steps, null, artifactsDir, notes, onResult, cancel);
    }

    /** As above; {@code ahead}: the one step's process, started ahead and taken over by this run (or null). */
    private List<TestResult> execute(String what, String split, List<Step> steps, Early ahead, Path artifactsDir,
                                     Consumer<String> notes, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        Consumer<String> note = notes == null ? n -> { } : notes;
        Consumer<TestResult> sink = onResult == null ? r -> { } : onResult;
        Cancellation cancellation = cancel == null ? Cancellation.none() : cancel;
        if (cancellation.isCancelled()) {
            if (ahead != null) {
                ahead.abandon();
            }
            return List.of();
        }
        Path dir;
        Launch launch;
        try {
            dir = realProjectDir();
            launch = preflight(dir, suite.env());
        } catch (SuiteException | RuntimeException e) {
            if (ahead != null) {
                ahead.abandon();
            }
            throw e;
        }
        Map<String, String> env = processEnv(launch);
        Path reporterDir = ahead == null ? null : ahead.reporterDir;
        List<Path> outputs = new ArrayList<>();
        try {
            Path artifacts = artifactsDir != null ? artifactsDir : Files.createTempDirectory("healdesk-playwright-");
            Files.createDirectories(artifacts);
            if (reporterDir == null) {
                reporterDir = Files.createTempDirectory("healdesk-pw-reporter-");
            }
            Path reporter = ahead != null ? ahead.reporter : reporter(reporterDir);
            String described = what + " in " + dir;
            note.accept("Running " + described + split + (suite.browserPath() == null ? ""
                    : ", with " + BROWSER_ENV + "=" + suite.browserPath()) + " (" + launch.described() + ")");
            List<Started> started = new ArrayList<>();
            List<Path> allowed = new ArrayList<>(List.of(dir, artifacts));
            List<Map.Entry<Step, List<String>>> commands = new ArrayList<>();
            List<Map<String, String>> envs = new ArrayList<>();
            List<Path[]> files = new ArrayList<>();
            for (Step step : steps) {
                Path at = step.folder() == null ? artifacts : artifacts.resolve(step.folder());
                Files.createDirectories(at);
                Path report = at.resolve(REPORT_FILE).toAbsolutePath();
                // The reporter appends to a file of this process's temporary folder, never the run folder's: the
                // artifacts folder gets each line once it has gone through the redactor (LiveLines), so a run that is
                // watched, copied or killed midway never holds a secret the tests printed.
                Path events = reporterDir.resolve(commands.size() + "-" + EVENTS_FILE).toAbsolutePath();
                Path clean = at.resolve(EVENTS_FILE).toAbsolutePath();
                Files.deleteIfExists(report);
                Files.deleteIfExists(clean);
                Files.createFile(clean);
                if (ahead == null) {
                    Files.createFile(events);
                }
                if (step.source() != null) {
                    allowed.add(step.source());
                }
                Path output = null;
                if (step.ownOutput()) {
                    output = Files.createTempDirectory("healdesk-pw-output-");
                    outputs.add(output);
                    allowed.add(output);
                }
                Map<String, String> stepEnv = new LinkedHashMap<>(env);
                stepEnv.putAll(step.env());
                stepEnv.put(EVENTS_ENV, events.toString());
                stepEnv.put("PLAYWRIGHT_JSON_OUTPUT_FILE", report.toString());
                List<String> command = new ArrayList<>();
                command.addAll(launch.prefix());
                command.addAll(step.args().apply(reporter, output));
                commands.add(Map.entry(step, command));
                envs.add(stepEnv);
                files.add(new Path[] {report, events, clean});
            }
            // One Attachments for all: each file is copied once, into one artifacts/playwright, whichever shard ran it.
            Attachments attachments = new Attachments(artifacts, allowed, redact);
            if (ahead != null) {
                // its lines so far are read from the start of its events file; its report is kept where a run keeps it
                Path[] at = files.get(0);
                started.add(new Started(steps.get(0), ahead.process, new LiveLines(ahead.events, at[2], redact, dir,
                        attachments), ahead.report, at[0]));
                return runProcesses(started, ahead.ended, dir, described, note, sink, cancellation);
            }
            BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
            for (int i = 0; i < commands.size(); i++) {
                List<String> command = commands.get(i).getValue();
                Map<String, String> stepEnv = envs.get(i);
                FutureTask<BoundedProcess.Result> process = new FutureTask<>(() ->
                        BoundedProcess.run(command, suite.timeout(), dir, stepEnv, cancellation::onCancel));
                int index = i;
                Runnable runAndSay = () -> {
                    try {
                        process.run();
                    } finally {
                        ended.add(index);   // wakes the reading loop at once
                    }
                };
                Thread thread = new Thread(runAndSay, "healdesk-playwright" + (commands.size() > 1 ? "-" + (i + 1) : ""));
                thread.setDaemon(true);
                thread.start();
                started.add(new Started(commands.get(i).getKey(), process,
                        new LiveLines(files.get(i)[1], files.get(i)[2], redact, dir, attachments), files.get(i)[0],
                        null));
            }
            return runProcesses(started, ended, dir, described, note, sink, cancellation);
        } catch (IOException e) {
            throw new SuiteException("Could not prepare the Playwright run in " + dir + ": " + e.getMessage()
                    + ". Check that the artifacts folder and the temporary folder are writable.", e);
        } finally {
            deleteQuietly(reporterDir);
            outputs.forEach(PlaywrightTestRunner::deleteQuietly);
        }
    }

    /** The environment of Playwright's process: the suite's variables, the PATH {@code launch} gives, the browser. */
    private Map<String, String> processEnv(Launch launch) {
        Map<String, String> env = new LinkedHashMap<>(suite.env());
        if (launch.path() != null) {
            env.put("PATH", launch.path());
        }
        if (suite.browserPath() != null) {
            env.put(BROWSER_ENV, suite.browserPath().toString());
        }
        return env;
    }

    /** Writes Healdesk's live reporter into {@code reporterDir}, for Playwright's {@code --reporter}. */
    private static Path reporter(Path reporterDir) throws IOException, SuiteException {
        Path reporter = reporterDir.resolve(REPORTER);
        try (InputStream in = PlaywrightTestRunner.class.getResourceAsStream(REPORTER)) {
            if (in == null) {
                throw new IllegalStateException(REPORTER + " is missing from Healdesk's classes");
            }
            Files.copy(in, reporter);
        }
        if (reporter.toString().contains(",")) {
            throw new SuiteException("The temporary folder " + reporterDir + " has a comma in its path, which"
                    + " Playwright's --reporter cannot take. Point java.io.tmpdir elsewhere.");
        }
        return reporter;
    }

    /**
     * Starts Playwright for a plain run of {@code projects} (the whole suite in one process) now, so that Node.js and
     * Playwright start while Healdesk sets the run up; the run takes the process over with what it has written so far
     * (its live lines are read from the start, its JSON report is moved into the run folder once it has ended). Its
     * time limit counts from now. Nothing is started for a sharded suite or one shard of a matrix, or where the run
     * would stop before starting Playwright (no config, no @playwright/test, an unknown project): the run says why.
     */
    @Override
    public HeadStart headStart(Set<String> projects) {
        if (only != null || suite.shards() != 1) {
            return HeadStart.NONE;
        }
        Path reporterDir = null;
        try {
            List<String> wanted = select(projects);
            Path dir = realProjectDir();
            Launch launch = preflight(dir, suite.env());
            Map<String, String> env = processEnv(launch);
            reporterDir = Files.createTempDirectory("healdesk-pw-reporter-");
            Path reporter = reporter(reporterDir);
            Path events = reporterDir.resolve("0-" + EVENTS_FILE).toAbsolutePath();
            Files.createFile(events);
            Path report = reporterDir.resolve(REPORT_FILE).toAbsolutePath();
            env.put(EVENTS_ENV, events.toString());
            env.put("PLAYWRIGHT_JSON_OUTPUT_FILE", report.toString());
            List<String> command = new ArrayList<>(launch.prefix());
            command.addAll(arguments(reporter, wanted, List.of()));
            Early ahead = new Early(wanted, reporterDir, reporter, events, report);
            FutureTask<BoundedProcess.Result> process = new FutureTask<>(() ->
                    BoundedProcess.run(command, suite.timeout(), dir, env, ahead::killSwitch));
            ahead.start(process);
            Early before = early.getAndSet(ahead);
            if (before != null) {
                before.close();
            }
            return ahead;
        } catch (SuiteException | IOException | RuntimeException e) {
            LOG.debug("No head start for {}: {}", suite.projectDir(), e.toString());
            deleteQuietly(reporterDir);
            return HeadStart.NONE;
        }
    }

    /**
     * A Playwright process started ahead of its run ({@link #headStart}): stopped when closed before a run took it
     * over, or when that run is cancelled.
     */
    private static final class Early implements HeadStart {
        final List<String> projects;
        final Path reporterDir;
        final Path reporter;
        final Path events;
        final Path report;
        final BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
        FutureTask<BoundedProcess.Result> process;
        private Runnable kill;
        private boolean stopped;
        private boolean taken;

        Early(List<String> projects, Path reporterDir, Path reporter, Path events, Path report) {
            this.projects = List.copyOf(projects);
            this.reporterDir = reporterDir;
            this.reporter = reporter;
            this.events = events;
            this.report = report;
        }

        void start(FutureTask<BoundedProcess.Result> task) {
            process = task;
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    ended.add(0);   // wakes the reading loop at once
                }
            }, "healdesk-playwright");
            thread.setDaemon(true);
            thread.start();
        }

        /** Given by the process once it has started: how to stop it and everything it started. */
        void killSwitch(Runnable killTree) {
            boolean now;
            synchronized (this) {
                kill = killTree;
                now = stopped;
            }
            if (now) {
                killTree.run();
            }
        }

        /** Stops the process, now or as soon as it has started. */
        void stop() {
            Runnable k;
            synchronized (this) {
                stopped = true;
                k = kill;
            }
            if (k != null) {
                k.run();
            }
        }

        /** The run takes the process over: its cancel stops it from now on. False when it was stopped already. */
        boolean takeOver(Cancellation cancel) {
            synchronized (this) {
                if (stopped) {
                    return false;
                }
                taken = true;
            }
            cancel.onCancel(this::stop);
            return true;
        }

        /** Stops the process, waits until it has ended and deletes its temporary folder. */
        void abandon() {
            stop();
            try {
                process.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // stopped, or could not start: either way nothing is left to wait for
            }
            deleteQuietly(reporterDir);
        }

        @Override
        public void close() {
            synchronized (this) {
                if (taken) {
                    return;   // the run that took it over ends it
                }
                stopped = true;   // no run takes it over from now on
            }
            abandon();
        }
    }

    /**
     * Waits for every process while passing on each result as its live line arrives, on this thread (so
     * {@code sink} hears one result at a time, whichever process gave it); then adds what each JSON report has that the
     * lines lacked. A cancel stops every process at once.
     */
    private List<TestResult> runProcesses(List<Started> started, BlockingQueue<Integer> ended, Path dir,
                                          String described, Consumer<String> note, Consumer<TestResult> sink,
                                          Cancellation cancel) throws SuiteException {
        Map<String, TestResult> results = new LinkedHashMap<>();
        Consumer<TestResult> pass = r -> {
            if (results.putIfAbsent(r.id(), r) == null) {
                sink.accept(r);
            }
        };
        try {
            long interval = POLL_MIN_MS;
            while (true) {
                boolean running = false;
                boolean arrived = false;
                for (Started s : started) {
                    arrived |= s.lines().poll(pass);
                    running |= !s.process().isDone();
                }
                if (!running) {
                    break;
                }
                interval = arrived ? POLL_MIN_MS : Math.min(POLL_MAX_MS, interval * 2);
                ended.poll(interval, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            cancel.cancel();
            Thread.currentThread().interrupt();
            throw new SuiteException(described + " was interrupted and stopped.", e);
        }
        for (Started s : started) {
            if (s.keep() != null && Files.exists(s.written())) {
                try {
                    Files.move(s.written(), s.keep(), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    LOG.warn("Could not keep Playwright's JSON report in {}: {}", s.keep(), e.toString());
                }
            }
        }
        List<BoundedProcess.Result> exits = new ArrayList<>();
        SuiteException failed = null;
        for (Started s : started) {
            s.lines().poll(pass);
            String who = described + (s.step().label().isEmpty() ? "" : " (" + s.step().label() + ")");
            try {
                exits.add(s.process().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteException(described + " was interrupted and stopped.", e);
            } catch (ExecutionException e) {
                exits.add(null);
                Throwable cause = e.getCause();
                SuiteException problem;
                if (cause instanceof IOException) {
                    problem = new SuiteException("Could not start " + who + ": " + cause.getMessage() + ". Check"
                            + " that Node.js is installed and on the PATH.", cause);
                } else if (cause instanceof TimeoutException) {
                    problem = new SuiteException(who + " did not finish within " + suite.timeout().toSeconds()
                            + " s and was stopped with everything it started; " + results.size() + " result(s) had"
                            + " arrived. Raise the suite's timeout, or look for a test that hangs.", cause);
                } else {
                    problem = new SuiteException(who + " failed: " + cause, cause);
                }
                failed = failed == null ? problem : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        if (cancel.isCancelled()) {
            LOG.info("Playwright run cancelled after {} result(s)", results.size());
            note.accept("Cancelled: Playwright and everything it started were stopped; " + results.size()
                    + " result(s) had arrived.");
            return new ArrayList<>(results.values());
        }
        List<PlaywrightJsonReport.Report> parsed = new ArrayList<>();
        for (Started s : started) {
            PlaywrightJsonReport.Report report = null;
            if (Files.isRegularFile(s.report())) {
                report = PlaywrightJsonReport.parse(s.report(), dir);
                for (String error : report.errors()) {
                    note.accept("Playwright reported: " + error);
                }
                if (report.problem() != null) {
                    note.accept(report.problem());
                }
                Attachments copies = s.lines().attachments();
                for (TestResult r : report.results()) {
                    if (!results.containsKey(r.id())) {
                        pass.accept(copies.copied(r));
                    }
                }
            }
            parsed.add(report);
        }
        boolean allEnded = true;
        for (int i = 0; i < started.size(); i++) {
            allEnded &= started.get(i).lines().sawEnd() || (parsed.get(i) != null && parsed.get(i).complete());
        }
        // One shard of a CI matrix may get no test at all (more shards than spec files): the others have them.
        if (results.isEmpty() && !(only != null && allEnded)) {
            throw nothingRan(described, exits.get(0), parsed.get(0));
        }
        for (int i = 0; i < started.size(); i++) {
            PlaywrightJsonReport.Report report = parsed.get(i);
            if (!started.get(i).lines().sawEnd() && (report == null || !report.complete())) {
                String label = started.get(i).step().label();
                throw new SuiteException(described + (label.isEmpty() ? "" : " (" + label + ")") + " stopped before"
                        + " the end of the run (exit code " + exits.get(i).exitCode() + ") and left "
                        + (report == null ? "no JSON report" : "a JSON report cut short") + ". The " + results.size()
                        + " result(s) that arrived before have been passed on; the tests after them did not report."
                        + " Look at what killed Playwright (memory, a test that ends the process)."
                        + outputTail(exits.get(i)));
            }
        }
        started.get(0).lines().attachments().refused().forEach(p -> note.accept("Refused to copy the attachment " + p
                + ": only files inside the suite's folder and the runner's output folder are copied into the run"
                + " folder."));
        LOG.info("Playwright: {} result(s) from {} process(es), exit code(s) {}", results.size(), started.size(),
                exits.stream().map(r -> String.valueOf(r.exitCode())).toList());
        return new ArrayList<>(results.values());
    }
    /** Why a run gave no result at all, with what to do. */
    private SuiteException nothingRan(String described, BoundedProcess.Result result,
                                      PlaywrightJsonReport.Report parsed) {
        String output = result.stdout() + "\n" + result.stderr();
        Matcher unknown = UNKNOWN_PROJECT.matcher(output);
        if (unknown.find()) {
            return new SuiteException("Playwright does not know the project(s) " + unknown.group(1) + " in "
                    + suite.projectDir() + ". Its config has: " + unknown.group(2).strip() + ". Fix the project names"
                    + " of the Playwright suite in the target file, or add the project to the playwright.config.");
        }
        if (parsed != null && !parsed.errors().isEmpty()) {
            return new SuiteException(described + " ran no test; Playwright reported: "
                    + String.join("\n", parsed.errors()) + "\nFix the error above in the project and run again.");
        }
        if (output.contains("No tests found")) {
            return new SuiteException(described + " found no tests. Check the projects' testDir and testMatch in the"
                    + " playwright.config." + outputTail(result));
        }
        return new SuiteException(described + " exited with " + result.exitCode() + " and reported no test."
                + outputTail(result));
    }

    /** " It printed: ..." with the end of what the command printed; empty when it printed nothing. */
    static String outputTail(BoundedProcess.Result result) {
        String output = (result.stdout().strip() + "\n" + result.stderr().strip()).strip();
        if (output.isEmpty()) {
            return "";
        }
        return " It printed: " + (output.length() > OUTPUT_TAIL_CHARS
                ? "..." + output.substring(output.length() - OUTPUT_TAIL_CHARS) : output);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }

    /**
     * Copies attachments into the run's artifacts folder, each file once, as
     * {@code artifacts/playwright/<the folder Playwright gave the attempt>/<file>}; a file that cannot be copied keeps
     * its original path.
     *
     * <p>A report's attachment paths are untrusted: a test (or whoever wrote the report) may name any file, and a
     * copy would carry it into the run folder and so into an uploaded CI artifact. Only regular files whose real path
     * (links resolved) lies inside one of {@code allowed} (the suite's project folder, the runner's output folder) are
     * copied; anything else is refused, logged and left out of the result.
     */
    static final class Attachments {
        /** Larger attachments are copied as they are; the redaction at the end of the run reads them line by line. */
        static final long MAX_TEXT_COPY = 16L << 20;
        private final Path root;
        private final List<Path> allowed;
        private final Map<String, String> copies = new HashMap<>();
        private final List<String> refused = new ArrayList<>();
        private final UnaryOperator<String> redact;

        Attachments(Path artifacts, List<Path> allowed, UnaryOperator<String> redact) {
            this.redact = redact;
            this.root = artifacts.resolve("playwright");
            List<Path> real = new ArrayList<>();
            for (Path p : allowed) {
                try {
                    real.add(p.toRealPath());
                } catch (IOException | RuntimeException e) {
                    real.add(p.toAbsolutePath().normalize());
                }
            }
            this.allowed = List.copyOf(real);
        }

        /** The attachment paths refused so far, for the run's log. */
        synchronized List<String> refused() {
            return List.copyOf(refused);
        }

        TestResult copied(TestResult r) {
            if (r.attachments().isEmpty()) {
                return r;
            }
            List<String> paths = r.attachments().stream().map(this::copy).filter(java.util.Objects::nonNull).toList();
            return new TestResult(r.id(), r.project(), r.title(), r.location(), r.status(), r.durationMs(),
                    r.errorMessage(), r.errorStack(), r.retry(), paths);
        }

        private synchronized String copy(String source) {
            if (copies.containsKey(source)) {
                return copies.get(source);
            }
            String copied = copyOnce(source);
            copies.put(source, copied);
            return copied;
        }

        private String copyOnce(String s) {
            {
                try {
                    Path from = Path.of(s).normalize();
                    if (!from.isAbsolute()) {
                        return refuse(s, "not an absolute path");
                    }
                    if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        return s;   // Playwright names files it did not keep (a video of a passing test): nothing to copy
                    }
                    Path real = from.toRealPath();
                    if (allowed.stream().noneMatch(real::startsWith)) {
                        return refuse(s, "outside the suite's folder and the runner's output folder");
                    }
                    if (!Files.isRegularFile(real)) {
                        return refuse(s, "not a regular file");
                    }
                    from = real;
                    Path folder = from.getParent() == null || from.getParent().getFileName() == null ? Path.of("files")
                            : from.getParent().getFileName();
                    Path to = root.resolve(folder.toString()).resolve(from.getFileName().toString()).normalize();
                    if (!to.startsWith(root)) {
                        return s;
                    }
                    Files.createDirectories(to.getParent());
                    copyRedacted(from, to);
                    return to.toString();
                } catch (IOException | InvalidPathException e) {
                    LOG.warn("Could not copy the Playwright attachment {}: {}", s, e.toString());
                    return s;
                }
            }
        }

        /** Text goes into the run folder through the redactor (error-context.md, a .txt attachment); bytes as they are. */
        private void copyRedacted(Path from, Path to) throws IOException {
            String text = Files.size(from) <= MAX_TEXT_COPY ? text(Files.readAllBytes(from)) : null;
            if (text == null) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            Path tmp = to.resolveSibling(to.getFileName() + ".copying");
            Files.writeString(tmp, redact.apply(text), StandardCharsets.UTF_8);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        /** {@code bytes} as UTF-8 text, or null when they are not (a NUL, or a sequence that does not decode). */
        private static String text(byte[] bytes) {
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return null;
            }
        }

        private String refuse(String path, String why) {
            refused.add(path);
            LOG.warn("Refused the Playwright attachment {}: {}; only files inside {} are copied", path, why, allowed);
            return null;
        }
    }

    /**
     * Reads the live reporter's lines as they are appended (to a file outside the run folder), appends each, redacted,
     * to the artifacts folder's events file before anything is done with it, and turns each test's final attempt into a
     * result.
     */
    static final class LiveLines {
        private final Path file;
        private final Path clean;
        private final UnaryOperator<String> redact;
        private final Path projectDir;
        private final Attachments attachments;
        private final Map<String, List<PlaywrightResults.Attempt>> attempts = new HashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private long offset;
        private boolean sawEnd;

        LiveLines(Path file, Path clean, UnaryOperator<String> redact, Path projectDir, Attachments attachments) {
            this.file = file;
            this.clean = clean;
            this.redact = redact;
            this.projectDir = projectDir;
            this.attachments = attachments;
        }

        Attachments attachments() {
            return attachments;
        }

        boolean sawEnd() {
            return sawEnd;
        }

        /**
         * Reads what was appended since the last call; passes on each result that became final. Says whether anything
         * was appended.
         */
        boolean poll(Consumer<TestResult> pass) {
            byte[] chunk;
            try {
                if (Files.size(file) <= offset) {
                    return false;   // the usual answer: one stat, the file is not opened
                }
            } catch (IOException e) {
                return false;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length <= offset) {
                    return false;
                }
                chunk = new byte[(int) Math.min(length - offset, 16 << 20)];
                in.seek(offset);
                in.readFully(chunk);
            } catch (IOException e) {
                return false;
            }
            // Split on '\n' bytes before decoding, so a read that ends inside a multi-byte character loses nothing.
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == '\n') {
                    partial.append(new String(chunk, start, i - start, StandardCharsets.UTF_8));
                    lines.add(partial.toString());
                    partial.setLength(0);
                    start = i + 1;
                }
            }
            offset += start;
            keep(lines);
            lines.forEach(l -> line(l, pass));
            return true;
        }

        /** Appends {@code lines}, redacted, to the artifacts folder's events file (one write a poll). */
        private void keep(List<String> lines) {
            if (lines.isEmpty()) {
                return;
            }
            StringBuilder out = new StringBuilder();
            for (String l : lines) {
                out.append(redact.apply(l)).append('\n');
            }
            try {
                Files.writeString(clean, out, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.warn("Could not keep the Playwright live reporter's lines in {}: {}", clean, e.toString());
            }
        }

        private void line(String text, Consumer<TestResult> pass) {
            if (text.isBlank()) {
                return;
            }
            JsonNode event;
            try {
                event = Json.MAPPER.readTree(text);
            } catch (IOException e) {
                LOG.warn("Skipping an unreadable line of the Playwright live reporter: {}", e.getMessage());
                return;
            }
            String kind = event.path("event").asText("");
            if (kind.equals("end")) {
                sawEnd = true;
                return;
            }
            if (!kind.equals("test")) {
                return;
            }
            String project = event.path("project").asText("");
            String file = PlaywrightResults.relativeFile(event.path("file").asText(""), null, projectDir);
            int line = event.path("line").asInt(0);
            List<String> titles = new ArrayList<>();
            event.path("titles").forEach(t -> titles.add(t.asText("")));
            String key = project + "\u0000" + file + "\u0000" + line + "\u0000" + event.path("column").asInt(0)
                    + "\u0000" + String.join("\u0000", titles);
            JsonNode error = event.path("error");
            List<String> paths = new ArrayList<>();
            event.path("attachments").forEach(a -> {
                String path = a.path("path").asText("");
                if (!path.isBlank()) {
                    paths.add(path);
                }
            });
            List<PlaywrightResults.Attempt> list = attempts.computeIfAbsent(key, k -> new ArrayList<>());
            list.add(new PlaywrightResults.Attempt(event.path("status").asText(""), event.path("duration").asLong(0),
                    event.path("retry").asInt(0), PlaywrightResults.clean(error.path("message").asText(null)),
                    PlaywrightResults.clean(error.path("stack").asText(null)), paths));
            if (event.path("final").asBoolean(true)) {
                attempts.remove(key);
                List<Map.Entry<String, String>> annotations = new ArrayList<>();
                event.path("annotations").forEach(a -> annotations.add(new java.util.AbstractMap.SimpleEntry<>(
                        a.path("type").asText(""), a.path("description").asText(null))));
                String reason = event.hasNonNull("notRun") ? PlaywrightResults.clean(event.path("notRun").asText())
                        : PlaywrightResults.skipReason(annotations);
                if (event.hasNonNull("notRun")) {
                    list.clear();   // a test Playwright never started: the line is its report, not an attempt
                }
                pass.accept(attachments.copied(PlaywrightResults.toResult(project, file, line, titles,
                        event.path("expectedStatus").asText("passed"), event.path("outcome").asText(""), list,
                        reason)));
            }
        }
    }
}
