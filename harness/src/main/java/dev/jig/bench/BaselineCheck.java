package dev.jig.bench;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchStats;
import dev.jig.record.BenchmarkRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Compares benchmarks with a saved run, so that a machine that got slower does not cry wolf and code that got
 * slower still fails:
 * <ol>
 *   <li><b>Calibrated.</b> Every round is divided by the time of a fixed calibration loop timed right after
 *       it, at save and at compare time; the threshold's statistic is taken of these calibrated rounds, so a
 *       machine that runs everything 30 % slower today changes nothing.</li>
 *   <li><b>Judged by the run-to-run spread.</b> Rounds of one run are far more alike than runs are. A baseline
 *       saved {@value #MIN_RUNS} or more times under one id ({@link Baselines#KEPT_RUNS} are kept) gives the
 *       spread of its runs (robustly, so one outlier run does not widen it), and its median run is the
 *       reference; with fewer runs, an assumed spread of {@value #ASSUMED_SPREAD_PERCENT} % (what we measured on
 *       a shared 2-core machine) stands in. The
 *       current run's own uncertainty (from the spread of its rounds) adds to it.</li>
 *   <li><b>Brought to one machine speed.</b> A benchmark need not slow down exactly as much as the calibration
 *       loop when the machine is busy: how much it does (the elasticity) is fitted across the saved runs, and
 *       every run's value is brought to their median machine speed ({@link MachineScaling}). A run at a speed
 *       no saved run had adds the fit's uncertainty to the noise; without a fit, the current run is judged at the
 *       elasticity between 0.5 and 1 that favours it.</li>
 *   <li><b>Verdict.</b> A regression is a difference beyond the threshold <em>and</em> significant against
 *       that noise (one-sided p &lt; {@value #ALPHA}, normal approximation).</li>
 * </ol>
 *
 * <pre>{@code
 * BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.DEFAULT));
 * BenchmarkRecord compared = check.compareAll("AtmBench#codec", List.of(current), baseline).get(0);
 * if (compared.baseline().regression()) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineCheck {

    /** The significance level of the verdict (one-sided; a difference either way is judged two-sided). */
    public static final double ALPHA = 0.01;
    /** Saved runs needed to use their own spread. */
    public static final int MIN_RUNS = 3;
    /** The run-to-run spread (one standard deviation, percent) assumed for a baseline of fewer runs. */
    public static final double ASSUMED_SPREAD_PERCENT = 2.0;
    /** How many noise widths below the threshold a delta still counts as a close call ({@link #closeCall}). */
    public static final double CLOSE_CALL_NOISES = 2;
    /** {@link BaselineComparison#method()} when both runs kept calibration. */
    public static final String CALIBRATED = "calibrated";
    /** {@link BaselineComparison#method()} when one of them did not (JMH results, older baselines). */
    public static final String UNCALIBRATED = "uncalibrated";
    /** {@link BaselineComparison#method()} of {@link Bench#compare}: both versions measured in round pairs. */
    public static final String INTERLEAVED = "interleaved";

    private final Thresholds thresholds;

    /** A check applying {@code thresholds}. */
    public BaselineCheck(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Every benchmark of {@code scope} that {@code baseline} has, compared; the others unchanged, and so are
     * those already judged against their baseline action ({@link Bench#compare}), whose verdict is the sharper.
     */
    public List<BenchmarkRecord> compareAll(String scope, List<BenchmarkRecord> current, Baseline baseline) {
        Map<String, BenchmarkRecord> saved = baseline.benchmarks();
        return current.stream().map(b -> {
            if (b.baseline() != null && INTERLEAVED.equals(b.baseline().method())) {
                return b;
            }
            String key = Baseline.key(scope, b.name());
            return Optional.ofNullable(saved.get(key)).map(s -> compare(b, s, baseline.runsOf(key), baseline.id()))
                    .orElse(b);
        }).toList();
    }

    /** {@code current} compared with {@code saved} alone (of run {@code baselineId}), its spread assumed. */
    public BenchmarkRecord compare(BenchmarkRecord current, BenchmarkRecord saved, String baselineId) {
        return compare(current, saved, List.of(), baselineId);
    }

    /** {@code current} compared with {@code saved} (the latest) and the saved {@code runs} of the same benchmark. */
    public BenchmarkRecord compare(BenchmarkRecord current, BenchmarkRecord saved, List<SavedRun> runs,
                                   String baselineId) {
        Threshold threshold = thresholds.forBenchmark(current.name(), current.group());
        if (current.samples().size() < 2 || saved.samples().size() < 2) {
            // Without raw data there is no spread to judge by: say so, and fall back to the bare difference.
            double before = threshold.of(saved.stats());
            double delta = before == 0 ? 0 : (threshold.of(current.stats()) / before - 1) * 100;
            return current.withBaseline(new BaselineComparison(saved.stats().mean(), delta, false, baselineId,
                    threshold.toString(), "difference (no samples kept)", null, delta > threshold.percent(),
                    runs.size(), null, null));
        }
        Optional<double[]> nowRounds = Calibrated.rounds(current);
        Optional<double[]> savedRounds = Calibrated.rounds(saved);
        boolean calibrated = nowRounds.isPresent() && savedRounds.isPresent();
        double[] now = calibrated ? nowRounds.get() : raw(current);
        double[] then = calibrated ? savedRounds.get() : raw(saved);
        double machineNow = calibrated ? Calibrated.machine(current) : Double.NaN;
        double machineThen = calibrated ? Calibrated.machine(saved) : Double.NaN;

        List<SavedRun> calibratedRuns = calibrated ? runs.stream().filter(r -> r.calibrated() != null).toList()
                : List.of();
        MachineScaling scaling = calibratedRuns.size() >= MIN_RUNS ? MachineScaling.fit(calibratedRuns, threshold)
                : MachineScaling.none(machineThen);
        double nowValue = scaling.adjustCurrent(threshold.of(Stats.of(now, 1).summary()), machineNow);
        double reference;
        double noise;   // relative, one standard deviation of the difference
        if (calibratedRuns.size() >= MIN_RUNS) {
            double[] runValues = calibratedRuns.stream().mapToDouble(r -> scaling.adjust(
                    threshold.of(r.calibrated()), r.machine() == null ? Double.NaN : r.machine())).toArray();
            reference = median(runValues);
            // Robust: one saved run that was itself an outlier (a main build in a bad moment) must not widen the
            // noise for the ten builds after it (we saw ±8.6 % after one run 18 % off, and a 10 % slowdown pass).
            double spread = Math.max(robustDeviation(runValues) / reference, relativeError(then, threshold));
            noise = Math.sqrt(square(spread / Math.sqrt(runValues.length))
                    + square(Math.max(spread, relativeError(now, threshold)))
                    + square(scaling.extrapolationError(machineNow)));
        } else {
            reference = threshold.of(Stats.of(then, 1).summary());   // the saved run sets the reference speed
            noise = Math.sqrt(square(ASSUMED_SPREAD_PERCENT / 100) + square(relativeError(then, threshold))
                    + square(relativeError(now, threshold)));
        }
        double delta = reference == 0 ? 0 : (nowValue / reference - 1) * 100;
        double z = noise == 0 ? Math.signum(delta) * Double.MAX_VALUE : delta / 100 / noise;
        double pSlower = 1 - normalCdf(z);
        double pDifferent = Math.min(1.0, 2 * Math.min(pSlower, 1 - pSlower));
        Double machine = calibrated ? (machineNow / machineThen - 1) * 100 : null;
        return current.withBaseline(new BaselineComparison(saved.stats().mean(), delta, pDifferent < ALPHA,
                baselineId, threshold.toString(), calibrated ? CALIBRATED : UNCALIBRATED, pSlower,
                delta > threshold.percent() && pSlower < ALPHA, calibratedRuns.size(), noise * 100, machine,
                calibrated ? scaling.elasticity() : null));
    }

    /**
     * Whether a just-measured benchmark is a close call against {@code baseline}: a regression, or a delta within
     * {@value #CLOSE_CALL_NOISES} noise widths below the threshold. Such a run is worth measuring again before
     * the verdict ({@link Bench#confirmWhen}); a benchmark the baseline does not have never is.
     */
    public Predicate<BenchmarkRecord> closeCall(String scope, Baseline baseline) {
        return benchmark -> compareAll(scope, List.of(benchmark), baseline).stream().findFirst()
                .map(BenchmarkRecord::baseline).filter(c -> !INTERLEAVED.equals(c.method()))
                .map(c -> c.regression() || c.deltaPercent() > thresholds.forBenchmark(benchmark.name(),
                        benchmark.group()).percent() - CLOSE_CALL_NOISES * (c.noisePercent() == null ? 0
                        : c.noisePercent()))
                .orElse(false);
    }

    /** A message naming each regressed benchmark, or empty when none regressed. */
    public static Optional<String> regressions(String scope, List<BenchmarkRecord> compared) {
        List<String> lines = compared.stream().filter(b -> b.baseline() != null && b.baseline().regression())
                .map(b -> describe(scope, b)).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    private static String describe(String scope, BenchmarkRecord b) {
        BaselineComparison c = b.baseline();
        if (INTERLEAVED.equals(c.method())) {
            return describeInterleaved(scope, b);
        }
        StringBuilder how = new StringBuilder(c.method());
        if (c.machinePercent() != null) {
            how.append(String.format(Locale.ROOT, ", machine %+.1f %%", c.machinePercent()));
        }
        if (c.elasticity() != null && c.elasticity() != 1) {
            how.append(String.format(Locale.ROOT, ", elasticity %.2f", c.elasticity()));
        }
        if (c.noisePercent() != null) {
            how.append(String.format(Locale.ROOT, ", noise ±%.1f %% (%s)", c.noisePercent(), c.runs() != null
                    && c.runs() >= MIN_RUNS ? c.runs() + " saved runs" : "spread assumed: fewer than " + MIN_RUNS
                    + " saved runs"));
        }
        if (c.pValue() != null) {
            how.append(String.format(Locale.ROOT, ", p=%.2g", c.pValue()));
        }
        return String.format(Locale.ROOT, "benchmark '%s' in %s is %.1f %% slower than baseline '%s' "
                        + "(mean %.1f ns -> %.1f ns; threshold %s, %s). If the slowdown is expected, save a new "
                        + "baseline (jig.bench.save) or raise the threshold (jig.bench.threshold).",
                b.name(), scope, c.deltaPercent(), c.baselineId(), c.mean(), b.stats().mean(), c.threshold(), how);
    }

    private static String describeInterleaved(String scope, BenchmarkRecord b) {
        BaselineComparison c = b.baseline();
        return String.format(Locale.ROOT, "benchmark '%s' in %s is %.1f %% slower than its baseline action, measured "
                        + "interleaved (mean %.1f ns -> %.1f ns; threshold %s of %d round pairs' ratios, noise ±%.1f %%, "
                        + "candidate slower in significantly many pairs by a sign test, p=%.2g). If the slowdown is "
                        + "expected, raise the threshold of Bench.compare.",
                b.name(), scope, c.deltaPercent(), c.mean(), b.stats().mean(), c.threshold(), b.stats().rounds(),
                c.noisePercent() == null ? 0 : c.noisePercent(), c.pValue());
    }

    private static double[] raw(BenchmarkRecord benchmark) {
        return benchmark.samples().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The relative standard error of the threshold's statistic over {@code rounds}: for the median (and min,
     * max) from the interquartile range, robust to a few preempted rounds; for the mean from the deviation.
     */
    private static double relativeError(double[] rounds, Threshold threshold) {
        BenchStats stats = Stats.of(rounds, 1).summary();
        double value = threshold.of(stats);
        if (value <= 0) {
            return 0;
        }
        double sigma = "mean".equals(threshold.metric()) ? stats.stddev() : 1.2533 * stats.iqr() / 1.349;
        return sigma / Math.sqrt(rounds.length) / value;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The standard deviation estimated from the median absolute deviation (1.4826 × MAD, exact for normal data),
     * but never below the plain deviation of the values without their largest and smallest one, so that a small
     * baseline whose middle values happen to agree does not claim a spread of nothing.
     */
    static double robustDeviation(double[] values) {
        double median = median(values);
        double mad = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double trimmed = sorted.length > 4 ? standardDeviation(Arrays.copyOfRange(sorted, 1, sorted.length - 1))
                : standardDeviation(sorted);
        return Math.max(1.4826 * mad, trimmed);
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Math.sqrt(Arrays.stream(values).map(v -> square(v - mean)).sum() / (values.length - 1));
    }

    private static double square(double x) {
        return x * x;
    }

    /** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, error below 1.5e-7). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z / 2);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
