package dev.jig.fake;

import dev.jig.fault.Fault;
import dev.jig.support.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Turns the reply a request would have got into what a {@link Fault} makes of it. */
final class FaultInjection {

    private FaultInjection() {
    }

    /**
     * @param normal the reply without the fault, or {@code null} if there was none
     * @return what to do instead; {@code null} only for a delay of no reply
     */
    static Outgoing apply(Fault fault, Outgoing normal) {
        String what = fault.describe();
        if (fault.replies()) {
            if (normal == null) {
                return null; // a delay of silence is silence
            }
            Duration late = fault.holdBack();
            return new Outgoing(normal.frame(), normal.delayNanos() + late.toNanos(), normal.close(),
                    normal.reset(), LazyText.of(() -> normal.description() + " " + Durations.human(late)
                    + " late (fault: " + what + ")"), what);
        }
        long delay = normal == null ? 0L : normal.delayNanos(); // a slow stub stays slow before it breaks
        if (fault instanceof Fault.Reset) {
            return new Outgoing(null, delay, false, true, "reset the connection (fault: " + what + ")", what);
        }
        if (fault instanceof Fault.Garbage garbage) {
            byte[] bytes = new byte[garbage.bytes()];
            ThreadLocalRandom.current().nextBytes(bytes);
            return new Outgoing(bytes, delay, true, false, "sent " + bytes.length
                    + " random bytes and closed the connection (fault: " + what + ")", what);
        }
        if (fault instanceof Fault.Partial && normal != null && normal.frame() != null) {
            byte[] frame = normal.frame();
            byte[] half = Arrays.copyOf(frame, Math.max(1, frame.length / 2));
            return new Outgoing(half, delay, true, false, "sent " + half.length + " of " + frame.length
                    + " bytes of the reply and closed the connection (fault: " + what + ")", what);
        }
        // Close, or half of a reply that did not exist: hang up without a word.
        return new Outgoing(null, delay, true, false, "closed the connection without replying (fault: "
                + what + ")", what);
    }
}
