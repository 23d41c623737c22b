package dev.jig.system;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Ready when a user-supplied check (on the running system, or on nothing) returns true. */
final class WhenReady extends PolledCondition {

    private final String description;
    /** Exactly one of the two is set. */
    private final Predicate<RunningSystem> systemCheck;
    private final BooleanSupplier check;

    WhenReady(String description, Predicate<RunningSystem> systemCheck, BooleanSupplier check, Duration timeout) {
        super(timeout);
        this.description = description;
        this.systemCheck = systemCheck;
        this.check = check;
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new WhenReady(description, systemCheck, check, timeout);
    }

    @Override
    String attempt(ReadinessWait wait, Duration remaining) {
        boolean met;
        try {
            met = systemCheck != null ? systemCheck.test(wait.target()) : check.getAsBoolean();
        } catch (RuntimeException e) {
            return "the check threw " + describeFailure(e);
        }
        return met ? null : "the check returned false";
    }

    @Override
    public String describe() {
        return description;
    }
}
