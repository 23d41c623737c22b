package dev.jig.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.client.ConnectionClosedException;
import dev.jig.client.FramedClient;
import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.BalanceQuery;
import dev.jig.fault.Fault;
import dev.jig.fault.FaultSchedule;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeTcpServerFaultsTest {

    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .respond(BalanceQuery.class, q -> new Balance(100));
    private static final String JANE = "{\"customer\":\"Jane Doe\"}";

    @Test
    void aDelayAnswersLateWithoutHoldingUpOtherConnections() throws Exception {
        // 2 s: long enough that the quick request's answer comes first also on a machine busy with other builds.
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.nth(1, Fault.delay(Duration.ofSeconds(2)))).start();
             FramedClient<BalanceQuery, Balance> slow = client(bank);
             FramedClient<BalanceQuery, Balance> quick = client(bank)) {
            long start = System.nanoTime();
            CompletableFuture<Balance> late = slow.request(new BalanceQuery("Jane Doe"));
            bank.verify().received(new BalanceQuery("Jane Doe")); // request 1 is the slow one

            assertThat(quick.request(new BalanceQuery("John Doe")).join()).isEqualTo(new Balance(100));
            assertThat(late).isNotDone();
            assertThat(late.join()).isEqualTo(new Balance(100));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
            assertThat(bank.journal().requests().get(0).fault()).isEqualTo("delay 2 s");
            assertThat(bank.journal().requests().get(1).fault()).isNull();
        }
    }

    @Test
    void aRandomDelayIsAtLeastItsMinimum() {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(
                Fault.randomDelay(Duration.ofMillis(300), Duration.ofMillis(400)))).start();
             FramedClient<BalanceQuery, Balance> client = client(bank)) {
            long start = System.nanoTime();
            assertThat(client.request(new BalanceQuery("Jane Doe")).join()).isEqualTo(new Balance(100));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void closeEndsTheConnectionInOrderWithoutAReply() throws IOException {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.close())).start();
             RawClient raw = new RawClient(bank)) {
            raw.send(new BalanceQuery("Jane Doe"));
            assertThat(raw.receive()).as("end of stream, not a reset").isNull();
            assertThat(bank.journal().requests().get(0).formatted())
                    .isEqualTo("#1 conn 1 " + JANE + " -> closed the connection without replying (fault: close)");
        }
    }

    @Test
    void closeFailsTheFramedClientsRequest() {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.close())).start();
             FramedClient<BalanceQuery, Balance> client = client(bank)) {
            assertThatThrownBy(() -> client.request(new BalanceQuery("Jane Doe")).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("closed the connection");
        }
    }

    @Test
    void resetSendsARst() throws IOException {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.reset())).start();
             RawClient raw = new RawClient(bank)) {
            raw.send(new BalanceQuery("Jane Doe"));
            assertThatThrownBy(raw::receive).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void garbageSendsThatManyBytesThenCloses() throws IOException {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.garbage(37))).start();
             Socket socket = rawSocket(bank)) {
            sendQuery(socket);
            assertThat(socket.getInputStream().readAllBytes()).hasSize(37);
        }
    }

    @Test
    void partialSendsTheFirstHalfOfTheFrameThenCloses() throws IOException {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.partial())).start();
             Socket socket = rawSocket(bank)) {
            sendQuery(socket);
            byte[] whole = {0, 15, '{', '"', 'b', 'a', 'l', 'a', 'n', 'c', 'e', '"', ':', '1', '0', '0', '}'};
            assertThat(socket.getInputStream().readAllBytes()).containsExactly(java.util.Arrays.copyOf(whole, 8));
        }
    }

    @Test
    void aPartialFrameIsATruncatedReplyForAFramedClient() {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.partial())).start();
             FramedClient<BalanceQuery, Balance> client = client(bank)) {
            assertThatThrownBy(() -> client.request(new BalanceQuery("Jane Doe")).join())
                    .hasCauseInstanceOf(ConnectionClosedException.class);
        }
    }

    @Test
    void theThirdRequestFailsAndTheRecordSaysSo() {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.nth(3, Fault.reset())).start()) {
            for (int i = 1; i <= 4; i++) {
                // One connection per request, as the ATM asks the bank: a reset ends only its own.
                try (FramedClient<BalanceQuery, Balance> client = client(bank)) {
                    CompletableFuture<Balance> reply = client.request(new BalanceQuery("Jane Doe"));
                    if (i == 3) {
                        assertThatThrownBy(reply::join).hasCauseInstanceOf(ConnectionClosedException.class)
                                .hasMessageContaining("reset");
                    } else {
                        assertThat(reply.join()).isEqualTo(new Balance(100));
                    }
                }
            }
            assertThat(bank.journal().faulted()).extracting(RecordedRequest::sequence).containsExactly(3);
            assertThat(bank.toRecord().faults()).containsExactly("request 3 (" + JANE + "): reset");
        }
    }

    @Test
    void theRunningServersScheduleReplacesTheSpecsAndKeepsCounting() {
        try (FakeTcpServer bank = BANK.faults(FaultSchedule.always(Fault.close())).start()) {
            bank.faults(FaultSchedule.none());
            try (FramedClient<BalanceQuery, Balance> client = client(bank)) {
                assertThat(client.request(new BalanceQuery("Jane Doe")).join()).isEqualTo(new Balance(100));
                bank.faults(FaultSchedule.nth(2, Fault.close()));
                assertThatThrownBy(() -> client.request(new BalanceQuery("Jane Doe")).join())
                        .hasCauseInstanceOf(ConnectionClosedException.class);
            }
            assertThat(bank.toRecord().faults()).containsExactly("request 2 (" + JANE + "): close");
        }
    }

    @Test
    void aStubCanAnswerWithAFault() throws IOException {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .respond(BalanceQuery.class, q -> q.customer().equals("Jane Doe")
                        ? Reply.fault(Fault.reset()) : Reply.fault(Fault.partial(), new Balance(100)))
                .start()) {
            try (RawClient raw = new RawClient(bank)) {
                raw.send(new BalanceQuery("Jane Doe"));
                assertThatThrownBy(raw::receive).isInstanceOf(SocketException.class);
            }
            try (Socket socket = rawSocket(bank)) {
                socket.getOutputStream().write(new byte[] {0, 23});
                socket.getOutputStream().write("{\"customer\":\"John Doe\"}".getBytes());
                assertThat(socket.getInputStream().readAllBytes()).hasSize(8);
            }
            assertThat(bank.journal().faulted()).extracting(RecordedRequest::fault)
                    .containsExactly("reset", "partial reply");
        }
    }

    @Test
    void aFaultThatSpoilsAReplyNeedsTheReply() {
        assertThatThrownBy(() -> Reply.fault(Fault.partial())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Reply.fault(fault, message)");
        assertThatThrownBy(() -> Reply.fault(Fault.delay(Duration.ofMillis(5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static FramedClient<BalanceQuery, Balance> client(FakeTcpServer bank) {
        return FramedClient.<BalanceQuery, Balance>builder(Balance.class).name("bank")
                .timeout(Duration.ofSeconds(5)).connect(bank.host(), bank.port());
    }

    private static Socket rawSocket(FakeTcpServer bank) throws IOException {
        Socket socket = new Socket(bank.host(), bank.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void sendQuery(Socket socket) throws IOException {
        byte[] payload = JANE.getBytes();
        socket.getOutputStream().write(new byte[] {0, (byte) payload.length});
        socket.getOutputStream().write(payload);
        socket.getOutputStream().flush();
    }
}
