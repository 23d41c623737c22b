package dev.jig.junit;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.jig.fake.FakeHttpServer;
import dev.jig.fake.FakeHttpServerSpec;
import dev.jig.fake.HttpExchange;
import dev.jig.fake.UnmatchedHttpRequest;
import dev.jig.fault.FaultSchedule;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.record.ScopeRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A fake HTTP server (WireMock) declared as a field of a {@link JigTest} class, made with
 * {@link FakeServer#http(String)}: {@code static} for one server per class, an instance field for a fresh
 * one per test. Stubs use WireMock's DSL; declaration methods return a new declaration.
 *
 * <pre>{@code
 * static final FakeHttp catalog = FakeServer.http("catalog")
 *         .stub(get(urlPathMatching("/items/.*")).willReturn(okJson("{\"price\":3}")));
 * static final SystemUnderTest shop = SystemUnderTest.java("shop", ShopMain.class)
 *         .arg("--catalog", catalog::baseUrl);
 * ...
 * catalog.faults(FaultSchedule.nth(3, Fault.reset()));     // in a test: the 3rd request from now resets
 * catalog.verify(2, getRequestedFor(urlPathMatching("/items/.*")));
 * }</pre>
 *
 * <p>Requests no stub matched fail the test after it has stopped, with WireMock's diff against the
 * closest stub, unless the test took them with {@link #takeUnmatched()} or the declaration says
 * {@link #failOnUnmatched(boolean) failOnUnmatched(false)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FakeHttp extends ManagedResource<FakeHttpServer> implements Addressable {

    private static final int DIAGNOSTIC_REQUESTS = 5;

    private final FakeHttpServerSpec spec;
    private final boolean failOnUnmatched;

    private FakeHttp(FakeHttpServerSpec spec, boolean failOnUnmatched) {
        super(spec.name());
        this.spec = spec;
        this.failOnUnmatched = failOnUnmatched;
    }

    static FakeHttp declare(String name) {
        return new FakeHttp(FakeHttpServer.spec(name), true);
    }

    /** Adds WireMock stubs, e.g. {@code get("/items/7").willReturn(okJson("{}"))}. */
    public FakeHttp stub(MappingBuilder... mappings) {
        return new FakeHttp(spec.stub(mappings), failOnUnmatched);
    }

    /**
     * In a declaration, returns a new declaration whose servers inject {@code schedule}'s faults, counting
     * requests from 1 from each start. Called while the server runs (in a test), it replaces the running
     * server's schedule, counting from 1 from now, and returns this.
     */
    public FakeHttp faults(FaultSchedule schedule) {
        FakeHttpServer server = runningOrNull();
        if (server != null) {
            server.faults(schedule);
            return this;
        }
        return new FakeHttp(spec.faults(schedule), failOnUnmatched);
    }

    /** Like {@link #faults(FaultSchedule)}, for requests matching {@code pattern} only, numbered among them. */
    public FakeHttp faults(RequestPatternBuilder pattern, FaultSchedule schedule) {
        FakeHttpServer server = runningOrNull();
        if (server != null) {
            server.faults(pattern, schedule);
            return this;
        }
        return new FakeHttp(spec.faults(pattern, schedule), failOnUnmatched);
    }

    /** A fixed port instead of an ephemeral one. */
    public FakeHttp port(int port) {
        return new FakeHttp(spec.port(port), failOnUnmatched);
    }

    /** Whether unmatched requests the test did not take fail it (default {@code true}). */
    public FakeHttp failOnUnmatched(boolean fail) {
        return new FakeHttp(spec, fail);
    }

    /** The running server, for anything this class does not forward (e.g. {@code server().wiremock()}). */
    public FakeHttpServer server() {
        return running();
    }

    @Override
    public String host() {
        return running().host();
    }

    @Override
    public int port() {
        return running().port();
    }

    @Override
    public String address() {
        return running().address();
    }

    /** {@code http://host:port}; as a supplier ({@code catalog::baseUrl}) it starts the server first. */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** The same as {@link #baseUrl()}, e.g. {@code arg("--api", api::url)}. */
    public String url() {
        return baseUrl();
    }

    /** Adds a stub to the running server. */
    public StubMapping stubFor(MappingBuilder mapping) {
        return running().stubFor(mapping);
    }

    /** Checks that at least one request matched, waiting up to 2 s for requests still on their way. */
    public void verify(RequestPatternBuilder pattern) {
        running().verify(pattern);
    }

    /** Checks that exactly {@code count} requests matched, waiting up to 2 s for them. */
    public void verify(int count, RequestPatternBuilder pattern) {
        running().verify(count, pattern);
    }

    /** Checks that at least one request matched, waiting up to {@code within}. */
    public void verify(Duration within, RequestPatternBuilder pattern) {
        running().verify(within, pattern);
    }

    /** Checks that exactly {@code count} requests matched, waiting up to {@code within}. */
    public void verify(Duration within, int count, RequestPatternBuilder pattern) {
        running().verify(within, count, pattern);
    }

    /** Every request received so far, oldest first. */
    public List<HttpExchange> journal() {
        return running().journal();
    }

    /** Requests no stub matched, with WireMock's diff against the closest stub. */
    public List<UnmatchedHttpRequest> unmatched() {
        return running().unmatched();
    }

    /** Returns the unmatched requests not taken before, so that they no longer fail the test. */
    public List<UnmatchedHttpRequest> takeUnmatched() {
        return running().takeUnmatched();
    }

    /** The faults injected so far, e.g. {@code "request 3 (GET /items/7): reset"}. */
    public List<String> injectedFaults() {
        return running().injectedFaults();
    }

    @Override
    public void start(ScopeRecorder recorder) {
        startWith(() -> spec.start(recorder.timeline()));
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        stopWith(recorder, FakeHttpServer::close, server -> recorder.add(server.toRecord()));
    }

    @Override
    public String diagnostics() {
        FakeHttpServer server = last();
        if (server == null) {
            return "";
        }
        List<UnmatchedHttpRequest> unmatched = server.unmatched();
        List<String> faults = server.injectedFaults();
        if (unmatched.isEmpty() && faults.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add(name() + " (fake http at " + server.address() + ", " + server.journal().size() + " requests) had "
                + unmatched.size() + " unmatched requests and injected " + faults.size() + " faults:");
        unmatched.stream().limit(DIAGNOSTIC_REQUESTS).forEach(miss -> lines.add(indent(miss.formatted())));
        faults.stream().limit(DIAGNOSTIC_REQUESTS).forEach(fault -> lines.add("  fault: " + fault));
        return String.join("\n", lines);
    }

    @Override
    public List<String> problems() {
        FakeHttpServer server = last();
        if (!failOnUnmatched || server == null) {
            return List.of();
        }
        List<UnmatchedHttpRequest> unmatched = server.unacknowledgedUnmatched();
        if (unmatched.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (UnmatchedHttpRequest miss : unmatched) {
            problems.add(name() + " received a request no stub matched: " + miss.formatted());
        }
        problems.add("(expected? take them in the test with " + name() + ".takeUnmatched(), or declare " + name()
                + " with .failOnUnmatched(false))");
        return problems;
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
