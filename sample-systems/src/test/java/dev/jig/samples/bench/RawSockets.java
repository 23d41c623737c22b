package dev.jig.samples.bench;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The physical limit of a fake's per-test cost, with bare JDK sockets and one accept thread: bind on
 * 127.0.0.1, accept, one 2-byte-length-prefixed JSON-sized round trip, close. No journal, no stubs, no
 * timeouts: what no fake can beat.
 */
final class RawSockets {

    private static final byte[] REQUEST = "{\"customer\":\"Jane Doe\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REPLY = "{\"balance\":100}".getBytes(StandardCharsets.UTF_8);

    private RawSockets() {
    }

    /** Start, one round trip, stop; returns the nanoseconds it took. */
    static long round() throws IOException {
        long start = System.nanoTime();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread acceptor = new Thread(() -> answerOne(server), "raw-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            try (Socket client = connect(server.getLocalPort())) {
                write(client, REQUEST);
                if (read(client).length != REPLY.length) {
                    throw new IllegalStateException("wrong reply");
                }
            }
        }
        return System.nanoTime() - start;
    }

    /** A connect and close of a bare socket to {@code port}; returns the nanoseconds it took. */
    static long connectAndClose(int port) throws IOException {
        long start = System.nanoTime();
        connect(port).close();
        return System.nanoTime() - start;
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        return socket;
    }

    private static void answerOne(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            read(socket);
            write(socket, REPLY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Socket socket, byte[] payload) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    private static byte[] read(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        return in.readNBytes(in.readUnsignedShort());
    }
}
