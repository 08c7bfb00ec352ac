package dev.healdesk.core.config;

import dev.healdesk.core.run.ApprovalPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings in force, typed once: each section from the variables Config resolved, defaults where unset. */
class SettingsTest {

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        Settings s = Settings.of(Map.of());
        assertThat(s.target().file()).isEmpty();
        assertThat(s.target().projects()).isEmpty();
        assertThat(s.run().dryRun()).isFalse();
        assertThat(s.run().skipLlm()).isFalse();
        assertThat(s.run().maxFixes()).isEqualTo(Integer.parseInt(Setting.MAX_FIXES.defaultValue()));
        assertThat(s.run().patterns()).isEmpty();
        assertThat(s.playbooks().approval(false)).isEqualTo(ApprovalPolicy.A);
        assertThat(s.playbooks().approval(true)).isEqualTo(ApprovalPolicy.NONE);
        assertThat(s.guardrails()).isEqualTo(Config.guardrails(Map.of()));
    }

    @Test
    void eachSectionReadsItsVariablesAsTheSettingChecksThem() {
        Settings s = Settings.of(Map.of("HEALDESK_TARGET", " shop.yaml ", "HEAL_PROJECTS", "api, ui,,",
                "HEAL_DRY_RUN", "yes", "HEAL_SKIP_LLM", "on", "HEAL_MAX_FIXES", "2",
                "HEALDESK_PATTERNS", "team.json", "HEAL_APPROVE", "none",
                "HEALDESK_DISABLED_PLAYBOOKS", "restart-backend"));
        assertThat(s.target().file()).contains(Path.of("shop.yaml"));
        assertThat(s.target().projects()).containsExactly("api", "ui");
        assertThat(s.run().dryRun()).as("'yes' is true to the setting").isTrue();
        assertThat(s.run().skipLlm()).isTrue();
        assertThat(s.run().maxFixes()).isEqualTo(2);
        assertThat(s.run().patterns()).contains(Path.of("team.json"));
        assertThat(s.playbooks().approval(false)).isEqualTo(ApprovalPolicy.NONE);
        assertThat(s.playbooks().disabled()).containsExactly("restart-backend");
    }

    @Test
    void theHistoryDatabaseIsAFileOrAPostgresqlUrlWithoutAPassword() {
        assertThat(Setting.DATABASE.check("postgresql://ci@db.internal:5432/history").problem()).isNull();
        assertThat(Setting.DATABASE.check("/srv/heal/healdesk.db").problem()).isNull();
        String problem = Setting.DATABASE.check("postgresql://ci:hunter2-pw@db.internal:5432/history").problem();
        assertThat(problem).contains("PGPASSWORD").contains(".env").doesNotContain("hunter2");
    }

    @Test
    void aValueTheSettingRefusesLeavesItsDefault() {
        assertThat(Settings.of(Map.of("HEAL_MAX_FIXES", "lots")).run().maxFixes())
                .isEqualTo(Integer.parseInt(Setting.MAX_FIXES.defaultValue()));
    }
}
