package dev.healdesk.core.llm;

/**
 * A model Healdesk may ask for a diagnosis, with what it needs on one GPU: weights, KV cache at the context
 * Healdesk asks for, and headroom for the CUDA context. A model whose need exceeds the free VRAM is split by
 * Ollama between GPU and CPU and answers so slowly that it looks hung, so the sum is what decides.
 */
public record ModelCandidate(String name, long weightsMiB, long kvCacheMiB, long headroomMiB, int capability,
                             String family) {

    public long needMiB() {
        return weightsMiB + kvCacheMiB + headroomMiB;
    }
}
