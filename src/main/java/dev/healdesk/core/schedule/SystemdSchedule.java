package dev.healdesk.core.schedule;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.PlaybookException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Scheduled runs as a systemd user timer: {@code healdesk-run.timer} starts {@code healdesk-run.service}, both in
 * the user's unit folder ({@code $XDG_CONFIG_HOME/systemd/user}, else {@code ~/.config/systemd/user}), driven with
 * {@code systemctl --user} as argument vectors.
 */
public final class SystemdSchedule {

    /** The states {@code systemctl --user is-system-running} prints when a user manager answers. */
    private static final List<String> REACHABLE = List.of("initializing", "starting", "running", "degraded",
            "maintenance", "stopping");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path unitDir;
    private final CommandRunner runner;

    /**
     * @param env    where HOME, XDG_CONFIG_HOME and the PATH that systemctl is looked up on come from
     * @param redact applied to what systemctl prints before it is shown
     */
    public SystemdSchedule(Map<String, String> env, UnaryOperator<String> redact) {
        this.unitDir = unitDir(env);
        Map<String, String> extra = new LinkedHashMap<>();
        if (env.containsKey("PATH")) {
            extra.put("PATH", env.get("PATH"));
        }
        this.runner = new CommandRunner(TIMEOUT, redact, extra);
    }

    /** {@code $XDG_CONFIG_HOME/systemd/user}, else {@code $HOME/.config/systemd/user}. */
    public static Path unitDir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "systemd", "user");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config", "systemd", "user");
    }

    public Path unitDir() {
        return unitDir;
    }

    public Path serviceFile() {
        return unitDir.resolve(ScheduledCommand.SERVICE);
    }

    public Path timerFile() {
        return unitDir.resolve(ScheduledCommand.TIMER);
    }

    /** Whether the schedule's unit files are there. */
    public boolean installed() {
        return Files.exists(timerFile()) || Files.exists(serviceFile());
    }

    /**
     * Why systemd cannot be used here, or empty when a user manager answers {@code systemctl --user}: no systemctl on
     * the PATH, or no user manager (a container, a session without a user bus).
     */
    public Optional<String> unusable() {
        if (!runner.onPath("systemctl")) {
            return Optional.of("systemctl is not on the PATH");
        }
        CommandRunner.Result r;
        try {
            r = runner.run(List.of("systemctl", "--user", "is-system-running"));
        } catch (PlaybookException e) {
            return Optional.of(e.getMessage());
        }
        String state = r.stdout().strip();
        if (REACHABLE.contains(state)) {
            return Optional.empty();
        }
        return Optional.of("systemctl --user is-system-running answered '" + (state.isEmpty() ? r.output() : state)
                + "': no systemd user manager is reachable from here");
    }

    /**
     * Writes both units (replacing earlier ones), reloads the user manager, enables the timer and (re)starts it so
     * that a changed schedule takes effect.
     *
     * @return the files written
     * @throws ScheduleException when a file cannot be written or systemctl fails, saying which and what to do
     */
    public List<Path> install(ScheduledCommand command, CronSchedule schedule) throws ScheduleException {
        try {
            Files.createDirectories(unitDir);
            Files.writeString(serviceFile(), command.serviceUnit());
            Files.writeString(timerFile(), ScheduledCommand.timerUnit(schedule));
        } catch (IOException e) {
            throw new ScheduleException("Cannot write the units into " + unitDir + ": " + e.getMessage()
                    + ". Make the folder writable, or use --crontab.", e);
        }
        systemctl("daemon-reload");
        systemctl("enable", ScheduledCommand.TIMER);
        systemctl("restart", ScheduledCommand.TIMER);
        return List.of(serviceFile(), timerFile());
    }

    /**
     * Disables and stops the timer, deletes both units and reloads the user manager.
     *
     * @param reachable whether systemctl may be called (else only the files are deleted)
     * @return the files deleted
     */
    public List<Path> remove(boolean reachable) throws ScheduleException {
        if (reachable) {
            systemctl("disable", "--now", ScheduledCommand.TIMER);
        }
        List<Path> deleted = new ArrayList<>();
        for (Path file : List.of(timerFile(), serviceFile())) {
            try {
                if (Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            } catch (IOException e) {
                throw new ScheduleException("Cannot delete " + file + ": " + e.getMessage() + ". Delete it by hand.", e);
            }
        }
        if (reachable) {
            systemctl("daemon-reload");
        }
        return deleted;
    }

    /** The timer's state: {@code ActiveState}, {@code NextElapseUSecRealtime} and {@code LastTriggerUSec}. */
    public Map<String, String> timerState() throws ScheduleException {
        String out = systemctl("show", ScheduledCommand.TIMER, "-p", "ActiveState", "-p", "NextElapseUSecRealtime",
                "-p", "LastTriggerUSec").stdout();
        Map<String, String> state = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                state.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return state;
    }

    private CommandRunner.Result systemctl(String... args) throws ScheduleException {
        List<String> argv = new ArrayList<>(List.of("systemctl", "--user"));
        argv.addAll(List.of(args));
        CommandRunner.Result r;
        try {
            r = runner.run(argv);
        } catch (PlaybookException e) {
            throw new ScheduleException(e.getMessage(), e);
        }
        if (!r.ok()) {
            throw new ScheduleException(String.join(" ", argv) + " failed (" + (r.timedOut() ? "timed out"
                    : "exit " + r.exitCode()) + ")" + (r.output().isEmpty() ? "" : ": " + r.output())
                    + ". The unit files are in " + unitDir + "; fix what systemctl says and run the command again, or"
                    + " use --crontab.", null);
        }
        return r;
    }

    /** Reads a unit file's {@code Key=value} lines, in order (a key may repeat, as OnCalendar does). */
    public static List<Map.Entry<String, String>> entries(Path unit) throws IOException {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String line : Files.readAllLines(unit)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && !line.startsWith("[") && eq > 0) {
                entries.add(Map.entry(line.substring(0, eq).strip(), line.substring(eq + 1)));
            }
        }
        return entries;
    }
}
