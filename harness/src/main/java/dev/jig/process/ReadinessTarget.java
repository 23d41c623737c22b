package dev.jig.process;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import org.apiguardian.api.API;

/**
 * What {@link Ready} conditions wait on: something with output, a life and maybe a port. A
 * {@link SystemProcess} is one; a container system ({@code dev.jig.container}) is another. Not for users:
 * it lets other Jig packages await the same conditions through {@link ProcessSupport#awaitReady}.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public interface ReadinessTarget {

    /** The name the user gave, e.g. {@code "atm"}. */
    String name();

    /** How failure messages name the running thing, e.g. {@code "pid 4242"} or {@code "container 3f2a1b"}. */
    String identity();

    /** What it printed so far; conditions subscribe to it. */
    ProcessOutput output();

    /** Whether it still runs. */
    boolean isAlive();

    /** The exit code, once it has exited. */
    OptionalInt exitCode();

    /** The port, once known (given at start, or captured from a log line). */
    OptionalInt port();

    /** Keeps the match of the log line that made it ready, and the port that line named (may be null). */
    void captureMatch(Matcher match, Integer capturedPort);

    /** Runs {@code action} once it has exited (at once if it already has). */
    void onExit(Runnable action);

    /** Gives its output up to {@code timeout} to arrive after an exit, so that messages show the last lines. */
    void drainOutput(Duration timeout);

    /** Called before each liveness check; a process notes its descendants here. */
    default void beforeCheck() {
    }

    /** The process itself, for {@link Ready#when(String, java.util.function.Predicate)}; null for others. */
    default SystemProcess process() {
        return null;
    }
}
