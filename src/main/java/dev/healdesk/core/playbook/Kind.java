package dev.healdesk.core.playbook;

/**
 * What sort of change a playbook makes, so that the executor can keep the seeds' per-session limits without
 * knowing each playbook: container restarts and database operations are counted, and restarts of one subject are
 * spaced by the cooldown.
 */
public enum Kind {
    /** A backend, service or worker restart (not a container): spaced by the cooldown, not counted. */
    RESTART,
    /** A container or pod restart, start or rollout: spaced by the cooldown and counted per session. */
    CONTAINER_RESTART,
    /** A change made inside a database (terminating sessions, clearing keys): counted per session. */
    DATABASE,
    /** Anything else (sessions, tokens, proposals, issues). */
    GENERAL;

    public boolean isRestart() {
        return this == RESTART || this == CONTAINER_RESTART;
    }
}
