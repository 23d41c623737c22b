package dev.jig.profiled;

/**
 * The reference workload of the profiler benchmark: twelve leaf methods of different, known weights, called in
 * rounds, so that exact and sampled profiles can be compared by their top methods.
 */
public final class Reference {

    private Reference() {
    }

    public static long run(int rounds) {
        long x = 1;
        for (int r = 0; r < rounds; r++) {
            x = w1(x) + w2(x) + w3(x) + w4(x) + w5(x) + w6(x) + w7(x) + w8(x) + w9(x) + w10(x) + w11(x) + w12(x);
        }
        return x;
    }

    /** One empty-bodied call: what instrumenting a call costs, measured by the benchmark. */
    public static long tiny(long x) {
        return x + 1;
    }

    // Each method has its own loop, so that its self time is its weight (a shared helper would take it all).
    public static long w1(long x) {
        long h = x;
        for (int i = 0; i < 100; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w2(long x) {
        long h = x;
        for (int i = 0; i < 200; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w3(long x) {
        long h = x;
        for (int i = 0; i < 300; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w4(long x) {
        long h = x;
        for (int i = 0; i < 400; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w5(long x) {
        long h = x;
        for (int i = 0; i < 500; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w6(long x) {
        long h = x;
        for (int i = 0; i < 600; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w7(long x) {
        long h = x;
        for (int i = 0; i < 700; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w8(long x) {
        long h = x;
        for (int i = 0; i < 800; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w9(long x) {
        long h = x;
        for (int i = 0; i < 900; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w10(long x) {
        long h = x;
        for (int i = 0; i < 1000; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w11(long x) {
        long h = x;
        for (int i = 0; i < 1100; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }

    public static long w12(long x) {
        long h = x;
        for (int i = 0; i < 1200; i++) {
            h = h * 6364136223846793005L + i;
        }
        return h;
    }
}
