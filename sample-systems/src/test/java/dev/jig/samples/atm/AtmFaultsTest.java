package dev.jig.samples.atm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.fault.Fault;
import dev.jig.fault.FaultSchedule;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.Proxy;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ATM when its bank misbehaves: the link to the bank runs through a fault proxy that the tests cut and
 * slow down, and the fake bank resets a chosen request. The ATM must answer every time, saying what went
 * wrong, and recover when the bank does.
 */
@JigTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AtmFaultsTest {

    final FakeServer bank = FakeServer.tcp("bank")
            .codec(AtmSuite.BANK_CODEC)
            .respond(BalanceQuery.class, q -> BankMessages.balance(100));

    final Proxy bankLink = Proxy.to("bank-link", bank);

    final SystemUnderTest atm = SystemUnderTest.java("atm", AtmMain.class)
            .args("--bank", bankLink, "--port", "0", "--bank-timeout-ms", "1000")
            .readyWhen(Ready.logLine("listening on port (\\d+)"))
            .protocol(AtmSuite.FRAMING, AtmSuite.ATM_CODEC);

    final Proxy atmLink = Proxy.to("atm-link", atm);

    @Test
    void aCutBankLinkMakesTheBankUnavailableUntilItIsRestored(
            @Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        assertThat(client.request(AtmMessages.withdraw("Jane Doe", 50)).join()).isEqualTo(AtmMessages.ok(50));

        bankLink.cut();
        AtmReply duringCut = client.request(AtmMessages.withdraw("Jane Doe", 50)).join();
        assertThat(duringCut.getSuccess()).isFalse();
        assertThat(duringCut.getError()).startsWith("bank unavailable").contains("refused");

        bankLink.restore();
        assertThat(client.request(AtmMessages.withdraw("Jane Doe", 50)).join()).isEqualTo(AtmMessages.ok(50));
    }

    @Test
    void aResetSecondBankRequestFailsOnlyThatWithdrawal(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.server().faults(FaultSchedule.nth(2, Fault.reset()));

        assertThat(client.request(AtmMessages.withdraw("Jane Doe", 10)).join()).isEqualTo(AtmMessages.ok(90));
        AtmReply reset = client.request(AtmMessages.withdraw("Jane Doe", 10)).join();
        assertThat(reset.getSuccess()).isFalse();
        assertThat(reset.getError()).isEqualTo("bank error: Connection reset");
        assertThat(client.request(AtmMessages.withdraw("Jane Doe", 10)).join()).isEqualTo(AtmMessages.ok(90));

        assertThat(bank.server().toRecord().faults())
                .containsExactly("request 2 (BalanceQuery { customer: \"Jane Doe\" }): reset");
    }

    @Test
    void aSlowBankLinkWithinTheTimeoutOnlyMakesTheAnswerLate(
            @Connect("atm-link") FramedClient<AtmRequest, AtmReply> client) {
        bankLink.latency(Duration.ofMillis(300), Duration.ofMillis(100));

        long start = System.nanoTime();
        assertThat(client.request(AtmMessages.withdraw("Jane Doe", 50)).join()).isEqualTo(AtmMessages.ok(50));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(atmLink.proxy().bytesForwarded(dev.jig.proxy.Direction.DOWNSTREAM)).isPositive();
    }
}
