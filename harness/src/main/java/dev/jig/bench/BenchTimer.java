package dev.jig.bench;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The clock a {@link Bench} times rounds with, in nanoseconds.
 *
 * <pre>{@code
 * BenchOptions.builder().timer(BenchTimer.CPU).build();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface BenchTimer {

    /**
     * Wall-clock time ({@link System#nanoTime()}): includes waiting, e.g. for a server's reply. A measured round
     * leaves out the time the measuring thread was ready to run but waited for a CPU that another process had
     * (on Linux; see the README's "Benchmarks inside tests"): that is the machine's load, not the code.
     */
    BenchTimer WALL = named("wall", System::nanoTime);

    /** CPU time of the measuring thread: excludes waiting; coarser on most systems. */
    BenchTimer CPU = named("cpu", () -> CpuClock.THREADS.getCurrentThreadCpuTime());

    /** The current time in nanoseconds; only differences are meaningful. */
    long now();

    /** The name used in configuration ({@code jig.bench.timer}) and messages. */
    String name();

    /** The timer named {@code wall} or {@code cpu}. */
    static BenchTimer byName(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "wall":
            case "nano":
                return WALL;
            case "cpu":
                return CPU;
            default:
                throw new IllegalArgumentException("unknown benchmark timer '" + name + "': use wall or cpu");
        }
    }

    /** A timer from a clock. */
    static BenchTimer named(String name, java.util.function.LongSupplier clock) {
        return new BenchTimer() {
            @Override
            public long now() {
                return clock.getAsLong();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
