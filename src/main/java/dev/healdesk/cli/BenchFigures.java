package dev.healdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * How the bench prints a figure: every sample's min / median / max and the machine's load while it was taken
 * ({@code /proc/loadavg}), so that a figure measured on a busy machine says so.
 */
final class BenchFigures {

    private BenchFigures() {
    }

    /** Min, median and max of some samples (at least one). */
    record Spread(double min, double median, double max, int n) {
        static Spread of(List<? extends Number> samples) {
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("no samples");
            }
            double[] sorted = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Spread(sorted[0], median, sorted[n - 1], n);
        }

        Spread map(DoubleUnaryOperator f) {
            return new Spread(f.applyAsDouble(min), f.applyAsDouble(median), f.applyAsDouble(max), n);
        }

        /** "min 1.2, median 1.5, max 2.0 ms over 5" with {@code format} for each number (e.g. "%,.1f"), unit after max. */
        String describe(String format, String unit) {
            String u = unit.isEmpty() ? "" : " " + unit;
            return String.format(Locale.ROOT, "min " + format + ", median " + format + ", max " + format + "%s over %d",
                    min, median, max, u, n);
        }
    }

    /** "load 3.10 2.95 2.40" (1, 5 and 15 minutes) from /proc/loadavg, or "load n/a" where there is none. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "load n/a";
        }
    }
}
