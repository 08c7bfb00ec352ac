package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.testing.HealdeskProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings as a real healdesk process sees them: its settings file, the .env of its working folder, its
 * environment and its flags, in that order; a mistake in any of them stops a run with exit 2 naming the file and line.
 */
class ConfigCommandTest {
    @TempDir
    Path dir;

    private void settings(String json) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/settings.json"), json);
    }

    private static JsonNode setting(JsonNode root, String key) {
        for (JsonNode s : root.get("settings")) {
            if (s.get("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    void configShowsTheValueInForceAndWhereItCameFromButNeverASecret() throws Exception {
        settings("{\"run\": {\"maxFixes\": 1, \"dryRun\": true}, \"llm\": {\"host\": \"file-host\"}}");
        String password = "pw-" + Long.toHexString(System.nanoTime());
        Files.writeString(dir.resolve(".env"), "HEAL_MAX_FIXES=2\nOLLAMA_HOST=dotenv-host\nTEST_PASSWORD=" + password + "\n");

        HealdeskProcess.Result r = HealdeskProcess.run(dir, Map.of("HEAL_MAX_FIXES", "4"), "config", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(setting(root, "run.maxFixes").get("value").asText()).isEqualTo("4");
        assertThat(setting(root, "run.maxFixes").get("source").asText()).isEqualTo("environment");
        assertThat(setting(root, "llm.host").get("value").asText()).isEqualTo("dotenv-host");
        assertThat(setting(root, "llm.host").get("where").asText()).endsWith(".env line 2");
        assertThat(setting(root, "run.dryRun").get("source").asText()).isEqualTo("settings file");
        assertThat(setting(root, "guardrails.cooldownSeconds").get("source").asText()).isEqualTo("default");
        assertThat(r.out()).contains("\"TEST_PASSWORD\"").contains("\".env\"").doesNotContain(password);
    }

    @Test
    void configSetWritesACheckedValueAndRefusesABadOneOrASecret() throws Exception {
        HealdeskProcess.Result ok = HealdeskProcess.run(dir, Map.of(), "config", "set", "OLLAMA_HOST", "gpu-box:11434");
        HealdeskProcess.Result range = HealdeskProcess.run(dir, Map.of(), "config", "set", "run.maxFixes", "99");
        HealdeskProcess.Result secret = HealdeskProcess.run(dir, Map.of(), "config", "set", "target.baseUrl",
                "https://ci:s3cr3t-Pa55@crm.example.com");
        HealdeskProcess.Result unknown = HealdeskProcess.run(dir, Map.of(), "config", "set", "llm.hots", "x");

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("Set llm.host = gpu-box:11434 in " + dir.resolve("config/settings.json"));
        assertThat(range.code()).isEqualTo(2);
        assertThat(range.err()).contains("run.maxFixes: 99 is out of range: give a whole number from 0 to 50")
                .contains("Nothing was written");
        assertThat(secret.code()).isEqualTo(2);
        assertThat(secret.err()).contains("looks like it holds a secret").doesNotContain("s3cr3t-Pa55");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown setting 'llm.hots'");
        String file = Files.readString(dir.resolve("config/settings.json"));
        assertThat(file).contains("gpu-box:11434").doesNotContain("99").doesNotContain("s3cr3t");
    }

    @Test
    void aMistakeInDotEnvStopsTheRunWithItsFileAndLine() throws Exception {
        Files.writeString(dir.resolve(".env"), "HEAL_DRY_RUN=true\nHEAL_MAX_FIXES=several\n");

        HealdeskProcess.Result r = HealdeskProcess.run(dir, Map.of("HEALDESK_RESULTS_DIR", dir.resolve("r").toString()),
                "run");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve(".env") + " line 2: HEAL_MAX_FIXES (Max fixes per run): 'several' is"
                + " not a whole number");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void aRunTakesItsProjectsFromTheLayersAndAFlagGoesOverThemAll() throws Exception {
        settings("{\"target\": {\"projects\": \"health\"}, \"run\": {\"dryRun\": true, \"skipLlm\": true}}");
        Files.writeString(dir.resolve(".env"), "HEAL_PROJECTS=contracts\n");
        Path results = dir.resolve("results");

        HealdeskProcess.Result fromDotEnv = HealdeskProcess.run(dir,
                Map.of("HEALDESK_RESULTS_DIR", results.toString()), "run");
        HealdeskProcess.Result fromFlag = HealdeskProcess.run(dir,
                Map.of("HEALDESK_RESULTS_DIR", results.toString(), "HEAL_PROJECTS", "modules"), "run",
                "--projects=health");

        assertThat(fromDotEnv.code()).as(fromDotEnv.err()).isIn(0, 1);
        assertThat(fromFlag.code()).as(fromFlag.err()).isIn(0, 1);
        ObjectMapper json = new ObjectMapper();
        java.util.List<JsonNode> summaries = new java.util.ArrayList<>();
        try (var runs = Files.list(results)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run-")).sorted().toList()) {
                summaries.add(json.readTree(run.resolve("healing-summary.json").toFile()));
            }
        }
        assertThat(summaries).hasSize(2);
        assertThat(summaries.get(0).get("projects").toString()).isEqualTo("[\"contracts\"]");
        assertThat(summaries.get(0).get("dryRun").asBoolean()).isTrue();   // from the settings file
        assertThat(summaries.get(1).get("projects").toString()).isEqualTo("[\"health\"]");
    }

    @Test
    void doctorListsTheRefusedSettingsAsAPartOfItsOwn() throws Exception {
        Files.writeString(dir.resolve(".env"), "HEAL_SKIP_LLM=perhaps\n");

        HealdeskProcess.Result r = HealdeskProcess.run(dir, Map.of("OLLAMA_HOST", "127.0.0.1:1"), "doctor", "--json");

        assertThat(r.code()).as(r.err()).isZero();   // the doctor reports, it does not refuse
        JsonNode settings = null;
        for (JsonNode c : new ObjectMapper().readTree(r.out()).get("checks")) {
            if (c.get("id").asText().equals("settings")) {
                settings = c;
            }
        }
        assertThat(settings).as("a settings part").isNotNull();
        assertThat(settings.get("status").asText()).isEqualTo("missing");
        assertThat(settings.get("details").get(0).asText()).isEqualTo(dir.resolve(".env") + " line 1: HEAL_SKIP_LLM"
                + " (Skip the model): 'perhaps' is not true or false: write true or false");
    }
}
