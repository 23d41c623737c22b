package dev.jig.fake;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A bare socket client for tests: frames by hand, or sends whatever bytes a test needs. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Framing framing = Framing.lengthPrefixed(2);

    RawClient(FakeTcpServer server) throws IOException {
        socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000); // a test must never hang on a read
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(Object message) throws IOException {
        sendPayload(Codec.json().encode(message));
    }

    void sendText(String json) throws IOException {
        sendPayload(json.getBytes(UTF_8));
    }

    void sendPayload(byte[] payload) throws IOException {
        framing.writeFrame(out, payload);
        out.flush();
    }

    void sendRaw(byte... bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The next reply's payload as text, or null if the server closed the connection. */
    String receive() throws IOException {
        byte[] payload = framing.readFrame(in, 1 << 20);
        return payload == null ? null : new String(payload, UTF_8);
    }

    /** Whether nothing arrives (and the connection stays open) for {@code millis}. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return in.read() == -2; // never: either a byte, EOF (-1) or the timeout
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5_000);
        }
    }

    /** Whether the server closed the connection (EOF, or a reset). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
