package dev.healdesk.core.run;

import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;

import java.time.Instant;
import java.util.List;

/**
 * A model's root-cause diagnosis of one failure group. It lives beside the {@link Diagnoser} seam (as
 * {@link ActionRecord} lives beside {@link Healer}) so that the run loop never depends on the LLM package.
 *
 * <p>A {@code malformed} diagnosis is an answer that was not the JSON asked for: its text is kept in
 * {@code rawText} for the operator, and every structured field is null or empty.
 *
 * @param category          the model's category, or null when it gave none the triage knows
 * @param suggestedPlaybook a name from the playbook registry, or null (a name outside it is dropped, see note)
 * @param note              what Healdesk changed or doubted in the answer, or null
 * @param cached            true when this came from the cache, at no LLM cost
 */
public record Diagnosis(String fingerprint, String provider, String model, String rootCause, double confidence,
                        Category category, FixClass fixClass, String suggestedPlaybook, String explanation,
                        List<String> evidence, boolean malformed, String rawText, String note, Instant createdAt,
                        int promptTokens, int completionTokens, long latencyMs, boolean cached) {

    public Diagnosis {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Diagnosis asCached() {
        return new Diagnosis(fingerprint, provider, model, rootCause, confidence, category, fixClass,
                suggestedPlaybook, explanation, evidence, malformed, rawText, note, createdAt, promptTokens,
                completionTokens, latencyMs, true);
    }
}
