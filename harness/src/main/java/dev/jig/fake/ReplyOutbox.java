package dev.jig.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Sends one connection's replies in request order, each no earlier than its delay allows.
 * Immediate replies are written on the caller's (the connection's reader) thread; a delayed
 * reply, and everything queued behind it, is sent from the server's scheduler, so that the
 * reader keeps reading (and journaling) requests while a slow reply waits.
 */
final class ReplyOutbox {

    /** How long {@link #cancel} waits for a reply being written to be written and recorded. */
    private static final long WRITE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private record Pending(Outgoing outgoing, long dueNanos, LongConsumer onSent) {
    }

    private final OutputStream out;
    private final Runnable closeConnection;
    private final Runnable resetConnection;
    private final ScheduledExecutorService scheduler;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean active; // a drain is running or scheduled; only it writes
    private boolean cancelled;
    private Thread writing; // the thread writing a reply and recording it, if one is

    ReplyOutbox(OutputStream out, Runnable closeConnection, Runnable resetConnection,
                ScheduledExecutorService scheduler) {
        this.out = out;
        this.closeConnection = closeConnection;
        this.resetConnection = resetConnection;
        this.scheduler = scheduler;
    }

    void submit(Outgoing outgoing, long arrivedNanos) {
        submit(outgoing, arrivedNanos, sentNanos -> { });
    }

    /** Queues {@code outgoing}; {@code onSent} gets the time its write began, once written (not if cancelled). */
    void submit(Outgoing outgoing, long arrivedNanos, LongConsumer onSent) {
        Pending pending = new Pending(outgoing, arrivedNanos + outgoing.delayNanos(), onSent);
        synchronized (this) {
            if (cancelled) {
                return;
            }
            queue.add(pending);
            if (active) {
                return;
            }
            active = true;
        }
        drain();
    }

    /**
     * Drops queued replies; nothing more is written. A reply being written is finished first, with what records
     * it (briefly bounded): its peer may already hold it, so the server's journal and trace must have it too when
     * the server's close returns.
     */
    synchronized void cancel() {
        cancelled = true;
        queue.clear();
        long deadline = System.nanoTime() + WRITE_WAIT_NANOS;
        try {
            while (writing != null && writing != Thread.currentThread()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return; // a write blocked on a peer that does not read: closing the socket ends it
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || cancelled) {
                    active = false;
                    return;
                }
                long wait = next.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    scheduleDrain(wait);
                    return;
                }
                queue.poll();
                writing = Thread.currentThread();
            }
            try {
                long sentNanos = System.nanoTime(); // before the write: the peer may have it and answer right after
                perform(next.outgoing());
                next.onSent().accept(sentNanos);
            } finally {
                synchronized (this) {
                    writing = null;
                    notifyAll();
                }
            }
        }
    }

    private void scheduleDrain(long waitNanos) {
        try {
            scheduler.schedule(this::drain, waitNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            cancelled = true; // the server is closing; delayed replies are cancelled with it
            active = false;
        }
    }

    private void perform(Outgoing outgoing) {
        if (outgoing.reset()) {
            resetConnection.run();
            return;
        }
        try {
            if (outgoing.frame() != null) {
                out.write(outgoing.frame());
                out.flush();
            }
            if (outgoing.close()) {
                closeConnection.run();
            }
        } catch (IOException e) {
            // The client went away; later replies have nobody to go to.
            cancel();
            closeConnection.run();
        }
    }
}
