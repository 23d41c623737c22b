package dev.jig.fake;

/**
 * A reply ready to go: the whole frame already encoded (so that encoding problems surface while
 * the request is being recorded), when to send it, and whether to close the connection after.
 *
 * @param frame       the framed bytes to write, or {@code null} to write nothing
 * @param delayNanos  how long after the request arrived to act
 * @param close       whether to close the connection (after writing {@code frame}, if any)
 * @param description for the journal, e.g. {@code "replied {\"balance\":100}"}
 */
record Outgoing(byte[] frame, long delayNanos, boolean close, String description) {

    static final Outgoing CLOSE = new Outgoing(null, 0L, true, "closed the connection");
}
