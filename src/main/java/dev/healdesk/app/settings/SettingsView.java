package dev.healdesk.app.settings;

import dev.healdesk.app.fx.PlaceholderPanel;
import dev.healdesk.app.fx.View;
import dev.healdesk.core.config.HealdeskPaths;
import javafx.scene.Parent;

import java.util.List;

/** The settings screen: a placeholder until configuration editing lands (issue #7); shows the paths in use. */
public final class SettingsView implements View {
    private final Parent root;

    public SettingsView(HealdeskPaths paths) {
        root = PlaceholderPanel.of("Settings",
                "Arrives with issue #7. Until then, set HEALDESK_RESULTS_DIR and HEALDESK_DB before starting. In use now:"
                        + "\n  results folder  " + paths.resultsDir().toAbsolutePath()
                        + "\n  history database  " + paths.dbFile().toAbsolutePath(),
                List.of("Results folder and history database (today: HEALDESK_RESULTS_DIR, HEALDESK_DB)",
                        "Targets: the built-in sandbox or a target file with its suites",
                        "Approval policy for fixes (none, class A, all, ask) and the default max fixes",
                        "LLM: Ollama address and model override; secrets only from the environment or the keyring",
                        "Pattern catalog: add your own patterns beside the built-in ones",
                        "Theme (the light/dark switch is in the navigation rail for now)"));
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        // Nothing bound.
    }
}
