package dev.jig.fake;

/**
 * A reply ready to go: the whole frame already encoded (so that encoding problems surface while
 * the request is being recorded), when to send it, and how to end the connection after.
 *
 * @param frame       the bytes to write, or {@code null} to write nothing
 * @param delayNanos  how long after the request arrived to act
 * @param close       whether to close the connection (after writing {@code frame}, if any)
 * @param reset       whether to reset the connection (RST) instead of writing or closing
 * @param describedAs  for the journal, e.g. {@code "replied {\"balance\":100}"}
 * @param fault       the injected fault described, e.g. {@code "reset"}, or {@code null}
 */
record Outgoing(byte[] frame, long delayNanos, boolean close, boolean reset, LazyText describedAs, String fault) {

    static final Outgoing CLOSE = new Outgoing(null, 0L, true, false, LazyText.fixed("closed the connection"),
            null);

    /** A reply, described for the journal when someone reads it. */
    Outgoing(byte[] frame, long delayNanos, boolean close, boolean reset, String description, String fault) {
        this(frame, delayNanos, close, reset, LazyText.fixed(description), fault);
    }

    /** A plain reply: {@code frame} after {@code delayNanos}, the connection left open. */
    static Outgoing reply(byte[] frame, long delayNanos, LazyText description) {
        return new Outgoing(frame, delayNanos, false, false, description, null);
    }

    /** What it does, for the journal. */
    String description() {
        return describedAs.get();
    }
}
