package dev.jig.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * When a started system counts as ready, whatever runs it. Jig waits for the condition after spawning the
 * system, fails at once if it exits meanwhile, and stops it if the condition is not met in time.
 *
 * <pre>{@code
 * SystemSpec.command("atm", "python3", "atm.py")     // or SystemSpec.image("atm", "jig/atm:1")
 *     .readyWhen(Ready.all(
 *         Ready.logLine("listening on port (\\d+)"),   // captures the port
 *         Ready.http("/health").within(Duration.ofSeconds(5))));
 * }</pre>
 *
 * <p>Conditions without their own {@link #within(Duration)} use the spec's
 * {@link SystemSpec#readyTimeout(Duration)} (inside {@link #all}, the timeout of the whole).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public sealed interface Ready permits ReadyCondition {

    /**
     * The system's port accepts TCP connections where the test reaches it. The port is the fixed one
     * ({@link SystemSpec#port(int)}), the {@link SystemSpec#FREE_PORT} value, or one captured by an earlier
     * {@link #logLine} in {@link #all}; the start fails with a clear message if there is none.
     */
    static Ready port() {
        return new PortReady(null, null);
    }

    /** The given port of the system accepts TCP connections where the test reaches it. */
    static Ready port(int port) {
        return new PortReady(PortReady.checkPort(port), null);
    }

    /**
     * A line on stdout or stderr in which {@code regex} is found; lines printed before the wait began
     * count too (after a restart, only the new run's). The groups of the match are kept ({@link RunningSystem#captured()}); a group named
     * {@code port}, or else group 1 if it is a number from 1 to 65535, becomes the system's port.
     */
    static Ready logLine(String regex) {
        return new LogLineReady(regex, null);
    }

    /** {@code GET http://<its address><path>} answers with a 2xx status; polled. */
    static Ready http(String path) {
        return new HttpReady(HttpReady.checkPath(path), null, null);
    }

    /** {@code GET uri} answers with a 2xx status; polled. */
    static Ready http(URI uri) {
        return new HttpReady(null, HttpReady.checkUri(uri), null);
    }

    /**
     * {@code check} on the running system returns true; polled, for every backend, e.g.
     * {@code Ready.when("two workers", atm -> atm.output().lines().size() > 2)}. An exception from it counts as
     * "not yet" and is shown if the wait times out.
     *
     * @param description what is awaited, for messages, e.g. {@code "the queue to be declared"}
     */
    static Ready when(String description, Predicate<RunningSystem> check) {
        return new WhenReady(Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(check, "check"), null, null);
    }

    /**
     * {@code check} returns true; polled, e.g.
     * {@code Ready.when("the schema to exist", () -> schemaExists(db))}. An exception from it counts as
     * "not yet" and is shown if the wait times out.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    static Ready when(String description, BooleanSupplier check) {
        return new WhenReady(Objects.requireNonNull(description, "description"), null,
                Objects.requireNonNull(check, "check"), null);
    }

    /** All conditions, one after another, in the given order. */
    static Ready all(Ready... conditions) {
        if (conditions.length == 0) {
            throw new IllegalArgumentException("Ready.all(...) needs at least one condition");
        }
        return new AllReady(List.of(conditions), null);
    }

    /** This condition with its own timeout, instead of the spec's readiness timeout. */
    Ready within(Duration timeout);

    /** What is awaited, for messages, e.g. {@code "a log line matching 'listening on port (\d+)'"}. */
    String describe();
}
