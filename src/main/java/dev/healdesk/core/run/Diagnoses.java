package dev.healdesk.core.run;

import java.util.Map;

/** What the diagnosis step gave a run: the diagnoses by fingerprint, and what they cost. */
public record Diagnoses(LlmUsage usage, Map<String, Diagnosis> byFingerprint) {

    public Diagnoses {
        byFingerprint = Map.copyOf(byFingerprint);
    }

    public static Diagnoses none() {
        return new Diagnoses(LlmUsage.none(), Map.of());
    }

    public static Diagnoses none(String note) {
        return new Diagnoses(LlmUsage.none(note), Map.of());
    }
}
