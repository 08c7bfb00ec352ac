package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.redact.TestTokens;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.testing.PlaywrightProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a run keeps of a Playwright suite is redacted, not only what Healdesk writes itself: a real Healdesk
 * process runs a real Playwright project whose test spills a bearer JWT into the page, the console, a text
 * attachment and its failure message, and afterwards no file anywhere under the results folder (the live reporter's
 * events, Playwright's JSON report, error-context.md, the attachment, test-output.json, the summaries, the log) holds
 * any piece of it.
 */
class RunFolderRedactionTest {

    @TempDir
    Path dir;

    @Test
    void noFileOfAPlaywrightRunFolderHoldsThePlantedBearerToken() throws Exception {
        PlaywrightProject.install();
        String jwt = TestTokens.jwt();
        String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
        String payload = jwt.split("\\.")[1];
        try (SandboxServer sandbox = SandboxServer.start()) {
            Path target = Files.writeString(dir.resolve("leaky.yaml"), """
                    name: leaky
                    baseUrl: %s
                    env: {PW_PLANTED_JWT: "%s"}
                    suites:
                      - kind: playwright
                        dir: %s
                        projects: [leaky]
                        timeoutSeconds: 120
                    """.formatted(sandbox.baseUrl(), jwt, PlaywrightProject.DIR));
            Path results = dir.resolve("results");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher", "run", "--target=" + target,
                    "--skip-llm", "--dry-run", "--results-dir=" + results));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
            pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
            Process p = pb.start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("healdesk finished").isTrue();
            String out = Files.readString(dir.resolve("out.txt")) + Files.readString(dir.resolve("err.txt"));
            assertThat(p.exitValue()).as(out).isEqualTo(1);

            JsonNode summary = new ObjectMapper().readTree(results.resolve("latest.json").toFile());
            Path runFolder = Path.of(summary.get("runFolder").asText());
            Path artifacts = runFolder.resolve("artifacts");
            assertThat(artifacts.resolve("playwright-events.ndjson")).exists();
            assertThat(artifacts.resolve("playwright-report.json")).exists();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(results)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(files).as("error-context.md and the text attachment are kept")
                    .anyMatch(f -> f.getFileName().toString().equals("error-context.md"))
                    .anyMatch(f -> f.getFileName().toString().startsWith("response"));
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f + " holds the token's payload").doesNotContain(payload);
                assertThat(text).as(f + " holds the token's signature").doesNotContain(signature);
            }
            // the attachment Playwright's JSON report carries inline, base64-encoded
            List<String> bodies = new ArrayList<>();
            new ObjectMapper().readTree(artifacts.resolve("playwright-report.json").toFile()).findValues("body")
                    .forEach(b -> bodies.add(new String(Base64.getDecoder().decode(b.asText()), StandardCharsets.UTF_8)));
            assertThat(bodies).as("the inline request.txt attachment").anyMatch(b -> b.contains("GET /api/me"));
            assertThat(bodies).allMatch(b -> !b.contains(payload) && !b.contains(signature));
            // and the token did reach those files, as a redaction mark: the test above is not vacuous
            for (Path f : List.of(artifacts.resolve("playwright-events.ndjson"), artifacts.resolve("playwright-report.json"),
                    files.stream().filter(x -> x.getFileName().toString().equals("error-context.md")).findFirst().orElseThrow())) {
                assertThat(Files.readString(f)).as(f.toString()).contains("[REDACTED_");
            }
            assertThat(out).doesNotContain(signature);
        }
    }
}
