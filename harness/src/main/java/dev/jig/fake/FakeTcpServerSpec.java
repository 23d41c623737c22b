package dev.jig.fake;

import dev.jig.fault.FaultSchedule;
import dev.jig.record.Timeline;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * An immutable description of a fake TCP server; every {@code with}-style method returns a new
 * spec. {@link #start()} makes a running {@link FakeTcpServer} from it.
 *
 * <pre>{@code
 * FakeTcpServerSpec bank = FakeTcpServer.spec("bank")
 *     .framing(Framing.lengthPrefixed(2))
 *     .codec(Codec.json())
 *     .respond(BalanceQuery.class, q -> new Balance(q.customer().equals("Jane Doe") ? 100 : 0));
 * try (FakeTcpServer server = bank.start()) {
 *     // point the system at server.address()
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FakeTcpServerSpec {

    private static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    private final String name;
    private final Framing framing;
    private final Codec codec;
    private final List<Stub<?>> stubs;
    private final Function<byte[], ?> fallback;
    private final String host;
    private final int port;
    private final int maxFrameBytes;
    private final FaultSchedule faults;

    private FakeTcpServerSpec(String name, Framing framing, Codec codec, List<Stub<?>> stubs,
                              Function<byte[], ?> fallback, String host, int port, int maxFrameBytes,
                              FaultSchedule faults) {
        this.faults = faults;
        this.name = name;
        this.framing = framing;
        this.codec = codec;
        this.stubs = List.copyOf(stubs);
        this.fallback = fallback;
        this.host = host;
        this.port = port;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** A spec with defaults: 2-byte length prefixes, JSON, 127.0.0.1, an ephemeral port. */
    public static FakeTcpServerSpec named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a fake server needs a name, e.g. \"bank\"");
        }
        return new FakeTcpServerSpec(name, Framing.lengthPrefixed(2), Codec.json(), List.of(),
                null, "127.0.0.1", 0, DEFAULT_MAX_FRAME_BYTES, FaultSchedule.none());
    }

    /** How frames are cut; default {@code Framing.lengthPrefixed(2)}. */
    public FakeTcpServerSpec framing(Framing framing) {
        return new FakeTcpServerSpec(name, Objects.requireNonNull(framing, "framing"), codec, stubs,
                fallback, host, port, maxFrameBytes, faults);
    }

    /** How payloads become messages; default {@code Codec.json()}. */
    public FakeTcpServerSpec codec(Codec codec) {
        return new FakeTcpServerSpec(name, framing, Objects.requireNonNull(codec, "codec"), stubs,
                fallback, host, port, maxFrameBytes, faults);
    }

    /**
     * Adds a stub. Stubs are tried in the order added; a request goes to the first whose type
     * decodes it. {@code reply} returns a message (encoded with the codec), a {@link Reply}, or
     * {@code null} for no reply.
     */
    public <T> FakeTcpServerSpec respond(Class<T> type, Function<? super T, ?> reply) {
        List<Stub<?>> more = new ArrayList<>(stubs);
        more.add(new Stub<>(type, reply));
        return new FakeTcpServerSpec(name, framing, codec, more, fallback, host, port, maxFrameBytes, faults);
    }

    /** Answers, from the raw payload, whatever no typed stub decodes. Replaces an earlier one. */
    public FakeTcpServerSpec respondToAny(Function<byte[], ?> reply) {
        return new FakeTcpServerSpec(name, framing, codec, stubs,
                Objects.requireNonNull(reply, "reply"), host, port, maxFrameBytes, faults);
    }

    /** The address to bind; default {@code 127.0.0.1}. */
    public FakeTcpServerSpec host(String host) {
        return new FakeTcpServerSpec(name, framing, codec, stubs, fallback,
                Objects.requireNonNull(host, "host"), port, maxFrameBytes, faults);
    }

    /** The port to bind; default 0, an ephemeral port (read it back with {@code port()}). */
    public FakeTcpServerSpec port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
        }
        return new FakeTcpServerSpec(name, framing, codec, stubs, fallback, host, port, maxFrameBytes, faults);
    }

    /** The largest request payload accepted; default 1 MiB. Longer frames are protocol errors. */
    public FakeTcpServerSpec maxFrameBytes(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive, not " + max);
        }
        return new FakeTcpServerSpec(name, framing, codec, stubs, fallback, host, port, max, faults);
    }

    /**
     * Injects faults into the replies of the requests {@code schedule} picks, numbered from 1 across all
     * connections: {@code .faults(FaultSchedule.nth(3, Fault.reset()))} resets the connection of the 3rd.
     * Replaces an earlier schedule; the running server can change it with {@code faults(...)}.
     */
    public FakeTcpServerSpec faults(FaultSchedule schedule) {
        return new FakeTcpServerSpec(name, framing, codec, stubs, fallback, host, port, maxFrameBytes,
                Objects.requireNonNull(schedule, "schedule"));
    }

    /** The name given, used in every message about this fake. */
    public String name() {
        return name;
    }

    /** Starts a server from this spec (each call starts a new one). */
    public FakeTcpServer start() {
        return start(Timeline.NONE);
    }

    /**
     * Starts a server, recording the phase {@code "start <name>"} on {@code timeline}.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public FakeTcpServer start(Timeline timeline) {
        Timeline.Span span = timeline.span("start " + name);
        try {
            return new FakeTcpServer(this, timeline.trace());
        } finally {
            span.close();
        }
    }

    /** The framing it will use. */
    public Framing framingUsed() {
        return framing;
    }

    /** The codec it will use. */
    public Codec codecUsed() {
        return codec;
    }

    List<Stub<?>> stubs() {
        return stubs;
    }

    Function<byte[], ?> fallback() {
        return fallback;
    }

    String hostUsed() {
        return host;
    }

    int portUsed() {
        return port;
    }

    FaultSchedule faultsUsed() {
        return faults;
    }

    int maxFrameBytesUsed() {
        return maxFrameBytes;
    }

    @Override
    public String toString() {
        return "fake tcp server " + name + " (" + framing.describe() + ", " + stubs.size() + " stubs)";
    }
}
