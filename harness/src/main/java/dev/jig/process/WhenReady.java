package dev.jig.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Ready when a user-supplied check (on the process, or on nothing) returns true. */
final class WhenReady extends PolledCondition {

    private final String description;
    /** Exactly one of the two is set. */
    private final Predicate<SystemProcess> processCheck;
    private final BooleanSupplier check;

    WhenReady(String description, Predicate<SystemProcess> processCheck, BooleanSupplier check, Duration timeout) {
        super(timeout);
        this.description = description;
        this.processCheck = processCheck;
        this.check = check;
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new WhenReady(description, processCheck, check, timeout);
    }

    @Override
    String attempt(ReadinessWait wait, Duration remaining) {
        SystemProcess process = processCheck != null ? requireProcess(wait) : null;
        boolean met;
        try {
            met = processCheck != null ? processCheck.test(process) : check.getAsBoolean();
        } catch (RuntimeException e) {
            return "the check threw " + describeFailure(e);
        }
        return met ? null : "the check returned false";
    }

    // Fails the start at once: a container has no SystemProcess to hand to the predicate.
    private SystemProcess requireProcess(ReadinessWait wait) {
        SystemProcess process = wait.target().process();
        if (process == null) {
            throw new ProcessStartException(wait.target().name(), "Ready.when(\"" + description
                    + "\", process -> ...) checks a SystemProcess, but " + wait.target().name()
                    + " is not one (" + wait.target().identity() + "). Use Ready.when(\"" + description
                    + "\", () -> ...) instead.", wait.target().output().lines(), null);
        }
        return process;
    }

    @Override
    public String describe() {
        return description;
    }
}
