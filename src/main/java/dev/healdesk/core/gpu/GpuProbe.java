package dev.healdesk.core.gpu;

/**
 * One way of finding out which GPUs this machine has, so that Healdesk can pick an Ollama model that fits.
 * <p>
 * A probe never throws: the operator's machine may have no GPU, no driver or a hung driver, and each of those is an
 * answer to show, not an error. What went wrong, and what to do about it, goes into {@link GpuReport#notes()}.
 */
@FunctionalInterface
public interface GpuProbe {

    /** Looks at the machine now; never throws. */
    GpuReport probe();
}
