package dev.healdesk.core.triage;

/** What triage says about one failure: its diagnosis and the fingerprint it shares with its repeats. */
public record TriagedFailure(Classification classification, String fingerprint) {
}
