package dev.healdesk.core.history;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Incident;
import dev.healdesk.core.triage.Incidents;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema versions that change what a fingerprint is recompute the stored fingerprints from the stored messages
 * (issue 13); version 12 recomputes the incidents' ids with them.
 */
class RefingerprintMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionFourHistoryGetsTheNewFingerprintsMergedWhereTheyNowAgree() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (int v = 0; v < Schema.REFINGERPRINT_VERSION - 1; v++) {
                for (String statement : Schema.MIGRATIONS.get(v)) {
                    s.execute(statement);
                }
            }
            s.execute("PRAGMA user_version = " + (Schema.REFINGERPRINT_VERSION - 1));
            s.execute("INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,"
                    + " health_score, tests_run, tests_passed, tests_failed, flaky, cancelled)"
                    + " VALUES ('r1','sandbox','',0,1000,2000,'failing','failing',0,2,0,2,0,0)");
            // Two old fingerprints (the old one hashed the port and the stack) for one failure.
            s.execute("INSERT INTO failures VALUES ('r1','aaaaaaaaaaaaaaaa','network','high','A','connection-refused',"
                    + "'restart-backend',1,'Error: connect ECONNREFUSED 127.0.0.1:41234')");
            s.execute("INSERT INTO failures VALUES ('r1','bbbbbbbbbbbbbbbb','network','high','A','connection-refused',"
                    + "'restart-backend',1,'Error: connect ECONNREFUSED 127.0.0.1:39001')");
            s.execute("INSERT INTO test_results VALUES ('r1','t1','p','t1','failed',1,0,'x','aaaaaaaaaaaaaaaa')");
            s.execute("INSERT INTO test_results VALUES ('r1','t2','p','t2','failed',1,0,'y','bbbbbbbbbbbbbbbb')");
            s.execute("INSERT INTO actions VALUES ('r1',0,'bbbbbbbbbbbbbbbb','restart-backend','A','auto',1,1,1,'ok',5)");
            s.execute("INSERT INTO fingerprints (fingerprint, category, pattern_id, message, first_seen, last_seen,"
                    + " occurrences) VALUES ('aaaaaaaaaaaaaaaa','network','connection-refused','m',1000,1000,1)");
        }
        String expected = new Triage(PatternCatalog.builtIn())
                .triage("Error: connect ECONNREFUSED 127.0.0.1:5555", null).fingerprint();
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
            List<StoredFailure> failures = store.failuresOf("r1");
            assertEquals(1, failures.size(), failures.toString());
            assertEquals(expected, failures.get(0).fingerprint());
            assertEquals(2, failures.get(0).count());
            assertTrue(store.testsOf("r1").stream().allMatch(t -> expected.equals(t.fingerprint())));
            assertEquals(expected, store.actionsOf("r1").get(0).fingerprint());
            assertEquals(2, store.fingerprint(expected).orElseThrow().occurrences());
            assertTrue(store.fingerprint("aaaaaaaaaaaaaaaa").isEmpty());
            assertEquals(List.of(), store.incidentsOf("r1"));
            assertEquals("restart-backend", store.lastWorkingFix(expected).map(f -> f.playbook()).orElse(null),
                    "the merged fingerprint keeps its last working fix");
        }
    }

    @Test
    void aVersionSevenHistoryGetsTheStructureMaskedFingerprintsAndKeepsItsIncidents() throws Exception {
        Path file = dir.resolve("seven.db");
        String timedOut = "upstream timed out (110: Connection timed out) while reading response header from upstream";
        String otherOs = "upstream timed out (60: Operation timed out) while reading response header from upstream";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            schemaAt(s, 7);
            s.execute("INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,"
                    + " health_score, tests_run, tests_passed, tests_failed, flaky, cancelled)"
                    + " VALUES ('r1','sandbox','',0,1000,2000,'failing','failing',0,2,0,2,0,0)");
            // Version 7's templates kept the errno's words: one failure, two fingerprints, one incident.
            s.execute("INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id, playbook,"
                    + " count, message, incident_id) VALUES ('r1','cccccccccccccccc','timeout','high','C',"
                    + "'gateway-timeout',NULL,1,'" + timedOut + "','inc-000000000001')");
            s.execute("INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id, playbook,"
                    + " count, message, incident_id) VALUES ('r1','dddddddddddddddd','timeout','high','C',"
                    + "'gateway-timeout',NULL,2,'" + otherOs + "','inc-000000000001')");
            s.execute("INSERT INTO incidents (run_id, id, title, category, severity, fix_class, pattern_ids, playbook,"
                    + " fingerprints, tests, class_evidence) VALUES ('r1','inc-000000000001','Gateway timeout — 3 tests',"
                    + "'timeout','high','C','gateway-timeout',NULL,'cccccccccccccccc,dddddddddddddddd','t1\nt2\nt3',"
                    + "'class C: gateway timeout (catalog)')");
            s.execute("INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,"
                    + " error_message, fingerprint) VALUES ('r1','t1','p','t1','failed',1,0,'x','cccccccccccccccc')");
            s.execute("INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,"
                    + " error_message, fingerprint) VALUES ('r1','t2','p','t2','failed',1,0,'y','dddddddddddddddd')");
        }
        Triage triage = new Triage(PatternCatalog.builtIn());
        String expected = triage.triage(timedOut, null).fingerprint();
        assertEquals(expected, triage.triage(otherOs, null).fingerprint(), "the two quotes now share a template");
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
            List<StoredFailure> failures = store.failuresOf("r1");
            assertEquals(1, failures.size(), failures.toString());
            assertEquals(expected, failures.get(0).fingerprint());
            assertEquals(3, failures.get(0).count());
            assertTrue(store.testsOf("r1").stream().allMatch(t -> expected.equals(t.fingerprint())));
            assertEquals(List.of(expected), store.incidentsOf("r1").get(0).fingerprints());
            assertEquals(3, store.fingerprint(expected).orElseThrow().occurrences());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT incident_id FROM failures")) {
            assertTrue(rs.next());
            assertEquals(store(file).get(0).id(), rs.getString(1), "the failure follows its incident");
        }
    }

    private static List<StoredIncident> store(Path file) {
        try (HistoryStore store = HistoryStore.open(file)) {
            return store.incidentsOf("r1");
        }
    }

    /** The kind of cause {@link Incidents} gave {@code incident} (the one its id and fingerprints reproduce). */
    private static String kindOf(Incident incident) {
        List<String> kinds = new java.util.ArrayList<>(List.of(Incidents.TEMPLATE_KIND,
                "refused-" + incident.category().id()));
        incident.patternIds().forEach(p -> kinds.add("pattern-" + p));
        return kinds.stream().filter(k -> Incidents.idOf(k, incident.fingerprints()).equals(incident.id()))
                .findFirst().orElseThrow();
    }

    @Test
    void aVersionElevenHistoryGetsIncidentIdsThatRecurWithTheIncidentsRecordedAfterIt() throws Exception {
        Path file = dir.resolve("eleven.db");
        // One cause, two host names: version 11's template kept a bare host name, so one failure was two
        // fingerprints and two incidents, each with the id Incidents gave it (its cause's kind and fingerprints).
        String first = "Error: Could not resolve host: api.staging.internal";
        String second = "Error: Could not resolve host: db.prod.example.net";
        Triage triage = new Triage(PatternCatalog.builtIn());
        List<TestResult> results = List.of(TestResult.failed("t1", "p", "t1", 1, first, null, List.of()),
                TestResult.failed("t2", "p", "t2", 1, second, null, List.of()));
        List<Incident> now = triage.incidents(results);
        assertEquals(1, now.size(), "recorded now, the two are one incident: " + now);
        Incident incident = now.get(0);
        String kind = kindOf(incident);
        String oldFirst = Incidents.idOf(kind, List.of("eeeeeeeeeeeeeeee"));
        String oldSecond = Incidents.idOf(kind, List.of("ffffffffffffffff"));
        String pattern = incident.patternIds().get(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            schemaAt(s, 11);
            s.execute("INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,"
                    + " health_score, tests_run, tests_passed, tests_failed, flaky, cancelled)"
                    + " VALUES ('r1','sandbox','',0,1000,2000,'failing','failing',0,2,0,2,0,0)");
            String[][] rows = {{"eeeeeeeeeeeeeeee", first, oldFirst, "t1"}, {"ffffffffffffffff", second, oldSecond, "t2"}};
            for (String[] r : rows) {
                s.execute("INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id,"
                        + " playbook, count, message, incident_id) VALUES ('r1','" + r[0] + "','"
                        + incident.category().id() + "','high','" + incident.fixClass() + "','" + pattern + "',NULL,1,'"
                        + r[1] + "','" + r[2] + "')");
                s.execute("INSERT INTO incidents (run_id, id, title, category, severity, fix_class, pattern_ids,"
                        + " playbook, fingerprints, tests, class_evidence) VALUES ('r1','" + r[2] + "','"
                        + incident.title().replace("'", "''") + "','" + incident.category().id() + "','high','"
                        + incident.fixClass() + "','" + pattern + "',NULL,'" + r[0] + "','" + r[3] + "',NULL)");
                s.execute("INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,"
                        + " error_message, fingerprint) VALUES ('r1','" + r[3] + "','p','" + r[3] + "','failed',1,0,'"
                        + r[1] + "','" + r[0] + "')");
            }
        }
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
            List<StoredIncident> incidents = store.incidentsOf("r1");
            assertEquals(1, incidents.size(), "the two incidents of the run are one now: " + incidents);
            StoredIncident stored = incidents.get(0);
            assertEquals(incident.id(), stored.id(), "the stored incident has the id a new run gives the same one");
            assertEquals(incident.fingerprints(), stored.fingerprints());
            assertEquals(List.of("t1", "t2"), stored.tests());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT DISTINCT incident_id FROM failures")) {
            assertTrue(rs.next());
            assertEquals(incident.id(), rs.getString(1), "the failure follows its incident");
            assertTrue(!rs.next(), "one incident for both failures");
        }
    }

    @Test
    void aVersionThirteenHistoryKeysFingerprintsByTheWordsAndKeepsTwoRefusingAddressesTwoIncidents() throws Exception {
        Path file = dir.resolve("thirteen.db");
        // Version 13 keyed a fingerprint by the pattern, and a port chose it: a PostgreSQL and a Redis refusing with
        // the same words were two fingerprints and two incidents. Now they are one fingerprint, still two incidents.
        String postgres = "Error: connect ECONNREFUSED 127.0.0.1:5432";
        String redis = "Error: connect ECONNREFUSED 127.0.0.1:6379";
        Triage triage = new Triage(PatternCatalog.builtIn());
        List<Incident> now = triage.incidents(List.of(TestResult.failed("t1", "p", "t1", 1, postgres, null, List.of()),
                TestResult.failed("t2", "p", "t2", 1, redis, null, List.of())));
        assertEquals(2, now.size(), now.toString());
        String[][] rows = {{"aaaaaaaaaaaaaaaa", postgres, "t1", "postgres-unreachable"},
            {"bbbbbbbbbbbbbbbb", redis, "t2", "redis-unreachable"}};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            schemaAt(s, 13);
            s.execute("INSERT INTO runs (id, target, projects, dry_run, started_at, finished_at, status, initial_status,"
                    + " health_score, tests_run, tests_passed, tests_failed, flaky, cancelled)"
                    + " VALUES ('r1','sandbox','',0,1000,2000,'failing','failing',0,2,0,2,0,0)");
            for (int k = 0; k < 2; k++) {
                String[] r = rows[k];
                Incident i = now.get(k);
                String oldId = Incidents.idOf("refused-database", List.of(r[0])); // as version 13 gave it
                s.execute("INSERT INTO failures (run_id, fingerprint, category, severity, fix_class, pattern_id,"
                        + " playbook, count, message, incident_id) VALUES ('r1','" + r[0] + "','database','critical','"
                        + i.fixClass() + "','" + r[3] + "',NULL,1,'" + r[1] + "','" + oldId + "')");
                s.execute("INSERT INTO incidents (run_id, id, title, category, severity, fix_class, pattern_ids,"
                        + " playbook, fingerprints, tests, class_evidence) VALUES ('r1','" + oldId + "','"
                        + i.title().replace("'", "''") + "','database','critical','" + i.fixClass() + "','" + r[3]
                        + "',NULL,'" + r[0] + "','" + r[2] + "',NULL)");
                s.execute("INSERT INTO test_results (run_id, test_id, project, title, status, duration_ms, retry,"
                        + " error_message, fingerprint) VALUES ('r1','" + r[2] + "','p','" + r[2] + "','failed',1,0,'"
                        + r[1] + "','" + r[0] + "')");
            }
        }
        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(HistoryStore.SCHEMA_VERSION, store.schemaVersion());
            List<StoredIncident> incidents = store.incidentsOf("r1");
            assertEquals(2, incidents.size(), "two addresses refused: two incidents still " + incidents);
            java.util.Map<String, StoredIncident> byId = new java.util.HashMap<>();
            incidents.forEach(i -> byId.put(i.id(), i));
            for (Incident i : now) {
                StoredIncident stored = byId.get(i.id());
                assertTrue(stored != null, "no stored incident has the id a new run gives " + i.title() + ": "
                        + incidents);
                assertEquals(i.fingerprints(), stored.fingerprints());
                assertEquals(i.tests(), stored.tests());
            }
        }
    }

    /** Makes the schema as version {@code version} of Healdesk left it, and says so in the file. */
    private static void schemaAt(Statement s, int version) throws java.sql.SQLException {
        for (int v = 0; v < version; v++) {
            for (String statement : Schema.MIGRATIONS.get(v)) {
                s.execute(statement);
            }
        }
        s.execute("PRAGMA user_version = " + version);
    }
}
