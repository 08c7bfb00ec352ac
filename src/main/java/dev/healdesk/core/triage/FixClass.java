package dev.healdesk.core.triage;

/**
 * A: safe automatic fix (restart, clear session, refresh tokens, scale up).
 * B: a reviewed change (selector, config, test data, route).
 * C: manual investigation (unknown, security, performance, schema).
 */
public enum FixClass {
    A, B, C
}
