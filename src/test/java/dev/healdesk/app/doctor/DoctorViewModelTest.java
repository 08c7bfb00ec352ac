package dev.healdesk.app.doctor;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.doctor.CheckStatus;
import dev.healdesk.core.doctor.Doctor;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelCatalog;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.llm.OllamaStandIn;
import dev.healdesk.core.suite.BrowserLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup check's view model without a window: the real doctor over the Ollama stand-in and an empty PATH, real
 * preferences files, every job on the calling thread (deterministic).
 */
class DoctorViewModelTest {
    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L);

    @AfterEach
    void stop() {
        ollama.close();
    }

    private DoctorViewModel model(Path preferences) throws Exception {
        Map<String, String> env = Map.of("PATH", Files.createDirectories(dir.resolve("empty")).toString(),
                OllamaLlmClient.HOST_ENV, ollama.host());
        Preferences prefs = new Preferences(preferences);
        LlmSetup llm = new LlmSetup(() -> GpuReport.cpuOnly(List.of()), new OllamaLlmClient(ollama.host(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)),
                new ModelPicker(ModelCatalog.builtIn()), prefs, env);
        Doctor doctor = new Doctor(llm, new BrowserLocator(env, List.of()), new HealdeskPaths(dir.resolve("results"),
                dir.resolve("results/healdesk.db")), env, Runnable::run, Doctor.DEFAULT_LIMIT);
        return new DoctorViewModel(() -> doctor, prefs, Runnable::run, FxBridge.direct());
    }

    @Test
    void opensOnTheFirstStartOnlyAndChecksEachTimeItIsAsked() throws Exception {
        Path prefs = dir.resolve("config/preferences.json");
        DoctorViewModel first = model(prefs);

        assertThat(first.openOnFirstStart()).isCompletedWithValue(true);

        assertThat(first.showingProperty().get()).isTrue();
        assertThat(first.completedProperty().get()).isEqualTo(1);
        assertThat(first.checks()).hasSize(7);
        assertThat(first.checks().get(4).id()).isEqualTo("node");
        assertThat(first.checks().get(4).status()).isEqualTo(CheckStatus.MISSING);
        long attention = first.checks().stream().filter(c -> c.status() != CheckStatus.OK).count();
        assertThat(first.headlineProperty().get()).isEqualTo(attention + " parts need attention: what to do is under"
                + " each.");
        assertThat(first.summaryProperty().get()).startsWith("7 checks in ");
        assertThat(new Preferences(prefs).firstStartDone()).isTrue();

        first.check();
        assertThat(first.completedProperty().get()).isEqualTo(2);
        first.close();
        assertThat(first.showingProperty().get()).isFalse();

        DoctorViewModel second = model(prefs);
        assertThat(second.openOnFirstStart()).isCompletedWithValue(false);
        assertThat(second.showingProperty().get()).isFalse();
        assertThat(second.completedProperty().get()).isZero();
    }

    @Test
    void preferencesThatCannotBeSavedStillOpenTheCheck() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the config folder should be");
        DoctorViewModel model = model(blocker.resolve("preferences.json"));

        assertThat(model.openOnFirstStart()).isCompletedWithValue(true);

        assertThat(model.showingProperty().get()).isTrue();
        assertThat(model.checks()).hasSize(7);
        assertThat(model.errorProperty().get()).isNull();
    }
}
