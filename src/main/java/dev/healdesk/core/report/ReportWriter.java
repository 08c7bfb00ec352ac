package dev.healdesk.core.report;

import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.RunSummary;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Writes the report of a stored run in one of the five formats: the one code path behind {@code healdesk report} and
 * the console's Export button. The run is rebuilt by {@link StoredRuns}; the caller only picks the format and,
 * optionally, the file.
 */
public final class ReportWriter {

    /** How many of the target's runs the HTML and PDF health trend shows. */
    public static final int TREND_RUNS = 30;

    public enum Format {
        MD("report.md"), HTML("report.html"), JSON("report.json"), PDF("report.pdf"), JUNIT("report-junit.xml");

        private final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        /** The file written into the run folder. */
        public String fileName() {
            return fileName;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code md}, {@code html}, {@code json}, {@code pdf} or {@code junit}, any case. */
        public static Format parse(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A written report.
     *
     * @param source where the run was rebuilt from: from {@link StoredRuns.Source#HISTORY} it has no stacks,
     *               screenshots or diagnoses
     */
    public record Written(Path file, StoredRuns.Source source, String problem) {
        public Written(Path file, StoredRuns.Source source) {
            this(file, source, null);
        }
    }

    private final HistoryStore store;
    private final Path resultsDir;

    /** @param resultsDir where the runs went: a run folder recorded elsewhere is looked for here too */
    public ReportWriter(HistoryStore store, Path resultsDir) {
        this.store = store;
        this.resultsDir = resultsDir;
    }

    /**
     * Writes the report of {@code row} to {@code out}, or (null) as {@link Format#fileName()} in its run folder, or
     * {@code <results dir>/<run id>-<file name>} when the folder is gone.
     */
    public Written write(RunRow row, Format format, Path out) throws IOException {
        StoredRuns.Loaded loaded = StoredRuns.load(store, row, resultsDir);
        Path folder = loaded.runFolder();
        Path target = out != null ? out
                : folder != null && Files.isDirectory(folder) ? folder.resolve(format.fileName())
                : resultsDir.resolve(row.runId() + "-" + format.fileName());
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        RunSummary run = loaded.run();
        if (format == Format.PDF) {
            new PdfReport().write(run, trend(run), folder, target);
        } else {
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                writeText(format, run, folder, w);
            }
        }
        return new Written(target, loaded.source(), loaded.problem());
    }

    /** Writes a text format of {@code run} (every format but PDF) to {@code w}. */
    public void writeText(Format format, RunSummary run, Path folder, Writer w) throws IOException {
        switch (format) {
            case MD -> new MarkdownReport().write(RedactedRun.of(run), w);
            case JSON -> new JsonSummary().writeSummary(RedactedRun.of(run), folder == null ? null : folder.toString(),
                    w);
            case HTML -> w.write(new HtmlReport().render(run, trend(run), folder));
            case JUNIT -> new JUnitXmlReport().write(run, w);
            case PDF -> throw new IllegalArgumentException("PDF is not text: write it to a file");
        }
    }

    /**
     * The target's last {@link #TREND_RUNS} runs up to {@code run} (never a later one), oldest first, {@code run} last;
     * cancelled and running runs are left out (they say nothing about the target's health), {@code run} itself never.
     */
    List<HtmlReport.TrendPoint> trend(RunSummary run) {
        List<HtmlReport.TrendPoint> points = new ArrayList<>();
        List<RunRow> upTo = store.listRuns(new HistoryQueries.RunFilter(null, null,
                run.startedAt().plusMillis(1), null, run.target(), null), TREND_RUNS * 4, 0);
        for (RunRow r : upTo) {
            boolean self = r.runId().equals(run.runId());
            if (self || !r.cancelled() && !r.running()) {
                points.add(self ? new HtmlReport.TrendPoint(r.runId(), r.startedAt(), run.healthScore(), run.status())
                        : new HtmlReport.TrendPoint(r.runId(), r.startedAt(), r.healthScore(), r.status()));
            }
            if (points.size() == TREND_RUNS) {
                break;
            }
        }
        Collections.reverse(points);
        return points;
    }
}
