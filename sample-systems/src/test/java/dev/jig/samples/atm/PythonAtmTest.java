package dev.jig.samples.atm;

import dev.jig.junit.FakeServer;
import dev.jig.junit.SystemUnderTest;
import dev.jig.samples.SamplePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The same suite against the Python ATM: the system under test can be written in any language. It speaks the
 * same {@code .proto} through Python's protobuf runtime, reading the descriptor set the build writes.
 */
class PythonAtmTest extends AtmSuite {

    @Override
    SystemUnderTest atm(FakeServer bank) {
        List<Object> args = new ArrayList<>(List.of(args(bank)));
        args.addAll(List.of("--descriptors", SamplePaths.descriptors()));
        return SystemUnderTest.command("atm", SamplePaths.python3(), "-u", SamplePaths.python("atm.py"))
                .args(args.toArray()).readyWhen(READY)
                .protocol(FRAMING, ATM_CODEC)
                .profiled(); // not a JVM: its CPU time and peak RSS (kind process) in systemProfiles
    }
}
