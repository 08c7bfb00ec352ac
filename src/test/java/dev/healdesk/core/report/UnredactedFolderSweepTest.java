package dev.healdesk.core.report;

import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.redact.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-off sweep of run folders an older Healdesk left unredacted (a run it killed and then recovered, when recovery
 * did not redact artifacts yet): every finished folder not marked as redacted has its text artifacts redacted and is
 * marked; a marked folder and a folder still being written (no summary.md) are left alone; a second sweep does nothing.
 */
class UnredactedFolderSweepTest {

    @TempDir
    Path results;

    @Test
    void aFinishedFolderNotMarkedIsRedactedAndMarkedOnceAndTheOthersAreLeftAlone() throws Exception {
        String jwt = TestTokens.jwt();
        String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
        Path recovered = folder("20260101-101500-aaaa", true, jwt);
        Path marked = folder("20260101-111500-bbbb", true, jwt);
        Files.writeString(marked.resolve(RunFolderWriter.REDACTED_MARK), "marked\n");
        Path running = folder("20260101-121500-cccc", false, jwt);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path shot = Files.write(recovered.resolve("artifacts/playwright/login/shot.png"), png);
        RunFolderWriter writer = new RunFolderWriter(results);

        List<Path> swept = writer.sweepUnredacted(Redactor.atRest()::redact);

        assertThat(swept).containsExactly(recovered);
        assertThat(recovered.resolve(RunFolderWriter.REDACTED_MARK)).isRegularFile();
        for (String f : List.of("artifacts/playwright-events.ndjson", "artifacts/playwright/login/error-context.md")) {
            assertThat(Files.readString(recovered.resolve(f))).as(f).doesNotContain(signature).contains("[REDACTED_JWT]")
                    .contains("login.spec.ts:12");
        }
        assertThat(Files.readAllBytes(shot)).as("a binary artifact is kept byte for byte").isEqualTo(png);
        assertThat(Files.readString(marked.resolve("artifacts/playwright-events.ndjson"))).as("a marked folder")
                .contains(signature);
        assertThat(Files.readString(running.resolve("artifacts/playwright-events.ndjson"))).as("a run still going")
                .contains(signature);
        assertThat(running.resolve(RunFolderWriter.REDACTED_MARK)).doesNotExist();

        String before = Files.readString(recovered.resolve("artifacts/playwright-events.ndjson"));
        assertThat(writer.sweepUnredacted(Redactor.atRest()::redact)).as("the second sweep").isEmpty();
        assertThat(Files.readString(recovered.resolve("artifacts/playwright-events.ndjson"))).isEqualTo(before);
    }

    @Test
    void aFolderRecoveredNowIsMarkedSoTheSweepPassesItOver() throws Exception {
        Path killed = folder("20260102-090000-dddd", false, TestTokens.jwt());
        RunFolderWriter writer = new RunFolderWriter(results);

        writer.markRedacted(killed);

        assertThat(Files.readString(killed.resolve(RunFolderWriter.REDACTED_MARK))).contains("redactor");
        Files.writeString(killed.resolve(RunFolderWriter.SUMMARY_MD), "# run\n");
        assertThat(writer.sweepUnredacted(Redactor.atRest()::redact)).isEmpty();
    }

    private Path folder(String runId, boolean finished, String jwt) throws Exception {
        Path dir = Files.createDirectories(results.resolve(runId));
        Path artifacts = Files.createDirectories(dir.resolve("artifacts/playwright/login"));
        Files.writeString(dir.resolve("artifacts/playwright-events.ndjson"), "{\"event\":\"test\",\"file\":"
                + "\"login.spec.ts:12\",\"error\":{\"message\":\"401 for Authorization: Bearer " + jwt + "\"}}\n");
        Files.writeString(artifacts.resolve("error-context.md"), "# Page snapshot\n- paragraph: \"Authorization: Bearer "
                + jwt + "\"\n\nat login.spec.ts:12\n", StandardCharsets.UTF_8);
        if (finished) {
            Files.writeString(dir.resolve(RunFolderWriter.SUMMARY_MD), "# run " + runId + "\n");
        }
        return dir;
    }
}
