package dev.jig.fake;

/**
 * A reply ready to go: the whole frame already encoded (so that encoding problems surface while
 * the request is being recorded), when to send it, and how to end the connection after.
 *
 * @param frame       the bytes to write, or {@code null} to write nothing
 * @param delayNanos  how long after the request arrived to act
 * @param close       whether to close the connection (after writing {@code frame}, if any)
 * @param reset       whether to reset the connection (RST) instead of writing or closing
 * @param description for the journal, e.g. {@code "replied {\"balance\":100}"}
 * @param fault       the injected fault described, e.g. {@code "reset"}, or {@code null}
 */
record Outgoing(byte[] frame, long delayNanos, boolean close, boolean reset, String description, String fault) {

    static final Outgoing CLOSE = new Outgoing(null, 0L, true, false, "closed the connection", null);

    /** A plain reply: {@code frame} after {@code delayNanos}, the connection left open. */
    static Outgoing reply(byte[] frame, long delayNanos, String description) {
        return new Outgoing(frame, delayNanos, false, false, description, null);
    }
}
