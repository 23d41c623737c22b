package dev.jig.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Requests awaiting replies, oldest first. A request that timed out keeps its place, so that
 * its late reply is consumed by it and not delivered to the next request.
 */
final class PendingReplies<R> {

    /** One request awaiting its reply. */
    static final class Pending<R> {
        final int sequence;
        private final java.util.function.Supplier<String> describer;
        final CompletableFuture<R> future = new CompletableFuture<>();
        final java.time.Instant sent = java.time.Instant.now();
        volatile dev.jig.record.TraceLog.Message traced;

        Pending(int sequence, java.util.function.Supplier<String> describer) {
            this.sequence = sequence;
            this.describer = describer;
        }

        /** The request as the codec describes it; made when a message needs it. */
        String description() {
            return describer.get();
        }
    }

    private final Deque<Pending<R>> queue = new ArrayDeque<>();
    private Throwable failure;

    /** Queues a request; if the connection already failed, fails it with that reason instead. */
    synchronized boolean add(Pending<R> pending) {
        if (failure != null) {
            pending.future.completeExceptionally(failure);
            return false;
        }
        queue.add(pending);
        return true;
    }

    /** The oldest request, which the next reply belongs to, or null if none is waiting. */
    synchronized Pending<R> poll() {
        return queue.poll();
    }

    /** How many requests sent after {@code pending} still wait for their replies. */
    synchronized int unansweredAfter(Pending<R> pending) {
        boolean after = false;
        int count = 0;
        for (Pending<R> p : queue) {
            if (after && !p.future.isDone()) {
                count++;
            }
            after = after || p == pending;
        }
        return count;
    }

    /**
     * Fails every waiting request, and every later one, with the failure made for the number of
     * requests still unanswered. Only the first call has an effect.
     */
    void failAll(IntFunction<Throwable> failureForUnanswered) {
        List<Pending<R>> failed;
        Throwable reason;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failed = new ArrayList<>(queue);
            queue.clear();
            int unanswered = (int) failed.stream().filter(p -> !p.future.isDone()).count();
            reason = failureForUnanswered.apply(unanswered);
            failure = reason;
        }
        // Complete outside the lock: callbacks may send again.
        failed.forEach(p -> p.future.completeExceptionally(reason));
    }

    /** The requests still waiting for their replies, oldest first. */
    synchronized List<Pending<R>> waiting() {
        return queue.stream().filter(p -> !p.future.isDone()).toList();
    }

    synchronized Throwable failure() {
        return failure;
    }
}
