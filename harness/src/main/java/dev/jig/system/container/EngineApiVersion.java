package dev.jig.system.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Testcontainers 2.0.2 speaks Docker API 1.44 unless told otherwise, which engines older than Docker 25 (such
 * as Debian 12's docker.io 20.10, API 1.41) refuse. So before Testcontainers connects, Jig asks the engine on
 * the local socket which version it speaks and, if that is older, sets docker-java's {@code api.version}
 * system property to it. A value the user set is left alone, and so is a remote DOCKER_HOST.
 */
final class EngineApiVersion {

    static final String PROPERTY = "api.version";
    private static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    private static final Pattern API_VERSION = Pattern.compile("\"ApiVersion\"\\s*:\\s*\"(\\d+)\\.(\\d+)\"");
    private static final int TESTCONTAINERS_DEFAULT_MINOR = 44;

    private EngineApiVersion() {
    }

    static void configure() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path socket = localSocket();
        if (socket == null || !Files.exists(socket)) {
            return;
        }
        String version = ask(socket);
        if (version != null && minor(version) < TESTCONTAINERS_DEFAULT_MINOR) {
            System.setProperty(PROPERTY, version);
        }
    }

    private static Path localSocket() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            return Path.of(DEFAULT_SOCKET);
        }
        return host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
    }

    /** "1.41", or null if the engine did not answer. Unversioned {@code GET /version} works on every engine. */
    static String ask(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /version HTTP/1.0\r\nHost: docker\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0 && answer.size() < 1 << 20) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            Matcher match = API_VERSION.matcher(answer.toString(StandardCharsets.UTF_8));
            return match.find() ? match.group(1) + "." + match.group(2) : null;
        } catch (IOException | RuntimeException e) {
            return null; // no engine here: Testcontainers will say so
        }
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }
}
