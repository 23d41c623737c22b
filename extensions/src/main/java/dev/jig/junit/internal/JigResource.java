package dev.jig.junit.internal;

import dev.jig.record.DiagnosticsRecord;
import dev.jig.record.ScopeRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /**
     * Stops it without making the caller wait for the end, where it can (a system: the polite signal now, the exit
     * and its record later, into {@code recorder}); by default the same as {@link #stop}.
     */
    default void stopInBackground(ScopeRecorder recorder) {
        stop(recorder);
    }

    /** What a failing test's message should show of it (output tail, unmatched requests); may be empty. */
    String diagnostics();

    /** The same, for a failure at {@code failedAt} (systems say how long before it they exited). */
    default String diagnostics(Instant failedAt) {
        return diagnostics();
    }

    /** Problems to fail the test with once everything has stopped (e.g. unacknowledged protocol errors). */
    default List<String> problems() {
        return List.of();
    }

    /**
     * A failure to fail the test with, whose type matters (what a fake's stub threw: an {@code AssertionError} in a
     * stub is the test's failure); empty if none, or if it was taken already (it is given once).
     */
    default Optional<Throwable> takeFailure() {
        return Optional.empty();
    }

    /**
     * The essential fact for the first line of a failing test's message, if this resource has one: a system
     * that exited during the test, a stub that threw. {@code failedAt} is when the test failed.
     */
    default Optional<String> headline(Instant failedAt) {
        return Optional.empty();
    }

    /** What it still waits for or owes: requests unanswered, replies awaited, open connections. */
    default List<DiagnosticsRecord.Pending> pending() {
        return List.of();
    }

    /** Closes the connections it owns, so that a test blocked reading from one returns. Keeps it running. */
    default void unblock() {
    }

    /** A thread dump of it, if it is a running JVM system. */
    default Optional<DiagnosticsRecord.ThreadDump> threadDump(Duration timeout) {
        return Optional.empty();
    }
}
