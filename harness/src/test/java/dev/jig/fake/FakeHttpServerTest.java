package dev.jig.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jig.record.FakeRecord;
import dev.jig.record.Timeline;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeHttpServerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final FakeHttpServerSpec CATALOG = FakeHttpServer.spec("catalog")
            .stub(get("/items/7").willReturn(okJson("{\"id\":7,\"price\":3}")))
            .stub(post("/orders").withRequestBody(equalToJson("{\"item\":7}")).willReturn(okJson("{\"order\":1}")));

    static HttpResponse<String> send(FakeHttpServer server, String method, String path, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithItsStubsOnAnEphemeralLoopbackPortAndJournalsEachRequest() throws Exception {
        try (FakeHttpServer server = CATALOG.start()) {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());

            assertThat(send(server, "GET", "/items/7", null).body()).isEqualTo("{\"id\":7,\"price\":3}");
            assertThat(send(server, "POST", "/orders", "{\"item\":7}").statusCode()).isEqualTo(200);

            assertThat(server.journal()).extracting(HttpExchange::number, HttpExchange::method, HttpExchange::url,
                    HttpExchange::status, HttpExchange::matched)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "GET", "/items/7", 200, true),
                            org.assertj.core.groups.Tuple.tuple(2, "POST", "/orders", 200, true));
            assertThat(server.journal().get(0).formatted()).startsWith("#1 GET /items/7 -> 200 in ");
            server.verify(getRequestedFor(urlEqualTo("/items/7")));
            server.verify(1, postRequestedFor(urlEqualTo("/orders")));
        }
    }

    @Test
    void itsRequestsAndResponsesArePairedInTheTestsTrace() throws Exception {
        Timeline timeline = Timeline.startingNow();
        try (FakeHttpServer server = CATALOG.start(timeline)) {
            send(server, "GET", "/items/7", null);
            send(server, "GET", "/nothing", null);
            send(server, "POST", "/orders", "{\"item\":7}");
        }
        dev.jig.record.TraceRecord trace = timeline.trace().toRecord();

        assertThat(trace.messages()).filteredOn(m -> m.kind().equals("request"))
                .extracting(dev.jig.record.TraceMessage::label, dev.jig.record.TraceMessage::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET /items/7", null),
                        org.assertj.core.groups.Tuple.tuple("GET /nothing", "unmatched: no stub answered it"),
                        org.assertj.core.groups.Tuple.tuple("POST /orders", null));
        for (dev.jig.record.TraceMessage request : trace.messages()) {
            if (request.kind().equals("request")) {
                dev.jig.record.TraceMessage reply = trace.messages().stream()
                        .filter(m -> m.replyTo() != null && m.replyTo() == request.id()).findFirst().orElseThrow();
                assertThat(reply.from()).isEqualTo("catalog");
                assertThat(reply.label()).isEqualTo(request.label().equals("GET /nothing") ? "HTTP 404" : "HTTP 200");
                assertThat(reply.sentNanos()).isGreaterThanOrEqualTo(request.receivedNanos());
            }
        }
        assertThat(trace.holds()).hasSize(3).allMatch(h -> h.participant().equals("catalog"));
    }

    @Test
    void runtimeStubsAndEachStartOfTheSameSpecAreIndependent() throws Exception {
        try (FakeHttpServer first = CATALOG.start(); FakeHttpServer second = CATALOG.start()) {
            first.stubFor(get("/extra").willReturn(okJson("{}")));
            assertThat(send(first, "GET", "/extra", null).statusCode()).isEqualTo(200);
            assertThat(send(second, "GET", "/extra", null).statusCode()).isEqualTo(404);
            assertThat(send(second, "GET", "/items/7", null).statusCode()).isEqualTo(200);
            assertThat(first.port()).isNotEqualTo(second.port());
        }
    }

    @Test
    void verifyWaitsForARequestStillOnItsWay() throws Exception {
        try (FakeHttpServer server = CATALOG.start()) {
            CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    send(server, "GET", "/items/7", null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            server.verify(Duration.ofSeconds(10), getRequestedFor(urlEqualTo("/items/7")));
            late.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void verifyFailsAfterItsTimeoutSayingWhatWasExpectedAndWhatCame() throws Exception {
        try (FakeHttpServer server = CATALOG.start()) {
            send(server, "GET", "/items/8", null);
            long started = System.nanoTime();
            assertThatThrownBy(() -> server.verify(Duration.ofMillis(300), getRequestedFor(urlEqualTo("/items/7"))))
                    .isInstanceOf(VerificationException.class)
                    .hasMessageContaining("catalog (fake http at " + server.address() + ") expected at least one")
                    .hasMessageContaining("/items/7")
                    .hasMessageContaining("within 300 ms but 0 matched")
                    .hasMessageContaining("#1 GET /items/8 -> 404 (unmatched)");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
            send(server, "GET", "/items/7", null);
            send(server, "GET", "/items/7", null);
            assertThatThrownBy(() -> server.verify(Duration.ofMillis(100), 1, getRequestedFor(urlEqualTo("/items/7"))))
                    .hasMessageContaining("expected exactly 1 requests matching")
                    .hasMessageContaining("but 2 matched");
        }
    }

    @Test
    void unmatchedRequestsCarryTheNearMissDiffUntilTaken() throws Exception {
        try (FakeHttpServer server = CATALOG.start()) {
            send(server, "POST", "/orders", "{\"item\":8}");
            assertThat(server.unmatched()).singleElement().satisfies(miss -> {
                assertThat(miss.method()).isEqualTo("POST");
                assertThat(miss.url()).isEqualTo("/orders");
                assertThat(miss.formatted()).startsWith("POST /orders matched no stub; closest stub:")
                        .contains("Body does not match").contains("\"item\" : 7").contains("\"item\" : 8");
            });
            assertThat(server.takeUnmatched()).hasSize(1);
            assertThat(server.unacknowledgedUnmatched()).isEmpty();
            assertThat(server.unmatched()).hasSize(1);
        }
    }

    @Test
    void recordSummarisesTheJournalAfterClose() throws Exception {
        Timeline timeline = Timeline.startingNow();
        FakeHttpServer server = CATALOG.start(timeline);
        send(server, "GET", "/items/7", null);
        send(server, "GET", "/nothing", null);
        server.close();
        server.close();
        FakeRecord record = server.toRecord();
        assertThat(record.name()).isEqualTo("catalog");
        assertThat(record.kind()).isEqualTo("http");
        assertThat(record.address()).isEqualTo(server.address());
        assertThat(record.received()).isEqualTo(2);
        assertThat(record.unmatched()).singleElement().asString().startsWith("GET /nothing matched no stub");
        assertThat(record.faults()).isEmpty();
        assertThat(timeline.phases()).extracting(p -> p.name()).containsExactly("start catalog");
    }

    @Test
    void aTakenPortFailsTheStartWithAHint() {
        try (FakeHttpServer server = CATALOG.start()) {
            assertThatThrownBy(() -> CATALOG.port(server.port()).start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("could not start fake catalog on 127.0.0.1:" + server.port())
                    .hasMessageContaining("use port 0");
        }
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> FakeHttpServer.spec(" ")).hasMessageContaining("needs a name");
    }
}
