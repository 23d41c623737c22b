package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One method of an exact flat profile (cProfile/gprof style).
 *
 * @param method     {@code fully.qualified.Class.method}
 * @param calls      how often it was called
 * @param selfNanos  time in its own code
 * @param totalNanos time in it and what it called, recursion counted once
 * @param callers    methods that called it
 * @param callees    methods it called
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FlatRow(String method, long calls, long selfNanos, long totalNanos, List<String> callers,
                      List<String> callees) {
    public FlatRow {
        callers = List.copyOf(callers);
        callees = List.copyOf(callees);
    }
}
