package dev.healdesk.core.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduledCommandTest {

    /** Arguments that each break a naive quoting: spaces, quotes, backslashes, systemd specifiers and variables. */
    private static final List<String> AWKWARD = List.of("a b", "it's", "say \"hi\"", "back\\slash", "50%", "%h",
            "$HOME", "${USER}", ";", "*", "`id`", "");

    @TempDir
    Path dir;

    @Test
    void theServiceRunsTheArgumentVectorInTheWorkingFolderAndNothingElse() {
        ScheduledCommand command = new ScheduledCommand(List.of("/opt/healdesk/bin/Healdesk", "run", "--dry-run",
                "--projects=health,contracts"), Path.of("/srv/heal 100%"));

        assertThat(command.serviceUnit()).isEqualTo("""
                # Written by `healdesk schedule install`; `healdesk schedule remove` deletes it.
                [Unit]
                Description=Healdesk scheduled run

                [Service]
                Type=oneshot
                WorkingDirectory=/srv/heal 100%%
                Environment=HEALDESK_ORIGIN=schedule
                ExecStart="/opt/healdesk/bin/Healdesk" "run" "--dry-run" "--projects=health,contracts"
                """);
    }

    @Test
    void theTimerElapsesOnTheScheduleInUtcAndCatchesUpAfterDowntime() {
        assertThat(ScheduledCommand.timerUnit(CronSchedule.every("12h"))).isEqualTo("""
                # Written by `healdesk schedule install`; `healdesk schedule remove` deletes it.
                [Unit]
                Description=Healdesk scheduled run: every 12 hours: 06:00, 18:00 UTC (cron '0 6,18 * * *')

                [Timer]
                OnCalendar=*-*-* 06,18:00:00 UTC
                Persistent=true
                Unit=healdesk-run.service

                [Install]
                WantedBy=timers.target
                """);
        assertThat(ScheduledCommand.timerUnit(CronSchedule.cron("0 6 1 * mon")))
                .contains("OnCalendar=*-*-01 06:00:00 UTC\nOnCalendar=Mon *-*-* 06:00:00 UTC\n");
    }

    @Test
    void systemdQuotingEscapesQuotesBackslashesSpecifiersAndVariables() {
        assertThat(ScheduledCommand.systemdQuote("say \"hi\" \\ 50% $HOME"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ 50%% $$HOME\"");
        List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/java"));
        argv.addAll(AWKWARD);
        String unit = new ScheduledCommand(argv, dir).serviceUnit();
        String execStart = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow()
                .substring("ExecStart=".length());
        assertThat(ScheduledCommand.parseExecStart(execStart)).contains(argv);
    }

    /** The crontab line is run the way cron runs it: '%' unescaped by cron, the rest by sh. */
    @Test
    void theCrontabLineGivesTheProgramExactlyItsArguments() throws Exception {
        Path record = dir.resolve("argv.txt");
        Path program = dir.resolve("record args");
        Files.writeString(program, "#!/bin/sh\npwd > '" + record + "'\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '"
                + record + "'; done\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workdir = Files.createDirectories(dir.resolve("it's 100% here"));
        List<String> argv = new java.util.ArrayList<>(List.of(program.toString()));
        argv.addAll(AWKWARD);

        List<String> lines = new ScheduledCommand(argv, workdir).crontabLines(CronSchedule.every("12h"));

        assertThat(lines.get(0)).isEqualTo("CRON_TZ=UTC");
        assertThat(lines.get(1)).startsWith("0 6,18 * * * cd '");
        assertThat(lines.get(1).replaceAll("\\\\%", "")).doesNotContain("%");
        String shellLine = lines.get(1).substring("0 6,18 * * * ".length()).replace("\\%", "%");
        Process sh = new ProcessBuilder("/bin/sh", "-c", shellLine).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes());
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(out).isZero();
        List<String> recorded = Files.readAllLines(record);
        assertThat(recorded.get(0)).isEqualTo(workdir.toString());
        assertThat(recorded.subList(1, recorded.size())).isEqualTo(AWKWARD);
    }

    @Test
    void aLineBreakInAnArgumentOrTheFolderIsRefused() {
        assertThatThrownBy(() -> new ScheduledCommand(List.of("/usr/bin/java", "a\nb"), dir))
                .hasMessageContaining("the argument 'a?b' holds a control character");
        assertThatThrownBy(() -> new ScheduledCommand(List.of("/usr/bin/java"), dir.resolve("x\ny")))
                .hasMessageContaining("the working folder");
        assertThatThrownBy(() -> new ScheduledCommand(List.of("/usr/bin/java"), Path.of("relative")))
                .hasMessageContaining("must be absolute");
    }
}
