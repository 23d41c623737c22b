package dev.jig.record;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a thread of the test JVM blocked during a test body, from a JFR event.
 *
 * @param thread        the thread's name, e.g. {@code "main"}
 * @param kind          {@code "socket read"}, {@code "socket write"}, {@code "park"} or {@code "monitor wait"}
 * @param startNanos    from (offset from the test's start)
 * @param durationNanos for how long
 * @param detail        what it waited on: {@code 127.0.0.1:41235} for a socket, the parked-on or monitor class
 * @param frames        the top frames of its stack, innermost first ({@code class.method:line})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record WaitRecord(String thread, String kind, long startNanos, long durationNanos, String detail,
                         List<String> frames) {
    public WaitRecord {
        frames = frames == null ? List.of() : List.copyOf(frames);
    }
}
