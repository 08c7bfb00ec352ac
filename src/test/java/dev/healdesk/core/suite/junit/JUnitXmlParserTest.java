package dev.healdesk.core.suite.junit;

import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-format reports from the tools people run, and the hostile and broken ones they sometimes leave. */
class JUnitXmlParserTest {
    private final JUnitXmlParser parser = new JUnitXmlParser();

    @Test
    void surefireReportGivesFailuresErrorsSkipsFlakesAndReruns() throws Exception {
        Map<String, TestResult> byTitle = parse("surefire.xml", "unit");

        assertThat(byTitle).hasSize(6);
        TestResult passed = byTitle.get("placesAnOrder");
        assertThat(passed.id()).isEqualTo("com.acme.OrderServiceTest#placesAnOrder");
        assertThat(passed.project()).isEqualTo("unit");
        assertThat(passed.status()).isEqualTo(TestStatus.PASSED);
        assertThat(passed.durationMs()).isEqualTo(12);
        assertThat(passed.errorMessage()).isNull();

        TestResult failed = byTitle.get("rejectsAnEmptyCart");
        assertThat(failed.status()).isEqualTo(TestStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("expected: <400> but was: <500>");
        assertThat(failed.errorStack()).startsWith("org.opentest4j.AssertionFailedError: expected: <400>")
                .contains("OrderServiceTest.java:42").doesNotContain("checking cart");
        assertThat(failed.retry()).isZero();

        TestResult error = byTitle.get("talksToTheDatabase");
        assertThat(error.status()).isEqualTo(TestStatus.FAILED);
        assertThat(error.errorMessage()).isEqualTo("Connection refused");
        assertThat(error.errorStack()).contains("OrderServiceTest.java:57");
        assertThat(error.durationMs()).isEqualTo(1_200_250);

        TestResult skipped = byTitle.get("exportsToSap");
        assertThat(skipped.status()).isEqualTo(TestStatus.SKIPPED);
        assertThat(skipped.errorMessage()).isNull();

        TestResult flaky = byTitle.get("sendsTheConfirmation");
        assertThat(flaky.status()).isEqualTo(TestStatus.FLAKY);
        assertThat(flaky.retry()).isEqualTo(1);
        assertThat(flaky.errorMessage()).isEqualTo("Timed out after 200 ms");
        assertThat(flaky.errorStack()).contains("Mailer.java:88").doesNotContain("SMTP 421");

        TestResult rerun = byTitle.get("refundsTwice");
        assertThat(rerun.status()).isEqualTo(TestStatus.FAILED);
        assertThat(rerun.retry()).isEqualTo(2);
        assertThat(rerun.errorStack()).contains("OrderServiceTest.java:91");
    }

    @Test
    void pytestReportKeepsTheDottedModuleAndTheTraceback() throws Exception {
        Map<String, TestResult> byTitle = parse("pytest.xml", "py");

        assertThat(byTitle).hasSize(3);
        assertThat(byTitle.get("test_total").id()).isEqualTo("tests.test_cart.TestCart#test_total");
        assertThat(byTitle.get("test_total").status()).isEqualTo(TestStatus.PASSED);
        TestResult failed = byTitle.get("test_discount[10-percent]");
        assertThat(failed.id()).isEqualTo("tests.test_cart#test_discount[10-percent]");
        assertThat(failed.status()).isEqualTo(TestStatus.FAILED);
        assertThat(failed.errorMessage()).startsWith("assert 90.0 == 91.0");
        assertThat(failed.errorStack()).contains(">       assert apply(100, 0.1) == 91.0")
                .endsWith("tests/test_cart.py:14: AssertionError");
        assertThat(failed.durationMs()).isEqualTo(2);
        assertThat(byTitle.get("test_slow").status()).isEqualTo(TestStatus.SKIPPED);
    }

    @Test
    void goJunitReportUsesThePackageAsClassAndReachesNestedSuites() throws Exception {
        Map<String, TestResult> byTitle = parse("go-junit-report.xml", "go");

        assertThat(byTitle.keySet()).containsExactlyInAnyOrder("TestAdd", "TestRemove", "TestCharge/visa");
        TestResult failed = byTitle.get("TestRemove");
        assertThat(failed.id()).isEqualTo("example.com/shop/cart#TestRemove");
        assertThat(failed.status()).isEqualTo(TestStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("Failed");
        assertThat(failed.errorStack()).isEqualTo("cart_test.go:31: got 2 items, want 1");
        assertThat(failed.durationMs()).isEqualTo(10);
        assertThat(byTitle.get("TestCharge/visa").status()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void failureWithoutMessageAttributeTakesTheFirstLineOfItsTextAndATestWithoutClassnameIsItsName(@TempDir Path dir)
            throws Exception {
        Path report = dir.resolve("r.xml");
        Files.writeString(report, """
                <testsuite><testcase name="lonely"><failure>

                  boom: the first real line
                  second line</failure></testcase></testsuite>""");

        TestResult result = parser.parse(report, "p").get(0);

        assertThat(result.id()).isEqualTo("lonely");
        assertThat(result.errorMessage()).isEqualTo("boom: the first real line");
        assertThat(result.durationMs()).isZero();
    }

    @Test
    void durationToleratesThousandsSeparatorsAndNonsense() {
        assertThat(JUnitXmlParser.durationMs("1,234.5")).isEqualTo(1_234_500);
        assertThat(JUnitXmlParser.durationMs(null)).isZero();
        assertThat(JUnitXmlParser.durationMs("")).isZero();
        assertThat(JUnitXmlParser.durationMs("soon")).isZero();
        assertThat(JUnitXmlParser.durationMs("NaN")).isZero();
        assertThat(JUnitXmlParser.durationMs("-3")).isZero();
    }

    @Test
    void externalEntityIsRefusedAndNeverExpanded() throws Exception {
        String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0:0";
        String firstLine = passwd.lines().findFirst().orElse("root:x:0:0");
        assertThatThrownBy(() -> parser.parse(fixture("xxe.xml"), "evil"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("xxe.xml declares a DTD")
                .hasMessageNotContaining(firstLine);
    }

    @Test
    void malformedReportNamesFileLineAndColumn() {
        Path report = fixture("malformed.xml");

        assertThatThrownBy(() -> parser.parse(report, "p"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(report + ":4:")
                .hasMessageContaining("run the suite again");
    }

    @Test
    void xmlOfAnotherKindIsNotAReport(@TempDir Path dir) throws Exception {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion></project>");

        assertThatThrownBy(() -> parser.parse(pom, "p"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("pom.xml is not a JUnit XML report")
                .hasMessageContaining("<project>");
    }

    private Map<String, TestResult> parse(String name, String project) throws SuiteException {
        return parser.parse(fixture(name), project).stream()
                .collect(Collectors.toMap(TestResult::title, Function.identity()));
    }

    private static Path fixture(String name) {
        try {
            return Path.of(JUnitXmlParserTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
