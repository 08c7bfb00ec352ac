package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryCopy;
import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code healdesk history copy --from=SOURCE --to=TARGET}: copies a history between SQLite files and PostgreSQL
 * databases, either way, idempotent by run id (a second copy adds nothing), with progress and a count at the end.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy every run of one history into another: SQLite files and PostgreSQL databases"
                + " (postgresql://host:port/database; password from PGPASSWORD), either way.",
                "Runs the target already holds (by run id) are left alone, so a second copy adds nothing."})
final class HistoryCopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE|URL",
            description = "The history to copy: an existing SQLite file, or postgresql://host:port/database.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "FILE|URL",
            description = "Where to copy it: a SQLite file (made when missing), or postgresql://host:port/database.")
    String to;

    @Override
    public Integer call() {
        Map<String, String> env = Cli.config().env();
        HistoryLocation source = location("--from", from, env);
        HistoryLocation target = location("--to", to, env);
        if (source instanceof HistoryLocation.SqliteFile f && !Files.isRegularFile(f.file())) {
            throw new Cli.UsageException("--from: no history database at " + f.file() + ". Give an existing SQLite"
                    + " file (healing-results/healdesk.db by default) or a postgresql://host:port/database URL.");
        }
        if (source.describe().equals(target.describe())) {
            throw new Cli.UsageException("--from and --to name the same history (" + source.describe()
                    + "): give two different ones.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryCopy.Result result;
        try (HistoryStore in = open("--from", source); HistoryStore into = open("--to", target)) {
            ProgressBar bar = new ProgressBar(err);
            result = in.copyInto(into, bar::show);
            bar.end();
        } catch (HistoryException e) {
            throw new Cli.UsageException("The copy stopped: " + e.getMessage() + " The runs copied so far are kept;"
                    + " run the same command again to copy the rest.", e);
        }
        out.println("Copied " + result.added() + " run(s) from " + source.describe() + " to " + target.describe()
                + " (" + result.runs() + " in the source, " + result.present() + " already there); "
                + result.diagnoses() + " diagnosis(es) added or updated.");
        return Cli.HEALTHY;
    }

    private static HistoryLocation location(String flag, String value, Map<String, String> env) {
        if (value == null || value.isBlank()) {
            throw new Cli.UsageException(flag + " is empty: give a SQLite file or a postgresql://host:port/database URL.");
        }
        try {
            return HistoryLocation.parse(value, flag, env);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage(), e);
        }
    }

    private static HistoryStore open(String flag, HistoryLocation location) {
        try {
            return HistoryStore.open(location);
        } catch (HistoryException e) {
            throw new Cli.UsageException(flag + ": " + e.getMessage(), e);
        }
    }

    /** A bar on a terminal ({@code \r}-redrawn); a line per tenth elsewhere (a CI log). */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private int lastTenth = -1;
        private boolean drawn;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void show(int done, int total, int added) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + " runs, " + added + " new";
            if (terminal) {
                err.print("\r" + line);
                drawn = true;
            } else {
                int tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth != lastTenth) {
                    err.println(line);
                    lastTenth = tenth;
                }
            }
            err.flush();
        }

        void end() {
            if (drawn) {
                err.println();
            }
            err.flush();
        }
    }
}
