package dev.jig.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Ready when a TCP connection to the given (or the system's) port succeeds, where the test reaches it. */
final class PortReady extends PolledCondition {

    private static final Duration MAX_CONNECT = Duration.ofSeconds(1);

    /** The port to check, or null for the system's own port. */
    private final Integer port;

    PortReady(Integer port, Duration timeout) {
        super(timeout);
        this.port = port;
    }

    static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535, got " + port);
        }
        return port;
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new PortReady(port, timeout);
    }

    @Override
    String attempt(ReadinessWait wait, Duration remaining) {
        int systemPort = port != null ? port : wait.requirePort(this);
        String address = wait.hostAddress(systemPort);
        int colon = address.lastIndexOf(':');
        int connectMillis = (int) Math.max(1, Math.min(remaining.toMillis(), MAX_CONNECT.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), connectMillis);
        } catch (IOException e) {
            return address + ": " + describeFailure(e);
        }
        if (!wait.target().current().listensOn(systemPort).orElse(true)) {
            return address + " accepted, but nothing listens on port " + systemPort + " inside yet (Docker's port "
                    + "proxy took the connection)";
        }
        return null;
    }

    @Override
    public String describe() {
        return port != null ? "a TCP connection to its port " + port : "a TCP connection to its port";
    }
}
