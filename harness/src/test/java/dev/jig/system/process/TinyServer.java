package dev.jig.system.process;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A system under test for the tests: serves HTTP on 127.0.0.1 ({@code /health} answers 200, after
 * {@code healthyAfterMillis}), then prints "listening on port N". Args: port (0 = any) and optionally
 * the delay before it is healthy.
 */
public final class TinyServer {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long healthyAt = System.currentTimeMillis() + (args.length > 1 ? Long.parseLong(args[1]) : 0);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", exchange -> {
            int status = System.currentTimeMillis() >= healthyAt ? 200 : 503;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.out.println("listening on port " + server.getAddress().getPort());
        System.err.println("token=" + System.getenv("TINY_TOKEN"));
    }
}
