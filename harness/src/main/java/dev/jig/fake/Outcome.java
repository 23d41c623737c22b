package dev.jig.fake;

/**
 * How the fake handled one request.
 *
 * @param matched      whether a stub (or the fallback) answered it
 * @param outgoing     what to send, or {@code null} for nothing
 * @param reply        for the journal: the reply described, why it went unmatched, or null
 * @param undecodable  if the payload was not well-formed for the codec, why; else null
 */
record Outcome(boolean matched, Outgoing outgoing, String reply, String undecodable) {

    static Outcome answered(Outgoing outgoing) {
        return new Outcome(true, outgoing, outgoing == null ? null : outgoing.description(), null);
    }

    static Outcome unmatched(String reason) {
        return new Outcome(false, null, reason, null);
    }

    static Outcome undecodable(String detail) {
        return new Outcome(false, null, "undecodable", detail);
    }
}
