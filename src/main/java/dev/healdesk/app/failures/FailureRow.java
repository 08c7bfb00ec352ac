package dev.healdesk.app.failures;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;

import java.util.List;

/**
 * One row of the failures tree: an incident (the failures of one cause), one of its fingerprints when it has several,
 * or one failing test. Every row stands for a failure group, the one the detail pane shows when the row is selected.
 */
sealed interface FailureRow {

    /** The group the detail pane shows for this row. */
    FailureGroup group();

    /**
     * An incident: its groups, most severe first (the first leads).
     *
     * @param key   the incident's id (or the lone fingerprint's, for a group no incident holds)
     * @param title in an operator's words ("Backend at 127.0.0.1:PORT refuses connections — 11 tests")
     */
    record IncidentRow(String key, String title, List<FailureGroup> groups) implements FailureRow {
        public IncidentRow {
            groups = List.copyOf(groups);
        }

        @Override
        public FailureGroup group() {
            return groups.get(0);
        }

        /** Its failing tests, each once, in the order of its groups. */
        List<TestResult> tests() {
            return groups.stream().flatMap(g -> g.tests().stream()).distinct().toList();
        }
    }

    /** One fingerprint of an incident that joins several. */
    record GroupRow(FailureGroup group) implements FailureRow {
    }

    /** One failing test of a group. */
    record TestRow(TestResult test, FailureGroup group) implements FailureRow {
    }
}
