package dev.healdesk.core.schedule;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronScheduleTest {

    private static final ZonedDateTime BASE = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void everyNHoursStepsThroughSixUtc() {
        assertThat(CronSchedule.every("12h").expression()).isEqualTo("0 6,18 * * *");
        assertThat(CronSchedule.every("12h").onCalendar()).containsExactly("*-*-* 06,18:00:00 UTC");
        assertThat(CronSchedule.every("12h").description()).isEqualTo("every 12 hours: 06:00, 18:00 UTC (cron '0 6,18 * * *')");
        assertThat(CronSchedule.every("6h").onCalendar()).containsExactly("*-*-* 00,06,12,18:00:00 UTC");
        assertThat(CronSchedule.every("8h").expression()).isEqualTo("0 6,14,22 * * *");
        assertThat(CronSchedule.every("24h").onCalendar()).containsExactly("*-*-* 06:00:00 UTC");
        assertThat(CronSchedule.every("1d").expression()).isEqualTo("0 6 * * *");
        assertThat(CronSchedule.every("1h").expression()).isEqualTo("0 * * * *");
        assertThat(CronSchedule.every("15m").onCalendar()).containsExactly("*-*-* *:00,15,30,45:00 UTC");
        assertThat(CronSchedule.every(CronSchedule.DEFAULT_EVERY).next(BASE)).contains(BASE.withHour(6));
    }

    @Test
    void anIntervalThatDoesNotDivideTheDayOrHourIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> CronSchedule.every("7h")).hasMessageStartingWith("'7h' does not divide the day evenly.")
                .hasMessageContaining("1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h or 1d");
        assertThatThrownBy(() -> CronSchedule.every("7m")).hasMessageStartingWith("'7m' does not divide the hour");
        assertThatThrownBy(() -> CronSchedule.every("2m")).hasMessageStartingWith("'2m' is too often");
        assertThatThrownBy(() -> CronSchedule.every("0h")).hasMessageStartingWith("'0h' does not divide");
        assertThatThrownBy(() -> CronSchedule.every("2d")).hasMessageStartingWith("'2d': days other than 1d");
        assertThatThrownBy(() -> CronSchedule.every("twice")).hasMessageStartingWith("'twice' is not an interval.");
    }

    @Test
    void eachBadFieldIsNamedWithItsRange() {
        assertThatThrownBy(() -> CronSchedule.cron("0 25 * * *"))
                .hasMessage("field 2 (hour) '25' is out of range 0-23.");
        assertThatThrownBy(() -> CronSchedule.cron("60 * * * *"))
                .hasMessage("field 1 (minute) '60' is out of range 0-59.");
        assertThatThrownBy(() -> CronSchedule.cron("0 0 0 * *"))
                .hasMessage("field 3 (day-of-month) '0' is out of range 1-31.");
        assertThatThrownBy(() -> CronSchedule.cron("0 0 * foo *"))
                .hasMessage("field 4 (month) 'foo' is not a number or a name (JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG,"
                        + " SEP, OCT, NOV, DEC).");
        assertThatThrownBy(() -> CronSchedule.cron("0 0 * * 8"))
                .hasMessage("field 5 (day-of-week) '8' is out of range 0-7 (0 and 7 are Sunday).");
        assertThatThrownBy(() -> CronSchedule.cron("0 18-6 * * *"))
                .hasMessage("field 2 (hour) range '18-6' runs backwards; write the smaller value first.");
        assertThatThrownBy(() -> CronSchedule.cron("*/0 * * * *"))
                .hasMessage("field 1 (minute) step '0' in '*/0' must be a number from 1 to 60.");
        assertThatThrownBy(() -> CronSchedule.cron("5/10 * * * *"))
                .hasMessageStartingWith("field 1 (minute) '5/10': a step needs a range or * before it");
        assertThatThrownBy(() -> CronSchedule.cron("0 1,,2 * * *"))
                .hasMessage("field 2 (hour) '' is not a value, a range (a-b), a step (*/n, a-b/n) or *.");
        assertThatThrownBy(() -> CronSchedule.cron("0 6 * *"))
                .hasMessageStartingWith("'0 6 * *' has 4 field(s); give 5: minute hour day-of-month month day-of-week");
        assertThatThrownBy(() -> CronSchedule.cron("@reboot")).hasMessageContaining("@reboot is not a schedule");
        assertThatThrownBy(() -> CronSchedule.cron("0 0 30 2 *")).hasMessageContaining("never runs");
    }

    @Test
    void namesStepsRangesAndMacrosBecomeExactCalendars() {
        assertThat(CronSchedule.cron("30 7 * * mon-fri").onCalendar())
                .containsExactly("Mon,Tue,Wed,Thu,Fri *-*-* 07:30:00 UTC");
        assertThat(CronSchedule.cron("0 0 1 jan,jul *").onCalendar()).containsExactly("*-01,07-01 00:00:00 UTC");
        assertThat(CronSchedule.cron("0 12 * * 7").onCalendar()).containsExactly("Sun *-*-* 12:00:00 UTC");
        assertThat(CronSchedule.cron("@daily").onCalendar()).containsExactly("*-*-* 00:00:00 UTC");
        // Both day fields restricted: cron runs on either, so two calendars.
        assertThat(CronSchedule.cron("0 6 1,15 * mon").onCalendar())
                .containsExactly("*-*-01,15 06:00:00 UTC", "Mon *-*-* 06:00:00 UTC");
        // A day-of-week starting with '*' restricts together with the day of month.
        assertThat(CronSchedule.cron("0 6 1-7 * */2").onCalendar())
                .containsExactly("Sun,Tue,Thu,Sat *-*-01,02,03,04,05,06,07 06:00:00 UTC");
    }

    @Test
    void nextFollowsCronRules() {
        ZonedDateTime wednesday = ZonedDateTime.of(2025, 1, 1, 6, 0, 0, 0, ZoneOffset.UTC);
        assertThat(CronSchedule.every("12h").next(wednesday)).contains(wednesday.withHour(18));
        assertThat(CronSchedule.cron("0 6 13 * fri").next(BASE))
                .contains(ZonedDateTime.of(2025, 1, 3, 6, 0, 0, 0, ZoneOffset.UTC));
        assertThat(CronSchedule.cron("0 0 29 2 *").next(BASE))
                .contains(ZonedDateTime.of(2028, 2, 29, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    /**
     * The calendars this class writes are checked by systemd itself: {@code systemd-analyze calendar} must elapse at
     * exactly the times {@link CronSchedule#next} gives (and cron would). {@code .ci/run} installs systemd for it.
     */
    @Test
    void systemdElapsesExactlyWhenTheScheduleRuns() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assertThat(Files.isExecutable(analyze)).as("systemd-analyze is needed (apt-get install systemd)").isTrue();
        List<String> expressions = List.of("0 6,18 * * *", "*/15 9-17 * * mon-fri", "0 6 1,15 * mon",
                "0 6 1-7 * */2", "5 4 * jan,jun 0", "0 0 29 2 *", "0 22 * * 1-5", "@weekly", "10-50/20 */5 * * *", "* 3 * * *");
        for (String expression : expressions) {
            CronSchedule schedule = CronSchedule.cron(expression);
            List<ZonedDateTime> expected = new ArrayList<>();
            ZonedDateTime t = BASE;
            for (int i = 0; i < 12; i++) {
                t = schedule.next(t).orElseThrow();
                expected.add(t);
            }
            TreeSet<ZonedDateTime> fromSystemd = new TreeSet<>();
            for (String calendar : schedule.onCalendar()) {
                fromSystemd.addAll(systemdElapses(analyze, calendar, 12));
            }
            assertThat(fromSystemd.stream().limit(12).toList()).as(expression + " as " + schedule.onCalendar())
                    .isEqualTo(expected);
        }
    }

    private static List<ZonedDateTime> systemdElapses(Path analyze, String calendar, int n) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(analyze.toString(), "calendar", "--iterations=" + n,
                "--base-time=2024-12-31 23:59:59 UTC", calendar).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = Pattern.compile("(?m)^\\s*(?:Next elapse|Iter\\. #\\d+): \\w{3} (\\S+ \\S+) UTC$").matcher(out);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        List<ZonedDateTime> times = new ArrayList<>();
        while (m.find()) {
            times.add(ZonedDateTime.parse(m.group(1), f));
        }
        assertThat(times).as(out).hasSize(n);
        return times;
    }
}
