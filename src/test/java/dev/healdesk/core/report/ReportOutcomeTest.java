package dev.healdesk.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunOutcomeTest;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report format tells a healed run the same way (healed, with its first pass beside it), says which pass each
 * headline, chart and count is of, and draws only the runs up to the one reported: the contradictions issue 16 found.
 */
class ReportOutcomeTest {

    @TempDir
    Path dir;

    @Test
    void aHealedRunsHtmlHeaderSaysHealedWithItsFirstPassAndNoCountContradictsAnother() {
        RunSummary run = RunOutcomeTest.healed();

        String html = new HtmlReport().render(run, List.of(), null);

        assertThat(html).contains("<span class=\"badge healed\">HEALED</span>")
                .contains("<div class=\"was\">first pass: 0 passed, 11 failed of 11</div>")
                .doesNotContain(">HEALTHY<")
                .contains("health score (final pass)")
                .contains("<h3>Results by status, first pass</h3>")
                .contains("<h3>Failed tests by category, first pass</h3>");
        // The rows of counts: the final pass and the first pass, each labelled, each adding up.
        assertThat(countRow(html, "Final pass")).isEqualTo(Map.of("tests", 11, "passed", 11, "failed", 0,
                "flaky", 0, "skipped", 0));
        assertThat(countRow(html, "First pass")).isEqualTo(Map.of("tests", 11, "passed", 0, "failed", 11,
                "flaky", 0, "skipped", 0));
        // The donut counts the first pass, as its title says: 11 failed, as the first-pass row says.
        assertThat(html).contains("failed: <b>11</b> (100.0 %)");
        assertThat(html).contains("Done: 1 healed.");
    }

    @Test
    void theMarkdownJsonAndJUnitReportsTellTheSameHealedRun() throws Exception {
        RunSummary run = RunOutcomeTest.healed();

        StringWriter md = new StringWriter();
        new MarkdownReport().write(run, md);
        assertThat(md.toString()).contains("| Status | **healed** (healthy after fixes; first pass failing) |")
                .contains("| First pass | 0 passed, 11 failed of 11 |")
                .contains("| Final pass | 11 passed, 0 failed of 11 |")
                .contains("| Health score | 100.0 (final pass) |")
                .contains("| Done | 1 healed |")
                .contains("## Failures (first pass)")
                .doesNotContain("**healthy**");

        JsonNode json = new ObjectMapper().readTree(new JsonSummary().summary(run, null).toString());
        assertThat(json.path("state").asText()).isEqualTo("healed");
        assertThat(json.path("status").asText()).isEqualTo("healthy");
        assertThat(json.path("firstPass").path("failed").asInt()).isEqualTo(11);
        assertThat(json.path("finalPass").path("passed").asInt()).isEqualTo(11);
        assertThat(json.path("done").path("healed").asInt()).isEqualTo(1);
        assertThat(json.path("actions").get(0).path("outcome").asText()).isEqualTo("healed");

        String junit = new JUnitXmlReport().render(run);
        assertThat(junit).contains("<property name=\"healdesk.outcome\" value=\"healed\"/>")
                .contains("<property name=\"healdesk.pass\" value=\"first\"/>")
                .contains("tests=\"11\" failures=\"11\"");
    }

    @Test
    void skippedTestsAreListedInTheSummaryAndCountedInTheHeader() throws Exception {
        RunSummary run = ReportFixtures.run(dir.resolve("run"));

        StringWriter md = new StringWriter();
        new MarkdownReport().write(run, md);
        assertThat(md.toString()).contains("## Skipped tests").contains("| `api/legacy` |")
                .contains("1 skipped of 6");
        JsonNode json = new ObjectMapper().readTree(new JsonSummary().summary(run, null).toString());
        assertThat(json.path("skipped").asInt()).isEqualTo(1);
        assertThat(json.path("skippedTests").get(0).path("id").asText()).isEqualTo("api/legacy");
        assertThat(countRow(new HtmlReport().render(run, List.of(), null), "Tests"))
                .containsEntry("skipped", 1).containsEntry("flaky", 1).containsEntry("passed", 1)
                .containsEntry("failed", 3).containsEntry("tests", 6);
    }

    @Test
    void anOldRunsReportDrawsOnlyTheRunsUpToItAndLeavesCancelledOnesOut() throws Exception {
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        try (HistoryStore store = HistoryStore.open(dir.resolve("healdesk.db"))) {
            store.saveRun(RunSummaries.withResults("run-1-before", t0, 10, 0), null);
            store.saveRun(cancelled(RunSummaries.withResults("run-2-cancelled", t0.plusSeconds(3600), 0, 4)), null);
            RunSummary reported = RunSummaries.withResults("run-3-reported", t0.plusSeconds(7200), 6, 4);
            store.saveRun(reported, null);
            store.saveRun(RunSummaries.withResults("run-4-later", t0.plusSeconds(10_800), 10, 0), null);

            ReportWriter writer = new ReportWriter(store, dir);
            RunRow row = store.findRun("run-3-reported").orElseThrow();
            List<HtmlReport.TrendPoint> trend = writer.trend(StoredRuns.load(store, row, dir).run());
            assertThat(trend).extracting(HtmlReport.TrendPoint::runId).containsExactly("run-1-before", "run-3-reported");

            Path html = writer.write(row, ReportWriter.Format.HTML, dir.resolve("old.html")).file();
            String text = Files.readString(html);
            assertThat(text).doesNotContain("run-4-later").doesNotContain("run-2-cancelled")
                    .contains("the last 2 runs of this target up to this one (cancelled runs left out)");
            // "this run" stands under the reported run's own (larger) dot
            Matcher dot = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"[0-9.]+\" r=\"4.5\"").matcher(text);
            assertThat(dot.find()).as("the reported run's dot").isTrue();
            assertThat(text).contains("<text x=\"" + dot.group(1) + "\" y=\"144\" text-anchor=\"end\" class=\"axis"
                    + " this-run\">this run</text>");
        }
    }

    /** The cells of the counts row captioned {@code caption}: label → number. */
    private static Map<String, Integer> countRow(String html, String caption) {
        int at = html.indexOf("<td class=\"pass\">" + caption + "</td>");
        assertThat(at).as("a counts row captioned " + caption).isNotNegative();
        String row = html.substring(at, html.indexOf("</tr>", at));
        Matcher m = Pattern.compile("<div class=\"n[^\"]*\">([0-9,]+)</div><div class=\"label\">([a-z ]+)</div>")
                .matcher(row);
        Map<String, Integer> cells = new java.util.LinkedHashMap<>();
        while (m.find()) {
            cells.put(m.group(2), Integer.parseInt(m.group(1).replace(",", "")));
        }
        return cells;
    }

    private static RunSummary cancelled(RunSummary r) {
        return new RunSummary(r.runId(), r.target(), r.projects(), r.dryRun(), r.startedAt(), r.finishedAt(),
                r.status(), r.initialStatus(), r.healthScore(), r.testsRun(), r.testsPassed(), r.testsFailed(),
                r.flaky(), r.results(), r.failures(), r.actions(), LlmUsage.none(), Map.of(), true);
    }
}
