package dev.jig.proxy;

import dev.jig.record.Timeline;
import dev.jig.support.Durations;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An immutable description of a {@link TcpProxy}: its name, the target it forwards to, and how long it
 * waits for the target to accept a connection. {@link #start()} makes a running proxy from it.
 *
 * <pre>{@code
 * try (TcpProxy link = TcpProxy.spec("bank-link").target(bank.host(), bank.port()).start()) {
 *     runAtm("--bank", link.address());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TcpProxySpec {

    private final String name;
    private final String targetHost;
    private final int targetPort;
    private final Duration connectTimeout;

    private TcpProxySpec(String name, String targetHost, int targetPort, Duration connectTimeout) {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.connectTimeout = connectTimeout;
    }

    static TcpProxySpec named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a proxy needs a name, e.g. \"bank-link\"");
        }
        return new TcpProxySpec(name, null, 0, Duration.ofSeconds(5));
    }

    /** Where accepted connections are forwarded to. Required. */
    public TcpProxySpec target(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy " + name + ": a target port is between 1 and 65535, not "
                    + port);
        }
        return new TcpProxySpec(name, host, port, connectTimeout);
    }

    /** How long to wait for the target to accept each connection; default 5 s. */
    public TcpProxySpec connectTimeout(Duration timeout) {
        return new TcpProxySpec(name, targetHost, targetPort, Durations.positive(timeout, "connectTimeout"));
    }

    /** The name given, used in thread names, phases and messages. */
    public String name() {
        return name;
    }

    /** Starts a proxy from this spec (each call starts a new one). */
    public TcpProxy start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts a proxy that records {@code "start <name>"} and its later actions ({@code "proxy <name>: cut"})
     * on {@code timeline}.
     *
     * @throws IllegalStateException         if no target was given
     * @throws java.io.UncheckedIOException if it cannot listen
     */
    public TcpProxy start(Timeline timeline) {
        if (targetHost == null) {
            throw new IllegalStateException("proxy " + name + " has no target; give one with "
                    + ".target(host, port)");
        }
        try (Timeline.Span span = timeline.span("start " + name)) {
            return new TcpProxy(this, timeline);
        }
    }

    String targetHost() {
        return targetHost;
    }

    int targetPort() {
        return targetPort;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public String toString() {
        return "tcp proxy " + name + " to " + targetHost + ":" + targetPort;
    }
}
