package dev.healdesk.core.llm;

/**
 * The model Healdesk will ask, why, and whether it really fits.
 *
 * @param needMiB   weights + KV cache + headroom, or -1 when the model is unknown and not installed
 * @param fits      true only when the need is known and within the room Ollama has for it: one GPU's (or MIG
 *                  device's) free memory, the visible GPUs' together when split, or none new when already loaded
 * @param reason    one sentence for the operator ("qwen2.5-coder:32b fits 24 GB with 3 GB to spare on GPU 0 (…)")
 * @param warning   what goes wrong with this choice, or null; never null when {@code fits} is false
 * @param device    where Ollama runs it: "GPU 1 (NVIDIA RTX A6000)", "GPU 0 and GPU 1, split", "CPU"
 * @param split     true when the model is spread across several GPUs because none holds it alone
 * @param basis     why the free figure is what it is ("unified memory: …", "22.6 GB free of 24 GB; …")
 */
public record ModelChoice(String model, Source source, boolean fits, long needMiB, long freeMiB, boolean installed,
                          String reason, String warning, String device, boolean split, String basis) {

    /** A choice without a known device (CPU, or a budget from before devices were named). */
    public ModelChoice(String model, Source source, boolean fits, long needMiB, long freeMiB, boolean installed,
                       String reason, String warning) {
        this(model, source, fits, needMiB, freeMiB, installed, reason, warning, "CPU", false, "");
    }

    /** Who chose: OLLAMA_MODEL, the operator's remembered override, or Healdesk's recommendation. */
    public enum Source { ENVIRONMENT, OPERATOR, RECOMMENDED }
}
