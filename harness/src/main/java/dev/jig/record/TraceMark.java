package dev.jig.record;

import org.apiguardian.api.API;

/**
 * A line a system printed, on its lane of the {@link TraceRecord}.
 *
 * @param participant the system, e.g. {@code "atm"}
 * @param atNanos     when Jig read it (offset from the test's start)
 * @param text        the line
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record TraceMark(String participant, long atNanos, String text) {
    public TraceMark {
        text = Secrets.mask(text);
    }
}
