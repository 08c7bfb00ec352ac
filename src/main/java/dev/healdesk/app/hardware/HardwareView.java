package dev.healdesk.app.hardware;

import dev.healdesk.app.fx.PlaceholderPanel;
import dev.healdesk.app.fx.View;
import javafx.scene.Parent;

import java.util.List;

/** The hardware screen: a placeholder until GPU detection and model picking land (issue #3). */
public final class HardwareView implements View {
    private final Parent root = PlaceholderPanel.of("Hardware",
            "Arrives with issue #3. This build runs without a local model: triage uses the pattern catalog only.",
            List.of("GPU detection: nvidia-smi first, OSHI as the fallback (vendor, model, VRAM, driver)",
                    "The VRAM tier and the local model picked for it (from models.json), with the reason",
                    "Whether Ollama answers, and which models it already has",
                    "A re-probe button; results cached for the session"));

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void dispose() {
        // Nothing bound.
    }
}
