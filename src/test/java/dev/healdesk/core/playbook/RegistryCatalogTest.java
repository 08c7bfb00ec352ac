package dev.healdesk.core.playbook;

import dev.healdesk.core.triage.FailurePattern;
import dev.healdesk.core.triage.PatternCatalog;
import org.junit.jupiter.api.Test;

import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What triage proposes must be something the executor can run: every playbook a pattern names is registered. */
class RegistryCatalogTest {

    @Test
    void everyPlaybookThePatternsProposeIsRegistered() {
        SortedSet<String> proposed = new TreeSet<>();
        for (FailurePattern p : PatternCatalog.builtIn().patterns()) {
            if (p.playbook() != null && !p.playbook().isBlank()) {
                proposed.add(p.playbook());
            }
        }
        assertThat(proposed).hasSizeGreaterThan(10);
        assertThat(BuiltInPlaybooks.registry().names()).containsAll(proposed);
    }

    @Test
    void theRegistryHoldsEveryFamilyTheIssueNames() {
        assertThat(BuiltInPlaybooks.registry().names()).contains("restart-backend", "clear-session", "refresh-tokens",
                "start-container", "restart-container", "scale-up", "rollout-restart", "kill-idle-db-connections",
                "terminate-idle-transactions", "redis-restart", "redis-clear-expired", "restart-worker",
                "propose-selector-fix", "propose-config-change", "file-issue");
    }
}
