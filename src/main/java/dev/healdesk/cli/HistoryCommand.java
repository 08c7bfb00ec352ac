package dev.healdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.run.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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
        // the history's driver on two threads (its library, its connection settings) while this one sets up java.time's
        // formats, whose classes a JSON line or a table needs, and reads the settings
        Prewarm.start(stored.prewarm());
        Prewarm.start(stored.prewarmSettings());
        DateTimeFormatter started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
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
            ObjectMapper mapper = new ObjectMapper();
            for (RunRow r : runs) {
                RunOutcome outcome = outcomes.get(r.runId());
                ObjectNode o = mapper.createObjectNode();
                o.put("runId", r.runId());
                o.put("startedAt", r.startedAt().toString());
                o.put("target", r.target());
                o.put("state", outcome.state().id());
                o.put("status", r.status().id());
                o.put("healthScore", r.healthScore());
                o.put("testsRun", r.testsRun());
                o.put("passed", r.testsPassed());
                o.put("failed", r.testsFailed());
                o.put("flaky", r.flaky());
                o.put("skipped", r.skipped());
                ObjectNode first = o.putObject("firstPass");
                first.put("passed", outcome.firstPass().passed());
                first.put("failed", outcome.firstPass().failed());
                first.put("flaky", outcome.firstPass().flaky());
                first.put("skipped", outcome.firstPass().skipped());
                o.put("done", outcome.done().describe());
                if (outcome.note() != null) {
                    o.put("note", outcome.note());
                }
                o.put("durationMs", r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli());
                o.put("dryRun", r.dryRun());
                o.put("runFolder", r.runFolder());
                o.put("machine", r.machine());
                o.put("operator", r.operator());
                o.put("origin", r.origin());
                out.println(mapper.writeValueAsString(o));
            }
        } else if (runs.isEmpty()) {
            out.println("No runs stored in " + paths.describeHistory() + " yet.");
        } else {
            int targetWidth = Math.max(6, runs.stream().mapToInt(r -> r.target().length()).max().orElse(6));
            String row = "%-36s  %-19s  %-" + targetWidth + "s  %-11s  %5s  %6s  %6s  %5s  %7s  %8s  %s%n";
            out.printf(Locale.ROOT, row, "RUN ID", "STARTED (UTC)", "TARGET", "STATE", "SCORE", "PASSED", "FAILED",
                    "FLAKY", "SKIPPED", "DURATION", "NOTE");
            for (RunRow r : runs) {
                // The final pass's counts (each test's latest result); the note says what they do not.
                RunOutcome o = outcomes.get(r.runId());
                RunOutcome.Pass last = o.finalPass();
                out.printf(Locale.ROOT, row, r.runId(), started.format(r.startedAt()), r.target(), o.state().id(),
                        o.state() == RunOutcome.State.RUNNING ? "—" : String.format(Locale.ROOT, "%.1f", r.healthScore()),
                        last.passed(), last.failed(), last.flaky(), last.skipped(),
                        o.state() == RunOutcome.State.RUNNING ? "—" : String.format(Locale.ROOT, "%.1f s",
                                (r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0), note(o));
            }
        }
        out.flush();
        return Cli.HEALTHY;
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
