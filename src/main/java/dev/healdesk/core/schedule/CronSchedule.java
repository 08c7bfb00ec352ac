package dev.healdesk.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When scheduled runs happen, in UTC: a five-field cron expression (minute hour day-of-month month day-of-week, as
 * crontab(5) reads it, with lists, ranges, steps, month and day names and the @daily-style macros), or an
 * {@code --every} interval turned into one. It renders as systemd {@code OnCalendar=} values and finds its own next
 * time, so what the timer says and what Healdesk prints agree.
 * <p>
 * Hand-written rather than a cron library: the grammar is small, and what is needed is each field's set of values
 * (to write systemd's calendar syntax) and a message naming the field that is wrong, which the libraries do not give.
 */
public final class CronSchedule {

    /** The default of scheduled runs, as in the seeds: 06:00 and 18:00 UTC. */
    public static final String DEFAULT_EVERY = "12h";
    /** Hour at which {@code --every=Nh} schedules start, as the seeds' 6 AM and 6 PM. */
    static final int FIRST_HOUR = 6;

    private static final String[] FIELD = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MIN = {0, 0, 1, 1, 0};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final String[] SYSTEMD_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final Pattern ELEMENT = Pattern.compile("(\\*|[A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:/(.*))?");
    private static final Pattern EVERY = Pattern.compile("(\\d{1,4})([hmd])");
    /** How far ahead a schedule must match at least once (leap days come every 4 years, 8 across 2100). */
    private static final int HORIZON_DAYS = 366 * 8 + 1;

    private final String expression;
    private final String description;
    private final List<TreeSet<Integer>> fields;
    /** Whether day-of-month and day-of-week are both restricted, so that either one matching is enough. */
    private final boolean eitherDay;

    private CronSchedule(String expression, String description, List<TreeSet<Integer>> fields, boolean eitherDay) {
        this.expression = expression;
        this.description = description;
        this.fields = fields;
        this.eitherDay = eitherDay;
    }

    /**
     * Parses a crontab(5) time specification, read in UTC.
     *
     * @throws IllegalArgumentException naming the field, its value and what is allowed
     */
    public static CronSchedule cron(String expression) {
        String text = expression.strip();
        String expanded = text.startsWith("@") ? MACROS.get(text.toLowerCase(Locale.ROOT)) : text;
        if (expanded == null) {
            throw new IllegalArgumentException("'" + text + "' is not a schedule: the macros are "
                    + String.join(", ", new TreeSet<>(MACROS.keySet())) + " (@reboot is not a schedule).");
        }
        String[] parts = expanded.split("\\s+");
        if (expanded.isEmpty() || parts.length != 5) {
            throw new IllegalArgumentException("'" + text + "' has " + (expanded.isEmpty() ? 0 : parts.length)
                    + " field(s); give 5: minute hour day-of-month month day-of-week, e.g. '0 6,18 * * *'.");
        }
        List<TreeSet<Integer>> fields = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fields.add(field(i, parts[i]));
        }
        if (fields.get(4).remove(7)) {
            fields.get(4).add(0);
        }
        // crontab(5): when both day fields are restricted (neither starts with '*'), a day matching either runs.
        boolean eitherDay = !parts[2].startsWith("*") && !parts[4].startsWith("*");
        CronSchedule schedule = new CronSchedule(text, "cron '" + text + "' in UTC", fields, eitherDay);
        if (schedule.next(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' never runs: no month has that day (e.g. 30 February).");
        }
        return schedule;
    }

    /**
     * An interval: {@code Nh} with N dividing 24, at N-hour steps through 06:00 UTC (12h: 06:00 and 18:00; 6h: 00:00,
     * 06:00, 12:00, 18:00; 24h or 1d: 06:00); or {@code Nm} with N dividing 60, from 5 minutes up, on the hour and
     * every N minutes after it.
     *
     * @throws IllegalArgumentException saying which intervals there are
     */
    public static CronSchedule every(String interval) {
        String text = interval.strip().toLowerCase(Locale.ROOT);
        Matcher m = EVERY.matcher(text);
        String hint = "Give hours that divide the day (1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h or 1d), minutes that divide"
                + " the hour (5m, 10m, 15m, 20m, 30m), or --cron for anything else.";
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + interval + "' is not an interval. " + hint);
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2);
        if (unit.equals("d")) {
            if (n != 1) {
                throw new IllegalArgumentException("'" + interval + "': days other than 1d are not an interval here."
                        + " " + hint);
            }
            n = 24;
            unit = "h";
        }
        String cron;
        String words;
        if (unit.equals("h")) {
            if (n == 0 || 24 % n != 0) {
                throw new IllegalArgumentException("'" + interval + "' does not divide the day evenly. " + hint);
            }
            TreeSet<Integer> hours = new TreeSet<>();
            for (int h = FIRST_HOUR % n; h < 24; h += n) {
                hours.add(h);
            }
            cron = "0 " + (n == 1 ? "*" : hours.stream().map(String::valueOf).collect(Collectors.joining(","))) + " * * *";
            words = n == 1 ? "every hour, on the hour" : n == 24 ? "every day at 06:00 UTC" : "every " + n
                    + " hours: " + hours.stream().map(h -> String.format(Locale.ROOT, "%02d:00", h))
                    .collect(Collectors.joining(", ")) + " UTC";
        } else {
            if (n < 5 || 60 % n != 0) {
                throw new IllegalArgumentException("'" + interval + "' " + (n < 5 ? "is too often: runs take minutes."
                        : "does not divide the hour evenly.") + " " + hint);
            }
            cron = (n == 60 ? "0" : "*/" + n) + " * * * *";
            words = n == 60 ? "every hour, on the hour" : "every " + n + " minutes";
        }
        CronSchedule parsed = cron(cron);
        return new CronSchedule(cron, words + " (cron '" + cron + "')", parsed.fields, parsed.eitherDay);
    }

    private static TreeSet<Integer> field(int index, String text) {
        TreeSet<Integer> values = new TreeSet<>();
        for (String element : text.split(",", -1)) {
            Matcher m = ELEMENT.matcher(element);
            if (!m.matches()) {
                throw problem(index, "'" + element + "' is not a value, a range (a-b), a step (*/n, a-b/n) or *");
            }
            int from;
            int to;
            if (m.group(1).equals("*")) {
                if (m.group(2) != null) {
                    throw problem(index, "'" + element + "' is not a value, a range (a-b), a step (*/n, a-b/n) or *");
                }
                from = MIN[index];
                to = index == 4 ? 6 : MAX[index];
            } else {
                from = value(index, m.group(1));
                to = m.group(2) == null ? from : value(index, m.group(2));
                if (to < from) {
                    throw problem(index, "range '" + element + "' runs backwards; write the smaller value first");
                }
                if (m.group(3) != null && m.group(2) == null) {
                    throw problem(index, "'" + element + "': a step needs a range or * before it, e.g. */"
                            + m.group(3) + " or " + from + "-" + MAX[index] + "/" + m.group(3));
                }
            }
            int step = 1;
            if (m.group(3) != null) {
                int span = (index == 4 ? 6 : MAX[index]) - MIN[index] + 1;
                try {
                    step = Integer.parseInt(m.group(3));
                } catch (NumberFormatException e) {
                    step = 0;
                }
                if (step < 1 || step > span) {
                    throw problem(index, "step '" + m.group(3) + "' in '" + element + "' must be a number from 1 to "
                            + span);
                }
            }
            for (int v = from; v <= to; v += step) {
                values.add(v);
            }
        }
        return values;
    }

    private static int value(int index, String text) {
        List<String> names = index == 3 ? MONTHS : index == 4 ? DAYS : List.of();
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return index == 3 ? named + 1 : named;
        }
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw problem(index, "'" + text + "' is not a number" + (names.isEmpty() ? ""
                    : " or a name (" + String.join(", ", names) + ")"));
        }
        if (v < MIN[index] || v > MAX[index]) {
            throw problem(index, "'" + text + "' is out of range " + MIN[index] + "-" + MAX[index]
                    + (index == 4 ? " (0 and 7 are Sunday)" : ""));
        }
        return v;
    }

    private static IllegalArgumentException problem(int index, String what) {
        return new IllegalArgumentException("field " + (index + 1) + " (" + FIELD[index] + ") " + what + ".");
    }

    /** The cron expression (five fields, or the macro as given), as a crontab line starts. */
    public String expression() {
        return expression;
    }

    /** In words, for messages: "every 12 hours: 06:00, 18:00 UTC (cron '0 6,18 * * *')". */
    public String description() {
        return description;
    }

    /**
     * The systemd {@code OnCalendar=} values that elapse exactly when this schedule runs, in UTC: one, or two when
     * day-of-month and day-of-week are both restricted (cron runs on either; one calendar spec would need both).
     */
    public List<String> onCalendar() {
        String time = (fields.get(1).size() == 24 ? "*" : list(fields.get(1))) + ":"
                + (fields.get(0).size() == 60 ? "*" : list(fields.get(0))) + ":00 UTC";
        String months = fields.get(3).size() == 12 ? "*" : list(fields.get(3));
        String allDays = "*-" + months + "-*";
        String doms = fields.get(2).size() == 31 ? "*" : list(fields.get(2));
        String dows = fields.get(4).size() == 7 ? "" : fields.get(4).stream().map(d -> SYSTEMD_DAYS[d])
                .collect(Collectors.joining(",")) + " ";
        if (eitherDay) {
            return List.of("*-" + months + "-" + doms + " " + time, dows + allDays + " " + time);
        }
        return List.of(dows + "*-" + months + "-" + doms + " " + time);
    }

    private static String list(TreeSet<Integer> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%02d", v)).collect(Collectors.joining(","));
    }

    /** The first time after {@code after} (exclusive, to the minute) at which this schedule runs, in UTC. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime from = after.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!runsOn(day)) {
                continue;
            }
            for (int hour : fields.get(1)) {
                for (int minute : fields.get(0)) {
                    ZonedDateTime t = day.atTime(hour, minute).atZone(ZoneOffset.UTC);
                    if (!t.isBefore(from)) {
                        return Optional.of(t);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean runsOn(LocalDate day) {
        if (!fields.get(3).contains(day.getMonthValue())) {
            return false;
        }
        boolean dom = fields.get(2).contains(day.getDayOfMonth());
        boolean dow = fields.get(4).contains(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        return eitherDay ? dom || dow : dom && dow;
    }
}
