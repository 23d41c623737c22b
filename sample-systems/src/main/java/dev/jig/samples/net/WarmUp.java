package dev.jig.samples.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Runs a server's own request path before it says it is ready: a throw-away loopback server with the real
 * handler, and a connection that sends it {@code rounds} requests. The JVM loads and links the codec, the
 * sockets and the handler's classes then, not on the first request a test sends, so "ready" means ready.
 *
 * <pre>{@code
 * WarmUp.run("adder", quietAdder::serve, AddRequest.newBuilder().setA(3).setB(4).build().toByteArray(), 50);
 * System.out.println("adder listening on port " + server.port());
 * }</pre>
 * A warm-up that fails is reported on stderr and does not stop the server: it would only be slower.
 */
public final class WarmUp {

    /** How many requests a sample sends itself before readiness unless {@code --warm-up N} says otherwise (20). */
    public static final int DEFAULT_ROUNDS = 20;

    /** Where the warm-up's own log lines go: nowhere, so that a system's output shows only real requests. */
    public static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private WarmUp() {
    }

    /** Serves {@code rounds} copies of {@code request} with {@code handler} over loopback; 0 rounds does nothing. */
    public static void run(String name, TcpServer.Handler handler, byte[] request, int rounds) {
        if (rounds <= 0) {
            return;
        }
        try (TcpServer server = TcpServer.bind(name + "-warm-up", 0, handler)) {
            Thread acceptor = new Thread(server::acceptForever, name + "-warm-up-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(5_000);
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int i = 0; i < rounds; i++) {
                    Frames.write(socket.getOutputStream(), request);
                    if (Frames.read(in) == null) {
                        throw new IOException("the warm-up server closed the connection after " + i + " replies");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println(name + ": warm-up failed, the first requests will be slower: " + e);
        }
    }

    /** A loopback server answering every frame with {@code reply}, e.g. a stand-in bank for the ATM's warm-up. */
    public static TcpServer answering(String name, byte[] reply) throws IOException {
        TcpServer server = TcpServer.bind(name, 0, socket -> {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (Frames.read(in) != null) {
                Frames.write(socket.getOutputStream(), reply);
            }
        });
        Thread acceptor = new Thread(server::acceptForever, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }
}
