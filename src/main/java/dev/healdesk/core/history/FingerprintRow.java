package dev.healdesk.core.history;

import java.time.Instant;

/** A fingerprint across all runs: when it was first and last seen, and how often. */
public record FingerprintRow(String fingerprint, String category, String patternId, String message,
                             Instant firstSeen, Instant lastSeen, long occurrences) {
}
