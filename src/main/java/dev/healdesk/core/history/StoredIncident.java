package dev.healdesk.core.history;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the history keeps it (issue 13): one cause of one run's failures, with its fingerprints and tests.
 * For {@link HistoryStore#topIncidents} {@code runs} counts the runs it recurred in and {@code lastSeen} the latest;
 * for one run's incidents they are 1 and that run's start.
 */
public record StoredIncident(String id, String title, String category, String severity, String fixClass,
                             List<String> patternIds, String playbook, List<String> fingerprints, List<String> tests,
                             String classEvidence, int runs, Instant lastSeen) {

    public StoredIncident {
        patternIds = List.copyOf(patternIds);
        fingerprints = List.copyOf(fingerprints);
        tests = List.copyOf(tests);
    }
}
