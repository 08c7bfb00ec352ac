package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.testing.PlaywrightProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on a target file whose suite is a real Playwright Test project: a real Healdesk process runs
 * {@code npx playwright test} against the sandbox, triages what fails under a fault, stores the run and copies the
 * screenshots into the run folder; with the fault off the same target is healthy.
 */
class PlaywrightTargetTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run healdesk(SandboxServer sandbox, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        // the suite's login, as a secret: from the environment, never from the target file
        pb.environment().putAll(Map.of("HEALDESK_USER", sandbox.username(), "HEALDESK_PASSWORD", sandbox.password()));
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("healdesk finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void aPlaywrightSuiteInATargetFileRunsIsTriagedAndStored() throws Exception {
        PlaywrightProject.install();
        try (SandboxServer sandbox = SandboxServer.start()) {
            Path target = Files.writeString(dir.resolve("shop.yaml"), """
                    name: shop
                    baseUrl: %s
                    env: {PW_EXPECT_TIMEOUT: "1500"}
                    suites:
                      - kind: playwright
                        dir: %s
                        projects: [health, modules]
                        timeoutSeconds: 120
                    """.formatted(sandbox.baseUrl(), PlaywrightProject.DIR));
            Path results = dir.resolve("results");
            sandbox.setFault(Fault.SELECTOR_CHANGED, true);

            Run broken = healdesk(sandbox, "run", "--target=" + target, "--skip-llm", "--dry-run",
                    "--results-dir=" + results);

            assertThat(broken.code()).as(broken.out() + broken.err()).isEqualTo(1);
            assertThat(broken.out()).contains("Running playwright test --project=health --project=modules");
            JsonNode summary = new ObjectMapper().readTree(results.resolve("latest.json").toFile());
            assertThat(summary.get("target").asText()).isEqualTo("shop");
            assertThat(summary.get("testsFailed").asInt()).isEqualTo(2);
            JsonNode group = summary.at("/failures/0");
            assertThat(group.get("category").asText()).isEqualTo("ui");
            assertThat(group.get("fixClass").asText()).isEqualTo("B");
            assertThat(group.get("tests").toString()).contains("modules.spec.js").contains("customers table");
            Path runFolder = Path.of(summary.get("runFolder").asText());
            try (var files = Files.walk(runFolder.resolve("artifacts"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".png")).count())
                        .as("the failing page tests' screenshots are copied into the run folder (Playwright skips"
                                + " one it cannot take in time on a loaded machine)").isBetween(1L, 2L);
            }

            sandbox.setFault(Fault.SELECTOR_CHANGED, false);
            Run healthy = healdesk(sandbox, "run", "--target=" + target, "--skip-llm", "--results-dir=" + results);
            assertThat(healthy.code()).as(healthy.out() + healthy.err()).isEqualTo(0);
            assertThat(healthy.out()).contains("finished: healthy");
        }
    }

    @Test
    void aRunWhoseHistoryCannotBeOpenedStopsThePlaywrightItStartedFirst() throws Exception {
        PlaywrightProject.install();
        try (SandboxServer sandbox = SandboxServer.start()) {
            Path target = Files.writeString(dir.resolve("hang.yaml"), """
                    name: hang
                    baseUrl: %s
                    suites:
                      - kind: playwright
                        dir: %s
                        projects: [hang]
                        timeoutSeconds: 120
                    """.formatted(sandbox.baseUrl(), PlaywrightProject.DIR));
            Files.writeString(dir.resolve("not-a-folder"), "");

            Run run = healdesk(sandbox, "run", "--target=" + target, "--skip-llm", "--dry-run",
                    "--db=" + dir.resolve("not-a-folder/history.db"), "--results-dir=" + dir.resolve("results"));

            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
            // Playwright was started before the history was opened, from a reporter in this process's temporary folder
            String tmp = dir.resolve("tmp").toString();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && left(tmp) > 0) {
                Thread.sleep(50);
            }
            assertThat(left(tmp)).as("Playwright processes left running").isZero();
            try (var files = Files.list(dir.resolve("tmp"))) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("healdesk-pw-"))).isEmpty();
            }
        }
    }

    private static long left(String tmp) {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains(tmp)).count();
    }
}
