package dev.healdesk.core.config;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A target file's {@code suites:}, {@code env:} and {@code artifacts:}: what is refused, and what runs. */
class TargetSuitesTest {

    @TempDir
    Path dir;

    private Path target(String yaml) throws Exception {
        return Files.writeString(dir.resolve("target.yaml"), yaml);
    }

    private TargetSpec load(String yaml) throws Exception {
        return new TargetFiles().load(target(yaml), Map.of());
    }

    @Test
    void badSuitesAreRefusedNamingTheFileTheSuiteAndWhatToDo() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - kind: cucumber\n"))
                .hasMessageContaining("target.yaml: suites[0]: 'kind' must be one of playwright, junit, probes"
                        + " (got 'cucumber')");
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - {kind: junit, project: unit, command: [mvn, test],"
                + " dir: nowhere, reports: 'x/*.xml'}\n"))
                .hasMessageContaining("suites[0] (junit): 'dir' '" + dir.resolve("nowhere") + "' is not a folder");
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - {kind: junit, project: unit, command: [mvn, test],"
                + " dir: app, reports: '../*.xml'}\n"))
                .hasMessageContaining("'reports' must be a glob relative to 'dir'");
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - kind: junit\n    project: unit\n    command: [mvn, test]\n"
                + "    dir: app\n    reports: 'r/*.xml'\n    select: nunit\n"))
                .hasMessageContaining("target.yaml: line 8: suites[0] (junit): Unknown test selector 'nunit'");
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - {kind: junit, project: unit, command: [mvn, test],"
                + " dir: app, reports: 'r/*.xml'}\n  - {kind: playwright, dir: app, projects: [e2e, unit]}\n"))
                .hasMessageContaining("suites[1] (playwright): the project 'unit' is already used by another suite");
        assertThatThrownBy(() -> load("name: t\nenv:\n  LOG_LEVEL: debug\n  DB_PASSWORD: hunter2\n"
                + "suites:\n  - {kind: playwright, dir: app, projects: [e2e]}\n"))
                .hasMessageContaining("line 4: env sets DB_PASSWORD, which looks like a secret")
                .hasMessageContaining("set DB_PASSWORD in the environment or in .env")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - {kind: probes, file: missing.yaml}\n"))
                .hasMessageContaining("suites[0] (probes): 'file' '" + dir.resolve("missing.yaml") + "' is not a file");
        assertThatThrownBy(() -> load("name: t\n"))
                .hasMessageContaining("no 'suites' and no 'probes'");
        assertThatThrownBy(() -> load("name: t\nartifacts: {retentionDays: -1}\n"
                + "suites:\n  - {kind: playwright, dir: app, projects: [e2e]}\n"))
                .hasMessageContaining("line 2: artifacts.retentionDays is -1");
    }

    @Test
    void shardsMustBeAWholeNumberFrom1To64OnAPlaywrightSuiteNamingTheLineAndWhatToDo() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        String head = "name: t\nsuites:\n  - kind: playwright\n    dir: app\n    projects: [e2e]\n";
        assertThatThrownBy(() -> load(head + "    shards: 0\n"))
                .hasMessageContaining("target.yaml: line 6: suites[0] (playwright): 'shards' is 0: give a whole number"
                        + " from 1 (the suite in one process) to 64");
        assertThatThrownBy(() -> load(head + "    shards: 65\n"))
                .hasMessageContaining("line 6: suites[0] (playwright): 'shards' is 65");
        assertThatThrownBy(() -> load(head + "    shards: 2.5\n"))
                .hasMessageContaining("target.yaml line 6: 'shards' must be a whole number, e.g. shards: 3.");
        assertThatThrownBy(() -> load(head + "    shards: three\n"))
                .hasMessageContaining("target.yaml line 6: 'shards' must be a whole number");
        assertThatThrownBy(() -> load("name: t\nsuites:\n  - kind: junit\n    project: unit\n"
                + "    command: [mvn, test]\n    dir: app\n    reports: 'r/*.xml'\n    shards: 2\n"))
                .hasMessageContaining("line 8: suites[0] (junit): 'shards' splits a Playwright suite only; remove it");

        TargetSpec spec = load(head + "    shards: 3\n");
        assertThat(spec.suites().get(0).shards()).isEqualTo(3);
        FileTarget target = new FileTarget(spec, Map.of());
        assertThat(target.runners()).hasSize(1);
        assertThat(((dev.healdesk.core.suite.playwright.PlaywrightTestRunner) target.runners().get(0)).suite()
                .shards()).isEqualTo(3);
        assertThat(((dev.healdesk.core.suite.playwright.PlaywrightTestRunner) new FileTarget(load(head), Map.of())
                .runners().get(0)).suite().shards()).as("no shards: the suite runs whole").isEqualTo(1);
    }

    @Test
    void pathsAreRelativeToTheTargetFileAndTheUrlsAndEnvReachTheSuites() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        TargetSpec spec = load("""
                name: shop
                baseUrl: http://127.0.0.1:8080
                apiUrl: http://127.0.0.1:8081
                env: {LOG_LEVEL: debug, REGION: eu}
                artifacts: {dir: out, retentionDays: 3}
                suites:
                  - kind: junit
                    project: unit
                    command: [python3, -m, pytest]
                    dir: app
                    reports: 'reports/*.xml'
                    select: pytest
                    env: {REGION: us}
                """);
        assertThat(spec.artifacts()).isEqualTo(new TargetSpec.ArtifactsSpec(dir.resolve("out").toString(), 3));
        TargetSpec.SuiteSpec suite = spec.suites().get(0);
        assertThat(suite.dir()).isEqualTo(dir.resolve("app").toString());
        assertThat(FileTarget.suiteEnv(Map.of("TEST_PASSWORD", "from-dotenv", "REGION", "ap"), spec, suite))
                .containsExactlyInAnyOrderEntriesOf(Map.of("TEST_PASSWORD", "from-dotenv",
                        "BASE_URL", "http://127.0.0.1:8080", "API_URL", "http://127.0.0.1:8081", "LOG_LEVEL", "debug",
                        "REGION", "us"));
    }

    @Test
    void aJUnitSuiteFromTheTargetFileRunsForRealAndReRunsOnlyItsFailures() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("test_api.py"), """
                import os

                def test_base_url_reaches_the_suite():
                    assert os.environ["BASE_URL"] == "http://127.0.0.1:8080"
                    # known to Healdesk only (its .env or settings file), not to the process that started it
                    assert os.environ["SHOP_LOGIN_TOKEN"] == "from-healdesk"

                def test_orders():
                    assert os.path.exists("fixed"), "orders API answered 500"
                """);
        TargetSpec spec = load("""
                name: shop
                baseUrl: http://127.0.0.1:8080
                suites:
                  - kind: junit
                    project: api
                    command: [python3, -m, pytest, -q, -p, no:cacheprovider, --junitxml=reports/junit.xml]
                    dir: app
                    reports: 'reports/*.xml'
                    select: pytest
                """);
        SuiteRunner suites = new FileTarget(spec, Map.of("SHOP_LOGIN_TOKEN", "from-healdesk")).suites();
        assertThat(suites.projects()).containsExactly("api");
        try (SuiteSession session = suites.open()) {
            List<TestResult> first = session.run(Set.of(), dir, n -> { }, r -> { }, Cancellation.none());
            assertThat(first).extracting(TestResult::id, TestResult::status).containsExactly(
                    tuple("test_api#test_base_url_reaches_the_suite", TestStatus.PASSED),
                    tuple("test_api#test_orders", TestStatus.FAILED));
            Files.writeString(app.resolve("fixed"), "");
            List<TestResult> again = session.rerun(List.of(first.get(1)), dir, n -> { }, r -> { },
                    Cancellation.none());
            assertThat(again).extracting(TestResult::id, TestResult::status)
                    .containsExactly(tuple("test_api#test_orders", TestStatus.PASSED));
        }
    }
}
