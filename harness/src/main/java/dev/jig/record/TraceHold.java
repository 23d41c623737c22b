package dev.jig.record;

import org.apiguardian.api.API;

/**
 * How long one participant held a request: from when it got it (or got an answer it waited for) until it passed
 * it on or answered. {@code "atm: 12.1 ms from withdraw #3 to asking bank"}.
 *
 * @param participant   who held it, e.g. {@code "atm"}
 * @param startNanos    from (offset from the test's start)
 * @param durationNanos for how long
 * @param what          what it was doing, e.g. {@code "from request #3 to asking bank"}
 * @param request       the id of the client request (or fake request) it belongs to
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record TraceHold(String participant, long startNanos, long durationNanos, String what, int request) {
}
