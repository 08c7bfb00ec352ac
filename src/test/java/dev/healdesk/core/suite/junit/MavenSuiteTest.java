package dev.healdesk.core.suite.junit;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.report.JUnitXmlReport;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.report.StoredRuns;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.HealthStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.healdesk.core.suite.junit.MavenProject.ADDS;
import static dev.healdesk.core.suite.junit.MavenProject.DYNAMIC;
import static dev.healdesk.core.suite.junit.MavenProject.FIRST_ATTEMPT;
import static dev.healdesk.core.suite.junit.MavenProject.LABELS;
import static dev.healdesk.core.suite.junit.MavenProject.LATER;
import static dev.healdesk.core.suite.junit.MavenProject.NEEDS_FIX;
import static dev.healdesk.core.suite.junit.MavenProject.NESTED;
import static dev.healdesk.core.suite.junit.MavenProject.NON_ASCII;
import static dev.healdesk.core.suite.junit.MavenProject.NPE;
import static dev.healdesk.core.suite.junit.MavenProject.PAYS;
import static dev.healdesk.core.suite.junit.MavenProject.SLOW;
import static dev.healdesk.core.suite.junit.MavenProject.SPLITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A real Maven project ({@link MavenProject}) run by real {@code mvn -o -q test}: its first pass is read once, then
 * re-run by method, and exported as JUnit XML, as it is and as Surefire writes it when it retries failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MavenSuiteTest {

    private Path dir;
    private Path project;
    private JUnitXmlSuite suite;
    private List<TestResult> first;

    @BeforeAll
    void firstPass(@TempDir Path dir) throws Exception {
        this.dir = dir;
        project = MavenProject.write(dir.resolve("shop"));
        suite = new JUnitXmlSuite("shop", List.of("mvn", "-o", "-q", "test"),
                project, Map.of(), "target/surefire-reports/TEST-*.xml", Duration.ofMinutes(3), JUnitSelector.MAVEN);
        first = new JUnitXmlRunner(List.of(suite)).run(Set.of(), r -> { }, Cancellation.none());
    }

    @Test
    void theFirstPassSaysWhatSurefireWroteErrorsApartFromFailures() {
        assertThat(first).extracting(TestResult::id, TestResult::status, TestResult::errored)
                .containsExactlyInAnyOrder(
                        tuple(LABELS + "[1]", TestStatus.PASSED, false),
                        tuple(LABELS + "[2]", TestStatus.FAILED, true),
                        tuple(LABELS + "[3]", TestStatus.PASSED, false),
                        tuple(ADDS, TestStatus.PASSED, false),
                        tuple(FIRST_ATTEMPT, TestStatus.FAILED, false),
                        tuple(SLOW, TestStatus.FAILED, true),
                        tuple(DYNAMIC + "[1]", TestStatus.FAILED, false),
                        tuple(DYNAMIC + "[2]", TestStatus.PASSED, false),
                        tuple(NON_ASCII, TestStatus.FAILED, false),
                        tuple(LATER, TestStatus.SKIPPED, false),
                        tuple(NESTED, TestStatus.FAILED, false),
                        tuple(PAYS, TestStatus.PASSED, false),
                        tuple(NEEDS_FIX, TestStatus.FAILED, true),
                        tuple(NPE, TestStatus.FAILED, true),
                        tuple(SPLITS + "[1]", TestStatus.PASSED, false),
                        tuple(SPLITS + "[2]", TestStatus.PASSED, false));
    }

    @Test
    void parameterizedDynamicNestedAndNonAsciiTestsAreReRunByTheirMethodAndOnlyThisRerunsReportsAreRead()
            throws Exception {
        List<TestResult> failed = first.stream().filter(r -> r.status().isFailure()).toList();
        TestResult neverWritten = new TestResult("shop.pay.PayTest#refundsTwice", "shop", "refundsTwice",
                "shop.pay.PayTest#refundsTwice", TestStatus.FAILED, 1, "boom", null, 0, List.of());
        List<TestResult> asked = new ArrayList<>(failed);
        asked.add(neverWritten);
        List<String> notes = new ArrayList<>();

        List<TestResult> again;
        try (SuiteSession session = new JUnitXmlRunner(List.of(suite)).open()) {
            again = session.rerun(asked, dir, notes::add, r -> { }, Cancellation.none());
        }

        // Every failed test came back: the parameterized case through its method (all three cases ran), the dynamic
        // test through its factory, the nested class by its binary name, the non-ASCII method through a wildcard.
        Map<String, TestResult> byId = again.stream().collect(Collectors.toMap(TestResult::id, Function.identity()));
        assertThat(byId.keySet()).containsExactlyInAnyOrder(LABELS + "[1]", LABELS + "[2]", LABELS + "[3]",
                FIRST_ATTEMPT, SLOW, DYNAMIC + "[1]", DYNAMIC + "[2]", NON_ASCII, NESTED, NEEDS_FIX, NPE);
        assertThat(byId.get(FIRST_ATTEMPT).status()).isEqualTo(TestStatus.PASSED);
        failed.stream().filter(f -> !f.id().equals(FIRST_ATTEMPT))
                .forEach(f -> assertThat(byId.get(f.id()).status()).as(f.id()).isEqualTo(TestStatus.FAILED));
        // Selected by method, not by class: the passing PayTest#pays and the whole util package did not run, and the
        // first pass's report of shop.util.TextTest, still on disk, was not read again.
        assertThat(byId).doesNotContainKeys(PAYS, SPLITS + "[1]", ADDS);
        assertThat(notes).contains("shop: re-running " + asked.size() + " test(s)",
                "shop: 1 of the " + asked.size() + " test(s) asked for are not in the re-run's reports, so they were"
                        + " not re-run: shop.pay.PayTest#refundsTwice");

        // A re-run that selects nothing Surefire knows writes no report: nothing is read, nothing is claimed.
        notes.clear();
        TestResult gone = new TestResult("shop.gone.GoneTest#x", "shop", "x", "x", TestStatus.FAILED, 1, "gone",
                null, 0, List.of());
        try (SuiteSession session = new JUnitXmlRunner(List.of(suite)).open()) {
            again = session.rerun(List.of(gone), dir, notes::add, r -> { }, Cancellation.none());
        }
        assertThat(again).isEmpty();
        assertThat(String.join("\n", notes)).contains("wrote no new report matching target/surefire-reports/TEST-*.xml")
                .contains("so they were not re-run: shop.gone.GoneTest#x");
    }

    @Test
    void theJUnitExportOfTheStoredRunReadsBackToTheSameTestsStatusesAndCounts() throws Exception {
        String xml = roundTrip(first, "run-20260102-100000-abcdef01");
        assertThat(counts(first)).containsEntry("errored", 4L).containsEntry("failed", 4L)
                .containsEntry("skipped", 1L).containsEntry("passed", 7L);
        // The test's own class and name, not the project's; errors and failures counted apart, as Surefire does.
        assertThat(xml).contains("<testcase classname=\"shop.cart.CartTest$Inner\" name=\"keepsTheCase\"")
                .contains("<testcase classname=\"shop.cart.CartTest\" name=\"labels(Character, boolean)[2]\"")
                .contains("tests=\"16\" failures=\"4\" errors=\"4\" skipped=\"1\"")
                .contains("<skipped/>").doesNotContain("classname=\"shop\"");

        // Surefire retrying failures once: a test that passes on its retry is flaky, one that fails again has a
        // <rerunFailure> or <rerunError>. The export writes them back the same way.
        Files.deleteIfExists(project.resolve("target/first-attempt.marker"));
        JUnitXmlSuite retrying = new JUnitXmlSuite("shop", List.of("mvn", "-o", "-q",
                "-Dsurefire.rerunFailingTestsCount=1", "-Dtest=shop.cart.CartTest#labels+firstAttemptOnly+slow,"
                        + "shop.pay.PayTest", "test"), project, Map.of(), "target/surefire-reports/TEST-*.xml",
                Duration.ofMinutes(3), JUnitSelector.MAVEN);
        List<TestResult> retried = new JUnitXmlRunner(List.of(retrying)).run(Set.of(), r -> { }, Cancellation.none());
        assertThat(retried).extracting(TestResult::id, TestResult::status, TestResult::errored, TestResult::retry)
                .containsExactlyInAnyOrder(
                        tuple(LABELS + "[1]", TestStatus.PASSED, false, 0),
                        tuple(LABELS + "[2]", TestStatus.FAILED, true, 1),
                        tuple(LABELS + "[3]", TestStatus.PASSED, false, 0),
                        tuple(FIRST_ATTEMPT, TestStatus.FLAKY, false, 1),
                        tuple(SLOW, TestStatus.FAILED, true, 1),
                        tuple(PAYS, TestStatus.PASSED, false, 0),
                        tuple(NEEDS_FIX, TestStatus.FAILED, true, 1),
                        tuple(NPE, TestStatus.FAILED, true, 1));
        xml = roundTrip(retried, "run-20260102-100100-abcdef02");
        assertThat(xml).contains("<flakyFailure message=\"the price cache was still warming up\"")
                .contains("<rerunError message=\"Cannot invoke").contains("errors=\"4\"");
    }

    /**
     * Stores {@code results} as a run folder, exports it from there as JUnit XML, reads the export back with the JUnit
     * XML reader and checks that it gives the same tests, statuses, errors and retries. Returns the export.
     */
    private String roundTrip(List<TestResult> results, String runId) throws Exception {
        Instant start = Instant.parse("2026-01-02T10:00:00Z");
        RunSummary run = new RunSummary(runId, "shop", List.of("shop"), false, start, start.plusSeconds(30),
                HealthStatus.FAILING, HealthStatus.FAILING, 50, results.size(), 0, 0, 0, results, List.of(), List.of(),
                LlmUsage.none(), Map.of(), false);
        RunFolderWriter writer = new RunFolderWriter(dir.resolve("results"));
        RunFolderWriter.RunFolder folder = writer.open(run.runId());
        writer.finish(folder, run);
        folder.close();

        String xml = new JUnitXmlReport().render(StoredRuns.fromRunFolder(folder.dir()));
        Path exported = Files.writeString(dir.resolve(runId + ".xml"), xml, StandardCharsets.UTF_8);
        List<TestResult> back = new JUnitXmlParser().parse(exported, "shop");

        assertThat(back).extracting(TestResult::id, TestResult::status, TestResult::errored, TestResult::retry)
                .containsExactlyInAnyOrderElementsOf(results.stream()
                        .map(r -> tuple(r.id(), r.status(), r.errored(), r.retry())).toList());
        assertThat(counts(back)).isEqualTo(counts(results));
        return xml;
    }

    /** How many tests end each way, errors apart from failures. */
    private static Map<String, Long> counts(List<TestResult> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.errored() ? "errored"
                : r.status().id().replace("timed-out", "failed"), TreeMap::new, Collectors.counting()));
    }
}
