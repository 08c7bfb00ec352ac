package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.schedule.CronSchedule;
import dev.healdesk.core.schedule.ScheduleException;
import dev.healdesk.core.schedule.ScheduledCommand;
import dev.healdesk.core.schedule.SystemdSchedule;
import dev.healdesk.core.suite.playwright.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code healdesk schedule}: scheduled headless runs, as a systemd user timer, a crontab line or a GitHub workflow. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Scheduled runs: a systemd user timer (install, remove, status), a crontab line, or a GitHub"
                + " Actions workflow.",
        subcommands = {ScheduleCommand.Install.class, ScheduleCommand.Remove.class, ScheduleCommand.Status.class,
                ScheduleCommand.Workflow.class})
final class ScheduleCommand implements Runnable {

    /** The GitHub Actions workflow, a resource beside this class; the scheduling page shows the same file. */
    static final String WORKFLOW = "healing.yml";
    /** The main class a scheduled run starts when Healdesk does not run from a packaged launcher. */
    static final String MAIN_CLASS = "dev.healdesk.Launcher";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: use schedule install, schedule remove, schedule status or schedule workflow.");
    }

    /**
     * How this Healdesk is started again: its packaged launcher (jpackage sets {@code jpackage.app-path}), else the
     * java running now with the class path Healdesk runs from, every entry absolute, and the main class.
     */
    static List<String> launcher() {
        String app = System.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            return List.of(Path.of(app).toAbsolutePath().toString());
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(java, "-cp", classPath, MAIN_CLASS);
    }

    static String when(ZonedDateTime t) {
        return WHEN.format(t.withZoneSameInstant(ZoneOffset.UTC));
    }

    /** {@code schedule install}: writes and enables the timer, or prints the crontab line. */
    @Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run 'healdesk run' on a schedule, in this folder (where .env and ./healing-results are):"
                    + " writes healdesk-run.service and healdesk-run.timer into $XDG_CONFIG_HOME/systemd/user and"
                    + " enables the timer. Without a systemd user manager (or with --crontab) it prints the crontab"
                    + " line instead and changes nothing.",
                    "No environment variable is written anywhere: the run reads .env and its environment itself."})
    static final class Install implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--every", paramLabel = "INTERVAL",
                description = "Nh (N dividing 24, at N-hour steps through 06:00 UTC) or Nm (N dividing 60, from 5)."
                        + " Default 12h: 06:00 and 18:00 UTC.")
        String every;

        @Option(names = "--cron", paramLabel = "EXPR",
                description = "A crontab(5) schedule in UTC instead, e.g. '0 6,18 * * *' or '30 7 * * mon-fri'.")
        String cron;

        @Option(names = "--crontab", description = "Print the crontab line and change nothing, even with systemd.")
        boolean crontab;

        /** The flags passed on to each scheduled 'healdesk run', as that command declares them. */
        @Mixin
        RunFlags run = new RunFlags();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> env = Config.fromProcess().env();
            CronSchedule schedule = schedule();
            List<String> runArgs = run.asArguments();
            RunCommand.check(runArgs, env);
            List<String> argv = new ArrayList<>(launcher());
            argv.add("run");
            argv.addAll(runArgs);
            ScheduledCommand command;
            try {
                command = new ScheduledCommand(argv, Path.of("").toAbsolutePath());
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageException("Cannot schedule this run: " + e.getMessage() + ".");
            }
            SystemdSchedule systemd = new SystemdSchedule(env, Redactor.standard()::redact);
            if (crontab) {
                printCrontab(out, command, schedule, null);
                return Cli.HEALTHY;
            }
            Optional<String> unusable = systemd.unusable();
            if (unusable.isPresent()) {
                printCrontab(out, command, schedule, unusable.get());
                return Cli.HEALTHY;
            }
            List<Path> written;
            try {
                written = systemd.install(command, schedule);
            } catch (ScheduleException e) {
                throw new Cli.UsageException(e.getMessage(), e);
            }
            written.forEach(f -> out.println("Wrote " + f));
            out.println("Enabled and started " + ScheduledCommand.TIMER + ": " + schedule.description() + ".");
            schedule.next(ZonedDateTime.now(ZoneOffset.UTC))
                    .ifPresent(t -> out.println("Next run: " + when(t) + "."));
            out.println("Each run: healdesk " + String.join(" ", argv.subList(argv.size() - runArgs.size() - 1,
                    argv.size())) + ", in " + command.workingDirectory() + ", started by " + argv.get(0) + ".");
            out.println("Its output: journalctl --user -u " + ScheduledCommand.SERVICE + "; its state: healdesk"
                    + " schedule status. To run while you are logged out: loginctl enable-linger "
                    + System.getProperty("user.name") + ".");
            out.flush();
            return Cli.HEALTHY;
        }

        private CronSchedule schedule() {
            if (every != null && cron != null) {
                throw new Cli.UsageException("--every and --cron both given: give one (default --every="
                        + CronSchedule.DEFAULT_EVERY + ").");
            }
            try {
                return cron != null ? CronSchedule.cron(cron)
                        : CronSchedule.every(every != null ? every : CronSchedule.DEFAULT_EVERY);
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageException((cron != null ? "--cron: " : "--every: ") + e.getMessage());
            }
        }

        private static void printCrontab(PrintWriter out, ScheduledCommand command, CronSchedule schedule,
                                         String whyNotSystemd) {
            out.println((whyNotSystemd != null ? "Not installed: " + whyNotSystemd + ". " : "") + "Nothing was written."
                    + " To run with cron instead (" + schedule.description() + "), add these two lines with"
                    + " 'crontab -e':");
            out.println();
            command.crontabLines(schedule).forEach(out::println);
            out.println();
            ZoneId zone = ZoneId.systemDefault();
            boolean utc = zone.getRules().isFixedOffset() && zone.getRules().getOffset(Instant.EPOCH)
                    .getTotalSeconds() == 0;
            out.println("The times are UTC through CRON_TZ=UTC, which cronie (Fedora, RHEL, Arch) honours; Debian's"
                    + " and Ubuntu's cron ignore it and read them in the system's time zone, "
                    + (utc ? "which is UTC here, so both agree." : zone.getId() + " here: convert the hours for those."));
            out.flush();
        }
    }

    /** {@code schedule remove}: disables the timer and deletes both units. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Disable and stop healdesk-run.timer, delete it and healdesk-run.service, reload systemd.")
    static final class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SystemdSchedule systemd = new SystemdSchedule(Config.fromProcess().env(), Redactor.standard()::redact);
            if (!systemd.installed()) {
                out.println("No Healdesk schedule installed: there is no " + ScheduledCommand.TIMER + " in "
                        + systemd.unitDir() + ". A crontab line, if you added one, is removed with 'crontab -e'.");
                out.flush();
                return Cli.HEALTHY;
            }
            Optional<String> unusable = systemd.unusable();
            List<Path> deleted;
            try {
                deleted = systemd.remove(unusable.isEmpty());
            } catch (ScheduleException e) {
                throw new Cli.UsageException(e.getMessage(), e);
            }
            if (unusable.isEmpty()) {
                out.println("Disabled and stopped " + ScheduledCommand.TIMER + ".");
            }
            deleted.forEach(f -> out.println("Deleted " + f));
            unusable.ifPresent(why -> out.println("systemd was not told (" + why + "): a timer it still runs stops"
                    + " at its next reload (systemctl --user daemon-reload)."));
            out.flush();
            return Cli.HEALTHY;
        }
    }

    /** {@code schedule status}: installed or not, when, the timer's next and last trigger, the last stored run. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether the timer is installed, its schedule, next and last trigger, and the last run the"
                    + " history database holds.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "One JSON object instead of lines.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> env = Config.fromProcess().env();
            SystemdSchedule systemd = new SystemdSchedule(env, Redactor.standard()::redact);
            ObjectNode doc = new ObjectMapper().createObjectNode();
            boolean installed = Files.isRegularFile(systemd.timerFile()) && Files.isRegularFile(systemd.serviceFile());
            doc.put("installed", installed);
            doc.put("unitDir", systemd.unitDir().toString());
            Path workdir = Path.of("").toAbsolutePath();
            Path resultsDir = null;
            if (installed) {
                List<String> calendars = new ArrayList<>();
                String description = "";
                for (Map.Entry<String, String> e : SystemdSchedule.entries(systemd.timerFile())) {
                    if (e.getKey().equals("OnCalendar")) {
                        calendars.add(e.getValue());
                    } else if (e.getKey().equals("Description")) {
                        description = e.getValue().replace("%%", "%");
                    }
                }
                List<String> argv = List.of();
                for (Map.Entry<String, String> e : SystemdSchedule.entries(systemd.serviceFile())) {
                    if (e.getKey().equals("WorkingDirectory")) {
                        workdir = Path.of(e.getValue().replace("%%", "%"));
                    } else if (e.getKey().equals("ExecStart")) {
                        argv = ScheduledCommand.parseExecStart(e.getValue()).orElse(List.of());
                    }
                }
                for (String arg : argv) {
                    if (arg.startsWith("--results-dir=")) {
                        resultsDir = Path.of(arg.substring("--results-dir=".length()));
                    }
                }
                doc.put("description", description);
                calendars.forEach(doc.putArray("onCalendar")::add);
                argv.forEach(doc.putArray("command")::add);
                doc.put("workingDirectory", workdir.toString());
                Optional<String> unusable = systemd.unusable();
                if (unusable.isEmpty()) {
                    try {
                        Map<String, String> state = systemd.timerState();
                        doc.put("activeState", state.getOrDefault("ActiveState", ""));
                        doc.put("nextTrigger", state.getOrDefault("NextElapseUSecRealtime", ""));
                        doc.put("lastTrigger", state.getOrDefault("LastTriggerUSec", ""));
                    } catch (ScheduleException e) {
                        doc.put("systemdProblem", e.getMessage());
                    }
                } else {
                    doc.put("systemdProblem", unusable.get());
                }
            }
            HealdeskPaths paths = StoredHistory.paths(resultsDir, null, env);
            Path db = workdir.resolve(paths.dbFile());
            doc.put("database", paths.onServer() ? paths.describeHistory() : db.toString());
            doc.set("lastRun", lastRun(paths.onServer() ? paths : paths.withDbFile(db), env).<JsonNode>map(r -> {
                ObjectNode o = doc.objectNode();
                o.put("runId", r.runId());
                o.put("startedAt", r.startedAt().toString());
                o.put("state", r.outcome().state().id());
                o.put("status", r.status().id());
                o.put("healthScore", r.healthScore());
                o.put("runFolder", r.runFolder());
                return o;
            }).orElse(doc.nullNode()));
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(doc));
            } else {
                print(out, doc, systemd);
            }
            out.flush();
            return Cli.HEALTHY;
        }

        private static void print(PrintWriter out, ObjectNode doc, SystemdSchedule systemd) {
            if (!doc.path("installed").asBoolean()) {
                out.println("Not installed: no " + ScheduledCommand.TIMER + " (and " + ScheduledCommand.SERVICE
                        + ") in " + systemd.unitDir() + ". 'healdesk schedule install' installs it; a crontab line,"
                        + " if you added one, shows in 'crontab -l'.");
            } else {
                out.println("Installed: " + systemd.timerFile() + " and " + ScheduledCommand.SERVICE);
                out.println("Schedule: " + doc.path("description").asText().replaceFirst("^Healdesk scheduled run: ", "")
                        + " (OnCalendar=" + String.join(" | ", values(doc, "onCalendar")) + ")");
                out.println("Runs: " + String.join(" ", values(doc, "command")));
                out.println("In: " + doc.path("workingDirectory").asText());
                if (doc.has("systemdProblem")) {
                    out.println("Timer: unknown (" + doc.path("systemdProblem").asText() + ")");
                } else {
                    out.println("Timer: " + orNone(doc.path("activeState").asText()));
                    out.println("Next trigger: " + orNone(doc.path("nextTrigger").asText()));
                    out.println("Last trigger: " + orNone(doc.path("lastTrigger").asText()));
                }
            }
            if (doc.path("lastRun").isNull()) {
                out.println("Last run: none stored in " + doc.path("database").asText());
            } else {
                var r = doc.path("lastRun");
                out.println("Last run: " + r.path("runId").asText() + ", started " + r.path("startedAt").asText()
                        + ", " + r.path("status").asText() + String.format(Locale.ROOT, " (health score %.1f)",
                        r.path("healthScore").asDouble()));
            }
        }

        private static List<String> values(ObjectNode doc, String field) {
            List<String> values = new ArrayList<>();
            doc.path(field).forEach(n -> values.add(n.asText()));
            return values;
        }

        private static String orNone(String value) {
            return value.isEmpty() || value.equals("n/a") ? "none" : value;
        }

        private static Optional<RunRow> lastRun(HealdeskPaths paths, Map<String, String> env) {
            if (!paths.onServer() && !Files.isRegularFile(paths.dbFile())) {
                return Optional.empty();
            }
            try (HistoryStore store = HistoryStore.open(paths.history(env))) {
                return store.listRuns(1, 0).stream().findFirst();
            } catch (HistoryException | IllegalArgumentException e) {
                throw new Cli.UsageException("The history database " + paths.describeHistory() + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
    }

    /** {@code schedule workflow}: the GitHub Actions workflow for scheduled and manual runs. */
    @Command(name = "workflow", mixinStandardHelpOptions = true,
            description = "Print the GitHub Actions workflow (.github/workflows/healing.yml) that runs Healdesk at"
                    + " 06:00 and 18:00 UTC and on demand, and uploads the run folder.")
    static final class Workflow implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "Write it to FILE (folders made) instead.")
        Path outFile;

        @Option(names = "--shards", paramLabel = "N",
                description = "Split the target's Playwright suites over N shard jobs (a matrix, 2 to 64) and merge"
                        + " them in one job with 'healdesk merge'; needs --target.")
        Integer shards;

        @Option(names = "--target", paramLabel = "FILE",
                description = "With --shards: the target file, as a path relative to the repository root.")
        String target;

        @Override
        public Integer call() {
            String text = shards == null ? workflow() : sharded(shards, target);
            if (outFile == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
                return Cli.HEALTHY;
            }
            try {
                Path parent = outFile.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(outFile, text);
            } catch (IOException e) {
                throw new Cli.UsageException("--out: cannot write " + outFile + ": " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("Wrote " + outFile);
            spec.commandLine().getOut().flush();
            return Cli.HEALTHY;
        }
    }

    /** The workflow file's text. */
    static String workflow() {
        return resource(WORKFLOW);
    }

    private static String resource(String name) {
        try (InputStream in = ScheduleCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sharded workflow, a resource beside this class with the shard count and the target filled in. */
    static final String SHARDED_WORKFLOW = "healing-sharded.yml";

    /**
     * The workflow whose {@code shard} jobs (a matrix of {@code count}) each run {@code healdesk run --shard=i/N} and
     * upload the shard's folder, and whose {@code merge} job runs {@code healdesk merge} over all of them. Each job
     * installs the target's Playwright projects ({@code npm ci}, Chromium), read from the target file here.
     *
     * @throws Cli.UsageException naming the flag when the count or the target will not do
     */
    static String sharded(int count, String target) {
        if (count < 2 || count > Shard.MAX) {
            throw new Cli.UsageException("--shards is " + count + ": give a number of shard jobs from 2 to " + Shard.MAX
                    + " (without --shards the workflow runs in one job).");
        }
        if (target == null || target.isBlank() || target.equals("sandbox")) {
            throw new Cli.UsageException("--shards needs --target=FILE: the target file with the Playwright suite to"
                    + " split, as a path relative to the repository root (the built-in sandbox has no Playwright"
                    + " suite).");
        }
        if (!target.matches("[A-Za-z0-9._/-]+") || target.startsWith("/") || target.startsWith("-")) {
            throw new Cli.UsageException("--target: '" + target + "' must be a path relative to the repository root,"
                    + " of letters, digits, '.', '_', '-' and '/' (it goes into the workflow's command lines).");
        }
        StringBuilder install = new StringBuilder();
        for (String dir : playwrightDirs(target)) {
            install.append("      - name: Install the Playwright project ").append(dir).append('\n')
                    .append("        working-directory: ").append(dir).append('\n')
                    .append("        run: npm ci && npx playwright install --with-deps chromium\n");
        }
        List<String> list = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(String.valueOf(i));
            dirs.add("shards/healdesk-shard-" + i);
        }
        return resource(SHARDED_WORKFLOW).replace("@SHARD_LIST@", String.join(", ", list))
                .replace("@SHARD_DIRS@", String.join(" ", dirs)).replace("@SHARDS@", String.valueOf(count))
                .replace("@TARGET@", target).replace("@INSTALL@", install.toString());
    }

    /** The target's Playwright project folders relative to this folder (the repository root). */
    private static List<String> playwrightDirs(String target) {
        Path file = Path.of(target);
        if (!Files.isRegularFile(file)) {
            throw new Cli.UsageException("--target: " + target + " is not a file here (" + Path.of("").toAbsolutePath()
                    + "): run this command at the repository root, with the target file's path from there.");
        }
        Path root = Path.of("").toAbsolutePath();
        List<String> dirs = new ArrayList<>();
        try {
            for (var suite : new dev.healdesk.core.config.TargetFiles().load(file, Config.fromProcess().env())
                    .suites()) {
                if ("playwright".equals(suite.kind())) {
                    Path dir = Path.of(suite.dir());
                    String relative = dir.startsWith(root) ? root.relativize(dir).toString() : null;
                    if (relative == null || relative.isEmpty() || !relative.matches("[A-Za-z0-9._/-]+")) {
                        throw new Cli.UsageException("--target: the Playwright suite folder " + dir + " is not inside"
                                + " this folder (" + root + "), so the workflow cannot install it: run this command"
                                + " at the repository root.");
                    }
                    if (!dirs.contains(relative)) {
                        dirs.add(relative);
                    }
                }
            }
        } catch (dev.healdesk.core.config.TargetFileException e) {
            throw new Cli.UsageException("--target: " + e.getMessage(), e);
        }
        if (dirs.isEmpty()) {
            throw new Cli.UsageException("--target: " + target + " has no Playwright suite, so --shards has nothing to"
                    + " split. Add a suite of kind playwright, or leave --shards out.");
        }
        return dirs;
    }
}
