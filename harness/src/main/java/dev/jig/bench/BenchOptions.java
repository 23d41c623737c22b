package dev.jig.bench;

import dev.jig.support.Durations;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a {@link Bench} measures: an immutable value built with {@link #builder()}.
 *
 * <pre>{@code
 * BenchOptions options = BenchOptions.builder()
 *         .group("codec")
 *         .warmupTime(Duration.ofMillis(200))
 *         .minRounds(10)
 *         .maxTime(Duration.ofSeconds(1))
 *         .build();
 * }</pre>
 *
 * @param group           the group benchmarks are compared within ({@code null}: none)
 * @param warmupTime      how long to run the action before measuring at least (ignored when {@code warmupRounds > 0});
 *                        warmup goes on while the action still gets faster or the JIT still compiles, up to
 *                        five times this
 * @param warmupRounds    calibrated rounds to run before measuring, instead of {@code warmupTime}
 * @param minRounds       the fewest measured rounds, even when {@code maxTime} is over
 * @param minTime         the shortest a round may last; iterations per round are raised until a round lasts
 *                        at least this and at least 1000 times the timer's resolution
 * @param maxTime         how long to keep measuring rounds (after {@code minRounds})
 * @param timer           the clock rounds are timed with
 * @param gcBetweenRounds whether to ask for a garbage collection (untimed) before every round
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BenchOptions(String group, Duration warmupTime, int warmupRounds, int minRounds, Duration minTime,
                           Duration maxTime, BenchTimer timer, boolean gcBetweenRounds) {

    /** The defaults: 200 ms warmup, at least 5 rounds of at least 1 ms, 500 ms of measuring, wall clock. */
    public static final BenchOptions DEFAULTS = builder().build();

    public BenchOptions {
        Objects.requireNonNull(warmupTime, "warmupTime");
        if (warmupTime.isNegative()) {
            throw new IllegalArgumentException("warmupTime must not be negative, got " + warmupTime);
        }
        requireAtLeast(warmupRounds, 0, "warmupRounds");
        requireAtLeast(minRounds, 1, "minRounds");
        Durations.positive(minTime, "minTime");
        Durations.positive(maxTime, "maxTime");
        Objects.requireNonNull(timer, "timer");
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.group = group;
        builder.warmupTime = warmupTime;
        builder.warmupRounds = warmupRounds;
        builder.minRounds = minRounds;
        builder.minTime = minTime;
        builder.maxTime = maxTime;
        builder.timer = timer;
        builder.gcBetweenRounds = gcBetweenRounds;
        return builder;
    }

    private static void requireAtLeast(int value, int least, String what) {
        if (value < least) {
            throw new IllegalArgumentException(what + " must be at least " + least + ", got " + value);
        }
    }

    /** Builds {@link BenchOptions}; every setter returns the builder. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private String group;
        private Duration warmupTime = Duration.ofMillis(200);
        private int warmupRounds;
        private int minRounds = 5;
        private Duration minTime = Duration.ofMillis(1);
        private Duration maxTime = Duration.ofMillis(500);
        private BenchTimer timer = BenchTimer.WALL;
        private boolean gcBetweenRounds;

        private Builder() {
        }

        /** The group to compare within; {@code null} for none. */
        public Builder group(String value) {
            this.group = value;
            return this;
        }

        /** Warm up for this long before measuring; zero for no warmup. */
        public Builder warmupTime(Duration value) {
            this.warmupTime = value;
            this.warmupRounds = 0;
            return this;
        }

        /** Warm up with this many rounds instead of a time. */
        public Builder warmupRounds(int value) {
            this.warmupRounds = value;
            return this;
        }

        /** Measure at least this many rounds. */
        public Builder minRounds(int value) {
            this.minRounds = value;
            return this;
        }

        /** A round lasts at least this long. */
        public Builder minTime(Duration value) {
            this.minTime = value;
            return this;
        }

        /** Keep measuring rounds for this long. */
        public Builder maxTime(Duration value) {
            this.maxTime = value;
            return this;
        }

        /** The clock rounds are timed with. */
        public Builder timer(BenchTimer value) {
            this.timer = value;
            return this;
        }

        /** Ask for a garbage collection before every round, so that one round's garbage is not the next's cost. */
        public Builder gcBetweenRounds(boolean value) {
            this.gcBetweenRounds = value;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} naming a bad value. */
        public BenchOptions build() {
            return new BenchOptions(group, warmupTime, warmupRounds, minRounds, minTime, maxTime, timer,
                    gcBetweenRounds);
        }
    }
}
