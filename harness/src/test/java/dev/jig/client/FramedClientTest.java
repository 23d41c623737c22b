package dev.jig.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.fake.FakeTcpServer;
import dev.jig.fake.Reply;
import dev.jig.wire.CodecException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FramedClientTest {

    record BalanceQuery(String customer) {
    }

    record Balance(int balance) {
    }

    private static FramedClient<BalanceQuery, Balance> connect(FakeTcpServer server) {
        return FramedClient.builder(Balance.class).name("bank").connect(server.host(), server.port());
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.get(10, java.util.concurrent.TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void requestGetsItsReply() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> new Balance(100)).start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            assertEquals(new Balance(100), client.request(new BalanceQuery("Jane Doe")).join());
            assertEquals("bank", client.name());
        }
    }

    @Test
    void defaultNameIsHostAndPort() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").start();
             FramedClient<BalanceQuery, Balance> client = FramedClient.builder(Balance.class)
                     .connect(new java.net.InetSocketAddress("127.0.0.1", bank.port()))) {
            assertEquals(bank.address(), client.name());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> new Balance(Integer.parseInt(q.customer()))).start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            List<CompletableFuture<Balance>> replies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                replies.add(client.request(new BalanceQuery(String.valueOf(i))));
            }
            for (int i = 0; i < 50; i++) {
                assertEquals(new Balance(i), replies.get(i).join());
            }
        }
    }

    @Test
    void silentServerTimesOutInsteadOfHanging() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.none()).start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            CompletableFuture<Balance> first = client.request(new BalanceQuery("Jane Doe"),
                    Duration.ofMillis(200));
            client.request(new BalanceQuery("John Doe"), Duration.ofSeconds(20));
            Throwable failure = failureOf(first);
            assertInstanceOf(ReplyTimeoutException.class, failure);
            assertEquals("no reply from bank within 200 ms to request #1 {\"customer\":\"Jane Doe\"}; "
                    + "1 reply pending after it", failure.getMessage());
        }
    }

    @Test
    void lateReplyIsNotDeliveredToTheNextRequest() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> q.customer().equals("slow")
                        ? Reply.after(Duration.ofMillis(600), new Balance(1)) : new Balance(2))
                .start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            CompletableFuture<Balance> slow = client.request(new BalanceQuery("slow"),
                    Duration.ofMillis(100));
            assertInstanceOf(ReplyTimeoutException.class, failureOf(slow));
            assertEquals(new Balance(2), client.request(new BalanceQuery("fast")).join());
        }
    }

    @Test
    void serverClosingTheConnectionFailsPendingRequestsAtOnce() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> q.customer().equals("bye")
                        ? Reply.closeConnection() : Reply.none())
                .start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            Duration long_ = Duration.ofSeconds(60);
            CompletableFuture<Balance> a = client.request(new BalanceQuery("a"), long_);
            CompletableFuture<Balance> b = client.request(new BalanceQuery("b"), long_);
            CompletableFuture<Balance> bye = client.request(new BalanceQuery("bye"), long_);
            Throwable failure = failureOf(a); // well under the 60 s timeout, or the class times out
            assertInstanceOf(ConnectionClosedException.class, failure);
            assertEquals("bank closed the connection with 3 requests unanswered", failure.getMessage());
            assertInstanceOf(ConnectionClosedException.class, failureOf(b));
            assertInstanceOf(ConnectionClosedException.class, failureOf(bye));
            assertInstanceOf(ConnectionClosedException.class,
                    failureOf(client.request(new BalanceQuery("after"))));
        }
    }

    @Test
    void undecodableReplyFailsOnlyItsRequest() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> q.customer().equals("garbage")
                        ? Reply.payload(new byte[] {0, 1, 2}) : new Balance(5))
                .start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            CompletableFuture<Balance> garbage = client.request(new BalanceQuery("garbage"));
            CompletableFuture<Balance> fine = client.request(new BalanceQuery("fine"));
            Throwable failure = failureOf(garbage);
            assertInstanceOf(CodecException.class, failure);
            assertTrue(failure.getMessage().startsWith("the reply from bank to request #1 "
                    + "{\"customer\":\"garbage\"} did not decode: could not decode Balance from JSON "
                    + "0x000102: "), failure.getMessage());
            assertEquals(new Balance(5), fine.join());
        }
    }

    @Test
    void connectFailureNamesTheSystemAndAddress() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again below: nothing listens there
        }
        ClientConnectException e = assertThrows(ClientConnectException.class,
                () -> FramedClient.builder(Balance.class).name("atm").connect("127.0.0.1", port));
        assertTrue(e.getMessage().startsWith("could not connect to atm at 127.0.0.1:" + port + ": "),
                e.getMessage());
        assertInstanceOf(java.net.ConnectException.class, e.getCause());
    }

    @Test
    void closeFailsPendingRequestsAndIsIdempotent() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> Reply.none()).start()) {
            FramedClient<BalanceQuery, Balance> client = connect(bank);
            CompletableFuture<Balance> pending = client.request(new BalanceQuery("a"),
                    Duration.ofSeconds(60));
            bank.verify().received(new BalanceQuery("a"));
            client.close();
            client.close();
            Throwable failure = failureOf(pending);
            assertInstanceOf(ClientClosedException.class, failure);
            assertEquals("the client of bank was closed with 1 request unanswered", failure.getMessage());
            assertInstanceOf(ClientClosedException.class,
                    failureOf(client.request(new BalanceQuery("b"))));
            assertThrows(ClientClosedException.class, () -> client.send(new BalanceQuery("c")));
        }
    }

    @Test
    void sendIsFireAndForget() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").start();
             FramedClient<BalanceQuery, Balance> client = connect(bank)) {
            client.send(new BalanceQuery("notice"));
            bank.verify().received(new BalanceQuery("notice"));
        }
    }

    @Test
    void unencodableRequestFailsItsFuture() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").start();
             FramedClient<Object, Balance> client = FramedClient.builder(Balance.class)
                     .codec(dev.jig.wire.Codec.text()).connect(bank.host(), bank.port())) {
            assertInstanceOf(CodecException.class, failureOf(client.request(42)));
        }
    }
}
