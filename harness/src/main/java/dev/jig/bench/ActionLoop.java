package dev.jig.bench;

/**
 * The measured loop of {@link Bench#run}: times {@code iterations} calls of the action, each result into the
 * blackhole. Never used as is: {@link LoopCopies} defines a fresh copy of this class for every benchmark (see
 * there why), so keep it self-contained: no nested classes, no lambdas.
 */
final class ActionLoop implements Measurement.Round {

    private final BenchAction<?> action;
    private final Blackhole blackhole;
    private final BenchTimer timer;

    ActionLoop(BenchAction<?> action, Blackhole blackhole, BenchTimer timer) {
        this.action = action;
        this.blackhole = blackhole;
        this.timer = timer;
    }

    @Override
    public long time(long iterations) throws Exception {
        long start = timer.now();
        for (long i = 0; i < iterations; i++) {
            blackhole.consume(action.call());
        }
        return timer.now() - start;
    }
}
