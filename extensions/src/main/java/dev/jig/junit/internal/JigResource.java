package dev.jig.junit.internal;

import dev.jig.record.ScopeRecorder;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A declared resource as the bench sees it: something with a name that can be started into a scope,
 * stopped, and asked what it has to say when a test fails.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface JigResource {

    /** The name the user gave it. */
    String name();

    /** Whether it is running now. */
    boolean isRunning();

    /**
     * Starts it, recording phases on {@code recorder}. On failure it throws and leaves nothing running.
     * Starting a running resource is an error.
     */
    void start(ScopeRecorder recorder);

    /** Stops it and records what it did on {@code recorder}. Idempotent; safe on a half-started resource. */
    void stop(ScopeRecorder recorder);

    /** What a failing test's message should show of it (output tail, unmatched requests); may be empty. */
    String diagnostics();

    /** Problems to fail the test with once everything has stopped (e.g. unacknowledged protocol errors). */
    default List<String> problems() {
        return List.of();
    }
}
