package dev.jig.samples.atm;

import static dev.jig.samples.atm.AtmMessages.failed;
import static dev.jig.samples.atm.AtmMessages.ok;
import static dev.jig.samples.atm.AtmMessages.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.JigTest;
import dev.jig.junit.SystemUnderTest;
import dev.jig.record.ProcessRecord;
import dev.jig.samples.bank.BankMain;
import dev.jig.system.Ready;
import dev.jig.system.Signal;
import dev.jig.system.SystemSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Control in the middle of a test, against every ATM implementation: a settings reload on SIGHUP that keeps the
 * open connection, a crash and a restart, a hung bank. The bank here is the real {@link BankMain}, a system of its
 * own, so that it can be paused.
 */
@JigTest
@Timeout(120)
abstract class AtmControlSuite {

    /** How long the ATM waits for the bank: enough for a cold bank JVM on a busy machine, short enough to wait for. */
    static final int BANK_TIMEOUT_MS = 2000;

    final Path settings = settingsFile("max-withdrawal=30\n");

    final SystemUnderTest bank = SystemUnderTest.java("bank", BankMain.class)
            .args("--port", SystemSpec.FREE_PORT, "--balance", "Jane Doe=100")
            .readyWhen(Ready.logLine("bank listening on port (\\d+)"))
            .protocol(AtmSuite.FRAMING, AtmSuite.BANK_CODEC);

    final SystemUnderTest atm = atm(bank, "--bank", bank, "--port", SystemSpec.FREE_PORT,
            "--bank-timeout-ms", Integer.toString(BANK_TIMEOUT_MS), "--settings", settings.toString());

    /** This implementation of the ATM, named "atm", with {@code args}, ready as {@link AtmSuite#READY} says, speaking the ATM protocol. */
    abstract SystemUnderTest atm(SystemUnderTest bank, Object... args);

    @Test
    void sighupReloadsTheSettingsWithoutDroppingTheOpenConnection(
            @Connect("atm") FramedClient<AtmRequest, AtmReply> client) throws IOException {
        assertThat(client.request(withdraw("Jane Doe", 50)).join())
                .isEqualTo(failed("over the limit: at most 30 per withdrawal, requested 50"));
        Files.writeString(settings, "max-withdrawal=100\n");

        atm.signal(Signal.HUP);
        atm.output().awaitLine("reloaded settings: max-withdrawal 100", Duration.ofSeconds(10));

        assertThat(client.request(withdraw("Jane Doe", 50)).join()).isEqualTo(ok(50)); // the same connection
        assertThat(atm.system().isAlive()).isTrue();
    }

    @Test
    void aKilledAtmIsRestartedAndServesAReconnectedClient(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        assertThat(client.request(withdraw("Jane Doe", 20)).join()).isEqualTo(ok(80));
        String address = atm.address();

        atm.kill();
        assertThat(atm.system().toRecord().ended()).isEqualTo(ProcessRecord.KILLED);
        atm.restart();

        assertThat(atm.address()).isEqualTo(address); // FREE_PORT keeps its value
        try (FramedClient<AtmRequest, AtmReply> reconnected = connect()) {
            assertThat(reconnected.request(withdraw("Jane Doe", 20)).join()).isEqualTo(ok(80));
        }
        assertThat(atm.system().restarts()).isEqualTo(1);
    }

    @Test
    void aPausedBankMakesTheAtmAnswerBankTimedOutAndAResumedOneRecovers(
            @Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.pause();
        assertThat(client.request(withdraw("Jane Doe", 20)).join())
                .isEqualTo(failed("bank timed out after " + BANK_TIMEOUT_MS + " ms"));

        bank.resume();
        assertThat(client.request(withdraw("Jane Doe", 20)).join()).isEqualTo(ok(80));
    }

    private FramedClient<AtmRequest, AtmReply> connect() {
        return FramedClient.<AtmRequest, AtmReply>builder(AtmReply.class)
                .framing(AtmSuite.FRAMING).codec(AtmSuite.ATM_CODEC).timeout(Duration.ofSeconds(10))
                .connect(atm.host(), atm.port());
    }

    private static Path settingsFile(String text) {
        try {
            Path file = Files.createTempFile("jig-atm-settings", ".properties");
            file.toFile().deleteOnExit();
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
