package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI as an operator or a scheduler uses it: real sandbox, real Chromium, real files, exit codes. */
class CliTest {

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private int storedRuns() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("results/healdesk.db"))) {
            return store.countRuns();
        }
    }

    @Test
    void aHealthySandboxRunExitsZeroAndWritesItsFolder() throws Exception {
        CliRun r = cli("run", "--projects=health,security", "--skip-llm", "--results-dir=" + dir.resolve("results"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("finished: healthy"), r.out());
        JsonNode latest = new ObjectMapper().readTree(dir.resolve("results/latest.json").toFile());
        assertEquals("healthy", latest.get("status").asText());
        assertEquals(List.of("health", "security"),
                List.of(latest.get("projects").get(0).asText(), latest.get("projects").get(1).asText()));
        assertTrue(Files.isDirectory(dir.resolve("results").resolve(latest.get("runId").asText())));
        assertEquals(1, storedRuns());
    }

    @Test
    void faultsMakeTheRunFailAndAreTriaged() throws Exception {
        CliRun r = cli("run", "--fault=db-pool-exhausted", "--fault=selector-changed", "--dry-run",
                "--results-dir=" + dir.resolve("results"));
        assertEquals(1, r.code(), r.out() + r.err());
        JsonNode latest = new ObjectMapper().readTree(dir.resolve("results/latest.json").toFile());
        assertEquals("failing", latest.get("status").asText());
        StringBuilder seen = new StringBuilder();
        latest.get("failures").forEach(f -> seen.append(f.get("category").asText()).append('/')
                .append(f.get("fixClass").asText()).append(' '));
        assertTrue(seen.toString().contains("database/A") && seen.toString().contains("ui/B"), seen.toString());
        latest.get("actions").forEach(a -> assertEquals("dry-run", a.get("decision").asText()));
        assertTrue(r.out().contains("TRIAGED database"), r.out());
    }

    @Test
    void approveAHealsAClassAFaultAndExitsZero() throws Exception {
        CliRun r = cli("run", "--fault=token-expired", "--projects=contracts,modules", "--skip-llm",
                "--results-dir=" + dir.resolve("results"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DECIDED refresh-tokens: auto by policy"), r.out());
        assertTrue(r.out().contains("VERIFIED refresh-tokens: yes"), r.out());
        assertTrue(r.out().contains("finished: healed, health score 100.0 (final pass: "), r.out());
        assertTrue(r.out().contains("; first pass: "), r.out());
        assertTrue(r.out().contains("; done: 1 healed"), r.out());
        JsonNode latest = new ObjectMapper().readTree(dir.resolve("results/latest.json").toFile());
        assertEquals("healthy", latest.get("status").asText());
        assertEquals("healed", latest.get("state").asText());
        assertEquals("failing", latest.get("initialStatus").asText());
        JsonNode action = latest.get("actions").get(0);
        assertTrue(action.get("applied").asBoolean() && action.get("success").asBoolean()
                && action.get("verified").asBoolean(), action.toString());
    }

    @Test
    void badFlagsExitTwoNamingTheFlag() {
        CliRun unknownFault = cli("run", "--fault=dbpool", "--results-dir=" + dir.resolve("results"));
        assertEquals(2, unknownFault.code());
        assertTrue(unknownFault.err().contains("--fault: unknown fault 'dbpool'")
                && unknownFault.err().contains("db-pool-exhausted"), unknownFault.err());

        CliRun notANumber = cli("run", "--max-fixes=many");
        assertEquals(2, notANumber.code());
        assertTrue(notANumber.err().contains("--max-fixes"), notANumber.err());

        CliRun badApprove = cli("run", "--approve=some", "--results-dir=" + dir.resolve("results"));
        assertEquals(2, badApprove.code());
        assertTrue(badApprove.err().contains("--approve must be none, A or all"), badApprove.err());

        CliRun unknownOption = cli("run", "--dryrun");
        assertEquals(2, unknownOption.code());
        assertTrue(unknownOption.err().contains("--dryrun"), unknownOption.err());

        CliRun unknownProject = cli("run", "--projects=helth", "--results-dir=" + dir.resolve("results"));
        assertEquals(2, unknownProject.code());
        assertTrue(unknownProject.err().contains("helth") && unknownProject.err().contains("contracts"),
                unknownProject.err());
    }

    @Test
    void aBrokenTargetFileExitsTwoAndLosesNothingRecorded() throws Exception {
        assertEquals(0, cli("run", "--projects=health", "--results-dir=" + dir.resolve("results")).code());
        String latestBefore = Files.readString(dir.resolve("results/latest.json"));
        Path target = dir.resolve("broken.yaml");
        Files.writeString(target, "name: x\nbaseUrl: http://127.0.0.1:1\nprobes:\n  - id: a\n    projekt: health\n");
        CliRun r = cli("run", "--target=" + target, "--results-dir=" + dir.resolve("results"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.yaml line 5: unknown field 'projekt'"), r.err());
        assertEquals(1, storedRuns(), "the earlier run is still there");
        assertEquals(latestBefore, Files.readString(dir.resolve("results/latest.json")));

        Path suite = dir.resolve("checks.yaml");
        Files.writeString(suite, "checks:\n  - id: db\n    project: health\n    postgres: {host: h, database: d,"
                + " user: u, password: hunter2}\n");
        Files.writeString(target, "name: x\nbaseUrl: http://127.0.0.1:1\nsuites: [{kind: probes, file: checks.yaml}]\n");
        CliRun badSuite = cli("run", "--target=" + target, "--results-dir=" + dir.resolve("results"));
        assertEquals(2, badSuite.code());
        assertTrue(badSuite.err().contains("checks.yaml line 4: unknown field 'password'")
                && badSuite.err().contains("passwordEnv"), badSuite.err());
        assertEquals(1, storedRuns(), "nothing ran");

        CliRun withFault = cli("run", "--target=" + target, "--fault=slow");
        assertEquals(2, withFault.code());
        assertTrue(withFault.err().contains("--fault"), withFault.err());
    }

    @Test
    void aMissingBrowserExitsTwoSayingWhatToDo() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start()) {
            Path target = dir.resolve("t.yaml");
            Files.writeString(target, "name: t\nbaseUrl: " + sandbox.baseUrl() + "\nbrowser: /nonexistent/chrome\n"
                    + "probes:\n  - {id: login, project: modules, page: {url: /login, visible: ['#email']}}\n");
            CliRun r = cli("run", "--target=" + target, "--results-dir=" + dir.resolve("results"));
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("/nonexistent/chrome"), r.err());
        }
    }

    @Test
    void anUnreachableFileTargetIsAFailingRunNotACrash() throws Exception {
        Path target = dir.resolve("down.yaml");
        Files.writeString(target, "name: down\napiUrl: http://127.0.0.1:9\n"
                + "probes:\n  - {id: health, project: health, http: {url: /api/health}}\n");
        CliRun r = cli("run", "--target=" + target, "--results-dir=" + dir.resolve("results"));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("TRIAGED network"), r.out());
    }

    @Test
    void triageReadsJsonLinesAndWritesOneResultPerLine() throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, """
                {"id":"t1","message":"Error: connect ECONNREFUSED 127.0.0.1:5432"}
                {"id":"t2","message":"TokenExpiredError: jwt expired"}

                {"id":"t3","message":"locator.click: Timeout 5000ms exceeded.\\nCall log:\\n  - waiting for locator('#save')","stack":"at /app/tests/a.spec.ts:10:5"}
                """);
        CliRun r = cli("triage", "--input=" + input);
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.out().lines().map(l -> {
            try {
                return new ObjectMapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(3, lines.size());
        assertEquals("t1", lines.get(0).get("id").asText());
        assertEquals("database", lines.get(0).get("category").asText());
        assertEquals("auth", lines.get(1).get("category").asText());
        assertEquals("A", lines.get(1).get("fixClass").asText());
        assertEquals("ui", lines.get(2).get("category").asText());
        assertEquals("B", lines.get(2).get("fixClass").asText());
        for (JsonNode n : lines) {
            for (String f : List.of("id", "category", "severity", "fixClass", "fingerprint", "patternId", "playbook")) {
                assertTrue(n.has(f), f + " in " + n);
            }
        }
    }

    /** The first lines are triaged without the pre-filter, the rest with it: every line as the run's triage says. */
    @Test
    void triagePrintsForEachOfFortyLinesWhatTheTriageWithThePreFilterSays() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> corpus;
        try (var in = dev.healdesk.core.triage.Triage.class.getResourceAsStream("corpus.jsonl")) {
            corpus = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).limit(20).map(l -> {
                        try {
                            return json.readTree(l);
                        } catch (Exception e) {
                            throw new AssertionError(l, e);
                        }
                    }).toList();
        }
        assertEquals(20, corpus.size());
        StringBuilder input = new StringBuilder();
        List<dev.healdesk.core.triage.TriagedFailure> expected = new java.util.ArrayList<>();
        dev.healdesk.core.triage.Triage triage = new dev.healdesk.core.triage.Triage(
                dev.healdesk.core.triage.PatternCatalog.builtIn());
        for (int i = 0; i < 40; i++) {
            JsonNode c = corpus.get(i % 20);
            String stack = c.hasNonNull("stack") ? c.get("stack").asText() : null;
            com.fasterxml.jackson.databind.node.ObjectNode line = json.createObjectNode().put("id", "t" + i)
                    .put("message", c.get("message").asText());
            if (stack != null) {
                line.put("stack", stack);
            }
            input.append(json.writeValueAsString(line)).append('\n');
            expected.add(triage.triage(c.get("message").asText(), stack));
        }
        Path file = dir.resolve("forty.jsonl");
        Files.writeString(file, input);
        CliRun r = cli("triage", "--input=" + file);
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertEquals(40, out.size());
        for (int i = 0; i < 40; i++) {
            JsonNode n = json.readTree(out.get(i));
            dev.healdesk.core.triage.TriagedFailure e = expected.get(i);
            assertEquals("t" + i, n.get("id").asText());
            assertEquals(e.classification().patternId(), n.get("patternId").asText(), out.get(i));
            assertEquals(e.classification().category().id(), n.get("category").asText(), out.get(i));
            assertEquals(e.fingerprint(), n.get("fingerprint").asText(), out.get(i));
        }
        for (int i = 0; i < 20; i++) {   // line i without the pre-filter (up to 16), line i + 20 with it
            assertEquals(out.get(i).substring(out.get(i).indexOf(",\"category\"")),
                    out.get(i + 20).substring(out.get(i + 20).indexOf(",\"category\"")), "line " + (i + 1));
        }
    }

    @Test
    void triageTakesANumberIdAsItsTextPassesOverOtherFieldsAndRefusesAnIdThatIsNoText() throws Exception {
        Path input = dir.resolve("numbers.jsonl");
        Files.writeString(input, """
                {"id":42,"extra":{"nested":[1,{"id":"not this"}]},"message":"Error: connect ECONNREFUSED 127.0.0.1:5432","stack":null}
                {"id":1.5,"message":"TokenExpiredError: jwt expired"} trailing words are not read
                """);
        CliRun r = cli("triage", "--input=" + input);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        // one compact JSON object a line, its fields in their documented order
        assertTrue(lines.get(0).matches("\\{\"id\":\"42\",\"category\":\"database\",\"severity\":\"[a-z]+\","
                + "\"fixClass\":\"[A-Z]\",\"fingerprint\":\"[^\"]+\",\"patternId\":\"[^\"]+\",\"playbook\":.+}"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"id\":\"1.5\",\"category\":\"auth\","), lines.get(1));

        for (String bad : List.of("{\"id\":true,\"message\":\"x\"}", "{\"id\":\"t1\",\"message\":[\"x\"]}")) {
            Files.writeString(input, "{\"id\":\"ok\",\"message\":\"x\"}\n" + bad + "\n");
            CliRun refused = cli("triage", "--input=" + input);
            assertEquals(2, refused.code(), bad);
            assertTrue(refused.err().contains("numbers.jsonl line 2: \"") && refused.err().contains("\" must be a string"),
                    refused.err());
        }
        Files.writeString(input, "null\n");
        CliRun notAnObject = cli("triage", "--input=" + input);
        assertEquals(2, notAnObject.code());
        assertTrue(notAnObject.err().contains("line 1: expected a JSON object"), notAnObject.err());
    }

    @Test
    void triageNamesTheBadLine() throws Exception {
        Path input = dir.resolve("bad.jsonl");
        Files.writeString(input, "{\"id\":\"ok\",\"message\":\"x\"}\n{\"id\":\"t2\",\"message\":\n");
        CliRun r = cli("triage", "--input=" + input);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.jsonl line 2: not valid JSON"), r.err());

        Files.writeString(input, "{\"id\":\"t1\"}\n");
        CliRun missing = cli("triage", "--input=" + input);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("line 1: missing \"message\""), missing.err());
    }

    @Test
    void aBrokenPatternFileExitsTwoNamingFileAndLine() throws Exception {
        Path patterns = dir.resolve("patterns.json");
        Files.writeString(patterns, """
                {"version": 1, "patterns": [
                  {"id": "mine", "name": "Mine", "description": "d", "regex": "oops(",
                   "category": "api", "severity": "high", "fixClass": "A", "playbook": null, "priority": 10}
                ]}
                """);
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"t1\",\"message\":\"x\"}\n");
        CliRun r = cli("triage", "--input=" + input, "--patterns=" + patterns);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("patterns.json") && r.err().contains("line") && r.err().contains("mine"), r.err());
    }
}
