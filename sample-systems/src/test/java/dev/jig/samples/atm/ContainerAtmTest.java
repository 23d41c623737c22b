package dev.jig.samples.atm;

import static dev.jig.samples.atm.AtmMessages.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jig.client.FramedClient;
import dev.jig.junit.Connect;
import dev.jig.junit.FakeServer;
import dev.jig.junit.RequiresDocker;
import dev.jig.junit.SystemUnderTest;
import dev.jig.system.SystemSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same suite against the Java ATM in a container, built locally from a jlink runtime ({@link AtmImage}), on
 * a bridge network, the default ({@link ContainerHostAtmTest} runs it on the host's network): the ATM listens on
 * every interface of its own network, on a port published on a mapped host port that the clients connect to, and
 * reaches the fake bank on the host through {@code host.testcontainers.internal} (the image Testcontainers needs
 * for that is built locally, {@link SshdImage}). Skipped, with the reason, where Docker is not available.
 */
@RequiresDocker
class ContainerAtmTest extends AtmSuite {

    /** The ATM's image with its readiness and protocol, on either network. */
    static SystemUnderTest image() {
        return SystemUnderTest.image("atm", AtmImage.image())
                .readyWhen(AtmSuite.READY)
                .protocol(AtmSuite.FRAMING, AtmSuite.ATM_CODEC)
                .stopGrace(Duration.ofSeconds(2));
    }

    @Override
    SystemUnderTest atm(FakeServer bank) {
        SshdImage.ensure();
        // A port published before the start (a free one), on every interface: what a bridge needs.
        return image().args("--bank", bank, "--listen", "0.0.0.0", "--port", SystemSpec.FREE_PORT,
                "--bank-timeout-ms", "2000");
    }

    /**
     * A bank that is down looks different from inside the bridge: the forwarded port still accepts (Testcontainers'
     * SSH tunnel answers for the host), then closes when the host refuses, so the ATM reports a closed connection.
     */
    @Override
    @Test
    void anUnreachableBankGivesAnErrorNotSilence(@Connect("atm") FramedClient<AtmRequest, AtmReply> client) {
        bank.server().close();

        AtmReply reply = client.request(withdraw("Jane Doe", 50)).join();

        assertThat(reply.getSuccess()).isFalse();
        assertThat(reply.getError()).isEqualTo("bank error: the bank closed the connection without answering");
    }
}
