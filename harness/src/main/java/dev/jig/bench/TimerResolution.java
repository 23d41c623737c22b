package dev.jig.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Measures (once per timer and JVM) the smallest step a timer makes. */
final class TimerResolution {

    private static final Map<String, Long> MEASURED = new ConcurrentHashMap<>();
    private static final int SAMPLES = 50;
    // A coarse CPU clock may tick every 10 ms or so: stop sampling after this long and use what was seen.
    private static final long BUDGET_NANOS = 100_000_000L;

    private TimerResolution() {
    }

    /** The timer's resolution in nanoseconds (at least 1). */
    static long of(BenchTimer timer) {
        return MEASURED.computeIfAbsent(timer.name(), name -> measure(timer));
    }

    private static long measure(BenchTimer timer) {
        long best = Long.MAX_VALUE;
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (int i = 0; i < SAMPLES && System.nanoTime() < deadline; i++) {
            long start = timer.now();
            long next = timer.now();
            while (next == start && System.nanoTime() < deadline) {
                next = timer.now();
            }
            if (next > start) {
                best = Math.min(best, next - start);
            }
        }
        return best == Long.MAX_VALUE ? BUDGET_NANOS : Math.max(1, best);
    }
}
