package dev.healdesk.core.report;

import dev.healdesk.core.run.RunSummary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file under the results folder goes through here:
 * {@code <results>/run-YYYYMMDD-HHMMSS-<8 hex>/} with test-output.json, healing-summary.json,
 * summary.md and healing-output.log, plus {@code <results>/latest.json}. JSON files are written to
 * a temporary file and moved into place, so a reader never sees half a file.
 */
public final class RunFolderWriter {

    public static final String TEST_OUTPUT = "test-output.json";
    public static final String SUMMARY_JSON = "healing-summary.json";
    public static final String SUMMARY_MD = "summary.md";
    public static final String LOG = "healing-output.log";
    public static final String LATEST = "latest.json";

    private final Path resultsDir;
    private final ArtifactRetention retention;
    private final JsonSummary json = new JsonSummary();
    private final MarkdownReport markdown = new MarkdownReport();

    /** Run folders under {@code resultsDir} whose artifacts are kept 7 days. */
    public RunFolderWriter(Path resultsDir) {
        this(resultsDir, new ArtifactRetention(ArtifactRetention.DEFAULT));
    }

    public RunFolderWriter(Path resultsDir, ArtifactRetention retention) {
        this.resultsDir = resultsDir;
        this.retention = retention;
    }

    public ArtifactRetention retention() {
        return retention;
    }

    /** Deletes the artifacts of earlier runs that are past the retention (never {@code current}'s). */
    public ArtifactRetention.Pruned pruneArtifacts(java.time.Instant now, RunFolder current) {
        return retention.prune(resultsDir, now, current == null ? null : current.dir());
    }

    public Path resultsDir() {
        return resultsDir;
    }

    /** Creates the run's folder and opens its log. */
    public RunFolder open(String runId) throws IOException {
        Path dir = resultsDir.resolve(runId);
        Files.createDirectories(dir);
        return new RunFolder(dir, Files.newBufferedWriter(dir.resolve(LOG), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** Writes the results, the summaries and latest.json. The log stays open for the last lines; close the folder after. */
    public void finish(RunFolder folder, RunSummary run) throws IOException {
        writeAtomically(folder.dir().resolve(TEST_OUTPUT), w -> json.writeResults(run.runId(), run.results(), w));
        writeAtomically(folder.dir().resolve(SUMMARY_JSON), w -> json.writeSummary(run, folder.dir().toString(), w));
        writeAtomically(folder.dir().resolve(SUMMARY_MD), w -> markdown.write(run, w));
        writeAtomically(resultsDir.resolve(LATEST), w -> json.writeSummary(run, folder.dir().toString(), w));
    }

    /**
     * Finishes the folder of a run whose process died (killed, crashed) from what the history kept of it: takes away
     * the half-written files ({@code *.tmp}, here and beside latest.json), writes the files a finished run's folder
     * holds (test-output.json, healing-summary.json, summary.md) and latest.json when that still names an older run.
     * Returns what it did, one line each; nothing when the folder is already whole.
     */
    public List<String> recover(Path dir, RunSummary run) throws IOException {
        List<String> done = new ArrayList<>();
        for (Path folder : List.of(dir, resultsDir)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> tmps = Files.newDirectoryStream(folder, "*.tmp")) {
                for (Path tmp : tmps) {
                    Files.deleteIfExists(tmp);
                    done.add("removed the half-written " + tmp.getFileName());
                }
            }
        }
        if (!Files.isDirectory(dir)) {
            return done;
        }
        if (!Files.isRegularFile(dir.resolve(TEST_OUTPUT))) {
            writeAtomically(dir.resolve(TEST_OUTPUT), w -> json.writeResults(run.runId(), run.results(), w));
            done.add("wrote " + TEST_OUTPUT);
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY_JSON))) {
            writeAtomically(dir.resolve(SUMMARY_JSON), w -> json.writeSummary(run, dir.toString(), w));
            done.add("wrote " + SUMMARY_JSON);
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY_MD))) {
            writeAtomically(dir.resolve(SUMMARY_MD), w -> markdown.write(run, w));
            done.add("wrote " + SUMMARY_MD);
        }
        if (latestIsOlderThan(run)) {
            writeAtomically(resultsDir.resolve(LATEST), w -> json.writeSummary(run, dir.toString(), w));
            done.add("brought " + LATEST + " up to this run");
        }
        return done;
    }

    /** Whether latest.json is missing, unreadable or names a run that started before {@code run}. */
    private boolean latestIsOlderThan(RunSummary run) {
        Path latest = resultsDir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            return true;
        }
        try {
            String started = new com.fasterxml.jackson.databind.ObjectMapper().readTree(latest.toFile())
                    .path("startedAt").asText("");
            return started.isEmpty() || java.time.Instant.parse(started).isBefore(run.startedAt());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An open run folder: its path, its artifacts folder and its log. */
    public static final class RunFolder implements AutoCloseable {
        private final Path dir;
        private final BufferedWriter log;
        private boolean closed;

        RunFolder(Path dir, BufferedWriter log) {
            this.dir = dir;
            this.log = log;
        }

        public Path dir() {
            return dir;
        }

        public Path artifactsDir() {
            return dir.resolve("artifacts");
        }

        /** Appends one line to healing-output.log and flushes it, so the log survives a crash. */
        public synchronized void log(String line) {
            if (closed) {
                return;
            }
            try {
                log.write(line);
                log.newLine();
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + dir.resolve(LOG), e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                log.close();
            }
        }
    }
}
