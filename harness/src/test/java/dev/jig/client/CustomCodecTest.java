package dev.jig.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jig.fake.FakeTcpServer;
import dev.jig.wire.Deposit;
import dev.jig.wire.DepositCodec;
import dev.jig.wire.Framing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A hand-written binary codec plugs into both the fake and the client. */
@Timeout(30)
class CustomCodecTest {

    @Test
    void binaryCodecWorksEndToEnd() {
        try (FakeTcpServer bank = FakeTcpServer.spec("bank")
                .framing(Framing.lengthPrefixed(4))
                .codec(new DepositCodec())
                .respond(Deposit.class, d -> new Deposit(d.customer(), d.amount() * 2))
                .start();
             FramedClient<Deposit, Deposit> client = FramedClient.builder(Deposit.class)
                     .framing(Framing.lengthPrefixed(4))
                     .codec(new DepositCodec())
                     .connect(bank.host(), bank.port())) {
            assertEquals(new Deposit("Jane", 100), client.request(new Deposit("Jane", 50)).join());
            bank.verify().received(new Deposit("Jane", 50)).noUnmatched().noProtocolErrors();
            assertEquals("0x44000000324a616e65", bank.journal().requests().get(0).description());
        }
    }
}
