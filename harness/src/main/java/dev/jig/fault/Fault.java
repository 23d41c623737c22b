package dev.jig.fault;

import dev.jig.support.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * What goes wrong with one exchange between a system and a fake. Delays still answer, late; the other
 * faults answer wrongly or not at all and then end the connection.
 *
 * <pre>{@code
 * bank.server().faults(FaultSchedule.nth(3, Fault.reset()));       // the 3rd request: connection reset
 * api.faults(FaultSchedule.first(2, Fault.delay(Duration.ofSeconds(3))));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public sealed interface Fault {

    /** The reply is sent {@code delay} late. */
    static Fault delay(Duration delay) {
        return new Delay(Durations.positive(delay, "delay"));
    }

    /** The reply is sent late by a uniformly random delay between {@code min} and {@code max}. */
    static Fault randomDelay(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("A random delay needs 0 <= min <= max; got min " + min + ", max "
                    + max + ". Pass e.g. randomDelay(Duration.ofMillis(50), Duration.ofMillis(200)).");
        }
        return new RandomDelay(min, max);
    }

    /** No reply: the connection is closed in order (FIN), as by a server that gave up. */
    static Fault close() {
        return new Close();
    }

    /** No reply: the connection is reset (RST), as by a crashed peer. */
    static Fault reset() {
        return new Reset();
    }

    /** {@code bytes} random bytes instead of the reply, then the connection is closed. */
    static Fault garbage(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("garbage(bytes) needs at least 1 byte; got " + bytes + ".");
        }
        return new Garbage(bytes);
    }

    /** The first half of the reply (frame or body, header included), then the connection is closed. */
    static Fault partial() {
        return new Partial();
    }

    /** For messages and the record, e.g. {@code "delay 200 ms"}, {@code "reset"}. */
    String describe();

    /** Whether the exchange still gets its proper reply (a delay), as opposed to a broken one. */
    default boolean replies() {
        return false;
    }

    /** How long to hold the reply back; zero for faults that are not delays. */
    default Duration holdBack() {
        return Duration.ZERO;
    }

    /** A fixed delay. */
    record Delay(Duration delay) implements Fault {
        @Override
        public String describe() {
            return "delay " + Durations.human(delay);
        }

        @Override
        public boolean replies() {
            return true;
        }

        @Override
        public Duration holdBack() {
            return delay;
        }
    }

    /** A uniformly random delay in {@code [min, max]}, drawn anew for each exchange. */
    record RandomDelay(Duration min, Duration max) implements Fault {
        @Override
        public String describe() {
            return "random delay " + Durations.human(min) + " to " + Durations.human(max);
        }

        @Override
        public boolean replies() {
            return true;
        }

        @Override
        public Duration holdBack() {
            long span = max.toNanos() - min.toNanos();
            long extra = span == 0 ? 0 : ThreadLocalRandom.current().nextLong(span + 1);
            return min.plusNanos(extra);
        }
    }

    /** An orderly close without a reply. */
    record Close() implements Fault {
        @Override
        public String describe() {
            return "close";
        }
    }

    /** A reset without a reply. */
    record Reset() implements Fault {
        @Override
        public String describe() {
            return "reset";
        }
    }

    /** Random bytes instead of the reply. */
    record Garbage(int bytes) implements Fault {
        @Override
        public String describe() {
            return "garbage (" + bytes + " bytes)";
        }
    }

    /** Half a reply, then close. */
    record Partial() implements Fault {
        @Override
        public String describe() {
            return "partial reply";
        }
    }
}
