package dev.jig.samples.atm;

import dev.jig.junit.FakeServer;
import dev.jig.junit.RequiresDocker;
import dev.jig.junit.SystemUnderTest;

/**
 * The same suite against the ATM's container on the host's network ({@code hostNetwork()}): the fake bank's
 * address works inside unchanged, and the port the ATM chose and printed is reached as it is. Skipped, with the
 * reason, where Docker is not available.
 */
@RequiresDocker
class ContainerHostAtmTest extends AtmSuite {

    @Override
    SystemUnderTest atm(FakeServer bank) {
        return ContainerAtmTest.image().hostNetwork().args(args(bank));
    }
}
