package dev.healdesk.core.triage;

import java.util.List;
import java.util.Objects;

/**
 * The failures of one run that share one cause: the backend at one address refusing connections, one database pool
 * exhausted, one expired session, one changed page. One diagnosis, one proposal and one verification (re-running all
 * its tests) are made per incident.
 *
 * @param id            stable across runs for the same cause ({@code inc-} and twelve hex digits of the cause's kind
 *                      and its fingerprints), so that recurring incidents can be counted
 * @param title         in an operator's words: {@code Backend at 127.0.0.1:41234 refuses connections — 11 tests}
 * @param fixClass      decided from the run's evidence, see {@link #classEvidence}
 * @param patternIds    the patterns of its failures, the leading one first
 * @param playbook      the playbook that addresses the cause, or null
 * @param fingerprints  the fingerprints (templates) it joins, first seen first
 * @param tests         the ids of its failed tests, in result order
 * @param evidence      the lines that tie its failures together (distinct headlines, the address, the pool)
 * @param classEvidence the sentence that decided the fix class: {@code class A: 127.0.0.1:41234 refused 11 of 11
 *                      connections}
 * @param group         the whole incident as one failure group (the leading fingerprint, all tests): what the
 *                      diagnosis, the playbooks and the verification work on
 */
public record Incident(String id, String title, Category category, Severity severity, FixClass fixClass,
                       List<String> patternIds, String playbook, List<String> fingerprints, List<String> tests,
                       List<String> evidence, String classEvidence, FailureGroup group) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        patternIds = List.copyOf(patternIds);
        fingerprints = List.copyOf(fingerprints);
        tests = List.copyOf(tests);
        evidence = List.copyOf(evidence);
        classEvidence = classEvidence == null ? "" : classEvidence;
    }

    /** The leading pattern (the one the title and the playbook come from). */
    public String patternId() {
        return patternIds.isEmpty() ? PatternCatalog.UNKNOWN_ID : patternIds.get(0);
    }

    /** The fingerprint the diagnosis and the actions of this incident are recorded under. */
    public String leadFingerprint() {
        return group.fingerprint();
    }

    public int count() {
        return tests.size();
    }
}
