package dev.jig.bench;

import dev.jig.record.BenchStats;
import dev.jig.record.BenchmarkRecord;
import java.util.Optional;

/**
 * A benchmark's rounds in calibration units: each round's time per operation divided by the calibration loop's
 * time per unit timed around it ({@link Calibration}: the mean of the calibrations right before and right after
 * the round; the first round has only the one after), which divides out how fast the machine was then.
 */
final class Calibrated {

    private Calibrated() {
    }

    /** The calibrated rounds, or empty when the benchmark kept no calibration for each round (JMH, older files). */
    static Optional<double[]> rounds(BenchmarkRecord benchmark) {
        int n = benchmark.samples().size();
        if (n == 0 || benchmark.calibration().size() != n) {
            return Optional.empty();
        }
        double[] rounds = new double[n];
        for (int i = 0; i < n; i++) {
            double after = benchmark.calibration().get(i);
            double before = i == 0 ? after : benchmark.calibration().get(i - 1);
            if (!(after > 0) || !(before > 0)) {
                return Optional.empty();
            }
            rounds[i] = benchmark.samples().get(i) / ((before + after) / 2);
        }
        return Optional.of(rounds);
    }

    /** The statistics of the calibrated rounds. */
    static Optional<BenchStats> stats(BenchmarkRecord benchmark) {
        return rounds(benchmark).map(r -> Stats.of(r, benchmark.stats().iterations()).summary());
    }

    /** The median time per unit of the calibration loop over the benchmark's rounds: the machine's speed then. */
    static double machine(BenchmarkRecord benchmark) {
        double[] units = benchmark.calibration().stream().mapToDouble(Double::doubleValue).toArray();
        return units.length == 0 ? Double.NaN : Stats.of(units, 1).summary().median();
    }
}
