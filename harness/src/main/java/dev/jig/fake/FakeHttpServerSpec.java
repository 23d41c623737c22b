package dev.jig.fake;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.jig.fault.FaultSchedule;
import dev.jig.record.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * An immutable description of a fake HTTP server backed by WireMock; every method returns a new spec.
 * Stubs are written in WireMock's own DSL. {@link #start()} makes a running {@link FakeHttpServer}.
 *
 * <pre>{@code
 * FakeHttpServerSpec catalog = FakeHttpServer.spec("catalog")
 *     .stub(get("/items/7").willReturn(okJson("{\"id\":7}")))
 *     .faults(FaultSchedule.nth(3, Fault.reset()));            // the 3rd request: connection reset
 * try (FakeHttpServer server = catalog.start()) {
 *     // point the system at server.baseUrl()
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FakeHttpServerSpec {

    /** What to add to a build that declares an HTTP fake without WireMock. */
    public static final String WIREMOCK_COORDINATES = "org.wiremock:wiremock:3.13.2";

    private final String name;
    private final String host;
    private final int port;
    private final List<MappingBuilder> stubs;
    private final List<HttpFaultRule> faultRules;

    private FakeHttpServerSpec(String name, String host, int port, List<MappingBuilder> stubs,
                               List<HttpFaultRule> faultRules) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.stubs = List.copyOf(stubs);
        this.faultRules = List.copyOf(faultRules);
    }

    /** A spec with defaults: 127.0.0.1, an ephemeral port, no stubs, no faults. */
    public static FakeHttpServerSpec named(String name) {
        requireWireMock(name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a fake server needs a name, e.g. \"catalog\"");
        }
        return new FakeHttpServerSpec(name, "127.0.0.1", 0, List.of(), List.of());
    }

    /**
     * Fails with the Maven coordinates to add when WireMock is not on the class path; checked before any
     * WireMock type is touched so that the error is this one and not a {@code NoClassDefFoundError}.
     */
    static void requireWireMock(String name) {
        Objects.requireNonNull(name, "name");
        try {
            Class.forName("com.github.tomakehurst.wiremock.WireMockServer", false,
                    FakeHttpServerSpec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The HTTP fake '" + name + "' needs WireMock, which is not on the "
                    + "class path. Add the test dependency " + WIREMOCK_COORDINATES + " (Maven: groupId "
                    + "org.wiremock, artifactId wiremock, version 3.13.2, scope test).", e);
        }
    }

    /** Adds WireMock stubs, e.g. {@code get("/items/7").willReturn(okJson("{}"))}, in the order given. */
    public FakeHttpServerSpec stub(MappingBuilder... mappings) {
        List<MappingBuilder> more = new ArrayList<>(stubs);
        for (MappingBuilder mapping : mappings) {
            more.add(Objects.requireNonNull(mapping, "a stub is null"));
        }
        return new FakeHttpServerSpec(name, host, port, more, faultRules);
    }

    /** Injects faults into the requests it picks, numbered from 1 from the server's start. */
    public FakeHttpServerSpec faults(FaultSchedule schedule) {
        return withRule(new HttpFaultRule(null, Objects.requireNonNull(schedule, "schedule")));
    }

    /**
     * Injects faults into requests matching {@code pattern} only, numbering those from 1; e.g.
     * {@code faults(getRequestedFor(urlPathMatching("/items/.*")), FaultSchedule.nth(3, Fault.reset()))}.
     * Rules are tried in the order added; the first that picks a request decides its fault.
     */
    public FakeHttpServerSpec faults(RequestPatternBuilder pattern, FaultSchedule schedule) {
        Objects.requireNonNull(pattern, "pattern");
        return withRule(new HttpFaultRule(pattern.build(), Objects.requireNonNull(schedule, "schedule")));
    }

    private FakeHttpServerSpec withRule(HttpFaultRule rule) {
        List<HttpFaultRule> more = new ArrayList<>(faultRules);
        more.add(rule);
        return new FakeHttpServerSpec(name, host, port, stubs, more);
    }

    /** The address to bind; default {@code 127.0.0.1}. */
    public FakeHttpServerSpec host(String host) {
        return new FakeHttpServerSpec(name, Objects.requireNonNull(host, "host"), port, stubs, faultRules);
    }

    /** The port to bind; default 0, an ephemeral port (read it back with {@code port()}). */
    public FakeHttpServerSpec port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
        }
        return new FakeHttpServerSpec(name, host, port, stubs, faultRules);
    }

    /** The name given, used in every message about this fake. */
    public String name() {
        return name;
    }

    /** Starts a server from this spec (each call starts a new one). */
    public FakeHttpServer start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts a server, recording the phase {@code "start <name>"} on {@code timeline}.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public FakeHttpServer start(Timeline timeline) {
        try (Timeline.Span span = timeline.span("start " + name)) {
            return new FakeHttpServer(this, timeline.trace());
        }
    }

    String hostUsed() {
        return host;
    }

    int portUsed() {
        return port;
    }

    List<MappingBuilder> stubs() {
        return stubs;
    }

    /** Fresh copies, so that each server started from this spec counts requests from 1. */
    List<HttpFaultRule> freshFaultRules() {
        return faultRules.stream().map(HttpFaultRule::fresh).toList();
    }

    @Override
    public String toString() {
        String faults = faultRules.stream().map(HttpFaultRule::describe).collect(Collectors.joining("; "));
        return "fake http server " + name + " (" + stubs.size() + " stubs"
                + (faults.isEmpty() ? "" : ", faults: " + faults) + ")";
    }
}
