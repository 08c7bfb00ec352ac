package dev.healdesk.core.run;

import dev.healdesk.core.triage.FixClass;

/** One playbook decision and its outcome, as kept in history and in healing-summary.json. */
public record ActionRecord(String fingerprint, String playbook, FixClass fixClass, Decision decision,
                           boolean applied, boolean success, boolean verified, String message, long durationMs) {

    /**
     * Whether the fix was undone after it did not verify: the executor records that as "...; rolled back: ..." (and
     * one it could not undo as "not rolled back: ...").
     */
    public boolean rolledBack() {
        return applied && !success && message != null
                && (message.contains("; rolled back: ") || message.startsWith("rolled back: "));
    }

    /** What became of it, in the words every report and screen uses. */
    public RunOutcome.Done.Kind kind() {
        return RunOutcome.Done.kind(this);
    }
}
