package dev.jig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchmarkRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Bench#compare} and its verdict, on a fake clock that the actions advance by a known cost (so nothing here
 * depends on how fast or busy the machine is) and on synthetic round pairs.
 */
class InterleavedTest {

    /** A clock that only moves when told to, by the cost of the work times the machine's load of the moment. */
    private static final class FakeMachine {
        long now;
        double load = 1.0;

        void work(double nanos) {
            now += Math.round(nanos * load);
            // A load that changes every 20 ms of (fake) time, from 1x to 3x: a busy, shared machine.
            load = 1.0 + (now / 20_000_000L) % 5 * 0.5;
        }
    }

    private final FakeMachine machine = new FakeMachine();
    private final BenchOptions options = BenchOptions.builder()
            .timer(BenchTimer.named("fake-" + System.identityHashCode(machine), () -> ++machine.now))
            .warmupTime(Duration.ofMillis(2)).minRounds(5).maxTime(Duration.ofMillis(50)).build();

    @Test
    void aCandidate12PercentSlowerIsARegressionWhateverTheLoad() {
        Bench bench = Bench.create(options);

        BenchmarkRecord compared = bench.compare("decode", () -> cost(100), () -> cost(112));

        BaselineComparison c = compared.baseline();
        assertEquals("interleaved", c.method());
        assertEquals("baseline action", c.baselineId());
        assertEquals("median:5%", c.threshold());
        assertEquals(12.0, c.deltaPercent(), 0.5);
        assertTrue(c.regression());
        assertTrue(c.significant());
        assertTrue(c.pValue() < BaselineCheck.ALPHA, "p " + c.pValue());
        assertNull(c.runs());
        assertEquals(List.of(compared), bench.results());
        assertEquals(compared.stats().rounds(), compared.samples().size());
        assertTrue(compared.stats().rounds() >= Interleaved.MIN_PAIRS, "pairs " + compared.stats().rounds());
        assertTrue(compared.calibration().isEmpty());
    }

    @Test
    void identicalActionsAreNotARegressionThoughTheLoadTriples() {
        BaselineComparison c = Bench.create(options).compare("decode", () -> cost(100), () -> cost(100)).baseline();

        assertFalse(c.regression());
        assertEquals(0.0, c.deltaPercent(), 0.5);
    }

    @Test
    void aSlowdownWithinTheThresholdIsSignificantButNotARegression() {
        BaselineComparison c = Bench.create(options).compare("decode", () -> cost(100), () -> cost(103)).baseline();

        assertTrue(c.significant());
        assertFalse(c.regression());
        assertEquals(3.0, c.deltaPercent(), 0.5);
    }

    @Test
    void theThresholdCanBeRaised() {
        BaselineComparison c = Bench.create(options).compare("decode", Threshold.parse("median:20%"),
                () -> cost(100), () -> cost(112)).baseline();

        assertFalse(c.regression());
        assertEquals("median:20%", c.threshold());
    }

    @Test
    void aRegressionIsDescribedForTheTestToFailWith() {
        BenchmarkRecord compared = Bench.create(options).compare("decode", () -> cost(100), () -> cost(150));

        String message = BaselineCheck.regressions("CodecBench#decode", List.of(compared)).orElseThrow();

        assertTrue(message.startsWith("benchmark 'decode' in CodecBench#decode is 50.0 % slower than its baseline "
                + "action, measured interleaved (mean 1"), message);
        assertTrue(message.contains("threshold median:5% of " + compared.stats().rounds() + " round pairs' ratios, "
                + "noise ±0.0 %, candidate slower in significantly many pairs by a sign test, p="), message);
        assertTrue(message.endsWith("If the slowdown is expected, raise the threshold of Bench.compare."), message);
    }

    @Test
    void aComparisonWithASavedBaselineLeavesTheInterleavedVerdict() {
        BenchmarkRecord compared = Bench.create(options).compare("decode", () -> cost(100), () -> cost(150));
        Baseline saved = new Baseline("b1", "2026-12-02T00:00:00Z", "m", "j",
                java.util.Map.of(Baseline.key("T#m", "decode"), compared.withBaseline(null)), java.util.Map.of());

        BenchmarkRecord after = new BaselineCheck(Thresholds.of(Threshold.DEFAULT))
                .compareAll("T#m", List.of(compared), saved).get(0);

        assertEquals(compared.baseline(), after.baseline());
    }

