package dev.jig.samples.atm;

import dev.jig.junit.SystemUnderTest;

/** Control mid-test against the Java ATM. */
class JavaAtmControlTest extends AtmControlSuite {

    @Override
    SystemUnderTest atm(SystemUnderTest bank, Object... args) {
        return SystemUnderTest.java("atm", AtmMain.class).args(args)
                .readyWhen(AtmSuite.READY)
                .protocol(AtmSuite.FRAMING, AtmSuite.ATM_CODEC);
    }
}
