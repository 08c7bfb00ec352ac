package dev.healdesk.app.doctor;

import dev.healdesk.app.AppContext;
import dev.healdesk.app.ConsoleView;
import dev.healdesk.app.ConsoleViewModel;
import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.llm.OllamaStandIn;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup check as the console shows it on its first start (TestFX, headless Monocle): the real composition root
 * over a fresh config folder, the Ollama stand-in, a stand-in {@code node} printing an old version on a PATH built
 * here, the doctor on its own executor and its report through the platform bridge.
 */
@ExtendWith(ApplicationExtension.class)
class DoctorViewTest {
    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L);
    private final Fixtures.RecordingDialogs dialogs = new Fixtures.RecordingDialogs();
    private final ThemeService theme = new ThemeService(false);
    private Stage stage;
    private AppContext context;
    private ConsoleViewModel model;
    private ConsoleView view;

    @Start
    void start(Stage stage) {
        theme.installUserAgentStylesheet();
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 1240, 780);   // within Monocle's headless 1280x800 screen
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        stopConsole(robot);
        ollama.close();
    }

    private Map<String, String> env() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\necho v16.20.0\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of("PATH", bin.toString(), "OLLAMA_HOST", ollama.host(),
                Preferences.CONFIG_DIR_ENV, dir.resolve("config").toString());
    }

    /** Starts the console as HealdeskApp does: the window first, then (after it) the first-start decision. */
    private boolean startConsole(FxRobot robot) throws Exception {
        Map<String, String> env = env();
        java.util.concurrent.CompletableFuture<Boolean>[] decided = new java.util.concurrent.CompletableFuture[1];
        robot.interact(() -> {
            context = new AppContext(new HealdeskPaths(dir.resolve("results"), dir.resolve("results/healdesk.db")),
                    FxBridge.platform(), env);
            model = context.newConsoleModel(dialogs, uri -> { });
            view = new ConsoleView(model, theme, dev.healdesk.app.Fixtures.settings(dir, theme));
            stage.getScene().setRoot(view.root());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> decided[0] = model.doctor().openOnFirstStart());
        boolean opened = decided[0].get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return opened;
    }

    private void stopConsole(FxRobot robot) {
        if (context == null) {
            return;
        }
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
        context.close();
        context = null;
    }

    private Optional<Window> doctorWindow(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s
                && "Healdesk — setup check".equals(s.getTitle()) && s.isShowing()).findFirst();
    }

    private void waitForChecks(int count) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.doctor().completedProperty().get() >= count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theFirstStartOpensTheSetupCheckOnceAndCheckAgainRunsItAgain(FxRobot robot) throws Exception {
        assertThat(startConsole(robot)).as("the first start opens the setup check").isTrue();
        waitForChecks(1);

        assertThat(doctorWindow(robot)).as("the setup check's window").isPresent();
        assertThat(text(robot, "#doctor-status-node")).isEqualTo("warning");
        assertThat(robot.lookup("#doctor-status-node").query().getStyleClass()).contains("badge", "status-degraded");
        assertThat(text(robot, "#doctor-finding-node"))
                .isEqualTo("Node.js v16.20.0 is too old: Playwright needs 18 or newer");
        TextField command = robot.lookup("#doctor-command-node-0").queryAs(TextField.class);
        assertThat(command.getText()).isEqualTo("sudo apt-get install -y nodejs npm");
        assertThat(command.isEditable()).as("a command to copy, not to edit").isFalse();
        assertThat(text(robot, "#doctor-status-ollama")).isEqualTo("ok");
        assertThat(text(robot, "#doctor-summary")).startsWith("7 checks in ");
        assertThat(Files.readString(dir.resolve("config/preferences.json"))).contains("\"firstStartDone\" : true");

        int asked = ollama.requests("/api/version").size();
        robot.clickOn("#doctor-check-again");
        waitForChecks(2);
        assertThat(ollama.requests("/api/version")).as("Check again asks Ollama again").hasSizeGreaterThan(asked);

        robot.clickOn("#doctor-continue");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doctorWindow(robot)).as("Continue closes it").isEmpty();
        assertThat(model.doctor().showingProperty().get()).isFalse();
        stopConsole(robot);

        assertThat(startConsole(robot)).as("the second start does not open it").isFalse();
        assertThat(doctorWindow(robot)).isEmpty();
        assertThat(model.doctor().completedProperty().get()).isZero();

        robot.clickOn("#nav-hardware");
        robot.clickOn("#hardware-check-setup");
        waitForChecks(1);
        assertThat(doctorWindow(robot)).as("Check setup on the Hardware screen opens it").isPresent();
        assertThat(text(robot, "#doctor-status-node")).isEqualTo("warning");
        assertThat(dialogs.shown).isEmpty();
    }
}
