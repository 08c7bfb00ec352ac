package dev.healdesk.app.failures;

import dev.healdesk.core.playbook.PlaybookChoice;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.FailureGroup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The playbooks the operator took from a diagnosis ("Use suggested playbook"), by fingerprint, as the executor's
 * {@link PlaybookChoice}: the Failures screen writes them on the FX thread and the run reads them on its own thread
 * when it proposes, so they live in a concurrent map. A group nobody picked for gets the pattern catalog's playbook.
 */
public final class PlaybookPicks implements PlaybookChoice {
    private final Map<String, String> byFingerprint = new ConcurrentHashMap<>();

    @Override
    public String choose(FailureGroup group, Optional<Diagnosis> diagnosis) {
        String picked = byFingerprint.get(group.fingerprint());
        return picked != null ? picked : PATTERN.choose(group, diagnosis);
    }

    /** The operator's pick for {@code fingerprint}, or null. */
    String of(String fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    void pick(String fingerprint, String playbook) {
        byFingerprint.put(fingerprint, playbook);
    }

    /** What is picked now, to keep across a refresh. */
    Map<String, String> snapshot() {
        return Map.copyOf(byFingerprint);
    }

    /** Replaces every pick with {@code picks} (empty to forget them). */
    void replaceAll(Map<String, String> picks) {
        byFingerprint.clear();
        byFingerprint.putAll(picks);
    }
}
