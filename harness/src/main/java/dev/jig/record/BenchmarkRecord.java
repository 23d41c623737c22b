package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One benchmark measured in (or imported into) a test.
 *
 * @param name        the benchmark's name
 * @param group       its group, within which benchmarks are compared with the fastest
 * @param unit        the unit of the statistics, e.g. {@code "ns"}
 * @param stats       the statistics
 * @param source      {@code "bench"} (Jig's fixture) or {@code "jmh"}
 * @param baseline    the comparison with a saved run, when one was made
 * @param relative    mean divided by the mean of the fastest benchmark of the same group (1.0 for the fastest);
 *                    {@code null} outside a group
 * @param percentiles per-operation time by percentile ({@code "50.0"}, {@code "99.0"}, ...), from the
 *                    HdrHistogram of all rounds (or JMH's own percentiles)
 * @param histogram   the distribution of the per-operation time of the rounds, for plots
 * @param samples     the kept raw data: per-operation time of each measured round (JMH: of each iteration),
 *                    which baseline comparisons test against each other
 * @param calibration per round, the time per unit (ns) of Jig's calibration loop timed right after the round
 *                    with the same timer: how fast the machine was at that moment, which baseline comparisons
 *                    divide out (empty for JMH results)
 * @param warnings    traps detected while measuring (time below a meaningful floor, ...)
 * @param jmh         JMH's own figures, for {@code "jmh"} benchmarks
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BenchmarkRecord(String name, String group, String unit, BenchStats stats, String source,
                              BaselineComparison baseline, Double relative, Map<String, Double> percentiles,
                              List<HistogramBucket> histogram, List<Double> samples, List<Double> calibration,
                              List<String> warnings, JmhScore jmh) {

    public BenchmarkRecord {
        percentiles = percentiles == null ? Map.of() : Map.copyOf(percentiles);
        histogram = histogram == null ? List.of() : List.copyOf(histogram);
        samples = samples == null ? List.of() : List.copyOf(samples);
        calibration = calibration == null ? List.of() : List.copyOf(calibration);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The same benchmark with {@code value} as its relative speed within its group. */
    public BenchmarkRecord withRelative(Double value) {
        return new BenchmarkRecord(name, group, unit, stats, source, baseline, value, percentiles, histogram,
                samples, calibration, warnings, jmh);
    }

    /** The same benchmark compared with a baseline. */
    public BenchmarkRecord withBaseline(BaselineComparison value) {
        return new BenchmarkRecord(name, group, unit, stats, source, value, relative, percentiles, histogram,
                samples, calibration, warnings, jmh);
    }
}
