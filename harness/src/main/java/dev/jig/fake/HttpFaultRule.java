package dev.jig.fake;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import dev.jig.fault.Fault;
import dev.jig.fault.FaultSchedule;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault schedule, optionally limited to requests matching a pattern. Each rule numbers the requests it
 * sees from 1, counting from the moment it was put in place, so "the 3rd request" means the same in every
 * run however many requests earlier tests made.
 */
final class HttpFaultRule {

    private final RequestPattern pattern;
    private final FaultSchedule schedule;
    private final AtomicLong seen = new AtomicLong();

    HttpFaultRule(RequestPattern pattern, FaultSchedule schedule) {
        this.pattern = pattern;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** A fresh rule with the same pattern and schedule, counting from 1 again (for a new server). */
    HttpFaultRule fresh() {
        return new HttpFaultRule(pattern, schedule);
    }

    /** Counts {@code request} if it is one of this rule's, and returns the fault for its number. */
    Optional<Numbered> faultFor(Request request) {
        if (pattern != null && !pattern.match(request).isExactMatch()) {
            return Optional.empty();
        }
        long number = seen.incrementAndGet();
        return schedule.faultFor(number).map(fault -> new Numbered(number, fault, pattern != null));
    }

    String describe() {
        return (pattern == null ? "" : "requests matching " + oneLine(pattern) + ": ") + schedule.describe();
    }

    private static String oneLine(RequestPattern pattern) {
        return pattern.toString().replaceAll("\\s+", " ");
    }

    /** The fault a request gets, with the number this rule gave it. */
    record Numbered(long number, Fault fault, boolean filtered) {
    }
}
