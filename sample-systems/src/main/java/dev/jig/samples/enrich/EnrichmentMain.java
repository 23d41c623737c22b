package dev.jig.samples.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.Usage;
import dev.jig.samples.cli.UsageException;
import dev.jig.samples.enrich.Store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enrichment service from the asyncio talk: {@code POST /customers/{id}/enrich} pages through the
 * customer's items on the external API, enriches them concurrently, saves them to PostgreSQL and answers an
 * {@link EnrichmentSummary}.
 *
 * <pre>
 * java -cp … dev.jig.samples.enrich.EnrichmentMain --port 0 --upstream http://127.0.0.1:8080 \
 *     --db jdbc:postgresql://127.0.0.1:5432/postgres --db-user jig --concurrency 4 --item-timeout-ms 1000
 * listening on port 41235
 * c1: 3 items, 2 written, 1 retried, 1 failed
 * </pre>
 */
public final class EnrichmentMain {

    static final String USAGE = """
            usage: EnrichmentMain --upstream URL --db JDBC_URL [options]
              --upstream URL          base URL of the external API (required)
              --db JDBC_URL           jdbc:postgresql://HOST:PORT/DB (required)
              --db-user NAME          database user (default postgres)
              --db-password TEXT      database password (default none)
              --port N                port on 127.0.0.1 to listen on (0 = choose a free one, default 0)
              --concurrency N         item calls at once (default 4)
              --item-timeout-ms N     how long one call to the API may take (default 1000)
              --retries N             retries of a call that failed for a passing reason (default 2)
              --backoff-ms N          pause before the first retry, doubled for each next one (default 50)""";

    private static final Pattern ENRICH = Pattern.compile("/customers/([^/]+)/enrich");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Enricher enricher;

    EnrichmentMain(Enricher enricher) {
        this.enricher = enricher;
    }

    public static void main(String[] args) throws IOException {
        EnrichOptions options;
        try {
            CommandLine line = CommandLine.parse(args, EnrichOptions.NAMES);
            if (line.help()) {
                Usage.help(USAGE);
            }
            options = EnrichOptions.from(line);
        } catch (UsageException e) {
            Usage.exit("enrich", USAGE, e);
            return;
        }
        Store store;
        try {
            store = JdbcStore.open(options.db(), options.dbUser(), options.dbPassword());
        } catch (StoreException e) {
            System.err.println("enrich: " + e.getMessage());
            System.exit(1);
            return;
        }
        // The enricher times calls out; the client's own, later timeout only ends calls the enricher abandoned.
        UpstreamClient upstream = new HttpUpstream(options.upstream(),
                options.settings().itemTimeout().plusSeconds(1));
        Enricher enricher = new Enricher(upstream, store, options.settings());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 50);
        ExecutorService requests = Executors.newFixedThreadPool(4);
        server.setExecutor(requests);
        server.createContext("/", new EnrichmentMain(enricher)::handle);
        server.start();
        // Jig's readiness check waits for exactly this line.
        System.out.println("listening on port " + server.getAddress().getPort());
        System.out.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = ENRICH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                reply(exchange, 404, Map.of("error", "no such resource; POST /customers/{id}/enrich"));
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, Map.of("error", "use POST /customers/{id}/enrich"));
            } else {
                enrich(exchange, URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8));
            }
        }
    }

    private void enrich(HttpExchange exchange, String customer) throws IOException {
        try {
            EnrichmentSummary summary = enricher.enrich(customer);
            log(customer + ": " + summary.items() + " items, " + summary.written() + " written, "
                    + summary.retried() + " retried, " + summary.failed().size() + " failed");
            reply(exchange, 200, summary);
        } catch (StoreException e) {
            log(customer + ": " + e.getMessage());
            reply(exchange, 500, Map.of("error", e.getMessage()));
        } catch (IOException e) {
            // A page could not be fetched: the external API is the problem, not the request.
            log(customer + ": " + e.getMessage());
            reply(exchange, 502, Map.of("error", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, Map.of("error", "the service is shutting down"));
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
