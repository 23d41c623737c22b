package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apiguardian.api.API;

/**
 * One message of a {@link TraceRecord}, as one side saw it.
 *
 * @param id            1, 2, … within the test
 * @param kind          {@code "request"}, {@code "reply"} or {@code "connection"} (through a proxy)
 * @param from          who sent it, e.g. {@code "client"}, {@code "atm"}
 * @param to            who it went to, e.g. {@code "atm"}, {@code "bank"}
 * @param label         what it was, as the codec describes it, e.g. {@code "BalanceQuery {customer: \"Jane Doe\"}"}
 * @param connection    the connection it travelled on, numbered per observer from 1
 * @param sentNanos     when it was sent (offset from the test's start), or null if the observer only received it
 * @param receivedNanos when it arrived, or null if the observer only sent it (or it never arrived)
 * @param bytes         its size: a payload's bytes (a fake's reply: the frame it wrote), or the bytes a
 *                      connection through a proxy carried both ways
 * @param replyTo       for a reply: the id of its request
 * @param outcome       what went wrong or was done on purpose, e.g. {@code "fault: reset"}, {@code "no reply within
 *                      5 s"}, {@code "connection closed"}; null if nothing
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceMessage(int id, String kind, String from, String to, String label, int connection,
                           Long sentNanos, Long receivedNanos, long bytes, Integer replyTo, String outcome) {
    public TraceMessage {
        label = label == null ? null : Secrets.mask(label);
    }
}
