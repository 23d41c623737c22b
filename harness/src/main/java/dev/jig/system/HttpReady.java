package dev.jig.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Ready when a GET answers with a 2xx status. */
final class HttpReady extends PolledCondition {

    private static final Duration MAX_REQUEST = Duration.ofSeconds(2);

    // One client for all checks: it owns a selector thread, and checks are short and few.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A path on the system's own port, or null when {@link #uri} is given. */
    private final String path;
    private final URI uri;

    HttpReady(String path, URI uri, Duration timeout) {
        super(timeout);
        this.path = path;
        this.uri = uri;
    }

    static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Ready.http(path) needs a path starting with '/', got '"
                    + path + "'; for a full address use Ready.http(URI.create(\"http://...\"))");
        }
        return path;
    }

    static URI checkUri(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("Ready.http(uri) needs an absolute http:// or https:// URI, got "
                    + uri);
        }
        return uri;
    }

    @Override
    ReadyCondition withTimeout(Duration timeout) {
        return new HttpReady(path, uri, timeout);
    }

    @Override
    String attempt(ReadinessWait wait, Duration remaining) {
        URI target = uri != null ? uri
                : URI.create("http://" + wait.hostAddress(wait.requirePort(this)) + path);
        Duration requestTimeout = remaining.compareTo(MAX_REQUEST) < 0 && !remaining.isZero()
                && !remaining.isNegative() ? remaining : MAX_REQUEST;
        HttpRequest request = HttpRequest.newBuilder(target).timeout(requestTimeout).GET().build();
        try {
            int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status + " from " + target;
        } catch (IOException e) {
            return target + ": " + describeFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return target + ": interrupted";
        }
    }

    @Override
    public String describe() {
        return uri != null
                ? "a 2xx answer to GET " + uri
                : "a 2xx answer to GET " + path + " on its port";
    }
}
