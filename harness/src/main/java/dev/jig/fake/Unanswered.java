package dev.jig.fake;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apiguardian.api.API;

/**
 * A request a fake received and has not answered (yet): its stub still runs, its reply waits for a delay, or it
 * will never get one ({@code Reply.none()}, no stub matched it). What a hung test's message lists first.
 *
 * @param sequence   the request's number, 1 for the first the server received
 * @param connection 1 for the first connection the server accepted
 * @param since      when the request arrived
 * @param request    the payload as the codec describes it
 * @param why        why there is no reply, e.g. {@code "never answered (Reply.none())"}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Unanswered(int sequence, int connection, Instant since, String request, String why) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** {@code "received request #1 {\"s\":\"hello\"} at 19:22:40.101 and never answered (Reply.none())"}. */
    public String formatted() {
        return "received request #" + sequence + " " + request + " at "
                + CLOCK.format(LocalTime.ofInstant(since, ZoneId.systemDefault())) + " and " + why;
    }
}
