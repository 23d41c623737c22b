package dev.jig.system;

import java.time.Duration;

/** A condition checked by repeated attempts, with a growing pause, woken early if the system exits. */
abstract sealed class PolledCondition extends ReadyCondition permits PortReady, HttpReady, WhenReady {

    // A loopback attempt costs tens of microseconds: poll often at first (most systems are ready within
    // a second), and never pause so long that readiness is noticed late. New output wakes a pause early.
    private static final long FIRST_PAUSE_NANOS = 2_000_000L;
    private static final long MAX_PAUSE_NANOS = 50_000_000L;

    PolledCondition(Duration timeout) {
        super(timeout);
    }

    /**
     * One attempt. Returns null when the condition is met, else what was seen (for the timeout
     * message), e.g. "127.0.0.1:4711: Connection refused".
     */
    abstract String attempt(ReadinessWait wait, Duration remaining);

    @Override
    final void await(ReadinessWait wait, ReadinessWait.Deadline inherited) throws InterruptedException {
        ReadinessWait.Deadline deadline = deadline(inherited);
        long pause = FIRST_PAUSE_NANOS;
        String previous = null;
        while (true) {
            long seen = wait.version();
            wait.checkRunning(this);
            Duration budget = deadline.remaining();
            long started = System.nanoTime();
            String lastSeen = attempt(wait, budget);
            if (lastSeen == null) {
                return;
            }
            if (deadline.expired()) {
                // An attempt that our own deadline cut short says less than the answer before it (e.g. HTTP 503).
                boolean cutShort = previous != null && System.nanoTime() - started >= budget.toNanos();
                throw wait.timedOut(this, deadline, cutShort ? previous : lastSeen);
            }
            previous = lastSeen;
            wait.sleep(seen, Math.min(pause, deadline.remaining().toNanos()));
            pause = Math.min(pause + pause / 2, MAX_PAUSE_NANOS);
        }
    }

    /** "SocketTimeoutException: connect timed out", for messages. */
    static String describeFailure(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
