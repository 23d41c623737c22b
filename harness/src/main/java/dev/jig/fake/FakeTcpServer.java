package dev.jig.fake;

import dev.jig.fault.FaultSchedule;
import dev.jig.record.FakeRecord;
import dev.jig.record.TraceLog;
import dev.jig.support.Durations;
import dev.jig.support.IoThreads;
import dev.jig.support.JigLog;
import dev.jig.wire.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A running fake TCP server: it answers framed requests with the stubs of its
 * {@link FakeTcpServerSpec}, journals every request, and rejects malformed input as
 * {@link ProtocolError}s without ever hanging. Single-use: once closed, start a new one.
 *
 * <pre>{@code
 * try (FakeTcpServer bank = FakeTcpServer.spec("bank")
 *         .respond(BalanceQuery.class, q -> new Balance(100))
 *         .start()) {
 *     runAtm("--bank", bank.address());
 *     bank.verify().received(new BalanceQuery("Jane Doe")).noProtocolErrors();
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FakeTcpServer implements AutoCloseable {

    private static final Duration DEFAULT_VERIFY_WITHIN = Duration.ofSeconds(2);
    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(2);
    private static final int PROBE_TIMEOUT_MILLIS = 200;
    private static final int PROBE_PAUSE_MILLIS = 2;

    private final FakeTcpServerSpec spec;
    private final Codec codec;
    private final Journal journal;
    private final Dispatcher dispatcher;
    private final ServerSocket serverSocket;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private final List<FakeConnection> connections = new ArrayList<>();
    private boolean closed;
    private boolean accepting; // a pooled thread is inside accept(): the port is bound until it leaves

    private final TraceLog trace;

    FakeTcpServer(FakeTcpServerSpec spec, TraceLog trace) {
        this.spec = spec;
        this.trace = trace;
        this.codec = spec.codecUsed();
        this.journal = new Journal(codec);
        this.dispatcher = new Dispatcher(codec, spec.framingUsed(), spec.stubs(), spec.fallback(),
                spec.faultsUsed());
        spec.stubs().forEach(stub -> codec.prepare(stub.type())); // its first answer as fast as the later ones
        this.serverSocket = bind(spec);
        try {
            this.scheduler = newScheduler(spec.name());
            IoThreads.run(acceptorName(), this::acceptNext);
        } catch (RuntimeException | Error e) {
            closeQuietly(serverSocket, e); // half-started: release the port before failing
            throw e;
        }
    }

    /** A new spec; the same as {@link FakeTcpServerSpec#named}. */
    public static FakeTcpServerSpec spec(String name) {
        return FakeTcpServerSpec.named(name);
    }

    private static ServerSocket bind(FakeTcpServerSpec spec) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(spec.hostUsed(), spec.portUsed()), 128);
            return socket;
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("could not start fake "
                    + spec.name() + " on " + spec.hostUsed() + ":" + spec.portUsed() + ": "
                    + e.getMessage() + "; use port 0 for an ephemeral port", e);
            closeQuietly(socket, failure);
            throw failure;
        }
    }

    private static ScheduledExecutorService newScheduler(String name) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                runnable -> daemon(runnable, "jig-fake-" + name + "-replies"));
        scheduler.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(scheduler);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private String acceptorName() {
        return "jig-fake-" + spec.name() + "-accept";
    }

    /**
     * Accepts one connection, hands accepting the next to another pooled thread and serves this one itself:
     * the first request does not wait for a thread to be handed the connection.
     */
    private void acceptNext() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            accepting = true;
        }
        Socket socket;
        try {
            socket = serverSocket.accept();
        } catch (IOException e) {
            return; // closed
        } finally {
            synchronized (lock) {
                accepting = false;
                lock.notifyAll();
            }
        }
        FakeConnection connection = register(socket);
        if (connection == null) {
            return;
        }
        try {
            IoThreads.run(acceptorName(), this::acceptNext);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            JigLog.warn("fake " + spec.name() + " stops accepting connections: " + e.getMessage());
        }
        Thread.currentThread().setName("jig-fake-" + spec.name() + "-conn-" + connection.id());
        connection.run();
    }

    private FakeConnection register(Socket socket) {
        synchronized (lock) {
            if (closed) {
                closeQuietly(socket, null);
                return null;
            }
            int id = connections.size() + 1;
            try {
                socket.setTcpNoDelay(true);
                FakeConnection connection = new FakeConnection(id, socket, spec, dispatcher, journal,
                        scheduler, trace);
                connections.add(connection);
                return connection;
            } catch (IOException e) {
                closeQuietly(socket, null); // the client left before we could serve it
                return null;
            }
        }
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
        return serverSocket.getLocalPort();
    }

    /** {@code host:port}, e.g. {@code "127.0.0.1:41233"}: what to pass to the system under test. */
    public String address() {
        return host() + ":" + port();
    }

    /**
     * Adds a stub while running. Runtime stubs are tried before the spec's, the newest first, so
     * a test can override a class-level default.
     */
    public <T> void respond(Class<T> type, Function<? super T, ?> reply) {
        codec.prepare(type);
        dispatcher.addRuntimeStub(new Stub<>(type, reply));
    }

    /**
     * Replaces the fault schedule while running. Requests keep their numbers: they count every request
     * this server received, from 1, so {@code faults(FaultSchedule.nth(3, Fault.reset()))} set after two
     * requests resets the next one. {@code FaultSchedule.none()} stops injecting.
     */
    public void faults(FaultSchedule schedule) {
        dispatcher.faults(java.util.Objects.requireNonNull(schedule, "schedule"));
    }

    /** What it received so far. */
    public Journal journal() {
        return journal;
    }

    /** Verifies what it received, waiting up to 2 s for expected requests. */
    public Verification verify() {
        return verify(DEFAULT_VERIFY_WITHIN);
    }

    /** Verifies what it received, waiting up to {@code within} for expected requests. */
    public Verification verify(Duration within) {
        return new Verification(spec.name(), journal, codec, within);
    }

    /**
     * Returns the protocol errors not yet taken and marks them as expected, so that
     * {@link Verification#noProtocolErrors()} no longer fails on them.
     */
    public List<ProtocolError> takeProtocolErrors() {
        return journal.takeProtocolErrors();
    }

    /** A summary for the run's results (kind {@code "tcp"}). */
    public FakeRecord toRecord() {
        return new FakeRecord(spec.name(), "tcp", address(), journal.size(),
                journal.unmatched().stream().map(RecordedRequest::formatted).collect(Collectors.toList()),
                journal.protocolErrors().stream().map(ProtocolError::formatted)
                        .collect(Collectors.toList()),
                journal.faulted().stream()
                        .map(r -> "request " + r.sequence() + " (" + r.description() + "): " + r.fault())
                        .collect(Collectors.toList()),
                journal.stubFailures().stream().map(RecordedRequest::formatted).collect(Collectors.toList()),
                journal.unanswered().stream().map(Unanswered::formatted).collect(Collectors.toList()));
    }

    /**
     * Returns the unmatched requests not yet taken and marks them as expected, so that they no longer fail the
     * test after teardown.
     */
    public List<RecordedRequest> takeUnmatched() {
        return journal.takeUnmatched();
    }

    /** The requests received and not answered yet; see {@link Journal#unanswered()}. */
    public List<Unanswered> unanswered() {
        return journal.unanswered();
    }

    /** How many connections are open now. */
    public int openConnections() {
        synchronized (lock) {
            return (int) connections.stream().filter(FakeConnection::isOpen).count();
        }
    }

    /**
     * Closes every open connection (a client blocked reading from one sees the end of the stream) and keeps
     * listening for new ones. Jig does this to unblock a test that passed its deadline.
     *
     * @return how many connections were open
     */
    public int closeConnections() {
        List<FakeConnection> open;
        synchronized (lock) {
            open = connections.stream().filter(FakeConnection::isOpen).collect(Collectors.toList());
        }
        open.forEach(FakeConnection::close);
        return open.size();
    }

    /**
     * Stops accepting and drops every connection (each peer sees the end of the stream), cancelling replies not
     * yet sent. When it returns, the port refuses new connections. The threads that served the connections go
     * back to the pool as soon as their reads end; close does not wait for them. Safe to call twice.
     */
    @Override
    public void close() {
        List<FakeConnection> open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(connections);
        }
        UncheckedIOException failure = null;
        try {
            serverSocket.close();
        } catch (IOException e) {
            failure = new UncheckedIOException("could not close fake " + spec.name(), e);
        }
        scheduler.shutdownNow();
        open.forEach(FakeConnection::close);
        awaitAcceptorLeft();
        awaitPortRefuses();
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A process started in the moment before the close (by any thread of this JVM, e.g. a parallel test's
     * system) holds a copy of the listening socket until it has closed the descriptors it inherited: the port
     * still accepts for those milliseconds, and a connection it accepts is reset when the copy goes. Seen with
     * parallel tests: a system told the bank was down got "Connection reset" instead of "Connection refused".
     * So close returns once a connection to the port is refused (briefly bounded).
     */
    private void awaitPortRefuses() {
        InetAddress host = serverSocket.getInetAddress();
        InetSocketAddress target = new InetSocketAddress(
                host == null || host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : host,
                serverSocket.getLocalPort());
        long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(target, PROBE_TIMEOUT_MILLIS);
            } catch (ConnectException e) {
                return; // refused: nothing listens any more
            } catch (IOException e) {
                return; // no answer at all: nothing accepts either
            }
            try {
                Thread.sleep(PROBE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        JigLog.warn("fake " + spec.name() + ": " + target + " still accepted connections " + Durations.human(
                CLOSE_BUDGET) + " after closing; another process may hold the port (one started just before the "
                + "close inherits the listening socket until it closes its inherited descriptors)");
    }

    /** A socket closed while a thread is blocked in its accept() stays bound until that thread wakes up. */
    private void awaitAcceptorLeft() {
        long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
        synchronized (lock) {
            try {
                while (accepting) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        JigLog.warn("fake " + spec.name() + ": its accept thread did not leave accept() within "
                                + Durations.human(CLOSE_BUDGET) + " of closing; the port may accept a while longer");
                        return;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable, Throwable into) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            if (into != null) {
                into.addSuppressed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "fake " + spec.name() + " at " + address();
    }
}
