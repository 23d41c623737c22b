package dev.jig.proxy;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces bytes to a rate. Sends may run into debt (a chunk larger than the bucket still goes in one
 * write); the sender then waits until the debt is paid, so the long-run rate is the configured one.
 */
final class TokenBucket {

    private final long bytesPerSecond;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    TokenBucket(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        // A burst of 50 ms worth (at least one byte), so that pacing is smooth rather than bursty.
        this.capacity = Math.max(1.0, bytesPerSecond / 20.0);
        this.tokens = capacity;
        this.lastRefill = System.nanoTime();
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Takes {@code bytes} tokens and returns how long the caller must wait before sending them. */
    synchronized long take(int bytes) {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * bytesPerSecond / 1e9);
        lastRefill = now;
        tokens -= bytes;
        return tokens >= 0 ? 0L : (long) (-tokens * 1e9 / bytesPerSecond);
    }

    /** Waits as {@link #take} says; returns early only when interrupted. */
    void pace(int bytes) {
        long wait = take(bytes);
        long deadline = System.nanoTime() + wait;
        while (wait > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
            wait = deadline - System.nanoTime();
        }
    }
}
