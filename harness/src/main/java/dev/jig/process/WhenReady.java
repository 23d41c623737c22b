package dev.jig.process;

import java.time.Duration;
import java.util.function.Predicate;

/** Ready when a user-supplied check on the process returns true. */
final class WhenReady extends PolledCondition {

    private final String description;
    private final Predicate<SystemProcess> check;

    WhenReady(String description, Predicate<SystemProcess> check, Duration timeout) {
        super(timeout);
        this.description = description;
        this.check = check;
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new WhenReady(description, check, timeout);
    }

    @Override
    String attempt(ReadinessWait wait, Duration remaining) {
        try {
            return check.test(wait.process()) ? null : "the check returned false";
        } catch (RuntimeException e) {
            return "the check threw " + describeFailure(e);
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
