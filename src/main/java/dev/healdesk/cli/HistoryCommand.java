package dev.healdesk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.report.Figures;
import dev.healdesk.core.run.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code healdesk history}: the stored runs, most recent first, as a table or one JSON object per line. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the stored runs, most recent first: id, start, target, status, health score, passed,"
                + " failed, flaky, duration.",
        subcommands = HistoryCopyCommand.class)
final class HistoryCommand implements Callable<Integer>, QuickStart.Command {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    /** (Its default is also the field's own, for {@link QuickStart}.) */
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (default ${DEFAULT-VALUE}).")
    int limit = 20;

    @Mixin
    StoredHistory stored = new StoredHistory();

    @Override
    public Integer call() throws IOException {
        return call(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public boolean option(String name, String value) {
        return switch (name) {
            case "--json" -> QuickStart.flag(value) && (json = true);
            case "--limit" -> (limit = QuickStart.number(value)) >= 0;
            default -> stored.option(name, value);
        };
    }

    @Override
    public Integer call(PrintWriter out, PrintWriter err) throws IOException {
        if (limit < 1) {
            throw new Cli.UsageException("--limit: " + limit + " is not a number of runs. Give 1 or more, e.g. --limit=50.");
        }
        // the history's driver on two threads (its library, its connection settings) while this one reads the settings
        Prewarm.start(stored.prewarm());
        Prewarm.start(stored.prewarmSettings());
        HealdeskPaths paths = stored.paths(Cli.config().env());
        List<RunRow> runs;
        Map<String, RunOutcome> outcomes = new HashMap<>();
        try (HistoryStore store = StoredHistory.open(paths)) {
            runs = store.listRuns(limit, 0);
            for (RunRow r : runs) {
                outcomes.put(r.runId(), store.outcomeOf(r));
            }
        }
        if (json) {
            // jackson-core's generator, not databind's ObjectMapper (~400 classes to set up): the same compact line, the
            // fields in the same order, a null written as null
            StringWriter line = new StringWriter();
            JsonFactory factory = new JsonFactory();
            for (RunRow r : runs) {
                RunOutcome outcome = outcomes.get(r.runId());
                line.getBuffer().setLength(0);
                try (JsonGenerator g = factory.createGenerator(line)) {
                    g.writeStartObject();
                    g.writeStringField("runId", r.runId());
                    g.writeStringField("startedAt", r.startedAt().toString());
                    g.writeStringField("target", r.target());
                    g.writeStringField("state", outcome.state().id());
                    g.writeStringField("status", r.status().id());
                    g.writeNumberField("healthScore", r.healthScore());
                    g.writeNumberField("testsRun", r.testsRun());
                    g.writeNumberField("passed", r.testsPassed());
                    g.writeNumberField("failed", r.testsFailed());
                    g.writeNumberField("flaky", r.flaky());
                    g.writeNumberField("skipped", r.skipped());
                    g.writeObjectFieldStart("firstPass");
                    g.writeNumberField("passed", outcome.firstPass().passed());
                    g.writeNumberField("failed", outcome.firstPass().failed());
                    g.writeNumberField("flaky", outcome.firstPass().flaky());
                    g.writeNumberField("skipped", outcome.firstPass().skipped());
                    g.writeEndObject();
                    g.writeStringField("done", outcome.done().describe());
                    if (outcome.note() != null) {
                        g.writeStringField("note", outcome.note());
                    }
                    g.writeNumberField("durationMs", r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli());
                    g.writeBooleanField("dryRun", r.dryRun());
                    g.writeStringField("runFolder", r.runFolder());
                    g.writeStringField("machine", r.machine());
                    g.writeStringField("operator", r.operator());
                    g.writeStringField("origin", r.origin());
                    g.writeEndObject();
                }
                out.println(line);
            }
        } else if (runs.isEmpty()) {
            out.println("No runs stored in " + paths.describeHistory() + " yet.");
        } else {
            // Each row written out by hand (Figures): the same text as a printf of
            // "%-36s  %-19s  %-<target>s  %-11s  %5s  %6s  %6s  %5s  %7s  %8s  %s%n", without java.util.Formatter's and
            // java.time.format's set-up, a fifth of this command's classes (docs/benchmarks, CLI start, ninth pass)
            int targetWidth = 6;
            for (RunRow r : runs) {
                targetWidth = Math.max(targetWidth, r.target().length());
            }
            row(out, targetWidth, "RUN ID", "STARTED (UTC)", "TARGET", "STATE", "SCORE", "PASSED", "FAILED", "FLAKY",
                    "SKIPPED", "DURATION", "NOTE");
            for (RunRow r : runs) {
                // The final pass's counts (each test's latest result); the note says what they do not.
                RunOutcome o = outcomes.get(r.runId());
                RunOutcome.Pass last = o.finalPass();
                row(out, targetWidth, r.runId(), Figures.utc(r.startedAt()), r.target(), o.state().id(),
                        o.state() == RunOutcome.State.RUNNING ? "—" : Figures.oneDecimal(r.healthScore()),
                        last.passed(), last.failed(), last.flaky(), last.skipped(),
                        o.state() == RunOutcome.State.RUNNING ? "—" : Figures.oneDecimal(
                                (r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0) + " s", note(o));
            }
        }
        out.flush();
        return Cli.HEALTHY;
    }

    /** One line of the table: the columns' widths of the printf format above, then the note and a line end. */
    private static void row(PrintWriter out, int targetWidth, Object runId, Object started, Object target, Object state,
                            Object score, Object passed, Object failed, Object flaky, Object skipped, Object duration,
                            Object note) {
        StringBuilder sb = new StringBuilder(160);
        Figures.pad(sb, runId, 36, true).append("  ");
        Figures.pad(sb, started, 19, true).append("  ");
        Figures.pad(sb, target, targetWidth, true).append("  ");
        Figures.pad(sb, state, 11, true).append("  ");
        Figures.pad(sb, score, 5, false).append("  ");
        Figures.pad(sb, passed, 6, false).append("  ");
        Figures.pad(sb, failed, 6, false).append("  ");
        Figures.pad(sb, flaky, 5, false).append("  ");
        Figures.pad(sb, skipped, 7, false).append("  ");
        Figures.pad(sb, duration, 8, false).append("  ");
        sb.append(note).append(System.lineSeparator());
        out.print(sb);
    }

    /** What the counts do not say: the first pass of a healed run, why a run stopped, what was done. */
    private static String note(RunOutcome o) {
        String note = switch (o.state()) {
            case HEALED -> "first pass: " + o.firstPass().describe();
            case RUNNING -> "running now: counts so far";
            case INTERRUPTED -> "its process stopped before it finished";
            case CANCELLED -> "cancelled: left out of the trends";
            case SUITE_ERROR -> o.headline();
            default -> o.firstPassDiffers() ? "first pass: " + o.firstPass().describe() : "";
        };
        String done = o.done().total() == 0 ? "" : "done: " + o.done().describe();
        String both = note.isEmpty() ? done : done.isEmpty() ? note : note + "; " + done;
        // one record per line, whatever a suite printed
        return both.replace('\n', ' ').replace('\r', ' ');
    }
}
