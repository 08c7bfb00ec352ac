package dev.healdesk.core.playbook;

/**
 * What sort of change a step makes, so that the executor can keep the per-session limits without trusting each
 * playbook to say so: a command's effects are read from its argument vector ({@link Effects}), and a step that is
 * not a command (a request, an in-process action) names its effect where it is made ({@link PlanStep#request},
 * {@link PlanStep#action}). Container restarts and database operations are counted; restarts of one subject are
 * spaced by the cooldown.
 */
public enum Kind {
    /** A backend, service or worker restart (not a container): spaced by the cooldown, not counted. */
    RESTART,
    /** A container or pod restart, start, stop, scale or rollout: spaced by the cooldown and counted per session. */
    CONTAINER_RESTART,
    /** A change made inside a database or a cache (terminating sessions, clearing keys, restarting it): counted. */
    DATABASE,
    /** Anything else (sessions, tokens, proposals, issues, reads). */
    GENERAL;

    public boolean isRestart() {
        return this == RESTART || this == CONTAINER_RESTART;
    }
}
