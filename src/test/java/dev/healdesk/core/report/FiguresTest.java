package dev.healdesk.core.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Figures} writes what the JDK's {@code String.format} and {@code DateTimeFormatter} write, value for value. */
class FiguresTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Test
    void oneDecimalIsFormatsOwnForScoresAndDurations() {
        // every health score to two decimals and beyond, and durations in milliseconds to ~1 hour (a.bcd s)
        for (int i = 0; i <= 20_000; i++) {
            same(i / 1000.0);
            same(i / 100.0);
            // the HTML report's donut offsets run below zero
            same(25 - i / 100.0);
        }
        for (long ms = 0; ms <= 4_000_000; ms += 13) {
            same(ms / 1000.0);
        }
        // halves, nines that carry into a new digit, the forms Double.toString writes with an exponent, the signs
        for (double d : new double[] {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.95, 9.95, 99.95, 999.95, 9999.96,
                99_999.99, 1e-3, 9.99e-4, 1e-4, 1e6, 9_999_999.95, 1e7, 1.25e7, 123_456_789.0, -0.05, -1.25, -99.95,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}) {
            same(d);
        }
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            same(random.nextDouble() * Math.pow(10, random.nextInt(-4, 9)));
            same(-random.nextDouble() * Math.pow(10, random.nextInt(-4, 9)));
            same(Double.longBitsToDouble(random.nextLong()));
        }
    }

    private static void same(double d) {
        assertEquals(String.format(Locale.ROOT, "%.0f", d), Figures.decimals(d, 0), () -> "for " + d);
        assertEquals(String.format(Locale.ROOT, "%.1f", d), Figures.oneDecimal(d), () -> "for " + d);
        assertEquals(String.format(Locale.ROOT, "%.2f", d), Figures.decimals(d, 2), () -> "for " + d);
        assertEquals(String.format(Locale.ROOT, "%.3f", d), Figures.decimals(d, 3), () -> "for " + d);
    }

    @Test
    void groupedIsFormatsThousands() {
        for (long n : new long[] {0, 1, -1, 12, 999, 1_000, -1_000, 12_345, 999_999, 1_000_000, 123_456_789,
                -123_456_789, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Figures.grouped(n), () -> "for " + n);
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), Figures.grouped(n), () -> "for " + n);
        }
    }

    @Test
    void utcIsTheFormattersOwnInEveryYear() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // all years from -1,000 to 11,000 (the JDK's own beyond 1–9999), and the decades around now, to the second
            sameTime(Instant.ofEpochSecond(random.nextLong(-93_700_000_000L, 285_000_000_000L)));
            sameTime(Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000)));
        }
        // each day's first and last second for 500 years around the epoch: month and year ends, leap days, 1900, 2000
        for (long day = -200 * 366; day <= 300 * 366; day++) {
            sameTime(Instant.ofEpochSecond(day * 86_400));
            sameTime(Instant.ofEpochSecond(day * 86_400 + 86_399));
        }
        for (long s : new long[] {-62_135_596_801L, -62_135_596_800L, 253_402_300_799L, 253_402_300_800L,
                -377_705_116_800L, 253_402_300_800L + 86_400}) {
            sameTime(Instant.ofEpochSecond(s));
        }
    }

    private static void sameTime(Instant t) {
        assertEquals(SECONDS.format(t), Figures.utc(t), () -> "for " + t);
        assertEquals(DAY.format(t), Figures.monthDay(t), () -> "for " + t);
    }

    @Test
    void padIsFormatsWidth() {
        for (Object s : new Object[] {"", "a", "run-1", "—", "ünïcode", "x".repeat(40), 7, 123456, null}) {
            for (int width : new int[] {1, 5, 6, 11, 19, 36}) {
                assertEquals(String.format(Locale.ROOT, "%-" + width + "s", s),
                        Figures.pad(new StringBuilder(), s, width, true).toString());
                assertEquals(String.format(Locale.ROOT, "%" + width + "s", s),
                        Figures.pad(new StringBuilder(), s, width, false).toString());
            }
        }
    }
}
