package dev.jig.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.fake.FakeTcpServer;
import dev.jig.system.SystemSpec;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.samples.atm.AtmMain;
import dev.jig.samples.atm.AtmMessages;
import dev.jig.samples.atm.AtmReply;
import dev.jig.samples.atm.AtmRequest;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import dev.jig.wire.Codec;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's "Without JUnit" example, word for word: the harness alone, in try-with-resources. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HarnessWithoutJUnitTest {

    @Test
    void theReadmeExampleRuns() {
        AtmReply answer;
        try (FakeTcpServer bank = FakeTcpServer.spec("bank").codec(Codec.protobuf())
                     .respond(BalanceQuery.class, q -> BankMessages.balance(100)).start();
             RunningSystem atm = SystemSpec.java("atm", AtmMain.class)
                     .args("--bank", bank.address(), "--port", "0", "--bank-timeout-ms", "5000")
                     .readyWhen(Ready.logLine("listening on port (\\d+)")).start();
             FramedClient<AtmRequest, AtmReply> client = FramedClient.<AtmRequest, AtmReply>builder(AtmReply.class)
                     .codec(Codec.protobuf()).connect(atm.host(), atm.port().getAsInt())) {
            answer = client.request(AtmMessages.withdraw("Jane Doe", 50)).join();
            System.out.println(answer);
        }
        assertThat(answer).isEqualTo(AtmMessages.ok(50));
    }
}
