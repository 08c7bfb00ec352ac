package dev.healdesk.core.suite.junit;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Real commands (bash scripts the tests write) that leave real reports, hang, or write nothing. */
class JUnitXmlRunnerTest {
    private static final String GLOB = "target/surefire-reports/TEST-*.xml";

    @TempDir
    Path dir;

    @Test
    void failingTestsAreResultsNotErrorsAndWhatTheyPrintStaysData() throws Exception {
        Path pwned = dir.resolve("pwned");
        String hostile = "$(touch " + pwned + ") and `touch " + pwned + "`";
        Path script = script("""
                printf '%s\\n' "$@" > args.txt
                printf '%s\\n' "$HEALDESK_TEST_VAR" > env.txt
                mkdir -p target/surefire-reports
                cat > target/surefire-reports/TEST-shop.xml <<'XML'
                <testsuite name="shop">
                  <testcase classname="shop.CartTest" name="adds" time="0.5"/>
                  <testcase classname="shop.CartTest" name="removes" time="0.25">
                    <failure message="HOSTILE">HOSTILE
                      at shop.CartTest.removes(CartTest.java:9)</failure>
                  </testcase>
                </testsuite>
                XML
                exit 1
                """.replace("HOSTILE", hostile));
        List<String> args = List.of("two words", "$(touch " + pwned + ")", "--flag=a;b", "*");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(args);
        JUnitXmlRunner runner = new JUnitXmlRunner(List.of(new JUnitXmlSuite("unit", command, dir,
                Map.of("HEALDESK_TEST_VAR", "from healdesk"), GLOB, Duration.ofSeconds(30))));
        List<TestResult> heard = new ArrayList<>();

        List<TestResult> results = runner.run(Set.of(), heard::add, Cancellation.none());

        assertThat(results).extracting(TestResult::id, TestResult::project, TestResult::status, TestResult::durationMs)
                .containsExactly(
                        tuple("shop.CartTest#adds", "unit", TestStatus.PASSED, 500L),
                        tuple("shop.CartTest#removes", "unit", TestStatus.FAILED, 250L));
        assertThat(heard).isEqualTo(results);
        assertThat(results.get(1).errorMessage()).isEqualTo(hostile);
        assertThat(results.get(1).errorStack()).startsWith(hostile).contains("CartTest.java:9");
        assertThat(Files.readAllLines(dir.resolve("args.txt"))).isEqualTo(args);
        assertThat(Files.readAllLines(dir.resolve("env.txt"))).containsExactly("from healdesk");
        assertThat(pwned).doesNotExist();
    }

    @Test
    void reportsFromEarlierBuildsAreNeitherReadNorDeleted() throws Exception {
        Path stale = dir.resolve("target/surefire-reports/TEST-old.xml");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "<testsuite><testcase classname=\"old\" name=\"gone\"><failure message=\"old\"/>"
                + "</testcase></testsuite>");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path script = script("""
                cat > target/surefire-reports/TEST-new.xml <<'XML'
                <testsuites><testsuite name="new"><testcase classname="new" name="fresh"/></testsuite></testsuites>
                XML
                """);

        List<TestResult> results = runner("unit", script, Duration.ofSeconds(30))
                .run(Set.of(), r -> { }, Cancellation.none());

        assertThat(results).extracting(TestResult::id).containsExactly("new#fresh");
        assertThat(stale).exists();
    }

    @Test
    void aCommandThatWritesNoReportSaysWhichProjectCommandAndGlob() throws Exception {
        Path stale = dir.resolve("target/surefire-reports/TEST-old.xml");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "<testsuite><testcase name=\"old\"/></testsuite>");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path script = script("echo 'No tests found, Maven says' >&2\nexit 1\n");

        assertThatThrownBy(() -> runner("api", script, Duration.ofSeconds(30)).run(Set.of(), r -> { },
                Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("the api suite (bash " + script)
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("wrote no new report matching " + GLOB)
                .hasMessageContaining("No tests found, Maven says");
    }

    @Test
    void aHangingCommandIsKilledWithEverythingItStartedAndReported() throws Exception {
        Path script = script("sleep 60 &\necho $! > sleeper.pid\nwait\n");
        long started = System.nanoTime();

        assertThatThrownBy(() -> runner("slow", script, Duration.ofSeconds(2)).run(Set.of(), r -> { },
                Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("the slow suite (bash " + script)
                .hasMessageContaining("did not finish within 2 s");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        long sleeper = Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).strip());
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void cancellingKillsTheCommandAndReturnsWhatFinished() throws Exception {
        Path script = script("touch started\nsleep 60\n");
        Cancellation cancel = Cancellation.none();
        JUnitXmlRunner runner = runner("slow", script, Duration.ofSeconds(60));

        CompletableFuture<List<TestResult>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(Set.of(), r -> { }, cancel);
            } catch (SuiteException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(dir.resolve("started")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        cancel.cancel();

        assertThat(run.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aMissingProgramIsAClearError() {
        JUnitXmlRunner runner = new JUnitXmlRunner(List.of(new JUnitXmlSuite("unit",
                List.of("healdesk-no-such-program-xyz", "test"), dir, Map.of(), GLOB, Duration.ofSeconds(5))));

        assertThatThrownBy(() -> runner.run(Set.of(), r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("Could not start the unit suite (healdesk-no-such-program-xyz test")
                .hasMessageContaining("is installed and on the PATH");
    }

    @Test
    void unknownProjectsAreNamedWithTheKnownOnes() throws Exception {
        Path script = script("exit 0\n");
        List<String> command = List.of("bash", script.toString());
        JUnitXmlRunner runner = new JUnitXmlRunner(List.of(
                new JUnitXmlSuite("unit", command, dir, Map.of(), GLOB, Duration.ofSeconds(5)),
                new JUnitXmlSuite("e2e", command, dir, Map.of(), GLOB, Duration.ofSeconds(5))));

        assertThat(runner.projects()).containsExactly("unit", "e2e");
        assertThatThrownBy(() -> runner.run(Set.of("unit", "smoke"), r -> { }, Cancellation.none()))
                .isInstanceOf(SuiteException.class)
                .hasMessage("Unknown project smoke; this target has: unit, e2e");
    }

    @Test
    void aGlobThatLeavesTheWorkingDirectoryIsRefused() {
        assertThatThrownBy(() -> new JUnitXmlSuite("unit", List.of("true"), dir, Map.of(), "../elsewhere/*.xml",
                Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stay inside it");
    }

    private JUnitXmlRunner runner(String project, Path script, Duration timeout) {
        return new JUnitXmlRunner(List.of(new JUnitXmlSuite(project, List.of("bash", script.toString()), dir,
                Map.of(), GLOB, timeout)));
    }

    private Path script(String body) throws Exception {
        Path script = Files.createTempFile(dir, "suite", ".sh");
        Files.writeString(script, "#!/bin/bash\nset -u\n" + body);
        return script;
    }
}
