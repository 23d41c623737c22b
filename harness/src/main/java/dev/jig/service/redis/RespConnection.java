package dev.jig.service.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection speaking RESP, Redis's protocol: a command is an array of bulk strings; a reply is a simple
 * string ({@code +}), an error ({@code -}), an integer ({@code :}), a bulk string ({@code $}, {@code null} when
 * absent) or an array ({@code *}). Enough for Jig's own commands (PING, SELECT, FLUSHDB) and for tests; not a
 * client library.
 */
final class RespConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** Connects to {@code host:port}; every read waits at most {@code timeout}. */
    static RespConnection open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new RespConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether a server on {@code port} of 127.0.0.1 answers PING with +PONG within {@code timeout}. */
    static boolean pong(int port, Duration timeout) throws IOException {
        try (RespConnection connection = open("127.0.0.1", port, timeout)) {
            return "PONG".equals(connection.call("PING"));
        }
    }

    /** Sends one command and reads its reply. An error reply throws {@link RedisException}. */
    synchronized Object call(String... command) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        writeAscii(request, "*" + command.length + "\r\n");
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            writeAscii(request, "$" + bytes.length + "\r\n");
            request.write(bytes);
            writeAscii(request, "\r\n");
        }
        out.write(request.toByteArray());
        out.flush();
        return read();
    }

    private Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection");
        }
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RedisException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
                    throw new EOFException("the server closed the connection inside a reply");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("not a RESP reply: a line starting with '" + (char) type + "': " + line);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the server closed the connection inside a reply");
            }
            if (previous == '\r' && next == '\n') {
                byte[] bytes = text.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            text.write(next);
            previous = next;
        }
    }

    private static void writeAscii(ByteArrayOutputStream target, String text) {
        target.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
