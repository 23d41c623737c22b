package dev.jig.samples.atm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.JigTest;
import dev.jig.junit.Profile;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.Ready;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ATM, profiled inside and out: the Java ATM's own methods come from its flight recording (its
 * {@code systemProfiles} entry in results.json), and the teller's decisions, run many times here in the test
 * JVM, get an exact profile (calls, self and total time per method, the call tree). Two more tests show the
 * sampled profiles: the teller's CPU time ({@code cpu}, the default event) and a test that mostly waits for
 * the ATM's replies ({@code event = "wall"}: waiting threads are sampled too).
 */
@JigTest
@Profile(include = "dev.jig.samples.atm", exclude = "dev.jig.samples.atm.ProfiledAtmTest")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfiledAtmTest {

    static final Map<String, Long> BALANCES = Map.of("Jane Doe", 100L, "John Doe", 100L);

    final FakeServer bank = FakeServer.tcp("bank")
            .framing(AtmSuite.FRAMING)
            .codec(AtmSuite.BANK_CODEC)
            .respond(BalanceQuery.class, q -> BankMessages.balance(BALANCES.getOrDefault(q.getCustomer(), 0L)));

    final SystemUnderTest atm = SystemUnderTest.java("atm", AtmMain.class)
            .args("--bank", bank, "--port", "0", "--bank-timeout-ms", "2000")
            .readyWhen(Ready.logLine("listening on port (\\d+)"))
            .protocol(AtmSuite.FRAMING, AtmSuite.ATM_CODEC)
            .profiled();

    @Test
    void theTellerDecidesTwentyThousandRequests(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        for (int i = 0; i < 20; i++) {
            assertThat(client.request(AtmMessages.withdraw("Jane Doe", 1)).join().getSuccess()).isTrue();
        }

        long granted = decide(20_000);

        assertThat(granted).isEqualTo(grantedOf(20_000)); // every deposit, and what Jane can afford
    }

    @Test
    @Profile(mode = Profile.Mode.SAMPLED)
    void theTellersCpuTimeIsSampled() {
        assertThat(decide(400_000)).isEqualTo(grantedOf(400_000));
    }

    @Test
    @Profile(mode = Profile.Mode.SAMPLED, event = "wall")
    void wallClockSamplesShowTheTestWaitingForTheAtm(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        for (int i = 0; i < 200; i++) {
            assertThat(client.request(AtmMessages.deposit("John Doe", 1)).join().getSuccess()).isTrue();
        }
    }

    private static long decide(int requests) {
        Teller teller = new Teller(customer -> BALANCES.getOrDefault(customer, 0L));
        long granted = 0;
        for (int i = 0; i < requests; i++) {
            AtmRequest request = switch (i % 4) {
                case 0 -> AtmMessages.withdraw("Jane Doe", 1 + i % 150);
                case 1 -> AtmMessages.deposit("John Doe", i);
                case 2 -> AtmMessages.withdraw("Anonymous", 5);
                default -> AtmMessages.withdraw("", 5);
            };
            granted += teller.handle(request).getSuccess() ? 1 : 0;
        }
        return granted;
    }

    private static long grantedOf(int requests) {
        long affordableWithdrawals = IntStream.range(0, requests).filter(i -> i % 4 == 0 && 1 + i % 150 <= 100).count();
        return requests / 4 + affordableWithdrawals;
    }
}
