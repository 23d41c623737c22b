package dev.jig.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/**
 * The measuring loop shared by the calibrated and the pedantic form: warmup, calibration of iterations per
 * round, then rounds until enough rounds and enough time.
 */
final class Measurement {

    /** Times one round of {@code iterations} operations, in the timer's nanoseconds. */
    @FunctionalInterface
    interface Round {
        long time(long iterations) throws Exception;
    }

    /**
     * What a measurement produced: per round, the time per operation and the calibration loop's time per
     * unit measured right after it; whether the JIT compiled meanwhile, and the heap's committed bytes before
     * and after (it grows in a young JVM, and the first use of new memory is slow).
     */
    record Samples(double[] perOperation, double[] calibration, long iterations, long resolution, int remeasured,
                   boolean compiledWhileMeasuring, long heapBefore, long heapAfter) {
        Samples remeasured(int times) {
            return new Samples(perOperation, calibration, iterations, resolution, times, compiledWhileMeasuring,
                    heapBefore, heapAfter);
        }

        /** Whether the heap grew while these rounds were measured. */
        boolean heapGrew() {
            return heapAfter > heapBefore;
        }

        /** These rounds and then {@code next}'s, as one measurement (a benchmark measured twice). */
        Samples followedBy(Samples next) {
            double[] rounds = Arrays.copyOf(perOperation, perOperation.length + next.perOperation.length);
            System.arraycopy(next.perOperation, 0, rounds, perOperation.length, next.perOperation.length);
            double[] units = Arrays.copyOf(calibration, calibration.length + next.calibration.length);
            System.arraycopy(next.calibration, 0, units, calibration.length, next.calibration.length);
            return new Samples(rounds, units, Math.max(iterations, next.iterations), resolution,
                    Math.max(remeasured, next.remeasured), compiledWhileMeasuring && next.compiledWhileMeasuring,
                    heapBefore, next.heapAfter);
        }
    }

    /** The calibration loop after each round lasts about this fraction of the round. */
    static final int CALIBRATION_SHARE = 3;

    // A round should be long enough that the timer's step is at most 0.1 % of it.
    static final long RESOLUTION_FACTOR = 1000;
    private static final long MAX_ITERATIONS = 1L << 40;
    private static final int MAX_ROUNDS = 1_000_000;
    static final int MAX_WARMUP_FACTOR = 5;
    /** A warmup window whose median is within 3 % of (or above) the previous one's counts as stable. */
    private static final double STABLE = 0.97;
    /** First-quarter rounds this much slower than last-quarter ones, with JIT work between, were warmup. */
    static final double DRIFT = 1.10;
    static final int MAX_REMEASURES = 2;

    private final BenchOptions options;
    private final Round round;
    private final long resolution;

    Measurement(BenchOptions options, Round round) {
        this.options = options;
        this.round = round;
        this.resolution = TimerResolution.of(options.timer());
    }

    /** Calibrates, warms up, recalibrates (the code got faster) and measures. */
    Samples calibrated() throws Exception {
        long target = target();
        long iterations = prepared();
        Samples samples = measure(iterations, options.minRounds(), options.maxTime().toNanos());
        // Warmup can end before a pending compilation lands (on a busy machine the compiler thread waits its
        // turn): then the first rounds are slower than the last and the JIT worked meanwhile. Those rounds were
        // warmup, so measure again, a bounded number of times.
        // Likewise when the heap grew while measuring and the rounds drifted either way: a young JVM's heap grows
        // under an allocating benchmark, and while it touches its new memory for the first time (page faults)
        // the code runs up to 2-3 times slower, so the last rounds were slower than the first for a reason that
        // is gone once the heap has settled.
        int remeasured = 0;
        while (remeasured < MAX_REMEASURES && unsettled(samples)) {
            remeasured++;
            iterations = calibrate(iterations, target);
            samples = measure(iterations, options.minRounds(), options.maxTime().toNanos()).remeasured(remeasured);
        }
        return samples;
    }

    /** Calibrates, warms up and recalibrates (the code got faster): the iterations a round needs. */
    long prepared() throws Exception {
        long target = target();
        long iterations = calibrate(1, target);
        warmup(iterations);
        return calibrate(iterations, target);
    }

    /** The shortest a round may last: {@code minTime}, and 1000 steps of the timer. */
    private long target() {
        return Math.max(options.minTime().toNanos(), resolution * RESOLUTION_FACTOR);
    }

    /** Whether the first quarter of the rounds was clearly slower than the last quarter. */
    static boolean stillGettingFaster(Samples samples) {
        return Stats.firstOverLastQuarter(samples.perOperation()).stream().anyMatch(ratio -> ratio > DRIFT);
    }

