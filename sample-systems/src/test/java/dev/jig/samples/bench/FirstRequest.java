package dev.jig.samples.bench;

import dev.jig.client.FramedClient;
import dev.jig.fake.FakeTcpServer;
import dev.jig.process.ProcessSpec;
import dev.jig.process.Ready;
import dev.jig.process.SystemProcess;
import dev.jig.samples.adder.AddReply;
import dev.jig.samples.adder.AddRequest;
import dev.jig.samples.adder.AdderMain;
import dev.jig.samples.atm.AtmMain;
import dev.jig.samples.atm.AtmMessages;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.bank.Balance;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMain;
import dev.jig.samples.bank.BankMessages;
import dev.jig.wire.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * (d) Ready means ready: the first request to a sample JVM system just after it said it was ready, started cold
 * ({@code --warm-up 0}) and as it starts by default (its hot path served to itself before the readiness line);
 * and what the warm-up adds to start-to-ready. Rounds alternate cold and warm.
 */
final class FirstRequest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Codec BANK_CODEC = Codec.protobuf(BalanceQuery.class, Balance.class);
    private static final Codec ATM_CODEC = Codec.protobuf(AtmRequest.class, AtmReply.class);
    private static final Codec ADDER_CODEC = Codec.protobuf(AddRequest.class, AddReply.class);

    private interface FirstCall {
        /** Starts the system with {@code --warm-up rounds}; returns {start-to-ready, first request} in nanos. */
        long[] measure(int warmUpRounds);
    }

    List<Figures> measure(int rounds) {
        List<Figures> figures = new ArrayList<>();
        figures.addAll(series("Java ATM (asks a fake bank)", FirstRequest::atm, rounds));
        figures.addAll(series("Java bank", FirstRequest::bank, rounds));
        figures.addAll(series("Java adder", FirstRequest::adder, rounds));
        return figures;
    }

    private static List<Figures> series(String system, FirstCall call, int rounds) {
        List<Long> coldFirst = new ArrayList<>();
        List<Long> warmFirst = new ArrayList<>();
        List<Long> coldReady = new ArrayList<>();
        List<Long> warmReady = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long[] cold = call.measure(0);
            long[] warm = call.measure(dev.jig.samples.net.WarmUp.DEFAULT_ROUNDS);
            coldReady.add(cold[0]);
            coldFirst.add(cold[1]);
            warmReady.add(warm[0]);
            warmFirst.add(warm[1]);
        }
        return List.of(Figures.of("(d) first request, cold (--warm-up 0): " + system, coldFirst),
                Figures.of("(d) first request, warmed before ready: " + system, warmFirst),
                Figures.of("(d) start to ready, cold: " + system, coldReady),
                Figures.of("(d) start to ready, warmed: " + system, warmReady));
    }

    private static long[] atm(int warmUpRounds) {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").codec(BANK_CODEC)
                .respond(BalanceQuery.class, q -> BankMessages.balance(100)).start()) {
            long start = System.nanoTime();
            try (SystemProcess atm = ProcessSpec.java("atm", AtmMain.class)
                    .args("--bank", bank.address(), "--port", "0", "--warm-up", String.valueOf(warmUpRounds))
                    .readyWhen(Ready.logLine("listening on port (\\d+)")).readyTimeout(TIMEOUT).start();
                 FramedClient<AtmRequest, AtmReply> client = FramedClient.<AtmRequest, AtmReply>builder(AtmReply.class)
                         .codec(ATM_CODEC).connect(atm.host(), atm.port().getAsInt())) {
                long ready = System.nanoTime();
                client.request(AtmMessages.withdraw("Jane Doe", 50)).join();
                return new long[] {ready - start, System.nanoTime() - ready};
            }
        }
    }

    private static long[] bank(int warmUpRounds) {
        long start = System.nanoTime();
        try (SystemProcess bank = ProcessSpec.java("bank", BankMain.class)
                .args("--port", "0", "--warm-up", String.valueOf(warmUpRounds))
                .readyWhen(Ready.logLine("bank listening on port (\\d+)")).readyTimeout(TIMEOUT).start();
             FramedClient<BalanceQuery, Balance> client = FramedClient.<BalanceQuery, Balance>builder(Balance.class)
                     .codec(BANK_CODEC).connect(bank.host(), bank.port().getAsInt())) {
            long ready = System.nanoTime();
            client.request(BankMessages.query("Jane Doe")).join();
            return new long[] {ready - start, System.nanoTime() - ready};
        }
    }

    private static long[] adder(int warmUpRounds) {
        long start = System.nanoTime();
        try (SystemProcess adder = ProcessSpec.java("adder", AdderMain.class)
                .args("--port", "0", "--warm-up", String.valueOf(warmUpRounds))
                .readyWhen(Ready.logLine("adder listening on port (\\d+)")).readyTimeout(TIMEOUT).start();
             FramedClient<AddRequest, AddReply> client = FramedClient.<AddRequest, AddReply>builder(AddReply.class)
                     .codec(ADDER_CODEC).connect(adder.host(), adder.port().getAsInt())) {
            long ready = System.nanoTime();
            client.request(AddRequest.newBuilder().setA(3).setB(4).build()).join();
            return new long[] {ready - start, System.nanoTime() - ready};
        }
    }
}
