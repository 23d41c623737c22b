package dev.jig.proxy;

import org.apiguardian.api.API;

/**
 * Which way through a {@link TcpProxy} a degradation applies.
 *
 * <pre>{@code
 * proxy.latency(Direction.DOWNSTREAM, Duration.ofMillis(200), Duration.ZERO);  // only the answers are late
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum Direction {
    /** From the client that connected to the proxy towards the target. */
    UPSTREAM,
    /** From the target back to the client. */
    DOWNSTREAM,
    /** Both ways. */
    BOTH;

    boolean includes(Direction one) {
        return this == BOTH || this == one;
    }

    String describe() {
        return this == BOTH ? "" : " " + name().toLowerCase(java.util.Locale.ROOT);
    }
}
