package dev.jig.junit;

import dev.jig.fake.FakeTcpServer;
import dev.jig.fake.FakeTcpServerSpec;
import dev.jig.fake.Journal;
import dev.jig.fake.ProtocolError;
import dev.jig.fake.Verification;
import dev.jig.junit.internal.ManagedResource;
import dev.jig.record.ScopeRecorder;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A fake server declared as a field of a {@link JigTest} class: {@code static} for one server per class,
 * an instance field for a fresh one per test. Configuration methods return a new declaration; the
 * server itself exists only while it runs.
 *
 * <pre>{@code
 * static final FakeServer bank = FakeServer.tcp("bank")
 *         .framing(Framing.lengthPrefixed(2))
 *         .codec(Codec.json())
 *         .respond(BalanceQuery.class, q -> new Balance(BALANCES.getOrDefault(q.customer(), 0L)));
 * ...
 * bank.verify().received(new BalanceQuery("Jane Doe"));
 * }</pre>
 *
 * <p>Malformed input the server receives (oversized or truncated frames, undecodable payloads) fails the
 * test after it has stopped, unless the test took the errors with {@link #takeProtocolErrors()} or the
 * declaration says {@link #failOnProtocolErrors(boolean) failOnProtocolErrors(false)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FakeServer extends ManagedResource<FakeTcpServer> implements Endpoint {

    private static final int DIAGNOSTIC_REQUESTS = 10;

    private final FakeTcpServerSpec spec;
    private final boolean failOnProtocolErrors;

    private FakeServer(FakeTcpServerSpec spec, boolean failOnProtocolErrors) {
        super(spec.name());
        this.spec = spec;
        this.failOnProtocolErrors = failOnProtocolErrors;
    }

    /** A fake TCP server with length-prefixed (2-byte) JSON frames until told otherwise. */
    public static FakeServer tcp(String name) {
        return new FakeServer(FakeTcpServer.spec(name), true);
    }

    /**
     * A fake HTTP server backed by WireMock 3, on 127.0.0.1 and an ephemeral port; stub it with WireMock's
     * DSL: {@code FakeServer.http("catalog").stub(get("/items/7").willReturn(okJson("{}")))}. Needs
     * {@code org.wiremock:wiremock:3.13.2} on the test class path.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static FakeHttp http(String name) {
        requireOnClassPath("com.github.tomakehurst.wiremock.WireMockServer", name);
        return FakeHttp.declare(name);
    }

    /** Checked before any WireMock type is touched, so that the error names what to add. */
    static void requireOnClassPath(String className, String name) {
        try {
            Class.forName(className, false, FakeServer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new JigConfigurationException("The HTTP fake '" + name + "' needs WireMock, which is not on "
                    + "the test class path (" + className + " is missing). Add the test dependency "
                    + "org.wiremock:wiremock:3.13.2 (groupId org.wiremock, artifactId wiremock, version 3.13.2, "
                    + "scope test).");
        }
    }

    /** How requests and replies are framed. */
    public FakeServer framing(Framing framing) {
        return new FakeServer(spec.framing(framing), failOnProtocolErrors);
    }

    /** How requests and replies are encoded. */
    public FakeServer codec(Codec codec) {
        return new FakeServer(spec.codec(codec), failOnProtocolErrors);
    }

    /** Answers requests that decode as {@code type}; stubs are tried in the order given. */
    public <T> FakeServer respond(Class<T> type, Function<? super T, ?> reply) {
        return new FakeServer(spec.respond(type, reply), failOnProtocolErrors);
    }

    /** Answers any request no typed stub matched, from its raw bytes. */
    public FakeServer respondToAny(Function<byte[], ?> reply) {
        return new FakeServer(spec.respondToAny(reply), failOnProtocolErrors);
    }

    /** The largest frame accepted; larger ones are protocol errors. */
    public FakeServer maxFrameBytes(int max) {
        return new FakeServer(spec.maxFrameBytes(max), failOnProtocolErrors);
    }

    /** Whether protocol errors the test did not take fail it (default {@code true}). */
    public FakeServer failOnProtocolErrors(boolean fail) {
        return new FakeServer(spec, fail);
    }

    /**
     * Injects faults into the replies of the requests {@code schedule} picks, numbered from 1 across all
     * connections, e.g. {@code .faults(FaultSchedule.nth(2, Fault.reset()))}. Mid-test, change them with
     * {@code server().faults(...)}. The record lists each injected fault.
     */
    public FakeServer faults(dev.jig.fault.FaultSchedule schedule) {
        return new FakeServer(spec.faults(schedule), failOnProtocolErrors);
    }

    /** The running server, for anything this class does not forward (e.g. adding a stub mid-test). */
    public FakeTcpServer server() {
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

    @Override
    public Framing framing() {
        return spec.framingUsed();
    }

    @Override
    public Codec codec() {
        return spec.codecUsed();
    }

    /** Checks what the server received, waiting up to 2 s for requests still on their way. */
    public Verification verify() {
        return running().verify();
    }

    /** Checks what the server received, waiting up to {@code within}. */
    public Verification verify(Duration within) {
        return running().verify(within);
    }

    /** Everything the server received so far. */
    public Journal journal() {
        return running().journal();
    }

    /** Returns and clears the protocol errors, so that they no longer fail the test. */
    public List<ProtocolError> takeProtocolErrors() {
        return running().takeProtocolErrors();
    }

    @Override
    public void start(ScopeRecorder recorder) {
        startWith(() -> spec.start(recorder.timeline()));
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        stopWith(recorder, FakeTcpServer::close, server -> recorder.add(server.toRecord()));
    }

    @Override
    public String diagnostics() {
        FakeTcpServer server = last();
        if (server == null) {
            return "";
        }
        Journal journal = server.journal();
        List<String> lines = new ArrayList<>();
        journal.unmatched().stream().limit(DIAGNOSTIC_REQUESTS)
                .forEach(r -> lines.add("  #" + r.sequence() + " " + r.description()));
        journal.protocolErrors().stream().limit(DIAGNOSTIC_REQUESTS)
                .forEach(e -> lines.add("  protocol error on connection " + e.connection() + ": " + e.kind()
                        + " " + e.detail()));
        journal.faulted().stream().limit(DIAGNOSTIC_REQUESTS)
                .forEach(r -> lines.add("  #" + r.sequence() + " " + r.description() + ": injected " + r.fault()));
        if (lines.isEmpty()) {
            return "";
        }
        return name() + " (fake at " + server.address() + ", " + journal.size() + " requests) had "
                + journal.unmatched().size() + " unmatched requests, " + journal.protocolErrors().size()
                + " protocol errors and " + journal.faulted().size() + " injected faults:\n"
                + String.join("\n", lines);
    }

    @Override
    public List<String> problems() {
        FakeTcpServer server = last();
        if (!failOnProtocolErrors || server == null) {
            return List.of();
        }
        List<ProtocolError> errors = server.journal().unacknowledgedProtocolErrors();
        if (errors.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ProtocolError error : errors) {
            problems.add(name() + " received malformed input on connection " + error.connection() + ": "
                    + error.kind() + " " + error.detail());
        }
        problems.add("(expected? take them in the test with " + name() + ".takeProtocolErrors(), or declare "
                + name() + " with .failOnProtocolErrors(false))");
        return problems;
    }
}
