package dev.jig.samples.atm;

import dev.jig.junit.SystemUnderTest;
import dev.jig.samples.SamplePaths;

/** Control mid-test against the Python ATM: the same signals, restart and pause work for any language. */
class PythonAtmControlTest extends AtmControlSuite {

    @Override
    SystemUnderTest atm(SystemUnderTest bank, Object... args) {
        return SystemUnderTest.command("atm", SamplePaths.python3(), "-u", SamplePaths.python("atm.py"))
                .args(args).args("--descriptors", SamplePaths.descriptors())
                .readyWhen(AtmSuite.READY)
                .protocol(AtmSuite.FRAMING, AtmSuite.ATM_CODEC);
    }
}
