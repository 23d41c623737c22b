package dev.jig.bench;

import java.util.Arrays;
import java.util.List;

/**
 * How a benchmark's calibrated value moves with the machine's speed, fitted across the saved runs of a baseline,
 * so that runs made while the machine was in another state compare fairly.
 *
 * <p>Why it is needed: dividing by the calibration loop assumes the benchmark slows down exactly as much as the
 * loop does. On the shared 2-core machine the speed jumps between two states for seconds at a time (the loop
 * takes about 210 or about 350 ns per unit), and a codec benchmark slows down less than the loop when the machine
 * is slow: its calibrated value was about 7 % lower in the slow state than in the fast one. A run in the fast state
 * compared with a baseline saved in the slow state looked 7 % slower (a false alarm), and a real 10 % slowdown
 * measured the other way round looked like +3 % (missed).
 *
 * <p>The fit: the benchmark's time goes as {@code machine^elasticity}, so its calibrated value goes as
 * {@code machine^(elasticity - 1)}. The exponent is the least-squares slope of log calibrated value over log
 * machine speed across the saved runs, which are the same code, kept within [{@value #MIN}, 1]. Each value is then
 * brought to the baseline's median machine speed. Where the saved runs do not span at least {@value #MIN_SPREAD}
 * of machine speed (in log terms, about 10 %) there is nothing to fit, and the exponent stays 1, that is plain
 * calibration.
 *
 * <p>A run at a machine speed outside the saved runs' range is an extrapolation: its uncertainty, the slope's
 * standard error times the distance, joins the noise. Where nothing was fitted, the current run is judged at the
 * elasticity in [{@value #MIN}, 1] that makes it look fastest: a regression has to be one whatever the benchmark's
 * elasticity. That matters when the machine looks much faster now than at save time: a spin loop measured with the
 * machine "54.9 % faster" by the calibration loop, its own time unchanged, looked 110 % slower by plain calibration.
 *
 * @param elasticity the exponent: 1 when the benchmark slows exactly as the calibration loop does
 * @param reference  the machine speed (calibration ns per unit) values are brought to
 * @param low        the fastest saved run's machine speed, in ns per unit
 * @param high       the slowest saved run's machine speed, in ns per unit
 * @param slopeError the standard error of the fitted exponent (0 when nothing was fitted: it is not used then)
 * @param fitted     whether the saved runs spanned enough machine speeds to fit the exponent over
 */
record MachineScaling(double elasticity, double reference, double low, double high, double slopeError,
                      boolean fitted) {

    /** The smallest exponent the fit may give. */
    static final double MIN = 0.5;
    /** The least spread of log machine speed across saved runs to fit over. */
    static final double MIN_SPREAD = 0.1;

    /** Plain calibration: nothing known of how the benchmark scales, values as they are. */
    static MachineScaling none(double reference) {
        return new MachineScaling(1, reference, reference, reference, 0, false);
    }

    /**
     * The scaling fitted over {@code values} (the runs' calibrated statistic) at {@code machines} (their machine
     * speeds, calibration ns per unit), in the same order; runs without a machine speed are left out by the caller.
     */
    static MachineScaling fit(double[] values, double[] machines) {
        if (values.length != machines.length) {
            throw new IllegalArgumentException(values.length + " values for " + machines.length + " machine speeds");
        }
        int n = values.length;
        if (n == 0) {
            return none(Double.NaN);
        }
        double[] x = Arrays.stream(machines).map(Math::log).toArray();
        double[] y = Arrays.stream(values).map(Math::log).toArray();
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double reference = Math.exp(sorted[(n - 1) / 2]);
        double low = Math.exp(sorted[0]);
        double high = Math.exp(sorted[n - 1]);
        if (n < BaselineCheck.MIN_RUNS || sorted[n - 1] - sorted[0] < MIN_SPREAD) {
            return new MachineScaling(1, reference, low, high, 0, false);
        }
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - my - slope * (x[i] - mx);
            residuals += r * r;
        }
        double error = Math.sqrt(residuals / (n - 2) / sxx);   // n >= MIN_RUNS = 3
        double elasticity = Math.max(MIN, Math.min(1, 1 + slope));
        return new MachineScaling(elasticity, reference, low, high, error, true);
    }

    /** The fit over the saved runs that kept both a calibrated statistic and a machine speed. */
    static MachineScaling fit(List<SavedRun> runs, Threshold threshold) {
        List<SavedRun> usable = runs.stream().filter(r -> r.calibrated() != null && r.machine() != null
                && r.machine() > 0).toList();
        return fit(usable.stream().mapToDouble(r -> threshold.of(r.calibrated())).toArray(),
                usable.stream().mapToDouble(SavedRun::machine).toArray());
    }

    /** {@code value}, measured at machine speed {@code machine}, brought to the reference speed. */
    double adjust(double value, double machine) {
        if (!(machine > 0) || !(reference > 0)) {
            return value;
        }
        return value * Math.pow(machine / reference, 1 - elasticity);
    }

    /**
     * The current run's {@code value} at {@code machine}, brought to the reference speed: by the fitted elasticity,
     * or where none was fitted by the one in [{@value #MIN}, 1] that gives the smaller value.
     */
    double adjustCurrent(double value, double machine) {
        if (fitted || !(machine > 0) || !(reference > 0)) {
            return adjust(value, machine);
        }
        return Math.min(value, value * Math.pow(machine / reference, 1 - MIN));
    }

    /**
     * The relative uncertainty that bringing a run at {@code machine} to the reference adds: none inside the fitted
     * range (the saved runs' spread covers it) or without a fit ({@link #adjustCurrent} takes the whole range), else
     * the exponent's standard error times the distance from the reference speed, in log terms.
     */
    double extrapolationError(double machine) {
        if (!fitted || !(machine > 0) || !(reference > 0) || machine >= low && machine <= high) {
            return 0;
        }
        return slopeError * Math.abs(Math.log(machine / reference));
    }
}
