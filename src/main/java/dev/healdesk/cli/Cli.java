package dev.healdesk.cli;

import dev.healdesk.core.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The headless front end: picocli commands over the same core the console uses.
 * <p>
 * Only the command a process runs is built: picocli reads each command's annotations when it is added, and building
 * all eleven (with what their fields load: Jackson for {@code triage}, the run's and the doctor's types) cost a
 * {@code history} process more than half its time. The whole tree is built when the first argument names no command
 * ({@code --help}, {@code help}, a misspelt command, an option), so the help and the messages are the same as before.
 */
@Command(name = "healdesk", mixinStandardHelpOptions = true, version = "Healdesk 0.1.0",
        description = "Self-healing test runs: run suites, triage failures, keep history, write reports.")
public final class Cli implements Runnable {

    /** The commands, in the order the help lists them. */
    static final List<String> COMMANDS = List.of("run", "triage", "report", "history", "doctor", "config", "redact",
            "sandbox", "schedule", "bench", "merge");

    /** picocli's system property that spares it the search for Groovy closures in annotations. */
    static final String NO_GROOVY = "picocli.disable.closures";

    /** picocli's system property: the built-in type converters it does not register (regular expressions). */
    static final String NO_TIME_OR_SQL_CONVERTERS = "picocli.converters.excludes";
    /** java.time's and java.sql's types: no option of Healdesk's has one. */
    static final String EXCLUDED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

    /** Exit codes: 0 healthy, 1 degraded or failing, 2 usage or configuration error, 3 internal error. */
    public static final int HEALTHY = 0;
    public static final int UNHEALTHY = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: use run, merge, triage, report, history, doctor, config, redact, sandbox, schedule or bench"
                        + " (or no arguments at all for the console)");
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, with the console's own figure for {@code bench --only=tokens}. */
    public static int execute(ConsoleBenchmark tokenLatency, String... args) {
        return execute(tokenLatency, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(null, out, err, args);
    }

    /** A plain form of a short command runs without picocli ({@link QuickStart}); the rest as picocli reads it. */
    private static int execute(ConsoleBenchmark tokenLatency, PrintWriter out, PrintWriter err, String[] args) {
        Integer quick = QuickStart.run(args, out, err);
        if (quick != null) {
            return quick;
        }
        CommandLine cmd = commandLine(tokenLatency, args);
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    /**
     * The top command with the one {@code args} run when the first argument names a command, with none for a lone
     * {@code --version}, else with them all and {@code help}.
     */
    static CommandLine commandLine(ConsoleBenchmark tokenLatency, String[] args) {
        // picocli otherwise looks for Groovy's Closure class, which no jar here holds: a search of every jar on the
        // class path (sixty of them packaged) at each start, for annotations Healdesk does not write
        if (System.getProperty(NO_GROOVY) == null) {
            System.setProperty(NO_GROOVY, "true");
        }
        // picocli registers converters for java.time's and java.sql's types by reflection when it is made: a
        // Class.forName that runs each class's initialiser (java.time's formatters) and a method lookup each, for
        // option types no command here has (CliCommandTreeTest checks that none has)
        if (System.getProperty(NO_TIME_OR_SQL_CONVERTERS) == null) {
            System.setProperty(NO_TIME_OR_SQL_CONVERTERS, EXCLUDED_CONVERTERS);
        }
        CommandLine cmd = new CommandLine(new Cli());
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            cmd.addSubcommand(args[0], command(args[0], tokenLatency));
        } else if (!(args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")))) {
            for (String name : COMMANDS) {
                cmd.addSubcommand(name, command(name, tokenLatency));
            }
            cmd.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(new UsageMessage());
        cmd.setExecutionExceptionHandler(new FailureMessage());
        return cmd;
    }

    /**
     * A mistake in the arguments: the message and where to find the options, exit 2. A class, not a lambda: picocli's
     * handler interfaces are Java 5 class files, which the class-data archive keeps only while nothing links them when
     * it is written, and a lambda's proxy does (picocli's jar was then opened at every start for them).
     */
    private static final class UsageMessage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] given) {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("healdesk: " + ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return USAGE;
        }
    }

    /** What a command threw: an operator's mistake or an unusable file (exit 2), else a bug (exit 3, logged). */
    private static final class FailureMessage implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine c, CommandLine.ParseResult parseResult) {
            return failure(ex, c.getErr());
        }
    }

    /** What a command threw, told on {@code err}: exit 2 for an operator's mistake or an unusable file, else 3. */
    static int failure(Exception ex, PrintWriter err) {
        if (ex instanceof UsageException u) {
            err.println("healdesk: " + u.getMessage());
            return USAGE;
        }
        java.io.IOException io = ex instanceof java.io.IOException e ? e
                : ex instanceof java.io.UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            // A file that cannot be read or written is the environment's doing, not a bug: say which and what to do.
            err.println("healdesk: " + ioMessage(io));
            return USAGE;
        }
        org.slf4j.LoggerFactory.getLogger(Cli.class).error("internal error", ex);
        err.println("healdesk: internal error: " + (ex.getMessage() == null ? "an unexpected failure"
                : ex.getMessage()) + ". This is a bug in Healdesk, not in your input; the log has the details.");
        return INTERNAL;
    }

    /** A new instance of the command {@code name} (one of {@link #COMMANDS}): a switch, so no other is loaded. */
    private static Object command(String name, ConsoleBenchmark tokenLatency) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "triage" -> new TriageCommand();
            case "report" -> new ReportCommand();
            case "history" -> new HistoryCommand();
            case "doctor" -> new DoctorCommand();
            case "config" -> new ConfigCommand();
            case "redact" -> new RedactCommand();
            case "sandbox" -> new SandboxCommand();
            case "schedule" -> new ScheduleCommand();
            case "bench" -> {
                BenchCommand bench = new BenchCommand();
                bench.tokenLatency = tokenLatency;
                yield bench;
            }
            case "merge" -> new MergeCommand();
            default -> throw new IllegalArgumentException("not a command: " + name);
        };
    }

    /** What an I/O failure means for the operator, without a Java class name. */
    static String ioMessage(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return f.getFile() + " does not exist: check the path.";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "cannot use " + f.getFile() + ": permission denied. Let Healdesk's user read or write it.";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return "cannot use " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")")
                    + ": check the path, its permissions and the free space.";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "a file is not UTF-8 text: save it as UTF-8.";
        }
        return (e.getMessage() == null ? "a file could not be read or written" : e.getMessage())
                + ": check the path, its permissions and the free space.";
    }

    /**
     * The settings of this process (settings file < .env < environment); a problem in any layer is an operator's
     * mistake that names its file and line: exit 2, nothing run.
     */
    static Config config() {
        try {
            return Config.fromProcess().requireValid();
        } catch (Config.ConfigException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** An operator's mistake (a file, a flag, a target): message names it and says what to do; exit 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }

        public UsageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
