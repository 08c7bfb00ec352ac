package dev.healdesk.app.hardware;

import atlantafx.base.controls.Message;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelChoice;
import dev.healdesk.core.llm.OllamaStandIn;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Hardware screen in a window (TestFX, headless Monocle): probes on a real worker thread through the
 * platform bridge, the Ollama stand-in, an RTX 4090 as nvidia-smi reports it; the nodes are looked up as an
 * operator would read them.
 */
@ExtendWith(ApplicationExtension.class)
class HardwareViewTest {
    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final StackPane holder = new StackPane();
    private HardwareViewModel model;
    private HardwareView view;

    @Start
    void start(Stage stage) {
        ThemeService theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        Scene scene = new Scene(holder, 1240, 780);   // within Monocle's headless 1280x800 screen
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (view != null) {
                view.dispose();
            }
            if (model != null) {
                model.dispose();
            }
        });
        worker.shutdownNow();
        ollama.close();
    }

    private void show(FxRobot robot, String host, Map<String, String> env) throws Exception {
        LlmSetup setup = HardwareViewModelTest.setup(HardwareViewModelTest.RTX, host, prefs(), env);
        robot.interact(() -> {
            model = new HardwareViewModel(() -> setup, worker, worker, FxBridge.platform());
            view = new HardwareView(model);   // asks for the first probe, as when the screen is first shown
            holder.getChildren().setAll(view.root());
        });
        waitFor(() -> model.probedProperty().get());
    }

    private Path prefs() {
        return dir.resolve("preferences.json");
    }

    @Test
    void showsTheGpuAndTheReasonAndWarnsWhenTheOperatorPicksAModelThatDoesNotFit(FxRobot robot) throws Exception {
        show(robot, ollama.host(), Map.of());

        ProgressBar vram = robot.lookup("#gpu-vram-0").queryAs(ProgressBar.class);
        assertThat(vram.getProgress()).isCloseTo(1024.0 / 24564, within(1e-6));
        assertThat(vram.isVisible()).isTrue();
        assertThat(text(robot, "#gpu-free-0")).isEqualTo("22.6 GB free");
        assertThat(text(robot, "#gpu-usage-0")).isEqualTo("1 GB used of 24 GB");
        assertThat(text(robot, "#ollama-state")).isEqualTo("running");
        assertThat(robot.lookup("#ollama-problem").query().isVisible()).isFalse();
        assertThat(text(robot, "#model-name")).isEqualTo("qwen2.5-coder:32b");
        assertThat(text(robot, "#model-source")).isEqualTo("recommended");
        ModelChoice recommended = model.choiceProperty().get();
        assertThat(text(robot, "#model-reason")).isEqualTo(recommended.reason() + ".").contains("fits 22.6 GB");
        assertThat(robot.lookup("#model-warning").query().isVisible()).isFalse();
        assertThat(robot.lookup("#pull-model").queryButton().getText()).isEqualTo("Pull qwen2.5-coder:32b");

        ComboBox<ModelOption> picker = robot.lookup("#model-picker").queryComboBox();
        ModelOption big = picker.getItems().stream().filter(o -> o.name().equals("llama3.3:70b")).findFirst()
                .orElseThrow();
        robot.interact(() -> picker.getSelectionModel().select(big));
        waitFor(() -> model.choiceProperty().get().source() == ModelChoice.Source.OPERATOR);

        Message warning = robot.lookup("#model-warning").queryAs(Message.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(robot.from(warning).lookup((Label l) -> l.getText().equals("Check this choice before a run"))
                .tryQuery()).as("the title is shown as the title").isPresent();
        assertThat(warning.getDescription()).contains("llama3.3:70b does not fit");
        assertThat(text(robot, "#model-name")).isEqualTo("llama3.3:70b");
        assertThat(text(robot, "#model-source")).isEqualTo("your choice");
        assertThat(Files.readString(prefs().resolveSibling("settings.json"))).contains("llama3.3:70b");

        robot.clickOn("#use-recommendation");
        waitFor(() -> model.choiceProperty().get().source() == ModelChoice.Source.RECOMMENDED);
        assertThat(robot.lookup("#model-warning").query().isVisible()).isFalse();
        assertThat(picker.getValue().name()).isEqualTo("qwen2.5-coder:32b");
        assertThat(Files.readString(prefs().resolveSibling("settings.json"))).doesNotContain("llama3.3:70b");
    }

    @Test
    void pullingFromTheButtonInstallsTheModel(FxRobot robot) throws Exception {
        show(robot, ollama.host(), Map.of());

        robot.clickOn("#pull-model");
        waitFor(() -> model.choiceProperty().get().installed());

        assertThat(text(robot, "#pull-status")).isEqualTo("qwen2.5-coder:32b is installed");
        assertThat(robot.lookup("#pull-model").query().isVisible()).isFalse();
        assertThat(robot.lookup("#pull-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        Node installed = robot.lookup("#ollama-installed").query();
        assertThat(robot.from(installed).lookup((Label l) -> "qwen2.5-coder:32b".equals(l.getText())).tryQuery())
                .isPresent();
    }

    @Test
    void ollamaModelDisablesThePickerAndSaysWhy(FxRobot robot) throws Exception {
        show(robot, ollama.host(), Map.of(LlmSetup.MODEL_ENV, "llama3.2"));

        assertThat(robot.lookup("#model-picker").queryComboBox().isDisabled()).isTrue();
        assertThat(robot.lookup("#use-recommendation").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#model-forced")).contains("OLLAMA_MODEL=llama3.2");
        assertThat(text(robot, "#model-source")).isEqualTo("set by OLLAMA_MODEL");
        assertThat(robot.lookup("#pull-model").query().isVisible()).as("llama3.2 is installed").isFalse();
    }

    @Test
    void anUnreachableOllamaShowsADangerBannerThatSaysWhatToDo(FxRobot robot) throws Exception {
        String host;
        try (ServerSocket free = new ServerSocket(0)) {
            host = "http://127.0.0.1:" + free.getLocalPort();
        }
        show(robot, host, Map.of());

        Message problem = robot.lookup("#ollama-problem").queryAs(Message.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getStyleClass()).contains("danger");
        assertThat(problem.getDescription()).contains("ollama serve").contains("OLLAMA_HOST").contains(host);
        assertThat(text(robot, "#ollama-state")).isEqualTo("not reachable");
        assertThat(robot.lookup("#pull-model").query().isVisible()).isFalse();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
