package dev.jig.samples.atm;

import dev.jig.junit.FakeServer;
import dev.jig.junit.SystemUnderTest;

/** The ATM suite against the Java ATM, started as a separate JVM. */
class JavaAtmTest extends AtmSuite {

    @Override
    SystemUnderTest atm(FakeServer bank) {
        return SystemUnderTest.java("atm", AtmMain.class)
                .args(args(bank)).readyWhen(READY)
                .protocol(FRAMING, ATM_CODEC);
    }
}
