package dev.jig.system;

import dev.jig.support.Durations;
import java.time.Duration;

/** The common part of every {@link Ready}: its own optional timeout and how it is awaited. */
abstract sealed class ReadyCondition implements Ready permits PolledCondition, LogLineReady, AllReady {

    /** The condition's own timeout, or null to use the one it is awaited under. */
    private final Duration timeout;

    ReadyCondition(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public final Ready within(Duration timeout) {
        return withTimeout(Durations.positive(timeout, "timeout"));
    }

    abstract ReadyCondition withTimeout(Duration timeout);

    /**
     * Returns once met; throws a {@link SystemStartException} built by {@code wait} when the
     * deadline passes or the system exits.
     */
    abstract void await(ReadinessWait wait, ReadinessWait.Deadline inherited) throws InterruptedException;

    /** The deadline this condition waits under: its own timeout from now, else the inherited one. */
    final ReadinessWait.Deadline deadline(ReadinessWait.Deadline inherited) {
        return timeout == null ? inherited : ReadinessWait.Deadline.after(timeout);
    }

    final Duration ownTimeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return describe();
    }
}
