package dev.healdesk.core.session;

import dev.healdesk.core.run.RunEventFormatter;
import dev.healdesk.core.run.RunEvent;

import dev.healdesk.core.history.AuditEntry;

import java.time.Instant;
import java.util.Optional;

/**
 * Which run events are the playbook audit trail, and how each reads as an {@link AuditEntry}. The text is the same
 * line healing-output.log gets, so the database and the log never tell two stories.
 */
final class AuditTrail {
    static final String EXECUTOR = "healdesk";

    private AuditTrail() {
    }

    static Optional<AuditEntry> entryOf(RunEvent event, Instant at) {
        String line = RunEventFormatter.format(event);
        if (event instanceof RunEvent.PlaybookProposed e) {
            return Optional.of(new AuditEntry(e.runId(), at, "proposed", e.fingerprint(), e.playbook(), EXECUTOR,
                    null, line));
        } else if (event instanceof RunEvent.PlaybookPlanned e) {
            return Optional.of(new AuditEntry(e.runId(), at, "planned", e.fingerprint(), e.playbook(), EXECUTOR,
                    e.missing().isEmpty() ? "runnable" : "missing", line));
        } else if (event instanceof RunEvent.PlaybookDecided e) {
            return Optional.of(new AuditEntry(e.runId(), e.at(), "decided", e.fingerprint(), e.playbook(),
                    e.decidedBy(), e.decision().id(), line));
        } else if (event instanceof RunEvent.PlaybookApplied e) {
            return Optional.of(new AuditEntry(e.runId(), at, "applied", e.action().fingerprint(),
                    e.action().playbook(), EXECUTOR, e.action().applied() ? "ok" : "failed", line));
        } else if (event instanceof RunEvent.PlaybookVerified e) {
            return Optional.of(new AuditEntry(e.runId(), at, "verified", e.action().fingerprint(),
                    e.action().playbook(), EXECUTOR, e.action().verified() ? "ok" : "failed", line));
        } else if (event instanceof RunEvent.PlaybookRolledBack e) {
            return Optional.of(new AuditEntry(e.runId(), at, "rolled-back", e.fingerprint(), e.playbook(), EXECUTOR,
                    e.success() ? "ok" : "failed", line));
        }
        return Optional.empty();
    }
}
