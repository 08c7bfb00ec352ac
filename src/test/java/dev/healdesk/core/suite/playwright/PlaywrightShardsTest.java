package dev.healdesk.core.suite.playwright;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.testing.PlaywrightProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code shards: N} on the real Playwright Test project in src/test/playwright, against a real sandbox with a real
 * fault: the N shards run side by side, each its own Playwright, and their results are the unsharded run's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaywrightShardsTest {

    private static final List<String> SEEDS = List.of("health", "contracts", "modules", "security");
    private static final Path BROWSER = Path.of(System.getenv().getOrDefault("HEALDESK_BROWSER", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    private SandboxServer sandbox;

    @BeforeAll
    void start() throws Exception {
        PlaywrightProject.install();
        sandbox = SandboxServer.start();
    }

    @AfterAll
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Generous limits: on a loaded machine a slow answer must not pass for the fault's failures. */
    private PlaywrightTestRunner runner(int shards) {
        return new PlaywrightTestRunner(PlaywrightTestSuite.of(PlaywrightProject.DIR, SEEDS,
                sandbox.baseUrl().toString(), null, Map.of("HEALDESK_USER", sandbox.username(), "HEALDESK_PASSWORD",
                        sandbox.password(), "PW_EXPECT_TIMEOUT", "5000", "PW_TEST_TIMEOUT", "60000"), Duration.ofMinutes(4),
                BROWSER)
                .withShards(shards));
    }

    private static Map<String, TestStatus> statuses(List<TestResult> results) {
        Map<String, TestStatus> byId = new TreeMap<>();
        results.forEach(r -> byId.put(r.id(), r.status()));
        return byId;
    }

    @Test
    void threeShardsSideBySideGiveTheSameTestsAndStatusesAsOneWholeRun() throws Exception {
        sandbox.setFault(Fault.SELECTOR_CHANGED, true);
        try {
            Path whole = dir.resolve("whole");
            List<TestResult> one = runner(1).run(Set.of(), whole, n -> { }, r -> { }, Cancellation.none());
            Path split = dir.resolve("split");
            List<String> notes = new ArrayList<>();
            List<TestResult> heard = new CopyOnWriteArrayList<>();
            List<TestResult> three = runner(3).run(Set.of(), split, notes::add, heard::add, Cancellation.none());

            assertThat(one).hasSize(10);
            assertThat(statuses(three)).isEqualTo(statuses(one));
            assertThat(statuses(one)).containsValue(TestStatus.FAILED).containsValue(TestStatus.PASSED);
            assertThat(three).extracting(TestResult::id).doesNotHaveDuplicates();
            assertThat(heard).containsExactlyInAnyOrderElementsOf(three);
            assertThat(notes.get(0)).contains("in 3 shards side by side (--shard=1/3 to 3/3)");
            // the failures' own text and locations come through the merge as they are
            for (TestResult r : three) {
                TestResult same = one.stream().filter(o -> o.id().equals(r.id())).findFirst().orElseThrow();
                assertThat(r.location()).isEqualTo(same.location());
                if (r.status().isFailure()) {
                    assertThat(r.errorMessage()).contains("locator('#login-button')");
                    assertThat(r.attachments()).allSatisfy(a ->
                            assertThat(Path.of(a)).startsWith(split.resolve("playwright")).isRegularFile());
                }
            }
            // Each shard is its own Playwright with its own report, and they ran at the same time.
            List<Instant[]> spans = new ArrayList<>();
            int tests = 0;
            for (int i = 1; i <= 3; i++) {
                Path report = split.resolve("shard-" + i + "-of-3").resolve(PlaywrightTestRunner.REPORT_FILE);
                JsonNode stats = new ObjectMapper().readTree(report.toFile()).path("stats");
                Instant begin = Instant.parse(stats.path("startTime").asText());
                spans.add(new Instant[] {begin, begin.plusMillis(stats.path("duration").asLong())});
                tests += PlaywrightJsonReport.parse(report, PlaywrightProject.DIR.toRealPath()).results().size();
            }
            assertThat(tests).as("each test ran in exactly one shard").isEqualTo(10);
            Instant lastStart = spans.stream().map(s -> s[0]).max(Instant::compareTo).orElseThrow();
            Instant firstEnd = spans.stream().map(s -> s[1]).min(Instant::compareTo).orElseThrow();
            assertThat(lastStart).as("every shard started before the first one ended").isBefore(firstEnd);
        } finally {
            sandbox.setFault(Fault.SELECTOR_CHANGED, false);
        }
    }

    @Test
    void cancellingStopsEveryShardAndKeepsWhatArrived() throws Exception {
        Cancellation cancel = Cancellation.none();
        List<ProcessHandle> seen = new CopyOnWriteArrayList<>();
        List<String> shardCommands = new CopyOnWriteArrayList<>();
        long[] cancelledAt = new long[1];

        List<TestResult> results = runner(3).run(Set.of(), dir.resolve("cancelled"), n -> { }, r -> {
            if (!cancel.isCancelled()) {
                ProcessHandle.current().descendants().forEach(p -> {
                    seen.add(p);
                    p.info().commandLine().filter(c -> c.contains("--shard=")).ifPresent(shardCommands::add);
                });
                cancelledAt[0] = System.nanoTime();
                cancel.cancel();
            }
        }, cancel);

        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt[0])).isLessThan(Duration.ofSeconds(10));
        assertThat(results).hasSizeBetween(1, 9);
        assertThat(shardCommands.stream().map(c -> c.replaceAll(".*(--shard=\\d/3).*", "$1")).distinct())
                .as("the shards' Playwright processes were running when the cancel came: %s", shardCommands)
                .hasSizeGreaterThanOrEqualTo(2);
        long reaped = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < reaped && seen.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(50);
        }
        assertThat(seen).filteredOn(ProcessHandle::isAlive).as("processes left over: %s", seen.stream()
                .filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList())
                .isEmpty();
        assertThat(Files.exists(dir.resolve("cancelled"))).isTrue();
    }
}
