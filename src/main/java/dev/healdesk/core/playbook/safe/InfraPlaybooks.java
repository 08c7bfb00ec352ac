package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.PlaybookRegistry;

/**
 * The class-A playbooks that heal the infrastructure around a target (containers, Kubernetes deployments,
 * PostgreSQL sessions, Redis, background workers), registered in one call so the composition root need not know
 * their classes. Each reads its settings from the target file's {@code playbooks: <name>:} section and says in its
 * plan what is missing where a tool, setting or credential is absent.
 */
public final class InfraPlaybooks {
    private InfraPlaybooks() {
    }

    public static PlaybookRegistry register(PlaybookRegistry registry) {
        return registry.register(ContainerPlaybook.start())
                .register(ContainerPlaybook.restart())
                .register(new ScaleUpPlaybook())
                .register(new RolloutRestartPlaybook())
                .register(IdleSessionsPlaybook.idleConnections())
                .register(IdleSessionsPlaybook.idleTransactions())
                .register(new RedisRestartPlaybook())
                .register(new RedisClearExpiredPlaybook())
                .register(new RestartWorkerPlaybook());
    }
}
