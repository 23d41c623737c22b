package dev.jig.fake;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.jig.fault.FaultSchedule;
import dev.jig.record.FakeRecord;
import dev.jig.record.TraceLog;
import dev.jig.support.Durations;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A running fake HTTP server: a WireMock server bound to {@code 127.0.0.1} on an ephemeral port, with
 * Jig's journal, near-miss reports for unmatched requests, fault schedules and record. Single-use: once
 * closed, start a new one.
 *
 * <pre>{@code
 * try (FakeHttpServer catalog = FakeHttpServer.spec("catalog")
 *         .stub(get(urlPathMatching("/items/.*")).willReturn(okJson("{\"price\":3}")))
 *         .start()) {
 *     runService("--catalog", catalog.baseUrl());
 *     catalog.verify(2, getRequestedFor(urlPathMatching("/items/.*")));
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class FakeHttpServer implements AutoCloseable {

    private static final Duration DEFAULT_VERIFY_WITHIN = Duration.ofSeconds(2);

    private final FakeHttpServerSpec spec;
    private final WireMockServer server;
    private final HttpFaultInjector faults;
    private final HttpJournal journal;
    private final Object lock = new Object();
    private boolean closed;
    private int port; // WireMock forgets its port once stopped; the record still needs it

    private final TraceLog trace;

    FakeHttpServer(FakeHttpServerSpec spec, TraceLog trace) {
        this.spec = spec;
        this.trace = trace;
        this.faults = new HttpFaultInjector(spec.freshFaultRules());
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress(spec.hostUsed())
                .port(spec.portUsed())
                .notifier(new QuietNotifier(spec.name()))
                .extensions(faults));
        this.journal = new HttpJournal(server, faults);
        start();
    }

    private void start() {
        try {
            server.start();
            port = server.port();
            spec.stubs().forEach(server::stubFor);
        } catch (RuntimeException e) {
            stopQuietly(e); // half-started: release the port before failing
            if (causedBy(e, BindException.class)) {
                throw new UncheckedIOException("could not start fake " + spec.name() + " on " + spec.hostUsed()
                        + ":" + spec.portUsed() + ": the address is in use; use port 0 for an ephemeral port",
                        new BindException(e.getMessage()));
            }
            throw e;
        }
    }

    /** A new spec; the same as {@link FakeHttpServerSpec#named}. */
    public static FakeHttpServerSpec spec(String name) {
        return FakeHttpServerSpec.named(name);
    }

    /** The name given in the spec. */
    public String name() {
        return spec.name();
    }

    /** The host it is bound to, as given in the spec (default {@code 127.0.0.1}). */
    public String host() {
        return spec.hostUsed();
    }

    /** The port it listens on (the ephemeral one chosen if the spec said 0). */
    public int port() {
        return port;
    }

    /** {@code host:port}, e.g. {@code "127.0.0.1:41233"}. */
    public String address() {
        return host() + ":" + port();
    }

    /** {@code http://host:port}, without a trailing slash: what to give an HTTP client or system. */
    public String baseUrl() {
        return "http://" + address();
    }

    /** The WireMock server, for anything this class does not offer (scenarios, resets, proxying). */
    public WireMockServer wiremock() {
        return server;
    }

    /** Adds a stub while running; WireMock prefers the newest of equally specific stubs. */
    public StubMapping stubFor(MappingBuilder mapping) {
        return server.stubFor(Objects.requireNonNull(mapping, "mapping"));
    }

    /**
     * Replaces the fault rules with {@code schedule} for every request, numbered from 1 from now on.
     * {@code FaultSchedule.none()} ends fault injection.
     */
    public void faults(FaultSchedule schedule) {
        faults.replace(List.of(new HttpFaultRule(null, Objects.requireNonNull(schedule, "schedule"))));
    }

    /** Replaces the fault rules with {@code schedule} for requests matching {@code pattern}, numbered from 1. */
    public void faults(RequestPatternBuilder pattern, FaultSchedule schedule) {
        Objects.requireNonNull(pattern, "pattern");
        faults.replace(List.of(new HttpFaultRule(pattern.build(), Objects.requireNonNull(schedule, "schedule"))));
    }

    /** The faults injected so far, e.g. {@code "request 3 (GET /items/7): reset"}. */
    public List<String> injectedFaults() {
        return faults.injected();
    }

    /** Every request received so far, oldest first. */
    public List<HttpExchange> journal() {
        return journal.exchanges();
    }

    /** Requests no stub matched, oldest first, each with WireMock's diff against the closest stub. */
    public List<UnmatchedHttpRequest> unmatched() {
        return journal.unmatched();
    }

    /** Unmatched requests not yet taken with {@link #takeUnmatched()}. */
    public List<UnmatchedHttpRequest> unacknowledgedUnmatched() {
        return journal.unacknowledged();
    }

    /** Returns the unmatched requests not taken before and marks them as expected. */
    public List<UnmatchedHttpRequest> takeUnmatched() {
        return journal.take();
    }

    /** Checks that at least one request matched, waiting up to 2 s for requests still on their way. */
    public void verify(RequestPatternBuilder pattern) {
        verify(DEFAULT_VERIFY_WITHIN, pattern);
    }

    /** Checks that exactly {@code count} requests matched, waiting up to 2 s for them to arrive. */
    public void verify(int count, RequestPatternBuilder pattern) {
        verify(DEFAULT_VERIFY_WITHIN, count, pattern);
    }

    /** Checks that at least one request matched, waiting up to {@code within}. */
    public void verify(Duration within, RequestPatternBuilder pattern) {
        HttpVerification.atLeastOnce(this, Durations.positive(within, "within"), pattern);
    }

    /** Checks that exactly {@code count} requests matched, waiting up to {@code within} for them to arrive. */
    public void verify(Duration within, int count, RequestPatternBuilder pattern) {
        HttpVerification.exactly(this, Durations.positive(within, "within"), count, pattern);
    }

    /** A summary for the run's results (kind {@code "http"}). */
    public FakeRecord toRecord() {
        List<String> unmatched = journal.unmatched().stream().map(UnmatchedHttpRequest::formatted).toList();
        return new FakeRecord(spec.name(), "http", address(), journal.size(), unmatched, List.of(),
                faults.injected());
    }

    /** Stops the server; safe to call twice. Journal, unmatched requests and record stay readable. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        journal.trace(trace, spec.name());
        server.stop();
    }

    private void stopQuietly(Throwable into) {
        try {
            server.stop();
        } catch (Exception e) { // Jetty reports a server that never started as a (sneaky) checked exception
            into.addSuppressed(e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "fake http " + spec.name() + " at " + address();
    }
}
