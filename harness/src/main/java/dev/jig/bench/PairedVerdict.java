package dev.jig.bench;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchStats;
import java.util.Arrays;

/**
 * The verdict of {@link Bench#compare} on interleaved round pairs: each pair's ratio candidate / baseline (time
 * per operation) is the evidence, because a pair's two rounds ran at the same moment of the machine.
 * <ul>
 *   <li><b>Delta</b>: the threshold's statistic of the ratios, minus one ({@code median}: the median ratio;
 *       {@code mean}: the mean ratio; {@code min}, {@code max}: the ratio of the candidate's to the baseline's
 *       fastest or slowest round).</li>
 *   <li><b>Significance</b>: a sign test on the pairs (how many ratios are above one, against a fair coin;
 *       exact binomial tail): it asks nothing of the ratios' distribution, so a few rounds hit by a preemption
 *       or a collection cannot sway it.</li>
 *   <li><b>Regression</b>: delta beyond the threshold and the candidate slower in significantly many pairs
 *       (one-sided p &lt; {@link BaselineCheck#ALPHA}), as for a saved baseline.</li>
 * </ul>
 */
final class PairedVerdict {

    private PairedVerdict() {
    }

    static BaselineComparison judge(Interleaved.Pairs pairs, Threshold threshold, String baselineName) {
        double[] ratios = ratios(pairs);
        BenchStats stats = Stats.of(ratios, 1).summary();
        double value;
        switch (threshold.metric()) {
            case "mean":
                value = stats.mean();
                break;
            case "min":
                value = min(pairs.candidate()) / min(pairs.baseline());
                break;
            case "max":
                value = max(pairs.candidate()) / max(pairs.baseline());
                break;
            default:
                value = stats.median();
        }
        double delta = (value - 1) * 100;
        int slower = (int) Arrays.stream(ratios).filter(r -> r > 1).count();
        int faster = (int) Arrays.stream(ratios).filter(r -> r < 1).count();
        double pSlower = atLeast(slower, slower + faster);
        double pFaster = atLeast(faster, slower + faster);
        double pDifferent = Math.min(1.0, 2 * Math.min(pSlower, pFaster));
        double baselineMean = Arrays.stream(pairs.baseline()).average().orElse(Double.NaN);
        return new BaselineComparison(baselineMean, delta, pDifferent < BaselineCheck.ALPHA, baselineName,
                threshold.toString(), BaselineCheck.INTERLEAVED, pSlower,
                delta > threshold.percent() && pSlower < BaselineCheck.ALPHA, null, noise(stats, threshold) * 100,
                null);
    }

    /** Per pair, the candidate's time per operation over the baseline's. */
    static double[] ratios(Interleaved.Pairs pairs) {
        double[] ratios = new double[pairs.baseline().length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = pairs.candidate()[i] / pairs.baseline()[i];
        }
        return ratios;
    }

    /**
     * One standard error of the statistic of the ratios, relative: for the median (and min, max) from the
     * interquartile range, robust to a few disturbed pairs; for the mean from the deviation.
     */
    private static double noise(BenchStats ratios, Threshold threshold) {
        boolean mean = "mean".equals(threshold.metric());
        double centre = mean ? ratios.mean() : ratios.median();
        double sigma = mean ? ratios.stddev() : 1.2533 * ratios.iqr() / 1.349;
        return centre > 0 ? sigma / Math.sqrt(ratios.rounds()) / centre : 0;
    }

    /** P(X >= k) for X binomial with n trials of probability 1/2: exact, summed in log space. */
    static double atLeast(int k, int n) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        double logTerm = -n * Math.log(2);   // log P(X = 0)
        double tail = 0;
        for (int j = 0; j <= n; j++) {
            if (j >= k) {
                tail += Math.exp(logTerm);
            }
            logTerm += Math.log((double) (n - j) / (j + 1));
        }
        return Math.min(1.0, tail);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
