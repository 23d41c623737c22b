package dev.jig.fake;

import dev.jig.fault.FaultSchedule;
import dev.jig.record.FakeRecord;
import dev.jig.wire.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private final FakeTcpServerSpec spec;
    private final Codec codec;
    private final Journal journal;
    private final Dispatcher dispatcher;
    private final ServerSocket serverSocket;
    private final ScheduledExecutorService scheduler;
    private final Thread acceptor;
    private final Object lock = new Object();
    private final List<FakeConnection> connections = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean closed;

    FakeTcpServer(FakeTcpServerSpec spec) {
        this.spec = spec;
        this.codec = spec.codecUsed();
        this.journal = new Journal(codec);
        this.dispatcher = new Dispatcher(codec, spec.framingUsed(), spec.stubs(), spec.fallback(),
                spec.faultsUsed());
        this.serverSocket = bind(spec);
        try {
            this.scheduler = newScheduler(spec.name());
            this.acceptor = daemon(this::acceptLoop, "jig-fake-" + spec.name() + "-accept");
            acceptor.start();
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

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!register(socket)) {
                closeQuietly(socket, null);
                return;
            }
        }
    }

    private boolean register(Socket socket) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            int id = connections.size() + 1;
            try {
                socket.setTcpNoDelay(true);
                FakeConnection connection = new FakeConnection(id, socket, spec, dispatcher, journal,
                        scheduler);
                Thread thread = daemon(connection, "jig-fake-" + spec.name() + "-conn-" + id);
                connections.add(connection);
                threads.add(thread);
                thread.start();
            } catch (IOException e) {
                closeQuietly(socket, null); // the client left before we could serve it
            }
            return true;
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
     * Stops accepting, closes every connection, cancels replies not yet sent and waits (at most
     * 2 s) for its threads. Safe to call twice.
     */
    @Override
    public void close() {
        List<FakeConnection> open;
        List<Thread> toJoin;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(connections);
            toJoin = new ArrayList<>(threads);
        }
        UncheckedIOException failure = null;
        try {
            serverSocket.close();
        } catch (IOException e) {
            failure = new UncheckedIOException("could not close fake " + spec.name(), e);
        }
        scheduler.shutdownNow();
        open.forEach(FakeConnection::close);
        toJoin.add(acceptor);
        joinAll(toJoin);
        if (failure != null) {
            throw failure;
        }
    }

    private static void joinAll(List<Thread> threads) {
        long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
        try {
            for (Thread thread : threads) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return; // daemon threads: whatever is left cannot keep the JVM alive
                }
                thread.join(remainingMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
