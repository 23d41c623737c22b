package dev.jig.fake;

import dev.jig.wire.Codec;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One request a fake received, as its {@link Journal} keeps it.
 *
 * <pre>{@code
 * RecordedRequest first = bank.journal().requests().get(0);
 * assertEquals(Optional.of(new BalanceQuery("Jane Doe")), first.as(BalanceQuery.class));
 * }</pre>
 *
 * <p>A class rather than a record because {@link #as} needs the server's codec.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordedRequest {

    private final int sequence;
    private final int connection;
    private final Instant time;
    private final byte[] payload;
    private final boolean matched;
    private final java.util.function.Supplier<String> reply;
    private final String fault;
    private final Codec codec;
    private final boolean undecodable;
    private final Throwable stubFailure;

    RecordedRequest(int sequence, int connection, Instant time, byte[] payload, boolean matched,
                    java.util.function.Supplier<String> reply, String fault, Codec codec, boolean undecodable, Throwable stubFailure) {
        this.undecodable = undecodable;
        this.stubFailure = stubFailure;
        this.fault = fault;
        this.sequence = sequence;
        this.connection = connection;
        this.time = time;
        this.payload = payload.clone();
        this.matched = matched;
        this.reply = reply;
        this.codec = codec;
    }

    /** 1 for the first request the server received, across all connections. */
    public int sequence() {
        return sequence;
    }

    /** 1 for the first connection the server accepted. */
    public int connection() {
        return connection;
    }

    /** When the request was read. */
    public Instant time() {
        return time;
    }

    /** The frame's payload (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as the codec describes it. */
    public String description() {
        return codec.describe(payload);
    }

    /** Whether the payload was not well-formed for the codec: a protocol error, not an unmatched request. */
    public boolean undecodable() {
        return undecodable;
    }

    /** What the stub threw while handling it, if it did: the test fails with it after teardown. */
    public Optional<Throwable> stubFailure() {
        return Optional.ofNullable(stubFailure);
    }

    /** Whether a stub (or {@code respondToAny}) answered it (a stub that threw counts: see {@link #stubFailure}). */
    public boolean matched() {
        return matched;
    }

    /**
     * For a matched request, the reply described ({@code "replied {\"balance\":100}"}) or
     * {@code null} if none was sent; for an unmatched one, why ({@code "undecodable"},
     * {@code "stub for BalanceQuery threw …"}) or {@code null} if no stub fit.
     */
    public String reply() {
        return reply == null ? null : reply.get();
    }

    /**
     * The fault injected into this request's reply, described ({@code "reset"}, {@code "delay 300 ms"}),
     * or {@code null} if it got none.
     */
    public String fault() {
        return fault;
    }

    /** The payload decoded as {@code type} with the server's codec; empty if it does not decode. */
    public <T> Optional<T> as(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            return Optional.ofNullable(codec.decode(payload, type));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code "#2 conn 1 {\"oops\":1} -> UNMATCHED"}, as failure messages list requests. */
    public String formatted() {
        String outcome;
        String replied = reply();
        if (matched) {
            outcome = replied == null ? "no reply" : replied;
        } else {
            outcome = replied == null ? "UNMATCHED" : "UNMATCHED (" + replied + ")";
        }
        return "#" + sequence + " conn " + connection + " " + description() + " -> " + outcome;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
