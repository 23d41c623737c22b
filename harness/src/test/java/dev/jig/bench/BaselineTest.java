package dev.jig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.BaselineComparison;
import dev.jig.record.BenchmarkRecord;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private final BaselineCheck check = new BaselineCheck(Thresholds.of(Threshold.DEFAULT));

    @TempDir
    Path dir;

    @Test
    void identicalRunsAreNotARegression() {
        BaselineComparison c = check.compare(run("a", 1.0, 1.0, 1), run("a", 1.0, 1.0, 2), "b1").baseline();

        assertFalse(c.regression());
        assertEquals("calibrated", c.method());
        assertEquals("median:5%", c.threshold());
        assertEquals("b1", c.baselineId());
        assertTrue(Math.abs(c.deltaPercent()) < 2, "delta " + c.deltaPercent());
    }

    @Test
    void aSlowdownBeyondTheThresholdIsARegression() {
        BenchmarkRecord compared = check.compare(run("withdraw", 1.5, 1.0, 1), run("withdraw", 1.0, 1.0, 2), "b1");

        assertTrue(compared.baseline().regression());
        assertTrue(compared.baseline().significant());
        assertTrue(compared.baseline().pValue() < 0.001);
        String message = BaselineCheck.regressions("AtmBench#withdraw", List.of(compared)).orElseThrow();
        assertTrue(message.startsWith("benchmark 'withdraw' in AtmBench#withdraw is 4"), message);
        assertTrue(message.contains("slower than baseline 'b1' (mean 1000."), message);
        assertTrue(message.contains("threshold median:5%, calibrated, machine +0."), message);
        assertTrue(message.contains("(spread assumed: fewer than 3 saved runs), p="), message);
    }

    @Test
    void aMachineThatRunsEverything40PercentSlowerIsNotARegression() {
        BaselineComparison c = check.compare(run("a", 1.0, 1.4, 1), run("a", 1.0, 1.0, 2), "b1").baseline();

        assertFalse(c.regression(), "delta " + c.deltaPercent());
        assertEquals(40, c.machinePercent(), 2);
        assertTrue(Math.abs(c.deltaPercent()) < 2, "delta " + c.deltaPercent());
    }

    @Test
    void codeThatGotSlowerIsCaughtOnAMachineThatGotFaster() {
        // The machine runs 20 % faster now, the code does 25 % more work: the bare times are the same.
        BaselineComparison c = check.compare(run("a", 1.25, 0.8, 1), run("a", 1.0, 1.0, 2), "b1").baseline();

        assertTrue(c.regression(), "delta " + c.deltaPercent());
        // With one saved run there is no elasticity to fit: judged at the one that favours the run (0.5), 25 %
        // more work on a machine 20 % faster is at least 1.25 × 0.8^0.5 - 1 = 11.8 % slower.
        assertEquals(11.8, c.deltaPercent(), 2);
    }

    @Test
    void aSlowdownWithinTheThresholdIsNotARegression() {
        BaselineComparison c = check.compare(run("a", 1.03, 1.0, 1), run("a", 1.0, 1.0, 2), "b1").baseline();

        assertFalse(c.regression(), "delta " + c.deltaPercent());
    }

    @Test
    void theSpreadOfSavedRunsDecidesWhetherADifferenceIsNoise() {
        BenchmarkRecord latest = run("a", 1.0, 1.0, 2);
        List<SavedRun> tight = runs(1.0, 0.99, 1.01, 1.0, 0.995);
        List<SavedRun> wide = runs(1.0, 0.85, 1.15, 0.9, 1.1);
        BenchmarkRecord twelvePercentSlower = run("a", 1.12, 1.0, 1);

        BaselineComparison againstTight = check.compare(twelvePercentSlower, latest, tight, "b1").baseline();
        BaselineComparison againstWide = check.compare(twelvePercentSlower, latest, wide, "b1").baseline();

        assertTrue(againstTight.regression(), "noise " + againstTight.noisePercent());
        assertEquals(5, againstTight.runs());
        assertFalse(againstWide.regression(), "noise " + againstWide.noisePercent());
        assertTrue(againstWide.noisePercent() > 10, "noise " + againstWide.noisePercent());
        String message = BaselineCheck.regressions("T#a", List.of(check.compare(twelvePercentSlower, latest, tight,
                "b1"))).orElseThrow();
        assertTrue(message.contains("(5 saved runs)"), message);
    }

    @Test
    void withFewerThanThreeSavedRunsTheSpreadIsAssumed() {
        BaselineComparison c = check.compare(run("a", 1.0, 1.0, 1), run("a", 1.0, 1.0, 2), runs(1.0, 1.0), "b1")
                .baseline();

        assertTrue(c.noisePercent() >= BaselineCheck.ASSUMED_SPREAD_PERCENT, "noise " + c.noisePercent());
    }

    @Test
    void aFewSlowOutlierRoundsDoNotMakeARegression() {
        BenchmarkRecord current = run("a", 1.0, 1.0, 1);
        double[] samples = current.samples().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < 10; i++) {
            samples[i] *= 20;   // GC pauses: the mean grows by far more than 10 %
        }
        BenchmarkRecord withPauses = new BenchmarkRecord("a", null, "ns", Stats.of(samples, 1).summary(), "bench",
                null, null, null, null, java.util.Arrays.stream(samples).boxed().toList(), current.calibration(),
                null, null);
        BaselineComparison c = check.compare(withPauses, run("a", 1.0, 1.0, 2), "b1").baseline();

        assertTrue(withPauses.stats().mean() > 1.5 * current.stats().mean());
        assertFalse(c.regression(), "delta " + c.deltaPercent());
    }

    @Test
    void withoutCalibrationTheVerdictSaysSoAndComparesTheTimesAsMeasured() {
        BaselineComparison c = check.compare(noisy("a", 200, 1.5, 1), noisy("a", 200, 1.0, 2), "b1").baseline();

        assertEquals("uncalibrated", c.method());
        assertTrue(c.regression());
        assertEquals(null, c.machinePercent());
    }

    @Test
    void withoutSamplesTheVerdictSaysItUsedTheBareDifference() {
        BenchmarkRecord saved = new BenchmarkRecord("a", null, "ns", Stats.of(new double[] {100}, 1).summary(),
                "bench", null, null, null, null, null, null, null, null);

        BaselineComparison c = check.compare(noisy("a", 10, 1.5, 1), saved, "b1").baseline();

        assertEquals("difference (no samples kept)", c.method());
        assertTrue(c.regression());
    }

    @Test
    void savedRunsAreFoundByIdAndLatestAndMergedPerId() throws Exception {
        Baselines baselines = Baselines.at(dir);
        baselines.save("first", Map.of(Baseline.key("T#a", "x"), noisy("x", 10, 1.0, 1)));
        Thread.sleep(5);
        baselines.save("second", Map.of(Baseline.key("T#a", "x"), noisy("x", 10, 1.0, 2)));
        baselines.save("second", Map.of(Baseline.key("T#b", "y"), noisy("y", 10, 1.0, 3)));

        assertEquals("second", baselines.find("latest").orElseThrow().id());
        assertEquals("first", baselines.find("latest", "second").orElseThrow().id());
        assertEquals(2, baselines.find("second").orElseThrow().benchmarks().size());
        assertTrue(baselines.find("third").isEmpty());
        assertTrue(baselines.directory().startsWith(dir));
        assertEquals(10, baselines.find("first").orElseThrow().benchmarks().get("T#a/x").samples().size());
    }

    @Test
    void savingAnIdAgainAddsARunAndKeepsTheLastTenWithTheirMachineSpeed() {
        Baselines baselines = Baselines.at(dir);
        for (int i = 1; i <= 13; i++) {
            baselines.save("ci", Map.of("T#a/x", run("x", i, 1.0 + i / 100.0, i)));
        }

        Baseline saved = baselines.find("ci").orElseThrow();
        List<SavedRun> runs = saved.runsOf("T#a/x");
        assertEquals(10, Baselines.KEPT_RUNS);
        assertEquals(Baselines.KEPT_RUNS, runs.size());
        assertEquals(4 * 10, runs.get(0).calibrated().median(), 1, "the oldest kept: the fourth save");
        assertEquals(104, runs.get(0).machine(), 1, "its calibration loop's ns per unit");
        assertEquals(13 * 10, runs.get(9).calibrated().median(), 1);
        assertEquals(113, runs.get(9).machine(), 1);
        assertEquals(13000 * 1.13, saved.benchmarks().get("T#a/x").stats().median(), 200);
        assertTrue(saved.runsOf("T#b/y").isEmpty());
    }

    @Test
    void badIdsAndUnreadableFilesGetClearErrors() throws Exception {
        Baselines baselines = Baselines.at(dir);
        assertThrows(IllegalArgumentException.class, () -> baselines.find("../etc"));
        Files.createDirectories(baselines.directory());
        Files.writeString(baselines.directory().resolve("broken.json"), "{not json");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> baselines.find("broken"));
        assertTrue(e.getMessage().contains("is unreadable"), e.getMessage());
    }

    @Test
    void thresholdsParseAndResolveByNameThenGroup() {
        assertEquals(new Threshold("median", 5), Threshold.parse("median:5%"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threshold.parse("10"));
        assertEquals("benchmark threshold '10' is not of the form <mean|median|min|max>:<percent>%, e.g. mean:10%",
                e.getMessage());
        Thresholds t = Thresholds.of(Threshold.DEFAULT).with(Map.of("g", Threshold.parse("min:1%"),
                "n", Threshold.parse("max:50%")));
        assertEquals("max:50%", t.forBenchmark("n", "g").toString());
        assertEquals("min:1%", t.forBenchmark("other", "g").toString());
        assertEquals("median:5%", t.forBenchmark("other", null).toString());
    }

    @Test
    void theNormalDistributionMatchesItsTable() {
        assertEquals(0.5, BaselineCheck.normalCdf(0), 1e-7);
        assertEquals(0.99, BaselineCheck.normalCdf(2.3263), 1e-5);
        assertEquals(0.05, BaselineCheck.normalCdf(-1.6449), 1e-5);
    }

    /**
     * A calibrated run: rounds of {@code code × machine × 1000 ns} with 5 % noise, each followed by a calibration
     * of {@code machine × 100 ns} per unit with 1 % noise.
     */
    static BenchmarkRecord run(String name, double code, double machine, long seed) {
        Random random = new Random(seed);
        int n = 200;
        double[] samples = new double[n];
        List<Double> calibration = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples[i] = code * machine * (1000 + 50 * random.nextGaussian());
            calibration.add(machine * (100 + random.nextGaussian()));
        }
        return new BenchmarkRecord(name, null, "ns", Stats.of(samples, 1).summary(), "bench", null, null, null,
                null, java.util.Arrays.stream(samples).boxed().toList(), calibration, null, null);
    }

    /** Saved runs whose calibrated medians are these multiples of 10 (a run of {@code run(.., 1.0, ..)}). */
    static List<SavedRun> runs(double... medians) {
        return java.util.Arrays.stream(medians).mapToObj(m -> new SavedRun("2026-12-01T00:00:00Z",
                Stats.of(new double[] {10 * m * 0.98, 10 * m, 10 * m * 1.02}, 1).summary())).toList();
    }

    static BenchmarkRecord noisy(String name, int n, double scale, long seed) {
        Random random = new Random(seed);
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = scale * (1000 + 50 * random.nextGaussian());
        }
        return record(name, samples);
    }

    static BenchmarkRecord record(String name, double[] samples) {
        return new BenchmarkRecord(name, null, "ns", Stats.of(samples, 1).summary(), "bench", null, null, null,
                null, java.util.Arrays.stream(samples).boxed().toList(), null, null, null);
    }
}
