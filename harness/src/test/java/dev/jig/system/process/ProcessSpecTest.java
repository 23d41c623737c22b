package dev.jig.system.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jig.record.ProcessRecord;
import dev.jig.system.Ready;
import dev.jig.system.RunningSystem;
import dev.jig.system.SystemLaunchException;
import dev.jig.system.SystemRegistry;
import dev.jig.system.SystemSpec;
import dev.jig.system.SystemStartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessSpecTest {

    @TempDir
    Path registryDir;

    private SystemSpec sh(String script) {
        return SystemSpec.command("atm", "/bin/sh", "-c", script, "atm").registry(SystemRegistry.at(registryDir));
    }

    @Test
    void withMethodsReturnNewSpecsAndLeaveTheOriginalAlone() {
        SystemSpec base = SystemSpec.command("atm", "/bin/echo");
        SystemSpec more = base.args("a").env("X", "1").readyTimeout(Duration.ofSeconds(1));

        assertNotSame(base, more);
        assertEquals("SystemSpec[atm: /bin/echo]", base.toString());
        assertEquals("SystemSpec[atm: /bin/echo a]", more.toString());
    }

    @Test
    void suppliersAreResolvedAtStartNotBefore() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> bank = () -> "127.0.0.1:" + (4000 + calls.incrementAndGet());
        SystemSpec spec = sh("echo \"arg=$1 env=$BANK\"; exec sleep 300")
                .args((Supplier<String>) bank)
                .env("BANK", bank)
                .readyWhen(Ready.logLine("arg="));
        assertEquals(0, calls.get());

        try (RunningSystem atm = spec.start()) {
            assertEquals("arg=127.0.0.1:4001 env=127.0.0.1:4002", atm.output().lines().get(0).text());
        }
    }

    @Test
    void freePortIsChosenOnceAndUsedInArgsAndEnv() {
        SystemSpec spec = sh("echo \"$1 $PORT\"; exec sleep 300")
                .args(SystemSpec.FREE_PORT).env("PORT", SystemSpec.FREE_PORT)
                .readyWhen(Ready.logLine("\\d+ \\d+"));
        try (RunningSystem atm = spec.start()) {
            int port = atm.port().orElseThrow();
            assertEquals(port + " " + port, atm.output().lines().get(0).text());
            assertEquals("127.0.0.1:" + port, atm.address());
        }
    }

    @Test
    void numbersAndPathsBecomeStrings() {
        SystemSpec spec = sh("echo \"$1 $2\"; exec sleep 300").args(42, Path.of("/tmp/x"))
                .readyWhen(Ready.logLine("42"));
        try (RunningSystem atm = spec.start()) {
            assertEquals("42 /tmp/x", atm.output().lines().get(0).text());
        }
    }

    @Test
    void nullEnvValueRemovesAnInheritedVariable() {
        SystemSpec spec = sh("echo \"home=${HOME:-unset}\"; exec sleep 300").env("HOME", null)
                .readyWhen(Ready.logLine("home="));
        try (RunningSystem atm = spec.start()) {
            assertEquals("home=unset", atm.output().lines().get(0).text());
        }
    }

    @Test
    void unsupportedValueKindsAreRejectedWithAHint() {
        SystemSpec spec = SystemSpec.command("atm", "/bin/echo");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.args(List.of("x")));

        assertTrue(e.getMessage().startsWith("args(...) of atm accepts a String, Number, Path, Supplier or "
                + "SystemSpec.FREE_PORT, got java.util."), e.getMessage());
    }

    @Test
    void bridgeNetworkOnlyForImages() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SystemSpec.command("atm", "python3", "atm.py").bridgeNetwork());

        assertEquals("bridgeNetwork() applies only to SystemSpec.image(...); atm runs python3 atm.py; a container of "
                + "your own (SystemSpec.container(...)) gets its network from how you configured it", e.getMessage());
    }

    @Test
    void jvmArgsOnlyForJavaSpecs() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SystemSpec.command("atm", "python3", "atm.py").jvmArgs("-Xmx64m"));

        assertEquals("jvmArgs(...) applies only to SystemSpec.java(...); atm runs python3 atm.py, so pass its options "
                + "with args(...)", e.getMessage());
    }

    @Test
    void javaSpecRunsTheMainClassWithThisClassPathAndJvmArgs() {
        SystemSpec spec = SystemSpec.java("tiny", TinyServer.class).jvmArgs("-Xmx64m").args(0)
                .registry(SystemRegistry.at(registryDir))
                .readyWhen(Ready.logLine("listening on port (\\d+)"));
        try (RunningSystem tiny = spec.start()) {
            List<String> command = tiny.command();
            assertTrue(command.get(0).endsWith("/bin/java"), command.toString());
            assertEquals(List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    TinyServer.class.getName(), "0"), command.subList(1, command.size()));
        }
    }

    @Test
    void recordMasksSecretsAndKeepsTheTail() {
        SystemSpec spec = sh("for i in 1 2 3 4 5; do echo line $i; done; echo done; exec sleep 300")
                .args("--password", "hunter2", "--token=abc")
                .outputTail(2)
                .readyWhen(Ready.logLine("done"));
        try (RunningSystem atm = spec.start()) {
            ProcessRecord running = atm.toRecord();
            assertEquals(List.of("--password", "hunter2", "--token=abc"),
                    atm.command().subList(atm.command().size() - 3, atm.command().size()));
            assertEquals(List.of("--password", "***", "--token=***"),
                    running.command().subList(running.command().size() - 3, running.command().size()));
            assertNull(running.exitCode());
            assertEquals(2, running.output().size());
            assertTrue(running.output().get(1).endsWith(" out done"), running.output().toString());
            assertTrue(running.outputTruncated());
            assertEquals(atm.pid(), running.pid());

            atm.stop();
            assertEquals(143, atm.toRecord().exitCode());
        }
    }

    @Test
    void startFailureMessagesMaskSecrets() {
        SystemSpec spec = SystemSpec.command("atm", "no-such-program-jig", "--api-key", "k123")
                .registry(SystemRegistry.at(registryDir));

        SystemLaunchException e = assertThrows(SystemLaunchException.class, spec::start);

        assertTrue(e.getMessage().contains("Command: no-such-program-jig --api-key ***\n"), e.getMessage());
        assertFalse(e.getMessage().contains("k123"), e.getMessage());
    }

    @Test
    void failingSupplierFailsTheStartWithAHint() {
        SystemSpec spec = sh("true").args((Supplier<String>) () -> {
            throw new IllegalStateException("bank not started");
        });

        SystemStartException e = assertThrows(SystemStartException.class, spec::start);

        assertTrue(e.getMessage().startsWith("Could not start atm: the supplier of its argument 1 failed with "
                + "java.lang.IllegalStateException: bank not started."), e.getMessage());
    }

    @Test
    void echoPrefixesLinesWithTheName() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true));
        try (RunningSystem atm = sh("echo hello; exec sleep 300").echoOutput(true)
                .readyWhen(Ready.logLine("hello")).start()) {
            assertTrue(atm.isAlive());
        } finally {
            System.setOut(original);
        }
        assertTrue(captured.toString().contains("[atm] hello"), captured.toString());
    }
}
