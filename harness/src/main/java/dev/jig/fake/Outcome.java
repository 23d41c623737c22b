package dev.jig.fake;

import dev.jig.fault.Fault;

/**
 * How the fake handled one request.
 *
 * @param matched      whether a stub (or the fallback) answered it
 * @param outgoing     what to send, or {@code null} for nothing
 * @param reply        for the journal: the reply described, why it went unmatched, or null
 * @param undecodable  if the payload was not well-formed for the codec, why; else null
 * @param fault        the fault injected into the reply, described, or null
 * @param stubFailure  what the stub threw, or null: the request then gets no reply and fails the test
 */
record Outcome(boolean matched, Outgoing outgoing, LazyText reply, String undecodable, String fault,
               Throwable stubFailure) {

    static Outcome answered(Outgoing outgoing) {
        return new Outcome(true, outgoing, outgoing == null ? null : outgoing.describedAs(), null,
                outgoing == null ? null : outgoing.fault(), null);
    }

    static Outcome unmatched(String reason) {
        return new Outcome(false, null, reason == null ? null : LazyText.fixed(reason), null, null, null);
    }

    static Outcome undecodable(String detail) {
        return new Outcome(false, null, LazyText.fixed("undecodable"), detail, null, null);
    }

    /** A stub threw: the request counts as handled (not unmatched) but failed; the connection is closed. */
    static Outcome stubFailed(String who, Throwable failure) {
        return new Outcome(true, Outgoing.CLOSE, LazyText.fixed(who + " threw " + failure), null, null, failure);
    }

    /** This outcome with {@code injected} applied to its reply (a schedule's fault wins over a stub's). */
    Outcome withFault(Fault injected) {
        Outgoing faulted = FaultInjection.apply(injected, outgoing);
        LazyText described = matched && faulted != null ? faulted.describedAs() : reply;
        return new Outcome(matched, faulted, described, undecodable, injected.describe(), stubFailure);
    }
}
