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

    /** This probe, and {@code other} when this one finds no GPU, with this one's notes first. */
    default GpuProbe orElse(GpuProbe other) {
        return () -> {
            GpuReport first = probe();
            if (!first.cpuOnly()) {
                return first;
            }
            GpuReport second = other.probe();
            java.util.List<String> notes = new java.util.ArrayList<>(first.notes());
            notes.addAll(second.notes());
            return new GpuReport(second.gpus(), second.source(), notes, second.systemMemory());
        };
    }
}
