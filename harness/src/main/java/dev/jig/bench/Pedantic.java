package dev.jig.bench;

import org.apiguardian.api.API;

/**
 * The explicit form of a benchmark, for {@link Bench#pedantic(String, Pedantic)}: a fresh state from
 * {@code setup} before every round (not timed), {@code iterations} timed calls of {@code action} on it,
 * {@code teardown} after the round (not timed); exactly {@code rounds} measured rounds after
 * {@code warmupRounds} unmeasured ones. No calibration: you choose.
 *
 * <pre>{@code
 * bench.pedantic("decode", Pedantic.of(() -> encode(sample), bytes -> codec.decode(bytes))
 *         .rounds(200).iterations(1).warmupRounds(20));
 * }</pre>
 *
 * @param <S> the state setup makes for a round
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Pedantic<S>(Setup<S> setup, Action<S> action, Teardown<S> teardown, int rounds, long iterations,
                          int warmupRounds) {

    /** Makes a round's state. */
    @FunctionalInterface
    public interface Setup<S> {
        S get() throws Exception;
    }

    /** The measured operation on a round's state; its result is consumed. */
    @FunctionalInterface
    public interface Action<S> {
        Object apply(S state) throws Exception;
    }

    /** Releases a round's state. */
    @FunctionalInterface
    public interface Teardown<S> {
        void accept(S state) throws Exception;
    }

    public Pedantic {
        if (setup == null || action == null || teardown == null) {
            throw new IllegalArgumentException("pedantic benchmark needs a setup, an action and a teardown");
        }
        if (rounds < 1 || iterations < 1 || warmupRounds < 0) {
            throw new IllegalArgumentException("pedantic benchmark needs rounds >= 1, iterations >= 1 and "
                    + "warmupRounds >= 0, got rounds=" + rounds + ", iterations=" + iterations
                    + ", warmupRounds=" + warmupRounds);
        }
    }

    /** 100 rounds of one iteration, 10 warmup rounds, no teardown. */
    public static <S> Pedantic<S> of(Setup<S> setup, Action<S> action) {
        return new Pedantic<>(setup, action, state -> { }, 100, 1, 10);
    }

    /** Without state: {@code action} is called with {@code null}. */
    public static Pedantic<Void> of(BenchAction<?> action) {
        return of(() -> null, ignored -> action.call());
    }

    /** With a teardown after every round. */
    public Pedantic<S> teardown(Teardown<S> value) {
        return new Pedantic<>(setup, action, value, rounds, iterations, warmupRounds);
    }

    /** Exactly this many measured rounds. */
    public Pedantic<S> rounds(int value) {
        return new Pedantic<>(setup, action, teardown, value, iterations, warmupRounds);
    }

    /** This many timed calls per round. */
    public Pedantic<S> iterations(long value) {
        return new Pedantic<>(setup, action, teardown, rounds, value, warmupRounds);
    }

    /** This many unmeasured rounds first. */
    public Pedantic<S> warmupRounds(int value) {
        return new Pedantic<>(setup, action, teardown, rounds, iterations, value);
    }
}
