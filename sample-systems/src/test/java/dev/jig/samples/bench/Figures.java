package dev.jig.samples.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Summary figures of one measured series, in microseconds. */
record Figures(String name, int n, double median, double p10, double p90, double mean) {

    static Figures of(String name, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        return new Figures(name, sorted.length, quantile(sorted, 0.5) / 1e3, quantile(sorted, 0.1) / 1e3,
                quantile(sorted, 0.9) / 1e3, mean / 1e3);
    }

    private static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-58s %5s %11s %11s %11s %11s", "series", "n", "median µs",
                "p10 µs", "p90 µs", "mean µs");
    }

    String row() {
        return String.format(Locale.ROOT, "%-58s %5d %11.1f %11.1f %11.1f %11.1f", name, n, median, p10, p90,
                mean);
    }
}
