package dev.healdesk.core.suite.junit;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
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
    void parametrizedIdsWithBracketsCommasSpacesAndNonAsciiAreReRunByTheirNodeIdsAndNothingElse() throws Exception {
        Files.createDirectories(dir.resolve("tests/shop"));
        Files.writeString(dir.resolve("tests/shop/test_prices.py"), """
                import os, pytest

                FIXED = os.path.exists("fixed")

                @pytest.mark.parametrize("qty,label", [(1, "x,y"), (2, "a b"), (3, "caf\u00e9"), (4, "[br]"),
                                                       (5, "c::d"), (6, "ok")])
                def test_price(qty, label):
                    assert FIXED or qty == 6, "price of " + label + " is wrong"

                class TestTax:
                    @pytest.mark.parametrize("rate", ["7%", "19%"])
                    def test_rate(self, rate):
                        assert FIXED or rate == "7%", "tax " + rate + " not applied"
                """, StandardCharsets.UTF_8);
        JUnitXmlSuite suite = new JUnitXmlSuite("py", List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=reports/junit.xml"), dir, Map.of(), "reports/*.xml", Duration.ofSeconds(60),
                JUnitSelector.PYTEST);
        // A command that names its test paths runs them all beside any node id: its tests are selected by name.
        JUnitXmlSuite withPaths = new JUnitXmlSuite("py", List.of("python3", "-m", "pytest", "tests"), dir, Map.of(),
                "reports/*.xml", Duration.ofSeconds(60), JUnitSelector.PYTEST);

        try (SuiteSession session = new JUnitXmlRunner(List.of(suite)).open()) {
            List<TestResult> first = session.run(Set.of(), dir, n -> { }, r -> { }, Cancellation.none());
            List<TestResult> failed = first.stream().filter(r -> r.status().isFailure()).toList();
            assertThat(failed).extracting(TestResult::id).containsExactlyInAnyOrder(
                    "tests.shop.test_prices#test_price[1-x,y]", "tests.shop.test_prices#test_price[2-a b]",
                    "tests.shop.test_prices#test_price[3-caf\\xe9]", "tests.shop.test_prices#test_price[4-[br]]",
                    "tests.shop.test_prices#test_price[5-c::d]", "tests.shop.test_prices.TestTax#test_rate[19%]");
            List<TestResult> exact = failed.stream().filter(r -> !r.id().contains("c::d")).toList();
            assertThat(JUnitSelector.PYTEST.arguments(exact, dir)).containsExactly(
                    "tests/shop/test_prices.py::test_price[1-x,y]", "tests/shop/test_prices.py::test_price[2-a b]",
                    "tests/shop/test_prices.py::test_price[3-caf\\xe9]",
                    "tests/shop/test_prices.py::test_price[4-[br]]",
                    "tests/shop/test_prices.py::TestTax::test_rate[19%]");
            // An id holding '::' is widened to its function (older pytest splits node ids there), which runs all its
            // cases: they are not named again.
            assertThat(JUnitSelector.PYTEST.arguments(failed, dir)).containsExactly(
                    "tests/shop/test_prices.py::test_price", "tests/shop/test_prices.py::TestTax::test_rate[19%]");
            assertThat(JUnitSelector.PYTEST.arguments(failed, withPaths)).containsExactly("-k",
                    "test_price or test_rate");
            assertThat(JUnitSelector.PYTEST.arguments(failed, suite)).startsWith("tests/shop/test_prices.py::test_price");

            Files.writeString(dir.resolve("fixed"), "");
            // Two cases of one function asked for: exactly they run, not their siblings.
            List<TestResult> two = failed.stream().filter(r -> r.id().endsWith("[1-x,y]") || r.id().endsWith("]]"))
                    .toList();
            List<String> notes = new ArrayList<>();
            List<TestResult> again = session.rerun(two, dir, notes::add, r -> { }, Cancellation.none());
            assertThat(again).extracting(TestResult::id, TestResult::status).containsExactlyInAnyOrder(
                    tuple("tests.shop.test_prices#test_price[1-x,y]", TestStatus.PASSED),
                    tuple("tests.shop.test_prices#test_price[4-[br]]", TestStatus.PASSED));
            assertThat(notes).containsExactly("py: re-running 2 test(s)");

            // Every failure: the '::' case comes back with its function's other cases, the class's case exactly.
            again = session.rerun(failed, dir, notes::add, r -> { }, Cancellation.none());
            assertThat(again).extracting(TestResult::id).containsAll(failed.stream().map(TestResult::id).toList())
                    .doesNotContain("tests.shop.test_prices.TestTax#test_rate[7%]");
            assertThat(again).allMatch(r -> r.status() == TestStatus.PASSED, "all fixed");
        }
    }

    @Test
    void aTestTheRerunDoesNotReportIsNotReRunNeitherPassedNorStillFailing() throws Exception {
        Files.writeString(dir.resolve("test_cart.py"), """
                def test_adds():
                    assert False, "cart total is 3, expected 4"
                """);
        JUnitXmlSuite suite = new JUnitXmlSuite("py", List.of("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "--junitxml=reports/junit.xml"), dir, Map.of(), "reports/*.xml", Duration.ofSeconds(60),
                JUnitSelector.PYTEST);
        try (SuiteSession session = new JUnitXmlRunner(List.of(suite)).open()) {
            List<TestResult> first = session.run(Set.of(), dir, n -> { }, r -> { }, Cancellation.none());
            assertThat(first).extracting(TestResult::id).containsExactly("test_cart#test_adds");
            // The test is renamed before the re-run: pytest reports nothing for the old name.
            Files.writeString(dir.resolve("test_cart.py"), """
                    def test_adds_up():
                        assert True
                    """);
            List<String> notes = new ArrayList<>();
            List<TestResult> again = session.rerun(first, dir, notes::add, r -> { }, Cancellation.none());
            assertThat(again).isEmpty();
            assertThat(String.join("\n", notes)).contains("so they were not re-run: test_cart#test_adds");
        }
    }

    @Test
    void selectorsGiveEachToolItsOwnArgumentVector() {
        List<TestResult> tests = List.of(
                failed("py", "shop.CartTest#adds"), failed("py", "shop.CartTest#removes"),
                failed("py", "shop.PayTest#pays[card]"), failed("py", "TestParse/empty_input"));
        assertThat(JUnitSelector.MAVEN.arguments(tests.subList(0, 3))).containsExactly(
                "-Dtest=shop.CartTest#adds+removes,shop.PayTest#pays", "-Dsurefire.failIfNoSpecifiedTests=false");
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

    @Test
    void namesATestToolCannotTakeAsTheyAreAreWidenedNeverDropped() {
        // JUnit 5 parameterized and dynamic cases, a nested class, a display name and a method outside ASCII
        List<TestResult> junit = List.of(failed("j", "org.x.UtilTest#testRtrim(Character, boolean)[14]"),
                failed("j", "org.x.UtilTest#testRtrim(Character, boolean)[15]"),
                failed("j", "org.x.UtilTest#factory()[2]"), failed("j", "org.x.UtilTest$Inner#inner"),
                failed("j", "org.x.NamedTest#adds two items, then one"), failed("j", "org.x.UmlautTest#prüft"));
        assertThat(JUnitSelector.MAVEN.arguments(junit)).containsExactly(
                "-Dtest=org.x.UtilTest#testRtrim+factory,org.x.UtilTest$Inner#inner,org.x.NamedTest,"
                        + "org.x.UmlautTest#pr*ft", "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(JUnitSelector.GRADLE.arguments(junit)).containsExactly(
                "--tests", "org.x.UtilTest.testRtrim", "--tests", "org.x.UtilTest.factory",
                "--tests", "org.x.UtilTest$Inner.inner", "--tests", "org.x.NamedTest",
                "--tests", "org.x.UmlautTest.pr*ft");
        // go: a subtest through its top-level test; regex characters escaped, non-ASCII matched by '.'
        assertThat(JUnitSelector.GO.arguments(List.of(failed("go", "pkg#TestParse/a,b_[c]"),
                failed("go", "pkg#TestGröße"), failed("go", "pkg#Test.Dot")))).containsExactly(
                "-run", "^(TestParse|TestGr..e|Test\\.Dot)$");
        // a class name no JVM has cannot be selected: the whole suite runs
        assertThat(JUnitSelector.MAVEN.arguments(List.of(failed("j", "not a class#m")))).isEmpty();
    }

    private static TestResult failed(String project, String id) {
        return new TestResult(id, project, id, id, TestStatus.FAILED, 1, "boom", null, 0, List.of());
    }
}
