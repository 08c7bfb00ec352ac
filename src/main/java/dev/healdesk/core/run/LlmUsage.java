package dev.healdesk.core.run;

/**
 * LLM use in one run: {@code llm} in healing-summary.json. {@code provider} is "none" when no model was asked.
 *
 * @param calls      requests that reached a model (cache hits excluded)
 * @param errors     requests that got no usable answer (unreachable, cut, stalled)
 * @param latencyMs  wall time of all calls together
 * @param note       why the LLM was not used or stopped being used, or null
 */
public record LlmUsage(String provider, String model, int calls, int cacheHits, int promptTokens,
                       int completionTokens, long latencyMs, int errors, String note) {

    public LlmUsage(String provider, String model, int calls, int cacheHits) {
        this(provider, model, calls, cacheHits, 0, 0, 0, 0, null);
    }

    public static LlmUsage none() {
        return new LlmUsage("none", null, 0, 0);
    }

    public static LlmUsage none(String note) {
        return new LlmUsage("none", null, 0, 0, 0, 0, 0, 0, note);
    }
}