    @Test
    void anActionThatThrowsIsNamed() {
        BenchmarkFailedException e = assertThrows(BenchmarkFailedException.class,
                () -> Bench.create(options).compare("decode", () -> cost(100), () -> {
                    throw new IllegalStateException("codec closed");
                }));

        assertEquals("benchmark 'decode' failed: its candidate action threw java.lang.IllegalStateException: "
                + "codec closed", e.getMessage());
    }

    @Test
    void aBenchmarkWithoutANameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bench.create(options).compare(" ", () -> cost(1), () -> cost(1)));

        assertEquals("a benchmark needs a name, got ' '", e.getMessage());
    }

    @Test
    void roundsAreTakenInPairsInAlternatingOrder() {
        List<String> log = new ArrayList<>();
        Measurement.Round a = iterations -> {
            log.add("A");
            return iterations * 100;
        };
        Measurement.Round b = iterations -> {
            log.add("B");
            return iterations * 100;
        };

        Interleaved.Pairs pairs = new Interleaved(options, a, b).measure();

        int n = pairs.baseline().length;
        assertEquals(n, pairs.candidate().length);
        List<String> measured = log.subList(log.size() - 2 * n, log.size());
        for (int i = 0; i < n; i++) {
            String expected = i % 2 == 0 ? "AB" : "BA";
            int pair = i;
            assertEquals(expected, measured.get(2 * i) + measured.get(2 * i + 1), () -> "pair " + pair);
        }
        List<String> prepared = log.subList(0, log.size() - 2 * n);
        assertTrue(prepared.lastIndexOf("A") < prepared.indexOf("B"), "the baseline is prepared before the candidate");
    }

    @Test
    void loadThatHitsBothRoundsOfAPairCancels() {
        Random random = new Random(14);
        int n = 200;
        double[] before = new double[n];
        double[] after = new double[n];
        for (int i = 0; i < n; i++) {
            double load = 1 + 2 * random.nextDouble();   // 1x to 3x, a new load for every pair
            before[i] = 100 * load * (1 + 0.02 * random.nextGaussian());
            after[i] = 110 * load * (1 + 0.02 * random.nextGaussian());
        }

        BaselineComparison c = PairedVerdict.judge(new Interleaved.Pairs(before, after, 1, 1), Threshold.DEFAULT,
                "baseline action");

        assertEquals(10.0, c.deltaPercent(), 1.0);
        assertTrue(c.regression());
        assertTrue(c.noisePercent() < 1.0, "noise " + c.noisePercent());
    }

    @Test
    void aFewPreemptedRoundsDoNotMakeARegression() {
        Random random = new Random(15);
        int n = 100;
        double[] before = new double[n];
        double[] after = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = 100 * (1 + 0.02 * random.nextGaussian());
            after[i] = 100 * (1 + 0.02 * random.nextGaussian()) * (i % 10 == 0 ? 5 : 1);   // every tenth: 5x
        }

        BaselineComparison c = PairedVerdict.judge(new Interleaved.Pairs(before, after, 1, 1), Threshold.DEFAULT,
                "baseline action");

        assertFalse(c.regression(), "delta " + c.deltaPercent() + ", p " + c.pValue());
        assertTrue(Math.abs(c.deltaPercent()) < 2, "delta " + c.deltaPercent());
    }

    @Test
    void pairsWhoseRatiosDriftedWereWarmup() {
        double[] before = new double[40];
        double[] after = new double[40];
        java.util.Arrays.fill(before, 100);
        java.util.Arrays.fill(after, 100);
        assertFalse(Interleaved.drifted(new Interleaved.Pairs(before, after, 1, 1)));

        java.util.Arrays.fill(after, 0, 10, 120);   // the candidate's loop compiled late: its first rounds slower

        assertTrue(Interleaved.drifted(new Interleaved.Pairs(before, after, 1, 1)));
    }

    @Test
    void theSignTestIsTheExactBinomialTail() {
        assertEquals(1.0, PairedVerdict.atLeast(0, 10), 1e-12);
        assertEquals(1.0 / 1024, PairedVerdict.atLeast(10, 10), 1e-12);
        assertEquals(638.0 / 1024, PairedVerdict.atLeast(5, 10), 1e-12);
        assertEquals(0.0, PairedVerdict.atLeast(11, 10), 1e-12);
        assertEquals(0.5, PairedVerdict.atLeast(1001, 2001), 1e-9);
    }

    /** Work of {@code nanos} on the fake machine, under its load of the moment. */
    private Object cost(double nanos) {
        machine.work(nanos);
        return machine;
    }
}
