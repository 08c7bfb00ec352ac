package dev.healdesk.cli;

import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.report.ReportWriter;
import dev.healdesk.core.report.ReportWriter.Format;
import dev.healdesk.core.report.StoredRuns;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code healdesk report RUN_ID|latest --format=...}: a stored run as Markdown, HTML, JSON, PDF or JUnit XML. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the report of a stored run: md (summary.md), html (one self-contained file), json"
                + " (healing-summary.json), pdf (the HTML laid out for print) or junit (JUnit XML for CI).",
                "The run is rebuilt from its run folder's JSON files, or from the history database when the folder is"
                        + " gone (then without stacks, screenshots and diagnoses). Prints the path written."})
final class ReportCommand implements Callable<Integer>, QuickStart.Command {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID|latest", description = "A run id from 'healdesk history', or latest.")
    String runId;

    @Option(names = "--format", paramLabel = "md|html|json|pdf|junit", defaultValue = "html",
            description = "Report format (default ${DEFAULT-VALUE}).")
    String format = "html";

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: report.<format> in the"
            + " run folder, report-junit.xml for junit; '-' for standard output, not for pdf).")
    Path out;

    @Mixin
    StoredHistory stored = new StoredHistory();

    @Override
    public Integer call() throws IOException {
        return call(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public boolean option(String name, String value) {
        return switch (name) {
            case "--format" -> (format = value) != null;
            case "--out" -> (out = QuickStart.path(value)) != null;
            default -> stored.option(name, value);
        };
    }

    @Override
    public boolean parameter(int index, String value) {
        return index == 0 && (runId = value) != null;
    }

    @Override
    public boolean complete() {
        return runId != null;
    }

    @Override
    public Integer call(PrintWriter stdout, PrintWriter err) throws IOException {
        Format f = format();
        if (f == Format.PDF && out != null && out.toString().equals("-")) {
            throw new Cli.UsageException("--out=- writes text to standard output; a PDF needs a file: --out=FILE.pdf.");
        }
        // the history's driver, then the redactor every report's text goes through (RedactedRun): on a second thread
        // while this one reads the settings, opens the history and loads the run; the driver's connection settings, then
        // the SHA-256 that names the run's incidents (Incidents, as the run is loaded), on a third
        Prewarm.start(stored.prewarm(Prewarm.Step.REDACTOR));
        Prewarm.start(stored.prewarmSettings(Prewarm.Step.DIGEST));
        HealdeskPaths paths = stored.paths(Cli.config().env());
        try (HistoryStore store = StoredHistory.open(paths)) {
            RunRow row = find(store, paths);
            if (row.running()) {
                // Its folder is there but not written yet: the report would tell half a run as if it were whole.
                err.println("healdesk: run " + row.runId() + " is still running (" + row.testsRun() + " test(s) so far,"
                        + " started " + row.startedAt() + "): its report is written when it finishes. Ask again then,"
                        + " or pick a finished run from 'healdesk history'.");
                err.flush();
                return Cli.UNHEALTHY;
            }
            ReportWriter writer = new ReportWriter(store, paths.resultsDir());
            if (out != null && out.toString().equals("-")) {
                StoredRuns.Loaded loaded = StoredRuns.load(store, row, paths.resultsDir());
                warnIfRebuilt(loaded.source(), loaded.problem(), row, err);
                Writer w = new StringWriter();
                writer.writeText(f, loaded.run(), loaded.runFolder(), w);
                stdout.print(w);
                stdout.flush();
                return Cli.HEALTHY;
            }
            checkOut(out);
            ReportWriter.Written written;
            try {
                written = writer.write(row, f, out);
            } catch (java.nio.file.FileSystemException e) {
                throw new Cli.UsageException((out != null ? "--out: " : "") + "cannot write " + e.getFile() + " ("
                        + (e.getReason() == null ? "not writable" : e.getReason()) + "). Give --out=FILE in a folder"
                        + " you may write to.");
            } catch (IOException e) {
                throw new Cli.UsageException((out != null ? "--out: " : "") + "the report could not be written ("
                        + e.getMessage() + "). Check that there is room and that the folder is writable, or give"
                        + " --out=FILE elsewhere.");
            }
            warnIfRebuilt(written.source(), written.problem(), row, err);
            stdout.println(written.file());
            stdout.flush();
            return Cli.HEALTHY;
        }
    }

    /** --out must name a file Healdesk can create, not a folder. */
    private static void checkOut(Path out) {
        if (out == null) {
            return;
        }
        if (Files.isDirectory(out)) {
            throw new Cli.UsageException("--out: " + out + " is a folder. Give the file to write, e.g. --out="
                    + out.resolve("report.html") + ".");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new Cli.UsageException("--out: " + parent + " is a file, not a folder. Give --out=FILE in a folder.");
        }
    }

    private static void warnIfRebuilt(StoredRuns.Source source, String problem, RunRow row, PrintWriter err) {
        if (source == StoredRuns.Source.DAMAGED) {
            err.println("healdesk: " + problem + "; the report is built from the history database instead (no"
                    + " stacks, screenshots or diagnoses).");
        }
        if (source == StoredRuns.Source.HISTORY) {
            err.println("healdesk: the run folder of " + row.runId() + " is gone; the report is built from the"
                    + " history database (no stacks, screenshots or diagnoses).");
        }
    }

    private Format format() {
        try {
            return Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--format: unknown format '" + format + "'. Use md, html, json, pdf or junit.");
        }
    }

    private RunRow find(HistoryStore store, HealdeskPaths paths) {
        // no stream or lambda here: a short process links each one's classes afresh
        if (runId.equals("latest")) {
            List<RunRow> latest = store.listRuns(1, 0);
            if (latest.isEmpty()) {
                throw new Cli.UsageException("No run is stored in " + paths.describeHistory() + " yet: start one with"
                        + " 'healdesk run'.");
            }
            return latest.get(0);
        }
        RunRow row = store.findRun(runId).orElse(null);
        if (row == null) {
            throw new Cli.UsageException("Run '" + runId + "' is not in " + paths.describeHistory() + ". List the stored"
                    + " runs with 'healdesk history' (with the same --results-dir or --db), or use 'latest'.");
        }
        return row;
    }
}
