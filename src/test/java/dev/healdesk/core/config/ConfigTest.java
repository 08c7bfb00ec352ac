package dev.healdesk.core.config;

import dev.healdesk.core.playbook.Guardrails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layers: settings file < .env < environment, each value checked where it is written, secrets never from the file. */
class ConfigTest {
    @TempDir
    Path dir;

    private Config load(String settings, String dotEnv, Map<String, String> environment) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        if (settings != null) {
            Files.writeString(config.resolve(SettingsFile.NAME), settings);
        }
        if (dotEnv != null) {
            Files.writeString(dir.resolve(".env"), dotEnv);
        }
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put(Preferences.CONFIG_DIR_ENV, config.toString());
        return Config.load(env, dir);
    }

    @Test
    void eachLayerGoesOverTheOneBeforeAndSaysWhereItCameFrom() throws Exception {
        Config c = load("""
                {"run": {"maxFixes": 1, "dryRun": true, "skipLlm": true},
                 "llm": {"host": "file-host:11434"},
                 "target": {"projects": "health"}}
                """, """
                HEAL_MAX_FIXES=2
                OLLAMA_HOST=dotenv-host:11434
                TEST_PASSWORD=from-dotenv-only
                """, Map.of("HEAL_MAX_FIXES", "4", "HEAL_SKIP_LLM", "no"));

        assertThat(c.problems()).isEmpty();
        assertThat(c.env()).containsEntry("HEAL_MAX_FIXES", "4")          // environment over .env over file
                .containsEntry("OLLAMA_HOST", "dotenv-host:11434")          // .env over file
                .containsEntry("HEAL_DRY_RUN", "true")                      // file only
                .containsEntry("HEAL_SKIP_LLM", "false")                    // environment, normalised from "no"
                .containsEntry("HEAL_PROJECTS", "health")
                .containsEntry("TEST_PASSWORD", "from-dotenv-only");        // secrets come from .env
        assertThat(c.source(Setting.MAX_FIXES).layer()).isEqualTo(Config.Layer.ENVIRONMENT);
        assertThat(c.source(Setting.OLLAMA_HOST).describe()).isEqualTo(dir.resolve(".env") + " line 2");
        assertThat(c.source(Setting.DRY_RUN).describe()).isEqualTo(c.settingsFile().file() + " line 1");
        assertThat(c.source(Setting.GUARD_COOLDOWN).layer()).isEqualTo(Config.Layer.DEFAULT);
        assertThat(c.value(Setting.GUARD_COOLDOWN)).contains("5");
        assertThat(c.secrets()).containsEntry("TEST_PASSWORD", Optional.of(Config.Layer.DOTENV))
                .containsEntry("ANTHROPIC_API_KEY", Optional.empty());
    }

    @Test
    void aRefusedValueIsAProblemNamingItsFileLineOrVariableAndTheLayerBelowStays() throws Exception {
        Config c = load("{\"run\": {\"maxFixes\": 2}}", "\nHEAL_MAX_FIXES=lots\n",
                Map.of("HEALDESK_COOLDOWN_SECONDS", "-1", "OLLAMA_HOST", "gpu-box:11434"));

        assertThat(c.problems()).containsExactlyInAnyOrder(
                dir.resolve(".env") + " line 2: HEAL_MAX_FIXES (Max fixes per run): 'lots' is not a whole number:"
                        + " give one from 0 to 50",
                "the environment: HEALDESK_COOLDOWN_SECONDS (Cooldown (s)): -1 is out of range: give a whole number"
                        + " from 0 to 3600");
        assertThat(c.env()).containsEntry("HEAL_MAX_FIXES", "2").doesNotContainKey("HEALDESK_COOLDOWN_SECONDS");
        assertThatThrownBy(c::requireValid).isInstanceOf(Config.ConfigException.class)
                .hasMessageStartingWith("The settings have 2 problems (nothing was run):")
                .hasMessageContaining(".env line 2");
    }

    @Test
    void guardrailsComeFromTheSettingsOverTheDefaults() throws Exception {
        Config c = load("{\"guardrails\": {\"cooldownSeconds\": 0, \"protect\": [\"billing\"], \"maxFixesPerRun\": 6}}",
                null, Map.of("HEALDESK_SETTLE_MS", "50"));

        Guardrails g = Config.guardrails(c.env());

        assertThat(g.cooldown()).isEqualTo(Duration.ZERO);
        assertThat(g.settle()).isEqualTo(Duration.ofMillis(50));
        assertThat(g.maxFixesPerRun()).isEqualTo(6);
        assertThat(g.isProtected("billing")).isTrue();
        assertThat(g.isProtected("kube-system")).isTrue();   // the built-in names stay
        assertThat(g.maxAttemptsPerFailure()).isEqualTo(Guardrails.defaults().maxAttemptsPerFailure());
    }

    @Test
    void theModelOverrideIsTheFilesAndThePreferencesWriteItThere() throws Exception {
        Config before = load(null, null, Map.of());
        Preferences prefs = Preferences.fromEnvironment(Map.of(Preferences.CONFIG_DIR_ENV,
                dir.resolve("config").toString()));
        prefs.setModelOverride(Optional.of("qwen2.5-coder:14b"));

        Config after = Config.load(Map.of(Preferences.CONFIG_DIR_ENV, dir.resolve("config").toString()), dir);

        assertThat(before.value(Setting.MODEL)).isEmpty();
        assertThat(after.value(Setting.MODEL)).contains("qwen2.5-coder:14b");
        assertThat(after.source(Setting.MODEL).layer()).isEqualTo(Config.Layer.FILE);
        assertThat(prefs.modelOverride()).contains("qwen2.5-coder:14b");
        assertThat(after.env()).doesNotContainKey("OLLAMA_MODEL");   // a pick, not a force
    }
}
