package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a test's time went across processes: every message Jig saw (client requests and replies, what fakes
 * received and answered, connections through proxies), the lines systems printed, and the time each participant
 * held a request before passing it on or answering it. Times are offsets from the test's start, like phases.
 *
 * @param participants the lanes, in the order they first appear: clients, systems, fakes, proxies
 * @param messages     the messages, by the time they were first seen
 * @param holds        how long each participant held each request, longest first in {@link #slowest}
 * @param marks        timestamped output lines of the systems (the first ones of each, at most 50 per system)
 * @param dropped      how many messages came after the first {@value TraceLog#MAX_MESSAGES} and were not kept
 * @param waits        where the test JVM's threads blocked during the test body, when {@code jig.waits} is on
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TraceRecord(List<String> participants, List<TraceMessage> messages, List<TraceHold> holds,
                          List<TraceMark> marks, long dropped, List<WaitRecord> waits) {
    public TraceRecord {
        waits = waits == null ? List.of() : List.copyOf(waits);
        participants = participants == null ? List.of() : List.copyOf(participants);
        messages = messages == null ? List.of() : List.copyOf(messages);
        holds = holds == null ? List.of() : List.copyOf(holds);
        marks = marks == null ? List.of() : List.copyOf(marks);
    }

    /** A trace without waits. */
    public TraceRecord(List<String> participants, List<TraceMessage> messages, List<TraceHold> holds,
                       List<TraceMark> marks, long dropped) {
        this(participants, messages, holds, marks, dropped, List.of());
    }

    /** A trace that kept every message, without waits. */
    public TraceRecord(List<String> participants, List<TraceMessage> messages, List<TraceHold> holds,
                       List<TraceMark> marks) {
        this(participants, messages, holds, marks, 0L);
    }

    /** Whether nothing was traced. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return messages.isEmpty() && marks.isEmpty() && waits.isEmpty();
    }

    /** The {@code n} longest holds, longest first: the slowest hops of the test. */
    public List<TraceHold> slowest(int n) {
        return holds.stream().sorted(java.util.Comparator.comparingLong(TraceHold::durationNanos).reversed())
                .limit(n).toList();
    }
}
