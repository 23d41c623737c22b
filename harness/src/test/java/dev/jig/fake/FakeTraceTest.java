package dev.jig.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.client.FramedClient;
import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.Deposit;
import dev.jig.fault.Fault;
import dev.jig.fault.FaultSchedule;
import dev.jig.record.Timeline;
import dev.jig.record.TraceLog;
import dev.jig.record.TraceMessage;
import dev.jig.record.TraceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The message trace of a fake and its clients: every request paired with its own reply, whatever the order. */
@Timeout(30)
class FakeTraceTest {

    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .respond(Deposit.class, d -> d.amount() == 2 ? Reply.after(Duration.ofMillis(50), new Balance(2))
                    : new Balance(d.amount()));

    @Test
    void pipelinedRequestsPairWithTheirOwnReplies() {
        Timeline timeline = Timeline.startingNow();
        try (FakeTcpServer bank = BANK.start(timeline); FramedClient<Deposit, Balance> client = client(bank, timeline)) {
            List<CompletableFuture<Balance>> replies = new ArrayList<>();
            for (int amount = 1; amount <= 3; amount++) { // 2 is answered late, so 3 waits behind it
                replies.add(client.request(new Deposit("c", amount)));
            }
            replies.forEach(CompletableFuture::join);
        }
        TraceRecord trace = timeline.trace().toRecord();

        assertPairedByAmount(trace, "client", "bank", 3);
        assertPairedByAmount(trace, "peer of bank", "bank", 3);
        assertThat(trace.participants()).containsExactly("client", "bank", "peer of bank");
        assertThat(trace.holds()).filteredOn(h -> h.participant().equals("bank")).hasSize(6)
                .allMatch(h -> h.what().startsWith("answering "));
    }

    @Test
    void requestsOnSeveralConnectionsPairWithinTheirConnection() {
        Timeline timeline = Timeline.startingNow();
        try (FakeTcpServer bank = BANK.start(timeline);
             FramedClient<Deposit, Balance> first = client(bank, timeline);
             FramedClient<Deposit, Balance> second = client(bank, timeline)) {
            CompletableFuture<Balance> a = first.request(new Deposit("a", 2)); // late: the second overtakes it
            CompletableFuture<Balance> b = second.request(new Deposit("b", 5));
            CompletableFuture<Balance> c = second.request(new Deposit("b", 6));
            CompletableFuture.allOf(a, b, c).join();
        }
        TraceRecord trace = timeline.trace().toRecord();

        assertPairedByAmount(trace, "client", "bank", 3);
        assertPairedByAmount(trace, "peer of bank", "bank", 3);
        Map<Integer, TraceMessage> byId = byId(trace);
        assertThat(trace.messages()).filteredOn(m -> m.replyTo() != null)
                .allMatch(reply -> byId.get(reply.replyTo()).connection() == reply.connection());
        assertThat(trace.messages()).filteredOn(m -> m.from().equals("client")).extracting(TraceMessage::connection)
                .hasSize(3).containsOnly(byIdOf(trace, "a").connection(), byIdOf(trace, "b").connection())
                .doesNotContainNull();
        assertThat(byIdOf(trace, "a").connection()).isNotEqualTo(byIdOf(trace, "b").connection());
    }

