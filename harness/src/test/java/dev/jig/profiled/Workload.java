package dev.jig.profiled;

/** Code the profiler tests instrument (a package of its own, outside dev.jig.profile, which is never woven). */
public final class Workload {

    private Workload() {
    }

    public static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void fails(long spinNanos) {
        spin(spinNanos);
        throw new IllegalStateException("planned failure");
    }

    public static long spin(long nanos) {
        long start = System.nanoTime();
        long x = 0;
        while (System.nanoTime() - start < nanos) {
            x++;
        }
        return x;
    }

    /** Busy for {@code nanos} in calls of {@link #mix}: JFR cannot walk the stack of a call-free loop. */
    public static long busy(long nanos) {
        long start = System.nanoTime();
        long x = 0;
        while (System.nanoTime() - start < nanos) {
            x += mix(x);
        }
        return x;
    }

    public static long mix(long x) {
        long h = x;
        for (int i = 0; i < 200; i++) {
            h = h * 31 + (h >>> 7) + i;
        }
        return h & 1;
    }

    public static void onThreadA() {
        spin(1_000_000);
    }

    public static void onThreadB() {
        spin(1_000_000);
    }

    public static void caller() {
        onThreadA();
    }
}
