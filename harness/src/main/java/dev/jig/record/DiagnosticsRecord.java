package dev.jig.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What Jig captured about a test (or a class) that hung or failed: where its threads were, what its resources
 * were still waiting for.
 *
 * @param threadDumps thread dumps of the test JVM and of each JVM system, taken when the deadline passed
 * @param pending     requests received and not answered, requests sent and not replied to, open connections
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DiagnosticsRecord(List<ThreadDump> threadDumps, List<Pending> pending) {

    public DiagnosticsRecord {
        threadDumps = threadDumps == null ? List.of() : List.copyOf(threadDumps);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    /** Whether nothing was captured. */
    @JsonIgnore
    public boolean isEmpty() {
        return threadDumps.isEmpty() && pending.isEmpty();
    }

    /**
     * One thread dump.
     *
     * @param of   {@code "test JVM"} or the name of the system it was taken of
     * @param text the dump, as {@code jstack}/{@code jcmd Thread.print} print it (secrets masked)
     */
    public record ThreadDump(String of, String text) {
        public ThreadDump {
            text = Secrets.mask(text);
        }
    }

    /**
     * Something a resource was still waiting for.
     *
     * @param resource the name the user gave the fake, client, proxy or system
     * @param kind     {@value #UNANSWERED_REQUEST}, {@value #AWAITED_REPLY} or {@value #OPEN_CONNECTION}
     * @param request  what it is about, described for people (secrets masked)
     * @param since    when it started waiting (ISO-8601), or null
     */
    public record Pending(String resource, String kind, String request, String since) {

        /** A fake received a request and has not answered it. */
        public static final String UNANSWERED_REQUEST = "unanswered-request";
        /** A client sent a request and no reply has come. */
        public static final String AWAITED_REPLY = "awaited-reply";
        /** A connection was open. */
        public static final String OPEN_CONNECTION = "open-connection";

        public Pending {
            request = Secrets.mask(request);
        }
    }
}
