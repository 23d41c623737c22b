package dev.jig.junit.internal;

import dev.jig.record.Timeline;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The timeline of the test whose body runs on this thread, so that what a test does to a declared resource
 * (restart a system, send it a signal) becomes a phase of that test, whatever scope the resource has.
 */
@API(status = API.Status.INTERNAL, since = "0.3")
public final class CurrentTest {

    private static final ThreadLocal<Timeline> TIMELINE = new ThreadLocal<>();

    private CurrentTest() {
    }

    /** The running test body's timeline, if this thread runs one. */
    public static Optional<Timeline> timeline() {
        return Optional.ofNullable(TIMELINE.get());
    }

    /** Marks this thread as running a test body on {@code timeline} until the returned handle is closed. */
    static Scope enter(Timeline timeline) {
        Timeline outer = TIMELINE.get();
        TIMELINE.set(timeline);
        return () -> {
            if (outer == null) {
                TIMELINE.remove();
            } else {
                TIMELINE.set(outer);
            }
        };
    }

    /** The end of a test body on this thread. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
