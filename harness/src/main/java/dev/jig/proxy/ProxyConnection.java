package dev.jig.proxy;

import dev.jig.record.TraceLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One accepted connection and its twin towards the target. Ends in order when both sides have finished
 * sending (half-closes are passed on), or abortively (RST both ways) on an error, a cut or a close.
 */
final class ProxyConnection {

    private final int id;
    private final String threadPrefix;
    private final Socket client;
    private final Socket target = new Socket();
    private final Consumer<ProxyConnection> onEnd;
    private Pump up;
    private Pump down;
    private int halfClosed;
    private boolean ended;
    private final java.util.concurrent.atomic.AtomicLong carried = new java.util.concurrent.atomic.AtomicLong();
    private final TraceLog.Message traced;

    ProxyConnection(int id, String proxyName, Socket client, Consumer<ProxyConnection> onEnd, TraceLog trace) {
        this.id = id;
        this.traced = trace.sent(TraceLog.peerOf(proxyName), proxyName, "connection", id, System.nanoTime(), 0,
                () -> "connection " + id);
        this.threadPrefix = "jig-proxy-" + proxyName + "-conn-" + id;
        this.client = client;
        this.onEnd = onEnd;
    }

    int id() {
        return id;
    }

    /** {@code count} more bytes went through, either way. */
    void carried(int count) {
        carried.addAndGet(count);
    }

    /**
     * Connects to the target (on the caller's thread) and starts forwarding.
     *
     * @return {@code null}, or why the target could not be reached (the client was reset then)
     */
    String open(String host, int port, Duration timeout, Link upstream, Link downstream) {
        try {
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
            target.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
        } catch (SocketTimeoutException e) {
            if (abortWasFirst()) {
                return null; // cut or closed while connecting: not the target's fault
            }
            return "connection " + id + ": the target " + host + ":" + port + " did not accept within "
                    + timeout.toMillis() + " ms; is it running and listening there?";
        } catch (IOException e) {
            if (abortWasFirst()) {
                return null;
            }
            return "connection " + id + ": could not connect to the target " + host + ":" + port + ": "
                    + e.getMessage() + "; is it running and listening there?";
        }
        synchronized (this) {
            if (ended) {
                return null; // cut or closed while connecting
            }
            try {
                up = new Pump(threadPrefix + "-up", client, target, upstream, this);
                down = new Pump(threadPrefix + "-down", target, client, downstream, this);
                up.start();
                down.start();
                return null;
            } catch (IOException e) {
                up = null; // neither runs: ending, below, resets both sides
                down = null;
            }
        }
        abort(); // a socket closed under us: the connection was dropped, not the target's fault
        return null;
    }

    /** Aborts; returns whether the connection had already ended before (by a cut or close). */
    private boolean abortWasFirst() {
        boolean before;
        synchronized (this) {
            before = ended;
        }
        abort();
        return before;
    }

    /** One side finished sending: pass the FIN on; once both have, the connection ends. */
    void halfClosed(Socket towards) {
        boolean both;
        synchronized (this) {
            if (ended) {
                return;
            }
            try {
                towards.shutdownOutput();
            } catch (IOException e) {
                // The other side is gone already; ending below closes everything.
            }
            both = ++halfClosed == 2;
        }
        if (both) {
            end(false);
        }
    }

    /** Drops the connection with a reset on both sides. Idempotent. */
    void abort() {
        end(true);
    }

    private void end(boolean reset) {
        Pump u;
        Pump d;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            u = up;
            d = down;
        }
        close(client, reset);
        close(target, reset);
        traced.arrived(System.nanoTime()).bytes(carried.get()).outcome(reset ? "reset" : null);
        if (u != null) {
            u.stop();
            d.stop();
        }
        onEnd.accept(this);
    }

    void join(long deadlineNanos) throws InterruptedException {
        Pump u;
        Pump d;
        synchronized (this) {
            u = up;
            d = down;
        }
        if (u != null) {
            u.join(deadlineNanos);
            d.join(deadlineNanos);
        }
    }

    private static void close(Socket socket, boolean reset) {
        try {
            if (reset && !socket.isClosed()) {
                socket.setSoLinger(true, 0); // close() then sends RST instead of FIN
            }
        } catch (IOException e) {
            // Not connected yet: close() below is all there is to do.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do for a socket that will not close cleanly.
        }
    }
}
