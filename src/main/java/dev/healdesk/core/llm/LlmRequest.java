package dev.healdesk.core.llm;

import java.util.Map;

/**
 * One question to a model: a system and a user message, already redacted, and the JSON schema the answer must
 * follow (Ollama's {@code format}), or null for free text.
 */
public record LlmRequest(String model, String system, String user, Map<String, Object> schema) {
}
