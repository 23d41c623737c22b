package dev.jig.samples.atm.unit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.samples.atm.BankClient;
import dev.jig.samples.atm.BankException;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import dev.jig.samples.net.Frames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bank client against tiny loopback banks that misbehave in one way each. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BankClientTest {

    /** What one scripted bank does with one accepted connection. */
    interface Script {
        void run(Socket socket) throws IOException;
    }

    private ServerSocket bank;

    @AfterEach
    void closeBank() throws IOException {
        if (bank != null) {
            bank.close();
        }
    }

    @Test
    void readsTheBalanceFromTheReply() throws Exception {
        startBank(socket -> {
            byte[] query = Frames.read(socket.getInputStream());
            assertEquals(BankMessages.query("Jane Doe"), BalanceQuery.parseFrom(query));
            Frames.write(socket.getOutputStream(), BankMessages.balance(100).toByteArray());
        });
        assertEquals(100, client(1000).balanceOf("Jane Doe"));
    }

    @Test
    void refusedConnectionIsBankUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        BankException e = assertThrows(BankException.class,
                () -> new BankClient("127.0.0.1", closedPort, 1000).balanceOf("Jane Doe"));
        assertTrue(e.getMessage().startsWith("bank unavailable: "), e.getMessage());
    }

    @Test
    void silentBankTimesOutWithTheConfiguredTimeout() throws Exception {
        startBank(socket -> {
            Frames.read(socket.getInputStream());
            sleep(5_000);
        });
        long start = System.nanoTime();
        BankException e = assertThrows(BankException.class, () -> client(200).balanceOf("Jane Doe"));
        assertEquals("bank timed out after 200 ms", e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "gave up well before the bank's 5 s");
    }

    @Test
    void closingWithoutAnsweringIsABankError() throws Exception {
        startBank(socket -> Frames.read(socket.getInputStream()));
        BankException e = assertThrows(BankException.class, () -> client(1000).balanceOf("Jane Doe"));
        assertEquals("bank error: the bank closed the connection without answering", e.getMessage());
    }

    @Test
    void replyThatIsNotABalanceIsABankError() throws Exception {
        startBank(socket -> {
            Frames.read(socket.getInputStream());
            // The bank echoes the query: field 1 is a string, where a Balance has a number.
            Frames.write(socket.getOutputStream(), BankMessages.query("Jane Doe").toByteArray());
        });
        BankException e = assertThrows(BankException.class, () -> client(1000).balanceOf("Jane Doe"));
        assertEquals("bank error: unknown field 1 in Balance: expected balance = 1", e.getMessage());
    }

    @Test
    void garbageReplyIsABankError() throws Exception {
        startBank(socket -> {
            Frames.read(socket.getInputStream());
            Frames.write(socket.getOutputStream(), "\u00ff\u00ff\u00ff".getBytes(UTF_8));
        });
        BankException e = assertThrows(BankException.class, () -> client(1000).balanceOf("Jane Doe"));
        assertThat(e.getMessage()).startsWith("bank error: not a valid Balance: ");
    }

    private BankClient client(int timeoutMillis) {
        return new BankClient("127.0.0.1", bank.getLocalPort(), timeoutMillis);
    }

    private void startBank(Script script) throws IOException {
        bank = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = bank.accept()) {
                script.run(socket);
            } catch (IOException e) {
                // The test closed the bank; nothing left to serve.
            }
        }, "scripted-bank");
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
