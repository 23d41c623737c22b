package dev.jig.samples.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jig.client.FramedClient;
import dev.jig.fake.FakeTcpServer;
import dev.jig.samples.bank.Balance;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import dev.jig.wire.Codec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * (b) The per-test cost of a fake: start, one request, stop — Jig's fake TCP server with its framed client
 * against a WireMock server with the JDK's HTTP client. Rounds alternate; the first rounds warm up.
 */
final class FakeServerCost {

    private final List<Long> jig = new ArrayList<>();
    private final List<Long> wireMock = new ArrayList<>();

    List<Figures> measure(int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup + rounds; i++) {
            long a = jigRound();
            long b = wireMockRound();
            if (i >= warmup) {
                jig.add(a);
                wireMock.add(b);
            }
        }
        return List.of(Figures.of("(b) start + 1 request + stop: Jig FakeTcpServer", jig),
                Figures.of("(b) start + 1 request + stop: WireMock", wireMock));
    }

    private static final Codec BANK_CODEC = Codec.protobuf(BalanceQuery.class, Balance.class);

    private static long jigRound() {
        long start = System.nanoTime();
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").codec(BANK_CODEC)
                .respond(BalanceQuery.class, q -> BankMessages.balance(100)).start();
             FramedClient<BalanceQuery, Balance> client = FramedClient.<BalanceQuery, Balance>builder(Balance.class)
                     .codec(BANK_CODEC).connect(bank.host(), bank.port())) {
            if (client.request(BankMessages.query("Jane Doe")).join().getBalance() != 100) {
                throw new IllegalStateException("wrong balance");
            }
        }
        return System.nanoTime() - start;
    }

    private static long wireMockRound() throws IOException, InterruptedException {
        long start = System.nanoTime();
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(get(urlEqualTo("/balance/jane")).willReturn(aResponse().withBody("{\"balance\":100}")));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/balance/jane")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!response.body().contains("100")) {
                throw new IllegalStateException("wrong balance");
            }
        } finally {
            server.stop();
        }
        return System.nanoTime() - start;
    }
}
