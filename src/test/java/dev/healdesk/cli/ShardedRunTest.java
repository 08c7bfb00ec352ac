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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CI matrix on one machine: {@code healdesk run --shard=i/3} three times, each a real Healdesk process running a real
 * Playwright shard against the sandbox, then {@code healdesk merge} over their folders, give the run an unsharded
 * {@code healdesk run} gives; and folders that do not make one run are refused by name.
 */
class ShardedRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run healdesk(SandboxServer sandbox, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().putAll(Map.of("HEALDESK_USER", sandbox.username(), "HEALDESK_PASSWORD", sandbox.password()));
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("healdesk finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    /** The first pass's tests and statuses of the run {@code results/latest.json} names. */
    private static Map<String, String> statuses(Path results) throws Exception {
        JsonNode latest = JSON.readTree(results.resolve("latest.json").toFile());
        JsonNode tests = JSON.readTree(Path.of(latest.get("runFolder").asText()).resolve("test-output.json").toFile());
        Map<String, String> byId = new TreeMap<>();
        tests.path("tests").forEach(t -> byId.put(t.path("id").asText(), t.path("status").asText()));
        return byId;
    }

    @Test
    void threeShardJobsAndAMergeGiveTheRunOfOneUnshardedRun() throws Exception {
        PlaywrightProject.install();
        try (SandboxServer sandbox = SandboxServer.start()) {
            Path target = Files.writeString(dir.resolve("shop.yaml"), """
                    name: shop
                    baseUrl: %s
                    # generous limits: on a loaded machine a slow answer must not pass for the fault's failures
                    env: {PW_EXPECT_TIMEOUT: "5000", PW_TEST_TIMEOUT: "60000"}
                    suites:
                      - kind: playwright
                        dir: %s
                        projects: [health, contracts, modules]
                        timeoutSeconds: 180
                    """.formatted(sandbox.baseUrl(), PlaywrightProject.DIR));
            sandbox.setFault(Fault.SELECTOR_CHANGED, true);

            Path whole = dir.resolve("whole");
            Run unsharded = healdesk(sandbox, "run", "--target=" + target, "--skip-llm", "--dry-run",
                    "--results-dir=" + whole);
            assertThat(unsharded.code()).as(unsharded.out() + unsharded.err()).isEqualTo(1);

            List<String> folders = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Path folder = dir.resolve("ci/shard-" + i);
                Run shard = healdesk(sandbox, "run", "--target=" + target, "--shard=" + i + "/3",
                        "--shard-dir=" + folder);
                assertThat(shard.code()).as(shard.out() + shard.err()).isZero();
                assertThat(shard.out()).contains("Shard " + i + "/3 of shop: ").contains("Left in " + folder);
                assertThat(folder.resolve("healdesk-shard.json")).isRegularFile();
                try (var zips = Files.walk(folder.resolve("blob"))) {
                    assertThat(zips.filter(z -> z.toString().endsWith(".zip")).toList()).as("shard %d's blob", i)
                            .hasSize(1);
                }
                folders.add(folder.toString());
            }
            assertThat(dir.resolve("healing-results")).as("a shard job records no run").doesNotExist();

            Path merged = dir.resolve("merged");
            List<String> args = new ArrayList<>(List.of("merge"));
            args.addAll(folders);
            args.addAll(List.of("--skip-llm", "--dry-run", "--results-dir=" + merged));
            Run merge = healdesk(sandbox, args.toArray(String[]::new));

            assertThat(merge.code()).as(merge.out() + merge.err()).isEqualTo(1);
            assertThat(merge.out()).contains("Merging 3 shard(s) of shop")
                    .contains("Running playwright merge-reports");
            Map<String, String> one = statuses(whole);
            assertThat(one).hasSize(7).containsValue("failed").containsValue("passed");
            assertThat(statuses(merged)).isEqualTo(one);
            JsonNode summary = JSON.readTree(merged.resolve("latest.json").toFile());
            JsonNode wholeSummary = JSON.readTree(whole.resolve("latest.json").toFile());
            assertThat(summary.get("target").asText()).isEqualTo("shop");
            assertThat(summary.get("testsFailed").asInt()).isEqualTo(wholeSummary.get("testsFailed").asInt());
            assertThat(summary.at("/failures/0/category").asText()).isEqualTo(wholeSummary.at("/failures/0/category")
                    .asText());
            Path runFolder = Path.of(summary.get("runFolder").asText());
            try (var files = Files.walk(runFolder.resolve("artifacts"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".png")).count())
                        .as("the failing page tests' screenshots came through the blob reports").isPositive();
            }
            // one run recorded by the merge, none by the shards
            Run history = healdesk(sandbox, "history", "--json", "--db=" + merged.resolve("healdesk.db"));
            assertThat(history.out().lines().filter(l -> l.startsWith("{")).count()).as(history.out()).isEqualTo(1);
        }
    }

    /** A shard folder as {@code run --shard} leaves it, written by hand: the merge reads only this file first. */
    private Path shard(String name, String target, String key, int index, int total) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("healdesk-shard.json"), """
                {"format": "healdesk-shard/1", "target": "%s", "targetFile": "%s.yaml", "targetKey": "%s",
                 "shard": %d, "shards": %d, "projects": ["e2e"], "startedAt": "2026-01-01T06:00:00Z",
                 "finishedAt": "2026-01-01T06:01:00Z", "suiteError": null, "results": []}
                """.formatted(target, target, key, index, total));
        return folder;
    }

    @Test
    void foldersThatAreNotAllTheShardsOfOneTargetAreRefusedNamingTheFolder() throws Exception {
        Path one = shard("s1", "shop", "k1", 1, 3);
        Path two = shard("s2", "shop", "k1", 2, 3);
        Path three = shard("s3", "shop", "k1", 3, 3);
        Path plain = Files.createDirectories(dir.resolve("not-a-shard"));
        Path other = shard("other", "crm", "k2", 3, 3);
        Path split = shard("split", "shop", "k1", 3, 4);
        Files.writeString(Files.createDirectories(dir.resolve("broken")).resolve("healdesk-shard.json"), "{\"form");

        CliRun notShard = CliRun.of("merge", one.toString(), plain.toString(), three.toString());
        assertThat(notShard.code()).isEqualTo(2);
        assertThat(notShard.err()).contains(plain + " is not a shard folder: it has no healdesk-shard.json");

        CliRun otherTarget = CliRun.of("merge", one.toString(), two.toString(), other.toString());
        assertThat(otherTarget.code()).isEqualTo(2);
        assertThat(otherTarget.err()).contains(other + " holds a shard of the target 'crm'")
                .contains("merge the shards of one target's run only");

        CliRun missing = CliRun.of("merge", one.toString(), three.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Shard 2/3 of target 'shop' is missing");

        CliRun twice = CliRun.of("merge", one.toString(), two.toString(), three.toString(), three.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains(three + " and " + three + " are both shard 3/3");

        CliRun otherSplit = CliRun.of("merge", one.toString(), two.toString(), split.toString());
        assertThat(otherSplit.code()).isEqualTo(2);
        assertThat(otherSplit.err()).contains(split + " is shard 3/4 but " + one + " is shard 1/3");

        CliRun broken = CliRun.of("merge", dir.resolve("broken").toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains(dir.resolve("broken").resolve("healdesk-shard.json") + " cannot be read");

        CliRun nothing = CliRun.of("merge", dir.resolve("nowhere").toString());
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains(dir.resolve("nowhere") + " is not a folder");
    }

    @Test
    void aShardOfTheSandboxOrAMalformedShardIsRefusedNamingTheFlag() {
        CliRun sandbox = CliRun.of("run", "--target=sandbox", "--shard=1/2");
        assertThat(sandbox.code()).isEqualTo(2);
        assertThat(sandbox.err()).contains("--shard splits the Playwright suites of a target file");
        CliRun bad = CliRun.of("run", "--target=sandbox", "--shard=3/2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--shard: a shard is i/N with N from 1 to 64 and i from 1 to N (got 3/2)");
        CliRun words = CliRun.of("run", "--shard=two");
        assertThat(words.code()).isEqualTo(2);
        assertThat(words.err()).contains("--shard: 'two' is not a shard: give i/N");
    }
}
