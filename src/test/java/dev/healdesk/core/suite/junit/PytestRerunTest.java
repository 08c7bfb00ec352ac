package dev.healdesk.core.suite.junit;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A real pytest run writing a real {@code --junitxml} report, then a targeted re-run of its failures through the
 * pytest selector: only the failed tests run the second time.
 */
class PytestRerunTest {

    @TempDir
    Path dir;

    @Test
    void aRealPytestReportIsReadAndTheRerunRunsOnlyTheFailures() throws Exception {
        Files.writeString(dir.resolve("test_shop.py"), """
                import os, pytest

                def test_adds():
                    assert 1 + 1 == 2

                def test_checkout():
                    # fails until the fix (a file the test looks for) is in place
                    assert os.path.exists("fixed"), "payment service answered 503 Service Unavailable"

                @pytest.mark.parametrize("qty", [1, 2])
                def test_quantity(qty):
                    assert qty > 0

                class TestRefunds:
                    def test_refund(self):
                        assert os.path.exists("fixed"), "refund total mismatch: expected 10 but was 12"
                """);
        JUnitXmlSuite suite = new JUnitXmlSuite("py", List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=reports/junit.xml"), dir, Map.of(), "reports/*.xml", Duration.ofSeconds(60),
                JUnitSelector.PYTEST);
        JUnitXmlRunner runner = new JUnitXmlRunner(List.of(suite));

        try (SuiteSession session = runner.open()) {
            List<TestResult> first = session.run(Set.of(), dir, n -> { }, r -> { }, Cancellation.none());
            assertThat(first).extracting(TestResult::id, TestResult::status).containsExactlyInAnyOrder(
                    tuple("test_shop#test_adds", TestStatus.PASSED),
                    tuple("test_shop#test_checkout", TestStatus.FAILED),
                    tuple("test_shop#test_quantity[1]", TestStatus.PASSED),
                    tuple("test_shop#test_quantity[2]", TestStatus.PASSED),
                    tuple("test_shop.TestRefunds#test_refund", TestStatus.FAILED));
            assertThat(first.stream().filter(r -> r.id().endsWith("test_checkout")).findFirst().orElseThrow()
                    .errorMessage()).contains("payment service answered 503 Service Unavailable");

            Files.writeString(dir.resolve("fixed"), "");
            List<TestResult> failed = first.stream().filter(r -> r.status().isFailure()).toList();
            List<String> notes = new ArrayList<>();
            List<TestResult> again = session.rerun(failed, dir, notes::add, r -> { }, Cancellation.none());

            assertThat(again).extracting(TestResult::id, TestResult::status).containsExactlyInAnyOrder(
                    tuple("test_shop#test_checkout", TestStatus.PASSED),
                    tuple("test_shop.TestRefunds#test_refund", TestStatus.PASSED));
            assertThat(notes).containsExactly("py: re-running 2 test(s)");
        }
    }

    @Test
    void selectorsGiveEachToolItsOwnArgumentVector() {
        List<TestResult> tests = List.of(
                failed("py", "shop.CartTest#adds"), failed("py", "shop.CartTest#removes"),
                failed("py", "shop.PayTest#pays[card]"), failed("py", "TestParse/empty_input"));
        assertThat(JUnitSelector.MAVEN.arguments(tests.subList(0, 3))).containsExactly(
                "-Dtest=shop.CartTest#adds+removes,shop.PayTest#pays[card]", "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(JUnitSelector.GRADLE.arguments(tests.subList(0, 2))).containsExactly(
                "--tests", "shop.CartTest.adds", "--tests", "shop.CartTest.removes");
        assertThat(JUnitSelector.PYTEST.arguments(tests.subList(0, 3))).containsExactly("-k", "adds or removes or pays");
        assertThat(JUnitSelector.GO.arguments(List.of(failed("go", "pkg#TestParse/empty_input"),
                failed("go", "pkg#TestRun")))).containsExactly("-run", "^(TestParse|TestRun)$");
        assertThat(JUnitSelector.NONE.arguments(tests)).isEmpty();
        // a name pytest's -k could misread (an expression) is not selected: the whole suite runs instead
        assertThat(JUnitSelector.PYTEST.arguments(List.of(failed("py", "m#a or not b")))).isEmpty();
        // a test without a class cannot be named to Surefire
        assertThat(JUnitSelector.MAVEN.arguments(List.of(failed("py", "lonely")))).isEmpty();
    }

    private static TestResult failed(String project, String id) {
        return new TestResult(id, project, id, id, TestStatus.FAILED, 1, "boom", null, 0, List.of());
    }
}
