package dev.healdesk.core.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Copies the runs of one history into another (SQLite file or PostgreSQL database, either way), row for row: each run
 * with its results, failure groups, incidents, actions and audit trail, exactly as stored (who ran it and where
 * included); then every cached diagnosis (the newer one of a fingerprint and model wins). A run whose id the target
 * already holds is left alone, so a second copy adds nothing; a run still {@code running} in the source is not copied
 * (it has not ended). The target's derived tables (fingerprint counts, last fixes, the day rollups) are kept as a run
 * of its own writing would keep them, in the transaction that adds the run.
 */
public final class HistoryCopy {

    /** Hears how far a copy is. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} runs looked at, {@code added} of them new to the target. */
        void copied(int done, int total, int added);
    }

    /** What a copy did: runs looked at, runs added, runs the target had already, diagnoses written. */
    public record Result(int runs, int added, int present, int diagnoses) {
    }

    /** Rows written per transaction of the target: a failure loses at most this many runs' work, never half a run. */
    private static final int RUNS_PER_TRANSACTION = 50;

    private final Sql from;
    private final Sql to;
    private final Rollups rollups;

    HistoryCopy(Sql from, Sql to) {
        this.from = from;
        this.to = to;
        this.rollups = new Rollups(to);
    }

    Result copy(Progress progress) {
        List<String> ids = from.query("list the runs to copy", "SELECT id FROM runs WHERE state <> 'running'"
                + " ORDER BY started_at, id", Sql.Binder.NONE, rs -> rs.getString(1));
        int added = 0;
        int done = 0;
        for (int start = 0; start < ids.size(); start += RUNS_PER_TRANSACTION) {
            List<String> part = ids.subList(start, Math.min(ids.size(), start + RUNS_PER_TRANSACTION));
            String what = "copy " + part.size() + " run(s)";
            added += to.inTransaction(what, () -> {
                int n = 0;
                for (String id : part) {
                    if (copyRun(what, id)) {
                        n++;
                    }
                }
                if (n > 0) {
                    to.notifyRunsChanged(what, null);
                }
                return n;
            });
            done += part.size();
            progress.copied(done, ids.size(), added);
        }
        int diagnoses = copyDiagnoses();
        return new Result(ids.size(), added, ids.size() - added, diagnoses);
    }

    /** Copies run {@code id} when the target lacks it (inside the caller's transaction); whether it did. */
    private boolean copyRun(String what, String id) {
        if (to.number(what, "SELECT count(*) FROM runs WHERE id = ?", ps -> ps.setString(1, id)) > 0) {
            return false;
        }
        Sql.Binder byId = ps -> ps.setString(1, id);
        copyRows(what, "runs", "SELECT * FROM runs WHERE id = ?", byId);
        copyRows(what, "test_results", "SELECT * FROM test_results WHERE run_id = ? ORDER BY rowid", byId);
        copyRows(what, "failures", "SELECT * FROM failures WHERE run_id = ? ORDER BY rowid", byId);
        copyRows(what, "incidents", "SELECT * FROM incidents WHERE run_id = ?", byId);
        copyRows(what, "actions", "SELECT * FROM actions WHERE run_id = ? ORDER BY seq", byId);
        copyRows(what, "audit", "SELECT * FROM audit WHERE run_id = ? ORDER BY id", byId);
        countFingerprints(what, id);
        rollups.addRun(what, id);
        return true;
    }

    /**
     * The fingerprints of the run's failure groups counted in the target as a stored run counts them (first and last
     * seen, occurrences), and their last verified fix found again from the actions the target now holds.
     */
    private void countFingerprints(String what, String id) {
        Dialect d = to.dialect();
        to.update(what, """
                INSERT INTO fingerprints (fingerprint, category, pattern_id, message, first_seen, last_seen, occurrences)
                SELECT f.fingerprint, f.category, f.pattern_id, f.message, r.started_at, r.started_at, f.count
                FROM failures f JOIN runs r ON r.id = f.run_id WHERE f.run_id = ? ORDER BY f.fingerprint
                ON CONFLICT(fingerprint) DO UPDATE SET
                  first_seen = %s,
                  last_seen = %s,
                  occurrences = fingerprints.occurrences + excluded.occurrences""".formatted(
                d.least("fingerprints.first_seen", "excluded.first_seen"),
                d.greatest("fingerprints.last_seen", "excluded.last_seen")), ps -> ps.setString(1, id));
        rollups.refreshLastFix(what, "fingerprint IN (SELECT fingerprint FROM actions WHERE run_id = ? AND verified = 1)",
                ps -> ps.setString(1, id));
    }

    /** Every cached diagnosis: added, or replacing an older one of the same fingerprint and model. */
    private int copyDiagnoses() {
        String what = "copy the cached diagnoses";
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        from.query(what, "SELECT * FROM diagnoses ORDER BY fingerprint, model", Sql.Binder.NONE, rs -> {
            if (columns.isEmpty()) {
                columns.addAll(columns(rs.getMetaData(), Set.of()));
            }
            rows.add(values(rs, columns));
            return null;
        });
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            if (!c.equals("fingerprint") && !c.equals("model")) {
                set.append(set.isEmpty() ? "" : ", ").append(c).append(" = excluded.").append(c);
            }
        }
        String insert = insert("diagnoses", columns) + " ON CONFLICT (fingerprint, model) DO UPDATE SET " + set
                + " WHERE diagnoses.created_at < excluded.created_at";
        int[] written = {0};
        to.inTransaction(what, () -> {
            for (List<Object> row : rows) {
                written[0] += to.update(what, insert, ps -> bind(ps, row));
            }
            return null;
        });
        return written[0];
    }

    /** Copies the rows {@code select} answers in the source into {@code table} of the target, in that order. */
    private void copyRows(String what, String table, String select, Sql.Binder binder) {
        // the target numbers these itself: PostgreSQL's rowid column, the audit trail's id
        Set<String> generated = table.equals("audit") ? Set.of("rowid", "id") : Set.of("rowid");
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = from.query(what, select, binder, rs -> {
            if (columns.isEmpty()) {
                columns.addAll(columns(rs.getMetaData(), generated));
            }
            return values(rs, columns);
        });
        if (!rows.isEmpty()) {
            to.batch(what, insert(table, columns), rows, HistoryCopy::bind);
        }
    }

    private static List<String> columns(ResultSetMetaData meta, Set<String> leaveOut) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
            if (!leaveOut.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static List<Object> values(ResultSet rs, List<String> columns) throws SQLException {
        List<Object> values = new ArrayList<>(columns.size());
        for (String c : columns) {
            Object v = rs.getObject(c);
            values.add(v instanceof Integer i ? Long.valueOf(i) : v instanceof Float f ? Double.valueOf(f) : v);
        }
        return values;
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(",", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static void bind(PreparedStatement ps, List<Object> row) throws SQLException {
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            if (v == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (v instanceof java.math.BigDecimal b) {
                ps.setBigDecimal(i + 1, b);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }
}
