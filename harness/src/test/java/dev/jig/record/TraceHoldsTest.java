package dev.jig.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who held a request, worked out from the messages of a client, a system and the fake it asks. */
class TraceHoldsTest {

    @Test
    void theSystemHoldsARequestUntilItAsksTheFakeAndAgainAfterTheAnswer() {
        List<TraceMessage> messages = List.of(
                sent(1, "request", "client", "atm", "withdraw 50", 0, null),
                received(2, "request", "atm", "bank", "balance of Jane", 10_000_000, null),
                sent(3, "reply", "bank", "atm", "100", 10_200_000, 2),
                received(4, "reply", "atm", "client", "ok", 11_000_000, 1));

        assertThat(TraceHolds.of(messages)).containsExactly(
                new TraceHold("atm", 0, 10_000_000, "from withdraw 50 #1 to asking bank", 1),
                new TraceHold("bank", 10_000_000, 200_000, "answering balance of Jane #2", 2),
                new TraceHold("atm", 10_200_000, 800_000, "after bank's answer to replying", 1));
    }

    @Test
    void withPipeliningAFakeRequestBelongsToTheOldestOpenRequest() {
        List<TraceMessage> messages = List.of(
                sent(1, "request", "client", "atm", "first", 0, null),
                sent(2, "request", "client", "atm", "second", 1_000, null),
                received(3, "request", "atm", "bank", "for first", 10_000, null),
                sent(4, "reply", "bank", "atm", "", 12_000, 3),
                received(5, "reply", "atm", "client", "", 20_000, 1),
                received(6, "request", "atm", "bank", "for second", 30_000, null),
                sent(7, "reply", "bank", "atm", "", 32_000, 6),
                received(8, "reply", "atm", "client", "", 40_000, 2));

        assertThat(TraceHolds.of(messages)).filteredOn(h -> h.participant().equals("atm"))
                .extracting(TraceHold::request, TraceHold::startNanos, TraceHold::durationNanos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 0L, 10_000L),
                        org.assertj.core.groups.Tuple.tuple(2, 1_000L, 29_000L),
                        org.assertj.core.groups.Tuple.tuple(1, 12_000L, 8_000L),
                        org.assertj.core.groups.Tuple.tuple(2, 32_000L, 8_000L));
    }

    @Test
    void aFakeThatNeverAnswersLeavesTheWaitUnattributed() {
        List<TraceMessage> messages = List.of(
                sent(1, "request", "client", "atm", "withdraw", 0, null),
                received(2, "request", "atm", "bank", "balance", 5_000, null),
                received(3, "reply", "atm", "client", "bank timed out", 1_000_000, 1));

        assertThat(TraceHolds.of(messages)).containsExactly(
                new TraceHold("atm", 0, 5_000, "from withdraw #1 to asking bank", 1));
    }

    @Test
    void aRequestThatCameThroughAProxyCameFromWhoConnectedToTheProxy() {
        List<TraceMessage> messages = List.of(
                sent(1, "request", "client", "atm", "withdraw", 0, null),
                new TraceMessage(2, "connection", "atm", "bank-link", "connection 1", 1, 1_000L, 9_000L, 40, null,
                        null),
                received(3, "request", "bank-link", "bank", "balance", 5_000, null),
                sent(4, "reply", "bank", "bank-link", "100", 6_000, 3),
                received(5, "reply", "atm", "client", "ok", 10_000, 1));

        assertThat(TraceHolds.of(messages)).extracting(TraceHold::participant, TraceHold::what).containsExactly(
                org.assertj.core.groups.Tuple.tuple("atm", "from withdraw #1 to asking bank"),
                org.assertj.core.groups.Tuple.tuple("bank", "answering balance #3"),
                org.assertj.core.groups.Tuple.tuple("atm", "after bank's answer to replying"));
    }

    private static TraceMessage sent(int id, String kind, String from, String to, String label, long at,
                                     Integer replyTo) {
        return new TraceMessage(id, kind, from, to, label, 1, at, null, 10, replyTo, null);
    }

    private static TraceMessage received(int id, String kind, String from, String to, String label, long at,
                                         Integer replyTo) {
        return new TraceMessage(id, kind, from, to, label, 1, null, at, 10, replyTo, null);
    }
}
