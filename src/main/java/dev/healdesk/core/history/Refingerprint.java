package dev.healdesk.core.history;

import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java step of schema version 7 (issue 13): fingerprints became the template of the failure's headline, so
 * every stored fingerprint is recomputed from the stored message with the built-in catalog. Failure groups of one
 * run that now share a fingerprint are merged (their counts added); the results, actions, audit entries and cached
 * diagnoses follow the new fingerprints; the fingerprints table is rebuilt from the failures. Runs inside the
 * migration's transaction.
 */
final class Refingerprint {

    private Refingerprint() {
    }

    private record Row(String runId, String fingerprint, String category, String severity, String fixClass,
                       String patternId, String playbook, int count, String message) {
    }

    static void apply(Sql sql) {
        String what = "recompute the fingerprints from the stored messages";
        List<Row> rows = sql.query(what, """
                SELECT run_id, fingerprint, category, severity, fix_class, pattern_id, playbook, count, message
                FROM failures ORDER BY run_id, rowid""", Sql.Binder.NONE, rs -> new Row(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getString(9)));
        if (rows.isEmpty()) {
            return;
        }
        Triage triage = new Triage(PatternCatalog.builtIn());
        Map<String, Map<String, String>> perRun = new HashMap<>(); // run → old fingerprint → new
        Map<String, String> global = new HashMap<>();
        Map<String, Row> merged = new LinkedHashMap<>();
        for (Row r : rows) {
            String fresh = triage.triage(r.message() == null ? "" : r.message(), null).fingerprint();
            perRun.computeIfAbsent(r.runId(), k -> new HashMap<>()).put(r.fingerprint(), fresh);
            global.putIfAbsent(r.fingerprint(), fresh);
            merged.merge(r.runId() + '\u001f' + fresh, new Row(r.runId(), fresh, r.category(), r.severity(),
                    r.fixClass(), r.patternId(), r.playbook(), r.count(), r.message()),
                    (a, b) -> new Row(a.runId(), a.fingerprint(), a.category(), a.severity(), a.fixClass(),
                            a.patternId(), a.playbook(), a.count() + b.count(), a.message()));
        }
        sql.execute(what, "DELETE FROM failures");
        sql.batch(what, """
                INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id, playbook, count,
                  message) VALUES (?,?,?,?,?,?,?,?,?)""", merged.values(), (ps, r) -> {
            ps.setString(1, r.runId());
            ps.setString(2, r.fingerprint());
            ps.setString(3, r.category());
            ps.setString(4, r.severity());
            ps.setString(5, r.fixClass());
            ps.setString(6, r.patternId());
            ps.setString(7, r.playbook());
            ps.setInt(8, r.count());
            ps.setString(9, r.message());
        });
        // Two passes ('~' + new, then without the mark), so that an old fingerprint equal to another's new one
        // is never rewritten twice.
        List<String[]> changes = new ArrayList<>();
        perRun.forEach((run, map) -> map.forEach((old, fresh) -> changes.add(new String[] {run, old, fresh})));
        for (String table : List.of("test_results", "actions", "audit")) {
            sql.batch(what, "UPDATE " + table + " SET fingerprint = ? WHERE run_id = ? AND fingerprint = ?", changes,
                    (ps, c) -> {
                        ps.setString(1, "~" + c[2]);
                        ps.setString(2, c[0]);
                        ps.setString(3, c[1]);
                    });
            sql.execute(what, "UPDATE " + table + " SET fingerprint = substr(fingerprint, 2) WHERE fingerprint LIKE '~%'");
        }
        List<Map.Entry<String, String>> moved = new ArrayList<>(global.entrySet());
        sql.batch(what, "UPDATE OR IGNORE diagnoses SET fingerprint = ? WHERE fingerprint = ?", moved, (ps, e) -> {
            ps.setString(1, "~" + e.getValue());
            ps.setString(2, e.getKey());
        });
        sql.execute(what, "UPDATE OR IGNORE diagnoses SET fingerprint = substr(fingerprint, 2) WHERE fingerprint LIKE '~%'");
        sql.execute(what, "DELETE FROM diagnoses WHERE fingerprint LIKE '~%'");
        sql.execute(what, "DELETE FROM fingerprints");
        sql.execute(what, """
                INSERT INTO fingerprints (fingerprint, category, pattern_id, message, first_seen, last_seen, occurrences)
                SELECT f.fingerprint, f.category, f.pattern_id, f.message, min(r.started_at), max(r.started_at),
                  sum(f.count)
                FROM failures f JOIN runs r ON r.id = f.run_id GROUP BY f.fingerprint""");
    }
}
