package dev.healdesk.core.history;

import dev.healdesk.core.triage.FailurePattern;
import dev.healdesk.core.triage.Incidents;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java step of the schema versions that change what a fingerprint is ({@link Schema#REFINGERPRINT_VERSIONS}; 7:
 * fingerprints became the template of the failure's headline; 8: the template masks by clause structure; 12: it masks
 * bare hosts, month-led dates and pod names, and incident ids follow their fingerprints; 15: the fingerprint is keyed
 * by the pattern of the words alone, and two refusing addresses with one id take their address into it; issue 13):
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

    private record StoredIncidentRow(String runId, String id, List<String> fingerprints, String title,
                                     String category, List<String> patternIds, String tests) {
    }

    /**
     * An incident lists its fingerprints: the new ones, each once, sorted (as Incidents writes them); and its id,
     * which is its cause's kind and its fingerprints ({@link Incidents#idOf}), is recomputed from them, so that an
     * incident stored before counts with the same incident recorded after. The failures follow their incident. Two
     * incidents of one run that now have one id become one (tests and fingerprints joined, the first one's other
     * columns kept).
     */
    private static void reidentifyIncidents(Sql sql, String what, Map<String, Map<String, String>> perRun) {
        List<StoredIncidentRow> incidents = sql.query(what, "SELECT run_id, id, fingerprints, title, category,"
                + " pattern_ids, tests FROM incidents ORDER BY run_id, id", Sql.Binder.NONE,
                rs -> new StoredIncidentRow(rs.getString(1), rs.getString(2), split(rs.getString(3), ","),
                        rs.getString(4), rs.getString(5), split(rs.getString(6), ","), rs.getString(7)));
        PatternCatalog catalog = PatternCatalog.builtIn();
        Map<String, String[]> kept = new LinkedHashMap<>(); // run + new id → {run, old id, new id, fingerprints, tests}
        List<String[]> merged = new ArrayList<>();          // {run, old id, new id}
        List<java.util.TreeSet<String>> freshOf = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> perRunId = new HashMap<>();
        for (StoredIncidentRow i : incidents) {
            Map<String, String> map = perRun.getOrDefault(i.runId(), Map.of());
            java.util.TreeSet<String> fresh = new java.util.TreeSet<>();
            for (String fp : i.fingerprints()) {
                fresh.add(map.getOrDefault(fp, fp));
            }
            String id = Incidents.idOf(kindOf(i, catalog), fresh);
            freshOf.add(fresh);
            ids.add(id);
            perRunId.merge(i.runId() + '\u001f' + id, 1, Integer::sum);
        }
        for (int n = 0; n < incidents.size(); n++) {
            StoredIncidentRow i = incidents.get(n);
            java.util.TreeSet<String> fresh = freshOf.get(n);
            String id = ids.get(n);
            String address = Incidents.addressInTitle(i.title());
            if (perRunId.get(i.runId() + '\u001f' + id) > 1 && address != null) {
                id = Incidents.idOf(id, address, fresh); // two addresses refusing with the same words (schema 15)
            }
            String[] first = kept.get(i.runId() + '\u001f' + id);
            if (first == null) {
                kept.put(i.runId() + '\u001f' + id, new String[] {i.runId(), i.id(), id, String.join(",", fresh),
                        i.tests()});
            } else {
                java.util.TreeSet<String> fps = new java.util.TreeSet<>(split(first[3], ","));
                fps.addAll(fresh);
                first[3] = String.join(",", fps);
                java.util.TreeSet<String> tests = new java.util.TreeSet<>(split(first[4], "\n"));
                tests.addAll(split(i.tests(), "\n"));
                first[4] = String.join("\n", tests);
                merged.add(new String[] {i.runId(), i.id(), id});
            }
        }
        sql.batch(what, "DELETE FROM incidents WHERE run_id = ? AND id = ?", merged, (ps, m) -> {
            ps.setString(1, m[0]);
            ps.setString(2, m[1]);
        });
        // '~' + new id first, then without the mark: an old id equal to another's new one is never rewritten twice
        sql.batch(what, "UPDATE incidents SET id = ?, fingerprints = ?, tests = ? WHERE run_id = ? AND id = ?",
                kept.values(), (ps, k) -> {
                    ps.setString(1, "~" + k[2]);
                    ps.setString(2, k[3]);
                    ps.setString(3, k[4]);
                    ps.setString(4, k[0]);
                    ps.setString(5, k[1]);
                });
        sql.execute(what, "UPDATE incidents SET id = substr(id, 2) WHERE id LIKE '~%'");
        List<String[]> moves = new ArrayList<>(merged);
        kept.values().forEach(k -> moves.add(new String[] {k[0], k[1], k[2]}));
        sql.batch(what, "UPDATE failures SET incident_id = ? WHERE run_id = ? AND incident_id = ?", moves, (ps, m) -> {
            ps.setString(1, "~" + m[2]);
            ps.setString(2, m[0]);
            ps.setString(3, m[1]);
        });
        sql.execute(what, "UPDATE failures SET incident_id = substr(incident_id, 2) WHERE incident_id LIKE '~%'");
    }

    /**
     * The kind of cause a stored incident was given: the one whose id its stored fingerprints reproduce; for an id
     * that an earlier recomputation kept while relisting its fingerprints, what the incident says of itself (a
     * refused address's title, a pattern the catalog groups by), else one template.
     */
    static String kindOf(StoredIncidentRow i, PatternCatalog catalog) {
        List<String> candidates = new ArrayList<>();
        candidates.add("refused-" + i.category());
        i.patternIds().forEach(p -> candidates.add("pattern-" + p));
        candidates.add(Incidents.TEMPLATE_KIND);
        for (String kind : candidates) {
            if (Incidents.idOf(kind, i.fingerprints()).equals(i.id())) {
                return kind;
            }
        }
        if (i.title() != null && i.title().contains(" refuses connections")) {
            return "refused-" + i.category();
        }
        if (i.patternIds().size() == 1 && catalog.find(i.patternIds().get(0))
                .map(p -> p.groupBy() == FailurePattern.GroupBy.PATTERN).orElse(false)) {
            return "pattern-" + i.patternIds().get(0);
        }
        return Incidents.TEMPLATE_KIND;
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
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
        reidentifyIncidents(sql, what, perRun);
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
        // A cached diagnosis whose new key (fingerprint, model) another one has already stays where it is (and the
        // marked ones left over go): two old fingerprints that became one keep one diagnosis per model. Written
        // without SQLite's UPDATE OR IGNORE, so that a PostgreSQL history migrates by the same statements.
        sql.batch(what, """
                UPDATE diagnoses SET fingerprint = ? WHERE fingerprint = ?
                  AND NOT EXISTS (SELECT 1 FROM diagnoses d WHERE d.fingerprint = ? AND d.model = diagnoses.model)""",
                moved, (ps, e) -> {
                    ps.setString(1, "~" + e.getValue());
                    ps.setString(2, e.getKey());
                    ps.setString(3, "~" + e.getValue());
                });
        sql.execute(what, """
                UPDATE diagnoses SET fingerprint = substr(fingerprint, 2) WHERE fingerprint LIKE '~%'
                  AND NOT EXISTS (SELECT 1 FROM diagnoses d
                                  WHERE d.fingerprint = substr(diagnoses.fingerprint, 2) AND d.model = diagnoses.model)""");
        sql.execute(what, "DELETE FROM diagnoses WHERE fingerprint LIKE '~%'");
        sql.execute(what, "DELETE FROM fingerprints");
        // category, pattern and message of each fingerprint's first stored failure, as the runs' writes keep them
        sql.execute(what, """
                INSERT INTO fingerprints (fingerprint, category, pattern_id, message, first_seen, last_seen, occurrences)
                SELECT g.fingerprint, f.category, f.pattern_id, f.message, g.first_seen, g.last_seen, g.occurrences
                FROM (SELECT f.fingerprint, min(r.started_at) AS first_seen, max(r.started_at) AS last_seen,
                             sum(f.count) AS occurrences, min(f.rowid) AS first_row
                      FROM failures f JOIN runs r ON r.id = f.run_id GROUP BY f.fingerprint) g
                JOIN failures f ON f.rowid = g.first_row""");
    }
}
