package dev.jig.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves one direction of one proxied connection. A reader stamps each chunk with when it may go out (now
 * plus the link's latency, never before the chunk ahead of it, so order is kept) and a writer sends it then,
 * paced by the link's bandwidth limit. Two threads, so that latency delays chunks rather than reads.
 */
final class Pump {

    private static final int CHUNK = 16 * 1024;
    private static final Chunk END = new Chunk(null, 0L);

    private record Chunk(byte[] bytes, long dueNanos) {
    }

    private final InputStream in;
    private final OutputStream out;
    private final Socket to;
    private final Link link;
    private final ProxyConnection owner;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Thread writer;
    private long lastDue;
    private int queued; // chunks handed to the writer and not yet written; guarded by this

    /**
     * Takes both sockets' streams now, on the caller's thread, while both are open: a thread that started late
     * and asked for them after this direction had finished (its output shut down) would fail, and reset the
     * connection that was ending in order.
     *
     * @throws IOException if either socket is closed already
     */
    Pump(String threadName, Socket from, Socket to, Link link, ProxyConnection owner) throws IOException {
        this.in = from.getInputStream();
        this.out = to.getOutputStream();
        this.to = to;
        this.link = link;
        this.owner = owner;
        this.reader = TcpProxy.daemon(this::readLoop, threadName + "-read");
        this.writer = TcpProxy.daemon(this::writeLoop, threadName + "-write");
    }

    void start() {
        reader.start();
        writer.start();
    }

    /** Stops the writer at once; the reader stops when its socket is closed. */
    void stop() {
        writer.interrupt();
        reader.interrupt();
    }

    void join(long deadlineNanos) throws InterruptedException {
        for (Thread thread : new Thread[] {reader, writer}) {
            long millis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (millis <= 0) {
                return;
            }
            thread.join(millis);
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[CHUNK];
        try {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    if (!sentDirectly(true, null, 0)) {
                        queue.add(END);
                    }
                    return;
                }
                long delay = link.nextDelayNanos();
                if (sentDirectly(delay == 0 && !link.limited(), buffer, n)) {
                    continue;
                }
                long due = Math.max(lastDue, System.nanoTime() + delay);
                lastDue = due;
                queue.add(new Chunk(Arrays.copyOf(buffer, n), due));
            }
        } catch (IOException e) {
            owner.abort(); // a reset or a closed socket on this side: the other side sees it too
        }
    }

    /**
     * Without degradations and with nothing queued, the reader sends the chunk (or the end of stream,
     * {@code bytes == null}) itself: no hand-off to the writer thread, so an idle proxy adds little latency.
     * Otherwise it counts the chunk as queued (the caller queues it) and returns false.
     */
    private synchronized boolean sentDirectly(boolean undegraded, byte[] bytes, int count) throws IOException {
        if (!undegraded || queued > 0) {
            queued++;
            return false;
        }
        if (bytes == null) {
            owner.halfClosed(to);
            return true;
        }
        // Counted before writing, so that whoever sees the answer to these bytes also sees them counted.
        link.forwarded(count);
        owner.carried(count);
        out.write(bytes, 0, count);
        out.flush();
        return true;
    }

    private void writeLoop() {
        try {
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == END) {
                    owner.halfClosed(to);
                    return;
                }
                if (!waitUntil(chunk.dueNanos())) {
                    return;
                }
                link.pace(chunk.bytes().length);
                synchronized (this) {
                    link.forwarded(chunk.bytes().length);
                    owner.carried(chunk.bytes().length);
                    out.write(chunk.bytes());
                    out.flush();
                    queued--;
                }
            }
        } catch (InterruptedException e) {
            // The connection is being dropped; nothing more goes out.
        } catch (IOException e) {
            owner.abort();
        }
    }

    private static boolean waitUntil(long dueNanos) {
        long wait = dueNanos - System.nanoTime();
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            wait = dueNanos - System.nanoTime();
        }
        return !Thread.currentThread().isInterrupted();
    }
}
