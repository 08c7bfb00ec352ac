package dev.healdesk.core.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Ollama server says about itself: reachable or not (and then what to do), its version, the models
 * installed ({@code /api/tags}) and those loaded in memory ({@code /api/ps}).
 *
 * @param problem null when reachable; else one sentence naming the host and what to do
 */
public record OllamaStatus(String host, boolean reachable, String version, List<InstalledModel> installed,
                           List<LoadedModel> loaded, String problem) {

    public OllamaStatus {
        installed = List.copyOf(installed);
        loaded = List.copyOf(loaded);
    }

    public static OllamaStatus unreachable(String host, String problem) {
        return new OllamaStatus(host, false, null, List.of(), List.of(), problem);
    }

    /** Installed models by canonical name (see {@link ModelCatalog#canonical}) → download size in bytes. */
    public Map<String, Long> installedSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        installed.forEach(m -> sizes.put(ModelCatalog.canonical(m.name()), m.sizeBytes()));
        return sizes;
    }

    public record InstalledModel(String name, long sizeBytes) { }

    /** A model in memory; when {@code vramBytes < sizeBytes} Ollama put part of it on the CPU. */
    public record LoadedModel(String name, long sizeBytes, long vramBytes) {
        public boolean partlyOnCpu() {
            return vramBytes < sizeBytes;
        }
    }
}
