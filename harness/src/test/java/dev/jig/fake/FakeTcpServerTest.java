package dev.jig.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.BalanceQuery;
import dev.jig.fake.Messages.Deposit;
import dev.jig.record.FakeRecord;
import dev.jig.record.Timeline;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeTcpServerTest {

    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .respond(BalanceQuery.class, q -> new Balance(q.customer().equals("Jane Doe") ? 100 : 0))
            .respond(Deposit.class, d -> new Balance(d.amount()));

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        try (FakeTcpServer bank = BANK.start()) {
            assertEquals("bank", bank.name());
            assertEquals("127.0.0.1", bank.host());
            assertNotEquals(0, bank.port());
            assertEquals("127.0.0.1:" + bank.port(), bank.address());
        }
    }

    @Test
    void startIsRecordedOnTheTimeline() {
        Timeline timeline = Timeline.startingNow();
        try (FakeTcpServer ignored = BANK.start(timeline)) {
            assertEquals("start bank", timeline.phases().get(0).name());
        }
    }

    @Test
    void answersByStubTypeInOrder() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            client.send(new Deposit("Jane Doe", 30));
            client.send(new BalanceQuery("John Doe"));
            assertEquals("{\"balance\":100}", client.receive());
            assertEquals("{\"balance\":30}", client.receive());
            assertEquals("{\"balance\":0}", client.receive());

            List<RecordedRequest> requests = bank.journal().requests();
            assertEquals(3, requests.size());
            assertEquals("#1 conn 1 {\"customer\":\"Jane Doe\"} -> replied {\"balance\":100}",
                    requests.get(0).formatted());
            assertEquals(Optional.of(new Deposit("Jane Doe", 30)), requests.get(1).as(Deposit.class));
            assertEquals(Optional.empty(), requests.get(1).as(BalanceQuery.class));
        }
    }

    @Test
    void runtimeStubOverridesTheSpecsStub() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            bank.respond(BalanceQuery.class, q -> new Balance(7));
            client.send(new BalanceQuery("Jane Doe"));
            assertEquals("{\"balance\":7}", client.receive());
            bank.respond(BalanceQuery.class, q -> new Balance(8));
            client.send(new BalanceQuery("Jane Doe"));
            assertEquals("{\"balance\":8}", client.receive());
        }
    }

    @Test
    void unmatchedRequestGetsNoReplyAndTheConnectionStaysOpen() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.sendText("{\"oops\":1}");
            assertTrue(client.silentFor(300));
            client.send(new BalanceQuery("Jane Doe"));
            assertEquals("{\"balance\":100}", client.receive());
            assertEquals("#1 conn 1 {\"oops\":1} -> UNMATCHED",
                    bank.journal().unmatched().get(0).formatted());
            assertTrue(bank.journal().protocolErrors().isEmpty(), "well-formed JSON is no protocol error");
        }
    }

    @Test
    void stubReturningNullSendsNoReply() throws Exception {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").respond(BalanceQuery.class, q -> null)
                .start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            assertTrue(client.silentFor(300));
            RecordedRequest request = bank.journal().requests().get(0);
            assertTrue(request.matched());
            assertNull(request.reply());
        }
    }

    @Test
    void stubThatThrowsIsAStubFailureNotUnmatchedAndClosesTheConnection() throws Exception {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> {
                    if (q.customer().isEmpty()) {
                        throw new IllegalStateException("no customer");
                    }
                    return new Balance(1);
                }).start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery(""));
            assertTrue(client.closedByServer(), "the connection of a request whose stub threw is closed");
            RecordedRequest failed = bank.journal().requests().get(0);
            assertTrue(failed.matched(), "a stub took it: it is not unmatched");
            assertTrue(bank.journal().unmatched().isEmpty());
            assertEquals("no customer", failed.stubFailure().orElseThrow().getMessage());
            assertEquals(List.of(failed.sequence()),
                    bank.journal().stubFailures().stream().map(RecordedRequest::sequence).toList());
            assertEquals("stub for BalanceQuery threw java.lang.IllegalStateException: no customer",
                    failed.reply());
            assertTrue(bank.journal().protocolErrors().isEmpty());
        }
    }

    @Test
    void unansweredRequestsSayWhyAndCloseConnectionsUnblocksTheReader() throws Exception {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.none()).start();
             RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            bank.verify().received(new BalanceQuery("Jane Doe"));
            List<Unanswered> unanswered = bank.unanswered();
            assertEquals(1, unanswered.size());
            assertThat(unanswered.get(0).formatted())
                    .matches("received request #1 \\{\"customer\":\"Jane Doe\"} at \\d\\d:\\d\\d:\\d\\d\\.\\d{3} "
                            + "and never answered \\(Reply.none\\(\\)\\)");
            assertEquals(1, bank.openConnections());
            assertEquals(1, bank.closeConnections());
            assertTrue(client.closedByServer(), "a client blocked on the connection sees it end");
            assertEquals(0, bank.openConnections());
        }
    }

    @Test
    void replyNoneReadsAndStaysSilent() throws Exception {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.none()).start();
             RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            assertTrue(client.silentFor(300));
            assertEquals(1, bank.journal().size());
        }
    }

    @Test
    void replyCloseConnectionHangsUpWithoutAnswering() throws Exception {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.closeConnection()).start();
             RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            assertTrue(client.closedByServer());
            assertEquals("#1 conn 1 {\"customer\":\"Jane Doe\"} -> closed the connection",
                    bank.journal().requests().get(0).formatted());
        }
    }

    @Test
    void delayedReplyKeepsRequestOrderWhileLaterRequestsAreJournaled() throws Exception {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.after(Duration.ofMillis(400), new Balance(1)))
                .respond(Deposit.class, d -> new Balance(2)).start();
             RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            client.send(new Deposit("Jane Doe", 5));
            // Both are journaled while the first reply is still waiting.
            bank.verify(Duration.ofMillis(300)).received(new Deposit("Jane Doe", 5));
            assertEquals("{\"balance\":1}", client.receive());
            assertEquals("{\"balance\":2}", client.receive());
            assertEquals("replied after 400 ms {\"balance\":1}",
                    bank.journal().requests().get(0).reply());
        }
    }

    @Test
    void closeCancelsDelayedRepliesAndReturnsPromptly() throws Exception {
        FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.after(Duration.ofSeconds(60), new Balance(1)))
                .start();
        try (RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            bank.verify().received(new BalanceQuery("Jane Doe"));
            long start = System.nanoTime();
            bank.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void respondToAnyAnswersWhatNoTypedStubDecodes() throws Exception {
        try (FakeTcpServer echo = FakeTcpServer.spec("echo")
                .respond(BalanceQuery.class, q -> new Balance(1))
                .respondToAny(Reply::payload).start();
             RawClient client = new RawClient(echo)) {
            client.sendText("not json at all");
            assertEquals("not json at all", client.receive());
            client.send(new BalanceQuery("x"));
            assertEquals("{\"balance\":1}", client.receive());
            assertTrue(echo.journal().protocolErrors().isEmpty());
        }
    }

    @Test
    void textCodecWithNewlineFraming() throws Exception {
        try (FakeTcpServer upper = FakeTcpServer.spec("upper").framing(Framing.newlineDelimited())
                .codec(Codec.text()).respond(String.class, String::toUpperCase).start();
             java.net.Socket socket = new java.net.Socket("127.0.0.1", upper.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("hello\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("HELLO", reader.readLine());
        }
    }

    @Test
    void manyConcurrentConnectionsAreServed() throws Exception {
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (FakeTcpServer bank = BANK.start()) {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int amount = i;
                replies.add(pool.submit(() -> {
                    try (RawClient client = new RawClient(bank)) {
                        client.send(new Deposit("c" + amount, amount));
                        return client.receive();
                    }
                }));
            }
            for (int i = 0; i < clients; i++) {
                assertEquals("{\"balance\":" + i + "}", replies.get(i).get());
            }
            assertEquals(clients, bank.journal().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        FakeTcpServer bank = BANK.start();
        bank.close();
        bank.close();
    }

    @Test
    void bindFailureNamesTheFakeAndTheAddress() {
        try (FakeTcpServer first = BANK.start()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> BANK.port(first.port()).start());
            assertTrue(e.getMessage().startsWith("could not start fake bank on 127.0.0.1:"
                    + first.port() + ": "), e.getMessage());
        }
    }

    @Test
    void recordSummarisesJournal() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            client.sendText("{\"oops\":1}");
            bank.verify().received(new BalanceQuery("Jane Doe"));
            waitForSize(bank, 2);
            FakeRecord record = bank.toRecord();
            assertEquals("bank", record.name());
            assertEquals("tcp", record.kind());
            assertEquals(bank.address(), record.address());
            assertEquals(2, record.received());
            assertEquals(List.of("#2 conn 1 {\"oops\":1} -> UNMATCHED"), record.unmatched());
            assertEquals(List.of(), record.protocolErrors());
        }
    }

    @Test
    void specIsImmutable() {
        FakeTcpServerSpec base = FakeTcpServer.spec("bank");
        FakeTcpServerSpec other = base.port(1234).maxFrameBytes(10);
        try (FakeTcpServer server = base.start()) {
            assertNotEquals(1234, server.port(), "the base spec kept port 0");
        }
        assertEquals("bank", other.name());
        assertThrows(IllegalArgumentException.class, () -> base.port(70000));
        assertThrows(IllegalArgumentException.class, () -> base.maxFrameBytes(0));
        assertThrows(IllegalArgumentException.class, () -> FakeTcpServer.spec(" "));
    }

    static void waitForSize(FakeTcpServer server, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.journal().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(size, server.journal().size());
    }
}
