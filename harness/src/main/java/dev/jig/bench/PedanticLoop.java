package dev.jig.bench;

/**
 * The measured loop of {@link Bench#pedantic}: a fresh state from the setup per round, {@code iterations} calls
 * timed, the teardown untimed. Copied per benchmark by {@link LoopCopies}, like {@link ActionLoop}.
 */
final class PedanticLoop implements Measurement.Round {

    private final Pedantic<Object> spec;
    private final Blackhole blackhole;
    private final BenchTimer timer;

    PedanticLoop(Pedantic<Object> spec, Blackhole blackhole, BenchTimer timer) {
        this.spec = spec;
        this.blackhole = blackhole;
        this.timer = timer;
    }

    @Override
    public long time(long iterations) throws Exception {
        Object state = spec.setup().get();
        try {
            long start = timer.now();
            for (long i = 0; i < iterations; i++) {
                blackhole.consume(spec.action().apply(state));
            }
            return timer.now() - start;
        } finally {
            spec.teardown().accept(state);
        }
    }
}
