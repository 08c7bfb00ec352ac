package dev.healdesk.core.history;

import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java step of the schema versions that change what a fingerprint is ({@link Schema#REFINGERPRINT_VERSIONS}; 7:
 * fingerprints became the template of the failure's headline; 8: the template masks by clause structure, issue 13):
 * every stored fingerprint is recomputed from the stored message with the built-in catalog. Failure groups of one
 * run that now share a fingerprint are merged (their counts added, the first row kept with its other columns); the
 * incidents list the new fingerprints; the results, actions, audit entries and cached
 * diagnoses follow the new fingerprints; the fingerprints table is rebuilt from the failures. Runs inside the
 * migration's transaction.
 */
final class Refingerprint {

    private Refingerprint() {
    }

    private record Row(long rowid, String runId, String fingerprint, int count, String message) {
    }

    /** The row a run's failures with one new fingerprint are merged into, and their summed count. */
    private static final class Keeper {
        final long rowid;
        final String fingerprint;
        int count;

        Keeper(long rowid, String fingerprint, int count) {
            this.rowid = rowid;
            this.fingerprint = fingerprint;
            this.count = count;
        }
    }

    static void apply(Sql sql) {
        String what = "recompute the fingerprints from the stored messages";
        List<Row> rows = sql.query(what, "SELECT rowid, run_id, fingerprint, count, message FROM failures"
                + " ORDER BY run_id, rowid", Sql.Binder.NONE, rs -> new Row(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getString(5)));
        if (rows.isEmpty()) {
            return;
        }
        Triage triage = new Triage(PatternCatalog.builtIn());
        Map<String, Map<String, String>> perRun = new HashMap<>(); // run → old fingerprint → new
        Map<String, String> global = new HashMap<>();
        Map<String, Keeper> keepers = new LinkedHashMap<>();
        List<Long> dropped = new ArrayList<>();
        for (Row r : rows) {
            String fresh = triage.triage(r.message() == null ? "" : r.message(), null).fingerprint();
            perRun.computeIfAbsent(r.runId(), k -> new HashMap<>()).put(r.fingerprint(), fresh);
            global.putIfAbsent(r.fingerprint(), fresh);
            Keeper k = keepers.get(r.runId() + '\u001f' + fresh);
            if (k == null) {
                keepers.put(r.runId() + '\u001f' + fresh, new Keeper(r.rowid(), fresh, r.count()));
            } else {
                k.count += r.count();
                dropped.add(r.rowid());
            }
        }
        // In place, so that every other column (the incident, columns later versions add) stays: the merged rows
        // go, each kept row takes its new fingerprint ('~' + new first: no clash with a not yet rewritten one).
        sql.batch(what, "DELETE FROM failures WHERE rowid = ?", dropped, (ps, id) -> ps.setLong(1, id));
        sql.batch(what, "UPDATE failures SET fingerprint = ?, count = ? WHERE rowid = ?", keepers.values(),
                (ps, k) -> {
                    ps.setString(1, "~" + k.fingerprint);
                    ps.setInt(2, k.count);
                    ps.setLong(3, k.rowid);
                });
        sql.execute(what, "UPDATE failures SET fingerprint = substr(fingerprint, 2) WHERE fingerprint LIKE '~%'");
        // An incident lists its fingerprints: the new ones, each once, sorted (as Incidents writes them).
        List<String[]> incidents = sql.query(what, "SELECT run_id, id, fingerprints FROM incidents", Sql.Binder.NONE,
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        List<String[]> relisted = new ArrayList<>();
        for (String[] i : incidents) {
            Map<String, String> map = perRun.getOrDefault(i[0], Map.of());
            java.util.TreeSet<String> fresh = new java.util.TreeSet<>();
            for (String fp : i[2] == null || i[2].isEmpty() ? new String[0] : i[2].split(",")) {
                fresh.add(map.getOrDefault(fp, fp));
            }
            relisted.add(new String[] {String.join(",", fresh), i[0], i[1]});
        }
        sql.batch(what, "UPDATE incidents SET fingerprints = ? WHERE run_id = ? AND id = ?", relisted, (ps, i) -> {
            ps.setString(1, i[0]);
            ps.setString(2, i[1]);
            ps.setString(3, i[2]);
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
