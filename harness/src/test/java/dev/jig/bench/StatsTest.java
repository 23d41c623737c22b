package dev.jig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jig.record.BenchStats;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void summaryHasQuartilesByLinearInterpolationAndTukeyOutliers() {
        BenchStats s = Stats.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 100}, 10).summary();

        assertEquals(1, s.min());
        assertEquals(100, s.max());
        assertEquals(5, s.median());
        assertEquals(3, s.q1());
        assertEquals(7, s.q3());
        assertEquals(4, s.iqr());
        assertEquals(1, s.outliers());
        assertEquals(136.0 / 9, s.mean(), 1e-9);
        assertEquals(1e9 / (136.0 / 9), s.ops(), 1e-3);
        assertEquals(9, s.rounds());
        assertEquals(10, s.iterations());
    }

    @Test
    void percentilesComeFromTheHistogramWithinItsPrecision() {
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i + 1;
        }
        Stats stats = Stats.of(samples, 1);

        assertEquals(500, stats.percentiles().get("50.0"), 1);
        assertEquals(990, stats.percentiles().get("99.0"), 1);
        assertEquals(1000, stats.histogram().stream().mapToLong(b -> b.count()).sum());
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[0], 1));
    }
}
