package dev.jig.system;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Ready when each condition is met, awaited one after another. */
final class AllReady extends ReadyCondition {

    private final List<ReadyCondition> conditions;

    AllReady(List<Ready> conditions, Duration timeout) {
        super(timeout);
        // Ready is sealed, so every Ready is a ReadyCondition.
        this.conditions = conditions.stream().map(ReadyCondition.class::cast).collect(Collectors.toList());
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new AllReady(List.copyOf(conditions), timeout);
    }

    @Override
    void await(ReadinessWait wait, ReadinessWait.Deadline inherited) throws InterruptedException {
        ReadinessWait.Deadline deadline = deadline(inherited);
        for (ReadyCondition condition : conditions) {
            condition.await(wait, deadline);
        }
    }

    @Override
    public String describe() {
        return conditions.stream().map(Ready::describe).collect(Collectors.joining(", then "));
    }
}
