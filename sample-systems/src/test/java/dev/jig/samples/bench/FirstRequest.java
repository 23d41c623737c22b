package dev.jig.samples.bench;

import dev.jig.client.FramedClient;
import dev.jig.fake.FakeTcpServer;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemSpec;
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
            return firstCall(SystemSpec.java("atm", AtmMain.class).args("--bank", bank.address()), warmUpRounds,
                    "listening on port (\\d+)", ATM_CODEC, AtmReply.class, AtmMessages.withdraw("Jane Doe", 50));
        }
    }

    private static long[] bank(int warmUpRounds) {
        return firstCall(SystemSpec.java("bank", BankMain.class), warmUpRounds, "bank listening on port (\\d+)",
                BANK_CODEC, Balance.class, BankMessages.query("Jane Doe"));
    }

    private static long[] adder(int warmUpRounds) {
        return firstCall(SystemSpec.java("adder", AdderMain.class), warmUpRounds, "adder listening on port (\\d+)",
                ADDER_CODEC, AddReply.class, AddRequest.newBuilder().setA(3).setB(4).build());
    }

    /** Starts {@code system} on a free port, connects, sends {@code request}: {start-to-ready, first request}. */
    private static <Q, R> long[] firstCall(SystemSpec system, int warmUpRounds, String readyLine, Codec codec,
                                           Class<R> replyType, Q request) {
        long start = System.nanoTime();
        try (RunningSystem running = system.args("--port", "0", "--warm-up", String.valueOf(warmUpRounds))
                .readyWhen(Ready.logLine(readyLine)).readyTimeout(TIMEOUT).start();
             FramedClient<Q, R> client = FramedClient.<Q, R>builder(replyType).codec(codec)
                     .connect(running.host(), running.port().getAsInt())) {
            long ready = System.nanoTime();
            client.request(request).join();
            return new long[] {ready - start, System.nanoTime() - ready};
        }
    }
}
