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
 * <p>The fake is strict. After it has stopped, the test fails on: a <b>protocol error</b> — malformed input
 * (an oversized or truncated frame, a payload the codec cannot read) — unless taken with
 * {@link #takeProtocolErrors()} or declared {@link #failOnProtocolErrors(boolean) failOnProtocolErrors(false)};
 * an <b>unmatched request</b> — well-formed, but no stub's type decoded it — unless taken with
 * {@link #takeUnmatched()} or declared {@link #failOnUnmatched(boolean) failOnUnmatched(false)}; and a <b>stub
 * that threw</b>: its exception is the test's failure (an {@code AssertionError} in a stub fails the test as if
 * the test had thrown it), and the connection the request came on is closed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FakeServer extends ManagedResource<FakeTcpServer> implements Endpoint {

    private static final int DIAGNOSTIC_REQUESTS = 10;

    private final FakeTcpServerSpec spec;
    private final boolean failOnProtocolErrors;
    private final boolean failOnUnmatched;
    // Stub failures already given to a test as its failure; a static fake serves several tests.
    private final java.util.concurrent.atomic.AtomicInteger failuresTaken = new java.util.concurrent.atomic.AtomicInteger();

    private FakeServer(FakeTcpServerSpec spec, boolean failOnProtocolErrors, boolean failOnUnmatched) {
        super(spec.name());
        this.spec = spec;
        this.failOnProtocolErrors = failOnProtocolErrors;
        this.failOnUnmatched = failOnUnmatched;
    }

    /** A fake TCP server with length-prefixed (2-byte) JSON frames until told otherwise. */
    public static FakeServer tcp(String name) {
        return new FakeServer(FakeTcpServer.spec(name), true, true);
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
        return new FakeServer(spec.framing(framing), failOnProtocolErrors, failOnUnmatched);
    }

    /** How requests and replies are encoded. */
    public FakeServer codec(Codec codec) {
        return new FakeServer(spec.codec(codec), failOnProtocolErrors, failOnUnmatched);
    }

    /** Answers requests that decode as {@code type}; stubs are tried in the order given. */
    public <T> FakeServer respond(Class<T> type, Function<? super T, ?> reply) {
        return new FakeServer(spec.respond(type, reply), failOnProtocolErrors, failOnUnmatched);
    }

    /** Answers any request no typed stub matched, from its raw bytes. */
    public FakeServer respondToAny(Function<byte[], ?> reply) {
        return new FakeServer(spec.respondToAny(reply), failOnProtocolErrors, failOnUnmatched);
    }

    /** The largest frame accepted; larger ones are protocol errors. */
    public FakeServer maxFrameBytes(int max) {
        return new FakeServer(spec.maxFrameBytes(max), failOnProtocolErrors, failOnUnmatched);
    }

    /** Whether protocol errors the test did not take fail it (default {@code true}). */
    public FakeServer failOnProtocolErrors(boolean fail) {
        return new FakeServer(spec, fail, failOnUnmatched);
    }

    /**
     * Whether well-formed requests that no stub matched, and that the test did not take with
     * {@link #takeUnmatched()}, fail the test after teardown (default {@code true}, as for HTTP fakes).
     */
    public FakeServer failOnUnmatched(boolean fail) {
        return new FakeServer(spec, failOnProtocolErrors, fail);
    }

    /**
     * Injects faults into the replies of the requests {@code schedule} picks, numbered from 1 across all
     * connections, e.g. {@code .faults(FaultSchedule.nth(2, Fault.reset()))}. Mid-test, change them with
     * {@code server().faults(...)}. The record lists each injected fault.
     */
    public FakeServer faults(dev.jig.fault.FaultSchedule schedule) {
        return new FakeServer(spec.faults(schedule), failOnProtocolErrors, failOnUnmatched);
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

    /** Returns the unmatched requests not taken yet and marks them expected, so that they no longer fail the test. */
    public List<dev.jig.fake.RecordedRequest> takeUnmatched() {
        return running().takeUnmatched();
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
        journal.stubFailures().stream().limit(DIAGNOSTIC_REQUESTS)
                .forEach(r -> lines.add("  #" + r.sequence() + " " + r.description() + ": the stub threw "
                        + r.stubFailure().orElseThrow()));
        List<dev.jig.fake.Unanswered> unanswered = journal.unanswered();
        unanswered.stream().limit(DIAGNOSTIC_REQUESTS).forEach(u -> lines.add("  " + u.formatted()));
        if (lines.isEmpty()) {
            return "";
        }
        return name() + " (fake at " + server.address() + ", " + journal.size() + " requests) had "
                + journal.unmatched().size() + " unmatched requests, " + journal.protocolErrors().size()
                + " protocol errors, " + journal.faulted().size() + " injected faults, "
                + journal.stubFailures().size() + " failed stubs and " + unanswered.size() + " unanswered requests:\n"
                + String.join("\n", lines);
    }


    @Override
    public java.util.Optional<Throwable> takeFailure() {
        FakeTcpServer server = last();
        if (server == null) {
            return java.util.Optional.empty();
        }
        List<dev.jig.fake.RecordedRequest> all = server.journal().stubFailures();
        int taken = failuresTaken.get();
        if (all.size() <= taken || !failuresTaken.compareAndSet(taken, all.size())) {
            return java.util.Optional.empty();
        }
        List<dev.jig.fake.RecordedRequest> failed = all.subList(taken, all.size());
        dev.jig.fake.RecordedRequest first = failed.get(0);
        Throwable thrown = first.stubFailure().orElseThrow();
        String where = "in the stub of fake '" + name() + "' for request #" + first.sequence() + " "
                + first.description() + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more requests)" : "");
        return java.util.Optional.of(dev.jig.junit.internal.StubFailures.asTestFailure(thrown, where));
    }

    @Override
    public List<dev.jig.record.DiagnosticsRecord.Pending> pending() {
        FakeTcpServer server = runningOrNull();
        if (server == null) {
            return List.of();
        }
        List<dev.jig.record.DiagnosticsRecord.Pending> pending = new ArrayList<>();
        for (dev.jig.fake.Unanswered u : server.unanswered()) {
            pending.add(new dev.jig.record.DiagnosticsRecord.Pending(name(),
                    dev.jig.record.DiagnosticsRecord.Pending.UNANSWERED_REQUEST, name() + " " + u.formatted(),
                    u.since().toString()));
        }
        int open = server.openConnections();
        if (open > 0) {
            pending.add(new dev.jig.record.DiagnosticsRecord.Pending(name(),
                    dev.jig.record.DiagnosticsRecord.Pending.OPEN_CONNECTION,
                    name() + " had " + open + " open connection" + (open == 1 ? "" : "s"), null));
        }
        return pending;
    }

    @Override
    public void unblock() {
        FakeTcpServer server = runningOrNull();
        if (server != null) {
            server.closeConnections();
        }
    }

    @Override
    public List<String> problems() {
        FakeTcpServer server = last();
        if (server == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        List<dev.jig.fake.RecordedRequest> unmatched = failOnUnmatched ? server.journal().untakenUnmatched() : List.of();
        for (dev.jig.fake.RecordedRequest request : unmatched) {
            problems.add(name() + " received a request no stub matched: #" + request.sequence() + " conn "
                    + request.connection() + " " + request.description());
        }
        if (!unmatched.isEmpty()) {
            problems.add("(expected? take them in the test with " + name() + ".takeUnmatched(), or declare "
                    + name() + " with .failOnUnmatched(false))");
        }
        List<ProtocolError> errors = failOnProtocolErrors ? server.journal().unacknowledgedProtocolErrors()
                : List.of();
        if (errors.isEmpty()) {
            return problems;
        }
        for (ProtocolError error : errors) {
            problems.add(name() + " received malformed input on connection " + error.connection() + ": "
                    + error.kind() + " " + error.detail());
        }
        problems.add("(expected? take them in the test with " + name() + ".takeProtocolErrors(), or declare "
                + name() + " with .failOnProtocolErrors(false))");
        return problems;
    }
}
