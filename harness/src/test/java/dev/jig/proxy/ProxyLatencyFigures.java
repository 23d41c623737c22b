package dev.jig.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * The proxy's own cost: round trips of a 64-byte message to an echo server, direct and through a
 * {@link TcpProxy} with nothing configured, interleaved in blocks so both see the same machine load.
 * Prints the median and 90th percentile of each and the median difference.
 *
 * <pre>
 * ./mvnw -B -q verify -pl harness -Pproxy-bench
 * </pre>
 */
public final class ProxyLatencyFigures {

    private static final int WARMUP = 2_000;
    private static final int BLOCKS = 10;
    private static final int PER_BLOCK = 500;

    private ProxyLatencyFigures() {
    }

    public static void main(String[] args) throws IOException {
        try (EchoServer echo = new EchoServer();
             TcpProxy proxy = TcpProxy.spec("bench").target("127.0.0.1", echo.port()).start();
             Socket direct = connect(echo.port());
             Socket proxied = connect(proxy.port())) {
            byte[] message = new byte[64];
            roundTrips(direct, message, WARMUP);
            roundTrips(proxied, message, WARMUP);
            long[] directNanos = new long[BLOCKS * PER_BLOCK];
            long[] proxiedNanos = new long[BLOCKS * PER_BLOCK];
            for (int block = 0; block < BLOCKS; block++) {
                System.arraycopy(roundTrips(direct, message, PER_BLOCK), 0, directNanos, block * PER_BLOCK, PER_BLOCK);
                System.arraycopy(roundTrips(proxied, message, PER_BLOCK), 0, proxiedNanos, block * PER_BLOCK,
                        PER_BLOCK);
            }
            Arrays.sort(directNanos);
            Arrays.sort(proxiedNanos);
            System.out.printf("round trip of 64 bytes, %d each, %d cores:%n", directNanos.length,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  direct        median %6.1f us   p90 %6.1f us%n", micros(directNanos, 0.5),
                    micros(directNanos, 0.9));
            System.out.printf("  through proxy median %6.1f us   p90 %6.1f us%n", micros(proxiedNanos, 0.5),
                    micros(proxiedNanos, 0.9));
            System.out.printf("  added by the proxy (median): %.1f us%n",
                    micros(proxiedNanos, 0.5) - micros(directNanos, 0.5));
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static long[] roundTrips(Socket socket, byte[] message, int count) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            out.write(message);
            out.flush();
            if (in.readNBytes(message.length).length != message.length) {
                throw new IOException("the echo server closed the connection during the benchmark");
            }
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
    }
}
