package dev.jig.samples.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The external API over HTTP: {@code GET {base}/customers/{id}/items?page=N} answers
 * {@code {"items":[{"id":"i1"},…],"next":2}} ({@code next} absent or null on the last page) and
 * {@code GET {base}/items/{id}} answers the item's details as JSON.
 *
 * <pre>{@code
 * UpstreamClient upstream = new HttpUpstream(URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(1));
 * }</pre>
 */
public final class HttpUpstream implements UpstreamClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /** {@code timeout} bounds connecting and each request, so that abandoned calls end too. */
    public HttpUpstream(URI base, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Page page(String customerId, int number) throws IOException, InterruptedException {
        String path = "/customers/" + encode(customerId) + "/items?page=" + number;
        JsonNode page = parse(path, get(path));
        JsonNode items = page.path("items");
        if (!items.isArray()) {
            throw new IOException("GET " + path + ": expected {\"items\":[…],\"next\":N}, got " + page);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode id = item.isObject() ? item.get("id") : item;
            if (id == null || !id.isValueNode()) {
                throw new IOException("GET " + path + ": an item without an id: " + item);
            }
            ids.add(id.asText());
        }
        JsonNode next = page.path("next");
        return new Page(ids, next.isIntegralNumber() ? Integer.valueOf(next.intValue()) : null);
    }

    @Override
    public String item(String itemId) throws IOException, InterruptedException {
        String path = "/items/" + encode(itemId);
        String body = get(path);
        parse(path, body); // stored as JSON, so it must be JSON
        return body;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new UpstreamException("GET " + path, response.statusCode(), response.body());
        }
        return response.body();
    }

    private static JsonNode parse(String path, String body) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException("GET " + path + " answered something that is not JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
