package dev.healdesk.app.hardware;

import dev.healdesk.core.llm.ModelCatalog;

/**
 * One entry of the model picker: a model of models.json or one Ollama already has, with what the operator needs to
 * choose well (its need, whether it is installed, whether it fits the best GPU).
 *
 * @param needMiB -1 when Healdesk does not know the model's need (installed, but not in models.json)
 * @param fits    null when the need is not known
 * @param label   the line the picker shows: "qwen2.5-coder:32b · 20.6 GB · fits · installed"
 */
public record ModelOption(String name, long needMiB, boolean installed, Boolean fits, String label) {

    /** Ollama's own naming, so that "llama3.2" and "llama3.2:latest" are one entry. */
    public String canonical() {
        return ModelCatalog.canonical(name);
    }

    @Override
    public String toString() {
        return label;
    }
}
