package dev.jig.proxy;

import dev.jig.record.Timeline;
import dev.jig.support.Durations;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A running TCP fault proxy: listens on {@code 127.0.0.1} (an ephemeral port), forwards every accepted
 * connection to its target both ways, and degrades the link whenever a test says so — also on connections
 * already open. Single-use: once closed, start a new one.
 *
 * <pre>{@code
 * try (TcpProxy link = TcpProxy.spec("bank-link").target("127.0.0.1", bankPort).start()) {
 *     // point the system at link.address() instead of the bank
 *     link.latency(Duration.ofMillis(200), Duration.ofMillis(50));   // every chunk 200-250 ms late
 *     link.cut();                                                     // open connections reset, new ones refused
 *     link.restore();
 * }
 * }</pre>
 *
 * <p>Each action is recorded as a phase on the timeline it was started with ({@code "proxy bank-link: cut"}
 * lasts from the cut to the restore).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TcpProxy implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(2);

    private final TcpProxySpec spec;
    private final Timeline timeline;
    private final Link upstream = new Link();
    private final Link downstream = new Link();
    private final Object lock = new Object();
    private final Set<ProxyConnection> open = new LinkedHashSet<>();
    private final List<ProxyConnection> all = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> connectFailures = new ArrayList<>();
    private final int port;
    private Listener listener;
    private long cutSince = -1;
    private boolean closed;

    TcpProxy(TcpProxySpec spec, Timeline timeline) {
        this.spec = spec;
        this.timeline = timeline;
        this.listener = Listener.open(spec.name(), HOST, 0, this::accepted);
        this.listeners.add(listener);
        this.port = listener.port();
    }

    /** A new spec; give it a {@link TcpProxySpec#target target} and start it. */
    public static TcpProxySpec spec(String name) {
        return TcpProxySpec.named(name);
    }

    /** The name given in the spec. */
    public String name() {
        return spec.name();
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    /** The port it listens on (the same after a cut and restore). */
    public int port() {
        return port;
    }

    /** {@code host:port}: what to give the client or system instead of the target's address. */
    public String address() {
        return HOST + ":" + port;
    }

    /** {@code host:port} of the target. */
    public String target() {
        return spec.targetHost() + ":" + spec.targetPort();
    }

    /** Delays every chunk, both ways, by {@code base} plus a uniformly random part of {@code jitter}. */
    public TcpProxy latency(Duration base, Duration jitter) {
        return latency(Direction.BOTH, base, jitter);
    }

    /**
     * Delays every chunk going {@code direction} by {@code base} plus a uniformly random part of
     * {@code jitter} (0 to jitter); bytes keep their order. Replaces an earlier latency of that direction;
     * {@code Duration.ZERO, Duration.ZERO} removes it.
     */
    public TcpProxy latency(Direction direction, Duration base, Duration jitter) {
        Objects.requireNonNull(direction, "direction");
        nonNegative(base, "latency");
        nonNegative(jitter, "jitter");
        links(direction).forEach(link -> link.latency(base, jitter));
        String extra = jitter.isZero() ? "" : " + up to " + Durations.human(jitter) + " jitter";
        mark("latency " + Durations.human(base) + extra + direction.describe());
        return this;
    }

    /** Limits each direction to {@code bytesPerSecond} (all connections together). */
    public TcpProxy bandwidth(long bytesPerSecond) {
        return bandwidth(Direction.BOTH, bytesPerSecond);
    }

    /** Limits {@code direction} to {@code bytesPerSecond}, shared by all connections. Replaces an earlier limit. */
    public TcpProxy bandwidth(Direction direction, long bytesPerSecond) {
        Objects.requireNonNull(direction, "direction");
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("proxy " + name() + ": bandwidth needs at least 1 byte per "
                    + "second, got " + bytesPerSecond + "; heal() removes a limit");
        }
        links(direction).forEach(link -> link.bandwidth(bytesPerSecond));
        mark("bandwidth " + bytesPerSecond + " B/s" + direction.describe());
        return this;
    }

    /**
     * Cuts the link: open connections are reset (RST) on both sides and new ones are refused until
     * {@link #restore()}. Cutting a cut link does nothing.
     */
    public TcpProxy cut() {
        List<ProxyConnection> dropping;
        Listener closing;
        synchronized (lock) {
            checkOpen("cut");
            if (cutSince >= 0) {
                return this;
            }
            cutSince = System.nanoTime();
            closing = listener;
            closing.close();
            dropping = new ArrayList<>(open);
        }
        dropping.forEach(ProxyConnection::abort);
        // The port is released only once the accept thread has left accept(): wait, so restore can rebind.
        closing.join(System.nanoTime() + CLOSE_BUDGET.toNanos());
        return this;
    }

    /**
     * Ends a cut: the proxy accepts connections again, on the same port.
     *
     * @throws UncheckedIOException if the port was taken by someone else meanwhile
     */
    public TcpProxy restore() {
        synchronized (lock) {
            checkOpen("restore");
            if (cutSince < 0) {
                return this;
            }
            listener = Listener.reopen(name(), HOST, port, this::accepted);
            listeners.add(listener);
            timeline.phase("proxy " + name() + ": cut", cutSince, System.nanoTime());
            cutSince = -1;
        }
        return this;
    }

    /** Removes every degradation: latency, bandwidth limits, and a cut. */
    public TcpProxy heal() {
        upstream.heal();
        downstream.heal();
        restore();
        mark("heal");
        return this;
    }

    /**
     * Resets every open connection (both sides) and keeps accepting new ones: what Jig does to unblock a test
     * that passed its deadline while reading through the proxy.
     *
     * @return how many connections were open
     */
    public int dropConnections() {
        List<ProxyConnection> dropping;
        synchronized (lock) {
            dropping = new ArrayList<>(open);
        }
        dropping.forEach(ProxyConnection::abort);
        return dropping.size();
    }

    /** How many connections are open through it now. */
    public int connections() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Bytes forwarded so far going {@code direction} ({@code BOTH}: the sum). */
    public long bytesForwarded(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        return links(direction).stream().mapToLong(Link::bytesForwarded).sum();
    }

    /** Why connections could not be forwarded (the target refused or did not accept in time). */
    public List<String> connectFailures() {
        synchronized (lock) {
            return List.copyOf(connectFailures);
        }
    }

    /** Stops listening, resets every open connection and waits (at most 2 s) for its threads. Idempotent. */
    @Override
    public void close() {
        List<ProxyConnection> dropping;
        List<Listener> toJoin;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            listener.close();
            if (cutSince >= 0) {
                timeline.phase("proxy " + name() + ": cut", cutSince, System.nanoTime());
            }
            dropping = new ArrayList<>(open);
            toJoin = new ArrayList<>(listeners);
        }
        dropping.forEach(ProxyConnection::abort);
        long deadline = System.nanoTime() + CLOSE_BUDGET.toNanos();
        toJoin.forEach(stopped -> stopped.join(deadline));
        try {
            for (ProxyConnection connection : allConnections()) {
                connection.join(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ProxyConnection> allConnections() {
        synchronized (lock) {
            return new ArrayList<>(all);
        }
    }

    private void accepted(Socket client) {
        ProxyConnection connection;
        synchronized (lock) {
            connection = new ProxyConnection(all.size() + 1, name(), client, this::ended, timeline.trace());
            if (closed || cutSince >= 0) {
                connection.abort(); // accepted just before the listener closed
                return;
            }
            all.add(connection);
            open.add(connection);
        }
        // Connecting to the target can take up to the connect timeout: not on the accept thread.
        daemon(() -> forward(connection), "jig-proxy-" + name() + "-connect-" + connection.id()).start();
    }

    private void forward(ProxyConnection connection) {
        String failure = connection.open(spec.targetHost(), spec.targetPort(), spec.connectTimeout(),
                upstream, downstream);
        if (failure != null) {
            synchronized (lock) {
                connectFailures.add(failure);
            }
        }
    }

    private void ended(ProxyConnection connection) {
        synchronized (lock) {
            open.remove(connection);
        }
    }

    private List<Link> links(Direction direction) {
        List<Link> links = new ArrayList<>(2);
        if (direction.includes(Direction.UPSTREAM)) {
            links.add(upstream);
        }
        if (direction.includes(Direction.DOWNSTREAM)) {
            links.add(downstream);
        }
        return links;
    }

    private void mark(String action) {
        long now = System.nanoTime();
        timeline.phase("proxy " + name() + ": " + action, now, now);
    }

    private void checkOpen(String action) {
        if (closed) {
            throw new IllegalStateException("proxy " + name() + " is closed; cannot " + action
                    + " it. Start a new one.");
        }
    }

    private static void nonNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " cannot be negative, got " + duration);
        }
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String toString() {
        return "proxy " + name() + " at " + address() + " to " + target();
    }
}
