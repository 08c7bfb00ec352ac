package dev.healdesk.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report with a header says who recorded the run and where (a team's shared history): the machine, the
 * operator and the origin, in the HTML header, the Markdown table, the JSON summary and the JUnit suites' properties;
 * read back from a run folder's summary and from the history database alike; a run recorded before they were known
 * says nothing of them rather than something made up.
 */
class ReportProvenanceTest {

    @TempDir
    Path dir;

    private static final Provenance CI = new Provenance("build-box-7", "ana", Provenance.Origin.CI);
    private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void everyHeaderSaysWhoRecordedTheRunAndWhere() throws Exception {
        RunSummary run = RunSummaries.withResults("run-prov-1", T, 2, 1).withProvenance(CI);

        assertThat(new HtmlReport().render(run, List.of(), null))
                .contains(" \u00b7 recorded by ana on build-box-7, from ci</div>");
        StringWriter md = new StringWriter();
        new MarkdownReport().write(run, md);
        assertThat(md.toString()).contains("| Recorded by | `ana on build-box-7, from ci` |");
        JsonNode json = new ObjectMapper().readTree(new JsonSummary().summary(run, null).toString());
        assertThat(json.path("machine").asText()).isEqualTo("build-box-7");
        assertThat(json.path("operator").asText()).isEqualTo("ana");
        assertThat(json.path("origin").asText()).isEqualTo("ci");
        assertThat(new JUnitXmlReport().render(run))
                .contains("<property name=\"healdesk.machine\" value=\"build-box-7\"/>")
                .contains("<property name=\"healdesk.operator\" value=\"ana\"/>")
                .contains("<property name=\"healdesk.origin\" value=\"ci\"/>");
    }

    @Test
    void aRunFoldersSummaryAndTheHistoryGiveTheProvenanceBack() throws Exception {
        RunSummary run = RunSummaries.withResults("run-prov-2", T, 2, 1).withProvenance(CI);
        RunFolderWriter folders = new RunFolderWriter(dir.resolve("results"));
        RunFolderWriter.RunFolder folder = folders.open(run.runId());
        folders.finish(folder, run);
        assertThat(StoredRuns.fromRunFolder(folder.dir()).provenance()).isEqualTo(CI);

        try (HistoryStore store = HistoryStore.open(HistoryLocation.parse(dir.resolve("h.db").toString(), "test",
                Map.of()), CI)) {
            store.saveRun(run, null);
            RunRow row = store.findRun(run.runId()).orElseThrow();
            RunSummary rebuilt = StoredRuns.fromHistory(store, row);
            assertThat(rebuilt.provenance()).isEqualTo(CI);
            assertThat(new HtmlReport().render(rebuilt, List.of(), null))
                    .contains("recorded by ana on build-box-7, from ci");
        }
    }

    @Test
    void aRunRecordedBeforeProvenanceWasKeptSaysNothingOfIt() throws Exception {
        RunSummary run = RunSummaries.withResults("run-prov-3", T, 2, 0);
        assertThat(run.provenance()).isNull();
        assertThat(new HtmlReport().render(run, List.of(), null)).doesNotContain("recorded by");
        StringWriter md = new StringWriter();
        new MarkdownReport().write(run, md);
        assertThat(md.toString()).doesNotContain("Recorded by");
        JsonNode json = new ObjectMapper().readTree(new JsonSummary().summary(run, null).toString());
        assertThat(json.has("machine")).isFalse();
        assertThat(new JUnitXmlReport().render(run)).doesNotContain("healdesk.machine");
        RunFolderWriter folders = new RunFolderWriter(dir.resolve("results"));
        RunFolderWriter.RunFolder folder = folders.open(run.runId());
        folders.finish(folder, run);
        assertThat(StoredRuns.fromRunFolder(folder.dir()).provenance()).isNull();
    }
}
