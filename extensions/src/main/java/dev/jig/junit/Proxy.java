package dev.jig.junit;

import dev.jig.junit.internal.ManagedResource;
import dev.jig.proxy.Direction;
import dev.jig.proxy.TcpProxy;
import dev.jig.record.ScopeRecorder;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A TCP fault proxy declared as a field of a {@link JigTest} class, in front of another declared resource
 * (a fake server, a system, another proxy): point a system or a {@link Connect} client at the proxy instead
 * of the target, then degrade the link from the test whenever you like — live connections included.
 *
 * <pre>{@code
 * final FakeServer bank = FakeServer.tcp("bank").respond(BalanceQuery.class, q -> new Balance(100));
 * final Proxy bankLink = Proxy.to("bank-link", bank);
 * final SystemUnderTest atm = SystemUnderTest.java("atm", AtmMain.class)
 *         .args("--bank", bankLink, "--port", "0")
 *         .readyWhen(Ready.logLine("listening on port (\\d+)"));
 *
 * @Test
 * void aCutLinkMeansNoBank(@Connect("atm") FramedClient<AtmRequest, AtmReply> atmClient) {
 *     bankLink.cut();
 *     assertThat(atmClient.request(AtmRequest.withdraw("Jane Doe", 50)).join().error())
 *             .startsWith("bank unavailable");
 *     bankLink.restore();
 * }
 * }</pre>
 *
 * <p>The target starts first (its address is asked for when the proxy starts). The proxy's actions are
 * phases of the record ({@code "proxy bank-link: cut"}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Proxy extends ManagedResource<TcpProxy> implements Endpoint {

    private final Addressable target;
    private final Duration connectTimeout;

    private Proxy(String name, Addressable target, Duration connectTimeout) {
        super(name);
        this.target = Objects.requireNonNull(target, "target");
        this.connectTimeout = connectTimeout;
    }

    /** A proxy named {@code name} that forwards to {@code target}'s address. */
    public static Proxy to(String name, Addressable target) {
        return new Proxy(name, target, Duration.ofSeconds(5));
    }

    /** How long to wait for the target to accept each connection (default 5 s). */
    public Proxy connectTimeout(Duration timeout) {
        return new Proxy(name(), target, timeout);
    }

    /** The running proxy, for anything this class does not forward. */
    public TcpProxy proxy() {
        return running();
    }

    /** Delays every chunk, both ways, by {@code base} plus up to {@code jitter}. */
    public Proxy latency(Duration base, Duration jitter) {
        running().latency(base, jitter);
        return this;
    }

    /** Delays every chunk going {@code direction} by {@code base} plus up to {@code jitter}. */
    public Proxy latency(Direction direction, Duration base, Duration jitter) {
        running().latency(direction, base, jitter);
        return this;
    }

    /** Limits each direction to {@code bytesPerSecond}. */
    public Proxy bandwidth(long bytesPerSecond) {
        running().bandwidth(bytesPerSecond);
        return this;
    }

    /** Limits {@code direction} to {@code bytesPerSecond}. */
    public Proxy bandwidth(Direction direction, long bytesPerSecond) {
        running().bandwidth(direction, bytesPerSecond);
        return this;
    }

    /** Resets open connections and refuses new ones until {@link #restore()}. */
    public Proxy cut() {
        running().cut();
        return this;
    }

    /** Accepts connections again after a {@link #cut()}. */
    public Proxy restore() {
        running().restore();
        return this;
    }

    /** Removes latency, bandwidth limits and a cut. */
    public Proxy heal() {
        running().heal();
        return this;
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

    /** The target's framing: clients of the proxy speak what the target speaks. */
    @Override
    public Framing framing() {
        return endpoint("framing").framing();
    }

    /** The target's codec. */
    @Override
    public Codec codec() {
        return endpoint("codec").codec();
    }

    private Endpoint endpoint(String what) {
        if (target instanceof Endpoint endpoint) {
            return endpoint;
        }
        throw new JigConfigurationException("Proxy " + name() + " cannot tell the " + what + " of its target "
                + target.name() + ", which declares no protocol (it is not a fake TCP server, system or proxy). "
                + "Connect with a client that names its own protocol, e.g. Client.to(" + name()
                + ", Reply.class).protocol(framing, codec).");
    }

    @Override
    public void start(ScopeRecorder recorder) {
        startWith(() -> {
            String host = target.host(); // starts the target first if it is not running yet
            int port = target.port();
            return TcpProxy.spec(name()).target(host, port).connectTimeout(connectTimeout).start(recorder.timeline());
        });
    }

    @Override
    public void stop(ScopeRecorder recorder) {
        stopWith(recorder, TcpProxy::close, proxy -> { });
    }

    @Override
    public String diagnostics() {
        TcpProxy proxy = last();
        if (proxy == null || proxy.connectFailures().isEmpty()) {
            return "";
        }
        List<String> failures = proxy.connectFailures();
        return name() + " (proxy at " + proxy.address() + " to " + proxy.target() + ") could not forward "
                + failures.size() + " connections:\n  " + String.join("\n  ", failures.subList(0,
                Math.min(10, failures.size())));
    }

    @Override
    public List<dev.jig.record.DiagnosticsRecord.Pending> pending() {
        TcpProxy proxy = runningOrNull();
        if (proxy == null || proxy.connections() == 0) {
            return List.of();
        }
        int open = proxy.connections();
        return List.of(new dev.jig.record.DiagnosticsRecord.Pending(name(),
                dev.jig.record.DiagnosticsRecord.Pending.OPEN_CONNECTION, name() + " (proxy to " + proxy.target()
                + ") had " + open + " open connection" + (open == 1 ? "" : "s"), null));
    }

    @Override
    public void unblock() {
        TcpProxy proxy = runningOrNull();
        if (proxy != null) {
            proxy.dropConnections();
        }
    }
}
