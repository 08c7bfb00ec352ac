package dev.healdesk.core.history;

import java.time.Instant;
import java.util.List;

/**
 * The playbook audit trail: one line per stage of a proposal, written at once (see {@link AuditEntry}), read back
 * per run in the order it was written. Lines are appended on the write connection and read on the read connection.
 */
final class AuditLog {

    private final Sql writer;
    private final Sql reader;

    AuditLog(Sql writer, Sql reader) {
        this.writer = writer;
        this.reader = reader;
    }

    void append(AuditEntry entry) {
        writer.update("write the audit trail of run " + entry.runId(), """
                INSERT INTO audit (run_id, at, stage, fingerprint, playbook, actor, outcome, detail)
                VALUES (?,?,?,?,?,?,?,?)""", ps -> {
            ps.setString(1, entry.runId());
            ps.setLong(2, entry.at().toEpochMilli());
            ps.setString(3, entry.stage());
            ps.setString(4, entry.fingerprint());
            ps.setString(5, entry.playbook());
            ps.setString(6, entry.actor());
            ps.setString(7, entry.outcome());
            ps.setString(8, entry.detail());
        });
    }

    List<AuditEntry> of(String runId) {
        return reader.query("read the audit trail of run " + runId, """
                SELECT run_id, at, stage, fingerprint, playbook, actor, outcome, detail FROM audit
                WHERE run_id = ? ORDER BY id""", ps -> ps.setString(1, runId),
                rs -> new AuditEntry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }
}
