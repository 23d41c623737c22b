package dev.jig.system.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jig.system.SystemContract;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The system contract on the process backend: the scripts run in the host's busybox shell. */
class ProcessSystemContractTest extends SystemContract {

    private static final Path BUSYBOX = Path.of("/bin/busybox");

    @BeforeAll
    static void busybox() {
        assumeTrue(Files.isExecutable(BUSYBOX), "no " + BUSYBOX + ": apt-get install busybox-static");
    }

    @Override
    protected SystemSpec shell(String name, String script) {
        return SystemSpec.command(name, BUSYBOX.toString(), "sh", "-c", script)
                .registry(SystemRegistry.at(registryDir)).stopGrace(Duration.ofSeconds(1));
    }

    @Override
    protected String kind() {
        return "process";
    }

    @Override
    protected void assertNothingLeft(String name, List<Long> pids) {
        assertThat(pids).noneMatch(Procs::running);
    }
}
