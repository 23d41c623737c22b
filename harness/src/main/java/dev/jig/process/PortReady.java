package dev.jig.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Ready when a TCP connection to 127.0.0.1 on the given (or the process's) port succeeds. */
final class PortReady extends PolledCondition {

    private static final Duration MAX_CONNECT = Duration.ofSeconds(1);

    /** The port to check, or null for the process's own port. */
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
        int target = port != null ? port : wait.requirePort(this);
        int connectMillis = (int) Math.max(1, Math.min(remaining.toMillis(), MAX_CONNECT.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(SystemProcess.HOST, target), connectMillis);
            return null;
        } catch (IOException e) {
            return SystemProcess.HOST + ":" + target + ": " + describeFailure(e);
        }
    }

    @Override
    public String describe() {
        return port != null
                ? "a TCP connection to " + SystemProcess.HOST + ":" + port
                : "a TCP connection to its port on " + SystemProcess.HOST;
    }
}
