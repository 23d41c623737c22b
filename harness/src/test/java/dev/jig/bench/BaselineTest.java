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
    void identicalDistributionsAreNotARegression() {
        BaselineComparison c = check.compare(noisy("a", 1000, 1.0, 1), noisy("a", 1000, 1.0, 2), "b1").baseline();

        assertFalse(c.regression());
        assertEquals("mann-whitney-u", c.method());
        assertEquals("mean:10%", c.threshold());
        assertEquals("b1", c.baselineId());
        assertTrue(Math.abs(c.deltaPercent()) < 5, "delta " + c.deltaPercent());
    }

    @Test
    void aSlowdownBeyondTheThresholdIsARegression() {
        BenchmarkRecord compared = check.compare(noisy("withdraw", 1000, 1.5, 1), noisy("withdraw", 1000, 1.0, 2),
                "b1");

        assertTrue(compared.baseline().regression());
        assertTrue(compared.baseline().significant());
        assertTrue(compared.baseline().pValue() < 0.001);
        String message = BaselineCheck.regressions("AtmBench#withdraw", List.of(compared)).orElseThrow();
        assertTrue(message.startsWith("benchmark 'withdraw' in AtmBench#withdraw is "), message);
        assertTrue(message.contains("slower than baseline 'b1'"), message);
        assertTrue(message.contains("threshold mean:10%, mann-whitney-u p="), message);
    }

    @Test
    void aSignificantSlowdownWithinTheThresholdIsNotARegression() {
        BaselineComparison c = check.compare(noisy("a", 1000, 1.05, 1), noisy("a", 1000, 1.0, 2), "b1").baseline();

        assertTrue(c.significant());
        assertFalse(c.regression());
    }

    @Test
    void aFewSlowOutlierRoundsDoNotMakeARegression() {
        BenchmarkRecord current = noisy("a", 200, 1.0, 1);
        double[] samples = current.samples().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < 10; i++) {
            samples[i] *= 20;   // GC pauses: the mean grows by far more than 10 %
        }
        BaselineComparison c = check.compare(record("a", samples), noisy("a", 200, 1.0, 2), "b1").baseline();

        assertTrue(c.deltaPercent() > 10, "delta " + c.deltaPercent());
        assertFalse(c.regression());
    }

    @Test
    void withoutSamplesTheVerdictSaysItUsedTheBareDifference() {
        BenchmarkRecord saved = new BenchmarkRecord("a", null, "ns", Stats.of(new double[] {100}, 1).summary(),
                "bench", null, null, null, null, null, null, null);

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
        assertEquals("mean:10%", t.forBenchmark("other", null).toString());
    }

    @Test
    void mannWhitneyMatchesAHandComputedExample() {
        // x all above y: U = n1*n2 = 25, mean 12.5, variance 25*11/12 -> z = (25-12.5-0.5)/4.787 = 2.507
        double p = MannWhitney.greaterP(List.of(6.0, 7.0, 8.0, 9.0, 10.0), List.of(1.0, 2.0, 3.0, 4.0, 5.0), 1);
        assertEquals(0.00609, p, 1e-4);
        assertEquals(0.5, MannWhitney.normalCdf(0), 1e-7);
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
                null, java.util.Arrays.stream(samples).boxed().toList(), null, null);
    }
}
