package dev.jig.bench;

import org.apiguardian.api.API;

/**
 * Consumes values so that the JIT compiler cannot prove them unused and remove the work that made them.
 * {@link Bench} feeds every result of a measured action into one; use it directly for values computed
 * inside an action that returns nothing.
 *
 * <pre>{@code
 * bench.run("parse", () -> { bench.blackhole().consume(parse(text)); });
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Blackhole {

    // Compared with a volatile field that never matches: the compiler must keep the value and the comparison,
    // but the store below (the expensive part) never happens.
    private volatile Object never = new Object();
    private volatile Object escaped;
    private volatile long longNever = Long.MIN_VALUE + 7;

    /** Consumes an object. */
    public void consume(Object value) {
        if (value == never) {
            escaped = value;
        }
    }

    /** Consumes a long (and anything widening to it) without boxing. */
    public void consume(long value) {
        if (value == longNever) {
            escaped = value;
        }
    }

    /** Consumes a double without boxing. */
    public void consume(double value) {
        if (value == longNever) {
            escaped = value;
        }
    }

    @Override
    public String toString() {
        return "Blackhole" + (escaped == null ? "" : "!");
    }
}
