package dev.jig.bench;

import dev.jig.record.BenchStats;
import dev.jig.record.HistogramBucket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.apiguardian.api.API;

/**
 * Statistics of a benchmark's samples (the per-operation time of each round): summary figures as
 * {@link BenchStats}, percentiles and a histogram from an HdrHistogram of all samples.
 *
 * <pre>{@code
 * Stats stats = Stats.of(new double[] {10.0, 11.0, 12.0}, 1000);
 * double median = stats.summary().median();   // 11.0
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Stats {

    /** Percentiles reported for every benchmark. */
    static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9, 100.0};
    private static final int BUCKETS = 20;

    private final double[] sorted;
    private final BenchStats summary;
    private final DoubleHistogram histogram;

    private Stats(double[] samples, long iterations) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("statistics need at least one sample, got none");
        }
        this.sorted = samples.clone();
        Arrays.sort(sorted);
        this.summary = summarise(samples, iterations);
        this.histogram = new DoubleHistogram(3);
        for (double sample : samples) {
            histogram.recordValue(Math.max(sample, Double.MIN_NORMAL));
        }
    }

    /**
     * The median of the first quarter of {@code values} over the median of the last quarter (each the upper
     * median), in the order measured: how much they drifted while they were measured; empty for fewer than 8.
     */
    static OptionalDouble firstOverLastQuarter(double[] values) {
        int quarter = values.length / 4;
        if (quarter < 2) {
            return OptionalDouble.empty();
        }
        double early = upperMedian(Arrays.copyOfRange(values, 0, quarter));
        double late = upperMedian(Arrays.copyOfRange(values, values.length - quarter, values.length));
        return OptionalDouble.of(early / late);
    }

    private static double upperMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Statistics of {@code samples} (per-operation times) of rounds of {@code iterations} operations each. */
    public static Stats of(double[] samples, long iterations) {
        return new Stats(samples, iterations);
    }

    /** The summary figures. */
    public BenchStats summary() {
        return summary;
    }

    /** Percentiles 50, 90, 99, 99.9 and 100, keyed as {@code "50.0"}. */
    public Map<String, Double> percentiles() {
        Map<String, Double> result = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            result.put(Double.toString(p), histogram.getValueAtPercentile(p));
        }
        return result;
    }

    /** About twenty equal-width buckets from min to max (one when all samples are equal). */
    public List<HistogramBucket> histogram() {
        double min = sorted[0];
        double width = (sorted[sorted.length - 1] - min) / BUCKETS;
        List<HistogramBucket> buckets = new ArrayList<>();
        if (width <= 0) {
            buckets.add(new HistogramBucket(min, sorted.length));
            return buckets;
        }
        long[] counts = new long[BUCKETS];
        for (DoubleHistogramIterationValue value : histogram.recordedValues()) {
            int index = (int) Math.min(BUCKETS - 1, Math.max(0, (value.getValueIteratedTo() - min) / width));
            counts[index] += value.getCountAtValueIteratedTo();
        }
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(new HistogramBucket(min + width * (i + 1), counts[i]));
        }
        return buckets;
    }

    private BenchStats summarise(double[] samples, long iterations) {
        double mean = Arrays.stream(samples).average().orElseThrow();
        double squares = Arrays.stream(samples).map(s -> (s - mean) * (s - mean)).sum();
        double stddev = samples.length > 1 ? Math.sqrt(squares / (samples.length - 1)) : 0.0;
        double q1 = quantile(0.25);
        double q3 = quantile(0.75);
        double iqr = q3 - q1;
        long outliers = Arrays.stream(sorted).filter(s -> s < q1 - 1.5 * iqr || s > q3 + 1.5 * iqr).count();
        double ops = mean > 0 ? 1e9 / mean : Double.POSITIVE_INFINITY;
        return new BenchStats(sorted[0], sorted[sorted.length - 1], mean, stddev, quantile(0.5), q1, q3, iqr,
                outliers, ops, samples.length, iterations);
    }

    /** Linear interpolation between the closest ranks (the common "type 7" definition). */
    private double quantile(double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
