package dev.jig.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.BalanceQuery;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VerificationTest {

    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .respond(BalanceQuery.class, q -> new Balance(q.customer().equals("John Doe") ? 100 : 0));

    @Test
    void receivedPassesForARequestAlreadyThere() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            client.receive();
            bank.verify(Duration.ZERO).received(new BalanceQuery("Jane Doe")).noUnmatched()
                    .noProtocolErrors();
        }
    }

    @Test
    void receivedWaitsForARequestThatArrivesLater() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            Thread sender = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    client.send(new BalanceQuery("Jane Doe"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            bank.verify(Duration.ofSeconds(10)).received(new BalanceQuery("Jane Doe"));
            sender.join();
        }
    }

    @Test
    void failureMessageListsWhatArrived() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("John Doe"));
            client.receive();
            client.sendText("{\"oops\":1}");
            FakeTcpServerTest.waitForSize(bank, 2);

            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify(Duration.ofMillis(200)).received(new BalanceQuery("Jane Doe")));
            assertEquals("bank did not receive BalanceQuery[customer=Jane Doe] within 200 ms.\n"
                    + "It received 2 requests:\n"
                    + "  #1 conn 1 {\"customer\":\"John Doe\"} -> replied {\"balance\":100}\n"
                    + "  #2 conn 1 {\"oops\":1} -> UNMATCHED\n"
                    + "Protocol errors: none", e.getMessage());
            assertTrue(e instanceof AssertionError);
        }
    }

    @Test
    void failureMessageWithNothingReceivedSaysSo() {
        try (FakeTcpServer bank = BANK.start()) {
            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify(Duration.ofMillis(50)).received(new BalanceQuery("Jane Doe")));
            assertEquals("bank did not receive BalanceQuery[customer=Jane Doe] within 50 ms.\n"
                    + "It received no requests.\n"
                    + "Protocol errors: none", e.getMessage());
        }
    }

    @Test
    void defaultVerificationWaitsTwoSeconds() {
        try (FakeTcpServer bank = BANK.start()) {
            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify().received(new BalanceQuery("Jane Doe")));
            assertTrue(e.getMessage().startsWith(
                    "bank did not receive BalanceQuery[customer=Jane Doe] within 2 s.\n"));
        }
    }

    @Test
    void receivedTimesCountsExactly() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            client.send(new BalanceQuery("Jane Doe"));
            client.receive();
            client.receive();
            bank.verify().received(new BalanceQuery("Jane Doe"), 2);
            VerificationException tooFew = assertThrows(VerificationException.class,
                    () -> bank.verify(Duration.ofMillis(100)).received(new BalanceQuery("Jane Doe"), 3));
            assertTrue(tooFew.getMessage().startsWith("bank received BalanceQuery[customer=Jane Doe] "
                    + "2 times within 100 ms, expected 3 times.\n"), tooFew.getMessage());
            VerificationException tooMany = assertThrows(VerificationException.class,
                    () -> bank.verify().received(new BalanceQuery("Jane Doe"), 1));
            assertTrue(tooMany.getMessage().startsWith("bank received BalanceQuery[customer=Jane Doe] "
                    + "2 times, expected 1 time.\n"), tooMany.getMessage());
        }
    }

    @Test
    void receivedMatchingUsesThePredicateAndDescribesIt() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            client.receive();
            bank.verify().receivedMatching(BalanceQuery.class, q -> q.customer().startsWith("Jane"),
                    "a query for a Jane");
            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify(Duration.ofMillis(50)).receivedMatching(BalanceQuery.class,
                            q -> q.customer().startsWith("Bob"), "a query for a Bob"));
            assertTrue(e.getMessage().startsWith("bank did not receive a BalanceQuery matching "
                    + "a query for a Bob within 50 ms.\n"), e.getMessage());
        }
    }

    @Test
    void receivedNothingChecksNow() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            bank.verify().receivedNothing();
            client.send(new BalanceQuery("Jane Doe"));
            client.receive();
            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify().receivedNothing());
            assertEquals("bank should have received nothing.\n"
                    + "It received 1 request:\n"
                    + "  #1 conn 1 {\"customer\":\"Jane Doe\"} -> replied {\"balance\":0}\n"
                    + "Protocol errors: none", e.getMessage());
        }
    }

    @Test
    void noUnmatchedFailsOnAnUnansweredRequest() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.sendText("{\"oops\":1}");
            FakeTcpServerTest.waitForSize(bank, 1);
            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify().noUnmatched());
            assertTrue(e.getMessage().startsWith("bank received 1 request that no stub answered.\n"),
                    e.getMessage());
        }
    }

    @Test
    void protocolErrorsAppearInFailureMessages() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.sendText("{nope");
            FakeTcpServerTest.waitForSize(bank, 1);
            VerificationException e = assertThrows(VerificationException.class,
                    () -> bank.verify(Duration.ofMillis(10)).received(new BalanceQuery("x")));
            assertTrue(e.getMessage().contains("\nProtocol errors:\n  conn 1 UNDECODABLE: request #1 "
                    + "{nope is not well-formed"), e.getMessage());
        }
    }
}
