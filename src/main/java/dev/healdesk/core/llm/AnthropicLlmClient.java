package dev.healdesk.core.llm;

import java.util.Map;
import java.util.Optional;

/** PLACEHOLDER for the console branch only: the real client replaces this file at merge. Do not edit. */
public final class AnthropicLlmClient {
    public static Optional<LlmDiagnoser.Fallback> fromEnvironment(Map<String, String> env) {
        return Optional.empty();
    }
}
