package dev.healdesk.core.suite.playwright;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.redact.TestTokens;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.testing.PlaywrightProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Healdesk writes into the run folder while Playwright runs goes through the redactor as it is written, not at the
 * end: a real Playwright run of a project whose test spills a fresh bearer JWT into its failure message, the page and
 * its attachments, watched at every result it passes on. At each of those moments no file of the artifacts folder that
 * Healdesk wrote (its live reporter's events, the attachments it copied) holds a piece of the token, while the token did
 * reach them, as a redaction mark. Only Playwright's own JSON report holds it, which Playwright writes as it ends and a
 * run redacts then.
 */
class LiveRedactionTest {

    private static final Path BROWSER = Path.of(System.getenv().getOrDefault("HEALDESK_BROWSER", "/usr/bin/chromium"));

    @TempDir
    Path artifacts;

    @Test
    void theLiveEventsAndTheCopiedAttachmentsNeverHoldTheTokenEvenWhileTheRunGoes() throws Exception {
        PlaywrightProject.install();
        List<Path> before = reporterFolders();
        String jwt = TestTokens.jwt();
        String payload = jwt.split("\\.")[1];
        String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> leaks = new CopyOnWriteArrayList<>();
        List<TestResult> results;
        try (SandboxServer sandbox = SandboxServer.start()) {
            PlaywrightTestSuite suite = PlaywrightTestSuite.of(PlaywrightProject.DIR, List.of("leaky"),
                    sandbox.baseUrl().toString(), null, Map.of("PW_PLANTED_JWT", jwt), Duration.ofMinutes(2), BROWSER);
            try (SuiteSession session = new PlaywrightTestRunner(suite).open(Redactor.atRest()::redact)) {
                results = session.run(Set.of("leaky"), artifacts, n -> { }, r -> {
                    // the moment a result is passed on, while Playwright still runs: look at every file Healdesk wrote
                    for (Path f : healdeskFiles()) {
                        String text = read(f);
                        seen.add(f.getFileName().toString());
                        if (text.contains(payload) || text.contains(signature)) {
                            leaks.add(f.toString());
                        }
                    }
                }, Cancellation.none());
            }
        }

        assertThat(results).hasSize(1);
        assertThat(seen).as("the live events were there while the run went on").contains("playwright-events.ndjson");
        assertThat(leaks).as("files Healdesk wrote while the run went on").isEmpty();
        Path events = artifacts.resolve("playwright-events.ndjson");
        assertThat(Files.readString(events)).contains("leaks a bearer token into every artifact").contains("[REDACTED_");
        List<Path> copied = healdeskFiles().stream().filter(f -> f.startsWith(artifacts.resolve("playwright"))).toList();
        assertThat(copied).as("error-context.md and the response.json attachment were copied")
                .anyMatch(f -> f.getFileName().toString().equals("error-context.md"))
                .anyMatch(f -> f.getFileName().toString().startsWith("response"));
        for (Path f : healdeskFiles()) {
            assertThat(read(f)).as(f.toString()).doesNotContain(payload).doesNotContain(signature);
        }
        assertThat(read(copied.stream().filter(f -> f.getFileName().toString().startsWith("response")).findFirst()
                .orElseThrow())).as("the token reached the copy, as a mark").contains("[REDACTED_");
        // not vacuous: Playwright itself printed the token, into the report it writes as it ends
        assertThat(read(artifacts.resolve(PlaywrightTestRunner.REPORT_FILE))).contains(signature);
        assertThat(reporterFolders()).as("the reporter's own file goes with its temporary folder")
                .isSubsetOf(before);
    }

    /**
     * The reporter folders in the temp folder that still hold an events file. Compared with those there before the
     * run: another Healdesk on this machine (or one killed earlier) may have left its own.
     */
    private static List<Path> reporterFolders() throws java.io.IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("healdesk-pw-reporter-")
                    && Files.isRegularFile(p.resolve("0-" + PlaywrightTestRunner.EVENTS_FILE))).toList();
        }
    }

    /** Every file under the artifacts folder but Playwright's JSON report, which Playwright writes as it ends. */
    private List<Path> healdeskFiles() {
        try (Stream<Path> walk = Files.walk(artifacts)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(PlaywrightTestRunner.REPORT_FILE)).toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";   // moved while being looked at (an atomic copy): looked at again at the end
        }
    }
}
