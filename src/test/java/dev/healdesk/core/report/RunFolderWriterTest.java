package dev.healdesk.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderWriterTest {

    @TempDir
    Path results;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesACompleteRunFolderAndLatest() throws Exception {
        RunSummary run = RunSummaries.withResults("run-20261120-060000-0badcafe",
                Instant.parse("2026-11-20T06:00:00Z"), 8, 3);
        RunFolderWriter writer = new RunFolderWriter(results);
        RunFolderWriter.RunFolder folder = writer.open(run.runId());
        folder.log("first line");
        writer.finish(folder, run);
        folder.close();

        Path dir = results.resolve(run.runId());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("test-output.json", "healing-summary.json", "summary.md", "healing-output.log"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        JsonNode summary = mapper.readTree(dir.resolve("healing-summary.json").toFile());
        for (String field : List.of("runId", "startedAt", "finishedAt", "status", "initialStatus", "healthScore",
                "testsRun", "testsPassed", "testsFailed", "flaky", "failures", "actions", "llm")) {
            assertTrue(summary.has(field), "healing-summary.json has " + field);
        }
        assertEquals("failing", summary.get("status").asText());
        assertEquals(11, summary.get("testsRun").asInt());
        JsonNode failure = summary.get("failures").get(0);
        for (String field : List.of("fingerprint", "category", "severity", "fixClass", "patternId", "playbook",
                "count", "tests", "message")) {
            assertTrue(failure.has(field), "failure has " + field);
        }
        assertEquals(3, failure.get("tests").size());
        JsonNode action = summary.get("actions").get(0);
        for (String field : List.of("playbook", "fixClass", "decision", "applied", "success", "verified", "message",
                "durationMs")) {
            assertTrue(action.has(field), "action has " + field);
        }
        assertEquals("dry-run", action.get("decision").asText());
        for (String field : List.of("provider", "model", "calls", "cacheHits")) {
            assertTrue(summary.get("llm").has(field), "llm has " + field);
        }
        JsonNode tests = mapper.readTree(dir.resolve("test-output.json").toFile()).get("tests");
        assertEquals(11, tests.size());
        assertEquals(summary, mapper.readTree(results.resolve("latest.json").toFile()), "latest.json = summary");
        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("**failing**") && md.contains("kill-idle-db-connections"), md);
        assertEquals("first line\n", Files.readString(dir.resolve("healing-output.log")));
        try (Stream<Path> files = Files.list(results)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    @Test
    void markdownCellsStayOnOneLineAndEscapePipes() {
        assertEquals("a \\| b c", MarkdownReport.cell("a | b\nc", 100));
        assertEquals(10, MarkdownReport.cell("x".repeat(50), 10).length());
    }

    @Test
    void artifactsAreRedactedInPlaceTextFilesAndInlineAttachmentsButBinaryFilesStayByteForByte() throws Exception {
        RunFolderWriter writer = new RunFolderWriter(results);
        RunFolderWriter.RunFolder folder = writer.open("run-20240101-000000-abcdef01");
        Path artifacts = Files.createDirectories(folder.artifactsDir().resolve("playwright/login-chromium"));
        String secret = "SECRET" + Long.toHexString(System.nanoTime());
        java.util.function.UnaryOperator<String> redact = t -> t.replace(secret, "[REDACTED]");
        Path context = Files.writeString(artifacts.resolve("error-context.md"), "- text: token " + secret + "\n");
        // long enough to be redacted in several chunks, with the secret at a chunk's edge
        String big = "x".repeat(RunFolderWriter.CHUNK_CHARS - 3) + "\n" + secret + "\n" + "y".repeat(100);
        Path log = Files.writeString(artifacts.resolve("trace.network.txt"), big);
        byte[] png = ("\u0089PNG\r\n\u001a\n\u0000\u0000" + secret).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path shot = Files.write(artifacts.resolve("test-failed-1.png"), png);
        byte[] latin1 = ("caf\u00e9 " + secret).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path notUtf8 = Files.write(artifacts.resolve("dump.bin.txt"), latin1);
        String body = java.util.Base64.getEncoder().encodeToString(("Authorization: " + secret).getBytes());
        Path report = Files.writeString(folder.artifactsDir().resolve("playwright-report.json"),
                "{\"attachments\":[{\"name\":\"req\",\"contentType\":\"text/plain\",\"body\":\"" + body + "\"},"
                        + "{\"name\":\"img\",\"contentType\":\"image/png\",\"body\":\"" + body + "\"}]}");
        Path untouched = Files.writeString(artifacts.resolve("stdout.txt"), "nothing to hide\n");

        List<Path> changed = writer.redactArtifacts(folder.artifactsDir(), redact);

        assertEquals(Set.of(context, log, report), Set.copyOf(changed));
        assertEquals("- text: token [REDACTED]\n", Files.readString(context));
        assertEquals(big.replace(secret, "[REDACTED]"), Files.readString(log));
        assertTrue(java.util.Arrays.equals(png, Files.readAllBytes(shot)), "a screenshot stays byte for byte");
        assertTrue(java.util.Arrays.equals(latin1, Files.readAllBytes(notUtf8)), "a file that is not UTF-8 stays");
        JsonNode parsed = new ObjectMapper().readTree(report.toFile());
        assertEquals("Authorization: [REDACTED]", new String(java.util.Base64.getDecoder()
                .decode(parsed.at("/attachments/0/body").asText())));
        assertEquals(body, parsed.at("/attachments/1/body").asText(), "an image's body is not text");
        assertEquals("nothing to hide\n", Files.readString(untouched));
        try (Stream<Path> left = Files.walk(results)) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith(".redacting") || p.toString().endsWith(".tmp")));
        }
        folder.close();
    }

    @Test
    void artifactsOutsideTheResultsFolderAreRefused() {
        RunFolderWriter writer = new RunFolderWriter(results.resolve("results"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> writer.redactArtifacts(results.resolve("elsewhere"), t -> t));
        assertTrue(e.getMessage().contains("not inside the results folder"), e.getMessage());
    }

    @Test
    void aBlobReportZipIsRedactedEntryByEntryKeepingBinaryEntriesByteForByteAndEveryEventJson() throws Exception {
        String secret = "s3cr3t-value-42";
        java.util.function.UnaryOperator<String> redact = t -> t.replace(secret, "$TEST_PASSWORD");
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        byte[] secretBytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(secretBytes, 0, png, 100, secretBytes.length);
        String events = String.join("\n",
                "{\"method\":\"onStdIO\",\"params\":{\"type\":\"stdout\",\"data\":\"token " + secret
                        + "\",\"isBase64\":false}}",
                "{\"method\":\"onStdIO\",\"params\":{\"type\":\"stdout\",\"data\":\""
                        + b64.encodeToString(("bytes " + secret).getBytes()) + "\",\"isBase64\":true}}",
                "{\"method\":\"onTestEnd\",\"params\":{\"result\":{\"attachments\":[{\"name\":\"request.txt\","
                        + "\"contentType\":\"text/plain\",\"base64\":\"" + b64.encodeToString(("GET " + secret).getBytes())
                        + "\"},{\"name\":\"shot\",\"contentType\":\"image/png\",\"path\":\"resources/a.png\"}]}}}",
                "");
        Path zip = results.resolve("blob/report-1.zip");
        Files.createDirectories(zip.getParent());
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : java.util.Map.of("report.jsonl", events.getBytes(), "resources/a.png", png,
                    "resources/b.md", ("page: " + secret).getBytes()).entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }

        assertTrue(RunFolderWriter.redactZip(zip, redact));

        java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(in.entries())) {
                entries.put(e.getName(), in.getInputStream(e).readAllBytes());
            }
        }
        assertEquals(Set.of("report.jsonl", "resources/a.png", "resources/b.md"), entries.keySet());
        assertTrue(java.util.Arrays.equals(png, entries.get("resources/a.png")), "the png is kept byte for byte");
        assertEquals("page: $TEST_PASSWORD", new String(entries.get("resources/b.md")));
        List<String> lines = new String(entries.get("report.jsonl")).lines().toList();
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        assertEquals("token $TEST_PASSWORD", json.readTree(lines.get(0)).at("/params/data").asText());
        assertEquals("bytes $TEST_PASSWORD", new String(java.util.Base64.getDecoder().decode(
                json.readTree(lines.get(1)).at("/params/data").asText())));
        assertEquals("GET $TEST_PASSWORD", new String(java.util.Base64.getDecoder().decode(
                json.readTree(lines.get(2)).at("/params/result/attachments/0/base64").asText())));
        try (Stream<Path> left = Files.list(zip.getParent())) {
            assertEquals(List.of(zip), left.toList(), "no temporary file or folder is left beside the zip");
        }
        // nothing to redact: the zip is not rewritten
        long written = Files.getLastModifiedTime(zip).toMillis();
        Files.setLastModifiedTime(zip, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        assertFalse(RunFolderWriter.redactZip(zip, redact));
        assertEquals(written - 60_000, Files.getLastModifiedTime(zip).toMillis());
    }
}
