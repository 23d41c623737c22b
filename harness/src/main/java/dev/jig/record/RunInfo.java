package dev.jig.record;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Facts about one launcher session.
 *
 * @param id             unique per session
 * @param startedAt      when it started
 * @param durationNanos  how long it ran
 * @param environment    where it ran
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunInfo(String id, Instant startedAt, long durationNanos, EnvironmentRecord environment) {
}
