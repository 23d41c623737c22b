package dev.jig.fake;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jig.fault.Fault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Breaks the responses a {@link FakeHttpServer}'s fault rules pick: a WireMock response transformer, so it
 * sees the rendered response of every stubbed request, on the thread that is about to send it.
 */
final class HttpFaultInjector implements ResponseTransformerV2 {

    private volatile List<HttpFaultRule> rules;
    private final List<String> injected = new CopyOnWriteArrayList<>();
    private final Map<UUID, String> byEvent = new ConcurrentHashMap<>();

    HttpFaultInjector(List<HttpFaultRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Replaces every rule; the new ones count requests from 1. */
    void replace(List<HttpFaultRule> newRules) {
        this.rules = List.copyOf(newRules);
    }

    /** The faults injected so far, e.g. {@code "request 3 (GET /items/7): reset"}. */
    List<String> injected() {
        return List.copyOf(injected);
    }

    /** The fault injected into the serve event {@code id}, or {@code ""}. */
    String describedFor(UUID id) {
        return byEvent.getOrDefault(id, "");
    }

    @Override
    public String getName() {
        return "jig-faults";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        Optional<HttpFaultRule.Numbered> decision = decide(event.getRequest());
        if (decision.isEmpty()) {
            return response;
        }
        HttpFaultRule.Numbered numbered = decision.get();
        Request request = event.getRequest();
        byEvent.put(event.getId(), numbered.fault().describe());
        injected.add((numbered.filtered() ? "matching request " : "request ") + numbered.number() + " ("
                + request.getMethod() + " " + request.getUrl() + "): " + numbered.fault().describe());
        return apply(numbered, response);
    }

    private Optional<HttpFaultRule.Numbered> decide(Request request) {
        Optional<HttpFaultRule.Numbered> first = Optional.empty();
        for (HttpFaultRule rule : rules) {
            // every rule counts every request it matches, so each rule's numbering stays predictable
            Optional<HttpFaultRule.Numbered> fault = rule.faultFor(request);
            if (first.isEmpty()) {
                first = fault;
            }
        }
        return first;
    }

    private static Response apply(HttpFaultRule.Numbered numbered, Response response) {
        Fault fault = numbered.fault();
        Response.Builder broken = Response.Builder.like(response).but();
        if (fault.replies()) {
            return broken.incrementInitialDelay(fault.holdBack().toMillis()).build();
        }
        if (fault instanceof Fault.Close) {
            return broken.fault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE).build();
        }
        if (fault instanceof Fault.Reset) {
            return broken.fault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (fault instanceof Fault.Garbage garbage) {
            boolean written = RawConnection.writeGarbage(garbage.bytes(), numbered.number());
            // if Jetty's connection was out of reach, WireMock's own random data is the nearest thing
            return broken.fault(written ? com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE
                    : com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE).build();
        }
        return partial(response, broken);
    }

    /**
     * Half the body under headers that promise all of it: the server sends what it has and, finding the
     * body short of its Content-Length, aborts the connection.
     */
    private static Response partial(Response response, Response.Builder broken) {
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
        int promised = Math.max(body.length, 2);
        List<HttpHeader> headers = new ArrayList<>();
        for (HttpHeader header : response.getHeaders().all()) {
            String key = header.key();
            if (!key.equalsIgnoreCase("Content-Length") && !key.equalsIgnoreCase("Transfer-Encoding")) {
                headers.add(header);
            }
        }
        headers.add(new HttpHeader("Content-Length", String.valueOf(promised)));
        return broken.headers(new HttpHeaders(headers)).body(Arrays.copyOf(body, body.length / 2)).build();
    }
}
