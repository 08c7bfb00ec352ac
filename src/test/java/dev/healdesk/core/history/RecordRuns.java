package dev.healdesk.core.history;

import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunIds;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A Healdesk process that records runs, for {@link SeveralWritersTest}: {@code RecordRuns LOCATION MACHINE COUNT} opens
 * the history at LOCATION (a SQLite file or a postgresql:// URL, the password from PGPASSWORD) as machine MACHINE and
 * records COUNT runs as a run does (its row at the start, each result as it finishes, a diagnosis, an audit line, the
 * whole run at the end), printing each run's id and its number of results. Every run shares one fingerprint, one
 * target and one day with every other process's runs, so that their writes meet on the same rows.
 */
public final class RecordRuns {

    public static void main(String[] args) {
        HistoryLocation location = HistoryLocation.parse(args[0], "RecordRuns", System.getenv());
        int count = Integer.parseInt(args[2]);
        RunIds ids = new RunIds(Clock.systemUTC());
        Instant day = Instant.parse("2026-12-05T08:00:00Z");
        try (HistoryStore store = HistoryStore.open(location,
                new Provenance(args[1], "writer-" + args[1], Provenance.Origin.CLI))) {
            for (int i = 0; i < count; i++) {
                String id = ids.next();
                Instant at = day.plusMillis(i * 1000L + args[1].hashCode() % 1000);
                RunSummary run = RunSummaries.withResults(id, at, 3, 1 + i % 2);
                store.beginRun(id, run.target(), run.projects(), run.dryRun(), at, null);
                run.results().forEach(r -> store.appendResult(id, r));
                store.saveDiagnosis(new Diagnosis("fp-db-pool-0001", "ollama", "model-" + args[1], "pool exhausted",
                        0.8, null, null, null, "by " + args[1], List.of(), false, null, null, at, 10, 20, 30, false),
                        "pg-connection-slots", "database");
                store.appendAudit(new AuditEntry(id, at, "proposed", "fp-db-pool-0001", "kill-idle-db-connections",
                        "writer-" + args[1], null, "PROPOSE kill-idle-db-connections (class A) for fp-db-pool-0001"));
                store.saveRun(run, null);
                System.out.println(id + " " + run.results().size());
            }
        }
    }
}
