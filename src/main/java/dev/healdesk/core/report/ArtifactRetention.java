package dev.healdesk.core.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the results folder from growing without end: the {@code artifacts/} folder (screenshots, traces, videos) of a
 * run finished longer ago than the retention is deleted; the run's summaries, log and results stay, and so does its
 * history. A run counts as finished when its healing-summary.json was written (a run folder without one is in progress
 * or crashed, and its artifacts are kept). Symbolic links are deleted, never followed.
 *
 * @param keep how long a finished run's artifacts are kept; {@link Duration#ZERO} or less keeps them for ever
 */
public record ArtifactRetention(Duration keep) {

    public static final Duration DEFAULT = Duration.ofDays(7);
    /** The environment variable that sets the retention in days (0 keeps artifacts for ever). */
    public static final String ENV = "HEALDESK_ARTIFACT_RETENTION_DAYS";
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(ArtifactRetention.class);
    }

    /** What one pruning did. */
    public record Pruned(List<Path> runFolders, long bytes) {
        public boolean isEmpty() {
            return runFolders.isEmpty();
        }
    }

    /**
     * The retention from {@code env}'s {@value #ENV}, else 7 days.
     *
     * @throws IllegalArgumentException naming the variable, when it is not a whole number of days ≥ 0
     */
    public static ArtifactRetention fromEnv(Map<String, String> env) {
        String days = env.get(ENV);
        if (days == null || days.isBlank()) {
            return new ArtifactRetention(DEFAULT);
        }
        return ofDays(days.trim(), ENV);
    }

    /** {@code days} as given by the operator in {@code where} (a flag, a variable, a file's field). */
    public static ArtifactRetention ofDays(String days, String where) {
        try {
            int n = Integer.parseInt(days);
            if (n < 0 || n > 36_500) {
                throw new NumberFormatException();
            }
            return new ArtifactRetention(Duration.ofDays(n));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is '" + days + "': give a whole number of days, 0 to keep"
                    + " artifacts for ever (default 7).");
        }
    }

    public boolean keepsForever() {
        return keep.isZero() || keep.isNegative();
    }

    /** Deletes the artifacts of runs under {@code resultsDir} finished before {@code now - keep}, except {@code current}. */
    public Pruned prune(Path resultsDir, Instant now, Path current) {
        List<Path> pruned = new ArrayList<>();
        long[] bytes = {0};
        if (keepsForever() || !Files.isDirectory(resultsDir)) {
            return new Pruned(pruned, 0);
        }
        Instant cutoff = now.minus(keep);
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(resultsDir, "run-*")) {
            for (Path run : runs) {
                Path artifacts = run.resolve("artifacts");
                Path summary = run.resolve(RunFolderWriter.SUMMARY_JSON);
                if (run.equals(current) || !Files.isDirectory(artifacts, LinkOption.NOFOLLOW_LINKS)
                        || !Files.isRegularFile(summary)
                        || !Files.getLastModifiedTime(summary).toInstant().isBefore(cutoff)) {
                    continue;
                }
                bytes[0] += delete(artifacts);
                pruned.add(run);
            }
        } catch (IOException e) {
            log().warn("Could not prune the artifacts under {}: {}", resultsDir, e.toString());
        }
        return new Pruned(pruned, bytes[0]);
    }

    private static long delete(Path dir) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                bytes[0] += attrs.isRegularFile() ? attrs.size() : 0;
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }
}
