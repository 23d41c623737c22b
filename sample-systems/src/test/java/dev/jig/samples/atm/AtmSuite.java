package dev.jig.samples.atm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.fake.Reply;
import dev.jig.junit.Connect;
import dev.jig.junit.Endpoint;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.process.Ready;
import dev.jig.samples.bank.Balance;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ATM suite from the talk, run against every ATM implementation: each test gets its own fake bank,
 * its own ATM (a process or a container) pointed at it, and its own client.
 */
@JigTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class AtmSuite {

    static final Map<String, Long> BALANCES = Map.of("Jane Doe", 100L, "John Doe", 100L);

    final FakeServer bank = FakeServer.tcp("bank")
            .framing(Framing.lengthPrefixed(2))
            .codec(Codec.json())
            .respond(BalanceQuery.class, q -> new Balance(BALANCES.getOrDefault(q.customer(), 0L)));

    /** When an ATM is ready: it prints the port it listens on. */
    static final Ready READY = Ready.logLine("listening on port (\\d+)");

    final Endpoint atm = atm(bank);

    /**
     * How to start this implementation of the ATM, named "atm", with {@link #args(FakeServer)} and {@link #READY}:
     * a {@link SystemUnderTest} (a process) or a {@link dev.jig.junit.ContainerUnderTest}.
     */
    abstract Endpoint atm(FakeServer bank);

    /** The arguments every ATM implementation takes. */
    static Object[] args(FakeServer bank) {
        return new Object[] {"--bank", bank, "--port", "0", "--bank-timeout-ms", "2000"};
    }

    @Test
    void janeDoeCanWithdrawFiftyOfHerHundred(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(AtmRequest.withdraw("Jane Doe", 50)).join();

        assertThat(reply).isEqualTo(new AtmReply(true, 50, null));
        bank.verify().received(new BalanceQuery("Jane Doe"));
    }

    @Test
    void johnDoeCanWithdrawToo(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(AtmRequest.withdraw("John Doe", 50)).join();

        assertThat(reply).isEqualTo(new AtmReply(true, 50, null));
        bank.verify().received(new BalanceQuery("John Doe"));
    }

    @Test
    void anAnonymousCustomerIsRefused(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(AtmRequest.withdraw("Anonymous", 50)).join();

        assertThat(reply.success()).isFalse();
        assertThat(reply.error()).contains("insufficient funds");
        bank.verify().received(new BalanceQuery("Anonymous"));
    }

    @Test
    void aDepositRaisesTheBalance(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(AtmRequest.deposit("Jane Doe", 25)).join();

        assertThat(reply).isEqualTo(new AtmReply(true, 125, null));
    }

    @Test
    void withdrawingMoreThanTheBalanceIsRefused(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(AtmRequest.withdraw("Jane Doe", 150)).join();

        assertThat(reply.success()).isFalse();
        assertThat(reply.balance()).isEqualTo(100);
        assertThat(reply.error()).contains("insufficient funds");
    }

    @Test
    void anUnreachableBankGivesAnErrorNotSilence(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.server().close(); // the bank goes down while the ATM runs

        AtmReply reply = client.request(AtmRequest.withdraw("Jane Doe", 50)).join();

        assertThat(reply.success()).isFalse();
        assertThat(reply.error()).startsWith("bank unavailable");
    }

    @Test
    void aSlowBankGivesAnErrorNotSilence(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.server().respond(BalanceQuery.class, q -> Reply.after(Duration.ofSeconds(30), new Balance(100)));

        AtmReply reply = client.request(AtmRequest.withdraw("Jane Doe", 50)).join();

        assertThat(reply.success()).isFalse();
        assertThat(reply.error()).isEqualTo("bank timed out after 2000 ms");
    }

    @Test
    void oneConnectionServesManyRequestsInOrder(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        var first = client.request(AtmRequest.withdraw("Jane Doe", 10));
        var second = client.request(AtmRequest.deposit("John Doe", 5));
        var third = client.request(AtmRequest.withdraw("Anonymous", 1));

        assertThat(first.join()).isEqualTo(new AtmReply(true, 90, null));
        assertThat(second.join()).isEqualTo(new AtmReply(true, 105, null));
        assertThat(third.join().success()).isFalse();
        bank.verify().received(new BalanceQuery("Jane Doe")).received(new BalanceQuery("John Doe"));
    }
}