    /** Whether the first and the last quarter of the rounds differ clearly, either way. */
    static boolean drifted(Samples samples) {
        return Stats.firstOverLastQuarter(samples.perOperation()).stream()
                .anyMatch(ratio -> ratio > DRIFT || ratio * DRIFT < 1);
    }

    /**
     * Whether the rounds were not of one steady state: faster at the end while the JIT compiled, or drifting
     * either way while the heap grew. Slower at the end with neither is a busy machine, which measuring again
     * does not mend.
     */
    static boolean unsettled(Samples samples) {
        return samples.compiledWhileMeasuring() && stillGettingFaster(samples)
                || samples.heapGrew() && drifted(samples);
    }

    /** Exactly {@code rounds} rounds of {@code iterations} after {@code warmupRounds}, no calibration. */
    Samples fixed(int rounds, long iterations, int warmupRounds) throws Exception {
        for (int i = 0; i < warmupRounds; i++) {
            round.time(iterations);
        }
        return measure(iterations, rounds, 0);
    }

    long resolution() {
        return resolution;
    }

    private long calibrate(long start, long target) throws Exception {
        long iterations = start;
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        while (iterations < MAX_ITERATIONS) {
            long took = round.time(iterations);
            if (took >= target) {
                // Confirm: one round slowed by a pause or a busy machine must not stop calibration early.
                took = Math.min(took, Math.min(round.time(iterations), round.time(iterations)));
            }
            if (took >= target || System.nanoTime() > deadline) {
                return iterations;
            }
            // Jump close to the target (a bit over it) instead of doubling, but at least double.
            double factor = took <= 0 ? 10 : 1.2 * target / took;
            iterations = Math.min(MAX_ITERATIONS, (long) Math.ceil(iterations * Math.max(2.0, factor)));
        }
        return iterations;
    }

    private void warmup(long iterations) throws Exception {
        if (options.warmupRounds() > 0) {
            for (int i = 0; i < options.warmupRounds(); i++) {
                round.time(iterations);
            }
            return;
        }
        long window = options.warmupTime().toNanos();
        if (window == 0) {
            return;
        }
        // Warm up for warmupTime, then on in half windows while the code is still getting faster, the JIT is
        // still compiling (on a busy machine a compilation can land late) or the heap still grows, up to
        // MAX_WARMUP_FACTOR times.
        long hardEnd = System.nanoTime() + window * MAX_WARMUP_FACTOR;
        double previous = medianOfWindow(iterations, window);
        while (System.nanoTime() < hardEnd) {
            long compiled = jitMillis();
            long heap = heapCommitted();
            double current = medianOfWindow(iterations, window / 2);
            if (current > previous * STABLE && jitMillis() == compiled && heapCommitted() <= heap) {
                return;
            }
            previous = Math.min(previous, current);
        }
    }

    /** Total JIT compilation time so far, or 0 where the JVM does not report it. */
    static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The heap's committed bytes now. */
    static long heapCommitted() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getCommitted();
    }

    private double medianOfWindow(long iterations, long nanos) throws Exception {
        double[] times = new double[64];
        int count = 0;
        long end = System.nanoTime() + nanos;
        do {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = round.time(iterations);
        } while (System.nanoTime() < end);
        double[] sorted = Arrays.copyOf(times, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }

    private Samples measure(long iterations, int minRounds, long maxNanos) throws Exception {
        double[] samples = new double[Math.max(minRounds, 64)];
        double[] calibration = new double[samples.length];
        int units = 0;
        int count = 0;
        long end = System.nanoTime() + maxNanos;
        long compiledBefore = jitMillis();
        long heapBefore = heapCommitted();
        while (count < MAX_ROUNDS && (count < minRounds || System.nanoTime() < end)) {
            if (options.gcBetweenRounds()) {
                System.gc();
            }
            CpuWait.Mark before = CpuWait.before(options.timer());
            long took = CpuWait.leftOut(before, round.time(iterations));
            if (units == 0) {
                units = Calibration.unitsFor(options.timer(),
                        Math.max(took / CALIBRATION_SHARE, resolution * RESOLUTION_FACTOR / CALIBRATION_SHARE));
            }
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count * 2);
                calibration = Arrays.copyOf(calibration, count * 2);
            }
            calibration[count] = Calibration.nanosPerUnit(options.timer(), units);
            samples[count++] = (double) took / iterations;
        }
        return new Samples(Arrays.copyOf(samples, count), Arrays.copyOf(calibration, count), iterations, resolution,
                0, jitMillis() != compiledBefore, heapBefore, heapCommitted());
    }
}
