package dev.healdesk.app.settings;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Settings screen (TestFX, headless Monocle) over a real settings file and .env: a refused value shows its reason
 * under the field and never reaches the file, a good one is saved a moment after the last keystroke, a value the
 * environment goes over says so, the theme applies at once, and secrets are listed by origin only.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    static Path dir;

    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
    private ThemeService theme;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        file = config.resolve("settings.json");
        Files.writeString(file, "{\"run\": {\"maxFixes\": 5}, \"guardrails\": {\"settleMs\": -4}}");
        Files.writeString(dir.resolve(".env"), "TEST_PASSWORD=" + PASSWORD + "\n");
        Config loaded = Config.load(Map.of(Preferences.CONFIG_DIR_ENV, config.toString(),
                "OLLAMA_HOST", "gpu-box:11434"), dir);
        theme = new ThemeService(false);
        theme.installUserAgentStylesheet();
        SettingsView view = new SettingsView(new SettingsViewModel(loaded, theme, Runnable::run, FxBridge.direct()));
        Scene scene = new Scene(view.root(), 1240, 780);
        theme.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void waitForSave() throws Exception {
        WaitForAsyncUtils.sleep((long) SettingsViewModel.SAVE_DELAY.toMillis() + 400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aRefusedValueShowsWhyAndIsNotSavedAGoodOneIsSaved(FxRobot robot) throws Exception {
        TextField maxFixes = robot.lookup("#setting-run-maxFixes").queryAs(TextField.class);
        assertThat(maxFixes.getText()).isEqualTo("5");
        // The file's own bad entry is shown with its reason.
        assertThat(text(robot, "#setting-guardrails-settleMs-error")).contains("-4 is out of range");
        assertThat(robot.lookup("#settings-load-problems").tryQuery()).isPresent();

        robot.interact(() -> maxFixes.setText("lots"));
        waitForSave();
        assertThat(text(robot, "#setting-run-maxFixes-error")).isEqualTo("'lots' is not a whole number: give one"
                + " from 0 to 50");
        assertThat(Files.readString(file)).contains("\"maxFixes\": 5").doesNotContain("lots");

        // Typed in as the refused value was (a click needs the field on screen, which a loaded CI machine's layout
        // had not yet given it once).
        robot.interact(() -> maxFixes.setText("7"));
        waitForSave();
        assertThat(text(robot, "#setting-run-maxFixes-error")).isEmpty();
        assertThat(Files.readString(file)).contains("\"maxFixes\" : 7")
                .contains("\"settleMs\" : -4");   // what it did not set stays as the operator wrote it
        assertThat(text(robot, "#settings-status")).startsWith("Saved to " + file.toAbsolutePath())
                .endsWith("1 field is refused and not saved: see the reason under each");
    }

    @Test
    void aSecretInAValueIsRefusedAndNeverWritten(FxRobot robot) throws Exception {
        TextField base = robot.lookup("#setting-target-baseUrl").queryAs(TextField.class);
        robot.interact(() -> base.setText("https://ci:Hunter2-" + PASSWORD + "@crm.example.com"));
        waitForSave();
        assertThat(text(robot, "#setting-target-baseUrl-error")).contains("looks like it holds a secret")
                .contains(".env");
        assertThat(Files.exists(file) ? Files.readString(file) : "").doesNotContain(PASSWORD).doesNotContain("Hunter2");
    }

    @Test
    void theEnvironmentGoesOverTheFileAndSaysSo(FxRobot robot) {
        assertThat(text(robot, "#setting-llm-host-overridden")).isEqualTo("In force: gpu-box:11434, from the"
                + " environment (OLLAMA_HOST). It goes over this file until it is removed there.");
        assertThat(robot.lookup("#setting-run-maxFixes-overridden").tryQuery()).isEmpty();
    }

    @Test
    void aThemeGivenAtStartIsNotWrittenToTheFile(FxRobot robot) throws Exception {
        ThemeService dark = new ThemeService(true);
        robot.interact(() -> new SettingsViewModel(Config.load(Map.of(Preferences.CONFIG_DIR_ENV,
                dir.resolve("config").toString()), dir), dark, Runnable::run, FxBridge.direct()));
        waitForSave();
        assertThat(Files.readString(file)).doesNotContain("theme");
    }

    @Test
    void theThemeAppliesAtOnceAndIsSaved(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<String> combo = robot.lookup("#setting-ui-theme").queryAs(ComboBox.class);
        robot.interact(() -> combo.setValue("dark"));
        assertThat(theme.isDark()).isTrue();
        waitForSave();
        assertThat(Files.readString(file)).contains("\"theme\" : \"dark\"");
        robot.interact(() -> theme.darkProperty().set(false));   // the rail's switch
        waitForSave();
        assertThat(combo.getValue()).isEqualTo("light");
        assertThat(Files.readString(file)).contains("\"theme\" : \"light\"");
    }

    @Test
    void secretsAreListedByOriginAndTheirValuesAreNowhereOnScreen(FxRobot robot) {
        assertThat(text(robot, "#secret-TEST_PASSWORD")).isEqualTo("set in .env");
        assertThat(text(robot, "#secret-ANTHROPIC_API_KEY")).isEqualTo("not set");
        boolean shown = robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains(PASSWORD)).tryQuery().isPresent()
                || robot.lookup((Node n) -> n instanceof TextField t && t.getText() != null
                && t.getText().contains(PASSWORD)).tryQuery().isPresent();
        assertThat(shown).isFalse();
    }
}
