package dev.jig.proxy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of a proxy, shared by all its connections: the degradations that apply to it now and the
 * bytes forwarded. Settings are read per chunk, so a change takes effect on live connections at once.
 */
final class Link {

    private volatile long latencyNanos;
    private volatile long jitterNanos;
    private volatile TokenBucket bucket;
    private final AtomicLong bytes = new AtomicLong();

    void latency(Duration base, Duration jitter) {
        this.latencyNanos = base.toNanos();
        this.jitterNanos = jitter.toNanos();
    }

    void bandwidth(long bytesPerSecond) {
        this.bucket = bytesPerSecond <= 0 ? null : new TokenBucket(bytesPerSecond);
    }

    void heal() {
        latencyNanos = 0;
        jitterNanos = 0;
        bucket = null;
    }

    /** The delay for the next chunk: the base latency plus a uniform share of the jitter. */
    long nextDelayNanos() {
        long jitter = jitterNanos;
        long extra = jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1);
        return latencyNanos + extra;
    }

    /** Waits as long as the bandwidth limit (if any) requires before {@code count} bytes go out. */
    void pace(int count) {
        TokenBucket current = bucket;
        if (current != null) {
            current.pace(count);
        }
    }

    /** Whether a bandwidth limit applies now. */
    boolean limited() {
        return bucket != null;
    }

    void forwarded(int count) {
        bytes.addAndGet(count);
    }

    long bytesForwarded() {
        return bytes.get();
    }
}
