package dev.healdesk.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pruning real run folders: only the artifacts of finished runs past the retention go. */
class ArtifactRetentionTest {

    @TempDir
    Path results;

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void artifactsOfOldFinishedRunsGoAndEverythingElseStays() throws Exception {
        Path old = run("run-20261101-100000-aaaaaaaa", NOW.minus(Duration.ofDays(8)), true);
        Path recent = run("run-20261120-100000-bbbbbbbb", NOW.minus(Duration.ofDays(2)), true);
        Path crashed = run("run-20261101-110000-cccccccc", NOW.minus(Duration.ofDays(30)), false);
        Path current = run("run-20261123-115900-dddddddd", NOW.minus(Duration.ofDays(9)), true);
        Path outside = Files.createDirectories(results.getParent().resolve("keep-me"));
        Files.writeString(outside.resolve("precious.txt"), "not Healdesk's");
        Files.createSymbolicLink(old.resolve("artifacts").resolve("link"), outside);

        ArtifactRetention.Pruned pruned = new ArtifactRetention(Duration.ofDays(7)).prune(results, NOW, current);

        assertThat(pruned.runFolders()).containsExactly(old);
        assertThat(pruned.bytes()).isEqualTo(2 * 1000);
        assertThat(old.resolve("artifacts")).doesNotExist();
        assertThat(old.resolve(RunFolderWriter.SUMMARY_JSON)).exists();
        assertThat(old.resolve(RunFolderWriter.SUMMARY_MD)).exists();
        assertThat(recent.resolve("artifacts/shot.png")).exists();
        assertThat(crashed.resolve("artifacts/shot.png")).as("no summary: in progress or crashed, kept").exists();
        assertThat(current.resolve("artifacts/shot.png")).exists();
        assertThat(outside.resolve("precious.txt")).as("a link is deleted, never followed").exists();
    }

    @Test
    void zeroKeepsForeverAndBadValuesNameTheirSource() throws Exception {
        Path old = run("run-20200101-100000-aaaaaaaa", NOW.minus(Duration.ofDays(900)), true);
        assertThat(ArtifactRetention.fromEnv(Map.of(ArtifactRetention.ENV, "0")).prune(results, NOW, null).isEmpty())
                .isTrue();
        assertThat(old.resolve("artifacts/shot.png")).exists();
        assertThat(ArtifactRetention.fromEnv(Map.of()).keep()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> ArtifactRetention.fromEnv(Map.of(ArtifactRetention.ENV, "a week")))
                .hasMessage("HEALDESK_ARTIFACT_RETENTION_DAYS is 'a week': give a whole number of days, 0 to keep"
                        + " artifacts for ever (default 7).");
        assertThatThrownBy(() -> ArtifactRetention.ofDays("-3", "--artifact-retention-days"))
                .hasMessageStartingWith("--artifact-retention-days is '-3'");
    }

    private Path run(String name, Instant finished, boolean hasSummary) throws Exception {
        Path dir = Files.createDirectories(results.resolve(name).resolve("artifacts").resolve("rerun-1")).getParent()
                .getParent();
        Files.write(dir.resolve("artifacts/shot.png"), new byte[1000]);
        Files.write(dir.resolve("artifacts/rerun-1/trace.zip"), new byte[1000]);
        Files.writeString(dir.resolve(RunFolderWriter.SUMMARY_MD), "# run");
        if (hasSummary) {
            Path summary = Files.writeString(dir.resolve(RunFolderWriter.SUMMARY_JSON), "{}");
            Files.setLastModifiedTime(summary, FileTime.from(finished));
        }
        return dir;
    }
}
