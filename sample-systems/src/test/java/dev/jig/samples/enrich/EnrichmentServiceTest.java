package dev.jig.samples.enrich;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jig.junit.FakeHttp;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.Postgres;
import dev.jig.junit.Proxy;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.samples.enrich.EnrichmentSummary.FailedItem;
import dev.jig.service.Backend;
import dev.jig.service.postgres.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The enrichment service from the asyncio talk, whole: a real PostgreSQL (one cluster per class, a fresh
 * database per test cloned from its template), a WireMock fake of the external catalog API behind a TCP fault
 * proxy, the service as its own JVM, and an HTTP client.
 */
@JigTest
@EnabledIf(value = "postgresOrCi", disabledReason = "PostgreSQL is not installed (looked for initdb and postgres:"
        + " pg_config --bindir, /usr/lib/postgresql/*/bin, PATH); 'apt-get install postgresql-15' to run this suite"
        + " (with CI=true it runs, and fails, instead)")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EnrichmentServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // One cluster for the class; every test gets its own database, a clone of the template.
    static final Postgres db = Postgres.cluster("db");

    final FakeHttp catalog = FakeServer.http("catalog");
    final Proxy catalogLink = Proxy.to("catalog-link", catalog);

    final SystemUnderTest enrich = SystemUnderTest.java("enrich", EnrichmentMain.class)
            .arg("--upstream", () -> "http://" + catalogLink.address())
            .arg("--db", db::jdbcUrl)                           // this test's database
            .args("--db-user", Postgres.USER, "--port", "0", "--concurrency", "4", "--item-timeout-ms", "1000",
                    "--retries", "2", "--backoff-ms", "50")
            .readyWhen(Ready.logLine("listening on port (\\d+)"));

    final HttpClient http = HttpClient.newHttpClient();

    /** Local binaries: else skipped, but under CI=true it runs and fails, saying what to install. */
    static boolean postgresOrCi() {
        return PostgresServer.spec("db").backend(Backend.LOCAL).availability().available()
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Test
    void enrichesEveryItemOfEveryPageIntoPostgres() throws Exception {
        customer("c1", List.of("a1", "a2", "a3"), List.of("a4"));

        EnrichmentSummary summary = enrich("c1");

        assertSummary(summary, new EnrichmentSummary("c1", 4, 4, 0, List.of(), List.of()));
        assertThat(rows("c1")).containsExactly("a1 books", "a2 books", "a3 books", "a4 books");
    }

    @Test
    void enrichingTwiceKeepsOneRowPerItem() throws Exception {
        customer("c1", List.of("a1", "a2"));

        enrich("c1");
        EnrichmentSummary again = enrich("c1");

        assertThat(again.written()).isEqualTo(2);
        assertThat(rows("c1")).containsExactly("a1 books", "a2 books");
    }

    @Test
    void retriesAnItemTheApiFailedOnceAndStoresIt() throws Exception {
        customer("c2", List.of("b1", "b2", "b3"));
        catalog.stubFor(get(urlEqualTo("/items/b2")).inScenario("b2").whenScenarioStateIs(STARTED)
                .willReturn(serverError().withBody("catalog overloaded")).willSetStateTo("recovered"));
        catalog.stubFor(get(urlEqualTo("/items/b2")).inScenario("b2").whenScenarioStateIs("recovered")
                .willReturn(okJson(details("b2"))));

        EnrichmentSummary summary = enrich("c2");

        assertSummary(summary, new EnrichmentSummary("c2", 3, 3, 1, List.of(), List.of()));
        assertThat(rows("c2")).containsExactly("b1 books", "b2 books", "b3 books");
        catalog.verify(2, getRequestedFor(urlEqualTo("/items/b2")));
    }

    @Test
    void recordsAnItemTheApiAnswersTooSlowlyAndStoresTheOthers() throws Exception {
        customer("c3", List.of("d1", "slow", "d3"));
        catalog.stubFor(get(urlEqualTo("/items/slow")).willReturn(okJson(details("slow")).withFixedDelay(1_500)));

        EnrichmentSummary summary = enrich("c3");

        assertThat(summary.timedOut()).containsExactly("slow");
        assertThat(summary.failed()).containsExactly(new FailedItem("slow", "timed out after 1000 ms", 3));
        assertThat(summary.retried()).isGreaterThanOrEqualTo(2);
        assertThat(rows("c3")).containsExactly("d1 books", "d3 books");
    }

    @Test
    void completesTheBatchThroughASlowLinkAndTakesAtLeastItsLatency() throws Exception {
        customer("c4", List.of("e1", "e2", "e3", "e4"));
        // Each chunk waits 150-170 ms each way: the page, then the items, each cross the link twice.
        catalogLink.latency(Duration.ofMillis(150), Duration.ofMillis(20));

        long started = System.nanoTime();
        EnrichmentSummary summary = enrich("c4");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertSummary(summary, new EnrichmentSummary("c4", 4, 4, 0, List.of(), List.of()));
        assertThat(rows("c4")).hasSize(4);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void anApiThatCannotListTheItemsGetsABadGatewayAndNothingIsWritten() throws Exception {
        catalog.stubFor(get(urlPathEqualTo("/customers/c5/items")).willReturn(serverError().withBody("down")));

        HttpResponse<String> response = post("c5");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("page 1 of c5 failed after 3"
                + " attempt(s): GET /customers/c5/items?page=1 answered HTTP 500: down");
        assertThat(rows("c5")).isEmpty();
    }

    /**
     * The summary is as expected, with at least the expected retries: a fresh WireMock's first answer can be
     * slow on a busy machine, and a page or item asked for again then is the service doing its job.
     */
    private static void assertSummary(EnrichmentSummary actual, EnrichmentSummary expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("retried").isEqualTo(expected);
        assertThat(actual.retried()).isGreaterThanOrEqualTo(expected.retried());
    }

    /** Stubs a customer's pages (page 1 first) and the details of every item on them. */
    @SafeVarargs
    private void customer(String customer, List<String>... pages) throws Exception {
        for (int i = 0; i < pages.length; i++) {
            var page = JSON.createObjectNode();
            var items = page.putArray("items");
            pages[i].forEach(id -> items.addObject().put("id", id));
            if (i + 1 < pages.length) {
                page.put("next", i + 2);
            }
            catalog.stubFor(get(urlPathEqualTo("/customers/" + customer + "/items"))
                    .withQueryParam("page", equalTo(String.valueOf(i + 1)))
                    .willReturn(okJson(JSON.writeValueAsString(page))));
            for (String id : pages[i]) {
                catalog.stubFor(get(urlEqualTo("/items/" + id)).willReturn(okJson(details(id))));
            }
        }
    }

    private static String details(String id) {
        return "{\"id\":\"" + id + "\",\"category\":\"books\",\"price\":12}";
    }

    private HttpResponse<String> post(String customer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + enrich.address() + "/customers/"
                + customer + "/enrich")).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private EnrichmentSummary enrich(String customer) throws Exception {
        HttpResponse<String> response = post(customer);
        assertThat(response.statusCode()).as("status of POST /customers/%s/enrich, body %s", customer,
                response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), EnrichmentSummary.class);
    }

    /** "item category" of the customer's rows, by item. */
    private static List<String> rows(String customer) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.connect();
                var query = connection.prepareStatement("SELECT item_id, details->>'category' FROM enriched_item"
                        + " WHERE customer_id = ? ORDER BY item_id")) {
            query.setString(1, customer);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2));
                }
            }
        }
        return rows;
    }
}
