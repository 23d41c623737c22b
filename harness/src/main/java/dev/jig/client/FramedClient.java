package dev.jig.client;

import dev.jig.record.TraceLog;
import dev.jig.support.Durations;
import dev.jig.support.IoThreads;
import dev.jig.client.PendingReplies.Pending;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import dev.jig.wire.ProtocolException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Talks to a system over framed TCP: each {@link #request} sends one frame and returns a future
 * for the reply. Replies are matched to requests in order (pipelining is fine), and every reply
 * has a timeout, so a silent system fails the future instead of hanging the test.
 *
 * <pre>{@code
 * try (FramedClient<AtmRequest, AtmReply> atm = FramedClient.builder(AtmReply.class)
 *         .name("atm")
 *         .timeout(Duration.ofSeconds(5))
 *         .connect("127.0.0.1", atmPort)) {
 *     AtmReply reply = atm.request(AtmRequest.withdraw("Jane Doe", 50)).join();
 * }
 * }</pre>
 *
 * <p>Failures complete the future exceptionally: {@link ReplyTimeoutException} when no reply came
 * in time, {@link ConnectionClosedException} when the system hung up, a
 * {@link dev.jig.wire.CodecException} when the reply did not decode, and
 * {@link ClientClosedException} once the client is closed.
 *
 * @param <Q> the request type
 * @param <R> the reply type
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FramedClient<Q, R> implements AutoCloseable {

    /** The participant name of every client in a trace. */
    public static final String TRACE_NAME = "client";
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private final ClientSettings<R> settings;
    private final Socket socket;
    private final OutputStream out;
    private final PendingReplies<R> pending = new PendingReplies<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Object writeLock = new Object();
    private final int connection = CONNECTIONS.incrementAndGet();
    private volatile boolean closed;

    FramedClient(ClientSettings<R> settings, Socket socket) throws IOException {
        this.settings = settings;
        this.socket = socket;
        this.out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        IoThreads.run("jig-client-" + settings.name(), () -> readReplies(in));
    }

    /** A builder for a client whose replies decode as {@code replyType}. */
    public static <Q, R> Builder<Q, R> builder(Class<R> replyType) {
        return new Builder<>(replyType);
    }

    /** Sends a request; the future completes with its reply or fails after the client's timeout. */
    public CompletableFuture<R> request(Q request) {
        return request(request, settings.timeout());
    }

    /** Sends a request; the future completes with its reply or fails after {@code timeout}. */
    public CompletableFuture<R> request(Q request, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (closed) {
            return CompletableFuture.failedFuture(closedException(0));
        }
        byte[] frame;
        Pending<R> entry;
        int payloadBytes;
        try {
            byte[] payload = settings.codec().encode(request);
            payloadBytes = payload.length;
            frame = frame(payload);
            // Described only when a message needs it: describing every request would cost it a decode.
            entry = new Pending<>(sequence.incrementAndGet(), () -> settings.codec().describe(payload));
        } catch (RuntimeException e) { // CodecException, or too long for the framing
            return CompletableFuture.failedFuture(e);
        }
        // The timer runs from before the write, so a write stuck on a full buffer times out too.
        ScheduledFuture<?> timer = ReplyTimer.schedule(() -> timeOut(entry, timeout), timeout.toNanos());
        entry.future.whenComplete((reply, failure) -> timer.cancel(false));
        synchronized (writeLock) {
            // Queue and write under one lock, so that queue order is wire order.
            if (pending.add(entry)) {
                entry.traced = settings.trace().sent(TRACE_NAME, name(), "request", connection, System.nanoTime(),
                        payloadBytes, entry::description);
                write(frame);
            }
        }
        return entry.future;
    }

    /**
     * Sends a message that expects no reply. If the system does answer it, that answer would be
     * taken as the reply to the next request, so use this only for one-way messages.
     *
     * @throws ClientClosedException after {@link #close()}
     * @throws UncheckedIOException  if the connection is broken
     */
    public void send(Q message) {
        if (closed) {
            throw closedException(0);
        }
        byte[] frame = frame(settings.codec().encode(message));
        synchronized (writeLock) {
            Throwable failure = pending.failure();
            if (failure != null) {
                throw new UncheckedIOException(failure.getMessage(), asIo(failure));
            }
            if (!write(frame)) {
                Throwable broken = pending.failure();
                throw new UncheckedIOException(broken.getMessage(), asIo(broken));
            }
        }
    }

    /**
     * The requests sent and not replied to yet, oldest first, described for people:
     * {@code "request #1 {\"s\":\"hello\"} sent at 19:22:40.101, no reply yet"}.
     */
    public java.util.List<String> awaitingReplies() {
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                .withZone(java.time.ZoneId.systemDefault());
        return pending.waiting().stream().map(p -> "request #" + p.sequence + " " + p.description() + " sent at "
                + clock.format(p.sent) + ", no reply yet").toList();
    }

    /** The name used in messages: the builder's, or {@code host:port}. */
    public String name() {
        return settings.name();
    }

    /**
     * Closes the connection: the system sees the end of the stream at once, requests still waiting fail with
     * {@link ClientClosedException}, and the thread that read replies goes back to Jig's pool as its read ends
     * (close does not wait for it). Safe to call twice.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        traceUnanswered("the client was closed before the reply came");
        pending.failAll(this::closedException);
        try {
            // Sends the FIN at once, even while the reader is still blocked on the socket (it wakes and ends).
            socket.close();
        } catch (IOException e) {
            // The reader ends either way; there is nothing else to release.
        }
    }

    private byte[] frame(byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 4);
        try {
            settings.framing().writeFrame(frame, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return frame.toByteArray();
    }

    /** Writes one frame (holding the write lock); on failure the connection is given up. */
    private boolean write(byte[] frame) {
        try {
            out.write(frame);
            out.flush();
            return true;
        } catch (IOException e) {
            connectionLost(e, " (writing failed: " + e.getMessage() + ")");
            return false;
        }
    }

    private void readReplies(InputStream in) {
        try {
            while (true) {
                byte[] payload = settings.framing().readFrame(in, settings.maxFrameBytes());
                if (payload == null) {
                    connectionLost(null, "");
                    return;
                }
                deliver(payload);
            }
        } catch (ProtocolException e) {
            connectionLost(e, " after sending a malformed reply (" + e.getMessage() + ")");
        } catch (IOException e) {
            connectionLost(e, " (" + e.getMessage() + ")");
        }
    }

    private void deliver(byte[] payload) {
        long arrived = System.nanoTime();
        Pending<R> entry = pending.poll();
        if (entry == null) {
            return; // a reply nobody asked for (e.g. to a send()); there is no future to give it to
        }
        if (entry.traced != null) {
            settings.trace().received(name(), TRACE_NAME, "reply", connection, arrived, payload.length,
                    () -> settings.codec().describe(payload)).replyTo(entry.traced)
                    .outcome(entry.future.isDone() ? "arrived after the request timed out" : null);
        }
        try {
            entry.future.complete(settings.codec().decode(payload, settings.replyType()));
        } catch (RuntimeException e) {
            entry.future.completeExceptionally(new dev.jig.wire.CodecException("the reply from "
                    + name() + " to request #" + entry.sequence + " " + entry.description()
                    + " did not decode: " + e.getMessage(), e));
        }
    }

    private void connectionLost(Throwable cause, String how) {
        if (closed) {
            return; // close() already failed what was pending, and explains why
        }
        traceUnanswered(name() + " closed the connection" + how);
        pending.failAll(unanswered -> new ConnectionClosedException(name() + " closed the connection"
                + how + " with " + requests(unanswered) + " unanswered", cause));
        try {
            socket.close();
        } catch (IOException e) {
            // Already failing everything; nothing more to report.
        }
    }

    private void traceUnanswered(String why) {
        for (Pending<R> waiting : pending.waiting()) {
            if (waiting.traced != null) {
                waiting.traced.outcome(why);
            }
        }
    }

    private void timeOut(Pending<R> entry, Duration timeout) {
        if (entry.traced != null && !entry.future.isDone()) {
            entry.traced.outcome("no reply within " + Durations.human(timeout));
        }
        entry.future.completeExceptionally(new ReplyTimeoutException("no reply from " + name()
                + " within " + Durations.human(timeout) + " to request #" + entry.sequence + " "
                + entry.description() + "; " + replies(pending.unansweredAfter(entry))
                + " pending after it"));
    }

    private ClientClosedException closedException(int unanswered) {
        return new ClientClosedException("the client of " + name() + " was closed"
                + (unanswered > 0 ? " with " + requests(unanswered) + " unanswered" : ""));
    }

    private static IOException asIo(Throwable failure) {
        return failure instanceof IOException ? (IOException) failure : new IOException(failure);
    }

    private static String requests(int n) {
        return n == 1 ? "1 request" : n + " requests";
    }

    private static String replies(int n) {
        return n == 1 ? "1 reply" : n + " replies";
    }

    /**
     * Configures and connects a {@link FramedClient}. Defaults: {@code Framing.lengthPrefixed(2)},
     * {@code Codec.json()}, 5 s reply timeout, 5 s connect timeout, 1 MiB maximum reply, and the
     * name {@code host:port}.
     *
     * @param <Q> the request type
     * @param <R> the reply type
     */
    public static final class Builder<Q, R> {
        private final Class<R> replyType;
        private Framing framing = Framing.lengthPrefixed(2);
        private Codec codec = Codec.json();
        private Duration timeout = Duration.ofSeconds(5);
        private String name;
        private int maxFrameBytes = 1 << 20;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private TraceLog trace = TraceLog.OFF;

        private Builder(Class<R> replyType) {
            this.replyType = Objects.requireNonNull(replyType, "replyType");
        }

        /** How frames are cut; default {@code Framing.lengthPrefixed(2)}. */
        public Builder<Q, R> framing(Framing framing) {
            this.framing = Objects.requireNonNull(framing, "framing");
            return this;
        }

        /** How messages become payloads; default {@code Codec.json()}. */
        public Builder<Q, R> codec(Codec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** How long each request waits for its reply; default 5 s. */
        public Builder<Q, R> timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** The name in messages, e.g. {@code "atm"}; default {@code host:port}. */
        public Builder<Q, R> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The largest reply payload accepted; default 1 MiB. */
        public Builder<Q, R> maxFrameBytes(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxFrameBytes must be positive, not " + max);
            }
            this.maxFrameBytes = max;
            return this;
        }

        /** How long connecting may take; default 5 s. */
        public Builder<Q, R> connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Where its requests and replies are traced, e.g. a test's {@code timeline.trace()}; default nowhere. */
        public Builder<Q, R> trace(TraceLog trace) {
            this.trace = Objects.requireNonNull(trace, "trace");
            return this;
        }

        /**
         * Connects. The request type is inferred from the assignment, so
         * {@code FramedClient<AtmRequest, AtmReply> c = FramedClient.builder(AtmReply.class).connect(h, p)}
         * compiles.
         *
         * @throws ClientConnectException if the connection cannot be made
         */
        public <T extends Q> FramedClient<T, R> connect(String host, int port) {
            return connect(new java.net.InetSocketAddress(host, port));
        }

        /** Connects; see {@link #connect(String, int)}. */
        public <T extends Q> FramedClient<T, R> connect(java.net.InetSocketAddress address) {
            codec.prepare(replyType); // the first reply read as fast as the later ones
            return new ClientSettings<>(replyType, framing, codec, timeout, name, maxFrameBytes,
                    connectTimeout, trace).connect(address);
        }

        private static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + duration);
            }
            return duration;
        }
    }

    @Override
    public String toString() {
        return "framed client of " + name();
    }
}
