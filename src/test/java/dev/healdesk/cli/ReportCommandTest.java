package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.junit.JUnitXmlParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code healdesk report} and {@code healdesk history} after real sandbox runs. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private String results() {
        return "--results-dir=" + dir.resolve("results");
    }

    private String runSandbox(String... extra) throws Exception {
        String[] args = Stream.concat(Stream.of("run", "--skip-llm", results()), Stream.of(extra)).toArray(String[]::new);
        CliRun r = cli(args);
        assertThat(r.code()).as(r.out() + r.err()).isIn(0, 1);
        return new ObjectMapper().readTree(dir.resolve("results/latest.json").toFile()).get("runId").asText();
    }

    @Test
    void reportsTheLatestRunInEveryFormat() throws Exception {
        String first = runSandbox("--projects=health");
        String runId = runSandbox("--projects=health,contracts", "--fault=db-pool-exhausted", "--dry-run");
        assertThat(runId).isNotEqualTo(first);
        Path folder = dir.resolve("results").resolve(runId);

        CliRun html = cli("report", "latest", "--format=html", results());
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(html.out().strip()).isEqualTo(folder.resolve("report.html").toString());
        String page = Files.readString(folder.resolve("report.html"));
        assertThat(page).contains("<title>Healdesk report: sandbox").contains("class=\"badge failing\"")
                .contains("remaining connection slots").contains("aria-label=\"Health score trend\"")
                .contains("kill-idle-db-connections</code> dry-run");

        Path pdf = dir.resolve("elsewhere/run.pdf");
        CliRun p = cli("report", runId, "--format=pdf", "--out=" + pdf, results());
        assertThat(p.code()).as(p.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("sandbox")
                    .contains("remaining connection slots");
        }

        assertThat(cli("report", "latest", "--format=md", results()).code()).isZero();
        assertThat(Files.readString(folder.resolve("report.md"))).startsWith("# Healdesk run " + runId)
                .contains("| database |");

        CliRun json = cli("report", "latest", "--format=json", "--out=-", results());
        assertThat(json.code()).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.out());
        assertThat(summary.get("runId").asText()).isEqualTo(runId);
        assertThat(summary.get("failures").get(0).get("category").asText()).isEqualTo("database");

        assertThat(cli("report", "latest", "--format=junit", results()).code()).isZero();
        List<TestResult> junit = new JUnitXmlParser().parse(folder.resolve("report-junit.xml"), "ci");
        assertThat(junit).hasSize(summary.get("testsRun").asInt());
        assertThat(junit.stream().filter(t -> t.status().isFailure()).count())
                .isEqualTo(summary.get("testsFailed").asLong());
    }

    @Test
    void aRunWhoseFolderIsGoneIsReportedFromTheHistory() throws Exception {
        String runId = runSandbox("--projects=health,contracts", "--fault=db-pool-exhausted", "--dry-run");
        Path folder = dir.resolve("results").resolve(runId);
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        CliRun r = cli("report", runId, "--format=md", results());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("built from the history database");
        Path written = Path.of(r.out().strip());
        assertThat(written).isEqualTo(dir.resolve("results").resolve(runId + "-report.md"));
        assertThat(Files.readString(written)).contains("| database |").contains("kill-idle-db-connections");
    }

    @Test
    void aMovedResultsFolderIsStillReadFromItsRunFolder() throws Exception {
        String runId = runSandbox("--projects=health,contracts", "--fault=db-pool-exhausted", "--dry-run");
        Path moved = dir.resolve("moved");
        Files.move(dir.resolve("results"), moved);
        CliRun r = cli("report", runId, "--format=md", "--out=-", "--results-dir=" + moved);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("history database");
        // the stack is only in the run folder's test-output.json, never in the history database
        assertThat(r.out()).contains("| database |");
        CliRun html = cli("report", runId, "--format=html", "--out=-", "--results-dir=" + moved);
        assertThat(html.out()).contains("Stack of the first test");
    }

    @Test
    void badInputExitsTwoNamingWhatToDo() throws Exception {
        runSandbox("--projects=health");
        CliRun unknown = cli("report", "run-19990101-000000-deadbeef", results());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("run-19990101-000000-deadbeef").contains("healdesk history");

        CliRun format = cli("report", "latest", "--format=docx", results());
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("md, html, json, pdf or junit");

        CliRun pdfToStdout = cli("report", "latest", "--format=pdf", "--out=-", results());
        assertThat(pdfToStdout.code()).isEqualTo(2);
        assertThat(pdfToStdout.err()).contains("--out");

        CliRun noDb = cli("history", "--results-dir=" + dir.resolve("nothing-here"));
        assertThat(noDb.code()).isEqualTo(2);
        assertThat(noDb.err()).contains("No history database").contains("--results-dir");
        assertThat(Files.exists(dir.resolve("nothing-here/healdesk.db"))).isFalse();

        CliRun limit = cli("history", "--limit=0", results());
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit");
    }

    @Test
    void historyListsTheRunsAsATableOrJsonLines() throws Exception {
        String first = runSandbox("--projects=health");
        String second = runSandbox("--projects=health,contracts", "--fault=db-pool-exhausted", "--dry-run");

        CliRun table = cli("history", results());
        assertThat(table.code()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("RUN ID").contains("SCORE").contains("DURATION");
        assertThat(lines.get(1)).startsWith(second).contains("sandbox").contains("failing");
        assertThat(lines.get(2)).startsWith(first).contains("healthy").contains("100.0");

        CliRun json = cli("history", "--json", "--limit=1", results());
        assertThat(json.code()).isZero();
        List<String> jsonLines = json.out().lines().toList();
        assertThat(jsonLines).hasSize(1);
        JsonNode run = new ObjectMapper().readTree(jsonLines.get(0));
        assertThat(run.get("runId").asText()).isEqualTo(second);
        assertThat(run.get("status").asText()).isEqualTo("failing");
        assertThat(run.get("failed").asInt()).isPositive();
        assertThat(run.get("durationMs").asLong()).isPositive();
    }
}
