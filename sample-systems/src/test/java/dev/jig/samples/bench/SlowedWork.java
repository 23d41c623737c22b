package dev.jig.samples.bench;

import dev.jig.bench.BenchAction;

/**
 * A benchmark with a slowdown of a known size: the ATM codec work of one withdrawal, {@link #repeats} times.
 * {@value #BASE} repeats are the code "before"; 22 are exactly 10 % more of the same work, 25 exactly 25 %, and
 * nothing else changes (same method, same compiled code: the count is read from a volatile field).
 */
final class SlowedWork {

    static final int BASE = 20;
    static volatile int repeats = BASE;

    private SlowedWork() {
    }

    /** {@code percent} more of the work from now on (0: the original). */
    static void slowerBy(int percent) {
        repeats = repeatsFor(percent);
    }

    private static int repeatsFor(int percent) {
        if (percent * BASE % 100 != 0) {
            throw new IllegalArgumentException("a slowdown of " + percent + " % is not a whole number of the "
                    + BASE + " repeats; use a multiple of 5 %");
        }
        return BASE + percent * BASE / 100;
    }

    static byte[] run() throws Exception {
        return run(repeats);
    }

    /**
     * The work {@code percent} slower than the original, as an action of its own, so that two versions can be
     * measured side by side ({@code Bench.compare}): every version is the same lambda with another count.
     */
    static BenchAction<byte[]> slowerVersion(int percent) {
        int n = repeatsFor(percent);
        return () -> run(n);
    }

    private static byte[] run(int n) throws Exception {
        byte[] last = null;
        for (int i = 0; i < n; i++) {
            last = CodecWork.atmRoundTrip();
        }
        return last;
    }
}
