package dev.jig.profile;

/**
 * Measures what one instrumented call costs the caller's clock: the time of an enter/exit pair that the
 * callee's own timestamps do not see. Measured once per JVM, the best of a few rounds after a warm-up, because
 * the profile subtracts it from every caller's self time.
 */
final class Overhead {

    private static final int CALLS = 200_000;
    private static final int ROUNDS = 5;
    private static volatile long perCall = -1;

    private Overhead() {
    }

    /** The cost per call in nanoseconds, measured on first use. */
    static long perCall() {
        long known = perCall;
        if (known < 0) {
            known = measure();
            perCall = known;
        }
        return known;
    }

    private static synchronized long measure() {
        if (perCall >= 0) {
            return perCall;
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            best = Math.min(best, round());
        }
        return Math.max(0, best);
    }

    /** One round in a session of its own: the loop's time minus what the callee's clock recorded, per call. */
    private static long round() {
        CallRecorder.Session session = CallRecorder.begin();
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            CallRecorder.exit(CallRecorder.enter("dev.jig.profile.Overhead.calibrate"));
        }
        long elapsed = System.nanoTime() - start;
        CallTree tree = CallRecorder.end(session);
        long seenByCallee = tree.root().children.values().stream().mapToLong(n -> n.totalNanos).sum();
        return (elapsed - seenByCallee) / CALLS;
    }
}
