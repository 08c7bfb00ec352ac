package dev.healdesk.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings file: each entry checked on its own with its line, secrets refused, saving keeps what it does not set. */
class SettingsFileTest {
    @TempDir
    Path dir;

    private SettingsFile file(String json) throws Exception {
        Path p = dir.resolve("settings.json");
        Files.writeString(p, json);
        return new SettingsFile(p);
    }

    @Test
    void validEntriesCountAndEachBadOneIsAProblemWithItsLine() throws Exception {
        SettingsFile f = file("""
                {
                  "run": { "maxFixes": 5, "dryRun": "yes" },
                  "llm": { "host": "gpu-box:11434", "hots": "x" },
                  "guardrails": { "cooldownSeconds": 99999 },
                  "target": { "baseUrl": "https://ci:hunter2@crm.example.com", "projects": ["health", "contracts"] },
                  "secrets": { "anthropicApiKey": "sk-ant-xyz" }
                }
                """);

        SettingsFile.Contents c = f.read();

        assertThat(c.values()).containsEntry(Setting.MAX_FIXES, "5").containsEntry(Setting.DRY_RUN, "true")
                .containsEntry(Setting.OLLAMA_HOST, "gpu-box:11434")
                .containsEntry(Setting.PROJECTS, "health,contracts")
                .doesNotContainKeys(Setting.GUARD_COOLDOWN, Setting.BASE_URL);
        assertThat(c.problems()).hasSize(4);
        assertThat(c.problems().get(0)).isEqualTo("line 3: unknown setting llm.hots: known in this section: llm.host,"
                + " llm.model, llm.cloudFallback, llm.fallbackOnly, llm.cloudModel, llm.unifiedMemoryReserveGb");
        assertThat(c.problems().get(1)).startsWith("line 4: guardrails.cooldownSeconds: 99999 is out of range")
                .contains("from 0 to 3600");
        assertThat(c.problems().get(2)).startsWith("line 5: target.baseUrl: the value looks like it holds a secret");
        assertThat(c.problems().get(3)).startsWith("line 6: secrets.anthropicApiKey looks like a secret")
                .doesNotContain("sk-ant-xyz");
        assertThat(String.join("\n", c.problems())).doesNotContain("hunter2");
    }

    @Test
    void brokenJsonIsOneProblemWithItsLine() throws Exception {
        SettingsFile f = file("{\n  \"run\": { \"maxFixes\": 5,, }\n}\n");
        assertThat(f.read().problems()).hasSize(1).first().asString().startsWith("line 2: not valid JSON");
    }

    @Test
    void saveWritesCheckedValuesKeepsEverythingElseAndRefusesSecrets() throws Exception {
        SettingsFile f = file("""
                {"run": {"maxFixes": 5}, "llm": {"hots": "typo kept as the operator wrote it"}, "x-note": "mine"}
                """);

        Map<Setting, String> refused = f.save(Map.of(
                Setting.OLLAMA_HOST, "http://gpu-box:11434",
                Setting.DRY_RUN, "on",
                Setting.MAX_FIXES, "",                                   // removes it
                Setting.GUARD_ATTEMPTS, "0",                             // out of range
                // a token of GitHub's shape with a random-looking part (one letter repeated is a sample's, which the
                // redactor keeps)
                Setting.BASE_URL, "https://crm.example.com/?token=ghp_" + "R8mZ2kQ7vX4pL9tN3wB6yC1hF5jD0sG8aE2u"));

        assertThat(refused).containsOnlyKeys(Setting.GUARD_ATTEMPTS, Setting.BASE_URL);
        assertThat(refused.get(Setting.GUARD_ATTEMPTS)).contains("from 1 to 10");
        assertThat(refused.get(Setting.BASE_URL)).contains("secret").contains(".env");
        String written = Files.readString(f.file());
        assertThat(written).contains("\"host\" : \"http://gpu-box:11434\"").contains("\"dryRun\" : true")
                .contains("\"hots\"").contains("\"x-note\" : \"mine\"")
                .doesNotContain("maxFixes").doesNotContain("ghp_").doesNotContain("maxAttemptsPerFailure");
        assertThat(f.read().values()).containsEntry(Setting.OLLAMA_HOST, "http://gpu-box:11434")
                .containsEntry(Setting.DRY_RUN, "true").doesNotContainKey(Setting.MAX_FIXES);
    }

    @Test
    void savingOverAFileThatIsNotAnObjectIsRefusedAndTheFileKept() throws Exception {
        SettingsFile f = file("[1, 2, 3]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.save(Map.of(Setting.DRY_RUN, "true")))
                .hasMessageContaining("not a JSON object").hasMessageContaining("fix or delete it");
        assertThat(Files.readString(f.file())).isEqualTo("[1, 2, 3]");
    }
}
