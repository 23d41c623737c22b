package dev.jig.record;

import org.apiguardian.api.API;

/**
 * One phase of a test: the start, readiness or stop of a resource, or the test body.
 *
 * @param name          what happened, e.g. {@code "start bank"}, {@code "ready atm"}
 * @param startNanos    offset from the start of the test (or class) that owns it
 * @param durationNanos how long it took
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PhaseRecord(String name, long startNanos, long durationNanos) {
}
