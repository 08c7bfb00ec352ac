package dev.healdesk.app;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.config.FileTarget;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.run.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With HEALDESK_TARGET the console runs that target file instead of the sandbox; a bad file names its line. */
class ConsoleTargetFileTest {

    @TempDir
    Path dir;

    private AppContext context(Path target) {
        return new AppContext(new HealdeskPaths(dir.resolve("results"), dir.resolve("healdesk.db")), FxBridge.direct(),
                Map.of(AppContext.TARGET_ENV, target.toString()));
    }

    @Test
    void theTargetFileIsOpenedInsteadOfTheSandbox() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        Path target = Files.writeString(dir.resolve("shop.yaml"), """
                name: shop
                suites:
                  - {kind: junit, project: api, command: [python3, -m, pytest], dir: app, reports: 'r/*.xml'}
                """);
        try (AppContext context = context(target)) {
            Target t = context.startTarget().get(30, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(FileTarget.class);
            assertThat(t.name()).isEqualTo("shop");
            assertThat(t.suites().projects()).containsExactly("api");
        }
    }

    @Test
    void aBrokenTargetFileFailsWithItsLine() throws Exception {
        Path target = Files.writeString(dir.resolve("broken.yaml"), "name: shop\nsuites:\n  - kind: cucumber\n");
        try (AppContext context = context(target)) {
            assertThatThrownBy(() -> context.startTarget().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("broken.yaml: suites[0]: 'kind' must be one of playwright, junit, probes");
        }
    }

    @Test
    void theConsoleReadsTheSettingsPatternsFileAsTheCliDoes() throws Exception {
        Path patterns = Files.writeString(dir.resolve("team-patterns.json"), """
                {"version": 1, "patterns": [
                  {"id": "mine", "name": "Mine", "description": "d", "regex": "oops(",
                   "category": "api", "severity": "high", "fixClass": "C", "playbook": null, "priority": 10}
                ]}
                """);
        try (AppContext context = new AppContext(new HealdeskPaths(dir.resolve("results"), dir.resolve("healdesk.db")),
                FxBridge.direct(), Map.of("HEALDESK_PATTERNS", patterns.toString()))) {
            assertThatThrownBy(() -> context.ready().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("team-patterns.json").hasMessageContaining("mine");
        }
    }
}
