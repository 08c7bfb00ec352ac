package dev.healdesk.core.report;

import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @TempDir
    Path dir;

    private String render() throws Exception {
        return new HtmlReport().render(ReportFixtures.run(dir), ReportFixtures.trend(), dir);
    }

    @Test
    void hostileTextStaysText() throws Exception {
        String html = render();
        assertThat(html).contains("&lt;script&gt;window.pwned=1&lt;/script&gt;")
                .contains("&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;")
                .doesNotContain("<script").doesNotContain("<img src=x").doesNotContain("\u0007");
        assertThat(html).contains("\ufffd");
    }

    @Test
    void secretsAreRedactedEverywhere() throws Exception {
        String html = render();
        assertThat(html).doesNotContain(ReportFixtures.SECRET).contains("[REDACTED_");
    }

    @Test
    void embedsTheScreenshotAsADataUri() throws Exception {
        String html = render();
        byte[] png = Files.readAllBytes(dir.resolve("artifacts/ui-checkout.png"));
        assertThat(html).contains("<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"");
    }

    @Test
    void anOversizedOrMissingScreenshotIsNamedNotEmbedded() throws Exception {
        Path big = dir.resolve("artifacts/huge.png");
        Files.createDirectories(big.getParent());
        byte[] bytes = new byte[(int) HtmlReport.MAX_IMAGE_BYTES + 10];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, bytes, 0, 8);
        Files.write(big, bytes);
        RunSummary run = ReportFixtures.run(dir);
        TestResult ui = run.failures().get(1).tests().get(0);
        TestResult withBig = new TestResult(ui.id(), ui.project(), ui.title(), ui.location(), ui.status(),
                ui.durationMs(), ui.errorMessage(), ui.errorStack(), 0, List.of(big.toString(), "artifacts/gone.png"));
        RunSummary changed = new RunSummary(run.runId(), run.target(), run.projects(), run.dryRun(), run.startedAt(),
                run.finishedAt(), run.status(), run.initialStatus(), run.healthScore(), run.testsRun(),
                run.testsPassed(), run.testsFailed(), run.flaky(), run.results(),
                List.of(run.failures().get(0), new dev.healdesk.core.triage.FailureGroup(run.failures().get(1)
                        .fingerprint(), run.failures().get(1).classification(), List.of(withBig),
                        run.failures().get(1).message(), null)), run.actions(), run.llm(), run.diagnoses(), false,
                run.flipRates());
        String html = new HtmlReport().render(changed, List.of(), dir);
        assertThat(html).doesNotContain("data:image/png").contains("huge.png: 2.0 MB, over the 2 MB embedded per image")
                .contains("gone.png: no longer on disk");
        assertThat(html.length()).isLessThan(100_000);
    }

    @Test
    void drawsTheChartsAsInlineSvg() throws Exception {
        String html = render();
        assertThat(html).contains("aria-label=\"Results by status\"").contains("aria-label=\"Failed tests by category\"")
                .contains("aria-label=\"Health score trend\"");
        assertThat(count(html, "<svg ")).isEqualTo(3);
        // one dot per trend run, the current one larger
        assertThat(count(html, "class=\"dot ")).isEqualTo(3);
        assertThat(html).contains("r=\"4.5\" class=\"dot failing\"");
    }

    @Test
    void showsGroupsDiagnosisDecisionsAndFlakyTestsApart() throws Exception {
        String html = render();
        assertThat(html).contains(ReportFixtures.DB_MESSAGE).contains("The pool is held by idle sessions")
                .contains("kill-idle-db-connections</code> auto \u2192 applied, verified")
                .contains("propose-selector-fix</code> rejected \u2192 not applied")
                .contains("<h2>Flaky tests</h2>").contains("44 % (4 flips in 10 runs), flipping")
                .contains("PPFPKPPFPK");
    }

    @Test
    void refersToNothingOutsideTheFile() throws Exception {
        String html = render();
        Matcher refs = Pattern.compile("(?i)(src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (refs.find()) {
            assertThat(refs.group(2)).as(refs.group()).startsWith("data:image/");
        }
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void isWellFormedXhtmlForThePdfRenderer() throws Exception {
        for (String html : List.of(render(), HtmlReport.forPdf().render(ReportFixtures.run(dir), ReportFixtures.trend(), dir))) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            // one section per failure group and one per incident (issue 13: each group is its own incident here)
            assertThat(doc.getElementsByTagName("section").getLength()).isEqualTo(4);
        }
    }

    @Test
    void eachFailureGroupShowsTheEvidenceThatDecidedItsFixClass() throws Exception {
        RunSummary run = ReportFixtures.run(dir);
        String html = new HtmlReport().render(run, ReportFixtures.trend(), dir);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.NodeList sections = doc.getElementsByTagName("section");
        List<String> groupEvidence = new java.util.ArrayList<>();
        List<String> incidentEvidence = new java.util.ArrayList<>();
        for (int k = 0; k < sections.getLength(); k++) {
            org.w3c.dom.Element section = (org.w3c.dom.Element) sections.item(k);
            org.w3c.dom.NodeList ps = section.getElementsByTagName("p");
            String evidence = null;
            for (int j = 0; j < ps.getLength(); j++) {
                if (((org.w3c.dom.Element) ps.item(j)).getAttribute("class").equals("class-evidence")) {
                    evidence = ps.item(j).getTextContent();
                }
            }
            (section.getAttribute("class").contains("incident") ? incidentEvidence : groupEvidence).add(evidence);
        }
        List<String> expected = run.failures().stream().map(g -> run.incidentOfTest(g.tests().get(0).id())
                .orElseThrow().classEvidence()).toList();
        assertThat(expected).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("class "));
        assertThat(groupEvidence).containsExactlyElementsOf(expected);
        assertThat(incidentEvidence).containsExactlyElementsOf(run.incidents().stream()
                .map(dev.healdesk.core.triage.Incident::classEvidence).toList());
    }

    @Test
    void saysWhenThereIsNoHistoryOrNoFailure() throws Exception {
        RunSummary run = ReportFixtures.run(dir);
        RunSummary clean = new RunSummary(run.runId(), run.target(), run.projects(), false, run.startedAt(),
                run.finishedAt(), dev.healdesk.core.triage.HealthStatus.HEALTHY,
                dev.healdesk.core.triage.HealthStatus.HEALTHY, 100, 1, 1, 0, 0,
                List.of(TestResult.passed("api/health", "api", "Health", 4)), List.of(), List.of(),
                dev.healdesk.core.run.LlmUsage.none(), null, false);
        String html = new HtmlReport().render(clean, List.of(), null);
        assertThat(html).contains("No failures.").contains("No history at hand for this target.")
                .contains("class=\"badge healthy\"");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
