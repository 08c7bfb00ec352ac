package dev.healdesk.core.suite.playwright;

import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The parser on a report that Playwright 1.56's json reporter really wrote (src/test/playwright, projects health to
 * security and quirks, with one retry; paths rewritten to /srv/shop/e2e), whole and cut short.
 */
class PlaywrightJsonReportTest {

    private static final Path PROJECT = Path.of("/srv/shop/e2e");
    private static final String QUIRKS = "tests/quirks/quirks.spec.js";
    private static final String HOSTILE = "$(touch /tmp/healdesk-pwned) `touch /tmp/healdesk-pwned`"
            + " <img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    @Test
    void readsEveryTestWithItsOutcomeRetriesErrorsAndAttachments() throws Exception {
        PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(fixture(), PROJECT);

        assertThat(report.complete()).isTrue();
        assertThat(report.problem()).isNull();
        assertThat(report.errors()).isEmpty();
        assertThat(report.results()).hasSize(14);
        assertThat(report.results()).filteredOn(r -> !r.project().equals("quirks"))
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(TestStatus.PASSED);
                    assertThat(r.errorMessage()).isNull();
                    assertThat(r.retry()).isZero();
                });
        Map<String, TestResult> quirks = report.results().stream().filter(r -> r.project().equals("quirks"))
                .collect(Collectors.toMap(TestResult::title, Function.identity()));
        assertThat(quirks.values()).extracting(TestResult::title, TestResult::status, TestResult::retry,
                        TestResult::location)
                .containsExactlyInAnyOrder(
                        tuple("passes on the retry", TestStatus.FLAKY, 1, QUIRKS + ":4"),
                        tuple("is skipped", TestStatus.SKIPPED, 0, QUIRKS + ":8"),
                        tuple("outer › inner › " + HOSTILE, TestStatus.FAILED, 1, QUIRKS + ":12"),
                        tuple("times out", TestStatus.TIMED_OUT, 1, QUIRKS + ":18"));

        TestResult flaky = quirks.get("passes on the retry");
        assertThat(flaky.id()).isEqualTo("quirks/" + QUIRKS + ":passes on the retry");
        // the failure of the first attempt, without the colours Playwright put in it
        assertThat(flaky.errorMessage()).isEqualTo("Error: first attempt fails on purpose\n\n"
                + "expect(received).toBeGreaterThan(expected)\n\nExpected: > 0\nReceived:   0");
        assertThat(flaky.errorStack()).contains("at /srv/shop/e2e/tests/quirks/quirks.spec.js:5:60")
                .doesNotContain("\u001B");

        TestResult hostile = quirks.get("outer › inner › " + HOSTILE);
        assertThat(hostile.id()).isEqualTo("quirks/" + QUIRKS + ":outer › inner › " + HOSTILE);
        assertThat(hostile.errorMessage()).isEqualTo("Error: $(touch /tmp/healdesk-pwned); `rm -rf ~` red"
                + " <script>alert(1)</script>");

        TestResult timedOut = quirks.get("times out");
        assertThat(timedOut.errorMessage()).isEqualTo("Test timeout of 1000ms exceeded.");
        assertThat(timedOut.durationMs()).isEqualTo(1087 + 1106);
        assertThat(timedOut.attachments()).containsExactly(
                "/srv/shop/e2e/test-results/quirks-times-out-quirks/test-failed-1.png",
                "/srv/shop/e2e/test-results/quirks-times-out-quirks/error-context.md",
                "/srv/shop/e2e/test-results/quirks-times-out-quirks-retry1/test-failed-1.png",
                "/srv/shop/e2e/test-results/quirks-times-out-quirks-retry1/error-context.md");

        TestResult nested = report.results().stream()
                .filter(r -> r.title().equals("customers page › list › lists at least one customer")).findFirst()
                .orElseThrow();
        assertThat(nested.location()).isEqualTo("tests/modules/modules.spec.js:11");
        assertThat(nested.project()).isEqualTo("modules");
    }

    @Test
    void filesOutsideTheProjectFolderOrWithoutOneStayAbsolute() throws Exception {
        PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(fixture(), null);
        assertThat(report.results().get(0).location()).isEqualTo("/srv/shop/e2e/tests/health/health.spec.js:4");
        assertThat(PlaywrightJsonReport.parse(fixture(), Path.of("/elsewhere")).results().get(0).location())
                .isEqualTo("/srv/shop/e2e/tests/health/health.spec.js:4");
    }

    @Test
    void aReportCutShortGivesTheTestsBeforeTheCutAndSaysWhereItEnds() throws Exception {
        String whole = Files.readString(fixture());
        int cut = whole.indexOf("\"title\": \"times out\"");
        Path truncated = dir.resolve("cut.json");
        Files.writeString(truncated, whole.substring(0, cut + 10));

        PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(truncated, PROJECT);

        assertThat(report.complete()).isFalse();
        // the specs of a file come before its describe blocks: the cut loses "times out" and the nested test
        assertThat(report.results()).hasSize(12);
        assertThat(report.results()).extracting(TestResult::title).contains("is skipped")
                .doesNotContain("times out", "outer › inner › " + HOSTILE);
        assertThat(report.problem()).contains(truncated.toString()).contains("ends early at line")
                .contains("after 12 spec(s)");
    }

    @Test
    void somethingElseIsAClearError() throws Exception {
        Path text = dir.resolve("not.json");
        Files.writeString(text, "Error: Project(s) \"x\" not found");
        assertThatThrownBy(() -> PlaywrightJsonReport.parse(text, PROJECT))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(text + " is not a Playwright JSON report");
        Files.writeString(text, "[1, 2]");
        assertThatThrownBy(() -> PlaywrightJsonReport.parse(text, PROJECT))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("does not hold a JSON object");
    }

    @Test
    void aGeneratedFiveThousandTestReportParsesWhole() throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, PlaywrightBenchmark.report(5_000, PROJECT), StandardCharsets.UTF_8);
        PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(big, PROJECT);
        assertThat(report.results()).hasSize(5_000);
        assertThat(report.results()).filteredOn(r -> r.status() == TestStatus.FAILED).isNotEmpty()
                .allSatisfy(r -> assertThat(r.errorMessage()).doesNotContain("\u001B").contains("ECONNREFUSED"));
        assertThat(report.results()).extracting(TestResult::id).doesNotHaveDuplicates();
    }

    private static Path fixture() throws Exception {
        try (InputStream in = PlaywrightJsonReportTest.class.getResourceAsStream("report-real.json")) {
            assertThat(in).as("report-real.json on the test class path").isNotNull();
        }
        return Path.of(PlaywrightJsonReportTest.class.getResource("report-real.json").toURI());
    }
}
