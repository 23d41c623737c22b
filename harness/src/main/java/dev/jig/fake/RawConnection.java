package dev.jig.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.server.HttpConnection;

/**
 * The raw socket under the request WireMock is serving on this thread, for the one fault WireMock cannot
 * express: a chosen number of random bytes. Jetty keeps the connection being handled in a thread local.
 */
final class RawConnection {

    private static final long WRITE_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);

    private RawConnection() {
    }

    /**
     * Writes {@code count} random bytes (the same bytes for the same request number) straight to the
     * connection. Returns false if there is no plain socket to write to.
     */
    static boolean writeGarbage(int count, long requestNumber) {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        if (connection == null || !(connection.getEndPoint().getTransport() instanceof SocketChannel channel)) {
            return false;
        }
        byte[] bytes = new byte[count];
        new SplittableRandom(requestNumber).nextBytes(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + WRITE_BUDGET_NANOS;
        try {
            // Jetty's channels are non-blocking: a large amount may need several writes
            while (buffer.hasRemaining() && System.nanoTime() < deadline) {
                if (channel.write(buffer) == 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } catch (IOException e) {
            return true; // the client left; the fault has done its job
        }
        return true;
    }
}
