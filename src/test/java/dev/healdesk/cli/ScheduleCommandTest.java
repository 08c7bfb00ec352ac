package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.app.Fixtures;
import dev.healdesk.core.history.HistoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code healdesk schedule} as real Healdesk processes, with a stand-in {@code systemctl} first on their PATH that
 * records each call (one line per call) and answers as a user manager would; HOME and XDG_CONFIG_HOME are temporary.
 */
class ScheduleCommandTest {

    private static final String SECRET = "pw-5up3r-s3cret-7781";
    private static final String ENV_PROJECTS = "projects-from-the-environment";
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();
    private static final String CP = System.getProperty("java.class.path");
    /** The class path as a scheduled run gets it: Surefire's, without its empty entries. */
    private static final String RUN_CP = Arrays.stream(CP.split(File.pathSeparator)).filter(e -> !e.isEmpty())
            .collect(Collectors.joining(File.pathSeparator));
    private static final List<String> LAUNCHER = List.of(JAVA, "-cp", RUN_CP, "dev.healdesk.Launcher");

    @TempDir
    Path dir;
    Path work;
    Path bin;
    Path units;
    Path calls;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void standIns() throws IOException {
        work = Files.createDirectories(dir.resolve("work dir"));
        bin = Files.createDirectories(dir.resolve("bin"));
        units = dir.resolve("xdg/systemd/user");
        calls = dir.resolve("systemctl.calls");
        Path script = bin.resolve("systemctl");
        Files.writeString(script, "#!/bin/sh\n"
                + "printf '%s\\n' \"$*\" >> '" + calls + "'\n"
                + "case \"$2\" in\n"
                + "  is-system-running) if [ -e '" + dir.resolve("offline") + "' ]; then echo offline; exit 1; fi;"
                + " echo degraded; exit 1 ;;\n"
                + "  show) printf 'NextElapseUSecRealtime=Tue 2025-01-07 18:00:00 UTC\\nLastTriggerUSec=Tue 2025-01-07"
                + " 06:00:00 UTC\\nActiveState=active\\n' ;;\n"
                + "  enable) if [ -e '" + dir.resolve("enable-fails") + "' ]; then"
                + " echo 'Failed to enable unit: Access denied' >&2; exit 1; fi ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run healdesk(String pathDirs, List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", CP, "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", pathDirs);
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        env.put("TEST_PASSWORD", SECRET);
        env.put("HEAL_PROJECTS", ENV_PROJECTS);
        env.put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("healdesk finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run healdesk(String... args) throws Exception {
        return healdesk(bin + ":/usr/bin:/bin", List.of(), args);
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private static String execStart(List<String> argv) {
        return "ExecStart=" + String.join(" ", argv.stream().map(a -> "\"" + a + "\"").toList()) + "\n";
    }

    private static List<String> launched(String... runArgs) {
        List<String> argv = new ArrayList<>(LAUNCHER);
        argv.add("run");
        argv.addAll(List.of(runArgs));
        return argv;
    }

    @Test
    void installWritesBothUnitsEnablesTheTimerAndCopiesNoEnvironmentValue() throws Exception {
        Run run = healdesk("schedule", "install", "--dry-run", "--projects=health,contracts", "--max-fixes=2");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(calls()).containsExactly("--user is-system-running", "--user daemon-reload",
                "--user enable healdesk-run.timer", "--user restart healdesk-run.timer");
        String service = Files.readString(units.resolve("healdesk-run.service"));
        assertThat(service).isEqualTo("""
                # Written by `healdesk schedule install`; `healdesk schedule remove` deletes it.
                [Unit]
                Description=Healdesk scheduled run

                [Service]
                Type=oneshot
                WorkingDirectory=%s
                Environment=HEALDESK_ORIGIN=schedule
                """.formatted(work) + execStart(launched("--projects=health,contracts", "--dry-run", "--max-fixes=2")));
        String timer = Files.readString(units.resolve("healdesk-run.timer"));
        assertThat(timer).isEqualTo("""
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
        for (String text : List.of(service, timer, run.out(), run.err())) {
            // the one Environment= line is the constant that marks the run as scheduled, no value of this process's
            assertThat(text.replace("Environment=HEALDESK_ORIGIN=schedule\n", "")).doesNotContain(SECRET)
                    .doesNotContain(ENV_PROJECTS).doesNotContain("Environment");
        }
        assertThat(run.out()).contains("Wrote " + units.resolve("healdesk-run.service"),
                "Enabled and started healdesk-run.timer: every 12 hours: 06:00, 18:00 UTC", "Next run: ",
                "Each run: healdesk run --projects=health,contracts --dry-run --max-fixes=2, in " + work);
        verifiedBySystemd();
    }

    /** systemd's own parser reads both files without a complaint (quoting, calendar, the program exists). */
    private void verifiedBySystemd() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/systemd-analyze", "verify",
                units.resolve("healdesk-run.timer").toString(), units.resolve("healdesk-run.service").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("ignoring").doesNotContain("Unbalanced");
    }

    @Test
    void everyAndCronBecomeTheTimersCalendar() throws Exception {
        assertThat(healdesk("schedule", "install", "--every=6h").code()).isZero();
        assertThat(Files.readString(units.resolve("healdesk-run.timer")))
                .contains("\nOnCalendar=*-*-* 00,06,12,18:00:00 UTC\nPersistent=true\n");
        assertThat(healdesk("schedule", "install", "--every=24h").code()).isZero();
        assertThat(Files.readString(units.resolve("healdesk-run.timer")))
                .contains("\nOnCalendar=*-*-* 06:00:00 UTC\nPersistent=true\n");
        Run cron = healdesk("schedule", "install", "--cron=30 7 * * mon-fri");
        assertThat(cron.code()).as(cron.err()).isZero();
        assertThat(Files.readString(units.resolve("healdesk-run.timer")))
                .contains("Description=Healdesk scheduled run: cron '30 7 * * mon-fri' in UTC\n")
                .contains("\nOnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 07:30:00 UTC\nPersistent=true\n");
        assertThat(Files.readString(units.resolve("healdesk-run.service"))).endsWith(execStart(launched()));
        verifiedBySystemd();
    }

    @Test
    void aPackagedHealdeskSchedulesItsOwnLauncherAndAbsolutePaths() throws Exception {
        Run run = healdesk(bin + ":/usr/bin:/bin", List.of("-Djpackage.app-path=/opt/healdesk/bin/Healdesk"),
                "schedule", "install", "--target=sandbox", "--results-dir=out", "--approve=none", "--skip-llm=false");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(units.resolve("healdesk-run.service"))).endsWith("ExecStart=\"/opt/healdesk/bin/Healdesk\""
                + " \"run\" \"--target=sandbox\" \"--skip-llm=false\" \"--approve=none\" \"--results-dir=" + work.resolve("out")
                + "\"\n");
    }

    @Test
    void statusShowsTheScheduleTheTimerAndTheLastStoredRun() throws Exception {
        assertThat(healdesk("schedule", "install", "--results-dir=results").code()).isZero();
        try (HistoryStore store = HistoryStore.open(work.resolve("results/healdesk.db"))) {
            store.saveRun(Fixtures.summary("run-20250107-060000-abcd1234", List.of(Fixtures.passed("health/api")),
                    List.of(), List.of()), work.resolve("results/run-20250107-060000-abcd1234"));
        }
        Files.delete(calls);

        Run status = healdesk("schedule", "status");

        assertThat(status.code()).as(status.err()).isZero();
        assertThat(calls()).containsExactly("--user is-system-running",
                "--user show healdesk-run.timer -p ActiveState -p NextElapseUSecRealtime -p LastTriggerUSec");
        assertThat(status.out()).contains("Installed: " + units.resolve("healdesk-run.timer"),
                "Schedule: every 12 hours: 06:00, 18:00 UTC (cron '0 6,18 * * *') (OnCalendar=*-*-* 06,18:00:00 UTC)",
                "Runs: " + String.join(" ", launched("--results-dir=" + work.resolve("results"))),
                "Timer: active", "Next trigger: Tue 2025-01-07 18:00:00 UTC", "Last trigger: Tue 2025-01-07 06:00:00 UTC",
                "Last run: run-20250107-060000-abcd1234, started ");

        JsonNode json = new ObjectMapper().readTree(healdesk("schedule", "status", "--json").out());
        assertThat(json.path("installed").asBoolean()).isTrue();
        assertThat(json.path("onCalendar").get(0).asText()).isEqualTo("*-*-* 06,18:00:00 UTC");
        assertThat(json.path("nextTrigger").asText()).isEqualTo("Tue 2025-01-07 18:00:00 UTC");
        assertThat(json.path("lastRun").path("runId").asText()).isEqualTo("run-20250107-060000-abcd1234");
        assertThat(json.path("database").asText()).isEqualTo(work.resolve("results/healdesk.db").toString());
    }

    @Test
    void removeDisablesTheTimerDeletesBothUnitsAndThenHasNothingToDo() throws Exception {
        assertThat(healdesk("schedule", "install").code()).isZero();
        Files.delete(calls);

        Run remove = healdesk("schedule", "remove");

        assertThat(remove.code()).as(remove.err()).isZero();
        assertThat(calls()).containsExactly("--user is-system-running", "--user disable --now healdesk-run.timer",
                "--user daemon-reload");
        assertThat(units.resolve("healdesk-run.timer")).doesNotExist();
        assertThat(units.resolve("healdesk-run.service")).doesNotExist();
        assertThat(remove.out()).contains("Disabled and stopped healdesk-run.timer.",
                "Deleted " + units.resolve("healdesk-run.timer"), "Deleted " + units.resolve("healdesk-run.service"));
        Files.delete(calls);

        Run again = healdesk("schedule", "remove");
        assertThat(again.code()).isZero();
        assertThat(again.out()).startsWith("No Healdesk schedule installed: there is no healdesk-run.timer in " + units);
        assertThat(calls()).isEmpty();
        Run status = healdesk("schedule", "status");
        assertThat(status.out()).startsWith("Not installed: no healdesk-run.timer").contains("Last run: none stored in "
                + work.resolve("healing-results/healdesk.db"));
    }

    @Test
    void withoutSystemctlTheCrontabLineIsPrintedAndNothingWritten() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Run run = healdesk(empty.toString(), List.of(), "schedule", "install", "--every=12h", "--projects=health");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Not installed: systemctl is not on the PATH. Nothing was written.")
                .contains("'crontab -e'")
                .contains("\nCRON_TZ=UTC\n0 6,18 * * * cd '" + work + "' && HEALDESK_ORIGIN=schedule exec '" + JAVA + "' '-cp' '" + RUN_CP
                        + "' 'dev.healdesk.Launcher' 'run' '--projects=health'\n")
                .doesNotContain(SECRET).doesNotContain(ENV_PROJECTS);
        assertThat(dir.resolve("xdg")).doesNotExist();
        assertThat(calls()).isEmpty();
    }

    @Test
    void withoutAUserManagerOrWithCrontabNothingIsWrittenEither() throws Exception {
        Files.createFile(dir.resolve("offline"));
        Run offline = healdesk("schedule", "install");
        assertThat(offline.code()).as(offline.err()).isZero();
        assertThat(offline.out()).startsWith("Not installed: systemctl --user is-system-running answered 'offline'")
                .contains("\nCRON_TZ=UTC\n0 6,18 * * * cd '");
        assertThat(calls()).containsExactly("--user is-system-running");
        Files.delete(dir.resolve("offline"));
        Files.delete(calls);

        Run crontab = healdesk("schedule", "install", "--crontab", "--cron=0 6 * * *");
        assertThat(crontab.code()).isZero();
        assertThat(crontab.out()).startsWith("Nothing was written.").contains("\n0 6 * * * cd '");
        assertThat(calls()).isEmpty();
        assertThat(dir.resolve("xdg")).doesNotExist();
    }

    @Test
    void aFailingSystemctlExitsTwoSayingWhichCommandAndWhy() throws Exception {
        Files.createFile(dir.resolve("enable-fails"));

        Run run = healdesk("schedule", "install");

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("systemctl --user enable healdesk-run.timer failed (exit 1): Failed to enable"
                + " unit: Access denied. The unit files are in " + units);
    }

    @Test
    void badSchedulesAndRunFlagsExitTwoNamingTheFlagAndChangeNothing() throws Exception {
        Map<List<String>, String> cases = new HashMap<>();
        cases.put(List.of("--every=7h"), "healdesk: --every: '7h' does not divide the day evenly.");
        cases.put(List.of("--cron=0 25 * * *"), "healdesk: --cron: field 2 (hour) '25' is out of range 0-23.");
        cases.put(List.of("--cron=0 6 * * *", "--every=6h"), "healdesk: --every and --cron both given: give one");
        cases.put(List.of("--max-fixes=-1"), "healdesk: --max-fixes must be 0 or more, got -1.");
        cases.put(List.of("--max-fixes=many"), "healdesk: Invalid value for option '--max-fixes': 'many' is not an int");
        cases.put(List.of("--approve=some"), "healdesk: --approve must be none, A or all, got 'some'.");
        cases.put(List.of("--dry-run=maybe"), "healdesk: Invalid value for option '--dry-run': 'maybe' is not a boolean");
        cases.put(List.of("--target=missing.yaml"), "healdesk: --target: " + work.resolve("missing.yaml")
                + " does not exist.");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("schedule", "install"));
            args.addAll(c.getKey());
            Run run = healdesk(args.toArray(String[]::new));
            assertThat(run.code()).as(c.getKey() + ": " + run.out() + run.err()).isEqualTo(Cli.USAGE);
            assertThat(run.err()).as(c.getKey().toString()).startsWith(c.getValue());
        }
        assertThat(calls()).isEmpty();
        assertThat(dir.resolve("xdg")).doesNotExist();
    }
}
