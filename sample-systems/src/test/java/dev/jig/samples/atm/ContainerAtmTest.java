package dev.jig.samples.atm;

import dev.jig.junit.FakeServer;
import dev.jig.junit.SystemUnderTest;
import dev.jig.junit.RequiresDocker;
import java.time.Duration;

/**
 * The same suite against the Java ATM in a container, built locally from a jlink runtime ({@link AtmImage}).
 * The fake bank runs on the host; the container shares the host network, so its address works unchanged.
 * Skipped, with the reason, where Docker is not available.
 */
@RequiresDocker
class ContainerAtmTest extends AtmSuite {

    @Override
    SystemUnderTest atm(FakeServer bank) {
        return SystemUnderTest.image("atm", AtmImage.image())
                .args(args(bank)).readyWhen(READY)
                .protocol(FRAMING, ATM_CODEC)
                .stopGrace(Duration.ofSeconds(2));
    }
}
