package dev.jig.samples.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server with one thread per connection.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.bind("atm", 0, socket -> serve(socket))) {
 *     System.out.println("listening on port " + server.port());
 *     server.acceptForever();
 * }
 * }</pre>
 */
public final class TcpServer implements AutoCloseable {

    /** Serves one accepted connection; the server closes the socket afterwards. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket) throws IOException;
    }

    private final String name;
    private final ServerSocket serverSocket;
    private final Handler handler;
    private final AtomicInteger connections = new AtomicInteger();

    private TcpServer(String name, ServerSocket serverSocket, Handler handler) {
        this.name = name;
        this.serverSocket = serverSocket;
        this.handler = handler;
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port). */
    public static TcpServer bind(String name, int port, Handler handler) throws IOException {
        return bind(name, "127.0.0.1", port, handler);
    }

    /** Binds {@code address}:{@code port}, e.g. {@code "0.0.0.0"} for every interface (0 = any free port). */
    public static TcpServer bind(String name, String address, int port, Handler handler) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port), 50);
        } catch (IOException e) {
            socket.close();
            throw new IOException(name + " could not listen on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        return new TcpServer(name, socket, handler);
    }

    /** The bound port (the chosen one when bound to port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Accepts connections until the server is closed, each served on its own daemon thread. */
    public void acceptForever() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    System.err.println(name + ": accept failed: " + e.getMessage());
                }
                continue;
            }
            Thread thread = new Thread(() -> serveAndClose(socket), name + "-connection-" + connections.incrementAndGet());
            // Daemon: connection threads must never keep the process alive after SIGTERM.
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serveAndClose(Socket socket) {
        try (socket) {
            handler.serve(socket);
        } catch (IOException e) {
            System.err.println(name + ": connection from " + socket.getRemoteSocketAddress() + " ended: " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println(name + ": connection from " + socket.getRemoteSocketAddress() + " failed: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
