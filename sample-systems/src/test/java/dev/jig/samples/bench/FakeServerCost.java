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
 * (b) The per-test cost of a fake: start, one request, stop — bare JDK sockets (the limit), Jig's fake TCP
 * server with its framed client, and a WireMock server with the JDK's HTTP client. (c) A framed client's
 * connect and close against a bare socket's, to the same listening fake. Rounds alternate; the first rounds
 * warm up.
 */
final class FakeServerCost {

    /** The series in the order {@link #measure} returns them. */
    static final int LIMIT = 0;
    static final int JIG = 1;
    static final int WIREMOCK = 2;
    static final int RAW_CONNECT = 3;
    static final int FRAMED_CONNECT = 4;

    private static final int SOCKET_WARMUP = Integer.getInteger("jig.bench.socketWarmup", 2000);

    private final List<Long> limit = new ArrayList<>();
    private final List<Long> jig = new ArrayList<>();
    private final List<Long> wireMock = new ArrayList<>();
    private final List<Long> rawConnect = new ArrayList<>();
    private final List<Long> framedConnect = new ArrayList<>();

    List<Figures> measure(int warmup, int rounds) throws Exception {
        try (FakeTcpServer listening = FakeTcpServer.spec("listening").codec(BANK_CODEC).start()) {
            // A round of the sockets and Jig takes about a millisecond: warm them until the JIT has compiled them,
            // as it has by the time a suite's fakes start; WireMock's rounds are slower and warm on their own.
            for (int i = 0; i < SOCKET_WARMUP; i++) {
                RawSockets.round();
                jigRound();
                RawSockets.connectAndClose(listening.port());
                framedConnect(listening);
            }
            for (int i = 0; i < warmup + rounds; i++) {
                boolean keep = i >= warmup;
                keep(keep, limit, RawSockets.round());
                keep(keep, jig, jigRound());
                keep(keep, wireMock, wireMockRound());
                keep(keep, rawConnect, RawSockets.connectAndClose(listening.port()));
                keep(keep, framedConnect, framedConnect(listening));
            }
        }
        return List.of(Figures.of("(b) start + 1 request + stop: raw JDK sockets (limit)", limit),
                Figures.of("(b) start + 1 request + stop: Jig FakeTcpServer", jig),
                Figures.of("(b) start + 1 request + stop: WireMock", wireMock),
                Figures.of("(c) connect + close: raw JDK socket (limit)", rawConnect),
                Figures.of("(c) connect + close: Jig FramedClient", framedConnect));
    }

    private static void keep(boolean keep, List<Long> series, long nanos) {
        if (keep) {
            series.add(nanos);
        }
    }

    private static long framedConnect(FakeTcpServer listening) {
        long start = System.nanoTime();
        FramedClient.<BalanceQuery, Balance>builder(Balance.class).codec(BANK_CODEC)
                .connect(listening.host(), listening.port()).close();
        return System.nanoTime() - start;
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
