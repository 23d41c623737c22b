package dev.jig.fake;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jig.record.TraceLog;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import com.github.tomakehurst.wiremock.verification.diff.PlainTextDiffRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a {@link FakeHttpServer}'s WireMock request log as Jig's journal and unmatched requests. */
final class HttpJournal {
    private static final Duration TIMING_WAIT = Duration.ofMillis(500);


    private final WireMockServer server;
    private final HttpFaultInjector faults;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    HttpJournal(WireMockServer server, HttpFaultInjector faults) {
        this.server = server;
        this.faults = faults;
    }

    /** Every request received, oldest first. */
    List<HttpExchange> exchanges() {
        List<ServeEvent> events = completedEvents();
        Collections.reverse(events); // WireMock lists the newest first
        List<HttpExchange> exchanges = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            exchanges.add(exchange(i + 1, events.get(i)));
        }
        return exchanges;
    }

    int size() {
        return server.getAllServeEvents().size();
    }

    private HttpExchange exchange(int number, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        int status = event.getResponse() != null ? event.getResponse().getStatus()
                : event.getResponseDefinition().getStatus();
        Integer total = event.getTiming() == null ? null : event.getTiming().getTotalTime();
        String fault = faults.describedFor(event.getId());
        if (fault.isEmpty() && event.getResponse() != null && event.getResponse().getFault() != null) {
            fault = "WireMock " + event.getResponse().getFault().name();
        }
        return new HttpExchange(number, request.getMethod().getName(), request.getUrl(), status,
                event.getWasMatched(), request.getLoggedDate().toInstant(), total == null ? -1 : total, fault);
    }

    /**
     * Writes what it served to {@code trace}: each request when it arrived, its response when WireMock finished
     * serving it (WireMock times to the millisecond), paired.
     */
    void trace(TraceLog trace, String name) {
        if (!trace.isRecording()) {
            return;
        }
        List<ServeEvent> events = completedEvents();
        Collections.reverse(events);
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            java.time.Instant arrived = request.getLoggedDate().toInstant();
            String what = request.getMethod().getName() + " " + request.getUrl();
            TraceLog.Message asked = trace.received(TraceLog.peerOf(name), name, "request", 0,
                    trace.nanoTimeOf(arrived), request.getBody() == null ? 0 : request.getBody().length, () -> what);
            String fault = faults.describedFor(event.getId());
            if (!fault.isEmpty()) {
                asked.outcome("fault: " + fault);
            } else if (!event.getWasMatched()) {
                asked.outcome("unmatched: no stub answered it");
            }
            if (event.getResponse() != null) {
                int status = event.getResponse().getStatus();
                byte[] body = event.getResponse().getBody();
                Integer total = event.getTiming() == null ? null : event.getTiming().getTotalTime();
                // A response whose timing WireMock had not filled in yet was sent before now: now is its upper bound.
                long sent = total == null ? System.nanoTime() : trace.nanoTimeOf(arrived.plusMillis(total));
                trace.sent(name, TraceLog.peerOf(name), "reply", 0, sent, body == null ? 0 : body.length,
                        () -> "HTTP " + status).replyTo(asked);
            }
        }
    }

    /**
     * The serve events, waiting up to {@link #TIMING_WAIT} for WireMock to fill in the timing of responses it has
     * already written (it does so after the client may have read them) or of requests still being answered.
     */
    private List<ServeEvent> completedEvents() {
        long deadline = System.nanoTime() + TIMING_WAIT.toNanos();
        while (true) {
            List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
            boolean complete = events.stream().allMatch(e -> e.getResponse() != null && e.getTiming() != null
                    && e.getTiming().getTotalTime() != null);
            if (complete || System.nanoTime() - deadline > 0) {
                return events;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return events;
            }
        }
    }

    /** Requests no stub matched, oldest first, each with the diff against its closest stub. */
    List<UnmatchedHttpRequest> unmatched() {
        List<UnmatchedHttpRequest> misses = new ArrayList<>();
        for (LoggedRequest request : server.findAllUnmatchedRequests()) {
            misses.add(new UnmatchedHttpRequest(request.getId().toString(), request.getMethod().getName(),
                    request.getUrl(), nearMiss(request)));
        }
        return misses;
    }

    /** Unmatched requests not taken with {@link #take()}. */
    List<UnmatchedHttpRequest> unacknowledged() {
        return unmatched().stream().filter(miss -> !acknowledged.contains(miss.id())).toList();
    }

    /** Returns the unacknowledged unmatched requests and marks them as expected. */
    List<UnmatchedHttpRequest> take() {
        List<UnmatchedHttpRequest> taken = unacknowledged();
        taken.forEach(miss -> acknowledged.add(miss.id()));
        return taken;
    }

    private String nearMiss(LoggedRequest request) {
        List<NearMiss> nearest = server.findTopNearMissesFor(request).getNearMisses();
        if (nearest.isEmpty()) {
            return "";
        }
        return new PlainTextDiffRenderer(Map.of()).render(nearest.get(0).getDiff());
    }
}
