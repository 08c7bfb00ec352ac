package dev.healdesk.core.report;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.suite.junit.JUnitXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJUnitXmlTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughTheProjectsOwnParser() throws Exception {
        String xml = new JUnitXmlReport().render(ReportFixtures.run(dir));
        Path file = dir.resolve("junit.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        List<TestResult> back = new JUnitXmlParser().parse(file, "ci");
        assertThat(back).hasSize(6);
        Map<String, TestResult> byId = back.stream().collect(Collectors.toMap(TestResult::id, Function.identity()));
        assertThat(byId.keySet()).containsExactlyInAnyOrder("ui#Checkout button", "api#Orders list",
                "api#Customers list", "ui#Search box", "api#Legacy export", "api#Health endpoint");
        assertThat(byId.get("ui#Checkout button").status()).isEqualTo(TestStatus.FAILED);
        assertThat(byId.get("ui#Checkout button").errorMessage())
                .startsWith("Expected <b>OK</b> but got <script>window.pwned=1</script>")
                .contains("\ufffd").doesNotContain(ReportFixtures.SECRET).contains("[REDACTED_");
        assertThat(byId.get("ui#Checkout button").errorStack()).contains("at checkout.spec.ts:12:5");
        assertThat(byId.get("ui#Checkout button").durationMs()).isEqualTo(5100);
        assertThat(byId.get("api#Customers list").status()).isEqualTo(TestStatus.FAILED);
        assertThat(byId.get("api#Customers list").errorMessage()).isEqualTo(ReportFixtures.DB_MESSAGE);
        assertThat(byId.get("ui#Search box").status()).isEqualTo(TestStatus.FLAKY);
        assertThat(byId.get("ui#Search box").errorMessage()).contains("Timeout 5000ms");
        assertThat(byId.get("api#Legacy export").status()).isEqualTo(TestStatus.SKIPPED);
        assertThat(byId.get("api#Health endpoint").status()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void namesTheCategoryAndCountsPerSuite() throws Exception {
        String xml = new JUnitXmlReport().render(ReportFixtures.run(dir));
        assertThat(xml).contains("type=\"database\"").contains("type=\"ui\"")
                .contains("<testsuite name=\"ui\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\"")
                .contains("<testsuite name=\"api\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"1\"")
                .contains("<property name=\"healdesk.runId\" value=\"run-20260102-100000-abcdef01\"/>");
    }
}
