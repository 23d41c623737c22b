package dev.jig.samples.atm;

import dev.jig.junit.FakeServer;
import dev.jig.junit.SystemUnderTest;
import dev.jig.junit.RequiresDocker;
import java.time.Duration;

/**
 * The same suite against the Java ATM in a container, built locally from a jlink runtime ({@link AtmImage}), on
 * the host's network ({@link ContainerBridgeAtmTest} runs it on a bridge network). The fake bank runs on the
 * host; the container shares the host network, so its address works unchanged. Skipped, with the reason, where
 * Docker is not available.
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
        return image().args(args(bank));
    }
}
