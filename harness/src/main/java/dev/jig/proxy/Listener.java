package dev.jig.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A proxy's listening socket and its accept thread. A cut closes it (so that connecting is refused, as to a
 * host that is down); a restore opens a new one on the same port.
 */
final class Listener {

    private static final Duration REBIND_BUDGET = Duration.ofSeconds(2);

    private final ServerSocket socket;
    private final Thread acceptor;

    private Listener(ServerSocket socket, String name, Consumer<Socket> onAccept) {
        this.socket = socket;
        this.acceptor = TcpProxy.daemon(this.acceptLoop(onAccept), "jig-proxy-" + name + "-accept");
        acceptor.start();
    }

    /** Listens on {@code host:port} (0: an ephemeral port) and hands each accepted socket to {@code onAccept}. */
    static Listener open(String name, String host, int port, Consumer<Socket> onAccept) {
        return new Listener(bind(name, host, port), name, onAccept);
    }

    /** Listens again on a port just closed; the port may linger for a moment, so retry briefly. */
    static Listener reopen(String name, String host, int port, Consumer<Socket> onAccept) {
        long deadline = System.nanoTime() + REBIND_BUDGET.toNanos();
        while (true) {
            try {
                return open(name, host, port, onAccept);
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Stops accepting; new connections are refused. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // A listener that will not close is closed as far as we are concerned.
        }
    }

    /** Waits for the accept thread: the port is free only once its accept() has returned. */
    void join(long deadlineNanos) {
        long millis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (millis <= 0) {
            return; // a daemon thread: whatever is left cannot keep the JVM alive
        }
        try {
            acceptor.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable acceptLoop(Consumer<Socket> onAccept) {
        return () -> {
            while (true) {
                try {
                    onAccept.accept(socket.accept());
                } catch (IOException e) {
                    return; // closed: cut or close
                }
            }
        };
    }

    private static ServerSocket bind(String name, String host, int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port), 128);
            return socket;
        } catch (IOException e) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException("proxy " + name + " could not listen on " + host + ":" + port + ": "
                    + e.getMessage() + (port == 0 ? "" : "; another process took the port while the link "
                    + "was cut"), e);
        }
    }
}
