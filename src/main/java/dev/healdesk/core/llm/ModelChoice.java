package dev.healdesk.core.llm;

/**
 * The model Healdesk will ask, why, and whether it really fits.
 *
 * @param needMiB   weights + KV cache + headroom, or -1 when the model is unknown and not installed
 * @param fits      true only when the need is known and within the free VRAM of one GPU
 * @param reason    one sentence for the operator ("qwen2.5-coder:32b fits 24 GB with 3 GB to spare")
 * @param warning   what goes wrong with this choice, or null; never null when {@code fits} is false
 */
public record ModelChoice(String model, Source source, boolean fits, long needMiB, long freeMiB, boolean installed,
                          String reason, String warning) {

    /** Who chose: OLLAMA_MODEL, the operator's remembered override, or Healdesk's recommendation. */
    public enum Source { ENVIRONMENT, OPERATOR, RECOMMENDED }
}
