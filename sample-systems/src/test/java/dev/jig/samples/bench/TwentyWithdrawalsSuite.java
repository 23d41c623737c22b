package dev.jig.samples.bench;

import static dev.jig.samples.atm.AtmMessages.ok;
import static dev.jig.samples.atm.AtmMessages.withdraw;
import static dev.jig.samples.bank.BankMessages.balance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.samples.atm.AtmMain;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.Balance;
import dev.jig.wire.Codec;
import dev.jig.wire.Framing;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Twenty tests as the seed's suite has them: each its own fake bank, its own Java ATM and one withdrawal. Not a test
 * of the build (no Surefire include matches the name): {@link SuiteFigures} runs it to time a suite's per-test cost.
 */
@JigTest
public class TwentyWithdrawalsSuite {

    static final Framing FRAMING = Framing.lengthPrefixed(2);

    final FakeServer bank = FakeServer.tcp("bank").framing(FRAMING)
            .codec(Codec.protobuf(BalanceQuery.class, Balance.class))
            .respond(BalanceQuery.class, q -> balance(100));

    final SystemUnderTest atm = SystemUnderTest.java("atm", AtmMain.class)
            .args("--bank", bank, "--port", "0", "--bank-timeout-ms", "2000")
            .readyWhen(Ready.logLine("listening on port (\\d+)"))
            .protocol(FRAMING, Codec.protobuf(AtmRequest.class, AtmReply.class));

    @RepeatedTest(20)
    void janeWithdraws(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        assertThat(client.request(withdraw("Jane Doe", 50)).join()).isEqualTo(ok(50));
    }
}
