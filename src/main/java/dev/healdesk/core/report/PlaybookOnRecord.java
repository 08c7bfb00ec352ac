package dev.healdesk.core.report;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The playbook a failure group or an incident got, as the reports tell it: the one whose decision is on record (the
 * last action of its fingerprint or, one proposal per incident, of its incident), beside triage's suggestion when that
 * differs. So a report never names triage's playbook where the operator's choice ran.
 *
 * @param playbook  the playbook on record, or triage's suggestion when none was proposed; null when neither
 * @param decision  the decision on record ({@code approved}, {@code dry-run}, …); null when none was proposed
 * @param suggested triage's suggestion; null when none
 */
record PlaybookOnRecord(String playbook, String decision, String suggested) {

    static PlaybookOnRecord of(RunSummary run, FailureGroup group) {
        Incident incident = group.tests().isEmpty() ? run.incidentOf(group.fingerprint()).orElse(null)
                : run.incidentOfTest(group.tests().get(0).id()).orElse(null);
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(group.fingerprint());
        if (incident != null) {
            fingerprints.add(incident.leadFingerprint());   // one proposal per incident, under its lead
        }
        return of(run.actions(), fingerprints, group.classification().playbook());
    }

    static PlaybookOnRecord of(RunSummary run, Incident incident) {
        return of(run.actions(), Set.copyOf(incident.fingerprints()), incident.playbook());
    }

    private static PlaybookOnRecord of(List<ActionRecord> actions, Set<String> fingerprints, String suggested) {
        ActionRecord last = null;
        for (ActionRecord a : actions) {
            if (a.fingerprint() != null && fingerprints.contains(a.fingerprint())) {
                last = a;
            }
        }
        return last == null ? new PlaybookOnRecord(suggested, null, suggested)
                : new PlaybookOnRecord(last.playbook(), last.decision().id(), suggested);
    }

    /** Whether a playbook was proposed and decided on. */
    boolean decided() {
        return decision != null;
    }

    /** Whether triage suggested another playbook than the one on record. */
    boolean suggestionDiffers() {
        return decided() && suggested != null && !Objects.equals(suggested, playbook);
    }
}
