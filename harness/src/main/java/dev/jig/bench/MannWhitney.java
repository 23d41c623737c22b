package dev.jig.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The Mann-Whitney U rank test, normal approximation with tie and continuity correction: is one sample
 * stochastically greater than another? Rank-based, so a few slow outlier rounds (GC, a scheduler hiccup)
 * move it little, unlike a difference of means.
 */
final class MannWhitney {

    static final String NAME = "mann-whitney-u";

    private MannWhitney() {
    }

    /** The one-sided p-value of "x tends to be greater than y scaled by {@code factor}". */
    static double greaterP(List<Double> x, List<Double> y, double factor) {
        int n1 = x.size();
        int n2 = y.size();
        double[][] all = new double[n1 + n2][];
        for (int i = 0; i < n1; i++) {
            all[i] = new double[] {x.get(i), 0};
        }
        for (int j = 0; j < n2; j++) {
            all[n1 + j] = new double[] {y.get(j) * factor, 1};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSumX = 0;
        double tieTerm = 0;
        int i = 0;
        while (i < all.length) {
            int j = i;
            while (j + 1 < all.length && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j + 2) / 2.0;
            int ties = j - i + 1;
            tieTerm += (double) ties * ties * ties - ties;
            for (int k = i; k <= j; k++) {
                rankSumX += all[k][1] == 0 ? rank : 0;
            }
            i = j + 1;
        }
        double u = rankSumX - n1 * (n1 + 1) / 2.0;
        double n = n1 + n2;
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (variance <= 0) {
            return u > mean ? 0.0 : 1.0;
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return 1 - normalCdf(z);
    }

    /** The two-sided p-value of "x and y differ". */
    static double differentP(List<Double> x, List<Double> y) {
        double greater = greaterP(x, y, 1.0);
        double less = greaterP(y, x, 1.0);
        return Math.min(1.0, 2 * Math.min(greater, less));
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
