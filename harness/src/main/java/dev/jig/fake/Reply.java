package dev.jig.fake;

import dev.jig.fault.Fault;
import dev.jig.support.Durations;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a stub may return instead of a plain message, to answer late, stay silent or hang up.
 *
 * <pre>{@code
 * FakeTcpServer.spec("bank")
 *     .respond(BalanceQuery.class, q -> Reply.after(Duration.ofSeconds(3), new Balance(100)))
 *     .respond(Deposit.class, d -> Reply.closeConnection())
 *     .respond(Withdrawal.class, w -> Reply.fault(Fault.reset()));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Reply {

    private enum Action { SEND, NONE, CLOSE }

    private static final Reply NONE = new Reply(Action.NONE, null, null, Duration.ZERO);
    private static final Reply CLOSE = new Reply(Action.CLOSE, null, null, Duration.ZERO);

    private final Action action;
    private final Object message;
    private final byte[] rawPayload;
    private final Duration delay;
    private final Fault fault;

    private Reply(Action action, Object message, byte[] rawPayload, Duration delay) {
        this(action, message, rawPayload, delay, null);
    }

    private Reply(Action action, Object message, byte[] rawPayload, Duration delay, Fault fault) {
        this.action = action;
        this.message = message;
        this.rawPayload = rawPayload;
        this.delay = delay;
        this.fault = fault;
    }

    /** Answers with {@code message}, encoded by the server's codec. */
    public static Reply of(Object message) {
        return new Reply(Action.SEND, Objects.requireNonNull(message, "message"), null,
                Duration.ZERO);
    }

    /**
     * Answers with {@code message} {@code delay} after the request arrived (a slow bank). Later
     * replies on the same connection wait for it, so replies stay in request order.
     */
    public static Reply after(Duration delay, Object message) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a reply delay cannot be negative: " + delay);
        }
        return new Reply(Action.SEND, Objects.requireNonNull(message, "message"), null, delay);
    }

    /** Answers with these exact bytes as the frame's payload, bypassing the codec. */
    public static Reply payload(byte[] payload) {
        return new Reply(Action.SEND, null, payload.clone(), Duration.ZERO);
    }

    /** Reads the request and never answers it; the connection stays open. */
    public static Reply none() {
        return NONE;
    }

    /** Closes the connection without answering (after any earlier replies on it were sent). */
    public static Reply closeConnection() {
        return CLOSE;
    }

    /**
     * Answers with a {@link Fault}: {@code close()}, {@code reset()} and {@code garbage(n)} need no message.
     * A delay or a {@code partial()} reply needs the message it delays or cuts: use
     * {@link #fault(Fault, Object)}. The journal notes the fault.
     *
     * @throws IllegalArgumentException for a delay or partial fault, which need a message
     */
    public static Reply fault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (fault.replies() || fault instanceof Fault.Partial) {
            throw new IllegalArgumentException("Reply.fault(" + fault.describe() + ") needs the reply it spoils: "
                    + "use Reply.fault(fault, message), e.g. Reply.fault(Fault.partial(), new Balance(100)).");
        }
        return new Reply(Action.NONE, null, null, Duration.ZERO, fault);
    }

    /** Answers {@code message} spoiled by {@code fault}: late, cut in half, or replaced (garbage, close, reset). */
    public static Reply fault(Fault fault, Object message) {
        return new Reply(Action.SEND, Objects.requireNonNull(message, "message"), null, Duration.ZERO,
                Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Encodes and frames this reply now.
     *
     * @return what to send, or {@code null} for no reply
     * @throws dev.jig.wire.CodecException if the codec cannot encode the message
     * @throws IllegalArgumentException    if the framing cannot carry it
     */
    Outgoing resolve(Codec codec, Framing framing) {
        Outgoing normal = resolveNormal(codec, framing);
        return fault == null ? normal : FaultInjection.apply(fault, normal);
    }

    private Outgoing resolveNormal(Codec codec, Framing framing) {
        switch (action) {
            case NONE:
                return null;
            case CLOSE:
                return Outgoing.CLOSE;
            default:
                byte[] payload = rawPayload != null ? rawPayload : codec.encode(message);
                String after = delay.isZero() ? "" : "after " + Durations.human(delay) + " ";
                Class<?> type = rawPayload != null ? null : message.getClass();
                return Outgoing.reply(frame(framing, payload), delay.toNanos(), LazyText.of(() -> "replied "
                        + after + (type == null ? codec.describe(payload) : codec.describe(payload, type))));
        }
    }

    private static byte[] frame(Framing framing, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 4);
        try {
            framing.writeFrame(frame, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return frame.toByteArray();
    }

    @Override
    public String toString() {
        if (fault != null) {
            return "Reply.fault(" + fault.describe() + (message == null ? "" : ", " + message) + ")";
        }
        switch (action) {
            case NONE:
                return "Reply.none()";
            case CLOSE:
                return "Reply.closeConnection()";
            default:
                Object what = rawPayload != null ? rawPayload.length + " bytes" : message;
                return delay.isZero() ? "Reply.of(" + what + ")"
                        : "Reply.after(" + Durations.human(delay) + ", " + what + ")";
        }
    }
}