    @Test
    void aFaultShowsOnTheRequestAndItsReplyNeverComes() {
        Timeline timeline = Timeline.startingNow();
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.nth(2, Fault.reset())).start(timeline);
             FramedClient<Deposit, Balance> client = client(bank, timeline)) {
            client.request(new Deposit("c", 1)).join();
            assertThatThrownBy(() -> client.request(new Deposit("c", 3)).join()).hasMessageContaining("closed");
        }
        TraceRecord trace = timeline.trace().toRecord();

        TraceMessage faulted = only(trace, m -> m.to().equals("bank") && m.from().equals("peer of bank")
                && m.label().contains("3"));
        assertThat(faulted.outcome()).isEqualTo("fault: reset");
        assertThat(trace.messages()).noneMatch(m -> faulted.id() == (m.replyTo() == null ? -1 : m.replyTo()));
        TraceMessage asked = only(trace, m -> m.from().equals("client") && m.label().contains("3"));
        assertThat(asked.outcome()).startsWith("bank closed the connection");
    }

    @Test
    void aTimedOutRequestSaysSoOnBothSides() {
        Timeline timeline = Timeline.startingNow();
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").respond(Deposit.class, d -> Reply.none())
                .start(timeline);
             FramedClient<Deposit, Balance> client = FramedClient.<Deposit, Balance>builder(Balance.class)
                     .name("bank").timeout(Duration.ofMillis(200)).trace(timeline.trace())
                     .connect(bank.host(), bank.port())) {
            assertThatThrownBy(() -> client.request(new Deposit("c", 1)).join())
                    .hasMessageContaining("no reply from bank within 200 ms");
        }
        TraceRecord trace = timeline.trace().toRecord();

        assertThat(only(trace, m -> m.from().equals("client")).outcome()).isEqualTo("no reply within 200 ms");
        assertThat(only(trace, m -> m.from().equals("peer of bank")).outcome())
                .isEqualTo("not answered (Reply.none())");
        assertThat(trace.holds()).isEmpty();
    }

    @Test
    void aLongTestKeepsTheFirstMessagesAndCountsTheRest() {
        Timeline timeline = Timeline.startingNow();
        int requests = TraceLog.MAX_MESSAGES / 4 + 100; // four messages each: sent, received, answered, replied
        try (FakeTcpServer bank = BANK.start(timeline); FramedClient<Deposit, Balance> client = client(bank, timeline)) {
            for (int i = 0; i < requests; i++) {
                client.request(new Deposit("c", 1)).join();
            }
        }
        TraceRecord trace = timeline.trace().toRecord();

        assertThat(trace.messages()).hasSize(TraceLog.MAX_MESSAGES);
        assertThat(trace.dropped()).isEqualTo(requests * 4L - TraceLog.MAX_MESSAGES);
        Map<Integer, TraceMessage> byId = byId(trace);
        assertThat(trace.messages()).filteredOn(m -> m.replyTo() != null)
                .allMatch(reply -> byId.containsKey(reply.replyTo()), "every reply kept points at a request kept");
    }

    @Test
    void nothingIsTracedOutsideATest() {
        try (FakeTcpServer bank = BANK.start(); FramedClient<Deposit, Balance> client = client(bank, Timeline.NONE)) {
            client.request(new Deposit("c", 1)).join();
        }
        assertThat(Timeline.NONE.trace().toRecord()).isNull();
    }

    private static FramedClient<Deposit, Balance> client(FakeTcpServer bank, Timeline timeline) {
        return FramedClient.<Deposit, Balance>builder(Balance.class).name("bank").trace(timeline.trace())
                .connect(bank.host(), bank.port());
    }

    /** Every request from {@code from} to {@code to} has exactly one reply, and it carries the request's amount. */
    private static void assertPairedByAmount(TraceRecord trace, String from, String to, int requests) {
        Map<Integer, TraceMessage> byId = byId(trace);
        List<TraceMessage> asked = trace.messages().stream()
                .filter(m -> m.kind().equals("request") && m.from().equals(from) && m.to().equals(to)).toList();
        assertThat(asked).hasSize(requests);
        for (TraceMessage request : asked) {
            List<TraceMessage> answers = trace.messages().stream()
                    .filter(m -> m.replyTo() != null && m.replyTo() == request.id()).toList();
            assertThat(answers).as("replies to %s", request).hasSize(1);
            TraceMessage reply = answers.get(0);
            String amount = request.label().replaceAll(".*\"amount\":(\\d+).*", "$1");
            assertThat(reply.label()).as("the reply to %s", request).contains("\"balance\":" + amount);
            assertThat(reply.from()).isEqualTo(to);
            assertThat(reply.to()).isEqualTo(from);
            assertThat(byId.get(reply.replyTo())).isSameAs(request);
            long requestTime = request.sentNanos() != null ? request.sentNanos() : request.receivedNanos();
            long replyTime = reply.receivedNanos() != null ? reply.receivedNanos() : reply.sentNanos();
            assertThat(replyTime).isGreaterThanOrEqualTo(requestTime);
            assertThat(request.bytes()).isPositive();
        }
    }

    /** The client's first request for {@code customer}. */
    private static TraceMessage byIdOf(TraceRecord trace, String customer) {
        return trace.messages().stream().filter(m -> m.from().equals("client")
                && m.label().contains("\"customer\":\"" + customer + "\"")).findFirst().orElseThrow();
    }

    private static Map<Integer, TraceMessage> byId(TraceRecord trace) {
        return trace.messages().stream().collect(Collectors.toMap(TraceMessage::id, Function.identity()));
    }

    private static TraceMessage only(TraceRecord trace, java.util.function.Predicate<TraceMessage> which) {
        List<TraceMessage> found = trace.messages().stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
