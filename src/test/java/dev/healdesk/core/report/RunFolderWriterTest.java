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
}
