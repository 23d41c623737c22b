package dev.jig.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A fixed reference workload, timed right after every measured round, so that a comparison with a saved run
 * can tell a slower machine from slower code: on a shared machine the same code runs 10-90 % slower for
 * seconds or minutes while other work competes for the cores, the caches and the hypervisor, and the
 * calibration loop measured at the same moment slows down with it.
 *
 * <p>The work is what typical Java code does, the same in every JVM: short-lived objects (a string builder,
 * boxed integers, a small hash map), their allocation and hashing. We tried a cache-bound integer loop and a
 * streaming write loop first: measured beside the ATM codec on the shared 2-core machine, they tracked its
 * run-to-run swings of up to 60 % much worse (7-13 % left over) than this one (2-3 %). The loop is static and
 * never part of a benchmark's own measuring loop, so its compiled code is the same for every benchmark.
 */
final class Calibration {

    private static volatile Object sink;

    /** The shortest and the longest warmup of the loop, once per JVM. */
    private static final long MIN_WARMUP_NANOS = 200_000_000L;
    private static final long MAX_WARMUP_NANOS = 2_000_000_000L;
    private static final int WARMUP_CALLS_PER_BATCH = 100;

    private static volatile boolean warm;

    /**
     * Warms the loop up once per JVM, on first use, and not in this class's static initializer: code the JIT
     * compiles while a class is still being initialized checks for that, and is thrown away when the initializer
     * ends (an uncommon trap, reason "initialized"). Warmed up in the initializer, the loop ran at 1,000 ns per unit
     * instead of 350 until the JIT compiled it again, 0.6-1.7 s into the JVM, so runs saved or compared in a JVM's
     * first seconds were calibrated by a loop 2-3 times slower than later ones.
     */
    private static void ensureWarm() {
        if (!warm) {
            synchronized (Calibration.class) {
                if (!warm) {
                    warmUp();
                    warm = true;
                }
            }
        }
    }

    /**
     * Runs the loop until the JIT has compiled it for good: at least 200 ms, and on while a batch still gets more
     * than 3 % faster than the best so far (on a busy machine the optimising compile lands late), at most 2 s.
     * A calibration still interpreted at save time and compiled at compare time would make every benchmark look
     * slower by the difference (we saw +130 % on unchanged code).
     */
    private static void warmUp() {
        long start = System.nanoTime();
        double best = Double.MAX_VALUE;
        long improvedAt = start;
        while (System.nanoTime() - start < MAX_WARMUP_NANOS) {
            long batch = System.nanoTime();
            // Many short calls, not one long one: a long call runs on-stack-replaced code, and the method's own
            // compiled code, which every later calibration calls, comes only after hundreds of calls (we saw the
            // loop at 1,000 ns per unit until 1-2 s into the JVM, then at 350).
            for (int call = 0; call < WARMUP_CALLS_PER_BATCH; call++) {
                run(2_000 / WARMUP_CALLS_PER_BATCH);
            }
            double took = System.nanoTime() - batch;
            if (took < best * 0.97) {
                improvedAt = System.nanoTime();
            }
            best = Math.min(best, took);
            long now = System.nanoTime();
            if (now - start >= MIN_WARMUP_NANOS && now - improvedAt >= MIN_WARMUP_NANOS / 2) {
                return;
            }
        }
    }

    private Calibration() {
    }

    /** Times {@code units} units with {@code timer}; nanoseconds per unit. */
    static double nanosPerUnit(BenchTimer timer, int units) {
        ensureWarm();
        CpuWait.Mark before = CpuWait.before(timer);
        long start = timer.now();
        run(units);
        long took = timer.now() - start;
        return (double) CpuWait.leftOut(before, took) / units;
    }

    /** How many units last about {@code nanos} with {@code timer}, at least one. */
    static int unitsFor(BenchTimer timer, long nanos) {
        ensureWarm();
        double perUnit = Math.max(1.0, Math.min(nanosPerUnit(timer, 200), nanosPerUnit(timer, 200)));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / perUnit));
    }

    private static void run(int units) {
        Object last = null;
        for (int u = 0; u < units; u++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                text.append(i).append(',');
            }
            Map<Integer, Object> map = new HashMap<>();
            String value = text.toString();
            for (int i = 0; i < 8; i++) {
                map.put(i * value.length(), value);
            }
            last = map;
        }
        sink = last;
    }
}
