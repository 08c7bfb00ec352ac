package dev.healdesk.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The plain forms of the short commands ({@code history}, {@code report}, {@code triage}) and of {@code run} read
 * without picocli: a process that runs a short command spent more of its time in picocli (its model built from the
 * annotations, 30 built-in type converters registered by reflection, the parser) than in the command, and a run a
 * sixth of its main thread's work before its suites started. Only what picocli reads one way is taken
 * here: options of the command, each once, a flag bare and a value attached ({@code --limit=50}, not {@code --limit
 * 50}, which picocli may read otherwise when the value looks like an option or a command), numbers and paths as its
 * converters read them, the command's positional parameters. Anything else (help and version, {@code history copy},
 * an unknown or repeated option, a value picocli would refuse, {@code @file} arguments, a missing required option)
 * makes {@link #read} decline, and picocli reads the arguments as before, with its messages and its help. The command
 * runs the same {@code call()} either way, and what it throws is told as picocli's handler tells it
 * ({@link Cli#failure}). {@code QuickStartTest} holds both readings to the same fields.
 */
final class QuickStart {

    private QuickStart() {
    }

    /** A short command that the quick reading can fill: the fields picocli fills, set by option name. */
    interface Command {
        /**
         * Takes option {@code name} with its attached {@code value} (null for a bare flag): false when it is not an
         * option of this command, or a value picocli would not read the same way (then picocli reads them all).
         */
        boolean option(String name, String value);

        /** Takes positional parameter {@code index}; false when the command has none there (the default: none at all). */
        default boolean parameter(int index, String value) {
            return false;
        }

        /**
         * Whether every required option and parameter was given (else picocli says which is missing); the default is
         * for a command that requires none.
         */
        default boolean complete() {
            return true;
        }

        /** The command's own work, writing to {@code out} and {@code err}. */
        Integer call(PrintWriter out, PrintWriter err) throws Exception;
    }

    /**
     * Runs {@code args} when they are a plain form of a short command; null when they are not (nothing was run, and
     * picocli reads them).
     */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        Command command = read(args);
        if (command == null) {
            return null;
        }
        try {
            return command.call(out, err);
        } catch (Exception e) {
            return Cli.failure(e, err);
        }
    }

    /** The command {@code args} name, filled from them; null when picocli must read them. */
    static Command read(String[] args) {
        if (args.length == 0) {
            return null;
        }
        Command command = switch (args[0]) {
            case "history" -> new HistoryCommand();
            case "report" -> new ReportCommand();
            case "triage" -> new TriageCommand();
            case "run" -> new RunCommand();
            default -> null;
        };
        if (command == null) {
            return null;
        }
        Set<String> given = new HashSet<>();
        int position = 0;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq < 0 ? null : arg.substring(eq + 1);
                // a repeated option is picocli's error to tell; an empty value, picocli's to read
                if (!given.add(name) || value != null && value.isEmpty() || !command.option(name, value)) {
                    return null;
                }
            } else if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")
                    || !command.parameter(position++, arg)) {
                // options of one dash (-h, -V), "--", an @file to expand, a subcommand or a parameter too many
                return null;
            }
        }
        return command.complete() ? command : null;
    }

    /** A bare flag: true; with a value ({@code --json=true}), picocli's to read. */
    static boolean flag(String value) {
        return value == null;
    }

    /** A count as picocli reads it: plain decimal digits, no sign or leading zero; -1 for anything else. */
    static int number(String value) {
        if (value == null || value.isEmpty() || value.length() > 9 || value.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(value);
    }

    /** A path as picocli's converter makes it ({@code Paths.get}); null for a value given bare or not a path. */
    static Path path(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
