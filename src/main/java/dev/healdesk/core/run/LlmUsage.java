package dev.healdesk.core.run;

/** LLM use in one run. {@code provider} is "none" when no model was asked. */
public record LlmUsage(String provider, String model, int calls, int cacheHits) {
    public static LlmUsage none() {
        return new LlmUsage("none", null, 0, 0);
    }
}
