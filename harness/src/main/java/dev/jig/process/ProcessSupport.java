package dev.jig.process;

import dev.jig.record.OutputLine;
import dev.jig.record.ProcessRecord;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What other Jig packages need from this one to run things with the same contract as a
 * {@link SystemProcess}: an output buffer they fill, and the readiness wait. Not for users.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ProcessSupport {

    private ProcessSupport() {
    }

    /** A fresh output buffer of the default capacity. */
    public static ProcessOutput newOutput(String name) {
        return new ProcessOutput(name, ProcessOutput.DEFAULT_CAPACITY);
    }

    /** Adds a line, notifying subscribers. */
    public static void addLine(ProcessOutput output, OutputLine line) {
        output.add(Objects.requireNonNull(line, "line"));
    }

    /** Marks the output complete, e.g. "exited with code 3". */
    public static void endOutput(ProcessOutput output, String how) {
        output.end(how);
    }

    /** "Last 20 lines of output:\n…", as start failures show it. */
    public static String tailForMessage(ProcessOutput output) {
        return output.tailForMessage(ProcessOutput.MESSAGE_LINES);
    }

    /**
     * Waits until {@code ready} is met on {@code target}; throws {@link ProcessExitedException} at once if it
     * exits, {@link ReadinessTimeoutException} when the deadline passes. The caller stops the target on failure.
     */
    public static void awaitReady(ReadinessTarget target, Ready ready, Duration defaultTimeout)
            throws InterruptedException {
        ReadinessWait.await(target, (ReadyCondition) ready, defaultTimeout);
    }

    /** Checks an args/env value as {@link ProcessSpec#args} does; {@code where} names it in the message. */
    public static Object checkValue(Object value, String where) {
        return SpecValue.check(value, where);
    }

    /** The string an args/env value stands for at start; suppliers are called now. */
    public static String resolveValue(Object value, int freePort) {
        return SpecValue.resolve(value, freePort);
    }

    /** Attaches the record of the stopped target to a start failure, for the test's record. */
    public static void attach(ProcessStartException failure, ProcessRecord stopped) {
        failure.attach(stopped);
    }
}
