package dev.jig.client;

import dev.jig.record.TraceLog;
import dev.jig.support.Durations;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** What a {@link FramedClient.Builder} collected, and how to connect with it. */
record ClientSettings<R>(Class<R> replyType, Framing framing, Codec codec, Duration timeout,
                         String name, int maxFrameBytes, Duration connectTimeout, TraceLog trace) {

    /** Connects, naming the client {@code host:port} if no name was given. */
    <Q> FramedClient<Q, R> connect(InetSocketAddress address) {
        String where = address.getHostString() + ":" + address.getPort();
        ClientSettings<R> named = name != null ? this
                : new ClientSettings<>(replyType, framing, codec, timeout, where, maxFrameBytes,
                        connectTimeout, trace);
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // requests are small and latency is what tests measure
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            return new FramedClient<>(named, socket);
        } catch (IOException e) {
            closeQuietly(socket, e);
            String within = e instanceof SocketTimeoutException
                    ? " within " + Durations.human(connectTimeout) : "";
            String whom = name != null ? name + " at " + where : where;
            throw new ClientConnectException("could not connect to " + whom + within + ": "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket socket, IOException into) {
        try {
            socket.close();
        } catch (IOException e) {
            into.addSuppressed(e);
        }
    }
}
