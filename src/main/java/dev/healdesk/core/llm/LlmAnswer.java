package dev.healdesk.core.llm;

/** What a model answered, with the token counts it reported and the wall time of the call. */
public record LlmAnswer(String text, String provider, String model, int promptTokens, int completionTokens,
                        long latencyMs) {
}
