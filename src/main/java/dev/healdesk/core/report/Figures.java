package dev.healdesk.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The few pieces of text a short command's table or report is made of, written out by hand: the same characters as
 * {@code String.format(Locale.ROOT, "%-Ns" / "%Ns" / "%.Nf" / "%,d")} and, in UTC, {@code DateTimeFormatter} patterns
 * {@code yyyy-MM-dd HH:mm:ss} and {@code MM-dd}, without their set-up. A packaged command loads its classes from the
 * class-data archive, but Java 17 still links and initialises them in each process: {@link java.util.Formatter} (its
 * specifier classes, the locale's {@code DecimalFormatSymbols}) and {@code java.time.format} (the ISO formatters its
 * initialiser builds, their lambdas, the locale's text provider) were a fifth of {@code history}'s classes beyond
 * {@code java -version}'s (src/site/markdown/benchmarks.md, "CLI start, ninth pass"). A value the short ways do not
 * cover exactly (a number in exponent form, a year outside 1–9999) goes through the JDK's own, so the
 * text is the same for every value; {@code FiguresTest} holds both to the same text.
 */
public final class Figures {

    private Figures() {
    }

    /** {@code s} (or "null") padded with spaces to {@code width}: on the right when {@code left}, as {@code %-Ns}. */
    public static StringBuilder pad(StringBuilder sb, Object s, int width, boolean left) {
        String text = String.valueOf(s);
        int spaces = width - text.length();
        if (left) {
            sb.append(text);
        }
        for (int i = 0; i < spaces; i++) {
            sb.append(' ');
        }
        if (!left) {
            sb.append(text);
        }
        return sb;
    }

    /** {@code String.format(Locale.ROOT, "%.1f", d)}. */
    public static String oneDecimal(double d) {
        return decimals(d, 1);
    }

    /**
     * {@code String.format(Locale.ROOT, "%." + places + "f", d)} for {@code places} of 0 or more: the shortest decimal
     * digits of {@code d} (as {@link Double#toString(double)} writes them from 10<sup>-3</sup> to 10<sup>7</sup>)
     * rounded half up at the last place kept, or padded with zeros to it; with 0 places, no decimal point.
     */
    public static String decimals(double d, int places) {
        String s = Double.toString(d);
        int dot = s.indexOf('.');
        if (places < 0 || dot < 0 || s.indexOf('E') >= 0) {
            return String.format(Locale.ROOT, "%." + places + "f", d);
        }
        if (s.charAt(0) == '-') {
            // the sign, then the magnitude's digits (-0.0 and what rounds to zero keep the sign, as Formatter's do)
            return "-" + decimals(-d, places);
        }
        int have = s.length() - dot - 1;
        if (have <= places) {
            StringBuilder out = new StringBuilder(dot + 1 + places).append(s);
            for (int i = have; i < places; i++) {
                out.append('0');
            }
            return out.toString();
        }
        if (s.charAt(dot + 1 + places) < '5') {
            return s.substring(0, places == 0 ? dot : dot + 1 + places);
        }
        // one more in the last place kept: carry through the nines
        char[] digits = new char[dot + places];
        s.getChars(0, dot, digits, 0);
        s.getChars(dot + 1, dot + 1 + places, digits, dot);
        int i = digits.length - 1;
        while (i >= 0 && digits[i] == '9') {
            digits[i] = '0';
            i--;
        }
        StringBuilder out = new StringBuilder(digits.length + 2);
        if (i < 0) {
            out.append('1');
        } else {
            digits[i]++;
        }
        int whole = digits.length - places;
        out.append(digits, 0, whole);
        return places == 0 ? out.toString() : out.append('.').append(digits, whole, places).toString();
    }

    /** {@code String.format(Locale.ROOT, "%,d", n)}: thousands separated by commas. */
    public static String grouped(long n) {
        if (n == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** The JDK's formatters for what {@link #utc} and {@link #monthDay} do not write themselves; built on first use. */
    private static final class Formats {
        static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
    }

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-03-01 to 1970-01-01 in days: day counts from a March 1st put the leap day at the end of a year. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;
    /** 1 January 0001 and 1 January 10000, UTC, in seconds since the epoch: the years written as four digits. */
    private static final long FIRST_SECOND = -62_135_596_800L;
    private static final long END_SECOND = 253_402_300_800L;

    /** {@code t} to the second in UTC as {@code yyyy-MM-dd HH:mm:ss}. */
    public static String utc(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return Formats.SECONDS.format(t);
        }
        long[] date = date(seconds);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        StringBuilder sb = new StringBuilder(19);
        digits(sb, (int) date[0], 4).append('-');
        digits(sb, (int) date[1], 2).append('-');
        digits(sb, (int) date[2], 2).append(' ');
        digits(sb, secondOfDay / 3600, 2).append(':');
        digits(sb, secondOfDay / 60 % 60, 2).append(':');
        return digits(sb, secondOfDay % 60, 2).toString();
    }

    /** {@code t}'s month and day in UTC as {@code MM-dd}. */
    public static String monthDay(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return Formats.DAY.format(t);
        }
        long[] date = date(seconds);
        StringBuilder sb = new StringBuilder(5);
        digits(sb, (int) date[1], 2).append('-');
        return digits(sb, (int) date[2], 2).toString();
    }

    /** Year, month and day (UTC) of a second since the epoch. */
    private static long[] date(long seconds) {
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        // civil date from a day count: 400-year cycles of 146,097 days, each year counted from March 1st
        long fromMarch = days + DAYS_0000_03_01_TO_EPOCH;
        long cycle = Math.floorDiv(fromMarch, 146_097);
        long dayOfCycle = fromMarch - cycle * 146_097;
        long yearOfCycle = (dayOfCycle - dayOfCycle / 1_460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365;
        long dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0);
        return new long[] {year, month, day};
    }

    private static StringBuilder digits(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
