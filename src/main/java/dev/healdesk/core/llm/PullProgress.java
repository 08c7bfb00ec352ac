package dev.healdesk.core.llm;

/** One line of {@code /api/pull}'s stream: a status, and bytes done of a layer when it is downloading. */
public record PullProgress(String status, long completed, long total) {

    /** 0–1 for a downloading layer, -1 for the steps without a size (manifest, verifying, writing). */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) completed / total) : -1;
    }
}
