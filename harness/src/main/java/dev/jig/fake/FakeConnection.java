package dev.jig.fake;

import dev.jig.record.TraceLog;
import dev.jig.wire.Codec;
import dev.jig.wire.FrameTooLargeException;
import dev.jig.wire.Framing;
import dev.jig.wire.ProtocolException;
import dev.jig.wire.TruncatedFrameException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/** One accepted connection: reads frames, journals them, and hands replies to its outbox. */
final class FakeConnection implements Runnable {

    private final int id;
    private final Socket socket;
    private final Framing framing;
    private final int maxFrameBytes;
    private final Dispatcher dispatcher;
    private final Journal journal;
    private final ReplyOutbox outbox;
    private final TraceLog trace;
    private final String name;
    private final Codec codec;

    FakeConnection(int id, Socket socket, FakeTcpServerSpec spec, Dispatcher dispatcher,
                   Journal journal, ScheduledExecutorService scheduler, TraceLog trace) throws IOException {
        this.id = id;
        this.trace = trace;
        this.name = spec.name();
        this.codec = spec.codecUsed();
        this.socket = socket;
        this.framing = spec.framingUsed();
        this.maxFrameBytes = spec.maxFrameBytesUsed();
        this.dispatcher = dispatcher;
        this.journal = journal;
        this.outbox = new ReplyOutbox(new BufferedOutputStream(socket.getOutputStream()),
                this::close, this::reset, scheduler);
    }

    @Override
    public void run() {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                byte[] payload = framing.readFrame(in, maxFrameBytes);
                if (payload == null) {
                    // The client finished sending; answer what it asked, then hang up.
                    outbox.submit(Outgoing.CLOSE, System.nanoTime());
                    return;
                }
                long arrived = System.nanoTime();
                int number = journal.nextSequence(); // numbers requests across connections, for faults
                Instant time = Instant.now();
                journal.arrived(number, id, time, payload);
                Outcome outcome = dispatcher.dispatch(number, payload);
                // Journal before replying, so a client holding the reply finds the request.
                journal.record(number, id, time, payload, outcome);
                TraceLog.Message traced = traced(payload, arrived, outcome);
                if (outcome.outgoing() != null) {
                    Outgoing outgoing = outcome.outgoing();
                    outbox.submit(outgoing, arrived, sentNanos -> {
                        journal.answered(number);
                        traceReply(traced, outgoing, sentNanos);
                    });
                }
            }
        } catch (FrameTooLargeException e) {
            rejectAndClose(ProtocolError.Kind.FRAME_TOO_LARGE, e);
        } catch (TruncatedFrameException e) {
            rejectAndClose(ProtocolError.Kind.TRUNCATED_FRAME, e);
        } catch (ProtocolException e) {
            rejectAndClose(ProtocolError.Kind.MALFORMED_FRAME, e);
        } catch (IOException | RuntimeException e) {
            // The client reset the connection or the server is closing: this connection is over.
            close();
        }
    }

    private TraceLog.Message traced(byte[] payload, long arrived, Outcome outcome) {
        if (!trace.isRecording()) {
            return null;
        }
        TraceLog.Message request = trace.received(TraceLog.peerOf(name), name, "request", id, arrived,
                payload.length, () -> codec.describe(payload));
        if (outcome.fault() != null) {
            request.outcome("fault: " + outcome.fault());
        } else if (outcome.stubFailure() != null) {
            request.outcome("its stub threw " + outcome.stubFailure());
        } else if (outcome.undecodable() != null) {
            request.outcome("undecodable");
        } else if (!outcome.matched()) {
            request.outcome("unmatched: no stub answered it");
        } else if (outcome.outgoing() == null) {
            request.outcome("not answered (Reply.none())");
        }
        return request;
    }

    private void traceReply(TraceLog.Message request, Outgoing outgoing, long sentNanos) {
        if (request == null) {
            return;
        }
        if (outgoing.frame() != null && !outgoing.reset()) {
            trace.sent(name, TraceLog.peerOf(name), "reply", id, sentNanos, outgoing.frame().length,
                    outgoing.describedAs()).replyTo(request);
        } else if (outgoing.reset() || outgoing.close()) {
            request.outcome(outgoing.reset() ? "the connection was reset" : "the connection was closed");
        }
    }

    private void rejectAndClose(ProtocolError.Kind kind, ProtocolException e) {
        // Record first: a test that sees the connection drop may look at the journal at once.
        journal.protocolError(id, kind, e.getMessage());
        close();
    }

    int id() {
        return id;
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    /** Idempotent; cancels replies not yet sent and unblocks the reader. */
    void close() {
        outbox.cancel();
        try {
            if (!socket.isClosed()) {
                socket.shutdownOutput(); // FIN after what was written, even if unread requests remain
            }
        } catch (IOException e) {
            // Already gone; close below.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do for a socket that will not close cleanly.
        }
    }

    /** Drops the connection with a reset (RST), as a crashed peer would. */
    void reset() {
        outbox.cancel();
        try {
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } catch (IOException e) {
            // Closed already: nothing to reset.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do for a socket that will not close cleanly.
        }
    }
}
