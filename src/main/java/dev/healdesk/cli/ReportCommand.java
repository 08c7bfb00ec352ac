package dev.healdesk.cli;

import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.report.HtmlReport;
import dev.healdesk.core.report.JUnitXmlReport;
import dev.healdesk.core.report.JsonSummary;
import dev.healdesk.core.report.MarkdownReport;
import dev.healdesk.core.report.PdfReport;
import dev.healdesk.core.report.RedactedRun;
import dev.healdesk.core.report.StoredRuns;
import dev.healdesk.core.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code healdesk report RUN_ID|latest --format=...}: a stored run as Markdown, HTML, JSON, PDF or JUnit XML. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the report of a stored run: md (summary.md), html (one self-contained file), json"
                + " (healing-summary.json), pdf (the HTML laid out for print) or junit (JUnit XML for CI).",
                "The run is rebuilt from its run folder's JSON files, or from the history database when the folder is"
                        + " gone (then without stacks, screenshots and diagnoses). Prints the path written."})
final class ReportCommand implements Callable<Integer> {

    /** How many of the target's runs the HTML and PDF health trend shows. */
    static final int TREND_RUNS = 30;

    enum Format {
        MD("report.md"), HTML("report.html"), JSON("report.json"), PDF("report.pdf"), JUNIT("report-junit.xml");

        final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID|latest", description = "A run id from 'healdesk history', or latest.")
    String runId;

    @Option(names = "--format", paramLabel = "md|html|json|pdf|junit", defaultValue = "html",
            description = "Report format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: report.<format> in the"
            + " run folder, report-junit.xml for junit; '-' for standard output, not for pdf).")
    Path out;

    @Mixin
    StoredHistory stored = new StoredHistory();

    @Override
    public Integer call() throws IOException {
        Format f = format();
        if (f == Format.PDF && out != null && out.toString().equals("-")) {
            throw new Cli.UsageException("--out=- writes text to standard output; a PDF needs a file: --out=FILE.pdf.");
        }
        HealdeskPaths paths = stored.paths(System.getenv());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HistoryStore store = StoredHistory.open(paths)) {
            RunRow row = find(store, paths);
            StoredRuns.Loaded loaded = StoredRuns.load(store, row, paths.resultsDir());
            if (loaded.source() == StoredRuns.Source.HISTORY) {
                err.println("healdesk: the run folder of " + row.runId() + " is gone; the report is built from the"
                        + " history database (no stacks, screenshots or diagnoses).");
            }
            RunSummary run = loaded.run();
            Path folder = loaded.runFolder();
            if (out != null && out.toString().equals("-")) {
                Writer w = new StringWriter();
                writeText(f, run, folder, store, w);
                stdout.print(w);
                stdout.flush();
                return Cli.HEALTHY;
            }
            Path target = out != null ? out
                    : folder != null && Files.isDirectory(folder) ? folder.resolve(f.fileName)
                    : paths.resultsDir().resolve(row.runId() + "-" + f.fileName);
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (f == Format.PDF) {
                new PdfReport().write(run, trend(store, run), folder, target);
            } else {
                try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                    writeText(f, run, folder, store, w);
                }
            }
            stdout.println(target);
            stdout.flush();
            return Cli.HEALTHY;
        }
    }

    private void writeText(Format f, RunSummary run, Path folder, HistoryStore store, Writer w) throws IOException {
        switch (f) {
            case MD -> new MarkdownReport().write(RedactedRun.of(run), w);
            case JSON -> new JsonSummary().writeSummary(RedactedRun.of(run), folder == null ? null : folder.toString(), w);
            case HTML -> w.write(new HtmlReport().render(run, trend(store, run), folder));
            case JUNIT -> new JUnitXmlReport().write(run, w);
            case PDF -> throw new IllegalStateException("PDF is not text");
        }
    }

    private Format format() {
        try {
            return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--format: unknown format '" + format + "'. Use md, html, json, pdf or junit.");
        }
    }

    private RunRow find(HistoryStore store, HealdeskPaths paths) {
        if (runId.equals("latest")) {
            return store.listRuns(1, 0).stream().findFirst().orElseThrow(() -> new Cli.UsageException(
                    "No run is stored in " + paths.dbFile() + " yet: start one with 'healdesk run'."));
        }
        return store.findRun(runId).orElseThrow(() -> new Cli.UsageException("Run '" + runId + "' is not in "
                + paths.dbFile() + ". List the stored runs with 'healdesk history' (with the same --results-dir or"
                + " --db), or use 'latest'."));
    }

    /** The target's last {@link #TREND_RUNS} runs, oldest first. */
    static List<HtmlReport.TrendPoint> trend(HistoryStore store, RunSummary run) {
        List<HtmlReport.TrendPoint> points = new ArrayList<>();
        for (RunRow r : store.runsOf(run.target(), TREND_RUNS)) {
            points.add(new HtmlReport.TrendPoint(r.runId(), r.startedAt(), r.healthScore(), r.status()));
        }
        Collections.reverse(points);
        return points;
    }
}
