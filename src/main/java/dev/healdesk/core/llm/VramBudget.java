package dev.healdesk.core.llm;

/**
 * What a model may use: the free VRAM of the best GPU, or nothing on a CPU-only machine.
 *
 * @param device the GPU's name, or "CPU" when there is none
 */
public record VramBudget(long freeMiB, String device, boolean gpu) {

    public static VramBudget cpuOnly() {
        return new VramBudget(0, "CPU", false);
    }

    public static VramBudget gpu(String name, long freeMiB) {
        return new VramBudget(freeMiB, name, true);
    }
}
