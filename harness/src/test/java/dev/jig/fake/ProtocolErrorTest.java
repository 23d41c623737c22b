package dev.jig.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.fake.Messages.Balance;
import dev.jig.fake.Messages.BalanceQuery;
import dev.jig.fake.ProtocolError.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed input is recorded, never hangs the fake, and never harms other connections. */
@Timeout(30)
class ProtocolErrorTest {

    private static final FakeTcpServerSpec BANK = FakeTcpServer.spec("bank")
            .maxFrameBytes(1024)
            .respond(BalanceQuery.class, q -> new Balance(100));

    @Test
    void oversizedFrameIsRecordedAndItsConnectionClosed() throws Exception {
        try (FakeTcpServer bank = BANK.framing(dev.jig.wire.Framing.lengthPrefixed(4)).start();
             java.net.Socket socket = new java.net.Socket("127.0.0.1", bank.port())) {
            socket.setSoTimeout(5_000);
            // Announces ~2 GB, sends 3 bytes: the fake must reject it without allocating 2 GB.
            socket.getOutputStream().write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 1, 2, 3});
            assertEquals(-1, readOrEof(socket));
            ProtocolError error = awaitOneError(bank);
            assertEquals(Kind.FRAME_TOO_LARGE, error.kind());
            assertEquals(1, error.connection());
            assertEquals("conn 1 FRAME_TOO_LARGE: frame announced 2147483632 bytes, more than the "
                    + "maximum of 1024 bytes; if such frames are expected, raise maxFrameBytes (on "
                    + "the fake server spec or the client builder)", error.formatted());
        }
    }

    @Test
    void truncatedFrameIsRecordedWhenTheClientHangsUpMidFrame() throws Exception {
        try (FakeTcpServer bank = BANK.start()) {
            try (RawClient client = new RawClient(bank)) {
                client.sendRaw((byte) 0, (byte) 10, (byte) 'a', (byte) 'b');
                client.shutdownOutput();
                assertTrue(client.closedByServer());
            }
            ProtocolError error = awaitOneError(bank);
            assertEquals(Kind.TRUNCATED_FRAME, error.kind());
            assertEquals("the stream ended inside a frame: expected 10 bytes of payload, got 2",
                    error.detail());
        }
    }

    @Test
    void truncatedPrefixIsRecorded() throws Exception {
        try (FakeTcpServer bank = BANK.start()) {
            try (RawClient client = new RawClient(bank)) {
                client.sendRaw((byte) 0);
                client.shutdownOutput();
                assertTrue(client.closedByServer());
            }
            assertEquals("the stream ended inside a length prefix: expected 2 bytes, got 1",
                    awaitOneError(bank).detail());
        }
    }

    @Test
    void undecodablePayloadIsRecordedAndTheConnectionKeepsBeingServed() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.sendText("{not json");
            client.send(new BalanceQuery("Jane Doe"));
            assertEquals("{\"balance\":100}", client.receive());

            ProtocolError error = awaitOneError(bank);
            assertEquals(Kind.UNDECODABLE, error.kind());
            assertTrue(error.detail().startsWith("request #1 {not json is not well-formed for the "
                    + "codec and no stub could decode it (could not decode BalanceQuery from JSON "
                    + "{not json: "), error.detail());
            RecordedRequest request = bank.journal().requests().get(0);
            assertFalse(request.matched());
            assertEquals("#1 conn 1 {not json -> UNMATCHED (undecodable)", request.formatted());
        }
    }

    @Test
    void aMalformedConnectionDoesNotDisturbOthers() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient good = new RawClient(bank)) {
            good.send(new BalanceQuery("a"));
            assertEquals("{\"balance\":100}", good.receive());
            try (RawClient bad = new RawClient(bank)) {
                bad.sendRaw((byte) 0xFF, (byte) 0xFF); // 65535 > 1024
                assertTrue(bad.closedByServer());
            }
            good.send(new BalanceQuery("b"));
            assertEquals("{\"balance\":100}", good.receive());
            try (RawClient late = new RawClient(bank)) {
                late.send(new BalanceQuery("c"));
                assertEquals("{\"balance\":100}", late.receive());
            }
            assertEquals(Kind.FRAME_TOO_LARGE, awaitOneError(bank).kind());
        }
    }

    @Test
    void closeReturnsPromptlyWithAHalfSentFrameOpen() throws Exception {
        FakeTcpServer bank = BANK.start();
        try (RawClient client = new RawClient(bank)) {
            client.send(new BalanceQuery("Jane Doe"));
            assertEquals("{\"balance\":100}", client.receive()); // the connection is being served
            client.sendRaw((byte) 0, (byte) 100, (byte) 'x'); // and then nothing more
            long start = System.nanoTime();
            bank.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
                    "close() waited on a stuck reader");
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void takeProtocolErrorsAcknowledgesThem() throws Exception {
        try (FakeTcpServer bank = BANK.start(); RawClient client = new RawClient(bank)) {
            client.sendText("][");
            awaitOneError(bank);
            VerificationException e = org.junit.jupiter.api.Assertions.assertThrows(
                    VerificationException.class, () -> bank.verify().noProtocolErrors());
            assertTrue(e.getMessage().startsWith("bank saw 1 protocol error (if the test provokes "
                    + "them, takeProtocolErrors() acknowledges them).\n"), e.getMessage());

            List<ProtocolError> taken = bank.takeProtocolErrors();
            assertEquals(1, taken.size());
            bank.verify().noProtocolErrors();
            assertEquals(List.of(), bank.takeProtocolErrors());
            assertEquals(1, bank.journal().protocolErrors().size(), "the journal keeps its history");
        }
    }

    private static ProtocolError awaitOneError(FakeTcpServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.journal().protocolErrors().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<ProtocolError> errors = server.journal().protocolErrors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static int readOrEof(java.net.Socket socket) throws java.io.IOException {
        try {
            return socket.getInputStream().read();
        } catch (java.net.SocketException e) {
            return -1; // a reset is as closed as an EOF
        }
    }
}
