package dev.healdesk.core.playbook;

import java.time.Duration;
import java.util.Set;

/**
 * The limits the {@link PlaybookExecutor} keeps whatever the policy or the operator says, with the seeds' defaults
 * ({@link #defaults()}). A refusal is recorded as a decision by "guardrails" with the limit that refused.
 *
 * @param maxFixesPerRun        fixes applied in one run (the run's {@code --max-fixes} may lower it)
 * @param maxAttemptsPerFailure attempts at one failure (fingerprint) in one session, a retry after a failed
 *                              verification included
 * @param cooldown              wait between two fixes; also the shortest time between two restarts of one subject
 * @param runBudget             no fix starts once the run is this old
 * @param maxContainerRestarts  per session ({@link Kind#CONTAINER_RESTART})
 * @param maxDatabaseOperations per session ({@link Kind#DATABASE})
 * @param systemicServices      when failures name this many distinct services (network, infrastructure, database and
 *                              timeout groups), the problem is shared (network, DNS, the host) and no fix is tried:
 *                              restarts do not heal it
 * @param protectedNames        subjects never touched (processes, tables, namespaces), compared without case
 * @param settle                wait after a fix before the tests are re-run (a playbook's {@code settleMs} setting
 *                              overrides it)
 * @param commandTimeout        a playbook's command is killed after this unless its settings give another
 */
public record Guardrails(int maxFixesPerRun, int maxAttemptsPerFailure, Duration cooldown, Duration runBudget,
                         int maxContainerRestarts, int maxDatabaseOperations, int systemicServices,
                         Set<String> protectedNames, Duration settle, Duration commandTimeout) {

    /** Names of system namespaces, databases and daemons that no automatic fix should touch. */
    public static final Set<String> DEFAULT_PROTECTED = Set.of("kube-system", "kube-public", "kube-node-lease",
            "template0", "template1", "pg_catalog", "information_schema", "systemd", "sshd", "dockerd", "containerd",
            "kubelet");

    public Guardrails {
        if (maxFixesPerRun < 0 || maxAttemptsPerFailure < 1 || maxContainerRestarts < 0 || maxDatabaseOperations < 0
                || systemicServices < 2) {
            throw new IllegalArgumentException("guardrail limits out of range: " + maxFixesPerRun + " fixes, "
                    + maxAttemptsPerFailure + " attempts, " + maxContainerRestarts + " container restarts, "
                    + maxDatabaseOperations + " database operations, systemic at " + systemicServices);
        }
        if (cooldown.isNegative() || runBudget.isNegative() || settle.isNegative() || commandTimeout.isNegative()
                || commandTimeout.isZero()) {
            throw new IllegalArgumentException("guardrail durations must not be negative (and the command timeout"
                    + " not zero)");
        }
        protectedNames = protectedNames.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** 3 fixes per run, 2 attempts per failure, 5 s cooldown, 30 min per run, 5 container restarts and 3 database
     * operations per session, systemic at 4 services, the default protected names, 500 ms settle, 2 min commands. */
    public static Guardrails defaults() {
        return new Guardrails(3, 2, Duration.ofSeconds(5), Duration.ofMinutes(30), 5, 3, 4, DEFAULT_PROTECTED,
                Duration.ofMillis(500), Duration.ofMinutes(2));
    }

    public Guardrails withCooldown(Duration d) {
        return new Guardrails(maxFixesPerRun, maxAttemptsPerFailure, d, runBudget, maxContainerRestarts,
                maxDatabaseOperations, systemicServices, protectedNames, settle, commandTimeout);
    }

    public Guardrails withSettle(Duration d) {
        return new Guardrails(maxFixesPerRun, maxAttemptsPerFailure, cooldown, runBudget, maxContainerRestarts,
                maxDatabaseOperations, systemicServices, protectedNames, d, commandTimeout);
    }

    public boolean isProtected(String name) {
        return name != null && protectedNames.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
