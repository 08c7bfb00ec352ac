package dev.healdesk.core.suite.junit;

import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TerminalText;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs any test command (Maven Surefire, {@code pytest --junitxml}, {@code go test | go-junit-report}, ...) and reads
 * the JUnit XML reports it leaves, so that any application's own suites give the same {@link TestResult}s as the
 * probes do.
 *
 * <p>The command runs through {@link BoundedProcess}: an argument vector, never a shell string, so nothing in a
 * project's configuration or in a report is ever interpreted; a time limit; and on timeout or cancel the command and
 * everything it started are killed. A non-zero exit is what test tools do when tests fail, so it is not an error;
 * the reports say what happened. What is an error ({@link SuiteException}, naming the project, the command and the
 * glob) is a program that cannot start, a command that ran out of time, and a command that wrote no report.
 *
 * <p>Healdesk deletes nothing in the project: reports left by earlier builds stay where they are, and only those the
 * command wrote are read: a report is the command's when it did not exist before it started or its content changed
 * (not its modification time, which a coarse file system clock can put on either side of the start). So an old
 * build's failures are never reported as today's, and a re-run of one class never brings back the other classes'
 * reports from the first pass.
 */
public final class JUnitXmlRunner implements SuiteRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JUnitXmlRunner.class);
    /** How much of the command's output a "no report" error quotes: enough for the tool's own complaint. */
    private static final int OUTPUT_TAIL_CHARS = 800;

    private final List<JUnitXmlSuite> suites;
    private final JUnitXmlParser parser = new JUnitXmlParser();

    public JUnitXmlRunner(List<JUnitXmlSuite> suites) {
        this.suites = List.copyOf(suites);
        Set<String> names = new HashSet<>();
        for (JUnitXmlSuite suite : this.suites) {
            if (!names.add(suite.project())) {
                throw new IllegalArgumentException("Two suites have the project name " + suite.project());
            }
        }
    }

    @Override
    public List<String> projects() {
        return suites.stream().map(JUnitXmlSuite::project).toList();
    }

    /** The suites {@link #run} would run for {@code projects} (all when empty). */
    public List<JUnitXmlSuite> select(Set<String> projects) throws SuiteException {
        if (projects == null || projects.isEmpty()) {
            return suites;
        }
        Set<String> unknown = new TreeSet<>(projects);
        projects().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new SuiteException("Unknown project" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; this target has: " + String.join(", ", projects()));
        }
        return suites.stream().filter(s -> projects.contains(s.project())).toList();
    }

    /**
     * Runs the selected suites one after the other. Each suite's results are passed on once its command has exited
     * and its reports are read. A suite that cannot give results ends the run with a {@link SuiteException}; the
     * results of the suites before it have been passed on already. Cancelling kills the command in progress and
     * returns the results of the suites that finished.
     */
    @Override
    public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        Consumer<TestResult> sink = onResult == null ? r -> { } : onResult;
        Cancellation cancellation = cancel == null ? Cancellation.none() : cancel;
        List<TestResult> results = new ArrayList<>();
        for (JUnitXmlSuite suite : select(projects)) {
            if (cancellation.isCancelled()) {
                break;
            }
            List<TestResult> suiteResults = runSuite(suite, cancellation);
            if (cancellation.isCancelled()) {
                LOG.info("JUnit XML run cancelled during {}", suite.project());
                break;
            }
            suiteResults.forEach(sink);
            results.addAll(suiteResults);
        }
        return results;
    }

    /**
     * Targeted re-runs: each suite that had a test among {@code tests} runs again with its {@link JUnitSelector}'s
     * arguments appended, so only those tests run (or a wider set that holds them); a suite whose tool cannot select
     * tests runs whole. Only reports this re-run wrote are read. A test asked for that is not in them was not re-run:
     * the notes say so, and it has no result here (neither passed nor still failing).
     */
    @Override
    public SuiteSession open() {
        JUnitXmlRunner runner = this;
        return new SuiteSession() {
            @Override
            public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                        Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                return runner.run(projects, onResult, cancel);
            }

            @Override
            public List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                          Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                Cancellation cancellation = cancel == null ? Cancellation.none() : cancel;
                Consumer<String> note = notes == null ? n -> { } : notes;
                List<TestResult> results = new ArrayList<>();
                for (JUnitXmlSuite suite : suites) {
                    List<TestResult> mine = tests.stream().filter(t -> t.project().equals(suite.project())).toList();
                    if (mine.isEmpty() || cancellation.isCancelled()) {
                        continue;
                    }
                    List<String> selection = suite.selector().arguments(mine, suite);
                    List<String> command = new ArrayList<>(suite.command());
                    command.addAll(selection);
                    note.accept(suite.project() + ": re-running " + (selection.isEmpty()
                            ? "the whole suite (its tool cannot select these tests)" : mine.size() + " test(s)"));
                    JUnitXmlSuite again = new JUnitXmlSuite(suite.project(), command, suite.workdir(), suite.env(),
                            suite.reportGlob(), suite.timeout(), suite.selector());
                    List<TestResult> found = runSuite(again, cancellation, false, note);
                    if (cancellation.isCancelled()) {
                        break;
                    }
                    Set<String> reported = new HashSet<>();
                    found.forEach(r -> reported.add(r.id()));
                    List<String> missing = mine.stream().map(TestResult::id).filter(id -> !reported.contains(id))
                            .distinct().toList();
                    if (!missing.isEmpty()) {
                        note.accept(suite.project() + ": " + missing.size() + " of the " + mine.size()
                                + " test(s) asked for are not in the re-run's reports, so they were not re-run: "
                                + String.join(", ", missing));
                    }
                    if (onResult != null) {
                        found.forEach(onResult);
                    }
                    results.addAll(found);
                }
                return results;
            }

            @Override
            public void close() {
            }
        };
    }

    private List<TestResult> runSuite(JUnitXmlSuite suite, Cancellation cancel) throws SuiteException {
        return runSuite(suite, cancel, true, n -> { });
    }

    /**
     * Runs the suite's command and reads the reports it wrote. {@code needReport}: a run that leaves no report is an
     * error; a re-run that leaves none ran nothing Healdesk can see, which {@code notes} hears, and gives no results.
     */
    private List<TestResult> runSuite(JUnitXmlSuite suite, Cancellation cancel, boolean needReport,
                                      Consumer<String> notes) throws SuiteException {
        String described = "the " + suite.project() + " suite (" + String.join(" ", suite.command()) + " in "
                + suite.workdir() + ")";
        // What the reports held before: a report counts as this run's only when it is new or its content changed.
        Map<Path, String> before = digests(suite, matchingReports(suite));
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(suite.command(), suite.timeout(), suite.workdir(), suite.env(),
                    cancel::onCancel);
        } catch (IOException e) {
            throw new SuiteException("Could not start " + described + ": " + e.getMessage() + ". Check that "
                    + suite.command().get(0) + " is installed and on the PATH, and that the working directory exists.",
                    e);
        } catch (TimeoutException e) {
            throw SuiteException.suiteFailed(described + " did not finish within " + suite.timeout().toSeconds()
                    + " s and was stopped. Raise the suite's timeout, or look for a test that hangs.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException(described + " was interrupted and stopped.", e);
        }
        if (cancel.isCancelled()) {
            return List.of();
        }
        List<Path> reports = new ArrayList<>();
        for (Path report : matchingReports(suite)) {
            String digest = digest(report);
            if (digest != null && !digest.equals(before.get(report))) {
                reports.add(report);
            }
        }
        if (reports.isEmpty() && result.exitCode() != 0 && needReport) {
            // The command failed before any test reported (a build that does not compile): the run's outcome.
            throw SuiteException.suiteFailed(described + " exited with " + result.exitCode() + " and wrote no new"
                    + " report matching " + suite.reportGlob() + ": the build or the tool failed before any test"
                    + " reported." + outputTail(result), null);
        }
        if (reports.isEmpty()) {
            String message = described + " exited with " + result.exitCode() + " and wrote no new report matching "
                    + suite.reportGlob() + " (reports left from before the run are not read).";
            if (!needReport) {
                notes.accept(message + outputTail(result));
                return List.of();
            }
            throw new SuiteException(message + " Check that the command runs the tests and that the glob names where"
                    + " they write JUnit XML." + outputTail(result));
        }
        List<TestResult> results = new ArrayList<>();
        for (Path report : reports) {
            results.addAll(parser.parse(report, suite.project()));
        }
        LOG.info("{}: {} results from {} report(s), exit code {}", suite.project(), results.size(), reports.size(),
                result.exitCode());
        return results;
    }

    /** Each report's content digest, by path. */
    private static Map<Path, String> digests(JUnitXmlSuite suite, List<Path> reports) {
        Map<Path, String> digests = new HashMap<>();
        for (Path report : reports) {
            String digest = digest(report);
            if (digest != null) {
                digests.put(report, digest);
            }
        }
        return digests;
    }

    /** The SHA-256 of the file's bytes, or null when it cannot be read (it is being replaced, say). */
    private static String digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The files under the working directory that match the glob, in path order. The walk starts at the glob's literal
     * leading folders ({@code target/surefire-reports} for {@code target/surefire-reports/TEST-*.xml}), so a
     * project's {@code node_modules} is not walked for nothing.
     */
    private static List<Path> matchingReports(JUnitXmlSuite suite) throws SuiteException {
        Path workdir = suite.workdir().toAbsolutePath().normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + suite.reportGlob());
        Path base = workdir;
        String[] segments = suite.reportGlob().split("/");
        for (int i = 0; i < segments.length - 1 && !segments[i].matches(".*[*?\\[\\]{}\\\\].*"); i++) {
            base = base.resolve(segments[i]);
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && matcher.matches(workdir.relativize(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // an unreadable corner of the project (a root-owned cache) holds no reports of ours
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SuiteException("Could not look for the reports of the " + suite.project() + " suite under "
                    + base + ": " + e.getMessage(), e);
        }
        found.sort(null);
        return found;
    }

    private static String outputTail(BoundedProcess.Result result) {
        String output = TerminalText.plain(result.stdout().strip() + "\n" + result.stderr().strip()).strip();
        if (output.isEmpty()) {
            return "";
        }
        return " It printed: " + (output.length() > OUTPUT_TAIL_CHARS
                ? "..." + output.substring(output.length() - OUTPUT_TAIL_CHARS) : output);
    }
}
