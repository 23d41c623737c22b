package dev.jig.samples.atm;

import static dev.jig.samples.atm.AtmMessages.deposit;
import static dev.jig.samples.atm.AtmMessages.ok;
import static dev.jig.samples.atm.AtmMessages.withdraw;
import static dev.jig.samples.bank.BankMessages.balance;
import static dev.jig.samples.bank.BankMessages.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.fake.Reply;
import dev.jig.junit.Connect;
import dev.jig.junit.Endpoint;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
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
 * its own ATM (a process or a container) pointed at it, and its own client. Bank and ATM speak protobuf
 * ({@code bank.proto}, {@code atm.proto}) in 2-byte length-prefixed frames.
 */
@JigTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class AtmSuite {

    static final Map<String, Long> BALANCES = Map.of("Jane Doe", 100L, "John Doe", 100L);

    /** The bank's protocol: the fake bank decodes BalanceQuery and shows messages by these types. */
    static final Codec BANK_CODEC = Codec.protobuf(BalanceQuery.class, Balance.class);
    /** The ATM's protocol, for every ATM implementation and its clients. */
    static final Codec ATM_CODEC = Codec.protobuf(AtmRequest.class, AtmReply.class);
    static final Framing FRAMING = Framing.lengthPrefixed(2);

    final FakeServer bank = FakeServer.tcp("bank")
            .framing(FRAMING)
            .codec(BANK_CODEC)
            .respond(BalanceQuery.class, q -> balance(BALANCES.getOrDefault(q.getCustomer(), 0L)));

    /** When an ATM is ready: it prints the port it listens on. */
    static final Ready READY = Ready.logLine("listening on port (\\d+)");

    final Endpoint atm = atm(bank);

    /**
     * How to start this implementation of the ATM, named "atm", with {@link #args(FakeServer)}, {@link #READY}
     * and the protocol {@link #FRAMING} and {@link #ATM_CODEC}: a {@link SystemUnderTest} of any backend (a
     * process, a container).
     */
    abstract Endpoint atm(FakeServer bank);

    /** The arguments every ATM implementation takes. */
    static Object[] args(FakeServer bank) {
        return new Object[] {"--bank", bank, "--port", "0", "--bank-timeout-ms", "2000"};
    }

    @Test
    void janeDoeCanWithdrawFiftyOfHerHundred(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(withdraw("Jane Doe", 50)).join();

        assertThat(reply).isEqualTo(ok(50));
        bank.verify().received(query("Jane Doe"));
    }

    @Test
    void johnDoeCanWithdrawToo(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(withdraw("John Doe", 50)).join();

        assertThat(reply).isEqualTo(ok(50));
        bank.verify().received(query("John Doe"));
    }

    @Test
    void anAnonymousCustomerIsRefused(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(withdraw("Anonymous", 50)).join();

        assertThat(reply.getSuccess()).isFalse();
        assertThat(reply.getError()).contains("insufficient funds");
        bank.verify().received(query("Anonymous"));
    }

    @Test
    void aDepositRaisesTheBalance(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(deposit("Jane Doe", 25)).join();

        assertThat(reply).isEqualTo(ok(125));
    }

    @Test
    void withdrawingMoreThanTheBalanceIsRefused(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(withdraw("Jane Doe", 150)).join();

        assertThat(reply.getSuccess()).isFalse();
        assertThat(reply.getBalance()).isEqualTo(100);
        assertThat(reply.getError()).contains("insufficient funds");
    }

    @Test
    void aRequestWithoutAnActionIsRefusedWithoutAskingTheBank(
            @Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        AtmReply reply = client.request(AtmMessages.request(Action.ACTION_UNSPECIFIED, "Jane Doe", 5)).join();

        assertThat(reply).isEqualTo(AtmMessages.failed("missing action: expected WITHDRAW or DEPOSIT"));
        bank.verify().receivedNothing();
    }

    @Test
    void anUnreachableBankGivesAnErrorNotSilence(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.server().close(); // the bank goes down while the ATM runs

        AtmReply reply = client.request(withdraw("Jane Doe", 50)).join();

        assertThat(reply.getSuccess()).isFalse();
        assertThat(reply.getError()).startsWith("bank unavailable");
    }

    @Test
    void aSlowBankGivesAnErrorNotSilence(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.server().respond(BalanceQuery.class, q -> Reply.after(Duration.ofSeconds(30), balance(100)));

        AtmReply reply = client.request(withdraw("Jane Doe", 50)).join();

        assertThat(reply.getSuccess()).isFalse();
        assertThat(reply.getError()).isEqualTo("bank timed out after 2000 ms");
    }

    @Test
    void oneConnectionServesManyRequestsInOrder(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        var first = client.request(withdraw("Jane Doe", 10));
        var second = client.request(deposit("John Doe", 5));
        var third = client.request(withdraw("Anonymous", 1));

        assertThat(first.join()).isEqualTo(ok(90));
        assertThat(second.join()).isEqualTo(ok(105));
        assertThat(third.join().getSuccess()).isFalse();
        bank.verify().received(query("Jane Doe")).received(query("John Doe"));
    }
}
