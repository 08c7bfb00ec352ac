package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.redact.TestTokens;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.testing.PlaywrightProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shard folder leaves the machine (a CI artifact), so nothing in it may hold a secret: a real Healdesk process runs
 * a real Playwright shard of a project whose test spills a bearer JWT into the page, the console, a text attachment
 * and its failure message, and afterwards no file of the shard folder, nor any entry of its blob report, holds any
 * piece of it; and {@code healdesk merge} still reads the redacted blob with Playwright's merge-reports.
 */
class ShardRedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run healdesk(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("healdesk finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")) + Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void noFileOrBlobEntryOfAShardFolderHoldsThePlantedTokenAndTheMergeStillReadsIt() throws Exception {
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
            Path folder = dir.resolve("shard-1");
            Run shard = healdesk("run", "--target=" + target, "--shard=1/1", "--shard-dir=" + folder);
            assertThat(shard.code()).as(shard.out()).isZero();
            assertThat(shard.out()).doesNotContain(signature);

            Map<String, byte[]> everything = new LinkedHashMap<>();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                collect(f.toString(), Files.readAllBytes(f), everything);
            }
            assertThat(files).as("the blob report is there").anyMatch(f -> f.toString().endsWith(".zip"));
            assertThat(files).as("no temporary file is left").noneMatch(f -> f.toString().endsWith(".tmp"));
            assertThat(everything.keySet()).as("the blob's events, a screenshot and the attached files")
                    .anyMatch(k -> k.endsWith("!report.jsonl")).anyMatch(k -> k.endsWith(".png"))
                    .anyMatch(k -> k.endsWith(".markdown") || k.endsWith(".md")).anyMatch(k -> k.endsWith(".json") && k.contains("!resources/"));
            for (Map.Entry<String, byte[]> e : everything.entrySet()) {
                String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
                assertThat(text).as(e.getKey() + " holds the token's payload").doesNotContain(payload);
                assertThat(text).as(e.getKey() + " holds the token's signature").doesNotContain(signature);
            }
            // every event is still JSON, and the attachment the events carry inline (base64) is redacted, not gone
            String events = everything.entrySet().stream().filter(e -> e.getKey().endsWith("!report.jsonl"))
                    .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
            assertThat(events).contains("[REDACTED_");
            List<String> bodies = new ArrayList<>();
            for (String line : events.split("\n")) {
                if (!line.isBlank()) {
                    JSON.readTree(line).findValues("base64").stream().filter(JsonNode::isTextual).forEach(b ->
                            bodies.add(new String(Base64.getDecoder().decode(b.asText()), StandardCharsets.UTF_8)));
                }
            }
            assertThat(bodies).as("the inline request.txt attachment").anyMatch(b -> b.contains("GET /api/me")
                    && b.contains("[REDACTED_"));
            assertThat(bodies).allMatch(b -> !b.contains(payload) && !b.contains(signature));

            Path merged = dir.resolve("merged");
            Run merge = healdesk("merge", folder.toString(), "--skip-llm", "--dry-run", "--results-dir=" + merged);
            assertThat(merge.code()).as(merge.out()).isEqualTo(1);
            assertThat(merge.out()).contains("Running playwright merge-reports").doesNotContain(signature);
            JsonNode latest = JSON.readTree(merged.resolve("latest.json").toFile());
            JsonNode tests = JSON.readTree(Path.of(latest.get("runFolder").asText()).resolve("test-output.json")
                    .toFile()).path("tests");
            assertThat(tests).hasSize(1);
            assertThat(tests.get(0).path("title").asText()).contains("leaks a bearer token into every artifact");
            assertThat(tests.get(0).path("status").asText()).isEqualTo("failed");
        }
    }

    /** {@code bytes} under {@code name}, and, when it is a zip, each of its entries (and theirs) as name!entry. */
    private static void collect(String name, byte[] bytes, Map<String, byte[]> into) throws IOException {
        into.put(name, bytes);
        if (!name.endsWith(".zip")) {
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null) {
                entries++;
                collect(name + "!" + e.getName(), readAll(zip), into);
            }
            assertThat(entries).as(name + " is a zip with entries").isPositive();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
