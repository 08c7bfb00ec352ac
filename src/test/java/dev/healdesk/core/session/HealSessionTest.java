package dev.healdesk.core.session;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.playbook.PolicyGate;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.PatternCatalogException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one place that assembles the loop: what it reads from the settings, and what it does on opening. */
class HealSessionTest {

    @TempDir
    Path dir;

    private Path patterns(String id, String regex) throws Exception {
        return Files.writeString(dir.resolve(id + ".json"), """
                {"version": 1, "patterns": [
                  {"id": "%s", "name": "Mine", "description": "d", "regex": "%s",
                   "category": "api", "severity": "high", "fixClass": "C", "playbook": null, "priority": 10}
                ]}
                """.formatted(id, regex));
    }

    @Test
    void theSettingsPatternsFileIsMergedOverTheBuiltInCatalog() throws Exception {
        Path file = patterns("mine", "quota of the frobnicator exceeded");
        PatternCatalog catalog = HealSession.catalog(null, Map.of("HEALDESK_PATTERNS", file.toString()));
        assertThat(catalog.find("mine")).isPresent();
        assertThat(catalog.patterns()).hasSizeGreaterThan(PatternCatalog.builtIn().patterns().size());
    }

    @Test
    void aPatternsFlagOverridesTheSetting() throws Exception {
        Path setting = patterns("fromsetting", "a");
        Path flag = patterns("fromflag", "b");
        PatternCatalog catalog = HealSession.catalog(flag, Map.of("HEALDESK_PATTERNS", setting.toString()));
        assertThat(catalog.find("fromflag")).isPresent();
        assertThat(catalog.find("fromsetting")).isEmpty();
    }

    @Test
    void withNeitherTheCatalogIsTheBuiltInOne() {
        assertThat(HealSession.catalog(null, Map.of()).patterns())
                .hasSameSizeAs(PatternCatalog.builtIn().patterns());
    }

    @Test
    void aBrokenPatternsFileNamesItself() throws Exception {
        Path file = patterns("broken", "oops(");
        assertThatThrownBy(() -> HealSession.catalog(null, Map.of("HEALDESK_PATTERNS", file.toString())))
                .isInstanceOf(PatternCatalogException.class)
                .hasMessageContaining("broken.json");
    }

    @Test
    void aWrongCloudFallbackAddressStillStopsTheOpeningThoughTheModelIsSetUpLater() {
        // the model's setup is built on first use; the fallback's settings are still read when the session opens
        HealSession.Spec spec = new HealSession.Spec(Map.of("ANTHROPIC_API_KEY", "sk-test-key",
                "ANTHROPIC_BASE_URL", "ftp://example.com"), dir.resolve("healdesk.db"),
                new RunFolderWriter(dir.resolve("results")), PatternCatalog.builtIn(), new PolicyGate("me"), null,
                Clock.systemUTC(), message -> { });
        assertThatThrownBy(() -> HealSession.open(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANTHROPIC_BASE_URL").hasMessageNotContaining("sk-test-key");
    }

    @Test
    void aMalformedOllamaHostStillStopsTheOpening() {
        HealSession.Spec spec = new HealSession.Spec(Map.of("OLLAMA_HOST", "http://bad host"),
                dir.resolve("healdesk.db"), new RunFolderWriter(dir.resolve("results")), PatternCatalog.builtIn(),
                new PolicyGate("me"), null, Clock.systemUTC(), message -> { });
        assertThatThrownBy(() -> HealSession.open(spec)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModelSetupIsBuiltOnceFromTheSessionsSettings() {
        HealSession.Spec spec = new HealSession.Spec(Map.of("OLLAMA_HOST", "gpu-box:12345"),
                dir.resolve("healdesk.db"), new RunFolderWriter(dir.resolve("results")), PatternCatalog.builtIn(),
                new PolicyGate("me"), null, Clock.systemUTC(), message -> { });
        try (HealSession session = HealSession.open(spec)) {
            assertThat(session.llm().ollama().host()).isEqualTo("http://gpu-box:12345");
            assertThat(session.llm()).isSameAs(session.llm());
        }
    }

    @Test
    void openingAppliesTheHistoryRetentionAndSaysWhatItDeleted() throws Exception {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        Path db = dir.resolve("healdesk.db");
        try (HistoryStore history = HistoryStore.open(db)) {
            history.saveRun(RunSummaries.withResults("run-old", now.minus(Duration.ofDays(40)), 1, 0), null);
            history.saveRun(RunSummaries.withResults("run-new", now.minus(Duration.ofDays(1)), 1, 0), null);
        }
        List<String> notices = new ArrayList<>();
        HealSession.Spec spec = new HealSession.Spec(Map.of("HEALDESK_HISTORY_RETENTION_DAYS", "30"), db,
                new RunFolderWriter(dir.resolve("results")), PatternCatalog.builtIn(), new PolicyGate("me"), null,
                Clock.fixed(now, ZoneOffset.UTC), notices::add);
        try (HealSession session = HealSession.open(spec)) {
            assertThat(session.history().listRuns(10, 0)).extracting(r -> r.runId()).containsExactly("run-new");
        }
        assertThat(notices).containsExactly("Deleted 1 run(s) older than HEALDESK_HISTORY_RETENTION_DAYS days");
    }

    @Test
    void theApprovalPolicyHasOneDefaultAndOneRule() {
        assertThat(ApprovalPolicy.resolve(null, false)).isEqualTo(ApprovalPolicy.A);
        assertThat(ApprovalPolicy.resolve(" ", false)).isEqualTo(ApprovalPolicy.DEFAULT);
        assertThat(ApprovalPolicy.resolve(null, true)).as("a dry run changes nothing").isEqualTo(ApprovalPolicy.NONE);
        assertThat(ApprovalPolicy.resolve("none", false)).isEqualTo(ApprovalPolicy.NONE);
        assertThat(ApprovalPolicy.resolve("a", true)).as("an explicit value wins over the dry run's default")
                .isEqualTo(ApprovalPolicy.A);
        assertThat(ApprovalPolicy.resolve("ALL", false)).isEqualTo(ApprovalPolicy.ALL);
        assertThatThrownBy(() -> ApprovalPolicy.resolve("sometimes", false))
                .hasMessage("must be none, A or all, got 'sometimes'");
    }
}
