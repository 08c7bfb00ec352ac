package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GitHub Actions workflow that {@code healdesk schedule workflow} prints and the scheduling page
 * (src/site/markdown/scheduling.md) shows.
 */
class HealingWorkflowTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void theSchedulingPageShowsExactlyTheWorkflowHealdeskPrints() throws Exception {
        String page = Files.readString(Path.of("src/site/markdown/scheduling.md"));
        Matcher m = Pattern.compile("(?s)```yaml\n(# \\.github/workflows/healing\\.yml.*?)```").matcher(page);
        assertThat(m.find()).as("the scheduling page has the workflow").isTrue();
        assertThat(m.group(1)).isEqualTo(ScheduleCommand.workflow());

        CliRun printed = CliRun.of("schedule", "workflow");
        assertThat(printed.code()).isZero();
        assertThat(printed.out()).isEqualTo(ScheduleCommand.workflow());
        Path out = dir.resolve(".github/workflows/healing.yml");
        CliRun written = CliRun.of("schedule", "workflow", "--out=" + out);
        assertThat(written.code()).isZero();
        assertThat(Files.readString(out)).isEqualTo(ScheduleCommand.workflow());
    }

    @Test
    void itRunsTwiceADayAndOnDemandWithTheSeedsInputs() throws Exception {
        JsonNode wf = YAML.readTree(ScheduleCommand.workflow());

        assertThat(wf.path("on").path("schedule").get(0).path("cron").asText()).isEqualTo("0 6,18 * * *");
        JsonNode inputs = wf.path("on").path("workflow_dispatch").path("inputs");
        assertThat(fieldNames(inputs)).containsExactly("dry_run", "skip_llm", "projects", "max_fixes");
        assertThat(inputs.path("dry_run").path("type").asText()).isEqualTo("boolean");
        assertThat(inputs.path("dry_run").path("default").asBoolean(true)).isFalse();
        assertThat(inputs.path("skip_llm").path("default").asBoolean(true)).isFalse();
        assertThat(inputs.path("projects").path("default").asText()).isEqualTo("health,contracts,modules");
        assertThat(inputs.path("max_fixes").path("default").asText()).isEqualTo("3");

        List<String> uses = new ArrayList<>();
        JsonNode steps = wf.path("jobs").path("heal").path("steps");
        steps.forEach(s -> {
            if (s.has("uses")) {
                uses.add(s.path("uses").asText());
            }
        });
        assertThat(uses).containsExactly("actions/checkout@v4", "actions/setup-java@v4", "actions/upload-artifact@v4");

        JsonNode run = step(steps, "Run Healdesk");
        JsonNode env = run.path("env");
        assertThat(env.path("HEAL_DRY_RUN").asText()).isEqualTo("${{ inputs.dry_run || 'false' }}");
        assertThat(env.path("HEAL_SKIP_LLM").asText()).isEqualTo("${{ inputs.skip_llm || 'false' }}");
        assertThat(env.path("HEAL_PROJECTS").asText()).isEqualTo("${{ inputs.projects || 'health,contracts,modules' }}");
        assertThat(env.path("HEAL_MAX_FIXES").asText()).isEqualTo("${{ inputs.max_fixes || '3' }}");
        for (String name : fieldNames(env)) {
            if (!name.startsWith("HEAL_")) {
                assertThat(env.path(name).asText()).as(name).isEqualTo("${{ secrets." + name + " }}");
            }
        }
        assertThat(fieldNames(env)).contains("TEST_PASSWORD", "ANTHROPIC_API_KEY", "SLACK_WEBHOOK_URL");
        // No secret anywhere else: not in the command, not in another step.
        String text = ScheduleCommand.workflow();
        assertThat(text.split("secrets\\.", -1).length - 1).isEqualTo(fieldNames(env).size() - 4);

        JsonNode upload = step(steps, "Upload the run folder");
        assertThat(upload.path("if").asText()).isEqualTo("always()");
        assertThat(upload.path("with").path("path").asText()).isEqualTo("healing-results/run-*/");
    }

    /** The run step's arguments are ones {@code healdesk run} takes, as its own parser and checks say. */
    @Test
    void theRunStepsArgumentsAreAcceptedByHealdeskRun() throws Exception {
        JsonNode steps = YAML.readTree(ScheduleCommand.workflow()).path("jobs").path("heal").path("steps");
        String command = step(steps, "Run Healdesk").path("run").asText().strip();
        String prefix = "java -jar target/healdesk.jar run ";
        assertThat(command).startsWith(prefix).doesNotContain("\n").doesNotContain("'").doesNotContain("\"")
                .doesNotContain("$");
        List<String> args = Arrays.asList(command.substring(prefix.length()).split(" +"));
        assertThat(args).containsExactly("--target=sandbox", "--results-dir=healing-results");

        RunCommand.check(args, Map.of());
        // and the check is real: what run refuses, it refuses too
        assertThatThrownBy(() -> RunCommand.check(List.of("--target=sandbox", "--max-fixes=three"), Map.of()))
                .hasMessageContaining("--max-fixes");
        assertThatThrownBy(() -> RunCommand.check(List.of("--no-such-flag"), Map.of()))
                .hasMessageContaining("--no-such-flag");
    }

    @Test
    void withShardsItRunsAMatrixOfShardJobsThatUploadTheirFoldersAndOneMergeJobThatMergesThemAll() throws Exception {
        // a target file inside the repository, whose Playwright suite is the project's own
        Path folder = Files.createDirectories(Path.of("target/workflow-test"));
        Files.writeString(folder.resolve("shop.yaml"), "name: shop\nbaseUrl: http://127.0.0.1:3000\nsuites:\n"
                + "  - {kind: playwright, dir: ../../src/test/playwright, projects: [health, modules]}\n");
        String target = "target/workflow-test/shop.yaml";

        CliRun printed = CliRun.of("schedule", "workflow", "--shards=3", "--target=" + target);
        assertThat(printed.code()).as(printed.err()).isZero();
        JsonNode wf = YAML.readTree(printed.out());

        assertThat(fieldNames(wf.path("jobs"))).containsExactly("shard", "merge");
        JsonNode shard = wf.path("jobs").path("shard");
        assertThat(shard.path("strategy").path("fail-fast").asBoolean(true)).isFalse();
        assertThat(shard.path("strategy").path("matrix").path("shard").toString()).isEqualTo("[1,2,3]");
        assertThat(names(shard.path("steps"))).containsExactly("actions/checkout@v4", "actions/setup-java@v4",
                "actions/setup-node@v4", "Build Healdesk", "Install the Playwright project src/test/playwright",
                "Run one shard", "Upload the shard");
        JsonNode install = step(shard.path("steps"), "Install the Playwright project src/test/playwright");
        assertThat(install.path("working-directory").asText()).isEqualTo("src/test/playwright");
        assertThat(install.path("run").asText()).isEqualTo("npm ci && npx playwright install --with-deps chromium");
        String run = step(shard.path("steps"), "Run one shard").path("run").asText();
        assertThat(run).isEqualTo("java -jar target/healdesk.jar run --target=" + target
                + " --shard=${{ matrix.shard }}/3 --shard-dir=healdesk-shard");
        JsonNode upload = step(shard.path("steps"), "Upload the shard").path("with");
        assertThat(upload.path("name").asText()).isEqualTo("healdesk-shard-${{ matrix.shard }}");
        assertThat(upload.path("path").asText()).isEqualTo("healdesk-shard/");
        assertThat(upload.path("if-no-files-found").asText()).isEqualTo("error");
        // each shard's arguments are ones healdesk run takes
        RunCommand.check(List.of(run.substring("java -jar target/healdesk.jar run ".length())
                .replace("${{ matrix.shard }}", "2").split(" ")), Map.of());

        JsonNode merge = wf.path("jobs").path("merge");
        assertThat(merge.path("needs").asText()).isEqualTo("shard");
        assertThat(merge.path("if").asText()).isEqualTo("${{ !cancelled() }}");
        assertThat(names(merge.path("steps"))).containsExactly("actions/checkout@v4", "actions/setup-java@v4",
                "actions/setup-node@v4", "Build Healdesk", "Install the Playwright project src/test/playwright",
                "Download the shards", "Merge, triage and heal", "Upload the run folder");
        JsonNode download = step(merge.path("steps"), "Download the shards").path("with");
        assertThat(download.path("pattern").asText()).isEqualTo("healdesk-shard-*");
        assertThat(download.path("path").asText()).isEqualTo("shards");
        JsonNode heal = step(merge.path("steps"), "Merge, triage and heal");
        assertThat(heal.path("run").asText()).isEqualTo("java -jar target/healdesk.jar merge shards/healdesk-shard-1"
                + " shards/healdesk-shard-2 shards/healdesk-shard-3 --target=" + target
                + " --results-dir=healing-results");
        new picocli.CommandLine(new MergeCommand()).parseArgs(heal.path("run").asText()
                .substring("java -jar target/healdesk.jar merge ".length()).split(" "));
        for (String name : fieldNames(heal.path("env"))) {
            if (!name.startsWith("HEAL_")) {
                assertThat(heal.path("env").path(name).asText()).as(name).isEqualTo("${{ secrets." + name + " }}");
            }
        }
        assertThat(step(merge.path("steps"), "Upload the run folder").path("with").path("path").asText())
                .isEqualTo("healing-results/run-*/");
        assertThat(wf.path("on").path("schedule").get(0).path("cron").asText()).isEqualTo("0 6,18 * * *");
    }

    @Test
    void aShardedWorkflowWithoutATargetOrWithOneShardIsRefusedNamingTheFlag() {
        CliRun one = CliRun.of("schedule", "workflow", "--shards=1", "--target=x.yaml");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("--shards is 1: give a number of shard jobs from 2 to 64");
        CliRun noTarget = CliRun.of("schedule", "workflow", "--shards=3");
        assertThat(noTarget.code()).isEqualTo(2);
        assertThat(noTarget.err()).contains("--shards needs --target=FILE");
        CliRun missing = CliRun.of("schedule", "workflow", "--shards=3", "--target=nowhere/shop.yaml");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--target: nowhere/shop.yaml is not a file here");
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.has("name") ? s.path("name").asText() : s.path("uses").asText()));
        return names;
    }

    private static JsonNode step(JsonNode steps, String name) {
        for (JsonNode s : steps) {
            if (name.equals(s.path("name").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step named " + name);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
