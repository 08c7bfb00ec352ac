package dev.healdesk.core.schedule;

import dev.healdesk.core.run.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a scheduler starts: an argument vector run in a working folder, and how it is written for systemd (a
 * {@code .service} and a {@code .timer} unit) and for cron (one crontab line). Only the arguments are written: never
 * an environment variable, so no secret reaches a unit file or a crontab; the run reads them itself ({@code .env}
 * in the working folder, or the scheduler's environment).
 */
public record ScheduledCommand(List<String> argv, Path workingDirectory) {

    /** The names of the units, in the user's systemd unit folder. */
    public static final String SERVICE = "healdesk-run.service";
    public static final String TIMER = "healdesk-run.timer";

    private static final String HEADER = "# Written by `healdesk schedule install`; `healdesk schedule remove` deletes it.\n";

    /**
     * @throws IllegalArgumentException when an argument or the folder holds a control character (a line break would
     *                                  end the unit file's line or the crontab's entry), naming it
     */
    public ScheduledCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("the working folder must be absolute: " + workingDirectory);
        }
        for (String arg : argv) {
            refuseControl(arg, "argument");
        }
        refuseControl(workingDirectory.toString(), "working folder");
    }

    private static void refuseControl(String text, String what) {
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the " + what + " '" + text.replaceAll("\\p{Cntrl}", "?")
                    + "' holds a control character (a line break or a tab), which a unit file or a crontab line"
                    + " cannot carry; rename it");
        }
    }

    /** {@code healdesk-run.service}: one run, in the working folder, as an argument vector in systemd's quoting. */
    public String serviceUnit() {
        return HEADER
                + "[Unit]\n"
                + "Description=Healdesk scheduled run\n"
                + "\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "WorkingDirectory=" + workingDirectory.toString().replace("%", "%%") + "\n"
                // the history records the run as a scheduled one (Provenance)
                + "Environment=" + Provenance.ORIGIN_ENV + "=schedule\n"
                + "ExecStart=" + String.join(" ", argv.stream().map(ScheduledCommand::systemdQuote).toList()) + "\n";
    }

    /** {@code healdesk-run.timer}: when, in UTC; a run missed while the machine was off happens at the next boot. */
    public static String timerUnit(CronSchedule schedule) {
        StringBuilder unit = new StringBuilder(HEADER)
                .append("[Unit]\n")
                .append("Description=Healdesk scheduled run: ").append(schedule.description().replace("%", "%%"))
                .append("\n\n[Timer]\n");
        for (String calendar : schedule.onCalendar()) {
            unit.append("OnCalendar=").append(calendar).append('\n');
        }
        return unit.append("Persistent=true\n")
                .append("Unit=").append(SERVICE).append('\n')
                .append("\n[Install]\nWantedBy=timers.target\n")
                .toString();
    }

    /**
     * One argument of {@code ExecStart=}: double-quoted, with backslash and quote escaped (systemd unescapes C-style
     * inside quotes), {@code %} as {@code %%} (specifiers) and {@code $} as {@code $$} (variable expansion), so
     * systemd passes it to the program exactly as given.
     */
    static String systemdQuote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%").replace("$", "$$") + "\"";
    }

    /** The argument vector of an {@code ExecStart=} line written by {@link #serviceUnit()}; empty for any other. */
    public static Optional<List<String>> parseExecStart(String value) {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '"') {
                return Optional.empty();
            }
            StringBuilder arg = new StringBuilder();
            i++;
            while (true) {
                if (i >= value.length()) {
                    return Optional.empty();
                }
                char d = value.charAt(i);
                if (d == '"') {
                    i++;
                    break;
                }
                if ((d == '\\' || d == '%' || d == '$') && i + 1 < value.length()) {
                    char e = value.charAt(i + 1);
                    if (d == '\\' && (e == '\\' || e == '"') || d == e) {
                        arg.append(e);
                        i += 2;
                        continue;
                    }
                }
                arg.append(d);
                i++;
            }
            args.add(arg.toString());
        }
        return Optional.of(args);
    }

    /**
     * The crontab lines: {@code CRON_TZ=UTC}, then the schedule and the command as a shell line: {@code cd} to the
     * working folder, then the program (told it runs on a schedule, {@code HEALDESK_ORIGIN=schedule}) with every
     * argument single-quoted, and {@code %} (a line break to cron)
     * escaped.
     */
    public List<String> crontabLines(CronSchedule schedule) {
        String command = "cd " + shellQuote(workingDirectory.toString()) + " && " + Provenance.ORIGIN_ENV
                + "=schedule exec "
                + String.join(" ", argv.stream().map(ScheduledCommand::shellQuote).toList());
        return List.of("CRON_TZ=UTC", schedule.expression() + " " + command.replace("%", "\\%"));
    }

    /** One word for sh: single-quoted, a quote inside written as '\''. */
    static String shellQuote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
