package dev.jig.samples.atm;

import dev.jig.junit.FakeServer;
import dev.jig.junit.SystemUnderTest;
import dev.jig.samples.SamplePaths;

/** The same suite against the Python ATM: the system under test can be written in any language. */
class PythonAtmTest extends AtmSuite {

    @Override
    SystemUnderTest atm(FakeServer bank) {
        return SystemUnderTest.command("atm", "python3", "-u", SamplePaths.python("atm.py"))
                .args(args(bank)).readyWhen(READY);
    }
}
