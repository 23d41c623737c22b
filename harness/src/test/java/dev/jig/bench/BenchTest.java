package dev.jig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.BenchmarkRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

    private static final BenchOptions QUICK = BenchOptions.builder().warmupTime(Duration.ofMillis(5))
            .minRounds(5).minTime(Duration.ofMillis(1)).maxTime(Duration.ofMillis(20)).build();

    @Test
    void aCloseCallIsMeasuredAgainAtMostTwiceAndKeepsTheRoundsOfAllRuns() {
        List<BenchmarkRecord> asked = new ArrayList<>();
        Bench bench = Bench.create(QUICK).confirmWhen(b -> asked.add(b) && b.name().startsWith("close"));

        BenchmarkRecord close = bench.run("close", () -> sum(200));
        BenchmarkRecord clear = bench.run("clear", () -> sum(200));
        AtomicInteger questions = new AtomicInteger();
        Bench onceClose = Bench.create(QUICK).confirmWhen(b -> questions.incrementAndGet() == 1);
        BenchmarkRecord settled = onceClose.run("close once", () -> sum(200));

        assertEquals(3, asked.size(), "asked after each run while close, then about the other benchmark");
        int firstRounds = asked.get(0).samples().size();
        assertTrue(asked.get(1).samples().size() > firstRounds, "the second question sees both runs' rounds");
        assertTrue(close.samples().size() > asked.get(1).samples().size(), "a third run's rounds are added");
        assertEquals(close.samples().size(), close.calibration().size());
        assertEquals(close.samples().size(), close.stats().rounds());
        assertTrue(close.warnings().stream().anyMatch(w -> w.startsWith("measured 3 times: a close call against the "
                + "baseline (median ") && w.endsWith("after 2 runs), so the rounds of 3 runs with fresh measuring "
                + "loops are judged together")), close.warnings().toString());
        assertTrue(clear.warnings().stream().noneMatch(w -> w.startsWith("measured")), clear.warnings().toString());
        assertEquals(asked.get(2).samples(), clear.samples());
        assertEquals(List.of("close", "clear"), bench.results().stream().map(BenchmarkRecord::name).toList());
        assertTrue(settled.warnings().stream().anyMatch(w -> w.startsWith("measured twice: ")),
                "close once, then clear: " + settled.warnings());
        assertEquals(2, questions.get());
    }

    @Test
    void aCloseCallAgainstASavedBaselineIsARegressionOrNearTheThreshold(@TempDir Path dir) {
        Baselines baselines = Baselines.at(dir);
        for (int i = 0; i < 5; i++) {
            baselines.save("main", Map.of(Baseline.key("T", "codec"),
                    BaselineTest.run("codec", 1.0, 1.0, i)));
        }
        Baseline baseline = baselines.find("main").orElseThrow();
        Predicate<BenchmarkRecord> closeCall = new BaselineCheck(Thresholds.of(Threshold.DEFAULT))
                .closeCall("T", baseline);

        assertFalse(closeCall.test(BaselineTest.run("codec", 1.0, 1.0, 9)), "the same: clear");
        assertTrue(closeCall.test(BaselineTest.run("codec", 1.05, 1.0, 9)), "5 % slower: at the threshold");
        assertTrue(closeCall.test(BaselineTest.run("codec", 1.30, 1.0, 9)), "30 % slower: a regression, confirmed");
        assertFalse(closeCall.test(BaselineTest.run("other", 1.30, 1.0, 9)), "not in the baseline: nothing to judge");
    }

    @Test
    void runCalibratesRoundsToLastAtLeastTheMinimumTime() {
        BenchmarkRecord result = Bench.create(QUICK).run("sum", () -> sum(200));

        assertEquals("sum", result.name());
        assertEquals("bench", result.source());
        assertEquals("ns", result.unit());
        assertTrue(result.stats().rounds() >= 5, "rounds " + result.stats().rounds());
        assertTrue(result.stats().mean() * result.stats().iterations() >= 1_000_000 * 0.5,
                "round lasts " + result.stats().mean() * result.stats().iterations() + " ns");
        assertEquals(result.stats().rounds(), result.samples().size());
        assertTrue(result.stats().min() <= result.stats().median() && result.stats().median() <= result.stats().max());
        assertTrue(result.percentiles().containsKey("99.0"));
        assertTrue(!result.histogram().isEmpty());
    }

    @Test
    void everyRoundIsFollowedByATimedCalibration() {
        BenchmarkRecord result = Bench.create(QUICK).run("sum", () -> sum(200));

        assertEquals(result.samples().size(), result.calibration().size());
        assertTrue(result.calibration().stream().allMatch(c -> c > 0), "calibration " + result.calibration());
        assertTrue(Calibrated.rounds(result).isPresent());
    }

    @Test
    void pedanticRunsSetupAndTeardownAroundEveryRoundAndExactlyTheRoundsAsked() {
        AtomicInteger setups = new AtomicInteger();
        List<Integer> tornDown = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();

        BenchmarkRecord result = Bench.create(QUICK).pedantic("p",
                Pedantic.of(setups::incrementAndGet, state -> calls.incrementAndGet())
                        .teardown(tornDown::add).rounds(7).iterations(3).warmupRounds(2));

        assertEquals(7, result.stats().rounds());
        assertEquals(3, result.stats().iterations());
        assertEquals(9, setups.get());
        assertEquals(9, tornDown.size());
        assertEquals(27, calls.get());
    }

    @Test
    void groupsAreRelativeToTheirFastestBenchmark() {
        Bench bench = Bench.create(QUICK);
        bench.group("g").run("fast", () -> sum(100));
        bench.group("g").run("slow", () -> sum(2000));
        bench.run("alone", () -> sum(10));

        List<BenchmarkRecord> results = bench.results();

        assertEquals(1.0, results.get(0).relative());
        assertTrue(results.get(1).relative() > 2, "slow relative " + results.get(1).relative());
        assertNull(results.get(2).relative());
    }

    @Test
    void anActionThatThrowsFailsNamingTheBenchmark() {
        BenchmarkFailedException e = assertThrows(BenchmarkFailedException.class,
                () -> Bench.create(QUICK).run("broken", () -> {
                    throw new IllegalStateException("boom");
                }));

        assertTrue(e.getMessage().startsWith("benchmark 'broken' failed: its action threw"), e.getMessage());
    }

    @Test
    void anOperationBelowTheFloorIsWarnedAbout() {
        // Floor.warnings directly: whether a trivial action measures below 10 ns depends on the machine's load.
        List<String> warnings = Floor.warnings(Stats.of(new double[] {2, 3, 4}, 1_000_000).summary(), 1_000_000,
                30, BenchTimer.WALL);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("mean 3.00 ns per operation is below the 10 ns floor"), warnings.get(0));
    }

    @Test
    void pedanticRoundsShorterThanTheTimerCanMeasureAreWarnedAbout() {
        BenchmarkRecord result = Bench.create(QUICK).pedantic("tiny", Pedantic.of(() -> 1).rounds(3));

        assertTrue(String.join(";", result.warnings()).contains("raise the iterations per round"),
                result.warnings().toString());
    }

    @Test
    void badOptionsAreRejectedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().minRounds(0).build());

        assertEquals("minRounds must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchTimer.byName("sundial"));
        assertSame(BenchTimer.CPU, BenchTimer.byName("cpu"));
    }

    @Test
    void cpuTimerMeasuresToo() {
        BenchmarkRecord result = Bench.create(QUICK.toBuilder().timer(BenchTimer.CPU).gcBetweenRounds(true).build())
                .run("cpu", () -> sum(500));

        assertTrue(result.stats().mean() > 0);
    }

    @Test
    void timerResolutionIsMeasuredAndPositive() {
        long resolution = Bench.create().timerResolutionNanos();

        assertTrue(resolution >= 1 && resolution < 100_000_000, "resolution " + resolution);
    }

    static long sum(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += Long.hashCode(total * 31 + i);
        }
        return total;
    }
}
