package dev.jig.system;

import dev.jig.support.Durations;
import java.time.Duration;

/**
 * One readiness wait of one system: what conditions consult (the target, its port), how
 * they sleep (woken early by every new output line and by the target's exit), and how their failures read.
 */
final class ReadinessWait {

    /** How long to let the output readers drain after an exit, before the message is built. */
    static final Duration DRAIN = Duration.ofSeconds(1);

    private final RunningSystem process;
    private long version;

    ReadinessWait(RunningSystem process) {
        this.process = process;
        process.current().onExit(this::wake);
    }

    /** An absolute point in {@link System#nanoTime()} and the timeout it came from. */
    record Deadline(long nanoTime, Duration timeout) {

        static Deadline after(Duration timeout) {
            return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
        }

        Duration remaining() {
            return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
        }

        boolean expired() {
            return nanoTime - System.nanoTime() <= 0;
        }
    }

    /** Waits for {@code condition} under the spec's default timeout. */
    static void await(RunningSystem process, ReadyCondition condition, Duration defaultTimeout)
            throws InterruptedException {
        new ReadinessWait(process).run(condition, defaultTimeout);
    }

    private void run(ReadyCondition condition, Duration defaultTimeout) throws InterruptedException {
        // Any new line wakes a polling condition at once: systems often print as they become ready.
        try (SystemOutput.Subscription wakeOnOutput = process.output().subscribe(line -> wake())) {
            condition.await(this, Deadline.after(defaultTimeout));
        }
    }

    RunningSystem target() {
        return process;
    }

    /** Wakes sleepers: a line arrived or the process exited. */
    synchronized void wake() {
        version++;
        notifyAll();
    }

    /** Read before checking, pass to {@link #sleep}, and no wake-up in between is lost. */
    synchronized long version() {
        return version;
    }

    /** Sleeps up to {@code maxNanos}, or less if woken since {@code seenVersion} was read. */
    synchronized void sleep(long seenVersion, long maxNanos) throws InterruptedException {
        long end = System.nanoTime() + maxNanos;
        long left = maxNanos;
        while (version == seenVersion && left > 0) {
            wait(Math.max(1, left / 1_000_000));
            left = end - System.nanoTime();
        }
    }

    /** Fails with {@link SystemExitedException} if the process has exited. */
    void checkRunning(ReadyCondition condition) {
        process.current().beforeCheck();
        if (!process.isAlive()) {
            process.current().drainOutput(DRAIN);
            int code = process.exitCode().orElse(-1);
            throw new SystemExitedException(process.name(), code, process.name() + " exited with code " + code
                    + " while Jig waited for " + condition.describe() + ". "
                    + process.output().tailForMessage(SystemOutput.MESSAGE_LINES), process.output().lines());
        }
    }

    /** The exception for a condition whose deadline passed; {@code lastSeen} may be null. */
    ReadinessTimeoutException timedOut(ReadyCondition condition, Deadline deadline, String lastSeen) {
        String seen = lastSeen == null ? "" : " (last attempt: " + lastSeen + ")";
        return new ReadinessTimeoutException(process.name(), process.name() + " was not ready within "
                + Durations.human(deadline.timeout()) + ": waited for " + condition.describe() + seen
                + ". It was still running (" + process.identity() + "), so Jig stopped it. "
                + process.output().tailForMessage(SystemOutput.MESSAGE_LINES), process.output().lines());
    }

    /**
     * Where the test reaches {@code port} of the system: {@code "127.0.0.1:4711"}; a port it cannot reach (one a
     * container on a bridge did not publish) fails the start with the backend's reason.
     */
    String hostAddress(int port) {
        try {
            return process.host() + ":" + process.current().hostPort(port);
        } catch (IllegalStateException e) {
            throw new SystemStartException(process.name(), e.getMessage(), process.output().lines(), e);
        }
    }

    /** The system's port, or a failure that says how to give it one. */
    int requirePort(ReadyCondition condition) {
        return process.port().orElseThrow(() -> new SystemStartException(process.name(),
                process.name() + " has no port for Jig to check while waiting for " + condition.describe()
                        + ". Pass SystemSpec.FREE_PORT in its args or env, give it with port(...) or Ready.port(8080), "
                        + "or put a Ready.logLine(...) that captures the port before it in Ready.all(...).",
                process.output().lines(), null));
    }
}
