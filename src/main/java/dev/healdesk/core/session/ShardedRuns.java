package dev.healdesk.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.config.FileTarget;
import dev.healdesk.core.config.TargetSpec;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.report.JsonSummary;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.suite.playwright.PlaywrightTestRunner;
import dev.healdesk.core.suite.playwright.Shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A target's Playwright suites split over the jobs of a CI matrix, and put together again as one run.
 *
 * <p>{@link #runShard} runs one shard ({@code --shard=i/N}) of every Playwright suite of a target and leaves a shard
 * folder: Playwright's blob report of each suite ({@value #BLOBS}/K/report-*.zip, K the suite's place among the
 * target's Playwright suites) and Healdesk's own {@value #FILE}, which says which target and which shard it is and
 * holds the shard's results, redacted. The target's other suites (probes, JUnit XML) run in shard 1 only.
 *
 * <p>{@link #merged} turns the folders of all N shards into a target whose first pass gives their results as one run:
 * each Playwright suite's blob reports merged by Playwright's own {@code merge-reports}, the other suites' results as
 * shard 1 recorded them. Triage, diagnosis, healing and reports then run once, through {@link RunService} as for any
 * run; a verification re-runs the failing tests here, with the target's own runners.
 */
public final class ShardedRuns {

    /** Healdesk's file in a shard folder. */
    public static final String FILE = "healdesk-shard.json";
    /** The blob reports' folder in a shard folder. */
    public static final String BLOBS = "blob";
    static final String FORMAT = "healdesk-shard/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardedRuns() {
    }

    /**
     * What a shard folder says of itself.
     *
     * @param dir        the folder
     * @param target     the target's name
     * @param targetFile the target file as the shard's run was given it
     * @param targetKey  what makes shards of one target: its name and its suites' kinds and projects ({@link #key})
     * @param projects   the projects the shard ran
     * @param results    its results, redacted, without attachments (the Playwright ones travel in the blob reports)
     * @param suiteError why a suite's command gave no results, or null
     */
    public record ShardFile(Path dir, String target, String targetFile, String targetKey, Shard shard,
                            List<String> projects, Instant startedAt, Instant finishedAt, List<TestResult> results,
                            String suiteError) {
        public ShardFile {
            projects = List.copyOf(projects);
            results = List.copyOf(results);
        }
    }

    /** A shard folder that cannot be used, or shards that do not make one run: the message names the folder. */
    public static final class ShardException extends Exception {
        public ShardException(String message) {
            super(message);
        }

        ShardException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What shards must share to be one run: the target's name and its suites (kind and projects), but not its
     * folders, which differ from one CI machine to the next.
     */
    public static String key(TargetSpec spec) {
        StringBuilder text = new StringBuilder(spec.name()).append('\n');
        spec.probes().forEach(p -> text.append("probe ").append(p == null ? "" : p.project()).append('\n'));
        for (TargetSpec.SuiteSpec s : spec.suites()) {
            text.append(s.kind()).append(' ').append(s.project()).append(' ').append(s.projects()).append(' ')
                    .append(s.file() == null ? "" : Path.of(s.file()).getFileName()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /**
     * Runs {@code shard} of the target's Playwright suites (and, in shard 1, its other suites) and writes the shard
     * folder {@code dir}. Every text of a result goes through {@code redact} before it is written.
     *
     * @throws SuiteException when the suites could not run (the message says what to do); a suite whose command ran
     *                        and gave no results is kept in the folder as its suite error instead
     */
    public static ShardFile runShard(FileTarget target, String targetFile, Shard shard, List<String> projects,
                                     Path dir, RunRedactor redact, Clock clock, Consumer<String> notes,
                                     Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException, IOException {
        if (target.runners().stream().noneMatch(PlaywrightTestRunner.class::isInstance)) {
            throw new SuiteException("The target " + target.name() + " has no Playwright suite, so --shard has"
                    + " nothing to split: run it without --shard.");
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(FILE));
        deleteTree(dir.resolve(BLOBS));
        List<SuiteRunner> runners = new ArrayList<>();
        int k = 0;
        for (SuiteRunner r : target.runners()) {
            if (r instanceof PlaywrightTestRunner p) {
                runners.add(p.onlyShard(shard, dir.resolve(BLOBS).resolve(String.valueOf(k++))));
            } else {
                runners.add(shard.index() == 1 ? r : new Recorded(r, List.of()));
            }
        }
        Instant startedAt = clock.instant();
        List<TestResult> results = Collections.synchronizedList(new ArrayList<>());
        String suiteError = null;
        // The shard's JSON report and live lines are read here and left: what travels is the blob and the results.
        Path scratch = Files.createTempDirectory("healdesk-shard-");
        try {
            target.withRunners(runners).suites().run(new LinkedHashSet<>(projects), scratch,
                    n -> notes.accept(redact.apply(n)), r -> {
                        TestResult clean = redact.redact(r);
                        results.add(clean);
                        onResult.accept(clean);
                    }, cancel);
        } catch (SuiteException e) {
            if (!e.suiteFailed()) {
                throw e;
            }
            suiteError = redact.apply(e.getMessage());
        } finally {
            deleteTree(scratch);
            redactBlobs(dir.resolve(BLOBS), redact);
        }
        ShardFile file = new ShardFile(dir, target.name(), targetFile, key(target.spec()), shard, projects, startedAt,
                clock.instant(), withoutAttachments(results), suiteError);
        write(file);
        return file;
    }

    /**
     * Puts every blob report of the shard through the run's redactor: Playwright writes the tests' error texts,
     * output and text attachments into them as they came, and the shard folder leaves the machine (a CI artifact).
     */
    private static void redactBlobs(Path blobs, RunRedactor redact) throws IOException {
        if (!Files.isDirectory(blobs)) {
            return;
        }
        List<Path> zips;
        try (Stream<Path> walk = Files.walk(blobs)) {
            zips = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
        }
        for (Path zip : zips) {
            RunFolderWriter.redactZip(zip, redact);
        }
    }

    private static List<TestResult> withoutAttachments(List<TestResult> results) {
        synchronized (results) {
            return results.stream().map(r -> new TestResult(r.id(), r.project(), r.title(), r.location(), r.status(),
                    r.durationMs(), r.errorMessage(), r.errorStack(), r.retry(), List.of(), r.errored())).toList();
        }
    }

    static void write(ShardFile file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("target", file.target());
        root.put("targetFile", file.targetFile());
        root.put("targetKey", file.targetKey());
        root.put("shard", file.shard().index());
        root.put("shards", file.shard().total());
        file.projects().forEach(root.putArray("projects")::add);
        root.put("startedAt", file.startedAt().toString());
        root.put("finishedAt", file.finishedAt().toString());
        root.put("suiteError", file.suiteError());
        ArrayNode tests = root.putArray("results");
        for (TestResult r : file.results()) {
            JsonSummary.result(tests.addObject(), r);
        }
        Path tmp = file.dir().resolve(FILE + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, file.dir().resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the shard folder {@code dir}.
     *
     * @throws ShardException naming the folder when it is not one {@code healdesk run --shard} left
     */
    public static ShardFile read(Path dir) throws ShardException {
        if (!Files.isDirectory(dir)) {
            throw new ShardException(dir + " is not a folder: give the folders that `healdesk run --shard=i/N`"
                    + " left (one per shard).");
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ShardException(dir + " is not a shard folder: it has no " + FILE + ". Give the folders that"
                    + " `healdesk run --shard=i/N` left (its --shard-dir), one per shard.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ShardException(file + " cannot be read (" + dev.healdesk.core.process.InputText.plain(
                    e.getMessage()) + "): the shard's upload is damaged; run that shard again.", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ShardException(file + " is not a Healdesk shard file of this version (format "
                    + (root == null ? "none" : "'" + root.path("format").asText() + "'") + ", expected '" + FORMAT
                    + "'): run the shards and the merge with the same Healdesk.");
        }
        try {
            Shard shard = new Shard(root.path("shard").asInt(), root.path("shards").asInt());
            List<String> projects = new ArrayList<>();
            root.path("projects").forEach(p -> projects.add(p.asText()));
            List<TestResult> results = new ArrayList<>();
            for (JsonNode t : root.path("results")) {
                results.add(new TestResult(t.path("id").asText(), t.path("project").asText(), text(t, "title"),
                        text(t, "location"), TestStatus.valueOf(t.path("status").asText().toUpperCase(Locale.ROOT)
                        .replace('-', '_')), t.path("durationMs").asLong(), text(t, "errorMessage"),
                        text(t, "errorStack"), t.path("retry").asInt(), List.of(), t.path("errored").asBoolean()));
            }
            return new ShardFile(dir, root.path("target").asText(), text(root, "targetFile"),
                    root.path("targetKey").asText(), shard, projects, Instant.parse(root.path("startedAt").asText()),
                    Instant.parse(root.path("finishedAt").asText()), results, text(root, "suiteError"));
        } catch (RuntimeException e) {
            throw new ShardException(file + " is damaged (" + e.getMessage() + "): run that shard again.", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /**
     * Checks that {@code shards} are all the shards of one run of one target, each once, and orders them 1 to N.
     *
     * @throws ShardException naming the folders that do not fit and what to do
     */
    public static List<ShardFile> checked(List<ShardFile> shards) throws ShardException {
        if (shards.isEmpty()) {
            throw new ShardException("No shard folder given: give the folders of all the shards, e.g. healdesk merge"
                    + " shard-1 shard-2 shard-3.");
        }
        ShardFile first = shards.get(0);
        TreeMap<Integer, ShardFile> byIndex = new TreeMap<>();
        for (ShardFile s : shards) {
            if (!s.targetKey().equals(first.targetKey())) {
                throw new ShardException(s.dir() + " holds a shard of the target '" + s.target() + "' (" + s.targetFile()
                        + "), but " + first.dir() + " one of '" + first.target() + "' (" + first.targetFile() + ")"
                        + (s.target().equals(first.target()) ? " with other suites" : "") + ": merge the shards of"
                        + " one target's run only.");
            }
            if (s.shard().total() != first.shard().total()) {
                throw new ShardException(s.dir() + " is shard " + s.shard() + " but " + first.dir() + " is shard "
                        + first.shard() + ": merge the shards of one split only (the same N).");
            }
            if (!s.projects().equals(first.projects())) {
                throw new ShardException(s.dir() + " ran the projects " + s.projects() + " but " + first.dir()
                        + " ran " + first.projects() + ": give every shard the same --projects.");
            }
            ShardFile before = byIndex.putIfAbsent(s.shard().index(), s);
            if (before != null) {
                throw new ShardException(before.dir() + " and " + s.dir() + " are both shard " + s.shard()
                        + ": give each shard's folder once.");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= first.shard().total(); i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new ShardException("Shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ",
                    missing.stream().map(i -> i + "/" + first.shard().total()).toList()) + " of target '"
                    + first.target() + "' " + (missing.size() == 1 ? "is" : "are") + " missing: "
                    + shards.stream().map(s -> s.dir() + " (" + s.shard() + ")").toList() + " were given. Give the"
                    + " folders of all " + first.shard().total() + " shards (a shard job that failed leaves none:"
                    + " run it again).");
        }
        return List.copyOf(byIndex.values());
    }

    /**
     * {@code target} whose first pass gives the shards' results as one run: each Playwright suite's blob reports merged
     * with Playwright's {@code merge-reports}, the other suites' as shard 1 recorded them. Re-runs go to the target's
     * own runners, on this machine.
     *
     * @param shards all the shards, {@link #checked}
     * @throws ShardException when the target is not the one the shards ran
     */
    public static FileTarget merged(FileTarget target, List<ShardFile> shards) throws ShardException {
        ShardFile first = shards.get(0);
        if (!key(target.spec()).equals(first.targetKey())) {
            throw new ShardException("The target file gives the target '" + target.name() + "' with other suites than"
                    + " the one the shards in " + first.dir() + " ran ('" + first.target() + "', from "
                    + first.targetFile() + "): give the target file the shards ran with --target.");
        }
        List<SuiteRunner> runners = new ArrayList<>();
        int k = 0;
        for (SuiteRunner r : target.runners()) {
            if (r instanceof PlaywrightTestRunner p) {
                List<Path> blobs = new ArrayList<>();
                for (ShardFile s : shards) {
                    blobs.add(s.dir().resolve(BLOBS).resolve(String.valueOf(k)));
                }
                k++;
                runners.add(new MergedPlaywright(p, blobs, shards));
            } else {
                Set<String> mine = Set.copyOf(r.projects());
                List<TestResult> recorded = shards.stream().flatMap(s -> s.results().stream())
                        .filter(t -> mine.contains(t.project())).toList();
                runners.add(new Recorded(r, recorded));
            }
        }
        return target.withRunners(runners);
    }

    /**
     * A runner whose first pass gives what is already known ({@code results}: a suite that ran in another shard, or in
     * none) and whose re-runs are the real runner's.
     */
    private static final class Recorded implements SuiteRunner {
        private final SuiteRunner real;
        private final List<TestResult> results;

        Recorded(SuiteRunner real, List<TestResult> results) {
            this.real = real;
            this.results = List.copyOf(results);
        }

        @Override
        public List<String> projects() {
            return real.projects();
        }

        @Override
        public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel) {
            List<TestResult> mine = results.stream().filter(r -> projects == null || projects.isEmpty()
                    || projects.contains(r.project())).toList();
            mine.forEach(onResult);
            return mine;
        }

        @Override
        public SuiteSession open() {
            return new FirstPassThen(this, real, null);
        }

        @Override
        public SuiteSession open(UnaryOperator<String> redact) {
            return new FirstPassThen(this, real, redact);
        }
    }

    /** A Playwright suite's shards as one run: their blob reports merged, then its re-runs on this machine. */
    private static final class MergedPlaywright implements SuiteRunner {
        private final PlaywrightTestRunner real;
        private final List<Path> blobs;
        private final List<ShardFile> shards;

        MergedPlaywright(PlaywrightTestRunner real, List<Path> blobs, List<ShardFile> shards) {
            this.real = real;
            this.blobs = List.copyOf(blobs);
            this.shards = List.copyOf(shards);
        }

        @Override
        public List<String> projects() {
            return real.projects();
        }

        @Override
        public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
                throws SuiteException {
            return run(projects, null, n -> { }, onResult, cancel);
        }

        @Override
        public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                    Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
            for (ShardFile s : shards) {
                if (s.suiteError() != null) {
                    throw SuiteException.suiteFailed("Shard " + s.shard() + " (" + s.dir() + ") could not give its"
                            + " results: " + s.suiteError(), null);
                }
            }
            Path together = null;
            try {
                // merge-reports reads every report-*.zip of one folder; each shard's names its shard (report-2.zip)
                together = Files.createTempDirectory("healdesk-merge-");
                int found = 0;
                for (Path dir : blobs) {
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (Stream<Path> zips = Files.list(dir)) {
                        for (Path zip : zips.filter(z -> z.getFileName().toString().endsWith(".zip")).toList()) {
                            Files.copy(zip, together.resolve(zip.getFileName().toString()));
                            found++;
                        }
                    }
                }
                if (found == 0) {
                    throw new SuiteException("The shard folders hold no Playwright blob report for the suite in "
                            + real.suite().projectDir() + " (looked in " + blobs + "): run the shards again with"
                            + " this Healdesk.");
                }
                notes.accept("Merging the blob reports of " + shards.size() + " shard(s) with Playwright's"
                        + " merge-reports");
                List<TestResult> merged = real.merge(together, artifactsDir, notes, onResult, cancel);
                Set<String> got = new java.util.HashSet<>();
                merged.forEach(r -> got.add(r.id()));
                Set<String> mine = Set.copyOf(real.projects());
                List<String> lost = shards.stream().flatMap(s -> s.results().stream())
                        .filter(r -> mine.contains(r.project()) && !got.contains(r.id())).map(TestResult::id).toList();
                if (!lost.isEmpty() && !cancel.isCancelled()) {
                    notes.accept("The merged report lacks " + lost.size() + " test(s) that the shards reported: "
                            + String.join(", ", lost.subList(0, Math.min(5, lost.size())))
                            + (lost.size() > 5 ? ", ..." : ""));
                }
                return merged;
            } catch (IOException e) {
                throw new SuiteException("Could not gather the shards' blob reports: " + e.getMessage()
                        + ". Check that the temporary folder is writable.", e);
            } finally {
                deleteTree(together);
            }
        }

        @Override
        public SuiteSession open() {
            return new FirstPassThen(this, real, null);
        }

        @Override
        public SuiteSession open(UnaryOperator<String> redact) {
            return new FirstPassThen(new MergedPlaywright(real.redactingWith(redact), blobs, shards), real, redact);
        }
    }

    /** A session whose first pass is {@code first}'s and whose re-runs are a session of {@code real}'s. */
    private static final class FirstPassThen implements SuiteSession {
        private final SuiteRunner first;
        private final SuiteRunner real;
        /** What the re-runs write while running goes through; null: the runner's own default. */
        private final UnaryOperator<String> redact;
        private SuiteSession session;

        FirstPassThen(SuiteRunner first, SuiteRunner real, UnaryOperator<String> redact) {
            this.first = first;
            this.real = real;
            this.redact = redact;
        }

        @Override
        public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                    Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
            return first.run(projects, artifactsDir, notes, onResult, cancel);
        }

        @Override
        public List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                      Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
            if (session == null) {
                session = redact == null ? real.open() : real.open(redact);
            }
            return session.rerun(tests, artifactsDir, notes, onResult, cancel);
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clear
        }
    }
}
